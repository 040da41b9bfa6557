"""The session store: the only code that reads or writes session files.

Sessions are human-readable TOML (see docs/session-format.md); every save is atomic and
keeps the previous version as ``<name>.bak``; a file changed on disk by someone else is
never silently overwritten.
"""

from session_store.atomic import backup_path
from session_store.blueprint_file import (
    BlueprintTargetError,
    OverSessionError,
    TargetExistsError,
    TargetIsFolderError,
    check_blueprint_target,
    write_blueprint,
)
from session_store.codec import (
    dump_session,
    load_session,
    parse_session,
    render_session,
    session_data,
    session_data_in_slices,
)
from session_store.editing_claim import EditingClaim
from session_store.errors import NewerVersionError, SessionConflictError, SessionError
from session_store.locations import (
    SessionSummary,
    belongs_to_session,
    data_dir,
    default_sessions_dir,
    demo_copy,
    list_sessions,
    new_session_path,
    resolve_session,
)
from session_store.session_file import SessionFile

__all__ = [
    "BlueprintTargetError",
    "OverSessionError",
    "TargetExistsError",
    "TargetIsFolderError",
    "check_blueprint_target",
    "write_blueprint",
    "EditingClaim",
    "NewerVersionError",
    "SessionConflictError",
    "SessionError",
    "SessionFile",
    "SessionSummary",
    "backup_path",
    "belongs_to_session",
    "data_dir",
    "default_sessions_dir",
    "demo_copy",
    "dump_session",
    "list_sessions",
    "load_session",
    "new_session_path",
    "parse_session",
    "render_session",
    "session_data",
    "session_data_in_slices",
    "resolve_session",
]
