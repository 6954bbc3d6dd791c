"""The web pages' glue to `salon.errors`, shared by every app's views (as `salon.api` is for the API):
NotAllowed becomes the 403 page, htmx requests get fragments, forms lose Django's label colon."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _

from salon.editions.domain.venue import edition_by_ref
from salon.editions.models import Edition
from salon.errors import NotAllowed


def forbidden_as_403(view: Callable) -> Callable:
    """The domain's NotAllowed is the 403 page, wherever in the view it is raised."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except NotAllowed as exc:
            raise PermissionDenied(_("You may not do this.")) from exc

    return wrapper


def is_htmx_partial(request: HttpRequest) -> bool:
    # htmx asks for the fragment; on a history restore it needs the whole page again.
    return request.headers.get("HX-Request") == "true" and not request.headers.get(
        "HX-History-Restore-Request"
    )


class SalonForm(forms.Form):
    """Labels without Django's trailing colon: the layout sets labels apart already."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def edition_or_404(ref: str) -> Edition:
    edition = edition_by_ref(ref)
    if edition is None:
        raise Http404(_("No such edition."))
    return edition
