"""checker.engine.select: one place that says which rules a selector names, for the
configuration, the command line and suppression comments; and no import cycle around it."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import checker
from checker.engine.catalogue import rule
from checker.engine.select import (UNUSED_SUPPRESSION, check_specs, known_spec, specificity, suggestion,
                                   unknown_spec_message)
from checker.errors import UserError

PACKAGE = Path(checker.__file__).parent


@pytest.mark.parametrize("spec,score", [
    ("ALL", 0), ("all", 0), ("translation", 1), ("CC1", 13), ("cc10", 14), ("CC101", 1000),
    ("value-mismatch", 1000), ("CC2", None), ("consistency", None), ("Value-Mismatch", None),
])
def test_specificity_ranks_exact_over_prefix_over_category_over_all(spec, score):
    assert specificity(spec, rule("value-mismatch")) == score


def test_unused_suppression_is_a_rule_selectors_know():
    assert known_spec("CC001") and known_spec("unused-suppression") and known_spec("CC0")
    assert specificity("CC001", UNUSED_SUPPRESSION) == 1000


@pytest.mark.parametrize("spec,meant", [
    ("CC1O1", "CC101"), ("CCl01", "CC101"), ("CC2O1", "CC201"), ("cc3O", "CC30"), ("value-mismach", "value-mismatch"),
    ("value_mismatch", "value-mismatch"), ("Date-Mismatch", "date-mismatch"), ("transaltion", "translation"),
    ("weekday mismatch", "weekday-mismatch"),
    ("CC999", None), ("CC9", None), ("spelling", None), ("mismatch", None),
])
def test_suggestion_is_close_or_nothing(spec, meant):
    assert suggestion(spec) == meant


def test_check_specs_refuses_in_one_paragraph():
    assert check_specs(["CC1", "extra-claim", "corpus", "ALL"], "--select") == ("CC1", "extra-claim", "corpus", "ALL")
    with pytest.raises(UserError) as e:
        check_specs(["CC1", "CC1O1"], "--ignore")
    assert str(e.value) == unknown_spec_message("CC1O1", "--ignore")
    assert "\n" not in str(e.value) and "did you mean 'CC101'?" in str(e.value)


# ---------------------------------------------------------------------- the import graph

def _imports(module: Path) -> set[str]:
    """Every module ``module`` imports, at its top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return found


def test_config_and_suppress_do_not_import_each_other():
    config, suppress, select = (PACKAGE / "config.py", PACKAGE / "engine" / "suppress.py",
                                PACKAGE / "engine" / "select.py")
    assert "checker.engine.suppress" not in _imports(config)
    assert "checker.config" not in _imports(suppress)
    assert not _imports(select) & {"checker.config", "checker.engine.suppress"}    # both use it; it uses neither


@pytest.mark.parametrize("module", ["checker.config", "checker.engine.suppress", "checker.engine.select",
                                    "checker.cli"])
def test_each_module_imports_alone_in_a_fresh_interpreter(module):
    # an import cycle shows as an ImportError (partially initialised module) when its member is
    # the first one imported
    done = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True,
                          cwd=PACKAGE.parent)
    assert done.returncode == 0, done.stderr
