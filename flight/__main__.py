"""Lets `python -m flight` behave exactly like the `flight` console command."""

from flight.cli import main

if __name__ == "__main__":  # not when a worker process imports it
    raise SystemExit(main())
