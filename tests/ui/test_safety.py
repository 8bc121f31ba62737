"""Safety and evidence views: the first-run disclaimer, red flags, evidence, self-care sheets."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton, QWidget

from bodymap.model import Catalog
from bodymap.ui import rich_text
from bodymap.ui.safety import (
    EvidenceDialog,
    RedFlagsDialog,
    red_flags_gate,
    self_care_html,
    show_disclaimer_if_needed,
    write_self_care_pdf,
)


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def text_of(html: str) -> str:
    """Markup stripped and entities decoded: roughly what a reader sees."""
    from html import unescape

    return unescape(re.sub(r"<[^>]+>", " ", html))


def tampered_catalog(catalog: Catalog) -> Catalog:
    """The built-in data with markup smuggled into the texts a view shows."""
    guidance = dataclasses.replace(
        catalog.guidance, disclaimer="<b>bold?</b> not advice",
        red_flags=(dataclasses.replace(catalog.guidance.red_flags[0], title="<i>Flag</i>"),),
    )
    muscle = dataclasses.replace(catalog.muscles["piriformis"],
                                 self_care=("<script>x</script> rest",))
    return Catalog({**catalog.muscles, "piriformis": muscle}, catalog.zones, catalog.sources,
                   guidance, [])


# -- disclaimer ------------------------------------------------------------------------------------
def test_disclaimer_shown_on_first_run_only(qtbot, parent, catalog: Catalog,
                                            settings: QSettings, tmp_path: Path):
    dialog = show_disclaimer_if_needed(parent, catalog, settings)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "disclaimerDialog"
    assert dialog.isVisible()
    assert dialog.isModal()  # window-modal through open(), without a nested event loop
    body = dialog.findChild(QLabel, "disclaimerText")
    assert body.text() == catalog.guidance.disclaimer
    assert "not medical advice" in body.text()
    qtbot.mouseClick(dialog.findChild(QPushButton, "disclaimerAccept"),
                     Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert show_disclaimer_if_needed(parent, catalog, settings) is None
    # The next start reads the same file afresh.
    again = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    assert show_disclaimer_if_needed(parent, catalog, again) is None


def test_disclaimer_closed_without_accepting_comes_back(qtbot, parent, catalog: Catalog,
                                                        settings: QSettings):
    dialog = show_disclaimer_if_needed(parent, catalog, settings)
    qtbot.addWidget(dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    second = show_disclaimer_if_needed(parent, catalog, settings)
    assert second is not None
    qtbot.addWidget(second)
    second.accept()


def test_disclaimer_text_is_plain(qtbot, parent, catalog: Catalog, settings: QSettings):
    dialog = show_disclaimer_if_needed(parent, tampered_catalog(catalog), settings)
    qtbot.addWidget(dialog)
    body = dialog.findChild(QLabel, "disclaimerText")
    assert body.textFormat() == Qt.TextFormat.PlainText
    assert body.text() == "<b>bold?</b> not advice"
    dialog.accept()


# -- red flags -------------------------------------------------------------------------------------
def test_red_flags_dialog_lists_every_flag(qtbot, catalog: Catalog):
    dialog = RedFlagsDialog(catalog)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "redFlagsDialog"
    text = dialog.text.toPlainText()
    for flag in catalog.guidance.red_flags:
        assert flag.title in text
        assert flag.action in " ".join(text.split())
        for sign in flag.signs:
            assert sign in text
    assert "Bigos S" in text  # the source behind the list


def test_red_flags_continue_accepts_and_cancel_rejects(qtbot, catalog: Catalog):
    for name, result in (("redFlagsContinue", QDialog.DialogCode.Accepted),
                         ("redFlagsCancel", QDialog.DialogCode.Rejected)):
        dialog = RedFlagsDialog(catalog)
        qtbot.addWidget(dialog)
        dialog.open()
        qtbot.mouseClick(dialog.findChild(QPushButton, name), Qt.MouseButton.LeftButton)
        assert dialog.result() == result
        assert not dialog.isVisible()


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_an_absent_minded_enter_does_not_wave_the_red_flag_check_through(qtbot,
                                                                        catalog: Catalog, key):
    dialog = RedFlagsDialog(catalog)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert not dialog.findChild(QPushButton, "redFlagsContinue").isDefault()
    qtbot.keyClick(dialog.focusWidget() or dialog, key)
    assert dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_a_keyboard_user_is_told_the_way_on_and_takes_it_with_alt_n(qtbot, catalog: Catalog):
    # A review: Enter cancels (above), and nothing told a keyboard user how to go on.
    dialog = RedFlagsDialog(catalog)
    qtbot.addWidget(dialog)
    dialog.open()
    dialog.activateWindow()  # a mnemonic is a shortcut of the active window
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    how = dialog.findChild(QLabel, "redFlagsHowToGoOn")
    assert how.isVisible() and "Alt+N" in how.text()
    qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    # A mnemonic presses its button as a click is shown (QAbstractButton.animateClick).
    qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted)


def test_red_flags_as_a_reference_view(qtbot, catalog: Catalog):
    dialog = RedFlagsDialog(catalog, confirm=False)
    qtbot.addWidget(dialog)
    assert dialog.findChild(QPushButton, "redFlagsContinue") is None


def test_red_flags_are_escaped(qtbot, catalog: Catalog):
    dialog = RedFlagsDialog(tampered_catalog(catalog))
    qtbot.addWidget(dialog)
    assert "<i>Flag</i>" in dialog.text.toPlainText()


def test_gate_runs_the_real_dialog_modally_once(qtbot, parent, catalog: Catalog):
    """The default gate uses exec(); a timer inside that modal loop presses the button, and a
    second timer closes any dialog left over, so the test can never hang."""
    seen = []

    def red_flags_dialogs() -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets()
                if w.objectName() == "redFlagsDialog" and w.isVisible()]

    def press(name: str) -> None:
        for dialog in red_flags_dialogs():
            seen.append(dialog.objectName())
            dialog.findChild(QPushButton, name).click()

    def rescue() -> None:
        for dialog in red_flags_dialogs():
            dialog.reject()

    gate = red_flags_gate(catalog, parent)
    QTimer.singleShot(0, lambda: press("redFlagsCancel"))
    QTimer.singleShot(5000, rescue)
    assert gate() is False
    QTimer.singleShot(0, lambda: press("redFlagsContinue"))
    assert gate() is True
    assert seen == ["redFlagsDialog", "redFlagsDialog"]
    assert gate() is True  # accepted once: not shown again this session
    assert len(seen) == 2


# -- evidence --------------------------------------------------------------------------------------
def test_evidence_dialog_shows_studies_figures_and_caveat(qtbot, catalog: Catalog):
    dialog = EvidenceDialog(catalog)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "evidenceDialog"
    text = " ".join(dialog.text.toPlainText().split())
    guidance = catalog.guidance
    for study in guidance.evidence:
        assert study.title in text
        for figure in study.figures:
            assert figure in text
    assert " ".join(guidance.evidence_caveat.text.split()) in text
    assert "0.42 for quadratus lumborum" in text
    assert "Holm-Jensen et al. 2020" in text
    assert "401 adults" in text


def test_links_open_only_for_the_web(monkeypatch):
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert rich_text.open_web_link(QUrl("https://doi.org/10.7326/M16-2367"))
    assert not rich_text.open_web_link(QUrl("file:///etc/passwd"))
    assert not rich_text.open_web_link(QUrl("javascript:alert(1)"))
    assert not rich_text.open_web_link("file:///etc/passwd")  # as a label's linkActivated says
    assert rich_text.open_web_link("https://doi.org/10.1016/j.pain.2008.02.003")
    assert [u.toString() for u in opened] == ["https://doi.org/10.7326/M16-2367",
                                              "https://doi.org/10.1016/j.pain.2008.02.003"]


# -- self-care sheet -------------------------------------------------------------------------------
def test_self_care_sheet_content(catalog: Catalog):
    muscle = catalog.muscles["piriformis"]
    text = " ".join(text_of(self_care_html(catalog, "piriformis")).split())
    assert "Self-care: Piriformis" in text
    assert "no more than about 5 minutes a day" in text
    for item in (*muscle.self_care, *muscle.stretches, *muscle.perpetuating_factors):
        assert " ".join(item.split()) in text
    assert "When to see a physician" in text
    for flag in catalog.guidance.red_flags:
        assert flag.title in text
    assert "not medical advice" in text
    assert "Travell JG, Simons DG (1992)" in text


def test_self_care_sheet_escapes_data(catalog: Catalog):
    html = self_care_html(tampered_catalog(catalog), "piriformis")
    assert "<script>" not in html
    assert "&lt;script&gt;x&lt;/script&gt; rest" in html


def test_self_care_sheet_for_an_unknown_muscle(catalog: Catalog, tmp_path: Path):
    with pytest.raises(KeyError):
        self_care_html(catalog, "no_such_muscle")
    with pytest.raises(KeyError):
        write_self_care_pdf(catalog, "no_such_muscle", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def pdf_pages_text(path: Path) -> list[str]:
    """The words on each page of a PDF, as PDFium reads them, one space between words."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    return [" ".join(page.get_textpage().get_text_range().split()) for page in document]


def test_self_care_pdf(qapp, catalog: Catalog, tmp_path: Path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    path = tmp_path / "piriformis.pdf"
    write_self_care_pdf(catalog, "piriformis", path)
    pages = pdf_pages_text(path)
    assert 1 <= len(pages) <= 3  # a handout, not a book
    assert "Self-care: Piriformis" in pages[0]
    assert "Where to press, and where the pain is felt" in pages[0]
    # Its X at the sciatic notch is no place to press: the sheet sends the reader to the
    # muscle's own advice, which keeps them to the upper outer buttock.
    assert ("Each X marks a trigger point: a tender spot in the muscle. Press as the advice for "
            "your piriformis below says, and keep away from any place it warns of.") in pages[0]
    assert "staying away from the centre of the lower buttock" in " ".join(pages)
    assert "When to see a physician" in " ".join(pages)
    assert "page 1 of" in pages[0]
    # The picture of where to press is on the first page: the body, sharp on paper.
    images = [o for o in pdfium.PdfDocument(str(path))[0].get_objects()
              if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    assert images
    width, height = images[0].get_px_size()
    assert width >= 800 and height >= 800


@pytest.mark.parametrize("muscle_id", ["iliopsoas", "rectus_abdominis"])
def test_a_sheet_never_tells_a_person_to_press_where_they_must_not(qapp, catalog: Catalog,
                                                                    tmp_path: Path, muscle_id):
    path = tmp_path / f"{muscle_id}.pdf"
    write_self_care_pdf(catalog, muscle_id, path)
    first = pdf_pages_text(path)[0]
    assert "where to press" not in first.lower()
    assert "Where the trigger points are, and where the pain is felt" in first
    assert ("where a therapist works. Do not press there yourself unless a physician has said "
            "it is safe for you") in first


@pytest.mark.parametrize(("muscle_id", "wide"), [("rectus_abdominis", True),
                                                  ("multifidus", True), ("piriformis", False)])
def test_a_sheets_picture_is_large_enough_to_read_on_paper(qapp, catalog: Catalog,
                                                           tmp_path: Path, muscle_id, wide):
    # Rectus abdominis's picture is two views side by side (its referral is on the back) and
    # multifidus's a low-back band: wider than tall, they go under the words, most of the text's
    # width. Piriformis's picture, taller than wide, stands beside the words.
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    path = tmp_path / f"{muscle_id}.pdf"
    write_self_care_pdf(catalog, muscle_id, path)
    page = pdfium.PdfDocument(str(path))[0]
    (picture,) = [o for o in page.get_objects() if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    left, _bottom, right, _top = picture.get_bounds()
    text_width = page.get_width() - 2 * 18 / 25.4 * 72  # A4 less 18 mm margins, in points
    if wide:
        assert right - left >= 0.85 * text_width, (right - left, text_width)
    else:
        assert right - left <= 0.5 * text_width
        assert right >= page.get_width() - 18 / 25.4 * 72 - 0.02 * text_width  # at the right


def test_every_muscle_gets_a_self_care_pdf(qapp, catalog: Catalog, tmp_path: Path):
    # No bullet runs on from one page to the next (QL's "See a physician ... new / bladder or
    # bowel trouble" did), and a red flag's heading is on the page of its first sign.
    guidance = catalog.guidance
    for muscle_id, muscle in catalog.muscles.items():
        path = tmp_path / f"{muscle_id}.pdf"
        write_self_care_pdf(catalog, muscle_id, path)
        assert path.stat().st_size > 5000
        pages = pdf_pages_text(path)
        said = [*(item.text for item in guidance.self_care), *muscle.self_care,
                *muscle.stretches, *muscle.perpetuating_factors,
                *(sign for flag in guidance.red_flags for sign in flag.signs)]
        for text in said:
            words = " ".join(text.split())
            assert any(words in page for page in pages), (muscle_id, words)
        for flag in guidance.red_flags:
            first = " ".join(flag.signs[0].split())
            assert any(flag.title in page and first in page[page.index(flag.title):]
                       for page in pages), (muscle_id, flag.title)
