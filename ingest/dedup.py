"""Near-duplicate articles (wire copies republished by many outlets), found with MinHash LSH.

Each document's text is lower-cased and split into words; its 5-word shingles are hashed into a
MinHash of 128 permutations. An LSH index tuned for a Jaccard similarity of 0.8 proposes earlier
documents that may be copies; a document whose estimated Jaccard similarity with one of them is
at least 0.8 is a copy of the first (canonical) one. Documents shorter than 25 words are never
grouped: headlines and one-line items are too short to tell a copy from a coincidence.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from coder.records import Document

THRESHOLD = 0.8  # Jaccard similarity of the 5-word shingle sets
SHINGLE_WORDS = 5
NUM_PERM = 128
MIN_WORDS = 25
WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Copy:
    """A document that copies an earlier one (its canonical document) closely enough."""

    document: Document
    canonical_id: str
    similarity: float  # estimated Jaccard similarity; 1.0 for identical text


class NearDuplicates:
    """A streaming index of the documents seen so far in a run."""

    def __init__(self, threshold: float = THRESHOLD, num_perm: int = NUM_PERM) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        template = MinHash(num_perm=num_perm)  # its permutations are made once, not per text
        self._permutations, self._scheme = template.permutations, template.scheme
        self._signatures: dict[str, MinHash] = {}
        self._texts: dict[str, str] = {}  # SHA-256 of the normalised words → canonical id

    def copy_of(self, document: Document, *, index: bool = True) -> Copy | None:
        """The document as a Copy of an earlier one, or None (it is then indexed as canonical,
        unless `index` is off)."""
        words = WORD.findall(document.text.lower())
        if len(words) < MIN_WORDS:
            return None
        digest = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
        if digest in self._texts:
            return Copy(document, self._texts[digest], 1.0)
        signature = self._signature(words)
        match = self._closest(signature)
        if match is not None:
            return Copy(document, *match)
        if not index:
            return None
        self._texts[digest] = document.doc_id
        self._signatures[document.doc_id] = signature
        self._lsh.insert(document.doc_id, signature)
        return None

    def _signature(self, words: list[str]) -> MinHash:
        signature = MinHash(
            num_perm=self.num_perm, permutations=self._permutations, scheme=self._scheme
        )
        shingles = {
            " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
            for i in range(len(words) - SHINGLE_WORDS + 1)
        }
        signature.update_batch(list(shingles))
        return signature

    def _closest(self, signature: MinHash) -> tuple[str, float] | None:
        scored = [
            (float(signature.jaccard(self._signatures[key])), str(key))
            for key in self._lsh.query(signature)
        ]
        best = max(scored, default=None)
        if best is None or best[0] < self.threshold:
            return None
        return best[1], round(best[0], 3)
