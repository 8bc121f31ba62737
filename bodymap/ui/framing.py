"""What part of a view of the body a picture frames: the whole body, or the band of it that
matters now. Exports frame their pictures with it; the window's "Zoom to muscle" frames the view.
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
WHOLE_BODY = 0.75  # a region taller than this fraction of the body: the whole body is framed


def focus_rect(scene: BodyScene) -> QRectF:
    """What the picture is about, in scene coordinates: the zones painted (referral and marked
    pain) and the shown muscle's outline and trigger points, as the scene draws them now."""
    referral, shown, pain = scene.shown_state()
    rect = QRectF()
    for key in (*referral, *pain):
        if (zone := scene.zones.get(key)) is not None:
            rect = rect.united(zone.sceneBoundingRect())
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


def frame_rect(scene: BodyScene, frame: str = REGION) -> QRectF:
    """The part of the view a picture shows, in scene coordinates. Across: the body and the ticks
    of its landmarks, centred on the body. Down: the body from head to foot (BODY), or the band
    of it `focus_rect` covers with air above and below (REGION); the whole body when that band
    would be most of it, or when nothing is shown."""
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
    region = focus_rect(scene) if frame == REGION else QRectF()
    if region.isEmpty():
        return body
    air = REGION_AIR * view.height()
    top = max(body.top(), region.top() - air)
    bottom = min(body.bottom(), region.bottom() + air)
    if bottom - top > WHOLE_BODY * body.height():
        return body
    return QRectF(body.left(), top, body.width(), bottom - top)
