"""The build configuration lists every folder it ships (``python -m build`` warned when
``workshop/export/templates`` was shipped as package data of ``workshop`` without being a package)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TOP_LEVEL = ("workshop", "screens", "session_store")


def _config() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def _shipped_folders() -> set[str]:
    folders = set()
    for top in TOP_LEVEL:
        for folder in [ROOT / top, *(p for p in (ROOT / top).rglob("*") if p.is_dir())]:
            if folder.name == "__pycache__" or not any(f.is_file() for f in folder.iterdir()):
                continue
            folders.add(".".join(folder.relative_to(ROOT).parts))
    return folders


def test_every_folder_with_files_is_a_listed_package() -> None:
    assert _shipped_folders() - set(_config()["packages"]) == set()


def test_package_data_names_listed_packages_and_no_subfolders() -> None:
    config = _config()
    for package, patterns in config["package-data"].items():
        assert package in config["packages"]
        assert all("/" not in pattern for pattern in patterns), (package, patterns)


def test_the_templates_are_package_data() -> None:
    patterns = _config()["package-data"]["workshop.export.templates"]
    templates = list((ROOT / "workshop" / "export" / "templates").iterdir())
    assert templates and all(any(t.match(p) for p in patterns) for t in templates if t.is_file())
