"""A parsed document as plain lists indexed by token, read from spaCy once per document.

The coder asks the same few things of each word many times over: its dependency label, head,
children, lower-case form and lemma. spaCy answers each by building a new Token object
(`doc[i]`, `token.head`, every step of `token.children`), several times the cost of reading a
list; the coder walks these lists instead and asks spaCy only for what it reports (a word's
text and offset).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LEMMA, LOWER, ORTH, POS, TAG
from spacy.tokens import Doc, Span, Token

PARSE_KEY = "dyad.parse"  # Doc.user_data key of the document's Parse
TEXT_KEY = "dyad.text"  # Doc.user_data key of the document's text


@dataclass(frozen=True, slots=True)
class Parse:
    """Every token's attributes by index (`parse.dep[i]` is `doc[i].dep_`)."""

    doc: Doc
    text: list[str]  # as written
    lower: list[str]
    lemma: list[str]  # lower case
    tagged_lemma: list[str]  # as the lemmatizer wrote it ("Russian")
    pos: list[str]
    tag: list[str]
    dep: list[str]
    head: list[int]  # a root is its own head
    children: list[tuple[int, ...]]  # in text order, as `token.children`
    idx: list[int]  # character offset in the document
    is_space: list[bool]

    def token(self, i: int) -> Token:
        """The spaCy token `i`, for what only it knows (punctuation, entity type, sentence)."""
        return self.doc[i]

    def text_of(self, start: int, end: int) -> str:
        """The document's text from token `start` to `end` (exclusive), as `span_text` gives
        it for `doc[start:end]`."""
        last = end - 1
        return doc_text(self.doc)[self.idx[start] : self.idx[last] + len(self.text[last])]

    def conjuncts(self, i: int) -> list[int]:
        """The words coordinated with `i` ("France and *Germany*"), as `token.conjuncts`: from
        the first conjunct, every "conj" to its right, breadth first; `i` itself left out."""
        start = i
        while self.dep[start] == "conj" and self.head[start] != start:
            start = self.head[start]
        found = [start]
        for word in found:  # grows as conjuncts are found
            for child in self.children[word]:
                if child > word and self.dep[child] == "conj":
                    found.append(child)
        return [word for word in found if word != i]

    def subtree(self, i: int) -> list[int]:
        """`i` and every word below it (in no particular order)."""
        found = [i]
        for word in found:
            found.extend(self.children[word])
        return found

    def ancestors(self, i: int) -> list[int]:
        """The words above `i`, nearest first."""
        found = []
        while self.head[i] != i:
            i = self.head[i]
            found.append(i)
        return found


def parse_of(doc: Doc) -> Parse:
    """The document's Parse, read once and kept in `doc.user_data`."""
    cached = doc.user_data.get(PARSE_KEY)
    if cached is None:
        cached = doc.user_data[PARSE_KEY] = _read(doc)
    return cached


def _read(doc: Doc) -> Parse:
    strings = doc.vocab.strings
    columns = doc.to_array([ORTH, LOWER, LEMMA, POS, TAG, DEP, HEAD, IDX, IS_SPACE]).T.tolist()
    text, lower, lemma, pos, tag, dep = ([strings[x] for x in column] for column in columns[:6])
    # HEAD is the offset to the head, read as an unsigned integer: wrap it back to a signed one
    head = [
        i + (offset if offset < 2**63 else offset - 2**64) for i, offset in enumerate(columns[6])
    ]
    children: list[list[int]] = [[] for _ in head]
    for i, h in enumerate(head):
        if h != i:
            children[h].append(i)
    return Parse(
        doc,
        text,
        lower,
        [word.lower() for word in lemma],
        lemma,
        pos,
        tag,
        dep,
        head,
        [tuple(kids) for kids in children],
        columns[7],
        list(map(bool, columns[8])),
    )


def span_text(span: Span) -> str:
    """A span's text, sliced from the document's text read once per document (`Span.text` and
    `Doc.text` build a Token object per word on every call)."""
    return doc_text(span.doc)[span.start_char : span.end_char]


def keep_text(doc: Doc, text: str) -> None:
    """Keep the text `doc` was parsed from as its text: spaCy's tokenizer loses no character,
    so it is what `Doc.text` would rebuild word by word."""
    doc.user_data[TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """The document's text, read once and kept in `doc.user_data`."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return str(text)
