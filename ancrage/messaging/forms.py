from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ancrage.coaching.models import Coachee, Practice
from ancrage.messaging.outbound import CannotSend, check_sendable
from ancrage.messaging.providers.base import ProviderError
from ancrage.messaging.providers.errors import URL_REFUSED
from ancrage.messaging.providers.urls import UrlPolicy, check_api_url


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Message"),
        strip=False,
        required=False,  # emptiness gets its own, clearer message below
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, coachee: Coachee, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.coachee = coachee

    def clean_body(self) -> str:
        body = self.cleaned_data.get("body") or ""
        try:
            check_sendable(self.coachee, body)
        except CannotSend as error:
            raise forms.ValidationError(str(error)) from None
        return body


class SimulatedReplyForm(forms.Form):
    body = forms.CharField(label=_("Reply as the client"), widget=forms.Textarea(attrs={"rows": 2}))


_LABELS = {
    "account_sid": _("Account SID"),
    "auth_token": _("Auth Token"),
    "messaging_service_sid": _("Messaging Service SID (optional, MG…)"),
    "api_key": _("API key"),
    "api_secret": _("API secret"),
    "signature_secret": _("Signature secret"),
    "signature_method": _("Signature method"),
    "username": _("Username"),
    "password": _("Password"),
    "webhook_signing_key": _("Webhook signing key"),
    "api_base_url": _("API URL (optional)"),
}
PROVIDER_FIELDS = {
    "twilio": ["account_sid", "auth_token", "messaging_service_sid", "api_base_url"],
    "vonage": ["api_key", "api_secret", "signature_secret", "signature_method", "api_base_url"],
    "android": ["username", "password", "webhook_signing_key", "api_base_url"],
}
REQUIRED = {"account_sid", "api_key", "username"}
# The phone's URL is part of SMS Gateway for Android's setup; the others only with
# ANCRAGE_SMS_CUSTOM_API_URLS (tests, self-hosted), never typed by an owner in production.
URL_ALWAYS_SETTABLE = {"android"}
SENDER_LABEL = {
    "twilio": _("Sending number (E.164, e.g. +33939…) unless a Messaging Service is set"),
    "vonage": _("Sending number or sender id"),
}


class ProviderAccountForm(forms.Form):
    """Credentials for one provider. Secrets are never shown back; blank keeps them."""

    sender = forms.CharField(max_length=20, required=False)
    max_per_minute = forms.IntegerField(
        label=_("SMS per minute at most (0: no limit)"), min_value=0, max_value=6000, initial=60
    )
    use_to_send = forms.BooleanField(label=_("Send this practice's SMS with it"), required=False)

    def __init__(self, *args, provider: str, has_secrets: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.provider = provider
        for key in self.config_keys():
            self.fields[key] = self._field(key, has_secrets)
        if provider in SENDER_LABEL:
            self.fields["sender"].label = SENDER_LABEL[provider]
        else:
            del self.fields["sender"]
        if provider == "android":
            self.fields["api_base_url"].help_text = _(
                "Local server: http://<phone-ip>:8080. Empty: the cloud server."
            )
            self.fields["max_per_minute"].initial = 20

    @staticmethod
    def _field(key: str, has_secrets: bool) -> forms.Field:
        from ancrage.messaging.accounts import SECRET_KEYS

        label = _LABELS[key]
        if key == "signature_method":
            methods = ["sha256", "sha512", "sha1", "md5", "md5hash"]
            return forms.ChoiceField(label=label, choices=[(m, m) for m in methods])
        if key in SECRET_KEYS:
            help_text = _("Stored encrypted. Leave blank to keep the current one.")
            return forms.CharField(
                label=label,
                required=not has_secrets,
                widget=forms.PasswordInput(render_value=False),
                help_text=help_text if has_secrets else "",
            )
        if key == "api_base_url":
            return forms.URLField(label=label, required=False, assume_scheme="https")
        return forms.CharField(label=label, max_length=200, required=key in REQUIRED)

    def config_keys(self) -> list[str]:
        keys = PROVIDER_FIELDS[self.provider]
        if self.provider in URL_ALWAYS_SETTABLE or settings.SMS_CUSTOM_API_URLS:
            return keys
        return [key for key in keys if key != "api_base_url"]

    def clean_api_base_url(self) -> str:
        url = self.cleaned_data.get("api_base_url") or ""
        if not url:
            return url
        try:
            return check_api_url(url, UrlPolicy.from_settings())
        except ProviderError as error:
            if error.code == URL_REFUSED:
                raise forms.ValidationError(
                    _(
                        "This address is on a private or local network: refused. The "
                        "server's operator can allow its network (ANCRAGE_SMS_PRIVATE_NETWORKS)."
                    )
                ) from None
            raise forms.ValidationError(
                _("No server answers to this name: check the address.")
            ) from None

    def clean(self) -> dict:
        data = super().clean() or {}
        if self.provider == "twilio" and not (
            data.get("sender") or data.get("messaging_service_sid")
        ):
            raise forms.ValidationError(
                _("Give a sending number or a Messaging Service SID: Twilio needs one of them.")
            )
        return data

    def provider_config(self) -> dict[str, str]:
        # A field not offered is saved empty: a URL stored earlier is dropped.
        return {key: self.cleaned_data.get(key) or "" for key in PROVIDER_FIELDS[self.provider]}


class QuietHoursForm(forms.ModelForm):
    class Meta:
        model = Practice
        fields = ["quiet_start", "quiet_end", "quiet_sundays", "quiet_holidays_country"]
        widgets = {
            "quiet_start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "quiet_end": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean_quiet_holidays_country(self) -> str:
        import holidays

        code = (self.cleaned_data.get("quiet_holidays_country") or "").strip().upper()
        if code and code not in holidays.list_supported_countries():
            raise forms.ValidationError(
                _("Unknown country code %(code)s: use two letters such as FR, BE, CH or CA.")
                % {"code": code}
            )
        return code
