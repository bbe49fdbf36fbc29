#!/usr/bin/python3
"""Update requests and their returns, end to end, as owners make them.

`boardpack requests` writes the sample's workbooks; they are checked as
Excel would read them (openpyxl: header order, locked and unlocked cells,
the lists and date rules, the hidden sheet); then owners' answers are
written into them with openpyxl, one is saved again by LibreOffice, and
`boardpack import --kind returns` merges them: all or nothing, once, by
their owners, with conflicts held back.

    test-returns.py --boardpack PATH
"""
import argparse
import datetime
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile

import openpyxl

HEADER = ["Ref", "Action", "Due", "Latest RAG", "Latest update", "New RAG",
          "Progress this period", "Next steps", "Revised due date",
          "Reason for new date", "Asks of the board"]
INPUT = {"New RAG", "Progress this period", "Next steps", "Revised due date",
         "Reason for new date", "Asks of the board"}
HEADER_ROW = 4
MEETING = "2025-07-01"

failures = 0


def check(condition, what):
    global failures
    if not condition:
        failures += 1
        print("FAIL:", what, flush=True)
    else:
        print("ok:", what, flush=True)


def run(args, expect=0):
    p = subprocess.run([BOARDPACK] + args, capture_output=True, text=True)
    if p.returncode != expect:
        print(p.stdout, p.stderr, sep="\n")
        raise SystemExit("boardpack %s: exit %d, expected %d" % (args[0], p.returncode, expect))
    return p


def keys(stdout):
    out = {}
    for line in stdout.splitlines():
        k, sep, v = line.partition(": ")
        if sep and k not in out:
            out[k] = v
    return out


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def sql(path, query, *args):
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


def owner_sheet(wb):
    return wb[wb.sheetnames[1]]


def columns(ws):
    return {ws.cell(HEADER_ROW, c).value: c for c in range(1, ws.max_column + 1)}


def action_rows(ws):
    """Ref -> row number, for the rows below the header."""
    rows = {}
    for r in range(HEADER_ROW + 1, ws.max_row + 1):
        ref = ws.cell(r, 1).value
        if ref:
            rows[str(ref)] = r
    return rows


def fill(path, answers, out=None):
    """answers: ref -> {heading: value}; writes the workbook at out (or path)."""
    wb = openpyxl.load_workbook(path)
    ws = owner_sheet(wb)
    cols = columns(ws)
    rows = action_rows(ws)
    for ref, cells in answers.items():
        for heading, value in cells.items():
            ws.cell(rows[ref], cols[heading]).value = value
    wb.save(out or path)


def check_workbooks(plan, out):
    files = sorted(os.listdir(out))
    owners = sql(plan, "SELECT count(DISTINCT owner_id) FROM action"
                       " WHERE rag <> 'B' AND owner_id IS NOT NULL")[0][0]
    check(len(files) == owners, "one workbook per owner with an open action (%d)" % owners)
    open_actions = sql(plan, "SELECT count(*) FROM action WHERE rag <> 'B'")[0][0]
    total = 0
    for name in files:
        wb = openpyxl.load_workbook(os.path.join(out, name))
        total += len(action_rows(owner_sheet(wb)))
    check(total == open_actions, "every open action is asked about once (%d)" % open_actions)

    name = next(f for f in files if "Marcus Okafor" in f)
    wb = openpyxl.load_workbook(os.path.join(out, name))
    check(wb.sheetnames[:2] == ["Instructions", "Marcus Okafor"],
          "the sheets are the instructions and the owner's: %s" % wb.sheetnames)
    check("Marcus Okafor" in name and name.endswith(".xlsx"), "the file names the owner: " + name)
    hidden = wb["Boardpack"]
    check(hidden.sheet_state == "hidden", "the request's sheet is hidden")
    check(hidden["A1"].value == "Boardpack update request" and len(hidden["B1"].value or "") == 36,
          "the hidden sheet carries the request's id")
    token = hidden["B1"].value
    check(sql(plan, "SELECT count(*) FROM update_request WHERE token = ?", token)[0][0] == 1,
          "the request is recorded in the file under that id")
    ws = owner_sheet(wb)
    header = [ws.cell(HEADER_ROW, c).value for c in range(1, len(HEADER) + 1)]
    check(header == HEADER, "the header row is the eleven columns in order: %s" % header)
    check(ws.protection.sheet and not ws.protection.password,
          "the owner's sheet is protected, without a password")
    cols = columns(ws)
    first = HEADER_ROW + 1
    locked_ok = all(ws.cell(first, cols[h]).protection.locked == (h not in INPUT) for h in HEADER)
    check(locked_ok, "the plan's columns are locked and the owner's unlocked")
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    dates = [dv for dv in ws.data_validations.dataValidation if dv.type == "date"]
    rag_col = openpyxl.utils.get_column_letter(cols["New RAG"])
    check(len(lists) == 1 and lists[0].formula1 == '"Blue,Green,Amber,Red,Not started"'
          and str(lists[0].sqref).startswith(rag_col),
          "New RAG offers the status words as a list")
    date_col = openpyxl.utils.get_column_letter(cols["Revised due date"])
    check(len(dates) == 1 and str(dates[0].sqref).startswith(date_col),
          "Revised due date takes a date")
    instructions = " ".join(str(c.value) for row in wb["Instructions"].iter_rows() for c in row
                            if c.value)
    check("Please return it by Tuesday 17 June 2025" in instructions
          and "Amber: at risk" in instructions and "Blue: complete" in instructions,
          "the instructions say by when, and the BRAG key in words")


def main():
    global BOARDPACK
    ap = argparse.ArgumentParser()
    ap.add_argument("--boardpack", required=True)
    BOARDPACK = ap.parse_args().boardpack
    soffice = shutil.which("soffice")

    tmp = tempfile.mkdtemp(prefix="bp-returns-")
    plan = os.path.join(tmp, "plan.boardpack")
    out = os.path.join(tmp, "requests")
    run(["sample", plan])
    p = run(["requests", plan, "-o", out, "--meeting", MEETING])
    k = keys(p.stdout)
    check(k.get("requests.written") == str(len(os.listdir(out))), "the report counts the workbooks")
    check_workbooks(plan, out)
    again = run(["requests", plan, "-o", out, "--meeting", MEETING], expect=73)
    check("already exists" in again.stderr, "requests never overwrite a workbook")
    check(sql(plan, "SELECT count(*) FROM update_request")[0][0] == int(k["requests.written"]),
          "a refused run records nothing")

    files = {name.split(" - ", 1)[1][:-5]: os.path.join(out, name) for name in os.listdir(out)}
    marcus, harriet, ruth = files["Marcus Okafor"], files["Harriet Castell"], files["Ruth Adeyemi"]
    wb = openpyxl.load_workbook(marcus)
    m_refs = list(action_rows(owner_sheet(wb)))
    wb = openpyxl.load_workbook(harriet)
    h_refs = list(action_rows(owner_sheet(wb)))
    wb = openpyxl.load_workbook(ruth)
    r_refs = list(action_rows(owner_sheet(wb)))

    # A batch with bad cells in two of its returns: nothing is merged.
    bad = os.path.join(tmp, "bad")
    os.mkdir(bad)
    bad_m = os.path.join(bad, "marcus.xlsx")
    bad_h = os.path.join(bad, "harriet.xlsx")
    fill(marcus, {m_refs[0]: {"New RAG": "Greenish", "Progress this period": "Went well."},
                  m_refs[1]: {"Revised due date": datetime.datetime(2026, 3, 31)},
                  m_refs[2]: {"Revised due date": "soon", "Reason for new date": "Staffing"}},
         bad_m)
    wb = openpyxl.load_workbook(harriet)
    ws = owner_sheet(wb)
    ws.cell(HEADER_ROW + 1, 1).value = r_refs[0]  # a Ref that is not Harriet's
    ws.cell(HEADER_ROW + 1, columns(ws)["Progress this period"]).value = "Done."
    wb.save(bad_h)
    before = sha(plan)
    p = run(["import", plan, bad_m, bad_h, "--kind", "returns"], expect=65)
    sheet_m = "%s:Marcus Okafor:" % bad_m
    check("%s%d: cell F%d: “Greenish” is not a status" % (sheet_m, HEADER_ROW + 1, HEADER_ROW + 1)
          in p.stderr, "an unknown status word is named by file, sheet, row and cell")
    check("%s%d: a revised due date" % (sheet_m, HEADER_ROW + 2) in p.stderr,
          "a revised date without its reason is refused")
    check("%s%d: cell I%d: “soon” is not a date" % (sheet_m, HEADER_ROW + 3, HEADER_ROW + 3)
          in p.stderr, "a date that is not a date is refused")
    check("%s:Harriet Castell:%d: %s is not one of the actions this request asked Harriet Castell"
          % (bad_h, HEADER_ROW + 1, r_refs[0]) in p.stderr, "a Ref that is not the owner's is refused")
    check("4 problems in the returns: nothing was merged" in p.stderr, "every problem is listed")
    check(sha(plan) == before, "a refused batch leaves the file as it was")

    # Not returns: an arbitrary workbook, a CSV.
    fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures",
                           "workbooks", "plan.xlsx")
    if os.path.exists(fixture):
        p = run(["import", plan, fixture, "--kind", "returns"], expect=65)
        check("not a Boardpack update request" in p.stderr, "an arbitrary workbook is refused")
    csv = os.path.join(tmp, "return.csv")
    with open(csv, "w") as f:
        f.write("Ref,New RAG\n1.1,Green\n")
    p = run(["import", plan, csv, "--kind", "returns"], expect=65)
    check("not a workbook" in p.stderr, "a CSV is refused as a return")
    check(sha(plan) == before, "and nothing is written")

    # Someone updates one of Ruth's actions after the request was made.
    run(["update", plan, r_refs[1], "--rag", "A", "--note", "Update from the programme office.",
         "--by", "Programme office", "--date", "2025-06-20"])

    # The returns: Marcus and Harriet filled by openpyxl, Ruth's saved
    # again by LibreOffice after openpyxl filled it.
    fill(marcus, {m_refs[0]: {"New RAG": "Amber", "Progress this period": "Recruitment slipped.",
                              "Next steps": "Interviews in July.",
                              "Asks of the board": "Agree the interim cover."},
                  m_refs[1]: {"New RAG": "Green", "Progress this period": "On track.",
                              "Revised due date": datetime.datetime(2026, 3, 31),
                              "Reason for new date": "The DfE moved the deadline."},
                  m_refs[3]: {"New RAG": "complete"}})
    fill(harriet, {h_refs[0]: {"New RAG": "Red", "Progress this period": "Stalled."}})
    fill(ruth, {r_refs[0]: {"New RAG": "Green", "Progress this period": "Done the audit."},
                r_refs[1]: {"New RAG": "Red", "Progress this period": "Funding withdrawn."}})
    if soffice is None:
        print("FAIL: soffice is not installed (libreoffice-calc-nogui)")
        return 1
    lo_dir = os.path.join(tmp, "lo")
    profile = "file://" + os.path.join(tmp, "lo-profile")
    subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless", "--norestore",
                    "--convert-to", "xlsx", "--outdir", lo_dir, ruth],
                   check=True, capture_output=True, timeout=300)
    ruth_lo = os.path.join(lo_dir, os.path.basename(ruth))
    check(os.path.exists(ruth_lo), "LibreOffice saved Ruth's return again")

    n_updates = sql(plan, "SELECT count(*) FROM progress_update")[0][0]
    held_rag = sql(plan, "SELECT rag FROM action WHERE ref = ?", r_refs[1])[0][0]
    p = run(["import", plan, marcus, harriet, ruth_lo, "--kind", "returns", "--date", "2025-06-25"])
    k = keys(p.stdout)
    check(k["returns.files"] == "3", "three returns read")
    check(k["returns.applied"] == "5" and k["updates.added"] == "5",
          "five rows merged as five updates: %s" % k)
    check(k["returns.conflicts"] == "1" and "conflict: %s has had an update since the request"
          % r_refs[1] in p.stderr, "the action updated since the request is a conflict")
    check(k["actions.dates_revised"] == "1", "one revised date")
    check(int(k["returns.blank"]) == len(m_refs) + len(h_refs) + len(r_refs) - 6,
          "rows left blank are no return: %s" % k["returns.blank"])
    check(sql(plan, "SELECT count(*) FROM progress_update")[0][0] == n_updates + 5,
          "the file has five more updates")
    rows = sql(plan, "SELECT a.ref, u.author, u.rag, u.commentary, u.next_steps, u.asks, u.date"
                     " FROM progress_update u JOIN action a ON a.id = u.action_id"
                     " WHERE u.date = '2025-06-25' ORDER BY a.ref")
    authors = {r[0]: r[1] for r in rows}
    check(authors.get(m_refs[0]) == "Marcus Okafor" and authors.get(h_refs[0]) == "Harriet Castell"
          and authors.get(r_refs[0]) == "Ruth Adeyemi", "the updates are by their owners")
    first = next(r for r in rows if r[0] == m_refs[0])
    check(first[2:6] == ("A", "Recruitment slipped.", "Interviews in July.",
                         "Agree the interim cover."), "RAG, commentary, next steps and asks kept")
    check(sql(plan, "SELECT rag, percent FROM action WHERE ref = ?", m_refs[3])[0] == ("B", 100),
          "“complete” makes the action Blue")
    check(sql(plan, "SELECT revised_due_date, revised_reason FROM action WHERE ref = ?", m_refs[1])[0]
          == ("2026-03-31", "The DfE moved the deadline."), "the revised date and its reason")
    check(sql(plan, "SELECT rag FROM action WHERE ref = ?", r_refs[1])[0][0] == held_rag
          and not [r for r in rows if r[0] == r_refs[1]], "the conflict's row was not applied")

    # The same returns again: nothing changes.
    before = sql(plan, "SELECT count(*), max(id) FROM audit")[0]
    p = run(["import", plan, marcus, harriet, ruth_lo, "--kind", "returns"])
    k = keys(p.stdout)
    check(k["returns.applied"] == "0" and k["returns.already_there"] == "5"
          and k["returns.conflicts"] == "1",
          "importing the same returns again changes nothing: %s" % k)
    check(sql(plan, "SELECT count(*), max(id) FROM audit")[0] == before,
          "not even the audit log")

    # The conflict, accepted.
    p = run(["import", plan, ruth_lo, "--kind", "returns", "--accept-newer", "--date", "2025-06-26"])
    k = keys(p.stdout)
    check(k["returns.applied"] == "1" and k["updates.added"] == "1",
          "--accept-newer merges the held row: %s" % k)
    check(sql(plan, "SELECT u.rag, u.author FROM progress_update u JOIN action a"
                    " ON a.id = u.action_id WHERE a.ref = ? AND u.date = '2025-06-26'", r_refs[1])
          == [("R", "Ruth Adeyemi")], "and the action has Ruth's update")

    # A return answering a request of another programme's file.
    other = os.path.join(tmp, "other.boardpack")
    run(["sample", other])
    p = run(["import", other, marcus, "--kind", "returns"], expect=65)
    check("the request it answers is not in" in p.stderr, "a return to another file is refused")

    p = run(["requests", plan, "--status", "--meeting", MEETING])
    k = keys(p.stdout)
    check(k["requests.returned"] == "3"
          and int(k["requests.asked"]) == int(k["requests.outstanding"]) + 3,
          "the tracker counts three returned: %s" % k)
    check("returned: Marcus Okafor (3 of" in p.stdout and "to_chase: Priya Raman" in p.stdout,
          "and says who is still to send theirs")

    # Welsh and bilingual requests: headings, sheet names and status words
    # in the workbook's language, read back as the English ones are.
    for lang, word, rag, sheet, ref_heading in (
            ("cy", "Gwyrdd", "G", "Cyfarwyddiadau", "Cyf"),
            ("bilingual", "Coch / Red", "R", "Cyfarwyddiadau - Instructions", "Cyf / Ref")):
        plan_l = os.path.join(tmp, "plan-%s.boardpack" % lang)
        out_l = os.path.join(tmp, "requests-" + lang)
        run(["sample", plan_l])
        run(["requests", plan_l, "-o", out_l, "--meeting", MEETING, "--owner", "harriet castell",
             "--language", lang])
        path = os.path.join(out_l, os.listdir(out_l)[0])
        wb = openpyxl.load_workbook(path)
        ws = owner_sheet(wb)
        check(wb.sheetnames[0] == sheet and ws.cell(HEADER_ROW, 1).value == ref_heading,
              "a %s request: sheets %s, first heading %s" % (lang, wb.sheetnames,
                                                              ws.cell(HEADER_ROW, 1).value))
        ref = ws.cell(HEADER_ROW + 1, 1).value
        ws.cell(HEADER_ROW + 1, 6).value = word
        ws.cell(HEADER_ROW + 1, 7).value = "Cynnydd da."
        wb.save(path)
        p = run(["import", plan_l, path, "--kind", "returns", "--date", "2025-06-30"])
        check(keys(p.stdout)["updates.added"] == "1"
              and sql(plan_l, "SELECT u.rag FROM progress_update u JOIN action a"
                              " ON a.id = u.action_id WHERE a.ref = ? AND u.date = '2025-06-30'",
                      ref) == [(rag,)], "a %s return's “%s” is read as %s" % (lang, word, rag))

    shutil.rmtree(tmp)
    print("%d failure(s)" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
