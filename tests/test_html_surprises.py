"""HTML pages: no quiet surprises (issue 21, case 23): ``<base href>`` is not the
article's address, and text the parser could not reach is announced."""
from __future__ import annotations

import pytest

from newsextract.io.html import html_to_input
from newsextract.io.inputs import ArticleInput

PROSE = ("<p>Angela Merkel, the German chancellor, visited Paris on Monday to meet the French "
         "president about the budget.</p>")


def _page(head: str, body: str) -> ArticleInput:
    item = ArticleInput(source="page.html", id="page",
                        html=f"<html><head><title>A page</title>{head}</head><body><article>{body}"
                             "</article></body></html>")
    html_to_input(item)
    return item


@pytest.mark.parametrize("base", ["https://cdn.example.net/", "/static/", "https://other.example/x/"])
def test_base_href_is_never_the_url(base):
    assert _page(f"<base href='{base}'>", PROSE).url is None


def test_the_canonical_link_is_still_the_url_beside_a_base():
    item = _page("<base href='https://cdn.example.net/'><link rel='canonical' href='https://news.example/a/1'>",
                 PROSE)
    assert item.url == "https://news.example/a/1"


@pytest.mark.parametrize("depth, warned", [(100, False), (5_000, True), (100_000, True)])
def test_text_cut_off_by_deep_nesting_is_announced(depth, warned):
    after = "<p>Joe Biden, the American president, spoke in Washington about the plans on Tuesday.</p>"
    item = _page("", PROSE + "<div>" * depth + "<p>deep</p>" + "</div>" * depth + after)
    assert item.text.startswith("Angela Merkel")
    notes = [w for w in item.warnings if "nests its tags" in w]
    assert bool(notes) is warned
    if not warned:
        assert "Joe Biden" in item.text
