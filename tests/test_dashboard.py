"""The published metrics, searches, canned queries, dashboard and provenance links,
served by an in-process Datasette."""

from __future__ import annotations

import datetime
import json
import sys
import urllib.parse
from pathlib import Path

import pytest
from datasette_dashboards import replace_opts_in_query
from tests.test_metrics import MAPPING, STRUCTURED_CSV
from tests.test_publish import DEFENDANT_NAMES, build_atlas, datasette_get, rows
from tests.test_store_factories import VERSIONS, VICTIM, ChargeSpec, DefendantSpec, make_case

from atlas_courts.errors import UsageError
from atlas_courts.metrics import import_cases
from atlas_courts.publish import DASHBOARD, metadata, metadata_path, pages_dir, publish, serve_command
from atlas_courts.publish.user_queries import PARAMETERS
from atlas_courts.store import open_db, record_run, store_document

TODAY = datetime.date(2026, 1, 1)
THAI_OFFENCE = "ค้ามนุษย์เพื่อแสวงหาประโยชน์จากแรงงาน"
PARAMS = {"unit_against_peers": {"unit": "Court X"}, "search_all_text": {"q": "มนุษย์"}}
FILTERS = {"country": "AR", "court": "Tribunal Oral en lo Criminal Federal de Salta", "year": "2019",
           "category": "trafficking"}


def build(path: Path) -> Path:
    """test_publish's six judgments, a Thai one, and the five-row US export of test_metrics."""
    build_atlas(path)
    db = open_db(path)
    run = record_run(db, VERSIONS)
    store_document(db, *make_case(
        file="th.pdf", country="TH", court="Chiang Rai Provincial Court", case_number="1234/2561",
        events=[("arrest", "2017-01-01"), ("indictment", "2017-03-01"), ("judgment", "2018-01-01")],
        defendants=[DefendantSpec(name="Somchai Jaidee", charges=[ChargeSpec(offence=THAI_OFFENCE, statutes=["TH:ATIPA2551:6"])])],
    ), run=run)
    (path.parent / "export.csv").write_text(STRUCTURED_CSV, encoding="utf-8")
    import_cases(db, path.parent / "export.csv", MAPPING)
    db.close()
    return path


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    root = tmp_path_factory.mktemp("dashboard")
    atlas = build(root / "atlas.db")
    public = root / "public.db"
    summary = publish(atlas, public, metrics=True, search=True, today=TODAY)
    return atlas, public, summary


def test_summary_and_tables(published) -> None:
    _, public, summary = published
    assert summary["measured_cases"] == 7 + 1 + 5  # 7 defendants in six judgments, the Thai one, 5 imported rows
    assert summary["stage_summary"] > 0 and summary["sentence_ranges"] > 0 and summary["fact_sources"] > 0
    assert summary["caseload"] == 8  # Court X and Court Y, 2020 and 2021 (to the as-of date); the same for offices
    assert "page_images" not in summary and not pages_dir(public).exists()
    x = rows(public, "SELECT * FROM stage_summary WHERE dimension = 'court' AND value = 'Court X' "
                     "AND stage = 'indictment_to_disposition'")[0]
    assert (x["method"], x["median_days"], x["q1_days"], x["n"], x["n_pending"]) == ("kaplan-meier", 365.0, 180.0, 2, 2)
    assert rows(public, "SELECT value FROM metrics_notes WHERE key = 'computed_on'") == [{"value": "2026-01-01"}]


def test_default_publish_adds_nothing(published, tmp_path) -> None:
    atlas, _, _ = published
    publish(atlas, tmp_path / "public.db")
    names = {r["name"] for r in rows(tmp_path / "public.db", "SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not names & {"measured_cases", "stage_summary", "fact_sources", "search_text", "charges_fts"}
    meta = metadata("public")
    assert "plugins" not in meta and "unit_against_peers" not in meta["databases"]["public"]["queries"]
    with pytest.raises(UsageError, match="page images need metrics=True"):
        publish(atlas, tmp_path / "x.db", page_images=True)


def test_every_table_and_column_described_with_a_unit(published) -> None:
    _, public, _ = published
    meta = json.loads(metadata_path(public).read_text())
    assert meta == metadata("public", metrics=True, search=True)
    tables = meta["databases"]["public"]["tables"]
    objects = rows(public, "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'")
    assert {"charges_fts_data", "search_text_fts", "stage_intervals", "fact_sources"} <= {o["name"] for o in objects}
    for o in objects:
        entry = tables.get(o["name"])
        assert entry and entry["description"].strip(), o["name"]
        columns = {c["name"] for c in rows(public, f"PRAGMA table_info([{o['name']}])")}
        assert set(entry["columns"]) == columns, o["name"]
        for column, text in entry["columns"].items():
            assert " Unit: " in text and text.endswith("."), (o["name"], column, text)
    assert tables["stage_intervals"]["units"] == {"days": "days"}
    assert tables["stage_summary"]["units"]["median_days"] == "days"


def test_every_canned_query_returns_rows(published) -> None:
    _, public, _ = published
    queries = metadata("public", metrics=True, search=True)["databases"]["public"]["queries"]
    assert {"outcomes_by_statute_and_country", "unit_against_peers", "extraction_confidence",
            "unresolved_citations", "search_all_text"} <= set(queries)
    assert set(PARAMS) == set(PARAMETERS)
    paths = {name: f"/public/{name}.json?_shape=array&" + urllib.parse.urlencode(PARAMS.get(name, {}))
             for name in queries}
    got = datasette_get(public, list(paths.values()))
    for name, path in paths.items():
        status, body = got[path]
        assert status == 200, (name, body)
        assert body, f"{name} returned no rows"
    peers = got[paths["unit_against_peers"]][1]
    disposition = next(r for r in peers if r["stage"] == "indictment_to_disposition")
    assert (disposition["unit"], disposition["median_days"], disposition["n_peers"], disposition["percentile"]) == (
        "Court X", 365.0, 1, 100.0)
    outcomes = got[paths["outcomes_by_statute_and_country"]][1]
    ar = next(r for r in outcomes if r["statute_id"] == "AR:CP:145bis" and r["country"] == "AR")
    assert (ar["n_charges"], ar["n_convicted"], ar["conviction_rate"]) == (5, 3, 0.75)  # as test_publish counts
    thai = got[paths["search_all_text"]][1]
    assert [r["text"] for r in thai] == [THAI_OFFENCE]  # a run of characters inside a word without spaces
    unresolved = got[paths["unresolved_citations"]][1]
    assert unresolved[0]["text"] == "ley 99.999" and unresolved[0]["n_documents"] == 7


def test_full_text_search(published) -> None:
    _, public, _ = published
    got = datasette_get(public, ["/public/charges.json?_search=servidumbre&_shape=array",
                       "/public/charges.json?_search=SERVIDUMBRE&_shape=array",
                       "/public/search_text.json?_search=" + urllib.parse.quote("แสวงหา") + "&_shape=array",
                       "/public/cases.json?_search=Salta&_shape=array"])
    bodies = [body for _, body in got.values()]
    assert all(status == 200 for status, _ in got.values())
    assert bodies[0] and bodies[0] == bodies[1]  # unicode61: case folded
    assert [r["text"] for r in bodies[2]] == [THAI_OFFENCE]
    assert bodies[3]
    # Only published text columns are indexed: never page text.
    sources = rows(public, "SELECT DISTINCT source_table || '.' || source_column AS c FROM search_text")
    assert {r["c"] for r in sources} <= {"charges.offence", "statutes_cited.text", "cases.court", "cases.case_number",
                                          "statutes.title"}


def _chart_path(chart: dict, params: dict[str, str]) -> str:
    # As datasette-dashboards does: optional [[ ]] clauses kept only for the filters given.
    sql = replace_opts_in_query(chart["query"], params)
    return f"/{chart['db']}.json?" + urllib.parse.urlencode({"sql": sql, **params, "_shape": "objects"})


def test_dashboard_serves_every_chart_with_rows(published) -> None:
    _, public, _ = published
    config = metadata("public", metrics=True)["plugins"]["datasette-dashboards"][DASHBOARD]
    assert set(config["filters"]) == {"country", "court", "year", "category"}
    charts = config["charts"]
    assert {"stage-durations", "conviction-rates", "sentence-lengths", "sentence-sources"} <= set(charts)
    unfiltered = {slug: _chart_path(c, {}) for slug, c in charts.items()}
    filtered = {slug: _chart_path(c, FILTERS) for slug, c in charts.items()}
    options = {key: f"/public.json?" + urllib.parse.urlencode({"sql": replace_opts_in_query(f["query"], {}), "_shape": "objects"})
               for key, f in config["filters"].items() if "query" in f}
    pages = [f"/-/dashboards/{DASHBOARD}", f"/-/dashboards/{DASHBOARD}?" + urllib.parse.urlencode(FILTERS), "/-/dashboards"]
    got = datasette_get(public, pages + list(unfiltered.values()) + list(filtered.values()) + list(options.values()))
    for page in pages:
        assert got[page][0] == 200, got[page][1][:500]
    assert "stage-durations" in got[pages[0]][1] and "vega-lite.min.js" in got[pages[0]][1]
    for slug, path in unfiltered.items():
        status, body = got[path]
        assert status == 200 and body["ok"], (slug, body)
        assert body["rows"], f"chart {slug} has no rows"
    for slug, path in filtered.items():
        status, body = got[path]
        assert status == 200 and body["ok"], (slug, body)
    # Salta, 2019, trafficking: a2, a3 and a4 (judgment years from their decision dates; a1 was judged in 2016).
    assert got[filtered["cases"]][1]["rows"] == [{"n": 3}]
    for key, path in options.items():
        assert got[path][1]["rows"], key
    sources = got[unfiltered["sentence-sources"]][1]["rows"]
    assert all(r["source"].startswith('<a class="source-link" href="/public/documents/') for r in sources)


def test_provenance_links_default_to_the_page_number(published) -> None:
    _, public, _ = published
    facts = rows(public, "SELECT fact_type, page, page_image, link_url, source_markdown, document FROM fact_sources")
    assert {f["fact_type"] for f in facts} == {"defendant", "charge", "sentence", "event", "statute_citation"}
    for f in facts:
        assert f["page_image"] is None
        assert f["link_url"] == f"/public/documents/{f['document']}"
        assert f["source_markdown"] == f"[p. {f['page']}]({f['link_url']})"
    html = datasette_get(public, ["/public/fact_sources"])["/public/fact_sources"][1]
    assert '<a href="/public/documents/' in html  # rendered by datasette-render-markdown


def test_nothing_private_is_published(published) -> None:
    _, public, _ = published
    blob = public.read_bytes() + metadata_path(public).read_bytes()
    for name in DEFENDANT_NAMES + [VICTIM, "Somchai Jaidee"]:
        for token in [name, *[t for t in name.split() if len(t) >= 4]]:
            for form in {token, token.upper(), token.lower()}:
                assert form.encode() not in blob, f"{form!r} is in public.db"
    assert "fue captada en Salta".encode() not in blob  # page text
    assert b"/private/inbox/" not in blob  # document paths


def test_publish_is_deterministic_and_drops_stale_images(published, tmp_path) -> None:
    atlas, public, _ = published
    again = tmp_path / "public.db"
    stale = pages_dir(again)
    stale.mkdir()
    (stale / "old.png").write_bytes(b"an image of a page with names on it")
    publish(atlas, again, metrics=True, search=True, today=TODAY)
    assert again.read_bytes() == public.read_bytes()
    assert not stale.exists()


def test_public_settings(published, monkeypatch) -> None:
    _, public, _ = published
    got = datasette_get(public, ["/public.db", "/public/stage_intervals.csv?_stream=on", "/-/settings.json"])
    assert got["/public.db"][0] == 403
    assert got["/public/stage_intervals.csv?_stream=on"][0] == 400  # CSV streaming is disabled
    assert got["/-/settings.json"][1]["allow_csv_stream"] is False
    command = serve_command(public)
    assert "--static" not in command  # no page images published
    pages_dir(public).mkdir()
    try:
        command = serve_command(public)
        assert command[-2:] == ["--static", f"pages:{pages_dir(public)}"]
    finally:
        pages_dir(public).rmdir()
    monkeypatch.setattr(sys.modules["atlas_courts.publish.serve"], "installed_write_plugins", lambda: ["datasette-write"])
    with pytest.raises(UsageError, match=r"serve: plugins that write are installed \(datasette-write\)"):
        serve_command(public)
