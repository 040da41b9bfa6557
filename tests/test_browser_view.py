"""The browser view's page (``serve``): nothing fetched from another host, the font served by
the server itself, the text size from ``--font-size`` or ``?fontsize=``. (textual-serve 1.1.3's
own page loaded its font from fonts.googleapis.com: offline, the splash stayed up 16 s.)
A real Chromium with the network cut loads it in tests/browser/test_serve_offline.py."""

from __future__ import annotations

import re
import sys

import pytest
from aiohttp.test_utils import TestClient, TestServer

from workshop import cli
from workshop.browser import FONT_SIZE_ENV, URL_ENV, larger_text_advice, make_server

URL = re.compile(r"""(?:https?:|wss?:)?//[^\s"'<>)]+""")


@pytest.fixture
async def client(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.delenv(URL_ENV, raising=False)
    server = make_server(f"{sys.executable} -m workshop", host="127.0.0.1", port=8765, font_size=28)
    async with TestClient(TestServer(await server._make_app())) as client:
        yield client


async def test_the_page_references_no_other_host(client: TestClient) -> None:
    response = await client.get("/?fontsize=20")
    assert response.status == 200
    page = await response.text()
    hosts = {re.sub(r"^(?:https?:|wss?:)?//", "", url).split("/")[0] for url in URL.findall(page)}
    hosts.discard("www.w3.org")  # the SVG logo's namespace: a name, never fetched
    assert hosts == {"127.0.0.1:8765"}, hosts
    assert "googleapis" not in page and 'data-font-size="20"' in page


async def test_the_font_is_served_by_the_server_itself(client: TestClient) -> None:
    page = await (await client.get("/?fontsize=16")).text()
    fonts = re.findall(r"/static/(fonts/[^\"')]+\.ttf)", page)
    assert "fonts/RobotoMono-VariableFont_wght.ttf" in fonts
    for font in set(fonts):
        response = await client.get(f"/static/{font}")
        assert response.status == 200 and len(await response.read()) > 10_000


async def test_the_default_size_is_put_in_the_address(client: TestClient) -> None:
    response = await client.get("/", allow_redirects=False)
    assert response.status == 302 and response.headers["Location"] == "/?fontsize=28"
    page = await (await client.get("/")).text()
    assert 'data-font-size="28"' in page


def test_serve_font_size_is_checked(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as usage:
        cli.main(["serve", "--font-size", "200"])
    assert usage.value.code == 2 and "not a font size in pixels (8-72)" in capsys.readouterr().err


def test_the_larger_text_advice_names_the_address_in_the_browser_and_the_way_in_a_terminal() -> None:
    words, url = larger_text_advice({URL_ENV: "http://127.0.0.1:8000/", FONT_SIZE_ENV: "20"})
    assert url == "http://127.0.0.1:8000/?fontsize=28" and url in words
    words, url = larger_text_advice({})
    assert url is None and "serve --font-size" in words


async def test_the_larger_text_command_gives_the_address_in_the_browser_view(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.app_harness import app_on, until
    from workshop.method.defaults import new_session

    monkeypatch.setenv(URL_ENV, "http://127.0.0.1:8000/")
    monkeypatch.setenv(FONT_SIZE_ENV, "16")
    app = app_on(new_session("Offsite"), tmp_path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        copied: list[str] = []
        monkeypatch.setattr(app, "copy_to_clipboard", copied.append)
        app.action_larger_text()
        await until(pilot, lambda: bool(app._notifications), "the advice")
        assert copied == ["http://127.0.0.1:8000/?fontsize=24"]
        assert "http://127.0.0.1:8000/?fontsize=24" in next(iter(app._notifications)).message
        assert any(c.title == "Larger text" for c in app.get_system_commands(app.screen))
