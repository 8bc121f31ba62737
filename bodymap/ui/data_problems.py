"""How the window words the data problems: what was skipped, what loaded but for some entries,
what loaded with warnings, and notes on what loaded but cannot be shown in full.

A mistake in a muscle file's required field leaves out the whole muscle, so "everything else
loaded" would be false for that file; a mistake in one entry of zones.yaml or sources.yaml leaves
out only that entry, so "not loaded" would be false for the file (unless the file cannot be read
as a list at all, which leaves out all of it). Each problem says what it leaves
out (`Problem.left_out`), and the words follow it, per file. A note (`Problem.note`) is no
mistake: it is counted and listed apart, so a pack with only notes is not said to have problems.
File ▸ Data problems shows them in a dialog of their own (`open_dialog`).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bodymap.model import Catalog
from bodymap.model.layout import LISTINGS, MUSCLES
from bodymap.model.problems import Problem, left_out_by_file
from bodymap.model.prose import counted

SKIPPED = "Skipped until fixed (not loaded)"
PARTLY = "Loaded in part (entries left out until fixed)"
WARNED = "Loaded, with warnings"
NOTES = "Notes (nothing to fix)"

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


class _Kinds:
    """The catalog's problems sorted by what their files lost, each in the catalog's order."""

    def __init__(self, catalog: Catalog) -> None:
        lost = left_out_by_file(catalog.problems)
        self.skipped_files = sorted(file for file, entries in lost.items() if not entries)
        self.partly = {file: entries for file, entries in lost.items() if entries}
        mistakes = [p for p in catalog.problems if not p.note]
        self.skipped = [p for p in mistakes if p.file in self.skipped_files]
        self.partial = [p for p in mistakes if p.file in self.partly]
        self.warned = [p for p in mistakes if p.file not in lost]
        self.notes = [p for p in catalog.problems if p.note]
        self.entries = sum(len(entries) for entries in self.partly.values())
        # Named apart across both lists: two packs' zones.yaml, one skipped, one loaded in part.
        self.names = dict(zip(lost, short_names(list(lost)), strict=True))


def entries_left_out(entries: tuple[str, ...]) -> str:
    """"2 entries left out: zone 'a', zone 'b'; the rest loaded"."""
    return (f"{counted(len(entries), 'entry', 'entries')} left out: {', '.join(entries)}; "
            "the rest loaded")


def summary(catalog: Catalog) -> str:
    """One line for the status bar, or '' when the data is clean."""
    kinds = _Kinds(catalog)
    parts = []
    mistakes = len(kinds.skipped) + len(kinds.partial) + len(kinds.warned)
    if mistakes:
        parts.append(f"{counted(mistakes, 'problem')} in the data files")
    parts += _left_out_parts(kinds)
    if kinds.notes:
        parts.append(f"{counted(len(kinds.notes), 'note')} on what the body drawings cannot show")
    return f"{'; '.join(parts)}: see File > Data problems." if parts else ""


def left_out(catalog: Catalog) -> str:
    """What the data's mistakes leave out, for a notice that stays in sight ("2 files not
    loaded until fixed"), or '' when they leave out nothing: a teacher whose muscle is missing
    from the list looks at the list, not at the status bar, which the next hover overwrites."""
    return "; ".join(_left_out_parts(_Kinds(catalog)))


def _left_out_parts(kinds: _Kinds) -> list[str]:
    """"2 files not loaded until fixed", "3 entries left out until fixed": those that apply."""
    parts = []
    if kinds.skipped_files:
        parts.append(f"{counted(len(kinds.skipped_files), 'file')} not loaded until fixed")
    if kinds.entries:
        parts.append(f"{counted(kinds.entries, 'entry', 'entries')} left out until fixed")
    return parts


def explanation(catalog: Catalog) -> str:
    """The words above the list: true whichever kinds of problem there are."""
    kinds = _Kinds(catalog)
    skipped, partial, warned = kinds.skipped, kinds.partial, kinds.warned
    rule = _why_skipped(skipped)
    entry_rule = "a mistake in one entry of a file leaves out only that entry"
    if skipped and not partial and not warned:
        text = (f"These files are skipped: what they describe is not loaded until their "
                f"mistakes are fixed ({rule}). Everything else loaded.")
    elif partial and not skipped and not warned:
        text = (f"These files loaded except the entries named, which are left out until their "
                f"mistakes are fixed ({entry_rule}). Everything else loaded.")
    elif warned and not skipped and not partial:
        text = "These files have mistakes, but everything in them loaded; fix the lines listed."
    elif not skipped and not partial:
        text = "The data has no mistakes."
    else:
        sentences = []
        if skipped:
            sentences.append(f"What is under “{SKIPPED}” is not loaded until its mistakes are "
                             f"fixed: {rule}.")
        if partial:
            sentences.append(f"The files under “{PARTLY}” loaded except the entries named, which "
                             f"are left out until their mistakes are fixed: {entry_rule}.")
        if warned:
            sentences.append(f"The files under “{WARNED}” loaded; fix the lines listed.")
        text = " ".join(sentences)
    if kinds.notes:
        text += (f" The “{NOTES}” say what loaded but cannot be shown in full on the body, "
                 "because the drawings are built in.")
    return f"{text} Run “bodymap validate” for the same list."


MUSCLE_RULE = "one mistake in a muscle file leaves out the whole muscle"
UNREAD_RULE = "a file where bodymap does not look for data is not read"


def _why_skipped(skipped: list[Problem]) -> str:
    """Why the skipped files are left out whole, said for the kinds of file among them: a
    muscle file for one mistake, a zones.yaml or sources.yaml only when it cannot be read as a
    list at all (a mistake in one entry leaves out only that entry), a file out of place because
    it is not read."""
    rules: dict[str, None] = {}
    for problem in skipped:
        path = Path(problem.file)
        if problem.message.startswith("this file is not read"):
            rules[UNREAD_RULE] = None
        elif path.parent.name == MUSCLES:
            rules[MUSCLE_RULE] = None
        elif path.name in LISTINGS.values():
            kind = path.stem  # "zones", "sources"
            rules[f"a {path.name} that cannot be read as a list of {kind} leaves out every "
                  f"{kind.removesuffix('s')} in it"] = None
    ordered = sorted(rules, key=lambda rule: (rule != MUSCLE_RULE, rule == UNREAD_RULE, rule))
    return "; ".join(ordered) or "what cannot be read is left out whole"


def listing(catalog: Catalog) -> str:
    """The problems as `path:line:column: message`: the skipped files first, under a heading
    that counts and names them; then the files that loaded but for some entries, each under a
    line naming what it left out; then the files that loaded with warnings, then the notes. A
    list of warnings alone needs no heading."""
    kinds = _Kinds(catalog)
    if not kinds.skipped and not kinds.partial and not kinds.notes:
        return "\n".join(str(p) for p in kinds.warned)
    sections = []
    if kinds.skipped:
        names = ", ".join(kinds.names[file] for file in kinds.skipped_files)
        sections.append([f"{SKIPPED}, {counted(len(kinds.skipped_files), 'file')}: {names}",
                         *(str(p) for p in kinds.skipped)])
    if kinds.partial:
        section = [f"{PARTLY}, {counted(len(kinds.partly), 'file')}:"]
        for file, entries in kinds.partly.items():
            section.append(f"{kinds.names[file]}: {entries_left_out(entries)}")
            section.extend(str(p) for p in kinds.partial if p.file == file)
        sections.append(section)
    if kinds.warned:
        sections.append([f"{WARNED}:", *(str(p) for p in kinds.warned)])
    if kinds.notes:
        sections.append([f"{NOTES}:", *(str(p) for p in kinds.notes)])
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


def open_dialog(parent: QWidget, catalog: Catalog) -> None:
    """File ▸ Data problems: what they mean (`explanation`) over the list of them (`listing`)."""
    # Dialogs: loaded when first used (the window words its summary from this module at start-up).
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout

    from bodymap.ui.sizing import resize_within_screen

    dialog = QDialog(parent)
    dialog.setWindowTitle("Data problems")
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # a new one each time it opens
    text = QPlainTextEdit(listing(catalog))
    text.setReadOnly(True)
    text.setObjectName("problemList")
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    explanation_label = QLabel(explanation(catalog))
    explanation_label.setObjectName("problemExplanation")
    explanation_label.setWordWrap(True)
    layout.addWidget(explanation_label)
    layout.addWidget(text)
    layout.addWidget(buttons)
    resize_within_screen(dialog, 760, 360)
    dialog.open()
