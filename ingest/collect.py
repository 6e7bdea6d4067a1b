"""Collect the documents of a run from its input paths, with every rejection accounted for.

An input is a file, a folder (read recursively), or a sources file (`.toml`, see
`ingest.sources`). Every document passes the same gates in order: its id is new (or it repeats an
earlier document exactly), its language is one dyad codes, and it is not a near-duplicate copy
of an earlier document.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from coder.records import Document
from ingest.dedup import Copy, NearDuplicates
from ingest.feeds import FEED_SUFFIXES, read_feed_file, read_feed_url
from ingest.fetch import Fetcher
from ingest.html import read_html
from ingest.language import LanguageGate
from ingest.normalize import Limits
from ingest.readers import Rejection, discover, read_csv, read_jsonl, read_txt
from ingest.sources import Source, load_sources

logger = logging.getLogger(__name__)

SOURCES_SUFFIX = ".toml"


@dataclass(slots=True)
class IngestResult:
    """What ingest found: documents to code, rejections, and files it did not read."""

    documents: list[Document] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    files: int = 0
    skipped_files: list[Path] = field(default_factory=list)
    duplicates: int = 0  # the same document (same id and text) given more than once
    copies: list[Copy] = field(default_factory=list)  # near-duplicates, also in rejections


def collect(paths: Iterable[Path], limits: Limits) -> IngestResult:
    """Read every input; rejections carry their check (`duplicate_id`, `not_english`, ...)."""
    gates = _Gates(IngestResult(), LanguageGate(), NearDuplicates())
    for path in paths:
        if path.suffix.lower() == SOURCES_SUFFIX and path.is_file():
            _collect_sources(path, limits, gates)
        else:
            _collect_files([path], limits, gates, None, None)
    result = gates.result
    logger.info(
        "Ingested %d documents from %d files; %d rejected, %d duplicates, %d near-duplicate "
        "copies, %d files skipped",
        len(result.documents),
        result.files,
        len(result.rejections),
        result.duplicates,
        len(result.copies),
        len(result.skipped_files),
    )
    return result


def drop_copies_of_stored(result: IngestResult, stored: Iterable[Document]) -> int:
    """Move this run's documents that copy a document already in the warehouse (a wire story a
    later run brings again from another outlet) to near-duplicate rejections; how many moved.

    `stored` are the warehouse's documents from around this run's publication dates. A stored
    document given again under its own id is no copy: the pipeline skips it as already coded.
    """
    near = NearDuplicates()
    stored_ids = set()
    for document in stored:
        near.copy_of(document)  # indexed as canonical (or a copy of an earlier stored one)
        stored_ids.add(document.doc_id)
    kept, moved = [], 0
    for document in result.documents:
        copy = None if document.doc_id in stored_ids else near.copy_of(document, index=False)
        if copy is None:
            kept.append(document)
            continue
        result.copies.append(copy)
        result.rejections.append(_near_duplicate(copy))
        moved += 1
    result.documents = kept
    return moved


def read_path(
    path: Path, limits: Limits, fetcher: Fetcher | None = None, outlet: str | None = None
) -> Iterator[Document | Rejection]:
    """Documents (or rejections) from one input file, read by its suffix."""
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        yield from read_jsonl(path, limits)
    elif suffix == ".csv":
        yield from read_csv(path, limits)
    elif suffix in (".html", ".htm"):
        yield read_html(path, limits)
    elif suffix in FEED_SUFFIXES:
        yield from read_feed_file(path, limits, fetcher, outlet)
    else:
        yield read_txt(path, limits)


def _collect_sources(path: Path, limits: Limits, gates: _Gates) -> None:
    config = load_sources(path)
    with Fetcher(config.fetch.policy()) as fetcher:
        for source in config.sources:
            _collect_source(source, limits, gates, fetcher)


def _collect_source(source: Source, limits: Limits, gates: _Gates, fetcher: Fetcher) -> None:
    pages = fetcher if source.fetch_pages else None
    if source.is_url:
        gates.result.files += 1
        items = read_feed_url(source.target, limits, fetcher, source.outlet, source.fetch_pages)
        gates.accept_all(items, source.outlet)
    else:
        _collect_files([Path(source.target)], limits, gates, pages, source.outlet)


def _collect_files(
    paths: list[Path], limits: Limits, gates: _Gates, fetcher: Fetcher | None, outlet: str | None
) -> None:
    files, skipped = discover(paths)
    gates.result.files += len(files)
    gates.result.skipped_files.extend(skipped)
    for path in files:
        gates.accept_all(read_path(path, limits, fetcher, outlet), outlet)


@dataclass(slots=True)
class _Gates:
    """The checks every document passes before it is coded, in order."""

    result: IngestResult
    language: LanguageGate
    near: NearDuplicates
    seen: dict[str, Document] = field(default_factory=dict)

    def accept_all(self, items: Iterable[Document | Rejection], outlet: str | None) -> None:
        for item in items:
            if isinstance(item, Rejection):
                self.result.rejections.append(item)
            else:
                self.accept(dataclasses.replace(item, outlet=item.outlet or outlet))

    def accept(self, document: Document) -> None:
        known = self.seen.get(document.doc_id)
        if known is not None:
            if known.text == document.text:
                self.result.duplicates += 1
            else:
                self.result.rejections.append(_duplicate_id(document))
            return
        self.seen[document.doc_id] = document
        rejection = self.language.check(document)
        if rejection is None:
            copy = self.near.copy_of(document)
            rejection = _near_duplicate(copy) if copy else None
            if copy:
                self.result.copies.append(copy)
        if rejection is None:
            self.result.documents.append(document)
        else:
            self.result.rejections.append(rejection)


def _duplicate_id(document: Document) -> Rejection:
    return Rejection.for_document(
        document,
        "duplicate_id",
        f"Another document in this run already has id {document.doc_id!r} "
        "with different text. Give each document its own id.",
    )


def _near_duplicate(copy: Copy) -> Rejection:
    document = copy.document
    return Rejection.for_document(
        document,
        "near_duplicate",
        f"A copy of document {copy.canonical_id!r} (similarity {copy.similarity:.2f}), "
        f"published by {document.outlet or 'an unnamed outlet'} at {document.url or 'no URL'}; "
        "coded once, as that document.",
        copy={
            "doc_id": document.doc_id,
            "canonical_doc_id": copy.canonical_id,
            "pub_date": document.pub_date,
            "outlet": document.outlet,
            "url": document.url,
            "similarity": copy.similarity,
            "origin": document.origin,
        },
    )
