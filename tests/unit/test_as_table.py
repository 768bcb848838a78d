"""output/as_table.py: v2's table layout rules, exact bytes.

The recorded v2 tables (wide, nested, coloured, East Asian widths) are in
tests/data/output_cases.json and run by test_output_recorded.py; these are
the single rules, each on the smallest input that shows it.
"""
from __future__ import annotations

import pytest

from awsmini.output import RenderOptions, as_table


def render(data, width: int = 80, color: bool = False) -> str:
    return "".join(as_table.render(data, RenderOptions(title="Op", width=width, color=color)))


CASES = [
    pytest.param("just-a-string", "----\n|Op|\n+--+\n", id="scalar-title-only"),
    pytest.param(["a", "bb"], "--------\n|  Op  |\n+------+\n|  a   |\n|  bb  |\n+------+\n",
                 id="scalar-list-one-row-each"),
    pytest.param([["a", "b"], ["c", "d"]],
                 "------------\n|    Op    |\n+----+-----+\n|  a |  b  |\n|  c |  d  |\n"
                 "+----+-----+\n", id="list-of-lists-rows"),
    pytest.param({"Name": "x"}, "---------------\n|     Op      |\n+-------+-----+\n"
                 "|  Name |  x  |\n+-------+-----+\n", id="single-key-is-key-value-row"),
    pytest.param({"B": 1, "A": "日本"},
                 "---------------\n|     Op      |\n+-------+-----+\n|   A   |  B  |\n"
                 "+-------+-----+\n|  日本 |  1  |\n+-------+-----+\n",
                 id="headers-sorted-wide-chars-count-two"),
    pytest.param({"A": "x" * 70, "B": "y" * 20},
                 "-" * 81 + "\n|" + " " * 38 + "Op" + " " * 39 + "|\n+---+" + "-" * 75 + "+\n"
                 "|  A|  " + "x" * 70 + "   |\n|  B|  " + "y" * 20 + " " * 53 + "|\n+---+"
                 + "-" * 75 + "+\n", id="too-wide-turns-vertical"),
    pytest.param({"k": "v", "L": [{"a": 1}, {"a": 2}]},
                 "------------\n|    Op    |\n+----+-----+\n|  k |  v  |\n+----+-----+\n"
                 "||    L   ||\n|+--------+|\n||    a   ||\n|+--------+|\n||  1     ||\n"
                 "||  2     ||\n|+--------+|\n", id="nested-list-indented-with-bars"),
    pytest.param({"S": {"Deep": []}}, "-----\n|Op |\n+---+\n||S||\n|+-+|\n",
                 id="empty-nested-skipped"),
    pytest.param({}, "", id="empty-mapping-nothing"),
    pytest.param([], "", id="empty-list-nothing"),
    pytest.param(0, "", id="falsy-scalar-nothing"),
]


@pytest.mark.parametrize("data, expected", CASES)
def test_render(data, expected):
    assert render(data) == expected


def test_colour_styles_cells_and_bars_with_autoreset_after_each_write():
    reset, cell, bar = "\x1b[0m", "\x1b[1m\x1b[34m", "\x1b[2m\x1b[33m|\x1b[0m"
    expected = (
        "------------\n" + reset
        + reset + "|    Op    |" + reset + reset + "\n" + reset
        + reset + "+----+-----+" + reset + reset + "\n" + reset
        + reset + "|  " + cell + "k" + reset + " |  " + cell + "v" + reset + "  |" + reset + reset
        + "\n" + reset
        + reset + "+----+-----+" + reset + reset + "\n" + reset
        + bar + reset + "|    L   |" + reset + bar + reset + "\n" + reset
        + bar + reset + "+--------+" + reset + bar + reset + "\n" + reset
        + bar + reset + "|  " + cell + "1" + reset + "     |" + reset + bar + reset + "\n" + reset
        + bar + reset + "+--------+" + reset + bar + reset + "\n" + reset)
    assert render({"k": "v", "L": [1]}, color=True) == expected


@pytest.mark.parametrize("text, length", [
    ("abc", 3), ("küche", 6), ("日本", 4), ("–“", 4), ("✓", 1), ("", 0)])
def test_text_length_counts_east_asian_wide_and_ambiguous_as_two(text, length):
    assert as_table.text_length(text) == length


def test_wide_terminal_keeps_the_horizontal_layout():
    wide = render({"A": "x" * 70, "B": "y" * 20}, width=200)
    assert "|  " + "x" * 70 + "  |  " + "y" * 20 + " |\n" in wide


def test_untitled_sections_of_a_list_in_a_list_are_measured_not_titled():
    # the later elements of a list of mappings inside a list get sections with no
    # title: v2 measures the missing title as the word None and draws none
    out = render({"A": [[{"x": 1, "n": {"y": 2}}, {"x": 3, "n": {"y": 4}}]]})
    assert out.splitlines()[-9:] == [
        "+------------+", "|      x     |", "+------------+", "|  3         |",
        "+------------+", "||     n    ||", "|+----+-----+|", "||  y |  4  ||", "|+----+-----+|"]
