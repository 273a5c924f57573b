"""Synthetic court judgments with gold case records (the project's own corpus).

``scripts/make_corpus.py`` is the command line; ``generate.make_document``
writes one document. Templates, vocabularies, statutes and the corpus plan are
data files in ``data/``.
"""
