"""The tier framework's edits (phase 3): a partner's program tier (an override needs its
reason), the tiers added, renamed, moved and removed, the moves the tier rules recommend
(warnings, promotions, demotions, exits) and the quarterly results they are judged on.  Part of
:class:`workshop.method.editor.SessionEditor`."""

from __future__ import annotations

from collections.abc import Callable

from workshop.method import tier_ladder as ladder
from workshop.method.audit import record_movement, record_tier_override, record_warning, tier_override
from workshop.method.dates import quarter_index
from workshop.method.defaults import default_tiers
from workshop.method.edits import (
    Edit,
    EditRefused,
    MovementApplied,
    ProgramTierSet,
    QuarterAdded,
    QuarterSet,
    QuartersOrdered,
    TierChanged,
    WarningIssued,
)
from workshop.method.models import Partner, QuarterResult, Session, Tier
from workshop.method.tier_movement import PartnerMovement, sign_partner
from workshop.method.tier_movement import apply_movement as _apply_movement


class TierEditing:
    """The tier methods of the session editor (a mixin: ``session``, ``_record`` and ``_author``
    are the editor's)."""

    session: Session
    _record: Callable[[Edit], None]
    _author: Callable[[], str]

    def set_program_tier(
        self, partner: Partner, tier: str | None, *, movement: PartnerMovement | None = None, reason: str = ""
    ) -> None:
        """Holding a tier means the partner is signed; None takes it out of the program tiers.

        Changing a recorded tier against what the rules give (``movement``: the partner's, as
        evaluated now) is an override: refused (:class:`EditRefused`) without ``reason`` (the
        appeal), which goes into the audit trail with it.
        """
        framework = self.session.tiers
        if tier is not None and framework.tier(tier) is None:
            raise EditRefused(f"{tier!r} is not a tier of this session's framework")
        name = framework.label(tier) if tier is not None else None
        if tier is not None and partner.program_tier is not None:
            against = tier_override(movement, name or "")
            if against is not None:
                if not reason.strip():
                    raise EditRefused("an override needs its reason (the appeal)")
                assert movement is not None
                record_tier_override(self.session, movement, name or "", reason, self._author(), tier_id=tier)
        sign_partner(partner, tier)
        self._record(ProgramTierSet(partner.name, name))

    def add_tier(self, name: str, above: Tier | None = None) -> Tier:
        """A new tier above ``above`` (the top when None), or the method's four on an empty
        framework (``name`` then unused). EditRefused (LadderError) says why not."""
        framework = self.session.tiers
        try:
            if not framework.tiers:
                framework.tiers = default_tiers().tiers
                self._record(TierChanged("added the method's four tiers", "Platinum … Registered"))
                return framework.tiers[0]
            tier = ladder.add_tier(framework, name, above=above)
        except ladder.LadderError as error:
            raise EditRefused(str(error)) from None
        self._record(TierChanged("added tier", tier.name))
        return tier

    def rename_tier(self, tier: Tier, name: str) -> list[str]:
        """Rename a tier (and the free text that names it); where it was renamed in text."""
        old = tier.name
        try:
            places = ladder.rename_tier(self.session, tier, name)
        except ladder.LadderError as error:
            raise EditRefused(str(error)) from None
        if tier.name != old:
            self._record(TierChanged(f"renamed {old} to", tier.name))
        return places

    def move_tier(self, tier: Tier, delta: int) -> bool:
        """One step up (``delta`` < 0) or down the ladder; False at either end."""
        if not ladder.move_tier(self.session.tiers, tier, delta):
            return False
        self._record(TierChanged("moved " + ("up" if delta < 0 else "down"), tier.name))
        return True

    def remove_tier(self, tier: Tier) -> None:
        """Remove a tier no partner holds (EditRefused names those that do)."""
        try:
            ladder.remove_tier(self.session, tier)
        except ladder.LadderError as error:
            raise EditRefused(str(error)) from None
        self._record(TierChanged("removed tier", tier.name))

    def record_warning(self, movement: PartnerMovement) -> bool:
        """The warning the rules recommend, issued at the QBR: in the audit trail once per partner
        and quarter. False if it is there already, or the rules recommend none."""
        if record_warning(self.session, movement, self._author()) is None:
            return False
        self._record(WarningIssued(movement.partner.name))
        return True

    def apply_movement(self, movement: PartnerMovement) -> bool:
        """Record what the tier rules recommend; False when that changes nothing (hold, warning)."""
        recorded = movement.label(movement.recorded_tier)
        target = movement.label(movement.action_tier) if movement.action_tier is not None else None
        if not _apply_movement(movement):
            return False
        record_movement(self.session, movement, self._author())
        self._record(MovementApplied(movement.partner.name, movement.action, recorded, target))
        return True

    def add_quarter_result(self, partner: Partner, result: QuarterResult) -> None:
        partner.results = [*partner.results, result]  # validated: one result per quarter
        self._record(QuarterAdded(partner.name, result.quarter))

    def set_quarter(self, partner: Partner, result: QuarterResult, quarter: str) -> bool:
        """Say which quarter ``result`` is of; False if unchanged. ValidationError for a bad
        quarter, or one the partner already has a result for (the result is unchanged then)."""
        previous = result.quarter
        if previous == quarter:
            return False
        try:
            result.quarter = quarter
            partner.results = list(partner.results)  # the partner refuses a quarter recorded twice
        except ValueError:
            result.quarter = previous
            raise
        self._record(QuarterSet(partner.name, quarter))
        return True

    def order_quarters(self, partner: Partner) -> bool:
        """Put the partner's quarterly results in calendar order; False if they already are."""
        ordered = sorted(partner.results, key=lambda r: quarter_index(r.quarter))
        if ordered == partner.results:
            return False
        partner.results[:] = ordered
        self._record(QuartersOrdered(partner.name))
        return True
