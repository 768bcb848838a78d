"""`create-cluster --emrfs`: EMRFS settings as an `emrfs-site` configuration
(release-label clusters) or as bootstrap actions (AMI-based clusters).

Follows v2's `awscli/customizations/emr/emrfsutils.py`: the same checks, in
the same order and with the same messages, and the same property names. Pure.
"""
from __future__ import annotations

from typing import Any, Mapping, Sequence

from awsmini.commands.emr.steps import build_bootstrap_action, missing, s3_link
from awsmini.errors import ParamValidationError

SITE = "emrfs-site"
_KMS_PROVIDER = "com.amazon.ws.emr.hadoop.fs.cse.KMSEncryptionMaterialsProvider"
_CONSISTENT_CHILDREN = ("RetryCount", "RetryPeriod")
_KMS_REQUIRED = ("KMSKeyId",)
_CUSTOM_REQUIRED = ("CustomProviderLocation", "CustomProviderClass")
_CONSISTENT_NAME = "--emrfs Consistent=true/false"
_CSE_NAME = "--emrfs Encryption=ClientSide"
_KMS_NAME = "--emrfs Encryption=ClientSide,ProviderType=KMS"
_CUSTOM_NAME = "--emrfs Encryption=ClientSide,ProviderType=Custom"


def configuration(emrfs: Mapping[str, Any]) -> dict[str, Any]:
    """The `emrfs-site` Configuration of a release-label cluster."""
    _check(emrfs)
    properties: dict[str, Any] = dict(_properties(emrfs))
    if _is_cse(emrfs, "CUSTOM"):
        properties["fs.s3.cse.encryptionMaterialsProvider.uri"] = emrfs.get(
            "CustomProviderLocation")
    return {"Classification": SITE, "Properties": properties}


def bootstrap_actions(emrfs: Mapping[str, Any], region: str | None) -> list[dict[str, Any]]:
    """The bootstrap actions that set EMRFS up on an AMI-based cluster."""
    _check(emrfs)
    actions = []
    if _is_cse(emrfs, "CUSTOM"):  # the provider's JAR is copied to the nodes first
        actions.append(build_bootstrap_action(
            "file:/usr/share/aws/emr/scripts/s3get", "S3 get",
            ["-s", str(emrfs.get("CustomProviderLocation")), "-d",
             "/usr/share/aws/emr/auxlib", "-f"]))
    words: list[str] = []
    for key, value in _properties(emrfs).items():
        words += ["-e", "%s=%s" % (key, value) if value else key]
    actions.append(build_bootstrap_action(s3_link("/bootstrap-actions/configure-hadoop", region),
                                          "Setup EMRFS", words))
    return actions


def _check(emrfs: Mapping[str, Any]) -> None:
    encryption = str(emrfs.get("Encryption", "")).upper()
    if "Encryption" in emrfs and encryption not in ("CLIENTSIDE", "SERVERSIDE"):
        raise ParamValidationError('The encryption type "%s" is invalid. You must specify '
                                   'either ServerSide or ClientSide' % emrfs["Encryption"])
    if "SSE" in emrfs and "Encryption" in emrfs:
        raise ParamValidationError(
            "Both SSE=%s and Encryption=%s are configured for --emrfs. You must specify "
            "only one of the two." % (emrfs["SSE"], emrfs["Encryption"]))
    if "Encryption" in emrfs and encryption == "CLIENTSIDE":
        provider = str(emrfs.get("ProviderType", "")).upper()
        if "ProviderType" not in emrfs:
            raise missing(_CSE_NAME, "ProviderType")
        if provider not in ("KMS", "CUSTOM"):
            raise ParamValidationError('The client side encryption type "%s" is not '
                                       'supported. You must specify either KMS or Custom'
                                       % emrfs["ProviderType"])
        required, name = ((_KMS_REQUIRED, _KMS_NAME) if provider == "KMS"
                          else (_CUSTOM_REQUIRED, _CUSTOM_NAME))
        absent = sorted(set(required) - set(emrfs))
        if absent:
            raise missing(name, _join(absent))
    for present, children, name in (("Consistent" in emrfs, _CONSISTENT_CHILDREN,
                                     _CONSISTENT_NAME),
                                    (_is_cse(emrfs, "KMS"), _KMS_REQUIRED, _KMS_NAME),
                                    (_is_cse(emrfs, "CUSTOM"), _CUSTOM_REQUIRED, _CUSTOM_NAME)):
        given = sorted(set(children) & set(emrfs))
        if not present and given:
            raise ParamValidationError("%s is not specified. Thus,  following parameters "
                                       "are invalid: %s" % (name, _join(given)))


def _properties(emrfs: Mapping[str, Any]) -> dict[str, str]:
    properties: dict[str, str] = {}
    if "Consistent" in emrfs:
        properties["fs.s3.consistent"] = str(emrfs["Consistent"]).lower()
        if "RetryCount" in emrfs:
            properties["fs.s3.consistent.retryCount"] = str(emrfs["RetryCount"])
        if "RetryPeriod" in emrfs:
            properties["fs.s3.consistent.retryPeriodSeconds"] = str(emrfs["RetryPeriod"])
    if "SSE" in emrfs or str(emrfs.get("Encryption", "")).upper() == "SERVERSIDE":
        properties["fs.s3.enableServerSideEncryption"] = str(emrfs.get("SSE", True)).lower()
    for kind in ("KMS", "CUSTOM"):
        if _is_cse(emrfs, kind):
            properties["fs.s3.cse.enabled"] = "true"
            properties["fs.s3.cse.encryptionMaterialsProvider"] = (
                _KMS_PROVIDER if kind == "KMS" else emrfs["CustomProviderClass"])
            if kind == "KMS":
                properties["fs.s3.cse.kms.keyId"] = emrfs["KMSKeyId"]
    for word in emrfs.get("Args") or ():
        key, _, value = word.partition("=")
        properties[key] = value
    return properties


def _is_cse(emrfs: Mapping[str, Any], kind: str) -> bool:
    return (str(emrfs.get("Encryption", "")).upper() == "CLIENTSIDE"
            and str(emrfs.get("ProviderType", "")).upper() == kind)


def _join(values: Sequence[str]) -> str:
    """['a', 'b', 'c'] -> 'a, b and c' (v2's list in messages)."""
    if len(values) < 2:
        return "".join(values)
    return "%s and %s" % (", ".join(values[:-1]), values[-1])
