"""What `bodymap export` hands a teacher, checked on the files themselves: a PDF page rasterised
and its words read by PDFium (the engine of Chrome's PDF viewer, from the test extras, so `make
test` needs nothing installed by hand), PNG pixels, an SVG as its attributes say and as QtSvg
draws it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Sequence
from itertools import pairwise
from pathlib import Path
from typing import TYPE_CHECKING

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from helpers.marks import is_pain_blue, marked_per_view, picture_rows
from helpers.pictures import body_spans, unlike_pixels
from helpers.svg_text import svg_texts, svg_words, view_captions
from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from bodymap.cli import main
from bodymap.model import load_catalog
from bodymap.ui import export as export_module
from bodymap.ui.body_scene import SideLabelItem
from bodymap.ui.export_typeset import print_font

if TYPE_CHECKING:
    from bodymap.model.schema import TriggerPoint

RGB = tuple[int, int, int]


class Pixels:
    """An image's pixels as (r, g, b), read from its bytes: pixelColor is too slow for pages."""

    def __init__(self, image: QImage) -> None:
        self.image = image.convertToFormat(QImage.Format.Format_RGB32)
        self.data = bytes(self.image.constBits())
        self.line = self.image.bytesPerLine()
        self.width, self.height = self.image.width(), self.image.height()

    def rgb(self, x: int, y: int) -> RGB:
        i = y * self.line + 4 * x
        blue, green, red = self.data[i:i + 3]
        return red, green, blue

    def where(self, test: Callable[[RGB], bool], area: QRect | None = None,
              step: int = 1) -> list[tuple[int, int]]:
        """The (x, y) of the pixels in `area` (default: all) that pass `test`."""
        area = area or QRect(0, 0, self.width, self.height)
        return [(x, y) for y in range(area.top(), area.bottom() + 1, step)
                for x in range(area.left(), area.right() + 1, step) if test(self.rgb(x, y))]


def is_red(c: RGB) -> bool:  # referral: the essential zones and the spillover's dots
    return c[0] > 190 and c[1] < 100 and c[2] < 100


def is_skin(c: RGB) -> bool:
    return c[0] > 200 and 150 < c[1] < 235 and 115 < c[2] < 215 and c[0] - c[2] > 25


def is_body(c: RGB) -> bool:
    return is_red(c) or is_skin(c)


def is_ink(c: RGB) -> bool:  # text: the labels' brown, the title's and the key's near-black
    return max(c) < 140


def export(tmp_path: Path, name: str, *args: str) -> Path:
    out = tmp_path / name
    assert main(["export", *args, "-o", str(out)]) == 0
    return out


def rasterise(pdf: Path, dpi: int) -> QImage:
    """The PDF's first page drawn at `dpi` on white, as a viewer shows it."""
    page = pdfium.PdfDocument(str(pdf))[0]
    bitmap = page.render(scale=dpi / 72, force_bitmap_format=pdfium_c.FPDFBitmap_BGRA)
    # BGRA bytes are Qt's 32-bit format on a little-endian machine; copy before the bitmap goes.
    image = QImage(bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride,
                   QImage.Format.Format_RGB32).copy()
    assert not image.isNull()
    return image


def pdf_words(pdf: Path, number: int = 0) -> list[tuple[str, float, float, float, float]]:
    """Each word on a page (the first, by default) with its box in points from the top left:
    (text, left, top, right, bottom)."""
    page = pdfium.PdfDocument(str(pdf))[number]
    height = page.get_height()
    text = page.get_textpage()
    words: list[tuple[str, float, float, float, float]] = []
    letters: list[tuple[str, tuple[float, float, float, float]]] = []
    for index in range(text.count_chars() + 1):  # one past the end closes the last word
        char = text.get_text_range(index, 1) if index < text.count_chars() else " "
        if char.strip():
            letters.append((char, text.get_charbox(index)))
            continue
        if letters:
            boxes = [box for _, box in letters]  # (left, bottom, right, top), from the bottom
            words.append(("".join(c for c, _ in letters), min(b[0] for b in boxes),
                          height - max(b[3] for b in boxes), max(b[2] for b in boxes),
                          height - min(b[1] for b in boxes)))
            letters = []
    return words


def pdf_pages(pdf: Path) -> list[str]:
    """The words on each page of a PDF, as PDFium reads them, one space between words."""
    return [" ".join(page.get_textpage().get_text_range().split())
            for page in pdfium.PdfDocument(str(pdf))]


def cap_height_per_px() -> float:
    """The cap height of the export's font (the default, as export.py draws labels in) per
    pixel of font size: turns the ink height of a word in capitals into its font size."""
    font = QFont()
    font.setPixelSize(100)
    return QFontMetricsF(font).capHeight() / 100


def ink_lines(pixels: Pixels, area: QRect) -> list[int]:
    """The heights of the lines of text in `area`: runs of rows holding ink."""
    rows = sorted({y for _x, y in pixels.where(is_ink, area)})
    runs: list[list[int]] = []
    for y in rows:
        if runs and y <= runs[-1][1] + 2:
            runs[-1][1] = y
        else:
            runs.append([y, y])
    return [bottom - top + 1 for top, bottom in runs]


def body_box(pixels: Pixels, area: QRect) -> QRect:
    """Where the body is drawn in `area`: the box round its skin and referral."""
    body = pixels.where(is_body, area, step=2)
    xs, ys = [x for x, _y in body], [y for _x, y in body]
    return QRect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


# -- the A4 handout ------------------------------------------------------------------------------
@pytest.mark.parametrize("frame", ["region", "body"])
def test_a_pdf_page_has_the_body_in_its_middle_under_the_title(qapp, tmp_path: Path,
                                                                frame: str):
    # Piriformis refers to the buttock (the picture is that part of the body) or, asked for,
    # the whole body, as tall as the page allows. Both sides are painted.
    pdf = export(tmp_path, "piriformis.pdf", "--muscle", "piriformis", "--frame", frame)
    page = Pixels(rasterise(pdf, dpi=50))
    top, bottom = picture_rows(page.image)
    body = body_box(page, QRect(0, top, page.width, bottom - top + 1))
    left, right = body.left(), page.width - 1 - body.right()
    assert abs(left - right) <= 0.015 * page.width, (left, right)
    title = page.where(is_ink, QRect(0, 0, page.width, round(page.height * 0.06)))
    middle = (min(x for x, _y in title) + max(x for x, _y in title)) / 2
    assert abs(middle - page.width / 2) <= 0.015 * page.width


def test_a_pdf_pages_landmark_labels_read_on_paper_beside_the_body(qapp, tmp_path: Path):
    pdf = export(tmp_path, "piriformis.pdf", "--muscle", "piriformis")
    dpi = 300
    page = Pixels(rasterise(pdf, dpi))
    px = dpi / 72  # pixels per point
    (_text, x0, y0, x1, y1), = [word for word in pdf_words(pdf) if word[0] == "PSIS"]
    box = QRect(round(x0 * px), round(y0 * px), round((x1 - x0) * px), round((y1 - y0) * px))
    # The ink of the capitals, top to baseline, is the font's cap height.
    (cap,) = ink_lines(page, box)
    assert cap / px / cap_height_per_px() >= 9.0  # points
    assert not page.where(is_body, box)  # beside the body, not over it
    assert x1 <= (210 - 12) / 25.4 * 72  # and inside the page's margin (A4, 12 mm)


@pytest.mark.parametrize("frame", ["region", "body"])
def test_a_pdf_page_leaves_12_mm_of_paper_round_what_it_draws(qapp, tmp_path: Path, frame: str):
    # The page's margins are 12 mm, as a printer needs (most cannot print the outer 4 to 5 mm):
    # the whole body, as tall as the page allows, and its key end 12 mm above the foot of the
    # paper, the title 12 mm under its top, the labels 12 mm inside its sides.
    dpi = 50
    page = Pixels(rasterise(export(tmp_path, "p.pdf", "--muscle", "piriformis", "--frame", frame),
                            dpi))
    drawn = page.where(lambda c: min(c) < 245)
    margin = 12 / 25.4 * dpi - 1  # a pixel for where the raster rounds
    assert min(x for x, _y in drawn) >= margin
    assert max(x for x, _y in drawn) <= page.width - 1 - margin
    assert min(y for _x, y in drawn) >= margin
    assert max(y for _x, y in drawn) <= page.height - 1 - margin


# -- slides and pictures -------------------------------------------------------------------------
def test_a_slides_labels_and_caption_read_from_the_back_of_a_room(qapp, tmp_path: Path):
    args = ("--muscle", "piriformis", "--layout", "slide")
    slide = Pixels(QImage(str(export(tmp_path, "slide.png", *args))))
    assert (slide.width, slide.height) == (1920, 1080)
    # Where the words are, from the same slide as an SVG (its viewBox is the PNG's pixels).
    texts = svg_texts(export(tmp_path, "slide.svg", *args))
    reading = 1080 / 50  # a font 1/50 of the slide's height
    for word in ("S2 \N{MIDDLE DOT} PSIS", "coccyx tip", "Back view"):
        x, y, size = texts[word]
        assert size >= reading - 0.5, (word, size)
        metrics = QFontMetricsF(print_font(round(size)))
        box = QRect(round(x), round(y - metrics.ascent()), round(metrics.horizontalAdvance(word)),
                    round(metrics.ascent() + metrics.descent()))
        # Drawn that large: its ink is at least as tall as a capital in that font.
        assert max(ink_lines(slide, box)) >= reading * cap_height_per_px() - 1, word
    # The part of the body that matters fills the slide left of its words: not a speck.
    column = min(x for text, (x, _y, _size) in texts.items() if text.startswith("TrP1"))
    body = body_box(slide, QRect(0, 0, round(column), 1080))
    assert body.width() >= 0.3 * 1920 and body.height() >= 0.6 * 1080, body
    # The title runs across the top, above the body, as on a slide of two views.
    x, y, _size = next(place for text, place in texts.items() if text.startswith("Piriformis"))
    assert x < body.left() and y < body.top(), (x, y, body)


def test_a_slide_of_two_whole_bodies_keeps_each_label_that_has_room(qapp, tmp_path: Path):
    # Gluteus minimus: the back and the side view, head to foot, on a 1080-pixel slide. The
    # spine's levels are 25 px apart there, closer than a line of 22 px text is tall, yet their
    # capitals are clear of each other: they all stay, none over another.
    texts = svg_texts(export(tmp_path, "gmin.svg", "--muscle", "gluteus_minimus", "--layout",
                             "slide", "--frame", "body"))
    levels = ["T12", "L1", "L3", "L4 \N{MIDDLE DOT} top of crest", "S2 \N{MIDDLE DOT} PSIS",
              "coccyx tip"]
    assert all(level in texts for level in levels), sorted(texts)
    for upper, lower in pairwise(levels):
        font = QFont()
        font.setPixelSize(round(texts[upper][2]))
        cap = QFontMetricsF(font).capHeight()
        assert texts[lower][1] - texts[upper][1] > cap, (upper, lower)  # baselines a capital apart


def test_a_slide_of_two_views_gives_them_the_width_its_words_leave(qapp, tmp_path: Path):
    # Rectus abdominis: its front view and, beside it, the back view for its low-back band. Few
    # words go with it: the title runs across the top of the slide, so the column beside the
    # views is short, and the views take the width it leaves, not a fixed share of the slide.
    args = ("--muscle", "rectus_abdominis", "--layout", "slide")
    texts = svg_texts(export(tmp_path, "ra.svg", *args))
    slide = QImage(str(export(tmp_path, "ra.png", *args)))
    (front_left, front_right), (back_left, _back_right) = body_spans(slide)
    title_x, title_y, _size = texts["Rectus abdominis (lower part): trigger points and referral"]
    assert title_x < front_left and title_y < 0.12 * 1080  # one line, across the top
    assert front_right - front_left >= 0.25 * 1920, (front_left, front_right)  # was 18%
    # The key clear of the views: right of the front view, and under the back view (which
    # stands over the words: `_over_words`) with paper between them.
    key_x, key_y, key_size = texts["Essential referral zone"]
    assert front_right < key_x - 0.04 * 1080
    paper = QRect(back_left, round(key_y - key_size - 0.04 * 1080), _back_right - back_left,
                  round(0.04 * 1080))
    assert not Pixels(slide).where(is_body, paper, step=2), paper
    # All still read: its words at 85% of their size at least, as gluteus medius's below, and
    # the rest (labels, captions, key, the sources) as large as the landmark labels; the
    # footnote under the words is a step smaller than they are.
    words = texts["Essential:"][2]
    assert words >= 0.85 * 1080 / 40 - 0.5
    footnote = [size for text, (_x, _y, size) in texts.items()
                if size < words - 0.5 and not text.startswith(("Sources:", "Teaching"))]
    assert min(size for _x, _y, size in texts.values() if size not in footnote) >= 1080 / 50 - 0.5
    assert min(footnote) >= 0.8 * words - 1
    # Gluteus medius says much more about its three trigger points: its words shrink a little,
    # never below 85% of their size, and no further for the views' sake.
    texts = svg_texts(export(tmp_path, "gm.svg", "--muscle", "gluteus_medius", "--layout",
                             "slide"))
    assert texts["Essential:"][2] >= 0.85 * 1080 / 40 - 0.5


# Side by side, the front was 58% of the slide's height and the back 29%. Over the words, 69% and
# 35% with a key of three rows; its lower abdomen is provisional, drawn with a dashed edge the key
# explains in a fourth row, so the words under the back view are taller: 61% and 30.5%.
@pytest.mark.parametrize(("muscle", "least"), [("rectus_abdominis", 0.60)])
def test_a_slide_of_a_short_view_beside_draws_it_over_the_words(qapp, tmp_path: Path,
                                                                 muscle: str, least: float):
    # Rectus abdominis: the front from the chest to the thighs, and beside it the back view's
    # low-back band. Side by side, the slide's width bound them: the front 58% of the slide's
    # height, with paper above and below. The back view over the words, the front is as large
    # as the slide's height and the words under the back view allow.
    slide = QImage(str(export(tmp_path, "slide.png", "--muscle", muscle, "--layout", "slide")))
    texts = svg_texts(export(tmp_path, "slide.svg", "--muscle", muscle, "--layout", "slide"))
    (front_left, front_right), (back_left, back_right) = body_spans(slide)
    pixels = Pixels(slide)
    front = body_box(pixels, QRect(front_left, 0, front_right - front_left + 1, 1080))
    assert front.height() >= least * 1080, front.height() / 1080
    # The back view grows with it (it was 29% of the slide's height), over the key, level
    # with the front view's top.
    key_top = round(texts["Essential referral zone"][1] - texts["Essential referral zone"][2])
    back = body_box(pixels, QRect(back_left, 0, back_right - back_left + 1, key_top))
    assert back.height() >= 0.30 * 1080, back.height() / 1080
    assert back.bottom() < key_top and abs(back.top() - front.top()) <= 0.04 * 1080


@pytest.mark.parametrize("muscle", ["rectus_abdominis", "multifidus", "quadratus_lumborum",
                                    "gluteus_medius", "iliopsoas", "piriformis"])
def test_every_word_of_a_slide_is_inside_its_margins(qapp, tmp_path: Path, muscle: str):
    # The slide's margin is 4% of its height (43 px): the key beside rectus abdominis's two
    # views ran to 28 px from the right edge, its column narrower than the key.
    assert_inside_slide_margins(
        svg_texts(export(tmp_path, "slide.svg", "--muscle", muscle, "--layout", "slide")))


def assert_inside_slide_margins(texts: dict[str, tuple[float, float, float]]) -> None:
    """Each of a slide's words (`svg_texts`) is inside its margin, 4% of its height, measured
    in the font the slide is set in (shaped: after a window's test, the application's own font
    skips shaping, and measured so a line ran a few pixels longer than it is)."""
    margin = 0.04 * 1080
    for text, (x, baseline, size) in texts.items():
        metrics = QFontMetricsF(print_font(round(size)))
        right = x + metrics.horizontalAdvance(text)
        assert x >= margin - 0.5 and right <= 1920 - margin + 0.5, (text, x, right)
        assert baseline - metrics.ascent() >= margin - 0.5, text
        assert baseline + metrics.descent() <= 1080 - margin + 0.5, text


Caption = tuple[float, float, float]  # a view's caption: its middle across, baseline, height


def view_areas(image: QImage, captions: dict[str, Caption]) -> dict[str, QRect]:
    """Where each view of the picture is, by its caption ("Back view", in the image's pixels):
    under the caption, in the columns of the body there (`body_spans`), down to the next
    caption under it, if any."""
    spans, areas = body_spans(image), {}
    for caption, (middle, top, _height) in captions.items():
        left, right = next(span for span in spans if span[0] <= middle <= span[1])
        bottom = min((baseline - height for x, baseline, height in captions.values()
                      if left <= x <= right and baseline > top), default=image.height())
        areas[caption] = QRect(left, round(top), right - left + 1, round(bottom - top))
    return areas


def svg_captions(svg: Path) -> dict[str, Caption]:
    texts = svg_texts(svg)
    return {caption: (middle, texts[caption][1], texts[caption][2])
            for caption, middle in view_captions(svg).items()}


def view_heights(png: Path, svg: Path) -> dict[str, float]:
    """Each view's body height as a share of the picture's, by its caption (`view_areas`)."""
    image = QImage(str(png))
    pixels = Pixels(image)
    return {caption: body_box(pixels, area).height() / pixels.height
            for caption, area in view_areas(image, svg_captions(svg)).items()}


def test_a_slide_of_two_short_views_draws_them_one_over_the_other(qapp, tmp_path: Path):
    # The groin from the front and the sacrum from behind: side by side, the slide's width
    # bound them, the front 28% of the slide's height and the back 17%, with paper above and
    # below. One over the other at the left, they share its height, the words beside them.
    args = ("--zones", "groin,sacrum", "--layout", "slide")
    svg, png = export(tmp_path, "slide.svg", *args), export(tmp_path, "slide.png", *args)
    heights = view_heights(png, svg)
    assert heights["Front view"] >= 0.42 and heights["Back view"] >= 0.25, heights
    texts = svg_texts(svg)
    assert texts["Front view"][1] < texts["Back view"][1]  # the view of the most pain on top
    assert_inside_slide_margins(texts)
    # The words as large as beside two views side by side (85% of their size at least), and
    # right of both bodies.
    heading_x, _y, size = texts["Muscles that can refer pain there"]
    assert size >= 0.85 * 1080 / 40 - 0.5
    ((_left, right),) = body_spans(QImage(str(png)))
    assert right < heading_x - 0.04 * 1080


def test_a_picture_frames_the_muscle_and_its_referral_with_air_round_them(qapp,
                                                                        tmp_path: Path,
                                                                        monkeypatch):
    image = Pixels(QImage(str(export(tmp_path, "piriformis.png", "--muscle", "piriformis"))))
    top, bottom = picture_rows(image.image)  # the body's rows: a handout's words are under it
    assert image.width == 1600 and bottom < 1.2 * image.width  # not head to foot
    red = [y for _x, y in image.where(is_red, QRect(0, top, 1600, bottom - top + 1), step=2)]
    # The whole referral, with air above and below it.
    assert min(red) - top >= 0.04 * (bottom - top), (top, min(red))
    assert bottom - max(red) >= 0.04 * (bottom - top), (bottom, max(red))
    # The whole body, asked for, is as tall as an A4 page is.
    whole = QImage(str(export(tmp_path, "whole.png", "--muscle", "piriformis", "--frame",
                              "body")))
    assert whole.height() == pytest.approx(1600 * 273 / 186, abs=2)
    # Gluteus minimus, the whole body asked for: from the back and from the side, side by
    # side, both as tall as the other.
    with monkeypatch.context() as patch:  # the picture alone, without the words under it
        patch.setattr(export_module, "page_words", lambda *_args: [])
        pair = QImage(str(export(tmp_path, "gmin.png", "--muscle", "gluteus_minimus", "--frame",
                                 "body")))
    back, side = body_spans(pair)
    heights = [body_box(Pixels(pair), QRect(left, 0, right - left + 1, pair.height())).height()
               for left, right in (back, side)]
    assert heights[0] == pytest.approx(heights[1], rel=0.05)
    assert heights[0] > 0.7 * pair.height()  # head to foot: the title and the key take the rest
    # Framed to its pain, at one scale: from the back it stops in the upper calf, from the side
    # it runs down the outer leg to the ankle, so the back view is the shorter.
    with monkeypatch.context() as patch:
        patch.setattr(export_module, "page_words", lambda *_args: [])
        pair = QImage(str(export(tmp_path, "gmin-region.png", "--muscle", "gluteus_minimus")))
    back, side = body_spans(pair)
    heights = [body_box(Pixels(pair), QRect(left, 0, right - left + 1, pair.height())).height()
               for left, right in (back, side)]
    assert heights[0] < 0.8 * heights[1]


@pytest.mark.parametrize("layout", ["slide", "page"])
def test_of_two_views_the_one_with_the_muscle_is_never_drawn_the_smaller(qapp, tmp_path: Path,
                                                                        layout: str):
    # Quadratus lumborum: all four trigger points are on the back view; the front view beside
    # it shows only spillover, and its drawing is stouter. A teacher's slide must not show the
    # spillover's view the larger, nor leave the back view a thumbnail of the room it has.
    image = QImage(str(export(tmp_path, "ql.png", "--muscle", "quadratus_lumborum",
                              "--layout", layout)))
    back, front = body_spans(image)
    # As wide (within the outlines' ink and the anti-aliasing at their edges): on the old
    # layout the back view was two thirds of the front's width.
    assert back[1] - back[0] >= 0.95 * (front[1] - front[0]), (back, front)
    pixels = Pixels(image)
    top, bottom = picture_rows(image)  # the views' rows, not the words under a page's key
    heights = [body_box(pixels, QRect(left, top, right - left + 1, bottom - top + 1)).height()
               for left, right in (back, front)]
    assert heights[0] >= heights[1]
    assert heights[0] > 0.6 * bottom, heights  # the room's height, less title and key


def test_a_pictures_side_labels_are_written_over_the_referral(qapp, tmp_path: Path,
                                                              monkeypatch):
    # Gluteus minimus on the left refers down the back of the thigh, where "Left" is written.
    # (The picture has the side view too, for the leg's outer side; this looks at the back.)
    args = ("--muscle", "gluteus_minimus", "--view", "posterior", "--side", "L")
    labelled = Pixels(QImage(str(export(tmp_path, "labelled.png", *args))))
    monkeypatch.setattr(SideLabelItem, "paint", lambda *_args: None)
    bare = Pixels(QImage(str(export(tmp_path, "bare.png", *args))))
    assert (labelled.width, labelled.height) == (bare.width, bare.height)
    back = body_spans(bare.image)[0]
    changed = [(x, y) for y in range(labelled.height)
               if labelled.data[y * labelled.line:(y + 1) * labelled.line]
               != bare.data[y * bare.line:(y + 1) * bare.line]
               for x in range(back[0], back[1] + 1) if labelled.rgb(x, y) != bare.rgb(x, y)]
    # The labels are in the picture, in dark letters where the referral red was...
    on_red = [p for p in changed if is_red(bare.rgb(*p)) and is_ink(labelled.rgb(*p))]
    assert len(on_red) > 200, len(on_red)
    # ... and on the skin of the other leg: "Right" beside "Left", on one line.
    on_skin = [p for p in changed if is_skin(bare.rgb(*p)) and is_ink(labelled.rgb(*p))]
    assert len(on_skin) > 200, len(on_skin)
    assert min(x for x, _y in on_skin) > max(x for x, _y in on_red)
    assert abs(sum(y for _x, y in on_skin) / len(on_skin)
               - sum(y for _x, y in on_red) / len(on_red)) < 10


def side_label_words(tmp_path: Path, monkeypatch, *args: str) -> tuple[Pixels, list[QRect]]:
    """The picture, as bare of its side labels, and where "Left" and "Right" are written in
    it, left to right: the ink the labels add, in runs of columns apart from each other."""
    labelled = Pixels(QImage(str(export(tmp_path, "labelled.png", *args))))
    with monkeypatch.context() as patch:
        patch.setattr(SideLabelItem, "paint", lambda *_args: None)
        bare = Pixels(QImage(str(export(tmp_path, "bare.png", *args))))
    assert (labelled.width, labelled.height) == (bare.width, bare.height)
    ink = [(x, y) for y in range(labelled.height)
           if labelled.data[y * labelled.line:(y + 1) * labelled.line]
           != bare.data[y * bare.line:(y + 1) * bare.line]
           for x in range(labelled.width)
           if labelled.rgb(x, y) != bare.rgb(x, y) and is_ink(labelled.rgb(x, y))]
    words: list[list[tuple[int, int]]] = []
    for x, y in sorted(ink):
        if words and x - words[-1][-1][0] <= 12:  # the next letter of the same word
            words[-1].append((x, y))
        else:
            words.append([(x, y)])
    boxes = [QRect(min(x for x, _y in word), min(y for _x, y in word),
                   max(x for x, _y in word) - min(x for x, _y in word) + 1,
                   max(y for _x, y in word) - min(y for _x, y in word) + 1)
             for word in words if len(word) > 100]
    return bare, boxes


@pytest.mark.parametrize(("args", "first", "beside"), [
    # The calves from behind: the person's left on the picture's left; the drawing's labels,
    # mid-thigh, are above the frame. The frame has paper beside the calves: there.
    (("--zones", "calf", "--side", "L"), "Left", True),
    # The groin from the front: the person's left on the picture's right. The hips fill the
    # frame: on the body, clear of the marks.
    (("--zones", "groin", "--side", "L"), "Right", False),
])
def test_a_picture_framed_below_or_above_the_side_labels_still_says_which_side_is_which(
        qapp, tmp_path: Path, monkeypatch, args: tuple[str, ...], first: str, beside: bool):
    bare, words = side_label_words(tmp_path, monkeypatch, *args)
    assert len(words) == 2, words
    left, right = words
    # "Right" is the longer word: the one on the picture's left says which side it is.
    assert (left.width() < right.width()) == (first == "Left"), (left, right)
    # On one line, each by its own leg ...
    assert abs(left.top() - right.top()) <= 2  # the capitals' tops
    legs = body_spans(bare.image)
    middle = (legs[0][1] + legs[-1][0]) / 2 if len(legs) > 1 else sum(legs[0]) / 2
    assert left.right() < middle < right.left(), (left, right, legs)
    if beside:  # ... beside it, on the paper: no skin under the letters and their halo
        for word in words:
            assert not bare.where(is_body, word.adjusted(-4, -4, 4, 4)), word
    # ... and clear of the marked pain: no hatch where the letters are.
    for word in words:
        assert not bare.where(lambda c: c[2] > 150 and c[0] < 110 and c[1] < 150, word)


def is_mark_outline(c: RGB) -> bool:  # the marked pain's blue outline and hatch
    return c[2] > 150 and c[0] < 120 and c[2] - c[1] > 60


def test_a_slides_side_words_are_alike_in_both_views_and_clear_of_the_marks(
        qapp, tmp_path: Path, monkeypatch):
    # The groin from the front over the sacrum from behind: the back view, drawn smaller, had
    # its "Left" and "Right" smaller than the front's, and against the sacrum's hatch, their
    # halo on its outline. Now as large as the front's, with air between them and the marks.
    args = ("--zones", "groin,sacrum", "--layout", "slide")
    texts = svg_texts(export(tmp_path, "slide.svg", *args))
    bare, _words = side_label_words(tmp_path, monkeypatch, *args)
    labelled = Pixels(QImage(str(tmp_path / "labelled.png")))
    views = sorted((texts[caption][1], caption) for caption in ("Front view", "Back view"))
    words = {}
    for n, (top, caption) in enumerate(views):
        bottom = views[n + 1][0] - 1.5 * texts[views[n + 1][1]][2] if n + 1 < len(views) else 1080
        area = QRect(0, round(top), round(texts["Marked pain"][0]) - 40, round(bottom - top))
        ink = sorted((x, y) for x, y in labelled.where(is_ink, area)
                     if labelled.rgb(x, y) != bare.rgb(x, y))
        runs: list[list[tuple[int, int]]] = []
        for x, y in ink:
            if runs and x - runs[-1][-1][0] <= 12:
                runs[-1].append((x, y))
            else:
                runs.append([(x, y)])
        words[caption] = [QRect(QPoint(min(x for x, _ in run), min(y for _, y in run)),
                                QPoint(max(x for x, _ in run), max(y for _, y in run)))
                          for run in runs if len(run) > 100]
    front, back = words["Front view"], words["Back view"]
    assert len(front) == len(back) == 2, words
    # "Right" (its g below the line) is the taller word: compare like with like, letter for
    # letter; the front shows the person's right on the picture's left, the back its left.
    assert abs(front[1].height() - back[0].height()) <= 2, (front, back)  # "Left"
    assert abs(front[0].height() - back[1].height()) <= 2, (front, back)  # "Right"
    for word in front + back:
        air = round(0.4 * word.height())
        around = word.adjusted(-air, -air, air, air)
        assert not bare.where(is_mark_outline, around), word


def on_paper(c: RGB) -> bool:
    return min(c) >= 235


@pytest.mark.parametrize(("args", "count"), [
    # The reviewer's slide: the calves and the outer ankle, from behind and from the left; the
    # side view's "Left" stood on the foot, the only part of the leg left unmarked. Marked on
    # both sides, the outer ankles are from the left and from the right: "Right" on its foot.
    (("--zones", "calf,lateral_ankle", "--layout", "slide"), 4),
    # The same from the right: "Right" on the foot. (The calf as the side view draws it: its
    # upper inner half is drawn from behind only, and would bring the back view beside it.)
    (("--zones", "calf_upper_lateral,calf_lower,lateral_ankle", "--view", "lateral", "--side",
      "R", "--layout", "slide"), 1),
    (("--zones", "calf_upper_lateral,calf_lower,lateral_ankle", "--view", "lateral", "--side",
      "R"), 1),
    (("--zones", "posterior_knee,calf", "--side", "both"), 2),
], ids=["two views", "right side slide", "right side page", "back of the legs"])
def test_a_picture_of_marked_pain_has_its_side_words_beside_the_body(
        qapp, tmp_path: Path, monkeypatch, args: tuple[str, ...], count: int):
    bare, words = side_label_words(tmp_path, monkeypatch, *args)
    assert len(words) == count, words  # "Left" and "Right" from behind, one per side view
    for word in words:
        # The letters and their halo on white paper: clear of the body, its outline, the
        # marks and the landmarks' labels.
        box = word.adjusted(-4, -4, 4, 4)
        assert all(on_paper(bare.rgb(x, y)) for x, y in bare.where(lambda _c: True, box)), word
    # Level with the legs they name, not under the feet or above the knees.
    top, bottom = picture_rows(bare.image)
    for word in words:
        assert top + (bottom - top) / 5 < word.center().y() < bottom - (bottom - top) / 5


@pytest.mark.parametrize("layout", ["slide", "page"])
def test_a_picture_framed_to_a_referral_shows_the_body_going_on_past_the_end_of_the_red(
        qapp, tmp_path: Path, layout: str):
    # Iliopsoas: its red on the front of the thigh ends above mid-thigh. On the slide the front
    # view was cut a few centimetres under it, so the red seemed to run off the picture's lower
    # edge and a class could not see where it ends. Under the end of the red the thigh goes on,
    # in skin, no red, for an eighth of the view's height or more.
    image = Pixels(QImage(str(export(tmp_path, "ip.png", "--muscle", "iliopsoas",
                                     "--layout", layout))))
    front, _back = body_spans(image.image)  # the front view first, the back view beside it
    top, bottom = picture_rows(image.image)  # the views' rows, not a handout's words under them
    column = QRect(front[0], top, front[1] - front[0] + 1, bottom - top + 1)
    body = body_box(image, column)
    end = max(y for _x, y in image.where(is_red, column))
    assert body.bottom() - end >= body.height() / 8, (end, body)
    below = QRect(column.left(), end + 1, column.width(), body.bottom() - end)
    assert not image.where(is_red, below, step=2)
    skin_rows = {y for _x, y in image.where(is_skin, below, step=2)}
    assert skin_rows == set(range(below.top(), below.bottom() + 1, 2))  # body in every row


@pytest.mark.parametrize("layout", ["page", "slide"])
def test_a_front_muscles_picture_shows_its_low_back_referral_on_the_back_view_beside_it(
        qapp, tmp_path: Path, layout: str):
    # Rectus abdominis is drawn on the front; its essential referral is a band across the low
    # back, which the front view cannot show. A handout of it must not leave that out.
    args = ("--muscle", "rectus_abdominis", "--layout", layout)
    texts = svg_texts(export(tmp_path, "ra.svg", *args))
    image = Pixels(QImage(str(export(tmp_path, "ra.png", *args))))
    front_x, front_y, _size = texts["Front view"]
    back_x, back_y, _size = texts["Back view"]
    assert back_x > front_x + 0.15 * image.width and abs(back_y - front_y) < 2  # side by side
    # Under the back view's caption: the low-back band in solid red (a run of red pixels as
    # wide as the spine's band, not the spillover's scattered dots), between the back view's
    # own labels of the lumbar spine and the sacrum.
    _x, l4, _size = texts["L4 \N{MIDDLE DOT} top of crest"]
    _x, s2, _size = texts["S2 \N{MIDDLE DOT} PSIS"]
    assert texts["L4 \N{MIDDLE DOT} top of crest"][0] > back_x  # the back view's labels
    band = QRect(round(back_x - 0.1 * image.width), round(l4), round(0.25 * image.width),
                 round(s2 - l4))
    rows = {}
    for x, y in image.where(is_red, band):
        rows.setdefault(y, []).append(x)
    assert rows and max(len(xs) for xs in rows.values()) > 0.04 * image.width


def test_a_picture_shows_every_trigger_point_the_handout_lists(qapp, tmp_path: Path):
    # Gluteus medius has three TrPs; the back view marks TrP1 and TrP2, the side view TrP2 and
    # TrP3 (below the front of the crest). Its picture from behind has the side view beside it.
    texts = svg_texts(export(tmp_path, "gmed.svg", "--muscle", "gluteus_medius"))
    assert "Back view" in texts
    assert any("side view" in text for text in texts), sorted(texts)
    assert len(body_spans(QImage(str(export(tmp_path, "gmed.png", "--muscle",
                                            "gluteus_medius"))))) == 2
    # Gluteus maximus: all three on the back, so the back alone.
    assert len(body_spans(QImage(str(export(tmp_path, "gmax.png", "--muscle",
                                            "gluteus_maximus"))))) == 1


def test_a_right_side_picture_has_the_right_side_view_beside_it(qapp, tmp_path: Path):
    # Gluteus minimus refers down the outer leg, which only the side view draws. A right-side
    # picture gets the side view from the right beside it, with the muscle's TrP1 and red,
    # never the left side's empty leg.
    args = ("--muscle", "gluteus_minimus", "--view", "posterior")
    left = export(tmp_path, "left.svg", *args, "--side", "L")
    right = export(tmp_path, "right.svg", *args, "--side", "R")
    assert list(view_captions(left)) == [
        "Back view", "\N{LEFTWARDS ARROW} front \N{MIDDLE DOT} Left side view \N{MIDDLE DOT} back "
        "\N{RIGHTWARDS ARROW}"]
    assert list(view_captions(right)) == [
        "Back view", "\N{LEFTWARDS ARROW} back \N{MIDDLE DOT} Right side view \N{MIDDLE DOT} front "
        "\N{RIGHTWARDS ARROW}"]
    image = Pixels(QImage(str(export(tmp_path, "right.png", *args, "--side", "R"))))
    spans = body_spans(image.image)
    assert len(spans) == 2
    side_view = QRect(spans[1][0], 0, spans[1][1] - spans[1][0], image.height)
    assert len(image.where(is_red, side_view, step=2)) > 500  # the outer leg, painted


# -- a handout's words --------------------------------------------------------------------------
MM = 72 / 25.4  # points per millimetre


def test_a_handout_says_under_a_short_picture_what_it_shows(qapp, tmp_path: Path):
    # Quadratus lumborum's picture is the band of the body from T12 to the knees: on A4 it left
    # the foot of the page blank paper. There a student now reads each trigger point, where it
    # lies and where it refers, and the sources: text to select and copy, under the key, as
    # large as the landmark labels, inside the page's margins.
    pdf = export(tmp_path, "ql.pdf", "--muscle", "quadratus_lumborum")
    words = pdf_words(pdf)
    key = next(n for n, (word, *_box) in enumerate(words)
               if word == "point" and words[n - 1][0] == "Trigger")  # the key's last row
    key_bottom = words[key][4]
    under = [word for word in words if word[2] > key_bottom]
    text = " ".join(word for word, *_box in under)
    for trp in load_catalog().muscles["quadratus_lumborum"].trigger_points:
        assert f"{trp.label}: {trp.location}" in text, trp.label
    assert text.endswith("Teaching material, not medical advice.")
    for word, x0, _y0, x1, y1 in under:  # inside A4's 12 mm margins (a point for rounding)
        assert x0 >= 12 * MM - 1 and x1 <= (210 - 12) * MM + 1, word
        assert y1 <= (297 - 12) * MM + 1, word
    # As large as the labels beside the body: a capital's height, as PDFium boxes them.
    (psis,) = [y1 - y0 for word, _x0, y0, _x1, y1 in words if word == "PSIS"]
    trp1 = next(y1 - y0 for word, _x0, y0, _x1, y1 in under if word == "TrP1")
    assert trp1 == pytest.approx(psis, rel=0.1)


def test_a_handouts_png_and_svg_have_its_words_where_the_paper_was_blank(qapp, tmp_path: Path):
    args = ("--muscle", "quadratus_lumborum")
    svg = export(tmp_path, "ql.svg", *args)
    png = Pixels(QImage(str(export(tmp_path, "ql.png", *args))))
    # Where the key ends, from the same page as an SVG (its viewBox is the PNG's pixels).
    texts = svg_texts(svg)
    _x, key_baseline, key_size = texts["Trigger point"]
    under = round(key_baseline + 1.5 * key_size)  # past the key's frame
    area = QRect(0, under, png.width, max(0, png.height - under))
    # Line under line of ink: at least a line for where each trigger point lies and one for
    # where it refers.
    trps = load_catalog().muscles["quadratus_lumborum"].trigger_points
    assert len(ink_lines(png, area)) >= 2 * len(trps)
    # All on the paper: the page no taller than A4's shape, the words' ink off its edges.
    assert png.height <= 1600 * 273 / 186
    ink = png.where(is_ink, area)
    assert max(x for x, _y in ink) < png.width - 1 and max(y for _x, y in ink) < png.height - 1
    # In the SVG, text in the labels' size (as on the PDF: text to select and copy).
    for trp in trps:
        _x, y, size = texts[trp.label]
        assert y > key_baseline and size == texts["coccyx tip"][2], trp.label


def essential_names(trp: TriggerPoint) -> list[str]:
    """A trigger point's essential zones as a page names them: an area whole where all its parts
    are alike (`Catalog.grouped`)."""
    catalog, referral = load_catalog(), trp.referral
    return [catalog.zones[zone].label for zone in catalog.grouped(
        referral.essential, set(referral.bilateral), set(referral.provisional))]


def said_of(words: str, trp: TriggerPoint, trps: Sequence[TriggerPoint]) -> str:
    """What a page's words say of a trigger point: from its label to the next one's that refers
    elsewhere, or to the sources (those that refer alike share the words under the last of
    them, `sharing_a_pattern`)."""
    start = words.index(trp.label)
    later = [words.index(t.label, start + 1) for t in trps
             if t.referral != trp.referral and t.label in words[start + 1:]]
    return words[start:min([*later, words.index("Sources: ", start)])]


def one_line(text: str) -> str:
    """Text without its spaces: a PDF's words as PDFium reads them break where the lines do
    ("finger-" over "widths")."""
    return "".join(text.split())


def test_a_handout_describes_every_trigger_point_where_its_picture_left_a_few_lines_short(
        qapp, tmp_path: Path):
    # Medial hamstrings: the back from the sacrum to the calves, as tall as the page let it be.
    # Under its key was room for TrP1 alone, and TrP2 went out as "TrP2 (lower thigh): see
    # bodymap.", which on paper tells a reader nothing. The picture now gives way a little
    # (`_foot_room`), and the PNG describes both, as the SVG of the same page says.
    args = ("--muscle", "medial_hamstrings")
    svg = export(tmp_path, "medham.svg", *args)
    png = QImage(str(export(tmp_path, "medham.png", *args)))
    view_box = ET.parse(svg).getroot().get("viewBox", "").split()
    assert [float(n) for n in view_box] == [0, 0, png.width(), png.height()]  # the same page
    words = svg_words(svg)
    trps = load_catalog().muscles["medial_hamstrings"].trigger_points
    assert len(trps) == 2
    for trp in trps:
        assert f"{trp.label} : {trp.location}" in words, trp.label
        for name in essential_names(trp):
            assert name in said_of(words, trp, trps), (trp.label, name)
    assert "see bodymap" not in words and "in brief" not in words.lower()
    assert words.endswith("Teaching material, not medical advice.")
    # The PDF says all of it on its one page.
    pages = pdf_pages(export(tmp_path, "medham.pdf", *args))
    assert len(pages) == 1
    for trp in trps:
        assert one_line(f"{trp.label}: {trp.location}") in one_line(pages[0]), trp.label
        assert all(one_line(name) in one_line(pages[0]) for name in essential_names(trp))


def test_a_handouts_picture_gives_way_to_its_words_a_bounded_amount(qapp, tmp_path: Path,
                                                                      monkeypatch):
    # Gluteus maximus: three trigger points, TrP3's place said in seven lines. The buttocks
    # are drawn smaller to make room for all three in full, but never smaller than
    # PICTURE_LEAST of the picture alone on the page.
    worded = export(tmp_path, "worded.png", "--muscle", "gluteus_maximus")
    words = svg_words(export(tmp_path, "worded.svg", "--muscle", "gluteus_maximus"))
    trps = load_catalog().muscles["gluteus_maximus"].trigger_points
    assert all(f"{trp.label} : {trp.location}" in words for trp in trps), words
    monkeypatch.setattr(export_module, "page_words", lambda *_args: [])
    alone = export(tmp_path, "alone.png", "--muscle", "gluteus_maximus")
    heights = []
    for picture in (worded, alone):  # the body's rows, not the key's nor the words'
        top, bottom = picture_rows(QImage(str(picture)))
        heights.append(bottom - top)
    assert export_module.PICTURE_LEAST * heights[1] - 2 <= heights[0] < heights[1]


def test_a_handout_png_short_of_room_says_the_rest_in_brief_and_where_they_are_in_full(
        qapp, tmp_path: Path):
    # Gluteus maximus's whole body: its picture is the page, and gives way only so far. Under
    # it TrP1 is described in full; TrP2 and TrP3 get a line each, where they are (their
    # labels) and where they refer, and the page says the PDF handout has them in full.
    words = svg_words(export(tmp_path, "gmax.svg", "--muscle", "gluteus_maximus", "--frame",
                             "body"))
    catalog = load_catalog()
    muscle = catalog.muscles["gluteus_maximus"]
    first, *briefed = muscle.trigger_points
    assert f"{first.label} : {first.location}" in words, words
    for trp in briefed:
        line = said_of(words, trp, muscle.trigger_points)
        assert line.startswith(f"{trp.label} : Essential: "), line
        assert all(name in line for name in essential_names(trp)), line
        assert trp.location not in words  # none half described
    assert "the PDF handout has them in full, with where to find them." in words
    assert "see bodymap" not in words
    # Their sources too: the page says where they refer.
    cited = {s.short() for trp in muscle.trigger_points
             for s in catalog.sources_of([*trp.sources, *muscle.sources])}
    sources = words[words.index("Sources: "):].removesuffix(
        " Teaching material, not medical advice.")
    assert set(sources.removeprefix("Sources: ").split("; ")) == cited


def test_a_handout_pdf_goes_on_to_a_next_page_with_the_rest_in_full(qapp, tmp_path: Path):
    # The same handout as a PDF: what the PNG says in brief goes on to the next page in full,
    # under a running head naming the muscle, so a loose sheet says whose it is; then the
    # sources and "Teaching material, not medical advice". Nothing is left out.
    pdf = export(tmp_path, "gmax.pdf", "--muscle", "gluteus_maximus", "--frame", "body")
    pages = pdf_pages(pdf)
    assert len(pages) == 2
    trps = load_catalog().muscles["gluteus_maximus"].trigger_points
    every = one_line(" ".join(pages))
    for trp in trps:
        assert one_line(f"{trp.label}: {trp.location}") in every, trp.label
        assert all(one_line(name) in every for name in essential_names(trp)), trp.label
    described = [trp for trp in trps if one_line(trp.location) in one_line(pages[0])]
    assert described == list(trps[:len(described)]) and 0 < len(described) < len(trps)
    names = " and ".join(trp.label for trp in trps[len(described):])
    assert f"{names}: on the next page." in pages[0]
    assert pages[0].endswith("Teaching material, not medical advice.")
    assert pages[1].startswith("Gluteus maximus: trigger points and referral (continued) "
                               "page 2 of 2 "), pages[1]
    assert pages[1].endswith("Sources: Travell & Simons 1992; Standring 2020; Ingraham 2005 "
                             "Teaching material, not medical advice."), pages[1]
    # Its words as large as the first page's, inside the page's 12 mm margins.
    document = pdfium.PdfDocument(str(pdf))
    page = document[1]
    text = page.get_textpage()
    boxes = [text.get_charbox(n) for n in range(text.count_chars())
             if text.get_text_range(n, 1).strip()]
    assert min(b[0] for b in boxes) >= 12 * MM - 1 and max(b[2] for b in boxes) <= 198 * MM + 1
    assert max(b[3] for b in boxes) <= (297 - 12) * MM + 1
    label = trps[-1].label.split()[0]  # "TrP3", bold on both pages
    heights = [next(y1 - y0 for word, _x0, y0, _x1, y1 in pdf_words(pdf, n) if word == label)
               for n in (0, 1)]
    assert heights[1] == pytest.approx(heights[0], rel=0.05)


def test_a_trigger_point_exported_alone_shows_and_says_only_its_referral(qapp, tmp_path: Path):
    # Gluteus minimus's two points refer down the outside of the leg (TrP1) and down its back
    # (TrP2); a teacher shows them one at a time, as the window's "only this on the body" does.
    catalog = load_catalog()
    first, second = catalog.muscles["gluteus_minimus"].trigger_points
    words = {trp.id: svg_words(export(tmp_path, f"{trp.id}.svg", "--muscle", "gluteus minimus",
                                      "--trp", typed))
             for trp, typed in ((first, "1"), (second, "TrP2"))}
    for shown, other in ((first, second), (second, first)):
        said = words[shown.id]
        assert f"Gluteus minimus, {shown.label}: referral" in said, said  # the title
        assert f"{shown.label} : {shown.location}" in said
        assert other.label not in said
        only_other = set(other.referral.essential) - set(shown.referral.essential)
        for zone in catalog.expand_zones(only_other):
            assert catalog.zones[zone].label not in said, zone
    # Whole, the page describes the first point and names the second.
    assert second.label in svg_words(export(tmp_path, "both.svg", "--muscle", "gluteus_minimus"))


def test_a_handouts_key_goes_beside_the_legs_under_a_short_second_view(qapp, tmp_path: Path):
    # Iliopsoas: the front from the xiphoid to the knees, the back view's low back beside it,
    # and white paper under that beside the legs. The key goes there, and the band it took
    # under the picture is the words': all three trigger points described, none "see bodymap".
    svg = export(tmp_path, "iliopsoas.svg", "--muscle", "iliopsoas")
    words = svg_words(svg)
    trps = load_catalog().muscles["iliopsoas"].trigger_points
    assert all(f"{trp.label} : {trp.location}" in words for trp in trps), words
    assert "see bodymap" not in words
    texts = svg_texts(svg)
    png = QImage(str(export(tmp_path, "iliopsoas.png", "--muscle", "iliopsoas")))
    (front_left, front_right), (back_left, back_right) = body_spans(png)
    key_x, key_y, _size = texts["Essential referral zone"]
    assert front_right < key_x < png.width() - 29  # right of the legs, a letter from the edge
    back = body_box(Pixels(png), QRect(back_left, 0, back_right - back_left + 1, round(key_y)))
    front = body_box(Pixels(png), QRect(front_left, 0, front_right - front_left + 1,
                                        png.height()))
    assert back.bottom() < key_y < front.bottom()  # under the back view, beside the legs
    assert key_y < texts["TrP1 (distal, femoral triangle)"][1]  # above the words


@pytest.mark.parametrize("muscle", ["quadratus_lumborum", "iliopsoas", "gluteus_minimus",
                                    "longissimus_thoracis"])
def test_a_handouts_words_never_shrink_or_move_its_picture(qapp, tmp_path: Path, monkeypatch,
                                                           muscle: str):
    # The picture is laid out before the words come, leaving room at the foot of the page for
    # them (`_foot_room`: all of them, if the picture can give way that far, else the least of
    # them); the words take what room it leaves and never move it, however many there are.
    worded = QImage(str(export(tmp_path, "worded.png", "--muscle", muscle)))
    monkeypatch.setattr(export_module, "_page_words", lambda *_args: None)
    bare = QImage(str(export(tmp_path, "bare.png", "--muscle", muscle)))
    assert unlike_pixels(worded, bare) == 0
    assert worded.height() > bare.height()


@pytest.mark.parametrize("args", [
    ("--muscle", "longissimus_thoracis"),  # from the thoracic spine to the buttock
    ("--muscle", "gluteus_minimus", "--trp", "2"),  # the back of the leg to the calf
    ("--muscle", "piriformis", "--frame", "body"),
], ids=["longissimus", "gluteus minimus TrP2", "whole body"])
def test_a_picture_as_tall_as_the_page_gives_way_to_its_sources_and_disclaimer(
        qapp, tmp_path: Path, args: tuple[str, ...]):
    # These pictures filled the page and went out with no words at all: no trigger point
    # described, no sources, and not "Teaching material, not medical advice".
    words = svg_words(export(tmp_path, "tall.svg", *args))
    muscle = load_catalog().muscles[args[1]]
    first = next(t for t in muscle.trigger_points if "--trp" not in args or t.id == "trp2")
    assert f"{first.label} : {first.location}" in words, words
    assert "Sources: " in words
    assert words.endswith("Teaching material, not medical advice."), words


# -- marked pain ---------------------------------------------------------------------------------
def export_marks(tmp_path: Path, *args: str) -> tuple[dict[str, float], list[int]]:
    """The picture's views (`captions`) and the pain hatch on each, left to right."""
    views = view_captions(export(tmp_path, "pain.svg", *args))
    png = QImage(str(export(tmp_path, "pain.png", *args)))
    return views, marked_per_view(png, list(views.values()))


def test_pain_only_the_side_view_draws_is_drawn_on_the_side_view(qapp, tmp_path: Path):
    # The outer ankle is drawn on the side view alone: the picture is of it, not of the back
    # with nothing marked under a title saying "Outer ankle".
    views, marked = export_marks(tmp_path, "--zones", "lateral_ankle", "--side", "L")
    assert list(views) == ["\N{LEFTWARDS ARROW} front \N{MIDDLE DOT} Left side view "
                           "\N{MIDDLE DOT} back \N{RIGHTWARDS ARROW}"]
    assert marked[0] > 2000, marked


@pytest.mark.parametrize(("side", "zones", "first", "second"), [
    # The groin on the front (both sides: two marks) and the sacrum on the back (one): the
    # front draws most, and the back goes beside it.
    ("both", "groin,sacrum", "Front view", "Back view"),
    # The sacrum on the back and the outer ankle on the side, on the left: the back view
    # first, as the window starts on it, and the side view beside it for the ankle.
    ("L", "sacrum,lateral_ankle", "Back view", "side view"),
])
def test_pain_on_two_views_is_drawn_on_both_side_by_side(qapp, tmp_path: Path, side: str,
                                                          zones: str, first: str, second: str):
    views, marked = export_marks(tmp_path, "--zones", zones, "--side", side)
    (left, right) = views
    assert left == first and second in right, views
    assert min(marked) > 1000, marked


def test_a_view_asked_for_has_the_view_drawing_the_pain_beside_it(qapp, tmp_path: Path,
                                                                   capsys):
    # The back view was asked for; the groin is on the front: it goes beside, as a muscle's
    # referral would, and nothing is said, as nothing is left out.
    views, (back, front) = export_marks(tmp_path, "--zones", "groin", "--view", "posterior")
    assert list(views) == ["Back view", "Front view"]
    assert back == 0 and front > 1000, (back, front)
    assert capsys.readouterr().err == ""


def test_pain_two_views_cannot_show_is_named_with_the_view_that_draws_it(qapp, tmp_path: Path,
                                                                        capsys):
    # From the side, the groin (front) and the sacrum (back) need two more views: the front,
    # which draws more of it, goes beside; the sacrum is named on stderr with its view, and
    # the title names only what the picture shows.
    svg = export(tmp_path, "pain.svg", "--zones", "groin,sacrum", "--view", "lateral")
    err = capsys.readouterr().err
    assert ("the picture leaves out Sacrum, which the back view draws; try --view posterior"
            in err), err
    assert "Groin" not in err
    titles = [text for text in svg_texts(svg) if text.startswith("Marked pain:")]
    assert titles == ["Marked pain: Groin (both sides)"], titles


PDF_DPI = 192  # a slide 1920 pixels wide, a page about as wide as its PNG
PdfWord = tuple[str, float, float, float, float]


def pdf_captions(words: list[PdfWord]) -> dict[str, QRectF]:
    """The views' captions on a PDF page, by name ("Back view", "Left side view": a side
    view's without its arrows) with where they are, in the page rasterised at PDF_DPI."""
    scale = PDF_DPI / 72
    captions = {}
    for n, (word, *_box) in enumerate(words):
        said = [w for w, *_box in words[n:n + 3]]
        if word in ("Back", "Front") and said[1:2] == ["view"]:
            name, run = said[:2], words[n:n + 2]
        elif word in ("Left", "Right") and said[1:] == ["side", "view"]:  # "← front · Left
            name, run = said, words[n - 3:n + 6]  # side view · back →"
            assert (run[0][0], run[-1][0]) == ("\N{LEFTWARDS ARROW}", "\N{RIGHTWARDS ARROW}")
        else:
            continue
        captions[" ".join(name)] = QRectF(
            QPointF(min(w[1] for w in run) * scale, min(w[2] for w in run) * scale),
            QPointF(max(w[3] for w in run) * scale, max(w[4] for w in run) * scale))
    return captions


def hatch_under_captions(image: QImage, captions: dict[str, QRectF]) -> dict[str, int]:
    """How many pixels of the pain hatch each view has: under its caption (which is centred
    over its body), as wide as the caption, from the caption down through what is drawn there
    to white paper (the key is under white paper) or to the next caption under it."""
    pixels, counts = Pixels(image), {}
    for name, caption in captions.items():
        left, right = round(caption.left()), round(caption.right())
        foot = min((other.top() for other in captions.values()
                    if other.top() > caption.bottom() and other.left() < caption.right()
                    and caption.left() < other.right()), default=image.height())

        def paper(y: int, left: int = left, right: int = right) -> bool:
            return all(on_paper(pixels.rgb(x, y)) for x in range(left, right, 2))

        top = round(caption.bottom() + caption.height() / 2)  # past the letters' descenders
        while top < foot and paper(top):  # the air under the caption
            top += 1
        bottom, last = top, image.height() - 1
        while bottom < foot and not all(paper(min(y, last)) for y in range(bottom, bottom + 8)):
            bottom += 1
        counts[name] = len(pixels.where(lambda c: is_pain_blue(*c),
                                        QRect(left, top, right - left, bottom - top)))
    return counts


def test_a_zone_group_marked_whole_is_named_as_one_area(qapp, tmp_path: Path):
    # `--zones posterior_knee,calf_upper` asks for two areas, each drawn in an inner and an outer
    # half: the title counted "Marked pain in 4 areas" and the words named the four halves.
    svg = export(tmp_path, "knee.svg", "--zones", "posterior_knee,calf_upper", "--side", "L")
    texts = svg_texts(svg)
    assert "Marked pain: Back of the knee (left), Upper calf (left)" in texts, sorted(texts)
    # One half marked is named as the half.
    svg = export(tmp_path, "half.svg", "--zones", "posterior_knee_medial,calf_upper",
                 "--side", "L")
    assert ("Marked pain: Inner back of the knee (left), Upper calf (left)"
            in svg_texts(svg)), sorted(svg_texts(svg))


def first_line(words: list[PdfWord]) -> str:
    """The top line of words on the page: a picture's title."""
    top = min(word[2] for word in words)
    return " ".join(word for _left, word in sorted(
        (left, word) for word, left, word_top, *_box in words if word_top - top < 2))


@pytest.mark.parametrize(("args", "views", "title"), [
    # A teacher's slide of the sacrum and both outer ankles: the back view for the sacrum and
    # the side view from the left and from the right, one ankle each. It showed the left one
    # alone, under a title saying "Outer ankle (left)" beside words saying "both sides".
    (("--zones", "sacrum,lateral_ankle", "--layout", "slide"),
     ["Back view", "Left side view", "Right side view"],
     "Marked pain: Sacrum, Outer ankle (both sides)"),
    (("--zones", "sacrum,lateral_ankle"), ["Back view", "Left side view", "Right side view"],
     "Marked pain: Sacrum, Outer ankle (both sides)"),
    (("--zones", "sacrum,lateral_leg", "--layout", "slide"),
     ["Back view", "Left side view", "Right side view"],
     "Marked pain: Sacrum, Outer lower leg (both sides)"),
    (("--zones", "buttock,lateral_leg"), ["Back view", "Left side view", "Right side view"],
     "Marked pain: Buttock (middle, both sides), Outer lower leg (both sides)"),
    # The outer ankles alone: the side view from each side (it was the left one alone).
    (("--zones", "lateral_ankle", "--layout", "slide"), ["Left side view", "Right side view"],
     "Marked pain: Outer ankle (both sides)"),
    (("--zones", "lateral_ankle"), ["Left side view", "Right side view"],
     "Marked pain: Outer ankle (both sides)"),
    # Over a muscle's referral: gluteus minimus from behind, its outer leg from the left and
    # the right, each with its marked ankle.
    (("--muscle", "gluteus_minimus", "--zones", "lateral_ankle", "--layout", "slide"),
     ["Back view", "Left side view", "Right side view"],
     "Gluteus minimus: trigger points and referral"),
], ids=["sacrum and ankles slide", "sacrum and ankles page", "sacrum and outer legs slide",
        "buttocks and outer legs page", "ankles slide", "ankles page", "over gluteus minimus"])
def test_pain_marked_on_both_sides_is_drawn_on_the_side_view_from_both_sides(
        qapp, tmp_path: Path, capsys, args: tuple[str, ...], views: list[str], title: str):
    pdf = export(tmp_path, "both.pdf", *args)
    words = pdf_words(pdf)
    assert first_line(words) == title
    if title.startswith("Marked pain") and "slide" in args:  # as the words beside it say
        assert " ".join(word for word, *_box in words).count(title) == 2
    captions = pdf_captions(words)
    assert sorted(captions) == sorted(views)
    # Each side view has its own side's outer ankle or outer leg hatched.
    hatched = hatch_under_captions(rasterise(pdf, PDF_DPI), captions)
    assert hatched["Left side view"] > 200 and hatched["Right side view"] > 200, hatched
    assert "leaves out" not in capsys.readouterr().err  # nothing is left out, nothing said


def test_a_handout_of_pain_on_both_sides_sets_the_back_over_the_two_side_views(
        qapp, tmp_path: Path):
    # Buttocks and outer lower legs marked on both sides, on a portrait page. The three views
    # stood in a row of two columns: the back view, short, alone at the top left over blank
    # paper; the side views one over the other at the right, at half the size the page has
    # room for, their "Left" and "Right" as small as the back view's.
    pdf = export(tmp_path, "both.pdf", "--zones", "buttock,lateral_leg")
    captions = pdf_captions(pdf_words(pdf))
    back, left, right = (captions[name] for name in
                         ("Back view", "Left side view", "Right side view"))
    width = rasterise(pdf, PDF_DPI).width()
    assert abs(left.top() - right.top()) < 2, (left, right)  # side by side
    assert back.bottom() < left.top()  # under the back
    assert left.right() < back.left() and back.right() < right.left()  # the back between
    assert left.left() < width / 4 and right.right() > width * 3 / 4  # across the page


def test_pain_on_the_right_side_views_side_is_drawn_from_the_right(qapp, tmp_path: Path,
                                                                   capsys):
    # The side view seen from the right, the ankle marked there.
    views, marked = export_marks(tmp_path, "--zones", "lateral_ankle", "--side", "R")
    assert list(views) == ["\N{LEFTWARDS ARROW} back \N{MIDDLE DOT} Right side view "
                           "\N{MIDDLE DOT} front \N{RIGHTWARDS ARROW}"]
    assert marked[0] > 2000, marked
    assert capsys.readouterr().err == ""


def test_outer_ankles_a_picture_leaves_out_are_named_with_the_side_view(qapp, tmp_path: Path,
                                                                        capsys):
    # From the front, the groin and the sacrum take the two views: the outer ankles are named,
    # each with the side view that draws it. Marked on both sides, `--view lateral` draws
    # both; marked on the right only, the side view must be seen from the right.
    export(tmp_path, "both.svg", "--zones", "sacrum,groin,lateral_ankle", "--view", "anterior")
    err = capsys.readouterr().err
    assert ("the picture leaves out Outer ankle (left), which the left side view draws; try "
            "--view lateral\n") in err, err
    assert ("the picture leaves out Outer ankle (right), which the right side view draws; try "
            "--view lateral\n") in err, err
    export(tmp_path, "right.svg", "--zones", "sacrum,groin,lateral_ankle", "--view", "anterior",
           "--side", "R")
    assert ("the picture leaves out Outer ankle (right), which the right side view draws; try "
            "--view lateral --side R\n") in capsys.readouterr().err


# -- SVG -----------------------------------------------------------------------------------------
def millimetres(length: str) -> float:
    assert length.endswith("mm"), length
    return float(length.removesuffix("mm"))


@pytest.mark.parametrize(("layout", "paper"), [("page", (186, 273)), ("slide", (254, 142.875))])
def test_an_svg_is_sized_for_paper_and_draws_as_the_png_does(qapp, tmp_path: Path, layout: str,
                                                             paper: tuple[float, float]):
    args = ("--muscle", "piriformis", "--layout", layout)
    svg, png = export(tmp_path, "p.svg", *args), export(tmp_path, "p.png", *args)
    root = ET.parse(svg).getroot()
    width, height = millimetres(root.get("width", "")), millimetres(root.get("height", ""))
    _x, _y, box_width, box_height = (float(v) for v in root.get("viewBox", "").split())
    # As large as fits the A4 page (less 12 mm margins) or the slide, its shape kept.
    assert width <= paper[0] + 0.1 and height <= paper[1] + 0.1
    assert max(width / paper[0], height / paper[1]) == pytest.approx(1, abs=0.001)
    assert width / height == pytest.approx(box_width / box_height, rel=0.002)
    # It claims no profile it breaks: SVG Tiny has no <pattern>, the spillover stipple.
    assert root.get("baseProfile") in (None, "full") and root.get("version") != "1.2"
    assert root.find(".//{http://www.w3.org/2000/svg}pattern") is not None
    # QtSvg draws it as the PNG looks, stipple included, at half size (a picture in a
    # document), where it used to leave the spillover out.
    size = QSize(round(box_width / 2), round(box_height / 2))
    drawn = QImage(size, QImage.Format.Format_RGB32)
    drawn.fill(QColor("white"))
    painter = QPainter(drawn)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    expected = QImage(str(png)).scaled(size, mode=Qt.TransformationMode.SmoothTransformation)
    worst = max(block_difference(Pixels(drawn), Pixels(expected), x, y)
                for x in range(0, size.width() - 15, 16) for y in range(0, size.height() - 15, 16))
    assert worst < 40, worst


def block_difference(a: Pixels, b: Pixels, left: int, top: int) -> float:
    """How far apart two pictures' mean colours are over a 16 px square (the largest channel)."""
    sums = [[0, 0, 0], [0, 0, 0]]
    for y in range(top, top + 16):
        for x in range(left, left + 16):
            for n, pixels in enumerate((a, b)):
                for channel, value in enumerate(pixels.rgb(x, y)):
                    sums[n][channel] += value
    return max(abs(p - q) / 256 for p, q in zip(*sums, strict=True))


@pytest.mark.parametrize("args", [
    # The reviewer's page: "greater trochanter" was printed 3 px from the left edge.
    ("--muscle", "gluteus_medius", "--view", "lateral", "--side", "R"),
    ("--muscle", "gluteus_medius", "--view", "lateral"),
    ("--muscle", "gluteus_minimus"),
    ("--muscle", "quadratus_lumborum"),
    ("--muscle", "tensor_fasciae_latae", "--side", "R"),
    ("--zones", "groin,lateral_ankle,calf", "--frame", "body"),
], ids=["right side view", "left side view", "two views", "back and front", "right side TFL",
        "marked pain, whole body"])
def test_every_word_of_a_page_is_a_letter_in_from_its_edges(qapp, tmp_path: Path, args):
    """Read off the SVG where it draws its words (the PNG's pixels): the landmark labels, the
    captions, the title, the key and the words under it all leave a letter's room (the labels'
    size, 1/56 of the page's width: 29 px) to the left and right edges, which a PNG has no
    paper beyond and a printer cuts into."""
    svg = export(tmp_path, "page.svg", *args)
    width = float(ET.parse(svg).getroot().get("viewBox").split()[2])
    letter = round(width / 56)
    texts = svg_texts(svg)
    assert len(texts) > 5
    for text, (x, _baseline, size) in texts.items():
        right = x + QFontMetricsF(print_font(round(size))).horizontalAdvance(text)
        assert x >= letter - 0.5 and right <= width - letter + 0.5, (text, x, right, width)


@pytest.mark.parametrize("args", [
    ("--muscle", "piriformis"),
    # a long title: four lines in the words' column (three areas: more are counted, not named)
    ("--zones", "buttock,posterior_thigh_upper,posterior_thigh_distal_lateral"),
    ("--muscle", "gluteus_medius"),  # two views: as it was
], ids=["one view", "marked pain, one view", "two views"])
def test_a_slides_title_runs_across_its_top_above_the_picture(qapp, tmp_path: Path, args):
    texts = svg_texts(export(tmp_path, "slide.svg", *args, "--layout", "slide"))
    title = [(text, place) for text, place in texts.items()
             if text.startswith(("Piriformis:", "Marked pain:", "Gluteus medius:"))]
    assert len(title) == 1, title  # its first line
    _text, (x, baseline, size) = title[0]
    caption = min(place for text, place in texts.items()
                  if text == "Back view" or "side view" in text)
    # From the slide's left margin, over the picture's caption: not in the column beside it.
    assert x <= caption[0] and baseline < caption[1] - size, (title, caption)
    assert x == pytest.approx(1080 * 0.04, abs=1)


def test_the_key_explains_the_dashed_edge_only_where_a_provisional_zone_is_drawn(
        qapp, tmp_path: Path):
    # Gluteus minimus reaches the back of the knee only provisionally: drawn with a dashed edge,
    # which the key explains. Piriformis's pattern is settled: its key has no such row.
    catalog = load_catalog()
    minimus = [t.referral for t in catalog.muscles["gluteus_minimus"].trigger_points]
    piriformis = [t.referral for t in catalog.muscles["piriformis"].trigger_points]
    assert any(r.provisional for r in minimus) and not any(r.provisional for r in piriformis)
    with_edge = svg_words(export(tmp_path, "minimus.svg", "--muscle", "gluteus_minimus"))
    settled = svg_words(export(tmp_path, "piriformis.svg", "--muscle", "piriformis"))
    assert "Provisional zone" in with_edge
    assert "Provisional zone" not in settled and "Essential referral zone" in settled
