#!/usr/bin/env python
"""Generate the synthetic judgment corpus: documents (PDF, DOCX, TXT) in the
styles of the courts of Argentina, Bolivia, Paraguay, Liberia and Thailand, each
with its gold case record (``<stem>.gold.json``), plus ``manifest.json``.

    python scripts/make_corpus.py --out corpus/                 # the committed corpus
    python scripts/make_corpus.py --out /tmp/c --count 80       # more documents
    python scripts/make_corpus.py --out /tmp/c --pages-min 8    # longer documents
    python scripts/make_corpus.py --large /tmp/bench --pages 2000   # benchmark corpus (not committed)

Output is deterministic: the same options give byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))

from atlas_courts.synth.generate import PLAN, make_document  # noqa: E402

DEFAULT_SEED = "atlas-2024"

README = """# Generated corpus

Synthetic court judgments written by `scripts/make_corpus.py` (code and data in
`atlas_courts/synth/`). Every document has its true case record beside it
(`<stem>.gold.json`, schema `atlas-courts/case-record/1`, written under
`../shared/design/ANNOTATION.md`), and `manifest.json` lists each file with its
country, language, document type, layout, pages, image-only pages and the text
frames of its pages.

All names, case numbers and facts are invented. Do not edit these files by
hand: change the generator and run

    python scripts/make_corpus.py --out corpus/

`tests/test_make_corpus.py` checks that the committed files are exactly what the
generator writes.
"""


def specs(count: int | None) -> list[tuple[dict, str]]:
    """The plan's documents, cycled with new stems when ``count`` exceeds it."""
    plan = PLAN["documents"]
    n = len(plan) if count is None else count
    out = []
    for k in range(n):
        spec = dict(plan[k % len(plan)])
        cycle = k // len(plan)
        if cycle:
            spec["stem"] = f"{spec['stem']}--{cycle + 1}"
            spec.pop("pages", None)
        out.append((spec, spec["stem"]))
    return out


def write_corpus(out: str, count: int | None, seed: str, pages_min: int, quiet: bool = False) -> list[dict]:
    os.makedirs(out, exist_ok=True)
    previous = _previous_files(out)
    entries = []
    for spec, stem in specs(count):
        started = time.time()
        entry = make_document(spec, f"{seed}:{stem}", out, pages_min=pages_min)
        entries.append(entry)
        if not quiet:
            print(f"{entry['file']:<60} {entry['pages']:>3} pages  {entry['layout']:<15} {time.time() - started:5.2f}s")
    _finish(out, entries, seed, previous)
    return entries


def write_large(out: str, pages: int, seed: str, quiet: bool = False) -> list[dict]:
    """A benchmark corpus of at least ``pages`` pages: the plan cycled with longer documents."""
    import random

    os.makedirs(out, exist_ok=True)
    previous = _previous_files(out)
    plan = PLAN["documents"]
    rng = random.Random(f"large:{seed}")
    entries: list[dict] = []
    total = 0
    k = 0
    while total < pages:
        spec = dict(plan[k % len(plan)])
        spec["stem"] = f"{spec['stem']}--L{k + 1:04d}"
        spec.pop("pages", None)
        entry = make_document(spec, f"{seed}:large:{k}", out, pages_min=rng.randint(4, 24))
        entries.append(entry)
        total += entry["pages"]
        k += 1
        if not quiet and k % 10 == 0:
            print(f"{k} documents, {total} pages")
    _finish(out, entries, seed, previous)
    if not quiet:
        print(f"{len(entries)} documents, {total} pages in {out}")
    return entries


def _previous_files(out: str) -> set[str]:
    path = os.path.join(out, "manifest.json")
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as fh:
        manifest = json.load(fh)
    return {name for e in manifest.get("documents", []) for name in (e["file"], e["gold"])}


def _finish(out: str, entries: list[dict], seed: str, previous: set[str]) -> None:
    current = {name for e in entries for name in (e["file"], e["gold"])}
    for stale in sorted(previous - current):
        path = os.path.join(out, stale)
        if os.path.exists(path):
            os.remove(path)
    manifest = {
        "generator": "scripts/make_corpus.py",
        "seed": seed,
        "documents": entries,
    }
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8", newline="\n") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(README)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", help="output directory (the committed corpus is corpus/)")
    parser.add_argument("--count", type=int, default=None, help="number of documents (default: the plan, %d)" % len(PLAN["documents"]))
    parser.add_argument("--seed", default=DEFAULT_SEED, help="random seed (default: %(default)s)")
    parser.add_argument("--pages-min", type=int, default=0, help="minimum pages per document (adds evidence and argument)")
    parser.add_argument("--large", metavar="DIR", help="write a benchmark corpus to DIR instead")
    parser.add_argument("--pages", type=int, default=2000, help="with --large: total pages at least (default: %(default)s)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if args.large:
        write_large(args.large, args.pages, args.seed, quiet=args.quiet)
        return 0
    if not args.out:
        parser.error("--out or --large is required")
    if args.count is not None and args.count < 1:
        parser.error("--count must be at least 1")
    write_corpus(args.out, args.count, args.seed, args.pages_min, quiet=args.quiet)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
