"""HTML forms of the accreditation pages: they parse and type the input; the domain validates.

Registration rules (ages, duplicates, known zones, document number length…) live in
salon.accreditation.domain.registrations; its problems come back onto the matching fields here.
"""

from __future__ import annotations

import datetime as dt

from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import CountryField

from salon.accreditation.domain.registrations import Problem, RegistrationData, edition_days
from salon.accreditation.models import IdDocumentType, RegistrationStatus, Sector
from salon.editions.models import Edition, Zone
from salon.web import SalonForm

MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_UPLOAD_BYTES = 10 * 1024 * 1024

# Reasons of the registration domain are English; these are the UI's words for the common ones.
PROBLEM_MESSAGES = {
    "required": _("This field is required."),
    "required, as YYYY-MM-DD": _("Enter your date of birth."),
    "required, 4 to 30 letters or digits": _("Enter the document number (4 to 30 letters or digits)."),
    "a registration with this identity document already exists": _(
        "A registration with this identity document already exists for this edition."
    ),
    "this person (same name and date of birth) is already registered": _(
        "This person (same name and date of birth) is already registered for this edition."
    ),
}


def problem_text(problem: Problem) -> str:
    if problem.reason in PROBLEM_MESSAGES:
        return str(PROBLEM_MESSAGES[problem.reason])
    if problem.column == "birth_date" and "future" in problem.reason:
        return str(_("The date of birth cannot be in the future."))
    if problem.column == "birth_date" and "age outside" in problem.reason:
        return str(_("The date of birth gives an age outside 16–110 years."))
    return problem.reason


def day_choices(days: list[dt.date]) -> list[tuple[str, str]]:
    # Built per request, so the labels follow the active language.
    return [(day.isoformat(), date_format(day, "l j F")) for day in days]


class DayChoiceField(forms.MultipleChoiceField):
    """Edition days as checkboxes, labelled in the active language's date format."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.CheckboxSelectMultiple)
        super().__init__(**kwargs)


class RegistrationForm(SalonForm):
    given_names = forms.CharField(label=_("Given names (Latin script)"), max_length=150)
    family_name = forms.CharField(label=_("Family name (Latin script)"), max_length=150)
    original_script_name = forms.CharField(
        label=_("Full name in original script"),
        max_length=300,
        required=False,
        help_text=_("As written in your passport's own script, e.g. Олег Петров or محمد عبد الرحمن."),
    )
    birth_date = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    nationality = CountryField(blank_label=_("(choose a country)")).formfield(label=_("Nationality"))
    organization = forms.CharField(label=_("Organization"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector"), choices=[("", _("(choose a sector)")), *Sector.choices])
    role = forms.CharField(label=_("Role or rank"), max_length=200, required=False)
    id_document_type = forms.ChoiceField(
        label=_("Identity document"), choices=[("", _("(choose a document)")), *IdDocumentType.choices]
    )
    id_document_number = forms.CharField(
        label=_("Document number"),
        max_length=40,
        help_text=_("Encrypted at rest; officers see only its last three characters."),
    )
    email = forms.EmailField(label=_("Email for the decision"), required=False)
    photo = forms.ImageField(
        label=_("Photo (optional)"), required=False, help_text=_("JPEG or PNG, 5 MB at most.")
    )
    requested_days = DayChoiceField(
        label=_("Days you will attend"), required=False, help_text=_("None ticked: every day.")
    )
    requested_zones = forms.MultipleChoiceField(
        label=_("Restricted zones requested"), required=False, widget=forms.CheckboxSelectMultiple
    )
    language = forms.ChoiceField(label=_("Language for messages"), choices=settings.LANGUAGES)

    def __init__(self, *args, edition: Edition, language: str = "en", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requested_days"].choices = day_choices(edition_days(edition))
        french = language.startswith("fr")
        self.fields["requested_zones"].choices = [
            (zone.code, zone.name_fr if french else zone.name_en)
            for zone in Zone.objects.filter(edition=edition).order_by("code")
        ]
        if not self.fields["requested_zones"].choices:
            del self.fields["requested_zones"]
        self.fields["language"].initial = "fr" if french else "en"

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and photo.size > MAX_PHOTO_BYTES:
            raise forms.ValidationError(_("The photo is larger than 5 MB."))
        return photo

    def registration_data(self) -> RegistrationData:
        data = self.cleaned_data
        return RegistrationData(
            given_names=data["given_names"],
            family_name=data["family_name"],
            original_script_name=data["original_script_name"],
            birth_date=data["birth_date"],
            nationality=data["nationality"],
            organization=data["organization"],
            sector=data["sector"],
            role=data["role"],
            id_document_type=data["id_document_type"],
            id_document_number=data["id_document_number"],
            email=data["email"],
            requested_days=list(data["requested_days"]),
            requested_zones=list(data.get("requested_zones") or []),
            language=data["language"],
        )


class VettingDecisionForm(SalonForm):
    """One reason, two buttons: the button pressed carries the decision."""

    ACCREDIT = "accredit"
    REFUSE = "refuse"

    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Recorded in the audit trail and shown to the registrant (never the list entry)."),
    )
    decision = forms.ChoiceField(
        choices=[(ACCREDIT, _("Accredit")), (REFUSE, _("Refuse"))], widget=forms.HiddenInput
    )


class QueueFilterForm(SalonForm):
    HITS_CHOICES = [("", _("All")), ("yes", _("With hits")), ("no", _("Without hits"))]

    hits = forms.ChoiceField(label=_("Screening"), choices=HITS_CHOICES, required=False)
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", _("All sectors")), *Sector.choices], required=False
    )
    nationality = forms.ChoiceField(label=_("Nationality"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Awaiting a decision")), *RegistrationStatus.choices[1:]],
        required=False,
    )

    def __init__(self, *args, country_codes: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        present = sorted(((code, countries.name(code)) for code in country_codes), key=lambda c: c[1])
        self.fields["nationality"].choices = [("", _("All nationalities")), *present]


class GroupImportForm(SalonForm):
    file = forms.FileField(
        label=_("People file (CSV or XLSX)"),
        help_text=_(
            "One person a line; columns given_names, family_name, birth_date, nationality, organization, "
            "sector, id_document_type, id_document_number, and optionally original_script_name, email, "
            "role, requested_days, requested_zones, language."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Upload a .csv or .xlsx file."))
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class WatchListForm(SalonForm):
    name = forms.CharField(
        label=_("List name"),
        max_length=200,
        help_text=_("Uploading a list under an existing name replaces that list."),
    )
    source = forms.CharField(label=_("Source"), max_length=300)
    list_date = forms.DateField(
        label=_("Date of the list"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    file = forms.FileField(
        label=_("List file"),
        help_text=_("OpenSanctions targets.simple.csv, or a plain CSV of names."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 200 * 1024 * 1024:
            raise forms.ValidationError(_("The file is larger than 200 MB."))
        return upload


class VettingSettingsForm(SalonForm):
    auto_accredit_sectors = forms.MultipleChoiceField(
        label=_("Sectors accredited automatically when screening finds no hit"),
        choices=Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    screening_threshold = forms.FloatField(
        label=_("Screening threshold"),
        min_value=0.5,
        max_value=1.0,
        help_text=_("Hits scoring below it are not shown (0.50–1.00; lower finds more, with more noise)."),
        widget=forms.NumberInput(attrs={"step": "0.01"}),
    )
    retention_days = forms.IntegerField(
        label=_("Retention (days after the edition)"),
        min_value=1,
        max_value=3650,
        help_text=_("Personal data of the edition's registrations is purged after this many days."),
    )
