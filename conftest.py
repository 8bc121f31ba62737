"""Tests run headless: Qt draws offscreen unless a test asks for a real screen."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Loaded files are cached per user; tests keep theirs apart so they never read or touch it.
os.environ.setdefault("BODYMAP_CACHE_DIR", tempfile.mkdtemp(prefix="bodymap-test-cache-"))
