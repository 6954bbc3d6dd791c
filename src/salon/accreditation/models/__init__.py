from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from salon.editions.models import Edition, Zone


class Sector(models.TextChoices):
    POLICE = "police", _("Police")
    GENDARMERIE = "gendarmerie", _("Gendarmerie")
    ARMED_FORCES = "armed_forces", _("Armed forces")
    CUSTOMS = "customs", _("Customs")
    JUSTICE = "justice", _("Justice")
    CIVIL_PROTECTION = "civil_protection", _("Civil protection and emergency services")
    GOVERNMENT = "government", _("Government and institutions")
    RESEARCH = "research", _("Research")
    INDUSTRY = "industry", _("Industry")
    PRIVATE_SECURITY = "private_security", _("Private security")
    PRESS = "press", _("Press")


class IdDocumentType(models.TextChoices):
    PASSPORT = "passport", _("Passport")
    NATIONAL_ID = "national_id", _("National identity card")
    PROFESSIONAL_CARD = "professional_card", _("Professional card")
    MILITARY_ID = "military_id", _("Military identity card")


class RegistrationStatus(models.TextChoices):
    NEEDS_REVIEW = "needs_review", _("Being vetted")
    ACCREDITED = "accredited", _("Accredited")
    REFUSED = "refused", _("Refused")


class VettingSettings(models.Model):
    """Per-edition vetting choices of the organizer."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="vetting_settings")
    auto_accredit_sectors = models.JSONField(
        default=list,
        blank=True,
        help_text=_("Sectors whose registrations without any hit are accredited without an officer."),
    )
    screening_threshold = models.FloatField(default=0.85)

    retention_days = models.PositiveIntegerField(
        default=90, help_text=_("Days after the edition ends before personal data is purged.")
    )

    def __str__(self) -> str:
        return f"vetting settings of {self.edition_id}"


class ImportBatch(models.Model):
    """A group registered at once (a police unit, a ministry) from one CSV/XLSX file."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="registration_imports")
    file_name = models.CharField(max_length=255)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    row_count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return self.file_name


class Registration(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="registrations")
    registrant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="registrations",
    )
    batch = models.ForeignKey(
        ImportBatch, null=True, blank=True, on_delete=models.SET_NULL, related_name="registrations"
    )
    given_names = models.CharField(_("given names"), max_length=150)
    family_name = models.CharField(_("family name"), max_length=150)
    original_script_name = models.CharField(_("name in original script"), max_length=300, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True)
    nationality = CountryField(_("nationality"))
    email = models.EmailField(_("email"), blank=True)
    language = models.CharField(
        _("language for messages"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    organization = models.CharField(_("organization"), max_length=200)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices, db_index=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    id_document_type = models.CharField(_("identity document"), max_length=30, choices=IdDocumentType.choices)
    # Fernet token of the document number: the clear number never reaches the database.
    id_document_number_encrypted = models.TextField(blank=True)
    # Keyed digest of the normalised number, so duplicates are found without decrypting anything.
    id_document_fingerprint = models.CharField(max_length=64, blank=True, db_index=True)
    photo = models.FileField(upload_to="photos/", blank=True)
    requested_days = models.JSONField(default=list)
    requested_zones = models.ManyToManyField(Zone, blank=True, related_name="requested_by")
    status = models.CharField(
        max_length=20,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.NEEDS_REVIEW,
        db_index=True,
    )
    decision_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    screened_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    purged_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["edition", "status"]),
            # Covers the dashboard's breakdowns by country and sector without reading 30,000 rows.
            models.Index(
                fields=["edition", "nationality", "sector", "status"], name="registration_breakdown"
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.family_name}".strip()


class WatchList(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="watch_lists")
    name = models.CharField(max_length=200)
    source = models.CharField(max_length=300)
    list_date = models.DateField()
    file_format = models.CharField(max_length=20)
    entry_count = models.PositiveIntegerField(default=0)
    imported_at = models.DateTimeField()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "name"], name="watch_list_name_unique_per_edition")
        ]

    def __str__(self) -> str:
        return self.name


class WatchListEntry(models.Model):
    watch_list = models.ForeignKey(WatchList, on_delete=models.CASCADE, related_name="entries")
    entry_id = models.CharField(max_length=200)
    names = models.JSONField()
    birth_date = models.CharField(max_length=10, blank=True)
    countries = models.JSONField(default=list)

    def __str__(self) -> str:
        return self.entry_id


class ScreeningHit(models.Model):
    """A possible match kept for the officer, with a snapshot of the listed person so that replacing
    the list later does not erase what the decision was based on."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="hits")
    watch_list_name = models.CharField(max_length=200)
    entry_id = models.CharField(max_length=200)
    listed_names = models.JSONField()
    listed_birth_date = models.CharField(max_length=10, blank=True)
    listed_countries = models.JSONField(default=list)
    matched_name = models.CharField(max_length=500)
    score = models.FloatField()
    explanation = models.TextField()

    class Meta:
        ordering = ["-score", "entry_id"]

    def __str__(self) -> str:
        return f"{self.entry_id} ({self.score:.2f})"
