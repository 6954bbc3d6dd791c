"""Demo matchmaking: needs of a few hundred Milipol visitors (French and English), offers of every admitted
exhibitor, meeting requests (most accepted, a few waiting) and one scheduler run.

Embeddings are not computed while loading (about 10 texts a second per core): `salon demo` computes them in
the background once the server is up, and recommendations are lexical until then, which they say.
"""

from __future__ import annotations

import random

from salon.accreditation.models import Registration, RegistrationStatus
from salon.editions.demo import BAMEX, MILIPOL, DemoContext
from salon.exhibitors.models import Application, ApplicationStatus, Category
from salon.matchmaking.domain import meetings
from salon.matchmaking.domain.profiles import sync_offer
from salon.matchmaking.domain.scheduling import run_scheduler
from salon.matchmaking.models import VisitorNeed
from salon.matchmaking.ranking import text_fingerprint

NEEDS = {
    "drones_anti_uas": (
        "Détection et neutralisation de drones autour d'un stade lors de grands événements.",
        "Counter-drone detection and jamming to protect an airport perimeter.",
    ),
    "surveillance": (
        "Vidéoprotection urbaine avec caméras thermiques et analyse d'images en temps réel.",
        "Long-range thermal cameras for border surveillance at night.",
    ),
    "cybersecurity": (
        "Centre opérationnel de cybersécurité pour un ministère : détection d'intrusions et réponse.",
        "Security operations centre services and threat intelligence for a police IT network.",
    ),
    "forensics": (
        "Extraction de données de téléphones saisis et analyse criminalistique numérique.",
        "Digital forensics lab equipment: mobile phone extraction and disk imaging.",
    ),
    "armored_vehicles": (
        "Véhicules blindés de transport de personnel pour la gendarmerie mobile.",
        "Armoured 4x4 patrol vehicles with ballistic protection for rapid intervention units.",
    ),
    "protective_equipment": (
        "Gilets pare-balles et casques légers pour des unités d'intervention.",
        "Lightweight body armour and ballistic helmets for tactical teams.",
    ),
    "crisis_management": (
        "Logiciel de gestion de crise et de coordination des secours lors d'inondations.",
        "Crisis management platform to coordinate emergency services during disasters.",
    ),
    "critical_infrastructure": (
        "Protection périmétrique d'un site nucléaire : clôtures détectrices et radars.",
        "Perimeter intrusion detection for a port and an oil terminal.",
    ),
    "ai_analytics": (
        "Analyse de données massives et IA pour le renseignement criminel, dans le respect du droit.",
        "AI video analytics to search hours of CCTV footage for investigators.",
    ),
    "border_identity": (
        "Sas de contrôle automatisé aux frontières et vérification des documents d'identité.",
        "Biometric e-gates and document readers for a land border crossing.",
    ),
    "command_communications": (
        "Radios tactiques sécurisées et réseau haut débit pour les forces de sécurité.",
        "Secure tactical radio and mission-critical broadband for first responders.",
    ),
    "training_simulation": (
        "Simulateurs de tir et de conduite pour la formation des policiers.",
        "Virtual reality training for crowd control and de-escalation.",
    ),
    "cbrn": (
        "Détecteurs NRBC portatifs pour les primo-intervenants.",
        "Handheld chemical and radiological detectors for first responders.",
    ),
    "maritime": (
        "Surveillance maritime côtière par radar et drones pour la lutte contre les trafics.",
        "Fast patrol boats and coastal radar for maritime law enforcement.",
    ),
}


def load_demo(context: DemoContext) -> None:
    rng = random.Random(f"{context.seed}-matchmaking")
    organizer = context.users["organizer"]
    categories = {c.code: c for c in Category.objects.all()}
    for slug, visitor_count, request_count in ((MILIPOL, 400, 900), (BAMEX, 60, 120)):
        edition = context.editions[slug]
        exhibitors = list(
            Application.objects.filter(edition=edition, status=ApplicationStatus.ADMITTED)
            .select_related("company", "edition")
            .prefetch_related("company__products", "company__categories")
        )
        for application in exhibitors:
            sync_offer(application)
        by_category: dict[str, list[Application]] = {}
        for application in exhibitors:
            for category in application.company.categories.all():
                by_category.setdefault(category.code, []).append(application)
        visitors = list(
            Registration.objects.filter(
                edition=edition,
                status=RegistrationStatus.ACCREDITED,
                sector__in=[
                    "police",
                    "gendarmerie",
                    "armed_forces",
                    "customs",
                    "civil_protection",
                    "government",
                ],
            )
            .select_related("edition")
            .order_by("pk")[:visitor_count]
        )
        own = context.registrations.get("visitor")
        if slug == MILIPOL and own and own not in {v.pk for v in visitors}:
            visitors[0] = Registration.objects.select_related("edition").get(pk=own)
        interests: dict[int, str] = {}
        needs = []
        for visitor in visitors:
            code = rng.choice([c for c in NEEDS if c in by_category])
            french, english = NEEDS[code]
            text = french if visitor.language == "fr" else english
            interests[visitor.pk] = code
            needs.append(
                VisitorNeed(registration=visitor, text=text, text_fingerprint=text_fingerprint(text))
            )
        VisitorNeed.objects.bulk_create(needs)
        links = VisitorNeed.categories.through
        links.objects.bulk_create(
            [
                links(visitorneed_id=n.pk, category_id=categories[interests[n.registration_id]].pk)
                for n in needs
            ]
        )
        made = 0
        for visitor in rng.sample(visitors, len(visitors)) * 3:
            if made >= request_count:
                break
            pool = by_category[interests[visitor.pk]]
            # popular exhibitors draw more requests: the scheduler has real contention to resolve
            exhibitor = pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)]
            try:
                meeting = meetings.request_meeting(
                    exhibitor=exhibitor,
                    visitors=[visitor],
                    actor=organizer,
                    priority=rng.choice([1, 1, 1, 2, 3]),
                )
            except meetings.MeetingError:
                continue
            made += 1
            if rng.random() < 0.85:
                meetings.accept(meeting, actor=organizer)
        run = run_scheduler(edition, actor=organizer, time_limit=10)
        context.say(
            f"{slug}: {len(needs)} visitor needs, {len(exhibitors)} offers, {made} meeting requests; "
            f"scheduler placed {run.placed}/{run.requests} (priority {run.placed_priority} of a proven "
            f"{run.upper_bound}, {run.status})"
        )
