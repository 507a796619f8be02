"""Commitments as ``annotation.md`` defines them: counted, not counted, the actor."""
from __future__ import annotations

import pytest

from support import assert_offsets

COUNTED = [
    ("The minister will visit Lagos next week.", "minister", "visit"),
    ("Germany will be sending two frigates to the Red Sea.", "Germany", "send"),
    ("The union shall ballot its members in March.", "union", "ballot"),
    ("Angela Merkel said she would stand down as party leader in 2021.", "Angela Merkel", "stand down"),
    ("Tesla plans to build a new factory in Mexico.", "Tesla", "build"),
    ("Japan intends to double its defence budget.", "Japan", "double"),
    ("Boris Johnson hopes to secure a trade deal before Christmas.", "Boris Johnson", "secure"),
    ("Microsoft is set to acquire Activision Blizzard.", "Microsoft", "acquire"),
    ("Justin Trudeau is scheduled to meet the premiers on Friday.", "Justin Trudeau", "meet"),
    ("Toyota expects to sell ten million cars this year.", "Toyota", "sell"),
    ("Kenya is determined to host the summit.", "Kenya", "host"),
    ("The United States pledged $2bn in aid to Ukraine.", "United States", "pledge"),
    ("Emmanuel Macron promised a review of the pension law.", "Emmanuel Macron", "promise"),
    ("Joe Biden vowed to veto the bill.", "Joe Biden", "veto"),
    ("Australia committed to cutting emissions by 43 percent.", "Australia", "cut"),
    ("Shell undertook to clean up the spill.", "Shell", "clean up"),
    ("Greece agreed to repay the loan by 2030.", "Greece", "repay"),
    ("The rebels offered to release the hostages.", "rebels", "release"),
    ("Norway remains firmly committed to supporting the peace process.", "Norway", "support"),
    ("NATO stands ready to defend its allies.", "NATO", "defend"),
    ("The bank is going to raise interest rates.", "bank", "raise"),
    ("Amazon guaranteed delivery within two days.", "Amazon", "guarantee"),
    ("Sony said it would cut prices in Europe.", "Sony", "cut"),
    ("Nigeria seeks to attract foreign investment.", "Nigeria", "attract"),
    ("Prime Minister Jacinda Ardern will fly to Sydney. She plans to meet the premier.", "Jacinda Ardern", "meet"),
    ("Kim Jong Un met Vladimir Putin in Moscow. He will return to Pyongyang on Friday.", "Kim Jong Un", "return"),
    ("Chancellor Olaf Scholz arrived in Kyiv. The Chancellor will announce new aid.", "Olaf Scholz", "announce"),
    ("Officials said Berlin remains committed to the alliance's goals and will increase spending.",
     "Germany", "increase"),
    ("Airbus to cut 2,000 jobs in Toulouse\n\nThe planemaker announced the cuts on Monday.", "Airbus", "cut"),
    ("\"We will fight on,\" Maria Lopez said.", "Maria Lopez", "fight on"),
    ("Ford and its union agreed to end the strike.", "Ford", "end"),
    # a bare noun resolved to the body named before
    ("Northwind Airlines reported higher profits on Monday. The British group will open 40 new routes next year.",
     "Northwind Airlines", "open"),
    ("Members of the Nordic Council will meet in Oslo next week.", "Nordic Council", "meet"),
    # "her party": the body of the speaker's role, not the organization named last
    ("Labour announced a tax plan on Monday. Anna Lee, transport spokeswoman for the Green Party, "
     "said her party would scrap the tax.", "Green Party", "scrap"),
    # agree with a noun object, in a report and in a headline
    ("Turkey has agreed a new loan deal with the lender.", "Turkey", "agree"),
    ("IMF agrees fresh Kenya funding", "IMF", "agree"),
    ("Apple reported record sales. The company said it will open 20 stores in India.", "Apple", "open"),
    ("Siemens said it would close 30 plants.", "Siemens", "close"),
    ("Mr Spitzer's office added Mr Stearns had also agreed to testify in future cases.", "Stearns", "testify"),
    ("Unilever is to close its factory in Leeds.", "Unilever", "close"),
    ("Vodafone bought the licence, which the regulator approved. The company said it will pay in cash.",
     "Vodafone", "pay"),
    ("Kodak signed a deal with Fujifilm, which is due to merge with Canon.", "Fujifilm", "merge"),
    ("The panel will look at the causes of the crash.", "panel", "look"),
    ("Workers were evacuated. Firefighters said they will monitor the hillside overnight.", "Firefighters", "monitor"),
    ("Greece and Turkey met in Athens. The new committee will review the border.", "new committee", "review"),
    ("Qantas plans daily flights between Sydney and Mumbai.", "Qantas", "plan"),
    ("Party spokesman Hans Weber said Siemens would appeal the fine.", "Siemens", "appeal"),
    ("The French government will raise the minimum wage.", "France", "raise"),
    ("Germany and France met in Brussels. The German government will send more aid.", "Germany", "send"),
    ("Toyota posted record profits. They will open a plant in Texas.", "Toyota", "open"),
    ("\"I will resign next month,\" Peter Hain said.", "Peter Hain", "resign"),
    ("Spain, which will host the summit, welcomed the plan.", "Spain", "host"),
    ("John Smith, who founded Acme in 1990, will step down next year.", "John Smith", "step down"),
    ("Vodafone reported profits on Monday. Vodafone said it would cut prices. Ofcom welcomed the move by "
     "Vodafone. The group is to set up a new division.", "Vodafone", "set up"),
    ("The director and screenwriter of the film adaptation is to remove references to God.",
     "director and screenwriter", "remove"),
    # a reported "would ... if": the speaker's conditional promise
    ("Opposition leader Karen Holt said that, if elected, she would scrap the airport tax.", "Karen Holt", "scrap"),
    # a named forecaster speaking of himself
    ("Fund manager Omar Diaz said he would only buy more shares if the board changed.", "Omar Diaz", "buy"),
    # promise with a state as its complement
    ("Nintendo has promised to have two million consoles ready for the launch.", "Nintendo", "have"),
    ("The Welsh Rugby Union is about to begin its search for a new coach.", "Welsh Rugby Union", "begin"),
    # future roles and fixtures with an agentive subject
    ("Lena Fox will be co-executive producer of the film.", "Lena Fox", "be"),
    ("Maria Sharapova will now face Serena Williams in the semi-final.", "Maria Sharapova", "face"),
    ("Auckland will host the final in June, the New Zealand Rugby Union said.", "Auckland", "host"),
    ("\"I'm going to get involved with the youth team,\" said Tom Reed.", "Tom Reed", "get"),
    # a headline infinitive inside quotation marks
    ("Canada 'to raise carbon tax'\n\nOttawa published its plan on Monday.", "Canada", "raise"),
    # bare nouns resolved through the article's entries
    ("The Global Health Council met in Geneva. The body will evaluate new proposals every year.",
     "Global Health Council", "evaluate"),
    ("Ivan Novak beat the Swede in three sets. The Slovak will now face Roger Federer in the final.",
     "Ivan Novak", "face"),
    # a headline's name the tagger reads as a word
    ("Chelsea will appeal against ban\n\nChelsea Football Club said on Monday that it would fight the decision.",
     "Chelsea", "appeal"),
    # "it" skips the subject of what "there are fears ..." says
    ("Nikon has pledged to open two new plants, but there are fears supply will fall short. It also said it "
     "expected to hire 500 workers.", "Nikon", "hire"),
    # "she" after her own quotation
    ("\"My knee was sore,\" said Anna Berg. \"I need a rest.\" She will wait to see how it heals before the "
     "Paris Open.", "Anna Berg", "wait"),
]

DIFFERENT_ACTOR = [
    # the last organization named is not always the one meant
    ("Kodak signed a deal with Fujifilm, which is due to merge with Canon.", "Canon"),
    # "it" is never a person
    ("Vladimir Putin and Xi Jinping praised the treaty, saying it would create a strong foundation.",
     "Vladimir Putin"),
    # a longer title is another office
    ("Deputy Prime Minister John Prescott spoke first. Later the prime minister is due to visit Leeds.",
     "John Prescott"),
    # "the firms" are several: not the one organization named before
    ("The Nikkei newspaper claimed that the firms will join up next year.", "Nikkei"),
    # a subject's side remark names no actor
    ("The club - which is listed on the Ofex exchange - is due to move into its new stadium.", "Ofex"),
    # "he"/"she" is never a person of the other sex (a title or given name tells)
    ("Sarah Jones, the chairwoman, met Tom Baker on Monday. She praised the plan and he will resign in May.",
     "Sarah Jones"),
    ("Mrs Helen Clark met the minister John Reid on Monday.\n\nHe will publish the report next week.",
     "Helen Clark"),
    ("Anna Smith told reporters that Paul Green had agreed. He will sign the deal next week.", "Anna Smith"),
    ("Peter Hall, the chairman, praised Lisa Moore. She is expected to lead the new unit.", "Peter Hall"),
    # an organization reporting another's plan is not its "the airline"
    ("The national airline is to make its stock market debut, the London Stock Exchange has said.",
     "London Stock Exchange"),
    # inside a quotation "he" is not the speaker
    ("Wayne Bridge hurt his ankle.\n\n\"He will not play against Liverpool,\" Jose Mourinho said.", "Jose Mourinho"),
    ("Prime Minister Helen Dane said: \"Tom Ward has been a loyal friend. I am glad that he has agreed to stay on "
     "as envoy.\"", "Helen Dane"),
    # a quotation that runs on past a new opening mark is still quoted speech
    ("Prime Minister Helen Dane said: \"Tom Ward has been a loyal friend for many years. \"He has made a great "
     "contribution to public life and I am glad that he has agreed to stay on as envoy.\"", "Helen Dane"),
    # several bodies are no one actor
    ("Ajax and PSV drew on Sunday. The teams will now replay the match in May.", "teams"),
]

NEGATED = [
    ("Italy will not send troops to Libya.", "Italy", "send"),
    ("Google won't appeal the ruling.", "Google", "appeal"),
    ("Ireland does not plan to raise its corporate tax rate.", "Ireland", "raise"),
    # "no intention of" / "no plans to": a negated intention
    ("Vodafone has no intention of selling its German unit.", "Vodafone", "sell"),
    ("Maria Lopez said she had no intention of resigning.", "Maria Lopez", "resign"),
    ("Nissan has no plans to close the Sunderland plant.", "Nissan", "close"),
]

NOT_COUNTED = [
    # a negated agreement with a noun reports that nothing was agreed, not a refusal
    "The ministry has not agreed a final settlement with the contractors.",
    "He had no idea of the cost of the new stadium.",
    "The meetings will consider energy security.",
    "The outcome will inform policy in the coming months.",
    "The talks are expected to cover ceasefire monitoring.",
    "Analysts say the deal could collapse.",
    "Any agreement must include verification.",
    "The company has announced a new chapter in its history.",
    "Canada contributed billions in aid.",
    "France is providing humanitarian aid to Gaza.",
    "Spain may send observers to the border.",
    "The ministry might review the decision.",
    "Brazil could join the alliance next year.",
    "Analysts say Boeing will cut jobs.",
    "The storm will hit the coast on Sunday.",
    "The new law will take effect in January.",
    "Prices will rise next year.",
    "The summit will be held in Rome.",
    "Justin Trudeau is expected to announce new funding.",
    "Will Canada send troops?",
    "If elected, she would cut taxes.",
    "Poland wants the alliance to act.",
    "Hans Meyer said the weather would improve.",
    "Economists expect the central bank to raise rates.",
    "It will take years to rebuild the city.",
    "There will be more talks next week.",
    "The prime minister would be lucky to survive the vote.",
    "Critics urged Canada to commit more troops.",
    "The court found that he had committed fraud.",
    "Iran's foreign minister said Washington would break international law.",
    "Kraft said Heinz will cut 500 jobs.",
    "Nobody knows which employees will join the scheme.",
    "Qantas expects to report a loss this year.",
    "The new stadium is to be funded by the city.",
    "The question is to decide what to do.",
    "The research team had set out to look at the data.",
    "Richard Dodd said he expected 2,000 supporters to join the protest.",
    "The mayor criticised plans to close the library.",
    "\"I hope the government will act upon this decision,\" said the prisoner.",
    "Taxes to rise, say Tories\n\nThe party published its plans on Monday.",
    "The army planned the attack for months.",
    "The ministry is yet to publish its review.",
    "Ministers said it would help the fight against crime.",
    "According to analysts' forecasts, HSBC will report profits of £9.4bn later this month.",
    "Steven Gerrard will miss the first leg through suspension.",
    "Rumours persist that Steven Gerrard will leave Anfield.",
    "\"He would have stayed down a lot longer,\" Beattie said.",
    "\"The Greek doctors were going to put rods in my spine,\" Costin said.",
    "Carlo Cudicini had been promised a game in the final.",
    "Wayne Bridge will probably not play against Liverpool.",
    "Time will tell.",
    "Fred Hasson said that more UK firms would go under.",
    "Some managers will take other jobs.",
    "The BBC's planned media player will give surfers the chance to download programmes.",
    "Smart phones will become commonplace.",
    "Marsh has said it is co-operating fully with the investigation.",
    "\"It will take until the fourth quarter before tourists return,\" said Naris Chaiyasoot.",
    "NTPC will benefit from that.",
    "Brian Gibbons said he agreed with everything she had done to change the health service.",
    "\"Peter Nielson will remain suspended while the matter is investigated,\" the party said.",
    "This runs contrary to the popular view that Turkey is getting ready to dig deep into EU wallets.",
    "The home secretary is going to be a registrar of last resort.",
    "Iraq's deputy foreign minister responded, saying Washington would break international law.",
    "The senator sought to delay the vote.",
    # a fixture needs a named opponent; "will be" needs a role
    "The firm will face a fine of $2m.",
    "Lena Fox will be happy with the result.",
    # advice to others
    "The IMF said the Bank should stand ready to cut rates.",
    # a claim about another's future
    "\"The Tories will not keep their voters,\" said Labour's Ann Lee.",
    # a forecaster named or not, about someone else
    "Analyst John Reed said the bank would cut rates.",
    # an embedded question is still none; a past "about to" neither
    "Nobody knows when the firm will open the plant.",
    "The index was not about to crash.",
    # "if" under a question verb asks, it sets no condition
    "Asked if he would welcome the new voters, Tom Hale said no.",
]


def _pairs(record: dict) -> list[tuple[str, str]]:
    return [(c["actor"], c["action"]) for c in record["commitments"]]


@pytest.mark.parametrize("text, actor, action", COUNTED)
def test_counted_with_actor(extract_text, text, actor, action):
    record = extract_text(text)
    assert (actor, action) in _pairs(record)
    assert not any(c["negated"] for c in record["commitments"] if c["action"] == action)
    assert_offsets(record, text)


@pytest.mark.parametrize("text, wrong", DIFFERENT_ACTOR)
def test_actor_is_not_a_nearby_wrong_entity(extract_text, text, wrong):
    assert wrong not in [c["actor"] for c in extract_text(text)["commitments"]]


@pytest.mark.parametrize("text, actor, action", NEGATED)
def test_negated_commitments_count_with_negated_true(extract_text, text, actor, action):
    record = extract_text(text)
    assert [(c["actor"], c["action"], c["negated"]) for c in record["commitments"]] == [(actor, action, True)]


@pytest.mark.parametrize("text", NOT_COUNTED)
def test_not_counted(extract_text, text):
    assert extract_text(text)["commitments"] == []


def test_the_party_and_we_are_the_body_of_the_speaker(extract_text):
    text = ("The ruling went against the Green Party. Green Party chairman Tom Ellis says the party will "
            "challenge the ruling in court.\n\nWe're going to fight it.")
    record = extract_text(text)
    assert [(c["actor"], c["action"]) for c in record["commitments"]] == [
        ("Green Party", "challenge"), ("Green Party", "fight")]


def test_an_embedded_question_is_no_commitment_of_its_own(extract_text):
    record = extract_text("On Thursday Robert Kilroy-Silk is due to announce which constituency he will run in.")
    assert _pairs(record) == [("Robert Kilroy-Silk", "announce")]


def test_coordinated_verbs_under_one_modal_are_one_commitment(extract_text):
    record = extract_text("After the vote, Sweden will review the results and decide on further steps.")
    assert len(record["commitments"]) == 1
    c = record["commitments"][0]
    assert (c["actor"], c["modality"], c["action"]) == ("Sweden", "will", "review")
    assert "decide on further steps" in c["object"]


def test_headline_repeated_verbatim_counts_once(extract_text):
    text = ("Smith to step down as CEO of Acme\n\nSmith to step down as CEO of Acme\n\n"
            "John Smith, who founded Acme in 1990, told staff on Monday.")
    record = extract_text(text)
    assert _pairs(record) == [("John Smith", "step down")]
    assert record["commitments"][0]["object"] == "as CEO of Acme"


def test_standing_commitment_modality_and_capital_maps_to_country(extract_text):
    record = extract_text("Diplomats met in Geneva. Tokyo remains committed to the talks and to rebuilding trust.")
    assert [(c["actor"], c["modality"]) for c in record["commitments"]] == [("Japan", "remain-committed")]


def test_the_government_is_the_country_the_article_is_about(extract_text):
    text = ("Mexico faces a drought. Farmers in Mexico are worried, and Mexico has few reserves. "
            "The government will build three new dams.")
    assert _pairs(extract_text(text)) == [("Mexico", "build")]


def test_when_is_the_value_of_a_date_inside_the_clause(nlp):
    from newsextract.records import DateExpr
    from newsextract.facts.commitments import extract_commitments
    from newsextract.facts.people import extract_people

    text = "On Monday, Jane Doe said she will visit Nairobi from March 3 to 5, 2027."
    doc = nlp(text)
    said = DateExpr("Monday", 3, 9, "DATE", "2027-02-22")
    trip = text.index("March")
    visit = DateExpr("March 3 to 5, 2027", trip, trip + 18, "DATE", "2027-03-03/2027-03-05")
    found = extract_commitments(doc, people=extract_people(doc), places=[], organizations=[],
                                dates=[said, visit])
    assert [(c.actor, c.action, c.when) for c in found] == [("Jane Doe", "visit", "2027-03-03/2027-03-05")]


def test_when_skips_dates_of_a_relative_clause_and_the_past(nlp):
    from newsextract.records import DateExpr
    from newsextract.facts.commitments import extract_commitments
    from newsextract.facts.people import extract_people

    text = "Jane Doe will present the manifesto, which was drafted last year, on Monday."
    doc = nlp(text)
    last_year = DateExpr("last year", text.index("last year"), text.index("last year") + 9, "DATE", "2026")
    monday = DateExpr("Monday", text.index("Monday"), text.index("Monday") + 6, "DATE", "2027-03-01")
    found = extract_commitments(doc, people=extract_people(doc), places=[], organizations=[],
                                dates=[last_year, monday])
    assert [(c.action, c.when) for c in found] == [("present", "2027-03-01")]


def test_when_is_not_a_date_that_modifies_a_noun(nlp):
    from newsextract.records import DateExpr
    from newsextract.facts.commitments import extract_commitments

    text = "Lufthansa said it will give the details of its 2004 results on 23 March."
    doc = nlp(text)
    year = DateExpr("2004", text.index("2004"), text.index("2004") + 4, "DATE", "2004")
    march = DateExpr("23 March", text.index("23 March"), text.index("23 March") + 8, "DATE", "2005-03-23")
    found = extract_commitments(doc, people=[], places=[], organizations=[], dates=[year, march])
    assert [c.when for c in found] == ["2005-03-23"]


def test_seed_commitments_have_their_actors(seed_records):
    by_id = {r["id"]: r for r in seed_records}
    paris = next(r for r in by_id.values() if "He plans to deliver" in "".join(c["text"] for c in r["commitments"]))
    found = {(c["actor"], c["modality"], c["action"]) for c in paris["commitments"]}
    person = max((p["name"] for p in paris["people"] if p["name"].endswith("Carney")), key=len)
    assert (person, "plan", "deliver") in found
    assert (person, "will", "travel") in found
    dated = next(c for c in paris["commitments"] if "January 5 to 6, 2026" in c["text"])
    assert dated["when"] == "2026-01-05/2026-01-06"
    country = next(c["actor"] for c in paris["commitments"] if c["modality"] == "remain-committed")
    assert country == "Canada"
    texts = [c["text"] for c in paris["commitments"]]
    assert not any(t.startswith(("The meetings", "The discussions")) for t in texts)
    assert sum("assess outcomes" in t for t in texts) == 1
    assert sum(c["action"] == "join" for c in paris["commitments"]) == 1  # the repeated headline


@pytest.mark.parametrize("name, code", [("Britain", "GB"), ("the US", "US"), ("France", "FR"), ("Scotland", None),
                                        ("Paris", None)])
def test_country_facts_come_from_the_gazetteer(name, code):
    from newsextract.lexicon import geo

    assert geo.country_code(name) == code


@pytest.mark.parametrize("capital, code", [("Paris", "FR"), ("Washington", "US"), ("Manchester", None)])
def test_a_capital_names_its_country(capital, code):
    from newsextract.lexicon import geo

    assert geo.capital_country(capital) == code
    if code:
        assert geo.country_name(code) in ("France", "United States")
