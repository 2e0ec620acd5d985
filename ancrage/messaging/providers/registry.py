"""Which class implements each provider code, as dotted paths so nothing is imported early.

A provider SDK is only imported when its class is first loaded.
"""

from __future__ import annotations

from importlib import import_module

from .base import Provider

PROVIDERS: dict[str, str] = {
    "simulator": "ancrage.messaging.providers.simulator.SimulatorProvider",
    "twilio": "ancrage.messaging.providers.twilio.TwilioProvider",
    "vonage": "ancrage.messaging.providers.vonage.VonageProvider",
    "android": "ancrage.messaging.providers.android.AndroidGatewayProvider",
}


class UnknownProvider(KeyError):
    pass


def load_provider_class(code: str) -> type[Provider]:
    """The Provider subclass registered under `code`."""
    try:
        dotted_path = PROVIDERS[code]
    except KeyError:
        raise UnknownProvider(
            f"unknown SMS provider {code!r}; known: {sorted(PROVIDERS)}"
        ) from None
    module_name, _, class_name = dotted_path.rpartition(".")
    provider_class = getattr(import_module(module_name), class_name)
    if not (isinstance(provider_class, type) and issubclass(provider_class, Provider)):
        raise TypeError(f"{dotted_path} is not a Provider")
    return provider_class
