"""Phase 2.1: the partner landscape — tiers A, B and C, grouped by partner type, as a tree.

A tier's partners are added to the tree when it is expanded (small tiers start expanded), so a
map of thousands of partners costs nothing until someone opens it.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from screens.text import cell, one_line
from workshop.method.models import LandscapeTier, Mapping, Partner, PartnerType

OPEN_UP_TO = 40
"""Tiers with at most this many partners start expanded (a display choice, not a rule)."""


def _partner_label(partner: Partner) -> Text:
    practice = one_line(partner.practice, 60)
    return cell(f"{partner.name} — {practice}" if practice.strip() else partner.name)


class LandscapeTree(Tree[Any]):
    """Tier → type → partner (with practice).  Selecting a partner posts its id."""

    DEFAULT_CSS = """
    LandscapeTree { height: auto; max-height: 14; margin-bottom: 1; background: $surface; overflow-x: hidden; }
    """

    def __init__(self, mapping: Mapping, *, id: str | None = None) -> None:
        super().__init__("Partner landscape", id=id)
        self.show_root = False
        self.mapping = mapping
        self._signature: tuple[Any, ...] | None = None
        self._groups: dict[LandscapeTier, list[Partner]] = {}

    def on_mount(self) -> None:
        self.sync()

    @staticmethod
    def _signature_of(mapping: Mapping) -> tuple[Any, ...]:
        return tuple((p.id, p.name, p.type, p.landscape_tier, p.practice) for p in mapping.partners)

    def sync(self) -> None:
        """Rebuild when a partner's place or label changed (not on ratings)."""
        signature = self._signature_of(self.mapping)
        if signature == self._signature:
            return
        self._signature = signature
        expanded = {node.data for node in self.root.children if node.is_expanded}
        first_time = not self.root.children
        self.clear()
        self._groups = {tier: [] for tier in LandscapeTier}
        for partner in self.mapping.partners:
            self._groups[partner.landscape_tier].append(partner)
        for tier in LandscapeTier:
            members = self._groups[tier]
            noun = "partner" if len(members) == 1 else "partners"
            node = self.root.add(Text(f"{tier.label} ({len(members)} {noun})", style="bold"), data=tier)
            node.allow_expand = bool(members)
            if (first_time and len(members) <= OPEN_UP_TO) or tier in expanded:
                self._fill(node)
                node.expand()

    def _fill(self, node: TreeNode[Any]) -> None:
        if node.children or not isinstance(node.data, LandscapeTier):
            return
        by_type: dict[PartnerType, list[Partner]] = {}
        for partner in self._groups.get(node.data, []):
            by_type.setdefault(partner.type, []).append(partner)
        for partner_type in PartnerType:
            members = by_type.get(partner_type)
            if not members:
                continue
            group = node.add(Text(f"{partner_type.label} ({len(members)})", style="italic"), data=partner_type, expand=True)
            for partner in members:
                group.add_leaf(_partner_label(partner), data=partner.id)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Any]) -> None:
        event.stop()
        self._fill(event.node)
