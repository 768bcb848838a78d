"""rds: v2 splits `modify-option-group` into two commands over the same
operation (awscli/customizations/rds.py):

- `add-option-to-option-group`, whose `--options-to-include` is `--options`
  and which has no `--options-to-remove`;
- `remove-option-from-option-group`, whose `--options-to-remove` is
  `--options` and which has no `--options-to-include`.

`modify-option-group` itself is taken out of the service: it answers as an
unknown operation.
"""
from __future__ import annotations

from typing import Mapping

from awsmini.custom import Customization

ADDED_OPERATIONS: Mapping[str, str] = {
    "add-option-to-option-group": "ModifyOptionGroup",
    "remove-option-from-option-group": "ModifyOptionGroup",
}

REMOVED_OPERATIONS = ("modify-option-group",)

OPERATIONS: Mapping[str, Customization] = {
    "add-option-to-option-group": Customization(
        renames={"options-to-include": "options"}, removed=("options-to-remove",)),
    "remove-option-from-option-group": Customization(
        renames={"options-to-remove": "options"}, removed=("options-to-include",)),
}
