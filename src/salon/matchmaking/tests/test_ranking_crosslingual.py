"""Cross-lingual recommendation with the real bundled model: French needs find English offers and back."""

from __future__ import annotations

import numpy as np
import pytest

from salon.matchmaking.ranking import Ranker, embed_needs, embed_offers, explain

OFFERS = {
    # English offers
    "skyshield": "SkyShield provides counter-drone RF jamming and radar detection for stadiums, prisons "
    "and airports.",
    "armorcar": "ArmorWorks builds wheeled armoured personnel carriers with STANAG 4569 level 3 protection.",
    "radios": "Software-defined tactical radios with encrypted voice and mesh networking for soldiers.",
    "fence": "Perimeter intrusion detection with fibre-optic fence sensors for power plants.",
    "egates": "Automated border control e-gates with face and fingerprint biometrics.",
    "uavmaker": "Hand-launched reconnaissance drones for infantry units, with thermal cameras.",
    # French offers
    "cyberforens": "Laboratoire d'investigation numérique : extraction des données de téléphones saisis "
    "et analyse forensique des ordinateurs.",
    "crisisfr": "CrisaLog édite un logiciel de gestion de crise pour les préfectures : main courante, "
    "cartographie partagée et coordination des secours.",
    "helmets": "Casques balistiques légers et gilets pare-balles pour les forces de l'ordre.",
    "satimg": "Imagerie satellite très haute résolution et détection de changements.",
    "ranges": "Stands de tir clés en main et cibles robotisées pour l'entraînement des policiers.",
    "stadiumcctv": "Vidéoprotection des stades : caméras et analyse d'images pour les supporters.",
}
CROSS_LINGUAL_CASES = [
    ("détection et neutralisation de drones autour d'un stade", "skyshield"),
    ("Nous cherchons des véhicules blindés à roues pour le transport de personnel", "armorcar"),
    ("sas automatiques de contrôle aux frontières avec biométrie", "egates"),
    ("cyber forensics: recover data from seized smartphones and laptops", "cyberforens"),
    ("crisis management platform to coordinate rescue services during a disaster", "crisisfr"),
    ("bullet-proof vests and helmets for police officers", "helmets"),
]
IDS = list(OFFERS)
NEEDS = [need for need, _ in CROSS_LINGUAL_CASES]


@pytest.fixture(scope="module")
def vectors() -> tuple[np.ndarray, np.ndarray]:
    return embed_offers(list(OFFERS.values())), embed_needs(NEEDS)


@pytest.fixture(scope="module")
def ranker(vectors) -> Ranker:
    return Ranker(list(OFFERS.values()), vectors[0])


def top(ranker: Ranker, vectors, mode: str, k: int) -> list[list[str]]:
    ranking = ranker.rank(NEEDS, vectors[1], k=k, mode=mode)
    return [[IDS[i] for i in row] for row in ranking.indices]


def test_ranking_embeddings_unit_norm_and_dimension(vectors):
    offers, needs = vectors
    assert offers.shape == (12, 384) and needs.shape == (6, 384)
    assert offers.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(offers, axis=1), 1.0, atol=1e-3)


def test_ranking_hybrid_puts_other_language_offer_first(ranker, vectors):
    assert [row[0] for row in top(ranker, vectors, "hybrid", 1)] == [e for _, e in CROSS_LINGUAL_CASES]


def test_ranking_dense_finds_other_language_offer_in_top3(ranker, vectors):
    for (need, expected), row in zip(CROSS_LINGUAL_CASES, top(ranker, vectors, "dense", 3), strict=True):
        assert expected in row, need


def test_ranking_hybrid_beats_same_language_lexical_distractor(ranker, vectors):
    # "stade" is shared with the French CCTV offer, yet the English anti-drone offer must win.
    drone_row = top(ranker, vectors, "hybrid", 12)[0]
    assert drone_row.index("skyshield") < drone_row.index("stadiumcctv")


def test_ranking_explanation_points_at_best_sentence_across_languages(vectors):
    offer = (
        "Founded in 1998 in Lyon, our group has 400 employees. We sell counter-drone RF jammers that force "
        "hostile drones to land. Our catering division serves company restaurants."
    )
    explanation = explain(
        "neutraliser les drones qui survolent un stade",
        offer,
        need_categories=["anti-uas", "surveillance"],
        offer_categories=["Anti-UAS"],
        need_vector=embed_needs(["neutraliser les drones qui survolent un stade"])[0],
        embed_passages=embed_offers,
    )
    assert explanation.best_passage == "We sell counter-drone RF jammers that force hostile drones to land."
    assert explanation.shared_categories == ["anti-uas"]
    assert explanation.matched_terms == ["drone", "drones"]
