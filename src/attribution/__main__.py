"""``python -m attribution``: the command line."""

import sys

from attribution.cli import main

sys.exit(main())
