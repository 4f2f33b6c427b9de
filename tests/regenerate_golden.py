"""Show how pressclip's current output differs from the golden files; write one only on request.

    .venv/bin/python tests/regenerate_golden.py                  # diff every golden file
    .venv/bin/python tests/regenerate_golden.py live-blog        # diff one
    .venv/bin/python tests/regenerate_golden.py --write live-blog

Golden files are written by hand from the page, so this script never overwrites one silently:
without ``--write`` it only prints a unified diff of the ``expected`` fields (current output
projected onto the fields the golden file checks) and the body checks that fail. ``--write NAME``
prints the diff for NAME and then replaces that file's ``expected`` values with the current
output, keeping ``_about`` and the hand-written body snippets. For a page in
tests/fixtures/pages/ that has no golden file yet, ``--write NAME`` creates one holding every
metadata field; review it by hand before committing. Exit status: 0, or 1 when a name is unknown.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from test_golden import (
    GOLDEN,
    PAGES,
    extracted,
    load_golden,
    normalise_space,
    paragraphs,
    project,
)

# Fields a new golden file does not hold: the body is checked by snippets instead.
NOT_METADATA = {"articleBody", "body"}
STABLE_EXTRACTION = ("inputType", "isArticle")


def _dump(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _actual_view(golden: dict[str, Any]) -> dict[str, Any]:
    actual = extracted(golden["page"])
    return {
        field: project(field, actual.get(field), expected)
        for field, expected in golden["expected"].items()
    }


def _body_problems(golden: dict[str, Any]) -> list[str]:
    body = extracted(golden["page"])["articleBody"]
    flat = normalise_space(body)
    problems = [
        f"missing from body: {s!r}"
        for s in golden.get("body_must_contain", [])
        if normalise_space(s) not in flat
    ]
    problems += [
        f"leaked into body: {s!r}"
        for s in golden.get("body_must_not_contain", [])
        if normalise_space(s) in flat
    ]
    count = golden.get("paragraph_count")
    if count is not None and not count[0] <= len(paragraphs(body)) <= count[1]:
        problems.append(f"{len(paragraphs(body))} paragraphs, expected {count[0]}..{count[1]}")
    return problems


def show(path: Path) -> bool:
    """Print the differences for one golden file; true when there are none."""
    golden = load_golden(path)
    diff = list(
        difflib.unified_diff(
            _dump(golden["expected"]).splitlines(keepends=True),
            _dump(_actual_view(golden)).splitlines(keepends=True),
            fromfile=f"{path.name} (expected)",
            tofile=f"{golden['page']} (pressclip now)",
        )
    )
    problems = _body_problems(golden)
    sys.stdout.writelines(diff)
    for problem in problems:
        print(f"{path.name}: {problem}")
    if not diff and not problems:
        print(f"{path.name}: matches")
    return not diff and not problems


def write(name: str) -> Path:
    path = GOLDEN / f"{name}.json"
    if path.exists():
        show(path)
        golden = load_golden(path)
        golden["expected"] = _actual_view(golden)
    else:
        page = f"{name}.html"
        actual = dict(extracted(page))
        # Confidence, sources and charset describe the run, not the page: not golden.
        actual["extraction"] = {k: actual["extraction"][k] for k in STABLE_EXTRACTION}
        golden = {
            "_about": "TODO: what this page exercises. Review every value by hand.",
            "page": page,
            "expected": {k: v for k, v in actual.items() if k not in NOT_METADATA},
            "body_must_contain": [],
            "body_must_not_contain": [],
        }
    path.write_text(json.dumps(golden, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {path}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", help="golden file names (without .json)")
    parser.add_argument("--write", metavar="NAME", help="rewrite (or create) this golden file")
    args = parser.parse_args(argv)
    if args.write:
        if not (PAGES / f"{args.write}.html").exists():
            print(f"no page tests/fixtures/pages/{args.write}.html", file=sys.stderr)
            return 1
        write(args.write)
        return 0
    paths = [GOLDEN / f"{n}.json" for n in args.names] or sorted(GOLDEN.glob("*.json"))
    unknown = [p.name for p in paths if not p.exists()]
    if unknown:
        print(f"no golden file: {', '.join(unknown)}", file=sys.stderr)
        return 1
    for path in paths:
        show(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
