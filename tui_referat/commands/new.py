"""`referat new`: not built yet."""

from __future__ import annotations

import argparse
import sys


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*")


def main(args: argparse.Namespace) -> int:
    print("referat: this command is not built yet", file=sys.stderr)
    return 2
