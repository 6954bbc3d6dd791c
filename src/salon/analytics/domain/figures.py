"""The organizer's dashboard figures for one edition, each from one or two GROUP BY queries.

Nothing here loops over visitors in Python: 30,000 registrations cost the database a few index scans and
this module a few dozen rows (one per day, country, sector, status, session or zone).

Definitions (also shown on the page):
- registered on a day: registrations that asked for that show day, any status; accredited: those accredited;
- present: distinct visitor badges (badges tied to a registration) with an admitted entry scan at any gate;
- exhibitors: submitted applications (drafts are not counted as exhibitors);
- meeting held: accepted, placed on a slot, and that slot is over (meetings have no check-in of their own);
- conference attendance: agenda bookings, and distinct badges admitted into the room's zone from 15 minutes
  before the session starts until it ends.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce, TruncDate
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django_countries import countries

from salon.access.domain.occupancy import occupancy
from salon.access.models import Direction, Scan
from salon.accreditation.models import Registration, RegistrationStatus, Sector
from salon.analytics.tables import Column, Table, top_with_other
from salon.editions.models import Edition, Regime
from salon.exhibitors.models import Application, ApplicationStatus
from salon.matchmaking.domain.slots import slot_length
from salon.matchmaking.models import MeetingRequest, RequestStatus
from salon.program.models import Session, in_language

TOP_COUNTRIES = 15
ARRIVAL_MARGIN = dt.timedelta(minutes=15)
ACCREDITED = RegistrationStatus.ACCREDITED


def _days(edition: Edition) -> list[dt.date]:
    return [
        edition.start_date + dt.timedelta(days=n)
        for n in range((edition.end_date - edition.start_date).days + 1)
    ]


def _french() -> bool:
    return (translation.get_language() or "en").startswith("fr")


def _day_label(day: dt.date) -> str:
    return formats.date_format(day, "D j M")


def _visitor_entries(edition: Edition):
    """Admitted entry scans of badges that belong to a registration (visitors, delegates, press)."""
    return Scan.objects.filter(
        edition=edition, admitted=True, direction=Direction.IN, badge__registration__isnull=False
    )


def _country_name(code: str) -> str:
    return f"{countries.name(code) or code} ({code})" if code else _("Unknown")


# ---------------------------------------------------------------- visitors


def visitor_totals(edition: Edition, *, today: dt.date | None = None) -> dict[str, int]:
    today = today or timezone.localdate()
    counts = Registration.objects.filter(edition=edition).aggregate(
        registered=Count("pk"),
        accredited=Count("pk", filter=Q(status=ACCREDITED)),
        needs_review=Count("pk", filter=Q(status=RegistrationStatus.NEEDS_REVIEW)),
        refused=Count("pk", filter=Q(status=RegistrationStatus.REFUSED)),
    )
    start = dt.datetime.combine(today, dt.time.min, tzinfo=timezone.get_current_timezone())
    counts.update(
        _visitor_entries(edition).aggregate(
            present_today=Count(
                "badge_id",
                distinct=True,
                filter=Q(effective_at__gte=start, effective_at__lt=start + dt.timedelta(days=1)),
            ),
            present_ever=Count("badge_id", distinct=True),
        )
    )
    return counts


def visitors_by_day(edition: Edition) -> Table:
    days = _days(edition)
    # Grouping by the JSON list itself gives one row per distinct choice of days (a few dozen at most,
    # whatever the number of visitors); those rows are then spread over the days they name.
    asked_for = {day.isoformat(): [0, 0] for day in days}
    for requested, status, n in (
        Registration.objects.filter(edition=edition)
        .values("requested_days", "status")
        .annotate(n=Count("pk"))
        .values_list("requested_days", "status", "n")
        .order_by()
    ):
        for day in requested or ():
            if day in asked_for:
                asked_for[day][0] += n
                if status == ACCREDITED:
                    asked_for[day][1] += n
    tz = timezone.get_current_timezone()
    bounds = {day: dt.datetime.combine(day, dt.time.min, tzinfo=tz) for day in days}
    present = _visitor_entries(edition).aggregate(
        **{
            f"d{index}": Count(
                "badge_id",
                distinct=True,
                filter=Q(effective_at__gte=bounds[day], effective_at__lt=bounds[day] + dt.timedelta(days=1)),
            )
            for index, day in enumerate(days)
        }
    )
    rows = tuple(
        (_day_label(day), *asked_for[day.isoformat()], present[f"d{i}"]) for i, day in enumerate(days)
    )
    return Table(
        key="visitors_by_day",
        title=_("Visitors by show day"),
        columns=(
            Column("day", _("Day"), numeric=False),
            Column("registered", _("Registered")),
            Column("accredited", _("Accredited")),
            Column("present", _("Present")),
        ),
        rows=rows,
        chart="columns",
        live=True,
        note=_("Registered and accredited count the visitors who asked for that day."),
        extra={"days": [d.isoformat() for d in days]},
    )


def _visitor_cube(edition: Edition) -> tuple[dict, dict]:
    """Registered/accredited and present counts by (nationality, sector): one pass over registrations and
    one over scans serve both the country and the sector tables (memoised on this edition object)."""
    cached = getattr(edition, "_analytics_cube", None)
    if cached is None:
        registered = {
            (nationality or "", sector or ""): (total, accredited)
            for nationality, sector, total, accredited in Registration.objects.filter(edition=edition)
            .values("nationality", "sector")
            .annotate(total=Count("pk"), accredited=Count("pk", filter=Q(status=ACCREDITED)))
            .values_list("nationality", "sector", "total", "accredited")
            .order_by()
        }
        # A badge belongs to one registration, so distinct badges per (nationality, sector) add up exactly.
        present = {
            (nationality or "", sector or ""): n
            for nationality, sector, n in _visitor_entries(edition)
            .values("badge__registration__nationality", "badge__registration__sector")
            .annotate(n=Count("badge_id", distinct=True))
            .values_list("badge__registration__nationality", "badge__registration__sector", "n")
            .order_by()
        }
        cached = edition._analytics_cube = (registered, present)
    return cached


def _visitor_breakdown(edition: Edition, field: str) -> tuple[dict[str, tuple[int, int]], dict[str, int]]:
    position = 0 if field == "nationality" else 1
    cube_registered, cube_present = _visitor_cube(edition)
    registered: dict[str, tuple[int, int]] = {}
    for key, (total, accredited) in cube_registered.items():
        before = registered.get(key[position], (0, 0))
        registered[key[position]] = (before[0] + total, before[1] + accredited)
    present: dict[str, int] = {}
    for key, n in cube_present.items():
        present[key[position]] = present.get(key[position], 0) + n
    return registered, present


VISITOR_COLUMNS = ("registered", "accredited", "present")


def _visitor_columns(first: Column) -> tuple[Column, ...]:
    return (
        first,
        Column("registered", _("Registered")),
        Column("accredited", _("Accredited")),
        Column("present", _("Present")),
    )


def visitors_by_country(edition: Edition, *, limit: int = TOP_COUNTRIES) -> Table:
    registered, present = _visitor_breakdown(edition, "nationality")
    counts = [
        (code, (*registered.get(code, (0, 0)), present.get(code, 0)))
        for code in set(registered) | set(present)
    ]
    rows = top_with_other(counts, limit, "")
    return Table(
        key="visitors_by_country",
        title=_("Visitors by country"),
        columns=_visitor_columns(Column("country", _("Country"), numeric=False)),
        rows=tuple((_country_name(code) if code else _("Other countries"), *values) for code, values in rows),
        note=_("The %(n)s countries with the most registrations; the others are added up.") % {"n": limit},
    )


def visitors_by_sector(edition: Edition) -> Table:
    registered, present = _visitor_breakdown(edition, "sector")
    labels = dict(Sector.choices)
    counts = [
        (code, (*registered.get(code, (0, 0)), present.get(code, 0)))
        for code in set(registered) | set(present)
    ]
    counts.sort(key=lambda item: (-item[1][0], item[0]))
    return Table(
        key="visitors_by_sector",
        title=_("Visitors by sector"),
        columns=_visitor_columns(Column("sector", _("Sector"), numeric=False)),
        rows=tuple((str(labels.get(code, code or _("Unknown"))), *values) for code, values in counts),
    )


# ---------------------------------------------------------------- exhibitors

PIPELINE = (
    ApplicationStatus.DRAFT,
    ApplicationStatus.PENDING_AUTHORIZATION,
    ApplicationStatus.ADMITTED,
    ApplicationStatus.REFUSED,
    ApplicationStatus.WITHDRAWN,
)


def _exhibitors(edition: Edition):
    return Application.objects.filter(edition=edition).exclude(status=ApplicationStatus.DRAFT)


def exhibitors_by_status(edition: Edition) -> Table:
    counts = dict(
        Application.objects.filter(edition=edition)
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
        .order_by()
    )
    return Table(
        key="exhibitors_by_status",
        title=_("Exhibitor applications by status"),
        columns=(Column("status", _("Status"), numeric=False), Column("applications", _("Applications"))),
        rows=tuple((str(status.label), counts.get(status.value, 0)) for status in PIPELINE),
    )


def authorization_pipeline(edition: Edition) -> Table:
    """Applications from countries whose exhibitors need the host government's authorization."""
    counts = (
        _exhibitors(edition)
        .filter(policy_regime=Regime.AUTHORIZATION)
        .aggregate(
            submitted=Count("pk"),
            pending=Count("pk", filter=Q(status=ApplicationStatus.PENDING_AUTHORIZATION)),
            authorized=Count("pk", filter=Q(status=ApplicationStatus.ADMITTED)),
            refused=Count("pk", filter=Q(status=ApplicationStatus.REFUSED)),
            withdrawn=Count("pk", filter=Q(status=ApplicationStatus.WITHDRAWN)),
        )
    )
    labels = {
        "submitted": _("Submitted, authorization required"),
        "pending": _("Awaiting authorization"),
        "authorized": _("Authorized"),
        "refused": _("Refused"),
        "withdrawn": _("Withdrawn"),
    }
    return Table(
        key="authorization_pipeline",
        title=_("Authorization pipeline"),
        columns=(Column("stage", _("Stage"), numeric=False), Column("applications", _("Applications"))),
        rows=tuple((labels[key], counts[key]) for key in labels),
        chart="columns",
    )


def exhibitors_by_country(edition: Edition, *, limit: int = TOP_COUNTRIES) -> Table:
    counts = [
        (code, (total, admitted, pending, refused))
        for code, total, admitted, pending, refused in _exhibitors(edition)
        .values("company__country")
        .annotate(
            total=Count("pk"),
            admitted=Count("pk", filter=Q(status=ApplicationStatus.ADMITTED)),
            pending=Count("pk", filter=Q(status=ApplicationStatus.PENDING_AUTHORIZATION)),
            refused=Count("pk", filter=Q(status=ApplicationStatus.REFUSED)),
        )
        .values_list("company__country", "total", "admitted", "pending", "refused")
        .order_by()
    ]
    rows = top_with_other(counts, limit, "")
    return Table(
        key="exhibitors_by_country",
        title=_("Exhibitors by country"),
        columns=(
            Column("country", _("Country"), numeric=False),
            Column("applications", _("Applications")),
            Column("admitted", _("Admitted")),
            Column("pending", _("Awaiting authorization")),
            Column("refused", _("Refused")),
        ),
        rows=tuple((_country_name(code) if code else _("Other countries"), *values) for code, values in rows),
        note=_("The %(n)s countries with the most applications; the others are added up.") % {"n": limit},
    )


def exhibitors_by_category(edition: Edition) -> Table:
    name_field = "company__categories__name_fr" if _french() else "company__categories__name_en"
    found = (
        _exhibitors(edition)
        .values("company__categories__code", name_field)
        .annotate(
            total=Count("pk", distinct=True),
            admitted=Count("pk", filter=Q(status=ApplicationStatus.ADMITTED), distinct=True),
        )
        .values_list(name_field, "total", "admitted")
        .order_by("-total", name_field)
    )
    return Table(
        key="exhibitors_by_category",
        title=_("Exhibitors by category"),
        columns=(
            Column("category", _("Category"), numeric=False),
            Column("applications", _("Applications")),
            Column("admitted", _("Admitted")),
        ),
        rows=tuple((name or _("No category"), total, admitted) for name, total, admitted in found),
        note=_("An exhibitor with several categories counts in each."),
    )


# ---------------------------------------------------------------- meetings


def meetings(edition: Edition, *, now: dt.datetime | None = None) -> Table:
    now = now or timezone.now()
    scheduled = Q(status=RequestStatus.ACCEPTED, slot_start__isnull=False)
    counts = MeetingRequest.objects.filter(edition=edition).aggregate(
        requested=Count("pk"),
        accepted=Count("pk", filter=Q(status=RequestStatus.ACCEPTED)),
        scheduled=Count("pk", filter=scheduled),
        held=Count("pk", filter=scheduled & Q(slot_start__lte=now - slot_length(edition))),
        declined=Count("pk", filter=Q(status=RequestStatus.DECLINED)),
        cancelled=Count("pk", filter=Q(status=RequestStatus.CANCELLED)),
    )
    labels = {
        "requested": _("Requested"),
        "accepted": _("Accepted"),
        "scheduled": _("Scheduled"),
        "held": _("Held"),
        "declined": _("Declined"),
        "cancelled": _("Cancelled"),
    }
    return Table(
        key="meetings",
        title=_("B2B meetings"),
        columns=(Column("stage", _("Stage"), numeric=False), Column("meetings", _("Meetings"))),
        rows=tuple((labels[key], counts[key]) for key in labels),
        chart="columns",
        live=True,
        note=_("Held: accepted, placed on a slot, and the slot is over."),
    )


def meetings_by_day(edition: Edition, *, now: dt.datetime | None = None) -> Table:
    now = now or timezone.now()
    tz = timezone.get_current_timezone()
    found = {
        day: (scheduled, held)
        for day, scheduled, held in MeetingRequest.objects.filter(
            edition=edition, status=RequestStatus.ACCEPTED, slot_start__isnull=False
        )
        .annotate(day=TruncDate("slot_start", tzinfo=tz))
        .values("day")
        .annotate(
            scheduled=Count("pk"), held=Count("pk", filter=Q(slot_start__lte=now - slot_length(edition)))
        )
        .values_list("day", "scheduled", "held")
        .order_by()
    }
    days = sorted(set(_days(edition)) | set(found))
    return Table(
        key="meetings_by_day",
        title=_("B2B meetings by day"),
        columns=(
            Column("day", _("Day"), numeric=False),
            Column("scheduled", _("Scheduled")),
            Column("held", _("Held")),
        ),
        rows=tuple((_day_label(day), *found.get(day, (0, 0))) for day in days),
        chart="columns",
        live=True,
    )


# ---------------------------------------------------------------- conferences and zones


def session_attendance(edition: Edition) -> Table:
    in_room = (
        Scan.objects.filter(
            zone_id=OuterRef("room__zone_id"),
            admitted=True,
            direction=Direction.IN,
            effective_at__gte=OuterRef("starts_at") - ARRIVAL_MARGIN,
            effective_at__lt=OuterRef("ends_at"),
        )
        .order_by()
        .values("zone_id")
        .annotate(n=Count("badge_id", distinct=True))
        .values("n")
    )
    found = (
        Session.objects.filter(edition=edition)
        .select_related("room")
        .annotate(
            booked=Count("agenda_items"),
            present=Coalesce(Subquery(in_room, output_field=IntegerField()), 0),
        )
        .order_by("starts_at", "room__name", "pk")
    )
    tz = timezone.get_current_timezone()
    rows = []
    for session in found:
        start = timezone.localtime(session.starts_at, tz)
        when = f"{_day_label(start.date())} {start:%H:%M}"
        present = session.present if session.room.zone_id else None
        rows.append(
            (
                f"{when} · {in_language(session, 'title')}",
                session.room.name,
                session.room.capacity,
                session.booked,
                present,
            )
        )
    return Table(
        key="session_attendance",
        title=_("Conference attendance"),
        columns=(
            Column("session", _("Session"), numeric=False),
            Column("room", _("Room"), numeric=False),
            Column("capacity", _("Capacity"), charted=False),
            Column("booked", _("Booked")),
            Column("present", _("Present")),
        ),
        rows=tuple(rows),
        live=True,
        note=_("Present: badges admitted into the room's zone from 15 minutes before the start to the end."),
    )


def zone_occupancy(edition: Edition, *, day: dt.date | None = None) -> Table:
    french = _french()
    rows = tuple(
        (
            zone.name_fr if french else zone.name_en,
            zone.capacity,
            zone.present,
            zone.entries_today,
            round(zone.load * 100, 1) if zone.load is not None else None,
        )
        for zone in occupancy(edition, day=day)
    )
    return Table(
        key="zone_occupancy",
        title=_("Zone occupancy now"),
        columns=(
            Column("zone", _("Zone"), numeric=False),
            Column("capacity", _("Capacity"), charted=False),
            Column("present", _("Inside now")),
            Column("entries_today", _("Entries today")),
            Column("load_percent", _("Load (%)"), charted=False),
        ),
        rows=rows,
        live=True,
    )


# ---------------------------------------------------------------- the dashboard

BUILDERS: dict[str, Callable[[Edition], Table]] = {
    "visitors_by_day": visitors_by_day,
    "zone_occupancy": zone_occupancy,
    "visitors_by_country": visitors_by_country,
    "visitors_by_sector": visitors_by_sector,
    "exhibitors_by_status": exhibitors_by_status,
    "authorization_pipeline": authorization_pipeline,
    "exhibitors_by_country": exhibitors_by_country,
    "exhibitors_by_category": exhibitors_by_category,
    "meetings": meetings,
    "meetings_by_day": meetings_by_day,
    "session_attendance": session_attendance,
}
LIVE = ("visitors_by_day", "zone_occupancy", "meetings", "meetings_by_day", "session_attendance")


def dashboard_tables(edition: Edition, keys: tuple[str, ...] | None = None) -> list[Table]:
    """The tables named by `keys` (default: all), in the page's order."""
    return [BUILDERS[key](edition) for key in (keys or tuple(BUILDERS))]
