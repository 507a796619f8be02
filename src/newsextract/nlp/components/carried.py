"""What a newsextract component carries: its word lists, tables and patterns.

spaCy's own rule components (``span_ruler.py``) take their rules through
``initialize()`` and keep them with ``to_disk``/``from_disk``; ours do the same.
A component is made empty by its factory (its settings are in the factory's
``default_config``); ``initialize()`` reads its data from the lexicon (what
``newsextract.load`` does) or takes them as arguments; ``to_disk`` writes them
into the component's folder of a saved pipeline (``data.json``), and ``from_disk``
reads them back (``to_bytes``/``from_bytes`` the same in one ``bytes``).

The gazetteer, which several components read, is saved once per pipeline, the way
spaCy saves the vocab once for all its components: when ``nlp.to_disk`` saves a
component (it passes ``exclude=["vocab"]``: the pipeline writes what is shared), the
component writes the gazetteer into the pipeline's ``newsextract_geo/<digest>/``
(unless that copy is already there) and only a ``geo.json`` reference in its own
folder; ``from_disk`` follows the reference, and every component gets the one
``Gazetteer`` read once. A component saved on its own keeps its copy in ``geo/``.
So ``nlp.to_disk(path)`` gives a pipeline that ``spacy.load(path)`` runs without
the package's ``models/`` folder (the factories' code still comes from the package).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from spacy.util import ensure_path

from ...lexicon import geo

DATA_FILE = "data.json"
GEO_FOLDER = "geo"  # a component saved on its own: its copy of the gazetteer
GEO_REFERENCE = "geo.json"  # a component saved in a pipeline: where the pipeline's one copy is
GEO_SHARED = "newsextract_geo"  # in a saved pipeline's folder: one gazetteer a digest


def _plain(value: Any) -> Any:
    """``value`` as JSON: sets become sorted lists, tuples lists."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):
        return sorted(_plain(v) for v in value)
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class Carried:
    """The ``initialize``/``to_disk``/``from_disk`` of a component with data.

    A subclass says what it reads with ``gather(**given)`` (a dict of JSON-like
    values: the word lists as the lexicon returns them, or as given to
    ``initialize``) and turns them into its working form with ``build(data)``;
    ``uses_geo`` says it reads the gazetteer (``self.geo``)."""

    uses_geo = False
    data: dict[str, Any] | None = None
    geo: geo.Gazetteer | None = None

    def gather(self, **given: Any) -> dict[str, Any]:
        raise NotImplementedError

    def build(self, data: dict[str, Any]) -> None:
        raise NotImplementedError

    def initialize(self, get_examples=None, *, nlp=None, **given: Any) -> None:
        """Read the component's data from the lexicon (``models/``), or take them from ``given``."""
        self._take(self.gather(**given), geo.default() if self.uses_geo else None)

    def _take(self, data: dict[str, Any], gazetteer: geo.Gazetteer | None) -> None:
        self.data = data
        self.geo = gazetteer
        self.build(data)

    def ready(self) -> None:
        if self.data is None:
            raise ValueError(f"{type(self).__name__} has no data: call initialize() on it "
                             "(newsextract.load() does), or load a saved pipeline")

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.ready()
        import orjson

        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / DATA_FILE).write_bytes(orjson.dumps(_plain(self.data), option=orjson.OPT_INDENT_2))
        if self.geo is None:
            return
        if "vocab" not in exclude:  # saved on its own, not by nlp.to_disk
            self.geo.to_disk(path / GEO_FOLDER)
            return
        digest = self.geo.digest
        shared = path.parent / GEO_SHARED / digest
        if not self.geo.saved_in(shared):  # the first of the pipeline's components to be saved
            self.geo.to_disk(shared)
        (path / GEO_REFERENCE).write_bytes(orjson.dumps({"folder": f"../{GEO_SHARED}/{digest}"}))

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        self.ready()
        import orjson
        import srsly

        return srsly.msgpack_dumps({"data": orjson.dumps(_plain(self.data)),
                                    "geo": self.geo.to_bytes() if self.geo is not None else None})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()):
        import orjson
        import srsly

        found = srsly.msgpack_loads(data)
        self._take(orjson.loads(found["data"]), geo.Gazetteer.from_bytes(found["geo"]) if self.uses_geo else None)
        return self

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()):
        import orjson

        path = ensure_path(path)
        data = orjson.loads((path / DATA_FILE).read_bytes())
        self._take(data, geo.Gazetteer.from_disk(_geo_folder(path)) if self.uses_geo else None)
        return self


def _geo_folder(path: Path) -> Path:
    """Where the gazetteer of the component saved in ``path`` is: the pipeline's shared
    copy its ``geo.json`` names, else (a component saved on its own) its own ``geo/``."""
    import orjson

    reference = path / GEO_REFERENCE
    if reference.is_file():
        return path / orjson.loads(reference.read_bytes())["folder"]
    return path / GEO_FOLDER
