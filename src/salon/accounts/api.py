"""API authentication: a bearer token (`Authorization: Bearer sln_…`) or the browser session."""

from __future__ import annotations

from ninja.security import HttpBearer, SessionAuth

from salon.accounts.domain.tokens import user_for_token


class TokenAuth(HttpBearer):
    def authenticate(self, request, token: str):
        user = user_for_token(token)
        if user is not None:
            request.user = user
        return user


class BrowserSessionAuth(SessionAuth):
    """The session, with Django's CSRF check on unsafe methods (ninja's default for SessionAuth)."""


API_AUTH = [TokenAuth(), BrowserSessionAuth()]
