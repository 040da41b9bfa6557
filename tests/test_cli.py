"""The command line: every command, its errors (one line, right exit code), lazy Textual."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from datetime import date
from pathlib import Path

import pytest

from workshop.method.models import SCHEMA_VERSION
from session_store import SessionFile, default_sessions_dir, dump_session, load_session
from tests.conftest import BUNDLED_DEMO
from workshop import __version__, cli
from workshop.method.defaults import new_session
from workshop.method.models import SCHEMA_VERSION


class FakeApp:
    """Stands in for PartnerWorkshopApp: records how it was started."""

    launched: list[Path | None] = []
    ending: tuple[int, str] = (0, "")
    """The return code and exit note the next app ends with."""

    def __init__(self, session_path: Path | None = None, session_file=None, room=None) -> None:  # noqa: ANN001
        self.session_path = session_file.path if session_file is not None else session_path
        self.return_code, self.exit_note = FakeApp.ending
        FakeApp.room = room

    def run(self) -> None:
        FakeApp.launched.append(self.session_path)


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[Path | None]:
    module = types.ModuleType("workshop.app")
    module.PartnerWorkshopApp = FakeApp  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "workshop.app", module)
    FakeApp.launched = []
    FakeApp.ending = (0, "")
    return FakeApp.launched


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in ("new", "open", "list", "demo", "schema", "export", "check"):
        assert command in out
    with pytest.raises(SystemExit):
        cli.main(["--version"])
    assert capsys.readouterr().out.strip() == f"partner-workshop {__version__}"


@pytest.mark.parametrize(
    "argv", [["bogus"], ["open"], ["check", "x", "--today", "25/11/2026"], ["list", "--nope"]]
)
def test_usage_errors_are_one_line_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        cli.main(argv)
    assert info.value.code == 2
    assert _one_error_line(capsys.readouterr().err).startswith("partner-workshop")


def test_no_argument_opens_home(fake_app: list[Path | None]) -> None:
    assert cli.main([]) == 0
    assert fake_app == [None]


def test_new_creates_a_prefilled_session_and_opens_it(
    tmp_home: Path, fake_app: list[Path | None]
) -> None:
    assert cli.main(["new", "--title", "Q1 Offsite"]) == 0
    path = default_sessions_dir() / "q1-offsite.toml"
    assert fake_app == [path]
    session = load_session(path)
    assert session.title == "Q1 Offsite" and len(session.thesis.models) == 7
    assert cli.main(["new", "--title", "Q1 Offsite"]) == 0
    assert fake_app[-1] == default_sessions_dir() / "q1-offsite-2.toml"
    assert session.intake.currency == "USD"
    assert cli.main(["new", "--title", "UK entry", "--currency", "gbp"]) == 0
    assert load_session(default_sessions_dir() / "uk-entry.toml").intake.currency == "GBP"
    with pytest.raises(SystemExit) as usage:
        cli.main(["new", "--currency", "pounds"])
    assert usage.value.code == 2


def test_open_by_name_and_missing(tmp_home: Path, fake_app: list[Path | None], capsys) -> None:
    path = default_sessions_dir() / "mine.toml"
    SessionFile.create(path, new_session("Mine"))
    assert cli.main(["open", "mine"]) == 0
    assert fake_app == [path]
    assert cli.main(["open", "nope"]) == 1
    assert "nope: no such session" in _one_error_line(capsys.readouterr().err)


def test_demo_opens_a_fresh_copy(tmp_home: Path, fake_app: list[Path | None]) -> None:
    assert cli.main(["demo"]) == 0
    (copy,) = fake_app
    assert copy.is_relative_to(tmp_home) and copy.read_bytes() == BUNDLED_DEMO.read_bytes()


def test_app_that_cannot_start_is_one_line(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "workshop.app", None)  # makes the import fail
    assert cli.main([]) == 1
    assert "the app cannot start" in _one_error_line(capsys.readouterr().err)


def test_list_prints_a_table_newest_first(tmp_home: Path, capsys) -> None:
    assert cli.main(["list"]) == 0
    assert "No sessions yet" in capsys.readouterr().out
    folder = default_sessions_dir()
    for n, title in enumerate(["Older", "Newer \x1b[31mred"]):
        session = new_session(title)
        session.updated = session.updated.replace(year=2026, month=1 + n)
        SessionFile.create(folder / f"s{n}.toml", session)
    (folder / "bad.toml").write_text("oops", "utf-8")
    assert cli.main(["list"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["TITLE", "COMPANY", "PHASE"]
    assert out.index("Newer") < out.index("Older")
    assert "\x1b" not in out and "(cannot be read)" in out and "bad.toml: at the end of the file: not valid TOML" in out


def test_schema_is_json_schema(capsys) -> None:
    assert cli.main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Session" and "mapping" in schema["properties"]


def test_export_to_stdout_and_file(tmp_path: Path, monkeypatch, capsys) -> None:
    calls = []

    def fake_export(session, *, template=None, today=None, audience="team"):  # noqa: ANN001, ANN202
        calls.append((session.title, template))
        return f"# {session.title}\n"

    monkeypatch.setattr("workshop.export.markdown.export_markdown", fake_export)
    assert cli.main(["export", str(BUNDLED_DEMO)]) == 0
    assert capsys.readouterr().out.startswith("# Ledgerlight")
    out = tmp_path / "blueprint.md"
    assert cli.main(["export", str(BUNDLED_DEMO), "-o", str(out)]) == 0
    assert out.read_text("utf-8").startswith("# Ledgerlight")
    assert capsys.readouterr().err.startswith("Wrote ")
    out.write_text("keep me", "utf-8")
    assert cli.main(["export", str(BUNDLED_DEMO), "-o", str(out)]) == 1
    assert "already exists; use --force" in _one_error_line(capsys.readouterr().err)
    assert out.read_text("utf-8") == "keep me"
    assert cli.main(["export", str(BUNDLED_DEMO), "-o", str(out), "--force"]) == 0
    assert out.read_text("utf-8").startswith("# Ledgerlight")
    capsys.readouterr()
    assert cli.main(["export", str(BUNDLED_DEMO), "-o", str(tmp_path / "no" / "dir.md")]) == 1
    assert "cannot write" in _one_error_line(capsys.readouterr().err)


def test_export_never_writes_over_the_session_it_exports(tmp_path: Path, capsys) -> None:
    """``export s.toml -o s.toml --force`` replaced the session with its Markdown (no backup
    kept), and ``-o s.toml.bak --force`` the backup: refused, through a link or ``..`` too."""
    session = tmp_path / "s.toml"
    SessionFile.create(session, new_session("Offsite")).save(new_session("Offsite"))  # a .bak exists
    link = tmp_path / "link.md"
    link.symlink_to(session)
    files = {path: path.read_bytes() for path in (session, tmp_path / "s.toml.bak")}
    for output in (session, tmp_path / "s.toml.bak", link, tmp_path / "sub" / ".." / "s.toml"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        assert cli.main(["export", str(session), "-o", str(output), "--force"]) == 1
        assert "is the session being exported (or its backup)" in _one_error_line(capsys.readouterr().err)
    assert {path: path.read_bytes() for path in files} == files


def test_export_bad_template_and_bad_session(tmp_path: Path, monkeypatch, capsys) -> None:
    from workshop.export.markdown import ExportError

    def failing(session, *, template=None, today=None, audience="team"):  # noqa: ANN001, ANN202
        raise ExportError(f"{template}: line 3: unexpected end of template")

    monkeypatch.setattr("workshop.export.markdown.export_markdown", failing)
    assert cli.main(["export", str(BUNDLED_DEMO), "--template", "t.j2"]) == 1
    assert "t.j2: line 3" in _one_error_line(capsys.readouterr().err)
    bad = tmp_path / "bad.toml"
    bad.write_text(dump_session(new_session()).replace(f"schema_version = {SCHEMA_VERSION}", "schema_version = 99"))
    assert cli.main(["export", str(bad)]) == 1
    assert "newer Partner Workshop" in _one_error_line(capsys.readouterr().err)


def test_check_passes_session_json_and_today(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = {}

    def fake_check(session, *, as_json, today, file=None):  # noqa: ANN001, ANN202
        seen.update(title=session.title, as_json=as_json, today=today)
        return 1

    module = types.ModuleType("workshop.check")
    module.run_check = fake_check  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "workshop.check", module)
    assert cli.main(["check", str(BUNDLED_DEMO), "--json", "--today", "2026-11-25"]) == 1
    assert seen == {"title": load_session(BUNDLED_DEMO).title, "as_json": True, "today": date(2026, 11, 25)}
    assert cli.main(["check", str(BUNDLED_DEMO)]) == 1
    assert seen["today"] == date.today() and seen["as_json"] is False


def test_unexpected_bug_is_still_one_line(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    def boom(args):  # noqa: ANN001, ANN202
        raise RuntimeError("kaput")

    monkeypatch.setitem(cli.COMMANDS, "schema", boom)
    assert cli.main(["schema"]) == 1
    assert "internal error (RuntimeError: kaput)" in _one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize("argv", [["list"], ["schema"], ["check", str(BUNDLED_DEMO), "--today", "2026-11-25"]])
def test_fast_commands_do_not_import_textual(argv: list[str], tmp_path: Path) -> None:
    code = (
        "import sys\nfrom workshop.cli import main\n"
        f"rc = main({argv!r})\n"
        "assert 'textual' not in sys.modules, 'textual was imported'\n"
    )
    env = {"PARTNER_WORKSHOP_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert "textual was imported" not in result.stderr
    assert "Traceback" not in result.stderr


def test_python_dash_m_workshop_is_the_same_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "workshop", "--version"], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stdout.strip() == f"partner-workshop {__version__}"


def test_open_refuses_a_corrupt_file_in_one_line_names_the_backup_and_leaves_it_untouched(
    tmp_path: Path, fake_app: list[Path | None], capsys: pytest.CaptureFixture[str]
) -> None:
    from session_store import SessionFile

    path = tmp_path / "offsite.toml"
    SessionFile.create(path, new_session("A")).save(new_session("B"))
    path.write_bytes(path.read_bytes()[:200])  # truncated
    before = path.read_bytes()
    assert cli.main(["open", str(path)]) == 1
    line = _one_error_line(capsys.readouterr().err)
    assert "offsite.toml" in line and "offsite.toml.bak" in line
    assert path.read_bytes() == before
    assert fake_app == []


def test_serve_runs_the_app_behind_textual_serve_on_loopback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    import workshop.browser

    started: list[tuple[str, str, int, int]] = []

    class FakeServer:
        def serve(self) -> None:
            pass

    def fake_make_server(command: str, *, host: str, port: int, font_size: int) -> FakeServer:
        started.append((command, host, port, font_size))
        return FakeServer()

    monkeypatch.setattr(workshop.browser, "make_server", fake_make_server)
    assert cli.main(["serve", str(BUNDLED_DEMO), "--port", "8123", "--font-size", "28"]) == 0
    command, host, port, font_size = started[0]
    assert (host, port, font_size) == ("127.0.0.1", 8123, 28)
    assert command.endswith(f"-m workshop open {BUNDLED_DEMO.resolve()}")
    assert "http://127.0.0.1:8123/?fontsize=28" in capsys.readouterr().err


def test_a_closed_pipe_is_not_an_error_and_keeps_the_verdict() -> None:

    with subprocess.Popen(
        [sys.executable, "-m", "workshop", "check", str(BUNDLED_DEMO), "--json", "--today", "2026-11-25"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as reader:
        assert reader.stdout is not None and reader.stderr is not None
        reader.stdout.close()  # like `| head` that has already quit: every write hits a closed pipe
        assert reader.wait(timeout=60) == 1  # the demo fails a rule (it said 0 here: "all well")
        assert b"Broken pipe" not in reader.stderr.read()


def test_check_tells_an_unreadable_file_from_a_failing_rule(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """1 means "a rule fails" (scripts gate on it); a file that cannot be read is 2, with the reason."""
    broken = tmp_path / "broken.toml"
    broken.write_text("not = = toml", encoding="utf-8")
    assert cli.main(["check", str(broken), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "broken.toml" in captured.err
    assert cli.main(["check", str(tmp_path / "missing.toml")]) == 2
    assert cli.main(["export", str(broken)]) == 1  # the other commands keep 1


def test_what_the_app_leaves_to_say_is_printed_once_the_terminal_is_back(
    fake_app: list[Path | None], capsys: pytest.CaptureFixture[str]
) -> None:
    """E.g. where the work went when it could only be saved as a copy on the way out."""
    FakeApp.ending = (143, "your work is in a copy: /somewhere/session-copy.toml")
    assert cli.main([]) == 143
    assert "your work is in a copy: /somewhere/session-copy.toml" in capsys.readouterr().err


def test_awkward_invocations_get_one_line_and_the_right_exit_code(tmp_home: Path, capsys) -> None:
    """Found by a red-team pass: each was an internal error, a wrong file or a wrong exit code."""
    assert cli.main(["new", "--title", "bad\udcffname"]) == 1  # an argument that is no text
    assert "--title: title: text contains an unpaired surrogate" in _one_error_line(capsys.readouterr().err)
    for argv in (["export", str(BUNDLED_DEMO), "-o", ""], ["serve", "--port", "70000"]):
        with pytest.raises(SystemExit) as usage:
            cli.main(argv)
        assert usage.value.code == 2  # a usage mistake
        assert _one_error_line(capsys.readouterr().err)
    assert cli.main(["export", str(BUNDLED_DEMO), "-o", "-"]) == 0  # "-": standard output
    assert capsys.readouterr().out.startswith("# Ledgerlight")
    assert not Path("-").exists()


def test_check_with_standard_output_closed_says_so() -> None:
    """`check … >&-` was an internal error (AttributeError on a None stdout)."""
    program = [sys.executable, "-m", "workshop", "check", str(BUNDLED_DEMO), "--json"]
    closed = subprocess.run(program, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: __import__("os").close(1))
    assert closed.returncode == 2 and "standard output is closed" in closed.stderr


def test_export_and_check_judge_the_same_given_date_and_say_so(tmp_path: Path, capsys) -> None:
    """``export`` had no ``--today``: the same file was judged on another day than ``check --today``."""
    day = "2027-09-30"
    assert cli.main(["check", str(BUNDLED_DEMO), "--json", "--today", day]) in (0, 1)
    report = json.loads(capsys.readouterr().out)
    assert report["today"] == day
    out = tmp_path / "b.md"
    assert cli.main(["export", str(BUNDLED_DEMO), "--today", day, "-o", str(out)]) == 0
    assert f"(judged as of {day})" in capsys.readouterr().err
    markdown = out.read_text("utf-8")
    assert f"- Judged as of: {day}\n" in markdown
    assert f"As of {day}: {report['fails']} failing, {report['warnings']} warnings." in markdown
    # without --today: the day the session was last updated, and the blueprint says which
    updated = load_session(BUNDLED_DEMO).updated.date().isoformat()
    assert cli.main(["export", str(BUNDLED_DEMO)]) == 0
    assert f"- Judged as of: {updated} (the day the session was last updated)\n" in capsys.readouterr().out
    assert cli.main(["check", str(BUNDLED_DEMO), "--today", day]) in (0, 1)
    assert f"Health report as of {day}" in capsys.readouterr().out
    with pytest.raises(SystemExit) as usage:
        cli.main(["export", str(BUNDLED_DEMO), "--today", "30/09/2027"])
    assert usage.value.code == 2
    assert "not a date in the form YYYY-MM-DD" in capsys.readouterr().err


def test_room_opens_a_session_with_the_room_open(fake_app, tmp_home: Path, capsys) -> None:  # noqa: ANN001
    from session_store import SessionFile
    from workshop.method.defaults import new_session

    path = tmp_home / "offsite.toml"
    SessionFile.create(path, new_session(title="Offsite"))
    assert cli.main(["room", str(path), "--host", "0.0.0.0", "--port", "9000"]) == 0
    assert fake_app == [path] and FakeApp.room == ("0.0.0.0", 9000)
    assert cli.main(["room", str(path)]) == 0
    assert FakeApp.room == ("127.0.0.1", 8765)  # this machine only, unless told otherwise


def test_room_refuses_a_host_that_is_not_an_address(fake_app, capsys) -> None:  # noqa: ANN001
    with pytest.raises(SystemExit) as ended:
        cli.main(["room", "x.toml", "--host", "wifi"])
    assert ended.value.code == 2
    assert "not an IP address: 'wifi'" in capsys.readouterr().err
    assert fake_app == []


def test_room_without_a_session_says_what_to_give(fake_app, tmp_home: Path, capsys) -> None:  # noqa: ANN001
    assert cli.main(["room"]) == 1
    assert "no saved session to open" in capsys.readouterr().err


def test_list_lines_up_wide_letters_and_emoji(tmp_home: Path, capsys) -> None:
    """Japanese letters and emoji take two cells each: padding by characters misaligned them."""
    from rich.cells import cell_len

    folder = default_sessions_dir()
    for n, (title, company) in enumerate([("2027年 パートナー戦略", "株式会社サンプル"), ("🚀 Launch", "Acme 🚀"), ("Plain", "[bold]Co[/]")]):
        session = new_session(title)
        session.intake.company_name = company
        SessionFile.create(folder / f"s{n}.toml", session)
    assert cli.main(["list"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if ".toml" in line]
    assert len(lines) == 3
    starts = {cell_len(line[: line.index(word)]) for line, word in zip(lines, ("Intake", "Intake", "Intake"))}
    paths = {cell_len(line[: line.index(str(folder))]) for line in lines}
    assert len(starts) == 1 and len(paths) == 1  # PHASE and PATH start in the same column on every row
    assert any("[bold]Co[/]" in line for line in lines)  # literal, never markup


def test_a_sign_off_after_the_day_judged_fails_check_and_export_is_a_draft(tmp_path: Path, capsys) -> None:
    """Issue 18, point 5, through the command line: the demo signed 2026-11-24, judged the day before."""
    path = tmp_path / "demo.toml"
    path.write_bytes(BUNDLED_DEMO.read_bytes())
    assert cli.main(["check", str(path), "--json", "--today", "2026-11-23"]) == 1
    report = json.loads(capsys.readouterr().out)
    rule = next(r for r in report["rules"] if r["key"] == "rule.thesis_signoff")
    assert rule["status"] == "fail" and "dated 2026-11-24, after today (2026-11-23)" in rule["message"]
    assert cli.main(["export", str(path), "--today", "2026-11-23"]) == 0
    status = next(line for line in capsys.readouterr().out.splitlines() if "Status" in line)
    assert "DRAFT" in status and "FINAL" not in status.replace("NOT FINAL", "")
    assert cli.main(["check", str(path), "--json", "--today", "2026-11-24"]) == 1  # the tier rule still fails
    rule = next(r for r in json.loads(capsys.readouterr().out)["rules"] if r["key"] == "rule.thesis_signoff")
    assert rule["status"] == "pass"  # on the day itself it counts
