"""claimcheck: numbers and dates that do not add up in bilingual Chinese/English news."""

__version__ = "0.1.0"
