"""Name normalisation: from any script and spelling to comparable Latin tokens.

Every name becomes a list of tokens. A token has a *key* (folded Latin text, the vocabulary entry of the
index), a *canonical* form (equivalence tables applied, doubled letters and common vowel spellings
collapsed: what we edit-distance compare) and a *skeleton* (consonants only, in a reduced alphabet: what we
block on and what bridges to Arabic and Hebrew script, which write no short vowels).

Cyrillic and Greek go through rigour's transliteration (`maybe_ascii`, ICAO/BGN-like and
Ukrainian-aware: "Олександр" -> "Oleksandr"), other non-Latin scripts through rigour's `ascii_text`
(ICU based, e.g. Han -> pinyin). Arabic, Persian and Hebrew do *not* go through rigour: its
transliteration of abjads is a bare, lossy consonant string ("محمد" -> "mhmd", "عبد" -> "?bd"), so we map
those letters ourselves straight into the skeleton alphabet, where "mhmd" meets the skeleton of
"Muhammad". Name particles (al-, abd, bin, van, de…) are handled here because they are a matter of
spelling, not of identity.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from rigour.text.translit import ascii_text, maybe_ascii

from .variants import build_equivalence_map

ABJAD_MARK = "~"

EQUIVALENTS: dict[str, str] = build_equivalence_map()

# Arabic and Persian letters mapped straight to skeleton letters; "" for letters that are vowels, hamza
# carriers or 'ayn (absent from most Latin spellings). Medial w/y survive here and are dropped by the
# skeleton like Latin vowels.
# fmt: off
_ARABIC = {
    "ا": "a", "أ": "a", "إ": "a", "آ": "a", "ٱ": "a", "ء": "", "ئ": "", "ؤ": "", "ى": "", "ة": "",
    "ب": "b", "ت": "t", "ث": "t", "ج": "j", "ح": "h", "خ": "h", "د": "d", "ذ": "d", "ر": "r", "ز": "s",
    "س": "s", "ش": "s", "ص": "s", "ض": "d", "ط": "t", "ظ": "s", "ع": "", "غ": "g", "ف": "f", "ق": "k",
    "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h", "و": "w", "ي": "y", "پ": "p", "چ": "s", "ژ": "j",
    "گ": "g", "ک": "k", "ی": "y", "ـ": "",
}
_HEBREW = {
    "א": "", "ב": "v", "ג": "g", "ד": "d", "ה": "h", "ו": "w", "ז": "s", "ח": "h", "ט": "t", "י": "y",
    "כ": "k", "ך": "k", "ל": "l", "מ": "m", "ם": "m", "נ": "n", "ן": "n", "ס": "s", "ע": "", "פ": "p",
    "ף": "f", "צ": "s", "ץ": "s", "ק": "k", "ר": "r", "ש": "s", "ת": "t",
}
# fmt: on
_ABJAD_TABLE = str.maketrans({**_ARABIC, **_HEBREW})
# Persian pronounces ض ظ ذ ث as z/s and و mostly as v ("Rezaei" رضایی, "Javad" جواد).
_PERSIAN_LETTERS = frozenset("پچژگکی")
_PERSIAN_TABLE = str.maketrans({**_ARABIC, "ض": "s", "ظ": "s", "ذ": "s", "ث": "s", "و": "v"})
# Harakat, Hebrew points and other combining marks carry no identity for matching.
_COMBINING = re.compile(r"[\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0300-\u036f]")
_TURKISH = str.maketrans({"İ": "i", "ı": "i"})
_ELISION = re.compile(r"\b([dl])['’ʼ`]", re.IGNORECASE)
_APOSTROPHES = re.compile(r"['’ʼ`´ʻ]")
_HAS_APOSTROPHE = _APOSTROPHES
_WORD = re.compile(r"[^\W\d_]+")
_HYPHENS = "-‐‑‒–—"

ARABIC_ARTICLE = "ال"
ARTICLES_FREE = frozenset({"al", "el"})
ARTICLES_HYPHENATED = frozenset(
    {"al", "el", "ul", "ad", "ed", "ar", "er", "as", "es", "ash", "at", "az", "an", "en", "ud", "ur", "us"}
)
ABD_FORMS = frozenset(
    {"abd", "abdel", "abdul", "abdal", "abdol", "abdu", "abdur", "abdus", "abdou", "abdoul"}
)
ABU_FORMS = frozenset({"abu", "abou"})
SON_OF = frozenset({"bin", "ibn", "ben", "bint", "bent", "ould", "ag", "ait", "binti"})
EURO_PARTICLES = frozenset(
    {
        "de",
        "du",
        "des",
        "da",
        "di",
        "do",
        "dos",
        "das",
        "del",
        "della",
        "dello",
        "der",
        "den",
        "van",
        "von",
        "ter",
        "le",
        "la",
        "d",
        "l",
        "y",
        "zu",
    }
)
EURO_LEADING = frozenset(
    {"de", "du", "des", "dos", "das", "del", "della", "der", "den", "van", "von", "d", "zu"}
)
ALL_PARTICLES = ARTICLES_FREE | ARTICLES_HYPHENATED | ABD_FORMS | ABU_FORMS | SON_OF | EURO_PARTICLES
ARABIC_SON_OF = frozenset({"بن", "ابن", "بنت"})
ARABIC_ABD = "عبد"
ARABIC_ABU = frozenset({"أبو", "ابو"})
MAX_TOKENS = 8


class Token(NamedTuple):
    """One comparable name part; `surface` keeps the original spelling for explanations."""

    key: str
    surface: str
    particle: bool
    script: str


class TokenForm(NamedTuple):
    canonical: str  # equivalence table, abd-compounds and glued particles resolved: what we compare
    skeleton: str  # consonant key: what we block on and what meets Arabic and Hebrew script
    abjad: bool
    variant: bool  # the equivalence table rewrote it
    light: str  # spelling-folded key before the tables: catches typos inside table names
    core: str  # canonical without a glued particle ("dupont" -> "pont"); same as canonical if none
    core_skeleton: str
    in_table: bool  # a known given name: the equivalence table, not the phonetic key, decides its variants
    # Consonant key for "sounds alike" between two Latin spellings: v stays a consonant ("Teravchuk" is not
    # "Terorchuk", only the bridge to Arabic and Hebrew script drops it) and consonants that a vowel
    # separates stay two ("Yüceltetaş" is not "Yüceltaş").
    skeleton_v: str
    # Spelling with consonant digraphs folded (sh/ch/tch, kh, zh…) and vowels reduced to the two classes
    # transliterations swap within (a/e/i/y: "Adel" and "Adil"; o/u: "Omar" and "Umar"): equal keys mean
    # a transliteration, not another name.
    vowel_key: str
    # Every skeleton the index blocks this token under: the main one, the particle-free one, the one of
    # the spelling before the tables (a typo inside "Mykola" must still meet "Mykola"), and one that keeps
    # v as a consonant (Latin-to-Latin, "Medvedev" is not "M-d").
    blocking: tuple[str, ...]


def _script_of(chunk: str) -> str:
    for char in chunk:
        code = ord(char)
        if code < 0x250:
            continue
        if 0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0xFB50 <= code <= 0xFEFF:
            return "Arabic"
        if 0x0590 <= code <= 0x05FF:
            return "Hebrew"
        if 0x0400 <= code <= 0x052F:
            return "Cyrillic"
        if 0x0370 <= code <= 0x03FF or 0x1F00 <= code <= 0x1FFF:
            return "Greek"
        return "other"
    return "Latin"


def _is_han(chunk: str) -> bool:
    return all(0x4E00 <= ord(char) <= 0x9FFF or 0x3400 <= ord(char) <= 0x4DBF for char in chunk)


def _to_latin(chunk: str, script: str) -> str:
    if chunk.isascii():
        return chunk
    text = maybe_ascii(chunk) if script in ("Cyrillic", "Greek") else chunk
    if not text.isascii():
        text = ascii_text(text)
    return re.sub(r"[^a-z]", "", text.lower())


def _abjad_word(chunk: str) -> tuple[str, bool]:
    """Arabic/Hebrew word -> skeleton letters, stripping the attached Arabic article."""
    particle = False
    if chunk.startswith(ARABIC_ABD) and len(chunk) > 3:
        rest = chunk[3:]
        if rest.startswith(ARABIC_ARTICLE) and len(rest) > 3:
            rest = rest[2:]
        return "abd" + rest.translate(_ABJAD_TABLE), True
    if chunk.startswith(ARABIC_ARTICLE) and len(chunk) > 3:
        chunk, particle = chunk[2:], True
    persian = any(char in _PERSIAN_LETTERS for char in chunk)
    letters = chunk.translate(_PERSIAN_TABLE if persian else _ABJAD_TABLE)
    if chunk.startswith("ב"):  # bet is b at the start of a word, v inside it
        letters = "b" + letters[1:]
    return letters, particle


@lru_cache(maxsize=1 << 18)
def _word_pieces(surface: str) -> tuple[tuple[str, int, int, bool, str], ...]:
    """(folded, start, end, article_attached, script) pieces of one written word; cached because a
    million names are made of a few hundred thousand distinct words."""
    chunk = surface.translate(_TURKISH).casefold()
    script = _script_of(chunk)
    length = len(surface)
    if script in ("Arabic", "Hebrew"):
        if chunk in ARABIC_SON_OF:
            return (("bin", 0, length, False, "Latin"),)
        if chunk == ARABIC_ABD:
            return (("abd", 0, length, False, "Latin"),)
        if chunk in ARABIC_ABU:
            return (("abu", 0, length, False, "Latin"),)
        letters, had_article = _abjad_word(chunk)
        return ((ABJAD_MARK + letters, 0, length, had_article, script),) if letters else ()
    if script == "other" and _is_han(chunk) and len(chunk) > 1:
        # Chinese names are written without spaces: family name first, then the given name.
        return (
            (_to_latin(chunk[0], script), 0, 1, False, "Han"),
            (_to_latin(chunk[1:], script), 1, length, False, "Han"),
        )
    folded = _to_latin(chunk, script)
    return ((folded, 0, length, False, script),) if folded else ()


def tokenize(name: str) -> list[Token]:
    """Split a name into comparable tokens, folding scripts and handling particles."""
    text = name if name.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKC", name))
    if _HAS_APOSTROPHE.search(text):
        text = _APOSTROPHES.sub("", _ELISION.sub(r"\1 ", text))
    # (folded, (start, end) in text, hyphen_after, script)
    raw: list[tuple[str, tuple[int, int], bool, str]] = []
    length = len(text)
    for match in _WORD.finditer(text):
        start, end = match.span()
        hyphen = end < length and text[end] in _HYPHENS
        for folded, piece_start, piece_end, had_article, script in _word_pieces(match.group()):
            raw.append((folded, (start + piece_start, start + piece_end), hyphen or had_article, script))
    return _resolve_particles(raw, text)


def _resolve_particles(raw: list[tuple[str, tuple[int, int], bool, str]], text: str) -> list[Token]:
    if not any(folded in ALL_PARTICLES for folded, _, _, _ in raw):
        return [Token(folded, text[start:end], False, script) for folded, (start, end), _, script in raw][
            :MAX_TOKENS
        ]
    tokens: list[Token] = []
    pending_start: int | None = None
    glue_prefix = ""
    count = len(raw)
    for position, (folded, (start, end), hyphen, script) in enumerate(raw):
        has_next = position + 1 < count
        if has_next:
            if folded in ABD_FORMS or folded in ABU_FORMS:
                glue_prefix += "abd" if folded in ABD_FORMS else "abu"
                pending_start = start if pending_start is None else pending_start
                continue
            drop = (
                (folded in ARTICLES_HYPHENATED and hyphen)
                or folded in ARTICLES_FREE
                or (folded in SON_OF and position > 0)
                or (folded in EURO_PARTICLES and (position > 0 or folded in EURO_LEADING))
            )
            if drop:
                pending_start = start if pending_start is None else pending_start
                continue
        if glue_prefix:
            if folded.startswith(ABJAD_MARK):
                folded = ABJAD_MARK + glue_prefix + folded[1:]
            else:
                folded = glue_prefix + folded
        shown = text[start:end] if pending_start is None else text[pending_start:end]
        tokens.append(Token(folded, shown, pending_start is not None, script))
        pending_start = None
        glue_prefix = ""
    if not tokens and raw:
        tokens = [Token(f, text[s:e], False, sc) for f, (s, e), _, sc in raw]
    return tokens[:MAX_TOKENS]


_DOUBLES = re.compile(r"(.)\1+")
_LIGHT_PAIRS = (
    ("ph", "f"),
    ("ou", "u"),
    ("ee", "i"),
    ("oo", "u"),
    ("ck", "k"),
    ("q", "k"),
    ("dj", "j"),
    ("w", "v"),
)
_LIGHT_ENDINGS = re.compile(r"(?<=[^aeiou])(?:iy|ij|ii|yi|iï|y)$")
_SKELETON_PAIRS = {
    "shch": "s",
    "sch": "s",
    "tch": "s",
    "dzh": "j",
    "dj": "j",
    "tz": "s",
    "zh": "j",
    "kh": "h",
    "gh": "g",
    "sh": "s",
    "ch": "s",
    "ph": "f",
    "th": "t",
    "dh": "d",
    "ck": "k",
}
# One left-to-right pass: a cascade of replacements would invent digraphs ("tatkhiz" -> "tathiz" -> "tatiz").
_SKELETON_DIGRAPHS = re.compile("|".join(sorted(_SKELETON_PAIRS, key=len, reverse=True)))
_SKELETON_LETTERS = str.maketrans({"c": "k", "q": "k", "z": "s", "x": "ks"})
# v and w are dropped like vowels: Arabic and Hebrew write و/ו for u, o, w and v alike.
_SKELETON_DROPPED = re.compile(r"[aeiouywv]")
_SKELETON_VOWELS = re.compile(r"[aeiouyw]")
# Glued particles ("Dupont", "Legoff", "Elmasri", "Vandenberg") are stripped from the comparable form so
# that they meet "du Pont", "Le Goff", "el-Masri", "van den Berg"; only before a consonant, so that
# "Leonid", "Laurent" or "Alexander" keep their first syllable.
_GLUED_PARTICLE = re.compile(r"^(?:du|le|la|ben|van|von|den|der|el|al|della|del|dela)+(?=[^aeiouy][a-z]{2})")


def _reduce_abd(word: str) -> str:
    """'abdurrahman', 'abdelrahman', 'abdulrahman' -> 'abdrahman': the article between abd and the name
    is written every possible way. Idempotent ('abdelaziz' -> 'abdaziz' -> 'abdziz' in one call), since the
    index stores keys that are already glued ('Abd al-Aziz' -> 'abdaziz')."""
    while True:
        reduced = _reduce_abd_once(word)
        if reduced == word:
            return word
        word = reduced


def _reduce_abd_once(word: str) -> str:
    if not word.startswith("abd") or len(word) <= 4:
        return word
    rest = word[3:]
    if len(rest) >= 5 and rest[0] in "aeiou" and rest[1] == "l":
        rest = rest[2:]
    elif rest[0] in "aeiou":
        rest = rest[1:]
    if len(rest) > 2 and rest[0] == rest[1]:
        rest = rest[1:]
    return "abd" + rest


def _light(word: str) -> str:
    """Spelling-level folding shared by every Latin convention: ou/u, ee/i, -iy/-ij/-y, doubled letters."""
    for old, new in _LIGHT_PAIRS:
        word = word.replace(old, new)
    word = _DOUBLES.sub(r"\1", word)
    word = _LIGHT_ENDINGS.sub("i", word)
    return word[:1] + word[1:].replace("y", "i")


def skeleton_of_latin(canonical: str, keep_v: bool = False) -> str:
    word = _SKELETON_DIGRAPHS.sub(lambda match: _SKELETON_PAIRS[match.group()], canonical)
    word = word.translate(_SKELETON_LETTERS)
    return _finish_skeleton(word, keep_v) or canonical


def _finish_skeleton(word: str, keep_v: bool = False) -> str:
    if not word:
        return word
    word = _DOUBLES.sub(r"\1", word)
    if len(word) > 2 and word.endswith("h"):
        word = word[:-1]
    dropped = _SKELETON_VOWELS if keep_v else _SKELETON_DROPPED
    head = word[0] if word[0] not in ("aeiouw" if keep_v else "aeiouvw") else ""
    return _DOUBLES.sub(r"\1", head + dropped.sub("", word[1:]))


_VOWEL_CLASSES = str.maketrans({"a": "e", "i": "e", "y": "e", "u": "o", "w": "o"})


def _vowel_key(canonical: str) -> str:
    word = _SKELETON_DIGRAPHS.sub(lambda match: _SKELETON_PAIRS[match.group()], canonical)
    return _DOUBLES.sub(r"\1", word.translate(_SKELETON_LETTERS).translate(_VOWEL_CLASSES))


def _sounds_key(canonical: str) -> str:
    word = _SKELETON_DIGRAPHS.sub(lambda match: _SKELETON_PAIRS[match.group()], canonical)
    word = _DOUBLES.sub(r"\1", word.translate(_SKELETON_LETTERS))
    if len(word) > 2 and word.endswith("h"):
        word = word[:-1]
    return (word[:1] if word[:1] not in "aeiouw" else "") + _SKELETON_VOWELS.sub("", word[1:])


EQUIVALENTS_LIGHT: dict[str, str] = {
    _light(variant): _light(canonical) for variant, canonical in EQUIVALENTS.items()
}


@lru_cache(maxsize=1 << 20)
def analyse(key: str) -> TokenForm:
    """Comparable forms of one token key (cached: names share their tokens)."""
    if key.startswith(ABJAD_MARK):
        body = key[1:]
        skeleton = _finish_skeleton(body) or body
        return TokenForm(
            body, skeleton, True, False, body, body, skeleton, False, skeleton, body, (skeleton,)
        )
    light = _light(key)
    mapped = EQUIVALENTS_LIGHT.get(light)
    word = _reduce_abd(mapped or light)
    if mapped is None and word != light:
        mapped = EQUIVALENTS_LIGHT.get(word)
        word = _reduce_abd(mapped) if mapped else word
    core = _GLUED_PARTICLE.sub("", word) if not mapped else word
    skeleton, core_skeleton = skeleton_of_latin(word), skeleton_of_latin(core)
    blocking = (skeleton, core_skeleton, skeleton_of_latin(light), skeleton_of_latin(word, keep_v=True))
    skeleton_v = _sounds_key(word)
    return TokenForm(
        word,
        skeleton,
        False,
        mapped is not None and mapped != light,
        light,
        core,
        core_skeleton,
        mapped is not None,
        skeleton_v,
        _vowel_key(word),
        tuple(dict.fromkeys(blocking)),
    )


def name_keys(name: str) -> list[str]:
    """Token keys only: the cheap path used when indexing a million names (same result as tokenize)."""
    text = name if name.isascii() else _COMBINING.sub("", unicodedata.normalize("NFKC", name))
    if _HAS_APOSTROPHE.search(text):
        text = _APOSTROPHES.sub("", _ELISION.sub(r"\1 ", text))
    keys: list[str] = []
    for word in _WORD.findall(text):
        for piece in _word_pieces(word):
            if piece[0] in ALL_PARTICLES or piece[3]:
                return [token.key for token in tokenize(name)]
            keys.append(piece[0])
    return keys[:MAX_TOKENS]
