from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from salon.editions.domain.policy import PolicyFileError, decide, parse_policy_file
from salon.editions.models import ParticipationRule

POLICY_DIR = Path(__file__).resolve().parents[1] / "data" / "policies"
HEADER = "country,regime,reason,source,source_date\n"


def test_policy_file_shipped_defaults_parse():
    rows = parse_policy_file((POLICY_DIR / "eu-arms-embargoes.csv").read_bytes())
    by_country = {r.country: r.regime for r in rows}
    assert by_country["RU"] == "barred"
    assert by_country["CN"] == "authorization"
    assert "FR" not in by_country
    assert parse_policy_file((POLICY_DIR / "bamex-2025.csv").read_bytes())[0].country == "KP"


def test_policy_file_bad_rows_report_every_line_and_column():
    text = (
        HEADER
        + "RU,barred,embargo,x,2014-07-31\nXX,open,,,\nIL,maybe,,,\nCN,barred,,,\nIR,barred,r,s,2999-01-01\n"
    )
    with pytest.raises(PolicyFileError) as caught:
        parse_policy_file(text)
    problems = [(p.line, p.column) for p in caught.value.problems]
    assert problems == [(3, "country"), (4, "regime"), (5, "reason"), (6, "source_date")]


def test_policy_file_duplicate_country_names_first_line():
    with pytest.raises(PolicyFileError, match="line 3, column country: RU already has a rule on line 2"):
        parse_policy_file(HEADER + "RU,barred,a reason,,\nRU,open,,,\n")


def test_policy_file_wrong_header_rejected():
    with pytest.raises(PolicyFileError, match="header must be country,regime,reason,source,source_date"):
        parse_policy_file("pays,regime\nRU,barred\n")


def test_policy_file_non_utf8_rejected():
    with pytest.raises(PolicyFileError, match="not UTF-8"):
        parse_policy_file(HEADER.encode() + "CI,open,Côte,,\n".encode("latin-1"))


def test_policy_file_wrong_column_count_rejected():
    with pytest.raises(PolicyFileError, match="line 2, column -: expected 5 columns, found 3"):
        parse_policy_file(HEADER + "RU,barred,x\n")


@pytest.mark.django_db
def test_policy_load_command_bad_file_keeps_previous_rules(edition, tmp_path):
    before = sorted(ParticipationRule.objects.filter(edition=edition).values_list("country", "regime"))
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "DE,barred,embargo,,\nZZ,open,,,\n", encoding="utf-8")
    with pytest.raises(CommandError, match="line 3, column country: unknown country code 'ZZ'"):
        call_command("policy", "load", edition.slug, str(bad))
    after = sorted(ParticipationRule.objects.filter(edition=edition).values_list("country", "regime"))
    assert after == before == [("IL", "authorization"), ("RU", "barred")]


@pytest.mark.django_db
def test_policy_load_command_replaces_rules(edition):
    call_command("policy", "load", edition.slug, str(POLICY_DIR / "eu-arms-embargoes.csv"))
    assert decide(edition, "RU").regime == "barred"
    assert decide(edition, "IL").regime == "open"  # the load replaced the per-edition override
    assert decide(edition, "FR").regime == "open"
    assert ParticipationRule.objects.filter(edition=edition).count() == 17
