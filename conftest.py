"""Loaded before Django's settings: each test run gets its own data dir, never the developer's."""

import os
import tempfile

os.environ.setdefault("ANCRAGE_DATA_DIR", tempfile.mkdtemp(prefix="ancrage-test-"))
os.environ.setdefault("ANCRAGE_ENCRYPTION_KEY", "CSuv-61CrAqn3lHbWdCL9TRQiuO7j0B9DokxStjqZJw=")  # test-only key
# The fake providers (tests/fakes) listen on 127.0.0.1: allowed explicitly, for the
# processes tests start too (tests/conftest.py sets the same on this process's settings).
os.environ.setdefault("ANCRAGE_SMS_CUSTOM_API_URLS", "true")
os.environ.setdefault("ANCRAGE_SMS_PRIVATE_NETWORKS", "127.0.0.0/8")
