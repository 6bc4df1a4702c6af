"""cfgraph.frames: DataFrames of the tables and of the results, the same rows as the CLI."""

from __future__ import annotations

import cfgraph
from cfgraph.analysis.gaps import finding_rows, run_gaps
from cfgraph.frames import RESULTS, frames
from cfgraph.model import TABLES


def test_one_frame_per_table_and_result(mini: cfgraph.Framework) -> None:
    f = frames(mini)
    assert set(f) == {t.name for t in TABLES} | set(RESULTS)
    assert len(f["outcomes"]) == 2 and str(f["indicators"]["baseline_year"].dtype) == "Int64"
    assert f["partners"]["aliases"].map(type).eq(list).all()
    assert f["findings"].to_dict("records") == finding_rows(run_gaps(mini), mini.info.id)


def test_frames_stack_frameworks_by_the_framework_column(
    mini: cfgraph.Framework, kz: cfgraph.Framework
) -> None:
    f = frames([mini, kz], results=False)
    assert f["outcomes"].groupby("framework").size().to_dict() == {mini.info.id: 2, kz.info.id: 6}
    ministries = f["partners"][f["partners"]["type"] == "ministry"]
    assert set(ministries["framework"]) == {mini.info.id, kz.info.id}


def test_matrices_are_pivots_of_the_ties(kz: cfgraph.Framework) -> None:
    f = frames(kz)
    ties = f["involvement"]
    pivot = ties[ties["kind"] == "agency"].pivot_table(
        index="actor", columns="outcome", aggfunc="size", fill_value=0
    )
    matrix = f["agency_outcome"].set_index("actor")
    for actor, row in pivot.iterrows():
        for outcome, n in row.items():
            assert matrix.loc[actor, outcome] == n
