"""Demo exhibitors: fictitious companies (demo_data) taken through the real workflow, so the demo's audit
trail, authorization queue and floor plan are what the application itself produced."""

from __future__ import annotations

import bisect

from tqdm import tqdm

from salon.accounts.domain.roles import Role
from salon.editions.demo import BAMEX, MILIPOL, DemoContext
from salon.editions.models import Stand
from salon.exhibitors.demo_data import DemoCompany, bamex_2025_companies, milipol_2025_companies
from salon.exhibitors.domain import applications as workflow
from salon.exhibitors.models import ApplicationStatus, Category, Company, Contact, Product

# Nationalities whose authorization the demo officer grants; the others stay in the queue to be worked.
AUTHORIZED_IN_DEMO = {MILIPOL: {"IL"}, BAMEX: set()}


def _create_companies(specs: list[DemoCompany], categories: dict[str, Category]) -> list[Company]:
    companies = Company.objects.bulk_create(
        [
            Company(
                legal_name=s.legal_name,
                country=s.country,
                city=s.city,
                website=s.website,
                description_en=s.description_en,
                description_fr=s.description_fr,
            )
            for s in specs
        ]
    )
    links = Company.categories.through
    links.objects.bulk_create(
        [
            links(company_id=c.pk, category_id=categories[code].pk)
            for c, s in zip(companies, specs, strict=True)
            for code in dict.fromkeys(s.categories)
        ]
    )
    Product.objects.bulk_create(
        [
            Product(
                company=c,
                name=p.name,
                category=categories[p.category],
                description_en=p.description_en,
                description_fr=p.description_fr,
            )
            for c, s in zip(companies, specs, strict=True)
            for p in s.products
        ]
    )
    Contact.objects.bulk_create(
        [
            Contact(company=c, full_name=k.full_name, role=k.role_en, email=k.email, phone=k.phone)
            for c, s in zip(companies, specs, strict=True)
            for k in s.contacts
        ]
    )
    return companies


class _FreeStands:
    """Smallest free stand at least as large as requested: the floor fills the way a sales team fills it."""

    def __init__(self, edition):
        self.stands = sorted(
            Stand.objects.filter(hall__edition=edition, application__isnull=True),
            key=lambda s: (s.area_m2, s.hall.code, s.number),
        )
        self.areas = [float(s.area_m2) for s in self.stands]

    def take(self, area: int) -> Stand | None:
        index = bisect.bisect_left(self.areas, area)
        if index >= len(self.stands):
            index = len(self.stands) - 1
        if index < 0:
            return None
        self.areas.pop(index)
        return self.stands.pop(index)


def _load_edition(context: DemoContext, slug: str, specs: list[DemoCompany], categories, members) -> None:
    edition = context.editions[slug]
    organizer, officer = context.users["organizer"], context.users["officer"]
    companies = _create_companies(specs, categories)
    for company in members(companies):
        company.members.add(context.users["exhibitor"])
    stands = _FreeStands(edition)
    counts = {status: 0 for status in ApplicationStatus.values}
    for company, spec in tqdm(
        list(zip(companies, specs, strict=True)),
        desc=f"{slug} exhibitors",
        unit="co",
        file=context.out,
        mininterval=1.0,
    ):
        application = workflow.create_application(
            edition=edition, company=company, requested_area_m2=spec.requested_area_m2, actor=organizer
        )
        application = workflow.submit(application, actor=organizer)
        if (
            application.status == ApplicationStatus.PENDING_AUTHORIZATION
            and spec.country in AUTHORIZED_IN_DEMO[slug]
        ):
            application = workflow.authorize(
                application,
                actor=officer,
                reason=f"Government authorization AG-2025-{company.pk:04d} on file / "
                f"autorisation gouvernementale AG-2025-{company.pk:04d} au dossier",
            )
        if application.status == ApplicationStatus.ADMITTED:
            stand = stands.take(spec.requested_area_m2)
            if stand is not None:
                workflow.allocate_stand(application, stand, actor=organizer)
        counts[application.status] += 1
    summary = ", ".join(f"{count} {status}" for status, count in counts.items() if count)
    context.say(f"{slug}: {len(companies)} exhibitors ({summary})")


def load_demo(context: DemoContext) -> None:
    context.user(
        "exhibitor",
        Role.EXHIBITOR,
        first_name="Julien",
        last_name="Marchetti",
        hint="exhibitor: a French company's profile, catalogue and applications",
    )
    categories = {c.code: c for c in Category.objects.all()}
    _load_edition(
        context,
        MILIPOL,
        milipol_2025_companies(context.seed),
        categories,
        members=lambda companies: [next(c for c in companies if c.country.code == "FR")],
    )
    _load_edition(
        context, BAMEX, bamex_2025_companies(context.seed), categories, members=lambda companies: []
    )
