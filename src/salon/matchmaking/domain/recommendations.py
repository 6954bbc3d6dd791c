"""Recommendations both ways: exhibitors for a visitor's needs, visitors for an exhibitor's offer.

The ranking engine is pure; here it is fed with stored texts and vectors. A profile whose vector is
not computed yet is ranked lexically (BM25) and says so, rather than making the visitor wait.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

import numpy as np
from django.db.models import Count, Max

from salon.accreditation.models import Registration, RegistrationStatus
from salon.errors import NotAllowed
from salon.exhibitors.models import Application, ApplicationStatus
from salon.matchmaking.domain.profiles import can_act_for_exhibitor, can_act_for_visitor, sync_offer
from salon.matchmaking.models import ExhibitorOffer, VisitorNeed
from salon.matchmaking.ranking import Ranker, explain, fit_centroids, vectors_from_bytes
from salon.matchmaking.ranking.centering import detect_languages

_CACHE: dict[tuple, tuple[tuple, Ranker, list]] = {}
_CENTROIDS: dict[int, tuple[tuple, dict | None]] = {}
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Recommendation:
    id: int
    name: str
    country: str
    score: float
    shared_categories: list[str] = field(default_factory=list)
    matched_terms: list[str] = field(default_factory=list)
    best_passage: str = ""
    mode: str = "hybrid"


def _version(queryset) -> tuple:
    summary = queryset.aggregate(n=Count("id"), last=Max("updated_at"))
    return summary["n"], summary["last"]


def _ranker(key: tuple, profiles_queryset) -> tuple[Ranker, list]:
    """One Ranker per edition and direction, rebuilt only when a profile changed."""
    version = _version(profiles_queryset)
    with _LOCK:
        cached = _CACHE.get(key)
        if cached and cached[0] == version:
            return cached[1], cached[2]
    profiles = [p for p in profiles_queryset if p.text]
    vectors = None
    if profiles and all(p.vector_is_current for p in profiles):
        vectors = np.vstack([vectors_from_bytes(bytes(p.vector)) for p in profiles])
    ranker = Ranker([p.text for p in profiles], vectors)
    with _LOCK:
        _CACHE[key] = (version, ranker, profiles)
    return ranker, profiles


def _rank(ranker: Ranker, text: str, profile, k: int) -> tuple[list[int], list[float], str]:
    if not ranker.offer_texts:
        return [], [], "bm25"
    use_dense = ranker.offer_vectors is not None and profile.vector_is_current
    mode = "hybrid" if use_dense else "bm25"
    vectors = vectors_from_bytes(bytes(profile.vector)) if use_dense else None
    ranking = ranker.rank([text], vectors, k=min(k, len(ranker.offer_texts)), mode=mode)
    keep = ranking.scores[0] > 0 if mode == "bm25" else np.ones(len(ranking.indices[0]), dtype=bool)
    return ranking.indices[0][keep].tolist(), ranking.scores[0][keep].tolist(), mode


def _need_centroids(edition):
    """Language centroids of all the edition's needs, so one visitor's dense scores are centred the same way
    whoever else asks (a single need cannot estimate its language's offset)."""
    needs = VisitorNeed.objects.filter(registration__edition=edition).exclude(text="")
    version = _version(needs)
    with _LOCK:
        cached = _CENTROIDS.get(edition.pk)
        if cached and cached[0] == version:
            return cached[1]
    current = [
        n
        for n in needs.only("text", "vector", "vector_fingerprint", "text_fingerprint")
        if n.vector_is_current
    ]
    centroids = None
    if current:
        texts = [n.text for n in current]
        centroids = (
            fit_centroids(
                np.vstack([vectors_from_bytes(bytes(n.vector)) for n in current]), detect_languages(texts)
            )
            or None
        )
    with _LOCK:
        _CENTROIDS[edition.pk] = (version, centroids)
    return centroids


def recommend_exhibitors(registration: Registration, *, actor, k: int = 10) -> list[Recommendation]:
    if not can_act_for_visitor(actor, registration):
        raise NotAllowed("You may only see your own recommendations.")
    need = VisitorNeed.objects.filter(registration=registration).prefetch_related("categories").first()
    if need is None or not need.text:
        return []
    edition = registration.edition
    admitted = Application.objects.filter(edition=edition, status=ApplicationStatus.ADMITTED)
    if ExhibitorOffer.objects.filter(application__in=admitted).count() < admitted.count():
        for application in admitted.exclude(offer__isnull=False).select_related("company"):
            sync_offer(application)
    offers_qs = (
        ExhibitorOffer.objects.filter(application__in=admitted)
        .order_by("pk")
        .select_related("application__company")
    )
    ranker, offers = _ranker(("exhibitors", edition.pk), offers_qs)
    ranker.need_centroids = _need_centroids(edition)
    indices, scores, mode = _rank(ranker, need.text, need, k)
    need_categories = [c.code for c in need.categories.all()]
    results = []
    for index, score in zip(indices, scores, strict=True):
        offer = offers[index]
        company = offer.application.company
        why = explain(
            need.text,
            offer.text,
            need_categories=need_categories,
            offer_categories=list(company.categories.values_list("code", flat=True)),
        )
        results.append(
            Recommendation(
                offer.application_id,
                company.legal_name,
                company.country.code,
                round(float(score), 4),
                why.shared_categories,
                why.matched_terms[:8],
                why.best_passage,
                mode,
            )
        )
    return results


def recommend_visitors(application: Application, *, actor, k: int = 10) -> list[Recommendation]:
    if not can_act_for_exhibitor(actor, application):
        raise NotAllowed("You may only see recommendations for your own company.")
    offer = sync_offer(application)
    needs_qs = (
        VisitorNeed.objects.filter(
            registration__edition=application.edition, registration__status=RegistrationStatus.ACCREDITED
        )
        .order_by("pk")
        .select_related("registration")
    )
    ranker, needs = _ranker(("visitors", application.edition_id), needs_qs)
    indices, scores, mode = _rank(ranker, offer.text, offer, k)
    offer_categories = list(application.company.categories.values_list("code", flat=True))
    results = []
    for index, score in zip(indices, scores, strict=True):
        need = needs[index]
        person = need.registration
        why = explain(
            offer.text,
            need.text,
            need_categories=offer_categories,
            offer_categories=list(need.categories.values_list("code", flat=True)),
        )
        results.append(
            Recommendation(
                person.pk,
                f"{person.full_name} — {person.organization}",
                person.nationality.code,
                round(float(score), 4),
                why.shared_categories,
                why.matched_terms[:8],
                why.best_passage,
                mode,
            )
        )
    return results
