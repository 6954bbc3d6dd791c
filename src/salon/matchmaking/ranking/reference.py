"""Parallel French/English sentences whose embeddings give topic-free language centroids.

When a corpus has too few texts in a language to estimate its centroid (a demo with a dozen
exhibitors, a late visitor ranked alone), the language offset is taken from these translations
instead: each pair says the same thing, so the difference of the two means is language, not topic.
The sentences are deliberately generic (trade-show logistics, everyday business), not capabilities.
Their centroids are stored in reference_centroids.json (tagged with the model id) so no process has to
embed them; they are recomputed on the fly if the model changes.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from .embeddings import EMBEDDING_MODEL_ID, embed_needs, embed_offers

Centroids = dict[str, np.ndarray]

PARALLEL_SENTENCES: tuple[tuple[str, str], ...] = (
    ("The exhibition opens at nine in the morning.", "Le salon ouvre à neuf heures du matin."),
    ("Our company was founded twenty years ago.", "Notre entreprise a été fondée il y a vingt ans."),
    ("We are looking for a reliable partner.", "Nous cherchons un partenaire fiable."),
    ("The meeting room is on the first floor.", "La salle de réunion est au premier étage."),
    ("Please send us your price list.", "Merci de nous envoyer votre liste de prix."),
    ("Delivery takes about three weeks.", "La livraison prend environ trois semaines."),
    ("Our team works in several countries.", "Notre équipe travaille dans plusieurs pays."),
    ("The product is easy to install and maintain.", "Le produit est facile à installer et à entretenir."),
    ("We offer training for new users.", "Nous proposons une formation pour les nouveaux utilisateurs."),
    ("The budget was approved last month.", "Le budget a été approuvé le mois dernier."),
    (
        "Visitors can register online before the event.",
        "Les visiteurs peuvent s'inscrire en ligne avant l'événement.",
    ),
    ("The weather was cold and rainy all week.", "Il a fait froid et pluvieux toute la semaine."),
    ("Our engineers answer questions by phone.", "Nos ingénieurs répondent aux questions par téléphone."),
    ("The contract will be signed next year.", "Le contrat sera signé l'année prochaine."),
    ("We need a solution that is simple to use.", "Nous avons besoin d'une solution simple à utiliser."),
    ("The factory employs three hundred people.", "L'usine emploie trois cents personnes."),
    ("Our stand is near the main entrance.", "Notre stand est près de l'entrée principale."),
    ("The new version will be presented in the spring.", "La nouvelle version sera présentée au printemps."),
    ("We export most of our production.", "Nous exportons la majeure partie de notre production."),
    ("The director will speak at the conference.", "Le directeur interviendra lors de la conférence."),
    ("Spare parts are available for ten years.", "Les pièces détachées sont disponibles pendant dix ans."),
    (
        "Customers are satisfied with the after-sales service.",
        "Les clients sont satisfaits du service après-vente.",
    ),
    (
        "The project involves several public agencies.",
        "Le projet associe plusieurs administrations publiques.",
    ),
    ("We would like to arrange a demonstration.", "Nous souhaiterions organiser une démonstration."),
    ("The documents must be translated into English.", "Les documents doivent être traduits en anglais."),
    ("Our offices are located in the city centre.", "Nos bureaux sont situés dans le centre-ville."),
    ("The equipment works in extreme temperatures.", "Le matériel fonctionne par températures extrêmes."),
    (
        "We have a long experience with large projects.",
        "Nous avons une longue expérience des grands projets.",
    ),
    (
        "The schedule depends on the approval of the ministry.",
        "Le calendrier dépend de l'accord du ministère.",
    ),
    ("Lunch will be served in the hall.", "Le déjeuner sera servi dans le hall."),
    (
        "Our research centre develops new technologies.",
        "Notre centre de recherche développe de nouvelles technologies.",
    ),
    (
        "The quality of the materials is checked at every step.",
        "La qualité des matériaux est contrôlée à chaque étape.",
    ),
)


STORE = Path(__file__).with_name("reference_centroids.json")


def compute_reference_centroids() -> tuple[Centroids, Centroids]:
    """(offer-side, need-side) centroids per language, embedded from the parallel sentences."""
    english = [pair[0] for pair in PARALLEL_SENTENCES]
    french = [pair[1] for pair in PARALLEL_SENTENCES]
    offers = {"en": embed_offers(english).mean(axis=0), "fr": embed_offers(french).mean(axis=0)}
    needs = {"en": embed_needs(english).mean(axis=0), "fr": embed_needs(french).mean(axis=0)}
    return offers, needs


@lru_cache(maxsize=1)
def reference_centroids() -> tuple[Centroids, Centroids]:
    """Stored centroids when they were computed with the current model, else computed now (~128 texts)."""
    if STORE.exists():
        stored = json.loads(STORE.read_text(encoding="utf-8"))
        if stored.get("model") == EMBEDDING_MODEL_ID:
            return tuple(  # type: ignore[return-value]
                {lang: np.asarray(vector, dtype=np.float32) for lang, vector in stored[side].items()}
                for side in ("offers", "needs")
            )
    return compute_reference_centroids()


def write_store() -> None:
    offers, needs = compute_reference_centroids()
    payload = {
        "model": EMBEDDING_MODEL_ID,
        "offers": {lang: [round(float(x), 7) for x in v] for lang, v in offers.items()},
        "needs": {lang: [round(float(x), 7) for x in v] for lang, v in needs.items()},
    }
    STORE.write_text(json.dumps(payload) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_store()  # python -m salon.matchmaking.ranking.reference, after a model change
