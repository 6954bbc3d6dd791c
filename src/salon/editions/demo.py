"""Demo editions: Milipol Paris 2025 and BAMEX 2025 (public-record facts; every person is fictitious).

`salon demo` calls the `demo_loader` of each installed Salon app in INSTALLED_APPS order, passing one
DemoContext: this app's loader runs first and creates the editions the others fill.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model

from salon.accounts.domain.roles import Role, grant
from salon.editions.domain.policy import parse_policy_file, replace_policy, set_rule
from salon.editions.domain.venue import add_hall, add_theme, create_edition
from salon.editions.models import Edition, Hall, Stand

DEMO_PASSWORD = "salon-demo-2025"
POLICY_DIR = Path(__file__).resolve().parent / "data" / "policies"
MILIPOL = "milipol-2025"
BAMEX = "bamex-2025"


@dataclass
class DemoContext:
    seed: int = 2025
    editions: dict[str, Edition] = field(default_factory=dict)
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (username, password, what to try)
    users: dict[str, object] = field(default_factory=dict)
    registrations: dict[str, int] = field(default_factory=dict)  # demo logins' own registration ids
    out: object = sys.stderr

    def say(self, message: str) -> None:
        print(message, file=self.out, flush=True)

    def user(self, username: str, role: Role, *, first_name: str, last_name: str, hint: str):
        user = get_user_model().objects.create_user(
            username=username,
            password=DEMO_PASSWORD,
            email=f"{username}@salon.example",
            first_name=first_name,
            last_name=last_name,
        )
        grant(user, role)
        self.users[username] = user
        self.logins.append((username, DEMO_PASSWORD, hint))
        return user


def _stands(hall: Hall, sizes: list[int]) -> None:
    Stand.objects.bulk_create(
        [
            Stand(hall=hall, number=f"{chr(ord('A') + index // 60)}{index % 60 + 1:02d}", area_m2=size)
            for index, size in enumerate(sizes)
        ]
    )


def _stand_mix(count: int) -> list[int]:
    """A realistic floor: mostly shell-scheme stands, a few large pavilions."""
    pattern = [9, 9, 12, 9, 18, 12, 9, 24, 12, 9, 18, 36, 9, 12, 54, 9, 18, 72, 12, 100, 9, 150, 18, 300]
    return [pattern[i % len(pattern)] for i in range(count)]


def load_demo(context: DemoContext) -> None:
    organizer = context.user(
        "organizer",
        Role.ORGANIZER,
        first_name="Claire",
        last_name="Vasseur",
        hint="organizer: exhibitor lists, stands, policy, audit, admin",
    )
    organizer.is_staff = True
    organizer.save(update_fields=["is_staff"])
    context.user(
        "officer",
        Role.AUTHORIZATION_OFFICER,
        first_name="Marc",
        last_name="Delorme",
        hint="authorization officer: the queue of applications needing government authorization",
    )

    milipol = create_edition(
        slug=MILIPOL,
        name="Milipol Paris 2025",
        host_country="FR",
        city="Paris",
        venue="Paris-Nord Villepinte",
        start_date=dt.date(2025, 11, 18),
        end_date=dt.date(2025, 11, 21),
        languages="fr,en",
        actor=organizer,
    )
    add_theme(
        milipol, title_en="AI in homeland security", title_fr="L'IA au service de la sécurité intérieure"
    )
    replace_policy(
        milipol,
        parse_policy_file((POLICY_DIR / "eu-arms-embargoes.csv").read_bytes()),
        actor=organizer,
        source_name="eu-arms-embargoes.csv",
    )
    set_rule(
        milipol,
        country="IL",
        regime="authorization",
        reason="Host-government decision for this edition: each Israeli company needs prior authorization / "
        "Décision du gouvernement hôte : chaque société israélienne doit être autorisée au préalable",
        source="Edition override (demo data)",
        actor=organizer,
    )
    for code, name, count in (
        ("4", "Hall 4", 330),
        ("5A", "Hall 5A", 330),
        ("5B", "Hall 5B", 330),
        ("6", "Hall 6", 310),
    ):
        _stands(add_hall(milipol, code=code, name=name), _stand_mix(count))

    bamex = create_edition(
        slug=BAMEX,
        name="BAMEX 2025 — Bamako Exhibition",
        host_country="ML",
        city="Bamako",
        venue="Centre International de Conférences de Bamako",
        start_date=dt.date(2025, 11, 11),
        end_date=dt.date(2025, 11, 14),
        guest_of_honour_country="TR",
        languages="fr,en",
        actor=organizer,
    )
    add_theme(
        bamex,
        title_en="Sovereignty and defence industrial cooperation",
        title_fr="Souveraineté et coopération industrielle de défense",
    )
    replace_policy(
        bamex,
        parse_policy_file((POLICY_DIR / "bamex-2025.csv").read_bytes()),
        actor=organizer,
        source_name="bamex-2025.csv",
    )
    _stands(add_hall(bamex, code="P1", name="Pavillon principal"), _stand_mix(80))
    _stands(add_hall(bamex, code="TR", name="Pavillon Türkiye (invité d'honneur)"), _stand_mix(40))
    context.editions = {MILIPOL: milipol, BAMEX: bamex}
    context.say("editions: Milipol Paris 2025 (1,300 stands), BAMEX 2025 (120 stands), policies loaded")
