"""`salon demo`: create the database, load the demo editions, print the logins and serve."""

from __future__ import annotations

import threading
import time

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils.module_loading import import_string

from salon.editions.demo import DemoContext
from salon.editions.models import Edition


class Command(BaseCommand):
    help = "Create the database, load the demo editions (Milipol Paris 2025, BAMEX 2025) and serve them."

    def add_arguments(self, parser):
        parser.add_argument("--addr", default="127.0.0.1:8000", help="address:port to serve on")
        parser.add_argument("--no-serve", action="store_true", help="load only, do not start the server")
        parser.add_argument("--reset", action="store_true", help="delete every table's data and load again")
        parser.add_argument("--seed", type=int, default=2025)

    def handle(self, *args, addr: str, no_serve: bool, reset: bool, seed: int, **options):
        started = time.monotonic()
        self.stderr.write("demo: creating or migrating the database…")
        call_command("migrate", verbosity=0, interactive=False)
        if reset:
            call_command("flush", verbosity=0, interactive=False)
            call_command("migrate", verbosity=0, interactive=False)  # data migrations (categories, roles)
        context = DemoContext(seed=seed, out=self.stderr)
        if Edition.objects.filter(slug="milipol-2025").exists():
            self.stderr.write("demo: already loaded (use --reset to load again)")
        else:
            loaders = [
                (config.label, getattr(config, "demo_loader", None)) for config in apps.get_app_configs()
            ]
            with transaction.atomic():
                for label, loader in loaders:
                    if loader:
                        self.stderr.write(f"demo: loading {label}…")
                        step = time.monotonic()
                        import_string(loader)(context)
                        self.stderr.write(f"demo: {label} loaded in {time.monotonic() - step:.1f} s")
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # planner statistics for the fresh tables (SQLite and PostgreSQL)
            self.stderr.write(f"demo: loaded in {time.monotonic() - started:.1f} s")
            self._print_logins(context)
        if no_serve:
            return
        host, _, port = addr.rpartition(":")
        if not host or not port.isdigit():
            raise CommandError(f"--addr must look like 127.0.0.1:8000, not {addr!r}")
        self.stdout.write(f"Salon demo on http://{addr}/  (API docs: http://{addr}/api/docs)")
        self._embed_in_background()
        call_command("runserver", addr, use_reloader=False, use_threading=True)

    def _embed_in_background(self) -> None:
        """Dense recommendations need embeddings (about 10 texts/s per core): compute them while the server
        runs; until they are ready, recommendations are lexical and say so."""
        from salon.matchmaking.domain.profiles import refresh_vectors

        def embed() -> None:
            from django.db import connection

            try:
                for edition in Edition.objects.all():
                    count = refresh_vectors(edition)
                    if count:
                        self.stderr.write(f"demo: {edition.slug}: {count} matchmaking profiles embedded")
            finally:
                connection.close()

        threading.Thread(target=embed, name="demo-embeddings", daemon=True).start()

    def _print_logins(self, context: DemoContext) -> None:
        self.stdout.write("\nDemo logins (username / password):")
        for username, password, hint in context.logins:
            self.stdout.write(f"  {username:<22} {password:<18} {hint}")
        self.stdout.write("")
