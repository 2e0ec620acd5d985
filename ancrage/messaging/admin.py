import json

from django import forms
from django.contrib import admin

from ancrage.messaging import credentials
from ancrage.messaging.models import Message, ProviderAccount, SimulatedSms, WebhookEvent


@admin.register(Message)
class MessageAdmin(admin.ModelAdmin):
    list_display = ["created_at", "coachee", "direction", "status", "kind", "provider", "segments"]
    list_filter = ["practice", "direction", "status", "kind", "provider"]
    search_fields = ["body", "provider_message_id", "coachee__phone"]
    raw_id_fields = ["coachee", "engagement", "sent_by"]


@admin.register(WebhookEvent)
class WebhookEventAdmin(admin.ModelAdmin):
    list_display = ["received_at", "practice", "provider", "kind", "processed_at", "error"]
    list_filter = ["provider", "kind"]


@admin.register(SimulatedSms)
class SimulatedSmsAdmin(admin.ModelAdmin):
    list_display = ["created_at", "to", "body"]


class ProviderAccountAdminForm(forms.ModelForm):
    """Credentials go in as JSON and are stored encrypted; they are never shown back."""

    new_credentials = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text='JSON, e.g. {"account_sid": "AC...", "auth_token": "..."}. '
        "Empty keeps the stored credentials.",
    )

    class Meta:
        model = ProviderAccount
        fields = ["practice", "provider", "sender", "is_active", "max_per_minute"]

    def clean_new_credentials(self) -> dict | None:
        raw = self.cleaned_data.get("new_credentials", "").strip()
        if not raw:
            if not self.instance.pk:
                raise forms.ValidationError("Give the credentials for a new account.")
            return None
        try:
            data = json.loads(raw)
        except ValueError as error:
            raise forms.ValidationError(f"Not valid JSON: {error}") from None
        if not isinstance(data, dict):
            raise forms.ValidationError("Give a JSON object of setting: value.")
        return data

    def save(self, commit: bool = True) -> ProviderAccount:
        account = super().save(commit=False)
        if self.cleaned_data.get("new_credentials") is not None:
            account.credentials = credentials.encrypt(self.cleaned_data["new_credentials"])
        if commit:
            account.save()
        return account


@admin.register(ProviderAccount)
class ProviderAccountAdmin(admin.ModelAdmin):
    form = ProviderAccountAdminForm
    list_display = ["practice", "provider", "sender", "is_active", "last_check_ok", "updated_at"]
    list_filter = ["provider", "is_active"]
    readonly_fields = ["last_check_at", "last_check_ok", "last_check_message"]
