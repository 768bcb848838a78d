"""agent-toolkit: v2's renamed arguments, whose botocore names would collide with
a global option or read badly (ARGUMENT_RENAMES of
awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

# v2 carries this service's model (`agenttoolkit`, renamed `agent-toolkit`); this
# botocore does not yet, and the records wait for it.
SERVICE = Customization(renames={"name": "skill-name"})

OPERATIONS: Mapping[str, Customization] = {
    "search-skills": Customization(renames={"query": "search-query"}),
}
