/* test-workbook.c: reading .xlsx and .ods sheets (bp-workbook.c), from the
 * workbooks in tests/fixtures/workbooks (see make-workbooks.py there). */
#include <gsf/gsf.h>
#include <string.h>

#include "bp-workbook.h"
#include "bp-test-util.h"

/* libgsf has none of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfOutfile, g_object_unref)

static GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "workbooks", name, NULL);
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

/* A sheet as text: "ROW: cell|cell|…" a line (a line break in a cell
 * written \n, a tab \t), then "! ROW E|W message" for
 * each problem, in the order they came. */
typedef struct
{
  GString *out;
  int stop_after;
} Grid;

static gboolean
grid_record_cb (const BpCsvRecord *rec, gpointer user_data)
{
  Grid *g = user_data;

  g_string_append_printf (g->out, "%d:", rec->row);
  for (guint i = 0; i < rec->n_cells; i++)
    {
      g_string_append_c (g->out, i ? '|' : ' ');
      for (const char *p = rec->cells[i]; *p; p++)
        {
          if (*p == '\n')
            g_string_append (g->out, "\\n");
          else if (*p == '\t')
            g_string_append (g->out, "\\t");
          else
            g_string_append_c (g->out, *p);
        }
    }
  g_string_append_c (g->out, '\n');
  return --g->stop_after != 0;
}

static void
grid_problem_cb (int row, gboolean is_error, const char *message, gpointer user_data)
{
  Grid *g = user_data;

  g_string_append_printf (g->out, "! %d %c %s\n", row, is_error ? 'E' : 'W', message);
}

static char *
read_grid (BpWorkbook *wb, guint index, int stop_after, BpCsvInfo *info)
{
  static const BpCsvCallbacks callbacks = { grid_record_cb, grid_problem_cb };
  Grid g = { g_string_new (NULL), stop_after };

  bp_workbook_read_sheet (wb, index, &callbacks, &g, info);
  return g_string_free (g.out, FALSE);
}

static BpWorkbook *
open_fixture (const char *name)
{
  g_autoptr (GBytes) bytes = fixture_bytes (name);
  g_autoptr (GError) error = NULL;
  BpWorkbook *wb = bp_workbook_open (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (wb);
  return wb;
}

/* The line of @grid for @row. */
static char *
grid_row (const char *grid, int row)
{
  g_autofree char *prefix = g_strdup_printf ("%d:", row);
  g_auto (GStrv) lines = g_strsplit (grid, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return g_strdup (lines[i]);
  return NULL;
}

#define assert_row(grid, row, text)                                                                \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_autofree char *line_ = grid_row (grid, row);                                                 \
    g_assert_cmpstr (line_, ==, text);                                                             \
  }                                                                                                \
  G_STMT_END

static void
test_cells (void)
{
  g_autoptr (BpWorkbook) wb = open_fixture ("cells.xlsx");
  BpCsvInfo info = { 0 };
  g_autofree char *grid = read_grid (wb, 0, -1, &info);

  assert_row (grid, 1, "1: Ref|Kind|Value");
  assert_row (grid, 2, "2: 1|inline|inline runs");
  /* Runs of rich text joined, the phonetic guide left out. */
  assert_row (grid, 3, "3: 2|shared|Rich text");
  /* _x000D_ (a carriage return) dropped, _x0009_ a tab. */
  assert_row (grid, 4, "4: 3|escapes|one\\ntwo\\tthree");
  assert_row (grid, 5, "5: 4|number|1234.5");
  assert_row (grid, 6, "6: 5|whole|42");
  assert_row (grid, 7, "7: 6|boolean|TRUE");
  /* A serial number under a date format is a day; 45747 is 31 Mar 2025. */
  assert_row (grid, 8, "8: 7|date|2025-03-31");
  assert_row (grid, 9, "9: 8|date words|2025-12-31");
  assert_row (grid, 10, "10: 9|percent|45%");
  assert_row (grid, 11, "11: 10|percent own|12.5%");
  /* A formula gives its cached value. */
  assert_row (grid, 12, "12: 11|formula|Red");
  assert_row (grid, 13, "13: 12|formula number|24");
  assert_row (grid, 14, "14: 13|iso date|2027-01-15");
  assert_row (grid, 15, "15: 14|spaces|  spaced  ");
  /* Row 16 is not in the sheet: no record for it. */
  g_assert_null (grid_row (grid, 16));
  assert_row (grid, 17, "17: 16|no refs|third");
  /* A time of day and an amount of money are numbers, not days. */
  assert_row (grid, 18, "18: 17|time|0.5");
  assert_row (grid, 19, "19: 18|money|1500");
  /* C20:C22 merged: its value fills the rows it covers. */
  assert_row (grid, 20, "20: 19||Priority 2: Merged down");
  assert_row (grid, 21, "21: 20||Priority 2: Merged down");
  assert_row (grid, 22, "22: 21||Priority 2: Merged down");
  g_assert_null (strstr (grid, "! "));
  g_assert_cmpint (info.n_errors, ==, 0);
  g_assert_cmpint (info.n_records, ==, 21);
  g_assert_cmpint (info.n_rows, ==, 22);
}

static void
test_sheets (void)
{
  g_autoptr (BpWorkbook) wb = open_fixture ("cells.xlsx");

  g_assert_cmpuint (bp_workbook_get_n_sheets (wb), ==, 3);
  g_assert_cmpstr (bp_workbook_get_sheet_name (wb, 0), ==, "Cells");
  g_assert_cmpstr (bp_workbook_get_sheet_name (wb, 1), ==, "Hidden");
  g_assert_false (bp_workbook_get_sheet_hidden (wb, 0));
  g_assert_true (bp_workbook_get_sheet_hidden (wb, 1));
  g_assert_false (bp_workbook_get_sheet_hidden (wb, 2));
  g_assert_cmpint (bp_workbook_find_sheet (wb, "second"), ==, 2);
  g_assert_cmpint (bp_workbook_find_sheet (wb, "CELLS"), ==, 0);
  g_assert_cmpint (bp_workbook_find_sheet (wb, "Sheet1"), ==, -1);
  {
    g_autofree char *grid = read_grid (wb, 2, -1, NULL);

    g_assert_cmpstr (grid, ==, "1: second sheet\n");
  }
  {
    /* A reader that says stop is given nothing more. */
    g_autofree char *grid = read_grid (wb, 0, 2, NULL);

    g_assert_cmpstr (grid, ==, "1: Ref|Kind|Value\n2: 1|inline|inline runs\n");
  }
}

static void
test_dates (void)
{
  g_autoptr (BpWorkbook) mac = open_fixture ("dates1904.xlsx");
  g_autoptr (BpWorkbook) pc = open_fixture ("dates1900.xlsx");
  g_autofree char *grid1904 = read_grid (mac, 0, -1, NULL);
  g_autofree char *grid1900 = read_grid (pc, 0, -1, NULL);

  /* The 1904 system counts from 1 Jan 1904: 44285 is 31 Mar 2025 there. */
  g_assert_cmpstr (grid1904, ==, "1: 1904-01-01|2025-03-31\n");
  /* The 1900 system counts 29 Feb 1900, a day that never was, as 60: the
   * days either side of it are right. */
  g_assert_cmpstr (grid1900, ==, "1: 1900-01-01|1900-02-28|1900-02-29|1900-03-01\n");
}

/* The plan as a council lays it out reads the same from Excel's format,
 * LibreOffice's own and LibreOffice's .xlsx. */
static void
test_plan_formats (void)
{
  static const char *const names[] = { "plan.xlsx", "plan.ods", "plan-lo.xlsx" };
  static const char expected[]
      = "1: Local Area SEND Improvement Plan\n"
        "2: Version 3, October 2026\n"
        "4: Ref|Action|Lead officer|Organisation|Due date|RAG|% complete|Update\n"
        "5: Priority 1: Leadership and Governance\n"
        "6: 1.1|Agree the partnership's SEND strategy|Jo Bloggs|Council|2026-12-31|Green|50%|"
        "Draft agreed at board\n"
        "7: 1.2|Publish the local offer|Sam Patel|ICB|2027-03-31|Amber|25%|Delayed by "
        "procurement\n"
        "8: Priority 2: Early Identification\n"
        "9: 2.1|Screen every two-year-old|Dr A. Jones|NHS Trust|2026-03-19||10%|Line one\\n"
        "Line two\n";

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr (BpWorkbook) wb = open_fixture (names[i]);
      int index = bp_workbook_find_sheet (wb, "Action Plan");
      g_autofree char *grid = NULL;

      g_test_message ("%s", names[i]);
      g_assert_cmpuint (bp_workbook_get_n_sheets (wb), ==, 2);
      g_assert_cmpint (index, ==, 1);
      grid = read_grid (wb, (guint) index, -1, NULL);
      g_assert_cmpstr (grid, ==, expected);
    }
}

static void
test_errors (void)
{
  g_autoptr (BpWorkbook) wb = open_fixture ("errors.xlsx");
  g_autoptr (BpWorkbook) damaged = open_fixture ("damaged-rows.xlsx");
  BpCsvInfo info = { 0 };
  g_autofree char *grid = read_grid (wb, 0, -1, &info);
  g_autofree char *damaged_grid = read_grid (damaged, 0, -1, NULL);

  g_assert_cmpint (info.n_errors, ==, 2);
  g_assert_nonnull (strstr (grid, "! 2 E cell B2: its formula gives the error #REF!"));
  g_assert_nonnull (strstr (grid, "! 3 E cell B3 holds text that a spreadsheet would run as a "
                                  "formula (“=HYPERLINK(\"http://examp”): remove the leading “=”"));
  g_assert_nonnull (strstr (damaged_grid, "! 2 E the sheet is damaged: row 2 comes after row 3"));
  /* Nothing after the damage is given as a row. */
  g_assert_null (grid_row (damaged_grid, 2));
}

static void
assert_refused (GBytes *bytes, const char *message_start)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpWorkbook) wb = bp_workbook_open (bytes, &error);

  g_assert_null (wb);
  g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
  if (!g_str_has_prefix (error->message, message_start))
    g_error ("“%s” does not begin “%s”", error->message, message_start);
}

/* An OLE compound file holding the streams an encrypted workbook has. */
static GBytes *
encrypted_workbook (void)
{
  g_autoptr (GsfOutput) memory = gsf_output_memory_new ();
  g_autoptr (GsfOutfile) ole = gsf_outfile_msole_new (memory);
  static const char *const streams[] = { "EncryptionInfo", "EncryptedPackage" };

  for (guint i = 0; i < G_N_ELEMENTS (streams); i++)
    {
      g_autoptr (GsfOutput) s = gsf_outfile_new_child (ole, streams[i], FALSE);
      guint8 filler[600];

      memset (filler, 0x5a, sizeof filler);
      g_assert_true (gsf_output_write (s, sizeof filler, filler));
      gsf_output_close (s);
    }
  gsf_output_close (GSF_OUTPUT (ole));
  return g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)),
                      (gsize) gsf_output_size (memory));
}

static void
test_refused (void)
{
  g_autoptr (GBytes) xls = fixture_bytes ("plan.xls");
  g_autoptr (GBytes) zip = fixture_bytes ("not-a-workbook.zip");
  g_autoptr (GBytes) encrypted = encrypted_workbook ();
  g_autoptr (GBytes) plan = fixture_bytes ("plan.xlsx");
  g_autoptr (GBytes) half = g_bytes_new_from_bytes (plan, 0, g_bytes_get_size (plan) / 2);

  g_assert_cmpint (bp_workbook_sniff (xls), ==, BP_SOURCE_OLE);
  g_assert_cmpint (bp_workbook_sniff (encrypted), ==, BP_SOURCE_OLE);
  g_assert_cmpint (bp_workbook_sniff (zip), ==, BP_SOURCE_ZIP);
  g_assert_cmpint (bp_workbook_sniff (plan), ==, BP_SOURCE_ZIP);
  assert_refused (xls, "this is an old Excel 97–2003 workbook (.xls), which is not read: open it "
                       "in Excel or LibreOffice and save it as an Excel workbook (.xlsx)");
  assert_refused (encrypted, "the workbook is protected by a password");
  assert_refused (zip, "a zip archive that holds no workbook");
  /* A workbook cut short (a download that stopped) is refused whole. */
  assert_refused (half, "the workbook is damaged");
}

static void
test_cell_name (void)
{
  static const struct
  {
    guint column;
    int row;
    const char *name;
  } cases[] = { { 0, 1, "A1" },    { 25, 9, "Z9" },    { 26, 10, "AA10" },
                { 701, 2, "ZZ2" }, { 702, 3, "AAA3" }, { 16383, 1048576, "XFD1048576" } };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = bp_workbook_cell_name (cases[i].column, cases[i].row);

      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/workbook/cells", test_cells);
  g_test_add_func ("/workbook/sheets", test_sheets);
  g_test_add_func ("/workbook/dates", test_dates);
  g_test_add_func ("/workbook/plan-formats", test_plan_formats);
  g_test_add_func ("/workbook/errors", test_errors);
  g_test_add_func ("/workbook/refused", test_refused);
  g_test_add_func ("/workbook/cell-name", test_cell_name);
  return g_test_run ();
}
