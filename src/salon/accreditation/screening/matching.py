"""Scoring one name against another, and corroboration by birth date and nationality.

Name parts are aligned independently of their order (greedy on the best pairs), so "Petrov Oleg" meets
"Oleg Petrov". The shorter name is the reference: every part of it must find a partner, while extra parts
on the longer side (a middle name, a patronymic) cost only a little.

A one-edit or sounds-alike match is a slip only if the visitor's spelling is not itself a name: when it is
a name part attested on the list ("Lanlang" next to the listed "Fanlang"), it is more likely another
person's real name, and such a *neighbour* counts as a match only when the birth date backs it. The index
scores every candidate both ways (`attested` given or not) and keeps the strict score for entries whose
birth date does not agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rapidfuzz.distance import OSA

from .normalize import Token, TokenForm, analyse

EXACT = 1.0
SAME_CANONICAL = 0.97
EQUIVALENT_NAME = 0.95
ABJAD_SKELETON = 0.93
SOUNDS_ALIKE = 0.9
SOUNDS_ALIKE_MIN_SPELLING = 0.6
INITIAL = 0.75
TWO_EDITS_CAP = 0.74
MANY_EDITS_CAP = 0.6
WEAKEST_PART_MARGIN = 0.1
MIN_PART_SIMILARITY = 0.5
EXTRA_PART_PENALTY = 0.02
SINGLE_PART_FACTOR = 0.7
# A listed name of three parts or more whose family name (its last part) the visitor does not bear: the
# shared given names are common, the family name is what tells people apart. Not for a patronymic last
# (surname-first lists: "PETROV Oleg Ivanovich").
FAMILY_NOT_GIVEN_PENALTY = 0.12
FAMILY_MIN_PARTS = 3
# Chinese passports write names in Hanyu Pinyin, where the vowel is part of the syllable's identity
# ("Linmi" and "Lanmi" are other characters): for these nationals no vowel swap is a mere transliteration.
PINYIN_NATIONALITIES = frozenset({"CN", "TW", "HK", "MO"})
PATRONYMIC_ENDINGS = ("vich", "vych", "vna", "ovna", "evna", "ogly", "oglu", "qizi", "kyzy")
# A neighbour match of an attested spelling, without an agreeing birth date: never enough on its own.
ATTESTED_NEIGHBOUR_CAP = 0.7

BIRTH_DATE_EQUAL_BONUS = 0.05
BIRTH_YEAR_EQUAL_BONUS = 0.03
BIRTH_DAY_DIFFERS_PENALTY = 0.05
BIRTH_YEAR_NEAR_PENALTY = 0.05
BIRTH_YEAR_CONFLICT_PENALTY = 0.2
NO_BIRTH_DATE_PENALTY = 0.0
NATIONALITY_BONUS = 0.02
NATIONALITY_PENALTY = 0.05


class PartMatch(NamedTuple):
    similarity: float
    reason: str
    neighbour: bool = False  # Latin spellings whose consonants differ (a typo or another name)


def compare_parts(query: Token, listed: Token) -> PartMatch:
    """Similarity of two name parts in [0, 1] with the kind of variant that explains it."""
    q_form, l_form = analyse(query.key), analyse(listed.key)
    if query.key == listed.key:
        if query.script != listed.script:
            return PartMatch(EXACT, f"transliteration from {_foreign_script(query, listed)}")
        if query.surface.casefold() != listed.surface.casefold():
            return PartMatch(EXACT, "particle" if query.particle or listed.particle else "diacritics")
        return PartMatch(EXACT, "exact")
    if q_form.abjad or l_form.abjad:
        return _compare_abjad(query, listed, q_form, l_form)
    if q_form.canonical == l_form.canonical or q_form.core == l_form.core:
        if q_form.canonical != l_form.canonical:
            return PartMatch(SAME_CANONICAL, "particle")
        if q_form.variant or l_form.variant:
            return PartMatch(EQUIVALENT_NAME, "transliteration variant")
        if query.particle or listed.particle or q_form.canonical.startswith("abd"):
            return PartMatch(SAME_CANONICAL, "particle")
        return PartMatch(SAME_CANONICAL, "spelling variant")
    similarity = max(
        OSA.normalized_similarity(q_form.canonical, l_form.canonical),
        OSA.normalized_similarity(q_form.light, l_form.light),
        OSA.normalized_similarity(query.key, listed.key),
    )
    if (
        q_form.skeleton_v == l_form.skeleton_v
        and len(q_form.skeleton_v) >= 3
        and not (q_form.in_table or l_form.in_table)
        and SOUNDS_ALIKE_MIN_SPELLING <= similarity < SOUNDS_ALIKE
    ):
        return PartMatch(SOUNDS_ALIKE, "sounds alike", q_form.vowel_key != l_form.vowel_key)
    if (len(query.key) == 1 or len(listed.key) == 1) and query.key[0] == listed.key[0]:
        return PartMatch(INITIAL, "initial")
    distance = min(
        OSA.distance(q_form.canonical, l_form.canonical),
        OSA.distance(q_form.light, l_form.light),
        OSA.distance(query.key, listed.key),
    )
    # A typo is one slip per name part; two or more edits is another name, however long the part.
    if distance == 2:
        similarity = min(similarity, TWO_EDITS_CAP)
    elif distance > 2:
        similarity = min(similarity, MANY_EDITS_CAP)
    # Vowels swapped within their class ("Adel"/"Adil") is how transliterations differ, not another name.
    neighbour = q_form.vowel_key != l_form.vowel_key
    return PartMatch(similarity, f"typo, {distance} edit{'s' if distance > 1 else ''}", neighbour)


def _compare_abjad(query: Token, listed: Token, q_form: TokenForm, l_form: TokenForm) -> PartMatch:
    script = _foreign_script(query, listed)
    if q_form.skeleton == l_form.skeleton:
        # A one- or two-consonant skeleton says little: "Sesay" and "سازيخ" both reduce to "s".
        similarity = ABJAD_SKELETON - 0.04 * max(0, 3 - len(q_form.skeleton))
        return PartMatch(similarity, f"{script} script, consonants agree")
    similarity = OSA.normalized_similarity(q_form.skeleton, l_form.skeleton) * ABJAD_SKELETON
    return PartMatch(similarity, f"{script} script, consonants close")


def _foreign_script(query: Token, listed: Token) -> str:
    return query.script if query.script != "Latin" else listed.script


class NameMatch(NamedTuple):
    score: float
    pairs: list[tuple[int, int, PartMatch]]  # (query part, listed part, match)
    unmatched_listed: list[int]
    unmatched_query: list[int]


def align(
    similarities: list[list[PartMatch]],
    n_query: int,
    n_listed: int,
    attested: Sequence[bool] | None = None,
    family_required: bool = False,
    vowels_distinguish: bool = False,
    query_family_required: bool = False,
) -> NameMatch:
    """Order-free greedy alignment of name parts; `similarities[i][j]` compares query i with listed j.

    `attested[i]`: query part i is itself a name part of the list, so its neighbour matches are capped."""
    if attested is not None and any(attested):
        similarities = [
            [
                _cap_neighbour(part) if attested[i] and _is_neighbour(part, vowels_distinguish) else part
                for part in similarities[i]
            ]
            for i in range(n_query)
        ]
    # Ties go to the first query part, then the first listed part: the order of `scoring.greedy_scores`
    # (numpy's argmax), so that both agree on which listed part stays unmatched.
    ranked = sorted(
        ((similarities[i][j].similarity, i, j) for i in range(n_query) for j in range(n_listed)),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    used_q: set[int] = set()
    used_l: set[int] = set()
    pairs: list[tuple[int, int, PartMatch]] = []
    total = 0.0
    for similarity, i, j in ranked:
        if similarity < MIN_PART_SIMILARITY:
            break
        if i in used_q or j in used_l:
            continue
        used_q.add(i)
        used_l.add(j)
        pairs.append((i, j, similarities[i][j]))
        total += similarity
    shorter, longer = min(n_query, n_listed), max(n_query, n_listed)
    score = total / shorter if shorter else 0.0
    # One weak part is a different name, however well the others match: "Muhammad Karimi" is not
    # "Muhammad Karimov"'s typo just because Muhammad is exact.
    weakest = min((part.similarity for _, _, part in pairs), default=0.0) if len(pairs) == shorter else 0.0
    score = min(score, weakest + WEAKEST_PART_MARGIN)
    score -= EXTRA_PART_PENALTY * (longer - shorter)
    if family_required and n_listed - 1 not in used_l:
        score -= FAMILY_NOT_GIVEN_PENALTY
    if query_family_required and n_query - 1 not in used_q:  # the visitor's own family name is not listed
        score -= FAMILY_NOT_GIVEN_PENALTY
    if shorter == 1 and longer > 1:
        score *= SINGLE_PART_FACTOR
    return NameMatch(
        max(score, 0.0),
        pairs,
        [j for j in range(n_listed) if j not in used_l],
        [i for i in range(n_query) if i not in used_q],
    )


def _is_neighbour(part: PartMatch, vowels_distinguish: bool) -> bool:
    if part.neighbour:
        return True
    return vowels_distinguish and (part.reason == "sounds alike" or part.reason.startswith("typo"))


def vowels_distinguish(nationality: str | None) -> bool:
    return (nationality or "").strip().upper() in PINYIN_NATIONALITIES


def family_required(listed: list[Token]) -> bool:
    """Whether the listed name's last part is a family name the visitor must bear (see the penalty)."""
    return len(listed) >= FAMILY_MIN_PARTS and not listed[-1].key.endswith(PATRONYMIC_ENDINGS)


def _cap_neighbour(part: PartMatch) -> PartMatch:
    if part.similarity <= ATTESTED_NEIGHBOUR_CAP:
        return part
    return PartMatch(ATTESTED_NEIGHBOUR_CAP, f"{part.reason}, itself a listed name", True)


def dates_agree(person_birth: str | None, listed_birth: str | None) -> bool:
    """Same birth year and no conflict at the finer precision both sides know."""
    ours, theirs = _date_parts(person_birth), _date_parts(listed_birth)
    if not ours or not theirs:
        return False
    precision = min(len(ours), len(theirs))
    return ours[:precision] == theirs[:precision]


def _date_parts(value: str | None) -> list[int]:
    if not value:
        return []
    try:
        return [int(piece) for piece in value.split("-")[:3]]
    except ValueError:
        return []


def corroborate(
    person_birth: str | None, listed_birth: str | None, nationality: str | None, countries: tuple[str, ...]
) -> tuple[float, list[str]]:
    """Score adjustment from birth date and nationality, with its wording for the explanation."""
    adjustment = 0.0
    notes: list[str] = []
    ours, theirs = _date_parts(person_birth), _date_parts(listed_birth)
    if ours and theirs:
        gap = abs(ours[0] - theirs[0])
        if gap >= 2:
            adjustment -= BIRTH_YEAR_CONFLICT_PENALTY
            notes.append(f"birth year conflicts ({ours[0]} vs {theirs[0]})")
        elif gap == 1:
            adjustment -= BIRTH_YEAR_NEAR_PENALTY
            notes.append(f"birth year differs by one ({ours[0]} vs {theirs[0]})")
        else:
            precision = min(len(ours), len(theirs))
            if ours[:precision] != theirs[:precision]:
                adjustment -= BIRTH_DAY_DIFFERS_PENALTY
                notes.append(f"birth year equal, birth date differs ({person_birth} vs {listed_birth})")
            elif precision == 3:
                adjustment += BIRTH_DATE_EQUAL_BONUS
                notes.append("birth date equal")
            else:
                adjustment += BIRTH_YEAR_EQUAL_BONUS
                notes.append("birth year equal" if precision == 1 else "birth month equal")
    elif ours and not theirs:
        # Nothing corroborates a name-only match: near names are common on a million-entry list.
        adjustment -= NO_BIRTH_DATE_PENALTY
        notes.append("no birth date on the list")
    if nationality and countries:
        wanted = nationality.strip().lower()
        if wanted in (country.lower() for country in countries):
            adjustment += NATIONALITY_BONUS
            notes.append(f"nationality {nationality.upper()} listed")
        else:
            adjustment -= NATIONALITY_PENALTY
            notes.append(f"nationality differs ({nationality.upper()} vs {', '.join(countries).upper()})")
    return adjustment, notes


def part_label(position: int, count: int) -> str:
    if count == 1:
        return "name"
    if position == 0:
        return "given name"
    if position == count - 1:
        return "family name"
    return "middle name"


def explain(query: list[Token], listed: list[Token], match: NameMatch, notes: list[str]) -> str:
    """Human-readable reasons, listed-name order: what an officer reads before deciding."""
    pieces: list[str] = []
    for i, j, part in sorted(match.pairs, key=lambda pair: pair[1]):
        label = part_label(j, len(listed))
        sign = "=" if part.reason == "exact" else "≈"
        detail = "" if part.reason == "exact" else f" ({part.reason})"
        pieces.append(f"{label} {query[i].surface} {sign} {listed[j].surface}{detail}")
    for j in match.unmatched_listed:
        pieces.append(f"{part_label(j, len(listed))} {listed[j].surface} not given")
    for i in match.unmatched_query:
        pieces.append(f"extra name {query[i].surface} not listed")
    return "; ".join(pieces + notes)
