"""`s3 ls`: buckets, or objects and common prefixes, printed as v2 prints them.

Takes the converted arguments and the run context; writes one line per bucket
(`2024-01-02 03:04:05 name`), per common prefix (`PRE name/`, right-aligned to
column 31) and per object (time, size right-aligned in 10 columns, name), with
times in the local zone, page by page as the listing arrives (v2's
`ListCommand` in `awscli/customizations/s3/subcommands.py`). Exit code 0; 1 when
a key or prefix was given and its first page is empty.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable, Mapping

from awsmini.commands import Context
from awsmini.commands.s3.paths import human_readable_size, split_s3_uri

PREFIX_COLUMN = 30
SIZE_COLUMN = 10


def run_ls(args: Mapping[str, Any], context: Context) -> int:
    bucket, key = split_s3_uri(args["paths"])
    client = context.client("s3")
    listing = _Listing(context, args["human-readable"])
    page_size = {"PageSize": args["page-size"]}
    if not bucket:
        params: dict[str, Any] = {"PaginationConfig": page_size}
        if args["bucket-name-prefix"]:
            params["Prefix"] = args["bucket-name-prefix"]
        if args["bucket-region"]:
            params["BucketRegion"] = args["bucket-region"]
        listing.buckets(_pages(client, "list_buckets", params))
    else:
        params = {"Bucket": bucket, "Prefix": key, "PaginationConfig": page_size}
        if not args["recursive"]:
            params["Delimiter"] = "/"
        if args["request-payer"]:
            params["RequestPayer"] = args["request-payer"]
        listing.objects(_pages(client, "list_objects_v2", params),
                        full_keys=bool(args["recursive"]))
    if args["summarize"]:
        listing.summary()
    # A key or prefix that matches nothing is rc 1; a bucket's or the account's empty
    # listing is not (the server reports a missing bucket itself).
    return 1 if key and listing.first_page_empty else 0


def _pages(client: Any, operation: str, params: dict) -> Iterable[dict]:
    from awsmini.call import translate_errors

    with translate_errors():
        yield from client.get_paginator(operation).paginate(**params)


class _Listing:
    def __init__(self, context: Context, human: bool) -> None:
        self.context = context
        self.human = human
        self.objects_seen = 0
        self.total_size = 0
        self.first_page_empty = False
        self.at_first_page = True

    def buckets(self, pages: Iterable[dict]) -> None:
        for page in pages:
            self.context.write("".join("%s %s\n" % (local_time(bucket["CreationDate"]),
                                                    bucket["Name"])
                                       for bucket in page.get("Buckets", [])))

    def objects(self, pages: Iterable[dict], full_keys: bool) -> None:
        for page in pages:
            prefixes = page.get("CommonPrefixes", [])
            contents = page.get("Contents", [])
            if not prefixes and not contents:
                self.first_page_empty = self.at_first_page
                continue
            lines = ["%s %s/\n" % ("PRE".rjust(PREFIX_COLUMN), entry["Prefix"].split("/")[-2])
                     for entry in prefixes]
            for entry in contents:
                self.total_size += int(entry["Size"])
                self.objects_seen += 1
                name = entry["Key"] if full_keys else entry["Key"].split("/")[-1]
                lines.append("%s %s %s\n" % (local_time(entry["LastModified"]),
                                             self.size(entry["Size"]).rjust(SIZE_COLUMN), name))
            self.context.write("".join(lines))
            self.at_first_page = False

    def size(self, size: int) -> str:
        return human_readable_size(size) if self.human else str(size)

    def summary(self) -> None:
        self.context.write("\nTotal Objects: %d\n   Total Size: %s\n"
                           % (self.objects_seen, self.size(self.total_size)))


def local_time(value: Any) -> str:
    """`YYYY-MM-DD HH:MM:SS` in the local time zone, from a datetime or an ISO 8601 string."""
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
