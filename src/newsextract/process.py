"""Processing: batches of inputs through the pipeline to records (``process_batch``),
one Doc to one record (``build_article``). Every engine (this process, worker
processes, Dask) runs this; it imports no engine and no API.

One article flows one way: ``ArticleInput`` → text (HTML extracted) →
``structure`` → the spaCy pipeline → extractors → ``Article``. A failure in
one article becomes that article's error record; it never stops the others.
"""
from __future__ import annotations

from typing import Iterable, Iterator

from .records import Article, failed_record
from .io.dateutil import anchor_date
from .errors import InputError
from .io.inputs import ArticleInput

BATCH_SIZE = 32  # at most this many articles go through nlp.pipe at once ...
# ... and at most about this many characters (~4,000 words): the statistical model's
# working memory grows with the words in a batch (~15 kB a token), and speed is flat
# from ~8 BBC articles a batch up, so a character budget keeps peak memory flat
# whatever the article lengths, at no cost in speed.
BATCH_CHARS = 24_000

# the note on an undated article whose relative dates stay null: routine (most archives carry
# no publication date), so the command line sums it up once instead of once per article
UNRESOLVED_DATES = "dates left unresolved (value null)"


def unresolved_dates(warning: str) -> int:
    """How many dates the routine "left unresolved" note ``warning`` counts; 0 for any other warning."""
    if UNRESOLVED_DATES not in warning:
        return 0
    head = warning.split(f" {UNRESOLVED_DATES}")[0].rsplit(": ", 1)[-1]
    count = head.split(" of ")[0]
    return int(count) if count.isdigit() else 0


def batches(items: Iterable[ArticleInput], *, size: int = BATCH_SIZE,
            chars: int = BATCH_CHARS) -> Iterator[list[ArticleInput]]:
    """Consecutive batches of at most ``size`` inputs and about ``chars`` characters
    (an article longer than that is a batch of its own), read lazily."""
    batch: list[ArticleInput] = []
    total = 0
    for item in items:
        length = len(item.text) if item.text is not None else len(item.html or "") // 4
        if batch and (len(batch) >= size or total + length > chars):
            yield batch
            batch, total = [], 0
        batch.append(item)
        total += length
    if batch:
        yield batch


def process_batch(nlp, batch: list[ArticleInput], *, include_text: bool = False) -> list[Article]:
    """Process a list of inputs with ``nlp.pipe``; one bad article never spoils the batch."""
    results: list[Article | None] = [None] * len(batch)
    prepared: list[tuple[int, ArticleInput]] = []
    for i, item in enumerate(batch):
        failed = _prepare(item)
        if failed is not None:
            results[i] = failed
        else:
            prepared.append((i, item))
    from .nlp.chunking import is_long

    small = [(i, item) for i, item in prepared if not is_long(nlp, item.text)]
    try:
        docs = nlp.pipe(item.text for _, item in small)
        for (i, item), doc in zip(small, docs):
            results[i] = _safe_build(item, doc, include_text)
    except Exception:  # one article broke the batch: redo them one at a time
        for i, item in small:
            if results[i] is None:
                results[i] = _process_one(nlp, item, include_text)
    for i, item in prepared:
        if results[i] is None:
            results[i] = _process_one(nlp, item, include_text)
    return [r for r in results if r is not None]


def _prepare(item: ArticleInput) -> Article | None:
    """Turn HTML into text; return an error record if the input cannot be processed."""
    if item.error is None and item.text is None and item.html is not None:
        try:
            from .io.html import html_to_input

            html_to_input(item)
        except InputError as exc:
            item.error = exc
        except Exception as exc:  # a library failure on one page
            item.error = InputError("html", f"{item.source}: {type(exc).__name__}: {exc}")
    if item.error is not None:
        return failed_record(item, item.error.type, item.error.message)
    if item.text is None:
        return failed_record(item, "bad_record", f"{item.source}: no text")
    return None


def _process_one(nlp, item: ArticleInput, include_text: bool) -> Article:
    try:
        from .nlp.chunking import is_long, process_long

        if is_long(nlp, item.text):
            doc = process_long(nlp, item.text)
        else:
            doc = nlp(item.text)
    except Exception as exc:
        return failed_record(item, "processing", f"{item.source}: {type(exc).__name__}: {exc}")
    return _safe_build(item, doc, include_text)


def _safe_build(item: ArticleInput, doc, include_text: bool) -> Article:
    try:
        return build_article(item, doc, include_text=include_text)
    except Exception as exc:
        return failed_record(item, "processing", f"{item.source}: {type(exc).__name__}: {exc}")


def build_article(item: ArticleInput, doc, *, include_text: bool = False) -> Article:
    """Run the extractors over a processed Doc and assemble the record.

    Each extractor is one row of ``steps``: (the record field it fills, how to
    call it, given the facts found so far). ``run_extractors`` isolates them, so
    an exception in one costs only that field, with a warning naming it."""
    from .io import structure
    from .io.dateline import find_anchor
    from .nlp.components.blocks import structure_of
    from .facts.commitments import extract_commitments
    from .facts.dates import extract_dates
    from .facts.organizations import extract_organizations
    from .facts.people import extract_people
    from .facts.places import extract_places
    from .facts.quotes import extract_quotes
    from .facts.resolve import EntityIndex
    from .facts.roles import resolve as resolve_roles

    text = item.text or ""
    parsed = structure_of(doc, text) or structure.parse(text)  # the blocks component's, if it ran on this text
    warnings = list(item.warnings)
    if not text.strip():
        warnings.append(f"{item.source}: empty article, nothing to extract")
    published = item.published or find_anchor(text) or item.fallback_published
    anchor = anchor_date(published)
    indexes: dict[int, EntityIndex] = {}

    def index(facts) -> EntityIndex:
        """The one entity index quotes and commitments share (built on first use)."""
        if not indexes:
            indexes[0] = EntityIndex(doc, facts["people"], facts["places"], facts["organizations"])
        return indexes[0]

    steps = (
        ("people", lambda facts: extract_people(doc)),
        ("places", lambda facts: extract_places(doc)),
        ("organizations", lambda facts: extract_organizations(doc)),
        ("dates", lambda facts: extract_dates(doc, anchor=anchor)),
        ("quotes", lambda facts: extract_quotes(
            doc, people=facts["people"], organizations=facts["organizations"], places=facts["places"],
            index=index(facts))),
        ("commitments", lambda facts: extract_commitments(
            doc, people=facts["people"], places=facts["places"],
            organizations=facts["organizations"], dates=facts["dates"], quotes=facts["quotes"],
            index=index(facts))),
    )
    facts = run_extractors(steps, warnings, source=item.source)
    try:  # roles name their organization as the organizations and places entries do
        resolve_roles(facts["people"], facts["organizations"], facts["places"])
    except Exception as exc:  # the roles keep the body as written
        warnings.append(f"{item.source}: naming the roles' organizations failed ({type(exc).__name__}: {exc})")
    unresolved = sum(1 for d in facts["dates"] if d.value is None)
    if unresolved and not published:
        warnings.append(f"{item.source}: {unresolved} of {len(facts['dates'])} {UNRESOLVED_DATES}: "
                        "no publication date to resolve them against; give --published YYYY-MM-DD "
                        "or a 'published' field")
    return Article(
        id=item.id, source=item.source, title=item.title or parsed.title,
        category=parsed.category, published=published, url=item.url,
        encoding=item.encoding, words=len(text.split()), text=text,
        warnings=warnings, include_text=include_text, **facts,
    )


def run_extractors(steps, warnings: list[str], *, source: str) -> dict[str, list]:
    """``{field: facts}`` from ``(field, call)`` steps run in order, each given the
    facts so far. A step that raises yields no facts for its field (an empty
    list, also to the steps after it) and a warning that names it; the
    others are kept."""
    facts: dict[str, list] = {}
    for field, call in steps:
        try:
            facts[field] = list(call(facts))
        except Exception as exc:  # a bug in one extractor must not cost the others
            facts[field] = []
            warnings.append(f"{source}: the {field} extractor failed ({type(exc).__name__}: {exc}); "
                            f"this record has no {field}")
    return facts
