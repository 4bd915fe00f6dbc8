"""Subcommands of ``referat``: each module has ``add_arguments`` and ``main``.

Keep module-level imports light (argparse, pathlib): heavy imports go inside ``main``.
"""
