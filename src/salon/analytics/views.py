"""The organizer's live dashboard: SVG charts rendered on the server, live panels refreshed by htmx, and
every chart's table downloadable as CSV or XLSX from the same URL (`?format=csv|xlsx&table=KEY`)."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from salon.accounts.domain.roles import Role, has_role
from salon.analytics import export
from salon.analytics.charts import render_chart
from salon.analytics.domain.figures import BUILDERS, LIVE, dashboard_tables, visitor_totals
from salon.analytics.tables import Table
from salon.editions.domain.venue import edition_by_ref
from salon.editions.models import Edition

SECTIONS = (
    ("visitors", ("visitors_by_country", "visitors_by_sector")),
    (
        "exhibitors",
        ("exhibitors_by_status", "authorization_pipeline", "exhibitors_by_country", "exhibitors_by_category"),
    ),
)


@dataclass(frozen=True)
class Panel:
    table: Table
    svg: SafeString
    rows: list[list[tuple[object, bool]]]


def _panel(table: Table) -> Panel:
    numeric = [column.numeric for column in table.columns]
    return Panel(
        table=table,
        # charts.py escapes every text it writes.
        svg=mark_safe(render_chart(table)),  # noqa: S308
        rows=[list(zip(row, numeric, strict=True)) for row in table.rows],
    )


def _organizer_edition(request: HttpRequest, slug: str) -> Edition:
    if not has_role(request.user, Role.ORGANIZER):
        raise PermissionDenied(_("Only organizers see the dashboard."))
    edition = edition_by_ref(slug)
    if edition is None:
        raise Http404(_("No such edition."))
    return edition


def _download(body: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _export(request: HttpRequest, edition: Edition, kind: str) -> HttpResponse:
    key = request.GET.get("table", "")
    if key and key not in BUILDERS:
        raise Http404(_("No such table."))
    if kind == "csv":
        if not key:
            return HttpResponseBadRequest(_("A CSV file holds one table: add &table=… to the address."))
        return _download(export.to_csv(BUILDERS[key](edition)), export.CSV_TYPE, f"{edition.slug}-{key}.csv")
    if kind == "xlsx":
        tables = [BUILDERS[key](edition)] if key else dashboard_tables(edition)
        name = f"{edition.slug}-{key or 'dashboard'}.xlsx"
        return _download(export.to_xlsx(tables), export.XLSX_TYPE, name)
    return HttpResponseBadRequest(_("Unknown format: use csv or xlsx."))


def _live_context(edition: Edition) -> dict:
    return {
        "edition": edition,
        "totals": visitor_totals(edition),
        "live_panels": [_panel(table) for table in dashboard_tables(edition, LIVE)],
        "refreshed_at": timezone.localtime(),
    }


@never_cache
@login_required
def dashboard(request: HttpRequest, slug: str) -> HttpResponse:
    edition = _organizer_edition(request, slug)
    if "format" in request.GET:
        return _export(request, edition, request.GET["format"])
    context = _live_context(edition)
    context["sections"] = [
        (name, [_panel(table) for table in dashboard_tables(edition, keys)]) for name, keys in SECTIONS
    ]
    return render(request, "analytics/dashboard.html", context)


@never_cache
@login_required
def live(request: HttpRequest, slug: str) -> HttpResponse:
    """The live panels alone: what htmx swaps in every few seconds."""
    edition = _organizer_edition(request, slug)
    return render(request, "analytics/_live.html", _live_context(edition))
