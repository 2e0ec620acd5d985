from __future__ import annotations

from django import template

from ancrage.coaching.models import Coach, Coachee
from ancrage.privacy.views import may_handle

register = template.Library()


@register.simple_tag
def may_export_or_erase(coach: Coach | None, coachee: Coachee) -> bool:
    return coach is not None and may_handle(coach, coachee)
