"""Make text from the event file safe to show: no control character reaches a terminal raw.

Data is never markup: callers wrap the result in Rich `Text` or Textual `Content`.
This module only makes invisible or terminal-active characters visible.
"""

from __future__ import annotations

import re
from unicodedata import combining, normalize

#: Bidirectional controls and invisible characters that could make one text look like another.
_DISGUISING = "\u061c\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029{_DISGUISING}]")
_LINE_BREAKS = re.compile(r"\s*[\n\t\r]\s*")


def _picture(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode "control picture": ESC shows as ␛
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def visible(text: str) -> str:
    """Text with every control, bidi-override and zero-width character shown as a visible mark.

    Newlines and tabs are kept; everything else that a terminal would act on is replaced.
    """
    return _UNSAFE.sub(_picture, text)


def one_line(text: str) -> str:
    """`visible` text folded onto one line, for table cells and timeline rows."""
    return visible(_LINE_BREAKS.sub(" ", text))


def has_unsafe(text: str) -> bool:
    """Whether the text holds a character that `visible` would replace."""
    return _UNSAFE.search(text) is not None


def is_web_address(url: str) -> bool:
    """An http or https address with a host; javascript:, file:, data: and the rest are not."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not has_unsafe(url) and " " not in url


def name_order(text: str) -> str:
    """A key that sorts names as a reader looks for them: case and accents aside, so that
    Åland Islands comes with the A's and Curaçao before Cyprus."""
    return "".join(char for char in normalize("NFKD", text.casefold()) if not combining(char))
