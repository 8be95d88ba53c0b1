"""newsfacts: auditable facts (money, detained, victims, crimes, places, dates) from Russian-language news."""

from .pipeline import Pipeline, extract
from .record import DateRange, Entity, ErrorRecord, Fact, PlaceEntity, Record

__all__ = ["Pipeline", "extract", "Record", "Fact", "Entity", "PlaceEntity", "DateRange", "ErrorRecord"]
__version__ = "0.1.0"
