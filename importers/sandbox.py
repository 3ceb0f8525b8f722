"""Run work on an untrusted file in a child process with a memory cap and a timeout.

Native parsers can abort the whole interpreter (python-calamine 0.9.1 SIGABRTs on a far
cell) or allocate gigabytes. :func:`run_isolated` runs ``fn`` in a ``spawn``-ed child
whose address space is capped with ``RLIMIT_AS``; a crash, MemoryError or timeout
becomes ``ImportRefused("unsafe", path, "this file could not be read safely: …")`` and
the application survives. Progress streams back over a pipe; a cancel terminates the
child, so a transaction it had open never commits. Generic: the whole import job
(read + validate + load) may run inside it, as long as ``fn`` is an importable
module-level function and its result pickles.
"""

from __future__ import annotations

import inspect
import multiprocessing as mp
import pickle
import signal
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from importers.limits import DEFAULT_LIMITS, ImportLimits
from importers.table import ImportRefused
from models.progress import Cancelled

POLL_S = 0.05  # how often the parent looks at the pipe, the clock and the cancel flag
_THROTTLE_S = 0.1  # the child sends at most this often per stage


class PipeProgress:
    """The child's :class:`models.progress.Progress`: updates go to the parent.

    Never cancelled from inside: the parent terminates the child on cancel.
    """

    cancelled = False

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._last = 0.0
        self._stage = ""

    def update(self, done: int, total: int | None = None, stage: str = "") -> None:
        now = time.monotonic()
        if stage != self._stage or now - self._last >= _THROTTLE_S:
            self._stage, self._last = stage, now
            self._conn.send(("progress", done, total, stage))

    def check(self) -> None:
        pass


def _child(conn: Connection, fn: Callable[..., Any], args: tuple[Any, ...],
           kwargs: dict[str, Any], memory_mb: int) -> None:
    """Child entry point: cap memory, die with the parent, run ``fn``, send back one
    outcome message."""
    import contextlib
    import ctypes
    import resource

    cap = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    # Linux kills the child when its parent dies (a script killed by a scheduler must not
    # leave an orphan that commits its import); elsewhere the broken pipe of the next
    # progress update stops it
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(1, int(signal.SIGKILL))  # PR_SET_PDEATHSIG
    from models.bulk_sqlite import mark_dedicated_process

    mark_dedicated_process()  # this process runs ``fn`` and nothing else: bulk loads may use apsw
    try:
        result = fn(*args, progress=PipeProgress(conn), **kwargs)
        msg: tuple[Any, ...] = ("result", result)
    except ImportRefused as exc:
        msg = ("refused", exc.code, exc.path, exc.message)
    except MemoryError:
        msg = ("memory",)
    except BaseException as exc:
        msg = ("error", exc, traceback.format_exc())
    peak = _peak_rss_mb()
    try:
        conn.send((*msg, peak))
    except (pickle.PicklingError, TypeError, AttributeError):
        text = msg[2] if msg[0] == "error" else repr(msg[1])
        conn.send(("error", RuntimeError(f"unpicklable outcome from the child:\n{text}"), "", peak))
    except MemoryError:
        conn.send(("memory", peak))
    conn.close()


def _peak_rss_mb() -> int:
    """This process's own peak RSS, MiB. ``VmHWM`` rather than ``ru_maxrss``: Linux folds
    the parent's resident size at fork into ``ru_maxrss``, which survives the exec."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def run_isolated(
    fn: Callable[..., Any],
    *args: Any,
    limits: ImportLimits = DEFAULT_LIMITS,
    on_progress: Any = None,
    cancelled: Callable[[], bool] | None = None,
    label: str | Path | None = None,
    report: dict[str, Any] | None = None,
    **kwargs: Any,
) -> Any:
    """Run ``fn(*args, progress=<pipe progress>, **kwargs)`` in a capped child; return its result.

    ``limits.child_memory_mb`` caps the child's address space and ``limits.timeout_s`` its
    wall-clock time; ``limits`` is also passed to ``fn`` when it takes a ``limits``
    parameter. ``on_progress`` is either a callable ``(done, total, stage)`` or a
    :class:`models.progress.Progress` (its ``update`` gets the child's updates and its
    ``cancelled`` is polled). ``cancelled`` is another cancel flag to poll. ``label``
    names the file in messages (default: the first argument). ``report``, if given,
    receives ``peak_rss_mb`` and ``seconds``.

    Raises :class:`Cancelled` when cancelled (the child is terminated), the child's own
    exception (``ImportRefused`` keeps its code), or ``ImportRefused("unsafe", …)`` for a
    native crash, a MemoryError or a timeout.
    """
    name = str(label if label is not None else (args[0] if args else "input"))
    if "limits" in inspect.signature(fn).parameters and "limits" not in kwargs:
        kwargs["limits"] = limits
    update, polls = _progress_hooks(on_progress, cancelled)
    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, fn, args, kwargs, limits.child_memory_mb),
                       daemon=True)
    start = time.monotonic()
    proc.start()
    child.close()
    try:
        outcome = _wait(proc, parent, update, polls, start, limits, name)
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if report is not None:
        report["peak_rss_mb"] = outcome[-1]
        report["seconds"] = time.monotonic() - start
    return _unpack(outcome, name, limits)


def _progress_hooks(
    on_progress: Any, cancelled: Callable[[], bool] | None
) -> tuple[Callable[[int, int | None, str], None] | None, list[Callable[[], bool]]]:
    polls: list[Callable[[], bool]] = [cancelled] if cancelled is not None else []
    if on_progress is None:
        return None, polls
    if hasattr(on_progress, "update"):
        target = on_progress
        polls.append(lambda: bool(getattr(target, "cancelled", False)))
        return target.update, polls
    return on_progress, polls


def _wait(proc: Any, conn: Connection, update: Callable[[int, int | None, str], None] | None,
          polls: list[Callable[[], bool]], start: float, limits: ImportLimits,
          name: str) -> tuple[Any, ...]:
    """Pump messages until the child sends its outcome, dies, times out or is cancelled."""
    while True:
        if any(poll() for poll in polls):
            proc.terminate()
            raise Cancelled()
        if time.monotonic() - start > limits.timeout_s:
            proc.kill()
            raise ImportRefused("unsafe", name, "this file could not be read safely: it took "
                                f"longer than {limits.timeout_s:g} s and was stopped")
        try:
            ready = conn.poll(POLL_S)
            msg = conn.recv() if ready else None
        except (EOFError, OSError):
            msg = None
            ready = False
        if msg is not None:
            if msg[0] == "progress":
                if update is not None:
                    update(msg[1], msg[2], msg[3])
                continue
            return tuple(msg)
        if not ready and not proc.is_alive():
            proc.join(1)
            return ("died", proc.exitcode)
        if ready and msg is None and not proc.is_alive():  # pipe closed without a message
            proc.join(1)
            return ("died", proc.exitcode)


def _unpack(outcome: tuple[Any, ...], name: str, limits: ImportLimits) -> Any:
    kind = outcome[0]
    if kind == "result":
        return outcome[1]
    if kind == "refused":
        raise ImportRefused(outcome[1], outcome[2], outcome[3])
    if kind == "memory":
        raise ImportRefused("unsafe", name, "this file could not be read safely: it needs more "
                            f"than {limits.child_memory_mb:,} MiB of memory")
    if kind == "error":
        exc = outcome[1]
        if outcome[2]:
            exc.add_note("in the import child process:\n" + outcome[2])
        raise exc
    code = outcome[1]
    if code is not None and code < 0:
        try:
            why = f"the reader crashed ({signal.Signals(-code).name})"
        except ValueError:
            why = f"the reader crashed (signal {-code})"
    else:
        why = f"the reader stopped unexpectedly (exit status {code})"
    raise ImportRefused("unsafe", name, f"this file could not be read safely: {why}")
