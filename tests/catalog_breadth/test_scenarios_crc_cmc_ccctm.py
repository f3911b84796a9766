"""The hand-worked CRC, CMC and CCCTM scenarios (scenarios_crc_cmc_ccctm.py) through the engine
and the seeded catalog, and what the pages show of CCCTM's closed applications."""

import pytest

from tests.catalog_breadth.scenarios_crc_cmc_ccctm import SCENARIOS
from tests.conftest import cert


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_the_hand_worked_scenario_matches_the_engine(assess, scenario):
    results = assess(scenario["profile"])
    for code, expected in scenario["expect"].items():
        got = cert(results, code)
        assert (got["status"], got["eligible_on"]) == (
            expected["status"],
            expected["eligible_on"],
        ), code
