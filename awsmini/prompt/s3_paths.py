"""`s3://bucket/prefix` words of the hand-written `s3` commands -> the server's buckets
and keys, one directory level at a time.

`s3://par` lists the buckets (ListBuckets) and offers `s3://name/`; after the
bucket, the word's directory part is listed with `/` as delimiter
(ListObjectsV2), and its common prefixes (`s3://b/logs/`) and keys offered.
The calls go through `listing`, the prompt's server-side lookup: it answers at
once with what it has (nothing until the first answer arrives, then the
menu is redrawn) and asks the server once per directory and line options.
Pure apart from that lookup.
"""
from __future__ import annotations

from typing import Callable, Mapping, Sequence

from awsmini.prompt.candidates import Candidate, fuzzy_filter

S3 = "s3://"
# (service, operation API name, parameters, JMESPath expression, client options) -> values
Listing = Callable[[str, str, Mapping[str, str], str, Sequence[str]], Sequence[str]]
_ENTRIES = "[CommonPrefixes[].Prefix, Contents[].Key][]"


def candidates(word: str, client_args: Sequence[str], listing: Listing) -> list[Candidate]:
    """The buckets, prefixes and keys that may complete `word` (which starts `s3://`)."""
    bucket, slash, key = word[len(S3):].partition("/")
    if not slash:
        names = listing("s3", "ListBuckets", {}, "Buckets[].Name", client_args)
        return fuzzy_filter([Candidate("%s%s/" % (S3, name), display=name + "/")
                             for name in names], bucket, key=lambda c: c.label)
    directory, _, partial = key.rpartition("/")
    prefix = directory + "/" if directory else ""
    found = listing("s3", "ListObjectsV2", {"Bucket": bucket, "Prefix": prefix,
                                            "Delimiter": "/"}, _ENTRIES, client_args)
    entries = [Candidate("%s%s/%s" % (S3, bucket, name), display=name[len(prefix):])
               for name in found if name.startswith(prefix) and name != prefix]
    return fuzzy_filter(entries, partial, key=lambda c: c.label)
