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
def publish(db_path, out, defendant_names):
    """Build the public database (allow-listed, no victim names) from the private one."""
    from . import publish as publish_mod

    summary = publish_mod.publish(db_path, out, defendant_names=defendant_names)
    click.echo(f"published {out}: " + ", ".join(f"{k}: {v}" for k, v in summary.items()))


@cli.command()
@click.argument("public_db", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8001, show_default=True)
def serve(public_db, host, port):
    """Serve the public database with Datasette (immutable, public settings)."""
    from . import publish as publish_mod

    publish_mod.serve(public_db, host=host, port=port)


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
def evaluate(gold_dir, as_json, out, baseline, update_baseline, details, workers, cache):
    """Score the extractor against the gold records in GOLD_DIR, per field and per language."""
    from . import evaluate as ev
    from .evaluate.runner import predict_files
    from .pipeline import versions

    pairs = ev.find_gold(gold_dir)
    if not pairs:
        raise UsageError(f"{gold_dir}: no documents with a <name>.gold.json beside them")
    report = ev.evaluate_pairs(pairs, lambda sources: predict_files(sources, workers=workers, cache_dir=cache))
    data = report.to_json()
    previous = json.loads(baseline.read_text()) if baseline.exists() else None
    if previous and Path(previous.get("gold_dir", "")).resolve() != Path(gold_dir).resolve():
        previous = None  # a baseline of another gold set says nothing about this one
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


if __name__ == "__main__":  # pragma: no cover
    cli()
