"""A pipeline saved with ``nlp.to_disk`` carries everything its components read.

``newsextract.load()`` gives each component its word lists, tables, patterns and
gazetteer from ``models/`` (``initialize``); ``to_disk`` writes them with the
component. Here the saved pipeline is loaded with plain ``spacy.load`` in another
process in which every read of ``models/`` fails (the data folder is an empty
one), and runs over the seed articles. The extractors that turn a Doc into a
record (``process.build_article``) still read ``models/`` (roles, geo context, date
values ...): the folder is given back only after the pipeline has run, and the
records must be byte for byte the ones newsextract makes itself.
"""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from support import ROOT, SEEDS

CHUNK = 1500  # a small chunk size: the long-article path (chunking) is taken too

SCRIPT = r"""
import json, sys
from pathlib import Path

import spacy

from newsextract import process
from newsextract.lexicon import resources
from newsextract.nlp.chunking import process_long
from newsextract.io.inputs import iter_inputs

saved, seeds, empty, chunk = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
items = list(iter_inputs([seeds]))
assert all(process._prepare(item) is None for item in items)
package_data = resources.models_dir
resources.models_dir = lambda: Path(empty)  # every lexicon read now fails: FileNotFoundError
try:
    from newsextract import lexicon
    lexicon.words("first_names.txt")
except FileNotFoundError:
    pass
else:
    raise SystemExit("models/ is still readable")
nlp = spacy.load(saved)
docs = [nlp(item.text) for item in items]
long_docs = [process_long(nlp, item.text, limit=chunk) for item in items]
resources.models_dir = package_data  # the extractors after the pipeline read the package's data
records = [process.build_article(item, doc).to_dict() for item, doc in zip(items, docs)]
records += [process.build_article(item, doc).to_dict() for item, doc in zip(items, long_docs)]
print(json.dumps({"pipes": nlp.pipe_names, "records": records}))
"""


@pytest.fixture(scope="module")
def saved(nlp, tmp_path_factory):
    path = tmp_path_factory.mktemp("saved") / "pipeline"
    nlp.to_disk(path)
    return path


def _own_records(nlp) -> list[dict]:
    from newsextract import process
    from newsextract.nlp.chunking import process_long
    from newsextract.io.inputs import iter_inputs

    items = list(iter_inputs([str(SEEDS)]))
    for item in items:
        assert process._prepare(item) is None
    whole = [process.build_article(item, doc).to_dict() for item, doc in zip(items, nlp.pipe(i.text for i in items))]
    return whole + [process.build_article(item, process_long(nlp, item.text, limit=CHUNK)).to_dict() for item in items]


def test_a_saved_pipeline_runs_without_models_and_gives_the_same_records(nlp, saved, tmp_path, seed_records):
    empty = tmp_path / "no-models"
    empty.mkdir()
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(saved), str(SEEDS), str(empty), str(CHUNK)],
                          capture_output=True, text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout)
    assert out["pipes"] == nlp.pipe_names
    own = _own_records(nlp)
    assert own[:len(seed_records)] == seed_records  # newsextract's own records, as extract_many makes them
    assert any(r["people"] and r["places"] and r["dates"] for r in own)  # the seeds exercise the components
    assert out["records"] == own


def test_each_component_keeps_its_data_with_it(nlp, saved):
    """Every newsextract component that reads word lists has them in its folder;
    the components that look places up refer to the pipeline's one gazetteer."""
    from newsextract.nlp.pipeline import COMPONENTS

    users = [name for name, _ in COMPONENTS if nlp.get_pipe(name).uses_geo]
    assert len(users) > 1  # else there would be nothing to share
    for name, _ in COMPONENTS:
        folder = saved / name
        assert (folder / "data.json").is_file(), name
        assert (folder / "geo.json").is_file() == (name in users), name
        assert not (folder / "geo").exists(), name
    copies = list(saved.rglob("gazetteer.tsv"))
    assert len(copies) == 1, copies  # saved once, as spaCy saves the vocab once
    for name in users:
        folder = json.loads((saved / name / "geo.json").read_text())["folder"]
        assert (saved / name / folder).resolve() == copies[0].parent.resolve(), name


def test_a_saved_pipeline_reads_its_gazetteer_once(nlp, saved):
    import spacy

    again = spacy.load(saved)
    gazetteers = {id(again.get_pipe(name).geo) for name in again.pipe_names
                  if getattr(again.get_pipe(name), "uses_geo", False)}
    assert len(gazetteers) == 1
    assert again.get_pipe("newsextract_places_gazetteer").geo.lookup("Paris").country == "FR"


def test_saving_a_pipeline_again_in_the_same_folder_keeps_one_gazetteer(nlp, tmp_path):
    nlp.to_disk(tmp_path / "p")
    nlp.to_disk(tmp_path / "p")
    assert len(list((tmp_path / "p").rglob("gazetteer.tsv"))) == 1


def test_a_component_saved_on_its_own_keeps_its_own_gazetteer(nlp, tmp_path):
    """Outside a pipeline's folder there is no shared copy to refer to."""
    component = nlp.get_pipe("newsextract_person_names")
    component.to_disk(tmp_path / "alone")
    assert (tmp_path / "alone" / "geo" / "gazetteer.tsv").is_file()
    assert not (tmp_path / "newsextract_geo").exists()
    import spacy

    again = spacy.blank("en").add_pipe("newsextract_person_names")
    again.from_disk(tmp_path / "alone")
    from newsextract.nlp.components.carried import _plain

    assert _plain(again.data) == _plain(component.data)
    assert again.geo.lookup("Paris") == component.geo.lookup("Paris")


def test_the_settings_are_in_the_saved_config(nlp, saved):
    """A component's settings are its factory's config: saved, and read back by spacy.load."""
    import spacy

    config = spacy.util.load_config(saved / "config.cfg")
    assert config["components"]["newsextract_person_names"]["max_age"] == 120
    assert config["components"]["newsextract_entity_rules"]["pattern_seconds"] == 10.0
    assert config["nlp"]["after_pipeline_creation"] == {"@callbacks": "newsextract.defer_lemmas.v1"}


def test_a_component_without_its_data_says_so():
    import spacy

    from newsextract.nlp.pipeline import register_components

    register_components()
    blank = spacy.blank("en")
    blank.add_pipe("newsextract_place_metonymy")
    with pytest.raises(ValueError, match="initialize"):
        blank("Leeds 2 Chelsea 1")


def test_newsextract_load_takes_a_saved_pipeline(nlp, saved):
    """``--model PATH`` with a saved newsextract pipeline: used as it is, not given its components twice."""
    from newsextract.nlp.pipeline import load

    again = load(str(saved))
    assert again.pipe_names == nlp.pipe_names
    text = "Prime Minister Mark Carney met Tim Henman in Paris on Monday."
    assert [(e.text, e.label_) for e in again(text).ents] == [(e.text, e.label_) for e in nlp(text).ents]


def test_a_pipeline_in_bytes_is_the_same_pipeline(nlp):
    """``nlp.to_bytes()`` carries the components' data too (a pipeline rebuilt from its config)."""
    import spacy

    again = spacy.util.load_model_from_config(nlp.config).from_bytes(nlp.to_bytes())
    text = "Prime Minister Mark Carney met Tim Henman in Paris on Monday. \"We will,\" he said."
    theirs, ours = again(text), nlp(text)
    assert [(e.text, e.label_) for e in theirs.ents] == [(e.text, e.label_) for e in ours.ents]
    assert {k: [(s.start, s.end, s.label_) for s in v] for k, v in theirs.spans.items()} \
        == {k: [(s.start, s.end, s.label_) for s in v] for k, v in ours.spans.items()}
