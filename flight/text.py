"""Messages built from what a file or a command line said: always one line, whatever the file held (a name with
a newline, 5,000 characters, a 4,300-digit number), so that every refusal stays one line on a terminal or the HUD."""
from __future__ import annotations

SHOWN = 60  # characters of a quoted value shown before "..."


def one_line(text: str) -> str:
    """`text` with every run of whitespace (newlines too) made one space."""
    return " ".join(str(text).split())


def paragraphs(text: str) -> str:
    """Text written in a file at the file's width, as the screen should wrap it: the lines of each paragraph
    (paragraphs are separated by a blank line) joined into one, the paragraphs kept apart by a newline."""
    return "\n".join(one_line(paragraph) for paragraph in text.strip().split("\n\n") if paragraph.strip())


def quoted(value, limit: int = SHOWN) -> str:
    """repr(value) cut to `limit` characters (repr escapes newlines and control characters)."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"a number of about {round(value.bit_length() * 0.30103)} digits"  # str() refuses over 4,300
    try:
        text = repr(value[:4 * limit] if isinstance(value, str) else value)
    except (ValueError, RecursionError):  # a number of 4,300+ digits inside a list; nesting deeper than Python's
        return "a value too large to show"
    return text if len(text) <= limit else text[:limit - 3] + "..."


def reason(error: BaseException) -> str:
    """An exception's own words in one line: an OSError's strerror, else its message."""
    text = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return one_line(text or type(error).__name__)


class OneLineError(ValueError):
    """A refusal of a file or an argument the player or a modder gave: its message is always one line."""

    def __init__(self, message: str):
        super().__init__(one_line(message))
