"""Issue 13.3: the SMS settings page cannot make the server call its own network (SSRF)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from ancrage.messaging import accounts
from ancrage.messaging.models import ProviderAccount
from ancrage.messaging.providers.base import ProviderError
from ancrage.messaging.providers.twilio import TwilioProvider
from tests.security.conftest import SECRET_BODY

ANDROID = {"android-username": "u", "android-password": "p", "android-webhook_signing_key": "k"}
ANDROID.update({"android-max_per_minute": "20", "android-use_to_send": "on"})
TWILIO = {"twilio-account_sid": "AC1", "twilio-auth_token": "t", "twilio-sender": "+33939000000"}
TWILIO.update({"twilio-max_per_minute": "0", "twilio-use_to_send": "on"})


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:5432/",
        "http://localhost:8080",
        "http://10.1.2.3",
        "http://192.168.1.20:8080",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:8080",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0:80",
        "http://100.64.0.1",
        "ftp://8.8.8.8/",
    ],
)
def test_non_public_api_urls_are_refused_by_default(url):
    from ancrage.messaging.providers.urls import UrlPolicy, check_api_url

    with pytest.raises(ProviderError) as refused:
        check_api_url(url, UrlPolicy())
    assert refused.value.permanent


def test_a_network_the_operator_lists_is_allowed_and_only_that_one():
    import ipaddress

    from ancrage.messaging.providers.urls import UrlPolicy, check_api_url

    policy = UrlPolicy(private_networks=(ipaddress.ip_network("192.168.1.0/24"),))
    assert check_api_url("http://192.168.1.20:8080", policy) == "http://192.168.1.20:8080"
    with pytest.raises(ProviderError):
        check_api_url("http://192.168.2.20:8080", policy)
    assert check_api_url("https://8.8.8.8/api", UrlPolicy()) == "https://8.8.8.8/api"


def test_an_owner_cannot_point_the_android_gateway_at_the_servers_network(
    production_urls, internal_service, alice_client
):
    data = {**ANDROID, "android-api_base_url": internal_service.url + "/admin"}
    response = alice_client.post(reverse("sms_account_save", args=["android"]), data)
    assert response.status_code == 422
    assert "ANCRAGE_SMS_PRIVATE_NETWORKS" in response.content.decode()
    assert not ProviderAccount.objects.exists() and not internal_service.hits


def test_twilio_and_vonage_urls_cannot_be_typed_in_production(
    production_urls, internal_service, alice_client, practice_a
):
    page = alice_client.get(reverse("sms_settings")).content.decode()
    assert 'name="twilio-api_base_url"' not in page and 'name="vonage-api_base_url"' not in page
    data = {**TWILIO, "twilio-api_base_url": internal_service.url}
    assert alice_client.post(reverse("sms_account_save", args=["twilio"]), data).status_code == 302
    account = ProviderAccount.objects.get(practice=practice_a, provider="twilio")
    assert not accounts.stored_config(account).get("api_base_url")


def test_a_url_stored_before_is_ignored_for_twilio_and_refused_for_android(
    production_urls, internal_service, alice_client, practice_a
):
    config = {"account_sid": "AC1", "auth_token": "t", "api_base_url": internal_service.url}
    client = TwilioProvider(config)._client()
    assert client.api.base_url == "https://api.twilio.com"
    accounts.save_account(
        practice_a,
        "android",
        {"username": "u", "password": "p", "api_base_url": internal_service.url},
        sender="",
        max_per_minute=20,
        use_to_send=True,
    )
    response = alice_client.post(reverse("sms_account_test", args=["android"]), follow=True)
    assert "ANCRAGE_SMS_PRIVATE_NETWORKS" in response.content.decode()
    assert not internal_service.hits  # refused before any connection: no port oracle


@pytest.mark.parametrize("provider", ["twilio", "android"])
def test_a_connection_test_never_shows_what_the_remote_answered(
    provider, internal_service, alice_client, practice_a
):
    # Even where the operator allowed the address (here: the loopback, as in the tests).
    config = {"account_sid": "AC1", "auth_token": "t", "username": "u", "password": "p"}
    accounts.save_account(
        practice_a,
        provider,
        {**config, "api_base_url": internal_service.url},
        sender="+33939000000",
        max_per_minute=0,
        use_to_send=True,
    )
    response = alice_client.post(reverse("sms_account_test", args=[provider]), follow=True)
    assert internal_service.hits  # it was called...
    assert SECRET_BODY not in response.content.decode()  # ...and nothing of it is shown
    assert SECRET_BODY not in ProviderAccount.objects.get(provider=provider).last_check_message
