"""The OpenAPI document and its docs page, served from our own static files."""

from __future__ import annotations

from django.contrib.staticfiles import finders


def test_the_openapi_document_lists_every_endpoint_and_the_bearer_scheme(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.")
    assert document["components"]["securitySchemes"]["BearerToken"]["scheme"] == "bearer"
    assert {"/api/coachees", "/api/coachees/{coachee_id}/messages", "/api/analysis"} <= set(
        document["paths"]
    )
    send = document["paths"]["/api/coachees/{coachee_id}/messages"]["post"]
    assert {"201", "409", "422"} <= set(send["responses"])


def test_the_docs_page_loads_swagger_ui_from_our_static_files_under_the_csp(client):
    response = client.get("/api/docs")
    assert response.status_code == 200
    page = response.content.decode()
    assert "/static/ninja/swagger-ui-bundle.js" in page and "/static/ninja/swagger-ui.css" in page
    assert "cdn" not in page.lower() and "https://" not in page
    assert "script-src 'self'" in response["Content-Security-Policy"]
    for name in ("ninja/swagger-ui-bundle.js", "ninja/swagger-ui-init.js", "ninja/swagger-ui.css"):
        assert finders.find(name), name
