"""`s3`: v2's hand-written commands for buckets and objects, declared as data.

The arguments, their order and their types follow v2's `awscli/customizations/
s3/subcommands.py` (its ARG_TABLEs, TRANSFER_ARGS and the sync strategies' options
from `syncstrategy/`); the help text is awsmini's own. Nothing here imports
botocore or s3transfer: each command's run lives in a sibling module, imported
only when the command runs.
"""
from __future__ import annotations

from typing import Any

from awsmini.arguments import ArgSpec
from awsmini.commands import CustomCommand, flag, option

DESCRIPTION = (
    "<p>High-level commands for Amazon S3: list buckets and objects, copy, move and delete "
    "files and objects, keep a directory and a prefix in step, make and remove buckets, "
    "share an object through a presigned URL, and configure a bucket's website.</p>"
    "<p>A path is either local (<code>a.txt</code>, <code>./dir/</code>, <code>/tmp/x</code>) "
    "or an S3 URI, <code>s3://bucket/key</code>; <code>-</code> stands for standard input or "
    "output in <code>cp</code>. With <code>--recursive</code>, and always in <code>sync</code>, "
    "a path names a directory or a key prefix, and <code>--exclude</code> and "
    "<code>--include</code> filters, applied in the order given (the last one that matches "
    "decides), choose what is transferred. Patterns are matched against the whole path: "
    "<code>*</code> matches everything, <code>?</code> one character, <code>[seq]</code> one "
    "character of seq and <code>[!seq]</code> one character not in seq.</p>"
    "<p>Transfers honour the profile's <code>s3</code> settings (max_concurrent_requests, "
    "max_queue_size, multipart_threshold, multipart_chunksize, max_bandwidth, "
    "addressing_style, use_accelerate_endpoint, payload_signing_enabled, "
    "preferred_transfer_client).</p>")


def _flag(name: str, documentation: str, negative: str | None = None,
          default: Any = None) -> ArgSpec:
    return flag(name, documentation, negative, default)


def _paths(nargs: Any, name: str = "paths", default: Any = None) -> ArgSpec:
    """The positional words; the command's `usage` documents them (as in v2's synopsis)."""
    return ArgSpec(name, "", "", "string", is_required=default is None, is_positional=True,
                   is_cli_only=True, nargs=nargs, default=default)


TRANSFER_USAGE = "<LocalPath> <S3Uri> or <S3Uri> <LocalPath> or <S3Uri> <S3Uri>"
S3_URI = "<S3Uri>"

DRYRUN = _flag("dryrun", "Print what the command would do, and do nothing.")
QUIET = _flag("quiet", "Print nothing about what the command does, failures included.")
INCLUDE = option("include", "Take back files or objects that match the pattern, which an "
                  "earlier <code>--exclude</code> left out. Filters apply in the order given.",
                  dest="filters")
EXCLUDE = option("exclude", "Leave out files or objects that match the pattern. Filters "
                  "apply in the order given; the last filter that matches a path decides.",
                  dest="filters")
ACL = option("acl", "The canned ACL given to each object written (it needs the "
              "s3:PutObjectAcl permission).", choices=(
                  "private", "public-read", "public-read-write", "authenticated-read",
                  "aws-exec-read", "bucket-owner-read", "bucket-owner-full-control",
                  "log-delivery-write"))
FOLLOW_SYMLINKS = _flag("follow-symlinks", "Upload what a symbolic link points to, under the "
                        "link's name (the default); <code>--no-follow-symlinks</code> skips "
                        "links. Only uploads from the local file system look at links.",
                        negative="no-follow-symlinks", default=True)
NO_GUESS_MIME_TYPE = _flag("no-guess-mime-type", "Send no Content-Type guessed from the file "
                           "name. Without it, an upload's type is guessed from its name.")
SSE = option("sse", "Encrypt the object on the server side: <code>AES256</code> (the value "
              "when none is given) or <code>aws:kms</code>.", nargs="?", const="AES256",
              choices=("AES256", "aws:kms"))
SSE_C = option("sse-c", "Encrypt the object on the server side with a key you provide in "
                "<code>--sse-c-key</code>; <code>AES256</code> (the value when none is given) "
                "is the only algorithm.", nargs="?", const="AES256", choices=("AES256",))
SSE_C_KEY = option("sse-c-key", "The key for <code>--sse-c</code>, not base64-encoded "
                    "(<code>fileb://</code> reads it from a file).", type_name="blob")
SSE_KMS_KEY_ID = option("sse-kms-key-id", "The customer managed AWS KMS key that encrypts the "
                         "object, for <code>--sse aws:kms</code>; leave it out for the AWS "
                         "managed key.")
SSE_C_COPY_SOURCE = option("sse-c-copy-source", "For an S3 to S3 copy of an object encrypted "
                            "with a key you provide: the algorithm (<code>AES256</code>, the "
                            "value when none is given); its key goes in "
                            "<code>--sse-c-copy-source-key</code>.", nargs="?", const="AES256",
                            choices=("AES256",))
SSE_C_COPY_SOURCE_KEY = option("sse-c-copy-source-key", "The key the source object was "
                                "encrypted with, for <code>--sse-c-copy-source</code>, not "
                                "base64-encoded.", type_name="blob")
STORAGE_CLASS = option("storage-class", "The storage class of each object written; "
                        "STANDARD unless given.", choices=(
                            "STANDARD", "REDUCED_REDUNDANCY", "STANDARD_IA", "ONEZONE_IA",
                            "INTELLIGENT_TIERING", "GLACIER", "DEEP_ARCHIVE", "GLACIER_IR"))
GRANTS = option("grants", "<p>Grants for each object written, as "
                 "<code>Permission=Grantee_Type=Grantee_ID</code>; several grantees of one "
                 "permission are separated by commas. Permission is <code>read</code>, "
                 "<code>readacl</code>, <code>writeacl</code> or <code>full</code>; Grantee_Type "
                 "is <code>uri</code> (a group's URI) or <code>id</code> (an account's canonical "
                 "ID).</p>", nargs="+")
WEBSITE_REDIRECT = option("website-redirect", "Where a website bucket redirects requests for "
                           "the object: another key of the bucket or an outside URL.")
CONTENT_TYPE = option("content-type", "The Content-Type of each object written, in place of "
                       "the one guessed from its name.")
CACHE_CONTROL = option("cache-control", "The Cache-Control of each object written.")
CONTENT_DISPOSITION = option("content-disposition", "The Content-Disposition of each object "
                              "written.")
CONTENT_ENCODING = option("content-encoding", "The Content-Encoding of each object written "
                           "(what was applied to its content, such as gzip).")
CONTENT_LANGUAGE = option("content-language", "The Content-Language of each object written.")
EXPIRES = option("expires", "When each object written stops being cacheable (a date and "
                  "time).")
SOURCE_REGION = option("source-region", "For S3 to S3 transfers: the region of the source "
                        "bucket. <code>--region</code> and the profile name the destination's; "
                        "without this option the source is taken to be in that region too.")
ONLY_SHOW_ERRORS = _flag("only-show-errors", "Print only warnings and errors.")
NO_PROGRESS = _flag("no-progress", "Print no progress line (result lines still print). Without "
                    "effect with <code>--quiet</code> or <code>--only-show-errors</code>.")
PROGRESS_FREQUENCY = option("progress-frequency", "At most one progress line per this many "
                             "seconds (0, the default: on every change).", type_name="integer",
                             default=0)
PROGRESS_MULTILINE = _flag("progress-multiline", "Print each progress line on a line of its "
                           "own instead of over the last one.")
PAGE_SIZE = option("page-size", "How many keys each listing request asks for (1000, the most "
                    "S3 returns, unless given). Smaller pages help when listings time out.",
                    type_name="integer")
IGNORE_GLACIER_WARNINGS = _flag("ignore-glacier-warnings", "Skip objects in GLACIER or "
                                "DEEP_ARCHIVE storage without a warning, and without the exit "
                                "code 2 that such a skip gives.")
FORCE_GLACIER_TRANSFER = _flag("force-glacier-transfer", "Transfer objects in GLACIER or "
                               "DEEP_ARCHIVE storage too, instead of skipping them.")
REQUEST_PAYER = option("request-payer", "Accept the charges of a requester-pays bucket "
                        "(<code>requester</code>, the value when none is given).", nargs="?",
                        const="requester", choices=("requester",))
CHECKSUM_MODE = option("checksum-mode", "<code>ENABLED</code>: ask for the object's checksum "
                        "on download and check the data against it.", choices=("ENABLED",))
CHECKSUM_ALGORITHM = option("checksum-algorithm", "The algorithm of the checksum S3 keeps "
                             "with each object written.", choices=(
                                 "CRC64NVME", "CRC32", "SHA256", "SHA1", "CRC32C", "SHA512",
                                 "XXHASH64", "XXHASH3", "XXHASH128"))
METADATA = option("metadata", "User metadata of each object written, as "
                   "<code>key=value,...</code> or JSON. In a sync only the objects written get "
                   "it.", type_name="map", shape="Metadata")
COPY_PROPS = option("copy-props", "<p>What an S3 to S3 copy takes from the source object:</p>"
                     "<ul><li><code>none</code>: nothing;</li><li><code>metadata-directive"
                     "</code>: content-type, content-language, content-encoding, "
                     "content-disposition, cache-control, expires and the user metadata;</li>"
                     "<li><code>default</code>: those and the tags;</li><li><code>all</code>: "
                     "those, the tags and the annotations.</li></ul><p>Copies in parts read "
                     "these with extra requests; <code>none</code> makes none.</p>",
                     choices=("none", "metadata-directive", "default", "all"),
                     default="default")
METADATA_DIRECTIVE = option("metadata-directive", "The x-amz-metadata-directive of S3 to S3 "
                             "copies: COPY the source's metadata or REPLACE it with what is "
                             "given. When set, <code>--copy-props</code> has no effect.",
                             choices=("COPY", "REPLACE"))
EXPECTED_SIZE = option("expected-size", "The size in bytes of a stream read from standard "
                        "input, so that one over 50 GB is cut into few enough parts.")
RECURSIVE = _flag("recursive", "Work on every file under the directory, or every object under "
                  "the prefix.")
CASE_CONFLICT = option("case-conflict", "<p>What to do when several objects downloaded to one "
                        "directory have keys that differ only in case, which a case-insensitive "
                        "file system cannot keep apart: <code>ignore</code> (the default), "
                        "<code>warn</code> (and download), <code>skip</code>, or <code>error"
                        "</code> (stop).</p>", choices=("ignore", "skip", "warn", "error"),
                        default="ignore")
NO_OVERWRITE = _flag("no-overwrite", "Transfer only what is not at the destination yet; "
                     "existing files and objects are left alone.")
VALIDATE_SAME_S3_PATHS = _flag("validate-same-s3-paths", "Resolve access point ARNs and "
                               "aliases of both S3 URIs to their buckets and refuse to move an "
                               "object onto itself (extra requests; also turned on by "
                               "AWS_CLI_S3_MV_VALIDATE_SAME_S3_PATHS=true).")
SIZE_ONLY = _flag("size-only", "Compare sizes only: a file whose size is the same at both ends "
                  "is not transferred, whatever its time.")
EXACT_TIMESTAMPS = _flag("exact-timestamps", "From S3 to local: transfer same-sized files "
                         "unless their times are equal. By default a same-sized local file is "
                         "kept unless it is newer than the object.")
DELETE = _flag("delete", "Delete what is at the destination but not at the source. Files left "
               "out by filters are not deleted.")

TRANSFER_ARGUMENTS = (
    DRYRUN, QUIET, INCLUDE, EXCLUDE, ACL, FOLLOW_SYMLINKS, NO_GUESS_MIME_TYPE, SSE, SSE_C,
    SSE_C_KEY, SSE_KMS_KEY_ID, SSE_C_COPY_SOURCE, SSE_C_COPY_SOURCE_KEY, STORAGE_CLASS, GRANTS,
    WEBSITE_REDIRECT, CONTENT_TYPE, CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_ENCODING,
    CONTENT_LANGUAGE, EXPIRES, SOURCE_REGION, ONLY_SHOW_ERRORS, NO_PROGRESS, PROGRESS_FREQUENCY,
    PROGRESS_MULTILINE, PAGE_SIZE, IGNORE_GLACIER_WARNINGS, FORCE_GLACIER_TRANSFER, REQUEST_PAYER,
    CHECKSUM_MODE, CHECKSUM_ALGORITHM)

# The `--metadata` value is read as the model's string-to-string map.
SHAPES = {"Metadata": {"type": "map", "key": {"shape": "MetadataKey"},
                       "value": {"shape": "MetadataValue"}},
          "MetadataKey": {"type": "string"}, "MetadataValue": {"type": "string"}}

_TRANSFER = "awsmini.commands.s3.transfer:"
_BUCKETS = "awsmini.commands.s3.buckets:"

_TRANSFER_OPTIONS = (METADATA, COPY_PROPS, METADATA_DIRECTIVE)

COMMANDS = {
    "ls": CustomCommand(
        "ls", "List the buckets, or the objects and common prefixes (<code>PRE</code>) under an "
        "S3 URI. <code>--output</code> and <code>--no-paginate</code> do not apply.",
        (_paths("?", default="s3://"), RECURSIVE, PAGE_SIZE,
         _flag("human-readable", "Print sizes in units of 1024 (Bytes, KiB, MiB, ...)."),
         _flag("summarize", "End with the number of objects listed and their total size."),
         REQUEST_PAYER,
         option("bucket-name-prefix", "List only buckets whose names start with this."),
         option("bucket-region", "List only buckets in this region (such as us-west-2).")),
        "awsmini.commands.s3.listing:run_ls", usage="<S3Uri> or NONE"),
    "website": CustomCommand(
        "website", "Set the website configuration of a bucket.",
        (_paths(1),
         option("index-document", "The suffix added to requests for a directory: with "
                 "index.html, a request for images/ returns images/index.html. Not empty, and "
                 "without a slash."),
         option("error-document", "The key of the object returned for 4XX errors.")),
        _BUCKETS + "run_website", usage=S3_URI),
    "cp": CustomCommand(
        "cp", "Copy a local file or an S3 object to S3 or to the local file system, or, with "
        "<code>--recursive</code>, every file under a directory or every object under a "
        "prefix. <code>-</code> as the source reads standard input; as the destination, it "
        "writes standard output.",
        (_paths(2),) + TRANSFER_ARGUMENTS + _TRANSFER_OPTIONS + (
            EXPECTED_SIZE, RECURSIVE, CASE_CONFLICT, NO_OVERWRITE),
        _TRANSFER + "run_cp", usage=TRANSFER_USAGE, shapes=SHAPES),
    "mv": CustomCommand(
        "mv", "Move a local file or an S3 object to S3 or to the local file system (it is "
        "copied, then its source deleted), or, with <code>--recursive</code>, every file under "
        "a directory or every object under a prefix.",
        (_paths(2),) + TRANSFER_ARGUMENTS + _TRANSFER_OPTIONS + (
            RECURSIVE, VALIDATE_SAME_S3_PATHS, CASE_CONFLICT, NO_OVERWRITE),
        _TRANSFER + "run_mv", usage=TRANSFER_USAGE, shapes=SHAPES),
    "rm": CustomCommand(
        "rm", "Delete an S3 object, or, with <code>--recursive</code>, every object under a "
        "prefix.",
        (_paths(1), DRYRUN, QUIET, RECURSIVE, REQUEST_PAYER, INCLUDE, EXCLUDE,
         ONLY_SHOW_ERRORS, PAGE_SIZE),
        _TRANSFER + "run_rm", usage=S3_URI),
    "sync": CustomCommand(
        "sync", "Bring a destination directory or prefix in step with a source: copy what is "
        "new or has changed (by size and modification time, unless told otherwise), and with "
        "<code>--delete</code> delete what the source no longer has. Directories are walked "
        "and prefixes listed as they go, so the size of a tree does not matter.",
        (_paths(2),) + TRANSFER_ARGUMENTS + _TRANSFER_OPTIONS + (
            CASE_CONFLICT, NO_OVERWRITE, SIZE_ONLY, EXACT_TIMESTAMPS, DELETE),
        _TRANSFER + "run_sync", usage=TRANSFER_USAGE, shapes=SHAPES),
    "mb": CustomCommand(
        "mb", "Make a bucket, in the region of <code>--region</code> or the profile.",
        (_paths(None, name="path"),
         option("tags", "A tag of the new bucket, as <code>--tags key value</code>; give the "
                 "option once for each tag.", nargs=2, is_repeatable=True)),
        _BUCKETS + "run_mb", usage=S3_URI),
    "rb": CustomCommand(
        "rb", "Remove an empty bucket; with <code>--force</code>, delete its objects first.",
        (_paths(None, name="path"),
         _flag("force", "Delete every object of the bucket, then the bucket. A bucket with "
               "versioning keeps its earlier versions, and then cannot be removed.")),
        _BUCKETS + "run_rb", usage=S3_URI),
    "presign": CustomCommand(
        "presign", "Print a presigned URL of an S3 object, with which anyone may GET it until "
        "it expires. The URL is signed with SigV4, so the region must be known.",
        (_paths(None, name="path"),
         option("expires-in", "Seconds until the URL expires (3600 unless given; at most "
                 "604800).", type_name="integer", default=3600)),
        _BUCKETS + "run_presign", usage=S3_URI),
}
