"""API shapes of accreditation. A registrant's view never contains screening hits."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from salon.accreditation.domain import protection


class RegistrationIn(Schema):
    given_names: str = Field(max_length=150)
    family_name: str = Field(max_length=150)
    original_script_name: str = Field("", max_length=300)
    birth_date: dt.date
    nationality: str = Field(max_length=2)
    email: str = Field("", max_length=254)
    organization: str = Field(max_length=200)
    sector: str = Field(max_length=30)
    role: str = Field("", max_length=200)
    id_document_type: str = Field(max_length=30)
    id_document_number: str = Field(max_length=40)
    requested_days: list[dt.date] = Field(default_factory=list, max_length=31)
    requested_zones: list[str] = Field(default_factory=list, max_length=50)
    language: str = Field("", max_length=5)


class RegistrationOut(Schema):
    """What the registrant sees: the status and the reason, nothing about lists."""

    id: int
    edition: str
    given_names: str
    family_name: str
    organization: str
    sector: str
    nationality: str
    status: str
    decision_reason: str
    requested_days: list[str]
    created_at: dt.datetime

    @staticmethod
    def resolve_edition(obj) -> str:
        return obj.edition.slug

    @staticmethod
    def resolve_nationality(obj) -> str:
        return obj.nationality.code


class HitOut(Schema):
    watch_list_name: str
    entry_id: str
    listed_names: list[str]
    listed_birth_date: str
    listed_countries: list[str]
    matched_name: str
    score: float
    explanation: str


class VettingOut(RegistrationOut):
    """The officer's view: the person side by side with every hit."""

    original_script_name: str
    birth_date: dt.date | None
    role: str
    id_document_type: str
    id_document_number_masked: str
    hits: list[HitOut]

    @staticmethod
    def resolve_id_document_number_masked(obj) -> str:
        return protection.masked(protection.decrypt(obj.id_document_number_encrypted))

    @staticmethod
    def resolve_hits(obj) -> list:
        return list(obj.hits.all())


class DecisionIn(Schema):
    reason: str = Field(max_length=2000)


class WatchListOut(Schema):
    id: int
    name: str
    source: str
    list_date: dt.date
    file_format: str
    entry_count: int
    imported_at: dt.datetime


class ImportOut(Schema):
    batch_id: int
    people: int
    accredited: int
    needs_review: int
