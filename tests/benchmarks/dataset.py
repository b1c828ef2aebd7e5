"""The 100x dataset for benchmarks: 31,200 municipality codes, 3,700 regiegebieden, 40,000 agreements, written
by the product's own ``sew-desktop demo PATH --scale 100`` (see sew_desktop/store/scaled_demo.py)."""

from __future__ import annotations

import sys
from pathlib import Path

from sew_desktop.services.demo import write_demo
from sew_desktop.store.migrations import known_names

COPIES = 100
# The schema version is in the name: a file built by another version (another checkout on the same machine) is
# never opened, and so never migrated under the feet of that version.
DEFAULT_PATH = Path(f"/tmp/sew-desktop-bench-100x-v{len(known_names())}.sqlite")


def build(path: Path = DEFAULT_PATH) -> Path:
    """Write the 100x dataset to ``path`` (reused when it exists)."""
    if not path.exists():
        template = path.with_suffix(".tmp.sqlite")
        write_demo(template, force=True, scale=COPIES)
        template.replace(path)
    return path


if __name__ == "__main__":
    print(build(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_PATH))
