"""ses send-email's simple options, end to end against moto_server."""
from __future__ import annotations

import json


def test_a_message_from_the_simple_options(aws):
    assert aws("ses", "verify-email-identity", "--email-address", "me@example.com").returncode == 0
    sent = aws("ses", "send-email", "--from", "me@example.com", "--to", "a@example.com",
               "b@example.com", "--cc", "c@example.com", "--subject", "Hello",
               "--text", "Plain body", "--html", "<p>HTML body</p>", "--debug")
    assert sent.returncode == 0, sent.stderr
    assert "MessageId" in json.loads(sent.stdout)
    [request] = [line for line in sent.stderr.splitlines()
                 if "Making request for OperationModel(name=SendEmail)" in line]
    for part in ("'Source': 'me@example.com'", "'Destination.ToAddresses.member.1': 'a@example.com'",
                 "'Destination.ToAddresses.member.2': 'b@example.com'",
                 "'Destination.CcAddresses.member.1': 'c@example.com'",
                 "'Message.Subject.Data': 'Hello'", "'Message.Body.Text.Data': 'Plain body'",
                 "'Message.Body.Html.Data': '<p>HTML body</p>'"):
        assert part in request


def test_from_is_required_and_the_shortcuts_do_not_mix(aws):
    missing = aws("ses", "send-email", "--to", "a@example.com", "--text", "t")
    assert missing.returncode == 252
    assert "the following arguments are required: --from" in missing.stderr
    mixed = aws("ses", "send-email", "--from", "me@example.com", "--to", "a@example.com",
                "--destination", "ToAddresses=b@example.com")
    assert mixed.returncode == 252
    assert mixed.stderr.splitlines()[1].endswith(
        'The key "to" cannot be specified when one of the following keys are also '
        'specified: destination')
