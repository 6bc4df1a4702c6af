"""Control characters: found in input, shown escaped in output.

A control character (C0 ``U+0000``-``U+001F``, DEL, C1 ``U+0080``-``U+009F``) in a name can make
XML that no parser reads, or, printed raw, drive the terminal (ESC and OSC sequences change
titles, colours, even the clipboard). Validation refuses them; what is printed goes through
:func:`escape_controls` all the same.

>>> escape_controls("a\\x1b]0;title\\x07b\\tc")
'a\\\\x1b]0;title\\\\x07b\\\\tc'
>>> first_control("line\\nbreak", allow="\\n") is None, first_control("nul\\x00")
(True, '\\x00')
"""

from __future__ import annotations

import re

__all__ = ["CONTROL", "NOT_XML", "escape_controls", "first_control", "xml_safe"]

#: One control character: C0, DEL or C1.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: A character XML 1.0 does not allow anywhere in a document (C0 but tab and line ends, surrogates,
#: U+FFFE, U+FFFF).
NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_SHOWN_ESCAPED = re.compile("[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    return f"\\x{ord(char):02x}" if ord(char) <= 0xFF else f"\\u{ord(char):04x}"


def escape_controls(text: str) -> str:
    """*text* with every control character written as an escape (``\\x1b``, ``\\n``), and the
    characters that break a line or reorder it on screen (U+2028, U+2029, the bidirectional
    overrides and isolates) as ``\\u2028``.

    >>> escape_controls("a\\u2028b\\u202ec")
    'a\\\\u2028b\\\\u202ec'
    """
    return _SHOWN_ESCAPED.sub(_escaped, text)


def first_control(text: str, allow: str = "") -> str | None:
    """The first control character of *text* that is not in *allow*, or None."""
    if CONTROL.search(text) is None:  # the usual case, in one pass in C
        return None
    for match in CONTROL.finditer(text):
        if match.group() not in allow:
            return match.group()
    return None


def xml_safe(text: str) -> str:
    """*text* with each character XML cannot hold replaced by U+FFFD.

    >>> xml_safe("a\\x00b\\uffffc")
    'a\\ufffdb\\ufffdc'
    """
    return NOT_XML.sub("\ufffd", text)
