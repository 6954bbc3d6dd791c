import datetime as dt

import pytest

from salon.accounts.domain.tokens import issue_token, user_for_token
from salon.accounts.models import ApiToken
from salon.conftest import make_user


@pytest.mark.django_db
def test_token_resolves_user_and_digest_only_stored():
    user = make_user("tina")
    clear = issue_token(user, "gate 3")
    assert user_for_token(clear) == user
    stored = ApiToken.objects.get()
    assert clear not in (stored.digest, stored.prefix) and stored.digest != ""


@pytest.mark.django_db
def test_token_forged_revoked_or_malformed_rejected():
    user = make_user("tina")
    clear = issue_token(user, "gate 3")
    assert user_for_token(clear[:-2] + "xx") is None
    assert user_for_token("not-a-token") is None
    assert user_for_token("sln_" + "a" * 500) is None
    ApiToken.objects.update(revoked=True)
    assert user_for_token(clear) is None


@pytest.mark.django_db
def test_token_last_used_written_at_most_once_a_minute():
    user = make_user("tina")
    clear = issue_token(user, "gate 3")
    user_for_token(clear)
    first = ApiToken.objects.get().last_used_at
    user_for_token(clear)
    assert ApiToken.objects.get().last_used_at == first
    ApiToken.objects.update(last_used_at=first - dt.timedelta(minutes=2))
    user_for_token(clear)
    assert ApiToken.objects.get().last_used_at > first - dt.timedelta(minutes=2)
