"""The browser view with the network cut (issue 21): Debian's Chromium loads ``serve``'s page with
every host but this machine unreachable, and the app appears; nothing is asked of another host
and the terminal font is the one the server itself sends. (textual-serve's own page asked
fonts.googleapis.com: on a captive-portal network the splash stayed up 16 s.)
Only with ``make test-browser`` (marker ``browser``)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run",
         "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]  # no name resolves: offline


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served(tmp_path: Path):
    port = free_port()
    env = {**os.environ, "PARTNER_WORKSHOP_HOME": str(tmp_path)}
    server = subprocess.Popen(
        [sys.executable, "-m", "workshop", "serve", "--port", str(port), "--font-size", "24"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 30
        while True:  # until the server takes connections (bounded)
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail("the browser view did not start")
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


async def test_the_browser_view_loads_with_the_network_cut(served: str) -> None:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `make test-browser` installs it (apt-get install chromium)")
    from playwright.async_api import async_playwright

    elsewhere: list[str] = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            page = await browser.new_page(viewport={"width": 1280, "height": 800})

            async def only_this_machine(route) -> None:  # noqa: ANN001
                if route.request.url.startswith(("http://127.0.0.1:", "ws://127.0.0.1:")):
                    await route.continue_()
                else:
                    elsewhere.append(route.request.url)
                    await route.abort("internetdisconnected")

            await page.route("**/*", only_this_machine)
            started = time.monotonic()
            await page.goto(served + "/")
            assert "fontsize=24" in page.url  # serve --font-size: the default, in the address
            await page.wait_for_selector("body.-first-byte", timeout=15_000)  # the app has drawn
            took = time.monotonic() - started
            assert elsewhere == []
            assert await page.evaluate("""() => document.fonts.check('24px "Roboto Mono"')""")
            loaded = await page.evaluate(
                "() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)"
            )
            assert any("Roboto Mono" in family for family in loaded)
            assert await page.get_attribute("#terminal", "data-font-size") == "24"
            if os.environ.get("SERVE_SCREENSHOT"):
                await page.wait_for_timeout(1000)  # a picture for people only; nothing is asserted after it
                await page.screenshot(path=os.environ["SERVE_SCREENSHOT"])
            print(f"app drawn {took:.1f} s after the page was asked for")
        finally:
            await browser.close()
