"""The base of every typed domain error.

Each operation raises a subclass carrying a stable machine-readable `code` (never renamed: API
clients and gate devices switch on it) and a human message. The API turns them into 4xx answers,
the CLI into command errors, the UI into form errors.
"""

from __future__ import annotations


class DomainError(Exception):
    status: int = 400

    def __init__(self, code: str, message: str, *, status: int | None = None, field: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        if status is not None:
            self.status = status


class NotAllowed(DomainError):
    """The user is known but may not do this (403)."""

    status = 403

    def __init__(self, message: str = "You may not do this.", code: str = "forbidden"):
        super().__init__(code, message)


class NotFound(DomainError):
    status = 404

    def __init__(self, message: str = "Not found.", code: str = "not_found"):
        super().__init__(code, message)
