from django import template

from ancrage.lib.phone import pretty

register = template.Library()


@register.filter
def phone(value: str) -> str:
    """+33612345678 -> +33 6 12 34 56 78"""
    return pretty(value or "")
