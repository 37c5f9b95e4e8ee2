"""`python -m explorer` runs the same command line as `space-explorer`."""

from explorer.cli import main

raise SystemExit(main())
