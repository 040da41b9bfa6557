"""The data model's own guarantees (the method's defaults are tested with the engine)."""

import pytest
from pydantic import ValidationError

from workshop.method.defaults import new_session
from workshop.method.models import Intake, Ratings, Tier


def test_a_refused_assignment_leaves_the_record_unchanged():
    intake = Intake(current_arr=18_000_000, target_arr=45_000_000)
    with pytest.raises(ValidationError, match="must be above current ARR"):
        intake.target_arr = 12
    assert intake.target_arr == 45_000_000
    tier = Tier(id="gold", name="Gold", pipeline_min=500_000, pipeline_max=2_000_000)
    with pytest.raises(ValidationError, match="above the maximum"):
        tier.pipeline_min = 3_000_000
    assert tier.pipeline_min == 500_000


def test_validation_messages_are_clear():
    with pytest.raises(ValidationError, match="less than or equal to 100"):
        Ratings(icp_overlap=101)


def test_new_session_carries_the_methods_defaults():
    session = new_session("x")
    assert [m.name for m in session.thesis.models] == [
        "Referral", "Reseller", "Co-Sell", "Implementation", "OEM / Embed", "Joint Venture", "Technology Alliance",
    ]
    assert [t.name for t in session.tiers.tiers] == ["Platinum", "Gold", "Silver", "Registered"]
    assert len(session.governance.raci.rows) == 6
    assert len(session.objectives) == 3
    assert [q.theme for q in session.roadmap.quarters] == ["Foundation", "First Revenue", "Scale", "Acceleration"]


def test_text_that_cannot_be_saved_is_refused_but_any_other_text_is_kept():
    from workshop.method.models import Partner

    with pytest.raises(ValidationError, match="unpaired surrogate"):
        Partner(name="bad \ud800 name")
    hostile = "[bold]X[/] a | b # x 🚀 \u202eRTL \x1b[31m"
    assert Partner(name=hostile).name == hostile


@pytest.mark.parametrize(
    ("model", "field", "required"),
    [
        ("Ratings", "icp_overlap", {}),
        ("EconomicsInputs", "win_rate_pct", {}),
        ("EconomicsInputs", "direct_cac_ratio", {}),
        ("KeyResult", "measure_value", {"text": "Grow"}),
    ],
)
@pytest.mark.parametrize("value", [float("nan"), float("inf"), float("-inf")])
def test_a_number_that_is_not_finite_is_refused_when_built_and_when_assigned(model, field, required, value):
    """Checked by pydantic-core (``allow_inf_nan=False`` and the bounds), with no Python call per
    number: a NaN would otherwise sort, score and export as nonsense."""
    from workshop.method import models

    cls = getattr(models, model)
    with pytest.raises(ValidationError):
        cls(**required, **{field: value})
    record = cls(**required)
    with pytest.raises(ValidationError):
        setattr(record, field, value)
