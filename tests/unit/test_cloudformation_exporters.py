"""`package`'s walk as data: which properties are uploaded, and what they become; the zips."""
from __future__ import annotations

import hashlib
import os
import zipfile
from pathlib import Path

import pytest

from awsmini.commands.cloudformation import archive
from awsmini.commands.cloudformation.exporters import (RESOURCE_EXPORTERS, export_template,
                                                       parse_s3_url)
from awsmini.errors import OtherError


class FakeUploader:
    """Keeps what would be uploaded, by MD5 as the real uploader names it."""

    def __init__(self) -> None:
        self.objects: dict[str, bytes] = {}

    def upload_with_dedup(self, path: str, extension: str | None = None) -> str:
        data = Path(path).read_bytes()
        key = hashlib.md5(data).hexdigest() + ("." + extension if extension else "")
        self.objects[key] = data
        return "s3://bkt/" + key

    def path_style_url(self, key: str, version: str | None = None) -> str:
        return "https://s3.example.com/bkt/" + key


def _key(data: bytes) -> str:
    return hashlib.md5(data).hexdigest()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "src" / "sub").mkdir(parents=True)
    (tmp_path / "src" / "index.py").write_text("def handler(e, c): pass\n")
    (tmp_path / "src" / "sub" / "util.py").write_text("X = 1\n")
    os.chmod(tmp_path / "src" / "sub" / "util.py", 0o755)
    (tmp_path / "src" / "empty").mkdir()
    (tmp_path / "api.yaml").write_text("openapi: 3\n")
    (tmp_path / "glue.py").write_text("print(1)\n")
    return tmp_path


def _export(tree: Path, text: str, uploader: FakeUploader | None = None):
    (tree / "t.yaml").write_text(text)
    return export_template("t.yaml", str(tree), uploader or FakeUploader())


def test_a_directory_is_zipped_with_its_files_modes_and_no_directory_entries(tree):
    zip_path = archive.make_zip(str(tree / "out.zip"), str(tree / "src"))
    with zipfile.ZipFile(zip_path) as archive_file:
        entries = {info.filename: (info.external_attr >> 16, info.compress_type)
                   for info in archive_file.infolist()}
        assert archive_file.read("sub/util.py") == b"X = 1\n"
    assert entries == {"index.py": (0o100644, zipfile.ZIP_DEFLATED),
                       "sub/util.py": (0o100755, zipfile.ZIP_DEFLATED)}
    again = archive.make_zip(str(tree / "again.zip"), str(tree / "src"))
    assert Path(again).read_bytes() == Path(zip_path).read_bytes()  # same tree, same key


def test_lambda_code_directory_and_s3_dict_properties(tree):
    uploader = FakeUploader()
    template = _export(tree, "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n"
                             "    Properties:\n      Code: src\n      Handler: !Ref H\n"
                             "  Api:\n    Type: AWS::ApiGateway::RestApi\n"
                             "    Properties:\n      BodyS3Location: api.yaml\n", uploader)
    code = template["Resources"]["Fn"]["Properties"]["Code"]
    assert code["S3Bucket"] == "bkt"
    with zipfile.ZipFile(_as_file(tree, uploader.objects[code["S3Key"]])) as archive_file:
        assert sorted(archive_file.namelist()) == ["index.py", "sub/util.py"]
    assert template["Resources"]["Fn"]["Properties"]["Handler"] == {"Ref": "H"}
    assert template["Resources"]["Api"]["Properties"]["BodyS3Location"] == {
        "Bucket": "bkt", "Key": _key(b"openapi: 3\n")}


def _as_file(tree: Path, data: bytes) -> Path:
    path = tree / "downloaded.zip"
    path.write_bytes(data)
    return path


def test_single_files_zipped_only_where_v2_zips_them(tree, monkeypatch):
    monkeypatch.chdir(tree)
    uploader = FakeUploader()
    template = _export(tree, "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
                             "    Properties:\n      CodeUri: glue.py\n"
                             "  Job:\n    Type: AWS::Glue::Job\n"
                             "    Properties:\n      Command: {ScriptLocation: glue.py}\n",
                       uploader)
    function_key = template["Resources"]["Fn"]["Properties"]["CodeUri"][len("s3://bkt/"):]
    with zipfile.ZipFile(_as_file(tree, uploader.objects[function_key])) as archive_file:
        assert archive_file.namelist() == ["glue.py"]
    assert template["Resources"]["Job"]["Properties"]["Command"]["ScriptLocation"] == (
        "s3://bkt/" + _key(b"print(1)\n"))


def test_left_alone_s3_urls_mappings_and_definition_bodies(tree):
    uploader = FakeUploader()
    text = ("Resources:\n  A:\n    Type: AWS::Serverless::Function\n"
            "    Properties:\n      CodeUri: s3://b/k\n"
            "  B:\n    Type: AWS::Lambda::Function\n"
            "    Properties:\n      Code: {ZipFile: 'x'}\n"
            "  C:\n    Type: AWS::Serverless::Api\n    Properties:\n      DefinitionBody: {}\n"
            "  D:\n    Type: AWS::CloudFormation::Stack\n"
            "    Properties:\n      TemplateURL: https://example.com/t.yaml\n"
            "  E:\n    Type: AWS::SQS::Queue\n    Properties:\n      Code: src\n")
    template = _export(tree, text, uploader)
    assert uploader.objects == {}
    assert template["Resources"]["A"]["Properties"]["CodeUri"] == "s3://b/k"
    assert template["Resources"]["E"]["Properties"]["Code"] == "src"


def test_an_absent_code_property_means_the_templates_directory(tree):
    uploader = FakeUploader()
    template = _export(tree, "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n"
                             "    Properties:\n      Handler: x\n", uploader)
    key = template["Resources"]["Fn"]["Properties"]["CodeUri"][len("s3://bkt/"):]
    with zipfile.ZipFile(_as_file(tree, uploader.objects[key])) as archive_file:
        assert "t.yaml" in archive_file.namelist() and "src/index.py" in archive_file.namelist()


def test_nested_stacks_are_packaged_in_turn_and_named_by_https_url(tree):
    (tree / "nested").mkdir()
    (tree / "nested" / "child.yaml").write_text(
        "Resources:\n  G:\n    Type: AWS::Glue::Job\n    Properties:\n"
        "      Command:\n        ScriptLocation: ../glue.py\n      Role: !GetAtt R.Arn\n")
    uploader = FakeUploader()
    template = _export(tree, "Resources:\n  Child:\n    Type: AWS::CloudFormation::Stack\n"
                             "    Properties:\n      TemplateURL: nested/child.yaml\n", uploader)
    url = template["Resources"]["Child"]["Properties"]["TemplateURL"]
    assert url.startswith("https://s3.example.com/bkt/") and url.endswith(".template")
    child = uploader.objects[url.rsplit("/", 1)[1]].decode()
    assert child == ("Resources:\n  G:\n    Type: AWS::Glue::Job\n    Properties:\n"
                     "      Command:\n        ScriptLocation: s3://bkt/%s\n"
                     "      Role:\n        Fn::GetAtt:\n        - R\n        - Arn\n"
                     % _key(b"print(1)\n"))


def test_include_transforms_and_metadata_and_for_each(tree):
    (tree / "README.md").write_text("# hi\n")
    uploader = FakeUploader()
    template = _export(tree, (
        "Metadata:\n  AWS::ServerlessRepo::Application:\n    ReadmeUrl: README.md\n"
        "Resources:\n  T:\n    Type: AWS::SNS::Topic\n    Properties:\n"
        "      Fn::Transform:\n        Name: AWS::Include\n"
        "        Parameters: {Location: api.yaml}\n"
        "  Fn::ForEach::Fns:\n  - N\n  - [a, b]\n  - F${N}:\n"
        "      Type: AWS::Serverless::Function\n      Properties: {CodeUri: glue.py}\n"),
        uploader)
    assert template["Metadata"]["AWS::ServerlessRepo::Application"]["ReadmeUrl"] == (
        "s3://bkt/" + _key(b"# hi\n"))
    location = template["Resources"]["T"]["Properties"]["Fn::Transform"]["Parameters"]
    assert location == {"Location": "s3://bkt/" + _key(b"openapi: 3\n")}
    assert template["Resources"]["Fn::ForEach::Fns"][2]["F${N}"]["Properties"][
        "CodeUri"].startswith("s3://bkt/")


@pytest.mark.parametrize("text, message", [
    ("Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Code: gone\n",
     "Unable to upload artifact gone referenced by Code parameter of Fn resource.\n"
     "Parameter Code of resource Fn refers to a file or folder that does not exist {tree}/gone"),
    ("Resources:\n  S:\n    Type: AWS::CloudFormation::Stack\n"
     "    Properties:\n      TemplateURL: gone.yaml\n",
     "Unable to upload artifact gone.yaml referenced by TemplateURL parameter of S resource.\n"
     "TemplateURL parameter of S resource is invalid. It must be a S3 URL or path to "
     "CloudFormation template file. Actual: {tree}/gone.yaml"),
    ("Resources:\n  Fn::ForEach::X: [1, 2]\n",
     'The value of Fn::ForEach::X has an invalid "Fn::ForEach::" format: Must be a list of '
     "three entries"),
], ids=["missing-code", "missing-nested", "bad-for-each"])
def test_errors_have_v2s_messages(tree, text, message):
    with pytest.raises(OtherError) as caught:
        _export(tree, text)
    assert caught.value.message == message.format(tree=tree)


def test_s3_urls_and_the_exporter_table():
    assert parse_s3_url("s3://b/k/x?versionId=3", "S3Bucket", "S3Key", "V") == {
        "S3Bucket": "b", "S3Key": "k/x", "V": "3"}
    with pytest.raises(ValueError):
        parse_s3_url("s3://b")
    assert len(RESOURCE_EXPORTERS) == 18
    assert not any(e.resource_type.startswith("AWS::ECR") for e in RESOURCE_EXPORTERS)
