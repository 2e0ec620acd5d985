from django.contrib import admin

from ancrage.team.models import Invitation


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    """Read-only: invitations are sent, re-sent and withdrawn from the Team page."""

    list_display = ["email", "practice", "role", "sent_at", "accepted_at", "revoked_at"]
    list_filter = ["practice", "role"]
    exclude = ["nonce"]  # part of the link's token: never shown

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
