"""The `ancrage` command, called as main([...]) like a user would type it."""

import pytest

from ancrage.cli import main
from ancrage.coaching.models import Coachee, Practice
from ancrage.messaging.models import Message


def test_help_lists_every_command_with_an_example(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in (
        "ancrage demo",
        "ancrage serve",
        "ancrage worker",
        "ancrage sms send",
        "ancrage sms receive",
        "ancrage analyze",
    ):
        assert command in out


def test_sms_receive_simulates_a_reply_through_the_webhook_path(camille, capsys):
    assert main(["sms", "receive", "--from", "+33 6 12 34 56 78", "Merci pour hier"]) == 0
    message = Message.objects.get(body="Merci pour hier")
    assert (
        message.coachee == camille and message.direction == "in" and message.provider == "simulator"
    )
    assert "Camille" in capsys.readouterr().out


def test_sms_send_queues_a_message_with_its_cost(camille, capsys, tasks):
    assert main(["sms", "send", "--to", "06 12 34 56 78", "Où en es-tu de tes devis ?"]) == 0
    assert "1 SMS, GSM-7" in capsys.readouterr().out
    tasks()
    assert Message.objects.get(coachee=camille).status == "delivered"


def test_sms_send_to_an_unknown_number_says_so_and_stores_nothing(camille, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(["sms", "send", "--to", "06 99 88 77 66", "Bonjour"]) == 2
    assert "error: no client with number +33699887766" in capsys.readouterr().err
    assert not Message.objects.exists()


def test_sms_send_with_an_invalid_number_is_a_clear_error(camille, capsys, monkeypatch):
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert main(["sms", "send", "--to", "06 12", "Bonjour"]) == 2
    assert "error: “06 12” is not a valid phone number" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["fr_FR.UTF-8", "C.UTF-8", ""])
def test_cli_errors_are_all_french_in_a_french_or_neutral_shell(camille, capsys, monkeypatch, lang):
    for variable in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", lang)
    assert main(["sms", "send", "--to", "06 12", "Bonjour"]) == 2
    assert "erreur : « 06 12 » n’est pas un numéro de téléphone valide" in capsys.readouterr().err
    assert main(["sms", "send", "--to", "06 12 34 56 78", ""]) == 2
    error = capsys.readouterr().err
    assert error.startswith("erreur : ") and "error" not in error


def test_with_several_practices_the_practice_must_be_named(camille, practice_b, capsys):
    assert main(["sms", "receive", "--from", "0612345678", "Salut"]) == 2
    assert "--practice SLUG" in capsys.readouterr().err
    assert main(["sms", "receive", "--from", "0612345678", "Salut", "--practice", "alice"]) == 0


def test_demo_setup_is_idempotent(db, capsys):
    assert main(["demo", "--no-serve"]) == 0
    first = capsys.readouterr().out
    assert main(["demo", "--no-serve"]) == 0
    second = capsys.readouterr().out
    assert Practice.objects.count() == 1
    assert Coachee.objects.count() == 5
    assert Coachee.objects.filter(language="en").count() == 1
    assert first == second and "password" in first and "http://127.0.0.1:8000/" in first


def test_django_commands_pass_through(db, capsys):
    assert main(["check"]) == 0
    assert "no issues" in capsys.readouterr().out


def test_an_unknown_subcommand_option_is_refused(db):
    with pytest.raises(SystemExit) as exit_info:
        main(["sms", "send", "Bonjour"])  # --to is missing
    assert exit_info.value.code == 2


def test_every_command_is_documented_in_the_readme():
    from pathlib import Path

    from ancrage.cli import _parser

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    parser = _parser()
    subcommands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, sub in subcommands.items():
        assert f"ancrage {name}" in readme, f"`ancrage {name}` is missing from the README"
        for action in sub._actions:
            for flag in action.option_strings:
                if flag.startswith("--") and flag != "--help":
                    assert flag in readme, f"{flag} of `ancrage {name}` is missing from the README"
