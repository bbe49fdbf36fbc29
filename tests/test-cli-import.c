/* test-cli-import.c: `boardpack import`, run as a user would. */
#include <string.h>

#include "bp-run-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };

  f->dir = bp_test_tmpdir ();
  f->path = g_build_filename (f->dir, "plan.boardpack", NULL);
  run (&r, "new", f->path, "--title", "Import test", NULL);
  g_assert_cmpint (r.status, ==, 0);

  /* The verb must be in the dispatcher's table. */
  run (&r, "import", "--help", NULL);
  if (r.status != 0 || strstr (r.out, "--dry-run") == NULL)
    g_error ("`boardpack import` is not wired into src/cli/bp-cli.c: %s", r.err);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  bp_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The value of "key: value" in a report or check's output, or -1. */
static int
value_of (const char *out, const char *key)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  gsize len = strlen (key);

  for (guint i = 0; lines[i]; i++)
    if (strncmp (lines[i], key, len) == 0 && lines[i][len] == ':')
      return atoi (lines[i] + len + 1);
  return -1;
}

static int
count_lines (const char *text)
{
  int n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

static void
test_plan (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = fixture ("plan-messy.csv");
  g_autofree char *warning = g_strdup_printf (
    "%s:4: warning: the header is on row 4: the 2 row(s) above it were skipped\n", csv);
  g_auto (Run) r = { 0 };

  run (&r, "import", f->path, csv, "--date", "2025-06-30", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.err, ==, warning);
  g_assert_true (g_str_has_prefix (r.out, "source: "));
  g_assert_nonnull (strstr (r.out, "\nkind: actions\n"));
  g_assert_cmpint (value_of (r.out, "rows"), ==, 10);
  g_assert_cmpint (value_of (r.out, "actions.created"), ==, 8);
  g_assert_cmpint (value_of (r.out, "priorities.created"), ==, 4);
  g_assert_cmpint (value_of (r.out, "people.created"), ==, 6);
  g_assert_cmpint (value_of (r.out, "organisations.created"), ==, 3);
  g_assert_cmpint (value_of (r.out, "updates.added"), ==, 6);
  g_assert_cmpint (value_of (r.out, "errors"), ==, 0);
  g_assert_nonnull (strstr (r.out, "\nwritten: yes\n"));

  run (&r, "check", f->path, "--as-of", "2025-06-30", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (value_of (r.out, "actions"), ==, 8);
  g_assert_cmpint (value_of (r.out, "actions.blue"), ==, 1);
  g_assert_cmpint (value_of (r.out, "actions.red"), ==, 1);
  g_assert_cmpint (value_of (r.out, "actions.not_started"), ==, 1);
  g_assert_cmpint (value_of (r.out, "updates"), ==, 6);

  /* Again: nothing new. */
  run (&r, "import", f->path, csv, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (value_of (r.out, "actions.created"), ==, 0);
  g_assert_cmpint (value_of (r.out, "actions.unchanged"), ==, 8);
  g_assert_cmpint (value_of (r.out, "updates.added"), ==, 0);
  g_assert_cmpint (value_of (r.out, "updates.already_there"), ==, 6);
  run (&r, "check", f->path, NULL);
  g_assert_cmpint (value_of (r.out, "actions"), ==, 8);
  g_assert_cmpint (value_of (r.out, "updates"), ==, 6);
}

static void
test_dry_run (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = fixture ("plan-messy.csv");
  g_autofree char *sum = bp_test_file_sum (f->path);
  g_autofree char *sum_after = NULL;
  g_auto (Run) r = { 0 };

  run (&r, "import", f->path, csv, "--dry-run", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (value_of (r.out, "actions.created"), ==, 8);
  g_assert_nonnull (strstr (r.out, "\nwritten: no (dry run)\n"));
  sum_after = bp_test_file_sum (f->path);
  g_assert_cmpstr (sum, ==, sum_after);
  run (&r, "check", f->path, NULL);
  g_assert_cmpint (value_of (r.out, "actions"), ==, 0);
}

static void
test_bad_data (Fixture *f, gconstpointer data)
{
  static const char *const expected[] = {
    "2: Due: “31/02/2025” is not a date: February 2025 has 28 days",
    "3: RAG: “Purple” is not a RAG status (R, A, G, B or the words: Red / Off track, Amber / At "
    "risk, Green / On track, Blue / Complete, Not started)",
    "4: Action: empty; a new action needs its title",
    "5: % Complete: “150” is not a percentage from 0 to 100",
    "6: Ref: empty; every action needs its reference",
  };
  g_autofree char *csv = fixture ("bad-several.csv");
  g_autofree char *sum = bp_test_file_sum (f->path);
  g_autofree char *sum_after = NULL;
  g_autofree char *last = NULL;
  g_auto (Run) r = { 0 };

  run (&r, "import", f->path, csv, NULL);
  g_assert_cmpint (r.status, ==, 65);
  g_assert_cmpstr (r.out, ==, "");
  /* Every error on stderr as SOURCE:LINE: message, then the summary. */
  for (gsize i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *line = g_strdup_printf ("%s:%s\n", csv, expected[i]);

      if (strstr (r.err, line) == NULL)
        g_error ("missing on stderr: %s\nstderr:\n%s", line, r.err);
    }
  last = g_strdup_printf ("%s: 5 errors; nothing was imported\n", csv);
  g_assert_true (g_str_has_suffix (r.err, last));
  g_assert_cmpint (count_lines (r.err), ==, 6);
  sum_after = bp_test_file_sum (f->path);
  g_assert_cmpstr (sum, ==, sum_after);
}

static void
test_malformed_csv (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = fixture ("bad-unterminated.csv");
  g_autofree char *line = NULL;
  g_autofree char *sum = bp_test_file_sum (f->path);
  g_autofree char *sum_after = NULL;
  g_auto (Run) r = { 0 };

  run (&r, "import", f->path, csv, NULL);
  g_assert_cmpint (r.status, ==, 65);
  line = g_strdup_printf ("%s:3: a quoted cell (column 2) is never closed", csv);
  g_assert_true (g_str_has_prefix (r.err, line));
  g_assert_cmpint (count_lines (r.err), ==, 2);
  sum_after = bp_test_file_sum (f->path);
  g_assert_cmpstr (sum, ==, sum_after);
}

static void
test_exit_codes (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = fixture ("plan-lf.csv");
  g_autofree char *missing_file = g_build_filename (f->dir, "nope.boardpack", NULL);
  g_autofree char *sum = NULL;
  g_autofree char *sum_after = NULL;
  g_auto (Run) r = { 0 };

  /* Usage: 64, with a message on stderr. */
  run (&r, "import", f->path, NULL);
  g_assert_cmpint (r.status, ==, 64);
  g_assert_nonnull (strstr (r.err, "expected 2 arguments"));
  run (&r, "import", f->path, csv, "--kind", "bananas", NULL);
  g_assert_cmpint (r.status, ==, 64);
  g_assert_nonnull (strstr (r.err, "--kind “bananas”"));
  run (&r, "import", f->path, csv, "--date", "31/12/2025", NULL);
  g_assert_cmpint (r.status, ==, 64);
  run (&r, "import", f->path, csv, "--map", "Ref=colour", NULL);
  g_assert_cmpint (r.status, ==, 64);
  g_assert_nonnull (strstr (r.err, "“colour” is not a field of actions"));
  run (&r, "import", f->path, csv, "--map", "Ref", NULL);
  g_assert_cmpint (r.status, ==, 64);
  run (&r, "import", f->path, csv, "--bogus", NULL);
  g_assert_cmpint (r.status, ==, 64);

  /* A --map naming a column the file lacks is the data's problem: 65. */
  run (&r, "import", f->path, csv, "--map", "Lead Officer=owner", NULL);
  g_assert_cmpint (r.status, ==, 65);
  g_assert_nonnull (strstr (r.err, "--map: there is no column “Lead Officer”"));

  /* Missing source, missing file: 66. */
  run (&r, "import", f->path, "/nonexistent/plan.csv", NULL);
  g_assert_cmpint (r.status, ==, 66);
  g_assert_cmpstr (r.err, ==, "/nonexistent/plan.csv: no such file\n");
  run (&r, "import", missing_file, csv, NULL);
  g_assert_cmpint (r.status, ==, 66);

  /* A read-only file: 73, and left as it was. */
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  sum = bp_test_file_sum (f->path);
  run (&r, "import", f->path, csv, NULL);
  g_assert_cmpint (r.status, ==, 73);
  g_assert_nonnull (strstr (r.err, "not writable"));
  run (&r, "import", f->path, csv, "--dry-run", NULL);
  g_assert_cmpint (r.status, ==, 73);
  sum_after = bp_test_file_sum (f->path);
  g_assert_cmpstr (sum, ==, sum_after);
  g_chmod (f->path, 0644);

  run (&r, "import", f->path, csv, NULL);
  g_assert_cmpint (r.status, ==, 0);
}

static void
test_kinds (Fixture *f, gconstpointer data)
{
  g_autofree char *plan = fixture ("plan-messy.csv");
  g_autofree char *risks = fixture ("risks.csv");
  g_autofree char *wide = fixture ("scorecard-wide.csv");
  g_autofree char *updates = fixture ("updates.csv");
  g_auto (Run) r = { 0 };

  run (&r, "import", f->path, risks, "--kind", "risks", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (value_of (r.out, "risks.created"), ==, 3);
  g_assert_cmpint (value_of (r.out, "mitigations.added"), ==, 6);

  run (&r, "import", f->path, wide, "--kind", "measures", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (value_of (r.out, "measures.created"), ==, 8);
  g_assert_cmpint (value_of (r.out, "values.created"), ==, 24);
  g_assert_cmpint (value_of (r.out, "values.without_figure"), ==, 2);

  run (&r, "import", f->path, plan, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run (&r, "import", f->path, updates, "--kind", "updates", "--date", "2025-07-20", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (value_of (r.out, "updates.added"), ==, 3);

  run (&r, "check", f->path, NULL);
  g_assert_cmpint (value_of (r.out, "risks"), ==, 3);
  g_assert_cmpint (value_of (r.out, "measures"), ==, 8);
  g_assert_cmpint (value_of (r.out, "updates"), ==, 9);
}

static void
test_dfe (Fixture *f, gconstpointer data)
{
  g_autofree char *csv = g_test_build_filename (G_TEST_DIST, "fixtures", "dfe", "sen2_mi.csv",
                                                NULL);
  g_auto (Run) r = { 0 };

  g_assert_true (g_file_test (csv, G_FILE_TEST_IS_REGULAR));
  run (&r, "import", f->path, csv, "--kind", "measures", "--map", "la_name=measure", "--map",
       "region_name=measure", "--map", "country_name=measure", "--map", "time_period=period",
       "--map", "inc_exc_20week_rate=value", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpint (value_of (r.out, "rows"), ==, 1456);
  g_assert_cmpint (value_of (r.out, "measures.created"), ==, 165);
  g_assert_cmpint (value_of (r.out, "values.created"), ==, 1456);
  g_assert_cmpint (value_of (r.out, "values.without_figure"), ==, 79);
  /* The other 80-odd columns: one warning line naming them. */
  g_assert_cmpint (count_lines (r.err), ==, 1);
  g_assert_nonnull (strstr (r.err, "warning: columns not recognised, ignored: “time_identifier”"));
  {
    g_autofree char *v = bp_test_sql_text (
      f->path, "SELECT v.value FROM measure_value v JOIN measure m ON m.id = v.measure_id"
               " WHERE m.title = 'Kirklees' AND v.period = '2014'");

    g_assert_cmpstr (v, ==, "85.7");
  }
}

static char *
workbook (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "workbooks", name, NULL);
}

/* A council's plan as Excel and LibreOffice save it: a cover sheet, title
 * rows above the header, priority areas as merged section rows, real
 * dates and percents. */
static void
test_workbook (Fixture *f, gconstpointer data)
{
  static const char *const names[] = { "plan.xlsx", "plan.ods", "plan-lo.xlsx" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = workbook (names[i]);
      g_autofree char *warning = g_strdup_printf (
        "%s:Action Plan:4: warning: the header is on row 4: the 2 row(s) above it were skipped\n",
        path);
      g_autofree char *source = g_strdup_printf ("source: %s:Action Plan\n", path);
      g_autofree char *titles = NULL, *due = NULL, *percent = NULL, *owner = NULL;
      g_auto (Run) r = { 0 };

      g_test_message ("%s", names[i]);
      g_unlink (f->path);
      run (&r, "new", f->path, NULL);
      g_assert_cmpint (r.status, ==, 0);
      run (&r, "import", f->path, path, "--date", "2026-11-30", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpstr (r.err, ==, warning);
      g_assert_true (g_str_has_prefix (r.out, source));
      g_assert_cmpint (value_of (r.out, "rows"), ==, 5);
      g_assert_cmpint (value_of (r.out, "rows.headings"), ==, 2);
      g_assert_cmpint (value_of (r.out, "actions.created"), ==, 3);
      g_assert_cmpint (value_of (r.out, "priorities.created"), ==, 2);
      g_assert_cmpint (value_of (r.out, "updates.added"), ==, 3);

      titles = bp_test_sql_text (
        f->path, "SELECT group_concat(code || ' ' || title, '; ') FROM "
                 "(SELECT code, title FROM priority ORDER BY position)");
      g_assert_cmpstr (titles, ==, "P1 Leadership and Governance; P2 Early Identification");
      due = bp_test_sql_text (f->path, "SELECT group_concat(due_date, ' ') FROM "
                                       "(SELECT due_date FROM action ORDER BY ref)");
      g_assert_cmpstr (due, ==, "2026-12-31 2027-03-31 2026-03-19");
      percent = bp_test_sql_text (f->path, "SELECT group_concat(percent, ' ') FROM "
                                           "(SELECT percent FROM action ORDER BY ref)");
      g_assert_cmpstr (percent, ==, "50 25 10");
      owner = bp_test_sql_text (f->path, "SELECT p.name FROM action a JOIN person p ON "
                                         "p.id = a.owner_id WHERE a.ref = '2.1'");
      g_assert_cmpstr (owner, ==, "Dr A. Jones");

      /* The same workbook again changes nothing. */
      run (&r, "import", f->path, path, "--date", "2026-11-30", NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_cmpint (value_of (r.out, "actions.created"), ==, 0);
      g_assert_cmpint (value_of (r.out, "actions.unchanged"), ==, 3);
      g_assert_cmpint (value_of (r.out, "updates.added"), ==, 0);
    }
}

/* Whatever is wrong with a workbook, the file is left as it was and the
 * message says where and what to do. */
static void
test_workbook_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *plan = workbook ("plan.xlsx");
  g_autofree char *errors = workbook ("errors.xlsx");
  g_autofree char *xls = workbook ("plan.xls");
  g_autofree char *zip = workbook ("not-a-workbook.zip");
  g_autofree char *renamed = g_build_filename (f->dir, "plan.xlsx", NULL);
  g_autofree char *csv = fixture ("plan-messy.csv");
  g_autofree char *csv_text = NULL;
  g_autofree char *sum = bp_test_file_sum (f->path);
  struct
  {
    const char *source, *sheet, *expected;
  } cases[] = {
    { errors, NULL, ":Plan:2: cell B2: its formula gives the error #REF!; correct it and save again\n" },
    { errors, NULL, ":Plan:3: cell B3 holds text that a spreadsheet would run as a formula "
                    "(“=HYPERLINK(\"http://examp”): remove the leading “=” and save again\n" },
    { errors, NULL, ":Plan: 2 errors; nothing was imported\n" },
    { plan, "Nope", ": --sheet “Nope”: the workbook has no such sheet (its sheets: “Cover”, "
                    "“Action Plan”)\n" },
    { plan, "cover", ":Cover:1: no column for the reference" },
    { xls, NULL, ": this is an old Excel 97–2003 workbook (.xls), which is not read: open it in "
                 "Excel or LibreOffice and save it as an Excel workbook (.xlsx) or as CSV, then "
                 "import that\n" },
    { zip, NULL, ": a zip archive that holds no workbook" },
    { renamed, NULL, ": the name says workbook, but this is not one" },
  };
  gsize len;

  g_assert_true (g_file_get_contents (csv, &csv_text, &len, NULL));
  g_assert_true (g_file_set_contents (renamed, csv_text, (gssize) len, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = g_strconcat (cases[i].source, cases[i].expected, NULL);
      g_autofree char *sum_after = NULL;
      g_auto (Run) r = { 0 };

      if (cases[i].sheet)
        run (&r, "import", f->path, cases[i].source, "--sheet", cases[i].sheet, NULL);
      else
        run (&r, "import", f->path, cases[i].source, NULL);
      g_assert_cmpint (r.status, ==, 65);
      if (strstr (r.err, expected) == NULL)
        g_error ("missing on stderr: %s\nstderr:\n%s", expected, r.err);
      sum_after = bp_test_file_sum (f->path);
      g_assert_cmpstr (sum, ==, sum_after);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) \
  g_test_add ("/cli/import/" name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("plan", test_plan);
  ADD ("dry-run", test_dry_run);
  ADD ("bad-data", test_bad_data);
  ADD ("malformed-csv", test_malformed_csv);
  ADD ("exit-codes", test_exit_codes);
  ADD ("kinds", test_kinds);
  ADD ("dfe", test_dfe);
  ADD ("workbook", test_workbook);
  ADD ("workbook-refused", test_workbook_refused);
#undef ADD

  return g_test_run ();
}
