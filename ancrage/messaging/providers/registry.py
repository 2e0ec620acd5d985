"""Provider codes -> classes, as dotted paths so nothing is imported before it is used."""

from __future__ import annotations

from django.utils.module_loading import import_string

from ancrage.messaging.providers.base import Provider

PROVIDERS: dict[str, str] = {
    "simulator": "ancrage.messaging.providers.simulator.SimulatorProvider",
}


class UnknownProvider(LookupError):
    pass


def load_provider_class(code: str) -> type[Provider]:
    try:
        return import_string(PROVIDERS[code])
    except KeyError:
        raise UnknownProvider(code) from None
