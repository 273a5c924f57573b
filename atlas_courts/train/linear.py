"""A multinomial logistic regression kept as plain JSON.

Trained with scikit-learn (``DictVectorizer`` + ``LogisticRegression``) and
saved as its feature names, classes, weights and intercepts: no pickle in the
model folder (nothing executes on load), readable across scikit-learn
versions, a few hundred kilobytes, and predicting is a sparse dot product.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

__all__ = ["LinearModel", "fit"]


@dataclass
class LinearModel:
    classes: list[str]
    features: dict[str, int]
    coef: list[list[float]]  # one row per class
    intercept: list[float]

    def predict_proba(self, feats: dict[str, float]) -> dict[str, float]:
        scores = list(self.intercept)
        for name, value in feats.items():
            j = self.features.get(name)
            if j is None or not value:
                continue
            for c in range(len(scores)):
                scores[c] += self.coef[c][j] * value
        if len(self.classes) == 2 and len(self.coef) == 1:
            p = 1.0 / (1.0 + math.exp(-scores[0]))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps)}

    def best(self, feats: dict[str, float]) -> tuple[str, float]:
        proba = self.predict_proba(feats)
        label = max(proba, key=lambda c: (proba[c], c))
        return label, proba[label]

    def to_json(self) -> dict[str, Any]:
        names = sorted(self.features, key=self.features.get)
        return {
            "kind": "multinomial-logistic-regression",
            "classes": self.classes,
            "features": names,
            "coef": [[round(w, 6) for w in row] for row in self.coef],
            "intercept": [round(b, 6) for b in self.intercept],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "LinearModel":
        return cls(list(data["classes"]), {n: i for i, n in enumerate(data["features"])},
                   [list(r) for r in data["coef"]], list(data["intercept"]))

    def save(self, path: Path) -> None:
        path.write_text(json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "LinearModel":
        return cls.from_json(json.loads(path.read_text(encoding="utf-8")))


def fit(X: Sequence[dict[str, float]], y: Sequence[str], *, C: float, max_iter: int, seed: int,
        min_count: int = 1, class_weight: str | None = None,
        sample_weight: Sequence[float] | None = None) -> LinearModel:
    """Fit on feature dicts; features seen in fewer than ``min_count`` examples are dropped."""
    from collections import Counter

    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if not X:
        raise ValueError("no training examples")
    counts = Counter(name for x in X for name, v in x.items() if v)
    keep = [{k: v for k, v in x.items() if counts[k] >= min_count} for x in X]
    classes = sorted(set(y))
    if len(classes) == 1:
        return LinearModel(classes, {}, [[]], [0.0])
    vec = DictVectorizer(sparse=True)
    matrix = vec.fit_transform(keep)
    clf = LogisticRegression(C=C, max_iter=max_iter, random_state=seed, class_weight=class_weight)
    clf.fit(matrix, list(y), sample_weight=None if sample_weight is None else list(sample_weight))
    names = list(vec.get_feature_names_out())
    coef = clf.coef_.tolist()
    intercept = clf.intercept_.tolist()
    return LinearModel([str(c) for c in clf.classes_], {n: i for i, n in enumerate(names)}, coef, intercept)
