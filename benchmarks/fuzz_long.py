"""The long fuzzing run: tests/test_fuzz.py with many random examples.

CI runs a fixed, small sample (25 examples per property, derandomized); this
runs ``--examples`` fresh random ones per property and reports any failure
with hypothesis's shrunk example.

    .venv/bin/python benchmarks/fuzz_long.py [--examples 1000]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1000)
    args = parser.parse_args(argv)
    env = dict(os.environ, NEWSEXTRACT_FUZZ_EXAMPLES=str(args.examples), NEWSEXTRACT_FUZZ_RANDOM="1")
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                            str(ROOT / "tests" / "test_fuzz.py"), "-k", "not edge_texts"], cwd=ROOT, env=env)


if __name__ == "__main__":
    sys.exit(main())
