"""Credential encryption with Fernet keys from ANCRAGE_ENCRYPTION_KEY."""

import pytest

from ancrage.lib.crypto import (
    ENV_VAR,
    CredentialKeyError,
    decrypt_json,
    encrypt_json,
    generate_key,
    reencrypt_json,
)

CREDENTIALS = {"account_sid": "AC123", "auth_token": "s3cret", "from_number": "+33939000000"}


@pytest.fixture
def key(monkeypatch):
    value = generate_key()
    monkeypatch.setenv(ENV_VAR, value)
    return value


def test_credentials_survive_a_round_trip(key):
    token = encrypt_json(CREDENTIALS)

    assert decrypt_json(token) == CREDENTIALS
    assert "s3cret" not in token


def test_each_encryption_is_different(key):
    assert encrypt_json(CREDENTIALS) != encrypt_json(CREDENTIALS)


def test_a_missing_key_is_a_clear_error(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)

    with pytest.raises(CredentialKeyError, match=ENV_VAR):
        encrypt_json(CREDENTIALS)


def test_an_invalid_key_is_a_clear_error(monkeypatch):
    monkeypatch.setenv(ENV_VAR, "not-a-fernet-key")

    with pytest.raises(CredentialKeyError, match="not a valid Fernet key"):
        encrypt_json(CREDENTIALS)


def test_a_token_from_another_key_cannot_be_decrypted(key):
    token = encrypt_json(CREDENTIALS, environ={ENV_VAR: generate_key()})

    with pytest.raises(CredentialKeyError):
        decrypt_json(token)


def test_a_garbage_token_is_a_clear_error(key):
    with pytest.raises(CredentialKeyError):
        decrypt_json("garbage")


def test_old_tokens_still_decrypt_after_a_new_key_is_put_first(key, monkeypatch):
    old_token = encrypt_json(CREDENTIALS)
    new_key = generate_key()
    monkeypatch.setenv(ENV_VAR, f"{new_key}, {key}")

    assert decrypt_json(old_token) == CREDENTIALS
    rotated = reencrypt_json(old_token)
    assert decrypt_json(rotated, environ={ENV_VAR: new_key}) == CREDENTIALS


def test_the_first_key_encrypts(key, monkeypatch):
    new_key = generate_key()
    monkeypatch.setenv(ENV_VAR, f"{new_key},{key}")

    token = encrypt_json(CREDENTIALS)

    assert decrypt_json(token, environ={ENV_VAR: new_key}) == CREDENTIALS
    with pytest.raises(CredentialKeyError):
        decrypt_json(token, environ={ENV_VAR: key})
