"""v2's customizations of generic operations on the wire: the request a local server
receives (in-process runs against a recorder that answers with an empty result)."""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest

_EC2_EMPTY = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Response '
              b'xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"></Response>')
# a first page that says there are more (a paginating client asks again), then the last
_KINESIS_PAGES = {None: {"StreamNames": ["s2"], "HasMoreStreams": True, "NextToken": "page-2"},
                  "page-2": {"StreamNames": ["s3"], "HasMoreStreams": False}}


class _Recorder(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode("utf-8")
        if self.headers.get("X-Amz-Target"):  # the json protocol (kinesis)
            request = json.loads(body)
            self.server.requests.append(request)
            reply = json.dumps(_KINESIS_PAGES[request.get("NextToken")]).encode()
            kind = "application/x-amz-json-1.1"
        else:  # the query protocols (ec2's, and the others' with a result wrapper)
            form = {k: v[0] for k, v in parse_qs(body).items()}
            self.server.requests.append(form)
            reply, kind = _EC2_EMPTY, "text/xml"
            if form.get("Version") != "2016-11-15":
                reply = ("<{0}Response><{0}Result/></{0}Response>".format(form["Action"])
                         ).encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def requests(run_cli):
    """Run a command against the recorder; return the bodies of the requests it sent."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    httpd.requests = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()

    def run(*argv: str) -> list[dict]:
        endpoint = "http://127.0.0.1:%d" % httpd.server_address[1]
        result = run_cli([*argv, "--endpoint-url", endpoint])
        assert result.exit_code == 0, result.stderr
        sent, httpd.requests = httpd.requests, []
        return sent

    yield run
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def sent(requests):
    """The form of the one request an ec2 command sends."""
    def run(*argv: str) -> dict:
        found = requests("ec2", *argv)
        assert len(found) == 1
        return found[0]

    return run


# awscli/customizations/ec2/paginate.py
@pytest.mark.parametrize("argv, max_results", [
    (["describe-volumes"], "1000"),
    (["describe-volumes", "--max-items", "5"], "1000"),
    (["describe-volumes", "--page-size", "7"], "7"),
    (["describe-volumes", "--filters", "Name=status,Values=available"], None),
    (["describe-volumes", "--volume-ids", "vol-1"], None),
    (["describe-volumes", "--no-paginate"], None),
    (["describe-snapshots", "--owner-ids", "self"], "1000"),
    (["describe-snapshots", "--owner-ids", "self", "--snapshot-ids", "snap-1"], None),
    (["describe-vpcs"], None),
], ids=["volumes", "max-items", "page-size-given", "filtered", "by-id", "no-paginate",
        "snapshots-by-owner", "snapshots-by-id", "other-operation"])
def test_ec2_listings_ask_for_pages_of_1000(sent, argv, max_results):
    assert sent(*argv).get("MaxResults") == max_results


# awscli/customizations/paginate.py: a paging option of the same name as the operation's
# own argument (its limit key) shadows it while paginating; with pagination off (by
# --no-paginate, or a manual token or limit given) the operation's own comes back.
@pytest.mark.parametrize("argv, form", [
    (["iam", "list-users", "--max-items", "1"], {}),
    (["iam", "list-users", "--no-paginate", "--max-items", "1"], {"MaxItems": "1"}),
    (["iam", "list-users", "--marker", "m", "--max-items", "1"],
     {"Marker": "m", "MaxItems": "1"}),
    (["elbv2", "describe-load-balancers"], {}),
    (["elbv2", "describe-load-balancers", "--page-size", "5"], {"PageSize": "5"}),
], ids=["max-items-paging", "max-items-no-paginate", "max-items-with-marker",
        "page-size-absent", "page-size-own"])
def test_shadowed_paging_arguments_on_the_wire(requests, argv, form):
    found = requests(*argv)
    assert len(found) == 1
    assert {k: v for k, v in found[0].items() if k not in ("Action", "Version")} == form


# awscli/customizations/kinesis.py
def test_kinesis_list_streams_old_token_turns_pagination_off(requests):
    assert requests("kinesis", "list-streams", "--exclusive-start-stream-name", "s1") == [
        {"ExclusiveStartStreamName": "s1"}]
    assert requests("kinesis", "list-streams") == [{}, {"NextToken": "page-2"}]


# awscli/customizations/rekognition.py
@pytest.mark.parametrize("argv, sent_images", [
    (["recognize-celebrities", "--image-bytes", "fileb://photo.jpg"],
     {"Image": {"Bytes": "anBlZyBieXRlcw=="}}),
    (["detect-labels", "--image", "S3Object={Bucket=bkt,Name=k}"],
     {"Image": {"S3Object": {"Bucket": "bkt", "Name": "k"}}}),
    (["compare-faces", "--source-image-bytes", "fileb://photo.jpg",
      "--target-image", "S3Object={Bucket=bkt,Name=k}"],
     {"SourceImage": {"Bytes": "anBlZyBieXRlcw=="},
      "TargetImage": {"S3Object": {"Bucket": "bkt", "Name": "k"}}}),
], ids=["bytes", "structure-still-works", "compare-faces-both-ways"])
def test_rekognition_images_may_be_given_as_bytes(requests, home, argv, sent_images):
    (home / "photo.jpg").write_bytes(b"jpeg bytes")
    [request] = requests("rekognition", *argv)
    assert request == sent_images


# awscli/customizations/codedeploy/locationargs.py
@pytest.mark.parametrize("location, revision", [
    (["--s3-location", "bucket=b,key=app.zip,bundleType=zip,eTag=e1"],
     {"revisionType": "S3", "s3Location": {"bucket": "b", "key": "app.zip",
                                           "bundleType": "zip", "eTag": "e1"}}),
    (["--github-location", '{"repository": "o/r", "commitId": "abc"}'],
     {"revisionType": "GitHub", "gitHubLocation": {"repository": "o/r", "commitId": "abc"}}),
], ids=["s3-shorthand", "github-json"])
def test_deploy_locations_stand_for_the_revision(requests, location, revision):
    [request] = requests("deploy", "create-deployment", "--application-name", "app",
                         "--deployment-group-name", "g", *location)
    assert request == {"applicationName": "app", "deploymentGroupName": "g",
                       "revision": revision}


def test_an_s3_location_without_its_bundle_type_is_refused(run_cli):
    result = run_cli(["deploy", "create-deployment", "--application-name", "app",
                      "--s3-location", "bucket=b,key=k", "--endpoint-url", "http://127.0.0.1:9"])
    assert result.exit_code == 252
    assert result.stderr.splitlines()[1].endswith(
        "--s3-location must specify bucket, key and bundleType.")


# awscli/customizations/ec2/bundleinstance.py
def _signature(secret: str, policy_field: str) -> str:
    """What S3 checks: the HMAC-SHA1 of the policy's base64 (the form field as sent)."""
    import base64
    import hashlib
    import hmac

    return base64.b64encode(hmac.new(secret.encode(), policy_field.encode(),
                                     hashlib.sha1).digest()).decode()


def test_bundle_instance_makes_and_signs_the_upload_policy(sent):
    import base64
    import datetime

    before = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
    form = sent("bundle-instance", "--instance-id", "i-1", "--bucket", "bkt", "--prefix",
                "winami", "--owner-akid", "AKIDEXAMPLE", "--owner-sak", "SECRET")
    policy_field = form.pop("Storage.S3.UploadPolicy")
    policy = json.loads(base64.b64decode(policy_field))
    expires = datetime.datetime.strptime(policy.pop("expiration"), "%Y-%m-%dT%H:%M:%S.%fZ")
    assert datetime.timedelta(hours=24) <= expires - before < datetime.timedelta(hours=24,
                                                                                  minutes=1)
    assert policy == {"conditions": [{"bucket": "bkt"}, {"acl": "ec2-bundle-read"},
                                     ["starts-with", "$key", "winami"]]}
    assert form.pop("Storage.S3.UploadPolicySignature") == _signature("SECRET", policy_field)
    assert form == {"Action": "BundleInstance", "Version": "2016-11-15", "InstanceId": "i-1",
                    "Storage.S3.Bucket": "bkt", "Storage.S3.Prefix": "winami",
                    "Storage.S3.AWSAccessKeyId": "AKIDEXAMPLE"}  # the secret is not sent


def test_bundle_instance_signs_a_policy_given(sent):
    given = "eyJleHBpcmF0aW9uIjogIjIwMzAtMDEtMDFUMDA6MDA6MDBaIn0="  # base64, as blobs are
    form = sent("bundle-instance", "--instance-id", "i-1", "--bucket", "b", "--prefix", "p",
                "--policy", given, "--owner-sak", "SECRET")
    assert form["Storage.S3.UploadPolicy"] == given
    assert form["Storage.S3.UploadPolicySignature"] == _signature("SECRET", given)
    assert "Storage.S3.AWSAccessKeyId" not in form


def test_bundle_instance_storage_given_whole_is_sent_as_it_is(sent):
    form = sent("bundle-instance", "--instance-id", "i-1", "--storage",
                "S3={Bucket=b,Prefix=p,UploadPolicy=cG9saWN5,UploadPolicySignature=sig}")
    assert {key: value for key, value in form.items() if key.startswith("Storage")} == {
        "Storage.S3.Bucket": "b", "Storage.S3.Prefix": "p", "Storage.S3.UploadPolicy": "cG9saWN5",
        "Storage.S3.UploadPolicySignature": "sig"}


@pytest.mark.parametrize("argv, code, message", [
    (["--bucket", "b", "--storage", "S3={Bucket=b}"], 252,
     "Mixing the --storage option with the simple, scalar options is not recommended."),
    (["--bucket", "b"], 255, "'Prefix'"),
    ([], 255, "'Storage'"),
], ids=["mixed", "no-prefix", "nothing"])
def test_bundle_instance_refusals(run_cli, argv, code, message):
    result = run_cli(["ec2", "bundle-instance", "--instance-id", "i-1", *argv,
                      "--endpoint-url", "http://127.0.0.1:9"])
    assert result.exit_code == code
    assert result.stderr.strip().endswith(message)
