"""How the window words the data problems: what was skipped and what loaded with warnings.

A mistake in a muscle file's required field leaves out the whole muscle, so "everything else
loaded" would be false for that file; the catalog's `skipped_files` says which files lost
something, and the words follow it.
"""

from __future__ import annotations

from pathlib import Path

from bodymap.model import Catalog

SKIPPED = "Skipped until fixed (not loaded)"
WARNED = "Loaded, with warnings"


def _files(count: int) -> str:
    return f"{count} file{'s' * (count != 1)}"


def summary(catalog: Catalog) -> str:
    """One line for the status bar, or '' when the data is clean."""
    count = len(catalog.problems)
    if not count:
        return ""
    skipped = len(catalog.skipped_files)
    left_out = f"; {_files(skipped)} not loaded until fixed" if skipped else ""
    return (f"{count} problem{'s' * (count > 1)} in the data files{left_out}: "
            "see File > Data problems.")


def explanation(catalog: Catalog) -> str:
    """The words above the list: true whichever kinds of problem there are."""
    skipped = any(p.file in catalog.skipped_files for p in catalog.problems)
    warned = any(p.file not in catalog.skipped_files for p in catalog.problems)
    rule = "one mistake in a muscle file leaves out the whole muscle"
    if skipped and warned:
        text = (f"What is under “{SKIPPED}” is not loaded until its mistakes are fixed: {rule}. "
                f"The files under “{WARNED}” loaded; fix the lines listed.")
    elif skipped:
        text = (f"These files are skipped: what they describe is not loaded until their "
                f"mistakes are fixed ({rule}). Everything else loaded.")
    else:
        text = "These files have mistakes, but everything in them loaded; fix the lines listed."
    return f"{text} Run “bodymap validate” for the same list."


def listing(catalog: Catalog) -> str:
    """The problems as `path:line:column: message`; when files were skipped, those first under
    a heading that names them, then the files that loaded."""
    skipped = [p for p in catalog.problems if p.file in catalog.skipped_files]
    warned = [p for p in catalog.problems if p.file not in catalog.skipped_files]
    if not skipped:
        return "\n".join(str(p) for p in warned)
    names = ", ".join(dict.fromkeys(Path(p.file).name for p in skipped))
    lines = [f"{SKIPPED}: {names}", *(str(p) for p in skipped)]
    if warned:
        lines += ["", f"{WARNED}:", *(str(p) for p in warned)]
    return "\n".join(lines)
