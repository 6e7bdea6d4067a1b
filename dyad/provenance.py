"""Which dictionaries produced an event: one hash of every seed file the coder loads.

The coder reads the CAMEO codebook (`cameo/`), the actor dictionaries (`actors/`) and the verb
lexicon (`lexicon/`) from the seeds folder, and the same kinds of file from the user's seeds
folder. Their hash goes on every mention and event row, so a row says which dictionaries made it
and `dyad recode` can tell what changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

from dyad.settings import Settings

CODER_SEED_FOLDERS = ("cameo", "actors", "lexicon")
HASH_DIGITS = 16


def dictionary_hash(settings: Settings) -> str:
    """The first 16 hex digits of SHA-256 over the coder's seed files (see `seed_files`)."""
    digest = hashlib.sha256()
    for label, path in seed_files(settings.seeds_dir, settings.user_seeds_dir):
        digest.update(f"{label}\0{hashlib.sha256(path.read_bytes()).hexdigest()}\n".encode())
    return digest.hexdigest()[:HASH_DIGITS]


def seed_files(seeds_dir: Path, user_seeds_dir: Path | None) -> Iterator[tuple[str, Path]]:
    """Each CSV the coder may load, labelled `seeds:<path>` or `user:<path>`, in a fixed order.

    Files are named by their path inside their folder, so moving the checkout keeps the hash.
    """
    for label, root in (("seeds", seeds_dir), ("user", user_seeds_dir)):
        if root is None:
            continue
        for folder in CODER_SEED_FOLDERS:
            for path in sorted((root / folder).glob("*.csv")):
                yield f"{label}:{path.relative_to(root).as_posix()}", path
