"""The prompt_toolkit application: one editable `> aws ` line and its panels.

Takes the starting text and the history; returns the line the user accepted,
or raises `Aborted` (Ctrl+C / Ctrl+D in the one-shot prompt). Layout, top to
bottom, as AWS CLI v2 draws it inline (no alternate screen, erased when done):
the input area (at least 10 rows) with the completion menu floating at the
cursor, then the doc (F3) and output (F5) panels side by side, then a rule
and the key-hint toolbar, or the key help panel (F1) on the right; with
`--debug` on the line, a Debug panel of log lines on the right. This module
decides nothing about commands: candidates come from `completions`, panel
text from `panels`, keys from `keys`, and it never runs anything. Server-side
values arrive from a background thread (`server_values`); when they do, the
menu is computed again unless the user is moving through it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Mapping

from prompt_toolkit.application import Application
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.completion import CompleteEvent, Completer, Completion, DynamicCompleter
from prompt_toolkit.document import Document
from prompt_toolkit.filters import Condition
from prompt_toolkit.history import InMemoryHistory
from prompt_toolkit.layout import (ConditionalContainer, Float, FloatContainer, HSplit, Layout,
                                   VSplit, Window)
from prompt_toolkit.layout.controls import BufferControl, FormattedTextControl
from prompt_toolkit.layout.dimension import Dimension
from prompt_toolkit.layout.menus import CompletionsMenu, MultiColumnCompletionsMenu
from prompt_toolkit.layout.processors import BeforeInput
from prompt_toolkit.styles import Style
from prompt_toolkit.widgets import Frame, SearchToolbar

from awsmini.prompt import completions, debuglog, panels, sources
from awsmini.prompt.panels import RenderOutput
from awsmini.prompt.history import search_history
from awsmini.prompt.keys import key_bindings
from awsmini.prompt.server_values import ServerValues
from awsmini.prompt.splash import INPUT_ROWS, PREFIX, TOOLBAR_HINTS, toolbar_lines

HELP_WIDTH = 37
STYLE = Style.from_dict({
    "completion-menu.completion": "bg:#d0d0d0 #000000",
    "completion-menu.meta.completion": "bg:#a8a8a8 #000000",
    "completion-menu.completion.current": "reverse",
    "completion-menu.meta.completion.current": "reverse",
    "search-badge": "bg:ansigreen ansired",
    "panel-title": "bold",
})
TOOLBAR = {
    "input": TOOLBAR_HINTS,
    "doc": ("[F1] Show Shortkey Help", "[F2] Focus on next panel", "[q] Focus on Input"),
    "output": ("[F1] Show Shortkey Help", "[F2] Focus on next panel", "[F3] Hide/Show Docs",
               "[F5] Hide/Show Output"),
    "debug": ("[F1] Show Shortkey Help", "[F2] Focus on next panel", "[q] Focus on Input"),
}
DEBUG_HINT = "[CONTROL+S] Save log to file"
SEARCH_BADGE = "bck-i-search"
_PANEL_KEYS = ("[/] Search forward", "[?] Search backward", "[n] Next match",
               "[N] Previous match", "[w] Page up", "[z] Page down", "[k] Line up",
               "[j] Line down", "[g] Go to top", "[G] Go to bottom", "[q] Focus on Input")
HELP = {
    "input": ("Prompt panel help", ("[ENTER] Autocomplete Choice/Execute Command",
              "[F1] Hide Shortkey Help", "[F2] Focus on next panel", "[F3] Hide/Show Docs",
              "[F4] One/Multi column prompt", "[F5] Hide/Show Output",
              "[CONTROL+R] On/Off bck-i-search")),
    "doc": ("Doc panel help", ("[F1] Hide Shortkey Help", "[F2] Focus on next panel",
            "[F3] Hide/Show Docs", "[F5] Hide/Show Output") + _PANEL_KEYS),
    "output": ("Output panel help", ("[F1] Hide Shortkey Help", "[F2] Focus on next panel",
               "[F3] Hide/Show Docs", "[F5] Hide/Show Output") + _PANEL_KEYS),
    "debug": ("Debug panel help", ("[F1] Hide Shortkey Help", "[F2] Focus on next panel",
              "[CONTROL+S] Save log to file") + _PANEL_KEYS),
}


@dataclass
class PromptState:
    """What the keys toggle."""

    show_doc: bool = False
    show_output: bool = False
    show_help: bool = False
    multi_column: bool = False
    history_mode: bool = False
    closed_at: str | None = None  # the line as it was when Enter closed the menu
    history: list = field(default_factory=list)
    debug_lines: list | None = None  # the Debug panel's log lines, with --debug only
    debug_shown: int = 0
    panels_drawn_for: tuple = ()  # what the panels' text was computed from
    doc_window: object = None     # the doc panel's Window, to wrap its text to its width


class LineCompleter(Completer):
    """`completions.complete` in prompt_toolkit's terms."""

    def __init__(self, environ: Mapping[str, str], server: ServerValues | None = None) -> None:
        self.environ = environ
        self.server = server

    def get_completions(self, document: Document, event: CompleteEvent) -> Iterable[Completion]:
        try:
            found = completions.complete(document.text_before_cursor, self.environ, self.server,
                                         self.server.listing if self.server else None)
        except (LookupError, ValueError, OSError):
            return
        for candidate in found.candidates:
            yield Completion(candidate.text, found.start, display=candidate.label,
                             display_meta=candidate.meta)


class HistoryCompleter(Completer):
    """Ctrl+R: past commands, newest first, matched against the whole line."""

    def __init__(self, state: PromptState) -> None:
        self.state = state

    def get_completions(self, document: Document, event: CompleteEvent) -> Iterable[Completion]:
        for command in search_history(self.state.history, document.text):
            yield Completion(command, -len(document.text_before_cursor))


def create_app(initial: str, environ: Mapping[str, str], history: list[str],
               is_shell: bool = False, input=None, output=None,
               server_values: ServerValues | None = None,
               render_output: RenderOutput | None = None) -> Application:
    """The prompt for one command line, prefilled with `initial`.

    With `server_values`, the menu offers server-side values for options that
    name existing resources.

    `run(app)` returns the accepted line, None for Ctrl+D on an empty line in
    the shell, and raises `Aborted` for Ctrl+C/Ctrl+D in the one-shot prompt.
    `--debug` in `initial` adds the Debug panel, as in v2.
    """
    state = PromptState(history=list(history))
    if "--debug" in initial.split():
        state.debug_lines = []
    line_completer = LineCompleter(environ, server_values)
    history_completer = HistoryCompleter(state)
    input_buffer = Buffer(
        name="input", history=InMemoryHistory(history), complete_while_typing=True,
        completer=DynamicCompleter(
            lambda: history_completer if state.history_mode else line_completer),
        document=Document(initial, len(initial)))
    doc_buffer = Buffer(name="doc", read_only=True)
    output_buffer = Buffer(name="output", read_only=True)
    debug_buffer = Buffer(name="debug", read_only=True)
    layout = _layout(state, input_buffer, doc_buffer, output_buffer, debug_buffer)
    app: Application = Application(
        # prompt_toolkit adds its own emacs editing keys below these.
        layout=layout, key_bindings=key_bindings(state, input_buffer, is_shell),
        style=STYLE, full_screen=False, erase_when_done=True, mouse_support=False,
        input=input, output=output)
    app.prompt_state = state  # type: ignore[attr-defined]

    def refresh_panels(_=None) -> None:
        _update_panels(app, state, input_buffer, doc_buffer, output_buffer, environ,
                       render_output)

    def rewrap(_=None) -> None:
        # The doc panel's width is known only once drawn: wrap again if it differs.
        before = state.panels_drawn_for
        refresh_panels()
        if state.panels_drawn_for != before:
            app.invalidate()

    def show_log(_=None) -> None:
        lines = state.debug_lines
        if lines is not None and len(lines) != state.debug_shown:
            state.debug_shown = len(lines)
            text = "\n".join(lines)
            debug_buffer.set_document(Document(text, len(text)), bypass_readonly=True)

    input_buffer.on_text_changed += refresh_panels
    input_buffer.on_cursor_position_changed += refresh_panels
    app.before_render += refresh_panels
    app.before_render += show_log
    app.after_render += rewrap

    def pre_run() -> None:
        input_buffer.start_completion(select_first=False)

    app.pre_run_callables.append(pre_run)
    # A first run reads the services' full names in the background: show them when there.
    sources.when_full_names(lambda: _call_in_loop(app, lambda: _recomplete(app, state, input_buffer)))
    if server_values is not None:
        server_values.on_arrival = lambda: _call_in_loop(app, lambda: _recomplete(
            app, state, input_buffer))
        # Once the first screen is up (not before: it would share the CPU with it).
        app.after_render += lambda _: server_values.warm_up()
    return app


def _call_in_loop(app: Application, function) -> None:
    """Run `function` in the prompt's event loop (called from another thread)."""
    loop = getattr(app, "loop", None)
    if loop is None or app.is_done:
        return
    try:
        loop.call_soon_threadsafe(function)
    except RuntimeError:  # the loop has closed: the prompt is gone
        pass


def _recomplete(app: Application, state: PromptState, input_buffer: Buffer) -> None:
    """New values (server-side, or the services' full names) have arrived: compute
    the menu again, unless an item is selected."""
    current = input_buffer.complete_state
    if app.is_done or state.history_mode or (current is not None
                                             and current.complete_index is not None):
        return
    if current is None and state.closed_at == input_buffer.text:
        return  # closed with Enter: reopened, it would take the Enter that runs the line
    if app.layout.current_buffer is input_buffer:
        input_buffer.complete_state = None  # else prompt_toolkit keeps the menu it has
        input_buffer.start_completion(select_first=False)


def run(app: Application) -> str | None:
    """Run the prompt; with `--debug`, log records go to its Debug panel meanwhile."""
    lines = app.prompt_state.debug_lines  # type: ignore[attr-defined]
    if lines is None:
        return app.run()
    with debuglog.captured(lines):
        return app.run()


def _layout(state: PromptState, input_buffer: Buffer, doc_buffer: Buffer,
            output_buffer: Buffer, debug_buffer: Buffer) -> Layout:
    one_column = Condition(lambda: not state.multi_column)
    input_area = FloatContainer(
        Window(BufferControl(input_buffer, input_processors=[BeforeInput(PREFIX)]),
               height=Dimension(min=INPUT_ROWS), wrap_lines=True),
        [Float(xcursor=True, ycursor=True, content=CompletionsMenu(
            max_height=16, scroll_offset=2, extra_filter=one_column)),
         Float(xcursor=True, ycursor=True, content=MultiColumnCompletionsMenu(
             extra_filter=~one_column))])
    show_doc = Condition(lambda: state.show_doc)
    show_output = Condition(lambda: state.show_output)
    bottom = VSplit([
        ConditionalContainer(_panel("Doc panel", doc_buffer, state), show_doc),
        ConditionalContainer(Window(width=1, char="\u2502"), show_doc & show_output),
        ConditionalContainer(_panel("Output panel", output_buffer), show_output),
    ])
    show_help = Condition(lambda: state.show_help)
    help_panel = ConditionalContainer(
        Frame(Window(FormattedTextControl(_help_lines), wrap_lines=True),
              title=_help_title, width=HELP_WIDTH), show_help)
    toolbar = ConditionalContainer(HSplit([
        Window(height=1, char="\u2500"),
        Window(FormattedTextControl(lambda: _toolbar(state)), wrap_lines=True,
               height=Dimension(min=1)),
    ]), ~show_help)
    debug_panel = ConditionalContainer(
        VSplit([Window(width=1, char="\u2502"), _panel("Debug panel", debug_buffer)],
               width=Dimension(weight=1)),
        Condition(lambda: state.debug_lines is not None))
    main = HSplit([input_area, bottom], width=Dimension(weight=2))
    return Layout(HSplit([VSplit([main, debug_panel, help_panel]), toolbar]),
                  focused_element=input_buffer)


def _panel(title: str, buffer: Buffer, state: PromptState | None = None) -> HSplit:
    search = SearchToolbar()
    label = "|%s|" % title
    window = Window(BufferControl(buffer, search_buffer_control=search.control),
                    height=Dimension(max=40, preferred=30), wrap_lines=True)
    if state is not None:
        state.doc_window = window
    return HSplit([
        VSplit([Window(height=1, char="\u2500"),
                Window(FormattedTextControl([("class:panel-title", label)]), height=1,
                       width=len(label)),
                Window(height=1, char="\u2500")]),
        window,
        search,
    ])


def _focus() -> str:
    from prompt_toolkit.application.current import get_app

    name = getattr(get_app().current_buffer, "name", "input")
    return name if name in ("doc", "output", "debug") else "input"


def _toolbar(state: PromptState) -> list:
    """The hints for the focused part, wrapped between hints to the terminal's width."""
    from prompt_toolkit.application.current import get_app

    hints = TOOLBAR[_focus()]
    if state.debug_lines is not None:
        hints += (DEBUG_HINT,)
    if state.history_mode:
        hints = (SEARCH_BADGE,) + hints
    text = "\n".join(toolbar_lines(hints, get_app().output.get_size().columns))
    if state.history_mode:
        return [("class:search-badge", SEARCH_BADGE), ("", text[len(SEARCH_BADGE):])]
    return [("", text)]


def _help_title() -> str:
    return HELP[_focus()][0]


def _help_lines() -> str:
    return "\n".join(HELP[_focus()][1])


def _update_panels(app: Application, state: PromptState, input_buffer: Buffer,
                   doc_buffer: Buffer, output_buffer: Buffer, environ: Mapping[str, str],
                   render_output: RenderOutput | None = None) -> None:
    """Fill the visible panels from the line; only visible panels cost anything."""
    if not (state.show_doc or state.show_output):
        return
    info = getattr(state.doc_window, "render_info", None)
    if info is not None and state.show_doc:
        width = info.window_width
    else:
        columns = app.output.get_size().columns - (HELP_WIDTH if state.show_help else 0)
        width = (columns - 1) // 2 - 1 if state.show_doc and state.show_output else columns
    text = input_buffer.document.text_before_cursor
    key = (text, input_buffer.text, width, state.show_doc, state.show_output)
    if key == state.panels_drawn_for:
        return
    state.panels_drawn_for = key
    if state.show_doc:
        _set_text(doc_buffer, panels.doc_text(text, environ, width))
    if state.show_output:
        _set_text(output_buffer, panels.output_text(input_buffer.text, environ, render_output))


def _set_text(buffer: Buffer, text: str) -> None:
    if text and text != buffer.text:
        buffer.set_document(Document(text, 0), bypass_readonly=True)
