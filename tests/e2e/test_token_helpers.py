"""The login-token helpers end to end: `ecr`/`ecr-public get-login-password`, `eks
update-kubeconfig` and `get-token`, `rds generate-db-auth-token`, the dsql tokens and
`codecommit credential-helper`, as a script runs them, against moto_server (a stub server
for ecr-public, which moto lacks), with temporary HOMEs and kubeconfigs."""
from __future__ import annotations

import base64
import http.server
import json
import re
import stat
import subprocess
import threading
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from tests import forkserver
from tests.conftest import awsmini_executable, free_port, isolated_environ

ARN = "arn:aws:eks:us-east-1:123456789012:cluster/demo"


@pytest.fixture
def cli(tmp_path):
    """Run the installed awsmini in `tmp_path` (also HOME) with extra environment."""
    def run(*argv: str, env: dict | None = None, stdin: str | None = None
            ) -> subprocess.CompletedProcess:
        return forkserver.run(awsmini_executable(), argv, env=isolated_environ(tmp_path, env),
                              cwd=tmp_path, input=stdin)

    return run


@pytest.fixture
def cluster(cli, moto_reset):
    """A cluster `demo` in moto; returns the endpoint option to reach it."""
    made = cli("eks", "create-cluster", "--name", "demo", "--role-arn",
               "arn:aws:iam::123456789012:role/eks", "--resources-vpc-config",
               "subnetIds=subnet-1,subnet-2", "--endpoint-url", moto_reset)
    assert made.returncode == 0, made.stderr
    return ["--endpoint-url", moto_reset]


def _token_url(token: str) -> str:
    body = token[len("k8s-aws-v1."):]
    return base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode()


# ------------------------------------------------------------------ ecr

def test_ecr_get_login_password_prints_the_password(cli, moto_reset):
    result = cli("ecr", "get-login-password", "--endpoint-url", moto_reset)
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "123456789012-auth-token\n", "")


def test_ecr_get_login_password_errors(cli, moto_reset):
    bare = cli("ecr", "get-login-password", "--endpoint-url", moto_reset,
               env={"AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None})
    assert bare.returncode == 253 and "(NoCredentials)" in bare.stderr
    unknown = cli("ecr", "get-login-password", "--registry-ids", "1", "--endpoint-url", moto_reset)
    assert unknown.returncode == 252
    assert "Unknown options: --registry-ids,1" in unknown.stderr
    generic = cli("ecr", "describe-repositories", "--endpoint-url", moto_reset)
    assert generic.returncode == 0 and json.loads(generic.stdout) == {"repositories": []}


class _EcrPublic(http.server.BaseHTTPRequestHandler):
    seen: list = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.seen.append((self.headers.get("X-Amz-Target"), self.headers.get("Authorization")))
        token = base64.b64encode(b"AWS:public-secret").decode()
        body = json.dumps({"authorizationData": {"authorizationToken": token,
                                                 "expiresAt": 1700000000}}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/x-amz-json-1.1")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


def test_ecr_public_get_login_password(cli):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _EcrPublic)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        result = cli("ecr-public", "get-login-password", "--region", "us-east-1",
                     "--endpoint-url", "http://127.0.0.1:%d" % server.server_address[1])
    finally:
        server.shutdown()
    assert (result.returncode, result.stdout) == (0, "public-secret\n"), result.stderr
    target, authorization = _EcrPublic.seen[-1]
    assert target.endswith(".GetAuthorizationToken")
    assert "/us-east-1/ecr-public/aws4_request" in authorization


# ------------------------------------------------------ eks update-kubeconfig

EXISTING = (
    "apiVersion: v1\nclusters:\n- cluster:\n    server: https://existing.example.com\n"
    "  name: existing\ncontexts:\n- context:\n    cluster: existing\n    user: existing-user\n"
    "  name: existing-ctx\ncurrent-context: existing-ctx\nkind: Config\npreferences: {}\n"
    "users:\n- name: existing-user\n  user:\n    token: fake-token\n")


def test_merge_into_an_existing_kubeconfig_keeps_entries_and_permissions(cli, cluster, tmp_path):
    config = tmp_path / ".kube" / "config"
    config.parent.mkdir()
    config.write_text(EXISTING)
    config.chmod(0o640)
    result = cli("eks", "update-kubeconfig", "--name", "demo", "--alias", "dev", *cluster)
    assert (result.returncode, result.stdout) == (
        0, "Added new context dev to %s\n" % config), result.stderr
    content = yaml.safe_load(config.read_text())
    assert [c["name"] for c in content["clusters"]] == ["existing", ARN]
    assert [u["name"] for u in content["users"]] == ["existing-user", ARN]
    assert [c["name"] for c in content["contexts"]] == ["existing-ctx", "dev"]
    assert content["current-context"] == "dev"
    assert content["users"][0] == {"name": "existing-user", "user": {"token": "fake-token"}}
    assert stat.S_IMODE(config.stat().st_mode) == 0o640
    assert config.read_text().startswith(EXISTING.split("contexts:")[0])  # untouched part
    again = cli("eks", "update-kubeconfig", "--name", "demo", "--alias", "dev", *cluster)
    assert again.stdout == "Updated context dev in %s\n" % config
    assert yaml.safe_load(config.read_text()) == content
    assert list(tmp_path.joinpath(".kube").iterdir()) == [config]  # no temporary left


def test_kubeconfig_with_several_paths(cli, cluster, tmp_path):
    first, second = tmp_path / "first" / "config", tmp_path / "second"
    kubeconfig = "%s:%s" % (first, second)
    made = cli("eks", "update-kubeconfig", "--name", "demo", *cluster,
               env={"KUBECONFIG": kubeconfig})
    assert made.stdout == "Added new context %s to %s\n" % (ARN, first), made.stderr
    assert stat.S_IMODE(first.stat().st_mode) == 0o600
    assert not second.exists()
    # Once another path of the list has the cluster, that file is the one updated.
    first.rename(second)
    updated = cli("eks", "update-kubeconfig", "--name", "demo", *cluster,
                  env={"KUBECONFIG": kubeconfig})
    assert updated.stdout == "Updated context %s in %s\n" % (ARN, second), updated.stderr
    assert not first.exists()
    # --kubeconfig wins over the variable.
    chosen = cli("eks", "update-kubeconfig", "--name", "demo", "--kubeconfig", "kc", *cluster,
                 env={"KUBECONFIG": kubeconfig})
    assert chosen.stdout == "Added new context %s to %s\n" % (ARN, tmp_path / "kc")


@pytest.mark.parametrize("text, message", [
    ("clusters: [\n", "YamlError while loading kubeconfig: "),
    ("clusters: nope\n", "clusters is wrong type: <class 'str'> (Should be <class 'list'>)"),
    ("- just\n- a list\n", "Content not a <class 'dict'>."),
], ids=["yaml-syntax", "wrong-type", "not-a-mapping"])
def test_malformed_kubeconfig_is_refused_and_left_alone(cli, cluster, tmp_path, text, message):
    config = tmp_path / "kc"
    config.write_text(text)
    result = cli("eks", "update-kubeconfig", "--name", "demo", "--kubeconfig", "kc", *cluster)
    assert result.returncode == 255
    assert "[ERROR]: " + message in result.stderr
    assert "Traceback" not in result.stderr
    assert config.read_text() == text


def test_dry_run_prints_and_writes_nothing(cli, cluster, tmp_path):
    result = cli("eks", "update-kubeconfig", "--name", "demo", "--dry-run", *cluster)
    assert result.returncode == 0, result.stderr
    assert not (tmp_path / ".kube").exists()
    printed = yaml.safe_load(result.stdout)
    assert printed["current-context"] == ARN
    assert result.stdout.startswith("apiVersion: v1\nclusters:\n- cluster:\n"
                                    "    certificate-authority-data: ")


def test_verbose_role_and_profile(cli, cluster, tmp_path):
    (tmp_path / ".aws").mkdir()
    (tmp_path / ".aws" / "credentials").write_text(
        "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = s\n")
    result = cli("eks", "update-kubeconfig", "--name", "demo", "--role-arn",
                 "arn:aws:iam::123456789012:role/k8s", "--user-alias", "me", "--verbose",
                 "--profile", "dev", "--region", "us-east-1", *cluster)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    assert lines[0] == "Added new context me to %s" % (tmp_path / ".kube" / "config")
    assert lines[1:3] == ["Entries:", ""]
    user = yaml.safe_load(result.stdout.split("\n\n")[2])
    assert user["name"] == "me"
    assert user["user"]["exec"]["args"][-2:] == ["--role", "arn:aws:iam::123456789012:role/k8s"]
    assert user["user"]["exec"]["env"] == [{"name": "AWS_PROFILE", "value": "dev"}]


def test_a_symlinked_kubeconfig_stays_a_link(cli, cluster, tmp_path):
    (tmp_path / "real").write_text(EXISTING)
    (tmp_path / ".kube").mkdir()
    link = tmp_path / ".kube" / "config"
    link.symlink_to(tmp_path / "real")
    assert cli("eks", "update-kubeconfig", "--name", "demo", *cluster).returncode == 0
    assert link.is_symlink()
    assert ARN in (tmp_path / "real").read_text()


def test_missing_cluster_and_missing_name(cli, moto_reset, tmp_path):
    missing = cli("eks", "update-kubeconfig", "--name", "nope", "--endpoint-url", moto_reset)
    assert missing.returncode == 254 and "ResourceNotFoundException" in missing.stderr
    bare = cli("eks", "update-kubeconfig", "--endpoint-url", moto_reset)
    assert bare.returncode == 252
    assert "the following arguments are required: --name" in bare.stderr
    assert not (tmp_path / ".kube").exists()


# ------------------------------------------------------------ eks get-token

def test_get_token_offline(cli):
    # The closed endpoint shows that nothing is called.
    result = cli("eks", "get-token", "--cluster-name", "demo", "--endpoint-url",
                 "http://127.0.0.1:%d" % free_port(),
                 env={"KUBERNETES_EXEC_INFO": '{"apiVersion": "client.authentication.k8s.io/v1"}'})
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("}\n\n")
    document = json.loads(result.stdout)
    assert document["apiVersion"] == "client.authentication.k8s.io/v1"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ",
                        document["status"]["expirationTimestamp"])
    url = urlsplit(_token_url(document["status"]["token"]))
    assert url.netloc == "sts.us-east-1.amazonaws.com"
    assert parse_qs(url.query)["X-Amz-SignedHeaders"] == ["host;x-k8s-aws-id"]


def test_get_token_query_and_yaml(cli):
    token = cli("eks", "get-token", "--cluster-id", "abc", "--query", "status.token",
                "--output", "text")
    assert token.returncode == 0 and token.stdout.startswith("k8s-aws-v1.")
    assert token.stdout.endswith("\n\n")
    assert "X-Amz-Expires=60&" in _token_url(token.stdout.strip())
    as_yaml = cli("eks", "get-token", "--cluster-name", "demo", "--output", "yaml")
    assert yaml.safe_load(as_yaml.stdout)["kind"] == "ExecCredential"


def test_get_token_with_role_arn_signs_with_the_assumed_credentials(cli, moto_reset):
    result = cli("eks", "get-token", "--cluster-name", "demo", "--role-arn",
                 "arn:aws:iam::123456789012:role/k8s", env={"AWS_ENDPOINT_URL_STS": moto_reset})
    assert result.returncode == 0, result.stderr
    query = parse_qs(urlsplit(_token_url(json.loads(result.stdout)["status"]["token"])).query)
    assert not query["X-Amz-Credential"][0].startswith("AKIDTEST/")
    assert query["X-Amz-Security-Token"][0]


def test_get_token_errors(cli):
    neither = cli("eks", "get-token")
    assert (neither.returncode, neither.stdout, neither.stderr) == (
        1, "", "Either parameter --cluster-name or --cluster-id must be specified.\n")
    both = cli("eks", "get-token", "--cluster-name", "a", "--cluster-id", "b")
    assert both.returncode == 252 and 'The key "cluster_id" cannot be specified' in both.stderr
    no_credentials = cli("eks", "get-token", "--cluster-name", "a",
                         env={"AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None})
    assert no_credentials.returncode == 253 and "(NoCredentials)" in no_credentials.stderr


# ------------------------------------------------------------- rds and dsql

def test_rds_generate_db_auth_token(cli):
    result = cli("rds", "generate-db-auth-token", "--hostname", "db.example.com", "--port",
                 "5432", "--username", "admin", "--region", "eu-west-1")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(
        r"db\.example\.com:5432/\?Action=connect&DBUser=admin&X-Amz-Algorithm=AWS4-HMAC-SHA256"
        r"&X-Amz-Credential=AKIDTEST%2F\d{8}%2Feu-west-1%2Frds-db%2Faws4_request"
        r"&X-Amz-Date=\d{8}T\d{6}Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host"
        r"&X-Amz-Signature=[0-9a-f]{64}\n", result.stdout)


def test_rds_token_errors(cli):
    missing = cli("rds", "generate-db-auth-token", "--hostname", "h")
    assert missing.returncode == 252
    assert "the following arguments are required: --port, --username" in missing.stderr
    bad_port = cli("rds", "generate-db-auth-token", "--hostname", "h", "--port", "x",
                   "--username", "u")
    assert bad_port.returncode == 255 and "invalid literal for int()" in bad_port.stderr
    no_region = cli("rds", "generate-db-auth-token", "--hostname", "h", "--port", "1",
                    "--username", "u", env={"AWS_DEFAULT_REGION": None})
    assert no_region.returncode == 253 and "(NoRegion)" in no_region.stderr


@pytest.mark.parametrize("command, action", [
    ("generate-db-connect-auth-token", "DbConnect"),
    ("generate-db-connect-admin-auth-token", "DbConnectAdmin"),
])
def test_dsql_tokens(cli, command, action):
    default = cli("dsql", command, "--hostname", "abc.dsql.us-east-1.on.aws")
    assert default.returncode == 0, default.stderr
    assert default.stdout.startswith("abc.dsql.us-east-1.on.aws/?Action=%s&X-Amz-" % action)
    assert "%2Fus-east-1%2Fdsql%2Faws4_request" in default.stdout
    assert "&X-Amz-Expires=900&" in default.stdout
    short = cli("dsql", command, "--hostname", "h", "--expires-in", "60", "--region", "eu-west-2")
    assert "&X-Amz-Expires=60&" in short.stdout and "%2Feu-west-2%2F" in short.stdout


def test_offline_tokens_build_no_client(run_cli, monkeypatch):
    """The offline paths sign with botocore's signer alone: no client is created
    (counted by a pass-through wrapper around Session.create_client)."""
    import botocore.session

    made = []
    original = botocore.session.Session.create_client

    def counting(self, *args, **kwargs):
        made.append(args[0] if args else kwargs.get("service_name"))
        return original(self, *args, **kwargs)

    monkeypatch.setattr(botocore.session.Session, "create_client", counting)
    for argv in (["eks", "get-token", "--cluster-name", "demo"],
                 ["rds", "generate-db-auth-token", "--hostname", "h", "--port", "1",
                  "--username", "u"],
                 ["dsql", "generate-db-connect-auth-token", "--hostname", "h"]):
        result = run_cli(argv)
        assert result.exit_code == 0, result.stderr
    assert made == []


# --------------------------------------------------- codecommit credential-helper

GIT_INPUT = "protocol=https\nhost=git-codecommit.eu-west-1.amazonaws.com\npath=v1/repos/r\n\n"


def test_credential_helper_get(cli):
    result = cli("codecommit", "credential-helper", "get", stdin=GIT_INPUT)
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(r"username=AKIDTEST\npassword=\d{8}T\d{6}Z[0-9a-f]{64}\n",
                        result.stdout)
    with_token = cli("codecommit", "credential-helper", "get", stdin=GIT_INPUT,
                     env={"AWS_SESSION_TOKEN": "tok"})
    assert with_token.stdout.startswith("username=AKIDTEST%tok\npassword=")


def test_credential_helper_other_hosts_store_and_erase(cli):
    other = "protocol=https\nhost=github.com\npath=x\n"
    assert cli("codecommit", "credential-helper", "get", stdin=other).stdout == ""
    forced = cli("codecommit", "credential-helper", "get", "--ignore-host-check", stdin=other)
    assert forced.stdout.startswith("username=AKIDTEST\npassword=")
    for word in ("store", "erase"):
        done = cli("codecommit", "credential-helper", word, stdin=GIT_INPUT)
        assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    garbage = cli("codecommit", "credential-helper", "get", stdin="nonsense\n")
    assert garbage.returncode == 255 and "Traceback" not in garbage.stderr
    bare = cli("codecommit", "credential-helper")
    assert bare.returncode == 252 and "too few arguments" in bare.stderr
