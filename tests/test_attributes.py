"""The fast attribute rules give exactly what the model's own attribute_ruler gives."""
import pytest
from spacy.tokens import Doc

from newsextract.nlp.components.attributes import supported

TEXTS = [
    "I ain't gonna go, y'all. We gotta run!",
    "There is a dog and there's a cat; let's see what they're doing.",
    "The minister, who gets the report on Monday, said that she would not resign.",
    "  \n\nC'mon , the talks   began in Geneva.\n",
    "Shares in the firm rose 5% after its chief executive's remarks.",
    "",
]


def _readings(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_same_tags_pos_morphology_and_lemmas_as_the_model(nlp, text):
    assert "attribute_ruler" not in nlp.pipe_names and "newsextract_attributes" in nlp.pipe_names
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        parsed = nlp(text)
    theirs = nlp.get_pipe("attribute_ruler")(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))
    ours = nlp.get_pipe("newsextract_attributes")(Doc(nlp.vocab).from_bytes(parsed.to_bytes()))
    assert _readings(ours) == _readings(theirs)


@pytest.mark.parametrize("entry, ok", [
    ({"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}}, True),
    ({"patterns": [[{"LOWER": {"IN": ["a", "an"]}}, {"DEP": {"NOT_IN": [""]}}]], "attrs": {}}, True),
    ({"patterns": [[{"LOWER": "a", "OP": "?"}]], "attrs": {}}, False),       # operators: the ruler stays
    ({"patterns": [[{"LENGTH": {">": 3}}]], "attrs": {}}, False),
    ({"patterns": [[{"ENT_TYPE": "PERSON"}]], "attrs": {}}, False),
])
def test_patterns_outside_the_handled_kinds_keep_the_models_ruler(entry, ok):
    assert supported([entry]) is ok
