"""Language identification with py3langid (its model ships inside the package; nothing fetched)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from coder.records import Document
from ingest.readers import Rejection

CODED_LANGUAGES = frozenset({"en"})  # languages dyad has a coder for
LETTER = re.compile(r"[^\W\d_]")
SAMPLE_CHARS = 1_500  # enough text to identify the language of a long article


@dataclass(frozen=True, slots=True)
class LanguagePolicy:
    """Quarantine only when the detector is sure: a long enough text and a confident guess."""

    min_chars: int = 60
    min_confidence: float = 0.9


class LanguageGate:
    """Detects each document's language; rejects documents sure to be in a language not coded."""

    def __init__(self, policy: LanguagePolicy | None = None) -> None:
        self.policy = policy or LanguagePolicy()

    @cached_property
    def _identifier(self) -> LanguageIdentifier:
        return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def detect(self, text: str) -> tuple[str, float]:
        """The most probable ISO 639-1 language of the text and its probability."""
        language, probability = self._identifier.classify(text[:SAMPLE_CHARS])
        return str(language), float(probability)

    def check(self, document: Document) -> Rejection | None:
        """A `not_english` rejection when the document is surely in another language, else None."""
        if len(LETTER.findall(document.text[:SAMPLE_CHARS])) < self.policy.min_chars:
            return None
        language, probability = self.detect(document.text)
        if language in CODED_LANGUAGES or probability < self.policy.min_confidence:
            return None
        return Rejection.for_document(
            document,
            "not_english",
            f"The document is in language {language!r} (probability {probability:.2f}); "
            "dyad codes English only, so it is kept here until a coder for it exists.",
        )
