"""Host-country participation policy: which nationalities may exhibit, need authorization, or are barred.

The rules are data (a CSV file per edition, edited by organizers), loaded all-or-nothing after
every row is validated; nothing about any country is hard-coded here.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass

from django.db import transaction
from django_countries import countries

from salon.audit.domain.chain import record
from salon.editions.models import Edition, ParticipationRule, Regime
from salon.errors import DomainError

POLICY_COLUMNS = ("country", "regime", "reason", "source", "source_date")


class PolicyError(DomainError):
    pass


@dataclass(frozen=True)
class PolicyFileProblem:
    line: int
    column: str
    message: str

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.message}"


class PolicyFileError(PolicyError):
    def __init__(self, problems: list[PolicyFileProblem]):
        self.problems = problems
        super().__init__("invalid_policy_file", "; ".join(str(p) for p in problems))


@dataclass(frozen=True)
class PolicyRow:
    country: str
    regime: str
    reason: str
    source: str
    source_date: dt.date | None


@dataclass(frozen=True)
class PolicyDecision:
    country: str
    regime: str
    reason: str
    source: str


def valid_country(code: str) -> bool:
    return bool(code) and code == code.upper() and code in dict(countries)


def require_country(code: str, field: str = "country") -> str:
    code = (code or "").strip().upper()
    if not valid_country(code):
        raise PolicyError(
            "unknown_country",
            f"Unknown country code {code!r}: use ISO 3166-1 alpha-2 (e.g. FR).",
            field=field,
        )
    return code


def parse_policy_file(data: bytes | str) -> list[PolicyRow]:
    """Validate every row; raise one error listing every bad line, so a file is fixed in one pass."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise PolicyFileError(
                [PolicyFileProblem(1, "-", f"the file is not UTF-8 ({exc.reason})")]
            ) from exc
    reader = csv.reader(io.StringIO(data))
    problems: list[PolicyFileProblem] = []
    header: list[str] | None = None
    rows: list[PolicyRow] = []
    seen: dict[str, int] = {}
    today = dt.date.today()
    for cells in reader:
        line = reader.line_num
        if not cells or not any(c.strip() for c in cells) or cells[0].lstrip().startswith("#"):
            continue
        if header is None:
            header = [c.strip().lower() for c in cells]
            if tuple(header) != POLICY_COLUMNS:
                raise PolicyFileError(
                    [
                        PolicyFileProblem(
                            line, "-", f"header must be {','.join(POLICY_COLUMNS)} (found {','.join(header)})"
                        )
                    ]
                )
            continue
        if len(cells) != len(POLICY_COLUMNS):
            problems.append(
                PolicyFileProblem(line, "-", f"expected {len(POLICY_COLUMNS)} columns, found {len(cells)}")
            )
            continue
        country, regime, reason, source, source_date = (c.strip() for c in cells)
        row_ok = True
        if not valid_country(country.upper()):
            problems.append(PolicyFileProblem(line, "country", f"unknown country code {country!r}"))
            row_ok = False
        country = country.upper()
        if regime not in Regime.values:
            problems.append(
                PolicyFileProblem(line, "regime", f"{regime!r} is not one of {', '.join(Regime.values)}")
            )
            row_ok = False
        elif regime != Regime.OPEN and not reason:
            problems.append(PolicyFileProblem(line, "reason", f"a {regime} rule needs a reason"))
            row_ok = False
        parsed_date = None
        if source_date:
            try:
                parsed_date = dt.date.fromisoformat(source_date)
            except ValueError:
                problems.append(
                    PolicyFileProblem(line, "source_date", f"{source_date!r} is not a YYYY-MM-DD date")
                )
                row_ok = False
            else:
                if parsed_date > today:
                    problems.append(PolicyFileProblem(line, "source_date", f"{source_date} is in the future"))
                    row_ok = False
        if country in seen:
            problems.append(
                PolicyFileProblem(line, "country", f"{country} already has a rule on line {seen[country]}")
            )
            row_ok = False
        if row_ok:
            seen[country] = line
            rows.append(PolicyRow(country, regime, reason, source, parsed_date))
    if header is None:
        problems.append(PolicyFileProblem(1, "-", "the file is empty"))
    if problems:
        raise PolicyFileError(problems)
    return rows


@transaction.atomic
def replace_policy(edition: Edition, rows: list[PolicyRow], *, actor, source_name: str = "") -> int:
    """Replace the edition's whole rule set: after a load the file is the policy, nothing older lingers."""
    ParticipationRule.objects.filter(edition=edition).delete()
    ParticipationRule.objects.bulk_create(
        [
            ParticipationRule(
                edition=edition,
                country=r.country,
                regime=r.regime,
                reason=r.reason,
                source=r.source,
                source_date=r.source_date,
            )
            for r in rows
        ]
    )
    record(
        actor=actor,
        action="policy.loaded",
        target=edition,
        edition_id=edition.pk,
        payload={
            "file": source_name,
            "rules": {r.country: r.regime for r in rows},
        },
    )
    return len(rows)


@transaction.atomic
def set_rule(
    edition: Edition,
    *,
    country: str,
    regime: str,
    reason: str,
    source: str = "",
    source_date: dt.date | None = None,
    actor,
) -> ParticipationRule:
    """One organizer override (e.g. Israel from open to authorization for one edition)."""
    country = require_country(country)
    if regime not in Regime.values:
        raise PolicyError(
            "unknown_regime", f"{regime!r} is not one of {', '.join(Regime.values)}", field="regime"
        )
    reason = (reason or "").strip()
    if regime != Regime.OPEN and not reason:
        raise PolicyError(
            "reason_required", "A rule that restricts participation needs a reason.", field="reason"
        )
    previous = ParticipationRule.objects.filter(edition=edition, country=country).first()
    rule, _ = ParticipationRule.objects.update_or_create(
        edition=edition,
        country=country,
        defaults={"regime": regime, "reason": reason, "source": source, "source_date": source_date},
    )
    record(
        actor=actor,
        action="policy.rule_set",
        target=rule,
        edition_id=edition.pk,
        payload={
            "country": country,
            "regime": regime,
            "reason": reason,
            "source": source,
            "previous_regime": previous.regime if previous else None,
        },
    )
    return rule


def decide(edition: Edition, country: str) -> PolicyDecision:
    rule = ParticipationRule.objects.filter(edition=edition, country=country).first()
    if rule is None:
        return PolicyDecision(country, edition.default_regime, "", "")
    return PolicyDecision(country, rule.regime, rule.reason, rule.source)
