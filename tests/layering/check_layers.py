#!/usr/bin/env python3
"""Checks the code's layering: folders include only folders below them (no include cycles
between folders) and no source file in core/, kernels/ or importers/ is over the line limit.
Prints every violation and exits 1 if there is any."""
import pathlib
import re
import sys

# Lowest first. A folder may include itself and anything earlier in this list.
LAYERS = [
    "core/util", "core/ir", "core/ops", "kernels/reference", "kernels/native", "kernels/onednn", "core/analysis",
    "core/passes", "core/quant", "core/data", "core/runtime", "core/profile", "importers/onnx", "exporters/onnx",
    "core/session", "core/report", "core/bench", "app/report", "app/cli", "app/gui",
]
MAX_LINES = 400
LIMITED = ("core/", "kernels/", "importers/", "exporters/")

def folder(rel):
    parts = rel.split("/")
    return "/".join(parts[:2])

def main(root):
    root = pathlib.Path(root)
    rank = {f: i for i, f in enumerate(LAYERS)}
    problems = []
    for path in sorted(root.glob("**/*")):
        if path.suffix not in (".h", ".cpp") or "build" in path.relative_to(root).parts[:1]:
            continue
        rel = path.relative_to(root).as_posix()
        src = folder(rel)
        if src not in rank:
            continue
        text = path.read_text(errors="replace")
        if rel.startswith(LIMITED) and text.count("\n") > MAX_LINES:
            problems.append(f"{rel}: {text.count(chr(10))} lines (limit {MAX_LINES})")
        for m in re.finditer(r'^#include "([^"]+)"', text, re.M):
            dst = folder(m.group(1))
            if dst in rank and rank[dst] > rank[src]:
                problems.append(f"{rel}: includes {m.group(1)} ({src} must not depend on {dst})")
    for p in problems:
        print(p)
    print(f"layering: {len(problems)} problem(s) in {len(LAYERS)} layers")
    return 1 if problems else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
