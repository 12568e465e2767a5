"""Arabic punctuation data for sentence splitting: terminators, quotation marks, abbreviations."""
from __future__ import annotations

# Sentence-final marks: full stop, Arabic and Latin question marks, exclamation, Arabic semicolon,
# ellipsis. The Latin semicolon is left out on purpose: it is rare in Arabic news and often inside
# lists.
TERMINATORS = ".؟?!؛…"

# Marks that may follow a terminator and still belong to the sentence it ends.
CLOSERS = "”»\"')]}’"

# Quotation marks. Writers mix them up (`”` opening, `“` closing are common), so the splitter
# decides opening/closing from the neighbouring characters first and from the glyph only when the
# neighbours do not tell.
QUOTE_OPENERS = "“«"
QUOTE_CLOSERS = "”»"
QUOTE_SYMMETRIC = "\""
QUOTES = QUOTE_OPENERS + QUOTE_CLOSERS + QUOTE_SYMMETRIC

# One-letter abbreviations written with a full stop before a name: د. (doctor), أ. (ustadh),
# م. (engineer), ش. (sheikh), ع. ...; a full stop after one of these, when the word before is not
# a number (`2017 م.` ends a sentence), is not a sentence end.
ABBREVIATIONS = frozenset("د أ ا م ش ع ج ق ص ب ت س ف ل ك ح ن".split())
# Multi-letter abbreviations that take a full stop.
ABBREVIATIONS_LONG = frozenset({"أ.د", "ا.د", "د.م", "ص.ب"})
