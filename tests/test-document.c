/* test-document.c: the PDF layout engine, read back with poppler-utils
 * and qpdf as a reader of the published pack would meet it. */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <qpdf/qpdf-c.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "bp-document.h"
#include "bp-error.h"

#define PLAN_ROWS 120
#define LONG_WORDS 1500

typedef struct
{
  char *dir;
} Fixture;

typedef struct
{
  guint  n_builds;
  guint  n_rows;
  guint  long_row;    /* the row with the long cell, or G_MAXUINT */
  char  *long_text;   /* a cell longer than a whole page */
  double remaining_before_figure;
  int    figure_draws;
} Pack;

static const BpDocumentColumn plan_columns[] = {
  { "Ref", 0.6, BP_DOCUMENT_ALIGN_START },
  { "Action", 3.0, BP_DOCUMENT_ALIGN_START },
  { "Owner", 1.4, BP_DOCUMENT_ALIGN_START },
  { "Due date", 1.0, BP_DOCUMENT_ALIGN_CENTRE },
  { "RAG", 0.8, BP_DOCUMENT_ALIGN_CENTRE },
  { "Latest update", 4.0, BP_DOCUMENT_ALIGN_START },
};

static const struct
{
  const char *word;
  const char *fill;
} rags[] = {
  { "Red", "#c00000" },
  { "Amber", "#ffbf00" },
  { "Green", "#00b050" },
  { "Blue", "#0070c0" },
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("bp-document-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  /* BP_KEEP_TEST_OUTPUT=1 keeps the PDFs to look at. */
  if (g_getenv ("BP_KEEP_TEST_OUTPUT") == NULL)
    remove_tree (fixture->dir);
  else
    g_test_message ("output kept in %s", fixture->dir);
  g_free (fixture->dir);
}

/* Runs a command, asserts that it succeeded and returns its output. */
static char *
run (const char *first, ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", first, err);
  return out;
}

static char *
pdftotext_page (const char *pdf,
                int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);

  return run ("pdftotext", "-layout", "-f", number, "-l", number, pdf, "-", NULL);
}

/* The value of "Key: value" in pdfinfo's output. */
static char *
info_value (const char *info,
            const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);
  gsize key_len = strlen (key);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], key, key_len) == 0 && lines[i][key_len] == ':')
      return g_strstrip (g_strdup (lines[i] + key_len + 1));
  return NULL;
}

/* Asserts that pdfinfo gave @key the value @expected (or any, if NULL). */
static void
assert_info (const char *info,
             const char *key,
             const char *expected)
{
  g_autofree char *value = info_value (info, key);

  g_assert_nonnull (value);
  if (expected != NULL)
    g_assert_cmpstr (value, ==, expected);
}

static int
pdf_page_count (const char *pdf)
{
  g_autofree char *info = run ("pdfinfo", pdf, NULL);
  g_autofree char *pages = info_value (info, "Pages");

  g_assert_nonnull (pages);
  return atoi (pages);
}

/* The page of each named destination, from pdfinfo -dests. */
static GHashTable *
pdf_dests (const char *pdf)
{
  g_autofree char *out = run ("pdfinfo", "-dests", pdf, NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GHashTable *dests = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *quote = strchr (lines[i], '"');
      const char *end = quote != NULL ? strrchr (lines[i], '"') : NULL;

      if (quote == NULL || end == quote)
        continue;
      g_hash_table_insert (dests, g_strndup (quote + 1, end - quote - 1),
                           GINT_TO_POINTER (atoi (lines[i])));
    }
  return dests;
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

/* The build */

static char *
make_long_text (void)
{
  GString *s = g_string_new ("This commentary runs longer than a page: ");

  /* Numbered words, so that a test can find every one of them. */
  for (guint i = 0; i < LONG_WORDS; i++)
    g_string_append_printf (s, "w%04u%s", i, i % 17 == 16 ? ". " : " ");
  g_string_append (s, "End of the long commentary.");
  return g_string_free (s, FALSE);
}

static void
draw_bars (cairo_t *cr, const cairo_rectangle_t *area, gpointer user_data)
{
  double x = area->x, y = area->y, width = area->width, height = area->height;
  Pack *pack = user_data;
  static const double values[] = { 12, 30, 45, 8 };
  double bar = width / (2 * G_N_ELEMENTS (values));

  pack->figure_draws++;
  cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
  cairo_rectangle (cr, x, y, width, height);
  cairo_fill (cr);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      double h = values[i] / 50.0 * (height - 20);

      cairo_set_source_rgb (cr, 0.2, 0.3, 0.6);
      cairo_rectangle (cr, x + bar * (2 * i + 0.5), y + height - 10 - h, bar, h);
      cairo_fill (cr);
    }
}

static void
build_pack (BpDocument *doc,
            gpointer    user_data)
{
  Pack *pack = user_data;
  static const char *const front_sheet[] = {
    "Meeting", "14 November 2024, 10:00, Committee Room 2",
    "Report title", "Improvement plan: progress since September",
    "Author", "Programme manager",
    "Service", "Children's services, SEND and inclusion",
    "Summary", "The plan has 120 actions. Most are on track; the exceptions are listed in the plan by priority, "
               "with what the board is asked to do about each of them.",
    NULL,
  };
  static const char *const recommendations[] = {
    "Note the progress made since the last meeting.",
    "Agree the revised dates for the actions that have slipped, with the reasons given.",
    NULL,
  };

  pack->n_builds++;

  /* The cover, before any section. */
  bp_document_paragraph_markup (doc, "<span size='xx-large' weight='bold'>SEND Improvement Board</span>");
  bp_document_paragraph (doc, "Board pack for the meeting of 14 November 2024, Town Hall, Committee Room 2.");

  bp_document_contents (doc);

  bp_document_section (doc, "plan", "The plan by priority", TRUE);
  bp_document_paragraph (doc, "Every action in the plan, by priority, with its latest update.");
  bp_document_heading (doc, 2, "P1 Leadership, management and governance");
  bp_document_table_begin (doc, plan_columns, G_N_ELEMENTS (plan_columns));
  for (guint i = 0; i < pack->n_rows; i++)
    {
      g_autofree char *ref = g_strdup_printf ("%u.%u", 1 + i / 15, 1 + i % 15);
      g_autofree char *action = g_strdup_printf ("Action number %u of the plan", i + 1);
      g_autofree char *due = g_strdup_printf ("%02u/%02u/2025", 1 + i % 28, 1 + i % 12);
      g_autofree char *update = NULL;
      BpDocumentCell cells[G_N_ELEMENTS (plan_columns)] = { { 0 } };

      if (i == pack->long_row)
        update = g_strdup (pack->long_text);
      else if (i % 7 == 3)
        update = g_strdup_printf ("Row %u: a longer update that has to wrap inside its cell, covering what was "
                                  "done this period, what is next, and what the board is asked to decide; "
                                  "it names the partners involved and the evidence of impact seen so far.", i + 1);
      else
        update = g_strdup_printf ("Row %u: on course.", i + 1);

      cells[0].text = ref;
      cells[1].text = action;
      cells[2].text = i % 5 == 0 ? "Head of SEND and Inclusion (interim)" : "Programme manager";
      cells[3].text = due;
      cells[4].text = rags[i % G_N_ELEMENTS (rags)].word;
      cells[4].fill = rags[i % G_N_ELEMENTS (rags)].fill;
      cells[4].bold = TRUE;
      cells[5].text = update;
      bp_document_table_row (doc, cells);
    }
  bp_document_table_end (doc);

  bp_document_section (doc, "front-sheet", "Report front sheet", FALSE);
  bp_document_key_values (doc, front_sheet);
  bp_document_heading (doc, 3, "Recommendations");
  bp_document_list (doc, recommendations, TRUE);

  bp_document_section (doc, "risks", "Risk register", FALSE);
  bp_document_paragraph (doc, "Risks by their current score.");
  pack->remaining_before_figure = bp_document_get_remaining_height (doc);
  bp_document_figure (doc, 200, draw_bars, pack,
                      "Four risks: 12, 30, 45 and 8 points, the third one highest.");
  bp_document_paragraph (doc, "End of the pack.");
}

static const BpDocumentInfo pack_info = {
  .title = "SEND Improvement Board pack",
  .author = "Programme manager",
  .subject = "Board pack, 14 November 2024",
  .keywords = "SEND; improvement; board",
  .language = "en-GB",
  .footer = "SEND Improvement Board, 14 November 2024",
};

static double
time_render (const char *path,
             Pack       *pack)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gboolean ok;

  ok = bp_document_render_pdf (path, &pack_info, build_pack, pack, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* The links of the document, as destination name -> /Contents. */
static GHashTable *
pdf_links (const char *path)
{
  GHashTable *links = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  qpdf_data qpdf = qpdf_init ();

  qpdf_silence_errors (qpdf);
  g_assert_cmpint (qpdf_read (qpdf, path, NULL) & QPDF_ERRORS, ==, 0);
  for (int i = 0; i < qpdf_get_num_pages (qpdf); i++)
    {
      qpdf_oh annots = qpdf_oh_get_key (qpdf, qpdf_get_page_n (qpdf, (size_t) i), "/Annots");

      for (int j = 0; qpdf_oh_is_array (qpdf, annots) && j < qpdf_oh_get_array_n_items (qpdf, annots); j++)
        {
          qpdf_oh annot = qpdf_oh_get_array_item (qpdf, annots, j);
          g_autofree char *dest = g_strdup (qpdf_oh_get_utf8_value (qpdf, qpdf_oh_get_key (qpdf, annot, "/Dest")));

          g_hash_table_insert (links, g_steal_pointer (&dest),
                               g_strdup (qpdf_oh_get_utf8_value (qpdf, qpdf_oh_get_key (qpdf, annot, "/Contents"))));
        }
    }
  g_assert_false (qpdf_has_error (qpdf));
  qpdf_cleanup (&qpdf);
  return links;
}

/* Tests */

/* Checks the catalog entries cairo cannot write and returns the
 * titles of the outline's top level. */
static GPtrArray *
check_catalog (const char *path,
               const char *language)
{
  qpdf_data qpdf = qpdf_init ();
  qpdf_oh root, outline, item;
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  qpdf_silence_errors (qpdf);
  g_assert_cmpint (qpdf_read (qpdf, path, NULL) & QPDF_ERRORS, ==, 0);
  root = qpdf_get_root (qpdf);

  g_assert_cmpstr (qpdf_oh_get_utf8_value (qpdf, qpdf_oh_get_key (qpdf, root, "/Lang")), ==, language);
  g_assert_true (qpdf_oh_get_bool_value (qpdf, qpdf_oh_get_key (qpdf, qpdf_oh_get_key (qpdf, root, "/MarkInfo"),
                                                                "/Marked")));
  g_assert_true (qpdf_oh_get_bool_value (qpdf, qpdf_oh_get_key (qpdf, qpdf_oh_get_key (qpdf, root, "/ViewerPreferences"),
                                                                "/DisplayDocTitle")));
  g_assert_true (qpdf_oh_is_dictionary (qpdf, qpdf_oh_get_key (qpdf, root, "/StructTreeRoot")));

  outline = qpdf_oh_get_key (qpdf, root, "/Outlines");
  g_assert_cmpint (qpdf_oh_get_int_value (qpdf, qpdf_oh_get_key (qpdf, outline, "/Count")), >, 0);
  for (item = qpdf_oh_get_key (qpdf, outline, "/First");
       qpdf_oh_is_dictionary (qpdf, item);
       item = qpdf_oh_get_key (qpdf, item, "/Next"))
    g_ptr_array_add (titles, g_strdup (qpdf_oh_get_utf8_value (qpdf, qpdf_oh_get_key (qpdf, item, "/Title"))));

  g_assert_false (qpdf_has_error (qpdf));
  qpdf_cleanup (&qpdf);

  {
    g_autofree char *check = run ("qpdf", "--check", path, NULL);

    g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
  }
  return titles;
}

static void
test_document_pack (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "pack.pdf", NULL);
  g_autofree char *tmp_path = g_strconcat (path, ".tmp", NULL);
  g_autofree char *info = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *text = NULL;
  g_autofree char *structure = NULL;
  g_autofree char *footer = NULL;
  g_autoptr(GHashTable) dests = NULL;
  g_autoptr(GPtrArray) outline = NULL;
  Pack pack = { 0 };
  int n_pages, plan_page, front_page, risks_page;
  const char *p;
  double ms;

  pack.n_rows = PLAN_ROWS;
  pack.long_row = 40;
  pack.long_text = make_long_text ();
  ms = time_render (path, &pack);
  g_test_message ("%u-row pack: %.1f ms", PLAN_ROWS, ms);

  /* Measured, then drawn: the build function runs at least twice, and
   * the figure is drawn only when drawing. */
  g_assert_cmpuint (pack.n_builds, >=, 2);
  g_assert_cmpint (pack.figure_draws, ==, (int) pack.n_builds - 1);
  g_assert_cmpfloat (pack.remaining_before_figure, >, 0.0);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (tmp_path, G_FILE_TEST_EXISTS));

  info = run ("pdfinfo", path, NULL);
  pages = info_value (info, "Pages");
  n_pages = atoi (pages);
  g_assert_cmpint (n_pages, >=, 8);
  g_assert_cmpint (n_pages, <=, 20);
  assert_info (info, "Page size", "595.28 x 841.89 pts (A4)");
  assert_info (info, "Tagged", "yes");
  assert_info (info, "Title", "SEND Improvement Board pack");
  assert_info (info, "Author", "Programme manager");
  assert_info (info, "Subject", "Board pack, 14 November 2024");
  assert_info (info, "Keywords", "SEND; improvement; board");
  assert_info (info, "CreationDate", NULL);

  /* The outline: the contents, then each section. */
  outline = check_catalog (path, "en-GB");
  g_assert_cmpuint (outline->len, ==, 4);
  g_assert_cmpstr (g_ptr_array_index (outline, 0), ==, "Contents");
  g_assert_cmpstr (g_ptr_array_index (outline, 1), ==, "The plan by priority");
  g_assert_cmpstr (g_ptr_array_index (outline, 2), ==, "Report front sheet");
  g_assert_cmpstr (g_ptr_array_index (outline, 3), ==, "Risk register");

  /* The contents links, each described for screen readers. */
  {
    g_autoptr(GHashTable) links = pdf_links (path);

    g_assert_cmpuint (g_hash_table_size (links), ==, 3);
    g_assert_cmpstr (g_hash_table_lookup (links, "plan"), ==, "The plan by priority");
    g_assert_cmpstr (g_hash_table_lookup (links, "front-sheet"), ==, "Report front sheet");
    g_assert_cmpstr (g_hash_table_lookup (links, "risks"), ==, "Risk register");
  }

  /* Sections: each has a destination on the page the contents says. */
  dests = pdf_dests (path);
  plan_page = GPOINTER_TO_INT (g_hash_table_lookup (dests, "plan"));
  front_page = GPOINTER_TO_INT (g_hash_table_lookup (dests, "front-sheet"));
  risks_page = GPOINTER_TO_INT (g_hash_table_lookup (dests, "risks"));
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (dests, "bp-contents")), ==, 2);
  g_assert_cmpint (plan_page, ==, 3);
  g_assert_cmpint (front_page, >, plan_page + 3);
  g_assert_cmpint (risks_page, ==, front_page + 1);
  g_assert_cmpint (risks_page, ==, n_pages);

  {
    g_autofree char *contents = pdftotext_page (path, 2);
    g_autoptr(GRegex) line = g_regex_new ("The plan by priority[ .]+(\\d+)\\s*\\n.*"
                                          "Report front sheet[ .]+(\\d+)\\s*\\n.*"
                                          "Risk register[ .]+(\\d+)\\s*\\n",
                                          G_REGEX_DOTALL, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    g_autofree char *a = NULL, *b = NULL, *c = NULL;

    g_assert_true (g_regex_match (line, contents, 0, &match));
    a = g_match_info_fetch (match, 1);
    b = g_match_info_fetch (match, 2);
    c = g_match_info_fetch (match, 3);
    g_assert_cmpint (atoi (a), ==, plan_page);
    g_assert_cmpint (atoi (b), ==, front_page);
    g_assert_cmpint (atoi (c), ==, risks_page);
  }

  /* Page sizes: portrait A4 but for the plan, which is landscape. */
  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *number = g_strdup_printf ("%d", i);
      g_autofree char *page_info = run ("pdfinfo", "-f", number, "-l", number, path, NULL);
      g_autofree char *key = g_strdup_printf ("Page %4d size", i);
      g_autofree char *size = info_value (page_info, key);
      gboolean landscape = i >= plan_page && i < front_page;

      g_assert_nonnull (size);
      g_assert_cmpstr (size, ==, landscape ? "841.89 x 595.28 pts (A4)"
                                           : "595.28 x 841.89 pts (A4)");
    }

  /* The text, in reading order. */
  text = run ("pdftotext", "-layout", path, "-", NULL);
  p = strstr (text, "SEND Improvement Board");
  g_assert_nonnull (p);
  p = strstr (p, "Contents");
  g_assert_nonnull (p);
  p = strstr (p, "The plan by priority");
  g_assert_nonnull (p);
  p = strstr (p, "P1 Leadership, management and governance");
  g_assert_nonnull (p);
  p = strstr (p, "Report front sheet");
  g_assert_nonnull (p);
  p = strstr (p, "Recommendations");
  g_assert_nonnull (p);
  p = strstr (p, "Risk register");
  g_assert_nonnull (p);
  p = strstr (p, "Four risks: 12, 30, 45 and 8 points");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p, "End of the pack."));

  /* Every word of the cell longer than a page, and every row. */
  for (guint i = 0; i < LONG_WORDS; i++)
    {
      char word[8];

      g_snprintf (word, sizeof word, "w%04u", i);
      if (strstr (text, word) == NULL)
        g_error ("word %s of the long cell is missing", word);
    }
  g_assert_nonnull (strstr (text, "End of the long commentary."));
  for (guint i = 0; i < PLAN_ROWS; i++)
    {
      g_autofree char *action = g_strdup_printf ("Action number %u of the plan", i + 1);

      g_assert_nonnull (strstr (text, action));
    }
  g_assert_nonnull (strstr (text, "Agree the revised dates for the actions that have slipped"));

  /* The footer on every page, and the header row on every page of the
   * table. */
  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *page_text = pdftotext_page (path, i);
      g_autofree char *label = g_strdup_printf ("Page %d of %d", i, n_pages);

      g_assert_nonnull (strstr (page_text, label));
      g_assert_nonnull (strstr (page_text, pack_info.footer));
      if (i >= plan_page && i < front_page)
        {
          g_autoptr(GRegex) header = g_regex_new ("Ref +Action +Owner +Due date +RAG +Latest update", 0, 0, NULL);

          g_assert_true (g_regex_match (header, page_text, 0, NULL));
          /* Where the long row continues, its short cells are shown
           * again, so that the page can be read on its own. */
          g_assert_nonnull (strstr (page_text, "Action number"));
        }
    }

  /* The structure tree: headings, one tagged header row, the figure,
   * links from the contents, and no running footer. */
  structure = run ("pdfinfo", "-struct-text", path, NULL);
  g_assert_cmpuint (count_occurrences (structure, "\n  H1"), ==, 1);  /* the contents */
  g_assert_cmpuint (count_occurrences (structure, "  H1 (block)"), ==, 4);
  g_assert_cmpuint (count_occurrences (structure, "  H2 (block)"), ==, 1);
  g_assert_cmpuint (count_occurrences (structure, "  H3 (block)"), ==, 1);
  g_assert_cmpuint (count_occurrences (structure, " TH"), ==, G_N_ELEMENTS (plan_columns) + 5);
  g_assert_cmpuint (count_occurrences (structure, "\"Latest update\""), ==, 1);
  g_assert_cmpuint (count_occurrences (structure, " Figure"), ==, 1);
  g_assert_cmpuint (count_occurrences (structure, " Link"), ==, 3);
  g_assert_cmpuint (count_occurrences (structure, " Sect"), ==, 3);
  g_assert_cmpuint (count_occurrences (structure, " TOCI"), ==, 3);
  g_assert_cmpuint (count_occurrences (structure, " LI"), ==, 2);
  footer = g_strdup_printf ("Page 1 of %d", n_pages);
  g_assert_null (strstr (structure, footer));
  g_assert_null (strstr (structure, pack_info.footer));

  g_free (pack.long_text);
}

static void
test_document_unwritable (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-dir", "pack.pdf", NULL);
  g_autofree char *missing_tmp = g_strconcat (missing, ".tmp", NULL);
  g_autofree char *as_dir = g_build_filename (fixture->dir, "a-directory", NULL);
  g_autofree char *as_dir_tmp = g_strconcat (as_dir, ".tmp", NULL);
  g_autoptr(GError) error = NULL;
  Pack pack = { 0 };
  gboolean ok;

  pack.n_rows = 3;
  pack.long_row = G_MAXUINT;
  pack.long_text = make_long_text ();

  /* A directory that does not exist: refused before any layout work. */
  ok = bp_document_render_pdf (missing, &pack_info, build_pack, &pack, &error);
  g_assert_false (ok);
  g_assert_error (error, BP_ERROR, BP_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_assert_cmpuint (pack.n_builds, ==, 0);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (missing_tmp, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* A path that cannot be replaced (a directory): fails at the very
   * end, leaving neither a file nor the temporary behind. */
  g_assert_cmpint (g_mkdir (as_dir, 0755), ==, 0);
  ok = bp_document_render_pdf (as_dir, &pack_info, build_pack, &pack, &error);
  g_assert_false (ok);
  g_assert_error (error, BP_ERROR, BP_ERROR_IO);
  g_assert_nonnull (strstr (error->message, as_dir));
  g_assert_true (g_file_test (as_dir, G_FILE_TEST_IS_DIR));
  g_assert_false (g_file_test (as_dir_tmp, G_FILE_TEST_EXISTS));

  g_free (pack.long_text);
}

/* Page breaks on an empty page add nothing, and a trailing one leaves
 * no blank page; remaining space shrinks as blocks are added. */
static void
build_breaks (BpDocument *doc,
              gpointer    user_data)
{
  double *remaining = user_data;
  double before = bp_document_get_remaining_height (doc);

  g_assert_cmpfloat (bp_document_get_content_width (doc), >, 400.0);
  bp_document_page_break (doc);
  g_assert_cmpint (bp_document_get_page (doc), ==, 1);
  bp_document_paragraph (doc, "First page.");
  g_assert_cmpfloat (bp_document_get_remaining_height (doc), <, before);
  bp_document_ensure_space (doc, 10000.0);
  g_assert_cmpint (bp_document_get_page (doc), ==, 2);
  bp_document_paragraph (doc, "Second page.");
  bp_document_section (doc, "wide", "A wide section", TRUE);
  g_assert_cmpint (bp_document_get_page (doc), ==, 3);
  *remaining = bp_document_get_content_width (doc);
  bp_document_page_break (doc);
  bp_document_page_break (doc);
}

static void
test_document_breaks (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "breaks.pdf", NULL);
  g_autoptr(GError) error = NULL;
  double landscape_width = 0.0;

  g_assert_true (bp_document_render_pdf (path, &pack_info, build_breaks, &landscape_width, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_page_count (path), ==, 3);
  g_assert_cmpfloat (landscape_width, >, 700.0);
}

static void
draw_frame (cairo_t *cr, const cairo_rectangle_t *area, gpointer user_data)
{
  double x = area->x, y = area->y, width = area->width, height = area->height;
  double *drawn_height = user_data;

  *drawn_height = height;
  cairo_set_source_rgb (cr, 0.2, 0.3, 0.6);
  cairo_set_line_width (cr, 4);
  cairo_rectangle (cr, x + 2, y + 2, width - 4, height - 4);
  cairo_stroke (cr);
}

static void
build_flow (BpDocument *doc,
            gpointer    user_data)
{
  double *drawn_height = user_data;
  g_autoptr(GString) text = g_string_new (NULL);
  static const BpDocumentColumn columns[] = {
    { "Measure", 2, BP_DOCUMENT_ALIGN_START },
    { "Target", 1, BP_DOCUMENT_ALIGN_END },
  };
  static const char *const items[] = { "First point.", "Second point, which is longer than a line and "
                                       "so wraps under itself, not under its bullet.", NULL };
  static const char *const pairs[] = { "Classification", "Public", "Wards", "All", NULL };

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (text, "p%04u ", i);

  bp_document_paragraph (doc, "Opening paragraph.");
  /* A paragraph longer than two pages, flowing on. */
  bp_document_paragraph (doc, text->str);
  bp_document_paragraph_markup (doc, "A paragraph with <b>bold</b> and <i>italic</i> words.");
  bp_document_paragraph_markup (doc, "Markup that is <b>not closed.");
  bp_document_list (doc, items, FALSE);
  bp_document_key_values (doc, pairs);
  /* A table with no rows still shows its header. */
  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  bp_document_table_end (doc);
  /* A figure taller than a page is made to fit one. */
  bp_document_figure (doc, 5000, draw_frame, drawn_height, "A frame as tall as the page allows.");
  bp_document_paragraph (doc, "Closing paragraph.");
}

static void
test_document_flow (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "flow.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *structure = NULL;
  g_autoptr(GError) error = NULL;
  double drawn_height = 0.0;
  const char *p;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_WARNING, "Invalid paragraph markup*");
  g_assert_true (bp_document_render_pdf (path, &pack_info, build_flow, &drawn_height, &error));
  g_assert_no_error (error);
  g_test_assert_expected_messages ();

  g_assert_cmpfloat (drawn_height, >, 600.0);
  g_assert_cmpfloat (drawn_height, <, 841.89 - 2 * 56.0);

  text = run ("pdftotext", "-layout", path, "-", NULL);
  for (guint i = 0; i < 3000; i++)
    {
      char word[8];

      g_snprintf (word, sizeof word, "p%04u", i);
      if (strstr (text, word) == NULL)
        g_error ("word %s of the long paragraph is missing", word);
    }
  p = strstr (text, "Opening paragraph.");
  g_assert_nonnull (p);
  p = strstr (p, "p2999");
  g_assert_nonnull (p);
  p = strstr (p, "A paragraph with bold and italic words.");
  g_assert_nonnull (p);
  p = strstr (p, "Markup that is <b>not closed.");
  g_assert_nonnull (p);
  p = strstr (p, "Second point, which is longer");
  g_assert_nonnull (p);
  p = strstr (p, "Classification");
  g_assert_nonnull (p);
  p = strstr (p, "Measure");
  g_assert_nonnull (p);
  p = strstr (p, "A frame as tall as the page allows.");
  g_assert_nonnull (p);
  g_assert_nonnull (strstr (p, "Closing paragraph."));

  /* The long paragraph is one P, made of a Span per page. */
  structure = run ("pdfinfo", "-struct-text", path, NULL);
  g_assert_cmpuint (count_occurrences (structure, "Span"), >=, 3);
  g_assert_cmpuint (count_occurrences (structure, "  P (block)"), ==, 6);
  g_assert_cmpuint (count_occurrences (structure, " TH"), ==, 4);
}

/* Enough sections for the contents to need a second page, which the
 * measuring pass (that cannot know them yet) does not foresee. */
static void
build_many_sections (BpDocument *doc,
                     gpointer    user_data)
{
  guint *n_builds = user_data;

  (*n_builds)++;
  bp_document_paragraph (doc, "Cover.");
  bp_document_contents (doc);
  for (guint i = 1; i <= 70; i++)
    {
      g_autofree char *id = g_strdup_printf ("s%u", i);
      g_autofree char *title = g_strdup_printf ("Section %u", i);

      bp_document_section (doc, id, title, i % 10 == 0);
      bp_document_heading (doc, 2, "A part of it");
      bp_document_paragraph (doc, "Text.");
    }
}

static void
test_document_long_contents (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "contents.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) dests = NULL;
  g_autoptr(GRegex) entry = g_regex_new ("Section (\\d+) [ .]+ (\\d+)", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n_builds = 0;
  guint n_entries = 0;

  g_assert_true (bp_document_render_pdf (path, &pack_info, build_many_sections, &n_builds, NULL));
  /* Measured, drawn with the contents on one page, then again. */
  g_assert_cmpuint (n_builds, ==, 3);
  g_assert_cmpint (pdf_page_count (path), ==, 73);

  dests = pdf_dests (path);
  g_assert_cmpint (GPOINTER_TO_INT (g_hash_table_lookup (dests, "s1")), ==, 4);
  contents = run ("pdftotext", "-layout", "-f", "2", "-l", "3", path, "-", NULL);
  for (g_regex_match (entry, contents, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);
      g_autofree char *page = g_match_info_fetch (match, 2);
      g_autofree char *id = g_strdup_printf ("s%s", number);

      g_assert_cmpint (atoi (page), ==, GPOINTER_TO_INT (g_hash_table_lookup (dests, id)));
      n_entries++;
    }
  g_assert_cmpuint (n_entries, ==, 70);
}

/* /Lang is the pack's language: Welsh for a Welsh pack, British
 * English when the caller says nothing. */
static void
test_document_language (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "cy.pdf", NULL);
  BpDocumentInfo info = pack_info;
  double width = 0.0;

  info.language = "cy";
  info.footer = "Bwrdd Gwella AAAA, 14 Tachwedd 2024";
  g_assert_true (bp_document_render_pdf (path, &info, build_breaks, &width, NULL));
  g_ptr_array_unref (check_catalog (path, "cy"));

  info.language = NULL;
  g_assert_true (bp_document_render_pdf (path, &info, build_breaks, &width, NULL));
  g_ptr_array_unref (check_catalog (path, "en-GB"));
}

/* A section as the very first thing, in landscape, and a portrait
 * one on a page left empty by a page break: the page size changes after
 * the document's first tags, which cairo 1.16 only survives if no tag
 * reaches the page before its size is set. */
static void
build_orientation (BpDocument *doc,
                   gpointer    user_data)
{
  bp_document_section (doc, "wide", "Wide first", TRUE);
  bp_document_paragraph (doc, "Landscape.");
  bp_document_page_break (doc);
  bp_document_section (doc, "tall", "Tall after a break", FALSE);
  bp_document_paragraph (doc, "Portrait.");
  bp_document_page_break (doc);
}

static void
test_document_orientation (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "orientation.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *structure = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (bp_document_render_pdf (path, &pack_info, build_orientation, NULL, &error));
  g_assert_no_error (error);

  info = run ("pdfinfo", "-f", "1", "-l", "2", path, NULL);
  assert_info (info, "Pages", "2");
  assert_info (info, "Page    1 size", "841.89 x 595.28 pts (A4)");
  assert_info (info, "Page    2 size", "595.28 x 841.89 pts (A4)");
  structure = run ("pdfinfo", "-struct-text", path, NULL);
  g_assert_cmpuint (count_occurrences (structure, " Sect"), ==, 2);
  g_assert_nonnull (strstr (structure, "\"Tall after a break\""));
  g_ptr_array_unref (check_catalog (path, "en-GB"));
}

/* A long table: thousands of rows flow over a hundred pages or more. */
static void
test_document_long_table (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "long.pdf", NULL);
  g_autofree char *last = NULL;
  Pack pack = { 0 };
  int n_pages;
  double ms;

  pack.n_rows = 5000;
  pack.long_row = G_MAXUINT;
  pack.long_text = make_long_text ();
  ms = time_render (path, &pack);
  n_pages = pdf_page_count (path);
  g_test_message ("5000-row pack: %.1f ms, %d pages", ms, n_pages);

  g_assert_cmpint (n_pages, >=, 100);
  last = pdftotext_page (path, n_pages - 2);
  g_assert_nonnull (strstr (last, "Latest update"));
  g_assert_nonnull (strstr (last, "Action number"));

  pack.n_rows = 150;
  ms = time_render (path, &pack);
  g_test_message ("150-row pack: %.1f ms", ms);

  g_free (pack.long_text);
}

/* The sizes of pages 1 to @n_pages of a PDF, as pdfinfo gives them. */
static GStrv
pdf_page_sizes (const char *pdf,
                int         n_pages)
{
  g_autofree char *last = g_strdup_printf ("%d", n_pages);
  g_autofree char *info = run ("pdfinfo", "-f", "1", "-l", last, pdf, NULL);
  g_autoptr(GStrvBuilder) sizes = g_strv_builder_new ();

  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *key = g_strdup_printf ("Page %4d size", i);
      g_autofree char *value = info_value (info, key);

      g_assert_nonnull (value);
      g_strv_builder_add (sizes, value);
    }
  return g_strv_builder_end (sizes);
}

/* How far down and across an ARGB image something was drawn: the
 * bounding box of its non-transparent pixels. */
static void
inked_box (cairo_surface_t *image,
           int             *out_top,
           int             *out_bottom,
           int             *out_left,
           int             *out_right)
{
  const guint8 *data;
  int stride, width, height;

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  *out_top = *out_left = G_MAXINT;
  *out_bottom = *out_right = -1;
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if (((const guint32 *) (data + y * stride))[x] >> 24 != 0)
        {
          *out_top = MIN (*out_top, y);
          *out_bottom = MAX (*out_bottom, y);
          *out_left = MIN (*out_left, x);
          *out_right = MAX (*out_right, x);
        }
}

/* Printing: the pages recorded for GtkPrintOperation are the PDF's
 * pages, and drawing one onto paper of either orientation loses none
 * of it. */
static void
test_document_pages (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "pack.pdf", NULL);
  g_autofree char *printed = g_build_filename (fixture->dir, "printed.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *last_footer = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) sizes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  Pack pack = { 0 };
  int n_pages;
  guint landscape = G_MAXUINT;

  pack.n_rows = PLAN_ROWS;
  pack.long_row = 40;
  pack.long_text = make_long_text ();
  time_render (path, &pack);
  n_pages = pdf_page_count (path);
  sizes = pdf_page_sizes (path, n_pages);

  pack.n_builds = 0;
  pack.figure_draws = 0;
  pages = bp_document_render_pages (&pack_info, build_pack, &pack, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pages);
  g_assert_cmpuint (pack.n_builds, >=, 2);
  g_assert_cmpint (pack.figure_draws, ==, (int) pack.n_builds - 1);

  /* Page for page, the same count and sizes as the PDF. */
  g_assert_cmpuint (pages->len, ==, (guint) n_pages);
  for (guint i = 0; i < pages->len; i++)
    {
      double width, height;
      g_autofree char *size = NULL;
      char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];

      bp_document_page_get_size (g_ptr_array_index (pages, i), &width, &height);
      size = g_strdup_printf ("%s x %s pts (A4)", g_ascii_formatd (w, sizeof w, "%.2f", width),
                              g_ascii_formatd (h, sizeof h, "%.2f", height));
      g_assert_cmpstr (size, ==, sizes[i]);
      g_assert_cmpint (bp_document_page_is_landscape (g_ptr_array_index (pages, i)), ==, width > height);
      if (width > height && landscape == G_MAXUINT)
        landscape = i;
    }
  g_assert_cmpuint (landscape, <, pages->len);

  /* Drawn onto portrait A4 paper (what GTK's export does), every page
   * keeps its real text, footers included; nothing is tagged. */
  surface = cairo_pdf_surface_create (printed, BP_DOCUMENT_A4_WIDTH, BP_DOCUMENT_A4_HEIGHT);
  cr = cairo_create (surface);
  for (guint i = 0; i < pages->len; i++)
    {
      bp_document_draw_page (g_ptr_array_index (pages, i), cr, BP_DOCUMENT_A4_WIDTH, BP_DOCUMENT_A4_HEIGHT);
      cairo_show_page (cr);
    }
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_cmpint (pdf_page_count (printed), ==, n_pages);
  text = run ("pdftotext", printed, "-", NULL);
  g_assert_nonnull (strstr (text, "SEND Improvement Board"));
  g_assert_nonnull (strstr (text, "Action number 120 of the plan"));
  g_assert_nonnull (strstr (text, "End of the long commentary."));
  last_footer = g_strdup_printf ("Page %d of %d", n_pages, n_pages);
  g_assert_nonnull (strstr (text, last_footer));
  info = run ("pdfinfo", printed, NULL);
  assert_info (info, "Tagged", "no");

  /* A landscape page on portrait paper is turned to fill it: its ink
   * reaches down the sheet, where unturned it would stop near the
   * middle, and it stays inside the sheet. */
  {
    cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 210, 297);
    int top, bottom, left, right;

    cr = cairo_create (image);
    bp_document_draw_page (g_ptr_array_index (pages, landscape), cr, 210, 297);
    cairo_destroy (cr);
    inked_box (image, &top, &bottom, &left, &right);
    g_assert_cmpint (top, >=, 0);
    g_assert_cmpint (bottom, >, 297 * 3 / 4);
    g_assert_cmpint (right, >, 210 * 3 / 4);
    /* The landscape page's wide top margin (where it is bound) is at
     * the sheet's left. */
    g_assert_cmpint (left, >, 297 - bottom);
    cairo_surface_destroy (image);

    /* And the same page on landscape paper is drawn as it is. */
    image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 297, 210);
    cr = cairo_create (image);
    bp_document_draw_page (g_ptr_array_index (pages, landscape), cr, 297, 210);
    cairo_destroy (cr);
    inked_box (image, &top, &bottom, &left, &right);
    g_assert_cmpint (top, >, 210 - bottom);
    g_assert_cmpint (right, >, 297 * 3 / 4);
    cairo_surface_destroy (image);
  }

  g_free (pack.long_text);
}

/* PDF/UA: text in two languages, data in another, a banner, a figure and
 * both kinds of table header, checked by tests/pdfua/check-pdfua.py (and,
 * when pikepdf is missing, by what pdfinfo shows). */
#define WELSH_ENGLISH(cy, en) cy BP_TR_ENGLISH_BEGIN " / " en BP_TR_ENGLISH_END

static void
build_pdfua (BpDocument *doc,
             gpointer    user_data)
{
  const gboolean *skip_level = user_data;
  static const BpDocumentColumn columns[] = {
    { WELSH_ENGLISH ("Cyf", "Ref"), 0.5, BP_DOCUMENT_ALIGN_START },
    { WELSH_ENGLISH ("Cam gweithredu", "Action"), 3.0, BP_DOCUMENT_ALIGN_START },
  };
  static const char *const pairs[] = { "Perchennog", "Jane Doe", "Teitl", "Annual review", NULL };
  static const char *const langs[] = { NULL, "en-GB" };
  Pack figure = { 0 };

  bp_document_section (doc, "summary", WELSH_ENGLISH ("Crynodeb", "Summary"), FALSE);
  bp_document_paragraph (doc, "DRAFT: the current position, not a snapshot.");
  bp_document_heading (doc, *skip_level ? 3 : 2, WELSH_ENGLISH ("Manylion", "Details"));
  bp_document_key_values_lang (doc, pairs, langs);
  bp_document_paragraph_lang (doc, "Written in English by the programme office.", "en-GB");
  bp_document_figure (doc, 120, draw_bars, &figure, "Four bars, the third one highest.");
  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *ref = g_strdup_printf ("%u.1", i + 1);

      bp_document_table_row (doc, (BpDocumentCell[]) {
        { ref, NULL, FALSE, NULL },
        { "Agree the plan with the partners", "#ffbf00", FALSE, "en-GB" } });
    }
  bp_document_table_end (doc);
}

/* Runs the PDF/UA check on @pdf: its exit status (77 when pikepdf is
 * missing), its output in @out. */
static int
check_pdfua (const char *pdf,
             char      **out)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "pdfua", "check-pdfua.py", NULL);
  const char *argv[] = { "/usr/bin/python3", script, pdf, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, out, NULL,
                &status, &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_document_pdfua (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "pdfua.pdf", NULL);
  g_autofree char *skipped = g_build_filename (fixture->dir, "skipped.pdf", NULL);
  g_autofree char *structure = NULL;
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *skip_out = NULL;
  BpDocumentInfo info = pack_info;
  gboolean skip_level = FALSE;
  int n_pages, status;

  info.language = "cy";
  info.title = WELSH_ENGLISH ("Pecyn y bwrdd", "Board pack");
  info.banner = "DRAFT: the current position, not a snapshot";
  g_assert_true (bp_document_render_pdf (path, &info, build_pdfua, &skip_level, NULL));
  n_pages = pdf_page_count (path);
  g_assert_cmpint (n_pages, >=, 2);

  /* The banner on every page, above the text, and never in the tree;
   * the marks of bilingual text are never drawn. */
  for (int i = 1; i <= n_pages; i++)
    {
      g_autofree char *page = pdftotext_page (path, i);

      g_assert_true (g_str_has_prefix (g_strchug (page), info.banner));
      g_assert_null (strstr (page, BP_TR_ENGLISH_BEGIN));
    }
  structure = run ("pdfinfo", "-struct-text", path, NULL);
  /* Once, as the paragraph that says it; never as the banner. */
  g_assert_cmpuint (count_occurrences (structure, info.banner), ==, 1);
  g_assert_cmpuint (count_occurrences (structure, "/Scope /Column"), ==, 2);
  g_assert_cmpuint (count_occurrences (structure, "/Scope /Row"), ==, 2);
  /* "Crynodeb / Summary": a Welsh and an English span. */
  g_assert_nonnull (strstr (structure, "\"Crynodeb / \""));
  g_assert_nonnull (strstr (structure, "\"Summary\""));
  text = run ("pdfinfo", path, NULL);
  assert_info (text, "Title", "Pecyn y bwrdd / Board pack");
  assert_info (text, "Metadata Stream", "yes");

  status = check_pdfua (path, &out);
  if (status == 77)
    {
      g_test_skip ("pikepdf is not installed: tools/install-deps.sh");
      return;
    }
  g_test_message ("%s", out);
  g_assert_cmpint (status, ==, 0);
  g_assert_nonnull (strstr (out, "neither 0); painting"));
  g_assert_nonnull (strstr (out, "/Lang en-GB"));
  g_assert_nonnull (strstr (out, "Figure 1, TH 4"));

  /* And the check fails on a heading level left out. */
  skip_level = TRUE;
  g_assert_true (bp_document_render_pdf (skipped, &info, build_pdfua, &skip_level, NULL));
  g_assert_cmpint (check_pdfua (skipped, &skip_out), ==, 1);
  g_assert_nonnull (strstr (skip_out, "heading skip: H1 then H3"));
}

/* LeakSanitizer's hook: fontconfig keeps its configuration until the
 * process ends, which is not a leak of ours. */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\n";
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, NULL);

  g_test_add ("/document/pack", Fixture, NULL, fixture_set_up, test_document_pack, fixture_tear_down);
  g_test_add ("/document/unwritable", Fixture, NULL, fixture_set_up, test_document_unwritable, fixture_tear_down);
  g_test_add ("/document/breaks", Fixture, NULL, fixture_set_up, test_document_breaks, fixture_tear_down);
  g_test_add ("/document/orientation", Fixture, NULL, fixture_set_up, test_document_orientation, fixture_tear_down);
  g_test_add ("/document/flow", Fixture, NULL, fixture_set_up, test_document_flow, fixture_tear_down);
  g_test_add ("/document/long-contents", Fixture, NULL, fixture_set_up, test_document_long_contents, fixture_tear_down);
  g_test_add ("/document/language", Fixture, NULL, fixture_set_up, test_document_language, fixture_tear_down);
  g_test_add ("/document/pages", Fixture, NULL, fixture_set_up, test_document_pages, fixture_tear_down);
  g_test_add ("/document/pdfua", Fixture, NULL, fixture_set_up, test_document_pdfua, fixture_tear_down);
  g_test_add ("/document/long-table", Fixture, NULL, fixture_set_up, test_document_long_table, fixture_tear_down);

  ret = g_test_run ();

  /* Drop pango's and cairo's font caches, so that LeakSanitizer only
   * reports what is really lost. */
  pango_cairo_font_map_set_default (NULL);
  cairo_debug_reset_static_data ();
  return ret;
}
