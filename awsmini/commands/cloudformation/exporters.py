"""`package`'s walk: a template's local artifacts uploaded, their properties rewritten.

Follows v2's `cloudformation/artifact_exporter.py`. `RESOURCE_EXPORTERS` is its
table of resource properties that may name a local file or directory, in its
order; `METADATA_EXPORTERS` the same for the template's `Metadata` section.
For each property that names a local path (relative to the template's
directory):

- a directory is zipped and uploaded; a file is uploaded as it is, except that
  exporters with `force_zip` (Lambda code and layers, ...) zip a lone file
  that is not a zip already;
- the property becomes the object's `s3://` URL, or, for exporters with
  `s3_keys`, a mapping of those keys (`{S3Bucket, S3Key}` for Lambda code);
- a nested stack (`TemplateURL`, `Location`) is packaged in turn, written as
  YAML, uploaded as `MD5.template`, and named by its path-style HTTPS URL.

An absent property means the template's own directory, unless the exporter
says `package_null=False`. S3 URLs and values that are mappings (`!Sub`,
inline code) are left alone. `Fn::Transform` of `AWS::Include` anywhere in the
template has its local `Location` uploaded too. Every failure of one property
is v2's "Unable to upload artifact ..." error (exit 255).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Mapping
from urllib.parse import parse_qs, urlparse

from awsmini.commands.cloudformation import archive
from awsmini.commands.cloudformation.templates import SortedMapping, dump_template, parse_template
from awsmini.commands.cloudformation.uploader import S3Uploader
from awsmini.errors import OtherError


@dataclass(frozen=True)
class Exporter:
    """One resource property that may name a local artifact."""

    resource_type: str
    property_name: str  # a dotted path into the resource's Properties
    package_null: bool = True  # absent: upload the template's directory
    force_zip: bool = False
    s3_keys: tuple[str, str, str | None] | None = None  # bucket, key, version property names
    is_template: bool = False  # a nested stack's template, packaged in turn


_STATE = ("Bucket", "Key", "Version")

RESOURCE_EXPORTERS = (
    Exporter("AWS::Serverless::Function", "CodeUri", force_zip=True),
    Exporter("AWS::Serverless::Api", "DefinitionUri", package_null=False),
    Exporter("AWS::AppSync::GraphQLSchema", "DefinitionS3Location", package_null=False),
    Exporter("AWS::AppSync::Resolver", "RequestMappingTemplateS3Location", package_null=False),
    Exporter("AWS::AppSync::Resolver", "ResponseMappingTemplateS3Location", package_null=False),
    Exporter("AWS::AppSync::FunctionConfiguration", "RequestMappingTemplateS3Location",
             package_null=False),
    Exporter("AWS::AppSync::FunctionConfiguration", "ResponseMappingTemplateS3Location",
             package_null=False),
    Exporter("AWS::ApiGateway::RestApi", "BodyS3Location", package_null=False, s3_keys=_STATE),
    Exporter("AWS::Lambda::Function", "Code", force_zip=True,
             s3_keys=("S3Bucket", "S3Key", "S3ObjectVersion")),
    Exporter("AWS::ElasticBeanstalk::ApplicationVersion", "SourceBundle",
             s3_keys=("S3Bucket", "S3Key", None)),
    Exporter("AWS::CloudFormation::Stack", "TemplateURL", is_template=True),
    Exporter("AWS::Serverless::Application", "Location", is_template=True),
    Exporter("AWS::Serverless::LayerVersion", "ContentUri", force_zip=True),
    Exporter("AWS::Lambda::LayerVersion", "Content", force_zip=True,
             s3_keys=("S3Bucket", "S3Key", "S3ObjectVersion")),
    Exporter("AWS::Glue::Job", "Command.ScriptLocation"),
    Exporter("AWS::StepFunctions::StateMachine", "DefinitionS3Location", package_null=False,
             s3_keys=_STATE),
    Exporter("AWS::Serverless::StateMachine", "DefinitionUri", package_null=False,
             s3_keys=_STATE),
    Exporter("AWS::CodeCommit::Repository", "Code.S3", package_null=False, force_zip=True,
             s3_keys=("Bucket", "Key", "ObjectVersion")),
)

METADATA_EXPORTERS = (
    Exporter("AWS::ServerlessRepo::Application", "ReadmeUrl", package_null=False),
    Exporter("AWS::ServerlessRepo::Application", "LicenseUrl", package_null=False),
)

INVALID_LOCAL_PATH = ("Parameter {property_name} of resource {resource_id} refers to a file or "
                      "folder that does not exist {local_path}")
INVALID_TEMPLATE_URL = ("{property_name} parameter of {resource_id} resource is invalid. It must "
                        "be a S3 URL or path to CloudFormation template file. Actual: {path}")
EXPORT_FAILED = ("Unable to upload artifact {value} referenced by {property_name} parameter of "
                 "{resource_id} resource.\n{error}")
INVALID_FOR_EACH = ('The value of {resource_id} has an invalid "Fn::ForEach::" format: Must be a '
                    'list of three entries')


def export_template(template_path: str, parent_dir: str, uploader: S3Uploader) -> Any:
    """The template at `template_path` (relative to `parent_dir`) with its artifacts uploaded."""
    path = make_abs_path(parent_dir, template_path)
    with open(path, encoding="utf-8") as stream:
        template = parse_template(stream.read())
    return _TemplateExport(os.path.dirname(path), uploader).export(template)


class _TemplateExport:
    def __init__(self, template_dir: str, uploader: S3Uploader) -> None:
        self.template_dir = template_dir
        self.uploader = uploader

    def export(self, template: Any) -> Any:
        if "Metadata" in template:
            for metadata_type, metadata in template["Metadata"].items():
                for exporter in METADATA_EXPORTERS:
                    if exporter.resource_type == metadata_type:
                        self._export_property(exporter, metadata_type, metadata)
        if "Resources" not in template:
            return template
        self._export_includes(template)
        self._export_resources(template["Resources"])
        return template

    def _export_resources(self, resources: Mapping[str, Any]) -> None:
        for resource_id, resource in resources.items():
            if resource_id.startswith("Fn::ForEach::"):
                if not isinstance(resource, list) or len(resource) != 3:
                    raise OtherError(INVALID_FOR_EACH.format(resource_id=resource_id))
                self._export_resources(resource[2])
                continue
            resource_type = resource.get("Type", None)
            properties = resource.get("Properties", None)
            for exporter in RESOURCE_EXPORTERS:
                if exporter.resource_type == resource_type:
                    self._export_property(exporter, resource_id, properties)

    def _export_includes(self, node: Mapping[str, Any]) -> None:
        """Every `Fn::Transform` of the template, at any depth (v2's global artifacts)."""
        for key, value in node.items():
            if key == "Fn::Transform":
                self._export_include(value)
            elif isinstance(value, dict):
                self._export_includes(value)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, dict):
                        self._export_includes(item)

    def _export_include(self, transform: Any) -> None:
        if transform.get("Name", None) != "AWS::Include":
            return
        location = transform.get("Parameters", {}).get("Location", None)
        if not location or not isinstance(location, str) or is_s3_url(location):
            return
        path = os.path.join(self.template_dir, location)
        if not os.path.isfile(path):
            raise OtherError(INVALID_LOCAL_PATH.format(
                property_name="Location", resource_id="AWS::Include", local_path=path))
        transform["Parameters"]["Location"] = self.uploader.upload_with_dedup(path)

    def _export_property(self, exporter: Exporter, resource_id: str, properties: Any) -> None:
        """One property of one resource (v2's `Resource.export`)."""
        if properties is None:
            return
        value = get_path(properties, exporter.property_name)
        if not value and not exporter.package_null:
            return
        if isinstance(value, dict):
            return  # not a path: an intrinsic function or the inline form
        try:
            # v2 tests the value as given, against the working directory
            if exporter.force_zip and _is_file(value) and not archive.is_zip_file(value):
                with archive.folder_holding(value) as folder:
                    set_path(properties, exporter.property_name, folder)
                    self._upload_property(exporter, resource_id, properties)
            else:
                self._upload_property(exporter, resource_id, properties)
        except Exception as error:
            raise OtherError(EXPORT_FAILED.format(
                value=value, property_name=exporter.property_name, resource_id=resource_id,
                error=error)) from error

    def _upload_property(self, exporter: Exporter, resource_id: str, properties: Any) -> None:
        if exporter.is_template:
            self._export_nested(exporter, resource_id, properties)
            return
        url = self._upload_artifact(exporter, resource_id, properties)
        if exporter.s3_keys:
            bucket, key, version = exporter.s3_keys
            set_path(properties, exporter.property_name,
                     SortedMapping(parse_s3_url(url, bucket, key, version)))
        else:
            set_path(properties, exporter.property_name, url)

    def _upload_artifact(self, exporter: Exporter, resource_id: str, properties: Any) -> str:
        """The artifact's `s3://` URL, uploading it if it is local (v2's
        `upload_local_artifacts`)."""
        local_path = get_path(properties, exporter.property_name)
        if local_path is None:
            local_path = self.template_dir
        if is_s3_url(local_path):
            return local_path
        local_path = make_abs_path(self.template_dir, local_path)
        if isinstance(local_path, str) and os.path.isdir(local_path):
            with archive.zipped_folder(local_path) as zip_path:
                return self.uploader.upload_with_dedup(zip_path)
        if _is_file(local_path):
            return self.uploader.upload_with_dedup(local_path)
        raise OtherError(INVALID_LOCAL_PATH.format(
            property_name=exporter.property_name, resource_id=resource_id,
            local_path=local_path))

    def _export_nested(self, exporter: Exporter, resource_id: str, properties: Any) -> None:
        path = properties.get(exporter.property_name, None)
        if path is None or is_s3_url(path) or path.startswith(("http://", "https://")):
            return
        absolute = make_abs_path(self.template_dir, path)
        if not _is_file(absolute):
            raise OtherError(INVALID_TEMPLATE_URL.format(
                property_name=exporter.property_name, resource_id=resource_id, path=absolute))
        nested = export_template(path, self.template_dir, self.uploader)
        with archive.text_file(dump_template(nested)) as text_path:
            url = self.uploader.upload_with_dedup(text_path, "template")
        parts = parse_s3_url(url, version_property="Version")
        set_path(properties, exporter.property_name,
                 self.uploader.path_style_url(parts["Key"], parts.get("Version")))


# ------------------------------------------------------------------ paths and URLs

def make_abs_path(directory: str, path: Any) -> Any:
    """A relative path string joined to `directory` and normalised; anything else as is."""
    if isinstance(path, str) and not os.path.isabs(path):
        return os.path.normpath(os.path.join(directory, path))
    return path


def parse_s3_url(url: Any, bucket_property: str = "Bucket", key_property: str = "Key",
                 version_property: str | None = None) -> dict:
    """`s3://bucket/key[?versionId=v]` as {bucket_property, key_property[, version_property]};
    ValueError when it is not such a URL."""
    if isinstance(url, str) and url.startswith("s3://"):
        parsed = urlparse(url[3:])
        if parsed.netloc and parsed.path:
            result = {bucket_property: parsed.netloc, key_property: parsed.path.lstrip("/")}
            versions = parse_qs(parsed.query).get("versionId", [])
            if version_property is not None and len(versions) == 1:
                result[version_property] = versions[0]
            return result
    raise ValueError("URL given to the parse method is not a valid S3 url %s" % url)


def is_s3_url(url: Any) -> bool:
    try:
        parse_s3_url(url)
    except ValueError:
        return False
    return True


def get_path(data: Any, dotted: str) -> Any:
    """The value at a dotted path of nested mappings, or None."""
    for name in dotted.split("."):
        if not isinstance(data, dict):
            return None
        data = data.get(name)
    return data


def set_path(data: Any, dotted: str, value: Any) -> None:
    """Set the value at a dotted path, making the mappings on the way (as botocore's
    `set_value_from_jmespath`)."""
    *parents, last = dotted.split(".")
    for name in parents:
        if name not in data:
            data[name] = {}
        data = data[name]
    data[last] = value


def _is_file(path: Any) -> bool:
    return isinstance(path, str) and os.path.isfile(path)
