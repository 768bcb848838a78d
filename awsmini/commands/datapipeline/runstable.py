"""The table `datapipeline list-runs` prints when no `--output` is given (pure).

Follows v2's `awscli/customizations/datapipeline/listrunsformatter.py`: two header
lines and a rule, then two lines per run and an empty line; the columns are cut
at their widths.
"""
from __future__ import annotations

from typing import Any, Iterator, Mapping, Sequence

from awsmini.errors import OtherError

_TITLE = "       %-50.50s  %-19.19s  %-23.23s"
_FIRST = "%4d.  %-50.50s  %-19.19s  %-23.23s"
_SECOND = "       %-50.50s  %-19.19s  %-19.19s"


def render_runs(runs: Sequence[Mapping[str, Any]]) -> Iterator[str]:
    """The table's lines, each with its newline."""
    second = _SECOND % ("ID", "Started", "Ended")
    yield _TITLE % ("Name", "Scheduled Start", "Status") + "\n"
    yield second + "\n" + "-" * len(second) + "\n"
    for number, run in enumerate(runs, 1):
        if "@componentParent" not in run:  # v2 ends with the KeyError's text
            raise OtherError("'@componentParent'")
        yield _FIRST % (number, run["@componentParent"], run.get("@scheduledStartTime", ""),
                        run.get("@status", "")) + "\n"
        yield _SECOND % (run["@id"], run.get("@actualStartTime", ""),
                         run.get("@actualEndTime", "")) + "\n\n"
