"""`python -m bulletin_desk` behaves exactly like the `bulletin-desk` command."""

from bulletin_desk.cli import main

raise SystemExit(main())
