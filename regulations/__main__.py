"""``python -m regulations``: see :mod:`regulations.cli`."""

import sys

from regulations.cli import main

sys.exit(main())
