"""The one shared pint registry, which also knows the Chinese unit names of ``rules/units.yaml``.

pint is imported only when a unit is met (it costs a few hundred milliseconds to load).
"""

from __future__ import annotations

from functools import lru_cache

from checker.errors import UserError
from checker.vocab import vocabulary


@lru_cache(maxsize=1)
def registry():
    import pint

    try:
        ureg = pint.UnitRegistry(cache_folder=":auto:")
    except Exception:  # an unwritable cache folder must not stop the tool
        ureg = pint.UnitRegistry()
    vocab = vocabulary()
    for line in vocab.unit_definitions:
        _define(ureg, line)
    for name, expr in vocab.units["zh"].items():
        # Chinese unit names become units of the registry; symbols such as m2 or km/h are only
        # surface forms of the expression they map to
        if name.isidentifier() and name not in ureg:
            _define(ureg, f"{name} = {expr}")
    return ureg


def _define(ureg, line: str) -> None:
    try:
        ureg.define(line)
    except Exception as e:
        raise UserError(f"rules/units.yaml: cannot define unit {line!r}: {e}") from None


@lru_cache(maxsize=None)
def canonical(expr: str) -> str:
    """pint's short symbol for a unit expression: 'kilometer ** 2' → 'km**2', 'mu' → 'mu'."""
    ureg = registry()
    return format(ureg.parse_units(expr), "~C")
