"""`cloudfront sign`: the URL signed with a CloudFront key pair's private key, by
botocore's `CloudFrontSigner` with an RSA SHA-1 signer (awscrt's, as in v2), with a
canned policy, or a custom one when a start date or an IP address is given. Prints
the URL without a newline, as v2 does; nothing is sent."""
from __future__ import annotations

from typing import Any, Callable, Mapping

from awsmini.commands import Context
from awsmini.errors import AwsminiError, OtherError


def run(args: Mapping[str, Any], context: Context) -> int:
    from botocore.signers import CloudFrontSigner

    signer = CloudFrontSigner(args["key-pair-id"], _rsa_signer(args["private-key"]))
    less_than = _date(args["date-less-than"])
    greater_than = (None if args["date-greater-than"] is None
                    else _date(args["date-greater-than"]))
    if greater_than is not None or args["ip-address"] is not None:
        policy = signer.build_policy(args["url"], less_than, date_greater_than=greater_than,
                                     ip_address=args["ip-address"])
        url = signer.generate_presigned_url(args["url"], policy=policy)
    else:
        url = signer.generate_presigned_url(args["url"], date_less_than=less_than)
    context.write(url)
    return 0


def _rsa_signer(private_key: Any) -> Callable[[bytes], bytes]:
    """The key read first, as v2 reads it: a bad key is the error before a bad date."""
    from awsmini.rsakeys import load_private_key, sign_sha1

    pem = private_key if isinstance(private_key, bytes) else str(private_key).encode("utf-8")
    try:
        key = load_private_key(pem, "cloudfront sign")
    except AwsminiError:
        raise
    except Exception as error:  # awscrt's word for a key it cannot read; 255, as in v2
        raise OtherError(str(error)) from None
    return lambda message: sign_sha1(key, message)


def _date(text: str) -> Any:
    from botocore.utils import parse_to_aware_datetime

    try:
        return parse_to_aware_datetime(text)
    except (ValueError, TypeError, OverflowError) as error:
        raise OtherError(str(error)) from None
