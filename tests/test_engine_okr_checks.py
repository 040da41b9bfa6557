from __future__ import annotations

from workshop.method.defaults import default_objectives
from workshop.method.models import KeyResult, KRKind, Objective, Phase
from workshop.method.okr_checks import kind_count, objectives_missing_a_kind, okr_findings


def kr(text: str = "Close 5 deals", kind: KRKind | None = KRKind.LAGGING, target: str = "5", owner: str = "Ann") -> KeyResult:
    return KeyResult(text=text, kind=kind, target=target, owner=owner)


def test_method_defaults_count_both_kinds() -> None:
    counts = kind_count(default_objectives())
    assert counts.leading > 0 and counts.lagging > 0 and counts.unmarked == 0


def test_clean_objective_has_no_findings() -> None:
    objective = Objective(text="Grow", key_results=[kr(), kr("Hold 10 meetings", KRKind.LEADING)])
    assert okr_findings([objective]) == []


def test_objective_missing_a_kind_is_named() -> None:
    objectives = [
        Objective(text="Both", key_results=[kr(), kr(kind=KRKind.LEADING)]),
        Objective(text="Only lagging", key_results=[kr()]),
    ]
    assert [(o.text, k) for o, k in objectives_missing_a_kind(objectives)] == [("Only lagging", ["leading"])]
    found = okr_findings(objectives)
    assert [f.key for f in found] == ["okr.objective_one_kind"]
    assert "O2" in found[0].message and "Only lagging" in found[0].where
    assert found[0].phase is Phase.OKRS


def test_kr_without_target_or_owner_or_kind() -> None:
    objective = Objective(text="X", key_results=[kr(target=""), kr(owner=" "), kr(kind=None, target="", owner="")])
    found = okr_findings([objective])
    messages = [f.message for f in found]
    assert "KR1.1 has no target." in messages
    assert "KR1.2 has no owner." in messages
    assert "KR1.3 has no target and no owner." in messages
    assert "KR1.3 is not marked leading or lagging." in messages


def test_placeholders_and_empty_objectives() -> None:
    found = okr_findings([Objective(text="A", key_results=[kr("Sign [N] partners")]), Objective(text="B")])
    keys = [f.key for f in found]
    assert "okr.kr_placeholder" in keys and "okr.no_key_results" in keys
