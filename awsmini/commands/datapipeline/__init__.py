"""datapipeline's hand-written commands, declared as data.

v2 adds `list-runs` and `create-default-roles` beside the service's operations
(`awscli/customizations/datapipeline/__init__.py`, `createdefaultroles.py`); the
arguments follow v2's tables, the help text is awsmini's own. The runs live in
`runs.py` (list-runs, with the pure `runsquery.py` and `runstable.py`) and
`roles.py` (create-default-roles).
"""
from __future__ import annotations

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand, option

DESCRIPTION = "AWS Data Pipeline."

# v2's ListRunsCommand.VALID_STATUS
STATUSES = ("waiting", "pending", "cancelled", "running", "finished", "failed",
            "waiting_for_runner", "waiting_on_dependencies", "shutting_down")


def _option(name: str, documentation: str, **kwargs: object) -> ArgSpec:
    return option(name, "<p>%s</p>" % documentation, **kwargs)  # type: ignore[arg-type]


LIST_RUNS = (
    "<p>List the runs of a pipeline (its instance objects), ordered by their scheduled start "
    "and name. Without <code>--start-interval</code> or <code>--schedule-interval</code>, "
    "the runs that started in the last four days are listed. Unless <code>--output</code> "
    "is given on the command line, they are printed as a table of name, scheduled start "
    "and status, then ID, start and end.</p>")

CREATE_DEFAULT_ROLES = (
    "<p>NOTE: this command is deprecated, and may fail to create the roles where they do "
    "not exist yet; the AWS Data Pipeline Developer Guide tells how to manage them "
    "yourself.</p><p>Create the IAM roles DataPipelineDefaultRole and "
    "DataPipelineDefaultResourceRole (with an instance profile of that name), each with "
    "its AWS managed policy attached, where they are missing, and print each role created "
    "with its policy. Roles already there are left as they are.</p>")

COMMANDS = {
    "create-default-roles": CustomCommand(
        "create-default-roles", CREATE_DEFAULT_ROLES, (),
        "awsmini.commands.datapipeline.roles:run", is_documented=False),
    "list-runs": CustomCommand("list-runs", LIST_RUNS, (
        _option("pipeline-id", "The ID of the pipeline.", is_required=True),
        _option("status", "List only the runs in these statuses, comma-separated: %s."
                % ", ".join(STATUSES)),
        _option("start-interval", "List only the runs that started in this interval: two "
                "times, comma-separated (<code>2024-01-01T00:00:00,2024-01-02T00:00:00"
                "</code>)."),
        _option("schedule-interval", "List only the runs scheduled to start in this "
                "interval: two times, comma-separated."),
    ), "awsmini.commands.datapipeline.runs:run"),
}
