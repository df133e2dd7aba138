"""An intertitle card as a 1933 picture had them: white serif text on black inside an art-deco frame (a double rule
with stepped corners and a fan of rays top and bottom). The same black also fades the shots in and out and, as
bars at the sides, squares the picture to the Academy ratio of the films of the time."""
from __future__ import annotations

import math
from functools import cache
from pathlib import Path

from direct.gui.OnscreenText import OnscreenText
from panda3d.core import CardMaker, LineSegs, NodePath, TextNode

SERIF_FONTS = (  # the first found is used: a Century Schoolbook or Palatino cut reads as the period's cards did
    "/usr/share/fonts/opentype/urw-base35/C059-Roman.otf",
    "/usr/share/fonts/opentype/urw-base35/P052-Roman.otf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/Library/Fonts/Georgia.ttf",
    "C:/Windows/Fonts/georgia.ttf",
)
FRAME = (0.86, 0.84, 0.78, 1.0)  # an ivory rule, a shade under the text's white
TEXT = (1.0, 1.0, 1.0, 1.0)
ACADEMY_RATIO = 1.37
FRAME_X, FRAME_Y = 1.0, 0.72  # half the frame's size in aspect2d units
WORD_WRAP = 21  # em: a few words to the line, as the cards set them


@cache
def serif_font():
    """A serif font Panda3D can load from the system, or None for Panda3D's own (sans) font (loaded once: its
    glyph size cannot change after the first card is drawn with it)."""
    from direct.showbase.ShowBaseGlobal import base
    for path in SERIF_FONTS:
        if Path(path).is_file():
            font = base.loader.load_font(path)
            if font is not None and font.is_valid():
                font.set_pixels_per_unit(64)
                return font
    return None


def flat_card(parent: NodePath, name: str, left: float, right: float, bottom: float, top: float,
              colour=(0.0, 0.0, 0.0, 1.0)) -> NodePath:
    """A flat card, black unless `colour` is given (the card's own vertex colour: a node's set_color is under it)."""
    maker = CardMaker(name)
    maker.set_frame(left, right, bottom, top)
    maker.set_color(*colour)
    card = parent.attach_new_node(maker.generate())
    card.set_transparency(True)
    return card


def deco_frame(parent: NodePath) -> NodePath:
    """The double rule with stepped corners, and a fan of seven rays at the middle of the top and bottom rules."""
    lines = LineSegs("deco-frame")
    lines.set_color(FRAME)
    for inset, thickness in ((0.0, 2.5), (0.035, 1.2)):
        lines.set_thickness(thickness)
        x, y, s = FRAME_X - inset, FRAME_Y - inset, 0.07  # the corner's step
        outline = [(-x + s, y), (x - s, y), (x - s, y - s / 2), (x - s / 2, y - s / 2), (x - s / 2, y - s), (x, y - s),
                   (x, -y + s), (x - s / 2, -y + s), (x - s / 2, -y + s / 2), (x - s, -y + s / 2), (x - s, -y),
                   (-x + s, -y), (-x + s, -y + s / 2), (-x + s / 2, -y + s / 2), (-x + s / 2, -y + s), (-x, -y + s),
                   (-x, y - s), (-x + s / 2, y - s), (-x + s / 2, y - s / 2), (-x + s, y - s / 2), (-x + s, y)]
        lines.move_to(outline[0][0], 0, outline[0][1])
        for px, py in outline[1:]:
            lines.draw_to(px, 0, py)
    lines.set_thickness(1.2)
    for side in (1, -1):
        for k in range(7):
            angle = (k - 3) * 0.32
            from_x, from_y = 0.0, side * (FRAME_Y - 0.035)
            to_x, to_y = 0.16 * math.sin(angle), side * (FRAME_Y - 0.035 - 0.11 * math.cos(angle))
            lines.move_to(from_x, 0, from_y)
            lines.draw_to(to_x, 0, to_y)
    frame = parent.attach_new_node(lines.create())
    frame.set_transparency(True)
    return frame


class Intertitle:
    """The card, hidden until `show(text, shown)`; `shown` 0..1 fades it up from black and back."""

    def __init__(self, parent: NodePath):
        self.root = parent.attach_new_node("intertitle")
        flat_card(self.root, "card-black", -3.0, 3.0, -1.0, 1.0).set_bin("fixed", 1)  # 2D order is by bin: all
        self.frame = deco_frame(self.root)                                           # are at one depth
        self.frame.set_bin("fixed", 2)
        self.text = OnscreenText(parent=self.root, text="", pos=(0, 0.0), scale=0.085, fg=TEXT, wordwrap=WORD_WRAP,
                                 align=TextNode.A_center, mayChange=True, font=serif_font())
        self.text.set_bin("fixed", 2)
        self.root.hide()

    def show(self, text: str, shown: float) -> None:
        if self.text.getText() != text:
            self.text.setText(text)
            lines = self.text.textNode.get_num_rows()
            self.text.setPos(0.0, 0.085 * 0.9 * (lines - 1) / 2 - 0.02)  # the lines centred in the frame
        self.frame.set_alpha_scale(shown)
        self.text.setAlphaScale(shown)
        self.root.show()

    def hide(self) -> None:
        self.root.hide()

    def destroy(self) -> None:
        self.text.destroy()
        self.root.remove_node()
