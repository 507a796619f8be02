"""Find the data files shipped in ``models/`` (packaged as ``newsextract/models``)."""
from __future__ import annotations

from functools import lru_cache
from importlib.resources import files
from pathlib import Path


@lru_cache(maxsize=1)
def models_dir() -> Path:
    packaged = files("newsextract") / "models"
    if packaged.is_dir():
        return Path(str(packaged))
    # editable/development install: models/ sits at the repository root
    dev = Path(__file__).resolve().parents[3] / "models"
    if dev.is_dir():
        return dev
    raise FileNotFoundError("newsextract's data folder 'models' is missing from the installation")


def model_file(name: str) -> Path:
    return models_dir() / name


def schema_path() -> Path:
    return Path(str(files("newsextract") / "article.schema.json"))
