"""Atomic output: a file is written to a temporary file beside it and renamed into place; a run's
whole output folder is written as a staging folder beside it and swapped in at the end."""

from __future__ import annotations

import contextlib
import ctypes
import glob
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import IO, Callable, Iterator


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


@contextlib.contextmanager
def atomic_open(path: str | os.PathLike, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file for writing; on success fsync and rename it to ``path``.

    A crash or exception leaves the previous file (or none), never half a file. Temporary files that
    a killed earlier write left beside ``path`` are removed.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):  # left by a killed run
        with contextlib.suppress(OSError):
            stale.unlink()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:  # name the file the user asked for, not the temporary one
        raise OSError(exc.errno, exc.strerror, str(target)) from exc
    os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs get the usual permissions
    binary = "b" in mode
    try:
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else "") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


# --- whole output folders -------------------------------------------------------------------------

RENAME_EXCHANGE = 2  # renameat2 flag (Linux >= 3.15): swap two paths in one step
AT_FDCWD = -100


def staging_folder(target: Path) -> Path:
    """The folder a run of this process writes into before it replaces ``target`` (same parent)."""
    return target.parent / f".{target.name}.staging-{os.getpid()}"


def clear_stale(target: Path) -> None:
    """Remove what killed earlier runs left beside ``target``: staging and spill folders and a set swapped
    out but not yet deleted (put back first when ``target`` itself went missing in the swap)."""
    for leftover in sorted(target.parent.glob(f".{glob.escape(target.name)}.*-*")):
        kind, _, pid = leftover.name.rpartition("-")
        if not pid.isdigit() or _alive(int(pid)) or not kind.endswith((".staging", ".old", ".spill")):
            continue
        if kind.endswith(".old") and not target.exists():
            os.rename(leftover, target)  # killed between the two renames of the fallback swap
            continue
        shutil.rmtree(leftover, ignore_errors=True)


def swap_in(staging: Path, target: Path, own: Callable[[str], bool]) -> None:
    """Replace folder ``target`` by folder ``staging`` as one set.

    Entries of the old ``target`` that ``own`` does not claim (a user's own files) are hard-linked
    (files) or copied into ``staging`` first, so they survive. Where the kernel can swap two paths in
    one step (Linux renameat2) the folder is never missing; elsewhere the old folder is renamed away
    and the new one renamed in (a kill between the two leaves the old set, which the next run restores).
    """
    if target.exists():
        for entry in target.iterdir():
            if not own(entry.name) and not (staging / entry.name).exists():
                if entry.is_dir() and not entry.is_symlink():
                    shutil.copytree(entry, staging / entry.name, symlinks=True, copy_function=_link_or_copy)
                else:
                    _link_or_copy(entry, staging / entry.name)
        _fsync_dir(staging)
        if _exchange(staging, target):
            shutil.rmtree(staging, ignore_errors=True)
            _fsync_dir(target.parent)
            return
        old = target.parent / f".{target.name}.old-{os.getpid()}"
        os.rename(target, old)
        os.rename(staging, target)
        _fsync_dir(target.parent)
        shutil.rmtree(old, ignore_errors=True)
        return
    os.rename(staging, target)
    _fsync_dir(target.parent)


def _exchange(a: Path, b: Path) -> bool:
    """Swap paths ``a`` and ``b`` atomically; False where the system cannot."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        call = libc.renameat2
    except (OSError, AttributeError):
        return False
    call.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    return call(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0


def _link_or_copy(source, destination) -> None:
    try:
        os.link(source, destination, follow_symlinks=False)
    except OSError:
        shutil.copy2(source, destination, follow_symlinks=False)


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
