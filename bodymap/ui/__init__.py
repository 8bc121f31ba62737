"""The window, its panels and the pictures it exports: everything that needs Qt widgets."""

import os

# Qt splits any fill taller than about 96 lines (a gradient, a texture, a scroll bar's groove)
# across a pool of threads and waits for them. For a window's small paints the hand-over costs
# more than the fill: measured on a 2-core laptop, one Fusion scroll bar took 1.5 ms with the pool
# and 0.09 ms without, and a click on the body to its detail shown p95 20 ms against 9 ms.
# Exports draw the same picture, byte for byte, in the same time. Qt reads the variable once,
# when something first paints, so it is set on import, before any window exists. (Qt asks only
# whether it is set: no value of it turns the pool back on.)
os.environ.setdefault("QT_NO_GUI_THREADPOOL", "1")
