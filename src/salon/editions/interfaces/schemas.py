"""API shapes of editions. Fields are only ever added (docs/api.md)."""

from __future__ import annotations

import datetime as dt

from ninja import Schema


class ThemeOut(Schema):
    title_en: str
    title_fr: str


class EditionOut(Schema):
    id: int
    slug: str
    name: str
    host_country: str
    city: str
    venue: str
    start_date: dt.date
    end_date: dt.date
    guest_of_honour_country: str
    languages: list[str]
    default_regime: str
    themes: list[ThemeOut]

    @staticmethod
    def resolve_host_country(obj) -> str:
        return obj.host_country.code

    @staticmethod
    def resolve_guest_of_honour_country(obj) -> str:
        return obj.guest_of_honour_country.code or ""

    @staticmethod
    def resolve_languages(obj) -> list[str]:
        return [code.strip() for code in obj.languages.split(",") if code.strip()]

    @staticmethod
    def resolve_themes(obj) -> list:
        return list(obj.themes.all())


class RuleOut(Schema):
    country: str
    regime: str
    reason: str
    source: str
    source_date: dt.date | None

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code


class RuleIn(Schema):
    regime: str
    reason: str = ""
    source: str = ""
    source_date: dt.date | None = None


class PolicyOut(Schema):
    default_regime: str
    rules: list[RuleOut]


class StandOut(Schema):
    id: int
    hall: str
    number: str
    area_m2: float
    exhibitor_id: int | None

    @staticmethod
    def resolve_hall(obj) -> str:
        return obj.hall.code

    @staticmethod
    def resolve_exhibitor_id(obj) -> int | None:
        application = getattr(obj, "application", None)
        return application.pk if application else None
