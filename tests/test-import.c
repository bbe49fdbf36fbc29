/* test-import.c: CSV reading, dates, and importing plans, risks, scorecards
 * and updates, all or nothing. */
#include <math.h>
#include <string.h>

#include "bp-csv.h"
#include "bp-dates.h"
#include "bp-import.h"
#include "bp-test-util.h"

/* ------------------------------------------------------------- fixtures */

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

typedef struct
{
  char *dir;
  char *path;
  BpDb *db;
  BpTestIds ids;
} Fixture;

static void
set_up_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = bp_test_tmpdir ();
  f->path = g_build_filename (f->dir, "plan.boardpack", NULL);
  f->db = bp_db_create (f->path, "Import test", &error);
  g_assert_no_error (error);
}

static void
set_up_small (Fixture *f, gconstpointer data)
{
  f->dir = bp_test_tmpdir ();
  f->path = g_build_filename (f->dir, "plan.boardpack", NULL);
  f->db = bp_test_small_programme (f->path, &f->ids);
}

static void
tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  bp_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* Every count a write could change, the audit log's included: equal
 * before and after proves the file was left as it was. */
static char *
file_counts (const char *path)
{
  static const char *const tables[] = { "priority", "action", "person", "organisation",
                                        "progress_update", "risk", "mitigation", "measure",
                                        "measure_value", "audit" };
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

      g_string_append_printf (s, "%s=%d ", tables[i], bp_test_sql_int (path, sql));
    }
  return g_string_free (s, FALSE);
}

/* Closes the file (SQLite moves the WAL into it) and opens it again, so
 * that its bytes on disk are all there is to compare. */
static void
reopen (Fixture *f)
{
  g_autoptr (GError) error = NULL;

  g_clear_object (&f->db);
  f->db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
}

static BpImport *
import_file (BpImportKind kind, const char *name)
{
  BpImport *imp = bp_import_new (kind);
  g_autofree char *path = fixture (name);

  bp_import_set_source_path (imp, path);
  bp_import_set_date (imp, "2025-06-30");
  return imp;
}

static BpImport *
import_text (BpImportKind kind, const char *name, const char *text)
{
  BpImport *imp = bp_import_new (kind);
  g_autoptr (GBytes) bytes = g_bytes_new (text, strlen (text));

  bp_import_set_source_bytes (imp, bytes, name);
  bp_import_set_date (imp, "2025-06-30");
  return imp;
}

static BpImportReport *
run_ok (BpImport *imp, BpDb *db, gboolean dry_run)
{
  g_autoptr (GError) error = NULL;
  BpImportReport *report = NULL;
  gboolean ok = bp_import_run (imp, db, dry_run, &report, &error);

  if (!ok)
    for (guint i = 0; report && i < report->errors->len; i++)
      g_printerr ("%s\n", ((BpImportMessage *) g_ptr_array_index (report->errors, i))->text);
  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_nonnull (report);
  g_assert_cmpint (report->n_errors, ==, 0);
  g_assert_true (report->written == !dry_run);
  return report;
}

static gboolean
has_message (GPtrArray *messages, const char *text)
{
  for (guint i = 0; i < messages->len; i++)
    if (g_str_equal (((BpImportMessage *) g_ptr_array_index (messages, i))->text, text))
      return TRUE;
  return FALSE;
}

static void
dump_messages (GPtrArray *messages)
{
  for (guint i = 0; i < messages->len; i++)
    g_printerr ("  %s\n", ((BpImportMessage *) g_ptr_array_index (messages, i))->text);
}

/* ------------------------------------------------------------ CSV reader */

typedef struct
{
  GPtrArray *records; /* GStrv */
  GArray *rows;
  GArray *lines;
  GPtrArray *problems; /* "row:E|W:message" */
} Collected;

static gboolean
collect_record_cb (const BpCsvRecord *rec, gpointer data)
{
  Collected *c = data;

  g_assert_cmpuint (g_strv_length (rec->cells), ==, rec->n_cells);
  g_ptr_array_add (c->records, g_strdupv (rec->cells));
  g_array_append_val (c->rows, rec->row);
  g_array_append_val (c->lines, rec->line);
  return TRUE;
}

static void
collect_problem_cb (int row, gboolean is_error, const char *message, gpointer data)
{
  Collected *c = data;

  g_ptr_array_add (c->problems, g_strdup_printf ("%d:%s:%s", row, is_error ? "E" : "W", message));
}

static void
collected_clear (Collected *c)
{
  g_clear_pointer (&c->records, g_ptr_array_unref);
  g_clear_pointer (&c->rows, g_array_unref);
  g_clear_pointer (&c->lines, g_array_unref);
  g_clear_pointer (&c->problems, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Collected, collected_clear)

static gboolean
read_csv (const char *data, gsize len, Collected *c, BpCsvInfo *info)
{
  static const BpCsvCallbacks callbacks = { collect_record_cb, collect_problem_cb };
  g_autoptr (GBytes) bytes = g_bytes_new (data, len);

  c->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  c->rows = g_array_new (FALSE, FALSE, sizeof (int));
  c->lines = g_array_new (FALSE, FALSE, sizeof (int));
  c->problems = g_ptr_array_new_with_free_func (g_free);
  return bp_csv_read (bytes, &callbacks, c, info);
}

#define CELL(c, r, i) (((char **) g_ptr_array_index ((c)->records, (r)))[(i)])

static void
test_csv_quoting (void)
{
  /* RFC 4180: delimiters, doubled quotes and line breaks inside quotes;
   * spaces around unquoted cells dropped, inside quotes kept; an empty
   * cell; the last record without a line end. */
  static const char text[] =
    "Ref,Action,Owner\n"
    "1.1,\"Agree the plan, then publish it\",\"Head of SEND\"\n"
    "1.2,\"Publish the \"\"Local Offer\"\"\",  Alice  \n"
    "1.3,\"Two\nlines\",\" kept \"\n"
    "1.4,,\"\"\n"
    "1.5,last,no newline";
  g_auto (Collected) c = { 0 };
  BpCsvInfo info;

  g_assert_true (read_csv (text, strlen (text), &c, &info));
  g_assert_cmpuint (c.records->len, ==, 6);
  g_assert_cmpstr (CELL (&c, 1, 1), ==, "Agree the plan, then publish it");
  g_assert_cmpstr (CELL (&c, 1, 2), ==, "Head of SEND");
  g_assert_cmpstr (CELL (&c, 2, 1), ==, "Publish the \"Local Offer\"");
  g_assert_cmpstr (CELL (&c, 2, 2), ==, "Alice");
  g_assert_cmpstr (CELL (&c, 3, 1), ==, "Two\nlines");
  g_assert_cmpstr (CELL (&c, 3, 2), ==, " kept ");
  g_assert_cmpstr (CELL (&c, 4, 1), ==, "");
  g_assert_cmpstr (CELL (&c, 4, 2), ==, "");
  g_assert_cmpstr (CELL (&c, 5, 2), ==, "no newline");
  /* Rows are the spreadsheet's: 1.4 is row 5, though it starts on text
   * line 6 after the two-line cell. */
  g_assert_cmpint (g_array_index (c.rows, int, 4), ==, 5);
  g_assert_cmpint (g_array_index (c.lines, int, 4), ==, 6);
  g_assert_cmpint (g_array_index (c.rows, int, 3), ==, 4);
  g_assert_cmpint (g_array_index (c.lines, int, 3), ==, 4);
  g_assert_cmpint (info.encoding, ==, BP_CSV_ENCODING_UTF8);
  g_assert_cmpint (info.delimiter, ==, ',');
  g_assert_cmpuint (c.problems->len, ==, 0);
}

static void
test_csv_line_ends (void)
{
  /* LF, CRLF and old Mac CR read the same; a CRLF inside a quoted cell
   * becomes a plain line break; blank lines count as rows. */
  static const char *const texts[] = {
    "A,B\n1,\"x\ny\"\n\n2,z\n",
    "A,B\r\n1,\"x\r\ny\"\r\n\r\n2,z\r\n",
    "A,B\r1,\"x\ry\"\r\r2,z\r",
  };

  for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_auto (Collected) c = { 0 };
      BpCsvInfo info;

      g_assert_true (read_csv (texts[t], strlen (texts[t]), &c, &info));
      g_assert_cmpuint (c.records->len, ==, 3);
      g_assert_cmpstr (CELL (&c, 1, 1), ==, "x\ny");
      g_assert_cmpstr (CELL (&c, 2, 0), ==, "2");
      g_assert_cmpint (g_array_index (c.rows, int, 2), ==, 4);
      g_assert_cmpint (g_array_index (c.lines, int, 2), ==, 5);
      g_assert_cmpint (info.n_rows, ==, 4);
    }
}

static void
test_csv_bom (void)
{
  static const char text[] = "\xEF\xBB\xBFRef,Action\n1.1,Caf\xC3\xA9\n";
  g_auto (Collected) c = { 0 };
  BpCsvInfo info;

  g_assert_true (read_csv (text, strlen (text), &c, &info));
  g_assert_true (info.had_bom);
  g_assert_cmpstr (CELL (&c, 0, 0), ==, "Ref");
  g_assert_cmpstr (CELL (&c, 1, 1), ==, "Café");
  g_assert_cmpuint (c.problems->len, ==, 0);
}

static void
test_csv_windows_1252 (void)
{
  /* £ is 0xA3, curly quotes 0x93 0x94, an en dash 0x96, é 0xE9. */
  static const char text[] = "Ref,Action\r\n5.1,\x93Save \xA3" "2m\x94 \x96 caf\xE9\r\n";
  g_auto (Collected) c = { 0 };
  BpCsvInfo info;

  g_assert_true (read_csv (text, strlen (text), &c, &info));
  g_assert_cmpint (info.encoding, ==, BP_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpstr (CELL (&c, 1, 1), ==, "“Save £2m” – café");
  g_assert_cmpuint (c.problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (c.problems, 0), ==, "0:W:read as Windows-1252");
}

static void
test_csv_utf16 (void)
{
  /* Excel's "Unicode text": UTF-16LE with its byte-order mark, tabs. */
  static const char utf8[] = "Ref\tAction\r\n1.1\tSave \xC2\xA3" "2m\r\n";
  g_autofree char *utf16 = NULL;
  g_autofree char *with_bom = NULL;
  gsize len = 0;
  g_auto (Collected) c = { 0 };
  BpCsvInfo info;

  utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &len, NULL);
  g_assert_nonnull (utf16);
  with_bom = g_malloc (len + 2);
  with_bom[0] = (char) 0xFF;
  with_bom[1] = (char) 0xFE;
  memcpy (with_bom + 2, utf16, len);

  g_assert_true (read_csv (with_bom, len + 2, &c, &info));
  g_assert_cmpint (info.encoding, ==, BP_CSV_ENCODING_UTF16);
  g_assert_cmpint (info.delimiter, ==, '\t');
  g_assert_cmpstr (CELL (&c, 0, 0), ==, "Ref");
  g_assert_cmpstr (CELL (&c, 1, 1), ==, "Save £2m");
}

static void
test_csv_delimiters (void)
{
  static const char semicolons[] = "Ref;Action;Due\n1.1;\"Plan, then act\";31/03/2025\n";
  g_auto (Collected) c = { 0 };
  BpCsvInfo info;

  g_assert_true (read_csv (semicolons, strlen (semicolons), &c, &info));
  g_assert_cmpint (info.delimiter, ==, ';');
  g_assert_cmpstr (CELL (&c, 1, 1), ==, "Plan, then act");
}

static void
test_csv_malformed (void)
{
  static const char stray[] =
    "Ref,Action\n"
    "1.1,Review the 5\" backlog\n"
    "1.2,\"Publish\" now\n"
    "1.3,fine\n";
  static const char open_quote[] = "Ref,Action\n1.1,fine\n1.2,\"never closed\n1.3,swallowed\n";
  static const char undecodable[] = "Ref,Action\n1.1,\xA3" "5\n1.2,\x81\n1.3,\x8D\n";
  static const char nul[] = "Ref,Action\n1.1,a\0b\n";
  static const char xlsx[] = "PK\x03\x04\x14\x00\x06\x00";
  g_auto (Collected) a = { 0 };
  g_auto (Collected) b = { 0 };
  g_auto (Collected) d = { 0 };
  g_auto (Collected) e = { 0 };
  g_auto (Collected) x = { 0 };
  BpCsvInfo info;

  /* Every error is found, each on its row, and the good rows still read. */
  g_assert_false (read_csv (stray, strlen (stray), &a, &info));
  g_assert_cmpint (info.n_errors, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (a.problems, 0), ==,
                   "2:E:a quote inside column 2, which does not begin with a quote: put the whole "
                   "cell in quotes and double the quotes inside it");
  g_assert_cmpstr (g_ptr_array_index (a.problems, 1), ==,
                   "3:E:text after the closing quote of column 2: a quote inside a quoted cell "
                   "must be doubled (\"\")");
  g_assert_cmpuint (a.records->len, ==, 2);
  g_assert_cmpstr (CELL (&a, 1, 0), ==, "1.3");

  g_assert_false (read_csv (open_quote, strlen (open_quote), &b, &info));
  g_assert_cmpuint (b.problems->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (b.problems, 0), ==,
                   "3:E:a quoted cell (column 2) is never closed: everything from its opening "
                   "quote to the end of the file is inside it");

  g_assert_false (read_csv (undecodable, sizeof undecodable - 1, &d, &info));
  g_assert_cmpint (info.encoding, ==, BP_CSV_ENCODING_WINDOWS_1252);
  g_assert_cmpuint (d.problems->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (d.problems, 1), ==,
                   "3:E:column 2: the byte 0x81 cannot be read as text (the file is neither "
                   "UTF-8 nor Windows-1252)");
  g_assert_cmpstr (g_ptr_array_index (d.problems, 2), ==,
                   "4:E:column 2: the byte 0x8D cannot be read as text (the file is neither "
                   "UTF-8 nor Windows-1252)");
  g_assert_cmpstr (CELL (&d, 1, 1), ==, "£5");

  g_assert_false (read_csv (nul, sizeof nul - 1, &e, &info));
  g_assert_cmpstr (g_ptr_array_index (e.problems, 0), ==,
                   "2:E:a NUL byte: this is not the text of a CSV file");

  g_assert_false (read_csv (xlsx, sizeof xlsx - 1, &x, &info));
  g_assert_true (g_str_has_prefix (g_ptr_array_index (x.problems, 0),
                                   "0:E:this is a workbook (.xlsx"));
}

/* ---------------------------------------------------------------- dates */

static void
test_dates (void)
{
  static const struct
  {
    const char *text;
    int fy_start;
    BpDateKind kind;
    const char *iso;
  } cases[] = {
    { "31/03/2025", 4, BP_DATE_DAY, "2025-03-31" },
    { "3/4/25", 4, BP_DATE_DAY, "2025-04-03" },
    { " 03-04-2025 ", 4, BP_DATE_DAY, "2025-04-03" },
    { "3.4.25", 4, BP_DATE_DAY, "2025-04-03" },
    { "2025-03-31", 4, BP_DATE_DAY, "2025-03-31" },
    { "2025/03/31", 4, BP_DATE_DAY, "2025-03-31" },
    { "2025-03-31T00:00:00", 4, BP_DATE_DAY, "2025-03-31" },
    { "31/03/2025 00:00", 4, BP_DATE_DAY, "2025-03-31" },
    { "29/02/2024", 4, BP_DATE_DAY, "2024-02-29" },
    { "31 March 2025", 4, BP_DATE_DAY, "2025-03-31" },
    { "1st Sept 2024", 4, BP_DATE_DAY, "2024-09-01" },
    { "31-Mar-25", 4, BP_DATE_DAY, "2025-03-31" },
    { "20250331", 4, BP_DATE_DAY, "2025-03-31" },
    { "Mar-25", 4, BP_DATE_PERIOD, "2025-03-31" },
    { "March 2025", 4, BP_DATE_PERIOD, "2025-03-31" },
    { "Sep 2024", 4, BP_DATE_PERIOD, "2024-09-30" },
    { "Sept 2024", 4, BP_DATE_PERIOD, "2024-09-30" },
    { "feb-24", 4, BP_DATE_PERIOD, "2024-02-29" },
    { "End of June 2025", 4, BP_DATE_PERIOD, "2025-06-30" },
    { "by Dec 2025", 4, BP_DATE_PERIOD, "2025-12-31" },
    { "2025-03", 4, BP_DATE_PERIOD, "2025-03-31" },
    { "03/2025", 4, BP_DATE_PERIOD, "2025-03-31" },
    /* The financial year: April to March, Q1 = April-June. */
    { "Q1 2024/25", 4, BP_DATE_PERIOD, "2024-06-30" },
    { "Q3 2024/25", 4, BP_DATE_PERIOD, "2024-12-31" },
    { "Q4 2024/25", 4, BP_DATE_PERIOD, "2025-03-31" },
    { "q3 24/25", 4, BP_DATE_PERIOD, "2024-12-31" },
    { "2024/25 Q2", 4, BP_DATE_PERIOD, "2024-09-30" },
    { "Q3 FY2024/25", 4, BP_DATE_PERIOD, "2024-12-31" },
    { "2024/25", 4, BP_DATE_PERIOD, "2025-03-31" },
    { "2024-25", 4, BP_DATE_PERIOD, "2025-03-31" },
    { "2024/2025", 4, BP_DATE_PERIOD, "2025-03-31" },
    { "FY 2024/25", 4, BP_DATE_PERIOD, "2025-03-31" },
    { "202425", 4, BP_DATE_PERIOD, "2025-03-31" },
    { "2014", 4, BP_DATE_PERIOD, "2014-12-31" },
    /* Another programme's year starts in September. */
    { "Q1 2024/25", 9, BP_DATE_PERIOD, "2024-11-30" },
    { "2024/25", 9, BP_DATE_PERIOD, "2025-08-31" },
    { "Q4 2024/25", 1, BP_DATE_PERIOD, "2024-12-31" },
    /* Words where a date should be. */
    { "Ongoing", 4, BP_DATE_WORDS, NULL },
    { "TBC", 4, BP_DATE_WORDS, NULL },
    { "Annually", 4, BP_DATE_WORDS, NULL },
    { "Summer term 2025", 4, BP_DATE_WORDS, NULL },
    { "Sep 2024 – Mar 2025", 4, BP_DATE_WORDS, NULL },
    { "", 4, BP_DATE_EMPTY, NULL },
    { "  ", 4, BP_DATE_EMPTY, NULL },
    { "-", 4, BP_DATE_EMPTY, NULL },
    /* Figures that are not a real date. */
    { "31/02/2025", 4, BP_DATE_INVALID, NULL },
    { "29/02/2025", 4, BP_DATE_INVALID, NULL },
    { "13/13/2025", 4, BP_DATE_INVALID, NULL },
    { "32/01/2025", 4, BP_DATE_INVALID, NULL },
    { "2025-02-30", 4, BP_DATE_INVALID, NULL },
    { "Q5 2024/25", 4, BP_DATE_INVALID, NULL },
    { "Q3 2024", 4, BP_DATE_INVALID, NULL },
    { "2024/26", 4, BP_DATE_INVALID, NULL },
    { "31 February 2025", 4, BP_DATE_INVALID, NULL },
    { "45747", 4, BP_DATE_INVALID, NULL },
    { "12.5", 4, BP_DATE_INVALID, NULL },
    { "1/2/3/4", 4, BP_DATE_INVALID, NULL },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = NULL;
      g_autofree char *problem = NULL;
      BpDateKind kind = bp_date_parse_loose (cases[i].text, cases[i].fy_start, &iso, &problem);

      if (kind != cases[i].kind || g_strcmp0 (iso, cases[i].iso) != 0)
        g_error ("“%s” (year from month %d): kind %d, %s; expected kind %d, %s", cases[i].text,
                 cases[i].fy_start, kind, iso, cases[i].kind, cases[i].iso);
      g_assert_true ((problem != NULL) == (kind == BP_DATE_INVALID));
    }

  {
    g_autofree char *problem = NULL;

    bp_date_parse_loose ("31/02/2025", 4, NULL, &problem);
    g_assert_cmpstr (problem, ==, "“31/02/2025” is not a date: February 2025 has 28 days");
  }
  g_assert_cmpint (bp_month_from_name ("Sept", 4), ==, 9);
  g_assert_cmpint (bp_month_from_name ("DECEMBER", 8), ==, 12);
  g_assert_cmpint (bp_month_from_name ("Ma", 2), ==, 0);
  g_assert_cmpint (bp_month_from_name ("Marc", 4), ==, 0);
}

/* ---------------------------------------------------- values, by import */

static void
test_rag_words (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *word;
    char letter;
  } cases[] = {
    { "G", 'G' }, { "Green", 'G' }, { "on track", 'G' }, { " ON  TRACK ", 'G' },
    { "green (on track)", 'G' }, { "A", 'A' }, { "amber", 'A' }, { "At risk", 'A' },
    { "R", 'R' }, { "RED", 'R' }, { "Off track", 'R' }, { "B", 'B' }, { "Blue", 'B' },
    { "Complete", 'B' }, { "completed", 'B' }, { "Done", 'B' }, { "", 'N' },
    { "Not started", 'N' }, { "not yet started", 'N' }, { "n", 'N' },
  };
  g_autoptr (GString) csv = g_string_new ("Ref,Priority,Action,RAG\n");
  g_autoptr (BpImport) imp = NULL;
  g_autoptr (BpImportReport) report = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (csv, "9.%zu,P1,Action %zu,%s\n", i + 1, i + 1, cases[i].word);
  imp = import_text (BP_IMPORT_ACTIONS, "rag.csv", csv->str);
  report = run_ok (imp, f->db, FALSE);
  g_assert_cmpint (report->actions_created, ==, (int) G_N_ELEMENTS (cases));
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT rag FROM action WHERE ref = '9.%zu'", i + 1);
      g_autofree char *rag = bp_test_sql_text (f->path, sql);

      if (rag == NULL || rag[0] != cases[i].letter)
        g_error ("RAG “%s”: %s, expected %c", cases[i].word, rag, cases[i].letter);
    }
}

static void
test_risk_scores (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *l, *i;
    int el, ei;
  } cases[] = {
    { "1", "1", 1, 1 },         { "5", "5", 5, 5 },
    { "Rare", "Negligible", 1, 1 }, { "unlikely", "minor", 2, 2 },
    { "Possible", "Moderate", 3, 3 }, { "LIKELY", "Major", 4, 4 },
    { "Almost certain", "Critical", 5, 5 }, { "4 - Likely", "4 (Major)", 4, 4 },
    { "", "", 0, 0 },           { "3", "Catastrophic", 3, 5 },
  };
  g_autoptr (GString) csv = g_string_new ("Ref,Risk,Likelihood,Impact\n");
  g_autoptr (BpImport) imp = NULL;
  g_autoptr (BpImportReport) report = NULL;

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_string_append_printf (csv, "R%zu,Risk %zu,%s,%s\n", i + 1, i + 1, cases[i].l, cases[i].i);
  imp = import_text (BP_IMPORT_RISKS, "scores.csv", csv->str);
  report = run_ok (imp, f->db, FALSE);
  g_assert_cmpint (report->risks_created, ==, (int) G_N_ELEMENTS (cases));
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *sql = g_strdup_printf (
        "SELECT current_l * 10 + current_i FROM risk WHERE ref = 'R%zu'", i + 1);

      g_assert_cmpint (bp_test_sql_int (f->path, sql), ==, cases[i].el * 10 + cases[i].ei);
    }
}

static void
test_headers (void)
{
  static const struct
  {
    BpImportKind kind;
    const char *header;
    const char *field; /* NULL: not recognised */
  } cases[] = {
    { BP_IMPORT_ACTIONS, "Ref", "ref" },
    { BP_IMPORT_ACTIONS, "No.", "ref" },
    { BP_IMPORT_ACTIONS, "  ACTION   NO ", "ref" },
    { BP_IMPORT_ACTIONS, "ID", "ref" },
    { BP_IMPORT_ACTIONS, "Priority Area", "priority" },
    { BP_IMPORT_ACTIONS, "Workstream", "priority" },
    { BP_IMPORT_ACTIONS, "Objective", "priority" },
    { BP_IMPORT_ACTIONS, "Task", "title" },
    { BP_IMPORT_ACTIONS, "Responsible Officer", "owner" },
    { BP_IMPORT_ACTIONS, "Action Owner", "owner" },
    { BP_IMPORT_ACTIONS, "Lead Agency", "organisation" },
    { BP_IMPORT_ACTIONS, "Service", "organisation" },
    { BP_IMPORT_ACTIONS, "Start Date", "start" },
    { BP_IMPORT_ACTIONS, "Target Date", "due" },
    { BP_IMPORT_ACTIONS, "Deadline", "due" },
    { BP_IMPORT_ACTIONS, "Completion Date", "due" },
    { BP_IMPORT_ACTIONS, "BRAG", "rag" },
    { BP_IMPORT_ACTIONS, "Status", "rag" },
    { BP_IMPORT_ACTIONS, "RAG status", "rag" },
    { BP_IMPORT_ACTIONS, "Commentary", "update" },
    { BP_IMPORT_ACTIONS, "Progress Update (June)", "update" },
    { BP_IMPORT_ACTIONS, "Comments / progress", "update" },
    { BP_IMPORT_ACTIONS, "% Complete", "percent" },
    { BP_IMPORT_ACTIONS, "Next Steps", "next_steps" },
    { BP_IMPORT_ACTIONS, "Asks of the board", "asks" },
    { BP_IMPORT_UPDATES, "Decision required", "asks" },
    { BP_IMPORT_UPDATES, "Support needed from the board", "asks" },
    { BP_IMPORT_UPDATES, "Asks", "asks" },
    { BP_IMPORT_ACTIONS, "Expected Impact", "impact" },
    { BP_IMPORT_ACTIONS, "Favourite colour", NULL },
    { BP_IMPORT_RISKS, "Risk Description", "title" },
    { BP_IMPORT_RISKS, "Impact", "impact" },
    { BP_IMPORT_RISKS, "Residual Likelihood", "likelihood" },
    { BP_IMPORT_RISKS, "Inherent Impact", "inherent_impact" },
    { BP_IMPORT_RISKS, "Resources / support needed", "resources" },
    { BP_IMPORT_RISKS, "Resources & Support Needed", "resources" },
    { BP_IMPORT_RISKS, "Mitigating actions in place", "mitigations" },
    { BP_IMPORT_RISKS, "Risk Score", NULL },
    { BP_IMPORT_RISKS, "Band", NULL },
    { BP_IMPORT_MEASURES, "RAG", NULL },
    { BP_IMPORT_MEASURES, "KPI", "measure" },
    { BP_IMPORT_MEASURES, "Good is", "polarity" },
    { BP_IMPORT_UPDATES, "Date", "update_date" },
    { BP_IMPORT_UPDATES, "Lead Officer", "author" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *csv = g_strdup_printf ("Xyzzy,\"%s\"\nx,y\n", cases[i].header);
      g_autoptr (BpImport) imp = import_text (cases[i].kind, "h.csv", csv);
      g_autoptr (BpImportPreview) preview = NULL;
      g_autoptr (GError) error = NULL;
      BpImportColumn *col;

      preview = bp_import_preview (imp, NULL, 5, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (preview->columns->len, ==, 2);
      col = g_ptr_array_index (preview->columns, 1);
      if (g_strcmp0 (col->field, cases[i].field) != 0)
        g_error ("%s header “%s”: %s, expected %s", bp_import_kind_to_string (cases[i].kind),
                 cases[i].header, col->field, cases[i].field);
    }
}

/* ------------------------------------------------------------------ plans */

static void
test_plan_messy (Fixture *f, gconstpointer data)
{
  g_autoptr (BpImport) imp = import_file (BP_IMPORT_ACTIONS, "plan-messy.csv");
  g_autoptr (BpImportReport) report = run_ok (imp, f->db, FALSE);
  g_autofree char *source = fixture ("plan-messy.csv");
  g_autofree char *warning = g_strdup_printf (
    "%s:4: warning: the header is on row 4: the 2 row(s) above it were skipped", source);
  g_autoptr (BpAction) a12 = NULL, a110 = NULL, a11 = NULL, a22 = NULL, a31 = NULL;
  g_autoptr (GPtrArray) updates = NULL;
  g_autoptr (BpPerson) head = NULL;

  g_assert_cmpint (report->rows, ==, 10);
  g_assert_cmpint (report->heading_rows, ==, 2);
  g_assert_cmpint (report->blank_rows, ==, 1);
  g_assert_cmpint (report->actions_created, ==, 8);
  g_assert_cmpint (report->priorities_created, ==, 4);
  g_assert_cmpint (report->people_created, ==, 6);
  g_assert_cmpint (report->organisations_created, ==, 3);
  g_assert_cmpint (report->updates_added, ==, 6);
  g_assert_true (has_message (report->warnings, warning));

  /* References are text: 1.10 is not 1.1. */
  a11 = bp_db_find_action (f->db, "1.1", NULL);
  a110 = bp_db_find_action (f->db, "1.10", NULL);
  g_assert_nonnull (a11);
  g_assert_nonnull (a110);
  g_assert_cmpint (a11->id, !=, a110->id);
  g_assert_cmpstr (a11->due_date, ==, "2025-03-31");
  g_assert_cmpint (a11->rag, ==, BP_RAG_BLUE);
  g_assert_cmpint (a11->percent, ==, 100);
  g_assert_cmpstr (a110->due_date, ==, "2024-12-31"); /* Q3 2024/25 */
  g_assert_cmpint (a110->rag, ==, BP_RAG_AMBER);      /* " Amber " */

  a12 = bp_db_find_action (f->db, "1.2", NULL);
  g_assert_cmpstr (a12->title, ==, "Publish the \"Local Area SEND Strategy\" refresh");
  g_assert_cmpstr (a12->due_date, ==, "2025-03-31"); /* Mar-25 */
  g_assert_cmpint (a12->percent, ==, 60);
  updates = bp_db_list_updates (f->db, a12->id, NULL);
  g_assert_cmpuint (updates->len, ==, 1);
  g_assert_cmpstr (((BpUpdate *) g_ptr_array_index (updates, 0))->commentary, ==,
                   "Draft shared with the parent carer forum.\nConsultation closes 30 June.");
  g_assert_cmpstr (((BpUpdate *) g_ptr_array_index (updates, 0))->date, ==, "2025-06-30");
  g_assert_cmpint (((BpUpdate *) g_ptr_array_index (updates, 0))->rag, ==, BP_RAG_GREEN);

  a22 = bp_db_find_action (f->db, "2.2", NULL);
  g_assert_null (a22->due_date);
  g_assert_cmpstr (a22->due_text, ==, "Ongoing");
  g_assert_cmpstr (a22->title, ==, "Quarterly \"You said, we did\" newsletter");

  a31 = bp_db_find_action (f->db, "3.1", NULL);
  g_assert_cmpstr (a31->due_date, ==, "2025-04-03"); /* 3/4/25, day first */
  g_assert_cmpint (a31->rag, ==, BP_RAG_RED);

  /* Priority areas from the headings and the cells, matched by number
   * and by title. */
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM action a JOIN priority p"
                                             " ON p.id = a.priority_id WHERE p.code = 'P1'"),
                   ==, 3);
  {
    g_autofree char *t = bp_test_sql_text (f->path, "SELECT title FROM priority WHERE code = 'P1'");

    g_assert_cmpstr (t, ==, "Leadership, Management and Governance");
  }
  {
    g_autofree char *t = bp_test_sql_text (f->path, "SELECT code FROM priority WHERE title = 'Inclusion'");

    g_assert_cmpstr (t, ==, "P4");
  }
  /* "  head of send " is the same person as "Head of SEND". */
  head = bp_db_find_person (f->db, "Head of SEND", NULL);
  g_assert_nonnull (head);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM action a JOIN person p ON"
                                             " p.id = a.owner_id WHERE p.name = 'Head of SEND'"),
                   ==, 3);
  {
    g_autofree char *who = bp_test_sql_text (
      f->path, "SELECT u.author FROM progress_update u JOIN action a ON a.id = u.action_id"
               " WHERE a.ref = '4.1'");

    g_assert_cmpstr (who, ==, "Head of SEND");
  }
  /* Rows in the file's order within each priority area. */
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT position FROM action WHERE ref = '1.10'"), ==,
                   3);
}

static void
test_plan_twice (Fixture *f, gconstpointer data)
{
  g_autoptr (BpImport) imp = import_file (BP_IMPORT_ACTIONS, "plan-messy.csv");
  g_autoptr (BpImportReport) first = run_ok (imp, f->db, FALSE);
  g_autoptr (BpImportReport) second = NULL;
  g_autofree char *before = file_counts (f->path);
  g_autofree char *after = NULL;

  /* Again, on another day: nothing new, and not one write (the audit log
   * says so). */
  bp_import_set_date (imp, "2025-07-31");
  second = run_ok (imp, f->db, FALSE);
  after = file_counts (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (second->actions_created, ==, 0);
  g_assert_cmpint (second->actions_updated, ==, 0);
  g_assert_cmpint (second->actions_unchanged, ==, 8);
  g_assert_cmpint (second->priorities_created, ==, 0);
  g_assert_cmpint (second->people_created, ==, 0);
  g_assert_cmpint (second->organisations_created, ==, 0);
  g_assert_cmpint (second->updates_added, ==, 0);
  g_assert_cmpint (second->updates_already_there, ==, first->updates_added);
}

static void
test_plan_updates_existing (Fixture *f, gconstpointer data)
{
  /* The small programme has 1.1 (green, Alice), 1.2 (red, Bob), 2.1. */
  static const char csv[] =
    "Ref,Priority,Action,Lead Officer,Due,RAG,Update,Date of update\n"
    "1.1,p1,Publish the Local Offer refresh,ALICE OWNER,31/03/2025,Amber,Slipped a month,"
    "01/06/2025\n"
    "1.2,Inclusion,Recruit educational psychologists,Bob Lead,30/09/2025,Red,,\n"
    "1.1a,Leadership,A new action under the same priority,Carol New,TBC,,,\n";
  g_autoptr (BpImport) imp = import_text (BP_IMPORT_ACTIONS, "existing.csv", csv);
  g_autoptr (BpImportReport) report = run_ok (imp, f->db, FALSE);
  g_autoptr (BpAction) a11 = bp_db_find_action (f->db, "1.1", NULL);
  g_autoptr (BpAction) a12 = bp_db_find_action (f->db, "1.2", NULL);
  g_autoptr (BpAction) a1a = bp_db_find_action (f->db, "1.1a", NULL);

  g_assert_cmpint (report->actions_created, ==, 1);
  g_assert_cmpint (report->actions_updated, ==, 1);   /* 1.2 moved to P2 */
  g_assert_cmpint (report->actions_unchanged, ==, 1); /* 1.1: only its RAG, by an update */
  g_assert_cmpint (report->priorities_created, ==, 0);
  g_assert_cmpint (report->people_created, ==, 1); /* Carol */
  g_assert_cmpint (report->updates_added, ==, 1);
  g_assert_cmpint (a11->owner_id, ==, f->ids.alice);
  g_assert_cmpint (a11->priority_id, ==, f->ids.p1);
  g_assert_cmpint (a11->rag, ==, BP_RAG_AMBER); /* through its dated update */
  g_assert_cmpint (a12->priority_id, ==, f->ids.p2);
  g_assert_cmpint (a1a->priority_id, ==, f->ids.p1);
  g_assert_cmpstr (a1a->due_text, ==, "TBC");
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM progress_update"
                                             " WHERE date = '2025-06-01'"),
                   ==, 1);
}

static void
test_plan_rag_change_is_an_update (Fixture *f, gconstpointer data)
{
  /* A new RAG without commentary still comes with a dated update, so
   * that "since when has this been red?" has an answer. */
  g_autoptr (BpImport) imp = import_text (BP_IMPORT_ACTIONS, "rag.csv",
                                          "Ref,Action,RAG\n2.1,Inclusion charter for schools,R\n");
  g_autoptr (BpImportReport) report = run_ok (imp, f->db, FALSE);
  g_autoptr (BpAction) a21 = bp_db_find_action (f->db, "2.1", NULL);
  g_autoptr (GPtrArray) updates = bp_db_list_updates (f->db, a21->id, NULL);

  g_assert_cmpint (report->updates_added, ==, 1);
  g_assert_cmpint (a21->rag, ==, BP_RAG_RED);
  g_assert_cmpuint (updates->len, ==, 1);
  g_assert_cmpstr (((BpUpdate *) g_ptr_array_index (updates, 0))->date, ==, "2025-06-30");
}

static void
test_plan_neutralised (Fixture *f, gconstpointer data)
{
  /* An export puts an apostrophe before text a spreadsheet would run as a
   * formula; the import takes it off again, and only then. */
  static const char csv[] = "Ref,Priority,Action,Update\n"
                            "8.1,P1,'=SUM(A1:A9) is not run,'-5% on last year\n"
                            "8.2,P1,'Quoted' as typed,'@mention\n";
  g_autoptr (BpImport) imp = import_text (BP_IMPORT_ACTIONS, "n.csv", csv);
  g_autoptr (BpImportReport) report = run_ok (imp, f->db, FALSE);
  g_autoptr (BpAction) a81 = bp_db_find_action (f->db, "8.1", NULL);
  g_autoptr (BpAction) a82 = bp_db_find_action (f->db, "8.2", NULL);
  g_autoptr (GPtrArray) updates = bp_db_list_updates (f->db, a81->id, NULL);
  g_autoptr (GPtrArray) updates2 = bp_db_list_updates (f->db, a82->id, NULL);

  g_assert_cmpstr (a81->title, ==, "=SUM(A1:A9) is not run");
  g_assert_cmpstr (((BpUpdate *) g_ptr_array_index (updates, 0))->commentary, ==,
                   "-5% on last year");
  g_assert_cmpstr (a82->title, ==, "'Quoted' as typed");
  g_assert_cmpstr (((BpUpdate *) g_ptr_array_index (updates2, 0))->commentary, ==, "@mention");
}

static void
test_plan_priority_from_ref (Fixture *f, gconstpointer data)
{
  g_autoptr (BpImport) imp = import_file (BP_IMPORT_ACTIONS, "plan-lf.csv");
  g_autoptr (BpImportReport) report = run_ok (imp, f->db, FALSE);
  g_autoptr (BpAction) a12 = bp_db_find_action (f->db, "1.2", NULL);
  g_autoptr (BpAction) a21 = bp_db_find_action (f->db, "2.1", NULL);

  g_assert_cmpint (report->priorities_created, ==, 2);
  g_assert_cmpint (report->updates_added, ==, 2);
  g_assert_cmpstr (a12->start_date, ==, "2024-09-30"); /* Sep 2024: end of month */
  g_assert_cmpstr (a12->due_date, ==, "2025-03-31");   /* Q4 2024/25 */
  g_assert_cmpstr (a21->due_date, ==, "2026-03-31");   /* 2025/26 */
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM progress_update"
                                             " WHERE date = '2025-02-01'"),
                   ==, 1);
  g_assert_cmpint (report->warnings->len, ==, 2); /* P1 and P2 made from the references */
}

static void
test_plan_windows_1252 (Fixture *f, gconstpointer data)
{
  g_autoptr (BpImport) imp = import_file (BP_IMPORT_ACTIONS, "plan-cp1252.csv");
  g_autoptr (BpImportReport) report = run_ok (imp, f->db, FALSE);
  g_autofree char *source = fixture ("plan-cp1252.csv");
  g_autofree char *warning = g_strdup_printf ("%s: warning: read as Windows-1252", source);
  g_autoptr (BpAction) a51 = bp_db_find_action (f->db, "5.1", NULL);
  g_autoptr (BpAction) a52 = bp_db_find_action (f->db, "5.2", NULL);
  g_autoptr (GPtrArray) updates = bp_db_list_updates (f->db, a51->id, NULL);

  g_assert_true (has_message (report->warnings, warning));
  g_assert_cmpstr (a51->title, ==, "Cut the cost of independent placements by £2m");
  g_assert_cmpstr (a52->title, ==, "Café-style drop-ins for families");
  g_assert_cmpstr (((BpUpdate *) g_ptr_array_index (updates, 0))->commentary, ==,
                   "“Savings plan” agreed – first £400k found");
}

static void
test_dry_run (Fixture *f, gconstpointer data)
{
  g_autoptr (BpImport) imp = import_file (BP_IMPORT_ACTIONS, "plan-messy.csv");
  g_autofree char *before = NULL, *sum = NULL, *after = NULL, *sum_after = NULL;
  g_autoptr (BpImportReport) dry = NULL;
  g_autoptr (BpImportReport) real = NULL;

  reopen (f);
  before = file_counts (f->path);
  sum = bp_test_file_sum (f->path);
  dry = run_ok (imp, f->db, TRUE);
  reopen (f);
  after = file_counts (f->path);
  sum_after = bp_test_file_sum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (sum, ==, sum_after);
  g_assert_false (dry->written);

  /* What it said it would do is what the import does. */
  real = run_ok (imp, f->db, FALSE);
  g_assert_cmpint (dry->actions_created, ==, real->actions_created);
  g_assert_cmpint (dry->priorities_created, ==, real->priorities_created);
  g_assert_cmpint (dry->people_created, ==, real->people_created);
  g_assert_cmpint (dry->organisations_created, ==, real->organisations_created);
  g_assert_cmpint (dry->updates_added, ==, real->updates_added);
  {
    g_autofree char *text = bp_import_report_to_text (dry);

    g_assert_nonnull (strstr (text, "actions.created: 8\n"));
    g_assert_nonnull (strstr (text, "written: no (dry run)\n"));
  }
}

/* ------------------------------------------------------ the bad corpus */

typedef struct
{
  const char *file;
  BpImportKind kind;
  const char *messages[6]; /* each "LINE: message", NULL-terminated */
} BadCase;

static const BadCase bad_cases[] = {
  { "bad-unterminated.csv", BP_IMPORT_ACTIONS,
    { "3: a quoted cell (column 2) is never closed: everything from its opening quote to the "
      "end of the file is inside it",
      NULL } },
  { "bad-columns.csv", BP_IMPORT_ACTIONS,
    { "3: 4 cells, but the header (row 1) has 5 columns",
      "4: 6 cells, but the header (row 1) has 5 columns: “R” is in column 6, beyond the last",
      NULL } },
  { "bad-date.csv", BP_IMPORT_ACTIONS,
    { "2: Due Date: “31/02/2025” is not a date: February 2025 has 28 days",
      "3: Due Date: “13/13/2025” is not a date: there is no month 13",
      "4: Due Date: “Q5 2024/25” is not a date: a year has four quarters", NULL } },
  { "bad-rag.csv", BP_IMPORT_ACTIONS,
    { "2: RAG: “Purple” is not a RAG status (R, A, G, B or the words: Red / Off track, Amber / "
      "At risk, Green / On track, Blue / Complete, Not started)",
      NULL } },
  { "bad-impact.csv", BP_IMPORT_RISKS,
    { "2: Impact: “7” is not an impact from 1 to 5 (1 Negligible, 2 Minor, 3 Moderate, 4 Major, "
      "5 Critical)",
      "3: Likelihood: “Very likely” is not a likelihood from 1 to 5 (1 Rare, 2 Unlikely, "
      "3 Possible, 4 Likely, 5 Almost certain)",
      NULL } },
  { "bad-duplicate.csv", BP_IMPORT_ACTIONS, { "4: the reference 1.2 is already on row 3", NULL } },
  { "bad-stray-quote.csv", BP_IMPORT_ACTIONS,
    { "2: a quote inside column 2, which does not begin with a quote: put the whole cell in "
      "quotes and double the quotes inside it",
      "3: text after the closing quote of column 2: a quote inside a quoted cell must be "
      "doubled (\"\")",
      NULL } },
  { "bad-undecodable.csv", BP_IMPORT_ACTIONS,
    { "3: column 2: the byte 0x81 cannot be read as text (the file is neither UTF-8 nor "
      "Windows-1252)",
      NULL } },
  { "bad-several.csv", BP_IMPORT_ACTIONS,
    { "2: Due: “31/02/2025” is not a date: February 2025 has 28 days",
      "3: RAG: “Purple” is not a RAG status (R, A, G, B or the words: Red / Off track, Amber / "
      "At risk, Green / On track, Blue / Complete, Not started)",
      "4: Action: empty; a new action needs its title",
      "5: % Complete: “150” is not a percentage from 0 to 100",
      "6: Ref: empty; every action needs its reference", NULL } },
  { "bad-no-title.csv", BP_IMPORT_ACTIONS,
    { "1: no column for the title (a header such as Action, Action Description, Task, or --map "
      "HEADER=title)",
      NULL } },
};

static void
test_bad_file (Fixture *f, gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr (BpImport) imp = import_file (c->kind, c->file);
  g_autoptr (BpImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *source = fixture (c->file);
  g_autofree char *before = NULL;
  g_autofree char *sum = NULL;
  g_autofree char *after = NULL;
  g_autofree char *sum_after = NULL;
  guint n = 0;

  reopen (f);
  before = file_counts (f->path);
  sum = bp_test_file_sum (f->path);

  g_assert_false (bp_import_run (imp, f->db, FALSE, &report, &error));
  g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
  g_assert_nonnull (report);
  g_assert_false (report->written);

  for (; c->messages[n]; n++)
    {
      g_autofree char *text = g_strdup_printf ("%s:%s", source, c->messages[n]);

      if (!has_message (report->errors, text))
        {
          dump_messages (report->errors);
          g_error ("missing: %s", text);
        }
    }
  /* Every error, and nothing else. */
  if (report->errors->len != n)
    dump_messages (report->errors);
  g_assert_cmpuint (report->errors->len, ==, n);
  g_assert_cmpint (report->n_errors, ==, (int) n);

  /* The file is as it was: every table's count, the audit log's, and its
   * bytes on disk. */
  g_clear_object (&f->db);
  after = file_counts (f->path);
  sum_after = bp_test_file_sum (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpstr (sum, ==, sum_after);
}

static void
test_bad_late_row_rolls_back (Fixture *f, gconstpointer data)
{
  /* The first rows are good and written inside the transaction; the bad
   * last one takes them all back. */
  static const char csv[] =
    "Ref,Priority,Action,Owner,Due\n"
    "7.1,New priority,A good action,New Person,31/03/2025\n"
    "7.2,New priority,Another good one,New Person,Mar-25\n"
    "7.3,New priority,A bad date,New Person,30/02/2025\n";
  g_autoptr (BpImport) imp = import_text (BP_IMPORT_ACTIONS, "late.csv", csv);
  g_autoptr (BpImportReport) report = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *before = file_counts (f->path);
  g_autofree char *after = NULL;

  g_assert_false (bp_import_run (imp, f->db, FALSE, &report, &error));
  g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "late.csv: 1 error; nothing was imported");
  after = file_counts (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (bp_db_find_action (f->db, "7.1", NULL));
}

static void
test_updates_kind (Fixture *f, gconstpointer data)
{
  g_autoptr (BpImport) plan = import_file (BP_IMPORT_ACTIONS, "plan-messy.csv");
  g_autoptr (BpImportReport) first = run_ok (plan, f->db, FALSE);
  g_autoptr (BpImport) imp = import_file (BP_IMPORT_UPDATES, "updates.csv");
  g_autoptr (BpImportReport) report = NULL;
  g_autoptr (BpImportReport) again = NULL;
  g_autoptr (BpAction) a12 = NULL, a31 = NULL, a32 = NULL;
  g_autofree char *before = NULL, *after = NULL;

  bp_import_set_date (imp, "2025-07-20");
  report = run_ok (imp, f->db, FALSE);
  g_assert_cmpint (report->updates_added, ==, 3);
  a12 = bp_db_find_action (f->db, "1.2", NULL);
  a31 = bp_db_find_action (f->db, "3.1", NULL);
  a32 = bp_db_find_action (f->db, "3.2", NULL);
  g_assert_cmpint (a12->rag, ==, BP_RAG_GREEN);
  g_assert_cmpint (a31->rag, ==, BP_RAG_AMBER);
  g_assert_cmpint (a32->rag, ==, BP_RAG_AMBER);
  {
    g_autofree char *s = bp_test_sql_text (
      f->path, "SELECT date || '|' || author || '|' || next_steps FROM progress_update u"
               " JOIN action a ON a.id = u.action_id WHERE a.ref = '1.2' ORDER BY u.id DESC");

    g_assert_cmpstr (s, ==, "2025-07-15|Head of SEND|Publish in September");
  }
  {
    g_autofree char *s = bp_test_sql_text (
      f->path, "SELECT date FROM progress_update u JOIN action a ON a.id = u.action_id"
               " WHERE a.ref = '3.2'");

    g_assert_cmpstr (s, ==, "2025-07-20"); /* --date */
  }

  before = file_counts (f->path);
  again = run_ok (imp, f->db, FALSE);
  after = file_counts (f->path);
  g_assert_cmpint (again->updates_added, ==, 0);
  g_assert_cmpstr (before, ==, after);

  /* An update for an action the file does not have. */
  {
    g_autoptr (BpImport) bad = import_text (BP_IMPORT_UPDATES, "u.csv",
                                            "Ref,Update\n9.9,Nobody has this action\n");
    g_autoptr (BpImportReport) r = NULL;
    g_autoptr (GError) error = NULL;

    g_assert_false (bp_import_run (bad, f->db, FALSE, &r, &error));
    g_assert_true (has_message (r->errors, "u.csv:2: no action with the reference 9.9 in the file"));
  }
}

/* The asks of the board, by any of the headers people give them, in the
 * updates import and the plan's. */
static void
test_updates_asks (Fixture *f, gconstpointer data)
{
  g_autoptr (BpImport) plan = import_file (BP_IMPORT_ACTIONS, "plan-messy.csv");
  g_autoptr (BpImportReport) first = run_ok (plan, f->db, FALSE);
  g_autoptr (BpImport) imp = import_text (BP_IMPORT_UPDATES, "asks.csv",
                                          "Ref,Date,Update,Asks of the board\n"
                                          "1.2,15/07/2025,Two posts filled,Agree the market supplement\n");
  g_autoptr (BpImport) support = import_text (BP_IMPORT_UPDATES, "support.csv",
                                              "Action No.,Progress,Support needed from the board\n"
                                              "3.1,Waiting on the ICB,Escalate to the ICB chief executive\n");
  g_autoptr (BpImport) decision = import_text (BP_IMPORT_ACTIONS, "plan.csv",
                                               "Ref,Action,Priority,Update,Decision required\n"
                                               "1.2,Recruit educational psychologists,1,"
                                               "Offer made,Approve the second round\n");
  g_autoptr (BpImportReport) report = NULL;
  g_autoptr (BpImportReport) again = NULL;
  g_autoptr (BpImportReport) r2 = NULL;
  g_autoptr (BpImportReport) r3 = NULL;
  g_autofree char *asks = NULL;

  bp_import_set_date (support, "2025-07-20");
  bp_import_set_date (decision, "2025-07-30");
  report = run_ok (imp, f->db, FALSE);
  g_assert_cmpint (report->updates_added, ==, 1);
  asks = bp_test_sql_text (f->path, "SELECT asks FROM progress_update u JOIN action a"
                                    " ON a.id = u.action_id WHERE a.ref = '1.2' ORDER BY u.id DESC");
  g_assert_cmpstr (asks, ==, "Agree the market supplement");
  /* The same asks again are the same update. */
  again = run_ok (imp, f->db, FALSE);
  g_assert_cmpint (again->updates_added, ==, 0);
  g_assert_cmpint (again->updates_already_there, ==, 1);

  r2 = run_ok (support, f->db, FALSE);
  g_assert_cmpint (r2->updates_added, ==, 1);
  g_clear_pointer (&asks, g_free);
  asks = bp_test_sql_text (f->path, "SELECT asks FROM progress_update u JOIN action a"
                                    " ON a.id = u.action_id WHERE a.ref = '3.1' ORDER BY u.id DESC");
  g_assert_cmpstr (asks, ==, "Escalate to the ICB chief executive");

  r3 = run_ok (decision, f->db, FALSE);
  g_assert_cmpint (r3->updates_added, ==, 1);
  {
    g_autoptr (GPtrArray) actions = bp_db_list_actions (f->db, NULL, NULL);

    for (guint i = 0; i < actions->len; i++)
      if (g_str_equal (((BpAction *) actions->pdata[i])->ref, "1.2"))
        g_assert_cmpstr (((BpAction *) actions->pdata[i])->latest_asks, ==,
                         "Approve the second round");
  }
}

/* ------------------------------------------------------------------ risks */

static void
test_risks (Fixture *f, gconstpointer data)
{
  g_autoptr (BpImport) imp = import_file (BP_IMPORT_RISKS, "risks.csv");
  g_autoptr (BpImportReport) report = run_ok (imp, f->db, FALSE);
  g_autoptr (BpImportReport) again = NULL;
  g_autoptr (GPtrArray) risks = bp_db_list_risks (f->db, NULL);
  g_autoptr (GPtrArray) mitigations = NULL;
  g_autofree char *before = NULL, *after = NULL;
  BpRisk *r1, *r2, *r3;

  g_assert_cmpint (report->risks_created, ==, 3);
  g_assert_cmpint (report->mitigations_added, ==, 6);
  g_assert_cmpint (report->people_created, ==, 3);
  g_assert_cmpuint (risks->len, ==, 3);
  r1 = g_ptr_array_index (risks, 0);
  r2 = g_ptr_array_index (risks, 1);
  r3 = g_ptr_array_index (risks, 2);
  g_assert_cmpstr (r1->ref, ==, "R1");
  g_assert_cmpint (r1->inherent_l * 10 + r1->inherent_i, ==, 55);
  g_assert_cmpint (r1->current_l * 10 + r1->current_i, ==, 44); /* 4, Major */
  g_assert_cmpint (r1->target_l * 10 + r1->target_i, ==, 23);
  g_assert_cmpstr (r1->consequence, ==, "Children placed out of area, at higher cost");
  g_assert_cmpstr (r1->resources, ==, "DfE capital funding for 120 places");
  g_assert_cmpstr (r1->response, ==, "treat");
  g_assert_cmpstr (r1->review_date, ==, "2025-09-30");
  g_assert_cmpstr (r1->owner_name, ==, "Director of Education");
  g_assert_cmpint (r2->inherent_l * 10 + r2->inherent_i, ==, 45); /* Likely, Critical */
  g_assert_cmpstr (r3->response, ==, "tolerate");
  g_assert_cmpstr (r3->review_date, ==, "2025-03-31"); /* Q4 2024/25 */
  g_assert_cmpint (r3->current_l * 10 + r3->current_i, ==, 22);

  /* One a line in the cell (bullets dropped), a repeated row, and a row
   * that only continues the risk above. */
  mitigations = bp_db_list_mitigations (f->db, r1->id, NULL);
  g_assert_cmpuint (mitigations->len, ==, 4);
  g_assert_cmpstr (((BpMitigation *) g_ptr_array_index (mitigations, 0))->description, ==,
                   "Expand resourced provision in mainstream schools");
  g_assert_cmpstr (((BpMitigation *) g_ptr_array_index (mitigations, 2))->description, ==,
                   "Commission 40 alternative provision places");
  g_assert_cmpstr (((BpMitigation *) g_ptr_array_index (mitigations, 3))->description, ==,
                   "Review placements quarterly with health");
  g_clear_pointer (&mitigations, g_ptr_array_unref);
  mitigations = bp_db_list_mitigations (f->db, r2->id, NULL);
  g_assert_cmpuint (mitigations->len, ==, 2);
  g_assert_cmpstr (((BpMitigation *) g_ptr_array_index (mitigations, 1))->description, ==,
                   "Use locum EPs");

  before = file_counts (f->path);
  again = run_ok (imp, f->db, FALSE);
  after = file_counts (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (again->risks_unchanged, ==, 3);
  g_assert_cmpint (again->mitigations_added, ==, 0);
}

static void
test_risk_repeat_conflict (Fixture *f, gconstpointer data)
{
  static const char csv[] = "Ref,Risk,Likelihood,Impact,Mitigations\n"
                            "R1,Places,4,4,Build\n"
                            "R1,Something else,4,4,Buy\n";
  g_autoptr (BpImport) imp = import_text (BP_IMPORT_RISKS, "r.csv", csv);
  g_autoptr (BpImportReport) report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (bp_import_run (imp, f->db, FALSE, &report, &error));
  g_assert_true (has_message (report->errors,
                              "r.csv:3: the risk R1 is already on row 2 with another Risk "
                              "(“Places”, here “Something else”): a repeated row may only add "
                              "mitigations"));
}

/* --------------------------------------------------------------- measures */

static double
measure_value (const char *path, const char *title, const char *period, gboolean *is_null)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double v = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT v.value FROM measure_value v JOIN measure m"
                                           " ON m.id = v.measure_id WHERE m.title = ?1"
                                           " AND v.period = ?2",
                                       -1, &stmt, NULL),
                   ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, period, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  *is_null = sqlite3_column_type (stmt, 0) == SQLITE_NULL;
  v = sqlite3_column_double (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return v;
}

static void
test_measures_wide (Fixture *f, gconstpointer data)
{
  g_autoptr (BpImport) imp = import_file (BP_IMPORT_MEASURES, "scorecard-wide.csv");
  g_autoptr (BpImportReport) report = run_ok (imp, f->db, FALSE);
  gboolean is_null;

  g_assert_cmpint (report->measures_created, ==, 8);
  g_assert_cmpint (report->values_created, ==, 24);
  g_assert_cmpint (report->values_without_figure, ==, 2);
  g_assert_cmpfloat (measure_value (f->path, "20-week timeliness (including exceptions)",
                                    "Mar-24", &is_null),
                     ==, 67.1);
  g_assert_cmpfloat (measure_value (f->path, "Annual review backlog", "Sep-23", &is_null), ==,
                     1383);
  /* ".." and "-": no value, kept as such, not zero. */
  measure_value (f->path, "Children awaiting a specialist place", "Sep-23", &is_null);
  g_assert_true (is_null);
  measure_value (f->path, "Children awaiting a specialist place", "Mar-24", &is_null);
  g_assert_true (is_null);
  {
    g_autofree char *end = bp_test_sql_text (f->path, "SELECT period_end FROM measure_value"
                                                      " WHERE period = 'Sep-24' LIMIT 1");
    g_autofree char *m = bp_test_sql_text (
      f->path, "SELECT unit || '|' || polarity || '|' || target FROM measure"
               " WHERE title = 'EHC plans waiting over 30 weeks'");

    g_assert_cmpstr (end, ==, "2024-09-30");
    g_assert_cmpstr (m, ==, "count|lower|0.0");
  }
}

static void
test_measures_long (Fixture *f, gconstpointer data)
{
  g_autoptr (BpImport) imp = import_file (BP_IMPORT_MEASURES, "scorecard-long.csv");
  g_autoptr (BpImportReport) report = run_ok (imp, f->db, FALSE);
  g_autoptr (BpImportReport) again = NULL;
  gboolean is_null;

  g_assert_cmpint (report->measures_created, ==, 3);
  g_assert_cmpint (report->values_created, ==, 6);
  g_assert_cmpint (report->values_without_figure, ==, 1);
  g_assert_cmpfloat (measure_value (f->path, "Annual review backlog", "Sep-24", &is_null), ==,
                     1038);
  measure_value (f->path, "Plans issued within 20 weeks", "Q1 2024/25", &is_null);
  g_assert_true (is_null);
  {
    g_autofree char *s = bp_test_sql_text (
      f->path, "SELECT period_end || '|' || note FROM measure_value WHERE period = 'Q1 2024/25'");

    g_assert_cmpstr (s, ==, "2024-06-30|Suppressed: fewer than 5");
  }
  again = run_ok (imp, f->db, FALSE);
  g_assert_cmpint (again->values_created, ==, 0);
  g_assert_cmpint (again->values_updated, ==, 0);
  g_assert_cmpint (again->values_unchanged, ==, 6);
}

static void
test_measures_dfe (Fixture *f, gconstpointer data)
{
  /* Real DfE data: one row per authority (or region, or England) and
   * year, "z" and "x" where suppressed, quoted names with commas. Each
   * area becomes a measure of its 20-week timeliness (incl. exceptions),
   * named by the first of la_name, region_name, country_name given. */
  static const char *const maps[] = {
    "la_name=measure", "region_name=measure", "country_name=measure", "time_period=period",
    "inc_exc_20week_rate=value",
  };
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "dfe", "sen2_mi.csv",
                                                 NULL);
  g_autoptr (BpImport) imp = bp_import_new (BP_IMPORT_MEASURES);
  g_autoptr (BpImportReport) report = NULL;
  g_autoptr (BpImportReport) again = NULL;
  gboolean is_null;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  bp_import_set_source_path (imp, path);
  for (gsize i = 0; i < G_N_ELEMENTS (maps); i++)
    {
      g_autoptr (GError) error = NULL;

      g_assert_true (bp_import_add_mapping_option (imp, maps[i], &error));
      g_assert_no_error (error);
    }
  report = run_ok (imp, f->db, FALSE);
  g_assert_cmpint (report->rows, ==, 1456);
  g_assert_cmpint (report->measures_created, ==, 165); /* 155 authorities, 9 regions, England */
  g_assert_cmpint (report->values_created, ==, 1456);
  g_assert_cmpint (report->values_without_figure, ==, 79); /* 75 "z", 4 "x" */
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM measure_value"
                                             " WHERE value IS NULL"),
                   ==, 79);
  g_assert_cmpfloat (measure_value (f->path, "Kirklees", "2014", &is_null), ==, 85.7);
  g_assert_cmpfloat (measure_value (f->path, "England", "2014", &is_null), ==, 61.5);
  g_assert_cmpfloat (measure_value (f->path, "Kingston upon Hull, City of", "2022", &is_null), >,
                     0);
  {
    g_autofree char *end = bp_test_sql_text (f->path, "SELECT DISTINCT period_end FROM"
                                                      " measure_value WHERE period = '2019'");

    g_assert_cmpstr (end, ==, "2019-12-31");
  }
  /* A suppressed value: kept as no value, not as zero. */
  {
    g_autofree char *title = bp_test_sql_text (
      f->path, "SELECT m.title || '|' || v.period FROM measure_value v JOIN measure m"
               " ON m.id = v.measure_id WHERE v.value IS NULL ORDER BY m.title, v.period LIMIT 1");
    g_auto (GStrv) parts = g_strsplit (title, "|", 2);

    measure_value (f->path, parts[0], parts[1], &is_null);
    g_assert_true (is_null);
  }
  again = run_ok (imp, f->db, FALSE);
  g_assert_cmpint (again->measures_created, ==, 0);
  g_assert_cmpint (again->values_unchanged, ==, 1456);
}

/* ---------------------------------------------------------------- mapping */

static void
test_mapping (Fixture *f, gconstpointer data)
{
  static const char csv[] = "Code,Thing to do,Who,Notes,Progress (May),Progress (June)\n"
                            "1.9,Write the SEF,Alice Owner,internal,May words,June words\n";
  g_autoptr (BpImport) imp = import_text (BP_IMPORT_ACTIONS, "m.csv", csv);
  g_autoptr (BpImportReport) report = NULL;
  g_autoptr (BpImportPreview) preview = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) updates = NULL;
  g_autoptr (BpAction) a = NULL;
  BpImportColumn *col;

  /* Unmapped, nothing names the reference or the title. */
  preview = bp_import_preview (imp, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->missing->len, ==, 2);
  g_clear_pointer (&preview, bp_import_preview_free);

  g_assert_true (bp_import_add_mapping_option (imp, "code=ref", &error));
  g_assert_true (bp_import_add_mapping_option (imp, "THING TO DO = title", &error));
  g_assert_true (bp_import_add_mapping_option (imp, "Who=owner", &error));
  g_assert_true (bp_import_add_mapping_option (imp, "Notes=ignore", &error));
  g_assert_no_error (error);
  g_assert_false (bp_import_add_mapping_option (imp, "Who=favourite", &error));
  g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (bp_import_add_mapping_option (imp, "no equals sign", &error));
  g_clear_error (&error);

  preview = bp_import_preview (imp, f->db, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->missing->len, ==, 0);
  g_assert_cmpint (preview->header_row, ==, 1);
  g_assert_cmpuint (preview->rows->len, ==, 1);
  g_assert_cmpstr (((char **) g_ptr_array_index (preview->rows, 0))[1], ==, "Write the SEF");
  col = g_ptr_array_index (preview->columns, 0);
  g_assert_cmpstr (col->field, ==, "ref");
  g_assert_true (col->mapped);
  col = g_ptr_array_index (preview->columns, 3);
  g_assert_null (col->field);
  /* Two progress columns: the later (rightmost) is the update. */
  col = g_ptr_array_index (preview->columns, 4);
  g_assert_null (col->field);
  g_assert_nonnull (col->note);
  col = g_ptr_array_index (preview->columns, 5);
  g_assert_cmpstr (col->field, ==, "update");
  /* With the file, the preview carries the dry run's counts. */
  g_assert_cmpint (preview->report->actions_created, ==, 1);
  g_assert_cmpint (preview->report->people_created, ==, 0);

  report = run_ok (imp, f->db, FALSE);
  a = bp_db_find_action (f->db, "1.9", NULL);
  g_assert_cmpint (a->owner_id, ==, f->ids.alice);
  g_assert_cmpint (a->priority_id, ==, f->ids.p1); /* from "1.9" */
  updates = bp_db_list_updates (f->db, a->id, NULL);
  g_assert_cmpstr (((BpUpdate *) g_ptr_array_index (updates, 0))->commentary, ==, "June words");

  /* A --map naming a column the file does not have. */
  {
    g_autoptr (BpImport) bad = import_text (BP_IMPORT_ACTIONS, "m.csv", csv);
    g_autoptr (BpImportReport) r = NULL;

    g_assert_true (bp_import_add_mapping_option (bad, "Reference number=ref", NULL));
    g_assert_false (bp_import_run (bad, f->db, FALSE, &r, NULL));
    g_assert_true (g_str_has_prefix (((BpImportMessage *) g_ptr_array_index (r->errors, 0))->text,
                                     "m.csv:1: --map: there is no column “Reference number”"));
  }
}

static void
test_preview_errors (Fixture *f, gconstpointer data)
{
  g_autoptr (BpImport) imp = import_file (BP_IMPORT_ACTIONS, "bad-several.csv");
  g_autoptr (BpImportPreview) preview = NULL;
  g_autoptr (GError) error = NULL;

  /* Without the file: every error of the rows themselves, before anything
   * is written, by line. */
  preview = bp_import_preview (imp, NULL, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->rows->len, ==, 3);
  g_assert_cmpint (g_array_index (preview->row_numbers, int, 0), ==, 2);
  g_assert_cmpint (preview->report->n_errors, ==, 4); /* the missing title needs the file */
  g_assert_cmpint (((BpImportMessage *) g_ptr_array_index (preview->report->errors, 0))->line, ==,
                   2);
  g_clear_pointer (&preview, bp_import_preview_free);

  /* With it, the dry run finds the fifth. */
  preview = bp_import_preview (imp, f->db, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpint (preview->report->n_errors, ==, 5);
}

static void
test_missing_source (Fixture *f, gconstpointer data)
{
  g_autoptr (BpImport) imp = bp_import_new (BP_IMPORT_ACTIONS);
  g_autoptr (BpImportReport) report = NULL;
  g_autoptr (GError) error = NULL;

  bp_import_set_source_path (imp, "/nonexistent/plan.csv");
  g_assert_false (bp_import_run (imp, f->db, FALSE, &report, &error));
  g_assert_error (error, BP_ERROR, BP_ERROR_NOT_FOUND);
  g_assert_cmpint (bp_error_exit_code (error), ==, 66);
}

static void
test_empty_source (Fixture *f, gconstpointer data)
{
  g_autoptr (BpImport) imp = import_text (BP_IMPORT_ACTIONS, "empty.csv", "");
  g_autoptr (BpImportReport) report = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_false (bp_import_run (imp, f->db, FALSE, &report, &error));
  g_assert_true (has_message (report->errors, "empty.csv: the file is empty: no header row and no data"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv/quoting", test_csv_quoting);
  g_test_add_func ("/import/csv/line-ends", test_csv_line_ends);
  g_test_add_func ("/import/csv/bom", test_csv_bom);
  g_test_add_func ("/import/csv/windows-1252", test_csv_windows_1252);
  g_test_add_func ("/import/csv/utf-16", test_csv_utf16);
  g_test_add_func ("/import/csv/delimiters", test_csv_delimiters);
  g_test_add_func ("/import/csv/malformed", test_csv_malformed);
  g_test_add_func ("/import/dates", test_dates);
  g_test_add_func ("/import/headers", test_headers);
  g_test_add ("/import/values/rag", Fixture, NULL, set_up_small, test_rag_words, tear_down);
  g_test_add ("/import/values/risk-scores", Fixture, NULL, set_up_empty, test_risk_scores,
              tear_down);
  g_test_add ("/import/plan/messy", Fixture, NULL, set_up_empty, test_plan_messy, tear_down);
  g_test_add ("/import/plan/twice", Fixture, NULL, set_up_empty, test_plan_twice, tear_down);
  g_test_add ("/import/plan/existing", Fixture, NULL, set_up_small, test_plan_updates_existing,
              tear_down);
  g_test_add ("/import/plan/rag-change", Fixture, NULL, set_up_small,
              test_plan_rag_change_is_an_update, tear_down);
  g_test_add ("/import/plan/neutralised", Fixture, NULL, set_up_small, test_plan_neutralised,
              tear_down);
  g_test_add ("/import/plan/priority-from-ref", Fixture, NULL, set_up_empty,
              test_plan_priority_from_ref, tear_down);
  g_test_add ("/import/plan/windows-1252", Fixture, NULL, set_up_empty, test_plan_windows_1252,
              tear_down);
  g_test_add ("/import/plan/dry-run", Fixture, NULL, set_up_empty, test_dry_run, tear_down);
  for (gsize i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/import/bad/%s", bad_cases[i].file);

      g_test_add (name, Fixture, &bad_cases[i], set_up_small, test_bad_file, tear_down);
    }
  g_test_add ("/import/bad/late-row", Fixture, NULL, set_up_small, test_bad_late_row_rolls_back,
              tear_down);
  g_test_add ("/import/updates", Fixture, NULL, set_up_empty, test_updates_kind, tear_down);
  g_test_add ("/import/updates-asks", Fixture, NULL, set_up_empty, test_updates_asks, tear_down);
  g_test_add ("/import/risks", Fixture, NULL, set_up_empty, test_risks, tear_down);
  g_test_add ("/import/risks/repeat-conflict", Fixture, NULL, set_up_empty,
              test_risk_repeat_conflict, tear_down);
  g_test_add ("/import/measures/wide", Fixture, NULL, set_up_empty, test_measures_wide, tear_down);
  g_test_add ("/import/measures/long", Fixture, NULL, set_up_empty, test_measures_long, tear_down);
  g_test_add ("/import/measures/dfe", Fixture, NULL, set_up_empty, test_measures_dfe, tear_down);
  g_test_add ("/import/mapping", Fixture, NULL, set_up_small, test_mapping, tear_down);
  g_test_add ("/import/preview/errors", Fixture, NULL, set_up_small, test_preview_errors,
              tear_down);
  g_test_add ("/import/missing-source", Fixture, NULL, set_up_empty, test_missing_source,
              tear_down);
  g_test_add ("/import/empty-source", Fixture, NULL, set_up_empty, test_empty_source, tear_down);

  return g_test_run ();
}
