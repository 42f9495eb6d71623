"""The claim: one numeric or temporal statement found in a text.

Claims are immutable. Numeric values are intervals of Decimals, so that 4.2万 is exactly
42000 and approximations (余, "more than") say which values they allow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
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
        return cls(x, x, x)

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
