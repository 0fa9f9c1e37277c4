"""Erlang C against a published worked example and against the textbook formula computed
independently in exact arithmetic (factorials and fractions), for fixed cases and by
property tests; and the staffing search's guarantees (fewest agents, monotonic)."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpis import erlang


def naive_erlang_c(agents: int, traffic: Fraction) -> Fraction:
    """The textbook formula, exactly: Aᴺ/N! · N/(N−A) over Σₖ<ₙ Aᵏ/k! + Aᴺ/N! · N/(N−A)."""
    top = traffic ** agents / math.factorial(agents) * Fraction(agents) / (agents - traffic)
    bottom = sum(traffic ** k / math.factorial(k) for k in range(agents)) + top
    return top / bottom


def naive_service_level(agents: int, traffic: Fraction, aht: float, target: float) -> float:
    return 1 - float(naive_erlang_c(agents, traffic)) * math.exp(-(agents - float(traffic)) * target / aht)


class TestPublishedExample:
    """The call-centre helper's worked example: 100 calls in 30 minutes, 3 minutes each,
    80 % within 20 s. 10 Erlangs; 13 agents reach 79.6 %, so 14 are needed (88.8 %, ASA
    7.8 s); with 30 % shrinkage, 20 on the roster."""

    def test_traffic(self):
        assert erlang.traffic_erlangs(calls=100, aht_seconds=180, interval_seconds=1800) == 10

    @pytest.mark.parametrize(("agents", "waiting", "sl"), [
        (11, 0.6821, 0.3896), (12, 0.4494, 0.6402), (13, 0.2853, 0.7956), (14, 0.1741, 0.8884)])
    def test_probability_of_waiting_and_service_level(self, agents, waiting, sl):
        assert erlang.erlang_c(agents, 10) == pytest.approx(waiting, abs=1e-4)
        assert erlang.erlang_c(agents, 10) == pytest.approx(float(naive_erlang_c(agents, Fraction(10))), rel=1e-12)
        assert erlang.service_level(agents=agents, traffic=10, aht_seconds=180, target_seconds=20) == \
            pytest.approx(sl, abs=1e-4)

    def test_required_agents(self):
        result = erlang.required_agents(calls=100, interval_seconds=1800, aht_seconds=180,
                                        target_service_level=0.8, target_seconds=20, shrinkage=0.3)
        assert result.traffic_erlangs == 10
        assert result.agents == 14
        assert result.agents_with_shrinkage == 20  # ceil(14 / 0.7)
        assert result.service_level == pytest.approx(0.8884, abs=1e-4)
        assert result.probability_of_waiting == pytest.approx(0.1741, abs=1e-4)
        assert result.average_speed_of_answer_seconds == pytest.approx(7.84, abs=0.01)
        assert result.occupancy == pytest.approx(10 / 14)

    def test_an_asa_target_can_ask_for_more(self):
        result = erlang.required_agents(calls=100, interval_seconds=1800, aht_seconds=180,
                                        target_service_level=0.8, target_seconds=20, max_asa_seconds=5)
        assert result.agents == 15 and result.average_speed_of_answer_seconds <= 5


class TestEdges:
    def test_no_calls_need_no_agents(self):
        result = erlang.required_agents(calls=0, interval_seconds=900, aht_seconds=300,
                                        target_service_level=0.8, target_seconds=20, shrinkage=0.3)
        assert (result.agents, result.agents_with_shrinkage, result.service_level) == (0, 0, 1.0)

    def test_too_few_agents_always_wait(self):
        assert erlang.erlang_c(10, 10) == 1.0
        assert erlang.service_level(agents=9, traffic=10, aht_seconds=180, target_seconds=20) == 0.0
        assert erlang.average_speed_of_answer(agents=10, traffic=10, aht_seconds=180) == math.inf

    @pytest.mark.parametrize(("agents", "shrinkage", "expected"), [(7, 0.3, 10), (14, 0.3, 20), (10, 0, 10),
                                                                   (1, 0.99, 100), (3, 0.25, 4)])
    def test_shrinkage_rounds_up_exactly(self, agents, shrinkage, expected):
        assert erlang.with_shrinkage(agents, shrinkage) == expected

    @pytest.mark.parametrize("kwargs", [{"calls": -1}, {"target_service_level": 1}, {"target_service_level": 0},
                                        {"shrinkage": 1}, {"aht_seconds": -5}, {"max_asa_seconds": 0}])
    def test_bad_input_is_refused(self, kwargs):
        params = {"calls": 10, "interval_seconds": 900, "aht_seconds": 300, "target_service_level": 0.8,
                  "target_seconds": 20, "shrinkage": 0.3, **kwargs}
        with pytest.raises(ValueError, match="must"):
            erlang.required_agents(**params)

    def test_thousands_of_agents(self):
        """2,000 Erlangs: the factorials would overflow a float; the recursion does not."""
        result = erlang.required_agents(calls=6000, interval_seconds=900, aht_seconds=300,
                                        target_service_level=0.9, target_seconds=20)
        assert 2000 < result.agents < 2100
        assert 0.9 <= result.service_level < 1
        below = erlang.service_level(agents=result.agents - 1, traffic=result.traffic_erlangs, aht_seconds=300,
                                     target_seconds=20)
        assert below < 0.9
        assert 0 < result.probability_of_waiting < 1


class TestAgainstTheTextbook:
    @settings(max_examples=200, deadline=None)
    @given(traffic=st.fractions(min_value=Fraction(1, 100), max_value=60, max_denominator=100),
           extra=st.integers(min_value=1, max_value=15))
    def test_stable_equals_exact(self, traffic, extra):
        agents = math.floor(traffic) + extra
        assert erlang.erlang_c(agents, float(traffic)) == pytest.approx(float(naive_erlang_c(agents, traffic)),
                                                                        rel=1e-9, abs=1e-15)
        assert erlang.service_level(agents=agents, traffic=float(traffic), aht_seconds=240, target_seconds=30) == \
            pytest.approx(naive_service_level(agents, traffic, 240, 30), rel=1e-9, abs=1e-12)

    @settings(max_examples=100, deadline=None)
    @given(calls=st.integers(min_value=1, max_value=400), aht=st.integers(min_value=30, max_value=900),
           target=st.floats(min_value=0.5, max_value=0.95), seconds=st.integers(min_value=0, max_value=60))
    def test_the_fewest_agents_that_meet_the_target(self, calls, aht, target, seconds):
        result = erlang.required_agents(calls=calls, interval_seconds=900, aht_seconds=aht,
                                        target_service_level=target, target_seconds=seconds)
        traffic = Fraction(calls * aht, 900)
        assert result.agents > traffic
        assert naive_service_level(result.agents, traffic, aht, seconds) >= target - 1e-9
        if result.agents - 1 > traffic:
            assert naive_service_level(result.agents - 1, traffic, aht, seconds) < target

    @settings(max_examples=100, deadline=None)
    @given(traffic=st.floats(min_value=0.1, max_value=500), extra=st.integers(min_value=1, max_value=50),
           seconds=st.integers(min_value=0, max_value=120))
    def test_more_agents_serve_better(self, traffic, extra, seconds):
        agents = math.floor(traffic) + extra
        sl = [erlang.service_level(agents=n, traffic=traffic, aht_seconds=300, target_seconds=seconds)
              for n in (agents, agents + 1)]
        asa = [erlang.average_speed_of_answer(agents=n, traffic=traffic, aht_seconds=300) for n in (agents, agents + 1)]
        assert sl[1] >= sl[0]
        assert asa[1] <= asa[0]
        assert erlang.erlang_c(agents + 1, traffic) <= erlang.erlang_c(agents, traffic)
