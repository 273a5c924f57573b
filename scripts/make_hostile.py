#!/usr/bin/env python
"""Generate the hostile input set (issue 6) into a directory: never commit its output.

    python scripts/make_hostile.py /tmp/hostile                    # full: every class, 2,000 mutants, 12 good documents
    python scripts/make_hostile.py /tmp/h --reduced --mutants 60   # the test suite's reduced set
    python scripts/make_hostile.py /tmp/h --classes encrypted_user,empty --mutants 0

The named classes are in atlas_courts/hostile/classes.py, the mutation operators in
atlas_courts/hostile/mutants.py. Mutant sources (corpus/*.pdf and ../shared/corpus/pdf/*.pdf)
are read at generation time; with the same sources and options the output is byte-identical.
``manifest.json`` beside the files says what each one is and which statuses a correct build may give it.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))

from atlas_courts.hostile import DEFAULT_SEED, generate  # noqa: E402
from atlas_courts.hostile.classes import CLASSES  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="directory to write (created; must be empty)")
    ap.add_argument("--mutants", type=int, default=2000)
    ap.add_argument("--good", type=int, default=12, help="good documents interleaved (from corpus/)")
    ap.add_argument("--seed", type=int, default=DEFAULT_SEED)
    ap.add_argument("--classes", help=f"comma-separated subset of: {', '.join(CLASSES)}")
    ap.add_argument("--reduced", action="store_true", help="the quick classes only (as the test suite uses)")
    ap.add_argument("--max-source-kb", type=int, default=1024, help="skip larger mutant sources")
    args = ap.parse_args(argv)
    classes = None
    if args.classes:
        classes = [c.strip() for c in args.classes.split(",") if c.strip()]
        unknown = set(classes) - set(CLASSES)
        if unknown:
            ap.error(f"unknown classes: {', '.join(sorted(unknown))}")
    started = time.monotonic()
    manifest = generate(args.out, mutants=args.mutants, good=args.good, seed=args.seed, classes=classes,
                        reduced=args.reduced, max_source_kb=args.max_source_kb)
    by_kind = collections.Counter(e.kind for e in manifest)
    by_class = collections.Counter(e.cls for e in manifest if e.kind == "hostile")
    print(f"{len(manifest)} files in {args.out} ({time.monotonic() - started:.1f} s): "
          + ", ".join(f"{k} {n}" for k, n in sorted(by_kind.items())))
    print(f"{len(by_class)} hostile classes:")
    for cls, n in sorted(by_class.items()):
        print(f"  {cls:24} {n}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
