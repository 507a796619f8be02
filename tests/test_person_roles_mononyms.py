"""People named by one word or with a name we do not know (issue 14: recall on unseen news):
a role or an office right before the name, post-nominal letters after it, and one word after
a noun of what a person does ("rapper X", "striker X") or between commas after a possessed
noun of kin ("His mother, X, said"). Invented articles; ``keep_all`` where a test reads evidence."""
from __future__ import annotations

import pytest
from support import entry_named as _entry, entry_names as _names


@pytest.mark.parametrize("text, name", [
    # an office, a stage role, a player's position right before a one-word name
    ("President Okonkwo said the troops would stay until the spring.", "Okonkwo"),
    ("The album went straight to number one. Rapper Skelza said he was thrilled.", "Skelza"),
    ("Chelsea striker Drogbanu scored twice in the second half.", "Drogbanu"),
    ("The award went to Welsh frontman Pryderi, who thanked his band.", "Pryderi"),
])
def test_a_role_right_before_a_name_is_evidence_and_keeps_it(extract_text, text, name):
    assert "role-before" in _entry(extract_text(text, keep_all=True), "people", name)["evidence"]
    assert name in _names(extract_text(text), "people")  # kept by default


@pytest.mark.parametrize("text, name", [
    # a firm's line of business before the role word: no person's role
    ("Games market leader Vantrexa said sales had doubled.", "Vantrexa"),
    ("The phones use chips from chip designer Korvell, which is based in Cambridge.", "Korvell"),
    # the role word opens a body's name
    ("Winners: Drama - Featherboy. Interactive - Prince Edmund International category - Slow Tide.",
     "Edmund International"),
])
def test_a_firms_role_is_no_role_before_a_name(extract_text, text, name):
    record = extract_text(text, keep_all=True)
    if name in _names(record, "people"):  # the model may not call it a person at all
        assert "role-before" not in _entry(record, "people", name)["evidence"]


@pytest.mark.parametrize("text, name", [
    ("Five barristers - Daniel Frost QC, Amrit Singh Bains QC and Tom Reilly - are expected to resign.",
     "Amrit Singh Bains"),
    ("Mr Frost said the report, by Oyelaran Adebayo MP, was fair.", "Oyelaran Adebayo"),
])
def test_post_nominal_letters_are_evidence_for_a_name_we_do_not_know(extract_text, text, name):
    assert "post-nominal" in _entry(extract_text(text, keep_all=True), "people", name)["evidence"]
    assert name in _names(extract_text(text), "people")


@pytest.mark.parametrize("text, name", [
    # one word the model missed or took for a body or a place, after a noun of what a person does
    ("R&B star Kelvo has the new number one single with Over and Over.", "Kelvo"),
    ("The festival closed with a set by Cuban pianist Osvaldo Ruibal and the singer Marimar.", "Marimar"),
    ("The goal came from winger Okafor after 20 minutes.", "Okafor"),
])
def test_one_word_after_a_persons_role_is_a_person(extract_text, text, name):
    assert name in _names(extract_text(text), "people")


@pytest.mark.parametrize("text, name", [
    # a name between commas after a possessed noun of kin, where the model saw a body or nothing
    ("The boy was stabbed in March. His mother, Giselda, said the killer had copied a game.", "Giselda"),
    ("The boy was stabbed in March. His mother, Marguerite, said the killer had copied a game.", "Marguerite"),
    ("Their daughter, Annika Rove, said the family would appeal.", "Annika Rove"),
])
def test_a_name_between_commas_after_kin_is_a_person(extract_text, text, name):
    assert name in _names(extract_text(text, keep_all=True), "people")


@pytest.mark.parametrize("text, name", [
    ("The singer London Grammar-style sound is back.", "London"),   # a place
    ("He is the star Monday night, said the coach.", "Monday"),     # a day
    ("The team's star Brazilian was rested.", "Brazilian"),         # a people
    ("The goal came from the striker IBM sponsored.", "IBM"),        # capitals: a body's letters
])
def test_one_word_after_a_role_that_is_no_name_stays_out(extract_text, text, name):
    assert name not in _names(extract_text(text, keep_all=True), "people")


@pytest.mark.parametrize("text, name", [
    # a person's film or show, its title after the kind of work: the person is no work
    ("New Daniel Okoro movie Harbour Lights opened at number four with $9.8m.", "Daniel Okoro"),
    ("Meanwhile, Kate Ferrand comedy Tall Order has become the top film at the box office.", "Kate Ferrand"),
])
def test_a_persons_work_named_after_the_person_keeps_the_person(extract_text, text, name):
    assert "against:work" not in _entry(extract_text(text, keep_all=True), "people", name)["evidence"]
    assert name in _names(extract_text(text), "people")


def test_a_work_named_by_itself_before_its_kind_is_still_a_work(extract_text):
    record = extract_text("Fans queued all night for the Shrek film on Friday.", keep_all=True)
    if "Shrek" in _names(record, "people"):
        assert "against:work" in _entry(record, "people", "Shrek")["evidence"]
