"""Hostile session files: the loader always answers with a one-line SessionError, never
another exception, and never writes to the file (it stays byte-for-byte as it was).

Hypothesis generates truncated, garbled, wrong-typed, huge and newer-version files from a
real session.  ``make soak`` runs the same properties with many more examples
(tests/soak/test_soak_files.py sets ``PW_FUZZ_EXAMPLES``).
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workshop.method.models import SCHEMA_VERSION
from session_store import SessionError, SessionFile, dump_session, load_session
from tests.app_harness import BUNDLED_DEMO
from workshop.method.models import SCHEMA_VERSION

GOOD = BUNDLED_DEMO.read_bytes()
GOOD_TEXT = GOOD.decode()
EXAMPLES = int(os.environ.get("PW_FUZZ_EXAMPLES", "12"))
"""Examples per property: 12 in `make test`; the soak run sets 400."""
FAST = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def check_refused(folder: Path, data: bytes, *, both: bool = False) -> str:
    """Write ``data`` as a session file and open it (``both``: also as SessionFile); return the
    one-line error, or "" if it is a valid session after all."""
    path = folder / "hostile.toml"
    path.write_bytes(data)
    messages = []
    for opener in (load_session, SessionFile.open) if both else (SessionFile.open,):
        try:
            opener(path)
        except SessionError as error:
            messages.append(str(error))
        else:
            return ""  # it was a valid session after all: fine, nothing to check
        # any other exception propagates and fails the test
    assert path.read_bytes() == data, "opening a bad file changed it"
    for message in messages:
        assert "\n" not in message and "\r" not in message and message.isprintable(), message
        assert str(path) in message, message
        assert len(message) < 2_000, len(message)
    return messages[0]


def _replace_value(text: str, key: str, value: str) -> str:
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        if line.startswith(f"{key} = "):
            lines[index] = f"{key} = {value}\n"
            return "".join(lines)
    raise AssertionError(key)


TOML_VALUES = st.sampled_from(
    ['"text"', "42", "-1", "1e400", "nan", "inf", "true", "[]", "[1, 2]", "{}", '{ a = 1 }',
     "2026-01-01", "12:00:00", '""', '"' + "x" * 5000 + '"', "99999999999999999999"]
)
TOP_KEYS = ["schema_version", "id", "title", "created", "updated", "facilitator"]


@FAST
@given(cut=st.integers(min_value=0, max_value=len(GOOD) - 2))  # minus "\n" only is complete
def test_truncated_files_are_refused(tmp_path: Path, cut: int) -> None:
    data = GOOD[:cut]
    message = check_refused(tmp_path, data)
    assert message, "a truncated file was accepted"


@FAST
@given(
    edits=st.lists(
        st.tuples(st.integers(min_value=0, max_value=len(GOOD) - 1), st.binary(min_size=1, max_size=8)),
        min_size=1,
        max_size=6,
    )
)
def test_garbled_bytes_never_crash(tmp_path: Path, edits: list[tuple[int, bytes]]) -> None:
    data = bytearray(GOOD)
    for where, junk in edits:
        data[where : where + len(junk)] = junk
    check_refused(tmp_path, bytes(data))


@FAST
@given(key=st.sampled_from(TOP_KEYS), value=TOML_VALUES)
def test_wrong_types_are_refused_in_one_line(tmp_path: Path, key: str, value: str) -> None:
    check_refused(tmp_path, _replace_value(GOOD_TEXT, key, value).encode())


@FAST
@given(path=st.sampled_from(["icp_overlap", "pipeline", "stage", "program_tier", "quarter", "decision", "kind", "name"]), value=TOML_VALUES)
def test_wrong_nested_values_are_refused(tmp_path: Path, path: str, value: str) -> None:
    lines = GOOD_TEXT.splitlines(keepends=True)
    hits = [i for i, line in enumerate(lines) if line.startswith(f"{path} = ")]
    assert hits
    lines[hits[len(hits) // 2]] = f"{path} = {value}\n"
    check_refused(tmp_path, "".join(lines).encode())


@FAST
@given(version=st.integers(min_value=SCHEMA_VERSION + 1, max_value=10**30))
def test_newer_versions_are_refused_with_upgrade_advice(tmp_path: Path, version: int) -> None:
    message = check_refused(tmp_path, _replace_value(GOOD_TEXT, "schema_version", str(version)).encode())
    assert "newer" in message or "schema_version" in message


@FAST
@given(junk=st.binary(max_size=400))
def test_random_bytes_are_refused(tmp_path: Path, junk: bytes) -> None:
    check_refused(tmp_path, junk)


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xef\xbb\xbf",
        b"\x00" * 1000,
        b"[" * 100_000,  # deep nesting
        b"a = [" * 5_000,
        GOOD.replace(b"# end of session", b"") + b"x = 1\n",
        GOOD + b"[" + b"a." * 3_000 + b"b]\n",
        ("title = \"" + "é" * 3_000_000 + "\"\n").encode(),  # a huge file, not a session
        GOOD.replace(f"schema_version = {SCHEMA_VERSION}".encode(), b"schema_version = \"1\""),
        GOOD.replace(b"\n", b"\r"),
        GOOD.decode().encode("utf-16"),
    ],
    ids=["empty", "bom", "nuls", "deep-brackets", "deep-arrays", "no-end-marker", "long-key", "huge", "version-string", "cr-only", "utf16"],
)
def test_named_hostile_files(tmp_path: Path, data: bytes) -> None:
    assert check_refused(tmp_path, data, both=True)


def test_a_valid_file_still_loads(tmp_path: Path) -> None:
    """The oracle is not vacuous: the unmodified file is accepted."""
    assert check_refused(tmp_path, GOOD) == ""
    assert tomllib.loads(GOOD_TEXT)["schema_version"] == SCHEMA_VERSION
    assert dump_session(load_session(tmp_path / "hostile.toml")).startswith("#")


@pytest.mark.parametrize(
    "key",
    [
        b"a" + b".a" * 50_000,
        b'"a"' + b'."a"' * 50_000,
        b"[a" + b" . a" * 50_000 + b"]",
        b"x = { a" + b".a" * 50_000,
    ],
    ids=["bare", "quoted", "table-header", "inline-table"],
)
def test_a_key_of_thousands_of_parts_is_refused_before_tomllib(tmp_path: Path, key: bytes) -> None:
    """tomllib needs ~25 s for one 50,000-part dotted key; the shape check refuses it at once."""
    hostile = GOOD.replace(f"schema_version = {SCHEMA_VERSION}\n".encode(), f"schema_version = {SCHEMA_VERSION}\n".encode() + key + b" = 1\n")
    message = check_refused(tmp_path, hostile, both=True)
    assert "a dotted key of more than 100 parts" in message
    assert ": line 5, column " in message


def test_values_nested_beyond_the_stack_are_refused_in_one_line(tmp_path: Path) -> None:
    for value in (b"[" * 100_000 + b"]" * 100_000, b"{a=" * 100_000 + b"1" + b"}" * 100_000):
        assert "nested too deeply" in check_refused(tmp_path, b"x = " + value + b"\n", both=True)


def test_long_dotted_runs_in_text_and_comments_still_load(tmp_path: Path) -> None:
    """Only keys are limited: a note or a comment may hold any number of dots."""
    session = load_session(BUNDLED_DEMO)
    run = "a." * 500 + "a"
    session.mapping.partners[0].notes = f" {run} ' \" {run} # {run}"
    session.mapping.partners[0].practice = run
    path = tmp_path / "dots.toml"
    SessionFile.create(path, session)
    path.write_bytes(b"# " + run.encode() + b"\n" + path.read_bytes())
    assert load_session(path) == session
