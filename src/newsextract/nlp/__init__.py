"""The spaCy side: ``pipeline`` (the model plus ``components``), Doc helpers, chunking, lemmas."""
