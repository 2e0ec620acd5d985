"""`ancrage answer`: one JSON object on stdout, exit 0; bad arguments are argparse errors."""

import json
import subprocess
import sys

import pytest

from ancrage.analysis.answers_cli import main


def ancrage(*args: str) -> subprocess.CompletedProcess[str]:
    # the real command line, through `ancrage.cli`, as a shell would run it
    return subprocess.run(
        [sys.executable, "-m", "ancrage.cli", *args], capture_output=True, text=True, check=False
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--kind", "number", "trois devis partis"], {"kind": "number", "value": 3}),
        (["--kind", "scale", "--lang", "en", "nine out of ten"], {"kind": "scale", "value": 9}),
        (["--kind", "yesno", "oui c'est envoyé"], {"kind": "yesno", "value": True}),
        (["--kind", "money", "--lang", "en", "$2,300"], {"kind": "money", "value": 2300}),
        (["--kind", "money", "2,5k"], {"kind": "money", "value": 2500}),
    ],
)
def test_an_understood_answer_prints_its_value_as_json(args, expected) -> None:
    result = ancrage("answer", *args)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {**expected, "understood": True}


def test_an_unclear_answer_prints_null_and_still_exits_zero() -> None:
    result = ancrage("answer", "--kind", "number", "3 ou 4")
    assert result.returncode == 0
    assert result.stdout == '{"kind": "number", "value": null, "understood": false}\n'


def test_text_keeps_its_accents_and_emoji_in_the_json(capsys) -> None:
    assert main(["--kind", "text", "  Très bien 👍 "]) == 0
    assert (
        capsys.readouterr().out == '{"kind": "text", "value": "Très bien 👍", "understood": true}\n'
    )


def test_scale_bounds_are_options(capsys) -> None:
    assert main(["--kind", "scale", "--low", "1", "--high", "5", "4/5"]) == 0
    assert json.loads(capsys.readouterr().out)["value"] == 4


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--kind", "date", "3"], "invalid choice: 'date'"),
        (["--kind", "number", "--lang", "de", "3"], "invalid choice: 'de'"),
        (["--kind", "number"], "the following arguments are required: text"),
        (["3"], "the following arguments are required: --kind"),
        (["--kind", "scale", "--low", "9", "--high", "2", "5"], "--low 9 is above --high 2"),
    ],
)
def test_bad_arguments_are_usage_errors_not_tracebacks(args, message) -> None:
    result = ancrage("answer", *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_the_answer_command_never_loads_django() -> None:
    code = (
        "import sys; from ancrage.cli import main; main(['answer', '--kind', 'number', '3']);"
        "print([m for m in sys.modules if m.startswith('django')])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[-1] == "[]"


def test_the_command_is_documented_in_the_ancrage_help() -> None:
    from ancrage import cli

    assert "ancrage answer --kind" in (cli.__doc__ or "")
