"""Language centering of E5 vectors, so a French need is not pulled towards French offers.

Multilingual E5 puts every text in a shared space, but each language sits in its own region: a
French need scores every French offer a little higher than any English one, which buried the
cross-lingual matches (dense nDCG@10 0.09 on cross-lingual benchmark queries before centering,
0.39 after). Subtracting the mean vector of each language, separately for offers and for needs,
removes that offset while keeping the topical differences (Libovický et al., 2020, "On the language
neutrality of pre-trained multilingual representations").

Centroids are estimated from the texts themselves: offers from the exhibitor corpus, needs from the
batch being ranked or from centroids fitted once on all visitors and stored (`Centroids`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .analysis import detect_language

Centroids = dict[str, np.ndarray]
MIN_GROUP = 10  # fewer texts than this give a centroid dominated by their topics, not their language


def detect_languages(texts: Sequence[str]) -> list[str]:
    return [detect_language(text) for text in texts]


def resolve_undetermined(vectors: np.ndarray, languages: Sequence[str], reference: Centroids) -> list[str]:
    """Give texts of undetermined language the language whose centroid is nearer in embedding space."""
    if not {"fr", "en"} <= reference.keys():
        return list(languages)
    french, english = reference["fr"], reference["en"]
    direction = french - english
    midpoint = (french + english) / 2.0
    resolved = list(languages)
    for row, language in enumerate(languages):
        if language not in ("fr", "en"):
            resolved[row] = "fr" if float((vectors[row] - midpoint) @ direction) > 0 else "en"
    return resolved


def fit_centroids(vectors: np.ndarray, languages: Sequence[str], min_group: int = MIN_GROUP) -> Centroids:
    """Mean vector of each language with enough texts; undetermined texts are assigned first."""
    languages = np.asarray(languages)
    labelled = {
        lang: vectors[languages == lang].mean(axis=0)
        for lang in ("fr", "en")
        if int((languages == lang).sum()) >= min_group
    }
    languages = np.asarray(resolve_undetermined(vectors, list(languages), labelled))
    return {
        str(lang): vectors[languages == lang].mean(axis=0).astype(np.float32)
        for lang in np.unique(languages)
        if int((languages == lang).sum()) >= min_group
    }


def center(vectors: np.ndarray, languages: Sequence[str], centroids: Centroids) -> np.ndarray:
    """Subtract each row's language centroid; rows of a language without centroid are left as they are."""
    languages = resolve_undetermined(vectors, languages, centroids)
    centered = np.array(vectors, dtype=np.float32, copy=True)
    for lang, centroid in centroids.items():
        rows = [i for i, row_lang in enumerate(languages) if row_lang == lang]
        centered[rows] -= centroid
    return centered


def offer_centroids(vectors: np.ndarray, languages: Sequence[str], min_group: int = MIN_GROUP) -> Centroids:
    """Offer-side centroids: from the corpus when each of its languages is well represented, else from
    the parallel reference sentences.

    All offers must be shifted by centroids of the same kind: mixing a corpus mean (topic + language)
    for one language with a reference mean (language only) for the other would favour one language.
    """
    counts = {lang: sum(1 for x in languages if x == lang) for lang in ("fr", "en")}
    present = [lang for lang, count in counts.items() if count]
    if present and all(counts[lang] >= min_group for lang in present):
        return fit_centroids(vectors, languages, min_group)
    from .reference import reference_centroids

    return dict(reference_centroids()[0])
