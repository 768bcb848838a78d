"""The `awsmini` console script (and `python -m awsmini`): a clean start and a fast end.

Python turns Ctrl-C into a KeyboardInterrupt wherever it lands. In the first few
hundred milliseconds that is inside a module import, before main()'s error
boundary exists, and the user would see a traceback. So the first thing done,
before any of awsmini is imported, is a handler that ends the process at once
with 130 (nothing has been written yet). `unwind_on_interrupt()`, called where
each error boundary begins, gives Ctrl-C back to Python: from there it must
unwind, so that a download removes its partial file and the boundary exits 130.
"""
import os
import sys

try:  # the C module itself: `signal` would first import enum and functools
    import _signal as signal  # type: ignore[import-not-found]
except ImportError:  # not CPython
    import signal


def entry() -> None:
    """Run main() on sys.argv and exit with its code.

    Ends with `os._exit` once the streams are flushed: tearing down the
    interpreter after botocore has been loaded costs about 100 ms, a quarter of
    a whole call, and nothing awsmini or botocore leaves behind needs it (the
    pager has been waited for; background threads are daemons).
    """
    signal.signal(signal.SIGINT, _exit_interrupted)
    import gc
    import logging

    # A one-shot command allocates long-lived objects (modules, botocore's models)
    # and acyclic response data: the cycle collector only costs time, about 15 %
    # of a call. The interactive modes, which live longer, turn it back on.
    gc.disable()
    from awsmini.main import main

    code = main()
    signal.signal(signal.SIGINT, _exit_interrupted)  # the flushes below are the last step
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):  # the reader went away: v2's BETTER is quiet
            pass
    logging.shutdown()
    os._exit(code)


def unwind_on_interrupt() -> None:
    """From here on Ctrl-C raises KeyboardInterrupt (for the boundary to report)."""
    import threading  # cheap: logging has imported it already

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)


def _exit_interrupted(signum: int, frame: object) -> None:
    try:
        os.write(1, b"\n")  # as main() does on Ctrl-C
    except OSError:
        pass
    os._exit(130)
