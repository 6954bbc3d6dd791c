"""`salon badges print|issue|rotate-key EDITION`: print an edition's badges, catch up on missing ones, rotate
its signing key."""

from __future__ import annotations

import getpass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from salon.access.domain.badges import issue_missing_badges, rotate_key
from salon.access.domain.printing import badges_pdf, printable
from salon.accounts.domain.roles import Role, has_role
from salon.editions.domain.venue import edition_by_ref
from salon.errors import DomainError


class Command(BaseCommand):
    help = "Badges of an edition: print them as one PDF, issue the missing ones, rotate the signing key."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        printing = sub.add_parser("print", help="every active badge, one A6 page each, with a progress bar")
        printing.add_argument("edition", help="edition slug or id")
        printing.add_argument("--out", required=True, help="PDF file to write")
        printing.add_argument("--language", default="en", choices=["en", "fr"])
        for name, text in (
            ("issue", "issue badges to accredited visitors and admitted exhibitors' staff that have none"),
            ("rotate-key", "new signing key; every active badge is re-issued (old prints answer superseded)"),
        ):
            action = sub.add_parser(name, help=text)
            action.add_argument("edition", help="edition slug or id")
            action.add_argument(
                "--as", dest="username", help="organizer recorded in the audit log (default: cli:<login>)"
            )

    def _edition(self, ref: str):
        edition = edition_by_ref(ref)
        if edition is None:
            raise CommandError(f"No edition {ref!r} (give its slug or id).")
        return edition

    def _organizer(self, username: str | None):
        if not username:
            return f"cli:{getpass.getuser()}"
        user = get_user_model().objects.filter(username=username).first()
        if user is None or not has_role(user, Role.ORGANIZER):
            raise CommandError(f"--as {username!r}: no organizer of that name.")
        return user

    def handle(self, *args, action: str, edition: str, **options):
        target = self._edition(edition)
        try:
            if action == "print":
                self._print(target, Path(options["out"]), options["language"])
            elif action == "issue":
                count = issue_missing_badges(target, actor=self._organizer(options["username"]))
                self.stdout.write(f"{target.slug}: {count} badge(s) issued")
            else:
                version, count = rotate_key(target, actor=self._organizer(options["username"]))
                self.stdout.write(f"{target.slug}: signing key v{version}; {count} badge(s) re-issued")
        except DomainError as exc:
            raise CommandError(exc.message) from exc

    def _print(self, edition, out: Path, language: str) -> None:
        badges = printable(edition)
        if not badges:
            raise CommandError(f"{edition.slug} has no active badge to print.")
        if not out.parent.exists():
            raise CommandError(f"--out {out}: folder {out.parent} does not exist.")
        with tqdm(total=len(badges), desc=f"{edition.slug} badges", unit="badge", file=self.stderr) as bar:
            content = badges_pdf(badges, language=language, on_page=lambda: bar.update(1))
        out.write_bytes(content)
        self.stdout.write(f"{out}: {len(badges)} badge(s), {len(content) // 1024} KiB")
