import pytest

from ancrage.messaging.providers.android import AndroidGatewayProvider
from ancrage.messaging.providers.registry import PROVIDERS, load_provider_class
from ancrage.messaging.providers.twilio import TwilioProvider
from ancrage.messaging.providers.vonage import VonageProvider


@pytest.mark.parametrize("provider", [TwilioProvider, VonageProvider, AndroidGatewayProvider])
def test_each_real_provider_is_registered_under_its_code(provider):
    assert load_provider_class(provider.code) is provider


def test_the_simulator_is_registered_for_the_other_half_of_the_app():
    assert PROVIDERS["simulator"] == "ancrage.messaging.providers.simulator.SimulatorProvider"


def test_an_unknown_code_says_which_codes_exist():
    with pytest.raises(KeyError, match="twilio"):
        load_provider_class("carrier-pigeon")
