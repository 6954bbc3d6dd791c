"""Synthetic watch list + people file + ground truth for the screening benchmark.

The list mixes Arabic, Persian, Turkish, Russian/Ukrainian, Hebrew, French, West-African and Chinese naming
conventions; some entries are written in their original script (alone, or as an alias). The people file
holds true variants of listed people (one kind each), hard negatives (different people with close names)
and clean people whose name shares no pair of name parts with any listed name.

    python bench/screening/generate.py --entries 1000000 --people 30000 --out bench/screening/out
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from names import (
    ARABIC_CONSONANTS,
    ARABIC_FAMILY,
    ARABIC_GIVEN,
    CHINESE_FAMILY,
    CHINESE_GIVEN,
    FRENCH_FAMILY,
    FRENCH_GIVEN,
    FRENCH_PARTICLE_FAMILY,
    FRENCH_SYLLABLES_A,
    FRENCH_SYLLABLES_B,
    HEBREW_FAMILY,
    HEBREW_GIVEN,
    HEBREW_ROOTS,
    HEBREW_SUFFIXES,
    PERSIAN_FAMILY,
    PERSIAN_GIVEN,
    PERSIAN_ROOTS,
    PERSIAN_SUFFIXES,
    RUSSIAN_FAMILY,
    RUSSIAN_GIVEN,
    SLAVIC_STEMS,
    SLAVIC_SUFFIXES,
    TURKISH_FAMILY_HEADS,
    TURKISH_FAMILY_TAILS,
    TURKISH_GIVEN,
    UKRAINIAN_FAMILY,
    UKRAINIAN_GIVEN,
    WEST_AFRICAN_FAMILY,
    WEST_AFRICAN_GIVEN,
    WEST_AFRICAN_HEADS,
    WEST_AFRICAN_TAILS,
    parse_seeds,
)
from rigour.text import ascii_text

TRUE_KINDS = (
    "transliteration",
    "diacritics",
    "order_swap",
    "missing_middle",
    "typo",
    "original_script",
    "listed_in_script",
    "particle",
)
NEGATIVE_KINDS = ("hn_same_given", "hn_same_family", "hn_homonym_other_birth", "clean")
OPENSANCTIONS_HEADER = (
    "id",
    "schema",
    "name",
    "aliases",
    "birth_date",
    "countries",
    "addresses",
    "identifiers",
    "sanctions",
    "phones",
    "emails",
    "dataset",
    "first_seen",
    "last_seen",
    "last_change",
)


@dataclass(frozen=True)
class Part:
    pid: int
    latin: str
    script: str | None
    variants: tuple[str, ...]


class PartRegistry:
    def __init__(self) -> None:
        self.parts: dict[str, Part] = {}

    def get(self, latin: str, script: str | None = None, variants: tuple[str, ...] = ()) -> Part:
        part = self.parts.get(latin)
        if part is None:
            part = self.parts[latin] = Part(len(self.parts), latin, script, variants)
        return part


REG = PartRegistry()

# ---------------------------------------------------------------- transliteration helpers (generator side)

# fmt: off
_RU_BGN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ґ": "g",
}
_UA_OFFICIAL = {**_RU_BGN, "г": "h", "и": "y", "і": "i", "ї": "i", "є": "ie", "ю": "iu", "я": "ia", "х": "kh"}
_FRENCH_STYLE = {**_RU_BGN, "ж": "j", "х": "kh", "ч": "tch", "ш": "ch", "щ": "chtch", "у": "ou", "ю": "iou",
                 "я": "ia", "й": "ï", "ё": "io", "ы": "y", "в": "v"}
_GERMAN_STYLE = {**_RU_BGN, "ж": "sch", "х": "ch", "ч": "tsch", "ш": "sch", "щ": "schtsch", "й": "j",
                 "ю": "ju", "я": "ja", "ё": "jo", "в": "w", "ц": "z", "з": "s", "е": "e"}
# fmt: on


def cyr_to_latin(text: str, table: dict[str, str]) -> str:
    words = []
    for word in text.split():
        out = []
        for position, char in enumerate(word):
            low = char.lower()
            initial_ye = low == "е" and position == 0 and table is _RU_BGN
            out.append("ye" if initial_ye else table.get(low, low))
        latin = "".join(out)
        words.append(latin[:1].upper() + latin[1:])
    return " ".join(words)


def strip_diacritics(text: str) -> str:
    text = text.replace("ı", "i").replace("İ", "I")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def arabic_respell(latin: str, rng: random.Random) -> str:
    rules = [("u", "ou"), ("i", "ee"), ("q", "k"), ("a", "e"), ("al-", "el-"), ("al-", ""), ("sh", "ch")]
    rng.shuffle(rules)
    for old, new in rules:
        if old in latin:
            return latin.replace(old, new, 1)
    return latin


# ---------------------------------------------------------------------------------------- name pools


def seeds(block: str) -> list[Part]:
    return [REG.get(latin, script, variants) for latin, script, variants in parse_seeds(block)]


def build_pools(rng: random.Random) -> dict[str, dict[str, list[Part]]]:
    pools: dict[str, dict[str, list[Part]]] = {}
    # Arabic: seeds plus root-and-pattern family names, written in both scripts.
    synthetic = []
    for c1, a1 in ARABIC_CONSONANTS:
        for c2, a2 in ARABIC_CONSONANTS:
            for c3, a3 in ARABIC_CONSONANTS:
                if len({c1, c2, c3}) < 3:
                    continue
                for pattern in range(4):
                    if pattern == 0:
                        latin, script = f"{c1}a{c2}i{c3}", f"{a1}ا{a2}ي{a3}"
                    elif pattern == 1:
                        latin, script = f"ma{c1}{c2}u{c3}", f"م{a1}{a2}و{a3}"
                    elif pattern == 2:
                        latin, script = f"ta{c1}{c2}i{c3}", f"ت{a1}{a2}ي{a3}"
                    else:
                        latin, script = f"{c1}a{c2}{c3}ani", f"{a1}{a2}{a3}اني"
                    if rng.random() < 0.3:
                        latin, script = "al-" + latin.capitalize(), "ال" + script
                    latin = latin[:1].upper() + latin[1:]
                    synthetic.append(REG.get(latin, script, (arabic_respell(latin, rng),)))
    pools["arabic"] = {"given": seeds(ARABIC_GIVEN), "family": seeds(ARABIC_FAMILY), "synthetic": synthetic}
    persian_synth = [
        REG.get(
            root + link + suffix, None, ((root + link + suffix).replace("ou", "u").replace("zadeh", "zade"),)
        )
        for root in PERSIAN_ROOTS
        for link in ("", "ab", "ol", "an", "ar", "es")
        for suffix in PERSIAN_SUFFIXES
    ]
    pools["persian"] = {
        "given": seeds(PERSIAN_GIVEN),
        "family": seeds(PERSIAN_FAMILY),
        "synthetic": persian_synth,
    }
    turkish_family = [
        REG.get((head + mid + tail).capitalize())
        for head in TURKISH_FAMILY_HEADS
        for mid in ("", "ka", "ba", "te", "gü", "sa", "ye", "do")
        for tail in TURKISH_FAMILY_TAILS
    ]
    pools["turkish"] = {
        "given": [REG.get(n) for n in TURKISH_GIVEN],
        "family": [],
        "synthetic": turkish_family,
    }

    def slavic(cyrillic: str, ukrainian: bool) -> Part:
        latin = cyr_to_latin(cyrillic, _UA_OFFICIAL if ukrainian else _RU_BGN)
        variants = (cyr_to_latin(cyrillic, _FRENCH_STYLE), cyr_to_latin(cyrillic, _GERMAN_STYLE))
        return REG.get(latin, cyrillic, tuple(v for v in variants if v != latin))

    slavic_synth = [
        slavic(stem + mid + suffix, suffix in ("енко", "чук"))
        for stem in SLAVIC_STEMS
        for mid in ("", "ян", "ор", "ид", "уш", "ен", "ав", "ил", "ад", "юк")
        for suffix in SLAVIC_SUFFIXES
    ]
    pools["russian"] = {
        "given": [slavic(n, False) for n in RUSSIAN_GIVEN],
        "family": [slavic(n, False) for n in RUSSIAN_FAMILY],
        "synthetic": slavic_synth,
    }
    pools["ukrainian"] = {
        "given": [slavic(n, True) for n in UKRAINIAN_GIVEN],
        "family": [slavic(n, True) for n in UKRAINIAN_FAMILY],
        "synthetic": slavic_synth,
    }
    pools["hebrew"] = {
        "given": seeds(HEBREW_GIVEN),
        "family": seeds(HEBREW_FAMILY),
        "synthetic": [
            REG.get(r + m + s)
            for r in HEBREW_ROOTS
            for m in ("", "en", "er", "ing", "zweig", "ow", "tal", "sh")
            for s in HEBREW_SUFFIXES
        ],
    }
    french_synth = [
        REG.get(a + m + b)
        for a in FRENCH_SYLLABLES_A
        for m in ("", "ge", "li", "ne", "ro", "ta", "che", "va", "do", "mi")
        for b in FRENCH_SYLLABLES_B
    ]
    pools["french"] = {
        "given": [REG.get(n) for n in FRENCH_GIVEN],
        "family": [REG.get(n) for n in FRENCH_FAMILY] + [REG.get(n) for n in FRENCH_PARTICLE_FAMILY],
        "synthetic": french_synth,
    }
    pools["west_african"] = {
        "given": seeds(WEST_AFRICAN_GIVEN),
        "family": [REG.get(n) for n in WEST_AFRICAN_FAMILY],
        "synthetic": [
            REG.get(h + m + t)
            for h in WEST_AFRICAN_HEADS
            for m in ("", "ri", "ma", "ko", "ba", "ye", "ni", "to")
            for t in WEST_AFRICAN_TAILS
        ],
    }
    han_chars = CHINESE_GIVEN + "".join(chr(0x4E00 + 37 * i) for i in range(300))
    han_given = list(han_chars) + [a + b for a in han_chars for b in han_chars if a != b]
    pools["chinese"] = {
        "given": [
            REG.get(
                ascii_text(g).capitalize() if len(g) == 1 else "".join(ascii_text(c) for c in g).capitalize(),
                g,
            )
            for g in han_given
        ],
        "family": [REG.get(ascii_text(f).capitalize(), f) for f in CHINESE_FAMILY],
        "synthetic": [],
    }
    return pools


CULTURE_WEIGHTS = {
    "arabic": 0.22,
    "russian": 0.12,
    "ukrainian": 0.06,
    "persian": 0.10,
    "turkish": 0.10,
    "hebrew": 0.06,
    "french": 0.12,
    "west_african": 0.12,
    "chinese": 0.10,
}
COUNTRIES = {
    "arabic": ("eg", "sy", "iq", "sa", "ye", "ly", "sd", "jo", "lb"),
    "russian": ("ru", "by", "kz"),
    "ukrainian": ("ua",),
    "persian": ("ir", "af"),
    "turkish": ("tr",),
    "hebrew": ("il",),
    "french": ("fr", "be", "ch"),
    "west_african": ("ml", "sn", "ng", "gn", "ci", "bf", "ne"),
    "chinese": ("cn",),
}


# Name frequencies are Zipf-like in real populations and lists (a few "Muhammad", "Wang", "Ivanov" and a
# long tail): given names with exponent 1, family names flatter. Seed lists are written most common first;
# the rank order of composed family names is a fixed shuffle.
GIVEN_ZIPF = 1.0
FAMILY_ZIPF = 0.7
_CUMULATIVE: dict[tuple[int, float], tuple[list[Part], list[float]]] = {}


def zipf_choice(parts: list[Part], rng: random.Random, exponent: float, shuffled: bool = False) -> Part:
    cached = _CUMULATIVE.get((id(parts), exponent))
    if cached is None:
        ranked = list(parts)
        if shuffled:
            random.Random(len(ranked)).shuffle(ranked)
        total, cumulative = 0.0, []
        for rank in range(len(ranked)):
            total += 1.0 / (rank + 1) ** exponent
            cumulative.append(total)
        cached = _CUMULATIVE[(id(parts), exponent)] = (ranked, cumulative)
    ranked, cumulative = cached
    return rng.choices(ranked, cum_weights=cumulative)[0]


def given_part(pool: dict[str, list[Part]], rng: random.Random) -> Part:
    # Composed pools (Chinese two-character given names) have no meaningful written order.
    return zipf_choice(pool["given"], rng, GIVEN_ZIPF, shuffled=len(pool["given"]) > 2000)


def family_part(pool: dict[str, list[Part]], rng: random.Random, seed_share: float) -> Part:
    if pool["synthetic"] and (not pool["family"] or rng.random() > seed_share):
        return zipf_choice(pool["synthetic"], rng, FAMILY_ZIPF, shuffled=True)
    return zipf_choice(pool["family"], rng, FAMILY_ZIPF)


def compose(culture: str, pools: dict[str, dict[str, list[Part]]], rng: random.Random) -> list[Part]:
    """Parts in display order (given names first, family last; Chinese family first)."""
    pool = pools[culture]
    if culture == "arabic":
        parts = [given_part(pool, rng), given_part(pool, rng)]
        if rng.random() < 0.25:
            parts.append(given_part(pool, rng))
        parts.append(family_part(pool, rng, 0.1))
        return parts
    if culture in ("russian", "ukrainian"):
        parts = [given_part(pool, rng)]
        if rng.random() < 0.6:
            father = given_part(pool, rng).script or ""
            stem = father[:-1] + "е" if father.endswith("й") else father
            patronymic = stem + ("вич" if stem.endswith("е") else "ович")
            parts.append(
                REG.get(
                    cyr_to_latin(patronymic, _RU_BGN), patronymic, (cyr_to_latin(patronymic, _FRENCH_STYLE),)
                )
            )
        parts.append(family_part(pool, rng, 0.4))
        return parts
    if culture == "chinese":
        return [zipf_choice(pool["family"], rng, FAMILY_ZIPF), given_part(pool, rng)]
    parts = [given_part(pool, rng)]
    if rng.random() < 0.35:
        parts.append(given_part(pool, rng))
    parts.append(family_part(pool, rng, 0.3))
    return parts


def latin_name(parts: list[Part]) -> str:
    return " ".join(p.latin for p in parts)


def script_name(parts: list[Part]) -> str | None:
    if not all(p.script for p in parts):
        return None
    joiner = "" if parts[0].script and "\u4e00" <= parts[0].script[0] <= "\u9fff" else " "
    return joiner.join(p.script for p in parts)  # type: ignore[misc]


def random_date(rng: random.Random, year: int | None = None) -> str:
    year = year or rng.randint(1940, 2000)
    return f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


@dataclass
class Entry:
    id: str
    culture: str
    parts: list[Part]
    names: list[str]
    birth_date: str
    countries: tuple[str, ...]
    has_script: bool
    script_only: bool


def pair_codes(parts: list[Part]) -> set[int]:
    ids = sorted({p.pid for p in parts})
    return {a << 24 | b for i, a in enumerate(ids) for b in ids[i + 1 :]}


def generate_list(count: int, pools: dict, rng: random.Random) -> tuple[list[Entry], set[int]]:
    cultures, weights = zip(*CULTURE_WEIGHTS.items(), strict=True)
    seen_names: set[tuple[int, ...]] = set()
    pairs: set[int] = set()
    entries: list[Entry] = []
    for number in range(count):
        for _ in range(6):
            culture = rng.choices(cultures, weights)[0]
            parts = compose(culture, pools, rng)
            signature = tuple(sorted(p.pid for p in parts))
            if signature not in seen_names:
                break
        seen_names.add(signature)
        pairs |= pair_codes(parts)
        latin, script = latin_name(parts), script_name(parts)
        names = [latin]
        script_only = False
        if script and rng.random() < 0.08:
            names, script_only = [script], True
        elif script and rng.random() < 0.4:
            names.append(script)
        if rng.random() < 0.2:
            alias = [rng.choice(p.variants) if p.variants and rng.random() < 0.5 else p.latin for p in parts]
            names.append(" ".join(alias))
        roll = rng.random()
        birth = random_date(rng) if roll < 0.7 else (str(rng.randint(1940, 2000)) if roll < 0.8 else "")
        countries = (rng.choice(COUNTRIES[culture]),) if rng.random() < 0.9 else ()
        entries.append(
            Entry(
                f"NK-{number:07d}",
                culture,
                parts,
                list(dict.fromkeys(names)),
                birth,
                countries,
                script is not None and len(names) > 1 and not script_only,
                script_only,
            )
        )
    return entries, pairs


# ------------------------------------------------------------------------------------------- people


def typo(word: str, rng: random.Random) -> str:
    position = rng.randrange(1, len(word) - 1)
    letters = "abcdefghiklmnoprstuvz"
    kind = rng.randrange(4)
    if kind == 0:
        return (
            word[:position] + rng.choice(letters.replace(word[position].lower(), "")) + word[position + 1 :]
        )
    if kind == 1:
        return word[:position] + word[position + 1 :]
    if kind == 2:
        return word[:position] + rng.choice(letters) + word[position:]
    return word[:position] + word[position + 1] + word[position] + word[position + 2 :]


PARTICLE_FORMS = (
    ("Abd al-", ("Abdel", "Abdul ", "Abd ", "Abdul-")),
    ("Abd ", ("Abdul ", "Abdel")),
    ("al-", ("", "El ", "Al ", "el-")),
    ("de La ", ("Dela", "de la ", "La ")),
    ("du ", ("Du", "")),
    ("d'", ("D'", "de ")),
    ("de ", ("De ", "")),
    ("Le ", ("Le", "le ")),
    ("Ben ", ("Ben-", "Ben")),
)


def particle_variant(latin: str, rng: random.Random) -> str | None:
    for old, news in PARTICLE_FORMS:
        if old in latin:
            new = rng.choice(news)
            head, tail = latin.split(old, 1)
            if new.endswith(("l", "a", "u", "n", "e")) and not new.endswith(" ") and tail:
                tail = tail[0].lower() + tail[1:]
            return head + new + tail
    return None


def true_variant(kind: str, entry: Entry, rng: random.Random) -> str | None:
    parts = entry.parts
    latin_parts = [p.latin for p in parts]
    if kind == "transliteration":
        options = [i for i, p in enumerate(parts) if p.variants]
        if not options:
            return None
        i = rng.choice(options)
        latin_parts[i] = rng.choice(parts[i].variants)
        return " ".join(latin_parts)
    if kind == "diacritics":
        name = " ".join(latin_parts)
        stripped = strip_diacritics(name)
        return stripped if stripped != name and not entry.script_only else None
    if kind == "order_swap":
        return (
            " ".join([latin_parts[-1], *latin_parts[:-1]])
            if entry.culture != "chinese"
            else " ".join(latin_parts[::-1])
        )
    if kind == "missing_middle":
        if len(parts) < 3:
            return None
        del latin_parts[rng.randrange(1, len(parts) - 1)]
        return " ".join(latin_parts)
    if kind == "typo":
        options = [i for i, p in enumerate(parts) if len(p.latin) >= 5 and p.latin.isalpha()]
        if not options:
            return None
        i = rng.choice(options)
        latin_parts[i] = typo(latin_parts[i], rng)
        return " ".join(latin_parts)
    if kind == "original_script":
        if entry.has_script or entry.script_only:
            return None
        return script_name(parts)
    if kind == "listed_in_script":
        return " ".join(latin_parts) if entry.script_only else None
    if kind == "particle":
        options = [i for i, p in enumerate(parts) if particle_variant(p.latin, rng)]
        if not options or entry.script_only:
            return None
        i = rng.choice(options)
        latin_parts[i] = particle_variant(latin_parts[i], rng) or latin_parts[i]
        return " ".join(latin_parts)
    raise ValueError(kind)


def person_birth(entry: Entry, rng: random.Random) -> str:
    if len(entry.birth_date) == 10:
        return entry.birth_date
    if len(entry.birth_date) == 4:
        return random_date(rng, int(entry.birth_date))
    return random_date(rng)


def generate_people(count: int, entries: list[Entry], pairs: set[int], pools: dict, rng: random.Random):
    share = {kind: 0.015 for kind in TRUE_KINDS} | {
        "hn_same_given": 0.02,
        "hn_same_family": 0.02,
        "hn_homonym_other_birth": 0.01,
    }
    rows: list[tuple[str, str, str, str]] = []
    truth: list[tuple[str, str, str]] = []
    cultures, weights = zip(*CULTURE_WEIGHTS.items(), strict=True)

    def add(name: str, birth: str, nationality: str, kind: str, entry_id: str) -> None:
        person_id = f"P{len(rows) + 1:06d}"
        rows.append((person_id, name, birth, nationality))
        truth.append((person_id, kind, entry_id))

    for kind in TRUE_KINDS:
        wanted = max(1, round(count * share[kind]))
        made = 0
        for _ in range(wanted * 200):
            if made == wanted:
                break
            entry = rng.choice(entries)
            name = true_variant(kind, entry, rng)
            if not name:
                continue
            nationality = entry.countries[0].upper() if entry.countries and rng.random() < 0.9 else ""
            add(name, person_birth(entry, rng), nationality, kind, entry.id)
            made += 1
    for kind in ("hn_same_given", "hn_same_family", "hn_homonym_other_birth"):
        wanted = max(1, round(count * share[kind]))
        made = 0
        for _ in range(wanted * 200):
            if made == wanted:
                break
            entry = rng.choice(entries)
            parts = list(entry.parts)
            pool = pools[entry.culture]
            if kind == "hn_homonym_other_birth":
                if len(entry.birth_date) != 10 or entry.script_only:
                    continue
                year = int(entry.birth_date[:4]) + rng.choice((-1, 1)) * rng.randint(5, 20)
                nationality = entry.countries[0].upper() if entry.countries else ""
                add(latin_name(parts), random_date(rng, year), nationality, kind, "")
                made += 1
                continue
            family_index = 0 if entry.culture == "chinese" else len(parts) - 1
            given_index = 1 if entry.culture == "chinese" else 0
            index = family_index if kind == "hn_same_given" else given_index
            replacement = family_part(pool, rng, 0.3) if kind == "hn_same_given" else given_part(pool, rng)
            if replacement.pid == parts[index].pid:
                continue
            others = [p for i, p in enumerate(parts) if i != index]
            if any(
                (min(p.pid, replacement.pid) << 24 | max(p.pid, replacement.pid)) in pairs for p in others
            ):
                continue
            parts[index] = replacement
            add(latin_name(parts), random_date(rng), rng.choice(COUNTRIES[entry.culture]).upper(), kind, "")
            made += 1
    attempts = 0
    while len(rows) < count:
        attempts += 1
        if attempts > 200 * count:
            raise SystemExit("name pools too small for this list size: cannot draw clean people")
        culture = rng.choices(cultures, weights)[0]
        parts = compose(culture, pools, rng)
        if pair_codes(parts) & pairs:
            continue
        add(latin_name(parts), random_date(rng), rng.choice(COUNTRIES[culture]).upper(), "clean", "")
    return rows, truth


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--entries", type=int, default=20000)
    parser.add_argument("--people", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "out")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    pools = build_pools(rng)
    entries, pairs = generate_list(args.entries, pools, rng)
    with (args.out / "watchlist.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(OPENSANCTIONS_HEADER)
        for entry in entries:
            writer.writerow(
                (
                    entry.id,
                    "Person",
                    entry.names[0],
                    ";".join(entry.names[1:]),
                    entry.birth_date,
                    ";".join(entry.countries),
                    "",
                    "",
                    "",
                    "",
                    "",
                    "synthetic",
                    "2024-01-01",
                    "2026-01-01",
                    "2025-06-01",
                )
            )
        for number in range(max(1, args.entries // 100)):
            writer.writerow(
                (
                    f"CO-{number:06d}",
                    "Company",
                    f"Trading Company {number}",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "synthetic",
                    "2024-01-01",
                    "2026-01-01",
                    "2025-06-01",
                )
            )
    people, truth = generate_people(args.people, entries, pairs, pools, rng)
    with (args.out / "people.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("id", "name", "birth_date", "nationality"))
        writer.writerows(people)
    with (args.out / "truth.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(("person_id", "kind", "entry_id"))
        writer.writerows(truth)
    print(f"{len(entries)} entries, {len(people)} people -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
