"""The word lists in models/: comment and header lines never become words."""
from __future__ import annotations

import pytest

HEADER_WORDS = ("Given", "names", "made", "by", "public", "SSA", "#")


@pytest.mark.parametrize("component", ["newsextract_entity_rules", "newsextract_person_names",
                                       "newsextract_place_metonymy", "newsextract_entity_consistency"])
def test_first_names_have_no_header_words(nlp, component):
    first_names = nlp.get_pipe(component).first_names
    assert "Aaliyah" in first_names
    for word in HEADER_WORDS:
        assert word not in first_names


def test_company_cues_have_no_header_word(nlp):
    cues = nlp.get_pipe("newsextract_person_names").company_cues
    assert "Inc" in cues and "kind" not in cues and "word" not in cues


# --- the one loader --------------------------------------------------------------

import ast
import re
from pathlib import Path

from support import ROOT

SRC = ROOT / "src" / "newsextract"


@pytest.fixture
def models(tmp_path, monkeypatch):
    """A models/ folder of our own for the loader, with its caches cleared."""
    from newsextract import lexicon

    monkeypatch.setattr(lexicon, "model_file", lambda name: tmp_path / name)
    for fn in (lexicon.lines, lexicon.words, lexicon.table, lexicon.json):
        fn.cache_clear()
    yield tmp_path
    for fn in (lexicon.lines, lexicon.words, lexicon.table, lexicon.json):
        fn.cache_clear()


@pytest.mark.parametrize("text, expected", [
    ("# a header comment with words\nAlpha\n\n  Beta  \n# another\nGamma\n", ("Alpha", "Beta", "Gamma")),
    ("Alpha\r\nBeta\r\n", ("Alpha", "Beta")),
    ("# only a comment\n", ()),
])
def test_word_lists_skip_comments_and_blank_lines(models, text, expected):
    from newsextract import lexicon

    (models / "w.txt").write_text(text, encoding="utf-8")
    assert lexicon.lines("w.txt") == expected
    assert lexicon.words("w.txt") == frozenset(expected)


def test_tables_skip_comments_and_read_the_header(models):
    from newsextract import lexicon

    (models / "t.tsv").write_text("# kind: what the word does\nword\tkind\nInc\tsuffix\n# note\nstock\tcue\n",
                                  encoding="utf-8")
    assert lexicon.table("t.tsv") == ({"word": "Inc", "kind": "suffix"}, {"word": "stock", "kind": "cue"})


def test_large_tables_need_their_header(models):
    from newsextract import lexicon

    (models / "g.tsv").write_text("a\tb\nx\t1\n", encoding="utf-8")
    assert list(lexicon.data_lines("g.tsv", ("a", "b"))) == ["x\t1"]
    with pytest.raises(ValueError, match="unexpected columns"):
        list(lexicon.data_lines("g.tsv", ("a", "c")))


def _python_sources():
    return [p for p in SRC.rglob("*.py")]


def test_only_the_loader_opens_the_data_files():
    """No module but ``lexicon`` (and ``resources``, which finds the folder) reads models/."""
    for path in _python_sources():
        if path in (SRC / "lexicon" / "__init__.py", SRC / "lexicon" / "resources.py"):
            continue
        text = path.read_text(encoding="utf-8")
        assert "model_file" not in text and "models_dir" not in text, path


def test_every_data_file_is_read_by_name():
    """Each file in models/ is named by the code that reads it (the package or the build tool)."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in _python_sources())
    code += (ROOT / "tools" / "gazetteer_build.py").read_text(encoding="utf-8")
    for path in (ROOT / "models").iterdir():
        assert f'"{path.name}"' in code, path.name


def test_shared_lists_are_not_copied_into_modules():
    """Name particles, speech verbs and the other content word lists live in models/, not as
    sets in the code."""
    for path in _python_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Set):
                values = {n.value for n in node.elts if isinstance(n, ast.Constant)}
                assert not {"van", "von", "bin"} <= values, f"{path}:{node.lineno}: name particles"
                assert not {"said", "told"} <= values, f"{path}:{node.lineno}: speech verbs"
                assert not {"spokesman", "spokeswoman"} <= values, f"{path}:{node.lineno}: spokesperson words"
                assert not {"film", "album"} <= values, f"{path}:{node.lineno}: work nouns"
                assert not {"embassy", "consulate"} <= values, f"{path}:{node.lineno}: institution words"
                assert not {"champion", "medallist"} <= values, f"{path}:{node.lineno}: competition titles"
        assert not re.search(r"def _is_country\b", path.read_text(encoding="utf-8")), path


def test_one_list_one_name():
    """Two lists with different words never share a name across models/."""
    from newsextract import lexicon

    names = {p.stem for p in (ROOT / "models").iterdir()}
    keys = set()
    for path in (ROOT / "models").glob("*.json"):
        keys |= {k for k in lexicon.json(path.name) if not k.startswith("_")}
    assert not names & keys, names & keys
