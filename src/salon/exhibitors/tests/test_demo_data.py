"""Tests for the fictitious demo exhibitors (pure module, no database)."""

from __future__ import annotations

import csv
import json
import re
import time
from collections import Counter
from functools import cache

from salon.exhibitors import demo_data
from salon.exhibitors.demo_data import (
    DATA_DIR,
    DEMO_DATA_DIR,
    EMBARGOED_COUNTRIES,
    STAND_AREAS_M2,
    DemoCompany,
    bamex_2025_companies,
    milipol_2025_companies,
)

BAMEX_COUNTRIES = {"ML", "BF", "NE", "TR", "CG", "TG", "GH", "NG", "MA", "SD", "LY", "IR"}
REAL_COMPANY_NAMES = [
    "Thales", "Safran", "Airbus", "MBDA", "Rheinmetall", "Elbit", "Rafael", "IAI", "Aselsan",
    "Baykar", "Leonardo", "BAE", "Lockheed",
]  # fmt: skip


@cache
def milipol() -> tuple[DemoCompany, ...]:
    return tuple(milipol_2025_companies())


@cache
def bamex() -> tuple[DemoCompany, ...]:
    return tuple(bamex_2025_companies())


def csv_codes() -> set[str]:
    with (DATA_DIR / "categories.csv").open(encoding="utf-8", newline="") as handle:
        return {row["code"] for row in csv.DictReader(handle)}


def test_demo_data_same_seed_gives_equal_lists():
    assert milipol_2025_companies(seed=7) == milipol_2025_companies(seed=7)
    assert bamex_2025_companies(seed=7) == bamex_2025_companies(seed=7)


def test_demo_data_other_seed_gives_other_companies():
    assert {c.legal_name for c in milipol_2025_companies(seed=7)} != {c.legal_name for c in milipol()}
    assert bamex_2025_companies(seed=7) != list(bamex())


def test_demo_data_milipol_has_exactly_1100_companies_and_39_israeli():
    countries = Counter(company.country for company in milipol())
    assert len(milipol()) == 1100
    assert countries["IL"] == 39


def test_demo_data_milipol_mix_has_france_first_and_55_plus_countries():
    countries = Counter(company.country for company in milipol())
    assert len(countries) >= 55
    assert countries.most_common(1)[0][0] == "FR"
    assert 0.35 * 1100 <= countries["FR"] <= 0.40 * 1100
    assert {"DE", "GB", "US", "IT", "ES", "TR", "KR", "AE", "SN", "CI"} <= set(countries)


def test_demo_data_milipol_has_no_embargoed_country():
    assert not {company.country for company in milipol()} & EMBARGOED_COUNTRIES


def test_demo_data_bamex_countries_are_the_listed_ones_with_turkish_pavilion():
    countries = Counter(company.country for company in bamex())
    assert set(countries) == BAMEX_COUNTRIES
    assert 25 <= countries["TR"] <= 35
    assert 80 <= len(bamex()) <= 100


def test_demo_data_names_and_websites_unique_within_edition():
    for companies in (milipol(), bamex()):
        assert len({c.legal_name for c in companies}) == len(companies)
        assert len({c.website for c in companies}) == len(companies)


def test_demo_data_websites_use_reserved_example_tld():
    pattern = re.compile(r"https://[a-z0-9-]+\.example")
    for company in milipol() + bamex():
        assert pattern.fullmatch(company.website), company.website
        domain = company.website.removeprefix("https://")
        for contact in company.contacts:
            assert contact.email.endswith("@" + domain), contact.email


def test_demo_data_category_codes_are_valid_and_all_used_at_milipol():
    codes = csv_codes()
    used_at_milipol = set()
    for company in milipol():
        assert 1 <= len(company.categories) <= 3
        assert len(set(company.categories)) == len(company.categories)
        assert set(company.categories) <= codes
        assert {product.category for product in company.products} <= set(company.categories)
        used_at_milipol.update(company.categories)
    assert used_at_milipol == codes
    for company in bamex():
        assert set(company.categories) <= codes


def test_demo_data_every_category_used_for_any_seed():
    for seed in (1, 2, 3):
        assert {company.categories[0] for company in milipol_2025_companies(seed)} == csv_codes()


def test_demo_data_security_themes_outnumber_space():
    primaries = Counter(company.categories[0] for company in milipol())
    for code in ("surveillance", "cybersecurity", "drones_anti_uas", "protective_equipment", "ai_analytics"):
        assert primaries[code] > 2 * primaries["space"], code


def test_demo_data_french_descriptions_differ_from_english():
    for company in milipol() + bamex():
        assert company.description_fr != company.description_en
        for product in company.products:
            assert product.description_fr != product.description_en


def test_demo_data_descriptions_have_two_to_four_sentences_and_no_template_leftovers():
    for company in milipol() + bamex():
        for text in (company.description_en, company.description_fr):
            assert 2 <= len(re.findall(r"[.!?](?: |$)", text)) <= 4, text
            assert "{" not in text and "}" not in text and "  " not in text, text


def test_demo_data_descriptions_are_not_copy_pasted():
    companies = milipol()
    assert len({c.description_en for c in companies}) == len(companies)
    assert len({c.description_fr for c in companies}) == len(companies)
    first_sentences = {c.description_en.split(". ")[0] for c in companies}
    assert len(first_sentences) >= 1000


def test_demo_data_shape_of_products_contacts_and_stands():
    for company in milipol() + bamex():
        assert 1 <= len(company.products) <= 5
        assert 1 <= len(company.contacts) <= 2
        assert company.requested_area_m2 in STAND_AREAS_M2
        for product in company.products:
            assert product.name.split()[0] in company.legal_name, (product.name, company.legal_name)
        for contact in company.contacts:
            assert re.fullmatch(r"\+\d{1,3}[ \d()-]+\d", contact.phone), contact.phone
            assert contact.full_name and contact.role_en and contact.role_fr


def test_demo_data_stand_sizes_skew_small():
    areas = Counter(company.requested_area_m2 for company in milipol())
    small = areas[9] + areas[12] + areas[18]
    assert small > len(milipol()) / 2
    assert areas[300] + areas[150] < 0.05 * len(milipol()) < areas[9]


def test_demo_data_phones_use_country_calling_code():
    codes = {
        "FR": "+33 ",
        "DE": "+49 ",
        "GB": "+44 ",
        "US": "+1 ",
        "IL": "+972 ",
        "ML": "+223 ",
        "TR": "+90 ",
    }
    for company in milipol() + bamex():
        if company.country in codes:
            for contact in company.contacts:
                assert contact.phone.startswith(codes[company.country]), (company.country, contact.phone)


def test_demo_data_never_uses_well_known_company_names():
    for company in milipol() + bamex():
        words = set(re.findall(r"\w+", company.legal_name.casefold()))
        for real in REAL_COMPANY_NAMES:
            assert real.casefold() not in words, company.legal_name


def test_demo_data_blocklist_rejects_real_names():
    bank = demo_data._bank()
    assert demo_data._is_blocked(bank, "Thales Systèmes")
    assert demo_data._is_blocked(bank, "Hikvisiontech")
    assert not demo_data._is_blocked(bank, "Vigicore")


def test_demo_data_phrase_banks_have_matching_numeric_slots():
    phrases = json.loads((DEMO_DATA_DIR / "phrases.json").read_text(encoding="utf-8"))
    slot = re.compile(r"\{\d+-\d+(?:/\d+)?\}")
    for code, category in phrases["categories"].items():
        for key in ("facts", "goals", "deliveries", "specs"):
            for english, french in category[key]:
                assert len(slot.findall(english)) == french.count("{}"), (code, english)


def test_demo_data_generates_1100_companies_well_under_a_second():
    milipol_2025_companies(seed=11)  # data files loaded and cached
    start = time.process_time()  # CPU time: other jobs on a loaded CI machine do not count
    milipol_2025_companies(seed=12)
    assert time.process_time() - start < 0.5
