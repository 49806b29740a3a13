import sys

from regulations.cli import main

sys.exit(main())
