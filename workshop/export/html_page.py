"""The blueprint as one self-contained HTML page that prints to PDF from a browser.

Made from the Markdown (the plain variant: a browser draws no Mermaid without a script, and
the page loads nothing) with markdown-it-py, imported only when an HTML export is asked for.
The CSS is embedded; there is no external asset, script, font or image.  User text reaches
the page only as escaped text: the Markdown lets no HTML of user text through (its one raw
HTML is the ``<br>`` it writes for a line break), and the renderer here writes any other raw
HTML as text, in case.
"""

from __future__ import annotations

import html
from typing import Any

CSS = """
:root { color-scheme: light; }
* { box-sizing: border-box; }
body {
  font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  color: #1f2328; background: #fff; margin: 0 auto; padding: 2.5rem 2rem 4rem; max-width: 62rem;
}
h1 { font-size: 2rem; border-bottom: 3px solid #0b5394; padding-bottom: .3rem; margin-top: 0; }
h2 { font-size: 1.45rem; border-bottom: 1px solid #d0d7de; padding-bottom: .25rem; margin-top: 2.4rem; color: #0b5394; }
h3 { font-size: 1.15rem; margin-top: 1.8rem; }
h4 { font-size: 1rem; margin-top: 1.4rem; }
p, ul, ol { margin: .5rem 0 .8rem; }
li { margin: .15rem 0; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0 1.2rem; font-size: .86rem; }
th, td { border: 1px solid #d0d7de; padding: .35rem .5rem; vertical-align: top; text-align: left; }
th { background: #f0f4f8; font-weight: 600; }
tr:nth-child(even) td { background: #fafbfc; }
td[style*="right"], th[style*="right"] { text-align: right; font-variant-numeric: tabular-nums; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: .82rem; }
pre { background: #f6f8fa; border: 1px solid #d0d7de; border-radius: 6px; padding: .8rem; overflow-x: auto; white-space: pre-wrap; word-break: break-word; }
strong { color: #111; }
em { color: #57606a; }
.generated { color: #57606a; font-size: .8rem; margin-top: 3rem; border-top: 1px solid #d0d7de; padding-top: .5rem; }
@page { size: A4; margin: 16mm 14mm 18mm; }
@media print {
  body { padding: 0; max-width: none; font-size: 10.5pt; }
  h1, h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  h2 { break-before: page; page-break-before: always; }
  h2:first-of-type { break-before: auto; page-break-before: auto; }
  table, pre { break-inside: auto; }
  tr, li { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  a { color: inherit; text-decoration: none; }
}
""".strip()


def _renderer() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True, "typographer": False}).enable(["table", "strikethrough"])

    def html_inline(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        content = tokens[idx].content
        if content.lower() in ("<br>", "<br/>", "<br />"):
            return "<br>"
        return html.escape(content)  # never expected: the Markdown lets no other HTML through

    def html_block(self: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        return f"<p>{html.escape(tokens[idx].content)}</p>\n"

    md.add_render_rule("html_inline", html_inline)
    md.add_render_rule("html_block", html_block)
    return md


def markdown_to_html(markdown: str, title: str) -> str:
    """``markdown`` (the blueprint) as a whole HTML page titled ``title``."""
    body = _renderer().render(markdown)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n"
        f"<style>\n{CSS}\n</style>\n</head>\n<body>\n<main>\n{body}</main>\n"
        '<p class="generated">Made with Partner Workshop. Print this page (or save it as PDF) from the browser.</p>\n'
        "</body>\n</html>\n"
    )
