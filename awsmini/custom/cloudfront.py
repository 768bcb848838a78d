"""v2's changes to cloudfront's generic operations.

- `create-invalidation`: `--paths P [P ...]` in place of `--invalidation-batch`
  (which is then not required), with a caller reference made up as v2 makes it;
  the two cannot be given together (awscli/customizations/cloudfront.py).
"""
from __future__ import annotations

import random
import time
from typing import Any, Mapping, Sequence

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization
from awsmini.errors import ParamValidationError


def _paths(params: dict, raw: Any) -> None:
    """`--paths /a /b`: the whole InvalidationBatch, as v2's PathsArgument builds it."""
    paths = list(raw)
    params["InvalidationBatch"] = {
        "CallerReference": "cli-%s-%s" % (int(time.time()), random.randint(1, 1000000)),
        "Paths": {"Quantity": len(paths), "Items": paths}}


def _not_with_invalidation_batch(options: Mapping[str, Any], members: Sequence[str]) -> None:
    # v2's validate_mutually_exclusive: the argument met first (the model's) names the group
    if options.get("paths") is not None and "invalidation-batch" in members:
        raise ParamValidationError('The key "paths" cannot be specified when one of the '
                                   'following keys are also specified: invalidation_batch')


_CREATE_INVALIDATION = Customization(
    optional=("invalidation-batch",),
    added=(ArgSpec("paths", "", "", "list", nargs="+", is_cli_only=True, fills=_paths,
                   documentation="The paths to invalidate, as separate words (a batch with "
                                 "a new caller reference is made of them). Give either "
                                 "--paths or --invalidation-batch."),),
    check=_not_with_invalidation_batch)

OPERATIONS: Mapping[str, Customization] = {
    "create-invalidation": _CREATE_INVALIDATION,
}
