"""Posterior view: lower thoracic spine to the ankles, person's left on the viewer's left.

Body coordinates: dx = cm from the midline towards the person's side (always >= 0 here; the
right side is the mirror image), h = cm above the floor, for a person about 170 cm tall.
Levels: T10 123.2, T12 116.4, L1 112.8, L3 105.6, L4 102 (top of the iliac crests), L5 98.4,
L5/S1 97.3, PSIS (S2) 93.6, sacral apex 87.8, coccyx tip 85.6, greater trochanter top 87.3,
gluteal fold about 76, mid-thigh 62.5, the top of the knee hollow 57.5 (about two-thirds of the
way from the gluteal fold to the knee crease), knee crease 46.5, mid-calf 27, ankle 9.

Five cuts split zones a therapist reads level by level: the lumbar cut, halfway between the L3 and
L4 spinous processes, parts the upper lumbar zones (L1-L3) from the low ones (L4 at the crest line
down to S1); the sacral cut, across the sacrum on the line between the PSIS dimples (S2), parts the
upper sacrum from the lower, down to the coccyx (quadratus lumborum's band across the upper sacrum,
gluteus maximus TrP2's lower sacrum); the mid-thigh cut parts the upper back of the thigh from the
lower, and the two-thirds cut, about two-thirds of the way from the gluteal fold to the knee
crease, through the top of the knee hollow where the hamstrings part, parts the lower back of the
thigh's middle band from its lowest part, above the knee (piriformis' spillover reaches the upper
two-thirds of the back of the thigh, gluteus maximus' and medius' only its upper part, the
hamstrings' and gluteus minimus' the whole of it); the mid-calf cut, about halfway from the knee
crease to the ankle, where the calf muscles' bellies narrow into the Achilles tendon, parts the
upper calf from the lower.

From the gluteal fold to the mid-calf cut, one line down the middle of the back of each leg
parts its inner (medial) half from its outer (lateral) half, where the hamstrings' referral
differs: semitendinosus and semimembranosus send pain from the fold down the inner back of the
thigh to the knee and the inner calf, biceps femoris gathers it behind the knee towards the
outer side and spreads it up the back-outer thigh. The line follows the groove between the two
hamstring groups from where it meets the fold down to the top of the knee hollow, then the
middle of the hollow and of the calf, between the heads of gastrocnemius.
"""

from __future__ import annotations

from itertools import pairwise

from geometry import Curve, Frame, between, chain, chords, closed_d, fan, fmt, open_d
from svgwriter import (
    APONEUROSIS,
    APONEUROSIS_EDGE,
    BONE,
    BONE_EDGE,
    CREASE,
    DEEP_STYLE,
    MUSCLE,
    MUSCLE_EDGE,
    MUSCLE_STYLE,
    MUSCLE_STYLES,
    OUTLINE,
    SKIN_SHADE,
    ZONE_STYLE,
    Svg,
)

FRAME = Frame(x0=300, y0=30, scale=8.3, h_top=128)
SIDES = {"L": -1.0, "R": 1.0}  # person's left drawn on the viewer's left
px = FRAME.px

# ---------------------------------------------------------------- named points (left side)
MID_TOP = (0.0, 127.0)
MID_L1 = (0.0, 114.0)
MID_S1 = (0.0, 97.3)
MID_S2 = (0.0, 93.6)  # the line between the PSIS dimples, level with S2 ...
MID_APEX = (0.0, 87.8)
MID_K = (0.0, 84.6)  # below the coccyx tip: the gluteal cleft starts here
CROTCH = (0.0, 75.5)
LUMBAR_CUT = 103.8  # halfway between the L3 (105.6) and L4 (102.0) spinous processes
MID_CUT = (0.0, LUMBAR_CUT)
THIGH_CUT = 62.5  # about halfway from the gluteal fold (76.4) to the knee zone (50.5)
THIGH_CUT2 = 57.5  # about two-thirds from the gluteal fold (76.4) to the knee crease (46.5)
# its ends: points of the inner outline and of the outer thigh's edge as they were drawn
I_THIGH2, J_THIGH2 = (1.59, THIGH_CUT2), (11.59, THIGH_CUT2)
CALF_CUT = 27.0  # about halfway from the knee crease (46.5) to the ankle (9)

O_TOP = (15.6, 127.0)
O_FL = (13.9, 109.0)
O_CU = (13.9, 103.0)
O_CL = (14.9, 98.8)
O_UB = (16.5, 94.0)
O_GT1 = (17.8, 89.0)
O_GMX = (18.15, 86.9)
O_GT2 = (18.0, 79.5)
O_KN1 = (13.6, 50.5)
O_KN2 = (12.5, 42.5)
O_ANK = (11.1, 9.0)
I_ANK = (4.8, 9.0)
I_KN2 = (2.5, 42.5)
I_KN1 = (2.0, 50.5)
I_THIGH = (1.28, THIGH_CUT)  # on the inner thigh outline
O_CALF = (12.5, CALF_CUT)  # on the outer calf outline
I_CALF = (2.86, CALF_CUT)  # on the inner calf outline
# The middle of the back of the leg, where the inner half meets the outer (see above): on the
# mid-thigh cut, the top of the knee zone, its bottom and the mid-calf cut.
T_MID = (7.25, THIGH_CUT)  # the groove between the medial hamstrings and biceps femoris
F_MID = (5.32, 76.31)  # on the gluteal fold, where the groove between them meets it
T2_MID = (7.6, THIGH_CUT2)  # the top of the knee hollow, where the two hamstring groups part
K1_MID = (7.6, 50.5)  # the knee zone's top, in line with the middle of the knee hollow
K2_MID = (7.5, 42.1)  # between the heads of gastrocnemius (a knot of the knee zone's bottom)
C_MID = (7.85, CALF_CUT)

A1 = (1.6, 114.0)
P_ES = (8.0, 113.3)
A_CUT = (1.6, LUMBAR_CUT)  # the lumbar cut meets the edge of the spinous processes ...
P_CUT = (8.12, LUMBAR_CUT)  # ... and the lateral edge of the paraspinal ridge
A = (1.6, 97.3)
B = (5.0, 97.3)
Q_ES = (7.9, 101.1)
C = (3.8, 92.8)
D = (2.7, 89.8)
H = (1.5, 87.8)
F = (6.3, 94.6)
G = (6.0, 92.0)
E = (4.8, 89.2)
S_CUT = (4.04, 93.6)  # ... meets the sacrum's border (a point of it as it was drawn)
M = (1.35, 86.0)
J_GT_MB = (14.0, 85.8)
J_GT_LT = (14.7, 80.4)
J_FOLD = (14.2, 77.6)
J_KN = (10.4, 50.5)
J_THIGH = (12.35, THIGH_CUT)  # the mid-thigh cut meets the edge of the outer thigh
# The lower buttock's inner half lies over the sit bone, its outer half out to the trochanter
# and the outer thigh (the curve lb_mid, below, parts them); above the inner half, beside the
# coccyx, a strip about 2 cm wide runs up the top of the gluteal cleft to the SI joint's lower
# edge (the zone gluteal_cleft, for gluteus maximus TrP1's crescent). Where lb_mid leaves the SI
# joint's lower edge, and where it crosses the cut between the middle and the lower buttock.
S_LB = (3.96, 89.44)  # on the SI joint's lower edge, between D and E
X_LB = (4.0, 84.6)  # a knot of the cut between the middle and the lower buttock

OUTLINE_KNOTS = [
    O_TOP, (15.3, 121.0), (14.5, 114.0), O_FL, (13.65, 106.2), O_CU, O_CL, O_UB, O_GT1, O_GMX,
    (18.35, 84.2), O_GT2, (17.2, 72.0), (15.9, 62.0), O_KN1, (12.7, 46.5), O_KN2, (13.3, 37.0),
    O_CALF, (11.5, 17.0), O_ANK, (11.3, 5.2), (10.3, 1.8), (8.0, 0.5), (5.7, 1.8),
    (4.8, 5.2), I_ANK, (4.3, 15.0), (3.1, 25.0), I_CALF, (2.0, 35.5), I_KN2, (2.1, 46.5), I_KN1,
    I_THIGH2, (1.5, 59.0), I_THIGH, (0.9, 68.0), (0.45, 73.3), CROTCH,
]

CURVES = {
    "outline": Curve("outline", OUTLINE_KNOTS),
    "midline": Curve("midline", [MID_TOP, MID_L1, MID_S1, MID_APEX, MID_K, CROTCH]),
    "top": Curve("top", [MID_TOP, O_TOP]),
    "tl_bottom": Curve("tl_bottom", [MID_L1, A1, P_ES, (10.5, 110.9), O_FL]),
    "sp_edge": Curve("sp_edge", [A1, A_CUT, A]),
    "lumbar_cut": Curve("lumbar_cut", [MID_CUT, A_CUT, P_CUT]),
    "sac_top": Curve("sac_top", [MID_S1, A, B]),
    "ps_lat": Curve("ps_lat", [P_ES, (8.3, 107.0), P_CUT, Q_ES]),
    "cb_up": Curve("cb_up", [B, Q_ES, (10.3, 103.0), (12.3, 103.5), O_CU]),
    "cb_lo": Curve("cb_lo", [C, F, (9.0, 97.8), (12.0, 99.8), O_CL]),
    "sac_border": Curve("sac_border", [B, S_CUT, C, D, H]),
    # across the sacrum level with the PSIS dimples (S2): the upper sacrum above, the lower below
    "sac_cut": Curve("sac_cut", [MID_S2, S_CUT]),
    "si_lat": Curve("si_lat", [E, G, F]),
    "si_bot": Curve("si_bot", [D, S_LB, E]),
    "ub_line": Curve("ub_line", [G, (10.0, 92.6), (13.6, 93.4), O_UB]),
    "gt_edge": Curve("gt_edge", [O_GT1, (15.4, 88.4), J_GT_MB, (14.0, 82.6), J_GT_LT, O_GT2]),
    "mb_line": Curve("mb_line", [M, X_LB, (8.0, 84.0), (11.5, 84.6), J_GT_MB]),
    # from the SI joint's lower edge down beside the coccyx, the outer edge of the strip along
    # the top of the gluteal cleft (the middle buttock is outside it), then the border between
    # the lower buttock's inner and outer halves: out round the outer side of the sit bone and
    # back in to the gluteal fold, where the line down the middle of the back of the leg meets it
    "lb_mid": Curve("lb_mid", [S_LB, (3.6, 87.5), X_LB, (6.2, 82.6), (7.3, 80.4), (6.7, 77.9),
                               F_MID]),
    "cx_top": Curve("cx_top", [MID_APEX, H]),
    "cx_edge": Curve("cx_edge", [H, M, MID_K]),
    "lt_edge": Curve("lt_edge", [J_GT_LT, J_FOLD, (13.3, 70.0), J_THIGH, (12.0, 60.0), J_THIGH2,
                                 J_KN]),
    "thigh_cut": Curve("thigh_cut", [I_THIGH, T_MID, J_THIGH]),
    "thigh_cut2": Curve("thigh_cut2", [I_THIGH2, T2_MID, J_THIGH2]),
    "fold": Curve("fold", [CROTCH, (2.5, 76.4), F_MID, (6.0, 76.3), (9.5, 76.6), J_FOLD]),
    "kn_top": Curve("kn_top", [I_KN1, K1_MID, J_KN, O_KN1]),
    "kn_bot": Curve("kn_bot", [I_KN2, K2_MID, O_KN2]),
    "calf_cut": Curve("calf_cut", [I_CALF, C_MID, O_CALF]),
    # down the middle of the back of the leg: along the hamstrings' groove to the top of the
    # knee hollow (HAM_FORK, below), then down the middle of the hollow and of the calf
    "leg_mid": Curve("leg_mid", [F_MID, (6.0, 72.0), (6.9, 66.0), T_MID, T2_MID, K1_MID, K2_MID,
                                 (7.75, 35.0), C_MID]),
    "ank": Curve("ank", [I_ANK, (8.0, 8.7), O_ANK]),
}
c = CURVES

# Zones of one side: pieces (curve, from knot, to knot), in order round the zone.
SIDED_ZONES = {
    "thoracolumbar": [(c["top"], MID_TOP, O_TOP), (c["outline"], O_TOP, O_FL),
                      (c["tl_bottom"], O_FL, MID_L1), (c["midline"], MID_L1, MID_TOP)],
    "lumbar_paraspinal_upper": [(c["tl_bottom"], A1, P_ES), (c["ps_lat"], P_ES, P_CUT),
                                (c["lumbar_cut"], P_CUT, A_CUT), (c["sp_edge"], A_CUT, A1)],
    "lumbar_paraspinal_lower": [(c["lumbar_cut"], A_CUT, P_CUT), (c["ps_lat"], P_CUT, Q_ES),
                                (c["cb_up"], Q_ES, B), (c["sac_top"], B, A),
                                (c["sp_edge"], A, A_CUT)],
    "flank": [(c["tl_bottom"], P_ES, O_FL), (c["outline"], O_FL, O_CU),
              (c["cb_up"], O_CU, Q_ES), (c["ps_lat"], Q_ES, P_ES)],
    "iliac_crest": [(c["cb_up"], B, O_CU), (c["outline"], O_CU, O_CL), (c["cb_lo"], O_CL, C),
                    (c["sac_border"], C, B)],
    "si_joint": [(c["cb_lo"], C, F), (c["si_lat"], F, E), (c["si_bot"], E, D),
                 (c["sac_border"], D, C)],
    "upper_buttock": [(c["cb_lo"], F, O_CL), (c["outline"], O_CL, O_UB), (c["ub_line"], O_UB, G),
                      (c["si_lat"], G, F)],
    "buttock": [(c["ub_line"], G, O_UB), (c["outline"], O_UB, O_GT1),
                (c["gt_edge"], O_GT1, J_GT_MB), (c["mb_line"], J_GT_MB, X_LB),
                (c["lb_mid"], X_LB, S_LB), (c["si_bot"], S_LB, E), (c["si_lat"], E, G)],
    "greater_trochanter": [(c["outline"], O_GT1, O_GT2), (c["gt_edge"], O_GT2, O_GT1)],
    "gluteal_cleft": [(c["si_bot"], D, S_LB), (c["lb_mid"], S_LB, X_LB), (c["mb_line"], X_LB, M),
                      (c["cx_edge"], M, H), (c["sac_border"], H, D)],
    "lower_buttock_medial": [(c["mb_line"], M, X_LB), (c["lb_mid"], X_LB, F_MID),
                             (c["fold"], F_MID, CROTCH), (c["midline"], CROTCH, MID_K),
                             (c["cx_edge"], MID_K, M)],
    "lower_buttock_lateral": [(c["mb_line"], X_LB, J_GT_MB), (c["gt_edge"], J_GT_MB, J_GT_LT),
                              (c["lt_edge"], J_GT_LT, J_FOLD), (c["fold"], J_FOLD, F_MID),
                              (c["lb_mid"], F_MID, X_LB)],
    "lateral_thigh": [(c["gt_edge"], J_GT_LT, O_GT2), (c["outline"], O_GT2, O_KN1),
                      (c["kn_top"], O_KN1, J_KN), (c["lt_edge"], J_KN, J_GT_LT)],
    "posterior_thigh_upper_medial": [(c["fold"], CROTCH, F_MID), (c["leg_mid"], F_MID, T_MID),
                                     (c["thigh_cut"], T_MID, I_THIGH),
                                     (c["outline"], I_THIGH, CROTCH)],
    "posterior_thigh_upper_lateral": [(c["fold"], F_MID, J_FOLD),
                                      (c["lt_edge"], J_FOLD, J_THIGH),
                                      (c["thigh_cut"], J_THIGH, T_MID),
                                      (c["leg_mid"], T_MID, F_MID)],
    "posterior_thigh_middle_medial": [(c["thigh_cut"], I_THIGH, T_MID),
                                      (c["leg_mid"], T_MID, T2_MID),
                                      (c["thigh_cut2"], T2_MID, I_THIGH2),
                                      (c["outline"], I_THIGH2, I_THIGH)],
    "posterior_thigh_middle_lateral": [(c["thigh_cut"], T_MID, J_THIGH),
                                       (c["lt_edge"], J_THIGH, J_THIGH2),
                                       (c["thigh_cut2"], J_THIGH2, T2_MID),
                                       (c["leg_mid"], T2_MID, T_MID)],
    "posterior_thigh_distal_medial": [(c["thigh_cut2"], I_THIGH2, T2_MID),
                                      (c["leg_mid"], T2_MID, K1_MID),
                                      (c["kn_top"], K1_MID, I_KN1),
                                      (c["outline"], I_KN1, I_THIGH2)],
    "posterior_thigh_distal_lateral": [(c["thigh_cut2"], T2_MID, J_THIGH2),
                                       (c["lt_edge"], J_THIGH2, J_KN),
                                       (c["kn_top"], J_KN, K1_MID),
                                       (c["leg_mid"], K1_MID, T2_MID)],
    "posterior_knee_medial": [(c["kn_top"], I_KN1, K1_MID), (c["leg_mid"], K1_MID, K2_MID),
                              (c["kn_bot"], K2_MID, I_KN2), (c["outline"], I_KN2, I_KN1)],
    "posterior_knee_lateral": [(c["kn_top"], K1_MID, O_KN1), (c["outline"], O_KN1, O_KN2),
                               (c["kn_bot"], O_KN2, K2_MID), (c["leg_mid"], K2_MID, K1_MID)],
    "calf_upper_medial": [(c["kn_bot"], I_KN2, K2_MID), (c["leg_mid"], K2_MID, C_MID),
                          (c["calf_cut"], C_MID, I_CALF), (c["outline"], I_CALF, I_KN2)],
    "calf_upper_lateral": [(c["kn_bot"], K2_MID, O_KN2), (c["outline"], O_KN2, O_CALF),
                           (c["calf_cut"], O_CALF, C_MID), (c["leg_mid"], C_MID, K2_MID)],
    "calf_lower": [(c["calf_cut"], I_CALF, O_CALF), (c["outline"], O_CALF, O_ANK),
                   (c["ank"], O_ANK, I_ANK), (c["outline"], I_ANK, I_CALF)],
}
L_, R_ = -1.0, 1.0
MIDLINE_ZONES = {
    "lumbar_spine_upper": [(c["tl_bottom"], MID_L1, A1, L_), (c["sp_edge"], A1, A_CUT, L_),
                           (c["lumbar_cut"], A_CUT, MID_CUT, L_),
                           (c["lumbar_cut"], MID_CUT, A_CUT, R_),
                           (c["sp_edge"], A_CUT, A1, R_), (c["tl_bottom"], A1, MID_L1, R_)],
    "lumbar_spine_lower": [(c["lumbar_cut"], MID_CUT, A_CUT, L_), (c["sp_edge"], A_CUT, A, L_),
                           (c["sac_top"], A, MID_S1, L_), (c["sac_top"], MID_S1, A, R_),
                           (c["sp_edge"], A, A_CUT, R_), (c["lumbar_cut"], A_CUT, MID_CUT, R_)],
    "sacrum_upper": [(c["sac_border"], B, S_CUT, L_), (c["sac_cut"], S_CUT, MID_S2, L_),
                     (c["sac_cut"], MID_S2, S_CUT, R_), (c["sac_border"], S_CUT, B, R_),
                     (c["sac_top"], B, MID_S1, R_), (c["sac_top"], MID_S1, B, L_)],
    "sacrum_lower": [(c["sac_cut"], MID_S2, S_CUT, L_), (c["sac_border"], S_CUT, H, L_),
                     (c["cx_top"], H, MID_APEX, L_), (c["cx_top"], MID_APEX, H, R_),
                     (c["sac_border"], H, S_CUT, R_), (c["sac_cut"], S_CUT, MID_S2, R_)],
    "coccyx": [(c["cx_top"], MID_APEX, H, L_), (c["cx_edge"], H, MID_K, L_),
               (c["cx_edge"], MID_K, H, R_), (c["cx_top"], H, MID_APEX, R_)],
}
# the whole sacrum, its upper and lower parts' outline, for the bone under them
SACRUM = [(c["sac_border"], B, H, L_), (c["cx_top"], H, MID_APEX, L_),
          (c["cx_top"], MID_APEX, H, R_), (c["sac_border"], H, B, R_),
          (c["sac_top"], B, MID_S1, R_), (c["sac_top"], MID_S1, B, L_)]
ZONE_ORDER = [
    "thoracolumbar", "lumbar_spine_upper", "lumbar_spine_lower", "lumbar_paraspinal_upper",
    "lumbar_paraspinal_lower", "flank", "iliac_crest", "si_joint", "sacrum_upper",
    "sacrum_lower", "coccyx",
    "upper_buttock", "buttock", "greater_trochanter", "gluteal_cleft",
    "lower_buttock_medial", "lower_buttock_lateral", "lateral_thigh",
    "posterior_thigh_upper_medial", "posterior_thigh_upper_lateral",
    "posterior_thigh_middle_medial", "posterior_thigh_middle_lateral",
    "posterior_thigh_distal_medial", "posterior_thigh_distal_lateral",
    "posterior_knee_medial", "posterior_knee_lateral", "calf_upper_medial", "calf_upper_lateral",
    "calf_lower",
]

# ---------------------------------------------------------------- muscles (left side)
# iliac crest from the PSIS up and out round the side of the pelvis (drawn as bone in body())
CREST = [(4.6, 93.6), (6.0, 96.5), (8.2, 99.6), (10.5, 101.6), (12.2, 102.0), (13.9, 101.2),
         (14.6, 100.3)]
U1 = (6.3, 97.3)  # gluteus maximus upper-medial corner, on the crest just lateral to the PSIS
GMX_LL = (15.6, 70.6)  # lower-lateral corner, at the IT band / gluteal tuberosity
GMX_CX = (1.2, 85.6)  # coccyx corner
# The ischial tuberosity (sit bone): an oval centre and half-width/half-height, drawn as bone.
ISCHIUM, ISCHIUM_R = (5.4, 80.4), (1.2, 1.7)
GMX_PSIS = (4.6, 95.2)  # on gluteus maximus' medial edge, just above the PSIS
GMX_S3 = (3.6, 92.3)  # on the same edge, beside S3
ES_TOP_MED, ES_TOP_MID, ES_TOP_SPLIT, ES_TOP_LAT = (1.25, 127.0), (4.3, 127.0), (8.2, 127.0), (
    9.5, 127.0)
# The erector spinae does not end above the pelvis: its columns narrow into the erector spinae
# aponeurosis, iliocostalis onto the posterior iliac crest (its lower edge runs along the top of
# the crest from the PSIS out), longissimus down over the sacrum, medial to gluteus maximus'
# origin, to the spinous tubercles at about S3.
IC_CREST = (8.1, 99.8)  # iliocostalis' lateral edge reaches the crest
LG_END = (1.0, 90.6)  # the aponeurosis tapers out on the median sacral crest
IC_FORK = (4.4, 115.0)
# The hamstrings come out from under gluteus maximus' lower border (they arise from the ischial
# tuberosity beneath it) and run down the back of the thigh side by side: semitendinosus and
# semimembranosus on the inner side, biceps femoris' long head on the outer. In the lower third
# they part to frame the top of the knee hollow (popliteal fossa), the medial pair to the inner
# side of the tibia, biceps to the head of the fibula on the outer side of the knee.
HAM_MED = (3.35, 79.6)  # knots of gluteus maximus' lower border where the hamstrings appear ...
HAM_SPLIT = (5.2, 77.1)  # ... where the medial pair and biceps part, below the sit bone ...
HAM_LAT = (10.0, 73.4)  # ... and biceps' outer edge, with vastus lateralis beyond it
HAM_FORK = T2_MID  # the top of the knee hollow, where the two groups part (on leg_mid)
MH_END_MED, MH_END_LAT = (2.9, 43.3), (4.3, 43.6)  # at the inner tibia, below the joint
BF_END_MED, BF_END_LAT = (10.9, 43.5), (11.9, 43.3)  # at the head of the fibula
MUSCLE_CURVES = {
    "gmax_upper": Curve("gmax_upper", [U1, (9.5, 94.9), (13.5, 90.9), (16.4, 88.0), O_GMX]),
    "gmax_lat": Curve("gmax_lat", [O_GMX, (17.75, 81.0), (16.9, 75.0), GMX_LL]),
    # The lower border runs from the IT band up and in across the gluteal fold, then, with the
    # person standing, passes below and medial to the ischial tuberosity (the lowest fibres cover
    # it; they slide up off it when the hip flexes) and up beside the sacrotuberous ligament to
    # the side of the coccyx.
    "gmax_low": Curve("gmax_low", [GMX_LL, (13.0, 71.6), (10.0, 73.4), (7.4, 75.3), (5.2, 77.1),
                                   (3.35, 79.6), (1.6, 82.3), GMX_CX]),
    "gmax_med": Curve("gmax_med", [GMX_CX, (1.0, 86.9), (2.3, 89.3), GMX_S3, GMX_PSIS, U1]),
    "gmed_top": Curve("gmed_top", [U1, (8.0, 98.7), (10.4, 100.6), (12.4, 101.0), O_CL]),
    # erector spinae columns
    "es_med": Curve("es_med", [ES_TOP_MED, (1.25, 110.0), (1.3, 100.0), (1.1, 95.5), LG_END]),
    "es_mid": Curve("es_mid", [ES_TOP_MID, (4.3, 121.0), IC_FORK, (4.55, 108.0),
                               (4.75, 101.0), (4.8, 98.0), GMX_PSIS]),
    "lg_tail": Curve("lg_tail", [GMX_S3, (2.2, 91.35), LG_END]),
    "ic_bot": Curve("ic_bot", [U1, (7.2, 98.65), IC_CREST]),
    "ic_lat": Curve("ic_lat", [IC_CREST, (8.25, 103.5), (8.35, 108.0), (8.5, 113.3),
                               (9.0, 120.0), ES_TOP_LAT]),
    # above rib 12 the lateral column is split: iliocostalis lumborum's rib slips laterally,
    # iliocostalis thoracis (arising from the lower ribs) medially
    "ic_split": Curve("ic_split", [IC_FORK, (6.2, 119.0), (7.4, 123.0), ES_TOP_SPLIT]),
    "es_top": Curve("es_top", [ES_TOP_MED, ES_TOP_MID, ES_TOP_SPLIT, ES_TOP_LAT]),
    # the hamstrings (see HAM_* above)
    "ham_split": Curve("ham_split", [HAM_SPLIT, (6.0, 72.0), (6.9, 66.0), (7.4, 61.0),
                                     HAM_FORK]),
    "mh_med": Curve("mh_med", [HAM_MED, (3.0, 74.0), (2.5, 66.0), (2.35, 58.0), (2.5, 50.5),
                               (2.8, 46.5), MH_END_MED]),
    "mh_lat": Curve("mh_lat", [HAM_FORK, (6.6, 53.0), (5.4, 48.5), (4.6, 45.5), MH_END_LAT]),
    "mh_end": Curve("mh_end", [MH_END_LAT, MH_END_MED]),
    "bf_lat": Curve("bf_lat", [HAM_LAT, (11.0, 68.0), (11.6, 62.0), (11.9, 56.0), (11.8, 50.5),
                               (11.75, 46.5), BF_END_LAT]),
    "bf_med": Curve("bf_med", [HAM_FORK, (8.8, 53.0), (10.0, 48.5), (10.6, 45.5), BF_END_MED]),
    "bf_end": Curve("bf_end", [BF_END_MED, BF_END_LAT]),
}
mc = MUSCLE_CURVES
SUPERFICIAL = {
    "gluteus_medius": [(mc["gmed_top"], U1, O_CL), (c["outline"], O_CL, O_GMX),
                       (mc["gmax_upper"], O_GMX, U1)],
    "gluteus_maximus": [(mc["gmax_upper"], U1, O_GMX), (mc["gmax_lat"], O_GMX, GMX_LL),
                        (mc["gmax_low"], GMX_LL, GMX_CX), (mc["gmax_med"], GMX_CX, U1)],
    "longissimus_thoracis": [(mc["es_top"], ES_TOP_MED, ES_TOP_MID),
                             (mc["es_mid"], ES_TOP_MID, GMX_PSIS),
                             (mc["gmax_med"], GMX_PSIS, GMX_S3),
                             (mc["lg_tail"], GMX_S3, LG_END),
                             (mc["es_med"], LG_END, ES_TOP_MED)],
    "iliocostalis_lumborum": [(mc["es_mid"], IC_FORK, GMX_PSIS),
                              (mc["gmax_med"], GMX_PSIS, U1),
                              (mc["ic_bot"], U1, IC_CREST),
                              (mc["ic_lat"], IC_CREST, ES_TOP_LAT),
                              (mc["es_top"], ES_TOP_LAT, ES_TOP_SPLIT),
                              (mc["ic_split"], ES_TOP_SPLIT, IC_FORK)],
    "iliocostalis_thoracis": [(mc["ic_split"], IC_FORK, ES_TOP_SPLIT),
                              (mc["es_top"], ES_TOP_SPLIT, ES_TOP_MID),
                              (mc["es_mid"], ES_TOP_MID, IC_FORK)],
    # below gluteus maximus, sharing its lower border exactly: no overlap, both clickable
    "medial_hamstrings": [(mc["gmax_low"], HAM_MED, HAM_SPLIT),
                          (mc["ham_split"], HAM_SPLIT, HAM_FORK),
                          (mc["mh_lat"], HAM_FORK, MH_END_LAT),
                          (mc["mh_end"], MH_END_LAT, MH_END_MED),
                          (mc["mh_med"], MH_END_MED, HAM_MED)],
    "biceps_femoris": [(mc["gmax_low"], HAM_SPLIT, HAM_LAT),
                       (mc["bf_lat"], HAM_LAT, BF_END_LAT),
                       (mc["bf_end"], BF_END_LAT, BF_END_MED),
                       (mc["bf_med"], BF_END_MED, HAM_FORK),
                       (mc["ham_split"], HAM_FORK, HAM_SPLIT)],
}
ERECTORS = ("longissimus_thoracis", "iliocostalis_lumborum", "iliocostalis_thoracis")
# Multifidus fills the groove beside the spinous processes: thin at the lower thoracic spine,
# thick in the lumbar region and thickest over the sacrum, where it fills the groove between the
# median sacral crest and the ilium: widest from S1 to S2, out to the PSIS (to which it is
# attached), then within the sacrum's lateral border (the SI joint line, which it does not cross
# onto the joint) down to S4.
MF_LATERAL = [(1.5, 126.6), (1.75, 121.0), (2.05, 116.4), (2.55, 112.8), (3.1, 109.2),
              (3.65, 105.6), (4.1, 102.0), (4.45, 99.6), (4.8, 97.6), (4.85, 95.6), (4.45, 93.8),
              (3.65, 92.5), (3.05, 91.1), (2.45, 89.9), (1.6, 89.1), (1.0, 88.95)]
DEEP_SHAPES = {
    # gluteus minimus lies under the middle and front of gluteus medius, on the outer ilium below
    # the anterior gluteal line (from the crest near the iliac tubercle to the top of the greater
    # sciatic notch), converging on the front of the greater trochanter: seen from behind it is
    # lateral, its posterior edge well lateral of the PSIS and the SI joint
    "gluteus_minimus": [(9.9, 92.0), (10.5, 93.4), (11.8, 95.0), (13.4, 96.3), (14.7, 96.7),
                        (15.5, 95.8), (16.1, 94.0), (16.6, 91.7), (17.0, 89.6), (16.9, 88.3),
                        (16.2, 88.1), (14.6, 88.9), (12.6, 90.0), (10.7, 91.0)],
    "piriformis": [(3.3, 92.8), (6.5, 92.3), (10.5, 90.5), (14.5, 88.9), (16.6, 88.2),
                   (16.5, 87.3), (13.5, 87.35), (10.0, 87.75), (6.0, 88.5), (3.0, 89.3),
                   (2.55, 91.0)],
    "quadratus_lumborum": [(3.0, 115.5), (3.4, 115.5), (6.0, 114.2), (9.2, 111.8), (9.6, 111.1),
                           (10.6, 108.0), (11.3, 103.5), (11.6, 101.9), (11.2, 101.3),
                           (9.5, 100.5), (7.6, 99.0), (6.2, 97.3), (5.6, 97.0), (4.5, 98.0),
                           (4.6, 101.0), (4.5, 105.0), (4.2, 109.0), (3.4, 113.5)],
    "multifidus": [(0.6, 126.6), *MF_LATERAL, (0.6, 89.7), (0.6, 95.0), (0.6, 105.0),
                   (0.6, 118.0)],
}
MARKERS = {
    ("gluteus_maximus", "trp1"): (4.9, 92.0),
    # The three form a rough C down the inner part of the muscle: TrP1 high beside the sacrum,
    # TrP2 lower and further out, just above the sit bone, TrP3 back in at the bottom, in the
    # lowest, most medial fibres (from the side of the coccyx and the sacrotuberous ligament):
    # a little below the coccyx tip, in the corner between the gluteal cleft and the sit bone,
    # near the muscle's inner edge and level with the top of the bone, not on it. TrP2 sits just
    # above the bone's top, so TrP3 is only a little lower than it; at the window's
    # first-start size an X is about 3.5 cm of body across, so the two stand 4 cm apart across
    # for their Xs and numbers to stay clear, and TrP3 about 2 cm clear of the bone's outline.
    ("gluteus_maximus", "trp2"): (6.4, 83.1),
    ("gluteus_maximus", "trp3"): (2.4, 82.0),
    ("gluteus_medius", "trp1"): (7.6, 97.5),
    ("gluteus_medius", "trp2"): (12.0, 98.7),
    ("gluteus_minimus", "trp2"): (12.6, 92.3),
    ("piriformis", "trp1"): (12.1, 88.7),
    ("piriformis", "trp2"): (5.0, 90.6),
    ("quadratus_lumborum", "trp1"): (8.7, 110.6),
    ("quadratus_lumborum", "trp2"): (10.4, 102.8),
    ("quadratus_lumborum", "trp3"): (5.4, 105.6),
    ("quadratus_lumborum", "trp4"): (5.6, 100.6),
    ("iliocostalis_lumborum", "trp1"): (7.2, 112.5),
    ("iliocostalis_thoracis", "trp1"): (5.3, 119.8),
    ("longissimus_thoracis", "trp1"): (2.8, 121.5),
    ("longissimus_thoracis", "trp2"): (2.9, 112.8),
    ("multifidus", "trp1"): (2.2, 100.2),
    ("multifidus", "trp2"): (2.4, 94.5),
    # the hamstrings' points lie in the middle and lower thirds of the thigh
    ("medial_hamstrings", "trp1"): (4.7, 63.0),
    ("medial_hamstrings", "trp2"): (4.5, 54.5),
    ("biceps_femoris", "trp1"): (9.5, 60.0),
    ("biceps_femoris", "trp2"): (10.7, 52.0),
}

SPINOUS = {"T10": 123.2, "T11": 119.8, "T12": 116.4, "L1": 112.8, "L2": 109.2, "L3": 105.6,
           "L4": 102.0, "L5": 98.4}


def build() -> Svg:
    svg = Svg("bodymap: posterior view (back), person's left on the viewer's left", 600, 1100)
    svg.skin_gradient(0.2)
    for draw in (body, muscles, zones, markers):
        draw(svg)
    return svg


def body_outline_d() -> str:
    o, t = c["outline"], c["top"]
    pieces = [(o, O_TOP, CROTCH, L_), (o, CROTCH, O_TOP, R_), (t, O_TOP, MID_TOP, R_),
              (t, MID_TOP, O_TOP, L_)]
    return chain(pieces, px, L_)


def body(svg: Svg) -> None:
    L = "body"
    svg.comment(L, "Skin: the whole silhouette (also used by the tests as the body outline)")
    svg.el(L, "path", id="art-body-outline", d=body_outline_d(), fill="url(#art-skin-gradient)",
           stroke="none")
    # soft shading down the inner thighs and legs
    for sign in SIDES.values():
        svg.el(L, "path", d=open_d([(0.6, 73.0), (1.6, 60.0), (2.6, 50.0)], px, sign),
               fill="none", stroke=SKIN_SHADE, stroke_width="6", stroke_opacity="0.6",
               stroke_linecap="round")
    svg.comment(L, "Bones under the skin: ribs 11-12, iliac crests, sacrum, coccyx, trochanters")
    for side, sign in SIDES.items():
        # ribs slope down and out from the spine
        for knots in ([(1.8, 120.0), (5.5, 118.8), (9.5, 116.2), (12.8, 112.8), (13.8, 111.4)],
                      [(1.8, 116.6), (5.0, 115.4), (8.0, 113.3), (10.6, 110.8)]):
            svg.el(L, "path", d=open_d(knots, px, sign), fill="none", stroke=BONE_EDGE,
                   stroke_width="5.5", stroke_linecap="round", stroke_opacity="0.55")
            svg.el(L, "path", d=open_d(knots, px, sign), fill="none", stroke=BONE,
                   stroke_width="3.5", stroke_linecap="round")
        svg.el(L, "path", d=open_d(CREST, px, sign), fill="none", stroke=BONE_EDGE,
               stroke_width="8", stroke_linecap="round", stroke_opacity="0.5")
        svg.el(L, "path", d=open_d(CREST, px, sign), fill="none", stroke=BONE,
               stroke_width="5.5", stroke_linecap="round")
        # greater trochanter and ischial tuberosity
        gx, gy = px((16.2, 84.2), sign)
        svg.el(L, "ellipse", cx=fmt(gx), cy=fmt(gy), rx=fmt(1.7 * 8.3), ry=fmt(3.1 * 8.3),
               fill=BONE, fill_opacity="0.8", stroke=BONE_EDGE, stroke_width="1")
        ix, iy = px(ISCHIUM, sign)
        svg.el(L, "ellipse", id=f"art-ischial-tuberosity-{side}",
               cx=fmt(ix), cy=fmt(iy), rx=fmt(ISCHIUM_R[0] * 8.3), ry=fmt(ISCHIUM_R[1] * 8.3),
               fill=BONE, fill_opacity="0.8", stroke=BONE_EDGE, stroke_width="1")
        # PSIS dimple
        dx, dy = px((4.6, 93.6), sign)
        svg.el(L, "ellipse", cx=fmt(dx), cy=fmt(dy), rx="4.5", ry="3.5", fill=CREASE,
               fill_opacity="0.55")
    svg.el(L, "path", id="art-sacrum", d=chain(SACRUM, px, L_), fill=BONE,
           fill_opacity="0.75", stroke=BONE_EDGE, stroke_width="1.2")
    coccyx = [(1.5, 87.8), (0.9, 86.6), (0.3, 85.7), (-0.3, 85.7), (-0.9, 86.6), (-1.5, 87.8)]
    svg.el(L, "path", id="art-coccyx", d=closed_d(coccyx, px, L_), fill=BONE, fill_opacity="0.8",
           stroke=BONE_EDGE, stroke_width="1")
    for h in SPINOUS.values():
        x, y = px((0, h), 1)
        svg.el(L, "ellipse", cx=fmt(x), cy=fmt(y), rx="4.2", ry="6.5", fill=BONE,
               stroke=BONE_EDGE, stroke_width="1")
    svg.comment(L, "Vertebral levels, beside the body (the person's right)")
    svg.landmarks(L, [(label, *px((20.0, h), 1)) for label, h in (
        ("T12", SPINOUS["T12"]), ("L1", SPINOUS["L1"]), ("L3", SPINOUS["L3"]),
        ("L4 \u00b7 top of crest", SPINOUS["L4"]), ("S2 \u00b7 PSIS", 93.6),
        ("coccyx tip", 85.7))], captions=[("Back view", 300, 18, 14)])
    for h in (95.5, 93.0, 90.5):
        x, y = px((0, h), 1)
        svg.el(L, "ellipse", cx=fmt(x), cy=fmt(y), rx="3", ry="4", fill=BONE_EDGE,
               fill_opacity="0.6")
    svg.comment(L, "Skin creases: gluteal cleft and folds, knee creases, calf and heel")
    svg.el(L, "path", d=open_d([(0, 86.2), (0, 80.0), (0, 75.6)], px, 1), fill="none",
           stroke=CREASE, stroke_width="1.6")
    for sign in SIDES.values():
        crease = dict(fill="none", stroke=CREASE, stroke_width="1.4", stroke_linecap="round")
        svg.el(L, "path", d=open_d([(0.6, 75.9), (2.5, 76.4), (6.0, 76.3), (9.5, 76.6),
                                    (12.2, 77.6)], px, sign), **crease)
        svg.el(L, "path", d=open_d([(3.6, 46.9), (7.5, 46.3), (11.2, 46.9)], px, sign), **crease)
        # hamstring tendons either side of the knee hollow, along the tendons of the muscles
        # drawn over them (semitendinosus inside, biceps femoris outside), gastrocnemius heads,
        # Achilles
        svg.el(L, "path", d=open_d([(4.4, 53.0), (3.9, 48.0), (3.6, 44.0)], px, sign), **crease,
               stroke_opacity="0.5")
        svg.el(L, "path", d=open_d([(10.4, 53.0), (11.0, 48.0), (11.4, 44.0)], px, sign),
               **crease, stroke_opacity="0.5")
        svg.el(L, "path", d=open_d([(3.3, 43.5), (3.6, 35.0), (5.6, 25.5), (7.4, 22.5)], px,
                                   sign), **crease, stroke_opacity="0.6")
        svg.el(L, "path", d=open_d([(11.8, 43.5), (12.0, 36.0), (10.4, 28.0), (8.6, 25.0)], px,
                                   sign), **crease, stroke_opacity="0.6")
        svg.el(L, "path", d=open_d([(7.6, 40.0), (7.9, 31.0), (7.95, 25.0)], px, sign),
               **crease, stroke_opacity="0.35")
        svg.el(L, "path", d=open_d([(7.0, 21.0), (7.0, 12.0), (6.6, 4.5)], px, sign), **crease,
               stroke_opacity="0.45")
        svg.el(L, "path", d=open_d([(9.0, 21.0), (8.9, 12.0), (9.3, 4.5)], px, sign), **crease,
               stroke_opacity="0.45")
        for (mx, my, r) in ((10.6, 7.3, 1.0), (5.2, 8.6, 0.9)):  # malleoli
            x, y = px((mx, my), sign)
            svg.el(L, "ellipse", cx=fmt(x), cy=fmt(y), rx=fmt(r * 8.3), ry=fmt(r * 9.5),
                   fill=SKIN_SHADE, fill_opacity="0.7")
    svg.comment(L, "Body outline")
    for sign in SIDES.values():
        svg.el(L, "path", d=chain([(c["outline"], O_TOP, CROTCH)], px, sign, close=False),
               fill="none", stroke=OUTLINE, stroke_width="2", stroke_linejoin="round")
    svg.comment(L, "Side labels")
    svg.side_labels((8.2, 67.5), SIDES, px)


def muscles(svg: Svg) -> None:
    S = "superficial"
    # the erector columns fade from muscle into their aponeurosis below L5, down to S3
    top, bottom = px((0.0, 98.4), 1), px((0.0, 92.0), 1)
    erector = {**MUSCLE_STYLE,
               "fill": svg.linear_gradient("art-erector-aponeurosis", top, bottom,
                                           [(0, MUSCLE), (1, APONEUROSIS)]),
               "stroke": svg.linear_gradient("art-erector-aponeurosis-edge", top, bottom,
                                             [(0, MUSCLE_EDGE), (1, APONEUROSIS_EDGE)])}
    styles = {**MUSCLE_STYLES, **dict.fromkeys(ERECTORS, erector)}
    for side, sign in SIDES.items():
        svg.comment(S, f"{'Left' if side == 'L' else 'Right'} side")
        for name, pieces in SUPERFICIAL.items():
            svg.el(S, "path", id=f"m-{name}-{side}", d=chain(pieces, px, sign),
                   **styles.get(name, MUSCLE_STYLE))
            svg.fibres(S, superficial_fibres(name), px, sign)
    D = "deep"
    for side, sign in SIDES.items():
        svg.comment(D, f"{'Left' if side == 'L' else 'Right'} side")
        for name, knots in DEEP_SHAPES.items():
            svg.el(D, "path", id=f"m-{name}-{side}", d=closed_d(knots, px, sign), **DEEP_STYLE)
            svg.fibres(D, deep_fibres(name), px, sign)


def superficial_fibres(name: str) -> list:
    if name == "gluteus_maximus":
        med = mc["gmax_med"].sample(GMX_CX, U1, 10)[1:-1]
        lat = mc["gmax_lat"].sample(GMX_LL, O_GMX, 10)[1:-1]
        lines = between(med, lat, 0.05)
        # below the lowest of these the lower border bulges round the ischial tuberosity: the
        # lowest fibres, parallel to it, from the coccyx side down and out to the border
        edge = [*mc["gmax_lat"].sample(O_GMX, GMX_LL, 40),
                *mc["gmax_low"].sample(GMX_LL, GMX_CX, 80), *mc["gmax_med"].sample(GMX_CX, U1, 40)]
        return lines + chords(edge, lines[0], ISCHIUM, 1.0, 0.05)
    if name == "gluteus_medius":
        top = mc["gmed_top"].sample(U1, O_CL, 9)[1:-1]
        return fan(top, (17.6, 87.6), 0.8, 0.08)
    if name == "longissimus_thoracis":  # the fleshy part, above its aponeurosis on the sacrum
        return [((2.1, 125.5), (1.9, 96.0)), ((3.0, 125.5), (3.2, 97.4))]
    if name == "iliocostalis_lumborum":  # from the crest, beside the PSIS and out
        return [((5.3, 97.0), (5.9, 114.0)), ((6.8, 98.8), (7.3, 116.5)),
                ((8.0, 104.0), (8.7, 125.5))]
    if name == "iliocostalis_thoracis":
        return [((4.9, 117.5), (5.0, 125.5)), ((5.7, 119.5), (6.0, 125.5))]
    if name in ("medial_hamstrings", "biceps_femoris"):
        # long fibres down the thigh, following the muscle's width from level to level
        outline = outline_points(SUPERFICIAL[name])
        top = 76.0 if name == "medial_hamstrings" else 72.6
        levels = [top, 70.0, 64.0, 58.0, 52.0, 47.0]
        rows = [across(outline, h) for h in levels]
        lines = []
        for f in (0.3, 0.55, 0.8):
            pts = [(lo + (hi - lo) * f, h) for (lo, hi), h in zip(rows, levels, strict=True)]
            lines += list(pairwise(pts))
        return lines
    return []


def outline_points(pieces: list) -> list:
    """A muscle's outline as a polygon of body points, from its curve pieces."""
    pts = []
    for curve, a, b in pieces:
        pts += curve.sample(a, b, 60)[:-1]
    return pts


def across(outline: list, h: float) -> tuple[float, float]:
    """The muscle's inner and outer edge (dx) at height h."""
    xs = []
    for (x0, h0), (x1, h1) in pairwise([*outline, outline[0]]):
        if (h0 - h) * (h1 - h) < 0:
            xs.append(x0 + (x1 - x0) * (h - h0) / (h1 - h0))
    return min(xs), max(xs)


def multifidus_width(h: float) -> float:
    """dx of multifidus' lateral edge at height h (straight between the MF_LATERAL knots)."""
    for (x0, h0), (x1, h1) in pairwise(MF_LATERAL):
        if h1 <= h <= h0:
            return x0 + (x1 - x0) * (h0 - h) / (h0 - h1)
    raise ValueError(f"multifidus does not reach h={h}")


def deep_fibres(name: str) -> list:
    if name == "gluteus_minimus":
        return fan([(10.6, 92.8), (12.0, 94.7), (13.6, 95.9), (15.0, 95.9)], (16.9, 88.8), 0.85)
    if name == "piriformis":
        return [((3.6, y0), (15.5, y1)) for y0, y1 in ((91.6, 88.2), (90.3, 87.9))]
    if name == "quadratus_lumborum":
        return [((x0, 100.6 + (x0 - 6.0) * 0.3), (x1, 114.4 - (x1 - 4.0) * 0.75))
                for x0, x1 in ((6.5, 4.8), (8.3, 6.5), (10.0, 8.3))]
    if name == "multifidus":  # short slips up and in to the spinous processes
        return [((multifidus_width(h) - 0.35, h), (0.9, h + 2.2)) for h in range(90, 126, 3)]
    return []


def zones(svg: Svg) -> None:
    Z = "zones"
    for name in ZONE_ORDER:
        if name in MIDLINE_ZONES:
            svg.el(Z, "path", id=f"z-{name}", d=chain(MIDLINE_ZONES[name], px, L_), **ZONE_STYLE)
            continue
        for side, sign in SIDES.items():
            svg.el(Z, "path", id=f"z-{name}-{side}", d=chain(SIDED_ZONES[name], px, sign),
                   **ZONE_STYLE)


def markers(svg: Svg) -> None:
    svg.markers(MARKERS, SIDES, px)
