"""The one shared pint registry, which also knows the Chinese unit names of ``rules/units.yaml``.

pint is imported only when a unit is met (it costs a few hundred milliseconds to load).
"""

from __future__ import annotations

from functools import lru_cache

from checker.errors import UserError
from checker.vocab import vocabulary


@lru_cache(maxsize=1)
def registry():
    pint = _import_pint()

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


_PINT_WITHOUT_DASK = False


def pint_without_dask() -> None:
    """Have pint imported without its support for dask arrays (see _import_pint): for the
    command line only, whose process is its own. A program that uses claimcheck as a library
    gets pint as pint is."""
    global _PINT_WITHOUT_DASK
    _PINT_WITHOUT_DASK = True


def _import_pint():
    """pint; for the command line, without its support for dask arrays: pint.compat imports
    dask.base at import time when dask is installed (claimcheck[dask] installs it for the
    archive), which added a quarter of a second to every run that meets a unit, for arrays we
    never make. An entry of None in sys.modules makes importlib.util.find_spec("dask") answer
    None while pint looks; it is taken away at once, so dask itself imports as usual afterwards
    (pint keeps no dask support in that process; nothing of ours uses it)."""
    import sys

    if not _PINT_WITHOUT_DASK or "pint" in sys.modules or "dask" in sys.modules:
        import pint
        return pint
    sys.modules["dask"] = None
    try:
        import pint
    finally:
        if sys.modules.get("dask", 0) is None:
            del sys.modules["dask"]
    return pint


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
