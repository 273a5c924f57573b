"""Mutants of real and generated PDFs: bit flips, truncations, splices and a few
structure-aware edits (numbers, chunks). Each mutant is a pure function of its
seed and its sources' bytes, so the same sources give the same mutants."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass

_NUMBER = re.compile(rb"(?<![0-9A-Za-z.])[0-9]{1,10}(?![0-9A-Za-z.])")
_INTERESTING = (0, 1, -1, 2**31 - 1, 2**31, 2**32, 10**12, 65535, 999999999)


@dataclass(frozen=True)
class Mutant:
    op: str
    source: str  # file name of the source (and "+other" for splices)
    data: bytes


def _span(rng: random.Random, n: int) -> int:
    """A position in a file of ``n`` bytes, biased towards the structure at both ends."""
    roll = rng.random()
    if roll < 0.25:
        return rng.randrange(min(n, 2048))
    if roll < 0.5:
        return max(0, n - 1 - rng.randrange(min(n, 4096)))
    return rng.randrange(n)


def bit_flips(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 4, 8, 16, 64))):
        i = _span(rng, len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def truncation(rng: random.Random, data: bytes) -> bytes:
    return data[: _span(rng, len(data))]


def splice(rng: random.Random, data: bytes, other: bytes) -> bytes:
    return data[: _span(rng, len(data))] + other[_span(rng, len(other)):]


def numbers(rng: random.Random, data: bytes) -> bytes:
    """Replace a few numbers (offsets, lengths, counts, object numbers) by hostile ones."""
    found = list(_NUMBER.finditer(data))
    if not found:
        return bit_flips(rng, data)
    out = data
    for m in sorted(rng.sample(found, min(len(found), rng.choice((1, 1, 2, 3)))), key=lambda m: -m.start()):
        value = rng.choice(_INTERESTING) if rng.random() < 0.6 else int(m.group()) + rng.choice((-1, 1, 7, -100))
        out = out[: m.start()] + str(value).encode() + out[m.end():]
    return out


def chunks(rng: random.Random, data: bytes) -> bytes:
    """Delete, duplicate, zero or randomise a run of bytes."""
    n = len(data)
    i = _span(rng, n)
    length = min(n - i, rng.choice((1, 16, 256, 4096)))
    kind = rng.randrange(4)
    if kind == 0:
        return data[:i] + data[i + length:]
    if kind == 1:
        return data[: i + length] + data[i: i + length] + data[i + length:]
    if kind == 2:
        return data[:i] + b"\0" * length + data[i + length:]
    return data[:i] + rng.randbytes(length) + data[i + length:]


OPS = ("bitflip", "truncate", "splice", "numbers", "chunks")


def mutate(seed: int, sources: Sequence[tuple[str, bytes]]) -> Mutant:
    """The mutant number ``seed`` of ``sources`` ((name, bytes) pairs, in a fixed order)."""
    rng = random.Random(seed)
    op = OPS[seed % len(OPS)]
    name, data = sources[rng.randrange(len(sources))]
    if op == "bitflip":
        return Mutant(op, name, bit_flips(rng, data))
    if op == "truncate":
        return Mutant(op, name, truncation(rng, data))
    if op == "splice":
        other_name, other = sources[rng.randrange(len(sources))]
        return Mutant(op, f"{name}+{other_name}", splice(rng, data, other))
    if op == "numbers":
        return Mutant(op, name, numbers(rng, data))
    return Mutant(op, name, chunks(rng, data))
