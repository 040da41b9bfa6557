"""The session store's TOML reader (the compiled ``tomli``) reads exactly what the standard
``tomllib`` reads: the same values of the same types, the same refusals with the same words —
on the project's own files and on toml-test's kinds of case.  Where ``tomli`` is missing the
store falls back to ``tomllib``."""

from __future__ import annotations

import importlib
import importlib.util
import sys
import tomllib
from datetime import timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import large_session
from session_store import dump_session, load_session, parse_session, toml_reader
from tests.conftest import BUNDLED_DEMO
from tests.test_store_codec import sessions
from tests.test_store_hostile_files import WRONG_TYPES


def canonical(value: Any) -> Any:
    """``value`` with every type spelled out: ``1 == 1.0 == True`` and an equal datetime with
    another tzinfo class would pass ``==``; here they differ.  Key order counts too."""
    if isinstance(value, dict):
        return ("dict", [(key, canonical(item)) for key, item in value.items()])
    if isinstance(value, list):
        return ("list", [canonical(item) for item in value])
    tzinfo = getattr(value, "tzinfo", None)
    return (type(value).__qualname__, repr(value), type(tzinfo).__qualname__, repr(tzinfo))


def outcome(loads, text: str) -> Any:  # noqa: ANN001 - a loads function
    """What a reader makes of ``text``: its canonical values, or its refusal's class and words."""
    try:
        return canonical(loads(text))
    except RecursionError:
        return ("RecursionError",)
    except ValueError as exc:  # TOMLDecodeError, or a number Python refuses to convert
        return (type(exc).__name__, str(exc))


def assert_same(text: str) -> None:
    assert outcome(toml_reader.loads, text) == outcome(tomllib.loads, text)


def test_the_reader_is_tomli_when_installed_and_says_whether_it_is_compiled():
    assert toml_reader.NAME in ("tomli", "tomllib")
    if toml_reader.NAME == "tomli":  # the pinned wheel; compiled (mypyc) where a wheel exists
        import tomli

        assert toml_reader.COMPILED == tomli.__file__.endswith((".so", ".pyd"))


# --------------------------------------------------------------------------- toml-test's kinds of case

VALID = {
    "offset datetime Z": "d = 1979-05-27T07:32:00Z",
    "offset datetime lower z and t": "d = 1979-05-27t07:32:00z",
    "offset datetime negative": "d = 1979-05-27T00:32:00-07:00",
    "offset datetime fraction": "d = 1979-05-27T00:32:00.999999+05:30",
    "offset datetime space": "d = 1979-05-27 07:32:00+00:00",
    "offset datetime nanoseconds": "d = 1979-05-27T07:32:00.123456789Z",  # truncated to µs
    "offset -00:00": "d = 1979-05-27T07:32:00-00:00",
    "offset +23:59": "d = 1979-05-27T07:32:00+23:59",
    "leap day": "d = 2024-02-29T12:00:00+01:00",
    "local datetime": "d = 1979-05-27T07:32:00",
    "local datetime fraction": "d = 1979-05-27T00:32:00.5",
    "local date": "d = 1979-05-27",
    "local time": "t = 07:32:00",
    "local time fraction": "t = 00:32:00.999999",
    "local time long fraction": "t = 07:32:00.1234567",
    "dates in arrays": "a = [1979-05-27, 07:32:00, 1979-05-27T07:32:00Z]",
    "basic escapes": r'''s = "\b\t\n\f\r\"\\ \u00E9 \U0001F600"''',
    "literal string": r"""s = 'C:\Users\nodejs\templates'""",
    "multiline basic": 's = """\nRoses are red\r\nViolets are blue"""',
    "multiline line ending backslash": 's = """\\\n    The quick brown \\\n\n    fox."""',
    "multiline quotes": 's = """Here are two quotation marks: "". Simple enough."""\nt = """""five""""',
    "multiline literal": "s = '''\nThe first newline is\ntrimmed in raw strings.\n   All other whitespace\n   is preserved.\n'''",
    "control characters escaped": r's = "\u0000 \u001F \u007F"',
    "empty strings": "a = \"\"\nb = ''\nc = \"\"\"\"\"\"",
    "unicode": "\"ʎǝʞ\" = \"value 日本語 🤝 é\u0301\"",
    "int max": "i = 9223372036854775807",
    "int min": "i = -9223372036854775808",
    "int beyond 64 bits": "i = 99999999999999999999\nj = -9223372036854775809",
    "int bases": "h = 0xDEAD_beef\no = 0o755\nb = 0b1101_0101\nu = 1_000_000\np = +99\nz = -0",
    "floats": "a = 3.1415\nb = -0.01\nc = 5e+22\nd = 1e06\ne = -2E-2\nf = 6.626e-34\ng = 224_617.445_991",
    "float signed zero": "a = -0.0\nb = +0.0\nc = 0e0",
    "float inf nan": "a = inf\nb = +inf\nc = -inf\nd = nan\ne = +nan\nf = -nan",
    "float overflow": "a = 1e1000\nb = -1e1000",
    "float underflow": "a = 1e-400",
    "float long": "a = 3.141592653589793238462643383279",
    "booleans": "t = true\nf = false",
    "dotted keys": "a.b.c = 1\na.d = 2\n\"x.y\".z = 3\n' q '.r = 4",
    "quoted keys": "\"127.0.0.1\" = 1\n\"\" = 2\n'q' = 3\n\"a\\tb\" = 4",
    "bare keys": "key = 1\nbare_key = 2\nbare-key = 3\n1234 = 4\n- = 5\n_ = 6",
    "inline tables": "p = { x = 1, y = { z = [1, 2] } }\nq = {}",
    "arrays": "a = [ 1, 2, 3, ]\nb = [ [1, 2], ['a', \"b\"], [] ]\nc = [\n  1, # one\n  2,\n]\nd = [1, 2.0, 'x', {a = 1}]",
    "tables": "[a]\nx = 1\n[a.b]\ny = 2\n[c . d . 'e']\nz = 3",
    "arrays of tables": "[[p]]\nname = 'a'\n[[p.v]]\ns = 1\n[[p]]\nname = 'b'\n[p.q]\nr = 1",
    "super table after sub table": "[x.y.z.w]\n[x]\na = 1",
    "comments and blank lines": "# c\n\n  a = 1 # x\n\t# d\nb = 2\t\n",
    "CRLF line ends": "a = 1\r\nb = 'x'\r\n[t]\r\nc = 2\r\n",
    "tab and space around =": "a\t=\t1\nb   =   2",
    "nested 100 deep": "a = " + "[" * 100 + "]" * 100,
    "empty document": "",
    "only a comment": "# nothing",
    "string that looks like markup": 's = "[bold]X[/] a | b # x"',
    "long string": "s = '" + "x" * 5000 + "'",
}

INVALID = {
    "double equals": "a = = 1",
    "key redefined": "a = 1\na = 2",
    "table redefined": "[x]\n[x]",
    "table over value": "a = 1\n[a]",
    "inline table extended": "a = {b = 1}\na.c = 2",
    "array of tables over array": "a = []\n[[a]]",
    "unterminated string": 'a = "unterminated',
    "unterminated multiline": 'a = """x',
    "newline in basic string": 'a = "x\ny"',
    "bad escape": r'a = "\q"',
    "bad unicode escape": r'a = "\uD800"',
    "short unicode escape": r'a = "\u12"',
    "month 13": "a = 1979-13-27",
    "day 32": "a = 1979-05-32",
    "february 30": "a = 2023-02-30",
    "hour 24": "a = 24:00:00",
    "offset out of range": "a = 1979-05-27T07:32:00+24:00",
    "offset without colon": "a = 1979-05-27T07:32:00+0700",
    "no key": "= 1",
    "no value": "a =",
    "bare key with space": "a b = 1",
    "leading zero": "a = 01",
    "leading zero float": "a = 03.14",
    "trailing dot": "a = 1.",
    "leading dot": "a = .5",
    "double underscore": "a = 1__000",
    "trailing underscore": "a = 1_",
    "hex float": "a = 0x1.8p1",
    "hex upper prefix": "a = 0XFF",
    "empty hex": "a = 0x",
    "capital inf": "a = Inf",
    "capital true": "a = True",
    "array unclosed": "a = [1,",
    "array no comma": "a = [1 2]",
    "NUL": "\x00",
    "control character in comment": "a = 1 # \x01",
    "control character in string": 'a = "\x7f"',
    "lone CR": "a = 1\rb = 2",
    "two statements on a line": "a = 1 b = 2",
    "key without value at end": "a = 1\nb",
    "header unclosed": "[a",
    "array header unclosed": "[[a]",
    "empty header": "[]",
    # TOML 1.1 only: refused by tomllib, so by the reader too (tomli from 2.4 accepts them)
    "1.1 escape e": r'a = "\e"',
    "1.1 escape x": r'a = "\x41"',
    "1.1 time without seconds": "t = 07:32",
    "1.1 datetime without seconds": "d = 1979-05-27T07:32Z",
    "1.1 newline in inline table": "x = {a = 1,\n b = 2}",
    "1.1 trailing comma in inline table": "x = {a = 1,}",
    "nested too deep": "a = " + "[" * 5000 + "]" * 5000,
    "inline tables nested too deep": "a = " + "{b = " * 5000 + "1" + "}" * 5000,
    "int of 5,000 digits": "a = " + "9" * 5000,
}


@pytest.mark.parametrize("text", list(VALID.values()), ids=list(VALID))
def test_toml_test_valid_cases_read_the_same(text: str):
    assert outcome(tomllib.loads, text)[0] == "dict"  # the case is valid TOML 1.0
    assert_same(text)


@pytest.mark.parametrize("text", list(INVALID.values()), ids=list(INVALID))
def test_toml_test_invalid_cases_are_refused_with_the_same_words(text: str):
    assert outcome(tomllib.loads, text)[0] != "dict"  # the case is not TOML 1.0
    assert_same(text)


def test_offsets_come_back_as_the_same_fixed_offsets():
    data = toml_reader.loads("a = 1979-05-27T00:32:00-07:00\nb = 1979-05-27T07:32:00Z")
    assert data["a"].tzinfo == timezone(timedelta(hours=-7)) and type(data["a"].tzinfo) is timezone
    assert data["b"].tzinfo is timezone.utc


# --------------------------------------------------------------------------- the project's own files


def test_the_bundled_demo_reads_the_same():
    assert_same(BUNDLED_DEMO.read_text("utf-8"))


@pytest.mark.parametrize(("old", "new", "words"), WRONG_TYPES)
def test_the_hand_edited_fixtures_read_the_same(old: str, new: str, words: str):
    demo = BUNDLED_DEMO.read_text("utf-8")
    assert_same(demo.replace(old, new, 1))


@pytest.mark.parametrize("partners", [100, 1000])
def test_the_benchmark_sessions_read_the_same(partners: int):
    assert_same(dump_session(large_session(partners)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sessions())
def test_any_session_file_reads_the_same(session):
    assert_same(dump_session(session))


# --------------------------------------------------------------------------- any document

_keys = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)
_scalars = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs",))),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(),
    st.datetimes(),
    st.datetimes(timezones=st.sampled_from([timezone.utc, timezone(timedelta(hours=-7)), timezone(timedelta(minutes=330))])),
    st.times(),
)
_values = st.recursive(
    _scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4), max_leaves=20
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(_keys, _values, max_size=6), st.booleans())
def test_any_document_tomli_w_writes_reads_the_same(data: dict, multiline: bool):
    assert_same(tomli_w.dumps(data, multiline_strings=multiline))


_FRAGMENTS = [
    "a", "b.c", "'q'", '"k"', " = ", "=", "1", "-0", "0x1F", "1e3", "inf", "nan", "true",
    "'s'", '"t\\n"', '"""m"""', "'''l'''", "[", "]", "[[", "]]", "{", "}", ",", ".", "\n",
    "\r\n", "#", " ", "\t", "1979-05-27", "T", "07:32:00", "Z", "+05:30", ".5", "_", "\\",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=30).map("".join))
def test_any_fragment_soup_reads_or_fails_the_same(text: str):
    assert_same(text)


# --------------------------------------------------------------------------- without tomli


@pytest.fixture
def without_tomli(monkeypatch: pytest.MonkeyPatch):
    """The store as it runs where no ``tomli`` is installed: ``import tomli`` fails."""
    monkeypatch.setitem(sys.modules, "tomli", None)
    importlib.reload(toml_reader)
    yield toml_reader
    monkeypatch.undo()
    importlib.reload(toml_reader)
    assert toml_reader.NAME == ("tomli" if importlib.util.find_spec("tomli") else "tomllib")


def test_without_tomli_the_store_reads_with_tomllib(without_tomli, tmp_path: Path):
    assert without_tomli.NAME == "tomllib" and not without_tomli.COMPILED
    assert without_tomli.TOMLDecodeError is tomllib.TOMLDecodeError
    demo = BUNDLED_DEMO.read_text("utf-8")
    copy = tmp_path / "demo.toml"
    copy.write_text(demo, "utf-8")
    assert parse_session(demo, "demo.toml") == load_session(BUNDLED_DEMO)
    with pytest.raises(Exception, match=r"line 1, column 5: not valid TOML: Invalid value"):
        parse_session("a = = 1\n# end of session\n", "bad.toml")
    broken = tmp_path / "broken.toml"
    broken.write_text(demo.replace("schema_version = ", "schema_version = = ", 1), "utf-8")
    with pytest.raises(Exception, match="not valid TOML"):
        load_session(broken)


def test_with_tomli_a_refusal_reads_as_with_tomllib():
    with pytest.raises(Exception, match=r"bad.toml: line 1, column 5: not valid TOML: Invalid value"):
        parse_session("a = = 1\n# end of session\n", "bad.toml")

