"""HTML forms of the exhibitor pages: they parse and type the input; the domain decides and validates.

Business rules (valid country, known category, reason length, stand availability…) live in the domain
functions; a DomainError they raise is put back on the matching form field by `attach_domain_error`.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField

from salon.editions.models import Edition, Stand
from salon.errors import DomainError
from salon.exhibitors.models import ApplicationStatus, Category
from salon.web import SalonForm

# Domain messages are English and stable by `code`; the UI shows these translations instead when it
# can (placeholders are filled from what the view knows), else the domain's own message.
DOMAIN_MESSAGES = {
    "reason_required": _("A decision needs a reason (at least 5 characters)."),
    "invalid_area": _("The requested area must be between 1 and 5,000 m²."),
    "already_applied": _("This company has already applied to this edition."),
    "not_draft": _("Only a draft application can be submitted."),
    "not_pending": _("This application is not awaiting authorization."),
    "not_admitted": _("Only an admitted exhibitor can get a stand."),
    "stand_other_edition": _("This stand belongs to another edition."),
    "stand_taken": _("Stand %(stand)s is already allocated to another exhibitor."),
    "no_stand": _("This exhibitor has no stand."),
    "invalid_website": _("Enter a web address starting with http:// or https://."),
    "description_too_long": _("A description has at most 5,000 characters."),
    "description_required": _("Describe the product in French or English (or both)."),
    "unknown_category": _("Choose categories from the list."),
    "unknown_country": _("Choose a country from the list."),
    "invalid_email": _("Enter a valid email address."),
    "country_locked": _(
        "The country cannot change once an application was submitted: the policy decision depends on it."
    ),
    "forbidden": _("You may not do this."),
}

FIELD_SPECIFIC_MESSAGES = {
    ("invalid_name", "legal_name"): _("The legal name is required (200 characters at most)."),
    ("invalid_name", "name"): _("A product needs a name (200 characters at most)."),
    ("invalid_name", "full_name"): _("A contact needs a name."),
}


def explain(exc: DomainError, **context: object) -> str:
    """The user's-language text of a domain error; the domain's English message when none fits."""
    template = FIELD_SPECIFIC_MESSAGES.get((exc.code, exc.field or "")) or DOMAIN_MESSAGES.get(exc.code)
    if template is None:
        return exc.message
    try:
        return str(template) % context if "%(" in str(template) else str(template)
    except KeyError:
        return exc.message


def attach_domain_error(form: forms.Form, exc: DomainError, **context: object) -> None:
    """Show the error on its field when the form has that field, else above the form."""
    field = exc.field if exc.field in form.fields else None
    form.add_error(field, explain(exc, **context))


def category_choices() -> list[tuple[str, str]]:
    # Called at render time, so the names follow the active language.
    return [(c.code, c.name) for c in Category.objects.all()]


def _optional(choices: list[tuple[str, str]], empty_label) -> list[tuple[str, str]]:
    return [("", empty_label), *choices]


class CompanyForm(SalonForm):
    legal_name = forms.CharField(label=_("Legal name"), max_length=200)
    country = CountryField(blank_label=_("(choose a country)")).formfield(label=_("Country"))
    city = forms.CharField(label=_("City"), max_length=100, required=False)
    website = forms.CharField(
        label=_("Website"),
        max_length=300,
        required=False,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
    )
    description_fr = forms.CharField(
        label=_("Description (French)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    description_en = forms.CharField(
        label=_("Description (English)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    categories = forms.MultipleChoiceField(
        label=_("Capability categories"),
        choices=category_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    @classmethod
    def initial_from(cls, company) -> dict:
        return {
            "legal_name": company.legal_name,
            "country": company.country.code,
            "city": company.city,
            "website": company.website,
            "description_fr": company.description_fr,
            "description_en": company.description_en,
            "categories": list(company.categories.values_list("code", flat=True)),
        }


class ProductForm(SalonForm):
    name = forms.CharField(label=_("Product name"), max_length=200)
    category = forms.ChoiceField(
        label=_("Category"), choices=lambda: _optional(category_choices(), _("(choose a category)"))
    )
    description_fr = forms.CharField(
        label=_("Description (French)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    description_en = forms.CharField(
        label=_("Description (English)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ContactForm(SalonForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    role = forms.CharField(label=_("Role"), max_length=200, required=False)
    email = forms.CharField(label=_("Email"), max_length=254, widget=forms.EmailInput)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)


class ApplicationForm(SalonForm):
    edition = forms.ModelChoiceField(
        label=_("Edition"), queryset=Edition.objects.none(), empty_label=_("(choose an edition)")
    )
    requested_area_m2 = forms.IntegerField(
        label=_("Requested stand area (m²)"), min_value=1, max_value=5000, initial=9
    )

    def __init__(self, *args, open_editions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if open_editions is not None:
            self.fields["edition"].queryset = open_editions


class DecisionForm(SalonForm):
    """One reason, two buttons: the button pressed carries the decision."""

    AUTHORIZE = "authorize"
    REFUSE = "refuse"

    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Recorded in the audit trail and shown to the applicant."),
    )
    decision = forms.ChoiceField(
        choices=[(AUTHORIZE, _("Authorize")), (REFUSE, _("Refuse"))], widget=forms.HiddenInput
    )


class StandForm(SalonForm):
    stand = forms.ModelChoiceField(
        label=_("Free stand"), queryset=Stand.objects.none(), empty_label=_("(choose a stand)")
    )

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        # Bound forms accept any stand of the edition, so a stand taken meanwhile reaches the domain
        # and yields its precise "already allocated" error instead of a generic "invalid choice".
        stands = Stand.objects.filter(hall__edition=edition).select_related("hall")
        self.fields["stand"].queryset = stands if self.is_bound else stands.filter(application__isnull=True)


class ExhibitorFilterForm(SalonForm):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    country = forms.ChoiceField(label=_("Country"), required=False)
    category = forms.ChoiceField(label=_("Category"), required=False)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=_optional(ApplicationStatus.choices, _("All statuses"))
    )

    def __init__(self, *args, country_codes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        # Only the nationalities present at the edition: a 250-entry list would bury them.
        present = sorted(((code, countries.name(code)) for code in country_codes), key=lambda c: c[1])
        self.fields["country"].choices = _optional(present, _("All countries"))
        self.fields["category"].choices = lambda: _optional(category_choices(), _("All categories"))
