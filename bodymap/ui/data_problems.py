"""How the window words the data problems: what was skipped, what loaded with warnings, and
notes on what loaded but cannot be shown in full.

A mistake in a muscle file's required field leaves out the whole muscle, so "everything else
loaded" would be false for that file; the catalog's `skipped_files` says which files lost
something, and the words follow it. A note (`Problem.note`) is no mistake: it is counted and
listed apart, so a pack with only notes is not said to have problems.
"""

from __future__ import annotations

from pathlib import Path

from bodymap.model import Catalog, Problem

SKIPPED = "Skipped until fixed (not loaded)"
WARNED = "Loaded, with warnings"
NOTES = "Notes (nothing to fix)"


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def _kinds(catalog: Catalog) -> tuple[list[Problem], list[Problem], list[Problem]]:
    """(problems in skipped files, other problems, notes), each in the catalog's order."""
    mistakes = [p for p in catalog.problems if not p.note]
    return ([p for p in mistakes if p.file in catalog.skipped_files],
            [p for p in mistakes if p.file not in catalog.skipped_files],
            [p for p in catalog.problems if p.note])


def summary(catalog: Catalog) -> str:
    """One line for the status bar, or '' when the data is clean."""
    skipped, warned, notes = _kinds(catalog)
    parts = []
    if skipped or warned:
        parts.append(f"{_count(len(skipped) + len(warned), 'problem')} in the data files")
    if catalog.skipped_files:
        parts.append(f"{_count(len(catalog.skipped_files), 'file')} not loaded until fixed")
    if notes:
        parts.append(f"{_count(len(notes), 'note')} on what the body drawings cannot show")
    return f"{'; '.join(parts)}: see File > Data problems." if parts else ""


def explanation(catalog: Catalog) -> str:
    """The words above the list: true whichever kinds of problem there are."""
    skipped, warned, notes = _kinds(catalog)
    rule = "one mistake in a muscle file leaves out the whole muscle"
    if skipped and warned:
        text = (f"What is under “{SKIPPED}” is not loaded until its mistakes are fixed: {rule}. "
                f"The files under “{WARNED}” loaded; fix the lines listed.")
    elif skipped:
        text = (f"These files are skipped: what they describe is not loaded until their "
                f"mistakes are fixed ({rule}). Everything else loaded.")
    elif warned:
        text = "These files have mistakes, but everything in them loaded; fix the lines listed."
    else:
        text = "The data has no mistakes."
    if notes:
        text += (f" The “{NOTES}” say what loaded but cannot be shown in full on the body, "
                 "because the drawings are built in.")
    return f"{text} Run “bodymap validate” for the same list."


def listing(catalog: Catalog) -> str:
    """The problems as `path:line:column: message`: the skipped files first, under a heading
    that counts and names them, then the files that loaded with warnings, then the notes. A list
    of warnings alone needs no heading."""
    skipped, warned, notes = _kinds(catalog)
    if not skipped and not notes:
        return "\n".join(str(p) for p in warned)
    sections = []
    if skipped:
        files = sorted(catalog.skipped_files)
        names = ", ".join(short_names(files))
        sections.append([f"{SKIPPED}, {_count(len(files), 'file')}: {names}",
                         *(str(p) for p in skipped)])
    if warned:
        sections.append([f"{WARNED}:", *(str(p) for p in warned)])
    if notes:
        sections.append([f"{NOTES}:", *(str(p) for p in notes)])
    return "\n\n".join("\n".join(section) for section in sections)


def short_names(files: list[str]) -> list[str]:
    """Each file by as few of its last path parts as tell it from the others in the list:
    `hamstrings.yaml` alone, `p1/muscles/hamstrings.yaml` when two packs have one."""
    parts = [Path(file).parts for file in files]
    names = []
    for mine in parts:
        count = 1
        while count < len(mine) and sum(other[-count:] == mine[-count:] for other in parts) > 1:
            count += 1
        names.append(str(Path(*mine[-count:])))
    return names
