"""Saving sessions: every conflict kind through the domain, refused saves leave nothing behind."""

import pytest

from salon.audit.models import AuditEntry
from salon.errors import NotAllowed
from salon.program.domain.sessions import (
    ProgramError,
    SessionConflict,
    SessionData,
    delete_session,
    edition_conflicts,
    save_session,
    update_settings,
)
from salon.program.models import Session
from salon.program.tests.conftest import at

pytestmark = pytest.mark.django_db


def data(program, title="New session", start=None, end=None, room=None, speakers=(), **extra) -> SessionData:
    return SessionData(
        title_en=title,
        title_fr=title,
        format=extra.pop("format", "panel"),
        language=extra.pop("language", "en"),
        starts_at=start or at(19, 10),
        ends_at=end or at(19, 11),
        room_id=(room or program["rooms"][0]).pk,
        speaker_ids=[s.pk for s in speakers],
        **extra,
    )


def refused(program, organizer, payload) -> SessionConflict:
    sessions_before, audit_before = Session.objects.count(), AuditEntry.objects.count()
    with pytest.raises(SessionConflict) as caught:
        save_session(program["edition"], payload, actor=organizer)
    assert (Session.objects.count(), AuditEntry.objects.count()) == (sessions_before, audit_before)
    return caught.value


def test_save_session_ending_before_start_refused_nothing_saved(program, organizer):
    error = refused(program, organizer, data(program, start=at(19, 11), end=at(19, 10)))
    assert (error.code, error.status) == ("ends_before_start", 409)


def test_save_session_room_double_booked_refused(program, organizer):
    error = refused(program, organizer, data(program, start=at(18, 10, 30), end=at(18, 11, 30)))
    assert error.code == "room_double_booked"
    assert error.conflicts[0].other == program["keynote"].pk


def test_save_session_speaker_in_two_places_refused(program, organizer):
    ada = program["speakers"][0]
    payload = data(
        program, start=at(18, 10, 15), end=at(18, 10, 45), room=program["rooms"][1], speakers=[ada]
    )
    error = refused(program, organizer, payload)
    assert error.code == "speaker_double_booked"
    assert "Ada Marchal" in error.message


def test_save_session_outside_edition_days_refused(program, organizer):
    error = refused(program, organizer, data(program, start=at(22, 10), end=at(22, 11)))
    assert error.code == "outside_edition_days"


def test_save_session_outside_opening_hours_saved_with_warning(program, organizer):
    saved = save_session(program["edition"], data(program, start=at(19, 18), end=at(19, 19)), actor=organizer)
    assert [str(w.kind) for w in saved.warnings] == ["outside_opening_hours"]
    assert Session.objects.filter(pk=saved.session.pk).exists()


def test_save_session_over_capacity_saved_with_warning(program, organizer):
    saved = save_session(program["edition"], data(program, expected_audience=301), actor=organizer)
    assert [str(w.kind) for w in saved.warnings] == ["over_capacity"]


def test_save_session_naive_times_are_the_edition_local_time(program, organizer):
    payload = data(program, start=at(19, 10).replace(tzinfo=None), end=at(19, 11).replace(tzinfo=None))
    session = save_session(program["edition"], payload, actor=organizer).session
    assert session.starts_at == at(19, 10)


def test_save_session_update_does_not_clash_with_itself(program, organizer):
    keynote = program["keynote"]
    payload = data(program, title="Opening keynote", start=at(18, 10, 30), end=at(18, 11, 30))
    saved = save_session(program["edition"], payload, actor=organizer, session=keynote)
    keynote.refresh_from_db()
    assert (keynote.starts_at, saved.warnings) == (at(18, 10, 30), [])


def test_save_session_restricted_without_categories_refused(program, organizer):
    with pytest.raises(ProgramError) as caught:
        save_session(program["edition"], data(program, restricted=True), actor=organizer)
    assert caught.value.code == "no_allowed_sector"


def test_save_session_unknown_category_refused(program, organizer):
    with pytest.raises(ProgramError) as caught:
        save_session(
            program["edition"], data(program, restricted=True, allowed_sectors=["spies"]), actor=organizer
        )
    assert caught.value.code == "unknown_sector"


def test_save_session_access_rules_change_is_audited(program, organizer):
    payload = data(program, restricted=True, allowed_sectors=["justice", "police"])
    session = save_session(program["edition"], payload, actor=organizer).session
    entry = AuditEntry.objects.filter(
        action="program.session_access_changed", object_id=str(session.pk)
    ).get()
    assert entry.payload == {"restricted": True, "allowed_sectors": ["justice", "police"]}


def test_save_session_by_visitor_forbidden(program, police_visitor):
    with pytest.raises(NotAllowed):
        save_session(program["edition"], data(program), actor=police_visitor)


def test_edition_conflicts_finds_conflicts_created_by_a_smaller_room(program, organizer):
    keynote = program["keynote"]
    Session.objects.filter(pk=keynote.pk).update(expected_audience=250)
    program["rooms"][0].__class__.objects.filter(pk=program["rooms"][0].pk).update(capacity=200)
    found = [(str(c.kind), c.session) for c in edition_conflicts(program["edition"])]
    assert found == [("over_capacity", keynote.pk)]


def test_update_settings_closing_before_opening_refused(program, organizer):
    import datetime as dt

    with pytest.raises(ProgramError) as caught:
        update_settings(
            program["edition"],
            opens_at=dt.time(18),
            closes_at=dt.time(9),
            time_zone="Europe/Paris",
            actor=organizer,
        )
    assert caught.value.code == "closes_before_opens"


def test_delete_session_removes_it(program, organizer):
    delete_session(program["keynote"], actor=organizer)
    assert not Session.objects.filter(pk=program["keynote"].pk).exists()
