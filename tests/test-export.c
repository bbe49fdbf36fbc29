/* test-export.c: CSV, XLSX and HTML exports of the plan, the risk register
 * and the scorecard; `boardpack export` as a user runs it, and the round
 * trip CSV -> `boardpack import` into a new file -> CSV. */
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bp-export.h"
#include "bp-sample.h"
#include "bp-test-util.h"
#include "bp-translate.h"

#define AS_OF "2025-06-30"

/* ------------------------------------------------------------ helpers */

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs a program (argv[0] found on PATH, or "boardpack") to the end. */
static void
run_argv (Run *r, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int wait_status = 0;

  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, (char *) (i == 0 && g_str_equal (args[0], "boardpack")
                                       ? g_getenv ("BOARDPACK")
                                       : args[i]));
  g_assert_nonnull (argv->pdata[0]);
  g_ptr_array_add (argv, NULL);
  run_clear (r);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL,
                               NULL, &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}

#define RUN(r, ...) run_argv ((r), (const char *const[]) { __VA_ARGS__, NULL })

/* Every field of an RFC 4180 text, row by row (GStrv each); the BOM is
 * skipped. A strict reader: an unterminated quote fails the test. */
static GPtrArray *
parse_csv (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GPtrArray) fields = g_ptr_array_new ();
  g_autoptr (GString) field = g_string_new (NULL);
  const char *p = text;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  while (*p)
    {
      if (*p == '"')
        {
          p++;
          for (;;)
            {
              g_assert_true (*p != '\0');
              if (*p == '"' && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p += 2;
                }
              else if (*p == '"')
                {
                  p++;
                  break;
                }
              else
                g_string_append_c (field, *p++);
            }
        }
      while (*p && *p != ',' && *p != '\r' && *p != '\n')
        g_string_append_c (field, *p++);
      g_ptr_array_add (fields, g_strdup (field->str));
      g_string_truncate (field, 0);
      if (*p == ',')
        {
          p++;
          continue;
        }
      /* Every record ends in CRLF. */
      g_assert_cmpint (*p, ==, '\r');
      g_assert_cmpint (p[1], ==, '\n');
      p += 2;
      g_ptr_array_add (fields, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (fields, NULL));
    }
  return rows;
}

static int
column_index (GStrv header, const char *name)
{
  for (int i = 0; header[i]; i++)
    if (g_str_equal (header[i], name))
      return i;
  g_error ("no column %s", name);
  return -1;
}

/* The row whose first column is @ref. */
static GStrv
row_by_ref (GPtrArray *rows, const char *ref)
{
  for (guint i = 1; i < rows->len; i++)
    {
      GStrv row = rows->pdata[i];

      if (g_str_equal (row[0], ref))
        return row;
    }
  g_error ("no row %s", ref);
  return NULL;
}

static char *
render_text (BpDb *db, BpExportWhat what, BpExportFormat format)
{
  g_autoptr (GError) error = NULL;
  BpExportOptions options = { AS_OF };
  g_autoptr (BpExport) export = bp_export_load (db, what, &options, &error);
  g_autoptr (GBytes) bytes = NULL;
  gsize len = 0;
  const char *data;

  g_assert_no_error (error);
  bytes = bp_export_render (export, format, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &len);
  g_assert_true (g_utf8_validate (data, len, NULL));
  return g_strndup (data, len);
}

/* A programme whose text has everything that trips a spreadsheet up. */
static BpDb *
tricky_programme (const char *path, BpTestIds *ids)
{
  g_autoptr (GError) error = NULL;
  BpDb *db = bp_test_small_programme (path, ids);
  g_autoptr (BpAction) a11 = bp_db_get_action (db, ids->a11, &error);
  g_autoptr (BpAction) a12 = bp_db_get_action (db, ids->a12, &error);
  BpUpdate update = { 0 };

  g_assert_no_error (error);
  g_free (a11->description);
  a11->description = g_strdup ("Refresh, publish and \"promote\" it;\nthen review\r\nin June");
  a11->start_date = g_strdup ("2024-09-01");
  a11->revised_due_date = g_strdup ("2025-07-31");
  a11->percent = 40;
  g_assert_true (bp_db_update_action (db, a11, &error));
  g_free (a12->title);
  a12->title = g_strdup ("=HYPERLINK(\"http://example.invalid\",\"Click\")");
  g_free (a12->description);
  a12->description = g_strdup ("-2+3");
  g_assert_true (bp_db_update_action (db, a12, &error));
  g_assert_no_error (error);

  update.action_id = ids->a11;
  update.date = (char *) "2025-06-01";
  update.rag = BP_RAG_GREEN;
  update.commentary = (char *) "@SUM(A1:A9) looks odd, but it is what the owner wrote";
  g_assert_true (bp_db_add_update (db, &update, &error));
  g_assert_no_error (error);
  return db;
}

/* ------------------------------------------------------------ cells */

static void
test_csv_field_quoting (void)
{
  static const struct
  {
    const char *in, *out;
  } cases[] = {
    { "plain", "plain" },
    { "", "" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "crlf\r\nline", "\"crlf\r\nline\"" },
    { " lead", "\" lead\"" },
    { "trail ", "\"trail \"" },
    { "Café £12 — ok", "Café £12 — ok" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GString) line = g_string_new (NULL);

      bp_export_csv_append_field (line, cases[i].in);
      g_assert_cmpstr (line->str, ==, cases[i].out);
    }
}

static void
test_neutralise (void)
{
  static const struct
  {
    const char *in, *out;
  } cases[] = {
    { "=SUM(A1:A2)", "'=SUM(A1:A2)" },
    { "+44 1202 123456", "'+44 1202 123456" },
    { "-1", "'-1" },
    { "@cmd", "'@cmd" },
    { "\tTab", "'\tTab" },
    { "\rCR", "'\rCR" },
    { "Plain text", "Plain text" },
    { "a=b", "a=b" },
    { " =1+1", " =1+1" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = bp_export_neutralise (cases[i].in);

      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_true (bp_export_is_formula_like (cases[i].in) == (out[0] == '\''));
    }
  {
    g_autofree char *none = bp_export_neutralise (NULL);

    g_assert_cmpstr (none, ==, "");
    g_assert_false (bp_export_is_formula_like (NULL));
  }
}

static void
test_parse_names (void)
{
  BpExportWhat what;
  BpExportFormat format;

  g_assert_true (bp_export_what_parse ("Scorecard", &what));
  g_assert_cmpint (what, ==, BP_EXPORT_SCORECARD);
  g_assert_true (bp_export_what_parse ("actions", &what));
  g_assert_cmpint (what, ==, BP_EXPORT_ACTIONS);
  g_assert_false (bp_export_what_parse ("milestones", &what));
  g_assert_false (bp_export_what_parse (NULL, &what));
  g_assert_true (bp_export_format_parse ("XLSX", &format));
  g_assert_cmpint (format, ==, BP_EXPORT_XLSX);
  g_assert_false (bp_export_format_parse ("ods", &format));
  g_assert_cmpstr (bp_export_format_extension (BP_EXPORT_HTML), ==, "html");
}

/* ------------------------------------------------------------ CSV */

static void
test_csv_actions (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.boardpack", NULL);
  BpTestIds ids;
  g_autoptr (BpDb) db = tricky_programme (path, &ids);
  g_autofree char *csv = render_text (db, BP_EXPORT_ACTIONS, BP_EXPORT_CSV);
  g_autoptr (GPtrArray) rows = parse_csv (csv);
  GStrv header, a11, a12, a21;

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "Ref,Priority,Action,Description,Owner,"
                                        "Organisation,Partners,Start,Due,Revised due date,"
                                        "Reason for revised date,RAG,Percent,Update date,"
                                        "Latest update,Next steps,Asks of the board,"
                                        "Expected impact,Evidence,"
                                        "Inspection criteria\r\n"));
  g_assert_cmpuint (rows->len, ==, 4);
  header = rows->pdata[0];
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpuint (g_strv_length (rows->pdata[i]), ==, g_strv_length (header));

  a11 = row_by_ref (rows, "1.1");
  g_assert_cmpstr (a11[column_index (header, "Priority")], ==, "P1 Leadership");
  g_assert_cmpstr (a11[column_index (header, "Action")], ==, "Publish the Local Offer refresh");
  g_assert_cmpstr (a11[column_index (header, "Description")], ==,
                   "Refresh, publish and \"promote\" it;\nthen review\r\nin June");
  g_assert_cmpstr (a11[column_index (header, "Owner")], ==, "Alice Owner");
  g_assert_cmpstr (a11[column_index (header, "Organisation")], ==, "");
  g_assert_cmpstr (a11[column_index (header, "Start")], ==, "2024-09-01");
  g_assert_cmpstr (a11[column_index (header, "Due")], ==, "2025-03-31");
  g_assert_cmpstr (a11[column_index (header, "Revised due date")], ==, "2025-07-31");
  g_assert_cmpstr (a11[column_index (header, "RAG")], ==, "Green");
  g_assert_cmpstr (a11[column_index (header, "Percent")], ==, "40");
  g_assert_cmpstr (a11[column_index (header, "Update date")], ==, "2025-06-01");
  g_assert_cmpstr (a11[column_index (header, "Latest update")], ==,
                   "'@SUM(A1:A9) looks odd, but it is what the owner wrote");

  a12 = row_by_ref (rows, "1.2");
  g_assert_cmpstr (a12[column_index (header, "Action")], ==,
                   "'=HYPERLINK(\"http://example.invalid\",\"Click\")");
  g_assert_cmpstr (a12[column_index (header, "Description")], ==, "'-2+3");
  g_assert_cmpstr (a12[column_index (header, "RAG")], ==, "Red");

  a21 = row_by_ref (rows, "2.1");
  g_assert_cmpstr (a21[column_index (header, "Priority")], ==, "P2 Inclusion");
  g_assert_cmpstr (a21[column_index (header, "RAG")], ==, "Blue");
  g_assert_cmpstr (a21[column_index (header, "Latest update")], ==, "");

  /* The apostrophe goes inside the quotes of a quoted field. */
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"Click\"\")\","));
  bp_test_rmdir (dir);
}

static void
test_csv_scorecard (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.boardpack", NULL);
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (path, &ids);
  g_autoptr (GError) error = NULL;
  g_autoptr (BpMeasure) pct = bp_measure_new ();
  g_autoptr (BpMeasure) money = bp_measure_new ();
  g_autoptr (BpMeasure) empty = bp_measure_new ();
  static const struct
  {
    const char *period, *end;
    double value;
  } pct_values[] = {
    { "Sep-23", "2023-09-30", 93.2 },
    { "Mar-24", "2024-03-31", NAN },
    { "Sep-24", "2024-09-30", 100 },
  };
  g_autofree char *csv = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  GStrv header;

  pct->ref = g_strdup ("K1");
  pct->title = g_strdup ("Decisions within 6 weeks, all routes");
  pct->unit = g_strdup ("%");
  pct->target = 95;
  pct->tolerance = 5;
  g_assert_true (bp_db_insert_measure (db, pct, &error));
  money->ref = g_strdup ("K2");
  money->title = g_strdup ("High needs balance");
  money->unit = g_strdup ("£");
  money->target = 0;
  money->tolerance = 500000;
  g_assert_true (bp_db_insert_measure (db, money, &error));
  empty->ref = g_strdup ("K3");
  empty->title = g_strdup ("-Not collected yet");
  empty->unit = g_strdup ("count");
  empty->polarity = BP_POLARITY_LOWER;
  g_assert_true (bp_db_insert_measure (db, empty, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (pct_values); i++)
    {
      BpMeasureValue v = { 0, pct->id, (char *) pct_values[i].period, (char *) pct_values[i].end,
                           pct_values[i].value, NULL };

      g_assert_true (bp_db_insert_measure_value (db, &v, &error));
    }
  {
    BpMeasureValue v = { 0, money->id, (char *) "2024/25", (char *) "2025-03-31", -1250000.5,
                         (char *) "+ deficit, after the safety valve payment" };

    g_assert_true (bp_db_insert_measure_value (db, &v, &error));
  }
  g_assert_no_error (error);

  csv = render_text (db, BP_EXPORT_SCORECARD, BP_EXPORT_CSV);
  rows = parse_csv (csv);
  header = rows->pdata[0];
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "Ref,Measure,Unit,Polarity,Target,"
                                        "Tolerance,Frequency,Baseline,Comparator,Period,"
                                        "Period end,Value,RAG,Direction,Note\r\n"));
  g_assert_cmpuint (rows->len, ==, 1 + 3 + 1 + 1);
  {
    GStrv r = rows->pdata[1];

    g_assert_cmpstr (r[column_index (header, "Ref")], ==, "K1");
    g_assert_cmpstr (r[column_index (header, "Measure")], ==, "Decisions within 6 weeks, all routes");
    g_assert_cmpstr (r[column_index (header, "Unit")], ==, "%");
    g_assert_cmpstr (r[column_index (header, "Polarity")], ==, "higher");
    g_assert_cmpstr (r[column_index (header, "Target")], ==, "95");
    g_assert_cmpstr (r[column_index (header, "Tolerance")], ==, "5");
    g_assert_cmpstr (r[column_index (header, "Period")], ==, "Sep-23");
    g_assert_cmpstr (r[column_index (header, "Period end")], ==, "2023-09-30");
    g_assert_cmpstr (r[column_index (header, "Value")], ==, "93.2");
    g_assert_cmpstr (r[column_index (header, "RAG")], ==, "Amber");
    g_assert_cmpstr (r[column_index (header, "Direction")], ==, "");
  }
  {
    GStrv r = rows->pdata[2]; /* no value: empty, not zero, and no RAG */

    g_assert_cmpstr (r[column_index (header, "Period")], ==, "Mar-24");
    g_assert_cmpstr (r[column_index (header, "Value")], ==, "");
    g_assert_cmpstr (r[column_index (header, "RAG")], ==, "");
  }
  {
    GStrv r = rows->pdata[3]; /* compared with the last value there was */

    g_assert_cmpstr (r[column_index (header, "Value")], ==, "100");
    g_assert_cmpstr (r[column_index (header, "RAG")], ==, "Green");
    g_assert_cmpstr (r[column_index (header, "Direction")], ==, "Improved");
  }
  {
    GStrv r = rows->pdata[4]; /* a negative number is a number, not a formula */

    g_assert_cmpstr (r[column_index (header, "Value")], ==, "-1250000.5");
    g_assert_cmpstr (r[column_index (header, "Note")], ==,
                     "'+ deficit, after the safety valve payment");
  }
  {
    GStrv r = rows->pdata[5]; /* a measure with no values keeps its row */

    g_assert_cmpstr (r[column_index (header, "Ref")], ==, "K3");
    g_assert_cmpstr (r[column_index (header, "Measure")], ==, "'-Not collected yet");
    g_assert_cmpstr (r[column_index (header, "Polarity")], ==, "lower");
    g_assert_cmpstr (r[column_index (header, "Target")], ==, "");
    g_assert_cmpstr (r[column_index (header, "Period")], ==, "");
  }
  bp_test_rmdir (dir);
}

static void
test_csv_risks (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.boardpack", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_sample_write (path, &error);
  g_autofree char *csv = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) risks = NULL;
  GStrv header;

  g_assert_no_error (error);
  csv = render_text (db, BP_EXPORT_RISKS, BP_EXPORT_CSV);
  rows = parse_csv (csv);
  risks = bp_db_list_risks (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, risks->len + 1);
  header = rows->pdata[0];
  for (guint i = 0; i < risks->len; i++)
    {
      BpRisk *r = risks->pdata[i];
      GStrv row = rows->pdata[i + 1];
      g_autoptr (GPtrArray) mitigations = bp_db_list_mitigations (db, r->id, &error);
      g_auto (GStrv) lines = g_strsplit (row[column_index (header, "Mitigations")], "\n", -1);
      g_autofree char *score = g_strdup_printf ("%d", r->current_l * r->current_i);
      g_autofree char *l = g_strdup_printf ("%d", r->inherent_l);

      g_assert_cmpstr (row[column_index (header, "Ref")], ==, r->ref);
      g_assert_cmpstr (row[column_index (header, "Risk")], ==, r->title);
      g_assert_cmpstr (row[column_index (header, "Score")], ==, score);
      g_assert_cmpstr (row[column_index (header, "Inherent likelihood")], ==, l);
      g_assert_cmpstr (row[column_index (header, "Band")], !=, "");
      /* One mitigation per line of the cell. */
      g_assert_cmpuint (g_strv_length (lines), ==, mitigations->len);
      for (guint j = 0; j < mitigations->len; j++)
        g_assert_cmpstr (lines[j], ==, ((BpMitigation *) mitigations->pdata[j])->description);
    }
  bp_test_rmdir (dir);
}

/* ------------------------------------------------------------ XLSX */

static char *
unzip_member (const char *zip, const char *member)
{
  g_auto (Run) r = { 0 };

  RUN (&r, "unzip", "-p", zip, member);
  g_assert_cmpint (r.status, ==, 0);
  return g_steal_pointer (&r.out);
}

/* An attribute of an element's opening tag, or NULL. */
static char *
attribute (const char *tag, const char *name)
{
  g_autofree char *pattern = g_strdup_printf ("\\s%s=\"([^\"]*)\"", name);
  g_autoptr (GRegex) re = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;

  if (g_regex_match (re, tag, 0, &match))
    return g_match_info_fetch (match, 1);
  return NULL;
}

/* All matches of @pattern's first group in @text. */
static GPtrArray *
find_all (const char *text, const char *pattern)
{
  g_autoptr (GRegex) re = g_regex_new (pattern, G_REGEX_DOTALL, 0, NULL);
  g_autoptr (GMatchInfo) match = NULL;
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);

  g_regex_match (re, text, 0, &match);
  while (g_match_info_matches (match))
    {
      g_ptr_array_add (found, g_match_info_fetch (match, 1));
      g_match_info_next (match, NULL);
    }
  return found;
}

typedef struct
{
  char *sheet;
  GPtrArray *xfs;   /* the <xf> elements of cellXfs, by style index */
  GPtrArray *fills; /* fgColor rgb of each fill, by fill index */
  GHashTable *num_formats; /* numFmtId -> formatCode */
} Workbook;

static void
workbook_clear (Workbook *w)
{
  g_free (w->sheet);
  g_clear_pointer (&w->xfs, g_ptr_array_unref);
  g_clear_pointer (&w->fills, g_ptr_array_unref);
  g_clear_pointer (&w->num_formats, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Workbook, workbook_clear)

static void
workbook_read (Workbook *w, const char *path)
{
  g_autofree char *styles = unzip_member (path, "xl/styles.xml");
  g_autoptr (GPtrArray) cell_xfs = find_all (styles, "<cellXfs[^>]*>(.*?)</cellXfs>");
  g_autoptr (GPtrArray) fills = find_all (styles, "<fills[^>]*>(.*?)</fills>");
  g_autoptr (GPtrArray) fmts = find_all (styles, "(<numFmt [^>]*>)");

  w->sheet = unzip_member (path, "xl/worksheets/sheet1.xml");
  g_assert_cmpuint (cell_xfs->len, ==, 1);
  w->xfs = find_all (cell_xfs->pdata[0], "(<xf [^>]*/>|<xf [^>]*[^/]>.*?</xf>)");
  g_assert_cmpuint (fills->len, ==, 1);
  {
    g_autoptr (GPtrArray) each = find_all (fills->pdata[0], "<fill>(.*?)</fill>");

    w->fills = g_ptr_array_new_with_free_func (g_free);
    for (guint i = 0; i < each->len; i++)
      {
        g_autoptr (GPtrArray) rgb = find_all (each->pdata[i], "<fgColor rgb=\"([0-9A-F]{8})\"");

        g_ptr_array_add (w->fills, g_strdup (rgb->len ? rgb->pdata[0] : ""));
      }
  }
  w->num_formats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < fmts->len; i++)
    g_hash_table_insert (w->num_formats, attribute (fmts->pdata[i], "numFmtId"),
                         attribute (fmts->pdata[i], "formatCode"));
}

/* The <c> element of cell @ref ("G2"), or NULL. */
static char *
workbook_cell (Workbook *w, const char *ref)
{
  g_autofree char *pattern = g_strdup_printf ("(<c r=\"%s\"[^>]*?(?:/>|>.*?</c>))", ref);
  g_autoptr (GPtrArray) found = find_all (w->sheet, pattern);

  return found->len ? g_strdup (found->pdata[0]) : NULL;
}

static const char *
workbook_cell_xf (Workbook *w, const char *cell)
{
  g_autofree char *s = attribute (cell, "s");

  g_assert_nonnull (s);
  g_assert_cmpuint (atoi (s), <, w->xfs->len);
  return w->xfs->pdata[atoi (s)];
}

static char *
workbook_cell_format (Workbook *w, const char *cell)
{
  g_autofree char *id = attribute (workbook_cell_xf (w, cell), "numFmtId");

  return g_strdup (g_hash_table_lookup (w->num_formats, id));
}

static char *
workbook_cell_fill (Workbook *w, const char *cell)
{
  g_autofree char *id = attribute (workbook_cell_xf (w, cell), "fillId");

  return g_strdup (w->fills->pdata[atoi (id)]);
}

static char *
xlsx_of (BpDb *db, BpExportWhat what, const char *dir, const char *name)
{
  g_autoptr (GError) error = NULL;
  BpExportOptions options = { AS_OF };
  g_autoptr (BpExport) export = bp_export_load (db, what, &options, &error);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  g_assert_true (bp_export_save (export, BP_EXPORT_XLSX, path, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_xlsx_actions (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.boardpack", NULL);
  BpTestIds ids;
  g_autoptr (BpDb) db = tricky_programme (path, &ids);
  g_autofree char *xlsx = xlsx_of (db, BP_EXPORT_ACTIONS, dir, "plan.xlsx");
  g_auto (Workbook) w = { 0 };
  g_autofree char *start = NULL, *start_format = NULL, *rag = NULL, *rag_fill = NULL;
  g_autofree char *title = NULL, *percent = NULL, *percent_format = NULL, *header = NULL;
  g_autofree char *blue = NULL, *blue_fill = NULL, *width_cap = NULL;
  g_autoptr (GPtrArray) widths = NULL;
  g_autofree char *expect_red = NULL, *expect_blue = NULL;

  workbook_read (&w, xlsx);

  /* The header row frozen, the autofilter over the whole table. */
  g_assert_nonnull (strstr (w.sheet, "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                                     "state=\"frozen\"/>"));
  g_assert_nonnull (strstr (w.sheet, "<autoFilter ref=\"A1:T4\"/>"));
  header = workbook_cell (&w, "A1");
  g_assert_nonnull (strstr (header, "<t>Ref</t>"));
  g_assert_nonnull (strstr (workbook_cell_xf (&w, header), "fontId=\"1\""));

  /* Dates are numbers (Excel's serial days) shown dd/mm/yyyy: 2024-09-01
   * is day 45536. */
  start = workbook_cell (&w, "H2");
  g_assert_nonnull (start);
  g_assert_nonnull (strstr (start, "<v>45536</v>"));
  g_assert_null (strstr (start, "t=\"")); /* not a string */
  start_format = workbook_cell_format (&w, start);
  g_assert_cmpstr (start_format, ==, "dd/mm/yyyy");

  /* RAG: the word, filled with the RAG colour. */
  rag = workbook_cell (&w, "L3");
  g_assert_nonnull (strstr (rag, "<t>Red</t>"));
  rag_fill = workbook_cell_fill (&w, rag);
  expect_red = g_strdup ("FFC62828");
  g_assert_cmpstr (rag_fill, ==, expect_red);
  blue = workbook_cell (&w, "L4");
  g_assert_nonnull (strstr (blue, "<t>Blue</t>"));
  blue_fill = workbook_cell_fill (&w, blue);
  expect_blue = g_strdup ("FF203F8A");
  g_assert_cmpstr (blue_fill, ==, expect_blue);

  /* Percent complete: a fraction shown as a percentage. */
  percent = workbook_cell (&w, "M2");
  g_assert_nonnull (strstr (percent, "<v>0.4</v>"));
  percent_format = workbook_cell_format (&w, percent);
  g_assert_cmpstr (percent_format, ==, "0%");

  /* A formula-like text keeps an apostrophe in the cell. */
  title = workbook_cell (&w, "C3");
  g_assert_nonnull (strstr (title, "<t>'=HYPERLINK("));
  g_assert_null (strstr (w.sheet, "<f>"));

  /* Column widths from the content, none past the cap. */
  widths = find_all (w.sheet, "<col [^>]*width=\"([0-9.]+)\"");
  g_assert_cmpuint (widths->len, ==, 20);
  for (guint i = 0; i < widths->len; i++)
    {
      double width = g_ascii_strtod (widths->pdata[i], NULL);

      g_assert_cmpfloat (width, >=, 6);
      g_assert_cmpfloat (width, <=, 51);
    }
  bp_test_rmdir (dir);
}

/* What the latest update asks of the board: its own column beside the
 * next steps, in the CSV and the sheet, neutralised like any typed text. */
static void
test_asks_column (void)
{
  static const char asks[] = "- Agree £40,000 for locum assessors\n- Note the waits";
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.boardpack", NULL);
  g_autofree char *neutralised = g_strconcat ("'", asks, NULL);
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (path, &ids);
  g_autoptr (GError) error = NULL;
  BpUpdate update = { 0 };
  g_autofree char *csv = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *header = NULL, *cell = NULL, *empty = NULL;
  g_auto (Workbook) w = { 0 };
  GStrv head;
  int column;

  update.action_id = ids.a11;
  update.date = (char *) "2025-06-01";
  update.rag = BP_RAG_AMBER;
  update.commentary = (char *) "Waits are down, but not yet to target.";
  update.next_steps = (char *) "Recruit two locums.";
  update.asks = (char *) asks;
  g_assert_true (bp_db_add_update (db, &update, &error));
  g_assert_no_error (error);
  update.action_id = ids.a12;
  update.asks = NULL;
  g_assert_true (bp_db_add_update (db, &update, &error));
  g_assert_no_error (error);

  csv = render_text (db, BP_EXPORT_ACTIONS, BP_EXPORT_CSV);
  rows = parse_csv (csv);
  head = rows->pdata[0];
  column = column_index (head, "Asks of the board");
  g_assert_cmpint (column, ==, column_index (head, "Next steps") + 1);
  g_assert_cmpstr (row_by_ref (rows, "1.1")[column], ==, neutralised);
  g_assert_cmpstr (row_by_ref (rows, "1.1")[column - 1], ==, "Recruit two locums.");
  g_assert_cmpstr (row_by_ref (rows, "1.2")[column], ==, "");
  g_assert_cmpstr (row_by_ref (rows, "2.1")[column], ==, "");

  /* The sheet: column Q, 1.1 on row 2; nothing written for 1.2. */
  xlsx = xlsx_of (db, BP_EXPORT_ACTIONS, dir, "plan.xlsx");
  workbook_read (&w, xlsx);
  header = workbook_cell (&w, "Q1");
  g_assert_nonnull (header);
  g_assert_nonnull (strstr (header, "<t>Asks of the board</t>"));
  cell = workbook_cell (&w, "Q2");
  g_assert_nonnull (cell);
  g_assert_nonnull (strstr (cell, "'- Agree £40,000 for locum assessors"));
  empty = workbook_cell (&w, "Q3");
  g_assert_true (empty == NULL || strstr (empty, "<t>") == NULL);
  bp_test_rmdir (dir);
}

static void
test_xlsx_sample (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.boardpack", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_sample_write (path, &error);
  g_autofree char *scorecard = NULL, *risks = NULL;

  g_assert_no_error (error);
  scorecard = xlsx_of (db, BP_EXPORT_SCORECARD, dir, "scorecard.xlsx");
  {
    g_auto (Workbook) w = { 0 };
    g_autofree char *value = NULL, *format = NULL, *rag = NULL, *fill = NULL, *end = NULL;
    g_autofree char *end_format = NULL;

    workbook_read (&w, scorecard);
    g_assert_nonnull (strstr (w.sheet, "state=\"frozen\""));
    g_assert_nonnull (strstr (w.sheet, "<autoFilter ref=\"A1:O"));
    /* K1 Sep-23 93.2 %: the fraction 0.932, shown with one decimal. */
    value = workbook_cell (&w, "L2");
    g_assert_nonnull (strstr (value, "<v>0.932"));
    format = workbook_cell_format (&w, value);
    g_assert_cmpstr (format, ==, "0.0%");
    rag = workbook_cell (&w, "M2");
    g_assert_nonnull (strstr (rag, "<t>Amber</t>"));
    fill = workbook_cell_fill (&w, rag);
    g_assert_cmpstr (fill, ==, "FFFFC000");
    end = workbook_cell (&w, "K2");
    end_format = workbook_cell_format (&w, end);
    g_assert_cmpstr (end_format, ==, "dd/mm/yyyy");
  }
  risks = xlsx_of (db, BP_EXPORT_RISKS, dir, "risks.xlsx");
  {
    g_auto (Workbook) w = { 0 };
    g_autofree char *band = NULL, *fill = NULL;

    workbook_read (&w, risks);
    g_assert_nonnull (strstr (w.sheet, "state=\"frozen\""));
    g_assert_nonnull (strstr (w.sheet, "<autoFilter ref=\"A1:R"));
    band = workbook_cell (&w, "M2");
    g_assert_nonnull (band);
    fill = workbook_cell_fill (&w, band);
    g_assert_cmpuint (strlen (fill), ==, 8);
    /* The mitigations column wraps: one mitigation per line. */
    {
      g_autofree char *mitigations = workbook_cell (&w, "N2");

      g_assert_nonnull (strstr (workbook_cell_xf (&w, mitigations), "wrapText=\"1\""));
    }
  }
  bp_test_rmdir (dir);
}

/* ------------------------------------------------------------ HTML */

static guint
count (const char *text, const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (text, needle); p; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
check_html (const char *html)
{
  g_autoptr (GPtrArray) ids = find_all (html, "\\sid=\"([^\"]*)\"");
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) svgs = find_all (html, "(<svg [^>]*>)");
  g_autoptr (GPtrArray) hrefs = find_all (html, "href=\"([^\"]*)\"");
  g_autoptr (GPtrArray) tables = find_all (html, "<table>(.*?)</table>");

  g_assert_true (g_str_has_prefix (html, "<!DOCTYPE html>\n<html lang=\"en-GB\">"));
  g_assert_cmpuint (count (html, "<title>"), ==, 1);
  g_assert_null (strstr (html, "<title></title>"));
  g_assert_cmpuint (count (html, "<h1"), ==, 1);
  g_assert_cmpuint (count (html, "<main>"), ==, 1);
  g_assert_null (strstr (html, "<script"));
  g_assert_null (strstr (html, " src="));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "@import"));
  g_assert_null (strstr (html, "<?xml"));

  /* Only links inside the page (cairo's glyph references). */
  for (guint i = 0; i < hrefs->len; i++)
    g_assert_true (((char *) hrefs->pdata[i])[0] == '#');

  /* Ids are unique: several charts on one page must not share cairo's
   * glyph names. */
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_false (g_hash_table_contains (seen, ids->pdata[i]));
      g_hash_table_add (seen, ids->pdata[i]);
    }

  /* Every chart is an image named by a visible, non-empty summary. */
  g_assert_cmpuint (svgs->len, >, 0);
  for (guint i = 0; i < svgs->len; i++)
    {
      g_autofree char *role = attribute (svgs->pdata[i], "role");
      g_autofree char *labelled = attribute (svgs->pdata[i], "aria-labelledby");
      g_autofree char *pattern = NULL;
      g_autoptr (GPtrArray) label = NULL;

      g_assert_cmpstr (role, ==, "img");
      g_assert_nonnull (labelled);
      pattern = g_strdup_printf ("<figcaption id=\"%s\">([^<]+)", labelled);
      label = find_all (html, pattern);
      g_assert_cmpuint (label->len, ==, 1);
      g_assert_cmpuint (strlen (label->pdata[0]), >, 20);
    }

  /* Real tables: a caption, column headers and row headers with scope. */
  g_assert_cmpuint (tables->len, >, 0);
  for (guint i = 0; i < tables->len; i++)
    {
      const char *t = tables->pdata[i];

      g_assert_true (g_str_has_prefix (t, "\n<caption>"));
      g_assert_nonnull (strstr (t, "<thead><tr><th scope=\"col\""));
      g_assert_nonnull (strstr (t, "<tr><th scope=\"row\">"));
      g_assert_null (strstr (t, "<th>"));
    }
}

static void
test_html_sample (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sample.boardpack", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_sample_write (path, &error);
  g_autofree char *actions = NULL, *risks = NULL, *scorecard = NULL;
  g_autoptr (GPtrArray) measures = NULL;

  g_assert_no_error (error);
  actions = render_text (db, BP_EXPORT_ACTIONS, BP_EXPORT_HTML);
  check_html (actions);
  /* The donut and the bars, then the plan by priority area. */
  g_assert_cmpuint (count (actions, "<svg "), ==, 2);
  g_assert_cmpuint (count (actions, "<table>"), ==, 8);
  g_assert_nonnull (strstr (actions, "<td class=\"rag rag-R\">Red</td>"));
  g_assert_nonnull (strstr (actions, "<strong class=\"overdue\">Overdue</strong>"));
  g_assert_nonnull (strstr (actions, "<time datetime=\""));
  /* Each latest update's asks of the board, beside its next steps. */
  g_assert_cmpint (count (actions, "<strong>Asks of the board:</strong> "), ==,
                   bp_test_sql_int (path, "SELECT count(*) FROM action a WHERE (SELECT asks"
                                          " FROM progress_update u WHERE u.action_id = a.id"
                                          " ORDER BY date DESC, id DESC LIMIT 1) <> ''"));
  g_assert_cmpuint (count (actions, "<strong>Next steps:</strong> "), >, 0);

  risks = render_text (db, BP_EXPORT_RISKS, BP_EXPORT_HTML);
  check_html (risks);
  g_assert_cmpuint (count (risks, "<svg "), ==, 2);
  g_assert_nonnull (strstr (risks, "Inherent: "));
  g_assert_nonnull (strstr (risks, "Current: "));

  scorecard = render_text (db, BP_EXPORT_SCORECARD, BP_EXPORT_HTML);
  check_html (scorecard);
  measures = bp_db_list_measures (db, &error);
  g_assert_no_error (error);
  /* A trend per measure; every RAG cell has its word and direction. */
  g_assert_cmpuint (count (scorecard, "<svg "), ==, measures->len);
  g_assert_nonnull (strstr (scorecard, "<td class=\"rag kpi-A\">93.2% Amber</td>"));
  g_assert_nonnull (strstr (scorecard, "Improved</span>"));
  g_assert_nonnull (strstr (scorecard, "<th scope=\"col\">Sep-24</th>"));
  bp_test_rmdir (dir);
}

static void
test_html_escapes (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.boardpack", NULL);
  BpTestIds ids;
  g_autoptr (BpDb) db = tricky_programme (path, &ids);
  g_autoptr (GError) error = NULL;
  g_autoptr (BpAction) a = bp_db_get_action (db, ids.a21, &error);
  g_autofree char *html = NULL;

  g_free (a->title);
  a->title = g_strdup ("<script>alert(1)</script> & \"quotes\"");
  g_assert_true (bp_db_update_action (db, a, &error));
  g_assert_no_error (error);
  html = render_text (db, BP_EXPORT_ACTIONS, BP_EXPORT_HTML);
  check_html (html);
  g_assert_nonnull (strstr (html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"));
  /* Line breaks people typed are kept. */
  g_assert_nonnull (strstr (html, "it;<br>then review<br>in June"));
  bp_test_rmdir (dir);
}

/* The page says which language it is written in: the window's (nothing
 * translated under C.UTF-8, so UK English), or a document language a
 * caller set, as a pack's /Lang does (bilingual is Welsh first). */
static void
test_html_language (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "plan.boardpack", NULL);
  BpTestIds ids;
  g_autoptr (BpDb) db = tricky_programme (path, &ids);
  g_autofree char *window = NULL;
  g_autofree char *welsh = NULL;
  g_autofree char *bilingual = NULL;
  g_autofree char *english = NULL;
  BpLanguage previous;

  window = render_text (db, BP_EXPORT_ACTIONS, BP_EXPORT_HTML);
  g_assert_true (g_str_has_prefix (window, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n"));

  previous = bp_tr_push (BP_LANGUAGE_CY);
  welsh = render_text (db, BP_EXPORT_ACTIONS, BP_EXPORT_HTML);
  bp_tr_pop (previous);
  g_assert_true (g_str_has_prefix (welsh, "<!DOCTYPE html>\n<html lang=\"cy\">\n"));

  previous = bp_tr_push (BP_LANGUAGE_BILINGUAL);
  bilingual = render_text (db, BP_EXPORT_ACTIONS, BP_EXPORT_HTML);
  bp_tr_pop (previous);
  g_assert_true (g_str_has_prefix (bilingual, "<!DOCTYPE html>\n<html lang=\"cy\">\n"));

  previous = bp_tr_push (BP_LANGUAGE_EN);
  english = render_text (db, BP_EXPORT_ACTIONS, BP_EXPORT_HTML);
  bp_tr_pop (previous);
  g_assert_true (g_str_has_prefix (english, "<!DOCTYPE html>\n<html lang=\"en-GB\">\n"));
  g_assert_cmpint (bp_tr_get_language (), ==, BP_LANGUAGE_UI);
  bp_test_rmdir (dir);
}

/* ------------------------------------------------------------ the verb */

typedef struct
{
  char *dir;
  char *sample;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };

  f->dir = bp_test_tmpdir ();
  f->sample = g_build_filename (f->dir, "sample.boardpack", NULL);
  RUN (&r, "boardpack", "sample", f->sample);
  g_assert_cmpint (r.status, ==, 0);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  bp_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->sample);
}

static void
test_cli_export (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };
  g_autofree char *csv = g_build_filename (f->dir, "plan.csv", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "plan.xlsx", NULL);
  g_autofree char *html = g_build_filename (f->dir, "plan.html", NULL);
  g_autofree char *stdout_csv = NULL, *file_csv = NULL;
  g_autofree char *xlsx_bytes = NULL;
  gsize len = 0;

  RUN (&r, "boardpack", "export", f->sample, "--what", "actions", "--format", "csv", "-o", csv);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &file_csv, NULL, NULL));

  /* Without -o, CSV goes to standard output, the same bytes. */
  RUN (&r, "boardpack", "export", f->sample, "--what", "actions", "--format", "csv");
  g_assert_cmpint (r.status, ==, 0);
  stdout_csv = g_steal_pointer (&r.out);
  g_assert_cmpstr (stdout_csv, ==, file_csv);

  RUN (&r, "boardpack", "export", f->sample, "--what", "risks", "--format", "xlsx", "-o", xlsx);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_get_contents (xlsx, &xlsx_bytes, &len, NULL));
  g_assert_cmpuint (len, >, 4);
  g_assert_cmpmem (xlsx_bytes, 2, "PK", 2);

  RUN (&r, "boardpack", "export", f->sample, "--what", "scorecard", "--format", "html", "-o",
       html, "--as-of", AS_OF);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_file_test (html, G_FILE_TEST_IS_REGULAR));
}

static void
test_cli_errors (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };
  g_autofree char *missing = g_build_filename (f->dir, "missing.boardpack", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "no-such-folder", "plan.csv", NULL);
  g_autofree char *before = bp_test_file_sum (f->sample);
  g_autofree char *after = NULL;

  RUN (&r, "boardpack", "export", f->sample, "--format", "csv");
  g_assert_cmpint (r.status, ==, 64);
  g_assert_nonnull (strstr (r.err, "--what"));
  RUN (&r, "boardpack", "export", f->sample, "--what", "milestones", "--format", "csv");
  g_assert_cmpint (r.status, ==, 64);
  RUN (&r, "boardpack", "export", f->sample, "--what", "actions");
  g_assert_cmpint (r.status, ==, 64);
  RUN (&r, "boardpack", "export", f->sample, "--what", "actions", "--format", "pdf");
  g_assert_cmpint (r.status, ==, 64);
  RUN (&r, "boardpack", "export", f->sample, "--what", "actions", "--format", "csv", "--as-of",
       "31/03/2025");
  g_assert_cmpint (r.status, ==, 64);
  RUN (&r, "boardpack", "export", "--what", "actions", "--format", "csv");
  g_assert_cmpint (r.status, ==, 64);
  RUN (&r, "boardpack", "export", f->sample, "--bogus");
  g_assert_cmpint (r.status, ==, 64);

  RUN (&r, "boardpack", "export", missing, "--what", "actions", "--format", "csv");
  g_assert_cmpint (r.status, ==, 66);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  RUN (&r, "boardpack", "export", f->sample, "--what", "actions", "--format", "csv", "-o", nowhere);
  g_assert_cmpint (r.status, ==, 73);
  RUN (&r, "boardpack", "export", f->sample, "--what", "actions", "--format", "xlsx", "-o", nowhere);
  g_assert_cmpint (r.status, ==, 73);
  RUN (&r, "boardpack", "export", f->sample, "--what", "actions", "--format", "csv", "-o",
       f->sample);
  g_assert_cmpint (r.status, ==, 73);

  /* An export only reads. */
  after = bp_test_file_sum (f->sample);
  g_assert_cmpstr (before, ==, after);
}

/* CSV -> `boardpack import` into a new file -> CSV gives the same bytes,
 * for each of the three exports. */
static void
test_round_trip (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *what, *kind;
  } kinds[] = {
    { "actions", "actions" },
    { "risks", "risks" },
    { "scorecard", "measures" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto (Run) r = { 0 };
      g_autofree char *first = g_strdup_printf ("%s/%s-1.csv", f->dir, kinds[i].what);
      g_autofree char *second = g_strdup_printf ("%s/%s-2.csv", f->dir, kinds[i].what);
      g_autofree char *copy = g_strdup_printf ("%s/%s.boardpack", f->dir, kinds[i].what);
      g_autofree char *a = NULL, *b = NULL;

      RUN (&r, "boardpack", "export", f->sample, "--what", kinds[i].what, "--format", "csv", "-o",
           first);
      g_assert_cmpint (r.status, ==, 0);
      RUN (&r, "boardpack", "new", copy, "--title", "Round trip");
      g_assert_cmpint (r.status, ==, 0);
      RUN (&r, "boardpack", "import", copy, first, "--kind", kinds[i].kind);
      if (r.status != 0)
        g_printerr ("import of %s: %s%s\n", first, r.out, r.err);
      g_assert_cmpint (r.status, ==, 0);
      RUN (&r, "boardpack", "export", copy, "--what", kinds[i].what, "--format", "csv", "-o",
           second);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_file_get_contents (first, &a, NULL, NULL));
      g_assert_true (g_file_get_contents (second, &b, NULL, NULL));
      g_assert_cmpstr (a, ==, b);
    }
}

/* LeakSanitizer's hooks. fontconfig keeps its configuration until the
 * process ends. cairo 1.16's SVG surface leaks the snapshot it takes of a
 * recording-surface pattern (the charts' hatch) when the pattern is
 * destroyed before the surface: whatever is allocated inside
 * cairo_pattern_destroy() is cairo's, never ours, and full stacks
 * (slow unwinding) let the suppression name that frame. */
const char *__lsan_default_suppressions (void);
const char *__asan_default_options (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\nleak:cairo_pattern_destroy\n";
}

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

/* Text that begins like a formula leaves with an apostrophe before it and
 * comes back without: the import takes the apostrophe off again. */
static void
test_round_trip_formulas (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };
  g_autofree char *path = g_build_filename (f->dir, "tricky.boardpack", NULL);
  g_autofree char *copy = g_build_filename (f->dir, "tricky-copy.boardpack", NULL);
  g_autofree char *csv = g_build_filename (f->dir, "tricky.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) before = NULL, after = NULL;
  BpTestIds ids;

  {
    g_autoptr (BpDb) db = tricky_programme (path, &ids);

    before = bp_db_list_actions (db, NULL, &error);
    g_assert_no_error (error);
  }
  RUN (&r, "boardpack", "export", path, "--what", "actions", "--format", "csv", "-o", csv);
  g_assert_cmpint (r.status, ==, 0);
  RUN (&r, "boardpack", "new", copy);
  g_assert_cmpint (r.status, ==, 0);
  RUN (&r, "boardpack", "import", copy, csv, "--kind", "actions");
  g_assert_cmpint (r.status, ==, 0);
  {
    g_autoptr (BpDb) db = bp_db_open (copy, BP_OPEN_READ_ONLY, &error);

    g_assert_no_error (error);
    after = bp_db_list_actions (db, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < before->len; i++)
    {
      BpAction *a = before->pdata[i], *b = after->pdata[i];

      /* The import keeps line breaks as spreadsheets write them in a
       * cell: LF, not CRLF. */
      g_autoptr (GRegex) crlf = g_regex_new ("\r\n", 0, 0, NULL);
      g_autofree char *description = a->description
                                       ? g_regex_replace_literal (crlf, a->description, -1, 0,
                                                                  "\n", 0, NULL)
                                       : NULL;

      g_assert_cmpstr (a->ref, ==, b->ref);
      g_assert_cmpstr (a->title, ==, b->title);
      g_assert_cmpstr (description, ==, b->description);
      g_assert_cmpstr (a->latest_commentary, ==, b->latest_commentary);
      g_assert_cmpstr (a->start_date, ==, b->start_date);
      g_assert_cmpstr (a->revised_due_date, ==, b->revised_due_date);
      g_assert_cmpint (a->percent, ==, b->percent);
      g_assert_cmpint (a->rag, ==, b->rag);
    }
}

int
main (int argc, char *argv[])
{
  g_autofree char *suppressions = NULL;
  g_autofree char *lsan = NULL;
  g_autofree char *asan = NULL;
  int status, fd;

  g_test_init (&argc, &argv, NULL);

  /* The same for the boardpack processes the tests run (the HTML export
   * draws charts), through a file LeakSanitizer reads. */
  fd = g_file_open_tmp ("boardpack-lsan-XXXXXX.supp", &suppressions, NULL);
  g_assert_cmpint (fd, >=, 0);
  close (fd);
  g_assert_true (g_file_set_contents (suppressions, __lsan_default_suppressions (), -1, NULL));
  lsan = g_strdup_printf ("suppressions=%s", suppressions);
  g_setenv ("LSAN_OPTIONS", lsan, TRUE);
  asan = g_strdup_printf ("%s%s%s", g_getenv ("ASAN_OPTIONS") ? g_getenv ("ASAN_OPTIONS") : "",
                          g_getenv ("ASAN_OPTIONS") ? ":" : "", __asan_default_options ());
  g_setenv ("ASAN_OPTIONS", asan, TRUE);

  g_test_add_func ("/export/csv/field-quoting", test_csv_field_quoting);
  g_test_add_func ("/export/neutralise", test_neutralise);
  g_test_add_func ("/export/parse-names", test_parse_names);
  g_test_add_func ("/export/csv/actions", test_csv_actions);
  g_test_add_func ("/export/csv/scorecard", test_csv_scorecard);
  g_test_add_func ("/export/csv/risks", test_csv_risks);
  g_test_add_func ("/export/xlsx/actions", test_xlsx_actions);
  g_test_add_func ("/export/asks-column", test_asks_column);
  g_test_add_func ("/export/xlsx/sample", test_xlsx_sample);
  g_test_add_func ("/export/html/sample", test_html_sample);
  g_test_add_func ("/export/html/escapes", test_html_escapes);
  g_test_add_func ("/export/html/language", test_html_language);
  g_test_add ("/export/cli/formats", Fixture, NULL, fixture_set_up, test_cli_export,
              fixture_tear_down);
  g_test_add ("/export/cli/errors", Fixture, NULL, fixture_set_up, test_cli_errors,
              fixture_tear_down);
  g_test_add ("/export/cli/round-trip", Fixture, NULL, fixture_set_up, test_round_trip,
              fixture_tear_down);
  g_test_add ("/export/cli/round-trip-formulas", Fixture, NULL, fixture_set_up,
              test_round_trip_formulas, fixture_tear_down);
  status = g_test_run ();
  g_unlink (suppressions);
  return status;
}
