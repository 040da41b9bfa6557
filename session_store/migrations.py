"""Schema migrations: bring a file written by an older version up to :data:`SCHEMA_VERSION`.

``MIGRATIONS[n]`` takes the raw TOML data of a version-``n`` file (a dict, already parsed)
and returns the data of version ``n + 1``. When the model changes incompatibly, bump
``workshop.method.models.SCHEMA_VERSION`` and add the step here (with a test loading a file of the
old version).

* 1 → 2: the audit trail (``audit``). A version-1 file starts its trail with what it already
  records: its thesis sign-off and its final decisions, dated as the file dates them.
* 2 → 3: the session's scoring weights (``[mapping.weights]``). A version-2 file scored with the
  method's 30/25/20/15/10, so those are written in.
* 3 → 4: a key result's structured measure (``measure``, ``measure_value``, ``measure_unit``).
  A key result whose text states one the economics can check ("Sign 3 Platinum partners…",
  "$12M in partner-sourced pipeline", "30% of ARR", "60 certified…") gets it; the text stays.
* 4 → 5: must-pass gates (``[[mapping.gates]]``, each partner's ``gate_checks``). A version-4
  file had none: it reads as "no gates", which keeps every band what the score says.
* 5 → 6: the tier framework becomes the session's own (issue 17; tests/test_store_migrations.py).
  See docs/session-format.md.
* 6 → 7: the session's currency (``intake.currency``, ISO 4217). A version-6 file's amounts were
  all dollars: it reads as ``USD``, written in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from session_store.errors import NewerVersionError, SessionError
from workshop.method import models
from workshop.method.audit import seed_from_file
from workshop.method.kr_checks import measure_from_text

Migration = Callable[[dict[str, Any]], dict[str, Any]]


def _1_to_2_audit_trail(data: dict[str, Any]) -> dict[str, Any]:
    if "audit" not in data:
        data["audit"] = seed_from_file(data)
    return data


def _2_to_3_scoring_weights(data: dict[str, Any]) -> dict[str, Any]:
    mapping = data.get("mapping")
    if mapping is None:
        mapping = data["mapping"] = {}
    if not isinstance(mapping, dict):
        return data  # not a table: validation says so, naming the place
    if "weights" not in mapping:
        mapping["weights"] = {field: weight * 100 for field, (_label, weight) in models.RATING_FIELDS.items()}
    return data


def _3_to_4_key_result_measures(data: dict[str, Any]) -> dict[str, Any]:
    for objective in data.get("objectives") or []:
        if not isinstance(objective, dict):
            continue
        for kr in objective.get("key_results") or []:
            if not isinstance(kr, dict) or "measure" in kr or not isinstance(kr.get("text"), str):
                continue
            read = measure_from_text(kr["text"])
            if read is not None:
                kr["measure"] = read.kind.value
                kr["measure_value"] = read.value
    return data


def _4_to_5_gates(data: dict[str, Any]) -> dict[str, Any]:
    """Nothing to convert: no gates then, and no partner judged against one (the version number
    alone changes, so an older Partner Workshop refuses a file with gates as newer, instead of
    calling ``gates`` an unknown field)."""
    return data



# ---------------------------------------------------------------------------- 5 -> 6

_OLD_ORDER = ["platinum", "gold", "silver", "registered"]
"""Versions 1 to 5's fixed tiers, highest first (their ``TierName``)."""

_OLD_METHOD_TIERS: dict[str, dict[str, Any]] = {
    "platinum": {"pipeline_min": 2_000_000, "certified_individuals": 5, "dedicated_practice": True},
    "gold": {"pipeline_min": 500_000, "pipeline_max": 2_000_000, "certified_individuals": 3},
    "silver": {"pipeline_min": 100_000, "pipeline_max": 500_000, "certified_individuals": 1},
    "registered": {"benefits": ["Limited deal registration", "Self-serve training access"]},
}
"""The method's criteria of a version-5 tier a file did not define but still used: version 5's
engine treated Registered as the floor of every ladder, defined or not, and let partners hold a
tier the framework lacked."""

_OLD_SHARES = {"platinum": 50.0, "gold": 30.0, "silver": 20.0}
"""Version 5's default tier pipeline mix (``economics.<tier>_pipeline_share_pct``)."""


def _5_to_6_tier_framework(data: dict[str, Any]) -> dict[str, Any]:
    """Tiers get an id (version 5's name: ``platinum``) and a name as shown (``Platinum``);
    they are ordered highest first; each takes its months before exit (``exit_months``, or
    ``exit_months_registered`` for Registered) from the rules and its pipeline share from the
    economics; a tier partners hold but the file lacked, and Registered (version 5's floor of
    every ladder), are added with the method's criteria.  Partners' ``program_tier`` values
    (``gold``) are the new ids, unchanged."""
    framework = dict(data.get("tiers") or {})
    listed = framework.get("tiers") or []
    if listed and all(isinstance(tier, dict) and "id" in tier for tier in listed):
        return data  # already in the new shape (a file edited by hand, or migrated before)
    rules = dict(framework.get("rules") or {})
    exit_months = rules.pop("exit_months", 12)
    exit_registered = rules.pop("exit_months_registered", 6)
    economics = dict(data.get("economics") or {})
    shares = {name: economics.pop(f"{name}_pipeline_share_pct", default) for name, default in _OLD_SHARES.items()}

    by_id: dict[str, dict[str, Any]] = {}
    for tier in framework.get("tiers") or []:
        tier = dict(tier)
        name = tier.pop("name", None)
        if name not in _OLD_ORDER:
            raise ValueError(f"tier {name!r} is not one of {', '.join(_OLD_ORDER)}")
        if name in by_id:
            raise ValueError(f"tier {name!r} appears twice")
        by_id[name] = tier
    held = {
        partner.get("program_tier")
        for partner in (data.get("mapping") or {}).get("partners") or []
        if isinstance(partner, dict)
    }
    needed = {name for name in _OLD_ORDER if name in held}
    if by_id or needed:
        needed.add("registered")
    for name in _OLD_ORDER:
        if name in needed and name not in by_id:
            by_id[name] = dict(_OLD_METHOD_TIERS[name])
    if len(by_id) == 1:  # a ladder of Registered only: version 5 could not move anyone either
        by_id["silver"] = dict(_OLD_METHOD_TIERS["silver"])

    tiers = []
    for name in _OLD_ORDER:
        if name not in by_id:
            continue
        tier = {"id": name, "name": name.capitalize(), **by_id[name]}
        tier["exit_months"] = exit_registered if name == "registered" else exit_months
        tier["pipeline_share_pct"] = shares.get(name, 0.0)
        tiers.append(tier)
    if tiers or framework:
        framework["tiers"] = tiers
        framework["rules"] = rules
        data["tiers"] = framework
    if economics or "economics" in data:
        data["economics"] = economics
    return data


def _6_to_7_currency(data: dict[str, Any]) -> dict[str, Any]:
    intake = data.get("intake")
    if intake is None:
        intake = data["intake"] = {}
    if isinstance(intake, dict) and "currency" not in intake:  # not a table: validation says so
        intake["currency"] = "USD"
    return data


MIGRATIONS: dict[int, Migration] = {
    1: _1_to_2_audit_trail,
    2: _2_to_3_scoring_weights,
    3: _3_to_4_key_result_measures,
    4: _4_to_5_gates,
    5: _5_to_6_tier_framework,
    6: _6_to_7_currency,
}


def migrate(data: dict[str, Any], source: str) -> dict[str, Any]:
    """Return ``data`` at the current schema version, or raise a one-line :class:`SessionError`."""
    current = models.SCHEMA_VERSION
    version = data.get("schema_version")
    if version is None:
        raise SessionError(f"{source}: schema_version: missing (every session file starts with it)")
    if type(version) is not int:
        got = repr(version)
        got = got if len(got) <= 60 else got[:57] + "..."
        raise SessionError(f"{source}: schema_version: must be a whole number, got {got}")
    if version > current:
        shown = version if version < 10**12 else "of more than 12 digits"  # one short line
        raise NewerVersionError(
            f"{source}: written by a newer Partner Workshop (schema version {shown}; "
            f"this one reads up to {current}) - upgrade partner-workshop to open it"
        )
    while version < current:
        step = MIGRATIONS.get(version)
        if step is None:
            raise SessionError(
                f"{source}: schema version {version} is not supported (no migration to {version + 1})"
            )
        try:
            data = step(dict(data))
        except Exception as exc:  # a migration step meeting data it did not expect
            raise SessionError(
                f"{source}: cannot migrate from schema version {version}: {exc}"
            ) from exc
        version += 1
        data["schema_version"] = version
    return data
