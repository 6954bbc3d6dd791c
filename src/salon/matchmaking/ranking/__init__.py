"""Matchmaking ranking engine (pure Python, no Django): bilingual BM25, E5 embeddings, hybrid fusion.

Typical use from the Django side: store `embed_offers(...)` / `embed_needs(...)` vectors per profile
(as bytes, keyed by `text_fingerprint`), then build a `Ranker` from the stored matrices and call
`rank(...)` on whole batches of needs. Ranking is only consistent across calls if need-side language
centroids are fixed: fit them once with `Ranker.fit_need_centroids` on all visitors, store them
(`vectors_to_bytes`), and pass them back as `Ranker(..., need_centroids=...)`.
"""

from .analysis import analyze, detect_language, fold_accents
from .bm25 import BM25Index, BM25Params
from .centering import Centroids, center, fit_centroids
from .embeddings import (
    EMBEDDING_DIM,
    EMBEDDING_MODEL_ID,
    embed_needs,
    embed_offers,
    text_fingerprint,
    vectors_from_bytes,
    vectors_to_bytes,
)
from .explain import Explanation, explain, split_passages
from .ranker import MODES, FusionParams, Ranker, Ranking, fuse, top_k

__all__ = [
    "EMBEDDING_DIM",
    "EMBEDDING_MODEL_ID",
    "MODES",
    "BM25Index",
    "BM25Params",
    "Centroids",
    "Explanation",
    "FusionParams",
    "Ranker",
    "Ranking",
    "analyze",
    "center",
    "detect_language",
    "embed_needs",
    "embed_offers",
    "explain",
    "fit_centroids",
    "fold_accents",
    "fuse",
    "split_passages",
    "text_fingerprint",
    "top_k",
    "vectors_from_bytes",
    "vectors_to_bytes",
]
