"""`make bench`: bodymap's timings beside a bare PySide6 window started the same way.

Start-up and memory are measured in fresh processes (median of several alternating runs); clicks,
hover and look-ups in this process on a real (offscreen) window. Budgets: shared DESIGN.md §8.
"""

from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 7
ROOT = Path(__file__).resolve().parents[1]

# Both programs end as soon as their window is shown and fully painted once. Time runs from the
# moment the parent launches the interpreter, so interpreter start-up counts, as a user waits it.
# bodymap starts through `open_window`, the function `bodymap` itself runs before its event loop,
# with its settings and data folders pointed at empty temporary ones: a first start.
FIRST_PAINT = """
import resource, sys, time
{build}
from PySide6.QtWidgets import QApplication
QApplication.processEvents()
window.grab()  # paints every child now, as the first frame on screen would
print(time.time() - float(sys.argv[1]), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1320, 860)
window.show()
"""
BODYMAP = """
from bodymap.ui.app import open_window
window = open_window()
"""


def first_paint(build: str) -> tuple[float, int]:
    script = FIRST_PAINT.format(build=build)
    with tempfile.TemporaryDirectory(prefix="bodymap-bench-home-") as home:
        env = {**os.environ, "XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home}
        out = subprocess.run([sys.executable, "-c", script, repr(time.time())], env=env,
                             capture_output=True, text=True, check=True, cwd=ROOT).stdout.split()
    return float(out[0]), int(out[1])


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def synthetic_pack(copies: int) -> Path:
    """`copies` renamed copies of every built-in muscle file, as a teacher's pack."""
    from bodymap import resources

    folder = Path(tempfile.mkdtemp(prefix="bodymap-bench-"))
    (folder / "muscles").mkdir()
    for source in sorted((resources.data_dir() / "muscles").glob("*.yaml")):
        text = source.read_text(encoding="utf-8")
        for n in range(copies):
            new_id = f"{source.stem}_copy{n}"
            (folder / "muscles" / f"{new_id}.yaml").write_text(
                text.replace(f"id: {source.stem}", f"id: {new_id}", 1), encoding="utf-8")
    return folder


def main() -> int:
    rows: list[tuple[str, str, str, bool]] = []

    # -- start-up and memory, in fresh processes ------------------------------------------------
    bare_t, ours_t, bare_m, ours_m = [], [], [], []
    first_paint(BARE), first_paint(BODYMAP)  # warm the OS file cache for both
    for _ in range(RUNS):
        t, m = first_paint(BARE)
        bare_t.append(t)
        bare_m.append(m)
        t, m = first_paint(BODYMAP)
        ours_t.append(t)
        ours_m.append(m)
    start_ratio = statistics.median(ours_t) / statistics.median(bare_t)
    mem_ratio = statistics.median(ours_m) / statistics.median(bare_m)
    rows.append(("start-up to first paint",
                 f"{statistics.median(ours_t) * 1000:.0f} ms vs bare "
                 f"{statistics.median(bare_t) * 1000:.0f} ms = {start_ratio:.2f}x",
                 "<= 1.6x", start_ratio <= 1.6))
    rows.append(("peak memory",
                 f"{statistics.median(ours_m) / 1024:.0f} MiB vs bare "
                 f"{statistics.median(bare_m) / 1024:.0f} MiB = {mem_ratio:.2f}x",
                 "<= 1.5x", mem_ratio <= 1.5))

    # -- the window, in this process --------------------------------------------------------------
    from PySide6.QtCore import QPoint, QSettings, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from bodymap.model import Catalog, load_catalog, load_dirs
    from bodymap.model.loader import builtin_data_dir
    from bodymap.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    catalog = load_catalog()
    settings_file = tempfile.mktemp(suffix=".ini")
    window = MainWindow(catalog, QSettings(settings_file, QSettings.Format.IniFormat))
    window.resize(1320, 860)
    window.show()
    app.processEvents()
    view = window.body_view
    targets = [(m, s) for m in ("gluteus_maximus", "gluteus_medius", "iliocostalis_lumborum",
                                "longissimus_thoracis") for s in ("L", "R")]
    points = [view.region_point(m, s) for m, s in targets]

    def click(i: list[int] = [0]) -> None:  # noqa: B006 - a counter across calls
        point = points[i[0] % len(points)]
        i[0] += 1
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        window.detail_panel.repaint()  # the panel and the body on screen, not just queued
        view.viewport().repaint()

    for _ in range(10):
        click()
    clicks = timed(click, 200)
    rows.append(("click to detail shown",
                 f"p50 {percentile(clicks, 50):.2f} ms, p95 {percentile(clicks, 95):.2f} ms",
                 "p95 < 16 ms", percentile(clicks, 95) < 16))

    rng = random.Random(1)
    size = view.viewport().size()
    hover_points = [QPoint(rng.randrange(size.width()), rng.randrange(size.height()))
                    for _ in range(2000)]
    hovers = [timed(lambda p=p: view.region_under(p), 1)[0] for p in hover_points]
    rows.append(("hover hit test", f"p50 {percentile(hovers, 50):.3f} ms, "
                 f"p95 {percentile(hovers, 95):.3f} ms", "p95 < 2 ms", percentile(hovers, 95) < 2))
    moves = [timed(lambda p=p: QTest.mouseMove(view.viewport(), p), 1)[0]
             for p in hover_points[:300]]
    rows.append(("hover, whole mouse move", f"p95 {percentile(moves, 95):.2f} ms", "(info)", True))
    window.close()

    # -- look-ups at 1x and 100x the built-in data ---------------------------------------------
    pack = synthetic_pack(99)
    os.environ["BODYMAP_CACHE_DIR"] = tempfile.mkdtemp(prefix="bodymap-bench-cache-")
    try:
        load_times = timed(lambda: load_dirs([builtin_data_dir(), pack]), 3)
        big: Catalog = load_dirs([builtin_data_dir(), pack])
    finally:
        shutil.rmtree(pack)
        shutil.rmtree(os.environ.pop("BODYMAP_CACHE_DIR"))
    rows.append((f"load 100x data ({len(big.muscles)} muscles)",
                 f"{min(load_times):.0f} ms", "< 500 ms", min(load_times) < 500))
    zone_sets = [["lateral_leg", "lateral_ankle"], ["coccyx"], ["groin", "anteromedial_thigh"],
                 ["si_joint", "buttock", "posterior_thigh"]]
    for label, cat in (("1x", catalog), ("100x", big)):
        finds = [t for zones in zone_sets
                 for t in timed(lambda z=zones, c=cat: c.find_sources(z), 50)]
        searches = [t for q in ("sciatica", "glut", "pain sitting", "lumbago")
                    for t in timed(lambda q=q, c=cat: c.search(q), 50)]
        budget = 16.0 if label == "1x" else 5.0
        rows.append((f"pain finder, {label}", f"p95 {percentile(finds, 95):.3f} ms",
                     f"< {budget:g} ms", percentile(finds, 95) < budget))
        rows.append((f"search, {label}", f"p95 {percentile(searches, 95):.3f} ms",
                     f"< {budget:g} ms", percentile(searches, 95) < budget))

    width = max(len(r[0]) for r in rows)
    print(f"bodymap benchmarks (PySide6 {__import__('PySide6').__version__}, "
          f"Python {sys.version.split()[0]}, QT_QPA_PLATFORM={os.environ['QT_QPA_PLATFORM']})")
    for name, figure, budget, ok in rows:
        print(f"  {name:<{width}}  {figure:<46}  {budget:<12}  {'ok' if ok else 'OVER'}")
    Path(settings_file).unlink(missing_ok=True)
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
