"""The session's own tier ladder: add, rename, reorder and remove tiers, and check the ladder climbs.

Tiers are identified by a stable id (:attr:`workshop.method.models.Tier.id`, a slug of the name the
tier was created with); partners hold the id, so a rename changes the tier's name and nothing
that refers to it.  Free text that names the tier — objectives, key results, roadmap items —
is renamed too (whole words, exactly as typed).

Every function here changes the session only when the change is allowed, and raises
:class:`LadderError` with a sentence for the facilitator otherwise.  See docs/method.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from workshop.method.models import (
    MAX_TIERS,
    MIN_TIERS,
    Session,
    Tier,
    TierFramework,
    tier_name_key,
)
from workshop.method.dates import money


class LadderError(ValueError):
    """A change to the tier ladder that is refused; the message says why, in words."""


_MDF = re.compile(r"\bMDF\b", re.IGNORECASE)


def promises_mdf(tier: Tier) -> bool:
    """The tier's benefits promise market development funds (the method's Platinum and Gold do):
    then its MDF per year is needed for the program's cost."""
    return any(_MDF.search(line) for line in tier.benefits)


# --------------------------------------------------------------------------- ids


def slug(name: str) -> str:
    """A readable id from a name: ``"Elite Partner"`` -> ``"elite-partner"``, at most 40 characters.

    Letters are folded to ASCII where they can be (``"Prémier"`` -> ``"premier"``); a name with
    nothing left (``"🚀"``) gives ``"tier"``.
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    text = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:40].strip("-")
    return text or "tier"


def unique_id(name: str, taken: set[str]) -> str:
    base = slug(name)
    if base not in taken:
        return base
    for n in range(2, 10_000):
        candidate = f"{base[:36]}-{n}"
        if candidate not in taken:
            return candidate
    raise LadderError("no free tier id")  # pragma: no cover - 10,000 tiers cannot exist


# --------------------------------------------------------------------------- checks


def check_name(framework: TierFramework, name: str, tier: Tier | None = None) -> str:
    """The name, stripped, if no other tier has it (ignoring case and spaces); else LadderError."""
    cleaned = name.strip()
    if not cleaned:
        raise LadderError("A tier needs a name.")
    if len(cleaned) > 60:
        raise LadderError("A tier name has at most 60 characters.")
    for other in framework.tiers:
        if other is not tier and tier_name_key(other.name) == tier_name_key(cleaned):
            raise LadderError(
                f"Another tier is already named {other.name!r} (case and spaces are ignored)."
            )
    return cleaned


def _range_text(tier: Tier) -> str:
    low, high = tier.pipeline_min, tier.pipeline_max
    if high is None:
        return f"{money(low or 0)}+"
    return f"{money(low or 0)}–{money(high)}"


def ladder_problems(framework: TierFramework) -> list[str]:
    """Why the ladder does not climb, one sentence each (empty when it does).

    Compares each tier with the one directly above it: a lower tier may not demand more annual
    pipeline, more certified individuals or a dedicated practice the one above does not; its
    pipeline range may not reach into the range above (a maximum above the next tier's minimum;
    a tier without a maximum ends where the next one starts).  The tiers' pipeline shares must
    add up to 100 %.
    """
    problems: list[str] = []
    tiers = framework.tiers
    for higher, lower in zip(tiers, tiers[1:]):
        h, lo = repr(higher.name), repr(lower.name)
        if (lower.pipeline_min or 0) > (higher.pipeline_min or 0):
            problems.append(
                f"{lo} demands more annual pipeline ({money(lower.pipeline_min or 0)}) than {h} "
                f"above it ({money(higher.pipeline_min or 0)})."
            )
        elif lower.pipeline_max is not None and lower.pipeline_max > (higher.pipeline_min or 0):
            problems.append(
                f"The pipeline ranges of {lo} ({_range_text(lower)}) and {h} ({_range_text(higher)}) "
                f"overlap: {lo}'s maximum is above {h}'s minimum."
            )
        if lower.certified_individuals > higher.certified_individuals:
            problems.append(
                f"{lo} demands more certified individuals ({lower.certified_individuals}) than {h} "
                f"above it ({higher.certified_individuals})."
            )
        if lower.dedicated_practice and not higher.dedicated_practice:
            problems.append(f"{lo} demands a dedicated practice, {h} above it does not.")
    mix = mix_problem(framework)
    if mix:
        problems.append(mix)
    return problems


def mix_total(framework: TierFramework) -> float:
    return sum(tier.pipeline_share_pct for tier in framework.tiers)


def mix_problem(framework: TierFramework) -> str | None:
    """The pipeline mix that does not add up to 100 %, in words; None when it does."""
    if not framework.tiers:
        return None
    total = mix_total(framework)
    if abs(total - 100) <= 1e-9:
        return None
    shares = ", ".join(f"{t.name} {t.pipeline_share_pct:g}%" for t in framework.tiers)
    return f"The tiers' pipeline mix adds up to {total:g}%, not 100% ({shares})."


# --------------------------------------------------------------------------- changes


def _replace(framework: TierFramework, tiers: list[Tier]) -> None:
    """Assign a new list (validated as a whole: the framework's own rules run)."""
    try:
        framework.tiers = tiers
    except ValueError as error:  # pydantic's ValidationError is a ValueError
        raise LadderError(_first_message(error)) from None


def _first_message(error: ValueError) -> str:
    errors = getattr(error, "errors", None)
    if callable(errors):
        found = errors()
        if found:
            message = str(found[0].get("msg", error))
            return message.removeprefix("Value error, ")
    return str(error)


def add_tier(framework: TierFramework, name: str, above: Tier | None = None) -> Tier:
    """A new tier named ``name`` directly above ``above`` (the top of the ladder when None).

    It starts where the tier below it ends — pipeline minimum at that tier's maximum (or its
    minimum), the same certified individuals, practice and months before exit — so the ladder
    still climbs; the team then sets its own criteria.
    """
    if len(framework.tiers) >= MAX_TIERS:
        raise LadderError(f"A tier framework has at most {MAX_TIERS} tiers.")
    if not framework.tiers:
        raise LadderError("Start from a ladder of at least two tiers (the method's four).")
    cleaned = check_name(framework, name)
    below = above if above is not None else framework.tiers[0]
    tier = Tier(
        id=unique_id(cleaned, {t.id for t in framework.tiers}),
        name=cleaned,
        pipeline_min=below.pipeline_max if below.pipeline_max is not None else below.pipeline_min,
        certified_individuals=below.certified_individuals,
        dedicated_practice=below.dedicated_practice,
        exit_months=below.exit_months,
        reviews_per_year=below.reviews_per_year,
        joint_gtm_per_year=below.joint_gtm_per_year,
        deal_registration_days=below.deal_registration_days,
    )
    tiers = list(framework.tiers)
    tiers.insert(next(i for i, t in enumerate(tiers) if t is below), tier)
    _replace(framework, tiers)
    return tier


def new_tier_name(framework: TierFramework) -> str:
    """``New tier``, or ``New tier 2`` and so on when that is taken."""
    taken = {tier_name_key(t.name) for t in framework.tiers}
    name, n = "New tier", 1
    while tier_name_key(name) in taken:
        n += 1
        name = f"New tier {n}"
    return name


def holders(session: Session, tier: Tier) -> list[str]:
    """Names of the partners whose recorded tier is ``tier`` (exited ones included, marked)."""
    return [
        partner.name + (" (exited)" if partner.stage.value == "exited" else "")
        for partner in session.mapping.partners
        if partner.program_tier == tier.id
    ]


def removal_refused(session: Session, tier: Tier) -> str | None:
    """Why ``tier`` cannot be removed (partners hold it — named — or only two tiers are left);
    None when it can."""
    held_by = holders(session, tier)
    if held_by:
        return (
            f"{tier.name!r} cannot be removed: {len(held_by)} partner(s) hold it — "
            f"{', '.join(held_by)}. Move them to another tier first."
        )
    if len(session.tiers.tiers) <= MIN_TIERS:
        return f"A tier framework needs at least {MIN_TIERS} tiers."
    return None


def remove_tier(session: Session, tier: Tier) -> None:
    """Remove a tier no partner holds, keeping at least two."""
    refused = removal_refused(session, tier)
    if refused:
        raise LadderError(refused)
    framework = session.tiers
    _replace(framework, [t for t in framework.tiers if t is not tier])


def move_tier(framework: TierFramework, tier: Tier, steps: int) -> bool:
    """Move a tier up (``steps`` < 0 is towards the top) the ladder; False at either end.

    The order is the ladder: moving a tier changes where partners holding it stand.  A ladder
    whose criteria no longer climb afterwards is allowed, and shown (:func:`ladder_problems`).
    """
    tiers = list(framework.tiers)
    index = next(i for i, t in enumerate(tiers) if t is tier)
    target = index + steps
    if not 0 <= target < len(tiers):
        return False
    tiers.insert(target, tiers.pop(index))
    _replace(framework, tiers)
    return True


def _named_in(old: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(old)}(?!\w)")


def _texts(session: Session) -> Iterator[tuple[object, str, int | None, str]]:
    """(record, field, index in a list field or None, where) of the free text that may name a
    tier: the tiers' own benefits and commitments, objectives, key results and the roadmap."""
    for tier in session.tiers.tiers:
        for field in ("benefits", "commitments"):
            for index in range(len(getattr(tier, field))):
                yield tier, field, index, f"{tier.name} {field}"
    for o_number, objective in enumerate(session.objectives, start=1):
        yield objective, "text", None, f"O{o_number}"
        for k_number, kr in enumerate(objective.key_results, start=1):
            yield kr, "text", None, f"KR{o_number}.{k_number}"
            yield kr, "target", None, f"KR{o_number}.{k_number} target"
    for quarter in session.roadmap.quarters:
        yield quarter, "theme", None, f"roadmap {quarter.name} theme"
        for item in quarter.items:
            yield item, "text", None, f"roadmap {quarter.name}"


def rename_tier(session: Session, tier: Tier, name: str) -> list[str]:
    """Rename a tier, and the tiers' benefits and commitments, objectives, key results and
    roadmap lines that name it (whole words, as typed: renaming "Gold" leaves "Goldman").

    Partners and their quarterly results hold the tier's id, so they follow without a change.
    Returns where the old name was replaced in free text (``["O2", "KR2.1"]``).
    """
    cleaned = check_name(session.tiers, name, tier)
    old = tier.name
    if cleaned == old:
        return []
    tier.name = cleaned
    pattern = _named_in(old.strip())
    places: list[str] = []
    for record, field, index, where in list(_texts(session)):
        value = getattr(record, field)
        text = value[index] if index is not None else value
        if not (old.strip() and pattern.search(text)):
            continue
        renamed = pattern.sub(lambda _m: cleaned, text)
        if index is not None:
            setattr(record, field, [*value[:index], renamed, *value[index + 1:]])
        else:
            setattr(record, field, renamed)
        if not places or places[-1] != where:
            places.append(where)
    return places
