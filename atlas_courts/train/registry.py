"""Which models there are and which one ``extract`` uses: ``atlas-courts models list|use|diff``.

Model folders live in the models directory (``models/`` of the checkout, or
``$ATLAS_COURTS_MODELS``), one per version: ``<name>-<version>/``. The one
``extract`` uses is, in order:

1. ``$ATLAS_COURTS_MODEL``: a folder path, a folder name in the models
   directory, or ``none`` (rules only);
2. the name in ``<models>/ACTIVE`` (written by ``models use``; ``none`` there
   means rules only);
3. otherwise the newest version there is: a shipped model is the default
   when present.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .model import REQUIRED_FILES, check_folder

__all__ = ["models_dir", "list_models", "active_model_path", "use_model", "diff_models", "resolve_model", "ModelInfo"]

ACTIVE_FILE = "ACTIVE"
NO_MODEL = "none"


def models_dir() -> Path:
    env = os.environ.get("ATLAS_COURTS_MODELS")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "models"


@dataclass
class ModelInfo:
    name: str  # folder name
    path: Path
    meta: dict[str, Any]
    ok: bool
    problem: str | None = None

    @property
    def version_key(self) -> tuple:
        version = str(self.meta.get("version", "0"))
        return tuple(int(x) if x.isdigit() else x for x in re.split(r"[.\-+]", version)), self.meta.get("trained_at", "")


def list_models(directory: Path | None = None) -> list[ModelInfo]:
    directory = directory or models_dir()
    out = []
    if not directory.is_dir():
        return out
    for path in sorted(p for p in directory.iterdir() if p.is_dir() and (p / "meta.json").exists()):
        try:
            meta = check_folder(path, verify=False)
            out.append(ModelInfo(path.name, path, meta, True))
        except UsageError as exc:
            meta = {}
            try:
                meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
            except (OSError, json.JSONDecodeError):
                pass
            out.append(ModelInfo(path.name, path, meta, False, str(exc)))
    return out


def resolve_model(spec: str | os.PathLike, directory: Path | None = None) -> Path:
    """A model folder from a path or a folder name in the models directory."""
    directory = directory or models_dir()
    path = Path(spec)
    if path.is_dir():
        return path
    if (directory / str(spec)).is_dir():
        return directory / str(spec)
    names = ", ".join(m.name for m in list_models(directory)) or "none"
    raise UsageError(f"no model {spec!r} (models in {directory}: {names})")


def active_model_path(directory: Path | None = None) -> Path | None:
    """The model folder ``extract`` uses, or None for rules only."""
    env = os.environ.get("ATLAS_COURTS_MODEL")
    directory = directory or models_dir()
    if env:
        return None if env.strip().lower() == NO_MODEL else resolve_model(env.strip(), directory)
    active = directory / ACTIVE_FILE
    if active.is_file():
        name = active.read_text(encoding="utf-8").strip()
        if not name or name.lower() == NO_MODEL:
            return None
        return resolve_model(name, directory)
    usable = [m for m in list_models(directory) if m.ok]
    if not usable:
        return None
    return max(usable, key=lambda m: m.version_key).path


def use_model(name: str, directory: Path | None = None) -> Path | None:
    """Make ``name`` (a folder in the models directory, or ``none``) the model ``extract`` uses."""
    directory = directory or models_dir()
    if name.lower() == NO_MODEL:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / ACTIVE_FILE).write_text(NO_MODEL + "\n", encoding="utf-8")
        return None
    path = resolve_model(name, directory)
    if path.resolve().parent != directory.resolve():
        raise UsageError(f"{path}: models use takes a folder of {directory}; copy the model there first")
    check_folder(path)
    (directory / ACTIVE_FILE).write_text(path.name + "\n", encoding="utf-8")
    return path


def _field_f1(metrics: dict[str, Any], scope: str) -> dict[str, float | None]:
    """Per-field F1 of one column of metrics.json (``scope`` like ``crossval.dev.hybrid``)."""
    node: Any = metrics
    for part in scope.split("."):
        node = node.get(part, {}) if isinstance(node, dict) else {}
    return {k: (v or {}).get("f1") for k, v in (node or {}).items()} if isinstance(node, dict) else {}


def diff_models(a: str, b: str, *, scope: str = "crossval.dev.hybrid", directory: Path | None = None) -> list[dict[str, Any]]:
    """Per field: F1 in model ``a``, in model ``b``, and the gain or loss (from their metrics.json)."""
    pa, pb = resolve_model(a, directory), resolve_model(b, directory)
    ma = json.loads((pa / "metrics.json").read_text(encoding="utf-8"))
    mb = json.loads((pb / "metrics.json").read_text(encoding="utf-8"))
    fa, fb = _field_f1(ma, scope), _field_f1(mb, scope)
    rows = []
    for name in sorted(set(fa) | set(fb), key=lambda k: (k.startswith("ner:"), k)):
        x, y = fa.get(name), fb.get(name)
        rows.append({"field": name, "a": x, "b": y, "change": None if x is None or y is None else round(y - x, 4)})
    return rows


def required_files() -> tuple[str, ...]:
    return REQUIRED_FILES
