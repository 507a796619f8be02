"""One extractor's failure costs only its own facts; a pronoun taken for a name is no person."""
from __future__ import annotations

import importlib
import pkgutil

import pytest

import newsextract.facts as extractors_pkg
from newsextract.records import Article

TEXT = ("Prime Minister Elena Marsh said on Monday that the Treasury will cut fuel duty in Leeds "
        "next year. Marsh told the Leeds Chamber of Commerce that the cut would help drivers. "
        '"Drivers have waited long enough," she said.')


def _extractors() -> list[tuple[str, str, str]]:
    """(module, function, record field) of every ``extract_<field>`` in newsextract.facts,
    so that an extractor added later is covered too."""
    fields = set(Article.__dataclass_fields__)
    found = []
    for info in pkgutil.iter_modules(extractors_pkg.__path__):
        module = importlib.import_module(f"newsextract.facts.{info.name}")
        for name in dir(module):
            field = name.removeprefix("extract_")
            if name.startswith("extract_") and field in fields and getattr(module, name).__module__ == module.__name__:
                found.append((module.__name__, name, field))
    return sorted(found)


EXTRACTORS = _extractors()


def test_every_record_field_has_an_extractor():
    assert {f for _, _, f in EXTRACTORS} >= {"people", "places", "organizations", "dates", "commitments"}


@pytest.fixture(scope="module")
def baseline(extract_text):
    record = extract_text(TEXT)
    for _, _, field in EXTRACTORS:
        assert record[field], f"the test text should give some {field}"
    return record


@pytest.mark.parametrize("module, function, field", EXTRACTORS, ids=[f for _, _, f in EXTRACTORS])
def test_a_failing_extractor_costs_only_its_own_facts(extract_text, baseline, monkeypatch, module, function, field):
    def broken(*args, **kwargs):
        raise RuntimeError("injected failure")

    monkeypatch.setattr(importlib.import_module(module), function, broken)
    record = extract_text(TEXT)
    assert "error" not in record
    assert record[field] == []
    failed = [w for w in record["warnings"] if "injected failure" in w]
    assert len(failed) == 1 and f"the {field} extractor failed" in failed[0]
    for _, _, other in EXTRACTORS:
        if other == field:
            continue
        if other in ("commitments", "quotes"):  # read the others' facts, so they may change; they still run
            assert record[other], f"{other} lost when {field} failed"
        else:
            assert record[other] == baseline[other], f"{other} changed when {field} failed"


@pytest.mark.parametrize("text, name", [
    ("FEDERAL RESERVE BOARD\n\nJanet Holloway - She was the Fed vice chair when the bank raised rates. "
     "She said inflation was falling.", "Janet Holloway"),
    ("NATIONAL SECURITY AGENCY\n\nRobert Kessler - He was the NSA deputy director when the agency "
     "was asked about it.", "Robert Kessler"),
    ("BANK OF ENGLAND\n\nPeter Lindqvist - He was the bank chief economist when the crisis hit.",
     "Peter Lindqvist"),
])
def test_a_pronoun_taken_for_a_name_is_no_person(extract_text, text, name):
    record = extract_text(text)
    assert "error" not in record, record.get("error")
    assert [p["name"] for p in record["people"]] == [name]
    assert not [w for w in record["warnings"] if "extractor failed" in w]


def test_a_pronoun_entity_alone_never_breaks_people(nlp):
    """The cause of the crash, with the entities set by hand: a cluster of only a pronoun."""
    from spacy.tokens import Span

    from newsextract.facts.people import extract_people

    doc = nlp("Michael Morell - He was the deputy director.")
    doc.set_ents([Span(doc, 0, 2, label="PERSON"), Span(doc, 3, 4, label="PERSON")])
    assert [p.name for p in extract_people(doc)] == ["Michael Morell"]
