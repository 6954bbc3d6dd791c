"""API shapes of official delegations."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from salon.accreditation.interfaces.schemas import RegistrationIn


class DelegationIn(Schema):
    country: str = Field(max_length=2)
    name: str = Field("", max_length=200)
    host_officer_id: int | None = None
    arrival_at: dt.datetime | None = None
    departure_at: dt.datetime | None = None
    protocol_notes: str = ""


class MemberIn(Schema):
    registration_id: int | None = Field(None, description="An existing registration of this edition")
    person: RegistrationIn | None = Field(
        None, description="Or the person's details: they are registered and vetted"
    )
    role: str = Field("official", description="head, official, interpreter or staff")
    title: str = Field("", max_length=200)
    languages: str = Field("", max_length=100)


class MemberOut(Schema):
    id: int
    registration_id: int
    full_name: str
    organization: str
    role: str
    title: str
    languages: str
    vetting_status: str
    confirmed: bool

    @staticmethod
    def resolve_full_name(obj) -> str:
        return obj.registration.full_name

    @staticmethod
    def resolve_organization(obj) -> str:
        return obj.registration.organization

    @staticmethod
    def resolve_vetting_status(obj) -> str:
        return obj.registration.status

    @staticmethod
    def resolve_confirmed(obj) -> bool:
        return obj.confirmed_at is not None and obj.registration.status == "accredited"


class VisitIn(Schema):
    kind: str = Field(description="stand_visit, meeting or official")
    title: str = Field(max_length=200)
    starts_at: dt.datetime
    ends_at: dt.datetime
    exhibitor_id: int | None = Field(
        None, description="The exhibitor's application id (stand visits, meetings)"
    )
    location: str = Field("", max_length=200)
    notes: str = ""


class VisitOut(Schema):
    id: int
    kind: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    exhibitor_id: int | None
    location: str
    notes: str
    meeting_request_id: int | None


class DelegationOut(Schema):
    id: int
    edition: str
    country: str
    name: str
    host_officer_id: int | None
    arrival_at: dt.datetime | None
    departure_at: dt.datetime | None
    protocol_notes: str
    members: list[MemberOut]
    visits: list[VisitOut]

    @staticmethod
    def resolve_edition(obj) -> str:
        return obj.edition.slug

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code

    @staticmethod
    def resolve_members(obj) -> list:
        return list(obj.members.select_related("registration"))

    @staticmethod
    def resolve_visits(obj) -> list:
        return list(obj.visits.all())


class PavilionIn(Schema):
    country: str = Field(max_length=2)
    name_en: str = Field(max_length=200)
    name_fr: str = Field("", max_length=200)
    hall: str = Field("", max_length=20, description="Code of the hall holding the pavilion")
    description_en: str = ""
    description_fr: str = ""


class PavilionOut(Schema):
    country: str
    name_en: str
    name_fr: str
    hall: str | None
    description_en: str
    description_fr: str

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code

    @staticmethod
    def resolve_hall(obj) -> str | None:
        return obj.hall.code if obj.hall_id else None
