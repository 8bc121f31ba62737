"""Tests run headless: Qt draws offscreen unless a test asks for a real screen."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
