"""Ingest: read news documents from files, normalise them, reject bad input with a reason."""
