"""The practice's SMS settings page: provider accounts, webhook URLs, quiet hours, usage.

Every coach of the practice sees the status; only the owner changes anything.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ancrage.coaching.access import CoachRequest, coach_required
from ancrage.lib.crypto import CredentialKeyError
from ancrage.messaging import accounts, services
from ancrage.messaging.forms import ProviderAccountForm, QuietHoursForm
from ancrage.messaging.providers.registry import load_provider_class

# The provider in words, never its code: « Envoi avec : le simulateur SMS local ».
PROVIDER_NAMES = {
    services.SIMULATOR: gettext_lazy("the local SMS simulator (nothing leaves this computer)"),
    "twilio": "Twilio",
    "vonage": "Vonage",
    "android": gettext_lazy("SMS Gateway for Android (your own phone)"),
}

# What each webhook URL receives, in words beside the provider's own term.
WEBHOOK_LABELS = {
    "inbound": gettext_lazy("Incoming SMS (inbound)"),
    "status": gettext_lazy("Delivery reports (status)"),
    "events": gettext_lazy("Incoming SMS and delivery reports (events)"),
}


def owner_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapper(request: CoachRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.coach.is_owner:
            return render(request, "messaging/owner_only.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def _provider_or_404(provider: str) -> str:
    if provider not in accounts.REAL_PROVIDERS:
        raise Http404("unknown provider")
    return provider


def _account_form(request: CoachRequest, provider: str, data: Any = None) -> ProviderAccountForm:
    account = accounts.account_of(request.coach.practice, provider)
    initial: dict[str, Any] = {}
    if account is not None:
        config = accounts.stored_config(account)
        initial = {k: v for k, v in config.items() if k not in accounts.SECRET_KEYS}
        initial.update(
            sender=account.sender,
            max_per_minute=account.max_per_minute,
            use_to_send=account.is_active,
        )
    return ProviderAccountForm(
        data, provider=provider, has_secrets=account is not None, initial=initial, prefix=provider
    )


def _page(request: CoachRequest, forms: dict[str, ProviderAccountForm] | None = None, **extra):
    practice = request.coach.practice
    providers = []
    for code in accounts.REAL_PROVIDERS:
        providers.append(
            {
                "code": code,
                "label": load_provider_class(code).label,
                "account": accounts.account_of(practice, code),
                "form": (forms or {}).get(code) or _account_form(request, code),
                "urls": [
                    (kind, WEBHOOK_LABELS[kind], services.webhook_url(practice, code, kind))
                    for kind in accounts.WEBHOOK_KINDS[code]
                ],
            }
        )
    context = {
        "practice": practice,
        "sending_with": PROVIDER_NAMES.get(practice.sms_provider, practice.sms_provider),
        "providers": providers,
        "usage": services.segments_this_month(practice),
        "quiet_form": extra.pop("quiet_form", None) or QuietHoursForm(instance=practice),
        "can_edit": request.coach.is_owner,
        **extra,
    }
    status = 422 if extra.get("invalid") else 200
    return render(request, "messaging/sms_settings.html", context, status=status)


@coach_required
def sms_settings(request: CoachRequest) -> HttpResponse:
    return _page(request)


@coach_required
@require_POST
@owner_required
def save_account(request: CoachRequest, provider: str) -> HttpResponse:
    provider = _provider_or_404(provider)
    form = _account_form(request, provider, request.POST)
    if not form.is_valid():
        return _page(request, {provider: form}, invalid=True)
    try:
        accounts.save_account(
            request.coach.practice,
            provider,
            form.provider_config(),
            sender=form.cleaned_data.get("sender") or "",
            max_per_minute=form.cleaned_data["max_per_minute"],
            use_to_send=form.cleaned_data["use_to_send"],
        )
    except CredentialKeyError as error:
        form.add_error(None, str(error))
        return _page(request, {provider: form}, invalid=True)
    messages.success(request, _("%(provider)s settings saved.") % {"provider": provider.title()})
    return redirect("sms_settings")


@coach_required
@require_POST
@owner_required
def test_account(request: CoachRequest, provider: str) -> HttpResponse:
    account = accounts.account_of(request.coach.practice, _provider_or_404(provider))
    if account is None:
        raise Http404("no account")
    account = accounts.check_connection(account, get_language() or "fr")
    if account.last_check_ok:
        messages.success(
            request, _("Connection OK: %(info)s") % {"info": account.last_check_message}
        )
    else:
        messages.error(
            request, _("Connection failed: %(info)s") % {"info": account.last_check_message}
        )
    return redirect("sms_settings")


@coach_required
@require_POST
@owner_required
def save_quiet_hours(request: CoachRequest) -> HttpResponse:
    form = QuietHoursForm(request.POST, instance=request.coach.practice)
    if not form.is_valid():
        return _page(request, quiet_form=form, invalid=True)
    form.save()
    messages.success(request, _("Quiet hours saved."))
    return redirect("sms_settings")
