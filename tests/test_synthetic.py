"""The seeded synthetic portfolio."""

from __future__ import annotations

from pathlib import Path

import cfgraph
from cfgraph.model import Framework
from cfgraph.synthetic import synthetic_framework, synthetic_portfolio, write_synthetic


def test_synthetic_portfolio_is_seeded_and_prefix_stable() -> None:
    assert synthetic_portfolio(3, seed=4) == synthetic_portfolio(3, seed=4)
    assert synthetic_portfolio(2, seed=4) == synthetic_portfolio(3, seed=4)[:2]
    assert synthetic_portfolio(1, seed=4) != synthetic_portfolio(1, seed=5)


def test_synthetic_frameworks_have_realistic_shapes() -> None:
    for fw in synthetic_portfolio(5):
        assert 4 <= len(fw.outcomes) <= 8 and 3 <= len(fw.result_groups) <= 4
        assert all(t.valid and fw.catalogue.is_target(t.code) for t in fw.outcome_targets)
        assert len(fw.indicators) >= 8 * len(fw.outcomes) and fw.outcome_links and fw.target_links
        assert {a.agency for a in fw.outcome_agencies} <= {a.id for a in fw.agencies}


def test_synthetic_framework_round_trips_through_a_folder(tmp_path: Path) -> None:
    fw = synthetic_framework(7)
    report = cfgraph.validate(write_synthetic(fw, tmp_path / "fw"))
    assert report.problems == ()
    loaded: Framework | None = report.framework
    assert loaded == fw
