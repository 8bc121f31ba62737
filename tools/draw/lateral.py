"""Lateral view: the person's LEFT side, iliac crest to ankle, front of the body on the left.

Body coordinates: ap = cm in front of (+) or behind (-) the mid-coronal line through the greater
trochanter, h = cm above the floor (same person as the posterior view). Levels: top of the
crest 102.3 (L4), ASIS 95.8, greater trochanter top 87.3, gluteal fold 76.6, mid-thigh 62.5
(where the upper back of the thigh meets the lower, as in the posterior view), 57.5 (the
two-thirds cut, where the middle band of the back of the thigh meets its lowest part, as in the
posterior view), knee 46.5,
mid-calf 27 (where the upper calf meets the lower, as in the posterior view), lateral malleolus
7.3.

Below the knee the side of the leg has three strips, front to back: the shin (the tibia and the
extensor muscles in front of the fibula), the outer (peroneal) strip over the fibula, from the
fibular head down to just above the lateral malleolus, and the calf behind it. The peroneals
cover the whole outer face of the fibula and bulge forward of it, so the strip runs from the
front (anterior intermuscular) septum, 2.5-3.5 cm in front of the fibula, back to the posterior
septum just behind it, in front of soleus and the Achilles tendon: about a third of the leg's
depth at mid-shin, 3-4.5 cm across, widest over the bellies in the upper half.

The back of the thigh and the upper calf are split into inner and outer halves in the
posterior view; from the side only the outer halves show, so this view draws those
(`posterior_thigh_upper_lateral`, from the gluteal fold to mid-thigh,
`posterior_thigh_middle_lateral` and `posterior_thigh_distal_lateral`, the band from mid-thigh
to two-thirds of the way down and the part above the knee, and `calf_upper_lateral`). The lower
calf is not split: it is one zone in both views.

The buttock below the upper buttock is cut in two as in the posterior view: the middle buttock
above, the lower buttock from just above the level of the coccyx tip down to the gluteal fold,
behind the greater trochanter and the outer thigh. The posterior view splits the lower buttock
into an inner half, along the gluteal cleft, and an outer half; from the side only the outer
half shows, so this view draws that (`lower_buttock_lateral`).
"""

from __future__ import annotations

from itertools import pairwise

from geometry import Curve, Frame, between, chain, closed_d, fan, fmt, lerp, open_d
from svgwriter import (
    BONE,
    BONE_EDGE,
    CREASE,
    DEEP_STYLE,
    MUSCLE_STYLE,
    MUSCLE_STYLES,
    OUTLINE,
    SKIN_SHADE,
    ZONE_STYLE,
    Svg,
)

FRAME = Frame(x0=290, y0=40, scale=9, h_top=112)
SIGN = -1.0  # front (ap > 0) towards the viewer's left
px = FRAME.px

FT, BT = (10.6, 111.0), (-9.8, 111.0)
F1, F2 = (11.25, 99.0), (10.5, 93.5)
K_F, K_B = (6.6, 46.5), (-6.2, 46.5)
LA_F, LA_F2 = (4.2, 12.5), (5.4, 8.5)
LA_B, LA_B2 = (-3.9, 12.5), (-4.9, 4.4)
B1, GMX_TOP, B2, B3 = (-9.8, 100.2), (-11.3, 96.4), (-12.7, 93.4), (-14.6, 89.5)
B4, GMX_BACK = (-12.6, 76.6), (-14.0, 78.6)
J_AT = (5.9, 97.0)
J_GTA, J_GTB = (3.9, 89.5), (3.5, 79.2)
J_UB, J_LT, J_LF = (-3.3, 89.4), (-4.5, 81.0), (-4.3, 78.2)
# the cut between the middle and the lower buttock: from the back of the trochanter's zone (a knot
# of gt_edge) back to the outline at the buttock's fullest point, level with the posterior view's
# cut at the middle of the buttock (about 84-86 cm, just above the coccyx tip)
J_MB_F, J_MB_B = (-4.8, 85.4), (-15.31, 84.3)
J_KA, J_KP = (3.2, 46.5), (-3.2, 46.5)
J_LA = (-1.6, 12.5)
# the peroneal strip's front edge, the septum in front of the fibula: at the knee and the ankle
J_KL, J_LA_F = (0.6, 46.5), (1.5, 12.5)
CALF_CUT = 27.0  # same level as in the posterior view
J_LC, J_CALF_B = (-2.6, CALF_CUT), (-7.4, CALF_CUT)  # the calf cut's front and back ends
THIGH_CUT = 62.5  # same level as in the posterior view
J_PT_F, J_PT_B = (-3.68, THIGH_CUT), (-8.31, THIGH_CUT)  # front and back ends of the cut
THIGH_CUT2 = 57.5  # same level as in the posterior view
# its ends: points of the outer thigh's back edge and of the outline as they were drawn
J_PT2_F, J_PT2_B = (-3.53, THIGH_CUT2), (-7.62, THIGH_CUT2)

OUTLINE_KNOTS = [
    FT, (11.1, 106.0), F1, F2, (9.3, 89.5), (8.4, 86.2), (8.9, 80.0), (9.0, 72.0), (8.4, 63.0),
    (7.3, 54.0), (6.9, 49.8), K_F, (5.6, 42.0), (4.7, 36.0), (4.35, 26.0), (4.1, 17.0), LA_F,
    LA_F2, (8.5, 6.4), (14.5, 3.8), (19.5, 2.6), (21.0, 1.4), (19.8, 0.2), (10.0, 0.0),
    (2.0, 0.2), (-3.4, 0.5), (-4.9, 2.3), LA_B2, (-4.2, 8.5), LA_B, (-5.0, 18.0), J_CALF_B,
    (-8.3, 34.0), (-7.6, 40.5), K_B, (-6.8, 52.0), J_PT2_B, (-8.0, 60.0), J_PT_B, (-9.2, 69.0),
    (-10.8, 74.2),
    B4, GMX_BACK, (-15.1, 82.5), J_MB_B, (-15.3, 86.0), B3, B2, GMX_TOP, B1, (-9.2, 104.5), BT,
]

CURVES = {
    "outline": Curve("outline", OUTLINE_KNOTS),
    "top": Curve("top", [BT, FT]),
    "lcb_up": Curve("lcb_up", [F1, (8.0, 98.8), (5.5, 101.4), (2.0, 103.7), (-1.5, 104.2),
                               (-5.8, 102.7), B1]),
    "lcb_lo": Curve("lcb_lo", [F2, (8.6, 93.7), J_AT, (2.5, 99.9), (-1.5, 100.4), (-5.5, 99.0),
                               (-9.0, 95.8), B2]),
    "lub": Curve("lub", [B3, (-9.5, 90.6), J_UB]),
    "gt_edge": Curve("gt_edge", [J_GTA, (0.6, 90.7), J_UB, J_MB_F, J_LT, (-2.0, 79.0), J_GTB]),
    "lmb": Curve("lmb", [J_MB_F, (-9.8, 84.5), J_MB_B]),
    "lat_at": Curve("lat_at", [J_AT, J_GTA, (3.5, 84.5), J_GTB, (3.2, 66.0), J_KA]),
    "lat_pt": Curve("lat_pt", [J_LT, J_LF, (-3.8, 66.0), J_PT_F, J_PT2_F, J_KP]),
    "thigh_cut": Curve("thigh_cut", [J_PT_F, J_PT_B]),
    "thigh_cut2": Curve("thigh_cut2", [J_PT2_F, J_PT2_B]),
    "lfold": Curve("lfold", [B4, (-8.5, 77.6), J_LF]),
    "lkn": Curve("lkn", [K_F, J_KA, J_KL, J_KP, K_B]),
    "lcl": Curve("lcl", [J_KP, (-3.4, 38.0), J_LC, (-2.35, 24.0), J_LA]),
    "lpe_front": Curve("lpe_front", [J_KL, (1.1, 38.0), (1.35, 24.0), J_LA_F]),
    "calf_cut": Curve("calf_cut", [J_LC, J_CALF_B]),
    "la_top": Curve("la_top", [LA_B, J_LA, J_LA_F, LA_F]),
    "la_bot": Curve("la_bot", [LA_F2, (2.6, 4.6), (-1.2, 3.5), LA_B2]),
}
c = CURVES
ZONES = {
    "flank": [(c["outline"], FT, F1), (c["lcb_up"], F1, B1), (c["outline"], B1, BT),
              (c["top"], BT, FT)],
    "iliac_crest": [(c["outline"], F1, F2), (c["lcb_lo"], F2, B2), (c["outline"], B2, B1),
                    (c["lcb_up"], B1, F1)],
    "upper_buttock": [(c["lcb_lo"], J_AT, B2), (c["outline"], B2, B3), (c["lub"], B3, J_UB),
                      (c["gt_edge"], J_UB, J_GTA), (c["lat_at"], J_GTA, J_AT)],
    "buttock": [(c["lub"], J_UB, B3), (c["outline"], B3, J_MB_B), (c["lmb"], J_MB_B, J_MB_F),
                (c["gt_edge"], J_MB_F, J_UB)],
    "lower_buttock_lateral": [(c["lmb"], J_MB_F, J_MB_B), (c["outline"], J_MB_B, B4),
                              (c["lfold"], B4, J_LF), (c["lat_pt"], J_LF, J_LT),
                              (c["gt_edge"], J_LT, J_MB_F)],
    "greater_trochanter": [(c["gt_edge"], J_GTA, J_GTB), (c["lat_at"], J_GTB, J_GTA)],
    "anterior_thigh": [(c["outline"], F2, K_F), (c["lkn"], K_F, J_KA), (c["lat_at"], J_KA, J_AT),
                       (c["lcb_lo"], J_AT, F2)],
    "lateral_thigh": [(c["gt_edge"], J_LT, J_GTB), (c["lat_at"], J_GTB, J_KA),
                      (c["lkn"], J_KA, J_KP), (c["lat_pt"], J_KP, J_LT)],
    "posterior_thigh_upper_lateral": [(c["lfold"], B4, J_LF), (c["lat_pt"], J_LF, J_PT_F),
                                      (c["thigh_cut"], J_PT_F, J_PT_B),
                                      (c["outline"], J_PT_B, B4)],
    "posterior_thigh_middle_lateral": [(c["thigh_cut"], J_PT_B, J_PT_F),
                                       (c["lat_pt"], J_PT_F, J_PT2_F),
                                       (c["thigh_cut2"], J_PT2_F, J_PT2_B),
                                       (c["outline"], J_PT2_B, J_PT_B)],
    "posterior_thigh_distal_lateral": [(c["thigh_cut2"], J_PT2_B, J_PT2_F),
                                       (c["lat_pt"], J_PT2_F, J_KP), (c["lkn"], J_KP, K_B),
                                       (c["outline"], K_B, J_PT2_B)],
    "anterior_leg": [(c["outline"], K_F, LA_F), (c["la_top"], LA_F, J_LA_F),
                     (c["lpe_front"], J_LA_F, J_KL), (c["lkn"], J_KL, K_F)],
    "lateral_leg": [(c["lpe_front"], J_KL, J_LA_F), (c["la_top"], J_LA_F, J_LA),
                    (c["lcl"], J_LA, J_KP), (c["lkn"], J_KP, J_KL)],
    "calf_upper_lateral": [(c["lkn"], J_KP, K_B), (c["outline"], K_B, J_CALF_B),
                           (c["calf_cut"], J_CALF_B, J_LC), (c["lcl"], J_LC, J_KP)],
    "calf_lower": [(c["calf_cut"], J_LC, J_CALF_B), (c["outline"], J_CALF_B, LA_B),
                   (c["la_top"], LA_B, J_LA), (c["lcl"], J_LA, J_LC)],
    "lateral_ankle": [(c["la_top"], LA_B, LA_F), (c["outline"], LA_F, LA_F2),
                      (c["la_bot"], LA_F2, LA_B2), (c["outline"], LA_B2, LA_B)],
}

# ---------------------------------------------------------------- muscles
T1 = (5.4, 98.4)  # where gluteus medius' visible top meets the back of TFL's origin
TP88 = (3.4, 88.0)
ASIS_T = (8.7, 95.9)
TFL_TIP = (3.6, 76.8)
GT_TOP = (0.2, 87.2)
GM_BACK = (-8.0, 94.2)
GMX_ITB = (-3.3, 71.5)
BF_FRONT_TOP, BF_BACK_TOP = (-6.5, 73.8), (-10.0, 76.3)  # on gluteus maximus' lower border
BF_END_F, BF_END_B = (-2.3, 43.2), (-3.4, 42.9)  # the tendon at the head of the fibula
MUSCLE_CURVES = {
    "tfl_post": Curve("tfl_post", [T1, (4.3, 94.5), TP88, (3.1, 81.5), TFL_TIP]),
    "tfl_ant": Curve("tfl_ant", [TFL_TIP, (5.4, 77.5), (6.8, 82.0), (7.9, 88.0), (8.7, 93.5),
                                 ASIS_T]),
    "tfl_top": Curve("tfl_top", [ASIS_T, (7.3, 97.6), T1]),
    "gmed_top": Curve("gmed_top", [T1, (2.0, 100.6), (-2.5, 101.0), (-6.2, 98.8), GM_BACK]),
    "gmax_upper": Curve("gmax_upper", [GMX_TOP, GM_BACK, (-4.5, 91.2), (-1.6, 88.4), GT_TOP]),
    "gmed_ant": Curve("gmed_ant", [GT_TOP, (2.0, 89.0), TP88]),
    "gmax_ant": Curve("gmax_ant", [GT_TOP, (-1.4, 83.0), (-2.5, 77.0), GMX_ITB]),
    "gmax_low": Curve("gmax_low", [GMX_ITB, BF_FRONT_TOP, BF_BACK_TOP, GMX_BACK]),
    # biceps femoris (long head, with the short head in front of it low in the thigh) comes out
    # from under gluteus maximus' lower border and runs down the back of the thigh, behind the
    # IT band and vastus lateralis, narrowing to its tendon on the head of the fibula
    "bf_front": Curve("bf_front", [BF_FRONT_TOP, (-4.9, 68.0), (-4.7, 60.0), (-4.3, 52.0),
                                   (-3.4, 46.0), BF_END_F]),
    "bf_back": Curve("bf_back", [BF_BACK_TOP, (-9.0, 70.0), (-7.9, 62.5), (-6.9, 55.0),
                                 (-6.0, 49.0), (-4.6, 44.6), BF_END_B]),
    "bf_end": Curve("bf_end", [BF_END_B, BF_END_F]),
}
mc = MUSCLE_CURVES
SUPERFICIAL = {
    "tensor_fasciae_latae": [(mc["tfl_post"], T1, TFL_TIP), (mc["tfl_ant"], TFL_TIP, ASIS_T),
                             (mc["tfl_top"], ASIS_T, T1)],
    "gluteus_medius": [(mc["gmed_top"], T1, GM_BACK), (mc["gmax_upper"], GM_BACK, GT_TOP),
                       (mc["gmed_ant"], GT_TOP, TP88), (mc["tfl_post"], TP88, T1)],
    "gluteus_maximus": [(mc["gmax_upper"], GMX_TOP, GT_TOP), (mc["gmax_ant"], GT_TOP, GMX_ITB),
                        (mc["gmax_low"], GMX_ITB, GMX_BACK), (c["outline"], GMX_BACK, GMX_TOP)],
    "biceps_femoris": [(mc["gmax_low"], BF_FRONT_TOP, BF_BACK_TOP),
                       (mc["bf_back"], BF_BACK_TOP, BF_END_B), (mc["bf_end"], BF_END_B, BF_END_F),
                       (mc["bf_front"], BF_END_F, BF_FRONT_TOP)],
}
DEEP_SHAPES = {
    # Gluteus minimus, the smallest and deepest of the three, under the front half of medius (and
    # TFL in front): from the outer ilium between the anterior gluteal line (from the crest a
    # few cm behind the ASIS, arching down and back to the top of the greater sciatic notch) and
    # the inferior gluteal line (just above the hip joint), converging on the front of the
    # greater trochanter. Its top edge runs diagonally down and back, well below medius' top.
    "gluteus_minimus": [(6.0, 98.0), (3.0, 97.0), (0.0, 95.4), (-2.6, 93.4), (-4.2, 91.6),
                        (-4.6, 90.4), (-3.2, 89.3), (-1.0, 88.2), (0.8, 86.9), (1.9, 86.4),
                        (3.6, 87.8), (5.4, 90.0), (6.6, 92.8), (7.0, 95.4)],
}
MARKERS = {
    ("gluteus_medius", "trp2"): (-1.5, 98.3),
    ("gluteus_medius", "trp3"): (3.5, 96.3),
    ("gluteus_minimus", "trp1"): (4.0, 93.0),
    ("tensor_fasciae_latae", "trp1"): (5.9, 91.0),
    ("biceps_femoris", "trp1"): (-6.3, 60.0),
    ("biceps_femoris", "trp2"): (-4.9, 52.0),
}


def build() -> Svg:
    svg = Svg("bodymap: lateral view of the left side, front of the body on the viewer's left",
              560, 1070)
    svg.skin_gradient(0.25)
    for draw in (body, muscles, zones, markers):
        draw(svg)
    return svg


def body(svg: Svg) -> None:
    L = "body"
    o = c["outline"]
    svg.comment(L, "Skin: the whole silhouette (also used by the tests as the body outline)")
    svg.el(L, "path", id="art-body-outline",
           d=chain([(o, FT, BT), (c["top"], BT, FT)], px, SIGN), fill="url(#art-skin-gradient)",
           stroke="none")
    svg.comment(L, "Bones under the skin: iliac crest, ASIS, greater trochanter, fibula, ankle")
    crest = [(8.4, 95.8), (7.2, 98.4), (5.0, 100.6), (2.0, 102.0), (-1.5, 102.3), (-5.0, 101.0),
             (-7.8, 98.2), (-9.8, 95.2)]
    svg.el(L, "path", d=open_d(crest, px, SIGN), fill="none", stroke=BONE_EDGE, stroke_width="8",
           stroke_linecap="round", stroke_opacity="0.5")
    svg.el(L, "path", d=open_d(crest, px, SIGN), fill="none", stroke=BONE, stroke_width="5.5",
           stroke_linecap="round")
    for (x, y, rx, ry) in ((-0.4, 84.2, 2.5, 3.1), (-2.6, 42.0, 1.1, 1.2),
                           (-0.6, 7.2, 1.0, 1.3)):
        cx, cy = px((x, y), SIGN)
        svg.el(L, "ellipse", cx=fmt(cx), cy=fmt(cy), rx=fmt(rx * 9), ry=fmt(ry * 9), fill=BONE,
               fill_opacity="0.8", stroke=BONE_EDGE, stroke_width="1")
    cx, cy = px((8.4, 95.8), SIGN)
    svg.el(L, "circle", cx=fmt(cx), cy=fmt(cy), r="4", fill=BONE, stroke=BONE_EDGE,
           stroke_width="1")
    svg.comment(L, "IT band, patella, creases")
    band = dict(fill="none", stroke=CREASE, stroke_width="1.1", stroke_opacity="0.45")
    svg.el(L, "path", d=open_d([(2.6, 79.0), (2.4, 62.0), (2.0, 43.0)], px, SIGN), **band)
    svg.el(L, "path", d=open_d([(-2.4, 78.0), (-1.8, 62.0), (0.6, 43.0)], px, SIGN), **band)
    px_, py_ = px((5.9, 47.8), SIGN)
    svg.el(L, "ellipse", cx=fmt(px_), cy=fmt(py_), rx=fmt(1.2 * 9), ry=fmt(2.6 * 9),
           fill=SKIN_SHADE, fill_opacity="0.5", stroke=CREASE, stroke_width="0.8",
           stroke_opacity="0.6")
    crease = dict(fill="none", stroke=CREASE, stroke_width="1.4", stroke_linecap="round")
    svg.el(L, "path", d=open_d([(-12.6, 76.6), (-10.2, 77.3), (-8.0, 77.4)], px, SIGN), **crease)
    svg.el(L, "path", d=open_d([(-6.2, 46.8), (-5.2, 46.6)], px, SIGN), **crease)
    svg.el(L, "path", d=open_d([(-4.4, 30.0), (-2.9, 20.0), (-2.6, 12.0)], px, SIGN), **crease,
           stroke_opacity="0.4")
    svg.el(L, "path", d=open_d([(15.0, 3.0), (15.4, 1.0)], px, SIGN), **crease,
           stroke_opacity="0.5")
    svg.el(L, "path", d=open_d([(8.5, 5.8), (3.0, 5.4), (-2.5, 3.0)], px, SIGN), **crease,
           stroke_opacity="0.3")
    svg.comment(L, "Body outline")
    svg.el(L, "path", d=chain([(o, FT, BT)], px, SIGN, close=False), fill="none", stroke=OUTLINE,
           stroke_width="2", stroke_linejoin="round")
    svg.comment(L, "Landmark levels, behind the body")
    # Which way the body faces, on the title's line: the window draws captions at one size
    # whatever the zoom, so two lines 16 units apart would overlap when the body is small.
    svg.landmarks(L, [(label, *px((-17.0 if h > 60 else -10.0, h), SIGN)) for label, h in (
        ("top of crest (L4)", 102.3), ("greater trochanter", 84.2), ("knee joint", 46.5),
        ("lateral malleolus", 7.2))],
        captions=[("\u2190 front \u00b7 Left side view \u00b7 back \u2192", 280, 18, 14)])
    svg.comment(L, "Side label")
    svg.side_labels((0.2, 60.0), {"L": SIGN}, px)


def muscles(svg: Svg) -> None:
    S = "superficial"
    svg.comment(S, "Left side only")
    for name, pieces in SUPERFICIAL.items():
        svg.el(S, "path", id=f"m-{name}-L", d=chain(pieces, px, SIGN),
               **MUSCLE_STYLES.get(name, MUSCLE_STYLE))
        if name == "gluteus_maximus":
            upper = c["outline"].sample(GMX_BACK, GMX_TOP, 10)[1:-1]
            front = mc["gmax_ant"].sample(GMX_ITB, GT_TOP, 10)[1:-1]
            svg.fibres(S, between(upper, front, 0.05), px, SIGN)
        elif name == "gluteus_medius":
            top = mc["gmed_top"].sample(T1, GM_BACK, 9)[1:-1]
            svg.fibres(S, fan(top, GT_TOP, 0.85, 0.06), px, SIGN)
        elif name == "biceps_femoris":
            front = mc["bf_front"].sample(BF_FRONT_TOP, BF_END_F, 9)[1:-2]
            back = mc["bf_back"].sample(BF_BACK_TOP, BF_END_B, 9)[1:-2]
            for f in (0.3, 0.55, 0.8):
                svg.fibres(S, list(pairwise([lerp(a, b, f) for a, b in zip(front, back,
                                                                          strict=True)])),
                           px, SIGN)
        else:
            svg.fibres(S, [((5.4, 96.4), (3.8, 79.4)), ((6.4, 96.4), (4.3, 78.6)),
                            ((7.5, 95.0), (4.9, 78.6))], px, SIGN)
    D = "deep"
    svg.comment(D, "Left side only")
    for name, knots in DEEP_SHAPES.items():
        svg.el(D, "path", id=f"m-{name}-L", d=closed_d(knots, px, SIGN), **DEEP_STYLE)
    svg.fibres(D, fan([(6.0, 95.6), (4.2, 96.8), (1.6, 96.0), (-1.0, 94.4), (-3.3, 92.2)],
                       (1.8, 86.9), 0.85), px, SIGN)


def zones(svg: Svg) -> None:
    Z = "zones"
    for name, pieces in ZONES.items():
        svg.el(Z, "path", id=f"z-{name}-L", d=chain(pieces, px, SIGN), **ZONE_STYLE)


def markers(svg: Svg) -> None:
    svg.markers(MARKERS, {"L": SIGN}, px)
