"""Fusion, top-k, language centering and vector storage: pure numpy, no model needed."""

from __future__ import annotations

import numpy as np
import pytest

from salon.matchmaking.ranking import (
    FusionParams,
    Ranker,
    center,
    fit_centroids,
    fuse,
    text_fingerprint,
    top_k,
    vectors_from_bytes,
    vectors_to_bytes,
)

BM25 = np.array([[3.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 0.0]], dtype=np.float32)
DENSE = np.array([[0.1, 0.9, 0.5, 0.3], [0.2, 0.4, 0.8, 0.6]], dtype=np.float32)


def test_ranking_mix_weight_one_is_dense_order_and_zero_is_bm25_order():
    dense_only = fuse(BM25, DENSE, FusionParams("mix", dense_weight=1.0))
    bm25_only = fuse(BM25, DENSE, FusionParams("mix", dense_weight=0.0))
    assert top_k(dense_only, 4).indices[0].tolist() == [1, 2, 3, 0]
    assert top_k(bm25_only, 2).indices[0].tolist() == [0, 2]


def test_ranking_mix_query_without_lexical_overlap_follows_dense():
    fused = fuse(BM25, DENSE, FusionParams("mix", dense_weight=0.3))
    assert top_k(fused, 4).indices[1].tolist() == [2, 3, 1, 0]


def test_ranking_mix_averages_min_max_normalised_signals():
    fused = fuse(BM25, DENSE, FusionParams("mix", dense_weight=0.5))
    # BM25 row 0 normalises to [1, 0, 1/3, 0], dense row 0 to [0, 1, 0.5, 0.25].
    np.testing.assert_allclose(fused[0], [0.5, 0.5, 0.5 / 3 + 0.25, 0.125], rtol=1e-6)
    assert top_k(fused, 4).indices[0].tolist() == [0, 1, 2, 3]


def test_ranking_rrf_gives_no_bm25_credit_without_lexical_overlap():
    fused = fuse(BM25, DENSE, FusionParams("rrf", dense_weight=0.5, rrf_k=1.0))
    # Offers 1 and 3 have BM25 score 0: they only get their dense reciprocal rank.
    np.testing.assert_allclose(fused[0], [0.5 / 5 + 0.5 / 2, 0.5 / 2, 0.5 / 3 + 0.5 / 3, 0.5 / 4], rtol=1e-6)
    assert top_k(fused, 4).indices[0].tolist() == [0, 2, 1, 3]


def test_ranking_top_k_breaks_ties_by_lower_index_and_clips_k():
    scores = np.array([[1.0, 2.0, 2.0, 0.5]], dtype=np.float32)
    assert top_k(scores, 3).indices.tolist() == [[1, 2, 0]]
    assert top_k(scores, 10).indices.tolist() == [[1, 2, 0, 3]]
    assert top_k(scores, 2).scores.tolist() == [[2.0, 2.0]]


def test_ranking_centering_removes_language_offset():
    rng = np.random.default_rng(3)
    topics = rng.normal(size=(20, 8)).astype(np.float32)
    offset = np.zeros(8, dtype=np.float32)
    offset[0] = 5.0
    vectors = np.vstack([topics[:10] + offset, topics[10:] - offset])
    languages = ["fr"] * 10 + ["en"] * 10
    centroids = fit_centroids(vectors, languages)
    assert sorted(centroids) == ["en", "fr"]
    centered = center(vectors, languages, centroids)
    np.testing.assert_allclose(centered[:10].mean(axis=0), 0.0, atol=1e-5)
    np.testing.assert_allclose(centered[:10] - centered[0], topics[:10] - topics[0], atol=1e-5)


def test_ranking_centering_skips_languages_with_too_few_texts():
    vectors = np.ones((12, 4), dtype=np.float32)
    centroids = fit_centroids(vectors, ["en"] * 11 + ["fr"])
    assert list(centroids) == ["en"]


def test_ranking_ranker_bm25_mode_needs_no_vectors_and_validates():
    ranker = Ranker(["anti-drone jammers", "armoured vehicles", "drone detection radar"])
    ranking = ranker.rank(["drone jammer", "blindés"], k=2, mode="bm25")
    assert ranking.indices.tolist()[0] == [0, 2]
    with pytest.raises(ValueError, match="needs both offer and need vectors"):
        ranker.rank(["drone"], k=1, mode="dense")
    with pytest.raises(ValueError, match="k must be at least 1"):
        ranker.rank(["drone"], k=0, mode="bm25")
    with pytest.raises(ValueError, match="unknown mode"):
        ranker.scores(["drone"], mode="fuzzy")


def test_ranking_ranker_chunking_does_not_change_results():
    rng = np.random.default_rng(5)
    offers = rng.normal(size=(30, 16)).astype(np.float32)
    needs = rng.normal(size=(25, 16)).astype(np.float32)
    texts = [f"offer {i} drone" if i % 3 else f"offre {i} blindé" for i in range(30)]
    queries = [f"need {i} drone" for i in range(25)]
    ranker = Ranker(texts, offers)
    whole = ranker.rank(queries, needs, k=5, chunk_size=1000)
    chunked = ranker.rank(queries, needs, k=5, chunk_size=4)
    assert whole.indices.tolist() == chunked.indices.tolist()
    np.testing.assert_allclose(whole.scores, chunked.scores)


def test_ranking_vectors_round_trip_through_bytes():
    vectors = np.arange(2 * 384, dtype=np.float32).reshape(2, 384) / 7.0
    data = vectors_to_bytes(vectors)
    assert len(data) == 2 * 384 * 4
    np.testing.assert_array_equal(vectors_from_bytes(data), vectors)
    with pytest.raises(ValueError, match="not a whole number"):
        vectors_from_bytes(data[:-4])


def test_ranking_fingerprint_ignores_whitespace_but_not_wording():
    assert text_fingerprint("drone  jammer\n") == text_fingerprint("drone jammer")
    assert text_fingerprint("drone jammer") != text_fingerprint("drone jammers")


def test_ranking_reference_centroids_stored_for_current_model():
    import json

    from salon.matchmaking.ranking import EMBEDDING_MODEL_ID
    from salon.matchmaking.ranking.reference import STORE, reference_centroids

    assert json.loads(STORE.read_text(encoding="utf-8"))["model"] == EMBEDDING_MODEL_ID
    offers, needs = reference_centroids()
    assert sorted(offers) == sorted(needs) == ["en", "fr"]
    assert offers["fr"].shape == (384,) and offers["fr"].dtype == np.float32
    # French and English sit apart: the offset is what centering removes.
    assert float(np.linalg.norm(offers["fr"] - offers["en"])) > 0.05
