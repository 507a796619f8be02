"""Team sheets of initials and surnames ("J Robinson (capt); M Cueto, J Noon"): every player
is a person, as results lines are (issue 14: people recall on unseen news). Invented sheets."""
from __future__ import annotations

import pytest
from support import entry_names as _names


@pytest.mark.parametrize("sheet, players", [
    ("R Marlowe (capt); T Abernethy, J Quill, O Brankin, J Lestoque; C Hadley, H Ellery",
     ["R Marlowe", "T Abernethy", "J Quill", "O Brankin", "J Lestoque", "C Hadley", "H Ellery"]),
    ("W Servanti, J Millaud, G Lambrecht, Y Nyangala, P Mignot, F Michaux, J-P Grandcoeur.",
     ["W Servanti", "J Millaud", "G Lambrecht", "Y Nyangala", "P Mignot", "F Michaux", "J-P Grandcoeur"]),
    ("Replacements: A Titmarsh, A Sherwin, S Borrowdale.", ["A Titmarsh", "A Sherwin", "S Borrowdale"]),
])
def test_each_name_of_a_team_sheet_is_a_person(extract_text, sheet, players):
    text = f"Ravensmoor beat Calderbank 24-17 at Kingsfield on Saturday.\n\n{sheet}\n"
    found = _names(extract_text(text), "people")
    for player in players:
        assert player in found


@pytest.mark.parametrize("text", [
    # prose: a bare capital is a word ("A", "I"), never an initial, unless a sheet lists three
    "A Labour spokesman said, I think, that A Mortimer was wrong about it.",
    "The vote was tied; A Majority of members, B Grade staff and C Block residents left.",
])
def test_prose_has_no_team_sheet(extract_text, text):
    found = _names(extract_text(text, keep_all=True), "people")
    assert not any(len(n.split()[0]) == 1 for n in found), found
