"""Watch-list screening: find the listed person behind a visitor's name, whatever the script or spelling.

Pure Python (no Django) so the CLI, the benchmark and the web app share one code path.
"""

from .index import DEFAULT_THRESHOLD, ScreeningIndex
from .models import Hit, Person, WatchlistEntry

__all__ = ["DEFAULT_THRESHOLD", "Hit", "Person", "ScreeningIndex", "WatchlistEntry"]
