from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from salon.editions.models import Edition, Regime, Stand


class Category(models.Model):
    """A capability category of the bilingual taxonomy (loaded from data/categories.csv)."""

    code = models.SlugField(max_length=50, unique=True)
    name_en = models.CharField(max_length=120)
    name_fr = models.CharField(max_length=120)

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return self.name_fr if (get_language() or "en").startswith("fr") else self.name_en


class Company(models.Model):
    legal_name = models.CharField(_("legal name"), max_length=200)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)
    categories = models.ManyToManyField(Category, related_name="companies", blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="companies", blank=True)

    class Meta:
        ordering = ["legal_name"]
        verbose_name_plural = "companies"

    def __str__(self) -> str:
        return self.legal_name

    @property
    def description(self) -> str:
        french = (get_language() or "en").startswith("fr")
        first, second = (
            (self.description_fr, self.description_en)
            if french
            else (self.description_en, self.description_fr)
        )
        return first or second


class Product(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="products")
    name = models.CharField(_("name"), max_length=200)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="products")
    description_en = models.TextField(_("description (English)"), blank=True)
    description_fr = models.TextField(_("description (French)"), blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Contact(models.Model):
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="contacts")
    full_name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    email = models.EmailField(_("email"))
    phone = models.CharField(_("phone"), max_length=40, blank=True)

    def __str__(self) -> str:
        return self.full_name


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING_AUTHORIZATION = "pending_authorization", _("Awaiting government authorization")
    REFUSED = "refused", _("Refused")
    ADMITTED = "admitted", _("Admitted")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Application(models.Model):
    """A company's participation in one edition: the exhibitor of that edition."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="applications")
    company = models.ForeignKey(Company, on_delete=models.CASCADE, related_name="applications")
    status = models.CharField(
        max_length=30, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT, db_index=True
    )
    requested_area_m2 = models.PositiveIntegerField(_("requested stand area (m²)"), default=9)
    # The policy check's result, frozen at submission so a later policy edit does not rewrite history.
    policy_regime = models.CharField(max_length=20, choices=Regime.choices, blank=True)
    policy_reason = models.CharField(max_length=500, blank=True)
    decision_reason = models.TextField(blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    stand = models.OneToOneField(
        Stand, null=True, blank=True, on_delete=models.PROTECT, related_name="application"
    )

    class Meta:
        ordering = ["company__legal_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "company"], name="one_application_per_company_per_edition"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company} @ {self.edition.slug}"


class StaffMember(models.Model):
    """A person an admitted exhibitor brings to its stand; each one gets an exhibitor badge."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="staff")
    full_name = models.CharField(_("full name"), max_length=200)
    email = models.EmailField(_("email"), blank=True)
    role = models.CharField(_("role"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["application_id", "full_name", "pk"]

    def __str__(self) -> str:
        return self.full_name
