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
