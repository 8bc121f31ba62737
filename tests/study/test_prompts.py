"""The words around a question while it waits, from the built-in data, without Qt: the hint
says every view the zones are drawn on, a locate question where the muscle is drawn, the marks
each with its side."""

from __future__ import annotations

import pytest

from bodymap.model import Catalog
from bodymap.model.prose import on_side
from bodymap.model.schema import VIEW_NAMES
from bodymap.study import LocateQuestion, ReferralQuestion, ZoneQuestion
from bodymap.study.prompts import VIEW_HINTS, body_prompt, hint, marks_text, zones_drawn


@pytest.mark.parametrize("views", [(), ("posterior",), ("anterior", "posterior"),
                                   ("lateral", "posterior", "anterior")])
def test_the_zones_hint_names_every_view_drawing_them(views: tuple[str, ...]):
    words = zones_drawn(views)
    for view in views:
        assert VIEW_HINTS[view] in words
    assert ("Switch views" in words) == (len(views) > 1)
    assert ("No view" in words) == (not views)


def test_a_zone_question_says_where_its_trigger_point_is_and_its_views(catalog: Catalog,
                                                                       questions: list):
    for question in (q for q in questions if isinstance(q, ZoneQuestion)):
        views = question.answer_views()
        words = hint(question, views)
        assert words.startswith(question.where or zones_drawn(views))
        assert zones_drawn(views) in words
        line = body_prompt(question, views)
        assert line.startswith(question.prompt)
        for view in views:
            assert VIEW_NAMES[view] in line


def test_a_locate_question_says_the_layer_and_a_view_other_than_the_back(questions: list):
    for question in (q for q in questions if isinstance(q, LocateQuestion)):
        words = hint(question, ())
        assert ("deep layer (Alt+D)" in words) == (question.layer == "deep")
        off_the_back = "posterior" not in question.views
        assert (VIEW_HINTS[question.views[0]] in words) == off_the_back
        assert body_prompt(question, ()).startswith(question.prompt)


def test_a_referral_question_asks_for_a_choice(questions: list):
    question = next(q for q in questions if isinstance(q, ReferralQuestion))
    assert "1-4" in hint(question, ()) and "1-4" in body_prompt(question, ())


def test_marks_are_named_with_their_sides(catalog: Catalog):
    zone, other = [z for z in catalog.zones.values() if not z.midline][:2]
    midline = next(z for z in catalog.zones.values() if z.midline)
    words = marks_text(catalog, {(zone.id, "L"), (other.id, "R"), (midline.id, None)})
    for name in (on_side(zone.label, "L"), on_side(other.label, "R"), midline.label):
        assert name in words
    assert marks_text(catalog, set()) == "Nothing marked yet."
