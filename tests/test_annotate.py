"""annotate export / import: round trips through the three tools' formats, span checks, gold records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from atlas_courts import annotate, store
from atlas_courts.annotate import labelstudio
from atlas_courts.annotate.align import TextAlignment
from atlas_courts.annotate.labels import predictions_as_spans
from atlas_courts.annotate.offsets import from_utf16, to_utf16
from atlas_courts.annotate.tasks import stored_text
from atlas_courts.cli import cli
from atlas_courts.pipeline import process_document, versions
from atlas_courts.records import Document, Page

TEXTS = {
    "ar-tof__uno.txt": (
        "es",
        "TRIBUNAL ORAL EN LO CRIMINAL FEDERAL N° 1 DE CÓRDOBA\n\nCausa N° 1234/2019\n\n"
        "Córdoba, 14 de marzo de 2021.\n\nY VISTOS: La causa seguida contra JUAN CARLOS PÉREZ por el delito de trata "
        "de personas (art. 145 bis del Código Penal). El hecho ocurrió el 2 de mayo de 2016, cuando la víctima fue "
        "captada en Salta. El imputado fue detenido el 3 de junio de 2017. La acusación fiscal fue presentada el "
        "10 de agosto de 2018.\n\nPOR TANTO, EL TRIBUNAL RESUELVE: CONDENAR a JUAN CARLOS PÉREZ a la pena de ocho (8) "
        "años de prisión y multa de $ 10.000 por el delito de trata de personas (art. 145 bis del Código Penal).",
    ),
    "ph-sc__dos.txt": (
        "en",
        "SUPREME COURT OF THE PHILIPPINES\n\nG.R. No. 123456 January 5, 2010\n\nPEOPLE OF THE PHILIPPINES, "
        "plaintiff-appellee, vs. MARIA SANTOS, accused-appellant.\n\nThe accused was arrested on March 3, 2005. "
        "The information was filed on April 4, 2005, charging her under Section 4 of Republic Act No. 9208. "
        "The crime was committed on or about February 1, 2005.\n\nWHEREFORE, the judgment is AFFIRMED. "
        "Accused-appellant MARIA SANTOS is sentenced to suffer life imprisonment and to pay a fine of "
        "P2,000,000.00. SO ORDERED.",
    ),
}


def _document(name: str, lang: str, text: str) -> Document:
    import hashlib

    sha = hashlib.sha256(text.encode()).hexdigest()
    return Document(sha256=sha, file=name, path=name, media_type="txt",
                    pages=[Page(number=1, text=text, raw_text=text)], language=lang)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "atlas.db"
    db = store.open_db(path)
    run = store.record_run(db, versions())
    for name, (lang, text) in TEXTS.items():
        processed = process_document(_document(name, lang, text))
        store.store_document(db, processed.document, processed.extraction, processed.record, run=run)
    db.close()
    return path


def _predictions(db_path: Path) -> set[tuple[str, int, int, str, str]]:
    """Every stored prediction as an analyst span (file, start, end, label, text)."""
    db = store.open_db(db_path)
    try:
        out = set()
        for t in annotate.build_tasks(db, include_annotated=True):
            for s in t.spans:
                out.add((t.file, t.start + s.start, t.start + s.end, s.label, s.text))
        return out
    finally:
        db.close()


def _gold(db_path: Path) -> set[tuple[str, int, int, str, str]]:
    db = store.open_db(db_path)
    try:
        return {
            (r["file"], r["char_start"], r["char_end"], r["label"], r["text"])
            for r in db.query("SELECT d.file, g.* FROM gold_mentions g JOIN documents d ON d.sha256 = g.document")
        }
    finally:
        db.close()


def _accept_without_edits(fmt: str, exported: Path, out: Path) -> Path:
    """What each tool writes when the analyst submits every pre-annotated task unchanged."""
    lines = [json.loads(x) for x in exported.read_text(encoding="utf-8").splitlines() if x.strip()]
    if fmt == "labelstudio":  # the project export: a JSON list, the prediction copied into an annotation
        for i, t in enumerate(lines):
            t["id"] = 100 + i
            t["annotations"] = [{"id": i, "completed_by": {"email": "ana@example.org"}, "was_cancelled": False,
                                 "created_at": "2024-05-01T10:00:00Z", "result": t["predictions"][0]["result"]}]
        out.write_text(json.dumps(lines), encoding="utf-8")
        return out
    if fmt == "prodigy":  # prodigy db-out
        for t in lines:
            t.update({"answer": "accept", "_annotator_id": "cases-ana", "_timestamp": 1714557600})
    out.write_text("".join(json.dumps(t) + "\n" for t in lines), encoding="utf-8")  # doccano: its export is its import
    return out


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.mark.parametrize("fmt", ["labelstudio", "prodigy", "doccano"])
def test_round_trip_without_edits_gives_exactly_the_predictions_as_gold(db_path, tmp_path, fmt):
    tasks = tmp_path / f"tasks.{fmt}.jsonl"
    result = run("annotate", "export", "--db", str(db_path), "--out", str(tasks), "--format", fmt)
    assert result.exit_code == 0, result.output
    predictions = _predictions(db_path)
    assert len(predictions) > 10
    done = _accept_without_edits(fmt, tasks, tmp_path / f"done.{fmt}")
    result = run("annotate", "import", str(done), "--db", str(db_path), "--format", fmt, "--annotator", "ana")
    assert result.exit_code == 0, result.output
    assert _gold(db_path) == predictions
    db = store.open_db(db_path)
    try:
        who = {r[0] for r in db.execute("SELECT annotator FROM gold_mentions")}
        imports = list(db.query("SELECT * FROM gold_imports"))
        # predictions are untouched, gold is apart
        assert db.execute("SELECT count(*) FROM mentions").fetchone()[0] > len(predictions)
    finally:
        db.close()
    expected = {"labelstudio": {"labelstudio:ana@example.org"}, "prodigy": {"prodigy:cases-ana"}, "doccano": {"ana"}}[fmt]
    assert who == expected
    assert len(imports) == 1 and imports[0]["imported_by"] == "ana" and imports[0]["imported_at"]


def test_importing_the_same_file_twice_changes_nothing(db_path, tmp_path):
    tasks = tmp_path / "tasks.jsonl"
    run("annotate", "export", "--db", str(db_path), "--out", str(tasks), "--format", "doccano")
    for _ in range(2):
        assert run("annotate", "import", str(tasks), "--db", str(db_path), "--format", "doccano").exit_code == 0
    assert _gold(db_path) == _predictions(db_path)
    db = store.open_db(db_path)
    assert db.execute("SELECT count(*) FROM gold_imports").fetchone()[0] == 1
    db.close()


def test_label_studio_tasks_nobody_answered_are_not_gold_unless_accepted(db_path, tmp_path):
    tasks = tmp_path / "tasks.json"
    run("annotate", "export", "--db", str(db_path), "--out", str(tasks), "--format", "labelstudio")
    assert (tmp_path / "tasks.json.labelstudio.xml").read_text().startswith("<View>")
    result = run("annotate", "import", str(tasks), "--db", str(db_path), "--format", "labelstudio")
    assert result.exit_code == 0
    assert "skipped" in result.output and "predictions only" in result.output
    assert _gold(db_path) == set()
    result = run("annotate", "import", str(tasks), "--db", str(db_path), "--format", "labelstudio", "--accept-unreviewed")
    assert result.exit_code == 0
    assert _gold(db_path) == _predictions(db_path)


def test_a_span_whose_text_does_not_match_is_rejected_with_a_clear_message(db_path, tmp_path):
    tasks = tmp_path / "tasks.jsonl"
    run("annotate", "export", "--db", str(db_path), "--out", str(tasks), "--format", "doccano", "--unit", "document")
    lines = [json.loads(x) for x in tasks.read_text().splitlines()]
    target = next(t for t in lines if t["file"] == "ar-tof__uno.txt")
    s, e, label = next(x for x in target["label"] if x[2] == "DEFENDANT")
    # The analyst's tool had another text version: the span points at other characters.
    target["text"] = target["text"][:s] + "JUAN KARLOS PÉREZ" + target["text"][e:]
    target["label"] = [[s, s + len("JUAN KARLOS PÉREZ"), "DEFENDANT"]]
    tasks.write_text("".join(json.dumps(t) + "\n" for t in lines))
    result = CliRunner().invoke(cli, ["annotate", "import", str(tasks), "--db", str(db_path), "--format", "doccano"])
    assert result.exit_code == 1
    assert ("ar-tof__uno.txt: task " in result.output
            and "span DEFENDANT 'JUAN KARLOS PÉREZ' at" in result.output
            and "does not match the stored text 'JUAN CARLOS PÉREZ'" in result.output)
    gold_files = {g[0] for g in _gold(db_path)}
    assert gold_files == {"ph-sc__dos.txt"}  # the other document's task went in; the bad one not at all


def test_a_span_outside_the_task_text_is_rejected(db_path, tmp_path):
    tasks = tmp_path / "tasks.jsonl"
    run("annotate", "export", "--db", str(db_path), "--out", str(tasks), "--format", "prodigy", "--limit", "1")
    t = json.loads(tasks.read_text().splitlines()[0])
    t["answer"] = "accept"
    t["spans"] = [{"start": 5, "end": len(t["text"]) + 9, "label": "DATE"}]
    tasks.write_text(json.dumps(t) + "\n")
    result = CliRunner().invoke(cli, ["annotate", "import", str(tasks), "--db", str(db_path), "--format", "prodigy"])
    assert result.exit_code == 1
    assert "lies outside the task text" in result.output


def test_a_re_ingested_text_is_reported_not_shifted(db_path, tmp_path):
    tasks = tmp_path / "tasks.jsonl"
    run("annotate", "export", "--db", str(db_path), "--out", str(tasks), "--format", "doccano")
    db = store.open_db(db_path)
    # A new ingest version put two characters in front of the first document's text.
    with db.atomic():
        db.execute("UPDATE pages SET text = '* ' || text WHERE document IN (SELECT sha256 FROM documents WHERE file = 'ar-tof__uno.txt')")
    db.close()
    result = CliRunner().invoke(cli, ["annotate", "import", str(tasks), "--db", str(db_path), "--format", "doccano"])
    assert result.exit_code == 1
    assert "(the document was re-ingested since the export)" in result.output
    assert {g[0] for g in _gold(db_path)} == {"ph-sc__dos.txt"}


def test_edits_are_stored_as_gold_and_deleted_predictions_are_gone(db_path, tmp_path):
    tasks = tmp_path / "tasks.jsonl"
    run("annotate", "export", "--db", str(db_path), "--out", str(tasks), "--format", "doccano", "--unit", "document",
        "--document", "ar-tof__uno.txt")
    t = json.loads(tasks.read_text().splitlines()[0])
    dates = [x for x in t["label"] if x[2].endswith("DATE")]
    captada = t["text"].index("la víctima")
    t["label"] = [x for x in t["label"] if x[2] != "DATE"] + [[captada, captada + 10, "VICTIM"]]
    tasks.write_text(json.dumps(t) + "\n")
    assert run("annotate", "import", str(tasks), "--db", str(db_path), "--format", "doccano").exit_code == 0
    gold = _gold(db_path)
    assert ("ar-tof__uno.txt", t["atlas"]["start"] + captada, t["atlas"]["start"] + captada + 10, "VICTIM", "la víctima") in gold
    assert not any(g[3] == "DATE" for g in gold)
    assert dates  # there were plain dates to delete
    db = store.open_db(db_path)
    gold_by_doc = annotate.load_gold(db)
    db.close()
    (doc,) = gold_by_doc.values()
    assert doc.regions[0].labels is None and (doc.regions[0].start, doc.regions[0].end) == (0, len(doc.text))


def test_low_confidence_orders_by_uncertainty_and_limit_cuts(db_path):
    db = store.open_db(db_path)
    try:
        tasks = annotate.build_tasks(db, select="low-confidence")
        assert [t.uncertainty for t in tasks] == sorted((t.uncertainty for t in tasks), reverse=True)
        assert len(annotate.build_tasks(db, select="low-confidence", limit=2)) == 2
        assert [t.id for t in annotate.build_tasks(db, select="random", seed=3)] == \
               [t.id for t in annotate.build_tasks(db, select="random", seed=3)]
        unresolved = annotate.build_tasks(db, select="unresolved")
        assert all(t.unresolved for t in unresolved)
        everything = annotate.build_tasks(db, unit="document")
        assert {t.kind for t in everything} == {"document"}
        for t in annotate.build_tasks(db):
            text = stored_text(db, t.document)
            assert text[t.start : t.end] == t.text
            assert all(t.text[s.start : s.end] == s.text for s in t.spans)
    finally:
        db.close()


def test_regions_already_annotated_are_not_exported_again(db_path, tmp_path):
    tasks = tmp_path / "tasks.jsonl"
    run("annotate", "export", "--db", str(db_path), "--out", str(tasks), "--format", "doccano", "--limit", "3")
    run("annotate", "import", str(tasks), "--db", str(db_path), "--format", "doccano")
    db = store.open_db(db_path)
    try:
        done = {json.loads(x)["atlas"]["task"] for x in tasks.read_text().splitlines()}
        again = {t.id for t in annotate.build_tasks(db)}
        assert not done & again
        assert done <= {t.id for t in annotate.build_tasks(db, include_annotated=True)}
    finally:
        db.close()


def test_predictions_become_one_span_per_date_with_its_step():
    from atlas_courts.extract import extract

    lang, text = TEXTS["ph-sc__dos.txt"]
    extraction = extract(_document("x.txt", lang, text))
    labels = {(text[s:e], label) for s, e, label, _c in predictions_as_spans(text, extraction.mentions)}
    assert ("March 3, 2005", "ARREST_DATE") in labels
    assert ("MARIA SANTOS", "DEFENDANT") in labels
    assert not any(label == "DATE" and t == "March 3, 2005" for t, label in labels)


def test_gold_record_corrections_are_checked_and_stored(db_path, tmp_path):
    good = {"document": {"file": "ph-sc__dos.txt"}, "annotated_by": "ana",
            "defendants": [{"name": "MARIA SANTOS", "verdict": "acquitted", "sentence": {"imprisonment_months": None}}]}
    bad = {"document": {"file": "ar-tof__uno.txt"}, "defendants": [{"name": "JUAN CARLOS PÉREZ", "verdict": "guilty"}]}
    missing = {"document": {"file": "nowhere.pdf"}, "events": [{"type": "arrest", "date": "2017-06-03"}]}
    path = tmp_path / "corrections.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in (good, bad, missing)))
    result = CliRunner().invoke(cli, ["annotate", "import", str(path), "--db", str(db_path), "--format", "record"])
    assert result.exit_code == 1
    assert "imported 1 records" in result.output
    assert "record 2: defendants[0].verdict 'guilty' is not one of convicted, acquitted, dismissed, mixed, unknown" in result.output
    assert "record 3: document 'nowhere.pdf' is not in the database" in result.output
    db = store.open_db(db_path)
    gold = annotate.load_gold(db)
    db.close()
    (doc,) = [g for g in gold.values() if g.records]
    assert doc.file == "ph-sc__dos.txt"
    assert doc.record()["defendants"][0]["verdict"] == "acquitted"


def test_unknown_tool_labels_are_counted_not_imported(db_path, tmp_path):
    text = TEXTS["ph-sc__dos.txt"][1]
    start = text.index("MARIA SANTOS")
    task = {"text": text, "label": [[start, start + 12, "ACCUSED"], [start, start + 12, "DEFENDANT"]], "file": "ph-sc__dos.txt"}
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps(task) + "\n")
    result = run("annotate", "import", str(path), "--db", str(db_path), "--format", "doccano")
    assert result.exit_code == 0
    assert "labels not imported (no atlas label): ACCUSED x1" in result.output
    assert {g[3] for g in _gold(db_path)} == {"DEFENDANT"}


def test_text_found_verbatim_in_one_document_is_placed_without_a_locator(db_path, tmp_path):
    text = TEXTS["ar-tof__uno.txt"][1]
    passage = text[text.index("El imputado") : text.index("La acusación")]
    at = passage.index("3 de junio de 2017")
    path = tmp_path / "p.jsonl"
    path.write_text(json.dumps({"text": passage, "spans": [{"start": at, "end": at + 18, "label": "ARREST_DATE"}],
                                "answer": "accept"}) + "\n")
    assert run("annotate", "import", str(path), "--db", str(db_path), "--format", "prodigy").exit_code == 0
    (g,) = _gold(db_path)
    assert g[3] == "ARREST_DATE" and text[g[1] : g[2]] == "3 de junio de 2017"


def test_label_studio_counts_utf16_units():
    text = "a 😀 fine of P1,000"
    start = text.index("P1")
    assert to_utf16(text, start) == start + 1
    assert from_utf16(text, to_utf16(text, start)) == start
    task = annotate.Task("t", "0" * 64, "f.txt", "en", "passage", 0, len(text), text, "x",
                         [annotate.Span(start, len(text), "MONEY", text[start:])], 0.1, 0)
    (item,) = labelstudio.write_tasks([task], model_version="m")
    item["annotations"] = [{"result": item["predictions"][0]["result"]}]
    (read,) = labelstudio.read_export([item], name="x")
    assert [(s.start, s.end, s.text) for s in read.spans] == [(start, len(text), "P1,000")]


def test_alignment_maps_a_tool_rendering_and_refuses_text_it_lacks():
    stored = "JUZGADO N° 10\n\nCONDENAR a “JUAN PEREZ” por amenazas.\n\nFecha: 18 de octubre de 2022"
    tool = "Año del Bicentenario\t\nJUZGADO No 10 \nCONDENAR a \"JUAN PEREZ\" por amenazas.\nFecha: 18 de octubre de 2022"
    al = TextAlignment(tool, stored)
    s = tool.index('"JUAN PEREZ"')
    lo, hi = al.map_span(s, s + len('"JUAN PEREZ"'))
    assert stored[lo:hi] == "“JUAN PEREZ”"
    assert al.map_span(0, len("Año del Bicentenario")) is None  # the header part the stored text does not have


@pytest.mark.shared
def test_aymurai_label_studio_export_is_placed_on_the_ingested_docx(shared_corpus, tmp_path):
    from atlas_courts.ingest import ingest_file

    path = tmp_path / "atlas.db"
    db = store.open_db(path)
    run_id = store.record_run(db, versions())
    for name in ("ar-caba-aymurai__document-04.docx", "ar-caba-aymurai__document-07.docx"):
        processed = process_document(ingest_file(shared_corpus / "dev" / name))
        store.store_document(db, processed.document, processed.extraction, processed.record, run=run_id)
    db.close()
    export = shared_corpus / "annotations" / "aymurai-labelstudio" / "annotations.json"
    result = CliRunner().invoke(cli, ["annotate", "import", str(export), "--db", str(path), "--format", "labelstudio",
                                      "--label-map", "aymurai"])
    # four of the six rulings are not in this database: reported, the two others imported
    assert result.exit_code == 1
    assert "imported 2 tasks" in result.output and "placed by aligning the tool's text" in result.output
    assert "its file 'document-09.docx' is not in the database" in result.output
    assert "left out" in result.output and "has no counterpart in the stored text" in result.output
    db = store.open_db(path)
    try:
        rows = list(db.query("SELECT g.label, g.text, g.char_start, g.char_end, g.document FROM gold_mentions g"))
        for r in rows:
            assert stored_text(db, r["document"])[r["char_start"] : r["char_end"]] == r["text"]
        labels = {r["label"] for r in rows}
    finally:
        db.close()
    assert {"JUDGE", "PERSON", "OFFENCE_DATE"} <= labels
    assert any(r["label"] == "JUDGE" and r["text"] == "Pablo C. Casas" for r in rows)
