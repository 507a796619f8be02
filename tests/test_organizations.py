"""Organizations: one entry per body, acronyms and short names merged into the full name."""
from __future__ import annotations

import pytest


def _orgs(record):
    return {o["name"]: [m["text"] for m in o["mentions"]] for o in record["organizations"]}


@pytest.mark.parametrize("text, name, forms", [
    ("The World Health Organization sent experts. The WHO said the outbreak was contained.",
     "World Health Organization", ["World Health Organization", "WHO"]),
    ("The ECB raised rates. The European Central Bank said inflation was too high.",
     "European Central Bank", ["ECB", "European Central Bank"]),
    ("Shares in Marks & Spencer rose. M&S said sales were strong.", "Marks & Spencer", ["Marks & Spencer", "M&S"]),
    ("The Green Party won two seats. The Greens said they would hold their nerve.", "Green Party", None),
    ("Delegates of the Labour Party gathered in Leeds. Labour said it would contest every seat.",
     "Labour Party", ["Labour Party", "Labour"]),
])
def test_acronym_and_short_name_join_the_full_name(extract_text, text, name, forms):
    orgs = _orgs(extract_text(text))
    assert name in orgs, orgs
    if forms is not None:
        assert orgs[name] == forms
        assert len(orgs) == 1


def test_an_acronym_that_fits_two_bodies_joins_neither(extract_text):
    text = ("The Football Association and the Financial Authority met. The FA said nothing.")
    orgs = _orgs(extract_text(text))
    assert "FA" in orgs
    assert all("FA" not in forms for name, forms in orgs.items() if name != "FA")
