from tinnhiem.cli import main

raise SystemExit(main())
