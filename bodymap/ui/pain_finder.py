"""The pain finder: marked zones in, ranked and explained candidate muscles out."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
from bodymap.model.pain_sources import (
    ESSENTIAL_WEIGHT,
    PROVISIONAL_ESSENTIAL_WEIGHT,
    SPILLOVER_WEIGHT,
)
from bodymap.model.prose import BOTH, bracketed, on_side
from bodymap.model.uncovered import beyond_the_data
from bodymap.ui.body_scene import OTHER_SIDE
from bodymap.ui.candidate_row import ROW_ROLE, CandidateRow
from bodymap.ui.rich_text import (
    MUTED,
    PROVISIONAL,
    link_label,
    marked_names,
    plain_tip,
)

# How well a candidate fits, in words a student reads at a glance, by the share of the pain
# marked that it explains as the list ranks it (`fit`): "strong fit" from STRONG_SHARE; "partial
# fit" above SPILLOVER_WEIGHT, more than a muscle reaching every marked zone only as spillover
# explains (pain there is felt by only some people); "weak fit" at or under it. A muscle whose
# every match rests on referral the sources do not settle is a "provisional fit": its share, each
# zone weighed as spillover, is never more than a weak fit's, and "weak" would say its referral
# is known to be poor where it is only unsettled. Each word's level (3..1) is the meter's steps;
# the level only falls down the list, as the share does (`strength`).
STRONG_SHARE = 0.75
STRENGTHS = ((3, "strong fit"), (2, "partial fit"), (1, "weak fit"))
PROVISIONAL_FIT = f"{PROVISIONAL} fit"

# One line in sight; how the ranking works on request, so that on a projector's short screen
# the candidates keep the room.
HELP = ("Mark painful zones on the body; the muscles that can refer pain there are listed, best "
        "first. <a href='#how'>How are they ranked?</a>")
HELP_MORE = (
    f"Mark painful zones on the body. Each marked zone adds {ESSENTIAL_WEIGHT:g} to "
    "a muscle when it lies in the essential referral zone of one of its trigger points, and "
    f"{SPILLOVER_WEIGHT:g} when it lies only in a spillover zone, so one essential match outranks "
    "two spillover matches. The scores add up over the zones marked, so a muscle that reaches "
    "more of them can come before one that matches fewer, even as essential: an essential and a "
    "spillover match outrank one essential match alone. A zone a muscle refers to only as the "
    "sources do not settle is said to be \"provisional\", and so is a trigger point whose "
    "referral to what is marked is all unsettled. In the ranking, a zone essential only "
    "provisionally weighs "
    f"{PROVISIONAL_ESSENTIAL_WEIGHT:g}, as spillover, so a muscle whose settled pattern covers "
    "the pain comes first; a muscle that rests on such zones alone comes after an equal one that "
    "does not. Ties go to the muscle matching more zones; then, with pain on "
    "both sides, to the one whose muscle on one side explains more of it; then to the one "
    "whose essential zones cover the marked zones that the fewest muscles refer to as essential (a "
    "zone few muscles refer to points to them more than one that many do); then to the one "
    "whose trigger point's pattern is most like what is marked, on each side it covers. Each "
    "row says how much of the pain marked the muscle explains, as it is ranked: a strong fit "
    f"({STRONG_SHARE:.0%} of the most it could score, or more), a partial fit (more than "
    f"{SPILLOVER_WEIGHT:.0%}, which spillover alone never passes), or a weak fit. A muscle "
    "resting on provisional zones alone is a provisional fit: the sources have not settled "
    "that it refers there, and it weighs no more than a weak fit. So a fit word never says "
    "more of a row than of one listed above it; the tooltip gives the score. Referral stays on the "
    "muscle's own side, except where the data says a trigger point refers to both sides "
    "(lower rectus abdominis); midline zones count for both sides. With pain on both sides, a "
    "muscle is listed once, scored for what its left and right muscles explain together: "
    "\"(left)\" or \"(right)\" when one side's explains it all, \"(both sides)\" when it "
    "takes the muscles of both sides, each explaining part of it, and \"(either side)\" when "
    "the muscle of either side alone explains all of it. <a href='#less'>Less</a>"
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


# How a score is made, said beside it in a row's tooltip (`scoring`).
SCORING = (f"{ESSENTIAL_WEIGHT:g} for each marked zone in an essential zone, "
           f"{SPILLOVER_WEIGHT:g} in spillover only")
SCORING_UNSURE = f"{SCORING} or in an essential zone only provisionally"

# What "provisional" means beside a zone in a row, for its tooltip and accessible text.
PROVISIONAL_MEANS = ("not settled by the sources (not yet checked against the trigger point "
                     "manual, or described differently by different sources; the muscle's page "
                     "says which)")

# What a row's side in brackets means, for its tooltip and accessible text.
BOTH_MEANS = ("Both sides: it takes the muscles of both sides, each explaining part of the "
              "pain marked.")
EITHER_MEANS = ("Either side: the muscle of the left or of the right side alone explains all "
                "of it.")

Mark = tuple[str, str | None]  # a marked zone and its side; None for a midline zone


@dataclass(frozen=True)
class Reached:
    """A marked zone a candidate muscle refers pain to, on one side or both."""

    mark: Mark
    kind: str  # "essential" | "spillover"
    provisional: bool  # the match rests only on provisional zones (`Candidate.provisional`)


@dataclass(frozen=True)
class Row:
    """One candidate muscle, and what it explains of all the pain marked, on either side.

    `candidate` is its candidate on the side that fits best (`Catalog.find_sources` asks per
    side). `side` is "L" or "R" when that side's muscle explains all the muscle explains of what
    is marked; BOTH when it takes the muscle on each side, or either explains it as well
    (`either`, said "(either side)" rather than "(both sides)"); None when only midline zones
    are marked. `reached` holds each marked zone it explains, `shown` the candidates whose
    trigger points the row names, and `asked` how many zones are marked in all (a zone group
    counts as its parts)."""

    candidate: Candidate
    side: str | None
    asked: int = 0
    reached: tuple[Reached, ...] = ()
    shown: tuple[Candidate, ...] = ()
    either: bool = False  # with BOTH: the muscle of either side alone explains it all

    @property
    def score(self) -> float:
        """What it explains of the pain marked: 1 for each marked zone in an essential zone,
        0.4 in spillover only, whichever side's muscle refers there."""
        return _score(self.reached)

    @property
    def weight(self) -> float:
        """What it ranks by, as `Candidate.weight`: its score with each zone essential only
        provisionally weighed as spillover."""
        return _score(self.reached, provisional_essential=PROVISIONAL_ESSENTIAL_WEIGHT)

    @property
    def zone_count(self) -> int:
        return len(self.reached)

    @property
    def unsettled(self) -> float:
        """The part of `score` that rests only on provisional zones."""
        return _score([r for r in self.reached if r.provisional])

    @property
    def only_provisional(self) -> bool:
        """Whether everything it explains rests only on provisional zones."""
        return bool(self.reached) and all(r.provisional for r in self.reached)

    @property
    def strength(self) -> tuple[int, str]:
        return strength(self)


def _score(reached: Iterable[Reached], provisional_essential: float = ESSENTIAL_WEIGHT) -> float:
    """The weight of the zones reached; those essential only provisionally weigh
    `provisional_essential`."""
    kinds = [("unsure" if r.provisional and r.kind == "essential" else r.kind) for r in reached]
    return round(ESSENTIAL_WEIGHT * kinds.count("essential")
                 + SPILLOVER_WEIGHT * kinds.count("spillover")
                 + provisional_essential * kinds.count("unsure"), 6)


def fit(row: Row) -> float:
    """The share, 0..1, of the pain marked that a candidate explains, as the list ranks it
    (`Row.weight`): a fit word never says more of a row than of one listed above it."""
    return min(1.0, row.weight / row.asked) if row.asked else 0.0


def strength(row: Row) -> tuple[int, str]:
    """(level, word): 3 "strong fit", 2 "partial fit", 1 "weak fit" or, for a row resting only
    on provisional zones, "provisional fit" (see STRENGTHS). The level follows the share the
    list ranks by (`fit`) and nothing else, so it never rises down the list."""
    share = round(fit(row), 6)
    level = 3 if share >= STRONG_SHARE else 2 if share > SPILLOVER_WEIGHT else 1
    if row.only_provisional:  # its share is a weak fit's (see STRENGTHS): say why
        return level, PROVISIONAL_FIT
    return next((n, word) for n, word in STRENGTHS if n == level)


def _reached(catalog: Catalog, candidate: Candidate, side: str | None) -> dict[Mark, Reached]:
    """The marked zones a candidate asked for one side (None: midline zones only) refers to:
    on its own side, a midline zone on none, and across the body by bilateral referral."""
    def mark(zone: str, on: str | None) -> Mark:
        return zone, None if catalog.zones[zone].midline else on

    other = OTHER_SIDE.get(side or "")
    found = {}
    for zones, kind, unsure, on in (
            (candidate.essential, "essential", candidate.provisional, side),
            (candidate.spillover, "spillover", candidate.provisional, side),
            (candidate.other_essential, "essential", candidate.other_provisional, other),
            (candidate.other_spillover, "spillover", candidate.other_provisional, other)):
        for zone in zones:
            found[mark(zone, on)] = Reached(mark(zone, on), kind, zone in unsure)
    return found


def _combined(reaches: Iterable[dict[Mark, Reached]]) -> dict[Mark, Reached]:
    """What a muscle's candidates on each side explain together: each marked zone as the side
    that refers there as essential has it, else as spillover; provisional only when no side
    refers there so in a settled way."""
    combined: dict[Mark, Reached] = {}
    for reach in reaches:
        for mark, here in reach.items():
            before = combined.get(mark)
            if before is None or _surer(here) < _surer(before):
                combined[mark] = here
    return combined


def _surer(reached: Reached) -> tuple[bool, bool]:
    """How surely a zone is explained, surest lowest: essential, then settled."""
    return reached.kind != "essential", reached.provisional


def rank_marked(catalog: Catalog, marked: set[tuple[str, str | None]]) -> list[Row]:
    """Candidates for zones marked per side, one row per muscle. Each side is asked separately
    because referral stays on the muscle's own side; midline zones join both sides' questions,
    and the zones marked on the other side are asked too, for the referral felt on both sides.

    A muscle that is a candidate on both sides is one row, scored for all it explains on either
    side: with both buttocks marked, gluteus maximus explains both, its right and left
    muscles together, and ranks above a muscle that explains one of them, however rare that
    zone. Rows rank as `Catalog.find_sources` ranks candidates, by that score, a zone essential
    only provisionally weighed as spillover (`Row.weight`); on a tie, the
    muscle whose one side explains more comes first (a band across the low back: one lower
    rectus abdominis refers to all of it, an iliopsoas to its own side), then its best side's
    candidate breaks the tie as `find_sources` does."""
    midline = [zone for zone, side in marked if side is None]
    sides = sorted({side for _, side in marked if side})
    if not sides:
        runs: list[tuple[str | None, list[str], list[str]]] = [(None, midline, [])] if (
            midline) else []
    else:
        runs = [(side, [z for z, s in marked if s == side] + midline,
                 [z for z, s in marked if s == OTHER_SIDE[side]]) for side in sides]
    by_muscle: dict[str, dict[str | None, Candidate]] = {}
    for side, zones, other in runs:
        for candidate in catalog.find_sources(sorted(zones), sorted(other)):
            by_muscle.setdefault(candidate.muscle_id, {})[side] = candidate
    asked = len({(part, None if catalog.zones[part].midline else side)
                 for zone, side in marked for part in catalog.zone_parts(zone)})
    rows = []
    for found in by_muscle.values():
        reaches = {side: _reached(catalog, candidate, side) for side, candidate in found.items()}
        # On a tie, the side whose muscle refers there without reaching across the body.
        ordered = sorted(found, key=lambda side: (
            _rank(found[side]), any(m.other_side for m in found[side].matches), side or ""))
        combined = _combined(reaches[side] for side in ordered)
        best = ordered[0]
        either = False
        if len(found) == 1:
            side, shown = best, (found[best],)
        else:
            whole = [side for side in ordered if reaches[side] == combined]
            if len(whole) == 1:  # one side's muscle explains all that the other's does
                side, shown = whole[0], (found[whole[0]],)
            elif whole:  # either side's explains it all as well
                side, shown, either = BOTH, (found[best],), True
            else:  # each side's muscle explains some: it takes both
                side, shown = BOTH, tuple(found[s] for s in ordered)
        rows.append(Row(shown[0], side, asked, tuple(combined.values()), shown, either))
    rows.sort(key=lambda r: (-r.weight, r.only_provisional, -r.zone_count, _rank(r.candidate),
                             catalog.muscles[r.candidate.muscle_id].name.casefold()))
    return rows


def zone_labels(catalog: Catalog, reached: Iterable[Reached], side: str | None) -> str:
    """The marked zones a row explains, by name, head to foot: a zone marked on both
    sides once, "Buttock (middle, both sides)"; a zone on one side with that side when it is
    not the row's own ("Sacroiliac joint (left)" for a muscle on both sides or the right), and
    "(provisional)" when its match rests only on provisional zones."""
    sides: dict[tuple[str, bool], set[str | None]] = {}
    for r in reached:
        sides.setdefault((r.mark[0], r.provisional), set()).add(r.mark[1])
    zones = [zone for zone, _provisional in sides]
    if len(set(zones)) == len(zones):
        # An area whose parts are all here alike (on the same sides, provisional or not) is
        # one: "Upper back of the thigh", not its two halves.
        on = {zone: found for (zone, _provisional), found in sides.items()}
        unsure = {zone for zone, provisional in sides if provisional}
        kinds = [unsure, *({z for z in zones if s in on[z]} for s in ("L", "R", None))]
        sides = {(area, catalog.in_kind(area, unsure)): on.get(area) or on[
                     catalog.zone_parts(area)[0]]
                 for area in catalog.head_to_foot(catalog.grouped(zones, *kinds))}
    names = []
    for (zone, provisional), on in sides.items():
        where = (BOTH if on == {"L", "R"} else None if on == {None} or on == {side}
                 else next(iter(on)))
        names.append(bracketed(on_side(catalog.zones[zone].label, where),
                               PROVISIONAL if provisional else ""))
    return ", ".join(names)


def candidate_name(catalog: Catalog, row: Row, both_sides: bool) -> str:
    """The muscle, with its side when pain is marked on both: "(left)", "(both sides)" when it
    takes the muscles of both sides, "(either side)" when either alone explains it all."""
    name = catalog.muscles[row.candidate.muscle_id].name
    if both_sides and row.either:
        return bracketed(name, "either side")
    return on_side(name, row.side if both_sides else None)


def side_words(row: Row, both_sides: bool) -> str:
    """What the side in brackets after a row's name means, for its tooltip and accessible
    text; "" when it names none or one side."""
    if not both_sides or row.side != BOTH:
        return ""
    return EITHER_MEANS if row.either else BOTH_MEANS


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


def provisional_points(row: Row) -> set[str]:
    """The trigger points a row names whose every referral to the marked zones is provisional
    (`ZoneMatch.provisional`): the sources do not settle that they refer there."""
    settled = {m.trigger_point for c in row.shown for m in c.matches if not m.provisional}
    return {m.trigger_point for c in row.shown for m in c.matches} - settled


def says_provisional(row: Row) -> bool:
    """Whether a row's words (`candidate_lines`) call anything provisional: a zone it
    explains, or a trigger point it names (`provisional_points`)."""
    return any(r.provisional for r in row.reached) or bool(provisional_points(row))


def _short_label(label: str) -> str:
    """A trigger point's label without where it lies: "TrP3" of "TrP3 (anterior, ...)"."""
    return label.split(" (", 1)[0]


def named_points(row: Row) -> list[str]:
    """The ids of the trigger points a row names (`candidate_lines`): those referring to the
    marked zones, in its order."""
    return list(dict.fromkeys(t for c in row.shown for t in c.trigger_points))


def referral_sources(catalog: Catalog, row: Row) -> list[str]:
    """The ids of the sources behind a row's referral: its named trigger points' (a slide
    listing it cites them, as a muscle's slide cites its trigger points')."""
    muscle = catalog.muscles[row.candidate.muscle_id]
    return [s for t in named_points(row) for s in muscle.trigger_point(t).sources]


def candidate_lines(catalog: Catalog, row: Row, both_sides: bool) -> tuple[str, str]:
    """A candidate in plain text: the muscle (`candidate_name`) and how well it fits ("strong
    fit"); then why, its trigger points and the marked zones they refer to. The list's text
    and a marked-pain slide (`export_words.slide_html`) say the same."""
    muscle = catalog.muscles[row.candidate.muscle_id]
    points = named_points(row)
    unsure = provisional_points(row)
    trps = ", ".join(bracketed(muscle.trigger_point(t).label,
                               PROVISIONAL if t in unsure else "") for t in points)
    reasons = []
    for kind, said in (("essential", "essential zone: "), ("spillover", "spillover only: ")):
        if here := [r for r in row.reached if r.kind == kind]:
            reasons.append(said + zone_labels(catalog, here, row.side))
    verb = "refers" if len(points) == 1 else "refer"
    where = ("here, on both sides of the body"
             if any(m.other_side for c in row.shown for m in c.matches) else "here")
    return (f"{candidate_name(catalog, row, both_sides)} — {row.strength[1]}",
            f"{trps} {verb} {where}; {'; '.join(reasons)}")


def candidate_score(row: Row) -> str:
    """The number behind a row's strength, for its tooltip and its accessible text."""
    return f"score {row.weight:g} of a possible {row.asked:g}"


def scoring(row: Row) -> str:
    """How a row's score is made (`candidate_score`), said beside it."""
    unsure = any(r.provisional and r.kind == "essential" for r in row.reached)
    return SCORING_UNSURE if unsure else SCORING


def provisional_words(catalog: Catalog, row: Row) -> str:
    """What "provisional" in a row means, for its tooltip and its accessible text, and what it
    is said of: its zones ("Upper buttock") and trigger points ("TrP3's referral here"); ""
    when it says nothing is."""
    zones = list(dict.fromkeys(r.mark[0] for r in row.reached if r.provisional))
    muscle = catalog.muscles[row.candidate.muscle_id]
    unsure = provisional_points(row)
    points = [t for t in dict.fromkeys(t for c in row.shown for t in c.trigger_points)
              if t in unsure]
    said = [catalog.zones[z].label for z in zones]
    if points:
        names = [_short_label(muscle.trigger_point(t).label) for t in points]
        said.append(f"{names[0]}'s referral here" if len(names) == 1 else
                    f"the referral here of {', '.join(names[:-1])} and {names[-1]}")
    if not said:
        return ""
    return f"Provisional ({'; '.join(said)}): {PROVISIONAL_MEANS}."


def _rank(candidate: Candidate) -> tuple[object, ...]:
    """How well a candidate fits what is marked, best lowest, as `Catalog.find_sources` ranks:
    weight, resting only on provisional zones or not, zones matched, the fewest other muscles
    sharing its essential zones, the least score resting on provisional zones, then the fewest
    zones of its pattern left unmarked."""
    return (-candidate.weight, candidate.only_provisional, -candidate.zone_count,
            candidate.shared, candidate.unsettled, candidate.unmarked)


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
            unsure = provisional_words(self.catalog, row)
            sides = side_words(row, both_sides)
            said = f"{name}, {word}, {score}{f', {note}' if note else ''}. {why}"
            more = " ".join(filter(None, (sides, unsure)))  # each a sentence
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         f"{said}. {more}" if more else said)
            item.setToolTip(plain_tip("\n".join(filter(None, (
                f"{name}: {word}, {score} ({scoring(row)}).", sides, unsure,
                "Double-click or press Enter to open this muscle.")))))
            self.list.addItem(item)
        self.list.blockSignals(False)
        # Head to foot, each area marked whole said as one ("Upper back of the thigh").
        zones = marked_names(self.catalog, self.marked)
        self.mark_button.setHidden(self.pain_mode)
        if not self.marked:
            self.summary.setText(
                "No pain marked yet. Click the body where it hurts; click again to unmark."
                if self.pain_mode else "No pain marked yet.")
        elif not rows:
            self.summary.setText(f"Marked: {', '.join(zones)}. {self._beyond_the_data(rows)}")
        else:
            plural = "s" if len(rows) != 1 else ""
            beyond = self._beyond_the_data(rows)
            self.summary.setText(f"Marked: {', '.join(zones)}. {len(rows)} candidate{plural}, "
                                 f"{order_words(active, known)}.{f' {beyond}' if beyond else ''}")
        self.candidatePreviewed.emit(None)

    def _beyond_the_data(self, rows: list[Row]) -> str:
        """What to say of the marked zones no row explains (`uncovered.beyond_the_data`)."""
        marks = {(part, None if self.catalog.zones[part].midline else side)
                 for zone, side in self.marked for part in self.catalog.zone_parts(zone)}
        explained = {r.mark for row in rows for r in row.reached}
        unexplained = sorted(marks - explained,
                             key=lambda mark: on_side(self.catalog.zones[mark[0]].label,
                                                      mark[1]).casefold())
        if not unexplained:
            return ""
        from bodymap.diagram import zone_neighbours  # read off the drawings once, when needed

        return beyond_the_data(self.catalog, unexplained, zone_neighbours(), marks)

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
