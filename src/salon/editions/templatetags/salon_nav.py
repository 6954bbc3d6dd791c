"""The edition the top menu points to: the page's own edition, else the next one, else the latest."""

from __future__ import annotations

from django import template
from django.utils import timezone

from salon.editions.models import Edition

register = template.Library()


@register.simple_tag(takes_context=True)
def menu_edition(context) -> Edition | None:
    edition = context.get("edition")
    if isinstance(edition, Edition):
        return edition
    today = timezone.localdate()
    upcoming = Edition.objects.filter(end_date__gte=today).order_by("start_date").first()
    return upcoming or Edition.objects.order_by("-start_date").first()
