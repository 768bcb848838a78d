"""The `configure` commands end to end: the installed `awsmini` in a temporary HOME, as a
script runs it (no terminal; piped stdin for the interactive form)."""
from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests import forkserver
from tests.conftest import awsmini_executable, isolated_environ

NO_KEYS = {"AWS_ACCESS_KEY_ID": None, "AWS_SECRET_ACCESS_KEY": None, "AWS_DEFAULT_REGION": None}


@pytest.fixture
def cli(tmp_path):
    def run(*argv: str, stdin: str | None = None, env: dict | None = None,
            prefix: tuple = ()) -> subprocess.CompletedProcess:
        if not prefix:
            return forkserver.run(awsmini_executable(), argv,
                                  env=isolated_environ(tmp_path, env), cwd=tmp_path, input=stdin)
        return subprocess.run(
            [*prefix, awsmini_executable(), *argv], env=isolated_environ(tmp_path, env),
            cwd=tmp_path, capture_output=True, text=True, input=stdin,
            stdin=None if stdin is not None else subprocess.DEVNULL, timeout=120)

    return run


def write(path: Path, text: str, mode: int = 0o600) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(mode)
    return path


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_set_creates_files_0600_and_get_reads_them_back(cli, tmp_path):
    assert cli("configure", "set", "region", "eu-west-1").returncode == 0
    assert cli("configure", "set", "aws_access_key_id", "AKIDNEW", "--profile", "dev").stdout == ""
    assert cli("configure", "set", "default.s3.max_concurrent_requests", "20").returncode == 0
    config, credentials = tmp_path / ".aws/config", tmp_path / ".aws/credentials"
    assert config.read_text() == "[default]\nregion = eu-west-1\ns3 =\n    max_concurrent_requests = 20\n"
    assert credentials.read_text() == "[dev]\naws_access_key_id = AKIDNEW\n"
    assert mode_of(config) == mode_of(credentials) == 0o600
    got = cli("configure", "get", "s3.max_concurrent_requests")
    assert (got.returncode, got.stdout, got.stderr) == (0, "20\n", "")
    assert cli("configure", "get", "dev.aws_access_key_id").stdout == "AKIDNEW\n"
    assert cli("configure", "get", "profile.dev.aws_access_key_id").stdout == "AKIDNEW\n"


def test_set_keeps_the_mode_of_an_existing_file(cli, tmp_path):
    config = write(tmp_path / ".aws/config", "[default]\n", 0o640)
    assert cli("configure", "set", "output", "json").returncode == 0
    assert mode_of(config) == 0o640 and config.read_text() == "[default]\noutput = json\n"


def test_get_unset_and_section_and_unknown_profile(cli, tmp_path):
    write(tmp_path / ".aws/config", "[default]\ns3 =\n    x = 1\n")
    unset = cli("configure", "get", "cli_pager")
    assert (unset.returncode, unset.stdout, unset.stderr) == (1, "", "")
    section = cli("configure", "get", "s3")
    assert (section.returncode, section.stdout) == (1, "")
    assert section.stderr == "varname (s3) must reference a value, not a section or sub-section."
    missing = cli("configure", "get", "region", "--profile", "nobody")
    assert missing.returncode == 255
    assert "The config profile (nobody) could not be found" in missing.stderr


def test_environment_names_the_files(cli, tmp_path):
    env = {"AWS_CONFIG_FILE": str(tmp_path / "c/conf"),
           "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "k/creds")}
    assert cli("configure", "set", "region", "ap-south-1", env=env).returncode == 0
    assert cli("configure", "set", "aws_secret_access_key", "s3cr3t", env=env).returncode == 0
    assert (tmp_path / "c/conf").read_text() == "[default]\nregion = ap-south-1\n"
    assert (tmp_path / "k/creds").read_text() == "[default]\naws_secret_access_key = s3cr3t\n"
    assert not (tmp_path / ".aws").exists()
    assert cli("configure", "get", "region", env=env).stdout == "ap-south-1\n"
    assert cli("configure", "list-profiles", env=env).stdout == "default\n"


def test_sso_session_and_services_subsections(cli, tmp_path):
    assert cli("configure", "set", "sso_region", "us-east-1", "--sso-session", "corp").returncode == 0
    assert cli("configure", "set", "s3.endpoint_url", "http://x", "--services", "local").returncode == 0
    assert (tmp_path / ".aws/config").read_text() == (
        "[sso-session corp]\nsso_region = us-east-1\n[services local]\ns3 =\n"
        "    endpoint_url = http://x\n")
    assert cli("configure", "get", "sso_region", "--sso-session", "corp").stdout == "us-east-1\n"
    both = cli("configure", "get", "x", "--sso-session", "a", "--services", "b")
    assert both.returncode == 252 and "cannot be specified" in both.stderr


def test_concurrent_sets_lose_no_write(cli, tmp_path):
    write(tmp_path / ".aws/config", "# mine\n[default]\nregion = us-east-1\n")
    env = isolated_environ(tmp_path)
    processes = [subprocess.Popen([awsmini_executable(), "configure", "set", "key%d" % i,
                                   "value%d" % i], env=env, cwd=tmp_path,
                                  stdin=subprocess.DEVNULL) for i in range(8)]
    assert [p.wait(timeout=120) for p in processes] == [0] * 8
    text = (tmp_path / ".aws/config").read_text()
    assert text.startswith("# mine\n[default]\nregion = us-east-1\n")
    assert sorted(text.splitlines()[3:]) == sorted("key%d = value%d" % (i, i) for i in range(8))
    assert sorted(os.listdir(tmp_path / ".aws")) == ["config"]  # no temporary file left


@pytest.mark.parametrize("text", ["region = x\n[default]\n", "[default\nregion = x\n",
                                  "[default]\nregion = \xff\n".encode("latin-1")],
                         ids=["no-header", "open-header", "not-utf8"])
def test_malformed_config_is_an_error_and_left_as_it_is(cli, tmp_path, text):
    config = tmp_path / ".aws/config"
    config.parent.mkdir()
    config.write_bytes(text if isinstance(text, bytes) else text.encode())
    before = config.read_bytes()
    for argv in (("set", "region", "y"), ("get", "region"), ("list-profiles",)):
        result = cli("configure", *argv)
        assert result.returncode == 255, argv
        assert "Unable to parse config file: %s" % config in result.stderr
        assert "Traceback" not in result.stderr
    assert config.read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file")
def test_unreadable_config_is_an_error(cli, tmp_path):
    config = write(tmp_path / ".aws/config", "[default]\nregion = a\n", 0o000)
    result = cli("configure", "set", "region", "b")
    assert result.returncode == 255 and "Permission denied" in result.stderr
    config.chmod(0o600)
    assert config.read_text() == "[default]\nregion = a\n"


def test_interactive_form_shows_masked_values_and_writes_what_changed(cli, tmp_path):
    first = cli("configure", stdin="AKIAEXAMPLEABCD\nsecretWXYZ\nus-west-2\n\n", env=NO_KEYS)
    assert first.returncode == 0, first.stderr
    assert first.stdout == (
        "\nTip: You can deliver temporary credentials to the AWS CLI using your AWS Console "
        "session by running the command 'aws login'.\n\n"
        "AWS Access Key ID [None]: AWS Secret Access Key [None]: "
        "Default region name [None]: Default output format [None]: ")
    credentials, config = tmp_path / ".aws/credentials", tmp_path / ".aws/config"
    assert credentials.read_text() == ("[default]\naws_access_key_id = AKIAEXAMPLEABCD\n"
                                       "aws_secret_access_key = secretWXYZ\n")
    assert config.read_text() == "[default]\nregion = us-west-2\n"
    credentials_before = credentials.stat().st_mtime_ns
    second = cli("configure", stdin="\n\n\njson\n", env=NO_KEYS)
    assert second.stdout == ("AWS Access Key ID [****************ABCD]: "
                             "AWS Secret Access Key [****************WXYZ]: "
                             "Default region name [us-west-2]: Default output format [None]: ")
    assert "secretWXYZ" not in second.stdout
    assert config.read_text() == "[default]\nregion = us-west-2\noutput = json\n"
    assert credentials.stat().st_mtime_ns == credentials_before  # nothing changed there


def test_interactive_form_of_a_profile_with_a_session_token(cli, tmp_path):
    cli("configure", "--profile", "dev", stdin="ASIATEMP00001111\nsecret\ntoken1\neu-west-1\n\n")
    credentials, config = tmp_path / ".aws/credentials", tmp_path / ".aws/config"
    assert credentials.read_text() == ("[dev]\naws_access_key_id = ASIATEMP00001111\n"
                                       "aws_secret_access_key = secret\n"
                                       "aws_session_token = token1\n")
    assert config.read_text() == "[profile dev]\nregion = eu-west-1\n"
    # a long-term key replaces the temporary one: its token goes
    result = cli("configure", "--profile", "dev", stdin="AKIALONGTERM2222\n\n\n\n")
    assert "AWS Session Token" not in result.stdout
    assert credentials.read_text() == ("[dev]\naws_access_key_id = AKIALONGTERM2222\n"
                                       "aws_secret_access_key = secret\n")


def test_interactive_form_at_the_end_of_stdin_keeps_everything(cli, tmp_path):
    write(tmp_path / ".aws/config", "[default]\nregion = a\n")
    result = cli("configure")
    assert result.returncode == 0
    assert (tmp_path / ".aws/config").read_text() == "[default]\nregion = a\n"
    assert not (tmp_path / ".aws/credentials").exists()


LIST_HEADER = "NAME       : VALUE                    : TYPE             : LOCATION\n"


def test_list_from_files_masks_keys(cli, tmp_path):
    write(tmp_path / ".aws/config", "[profile dev]\nregion = us-west-2\n")
    write(tmp_path / ".aws/credentials", "[dev]\naws_access_key_id = AKIDDEV1234\n"
          "aws_secret_access_key = devsecretvalue\n")
    result = cli("configure", "list", "--profile", "dev", env=NO_KEYS)
    assert result.returncode == 0, result.stderr
    assert result.stdout == LIST_HEADER + (
        "profile    : dev                      : manual           : --profile\n"
        "access_key : ****************1234     : shared-credentials-file : \n"
        "secret_key : ****************alue     : shared-credentials-file : \n"
        "region     : us-west-2                : config-file      : ~/.aws/config\n")
    assert "devsecretvalue" not in result.stdout + result.stderr


def test_list_of_a_credential_process_profile(cli, tmp_path):
    script = write(tmp_path / "creds.py", "import json\nprint(json.dumps({'Version': 1, "
                   "'AccessKeyId': 'AKIDPROC', 'SecretAccessKey': 'procsecret'}))\n")
    write(tmp_path / ".aws/config", "[profile proc]\ncredential_process = %s %s\n"
          % (sys.executable, script))
    result = cli("configure", "list", "--profile", "proc", "--debug", env=NO_KEYS)
    assert result.returncode == 0, result.stderr
    assert "access_key : ****************PROC     : custom-process   : \n" in result.stdout
    assert "procsecret" not in result.stdout + result.stderr


def test_list_without_credentials_or_region(cli):
    result = cli("configure", "list", env=NO_KEYS)
    assert result.stdout == LIST_HEADER + (
        "profile    : <not set>                : None             : None\n"
        "access_key : <not set>                : None             : None\n"
        "secret_key : <not set>                : None             : None\n"
        "region     : <not set>                : None             : None\n")


def test_list_profiles_from_both_files(cli, tmp_path):
    write(tmp_path / ".aws/config", "[default]\n[profile b]\n[sso-session s]\n[plugins]\n")
    write(tmp_path / ".aws/credentials", "[c]\n[b]\n")
    assert cli("configure", "list-profiles").stdout == "default\nb\nc\n"


def test_import_csv_with_prefix_and_skip_invalid(cli, tmp_path):
    (tmp_path / "keys.csv").write_text(
        "User name,Password,Access key ID,Secret access key,Console login link\n"
        "alice,,AKIDALICE,alicesecret,https://x\nbob,,,bobsecret,https://x\n")
    strict = cli("configure", "import", "--csv", "file://keys.csv")
    assert strict.returncode == 255
    assert 'Failed to parse entry #2: Row missing value for header "Access Key ID"' in strict.stderr
    assert not (tmp_path / ".aws/credentials").exists()
    result = cli("configure", "import", "--csv", "file://keys.csv", "--skip-invalid",
                 "--profile-prefix", "test-")
    assert (result.returncode, result.stdout) == (0, "Successfully imported 1 profile(s)\n")
    credentials = tmp_path / ".aws/credentials"
    assert credentials.read_text() == ("[test-alice]\naws_access_key_id = AKIDALICE\n"
                                       "aws_secret_access_key = alicesecret\n")
    assert mode_of(credentials) == 0o600


def test_import_of_a_path_without_file_prefix(cli, tmp_path):
    (tmp_path / "keys.csv").write_text("User name,Access key ID,Secret access key\na,b,c\n")
    result = cli("configure", "import", "--csv", "keys.csv")
    assert result.returncode == 255
    assert "without the 'file://' prefix" in result.stderr


def test_import_warns_about_a_readable_credentials_file(cli, tmp_path):
    write(tmp_path / ".aws/credentials", "[x]\n", 0o644)
    result = cli("configure", "import", "--csv", "User name,Access key ID,Secret access key\n"
                 "a,b,c\n")
    assert result.returncode == 0
    assert "is accessible by other users" in result.stderr


EXPORTS = {
    "process": '{\n  "Version": 1,\n  "AccessKeyId": "AKIDTEST",\n  "SecretAccessKey": "secret"\n}\n',
    "env": "export AWS_ACCESS_KEY_ID=AKIDTEST\nexport AWS_SECRET_ACCESS_KEY=secret\n",
    "env-no-export": "AWS_ACCESS_KEY_ID=AKIDTEST\nAWS_SECRET_ACCESS_KEY=secret\n",
    "powershell": '$Env:AWS_ACCESS_KEY_ID="AKIDTEST"\n$Env:AWS_SECRET_ACCESS_KEY="secret"\n',
    "windows-cmd": "set AWS_ACCESS_KEY_ID=AKIDTEST\nset AWS_SECRET_ACCESS_KEY=secret\n",
    "fish": 'set -gx AWS_ACCESS_KEY_ID "AKIDTEST"\nset -gx AWS_SECRET_ACCESS_KEY "secret"\n',
}


@pytest.mark.parametrize("form", sorted(EXPORTS))
def test_export_credentials_formats(cli, form):
    result = cli("configure", "export-credentials", "--format", form)
    assert (result.returncode, result.stdout, result.stderr) == (0, EXPORTS[form], "")


def test_export_credentials_through_assume_role(cli, tmp_path, moto_reset):
    write(tmp_path / ".aws/config", "[profile base]\naws_access_key_id = AKIDBASE\n"
          "aws_secret_access_key = basesecret\n[profile role]\n"
          "role_arn = arn:aws:iam::123456789012:role/test-role\nsource_profile = base\n"
          "region = us-east-1\nendpoint_url = %s\n" % moto_reset)
    result = cli("configure", "export-credentials", "--profile", "role", "--debug", env=NO_KEYS)
    assert result.returncode == 0, result.stderr[-2000:]
    document = json.loads(result.stdout)
    assert document["AccessKeyId"].startswith("ASIA") and document["SessionToken"]
    assert "Expiration" in document
    assert document["SecretAccessKey"] not in result.stderr
    assert document["SessionToken"] not in result.stderr


def test_export_credentials_of_a_process_profile_and_failures(cli, tmp_path):
    script = write(tmp_path / "creds.py", "import json\nprint(json.dumps({'Version': 1, "
                   "'AccessKeyId': 'AKIDPROC', 'SecretAccessKey': 'procsecret', "
                   "'SessionToken': 'tok', 'Expiration': '2099-01-01T00:00:00Z'}))\n")
    write(tmp_path / ".aws/config", "[profile proc]\ncredential_process = %s %s\n"
          "[profile loop]\ncredential_process = %s configure export-credentials "
          "--profile loop\n" % (sys.executable, script, awsmini_executable()))
    result = cli("configure", "export-credentials", "--profile", "proc", "--format", "env",
                 env=NO_KEYS)
    assert result.stdout == ("export AWS_ACCESS_KEY_ID=AKIDPROC\n"
                             "export AWS_SECRET_ACCESS_KEY=procsecret\n"
                             "export AWS_SESSION_TOKEN=tok\n"
                             "export AWS_CREDENTIAL_EXPIRATION=2099-01-01T00:00:00+00:00\n")
    loop = cli("configure", "export-credentials", "--profile", "loop", env=NO_KEYS)
    assert loop.returncode == 253 and "Unable to retrieve credentials" in loop.stderr
    none = cli("configure", "export-credentials", env=NO_KEYS)
    assert none.returncode == 253
    assert "Unable to retrieve credentials: no credentials found" in none.stderr
    bad = cli("configure", "export-credentials", "--format", "xml")
    assert bad.returncode == 252 and "invalid choice" in bad.stderr


MODEL = {"version": "2.0", "metadata": {"apiVersion": "2024-01-01", "endpointPrefix": "sts",
                                        "protocol": "json", "serviceId": "Mini Test",
                                        "signatureVersion": "v4", "jsonVersion": "1.0",
                                        "targetPrefix": "MiniTest"},
         "operations": {"Ping": {"name": "Ping", "http": {"method": "POST", "requestUri": "/"},
                                 "input": {"shape": "PingInput"}}},
         "shapes": {"PingInput": {"type": "structure", "members": {}}}}


def test_add_model_installs_a_service(cli, tmp_path):
    (tmp_path / "model.json").write_text(json.dumps(MODEL))
    named = cli("configure", "add-model", "--service-model", "file://model.json",
                "--service-name", "minitest")
    assert (named.returncode, named.stdout, named.stderr) == (0, "", "")
    path = tmp_path / ".aws/models/minitest/2024-01-01/service-2.json"
    assert json.loads(path.read_text()) == MODEL
    assert "ping" in cli("minitest", "help").stdout
    by_prefix = cli("configure", "add-model", "--service-model", "file://model.json")
    assert by_prefix.returncode == 0
    assert (tmp_path / ".aws/models/sts/2024-01-01/service-2.json").is_file()
    broken = cli("configure", "add-model", "--service-model", "{not json")
    assert broken.returncode == 255 and "Traceback" not in broken.stderr


def test_help_pages_and_the_s3_family_without_subcommand(cli):
    family = cli("configure", "help")
    assert family.returncode == 0
    assert "configure asks for four values" in family.stdout.replace("\n", " ").replace("  ", " ")
    for word in ("add-model", "export-credentials", "get", "import", "list", "list-profiles", "set"):
        assert "o %s" % word in family.stdout
        page = cli("configure", word, "help")
        assert page.returncode == 0 and page.stdout.lstrip().startswith(word.upper()), word
    assert "--sso-session" in cli("configure", "set", "help").stdout
    s3 = cli("s3")
    assert s3.returncode == 252 and "the following arguments are required" in s3.stderr


def test_unknown_words_are_usage_errors(cli):
    unknown = cli("configure", "sett", "region", "x")
    assert unknown.returncode == 252 and "Found invalid choice 'sett'" in unknown.stderr
    extra = cli("configure", "--bogus")
    assert extra.returncode == 252 and "Unknown options: --bogus" in extra.stderr
    missing = cli("configure", "set", "region")
    assert missing.returncode == 252 and "value" in missing.stderr


def test_secrets_stay_out_of_the_debug_log(cli, tmp_path):
    for argv in (("set", "aws_secret_access_key", "TOPSECRET42"),
                 ("set", "aws_session_token", "TOKENSECRET42"),
                 ("get", "aws_secret_access_key"), ("list",)):
        result = cli("configure", *argv, "--debug")
        assert result.returncode == 0, result.stderr
        assert "TOPSECRET42" not in result.stderr and "TOKENSECRET42" not in result.stderr
    assert "TOPSECRET42" not in cli("configure", "list").stdout


def test_get_imports_no_client_machinery(cli, tmp_path):
    write(tmp_path / ".aws/config", "[default]\nregion = eu-west-1\n")
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "awsmini", "configure",
                             "get", "region"], env=isolated_environ(tmp_path), cwd=tmp_path,
                            capture_output=True, text=True, timeout=60)
    assert result.stdout == "eu-west-1\n"
    imported = {line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    heavy = {"botocore.session", "botocore.client", "botocore.credentials", "botocore.endpoint",
             "botocore.configloader", "urllib3", "awsmini.call"}
    assert not heavy & imported


def test_config_path_that_is_a_directory_is_an_error(cli, tmp_path):
    (tmp_path / "confdir").mkdir()
    result = cli("configure", "set", "region", "b", env={"AWS_CONFIG_FILE": str(tmp_path / "confdir")})
    assert result.returncode == 255 and "Is a directory" in result.stderr
    assert "Traceback" not in result.stderr and os.listdir(tmp_path / "confdir") == []
