"""The claim: one numeric or temporal statement found in a text.

Claims are immutable. Numeric values are intervals of Decimals, so that 4.2万 is exactly
42000 and approximations (余, "more than") say which values they allow.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal

DATE_KINDS = frozenset({"date", "date_range"})


def _json_number(x: Decimal | None) -> int | float | None:
    if x is None:
        return None
    if x == x.to_integral_value():
        return int(x)
    return float(x)


@dataclass(frozen=True, slots=True)
class Interval:
    """A numeric value: what the text names (nominal) and the range it allows.

    ``low``/``high`` are None for open ends ("more than 2,600"); ``nominal`` is None for
    vague amounts that name no number (数十, "dozens of").
    """

    nominal: Decimal | None
    low: Decimal | None
    high: Decimal | None

    @classmethod
    def exact(cls, x: Decimal) -> Interval:
        # (through the slots' setters: nearly every figure is one; see _slot_setters)
        i = _new(Interval)
        _SET_NOMINAL(i, x)
        _SET_LOW(i, x)
        _SET_HIGH(i, x)
        return i

    @property
    def is_exact(self) -> bool:
        return self.low is not None and self.low == self.high

    def to_json(self) -> dict:
        return {"nominal": _json_number(self.nominal), "low": _json_number(self.low),
                "high": _json_number(self.high)}

    def __str__(self) -> str:
        if self.is_exact:
            return _fmt(self.low)
        nominal = _fmt(self.nominal) if self.nominal is not None else "?"
        low = _fmt(self.low) if self.low is not None else "…"
        high = _fmt(self.high) if self.high is not None else "…"
        return f"{nominal} [{low}, {high}]"


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar day interval (inclusive), plus what the text states when it cannot be resolved."""

    start: str | None = None          # YYYY-MM-DD
    end: str | None = None
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None        # 1 = Monday … 7 = Sunday, when the text names one
    end_month: int | None = None      # the end of a range the text writes, when it cannot be resolved
    end_day: int | None = None        # (3至6月, 9月8日至9日 with no year known)

    def to_json(self) -> dict:
        out: dict = {"start": self.start, "end": self.end}
        if self.start is None:
            for name in ("year", "month", "day", "end_month", "end_day"):
                v = getattr(self, name)
                if v is not None:
                    out[name] = v
        if self.weekday is not None:
            out["weekday"] = self.weekday
        return out

    def __str__(self) -> str:
        if self.start is not None:
            return self.start if self.start == self.end else f"{self.start} .. {self.end}"
        if self.year is None and self.month is None and self.day is None:
            return "?" if self.weekday is None else f"weekday {self.weekday}"
        parts = [f"{self.year:04d}" if self.year else "????", f"{self.month:02d}" if self.month else "??"]
        if self.day:
            parts.append(f"{self.day:02d}")
        return "-".join(parts)


def _slot_setters(cls, names: tuple[str, ...]) -> tuple:
    """The setters of the slots of a frozen dataclass's fields ``names`` (all of them, in order).
    A frozen dataclass's __init__ sets each field through object.__setattr__: the objects made
    in bulk (an exact Interval a figure, a Claim a claim found or read from the ledger) are made
    through these instead, two to three times as fast, the same object field for field
    (tests/test_model.py). The check stops the import if the fields change or a __post_init__
    appears, which this way of making them would skip."""
    if tuple(f.name for f in fields(cls)) != names or hasattr(cls, "__post_init__"):
        raise ImportError(f"checker.model.{cls.__name__} changed: update its setters in checker.model")
    return tuple(getattr(cls, name).__set__ for name in names)


_new = object.__new__
_SET_NOMINAL, _SET_LOW, _SET_HIGH = _slot_setters(Interval, ("nominal", "low", "high"))


def _fmt(x: Decimal | None) -> str:
    if x is None:
        return "?"
    v = _json_number(x)
    return f"{v:,}" if isinstance(v, int) else f"{v:,.6g}"


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim, located in the original text of its file (offsets in code points)."""

    path: str | None
    line: int
    column: int
    start: int
    end: int
    lang: str
    kind: str
    text: str
    value: Interval | DateValue
    unit: str | None = None
    qualifier: str | None = None
    subject: str | None = None
    as_of: str | None = None
    flags: tuple[str, ...] = field(default=())
    # dates: what the text itself writes (checker.extract.dates.Stated: the parts given, a relative
    # offset such as 去年), so that two dates are compared as written; None when not known
    stated: object | None = field(default=None, compare=False, repr=False)

    def to_json(self) -> dict:
        value = self.value.to_json()
        if self.kind == "year" and isinstance(self.value, Interval) and self.value.is_exact \
                and 1 <= self.value.low <= 9999 and self.value.low == self.value.low.to_integral_value():
            y = int(self.value.low)   # a year is also the days it spans, to compare with dates
            value |= {"start": f"{y:04d}-01-01", "end": f"{y:04d}-12-31"}
        out = {
            "path": self.path, "line": self.line, "column": self.column,
            "start": self.start, "end": self.end, "lang": self.lang, "kind": self.kind,
            "text": self.text, "value": value, "unit": self.unit,
            "qualifier": self.qualifier, "subject": self.subject, "as_of": self.as_of,
        }
        if self.flags:
            out["flags"] = list(self.flags)
        return out

    def describe_value(self) -> str:
        """The value as a person reads it: '2,600 [2,600, 2,700] person'."""
        if self.kind == "year" and isinstance(self.value, Interval) and self.value.is_exact:
            return str(_json_number(self.value.low))
        unit = f" {self.unit}" if self.unit and self.kind not in DATE_KINDS else ""
        return f"{self.value}{unit}"


(_SET_PATH, _SET_LINE, _SET_COLUMN, _SET_START, _SET_END, _SET_LANG, _SET_KIND, _SET_TEXT, _SET_VALUE,
 _SET_UNIT, _SET_QUALIFIER, _SET_SUBJECT, _SET_AS_OF, _SET_FLAGS, _SET_STATED) = _slot_setters(
    Claim, ("path", "line", "column", "start", "end", "lang", "kind", "text", "value", "unit", "qualifier",
            "subject", "as_of", "flags", "stated"))


def new_claim(path, line, column, start, end, lang, kind, text, value, unit, qualifier, subject, as_of, flags,
              stated) -> Claim:
    """``Claim(path, line, …, stated)``, every field given, through the slots' setters (see
    _slot_setters): for the claims made in bulk, by extraction and from the ledger's rows."""
    c = _new(Claim)
    _SET_PATH(c, path)
    _SET_LINE(c, line)
    _SET_COLUMN(c, column)
    _SET_START(c, start)
    _SET_END(c, end)
    _SET_LANG(c, lang)
    _SET_KIND(c, kind)
    _SET_TEXT(c, text)
    _SET_VALUE(c, value)
    _SET_UNIT(c, unit)
    _SET_QUALIFIER(c, qualifier)
    _SET_SUBJECT(c, subject)
    _SET_AS_OF(c, as_of)
    _SET_FLAGS(c, flags)
    _SET_STATED(c, stated)
    return c
