"""arguments: the argument table v2 builds from an operation's input shape."""
from __future__ import annotations

import os

import pytest

from awsmini import models
from awsmini.arguments import ArgSpec, build_arguments, cli_name, has_streaming_output


@pytest.fixture(scope="module")
def environ(tmp_path_factory) -> dict:
    cache = tmp_path_factory.mktemp("cache")
    return {"HOME": os.environ.get("HOME", "/"), "XDG_CACHE_HOME": str(cache)}


def table(service: str, api_name: str, environ: dict, cli: str | None = None):
    model = models.load_operation(service, api_name, environ)
    return build_arguments(model, api_name, cli or service)


def test_reference_operation(environ):
    specs = table("iot", "CancelJobExecution", environ)
    assert list(specs) == ["job-id", "thing-name", "force", "expected-version", "status-details",
                           "cli-input-json", "cli-input-yaml", "generate-cli-skeleton"]
    assert [n for n, s in specs.items() if s.is_required] == ["job-id", "thing-name"]
    assert specs["force"].is_boolean
    assert specs["expected-version"].type_name == "long"
    assert specs["status-details"].type_name == "map"
    assert specs["job-id"].member_name == "jobId"


def test_lists_take_several_words(environ):
    specs = table("ec2", "DescribeVpcs", environ)
    assert specs["vpc-ids"].nargs == "*"
    assert specs["filters"].nargs == "*"
    assert specs["max-results"].nargs is None


def test_idempotency_tokens_are_never_required(environ):
    specs = table("ec2", "RunInstances", environ)
    assert specs["client-token"].is_required is False
    assert specs["image-id"].is_required is False


def test_run_instances_takes_count_in_place_of_min_and_max(environ):
    specs = table("ec2", "RunInstances", environ)
    assert "min-count" not in specs and "max-count" not in specs
    count = specs["count"]
    assert (count.is_cli_only, count.is_required, count.type_name) == (True, False, "string")
    assert list(specs).index("count") < list(specs).index("cli-input-json")


def test_streaming_output_gets_outfile_and_no_skeleton(environ):
    model = models.load_operation("s3", "GetObject", environ)
    assert has_streaming_output(model, "GetObject")
    specs = build_arguments(model, "GetObject", "s3api")
    assert specs["outfile"].is_positional and specs["outfile"].is_required
    assert "generate-cli-skeleton" not in specs


def test_renamed_argument(environ):
    specs = table("ec2", "CreateImage", environ)
    assert specs["no-reboot"].negative_name == "reboot"


@pytest.mark.parametrize("api_name, expected", [
    ("CancelJobExecution", "cancel-job-execution"),
    ("DescribeDBInstances", "describe-db-instances"),
    ("ListHITsForQualificationType", "list-hits-for-qualification-type"),
    ("CreateCachediSCSIVolume", "create-cached-iscsi-volume"),
    ("GetARNs", "get-arns"),
])
def test_cli_names(api_name, expected):
    assert cli_name(api_name) == expected


def test_blob_payload_output_without_streaming_flag_gets_outfile(environ):
    # lambda invoke's Payload is a plain blob payload; botocore and v2 still stream it.
    specs = table("lambda", "Invoke", environ)
    assert specs["outfile"].is_positional
    assert "generate-cli-skeleton" not in specs


def test_hidden_alias_and_service_wide_rename(environ):
    specs = table("mgn", "StartTest", environ)
    assert specs["source-server-ids"].aliases == ("source-server-i-ds",)
    assert specs["source-server-ids"].is_required  # documented as required, as v2 does
    # aws-cli 1.x's aliases are gone from v2
    assert table("storagegateway", "DescribeTapes", environ)["tape-arns"].aliases == ()
    specs = table("ec2", "CreateNetworkAclEntry", environ)
    assert specs["egress"].negative_name == "ingress"


def test_rename_of_a_member_that_collides_with_a_global_option(environ):
    specs = table("stepfunctions", "SendTaskSuccess", environ)
    assert "task-output" in specs and "output" not in specs
    assert specs["task-output"].member_name == "output"


def test_ec2_boolean_structures_are_flags_too(environ):
    specs = table("ec2", "ModifyVpcAttribute", environ)
    dns = specs["enable-dns-hostnames"]
    assert (dns.is_boolean_structure, dns.nargs, dns.negative_name) == (
        True, "?", "no-enable-dns-hostnames")
    # a structure of one string `Value`, and the same shape in another service, are not
    assert not table("ec2", "ModifyInstanceAttribute", environ)["instance-type"].is_boolean_structure
    model = models.load_operation("ec2", "ModifyVpcAttribute", environ)
    elsewhere = build_arguments(model, "ModifyVpcAttribute", "not-ec2")
    assert not elsewhere["enable-dns-hostnames"].is_boolean_structure


def test_security_group_shortcuts_keep_what_they_stand_for_undocumented(environ):
    specs = table("ec2", "AuthorizeSecurityGroupIngress", environ)
    assert [name for name in ("protocol", "port", "cidr", "source-group", "group-owner")
            if specs[name].is_cli_only] == ["protocol", "port", "cidr", "source-group",
                                            "group-owner"]
    assert specs["cidr-ip"].is_documented is False and specs["cidr-ip"].member_name == "CidrIp"
    assert specs["group-id"].is_documented


def test_an_added_argument_is_documented_as_the_member_it_stands_for(tmp_path):
    from awsmini.custom import Customization

    environ = {"HOME": str(tmp_path)}
    model = models.load_operation("cloudsearch", "DefineIndexField", environ)
    record = Customization(added=(
        ArgSpec("facet", "", "", "boolean", is_cli_only=True, is_flag=False,
                documented_as="IndexField.IntOptions.FacetEnabled"),
        ArgSpec("nowhere", "", "", "string", is_cli_only=True, documented_as="IndexField.Nope")))
    table = build_arguments(model, "DefineIndexField", "cloudsearch", record)
    int_options = model.shape(model.shape("IndexField")["members"]["IntOptions"]["shape"])
    assert table["facet"].documentation == int_options["members"]["FacetEnabled"]["documentation"]
    assert table["facet"].documentation  # the model documents it
    assert table["nowhere"].documentation == ""
    assert not table["facet"].is_boolean  # given as a word, not as a flag
