"""The `salon` command: Django's manage.py with Salon's settings and its own sub-commands.

Sub-commands are ordinary management commands living in each app (`salon demo`, `salon audit verify`,
`salon policy load`, …), so `salon help` lists them all.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "salon.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["salon", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
