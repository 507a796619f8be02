"""The shape of the package (ARCHITECTURE.md): imports run one way, one error record."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support import ROOT

SRC = ROOT / "src" / "newsextract"


def _module(path: Path) -> str:
    rel = path.relative_to(SRC.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports() -> dict[str, set[str]]:
    """Each newsextract module -> the newsextract modules it imports (at the top or
    inside a function: a lazy import is still a dependency)."""
    modules = {_module(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        deps = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[:len(base) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                candidates = [target] + [f"{target}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                candidates = [a.name for a in node.names]
            else:
                continue
            found = [c for c in candidates if c in modules and c != name]
            if len(found) > 1 and target in found:
                found.remove(target)  # "from . import lexicon" needs the module, not the package
            deps.update(found)
        graph[name] = deps
    # the package itself is the public facade: its names load lazily on first use
    # (``newsextract.__getattr__``), so it sits on top and its own imports are no edges
    graph["newsextract"] = set()
    return graph


def test_there_are_no_import_cycles():
    graph = _imports()
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycle = path[path.index(dep):] + [dep]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if dep not in state:
                visit(dep)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)


@pytest.mark.parametrize("lower, upper", [
    ("newsextract.process", "newsextract.api"),
    ("newsextract.process", "newsextract.engines.processes"),
    ("newsextract.process", "newsextract.engines.dask"),
    ("newsextract.engines.stream", "newsextract.api"),
    ("newsextract.engines.processes", "newsextract.api"),
    ("newsextract.engines.dask", "newsextract.api"),
])
def test_processing_and_engines_do_not_reach_up(lower, upper):
    assert upper not in _reachable(_imports(), lower)


def test_nothing_imports_the_command_line():
    graph = _imports()
    cli = {m for m in graph if m == "newsextract.cli" or m.startswith("newsextract.cli.")}
    users = sorted(m for m, deps in graph.items() if deps & cli and m not in cli and m != "newsextract.__main__")
    assert users == []


def _reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for dep in graph[todo.pop()]:
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen


# --- the layers: a package imports only from its own layer and the layers below ----------

LAYERS = (  # top to bottom, as in ARCHITECTURE.md
    ("command line", ("newsextract.cli", "newsextract.__main__")),
    ("API", ("newsextract.api", "newsextract.dask")),
    ("engines", ("newsextract.engines",)),
    ("processing", ("newsextract.process",)),
    ("facts", ("newsextract.facts",)),
    ("spaCy", ("newsextract.nlp",)),
    ("input", ("newsextract.io",)),
    ("dates", ("newsextract.timex",)),
    ("data", ("newsextract.lexicon",)),
    ("records", ("newsextract.records", "newsextract.errors")),
)


def _layer(module: str) -> int | None:
    for i, (_, packages) in enumerate(LAYERS):
        if any(module == p or module.startswith(p + ".") for p in packages):
            return i
    return None


def _upward(graph: dict[str, set[str]]) -> list[str]:
    """The imports that go up the layers ("importer -> imported")."""
    return sorted(f"{module} -> {dep}" for module, deps in graph.items() if module != "newsextract"
                  for dep in deps if dep != "newsextract" and _layer(dep) < _layer(module))


def test_every_module_belongs_to_a_layer():
    assert sorted(m for m in _imports() if m != "newsextract" and _layer(m) is None) == []


def test_imports_run_down_the_layers():
    """Lazy imports (inside a function) count: they are dependencies all the same."""
    assert _upward(_imports()) == []


@pytest.mark.parametrize("graph, expected", [
    ({"newsextract.process": {"newsextract.facts.people", "newsextract.records"}}, []),
    ({"newsextract.facts.people": {"newsextract.facts.mentions", "newsextract.nlp.lemmas"}}, []),
    ({"newsextract.records": {"newsextract.facts.confidence"}},
     ["newsextract.records -> newsextract.facts.confidence"]),
    ({"newsextract.timex.tense": {"newsextract.nlp.lemmas"}}, ["newsextract.timex.tense -> newsextract.nlp.lemmas"]),
    ({"newsextract.engines.dask": {"newsextract.cli.app", "newsextract.api"}},
     ["newsextract.engines.dask -> newsextract.api", "newsextract.engines.dask -> newsextract.cli.app"]),
])
def test_an_upward_import_is_found(graph, expected):
    assert _upward(graph) == expected


def test_error_records_are_built_in_one_place():
    """Every engine and failure builds its error record with ``article.failed_record``."""
    for path in SRC.rglob("*.py"):
        if path == SRC / "records.py":
            continue
        assert "Article.failed(" not in path.read_text(encoding="utf-8"), path


def test_the_build_tool_is_not_in_the_package():
    assert not (SRC / "gazetteer_build.py").exists()
    assert (ROOT / "tools" / "gazetteer_build.py").exists()


# --- the spaCy components -----------------------------------------------------------

def _entry_points() -> dict[str, str]:
    import tomllib

    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return data["project"]["entry-points"]["spacy_factories"]


def test_the_component_list_matches_the_entry_points():
    """pipeline.COMPONENTS (the order) names exactly the factories pyproject.toml registers
    (plus the attribute ruler's stand-in, added where the model's ruler was)."""
    from newsextract.nlp.pipeline import COMPONENTS

    names = [name for name, _ in COMPONENTS]
    assert len(names) == len(set(names))
    assert set(names) | {"newsextract_attributes"} == set(_entry_points())


def test_every_entry_point_names_a_registered_factory():
    import importlib

    from spacy.language import Language

    from newsextract.nlp.pipeline import register_components

    register_components()
    for name, target in _entry_points().items():
        module, _, function = target.partition(":")
        assert callable(getattr(importlib.import_module(module), function)), target
        assert Language.has_factory(name), name


def test_the_pipeline_order_satisfies_what_components_require(nlp):
    analysis = nlp.analyze_pipes(pretty=False)
    assert {name: found for name, found in analysis["problems"].items() if found} == {}
    ours = [name for name in nlp.pipe_names if name.startswith("newsextract_")
            and name not in ("newsextract_blocks", "newsextract_attributes")]
    for name in ours:
        assert nlp.get_pipe_meta(name).requires, f"{name} declares nothing it needs"


def test_a_component_out_of_order_is_reported():
    """The declarations mean something: an entity component before the model's NER is a problem."""
    import spacy

    from newsextract.nlp.pipeline import register_components

    register_components()
    blank = spacy.blank("en")
    blank.add_pipe("newsextract_place_metonymy")
    problems = blank.analyze_pipes(pretty=False)["problems"]["newsextract_place_metonymy"]
    assert "doc.ents" in problems


HEADLINE_TEXTS = [
    # (text, the line that is a headline-case line)
    ("MINISTER WARNS OF LONG WINTER STRIKES\n\nJane Holloway said the talks had failed.",
     "MINISTER WARNS OF LONG WINTER STRIKES"),
    ("Rail Workers Threaten Further Walkouts Over Pay\n\nUnion leaders met on Monday in Leeds.",
     "Rail Workers Threaten Further Walkouts Over Pay"),
]


@pytest.mark.parametrize("text, line", HEADLINE_TEXTS)
def test_the_headline_lines_come_from_their_own_component(nlp, text, line):
    """``doc.spans["headline_case"]`` is written by ``newsextract_headlines``, which declares it
    (spaCy's ``assigns`` names ``doc.spans``, not a key), before every component that reads it;
    no other component writes it on the side."""
    from newsextract.nlp.components.entity_spans import HEADLINE_KEY

    names = nlp.pipe_names
    assert "doc.spans" in nlp.get_pipe_meta("newsextract_headlines").assigns
    assert "doc.spans" not in nlp.get_pipe_meta("newsextract_entity_rules").assigns
    readers = ["newsextract_person_titles", "newsextract_person_names", "newsextract_places_gazetteer",
               "newsextract_entity_consistency"]
    assert all(names.index("newsextract_headlines") < names.index(r) for r in readers)
    assert names.index("newsextract_blocks") < names.index("newsextract_headlines")
    doc = nlp(text)
    assert [s.text for s in doc.spans[HEADLINE_KEY]] == [line]
    with nlp.select_pipes(disable=["newsextract_headlines"]):
        doc = nlp(text)
    assert HEADLINE_KEY not in doc.spans
