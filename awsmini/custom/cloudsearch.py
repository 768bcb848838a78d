"""cloudsearch: v2 flattens two structures into plain options
(awscli/customizations/cloudsearch.py, with FlattenArguments of
awscli/customizations/flatten.py).

- `define-expression`: `--expression` is the expression's value and `--name`
  its name, both required, in place of the Expression structure.
- `define-index-field`: `--name` and `--type` (required), then
  `--default-value`, `--facet-enabled`, `--search-enabled`, `--return-enabled`,
  `--sort-enabled`, `--source-field`, `--highlight-enabled`, `--analysis-scheme`,
  in place of the IndexField structure. Each option goes into the options
  structure of the field's type (`--type int-array` -> `IntArrayOptions`), the
  default value converted to a number for the numeric types; the booleans take
  a value (anything but `false` is true).

Each option is documented as the member it stands for.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization
from awsmini.errors import ParamValidationError

_NUMBERS: Mapping[str, Callable[[str], Any]] = {
    "Int": int, "Double": float, "IntArray": int, "DoubleArray": float}


def _member(structure: str, member: str) -> Callable[[dict, Any], None]:
    def fill(params: dict, value: Any) -> None:
        params.setdefault(structure, {})[member] = value
    return fill


def _field_option(member: str, kind: str) -> Callable[[dict, Any], None]:
    """Into `IndexField.<Type>Options.<member>`, the type named by `--type`."""
    def fill(params: dict, value: Any) -> None:
        field = params.setdefault("IndexField", {})
        if "IndexFieldType" not in field:
            raise ParamValidationError("You must pass the --type option.")
        options = "".join(part.capitalize() for part in str(field["IndexFieldType"]).split("-"))
        options = "LatLon" if options == "Latlon" else options
        if kind == "boolean":
            value = str(value).lower() != "false"
        elif member == "DefaultValue":
            value = _NUMBERS.get(options, str)(value)
        field.setdefault(options + "Options", {})[member] = value
    return fill


def _option(name: str, path: str, kind: str, fill: Callable[[dict, Any], None],
            is_required: bool = False) -> ArgSpec:
    # v2's flattened booleans take a word (FlattenedArgument): `--facet-enabled true`
    return ArgSpec(name, "", "", kind, is_required=is_required, is_cli_only=True, fills=fill,
                   documented_as=path, is_flag=False)


_INDEX_OPTIONS = (
    ("default-value", "IntOptions.DefaultValue", "string"),
    ("facet-enabled", "IntOptions.FacetEnabled", "boolean"),
    ("search-enabled", "IntOptions.SearchEnabled", "boolean"),
    ("return-enabled", "IntOptions.ReturnEnabled", "boolean"),
    ("sort-enabled", "IntOptions.SortEnabled", "boolean"),
    ("source-field", "IntOptions.SourceField", "string"),
    ("highlight-enabled", "TextOptions.HighlightEnabled", "boolean"),
    ("analysis-scheme", "TextOptions.AnalysisScheme", "string"),
)

OPERATIONS: Mapping[str, Customization] = {
    # `--name` is added after the arguments, `--expression` takes the old one's place
    "define-expression": Customization(added=(
        _option("name", "Expression.ExpressionName", "string",
                _member("Expression", "ExpressionName"), is_required=True),
        _option("expression", "Expression.ExpressionValue", "string",
                _member("Expression", "ExpressionValue"), is_required=True))),
    "define-index-field": Customization(removed=("index-field",), added=(
        _option("name", "IndexField.IndexFieldName", "string",
                _member("IndexField", "IndexFieldName"), is_required=True),
        _option("type", "IndexField.IndexFieldType", "string",
                _member("IndexField", "IndexFieldType"), is_required=True),
        *(_option(name, "IndexField." + path, kind, _field_option(path.split(".")[1], kind))
          for name, path, kind in _INDEX_OPTIONS))),
}
