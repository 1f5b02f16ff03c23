"""`python -m tinnhiem.tui`: the same as the `tinnhiem-tui` command."""

from .main import main

raise SystemExit(main())
