"""publish: the public database ``public.db`` and its Datasette.

Only allow-listed tables and columns of atlas.db are copied (see tables.py);
defendants appear by initials unless the publisher chooses full names, and
nothing about victims but their number is published. Datasette permissions
are not a privacy boundary: only what is in the served file matters.
"""

from .build import metadata_path, publish
from .dashboard import SLUG as DASHBOARD
from .metadata import metadata
from .provenance import pages_dir
from .serve import SETTINGS, serve, serve_command

__all__ = ["DASHBOARD", "SETTINGS", "metadata", "metadata_path", "pages_dir", "publish", "serve", "serve_command"]
