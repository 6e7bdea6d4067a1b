"""Who did it and to whom: the source and target actors of a matched verb.

Each dyad carries how sure the coder is of the way its actors were found (docs/coding.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from coder.actors import INFERRED_COUNTRY, PRONOUN_ENTRY, SentenceActors
from coder.dictionaries import INTERNATIONAL
from coder.records import Actor
from coder.verbs import VerbFrame, VerbMatch

# "agreed to withdraw", "met and signed", "was ready to meet"
INHERITS_SUBJECT = frozenset({"xcomp", "conj", "acomp"})
RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
FINITE_CLAUSES = frozenset({"ROOT", "ccomp"})  # clauses whose subject the parser may misplace

# Confidence factors by how the subject was found, and how the target was.
SUBJECT_FACTORS = {
    "subject": 1.0,
    "agent": 1.0,
    "relative": 0.9,
    "inherited": 0.9,
    "reported": 0.9,
    "fronted": 0.7,
}
FIRST_SLOT, LATER_SLOT, FALLBACK, MUTUAL, NO_TARGET = 1.0, 0.9, 0.8, 0.8, 1.0
SENTENCE_ACTOR = 0.6  # the one other actor the sentence names, when the verb points at none
OWN_COUNTRY = 0.7  # no target named: the source's own country ("Algeria lifted a ban on protests")
# Nouns naming an attack, whose doer did what a passive verb says happened "in" it.
ATTACK_NOUNS = frozenset(
    "attack strike airstrike raid ambush bombing shelling bombardment assault offensive "
    "explosion blast barrage operation crackdown".split()
)
SPEAKER = 0.7  # no target named: the foreign reporter of the deed ("..., the Indian army said")
SPEECH_VERBS = frozenset({"say", "tell", "report", "state", "allege", "claim", "charge", "add"})
# Roots whose events are aimed at no one when no target is named: public statements (01) and
# shows of force (15: "Russia mobilised reservists"). Any other deed or demand is domestic.
UNDIRECTED_ROOTS = ("01", "15")
# Roots whose acts two parties can do to each other: "X and Y met / agreed / cut ties / clashed".
MUTUAL_ROOTS = ("03", "04", "05", "06", "087", "16", "19")
# Verbs that make any act mutual: "X and Y *exchanged* prisoners / *traded* accusations".
RECIPROCAL_VERBS = frozenset({"exchange", "swap", "trade"})
GENERIC_STATEMENT = "010"  # a bare "said": coded only when the sentence reports nothing else
# Prepositions whose object is likely the target when the lexicon entry names none.
FALLBACK_PREPS = frozenset(
    {"on", "with", "against", "to", "toward", "towards", "at", "from", "between", "over", "into"}
)


@dataclass(frozen=True, slots=True)
class Dyad:
    """A source and a target (None for a target-less event), and how sure the finding is."""

    source: Actor
    target: Actor | None
    confidence: float


def find_dyads(match: VerbMatch, actors: SentenceActors, *, material: bool = False) -> list[Dyad]:
    """Every (source, target) the matched verb states; [] when it has no source or target.

    A place alone ("Kharkiv") is never a source, and a target only of a `material` event (a
    deed, QuadClass 2 or 4): "shelled homes in Kharkiv", but not "praised the talks in Geneva".
    """
    verb = match.frame.verb
    tokens, how = _source_tokens(match)
    sources = [a for token in tokens for a in actors.actors_at(token, verb) if not a.is_place]
    if not sources:
        return []
    factor = SUBJECT_FACTORS[how]
    source_codes = {source.code for source in sources}
    targets, slot_factor = _targets(match, actors, source_codes, material)
    if not targets and len(sources) > 1 and _mutual(match):  # before looser targets: "Japan
        placed = [a for a in sources if a.placed]  # and Manila agreed to share data on China"
        return [_dyad(a, b, factor * MUTUAL) for a in placed for b in placed if a.code != b.code]
    if not targets and match.entry.code != GENERIC_STATEMENT:
        fallback = _fallback_targets(match, actors, source_codes, material)
        if fallback:
            targets, slot_factor = fallback, FALLBACK
    if not targets and match.entry.code != GENERIC_STATEMENT:
        other = _only_other_actor(match, actors, source_codes, material)
        if other:
            targets, slot_factor = other, SENTENCE_ACTOR
    if not targets and not match.entry.code.startswith(UNDIRECTED_ROOTS):
        carried = _carried_target(sources, actors, source_codes)
        if carried:
            targets, slot_factor = carried, SENTENCE_ACTOR
    if targets is None:
        return []
    unplaced = any(not a.placed for a in (*sources, *targets))
    where = actors.place if unplaced else None
    sources, targets = _place(sources, targets, where, actors.home)
    if not targets:
        if match.entry.code.startswith(UNDIRECTED_ROOTS):
            return [_dyad(source, None, factor * NO_TARGET) for source in sources]
        speakers = _foreign_speakers(verb, actors, sources)
        if speakers:
            return [_dyad(s, t, factor * SPEAKER) for s in sources for t in speakers]
        return [_dyad(s, _own_country(s), factor * OWN_COUNTRY) for s in sources]
    factor *= slot_factor
    return [_dyad(s, t, factor) for s in sources for t in targets if t.code != s.code]


def _place(
    sources: list[Actor], targets: list[Actor], where: str | None, home: str | None
) -> tuple[list[Actor], list[Actor]]:
    """Give role-only actors ("the police", "demonstrators") the country where the sentence
    says the event happened ("attacked the French embassy *in Niamey*"), else the other party's,
    else the dateline's; drop those that cannot be placed (no country anywhere)."""

    def placed(group: list[Actor], others: list[Actor]) -> list[Actor]:
        country, source = where, "where it happened"
        if country is None:
            country = next((a.country for a in others if a.placed and a.country), None)
            source = "the other party"
        if country is None:
            country, source = home, "the dateline"
        if country is None:
            return [a for a in group if a.placed]
        return [a if a.placed else a.placed_in(country, INFERRED_COUNTRY, source) for a in group]

    return placed(sources, targets), placed(targets, sources)


def _fallback_targets(
    match: VerbMatch, actors: SentenceActors, source_codes: set[str], material: bool
) -> list[Actor] | None:
    """Actors the entry's slots missed: on a target-like preposition of the verb, its object or
    complement ("eased sanctions on Belarus", "agreed to a ceasefire with Israel"), else in the
    object phrase itself ("denied Israeli allegations")."""
    frame = match.frame
    tokens: list[Token] = []
    for name, _, pobj in frame.preps:
        if name in FALLBACK_PREPS:
            tokens.append(pobj)
            tokens.extend(_nested_pobjs(pobj))
    clause_args = [  # "demanded that India extradite ...", "threatened to attack Ukraine"
        c for verb in frame.complements for c in verb.children if c.dep_ in ("nsubj", "dobj")
    ]
    tokens.extend(clause_args)
    # "refused to ease sanctions *on Belarus*", "threatened to sever ties *with France*"
    tokens.extend(pobj for arg in clause_args for pobj in _nested_pobjs(arg))
    for token in tokens:
        found = [a for a in actors.actors_at(token, frame.verb) if _can_target(a, material)]
        if any(actor.code not in source_codes for actor in found):
            return found
    if frame.obj is not None:  # only a named actor: "mobilised reservists" are its own
        found = [
            a
            for a in actors.actors_at(frame.obj, frame.verb)
            if a.placed and _can_target(a, material)
        ]
        if any(actor.code not in source_codes for actor in found):
            return found
    return None


def _only_other_actor(
    match: VerbMatch, actors: SentenceActors, source_codes: set[str], material: bool
) -> list[Actor] | None:
    """The one other actor the sentence names outside any subject ("pledged food rations for
    families displaced by flooding in Bangladesh" → Bangladesh), or None if not exactly one."""
    sent = match.frame.verb.sent
    found: dict[str, Actor] = {}
    for token in sent:
        if token.pos_ not in ("NOUN", "PROPN") or _in_subject(token):
            continue
        for actor in actors.phrase_actors(token):
            if not actor.placed or not _can_target(actor, material):
                continue
            if _party(actor.code) not in {_party(c) for c in source_codes}:
                found.setdefault(_party(actor.code), actor)
    return list(found.values()) if len(found) == 1 else None


def _carried_target(
    sources: list[Actor], actors: SentenceActors, source_codes: set[str]
) -> list[Actor]:
    """For a pronoun subject, the one target the previous sentence's events had: "Germany
    delivered an air defence system to Ukraine. *It* also handed over 20 carriers." → Ukraine."""
    if not all(source.entry.startswith(PRONOUN_ENTRY) for source in sources):
        return []
    carried = [t for t in actors.previous_targets if t.code not in source_codes]
    return carried if len({_party(t.code) for t in carried}) == 1 else []


def _foreign_speakers(verb: Token, actors: SentenceActors, sources: list[Actor]) -> list[Actor]:
    """Who reports a deed that names no target, when that is another country: "Pakistani
    troops violated the ceasefire, *the Indian army* said" → India, the party wronged."""
    speaker = _speaker_token(verb)
    if speaker is None:
        return []
    found = [a for a in actors.actors_at(speaker) if a.placed and a.country]
    countries = {s.country for s in sources}
    if not found or any(a.country in countries for a in found):
        return []
    return found


def _speaker_token(verb: Token) -> Token | None:
    """The subject of the speech verb that reports `verb`: "X said (that) *verb*", "*verb*,
    X said", "*verb*, according to X"."""
    for child in verb.children:
        if child.dep_ == "parataxis" and child.lemma_.lower() in SPEECH_VERBS:
            return next((c for c in child.children if c.dep_ == "nsubj"), None)
        if child.dep_ == "prep" and child.lower_ == "according":
            to = next((c for c in child.children if c.lower_ == "to"), None)
            return next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    head = verb
    for _ in range(3):
        if head.dep_ not in ("ccomp", "conj") or head.head is head:
            return None
        head = head.head
        if head.lemma_.lower() in SPEECH_VERBS:
            return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None


def _own_country(source: Actor) -> Actor | None:
    """The country of a domestic source, as the target of an event that names none; None for
    an international source."""
    if source.country is None:
        return None
    return Actor(source.country, "", source.country, None, "the source's own country")


def _can_target(actor: Actor, material: bool) -> bool:
    """Whether the actor can be the target: a place alone only of a deed."""
    return material or not actor.is_place


def _party(code: str) -> str:
    """The country of a domestic code, or an international code whole."""
    return code if code.startswith(INTERNATIONAL) else code[:3]


def _in_subject(token: Token) -> bool:
    """Whether the token is part of a subject ("officials in Kyiv said")."""
    for ancestor in (token, *token.ancestors):
        if ancestor.dep_ in ("nsubj", "nsubjpass", "agent"):
            return True
    return False


def _nested_pobjs(token: Token) -> list[Token]:
    """Objects of target-like prepositions attached to a noun: "a ceasefire *with Israel*"."""
    return [
        pobj
        for prep in token.children
        if prep.dep_ == "prep" and prep.lower_ in FALLBACK_PREPS
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _source_tokens(match: VerbMatch) -> tuple[list[Token], str]:
    """Where the source is: the subject, unless the entry says it is elsewhere ("Kyiv came
    under attack *from* Russian forces")."""
    if match.entry.sources == ("subject",):
        return subjects(match.frame)
    for slot in match.entry.sources:
        tokens = slot_tokens(slot, match.frame)
        if tokens:
            return tokens, "subject"
    return [], "subject"


def subjects(frame: VerbFrame) -> tuple[list[Token], str]:
    """The tokens that do the action, and how they were found."""
    verb, how = frame.verb, "subject"
    for _ in range(4):  # follow xcomp/conj heads up to the verb that has the subject
        if frame.passive and verb is frame.verb:
            return agents(verb), "agent"
        found = [child for child in verb.children if child.dep_ == "nsubj"]
        if found:
            if found[0].lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
                return [verb.head], "relative"
            speaker = _speaker(verb, found[0])
            if speaker:
                return speaker, "reported"
            return found[:1], how
        if verb.dep_ in FINITE_CLAUSES:
            return _fronted_subject(verb), "fronted"
        if verb.dep_ == "acl" and verb is frame.verb and _active_with_object(verb):
            return [verb.head], "fronted"  # a clause the parser hung on its subject noun
        if verb.dep_ not in INHERITS_SUBJECT:
            return [], how
        verb, how = verb.head, "inherited"
    return [], how


def _active_with_object(verb: Token) -> bool:
    """Whether a verb has a direct object in the active voice or a past-tense tag: a reduced
    relative ("the drones *launched* by Russia") has neither, a misparsed clause ("strikes
    *killed* 20 people") has."""
    if verb.tag_ == "VBD":
        return True  # not an infinitive ("demands *to repeal* the law"), which keeps its noun
    return verb.tag_ == "VBN" and any(c.dep_ == "dobj" for c in verb.children)


def _speaker(verb: Token, subject: Token) -> list[Token]:
    """In reported speech, the speaker a pronoun subject stands for: "the Kremlin said *it*
    struck ...", "Khan said *his office* was investigating ..."; [] otherwise."""
    if verb.dep_ != "ccomp" or verb.head is verb:
        return []
    pronoun = subject.pos_ == "PRON" and subject.lower_ in ("it", "they", "he", "she")
    owned = any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)
    if not (pronoun or owned):
        return []
    return [c for c in verb.head.children if c.dep_ == "nsubj" and c.pos_ != "PRON"][:1]


def agents(verb: Token) -> list[Token]:
    """The objects of "by" in a passive clause ("were arrested by police"), then the doers of
    what they name ("was hit by rockets *fired by Hezbollah*")."""
    found = [
        pobj
        for child in verb.children
        if child.dep_ == "agent"
        for pobj in child.children
        if pobj.dep_ == "pobj"
    ]
    for noun in list(found):
        found.extend(
            agent
            for clause in noun.children
            if clause.dep_ == "acl" and clause.tag_ == "VBN"
            for agent in agents(clause)
        )
    return found or attacks_in(verb)


def attacks_in(verb: Token) -> list[Token]:
    """The attack a passive verb with no agent happened in: "were killed *in an Israeli air
    strike*" was done by whoever carried out the strike."""
    attacks = [
        pobj
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.lemma_.lower() in ATTACK_NOUNS
    ]
    doers = [  # "in an ambush *by Islamic State fighters*"
        pobj
        for attack in attacks
        for prep in attack.children
        if prep.dep_ == "prep" and prep.lower_ == "by"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    return doers or attacks


def _fronted_subject(verb: Token) -> list[Token]:
    """The noun phrase just before a subjectless finite verb, back to the last punctuation.

    Repairs parses where an opening phrase swallows the subject: "In Minsk, China and Belarus
    agreed ..." parsed with "China and Belarus" as conjuncts of "Minsk".
    """
    start = verb.i
    while start > verb.sent.start and not verb.doc[start - 1].is_punct:
        start -= 1
    for token in verb.doc[start : verb.i]:
        if token.pos_ in ("PROPN", "NOUN") and not (start <= token.head.i < verb.i):
            return [token]
    return []


def _targets(
    match: VerbMatch, actors: SentenceActors, source_codes: set[str], material: bool
) -> tuple[list[Actor] | None, float]:
    """Target actors by the entry's preference ([] for a target-less event, None if no slot
    fits), and the confidence factor of the slot that gave them.

    A slot whose actors are all sources ("Nepal lifted the curfew in Kathmandu") is passed over.
    """
    frame = match.frame
    for rank, slot in enumerate(match.entry.targets):
        if slot == "none":
            return [], NO_TARGET
        for token in slot_tokens(slot, frame):
            found = [a for a in actors.actors_at(token, frame.verb) if _can_target(a, material)]
            if any(actor.code not in source_codes for actor in found):
                return found, FIRST_SLOT if rank == 0 else LATER_SLOT
    return None, 0.0


def slot_tokens(slot: str, frame: VerbFrame) -> list[Token]:
    """The tokens a target slot of the lexicon points at in this verb's frame."""
    if slot == "dobj":
        return [frame.obj] if frame.obj is not None else []
    if slot == "subject":  # the grammatical subject is the target: "Kyiv came under attack"
        return subjects(frame)[0]
    if slot == "agent":
        return agents(frame.verb)
    if slot == "comp":  # "threatened to attack Ukraine", "demanded that Russia withdraw"
        return [
            c for verb in frame.complements for c in verb.children if c.dep_ in ("nsubj", "dobj")
        ]
    if slot == "dative":
        tokens = [frame.dative] if frame.dative is not None else []
        return [c for t in tokens for c in ([t] if t.pos_ != "ADP" else list(t.children))]
    name = slot.removeprefix("prep:")
    direct = [pobj for prep_name, _, pobj in frame.preps if prep_name == name]
    nested = [  # "came under attack *from* Russian forces": on the object of "under"
        inner
        for _, _, pobj in frame.preps
        for prep in pobj.children
        if prep.dep_ == "prep" and prep.lower_ == name
        for inner in prep.children
        if inner.dep_ == "pobj"
    ]
    return direct + nested


def _mutual(match: VerbMatch) -> bool:
    """Whether "X and Y <verb>" with no stated target is X and Y acting on each other.

    So when the verb acts on nothing but its own cue ("agreed to expand cooperation", "met"),
    and its kind of act can be mutual (`MUTUAL_ROOTS`): consulting, cooperating, agreeing,
    cutting ties, fighting, or its verb makes it so ("exchanged prisoners"); not a statement, which two parties make jointly, nor aid, demands,
    protests or threats, which are aimed at a third ("Jordanian and Emirati aircraft dropped
    food over Gaza").
    """
    obj = match.frame.obj
    if obj is not None and obj not in match.cue_tokens:
        return False
    verb = match.frame.verb.lemma_.lower()
    return match.entry.code.startswith(MUTUAL_ROOTS) or verb in RECIPROCAL_VERBS


def _dyad(source: Actor, target: Actor | None, factor: float) -> Dyad:
    confidence = factor * source.confidence * (target.confidence if target else 1.0)
    return Dyad(source, target, confidence)
