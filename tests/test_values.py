"""Typed values as a facilitator types them: parse, refuse clearly, format back."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.method.values import (
    format_money,
    format_number,
    parse_count,
    parse_date,
    parse_lines,
    parse_money,
    parse_percent,
    parse_rating,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1250000", 1_250_000),
        ("$1,250,000", 1_250_000),
        ("1.25M", 1_250_000),
        ("500k", 500_000),
        (" $2m ", 2_000_000),
        ("0", 0),
        ("", None),
        ("   ", None),
    ],
)
def test_money_accepts_what_people_type(text, expected):
    assert parse_money(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-5", "cannot be negative"),
        ("abc", "not an amount"),
        ("1,25,000", "not an amount"),
        ("12x", "not an amount"),
        ("1e9", "not an amount"),
    ],
)
def test_money_refuses_with_a_clear_message(text, message):
    with pytest.raises(ValueError, match=message):
        parse_money(text)


@given(st.integers(min_value=0, max_value=10**12))
def test_money_round_trips_through_its_display(value):
    assert parse_money(format_money(value)) == value


def test_percent_and_rating_bounds():
    assert parse_percent("25%") == 25.0
    assert parse_rating("100") == 100.0
    assert parse_rating("") is None
    with pytest.raises(ValueError, match="between 0 and 100"):
        parse_rating("101")
    with pytest.raises(ValueError, match="between 0 and 100"):
        parse_percent("-1")
    with pytest.raises(ValueError, match="not a number"):
        parse_rating("nan")
    with pytest.raises(ValueError, match="not a number"):
        parse_rating("seventy")


def test_numbers_format_without_noise():
    assert format_number(25.0) == "25"
    assert format_number(72.5) == "72.5"
    assert format_number(None) == ""


def test_count_and_date():
    assert parse_count("1,200") == 1200
    with pytest.raises(ValueError, match="whole number"):
        parse_count("1.5")
    assert parse_date("2027-03-31") == date(2027, 3, 31)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date("2027-02-30")


def test_lines_keep_text_exactly_but_drop_blank_lines():
    assert parse_lines("[bold]x[/]\n\n  # y  \n") == ["[bold]x[/]", "  # y  "]


def test_an_amount_over_the_cap_is_refused_in_the_models_words() -> None:
    """Typed as digits or with a suffix, the same limit and the same sentence as the model's."""
    for typed in ("2000000000000", "2000B", "1000000000001"):
        with pytest.raises(ValueError, match=r"^Must be at most \$1,000,000,000,000$"):
            parse_money(typed)
    assert parse_money("1000B") == 10**12
