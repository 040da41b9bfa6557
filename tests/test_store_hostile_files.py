"""Hostile session files and paths found in review: each is refused with one clear line, or saved safely."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
import types
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from pydantic import ValidationError

import session_store.atomic as atomic
from workshop.method.models import SCHEMA_VERSION
from session_store import (
    SessionError,
    SessionFile,
    default_sessions_dir,
    list_sessions,
    load_session,
    resolve_session,
)
from tests.conftest import BUNDLED_DEMO
from workshop import cli
from workshop.method.defaults import new_session
from workshop.method.models import Decision, ParkingNote, QuarterResult, Session
from workshop.method.models import SCHEMA_VERSION

DEMO = BUNDLED_DEMO.read_text("utf-8")


def _demo_with(old: str, new: str) -> str:
    assert old in DEMO
    return DEMO.replace(old, new, 1)


# --------------------------------------------------------------------------- values of the wrong type

WRONG_TYPES = [  # (what the file holds, what a hand edit made of it, the words of the refusal)
    ("when = 2026-11-25 11:00:00+00:00", "when = 2026-11-25 11:00:00", "needs its UTC offset"),
    ("created = 2026-11-24 08:30:00+00:00", "created = 2026-11-24", "needs a date-time with its UTC offset"),
    ("icp_overlap = 90.0", "icp_overlap = true", "needs a number"),
    ("icp_overlap = 90.0", 'icp_overlap = "90"', "needs a number, written without quotes"),
    ("current_arr = 18000000", "current_arr = 18000000.5", "needs a whole number"),
    ("selected = true", "selected = 1", "needs true or false"),
    ("last_pipeline_activity = 2025-06-20", 'last_pipeline_activity = "2025-06-20"', "written without quotes"),
]


@pytest.mark.parametrize(("old", "new", "words"), WRONG_TYPES)
def test_a_value_of_the_wrong_type_is_refused_not_converted(old: str, new: str, words: str, tmp_path: Path) -> None:
    """``icp_overlap = true`` loaded as a rating of 1; a time without its offset loaded, then
    crashed the app at the first keystroke (it cannot be compared with the app's own times)."""
    path = tmp_path / "hand-edited.toml"
    path.write_text(_demo_with(old, new), "utf-8")
    with pytest.raises(SessionError, match=words) as caught:
        load_session(path)
    message = str(caught.value)
    assert "\n" not in message and new.split(" = ")[1].strip('"') in message


# --------------------------------------------------------------------------- dates out of range

EXTREME_MOMENTS = [
    ("updated = 2026-11-25 16:10:00+00:00", "updated = 9999-12-31 23:59:59-12:00"),
    ("updated = 2026-11-25 16:10:00+00:00", "updated = 0001-01-01 00:00:00+14:00"),
    ("updated = 2026-11-25 16:10:00+00:00", "updated = 9999-12-31 23:59:59"),
    ("created = 2026-11-24 08:30:00+00:00", "created = 9999-12-31 23:59:59-12:00"),
    ("when = 2026-11-24 09:05:00+00:00", "when = 0001-01-01 00:00:00+14:00"),
    ("signed_at = 2026-11-24 11:45:00+00:00", "signed_at = 9999-12-31 23:59:59-00:01"),
]


@pytest.mark.parametrize(("old", "new"), EXTREME_MOMENTS)
def test_a_datetime_that_cannot_be_converted_to_utc_is_refused_when_loading(
    old: str, new: str, tmp_path: Path
) -> None:
    path = tmp_path / "extreme.toml"
    path.write_text(_demo_with(old, new), "utf-8")
    with pytest.raises(SessionError, match="date-time out of range") as caught:
        load_session(path)
    assert "\n" not in str(caught.value) and new.split(" = ")[1] in str(caught.value)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("decided_on = 2026-11-25", "decided_on = 9999-12-31"),
        ("competitor_map_refreshed = 2026-09-15", "competitor_map_refreshed = 0001-01-01"),
    ],
)
def test_a_date_outside_the_sane_span_is_refused(old: str, new: str, tmp_path: Path) -> None:
    path = tmp_path / "extreme.toml"
    path.write_text(_demo_with(old, new), "utf-8")
    with pytest.raises(SessionError, match=r"date out of range: must be no (later|earlier) than"):
        load_session(path)


def test_the_edges_of_the_span_load_and_work_in_the_engine() -> None:
    """At the edges every conversion the app does (UTC, local time, months later) still works."""
    from workshop.method.dates import add_months, quarter_end
    from workshop.method.health import health_report

    edge = datetime(2200, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-12), "x"))
    assert ParkingNote(text="t", created=datetime(2200, 12, 31, 23, 59, 59, tzinfo=timezone.utc))
    with pytest.raises(ValidationError):
        ParkingNote(text="t", created=edge)  # 2201-01-01 11:59:59 UTC
    latest = datetime(2200, 12, 31, 23, 59, 59, tzinfo=timezone.utc)
    earliest = datetime(1970, 1, 2, tzinfo=timezone(timedelta(hours=14)))
    with pytest.raises(ValidationError):
        ParkingNote(text="t", created=earliest)  # 1970-01-01 10:00 UTC
    for moment in (latest, datetime(1970, 1, 2, tzinfo=timezone.utc)):
        assert moment.astimezone(timezone.utc).astimezone() is not None
    last = Decision(id="D-001", capability="c", decided_on=date(2200, 12, 31)).decided_on
    assert last is not None and add_months(last, 60).year == 2205
    assert quarter_end(QuarterResult(quarter="2200-Q4").quarter) == date(2200, 12, 31)
    session = load_session(BUNDLED_DEMO)
    session.mapping.competitor_map_refreshed = date(2200, 12, 31)
    session.roadmap.last_reviewed = date(1900, 1, 1)
    assert health_report(session, date(2200, 12, 31)).rules


@pytest.mark.parametrize("quarter", ["0000-Q1", "1899-Q4", "2201-Q1", "9999-Q4"])
def test_a_quarter_outside_the_span_is_refused(quarter: str) -> None:
    with pytest.raises(ValidationError):
        QuarterResult(quarter=quarter)


def test_an_out_of_range_assignment_is_refused_and_leaves_the_session_as_it_was() -> None:
    session = Session()
    before = session.updated
    with pytest.raises(ValidationError):
        session.updated = datetime(9999, 12, 31, 23, 59, 59, tzinfo=timezone(timedelta(hours=-12)))
    assert session.updated == before


def test_list_shows_a_file_with_an_extreme_date_as_unreadable_and_the_others(
    tmp_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = default_sessions_dir()
    folder.mkdir(parents=True)
    (folder / "good.toml").write_text(DEMO, "utf-8")
    for n, (old, new) in enumerate(EXTREME_MOMENTS[:2]):
        (folder / f"extreme{n}.toml").write_text(_demo_with(old, new), "utf-8")
    summaries = list_sessions()
    assert [s.path.name for s in summaries if s.error is None] == ["good.toml"]
    assert sorted(s.path.name for s in summaries if s.error) == ["extreme0.toml", "extreme1.toml"]
    assert all("date-time out of range" in (s.error or "") for s in summaries if s.path.name != "good.toml")
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    assert out.count("(cannot be read)") == 2 and "good.toml" in out and "internal error" not in out


# --------------------------------------------------------------------------- read-only files


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_read_only_file_is_not_replaced_and_the_save_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Even for root (who may write anything): a file without its owner-write bit is left alone."""
    path = tmp_path / "s.toml"
    opened = SessionFile.create(path, new_session("Before"))
    before = path.read_bytes()
    path.chmod(0o444)
    with pytest.raises(SessionError) as caught:
        opened.save(new_session("After"))
    message = str(caught.value)
    assert path.read_bytes() == before and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.toml"]  # no temp file, no backup
    # the same words as a read-only folder (simulated: root could write into a chmod 555 one)
    monkeypatch.setattr(atomic.tempfile, "mkstemp", _raise(PermissionError(errno.EACCES, "Permission denied")))
    path.chmod(0o644)
    with pytest.raises(SessionError) as folder_caught:
        opened.save(new_session("After"))
    monkeypatch.undo()
    prefix = f"{path}: cannot save: Permission denied"
    assert message.startswith(prefix) and str(folder_caught.value).startswith(prefix)
    assert "read-only" in message and "nothing was overwritten" in message and "\n" not in message
    opened.save(new_session("After"))  # writable again: saves, nothing else changed
    assert load_session(path).title == "After"


def test_a_read_only_disk_is_named_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """On a disk mounted read-only the save said "the file is read-only" of a writable file."""
    path = tmp_path / "s.toml"
    opened = SessionFile.create(path, new_session("Before"))
    monkeypatch.setattr(atomic.os, "access", lambda *_args, **_kwargs: False)  # as on such a disk
    real_statvfs = os.statvfs
    monkeypatch.setattr(
        atomic.os, "statvfs", lambda p: types.SimpleNamespace(f_flag=real_statvfs(p).f_flag | os.ST_RDONLY)
    )
    with pytest.raises(SessionError, match=r"cannot save: Read-only file system \(the disk it is on cannot be written\)"):
        opened.save(new_session("After"))
    assert load_session(path).title == "Before"


def test_export_does_not_replace_a_read_only_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "blueprint.md"
    output.write_text("keep me", "utf-8")
    output.chmod(0o444)
    assert cli.main(["export", str(BUNDLED_DEMO), "-o", str(output), "--force"]) == 1
    assert output.read_text("utf-8") == "keep me"
    assert "Permission denied (the file is read-only)" in capsys.readouterr().err


def _raise(error: Exception):  # type: ignore[no-untyped-def]
    def raiser(*_args: object, **_kwargs: object) -> None:
        raise error

    return raiser


# --------------------------------------------------------------------------- symbolic links


@pytest.mark.parametrize("relative", [False, True])
def test_saving_through_a_symbolic_link_writes_the_file_it_points_to(tmp_path: Path, relative: bool) -> None:
    real = tmp_path / "real" / "s.toml"
    real.parent.mkdir()
    SessionFile.create(real, new_session("First"))
    link = tmp_path / "link.toml"
    link.symlink_to(Path("real") / "s.toml" if relative else real)
    opened = SessionFile.open(link)
    assert opened.backup == real.parent / "s.toml.bak"
    for title in ("Second", "Third"):
        opened.save(new_session(title))
    assert link.is_symlink() and link.resolve() == real
    assert load_session(real).title == "Third" and load_session(link).title == "Third"
    assert load_session(real.parent / "s.toml.bak").title == "Second"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.toml", "real"]
    assert sorted(p.name for p in real.parent.iterdir()) == ["s.toml", "s.toml.bak"]


def test_a_dangling_link_is_written_back_to_its_target(tmp_path: Path) -> None:
    real = tmp_path / "s.toml"
    link = tmp_path / "link.toml"
    opened = SessionFile.create(real, new_session("First"))
    link.symlink_to(real)
    opened = SessionFile.open(link)
    real.unlink()  # deleted (or moved away) behind the app's back
    opened.save(new_session("Written back"))
    assert link.is_symlink() and load_session(real).title == "Written back"


def test_a_link_to_a_read_only_file_is_refused_like_the_file(tmp_path: Path) -> None:
    real = tmp_path / "s.toml"
    SessionFile.create(real, new_session("First"))
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    opened = SessionFile.open(link)
    real.chmod(0o444)
    with pytest.raises(SessionError, match="Permission denied"):
        opened.save(new_session("Second"))
    assert link.is_symlink() and load_session(real).title == "First"


# --------------------------------------------------------------------------- FIFOs and devices


def _finishes(call, *args: object) -> BaseException | None:  # type: ignore[no-untyped-def]
    """Run ``call`` in a thread (a blocking open must fail the test, not hang it); its error."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            call(*args)
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome.append(exc)
        else:
            outcome.append(None)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), f"{call.__name__} blocked on a non-regular file"
    return outcome[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("reader", [SessionFile.open, load_session, resolve_session])
def test_a_fifo_is_refused_before_it_is_opened(tmp_path: Path, reader) -> None:  # type: ignore[no-untyped-def]
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    error = _finishes(reader, fifo if reader is not resolve_session else str(fifo))
    assert isinstance(error, SessionError)
    assert str(error) == f"{fifo}: is not a regular file: it is a named pipe (FIFO), not a session file"


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_a_device_or_a_link_to_one_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "null.toml"
    link.symlink_to("/dev/null")
    for path in (Path("/dev/null"), link):
        with pytest.raises(SessionError, match="is not a regular file: it is a device"):
            load_session(path)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_put_in_the_files_place_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    opened = SessionFile.create(path, new_session("First"))
    path.unlink()
    os.mkfifo(path)
    error = _finishes(lambda: opened.save(new_session("Second"), force=True))
    assert isinstance(error, SessionError) and "is not a regular file" in str(error)
    assert stat.S_ISFIFO(os.stat(path).st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_the_cli_says_a_fifo_is_not_a_session_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    codes: list[int] = []
    assert _finishes(lambda: codes.append(cli.main(["export", str(fifo)]))) is None
    assert codes == [1] and "is not a regular file" in capsys.readouterr().err


# --------------------------------------------------------------------------- file modes


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_new_files_get_the_usual_mode_and_replaced_files_keep_theirs(tmp_path: Path) -> None:
    expected = (0o666 & ~_umask()) | 0o600
    assert atomic.NEW_FILE_MODE == expected
    created = tmp_path / "new.toml"
    opened = SessionFile.create(created, new_session("New"))  # also what "Save a copy" does
    assert stat.S_IMODE(created.stat().st_mode) == expected
    atomic.atomic_write(tmp_path / "export.md", b"x")
    assert stat.S_IMODE((tmp_path / "export.md").stat().st_mode) == expected
    created.chmod(0o640)
    opened.save(new_session("Saved"))
    assert stat.S_IMODE(created.stat().st_mode) == 0o640


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    code = (
        "import os, stat, sys; os.umask(0o027); from pathlib import Path;"
        "from session_store import SessionFile; from workshop.method.defaults import new_session;"
        f"p = Path({str(tmp_path / 's.toml')!r}); SessionFile.create(p, new_session('x'));"
        "print(oct(stat.S_IMODE(p.stat().st_mode)))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "0o640"


# --------------------------------------------------------------------------- long messages


def _refusal(tmp_path: Path, text: str) -> str:
    path = tmp_path / "s.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(SessionError) as caught:
        load_session(path)
    message = str(caught.value)
    assert "\n" not in message and len(message) < len(str(path)) + 250, message
    return message.removeprefix(f"{path}: ")


@pytest.mark.parametrize(
    ("old", "new", "where"),
    [
        ("facilitator =", "K" * 100_000 + " = 1\nfacilitator =", "K" * 37 + "...: unknown field"),
        ("[position]", "[position]\n" + "K" * 100_000 + " = 1", "position." + "K" * 37 + "...: unknown field"),
        ('facilitator = "Jordan Ellis"', '"' + "\\n" * 50_000 + '" = 1', "\\n" * 37 + "...: unknown field"),
    ],
    ids=["top-level", "in-a-table", "newlines"],
)
def test_a_huge_unknown_key_gives_a_short_message(tmp_path: Path, old: str, new: str, where: str) -> None:
    assert _refusal(tmp_path, _demo_with(old, new)).startswith(where)


def test_huge_numbers_give_short_messages(tmp_path: Path) -> None:
    digits = "9" * 5_000  # more than Python converts (4,300 digits)
    assert _refusal(tmp_path, _demo_with(f"schema_version = {SCHEMA_VERSION}", f"schema_version = {digits}")) == (
        "not valid TOML: a number too long to read (is this a session file?)"
    )
    message = _refusal(tmp_path, _demo_with(f"schema_version = {SCHEMA_VERSION}", f"schema_version = {digits[:4000]}"))
    assert message.startswith("written by a newer Partner Workshop (schema version of more than 12 digits;")
    message = _refusal(tmp_path, _demo_with("current_arr = 18000000", f"current_arr = -{digits[:4000]}"))
    assert message.endswith("(got a whole number of about 4,000 digits)")


def test_field_path_cuts_long_keys() -> None:
    from session_store.codec import KEY_LIMIT, field_path

    assert field_path(("mapping", "x" * 500, 3)) == "mapping." + "x" * (KEY_LIMIT - 3) + "...[3]"
    assert field_path(("x" * KEY_LIMIT,)) == "x" * KEY_LIMIT


# --------------------------------------------------------------------------- money and counts


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("current_arr = 18000000", "current_arr = 123456789012345678901234567890"),
        ("current_arr = 18000000", "current_arr = 1_000_000_000_001"),
        ("pipeline = 1700000", "pipeline = 99999999999999999999"),
        ("spent_seconds = 1980", "spent_seconds = 99999999999999999999"),
    ],
)
def test_money_and_counts_beyond_the_cap_are_refused(tmp_path: Path, old: str, new: str) -> None:
    assert "must be at most 1,000,000,000" in _refusal(tmp_path, _demo_with(old, new))  # in words, grouped


def test_the_money_cap_is_a_trillion_and_exports_without_float_noise(tmp_path: Path) -> None:
    from workshop.export.markdown import export_markdown
    from workshop.method.models import MAX_MONEY, EconomicsInputs, Intake

    assert MAX_MONEY == 10**12 < 2**53
    assert Intake(current_arr=MAX_MONEY - 1, target_arr=MAX_MONEY).target_arr == MAX_MONEY
    for record, field in ((Intake(), "target_arr"), (EconomicsInputs(), "avg_deal_size")):
        with pytest.raises(ValidationError, match="less than or equal to 1000000000000"):
            setattr(record, field, MAX_MONEY + 1)
    path = tmp_path / "s.toml"
    text = _demo_with("current_arr = 18000000", f"current_arr = {MAX_MONEY - 1}")
    path.write_text(text.replace("target_arr = 45000000", f"target_arr = {MAX_MONEY}", 1), "utf-8")
    exported = export_markdown(load_session(path))
    # Issue 16's minimal escaping: a "$" before a digit opens no math, so it stays bare;
    # the line renders as written (its own text, no math, no code).
    from tests.test_export_support import all_text, inline_markup, parse

    assert "- ARR: $999,999,999,999 today; target $1,000,000,000,000 by " in exported
    tokens = parse(exported)
    (arr,) = [text for text in all_text(tokens) if text.startswith("ARR: ")]
    assert arr.startswith("ARR: $999,999,999,999 today; target $1,000,000,000,000 by ")
    assert "math_inline" not in inline_markup(tokens)


# --------------------------------------------------------------------------- truncated files

DEMO_BYTES = BUNDLED_DEMO.read_bytes()


def _cut_message(tmp_path: Path, cut: int) -> str:
    path = tmp_path / "cut.toml"
    path.write_bytes(DEMO_BYTES[:cut])
    with pytest.raises(SessionError) as caught:
        load_session(path)
    return str(caught.value).removeprefix(f"{path}: ")


def test_a_file_cut_anywhere_says_it_is_incomplete(tmp_path: Path) -> None:
    """Mid-line cuts too (a broken last line, an unterminated string, half a UTF-8 character),
    not only cuts at a line break."""
    text = DEMO_BYTES.decode()
    multibyte = DEMO_BYTES.index("—".encode()) + 1  # inside a 3-byte character
    cuts = {
        *range(1, len(DEMO_BYTES) - 1, 211),
        DEMO_BYTES.index(b"Can we afford") + 10,  # inside a string
        DEMO_BYTES.index(b"[mapping]") + 3,  # inside a table header
        DEMO_BYTES.index(b"current_arr") + 5,  # inside a key
        DEMO_BYTES.index(b"current_arr = 18") + 15,  # inside a number
        multibyte,
        len(DEMO_BYTES) - 3,  # inside the closing line itself
    }
    assert len(text) < len(DEMO_BYTES)
    for cut in sorted(cuts):
        message = _cut_message(tmp_path, cut)
        assert message.startswith("the file is incomplete") or message == "the file is empty", (cut, message)
    assert "in the middle of a character" in _cut_message(tmp_path, multibyte)
    assert "Unterminated string" in _cut_message(tmp_path, DEMO_BYTES.index(b"Can we afford") + 10)


def test_junk_after_the_end_or_a_file_that_is_no_session_keeps_its_toml_error(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    for data in (DEMO_BYTES + b"[[[\n", b"title = \n garbage [[[", b'{"title": "x"'):
        path.write_bytes(data)
        with pytest.raises(SessionError, match="not valid TOML") as caught:
            load_session(path)
        assert "incomplete" not in str(caught.value)
    path.write_bytes(b"\xff" + DEMO_BYTES[1:100])
    with pytest.raises(SessionError, match="not UTF-8 text"):
        load_session(path)


@pytest.mark.parametrize("year", ["20٢٥", "20２５"])
def test_a_quarter_in_other_digits_is_refused_in_words(year: str, tmp_path: Path) -> None:
    """"20٢٥-Q3" loaded beside "2025-Q3" (a quarter twice); the refusal showed a regular expression."""
    path = tmp_path / "digits.toml"
    path.write_text(_demo_with('quarter = "2025-Q3"', f'quarter = "{year}-Q3"'), "utf-8")
    with pytest.raises(SessionError, match=r"not in the expected form, e\.g\. 2026-Q3") as caught:
        load_session(path)
    assert "[0-9]" not in str(caught.value) and "\\d" not in str(caught.value)


def test_a_message_quoting_user_text_stays_one_short_line(tmp_path: Path) -> None:
    """A RACI row of 100 kB with a cell missing made a 100,000-character error line."""
    long_name = "R" * 100_000
    text = _demo_with('decision = "New partnership approval"\ncells = [\n    "A",\n',
                      f'decision = "{long_name}"\ncells = [\n')
    message = _refusal(tmp_path, text)
    assert "cells" in message and "\n" not in message and len(message) <= 500


def test_a_comment_below_the_closing_line_is_no_cut(tmp_path: Path) -> None:
    """A note added below "# end of session" by hand made a whole file "incomplete"."""
    path = tmp_path / "s.toml"
    path.write_text(DEMO + "\n# checked by the CFO on 2026-11-30\n\n", "utf-8")
    assert load_session(path).title == load_session(BUNDLED_DEMO).title
    path.write_text(DEMO + 'extra = "value"\n', "utf-8")
    with pytest.raises(SessionError, match="incomplete|extra"):
        load_session(path)


def test_a_backup_that_cannot_be_replaced_is_named(tmp_path: Path) -> None:
    """A folder where the backup goes made every save fail with "Is a directory", naming the session."""
    path = tmp_path / "s.toml"
    opened = SessionFile.create(path, new_session("Before"))
    (tmp_path / "s.toml.bak").mkdir()
    with pytest.raises(SessionError, match=r"Is a directory \(the backup .*s\.toml\.bak\); nothing was overwritten"):
        opened.save(new_session("After"))
    assert load_session(path).title == "Before"


def test_a_time_with_another_offset_is_read_in_utc(tmp_path: Path) -> None:
    """"23:45-12:00" is 11:45 UTC the next day: the sign-off was shown as "23:45 UTC" and dated
    the day before by the health report."""
    from workshop.method.health import health_report

    path = tmp_path / "offset.toml"
    path.write_text(_demo_with("signed_at = 2026-11-24 11:45:00+00:00", "signed_at = 2026-11-24 23:45:00-12:00"), "utf-8")
    signed = load_session(path).thesis.signoff.signed_at
    assert signed == datetime(2026, 11, 25, 11, 45, tzinfo=timezone.utc) and signed.utcoffset() == timedelta(0)
    rule = next(r for r in health_report(load_session(path), date(2026, 11, 26)).rules if r.key == "rule.thesis_signoff")
    assert "on 2026-11-25" in rule.message
