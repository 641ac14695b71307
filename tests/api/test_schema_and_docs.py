"""The OpenAPI schema builds without a warning and the docs pages load their assets from our own static files."""
import re

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_schema_validates_with_no_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    assert "/api/submissions/{submission_id}/events/" in (tmp_path / "schema.yml").read_text()


def test_the_schema_is_public_and_documents_the_token_scheme():
    response = Client().get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    schema = response.json()
    assert response.status_code == 200 and schema["info"]["title"] == "PyTorch desde cero API"
    assert schema["components"]["securitySchemes"]["clavePersonal"]["scheme"] == "bearer"
    assert "304" in schema["paths"]["/api/submissions/{submission_id}/"]["get"]["responses"]
    assert "text/event-stream" in str(schema["paths"]["/api/submissions/{submission_id}/events/"])


@pytest.mark.parametrize("url", ["/api/docs/", "/api/redoc/"])
def test_docs_pages_load_assets_from_our_static_files_only(url):
    html = Client().get(url).content.decode()
    sources = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert sources and all(not s.startswith(("http:", "https:", "//")) for s in sources), sources
    assert any("drf_spectacular_sidecar" in s for s in sources)
