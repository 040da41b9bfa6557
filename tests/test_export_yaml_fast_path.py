"""The thesis block's YAML strings escape only what needs it, in one regular-expression pass:
the same text as escaping a character at a time (the first implementation, kept as the reference)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.export.thesis_block import _reference_yaml_string, yaml_string

ANY_CHARACTER = st.characters(blacklist_categories=())  # surrogates, controls, non-characters too
AWKWARD = st.sampled_from(list('\\"\n\t\r\0\x1f\x7f\x85\x9f\xa0\u2028\u2029\ufeff\ufffe\uffff\ud800\udfff') + ["é", "漢", "😀", "a"])


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.one_of(ANY_CHARACTER, AWKWARD)))
def test_yaml_string_matches_the_character_by_character_reference(text: str) -> None:
    assert yaml_string(text) == _reference_yaml_string(text)


def test_yaml_string_escapes() -> None:
    assert yaml_string('a "b" \\ c\n\u2028\x85') == '"a \\"b\\" \\\\ c\\n\\u2028\\u0085"'
    assert yaml_string("plain [bold]x[/] | # é 😀") == '"plain [bold]x[/] | # é 😀"'
