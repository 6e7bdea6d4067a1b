"""Find actors in a parsed sentence and give each its CAMEO code.

A noun phrase is coded from the dictionary entries inside it: a country, region, city,
organisation or person, plus a role word or office title ("Russian forces" → RUS + MIL =
`RUSMIL`). People are coded by the office they held on the event's date. Words are token
indices into the document's `Parse` (see coder/parse.py).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from spacy.tokens import Span

from coder.dictionaries import FORMER, ActorDictionary, ActorEntry, RoleEntry
from coder.parse import Parse, parse_of
from coder.phrases import Match
from coder.records import Actor, Event

# Dependents of a noun that belong to its phrase ("the Russian defence ministry's forces").
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "det", "nummod", "flat", "appos"})
# Prepositions whose object still names the actor ("the government of Belarus").
OF_PREPS = frozenset({"of"})
# Nouns whose "for" names whom they speak or act for ("a spokesman for India's foreign ministry").
AFFILIATION_NOUNS = frozenset(
    "spokesman spokeswoman spokesperson envoy representative negotiator commissioner".split()
)
# Words that give a noun its allegiance: "forces *loyal to* X", "hackers *linked to* X".
ALLEGIANCE_WORDS = frozenset({"loyal", "link", "linked", "affiliate", "affiliated", "belong"})
STANCE_PREFIXES = frozenset({"pro", "anti"})  # "pro-European", "anti-Russian": stances
# Prepositions that place a role-only actor in a country ("officials in Kyiv").
LOCATIVE_PREPS = frozenset({"in", "from", "through", "across", "at", "outside"})
# Nouns that count the actor that follows "of": "dozens of protesters".
QUANTITY_NOUNS = frozenset(
    "dozen dozens hundred hundreds thousand thousands ten tens score scores number group "
    "handful some many several two three four five".split()
)
# Words that continue a place's name without making it another name ("Kharkiv Oblast").
PLACE_WORDS = frozenset(
    "city province region oblast state governorate district county strip valley camp".split()
)
# Prepositions that introduce another event than the sentence's ("after a burning in X").
BACKGROUND_PREPS = frozenset({"after", "before", "following", "since", "amid", "despite"})
# Entries that say where something happened ("in Mali", "in Niamey", "in Kharkiv").
PLACE_KINDS = frozenset({"country", "capital", "place"})
# Subject pronouns that refer back to the previous sentence's actor.
PRONOUNS = frozenset({"it", "he", "she", "they"})
FORMER_WORDS = frozenset({"former", "ex", "ex-"})

# How sure the coder is of an actor, by how it was found (see docs/coding.md).
INFERRED_COUNTRY = 0.85  # a role word placed by a place, the other party or the dateline
RESOLVED_PRONOUN = 0.75  # "It also struck Odesa."
PRONOUN_ENTRY = "pronoun → "  # how a resolved pronoun's entry begins


@dataclass(frozen=True, slots=True)
class Antecedents:
    """What the previous sentence offers a pronoun subject: the sources and targets of the
    events it coded, and the sentence itself (its subject is looked up if it coded nothing)."""

    sources: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    sentence: Span | None = None

    @classmethod
    def of(cls, sent: Span, events: list[Event]) -> Antecedents:
        """The antecedents a sentence and the events coded from it leave for the next one."""
        sources = {e.source.code: e.source for e in events}
        targets = {e.target.code: e.target for e in events if e.target and e.target.text}
        return cls(tuple(sources.values()), tuple(targets.values()), sent)


NO_ANTECEDENTS = Antecedents()  # the first sentence of a document


class SentenceActors:
    """The dictionary matches in one sentence, and the actor each noun phrase codes to.

    `day` is the event's date (people are coded by the office they held then); `previous` the
    actors the previous sentence was about, for pronoun subjects; `home` the country of the
    document's dateline, the last resort for placing "the police" or "the government".
    """

    def __init__(
        self,
        sent: Span,
        dictionary: ActorDictionary,
        day: date,
        previous: Antecedents = NO_ANTECEDENTS,
        home: str | None = None,
    ) -> None:
        parse = parse_of(sent.doc)
        words = parse.lower[sent.start : sent.end]
        lemmas = _lemmas(parse, sent.start, sent.end)
        texts = parse.text[sent.start : sent.end]
        offset = sent.start
        self._parse = parse
        self._day = day
        self._previous = previous.sources
        self._previous_sent = previous.sentence  # its subject, if it coded nothing: looked up late
        self.previous_targets = previous.targets
        self._dictionary = dictionary
        self._has_pronoun = not PRONOUNS.isdisjoint(words)
        self._has_former = not FORMER_WORDS.isdisjoint(words)
        self.home = home  # the country of the document's dateline, if any
        self._cache: dict[tuple[int, int], list[Actor]] = {}  # phrases resolved once per verb
        names = _merge(
            dictionary.names.find(words, offset=offset),
            dictionary.abbreviations.find(texts, offset=offset),
        )
        self._roles = dictionary.roles.find(words, lemmas, offset=offset)
        role_tokens = {i for m in self._roles for i in range(m.start, m.end)}
        self._names = _names_as_written(parse, sent, names, role_tokens, dictionary, words)

    @property
    def has_names(self) -> bool:
        """Whether the sentence could name an actor: a name, a pronoun with an antecedent, or
        a role word the dateline's country can place."""
        return (
            bool(self._names)
            or bool(self._previous)
            or self.home is not None
            or (self._previous_sent is not None and self._has_pronoun)
        )

    @property
    def named(self) -> list[Match]:
        """The dictionary names found in the sentence, in order (for explanations)."""
        return list(self._names)

    def actors_at(self, head: int, verb: int | None = None) -> list[Actor]:
        """The actors a noun phrase codes to: one per conjunct ("France and Germany") and per
        coordinated modifier ("Chinese and Belarusian troops").

        A role-only phrase ("protesters") takes its country from a place named on the phrase or
        on `verb` ("arrested protesters in Tbilisi").
        """
        key = (head, verb if verb is not None else -1)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._actors_at(head, verb)
        return cached

    def _actors_at(self, head: int, verb: int | None) -> list[Actor]:
        parse = self._parse
        if parse.lower[head] in PRONOUNS and parse.pos[head] == "PRON":
            return self._antecedents(head)
        actors: list[Actor] = []
        for token in (head, *(c for c in parse.conjuncts(head) if c > head)):
            for actor in self.phrase_actors(token, verb):
                if all(actor.code != seen.code for seen in actors):
                    actors.append(actor)
        return actors

    def phrase_actors(self, head: int, verb: int | None = None) -> list[Actor]:
        """The actors of the noun phrase headed by `head`: usually one, none if it names none."""
        parse = self._parse
        head = counted_noun(parse, head)
        tokens = phrase_tokens(parse, head)
        names = _within(self._dated_names, tokens)
        name = _nearest(names, head)
        role = _nearest(_within(self._roles, tokens), head)
        confidence = 1.0
        heads_role = role is not None and (  # "the police", "opposition leader Rached X"
            role.start <= head < role.end or _titles(parse, role, head)
        )
        for holder in (head, verb):  # "military cooperation" is no actor: its head is no role
            if name is None and heads_role and holder is not None:
                located = _within(self._dated_names, _locative_tokens(parse, holder))
                name = _nearest(located, head)
                confidence = INFERRED_COUNTRY
        if name is None and heads_role and _owned_by_pronoun(parse, head):
            return []  # "their troops", "its forces": the subject itself, not another actor
        if name is None and heads_role and role is not None:  # "the police": place it later
            role_entry = role.value
            return [
                Actor(
                    role_entry.role,
                    _text(parse, head, tokens),
                    None,
                    role_entry.role,
                    role_entry.label,
                    1.0,
                    placed=False,
                )
            ]
        if name is None:
            return []
        text = _text(parse, head, tokens)
        name = _with_nationality(name, names)
        former = self._has_former and any(parse.lower[i] in FORMER_WORDS for i in tokens)
        found = [name, *self._coordinated(name, names, tokens)]
        role_entry = role.value if role else None
        return [_compose(m.value, role_entry, text, former, confidence) for m in found]

    @cached_property
    def place(self) -> str | None:
        """The one country the sentence names as where things happened ("in Niamey", "across
        northern Rakhine state"); None if it names none, or several."""
        countries = {
            match.value.country
            for match in self._dated_names
            if match.value.country
            and match.value.kind in PLACE_KINDS
            and _in_locative(self._parse, match.end - 1)
        }
        return countries.pop() if len(countries) == 1 else None

    @cached_property
    def _dated_names(self) -> list[Match]:
        """The names with people coded as of the event's date; people out of any office dropped."""
        dated = []
        for match in self._names:
            entry = match.value.on(self._day)
            if entry is match.value:
                dated.append(match)  # no office terms: the entry as it is
            elif entry is not None:
                dated.append(Match(match.start, match.end, entry))
        return dated

    def _coordinated(self, name: Match, names: list[Match], tokens: set[int]) -> list[Match]:
        """Names coordinated with `name` inside the phrase: "Belarusian" in "Chinese and
        Belarusian troops"."""
        if len(names) < 2:
            return []  # no other name to be coordinated with
        if all(self._parse.dep[i] != "conj" for i in tokens):
            return []  # two coordinated words in the phrase: one of them is a "conj"
        conjuncts = self._parse.conjuncts
        linked = {c for word in range(name.start, name.end) for c in conjuncts(word) if c in tokens}
        return [m for m in names if m.start != name.start and linked & set(range(m.start, m.end))]

    def _antecedents(self, pronoun: int) -> list[Actor]:
        """The previous sentence's actor for "it", "he", "she" (only if there was exactly one),
        or its actors for "they": the sources it coded, else its main clause's subject ("Myanmar's
        military faces its toughest challenge. *It* carried out airstrikes ...")."""
        if not self._previous and self._previous_sent is not None:
            self._previous = self._subject_of(self._previous_sent)
            self._previous_sent = None
        if not self._previous or (
            self._parse.lower[pronoun] != "they" and len(self._previous) != 1
        ):
            return []
        return [
            Actor(
                a.code,
                self._parse.text[pronoun],
                a.country,
                a.role,
                f"{PRONOUN_ENTRY}{a.entry}",
                RESOLVED_PRONOUN,
            )
            for a in self._previous
        ]

    def _subject_of(self, sent: Span) -> tuple[Actor, ...]:
        """The named actors of a sentence's main subject (no pronoun, place or unplaced role)."""
        parse = self._parse
        subject = next(
            (c for c in parse.children[sent.root.i] if parse.dep[c] in ("nsubj", "nsubjpass")),
            None,
        )
        if subject is None or parse.pos[subject] == "PRON":
            return ()
        actors = SentenceActors(sent, self._dictionary, self._day).actors_at(subject)
        return tuple(a for a in actors if a.placed and not a.is_place)


def _lemmas(parse: Parse, start: int, end: int) -> list[str]:
    """The lower-case lemmas of tokens `start` to `end`, names' made singular (see `_lemma`)."""
    lemmas = parse.lemma[start:end]
    for i, pos in enumerate(parse.pos[start:end]):
        if pos == "PROPN":
            lemmas[i] = _lemma(lemmas[i], pos)
    return lemmas


def _lemma(lemma: str, pos: str) -> str:
    """The lemma, singular where the tagger took a capitalised plural for a name and kept it
    whole ("Gunmen kidnapped ...", "Protesters marched ...")."""
    if pos != "PROPN" or len(lemma) < 4:
        return lemma
    if lemma.endswith("men"):
        return lemma[:-3] + "man"
    if lemma.endswith("ies"):
        return lemma[:-3] + "y"
    if lemma.endswith("s") and not lemma.endswith("ss"):
        return lemma[:-1]
    return lemma


def _merge(first: list[Match], second: list[Match]) -> list[Match]:
    """Matches of both lists, longest first where they overlap, in text order."""
    if not first or not second:
        return first or second
    kept: list[Match] = []
    for match in sorted([*first, *second], key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return kept


def phrase_tokens(parse: Parse, head: int) -> set[int]:
    """Indexes of the tokens in the noun phrase headed by `head`: its modifiers, and the noun
    phrase of an "of" ("the government of Belarus"), but not that noun's own places ("the
    sidelines of a forum in Singapore" names no Singaporean actor)."""
    dep, lower, children = parse.dep, parse.lower, parse.children
    keep = {head}
    for child in children[head]:
        if dep[child] in MODIFIER_DEPS:
            keep.update(parse.subtree(child))
        elif dep[child] == "punct" and parse.text[child] == "-" and child < head:
            keep.add(child)  # "al - Shabaab", split by the tokenizer
        elif dep[child] == "prep" and (
            lower[child] in OF_PREPS
            or (lower[child] == "for" and parse.lemma[head] in AFFILIATION_NOUNS)
        ):
            keep.add(child)
            for pobj in children[child]:
                if dep[pobj] == "pobj":
                    for noun in (pobj, *parse.conjuncts(pobj)):  # "of Serbia and Kosovo"
                        keep.update(phrase_tokens(parse, noun))
        elif dep[child] == "acl" and parse.tag[child] == "VBN" and child > head:
            keep.add(child)  # "a drone launched by the Houthis": the Houthis' drone
            _keep_objects(parse, child, "agent", keep)
        elif dep[child] in ("acl", "amod") and parse.lemma[child] in ALLEGIANCE_WORDS:
            keep.add(child)  # "forces loyal to Dagalo", "hackers linked to Russia's GRU"
            _keep_objects(parse, child, "prep", keep)
    return keep


def _keep_objects(parse: Parse, word: int, link: str, keep: set[int]) -> None:
    """Add the word's `link` dependents ("by", "to") and the noun phrases they govern."""
    dep, children = parse.dep, parse.children
    for child in children[word]:
        if dep[child] == link:
            keep.add(child)
            for pobj in children[child]:
                if dep[pobj] == "pobj":
                    keep.update(phrase_tokens(parse, pobj))


def _names_as_written(
    parse: Parse,
    sent: Span,
    matches: list[Match],
    role_tokens: set[int],
    dictionary: ActorDictionary,
    words: list[str],
) -> list[Match]:
    """The matches that count (see `_written_as_name`); a rejected place gives way to the
    names after its first word ("the Georgia Straight" is no place, but may hold one)."""
    kept: list[Match] = []
    for match in matches:
        if match.value.kind == "water":
            continue  # "the Gulf of Aden": no actor, and not "the Gulf" states either
        if _stance_prefixed(parse, match.start):
            continue  # "pro-European protesters" are no Europeans, "anti-Russian" no Russians
        if _written_as_name(parse, sent, match, role_tokens):
            kept.append(match)
        elif match.end - match.start > 1:
            start = match.start + 1
            inner_words = words[start - sent.start : match.end - sent.start]
            inner = dictionary.names.find(inner_words, offset=start)
            kept.extend(_names_as_written(parse, sent, inner, role_tokens, dictionary, words))
    return kept


def _stance_prefixed(parse: Parse, start: int) -> bool:
    """Whether a name follows "pro-" or "anti-": a stance toward the actor, not the actor."""
    return (
        start >= 2
        and parse.text[start - 1] == "-"
        and parse.lower[start - 2] in STANCE_PREFIXES
        and parse.idx[start - 2] + len(parse.text[start - 2]) == parse.idx[start - 1]
    )


def _written_as_name(parse: Parse, sent: Span, match: Match, role_tokens: set[int]) -> bool:
    """A place name counts only as a proper noun of its own, written with a capital: "Split"
    the city, not "a split" (a rejected place gives way to the names inside it); not "Kais" in "Kais Saied" (a name next to another name, unless
    that is a title or a place word: "Istanbul Mayor", "Kharkiv Oblast"). Other names count."""
    if match.value.kind != "place":
        return True
    last = match.end - 1  # "southern Lebanon": the name's own word is capitalised
    if not parse.text[last][:1].isupper() or parse.pos[last] != "PROPN":
        return False
    before = match.start - 1 if match.start > sent.start else None
    after = match.end if match.end < sent.end else None
    for word, is_before in ((before, True), (after, False)):
        if word is None or parse.pos[word] != "PROPN" or word in role_tokens:
            continue
        if is_before or parse.lower[word] not in PLACE_WORDS:
            return False
    return True


def _in_locative(parse: Parse, token: int) -> bool:
    """Whether the word is in the object of "in", "across", "at"... ("in northern Rakhine")."""
    dep, lower, head = parse.dep, parse.lower, parse.head
    while dep[token] in ("compound", "amod", "flat", "nmod") and head[token] != token:
        token = head[token]
    if dep[token] != "pobj" or lower[head[token]] not in LOCATIVE_PREPS:
        return False
    # not where something else happened: "after a Koran burning *in Stockholm*"
    return not any(
        dep[a] == "prep" and lower[a] in BACKGROUND_PREPS for a in parse.ancestors(head[token])
    )


def _owned_by_pronoun(parse: Parse, head: int) -> bool:
    return any(parse.dep[c] == "poss" and parse.pos[c] == "PRON" for c in parse.children[head])


def counted_noun(parse: Parse, head: int) -> int:
    """The noun a quantity word counts ("dozens of protesters" → "protesters"), else `head`."""
    if parse.lower[head] not in QUANTITY_NOUNS and parse.lemma[head] not in QUANTITY_NOUNS:
        return head
    for prep in parse.children[head]:
        if parse.dep[prep] == "prep" and parse.lower[prep] == "of":
            for pobj in parse.children[prep]:
                if parse.dep[pobj] == "pobj":
                    return pobj
    return head


def _locative_tokens(parse: Parse, head: int) -> set[int]:
    keep: set[int] = set()
    for child in parse.children[head]:
        if parse.dep[child] == "prep" and parse.lower[child] in LOCATIVE_PREPS:
            keep.update(parse.subtree(child))
    return keep


def _with_nationality(name: Match, names: list[Match]) -> Match:
    """A generic international actor with its country when the phrase gives one: "French aid
    workers" → `NGOFRA` (CAMEO writes the country after the generic code)."""
    entry = name.value
    if entry.kind != "organization" or len(entry.code) != 3 or entry.country:
        return name
    country = next((m.value for m in names if m.value.kind == "country"), None)
    if country is None:
        return name
    code = entry.code + country.code
    label = f"{entry.label} + {country.label}"
    return Match(name.start, name.end, replace(entry, code=code, label=label))


def _compose(
    name: ActorEntry, role: RoleEntry | None, text: str, former: bool, confidence: float
) -> Actor:
    """The actor a name and a role word make: a person or organisation keeps its own code."""
    if name.kind in ("organization", "person") or (role is None and not former):
        return Actor(name.code, text, name.country, name.role, name.label, confidence)
    country = name.country or name.code
    code_role = FORMER if former else role.role if role else None
    label = f"{name.label} + {role.label}" if role else name.label
    return Actor(country + (code_role or ""), text, name.country, code_role, label, confidence)


def _titles(parse: Parse, role: Match, head: int) -> bool:
    """Whether a role phrase stands just before a name as its title: "opposition leader
    *Rached Ghannouchi*", "activist *Alaa Abd el-Fattah*". Not a government title: "President
    *X*" of no known country is as likely foreign as not."""
    pos = parse.pos
    if pos[head] != "PROPN" or role.end > head or role.value.role.startswith("GOV"):
        return False
    return all(pos[i] == "PROPN" for i in range(role.end, head + 1))


def _within(matches: list[Match], tokens: set[int]) -> list[Match]:
    return [m for m in matches if tokens.issuperset(range(m.start, m.end))]


def _nearest(matches: list[Match], head: int) -> Match | None:
    """The match containing the head, else the closest one before it, else the first after it."""
    best: Match | None = None
    for match in matches:
        if match.start <= head < match.end:
            return match
        if match.end <= head and (best is None or best.end > head or match.end > best.end):
            best = match
        elif best is None:
            best = match
    return best


def _text(parse: Parse, head: int, tokens: set[int]) -> str:
    if len(tokens) == 1:
        return parse.text[head]  # a one-word phrase: no determiner or punctuation to trim
    start, end = min(tokens), max(tokens) + 1
    space, dep = parse.is_space, parse.dep
    while start < end - 1 and (space[start] or dep[start] in ("det", "punct")):
        start += 1
    while end - 1 > start and (space[end - 1] or dep[end - 1] == "punct"):
        end -= 1
    return parse.text_of(start, end).strip()
