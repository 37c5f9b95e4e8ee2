"""Datasette serves the published folder: a table page, a canned query and a full-text
search over HTTP, from a real `datasette serve --immutable` on 127.0.0.1.

Marked `publish` (not in the default run): `pip install ".[publish]"`, then
`python -m pytest -m publish`. Skips when Datasette is not installed.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from explorer.store.publish_datasette import publish_datasette
from explorer.store.publish_metadata import DATABASE_NAME

pytestmark = pytest.mark.publish
pytest.importorskip("datasette", reason='Datasette is not installed: pip install ".[publish]"')

START_TIMEOUT = 30.0  # seconds for Datasette to start answering


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode("utf-8")


@pytest.fixture
def server(catalog, tmp_path) -> Iterator[str]:
    """Datasette serving the published folder; yields its base URL, stops it after."""
    published = publish_datasette(catalog, tmp_path / "datasette")
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        "--immutable",
        str(published.database),
        "--metadata",
        str(published.metadata),
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    log = (tmp_path / "datasette.log").open("wb")
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                fetch(f"{base}/-/versions.json")
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    log.close()
                    pytest.fail(
                        "Datasette did not start: "
                        + (tmp_path / "datasette.log").read_text(errors="replace")
                    )
                time.sleep(0.2)
        yield f"{base}/{DATABASE_NAME}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def rows(url: str) -> list[dict]:
    status, body = fetch(url)
    assert status == 200
    return json.loads(body)


def test_a_table_page_shows_the_catalog_with_its_descriptions(server):
    status, html = fetch(f"{server}/partnerships")
    assert status == 200
    assert "Apollo-Soyuz Test Project" in html
    assert "One row per partnership" in html  # the table's description from metadata.json
    data = rows(f"{server}/partnerships.json?_shape=array&_sort=slug")
    assert [r["slug"] for r in data] == [
        "apollo-soyuz-test-project",
        "exomars-esa-roscosmos",
        "nasa-commercial-crew-program",
    ]


def test_a_canned_query_answers_with_a_parameter(server):
    data = rows(f"{server}/partnerships_by_agency.json?agency=ESA&_shape=array")
    assert [r["slug"] for r in data] == ["exomars-esa-roscosmos"]
    status, html = fetch(f"{server}/lessons_citing_partnership?partnership=ExoMars")
    assert (
        status == 200 and "Lessons that cite a partnership" in html and "sharing-the-cost" in html
    )


def test_full_text_search_finds_partnerships_and_lessons(server):
    found = rows(f"{server}/partnerships.json?_search=soyuz&_shape=array")
    assert [r["slug"] for r in found] == ["apollo-soyuz-test-project"]
    found = rows(f"{server}/lessons.json?_search=load&_shape=array")
    assert [r["slug"] for r in found] == ["why-partner"]


def test_the_served_database_is_immutable_and_licensed(server):
    root = server.rsplit("/", 1)[0]
    status, body = fetch(f"{root}/-/metadata.json")
    assert status == 200 and json.loads(body)["license"] == "MIT"
    _, databases = fetch(f"{root}/-/databases.json")
    (info,) = json.loads(databases)
    assert info["is_mutable"] is False
