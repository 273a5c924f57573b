"""Structured case data: case-management exports (one row per defendant with
dated stages) loaded into atlas.db beside the document-derived records.

A mapping file (JSON, data not code) says which columns hold what; see
``mappings/htd_federal_trafficking.json`` for a full example. Importing a file
replaces every row previously imported under the same source tag (an export is
a snapshot). Values that cannot be read are kept as null, counted, and listed
in the summary; nothing is guessed.

The tables live in atlas.db under their own migration set
(``atlas_courts.metrics``), created the first time something is imported, so
databases that never import anything are unchanged.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import json
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlite_utils

from ..errors import UsageError
from ..store.schema import content_id
from ..store.schema import migrate as store_migrate  # one locked migration routine for both sets

MAPPING_SCHEMA = "atlas-courts/case-import-mapping/1"
MAPPINGS_DIR = Path(__file__).with_name("mappings")
EVENT_TYPES = ("offence", "complaint", "arrest", "indictment", "arraignment", "trial_start", "judgment",
               "sentencing", "termination", "appeal_filed", "appeal_decision")

MIGRATIONS = sqlite_utils.Migrations("atlas_courts.metrics")


@MIGRATIONS()
def m001_structured_cases(db: sqlite_utils.Database) -> None:
    db["structured_sources"].create(
        {
            "source": str,
            "file": str,  # file name only
            "sha256": str,
            "title": str,
            "description": str,
            "mapping": str,  # JSON: the mapping used
            "as_of": str,  # YYYY-MM-DD: open cases are known to be open at this date
            "rows": int,
            "skipped_rows": int,
            "warnings": str,  # JSON object: problem -> count
        },
        pk="source",
        not_null=["file", "sha256", "mapping", "rows", "skipped_rows", "warnings"],
        strict=True,
    )
    db["structured_cases"].create(
        {
            "id": str,
            "source": str,
            "row_number": int,  # line of the file (1-based) the row starts on
            "external_id": str,  # the export's own id for the row
            "case_number": str,
            "country": str,
            "court": str,
            "office": str,
            "verdict": str,
            "pending": int,  # 1 when the case has no disposition date: open at as_of
            "as_of": str,
            "events": str,  # JSON list of [type, YYYY-MM-DD]
            "categories": str,  # JSON list
            "statutes": str,  # JSON list of statute ids
            "charges": str,  # JSON list of {statute_id, text, category, verdict, counts, sentence_months}
            "imprisonment_months": float,
            "fined": int,
            "raw": str,  # JSON: the row as read (private: may hold names)
        },
        pk="id",
        not_null=["source", "row_number", "external_id", "pending", "events", "categories", "statutes", "charges",
                  "fined", "raw"],
        foreign_keys=[("source", "structured_sources", "source")],
        strict=True,
    )
    db["structured_cases"].create_index(["source"])
    db["structured_cases"].create_index(["court"])
    db["structured_cases"].create_index(["office"])


def migrate(db: sqlite_utils.Database) -> None:
    store_migrate(db, MIGRATIONS)


# --------------------------------------------------------------------------- mapping


def load_mapping(path: str | os.PathLike) -> dict[str, Any]:
    """Read and check a mapping file. A bare name (``htd_federal_trafficking``)
    is looked up among the mappings shipped with atlas_courts."""
    p = Path(path)
    if not p.exists() and (MAPPINGS_DIR / f"{p.name}.json").exists():
        p = MAPPINGS_DIR / f"{p.name}.json"
    if not p.is_file():
        raise UsageError(f"mapping {path}: no such file")
    try:
        mapping = json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise UsageError(f"mapping {p}: not valid JSON ({exc})") from exc
    check_mapping(mapping, str(p))
    return mapping


def check_mapping(mapping: Any, where: str = "mapping") -> None:
    if not isinstance(mapping, dict):
        raise UsageError(f"{where}: a mapping is a JSON object")
    if mapping.get("schema") != MAPPING_SCHEMA:
        raise UsageError(f"{where}: schema must be {MAPPING_SCHEMA!r}")
    source = mapping.get("source")
    if not isinstance(source, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", source) or source == "documents":
        raise UsageError(f"{where}: source must be a lower-case tag such as 'htd-federal', got {source!r}")
    events = mapping.get("events")
    if not isinstance(events, dict) or not events:
        raise UsageError(f"{where}: events must map event types to columns")
    bad = sorted(set(events) - set(EVENT_TYPES))
    if bad:
        raise UsageError(f"{where}: unknown event type(s) {', '.join(bad)}; use {', '.join(EVENT_TYPES)}")
    if not {"judgment", "termination"} & set(events):
        raise UsageError(f"{where}: map a judgment or termination column: it says which cases are disposed")
    as_of = mapping.get("as_of", "latest")
    if as_of != "latest":
        try:
            datetime.date.fromisoformat(as_of)
        except (TypeError, ValueError) as exc:
            raise UsageError(f"{where}: as_of must be 'latest' or YYYY-MM-DD, got {as_of!r}") from exc
    formats = mapping.get("date_formats")
    if not isinstance(formats, list) or not formats or not all(isinstance(f, str) for f in formats):
        raise UsageError(f"{where}: date_formats must be a list of strptime formats")


# --------------------------------------------------------------------------- reading


@dataclass
class ImportSummary:
    source: str
    file: str
    rows: int = 0
    skipped_rows: int = 0
    pending: int = 0
    as_of: str | None = None
    warnings: Counter = field(default_factory=Counter)

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "file": self.file, "rows": self.rows, "skipped_rows": self.skipped_rows,
                "pending": self.pending, "as_of": self.as_of, "warnings": dict(sorted(self.warnings.items()))}


def _read_rows(path: Path, mapping: dict[str, Any]) -> tuple[int, list[str], list[tuple[int, list[str]]]]:
    """(line of the header, column names, [(line, values)] after the header).

    The header is the first row holding every name in ``header.row_with``, so
    exports with rows of group titles above the names, or of descriptions
    below them, are read alike. Repeated names get ``.1``, ``.2`` suffixes."""
    wanted = set(mapping.get("header", {}).get("row_with", []))
    with path.open(encoding=mapping.get("encoding", "utf-8-sig"), newline="") as f:
        reader = csv.reader(f)
        records = []
        while True:
            line = reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as exc:
                raise UsageError(f"{path.name}: line {line}: {exc}") from exc
            records.append((line, values))
    for index, (line, values) in enumerate(records):
        names = [v.strip() for v in values]
        if wanted <= set(names) and names:
            seen: Counter = Counter()
            unique = []
            for n in names:
                unique.append(n if not seen[n] else f"{n}.{seen[n]}")
                seen[n] += 1
            return line, unique, records[index + 1 :]
    raise UsageError(f"{path.name}: no header row with the columns {', '.join(sorted(wanted))}")


_LEADING_DATE = re.compile(r"^\s*(\S+)\s+(.*\S)\s*$")


def parse_date(value: str, formats: list[str], warnings: Counter, column: str) -> str | None:
    """A date as YYYY-MM-DD, or None (counted) when it cannot be read. A date
    followed by a note ("6/18/2013 Arrested before indictment") keeps the date."""
    text = value.strip()
    if not text:
        return None
    candidates = [text]
    note = _LEADING_DATE.match(text)
    if note:
        candidates.append(note.group(1))
    for i, candidate in enumerate(candidates):
        for fmt in formats:
            try:
                d = datetime.datetime.strptime(candidate, fmt).date()
            except ValueError:
                continue
            if not 1900 <= d.year <= 2100:
                continue
            if i:
                warnings[f"{column}: date followed by a note (date kept)"] += 1
            return d.isoformat()
    warnings[f"{column}: not a date, kept null"] += 1
    return None


def _number(value: str | None) -> float | None:
    if value is None:
        return None
    text = value.strip().replace(",", "")
    if not text:
        return None
    try:
        return float(text)
    except ValueError:
        return None


def _value(spec: Any, row: dict[str, str]) -> str | None:
    """A mapped value: {"column": ...}, {"value": ...} or {"template": ..., "fallback": ...}."""
    if spec is None:
        return None
    if isinstance(spec, str):
        spec = {"column": spec}
    if "value" in spec:
        return spec["value"]
    if "column" in spec:
        v = (row.get(spec["column"]) or "").strip()
        return v or None
    for key in ("template", "fallback"):
        template = spec.get(key)
        if not template:
            continue
        fields = re.findall(r"{([^}]+)}", template)
        values = {f: (row.get(f) or "").strip() for f in fields}
        if all(values.values()):
            out = template
            for f, v in values.items():
                out = out.replace("{" + f + "}", v)
            return " ".join(out.split())
    return None


def _charges(mapping: dict, row: dict[str, str], catalog: dict[str, str | None]) -> list[dict[str, Any]]:
    spec = mapping.get("charges")
    if not spec:
        return []
    out = []
    for group, info in spec["groups"].items():
        col = lambda template: template.replace("{group}", group)  # noqa: E731
        flag = col(spec["charged"])
        if flag not in row:
            continue  # this export has no columns for the group
        counts = _number(row.get(col(spec["counts"]))) if spec.get("counts") else None
        if not (_number(row.get(flag)) or 0) and not counts:
            continue
        total = lambda names: sum(_number(row.get(col(n))) or 0 for n in names)  # noqa: E731
        convicted, acquitted, dismissed = (total(spec.get(k, [])) for k in ("convicted", "acquitted", "dismissed"))
        verdict = ("convicted" if convicted > 0 else "acquitted" if acquitted > 0
                   else "dismissed" if dismissed > 0 else "unknown")
        sid = info.get("statute")
        sentence = _number(row.get(col(spec["sentence_months"]))) if spec.get("sentence_months") else None
        out.append({
            "statute_id": sid,
            "text": info.get("text") or group,
            "category": catalog.get(sid) or info.get("category") if sid else info.get("category"),
            "verdict": verdict,
            "counts": counts,
            "acquitted_counts": acquitted,
            "sentence_months": sentence if verdict == "convicted" else None,
        })
    return out


def _verdict(charges: list[dict[str, Any]], pending: bool) -> str:
    verdicts = {c["verdict"] for c in charges}
    if pending:
        return "unknown"
    if "convicted" in verdicts:
        return "mixed" if any(c["acquitted_counts"] for c in charges) else "convicted"
    for v in ("acquitted", "dismissed"):
        if v in verdicts:
            return v
    return "unknown"


def import_cases(
    db: sqlite_utils.Database, csv_path: str | os.PathLike, mapping: dict[str, Any]
) -> ImportSummary:
    """Load one export into atlas.db (replacing that source's earlier import)."""
    check_mapping(mapping)
    path = Path(csv_path)
    if not path.is_file():
        raise UsageError(f"import-cases: {path}: no such file")
    header_line, names, records = _read_rows(path, mapping)
    missing = sorted({c for c in _mapped_columns(mapping) if c not in names})
    if missing:
        raise UsageError(f"{path.name}: the mapping names columns the file lacks: {', '.join(missing)}")
    source = mapping["source"]
    summary = ImportSummary(source, path.name)
    warnings = summary.warnings
    formats = mapping["date_formats"]
    missing_values = {v.strip() for v in mapping.get("missing_values", [""])}
    id_columns = mapping.get("id", {}).get("columns", [])
    catalog = {}
    if db["statutes"].exists():
        catalog = {r["id"]: r["category"] for r in db.query("SELECT id, category FROM statutes")}

    parsed = []
    for line, values in records:
        if not any(v.strip() for v in values):
            continue
        row = {n: (values[i] if i < len(values) else "") for i, n in enumerate(names)}
        row = {k: ("" if v.strip() in missing_values else v) for k, v in row.items()}
        events = []
        for etype, column in mapping["events"].items():
            d = parse_date(row.get(column, ""), formats, Counter(), column)
            if d:
                events.append([etype, d])
        external = next((row[c].strip() for c in id_columns if row.get(c, "").strip()), None)
        if not events:
            # No date in any mapped column: a row of descriptions or codes under
            # the header, or a row that dates nothing (it cannot be measured).
            summary.skipped_rows += 1
            continue
        # Parse again, counting problems, only for data rows.
        events = []
        for etype, column in mapping["events"].items():
            d = parse_date(row.get(column, ""), formats, warnings, column)
            if d:
                events.append([etype, d])
        parsed.append((line, row, external, events))

    all_dates = [d for _, _, _, ev in parsed for _, d in ev]
    as_of = mapping.get("as_of", "latest")
    if as_of == "latest":
        as_of = max(all_dates) if all_dates else None
    summary.as_of = as_of

    rows = []
    seen: Counter = Counter()
    for line, row, external, events in parsed:
        if external is None:
            external = f"line{line}"
            warnings["row without an id: keyed by its line"] += 1
        seen[external] += 1
        if seen[external] > 1:
            warnings["repeated id: keyed by id and line"] += 1
            external = f"{external}#line{line}"
        types = {t for t, _ in events}
        pending = not ({"judgment", "termination"} & types)
        charges = _charges(mapping, row, catalog)
        months = _number(row.get(mapping["sentence"]["imprisonment_months"])) if mapping.get("sentence") else None
        fine_col = (mapping.get("sentence") or {}).get("fine")
        summary.pending += pending
        rows.append({
            "id": content_id("structured_case", source, external),
            "source": source,
            "row_number": line,
            "external_id": external,
            "case_number": _value(mapping.get("case_number"), row),
            "country": _value(mapping.get("country"), row),
            "court": _value(mapping.get("court"), row),
            "office": _value(mapping.get("office"), row),
            "verdict": _verdict(charges, pending),
            "pending": int(pending),
            "as_of": as_of,
            "events": json.dumps(events),
            "categories": json.dumps(sorted({c["category"] for c in charges if c["category"]})),
            "statutes": json.dumps(sorted({c["statute_id"] for c in charges if c["statute_id"]})),
            "charges": json.dumps(charges, sort_keys=True),
            "imprisonment_months": None if pending else months,
            "fined": int(bool(_number(row.get(fine_col)) if fine_col else False)),
            "raw": json.dumps(row, ensure_ascii=False, sort_keys=True),
        })
    summary.rows = len(rows)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    migrate(db)
    with db.atomic():
        db.execute("DELETE FROM structured_cases WHERE source = ?", [source])
        db["structured_sources"].upsert({
            "source": source, "file": path.name, "sha256": sha, "title": mapping.get("title"),
            "description": mapping.get("description"), "mapping": json.dumps(mapping, sort_keys=True),
            "as_of": as_of, "rows": summary.rows, "skipped_rows": summary.skipped_rows,
            "warnings": json.dumps(dict(sorted(warnings.items()))),
        }, pk="source")
        if rows:
            db["structured_cases"].insert_all(rows, pk="id", batch_size=500)
    return summary


def _mapped_columns(mapping: dict[str, Any]) -> set[str]:
    cols = set(mapping["events"].values())
    for key in ("case_number", "country", "court", "office"):
        spec = mapping.get(key)
        if isinstance(spec, str):
            cols.add(spec)
        elif isinstance(spec, dict) and "column" in spec:
            cols.add(spec["column"])
    if mapping.get("sentence", {}).get("imprisonment_months"):
        cols.add(mapping["sentence"]["imprisonment_months"])
    return cols
