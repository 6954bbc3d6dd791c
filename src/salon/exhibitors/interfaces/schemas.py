"""API shapes of companies and exhibitors (applications). Fields are only ever added (docs/api.md)."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema


class ProductOut(Schema):
    id: int
    name: str
    category: str
    description_en: str
    description_fr: str

    @staticmethod
    def resolve_category(obj) -> str:
        return obj.category.code


class ContactOut(Schema):
    id: int
    full_name: str
    role: str
    email: str
    phone: str


class CompanyOut(Schema):
    id: int
    legal_name: str
    country: str
    city: str
    website: str
    description_en: str
    description_fr: str
    categories: list[str]

    @staticmethod
    def resolve_country(obj) -> str:
        return obj.country.code

    @staticmethod
    def resolve_categories(obj) -> list[str]:
        return [c.code for c in obj.categories.all()]


class CompanyDetailOut(CompanyOut):
    products: list[ProductOut]
    contacts: list[ContactOut]

    @staticmethod
    def resolve_products(obj) -> list:
        return list(obj.products.select_related("category"))

    @staticmethod
    def resolve_contacts(obj) -> list:
        return list(obj.contacts.all())


class CompanyIn(Schema):
    legal_name: str = Field(max_length=200)
    country: str = Field(max_length=2)
    city: str = Field("", max_length=100)
    website: str = Field("", max_length=300)
    description_en: str = Field("", max_length=5000)
    description_fr: str = Field("", max_length=5000)
    categories: list[str] = Field(default_factory=list, max_length=30)


class CompanyPatch(Schema):
    legal_name: str | None = Field(None, max_length=200)
    country: str | None = Field(None, max_length=2)
    city: str | None = Field(None, max_length=100)
    website: str | None = Field(None, max_length=300)
    description_en: str | None = Field(None, max_length=5000)
    description_fr: str | None = Field(None, max_length=5000)
    categories: list[str] | None = Field(None, max_length=30)


class ProductIn(Schema):
    name: str = Field(max_length=200)
    category: str = Field(max_length=50)
    description_en: str = Field("", max_length=5000)
    description_fr: str = Field("", max_length=5000)


class ContactIn(Schema):
    full_name: str = Field(max_length=200)
    email: str = Field(max_length=254)
    role: str = Field("", max_length=200)
    phone: str = Field("", max_length=40)


class ExhibitorOut(Schema):
    id: int
    edition: str
    status: str
    company: CompanyOut
    requested_area_m2: int
    policy_regime: str
    policy_reason: str
    decision_reason: str
    stand: str | None
    submitted_at: dt.datetime | None
    decided_at: dt.datetime | None

    @staticmethod
    def resolve_edition(obj) -> str:
        return obj.edition.slug

    @staticmethod
    def resolve_stand(obj) -> str | None:
        return str(obj.stand) if obj.stand_id else None


class ApplicationIn(Schema):
    company_id: int
    requested_area_m2: int = Field(9, ge=1, le=5000)


class DecisionIn(Schema):
    reason: str = Field(max_length=2000)


class StandIn(Schema):
    stand_id: int
