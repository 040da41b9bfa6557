"""The ``partner-workshop`` command line (``python -m workshop`` is the same).

Commands that open the App import Textual lazily: ``list``, ``schema``, ``check`` and
``export`` start fast and never import it. Every error is one line on stderr with a
non-zero exit (2 for usage mistakes, 1 otherwise), never a traceback. ``check`` keeps 1 for
"a rule fails" and exits 2 when it cannot check at all (the file cannot be read), as ``grep``
keeps 1 for "no match".
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import NoReturn

from workshop import __version__

PROG = "partner-workshop"
EXPORT_FORMATS = ("markdown", "html", "docx", "pptx", "yaml", "json")
"""``export --format`` choices (the same keys as ``workshop.export.formats.FORMATS``, listed
here so that the parser does not import the export)."""
BINARY_FORMATS = frozenset({"docx", "pptx"})
DEBUG_ENV = "PARTNER_WORKSHOP_DEBUG"


class CliError(Exception):
    """A failure to report as one line on stderr (exit code 1)."""


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line (exit code 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def _port(text: str) -> int:
    try:
        port = int(text)
    except ValueError:
        port = 0
    if not 0 < port < 65536:
        raise argparse.ArgumentTypeError(f"not a port number (1-65535): {text!r}")
    return port


def _host(text: str) -> str:
    """An IP address of this machine to listen on (or 0.0.0.0 for all of them)."""
    import ipaddress

    if text == "localhost":
        return "127.0.0.1"
    try:
        return str(ipaddress.ip_address(text))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an IP address: {text!r} (e.g. 192.168.1.20)") from None


def _currency_code(text: str) -> str:
    code = text.strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise argparse.ArgumentTypeError(f"not a three-letter currency code such as USD, GBP or EUR: {text!r}")
    return code


def _font_size(text: str) -> int:
    try:
        size = int(text)
    except ValueError:
        size = 0
    if not 8 <= size <= 72:
        raise argparse.ArgumentTypeError(f"not a font size in pixels (8-72): {text!r}")
    return size


def _output(text: str) -> Path | None:
    """``-o FILE``; ``-o -`` is standard output, as usual."""
    if not text.strip():
        raise argparse.ArgumentTypeError("needs a file name (or - for standard output)")
    return None if text == "-" else Path(text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog=PROG,
        description="Run a partnership-strategy workshop in the terminal and leave a finished "
        "partnership blueprint. Without a command, opens the home screen.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    new = commands.add_parser("new", help="start a new session, pre-filled with the method's defaults")
    new.add_argument("--title", default="Partnership strategy workshop", help="the session's title")
    new.add_argument(
        "--currency",
        type=_currency_code,
        default="USD",
        metavar="CODE",
        help="ISO code of the session's amounts, e.g. GBP or EUR (default USD; Intake changes it)",
    )

    open_ = commands.add_parser("open", help="resume a session (a file path, or a name from `list`)")
    open_.add_argument("session", metavar="PATH|NAME")

    commands.add_parser("list", help="list the saved sessions, newest first")
    commands.add_parser("demo", help="open a fresh copy of the bundled demo session")
    commands.add_parser("schema", help="print the JSON Schema of a session file")

    export = commands.add_parser("export", help="write the blueprint (Markdown, HTML, Word, PowerPoint, YAML, JSON)")
    export.add_argument("session", metavar="PATH|NAME")
    export.add_argument("-o", "--output", type=_output, metavar="OUT", help="file to write (default, or -: stdout)")
    export.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default="markdown",
        help="markdown (default), html, docx, pptx; yaml or json: the partnership_thesis block alone",
    )
    export.add_argument("--template", type=Path, metavar="FILE", help="a Jinja2 template to use instead")
    export.add_argument("--force", action="store_true", help="overwrite OUT if it exists")
    export.add_argument(
        "--for",
        dest="audience",
        choices=("team", "board"),
        default="team",
        help="board: leave out the team's working notes (where to fix findings, session id and record)",
    )
    export.add_argument(
        "--today",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="the date to judge tier actions and health on (default: the session's last update)",
    )

    serve = commands.add_parser(
        "serve", help="serve the app to a browser on this machine (for projecting a browser window)"
    )
    serve.add_argument("session", nargs="?", metavar="PATH|NAME", help="open this session (default: home)")
    serve.add_argument("--port", type=_port, default=8000, help="port on 127.0.0.1 (default 8000)")
    serve.add_argument(
        "--font-size",
        type=_font_size,
        default=16,
        metavar="N",
        help="text size in the browser, in pixels (default 16; 24-32 for a projector); "
        "the page's ?fontsize=N changes it too",
    )

    room = commands.add_parser(
        "room", help="open a session with the room open: participants rate and vote from their phones"
    )
    room.add_argument("session", nargs="?", metavar="PATH|NAME",
                      help="the session (default: the one saved last)")
    room.add_argument("--host", type=_host, default="127.0.0.1",
                      help="address to listen on (default 127.0.0.1: this machine only; the room's "
                      "Wi-Fi address lets phones join — anyone on that network with the code)")
    room.add_argument("--port", type=_port, default=8765, help="port (default 8765)")

    check = commands.add_parser(
        "check",
        help="print the blueprint's health report; exit 1 if a rule fails, 2 if the session cannot be read",
    )
    check.add_argument("session", metavar="PATH|NAME")
    check.add_argument("--json", action="store_true", help="machine-readable output")
    check.add_argument(
        "--today", type=_iso_date, metavar="YYYY-MM-DD", help="the date to check against (default: today)"
    )
    return parser


# --------------------------------------------------------------------------- commands


def _open_app(session_path: Path | None, room: tuple[str, int] | None = None) -> int:
    """Open the App (on a session, checked first so a bad file is one line here, not a crash)."""
    session_file = None
    if session_path is not None:
        from session_store import SessionError, SessionFile, backup_path

        try:
            session_file = SessionFile.open(session_path)
        except SessionError as exc:
            backup = backup_path(Path(session_path))
            hint = f" (the previous save is kept in {backup})" if backup.exists() else ""
            raise CliError(f"{exc}{hint}") from None
    try:
        from workshop.app import PartnerWorkshopApp
    except ImportError as exc:  # a broken install (Textual missing): say so in one line
        raise CliError(f"the app cannot start: {exc}") from None
    app = PartnerWorkshopApp(session_file=session_file, room=room)
    app.run()
    if app.exit_note:  # the terminal is back: say what the person must know (a copy's path)
        print(f"{PROG}: {app.exit_note}", file=sys.stderr)
    return app.return_code or 0


def _cmd_home(args: argparse.Namespace) -> int:
    return _open_app(None)


def _cmd_new(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from session_store import SessionFile, new_session_path
    from session_store.codec import describe_validation_error
    from workshop.method.defaults import new_session

    try:
        session = new_session(title=args.title)
        session.intake.currency = args.currency
    except ValidationError as exc:  # a title that cannot be saved (an unpaired surrogate)
        raise CliError(f"--title: {describe_validation_error(exc)}") from None
    created = SessionFile.create(new_session_path(args.title), session)
    print(f"Created {created.path}", file=sys.stderr)
    return _open_app(created.path)


def _cmd_open(args: argparse.Namespace) -> int:
    from session_store import resolve_session

    return _open_app(resolve_session(args.session))


def _cmd_demo(args: argparse.Namespace) -> int:
    from session_store import demo_copy

    return _open_app(demo_copy())


def _cmd_list(args: argparse.Namespace) -> int:
    from session_store import default_sessions_dir, list_sessions
    from session_store.errors import one_line

    folder = default_sessions_dir()
    summaries = list_sessions(folder)
    if not summaries:
        print(f"No sessions yet in {folder}. Start one with: {PROG} new --title \"...\"")
        return 0
    _print_table(
        ("TITLE", "COMPANY", "PHASE", "UPDATED", "PATH"),
        [
            ("(cannot be read)", "", "", _local(s.updated), str(s.path))
            if s.error
            else (s.title, s.company, s.phase.title, _local(s.updated), str(s.path))
            for s in summaries
        ],
    )
    for s in summaries:
        if s.error:
            print(f"! {one_line(s.error)}")
    return 0


LIST_WIDTHS = (34, 24, 25, 16)
"""The widest TITLE, COMPANY, PHASE and UPDATED columns of ``list``, in terminal cells (a longer
value ends in …); PATH is never cut."""

LIST_LEAST = (12, 8, 6, 16, 20)
"""The narrowest each column of ``list`` gets in a narrow terminal (UPDATED is never cut)."""


def _print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    """Columns lined up by what the terminal shows (Rich measures cells: a Japanese letter or an
    emoji takes two), each value on one line and literal (never markup, never a control code).
    In a narrow terminal TITLE, then COMPANY and PHASE, give way (down to LIST_LEAST) before
    PATH folds; in a file or a pipe every row is whole on its line."""
    from rich import box
    from rich.cells import cell_len
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from session_store.errors import one_line

    cells = [tuple(one_line(value) for value in row) for row in (header, *rows)]
    natural = [max(cell_len(row[i]) for row in cells) for i in range(len(header))]
    widths = [min(n, w) for n, w in zip(natural, LIST_WIDTHS)] + [natural[-1]]
    console = Console(file=sys.stdout, highlight=False)
    if not console.is_terminal:
        console.width = sum(widths) + 3 * len(widths)
    excess = sum(widths) + 3 * (len(widths) - 1) - console.width  # a gap is a space and its padding
    for i in (0, 1, 2, 0, 1, 2):  # take half the excess, then all that is left, from each in turn
        if excess <= 0:
            break
        give = max(0, min(widths[i] - LIST_LEAST[i], excess if i == 2 or widths[i] < 2 * excess else excess // 2 + 1))
        widths[i] -= give
        excess -= give
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold", padding=(0, 1))
    for i, name in enumerate(header):
        if i == len(header) - 1:  # PATH: folded onto more lines in a narrow terminal, never cut
            table.add_column(name, overflow="fold")
        else:
            table.add_column(name, width=widths[i], no_wrap=True, overflow="ellipsis")
    for row in cells[1:]:
        table.add_row(*(Text(value) for value in row))
    console.print(table)


def _local(moment) -> str:  # type: ignore[no-untyped-def]
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _cmd_serve(args: argparse.Namespace) -> int:
    from session_store import resolve_session

    command = [sys.executable, "-m", "workshop"]
    if args.session:
        command += ["open", str(resolve_session(args.session).resolve())]
    try:
        from workshop.browser import make_server, page_url

        import shlex

        server = make_server(shlex.join(command), host="127.0.0.1", port=args.port, font_size=args.font_size)
    except ImportError as exc:
        raise CliError(f"the browser view cannot start: {exc}") from None
    url = page_url(f"http://127.0.0.1:{args.port}", args.font_size)
    print(f"Serving on {url} (ctrl+c stops; ?fontsize=N in the address sets the text size)", file=sys.stderr)
    server.serve()
    return 0


def _cmd_room(args: argparse.Namespace) -> int:
    from session_store import default_sessions_dir, list_sessions, resolve_session

    if args.session:
        path = resolve_session(args.session)
    else:
        readable = [s for s in list_sessions(default_sessions_dir()) if not s.error]
        if not readable:
            raise CliError(f"no saved session to open: give a PATH or NAME (or start one: {PROG} new)")
        path = readable[0].path
    print(f"Opening {path} with the room on {args.host}:{args.port}", file=sys.stderr)
    return _open_app(path, room=(args.host, args.port))


def _cmd_schema(args: argparse.Namespace) -> int:
    from workshop.method.models import Session

    print(json.dumps(Session.model_json_schema(), indent=2, ensure_ascii=False))
    return 0


def _load(name_or_path: str):  # type: ignore[no-untyped-def]
    from session_store import load_session, resolve_session

    return load_session(resolve_session(name_or_path))


def _cmd_export(args: argparse.Namespace) -> int:
    from session_store import check_blueprint_target, load_session, resolve_session, write_blueprint
    from workshop.export.formats import render_blueprint
    from workshop.export.markdown import ExportError

    path = resolve_session(args.session)
    session = load_session(path)
    output: Path | None = args.output
    if output is not None:  # refused before the work of making it
        check_blueprint_target(output, session_path=path, force=args.force)
    try:
        data = render_blueprint(
            session, args.format, template=args.template, today=args.today, audience=args.audience
        )
    except ExportError as exc:
        raise CliError(str(exc)) from None
    if output is None:
        if args.format in BINARY_FORMATS and sys.stdout.isatty():
            raise CliError(f"{args.format} is a binary file: name it with -o FILE")
        if args.format in BINARY_FORMATS:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data.decode("utf-8"))
        return 0
    write_blueprint(data, output, session_path=path, force=args.force)
    today = args.today or session.updated.date()
    print(f"Wrote {output} (judged as of {today.isoformat()})", file=sys.stderr)
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    from workshop.check import run_check

    session = _load(args.session)
    return run_check(session, as_json=args.json, today=args.today or date.today())


COMMANDS = {
    None: _cmd_home,
    "new": _cmd_new,
    "open": _cmd_open,
    "list": _cmd_list,
    "demo": _cmd_demo,
    "schema": _cmd_schema,
    "export": _cmd_export,
    "check": _cmd_check,
    "serve": _cmd_serve,
    "room": _cmd_room,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    from workshop.gc_policy import tune_garbage_collector

    tune_garbage_collector()  # before Textual and pydantic are imported: they are the bulk
    args = build_parser().parse_args(argv)
    from session_store.errors import SessionError, one_line

    if sys.stdout is None:  # started with standard output closed (`>&-`)
        print(f"{PROG}: standard output is closed: nothing can be printed", file=sys.stderr)
        return 2 if args.command == "check" else 1

    try:
        return COMMANDS[args.command](args)
    except (SessionError, CliError) as exc:
        message = str(exc)
    except BrokenPipeError:  # the reader went away (`... | head`): nothing left to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        message = f"{where}{exc.strerror or exc}"
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: still one line, unless debugging
        if os.environ.get(DEBUG_ENV):
            raise
        message = f"internal error ({type(exc).__name__}: {exc}); set {DEBUG_ENV}=1 for details"
    print(f"{PROG}: {one_line(message)}", file=sys.stderr)
    return 2 if args.command == "check" else 1  # check: 1 means "a rule fails"
