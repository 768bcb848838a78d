"""The test suite on every supported Python, one nox session each.

    nox                    # every version in PYTHONS found on PATH
    nox -s tests-3.9       # one version
    scripts/test --all-pythons   # the same, with pyenv's versions put on PATH

Each session installs the project (not editable) with its test extra into its own
virtual environment and runs the whole suite there; arguments after `--` go to pytest.
"""
from __future__ import annotations

import os

import nox

PYTHONS = ["3.9", "3.10", "3.11", "3.12", "3.13"]  # requires-python in pyproject.toml

nox.options.error_on_missing_interpreters = True
nox.options.reuse_existing_virtualenvs = True


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    session.install(".[test]")
    # the `crt` extra apart from the environment, for the tests that need it
    # (tests/conftest.py's awscrt fixture), as scripts/setup-env keeps it for .venv
    crt = os.path.join(session.virtualenv.location, "crt")
    if not os.path.isdir(os.path.join(crt, "awscrt")):
        session.install("--target", crt, "awscrt>=0.19")
    session.run("python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "auto",
                *session.posargs)
