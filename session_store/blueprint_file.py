"""Writing an exported blueprint: the one place that does it, for the command line and the F3 dialog.

The guarantees are the same for every format (Markdown, HTML, Word, PowerPoint, YAML, JSON):

* never over the session being exported or its backup (through a link or ``..`` too);
* never over an existing file unless the overwrite was asked for (``--force``, or "Replace"
  in the dialog) — and a file that appears between the question and the write is kept;
* whole or not at all (a temporary file renamed into place), with the usual mode of a new file
  (a replaced one keeps its own).
"""

from __future__ import annotations

from pathlib import Path

from session_store.atomic import atomic_write, create_exclusive
from session_store.errors import SessionError
from session_store.locations import belongs_to_session


class BlueprintTargetError(SessionError):
    """The blueprint cannot be written there; the message names the file and says why."""


class OverSessionError(BlueprintTargetError):
    """The target is the session being exported, or its backup."""


class TargetExistsError(BlueprintTargetError):
    """The target exists and overwriting it was not asked for."""


class TargetIsFolderError(BlueprintTargetError):
    """The target is a folder."""


def check_blueprint_target(path: Path, *, session_path: Path | None, force: bool = False) -> None:
    """Raise the :class:`BlueprintTargetError` writing to ``path`` would meet, before any work.

    (:func:`write_blueprint` checks again when it writes: this is for refusing early, before a
    large blueprint is made for nothing.)
    """
    path = Path(path)
    if session_path is not None and belongs_to_session(path, session_path):
        raise OverSessionError(
            f"{path}: is the session being exported (or its backup); choose another file name"
        )
    if path.is_dir():
        raise TargetIsFolderError(f"{path}: is a folder; add a file name")
    if not force and (path.exists() or path.is_symlink()):
        raise TargetExistsError(f"{path}: already exists; use --force to overwrite it")


def write_blueprint(
    data: bytes, path: Path, *, session_path: Path | None, force: bool = False
) -> Path:
    """Write ``data`` (an exported blueprint, in any format) to ``path``; returns ``path``.

    ``session_path`` is the session the blueprint was made from (``None`` for one never saved):
    never written over, nor its backup.  Without ``force`` an existing ``path`` is left as it
    is (:class:`TargetExistsError`, also when it appeared since the check).  Any other failure
    is a :class:`BlueprintTargetError` naming the file and the reason.
    """
    path = Path(path)
    check_blueprint_target(path, session_path=session_path, force=force)
    try:
        if force:
            atomic_write(path, data)
        else:
            create_exclusive(path, data)
    except FileExistsError:
        raise TargetExistsError(f"{path}: already exists; use --force to overwrite it") from None
    except OSError as exc:
        raise BlueprintTargetError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return path
