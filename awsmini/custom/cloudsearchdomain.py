"""cloudsearchdomain: v2's changes to its generic operations.

- Every operation: `--endpoint-url` (the domain's own endpoint) must be given;
  without it v2 refuses the command before any call
  (awscli/customizations/cloudsearchdomain.py).
- `search` and `suggest`: `--query` is `--search-query` / `--suggest-query`,
  which would otherwise collide with the global option (ARGUMENT_RENAMES of
  awscli/customizations/argrename.py).
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

SERVICE = Customization(requires_endpoint_url=True)

OPERATIONS: Mapping[str, Customization] = {
    "search": Customization(renames={"query": "search-query"}),
    "suggest": Customization(renames={"query": "suggest-query"}),
}
