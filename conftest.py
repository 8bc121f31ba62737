"""Tests run headless: Qt draws offscreen unless a test asks for a real screen."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Loaded files are cached per user; tests keep theirs apart so they never read or touch it.
os.environ.setdefault("BODYMAP_CACHE_DIR", tempfile.mkdtemp(prefix="bodymap-test-cache-"))

# Study progress and notes go to the user's data folder (QStandardPaths, which follows
# XDG_DATA_HOME on Linux); tests, and the apps they start, keep theirs in a temporary one.
os.environ.setdefault("XDG_DATA_HOME", tempfile.mkdtemp(prefix="bodymap-test-data-"))
