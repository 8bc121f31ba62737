"""Anterior view: lower ribs to just below the knees, person's left on the viewer's RIGHT.

Body coordinates: dx = cm from the midline towards the person's side, h = cm above the floor.
Levels: xiphoid 121.5, lowest rib (10th) 109.8, navel 102.5 (L3/L4), top of the crest 102,
ASIS 96, pubic symphysis 86.8 (level with the coccyx tip and the greater trochanters), knee 46.5.
"""

from __future__ import annotations

from geometry import Curve, Frame, chain, closed_d, fmt, lerp, open_d
from svgwriter import (
    BONE,
    BONE_EDGE,
    CREASE,
    DEEP_STYLE,
    MUSCLE_EDGE,
    MUSCLE_STYLE,
    OUTLINE,
    SKIN_SHADE,
    ZONE_STYLE,
    Svg,
)

FRAME = Frame(x0=280, y0=40, scale=10, h_top=125)
SIDES = {"L": 1.0, "R": -1.0}  # facing the person: their left is on the viewer's right
L_, R_ = 1.0, -1.0
px = FRAME.px

MID_TOP = (0.0, 124.0)
X = (0.0, 121.5)  # xiphoid
N = (0.0, 102.5)  # navel
G0 = (0.0, 87.9)
CROTCH = (0.0, 79.0)
# The fold between the thigh and the pubic region, from the pubic tubercle (where the inguinal
# ligament ends) down to the inner edge of the thigh: the groin and the inner thigh end there, so
# painting them never covers the pubis and genitals between the two folds.
PT = (2.4, 88.3)
GC = (1.7, 81.7)
I0 = (0.5, 75.0)
AT = (14.6, 124.0)
LX = (13.3, 109.0)
CX = (13.9, 100.6)
KX = (13.3, 50.5)
AB = (12.5, 38.5)
IB = (2.9, 38.5)
I_KN1 = (2.2, 50.5)
# Where the inner front of the thigh (iliopsoas's referral: the sources' groin and *upper*
# anteromedial thigh) ends on the thigh's inner edge: 71, two-fifths of the way down the thigh
# (from the groin fold at 88 to the knee joint at 46.5), above mid-thigh (67, halfway from the
# greater trochanters at the pubic symphysis's level to the knee). The knot sits on the outline.
I_AM = (0.84, 71.0)
L0 = (10.8, 109.8)
J_NF = (11.0, 103.0)
ASIS = (11.6, 96.0)
J_AM = (7.0, 88.6)
J_KL = (10.4, 50.5)

CURVES = {
    "outer": Curve("outer", [AT, (14.1, 117.0), LX, (13.0, 105.2), (13.3, 102.6), CX,
                             (14.9, 97.5), (16.3, 93.0), (17.6, 87.0), (18.0, 83.0), (17.5, 76.0),
                             (16.5, 68.0), (15.0, 59.0), KX, (12.6, 46.5), (12.3, 42.5), AB]),
    "inner": Curve("inner", [IB, (2.3, 42.5), (2.1, 46.5), I_KN1, (1.7, 58.5), (1.3, 64.5), I_AM,
                             I0, CROTCH]),
    "bottom": Curve("bottom", [AB, IB]),
    "top": Curve("top", [MID_TOP, AT]),
    "midline": Curve("midline", [MID_TOP, X, N, G0, CROTCH]),
    "costal": Curve("costal", [X, (4.5, 117.5), (8.0, 113.5), L0, LX]),
    "fl_med": Curve("fl_med", [L0, J_NF, ASIS]),
    "nav_line": Curve("nav_line", [N, (6.0, 102.6), J_NF]),
    "crest": Curve("crest", [ASIS, (12.9, 98.9), CX]),
    "gr_up": Curve("gr_up", [ASIS, (8.3, 93.4), (5.0, 90.4), PT]),
    "pubis": Curve("pubis", [PT, G0]),
    "gr_lo": Curve("gr_lo", [ASIS, (10.0, 93.0), (8.4, 90.4), J_AM, (4.6, 85.8), (2.5, 82.9),
                             GC]),
    "fold": Curve("fold", [PT, (2.2, 85.0), GC, (1.0, 78.2), I0]),
    "ant_lat": Curve("ant_lat", [ASIS, (12.5, 87.0), (12.6, 76.0), (11.7, 63.0), J_KL]),
    "am_edge": Curve("am_edge", [J_AM, (7.5, 83.5), (6.4, 78.0), (4.4, 73.8), I_AM]),
    "kn": Curve("kn", [I_KN1, J_KL, KX]),
}
c = CURVES
ZONES = {
    "upper_abdomen": [(c["costal"], X, L0), (c["fl_med"], L0, J_NF), (c["nav_line"], J_NF, N),
                      (c["midline"], N, X)],
    "lower_abdomen": [(c["nav_line"], N, J_NF), (c["fl_med"], J_NF, ASIS),
                      (c["gr_up"], ASIS, PT), (c["pubis"], PT, G0), (c["midline"], G0, N)],
    "flank": [(c["costal"], L0, LX), (c["outer"], LX, CX), (c["crest"], CX, ASIS),
              (c["fl_med"], ASIS, L0)],
    "groin": [(c["gr_up"], ASIS, PT), (c["fold"], PT, GC), (c["gr_lo"], GC, ASIS)],
    "lateral_thigh": [(c["crest"], ASIS, CX), (c["outer"], CX, KX), (c["kn"], KX, J_KL),
                      (c["ant_lat"], J_KL, ASIS)],
    "anterior_thigh": [(c["ant_lat"], ASIS, J_KL), (c["kn"], J_KL, I_KN1),
                       (c["inner"], I_KN1, I_AM), (c["am_edge"], I_AM, J_AM),
                       (c["gr_lo"], J_AM, ASIS)],
    "anteromedial_thigh": [(c["gr_lo"], J_AM, GC), (c["fold"], GC, I0), (c["inner"], I0, I_AM),
                           (c["am_edge"], I_AM, J_AM)],
}

# Between the two thigh folds, below the pubic tubercles: the pubic bone and the genitals. One zone
# on the midline, so the zones still cover the whole front; no built-in muscle refers there.
MIDLINE_ZONES = {
    "pubic_region": [(c["pubis"], G0, PT, L_), (c["fold"], PT, I0, L_),
                     (c["inner"], I0, CROTCH, L_), (c["inner"], CROTCH, I0, R_),
                     (c["fold"], I0, PT, R_), (c["pubis"], PT, G0, R_)],
}

RECTUS = [(0.6, 87.6), (0.55, 95.0), (0.8, 102.5), (1.1, 110.0), (1.3, 118.0), (1.5, 123.4),
          (5.0, 124.0), (9.0, 123.2), (9.4, 120.5), (8.9, 114.0), (7.9, 108.0), (6.9, 103.0),
          (5.8, 97.5), (4.6, 92.0), (3.6, 88.3), (3.1, 87.3), (1.8, 87.0)]
TFL = [(11.3, 96.6), (12.3, 98.4), (13.6, 98.6), (14.8, 96.0), (15.5, 91.0), (15.6, 85.0),
       (15.3, 80.0), (14.7, 78.6), (14.0, 79.4), (13.1, 84.5), (12.2, 90.0), (11.4, 94.0)]
ILIOPSOAS = [(1.7, 117.0), (2.0, 110.0), (2.3, 103.0), (2.9, 97.5), (4.1, 93.0), (5.8, 89.6),
             (7.0, 86.6), (8.0, 82.6), (9.0, 79.8), (9.6, 79.1), (10.3, 79.6), (10.9, 82.5),
             (11.2, 86.5), (11.2, 90.5), (11.4, 94.0), (12.4, 97.5), (12.7, 100.3), (11.8, 101.8),
             (10.0, 102.1), (8.6, 103.4), (7.3, 107.5), (5.0, 112.5), (3.3, 116.4), (2.9, 117.2)]
SUPERFICIAL = {"rectus_abdominis": RECTUS, "tensor_fasciae_latae": TFL}
DEEP_SHAPES = {"iliopsoas": ILIOPSOAS}
MARKERS = {
    ("rectus_abdominis", "trp1"): (2.0, 89.4),
    ("tensor_fasciae_latae", "trp1"): (13.8, 90.6),
    ("iliopsoas", "trp1"): (9.7, 84.2),
    ("iliopsoas", "trp2"): (11.0, 96.6),
    ("iliopsoas", "trp3"): (7.6, 103.2),
}


def build() -> Svg:
    svg = Svg("bodymap: anterior view (front), person's left on the viewer's right", 560, 920)
    svg.skin_gradient(0.2)
    for draw in (body, muscles, zones, markers):
        draw(svg)
    return svg


def outline_d() -> str:
    pieces = [(c["outer"], AT, AB, L_), (c["bottom"], AB, IB, L_), (c["inner"], IB, CROTCH, L_),
              (c["inner"], CROTCH, IB, R_), (c["bottom"], IB, AB, R_), (c["outer"], AB, AT, R_),
              (c["top"], AT, MID_TOP, R_), (c["top"], MID_TOP, AT, L_)]
    return chain(pieces, px, L_)


def body(svg: Svg) -> None:
    L = "body"
    svg.comment(L, "Skin: the whole silhouette (also used by the tests as the body outline)")
    svg.el(L, "path", id="art-body-outline", d=outline_d(), fill="url(#art-skin-gradient)",
           stroke="none")
    svg.comment(L, "Bones: lower ribs, costal margin, pelvis, femur heads (faint, for orientation)")
    bone = dict(fill="none", stroke=BONE_EDGE, stroke_width="1.2", stroke_opacity="0.5")
    for sign in SIDES.values():
        margin = [(0.8, 121.0), (4.5, 117.5), (8.0, 113.5), (10.8, 109.8), (13.0, 109.6)]
        svg.el(L, "path", d=open_d(margin, px, sign), fill="none", stroke=BONE,
               stroke_width="4", stroke_linecap="round")
        svg.el(L, "path", d=open_d(margin, px, sign), **bone)
        # hip bone: iliac wing with the crest and ASIS, pelvic brim, pubis, obturator foramen
        wing = [(4.6, 97.6), (7.5, 101.6), (10.5, 102.8), (12.8, 102.4), (13.9, 100.6),
                (13.0, 98.6), ASIS, (11.3, 94.2), (11.0, 92.6), (10.9, 91.0)]
        svg.el(L, "path", d=open_d(wing, px, sign), fill=BONE, fill_opacity="0.3", **{
            k: v for k, v in bone.items() if k != "fill"})
        crest = [(10.5, 102.8), (12.8, 102.4), (13.9, 100.6), (13.0, 98.6), ASIS]
        svg.el(L, "path", d=open_d(crest, px, sign), fill="none", stroke=BONE,
               stroke_width="4.5", stroke_linecap="round")
        brim = [(0.0, 97.6), (4.6, 97.2), (6.6, 94.0), (7.6, 90.8), (7.2, 89.2), (5.0, 88.2),
                (2.6, 87.4), (0.35, 87.1)]
        svg.el(L, "path", d=open_d(brim, px, sign), **bone)
        x, y = px(ASIS, sign)
        svg.el(L, "circle", cx=fmt(x), cy=fmt(y), r="4.5", fill=BONE, stroke=BONE_EDGE,
               stroke_width="1")
        body_of_pubis = [(0.35, 87.1), (2.6, 87.4), (3.4, 85.6), (2.4, 84.2), (0.35, 84.5)]
        svg.el(L, "path", d=open_d(body_of_pubis, px, sign), fill="none", stroke=BONE_EDGE,
               stroke_width="1.2", stroke_opacity="0.5")
        # femur: head, neck, trochanters, shaft to the condyles
        hx, hy = px((8.9, 88.6), sign)
        svg.el(L, "circle", cx=fmt(hx), cy=fmt(hy), r="23", fill=BONE, fill_opacity="0.3",
               **{k: v for k, v in bone.items() if k != "fill"})
        femur_out = [(10.8, 90.0), (14.0, 88.6), (15.3, 88.0), (16.3, 85.6), (15.6, 81.5),
                     (14.6, 74.0), (12.2, 60.0), (11.0, 52.0), (11.8, 47.0)]
        svg.el(L, "path", d=open_d(femur_out, px, sign), **bone)
        femur_in = [(10.4, 86.6), (11.4, 83.6), (10.6, 80.6), (9.7, 79.4), (11.2, 77.6),
                    (9.6, 66.0), (8.0, 55.0), (5.2, 49.6), (3.4, 47.0)]
        svg.el(L, "path", d=open_d(femur_in, px, sign), **bone)
        # patella
        kx, ky = px((7.3, 47.5), sign)
        svg.el(L, "ellipse", cx=fmt(kx), cy=fmt(ky), rx="25", ry="30", fill=SKIN_SHADE,
               fill_opacity="0.45", stroke=CREASE, stroke_width="0.9", stroke_opacity="0.6")
    svg.comment(L, "Surface: linea alba, navel, inguinal ligaments, femoral triangle borders")
    crease = dict(fill="none", stroke=CREASE, stroke_width="1.3", stroke_linecap="round")
    svg.el(L, "path", d=open_d([(0, 121.0), (0, 103.6)], px, 1), **crease, stroke_opacity="0.45")
    svg.el(L, "path", d=open_d([(0, 101.4), (0, 88.5)], px, 1), **crease, stroke_opacity="0.3")
    sx, sy = px((0.0, 85.8), 1)
    svg.el(L, "ellipse", id="art-pubic-symphysis", cx=fmt(sx), cy=fmt(sy), rx="3", ry="13",
           fill=BONE, stroke=BONE_EDGE, stroke_width="1", stroke_opacity="0.6")
    nx, ny = px(N, 1)
    svg.el(L, "ellipse", cx=fmt(nx), cy=fmt(ny), rx="4", ry="5.5", fill=CREASE,
           fill_opacity="0.6")
    for sign in SIDES.values():
        svg.el(L, "path", d=open_d([ASIS, (8.6, 92.5), (5.4, 89.5), (2.6, 87.0)], px, sign),
               **crease)
        svg.el(L, "path", d=open_d([(11.4, 94.0), (10.3, 86.0), (8.4, 77.0), (6.0, 66.0),
                                    (4.2, 56.0)], px, sign), **crease, stroke_opacity="0.45")
        svg.el(L, "path", d=open_d([(3.2, 86.2), (5.6, 80.6), (8.2, 76.6)], px, sign), **crease,
               stroke_opacity="0.3")
    svg.comment(L, "Body outline")
    for sign in SIDES.values():
        svg.el(L, "path", d=chain([(c["outer"], AT, AB)], px, sign, close=False), fill="none",
               stroke=OUTLINE, stroke_width="2", stroke_linejoin="round")
        svg.el(L, "path", d=chain([(c["inner"], IB, CROTCH)], px, sign, close=False), fill="none",
               stroke=OUTLINE, stroke_width="2", stroke_linejoin="round")
    svg.comment(L, "Landmark levels, beside the body (the person's right)")
    svg.landmarks(L, [(label, *px((17.6 if h > 95 else 19.6, h), R_)) for label, h in (
        ("xiphoid", 121.5), ("lowest rib", 109.8), ("navel", 102.5), ("ASIS", 96.0),
        ("pubic symphysis", 86.8))], anchor="end", captions=[("Front view", 280, 24, 14)])
    svg.comment(L, "Side labels: facing the person, their left is on the viewer's right")
    svg.side_labels((8.6, 63.0), SIDES, px)


def muscles(svg: Svg) -> None:
    S = "superficial"
    for side, sign in SIDES.items():
        svg.comment(S, f"{'Left' if side == 'L' else 'Right'} side")
        for name, knots in SUPERFICIAL.items():
            svg.el(S, "path", id=f"m-{name}-{side}", d=closed_d(knots, px, sign), **MUSCLE_STYLE)
            if name == "rectus_abdominis":
                lines = [((x, 89.0), (x + (x - 0.6) * 1.1, 122.0)) for x in (1.6, 2.6)]
                svg.fibres(S, lines, px, sign)
                # tendinous intersections
                inter = [((0.9, 103.4), (6.7, 103.8)), ((1.1, 110.2), (8.0, 109.4)),
                         ((1.3, 116.8), (8.9, 116.4))]
                svg.el(S, "path", d=" ".join(
                    f"M {fmt(px(a, sign)[0])},{fmt(px(a, sign)[1])} Q "
                    f"{fmt(px(lerp(a, b, 0.5), sign)[0])},{fmt(px(lerp(a, b, 0.5), sign)[1] - 5)}"
                    f" {fmt(px(b, sign)[0])},{fmt(px(b, sign)[1])}" for a, b in inter),
                    fill="none", stroke=MUSCLE_EDGE, stroke_width="1.2", stroke_opacity="0.6")
            else:
                svg.fibres(S, [((12.2, 96.8), (14.3, 80.5)), ((13.4, 97.5), (14.9, 81.5)),
                                ((14.5, 95.5), (15.2, 83.0))], px, sign)
    D = "deep"
    for side, sign in SIDES.items():
        svg.comment(D, f"{'Left' if side == 'L' else 'Right'} side")
        for name, knots in DEEP_SHAPES.items():
            svg.el(D, "path", id=f"m-{name}-{side}", d=closed_d(knots, px, sign), **DEEP_STYLE)
        psoas = [((2.6, 115.0), (8.8, 81.5)), ((3.6, 114.0), (9.5, 81.0)),
                 ((5.0, 111.5), (10.0, 82.0))]
        iliacus = [((12.0, 99.5), (10.4, 84.0)), ((10.5, 100.6), (9.8, 85.0))]
        svg.fibres(D, [(lerp(a, b, 0.03), lerp(a, b, 0.97)) for a, b in psoas + iliacus],
                   px, sign)


def zones(svg: Svg) -> None:
    Z = "zones"
    for name, pieces in MIDLINE_ZONES.items():
        svg.el(Z, "path", id=f"z-{name}", d=chain(pieces, px, L_), **ZONE_STYLE)
    for name, pieces in ZONES.items():
        for side, sign in SIDES.items():
            svg.el(Z, "path", id=f"z-{name}-{side}", d=chain(pieces, px, sign), **ZONE_STYLE)


def markers(svg: Svg) -> None:
    svg.markers(MARKERS, SIDES, px)
