"""The one exception hierarchy of rasd.

    RasdError
    ├── InputError      an input file or item cannot be read or parsed (reported per input)
    ├── ModelError      a shipped model or table is missing or corrupt
    └── UsageError      a bad option value given by the caller

    RecordWarning (a UserWarning): a loaded record holds a kind outside the allowed values (kept)
"""
from __future__ import annotations


class RasdError(Exception):
    """Base of every error rasd raises on purpose."""


class InputError(RasdError):
    """An input cannot be read; `path` names it and the message says why in one line."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ModelError(RasdError):
    """A shipped model or lookup table cannot be loaded."""


class UsageError(RasdError):
    """A caller passed an option value that cannot be used."""


class RecordWarning(UserWarning):
    """A loaded record holds a value outside the allowed kinds; it is kept as it is."""
