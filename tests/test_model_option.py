"""--model: a pipeline that cannot be loaded is one correct ``Error:`` line and exit 2, in every mode."""
from __future__ import annotations

import importlib
import shutil
import subprocess
from pathlib import Path

import pytest

from support import newsextract_exe


def _installed_pipeline_folder() -> Path:
    from newsextract.nlp.pipeline import resolve_model

    package = Path(importlib.import_module(resolve_model()).__file__).parent
    (config,) = package.glob("*/config.cfg")
    return config.parent


@pytest.fixture
def no_pipeline(tmp_path) -> Path:
    """A folder with the model's meta.json and config.cfg, but none of its components."""
    folder = tmp_path / "model"
    folder.mkdir()
    for name in ("meta.json", "config.cfg"):
        shutil.copy(_installed_pipeline_folder() / name, folder / name)
    return folder


@pytest.fixture
def bad_meta(tmp_path) -> Path:
    folder = tmp_path / "badmeta"
    folder.mkdir()
    (folder / "meta.json").write_text("{}", encoding="utf-8")
    (folder / "config.cfg").write_text('[nlp]\nlang = "en"\npipeline = []\n', encoding="utf-8")
    return folder


def _load_error(model: str) -> str:
    from newsextract.errors import ModelNotFoundError
    from newsextract.nlp.pipeline import load

    with pytest.raises(ModelNotFoundError) as caught:
        load(model)
    message = str(caught.value)
    assert "\n" not in message
    assert "pip install en-core-web-sm" not in message  # the default pipeline is installed
    return message


def test_a_folder_without_the_pipeline_says_it_cannot_be_loaded(no_pipeline):
    message = _load_error(str(no_pipeline))
    assert "cannot be loaded" in message and "no such" not in message


def test_a_folder_with_a_bad_meta_json_says_what_spacy_found(bad_meta):
    message = _load_error(str(bad_meta))
    assert "cannot be loaded" in message and "meta.json" in message


def test_an_empty_folder_holds_no_pipeline(tmp_path):
    assert "holds no spaCy pipeline" in _load_error(str(tmp_path))


def test_a_missing_folder_is_no_such_folder(tmp_path):
    assert _load_error(str(tmp_path / "nowhere")).endswith("no such folder")


def test_a_package_that_is_not_installed_is_named_and_the_default_offered():
    from newsextract.nlp.pipeline import resolve_model

    message = _load_error("en_core_web_trf_not_here")
    assert "not installed" in message and resolve_model() in message


_exe = newsextract_exe


@pytest.mark.parametrize("mode", [[], ["--jobs", "2"], ["--scheduler", "local:2"]], ids=["plain", "jobs", "dask"])
@pytest.mark.parametrize("folder", ["no_pipeline", "bad_meta"])
def test_cli_bad_model_folder_is_one_error_line_and_exit_2(tmp_path, request, folder, mode):
    model = request.getfixturevalue(folder)
    article = tmp_path / "a.txt"
    article.write_text("Jane Holloway visited Leeds.", encoding="utf-8")
    proc = subprocess.run([_exe(), "parse", str(article), "--model", str(model), "-f", "jsonl", *mode],
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    (line,) = [l for l in lines if l.startswith("Error:")]
    assert line.startswith(f"Error: --model {model}: ") and "cannot be loaded" in line
    assert "Traceback" not in proc.stderr and "Compute Failed" not in proc.stderr
    if not mode or mode[0] != "--scheduler":  # a Dask cluster may log its own start-up notices
        assert lines == [line]
