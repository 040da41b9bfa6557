"""The session's currency (issue 21: it was fixed to $ though the demo company sells in the UK
and EU): typed, shown and exported with the session's symbol; old files read as USD."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.widgets import Select

from session_store import SessionFile, load_session
from session_store.codec import dump_session
from tests.app_harness import app_on, calm, until
from workshop.method import currency
from workshop.method.currency import currency_of, session_currency
from workshop.method.defaults import new_session
from workshop.method.economics import partner_economics
from workshop.export.markdown import export_markdown
from workshop.method.models import SCHEMA_VERSION, Session
from workshop.method.values import format_money, parse_money

FIXTURES = Path(__file__).parent / "fixtures"
GBP = currency_of("GBP")


def test_money_is_typed_and_shown_in_the_sessions_currency() -> None:
    assert parse_money("£1.25M", GBP) == 1_250_000
    assert parse_money("1.25M GBP", GBP) == parse_money("gbp 1,250,000", GBP) == 1_250_000
    assert parse_money("500k", GBP) == 500_000
    with pytest.raises(ValueError, match="not an amount in GBP"):
        parse_money("$5M", GBP)  # never converted, so never taken for pounds
    assert format_money(1_250_000, GBP) == "£1,250,000"
    assert format_money(1_250_000) == "$1,250,000"  # USD unless a session says otherwise
    assert currency_of("XYZ").symbol == "XYZ "  # an unknown code is written as a code


def test_a_version_6_file_reads_as_dollars(tmp_path: Path) -> None:
    old = (FIXTURES / "demo_v6.toml").read_text("utf-8")
    assert "schema_version = 6\n" in old and "currency" not in old
    path = tmp_path / "old.toml"
    path.write_text(old, "utf-8")
    opened = SessionFile.open(path)
    assert opened.session.schema_version == SCHEMA_VERSION and opened.session.intake.currency == "USD"
    opened.save(opened.session)
    assert 'currency = "USD"' in path.read_text("utf-8")
    assert opened.backup.read_text("utf-8") == old


def test_a_currency_that_is_not_a_code_is_refused() -> None:
    with pytest.raises(ValueError):
        Session.model_validate({"intake": {"currency": "pounds"}})


def test_the_economics_and_the_export_speak_the_sessions_currency(demo_session: Session) -> None:
    typed = dump_session(demo_session)  # what the team wrote: kept as written
    demo_session.intake.currency = "GBP"
    text = export_markdown(demo_session, today=demo_session.updated.date())
    assert "£15,750,000" in text and "per £1 of new ARR" in text  # figures, sentences, template
    dollars = set(re.findall(r"\$\d[\d,.]*[MK]?", text))
    assert all(amount.rstrip(".,") in typed for amount in dollars), dollars - {d for d in dollars if d in typed}
    with session_currency("GBP"):
        assert partner_economics(demo_session).partner_arr_target.text.startswith("£")
    assert currency.current().code == "USD"  # the export's currency ends with it
    demo_session.intake.currency = "USD"  # and the template was not compiled in pounds
    assert "per $1 of new ARR" in export_markdown(demo_session, today=demo_session.updated.date())


async def test_the_currency_is_chosen_at_intake_and_every_amount_follows(tmp_path: Path) -> None:
    session = new_session("Offsite")
    session.intake.current_arr = 18_000_000
    app = app_on(session, tmp_path)
    async with app.run_test(size=(120, 40)) as pilot:
        select = app.screen.query_one("#field-currency Select", Select)
        select.value = "GBP"  # as picking it from the list does
        await until(pilot, lambda: app.session.intake.currency == "GBP", "the currency edited")
        await calm(pilot)
        assert currency.current().code == "GBP" and format_money(5) == "£5"
        entry = app.screen.query_one("#field-current_arr #input")
        await until(pilot, lambda: entry.value == "£18,000,000", "the amounts shown in pounds")
        assert app.session.intake.current_arr == 18_000_000  # relabelled, never converted
        await until(pilot, lambda: load_session(tmp_path / "session.toml").intake.currency == "GBP", "the autosave")
