"""The config-file editor of `configure set`: text in, text out."""
from __future__ import annotations

import pytest

from awsmini.commands.configure.editor import InvalidValue, update_section

CASES = [
    ("new-file", "", "default", {"region": "us-west-2"},
     "[default]\nregion = us-west-2\n"),
    ("replace-in-place", "[default]\nregion = a\noutput = json\n", "default", {"region": "b"},
     "[default]\nregion = b\noutput = json\n"),
    ("append-at-end-of-last-section", "[default]\nregion = a\n", "default", {"output": "yaml"},
     "[default]\nregion = a\noutput = yaml\n"),
    ("append-before-next-section", "[default]\nregion = a\n\n[profile x]\nregion = b\n",
     "default", {"output": "text"},
     "[default]\nregion = a\noutput = text\n\n[profile x]\nregion = b\n"),
    ("comments-and-unknown-keys-kept",
     "# top\n[default]\n# about region\nregion = a\nunknown_key = kept\n; semi\n",
     "default", {"region": "b"},
     "# top\n[default]\n# about region\nregion = b\nunknown_key = kept\n; semi\n"),
    ("new-section-appended-without-blank-line", "[default]\nregion = a\n", "profile dev",
     {"output": "json"}, "[default]\nregion = a\n[profile dev]\noutput = json\n"),
    ("new-section-after-missing-newline", "[default]\nregion = a", "profile dev",
     {"output": "json"}, "[default]\nregion = a\n[profile dev]\noutput = json\n"),
    ("append-after-missing-newline", "[default]\nregion = a", "default", {"output": "json"},
     "[default]\nregion = a\noutput = json\n"),
    ("quoted-section-found", '[profile "my dev"]\nregion = a\n', "profile my dev",
     {"region": "b"}, '[profile "my dev"]\nregion = b\n'),
    ("commented-header-is-not-a-section", "# [default]\n", "default", {"region": "a"},
     "# [default]\n[default]\nregion = a\n"),
    ("new-subsection", "[default]\nregion = a\n", "default",
     {"s3": {"max_concurrent_requests": "20"}},
     "[default]\nregion = a\ns3 =\n    max_concurrent_requests = 20\n"),
    ("subsection-key-replaced-keeping-indent",
     "[default]\ns3 =\n  max_concurrent_requests = 20\nregion = a\n", "default",
     {"s3": {"max_concurrent_requests": "4"}},
     "[default]\ns3 =\n  max_concurrent_requests = 4\nregion = a\n"),
    ("subsection-key-added-after-its-last-line",
     "[default]\ns3 =\n    a = 1\nregion = x\n", "default", {"s3": {"b": "2"}},
     "[default]\ns3 =\n    a = 1\n    b = 2\nregion = x\n"),
    ("subsection-at-end-of-file", "[default]\ns3 =\n    a = 1", "default", {"s3": {"b": "2"}},
     "[default]\ns3 =\n    a = 1\n    b = 2\n"),
    ("subsection-header-is-last-line", "[default]\ns3 =\n", "default", {"s3": {"b": "2"}},
     "[default]\ns3 =\n    b = 2\n"),
    ("none-deletes-the-line", "[default]\naws_session_token = t\nx = 1\n", "default",
     {"aws_session_token": None}, "[default]\nx = 1\n"),
    ("only-the-named-section-changes", "[a]\nk = 1\n[b]\nk = 2\n", "b", {"k": "3"},
     "[a]\nk = 1\n[b]\nk = 3\n"),
    # v2 writes a new key after the line that follows the section's last option
    ("trailing-blank-lines-as-v2", "[default]\nregion = a\n\n\n", "default", {"x": "1"},
     "[default]\nregion = a\n\nx = 1\n\n"),
    ("section-without-options", "[default]\n\n[other]\nk = v\n", "default", {"x": "1"},
     "[default]\nx = 1\n\n[other]\nk = v\n"),
]


@pytest.mark.parametrize("text,section,values,expected", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_update_section(text, section, values, expected):
    assert update_section(text, section, values) == expected


def test_the_v2_recorded_preserving_edit():
    text = ("# top comment\n[default]\n# region comment\nregion = eu-west-1\nunknown_key = kept\n"
            "\n[profile prod]\nregion = us-east-2\n; semicolon\noutput = json\n\n"
            "[sso-session corp]\nsso_region = us-east-1\n")
    text = update_section(text, "default", {"region": "ap-south-1"})
    text = update_section(text, "profile prod", {"region": "sa-east-1"})
    text = update_section(text, "profile prod", {"newkey": "newvalue"})
    text = update_section(text, "profile brand-new", {"output": "table"})
    assert text == ("# top comment\n[default]\n# region comment\nregion = ap-south-1\n"
                    "unknown_key = kept\n\n[profile prod]\nregion = sa-east-1\n; semicolon\n"
                    "output = json\nnewkey = newvalue\n\n[sso-session corp]\n"
                    "sso_region = us-east-1\n[profile brand-new]\noutput = table\n")


@pytest.mark.parametrize("section,values,message", [
    ("default", {"region": "a\nb"}, "Invalid value for key region: newline"),
    ("default", {"s3": {"x": "a\rb"}}, "Invalid value for key s3: newline"),
    ("default", {"re\ngion": "a"}, "Invalid key: newline"),
    ("de\nfault", {"region": "a"}, "Invalid section name: newline"),
], ids=["value", "subvalue", "key", "section"])
def test_line_breaks_are_refused_without_quoting_the_value(section, values, message):
    with pytest.raises(InvalidValue) as raised:
        update_section("", section, values)
    assert str(raised.value).startswith(message)
    assert "a\nb" not in str(raised.value) and "a\rb" not in str(raised.value)
