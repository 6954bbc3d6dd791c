"""REST API of the organizer's dashboard: the same tables the page charts, as JSON."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from ninja import Router, Schema

from salon.accounts.domain.roles import Role, require_role
from salon.analytics.domain.figures import dashboard_tables, visitor_totals
from salon.editions.api import get_edition

router = Router(tags=["dashboard"])


class ColumnOut(Schema):
    key: str
    label: str
    numeric: bool


class TableOut(Schema):
    key: str
    title: str
    live: bool
    note: str
    columns: list[ColumnOut]
    rows: list[list[str | int | float | None]]


class DashboardOut(Schema):
    edition: str
    generated_at: dt.datetime
    totals: dict[str, int]
    tables: list[TableOut]


@router.get("/editions/{ref}/dashboard", response=DashboardOut)
def dashboard(request, ref: str):
    """Visitors, exhibitors, meetings, conference attendance and zone occupancy (organizers only)."""
    require_role(request.auth, Role.ORGANIZER, message="Only organizers see the dashboard.")
    edition = get_edition(ref)
    return {
        "edition": edition.slug,
        "generated_at": timezone.now(),
        "totals": visitor_totals(edition),
        "tables": [
            {
                "key": table.key,
                "title": table.title,
                "live": table.live,
                "note": table.note,
                "columns": [{"key": c.key, "label": c.label, "numeric": c.numeric} for c in table.columns],
                "rows": [list(row) for row in table.rows],
            }
            for table in dashboard_tables(edition)
        ],
    }
