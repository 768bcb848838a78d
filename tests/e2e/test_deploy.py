"""`deploy push`, `register` and `deregister` end to end: the installed awsmini with S3 and
IAM in moto_server and CodeDeploy in a stub (moto has none of the operations they call).

As in v2, the S3 and IAM clients of these commands do not take `--endpoint-url` (that names
CodeDeploy's endpoint): the tests point them at moto with `AWS_ENDPOINT_URL_S3` and
`AWS_ENDPOINT_URL_IAM`."""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import subprocess
import zipfile
from datetime import datetime, timedelta

import pytest

from tests import forkserver
from tests.conftest import awsmini_executable, isolated_environ
from tests.e2e.stub_server import start_stub

TAGS = [{"Key": "team", "Value": "blue"}, {"Key": "site", "Value": "lab"}]
GUIDE = ('by following the instructions in "Configure Existing On-Premises Instances by '
         'Using AWS CodeDeploy" in the AWS CodeDeploy User Guide.\n')


@pytest.fixture
def stub():
    server, stop = start_stub({name: (200, {}) for name in (
        "RegisterApplicationRevision", "RegisterOnPremisesInstance",
        "AddTagsToOnPremisesInstances", "RemoveTagsFromOnPremisesInstances",
        "DeregisterOnPremisesInstance")})
    yield server
    stop()


@pytest.fixture
def cli(tmp_path, moto_reset, stub):
    """Run the installed awsmini in `tmp_path`: CodeDeploy the stub, S3 and IAM moto."""
    def run(*argv: str, endpoint: bool = True, **extra: str) -> subprocess.CompletedProcess:
        # botocore's default attempts: with one, every error message would read "(reached
        # max retries: 0)"; the errors these tests provoke are not retried
        environ = isolated_environ(tmp_path, {"AWS_ENDPOINT_URL_S3": moto_reset,
                                              "AWS_ENDPOINT_URL_IAM": moto_reset,
                                              "AWS_MAX_ATTEMPTS": None, **extra})
        tail = ["--endpoint-url", stub.url] if endpoint else []
        return forkserver.run(awsmini_executable(), [*argv, *tail], env=environ, cwd=tmp_path)

    run.home = tmp_path
    return run


def _moto(cli, *argv: str):
    """A generic command against moto itself, its JSON output."""
    result = cli(*argv, "--endpoint-url", cli.moto, "--output", "json", endpoint=False)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout) if result.stdout else None


@pytest.fixture
def moto(cli, moto_reset):
    cli.moto = moto_reset
    return lambda *argv: _moto(cli, *argv)


def _revision_dir(home, name: str = "app"):
    source = home / name
    (source / "scripts").mkdir(parents=True)
    (source / ".git").mkdir()
    (source / "appspec.yml").write_text("version: 0.0\nos: linux\n")
    (source / "scripts" / "start.sh").write_text("#!/bin/sh\necho start\n")
    (source / ".env").write_text("SECRET=1\n")
    (source / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    return source


def _object(cli, bucket: str, key: str) -> bytes:
    path = cli.home / "downloaded"
    _moto(cli, "s3api", "get-object", "--bucket", bucket, "--key", key, str(path))
    return path.read_bytes()


def _next_step(application: str, location: str) -> str:
    return ("To deploy with this revision, run:\naws deploy create-deployment "
            "--application-name %s --s3-location %s --deployment-group-name "
            "<deployment-group-name> --deployment-config-name <deployment-config-name> "
            "--description <description>\n" % (application, location))


# ------------------------------------------------------------------ push

def test_push_zips_uploads_registers_and_prints_the_deployment_line(cli, stub, moto):
    _revision_dir(cli.home)
    moto("s3api", "create-bucket", "--bucket", "releases")
    result = cli("deploy", "push", "--application-name", "web", "--s3-location",
                 "s3://releases/web/r1.zip", "--source", "app")
    assert result.returncode == 0, result.stderr
    archive = _object(cli, "releases", "web/r1.zip")
    with zipfile.ZipFile(io.BytesIO(archive)) as zipped:
        assert sorted(zipped.namelist()) == [".env", ".git/HEAD", "appspec.yml",
                                             "scripts/start.sh"]
        assert zipped.read("scripts/start.sh") == b"#!/bin/sh\necho start\n"
        assert {info.compress_type for info in zipped.infolist()} == {zipfile.ZIP_DEFLATED}
    etag = hashlib.md5(archive).hexdigest()
    location = "bucket=releases,key=web/r1.zip,bundleType=zip,eTag=%s" % etag
    assert (result.stdout, result.stderr) == (_next_step("web", location), "")
    assert stub.operations() == ["RegisterApplicationRevision"]
    body = stub.requests[0].body
    assert body["applicationName"] == "web"
    assert body["revision"] == {"revisionType": "S3", "s3Location": {
        "bucket": "releases", "key": "web/r1.zip", "bundleType": "zip", "eTag": etag}}
    stamp = re.fullmatch(r"Uploaded by AWS CLI (\S+) UTC", body["description"]).group(1)
    assert abs(datetime.fromisoformat(stamp) - datetime.utcnow()) < timedelta(minutes=5)


def test_push_leaves_hidden_files_out_and_names_the_version(cli, stub, moto):
    source = _revision_dir(cli.home)
    moto("s3api", "create-bucket", "--bucket", "versioned")
    moto("s3api", "put-bucket-versioning", "--bucket", "versioned",
         "--versioning-configuration", "Status=Enabled")
    result = cli("deploy", "push", "--application-name", "web", "--s3-location",
                 "s3://versioned/r2.zip", "--source", str(source), "--ignore-hidden-files",
                 "--description", "second release")
    assert result.returncode == 0, result.stderr
    with zipfile.ZipFile(io.BytesIO(_object(cli, "versioned", "r2.zip"))) as zipped:
        assert sorted(zipped.namelist()) == ["appspec.yml", "scripts/start.sh"]
    version = moto("s3api", "head-object", "--bucket", "versioned", "--key", "r2.zip")
    location = stub.requests[0].body["revision"]["s3Location"]
    assert location["version"] == version["VersionId"]
    assert location["eTag"] == version["ETag"].strip('"')
    assert stub.requests[0].body["description"] == "second release"
    assert result.stdout == _next_step("web", "bucket=versioned,key=r2.zip,bundleType=zip,"
                                       "eTag=%s,version=%s" % (location["eTag"],
                                                               location["version"]))


def test_push_of_a_large_archive_goes_in_six_mib_parts(cli, stub, moto):
    source = _revision_dir(cli.home)
    (source / "blob.bin").write_bytes(os.urandom(7 << 20))  # incompressible: two parts
    moto("s3api", "create-bucket", "--bucket", "big")
    result = cli("deploy", "push", "--application-name", "web", "--s3-location",
                 "s3://big/large.zip", "--source", "app")
    assert result.returncode == 0, result.stderr
    archive = _object(cli, "big", "large.zip")
    parts = [archive[:6 << 20], archive[6 << 20:]]
    etag = "%s-2" % hashlib.md5(b"".join(hashlib.md5(p).digest() for p in parts)).hexdigest()
    assert stub.requests[0].body["revision"]["s3Location"]["eTag"] == etag
    # moto names a version ("null") even in an unversioned bucket; v2 passes it on too
    assert re.search(r"bundleType=zip,eTag=%s(,version=null)? " % etag, result.stdout)


def test_push_without_an_appspec_uploads_nothing(cli, stub, moto):
    (cli.home / "empty").mkdir()
    (cli.home / "empty" / "index.html").write_text("hi")
    moto("s3api", "create-bucket", "--bucket", "releases")
    result = cli("deploy", "push", "--application-name", "web", "--s3-location",
                 "s3://releases/r.zip", "--source", "empty")
    assert (result.returncode, result.stdout) == (255, "")
    assert result.stderr.endswith("[ERROR]: %s was not found\n"
                                  % (cli.home / "empty" / "appspec.yml"))
    assert stub.requests == []
    assert moto("s3api", "list-objects-v2", "--bucket", "releases").get("Contents") is None


def test_push_to_a_missing_bucket_is_v2s_upload_error(cli, stub, moto):
    _revision_dir(cli.home)
    result = cli("deploy", "push", "--application-name", "web", "--s3-location",
                 "s3://nowhere/r.zip", "--source", "app")
    assert (result.returncode, result.stdout) == (255, "")
    assert ("[ERROR]: Failed to upload 'app' to 's3://nowhere/r.zip': An error occurred "
            "(NoSuchBucket) when calling the PutObject operation: ") in result.stderr
    assert stub.requests == []


@pytest.mark.parametrize("argv, message", [
    ((), "the following arguments are required: --application-name, --s3-location"),
    (("--application-name", "web"), "the following arguments are required: --s3-location"),
    (("--application-name", "web", "--s3-location", "releases/r.zip"),
     "--s3-location must specify the Amazon S3 URL format as s3://<bucket>/<key>."),
    (("--application-name", "web", "--s3-location", "s3://bucket-only/"),
     "--s3-location must specify the Amazon S3 URL format as s3://<bucket>/<key>."),
], ids=["nothing", "no-location", "not-an-s3-url", "no-key"])
def test_push_usage_errors(cli, stub, argv, message):
    result = cli("deploy", "push", *argv)
    assert result.returncode == 252
    assert "[ERROR]: An error occurred (ParamValidation): %s\n" % message in result.stderr
    assert stub.requests == []


# ------------------------------------------------------------------ register

def test_register_makes_the_user_and_the_config_file_then_registers(cli, stub, moto):
    result = cli("deploy", "register", "--instance-name", "lab-01", "--tags",
                 "Key=team,Value=blue", "Key=site,Value=lab")
    assert (result.returncode, result.stderr) == (0, "")
    user = moto("iam", "get-user", "--user-name", "lab-01")["User"]
    assert user["Path"] == "/AWS/CodeDeploy/"
    key = moto("iam", "list-access-keys", "--user-name", "lab-01")["AccessKeyMetadata"][0]
    policy = moto("iam", "get-user-policy", "--user-name", "lab-01", "--policy-name",
                  "codedeploy-agent")
    assert policy["PolicyDocument"]["Statement"] == [
        {"Action": ["s3:Get*", "s3:List*"], "Effect": "Allow", "Resource": "*"}]
    config = cli.home / "codedeploy.onpremises.yml"
    assert stat.S_IMODE(config.stat().st_mode) == 0o600
    secret = re.search(r"^SecretAccessKey: (\S+)$", result.stdout, re.M).group(1)
    assert config.read_text() == (
        "---\nregion: us-east-1\niam_user_arn: %s\naws_access_key_id: %s\n"
        "aws_secret_access_key: %s\n" % (user["Arn"], key["AccessKeyId"], secret))
    document = ('{\n    "Version": "2012-10-17",\n    "Statement": [ {\n'
                '        "Action": [ "s3:Get*", "s3:List*" ],\n        "Effect": "Allow",\n'
                '        "Resource": "*"\n    } ]\n}')
    assert result.stdout == (
        "Creating the IAM user... DONE\nIamUserArn: %s\n"
        "Creating the IAM user access key... DONE\nAccessKeyId: %s\nSecretAccessKey: %s\n"
        "Creating the IAM user policy... DONE\nPolicyName: codedeploy-agent\n"
        "PolicyDocument: %s\n"
        "Creating the on-premises instance configuration file named "
        "codedeploy.onpremises.yml...DONE\n"
        "Registering the on-premises instance... DONE\n"
        "Adding tags to the on-premises instance... DONE\n"
        "Copy the on-premises configuration file named codedeploy.onpremises.yml to the "
        "on-premises instance, and run the following command on the on-premises instance to "
        "install and configure the AWS CodeDeploy Agent:\n"
        "aws deploy install --config-file codedeploy.onpremises.yml\n"
        % (user["Arn"], key["AccessKeyId"], secret, document))
    assert stub.operations() == ["RegisterOnPremisesInstance", "AddTagsToOnPremisesInstances"]
    assert stub.requests[0].body == {"instanceName": "lab-01", "iamUserArn": user["Arn"]}
    assert stub.requests[1].body == {"tags": TAGS, "instanceNames": ["lab-01"]}


def test_register_with_a_user_makes_nothing_in_iam(cli, stub, moto):
    arn = "arn:aws:iam::123456789012:user/AWS/CodeDeploy/kept"
    result = cli("deploy", "register", "--instance-name", "lab-02", "--iam-user-arn", arn,
                 "--region", "eu-west-1")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Registering the on-premises instance... DONE\nCopy ")
    assert stub.requests[0].body == {"instanceName": "lab-02", "iamUserArn": arn}
    assert moto("iam", "list-users")["Users"] == []
    assert not (cli.home / "codedeploy.onpremises.yml").exists()


def test_register_failure_is_v2s_error_report(cli, stub, moto):
    stub.answers["RegisterOnPremisesInstance"] = (400, {
        "__type": "InstanceNameAlreadyRegisteredException", "message": "lab-03 is taken"})
    arn = "arn:aws:iam::123456789012:user/u"
    result = cli("deploy", "register", "--instance-name", "lab-03", "--iam-user-arn", arn)
    assert result.returncode == 255
    assert result.stdout == "Registering the on-premises instance... "
    assert result.stderr == (
        "ERROR\nAn error occurred (InstanceNameAlreadyRegisteredException) when calling the "
        "RegisterOnPremisesInstance operation: lab-03 is taken\n"
        "Register the on-premises instance " + GUIDE)


@pytest.mark.parametrize("argv, message", [
    (("--instance-name", "i-0123"), "Instance name cannot start with 'i-'."),
    (("--instance-name", "bad name"), "Instance name contains invalid characters."),
    (("--instance-name", "x" * 101), "Instance name cannot be longer than 100 characters."),
    (("--instance-name", "ok", "--iam-user-arn", "arn:aws:iam::1:user/u"),
     "Invalid IAM user ARN."),
    (("--instance-name", "ok", "--tags", *["Key=k%d,Value=v" % n for n in range(11)]),
     "Instances can only have a maximum of 10 tags."),
    (("--instance-name", "ok", "--tags", "Key=%s,Value=v" % ("k" * 129)),
     "Tag Key cannot be longer than 128 characters."),
    (("--instance-name", "ok", "--tags", "Key=k,Value=%s" % ("v" * 257)),
     "Tag Value cannot be longer than 256 characters."),
    ((), "the following arguments are required: --instance-name"),
], ids=["ec2-name", "characters", "long-name", "arn", "tag-count", "tag-key", "tag-value",
        "missing"])
def test_register_usage_errors(cli, stub, argv, message):
    result = cli("deploy", "register", *argv)
    assert result.returncode == 252
    assert "[ERROR]: An error occurred (ParamValidation): %s\n" % message in result.stderr
    assert stub.requests == []


def test_register_without_a_region(cli, stub):
    result = cli("deploy", "register", "--instance-name", "lab", AWS_DEFAULT_REGION=None)
    assert result.returncode == 253
    assert result.stderr.endswith("Region not specified.\n")
    assert stub.requests == []


# ------------------------------------------------------------------ deregister

def _instance(stub, arn: str, tags: list) -> None:
    stub.answers["GetOnPremisesInstance"] = (200, {"instanceInfo": {
        "instanceName": "lab-01", "iamUserArn": arn, "tags": tags}})


def test_deregister_removes_tags_instance_and_user(cli, stub, moto):
    assert cli("deploy", "register", "--instance-name", "lab-01").returncode == 0
    arn = moto("iam", "get-user", "--user-name", "lab-01")["User"]["Arn"]
    _instance(stub, arn, TAGS)
    stub.requests.clear()
    result = cli("deploy", "deregister", "--instance-name", "lab-01")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Retrieving on-premises instance information... DONE\nIamUserArn: %s\n"
        "Tags: Key=team,Value=blue Key=site,Value=lab\n"
        "Removing tags from the on-premises instance... DONE\n"
        "Deregistering the on-premises instance... DONE\n"
        "Deleting the IAM user policies... DONE\n"
        "Deleting the IAM user access keys... DONE\n"
        "Deleting the IAM user (lab-01)... DONE\n"
        "Run the following command on the on-premises instance to uninstall the "
        "codedeploy-agent:\naws deploy uninstall\n" % arn)
    assert stub.operations() == ["GetOnPremisesInstance", "RemoveTagsFromOnPremisesInstances",
                                 "DeregisterOnPremisesInstance"]
    assert stub.requests[1].body == {"tags": TAGS, "instanceNames": ["lab-01"]}
    assert moto("iam", "list-users")["Users"] == []


def test_deregister_keeping_the_user_and_a_user_already_gone(cli, stub, moto):
    _instance(stub, "arn:aws:iam::123456789012:user/AWS/CodeDeploy/gone", [])
    kept = cli("deploy", "deregister", "--instance-name", "lab-01", "--no-delete-iam-user")
    assert kept.returncode == 0, kept.stderr
    assert "Deleting" not in kept.stdout and "Tags:" not in kept.stdout
    # IAM's NoSuchEntity for a user deleted already counts as done
    gone = cli("deploy", "deregister", "--instance-name", "lab-01")
    assert gone.returncode == 0, gone.stderr
    assert "Deleting the IAM user (gone)... DONE\n" in gone.stdout
    assert stub.operations().count("DeregisterOnPremisesInstance") == 2


def test_deregister_of_an_unknown_instance(cli, stub):
    stub.answers["GetOnPremisesInstance"] = (400, {
        "__type": "InstanceNotRegisteredException", "message": "not registered"})
    result = cli("deploy", "deregister", "--instance-name", "lab-09")
    assert result.returncode == 255
    assert result.stdout == "Retrieving on-premises instance information... "
    assert result.stderr == (
        "ERROR\nAn error occurred (InstanceNotRegisteredException) when calling the "
        "GetOnPremisesInstance operation: not registered\n"
        "Deregister the on-premises instance " + GUIDE)


def test_help_pages(cli, stub):
    for command, options in (
            ("push", ("--application-name", "--s3-location",
                      "--ignore-hidden-files | --no-ignore-hidden-files", "--source",
                      "--description")),
            ("register", ("--instance-name", "--tags", "--iam-user-arn")),
            ("deregister", ("--instance-name", "--no-delete-iam-user")),
            ("install", ("--config-file", "--override-config", "--agent-installer")),
            ("uninstall", ())):
        page = cli("deploy", command, "help", endpoint=False)
        assert page.returncode == 0, page.stderr
        synopsis = page.stdout.split("SYNOPSIS", 1)[1].split("OPTIONS", 1)[0]
        for option in options:
            assert option in synopsis
    listing = cli("deploy", "help", endpoint=False).stdout
    for command in ("push", "register", "deregister", "install", "uninstall"):
        assert listing.count("o %s\n" % command) == 1
    assert stub.requests == []
