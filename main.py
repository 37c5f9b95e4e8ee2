"""`python main.py` starts Space Partnerships Explorer, like `space-explorer`."""

from explorer.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
