"""atlas_courts: court documents on trafficking, forced and child labour, turned into a dataset.

Stages (one package each): ingest -> extract -> resolve -> store -> publish.
"""

__version__ = "0.1.0"
