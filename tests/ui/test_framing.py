"""What a picture framed to a muscle shows (`framing.frame_rect`): the exports and the window's
Zoom to selection, presenter mode and small windows all frame the view with it."""

from __future__ import annotations

import pytest

from bodymap.model import Catalog
from bodymap.ui.export import muscle_scene
from bodymap.ui.export_views import picture_views
from bodymap.ui.framing import BODY, REGION, frame_rect, painted_rect


def test_a_view_framed_to_a_referral_shows_the_body_going_on_past_both_ends_of_the_red(
        qapp, catalog: Catalog):
    # The end of a referral is what a class reads ("to mid-thigh", "to the knee"). Iliopsoas's
    # red on the front of the thigh ended a few centimetres above the slide's lower edge and
    # seemed to run off it. In every muscle's pictures, each view framed short of the whole body
    # has an eighth of its height or more beyond the red, above and below, unless the body
    # itself ends there.
    framed = 0
    for muscle in catalog.muscles.values():
        for scene in picture_views(muscle_scene(catalog, muscle)):
            frame, body = frame_rect(scene, REGION), frame_rect(scene, BODY)
            red = painted_rect(scene)
            if frame == body or red.isEmpty():
                continue
            framed += 1
            where = (muscle.id, scene.view.name)
            assert frame.contains(red), where
            assert (frame.bottom() - red.bottom() >= frame.height() / 8
                    or frame.bottom() == pytest.approx(body.bottom())), where
            assert (red.top() - frame.top() >= frame.height() / 8
                    or frame.top() == pytest.approx(body.top())), where
    assert framed > 10  # most pictures are framed: the check is not empty
