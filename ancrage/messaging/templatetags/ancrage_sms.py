from __future__ import annotations

from django import template
from django.utils.translation import get_language

from ancrage.messaging.models import Message

register = template.Library()


@register.simple_tag
def error_for_coach(message: Message) -> str:
    """The provider's error as a sentence, in the language the page is shown in."""
    return message.error_for_coach(get_language() or "fr")
