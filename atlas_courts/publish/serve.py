"""Serve ``public.db`` with Datasette: immutable, read-only, local by default."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from ..errors import UsageError
from .build import metadata_path
from .provenance import STATIC_MOUNT, pages_dir

# Plugins that write to a database or change its schema: the public instance
# must not run with any of them installed.
WRITE_PLUGINS = frozenset({
    "datasette-write", "datasette-write-ui", "datasette-insert", "datasette-insert-api", "datasette-upload-csvs",
    "datasette-upload-dbs", "datasette-edit-schema", "datasette-edit-templates", "datasette-configure-fts",
    "datasette-import", "datasette-enrichments", "datasette-comments",
    "datasette-saved-queries", "datasette-queries",
})


def installed_write_plugins() -> list[str]:
    """Installed Datasette plugins known to write (empty on a correct install)."""
    from datasette.plugins import get_plugins

    return sorted(p["name"] for p in get_plugins() if p["name"] in WRITE_PLUGINS)

# Datasette settings of the public instance (docs.datasette.io/en/0.65/settings.html).
SETTINGS: dict[str, bool | int] = {
    "sql_time_limit_ms": 3000,
    "allow_download": False,  # no whole-file download: people query the data, not fetch the file
    "allow_csv_stream": False,
    "default_page_size": 50,
    "max_returned_rows": 1000,
}


def _setting_value(value: bool | int) -> str:
    if isinstance(value, bool):
        return "on" if value else "off"
    return str(value)


def serve_command(
    public_db: str | os.PathLike, *, host: str = "127.0.0.1", port: int = 8001
) -> list[str]:
    """The ``datasette serve`` command line for ``public_db`` with the public settings.

    The database is opened immutable (``-i``): Datasette never writes to it and
    never creates a database; no plugin directory, templates or --root.
    """
    path = Path(public_db)
    if not path.is_file():
        raise UsageError(f"serve: {path} does not exist: run publish first")
    meta = metadata_path(path)
    if not meta.is_file():
        raise UsageError(f"serve: {meta} does not exist: run publish first")
    if not isinstance(host, str) or not host:
        raise UsageError(f"serve: host must be a host name or address, got {host!r}")
    if isinstance(port, bool) or not isinstance(port, int) or not 0 <= port <= 65535:
        raise UsageError(f"serve: port must be 0..65535, got {port!r}")
    command = [
        sys.executable,
        "-m",
        "datasette",
        "serve",
        "-i",
        str(path),
        "--host",
        host,
        "--port",
        str(port),
        "--metadata",
        str(meta),
    ]
    for name, value in SETTINGS.items():
        command += ["--setting", name, _setting_value(value)]
    images = pages_dir(path)
    if images.is_dir():
        # Published with --page-images: the rendered pages and their viewer.
        command += ["--static", f"{STATIC_MOUNT}:{images}"]
    writers = installed_write_plugins()
    if writers:
        raise UsageError(f"serve: plugins that write are installed ({', '.join(writers)}): uninstall them first")
    return command


def serve(public_db: str | os.PathLike, *, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run Datasette in the foreground until it exits (Ctrl-C stops it)."""
    command = serve_command(public_db, host=host, port=port)
    try:
        subprocess.run(command, check=True)
    except KeyboardInterrupt:
        pass
