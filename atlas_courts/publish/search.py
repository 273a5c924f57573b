"""Full-text search over the published text columns (offences, citations,
courts, case numbers, statute titles): never page text, which is not published.

* ``<table>_fts``: FTS5 with the unicode61 tokenizer (diacritics folded), one
  per table, which Datasette finds by itself (the search box on the table page).
* ``search_text`` + ``search_text_fts``: every searchable value in one table,
  indexed with the trigram tokenizer, so scripts written without spaces
  between words (Thai) match any run of three or more characters.

Datasette permissions are not a privacy boundary: everything indexed here is a
copy of columns that are published anyway, after their names were replaced.
"""

from __future__ import annotations

import sqlite_utils

from .tables import Column, Table

# table -> text columns indexed (all already published and redacted)
FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "charges": ("offence",),
    "statutes_cited": ("text",),
    "cases": ("court", "case_number"),
    "statutes": ("title",),
}
# The row id each table's search_text rows point back to.
_KEYS = {"charges": "id", "statutes_cited": "id", "cases": "document", "statutes": "id"}

SEARCH_TEXT = Table(
    "search_text",
    "Every searchable published text value in one table (offences, citations, courts, case numbers, statute "
    "titles), indexed with a trigram tokenizer for scripts without spaces between words (Thai): any run of "
    "three or more characters matches. Use the search box, or the search_all_text query.",
    ("id",),
    (
        Column("id", str, "Identifier of the entry: <table>:<column>:<row id>."),
        Column("source_table", str, "Table the text comes from: charges, statutes_cited, cases or statutes."),
        Column("source_column", str, "Column the text comes from."),
        Column("source_id", str, "Row it comes from (charges.id, statutes_cited.id, cases.document or statutes.id)."),
        Column("document", str, "SHA-256 of the source judgment (null for statute titles)."),
        Column("text", str, "The text, as published."),
    ),
    facets=("source_table",),
)

_SHADOW = {
    "data": (("id", int, "FTS5 internal: record id."), ("block", bytes, "FTS5 internal: index data.")),
    "idx": (("segid", int, "FTS5 internal: segment id."), ("term", bytes, "FTS5 internal: first term of a page."),
            ("pgno", int, "FTS5 internal: page number of the index.")),
    "docsize": (("id", int, "FTS5 internal: row id."), ("sz", bytes, "FTS5 internal: token counts of the row.")),
    "config": (("k", str, "FTS5 internal: setting name."), ("v", str, "FTS5 internal: setting value.")),
}


def fts_tables() -> tuple[Table, ...]:
    """Descriptions of every table the search indexes create (so the metadata
    describes every table of the file, shadow tables included)."""
    out = []
    for table, columns in {**FTS_COLUMNS, "search_text": ("text",)}.items():
        tokenizer = "trigram" if table == "search_text" else "unicode61, diacritics folded"
        out.append(Table(
            f"{table}_fts",
            f"Full-text index (FTS5, {tokenizer}) of {table}: {', '.join(columns)}.",
            ("rowid",),
            tuple(Column(c, str, f"Indexed copy of {table}.{c}.") for c in columns),
        ))
        for suffix, cols in _SHADOW.items():
            out.append(Table(
                f"{table}_fts_{suffix}",
                f"Internal table of the full-text index {table}_fts (SQLite FTS5).",
                (),
                tuple(Column(n, t, d, "FTS5 internal") for n, t, d in cols),
            ))
    return tuple(out)


def add_search(dst: sqlite_utils.Database) -> int:
    """Create the indexes in ``dst`` (after its tables are filled). Returns the
    number of values in the trigram index."""
    for table, columns in FTS_COLUMNS.items():
        dst[table].enable_fts(list(columns), fts_version="FTS5", tokenize="unicode61 remove_diacritics 2")
    dst[SEARCH_TEXT.name].create({c.name: c.type for c in SEARCH_TEXT.columns}, pk="id", strict=True)
    rows = []
    for table, columns in FTS_COLUMNS.items():
        key = _KEYS[table]
        doc = "NULL" if table == "statutes" else "document"
        for column in columns:
            for r in dst.query(f"SELECT [{key}] AS k, {doc} AS d, [{column}] AS t FROM [{table}] "
                               f"WHERE [{column}] IS NOT NULL AND trim([{column}]) != '' ORDER BY [{key}]"):
                rows.append({"id": f"{table}:{column}:{r['k']}", "source_table": table, "source_column": column,
                             "source_id": r["k"], "document": r["d"], "text": r["t"]})
    dst[SEARCH_TEXT.name].insert_all(rows, batch_size=1000)
    dst[SEARCH_TEXT.name].enable_fts(["text"], fts_version="FTS5", tokenize="trigram")
    return len(rows)
