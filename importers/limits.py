"""Bounds that keep reading an untrusted file safe.

Every reader and pre-check takes an :class:`ImportLimits`. The defaults follow Excel's
own grid (1,048,576 rows, 32,767 characters per cell) and the memory a desktop can
spare; a file beyond any of them is refused with ``ImportRefused("too_large" | "unsafe")``
before a native parser sees it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ImportLimits:
    """Size, shape and resource limits for one import (all safe by default).

    Units are in the names: rows and columns count cells of the *real* used range (not
    the declared ``<dimension>``), sizes are bytes, times seconds, memory MiB.
    """

    max_rows: int = 1_048_576
    """Highest row number a sheet may use (Excel's grid)."""
    max_columns: int = 512
    """Highest column number a sheet may use (512 = column ``SR``)."""
    max_cells: int = 60_000_000
    """Rows × columns of the used rectangle; parsers allocate it densely (≈ 32 B/cell)."""
    max_cell_chars: int = 32_767
    """Longer text is dropped from the cell with a :class:`CellWarning` (Excel's limit)."""
    max_total_uncompressed: int = 2 * 1024**3
    """Sum of the uncompressed sizes of every part of a zip package, bytes."""
    max_part_uncompressed: int = 1024**3
    """Uncompressed size of any single zip part, bytes."""
    max_compression_ratio: float = 200.0
    """Uncompressed / compressed size of a part, checked once it exceeds ``ratio_floor``."""
    ratio_floor: int = 1024 * 1024
    """Parts smaller than this (bytes, uncompressed) are never refused for their ratio."""
    max_zip_entries: int = 10_000
    """Entries in a zip package."""
    max_file_size: int = 2 * 1024**3
    """Size of the file on disk (CSV or workbook), bytes."""
    xml_prolog_scan: int = 64 * 1024
    """Bytes at the start of every XML part searched for ``<!DOCTYPE`` / ``<!ENTITY``."""
    child_memory_mb: int = 4096
    """Address-space cap (RLIMIT_AS) of the child process that parses, MiB.

    Address space, not resident memory: a 1,000,000 × 13 import peaks at ≈ 1.3–1.4 GB
    RSS in the child (streamed cells, Python columns, the load's rows), and pyarrow and
    numpy reserve more address space than they touch, so 2 GiB is too tight for the whole
    import job; a bomb still stops at this cap instead of taking the machine.
    """
    timeout_s: float = 600.0
    """Wall-clock time the child may run before it is stopped, seconds."""


DEFAULT_LIMITS = ImportLimits()
