"""`file://` and `fileb://` parameter values, read as AWS CLI v2 reads them.

Takes a raw command-line value and the `Env`; returns the file's text
(`file://`) or bytes (`fileb://`), or None when the value names no file.
The path after the prefix has `~` and `$VARIABLES` expanded and is relative to
the working directory. `http://` and `https://` values are not fetched: v2
leaves them as they are unless `cli_follow_urlparam` is set, and so do we.
All reading goes through `Env`; this module opens nothing itself.
"""
from __future__ import annotations

import re
from typing import Mapping, Union

from awsmini.env import Env

PREFIXES = ("file://", "fileb://")

# Arguments whose values are URLs or free text that merely look like paths:
# v2 never loads a file for them. Keyed `<service>.<operation>.<argument>` as in
# v2's event names, where the service is the hyphenated service id (`api-gateway`).
PARAMFILE_DISABLED = frozenset([
    "api-gateway.put-integration.uri",
    "api-gateway.create-integration.integration-uri",
    "api-gateway.update-integration.integration-uri",
    "api-gateway.create-api.target",
    "api-gateway.update-api.target",
    "appstream.create-stack.redirect-url",
    "appstream.create-stack.feedback-url",
    "appstream.update-stack.redirect-url",
    "appstream.update-stack.feedback-url",
    "cloudformation.create-stack.template-url",
    "cloudformation.update-stack.template-url",
    "cloudformation.create-stack-set.template-url",
    "cloudformation.update-stack-set.template-url",
    "cloudformation.create-change-set.template-url",
    "cloudformation.validate-template.template-url",
    "cloudformation.estimate-template-cost.template-url",
    "cloudformation.get-template-summary.template-url",
    "cloudformation.create-stack.stack-policy-url",
    "cloudformation.update-stack.stack-policy-url",
    "cloudformation.set-stack-policy.stack-policy-url",
    "cloudformation.update-stack.stack-policy-during-update-url",
    "cloudformation.register-type.schema-handler-package",
    "guardduty.create-ip-set.location",
    "guardduty.update-ip-set.location",
    "guardduty.create-threat-intel-set.location",
    "guardduty.update-threat-intel-set.location",
    "comprehend.detect-dominant-language.text",
    "comprehend.batch-detect-dominant-language.text-list",
    "comprehend.detect-entities.text",
    "comprehend.batch-detect-entities.text-list",
    "comprehend.detect-key-phrases.text",
    "comprehend.batch-detect-key-phrases.text-list",
    "comprehend.detect-sentiment.text",
    "comprehend.batch-detect-sentiment.text-list",
    "emr.create-studio.idp-auth-url",
    "iam.create-open-id-connect-provider.url",
    "machine-learning.predict.predict-endpoint",
    "mediatailor.put-playback-configuration.ad-decision-server-url",
    "mediatailor.put-playback-configuration.slate-ad-url",
    "mediatailor.put-playback-configuration.video-content-source-url",
    "rds.copy-db-cluster-snapshot.pre-signed-url",
    "rds.create-db-cluster.pre-signed-url",
    "rds.copy-db-snapshot.pre-signed-url",
    "rds.create-db-instance-read-replica.pre-signed-url",
    "sagemaker.create-notebook-instance.default-code-repository",
    "sagemaker.create-notebook-instance.additional-code-repositories",
    "sagemaker.update-notebook-instance.default-code-repository",
    "sagemaker.update-notebook-instance.additional-code-repositories",
    "serverlessapplicationrepository.create-application.home-page-url",
    "serverlessapplicationrepository.create-application.license-url",
    "serverlessapplicationrepository.create-application.readme-url",
    "serverlessapplicationrepository.create-application.source-code-url",
    "serverlessapplicationrepository.create-application.template-url",
    "serverlessapplicationrepository.create-application-version.source-code-url",
    "serverlessapplicationrepository.create-application-version.template-url",
    "serverlessapplicationrepository.update-application.home-page-url",
    "serverlessapplicationrepository.update-application.readme-url",
    "service-catalog.create-product.support-url",
    "service-catalog.update-product.support-url",
    "ses.create-custom-verification-email-template.failure-redirection-url",
    "ses.create-custom-verification-email-template.success-redirection-url",
    "ses.put-account-details.website-url",
    "ses.update-custom-verification-email-template.failure-redirection-url",
    "ses.update-custom-verification-email-template.success-redirection-url",
    "sqs.add-permission.queue-url",
    "sqs.change-message-visibility.queue-url",
    "sqs.change-message-visibility-batch.queue-url",
    "sqs.delete-message.queue-url",
    "sqs.delete-message-batch.queue-url",
    "sqs.delete-queue.queue-url",
    "sqs.get-queue-attributes.queue-url",
    "sqs.list-dead-letter-source-queues.queue-url",
    "sqs.receive-message.queue-url",
    "sqs.remove-permission.queue-url",
    "sqs.send-message.queue-url",
    "sqs.send-message-batch.queue-url",
    "sqs.set-queue-attributes.queue-url",
    "sqs.purge-queue.queue-url",
    "sqs.list-queue-tags.queue-url",
    "sqs.tag-queue.queue-url",
    "sqs.untag-queue.queue-url",
    "s3.copy-object.website-redirect-location",
    "s3.create-multipart-upload.website-redirect-location",
    "s3.put-object.website-redirect-location",
    "sns.subscribe.notification-endpoint",
    "iot.create-job.document-source",
    "translate.translate-text.text",
    "workdocs.create-notification-subscription.notification-endpoint",
])


class ParamFileError(Exception):
    """A `file://` or `fileb://` value whose file cannot be read; `str()` is v2's message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def is_paramfile_enabled(service: str, operation_cli_name: str, argument_cli_name: str) -> bool:
    """Whether v2 would load `file://` values for this argument (`service` as in event names)."""
    key = "%s.%s.%s" % (service, operation_cli_name, argument_cli_name)
    return key not in PARAMFILE_DISABLED


def load_paramfile(value: object, env: Env) -> Union[str, bytes, None]:
    """The contents `value` refers to, or None if it is not a `file://`/`fileb://` value.

    Raises ParamFileError when the file cannot be read or (for `file://`) is not
    UTF-8 text.
    """
    if not isinstance(value, str):
        return None
    if value.startswith("file://"):
        return _read(value, value[len("file://"):], env, binary=False)
    if value.startswith("fileb://"):
        return _read(value, value[len("fileb://"):], env, binary=True)
    return None


def _read(value: str, path: str, env: Env, binary: bool) -> Union[str, bytes]:
    path = expand_variables(env.path(path), env.environ)
    try:
        return env.read_bytes(path) if binary else env.read_text(path)
    except UnicodeDecodeError:
        raise ParamFileError(
            "Unable to load paramfile (%s), text contents could not be decoded.  If this is a "
            "binary file, please use the fileb:// prefix instead of the file:// prefix." % path)
    except OSError as error:
        raise ParamFileError("Unable to load paramfile %s: %s" % (value, error))


_VARIABLE = re.compile(r"\$(\w+|\{[^}]*\})", re.ASCII)


def expand_variables(path: str, environ: Mapping[str, str]) -> str:
    """`$NAME` and `${NAME}` replaced from `environ`; unknown names stay (os.path.expandvars)."""
    if "$" not in path:
        return path

    def replace(match: re.Match) -> str:
        name = match.group(1)
        if name.startswith("{"):
            name = name[1:-1]
        return environ.get(name, match.group(0))

    return _VARIABLE.sub(replace, path)
