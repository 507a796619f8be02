"""HTML pages: the article's main text, title, date and canonical URL, without
the page's navigation, cookie notice, related links or footer."""
from __future__ import annotations

import html
import json

import pytest
from typer.testing import CliRunner

from newsextract.cli.app import app
from newsextract.io.structure import is_heading_line

from support import SEEDS, assert_offsets

runner = CliRunner()

# boilerplate that names OTHER people and places than the article
RELATED = [
    "Rishi Sunak said on Friday that Kenya would host the next trade summit in Nairobi.",
    "Jacinda Ardern told reporters in Wellington that the talks had stalled.",
]
FOOTER = "Written by Joao Silva in Lisbon. Copyright 2026 The Daily Planet."
COOKIES = "We use cookies to improve your experience. By continuing you accept our cookie policy."

OTHER_ARTICLE = """Chile's President Gabriel Boric Pledges Water Reform

Santiago drought response

Chile's President Gabriel Boric said on Wednesday that his government would present a water reform bill to Congress in March, after a third year of drought in the central valley.

Speaking in Santiago, Boric said the reform would protect small farmers in the regions of Valparaiso and O'Higgins.

Farm groups in Rancagua welcomed the plan, but mining companies in Antofagasta warned about costs.
"""


def article_parts(text: str) -> tuple[str, list[tuple[str, str]]]:
    """(headline, [(tag, line), ...]) of a plain-text article, category line dropped."""
    lines = [l.strip() for l in text.splitlines() if l.strip()]
    lines = [l for l in lines if not l.lower().startswith("categories:")]
    body = [("h2" if is_heading_line(l) else "p", l) for l in lines[1:]]
    return lines[0], body


def _body_html(body) -> str:
    return "\n".join(f"<{tag}>{html.escape(line)}</{tag}>" for tag, line in body)


def realistic_page(text: str, *, date: str) -> str:
    """``<article>`` inside a page with a nav bar, cookie notice, related links and a footer."""
    title, body = article_parts(text)
    related = "".join(f'<li><a href="/news/{i}">{html.escape(r)}</a></li>' for i, r in enumerate(RELATED))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{html.escape(title)} | The Daily Planet</title>
<link rel="canonical" href="https://news.example.org/world/story-1234">
<meta property="article:published_time" content="{date}T08:30:00Z">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
<li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<div id="cookie-notice" class="cookie-banner"><p>{COOKIES}</p><button>Accept all</button></div>
<main><article>
<h1>{html.escape(title)}</h1>
{_body_html(body)}
</article>
<aside class="related"><h3>Related stories</h3><ul>{related}</ul></aside>
</main>
<footer><p>{FOOTER}</p><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
</body></html>"""


def div_page(text: str, *, date: str) -> str:
    """A bare ``<div>`` layout: no article, main or semantic tags at all."""
    title, body = article_parts(text)
    paras = "\n".join(f'<div class="para">{html.escape(line)}</div>' if tag == "p"
                      else f'<div class="subhead"><b>{html.escape(line)}</b></div>' for tag, line in body)
    return f"""<html><head><title>{html.escape(title)}</title>
<meta name="date" content="{date}"></head><body>
<div class="top"><a href="/">Home</a> | <a href="/news">News</a></div>
<div class="content"><div class="headline"><h1>{html.escape(title)}</h1></div>
{paras}
</div>
<div class="bottom">{FOOTER}</div></body></html>"""


def jsonld_page(text: str, *, date: str) -> str:
    """Metadata only in JSON-LD (schema.org NewsArticle)."""
    title, body = article_parts(text)
    meta = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
            "datePublished": f"{date}T06:00:00+00:00", "url": "https://news.example.net/a/77"}
    return f"""<!doctype html><html><head>
<script type="application/ld+json">{json.dumps(meta)}</script>
</head><body><article><h1>{html.escape(title)}</h1>
{_body_html(body)}
</article></body></html>"""


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def names(record: dict, key: str) -> set[str]:
    return {e["name"] for e in record[key]}


def parse_page(path) -> dict:
    result = runner.invoke(app, ["parse", str(path), "--format", "jsonl", "--include-text"])
    assert "Traceback" not in result.stderr
    (rec,) = records(result.stdout)
    assert "error" not in rec, rec.get("error")
    assert "<" not in rec["text"]
    assert_offsets(rec, rec["text"])
    return rec


@pytest.mark.parametrize("seed", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.stem)
def test_seed_in_a_realistic_page_gives_the_plain_text_facts(tmp_path, extract_text, seed):
    text = seed.read_text(encoding="utf-8")
    page = tmp_path / "story.html"
    page.write_text(realistic_page(text, date="2026-01-04"), encoding="utf-8")
    rec = parse_page(page)
    plain = extract_text(text, published="2026-01-04")
    assert names(rec, "people") == names(plain, "people")
    assert names(rec, "places") == names(plain, "places")
    assert rec["title"] == article_parts(text)[0]
    assert rec["published"] == "2026-01-04"
    assert rec["url"] == "https://news.example.org/world/story-1234"
    # the boilerplate alone names people and places; none of them reach the record
    boiler = extract_text("\n\n".join(RELATED + [FOOTER, COOKIES]))
    boiler_names = (names(boiler, "people") | names(boiler, "places")) - names(plain, "people") - names(plain, "places")
    assert boiler_names, "the boilerplate should name someone for this test to mean anything"
    assert not boiler_names & (names(rec, "people") | names(rec, "places"))
    assert "cookie" not in rec["text"].lower() and "Related stories" not in rec["text"]


@pytest.mark.parametrize("make_page", [realistic_page, div_page, jsonld_page])
def test_page_shapes(tmp_path, extract_text, make_page):
    page = tmp_path / "page.htm"
    page.write_text(make_page(OTHER_ARTICLE, date="2025-11-19"), encoding="utf-8")
    rec = parse_page(page)
    plain = extract_text(OTHER_ARTICLE, published="2025-11-19")
    assert names(rec, "people") == names(plain, "people") and names(rec, "people")
    assert names(rec, "places") == names(plain, "places")
    assert rec["title"] == "Chile's President Gabriel Boric Pledges Water Reform"
    assert rec["published"] == "2025-11-19"
    # headings and paragraphs stay separate blocks, a blank line between
    assert "\n\nSantiago drought response\n\n" in rec["text"]


def test_published_option_fills_in_for_a_page_without_a_date(tmp_path):
    title, body = article_parts(OTHER_ARTICLE)
    bare = tmp_path / "bare.html"
    bare.write_text(f"<html><body><article><h1>{title}</h1>{_body_html(body)}</article></body></html>",
                    encoding="utf-8")
    dated = tmp_path / "dated.html"
    dated.write_text(jsonld_page(OTHER_ARTICLE, date="2025-11-19"), encoding="utf-8")
    result = runner.invoke(app, ["parse", str(bare), str(dated), "-f", "jsonl", "--published", "2024-02-02"])
    assert [r["published"] for r in records(result.stdout)] == ["2024-02-02", "2025-11-19"]


@pytest.mark.parametrize("page", [
    "<html><head><title>Log in</title></head><body><form><input name=user></form></body></html>",
    "<html><body></body></html>",
    "<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>",
])
def test_page_without_an_article_is_a_no_article_error(tmp_path, page):
    path = tmp_path / "empty.html"
    path.write_text(page, encoding="utf-8")
    result = runner.invoke(app, ["parse", str(path), "--format", "jsonl"])
    assert result.exit_code == 1
    (rec,) = records(result.stdout)
    assert rec["error"]["type"] == "no_article"
    assert result.stderr.strip().count("\n") == 0 and "empty.html" in result.stderr


def test_include_text_for_every_input_kind(tmp_path):
    """``--include-text`` adds the text offsets refer to: the file's, the JSONL
    ``text``, the extracted main text of a page (file, JSONL ``html``, stdin)."""
    article = "Angela Merkel met Emmanuel Macron in Berlin on Monday.\n"
    page = realistic_page("Talks in Berlin\n\n" + article, date="2026-01-05")
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    (tmp_path / "b.html").write_text(page, encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "c1", "text": article}) + "\n"
                                      + json.dumps({"id": "c2", "html": page}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(tmp_path), "-", "-f", "jsonl", "--include-text"], input=page)
    assert result.exit_code == 0, result.stderr
    recs = records(result.stdout)
    assert [r["id"] for r in recs] == ["a", "b", "c1", "c2", "stdin"]
    for rec in recs:
        assert "Angela Merkel met Emmanuel Macron in Berlin on Monday." in rec["text"]
        assert "cookie" not in rec["text"].lower()
        assert_offsets(rec, rec["text"])
        assert any(p["mentions"] for p in rec["people"])
    without = runner.invoke(app, ["parse", str(tmp_path / "b.html"), "-f", "jsonl"])
    assert "text" not in records(without.stdout)[0]
