"""Printable badges (A6 portrait, one per page) with fpdf2; the QR code from segno. No Django here."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import segno
from fpdf import FPDF

# Colour bands readable from a distance by the gate agents: one per holder category.
CATEGORY_COLOURS = {
    "visitor": (0, 94, 184),
    "exhibitor": (0, 133, 66),
    "delegation": (178, 34, 52),
    "press": (230, 126, 0),
    "organizer": (25, 25, 25),
    "contractor": (110, 110, 110),
}
FONT_CANDIDATES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
)
PAGE_W, PAGE_H = 105.0, 148.0
QR_SIZE = 58.0


@dataclass(frozen=True)
class BadgeCard:
    edition_name: str
    holder_name: str
    organization: str
    country_name: str
    category: str
    category_label: str
    payload: str
    reference: str  # printed under the QR: badge number and version, for the help desk


def qr_png(payload: str, scale: int = 6) -> bytes:
    """Alphanumeric mode (base45 payloads), error correction M, smallest version that fits."""
    buffer = io.BytesIO()
    segno.make_qr(payload, error="m", mode="alphanumeric", boost_error=False).save(
        buffer, kind="png", scale=scale, border=4
    )
    return buffer.getvalue()


class _BadgePdf(FPDF):
    def __init__(self) -> None:
        super().__init__(orientation="P", unit="mm", format=(PAGE_W, PAGE_H))
        self.set_auto_page_break(False)
        self.set_margins(6, 6, 6)
        font = next((p for p in FONT_CANDIDATES if p.exists()), None)
        if font is not None:
            self.add_font("badge", "", str(font))
            self.family_name, self.unicode = "badge", True
        else:  # the core font only speaks Latin-1: other scripts print as '?'
            self.family_name, self.unicode = "helvetica", False

    def text_fit(self, text: str) -> str:
        return text if self.unicode else text.encode("latin-1", "replace").decode("latin-1")

    def line(self, text: str, size: float, *, height: float, bold_colour=(0, 0, 0)) -> None:  # noqa: D401
        self.set_font(self.family_name, size=size)
        self.set_text_color(*bold_colour)
        text = self.text_fit(text)
        while size > 7 and self.get_string_width(text) > PAGE_W - 12:
            size -= 0.5
            self.set_font(self.family_name, size=size)
        self.cell(PAGE_W - 12, height, text, align="C", new_x="LMARGIN", new_y="NEXT")

    def badge(self, card: BadgeCard) -> None:
        self.add_page()
        colour = CATEGORY_COLOURS.get(card.category, (60, 60, 60))
        self.set_y(6)
        self.line(card.edition_name, 11, height=7, bold_colour=(60, 60, 60))
        self.set_fill_color(*colour)
        self.rect(0, 15, PAGE_W, 14, style="F")
        self.set_y(15)
        self.set_font(self.family_name, size=16)
        self.set_text_color(255, 255, 255)
        self.cell(
            PAGE_W - 12,
            14,
            self.text_fit(card.category_label.upper()),
            align="C",
            new_x="LMARGIN",
            new_y="NEXT",
        )
        self.set_y(33)
        self.line(card.holder_name, 18, height=9)
        self.line(card.organization, 12, height=6, bold_colour=(40, 40, 40))
        self.line(card.country_name, 11, height=6, bold_colour=(80, 80, 80))
        self.image(
            io.BytesIO(qr_png(card.payload)),
            x=(PAGE_W - QR_SIZE) / 2,
            y=PAGE_H - QR_SIZE - 16,
            w=QR_SIZE,
            h=QR_SIZE,
        )
        self.set_y(PAGE_H - 14)
        self.line(card.reference, 8, height=5, bold_colour=(100, 100, 100))
        self.set_fill_color(*colour)
        self.rect(0, PAGE_H - 6, PAGE_W, 6, style="F")


def render_badges(cards: Iterable[BadgeCard], *, on_page: Callable[[], None] | None = None) -> bytes:
    pdf = _BadgePdf()
    for card in cards:
        pdf.badge(card)
        if on_page is not None:
            on_page()
    if pdf.page == 0:
        raise ValueError("no badge to print")
    return bytes(pdf.output())
