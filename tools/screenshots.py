"""Refresh the docs' screenshots: run the screenshot tests, copy their PNGs to docs/.

    .venv/bin/python tools/screenshots.py [--all]

The screenshot tests save into ``tests/_artifacts/screenshots/`` (so a test run never
changes tracked files). This runs them offscreen, then copies every PNG whose name is
already in ``docs/screenshots/`` (``--all``: every PNG) over it. Look at the pictures
before committing them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHOTS = REPO / "tests" / "_artifacts" / "screenshots"
DOCS = REPO / "docs" / "screenshots"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="copy every PNG, not only the "
                        "ones docs/screenshots/ already has")
    args = parser.parse_args(argv)
    tests = sorted(str(p.relative_to(REPO)) for p in (REPO / "tests").rglob("test_screenshots.py"))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", *tests], cwd=REPO, env=env,
                          check=False)
    if done.returncode != 0:
        print("screenshot tests failed; docs/screenshots/ left as it was", file=sys.stderr)
        return done.returncode
    copied = 0
    for png in sorted(SHOTS.glob("*.png")):
        target = DOCS / png.name.replace("-zh_CN.png", "-zh.png")  # the docs' short name
        if args.all or target.exists():
            shutil.copyfile(png, target)
            copied += 1
    print(f"copied {copied} screenshots to {DOCS.relative_to(REPO)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
