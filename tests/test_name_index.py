"""The text-keyed name index that finds gazetteer places without tokenizing them."""
import pytest

from newsextract.nlp.name_index import NameIndex

NAMES = ["Guinea", "Guinea-Bissau", "Papua New Guinea", "St. Louis", "Côte d'Ivoire", "York", "New York", "UK"]


@pytest.mark.parametrize("text, expected", [
    ("Flights to Guinea-Bissau resumed.", {"Guinea-Bissau", "Guinea"}),  # nested too, as a PhraseMatcher
    ("Papua New Guinea and Guinea signed.", {"Papua New Guinea", "Guinea"}),
    ("He flew from St. Louis to New York.", {"St. Louis", "New York", "York"}),
    ("Exports from Côte d'Ivoire rose.", {"Côte d'Ivoire"}),
    ("The UK's budget.", {"UK"}),
    ("Yorkshire and Guineas are not places here.", set()),               # whole tokens only
    ("New\nYork was split by a line break.", {"York"}),
])
def test_names_found_on_whole_tokens(nlp, text, expected):
    index = NameIndex()
    index.add("PLACE", NAMES)
    doc = nlp.make_doc(text)
    found = {doc[s:e].text for _, s, e in index(doc)}
    assert found == expected


def test_labels_kept_apart(nlp):
    index = NameIndex()
    index.add("PLACE", ["Nice"])
    index.add("COMMON", ["Reading"])
    doc = nlp.make_doc("Reading is near Nice.")
    assert sorted((label, doc[s:e].text) for label, s, e in index(doc)) == [("COMMON", "Reading"),
                                                                           ("PLACE", "Nice")]


def test_gazetteer_file_has_one_row_per_alias():
    from newsextract.lexicon.resources import model_file

    lines = model_file("gazetteer.tsv").read_text(encoding="utf-8").splitlines()[1:]
    aliases = [line.split("\t", 1)[0] for line in lines]
    assert len(aliases) == len(set(aliases))
