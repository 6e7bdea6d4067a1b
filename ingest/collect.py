"""Collect the documents of a run from its input paths, with every rejection accounted for."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coder.records import Document
from ingest.normalize import Limits
from ingest.readers import Rejection, discover, read_file

logger = logging.getLogger(__name__)


@dataclass(slots=True)
class IngestResult:
    """What ingest found: documents to code, rejections, and files it did not read."""

    documents: list[Document] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    files: int = 0
    skipped_files: list[Path] = field(default_factory=list)
    duplicates: int = 0  # the same document (same id and text) given more than once


def collect(paths: Iterable[Path], limits: Limits) -> IngestResult:
    """Read every input file; the same id with different text is rejected as `duplicate_id`."""
    files, skipped = discover(paths)
    result = IngestResult(files=len(files), skipped_files=skipped)
    seen: dict[str, Document] = {}
    for path in files:
        for item in read_file(path, limits):
            if isinstance(item, Rejection):
                result.rejections.append(item)
            elif item.doc_id not in seen:
                seen[item.doc_id] = item
                result.documents.append(item)
            elif seen[item.doc_id].text == item.text:
                result.duplicates += 1
            else:
                result.rejections.append(_duplicate_id(item, path))
    logger.info(
        "Ingested %d documents from %d files; %d rejected, %d duplicates, %d files skipped",
        len(result.documents),
        len(files),
        len(result.rejections),
        result.duplicates,
        len(skipped),
    )
    return result


def _duplicate_id(document: Document, path: Path) -> Rejection:
    return Rejection(
        origin=str(path),
        check_name="duplicate_id",
        message=f"Another document in this run already has id {document.doc_id!r} "
        "with different text. Give each document its own id.",
        payload=document.text[:2_000],
        doc_id=document.doc_id,
    )
