"""The OpenAPI document tested against a running server with schemathesis: for every
operation, generated requests (valid and invalid, all phases but the stateful one) never
get a 5xx, and every response matches what the document declares (status, content type,
body schema). The schemathesis CLI runs as a subprocess against Django's live server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ancrage.api import tokens
from ancrage.api.api import api

CHECKS = ",".join(
    [
        "not_a_server_error",
        "status_code_conformance",
        "content_type_conformance",
        "response_schema_conformance",
        "negative_data_rejection",  # an invalid request is refused (4xx), never accepted
        "ignored_auth",  # without the token: 401
    ]
)
EXAMPLES_PER_OPERATION = 40


def test_the_api_matches_its_openapi_document(live_server, settings, camille_data, alice, tmp_path):
    # live_server: this process's Django on a loopback port, on the test database, where
    # Camille's thread, check-in, metric value and journal entry are.
    settings.ANCRAGE_API_RATE = settings.ANCRAGE_API_ANALYSIS_RATE = "1000000/min"
    token = tokens.issue(alice, "schemathesis")[1]
    command = [
        str(Path(sys.executable).with_name("schemathesis")),
        "run",
        f"{live_server.url}/api/openapi.json",
        "--header",
        f"Authorization: Bearer {token}",
        "--checks",
        CHECKS,
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        str(EXAMPLES_PER_OPERATION),
        "--seed",
        "15",  # the same requests at each run: a failure can be replayed
        "--workers",
        "1",
        "--generation-database",
        "none",
        "--no-color",
    ]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    operations = sum(len(methods) for methods in api.get_openapi_schema()["paths"].values())
    assert f"Tested: {operations}" in run.stdout, run.stdout[-2000:]  # none skipped
    print(run.stdout[-1200:])  # the figures, with pytest -s
