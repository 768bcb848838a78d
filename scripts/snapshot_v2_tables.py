#!/usr/bin/env python3
"""Write the snapshot of AWS CLI v2's customization tables that tests/unit/test_v2_tables.py
holds awsmini's `custom/` records against.

Usage: scripts/snapshot_v2_tables.py [V2_SOURCE] [--out FILE]

V2_SOURCE is an aws-cli v2 checkout or its extracted `awscli` package (default /tmp/v2);
FILE defaults to tests/data/v2_tables.json. The source is read with `ast`, never imported.
The snapshot is data: rerun this after moving to a new v2 release and commit the result with
the matching changes to `awsmini/custom/`.
"""
from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def package_dir(source: Path) -> Path:
    """The `awscli` package inside `source` (a checkout, its parent, or the package itself)."""
    for candidate in (source, source / "awscli", source / "awscli" / "awscli"):
        if (candidate / "customizations" / "argrename.py").is_file():
            return candidate
    raise SystemExit("no awscli/customizations/argrename.py under %s" % source)


def _assignments(path: Path) -> dict[str, ast.expr]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {target.id: node.value for node in tree.body if isinstance(node, ast.Assign)
            for target in node.targets if isinstance(target, ast.Name)}


def _version(package: Path) -> str:
    value = _assignments(package / "__init__.py").get("__version__")
    return ast.literal_eval(value) if value is not None else "unknown"


def renames_and_aliases(package: Path) -> tuple[dict[str, str], dict[str, str]]:
    """argrename.py's ARGUMENT_RENAMES and HIDDEN_ALIASES, `<service>.<operation>.<arg>` keys."""
    found = _assignments(package / "customizations" / "argrename.py")
    return (ast.literal_eval(found["ARGUMENT_RENAMES"]),
            ast.literal_eval(found["HIDDEN_ALIASES"]))


def removed_operations(package: Path) -> dict[str, list[str]]:
    """removals.py's `remove(on_event='building-command-table.<service>', remove_commands=[...])`
    calls, as {service: [operation, ...]} in the order they are given."""
    tree = ast.parse((package / "customizations" / "removals.py").read_text(encoding="utf-8"))
    removed: dict[str, list[str]] = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr == "remove"):
            continue
        keywords = {keyword.arg: keyword.value for keyword in node.keywords}
        if "on_event" not in keywords or "remove_commands" not in keywords:
            continue
        event = ast.literal_eval(keywords["on_event"])
        prefix = "building-command-table."
        if not event.startswith(prefix):
            raise SystemExit("unexpected removal event %r" % event)
        removed.setdefault(event[len(prefix):], []).extend(
            ast.literal_eval(keywords["remove_commands"]))
    return removed


def paramfile_exempt(package: Path) -> list[str]:
    """The arguments whose `file://` values paramfile.py leaves unread (aws-cli 1.x calls the
    table PARAMFILE_DISABLED; v2 has none, so this is usually empty)."""
    found = _assignments(package / "paramfile.py")
    value: Any = found.get("PARAMFILE_DISABLED")
    if value is None:
        return []
    if isinstance(value, ast.Call) and value.args:  # set([...]) or frozenset([...])
        value = value.args[0]
    return sorted(ast.literal_eval(value))


def snapshot(source: Path) -> dict[str, Any]:
    package = package_dir(source)
    renames, aliases = renames_and_aliases(package)
    return {
        "aws_cli_version": _version(package),
        "argument_renames": renames,
        "hidden_aliases": aliases,
        "removed_operations": removed_operations(package),
        "paramfile_exempt": paramfile_exempt(package),
    }


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", default="/tmp/v2", type=Path)
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "data" / "v2_tables.json")
    args = parser.parse_args(argv)
    data = snapshot(args.source)
    args.out.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")
    print("%s: aws-cli %s, %d renames, %d hidden aliases, %d services with removals, "
          "%d paramfile exemptions" % (
              args.out, data["aws_cli_version"], len(data["argument_renames"]),
              len(data["hidden_aliases"]), len(data["removed_operations"]),
              len(data["paramfile_exempt"])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
