"""Roles: each person's title written out in full and the body it belongs to."""
from __future__ import annotations

import pytest


def _people(record):
    return {p["name"]: p for p in record["people"]}


def _roles(person):
    return [(r["title"], r["organization"]) for r in person["roles"]]


@pytest.mark.parametrize("text, name, role", [
    # the body before the title
    ("Shares rose after Veltrane chief executive Marco Dellari said profits would rise.", "Marco Dellari",
     ("chief executive", "Veltrane")),
    # at the start of a sentence, a word the article capitalizes elsewhere is a name
    ("Veltrane chief executive Marco Dellari said profits would rise. Shares in Veltrane rose.", "Marco Dellari",
     ("chief executive", "Veltrane")),
    ("The visitors met Harriers coach Sir Tobias Wren on Monday.", "Tobias Wren", ("coach", "Harriers")),
    ("Quillon's chief technology officer Dana Freiberg spoke at the launch.", "Dana Freiberg",
     ("chief technology officer", "Quillon")),
    ("Kestrel Bank chief economist Ruth Amsel expects a rate cut.", "Ruth Amsel",
     ("chief economist", "Kestrel Bank")),
    # a nationality names the country
    ("The Belgian sports minister Claude Vermeer said the test was positive.", "Claude Vermeer",
     ("sports minister", "Belgium")),
    ("The Turkish economics minister, Selim Ardan, said the talks had gone well.", "Selim Ardan",
     ("economics minister", "Turkey")),
    # an apposition after the name
    ("Anne Weyland, chief executive of the Harbour Trust, welcomed the plan.", "Anne Weyland",
     ("chief executive", "Harbour Trust")),
    ("\"Sales are strong,\" said Lindsay Marrow, an analyst with research firm The Orrin Group.",
     "Lindsay Marrow", ("analyst", "Orrin Group")),
    ("\"It is a turning point,\" said Piet Hallman, chief economist at Dunmore Capital.", "Piet Hallman",
     ("chief economist", "Dunmore Capital")),
    ("Andrea Bertolli, sporting director, confirmed the signing.", "Andrea Bertolli", ("sporting director", None)),
    # the person's own "from" or "of"
    ("\"Demand has peaked,\" said Lt Col Anton Prill of the Logistics Command.", "Anton Prill",
     ("Lieutenant Colonel", "Logistics Command")),
    # a copula
    ("Ruth Calder is the chief executive of Vantor Systems.", "Ruth Calder", ("chief executive", "Vantor Systems")),
    # a possessive body
    ("Meridian's finance director Karl Osgood resigned on Friday.", "Karl Osgood", ("finance director", "Meridian")),
    # the body that appointed the person, a relative clause, the person's own team
    ("The Ruritanian Football Association has appointed Tam Brody as caretaker manager.", "Tam Brody",
     ("caretaker manager", "Ruritanian Football Association")),
    ("Hanna Hendry, who is the treasurer of the Kestrel Trust, said the plans were flawed.", "Hanna Hendry",
     ("treasurer", "Kestrel Trust")),
    ("Coach Ivo Pastrana's Lions squad flies to Lima in June.", "Ivo Pastrana", ("Coach", "Lions")),
    # "head of policy at ...": the title's own "of"; a generic noun before the body's name
    ("Lena Pryor, head of policy at housing charity the Marlow Trust, said rents had risen.", "Lena Pryor",
     ("head of policy", "Marlow Trust")),
    # "former" before the body belongs to the title
    ("The job went to former Ruritania manager Craig Bowden.", "Craig Bowden", ("former manager", "Ruritania")),
])
def test_role_and_its_organization(extract_text, text, name, role):
    people = _people(extract_text(text))
    assert name in people, people
    assert role in _roles(people[name])


@pytest.mark.parametrize("text, name, title", [
    ("Education Secretary Rhona Kelt visited the school.", "Rhona Kelt", "Education Secretary"),
    ("On Monday shadow education secretary Tim Collard spoke first.", "Tim Collard", "shadow education secretary"),
    ("Fund manager Florian Hesse said he would invest more.", "Florian Hesse", "fund manager"),
    ("Andrea Bertolli, sporting director, confirmed the signing.", "Andrea Bertolli", "sporting director"),
    ("Gloucester director of rugby Neil Marvell said the injury was serious.", "Neil Marvell", "director of rugby"),
    ("Shadow home secretary David Dorrit welcomed the apology.", "David Dorrit", "shadow home secretary"),
    # a competition is part of the title, no organization
    ("She now faces US Open champion Vera Kostina in the final.", "Vera Kostina", "US Open champion"),
    # a nationality of no one country stays in the title
    ("It was a rebuttal of a warning from European Commissioner Piet Mandeville.", "Piet Mandeville",
     "European Commissioner"),
])
def test_titles_are_written_in_full(extract_text, text, name, title):
    people = _people(extract_text(text))
    assert title in people[name]["titles"]
    # the short form is not listed beside the full one
    assert title.split()[-1] not in people[name]["titles"]


def test_a_competition_names_no_organization(extract_text):
    people = _people(extract_text("She now faces US Open champion Vera Kostina in the final."))
    assert _roles(people["Vera Kostina"]) == [("US Open champion", None)]


def test_honorifics_are_titles_but_no_roles_and_a_surname_shares_the_role(extract_text):
    text = ("In Leeds, Conservative leader Michael Harwood spoke. Mr Harwood said taxes would fall. "
            "Dr Hanna Vey, a surgeon at St Olaf Hospital, agreed.")
    people = _people(extract_text(text))
    harwood = people["Michael Harwood"]
    assert "Mr" in harwood["titles"] and "leader" in harwood["titles"]
    assert ("leader", "Conservative") in _roles(harwood)
    assert all(r["title"] not in ("Mr", "Dr") for p in people.values() for r in p["roles"])
    assert "Dr" in people["Hanna Vey"]["titles"]


def test_a_list_under_one_plural_title_gives_each_person_the_title(extract_text):
    people = _people(extract_text("Former Ruritania midfielders Gordon Strand and Gary Mallory were named."))
    for name in ("Gordon Strand", "Gary Mallory"):
        assert name in people
        assert any(r["title"].endswith("midfielder") and r["organization"] == "Ruritania"
                   for r in people[name]["roles"])


def test_a_persons_name_is_no_organization(extract_text):
    people = _people(extract_text("Kenvarro's lawyer, Gregor Ionides, said the decision was fair. "
                                  "Ingrid Kenvarro was cleared."))
    assert ("lawyer", None) in _roles(people["Gregor Ionides"])


def test_a_role_phrase_never_becomes_a_person(extract_text):
    people = _people(extract_text("Veltrane chief executive Marco Dellari said the research firm analyst "
                                  "and the sports minister agreed."))
    assert list(people) == ["Marco Dellari"]


def test_seeds_keep_their_roles(seed_records):
    people = {}
    for record in seed_records:
        people.update(_people(record))
    assert people["Mark Carney"]["titles"] == ["Prime Minister"]
    assert {r["title"] for r in people["Mark Carney"]["roles"]} == {"Prime Minister"}
    assert people["Nadia Burger"]["roles"] == [{"title": "deputy ambassador", "organization": "Canadian Embassy"}]


def test_the_table_shows_each_role_with_its_organization(extract_text):
    from rich.console import Console

    from newsextract.cli.render import article_renderables

    record = extract_text("Shares rose after Veltrane chief executive Marco Dellari spoke. "
                          "Andrea Bertolli, sporting director, agreed.")
    console = Console(record=True, width=220, color_system=None)
    console.print(*article_renderables(record))
    out = console.export_text()
    assert "chief executive, Veltrane" in out
    assert "sporting director" in out


def test_a_nameless_description_gives_its_body_to_the_one_person_with_that_title(extract_text):
    text = ("Singer Pete Dawlish has been in a fight with his guitarist. "
            "The former Marbles singer traded blows with the guitarist on stage.")
    people = _people(extract_text(text))
    assert ("former singer", "Marbles") in _roles(people["Pete Dawlish"])


@pytest.mark.parametrize("text, name, role", [
    # the title's own words name the body
    ("Marta Quell, Chief Secretary to the Treasury, said the figures were sound.", "Marta Quell",
     ("Chief Secretary to the Treasury", "Treasury")),
    # a copula through "is to become"
    ("Ruth Calder is to become the chief executive of Vantor Systems.", "Ruth Calder",
     ("chief executive", "Vantor Systems")),
    ("Mr Dallow's successor was named on Monday. Paul Dallow, 53, is to become the UK's high commissioner "
     "to Kenya.", "Paul Dallow", ("high commissioner", "United Kingdom")),
    # an office of state belongs to the department the article names for it
    ("Trade Secretary Patricia Hewlin said the Department of Trade and Industry would publish the plan.",
     "Patricia Hewlin", ("Trade Secretary", "Department of Trade and Industry")),
    ("Home Secretary Carl Ruse said the Home Office would act.", "Carl Ruse", ("Home Secretary", "Home Office")),
    ("Chancellor Gordon Braun said the Treasury would not pay.", "Gordon Braun", ("Chancellor", "Treasury")),
    # a post inside an organization, after a sentence about that organization
    ("But the WRAF said it was \"very surprised\" by the verdict. Spokesman Nick Darlow said the ruling "
     "would be studied.", "Nick Darlow", ("Spokesman", "WRAF")),
    # ... or in an article about one organization only
    ("Harrowgate Rovers have signed their manager to a new deal. The deal keeps him at Harrowgate Rovers "
     "until 2010. Fans of Harrowgate Rovers cheered. Chairman Peter Vale said the board was delighted.",
     "Peter Vale", ("Chairman", "Harrowgate Rovers")),
    # a body the model read as a name, when no one in the article is called so
    ("Fans of the late Velvet Harbour singer Ian Corliss gathered outside the venue.", "Ian Corliss",
     ("singer", "Velvet Harbour")),
    # a kind of body the article introduced by that noun ("the club's", "that tribunal", "Club chairman")
    ("But the Ostrava Athletics Federation tribunal has overturned the bans. The head of that tribunal, "
     "Peter Morris, said the charge could not be proven.", "Peter Morris", ("head", "Ostrava Athletics Federation")),
    ("Shares in carmaker Veltrane rose. \"We will first solve the problem,\" the carmaker's chief executive "
     "John Harper said.", "John Harper", ("chief executive", "Veltrane")),
    ("Shares in football club Harrowgate Rovers fell. Rovers and Dunmore Bank agreed a loan. Club chairman "
     "Peter Vale said the board was delighted.", "Peter Vale", ("club chairman", "Harrowgate Rovers")),
    # a plural opening a sentence before a team post names the team
    ("The charity match was announced on Monday. Wallabies captain George Gregan said the match was a great "
     "initiative.", "George Gregan", ("captain", "Wallabies")),
    # "..., a Labour backbencher has said." is about the name that opens the next sentence
    ("The Tories have been \"a lot smarter\" in the way they have run the campaign, a Labour backbencher has "
     "said.\n\nDerek Walton said having a five month campaign \"turned off voters\".", "Derek Walton",
     ("backbencher", "Labour")),
    # a description opening a sentence is about the subject of the sentence before
    ("Dervla Moss was assistant to Ferguson at the World Cup. The former Dunmore Athletic boss has been "
     "out of the game since May.", "Dervla Moss", ("former boss", "Dunmore Athletic")),
])
def test_role_and_its_organization_from_context(extract_text, text, name, role):
    people = _people(extract_text(text))
    assert name in people, people
    assert role in _roles(people[name])


@pytest.mark.parametrize("text, name, title", [
    # a shadow minister heads no department
    ("Shadow trade secretary Alan Fenn said the Department of Trade and Industry was wrong.", "Alan Fenn",
     "shadow trade secretary"),
    # no department named: none guessed
    ("Trade Secretary Patricia Hewlin said the plan would be published.", "Patricia Hewlin", "Trade Secretary"),
    # the sentence before names two organizations: the spokesman could be either's
    ("Kestrel Airways sued Dunmore Bank on Monday. Spokesman John Orrey said the claims were baseless.",
     "John Orrey", "Spokesman"),
    # an organization named once, beside another's analyst, is not what the article is about
    ("Shares fell. \"This is the bill,\" said Ostra Bank analyst Pia Linden. Chairman Peter Vale resigned.",
     "Peter Vale", "Chairman"),
    # a person's name before a title is no body
    ("Tony Barrow has backed his adviser. Barrow aide Alastair Cammell said the plan was sound.",
     "Alastair Cammell", "aide"),
    # a kind noun the article never gave a name: none guessed
    ("Shares in Veltrane and Dunmore rose. The company's chief executive John Harper said profits were up.",
     "John Harper", "chief executive"),
    # "the club told the BBC" does not make the BBC a club
    ("A senior source at the club told the BBC the bid had failed. Club manager Sir Alec Fergus was angry.",
     "Alec Fergus", "club manager"),
    # a family word is a title but a relation to a person, of no body
    ("Fans gathered with Corliss's widow Deborah and his daughter Natalie at the Velvet Harbour show.",
     "Natalie", "daughter"),
    ("Anil Rambani, brother of Reliance Group chairman Mukesh Rambani, spoke on Monday.", "Anil Rambani",
     "brother"),
    # a plural before a title that is no team post stays in the title
    ("The charity match was announced on Monday. Sports minister Richard Carbery said the match was good.",
     "Richard Carbery", "sports minister"),
    ("The plan was announced. Sales manager John Harper said it was a great initiative.", "John Harper",
     "sales manager"),
    # the person named after "a Labour backbencher has said" was named before: not the one meant
    ("Derek Walton spoke first. The Tories have been smarter, a Labour backbencher has said.\n\n"
     "Derek Walton said the campaign was long.", "Derek Walton", None),
    # a title word that is also an acronym is no organization: "MP"
    ("A senior Tory MP has criticised the plan. Public accounts committee chairman Edward Lane spoke.",
     "Edward Lane", "committee chairman"),
])
def test_no_organization_without_evidence(extract_text, text, name, title):
    people = _people(extract_text(text))
    assert name in people, people
    if title is None:  # no role at all
        assert _roles(people[name]) == []
    else:
        assert (title, None) in _roles(people[name])
