"""rasd's version: one place, read by the package, the pipeline fingerprint and the build metadata."""
from __future__ import annotations

__version__ = "0.2.0"
