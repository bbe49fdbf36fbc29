/* test-ui-window.c: the window on the sample file: pages, the welcome
 * and error pages, undo, the dashboard and one window per file. */
#include "bp-application.h"
#include "bp-overview-page.h"
#include "bp-ui-test-util.h"
#include "bp-window.h"

typedef struct
{
  char *dir;
  char *sample;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = bp_test_tmpdir ();
  f->sample = bp_ui_write_sample (f->dir);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  bp_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->sample);
}

static GtkStack *
main_stack (BpWindow *window)
{
  return GTK_STACK (bp_ui_find_named (GTK_WIDGET (window), "main-stack"));
}

static void
test_open_sample (Fixture *f, gconstpointer data)
{
  BpWindow *window = bp_window_new (NULL);
  GtkWidget *overview;
  const char *text;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "welcome");
  g_assert_true (bp_window_open_file (window, f->sample));
  gtk_window_present (GTK_WINDOW (window));
  bp_ui_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "programme");
  g_assert_nonnull (bp_window_get_db (window));
  g_assert_true (g_str_has_suffix (bp_window_get_path (window), "sample.boardpack"));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), !=, "Boardpack");

  overview = bp_ui_find_type (GTK_WIDGET (window), BP_TYPE_OVERVIEW_PAGE);
  g_assert_nonnull (overview);
  text = bp_overview_page_get_card_text (BP_OVERVIEW_PAGE (overview), 0);
  g_assert_nonnull (strstr (text, "143 actions"));
  text = bp_overview_page_get_card_text (BP_OVERVIEW_PAGE (overview), 3);
  g_assert_nonnull (strstr (text, "R1"));
  text = bp_overview_page_get_card_text (BP_OVERVIEW_PAGE (overview), 4);
  g_assert_nonnull (strstr (text, "on target"));

  /* Live: a change to the file shows on the dashboard. */
  {
    g_autoptr (GError) error = NULL;
    BpDb *db = bp_window_get_db (window);
    g_autoptr (BpAction) a = bp_db_find_action (db, "1.1", &error);
    BpUpdate u = { 0, a->id, "2025-07-02", "Tester", BP_RAG_RED, "Turned red", NULL };
    BpSummary s;

    g_assert_true (bp_db_summary (db, "2025-06-30", &s, &error));
    g_assert_true (bp_db_add_update (db, &u, &error));
    bp_ui_flush ();
    text = bp_overview_page_get_card_text (BP_OVERVIEW_PAGE (overview), 0);
    {
      g_autofree char *red = g_strdup_printf ("Red %d", s.by_rag[BP_RAG_RED] + 1);

      g_assert_nonnull (strstr (text, red));
    }

    /* Undo through the window's action puts the file back. */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
    bp_ui_flush ();
    {
      BpSummary after;

      g_assert_true (bp_db_summary (db, "2025-06-30", &after, &error));
      g_assert_cmpint (after.by_rag[BP_RAG_RED], ==, s.by_rag[BP_RAG_RED]);
      g_assert_cmpint (after.updates, ==, s.updates);
    }
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
visible_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

/* Closing the window with unsaved edits to a front sheet asks first:
 * Cancel keeps the window, Save writes the edit and closes. */
static void
test_close_with_unsaved_front_sheet (Fixture *f, gconstpointer data)
{
  BpWindow *window = bp_window_new (NULL);
  GtkWidget *venue;
  AdwMessageDialog *dialog;
  g_autofree char *stored = NULL;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  g_assert_true (bp_window_open_file (window, f->sample));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.page", "s", "meetings"));
  bp_ui_flush ();
  venue = bp_ui_find_named (GTK_WIDGET (window), "meeting-venue");
  g_assert_nonnull (venue);
  gtk_editable_set_text (GTK_EDITABLE (venue), "Committee Room 2");
  bp_ui_flush ();

  gtk_window_close (GTK_WINDOW (window));
  bp_ui_flush ();
  g_assert_nonnull (window);
  dialog = visible_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  bp_ui_flush ();
  g_assert_nonnull (window);

  gtk_window_close (GTK_WINDOW (window));
  bp_ui_flush ();
  dialog = visible_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
  bp_ui_flush ();
  g_assert_null (window);
  stored = bp_test_sql_text (f->sample, "SELECT venue FROM meeting ORDER BY date DESC LIMIT 1");
  g_assert_cmpstr (stored, ==, "Committee Room 2");
}

static void
test_bad_file (Fixture *f, gconstpointer data)
{
  BpWindow *window = bp_window_new (NULL);
  g_autofree char *bad = g_build_filename (f->dir, "plan.boardpack", NULL);
  AdwStatusPage *error_page;

  g_assert_true (g_file_set_contents (bad, "not a database", -1, NULL));
  g_assert_false (bp_window_open_file (window, bad));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "error");
  error_page = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (main_stack (window), "error"));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), bad));
  g_assert_nonnull (strstr (adw_status_page_get_description (error_page), "not a Boardpack file"));
  g_assert_null (bp_window_get_path (window));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-welcome", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack (window)), ==, "welcome");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_one_window_per_file (Fixture *f, gconstpointer data)
{
  g_autoptr (BpApplication) app = bp_application_new ();
  g_autoptr (GError) error = NULL;
  GList *windows;

  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  bp_application_open_path (app, f->sample);
  bp_application_open_path (app, f->sample);
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (g_str_has_suffix (bp_window_get_path (windows->data), "sample.boardpack"));

  /* The file is now the first recent file. */
  {
    g_auto (GStrv) recent = bp_application_dup_recent_files (app);

    g_assert_nonnull (recent[0]);
    g_assert_true (g_str_has_suffix (recent[0], "sample.boardpack"));
  }
  gtk_window_destroy (GTK_WINDOW (windows->data));
}

static void
test_shortcuts_window (void)
{
  g_autoptr (GtkBuilder) builder =
    gtk_builder_new_from_resource ("/org/boardpack/Boardpack/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static gboolean
on_quit_loop_cb (gpointer data)
{
  g_main_loop_quit (data);
  return G_SOURCE_REMOVE;
}

static int
notes_in_main_file_alone (Fixture *f, const char *note)
{
  g_autofree char *copy = g_build_filename (f->dir, "alone.boardpack", NULL);
  g_autofree char *data = NULL;
  g_autofree char *sql = g_strdup_printf (
    "SELECT count(*) FROM progress_update WHERE commentary = '%s'", note);
  gsize len = 0;

  g_assert_true (g_file_get_contents (f->sample, &data, &len, NULL));
  g_assert_true (g_file_set_contents (copy, data, len, NULL));
  return bp_test_sql_int (copy, sql);
}

/* The file is a document: a few seconds after an edit, and when the
 * window closes, the .boardpack file alone holds it. */
static void
test_file_whole_when_idle (Fixture *f, gconstpointer data)
{
  BpWindow *window = bp_window_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *wal = g_strconcat (f->sample, "-wal", NULL);
  BpDb *db;

  g_assert_true (bp_window_open_file (window, f->sample));
  gtk_window_present (GTK_WINDOW (window));
  bp_ui_flush ();
  db = bp_window_get_db (window);
  {
    g_autoptr (BpAction) a = bp_db_find_action (db, "3.2", &error);
    BpUpdate u = { 0, a->id, "2026-11-30", "Tester", BP_RAG_RED, "Idle and whole", NULL };

    g_assert_true (bp_db_add_update (db, &u, &error));
    g_assert_no_error (error);
  }
  /* Committed, but until the window is idle it is in the WAL only. */
  g_assert_cmpint (notes_in_main_file_alone (f, "Idle and whole"), ==, 0);
  /* The window waits two seconds; ten are allowed for a loaded machine. */
  for (int i = 0; i < 20 && notes_in_main_file_alone (f, "Idle and whole") == 0; i++)
    {
      g_timeout_add (500, on_quit_loop_cb, loop);
      g_main_loop_run (loop);
    }
  g_assert_cmpint (notes_in_main_file_alone (f, "Idle and whole"), ==, 1);

  /* Another edit, then the window closes at once: the file alone has
   * it, and the side files are gone. */
  {
    g_autoptr (BpAction) a = bp_db_find_action (db, "3.4", &error);
    BpUpdate u = { 0, a->id, "2026-11-30", "Tester", BP_RAG_AMBER, "Closed and whole", NULL };

    g_assert_true (bp_db_add_update (db, &u, &error));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  bp_ui_flush ();
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (notes_in_main_file_alone (f, "Closed and whole"), ==, 1);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/window/open-sample", test_open_sample);
  ADD ("/ui/window/bad-file", test_bad_file);
  ADD ("/ui/window/file-whole-when-idle", test_file_whole_when_idle);
  ADD ("/ui/window/close-with-unsaved-front-sheet", test_close_with_unsaved_front_sheet);
  ADD ("/ui/window/one-window-per-file", test_one_window_per_file);
#undef ADD
  g_test_add_func ("/ui/window/shortcuts-window", test_shortcuts_window);
  return g_test_run ();
}
