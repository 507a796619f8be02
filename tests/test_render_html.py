"""``--format html``: one self-contained page, read in a real (headless) browser."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from newsextract.cli.render_html import marked_text, page

BIN = Path(sys.executable).parent
CHROMIUM = next((p for p in (shutil.which("chromium"), shutil.which("chromium-browser"), "/usr/bin/chromium")
                 if p and Path(p).exists()), None)

ARTICLES = [
    {"id": "harbour", "published": "2026-02-10", "title": "Hamburg plans a ferry line",
     "text": "Hamburg plans a ferry line\n\nMayor Lena Fischer said on Monday that Hamburg will open a new ferry "
             "line in March. \"We will not wait for Berlin to decide for us,\" Fischer said. The Port Authority "
             "of Hamburg agreed.\n\nFischer will present the plan to the Senate next week."},
    {"id": "script", "title": "A <script> in the text",
     "text": "Councillor Tomas Berg wrote <script>alert(1)</script> on a board in Oslo, Norway, on Friday."},
]


def find(el, path: str):
    """Elements under ``el`` by a small CSS-like path: ``tag.class`` steps separated by spaces."""
    xpath = "."
    for step in path.split():
        tag, _, cls = step.partition(".")
        xpath += f"//{tag or '*'}" + (f"[contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')]" if cls else "")
    return el.xpath(xpath)


def chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp / 'profile'}",
                           *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def html_page(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("html")
    feed = tmp / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n{broken\n", encoding="utf-8")
    out = tmp / "page.html"
    run = subprocess.run([str(BIN / "newsextract"), "parse", str(feed), "-f", "html", "-o", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 1, run.stderr          # the broken line is an error record, the rest is done
    records = [json.loads(line) for line in subprocess.run(
        [str(BIN / "newsextract"), "parse", str(feed), "-f", "jsonl"], capture_output=True, text=True).stdout.splitlines()]
    return out, records


@pytest.mark.slow
def test_page_in_headless_chromium(html_page, tmp_path):
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (apt-get install chromium): the HTML page cannot be checked in a browser")
    import lxml.html

    out, records = html_page
    dom = chromium("--dump-dom", out.as_uri(), tmp=tmp_path)
    assert dom.returncode == 0, dom.stderr[-2000:]
    doc = lxml.html.fromstring(dom.stdout)
    harbour = doc.get_element_by_id("a0-harbour")
    rec = records[0]
    # every mention and date of the record is marked in place, with its canonical name on hover
    marks = find(harbour, "div.text mark.ent")
    for key, css in [("people", "person"), ("places", "place"), ("organizations", "org")]:
        for entry in rec[key]:
            for m in entry["mentions"]:
                assert any(x.get("data-kind") == css and x.text_content().startswith(m["text"])
                           and entry["name"] in x.get("title") for x in marks), (entry["name"], m)
    fischer = [x for x in marks if x.get("data-kind") == "person" and x.text_content().startswith("Fischer")]
    assert fischer and all("Lena Fischer" in x.get("title") for x in fischer)
    monday = [x for x in marks if x.get("data-kind") == "date" and x.text_content().startswith("Monday")]
    assert monday and monday[0].get("data-value") == "2026-02-09"
    assert len(find(harbour, "div.text .commitment")) >= len(rec["commitments"]) > 0
    if rec.get("quotes"):
        assert find(harbour, "div.text .quote")
    # the text reads as it was written: marks add labels, nothing else
    shown = "".join(find(harbour, "div.text")[0].itertext())
    labels = "".join(x.text_content() for x in find(harbour, "div.text .label"))
    assert len(shown) == len(ARTICLES[0]["text"]) + len(labels)
    # then the tables, an index for the three records, the error shown, nothing loaded from anywhere
    assert [h.text_content().split(" (")[0] for h in find(harbour, "h3")][:2] == ["People", "Places"]
    assert len(find(doc, "nav.index tbody tr")) == 3
    assert "bad_json" in find(doc, "article.failed")[0].text_content()
    assert not find(doc, "script") and not find(doc, "link") and not find(doc, "img")
    assert "<script>alert(1)</script>" in find(doc.get_element_by_id("a1-script"), "div.text")[0].text_content()
    shot = tmp_path / "page.png"
    taken = chromium("--window-size=1200,2000", f"--screenshot={shot}", out.as_uri(), tmp=tmp_path)
    assert taken.returncode == 0 and shot.stat().st_size > 10_000 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_page_is_self_contained_and_escapes_the_text():
    rec = {"schema": 1, "id": "x", "source": "x.txt", "title": "T", "category": None, "published": None,
           "url": "javascript:alert(1)", "words": 3,
           "text": "Ada <b>Lovelace</b> \x1b[2J wrote",
           "people": [{"name": "Ada Lovelace", "titles": [], "mentions": [{"text": "Ada <b>Lovelace</b>", "start": 0,
                                                                          "end": 18}]}],
           "places": [], "organizations": [], "dates": [], "commitments": [], "warnings": []}
    html = page([rec])
    assert "<b>" not in html and "&lt;b&gt;Lovelace&lt;/b&gt;" in html
    assert "\x1b" not in html and "javascript:" not in html.split("<body>")[1].replace("javascript:alert(1)", "", 0)
    assert 'href="javascript' not in html
    assert "default-src 'none'" in html and "<script" not in html and "http" not in html.split("</style>")[1]


@pytest.mark.parametrize("spans, expected", [
    # a mention inside a commitment: the mark sits inside the clause's spans
    ({"people": [{"name": "Jo Lee", "titles": [], "mentions": [{"text": "Lee", "start": 0, "end": 3}]}],
      "commitments": [{"actor": "Jo Lee", "modality": "will", "action": "go", "negated": False, "when": None,
                       "text": "Lee will go", "start": 0, "end": 11}]},
     '<mark class="ent person" title="Jo Lee · 1 mention" data-kind="person" data-value="Jo Lee">'
     '<span class="commitment" title="Commitment: Jo Lee · will · go">Lee</span><span class="label">PERSON</span>'
     '</mark><span class="commitment" title="Commitment: Jo Lee · will · go"> will go</span> now'),
])
def test_marks_nest_in_clauses(spans, expected):
    rec = {"people": [], "places": [], "organizations": [], "dates": [], "commitments": [], **spans}
    assert marked_text("Lee will go now", rec) == expected


HOSTILE = '"><script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">x</a>'


@pytest.mark.parametrize("url", ["javascript:alert(1)", " javascript:alert(1)", "JaVaScRiPt:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)",
                                 'https://example.org/a"onmouseover="alert(1)'])
def test_every_user_supplied_string_is_escaped(url):
    """Names, roles, quotes, speakers, ids, sources, categories, urls, warnings and error
    messages all come from the article: none of them becomes markup, an event handler
    or a link that is not http(s)."""
    from lxml import html as lxml_html

    mention = {"text": "Ada", "start": 0, "end": 3}
    rec = {"schema": 1, "id": HOSTILE, "source": HOSTILE, "title": HOSTILE, "category": HOSTILE,
           "published": HOSTILE, "url": url, "words": 9, "text": "Ada said hello to the room in Oslo.",
           "people": [{"name": HOSTILE, "titles": [HOSTILE], "roles": [{"title": HOSTILE, "organization": HOSTILE}],
                       "mentions": [mention]}],
           "places": [{"name": HOSTILE, "kind": HOSTILE, "country": HOSTILE, "lat": 1.0, "lon": 2.0,
                       "mentions": [{"text": "Oslo", "start": 30, "end": 34}]}],
           "organizations": [{"name": HOSTILE, "mentions": [{"text": "room", "start": 22, "end": 26}]}],
           "dates": [{"text": HOSTILE, "type": HOSTILE, "value": HOSTILE, "start": 9, "end": 14}],
           "commitments": [{"actor": HOSTILE, "modality": HOSTILE, "action": HOSTILE, "when": HOSTILE,
                            "negated": False, "text": HOSTILE, "start": 0, "end": 8}],
           "quotes": [{"text": HOSTILE, "speaker": HOSTILE, "cue": HOSTILE, "start": 4, "end": 14}],
           "warnings": [HOSTILE]}
    failed = {"schema": 1, "id": HOSTILE, "source": HOSTILE, "error": {"type": HOSTILE, "message": HOSTILE},
              "warnings": [HOSTILE]}
    text = page([rec, failed])
    doc = lxml_html.document_fromstring(text)
    assert not doc.xpath("//script | //img | //iframe | //object | //embed | //form | //svg | //link")
    for el in doc.iter():
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            if name.lower() in ("href", "src", "action", "formaction"):
                assert value.startswith("#") or value.startswith(("http://", "https://")), (el.tag, name, value)
    # the hostile text is shown as text, not dropped
    assert HOSTILE in doc.text_content()
    links = [a.get("href") for a in doc.xpath("//a") if not a.get("href", "").startswith("#")]
    assert links == ([url] if url.startswith("https://") else [])
