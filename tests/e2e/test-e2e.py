#!/usr/bin/python3
# The end-to-end test: drives the real Boardpack window through the
# accessibility bus (AT-SPI, with dogtail) as a user would, then checks the
# file it wrote.
#
# It expects the application to be running already on FILE (a copy of the
# sample programme) inside an X server and a session bus with the AT-SPI
# registry: tests/e2e/run-e2e.sh sets all of that up and runs this script.
#
#   /usr/bin/python3 test-e2e.py --boardpack BOARDPACK --file FILE \
#       --app-pid PID --red-before N
#
# The user's story: on the Actions view, open the search bar, search for
# "3.2", open action 3.2 from its row, add an update that turns it red with
# a note, close the editor and the application. Then `boardpack check`
# counts one more red action and the note is in the file.
#
# Every step waits for what it needs by polling the accessibility tree with
# a deadline, so a slow machine only makes the test slower; a step that
# times out says what it was waiting for and dumps the tree it searched.

import argparse
import datetime
import os
import sqlite3
import subprocess
import sys
import time

from dogtail.config import config

config.checkForA11y = False  # GTK 4 under a private bus: no GSettings toggle
config.logDebugToFile = False
config.logDebugToStdOut = False
config.searchBackoffDuration = 0.2
config.actionDelay = 0.1
config.defaultDelay = 0.1

from dogtail import tree  # noqa: E402  (must come after the config)
from gi.repository import GLib  # noqa: E402

APP_NAME = "boardpack"  # g_get_prgname (): how AT-SPI names the application
NOTE = "E2E: the trust has paused the pathway work; escalated to the board (%s)."
NEXT_STEPS = "Agree a recovery plan with the trust before the next meeting."
STEP_TIMEOUT = 20.0

started = time.monotonic()
app_pid = None  # set from --app-pid: a poll fails at once if it has died


def log(message):
    print("e2e [%5.1fs] %s" % (time.monotonic() - started, message), flush=True)


class Failure(Exception):
    pass


def poll(what, probe, timeout=STEP_TIMEOUT, interval=0.1, dump=None, app_lives=True):
    """Calls probe () until it returns something true, or fails after
    timeout seconds, or at once if the application has died. A tree in flux
    (nodes going away while they are read) only means trying again."""
    deadline = time.monotonic() + timeout
    last_error = None
    while True:
        try:
            result = probe()
            if result:
                return result
        except (GLib.GError, LookupError, RuntimeError) as e:
            last_error = e
        if app_lives and app_pid is not None and process_gone(app_pid):
            raise Failure("the application exited while waiting for %s" % what)
        if time.monotonic() > deadline:
            message = "timed out after %.0f s waiting for %s" % (timeout, what)
            if last_error:
                message += " (last error: %s)" % last_error
            if dump is not None:
                message += "\n" + describe_tree(dump)
            raise Failure(message)
        time.sleep(interval)


def find(parent, what, pred, timeout=STEP_TIMEOUT):
    """The first descendant of parent satisfying pred, waiting for it.

    GTK 4.8 sets the SHOWING state on windows only (every widget of every
    stack page is "visible"), so searches cannot be limited to what is on
    screen: they are limited to the right window or view instead."""
    def probe():
        return parent.findChild(pred, retry=False, requireResult=False, showingOnly=False)
    return poll(what, probe, timeout, dump=parent)


def first_child(parent, pred):
    return parent.findChild(pred, retry=False, requireResult=False, showingOnly=False)


def showing(node):
    return node.getState().contains(tree.pyatspi.STATE_SHOWING)


def named(role, name):
    return lambda n: n.roleName == role and n.name == name


def click(node, what):
    actions = node.actions
    if "click" not in actions:
        raise Failure("%s (%s %r) offers no click action: it has %s"
                      % (what, node.roleName, node.name, sorted(actions)))
    node.doActionNamed("click")


def pressed(node):
    states = node.getState()
    return (states.contains(tree.pyatspi.STATE_PRESSED)
            or states.contains(tree.pyatspi.STATE_CHECKED))


def read_text(node):
    """The text of an entry or text view. dogtail's .text asks for
    GetText (0, -1), which GTK 4.8 answers with "" for a GtkEntry or a
    GtkSearchEntry: ask for the characters it says it has instead."""
    text = node.queryText()
    return text.getText(0, text.characterCount)


def set_text(node, what, text):
    """Types text into node through its EditableText interface."""
    try:
        node.queryEditableText().setTextContents(text)
    except NotImplementedError:
        raise Failure("%s (%s %r) is not editable through AT-SPI (no EditableText)"
                      % (what, node.roleName, node.name))
    poll("%s to read %r" % (what, text), lambda: read_text(node) == text)


def describe_tree(node, depth=0, limit=400):
    lines = []

    def walk(n, d):
        if len(lines) >= limit:
            return
        try:
            lines.append("  " * d + "[%s] %r" % (n.roleName, n.name))
            for c in n.children:
                walk(c, d + 1)
        except Exception as e:  # a node that went away while we read it
            lines.append("  " * d + "<gone: %s>" % e)

    walk(node, depth)
    return "\n".join(lines)


def process_gone(pid):
    """True once pid has exited (a zombie counts: our parent reaps it)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        return state in ("Z", "X")
    except FileNotFoundError:
        return True


def red_count(boardpack, path, as_of):
    out = subprocess.run([boardpack, "check", "--as-of", as_of, path],
                         capture_output=True, text=True, timeout=60)
    if out.returncode != 0:
        raise Failure("boardpack check failed (%d):\n%s%s"
                      % (out.returncode, out.stdout, out.stderr))
    for line in out.stdout.splitlines():
        key, _, value = line.partition(":")
        if key.strip() == "actions.red":
            return int(value)
    raise Failure("boardpack check printed no actions.red:\n" + out.stdout)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--boardpack", required=True)
    parser.add_argument("--file", required=True)
    parser.add_argument("--app-pid", type=int, required=True)
    parser.add_argument("--red-before", type=int, required=True)
    parser.add_argument("--as-of", default=datetime.date.today().isoformat())
    args = parser.parse_args()
    global app_pid
    app_pid = args.app_pid
    note = NOTE % os.getpid()

    # ------------------------------------------------------ the window
    def application():
        for app in tree.root.applications():
            if app.name == APP_NAME:
                return app
        return None

    app = poll("the application %r on the accessibility bus" % APP_NAME, application, 30)
    log("found the application on the bus")
    window = poll("the programme's window (a window with the Actions view)",
                  lambda: next((w for w in app.children
                                if showing(w) and first_child(w, named("page tab", "Actions"))),
                               None),
                  30, dump=app)
    log("the window is showing: %r" % window.name)

    # ------------------------------------------------ the Actions view
    tab = find(window, "the Actions view switcher tab", named("page tab", "Actions"))
    click(tab, "the Actions tab")
    page = find(window, "the Actions view", lambda n: n.name == "BpActionsPage")
    # The list fills from the file; wait for its first rows.
    find(page, "the first rows of the action list",
         lambda n: n.roleName == "push button" and n.name.startswith("Open action "))
    log("the Actions view lists the actions")

    # -------------------------------------------------- the search bar
    search_button = find(page, "the Search toggle button", named("push button", "Search"))
    click(search_button, "the Search button")
    entry = find(page, "the search entry",
                 lambda n: n.name == "Search actions" and n.roleName in ("entry", "text"))
    count = find(page, "the count of actions shown",
                 lambda n: n.roleName == "label" and n.name.endswith(" actions"))
    total = count.name
    set_text(entry, "the search entry", "3.2")
    # The count reads "N of 143 actions" once the search has applied.
    poll("the search to narrow the list (the count reads %r)" % total,
         lambda: " of " in count.name, dump=page)
    log("searched for 3.2: %s" % count.name)

    # The list narrows to the search: wait for the count to change and the
    # row of 3.2 to be there. Only realised rows exist in the tree, so the
    # search is what brings 3.2 into it.
    open_button = find(page, "the row of action 3.2 (its \"Open action 3.2\" button)",
                       named("push button", "Open action 3.2"))
    click(open_button, "the Open action 3.2 button")
    log("opened action 3.2")

    # ------------------------------------------------------ the editor
    # The editor is a second top-level of the application. GTK 4.8 exposes
    # it with the role "filler" rather than "frame" (so without SHOWING,
    # which 4.8 gives windows only), so it is found by what it holds.
    def editor_window():
        for w in app.children:
            if w != window and first_child(w, named("push button", "Add update")):
                return w
        return None

    editor = poll("the action editor window", editor_window, dump=app)
    log("the editor is open: %r" % editor.name)

    # A date row (an AdwEntryRow) names its text by its title twice in
    # libadwaita 1.2 ("Date Date"): by the title and by the floating title.
    date = find(editor, "the update's Date field",
                lambda n: n.name in ("Date", "Date Date") and n.roleName in ("entry", "text"))
    # The editor shows dates as UK papers write them, DD/MM/YYYY.
    today = datetime.date.today().strftime("%d/%m/%Y")
    as_of = datetime.date.fromisoformat(args.as_of).strftime("%d/%m/%Y")
    if read_text(date) not in (as_of, today):
        raise Failure("the Date field should default to today (%s), it reads %r"
                      % (today, read_text(date)))

    rag_group = find(editor, "the RAG status group",
                     lambda n: n.name == "RAG status" and n.roleName != "label")
    # GTK 4.8 shows a GtkToggleButton as a "push button" with PRESSED.
    # The sample has 3.2 on track: the editor starts on its current RAG.
    green = find(rag_group, "the Green button in the RAG status group",
                 lambda n: n.name == "Green" and n.roleName in ("push button", "toggle button"))
    if not pressed(green):
        raise Failure("action 3.2 should be green in the sample (the editor's RAG buttons: %s)"
                      % describe_tree(rag_group))
    red = find(rag_group, "the Red button in the RAG status group",
               lambda n: n.name == "Red" and n.roleName in ("push button", "toggle button"))
    click(red, "the Red RAG button")
    poll("the Red button to be pressed", lambda: pressed(red), dump=rag_group)

    commentary = find(editor, "the Commentary field",
                      lambda n: n.name == "Commentary" and n.roleName in ("text", "entry"))
    set_text(commentary, "the Commentary field", note)
    next_steps = find(editor, "the Next steps field",
                      lambda n: n.name == "Next steps" and n.roleName in ("text", "entry"))
    set_text(next_steps, "the Next steps field", NEXT_STEPS)

    add = find(editor, "the Add update button", named("push button", "Add update"))
    click(add, "the Add update button")
    # Once added, the form is reset and the update is in the history.
    poll("the commentary to clear once the update is added", lambda: read_text(commentary) == "",
         dump=editor)
    find(editor, "the new update in the update history",
         lambda n: n.roleName == "label" and note in (n.name or ""))
    log("added the update")

    cancel = find(editor, "the editor's Cancel (close) button", named("push button", "Cancel"))
    click(cancel, "the editor's Cancel button")
    poll("the editor to close", lambda: editor_window() is None, dump=app)
    log("closed the editor")

    # ----------------------------------------------- close the program
    close = find(window, "the window's Close button", named("push button", "Close"))
    click(close, "the window's Close button")
    poll("the application to exit", lambda: process_gone(app_pid), 30, app_lives=False)
    log("the application has exited")

    # --------------------------------------------------- the file itself
    red_after = red_count(args.boardpack, args.file, args.as_of)
    log("boardpack check: actions.red %d before, %d after" % (args.red_before, red_after))
    if red_after != args.red_before + 1:
        raise Failure("boardpack check should count one more red action: %d before, %d after"
                      % (args.red_before, red_after))

    db = sqlite3.connect("file:%s?mode=ro" % args.file, uri=True)
    rows = db.execute(
        "SELECT u.date, u.rag, u.commentary, u.next_steps, a.rag"
        " FROM progress_update u JOIN action a ON a.id = u.action_id"
        " WHERE a.ref = '3.2' AND u.commentary = ?", (note,)).fetchall()
    db.close()
    if len(rows) != 1:
        raise Failure("the file should hold one update of 3.2 with the note, it holds %d"
                      % len(rows))
    u_date, u_rag, _, u_next, a_rag = rows[0]
    if u_rag != "R" or a_rag != "R" or u_next != NEXT_STEPS or u_date not in (args.as_of, today):
        raise Failure("the update is not as entered: date %s, RAG %s (action %s), next steps %r"
                      % (u_date, u_rag, a_rag, u_next))
    log("the file holds the update (%s, red) and 3.2 is red" % u_date)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Failure as e:
        log("FAIL: %s" % e)
        sys.exit(1)
