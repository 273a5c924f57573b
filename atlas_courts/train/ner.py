"""The span model: a spaCy ``ner`` on ``spacy.blank("xx")``, trained from the config file.

Judgments are long and most of their text carries no target, so training
examples are passages: consecutive sentences packed up to
``[atlas.ner] passage_chars``, the ones with a target span (at most
``max_passages_per_doc`` per document, chosen by the seed) and a share of the
others. Tokens under a *missing* stretch (see ``targets``) are unannotated, not
negative. The held-out cases stop training (spaCy keeps the best model on
them) and give the per-label scores.
"""

from __future__ import annotations

import io
import random
import shutil
import tempfile
from pathlib import Path
from typing import Any, Sequence

from ..extract.text import sentences
from .data import TrainDoc
from .targets import ner_targets

__all__ = ["passages", "build_docbin", "train_ner", "score_ner", "load_ner", "predict_spans"]


def passages(text: str, size: int) -> list[tuple[int, int]]:
    """Sentence-aligned windows of at most about ``size`` characters covering the text."""
    out: list[tuple[int, int]] = []
    start = end = None
    for s in sentences(text):
        if start is None:
            start, end = s.start, s.end
        elif s.end - start <= size:
            end = s.end
        else:
            out.append((start, end))
            start, end = s.start, s.end
        if end - start > size * 2:  # one huge "sentence" (a table): cut it
            while end - start > size * 2:
                out.append((start, start + size))
                start += size
    if start is not None:
        out.append((start, end))
    return out


def _examples(nlp, doc: TrainDoc, labels: set[str], cfg: dict[str, Any], rng: random.Random, *, sample: bool):
    spans, missing = ner_targets(doc)
    spans = [s for s in spans if s[2] in labels]
    windows = passages(doc.text, int(cfg["passage_chars"]))
    with_target, without = [], []
    for lo, hi in windows:
        inside = [s for s in spans if lo <= s[0] and s[1] <= hi]
        (with_target if inside else without).append((lo, hi))
    if sample:
        cap = int(cfg["max_passages_per_doc"])
        if cap and len(with_target) > cap:
            with_target = sorted(rng.sample(with_target, cap))
        n_neg = int(round(len(with_target) * float(cfg["negative_share"])))
        without = sorted(rng.sample(without, min(n_neg, len(without))))
    for lo, hi in sorted(with_target + without):
        chunk = doc.text[lo:hi]
        d = nlp.make_doc(chunk)
        ents = []
        for s, e, label in spans:
            if lo <= s and e <= hi:
                span = d.char_span(s - lo, e - lo, label=label, alignment_mode="expand")
                if span is not None:
                    ents.append(span)
        miss = []
        for s, e in missing:
            if s < hi and lo < e:
                span = d.char_span(max(s, lo) - lo, min(e, hi) - lo, alignment_mode="expand")
                if span is not None:
                    miss.append(span)
        from spacy.util import filter_spans

        ents = filter_spans(ents)
        taken = {t.i for sp in ents for t in sp}
        miss = [sp for sp in miss if not any(t.i in taken for t in sp)]
        miss = filter_spans(miss)
        d.set_ents(ents, missing=miss, default="outside")
        yield d


def build_docbin(nlp, docs: Sequence[TrainDoc], labels: Sequence[str], cfg: dict[str, Any], *, seed: int,
                 sample: bool, path: Path) -> int:
    from spacy.tokens import DocBin

    rng = random.Random(seed)
    bin_ = DocBin(store_user_data=False)
    n = 0
    for doc in docs:
        for d in _examples(nlp, doc, set(labels), cfg, rng, sample=sample):
            bin_.add(d)
            n += 1
    bin_.to_disk(path)
    return n


def train_ner(config_path: Path, train_docs: Sequence[TrainDoc], dev_docs: Sequence[TrainDoc], out_dir: Path,
              *, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Train the span model into ``out_dir`` (a spaCy pipeline folder); returns sizes and timings."""
    import time

    import spacy
    from spacy.training.initialize import init_nlp
    from spacy.training.loop import train as train_loop
    from spacy.util import load_config

    config = load_config(config_path, overrides=dict(overrides or {}), interpolate=False)
    atlas = config["atlas"]
    labels = list(atlas["ner"]["labels"])
    seed = int(atlas["seed"])
    blank = spacy.blank(config["nlp"]["lang"])
    with tempfile.TemporaryDirectory(prefix="atlas-ner-") as tmp:
        tmpdir = Path(tmp)
        n_train = build_docbin(blank, train_docs, labels, atlas["ner"], seed=seed, sample=True, path=tmpdir / "train.spacy")
        n_dev = build_docbin(blank, dev_docs or train_docs[:1], labels, atlas["ner"], seed=seed, sample=False,
                             path=tmpdir / "dev.spacy")
        paths = {"paths.train": str(tmpdir / "train.spacy"), "paths.dev": str(tmpdir / "dev.spacy")}
        config = load_config(config_path, overrides={**paths, **dict(overrides or {})}, interpolate=False)
        started = time.perf_counter()
        nlp = init_nlp(config.interpolate())
        output = tmpdir / "output"
        output.mkdir()
        log = io.StringIO()
        train_loop(nlp, output, stdout=log, stderr=log)
        seconds = time.perf_counter() - started
        best = output / "model-best" if (output / "model-best").exists() else output / "model-last"
        if out_dir.exists():
            shutil.rmtree(out_dir)
        shutil.copytree(best, out_dir)
        # the training files were temporary: the saved config names none, so it is the same on every run
        saved = out_dir / "config.cfg"
        text = saved.read_text(encoding="utf-8")
        for name in ("train.spacy", "dev.spacy"):
            text = text.replace(f'"{tmpdir / name}"', "null")
        saved.write_text(text, encoding="utf-8")
    return {"train_passages": n_train, "heldout_passages": n_dev, "seconds": round(seconds, 1), "labels": labels}


def load_ner(path: Path):
    import spacy

    return spacy.load(path)


def predict_spans(nlp, text: str, *, window: int = 3000) -> list[tuple[int, int, str]]:
    """Span-model entities of a long text, run window by window (sentence-aligned)."""
    windows = passages(text, window)
    out = []
    for (lo, _hi), doc in zip(windows, nlp.pipe(text[lo:hi] for lo, hi in windows)):
        for ent in doc.ents:
            out.append((lo + ent.start_char, lo + ent.end_char, ent.label_))
    return out


def score_ner(nlp, docs: Sequence[TrainDoc], labels: Sequence[str]) -> dict[str, Any]:
    """Per-label precision, recall and F1 on whole documents, against the targets (missing tokens ignored)."""
    counts = {label: [0, 0, 0] for label in labels}
    for doc in docs:
        gold, missing = ner_targets(doc)
        gold = {(s, e, lab) for s, e, lab in gold if lab in counts}
        pred = {(s, e, lab) for s, e, lab in predict_spans(nlp, doc.text) if lab in counts}
        # A prediction inside a stretch the gold leaves unannotated is neither right nor wrong.
        pred = {p for p in pred if p in gold or not any(m[0] < p[1] and p[0] < m[1] for m in missing)}
        for label in counts:
            g = {x for x in gold if x[2] == label}
            p = {x for x in pred if x[2] == label}
            counts[label][0] += len(g & p)
            counts[label][1] += len(p - g)
            counts[label][2] += len(g - p)
    return {label: _prf(*c) for label, c in counts.items()}


def _prf(tp: int, fp: int, fn: int) -> dict[str, Any]:
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f = 2 * p * r / (p + r) if p and r else (0.0 if (p is not None or r is not None) else None)
    rnd = (lambda x: None if x is None else round(x, 4))
    return {"tp": tp, "fp": fp, "fn": fn, "precision": rnd(p), "recall": rnd(r), "f1": rnd(f)}
