"""HTML forms of the matchmaking pages: they parse and type the input; the domain validates."""

from __future__ import annotations

from django import forms
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from salon.accreditation.interfaces.forms import day_choices
from salon.editions.models import Edition
from salon.exhibitors.interfaces.forms import category_choices
from salon.matchmaking.domain.slots import edition_slots
from salon.matchmaking.models import BudgetHorizon
from salon.web import SalonForm


def slot_choices(edition: Edition) -> list[tuple[str, str]]:
    # Built per request, so the labels follow the active language.
    return [
        (slot.id, f"{date_format(slot.day, 'D j M')} {time_format(slot.start.time(), 'H:i')}")
        for slot in edition_slots(edition)
    ]


def meeting_days(edition: Edition) -> list:
    return sorted({slot.day for slot in edition_slots(edition)})


class AvailabilityForm(SalonForm):
    available_days = forms.MultipleChoiceField(
        label=_("Days available for meetings"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("None ticked: every day of the show."),
    )
    blocked_slots = forms.MultipleChoiceField(
        label=_("Blocked slots"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Times you are busy elsewhere (a conference, a demonstration)."),
    )

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["available_days"].choices = day_choices(meeting_days(edition))
        self.fields["blocked_slots"].choices = slot_choices(edition)


class NeedForm(AvailabilityForm):
    text = forms.CharField(
        label=_("What are you looking for?"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("In French or English, in your own words: the recommendations understand both."),
    )
    categories = forms.MultipleChoiceField(
        label=_("Categories of interest"),
        choices=category_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    budget_horizon = forms.ChoiceField(
        label=_("Budget horizon"), choices=BudgetHorizon.choices, required=False
    )
    field_order = ["text", "categories", "budget_horizon", "available_days", "blocked_slots"]

    @classmethod
    def initial_from(cls, need) -> dict:
        if need is None:
            return {}
        return {
            "text": need.text,
            "categories": [c.code for c in need.categories.all()],
            "budget_horizon": need.budget_horizon,
            "available_days": need.available_days,
            "blocked_slots": need.blocked_slots,
        }


class OfferForm(AvailabilityForm):
    tables = forms.IntegerField(
        label=_("Meeting tables on the stand"),
        min_value=1,
        max_value=50,
        help_text=_("How many meetings you can hold at the same time."),
    )
    countries_served = forms.MultipleChoiceField(
        label=_("Countries served"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (⌘ on a Mac) to choose several."),
    )
    field_order = ["tables", "countries_served", "available_days", "blocked_slots"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["countries_served"].choices = list(countries)

    @classmethod
    def initial_from(cls, offer) -> dict:
        return {
            "tables": offer.tables,
            "countries_served": offer.countries_served,
            "available_days": offer.available_days,
            "blocked_slots": offer.blocked_slots,
        }


class MeetingRequestForm(SalonForm):
    message = forms.CharField(
        label=_("Message"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class MeetingSettingsForm(SalonForm):
    slot_minutes = forms.IntegerField(label=_("Slot length (minutes)"), min_value=10, max_value=120)
    day_start = forms.TimeField(
        label=_("Meetings start at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    day_end = forms.TimeField(
        label=_("Meetings end at"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    def clean(self):
        data = super().clean()
        start, end, minutes = data.get("day_start"), data.get("day_end"), data.get("slot_minutes")
        if start and end and minutes:
            span = (end.hour * 60 + end.minute) - (start.hour * 60 + start.minute)
            if span < minutes:
                raise forms.ValidationError(_("The meeting day must hold at least one slot."))
        return data
