"""The command line: a thin click layer over the library.

Every library error becomes ``Error: <message>`` on stderr and exit status 1
(usage errors from click itself exit 2). Progress bars and summaries are
printed here and nowhere else.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from functools import partial
from pathlib import Path

import click

from . import __version__
from .errors import AtlasError, UsageError

_DEFAULTS = {"timeout": 300.0, "memory_mb": 3072, "max_pages": 2000, "max_file_mb": 200}


class _Group(click.Group):
    """Turns AtlasError into ``Error: …`` and exit 1, like sqlite-utils."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except AtlasError as exc:
            raise click.ClickException(str(exc)) from exc


@click.group(cls=_Group)
@click.version_option(__version__, prog_name="atlas-courts")
@click.option("-v", "--verbose", count=True, help="More log output (-v info, -vv debug).")
def cli(verbose: int) -> None:
    """atlas_courts: court documents on trafficking, forced and child labour, turned into a dataset."""
    level = logging.WARNING if verbose == 0 else logging.INFO if verbose == 1 else logging.DEBUG
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")


def _limits(timeout: float, memory_mb: int, max_pages: int, max_file_mb: int):
    from .ingest.sandbox import Limits

    try:
        return Limits(timeout_s=timeout, memory_mb=memory_mb, max_pages=max_pages, max_file_mb=max_file_mb)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def _limit_options(f):
    f = click.option("--max-file-mb", type=click.IntRange(min=1), default=_DEFAULTS["max_file_mb"], show_default=True,
                     help="Reject files larger than this.")(f)
    f = click.option("--max-pages", type=click.IntRange(min=1), default=_DEFAULTS["max_pages"], show_default=True,
                     help="Reject documents with more pages.")(f)
    f = click.option("--memory-mb", type=click.IntRange(min=256), default=_DEFAULTS["memory_mb"], show_default=True,
                     help="Memory limit of each worker process.")(f)
    f = click.option("--timeout", type=click.FloatRange(min=1), default=_DEFAULTS["timeout"], show_default=True,
                     help="Wall-clock seconds allowed per file.")(f)
    return f


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The private database to build.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True, help="Worker processes.")
@click.option("--no-ocr", is_flag=True, help="Do not OCR pages without a text layer.")
@_limit_options
def build(paths, db_path, workers, no_ocr, timeout, memory_mb, max_pages, max_file_mb):
    """Ingest, extract and store PDF, DOCX and TXT files (directories are searched recursively)."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .build import build as run_build, collect_files

    limits = _limits(timeout, memory_mb, max_pages, max_file_mb)
    total = len(collect_files(paths))
    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=False, disable=not console.is_terminal) as progress:
        task = progress.add_task("building", total=total)

        def on_file(path: Path, status: str) -> None:
            progress.update(task, advance=1, description=f"{status:>9} {path.name[:50]}")

        summary = run_build(paths, db_path, limits=limits, workers=workers, ocr=not no_ocr, on_file=on_file)
    click.echo(
        f"documents: {summary.ok} ok, {summary.failed} failed, {summary.skipped} skipped as unchanged; "
        f"pages: {summary.pages} ({summary.ocr_pages} OCR); seconds: {summary.seconds:.1f}"
    )
    if summary.failures:
        click.echo("failed:", err=True)
        for f in summary.failures:
            click.echo(f"  {f.file}: {f.status} ({f.error_class}): {f.message}", err=True)
        sys.exit(1)


@cli.command()
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the case record as JSON (the DESIGN.md contract).")
@click.option("--no-ocr", is_flag=True, help="Do not OCR pages without a text layer.")
@_limit_options
def extract(file, as_json, no_ocr, timeout, memory_mb, max_pages, max_file_mb):
    """Extract the case record of one document, without touching any database."""
    from .errors import DocumentError
    from .ingest.sandbox import run_isolated
    from .pipeline import process_file

    if not file.exists():
        raise UsageError(f"{file}: no such file")
    if file.is_dir():
        raise UsageError(f"{file}: is a directory, not a file")
    if not os.access(file, os.R_OK):
        raise UsageError(f"{file}: permission denied")
    limits = _limits(timeout, memory_mb, max_pages, max_file_mb)
    work = partial(process_file, ocr=not no_ocr, max_pages=max_pages, max_file_mb=max_file_mb)
    try:
        processed = run_isolated(work, file, limits=limits, file=file.name)
    except DocumentError as exc:
        raise click.ClickException(str(exc)) from exc
    record = processed.record.to_json()
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=1))
        return
    _print_record(record)


def _print_record(record: dict) -> None:
    doc, case = record["document"], record["case"]
    click.echo(f"{doc['file']}: {doc['doc_type']} in {doc['language']}, {doc['pages']} pages (OCR: {doc['ocr_pages'] or 'none'})")
    click.echo(f"  court:         {case['court']} ({case['country']})")
    click.echo(f"  case number:   {case['case_number']}")
    click.echo(f"  decision date: {case['decision_date']}")
    for d in record["defendants"]:
        s = d["sentence"]
        term = "life" if s["life"] else "death" if s["death"] else (f"{s['imprisonment_months']} months" if s["imprisonment_months"] else "-")
        click.echo(f"  defendant:     {d['name']}: {d['verdict']}, {term}{' suspended' if s['suspended'] else ''}")
        for c in d["charges"]:
            click.echo(f"                 - {c['offence']} [{c['category']}] {', '.join(c['statutes'])}: {c['verdict']}")
    click.echo(f"  statutes:      {', '.join(s['id'] or '?' + s['text'] for s in record['statutes_cited'])}")
    for e in record["events"]:
        click.echo(f"  event:         {e['date']} {e['type']} (p. {e['page']})")


@cli.command()
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, default=True, help="One case record per line (the only format for now).")
def export(db_path, as_json):
    """Print every stored case record, one JSON object per line."""
    from . import store

    db = store.open_db(db_path)
    try:
        for record in store.load_records(db):
            click.echo(json.dumps(record, ensure_ascii=False))
    finally:
        db.close()


@cli.command()
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--defendant-names", type=click.Choice(["initials", "full"]), default="initials", show_default=True,
              help="Publish defendants' names as initials (default) or in full (explicit choice only).")
@click.option("--metrics/--no-metrics", default=True, show_default=True,
              help="Add the timeline metrics, provenance links, canned queries for each kind of user and the dashboard.")
@click.option("--search/--no-search", default=True, show_default=True,
              help="Add full-text indexes of the published text columns (unicode61 and trigram).")
@click.option("--page-images", is_flag=True, default=False,
              help="Render the source pages facts were read from (served with the database) and link facts to "
                   "them with the passage highlighted. Every redacted name and identifying detail is blacked out; "
                   "a page whose text cannot be boxed is not rendered. Off by default: a name the detector misses "
                   "stays visible on the image, as it would in the text.")
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD",
              help="Declare the documents complete as of this date (see metrics --as-of).")
def publish(db_path, out, defendant_names, metrics, search, page_images, as_of):
    """Build the public database (allow-listed, no victim names) from the private one."""
    from . import publish as publish_mod

    if page_images and not metrics:
        raise UsageError("--page-images needs --metrics")
    summary = publish_mod.publish(db_path, out, defendant_names=defendant_names, metrics=metrics, search=search,
                                  page_images=page_images, as_of=as_of)
    click.echo(f"published {out}: " + ", ".join(f"{k}: {v}" for k, v in summary.items()))


@cli.command()
@click.argument("public_db", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True)
def serve(public_db, host, port):
    """Serve the public database with Datasette (immutable, public settings)."""
    from . import publish as publish_mod

    publish_mod.serve(public_db, host=host, port=port)


def _open_existing_db(db_path: Path):
    """atlas.db opened for reading measures: it must exist (open_db would create it)."""
    from . import store

    if not db_path.is_file():
        raise UsageError(f"{db_path}: no such database: run build (or import-cases) first")
    return store.open_db(db_path)


@cli.command()
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The private database.")
@click.option("--json", "as_json", is_flag=True, help="Print the whole report as JSON.")
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD",
              help="Declare the documents complete as of this date: their unfinished stages are pending, not missing.")
@click.option("--group-by", "group_by", multiple=True, metavar="DIMENSION",
              help="Group dimensions to show (repeatable): all, source, country, court, office, judgment_year, "
                   "filing_year, category, statute. Default: all of them.")
@click.option("--min-n", type=click.IntRange(min=1), default=1, show_default=True,
              help="Least cases a stage needs to count towards a group's bottleneck.")
def metrics(db_path, as_json, as_of, group_by, min_n):
    """Stage durations, bottlenecks, sentences against statutory ranges and caseload, from atlas.db."""
    from .metrics import DIMENSIONS, compute_metrics, render_text
    from .metrics.report import DEFAULT_DIMENSIONS

    dims = tuple(dict.fromkeys(group_by)) or DEFAULT_DIMENSIONS
    unknown = [d for d in dims if d not in DIMENSIONS]
    if unknown:
        raise UsageError(f"--group-by: unknown dimension {unknown[0]!r}; choose from {', '.join(DIMENSIONS)}")
    db = _open_existing_db(db_path)
    try:
        report = compute_metrics(db, as_of=as_of, dimensions=dims, min_n=min_n)
    finally:
        db.close()
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        click.echo(render_text(report))


@cli.command("import-cases")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--mapping", "mapping_path", required=True,
              help="Mapping file (JSON), or the name of a mapping shipped with atlas_courts (htd_federal_trafficking).")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The private database.")
def import_cases_command(file, mapping_path, db_path):
    """Load a case-management export (CSV, one row per defendant) beside the document-derived records."""
    from . import store
    from .metrics import import_cases, load_mapping

    if not file.is_file():
        raise UsageError(f"{file}: no such file")
    mapping = load_mapping(mapping_path)
    db = store.open_db(db_path)
    try:
        summary = import_cases(db, file, mapping)
    finally:
        db.close()
    data = summary.to_json()
    click.echo(f"imported {data['rows']} cases from {data['file']} as source {data['source']} "
               f"({data['pending']} pending as of {data['as_of']}; {data['skipped_rows']} non-data rows skipped)")
    for problem, n in data["warnings"].items():
        click.echo(f"  {n} x {problem}", err=True)


@cli.command("benchmark")
@click.option("--db", "db_path", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The private database.")
@click.option("--court", default=None, help="The court to benchmark, as named in the data.")
@click.option("--office", default=None, help="The prosecutors' office to benchmark, as named in the data.")
@click.option("--peers", type=click.Choice(["country", "all"]), default="country", show_default=True,
              help="Compare with the courts (offices) of the same country, or with all.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the HTML report with charts here.")
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
@click.option("--min-n", type=click.IntRange(min=1), default=1, show_default=True,
              help="Least cases a peer needs in a stage to be compared.")
@click.option("--as-of", "as_of", default=None, metavar="YYYY-MM-DD", help="As for metrics.")
def benchmark_command(db_path, court, office, peers, out, as_json, min_n, as_of):
    """Compare one court or prosecutors' office with its peers: each stage's median and percentile."""
    from .benchmark import benchmark, write_report

    if (court is None) == (office is None):
        raise UsageError("benchmark: give --court or --office (one of them)")
    db = _open_existing_db(db_path)
    try:
        result = benchmark(db, court=court, office=office, peers=peers, min_n=min_n, as_of=as_of)
    finally:
        db.close()
    data = result.to_json()
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        click.echo(f"{data['unit']}: {data['n_cases']} cases; {len(data['peer_units'])} peers "
                   f"({'country ' + str(data['country']) if peers == 'country' else 'all'}), {data['n_peer_cases']} cases")
        click.echo(f"{'stage':<48}{'n':>5}{'median':>9}{'peers':>9}{'pct':>6}")
        for s in data["stages"]:
            sub = s["subject"] or {}
            med = sub.get("median")
            peer = (s["peers_pooled"] or {}).get("median")
            pct = s["percentile"]
            click.echo(f"{s['label']:<48}{sub.get('n', 0):>5}{'-' if med is None else f'{med:.1f}':>9}"
                       f"{'-' if peer is None else f'{peer:.1f}':>9}{'-' if pct is None else f'{pct:.0f}':>6}")
        click.echo(f"censoring: {data['censoring']}")
    if out:
        path = write_report(result, out)
        click.echo(f"report written to {path}", err=True)


@cli.command()
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--out", "out", type=click.Path(dir_okay=False, path_type=Path), help="Also write the JSON report to this file.")
@click.option("--baseline", type=click.Path(dir_okay=False, path_type=Path), default=Path("models/metrics.json"),
              show_default=True, help="Tracked scores to compare with.")
@click.option("--update-baseline", is_flag=True, help="Accept this run as the new baseline.")
@click.option("--details", is_flag=True, help="List each document's false positives and negatives.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Cache ingested documents here (speeds up repeated runs).")
@click.option("--model", "model", type=click.Path(path_type=Path), default=None,
              help="Compare rules only, this model only, and the hybrid, field by field (a model folder).")
def evaluate(gold_dir, as_json, out, baseline, update_baseline, details, workers, cache, model):
    """Score the extractor against the gold records in GOLD_DIR, per field and per language."""
    from . import evaluate as ev
    from .evaluate.runner import predict_files
    from .pipeline import versions

    if model is not None:
        _evaluate_model(gold_dir, model, as_json=as_json, out=out, workers=workers, cache=cache)
        return

    pairs = ev.find_gold(gold_dir)
    if not pairs:
        raise UsageError(f"{gold_dir}: no documents with a <name>.gold.json beside them")
    previous = _read_baseline(baseline)  # before the run: a bad baseline file should not cost one
    report = ev.evaluate_pairs(pairs, lambda sources: predict_files(sources, workers=workers, cache_dir=cache))
    data = report.to_json()
    if previous and Path(previous.get("gold_dir", "")).resolve() != Path(gold_dir).resolve():
        previous = None  # a baseline of another gold set says nothing about this one
    model_now = versions()["model"]
    if previous and previous.get("versions", {}).get("model", "none") != model_now:
        # The tracked baseline is of one extractor (rules only, or one model): another one's scores
        # are not gains or losses against it. ATLAS_COURTS_MODEL=none scores the rules alone.
        click.echo(f"note: the baseline in {baseline} is of model {previous.get('versions', {}).get('model', 'none')!r}, "
                   f"this run uses {model_now!r}: not compared (ATLAS_COURTS_MODEL=none scores the rules alone)", err=True)
        previous = None
    if previous:
        data["baseline_comparison"] = ev.compare_to_baseline(report, previous)
    if out:
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        _print_report(report, previous, details)
    if update_baseline:
        baseline.parent.mkdir(parents=True, exist_ok=True)
        baseline.write_text(json.dumps(ev.baseline_json(report, gold_dir=str(gold_dir), versions=versions()), indent=1) + "\n")
        click.echo(f"baseline written to {baseline}", err=True)


def _read_baseline(path: Path) -> dict | None:
    """The tracked scores in ``path`` (None when there is no such file), or a clear error."""
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError(f"{path}: not a baseline of evaluate scores ({exc})") from exc
    if not isinstance(data, dict):
        raise UsageError(f"{path}: not a baseline of evaluate scores (a JSON object is expected)")
    return data


def _evaluate_model(gold_dir, model, *, as_json, out, workers, cache) -> None:
    from .evaluate import find_gold
    from .train.compare import compare
    from .train.registry import resolve_model

    if not find_gold(gold_dir):
        raise UsageError(f"{gold_dir}: no documents with a <name>.gold.json beside them")
    comparison = compare(gold_dir, resolve_model(model), workers=workers, cache_dir=cache)
    data = comparison.to_json()
    if out:
        out.write_text(json.dumps(data, ensure_ascii=False, indent=1))
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    click.echo(f"{comparison.documents} documents, model {comparison.model} ({len(comparison.failed)} failed to process)")
    for f, e in comparison.failed:
        click.echo(f"  failed: {f}: {e}")
    for lang, modes in sorted(data["by_language"].items(), key=lambda kv: (kv[0] != "all", kv[0])):
        _print_three(modes, title=f"language {lang}")
    if comparison.in_sample:
        click.echo(f"note: {len(comparison.in_sample)} of these {comparison.documents} documents were in the model's "
                   "training data, so these scores are IN-SAMPLE; the honest, cross-validated (leave-cases-out) "
                   "scores are in the model folder's metrics.json and MODEL_CARD.md.")


def _print_report(report, previous, details: bool) -> None:
    from . import evaluate as ev

    failed = [d for d in report.documents if d.failed]
    click.echo(f"{len(report.documents)} documents ({len(failed)} failed to process)")
    for d in failed:
        click.echo(f"  failed: {d.file}: {d.failed}")
    comparison = {(r["language"], r["field"]): r for r in ev.compare_to_baseline(report, previous)} if previous else {}
    langs = ["all", *report.languages]
    header = f"{'field':<16}" + "".join(f"{lang + ' P/R/F1':>24}" for lang in langs)
    click.echo(header)
    totals = {lang: report.totals(None if lang == "all" else lang) for lang in langs}
    for name in ev.FIELDS:
        row = f"{name:<16}"
        for lang in langs:
            c = totals[lang][name]
            if c.f1 is None:
                row += f"{'-':>24}"
                continue
            cell = f"{c.precision or 0:.2f}/{c.recall or 0:.2f}/{c.f1:.2f}"
            change = comparison.get((lang, name), {}).get("change")
            if change:
                cell += f" ({change:+.2f})"
            row += f"{cell:>24}"
        click.echo(row)
    if details:
        for d in report.documents:
            if not d.errors:
                continue
            click.echo(f"\n{d.file} [{d.language}]")
            for name, errs in d.errors.items():
                click.echo(f"  {name}: FP {errs['fp']}  FN {errs['fn']}")


# --------------------------------------------------------------------------- annotate, train, models


@cli.group()
def annotate() -> None:
    """Export predictions to Label Studio, Prodigy or doccano, and import the corrections as gold."""


@annotate.command("export")
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Tasks file: a JSON list for .json, JSON lines otherwise.")
@click.option("--format", "fmt", required=True, type=click.Choice(["labelstudio", "prodigy", "doccano"]))
@click.option("--select", type=click.Choice(["document-order", "low-confidence", "random", "unresolved"]),
              default="document-order", show_default=True,
              help="low-confidence: least confident predictions first; unresolved: only what could not be normalised.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="At most this many tasks.")
@click.option("--unit", type=click.Choice(["passages", "document"]), default="passages", show_default=True,
              help="passages: caption, operative part and passages around dates, citations and penalties.")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of --select random.")
@click.option("--document", "documents", multiple=True, help="Only this document (file name or sha256); repeatable.")
@click.option("--include-annotated", is_flag=True, help="Also export regions that already have gold.")
def annotate_export(db_path, out, fmt, select, limit, unit, seed, documents, include_annotated):
    """Write annotation tasks with the current predictions as pre-annotations."""
    from . import annotate as annotate_mod
    from . import store

    db = store.open_db(db_path)
    try:
        tasks, written = annotate_mod.export_tasks(
            db, out, fmt, select=select, limit=limit, unit=unit, seed=seed,
            include_annotated=include_annotated, documents=list(documents) or None,
            model_version=_predictions_version(db),
        )
    finally:
        db.close()
    spans = sum(len(t.spans) for t in tasks)
    click.echo(f"{len(tasks)} tasks ({spans} pre-annotated spans, {len({t.document for t in tasks})} documents) "
               f"written to {', '.join(str(w) for w in written)}")


def _predictions_version(db) -> str:
    row = db.execute("SELECT versions FROM runs ORDER BY first_seen DESC LIMIT 1").fetchone()
    if not row:
        return "atlas-courts"
    versions = json.loads(row[0])
    return f"atlas-courts {versions.get('rules', '?')} model {versions.get('model', 'none')}"


@annotate.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--db", "db_path", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", required=True, type=click.Choice(["labelstudio", "prodigy", "doccano", "record"]),
              help="record: gold case records (JSON object, list or lines) correcting verdicts, sentences, events.")
@click.option("--annotator", default=None, help="Who annotated, when the tool does not say (default: your user name).")
@click.option("--label-map", default=None,
              help="Tool labels -> atlas labels: a built-in map (aymurai) or a JSON file of the same shape.")
@click.option("--accept-unreviewed", is_flag=True,
              help="Also take tasks nobody answered in the tool (predictions only) as gold.")
@click.option("--dry-run", is_flag=True, help="Check everything, store nothing.")
def annotate_import(file, db_path, fmt, annotator, label_map, accept_unreviewed, dry_run):
    """Check a tool's export against the stored texts and store it as gold (apart from predictions)."""
    from . import annotate as annotate_mod
    from . import store

    if not file.is_file():
        raise UsageError(f"{file}: no such file")
    db = store.open_db(db_path)
    try:
        report = annotate_mod.import_file(db, file, fmt, annotator=annotator, label_map=label_map,
                                          accept_unreviewed=accept_unreviewed, dry_run=dry_run)
    finally:
        db.close()
    what = f"{report.records} records" if fmt == "record" else f"{report.tasks} tasks, {report.spans} spans"
    click.echo(f"{'checked' if dry_run else 'imported'} {what} from {file.name}"
               + (f" ({report.aligned_tasks} placed by aligning the tool's text)" if report.aligned_tasks else ""))
    if report.unreviewed:
        click.echo(f"skipped {report.unreviewed} tasks with predictions only (nobody answered them; "
                   "--accept-unreviewed takes them as gold)")
    for answer, n in sorted(report.skipped_answers.items()):
        click.echo(f"skipped {n} tasks answered {answer!r}")
    if report.ignored_labels:
        click.echo("labels not imported (no atlas label): "
                   + ", ".join(f"{k} x{v}" for k, v in sorted(report.ignored_labels.items())))
    if report.left_out:
        click.echo(f"left out {len(report.left_out)} spans (labels the tool marks as positives only; the rest of "
                   "their tasks was imported):")
        for r in report.left_out:
            click.echo(f"  {r}")
    if report.rejections:
        click.echo(f"rejected {len(report.rejections)}:", err=True)
        for r in report.rejections:
            click.echo(f"  {r}", err=True)
        sys.exit(1)


@cli.command()
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Training config (every hyperparameter; default models/configs/atlas.cfg).")
@click.option("--db", "db_path", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help="Also train on the gold imported into this database (annotate import).")
@click.option("--gold-dir", "gold_dirs", multiple=True, type=click.Path(file_okay=False, path_type=Path),
              help="Gold directories (documents with <name>.gold.json), instead of the config's; repeatable.")
@click.option("--annotations", "annotations", multiple=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Span annotation exports, instead of the config's; repeatable (format and label map: see --annotation-format).")
@click.option("--annotation-format", default="labelstudio", show_default=True,
              type=click.Choice(["labelstudio", "prodigy", "doccano"]))
@click.option("--label-map", default=None, help="Label map of --annotations (a built-in name or a JSON file).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Model folder to write (default models/<name>-<version>/).")
@click.option("--set", "settings", multiple=True, metavar="SECTION.KEY=VALUE",
              help="Override a config value, e.g. --set training.max_steps=200 (kept in the folder's config).")
@click.option("--force", is_flag=True, help="Overwrite an existing model folder of the same version.")
@click.option("--workers", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("--cache", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Ingest cache (shared with evaluate --cache).")
def train(config_path, db_path, gold_dirs, annotations, annotation_format, label_map, out_dir, settings, force,
          workers, cache):
    """Train the span model and the event and verdict classifiers from all gold into a model folder."""
    from . import train as train_mod
    from .train.data import Sources

    overrides = _overrides(settings)
    config_path = config_path or train_mod.DEFAULT_CONFIG
    sources = None
    if gold_dirs or annotations:
        sources = Sources(gold_dirs=list(gold_dirs),
                          annotations=[(a, annotation_format, label_map) for a in annotations])
    folder = train_mod.train(config_path, out_dir=out_dir, sources=sources, db=db_path, overrides=overrides,
                             workers=workers, cache_dir=cache, force=force,
                             progress=lambda message: click.echo(message, err=True))
    metrics = json.loads((folder / "metrics.json").read_text(encoding="utf-8"))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    click.echo(f"{folder}: {meta['data']['documents']} documents, {meta['data']['cases']} cases, "
               f"{meta['training_seconds']} s")
    _print_three(metrics.get("crossval", {}).get(meta.get("headline_origin", "dev")) or metrics.get("crossval", {}).get("all"),
                 title=f"cross-validated by case ({metrics.get('crossval', {}).get('folds', '?')} folds), "
                       f"{meta.get('headline_origin', 'dev')} documents")


def _overrides(settings) -> dict:
    out = {}
    for item in settings:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--set takes SECTION.KEY=VALUE, got {item!r}")
        try:
            out[key.strip()] = json.loads(value)
        except json.JSONDecodeError:
            out[key.strip()] = value
    return out


def _print_three(block, *, title: str) -> None:
    from .evaluate.scoring import FIELDS
    from .train.crossval import MODEL_FIELDS

    if not block:
        return
    click.echo(f"{title}: {block.get('documents', '?')} documents")
    click.echo(f"{'field':<16}{'rules P/R/F1':>20}{'model P/R/F1':>20}{'hybrid P/R/F1':>20}")
    for name in FIELDS:
        row = f"{name:<16}"
        for mode in ("rules", "model", "hybrid"):
            c = (block.get(mode) or {}).get(name)
            if mode == "model" and name not in MODEL_FIELDS:
                row += f"{'(rules)':>20}"
            elif not c or c.get("f1") is None:
                row += f"{'-':>20}"
            else:
                row += f"{(c['precision'] or 0):.2f}/{(c['recall'] or 0):.2f}/{c['f1']:.2f}".rjust(20)
        click.echo(row)


@cli.group()
def models() -> None:
    """List model versions, choose the one extract uses, compare two."""


@models.command("list")
def models_list():
    """The model folders in models/ (the active one marked with *)."""
    from .train import registry

    try:
        active = registry.active_model_path()
    except AtlasError as exc:
        active = None
        click.echo(f"warning: {exc}", err=True)
    found = registry.list_models()
    if not found:
        click.echo(f"no models in {registry.models_dir()} (extract uses the rules only)")
        return
    for m in found:
        mark = "*" if active is not None and m.path.resolve() == active.resolve() else " "
        if not m.ok:
            click.echo(f"{mark} {m.name}: unusable: {m.problem}")
            continue
        data = m.meta.get("data", {})
        click.echo(f"{mark} {m.name}: trained {m.meta.get('trained_at', '?')}, {data.get('documents', '?')} documents, "
                   f"data {str(m.meta.get('data_hash', '?'))[:12]}")
    if active is None:
        click.echo("extract uses the rules only (no active model)")


@models.command("use")
@click.argument("name")
def models_use(name):
    """Make NAME (a folder in models/, or 'none' for rules only) the model extract uses."""
    from .train import registry

    path = registry.use_model(name)
    click.echo(f"extract now uses {path.name if path else 'the rules only'} ({registry.models_dir() / registry.ACTIVE_FILE})")


@models.command("diff")
@click.argument("a")
@click.argument("b")
@click.option("--scope", default="crossval.dev.hybrid", show_default=True,
              help="Which scores of metrics.json to compare (e.g. crossval.all.hybrid, in_sample.dev.hybrid).")
@click.option("--json", "as_json", is_flag=True, help="Print the rows as JSON.")
def models_diff(a, b, scope, as_json):
    """Gains and losses per field between two model versions (from their metrics.json)."""
    from .train import registry

    rows = registry.diff_models(a, b, scope=scope)
    if not rows:
        raise UsageError(f"no scores under {scope!r} in {a} or {b}")
    if as_json:
        click.echo(json.dumps(rows, indent=1))
        return
    click.echo(f"{'field':<16}{a:>18}{b:>18}{'change':>10}   ({scope} F1)")
    for r in rows:
        x = "-" if r["a"] is None else f"{r['a']:.3f}"
        y = "-" if r["b"] is None else f"{r['b']:.3f}"
        ch = "" if r["change"] is None else f"{r['change']:+.3f}"
        click.echo(f"{r['field']:<16}{x:>18}{y:>18}{ch:>10}")


if __name__ == "__main__":  # pragma: no cover
    cli()
