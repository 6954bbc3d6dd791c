"""Okapi BM25 over the bilingual analysis, scored for many queries at once with matrix products."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .analysis import analyze


@dataclass(frozen=True)
class BM25Params:
    k1: float = 1.2
    b: float = 0.75


class BM25Index:
    """Term-by-document BM25 weight matrix, precomputed so scoring a query only sums a few rows.

    The weight matrix is dense (terms x documents, float32): a show's 1,100 exhibitors and ~10,000
    distinct stems make ~45 MB, which keeps scoring a plain BLAS call without a sparse dependency.
    """

    def __init__(self, texts: Sequence[str], params: BM25Params | None = None) -> None:
        params = params or BM25Params()
        self.params = params
        analysed = [Counter(analyze(text)) for text in texts]
        self.vocabulary: dict[str, int] = {}
        for counts in analysed:
            for term in counts:
                self.vocabulary.setdefault(term, len(self.vocabulary))
        n_docs = len(analysed)
        lengths = np.array([sum(c.values()) for c in analysed], dtype=np.float64)
        average_length = float(lengths.mean()) if n_docs and lengths.sum() else 1.0
        term_frequency = np.zeros((len(self.vocabulary), n_docs), dtype=np.float64)
        for doc, counts in enumerate(analysed):
            for term, count in counts.items():
                term_frequency[self.vocabulary[term], doc] = count
        document_frequency = (term_frequency > 0).sum(axis=1)
        # The "+1" variant of IDF stays positive for terms present in most documents.
        idf = np.log1p((n_docs - document_frequency + 0.5) / (document_frequency + 0.5))
        norm = params.k1 * (1.0 - params.b + params.b * lengths / average_length)
        saturated = term_frequency * (params.k1 + 1.0) / (term_frequency + norm[np.newaxis, :])
        self.weights = (saturated * idf[:, np.newaxis]).astype(np.float32)
        self.idf = idf

    @property
    def n_docs(self) -> int:
        return int(self.weights.shape[1])

    def query_terms(self, text: str) -> list[int]:
        """Distinct known term ids of a query (binary query weighting); unknown terms cannot score."""
        return sorted({self.vocabulary[t] for t in analyze(text) if t in self.vocabulary})

    def score(self, texts: Sequence[str]) -> np.ndarray:
        """BM25 scores, queries x documents.

        Each query sums the weight rows of its few terms (gather + segment sum), so the cost does not
        grow with the vocabulary the way a dense query-by-term matrix product would.
        """
        padded = np.vstack([self.weights, np.zeros((1, self.n_docs), dtype=np.float32)])
        empty = padded.shape[0] - 1  # a query with no known term sums the zero row
        ids, starts = [], []
        for text in texts:
            starts.append(len(ids))
            ids.extend(self.query_terms(text) or [empty])
        if not texts:
            return np.zeros((0, self.n_docs), dtype=np.float32)
        return np.add.reduceat(padded[np.asarray(ids)], np.asarray(starts), axis=0)
