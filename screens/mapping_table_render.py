"""Drawing the partner table, line by line (Textual's Line API): the header, then the rows
under the scroll offset, the fixed columns kept at the left and the rest scrolled; its look
(DataTable's CSS) and where its columns and cursor are on screen.

A mixin of :class:`~screens.mapping_table.PartnerTable` (which keeps its bindings, handlers and
reactives: Textual finds those on the widget class itself).
"""

from __future__ import annotations

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.geometry import Region, Spacing
from textual.strip import Strip
from textual.widgets.data_table import ColumnKey

from screens.mapping_rows import CELL_PADDING, COLUMN_INDEXES, Column, RowData, cell_text


# DataTable's look (Textual 8.2.8), for the partner table (its ``DEFAULT_CSS``)
TABLE_CSS = """
    PartnerTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 14;
        margin-bottom: 1;
        &:focus {
            background-tint: $foreground 5%;
            & > .datatable--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .datatable--header { background-tint: $foreground 5%; }
            & > .datatable--fixed-cursor {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
            }
        }
        &:dark > .datatable--even-row { background: $surface-darken-1 40%; }
        & > .datatable--header { text-style: bold; background: $panel; color: $foreground; }
        &:ansi > .datatable--header { background: ansi_bright_blue; color: ansi_default; }
        & > .datatable--fixed { background: $secondary-muted; color: $foreground; }
        & > .datatable--even-row { background: $surface-lighten-1 50%; }
        & > .datatable--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        & > .datatable--fixed-cursor { background: $block-cursor-blurred-background; color: $foreground; }
    }
    """


class TableRender:
    """``render_line`` for :class:`~screens.mapping_table.PartnerTable`, and where its columns
    and cursor are on screen (the fixed columns' width, the column under ``x``, the scroll that
    brings the cursor into view)."""

    # what the table provides (set in PartnerTable.__init__ / its class)
    _rows: list[RowData]
    columns: dict[ColumnKey, Column]
    fixed_columns: int

    def fixed_width(self) -> int:
        """The width of the columns that stay in view (the name and score)."""
        return sum(column.render_width for column in list(self.columns.values())[: self.fixed_columns])

    def scroll_cursor_into_view(self) -> None:
        if not self.size.height:
            return  # not laid out yet (or hidden): on_show / on_resize do it once it has a size
        row, column = self.cursor_coordinate
        if self.cursor_type == "cell" and column >= self.fixed_columns:
            widths = [c.render_width for c in self.columns.values()]
            region = Region(sum(widths[:column]), row + 1, widths[column], 1)
            self.scroll_to_region(region, spacing=Spacing(top=1, left=self.fixed_width()), animate=False, force=True)
        else:
            self.scroll_to_region(Region(0, row + 1, 1, 1), spacing=Spacing(top=1), animate=False, force=True, x_axis=False)

    def column_at(self, x: int) -> int:
        fixed = self.fixed_width()
        virtual_x = x if x < fixed else x + int(self.scroll_x)
        edge = 0
        for index, column in enumerate(self.columns.values()):
            edge += column.render_width
            if virtual_x < edge:
                return index
        return len(self.columns) - 1

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y == 0:
            style = base + self.get_component_rich_style("datatable--header")
            cells = [column.label for column in self.columns.values()]
            return self._line(cells, [style] * len(cells), width, style)
        row = int(self.scroll_y) + y - 1
        if row >= self.row_count:
            return Strip.blank(width, base)
        data = self._rows[row]
        zebra = base + self.get_component_rich_style("datatable--odd-row" if row % 2 else "datatable--even-row")
        fixed = base + self.get_component_rich_style("datatable--fixed")
        styles = [fixed if index < self.fixed_columns else zebra for index in COLUMN_INDEXES]
        cursors: list[Style | None] = [None] * len(styles)
        if row == self.cursor_row:  # the cursor's colours win over a cell's own (as in DataTable)
            cursor = self.get_component_rich_style("datatable--cursor")
            if self.cursor_type == "row":
                fixed_cursor = self.get_component_rich_style("datatable--fixed-cursor")
                cursors = [fixed_cursor if index < self.fixed_columns else cursor for index in COLUMN_INDEXES]
            else:
                cursors[self.cursor_column] = cursor
        cells = [cell_text(data, index) for index in COLUMN_INDEXES]
        return self._line(cells, styles, width, zebra, cursors)

    def _line(
        self, cells: list[Text], styles: list[Style], width: int, fill: Style, cursors: list[Style | None] | None = None,
    ) -> Strip:
        """One line of cells, the fixed columns kept at the left and the rest scrolled."""
        segments: list[Segment] = []
        console = self.app.console
        for index, (text, column) in enumerate(zip(cells, self.columns.values())):
            post = cursors[index] if cursors else None
            segments.extend(_cell_segments(console, text, styles[index], column.width, post))
        line = Strip(segments)
        fixed = self.fixed_width()
        scroll_x = int(self.scroll_x)
        return Strip.join([line.crop(0, fixed), line.crop(fixed + scroll_x, scroll_x + width)]).extend_cell_length(width, fill)


def _cell_segments(console: Console, text: Text, style: Style, width: int, post: Style | None = None) -> list[Segment]:
    """One cell: ``text`` on one line, cut with an ellipsis or padded to ``width`` as it is
    justified, between one cell of padding each side — literal text, never markup.  ``post``
    (the cursor) is laid over the text's own style."""
    text = text.copy()
    text.truncate(width, overflow="ellipsis")
    gap = width - text.cell_len
    if gap > 0:
        if text.justify == "right":
            text.pad_left(gap)
        elif text.justify == "center":
            text.pad_left(gap // 2)
            text.pad_right(gap - gap // 2)
        else:
            text.pad_right(gap)
    pad_style = style + post if post else style
    text_style = style + console.get_style(text.style, default=Style.null()) if text.style else style
    pad = " " * CELL_PADDING
    body = Segment.apply_style(text.render(console), text_style, post)
    return [Segment(pad, pad_style), *body, Segment(pad, pad_style)]
