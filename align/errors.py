"""User-facing errors: one clear line, naming the input and the problem."""


class AlignError(Exception):
    """An error the CLI reports as one line and a non-zero exit, without a traceback."""


class InputError(AlignError):
    """A file or folder given by the user cannot be used."""


class ModelError(AlignError):
    """The requested embedding model cannot be loaded."""
