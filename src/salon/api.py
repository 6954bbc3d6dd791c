"""The REST API: one NinjaAPI mounted at /api/v1/, composed from each app's router.

Compatibility rule (docs/api.md): within v1, fields and endpoints are only ever added; nothing is
renamed or removed, and error `code`s keep their meaning.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError

from salon.access.api import router as access_router
from salon.accounts.api import API_AUTH
from salon.accreditation.api import router as accreditation_router
from salon.analytics.api import router as analytics_router
from salon.audit.api import router as audit_router
from salon.delegations.api import router as delegations_router
from salon.editions.api import router as editions_router
from salon.errors import DomainError
from salon.exhibitors.api import router as exhibitors_router
from salon.matchmaking.api import router as matchmaking_router
from salon.program.api import router as program_router

api = NinjaAPI(
    title="Salon API",
    version="1",
    description="Run a defense & security trade show. Authenticate with `Authorization: Bearer <token>` "
    "(create one with `salon token USER`) or a browser session.",
    auth=API_AUTH,
    urls_namespace="api-v1",
    docs_url="/docs",
)


@api.exception_handler(DomainError)
def domain_error(request, exc: DomainError):
    body = {"code": exc.code, "message": exc.message}
    if exc.field:
        body["field"] = exc.field
    return api.create_response(request, body, status=exc.status)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    return api.create_response(
        request,
        {"code": "unauthenticated", "message": "Missing, unknown or revoked credentials."},
        status=401,
    )


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return api.create_response(
        request, {"code": "forbidden", "message": str(exc) or "Forbidden."}, status=403
    )


@api.exception_handler(Http404)
def not_found(request, exc):
    return api.create_response(
        request, {"code": "not_found", "message": str(exc) or "Not found."}, status=404
    )


api.add_router("/", editions_router)
api.add_router("/", exhibitors_router)
api.add_router("/", accreditation_router)
api.add_router("/", program_router)
api.add_router("/", delegations_router)
api.add_router("/", matchmaking_router)
api.add_router("/audit", audit_router)
api.add_router("/", access_router)
api.add_router("/", analytics_router)
