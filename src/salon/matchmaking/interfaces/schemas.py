from __future__ import annotations

import datetime as dt

from ninja import Field, Schema


class NeedIn(Schema):
    text: str | None = Field(None, max_length=4000)
    categories: list[str] | None = Field(None, max_length=30)
    budget_horizon: str | None = Field(None, max_length=10)
    available_days: list[dt.date] | None = Field(None, max_length=31)
    blocked_slots: list[str] | None = Field(None, max_length=500)


class NeedOut(Schema):
    registration_id: int
    text: str
    categories: list[str]
    budget_horizon: str
    available_days: list[str]
    blocked_slots: list[str]
    vector_ready: bool

    @staticmethod
    def resolve_categories(obj) -> list[str]:
        return [c.code for c in obj.categories.all()]

    @staticmethod
    def resolve_vector_ready(obj) -> bool:
        return obj.vector_is_current


class OfferIn(Schema):
    countries_served: list[str] | None = Field(None, max_length=250)
    tables: int | None = Field(None, ge=1, le=50)
    available_days: list[dt.date] | None = Field(None, max_length=31)
    blocked_slots: list[str] | None = Field(None, max_length=500)


class OfferOut(Schema):
    exhibitor_id: int
    text: str
    countries_served: list[str]
    tables: int
    available_days: list[str]
    blocked_slots: list[str]
    vector_ready: bool

    @staticmethod
    def resolve_exhibitor_id(obj) -> int:
        return obj.application_id

    @staticmethod
    def resolve_vector_ready(obj) -> bool:
        return obj.vector_is_current


class RecommendationOut(Schema):
    id: int
    name: str
    country: str
    score: float
    shared_categories: list[str]
    matched_terms: list[str]
    best_passage: str
    mode: str


class MeetingIn(Schema):
    exhibitor_id: int
    visitor_ids: list[int] = Field(min_length=1, max_length=12)
    from_exhibitor: bool = False
    message: str = Field("", max_length=2000)
    priority: int = Field(1, ge=1, le=10)


class MeetingOut(Schema):
    id: int
    edition: str
    exhibitor_id: int
    visitor_ids: list[int]
    from_exhibitor: bool
    status: str
    priority: int
    slot_start: dt.datetime | None
    confirmed: bool

    @staticmethod
    def resolve_edition(obj) -> str:
        return obj.edition.slug

    @staticmethod
    def resolve_visitor_ids(obj) -> list[int]:
        return [v.pk for v in obj.visitors.all()]


class ScheduleRunOut(Schema):
    id: int
    requests: int
    placed: int
    placed_priority: int
    upper_bound: int
    status: str
    solve_seconds: float
    moved: int


class AgendaItemOut(Schema):
    meeting_id: int
    start: dt.datetime
    end: dt.datetime
    title: str
    with_whom: str
    confirmed: bool
