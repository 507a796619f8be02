"""The built wheel carries the data in ``models/`` (issue #2): a user who installs
from the wheel gets every pattern, gazetteer and word list."""
from __future__ import annotations

import subprocess
import sys
import zipfile

from support import ROOT


def test_wheel_contains_every_models_file_and_the_schema(tmp_path):
    # about 10-15 s: pip builds the wheel with hatchling in an isolated environment
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", str(ROOT), "-w", str(tmp_path)],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    (wheel,) = tmp_path.glob("newsextract-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    shipped = sorted(p.relative_to(ROOT / "models").as_posix()
                     for p in (ROOT / "models").rglob("*") if p.is_file())
    assert shipped, "models/ is empty"
    missing = [name for name in shipped if f"newsextract/models/{name}" not in names]
    assert missing == []
    assert "newsextract/article.schema.json" in names
    # and the entry points that register the spaCy components
    (entry_points,) = [n for n in names if n.endswith("entry_points.txt")]
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "[spacy_factories]" in text and "newsextract_blocks" in text
    # every module an entry point names is in the wheel (the layered packages moved them)
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    targets = [*project["scripts"].values(), *project["entry-points"]["spacy_factories"].values(),
               *project["entry-points"]["spacy_callbacks"].values()]
    assert [t for t in targets if t.partition(":")[0].replace(".", "/") + ".py" not in names] == []
    # the build tools, benchmarks and tests stay out of the installed package
    assert [n for n in names if n.split("/")[0] in ("tools", "benchmarks", "tests")
            or n.endswith("gazetteer_build.py")] == []
