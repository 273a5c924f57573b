"""store: the private working database ``atlas.db`` (sqlite-utils).

Full text, names and provenance live here and nowhere public; ``publish``
builds the public database from an allow-list of its tables and columns.
"""

from .catalog import load_catalog
from .documents import is_stored, load_records, store_document
from .runs import record_run, run_id, store_error
from .schema import MIGRATIONS, open_db

__all__ = [
    "MIGRATIONS",
    "is_stored",
    "load_catalog",
    "load_records",
    "open_db",
    "record_run",
    "run_id",
    "store_document",
    "store_error",
]
