"""The autonomy panel's data for the coachee page, so that coaching's view stays untouched."""

from __future__ import annotations

from django import template

from ancrage.autonomy.services import Autonomy, autonomy_of
from ancrage.coaching.models import Engagement

register = template.Library()


@register.simple_tag
def autonomy_for(engagement: Engagement | None) -> Autonomy | None:
    """Usage: {% autonomy_for engagement as autonomy %}"""
    if engagement is None:
        return None
    return autonomy_of(engagement)
