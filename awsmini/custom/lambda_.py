"""v2's changes to lambda's generic operations.

- `create-function` and `publish-layer-version`: `--zip-file fileb://f.zip` at
  the top level, put into `Code` (`Content`) as its `ZipFile`; `--code`
  (`--content`) is then not required, has no `ZipFile` member on its page and
  refuses one (awscli/customizations/awslambda.py).
- `update-function-code`: its own `--zip-file` must be a zip archive too
  (awscli/customizations/awslambda.py).
- The operations v2 takes out of the service's command table, which then
  answer as unknown operations (awscli/customizations/removals.py).
"""
from __future__ import annotations

import io
import zipfile
from typing import Any, Callable, Mapping

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization
from awsmini.errors import ParamValidationError

_NOT_A_ZIP = ("--zip-file must be a zip file with the fileb:// prefix.\n"
              "Example usage:  --zip-file fileb://path/to/file.zip")
_DOC = ("<p>The zip archive of the {0}, read with the <code>fileb://</code> prefix "
        "(<code>fileb://{0}.zip</code>). Give either --zip-file or --{0}.</p>")


def _check_zip(value: Any) -> bytes:
    data = value if isinstance(value, bytes) else str(value).encode("utf-8")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            archive.infolist()
    except zipfile.BadZipFile:
        raise ParamValidationError(_NOT_A_ZIP) from None
    return data


def _hoisted(member: str) -> Callable[[dict, Any], None]:
    def fill(params: dict, value: Any) -> None:
        params.setdefault(member, {})["ZipFile"] = _check_zip(value)
    return fill


def _refusing_zip_file(member: str) -> Callable[[Mapping[str, Any]], None]:
    def check(params: Mapping[str, Any]) -> None:
        given = params.get(member)
        if isinstance(given, dict) and "ZipFile" in given:
            raise ParamValidationError(
                "ZipFile cannot be provided as part of the --%s argument.  Please use the "
                "'--zip-file' option instead to specify a zip file." % member.lower())
    return check


def _checking_zip_file(params: Mapping[str, Any]) -> None:
    if params.get("ZipFile") is not None:
        _check_zip(params["ZipFile"])


def _zip_file_argument(member: str) -> Customization:
    return Customization(
        optional=(member.lower(),),
        hidden_members={member.lower(): ("ZipFile",)},
        check_values=_refusing_zip_file(member),
        added=(ArgSpec("zip-file", "", "", "blob", is_cli_only=True, fills=_hoisted(member),
                       documentation=_DOC.format(member.lower())),))


OPERATIONS: Mapping[str, Customization] = {
    "create-function": _zip_file_argument("Code"),
    "publish-layer-version": _zip_file_argument("Content"),
    "update-function-code": Customization(check_values=_checking_zip_file),
}

REMOVED_OPERATIONS = (
    "invoke-with-response-stream",
)
