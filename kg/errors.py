"""Exceptions raised by kg, each with a message a user can act on."""


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KGError):
    """An input file or record cannot be read as an article."""

    def __init__(self, source: str, reason: str, line: int | None = None):
        self.source, self.reason, self.line = source, reason, line
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class QueryError(KGError):
    """A SPARQL query is malformed or failed to run."""


class StoreError(KGError):
    """The store cannot be opened or written."""


class DataError(KGError):
    """A gazetteer under data/ is missing or malformed."""
