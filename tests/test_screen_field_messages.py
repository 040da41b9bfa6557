"""What the person typing reads when a value is refused (screens.fields.validation_message)."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from screens.fields import validation_message
from workshop.method.models import Decision, QuarterResult, Ratings, SignOff


def _refusal(model: type, kind: str = "", **values: object) -> str:
    with pytest.raises(ValidationError) as caught:
        model(**values)
    return validation_message(caught.value, kind)


def test_limits_read_as_numbers_with_separators() -> None:
    assert _refusal(QuarterResult, quarter="2026-Q1", pipeline=10**13) == "Must be at most 1,000,000,000,000"
    assert _refusal(Ratings, icp_overlap=120) == "Must be at most 100"
    assert _refusal(Ratings, icp_overlap=-1) == "Must be at least 0"


def test_a_money_limit_reads_as_money() -> None:
    assert _refusal(QuarterResult, "money", quarter="2026-Q1", pipeline=10**13) == "Must be at most $1,000,000,000,000"


def test_a_year_is_not_grouped_like_an_amount() -> None:
    from workshop.method.models import Roadmap

    assert _refusal(Roadmap, year=3000) == "Must be at most 2200"


def test_a_date_limit_reads_as_a_date() -> None:
    assert _refusal(Decision, id="D-001", capability="x", decided_on=date(2300, 1, 1)) == "Must be at most 2200-12-31"


def test_a_text_in_the_wrong_form_points_at_the_example_not_at_a_regular_expression() -> None:
    message = _refusal(QuarterResult, quarter="26-Q9")
    assert message == "Not in the expected form shown above"
    assert "^" not in message and "\\d" not in message


def test_other_problems_keep_their_own_words_as_a_sentence() -> None:
    assert _refusal(SignOff, name="  ") == "Sign-off needs the name of the person signing"
