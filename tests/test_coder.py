"""The coder on hard constructions, with the real parser and the real seeds."""

from __future__ import annotations

from datetime import date

import pytest

from coder.engine import Coder
from coder.lexicon import load_lexicon
from dyad.settings import load_settings
from schemas.codebook import load_codebook

PUBLISHED = date(2026, 6, 2)  # a Tuesday


@pytest.fixture(scope="module")
def coder() -> Coder:
    settings = load_settings()
    return Coder.load(settings.seeds_dir, settings.model)


def dyads(coder: Coder, text: str) -> set[tuple[str, str, str]]:
    """(source, code, target) of every event coded from `text`."""
    return {
        (e.source.code, e.code, e.target.code if e.target else "")
        for e in coder.code_text(text, PUBLISHED).events
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ukrainian forces launched a massive drone attack on Russian airfields.",
            {("UKRMIL", "1952", "RUS")},
        ),
        ("Georgian protesters were arrested by Georgian police.", {("GEOCOP", "173", "GEOCVL")}),
        ("France and Germany condemned Russia.", {("FRA", "111", "RUS"), ("DEU", "111", "RUS")}),
        (
            "Chinese and Belarusian troops held joint exercises.",
            {("CHNMIL", "062", "BLRMIL"), ("BLRMIL", "062", "CHNMIL")},
        ),
        ("The Kremlin accused Ukraine of war crimes.", {("RUSGOV", "1124", "UKR")}),
        (
            "Russian President Vladimir Putin met Chinese leader Xi Jinping.",
            {("RUSGOV", "040", "CHNGOV")},
        ),
        ("NATO condemned Russia.", {("IGOWSTNAT", "111", "RUS")}),
        ("Russia threatened to attack Ukraine.", {("RUS", "1384", "UKR")}),
        ("Ukraine demanded that Russia withdraw its troops.", {("UKR", "1056", "RUS")}),
        ("The United States sent $2 billion in military aid to Ukraine.", {("USA", "072", "UKR")}),
        (
            "Georgian police arrested dozens of protesters in Tbilisi.",
            {("GEOCOP", "173", "GEOCVL")},
        ),
        (
            "In Minsk, China and Belarus agreed to expand military cooperation.",
            {("CHN", "0312", "BLR"), ("BLR", "0312", "CHN")},
        ),
        (
            "Japan and the Philippines agreed to expand joint military exercises.",
            {("JPN", "0312", "PHL"), ("PHL", "0312", "JPN")},
        ),
        ("Ukraine rejected a Russian peace memorandum.", {("UKR", "127", "RUS")}),
        ("Iran fired waves of ballistic missiles at Israel.", {("IRN", "194", "ISR")}),
        ("Israel halted the entry of goods and supplies into Gaza.", {("ISR", "191", "PSE")}),
        (
            "The court ordered Navalny detained for 30 days.",  # the court's act, not a demand
            {("RUSJUD", "173", "RUSELI")},
        ),
        ("A Russian court ordered the arrest of a U.S. journalist.", {("RUSJUD", "173", "USAMED")}),
        (
            "Human Rights Watch urged Pakistan's government to lift its block on the platform X.",
            {("NGOHRW", "0251", "PAKGOV")},
        ),
        (
            "Saudi Arabia and Qatar paid off Syria's arrears to the World Bank.",
            {("SAU", "071", "SYR"), ("QAT", "071", "SYR")},
        ),
        ("China launched large-scale joint drills around Taiwan.", {("CHN", "150", "TWN")}),
        (
            "Thousands of Serbians rallied in Belgrade demanding snap parliamentary elections.",
            {("SRB", "1411", "SRB")},
        ),
        (
            "U.S. lawmakers rallied behind Trump in Washington.",  # support, not a protest
            {("USALEG", "053", "USAGOV")},
        ),
        (
            "The United States ended funding for emergency food assistance in Afghanistan.",
            {("USA", "1623", "AFG")},
        ),
        (
            "Nepal's government barred Nepalis from accessing social media platforms.",
            {("NPLGOV", "1721", "NPL")},
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_codes_hard_constructions(coder: Coder, text: str, expected: set) -> None:
    assert dyads(coder, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Russia did not attack Ukraine.",
        "Russia did not agree to withdraw its troops.",
        "Russia did not begin to attack Ukraine.",  # "begin" is in no lexicon entry
        "Russia may attack Ukraine.",
        "Israel could resume strikes on Lebanon.",
        "If talks fail, Israel will attack Hamas.",
        "Were Azerbaijan to attack, Armenia would seek help from its allies.",
        "Neither Egypt nor Jordan has cut diplomatic ties with Israel.",
        "Kenyan police made no arrests in Kisumu.",
        "Mexico and the United States have yet to hold formal talks.",
        "Japan and South Korea condemned the launch.",  # the launch is no actor
        "The weather in Moscow was mild on Monday.",
        "Markets rallied in Tokyo as the yen fell against the dollar.",
        "",
    ],
)
def test_codes_nothing(coder: Coder, text: str) -> None:
    assert dyads(coder, text) == set()


def test_event_carries_its_evidence(coder: Coder) -> None:
    text = "KYIV, June 2 - Ukrainian forces launched a drone attack on Russian airfields on Sunday."
    (event,) = coder.code_text(text, PUBLISHED).events
    assert event.sentence_text.startswith("Ukrainian forces")  # the dateline is not the sentence
    assert (event.event_date, event.date_source) == (date(2026, 5, 31), "sentence")
    assert (event.source.text, event.target and event.target.text) == (
        "Ukrainian forces",
        "Russian airfields",
    )
    assert event.rule_id == "1952-drone-attack"
    assert [t.word for t in event.triggers] == ["launched", "drone", "attack"]
    for trigger in event.triggers:
        assert text[trigger.char_start : trigger.char_end] == trigger.word
    assert (event.root_code, event.quad_class, event.goldstein) == ("19", 4, -10.0)


def test_compound_subject_pairs_only_for_mutual_acts(coder: Coder) -> None:
    assert dyads(coder, "China and Belarus issued a statement on Monday.") == {
        ("CHN", "010", ""),
        ("BLR", "010", ""),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Belarus expelled a Polish diplomat, officials in Vilnius said.",
            ("BLR", "161", "POLGOV"),
        ),
        ("China said it was ready to help.", None),  # a reported clause, no event the lexicon knows
        ("Iran's foreign ministry issued a statement on Thursday.", ("IRNGOV", "010", "")),
    ],
)
def test_a_statement_is_coded_only_when_it_frames_no_clause(
    coder: Coder, text: str, expected: tuple[str, str, str] | None
) -> None:
    assert dyads(coder, text) == ({expected} if expected else set())


def test_every_lexicon_code_is_in_the_codebook_and_every_root_is_covered() -> None:
    settings = load_settings()
    codebook = {row["code"]: row for row in load_codebook(settings.seeds_dir).iter_rows(named=True)}
    from coder.codebook import load_codebook as coder_codebook

    lexicon = load_lexicon(
        settings.seeds_dir / "lexicon" / "verbs.csv", coder_codebook(settings.seeds_dir)
    )
    codes = {entry.code for entries in lexicon.by_verb.values() for entry in entries}
    assert codes <= set(codebook)
    assert {code[:2] for code in codes} == {f"{root:02d}" for root in range(1, 21)}
    three_digit = {code for code in codebook if len(code) == 3}
    assert three_digit <= {code[:3] for code in codes}, "every 3-digit code has entries"


def test_pronoun_subject_refers_to_the_previous_sentence(coder: Coder) -> None:
    text = "Russian forces shelled Ukraine on Monday. They also attacked Moldova."
    events = coder.code_text(text, PUBLISHED).events
    second = [e for e in events if e.sentence_index == 1]
    assert [(e.source.code, e.target and e.target.code) for e in second] == [("RUSMIL", "MDA")]
    assert second[0].source.text == "They" and second[0].confidence < 1.0


def test_pronoun_with_two_possible_antecedents_is_not_guessed(coder: Coder) -> None:
    text = "France and Germany condemned Russia. It also criticized Belarus."
    events = coder.code_text(text, PUBLISHED).events
    assert not [e for e in events if e.sentence_index == 1]


def test_former_officials_are_elites(coder: Coder) -> None:
    assert dyads(coder, "A former Russian official criticized Ukraine.") == {
        ("RUSELI", "111", "UKR")
    }


def test_confidence_reflects_the_evidence(coder: Coder) -> None:
    direct = coder.code_text("Russia attacked Ukraine.", PUBLISHED).events[0]
    inferred = coder.code_text("Police arrested protesters in Tbilisi.", PUBLISHED).events[0]
    assert direct.confidence > inferred.confidence > 0.5


def test_reported_pronoun_is_the_speaker(coder: Coder) -> None:
    assert dyads(coder, "The Kremlin said it had struck Ukrainian airfields.") == {
        ("RUSGOV", "190", "UKR")
    }


def test_generic_international_actors_carry_their_nationality(coder: Coder) -> None:
    assert dyads(coder, "Malian troops abducted two French aid workers.") == {
        ("MLIMIL", "181", "NGOFRA")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli troops pulled out of the Lebanese town of Khiam.", {("ISRMIL", "0874", "LBN")}),
        ("Russia mobilised 300,000 reservists.", {("RUS", "154", "")}),  # its own, no target
    ],
)
def test_particles_and_own_forces(coder: Coder, text: str, expected: set) -> None:
    assert dyads(coder, text) == expected


def test_dateline_places_actors_that_name_no_country(coder: Coder) -> None:
    text = "TBILISI, March 18 (Wire) - Police arrested dozens of protesters on Tuesday."
    (event,) = coder.code_text(text, date(2026, 3, 18)).events
    assert (event.source.code, event.code, event.target and event.target.code) == (
        "GEOCOP",
        "173",
        "GEOCVL",
    )
    assert "dateline" in event.source.entry and event.confidence < 0.9
    assert not coder.code_text("Police arrested dozens of protesters.", PUBLISHED).events


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US forces attacked Iraq.", {("USAMIL", "190", "IRQ")}),
        ("The WHO praised Ghana.", {("IGOUNOWHO", "051", "GHA")}),
        ("Rebels shelled us overnight.", set()),  # "us" is a pronoun, not the United States
    ],
)
def test_short_abbreviations_match_only_in_capitals(coder: Coder, text: str, expected: set) -> None:
    assert dyads(coder, text) == expected


def test_rows_can_put_the_source_elsewhere_than_the_subject(coder: Coder) -> None:
    assert dyads(coder, "Kyiv came under attack from Russian forces overnight.") == {
        ("RUSMIL", "190", "UKR")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian forces shelled residential areas of Kharkiv.", {("RUSMIL", "194", "UKR")}),
        ("Kharkiv was shelled by Russian forces.", {("RUSMIL", "194", "UKR")}),
        ("Police in Kharkiv arrested Russian soldiers.", {("UKRCOP", "173", "RUSMIL")}),
        # a place is a target of deeds only: hope for talks in Geneva is no hope in Switzerland
        (
            "Iran's foreign minister expressed optimism about the talks in Geneva.",
            {("IRNGOV", "013", "")},
        ),
        # a place alone is no source, and a name next to a name is a person: Kais is a town
        ("Kharkiv condemned the attack.", set()),
        ("Algerian police arrested Tunisian President Kais Saied.", {("DZACOP", "173", "TUNGOV")}),
        # a gulf is no actor, nor the Gulf states
        ("Iran criticised the Gulf of Aden patrols.", set()),
        # a place that is not written as a name gives way to the names inside it
        ("Israeli forces struck targets in southern Lebanon.", {("ISRMIL", "190", "LBN")}),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_places_place_targets_and_roles(coder: Coder, text: str, expected: set) -> None:
    assert dyads(coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected", "rule"),
    [
        (
            "Ukrainian President Volodymyr Zelensky urged Germany to send Taurus cruise missiles.",
            {("UKRGOV", "0232", "DEU")},
            "023-urge-provide+072-military-aid",
        ),
        (
            "Cuba called on Washington to lift the economic embargo.",
            {("CUB", "0254", "USA")},
            "025-urge-yield+085-lift-sanctions",
        ),
        (
            "Washington threatened to cut off military aid to Egypt.",
            {("USA", "1311", "EGY")},
            "131-threaten-nonforce+1622-cut-military-aid",
        ),
        ("Iran vowed to attack Israel.", {("IRN", "1384", "ISR")}, "138-vow-retaliate+190-attack"),
        (
            "Israel rejected an offer from Turkey to mediate with Hamas.",
            {("ISR", "126", "TUR")},
            "120-reject-request+045-mediate",
        ),
        (
            "Tens of thousands of Serbians marched through Belgrade demanding the resignation of"
            " President Aleksandar Vucic.",
            {("SRB", "1411", "SRB")},
            "141-march-through+1041-demand-resignation",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) and " " in value else "",
)
def test_statements_take_their_subcode_from_the_deed_they_are_about(
    coder: Coder, text: str, expected: set, rule: str
) -> None:
    (event,) = coder.code_text(text, PUBLISHED).events
    assert dyads(coder, text) == expected
    assert event.rule_id == rule
    assert {"send", "lift", "cut", "attack", "demanding", "mediate"} & {
        t.word for t in event.triggers
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chinese and Belarusian troops will hold joint exercises.",
            {("CHNMIL", "0312", "BLRMIL"), ("BLRMIL", "0312", "CHNMIL")},
        ),
        ("Russia will attack Ukraine.", {("RUS", "1384", "UKR")}),
        ("The U.S. Treasury said it would ease sanctions on Syria.", {("USAGOV", "0354", "SYR")}),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_deeds_announced_for_the_future_are_intents_or_threats(
    coder: Coder, text: str, expected: set
) -> None:
    assert dyads(coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The European Union refused to ease sanctions on Belarus.", {("IGOEEC", "1244", "BLR")}),
        ("Algeria threatened to sever diplomatic ties with France.", {("DZA", "1313", "FRA")}),
    ],
)
def test_targets_on_the_object_of_a_complement(coder: Coder, text: str, expected: set) -> None:
    assert dyads(coder, text) == expected


def test_a_pronoun_refers_to_the_previous_subject_when_that_sentence_coded_nothing(
    coder: Coder,
) -> None:
    text = (
        "Myanmar's military faces its toughest challenge in decades. "
        "It carried out airstrikes on rebel-held Lashio on Wednesday."
    )
    (event,) = coder.code_text(text, PUBLISHED).events
    assert (event.source.code, event.code, event.target and event.target.code) == (
        "MMRMIL",
        "195",
        "MMRREB",
    )
    assert event.source.entry.startswith("pronoun") and event.confidence < 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rebels attacked a Russian convoy in Mali.", {("MLIREB", "190", "RUS")}),
        ("Demonstrators attacked the French embassy in Niamey.", {("NERCVL", "190", "FRAGOV")}),
        (  # where another event happened does not count
            "Protesters set fire to the Swedish embassy in Baghdad after a Koran burning in"
            " Stockholm.",
            {("IRQCVL", "145", "SWEGOV")},
        ),
    ],
)
def test_a_role_is_placed_where_the_event_happened_before_the_other_party(
    coder: Coder, text: str, expected: set
) -> None:
    assert dyads(coder, text) == expected


def test_two_parties_agreeing_act_on_each_other_before_a_looser_target(coder: Coder) -> None:
    text = "Japan and the Philippines agreed to share surveillance data on Chinese activity."
    assert {(s, t) for s, _, t in dyads(coder, text)} == {("JPN", "PHL"), ("PHL", "JPN")}


def test_allegiance_names_the_actor(coder: Coder) -> None:
    text = "Forces loyal to Mohamed Hamdan Dagalo attacked El Fasher."
    assert dyads(coder, text) == {("SDNMIL", "190", "SDN")}


def test_a_pronoun_subject_carries_the_previous_target(coder: Coder) -> None:
    text = "Russian forces shelled Kharkiv on Monday. They also attacked with drones."
    assert dyads(coder, text) == {("RUSMIL", "194", "UKR"), ("RUSMIL", "1952", "UKR")}


def test_a_past_tense_hung_on_its_subject_noun_is_still_a_clause(coder: Coder) -> None:
    # the parser reads "killed" as a reduced relative on "strikes", the subject of "said"
    text = "Israeli air strikes killed at least 20 people in the Gaza Strip, health officials said."
    assert {(s, t) for s, _, t in dyads(coder, text)} == {("ISR", "PSECVL")}


def test_a_capitalised_plural_the_tagger_took_for_a_name_is_still_a_role(coder: Coder) -> None:
    text = "ABUJA, April 8 (Wire) - Gunmen kidnapped 20 schoolchildren from a school in Kaduna."
    assert {(s, c) for s, c, _ in dyads(coder, text)} == {("NGAUAF", "181")}


def test_a_passive_relative_clause_acts_on_the_noun_it_describes(coder: Coder) -> None:
    text = "Hezbollah, which is backed by Iran, has fought several wars with Israel."
    assert ("IRN", "051", "LBNREBHEZ") in dyads(coder, text)


def test_an_object_cue_matches_the_title_of_a_named_object(coder: Coder) -> None:
    text = "Brazil's President Lula received Chinese Foreign Minister Wang Yi in Brasilia."
    assert ("BRAGOV", "043", "CHNGOV") in dyads(coder, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli warplanes struck southern Lebanon on Tuesday.", ("ISR", "195", "LBN")),
        ("Russian drones attacked Odesa overnight.", ("RUS", "1952", "UKR")),
        ("Israeli airstrikes killed 20 people in Gaza.", ("ISR", "195", "PSECVL")),
        ("Russian shelling killed three civilians in Kherson.", ("RUS", "194", "UKRCVL")),
        ("An al-Shabaab suicide bomber killed ten people.", ("SOMREBSHB", "1831", "SOMCVL")),
    ],
)
def test_a_weapon_as_the_doer_gives_a_generic_attack_its_code(
    coder: Coder, text: str, expected: tuple[str, str, str]
) -> None:
    assert dyads(coder, text) == {expected}
    (event,) = coder.code_text(text, PUBLISHED).events
    assert "+weapon:" in event.rule_id  # the evidence names the weapon
    assert len(event.triggers) >= 2


def test_a_weapon_does_not_change_a_specific_code(coder: Coder) -> None:
    text = "Russian drones bombed a market in Kharkiv."
    assert dyads(coder, text) == {("RUS", "195", "UKR")}
    assert coder.code_text("Israeli tanks shelled Rafah.", PUBLISHED).events[0].code == "194"


def test_the_doer_of_a_passive_agent(coder: Coder) -> None:
    text = "Kiryat Shmona was hit by rockets fired by Hezbollah."
    assert dyads(coder, text) == {("LBNREBHEZ", "194", "ISR")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name the tokenizer splits at its hyphen is still one name, and "from" names the loser
        (
            "Somali forces recaptured the town of Adan Yabaal from al-Shabaab.",
            {("SOMMIL", "192", "SOMREBSHB")},
        ),
        # "people" are civilians, placed where they protested
        (
            "Thousands of people protested in Belgrade against the government.",
            {("SRBCVL", "140", "SRBGOV")},
        ),
        ("The Taliban released a British couple.", {("AFGREBTAL", "0841", "GBR")}),
    ],
)
def test_names_split_by_hyphens_people_and_released_persons(
    coder: Coder, text: str, expected: set
) -> None:
    assert dyads(coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what a verb two complements down from an appeal says did not happen
        (
            "Marco Rubio urged China to stop supporting Russia's war machine.",
            {("USAGOV", "0256", "CHN")},
        ),
        # the owner of a weapon named by a reduced relative is the target
        (
            "The Saudi-led coalition intercepted a drone launched by the Houthis.",
            {("SAU", "190", "YEMREBHTH")},
        ),
        # a police station stands for the police
        (
            "Haitian gangs attacked a police station in Port-au-Prince.",
            {("HTICRM", "190", "HTICOP")},
        ),
    ],
)
def test_governed_chains_owned_weapons_and_stations(coder: Coder, text: str, expected: set) -> None:
    assert dyads(coder, text) == expected


def test_a_role_before_an_unknown_name_is_its_title(coder: Coder) -> None:
    text = "Tunisian authorities sentenced opposition leader Rached Ghannouchi to 22 years."
    assert dyads(coder, text) == {("TUNGOV", "173", "TUNOPP")}
    # a government title of no stated country says nothing of where the person is from
    assert dyads(coder, "President Amara Tenkolo met Kenyan troops.") == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # readiness announces the deed: an intent, from the speaker of "he"
        (
            "Vladimir Putin said he was ready to meet Volodymyr Zelensky.",
            {("RUSGOV", "036", "UKRGOV")},
        ),
        (
            "Chinese President Xi Jinping is set to visit Moscow next week.",
            {("CHNGOV", "036", "RUS")},
        ),
        # "as planned" is no condition on the announced release
        (
            "Hamas said it would free three Israeli hostages on Saturday as planned.",
            {("PSEREBHMS", "0353", "ISRCVL")},
        ),
        # guesses and inability are not events
        ("Australia is unlikely to join the naval mission in the Red Sea.", set()),
        ("Kenya is expected to sign the deal with the IMF on Friday.", set()),
        ("Iran was unable to agree a deal with the IAEA.", set()),
        ("Iran is not ready to resume talks with the United States.", set()),
    ],
)
def test_readiness_announces_and_likelihood_guesses(coder: Coder, text: str, expected: set) -> None:
    assert dyads(coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two parties aiding a third do not aid each other
        (
            "Jordanian and Emirati aircraft airdropped 25 tonnes of food over Gaza.",
            {("JOR", "073", "PSE"), ("ARE", "073", "PSE")},
        ),
        # an exchange is mutual whatever is exchanged
        (
            "Russia and Ukraine exchanged prisoners on Saturday.",
            {("RUS", "0841", "UKR"), ("UKR", "0841", "RUS")},
        ),
        # a conjunct of a demanded deed is demanded too, not done
        (
            "The United States demanded that Rwanda withdraw its troops and stop supporting M23.",
            {("USA", "1056", "RWA")},
        ),
    ],
)
def test_mutual_acts_and_demanded_conjuncts(coder: Coder, text: str, expected: set) -> None:
    assert dyads(coder, text) == expected


def test_fighters_are_people_not_fighter_jets(coder: Coder) -> None:
    text = "RSF fighters killed more than 460 patients at a hospital in El Fasher."
    assert {code for _, code, _ in dyads(coder, text)} == {"190"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a deed announced as not to be done is a refusal
        (
            "The European Union will not lift sanctions on Russia, Kaja Kallas said.",
            {("IGOEEC", "1244", "RUS")},
        ),
        (
            "Iran won't meet U.S. negotiators this week, its foreign minister said.",
            {("IRN", "125", "USAGOV")},
        ),
        # a past deed not done is nothing, nor is a refusal CAMEO has no code for
        ("Russia did not sign the agreement with Ukraine.", set()),
        ("Russia will not attack Ukraine, Putin said.", set()),
        # a reported condition makes the announcement a threat, an unreported one a guess
        (
            "Kenya warned it would withdraw its police officers from Haiti unless donors paid.",
            {("KEN", "130", "HTI")},
        ),
        ("Russia will attack Ukraine if talks fail.", set()),
    ],
)
def test_refusals_and_conditional_announcements(coder: Coder, text: str, expected: set) -> None:
    assert dyads(coder, text) == expected


def test_pro_and_anti_name_a_stance_not_an_actor(coder: Coder) -> None:
    text = "Georgian riot police used water cannon to disperse pro-European protesters in Tbilisi."
    assert dyads(coder, text) == {("GEOCOP", "175", "GEOCVL")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Pakistani troops violated the ceasefire along the Line of Control, the Indian army said.",
            {("PAKMIL", "196", "INDMIL")},
        ),
        (
            "India's foreign secretary said that Pakistan had violated the ceasefire.",
            {("PAK", "196", "INDGOV")},
        ),
        # a speaker of the source's own country wrongs no one: the deed stays domestic
        (
            "Algeria lifted a ban on street protests, the interior ministry said.",
            {("DZA", "0811", "DZA")},
        ),
    ],
)
def test_a_foreign_speaker_is_the_target_of_a_deed_that_names_none(
    coder: Coder, text: str, expected: set
) -> None:
    assert dyads(coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Houthi prime minister was killed in an Israeli air strike on Sanaa.",
            {("ISR", "186", "YEMREBHTH")},
        ),
        (
            "Three police officers were killed in an ambush by Islamic State fighters in Diyala.",
            {("IMGMOSISL", "190", "IRQ")},
        ),
    ],
)
def test_a_passive_deed_was_done_by_the_attack_it_happened_in(
    coder: Coder, text: str, expected: set
) -> None:
    assert dyads(coder, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The European Union adopted its 17th package of sanctions against Russia.",
            {("IGOEEC", "163", "RUS")},
        ),
        ("Denmark delivered a new batch of F-16 fighter jets to Ukraine.", {("DNK", "072", "UKR")}),
    ],
)
def test_packages_and_batches_are_amounts_of_what_follows(
    coder: Coder, text: str, expected: set
) -> None:
    assert dyads(coder, text) == expected
