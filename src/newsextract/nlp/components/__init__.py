"""spaCy pipeline components, one per module, each a ``newsextract_*`` factory."""
