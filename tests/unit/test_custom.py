"""custom/: the static index, lookup, and the stage that reads each record slot."""
from __future__ import annotations

import importlib
import importlib.util
import json
import os
import subprocess
import sys
from dataclasses import fields
from pathlib import Path

import pytest

import awsmini.custom
from awsmini import models, resolve
from awsmini.arguments import ArgSpec, build_arguments
from awsmini.argv_parse import ParsedArgs
from awsmini.custom import EMPTY, INDEX, Customization, DefaultPageSize, lookup
from awsmini.driver import request_parameters, unpack_parameters
from awsmini.env import Env
from awsmini.errors import UsageError
from awsmini.globalopts import parse_global_options
from awsmini.paginate import PagingArguments, PagingPlan, plan_paging
from awsmini.settings import Settings

PACKAGE = Path(awsmini.custom.__file__).parent
V2_TABLES = json.loads((Path(__file__).parent.parent / "data" / "v2_tables.json").read_text())


@pytest.fixture(scope="module")
def environ(tmp_path_factory) -> dict:
    cache = tmp_path_factory.mktemp("cache")
    return {"HOME": os.environ.get("HOME", "/"), "XDG_CACHE_HOME": str(cache)}


def service_module(service_cli: str):
    return importlib.import_module("awsmini.custom." + INDEX[service_cli])


# --------------------------------------------------------------- the index

def test_index_names_every_module_and_only_them():
    on_disk = {path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__"}
    assert set(INDEX.values()) == on_disk
    assert all(module == service.replace("-", "_").replace("lambda", "lambda_")
               for service, module in INDEX.items())


@pytest.mark.parametrize("service_cli", sorted(INDEX))
def test_modules_declare_records_in_their_fixed_places(service_cli):
    module = service_module(service_cli)
    assert all(isinstance(record, Customization) for record in module.OPERATIONS.values())
    # a service-wide record changes names and flags, never arguments or calls
    service = getattr(module, "SERVICE", EMPTY)
    assert (service.removed, service.undocumented, service.added, service.check,
            service.stops_paging, dict(service.call_defaults), service.default_page_size,
            service.before_call, service.after_call) == (
                (), (), (), None, (), {}, None, None, None)
    assert "awscli/customizations/" in module.__doc__  # the v2 source it follows


@pytest.mark.parametrize("service_cli", sorted(INDEX))
def test_records_name_operations_of_their_service(service_cli, environ):
    name = resolve.service_name(service_cli)
    if models.api_version(name, environ) is None:
        pytest.skip("%s is not in this botocore" % name)
    # or v2 names them already, for a model newer than this botocore's
    v2_named = {key.split(".")[1] for table in ("argument_renames", "hidden_aliases")
                for key in V2_TABLES[table] if key.startswith(service_cli + ".")}
    known = set(resolve.operation_table(name, environ)) | v2_named
    assert set(service_module(service_cli).OPERATIONS) <= known


def test_removed_and_undocumented_arguments_exist(environ):
    for operation, record in service_module("ec2").OPERATIONS.items():
        api_name = resolve.operation_table("ec2", environ)[operation]
        model = models.load_operation("ec2", api_name, environ)
        plain = build_arguments(model, api_name, "ec2", EMPTY)
        assert set(record.removed) | set(record.undocumented) <= set(plain), operation


# ------------------------------------------------------------------ lookup

def test_unknown_services_and_operations_get_the_service_record():
    assert lookup("not-a-service", "run-instances") is EMPTY
    assert lookup("iot", "list-things") is EMPTY
    assert lookup("ec2", "describe-vpcs") is service_module("ec2").SERVICE


def test_an_operation_record_extends_its_service_record():
    record = lookup("ec2", "create-image")
    assert dict(record.renames) == {"no-egress": "ingress",
                                    "no-disable-api-termination": "enable-api-termination",
                                    "no-no-reboot": "reboot"}
    assert record.has_boolean_flags
    assert lookup("ec2", "run-instances").call_defaults == {"MinCount": 1, "MaxCount": 1}


def test_lookup_imports_only_the_service_asked():
    script = ("import sys\nfrom awsmini.custom import lookup\nlookup('iot', 'list-things')\n"
              "lookup('not-a-service', 'x')\n"
              "print(' '.join(sorted(m for m in sys.modules if m.startswith('awsmini.custom'))))")
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=True).stdout.split()
    assert loaded == ["awsmini.custom", "awsmini.custom.iot"]


# --------------------------------------------- each slot and its one stage

def _fill(params: dict, raw: str) -> None:
    params["Filled"] = raw


def _refuse(options, members) -> None:
    if options.get("made") == "bad":
        raise ValueError("refused with %s" % ",".join(members))


def _table(environ, record: Customization, service="iot", api_name="CancelJobExecution"):
    return build_arguments(models.load_operation(service, api_name, environ), api_name, service,
                           record)


def test_arguments_read_the_table_slots(environ):
    specs = _table(environ, Customization(
        renames={"job-id": "the-job", "no-force": "keep"}, aliases={"thing-name": "thing"},
        removed=("expected-version",), undocumented=("status-details",),
        optional=("thing-name",), added=(ArgSpec("made", "", "", "string", is_cli_only=True),)))
    assert list(specs)[:4] == ["the-job", "thing-name", "force", "status-details"]
    assert specs["the-job"].is_required and not specs["thing-name"].is_required
    assert specs["the-job"].member_name == "jobId"
    assert specs["force"].negative_name == "keep"
    assert specs["thing-name"].aliases == ("thing",)
    assert not specs["status-details"].is_documented
    assert "expected-version" not in specs and specs["made"].is_cli_only


def test_arguments_read_the_boolean_flags_slot(environ):
    record = Customization(has_boolean_flags=True)
    specs = _table(environ, record, "ec2", "ModifyVpcAttribute")
    assert specs["enable-dns-hostnames"].is_boolean_structure
    assert not _table(environ, EMPTY, "ec2", "ModifyVpcAttribute")[
        "enable-dns-hostnames"].is_boolean_structure


def test_parameters_read_the_check_and_fills_slots():
    record = Customization(added=(ArgSpec("made", "", "", "string", is_cli_only=True,
                                          fills=_fill),), check=_refuse)
    env = Env()  # with no member arguments given, neither the command nor Env is read
    off = PagingPlan()
    assert unpack_parameters({}, ParsedArgs({}, {"made": "x"}), off, None, record, env) == {
        "Filled": "x"}
    assert unpack_parameters({}, ParsedArgs({}, {"made": None}), off, None, record, env) == {}
    with pytest.raises(ValueError):
        unpack_parameters({}, ParsedArgs({}, {"made": "bad"}), off, None, record, env)


def test_parameters_read_the_check_values_slot(environ):
    model = models.load_operation("iot", "ListThings", environ)
    command = resolve.Command("iot", "iot", "ListThings", model, ())
    seen = []

    def check_values(params):  # sees the model's arguments' values, before `fills`
        seen.append(dict(params))
        if params.get("thingTypeName") == "refused":
            raise ValueError("refused")

    record = Customization(check_values=check_values, added=(
        ArgSpec("made", "", "", "string", is_cli_only=True, fills=_fill),))
    specs = build_arguments(model, "ListThings", "iot", record)
    given = ParsedArgs({"thing-type-name": "t"}, {"made": "x"})
    assert unpack_parameters(specs, given, PagingPlan(), command, record, Env()) == {
        "thingTypeName": "t", "Filled": "x"}
    assert seen == [{"thingTypeName": "t"}]
    with pytest.raises(ValueError):
        unpack_parameters(specs, ParsedArgs({"thing-type-name": "refused"}, {}), PagingPlan(),
                          command, record, Env())


def test_call_reads_the_call_defaults_slot(environ):
    options, _ = parse_global_options(["iot"])
    model = models.load_operation("iot", "ListThings", environ)
    command = resolve.Command("iot", "iot", "ListThings", model, ())
    record = Customization(call_defaults={"maxResults": 5, "thingTypeName": "t"})
    assert request_parameters({"maxResults": 1}, command, record, options,
                              Settings(options, environ)) == {"maxResults": 1,
                                                              "thingTypeName": "t"}


def test_call_reads_the_adjust_slot(environ):
    options, _ = parse_global_options(["iot"])
    model = models.load_operation("iot", "ListThings", environ)
    command = resolve.Command("iot", "iot", "ListThings", model, ())
    record = Customization(adjust=lambda params: {"moved": params.pop("maxResults"), **params},
                           call_defaults={"thingTypeName": "t"})
    assert request_parameters({"maxResults": 1}, command, record, options,
                              Settings(options, environ)) == {"moved": 1, "thingTypeName": "t"}


def test_paging_reads_the_stops_paging_slot():
    config = {"input_token": "NextToken", "output_token": "NextToken", "result_key": "Names"}
    record = Customization(stops_paging=("old-token",))

    def plan(given):
        parsed = ParsedArgs(members={name: "x" for name in given})
        return plan_paging(PagingArguments(config), parsed, True, record.stops_paging)

    assert not plan(["old-token"]).is_enabled
    assert plan(["other"]).is_enabled


def test_kinesis_list_streams_old_token_is_undocumented_and_stops_paging(environ):
    record = lookup("kinesis", "list-streams")
    assert record.stops_paging == ("exclusive-start-stream-name",)
    specs = _table(environ, record, "kinesis", "ListStreams")
    assert not specs["exclusive-start-stream-name"].is_documented


def test_paging_reads_the_default_page_size_slot():
    from awsmini.paginate import with_default_page_size

    record = Customization(default_page_size=DefaultPageSize(50, allowed=("OwnerIds",)))

    def read(config, params):
        return with_default_page_size(config, params, record.default_page_size)

    assert read({"MaxItems": 3}, {"OwnerIds": ["self"], "DryRun": False}) == {
        "MaxItems": 3, "PageSize": 50}
    assert read({"PageSize": 7}, {}) == {"PageSize": 7}  # the one given wins
    assert read({}, {"Filters": []}) == {}  # any other parameter keeps the service's size
    assert with_default_page_size({}, {}, None) == {}


def test_help_reads_the_note_slot(environ):
    from awsmini.help import operation_help

    page = operation_help("ec2", ["authorize-security-group-egress"], environ)
    assert page.note == lookup("ec2", "authorize-security-group-egress").help_note
    assert operation_help("ec2", ["revoke-security-group-egress"], environ).note is None
    page = operation_help("s3api", ["select-object-content"], environ)
    assert page.output_note == lookup("s3api", "select-object-content").output_note
    assert page.output_note and "generates no output" in page.output_note
    page = operation_help("route53", ["create-hosted-zone"], environ)
    assert page.option_notes == lookup("route53", "create-hosted-zone").option_notes
    assert "PrivateZone" in page.option_notes["hosted-zone-config"]
    # a service's note is on every operation's page
    assert operation_help("iot-data", ["publish"], environ).note == lookup("iot-data", "").help_note
    page = operation_help("s3api", ["head-object"], environ)
    assert page.output_replacements["Expires"][0] == "ExpiresString"
    assert not operation_help("s3api", ["put-object"], environ).output_replacements


def test_sending_reads_the_before_and_after_call_slots(environ, moto_reset, monkeypatch):
    from awsmini.driver import send_request
    from awsmini.paginate import PagingPlan

    for name, value in (("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE"), ("AWS_SECRET_ACCESS_KEY", "s"),
                        ("AWS_DEFAULT_REGION", "us-east-1")):
        monkeypatch.setenv(name, value)
    options, _ = parse_global_options(["--endpoint-url", moto_reset, "iam"])
    model = models.load_operation("iam", "CreateUser", environ)
    command = resolve.Command("iam", "iam", "CreateUser", model, ())
    seen = []

    def before(params, given, call):  # another operation, then this one's parameters
        seen.append(call("ListUsers", {})["Users"])
        return {**params, "UserName": given["name-from"] + "-made"}

    def after(response, given, env):
        seen.append(env)
        return {"Made": response["User"]["UserName"], "Given": given["name-from"]}

    record = Customization(before_call=before, after_call=after)
    env = Env()
    [printed] = send_request(command, record, {"Path": "/"}, ParsedArgs({}, {"name-from": "u"}),
                             PagingPlan(), "json", options, Settings(options, environ), env)
    assert printed == {"Made": "u-made", "Given": "u"}
    assert seen == [[], env]


def test_sending_reads_the_endpoint_url_slot(environ):
    from awsmini.driver import send_request
    from awsmini.errors import ParamValidationError

    options, _ = parse_global_options(["cloudsearchdomain"])
    model = models.load_operation("cloudsearchdomain", "Search", environ)
    command = resolve.Command("cloudsearchdomain", "cloudsearchdomain", "Search", model, ())
    record = lookup("cloudsearchdomain", "search")
    assert record.requires_endpoint_url and not lookup("cloudsearch", "search").requires_endpoint_url
    with pytest.raises(ParamValidationError, match="--endpoint-url is required for "
                                                   "cloudsearchdomain commands"):
        send_request(command, record, {}, ParsedArgs({}, {}), PagingPlan(), "json", options,
                     Settings(options, environ), Env())


def test_arguments_read_the_hidden_members_and_documentation_slots(environ):
    from awsmini.help import operation_help

    model = models.load_operation("quicksight", "StartAssetBundleImportJob", environ)
    record = Customization(hidden_members={"asset-bundle-import-source": ("Body",)},
                           documentation_added={"asset-bundle-import-source": "<p>Added.</p>"})
    plain = build_arguments(model, "StartAssetBundleImportJob", "quicksight", EMPTY)
    table = build_arguments(model, "StartAssetBundleImportJob", "quicksight", record)
    spec = table["asset-bundle-import-source"]
    assert spec.hidden_members == ("Body",)
    assert spec.documentation == plain["asset-bundle-import-source"].documentation + "<p>Added.</p>"
    assert plain["asset-bundle-import-source"].hidden_members == ()
    # the page shows the structure without the hidden member
    page = operation_help("translate", ["import-terminology"], environ)
    [terminology] = [arg for arg in page.arguments if arg.cli_name == "terminology-data"]
    assert terminology.hidden_members == ("File",)


SLOT_TESTS = {
    "renames": test_arguments_read_the_table_slots,
    "aliases": test_arguments_read_the_table_slots,
    "has_boolean_flags": test_arguments_read_the_boolean_flags_slot,
    "removed": test_arguments_read_the_table_slots,
    "undocumented": test_arguments_read_the_table_slots,
    "optional": test_arguments_read_the_table_slots,
    "hidden_members": test_arguments_read_the_hidden_members_and_documentation_slots,
    "documentation_added": test_arguments_read_the_hidden_members_and_documentation_slots,
    "added": test_arguments_read_the_table_slots,
    "check": test_parameters_read_the_check_and_fills_slots,
    "stops_paging": test_paging_reads_the_stops_paging_slot,
    "adjust": test_call_reads_the_adjust_slot,
    "call_defaults": test_call_reads_the_call_defaults_slot,
    "default_page_size": test_paging_reads_the_default_page_size_slot,
    "check_values": test_parameters_read_the_check_values_slot,
    "help_note": test_help_reads_the_note_slot,
    "option_notes": test_help_reads_the_note_slot,
    "output_note": test_help_reads_the_note_slot,
    "output_replacements": test_help_reads_the_note_slot,
    "requires_endpoint_url": test_sending_reads_the_endpoint_url_slot,
    "before_call": test_sending_reads_the_before_and_after_call_slots,
    "after_call": test_sending_reads_the_before_and_after_call_slots,
}


def test_every_slot_has_a_reader_under_test():
    assert [field.name for field in fields(Customization)] == list(SLOT_TESTS)


# ------------------------------------- v2's tables, against their snapshot
# tests/data/v2_tables.json is written by scripts/snapshot_v2_tables.py from v2's source.

def _flattened(slot: str) -> dict[str, str]:
    """Every record's `slot` as v2 keys it: `<service>.<operation or *>.<argument>`."""
    found: dict[str, str] = {}
    for service_cli in INDEX:
        module = service_module(service_cli)
        records = {"*": getattr(module, "SERVICE", EMPTY), **module.OPERATIONS}
        for operation, record in records.items():
            if operation in getattr(module, "ADDED_OPERATIONS", {}):
                continue  # v2's own commands over an operation (rds.py), not argrename.py's
            for original, new in getattr(record, slot).items():
                found["%s.%s.%s" % (service_cli, operation, original)] = new
    return found


def test_renames_are_v2s_argument_renames():
    # awscli/customizations/argrename.py, ARGUMENT_RENAMES
    assert _flattened("renames") == V2_TABLES["argument_renames"]


def test_aliases_are_v2s_hidden_aliases():
    # awscli/customizations/argrename.py, HIDDEN_ALIASES
    assert _flattened("aliases") == V2_TABLES["hidden_aliases"]


def _replaced_operations(service_cli: str) -> set[str]:
    """The operations a service's added commands replace (rds's modify-option-group)."""
    added = awsmini.custom.added_operations(service_cli)
    return {resolve.cli_name(api_name) for api_name in added.values()}


def test_removed_operations_are_v2s_removals():
    # awscli/customizations/removals.py
    found = {service: [name for name in awsmini.custom.removed_operations(service)
                       if name not in _replaced_operations(service)] for service in INDEX}
    assert {service: names for service, names in found.items() if names} == V2_TABLES[
        "removed_operations"]
    assert awsmini.custom.removed_operations("not-a-service") == ()


def test_no_argument_is_exempt_from_paramfiles():
    # v2's awscli/paramfile.py loads `file://` for every argument (aws-cli 1.x had
    # PARAMFILE_DISABLED); so does values.paramfile, which keeps no such table.
    from awsmini.values import paramfile

    assert V2_TABLES["paramfile_exempt"] == []
    assert not [name for name in vars(paramfile) if "DISABLED" in name or "EXEMPT" in name]


def test_snapshot_is_what_the_script_reads_from_v2():
    source = Path("/tmp/v2")
    if not (source / "awscli" / "customizations" / "argrename.py").is_file():
        pytest.skip("no aws-cli v2 source at /tmp/v2")
    script = PACKAGE.parent.parent / "scripts" / "snapshot_v2_tables.py"
    spec = importlib.util.spec_from_file_location("snapshot_v2_tables", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.snapshot(source) == V2_TABLES


# ------------------------------------------------------ removed operations

@pytest.mark.parametrize("service_cli, operation", [
    ("emr", "add-job-flow-steps"), ("bedrock-runtime", "invoke-model-with-response-stream"),
    ("lambda", "invoke-with-response-stream"), ("kinesis", "subscribe-to-shard"),
], ids=["emr", "bedrock-runtime", "lambda", "kinesis"])
def test_removed_operations_are_unknown_to_resolve(service_cli, operation, environ):
    name = resolve.service_name(service_cli)
    assert operation in models.operation_cli_names(name, environ)  # the model has it
    assert operation not in resolve.operation_table(name, environ)
    with pytest.raises(UsageError, match="argument operation: Found invalid choice '%s'"
                       % operation):
        resolve.resolve_command(service_cli, [operation], environ)


def test_cloudwatch_splits_dimensions_on_commas_outside_quotes():
    from awsmini.custom.cloudwatch import split_on_commas

    assert split_on_commas('a=1,b="x,y",c=') == ["a=1", "b=x,y", "c="]
