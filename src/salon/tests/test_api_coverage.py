"""Every route of /api/v1 is in some app's role × endpoint matrix: no endpoint ships untested for access."""

import importlib

from salon.api import api

MATRIX_MODULES = [
    "salon.exhibitors.tests.test_permission_matrix",
    "salon.accreditation.tests.test_permission_matrix",
    "salon.access.tests.test_permission_matrix",
    "salon.program.tests.test_permission_matrix",
    "salon.delegations.tests.test_permission_matrix",
    "salon.matchmaking.tests.test_permission_matrix",
    "salon.analytics.tests.test_permission_matrix",
]
PLACEHOLDER_ALIASES = {"{ref}": "{edition}", "{country}": "IL"}


def _api_routes() -> set[tuple[str, str]]:
    routes = set()
    for prefix, router in api._routers:
        for path, path_view in router.path_operations.items():
            for operation in path_view.operations:
                for method in operation.methods:
                    routes.add(
                        (
                            method.lower(),
                            ("/" + prefix.strip("/") + "/" + path.lstrip("/")).replace("//", "/"),
                        )
                    )
    return routes


def _shape(path: str) -> tuple[str, ...]:
    for raw, alias in PLACEHOLDER_ALIASES.items():
        path = path.replace(raw, alias)
    return tuple("{}" if part.startswith("{") else part for part in path.strip("/").split("/"))


def test_api_coverage_every_route_in_a_permission_matrix():
    covered = set()
    for module in MATRIX_MODULES:
        covered |= {(method, _shape(path)) for method, path, _, _ in importlib.import_module(module).MATRIX}
    routes = _api_routes()
    assert len(routes) >= 32
    missing = sorted(
        f"{method.upper()} {path}" for method, path in routes if (method, _shape(path)) not in covered
    )
    assert missing == []
