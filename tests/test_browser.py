"""A real browser on the published Datasette: the dashboard's charts render, and a
provenance link opens the source page with the passage highlighted.

Headless Chromium (Debian's ``chromium``) driven by Playwright, with the
executable path given (no browser download). Screenshots are saved under the
test's temporary directory. Skipped only when chromium is not installed.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from atlas_courts.build import build
from atlas_courts.publish import DASHBOARD, metadata, publish, serve_command
from tests.conftest import BUNDLED

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
# Born-digital judgments (no OCR) from four countries, with dated steps and sentences.
DOCS = ["ar-tof__explotacion-sexual-whiskeria.pdf", "bo-tsp__trata-explotacion-sexual.pdf",
        "th-crim__sugarcane-death-penalty.pdf", "py-ts__trata-sexual-bar.pdf"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    if not CHROMIUM.exists() and not shutil.which("chromium"):
        pytest.skip("chromium is not installed (Debian package 'chromium': apt-get install -y chromium)")
    root = tmp_path_factory.mktemp("browser")
    corpus = root / "corpus"
    corpus.mkdir()
    for name in DOCS:
        shutil.copy(BUNDLED / name, corpus / name)
    summary = build([corpus], root / "atlas.db", workers=2)
    assert summary.failed == 0
    public = root / "public.db"
    published = publish(root / "atlas.db", public, metrics=True, search=True, page_images=True)
    assert published["page_images_rendered"] > 0
    port = free_port()
    log = (root / "datasette.log").open("w")
    proc = subprocess.Popen(serve_command(public, port=port), stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(f"{base}/-/versions.json", timeout=2).read()
            break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise RuntimeError(f"datasette did not start: {(root / 'datasette.log').read_text()[-2000:]}")
            time.sleep(0.2)
    try:
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def test_dashboard_renders_and_a_source_link_opens_the_page(served, tmp_path) -> None:
    from playwright.sync_api import sync_playwright

    charts = metadata("public", metrics=True)["plugins"]["datasette-dashboards"][DASHBOARD]["charts"]
    vega = [slug for slug, c in charts.items() if c["library"] == "vega-lite"]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=LAUNCH_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1300, "height": 1000})
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(f"{served}/-/dashboards/{DASHBOARD}")
            for slug in vega:  # vega-embed draws each chart (SVG) once its data has arrived
                page.wait_for_selector(f"#chart-{slug} svg.marks", timeout=30_000)
            page.wait_for_selector("#chart-cases p", timeout=30_000)
            assert "cases" in page.inner_text("#chart-cases")
            page.wait_for_selector("a.source-link", timeout=30_000)
            page.screenshot(path=str(tmp_path / "dashboard.png"), full_page=True)
            assert not errors, errors

            # A filter: the page reloads with it and the charts render again.
            page.select_option("#country", "AR")
            page.click("input[type=submit]")
            page.wait_for_url("**country=AR**")
            for slug in vega:
                page.wait_for_selector(f"#chart-{slug} svg.marks", timeout=30_000)
            page.screenshot(path=str(tmp_path / "dashboard-AR.png"), full_page=True)

            # Provenance: one click from a sentence to its page, the passage highlighted.
            link = page.locator("a.source-link").first
            href = link.get_attribute("href")
            assert href.startswith("/pages/view.html?img=")
            link.click()
            page.wait_for_url("**/pages/view.html?**")
            page.wait_for_function("document.getElementById('page').complete "
                                   "&& document.getElementById('page').naturalWidth > 0", timeout=30_000)
            highlight = page.locator("#hl")
            highlight.wait_for(state="visible", timeout=10_000)
            box, image = highlight.bounding_box(), page.locator("#page").bounding_box()
            assert box["width"] > 5 and box["height"] > 5
            assert image["x"] - 5 <= box["x"] and box["x"] + box["width"] <= image["x"] + image["width"] + 5
            page.screenshot(path=str(tmp_path / "source-page.png"), full_page=True)
        finally:
            browser.close()
    for name in ("dashboard.png", "dashboard-AR.png", "source-page.png"):
        assert (tmp_path / name).stat().st_size > 10_000, name
