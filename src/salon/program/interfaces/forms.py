"""HTML forms of the program pages: they parse and type the input; the domain validates and decides."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from salon.accreditation.models import Sector
from salon.editions.models import Edition
from salon.errors import DomainError
from salon.program.domain.sessions import SessionData
from salon.program.models import Room, Session, SessionFormat, SessionLanguage, Speaker, Track

# Domain messages are English and keyed by a stable code; the pages show these translations instead.
DOMAIN_MESSAGES = {
    "ends_before_start": _("The session ends before it starts."),
    "room_double_booked": _("The room is already booked at that time."),
    "speaker_double_booked": _("A speaker is already speaking elsewhere at that time."),
    "outside_edition_days": _("The session is not within one day of the edition."),
    "no_allowed_sector": _("A restricted session needs at least one category allowed."),
    "session_full": _("This session is fully booked."),
    "restricted_session": _("This session is restricted to other categories of visitors."),
}


def explain(exc: DomainError) -> str:
    text = DOMAIN_MESSAGES.get(exc.code)
    return (
        f"{text} {exc.message}"
        if text and exc.code in {"room_double_booked", "speaker_double_booked"}
        else str(text or exc.message)
    )


def edition_day_choices(edition: Edition) -> list[tuple[str, str]]:
    span = (edition.end_date - edition.start_date).days
    days = [edition.start_date + dt.timedelta(days=d) for d in range(span + 1)]
    return [(d.isoformat(), formats.date_format(d, "l j F")) for d in days]


class ProgramFilterForm(forms.Form):
    day = forms.ChoiceField(label=_("Day"), required=False)
    track = forms.ChoiceField(label=_("Track"), required=False)
    format = forms.ChoiceField(label=_("Format"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)

    def __init__(self, *args, edition: Edition, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["day"].choices = every + edition_day_choices(edition)
        self.fields["track"].choices = every + [
            (t.code, t.name) for t in Track.objects.filter(edition=edition)
        ]
        self.fields["format"].choices = every + list(SessionFormat.choices)
        self.fields["language"].choices = every + list(SessionLanguage.choices)


class SessionForm(forms.Form):
    title_en = forms.CharField(label=_("Title (English)"), max_length=300)
    title_fr = forms.CharField(label=_("Title (French)"), max_length=300)
    abstract_en = forms.CharField(
        label=_("Abstract (English)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    abstract_fr = forms.CharField(
        label=_("Abstract (French)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    format = forms.ChoiceField(label=_("Format"), choices=SessionFormat.choices)
    language = forms.ChoiceField(label=_("Language"), choices=SessionLanguage.choices)
    interpretation = forms.BooleanField(label=_("Interpretation available"), required=False)
    day = forms.ChoiceField(label=_("Day"))
    starts_at = forms.TimeField(label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends_at = forms.TimeField(label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}))
    room = forms.ModelChoiceField(label=_("Room"), queryset=Room.objects.none())
    track = forms.ModelChoiceField(label=_("Track"), queryset=Track.objects.none(), required=False)
    speakers = forms.ModelMultipleChoiceField(
        label=_("Speakers"),
        queryset=Speaker.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    expected_audience = forms.IntegerField(label=_("Expected audience"), min_value=0, initial=0)
    restricted = forms.BooleanField(label=_("Restricted session"), required=False)
    allowed_sectors = forms.MultipleChoiceField(
        label=_("Categories allowed"),
        choices=Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, edition: Edition, local_tz, **kwargs):
        super().__init__(*args, **kwargs)
        self.local_tz = local_tz
        self.fields["day"].choices = edition_day_choices(edition)
        self.fields["room"].queryset = Room.objects.filter(edition=edition)
        self.fields["track"].queryset = Track.objects.filter(edition=edition)
        self.fields["speakers"].queryset = Speaker.objects.filter(edition=edition)

    @classmethod
    def initial_for(cls, session: Session, local_tz) -> dict:
        start, end = session.starts_at.astimezone(local_tz), session.ends_at.astimezone(local_tz)
        return {
            "title_en": session.title_en,
            "title_fr": session.title_fr,
            "abstract_en": session.abstract_en,
            "abstract_fr": session.abstract_fr,
            "format": session.format,
            "language": session.language,
            "interpretation": session.interpretation,
            "day": start.date().isoformat(),
            "starts_at": start.time().strftime("%H:%M"),
            "ends_at": end.time().strftime("%H:%M"),
            "room": session.room_id,
            "track": session.track_id,
            "speakers": list(session.speakers.all()),
            "expected_audience": session.expected_audience,
            "restricted": session.restricted,
            "allowed_sectors": session.allowed_sectors,
        }

    def to_data(self) -> SessionData:
        c = self.cleaned_data
        day = dt.date.fromisoformat(c["day"])
        return SessionData(
            title_en=c["title_en"],
            title_fr=c["title_fr"],
            abstract_en=c["abstract_en"],
            abstract_fr=c["abstract_fr"],
            format=c["format"],
            language=c["language"],
            interpretation=c["interpretation"],
            starts_at=dt.datetime.combine(day, c["starts_at"], tzinfo=self.local_tz),
            ends_at=dt.datetime.combine(day, c["ends_at"], tzinfo=self.local_tz),
            room_id=c["room"].pk,
            track_id=c["track"].pk if c["track"] else None,
            expected_audience=c["expected_audience"],
            restricted=c["restricted"],
            allowed_sectors=c["allowed_sectors"],
            speaker_ids=[s.pk for s in c["speakers"]],
        )

    def attach(self, exc: DomainError) -> None:
        """Show the domain's error on its field when the form has one, else above the form."""
        self.add_error(exc.field if exc.field in self.fields else None, explain(exc))
