"""A story scene as a contact sheet: one still from the middle of each beat, rendered offscreen and laid out in
rows on one PNG (`flight scene NAME --sheet OUT.png`, and the tests), so a writer can see the whole scene at a
glance."""
from __future__ import annotations

from pathlib import Path

from panda3d.core import PNMImage, StringStream

from flight.files import write_atomically
from flight.story.playhead import card_times

COLUMNS = 4
GAP = 4  # pixels of grey between stills


def stills(app, name: str, outcome: str = "success") -> list[PNMImage]:
    """Play scene `name` in `app` (offscreen) and take a still from the middle of each beat; the scene screen is
    left on show, paused, for the caller to look at (or leave)."""
    screen = app.router.go("scene", name=name, outcome=outcome)
    if not hasattr(screen, "scene"):  # a broken scene went to the menu
        return []
    screen.paused = True
    images = []
    for seconds in card_times(screen.scene):
        screen.show(seconds)
        for _ in range(2):  # the cut's relighting and figures, then the frame drawn with them
            app.task_mgr.step()
        image = PNMImage()
        app.win.get_screenshot(image)
        images.append(image)
    return images


def sheet(images: list[PNMImage], columns: int = COLUMNS) -> PNMImage:
    """The stills at half size in rows of `columns`, on grey."""
    width, height = images[0].get_x_size() // 2, images[0].get_y_size() // 2
    rows = -(-len(images) // columns)
    out = PNMImage(columns * (width + GAP) + GAP, rows * (height + GAP) + GAP)
    out.fill(0.35, 0.35, 0.35)
    for k, image in enumerate(images):
        tile = PNMImage(width, height)
        tile.gaussian_filter_from(0.5, image)
        row, column = divmod(k, columns)
        out.copy_sub_image(tile, GAP + column * (width + GAP), GAP + row * (height + GAP))
    return out


def write_png(image: PNMImage, path: Path) -> None:
    stream = StringStream()
    if not image.write(stream, "sheet.png"):
        raise OSError(f"{path}: could not encode the PNG")
    write_atomically(path, stream.get_data())
