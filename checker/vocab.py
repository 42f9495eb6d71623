"""The extractors' vocabulary, loaded once from the data files in ``rules/``.

The files are data a linguist can extend without touching code (as pint's ``default_en.txt``).
They are validated when loaded: a missing file, malformed YAML or an unexpected key raises
:class:`~checker.errors.UserError` naming the file (and the line, where YAML knows it).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from checker.errors import UserError

INTERVALS = frozenset({"exact", "place_above", "open_above", "open_below", "below", "around"})


def rules_dir() -> Path:
    """``rules/`` beside the package in a checkout, else the copy installed as ``checker._rules``."""
    here = Path(__file__).resolve().parent.parent / "rules"
    if (here / "units.yaml").is_file():
        return here
    return Path(str(resources.files("checker._rules")))


def _cache_file(path: Path) -> Path | None:
    """Where the parsed form of a rules file is kept, keyed by its path, size and mtime: parsing
    YAML costs ~30 ms a run, reading the cached form well under 1 ms."""
    import hashlib
    import os

    try:
        st = path.stat()
    except OSError:
        return None
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimcheck"
    key = hashlib.sha1(f"{path.resolve()}:{st.st_size}:{st.st_mtime_ns}".encode()).hexdigest()[:20]
    return base / f"{path.stem}-{key}.pickle"


def load_yaml(name: str) -> dict:
    import pickle

    path = rules_dir() / name
    cache = _cache_file(path)
    if cache is not None:
        try:
            return pickle.loads(cache.read_bytes())
        except (OSError, pickle.PickleError, EOFError, ValueError, TypeError):
            pass
    data = _parse_yaml(path)
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(data))
            os.replace(tmp, cache)
        except OSError:
            pass                       # a read-only home must not stop the tool
    return data


def _parse_yaml(path: Path) -> dict:
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise UserError(f"cannot read the rules file {path}: {e.strerror or e}. "
                        "Reinstall claimcheck or restore the file.") from None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        data = yaml.load(text, Loader=loader)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise UserError(f"{where}: malformed YAML ({getattr(e, 'problem', None) or e}). "
                        "Fix the file so that it parses as YAML.") from None
    if not isinstance(data, dict):
        raise UserError(f"{path}: expected a mapping at the top level, found {type(data).__name__}.")
    return data


def _expect(data: dict, keys: set[str], where: str) -> None:
    unknown = set(data) - keys
    if unknown:
        raise UserError(f"{where}: unknown key(s) {', '.join(sorted(map(str, unknown)))}; "
                        f"expected only {', '.join(sorted(keys))}.")


@dataclass(frozen=True, slots=True)
class Approx:
    """What an approximation word means: a qualifier and the interval it allows."""

    qualifier: str
    interval: str
    tolerance: float = 0.0
    low: float | None = None      # vague amounts: multiples of the scale (数十 = 2..9 × 10)
    high: float | None = None


@dataclass(frozen=True, slots=True)
class Measure:
    unit: str | None
    subject: str | None


@dataclass(frozen=True, slots=True)
class Series:
    """rules/series.yaml: cues of running totals, and the words that make a year range a plan's."""

    cumulative: dict[str, dict[str, tuple[str, ...]]]   # lang → cue kind → words
    plans: dict[str, tuple[str, ...]]                    # lang → words naming a plan's period
    future: dict[str, tuple[str, ...]]                   # lang → words of a forecast
    current: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # lang → kind → words
    breaks: tuple[str, ...] = ()                         # words that open a clause of its own
    reach: int = 0                                       # how far an opening cue reaches on
    year_to_date: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lang → cues of a year's total
    month_span_marks: tuple[str, ...] = ()               # 1至11月: what joins January to a later month


_SERIES_KEYS = {("cumulative", "zh"): {"before", "not", "since", "spans"},
                ("cumulative", "en"): {"phrases", "since", "past", "participles", "not_perfect"},
                ("periods", "zh"): {"plans", "future"}, ("periods", "en"): {"plans", "future"},
                ("current", "zh"): {"words", "not"}, ("current", "en"): {"phrases", "progressive"},
                ("year_to_date", "zh"): {"words", "month_span_marks"}, ("year_to_date", "en"): {"phrases"}}


def words(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(w, str) and w.strip() for w in value):
        raise UserError(f"{where}: expected a non-empty list of words, found {value!r}.")
    return tuple(value)


def _series(data: dict) -> Series:
    where = "rules/series.yaml"
    _expect(data, {"cumulative", "periods", "current", "cover", "year_to_date"}, where)
    cover = data.get("cover")
    if not isinstance(cover, dict) or set(cover) != {"reach", "breaks"}:
        raise UserError(f"{where}: cover: expected the keys breaks, reach.")
    reach = cover["reach"]
    if isinstance(reach, bool) or not isinstance(reach, int) or reach < 0:
        raise UserError(f"{where}: cover.reach: expected a number of characters (0 or more), found {reach!r}.")
    for key in ("cumulative", "periods", "current", "year_to_date"):
        if not isinstance(data.get(key), dict):
            raise UserError(f"{where}: {key}: expected a mapping with zh and en.")
        _expect(data[key], {"zh", "en"}, f"{where}: {key}")
    parsed = {}
    for (part, lang), keys in _SERIES_KEYS.items():
        spec, here = data[part].get(lang), f"{where}: {part}.{lang}"
        if not isinstance(spec, dict) or set(spec) != keys:
            raise UserError(f"{here}: expected the keys {', '.join(sorted(keys))}.")
        parsed[part, lang] = {k: words(v, f"{here}.{k}") for k, v in spec.items()}
    langs = ("zh", "en")
    return Series({lang: parsed["cumulative", lang] for lang in langs},
                  {lang: parsed["periods", lang]["plans"] for lang in langs},
                  {lang: parsed["periods", lang]["future"] for lang in langs},
                  {lang: parsed["current", lang] for lang in langs},
                  words(cover["breaks"], f"{where}: cover.breaks"), reach,
                  {"zh": parsed["year_to_date", "zh"]["words"], "en": parsed["year_to_date", "en"]["phrases"]},
                  parsed["year_to_date", "zh"]["month_span_marks"])


@dataclass(frozen=True)
class Vocabulary:
    approx: dict[str, dict[str, dict[str, Approx]]]   # lang → position → word → Approx
    measures_zh: dict[str, Measure]
    after_bare_scale_zh: dict[str, str]                # 千元, 万名, 百年: word → the scales that count it
    big_zh: dict[str, str]                             # 三大: numerals, and what may not follow 大
    count_nouns_en: dict[str, str]                     # lemma → unit
    count_groups: dict[str, str]                       # count unit → its group (units apart)
    units: dict[str, dict[str, str]]                   # lang → surface → pint expression
    unit_definitions: list[str]
    time_units: dict[str, dict[str, str]]              # lang → surface → time unit
    currencies: dict[str, dict[str, dict[str, str]]]   # lang → before/after → surface → ISO code
    bare_dollars: frozenset[str]                       # "$", "dollars": a dollar, whose unsaid
    dollar_currencies: frozenset[str]                  # the currencies a bare dollar may be
    subjects: dict
    names: dict[str, list[str]]
    names_before: dict[str, list[str]]
    plan_words_zh: list[str]                           # 十四五 + these: a five-year plan named by its ordinal
    yuan_not_before: list[str]                         # 元 before these starts a word (二元论): no yuan
    idioms_zh: list[str]
    series: Series


def _approximations(data: dict) -> dict[str, dict[str, dict[str, Approx]]]:
    where = "rules/approximations.yaml"
    _expect(data, {"qualifiers", "zh", "en"}, where)
    quals = data["qualifiers"]
    for q, spec in quals.items():
        _expect(spec, {"interval", "tolerance"}, f"{where}: qualifiers.{q}")
        if spec["interval"] not in INTERVALS:
            raise UserError(f"{where}: qualifiers.{q}: unknown interval {spec['interval']!r}; "
                            f"expected one of {', '.join(sorted(INTERVALS))}.")
    out: dict[str, dict[str, dict[str, Approx]]] = {}
    for lang in ("zh", "en"):
        out[lang] = {}
        for position, words in data[lang].items():
            table = out[lang][position] = {}
            for word, spec in words.items():
                if isinstance(spec, str):
                    spec = {"qualifier": spec}
                here = f"{where}: {lang}.{position}.{word}"
                _expect(spec, {"qualifier", "interval", "low", "high"}, here)
                q = spec.get("qualifier")
                if q not in quals:
                    raise UserError(f"{here}: unknown qualifier {q!r}; expected one of "
                                    f"{', '.join(sorted(quals))}.")
                interval = spec.get("interval", quals[q]["interval"])
                if interval not in INTERVALS:
                    raise UserError(f"{here}: unknown interval {interval!r}.")
                table[str(word)] = Approx(q, interval, float(quals[q].get("tolerance", 0.0)),
                                          spec.get("low"), spec.get("high"))
    return out


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    approx = _approximations(load_yaml("approximations.yaml"))

    measures = load_yaml("measure_words.yaml")
    _expect(measures, {"zh", "en", "apart", "zh_after_bare_scale", "zh_big"}, "rules/measure_words.yaml")
    _expect(measures.get("zh_big") or {}, {"numerals", "not_before"}, "rules/measure_words.yaml: zh_big")
    measures_zh = {}
    for word, spec in measures["zh"].items():
        _expect(spec or {}, {"unit", "subject"}, f"rules/measure_words.yaml: zh.{word}")
        measures_zh[str(word)] = Measure((spec or {}).get("unit"), (spec or {}).get("subject"))
    count_nouns_en = {noun: unit for unit, nouns in measures["en"].items() for noun in nouns}
    count_groups = {}
    known = {m.unit for m in measures_zh.values()} | set(count_nouns_en.values())
    for group, members in (measures.get("apart") or {}).items():
        for unit in words(members, f"rules/measure_words.yaml: apart.{group}"):
            if unit not in known:
                raise UserError(f"rules/measure_words.yaml: apart.{group}: {unit!r} is no count unit of "
                                f"zh or en; expected one of {', '.join(sorted(u for u in known if u))}.")
            if unit in count_groups:
                raise UserError(f"rules/measure_words.yaml: apart.{group}: {unit!r} is already in "
                                f"apart.{count_groups[unit]}; a unit belongs to one group.")
            count_groups[unit] = str(group)

    units = load_yaml("units.yaml")
    _expect(units, {"define", "quantity", "time"}, "rules/units.yaml")
    currencies = load_yaml("currencies.yaml")
    _expect(currencies, {"zh", "en", "dollars"}, "rules/currencies.yaml")
    dollars = currencies.get("dollars") or {}
    _expect(dollars, {"bare", "currencies"}, "rules/currencies.yaml: dollars")
    subjects = load_yaml("subjects.yaml")
    _expect(subjects, {"zh", "en"}, "rules/subjects.yaml")
    names = load_yaml("names.yaml")
    _expect(names, {"zh", "en"}, "rules/names.yaml")

    return Vocabulary(
        approx=approx,
        measures_zh=measures_zh,
        big_zh={str(k): str(v) for k, v in (measures.get("zh_big") or {}).items()},
        after_bare_scale_zh={str(w): str(sc) for w, sc in (measures.get("zh_after_bare_scale") or {}).items()},
        count_nouns_en=count_nouns_en,
        count_groups=count_groups,
        units={lang: {str(k): str(v) for k, v in units["quantity"][lang].items()} for lang in ("zh", "en")},
        unit_definitions=list(units.get("define") or []),
        time_units={lang: {str(k): str(v) for k, v in units["time"][lang].items()} for lang in ("zh", "en")},
        currencies={lang: {pos: {str(k): str(v) for k, v in table.items()}
                           for pos, table in currencies[lang].items() if isinstance(table, dict)}
                    for lang in ("zh", "en")},
        yuan_not_before=list(words(currencies["zh"].get("yuan_not_before"), "rules/currencies.yaml: zh.yuan_not_before")),
        bare_dollars=frozenset(words(dollars.get("bare") or ["$"], "rules/currencies.yaml: dollars.bare")),
        dollar_currencies=frozenset(words(dollars.get("currencies") or ["USD"],
                                          "rules/currencies.yaml: dollars.currencies")),
        subjects=subjects,
        names={lang: [str(x) for x in names[lang]["after"]] for lang in ("zh", "en")},
        names_before={lang: [str(x) for x in names[lang].get("before", [])] for lang in ("zh", "en")},
        plan_words_zh=list(words(names["zh"].get("plans"), "rules/names.yaml: zh.plans")),
        idioms_zh=[str(x) for x in names["zh"].get("idioms", [])],
        series=_series(load_yaml("series.yaml")),
    )


def mapping(data, keys: set[str] | None, where: str) -> dict:
    """``data`` if it is a mapping with exactly ``keys`` (any keys when None), else UserError naming
    ``where`` and what was expected."""
    if not isinstance(data, dict) or (keys is not None and set(data) != keys):
        expected = f"the keys {', '.join(sorted(keys))}" if keys else "a mapping"
        raise UserError(f"{where}: expected {expected}.")
    return data


def word_list(data: dict, key: str, where: str, empty: bool = False) -> list[str]:
    """The non-empty list of words under ``key`` (an empty one allowed with ``empty``)."""
    if empty and data.get(key) == []:
        return []
    return list(words(data.get(key), f"{where}.{key}"))


def en_words(alt: str) -> str:
    """An alternation of English words as whole words (not inside a longer word)."""
    return rf"(?<![A-Za-z])(?:{alt})(?![A-Za-z])"


def alternation(words) -> str:
    """A regex alternation of literal words, longest first (so 平方公里 wins over 公里)."""
    import re

    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
