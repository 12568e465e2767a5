"""Named-entity tagging: a CRF over ANERcorp-style tokens (PER, LOC, ORG, MISC)."""
