from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cfgraph.sdg import load_catalogue, parse_target_list


def test_catalogue_sizes() -> None:
    cat = load_catalogue()
    assert (len(cat.goals), len(cat.targets)) == (17, 169)
    assert len(cat.indicators) >= 231
    assert cat.targets["3.8"].title_ru and cat.targets["3.8"].title_kk


def test_hand_written_lists() -> None:
    assert [t.code for t in parse_target_list("9.b: 8.3; 3d; 10.7 17.14;17.16")] == [
        "9.b",
        "8.3",
        "3.d",
        "10.7",
        "17.14",
        "17.16",
    ]
    assert [t.code for t in parse_target_list("Crosscutting: 10.2.; 17.17")] == ["10.2", "17.17"]
    assert parse_target_list("SDG 16 and SDG 17") == []


@given(
    st.lists(st.sampled_from(sorted(load_catalogue().targets)), min_size=1, max_size=12),
    st.sampled_from(["; ", ";", ", ", " ", ".; "]),
)
def test_any_list_of_real_codes_parses_back(codes: list[str], sep: str) -> None:
    assert [t.code for t in parse_target_list(sep.join(codes))] == codes
