"""Shared fixtures: the real pipeline is loaded once per test session."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from support import SEEDS


@pytest.fixture(scope="session")
def nlp():
    from newsextract.nlp.pipeline import shared

    return shared()


@pytest.fixture(scope="session")
def schema():
    from newsextract.lexicon.resources import schema_path

    return json.loads(schema_path().read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def validator(schema):
    import jsonschema

    return jsonschema.Draft202012Validator(schema)


@pytest.fixture(scope="session")
def seed_records(nlp):
    """The seed articles' records, as dicts, extracted once per session."""
    from newsextract.api import extract_many
    from newsextract.io.inputs import iter_inputs

    return [a.to_dict() for a in extract_many(iter_inputs([str(SEEDS)]), nlp=nlp)]


@pytest.fixture(scope="session")
def extract_text(nlp):
    """``extract_text(text, published=None)`` -> record dict, with the session pipeline."""
    from newsextract import extract

    def run(text: str, published: str | None = None, **kw):
        return extract(text, published=published, nlp=nlp, **kw).to_dict()

    return run
