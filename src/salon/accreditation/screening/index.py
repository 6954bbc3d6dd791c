"""The screening index: a million listed names held in flat arrays, blocked on pairs of name-part skeletons.

Why pairs: a single common part ("Muhammad", "Ali") matches a large share of any list, while two parts of
one name rarely co-occur by chance. Every listed name posts each unordered pair of its part skeletons
(consonant keys, see `normalize`); a visitor's name looks up its own pairs, so order swaps and missing
middle names still meet. A typo in one part is bridged by a deletion neighbourhood on skeletons
(SymSpell-like) while the other part of the pair stays exact. Only names that share a pair are scored.

Names live in numpy arrays (a padded matrix of token ids, one row per name); only the token *vocabulary*
gets Python objects, and names share their tokens, so memory grows with the vocabulary, not the list.
Candidates are scored in bulk by `scoring` (each distinct token compared once per visitor); only hits are
re-scored one by one by `matching`, which also words the explanation.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import combinations
from multiprocessing.pool import Pool

import numpy as np

from .matching import (
    ATTESTED_NEIGHBOUR_CAP,
    BIRTH_DATE_EQUAL_BONUS,
    FAMILY_MIN_PARTS,
    MIN_PART_SIMILARITY,
    NATIONALITY_BONUS,
    WEAKEST_PART_MARGIN,
    NameMatch,
    align,
    compare_parts,
    corroborate,
    dates_agree,
    explain,
    family_required,
    vowels_distinguish,
)
from .models import Hit, Person, WatchlistEntry
from .normalize import MAX_TOKENS, Token, TokenForm, analyse, name_keys, tokenize
from .scoring import VocabularyTable, greedy_scores

DEFAULT_THRESHOLD = 0.9
MAX_BONUS = BIRTH_DATE_EQUAL_BONUS + NATIONALITY_BONUS
MIN_DELETION_LENGTH = 2
PARALLEL_MIN_PEOPLE = 500
PARALLEL_MIN_NAMES = 50_000
CROWDED_PAIR_NAMES = 2_000
# The vectorised alignment breaks ties in another order than `matching.align`; keep a margin so a tie
# never drops a name that the reference scorer would keep.
TIE_SLACK = 0.02
CHUNK_SIZE = 250

ProgressCallback = Callable[[int], None]


def _deletions(skeleton: str) -> set[str]:
    return {skeleton[:i] + skeleton[i + 1 :] for i in range(len(skeleton))}


def _pair_key(a: int, b: int) -> int:
    return (a << 32) | b if a <= b else (b << 32) | a


class ScreeningIndex:
    """Build once from the watch lists, then screen visitors one by one or in batches."""

    def __init__(self) -> None:
        self._vocab: dict[str, int] = {}
        self._token_skeletons: list[tuple[int, ...]] = []
        self._vocabulary = VocabularyTable()
        self._skeletons: dict[str, int] = {}
        self._neighbours: dict[str, list[int]] = {}
        self._entry_ids: list[str] = []
        self._entry_birth: list[str | None] = []
        self._entry_countries: list[tuple[str, ...]] = []
        self._name_text: list[str] = []
        self._name_entry = np.zeros(0, dtype=np.int32)
        self._name_tokens = np.zeros((0, MAX_TOKENS), dtype=np.int32)
        self._name_lengths = np.zeros(0, dtype=np.int16)
        self._pair_keys = np.zeros(0, dtype=np.int64)
        self._pair_names = np.zeros(0, dtype=np.int32)

    # ---------------------------------------------------------------- building

    @classmethod
    def build(cls, entries: Iterable[WatchlistEntry], workers: int | None = None) -> ScreeningIndex:
        """Index the listed names. Tokenising a million names is the costly part: it runs on forked workers
        (`workers`, default up to 2); the id bookkeeping stays here and the blocking pairs are vectorised."""
        index = cls()
        texts: list[str] = []
        owners: list[int] = []
        for entry_number, entry in enumerate(entries):
            index._entry_ids.append(entry.id)
            index._entry_birth.append(entry.birth_date or None)
            index._entry_countries.append(entry.countries)
            texts.extend(entry.names)
            owners.extend([entry_number] * len(entry.names))
        workers = workers or min(2, os.cpu_count() or 1)
        parallel = workers > 1 and len(texts) >= PARALLEL_MIN_NAMES and _can_fork()
        pool = multiprocessing.get_context("fork").Pool(workers) if parallel else None
        try:
            key_lines = _map_chunks(pool, _keys_of_names, texts)
            vocab = index._vocab
            name_entry: list[int] = []
            name_tokens: list[int] = []
            name_lengths: list[int] = []
            seen: set[tuple[int, tuple[int, ...]]] = set()
            for text, owner, line in zip(texts, owners, key_lines, strict=True):
                if not line:
                    continue
                ids = []
                for key in line.split(" "):
                    token = vocab.get(key)
                    if token is None:
                        token = vocab[key] = len(vocab)
                    ids.append(token)
                signature = (owner, tuple(ids))
                if signature in seen:
                    continue
                seen.add(signature)
                index._name_text.append(text)
                name_entry.append(owner)
                name_tokens.extend(ids)
                name_lengths.append(len(ids))
            del seen, key_lines
            keys = list(vocab)
            forms = _map_chunks(pool, _forms_of_keys, keys)
        finally:
            if pool is not None:
                pool.close()
                pool.join()
        for key, form in zip(keys, forms, strict=True):
            index._vocabulary.add(key, form)
            index._token_skeletons.append(index._skeleton_ids_of(form.blocking))
        index._vocabulary.freeze()
        index._name_entry = np.asarray(name_entry, dtype=np.int32)
        lengths = np.asarray(name_lengths, dtype=np.int16)
        flat = np.asarray(name_tokens, dtype=np.int32)
        padded = np.full((len(lengths), MAX_TOKENS), -1, dtype=np.int32)
        rows = np.repeat(np.arange(len(lengths)), lengths)
        starts = np.repeat(np.cumsum(lengths, dtype=np.int64) - lengths, lengths)
        padded[rows, np.arange(len(flat)) - starts] = flat
        index._name_tokens, index._name_lengths = padded, lengths
        index._pair_keys, index._pair_names = index._blocking_pairs()
        index._build_neighbours()
        return index

    def _blocking_pairs(self) -> tuple[np.ndarray, np.ndarray]:
        """Every unordered pair of part skeletons of every name (a lone part pairs itself), sorted by key,
        without repeats: what `_candidate_names` looks up."""
        width = max((len(skeletons) for skeletons in self._token_skeletons), default=1)
        alternatives = np.full((len(self._token_skeletons) + 1, width), -1, dtype=np.int64)
        for token, skeletons in enumerate(self._token_skeletons):
            alternatives[token, : len(skeletons)] = skeletons
        tokens, lengths = self._name_tokens, self._name_lengths
        names = np.arange(len(lengths), dtype=np.int64)
        found_keys: list[np.ndarray] = []
        found_names: list[np.ndarray] = []

        def post(rows: np.ndarray, first: np.ndarray, second: np.ndarray) -> None:
            for a in range(width):
                for b in range(width):
                    left, right = first[:, a], second[:, b]
                    ok = (left >= 0) & (right >= 0)
                    low, high = np.minimum(left[ok], right[ok]), np.maximum(left[ok], right[ok])
                    found_keys.append((low << 32) | high)
                    found_names.append(rows[ok])

        single = lengths == 1
        for a in range(width):  # a lone part pairs each of its skeletons with itself
            skeletons = alternatives[tokens[single, 0], a]
            ok = skeletons >= 0
            found_keys.append((skeletons[ok] << 32) | skeletons[ok])
            found_names.append(names[single][ok])
        for i, j in combinations(range(int(lengths.max(initial=0))), 2):
            rows = lengths > j
            if rows.any():
                post(names[rows], alternatives[tokens[rows, i]], alternatives[tokens[rows, j]])
        if not found_keys:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
        keys, owners = np.concatenate(found_keys), np.concatenate(found_names)
        order = np.lexsort((owners, keys))
        keys, owners = keys[order], owners[order]
        fresh = np.ones(len(keys), dtype=bool)
        fresh[1:] = (keys[1:] != keys[:-1]) | (owners[1:] != owners[:-1])
        return keys[fresh], owners[fresh].astype(np.int32)

    def _skeleton_ids_of(self, blocking: tuple[str, ...], create: bool = True) -> tuple[int, ...]:
        found: list[int] = []
        for skeleton in blocking:
            skeleton_id = self._skeletons.get(skeleton)
            if skeleton_id is None and create:
                skeleton_id = self._skeletons[skeleton] = len(self._skeletons)
            if skeleton_id is not None:
                found.append(skeleton_id)
        return tuple(found)

    def _skeleton_ids(self, key: str, create: bool = True) -> tuple[int, ...]:
        """Skeleton ids of a token: its own, plus the one without a glued particle ("Dupont" -> "pont")."""
        return self._skeleton_ids_of(analyse(key).blocking, create)

    def _build_neighbours(self) -> None:
        """Deletion neighbourhood of every skeleton: skeletons one edit apart share a key."""
        neighbours: dict[str, list[int]] = {}
        for skeleton, skeleton_id in self._skeletons.items():
            neighbours.setdefault(skeleton, []).append(skeleton_id)
            if len(skeleton) >= MIN_DELETION_LENGTH:
                for deleted in _deletions(skeleton):
                    neighbours.setdefault(deleted, []).append(skeleton_id)
        self._neighbours = neighbours

    @property
    def entry_count(self) -> int:
        return len(self._entry_ids)

    @property
    def name_count(self) -> int:
        return len(self._name_text)

    # --------------------------------------------------------------- screening

    def _near_skeletons(self, skeleton: str) -> set[int]:
        near = set(self._neighbours.get(skeleton, ()))
        if len(skeleton) >= MIN_DELETION_LENGTH:
            for deleted in _deletions(skeleton):
                near.update(self._neighbours.get(deleted, ()))
        return near

    def _candidate_names(self, tokens: list[Token]) -> np.ndarray:
        forms = [analyse(token.key) for token in tokens]
        exact = [self._skeleton_ids(token.key, create=False) for token in tokens]
        near: list[set[int]] = []
        for form in forms:
            near_ids: set[int] = set()
            for skeleton in form.blocking:
                near_ids |= self._near_skeletons(skeleton)
            near.append(near_ids)
        if len(tokens) == 1:
            groups = {(0, 0): {_pair_key(s, s) for s in near[0]}}
        else:
            groups = {}
            for i, j in combinations(range(len(tokens)), 2):
                keys: set[int] = set()
                for anchor in exact[j]:
                    keys.update(_pair_key(s, anchor) for s in near[i])
                for anchor in exact[i]:
                    keys.update(_pair_key(anchor, s) for s in near[j])
                groups[(i, j)] = keys
        spans: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
        for pair, keys in groups.items():
            if keys:
                wanted = np.fromiter(keys, dtype=np.int64, count=len(keys))
                starts = np.searchsorted(self._pair_keys, wanted, side="left")
                ends = np.searchsorted(self._pair_keys, wanted, side="right")
                found = ends > starts
                spans[pair] = (starts[found], ends[found])
        # Two common parts ("Muhammad" + "Ahmad") block a hundred thousand names. A listed name only they
        # retrieve has all its parts among the query parts that form such crowded pairs, so it is at most
        # that many parts long (if longer than the query, it would contain every query part, including one
        # outside the crowded pairs, and be retrieved through that part's pairs). Without a part outside
        # them, nothing can be trimmed.
        crowded = {pair for pair, (s, e) in spans.items() if int((e - s).sum()) > CROWDED_PAIR_NAMES}
        crowded_parts = {part for pair in crowded for part in pair}
        trim = bool(crowded) and len(crowded_parts) < len(tokens)
        slices: list[np.ndarray] = []
        for pair, (starts, ends) in spans.items():
            found = [self._pair_names[s:e] for s, e in zip(starts.tolist(), ends.tolist(), strict=True)]
            if not found:
                continue
            names = np.concatenate(found)
            if trim and pair in crowded:
                names = names[self._name_lengths[names] <= len(crowded_parts)]
            slices.append(names)
        if not slices:
            return np.zeros(0, dtype=np.int32)
        return np.unique(np.concatenate(slices))

    def _attested(self, tokens: list[Token], pinyin: bool = False) -> list[bool]:
        """Which query parts are themselves name parts of the list (their neighbours are other names).

        Pinyin names are short syllable strings in a dense space where nearly every one-edit change is
        another valid name: for Chinese nationals every part counts as attested."""
        known = self._vocabulary.canonical_set
        return [
            not form.abjad and (pinyin or form.canonical in known)
            for form in (analyse(token.key) for token in tokens)
        ]

    def _score_names(
        self, tokens: list[Token], candidates: np.ndarray, floor: float, pinyin: bool = False
    ) -> dict[int, tuple[float, int, float, int]]:
        """Best name scores per listed entry, for names scoring at least `floor`:
        entry -> (score, name, strict score, strict name); the strict score caps the neighbour matches of
        attested query parts (see `matching.align`)."""
        if not len(candidates):
            return {}
        listed = self._name_tokens[candidates]
        # Distinct tokens without sorting: mark them in a vocabulary-sized mask (padding -1 -> last slot).
        present = np.zeros(len(self._vocab) + 1, dtype=bool)
        present[listed] = True
        present[-1] = False
        vocabulary_ids = np.flatnonzero(present)
        column = np.full(len(self._vocab) + 1, len(vocabulary_ids), dtype=np.int32)
        column[vocabulary_ids] = np.arange(len(vocabulary_ids), dtype=np.int32)
        keys = [token.key for token in tokens]
        query_ids = [self._vocab.get(key, -1) for key in keys]
        sims, neighbour = self._vocabulary.similarity_matrix(keys, query_ids, vocabulary_ids, pinyin)
        padding = np.full((len(tokens), 1), -1.0)
        lengths = self._name_lengths[candidates]
        gather = column[listed]
        if floor > WEAKEST_PART_MARGIN:
            # A name reaches `floor` only if each part of its shorter side pairs at `floor - margin` or
            # better (the score is capped at the weakest pair + margin): count the listed parts that could,
            # before paying for the alignment of thousands of crowded candidates.
            part_floor = max(MIN_PART_SIMILARITY, floor - WEAKEST_PART_MARGIN)
            usable = np.append((sims >= part_floor).any(axis=0), False)
            possible = usable[gather].sum(axis=1) >= np.minimum(len(tokens), lengths)
            if not possible.all():
                candidates, lengths, gather = candidates[possible], lengths[possible], gather[possible]
                if not len(candidates):
                    return {}
        last_tokens = self._name_tokens[candidates, np.maximum(lengths.astype(np.int64) - 1, 0)]
        family = (lengths >= FAMILY_MIN_PARTS) & ~self._vocabulary.patronymic[last_tokens]
        query_family = family_required(tokens)

        def aligned(part_sims: np.ndarray) -> np.ndarray:
            per_name = np.concatenate((part_sims, padding), axis=1)[:, gather].transpose(1, 0, 2)
            return greedy_scores(
                per_name, lengths, family, query_family
            )  # per_name is (candidates, query, listed)

        scores = aligned(sims)

        # Strict scores, kept when the birth date does not agree: neighbours of attested parts capped
        # (see `matching.align`).
        capped = (
            neighbour & (sims > ATTESTED_NEIGHBOUR_CAP) & np.asarray(self._attested(tokens, pinyin))[:, None]
        )
        strict = aligned(np.where(capped, ATTESTED_NEIGHBOUR_CAP, sims)) if capped.any() else scores
        keep = scores >= floor
        best: dict[int, tuple[float, int, float, int]] = {}
        entries = self._name_entry[candidates[keep]].tolist()
        for entry, score, strict_score, name_number in zip(
            entries, scores[keep].tolist(), strict[keep].tolist(), candidates[keep].tolist(), strict=True
        ):
            previous = best.get(entry)
            if previous is None:
                best[entry] = (score, name_number, strict_score, name_number)
                continue
            loose_best = (score, name_number) if score > previous[0] else previous[:2]
            strict_best = (strict_score, name_number) if strict_score > previous[2] else previous[2:]
            best[entry] = (*loose_best, *strict_best)
        return best

    def screen(self, person: Person, threshold: float = DEFAULT_THRESHOLD) -> list[Hit]:
        """Hits for one person, best first; each carries its score and the reasons for it."""
        query_names = [person.name]
        if person.original_script_name and person.original_script_name != person.name:
            query_names.append(person.original_script_name)
        best: dict[int, tuple[float, int, list[Token]]] = {}
        floor = threshold - MAX_BONUS - TIE_SLACK
        for query_name in query_names:
            tokens = tokenize(query_name)
            if not tokens:
                continue
            candidates = self._candidate_names(tokens)
            for entry, (score, name_number, strict_score, strict_name) in self._score_names(
                tokens, candidates, floor, vowels_distinguish(person.nationality)
            ).items():
                if not dates_agree(person.birth_date, self._entry_birth[entry]):
                    score, name_number = strict_score, strict_name
                if score > best.get(entry, (-1.0, 0, []))[0]:
                    best[entry] = (score, name_number, tokens)
        hits: list[Hit] = []
        for entry, (score, name_number, tokens) in best.items():
            adjustment, _ = corroborate(
                person.birth_date, self._entry_birth[entry], person.nationality, self._entry_countries[entry]
            )
            if score + adjustment + TIE_SLACK < threshold:
                continue
            hit = self._explain_hit(person, entry, name_number, tokens)
            if hit.score >= threshold:
                hits.append(hit)
        hits.sort(key=lambda hit: (-hit.score, hit.entry_id))
        return hits

    def _explain_hit(self, person: Person, entry: int, name_number: int, tokens: list[Token]) -> Hit:
        listed = tokenize(self._name_text[name_number])
        similarities = [[compare_parts(q, other) for other in listed] for q in tokens]
        agree = dates_agree(person.birth_date, self._entry_birth[entry])
        match: NameMatch = align(
            similarities,
            len(tokens),
            len(listed),
            None if agree else self._attested(tokens, vowels_distinguish(person.nationality)),
            family_required(listed),
            vowels_distinguish(person.nationality),
            family_required(tokens),
        )
        adjustment, notes = corroborate(
            person.birth_date, self._entry_birth[entry], person.nationality, self._entry_countries[entry]
        )
        score = round(min(1.0, max(0.0, match.score + adjustment)), 4)
        return Hit(
            person_id=person.id,
            entry_id=self._entry_ids[entry],
            score=score,
            explanation=explain(tokens, listed, match, notes),
            matched_name=self._name_text[name_number],
        )

    def screen_many(
        self,
        people: Sequence[Person],
        threshold: float = DEFAULT_THRESHOLD,
        workers: int | None = None,
        progress: ProgressCallback | None = None,
    ) -> list[list[Hit]]:
        """Screen a batch, in parallel over forked workers that share the built index copy-on-write."""
        workers = workers or min(2, os.cpu_count() or 1)
        chunks = [people[start : start + CHUNK_SIZE] for start in range(0, len(people), CHUNK_SIZE)]
        results: list[list[Hit]] = []
        for chunk_hits in self._run_chunks(chunks, threshold, workers):
            results.extend(chunk_hits)
            if progress is not None:
                progress(len(chunk_hits))
        return results

    def _run_chunks(
        self, chunks: list[Sequence[Person]], threshold: float, workers: int
    ) -> Iterator[list[list[Hit]]]:
        total = sum(len(chunk) for chunk in chunks)
        if (
            workers <= 1
            or total < PARALLEL_MIN_PEOPLE
            or "fork" not in multiprocessing.get_all_start_methods()
        ):
            for chunk in chunks:
                yield [self.screen(person, threshold) for person in chunk]
            return
        global _SHARED_INDEX
        _SHARED_INDEX = self
        try:
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                yield from pool.imap(_screen_chunk, [(chunk, threshold) for chunk in chunks])
        finally:
            _SHARED_INDEX = None


_SHARED_INDEX: ScreeningIndex | None = None
BUILD_CHUNKS = 16


def _can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def _keys_of_names(names: list[str]) -> list[str]:
    """Token keys of each name, space-joined (keys hold no space): a compact answer to send back."""
    return [" ".join(name_keys(name)) for name in names]


def _forms_of_keys(keys: list[str]) -> list[TokenForm]:
    return [analyse(key) for key in keys]


def _map_chunks(pool: Pool | None, function: Callable[[list[str]], list], items: list[str]) -> list:
    """`function` over `items` in order, in chunks, on the pool's workers when there is one."""
    step = max(1, -(-len(items) // BUILD_CHUNKS))
    chunks = [items[start : start + step] for start in range(0, len(items), step)]
    if pool is None:
        return [result for chunk in chunks for result in function(chunk)]
    return [result for answer in pool.map(function, chunks) for result in answer]


def _screen_chunk(job: tuple[Sequence[Person], float]) -> list[list[Hit]]:
    chunk, threshold = job
    assert _SHARED_INDEX is not None
    return [_SHARED_INDEX.screen(person, threshold) for person in chunk]
