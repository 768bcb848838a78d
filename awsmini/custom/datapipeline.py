"""datapipeline: v2's changes to its generic operations.

- Every operation: `--query` is `--objects-query`, and get-pipeline-definition's
  `--version` is `--pipeline-version`, whose botocore names would collide with
  a global option (ARGUMENT_RENAMES of awscli/customizations/argrename.py).
- `put-pipeline-definition`: the pipeline is given as a definition file's
  JSON, `--pipeline-definition` (required), in place of `--pipeline-objects`;
  `--parameter-objects` takes the JSON of the definition's `parameters`,
  `--parameter-values` `key=value` words (a key given again makes a list) and
  `--parameter-values-uri` the JSON of the definition's `values`
  (awscli/customizations/datapipeline/__init__.py and translator.py).
- `activate-pipeline`: `--parameter-values` words and `--parameter-values-uri`
  as above.
- `get-pipeline-definition`: the response is printed as a definition file
  (`objects`, `parameters`, `values`), which its page says.

The arguments are read in v2's order: the parameter objects and values given
on the command line before the definition's, which then fills only what they
left; `--parameter-values-uri` after both, refusing parameter values already
there.
"""
from __future__ import annotations

import json
from typing import Any, Callable, Mapping

from awsmini.arguments import ArgSpec
from awsmini.custom import Customization
from awsmini.errors import OtherError, ParamValidationError

_ONE_OF_VALUES = "Only parameter-values or parameter-values-uri is allowed"


def _definition_error(message: str) -> ParamValidationError:
    return ParamValidationError("Error in pipeline definition: %s" % message)


def _fields(key: str, value: Any) -> list[dict]:
    """One field per value (a list gives several); `{"ref": id}` is a reference."""
    values = value if isinstance(value, list) else [value]
    return [{"key": key, "refValue": item["ref"]}
            if isinstance(item, dict) and list(item) == ["ref"]
            else {"key": key, "stringValue": item} for item in values]


def _load(text: Any) -> Any:
    try:
        return json.loads(text)
    except ValueError as error:  # v2 lets json's own message through, exit 255
        raise OtherError(str(error)) from None


def _api_objects(definition: dict) -> list[dict]:
    if "objects" not in definition:
        raise _definition_error('Missing "objects" key')
    objects = []
    for element in definition["objects"]:
        element = dict(element)
        if "id" not in element:
            raise _definition_error('Missing "id" key of element: %s' % json.dumps(element))
        element_id = element.pop("id")
        name = element.pop("name", element_id)
        objects.append({"id": element_id, "name": name, "fields": [
            field for key, value in sorted(element.items()) for field in _fields(key, value)]})
    return objects


def _api_parameters(definition: dict) -> list[dict] | None:
    if "parameters" not in definition:
        return None
    parameters = []
    for element in definition["parameters"]:
        element = dict(element)
        if "id" not in element:
            raise _definition_error('Missing "id" key of parameter: %s' % json.dumps(element))
        parameter_id = element.pop("id")
        parameters.append({"id": parameter_id, "attributes": [
            field for key, value in sorted(element.items()) for field in _fields(key, value)]})
    return parameters


def _api_values(definition: dict) -> list[dict] | None:
    if "values" not in definition:
        return None
    return [{"id": key, "stringValue": item} for key, value in definition["values"].items()
            for item in (value if isinstance(value, list) else [value])]


def _pipeline_definition(params: dict, value: Any) -> None:
    definition = _load(value)
    params["pipelineObjects"] = _api_objects(definition)
    parameters, values = _api_parameters(definition), _api_values(definition)
    if "parameterObjects" not in params and parameters is not None:
        params["parameterObjects"] = parameters
    if "parameterValues" not in params and values is not None:
        params["parameterValues"] = values


def _parameter_objects(params: dict, value: Any) -> None:
    params["parameterObjects"] = _api_parameters(_load(value))


def _parameter_values_uri(params: dict, value: Any) -> None:
    if params.get("parameterValues") is not None:
        raise ParamValidationError(_ONE_OF_VALUES)
    params["parameterValues"] = _api_values(_load(value))


def _parameter_values(params: dict, words: Any) -> None:
    if params.get("parameterValues") is not None:
        raise ParamValidationError(_ONE_OF_VALUES)
    values: dict[str, Any] = {}
    for word in words:
        key, equals, value = word.partition("=")
        if not equals:
            raise ParamValidationError(
                "Error in parameter: Invalid inline parameter format: %s" % word)
        if key not in values:
            values[key] = value
        elif isinstance(values[key], list):
            values[key].append(value)
        else:
            values[key] = [values[key], value]
    params["parameterValues"] = _api_values({"values": values})


def _added(name: str, fill: Callable[[dict, Any], None], documentation: str,
           is_required: bool = False, nargs: str | None = None) -> ArgSpec:
    return ArgSpec(name, "", "", "string", is_required=is_required, nargs=nargs,
                   is_cli_only=True, fills=fill, documentation=documentation)


_FILE_NOTE = "If it is in a file, give it with the file://<filename> syntax."
_PARAMETER_VALUES = _added(
    "parameter-values", _parameter_values,
    "The parameter values, as key=value words separated by spaces; for a list, give its "
    "key once for each value: arrayValue=value1 arrayValue=value2", nargs="+")
_PARAMETER_VALUES_URI = _added(
    "parameter-values-uri", _parameter_values_uri,
    "The JSON parameter values. %s They may be in the pipeline definition too; these "
    "given here replace the definition's." % _FILE_NOTE)


def _as_definition(response: dict, options: Mapping[str, Any], env: Any) -> dict:
    """GetPipelineDefinition's response as a definition file: `objects`, `parameters`
    (each a map of its fields) and `values`; a key given again makes a list."""
    def add(target: dict, key: str, value: Any) -> None:
        if key not in target:
            target[key] = value
        elif isinstance(target[key], list):
            target[key].append(value)
        else:
            target[key] = [target[key], value]

    if "pipelineObjects" in response:
        objects = []
        for element in response.pop("pipelineObjects"):
            current = {"id": element["id"], "name": element["name"]}
            for field in element["fields"]:
                add(current, field["key"], field["stringValue"] if "stringValue" in field
                    else {"ref": field["refValue"]})
            objects.append(current)
        response["objects"] = objects
    if "parameterObjects" in response:
        parameters = []
        for element in response.pop("parameterObjects"):
            current = {"id": element["id"]}
            for attribute in element["attributes"]:
                add(current, attribute["key"], attribute["stringValue"])
            parameters.append(current)
        response["parameters"] = parameters
    if "parameterValues" in response:
        values: dict[str, Any] = {}
        for element in response.pop("parameterValues"):
            add(values, element["id"], element["stringValue"])
        response["values"] = values
    return response


SERVICE = Customization(renames={"query": "objects-query"})

OPERATIONS: Mapping[str, Customization] = {
    "get-pipeline-definition": Customization(
        renames={"version": "pipeline-version"}, after_call=_as_definition,
        output_note=(
            "The output of this command is the pipeline definition, as the `Pipeline "
            "Definition File Syntax <http://docs.aws.amazon.com/datapipeline/latest/"
            "DeveloperGuide/dp-writing-pipeline-definition.html>`__ documents it.")),
    "put-pipeline-definition": Customization(removed=("pipeline-objects",), added=(
        _added("parameter-objects", _parameter_objects,
               "The JSON parameter objects. %s They may be in the pipeline definition too; "
               "these given here replace the definition's." % _FILE_NOTE),
        _PARAMETER_VALUES,
        _added("pipeline-definition", _pipeline_definition,
               "The JSON pipeline definition. %s" % _FILE_NOTE, is_required=True),
        _PARAMETER_VALUES_URI)),
    "activate-pipeline": Customization(added=(_PARAMETER_VALUES, _PARAMETER_VALUES_URI)),
}
