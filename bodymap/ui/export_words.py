"""What a picture says in words: its title, what its key explains, and what a slide says beside
it and a handout under it, the trigger points shown and the muscles that can refer to the marked
pain, with the sources behind them; and the marked pain it leaves out, for the window's note and
the command's advice.

The words are rich text (or plain, for a title), said once here for every format; `export` sets
them on paper, beside or under the views `export_views` picks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bodymap.diagram import VIEW_NAMES, View, load_view
from bodymap.model import prose
from bodymap.ui.body_scene import BodyScene, on_side
from bodymap.ui.export_views import companion_view, pain_left_out, pictured_pain
from bodymap.ui.legend import PAIN_ROW, PROVISIONAL_ROW, REFERRAL_ROWS, Row
from bodymap.ui.pain_finder import (
    PROVISIONAL_MEANS,
    Refinement,
    candidate_lines,
    moved_up_for,
    order_words,
    rank_marked,
    referral_sources,
    refined,
    says_provisional,
)
from bodymap.ui.pain_views import view_words
from bodymap.ui.rich_text import (
    MUTED,
    escape,
    location_html,
    marked_names,
    provisional_note,
    referral_names,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from bodymap.model import Catalog
    from bodymap.model.schema import Muscle, TriggerPoint

# The muscles a marked-pain slide lists, best first, with why; fewer beside the trigger points
# of a candidate the picture shows, so the words still read from the back of a room.
SLIDE_CANDIDATES = 5
SLIDE_CANDIDATES_BESIDE_ONE = 3


def muscle_title(scene: BodyScene, muscle: Muscle, trp: TriggerPoint | None = None) -> str:
    """A muscle's picture's title: its trigger points (or the one coached) and referral; when
    neither the view nor the one beside it (`export_views.picture_views`) draws the muscle, only its
    referral, and where the muscle is drawn."""
    what = f"{muscle.name}, {trp.label}" if trp else muscle.name
    beside = companion_view(scene)
    if scene.layer_of(muscle.id) is not None or (beside and any(
            r.kind == "muscle" and r.target == muscle.id for r in beside.regions.values())):
        return f"{what}: referral" if trp else f"{what}: trigger points and referral"
    # Only the views that draw it: a pack's muscle names views but has no shape in them.
    drawing = [v for v in muscle.views if v in VIEW_NAMES and any(
        r.kind == "muscle" and r.target == muscle.id for r in load_view(v).regions.values())]
    views = prose.listed(VIEW_NAMES.get(v, v) for v in drawing)
    where = (f" (the muscle is drawn in the {views} view{'s' if len(drawing) > 1 else ''})"
             if views else " (no drawing of the muscle)")
    return f"{what}: referral{where}"


def pain_title(catalog: Catalog, pain: Iterable[tuple[str, str | None]]) -> str:
    """A picture of marked pain says where, in a title short enough to read at a glance."""
    names = marked_names(catalog, pain)
    if not names:
        return "Marked pain"
    return (f"Marked pain: {', '.join(names)}" if len(names) <= 3
            else f"Marked pain in {len(names)} areas")


def window_picture_title(catalog: Catalog, scene: BodyScene, mode: str,
                         selected: tuple[str, str] | None) -> str:
    """The title of a picture of the window's body, in `mode` with the muscle `selected`: a
    study question's, the muscle's, a pain-finder candidate's over the marked pain, or the
    marked pain's."""
    if scene.study is not None:
        return "Study question"  # the picture is a question's, not the muscle selected
    if mode == "muscle" and selected:
        # The coach's trigger point: the picture is of that one only.
        return muscle_title(scene, catalog.muscles[selected[0]], scene.coached_trigger_point())
    if mode == "pain" and scene.preview is not None:
        muscle_id, side = scene.preview
        name = on_side(catalog.muscles[muscle_id].name, side)
        return f"Marked pain, and a candidate: {name}"
    return pain_title(catalog, pictured_pain(scene))  # what the picture marks


def window_picture_name(scene: BodyScene, mode: str, selected: tuple[str, str] | None) -> str:
    """A file name for a picture of the window's body, as its title says
    (`window_picture_title`)."""
    if scene.study is not None:
        return "study-question"
    if mode == "muscle" and selected:  # one trigger point's referral alone: "gluteus_minimus-trp2"
        return f"{selected[0]}-{scene.trigger_point}" if scene.trigger_point else selected[0]
    if mode == "pain":
        return f"pain-{scene.preview[0]}" if scene.preview is not None else "pain"
    return "bodymap"


def key_rows(*scenes: BodyScene) -> tuple[Row, ...]:
    """What the picture of these views needs explained: the referral key, marked pain, or
    both; the X only where a view draws the muscle."""
    referral, shown, pain = scenes[0].shown_state()
    rows = REFERRAL_ROWS if referral or shown else ()
    if shown and all(scene.layer_of(shown[0]) is None for scene in scenes):
        rows = tuple(row for row in rows if row[0] != "marker")
    # The dashed edge of a provisional zone, where a view draws one.
    if any(scene.unsettled_shown() & scene.zones.keys() for scene in scenes):
        rows = (*rows, PROVISIONAL_ROW)
    return (*rows, PAIN_ROW) if pain else rows


def left_out_words(catalog: Catalog, marks: list[tuple[str, str | None]],
                   view: View | None) -> str:
    """A group of `export_views.pain_left_out` in words: the marks and the view that draws
    them, "Groin (left), which the front view draws", "Outer ankle (right), which the right
    side view draws"; or that no view does (a pack's zone with no shape)."""
    names = prose.listed(marked_names(catalog, marks))
    if view is not None:
        return f"{names}, which the {view_words(view)} view draws"
    return f"{names}, which no view draws"


def left_out_note(scene: BodyScene) -> str:
    """For the window, after an export: the marked pain its picture leaves out (marks on all
    three views, a picture showing two of them), and the view to export from for it."""
    return "\n\n".join(
        f"The picture leaves out {left_out_words(scene.catalog, marks, view)}: export from "
        f"the {view_words(view)} view for a picture with it." if view else
        f"The picture leaves out {left_out_words(scene.catalog, marks, view)}."
        for marks, view in pain_left_out(scene))


def candidates_listed(shown: tuple[str, str] | None) -> int:
    """How many candidates a slide lists with why: fewer beside a candidate's trigger points."""
    return SLIDE_CANDIDATES if shown is None else SLIDE_CANDIDATES_BESIDE_ONE


def candidates_html(catalog: Catalog, pain: set[tuple[str, str | None]],
                    shown: tuple[str, str] | None, refinements: Sequence[Refinement] = (),
                    listed: int | None = None, explain: bool = True) -> tuple[str, list[str]]:
    """The muscles that can refer pain to the marked zones in the pain finder's order, its
    chips ticked (`refinements`) included, the first few (`listed`, by default
    `candidates_listed`) with why, then the rest by name; the one the picture shows, if any, says
    so. With `explain`, what "provisional" means, when a row says it; without, the words
    after them do (`slide_html`: under a candidate's trigger points). With them, the ids of
    the sources the listed candidates' referral comes from (`referral_sources`), for the
    slide's foot to cite."""
    rows, known = refined(catalog, rank_marked(catalog, pain), refinements)
    if not rows:
        return "<p>No muscle in the data refers there.</p>", []
    both_sides = len({side for _zone, side in pain if side}) > 1
    listed = candidates_listed(shown) if listed is None else listed
    items = []
    for row in rows[:listed]:
        name, why = candidate_lines(catalog, row, both_sides)
        note = moved_up_for(row, known, refinements)
        if note:
            name = f"{name} · {note}"
        here = (" (in the picture)" if shown is not None and shown[0] == row.candidate.muscle_id
                else "")
        items.append(f"<li><b>{escape(name)}</b>{here}<br>{escape(why)}</li>")
    # A handout's reader has no pain finder to see the rest in: they are named.
    rest_names = dict.fromkeys(catalog.muscles[row.candidate.muscle_id].name
                               for row in rows[listed:])
    rest = (f"<p>Further down the list: {escape(prose.listed(rest_names))}.</p>"
            if rest_names else "")
    # The rows say "provisional" as the pain finder does, of a zone or of a trigger point whose
    # referral there the sources do not settle ("TrP3 (anterior, near the ASIS, provisional)",
    # beside a settled TrP1 to the same zone); the slide says what it means, as it does under a
    # trigger point.
    unsure = (f"<p style='color:{MUTED}'><small><i>Provisional</i>: {PROVISIONAL_MEANS}."
              f"</small></p>" if explain and any(says_provisional(row) for row in rows[:listed])
              else "")
    return (f"<p><b>Muscles that can refer pain there</b>, "
            f"{escape(order_words(refinements, known))}:</p>"
            f"<ol style='margin-top:0px'>{''.join(items)}</ol>{rest}{unsure}",
            [s for row in rows[:listed] for s in referral_sources(catalog, row)])


def points_shown(scene: BodyScene, muscle: Muscle) -> list[TriggerPoint]:
    """The muscle's trigger points a picture of the scene marks: the coached one, else all."""
    coached = scene.coached_trigger_point()
    return [coached] if coached else list(muscle.trigger_points)


# The trigger points that share one pattern, said together (`sharing_a_pattern`).
ALL_OF = {2: "Both", 3: "All three", 4: "All four"}


def sharing_a_pattern(trps: Sequence[TriggerPoint]) -> list[list[TriggerPoint]]:
    """The trigger points in runs of those next to each other that refer alike (the same
    essential, spillover and provisional zones): a page says a shared pattern once, under all
    of them, not once a point (iliopsoas's three points refer alike; the manual gives
    piriformis's two one pattern)."""
    runs: list[list[TriggerPoint]] = []
    for trp in trps:
        if runs and runs[-1][0].referral == trp.referral:
            runs[-1].append(trp)
        else:
            runs.append([trp])
    return runs


def _described(catalog: Catalog, run: Sequence[TriggerPoint]) -> str:
    """Trigger points that refer alike (`sharing_a_pattern`) in full: where each lies, then
    where they refer, essential and spillover."""
    places = "".join(f"<b>{escape(trp.label)}</b>: {location_html(trp)}<br>" for trp in run)
    referral = run[0].referral
    spillover = (f"<br>Spillover: {referral_names(catalog, referral, 'spillover')}"
                 if referral.spillover else "")
    together = (f"<i>{ALL_OF.get(len(run), f'All {len(run)}')} refer to:</i> "
                if len(run) > 1 else "")
    return (f"<p>{places}{together}<span style='color:#b71c1c'>Essential:</span> "
            f"{referral_names(catalog, referral, 'essential')}{spillover}</p>")


def _in_brief(catalog: Catalog, run: Sequence[TriggerPoint]) -> str:
    """Trigger points that refer alike in a line: which they are (their labels say where, "TrP2
    (lower thigh)") and their essential zones, for a page with no room for more."""
    names = prose.listed(f"<b>{escape(trp.label)}</b>" for trp in run)
    return (f"<p>{names}: <span style='color:#b71c1c'>Essential:</span> "
            f"{referral_names(catalog, run[0].referral, 'essential')}</p>")


# How a page says the trigger points it has no room for in full (`slide_html`): a PNG or SVG, one
# image, in brief, pointing to the PDF; the PDF's first page, as on the next page
# (`handout_pages`).
IN_BRIEF, NEXT_PAGE = "in brief", "next page"


def slide_html(scene: BodyScene, refinements: Sequence[Refinement] = (),
               listed: int | None = None, points: int | None = None,
               rest: str = IN_BRIEF) -> tuple[str, str]:
    """What the slide's picture shows, in words: each trigger point shown and where it refers,
    and the marked pain with the muscles that can refer there (in the pain finder's order, its
    chips ticked `refinements`); then, for the foot of the slide, the sources behind them. A
    page short of room lists fewer candidates (`listed`), naming the others, or describes
    fewer trigger points in full (`points`, the first so many): the others `IN_BRIEF`, a line
    each with their essential zones and a word that the PDF handout has them in full, or, on
    the PDF's first page, named as on the `NEXT_PAGE` (`handout_pages`), the sources and all
    with them (`page_words`)."""
    catalog = scene.catalog
    _referral, shown, pain = scene.shown_state()
    muscle = catalog.muscles.get(shown[0]) if shown else None
    trps = points_shown(scene, muscle) if muscle is not None else []
    kept = trps if points is None else trps[:points]
    left = trps[len(kept):]
    brief = left if rest == IN_BRIEF else []
    # What "provisional" means is said once, after all that says it: under the trigger points
    # when they say it (in brief, only where they refer), else under the candidates.
    explained = provisional_note([*kept, *(trp for trp in brief if trp.referral.provisional)])
    parts, source_ids = [], []
    if pain:
        parts.append("<p><b>Marked pain</b>: " + escape(", ".join(marked_names(catalog, pain)))
                     + "</p>")
        if scene.study is None:  # a study question's marks are an answer, not a client's pain
            listing, cited = candidates_html(catalog, pain, shown, refinements, listed,
                                             explain=not explained)
            parts.append(listing)
            source_ids += cited
    if muscle is not None and shown is not None:
        if pain:  # the pain finder's candidate shown over the marks
            parts.append(f"<p><b>Candidate: {escape(on_side(muscle.name, shown[1]))}</b></p>")
        for run in sharing_a_pattern(kept):
            parts.append(_described(catalog, run))
            source_ids += [s for trp in run for s in trp.sources]
        parts += [_in_brief(catalog, run) for run in sharing_a_pattern(brief)]
        source_ids += [s for trp in brief for s in trp.sources]
        if brief:  # a printed page cannot be clicked: where the rest is said
            them = "it" if len(brief) == 1 else "them"
            parts.append(f"<p style='color:{MUTED}'><i>In brief here: the PDF handout has "
                         f"{them} in full, with where to find {them}.</i></p>")
        parts.append(explained)
        if left and not brief:
            parts.append(f"<p style='color:{MUTED}'><i>"
                         f"{escape(prose.listed(trp.label for trp in left))}: on the next page."
                         f"</i></p>")
        source_ids += muscle.sources
    sources = "; ".join(dict.fromkeys(s.short() for s in catalog.sources_of(source_ids)))
    if left and not brief:  # the sources go with the last of the trigger points
        sources = ""
    foot = (f"<p style='color:{MUTED}'>" + (f"Sources: {escape(sources)}<br>" if sources else "")
            + "<i>Teaching material, not medical advice.</i></p>")
    return "".join(parts), foot


def _cuts(scene: BodyScene, least: int) -> list[tuple[int, int]]:
    """How a page short of room says less (`slide_html`'s `listed` and `points`), from all it
    may say: the candidates for marked pain cut to the first, then the trigger points described
    in full from the last, down to `least` of them (over marked pain, those of the candidate the
    picture shows: what it marks, so they go after the list of others)."""
    _referral, shown, pain = scene.shown_state()
    muscle = scene.catalog.muscles.get(shown[0]) if shown else None
    points = len(points_shown(scene, muscle)) if muscle else 0
    if not (pain or points):
        return []
    return ([(n, points) for n in range(candidates_listed(shown), 0, -1)]
            + [(1, n) for n in range(points - 1, least - 1, -1)])


def page_words(scene: BodyScene, refinements: Sequence[Refinement] = ()) -> list[str]:
    """What a page may say under its picture, longest first: what the slide says beside it
    (`slide_html`, its foot too), then shorter and shorter (`_cuts`): the candidates for marked
    pain cut to the first, the others named, then the trigger points described in full from
    the last, the others in brief, down to the first. Nothing when the picture shows nothing to
    say (no muscle, no marks)."""
    return list(dict.fromkeys("".join(slide_html(scene, refinements, n, p))
                              for n, p in _cuts(scene, 1)))


def handout_pages(scene: BodyScene,
                  refinements: Sequence[Refinement] = ()) -> list[tuple[str, list[str]]]:
    """What the PDF handout's first page may say under its picture, longest first, each with
    what follows it on the next pages: as `page_words`, but the trigger points it has no room
    for in full are named as on the next page (down to none described on the first), and
    there they are in full, one paragraph a pattern, then what "provisional" means if they
    say it, then the sources of all the handout says and "Teaching material, not medical
    advice." Nothing follows when the first page says all."""
    _referral, shown, _pain = scene.shown_state()
    muscle = scene.catalog.muscles.get(shown[0]) if shown else None
    trps = points_shown(scene, muscle) if muscle is not None else []
    pages = []
    for n, p in _cuts(scene, 0):
        first = "".join(slide_html(scene, refinements, n, p, NEXT_PAGE))
        left = trps[p:]
        following = ([_described(scene.catalog, run) for run in sharing_a_pattern(left)]
                     + [note for note in [provisional_note(left)] if note]
                     + [slide_html(scene, refinements, n)[1]]) if left else []
        pages.append((first, following))
    return pages
