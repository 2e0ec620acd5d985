"""Loaded before Django's settings: each test run gets its own data dir, never the developer's."""

import os
import tempfile

os.environ.setdefault("ANCRAGE_DATA_DIR", tempfile.mkdtemp(prefix="ancrage-test-"))
