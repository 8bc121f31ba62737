"""YAML syntax errors in plain words, for a teacher who has never read the YAML spec.

PyYAML reports where its parser gave up (`problem_mark`) and, for many errors, where the
construct it was reading began (`context_mark`): the `[` that is never closed, the quote that
never ends. The problem position stays the reported line and column, as PyYAML and editors agree
on it; the start is named in the message, since that is usually where the mistake is. Where the
line at fault is certain and is not the one the parser stopped on (a list item with no space
after its '-', a key dedented out of the block above it), that line is reported instead: the
parser only stops on the next line, which is right. Both PyYAML parsers (C and pure Python) are
handled: their wording differs.

Some mistakes are valid YAML with another meaning: a list item indented one space too far is
read as more text of the item above it. `merged_list_items` finds those in plain text that runs
over several lines.
"""

from __future__ import annotations

import re
from typing import Any

from bodymap.model.problems import Problem

_CLOSING = {"[": "]", "{": "}"}


def syntax_problem(error: Any, text: str, display: str) -> Problem:
    """A `yaml.MarkedYAMLError` as a Problem at its problem position."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    explained = _explain(error, _Source(text)) if mark else None
    if isinstance(explained, tuple):  # the mistake is on an earlier line: report that one
        explained, line, column = explained
    if explained is None:  # rare errors: PyYAML's words, with where the construct began
        explained = " ".join(part for part in (error.context, error.problem) if part)
        if error.context and error.context_mark and error.context_mark is not mark:
            explained += f" (the {_noun(error.context)} began at {_at(error.context_mark)})"
    return Problem(display, line, column, f"YAML syntax error: {explained}")


def reader_problem(error: Any, text: str, display: str) -> Problem:
    """A `yaml.reader.ReaderError` (a character YAML refuses) at that character."""
    position = getattr(error, "position", None)
    if not isinstance(position, int) or not 0 <= position <= len(text):
        return Problem(display, 1, 1, f"YAML error: {error}")
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    code = getattr(error, "character", None)
    what = f"#x{code:04x}" if isinstance(code, int) else "a character"
    return Problem(display, line, column,
                   f"YAML error: the control character {what} is not allowed in YAML text; "
                   "delete it (it is often invisible: retype the line)")


class _Source:
    """The text, asked for the character or line at a mark."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()

    def line(self, mark: Any) -> str:
        return self.lines[mark.line] if 0 <= mark.line < len(self.lines) else ""

    def char(self, mark: Any) -> str:
        line = self.line(mark)
        return line[mark.column] if 0 <= mark.column < len(line) else ""


def _at(mark: Any) -> str:
    return f"line {mark.line + 1}, column {mark.column + 1}"


def _noun(context: str) -> str:
    """'while parsing a flow sequence' -> 'flow sequence'."""
    return re.sub(r"^while (parsing|scanning) (an? )?", "", context)


# Words, with the 1-based line and column of the line at fault when it is not the parser's.
_Explained = str | tuple[str, int, int] | None


def _explain(error: Any, source: _Source) -> _Explained:
    context, problem = error.context or "", error.problem or ""
    here, start = error.problem_mark, error.context_mark
    if "tab" in problem or source.char(here) == "\t":
        return ("a tab character is used for indentation here; YAML indents with spaces only: "
                "replace the tab with spaces")
    if "flow sequence" in context or "flow mapping" in context:
        return _unclosed_bracket(source.char(start) or ("[" if "sequence" in context else "{"),
                                 start, here)
    if "quoted scalar" in context:
        quote = source.char(start) or '"'
        if "escape" in problem:
            return (f"a backslash in the text opened with {quote} at {_at(start)} starts an "
                    "unknown escape: write \\\\ for a backslash, or use single quotes")
        return (f"the quote {quote} opened at {_at(start)} is never closed "
                "(YAML reached the end of the file looking for it): add the closing quote")
    if "simple key" in context:
        if _dash_without_space(source.line(start)[start.column:]):
            return _MISSING_SPACE, start.line + 1, start.column + 1
        return (f"the key at {_at(start)} has no ':' after it: write it as 'key: value' "
                "(or, if it is text, put it in quotes)")
    if "mapping values are not allowed" in problem:
        return _unexpected_colon(source.line(here), here)
    if "undefined alias" in problem:
        name = re.match(r"\*([^\s,\[\]{}]+)", source.line(here)[here.column:])
        alias = name[1] if name else "?"
        return (f"'*{alias}' refers to an anchor '&{alias}' that is not defined above it: "
                "define the anchor first, or put text starting with '*' in quotes")
    if "cannot start any token" in problem:
        char = source.char(here)
        return (f"a value cannot start with '{char}' in YAML: put the value in quotes"
                if char else None)
    if "block mapping" in context or "block collection" in context:
        return _misplaced(source, error, start, here)
    if "another document" in problem:
        return ("a second YAML document starts here (after '---'); a data file holds only one: "
                "remove the '---' line or move the rest to its own file")
    return None


def _unclosed_bracket(opening: str, start: Any, here: Any) -> str:
    closing = _CLOSING.get(opening, "]")
    if start.line == here.line:
        return (f"expected ',' or '{closing}' here: the '{opening}' opened at column "
                f"{start.column + 1} is not closed before this point (separate items with ', ' "
                "and put an item containing ': ' in quotes)")
    return f"the '{opening}' opened at {_at(start)} is not closed: add '{closing}' where it ends"


def _unexpected_colon(line: str, here: Any) -> str:
    before = line[: here.column]
    if re.search(r":(\s|$)", before):  # this line already has its key: the colon is in the value
        return ("a ':' followed by a space inside a value: put the whole value in quotes, "
                f"e.g. {_quoted(line)}")
    return ("this line is indented deeper than the line above expects, so YAML reads it as part "
            "of that line's value: line its key up with the keys it belongs with")


def _quoted(line: str) -> str:
    key, _, value = line.strip().partition(": ")
    quote = "'" if '"' in value else '"'
    return f"{key}: {quote}{value}{quote}"


def _dash_without_space(text: str) -> bool:
    """'-Worse when sitting': a list item whose '-' has no space after it (YAML reads it as
    text; '-5' and '--' are left alone, as a number and a mark are not items)."""
    return len(text) > 1 and text[0] == "-" and not (text[1].isspace() or text[1] in "-.0123456789")


_MISSING_SPACE = ("this list item has no space after its '-', so YAML does not read it as an "
                  "item: write '- ' (a dash, then a space) before the text, as in the items "
                  "around it")


def merged_list_items(start: Any, end: Any, lines: list[str], display: str) -> list[Problem]:
    """Problems for plain text from `start` to `end` (PyYAML marks, on different lines) that
    YAML joined from lines meant as list items: a continuation line starting with '- ' is almost
    surely an item indented one space too far (YAML reads it as more of the text above), and
    text starting '-x' is an item with no space after its '-'."""
    first = lines[start.line]
    if start.column == len(first) - len(first.lstrip(" ")) and _dash_without_space(
            first[start.column:]):
        return [Problem(display, start.line + 1, start.column + 1, _MISSING_SPACE)]
    item = re.fullmatch(r"( *)-\s+", first[: start.column])  # the text is itself a list item
    problems = []
    for index in range(start.line + 1, min(end.line + 1, len(lines))):
        line = lines[index]
        indent = len(line) - len(line.lstrip(" "))
        if not re.match(r"-(\s|$)", line[indent:]):
            continue
        if item:
            dash = len(item[1])
            more = indent - dash
            message = (f"this list item is indented {more} space{'s' * (more != 1)} more than "
                       f"the item on line {start.line + 1} (its '-' is in column {dash + 1}), so "
                       "YAML reads it as more text of that item, not as an item of its own: "
                       "indent it like the items above")
        else:
            message = (f"this line starts with '- ' like a list item, but YAML reads it as more "
                       f"of the text that begins at line {start.line + 1}, column "
                       f"{start.column + 1}: for a list, put each item on a line of its own "
                       "starting with '- ', all indented alike, under a key with nothing after "
                       "its ':'; if it is all one text, put it in quotes")
        problems.append(Problem(display, index + 1, indent + 1, message))
    return problems


def _misplaced(source: _Source, error: Any, start: Any, here: Any) -> _Explained:
    """The parser wanted the next key of a mapping (or '-' of a list) and found something else."""
    line = source.line(here)
    char = source.char(here)
    what = "list" if "collection" in (error.context or "") else "mapping"
    lined = (f"the {what} that begins at {_at(start)} has its "
             f"{'items' if what == 'list' else 'keys'} in column {start.column + 1}")
    if char in ("]", "}"):
        return f"a closing '{char}' here, with no '{'[' if char == ']' else '{'}' open to close"
    if char == "-" and what == "mapping":
        return (f"a list item ('- ') here, where {lined}: put the items under a key "
                "('key:' alone on the line above, then the items indented below it)")
    indent = len(line) - len(line.lstrip(" "))
    if here.column > indent:  # something after a finished value on the same line
        return ("unexpected text after the value on this line: put the whole value in quotes "
                "(a quote inside text quoted with ' is written twice: 'Travell''s chart')")
    dedented = _dedented_key(source, here.line, start.column)
    if dedented is not None:
        return dedented
    return (f"this line starts in column {here.column + 1}, which lines up with nothing above "
            f"({lined}): indent it like the keys or items it belongs with")


def _dedented_key(source: _Source, here: int, keys_column: int) -> _Explained:
    """'referral:' alone on its line, then 'essential:' in the same column, then 'spillover:'
    deeper: the parser stops at 'spillover:', but the line at fault is 'essential:', which left
    the block it belongs to. Found when the line above the stop lines up with the mapping's keys
    and follows a key with nothing after its ':'."""
    above = [i for i in range(here - 1, -1, -1) if source.lines[i].strip()
             and not source.lines[i].lstrip().startswith("#")][:2]
    if len(above) < 2:
        return None
    wrong, parent = (source.lines[i] for i in above)
    indent = len(wrong) - len(wrong.lstrip(" "))
    key = re.fullmatch(r" *([^\s#:][^#:]*):\s*(#.*)?", parent)
    if indent != keys_column or not key or not parent.startswith(" " * indent + key[1]):
        return None
    column = len(source.lines[here]) - len(source.lines[here].lstrip(" "))
    return (f"this line is indented like '{key[1]}:' on the line above, so it is not inside "
            f"'{key[1]}:' (which is left empty) and the next line, indented deeper, lines up "
            f"with nothing: indent this line like the next one (column {column + 1})",
            above[0] + 1, indent + 1)
