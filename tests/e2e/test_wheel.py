"""The wheel a user installs carries its data and works outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with only the built wheel (and its dependencies) in it."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(work), str(ROOT)],
        check=True, timeout=300,
    )
    (wheel,) = work.glob("bodymap-*.whl")
    env_dir = work / "env"
    # Reuse the test environment's site-packages for PySide6 and PyYAML: no network, and the
    # point is our wheel's contents, not pip resolving Qt again.
    venv.create(env_dir, with_pip=True, system_site_packages=False)
    python = env_dir / "bin" / "python"
    site = next(Path(p) for p in sys.path if p.endswith("site-packages"))
    (next((env_dir / "lib").glob("python*")) / "site-packages" / "host.pth").write_text(
        str(site) + "\n"
    )
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--quiet", str(wheel)],
        check=True, timeout=300,
    )
    return env_dir


def outside_env() -> dict[str, str]:
    """This environment without PYTHONPATH, which may name this checkout."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


def run(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(env_dir / "bin" / "bodymap"), *args],
        cwd=cwd, env=outside_env(), capture_output=True, text=True, timeout=120,
    )


@pytest.mark.slow
def test_installed_validate_runs_outside_the_repo(installed: Path, tmp_path: Path):
    result = run(installed, "validate", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith(": no problems")
    assert "muscles" in result.stdout
    # It used the copy inside the wheel, not this checkout.
    probe = subprocess.run(
        [str(installed / "bin" / "python"), "-c",
         "from bodymap import resources; print(resources.data_dir(), resources.assets_dir())"],
        cwd=tmp_path, env=outside_env(), capture_output=True, text=True, check=True,
    )
    assert str(ROOT) not in probe.stdout
    assert "site-packages" in probe.stdout


@pytest.mark.slow
def test_installed_validate_reports_a_broken_pack(installed: Path, tmp_path: Path):
    pack = tmp_path / "pack"
    (pack / "muscles").mkdir(parents=True)
    (pack / "muscles" / "bad.yaml").write_text("id: bad\nname: [unclosed\n")
    result = run(installed, "validate", str(pack), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("pack/muscles/bad.yaml:")
    assert "YAML syntax error" in result.stdout


@pytest.mark.slow
def test_installed_export_names_a_command_that_lists_the_zones(installed: Path, tmp_path: Path):
    """An installed copy has no data/zones.yaml to point at: an unknown zone is told the command
    that lists the zones, and that command works outside the repo."""
    listed = run(installed, "list", "zones", cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0].split()[:3] == ["thoracolumbar", "Thoracolumbar", "junction"]
    groups = sum(" group of " in line for line in lines)
    result = run(installed, "export", "--zones", "heel", "-o", "heel.png", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (
        2, f"bodymap export: unknown zone 'heel'; the {len(lines) - groups} zones and {groups} "
        "zone groups are listed by: bodymap list zones\n")
    assert not (tmp_path / "heel.png").exists()
