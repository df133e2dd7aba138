"""Lets `python -m flight` behave exactly like the `flight` console command."""

from flight.cli import main

raise SystemExit(main())
