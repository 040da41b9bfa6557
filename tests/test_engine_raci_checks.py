from __future__ import annotations

from workshop.method.defaults import RACI_ROLES, default_raci
from workshop.method.models import Phase, Raci, RaciCode, RaciRow
from workshop.method.raci_checks import raci_findings

A, R, C, I, N = RaciCode.A, RaciCode.R, RaciCode.C, RaciCode.I, RaciCode.NONE


def test_methods_raci_is_clean_and_has_six_roles() -> None:
    raci = default_raci()
    assert raci.roles == RACI_ROLES and len(raci.roles) == 6
    assert "VP Alliance / GTM" in raci.roles
    assert [len(row.cells) for row in raci.rows] == [6] * 6
    assert raci_findings(raci) == []


def raci(*rows: list[RaciCode]) -> Raci:
    return Raci(roles=["CPO", "VP", "Legal"], rows=[RaciRow(decision=f"Row {n}", cells=list(r)) for n, r in enumerate(rows, 1)])


def test_no_a() -> None:
    found = raci_findings(raci([R, C, I]))
    assert [f.key for f in found] == ["raci.no_accountable"]
    assert "“Row 1” has no Accountable (A)" in found[0].message
    assert found[0].where == "RACI › Row 1" and found[0].phase is Phase.GOVERNANCE


def test_two_as() -> None:
    found = raci_findings(raci([A, A, R]))
    assert [f.key for f in found] == ["raci.several_accountable"]
    assert "2 Accountable (A) — CPO, VP" in found[0].message


def test_no_r() -> None:
    found = raci_findings(raci([A, C, I]))
    assert [f.key for f in found] == ["raci.no_responsible"]


def test_role_with_no_entry_in_any_row() -> None:
    found = raci_findings(raci([A, R, N], [A, R, N]))
    assert [f.key for f in found] == ["raci.idle_role"]
    assert "Legal" in found[0].message


def test_no_rows() -> None:
    assert [f.key for f in raci_findings(Raci(roles=["CPO"]))] == ["raci.no_rows"]
