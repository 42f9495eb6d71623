"""Configuration: discovery, extend, validation errors (file and line), selection semantics."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from checker.config import (Config, apply_config, effective_severity, find_config,
                            load_config, rule_selected)
from checker.engine.catalogue import rule
from checker.errors import UserError


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- discovery

def test_no_config_gives_defaults(tmp_path):
    c = load_config(tmp_path)
    assert c == Config() and c.source is None and c.tolerances == {"rounding": 0.0, "conversion": 0.015, "open_end": 1.5}


def test_found_upward_from_a_file(tmp_path):
    cfg = write(tmp_path / ".claimcheck.toml", 'ignore = ["extra-claim"]\n')
    doc = write(tmp_path / "a" / "b" / "doc.md", "x")
    c = load_config(doc)
    assert c.ignore == ("extra-claim",) and c.source == str(cfg.absolute())


def test_closest_wins(tmp_path):
    write(tmp_path / ".claimcheck.toml", 'ignore = ["extra-claim"]\n')
    near = write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n[tool.claimcheck]\nselect = ["CC1"]\n')
    c = load_config(tmp_path / "sub")
    assert c.select == ("CC1",) and c.ignore == () and c.source == str(near.absolute())


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / ".claimcheck.toml", 'fail-on = "warning"\n')
    write(tmp_path / "sub" / "pyproject.toml", '[project]\nname = "x"\n')
    assert load_config(tmp_path / "sub").fail_on == "warning"


def test_dotfile_wins_over_pyproject_in_one_folder(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nfail-on = "info"\n')
    write(tmp_path / ".claimcheck.toml", 'fail-on = "warning"\n')
    assert find_config(tmp_path).name == ".claimcheck.toml"
    assert load_config(tmp_path).fail_on == "warning"


def test_explicit_and_isolated(tmp_path):
    write(tmp_path / ".claimcheck.toml", 'fail-on = "warning"\n')
    other = write(tmp_path / "ci.toml", 'fail-on = "info"\n')
    pyproject = write(tmp_path / "x" / "pyproject.toml", '[tool.claimcheck]\nfail-on = "never"\n')
    assert load_config(tmp_path, explicit=other).fail_on == "info"
    assert load_config(tmp_path, explicit=pyproject).fail_on == "never"
    assert load_config(tmp_path, explicit=other, isolated=True) == Config()
    with pytest.raises(UserError, match="not found"):
        load_config(tmp_path, explicit=tmp_path / "missing.toml")


def test_all_keys_and_underscore_spelling(tmp_path):
    write(tmp_path / ".claimcheck.toml", """
        select = ["translation", "CC2"]
        ignore = ["extra-claim"]
        fail_on = "warning"
        [severity]
        CC103 = "info"
        qualifier-drift = "off"
        [per-file-ignores]
        "archive/*.md" = ["corpus", "CC101"]
        [tolerances]
        conversion = 0.02
        open-end = 2
    """)
    c = load_config(tmp_path)
    assert c.select == ("translation", "CC2") and c.fail_on == "warning"
    assert c.severity == {"CC103": "info", "qualifier-drift": "off"}
    assert c.per_file_ignores == {"archive/*.md": ("corpus", "CC101")}
    assert c.tolerances == {"rounding": 0.0, "conversion": 0.02, "open_end": 2.0}


# --------------------------------------------------------------------------- extend

def test_extend_inherits_and_overrides(tmp_path):
    write(tmp_path / "base" / "base.toml", """
        ignore = ["extra-claim"]
        fail-on = "info"
        [severity]
        CC103 = "info"
        CC104 = "error"
    """)
    write(tmp_path / "proj" / ".claimcheck.toml", """
        extend = "../base/base.toml"
        fail-on = "warning"
        [severity]
        CC104 = "off"
    """)
    c = load_config(tmp_path / "proj")
    assert c.ignore == ("extra-claim",) and c.fail_on == "warning"
    assert c.severity == {"CC103": "info", "CC104": "off"}


def test_extend_cycle(tmp_path):
    write(tmp_path / "a.toml", 'extend = "b.toml"\n')
    write(tmp_path / "b.toml", 'extend = "a.toml"\n')
    with pytest.raises(UserError, match=r"cycle") as e:
        load_config(tmp_path, explicit=tmp_path / "a.toml")
    assert re.search(r"b\.toml:1\b", str(e.value))


def test_extend_self_and_missing(tmp_path):
    write(tmp_path / "a.toml", '# me\nextend = "a.toml"\n')
    with pytest.raises(UserError, match=r"a\.toml:2: extend makes a cycle"):
        load_config(tmp_path, explicit=tmp_path / "a.toml")
    write(tmp_path / "c.toml", 'extend = "nowhere.toml"\n')
    with pytest.raises(UserError, match=r"c\.toml:1: extend names .*does not exist"):
        load_config(tmp_path, explicit=tmp_path / "c.toml")


def test_error_in_extended_file_names_that_file(tmp_path):
    (tmp_path / "base.toml").write_text('\n\nselect = ["CC999"]\n', encoding="utf-8")
    write(tmp_path / ".claimcheck.toml", 'extend = "base.toml"\n')
    with pytest.raises(UserError, match=r"base\.toml:3: unknown rule 'CC999'"):
        load_config(tmp_path)


# --------------------------------------------------------------------------- validation

BAD = [
    ('fail-on = "warning"\nselects = ["CC1"]\n', 2, "unknown key 'selects'; expected one of"),
    ('\n[severity]\nCC101 = "fatal"\n', 3, "severity 'fatal' for CC101; expected one of info, warning, error, off"),
    ('severity = {CC101 = "loud"}\n', 1, "severity 'loud'"),
    ('select = [\n  "CC1",\n  "CC999",\n]\n', 3, "unknown rule 'CC999' in select"),
    ('ignore = ["no-such-rule"]\n', 1, "unknown rule 'no-such-rule' in ignore"),
    ('\n[severity]\nbogus = "info"\n', 3, "unknown rule 'bogus' in severity"),
    ('[per-file-ignores]\n"a/*.md" = ["CC101"]\n"b/*.md" = ["CC9"]\n', 3, "unknown rule 'CC9' in per-file-ignores"),
    # issue 14: a near miss is named (the same words as --select / --ignore on the command line)
    ('select = ["value-mismach"]\n', 1, "unknown rule 'value-mismach' in select; did you mean 'value-mismatch'?"),
    ('\nignore = ["CC1O1"]\n', 2, "unknown rule 'CC1O1' in ignore; did you mean 'CC101'?"),
    ('[severity]\nqualifer-drift = "info"\n', 2, "did you mean 'qualifier-drift'?"),
    ('select = ["CC999"]\n', 1, "no rule has that code (the codes are CC001, CC101–CC107"),
    ('[per-file-ignores]\n"a/*.md" = 3\n', 2, "must be a list of rule codes"),
    ('select = "CC1"\nignore = [1]\n', 2, "must be a list of rule codes"),
    ('fail-on = "sometimes"\n', 1, "expected one of error, warning, info, never"),
    ('x = 1\nseverity = ["CC101"]\n', 1, "unknown key 'x'"),
    ('severity = ["CC101"]\n', 1, "severity is list; expected a table"),
    ('[tolerances]\nrounding = 0\nslack = 1\n', 3, "unknown tolerance 'slack'"),
    ('[tolerances]\nconversion = "big"\n', 2, "expected a number ≥ 0"),
    ('[tolerances]\nconversion = -1\n', 2, "expected a number ≥ 0"),
    ('extend = 3\n', 1, "extend must be a path"),
    ('select = ["CC1"\nignore = []\n', 2, "malformed TOML"),
    ('fail-on = \n', 1, "malformed TOML"),
]


@pytest.mark.parametrize("text,line,expected", BAD, ids=[b[2][:40] for b in BAD])
def test_validation_errors_name_file_and_line(tmp_path, text, line, expected):
    (tmp_path / ".claimcheck.toml").write_text(text, encoding="utf-8")
    with pytest.raises(UserError) as e:
        load_config(tmp_path)
    msg = str(e.value)
    assert f".claimcheck.toml:{line}:" in msg and expected in msg, msg


def test_pyproject_errors_point_inside_the_tool_table(tmp_path):
    write(tmp_path / "pyproject.toml", """
        [project]
        name = "x"
        select = "not ours"

        [tool.claimcheck]
        select = ["CC1"]
        ignore = ["CC77"]
    """)
    with pytest.raises(UserError, match=r"pyproject\.toml:7: unknown rule 'CC77'"):
        load_config(tmp_path)
    write(tmp_path / "pyproject.toml", '[tool.claimcheck]\n\n[tool.claimcheck.severity]\nCC101 = "nope"\n')
    with pytest.raises(UserError, match=r"pyproject\.toml:4: severity 'nope'"):
        load_config(tmp_path)


def test_malformed_pyproject_found_in_discovery(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.claimcheck]\nselect = [\n')
    with pytest.raises(UserError, match=r"pyproject\.toml:\d+: malformed TOML"):
        load_config(tmp_path)


def test_explicit_pyproject_without_table(tmp_path):
    p = write(tmp_path / "pyproject.toml", '[project]\nname = "x"\n')
    with pytest.raises(UserError, match="no \\[tool.claimcheck\\] table"):
        load_config(tmp_path, explicit=p)


# --------------------------------------------------------------------------- semantics

R101, R103, R201 = rule("CC101"), rule("extra-claim"), rule("invalid-date")


def test_default_selects_everything():
    assert all(rule_selected(Config(), r, "a.md") for r in (R101, R103, R201))


@pytest.mark.parametrize("spec", ["CC101", "value-mismatch", "CC1", "CC10", "CC", "translation", "ALL", "cc101"])
def test_ignore_by_code_name_prefix_category(spec):
    c = Config(ignore=(spec,))
    assert not rule_selected(c, R101, "a.md")
    assert rule_selected(c, R201, "a.md") == (spec not in ("CC", "ALL"))


def test_select_restricts():
    c = Config(select=("consistency",))
    assert rule_selected(c, R201, "a.md") and not rule_selected(c, R101, "a.md")
    c = Config(select=("CC10",))
    assert rule_selected(c, R101, "a.md") and not rule_selected(c, R201, "a.md")


def test_more_specific_wins_between_select_and_ignore():
    c = Config(select=("CC101",), ignore=("translation",))
    assert rule_selected(c, R101, "a.md") and not rule_selected(c, R103, "a.md")
    c = Config(select=("translation",), ignore=("CC101",))
    assert not rule_selected(c, R101, "a.md") and rule_selected(c, R103, "a.md")
    c = Config(select=("CC1",), ignore=("CC1",))         # a tie goes to ignore
    assert not rule_selected(c, R101, "a.md")


def test_per_file_ignores():
    c = Config(per_file_ignores={"archive/*.md": ("CC1",), "*.zh.txt": ("invalid-date",)})
    assert not rule_selected(c, R101, "archive/2020/a.md")
    assert not rule_selected(c, R101, "/home/x/news/archive/a.md")
    assert not rule_selected(c, R101, "archive\\a.md")
    assert rule_selected(c, R101, "news/a.md") and rule_selected(c, R201, "archive/a.md")
    assert not rule_selected(c, R201, "deep/dir/story.zh.txt") and rule_selected(c, R101, "story.zh.txt")


def test_severity_overrides():
    c = Config(severity={"translation": "warning", "CC101": "info", "CC2": "off"})
    assert effective_severity(c, R101, "error") == "info"          # exact beats category
    assert effective_severity(c, R103, "warning") == "warning"
    assert effective_severity(c, rule("CC105"), "error") == "warning"
    assert effective_severity(c, R201, "error") is None
    assert effective_severity(Config(), R201, "error") == "error"


def test_apply_config_on_real_findings():
    from checker.engine.consistency import check_claims
    from checker.extract import extract_text

    text = "会议于2023年2月30日举行。\n\n支持率为120%的民众。"
    findings = check_claims(extract_text(text, path="a.md"), {"a.md": text})
    assert {f.rule.code for f in findings} == {"CC201", "CC204"}
    kept = apply_config(Config(ignore=("CC201",), severity={"CC204": "warning"}), findings)
    assert [(f.rule.code, f.severity) for f in kept] == [("CC204", "warning")]
    assert apply_config(Config(per_file_ignores={"*.md": ("consistency",)}), findings) == []
