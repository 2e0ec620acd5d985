"""The French catalogue is complete, and what the admin shows of our models is translated."""

from __future__ import annotations

import re

import pytest
from django.apps import apps
from django.contrib import admin
from django.utils import translation
from django.utils.functional import Promise

from tests.po import FRENCH_PO, read_po

PLACEHOLDERS = re.compile(r"%\(\w+\)[sdif]|%[sdif%]")

# Fields of coaching models the admin shows with Django's automatic English name (a field
# without verbose_name): naming them needs a migration of ancrage.coaching, whose
# migrations another change owns. Remove entries as they get a translated name.


def entries():
    return [entry for entry in read_po() if entry.msgid]


def test_every_french_string_is_translated_and_none_is_a_guess():
    missing = [
        f"{entry.where}: {entry.msgid!r}"
        + (" (fuzzy: a guess from a similar string)" if "fuzzy" in entry.flags else "")
        for entry in entries()
        if not entry.translated
    ]
    assert missing == [], f"{len(missing)} untranslated in {FRENCH_PO.name}:\n" + "\n".join(missing)


def test_translations_keep_the_placeholders_of_their_english():
    wrong = [
        f"{entry.where}: {entry.msgid!r} -> {text!r}"
        for entry in entries()
        for text in entry.msgstr.values()
        if text
        and sorted(PLACEHOLDERS.findall(text)) != sorted(PLACEHOLDERS.findall(entry.msgid))
        and not entry.msgid_plural
    ]
    assert wrong == []


def test_the_compiled_catalogue_is_newer_than_its_source():
    compiled = FRENCH_PO.with_suffix(".mo")
    assert compiled.exists() and compiled.stat().st_mtime >= FRENCH_PO.stat().st_mtime - 1, (
        "run `make translations` (or `make messages`) to compile the French catalogue"
    )


def our_admin_models():
    return [
        model
        for model in admin.site._registry
        if model.__module__.startswith("ancrage.") and model in apps.get_models()
    ]


def test_our_models_in_the_admin_have_french_names():
    assert our_admin_models(), "no Ancrage model registered in the admin?"
    translated = {entry.msgid for entry in entries() if entry.translated}
    untranslated = []
    for model in our_admin_models():
        names = [
            (f"{model._meta.label} (name)", model._meta.verbose_name),
            (f"{model._meta.label} (plural)", model._meta.verbose_name_plural),
        ]
        names += [
            (f"{model._meta.label}.{field.name}", field.verbose_name)
            for field in model._meta.get_fields()
            if field.concrete and not field.auto_created
        ]
        for where, name in names:
            with translation.override(None):  # no translation active: the msgid itself
                msgid = str(name)
            with translation.override("fr"):  # a library's field comes with its own French
                french = str(name)
            if not isinstance(name, Promise) or (msgid not in translated and french == msgid):
                untranslated.append(f"{where}: {msgid!r}")
    assert untranslated == [], "\n".join(untranslated)


@pytest.mark.parametrize(
    ("language", "header", "plural"),
    [
        ("fr", "Administration d'Ancrage", "SMS simulé"),
        ("en", "Ancrage administration", "simulated SMS"),
    ],
)
def test_the_admin_speaks_the_language_of_the_page(language, header, plural):
    from ancrage.messaging.models import SimulatedSms

    with translation.override(language):
        assert str(admin.site.site_header) == header
        assert str(SimulatedSms._meta.verbose_name_plural) == plural  # not "Simulated smss"


def test_the_admin_index_is_in_french_for_a_french_staff_member(client, django_user_model):
    staff = django_user_model.objects.create_superuser("root", "root@example.com", "pw-root")
    client.force_login(staff)
    html = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "Administration d&#x27;Ancrage" in html or "Administration d'Ancrage" in html
    assert "Comptes fournisseurs" in html and "Administration de Django" not in html
    form = client.get("/admin/messaging/simulatedsms/add/", HTTP_ACCEPT_LANGUAGE="fr")
    html = form.content.decode()
    assert "Créé le" in html and "Identifiant du simulateur" in html
    assert "Created at" not in html and "Sim id" not in html
