"""The browser view (``partner-workshop serve``): textual-serve with a page that needs no network.

textual-serve 1.1.3's page template loads its font from fonts.googleapis.com; on a hotel or
captive-portal network the splash stayed up 16 s. ``app_index.html`` here is a copy of that
template that loads the same font (Roboto Mono, shipped in textual-serve's static folder)
from the server itself, so nothing is fetched from another host.

Larger text for a projector: the page's ``?fontsize=N`` (textual-serve's, in CSS pixels; 16 by
default). ``serve --font-size N`` makes N the default: the page without it is sent on to
``/?fontsize=N``. The served app learns the address and the size (:data:`URL_ENV`,
:data:`FONT_SIZE_ENV`) to tell the room how to make the text larger still.

textual-serve (and aiohttp) are imported only here, only by ``serve``.
"""

from __future__ import annotations

import os
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parent
"""The folder of ``app_index.html`` (textual-serve's ``templates_path``)."""

DEFAULT_FONT_SIZE = 16
"""textual-serve's own default (CSS pixels)."""

URL_ENV = "PARTNER_WORKSHOP_BROWSER_URL"
FONT_SIZE_ENV = "PARTNER_WORKSHOP_FONT_SIZE"


def page_url(base: str, font_size: int) -> str:
    """``http://127.0.0.1:8000/?fontsize=24``."""
    return f"{base.rstrip('/')}/?fontsize={font_size}"


def larger_text_advice(environ: os._Environ[str] | dict[str, str] = os.environ) -> tuple[str, str | None]:
    """What to tell someone who wants larger text, and the address to copy (None in a terminal)."""
    base = environ.get(URL_ENV)
    if not base:
        return (
            "The text size is the terminal's: make its font larger (often ctrl and +, or cmd and +). "
            "For a browser window with larger text: partner-workshop serve --font-size 24",
            None,
        )
    try:
        size = int(environ.get(FONT_SIZE_ENV, DEFAULT_FONT_SIZE))
    except ValueError:
        size = DEFAULT_FONT_SIZE
    larger = page_url(base, size + 8)
    return (
        f"Larger text: open {larger} in this tab (the address is copied; any ?fontsize=N works). "
        "Your work is saved as you go.",
        larger,
    )


def make_server(command: str, *, host: str, port: int, font_size: int = DEFAULT_FONT_SIZE):  # type: ignore[no-untyped-def]
    """A textual-serve Server for ``command`` on ``host:port`` with this folder's page."""
    from aiohttp import web
    from textual_serve.server import Server

    class BrowserViewServer(Server):
        async def handle_index(self, request: web.Request):  # type: ignore[no-untyped-def]
            if "fontsize" not in request.query:  # the default size, in the address for all to see
                raise web.HTTPFound(str(request.rel_url.update_query(fontsize=font_size)))
            return await super().handle_index(request)

    os.environ[URL_ENV] = f"http://{host}:{port}/"  # the app runs in a child: it inherits them
    os.environ[FONT_SIZE_ENV] = str(font_size)
    return BrowserViewServer(command, host=host, port=port, title="Partner Workshop", templates_path=TEMPLATES)
