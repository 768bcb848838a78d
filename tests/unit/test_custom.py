"""custom/: the static index and lookup."""
from __future__ import annotations

import importlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

import awsmini.custom
from awsmini import models, resolve
from awsmini.custom import EMPTY, INDEX, Customization, lookup

PACKAGE = Path(awsmini.custom.__file__).parent


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
            dict(service.call_defaults), service.help_note) == ((), (), (), None, {}, None)
    assert "awscli/customizations/" in module.__doc__  # the v2 source it follows


@pytest.mark.parametrize("service_cli", sorted(INDEX))
def test_records_name_operations_of_their_service(service_cli, environ):
    name = resolve.service_name(service_cli)
    if models.api_version(name, environ) is None:
        pytest.skip("%s is not in this botocore" % name)
    assert set(service_module(service_cli).OPERATIONS) <= set(resolve.operation_table(name, environ))


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
