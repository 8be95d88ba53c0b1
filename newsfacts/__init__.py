"""newsfacts: auditable facts (money, detained, victims, crimes, places, dates) from Russian-language news."""

from .pipeline import Pipeline, extract
from .record import DateRange, Entity, ErrorRecord, Fact, Record

__all__ = ["Pipeline", "extract", "Record", "Fact", "Entity", "DateRange", "ErrorRecord"]
__version__ = "0.1.0"
