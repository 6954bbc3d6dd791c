"""Generate the labelled FR/EN matchmaking benchmark set (seeded, reproducible).

Each capability of phrases.txt gets 6 exhibitors all written in one language (capabilities alternate
English/French) and 4 visitor queries: 2 in the exhibitors' language, 2 in the other one
(cross-lingual). Relevance: 2 = exhibitor's main capability is the query's, 1 = same category or the
exhibitor lists the capability as a secondary offer, 0 otherwise. Capabilities are split 40/60 into dev
(for tuning) and test (for reporting). Output: data/benchmark.json, committed.

    python bench/matchmaking/generate.py [--seed 20261123]
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXHIBITORS_PER_CAPABILITY = 6
SECONDARY_RATE = 0.3
DEV_SHARE = 0.4


@dataclass
class Capability:
    key: str
    category: str
    category_names: dict[str, str]
    banks: dict[str, list[str]] = field(default_factory=dict)


def load_phrases(path: Path) -> list[Capability]:
    capabilities: list[Capability] = []
    category, names = "", {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("## "):
            category, english, french = (part.strip() for part in line[3:].split("|"))
            names = {"en": english, "fr": french}
        elif line.startswith("@ "):
            capabilities.append(Capability(line[2:].strip(), category, names))
        elif line[:3] in {"OE:", "OF:", "FE:", "FF:", "NE:", "NF:"}:
            capabilities[-1].banks[line[:2]] = [p.strip() for p in line[3:].split(" | ")]
    for capability in capabilities:
        missing = {"OE", "OF", "FE", "FF", "NE", "NF"} - set(capability.banks)
        if missing:
            raise SystemExit(f"{capability.key}: missing banks {sorted(missing)}")
    return capabilities


INTRO = {
    "en": [
        "{name} designs and manufactures {cap}.",
        "{name} develops {cap}.",
        "Founded in {year}, {name} supplies {cap} to defence and security forces.",
        "{name} is a specialist in {cap}.",
        "{name} offers {cap}, from design to in-service support.",
        "At {name}, we build {cap}.",
    ],
    "fr": [
        "{name} conçoit et fabrique {cap}.",
        "{name} développe {cap}.",
        "Fondée en {year}, {name} fournit {cap} aux forces de défense et de sécurité.",
        "{name} propose {cap}, de la conception au soutien en service.",
        "Chez {name}, nous réalisons {cap}.",
        "Spécialiste reconnu, {name} commercialise {cap}.",
    ],
}
SECONDARY = {
    "en": ["We also supply {cap}.", "Our catalogue also includes {cap}."],
    "fr": ["Nous proposons également {cap}.", "Notre catalogue comprend aussi {cap}."],
}
CUSTOMERS = {
    "en": [
        "armed forces",
        "police and gendarmerie",
        "airports",
        "seaports",
        "nuclear operators",
        "prisons",
        "stadium operators",
        "energy companies",
        "ministries of the interior",
        "border guards",
        "event organisers",
        "city councils",
    ],
    "fr": [
        "les armées",
        "la police et la gendarmerie",
        "les aéroports",
        "les ports",
        "les exploitants nucléaires",
        "les prisons",
        "les gestionnaires de stades",
        "les énergéticiens",
        "les ministères de l'Intérieur",
        "les garde-frontières",
        "les organisateurs d'événements",
        "les municipalités",
    ],
}
CUSTOMER_SENTENCE = {
    "en": "Customers include {a}, {b} and {c}.",
    "fr": "Nos clients comptent {a}, {b} et {c}.",
}
CLOSING = {
    "en": [
        "ISO 9001 and AQAP 2110 certified.",
        "Our engineers provide training and maintenance worldwide.",
        "Export licences are handled in-house.",
        "Visit our booth for a live demonstration.",
        "We have equipped customers in more than 40 countries.",
        "Solutions are ITAR-free.",
        "",
    ],
    "fr": [
        "Certifiée ISO 9001 et AQAP 2110.",
        "Nos ingénieurs assurent formation et maintenance dans le monde entier.",
        "Les licences d'exportation sont gérées en interne.",
        "Venez voir une démonstration sur notre stand.",
        "Nous avons équipé des clients dans plus de 40 pays.",
        "Nos solutions sont non soumises à ITAR.",
        "",
    ],
}
QUERY = {
    "en": [
        "{who} needs to {need}.",
        "We are looking for a solution to {need}.",
        "{who} wants to {need}. {extra}",
        "How can we {need}? {extra}",
        "Need: {need}.",
        "{who} must {need} and is meeting suppliers at the show.",
    ],
    "fr": [
        "{who} doit {need}.",
        "Nous cherchons une solution pour {need}.",
        "{who} souhaite {need}. {extra}",
        "Comment {need} ? {extra}",
        "Besoin : {need}.",
        "{who} doit {need} et rencontre des fournisseurs au salon.",
    ],
}
WHO = {
    "en": ["Our unit", "Our agency", "Our organisation", "Our team", "Our department", "The ministry"],
    "fr": [
        "Notre unité",
        "Notre service",
        "Notre organisation",
        "Notre équipe",
        "Notre direction",
        "Le ministère",
    ],
}
EXTRA = {
    "en": [
        "Delivery is needed before next summer.",
        "The budget is already approved.",
        "Equipment must be easy to use by non-specialists.",
        "We prefer European suppliers.",
        "",
    ],
    "fr": [
        "La livraison est attendue avant l'été prochain.",
        "Le budget est déjà voté.",
        "Le matériel doit être simple à utiliser par des non-spécialistes.",
        "Nous privilégions des fournisseurs européens.",
        "",
    ],
}
NAME_HEADS = [
    "Aero",
    "Vigi",
    "Tac",
    "Opti",
    "Astra",
    "Nord",
    "Helio",
    "Argos",
    "Orion",
    "Vector",
    "Sentin",
    "Bastion",
    "Aegis",
    "Quant",
    "Nexa",
    "Thal",
    "Hydra",
    "Kerb",
    "Lumen",
    "Strata",
    "Altis",
    "Boreal",
]
NAME_TAILS = [
    "tek",
    "sys",
    "dyne",
    "lab",
    "ix",
    "on",
    "ia",
    "tronics",
    "works",
    "is",
    "ar",
    "eon",
    "ops",
    "line",
    "vision",
    "guard",
    "tec",
    "nova",
    "grid",
    "sense",
]
NAME_FORMS = {
    "en": ["{n}", "{n} Systems", "{n} Defence", "{n} Technologies", "{n} Ltd"],
    "fr": ["{n}", "{n} SAS", "{n} Industries", "{n} Technologies", "Groupe {n}"],
}


def company_name(rng: random.Random, lang: str, used: set[str]) -> str:
    while True:
        core = rng.choice(NAME_HEADS) + rng.choice(NAME_TAILS)
        name = rng.choice(NAME_FORMS[lang]).format(n=core)
        if core not in used:
            used.add(core)
            return name


def exhibitor_text(
    rng: random.Random, cap: Capability, lang: str, name: str, secondary: Capability | None
) -> str:
    offer, feature = ("OE", "FE") if lang == "en" else ("OF", "FF")
    sentences = [
        rng.choice(INTRO[lang]).format(
            name=name, cap=rng.choice(cap.banks[offer]), year=rng.randint(1950, 2021)
        )
    ]
    sentences += rng.sample(cap.banks[feature], k=rng.choice([1, 2, 2, 3]))
    if secondary is not None:
        sentences.append(rng.choice(SECONDARY[lang]).format(cap=rng.choice(secondary.banks[offer])))
    a, b, c = rng.sample(CUSTOMERS[lang], 3)
    sentences.append(CUSTOMER_SENTENCE[lang].format(a=a, b=b, c=c))
    sentences.append(rng.choice(CLOSING[lang]))
    return " ".join(s for s in sentences if s)


def query_text(rng: random.Random, need: str, lang: str) -> str:
    template = rng.choice(QUERY[lang])
    return template.format(who=rng.choice(WHO[lang]), need=need, extra=rng.choice(EXTRA[lang])).strip()


def generate(seed: int) -> dict[str, object]:
    rng = random.Random(seed)
    capabilities = load_phrases(HERE / "phrases.txt")
    order = list(range(len(capabilities)))
    rng.shuffle(order)
    language = {capabilities[i].key: ("en" if rank % 2 == 0 else "fr") for rank, i in enumerate(order)}
    dev_keys = {capabilities[i].key for i in order[: round(DEV_SHARE * len(order))]}

    used_names: set[str] = set()
    exhibitors, primary, secondaries = [], {}, {}
    for cap in capabilities:
        lang = language[cap.key]
        for _ in range(EXHIBITORS_PER_CAPABILITY):
            secondary = None
            if rng.random() < SECONDARY_RATE:
                secondary = rng.choice([c for c in capabilities if c.category != cap.category])
            exhibitor_id = f"ex{len(exhibitors) + 1:03d}"
            text = exhibitor_text(rng, cap, lang, company_name(rng, lang, used_names), secondary)
            categories = [cap.category] + ([secondary.category] if secondary else [])
            exhibitors.append(
                {
                    "id": exhibitor_id,
                    "text": text,
                    "lang": lang,
                    "capability": cap.key,
                    "categories": categories,
                }
            )
            primary[exhibitor_id] = cap
            secondaries[exhibitor_id] = secondary

    queries, qrels = [], {}
    for cap in capabilities:
        for lang in (language[cap.key], "fr" if language[cap.key] == "en" else "en"):
            for need in rng.sample(cap.banks["NE" if lang == "en" else "NF"], 2):
                query_id = f"q{len(queries) + 1:03d}"
                queries.append(
                    {
                        "id": query_id,
                        "text": query_text(rng, need, lang),
                        "lang": lang,
                        "capability": cap.key,
                        "categories": [cap.category],
                        "cross_lingual": lang != language[cap.key],
                        "split": "dev" if cap.key in dev_keys else "test",
                    }
                )
                grades = {}
                for exhibitor_id, main in primary.items():
                    second = secondaries[exhibitor_id]
                    if main.key == cap.key:
                        grades[exhibitor_id] = 2
                    elif main.category == cap.category or (second is not None and second.key == cap.key):
                        grades[exhibitor_id] = 1
                qrels[query_id] = grades
    rng.shuffle(exhibitors)  # ids stay tied to texts; order no longer reveals the capability
    return {"seed": seed, "k": 10, "exhibitors": exhibitors, "queries": queries, "qrels": qrels}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--out", type=Path, default=HERE / "data" / "benchmark.json")
    args = parser.parse_args()
    data = generate(args.seed)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    queries = data["queries"]
    print(
        f"{len(data['exhibitors'])} exhibitors, {len(queries)} queries "
        f"({sum(q['cross_lingual'] for q in queries)} cross-lingual, "
        f"{sum(q['split'] == 'dev' for q in queries)} dev) -> {args.out}"
    )


if __name__ == "__main__":
    main()
