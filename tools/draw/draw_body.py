"""Write assets/body-*.svg from the geometry in this folder.

    python tools/draw/draw_body.py            # from the repository root

The SVGs it writes are the real source of truth once an artist edits them in Inkscape; this
script is kept so the drawing can be regenerated and reviewed as code.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import anterior  # noqa: E402
import lateral  # noqa: E402
import posterior  # noqa: E402

ASSETS = HERE.parent.parent / "assets"


def main() -> None:
    for name, module in (("posterior", posterior), ("lateral", lateral),
                         ("anterior", anterior)):
        path = ASSETS / f"body-{name}.svg"
        path.write_text(module.build().render(), encoding="utf-8")
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
