"""A throwaway PostgreSQL server for the test suite.

Started from the server binaries when they are installed (``initdb`` into a
temporary folder, a free port on 127.0.0.1, trust authentication, fsync off) and
torn down at the end of the session. As root (CI), the server runs as the
``postgres`` system user because PostgreSQL refuses to run as root.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path


class PostgresUnavailable(Exception):
    """Why no server could be started (shown as the skip reason)."""


def _find_bindir() -> Path:
    candidates = []
    if initdb := shutil.which("initdb"):
        candidates.append(Path(initdb).resolve().parent)
    candidates += [Path(p) for p in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)]
    for folder in candidates:
        if (folder / "initdb").exists() and (folder / "pg_ctl").exists():
            return folder
    raise PostgresUnavailable("PostgreSQL server binaries (initdb, pg_ctl) are not installed")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class PostgresServer:
    bindir: Path
    root: Path
    port: int
    run_as: str | None

    @property
    def admin_url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/postgres"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> None:
        result = subprocess.run(
            [str(self.bindir / args[0]), *args[1:]],
            user=self.run_as,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            raise PostgresUnavailable(
                f"{args[0]} failed: {(result.stderr or result.stdout).strip()[-500:]}"
            )

    @classmethod
    def start(cls) -> PostgresServer:
        bindir = _find_bindir()
        run_as = None
        root = Path(tempfile.mkdtemp(prefix="servicelens-pg-"))
        if os.geteuid() == 0:
            try:
                pw = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise PostgresUnavailable("running as root and no 'postgres' user exists") from exc
            os.chown(root, pw.pw_uid, pw.pw_gid)
            run_as = "postgres"
        server = cls(bindir=bindir, root=root, port=_free_port(), run_as=run_as)
        data = root / "data"
        server._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                    "--locale=C", "--no-sync")
        options = (
            f"-p {server.port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        server._run("pg_ctl", "-D", str(data), "-o", options, "-l", str(root / "server.log"),
                    "-w", "-t", "60", "start")
        return server

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)
