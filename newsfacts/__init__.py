"""newsfacts: auditable facts (money, detained, victims, crimes, places, dates) from Russian-language news."""

from .record import DateRange, Entity, ErrorRecord, Fact, PlaceEntity, Record

__all__ = ["Pipeline", "extract", "Record", "Fact", "Entity", "PlaceEntity", "DateRange", "ErrorRecord"]
__version__ = "0.1.0"


def __getattr__(name: str):
    # The pipeline imports the grammars, which read rules/: loaded on first use, so that `import newsfacts`
    # and the command line's --help work (and say what is wrong) even when a rules file is broken.
    if name in ("Pipeline", "extract"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module 'newsfacts' has no attribute {name!r}")
