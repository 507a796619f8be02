"""Provenance (``nlp/components/provenance.py``): which component proposed an entity is a named
Span extension, never ``Span.id_``/``kb_id_``, and one policy says which entity wins."""
from __future__ import annotations

import ast

import pytest
import spacy
from spacy.tokens import Span

from support import ROOT

from newsextract.nlp.components import provenance as prov
from newsextract.nlp.components.entity_spans import replace_ents

SRC = ROOT / "src" / "newsextract"
# spaCy's own fields that the entity components once used as flags (a bare ``.id`` is
# left out: records and date rules have ids of their own)
FLAG_ATTRS = {"id_", "kb_id_", "ent_id_", "ent_kb_id_", "kb_id", "ent_id", "ent_kb_id"}
FLAG_KEYWORDS = {"span_id", "kb_id"}


def _flag_uses(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in FLAG_ATTRS:
            found.append((node.lineno, "." + node.attr))
        elif isinstance(node, ast.keyword) and node.arg in FLAG_KEYWORDS:
            found.append((node.lineno, node.arg + "="))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr" \
                and len(node.args) > 1 and isinstance(node.args[1], ast.Constant) and node.args[1].value in FLAG_ATTRS:
            found.append((node.lineno, f"getattr {node.args[1].value}"))
    return found


def test_no_source_file_uses_span_ids_as_flags():
    """Provenance goes through ``provenance``; the one exception is ``provenance.pattern_id``,
    which reads the id spaCy's SpanRuler gives a matched pattern (spaCy's own use of the field)."""
    offenders = {}
    for path in sorted(SRC.rglob("*.py")):
        uses = _flag_uses(ast.parse(path.read_text(encoding="utf-8")))
        if path.name == "provenance.py" and path.parent.name == "components":
            tree = ast.parse(path.read_text(encoding="utf-8"))
            allowed = next(n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == "pattern_id")
            lines = set(range(allowed.lineno, allowed.end_lineno + 1))
            uses = [u for u in uses if u[0] not in lines]
        if uses:
            offenders[str(path.relative_to(ROOT))] = uses
    assert offenders == {}


@pytest.mark.parametrize("source, expected", [
    ("x = span.id_", [(1, ".id_")]),
    ("if role.kb_id_ == 'before': pass", [(1, ".kb_id_")]),
    ("ok = not doc[0].ent_id_", [(1, ".ent_id_")]),
    ("s = Span(doc, 0, 1, label='ORG', span_id='rule')", [(1, "span_id=")]),
    ("s = Span(doc, 0, 1, label='ORG', kb_id='after')", [(1, "kb_id=")]),
    ("v = getattr(span, 'id_')", [(1, "getattr id_")]),
    ("s = Span(doc, 0, 1, label='ORG'); t = span.label_", []),
])
def test_the_check_sees_each_kind_of_flag(source, expected):
    assert _flag_uses(ast.parse(source)) == expected


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


def _doc(blank, text, ents=()):
    """A Doc with entities (start, end, label, source)."""
    doc = blank(text)
    spans = [Span(doc, s, e, label=label) for s, e, label, _ in ents]
    doc.set_ents(spans)
    for span, (_, _, _, found) in zip(spans, ents):
        prov.mark(span, found)
    return doc


def test_source_is_read_back_from_doc_ents(blank):
    doc = _doc(blank, "Prime Minister Ilse Varga met Tomas Brennick in Kyiv",
               [(2, 4, "PERSON", prov.TITLE), (5, 7, "PERSON", prov.MODEL), (8, 9, "GPE", prov.GAZETTEER)])
    assert [(e.text, e._.nx_source) for e in doc.ents] == [
        ("Ilse Varga", "title"), ("Tomas Brennick", ""), ("Kyiv", "gazetteer")]
    assert [prov.guessed(e) for e in doc.ents] == [False, True, False]
    assert [prov.token_source(t) for t in doc] == ["", "", "title", "title", "", "", "", "", "gazetteer"]


def test_a_relabelled_span_has_its_own_source(blank):
    """spaCy keys span extensions by character offsets only; ours key the label too."""
    doc = _doc(blank, "Deportivo beat Orense", [(0, 1, "GPE", prov.GAZETTEER)])
    assert prov.source(Span(doc, 0, 1, label="ORG")) == prov.MODEL
    assert prov.source(Span(doc, 0, 1, label="GPE")) == prov.GAZETTEER
    club = prov.mark(Span(doc, 0, 1, label="ORG"), prov.TABLE)
    assert (prov.source(club), prov.source(Span(doc, 0, 1, label="GPE"))) == ("table", "gazetteer")
    prov.mark(club, prov.MODEL)
    assert prov.source(club) == prov.MODEL


@pytest.mark.parametrize("old_label, old_source, proposer, stays", [
    ("PERSON", prov.MODEL, prov.NAME, False),          # the model's guess never stands against a rule
    ("GPE", prov.MODEL, prov.GAZETTEER, False),
    ("ORG", prov.MODEL, prov.TITLE, False),
    ("ORG", prov.RULE, prov.GAZETTEER, True),          # a rule's organization stands against a place
    ("FAC", "institution", prov.NAME, True),           # a pattern's own id is a rule's source
    ("PERSON", prov.NAME, prov.CONSISTENCY, True),
    ("PERSON", prov.NAME, prov.TITLE, False),          # a role beside the name says more of a person
    ("PERSON", prov.CONSISTENCY, prov.RESULTS, False),
    ("PERSON", prov.TITLE, prov.TABLE, False),
    ("GPE", prov.GAZETTEER, prov.TITLE, True),         # ... but not of a place
    ("GPE", prov.GAZETTEER, prov.KNOWN_PERSON, False),  # "Neil Jordan" ... "Jordan said"
    ("GPE", prov.GAZETTEER, prov.CONSISTENCY, True),
    ("PERSON", prov.TITLE, prov.KNOWN_PERSON, True),
])
def test_the_winning_policy(blank, old_label, old_source, proposer, stays):
    doc = _doc(blank, "Jordan Fairley spoke", [(0, 2, old_label, old_source)])
    assert prov.stays(doc.ents[0], proposer) is stays


def test_replace_ents_marks_only_the_winners(blank):
    """A proposal that loses leaves the entity it lost to, and that entity's source, as they were."""
    doc = _doc(blank, "Kenji Arata of Halvern Bank and Osk Fjord", [(3, 5, "ORG", prov.RULE), (6, 8, "PERSON", prov.MODEL)])
    bank_place = Span(doc, 3, 4, label="GPE")  # "Halvern" alone, inside the rule's ORG
    same_tokens = Span(doc, 6, 8, label="PERSON")
    new_person = Span(doc, 0, 2, label="PERSON")
    replace_ents(doc, [bank_place, same_tokens, new_person], keep=lambda old, new: prov.stays(old, prov.GAZETTEER),
                 source=[prov.GAZETTEER, prov.NAME, prov.NAME])
    assert [(e.text, e.label_, e._.nx_source) for e in doc.ents] == [
        ("Kenji Arata", "PERSON", "name"), ("Halvern Bank", "ORG", "rule"), ("Osk Fjord", "PERSON", "name")]


def test_a_losing_proposal_with_the_same_tokens_keeps_the_old_source(blank):
    doc = _doc(blank, "Halvern Bank fell", [(0, 2, "ORG", prov.RULE)])
    replace_ents(doc, [Span(doc, 0, 2, label="ORG")], keep=lambda old, new: prov.stays(old, prov.CONSISTENCY),
                 source=prov.CONSISTENCY)
    assert [(e.text, e._.nx_source) for e in doc.ents] == [("Halvern Bank", "rule")]


@pytest.mark.parametrize("text, name, found_by", [
    ("Prime Minister Ilse Varga visited the port on Monday.", "Ilse Varga", "title"),
    ("Tomas Brennick, the deputy ambassador, said the talks would resume.", "Tomas Brennick", "title"),
    ("Officials in Kyiv said the talks would resume.", "Kyiv", "gazetteer"),
    ("Marta Kovacs said the Canadian Embassy had agreed.", "Canadian Embassy", "institution"),
    ("Crewe 0 Watford 2\nLeyton Orient 1 Barnet 1\n", "Leyton Orient", "table"),
])
def test_the_pipeline_marks_who_found_each_entity(nlp, text, name, found_by):
    doc = nlp(text)
    assert {e.text: e._.nx_source for e in doc.ents}.get(name) == found_by


@pytest.mark.parametrize("text, role, side", [
    ("Prime Minister Ilse Varga visited the port.", "Prime Minister", "before"),
    ("Tomas Brennick, the deputy ambassador, said the talks would resume.", "deputy ambassador", "after"),
])
def test_a_role_says_where_its_name_is(nlp, text, role, side):
    doc = nlp(text)
    assert [(s.text, s._.nx_name_side) for s in doc.spans["person_titles"]] == [(role, side)]


def test_a_date_span_names_its_rule(nlp):
    doc = nlp("The council met on Tuesday and will vote in March 2027.")
    assert all(s._.nx_date_rule for s in doc.spans["dates"]) and len(doc.spans["dates"]) == 2


@pytest.mark.parametrize("text, name, signal", [
    ("Prime Minister Ilse Varga visited the port on Monday.", "Ilse Varga", "rule:title"),
    ("Officials in Kyiv said the talks would resume.", "Kyiv", "rule:gazetteer"),
])
def test_evidence_names_the_source(extract_text, text, name, signal):
    record = extract_text(text)
    entry = next(e for k in ("people", "places") for e in record[k] if e["name"] == name)
    assert signal in entry["evidence"]


def test_the_factories_declare_the_provenance_they_write_and_read(nlp):
    """``span._.nx_source`` is assigned first by the entity rules and required by the entity
    components after them, so ``analyze_pipes`` reports a reader without a writer before it."""
    from newsextract.nlp.pipeline import register_components

    assigns = {name: nlp.get_pipe_meta(name).assigns for name in nlp.pipe_names}
    assert "span._.nx_source" in assigns["newsextract_entity_rules"]
    assert "span._.nx_name_side" in assigns["newsextract_person_titles"]
    assert "span._.nx_date_rule" in assigns["newsextract_dates"]
    register_components()
    blank = spacy.blank("en")
    blank.add_pipe("newsextract_person_names")
    assert "span._.nx_source" in blank.analyze_pipes(pretty=False)["problems"]["newsextract_person_names"]


USER_EXTENSION = r"""
import sys
from spacy.tokens import Span

Span.set_extension("source", default="the caller's own")  # a library user's extension
import newsextract

nlp = newsextract.load()
doc = nlp("Prime Minister Mark Carney met Tim Henman in Paris on Monday.")
print("\n".join(f"{e.text}|{e._.source}|{e._.nx_source}" for e in doc.ents))
"""


def test_a_callers_own_span_extension_of_the_same_name_is_left_alone():
    """Our extensions are prefixed (``nx_source``): loading and running newsextract never
    replaces a caller's ``span._.source``, and ours is still there beside it."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-c", USER_EXTENSION], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    rows = [line.split("|") for line in done.stdout.splitlines()]
    assert rows and all(theirs == "the caller's own" for _, theirs, _ in rows)
    assert {text: ours for text, _, ours in rows}.get("Paris") == "gazetteer"
