"""v2's customizations of single generic operations, against moto_server or offline:

- s3api select-object-content's `outfile` and its page; get-object's and
  head-object's `ExpiresString` (awscli/customizations/s3events.py)
- members moved to arguments of their own: translate, quicksight, lambda,
  configservice put-configuration-recorder; cloudsearch's flattened structures
- notes on pages: iot-data, route53 create-hosted-zone
- dynamodb paging over binary keys
- datapipeline's pipeline definitions
"""
from __future__ import annotations

import base64
import json
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

_SELECT = ["--expression", "SELECT * FROM S3Object", "--expression-type", "SQL",
           "--input-serialization", '{"CSV": {}}', "--output-serialization", '{"CSV": {}}']


@pytest.fixture
def s3(run_cli, moto_reset, home):
    def run(*argv: str):
        return run_cli(["s3api", *argv, "--endpoint-url", moto_reset])

    assert run("create-bucket", "--bucket", "select-bucket").exit_code == 0
    (home / "data.csv").write_text("a,b\n1,2\n3,4\n")
    assert run("put-object", "--bucket", "select-bucket", "--key", "data.csv",
               "--body", "data.csv").exit_code == 0
    return run


def test_select_object_content_writes_the_records_to_the_outfile(s3, home):
    result = s3("select-object-content", "--bucket", "select-bucket", "--key", "data.csv",
                *_SELECT, "records.csv")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    # (moto ends its records with an empty line)
    assert (home / "records.csv").read_text().strip().splitlines() == ["a,b", "1,2", "3,4"]


def test_select_object_content_error_writes_no_file(s3, home):
    result = s3("select-object-content", "--bucket", "select-bucket", "--key", "missing.csv",
                *_SELECT, "records.csv")
    assert result.exit_code == 254
    assert "(NoSuchKey) when calling the SelectObjectContent operation" in result.stderr
    assert not (home / "records.csv").exists()


def test_select_object_content_needs_its_outfile(run_cli):
    result = run_cli(["s3api", "select-object-content", "--bucket", "b", "--key", "k", *_SELECT])
    assert result.exit_code == 252
    assert "the following arguments are required: outfile" in result.stderr


@pytest.mark.parametrize("option", ["--cli-input-json", "--generate-cli-skeleton"])
def test_select_object_content_has_no_cli_input_nor_skeleton(run_cli, option):
    result = run_cli(["s3api", "select-object-content", "--bucket", "b", "--key", "k",
                      *_SELECT, "out.csv", option, "{}"])
    assert result.exit_code == 252
    assert "Unknown options: %s" % option in result.stderr


def test_select_object_content_page_says_it_prints_nothing(run_cli):
    page = run_cli(["s3api", "select-object-content", "help"]).stdout
    output = page[page.index("\nOUTPUT\n"):]
    assert "This command generates no output." in output
    assert "Records ->" not in output
    assert "outfile (string)" in page
    assert "[outfile" not in page  # required: not in brackets
    assert "--cli-input-json" not in page


@pytest.mark.parametrize("operation", ["get-object", "head-object"])
def test_expires_is_documented_as_deprecated_with_expires_string(run_cli, operation):
    page = run_cli(["s3api", operation, "help"]).stdout
    output = page[page.index("\nOUTPUT\n"):]
    expires = output.index("Expires -> (timestamp)")
    note = output.index("This member has been deprecated. Please use ExpiresString instead.")
    replacement = output.index("ExpiresString -> (string)")
    assert expires < note < replacement < output.index("WebsiteRedirectLocation ->")
    assert "The raw, unparsed value of the Expires field." in output


def test_other_pages_have_no_expires_string(run_cli):
    assert "ExpiresString" not in run_cli(["s3api", "put-object", "help"]).stdout


# ---- arguments moved out of a structure (translate.py, quicksight.py, awslambda.py,
# configservice/putconfigurationrecorder.py); the request as a loopback server sees it

class _JsonRecorder(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.server.requests.append((self.path, self.headers.get("X-Amz-Target"),
                                     json.loads(body or b"{}")))
        reply = getattr(self.server, "reply", b"{}")
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    do_PUT = do_POST

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def recorded(run_cli):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _JsonRecorder)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()

    def run(*argv: str, reply: dict | None = None):
        httpd.reply = json.dumps(reply or {}).encode()
        result = run_cli([*argv, "--endpoint-url", "http://127.0.0.1:%d" % httpd.server_address[1]])
        sent, httpd.requests = httpd.requests, []
        return result, [body for _, _, body in sent]

    yield run
    httpd.shutdown()
    httpd.server_close()


def test_import_terminology_sends_the_data_file_as_the_terminology_file(recorded, home):
    (home / "terms.csv").write_bytes(b"en,fr\nhi,salut\n")
    result, [body] = recorded("translate", "import-terminology", "--name", "n",
                              "--merge-strategy", "OVERWRITE", "--terminology-data", "Format=CSV",
                              "--data-file", "fileb://terms.csv")
    assert result.exit_code == 0, result.stderr
    assert body["TerminologyData"] == {
        "Format": "CSV", "File": base64.b64encode(b"en,fr\nhi,salut\n").decode()}


@pytest.mark.parametrize("argv, message", [
    (["import-terminology", "--name", "n", "--merge-strategy", "OVERWRITE",
      "--terminology-data", "Format=CSV,File=abc", "--data-file", "fileb://terms.csv"],
     "File cannot be provided as part of the '--terminology-data' argument. Please use the "
     "'--data-file' option instead to specify a file."),
    (["translate-document", "--document", "ContentType=text/plain,Content=abc",
      "--document-content", "fileb://terms.csv", "--source-language-code", "en",
      "--target-language-code", "fr"],
     "Content cannot be provided as a part of the '--document' argument. Please use the "
     "'--document-content' option instead to specify a file."),
    (["import-terminology", "--name", "n", "--merge-strategy", "OVERWRITE"],
     "the following arguments are required: --data-file"),
])
def test_translate_refuses_the_moved_member_in_its_old_place(recorded, home, argv, message):
    (home / "terms.csv").write_bytes(b"x")
    result, sent = recorded("translate", *argv)
    assert (result.exit_code, sent) == (252, [])
    assert "(ParamValidation): %s\n" % message in result.stderr


def test_translate_document_sends_the_content_file(recorded, home):
    (home / "doc.txt").write_bytes(b"hello")
    result, [body] = recorded("translate", "translate-document", "--document",
                              "ContentType=text/plain", "--document-content", "fileb://doc.txt",
                              "--source-language-code", "en", "--target-language-code", "fr")
    assert result.exit_code == 0, result.stderr
    assert body["Document"] == {"ContentType": "text/plain",
                                "Content": base64.b64encode(b"hello").decode()}


@pytest.mark.parametrize("operation, argument, member", [
    ("translate import-terminology", "--terminology-data", "File ->"),
    ("translate translate-document", "--document", "Content ->"),
    ("lambda create-function", "--code", "ZipFile ->"),
    ("lambda publish-layer-version", "--content", "ZipFile ->"),
    ("configservice put-configuration-recorder", "--configuration-recorder", "recordingGroup ->"),
])
def test_the_moved_member_is_left_out_of_its_old_argument_on_the_page(run_cli, operation,
                                                                      argument, member):
    page = run_cli([*operation.split(), "help"]).stdout
    options = page[page.index("\nOPTIONS\n"):page.index("\nGLOBAL OPTIONS\n")]
    assert "%s (structure)" % argument in options
    assert member not in options


def test_quicksight_bundle_bytes_go_into_the_import_source(recorded, home):
    (home / "bundle.zip").write_bytes(b"PK-bundle")
    result, [body] = recorded("quicksight", "start-asset-bundle-import-job",
                              "--aws-account-id", "123456789012",
                              "--asset-bundle-import-job-id", "job",
                              "--asset-bundle-import-source-bytes", "fileb://bundle.zip")
    assert result.exit_code == 0, result.stderr
    assert body["AssetBundleImportSource"] == {"Body": base64.b64encode(b"PK-bundle").decode()}


def test_quicksight_page_points_to_the_bytes_option(run_cli):
    page = run_cli(["quicksight", "start-asset-bundle-import-job", "help"]).stdout
    assert "[--asset-bundle-import-source <value>]" in page
    assert "[--asset-bundle-import-source-bytes <value>]" in page
    # (the page hyphenates "instead")
    assert "To give a local file, use --asset-bundle-import-source-bytes in" in " ".join(
        page.split())


def _zip(path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("handler.py", "def handler(event, context):\n    return 1\n")


@pytest.mark.parametrize("argv, message", [
    (["create-function", "--function-name", "f", "--role", "r", "--code", "ZipFile=abc"],
     "ZipFile cannot be provided as part of the --code argument.  Please use the "
     "'--zip-file' option instead to specify a zip file."),
    (["publish-layer-version", "--layer-name", "l", "--content", "ZipFile=abc"],
     "ZipFile cannot be provided as part of the --content argument.  Please use the "
     "'--zip-file' option instead to specify a zip file."),
    (["update-function-code", "--function-name", "f", "--zip-file", "abc"],
     "--zip-file must be a zip file with the fileb:// prefix.\n"
     "Example usage:  --zip-file fileb://path/to/file.zip"),
])
def test_lambda_refuses_zip_files_v2_refuses(recorded, argv, message):
    result, sent = recorded("lambda", *argv)
    assert (result.exit_code, sent) == (252, [])
    assert result.stderr.strip().endswith(message)


def test_update_function_code_sends_a_zip_file(recorded, home):
    _zip(home / "f.zip")
    result, [body] = recorded("lambda", "update-function-code", "--function-name", "f",
                              "--zip-file", "fileb://f.zip")
    assert result.exit_code == 0, result.stderr
    assert base64.b64decode(body["ZipFile"]) == (home / "f.zip").read_bytes()


def test_put_configuration_recorder_takes_the_recording_group_apart(run_cli, moto_reset):
    def config(*argv: str):
        return run_cli(["configservice", *argv, "--endpoint-url", moto_reset, "--output", "json"])

    put = config("put-configuration-recorder", "--configuration-recorder",
                 "name=default,roleARN=arn:aws:iam::123456789012:role/config-role",
                 "--recording-group", "allSupported=false,includeGlobalResourceTypes=false,"
                 "resourceTypes=AWS::EC2::Instance")
    assert put.exit_code == 0, put.stderr
    shown = config("describe-configuration-recorders")
    [recorder] = json.loads(shown.stdout)["ConfigurationRecorders"]
    assert recorder["name"] == "default"
    assert recorder["recordingGroup"]["allSupported"] is False
    assert recorder["recordingGroup"]["resourceTypes"] == ["AWS::EC2::Instance"]


def test_the_recording_group_is_documented_as_the_member(run_cli):
    page = " ".join(run_cli(["configservice", "put-configuration-recorder", "help"]).stdout.split())
    assert ("--recording-group (structure) Specifies which resource types are in scope for "
            "the configuration recorder to record.") in page


# ---- notes on pages (iot_data.py, route53.py)

@pytest.mark.parametrize("argv", [["iot-data", "help"], ["iot-data", "publish", "help"],
                                  ["iot-data", "get-thing-shadow", "help"]])
def test_every_iot_data_page_notes_the_custom_endpoint(run_cli, argv):
    page = run_cli(argv).stdout
    description = " ".join(page[page.index("\nDESCRIPTION\n"):].split())
    assert "NOTE: For production code, use the custom endpoint of your account" in description
    assert "iot-core.html#iot-core-data-plane-endpoints" in description


def test_other_services_pages_have_no_such_note(run_cli):
    assert "custom endpoint of your account" not in run_cli(["iot", "help"]).stdout
    assert "custom endpoint of your account" not in run_cli(
        ["iot", "describe-endpoint", "help"]).stdout


def test_hosted_zone_config_notes_private_zone_after_its_members(run_cli):
    page = run_cli(["route53", "create-hosted-zone", "help"]).stdout
    start = page.index("--hosted-zone-config (structure)")
    option = page[start:page.index("--delegation-set-id (string)", start)]
    assert option.index("PrivateZone -> (boolean)") < option.index(
        "\n       Note: do not give PrivateZone in this structure;")
    assert "do not give PrivateZone" not in run_cli(
        ["route53", "create-vpc-association-authorization", "help"]).stdout


# ---- dynamodb's paginator fix (awscli/customizations/dynamodb/paginatorfix.py): v2 leaves
# blobs as base64 text while parsing and so decodes LastEvaluatedKey's binary values before
# its paginator sends them back; awsmini parses blobs into bytes, so the key goes back as
# it came. Checked: every page of a table keyed by binary values, one item a page.

def test_paging_over_binary_keys_reaches_every_item(run_cli, moto_reset):
    def ddb(*argv: str):
        result = run_cli(["dynamodb", *argv, "--endpoint-url", moto_reset, "--output", "json"])
        assert result.exit_code == 0, result.stderr
        return result.stdout

    ddb("create-table", "--table-name", "binary-keys", "--billing-mode", "PAY_PER_REQUEST",
        "--attribute-definitions", "AttributeName=k,AttributeType=B",
        "--key-schema", "AttributeName=k,KeyType=HASH")
    keys = [base64.b64encode(bytes([n, 255])).decode() for n in range(1, 5)]
    for key in keys:
        ddb("put-item", "--table-name", "binary-keys", "--item", '{"k": {"B": "%s"}}' % key)
    scanned = json.loads(ddb("scan", "--table-name", "binary-keys", "--page-size", "1"))
    assert sorted(item["k"]["B"] for item in scanned["Items"]) == sorted(keys)
    first = json.loads(ddb("scan", "--table-name", "binary-keys", "--page-size", "1",
                           "--max-items", "2"))
    rest = json.loads(ddb("scan", "--table-name", "binary-keys", "--page-size", "1",
                          "--starting-token", first["NextToken"]))
    assert sorted(item["k"]["B"] for item in first["Items"] + rest["Items"]) == sorted(keys)


# ---- cloudsearch's flattened structures (cloudsearch.py, flatten.py), on the wire

class _FormRecorder(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        form = {key: values[0] for key, values in parse_qs(body).items()}
        self.server.requests.append(form)
        reply = ("<{0}Response><{0}Result/></{0}Response>".format(form["Action"])).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def form_sent(run_cli):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _FormRecorder)
    httpd.requests = []
    threading.Thread(target=httpd.serve_forever, daemon=True).start()

    def run(*argv: str):
        result = run_cli(["cloudsearch", *argv, "--domain-name", "movies", "--endpoint-url",
                          "http://127.0.0.1:%d" % httpd.server_address[1]])
        sent, httpd.requests = httpd.requests, []
        return result, {key: value for form in sent for key, value in form.items()
                        if key not in ("Action", "Version")}

    yield run
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("argv, form", [
    (["define-expression", "--name", "rank", "--expression", "_score*2"],
     {"DomainName": "movies", "Expression.ExpressionName": "rank",
      "Expression.ExpressionValue": "_score*2"}),
    (["define-index-field", "--name", "year", "--type", "int", "--default-value", "1970",
      "--facet-enabled", "true", "--sort-enabled", "false"],
     {"DomainName": "movies", "IndexField.IndexFieldName": "year",
      "IndexField.IndexFieldType": "int", "IndexField.IntOptions.DefaultValue": "1970",
      "IndexField.IntOptions.FacetEnabled": "true", "IndexField.IntOptions.SortEnabled": "false"}),
    (["define-index-field", "--name", "where", "--type", "latlon", "--return-enabled", "yes"],
     {"DomainName": "movies", "IndexField.IndexFieldName": "where",
      "IndexField.IndexFieldType": "latlon", "IndexField.LatLonOptions.ReturnEnabled": "true"}),
    (["define-index-field", "--name", "title", "--type", "text-array",
      "--highlight-enabled", "False", "--analysis-scheme", "en"],
     {"DomainName": "movies", "IndexField.IndexFieldName": "title",
      "IndexField.IndexFieldType": "text-array",
      "IndexField.TextArrayOptions.HighlightEnabled": "false",
      "IndexField.TextArrayOptions.AnalysisScheme": "en"}),
    (["define-index-field", "--name", "score", "--type", "double", "--default-value", "2"],
     {"DomainName": "movies", "IndexField.IndexFieldName": "score",
      "IndexField.IndexFieldType": "double", "IndexField.DoubleOptions.DefaultValue": "2.0"}),
], ids=["expression", "int", "latlon", "text-array", "double"])
def test_cloudsearch_flat_options_build_the_structure(form_sent, argv, form):
    result, sent = form_sent(*argv)
    assert result.exit_code == 0, result.stderr
    assert sent == form


@pytest.mark.parametrize("argv, missing", [
    (["define-index-field", "--name", "year"], "--type"),
    (["define-expression", "--expression", "1"], "--name"),
    (["define-index-field", "--index-field", "IndexFieldName=x,IndexFieldType=int"], "--name"),
])
def test_cloudsearch_flat_options_are_required_as_v2_requires_them(form_sent, argv, missing):
    result, sent = form_sent(*argv)
    assert (result.exit_code, sent) == (252, {})
    assert "required: %s" % missing in result.stderr or "Unknown options" in result.stderr


# ---- datapipeline's definitions (datapipeline/__init__.py, translator.py), against moto

_DEFINITION = {
    "objects": [
        {"id": "Default", "name": "Default", "scheduleType": "ondemand",
         "failureAndRerunMode": "CASCADE"},
        {"id": "Echo", "type": "ShellCommandActivity", "command": "echo #{myWord}",
         "runsOn": {"ref": "Machine"}, "dependsOn": [{"ref": "Default"}, {"ref": "Machine"}]},
    ],
    "parameters": [{"id": "myWord", "type": "String", "description": "a word"}],
    "values": {"myWord": "hello"},
}


@pytest.fixture
def pipeline(run_cli, moto_reset):
    def run(*argv: str):
        return run_cli(["datapipeline", *argv, "--endpoint-url", moto_reset, "--output", "json"])

    created = run("create-pipeline", "--name", "p", "--unique-id", "u")
    assert created.exit_code == 0, created.stderr
    return run, json.loads(created.stdout)["pipelineId"]


def test_a_definitions_objects_are_put_and_read_back_as_a_definition(pipeline, home):
    run, pipeline_id = pipeline
    (home / "definition.json").write_text(json.dumps(_DEFINITION))
    put = run("put-pipeline-definition", "--pipeline-id", pipeline_id,
              "--pipeline-definition", "file://definition.json")
    assert put.exit_code == 0, put.stderr
    got = run("get-pipeline-definition", "--pipeline-id", pipeline_id)
    assert got.exit_code == 0, got.stderr
    definition = json.loads(got.stdout)  # (moto keeps no parameters nor values)
    by_id = {element["id"]: element for element in definition["objects"]}
    assert by_id["Echo"] == {"id": "Echo", "name": "Echo", "command": "echo #{myWord}",
                             "dependsOn": [{"ref": "Default"}, {"ref": "Machine"}],
                             "runsOn": {"ref": "Machine"}, "type": "ShellCommandActivity"}
    assert by_id["Default"]["scheduleType"] == "ondemand"
    assert "pipelineObjects" not in definition


def test_a_definition_is_sent_as_the_api_takes_it(recorded, home):
    (home / "definition.json").write_text(json.dumps(_DEFINITION))
    result, [body] = recorded("datapipeline", "put-pipeline-definition", "--pipeline-id", "p",
                              "--pipeline-definition", "file://definition.json")
    assert result.exit_code == 0, result.stderr
    assert body["pipelineObjects"][1] == {"id": "Echo", "name": "Echo", "fields": [
        {"key": "command", "stringValue": "echo #{myWord}"},
        {"key": "dependsOn", "refValue": "Default"}, {"key": "dependsOn", "refValue": "Machine"},
        {"key": "runsOn", "refValue": "Machine"},
        {"key": "type", "stringValue": "ShellCommandActivity"}]}
    assert body["parameterObjects"] == [{"id": "myWord", "attributes": [
        {"key": "description", "stringValue": "a word"}, {"key": "type", "stringValue": "String"}]}]
    assert body["parameterValues"] == [{"id": "myWord", "stringValue": "hello"}]


def test_command_line_values_win_over_the_definitions(recorded, home):
    (home / "definition.json").write_text(json.dumps(_DEFINITION))
    result, [body] = recorded("datapipeline", "put-pipeline-definition", "--pipeline-id", "p",
                              "--pipeline-definition", "file://definition.json",
                              "--parameter-values", "myWord=bye", "myWord=again", "other=x",
                              "--parameter-objects", '{"parameters": [{"id": "other"}]}')
    assert result.exit_code == 0, result.stderr
    assert body["parameterValues"] == [{"id": "myWord", "stringValue": "bye"},
                                       {"id": "myWord", "stringValue": "again"},
                                       {"id": "other", "stringValue": "x"}]
    assert body["parameterObjects"] == [{"id": "other", "attributes": []}]


def test_get_pipeline_definition_prints_parameters_and_values_as_a_definition(recorded):
    reply = {"pipelineObjects": [{"id": "A", "name": "A", "fields": [
        {"key": "k", "stringValue": "1"}, {"key": "k", "stringValue": "2"},
        {"key": "r", "refValue": "B"}]}],
        "parameterObjects": [{"id": "p", "attributes": [{"key": "type", "stringValue": "String"}]}],
        "parameterValues": [{"id": "p", "stringValue": "x"}, {"id": "p", "stringValue": "y"}]}
    result, _ = recorded("datapipeline", "get-pipeline-definition", "--pipeline-id", "p",
                         "--output", "json", reply=reply)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {
        "objects": [{"id": "A", "name": "A", "k": ["1", "2"], "r": {"ref": "B"}}],
        "parameters": [{"id": "p", "type": "String"}], "values": {"p": ["x", "y"]}}


@pytest.mark.parametrize("argv, code, message", [
    (["--pipeline-definition", '{"x": 1}'], 252,
     'Error in pipeline definition: Missing "objects" key'),
    (["--pipeline-definition", '{"objects": [{"name": "n"}]}'], 252,
     'Error in pipeline definition: Missing "id" key of element: {"name": "n"}'),
    (["--pipeline-definition", "{bad"], 255,
     "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
    (["--pipeline-definition", '{"objects": []}', "--parameter-values", "novalue"], 252,
     "Error in parameter: Invalid inline parameter format: novalue"),
    (["--pipeline-definition", '{"objects": []}', "--parameter-values", "a=1",
      "--parameter-values-uri", '{"values": {"a": "2"}}'], 252,
     "Only parameter-values or parameter-values-uri is allowed"),
    # v2 names the missing definition first
    (["--pipeline-objects", "[]"], 252,
     "the following arguments are required: --pipeline-definition"),
    (["--pipeline-definition", '{"objects": []}', "--pipeline-objects", "[]"], 252,
     "Unknown options: --pipeline-objects, []"),
])
def test_put_pipeline_definition_refusals(run_cli, argv, code, message):
    result = run_cli(["datapipeline", "put-pipeline-definition", "--pipeline-id", "p", *argv,
                      "--region", "us-east-1"])
    assert result.exit_code == code
    assert message in result.stderr


def test_activate_pipeline_takes_parameter_values_words(pipeline, home):
    run, pipeline_id = pipeline
    (home / "definition.json").write_text(json.dumps(_DEFINITION))
    assert run("put-pipeline-definition", "--pipeline-id", pipeline_id,
               "--pipeline-definition", "file://definition.json").exit_code == 0
    activated = run("activate-pipeline", "--pipeline-id", pipeline_id,
                    "--parameter-values", "myWord=hi")
    assert activated.exit_code == 0, activated.stderr


def test_get_pipeline_definition_page_documents_the_definition(run_cli):
    page = run_cli(["datapipeline", "get-pipeline-definition", "help"]).stdout
    output = " ".join(page[page.index("\nOUTPUT\n"):].split())
    assert output.startswith("OUTPUT The output of this command is the pipeline definition")
    assert "pipelineObjects" not in output
