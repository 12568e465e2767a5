"""Event extraction: PLOVER-typed event records from the sentences of an article."""
