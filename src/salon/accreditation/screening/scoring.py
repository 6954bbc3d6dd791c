"""Vectorised twin of `matching.compare_parts` + `matching.align`, for scoring thousands of candidates.

A common name pair ("Muhammad" + "Hassan") blocks thousands of listed names on a million-entry list; scoring
them one by one in Python costs milliseconds per visitor. Here each distinct listed token is compared once
per visitor (rapidfuzz `cdist`, in C), the rules of `compare_parts` are applied as array operations, and the
greedy alignment runs on all candidates at once. `matching` stays the reference: the explanation of every
hit is recomputed there, and a test checks that both agree.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import process
from rapidfuzz.distance import OSA

from .matching import (
    ABJAD_SKELETON,
    EQUIVALENT_NAME,
    EXTRA_PART_PENALTY,
    FAMILY_NOT_GIVEN_PENALTY,
    INITIAL,
    MANY_EDITS_CAP,
    MIN_PART_SIMILARITY,
    PATRONYMIC_ENDINGS,
    SAME_CANONICAL,
    SINGLE_PART_FACTOR,
    SOUNDS_ALIKE,
    SOUNDS_ALIKE_MIN_SPELLING,
    TWO_EDITS_CAP,
    WEAKEST_PART_MARGIN,
)
from .normalize import TokenForm, analyse

_OSA = OSA.normalized_similarity
_OSA_DISTANCE = OSA.distance


class VocabularyTable:
    """Per-token attributes of the index vocabulary as parallel lists, frozen into arrays once built."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.canonical: list[str] = []
        self.light: list[str] = []
        self.skeleton: list[str] = []
        self._string_ids: dict[str, int] = {}
        self._canonical_id: list[int] = []
        self._core_id: list[int] = []
        self._skeleton_id: list[int] = []
        self._skeleton_v_id: list[int] = []
        self._vowel_key_id: list[int] = []
        self._flags: list[tuple[bool, bool, bool]] = []
        self.canonical_id = np.zeros(0, dtype=np.int32)
        self.core_id = np.zeros(0, dtype=np.int32)
        self.skeleton_id = np.zeros(0, dtype=np.int32)
        self.skeleton_v_id = np.zeros(0, dtype=np.int32)
        self.vowel_key_id = np.zeros(0, dtype=np.int32)
        self.canonical_set: frozenset[str] = frozenset()
        self.skeleton_length = np.zeros(0, dtype=np.int16)
        self.key_length = np.zeros(0, dtype=np.int16)
        self.first_char = np.zeros(0, dtype=np.int32)
        self.abjad = np.zeros(0, dtype=bool)
        self.variant = np.zeros(0, dtype=bool)
        self.in_table = np.zeros(0, dtype=bool)
        self.patronymic = np.zeros(0, dtype=bool)

    def string_id(self, text: str, create: bool = True) -> int:
        found = self._string_ids.get(text)
        if found is None:
            if not create:
                return -1
            found = self._string_ids[text] = len(self._string_ids)
        return found

    def add(self, key: str, form: TokenForm) -> None:
        self.keys.append(key)
        self.canonical.append(form.canonical)
        self.light.append(form.light)
        self.skeleton.append(form.skeleton)
        self._canonical_id.append(self.string_id(form.canonical))
        self._core_id.append(self.string_id(form.core))
        self._skeleton_id.append(self.string_id("\x00" + form.skeleton))
        self._skeleton_v_id.append(self.string_id("\x01" + form.skeleton_v))
        self._vowel_key_id.append(self.string_id("\x02" + form.vowel_key))
        self._flags.append((form.abjad, form.variant, form.in_table))

    def freeze(self) -> None:
        self.canonical_id = np.asarray(self._canonical_id, dtype=np.int32)
        self.core_id = np.asarray(self._core_id, dtype=np.int32)
        self.skeleton_id = np.asarray(self._skeleton_id, dtype=np.int32)
        self.skeleton_v_id = np.asarray(self._skeleton_v_id, dtype=np.int32)
        self.vowel_key_id = np.asarray(self._vowel_key_id, dtype=np.int32)
        self.canonical_set = frozenset(self.canonical)
        self.skeleton_length = np.asarray([len(s) for s in self.skeleton], dtype=np.int16)
        self.key_length = np.asarray([len(k) for k in self.keys], dtype=np.int16)
        self.canonical_length = np.asarray([len(k) for k in self.canonical], dtype=np.int16)
        self.light_length = np.asarray([len(k) for k in self.light], dtype=np.int16)
        self.keys_array = np.asarray(self.keys, dtype=object)
        self.canonical_array = np.asarray(self.canonical, dtype=object)
        self.light_array = np.asarray(self.light, dtype=object)
        self.skeleton_array = np.asarray(self.skeleton, dtype=object)
        self.first_char = np.asarray([ord(k[0]) for k in self.keys], dtype=np.int32)
        flags = np.asarray(self._flags, dtype=bool).reshape(-1, 3)
        self.abjad, self.variant, self.in_table = flags[:, 0].copy(), flags[:, 1].copy(), flags[:, 2].copy()
        self.patronymic = np.asarray([key.endswith(PATRONYMIC_ENDINGS) for key in self.keys], dtype=bool)

    def similarity_matrix(
        self,
        query_keys: list[str],
        query_ids: list[int],
        unique: np.ndarray,
        vowels_distinguish: bool = False,
    ) -> tuple[np.ndarray, np.ndarray]:
        """sims[i, u] = compare_parts(query token i, vocabulary token unique[u]).similarity, and the
        matching `neighbour` flags."""
        forms = [analyse(key) for key in query_keys]

        def cdist(query: list[str], listed: list[str], scorer=_OSA, dtype=np.float32) -> np.ndarray:  # noqa: ANN001
            return process.cdist(query, listed, scorer=scorer, dtype=dtype, workers=1)

        # One distance matrix per spelling form; the normalised similarity is 1 - d / longer length,
        # exactly as rapidfuzz computes it, so each pair of strings is compared once.
        spelling = np.zeros((len(forms), len(unique)))
        distance = np.full((len(forms), len(unique)), np.iinfo(np.int32).max, dtype=np.int32)
        for query, listed, listed_lengths in (
            ([f.canonical for f in forms], self.canonical_array[unique], self.canonical_length[unique]),
            ([f.light for f in forms], self.light_array[unique], self.light_length[unique]),
            (query_keys, self.keys_array[unique], self.key_length[unique]),
        ):
            edits = cdist(query, listed, _OSA_DISTANCE, np.int32)
            longest = np.maximum(np.asarray([len(q) for q in query])[:, None], listed_lengths[None, :])
            spelling = np.maximum(spelling, 1.0 - edits / np.maximum(longest, 1))
            distance = np.minimum(distance, edits)
        q_skeleton_id = np.asarray([self.string_id("\x00" + f.skeleton, False) for f in forms])[:, None]
        q_skeleton_length = np.asarray([len(f.skeleton) for f in forms])[:, None]
        q_skeleton_v_length = np.asarray([len(f.skeleton_v) for f in forms])[:, None]
        skeleton_equal = q_skeleton_id == self.skeleton_id[unique][None, :]
        q_skeleton_v_id = np.asarray([self.string_id("\x01" + f.skeleton_v, False) for f in forms])[:, None]
        skeleton_v_equal = (q_skeleton_v_id == self.skeleton_v_id[unique][None, :]) & (q_skeleton_v_id >= 0)

        # Latin vs Latin.
        sims = spelling
        q_in_table = np.asarray([f.in_table for f in forms])[:, None]
        q_vowel_key_id = np.asarray([self.string_id("\x02" + f.vowel_key, False) for f in forms])[:, None]
        neighbour_latin = ~((q_vowel_key_id == self.vowel_key_id[unique][None, :]) & (q_vowel_key_id >= 0))
        if vowels_distinguish:
            neighbour_latin = np.ones_like(neighbour_latin)
        sounds = (
            skeleton_v_equal
            & (q_skeleton_v_length >= 3)
            & ~(q_in_table | self.in_table[unique][None, :])
            & (spelling >= SOUNDS_ALIKE_MIN_SPELLING)
            & (spelling < SOUNDS_ALIKE)
        )
        capped = np.where(distance == 2, np.minimum(spelling, TWO_EDITS_CAP), spelling)
        capped = np.where(distance > 2, np.minimum(spelling, MANY_EDITS_CAP), capped)
        sims = np.where(sounds, SOUNDS_ALIKE, capped)
        q_key_length = np.asarray([len(k) for k in query_keys])[:, None]
        q_first = np.asarray([ord(k[0]) for k in query_keys])[:, None]
        initial = ((q_key_length == 1) | (self.key_length[unique][None, :] == 1)) & (
            q_first == self.first_char[unique][None, :]
        )
        sims = np.where(initial & ~sounds, INITIAL, sims)
        neighbour = neighbour_latin & ~(initial & ~sounds)
        q_canonical = np.asarray([self.string_id(f.canonical, False) for f in forms])[:, None]
        q_core = np.asarray([self.string_id(f.core, False) for f in forms])[:, None]
        canonical_equal = (q_canonical == self.canonical_id[unique][None, :]) & (q_canonical >= 0)
        core_equal = (q_core == self.core_id[unique][None, :]) & (q_core >= 0)
        q_variant = np.asarray([f.variant for f in forms])[:, None]
        variant = q_variant | self.variant[unique][None, :]
        same = np.where(canonical_equal, np.where(variant, EQUIVALENT_NAME, SAME_CANONICAL), SAME_CANONICAL)
        sims = np.where(canonical_equal | core_equal, same, sims)
        neighbour &= ~(canonical_equal | core_equal)

        # Either side written in an abjad: consonants only.
        q_abjad = np.asarray([f.abjad for f in forms])[:, None]
        abjad = q_abjad | self.abjad[unique][None, :]
        if abjad.any():
            skeleton_sims = cdist([f.skeleton for f in forms], self.skeleton_array[unique], _OSA, np.float64)
            equal_value = ABJAD_SKELETON - 0.04 * np.maximum(0, 3 - q_skeleton_length)
            abjad_sims = np.where(skeleton_equal, equal_value, skeleton_sims * ABJAD_SKELETON)
            sims = np.where(abjad, abjad_sims, sims)
            neighbour &= ~abjad

        q_ids = np.asarray(query_ids)[:, None]
        exact = q_ids == unique[None, :]
        return np.where(exact, 1.0, sims), neighbour & ~exact


def greedy_scores(
    sims: np.ndarray,
    listed_lengths: np.ndarray,
    family_required: np.ndarray | None = None,
    query_family_required: bool = False,
) -> np.ndarray:
    """`matching.align(...).score` for every candidate at once; sims is (candidates, query, listed) with
    padding set below MIN_PART_SIMILARITY."""
    count, n_query, width = sims.shape
    listed_used = np.zeros((count, width), dtype=bool)
    query_used = np.zeros((count, n_query), dtype=bool)
    work = np.where(sims >= MIN_PART_SIMILARITY, sims, -1.0)
    total = np.zeros(count)
    matched = np.zeros(count, dtype=np.int16)
    weakest = np.full(count, np.inf)
    rows = np.arange(count)
    for _ in range(min(n_query, width)):
        flat = work.reshape(count, -1)
        best = flat.argmax(axis=1)
        value = flat[rows, best]
        ok = value >= MIN_PART_SIMILARITY
        if not ok.any():
            break
        total += np.where(ok, value, 0.0)
        matched += ok
        weakest = np.where(ok, np.minimum(weakest, value), weakest)
        work[rows, best // width, :] = -1.0
        work[rows, :, best % width] = -1.0
        listed_used[rows[ok], (best % width)[ok]] = True
        query_used[rows[ok], (best // width)[ok]] = True
    shorter = np.minimum(n_query, listed_lengths)
    longer = np.maximum(n_query, listed_lengths)
    score = total / np.maximum(shorter, 1)
    weakest = np.where(matched == shorter, weakest, 0.0)
    score = np.minimum(score, weakest + WEAKEST_PART_MARGIN)
    score -= EXTRA_PART_PENALTY * (longer - shorter)
    if family_required is not None:
        last = np.maximum(listed_lengths.astype(np.int64) - 1, 0)
        family_missing = family_required & ~listed_used[rows, last]
        score = np.where(family_missing, score - FAMILY_NOT_GIVEN_PENALTY, score)
    if query_family_required:
        score = np.where(query_used[:, n_query - 1], score, score - FAMILY_NOT_GIVEN_PENALTY)
    score = np.where((shorter == 1) & (longer > 1), score * SINGLE_PART_FACTOR, score)
    return np.maximum(score, 0.0)
