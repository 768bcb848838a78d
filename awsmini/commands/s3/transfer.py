"""`s3 cp`, `s3 mv`, `s3 rm` and `s3 sync`: check the paths, list, compare, transfer.

Follows v2's `S3TransferCommand`, `CommandParameters` and `CommandArchitecture`
(`awscli/customizations/s3/subcommands.py`). A run is one pipeline of streams,
never a list held whole:

    source listing -> filters -> [sync: merged with the destination's listing]
        -> Submitter (s3transfer) -> Results (printed as they come)

The paths are checked first, in v2's order and with its messages: the kinds of
the paths the command takes, streaming (`-`) only for a single `cp`, a move of
an object onto itself, the checksum options' path kinds, a missing local
source, SSE-C options that come in pairs. A recursive download makes its
destination directory before anything is listed.

Anything that ends the run early (a listing that fails, a missing object,
Ctrl-C) is reported as v2's `fatal error: ...` with exit code 1; the transfers
already submitted are cancelled.
"""
from __future__ import annotations

import itertools
import os
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable, Iterator, Mapping

from awsmini.commands import Context, convert_arguments
from awsmini.commands.s3 import COMMANDS
from awsmini.commands.s3 import params as request_params
from awsmini.commands.s3.config import create_manager, runtime_config, skip_small_continues
from awsmini.commands.s3.files import (Filter, FileStat, destination, file_stats,
                                       format_paths, local_files, s3_objects)
from awsmini.commands.s3.paths import S3_PREFIX, check_supported, split_s3_uri
from awsmini.commands.s3.results import Event, Results
from awsmini.commands.s3.sync import CaseConflicts, at_both_ends, compare
from awsmini.errors import AwsminiError, OtherError, ParamValidationError

if TYPE_CHECKING:  # s3transfer is imported once the paths are checked
    from awsmini.commands.s3.submit import Flags

# the kinds of path pairs each command takes
PATH_TYPES = {"cp": ("s3s3", "s3local", "locals3"), "mv": ("s3s3", "s3local", "locals3"),
              "sync": ("s3s3", "s3local", "locals3"), "rm": ("s3",)}
OPERATIONS = {"locals3": "upload", "s3s3": "copy", "s3local": "download", "s3": "delete"}
_USAGES = {"locals3": "<LocalPath> <S3Uri>", "s3s3": "<S3Uri> <S3Uri>",
           "s3local": "<S3Uri> <LocalPath>", "s3": "<S3Uri>"}
_TRUE = ("true", "1", "yes", "on")


def run_cp(args: Mapping[str, Any], context: Context) -> int:
    return _run("cp", args, context)


def run_mv(args: Mapping[str, Any], context: Context) -> int:
    return _run("mv", args, context)


def run_rm(args: Mapping[str, Any], context: Context) -> int:
    return _run("rm", args, context)


def run_sync(args: Mapping[str, Any], context: Context) -> int:
    return _run("sync", args, context)


def remove_all(path: str, context: Context) -> None:
    """`rb --force`: delete every object of the bucket first, as `rm --recursive` does."""
    args = convert_arguments(COMMANDS["rm"], {}, context.env)
    args.update({"paths": [path], "recursive": True})
    if _run("rm", args, context) != 0:
        raise OtherError("remove_bucket failed: Unable to delete all objects in the bucket, "
                         "bucket will not be deleted.")


# ------------------------------------------------------------------ checking

@dataclass(frozen=True)
class Command:
    """A transfer command whose paths have been checked."""

    name: str
    args: Mapping[str, Any]
    paths_type: str
    src: str
    dest: str
    dir_op: bool
    is_stream: bool

    @property
    def operation(self) -> str:
        return OPERATIONS[self.paths_type]

    @property
    def handles_case_conflicts(self) -> bool:
        return (self.paths_type == "s3local" and self.dir_op
                and self.args.get("case-conflict", "ignore") != "ignore")


def check(name: str, args: Mapping[str, Any], environ: Mapping[str, str],
          warn: Callable[[str], None]) -> Command:
    """The command's paths, checked in v2's order (raises its errors; `warn` says what
    v2 warns about and lets pass)."""
    paths = list(args["paths"])
    paths_type = "".join("s3" if path.startswith(S3_PREFIX) else "local" for path in paths)
    if paths_type not in PATH_TYPES[name]:
        raise ParamValidationError("usage: aws s3 %s %s\nError: Invalid argument type"
                                   % (name, COMMANDS[name].usage))
    for index, path in enumerate(paths):
        if path.startswith(S3_PREFIX):
            check_supported(path[len(S3_PREFIX):])
            if not split_s3_uri(path)[1] and not path.endswith("/"):
                paths[index] = path + "/"
    src, dest = paths[0], paths[-1]
    dir_op = name == "sync" or bool(args.get("recursive"))
    is_stream = "-" in (src, dest)
    if is_stream and (name != "cp" or dir_op):
        raise ParamValidationError("Streaming currently is only compatible with non-recursive "
                                   "cp commands")
    if is_stream and args.get("no-overwrite") and dest == "-":
        raise ParamValidationError("--no-overwrite parameter is not supported for streaming "
                                   "downloads")
    command = Command(name, args, paths_type, src, dest, dir_op and not is_stream, is_stream)
    _check_paths(command, environ, warn)
    _check_sse_c(args, paths_type)
    if name == "sync" and (_is_directory_bucket(src) or _is_directory_bucket(dest)):
        raise ParamValidationError("Cannot use sync command with a directory bucket.")
    return command


def _check_paths(command: Command, environ: Mapping[str, str],
                 warn: Callable[[str], None]) -> None:
    args, paths_type = command.args, command.paths_type
    if command.name == "mv" and paths_type == "s3s3":
        _refuse_move_onto_itself(command, environ, warn)
    for option, allowed in (("checksum-algorithm", ("locals3", "s3s3")),
                            ("checksum-mode", ("s3local",))):
        if args.get(option) and paths_type not in allowed:
            raise ParamValidationError(
                "Expected --%s parameter to be used with one of following path formats: %s. "
                "Instead, received %s." % (option, ", ".join(_USAGES[kind] for kind in allowed),
                                           _USAGES[paths_type]))
    if paths_type == "locals3" and not command.is_stream:
        if not os.path.exists(command.src):
            raise OtherError("The user-provided path %s does not exist." % command.src)
    elif paths_type == "s3local" and command.dir_op and not os.path.exists(command.dest):
        try:
            os.makedirs(command.dest)
        except OSError as error:
            raise OtherError(str(error)) from None


def _refuse_move_onto_itself(command: Command, environ: Mapping[str, str],
                             warn: Callable[[str], None]) -> None:
    src, dest = command.src, command.dest
    if _same_path(src, dest):
        raise ParamValidationError("Cannot mv a file onto itself: %s - %s" % (src, dest))
    same_key = _same_path("/" + split_s3_uri(src)[1], "/" + split_s3_uri(dest)[1])
    validate = (command.args.get("validate-same-s3-paths")
                or environ.get("AWS_CLI_S3_MV_VALIDATE_SAME_S3_PATHS", "").lower() in _TRUE)
    if same_key and not validate and (_has_underlying_path(src) or _has_underlying_path(dest)):
        # an access point or alias may name the same bucket: v2 warns and goes on
        warn(
            "warning: Provided s3 paths may resolve to same underlying s3 object(s) and result "
            "in deletion instead of being moved. To resolve and validate underlying s3 paths "
            "are not the same, specify the --validate-same-s3-paths flag or set the "
            "AWS_CLI_S3_MV_VALIDATE_SAME_S3_PATHS environment variable to true. To resolve s3 "
            "outposts access point path, the arn must be used instead of the alias.\n")


def _same_path(src: str, dest: str) -> bool:
    if src == dest:
        return True
    return dest.endswith("/") and src == os.path.join(dest, os.path.basename(src))


def _has_underlying_path(path: str) -> bool:
    """An access point ARN or alias, behind which another bucket's name may hide."""
    bucket = split_s3_uri(path)[0]
    return ((bucket.startswith("arn:") and ":accesspoint" in bucket)
            or bucket.endswith("-s3alias") or bucket.endswith("--op-s3"))


def _check_sse_c(args: Mapping[str, Any], paths_type: str) -> None:
    for option in ("sse-c", "sse-c-copy-source"):
        key = option + "-key"
        if args.get(option) and not args.get(key):
            raise ParamValidationError("If --%s is specified, --%s must be specified as well."
                                       % (option, key))
        if args.get(key) and not args.get(option):
            raise ParamValidationError("If --%s is specified, --%s must be specified as well."
                                       % (key, option))
    if args.get("sse-c-copy-source") and paths_type != "s3s3":
        raise ParamValidationError("--sse-c-copy-source is only supported for copy operations.")


def _is_directory_bucket(path: str) -> bool:
    return path.startswith(S3_PREFIX) and split_s3_uri(path)[0].endswith("--x-s3")


# ------------------------------------------------------------------- running

def _run(name: str, args: Mapping[str, Any], context: Context) -> int:
    command = check(name, args, context.env.environ, context.warn)
    signing: dict[str, Any] = ({"signature_version": "s3v4"} if args.get("sse") == "aws:kms"
                               else {})
    client = context.client("s3", **signing)
    source_client = client
    if command.paths_type == "s3s3" and args.get("source-region"):
        source_client = context.client("s3", region=args["source-region"], **signing)
    config = runtime_config(context.settings.get("s3"))  # a bad setting fails before any listing
    with Results(context.write, context.warn, _mode(command), args.get("progress-frequency"),
                 oneline=not args.get("progress-multiline")) as results:
        try:
            work = _work(command, client, source_client, results, context)
            first = next(work, None)
            if first is None:  # nothing to do (a sync with nothing changed): no s3transfer
                results.put(Event("total", size=0))
            else:
                _transfer(itertools.chain([first], work), command, config, client,
                          source_client, results, context)
        except KeyboardInterrupt:
            results.put(Event("cancelled"))
        except Exception as error:  # v2 ends the command with `fatal error: ...`
            results.put(Event("error", message=_message(error)))
    return results.exit_code


def _transfer(work: Iterator[FileStat], command: Command, config: Mapping[str, Any],
              client: Any, source_client: Any, results: Results, context: Context) -> None:
    """Submit each of `work` to one transfer manager, then wait for them all."""
    from awsmini.commands.s3.submit import Submitter  # s3transfer: only once it is needed

    skip_small_continues(client)
    with create_manager(client, config, command.paths_type,
                        _crt_options(context, client)) as manager:
        submitter = Submitter(manager, command.args, results, _flags(command), client,
                              source_client, _streams(context))
        total = sum(1 for info in work if submitter.submit(info))
        results.put(Event("total", size=total))
        submitter.wait()


def _mode(command: Command) -> str:
    args = command.args
    if args.get("quiet"):
        return "quiet"
    if args.get("only-show-errors") or command.is_stream:
        return "errors"
    return "no-progress" if args.get("no-progress") else "progress"


def _flags(command: Command) -> Flags:
    from awsmini.commands.s3.submit import Flags

    return Flags(is_move=command.name == "mv", is_stream=command.is_stream,
                 dryrun=bool(command.args.get("dryrun")), dir_op=command.dir_op)


def _streams(context: Context) -> tuple[Any, Any]:
    stdin, stdout = context.env.stdin, context.env.stdout
    return getattr(stdin, "buffer", stdin), getattr(stdout, "buffer", stdout)


def _crt_options(context: Context, client: Any) -> dict[str, Any]:
    options = context.options
    return {"region": client.meta.region_name, "endpoint_url": options.endpoint_url,
            "verify": False if not options.verify_ssl else options.ca_bundle,
            "sign_request": options.sign_request, "settings": context.settings.get("s3"),
            "session": context.session}


def _message(error: BaseException) -> str:
    return error.message if isinstance(error, AwsminiError) else str(error)


def _work(command: Command, client: Any, source_client: Any, results: Results,
          context: Context) -> Iterator[FileStat]:
    """The files and objects to act on, one at a time, in S3's order."""
    if command.is_stream:
        yield _stream_file(command)
        return
    plan = format_paths(command.src, command.dest, command.dir_op)
    keep = Filter(command.args.get("filters"), command.src, command.dest, command.dir_op)

    def warn(text: str) -> None:
        results.put(Event("warning", message=text))

    sources = keep(file_stats(plan, _listing(command, plan.src.type, plan.src.path,
                                             command.operation, source_client, warn,
                                             copy_source=command.paths_type == "s3s3"),
                              command.operation))
    conflicts = CaseConflicts(command.args.get("case-conflict", "ignore"), context.warn)
    if command.name != "sync" and not command.handles_case_conflicts:
        yield from sources
        return
    reverse = format_paths(command.dest, command.src, command.dir_op)
    dests = keep(file_stats(reverse, _listing(command, reverse.src.type, reverse.src.path, "",
                                              client, warn), ""))
    if command.name == "sync":
        decide = at_both_ends(command.args)
        delete = bool(command.args.get("delete"))
    else:  # a recursive cp or mv into a directory: always transferred, never deleted
        decide, delete = (lambda source, dest: True), False
    yield from compare(sources, dests, decide, delete,
                       conflicts if command.handles_case_conflicts else (lambda info: True))


def _listing(command: Command, side_type: str, path: str, operation: str, client: Any,
             warn: Callable[[str], None], copy_source: bool = False
             ) -> Iterator[tuple[str, Mapping[str, Any]]]:
    args = command.args
    if side_type == "local":
        return local_files(path, command.dir_op, bool(args.get("follow-symlinks", True)), warn)
    head_args = request_params.head_object(args, copy_source=copy_source) if operation else {}
    return s3_objects(client, path, command.dir_op, operation, args.get("page-size"),
                      request_params.payer_only(args), head_args)


def _stream_file(command: Command) -> FileStat:
    """The one transfer of `cp -` (source or destination a stream)."""
    plan = format_paths(command.src, command.dest, False)
    dest, compare_key = destination(plan, plan.src.path)
    return FileStat(plan.src.path, dest, compare_key, plan.src.type, plan.dest.type,
                    command.operation)
