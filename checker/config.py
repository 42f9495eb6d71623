"""User configuration: ``.claimcheck.toml`` or ``[tool.claimcheck]`` in ``pyproject.toml``.

Found from the checked file's folder upward (the closest file wins; in one folder
``.claimcheck.toml`` wins over ``pyproject.toml``), or named with ``--config``; ``--isolated``
ignores every file. ``extend = "path"`` (relative to the file) inherits another configuration:
the extending file's keys win; the tables ``severity``, ``per-file-ignores`` and ``tolerances``
are merged key by key, lists are replaced.

Keys (``-`` and ``_`` are interchangeable)::

    select = ["CC1", "invalid-date"]      # codes, names, code prefixes, categories or "ALL"
    ignore = ["extra-claim"]
    fail-on = "warning"                   # error | warning | info | never
    extend = "../base.toml"
    [severity]                            # rule, prefix or category -> info|warning|error|off
    CC103 = "info"
    [per-file-ignores]                    # glob (posix separators) -> rules
    "archive/*.md" = ["corpus"]
    [tolerances]
    conversion = 0.02                     # rounding, conversion, open_end

Every file is validated when loaded: a malformed file, an unknown key, a wrong type, a bad
severity or an unknown rule raises :class:`~checker.errors.UserError` naming the file and line.

Selection: a rule is selected when no ``select`` is given or a ``select`` entry matches it, and
no ``ignore`` entry (or per-file ignore) matches it; when both a ``select`` and an ``ignore``
entry match, the more specific one wins (exact code or name > longer prefix > shorter prefix >
category > ALL; a tie goes to ``ignore``), as in ruff. Severity overrides follow the same
specificity.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Any

from checker.engine.select import CATEGORY_NAMES, best, known_spec, specificity, unknown_spec_message
from checker.errors import UserError

__all__ = ["Config", "load_config", "find_config", "rule_selected", "effective_severity", "apply_config",
           "known_spec", "specificity", "CATEGORY_NAMES"]   # the last three: checker.engine.select's

LEVELS = ("info", "warning", "error", "off")
FAIL_ON = ("error", "warning", "info", "never")
def _default_tolerances() -> dict[str, float]:
    from checker.engine.catalogue import tolerances   # the rules' parameters (rules/catalogue.yaml)

    return tolerances()
CONFIG_NAMES = (".claimcheck.toml", "pyproject.toml")

_KEYS = {"select", "ignore", "severity", "per-file-ignores", "tolerances", "fail-on", "extend"}


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: dict[str, str] = field(default_factory=dict)
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    tolerances: dict[str, float] = field(default_factory=_default_tolerances)
    fail_on: str | None = None
    source: str | None = None


# --------------------------------------------------------------------------- loading

def load_config(start: Path, explicit: Path | None = None, isolated: bool = False) -> Config:
    """The configuration for files under ``start`` (a file or a folder)."""
    if isolated:
        return Config()
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise UserError(f"{path}: configuration file not found. Check the path given to --config.")
        return _build(_load_file(path, required=True), path)
    found = find_config(Path(start))
    if found is None:
        return Config()
    return _build(_load_file(found, required=True), found)


def find_config(start: Path) -> Path | None:
    """The closest ``.claimcheck.toml`` or ``pyproject.toml`` with ``[tool.claimcheck]``."""
    start = start.absolute()
    folder = start if start.is_dir() else start.parent
    for d in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            p = d / name
            if not p.is_file():
                continue
            if name == "pyproject.toml" and not _has_tool_table(p):
                continue
            return p
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "claimcheck" not in text:       # cheap: most pyproject.toml files never mention us
        return False
    return "claimcheck" in _parse(path, text).get("tool", {})


def _parse(path: Path, text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        m = re.search(r"line (\d+)", str(e))
        line = m.group(1) if m else (max(1, len(text.splitlines())) if "end of document" in str(e) else None)
        where = f"{path}:{line}" if line else str(path)
        raise UserError(f"{where}: malformed TOML ({e}). Fix the file so that it parses as TOML.") from None


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise UserError(f"{path}: cannot read the configuration file ({getattr(e, 'strerror', None) or e}).") from None


class _Raw:
    """One file's table, its text (to find lines) and where its table starts."""

    def __init__(self, path: Path, text: str, table: dict, header: str | None):
        self.path, self.text, self.table, self.header = path, text, table, header

    def where(self, *keys: str, value: str | None = None) -> str:
        line = _line_of(self.text, keys, value, self.header)
        return f"{self.path}:{line}" if line else str(self.path)


def _load_file(path: Path, required: bool, chain: tuple[Path, ...] = ()) -> dict:
    """The validated, normalised keys of ``path`` merged over what it extends."""
    text = _read(path)
    data = _parse(path, text)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if "claimcheck" not in tool:
            raise UserError(f"{path}: no [tool.claimcheck] table; expected the configuration there "
                            "(or use a .claimcheck.toml with top-level keys).")
        table, header = tool["claimcheck"], "tool.claimcheck"
        if not isinstance(table, dict):
            raise UserError(f"{path}:{_line_of(text, ('claimcheck',), None, None) or '?'}: "
                            "tool.claimcheck must be a table.")
    else:
        table, header = data, None
    raw = _Raw(path, text, table, header)
    own = _validate(raw)
    if "extend" not in own:
        return own
    target = (path.parent / own.pop("extend")).resolve()
    me = path.resolve()
    if target in (*chain, me):
        cycle = " -> ".join(str(p) for p in (*chain, me, target))
        raise UserError(f"{raw.where('extend')}: extend makes a cycle ({cycle}); remove one of the extends.")
    if not target.is_file():
        raise UserError(f"{raw.where('extend')}: extend names {target}, which does not exist; "
                        "expected a path relative to this file.")
    base = _load_file(target, required=True, chain=(*chain, me))
    merged = dict(base)
    for key, value in own.items():
        if key in ("severity", "per_file_ignores", "tolerances") and key in base:
            merged[key] = {**base[key], **value}
        else:
            merged[key] = value
    return merged


def _build(values: dict, path: Path) -> Config:
    tolerances = _default_tolerances()
    tolerances.update(values.get("tolerances", {}))
    return Config(select=tuple(values.get("select", ())), ignore=tuple(values.get("ignore", ())),
                  severity=dict(values.get("severity", {})),
                  per_file_ignores=dict(values.get("per_file_ignores", {})),
                  tolerances=tolerances, fail_on=values.get("fail_on"), source=str(path))


def _validate(raw: _Raw) -> dict:
    out: dict[str, Any] = {}
    seen: dict[str, str] = {}
    for key, value in raw.table.items():
        norm = key.replace("_", "-")
        if norm not in _KEYS:
            raise UserError(f"{raw.where(key)}: unknown key {key!r}; expected one of {', '.join(sorted(_KEYS))}.")
        if norm in seen:
            raise UserError(f"{raw.where(key)}: {key!r} is given twice (also as {seen[norm]!r}).")
        seen[norm] = key
        if norm in ("select", "ignore"):
            out[norm] = _rules_list(raw, (key,), value)
        elif norm == "fail-on":
            if value not in FAIL_ON:
                raise UserError(f"{raw.where(key)}: fail-on is {value!r}; expected one of {', '.join(FAIL_ON)}.")
            out["fail_on"] = value
        elif norm == "extend":
            if not isinstance(value, str) or not value:
                raise UserError(f"{raw.where(key)}: extend must be a path (a string) relative to this file.")
            out["extend"] = value
        elif norm == "severity":
            table = _table(raw, key, value, "a table of rule = \"info|warning|error|off\"")
            for rule_spec, level in table.items():
                _check_spec(raw, (key, rule_spec), rule_spec, None)
                if level not in LEVELS:
                    raise UserError(f"{raw.where(key, rule_spec)}: severity {level!r} for {rule_spec}; "
                                    f"expected one of {', '.join(LEVELS)}.")
            out["severity"] = dict(table)
        elif norm == "per-file-ignores":
            table = _table(raw, key, value, "a table of \"glob\" = [rules]")
            out["per_file_ignores"] = {glob: _rules_list(raw, (key, glob), rules) for glob, rules in table.items()}
        elif norm == "tolerances":
            table = _table(raw, key, value, "a table of name = number")
            tol: dict[str, float] = {}
            for name, number in table.items():
                n = name.replace("-", "_")
                if n not in _default_tolerances():
                    raise UserError(f"{raw.where(key, name)}: unknown tolerance {name!r}; expected one of "
                                    f"{', '.join(_default_tolerances())}.")
                if isinstance(number, bool) or not isinstance(number, (int, float)) or number < 0:
                    raise UserError(f"{raw.where(key, name)}: tolerance {name} is {number!r}; "
                                    "expected a number ≥ 0.")
                tol[n] = float(number)
            out["tolerances"] = tol
    return out


def _table(raw: _Raw, key: str, value: Any, expected: str) -> dict:
    if not isinstance(value, dict):
        raise UserError(f"{raw.where(key)}: {key} is {type(value).__name__}; expected {expected}.")
    return value


def _rules_list(raw: _Raw, keys: tuple[str, ...], value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise UserError(f"{raw.where(*keys)}: {keys[-1]} must be a list of rule codes, names, prefixes "
                        "or categories (strings).")
    for spec in value:
        _check_spec(raw, keys, spec, spec)
    return tuple(value)


def _check_spec(raw: _Raw, keys: tuple[str, ...], spec: str, value: str | None) -> None:
    # the words are checker.engine.select's, the same as for --select and --ignore
    if not known_spec(spec):
        raise UserError(f"{raw.where(*keys, value=value)}: {unknown_spec_message(spec, keys[0])}")


def _line_of(text: str, keys: tuple[str, ...], value: str | None, header: str | None) -> int | None:
    """The line of ``keys`` (innermost first) or of a quoted ``value``, after the table ``header``."""
    lines = text.splitlines()
    begin = 0
    if header:
        pat = re.compile(r"^\s*\[\s*" + r"\s*\.\s*".join(map(re.escape, header.split("."))) + r"\b")
        begin = next((i for i, line in enumerate(lines) if pat.match(line)), 0)
    if value is not None:
        q = re.compile(r"""(["'])""" + re.escape(value) + r"\1")
        for i in range(begin, len(lines)):
            if q.search(lines[i]):
                return i + 1
    for key in reversed(keys):
        k = re.escape(key)
        pats = [re.compile(r"""(?:^|[{,])\s*(?:["']""" + k + r"""["']|""" + k + r""")\s*="""),
                re.compile(r"^\s*\[[^\]]*(?:\.|\[)\s*[\"']?" + k + r"[\"']?\s*\]")]   # [tool.claimcheck.KEY]
        for i in range(begin, len(lines)):
            if any(p.search(lines[i]) for p in pats):
                return i + 1
    return None


# --------------------------------------------------------------------------- rules
# What a selector names and how specifically: checker.engine.select (one place for the
# configuration, the command line and suppression comments).


def _path_matches(glob: str, path: str) -> bool:
    p = PurePosixPath(path.replace("\\", "/"))
    posix = p.as_posix()
    if fnmatchcase(posix, glob):
        return True
    parts = p.parts
    # a relative glob also matches the tail of an absolute or deeper path ("docs/*.md")
    return any(fnmatchcase("/".join(parts[i:]), glob) for i in range(1, len(parts)))


def rule_selected(config: Config, rule, path: str) -> bool:
    """Whether ``rule`` runs on ``path`` under ``config`` (select, ignore, per-file-ignores)."""
    chosen = best(config.select, rule) if config.select else -1
    if chosen is None:
        return False
    ignores = list(config.ignore)
    for glob, specs in config.per_file_ignores.items():
        if _path_matches(glob, path):
            ignores.extend(specs)
    dropped = best(ignores, rule)
    return dropped is None or chosen > dropped


def effective_severity(config: Config, rule, severity: str) -> str | None:
    """The severity after the configuration's overrides; None when turned off."""
    best, level = None, severity
    for spec, value in config.severity.items():
        s = specificity(spec, rule)
        if s is not None and (best is None or s >= best):
            best, level = s, value
    return None if level == "off" else level


def apply_config(config: Config, findings: list) -> list:
    """The findings ``config`` keeps, with their severities overridden."""
    from dataclasses import replace

    out = []
    for f in findings:
        if not rule_selected(config, f.rule, f.path):
            continue
        level = effective_severity(config, f.rule, f.severity)
        if level is None:
            continue
        out.append(f if level == f.severity else replace(f, severity=level, softened=""))
    return out
