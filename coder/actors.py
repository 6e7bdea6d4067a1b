"""Find actors in a parsed sentence and give each its CAMEO code.

A noun phrase is coded from the dictionary entries inside it: a country, region, city,
organisation or person, plus a role word or office title ("Russian forces" → RUS + MIL =
`RUSMIL`). People are coded by the office they held on the event's date.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from functools import cached_property

from spacy.attrs import LEMMA, LOWER, ORTH, POS
from spacy.symbols import PROPN, VERB
from spacy.tokens import Doc, Span, Token

from coder.dictionaries import FORMER, ActorDictionary, ActorEntry, RoleEntry
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
WORDS_KEY = "dyad.words"  # Doc.user_data key of the words cache
TEXT_KEY = "dyad.text"  # Doc.user_data key of the document's text
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
        all_words, all_lemmas, _, all_texts = doc_words(sent.doc)
        words = all_words[sent.start : sent.end]
        lemmas = all_lemmas[sent.start : sent.end]
        texts = all_texts[sent.start : sent.end]
        offset = sent.start
        self._doc = sent.doc
        self._day = day
        self._previous = previous.sources
        self._previous_sent = previous.sentence  # its subject, if it coded nothing: looked up late
        self.previous_targets = previous.targets
        self._dictionary = dictionary
        self._has_pronoun = not PRONOUNS.isdisjoint(words)
        self.home = home  # the country of the document's dateline, if any
        self._cache: dict[tuple[int, int], list[Actor]] = {}  # phrases resolved once per verb
        names = _merge(dictionary.names.find(words), dictionary.abbreviations.find(texts))
        self._roles = _by_token(dictionary.roles.find(words, lemmas), offset)
        role_tokens = {i for m in self._roles for i in range(m.start, m.end)}
        self._names = _names_as_written(
            sent, _by_token(names, offset), role_tokens, dictionary, words
        )

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

    def actors_at(self, head: Token, verb: Token | None = None) -> list[Actor]:
        """The actors a noun phrase codes to: one per conjunct ("France and Germany") and per
        coordinated modifier ("Chinese and Belarusian troops").

        A role-only phrase ("protesters") takes its country from a place named on the phrase or
        on `verb` ("arrested protesters in Tbilisi").
        """
        key = (head.i, verb.i if verb is not None else -1)
        cached = self._cache.get(key)
        if cached is None:
            cached = self._cache[key] = self._actors_at(head, verb)
        return cached

    def _actors_at(self, head: Token, verb: Token | None) -> list[Actor]:
        if head.lower_ in PRONOUNS and head.pos_ == "PRON":
            return self._antecedents(head)
        actors: list[Actor] = []
        for token in (head, *(c for c in head.conjuncts if c.i > head.i)):
            for actor in self.phrase_actors(token, verb):
                if all(actor.code != seen.code for seen in actors):
                    actors.append(actor)
        return actors

    def phrase_actors(self, head: Token, verb: Token | None = None) -> list[Actor]:
        """The actors of the noun phrase headed by `head`: usually one, none if it names none."""
        head = counted_noun(head)
        tokens = phrase_tokens(head)
        names = self._dated(_within(self._names, tokens))
        name = _nearest(names, head.i)
        role = _nearest(_within(self._roles, tokens), head.i)
        confidence = 1.0
        heads_role = role is not None and (  # "the police", "opposition leader Rached X"
            role.start <= head.i < role.end or _titles(role, head)
        )
        for holder in (head, verb):  # "military cooperation" is no actor: its head is no role
            if name is None and heads_role and holder is not None:
                name = _nearest(self._dated(_within(self._names, _locative_tokens(holder))), head.i)
                confidence = INFERRED_COUNTRY
        if name is None and heads_role and _owned_by_pronoun(head):
            return []  # "their troops", "its forces": the subject itself, not another actor
        if name is None and heads_role and role is not None:  # "the police": place it later
            role_entry = role.value
            return [
                Actor(
                    role_entry.role,
                    _text(head, tokens),
                    None,
                    role_entry.role,
                    role_entry.label,
                    1.0,
                    placed=False,
                )
            ]
        if name is None:
            return []
        text = _text(head, tokens)
        name = _with_nationality(name, names)
        former = any(self._doc[i].lower_ in FORMER_WORDS for i in tokens)
        found = [name, *self._coordinated(name, names, tokens)]
        role_entry = role.value if role else None
        return [_compose(m.value, role_entry, text, former, confidence) for m in found]

    @cached_property
    def place(self) -> str | None:
        """The one country the sentence names as where things happened ("in Niamey", "across
        northern Rakhine state"); None if it names none, or several."""
        countries = {
            match.value.country
            for match in self._dated(self._names)
            if match.value.country
            and match.value.kind in PLACE_KINDS
            and _in_locative(self._doc[match.end - 1])
        }
        return countries.pop() if len(countries) == 1 else None

    def _dated(self, matches: list[Match]) -> list[Match]:
        """Matches with people coded as of the event's date; people out of any office dropped."""
        dated = []
        for match in matches:
            entry = match.value.on(self._day)
            if entry is not None:
                dated.append(Match(match.start, match.end, entry))
        return dated

    def _coordinated(self, name: Match, names: list[Match], tokens: set[int]) -> list[Match]:
        """Names coordinated with `name` inside the phrase: "Belarusian" in "Chinese and
        Belarusian troops"."""
        if len(names) < 2:
            return []  # no other name to be coordinated with
        words = self._doc[name.start : name.end]
        linked = {c.i for word in words for c in word.conjuncts if c.i in tokens}
        return [m for m in names if m.start != name.start and linked & set(range(m.start, m.end))]

    def _antecedents(self, pronoun: Token) -> list[Actor]:
        """The previous sentence's actor for "it", "he", "she" (only if there was exactly one),
        or its actors for "they": the sources it coded, else its main clause's subject ("Myanmar's
        military faces its toughest challenge. *It* carried out airstrikes ...")."""
        if not self._previous and self._previous_sent is not None:
            self._previous = self._subject_of(self._previous_sent)
            self._previous_sent = None
        if not self._previous or (pronoun.lower_ != "they" and len(self._previous) != 1):
            return []
        return [
            Actor(
                a.code,
                pronoun.text,
                a.country,
                a.role,
                f"{PRONOUN_ENTRY}{a.entry}",
                RESOLVED_PRONOUN,
            )
            for a in self._previous
        ]

    def _subject_of(self, sent: Span) -> tuple[Actor, ...]:
        """The named actors of a sentence's main subject (no pronoun, place or unplaced role)."""
        subject = next((c for c in sent.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ == "PRON":
            return ()
        actors = SentenceActors(sent, self._dictionary, self._day).actors_at(subject)
        return tuple(a for a in actors if a.placed and not a.is_place)


def doc_words(doc: Doc) -> tuple[list[str], list[str], list[bool], list[str]]:
    """Every token's lower-case form, lower-case lemma, whether it is a verb, and its text as
    written, read once per document (cheaper than a spaCy Token object per word)."""
    cached = doc.user_data.get(WORDS_KEY)
    if cached is None:
        strings = doc.vocab.strings
        columns = doc.to_array([LOWER, LEMMA, POS, ORTH]).tolist()
        cached = (
            [strings[lower] for lower, _, _, _ in columns],
            [_lemma(strings[lemma].lower(), pos) for _, lemma, pos, _ in columns],
            [pos == VERB for _, _, pos, _ in columns],
            [strings[orth] for _, _, _, orth in columns],
        )
        doc.user_data[WORDS_KEY] = cached
    return cached


def _lemma(lemma: str, pos: int) -> str:
    """The lemma, singular where the tagger took a capitalised plural for a name and kept it
    whole ("Gunmen kidnapped ...", "Protesters marched ...")."""
    if pos != PROPN or len(lemma) < 4:
        return lemma
    if lemma.endswith("men"):
        return lemma[:-3] + "man"
    if lemma.endswith("ies"):
        return lemma[:-3] + "y"
    if lemma.endswith("s") and not lemma.endswith("ss"):
        return lemma[:-1]
    return lemma


def span_text(span: Span) -> str:
    """A span's text, sliced from the document's text read once per document (`Span.text` and
    `Doc.text` build a Token object per word on every call)."""
    doc = span.doc
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)[span.start_char : span.end_char]


def _merge(first: list[Match], second: list[Match]) -> list[Match]:
    """Matches of both lists, longest first where they overlap, in text order."""
    if not first or not second:
        return first or second
    kept: list[Match] = []
    for match in sorted([*first, *second], key=lambda m: (m.start, -(m.end - m.start))):
        if not kept or match.start >= kept[-1].end:
            kept.append(match)
    return kept


def phrase_tokens(head: Token) -> set[int]:
    """Indexes of the tokens in the noun phrase headed by `head`: its modifiers, and the noun
    phrase of an "of" ("the government of Belarus"), but not that noun's own places ("the
    sidelines of a forum in Singapore" names no Singaporean actor)."""
    keep = {head.i}
    for child in head.children:
        if child.dep_ in MODIFIER_DEPS:
            keep.update(token.i for token in child.subtree)
        elif child.dep_ == "punct" and child.text == "-" and child.i < head.i:
            keep.add(child.i)  # "al - Shabaab", split by the tokenizer
        elif child.dep_ == "prep" and (
            child.lower_ in OF_PREPS
            or (child.lower_ == "for" and head.lemma_.lower() in AFFILIATION_NOUNS)
        ):
            keep.add(child.i)
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    for noun in (pobj, *pobj.conjuncts):  # "of Serbia and Kosovo"
                        keep.update(phrase_tokens(noun))
        elif child.dep_ == "acl" and child.tag_ == "VBN" and child.i > head.i:
            keep.add(child.i)  # "a drone launched by the Houthis": the Houthis' drone
            _keep_objects(child, "agent", keep)
        elif child.dep_ in ("acl", "amod") and child.lemma_.lower() in ALLEGIANCE_WORDS:
            keep.add(child.i)  # "forces loyal to Dagalo", "hackers linked to Russia's GRU"
            _keep_objects(child, "prep", keep)
    return keep


def _keep_objects(word: Token, link: str, keep: set[int]) -> None:
    """Add the word's `link` dependents ("by", "to") and the noun phrases they govern."""
    for child in word.children:
        if child.dep_ == link:
            keep.add(child.i)
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    keep.update(phrase_tokens(pobj))


def _names_as_written(
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
        if _stance_prefixed(sent.doc, match.start):
            continue  # "pro-European protesters" are no Europeans, "anti-Russian" no Russians
        if _written_as_name(sent, match, role_tokens):
            kept.append(match)
        elif match.end - match.start > 1:
            start = match.start + 1
            inner = dictionary.names.find(words[start - sent.start : match.end - sent.start])
            kept.extend(
                _names_as_written(sent, _by_token(inner, start), role_tokens, dictionary, words)
            )
    return kept


def _stance_prefixed(doc: Doc, start: int) -> bool:
    """Whether a name follows "pro-" or "anti-": a stance toward the actor, not the actor."""
    return (
        start >= 2
        and doc[start - 1].text == "-"
        and doc[start - 2].lower_ in STANCE_PREFIXES
        and doc[start - 2].idx + len(doc[start - 2].text) == doc[start - 1].idx
    )


def _written_as_name(sent: Span, match: Match, role_tokens: set[int]) -> bool:
    """A place name counts only as a proper noun of its own, written with a capital: "Split"
    the city, not "a split" (a rejected place gives way to the names inside it); not "Kais" in "Kais Saied" (a name next to another name, unless
    that is a title or a place word: "Istanbul Mayor", "Kharkiv Oblast"). Other names count."""
    if match.value.kind != "place":
        return True
    doc = sent.doc
    last = doc[match.end - 1]  # "southern Lebanon": the name's own word is capitalised
    if not last.text[:1].isupper() or last.pos_ != "PROPN":
        return False
    before = doc[match.start - 1] if match.start > sent.start else None
    after = doc[match.end] if match.end < sent.end else None
    for word in (before, after):
        if word is None or word.pos_ != "PROPN" or word.i in role_tokens:
            continue
        if word is before or word.lower_ not in PLACE_WORDS:
            return False
    return True


def _in_locative(token: Token) -> bool:
    """Whether the word is in the object of "in", "across", "at"... ("in northern Rakhine")."""
    while token.dep_ in ("compound", "amod", "flat", "nmod") and token.head is not token:
        token = token.head
    if token.dep_ != "pobj" or token.head.lower_ not in LOCATIVE_PREPS:
        return False
    # not where something else happened: "after a Koran burning *in Stockholm*"
    return not any(a.dep_ == "prep" and a.lower_ in BACKGROUND_PREPS for a in token.head.ancestors)


def _owned_by_pronoun(head: Token) -> bool:
    return any(c.dep_ == "poss" and c.pos_ == "PRON" for c in head.children)


def counted_noun(head: Token) -> Token:
    """The noun a quantity word counts ("dozens of protesters" → "protesters"), else `head`."""
    if head.lower_ not in QUANTITY_NOUNS and head.lemma_.lower() not in QUANTITY_NOUNS:
        return head
    for prep in head.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return head


def _locative_tokens(head: Token) -> set[int]:
    keep: set[int] = set()
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in LOCATIVE_PREPS:
            keep.update(token.i for token in child.subtree)
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


def _by_token(matches: list[Match], offset: int) -> list[Match]:
    return [Match(m.start + offset, m.end + offset, m.value) for m in matches]


def _titles(role: Match, head: Token) -> bool:
    """Whether a role phrase stands just before a name as its title: "opposition leader
    *Rached Ghannouchi*", "activist *Alaa Abd el-Fattah*". Not a government title: "President
    *X*" of no known country is as likely foreign as not."""
    if head.pos_ != "PROPN" or role.end > head.i or role.value.role.startswith("GOV"):
        return False
    doc = head.doc
    return all(doc[i].pos_ == "PROPN" for i in range(role.end, head.i + 1))


def _within(matches: list[Match], tokens: set[int]) -> list[Match]:
    return [m for m in matches if all(i in tokens for i in range(m.start, m.end))]


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


def _text(head: Token, tokens: set[int]) -> str:
    doc = head.doc
    if len(tokens) == 1:
        return head.text  # a one-word phrase: no determiner or punctuation to trim
    start, end = min(tokens), max(tokens) + 1
    while start < end - 1 and (doc[start].is_space or doc[start].dep_ in ("det", "punct")):
        start += 1
    while end - 1 > start and (doc[end - 1].is_space or doc[end - 1].dep_ == "punct"):
        end -= 1
    return span_text(doc[start:end]).strip()
