"""Why an exhibitor was recommended: shared categories, shared words and its best matching sentence.

The best sentence is chosen by embedding similarity when sentence vectors are available (so a French
need can point at an English sentence), and by lexical overlap otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np

from .analysis import analyze, tokenize

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\n+|\s+[•·\-–]\s+")


@dataclass(frozen=True)
class Explanation:
    shared_categories: list[str] = field(default_factory=list)
    matched_terms: list[str] = field(default_factory=list)
    best_passage: str = ""
    passage_score: float = 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "shared_categories": self.shared_categories,
            "matched_terms": self.matched_terms,
            "best_passage": self.best_passage,
            "passage_score": round(self.passage_score, 4),
        }


def split_passages(text: str) -> list[str]:
    """Sentences (or bullet items) of an offer; the whole text if it has no sentence breaks."""
    passages = [p.strip() for p in _SENTENCE_END.split(text) if p and p.strip()]
    return passages or [text.strip()]


def matched_terms(need_text: str, offer_text: str) -> list[str]:
    """Offer words (as written, first occurrence order) sharing a stem with the need."""
    need_terms = set(analyze(need_text))
    seen: set[str] = set()
    words = []
    for token in tokenize(offer_text):
        if token in seen or not set(analyze(token)) & need_terms:
            continue
        seen.add(token)
        words.append(token)
    return words


def _lexical_overlap(need_terms: set[str], passage: str) -> float:
    terms = set(analyze(passage))
    return len(need_terms & terms) / (1.0 + len(terms)) ** 0.5


def best_passage(
    need_text: str,
    offer_text: str,
    need_vector: np.ndarray | None = None,
    embed_passages: Callable[[Sequence[str]], np.ndarray] | None = None,
) -> tuple[str, float]:
    """The offer sentence closest to the need, with its score (cosine, or lexical overlap)."""
    passages = split_passages(offer_text)
    if need_vector is not None and embed_passages is not None:
        similarities = embed_passages(passages) @ np.asarray(need_vector, dtype=np.float32)
        best = int(np.argmax(similarities))
        return passages[best], float(similarities[best])
    need_terms = set(analyze(need_text))
    overlaps = [_lexical_overlap(need_terms, p) for p in passages]
    best = int(np.argmax(overlaps))
    return passages[best], float(overlaps[best])


def explain(
    need_text: str,
    offer_text: str,
    *,
    need_categories: Iterable[str] = (),
    offer_categories: Iterable[str] = (),
    need_vector: np.ndarray | None = None,
    embed_passages: Callable[[Sequence[str]], np.ndarray] | None = None,
) -> Explanation:
    offer_set = {c.casefold() for c in offer_categories}
    shared = [c for c in dict.fromkeys(need_categories) if c.casefold() in offer_set]
    passage, score = best_passage(need_text, offer_text, need_vector, embed_passages)
    return Explanation(shared, matched_terms(need_text, offer_text), passage, score)


__all__ = ["Explanation", "best_passage", "explain", "matched_terms", "split_passages"]
