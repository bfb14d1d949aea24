"""Errors the core raises. Each carries a message a person can act on."""

from __future__ import annotations

from desktop_app.core.messages import Message


class AppError(Exception):
    """Base of every expected error. ``str(err)`` is a short user-facing message."""

    def __init__(self, message: str, *, details: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class ImportFailed(AppError):
    """A file could not be imported. The message names the file and the problem."""

    def __init__(self, path: str, problem: str, *, details: str = "") -> None:
        super().__init__(Message("{0}: {1}", path, problem), details=details)
        self.path = path
        self.problem = problem


class NoLettersFound(ImportFailed):
    """A folder given to import holds no file of a kind that can be imported."""

    def __init__(self, folder: str, suffixes: tuple[str, ...]) -> None:
        super().__init__(folder, Message("no letters found ({0})", ", ".join(suffixes)))
        self.message = Message("{0} in {1}", self.problem, folder)
        self.args = (self.message,)


class PasswordNeeded(ImportFailed):
    """An encrypted PDF that did not open: no password was given (``wrong`` False) or a wrong one.
    The CLI prompts on a terminal and the GUI asks with a password dialog, then import it again."""

    def __init__(self, path: str, *, wrong: bool = False) -> None:
        problem = Message("wrong password") if wrong else Message("encrypted PDF: give the password with --password-stdin")
        super().__init__(path, problem)
        self.wrong = wrong


class NotFound(AppError):
    """A letter, theme, annotation or reference that does not exist."""


class InvalidInput(AppError):
    """A value given by the user is not acceptable (bad colour, empty name, bad span ...)."""


class LibraryLocked(AppError):
    """Another Kamerlezer process has this library open for writing."""


class StoreError(AppError):
    """The library database is damaged or of an unknown version."""


class ExportFailed(AppError):
    """An export could not be written (empty scope, unwritable path ...)."""


class Cancelled(AppError):
    """Long work stopped because the user cancelled it."""


class DiskFull(StoreError):
    """The disk holding the library has no room left; nothing was changed."""
