"""The coder: parse documents with spaCy and code every sentence's events."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from coder import CODER_VERSION
from coder.actors import Antecedents
from coder.codebook import load_codebook
from coder.dateline import blank_datelines, dateline_city
from coder.dictionaries import load_actors
from coder.events import CodingContext, code_sentence
from coder.instruments import load_instruments
from coder.lexicon import load_lexicon
from coder.parse import keep_text
from coder.records import CodedDocument, Document, Event
from coder.stances import load_stances
from dyad.errors import ModelNotFoundError

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class CodingResult:
    """Rows for the documents and events tables from coding a batch of documents."""

    documents: list[dict[str, object]] = field(default_factory=list)
    events: list[dict[str, object]] = field(default_factory=list)
    sentences: int = 0


# The coder reads the parse, tags and lemmas; named entities are not used.
UNUSED_COMPONENTS = ("ner",)


# Month abbreviations news style never uses (AP writes March to July in full). As tokenizer
# special cases they glue a sentence-final period to names: "... Dong Jun. Chinese troops ...".
UNUSED_ABBREVIATIONS = ("Mar.", "Apr.", "Jun.", "Jul.")


def load_model(name: str) -> Language:
    """The installed spaCy pipeline `name`, without the components the coder does not use."""
    try:
        nlp = spacy.load(name, exclude=list(UNUSED_COMPONENTS))
    except OSError as exc:
        raise ModelNotFoundError(name) from exc
    tokenizer: Tokenizer = nlp.tokenizer
    rules = dict(tokenizer.rules or {})
    for abbreviation in UNUSED_ABBREVIATIONS:
        rules.pop(abbreviation, None)
    tokenizer.rules = rules
    return nlp


def phrase_tokenizer(nlp: Language) -> Callable[[str], list[str]]:
    """Split a dictionary phrase into lower-case words exactly as the model's tokenizer would.

    Plain words (letters and spaces, none a tokenizer special case) are split directly: the
    tokenizer leaves them whole, and the tens of thousands of place names load in a blink.
    """
    tokenizer: Tokenizer = nlp.tokenizer
    specials = frozenset(tokenizer.rules or ())

    def tokenize(text: str) -> list[str]:
        words = text.split()
        if all(word.isalpha() and word not in specials for word in words):
            return [word.lower() for word in words]
        return [token.lower_ for token in tokenizer(text)]

    return tokenize


class Coder:
    """Codes documents into CAMEO events. Build it once; it holds the model and dictionaries."""

    def __init__(self, nlp: Language, context: CodingContext, max_sentence_chars: int) -> None:
        self.nlp = nlp
        self.context = context
        self.max_sentence_chars = max_sentence_chars

    @classmethod
    def load(
        cls,
        seeds_dir: Path,
        model: str,
        *,
        max_sentence_chars: int = 2_000,
        user_seeds_dir: Path | None = None,
    ) -> Coder:
        """Load the spaCy pipeline and the dictionaries in `seeds_dir`, then the user's own
        dictionaries in `user_seeds_dir` (same layout; each file optional)."""
        nlp = load_model(model)
        codebook = load_codebook(seeds_dir)
        user_actors = user_seeds_dir / "actors" if user_seeds_dir else None
        user_lexicon = user_seeds_dir / "lexicon" / "verbs.csv" if user_seeds_dir else None
        context = CodingContext(
            actors=load_actors(seeds_dir / "actors", phrase_tokenizer(nlp), user_actors),
            lexicon=load_lexicon(seeds_dir / "lexicon" / "verbs.csv", codebook, user_lexicon),
            codebook=codebook,
            stances=load_stances(seeds_dir / "cameo" / "stances.csv", codebook),
            instruments=load_instruments(seeds_dir / "cameo" / "instruments.csv", codebook),
            coder_version=CODER_VERSION,
        )
        # The model and dictionaries live as long as the process: moving them out of the
        # garbage collector's generations spares every collection a scan of 300,000 phrases.
        gc.freeze()
        return cls(nlp, context, max_sentence_chars)

    def code(self, documents: Iterable[Document], batch_size: int = 64) -> Iterator[CodedDocument]:
        """Parse and code documents, in order, streaming in batches."""
        texts = ((blank_datelines(document.text), document) for document in documents)
        pairs = ((text, (text, document)) for text, document in texts)
        for doc, (text, document) in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            keep_text(doc, text)
            yield self._code_parsed(doc, document)

    def _code_parsed(self, doc: Doc, document: Document) -> CodedDocument:
        """Code a parsed document sentence by sentence; a pronoun subject refers back to the
        previous sentence (see `Antecedents`)."""
        events: list[Event] = []
        previous = Antecedents()
        home = self.home_country(document.text)
        n_sentences = 0
        for index, sent in enumerate(doc.sents):
            n_sentences += 1
            found: list[Event] = []
            if sent.end_char - sent.start_char <= self.max_sentence_chars:
                found = code_sentence(sent, index, document, self.context, previous, home=home)
            events.extend(found)
            previous = Antecedents.of(sent, found)
        return CodedDocument(document, n_sentences, tuple(events))

    def home_country(self, text: str) -> str | None:
        """The country of the document's dateline city ("TBILISI, March 18 - " → GEO)."""
        city = dateline_city(text)
        if city is None:
            return None
        words = [token.lower_ for token in self.nlp.tokenizer(city)]
        entry = self.context.actors.names.get(words) or self.context.actors.abbreviations.get(
            [city]
        )
        return entry.country if entry is not None else None

    def code_rows(self, documents: Iterable[Document], batch_size: int = 64) -> CodingResult:
        """Code documents into table rows, logging counts at the end."""
        result = CodingResult()
        for coded in self.code(documents, batch_size=batch_size):
            result.documents.append(coded.to_record())
            result.events.extend(event.to_record() for event in coded.events)
            result.sentences += coded.n_sentences
        logger.info(
            "Coded %d documents, %d sentences, %d events",
            len(result.documents),
            result.sentences,
            len(result.events),
        )
        return result

    def code_text(self, text: str, pub_date: date) -> CodedDocument:
        """Code one text published on `pub_date` (for explanations and tests)."""
        return next(self.code([Document(doc_id="text", text=text, pub_date=pub_date)]))
