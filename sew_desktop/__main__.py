"""Entry point: ``sew-desktop`` and ``python -m sew_desktop``. Qt is imported only for GUI commands."""

from __future__ import annotations

import argparse
import sys

from sew_desktop import cli


def _gui(args: argparse.Namespace) -> int:
    from sew_desktop.app import run_gui

    return run_gui(args.db)


def _export(args: argparse.Namespace) -> int:
    from sew_desktop.ui.output.cli_handler import run_export

    return run_export(args)


def main() -> None:
    """Run the command line; without a command, open the main window."""
    sys.exit(cli.main(sys.argv[1:], qt_handlers={"gui": _gui, "export": _export}))


if __name__ == "__main__":
    main()
