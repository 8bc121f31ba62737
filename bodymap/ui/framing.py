"""What part of a view of the body a picture frames: the whole body, or the band of it that
matters now. Exports frame their pictures with it; the window's "Zoom to muscle" frames the view,
and so does the window by itself when the whole body would be too small to read (`readable`).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF

from bodymap.ui.body_scene import BOTH, BodyScene

# What a picture frames: the whole body, or the band of it that the muscle, its trigger points,
# its referral and the marked pain cover, with air above and below (across the body's width, the
# landmarks' ticks beside it); the whole body when that band is most of it anyway.
BODY, REGION = "body", "region"
BODY_AIR = 0.015  # above and below the body, as a fraction of the view's height
REGION_AIR = 0.06  # above and below the region
# Beyond the painted zones' ends (above and below), more: a fifth of the region's height. The end
# of a referral is what a class reads ("to mid-thigh", "to the knee"), so it must be seen with
# the body going on past it; with only REGION_AIR, iliopsoas's red on a slide stopped a few
# centimetres above the picture's lower edge and seemed to run off it. (Across, the frame always
# holds the whole body's width: a zone at the side ends at the outline.)
PAINT_AIR = 0.2
WHOLE_BODY = 0.75  # a region taller than this fraction of the body: the whole body is framed

# How wide, in lines of the window's text, the whole body must be drawn for a person to read a
# muscle on it; narrower, the window frames the selected muscle and its referral instead.
# Text is the measure because its size already says what this reader can read: the system sets it
# for the screen's density and the usual distance from it, and presenter mode enlarges it for the
# back of a room. The smallest things to tell apart on the body (an erector column, the coccyx or
# the SI-joint zone) are about a tenth of its width: at 12 lines wide they come out a line of text
# across, as large as a letter being read there, and each trigger point's X (about a line high)
# lies on its own column rather than across the next. Measured on the back view: a student's
# window as it first opens on a 13" laptop of 1440x900 (15 lines) shows the whole body, as does
# one maximised on 1280x800 (13); the first window on 1280x800 (11 lines), or one of 1024x640
# (9), frames the muscle. Presenter mode frames the muscle on every screen (BodyView.presenting):
# the class reads it from across a room, where a body 14 lines wide (a 1920x1080 projector) is
# still too small.
READABLE_BODY_LINES = 12.0


def readable(body_width: float, line_height: float) -> bool:
    """Whether a body drawn `body_width` pixels wide reads with text `line_height` pixels high."""
    return body_width >= READABLE_BODY_LINES * line_height


Zone = tuple[str, str | None]  # (zone id, side; None for a midline zone)
State = tuple[dict[Zone, str], tuple[str, str] | None, set[Zone]]  # referral, muscle, pain


def selection_state(scene: BodyScene) -> State:
    """The selected muscle as the explorer shows it, every trigger point's referral (not only the
    one the coach is on: stepping through them must not move the picture) and the marked pain."""
    return scene.referral_of(scene.selected), scene.selected, scene.pain


def painted_rect(scene: BodyScene, state: State | None = None) -> QRectF:
    """The zones painted (referral and marked pain), in scene coordinates; `state` as for
    `focus_rect`."""
    referral, _shown, pain = state if state is not None else scene.shown_state()
    rect = QRectF()
    for key in (*referral, *pain):
        if (zone := scene.zones.get(key)) is not None:
            rect = rect.united(zone.sceneBoundingRect())
    return rect


def focus_rect(scene: BodyScene, state: State | None = None) -> QRectF:
    """What the picture is about, in scene coordinates: the zones painted (referral and marked
    pain) and the shown muscle's outline and trigger points, as the scene draws them now (or as
    `state`, (referral, muscle, pain) as `BodyScene.shown_state` gives them, says)."""
    _referral, shown, _pain = state if state is not None else scene.shown_state()
    rect = painted_rect(scene, state)
    if shown is not None:
        muscle_id, side = shown

        def ours(key: tuple[str, str | None]) -> bool:
            return key[0] == muscle_id and side in (key[1], BOTH)

        for key, item in scene.muscles.items():
            if ours(key) and item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        for key, markers in scene.markers.items():
            for marker in markers:
                if ours(key) and marker.isVisible():
                    rect = rect.united(QRectF(marker.pos() - QPointF(1, 1), QSizeF(2, 2)))
    return rect


def frame_rect(scene: BodyScene, frame: str = REGION, state: State | None = None) -> QRectF:
    """The part of the view a picture shows, in scene coordinates. Across: the body and the ticks
    of its landmarks, centred on the body. Down: the body from head to foot (BODY), or the band
    of it `focus_rect` covers with air above and below (REGION), more beyond the painted zones'
    ends (PAINT_AIR); the whole body when that band (with REGION_AIR only) would be most of it,
    or when nothing is shown. `state` as for `focus_rect`."""
    view = scene.sceneRect()
    outline = scene.view.outline.boundingRect()
    if outline.isEmpty():
        outline = view
    air = BODY_AIR * view.height()
    middle = outline.center().x()
    half = max([outline.width() / 2 + air] + [abs(landmark.x - middle) for landmark in
                                              scene.view.landmarks if landmark.y >= outline.top()])
    left, right = max(view.left(), middle - half), min(view.right(), middle + half)
    top, bottom = max(view.top(), outline.top() - air), min(view.bottom(), outline.bottom() + air)
    body = QRectF(left, top, right - left, bottom - top)
    region = focus_rect(scene, state) if frame == REGION else QRectF()
    if region.isEmpty():
        return body
    air = REGION_AIR * view.height()
    top, bottom = region.top() - air, region.bottom() + air
    if min(body.bottom(), bottom) - max(body.top(), top) > WHOLE_BODY * body.height():
        return body
    paint = painted_rect(scene, state)
    if not paint.isEmpty():
        beyond = max(air, PAINT_AIR * region.height())
        top, bottom = min(top, paint.top() - beyond), max(bottom, paint.bottom() + beyond)
    top, bottom = max(body.top(), top), min(body.bottom(), bottom)
    return QRectF(body.left(), top, body.width(), bottom - top)
