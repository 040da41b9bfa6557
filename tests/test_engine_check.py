from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date

from workshop.check import run_check
from workshop.method.defaults import new_session
from workshop.method.models import Partner

TODAY = date(2025, 6, 15)
HOSTILE = "[bold]x[/] [@click=app.quit]q[/] :smile: [/]"


def healthy():
    s = new_session()
    s.roadmap.last_reviewed = date(2025, 5, 1)
    s.mapping.competitor_map_refreshed = date(2025, 5, 1)
    return s


def test_table_in_words_and_exit_codes() -> None:
    out = io.StringIO()
    assert run_check(new_session(), as_json=False, today=TODAY, file=out) == 1
    text = out.getvalue()
    assert "FAIL" in text and "WARN" in text and "PASS" in text
    assert "Completeness" in text and "Quality rules" in text
    out = io.StringIO()
    assert run_check(healthy(), as_json=False, today=TODAY, file=out) == 0
    assert "No quality rule fails" in out.getvalue()


def test_user_text_is_printed_literally() -> None:
    s = healthy()
    s.mapping.partners = [Partner(name=HOSTILE)]
    out = io.StringIO()
    run_check(s, as_json=False, today=TODAY, file=out)
    flat = " ".join(out.getvalue().split())
    assert "[bold]x[/]" in flat and ":smile:" in flat and "[@click=app.quit]q[/]" in flat


def test_escape_sequences_in_user_text_never_reach_the_terminal() -> None:
    """A partner name holding "ESC ] 0 ; … BEL" retitled the terminal window; ESC [ 31 m turned
    the rest of the report red. They are shown as symbols; the JSON keeps them exactly."""
    name = "Fincrest\x1b]0;PWNED\x07\x1b[31mRED\x9b2J"
    s = healthy()
    s.mapping.partners = [Partner(name=name)]
    out = io.StringIO()
    run_check(s, as_json=False, today=TODAY, file=out)
    text = out.getvalue()
    assert not any(ch in text for ch in "\x1b\x07\x9b")
    assert "Fincrest␛]0;PWNED␇␛[31mRED" in "".join(text.split())
    out = io.StringIO()
    run_check(s, as_json=True, today=TODAY, file=out)
    assert "\x1b" not in out.getvalue()  # JSON escapes it…
    assert any(name in f["message"] for f in json.loads(out.getvalue())["findings"])  # …and keeps it


def test_json_is_machine_readable() -> None:
    s = healthy()
    s.mapping.partners = [Partner(name=HOSTILE)]
    out = io.StringIO()
    assert run_check(s, as_json=True, today=TODAY, file=out) == 0
    data = json.loads(out.getvalue())
    assert data["today"] == "2025-06-15" and data["exit_code"] == 0
    assert len(data["rules"]) == 6 and {r["status"] for r in data["rules"]} <= {"pass", "warn", "fail"}
    assert any(HOSTILE in f["message"] for f in data["findings"])
    assert set(data["completeness"]) == {"intake", "thesis", "mapping", "tiers", "decisions", "okrs", "governance"}


def test_check_never_imports_textual() -> None:
    code = "import sys, workshop.check, workshop.method.economics, workshop.method.thesis_statement; print('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
