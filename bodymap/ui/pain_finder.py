"""The pain finder: marked zones in, ranked and explained candidate muscles out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bodymap.model import Candidate, Catalog
from bodymap.model.catalog import ESSENTIAL_WEIGHT, SPILLOVER_WEIGHT
from bodymap.ui.body_scene import BOTH, OTHER_SIDE, on_side, side_label
from bodymap.ui.candidate_row import ROW_ROLE, CandidateRow
from bodymap.ui.rich_text import MUTED, link_label

# How well a candidate fits, in words a student reads at a glance, by the share of the pain
# marked on its side that it explains (`fit`): the strongest word whose share is reached. A
# muscle reaching the marked zones only as spillover is weak whatever its share: pain there is
# felt by only some people.
STRENGTHS = ((0.75, "strong fit"), (0.4, "partial fit"), (0.0, "weak fit"))

# One line in sight; how the ranking works on request, so that on a projector's short screen
# the candidates keep the room.
HELP = ("Mark painful zones on the body; the muscles that can refer pain there are listed, best "
        "first. <a href='#how'>How are they ranked?</a>")
HELP_MORE = (
    f"Mark painful zones on the body. Each marked zone adds {ESSENTIAL_WEIGHT:g} to "
    "a muscle when it lies in the essential referral zone of one of its trigger points, and "
    f"{SPILLOVER_WEIGHT:g} when it lies only in a spillover zone, so one essential match outranks "
    "two spillover matches. Ties go to the muscle matching more zones; then to the one whose "
    "essential zones cover the marked zones that the fewest muscles refer to as essential (a "
    "zone few muscles refer to points to them more than one that many do); then to the one "
    "whose trigger point's pattern is most like what is marked. Each row says how much of the "
    f"pain marked on its side the muscle explains: a strong fit ({STRENGTHS[0][0]:.0%} of the "
    f"most it could score, or more), a partial fit, or a weak fit (under "
    f"{STRENGTHS[1][0]:.0%}, or "
    "spillover only); its tooltip gives the score. Referral stays on the "
    "muscle's own side, except where the data says a trigger point refers to both sides "
    "(lower rectus abdominis); midline zones count for both sides. With pain on both sides, a "
    "muscle is listed once, for the side it fits best, or \"both sides\" when it fits each "
    "as well. <a href='#less'>Less</a>"
)


@dataclass(frozen=True)
class Refinement:
    """A checkable chip that moves matching muscles up the list; `said` is how a row that
    matches says so ("worse sitting"), `tip` what the chip does."""

    label: str
    said: str
    tip: str
    activity: str = ""  # an `aggravated_by` value
    mimic: str = ""  # a word in `often_mistaken_for`

    def matches(self, catalog: Catalog, muscle_id: str) -> bool:
        muscle = catalog.muscles[muscle_id]
        if self.activity:
            return self.activity in muscle.aggravated_by
        return any(self.mimic in text.lower() for text in muscle.often_mistaken_for)


REFINEMENTS = (
    Refinement("Worse sitting", "worse sitting",
               "Move muscles whose pain sitting aggravates up the list", activity="sitting"),
    Refinement("Feels like sciatica", "often mistaken for sciatica",
               "Move muscles often mistaken for sciatica up the list", mimic="sciatica"),
    Refinement("Pain lying on that side", "pain lying on that side",
               "Move muscles whose pain lying on that side aggravates up the list",
               activity="lying_on_side"),
)


# How a score is made, said beside it in a row's tooltip.
SCORING = (f"{ESSENTIAL_WEIGHT:g} for each marked zone in an essential zone, "
           f"{SPILLOVER_WEIGHT:g} in spillover only")


def most_score(candidate: Candidate, asked: int) -> float:
    """The most a candidate could score for the pain marked on its side (`asked` zones, midline
    ones included): every zone in an essential zone. Zones it reaches on the other side
    (bilateral referral) count too."""
    return ESSENTIAL_WEIGHT * (asked + len(candidate.other_essential)
                               + len(candidate.other_spillover))


def fit(candidate: Candidate, asked: int) -> float:
    """The share, 0..1, of the pain marked on a candidate's side that it explains."""
    most = most_score(candidate, asked)
    return min(1.0, candidate.score / most) if most else 0.0


def strength(candidate: Candidate, asked: int) -> tuple[int, str]:
    """(level, word): 3 "strong fit", 2 "partial fit", 1 "weak fit"; see STRENGTHS."""
    share = fit(candidate, asked)
    if not (candidate.essential or candidate.other_essential):
        share = 0.0
    level = next(i for i, (least, _) in enumerate(STRENGTHS) if share >= least)
    return len(STRENGTHS) - level, STRENGTHS[level][1]


@dataclass(frozen=True)
class Row:
    """One candidate muscle. `side` is the side whose candidate it is: "L" or "R", BOTH when
    pain is marked on both sides and the muscle fits each as well, None when only midline zones
    are marked. `weaker` is its candidate on the other side when that fits less well. `asked`
    and `weaker_asked` are how many marked zones each was asked about (see `fit`)."""

    candidate: Candidate
    side: str | None
    weaker: Candidate | None = None
    asked: int = 0
    weaker_asked: int = 0

    @property
    def strength(self) -> tuple[int, str]:
        return strength(self.candidate, self.asked)


def rank_marked(catalog: Catalog, marked: set[tuple[str, str | None]]) -> list[Row]:
    """Candidates for zones marked per side, one row per muscle. Each side is asked separately
    because referral stays on the muscle's own side; midline zones join both sides' questions,
    and the zones marked on the other side are asked too, for the referral felt on both sides.
    A muscle that is a candidate on both sides is one row, ranked by the side it fits best."""
    midline = [zone for zone, side in marked if side is None]
    sides = sorted({side for _, side in marked if side})
    if not sides:
        runs: list[tuple[str | None, list[str], list[str]]] = [(None, midline, [])] if (
            midline) else []
    else:
        runs = [(side, [z for z, s in marked if s == side] + midline,
                 [z for z, s in marked if s == OTHER_SIDE[side]]) for side in sides]
    by_muscle: dict[str, list[tuple[Candidate, str | None]]] = {}
    asked: dict[str | None, int] = {}
    for side, zones, other in runs:
        asked[side] = len(catalog.expand_zones(zones))  # a zone group counts as its parts
        for candidate in catalog.find_sources(sorted(zones), sorted(other)):
            by_muscle.setdefault(candidate.muscle_id, []).append((candidate, side))
    rows = []
    for found in by_muscle.values():
        found.sort(key=lambda pair: (_rank(pair[0]), pair[1] or ""))
        (best, side), *rest = found
        if rest and _rank(rest[0][0]) == _rank(best):
            rows.append(Row(best, BOTH, asked=asked[side]))
        elif rest:
            rows.append(Row(best, side, rest[0][0], asked[side], asked[rest[0][1]]))
        else:
            rows.append(Row(best, side, asked=asked[side]))
    rows.sort(key=lambda r: (_rank(r.candidate),
                             catalog.muscles[r.candidate.muscle_id].name.casefold()))
    return rows


def zone_labels(catalog: Catalog, zone_ids: tuple[str, ...], other: tuple[str, ...] = (),
                side: str | None = None) -> str:
    """Zone names; a zone matched on the other side of the body (bilateral referral) says
    so: "Sacroiliac joint (both sides)", or "(right)" when only that side was marked."""
    other_side = OTHER_SIDE.get(side or "")
    names = [on_side(catalog.zones[z].label, BOTH if z in other else None) for z in zone_ids]
    names += [on_side(catalog.zones[z].label, other_side) for z in other if z not in zone_ids]
    return ", ".join(names)


def candidate_name(catalog: Catalog, row: Row, both_sides: bool) -> str:
    """The muscle, with its side when pain is marked on both."""
    return on_side(catalog.muscles[row.candidate.muscle_id].name,
                   row.side if both_sides else None)


def refined(catalog: Catalog, rows: list[Row],
            active: Sequence[Refinement]) -> tuple[list[Row], set[str]]:
    """The rows with the muscles known for every chip ticked (`active`) first, each part in
    its rank, and those muscles' ids."""
    known = {row.candidate.muscle_id for row in rows
             if active and all(r.matches(catalog, row.candidate.muscle_id) for r in active)}
    return sorted(rows, key=lambda row: row.candidate.muscle_id not in known), known


def moved_up_for(row: Row, known: set[str], active: Sequence[Refinement]) -> str:
    """Why a row stands above a higher score, when the chips moved it up ("worse sitting");
    else nothing."""
    return ", ".join(r.said for r in active) if row.candidate.muscle_id in known else ""


def order_words(active: Sequence[Refinement], known: set[str]) -> str:
    """How the candidates are ordered, in words: "best first", or the chips' order."""
    if not active:
        return "best first"
    chosen = " and ".join(r.said for r in active)
    return (f"those {chosen} first ({len(known)}), then the rest; each best first" if known
            else f"none {chosen}; best first")


def candidate_lines(catalog: Catalog, row: Row, both_sides: bool) -> tuple[str, str]:
    """A candidate in plain text: the muscle (`candidate_name`) and how well it fits ("strong
    fit"); then why, its trigger points and the marked zones they refer to. The list's text
    and a marked-pain slide (`export.slide_html`) say the same."""
    candidate = row.candidate
    muscle = catalog.muscles[candidate.muscle_id]
    trps = ", ".join(muscle.trigger_point(t).label for t in candidate.trigger_points)
    reasons = []
    if candidate.essential or candidate.other_essential:
        reasons.append("essential zone: " + zone_labels(
            catalog, candidate.essential, candidate.other_essential, row.side))
    if candidate.spillover or candidate.other_spillover:
        reasons.append("spillover only: " + zone_labels(
            catalog, candidate.spillover, candidate.other_spillover, row.side))
    verb = "refers" if len(candidate.trigger_points) == 1 else "refer"
    where = ("here, on both sides of the body" if any(m.other_side for m in candidate.matches)
             else "here")
    weaker = ""
    if row.weaker is not None and row.side in OTHER_SIDE:
        word = strength(row.weaker, row.weaker_asked)[1]
        weaker = (f"; on the {side_label(OTHER_SIDE[row.side])}, a {word}"
                  f"{' too' if word == row.strength[1] else ''}")
    return (f"{candidate_name(catalog, row, both_sides)} — {row.strength[1]}",
            f"{trps} {verb} {where}; {'; '.join(reasons)}{weaker}")


def candidate_score(row: Row) -> str:
    """The number behind a row's strength, for its tooltip and its accessible text."""
    return f"score {row.candidate.score:g} of a possible {most_score(row.candidate, row.asked):g}"


def _rank(candidate: Candidate) -> tuple[float, int, tuple[int, ...], int]:
    """How well a candidate fits what is marked, best lowest, as `Catalog.find_sources` ranks:
    score, zones matched, the fewest other muscles sharing its essential zones, then the fewest
    zones of its pattern left unmarked."""
    return -candidate.score, -candidate.zone_count, candidate.shared, candidate.unmarked


class PainFinder(QWidget):
    candidatePreviewed = Signal(object)  # (muscle id, side) or None
    candidateOpened = Signal(str, str)  # muscle id, side
    painModeRequested = Signal()  # the "Mark pain on the body" button

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("painFinder")
        self.setAccessibleName("Pain finder")
        self.catalog = catalog
        self.marked: set[tuple[str, str | None]] = set()
        self.rows: list[Row] = []
        self.pain_mode = False  # whether a click on the body marks pain; the window says
        self.summary = QLabel()
        self.summary.setObjectName("painSummary")
        self.summary.setWordWrap(True)
        self.help = link_label("painHelp", HELP)
        self.help.linkActivated.connect(
            lambda link: self.help.setText(HELP_MORE if link == "#how" else HELP))
        self.help.setStyleSheet(f"color: {MUTED};")  # palette(mid) is too pale on a projector
        self.mark_button = QPushButton("Mark pain on the body")
        self.mark_button.setObjectName("markPainButton")
        self.mark_button.setToolTip("Turn the pain finder on (Ctrl+H), then click the body where "
                                    "it hurts")
        self.mark_button.clicked.connect(self.painModeRequested)
        self.chips = []
        chips = QHBoxLayout()
        for refinement in REFINEMENTS:
            chip = QCheckBox(refinement.label)
            chip.setToolTip(refinement.tip)
            chip.toggled.connect(self.refresh)
            self.chips.append((chip, refinement))
            chips.addWidget(chip)
        chips.addStretch()
        self.list = QListWidget()
        self.list.setObjectName("painCandidates")
        self.list.setAccessibleName("Candidate muscles")
        # The rows' painter is set with the first rows (`refresh`): its QStyle types take about
        # 10 ms to make, and the list is empty until pain is marked.
        # Rows are as tall as their reasons wrap: laid out again when the list's width changes.
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAlternatingRowColors(True)
        self.list.currentRowChanged.connect(self._previewed)
        self.list.itemActivated.connect(self._opened)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.mark_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(chips)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.help)
        self.refresh()

    def set_pain_mode(self, on: bool) -> None:
        """Told by the window when the mode changes, so the tab says what a click will do."""
        self.pain_mode = on
        self.refresh()

    def set_marked(self, marked: set[tuple[str, str | None]]) -> None:
        self.marked = set(marked)
        self.refresh()

    def _paint_rows(self) -> None:
        """Give the list its rows' painter, once, with its first rows (see __init__)."""
        from bodymap.ui.candidate_delegate import CandidateDelegate

        if not isinstance(self.list.itemDelegate(), CandidateDelegate):
            self.list.setItemDelegate(CandidateDelegate(self.list))

    def refinements(self) -> list[Refinement]:
        """The chips ticked, in the order they are shown."""
        return [refinement for chip, refinement in self.chips if chip.isChecked()]

    def refresh(self) -> None:
        active = self.refinements()
        rows, known = refined(self.catalog, rank_marked(self.catalog, self.marked), active)
        self.rows = rows
        both_sides = len({side for _, side in self.marked if side}) > 1
        self.list.blockSignals(True)
        self.list.clear()
        if rows:
            self._paint_rows()
        for row in rows:
            title, why = candidate_lines(self.catalog, row, both_sides)
            note = moved_up_for(row, known, active)
            item = QListWidgetItem(f"{title} · {note}\n{why}" if note else f"{title}\n{why}")
            level, word = row.strength
            name = candidate_name(self.catalog, row, both_sides)
            item.setData(ROW_ROLE, CandidateRow(name, note, level, word, why))
            score = candidate_score(row)
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{name}, {word}, {score}{f', {note}' if note else ''}. {why}")
            item.setToolTip(f"{name}: {word}, {score} ({SCORING}).\n"
                            "Double-click or press Enter to open this muscle.")
            self.list.addItem(item)
        self.list.blockSignals(False)
        zones = sorted(self._zone_text(z, s) for z, s in self.marked)
        self.mark_button.setHidden(self.pain_mode)
        if not self.marked:
            self.summary.setText(
                "No pain marked yet. Click the body where it hurts; click again to unmark."
                if self.pain_mode else "No pain marked yet.")
        elif not rows:
            self.summary.setText(f"Marked: {', '.join(zones)}. No muscle in the data refers there.")
        else:
            plural = "s" if len(rows) != 1 else ""
            self.summary.setText(f"Marked: {', '.join(zones)}. {len(rows)} candidate{plural}, "
                                 f"{order_words(active, known)}.")
        self.candidatePreviewed.emit(None)

    def _zone_text(self, zone_id: str, side: str | None) -> str:
        return on_side(self.catalog.zones[zone_id].label, side)

    def _row_target(self, index: int) -> tuple[str, str] | None:
        if not 0 <= index < len(self.rows):
            return None
        row = self.rows[index]
        return row.candidate.muscle_id, row.side or "L"  # BOTH previews both sides

    def _previewed(self, index: int) -> None:
        self.candidatePreviewed.emit(self._row_target(index))

    def _opened(self, item: QListWidgetItem) -> None:
        target = self._row_target(self.list.row(item))
        if target:  # a muscle is opened on one side; on both, the left
            muscle_id, side = target
            self.candidateOpened.emit(muscle_id, "L" if side == BOTH else side)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.list.currentItem():
            self._opened(self.list.currentItem())
            return
        super().keyPressEvent(event)
