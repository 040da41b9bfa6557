"""The join link as a QR code drawn with text: two modules per character cell (▀ ▄ █).

segno makes the code (a small, pure-Python, well-kept QR encoder); this only turns its matrix
into lines.  Drawn dark-on-light (the screen paints it black on white whatever the theme: phone
cameras read dark modules on a light ground), with a two-module quiet zone.
"""

from __future__ import annotations

QUIET_ZONE = 2


def qr_lines(text: str, *, border: int = QUIET_ZONE) -> list[str]:
    import segno  # only when a room is opened

    code = segno.make(text, error="m", micro=False)
    rows = [list(row) for row in code.matrix_iter(scale=1, border=border)]
    if len(rows) % 2:
        rows.append([0] * len(rows[0]))
    lines = []
    for top, bottom in zip(rows[0::2], rows[1::2]):
        lines.append("".join(
            "█" if t and b else "▀" if t else "▄" if b else " " for t, b in zip(top, bottom)
        ))
    return lines
