"""Rule selection: which rules a selector names, how specifically, and what to say about one
that names none.

A selector is a rule code (CC101), a name (value-mismatch), a code prefix (CC1), a category
(translation, consistency, corpus) or ALL. The configuration file (select, ignore, severity,
per-file-ignores), the command line (--select, --ignore) and suppression comments all go
through this one module, so that one spelling is accepted, ranked and refused alike everywhere
(and neither ``checker.config`` nor ``checker.engine.suppress`` needs the other).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from checker.engine.catalogue import Rule, catalogue
from checker.errors import UserError

CATEGORY_NAMES = ("translation", "consistency", "corpus")

# The one rule that is not in rules/catalogue.yaml: it reports the suppression comments
# themselves (checker.engine.suppress). It lives here because selectors must know it (a
# configuration may ignore CC001) and the suppression code must not be needed to know it.
UNUSED_SUPPRESSION = Rule(
    code="CC001", name="unused-suppression", category="consistency", severity="warning",
    message="suppression comment `{directive}` suppressed nothing",
    doc="A claimcheck suppression comment (disable/ignore) that suppressed no finding. "
        "Remove it, or fix the rule names it gives.")

_SPEC_CODE = re.compile(r"^[A-Za-z]+\d*$")
# letters typed for digits in a code (CC1O1, CC2l1): read as the digit they look like
_LOOKALIKE_DIGITS = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "i": "1"})
_CODE_SHAPE = re.compile(r"^([A-Za-z]{2})([0-9OoIil]+)$")
EXPECTED = ("expected a rule code (CC101), name (value-mismatch), code prefix (CC1), category "
            f"({', '.join(CATEGORY_NAMES)}) or ALL. `claimcheck rules` lists the rules.")


def known_rules() -> list[Rule]:
    """Every rule a selector may name: the catalogue's and unused-suppression."""
    rules = {r.code: r for r in catalogue().values()}
    rules[UNUSED_SUPPRESSION.code] = UNUSED_SUPPRESSION
    return sorted(rules.values(), key=lambda r: r.code)


def specificity(spec: str, rule: Rule) -> int | None:
    """How specifically ``spec`` names ``rule`` (None: it does not): exact code or name >
    longer code prefix > shorter prefix > category > ALL, as in ruff."""
    if spec.upper() == "ALL":
        return 0
    if spec == rule.category:
        return 1
    if spec == rule.name or spec.upper() == rule.code.upper():
        return 1000
    if _SPEC_CODE.match(spec) and rule.code.upper().startswith(spec.upper()):
        return 10 + len(spec)
    return None


def best(specs: Iterable[str], rule: Rule) -> int | None:
    """The most specific of ``specs`` that names ``rule`` (None: none does)."""
    scores = [s for s in (specificity(spec, rule) for spec in specs) if s is not None]
    return max(scores) if scores else None


def matches(spec: str, rule: Rule) -> bool:
    return specificity(spec, rule) is not None


def known_spec(spec: str) -> bool:
    """A code, name, code prefix, category or ALL that names at least one rule."""
    if spec.upper() == "ALL" or spec in CATEGORY_NAMES:
        return True
    return any(matches(spec, r) for r in known_rules())


def suggestion(spec: str) -> str | None:
    """The selector ``spec`` was most likely meant to be, or None when nothing is close: a code
    with a letter for a digit (CC1O1 → CC101), a name, code or category a typo away
    (value-mismach → value-mismatch, cc101 is already accepted). No guess is better than a far
    one: CC999 suggests nothing, and the message lists the codes instead."""
    rules = known_rules()
    codes = {r.code.upper(): r.code for r in rules}
    m = _CODE_SHAPE.match(spec.strip())
    if m:
        fixed = (m.group(1) + m.group(2).translate(_LOOKALIKE_DIGITS)).upper()
        if fixed in codes:
            return codes[fixed]
        if any(c.startswith(fixed) for c in codes):
            return fixed
    words = {r.name.lower(): r.name for r in rules}
    words.update({c: c for c in CATEGORY_NAMES})
    key = spec.strip().lower().replace("_", "-").replace(" ", "-")
    if key in words:
        return words[key]
    close = difflib.get_close_matches(key, list(words), n=1, cutoff=0.8)
    if close:
        return words[close[0]]
    if _SPEC_CODE.match(spec.strip()):
        close = difflib.get_close_matches(spec.strip().upper(), list(codes), n=1, cutoff=0.8)
        if close:
            return codes[close[0]]
    return None


def _code_ranges() -> str:
    """CC001, CC101–CC107, …: the codes in runs of one hundred, for a message."""
    runs: list[list[str]] = []
    for r in known_rules():
        if runs and r.code[:-2] == runs[-1][0][:-2]:
            runs[-1].append(r.code)
        else:
            runs.append([r.code])
    return ", ".join(run[0] if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


def unknown_spec_message(spec: str, where: str) -> str:
    """One paragraph about a selector that names no rule: where it was given, what it was
    probably meant to be, and what is accepted."""
    guess = suggestion(spec)
    if guess:
        return f"unknown rule {spec!r} in {where}; did you mean {guess!r}? {EXPECTED[0].upper()}{EXPECTED[1:]}"
    hint = ""
    if _SPEC_CODE.match(spec) and any(ch.isdigit() for ch in spec):
        hint = f"no rule has that code (the codes are {_code_ranges()}); "
    return f"unknown rule {spec!r} in {where}; {hint}{EXPECTED}"


def check_specs(specs: Iterable[str], where: str) -> tuple[str, ...]:
    """``specs`` as given, or UserError about the first that names no rule."""
    specs = tuple(specs)
    for spec in specs:
        if not known_spec(spec):
            raise UserError(unknown_spec_message(spec, where))
    return specs
