"""SEW Desktop: VDAB cooperation agreements with Flemish local governments, and their coverage."""

__version__ = "0.1.0"
