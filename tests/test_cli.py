"""The command line: exact error messages, the JSON contract, export and evaluate end to end."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from atlas_courts.cli import cli
from atlas_courts.records import SCHEMA

from tests.conftest import BUNDLED

TXT = BUNDLED / "bo-tsp__sentencia-absolutoria.txt"


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def test_missing_file(tmp_path):
    result = run("extract", tmp_path / "nope.pdf", "--json")
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path / 'nope.pdf'}: no such file\n"


def test_a_directory_is_not_a_file(tmp_path):
    result = run("extract", tmp_path, "--json")
    assert result.exit_code == 1
    assert result.output == f"Error: {tmp_path}: is a directory, not a file\n"


def test_unreadable_files(tmp_path):
    text = tmp_path / "bad.pdf"
    text.write_text("hello\n")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes((BUNDLED / "ar-cfcp__casacion-absuelve.pdf").read_bytes()[:3000])
    assert run("extract", text).output == f"Error: {text}: is named .pdf but is plain text (no %PDF- header)\n"
    assert run("extract", empty).output == f"Error: {empty}: is empty (0 bytes)\n"
    result = run("extract", truncated)
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {truncated}: cannot be read as a PDF (")


def test_bad_flag():
    result = run("build", "--bogus")
    assert result.exit_code == 2
    assert result.output.endswith("Error: No such option '--bogus'.\n")


def test_bad_limit():
    result = run("build", BUNDLED, "--db", "x.db", "--workers", "0")
    assert result.exit_code == 2
    assert "Invalid value for '--workers': 0 is not in the range x>=1." in result.output


def test_every_command_has_help():
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        assert run(name, "--help").exit_code == 0


def test_extract_json_follows_the_contract():
    result = run("extract", TXT, "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.output)
    assert record["schema"] == SCHEMA
    assert set(record) >= {"document", "case", "defendants", "statutes_cited", "events", "victims"}
    assert record["document"]["file"] == TXT.name and record["document"]["language"] == "es"
    assert record["document"]["doc_type"] in {"judgment", "appeal_judgment", "sentencing", "indictment", "order", "transcript", "other"}
    for d in record["defendants"]:
        assert d["verdict"] in {"convicted", "acquitted", "dismissed", "mixed", "unknown"}
        assert set(d["sentence"]) >= {"imprisonment_months", "life", "suspended", "fine", "compensation"}
    for e in record["events"]:
        assert len(e["date"]) in (4, 7, 10)
    # unknown values are null, never the string "None"
    assert "\"None\"" not in result.output


def test_build_export_and_evaluate(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for stem in ("bo-tsp__sentencia-absolutoria", "ar-cfcp__casacion-confirma"):
        for src in BUNDLED.glob(stem + ".*"):
            shutil.copy(src, gold_dir / src.name)
    db = tmp_path / "atlas.db"
    built = run("build", gold_dir, "--db", db)
    assert built.exit_code == 0, built.output
    assert built.output.startswith("documents: 2 ok, 0 failed, 0 skipped as unchanged; pages: ")
    again = run("build", gold_dir, "--db", db)
    assert again.output.startswith("documents: 0 ok, 0 failed, 2 skipped as unchanged; pages: 0 (0 OCR)")

    exported = run("export", "--db", db, "--json")
    lines = [json.loads(line) for line in exported.output.splitlines()]
    assert [r["document"]["file"] for r in lines] == sorted(p.name for p in gold_dir.iterdir() if not p.name.endswith(".json"))
    assert all(r["schema"] == SCHEMA for r in lines)

    evaluated = run("evaluate", gold_dir, "--json", "--baseline", tmp_path / "none.json")
    report = json.loads(evaluated.output)
    assert report["documents"] == 2 and report["failed"] == []
    assert set(report["overall"]) >= {"court", "case_number", "decision_date", "verdict", "imprisonment", "statutes", "events"}


def test_evaluate_names_a_baseline_that_is_not_one(tmp_path):
    gold_dir = tmp_path / "gold"
    gold_dir.mkdir()
    for src in BUNDLED.glob("bo-tsp__sentencia-absolutoria.*"):
        shutil.copy(src, gold_dir / src.name)
    for content, problem in ((b"", "Expecting value: line 1 column 1 (char 0)"),
                             (b"[1, 2]", "a JSON object is expected")):
        baseline = tmp_path / "baseline.json"
        baseline.write_bytes(content)
        result = CliRunner().invoke(cli, ["evaluate", str(gold_dir), "--baseline", str(baseline), "--workers", "1"])
        assert result.exit_code == 1
        assert result.output == f"Error: {baseline}: not a baseline of evaluate scores ({problem})\n"


def test_build_reports_failures_and_exits_1(tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4\n1 0 obj <<>>\n")  # a header and nothing else
    good = tmp_path / "ok.txt"
    good.write_text(TXT.read_text(encoding="utf-8"), encoding="utf-8")
    db = tmp_path / "atlas.db"
    result = CliRunner().invoke(cli, ["build", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stdout.startswith("documents: 1 ok, 1 failed, 0 skipped as unchanged")
    assert "broken.pdf: failed (corrupt)" in result.stderr
    import sqlite_utils

    rows = list(sqlite_utils.Database(db)["ingest_errors"].rows)
    assert [(r["file"], r["error_class"], r["status"]) for r in rows] == [("broken.pdf", "corrupt", "failed")]
