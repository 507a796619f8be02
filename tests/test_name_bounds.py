"""Names whole, with nothing glued on: a title, a role, post-nominal letters or the next
clause's "I" is no part of a person's name (annotation.md); a trimmed title goes to titles."""
from __future__ import annotations

import pytest

from support import entry_names


def _person(record, name):
    return next((p for p in record["people"] if p["name"] == name), None)


@pytest.mark.parametrize("text, name, glued", [
    # a capitalized role noun before the name, at a sentence's start or inside it
    ("Author Karen Wells made up for losing the Booker Prize by winning the book award.",
     "Karen Wells", "Author Karen Wells"),
    ("But a spokesman for the inquiry, Ohio State Comptroller Ruth Abrams, said no deal had been made.",
     "Ruth Abrams", "Comptroller Ruth Abrams"),
    ("Tribal Chief Thomas Greer said talks with the studio had shown a strong element of bias.",
     "Thomas Greer", "Chief Thomas Greer"),
    ("Treasurer Mark Dunley said the budget would return to surplus next year.",
     "Mark Dunley", "Treasurer Mark Dunley"),
    # a word capitalized only because it opens the quote
    ('Simon Dale has spent heavily this season. His assistant said: "Like Simon I\'d like to see '
     'some new players come in before the deadline."', "Simon Dale", "Like Simon"),
])
def test_a_role_or_an_opening_word_before_a_name_is_no_part_of_it(extract_text, text, name, glued):
    names = entry_names(extract_text(text), "people")
    assert name in names
    assert glued not in names and not any(n.startswith(glued.split()[0] + " ") for n in names)


@pytest.mark.parametrize("text, name, title", [
    ("Dame Helen Foster was named best supporting actress for her role in the revival.", "Helen Foster", "Dame"),
    ("Treasurer Mark Dunley said the budget would return to surplus next year.", "Mark Dunley", "Treasurer"),
])
def test_a_title_trimmed_off_a_name_goes_to_its_titles(extract_text, text, name, title):
    person = _person(extract_text(text), name)
    assert person is not None
    assert title in person["titles"]


@pytest.mark.parametrize("text, name, letters", [
    ('Peter Langley MP, the party\'s spokesman on housing, said: "These sums do not add up."',
     "Peter Langley", "MP"),
    ("The court heard from Sarah Nunn QC, who said the evidence had been mishandled.", "Sarah Nunn", "QC"),
    ("Five barristers - Daniel Frost QC, Amrit Singh Bains QC and Tom Reilly - are expected to resign.",
     "Amrit Singh Bains", "QC"),
    ("The charity's founder, Derek Holt OBE, said the money would go to the hospice.", "Derek Holt", "OBE"),
])
def test_post_nominal_letters_are_no_part_of_the_name(extract_text, text, name, letters):
    names = entry_names(extract_text(text), "people")
    assert name in names
    assert not any(n.endswith(" " + letters) for n in names)


@pytest.mark.parametrize("text, name", [
    ('"If a bid comes in for Marco Bellini I will speak to the board first," the chairman said.',
     "Marco Bellini"),
    ('"When I spoke to Anna Kovac I told her the truth," the coach said.', "Anna Kovac"),
])
def test_the_next_clauses_i_is_no_part_of_the_name(extract_text, text, name):
    names = entry_names(extract_text(text), "people")
    assert name in names
    assert name + " I" not in names


def test_a_regnal_number_stays_in_the_name(extract_text):
    names = entry_names(extract_text("Historians say Henry I of England was a shrewd ruler."), "people")
    assert "Henry I" in names


@pytest.mark.parametrize("text, name", [
    ("During his campaign, President Walter K Dunmore pledged to cut fuel taxes.", "Walter K Dunmore"),
    ("President Alan R. Hurst said the treaty would be signed in the spring.", "Alan R. Hurst"),
])
def test_a_middle_initial_after_a_title_keeps_the_name_whole(extract_text, text, name):
    names = entry_names(extract_text(text), "people")
    assert name in names
    assert name.split()[0] not in names


@pytest.mark.parametrize("text, name", [
    ("Robert Mills Jr filed the lawsuit on Monday. Mr Mills said he had been shut out of the project.",
     "Robert Mills Jr"),
    ("Gerald Pike Jr. won the race. Pike said he would defend the title next year.", "Gerald Pike Jr."),
])
def test_a_surname_alone_joins_the_name_with_a_generational_suffix(extract_text, text, name):
    names = entry_names(extract_text(text), "people")
    assert names == [name]


@pytest.mark.parametrize("text, name, bounds", [
    # a given name that is also a role word, before a surname: the whole name
    ("Dean Walters sang the opening number at the gala.", "Dean Walters", "Dean Walters"),
    # a word the lemmatizer does not know before a given name is a given name too
    ("The coach Ard Jan Kooistra said the team was ready.", "Ard Jan Kooistra", "Ard Jan Kooistra"),
    # a noun the tables know, before a given name alone and inside a sentence, may be a name
    ("Last night Salim Malik scored a century.", "Salim Malik", "Salim Malik"),
    # but a role, a title or letters are trimmed whoever proposed the span
    ("The award went to Novelist Jane Hartley on Monday.", "Novelist Jane Hartley", "Jane Hartley"),
    ("The motion was tabled by Rachel Owens MEP yesterday.", "Rachel Owens MEP", "Rachel Owens"),
    ("Historians say Henry I was a shrewd ruler.", "Henry I", "Henry I"),
    ("He said that for Marco Bellini I would pay more.", "Marco Bellini I", "Marco Bellini"),
])
def test_name_bounds_of_a_person_span(nlp, text, name, bounds):
    """``NameBounds.bounds`` on a PERSON span, whatever the model made of the sentence."""
    doc = nlp(text)
    words = name.split()
    start = next(i for i in range(len(doc)) if [t.text for t in doc[i:i + len(words)]] == words)
    trimmed = nlp.get_pipe("newsextract_person_names").bounds.bounds(doc, start, start + len(words))
    assert doc[trimmed[0]:trimmed[1]].text == bounds
