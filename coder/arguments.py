"""Who did it and to whom: the source and target actors of a matched verb.

Each dyad carries how sure the coder is of the way its actors were found (docs/coding.md).
Words are token indices into the document's `Parse` (see coder/parse.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from coder.actors import INFERRED_COUNTRY, PRONOUN_ENTRY, SentenceActors
from coder.dictionaries import INTERNATIONAL
from coder.parse import Parse
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


@dataclass(slots=True)
class Dyad:
    """A source and a target (None for a target-less event), and how sure the finding is.

    Not frozen: thousands are built per batch, and a frozen dataclass sets each field through
    object.__setattr__ (twice the cost). Treat as read-only.
    """

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
    if any(not a.placed for a in (*sources, *targets)):  # else there is nothing to place
        sources, targets = _place(sources, targets, actors.place, actors.home)
    if not targets:
        if match.entry.code.startswith(UNDIRECTED_ROOTS):
            return [_dyad(source, None, factor * NO_TARGET) for source in sources]
        speakers = _foreign_speakers(match.frame.parse, verb, actors, sources)
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
    parse = frame.parse
    tokens: list[int] = []
    for name, _, pobj in frame.preps:
        if name in FALLBACK_PREPS:
            tokens.append(pobj)
            tokens.extend(_nested_pobjs(parse, pobj))
    clause_args = _clause_arguments(frame)
    tokens.extend(clause_args)
    # "refused to ease sanctions *on Belarus*", "threatened to sever ties *with France*"
    tokens.extend(pobj for arg in clause_args for pobj in _nested_pobjs(parse, arg))
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
    parse = match.frame.parse
    sent = parse.token(match.frame.verb).sent
    found: dict[str, Actor] = {}
    for token in range(sent.start, sent.end):
        if parse.pos[token] not in ("NOUN", "PROPN") or _in_subject(parse, token):
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


def _foreign_speakers(
    parse: Parse, verb: int, actors: SentenceActors, sources: list[Actor]
) -> list[Actor]:
    """Who reports a deed that names no target, when that is another country: "Pakistani
    troops violated the ceasefire, *the Indian army* said" → India, the party wronged."""
    speaker = _speaker_token(parse, verb)
    if speaker is None:
        return []
    found = [a for a in actors.actors_at(speaker) if a.placed and a.country]
    countries = {s.country for s in sources}
    if not found or any(a.country in countries for a in found):
        return []
    return found


def _speaker_token(parse: Parse, verb: int) -> int | None:
    """The subject of the speech verb that reports `verb`: "X said (that) *verb*", "*verb*,
    X said", "*verb*, according to X"."""
    dep, lower, children = parse.dep, parse.lower, parse.children
    for child in children[verb]:
        if dep[child] == "parataxis" and parse.lemma[child] in SPEECH_VERBS:
            return next((c for c in children[child] if dep[c] == "nsubj"), None)
        if dep[child] == "prep" and lower[child] == "according":
            to = next((c for c in children[child] if lower[c] == "to"), None)
            if to is None:
                return None
            return next((c for c in children[to] if dep[c] == "pobj"), None)
    head = verb
    for _ in range(3):
        if dep[head] not in ("ccomp", "conj") or parse.head[head] == head:
            return None
        head = parse.head[head]
        if parse.lemma[head] in SPEECH_VERBS:
            return next((c for c in children[head] if dep[c] == "nsubj"), None)
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


def _in_subject(parse: Parse, token: int) -> bool:
    """Whether the token is part of a subject ("officials in Kyiv said")."""
    for ancestor in (token, *parse.ancestors(token)):
        if parse.dep[ancestor] in ("nsubj", "nsubjpass", "agent"):
            return True
    return False


def _nested_pobjs(parse: Parse, token: int) -> list[int]:
    """Objects of target-like prepositions attached to a noun: "a ceasefire *with Israel*"."""
    return [
        pobj
        for prep in parse.children[token]
        if parse.dep[prep] == "prep" and parse.lower[prep] in FALLBACK_PREPS
        for pobj in parse.children[prep]
        if parse.dep[pobj] == "pobj"
    ]


def _clause_arguments(frame: VerbFrame) -> list[int]:
    """The subjects and objects of the verb's complements: "demanded that *India* extradite
    ...", "threatened to attack *Ukraine*"."""
    parse = frame.parse
    return [
        c
        for verb in frame.complements
        for c in parse.children[verb]
        if parse.dep[c] in ("nsubj", "dobj")
    ]


def _source_tokens(match: VerbMatch) -> tuple[list[int], str]:
    """Where the source is: the subject, unless the entry says it is elsewhere ("Kyiv came
    under attack *from* Russian forces")."""
    if match.entry.sources == ("subject",):
        return subjects(match.frame)
    for slot in match.entry.sources:
        tokens = slot_tokens(slot, match.frame)
        if tokens:
            return tokens, "subject"
    return [], "subject"


def subjects(frame: VerbFrame) -> tuple[list[int], str]:
    """The tokens that do the action, and how they were found."""
    parse = frame.parse
    dep = parse.dep
    verb, how = frame.verb, "subject"
    for _ in range(4):  # follow xcomp/conj heads up to the verb that has the subject
        if frame.passive and verb == frame.verb:
            return agents(parse, verb), "agent"
        found = [child for child in parse.children[verb] if dep[child] == "nsubj"]
        if found:
            if parse.lower[found[0]] in RELATIVE_PRONOUNS and dep[verb] == "relcl":
                return [parse.head[verb]], "relative"
            speaker = _speaker(parse, verb, found[0])
            if speaker:
                return speaker, "reported"
            return found[:1], how
        if dep[verb] in FINITE_CLAUSES:
            return _fronted_subject(parse, verb), "fronted"
        if dep[verb] == "acl" and verb == frame.verb and _active_with_object(parse, verb):
            return [parse.head[verb]], "fronted"  # a clause the parser hung on its subject noun
        if dep[verb] not in INHERITS_SUBJECT:
            return [], how
        verb, how = parse.head[verb], "inherited"
    return [], how


def _active_with_object(parse: Parse, verb: int) -> bool:
    """Whether a verb has a direct object in the active voice or a past-tense tag: a reduced
    relative ("the drones *launched* by Russia") has neither, a misparsed clause ("strikes
    *killed* 20 people") has."""
    if parse.tag[verb] == "VBD":
        return True  # not an infinitive ("demands *to repeal* the law"), which keeps its noun
    return parse.tag[verb] == "VBN" and any(parse.dep[c] == "dobj" for c in parse.children[verb])


def _speaker(parse: Parse, verb: int, subject: int) -> list[int]:
    """In reported speech, the speaker a pronoun subject stands for: "the Kremlin said *it*
    struck ...", "Khan said *his office* was investigating ..."; [] otherwise."""
    dep, pos = parse.dep, parse.pos
    if dep[verb] != "ccomp" or parse.head[verb] == verb:
        return []
    pronoun = pos[subject] == "PRON" and parse.lower[subject] in ("it", "they", "he", "she")
    owned = any(dep[c] == "poss" and pos[c] == "PRON" for c in parse.children[subject])
    if not (pronoun or owned):
        return []
    speakers = parse.children[parse.head[verb]]
    return [c for c in speakers if dep[c] == "nsubj" and pos[c] != "PRON"][:1]


def agents(parse: Parse, verb: int) -> list[int]:
    """The objects of "by" in a passive clause ("were arrested by police"), then the doers of
    what they name ("was hit by rockets *fired by Hezbollah*")."""
    dep, children = parse.dep, parse.children
    found = [
        pobj
        for child in children[verb]
        if dep[child] == "agent"
        for pobj in children[child]
        if dep[pobj] == "pobj"
    ]
    for noun in list(found):
        found.extend(
            agent
            for clause in children[noun]
            if dep[clause] == "acl" and parse.tag[clause] == "VBN"
            for agent in agents(parse, clause)
        )
    return found or attacks_in(parse, verb)


def attacks_in(parse: Parse, verb: int) -> list[int]:
    """The attack a passive verb with no agent happened in: "were killed *in an Israeli air
    strike*" was done by whoever carried out the strike."""
    dep, lower, children = parse.dep, parse.lower, parse.children
    attacks = [
        pobj
        for prep in children[verb]
        if dep[prep] == "prep" and lower[prep] == "in"
        for pobj in children[prep]
        if dep[pobj] == "pobj" and parse.lemma[pobj] in ATTACK_NOUNS
    ]
    doers = [  # "in an ambush *by Islamic State fighters*"
        pobj
        for attack in attacks
        for prep in children[attack]
        if dep[prep] == "prep" and lower[prep] == "by"
        for pobj in children[prep]
        if dep[pobj] == "pobj"
    ]
    return doers or attacks


def _fronted_subject(parse: Parse, verb: int) -> list[int]:
    """The noun phrase just before a subjectless finite verb, back to the last punctuation.

    Repairs parses where an opening phrase swallows the subject: "In Minsk, China and Belarus
    agreed ..." parsed with "China and Belarus" as conjuncts of "Minsk".
    """
    start = verb
    sent_start = parse.token(verb).sent.start
    while start > sent_start and not parse.token(start - 1).is_punct:
        start -= 1
    for token in range(start, verb):
        if parse.pos[token] in ("PROPN", "NOUN") and not (start <= parse.head[token] < verb):
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


def slot_tokens(slot: str, frame: VerbFrame) -> list[int]:
    """The tokens a target slot of the lexicon points at in this verb's frame."""
    parse = frame.parse
    if slot == "dobj":
        return [frame.obj] if frame.obj is not None else []
    if slot == "subject":  # the grammatical subject is the target: "Kyiv came under attack"
        return subjects(frame)[0]
    if slot == "agent":
        return agents(parse, frame.verb)
    if slot == "comp":  # "threatened to attack Ukraine", "demanded that Russia withdraw"
        return _clause_arguments(frame)
    if slot == "dative":
        if frame.dative is None:
            return []
        if parse.pos[frame.dative] != "ADP":
            return [frame.dative]
        return list(parse.children[frame.dative])
    name = slot.removeprefix("prep:")
    direct = [pobj for prep_name, _, pobj in frame.preps if prep_name == name]
    nested = [  # "came under attack *from* Russian forces": on the object of "under"
        inner
        for _, _, pobj in frame.preps
        for prep in parse.children[pobj]
        if parse.dep[prep] == "prep" and parse.lower[prep] == name
        for inner in parse.children[prep]
        if parse.dep[inner] == "pobj"
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
    verb = match.frame.parse.lemma[match.frame.verb]
    return match.entry.code.startswith(MUTUAL_ROOTS) or verb in RECIPROCAL_VERBS


def _dyad(source: Actor, target: Actor | None, factor: float) -> Dyad:
    confidence = factor * source.confidence * (target.confidence if target else 1.0)
    return Dyad(source, target, confidence)
