"""Splits by case, never by sentence (nor by document when one case has several).

Two documents belong to one case when they carry the same case number (the
gold's, or the rules' when there is no gold), or when one document's number is
written in the other's text (an appeal citing the trial court's case), or when
they are the same file. Cases are then dealt to folds, largest first, each to
the fold with the fewest documents, in an order fixed by the seed.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Sequence

from ..evaluate.scoring import case_number_key
from .data import TrainDoc

__all__ = ["assign_cases", "case_folds", "holdout_split"]

# The distinctive part of a case number: a long digit run, with its year or suffix ("13673/2021").
_CORE = re.compile(r"\d{3,}(?:\s*[/-]\s*\d{2,4})?")


def _number(doc: TrainDoc) -> str | None:
    gold = ((doc.gold or {}).get("case") or {}).get("case_number")
    return gold or (doc.rule_record.get("case") or {}).get("case_number")


def assign_cases(docs: Sequence[TrainDoc]) -> None:
    """Set ``doc.case`` for every document (union of the links above)."""
    parent = list(range(len(docs)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = find(i), find(j)
        if a != b:
            parent[max(a, b)] = min(a, b)

    by_key: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        by_key[f"sha:{d.key}"].append(i)
        explicit = (d.gold or {}).get("case_id")
        if explicit:
            by_key[f"id:{explicit}"].append(i)
        number = _number(d)
        key = case_number_key(number)
        if key:
            by_key[f"no:{key}"].append(i)
    for members in by_key.values():
        for j in members[1:]:
            union(members[0], j)
    cores = []
    for i, d in enumerate(docs):
        number = _number(d)
        for m in _CORE.finditer(number or ""):
            core = re.sub(r"\s+", "", m.group(0))
            if len(re.sub(r"\D", "", core)) >= 5:
                cores.append((i, core))
    for i, core in cores:
        pattern = re.compile(r"(?<!\d)" + re.escape(core).replace("/", r"\s*/\s*").replace("\\-", r"\s*-\s*") + r"(?!\d)")
        for j, other in enumerate(docs):
            if j != i and find(i) != find(j) and pattern.search(other.text):
                union(i, j)
    for i, d in enumerate(docs):
        root = docs[find(i)]
        d.case = f"case:{root.key[:16]}"


def _order(key: str, seed: int) -> str:
    return hashlib.sha256(f"{seed}:{key}".encode()).hexdigest()


def case_folds(docs: Sequence[TrainDoc], k: int, *, seed: int = 0) -> list[int]:
    """The fold (0..k-1) of each document; all documents of a case share one fold."""
    if k < 2:
        raise ValueError(f"need at least 2 folds, got {k}")
    if not all(d.case for d in docs):
        assign_cases(docs)
    groups: dict[str, list[int]] = defaultdict(list)
    for i, d in enumerate(docs):
        groups[d.case].append(i)
    sizes = [0] * k
    fold_of_case: dict[str, int] = {}
    for case in sorted(groups, key=lambda c: (-len(groups[c]), _order(c, seed))):
        f = min(range(k), key=lambda x: (sizes[x], x))
        fold_of_case[case] = f
        sizes[f] += len(groups[case])
    return [fold_of_case[d.case] for d in docs]


def holdout_split(docs: Sequence[TrainDoc], share: float, *, seed: int = 0) -> tuple[list[int], list[int]]:
    """Indexes of (training, held-out) documents, about ``share`` of the cases held out, in every origin."""
    if not 0 < share < 1:
        raise ValueError(f"held-out share must be between 0 and 1, got {share}")
    if not all(d.case for d in docs):
        assign_cases(docs)
    held: set[str] = set()
    by_origin: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        if d.case not in by_origin[d.origin]:
            by_origin[d.origin].append(d.case)
    for origin, cases in sorted(by_origin.items()):
        ordered = sorted(cases, key=lambda c: _order(c, seed))
        n = max(1, round(len(ordered) * share)) if len(ordered) > 1 else 0
        held.update(ordered[:n])
    train = [i for i, d in enumerate(docs) if d.case not in held]
    dev = [i for i, d in enumerate(docs) if d.case in held]
    return train, dev
