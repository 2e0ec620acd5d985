from django.contrib import admin

from ancrage.messaging.models import Message, SimulatedSms, WebhookEvent


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "coachee", "direction", "status", "provider", "segments"]
    list_filter = ["practice", "direction", "status", "provider"]
    search_fields = ["body", "provider_message_id", "coachee__phone"]
    raw_id_fields = ["coachee", "engagement", "sent_by"]


@admin.register(WebhookEvent)
class WebhookEventAdmin(admin.ModelAdmin):
    list_display = ["received_at", "practice", "provider", "kind", "processed_at", "error"]
    list_filter = ["provider", "kind"]


@admin.register(SimulatedSms)
class SimulatedSmsAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to", "body"]
