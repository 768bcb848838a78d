"""deploy (CodeDeploy): v2's changes to its generic operations.

- Every operation: renamed arguments whose botocore names read badly
  (ARGUMENT_RENAMES of awscli/customizations/argrename.py).
- `create-deployment`, `get-application-revision`, `register-application-revision`:
  `--s3-location bucket=B,key=K,bundleType=zip[,eTag=E,version=V]` or
  `--github-location repository=R,commitId=C` (shorthand or JSON) for the
  revision, which is then not required (awscli/customizations/codedeploy/locationargs.py).
"""
from __future__ import annotations

import json
from typing import Any, Callable, Mapping

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization
from awsmini.errors import ParamValidationError


def _structure(option: str, raw: Any) -> dict:
    """The option's value as shorthand or JSON, as v2 reads a structure."""
    from awsmini.values.shorthand import ShorthandParseError, parse_shorthand
    from awsmini.values.unpack import json_refusal

    text = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
    try:
        value = json.loads(text) if text.lstrip().startswith("{") else parse_shorthand(text)
    except ValueError as error:
        raise ParamValidationError("Error parsing parameter '--%s': Invalid JSON: %s\n"
                                   "JSON received: %s" % (option, json_refusal(error), text)) from None
    except ShorthandParseError as error:
        raise ParamValidationError("Error parsing parameter '--%s': %s"
                                   % (option, error.message)) from None
    if not isinstance(value, dict):
        raise ParamValidationError("Error parsing parameter '--%s': Invalid type: expecting "
                                   "map, got %s" % (option, type(value).__name__))
    return value


def _revision(option: str, required: tuple[str, ...], optional: tuple[str, ...],
              build: Callable[[dict], dict]) -> Callable[[dict, Any], None]:
    def fill(params: dict, raw: Any) -> None:
        given = _structure(option, raw)
        if not all(given.get(key) for key in required):
            raise ParamValidationError("--%s must specify %s." % (
                option, " and ".join([", ".join(required[:-1]), required[-1]]
                                     if len(required) > 2 else required)))
        location = {key: given[key] for key in required + optional if key in given}
        params["revision"] = build(location)
    return fill


_S3 = _revision("s3-location", ("bucket", "key", "bundleType"), ("eTag", "version"),
                lambda location: {"revisionType": "S3", "s3Location": location})
_GITHUB = _revision("github-location", ("repository", "commitId"), (),
                    lambda location: {"revisionType": "GitHub", "gitHubLocation": location})

_LOCATIONS = Customization(
    optional=("revision",),
    added=(
        ArgSpec("s3-location", "", "", "structure", is_cli_only=True, fills=_S3,
                documentation="<p>The revision in Amazon S3, as <code>bucket=B,key=K,"
                              "bundleType=tar|tgz|zip</code>, with <code>eTag</code> and "
                              "<code>version</code> if wanted; in place of --revision.</p>"),
        ArgSpec("github-location", "", "", "structure", is_cli_only=True, fills=_GITHUB,
                documentation="<p>The revision in GitHub, as <code>repository=OWNER/NAME,"
                              "commitId=SHA1</code>; in place of --revision.</p>")))

SERVICE = Customization(renames={"s-3-location": "s3-location",
                                 "ec-2-tag-filters": "ec2-tag-filters"})

OPERATIONS: Mapping[str, Customization] = {
    "create-deployment": _LOCATIONS,
    "get-application-revision": _LOCATIONS,
    "register-application-revision": _LOCATIONS,
}
