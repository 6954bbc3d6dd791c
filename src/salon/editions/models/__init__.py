from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Regime(models.TextChoices):
    OPEN = "open", _("Open")
    AUTHORIZATION = "authorization", _("Government authorization required")
    BARRED = "barred", _("Barred")


class Edition(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=200)
    host_country = CountryField(_("host country"))
    city = models.CharField(_("city"), max_length=100)
    venue = models.CharField(_("venue"), max_length=200)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"))
    guest_of_honour_country = CountryField(_("guest of honour country"), blank=True)
    languages = models.CharField(
        _("languages"),
        max_length=50,
        default="fr,en",
        help_text=_("Comma-separated language codes, e.g. fr,en"),
    )
    default_regime = models.CharField(
        _("regime for countries without a rule"), max_length=20, choices=Regime.choices, default=Regime.OPEN
    )

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")), name="edition_ends_after_start"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Theme(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="themes")
    title_en = models.CharField(max_length=200)
    title_fr = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.title_en


class Hall(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="halls")
    code = models.CharField(max_length=20)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="hall_code_unique_per_edition")
        ]

    def __str__(self) -> str:
        return self.name


class Stand(models.Model):
    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="stands")
    number = models.CharField(max_length=20)
    area_m2 = models.DecimalField(max_digits=7, decimal_places=1, validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["hall__code", "number"]
        constraints = [
            models.UniqueConstraint(fields=["hall", "number"], name="stand_number_unique_per_hall")
        ]

    def __str__(self) -> str:
        return f"{self.hall.code}-{self.number}"


class ParticipationRule(models.Model):
    """The host country's rule for exhibitors of one nationality at one edition."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="participation_rules")
    country = CountryField()
    regime = models.CharField(max_length=20, choices=Regime.choices)
    reason = models.CharField(max_length=500, blank=True)
    source = models.CharField(max_length=500, blank=True)
    source_date = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["country"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "country"], name="one_rule_per_country_per_edition"),
        ]

    def __str__(self) -> str:
        return f"{self.edition.slug} {self.country}: {self.regime}"


class ZoneKind(models.TextChoices):
    EXHIBITION = "exhibition", _("Exhibition hall")
    CONFERENCE = "conference", _("Conference room")
    DEMONSTRATION = "demonstration", _("Restricted demonstration area")
    LOUNGE = "lounge", _("Delegation lounge")
    SETUP = "setup", _("Exhibitor set-up")
    OTHER = "other", _("Other")


class Zone(models.Model):
    """An area of the venue with its own entry rules (gates check them)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="zones")
    code = models.SlugField(max_length=40)
    name_en = models.CharField(max_length=120)
    name_fr = models.CharField(max_length=120)
    kind = models.CharField(max_length=20, choices=ZoneKind.choices, default=ZoneKind.EXHIBITION)
    capacity = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="zone_code_unique_per_edition")
        ]

    def __str__(self) -> str:
        return self.name_en
