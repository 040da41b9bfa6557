"""The one write of an exported blueprint (the CLI's ``export -o`` and the F3 dialog use it)."""

from __future__ import annotations

from pathlib import Path

import pytest

from session_store import (
    BlueprintTargetError,
    OverSessionError,
    SessionFile,
    TargetExistsError,
    TargetIsFolderError,
    check_blueprint_target,
    write_blueprint,
)
from workshop.method.defaults import new_session


def test_write_refuses_to_overwrite(tmp_path):
    target = tmp_path / "b.md"
    write_blueprint(b"one\n", target, session_path=None)
    try:
        write_blueprint(b"two\n", target, session_path=None)
    except TargetExistsError:
        pass
    else:
        raise AssertionError("overwrote without force")
    assert target.read_text() == "one\n"
    write_blueprint(b"two\n", target, session_path=None, force=True)
    assert target.read_text() == "two\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.md"]  # no temporary left


def test_a_saved_blueprint_gets_the_usual_mode_of_a_new_file(tmp_path):
    """It was 0600 (a temporary file's mode), unreadable by the colleagues it was made for."""
    import os
    import stat

    from session_store.atomic import NEW_FILE_MODE

    target = tmp_path / "b.md"
    write_blueprint(b"one\n", target, session_path=None)
    assert stat.S_IMODE(target.stat().st_mode) == NEW_FILE_MODE == 0o666 & ~_umask()
    os.chmod(target, 0o640)
    write_blueprint(b"two\n", target, session_path=None, force=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # a replaced file keeps its own


def _umask() -> int:
    import os

    mask = os.umask(0o022)
    os.umask(mask)
    return mask



def test_never_over_the_session_or_its_backup_even_with_force(tmp_path: Path) -> None:
    session = tmp_path / "s.toml"
    SessionFile.create(session, new_session("Offsite")).save(new_session("Offsite"))  # a .bak exists
    link = tmp_path / "link.md"
    link.symlink_to(session)
    (tmp_path / "sub").mkdir()
    files = {path: path.read_bytes() for path in (session, tmp_path / "s.toml.bak")}
    for target in (session, tmp_path / "s.toml.bak", link, tmp_path / "sub" / ".." / "s.toml"):
        with pytest.raises(OverSessionError, match="is the session being exported"):
            write_blueprint(b"# x\n", target, session_path=session, force=True)
        with pytest.raises(OverSessionError):
            check_blueprint_target(target, session_path=session, force=True)
    assert {path: path.read_bytes() for path in files} == files


def test_a_folder_and_a_missing_folder_are_named(tmp_path: Path) -> None:
    with pytest.raises(TargetIsFolderError, match="is a folder"):
        write_blueprint(b"x", tmp_path, session_path=None, force=True)
    with pytest.raises(BlueprintTargetError, match="no-such-folder.*cannot write"):
        write_blueprint(b"x", tmp_path / "no-such-folder" / "b.md", session_path=None)
    assert list(tmp_path.iterdir()) == []


def test_the_check_refuses_an_existing_file_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "b.docx"
    target.write_bytes(b"old")
    with pytest.raises(TargetExistsError, match="use --force"):
        check_blueprint_target(target, session_path=None)
    check_blueprint_target(target, session_path=None, force=True)
    assert target.read_bytes() == b"old"
