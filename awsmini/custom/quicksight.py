"""quicksight: v2's changes to its generic operations (awscli/customizations/quicksight.py,
with NestedBlobArgumentHoister of awscli/customizations/arguments.py).

- `start-asset-bundle-import-job`: the asset bundle's bytes may be given as
  `--asset-bundle-import-source-bytes fileb://bundle.zip`, put into
  `AssetBundleImportSource` as its `Body`; `--asset-bundle-import-source` is
  then not required, and its page points to the new option.
"""
from __future__ import annotations

from typing import Any, Mapping

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization


def _body(params: dict, value: Any) -> None:
    params.setdefault("AssetBundleImportSource", {})["Body"] = value


OPERATIONS: Mapping[str, Customization] = {
    "start-asset-bundle-import-job": Customization(
        optional=("asset-bundle-import-source",),
        documentation_added={"asset-bundle-import-source": (
            "<p>To give a local file, use <code>--asset-bundle-import-source-bytes</code> "
            "instead.</p>")},
        added=(ArgSpec("asset-bundle-import-source-bytes", "", "", "blob", is_cli_only=True,
                       fills=_body, documentation=(
                           "<p>The asset bundle to import, read from a local file with the "
                           "<code>fileb://</code> prefix (<code>fileb://bundle.zip</code>).</p>"
                       )),)),
}
