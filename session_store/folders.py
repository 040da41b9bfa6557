"""Where the app keeps its files: the data folder (sessions) and the cache folder (parses).

``$PARTNER_WORKSHOP_HOME`` overrides both (tests, a portable install); otherwise the platform's
user data and cache folders.  The bottom of the store: it imports nothing of it.
"""

from __future__ import annotations

import os
from pathlib import Path

HOME_ENV = "PARTNER_WORKSHOP_HOME"
APP_NAME = "partner-workshop"


def data_dir() -> Path:
    """The app's data folder: ``$PARTNER_WORKSHOP_HOME`` if set, else the platform's user data dir."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """The folder of cached parses: ``$PARTNER_WORKSHOP_HOME/cache/parsed`` if set, else the
    platform's user cache dir."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser() / "cache" / "parsed"
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False)) / "parsed"
