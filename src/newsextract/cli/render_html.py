"""HTML: one self-contained page to read articles with their facts marked in place.

In the manner of spaCy's displaCy: each article's text with every mention of a
person, place and organization, every date, commitment and quotation highlighted
where it stands; hovering shows the canonical name or value (a ``title``; no
script). Then the article's tables, and an index first when there are several
articles. Styles are inline in the page; there are no scripts, fonts or images,
and a Content-Security-Policy forbids the browser to load anything at all.

The records must carry ``text`` (the command line adds it for this format);
without it the page shows the tables only.
"""
from __future__ import annotations

import html
import re
from typing import IO, Any, Iterable, Iterator

from .render_text import role_text

# Entities and dates are marks (they never overlap one another here: the first,
# longest one wins); commitments and quotes are clauses, drawn as underlines and a
# shade under the marks, and may overlap anything.
ENTITY_KINDS = [("people", "person", "PERSON"), ("places", "place", "PLACE"),
                ("organizations", "org", "ORG")]

STYLE = """
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       color: #1d1d1f; background: #fafafa; margin: 0; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem 1.25rem 4rem; }
h1 { font-size: 1.6rem; margin: 0 0 1rem; }
h2 { font-size: 1.3rem; margin: 2.5rem 0 0.25rem; }
h3 { font-size: 1rem; margin: 1.5rem 0 0.4rem; }
.meta { color: #666; font-size: 0.85rem; margin-bottom: 1rem; }
nav.index table { font-size: 0.9rem; }
nav.index td:nth-child(2), td.num { white-space: nowrap; }
article { background: #fff; border: 1px solid #e3e3e3; border-radius: 8px; padding: 0.5rem 1.5rem 1.5rem;
          margin-top: 2rem; }
.legend { font-size: 0.8rem; color: #555; margin: 0.5rem 0; }
.legend mark.ent, .legend span { margin: 0 0.6rem 0 0; }
.text { white-space: pre-wrap; line-height: 2.2; font-size: 1rem; max-width: 46rem; }
mark.ent { padding: 0.15em 0.35em; margin: 0 0.1em; border-radius: 0.35em; line-height: 1;
           box-decoration-break: clone; -webkit-box-decoration-break: clone; color: inherit; }
mark.ent .label { font-size: 0.6em; font-weight: 700; letter-spacing: 0.03em; vertical-align: middle;
                  margin-left: 0.4em; text-transform: uppercase; opacity: 0.75; }
mark.person { background: #ddd4fe; }
mark.place { background: #fde3b4; }
mark.org { background: #c4f2f2; }
mark.date { background: #d3eee6; }
mark.ent:hover { outline: 2px solid #444; }
.commitment { border-bottom: 3px solid #e4572e; padding-bottom: 1px; }
.quote { background: #fff6cc; font-style: italic; }
.commitment:hover, .quote:hover { background: #ffe9a8; }
table { border-collapse: collapse; margin: 0.25rem 0 0.5rem; font-size: 0.92rem; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.75rem 0.25rem 0; border-bottom: 1px solid #eee; }
th { font-weight: 600; color: #444; border-bottom: 2px solid #ddd; }
td.num, th.num { text-align: right; }
td.clause { max-width: 34rem; }
.none { color: #888; font-size: 0.9rem; margin: 0.75rem 0; }
.error { color: #a40000; font-weight: 600; }
.warning { color: #8a5a00; font-size: 0.9rem; }
"""

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def esc(value: Any) -> str:
    """Text for an HTML page: escaped, and control characters (not allowed in HTML)
    shown as U+FFFD."""
    if value is None:
        return ""
    return html.escape(_CONTROL.sub("\ufffd", str(value)), quote=True)


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _anchor(record: dict[str, Any], n: int) -> str:
    return f"a{n}-" + re.sub(r"[^A-Za-z0-9_-]+", "-", str(record["id"]))[:60]


# --- the text with its marks ---------------------------------------------------------------

def _marks(record: dict[str, Any]) -> list[tuple[int, int, str, str, str]]:
    """Non-overlapping (start, end, css class, label, tooltip) for entity mentions and dates."""
    found = []
    for key, css, label in ENTITY_KINDS:
        for entry in record.get(key, []):
            tip = _entity_tip(key, entry)
            for m in entry["mentions"]:
                found.append((m["start"], m["end"], css, label, tip, entry["name"]))
    for d in record.get("dates", []):
        tip = f"{d['type']} {d['value'] or 'unresolved (no anchor date)'}"
        found.append((d["start"], d["end"], "date", d["type"], tip, d["value"] or ""))
    found.sort(key=lambda m: (m[0], -(m[1] - m[0])))
    kept, end = [], -1
    for mark in found:
        if mark[0] >= end and mark[1] > mark[0]:
            kept.append(mark)
            end = mark[1]
    return kept


def _entity_tip(key: str, entry: dict[str, Any]) -> str:
    n = len(entry["mentions"])
    if key == "people":
        roles = [r["title"] + (f", {r['organization']}" if r.get("organization") else "")
                 for r in entry.get("roles") or []] or entry.get("titles", [])
        return f"{entry['name']}" + (f" — {'; '.join(roles)}" if roles else "") + f" · {_plural(n, 'mention')}"
    if key == "places":
        where = ", ".join(x for x in (entry.get("kind"), entry.get("country")) if x)
        latlon = (f" ({entry['lat']:.2f}, {entry['lon']:.2f})"
                  if entry.get("lat") is not None and entry.get("lon") is not None else "")
        return f"{entry['name']} — {where}{latlon} · {_plural(n, 'mention')}"
    return f"{entry['name']} · {_plural(n, 'mention')}"


def _clauses(record: dict[str, Any]) -> list[tuple[int, int, str, str]]:
    """(start, end, css class, tooltip) for commitments and quotes."""
    out = []
    for c in record.get("commitments", []):
        parts = [c.get("actor") or "unknown actor", c["modality"] + (" not" if c.get("negated") else ""), c["action"]]
        if c.get("when"):
            parts.append(c["when"])
        out.append((c["start"], c["end"], "commitment", "Commitment: " + " · ".join(parts)))
    for q in record.get("quotes") or []:
        who = q.get("speaker") or "speaker unknown"
        out.append((q["start"], q["end"], "quote", f"Quote: {who}" + (f" ({q['cue']})" if q.get("cue") else "")))
    return out


def marked_text(text: str, record: dict[str, Any]) -> str:
    """``text`` as HTML, its marks and clauses in place (one pass over the cut points)."""
    n = len(text)
    marks = [m for m in _marks(record) if 0 <= m[0] < m[1] <= n]
    clauses = [(max(0, c[0]), min(n, c[1]), c[2], c[3]) for c in _clauses(record) if c[0] < c[1]]
    cuts = {0, n}
    for m in marks:
        cuts.update((m[0], m[1]))
    for c in clauses:
        cuts.update((c[0], c[1]))
    points = sorted(p for p in cuts if 0 <= p <= n)
    starts: dict[int, list] = {}
    for c in clauses:
        starts.setdefault(c[0], []).append(c)
    by_start = {m[0]: m for m in marks}
    out, open_clauses, mark = [], [], None
    for a, b in zip(points, points[1:]):
        open_clauses = [c for c in open_clauses if c[1] > a] + starts.get(a, [])
        if mark is None and a in by_start:
            mark = by_start[a]
            _, _, css, label, tip, value = mark
            out.append(f'<mark class="ent {css}" title="{esc(tip)}" data-kind="{css}" data-value="{esc(value)}">')
        chunk = esc(text[a:b])
        if open_clauses:
            classes = " ".join(sorted({c[2] for c in open_clauses}))
            tip = esc(" | ".join(c[3] for c in open_clauses))
            chunk = f'<span class="{classes}" title="{tip}">{chunk}</span>'
        out.append(chunk)
        if mark is not None and b == mark[1]:
            out.append(f'<span class="label">{esc(mark[3])}</span></mark>')
            mark = None
    return "".join(out)


# --- tables --------------------------------------------------------------------------------

def _table(title: str, headers: list[str], rows: list[list[Any]], numeric: set[int] = frozenset(),
           clause: set[int] = frozenset()) -> str:
    if not rows:
        return f'<p class="none"><strong>{esc(title)}</strong> — none</p>'
    head = "".join(f'<th{" class=num" if i in numeric else ""}>{esc(h)}</th>' for i, h in enumerate(headers))
    body = "".join("<tr>" + "".join(
        f'<td{" class=num" if i in numeric else (" class=clause" if i in clause else "")}>{esc(v)}</td>'
        for i, v in enumerate(row)) + "</tr>" for row in rows)
    return f"<h3>{esc(title)} ({len(rows)})</h3><table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _by_mentions(entries):
    return sorted(entries, key=lambda e: (-len(e["mentions"]), min(m["start"] for m in e["mentions"])))


def tables(record: dict[str, Any]) -> str:
    def roles(p):
        return role_text(p.get("roles") or []) or ", ".join(p.get("titles", []))

    def forms(e):
        return ", ".join(sorted({m["text"] for m in e["mentions"]} - {e["name"]}))

    parts = [
        _table("People", ["Name", "Roles", "Mentions", "Also as"],
               [[p["name"], roles(p), len(p["mentions"]), forms(p)] for p in _by_mentions(record.get("people", []))],
               numeric={2}),
        _table("Places", ["Name", "Kind", "Country", "Lat, lon", "Mentions"],
               [[p["name"], p["kind"], p.get("country") or "",
                 f"{p['lat']:.2f}, {p['lon']:.2f}" if p.get("lat") is not None and p.get("lon") is not None else "",
                 len(p["mentions"])] for p in _by_mentions(record.get("places", []))], numeric={4}),
        _table("Organizations", ["Name", "Mentions", "Also as"],
               [[o["name"], len(o["mentions"]), forms(o)] for o in _by_mentions(record.get("organizations", []))],
               numeric={1}),
        _table("Dates", ["Text", "Type", "Value"],
               [[d["text"], d["type"], d["value"] or "—"] for d in record.get("dates", [])]),
        _table("Commitments", ["Actor", "Modality", "Action", "When", "Text"],
               [[c.get("actor") or "—", c["modality"] + (" not" if c.get("negated") else ""), c["action"],
                 c.get("when") or "—", c["text"]] for c in record.get("commitments", [])], clause={4}),
    ]
    if record.get("quotes") is not None:
        parts.append(_table("Quotes", ["Speaker", "Cue", "Quote"],
                            [[q.get("speaker") or "—", q.get("cue") or "—", "“" + q["text"] + "”"]
                             for q in record["quotes"]], clause={2}))
    return "".join(parts)


LEGEND = ('<p class="legend"><mark class="ent person">person</mark><mark class="ent place">place</mark>'
          '<mark class="ent org">organization</mark><mark class="ent date">date</mark>'
          '<span class="commitment">commitment</span><span class="quote">quotation</span>'
          ' — hover over a mark for its canonical name or value</p>')


def article_html(record: dict[str, Any], n: int) -> str:
    anchor = _anchor(record, n)
    warnings = "".join(f'<p class="warning">warning: {esc(w)}</p>' for w in record.get("warnings", []))
    if "error" in record:
        return (f'<article id="{anchor}" class="failed"><h2>{esc(record["source"])}</h2>'
                f'<p class="error">{esc(record["error"]["type"])}: {esc(record["error"]["message"])}</p>'
                f"{warnings}</article>")
    meta = [f"published {esc(record.get('published') or '—')}"]
    if record.get("category"):
        meta.append(f"category {esc(record['category'])}")
    meta.append(f"source {esc(record['source'])}")
    if record.get("url") and re.match(r"https?://", str(record["url"])):
        meta.append(f'<a href="{esc(record["url"])}" rel="noreferrer noopener">{esc(record["url"])}</a>')
    counts = " · ".join([_plural(record.get("words", 0), "word"),
                         _plural(len(record.get("people", [])), "person", "people"),
                         _plural(len(record.get("places", [])), "place"),
                         _plural(len(record.get("organizations", [])), "organization"),
                         _plural(len(record.get("dates", [])), "date"),
                         _plural(len(record.get("commitments", [])), "commitment")]
                        + ([_plural(len(record["quotes"]), "quote")] if record.get("quotes") is not None else []))
    text = record.get("text")
    body = (LEGEND + f'<div class="text">{marked_text(text, record)}</div>' if isinstance(text, str)
            else '<p class="none">The record has no text (run with --include-text) so only its tables are shown.</p>')
    return (f'<article id="{anchor}"><h2>{esc(record.get("title") or record["id"])}</h2>'
            f'<div class="meta">{" · ".join(meta)}<br>{counts}</div>{warnings}{body}{tables(record)}</article>')


def index_html(records: list[dict[str, Any]]) -> str:
    rows = []
    for n, rec in enumerate(records):
        link = f'<a href="#{_anchor(rec, n)}">{esc(rec.get("title") or rec["id"])}</a>'
        if "error" in rec:
            rows.append(f'<tr><td>{link}</td><td colspan="5" class="error">{esc(rec["error"]["type"])}</td></tr>')
            continue
        people = ", ".join(p["name"] for p in _by_mentions(rec.get("people", []))[:3])
        rows.append(f"<tr><td>{link}</td><td>{esc(rec.get('published') or '—')}</td><td>{esc(people)}</td>"
                    f"<td class=num>{len(rec.get('places', []))}</td><td class=num>{len(rec.get('commitments', []))}</td>"
                    f"<td class=num>{len(rec['quotes']) if rec.get('quotes') is not None else '—'}</td></tr>")
    return ('<nav class="index"><h2>Articles</h2><table><thead><tr><th>Title</th><th>Published</th>'
            '<th>Main people</th><th class=num>Places</th><th class=num>Commitments</th><th class=num>Quotes</th>'
            f'</tr></thead><tbody>{"".join(rows)}</tbody></table></nav>')


def page(records: list[dict[str, Any]]) -> str:
    title = f"newsextract: {_plural(len(records), 'article')}"
    index = index_html(records) if len(records) > 1 else ""
    articles = "".join(article_html(r, n) for n, r in enumerate(records))
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{esc(title)}</title><style>{STYLE}</style></head>\n"
            f"<body><main><h1>{esc(title)}</h1>{index}{articles}</main></body></html>\n")


def write_html(records: Iterable[dict[str, Any]], out: IO[bytes]) -> Iterator[dict[str, Any]]:
    """Collect the records, then write the page (the index comes first, so the page is
    written at the end; an interrupted run still writes the page of what was done)."""
    done: list[dict[str, Any]] = []
    try:
        for record in records:
            done.append(record)
            yield record
    finally:
        try:
            out.write(page(done).encode("utf-8"))
            out.flush()
        except (OSError, ValueError):
            pass
