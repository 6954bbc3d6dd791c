from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from salon.accounts.models import ApiToken

TOKEN_PREFIX = "sln_"
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def issue_token(user, name: str) -> str:
    """Create a token and return its clear value, which is never stored."""
    clear = TOKEN_PREFIX + secrets.token_urlsafe(32)
    ApiToken.objects.create(user=user, name=name[:100] or "api", prefix=clear[4:12], digest=_digest(clear))
    return clear


def user_for_token(clear: str):
    """The active user owning this token, or None for an unknown, revoked or malformed one."""
    if not clear or not clear.startswith(TOKEN_PREFIX) or len(clear) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(digest=_digest(clear), revoked=False).first()
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    # A gate sends hundreds of requests a minute: record use at most once a minute, not on every request.
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
