"""Print the import graph of the package and fail on a cycle or a wrong-way arrow.

Reads every module under extract/, schemas/ and db/ with ``ast`` (imports inside functions
included), resolves relative imports, and checks that:
- there is no import cycle between modules;
- ``db`` imports nothing from ``extract`` and ``extract`` nothing from ``db`` (the CLI,
  ``extract/cli.py``, is the one place that composes both);
- ``schemas`` imports nothing from ``extract`` or ``db``.
Usage: python scripts/import_graph.py [--dot]
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = {"extract": "boardpapers.extract", "schemas": "boardpapers.schemas", "db": "boardpapers.db"}
COMPOSERS = {"boardpapers.extract.cli"}


def module_name(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = list(rel.parts)
    parts[0] = PACKAGES[parts[0]]
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def imports_of(path: Path, name: str, modules: set[str]) -> set[str]:
    tree = ast.parse(path.read_text(), str(path))
    is_pkg = path.name == "__init__.py"
    package = name if is_pkg else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            targets = [mod] + [f"{mod}.{a.name}" for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in modules:
                t = t.rsplit(".", 1)[0] if "." in t else ""
            if t and t != name:
                found.add(t)
    return found


def main() -> int:
    files = [p for d in PACKAGES for p in (ROOT / d).rglob("*.py")]
    names = {module_name(p): p for p in files}
    graph = {n: imports_of(p, n, set(names)) for n, p in names.items()}
    # A package's __init__ is imported by Python before any of its modules; an arrow to a
    # package means "its __init__", which is fine unless __init__ imports back.
    problems = []
    for a, targets in graph.items():
        for b in targets:
            top_a, top_b = a.split(".")[1], b.split(".")[1]
            if a in COMPOSERS:
                continue
            if {top_a, top_b} == {"extract", "db"}:
                problems.append(f"wrong-way arrow: {a} imports {b}")
            if top_a == "schemas" and top_b != "schemas":
                problems.append(f"wrong-way arrow: {a} imports {b}")
    # cycles (Tarjan)
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]

    def strong(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph[v]:
            if w not in index:
                strong(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in graph:
        if v not in index:
            strong(v)
    problems += [f"import cycle: {' <-> '.join(c)}" for c in sccs]
    if "--dot" in sys.argv:
        print("digraph imports {")
        for a, targets in sorted(graph.items()):
            for b in sorted(targets):
                print(f'  "{a}" -> "{b}";')
        print("}")
    else:
        print(f"{len(graph)} modules, {sum(map(len, graph.values()))} import arrows")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
