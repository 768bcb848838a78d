"""rekognition: v2's changes to its generic operations.

- `create-stream-processor`: `--output` is `--stream-processor-output`, which
  would otherwise collide with the global option (ARGUMENT_RENAMES of
  awscli/customizations/argrename.py).
- Every operation that takes an image: `--image-bytes fileb://photo.jpg` (for
  `compare-faces`, `--source-image-bytes` and `--target-image-bytes`) gives the
  image's `Bytes` at the top level; the structure is then not required
  (FILE_PARAMETER_UPDATES of awscli/customizations/rekognition.py).
"""
from __future__ import annotations

from typing import Any, Callable, Mapping

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization

_DOC = ("<p>The image itself, usually read from a file with the <code>fileb://</code> "
        "prefix (<code>fileb://photo.jpg</code>), in place of --{0}.</p>")


def _bytes_of(member: str) -> Callable[[dict, Any], None]:
    def fill(params: dict, value: Any) -> None:
        params[member] = {"Bytes": value}  # v2 replaces the structure, S3Object and all
    return fill


def _image_bytes(*images: tuple[str, str]) -> Customization:
    """(argument, its member) of each image: `--<argument>-bytes` stands for it."""
    return Customization(
        optional=tuple(argument for argument, _ in images),
        added=tuple(ArgSpec(argument + "-bytes", "", "", "blob", is_cli_only=True,
                            fills=_bytes_of(member), documentation=_DOC.format(argument))
                    for argument, member in images))


_IMAGE = _image_bytes(("image", "Image"))

OPERATIONS: Mapping[str, Customization] = {
    "compare-faces": _image_bytes(("source-image", "SourceImage"),
                                  ("target-image", "TargetImage")),
    "create-stream-processor": Customization(renames={"output": "stream-processor-output"}),
    **{operation: _IMAGE for operation in (
        "detect-custom-labels", "detect-faces", "detect-labels", "detect-moderation-labels",
        "detect-protective-equipment", "detect-text", "index-faces", "recognize-celebrities",
        "search-faces-by-image", "search-users-by-image")},
}
