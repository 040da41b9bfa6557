"""``python -m workshop``: the same as the ``partner-workshop`` command."""

from workshop.cli import main

raise SystemExit(main())
