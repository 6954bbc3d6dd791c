"""Fictitious but realistic exhibitors for the demo editions (Milipol Paris 2025, BAMEX 2025).

Pure standard-library module: the name parts and phrase banks live in ``data/demo/*.json`` and the
capability codes in ``data/categories.csv``. Output is deterministic for a seed because every random
choice comes from one ``random.Random`` seeded with the edition key and the seed.

Everything is invented: brand names are coined from per-country roots and endings and checked against
a list of well-known real company names, websites use the reserved ``.example`` TLD, and where a country
has a reserved "fiction" telephone range (US/Canada 555-01xx, UK Ofcom drama numbers, Australian ACMA
ranges) phone numbers are drawn from it.
"""

from __future__ import annotations

import csv
import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"
DEMO_DATA_DIR = DATA_DIR / "demo"

STAND_AREAS_M2: tuple[int, ...] = (9, 12, 18, 24, 36, 54, 72, 100, 150, 300)
# Most exhibitors book a shell-scheme stand; a handful of primes take the big islands.
_STAND_AREA_WEIGHTS: tuple[int, ...] = (22, 22, 17, 12, 10, 7, 4, 3, 2, 1)

# Countries under UN/EU arms embargo: never exhibitors at Milipol.
EMBARGOED_COUNTRIES: frozenset[str] = frozenset({"RU", "BY", "IR", "KP", "SY", "MM", "VE"})

MILIPOL_COUNTRY_QUOTAS: dict[str, int] = {
    "FR": 396, "DE": 70, "GB": 60, "US": 55, "IT": 40, "IL": 39, "ES": 30, "TR": 30, "BE": 28,
    "KR": 22, "NL": 20, "CN": 18, "CZ": 16, "PL": 16, "AE": 16, "IN": 12, "CH": 12, "TW": 10,
    "CA": 10, "UA": 10, "JP": 8, "SG": 8, "AT": 8, "SE": 8, "FI": 8, "MA": 8, "NO": 6, "EE": 6,
    "RO": 6, "GR": 6, "PT": 6, "SA": 6, "BR": 6, "DK": 5, "LT": 5, "BG": 5, "TN": 5, "EG": 5,
    "AU": 5, "ZA": 5, "IE": 4, "HU": 4, "SK": 4, "DZ": 4, "QA": 4, "PK": 4, "SI": 3, "HR": 3,
    "RS": 3, "MX": 3, "NG": 3, "CI": 3, "SN": 3, "LB": 3, "JO": 3, "TH": 3, "MY": 3, "AR": 2,
    "CL": 2, "KE": 2, "VN": 2,
}  # fmt: skip

BAMEX_COUNTRY_QUOTAS: dict[str, int] = {
    "ML": 18, "TR": 30, "BF": 8, "NE": 6, "CG": 4, "TG": 4, "GH": 4, "NG": 5, "MA": 4, "SD": 2,
    "LY": 2, "IR": 3,
}  # fmt: skip

_MILIPOL_CATEGORY_WEIGHTS: dict[str, float] = {
    "surveillance": 13, "cybersecurity": 11, "drones_anti_uas": 11, "protective_equipment": 10,
    "ai_analytics": 9, "command_communications": 7, "border_identity": 6, "critical_infrastructure": 6,
    "training_simulation": 5, "robotics": 5, "small_arms": 5, "forensics": 4, "crisis_management": 4,
    "cbrn": 4, "armored_vehicles": 4, "maritime": 4, "smart_weapons": 3, "space": 2,
}  # fmt: skip

_BAMEX_CATEGORY_WEIGHTS: dict[str, float] = {
    "armored_vehicles": 10, "small_arms": 10, "protective_equipment": 10, "drones_anti_uas": 10,
    "surveillance": 8, "command_communications": 7, "border_identity": 6, "training_simulation": 5,
    "crisis_management": 4, "cybersecurity": 4, "smart_weapons": 4, "ai_analytics": 3,
    "critical_infrastructure": 3, "cbrn": 2, "forensics": 2, "robotics": 2, "maritime": 1, "space": 1,
}  # fmt: skip


@dataclass(frozen=True)
class DemoProduct:
    name: str
    category: str
    description_en: str
    description_fr: str


@dataclass(frozen=True)
class DemoContact:
    full_name: str
    role_en: str
    role_fr: str
    email: str
    phone: str


@dataclass(frozen=True)
class DemoCompany:
    legal_name: str
    country: str
    city: str
    website: str
    description_en: str
    description_fr: str
    categories: tuple[str, ...]
    products: tuple[DemoProduct, ...]
    contacts: tuple[DemoContact, ...]
    requested_area_m2: int


@dataclass(frozen=True)
class _Edition:
    key: str
    show_en: str
    show_fr: str
    quotas: dict[str, int]
    category_weights: dict[str, float]
    extra_regions: tuple[tuple[str, str], ...] = ()


MILIPOL_2025 = _Edition(
    key="milipol-2025",
    show_en="At Milipol Paris 2025",
    show_fr="À Milipol Paris 2025",
    quotas=MILIPOL_COUNTRY_QUOTAS,
    category_weights=_MILIPOL_CATEGORY_WEIGHTS,
)
BAMEX_2025 = _Edition(
    key="bamex-2025",
    show_en="At BAMEX 2025 in Bamako",
    show_fr="Au salon BAMEX 2025 de Bamako",
    quotas=BAMEX_COUNTRY_QUOTAS,
    category_weights=_BAMEX_CATEGORY_WEIGHTS,
    extra_regions=(
        ("in West Africa and the Sahel", "en Afrique de l'Ouest et au Sahel"),
        ("across the African continent", "sur l'ensemble du continent africain"),
    ),
)


def milipol_2025_companies(seed: int = 2025) -> list[DemoCompany]:
    """1,100 exhibitors from about 60 countries, France the largest share, exactly 39 from Israel."""
    return _generate(MILIPOL_2025, seed)


def bamex_2025_companies(seed: int = 2025) -> list[DemoCompany]:
    """About 90 exhibitors for Bamako, with a large Turkish pavilion (guest of honour)."""
    return _generate(BAMEX_2025, seed)


def category_codes() -> tuple[str, ...]:
    return _bank().category_codes


# --------------------------------------------------------------------------------------------- data


@dataclass(frozen=True)
class _Bank:
    category_codes: tuple[str, ...]
    styles: dict[str, dict[str, Any]]
    people: dict[str, dict[str, Any]]
    countries: dict[str, dict[str, Any]]
    phrases: dict[str, Any]
    blocked_tokens: frozenset[str]
    blocked_substrings: re.Pattern[str]


def _split(text: str, sep: str = ",") -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(sep) if part.strip())


def _indices(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in _split(text))


@lru_cache(maxsize=1)
def _bank() -> _Bank:
    with (DATA_DIR / "categories.csv").open(encoding="utf-8", newline="") as handle:
        codes = tuple(row["code"] for row in csv.DictReader(handle))
    names = json.loads((DEMO_DATA_DIR / "names.json").read_text(encoding="utf-8"))
    countries = json.loads((DEMO_DATA_DIR / "countries.json").read_text(encoding="utf-8"))["countries"]
    phrases = json.loads((DEMO_DATA_DIR / "phrases.json").read_text(encoding="utf-8"))

    styles = {}
    for key, raw in names["styles"].items():
        styles[key] = {
            "patterns": _split(raw["patterns"]),
            "roots": _split(raw["roots"]),
            "endings": _split(raw.get("endings", "")),
            "descriptors": _split(raw["descriptors"]),
            "surname_prob": float(raw.get("surname_prob", 0.0)),
            "desc_prob": float(raw.get("desc_prob", 0.75)),
            "desc_lang": raw.get("desc_lang", ""),
            "city_prefix": bool(raw.get("city_prefix", False)),
        }
    people = {}
    for key, raw in names["people"].items():
        last = _split(raw["last"])
        people[key] = {
            "m": _split(raw["m"]),
            "f": _split(raw["f"]),
            "last": last,
            "last_f": _split(raw["last_f"]) if "last_f" in raw else last,
            "family_first": raw.get("order") == "family_first",
        }
    for code, country in countries.items():
        for variant in country["variants"]:
            variant["legal"] = _split(variant["legal"], ";")
            variant["people"] = _split(variant["people"])
            variant["cities"] = tuple(
                (city.split("|")[0], city.split("|")[-1]) for city in _split(variant["cities"])
            )
            variant["roots"] = _split(variant.get("roots", ""))
            variant.setdefault("w", 1)
        country.setdefault("bias", {})
        country["code"] = code
    categories = phrases["categories"]
    for cat in categories.values():
        cat["related"] = _split(cat["related"])
        cat["desc_en"] = _split(cat["desc_en"])
        cat["desc_fr"] = _split(cat["desc_fr"])
        cat["models"] = _split(cat["models"])
        cat["offers"] = [(en, fr, kind, _indices(types)) for en, fr, kind, types in cat["offers"]]
        cat["product_types"] = [(en, fr, g, _indices(specs)) for en, fr, g, specs in cat["product_types"]]
    blocked = _split(names["blocked"])
    return _Bank(
        category_codes=codes,
        styles=styles,
        people=people,
        countries=countries,
        phrases=phrases,
        blocked_tokens=frozenset(blocked),
        blocked_substrings=re.compile("|".join(re.escape(name) for name in blocked if len(name) >= 5)),
    )


# ------------------------------------------------------------------------------------------ helpers

_ASCII_FOLD = str.maketrans(
    {"ß": "ss", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ı": "i",
     "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"}
)  # fmt: skip
_RANGE_SLOT = re.compile(r"\{(\d+)-(\d+)(?:/(\d+))?\}")
_NAMED_SLOT = re.compile(r"\{([a-z_0-9]+)\}")
# "a 8 W" / "a 11-hour": numbers read with a leading vowel sound take "an".
_A_BEFORE_VOWEL_SOUND = re.compile(r"\ba (?=(?:8|11|18)(?![0-9])|8[0-9]|11,|18,)")
# Coined brands are glued from syllables: reject the ones an English or French reader would wince at.
_UNFORTUNATE = re.compile(r"shit|fuck|sex|porn|nazi|rape|piss|cunt|dick|slut|kill|dead|merde|pute|tumor")
_FR_VOWELS = frozenset("AEIOUYÀÂÉÈÊËÎÏÔÛÜaeiouyàâéèêëîïôûü")


@lru_cache(maxsize=8192)
def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_ASCII_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@lru_cache(maxsize=8192)
def _slug(text: str, sep: str = "") -> str:
    words = re.findall(r"[a-z0-9]+", _ascii(text).lower())
    return sep.join(words)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _a(word: str) -> str:
    """English indefinite article, good enough for the words this module produces."""
    lower = word.lower()
    if lower.startswith(("uni", "utr", "eu", "one", "us")):
        return "a"
    if lower.startswith(("sme", "fza", "hq", "rf ")) or lower[:1] in "aeiou":
        return "an"
    return "a"


def _fr_at(city: str) -> str:
    if city.startswith("Le "):
        return "au " + city[3:]
    if city.startswith("Les "):
        return "aux " + city[4:]
    return "à " + city


def _fr_of(word: str) -> str:
    if word.startswith("Le "):
        return "du " + word[3:]
    if word.startswith("Les "):
        return "des " + word[4:]
    return ("d'" if word[:1] in _FR_VOWELS else "de ") + word


def _fr_new(noun: str, gender: str) -> str:
    if gender == "f":
        return "sa nouvelle " + noun
    return ("son nouvel " if noun[:1] in _FR_VOWELS else "son nouveau ") + noun


def _fr_agree(adjective: str, gender: str) -> str:
    return adjective + "e" if gender == "f" else adjective


def _fmt_en(value: int, low: int, high: int) -> str:
    if value >= 1000 and not (low >= 1900 and high <= 2100):
        return f"{value:,}"
    return str(value)


def _fmt_fr(value: int, low: int, high: int) -> str:
    return _fmt_en(value, low, high).replace(",", " ")


def _render(rng: random.Random, pair: Sequence[str], named: dict[str, str] | None = None) -> tuple[str, str]:
    """Fill '{lo-hi/step}' slots (French '{}' in the same order) and '{name}' slots in an EN/FR pair."""
    en, fr = pair[0], pair[1]
    if "{" not in en:
        return en, fr
    picked: list[tuple[int, int, int]] = []

    def pick(match: re.Match[str]) -> str:
        low, high, step = int(match[1]), int(match[2]), int(match[3] or 1)
        value = low + step * int(rng.random() * ((high - low) // step + 1))
        picked.append((value, low, high))
        return _fmt_en(value, low, high)

    en = _A_BEFORE_VOWEL_SOUND.sub("an ", _RANGE_SLOT.sub(pick, en))
    pieces = fr.split("{}")
    fr = pieces[0] + "".join(_fmt_fr(*picked[i]) + piece for i, piece in enumerate(pieces[1:]))
    if named:
        en = _NAMED_SLOT.sub(lambda m: named.get(m[1], m[0]), en)
        fr = _NAMED_SLOT.sub(lambda m: named.get(m[1], m[0]).replace(",", " "), fr)
    return en, fr


def _pick(rng: random.Random, items: Sequence[Any]) -> Any:
    """random.choice through rng.random(): about twice as fast, and this module draws ~40,000 times."""
    return items[int(rng.random() * len(items))]


def _below(rng: random.Random, count: int) -> int:
    return int(rng.random() * count)


def _int(rng: random.Random, low: int, high: int) -> int:
    return low + int(rng.random() * (high - low + 1))


def _weighted(rng: random.Random, weights: dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


# ------------------------------------------------------------------------------------ generation


_Offer = tuple[str, str, str, tuple[int, ...]]  # en, fr, hw/sw/svc, product-type indices
_ProductType = tuple[str, str, str, tuple[int, ...]]  # en, fr, French gender, spec indices


@dataclass
class _Registry:
    """What is already taken in one edition, so names, sites and people stay unique."""

    slugs: set[str]
    surname_brands: set[str]
    people: set[str]
    products: set[str]


def _generate(edition: _Edition, seed: int) -> list[DemoCompany]:
    bank = _bank()
    rng = random.Random(f"salon-demo:{edition.key}:{seed}")
    countries = [code for code, count in edition.quotas.items() for _ in range(count)]
    rng.shuffle(countries)
    primaries = [_primary_category(rng, edition, bank.countries[code]) for code in countries]
    _cover_every_category(rng, primaries, bank.category_codes)
    registry = _Registry(slugs=set(), surname_brands=set(), people=set(), products=set())
    companies = [
        _company(rng, edition, bank, bank.countries[code], primary, registry)
        for code, primary in zip(countries, primaries, strict=True)
    ]
    companies.sort(key=lambda company: _ascii(company.legal_name).casefold())
    return companies


def _primary_category(rng: random.Random, edition: _Edition, country: dict[str, Any]) -> str:
    bias = country["bias"]
    weights = {code: weight * bias.get(code, 1.0) for code, weight in edition.category_weights.items()}
    return _weighted(rng, weights)


def _cover_every_category(rng: random.Random, primaries: list[str], codes: Sequence[str]) -> None:
    """A demo should show every capability at least once, whatever the draw."""
    for code in codes:
        if code in primaries or len(primaries) < len(codes):
            continue
        most_common = Counter(primaries).most_common(1)[0][0]
        candidates = [i for i, primary in enumerate(primaries) if primary == most_common]
        primaries[_pick(rng, candidates)] = code


def _tier(area: int) -> int:
    return 0 if area <= 12 else 1 if area <= 36 else 2


def _company(
    rng: random.Random,
    edition: _Edition,
    bank: _Bank,
    country: dict[str, Any],
    primary: str,
    registry: _Registry,
) -> DemoCompany:
    variants = country["variants"]
    variant = rng.choices(variants, weights=[v["w"] for v in variants])[0]
    style = bank.styles[variant["style"]]
    area = rng.choices(STAND_AREAS_M2, weights=_STAND_AREA_WEIGHTS)[0]
    tier = _tier(area)
    categories = _categories(rng, bank, edition, primary, tier)
    city_en, city_fr = _pick(rng, variant["cities"])
    people_key = _pick(rng, variant["people"])
    brand, from_surname = _brand(rng, bank, style, variant, bank.people[people_key], registry)

    descriptor = ""
    if from_surname or rng.random() < style["desc_prob"]:
        descriptor = _descriptor(rng, bank, style, primary)
    display = f"{brand} {descriptor}" if from_surname and descriptor else brand
    prefix = f"{city_en} " if style["city_prefix"] else ""
    legal_form = _pick(rng, variant["legal"])
    legal_name = " ".join(part for part in (prefix + brand, descriptor, legal_form) if part)
    slug = _slug(display, "-") if from_surname else _slug(brand)
    registry.slugs.add(slug)
    domain = f"{slug}.example"

    offer = _pick(rng, bank.phrases["categories"][primary]["offers"])
    products = _products(rng, bank, brand, categories, offer, tier, registry)
    contacts = _contacts(rng, bank, country, variant, people_key, domain, tier, registry)
    description_en, description_fr = _company_description(
        rng, bank, edition, display, city_en, city_fr, categories, offer, products[0], tier
    )
    return DemoCompany(
        legal_name=legal_name,
        country=country["code"],
        city=city_en,
        website=f"https://{domain}",
        description_en=description_en,
        description_fr=description_fr,
        categories=categories,
        products=tuple(product for product, _ in products),
        contacts=contacts,
        requested_area_m2=area,
    )


def _categories(
    rng: random.Random, bank: _Bank, edition: _Edition, primary: str, tier: int
) -> tuple[str, ...]:
    extra_count = rng.choices((0, 1, 2), weights=((6, 3, 1), (4, 4, 2), (1, 5, 4))[tier])[0]
    chosen = [primary]
    related = list(bank.phrases["categories"][primary]["related"])
    while len(chosen) < 1 + extra_count:
        pool = [code for code in related if code not in chosen]
        if pool and rng.random() < 0.8:
            chosen.append(_pick(rng, pool))
        else:
            code = _weighted(rng, edition.category_weights)
            if code not in chosen:
                chosen.append(code)
    return tuple(chosen)


def _is_blocked(bank: _Bank, text: str) -> bool:
    folded = _ascii(text).lower()
    if any(token in bank.blocked_tokens for token in re.findall(r"[a-z0-9]+", folded)):
        return True
    squashed = re.sub(r"[^a-z0-9]", "", folded)
    return bank.blocked_substrings.search(squashed) is not None


def _coin(rng: random.Random, pattern: str, roots: Sequence[str], endings: Sequence[str]) -> str:
    root = _pick(rng, roots)
    second = _pick(rng, [r for r in roots if r != root] or roots)
    ending = _pick(rng, endings) if endings else second.lower()
    if root[-1:].lower() == ending[:1]:
        ending = ending[1:]
    return (
        pattern.replace("{R}", root)
        .replace("{R2}", second)
        .replace("{r2}", second.lower())
        .replace("{e}", ending)
    )


def _brand(
    rng: random.Random,
    bank: _Bank,
    style: dict[str, Any],
    variant: dict[str, Any],
    people: dict[str, Any],
    registry: _Registry,
) -> tuple[str, bool]:
    roots = variant["roots"] or style["roots"]
    endings = style["endings"]
    for attempt in range(200):
        from_surname = attempt < 20 and rng.random() < style["surname_prob"]
        if from_surname:
            brand = _pick(rng, people["last"])
        else:
            patterns = style["patterns"] if attempt < 40 else ("{R}{e}" if endings else "{R}{r2}",)
            brand = _coin(rng, _pick(rng, patterns), roots, endings)
            if attempt >= 120:  # crowded root list: a two-root compound always has room
                brand = _coin(rng, "{R}{r2}", roots, ())
        slug = _slug(brand)
        if len(slug) < 3 or slug in registry.slugs or _is_blocked(bank, brand):
            continue
        if not from_surname and _UNFORTUNATE.search(slug):
            continue
        if from_surname:
            if slug in registry.surname_brands:
                continue
            registry.surname_brands.add(slug)
        return brand, from_surname
    raise RuntimeError(f"could not coin a unique brand for style roots {roots[:3]}...")


def _descriptor(rng: random.Random, bank: _Bank, style: dict[str, Any], primary: str) -> str:
    category = bank.phrases["categories"][primary]
    if style["desc_lang"] in ("en", "fr") and rng.random() < 0.3:
        return _pick(rng, category["desc_" + style["desc_lang"]])
    return _pick(rng, style["descriptors"])


_SUFFIX_LETTERS = "ACDEHKLMRSTVXZ"
_ROMAN = ("II", "III", "IV", "V")


def _model_suffix(rng: random.Random) -> str:
    kind = _below(rng, 9)
    if kind == 0:
        return f"X{_int(rng, 1, 9)}"
    if kind == 1:
        return f"{_int(rng, 1, 9)}00"
    if kind == 2:
        return f"Mk {_pick(rng, _ROMAN)}"
    if kind == 3:
        return f"{_pick(rng, _SUFFIX_LETTERS)}-{_int(rng, 10, 99)}"
    if kind == 4:
        return _pick(rng, ("NG", "Pro", "Evo", "Plus", "Lite", "HD", "XR", "Duo"))
    if kind == 5:
        return f"{_pick(rng, _SUFFIX_LETTERS)}{_int(rng, 1, 9)}0"
    if kind == 6:
        return str(_pick(rng, (2, 3, 4, 5, 6, 7, 8)) * 10 + _int(rng, 0, 9))
    return f"{_pick(rng, _SUFFIX_LETTERS)}{_pick(rng, _SUFFIX_LETTERS)} {_int(rng, 1, 9)}"


def _products(
    rng: random.Random,
    bank: _Bank,
    brand: str,
    categories: tuple[str, ...],
    offer: _Offer,
    tier: int,
    registry: _Registry,
) -> list[tuple[DemoProduct, _ProductType]]:
    """Products with their type; the first one is of a type the company's headline offer covers."""
    count = (_pick(rng, (1, 1, 2)), _pick(rng, (2, 2, 3)), _int(rng, 3, 5))[tier]
    products = []
    for index in range(count):
        code = categories[0] if index == 0 or rng.random() < 0.4 else _pick(rng, categories)
        category = bank.phrases["categories"][code]
        types = category["product_types"]
        if code == categories[0] and (index == 0 or rng.random() < 0.6):
            product_type = types[_pick(rng, offer[3])]
        else:
            product_type = _pick(rng, types)
        type_en, type_fr, gender, spec_indices = product_type
        for _ in range(50):
            name = f"{brand} {_pick(rng, category['models'])} {_model_suffix(rng)}"
            if name not in registry.products:
                break
        registry.products.add(name)
        purpose_en, purpose_fr = _pick(rng, category["purposes"])
        spec_pairs = [_render(rng, category["specs"][i]) for i in rng.sample(spec_indices, 3)]
        (s1_en, s1_fr), (s2_en, s2_fr), (s3_en, s3_fr) = spec_pairs
        layout = _below(rng, 3)
        if layout == 0:
            en = f"{_cap(type_en)} {purpose_en}, with {s1_en} and {s2_en}."
            fr = f"{_cap(type_fr)} {purpose_fr}, avec {s1_fr} et {s2_fr}."
        elif layout == 1:
            pronoun = "Elle" if gender == "f" else "Il"
            en = f"{_cap(type_en)} {purpose_en}. It offers {s1_en}, {s2_en} and {s3_en}."
            fr = f"{_cap(type_fr)} {purpose_fr}. {pronoun} offre {s1_fr}, {s2_fr} et {s3_fr}."
        else:
            designed = _fr_agree("conçu", gender)
            en = f"{_cap(type_en)} with {s1_en} and {s2_en}, designed {purpose_en}."
            fr = f"{_cap(type_fr)} avec {s1_fr} et {s2_fr}, {designed} {purpose_fr}."
        product = DemoProduct(name=name, category=code, description_en=en, description_fr=fr)
        products.append((product, product_type))
    return products


def _phone(rng: random.Random, pattern: str) -> str:
    """'#' is any digit, 'N' a digit from 2 to 9 (area codes that cannot start with 0 or 1)."""
    digits = iter(f"{rng.getrandbits(100):031d}"[-20:])
    return "".join(
        next(digits) if ch == "#" else str(2 + int(next(digits)) % 8) if ch == "N" else ch for ch in pattern
    )


def _email_local(rng: random.Random, given: str, family: str) -> str:
    first = _slug(given)
    last = _slug(family)
    form = rng.choices(range(4), weights=(6, 2, 1, 1))[0]
    if form == 0:
        return f"{first}.{last}"
    if form == 1:
        return f"{first[0]}.{last}"
    if form == 2:
        return f"{first[0]}{last}"
    return first


def _contacts(
    rng: random.Random,
    bank: _Bank,
    country: dict[str, Any],
    variant: dict[str, Any],
    people_key: str,
    domain: str,
    tier: int,
    registry: _Registry,
) -> tuple[DemoContact, ...]:
    count = 2 if tier == 2 or rng.random() < (0.3, 0.6)[min(tier, 1)] else 1
    roles = bank.phrases["roles"]
    contacts: list[DemoContact] = []
    used_locals: set[str] = set()
    for index in range(count):
        people = bank.people[people_key if index == 0 else _pick(rng, variant["people"])]
        for _ in range(30):
            female = rng.random() < 0.42
            slot = _below(rng, len(people["last"]))
            given = _pick(rng, people["f"] if female else people["m"])
            family = (people["last_f"] if female else people["last"])[slot]
            full_name = f"{family} {given}" if people["family_first"] else f"{given} {family}"
            if full_name not in registry.people:
                break
        registry.people.add(full_name)
        role_en, role_fr_m, role_fr_f = _pick(rng, roles["lead" if index == 0 else "support"])
        local = _email_local(rng, given, family)
        if local in used_locals:
            local = f"{_slug(given)}.{_slug(family)}"
        used_locals.add(local)
        contacts.append(
            DemoContact(
                full_name=full_name,
                role_en=role_en,
                role_fr=role_fr_f if female else role_fr_m,
                email=f"{local}@{domain}",
                phone=_phone(rng, _pick(rng, country["phone"])),
            )
        )
    return tuple(contacts)


# ---------------------------------------------------------------------------------- descriptions


def _company_figures(rng: random.Random, tier: int) -> dict[str, str]:
    staff = (_int(rng, 8, 60), rng.randrange(40, 400, 5), rng.randrange(300, 5000, 50))[tier]
    engineers = max(3, round(staff * rng.uniform(0.2, 0.45)))
    return {
        "staff": f"{staff:,}",
        "engineers": f"{engineers:,}",
        "patents": str((_int(rng, 2, 15), _int(rng, 5, 60), _int(rng, 30, 400))[tier]),
        "pct_rd": str((_int(rng, 12, 30), _int(rng, 8, 20), _int(rng, 5, 14))[tier]),
        "pct_export": str((_int(rng, 15, 60), _int(rng, 30, 75), _int(rng, 45, 85))[tier]),
    }


def _company_description(
    rng: random.Random,
    bank: _Bank,
    edition: _Edition,
    name: str,
    city_en: str,
    city_fr: str,
    categories: tuple[str, ...],
    offer: _Offer,
    showcase: tuple[DemoProduct, _ProductType],
    tier: int,
) -> tuple[str, str]:
    phrases = bank.phrases
    category = phrases["categories"][categories[0]]
    offer_en, offer_fr, offer_kind, _ = offer
    customers = rng.sample(category["customers"], 2)
    (cust_en, cust_fr), (cust2_en, cust2_fr) = customers
    kinds = [
        kind
        for kind in phrases["kinds"]
        if str(tier) in kind["tiers"] and kind.get("offer", offer_kind) == offer_kind
    ]
    kind = _pick(rng, kinds)
    year = (
        _int(rng, 2012, 2023)
        if kind.get("startup")
        else _int(rng, (1985, 1968, 1950)[tier], (2018, 2014, 2005)[tier])
    )
    verb_en, verb_fr = _pick(rng, phrases["verbs"][offer_kind])
    kind_fr_based = _fr_agree("basé", kind["g"])

    # Offers such as "tools for investigators" already name their users: no second "for ...".
    names_users = " for " in offer_en or " pour " in offer_fr
    for_en = "" if names_users else f" for {cust_en}"
    for_fr = "" if names_users else f" pour les {cust_fr}"
    opening = _below(rng, 5)
    if opening == 0:
        first_en = f"Founded in {year} and based in {city_en}, {name} {verb_en} {offer_en}{for_en}."
        first_fr = (
            f"Fondée en {year} et implantée {_fr_at(city_fr)}, {name} {verb_fr} des {offer_fr}{for_fr}."
        )
    elif opening == 1:
        first_en = f"{name} is {_a(city_en)} {city_en}-based {kind['en']} that {verb_en} {offer_en}."
        article = "une" if kind["g"] == "f" else "un"
        first_fr = f"Basée {_fr_at(city_fr)}, {name} est {article} {kind['fr']} qui {verb_fr} des {offer_fr}."
    elif opening == 2:
        first_en = f"From its site in {city_en}, {name} {verb_en} {offer_en}{for_en}."
        first_fr = f"Depuis son site {_fr_of(city_fr)}, {name} {verb_fr} des {offer_fr}{for_fr}."
    elif opening == 3:
        since = max(year, _int(rng, 1995, 2015))  # an old firm took up today's niche later
        first_en = f"Since {since}, {name} has specialised in {offer_en}{for_en}."
        first_fr = f"{name} est spécialisée depuis {since} dans les {offer_fr}{for_fr}."
    else:
        first_en = f"{_cap(_a(city_en))} {city_en}-based {kind['en']}, {name} {verb_en} {offer_en}{for_en}."
        first_fr = (
            f"{_cap(kind['fr'])} {kind_fr_based} {_fr_at(city_fr)}, {name} {verb_fr} des {offer_fr}{for_fr}."
        )

    optional: list[tuple[str, str]] = []
    if len(categories) > 1 and rng.random() < 0.75:
        second = phrases["categories"][categories[1]]
        off2_en, off2_fr, off2_kind, _ = _pick(rng, second["offers"])
        layout = _below(rng, 3)
        if layout == 0:
            also_en, also_fr = _pick(rng, phrases["secondary_verbs"][off2_kind])
            optional.append((f"It {also_en} {off2_en}.", f"Elle {also_fr} des {off2_fr}."))
        elif layout == 1:
            optional.append(
                (
                    f"Its portfolio also includes {off2_en}.",
                    f"Son catalogue comprend également des {off2_fr}.",
                )
            )
        else:
            optional.append(
                (
                    f"The company has also diversified into {off2_en}.",
                    f"L'entreprise s'est également diversifiée dans les {off2_fr}.",
                )
            )
    optional.append(_reach_sentence(rng, bank, edition, tier, cust_en, cust_fr, cust2_en, cust2_fr))
    if rng.random() < 0.6:
        optional.append(_render(rng, _pick(rng, category["facts"])))
    else:
        optional.append(_render(rng, _pick(rng, phrases["generic_facts"]), _company_figures(rng, tier)))
    optional.append(_programme_sentence(rng, category))
    optional.append(_showcase_sentence(rng, edition, name, *showcase))

    wanted = (_int(rng, 1, 2), _int(rng, 2, 3), _int(rng, 2, 3))[tier]
    keep = sorted(rng.sample(range(len(optional)), min(wanted, len(optional))))
    sentences = [(first_en, first_fr)] + [optional[i] for i in keep]
    return " ".join(en for en, _ in sentences), " ".join(fr for _, fr in sentences)


def _reach_sentence(
    rng: random.Random,
    bank: _Bank,
    edition: _Edition,
    tier: int,
    cust_en: str,
    cust_fr: str,
    cust2_en: str,
    cust2_fr: str,
) -> tuple[str, str]:
    phrases = bank.phrases
    countries = (_int(rng, 3, 15), _int(rng, 10, 40), _int(rng, 30, 90))[tier]
    layout = _below(rng, 4)
    if layout == 0:
        generic_en, generic_fr = _pick(rng, phrases["generic_products"])
        return (
            f"Its {generic_en} are in service with {cust_en} in {countries} countries.",
            f"Ses {generic_fr} sont en service dans {countries} pays, notamment auprès des {cust_fr}.",
        )
    if layout == 1:
        regions = [tuple(pair) for pair in phrases["regions"]] + list(edition.extra_regions)
        region_en, region_fr = _pick(rng, regions)
        return (
            f"Customers include {cust_en} {region_en}.",
            f"Elle compte parmi ses clients des {cust_fr} {region_fr}.",
        )
    if layout == 2:
        return (
            f"The company works closely with {cust_en} to adapt each product to operational needs.",
            f"L'entreprise travaille au plus près des {cust_fr} pour adapter chaque produit aux besoins "
            "opérationnels.",
        )
    return (
        f"Its main customers are {cust_en}, along with {cust2_en}.",
        f"Ses principaux clients sont les {cust_fr}, ainsi que les {cust2_fr}.",
    )


# Programme code names are coined from these halves so that no real word (or real programme) comes out.
_CODE_HEADS = _split("AR,BO,KA,LE,MI,NO,SA,TE,VA,ZE,DA,RI,HE,OR,ES,AL,IS,KO,PE,QUI,SY,TA,XE,YO")
_CODE_TAILS = _split("GOS,LYS,RON,VEN,DOR,MIR,TAN,KEL,SAR,LIS,NOR,VAL,TEX,RIS,DAN,ZAR,BEL,TRA,KAN,PHE")


def _programme_code(rng: random.Random) -> str:
    word = _pick(rng, _CODE_HEADS) + _pick(rng, _CODE_TAILS)
    return f"{word}-{_int(rng, 2, 5)}" if rng.random() < 0.35 else word


def _programme_sentence(rng: random.Random, category: dict[str, Any]) -> tuple[str, str]:
    year = _int(rng, 2021, 2025)
    layout = _below(rng, 4)
    if layout < 2:
        goal_en, goal_fr = _render(rng, _pick(rng, category["goals"]))
        code = _programme_code(rng)
        if layout == 0:
            return (
                f"In {year}, it was selected for the {code} programme, which aims {goal_en}.",
                f"En {year}, elle a été retenue pour le programme {code}, qui vise à {goal_fr}.",
            )
        return (
            f"It is taking part in {code}, a collaborative research project launched in {year} {goal_en}.",
            f"Elle participe à {code}, un projet de recherche collaboratif lancé en {year} pour {goal_fr}.",
        )
    delivery_en, delivery_fr = _render(rng, _pick(rng, category["deliveries"]))
    if layout == 2:
        return (
            f"Its latest contract, signed in {year}, covers {delivery_en}.",
            f"Son dernier contrat, signé en {year}, porte sur {delivery_fr}.",
        )
    return (
        f"In {year}, it won a contract for {delivery_en}.",
        f"En {year}, elle a remporté un contrat portant sur {delivery_fr}.",
    )


def _showcase_sentence(
    rng: random.Random, edition: _Edition, name: str, product: DemoProduct, product_type: _ProductType
) -> tuple[str, str]:
    type_en, type_fr, gender, _ = product_type
    if rng.random() < 0.5:
        return (
            f"{edition.show_en}, {name} unveils the {product.name}, its new {type_en}.",
            f"{edition.show_fr}, {name} dévoile {product.name}, {_fr_new(type_fr, gender)}.",
        )
    article = "une" if gender == "f" else "un"
    return (
        f"On its stand, visitors can discover the {product.name}, {_a(type_en)} {type_en}.",
        f"Sur son stand, les visiteurs pourront découvrir {product.name}, {article} {type_fr}.",
    )


def demo_person(rng: random.Random, country: str) -> tuple[str, str, bool]:
    """A fictitious person plausible for a country: (given name, family name, is_female).

    Shared with the visitor demo so that 30,000 generated visitors carry the same cultural name banks.
    """
    bank = _bank()
    spec = bank.countries.get(country) or bank.countries["FR"]
    variant = _pick(rng, spec["variants"])
    people = bank.people[_pick(rng, variant["people"])]
    female = rng.random() < 0.35
    slot = _below(rng, len(people["last"]))
    given = _pick(rng, people["f"] if female else people["m"])
    return given, (people["last_f"] if female else people["last"])[slot], female


def demo_countries() -> tuple[str, ...]:
    """ISO codes of the countries the name banks know."""
    return tuple(sorted(_bank().countries))
