"""`python -m ancrage.analysis call.vtt`"""

import sys

from .cli import main

sys.exit(main())
