"""The library's few typed exceptions; the CLI turns each into one line on stderr."""
from __future__ import annotations


class NewsextractError(Exception):
    """Base class: something the user can fix, reported without a traceback."""


class ModelNotFoundError(NewsextractError):
    """No spaCy pipeline could be loaded."""


class PatternFileError(NewsextractError, ValueError):
    """A user or shipped pattern file is malformed (names the file and line)."""


class InputError(NewsextractError):
    """One input could not be read; becomes that input's error record."""

    def __init__(self, type: str, message: str) -> None:
        super().__init__(message)
        self.type = type
        self.message = message

    def __reduce__(self):  # picklable, so that inputs can travel to worker processes
        return (type(self), (self.type, self.message))
