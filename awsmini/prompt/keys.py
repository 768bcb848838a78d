"""The prompt's keys, as AWS CLI v2 binds them (spec: interactive.md 1.7).

Takes the prompt's toggle state and its input buffer; returns prompt_toolkit
key bindings, added on top of prompt_toolkit's emacs defaults. Enter closes an
open menu (keeping the text) or accepts the line; Tab and Shift+Tab step
through the menu; Up and Down walk the history on an empty line (the menu
is always open there) and step through the menu otherwise; Ctrl+R toggles history search; F1-F5 toggle the panels and
move focus; a focused panel reads `/ ? n N w z k j g G q`; with `--debug`,
Ctrl+S saves the Debug panel's log; Ctrl+C and Ctrl+D
abort the one-shot prompt, while in the shell Ctrl+C clears the line and
Ctrl+D on an empty line leaves.
"""
from __future__ import annotations

import shlex

from prompt_toolkit.buffer import Buffer, CompletionState
from prompt_toolkit.completion import CompleteEvent
from prompt_toolkit.filters import Condition, has_focus
from prompt_toolkit.key_binding import KeyBindings
from prompt_toolkit.key_binding.bindings.focus import focus_next
from prompt_toolkit.search import SearchDirection, start_search

from awsmini.prompt import debuglog
from awsmini.prompt.words import EXIT_WORDS
from awsmini.values import paramfile

PAGE_ROWS = 20  # w / z in a panel


class Aborted(Exception):
    """Ctrl+C or Ctrl+D in the one-shot prompt; `line` is the text being edited."""

    def __init__(self, line: str) -> None:
        super().__init__(line)
        self.line = line


def key_bindings(state, input_buffer: Buffer, is_shell: bool) -> KeyBindings:
    bindings = KeyBindings()
    on_input = has_focus(input_buffer)
    on_panel = ~on_input
    in_history = Condition(lambda: state.history_mode)

    @bindings.add("enter", filter=on_input)
    def _enter(event) -> None:
        buffer = event.current_buffer
        if is_shell and buffer.text.strip() in EXIT_WORDS:
            event.app.exit(result=buffer.text)  # never lost to a menu that happens to be open
            return
        if _is_menu_open(buffer):
            # v2: Enter keeps the text as it stands and closes the menu; it never runs.
            buffer.complete_state = None
            state.history_mode = False
            state.closed_at = buffer.text
            word = buffer.document.get_word_before_cursor(WORD=True)
            if word.startswith(paramfile.PREFIXES) and word.endswith("/"):
                buffer.start_completion(select_first=False)
            return
        try:
            shlex.split(buffer.text)
        except ValueError:
            event.app.output.bell()  # an unclosed quote: keep editing
            return
        event.app.exit(result=buffer.text)

    @bindings.add("tab", filter=on_input)
    def _tab(event) -> None:
        _step_menu(event.current_buffer, 1)

    @bindings.add("s-tab", filter=on_input)
    def _shift_tab(event) -> None:
        _step_menu(event.current_buffer, -1)

    @bindings.add("up", filter=on_input)
    def _up(event) -> None:
        buffer = event.current_buffer
        if _walks_history(buffer):
            buffer.complete_state = None
            buffer.history_backward(count=event.arg)
        else:
            buffer.auto_up(count=event.arg)

    @bindings.add("down", filter=on_input)
    def _down(event) -> None:
        buffer = event.current_buffer
        if _in_history(buffer) and not _is_item_selected(buffer):
            buffer.complete_state = None
            buffer.history_forward(count=event.arg)
        else:
            buffer.auto_down(count=event.arg)

    @bindings.add("c-r", filter=on_input)
    def _history_search(event) -> None:
        buffer = event.current_buffer
        buffer.complete_state = None
        state.history_mode = not state.history_mode
        if state.history_mode:
            buffer.start_completion(select_first=False)

    @bindings.add("escape", filter=on_input & in_history, eager=True)
    def _leave_history(event) -> None:
        event.current_buffer.complete_state = None
        state.history_mode = False

    @bindings.add(" ", filter=on_input & in_history)
    def _space_in_history(event) -> None:
        buffer = event.current_buffer
        if buffer.complete_state and buffer.complete_state.current_completion:
            buffer.complete_state = None
            state.history_mode = False
        buffer.insert_text(" ")

    @bindings.add("c-c")
    def _interrupt(event) -> None:
        if is_shell:  # the shell's Ctrl+C cancels only the line being edited
            input_buffer.reset()
            state.history_mode = False
            event.app.layout.focus(input_buffer)
            input_buffer.start_completion(select_first=False)  # the menu, as on a fresh prompt
            return
        event.app.exit(exception=Aborted(input_buffer.text))

    @bindings.add("c-d")
    def _end(event) -> None:
        if not is_shell:
            event.app.exit(exception=Aborted(input_buffer.text))
        elif not input_buffer.text:
            event.app.exit(result=None)
        elif event.current_buffer is input_buffer:
            input_buffer.delete()

    _panel_bindings(bindings, state, input_buffer, on_panel)
    return bindings


def _is_menu_open(buffer: Buffer) -> bool:
    """A menu with entries is showing (an empty completion state draws nothing)."""
    return bool(buffer.complete_state and buffer.complete_state.completions)


def _is_item_selected(buffer: Buffer) -> bool:
    return bool(buffer.complete_state and buffer.complete_state.complete_index is not None)


def _in_history(buffer: Buffer) -> bool:
    """The line shows a history entry (Up was pressed), not the line being typed."""
    return buffer.working_index < len(buffer._working_lines) - 1


def _walks_history(buffer: Buffer) -> bool:
    """Up goes to the previous command rather than into the menu: on an empty line
    (where the menu is always open, with nothing picked) or while already walking it."""
    if _is_item_selected(buffer) or buffer.document.cursor_position_row > 0:
        return False
    return not buffer.text.strip() or _in_history(buffer)


def _step_menu(buffer: Buffer, step: int) -> None:
    """Tab / Shift+Tab: the next or previous entry, written into the line at once.

    With no menu yet, the candidates are computed here and now rather than in
    the background, so a Tab typed quickly, then Enter, completes before it runs.
    """
    if _is_menu_open(buffer):
        if step > 0:
            buffer.complete_next()
        else:
            buffer.complete_previous()
        return
    event = CompleteEvent(completion_requested=True)
    found = list(buffer.completer.get_completions(buffer.document, event))
    if found:
        buffer.complete_state = CompletionState(buffer.document, found)
        buffer.go_to_completion(0 if step > 0 else len(found) - 1)


def _panel_bindings(bindings: KeyBindings, state, input_buffer: Buffer,
                    on_panel) -> None:
    @bindings.add("f1")
    def _help(event) -> None:
        state.show_help = not state.show_help

    @bindings.add("f2")
    def _next(event) -> None:
        focus_next(event)

    @bindings.add("f3")
    def _docs(event) -> None:
        state.show_doc = not state.show_doc
        if not state.show_doc and event.app.current_buffer.name == "doc":
            event.app.layout.focus(input_buffer)

    @bindings.add("f4")
    def _columns(event) -> None:
        state.multi_column = not state.multi_column

    @bindings.add("f5")
    def _output(event) -> None:
        state.show_output = not state.show_output
        if not state.show_output and event.app.current_buffer.name == "output":
            event.app.layout.focus(input_buffer)

    @bindings.add("c-s", filter=Condition(lambda: state.debug_lines is not None))
    def _save_log(event) -> None:
        where = debuglog.save(state.debug_lines)
        state.debug_lines.append("Log saved to %s" % where)

    @bindings.add("q", filter=on_panel)
    def _back(event) -> None:
        event.app.layout.focus(input_buffer)

    @bindings.add("/", filter=on_panel)
    def _search_forward(event) -> None:
        start_search(direction=SearchDirection.FORWARD)

    @bindings.add("?", filter=on_panel)
    def _search_backward(event) -> None:
        start_search(direction=SearchDirection.BACKWARD)

    @bindings.add("n", filter=on_panel)
    def _next_hit(event) -> None:
        event.current_buffer.apply_search(event.app.current_search_state,
                                          include_current_position=False)

    @bindings.add("N", filter=on_panel)
    def _previous_hit(event) -> None:
        event.current_buffer.apply_search(~event.app.current_search_state,
                                          include_current_position=False)

    def move(event, rows: int) -> None:
        buffer = event.current_buffer
        if rows < 0:
            buffer.cursor_up(-rows)
        else:
            buffer.cursor_down(rows)

    for key, rows in (("w", -PAGE_ROWS), ("z", PAGE_ROWS), ("k", -1), ("j", 1)):
        bindings.add(key, filter=on_panel)(lambda event, rows=rows: move(event, rows))

    @bindings.add("g", filter=on_panel)
    def _top(event) -> None:
        event.current_buffer.cursor_position = 0

    @bindings.add("G", filter=on_panel)
    def _bottom(event) -> None:
        buffer = event.current_buffer
        buffer.cursor_position = len(buffer.text)
