"""Erasures in the admin: read-only, the record that an erasure happened. Retention rules
are set by the owner on the personal-data page; the admin may read and fix them."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from ancrage.privacy.models import Erasure, RetentionSetting


@admin.register(Erasure)
class ErasureAdmin(admin.ModelAdmin):
    list_display = ["erased_at", "coachee_id", "practice", "reason", "erased_by"]
    list_filter = ["practice", "reason"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(RetentionSetting)
class RetentionSettingAdmin(admin.ModelAdmin):
    list_display = ["practice", "alumni_months", "updated_at"]
