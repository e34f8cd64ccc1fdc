"""sqlite-utils without numpy: imported first by `storage`, before anything loads sqlite-utils.

sqlite-utils loads numpy whenever it is installed (matplotlib brings it, for the report's
charts), only to store numpy values, which the bot never has: some 11 MB and 0.1 s at every
start, in every worker process. numpy is kept out while sqlite-utils loads; whoever needs it
later (the report's charts, openpyxl) imports it as usual.
"""

from __future__ import annotations

import sys

if "sqlite_utils" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["numpy"]
