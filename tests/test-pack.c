/* test-pack.c: the board pack, made by the built binary and read back
 * with poppler-utils and qpdf as a reader's tools would. */
#include "bp-test-util.h"

static char *
spawn_out (int *status, const char *const *argv)
{
  g_autoptr (GError) error = NULL;
  char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  if (status)
    *status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
  if (status == NULL && wait_status != 0)
    g_error ("%s failed: %s", argv[0], err);
  if (status && *status != 0)
    {
      g_free (out);
      return g_strdup (err);
    }
  return out;
}

static int
pack (const char *file, const char *out, const char *meeting, char **err_out)
{
  const char *argv[] = { g_getenv ("BOARDPACK"), "pack", file, "-o", out,
                         meeting ? "--meeting" : NULL, meeting, NULL };
  int status;
  g_autofree char *text = spawn_out (&status, argv);

  if (err_out)
    *err_out = g_steal_pointer (&text);
  return status;
}

static char *
page_text (const char *pdf, int first, int last, gboolean raw)
{
  g_autofree char *f = g_strdup_printf ("%d", first);
  g_autofree char *l = g_strdup_printf ("%d", last);
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", raw ? "-raw" : "-layout",
                         "-f", f, "-l", l, pdf, "-", NULL };

  return spawn_out (NULL, argv);
}

static int
page_count (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = spawn_out (NULL, argv);
  const char *p = strstr (info, "Pages:");

  g_assert_nonnull (p);
  return atoi (p + 6);
}

/* Collapses runs of white space, so wrapped text compares with the source. */
static char *
squash (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (s->len && s->str[s->len - 1] != ' ')
            g_string_append_c (s, ' ');
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* TRUE when the words of @needle appear in @text in the same order (a text
 * split across pages has footers and repeated headers between its parts). */
static gboolean
words_in_order (const char *text, const char *needle)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t\n\f", -1);
  g_auto (GStrv) wanted = g_strsplit_set (needle, " \t\n\f", -1);
  guint w = 0;

  for (guint i = 0; words[i] && wanted[w]; i++)
    {
      while (wanted[w] && *wanted[w] == '\0')
        w++;
      if (wanted[w] && g_str_equal (words[i], wanted[w]))
        w++;
    }
  while (wanted[w] && *wanted[w] == '\0')
    w++;
  return wanted[w] == NULL;
}

static gboolean
has_word (const char *text, const char *word)
{
  g_auto (GStrv) words = g_strsplit_set (text, " \t\n\f", -1);

  for (guint i = 0; words[i]; i++)
    if (g_str_equal (words[i], word))
      return TRUE;
  return FALSE;
}

/* The first page from @from whose text starts a section titled @title
 * (its heading is the first line after the page's top). */
static int
find_section_page (const char *pdf, int n_pages, int from, const char *title)
{
  for (int p = from; p <= n_pages; p++)
    {
      g_autofree char *text = page_text (pdf, p, p, TRUE);
      g_autofree char *flat = squash (text);

      if (g_str_has_prefix (flat, title) || g_str_has_prefix (flat + (*flat == ' '), title))
        return p;
    }
  return -1;
}

static const char *const section_titles[] = {
  "Report front sheet", "For decision and escalation", "Dashboard", "Since the last meeting",
  "Exception report", "Risk register", "Scorecard", "Milestones and deadlines",
  "Appendix: the plan by priority", NULL,
};

typedef struct
{
  char *dir;
  char *sample;
  char *pdf;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  const char *argv[] = { g_getenv ("BOARDPACK"), "sample", NULL, NULL };

  f->dir = bp_test_tmpdir ();
  f->sample = g_build_filename (f->dir, "sample.boardpack", NULL);
  f->pdf = g_build_filename (f->dir, "pack.pdf", NULL);
  argv[2] = f->sample;
  g_free (spawn_out (NULL, argv));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  bp_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->sample);
  g_free (f->pdf);
}

static void
test_sample_pack (Fixture *f, gconstpointer data)
{
  const char *info_argv[] = { "pdfinfo", f->pdf, NULL };
  g_autofree char *info = NULL;
  g_autofree char *board = bp_test_sql_text (f->sample, "SELECT board FROM programme");
  g_autofree char *all = NULL;
  int n_pages, pos = -1, page;
  int pages[G_N_ELEMENTS (section_titles)];

  g_assert_cmpint (pack (f->sample, f->pdf, NULL, NULL), ==, 0);
  info = spawn_out (NULL, info_argv);
  g_assert_nonnull (strstr (info, "Tagged:          yes"));
  g_assert_nonnull (strstr (info, "595.28 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (info, board));
  n_pages = page_count (f->pdf);
  g_assert_cmpint (n_pages, >=, 12);

  /* Every section, each starting a page, in the documented order. */
  page = 3;
  for (guint i = 0; section_titles[i]; i++)
    {
      pages[i] = find_section_page (f->pdf, n_pages, page, section_titles[i]);
      if (pages[i] < 0)
        g_error ("section “%s” not found after page %d", section_titles[i], page);
      page = pages[i];
    }
  (void) pos;

  /* The contents page lists them with their page numbers. */
  {
    g_autofree char *contents = page_text (f->pdf, 2, 2, TRUE);
    g_autofree char *flat = squash (contents);

    for (guint i = 0; section_titles[i]; i++)
      {
        g_autofree char *entry = g_strdup_printf ("%s %d", section_titles[i], pages[i]);

        if (strstr (flat, entry) == NULL)
          g_error ("contents lacks “%s”: %s", entry, flat);
      }
  }

  /* Every red action is in the exception report. */
  {
    g_autofree char *exceptions = page_text (f->pdf, pages[4], pages[5] - 1, TRUE);
    sqlite3 *db = NULL;
    sqlite3_stmt *stmt = NULL;
    int n_red = 0;

    g_assert_cmpint (sqlite3_open_v2 (f->sample, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
    sqlite3_prepare_v2 (db, "SELECT ref FROM action WHERE rag = 'R'", -1, &stmt, NULL);
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *ref = (const char *) sqlite3_column_text (stmt, 0);

        if (!has_word (exceptions, ref))
          g_error ("red action %s missing from the exception report", ref);
        n_red++;
      }
    sqlite3_finalize (stmt);
    sqlite3_close (db);
    g_assert_cmpint (n_red, >, 0);
  }

  /* The plan's table, the appendix at the end, repeats its header row on
   * every page it spans. */
  g_assert_cmpint (n_pages - pages[8], >=, 2);
  for (int p = pages[8]; p <= n_pages; p++)
    {
      g_autofree char *text = page_text (f->pdf, p, p, FALSE);

      g_assert_nonnull (strstr (text, "Latest update"));
      g_assert_nonnull (strstr (text, "Owner"));
    }

  /* The footer names the board and counts the pages. */
  {
    g_autofree char *last = page_text (f->pdf, n_pages, n_pages, TRUE);
    g_autofree char *of = g_strdup_printf ("Page %d of %d", n_pages, n_pages);

    g_assert_nonnull (strstr (last, of));
    g_assert_nonnull (strstr (last, board));
  }

  all = page_text (f->pdf, 1, n_pages, TRUE);
  g_assert_nonnull (strstr (all, "Executive summary"));
  g_assert_nonnull (strstr (all, "Recommendations"));
}

static void
test_outline_and_language (Fixture *f, gconstpointer data)
{
  const char *json_argv[] = { "qpdf", "--json=2", "--json-key=outlines", f->pdf, NULL };
  g_autofree char *qdf = g_build_filename (f->dir, "pack.qdf", NULL);
  const char *qdf_argv[] = { "qpdf", "--qdf", "--object-streams=disable", f->pdf, qdf, NULL };
  g_autofree char *outline = NULL;
  g_autofree char *raw = NULL;
  gsize len;

  g_assert_cmpint (pack (f->sample, f->pdf, NULL, NULL), ==, 0);
  outline = spawn_out (NULL, json_argv);
  for (guint i = 0; section_titles[i]; i++)
    {
      g_autofree char *entry = g_strdup_printf ("\"title\": \"%s\"", section_titles[i]);

      if (strstr (outline, entry) == NULL)
        g_error ("outline lacks %s", entry);
    }
  g_free (spawn_out (NULL, qdf_argv));
  g_assert_true (g_file_get_contents (qdf, &raw, &len, NULL));
  g_assert_nonnull (g_strstr_len (raw, len, "/Lang (en-GB)"));
}

static void
test_choose_meeting (Fixture *f, gconstpointer data)
{
  g_autofree char *err = NULL;
  g_autofree char *first = bp_test_sql_text (f->sample, "SELECT min(date) FROM meeting");
  g_autofree char *text = NULL;

  g_assert_cmpint (pack (f->sample, f->pdf, "2030-01-01", &err), ==, 65);
  g_assert_nonnull (strstr (err, "no meeting on 2030-01-01"));
  g_assert_nonnull (strstr (err, first));
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (pack (f->sample, f->pdf, "1 July", &err), ==, 64);
  g_clear_pointer (&err, g_free);

  /* The first meeting has no earlier snapshot: the section says so. */
  g_assert_cmpint (pack (f->sample, f->pdf, first, NULL), ==, 0);
  text = page_text (f->pdf, 1, page_count (f->pdf), TRUE);
  g_assert_nonnull (strstr (text, "no snapshot from an earlier meeting"));

  /* An output that cannot be created. */
  g_assert_cmpint (pack (f->sample, "/nonexistent-folder/pack.pdf", NULL, &err), ==, 73);
  g_assert_nonnull (strstr (err, "/nonexistent-folder/pack.pdf"));
}

/* A small programme of our own, with the edge cases a real file has. */
static void
test_small_programme (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "small.boardpack", NULL);
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autofree char *flat_long = NULL;
  g_autoptr (GString) long_text = g_string_new (NULL);
  BpTestIds ids;
  BpMeeting m = { 0 };

  for (int i = 0; i < 40; i++)
    g_string_append_printf (long_text, "Sentence %d of a long progress update about the "
                                       "recruitment of educational psychologists. ", i + 1);
  {
    g_autoptr (BpDb) db = bp_test_small_programme (path, &ids);
    BpUpdate u = { 0, ids.a12, "2025-05-01", "Bob Lead", BP_RAG_RED, long_text->str,
                   "Ask the board to approve agency cover" };

    g_assert_true (bp_db_add_update (db, &u, &error));
    g_assert_no_error (error);
  }
  /* No meeting yet: a clear error, not an empty pack. */
  g_assert_cmpint (pack (path, f->pdf, NULL, &err), ==, 65);
  g_assert_nonnull (strstr (err, "no board meetings"));
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));

  {
    g_autoptr (BpDb) db = bp_db_open (path, BP_OPEN_DEFAULT, &error);

    m.date = "2025-07-01";
    g_assert_true (bp_db_insert_meeting (db, &m, &error));
  }
  g_assert_cmpint (pack (path, f->pdf, NULL, NULL), ==, 0);
  text = page_text (f->pdf, 1, page_count (f->pdf), TRUE);
  flat = squash (text);
  flat_long = squash (long_text->str);
  /* The long update, whole and in order, though it spans pages. */
  g_assert_true (words_in_order (flat, flat_long));
  g_assert_nonnull (strstr (flat, "Sentence 40 of a long progress update"));
  /* Empty sections say so. */
  g_assert_nonnull (strstr (flat, "The risk register is empty."));
  g_assert_nonnull (strstr (flat, "The scorecard has no measures yet."));
  g_assert_nonnull (strstr (flat, "No milestones are due before the next meeting."));
  g_assert_nonnull (strstr (flat, "No snapshot has been taken for this meeting"));
  /* 1.1 is green but overdue: in the exceptions, marked overdue. */
  g_assert_nonnull (strstr (flat, "Overdue"));
}

static void
test_no_exceptions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "calm.boardpack", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  {
    g_autoptr (BpDb) db = bp_db_create (path, "Calm programme", &error);
    BpPriority p = { 0, "P1", "Leadership", 0, 1 };
    BpMeeting m = { 0 };

    g_assert_true (bp_db_insert_priority (db, &p, &error));
    bp_test_add_action (db, "1.1", p.id, 0, "Steady work", "2026-03-31", BP_RAG_GREEN);
    m.date = "2025-07-01";
    g_assert_true (bp_db_insert_meeting (db, &m, &error));
  }
  g_assert_cmpint (pack (path, f->pdf, NULL, NULL), ==, 0);
  text = page_text (f->pdf, 1, page_count (f->pdf), TRUE);
  flat = squash (text);
  g_assert_nonnull (strstr (flat, "No red, amber or overdue actions at this meeting."));
}

/* A past meeting's pack is made from its snapshot alone: moving the plan
 * on (a new red update, a risk rescored, a milestone done, a priority
 * renamed) does not change a word of it, in English or in Welsh. */
static void
test_frozen_pack (Fixture *f, gconstpointer data)
{
  static const char *const languages[] = { "en", "cy" };
  g_autofree char *meeting = bp_test_sql_text (
    f->sample, "SELECT m.date FROM meeting m JOIN snapshot s ON s.meeting_id = m.id"
               " ORDER BY m.date LIMIT 1 OFFSET 1");
  g_autofree char *red = bp_test_sql_text (
    f->sample, "SELECT count(*) FROM snapshot_action t JOIN snapshot s ON s.id = t.snapshot_id"
               " JOIN meeting m ON m.id = s.meeting_id"
               " WHERE t.rag = 'R' AND m.date = (SELECT m.date FROM meeting m JOIN snapshot s"
               "   ON s.meeting_id = m.id ORDER BY m.date LIMIT 1 OFFSET 1)");
  char *before[G_N_ELEMENTS (languages)];

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *argv[] = { g_getenv ("BOARDPACK"), "pack", f->sample, "-o", f->pdf,
                             "--meeting", meeting, "--language", languages[i], NULL };

      g_free (spawn_out (NULL, argv));
      before[i] = page_text (f->pdf, 1, page_count (f->pdf), TRUE);
    }
  /* The cover counts the snapshot's statuses, not today's. */
  {
    g_autofree char *flat = squash (before[0]);
    g_autofree char *counts = g_strdup_printf (" %s red,", red);

    g_assert_nonnull (strstr (flat, counts));
    g_assert_nonnull (strstr (flat, "when the snapshot for this meeting was taken"));
    g_assert_null (strstr (flat, "DRAFT"));
  }

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (BpDb) db = bp_db_open (f->sample, BP_OPEN_DEFAULT, &error);
    g_autoptr (BpAction) a = bp_db_find_action (db, "1.1", &error);
    g_autoptr (GPtrArray) risks = bp_db_list_risks (db, &error);
    g_autoptr (GPtrArray) priorities = bp_db_list_priorities (db, &error);
    BpUpdate u = { 0, 0, "2025-04-20", "Later Author", BP_RAG_RED,
                   "Written after the meeting's snapshot", "Nothing", "Moved on" };
    BpRisk *r;
    BpPriority *p;

    g_assert_no_error (error);
    u.action_id = a->id;
    g_assert_true (bp_db_add_update (db, &u, &error));
    g_free (a->due_date);
    a->due_date = g_strdup ("2031-01-31");
    g_assert_true (bp_db_update_action (db, a, &error));
    r = risks->pdata[0];
    r->current_l = r->current_l == 5 ? 1 : 5;
    g_assert_true (bp_db_update_risk (db, r, &error));
    p = priorities->pdata[0];
    g_free (p->title);
    p->title = g_strdup ("Renamed after the meeting");
    g_assert_true (bp_db_update_priority (db, p, &error));
    g_assert_no_error (error);
  }
  {
    sqlite3 *raw = NULL;

    g_assert_cmpint (sqlite3_open (f->sample, &raw), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (raw, "UPDATE milestone SET done_date = '2025-04-20'"
                                   " WHERE done_date IS NULL", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (raw);
  }

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *argv[] = { g_getenv ("BOARDPACK"), "pack", f->sample, "-o", f->pdf,
                             "--meeting", meeting, "--language", languages[i], NULL };
      g_autofree char *after = NULL;

      g_free (spawn_out (NULL, argv));
      after = page_text (f->pdf, 1, page_count (f->pdf), TRUE);
      g_assert_null (strstr (after, "Written after the meeting"));
      g_assert_null (strstr (after, "Renamed after the meeting"));
      g_assert_cmpstr (after, ==, before[i]);
      g_free (before[i]);
    }
}

/* A meeting with no snapshot: a draft of the current position, on every
 * page. */
static void
test_draft_pack (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  int n_pages;

  {
    g_autoptr (BpDb) db = bp_db_open (f->sample, BP_OPEN_DEFAULT, &error);
    BpMeeting m = { 0 };

    m.date = "2031-03-03";
    g_assert_true (bp_db_insert_meeting (db, &m, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (pack (f->sample, f->pdf, "2031-03-03", NULL), ==, 0);
  n_pages = page_count (f->pdf);
  for (int p = 1; p <= n_pages; p++)
    {
      g_autofree char *text = page_text (f->pdf, p, p, TRUE);

      if (strstr (text, "DRAFT") == NULL)
        g_error ("page %d of a pack without a snapshot is not marked as a draft", p);
    }
}

/* What an owner asks of the board leads the pack, after the front sheet. */
static void
test_decisions (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "asks.boardpack", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  BpTestIds ids;
  int n_pages, decisions, dashboard;

  {
    g_autoptr (BpDb) db = bp_test_small_programme (path, &ids);
    BpUpdate u = { 0, ids.a12, "2025-05-01", "Bob Lead", BP_RAG_RED, "Two posts are vacant.",
                   "Recruit", "Approve agency cover for the two vacant posts" };
    BpMeeting m = { 0 };

    g_assert_true (bp_db_add_update (db, &u, &error));
    m.date = "2025-07-01";
    g_assert_true (bp_db_insert_meeting (db, &m, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpint (pack (path, f->pdf, NULL, NULL), ==, 0);
  n_pages = page_count (f->pdf);
  decisions = find_section_page (f->pdf, n_pages, 3, "For decision and escalation");
  dashboard = find_section_page (f->pdf, n_pages, 3, "Dashboard");
  g_assert_cmpint (decisions, >, 0);
  g_assert_cmpint (decisions, <, dashboard);
  g_assert_cmpint (find_section_page (f->pdf, n_pages, 3, "Report front sheet"), <, decisions);
  text = page_text (f->pdf, decisions, dashboard - 1, TRUE);
  flat = squash (text);
  g_assert_nonnull (strstr (flat, "Approve agency cover for the two vacant posts"));
  g_assert_nonnull (strstr (flat, "Asks of the board"));
}

/* The pack in a chosen language: the binary's pack verb with --language. */
static int
pack_in (const char *file, const char *out, const char *language, char **err_out)
{
  const char *argv[] = { g_getenv ("BOARDPACK"), "pack", file, "-o", out,
                         language ? "--language" : NULL, language, NULL };
  int status;
  g_autofree char *text = spawn_out (&status, argv);

  if (err_out)
    *err_out = g_steal_pointer (&text);
  return status;
}

/* The PDF's /Lang entry, read from its uncompressed form. */
static gboolean
pdf_has_lang (Fixture *f, const char *lang)
{
  g_autofree char *qdf = g_build_filename (f->dir, "pack.qdf", NULL);
  const char *qdf_argv[] = { "qpdf", "--qdf", "--object-streams=disable", f->pdf, qdf, NULL };
  g_autofree char *raw = NULL;
  g_autofree char *entry = g_strdup_printf ("/Lang (%s)", lang);
  gsize len;

  g_free (spawn_out (NULL, qdf_argv));
  g_assert_true (g_file_get_contents (qdf, &raw, &len, NULL));
  return g_strstr_len (raw, len, entry) != NULL;
}

static const char *const welsh_section_titles[] = {
  "Taflen flaen yr adroddiad", "Er penderfyniad ac uwchgyfeirio", "Dangosfwrdd",
  "Ers y cyfarfod diwethaf", "Adroddiad eithriadau", "Cofrestr risgiau", "Cerdyn sgorio",
  "Cerrig milltir a therfynau amser", "Atodiad: y cynllun yn ôl blaenoriaeth", NULL,
};

static void
test_welsh_pack (Fixture *f, gconstpointer data)
{
  g_autofree char *board = bp_test_sql_text (f->sample, "SELECT board FROM programme");
  g_autofree char *all = NULL;
  g_autofree char *flat = NULL;
  int n_pages, page = 3;
  int pages[G_N_ELEMENTS (welsh_section_titles)];

  /* The sample's programme is set to English: the option overrides it. */
  g_assert_cmpint (pack_in (f->sample, f->pdf, "cy", NULL), ==, 0);
  n_pages = page_count (f->pdf);
  g_assert_cmpint (n_pages, >=, 12);

  /* Every section under its Welsh heading, each starting a page, in order. */
  for (guint i = 0; welsh_section_titles[i]; i++)
    {
      pages[i] = find_section_page (f->pdf, n_pages, page, welsh_section_titles[i]);
      if (pages[i] < 0)
        g_error ("section “%s” not found after page %d", welsh_section_titles[i], page);
      page = pages[i];
    }

  /* The contents page is "Cynnwys" and lists them with their pages. */
  {
    g_autofree char *contents = page_text (f->pdf, 2, 2, TRUE);
    g_autofree char *cflat = squash (contents);

    g_assert_true (g_str_has_prefix (cflat + (*cflat == ' '), "Cynnwys"));
    for (guint i = 0; welsh_section_titles[i]; i++)
      {
        g_autofree char *entry = g_strdup_printf ("%s %d", welsh_section_titles[i], pages[i]);

        if (strstr (cflat, entry) == NULL)
          g_error ("contents lacks “%s”: %s", entry, cflat);
      }
  }

  /* Footers count the pages in Welsh. */
  {
    g_autofree char *first = page_text (f->pdf, 1, 1, TRUE);
    g_autofree char *last = page_text (f->pdf, n_pages, n_pages, TRUE);
    g_autofree char *of1 = g_strdup_printf ("Tudalen 1 o %d", n_pages);
    g_autofree char *ofn = g_strdup_printf ("Tudalen %d o %d", n_pages, n_pages);

    g_assert_nonnull (strstr (first, of1));
    g_assert_nonnull (strstr (last, ofn));
    g_assert_nonnull (strstr (last, board));
  }

  all = page_text (f->pdf, 1, n_pages, TRUE);
  flat = squash (all);
  /* The front sheet's headings, the meeting date and the status words in
   * Welsh, whatever the test's C locale; no English heading is left. */
  g_assert_nonnull (strstr (flat, "Crynodeb gweithredol"));
  g_assert_nonnull (strstr (flat, "Argymhellion"));
  g_assert_nonnull (strstr (flat, "Wardiau yr effeithir arnynt"));
  g_assert_nonnull (strstr (flat, "Dydd Mawrth 1 Gorffennaf 2025"));
  g_assert_nonnull (strstr (flat, "Coch"));
  g_assert_nonnull (strstr (flat, "Ambr"));
  g_assert_null (strstr (flat, "Exception report"));
  g_assert_null (strstr (flat, "Executive summary"));
  g_assert_null (strstr (flat, "Page 1 of"));
  g_assert_null (strstr (flat, "Tuesday"));

  /* The document is Welsh; the programme's own text, in English, is
   * marked as English so that a screen reader reads it as such. */
  g_assert_true (pdf_has_lang (f, "cy"));
  g_assert_true (pdf_has_lang (f, "en-GB"));
}

static void
test_bilingual_pack (Fixture *f, gconstpointer data)
{
  g_autofree char *all = NULL;
  g_autofree char *flat = NULL;
  const char *cy, *en;
  int n_pages;

  g_assert_cmpint (pack_in (f->sample, f->pdf, "bilingual", NULL), ==, 0);
  n_pages = page_count (f->pdf);
  all = page_text (f->pdf, 1, n_pages, TRUE);
  flat = squash (all);

  /* Headings in both languages, Welsh first. */
  g_assert_nonnull (strstr (flat, "Adroddiad eithriadau / Exception report"));
  g_assert_nonnull (strstr (flat, "Crynodeb gweithredol / Executive summary"));
  g_assert_nonnull (strstr (flat, "Cofrestr risgiau / Risk register"));
  cy = strstr (flat, "Adroddiad eithriadau");
  en = strstr (flat, "Exception report");
  g_assert_true (cy != NULL && en != NULL && cy < en);
  g_assert_cmpint (find_section_page (f->pdf, n_pages, 3, "Adroddiad eithriadau / Exception report"),
                   >, 3);
  /* The footer too; body text (the actions' titles) stays as entered. */
  {
    g_autofree char *of1 = g_strdup_printf ("Tudalen 1 o %d / Page 1 of %d", n_pages, n_pages);
    g_autofree char *title = bp_test_sql_text (f->sample,
                                               "SELECT title FROM action WHERE rag = 'R' LIMIT 1");
    g_autofree char *title_flat = squash (title);

    g_assert_nonnull (strstr (flat, of1));
    g_assert_true (words_in_order (all, title_flat));
  }
  g_assert_true (pdf_has_lang (f, "cy"));
}

static void
test_language_setting (Fixture *f, gconstpointer data)
{
  g_autofree char *err = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  sqlite3 *db = NULL;

  /* The default follows the programme's setting: English in the sample. */
  g_assert_cmpint (pack_in (f->sample, f->pdf, NULL, NULL), ==, 0);
  text = page_text (f->pdf, 1, page_count (f->pdf), TRUE);
  g_assert_nonnull (strstr (text, "Exception report"));
  g_assert_null (strstr (text, "Adroddiad eithriadau"));
  g_assert_true (pdf_has_lang (f, "en-GB"));
  g_clear_pointer (&text, g_free);

  /* A programme set to Welsh gives a Welsh pack; --language en overrides. */
  g_assert_cmpint (sqlite3_open (f->sample, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE programme SET language = 'cy'", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (pack_in (f->sample, f->pdf, NULL, NULL), ==, 0);
  text = page_text (f->pdf, 1, page_count (f->pdf), TRUE);
  g_assert_nonnull (strstr (text, "Adroddiad eithriadau"));
  g_assert_true (pdf_has_lang (f, "cy"));
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (pack_in (f->sample, f->pdf, "en", NULL), ==, 0);
  text = page_text (f->pdf, 1, page_count (f->pdf), TRUE);
  g_assert_nonnull (strstr (text, "Exception report"));
  g_assert_true (pdf_has_lang (f, "en-GB"));

  /* A language that is not one of the three is a usage error. */
  g_assert_cmpint (pack_in (f->sample, f->pdf, "fr", &err), ==, 64);
  g_assert_nonnull (strstr (err, "--language"));
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (pack_in (f->sample, f->pdf, "", &err), ==, 64);
}

/* A pack in a language whose catalogue is missing or unreadable (here
 * through $BOARDPACK_LOCALEDIR, which replaces the built-in one) is
 * refused with exit 69 and writes nothing; English needs no catalogue. */
static void
test_missing_catalogue (Fixture *f, gconstpointer data)
{
  g_autofree char *locale = g_build_filename (f->dir, "locale", NULL);
  g_autofree char *folder = g_build_filename (locale, "cy", "LC_MESSAGES", NULL);
  g_autofree char *mo = g_build_filename (folder, "boardpack.mo", NULL);
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_setenv ("BOARDPACK_LOCALEDIR", locale, TRUE);
  g_assert_cmpint (pack_in (f->sample, f->pdf, "cy", &err), ==, 69);
  g_assert_nonnull (strstr (err, "Welsh"));
  g_assert_nonnull (strstr (err, mo));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1); /* one line */
  g_assert_false (g_file_test (f->pdf, G_FILE_TEST_EXISTS));
  g_clear_pointer (&err, g_free);

  /* A damaged catalogue; an existing pack is left as it was. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (mo, "not a catalogue", -1, NULL));
  g_assert_true (g_file_set_contents (f->pdf, "the last pack", -1, NULL));
  before = bp_test_file_sum (f->pdf);
  g_assert_cmpint (pack_in (f->sample, f->pdf, "bilingual", &err), ==, 69);
  g_assert_nonnull (strstr (err, "not a GNU message catalogue"));
  after = bp_test_file_sum (f->pdf);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (pack_in (f->sample, f->pdf, "en", NULL), ==, 0);
  g_assert_true (pdf_has_lang (f, "en-GB"));

  g_unsetenv ("BOARDPACK_LOCALEDIR");
  g_unlink (mo);
  g_rmdir (folder);
  *strrchr (folder, G_DIR_SEPARATOR) = '\0';
  g_rmdir (folder);
  g_rmdir (locale);
}

/* The Welsh catalogue is well formed, and every message of the pack's
 * fixed text (composer, document engine, charts, status words) has a
 * Welsh translation. */
static void
test_welsh_catalogue (void)
{
  g_autofree char *po = g_build_filename (g_getenv ("BOARDPACK_PO_DIR"), "cy.po", NULL);
  const char *check_argv[] = { "msgfmt", "--check", "--statistics", "-o", "/dev/null", po, NULL };
  const char *untranslated_argv[] = { "msgattrib", "--untranslated", "--no-obsolete", po, NULL };
  const char *const pack_sources[] = {
    /* Prefixes: the charts and the document engine are several files. */
    "src/report/bp-pack", "src/report/bp-document", "src/report/bp-chart",
    "src/core/bp-rules.c", "src/core/bp-translate.c", NULL,
  };
  g_autofree char *untranslated = NULL;
  int status;

  g_free (spawn_out (&status, check_argv));
  g_assert_cmpint (status, ==, 0);
  untranslated = spawn_out (NULL, untranslated_argv);
  for (guint i = 0; pack_sources[i]; i++)
    if (strstr (untranslated, pack_sources[i]) != NULL)
      g_error ("untranslated Welsh messages from %s:\n%s", pack_sources[i], untranslated);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* The Welsh packs come from the catalogue built into the binary, with
   * nothing installed and whatever the developer's shell has set. */
  g_unsetenv ("BOARDPACK_LOCALEDIR");
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/pack/sample", test_sample_pack);
  ADD ("/pack/outline-and-language", test_outline_and_language);
  ADD ("/pack/choose-meeting", test_choose_meeting);
  ADD ("/pack/small-programme", test_small_programme);
  ADD ("/pack/no-exceptions", test_no_exceptions);
  ADD ("/pack/frozen", test_frozen_pack);
  ADD ("/pack/draft", test_draft_pack);
  ADD ("/pack/decisions", test_decisions);
  ADD ("/pack/welsh", test_welsh_pack);
  ADD ("/pack/bilingual", test_bilingual_pack);
  ADD ("/pack/language-setting", test_language_setting);
  ADD ("/pack/missing-catalogue", test_missing_catalogue);
  g_test_add_func ("/pack/welsh-catalogue", test_welsh_catalogue);
#undef ADD
  return g_test_run ();
}
