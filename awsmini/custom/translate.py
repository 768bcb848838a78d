"""translate: v2's changes to its generic operations (awscli/customizations/translate.py,
with BinaryBlobArgumentHoister of awscli/customizations/binaryhoist.py).

- `import-terminology`: the terminology file is `--data-file fileb://f.csv`
  (required), put into `TerminologyData` as its `File`; `--terminology-data`
  keeps its other members, is no longer required, and refuses a `File`.
- `translate-document`: the document is `--document-content fileb://f.txt`
  (required), put into `Document` as its `Content`; `--document` keeps its
  other members (still required) and refuses a `Content`.
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization
from awsmini.errors import ParamValidationError

_FILE_REFUSED = ("File cannot be provided as part of the '--terminology-data' argument. "
                 "Please use the '--data-file' option instead to specify a file.")
_CONTENT_REFUSED = ("Content cannot be provided as a part of the '--document' argument. "
                    "Please use the '--document-content' option instead to specify a file.")


def _into(structure: str, member: str) -> Callable[[dict, Any], None]:
    def fill(params: dict, value: Any) -> None:
        params.setdefault(structure, {})[member] = value
    return fill


def _refusing(structure: str, member: str, message: str) -> Callable[[Mapping[str, Any]], None]:
    def check(params: Mapping[str, Any]) -> None:
        given = params.get(structure)
        if isinstance(given, dict) and member in given:
            raise ParamValidationError(message)
    return check


def _hoisted(argument: str, structure: str, member: str, new: str, documentation: str,
             message: str, is_still_required: bool) -> Customization:
    return Customization(
        optional=() if is_still_required else (argument,),
        hidden_members={argument: (member,)},
        check_values=_refusing(structure, member, message),
        added=(ArgSpec(new, "", "", "blob", is_required=True, is_cli_only=True,
                       fills=_into(structure, member), documentation=documentation),))


OPERATIONS: Mapping[str, Customization] = {
    "import-terminology": _hoisted(
        "terminology-data", "TerminologyData", "File", "data-file",
        "<p>The file of the terminology you are importing, read with the "
        "<code>fileb://</code> prefix (<code>fileb://data.csv</code>).</p>",
        _FILE_REFUSED, is_still_required=False),
    "translate-document": _hoisted(
        "document", "Document", "Content", "document-content",
        "<p>The file of the document you are translating, read with the "
        "<code>fileb://</code> prefix (<code>fileb://data.txt</code>).</p>",
        _CONTENT_REFUSED, is_still_required=True),
}
