"""``python -m ticker`` works like the ``ticker`` console script."""

from ticker.cli import main

main()
