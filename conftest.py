"""Loaded before Django's settings: each test run gets its own data dir, never the developer's."""

import os
import tempfile

os.environ.setdefault("ANCRAGE_DATA_DIR", tempfile.mkdtemp(prefix="ancrage-test-"))
os.environ.setdefault("ANCRAGE_ENCRYPTION_KEY", "CSuv-61CrAqn3lHbWdCL9TRQiuO7j0B9DokxStjqZJw=")  # test-only key
