"""The study tests' fixed clock: logic under test never reads the system time."""

from datetime import UTC, datetime

T0 = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)
