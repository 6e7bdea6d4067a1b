"""The CAMEO coding engine: parse → actors → verbs → events. Plain Python and spaCy; no Prefect."""

CODER_VERSION = "0.1.0"
