"""`python -m bodymap` runs the same entry point as the `bodymap` script."""

from bodymap.cli import main

raise SystemExit(main())
