"""Issue 15: the fuzz harness, bounded for CI (well under two minutes on two cores). The strategies
and checks live in tests/fuzzing.py; benchmarks/fuzz.py runs the same ones for longer. The profile
is derandomized and keeps no example database, so every CI run tries the same inputs."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings

from tests.fuzzing import RUN, TEXT, check_claims, check_one, render_claims

render_claims(check_claims("全市共有二十名民警。"), "warm-up")   # first imports are not timed as an input

CI = settings(max_examples=300, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@CI
@given(TEXT, TEXT)
@example("全市共有二十名民警，2020年1月1日增长10%。", "On January 1, 2020, 20 police officers, up 10%.")
@example("", "")
@example("¥R$", "约亿美元&amp;名\u2029８０月 percent:")   # 80月 read as month 80 crashed the comparison
def test_any_text_and_translation_pass_every_check(text, other):
    check_one(text, other)


@settings(CI, max_examples=40)
@given(RUN, TEXT)
def test_long_runs_of_one_piece_pass_every_check(text, other):
    check_one(text, other)
