"""The CAMEO coding engine: parse → actors → verbs → events. Plain Python and spaCy; no Prefect."""

# Raise it whenever coding changes for the same text and dictionaries: stored events carry it,
# and a rerun recodes documents coded by another version.
CODER_VERSION = "0.2.0"
