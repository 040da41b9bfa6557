"""Schema migrations: bring a file written by an older version up to :data:`SCHEMA_VERSION`.

``MIGRATIONS[n]`` takes the raw TOML data of a version-``n`` file (a dict, already parsed)
and returns the data of version ``n + 1``. When the model changes incompatibly, bump
``workshop.models.SCHEMA_VERSION`` and add the step here (with a test loading a file of the
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
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from session_store.errors import NewerVersionError, SessionError
from workshop import models
from workshop.audit import seed_from_file
from workshop.kr_checks import measure_from_text

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


MIGRATIONS: dict[int, Migration] = {
    1: _1_to_2_audit_trail,
    2: _2_to_3_scoring_weights,
    3: _3_to_4_key_result_measures,
    4: _4_to_5_gates,
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
