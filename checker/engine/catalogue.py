"""The rule catalogue (rules/catalogue.yaml): codes, names, categories, severities, messages."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from checker.errors import UserError
from checker.vocab import load_yaml, rules_dir

SEVERITIES = ("info", "warning", "error")
CATEGORIES = frozenset({"translation", "consistency", "corpus"})
# what a rule's examples hold: a Chinese and an English text, or an archived article and a document
EXAMPLE_SIDES = {"translation": ("zh", "en"), "consistency": ("zh", "en"), "corpus": ("archive", "document")}
_KEYS = {"name", "category", "severity", "message", "help", "doc", "bad", "good", "parameters"}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    category: str
    severity: str
    message: str
    doc: str
    bad: dict | None = None        # an example it reports: {"zh": …, "en": …}
    good: dict | None = None       # and one it accepts
    parameters: dict | None = None  # tolerances a configuration may change
    help: str = ""                 # how to fix it, from the claims' texts by role ({source}, {archive}, …)


@lru_cache(maxsize=1)
def catalogue() -> dict[str, Rule]:
    """Rules by name (and the same objects by code)."""
    data = load_yaml("catalogue.yaml")
    text = (rules_dir() / "catalogue.yaml").read_text(encoding="utf-8")
    out: dict[str, Rule] = {}
    for code, spec in data.items():
        k = text.find(f"\n{code}:")
        where = f"rules/catalogue.yaml:{text.count(chr(10), 0, k) + 2 if k >= 0 else 1}: {code}"
        if not isinstance(spec, dict) or not _KEYS >= set(spec) or not {"name", "category", "severity", "message"} <= set(spec):
            raise UserError(f"{where}: expected the keys {', '.join(sorted(_KEYS))}.")
        if spec["severity"] not in SEVERITIES:
            raise UserError(f"{where}: severity {spec['severity']!r} is not one of {', '.join(SEVERITIES)}.")
        if spec["category"] not in CATEGORIES:
            raise UserError(f"{where}: category {spec['category']!r} is not one of {', '.join(sorted(CATEGORIES))}.")
        sides = EXAMPLE_SIDES[spec["category"]]
        for key in ("bad", "good"):
            example = spec.get(key)
            if example is not None and not (isinstance(example, dict) and set(example) == set(sides)
                                            and all(isinstance(v, str) for v in example.values())):
                raise UserError(f"{where}: {key} must be {{{sides[0]}: \"…\", {sides[1]}: \"…\"}} "
                                "(quote texts with commas).")
        rule = Rule(str(code), spec["name"], spec["category"], spec["severity"], spec["message"], spec.get("doc", ""),
                    spec.get("bad"), spec.get("good"), dict(spec.get("parameters") or {}), str(spec.get("help") or ""))
        out[rule.name] = out[rule.code] = rule
    return out


def tolerances() -> dict[str, float]:
    """Every rule's parameters, by name: the defaults a configuration's [tolerances] overrides."""
    out: dict[str, float] = {}
    for r in catalogue().values():
        out.update({k: float(v) for k, v in (r.parameters or {}).items()})
    return out


def rule(name: str) -> Rule:
    return catalogue()[name]


# what a help template's fields are called when no finding fills them (the rule's own documentation)
_GENERIC = {"source": "the source's figure", "target": "the translation's figure", "claim": "the figure",
            "self": "the figure", "document": "this document's figure", "archive": "the archive's figure",
            "likely": "the day nearest the date that has that weekday"}


def generic_help(r: Rule) -> str:
    """The rule's fix in general words ("the source says the source's figure…"), for a rule's
    documentation rather than one finding."""
    if not r.help:
        return ""
    try:
        return r.help.format_map(_GENERIC)
    except (KeyError, IndexError, ValueError):
        return ""


def explain(r: Rule) -> str:
    """A rule's documentation, with what it reports and what it accepts, as plain text."""
    lines = [f"{r.code} {r.name} ({r.category}, default severity {r.severity})", "", r.doc, ""]
    if r.help:
        lines += [f"How to fix: {generic_help(r)}.", ""]
    for label, example in (("Reported", r.bad), ("Accepted", r.good)):
        if example:
            lines.append(f"{label}:")
            for side in EXAMPLE_SIDES[r.category]:
                text = example.get(side, "").replace("\n", "\n    " + " " * len(side))
                lines.append(f"  {side}: {text}")
            lines.append("")
    return "\n".join(lines)
