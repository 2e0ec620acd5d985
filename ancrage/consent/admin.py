"""Consent in the admin: read-only. Changes go through ancrage.consent.services only."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ancrage.consent.models import ConsentEvent, PhoneConsent


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(PhoneConsent)
class PhoneConsentAdmin(ReadOnlyAdmin):
    list_display = ["phone", "practice", "opted_out", "changed_at"]
    list_filter = ["practice", "opted_out"]
    search_fields = ["phone"]


@admin.register(ConsentEvent)
class ConsentEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "phone", "practice", "opted_out", "source", "actor", "detail"]
    list_filter = ["practice", "source", "opted_out"]
    search_fields = ["phone", "detail"]
