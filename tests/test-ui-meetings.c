/* test-ui-meetings.c: the Meetings view on the sample file: the list,
 * the front sheet's validation and saving, new and deleted meetings,
 * snapshots, unsaved changes, the empty state, the narrow layout, and the
 * board pack exported and printed (to a PDF, through GtkPrintOperation). */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "bp-meeting-editor.h"
#include "bp-meetings-page.h"
#include "bp-pack.h"
#include "bp-print-preview.h"
#include "bp-print.h"
#include "bp-ui-test-util.h"
#include "bp-window.h"

typedef struct
{
  char *dir;
  char *sample;
  BpWindow *window;
  BpMeetingsPage *page;
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
  if (f->window)
    gtk_window_destroy (GTK_WINDOW (f->window));
  bp_ui_flush ();
  bp_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->sample);
}

/* Opens @path in a window and returns its Meetings view. */
static BpMeetingsPage *
open_page (Fixture *f, const char *path, int width, int height)
{
  GtkWidget *page;

  f->window = bp_window_new (NULL);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  g_assert_true (bp_window_open_file (f->window, path));
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.page", "s", "meetings"));
  bp_ui_flush ();
  page = bp_ui_find_type (GTK_WIDGET (f->window), BP_TYPE_MEETINGS_PAGE);
  g_assert_nonnull (page);
  f->page = BP_MEETINGS_PAGE (page);
  return f->page;
}

static GtkWidget *
named (BpMeetingsPage *page, const char *name)
{
  GtkWidget *widget = bp_ui_find_named (GTK_WIDGET (page), name);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_field (BpMeetingsPage *page, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (page, name)), text);
}

static void
set_text_view (BpMeetingsPage *page, const char *name, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (page, name))), text, -1);
}

static gboolean
activate (BpMeetingsPage *page, const char *action)
{
  gboolean ok = gtk_widget_activate_action (GTK_WIDGET (page), action, NULL);

  bp_ui_flush ();
  return ok;
}

static gboolean
action_enabled (BpMeetingsPage *page, const char *action)
{
  GtkWidget *button = NULL;

  if (g_str_equal (action, "meetings.save"))
    button = named (page, "save-meeting");
  else if (g_str_equal (action, "meetings.take-snapshot"))
    button = named (page, "take-snapshot");
  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

/* The message dialog on screen, or NULL. */
static AdwMessageDialog *
find_dialog (void)
{
  GList *toplevels = gtk_window_list_toplevels ();
  AdwMessageDialog *found = NULL;

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      found = l->data;
  g_list_free (toplevels);
  return found;
}

static void
answer_dialog (const char *response)
{
  AdwMessageDialog *dialog = find_dialog ();

  g_assert_nonnull (dialog);
  /* What a click on the response's button does. */
  adw_message_dialog_response (dialog, response);
  gtk_window_close (GTK_WINDOW (dialog));
  bp_ui_flush ();
  g_assert_null (find_dialog ());
}

static char *
sql_text (Fixture *f, const char *format, ...) G_GNUC_PRINTF (2, 3);

static char *
sql_text (Fixture *f, const char *format, ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return bp_test_sql_text (f->sample, sql);
}

/* Runs a command, asserts that it succeeded and returns its output. */
static char *
run (const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = 0;
  va_list args;

  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", first, err);
  return out;
}

/* Each page's orientation, from pdfinfo: 'L' or 'P' per page. */
static char *
pdf_orientations (const char *pdf)
{
  g_autofree char *info = run ("pdfinfo", "-f", "1", "-l", "9999", pdf, NULL);
  g_auto (GStrv) lines = g_strsplit (info, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    {
      double width, height;

      if (!g_str_has_prefix (lines[i], "Page ") || strstr (lines[i], " size:") == NULL)
        continue;
      width = g_ascii_strtod (strstr (lines[i], " size:") + 6, NULL);
      height = g_ascii_strtod (strstr (lines[i], " x ") + 3, NULL);
      g_assert_cmpfloat (width, >, 0);
      g_string_append_c (out, width > height ? 'L' : 'P');
    }
  return g_string_free (out, FALSE);
}

static int
pdf_pages (const char *pdf)
{
  g_autofree char *info = run ("pdfinfo", pdf, NULL);
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return atoi (pages + strlen ("\nPages:"));
}

/* ------------------------------------------------------------- tests */

static void
test_rules (void)
{
  g_autoptr (GPtrArray) meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_meeting_free);
  BpMeeting *m = g_new0 (BpMeeting, 1);
  char *problem;

  m->id = 7;
  m->date = g_strdup ("2025-07-01");
  g_ptr_array_add (meetings, m);

  g_assert_null (bp_meeting_check_date ("2025-08-12", 0, meetings));
  /* A meeting keeps its own date. */
  g_assert_null (bp_meeting_check_date ("2025-07-01", 7, meetings));
  problem = bp_meeting_check_date ("2025-07-01", 8, meetings);
  g_assert_nonnull (strstr (problem, "already a meeting on 1 July 2025"));
  g_free (problem);
  problem = bp_meeting_check_date ("2025-02-30", 7, meetings);
  g_assert_nonnull (strstr (problem, "DD/MM/YYYY"));
  g_free (problem);
  problem = bp_meeting_check_date ("01/07/2025", 7, NULL);
  g_assert_nonnull (strstr (problem, "not a date"));
  g_free (problem);
  problem = bp_meeting_check_date (NULL, 7, NULL);
  g_assert_nonnull (problem);
  g_free (problem);

  g_assert_null (bp_meeting_check_time (NULL));
  g_assert_null (bp_meeting_check_time ("09:30"));
  g_assert_null (bp_meeting_check_time ("23:59"));
  problem = bp_meeting_check_time ("24:00");
  g_assert_nonnull (problem);
  g_free (problem);
  problem = bp_meeting_check_time ("2pm");
  g_assert_nonnull (problem);
  g_free (problem);

  problem = bp_meeting_format_long_date ("2025-07-01", TRUE);
  g_assert_cmpstr (problem, ==, "Tuesday 1 July 2025");
  g_free (problem);
}

static void
test_list (Fixture *f, gconstpointer data)
{
  BpMeetingsPage *page = open_page (f, f->sample, 1024, 700);
  GtkWidget *list = named (page, "meeting-list");
  GtkWidget *first = gtk_widget_get_first_child (list);
  const char *snapshot;
  int n = 0;

  g_assert_cmpuint (bp_meetings_page_get_n_meetings (page), ==, 3);
  for (GtkWidget *row = first; row; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row);
  g_assert_cmpint (n, ==, 3);

  /* Newest first, and the newest shown. */
  g_assert_cmpstr (gtk_widget_get_name (first), ==, "meeting-row-2025-07-01");
  g_assert_cmpstr (gtk_widget_get_name (gtk_widget_get_next_sibling (first)), ==,
                   "meeting-row-2025-05-20");
  g_assert_nonnull (named (page, "meeting-row-2025-04-08"));
  g_assert_cmpstr (bp_meetings_page_get_selected_date (page), ==, "2025-07-01");
  g_assert_true (gtk_list_box_row_is_selected (GTK_LIST_BOX_ROW (first)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (named (page, "meetings-stack"))),
                   ==, "meetings");
  /* At 1024 pixels, the list and the front sheet side by side. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_false (adw_leaflet_get_folded (ADW_LEAFLET (named (page, "meetings-leaflet"))));

  /* Every sample meeting has its snapshot, shown with when it was taken. */
  snapshot = adw_action_row_get_subtitle (ADW_ACTION_ROW (named (page, "snapshot-row")));
  g_assert_true (g_str_has_prefix (snapshot, "Snapshot taken "));
  g_assert_true (g_regex_match_simple ("^Snapshot taken \\d\\d/\\d\\d/\\d{4} \\d\\d:\\d\\d$",
                                       snapshot, 0, 0));

  /* The front sheet of the shown meeting. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (page, "meeting-date"))), ==,
                   "01/07/2025");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (page, "meeting-venue"))), ==,
                   "Council Chamber, Wessex Bay Civic Centre");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (named (page, "meeting-purpose"))),
                    ==, 0); /* Decision */

  /* Nothing to save yet; the pack can be made. */
  g_assert_false (action_enabled (page, "meetings.save"));
  g_assert_true (action_enabled (page, "meetings.take-snapshot"));
  g_assert_true (gtk_widget_get_sensitive (named (page, "export-pack")));
  g_assert_true (gtk_widget_get_sensitive (named (page, "print-pack")));

  /* Choosing another meeting shows it. */
  g_assert_true (bp_meetings_page_select_meeting (page, "2025-04-08"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (page, "meeting-date"))), ==,
                   "08/04/2025");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (page, "meeting-venue"))), ==,
                   "Committee Room 2, Wessex Bay Civic Centre");
}

static void
test_accessible_labels (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *widget;
    const char *label;
  } expected[] = {
    { "take-snapshot", "Take snapshot" },
    { "export-pack", "Export board pack" },
    { "print-pack", "Print board pack" },
    { "meeting-date", "Meeting date" },
    { "new-meeting", "New meeting" },
    { "save-meeting", "Save meeting" },
    { "delete-meeting", "Delete meeting" },
    { "meeting-list", "Board meetings" },
    { "meeting-summary", "Executive summary" },
    { "meeting-classification", "Classification" },
  };
  BpMeetingsPage *page = open_page (f, f->sample, 1024, 700);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *problem =
        gtk_test_accessible_check_property (GTK_ACCESSIBLE (named (page, expected[i].widget)),
                                            GTK_ACCESSIBLE_PROPERTY_LABEL, expected[i].label);

      if (problem)
        g_error ("%s: %s", expected[i].widget, problem);
    }
  /* Rows say what they show. */
  g_assert_true (gtk_test_accessible_has_property (
    GTK_ACCESSIBLE (named (page, "meeting-row-2025-05-20")), GTK_ACCESSIBLE_PROPERTY_LABEL));
}

static void
test_edit_and_save (Fixture *f, gconstpointer data)
{
  BpMeetingsPage *page = open_page (f, f->sample, 1024, 700);
  g_autofree char *summary_before = sql_text (f, "SELECT summary FROM meeting WHERE date = '2025-05-20'");
  g_autofree char *venue = NULL;
  g_autofree char *recommendations = NULL;
  g_autofree char *purpose = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *time = NULL;

  g_assert_true (bp_meetings_page_select_meeting (page, "2025-05-20"));
  set_field (page, "meeting-venue", "  Council Chamber, Test Hall ");
  set_field (page, "meeting-time", "");
  set_text_view (page, "meeting-recommendations", "Note the report.\nAgree the plan.\n\n");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (page, "meeting-purpose")), 2);
  g_assert_true (action_enabled (page, "meetings.save"));

  g_assert_true (activate (page, "meetings.save"));
  venue = sql_text (f, "SELECT venue FROM meeting WHERE date = '2025-05-20'");
  recommendations = sql_text (f, "SELECT recommendations FROM meeting WHERE date = '2025-05-20'");
  purpose = sql_text (f, "SELECT purpose FROM meeting WHERE date = '2025-05-20'");
  summary = sql_text (f, "SELECT summary FROM meeting WHERE date = '2025-05-20'");
  time = sql_text (f, "SELECT time FROM meeting WHERE date = '2025-05-20'");
  g_assert_cmpstr (venue, ==, "Council Chamber, Test Hall");
  g_assert_cmpstr (recommendations, ==, "Note the report.\nAgree the plan.");
  g_assert_cmpstr (purpose, ==, "Noting");
  g_assert_null (time);
  g_assert_cmpstr (summary, ==, summary_before);
  g_assert_false (action_enabled (page, "meetings.save"));
  g_assert_cmpstr (bp_meetings_page_get_selected_date (page), ==, "2025-05-20");

  /* One save is one undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  bp_ui_flush ();
  g_free (venue);
  venue = sql_text (f, "SELECT venue FROM meeting WHERE date = '2025-05-20'");
  g_assert_cmpstr (venue, ==, "Online (Microsoft Teams)");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (page, "meeting-venue"))), ==,
                   "Online (Microsoft Teams)");
}

static char *
text_view_text (BpMeetingsPage *page, const char *name)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (named (page, name)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* @widget tells screen readers @label, and a description of what to write. */
static void
assert_named_and_described (GtkWidget *widget, const char *label)
{
  g_autofree char *problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget),
                                                                 GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                                 label);

  if (problem)
    g_error ("%s: %s", gtk_widget_get_name (widget), problem);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget),
                                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
}

/* The front sheet's implications and background papers: each field
 * counts as an unsaved change, is saved with the meeting, and is there
 * again when the file is opened anew. */
static void
test_implications (Fixture *f, gconstpointer data)
{
  static const struct
  {
    const char *widget;
    const char *label;
    const char *typed;
    const char *saved;
  } fields[] = {
    { "meeting-financial", "Financial implications",
      "£120,000 a year from the high needs block.\n\n",
      "£120,000 a year from the high needs block." },
    { "meeting-legal", "Legal implications",
      "The council’s duties under the Children and Families Act 2014.",
      "The council’s duties under the Children and Families Act 2014." },
    { "meeting-equalities", "Equalities implications",
      "Equality impact: an EIA is not needed because the report proposes no change to services.",
      "Equality impact: an EIA is not needed because the report proposes no change to services." },
    { "meeting-background-papers", "Appendices and background papers, one per line",
      "Appendix A: SEND improvement plan\nAppendix B: scorecard, June 2025\n",
      "Appendix A: SEND improvement plan\nAppendix B: scorecard, June 2025" },
  };
  BpMeetingsPage *page = open_page (f, f->sample, 1024, 700);

  g_assert_true (bp_meetings_page_select_meeting (page, "2025-05-20"));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      assert_named_and_described (named (page, fields[i].widget), fields[i].label);

      /* Each one alone is a change to save. */
      g_assert_false (bp_meetings_page_has_unsaved_changes (page));
      set_text_view (page, fields[i].widget, fields[i].typed);
      g_assert_true (bp_meetings_page_has_unsaved_changes (page));
      g_assert_true (action_enabled (page, "meetings.save"));
      g_assert_true (activate (page, "meetings.save"));
      g_assert_false (bp_meetings_page_has_unsaved_changes (page));
    }

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (BpMeeting) m = bp_db_find_meeting (bp_window_get_db (f->window), "2025-05-20",
                                                  &error);

    g_assert_no_error (error);
    g_assert_cmpstr (m->financial_implications, ==, fields[0].saved);
    g_assert_cmpstr (m->legal_implications, ==, fields[1].saved);
    g_assert_cmpstr (m->equalities_implications, ==, fields[2].saved);
    g_assert_cmpstr (m->background_papers, ==, fields[3].saved);
  }

  /* Opened again: the front sheet shows what was saved. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  bp_ui_flush ();
  page = open_page (f, f->sample, 1024, 700);
  g_assert_true (bp_meetings_page_select_meeting (page, "2025-05-20"));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *shown = text_view_text (page, fields[i].widget);

      g_assert_cmpstr (shown, ==, fields[i].saved);
    }
  g_assert_false (bp_meetings_page_has_unsaved_changes (page));

  /* Emptied, a field is nothing written, not an empty text. */
  set_text_view (page, "meeting-legal", " \n");
  g_assert_true (activate (page, "meetings.save"));
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (BpMeeting) m = bp_db_find_meeting (bp_window_get_db (f->window), "2025-05-20",
                                                  &error);

    g_assert_no_error (error);
    g_assert_null (m->legal_implications);
    g_assert_cmpstr (m->financial_implications, ==, fields[0].saved);
  }
}

static void
test_invalid_date (Fixture *f, gconstpointer data)
{
  BpMeetingsPage *page = open_page (f, f->sample, 1024, 700);
  GtkWidget *error_label = named (page, "meeting-date-error");
  g_autofree char *venue = NULL;

  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (error_label)));
  set_field (page, "meeting-date", "30/02/2025");
  set_field (page, "meeting-venue", "Somewhere else");
  g_assert_true (activate (page, "meetings.save"));

  /* Shown beside the field, and nothing written. */
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "not a date"));
  g_assert_true (gtk_widget_has_css_class (named (page, "meeting-date"), "error"));
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM meeting"), ==, 3);
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM meeting WHERE date = '2025-07-01'"), ==, 1);
  venue = sql_text (f, "SELECT venue FROM meeting WHERE date = '2025-07-01'");
  g_assert_cmpstr (venue, ==, "Council Chamber, Wessex Bay Civic Centre");
  g_assert_true (action_enabled (page, "meetings.save"));

  /* Another meeting's date is refused too. */
  set_field (page, "meeting-date", "20/05/2025");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (error_label)));
  g_assert_true (activate (page, "meetings.save"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "already a meeting"));
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM meeting WHERE date = '2025-05-20'"), ==, 1);

  /* A bad time is shown beside the time. */
  set_field (page, "meeting-date", "02/07/2025");
  set_field (page, "meeting-time", "10.00am");
  g_assert_true (activate (page, "meetings.save"));
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (error_label)));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (named (page, "meeting-time-error"))));
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM meeting WHERE date = '2025-07-02'"), ==, 0);

  /* Put right, it saves, under its new date. */
  set_field (page, "meeting-time", "10:30");
  g_assert_true (activate (page, "meetings.save"));
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM meeting WHERE date = '2025-07-02' AND time = '10:30'"), ==, 1);
  g_assert_cmpstr (bp_meetings_page_get_selected_date (page), ==, "2025-07-02");
  g_assert_cmpstr (gtk_widget_get_name (gtk_widget_get_first_child (named (page, "meeting-list"))),
                   ==, "meeting-row-2025-07-02");
}

static void
test_new_meeting (Fixture *f, gconstpointer data)
{
  BpMeetingsPage *page = open_page (f, f->sample, 1024, 700);
  g_autofree char *venue = NULL;
  g_autofree char *title = NULL;
  GtkWidget *row;

  g_assert_true (activate (page, "meetings.new"));
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM meeting"), ==, 4);
  g_assert_cmpuint (bp_meetings_page_get_n_meetings (page), ==, 4);

  /* Six weeks (the sample's cadence) after the last meeting, with the
   * last front sheet's standing details and no title or snapshot. */
  g_assert_cmpstr (bp_meetings_page_get_selected_date (page), ==, "2025-08-12");
  venue = sql_text (f, "SELECT venue FROM meeting WHERE date = '2025-08-12'");
  title = sql_text (f, "SELECT title FROM meeting WHERE date = '2025-08-12'");
  g_assert_cmpstr (venue, ==, "Council Chamber, Wessex Bay Civic Centre");
  g_assert_null (title);
  row = named (page, "meeting-row-2025-08-12");
  g_assert_true (gtk_widget_get_first_child (named (page, "meeting-list")) == row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (named (page, "snapshot-row"))), ==,
                   "No snapshot");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (page, "meeting-date"))), ==,
                   "12/08/2025");

  /* And the next one six weeks after that. */
  g_assert_true (activate (page, "meetings.new"));
  g_assert_cmpstr (bp_meetings_page_get_selected_date (page), ==, "2025-09-23");
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM meeting"), ==, 5);
}

static void
test_delete_meeting (Fixture *f, gconstpointer data)
{
  BpMeetingsPage *page = open_page (f, f->sample, 1024, 700);

  g_assert_true (bp_meetings_page_select_meeting (page, "2025-05-20"));

  /* Asked first: cancelled, nothing goes. */
  g_assert_true (activate (page, "meetings.delete"));
  answer_dialog ("cancel");
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM meeting"), ==, 3);

  g_assert_true (activate (page, "meetings.delete"));
  answer_dialog ("delete");
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM meeting"), ==, 2);
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM snapshot"), ==, 2);
  g_assert_cmpuint (bp_meetings_page_get_n_meetings (page), ==, 2);
  g_assert_cmpstr (bp_meetings_page_get_selected_date (page), ==, "2025-07-01");
  g_assert_null (bp_ui_find_named (GTK_WIDGET (page), "meeting-row-2025-05-20"));
}

/* Whether the clock has passed the ISO 8601 time @data. */
static gboolean
clock_passed (gpointer data)
{
  g_autoptr (GDateTime) then = g_date_time_new_from_iso8601 (data, NULL);
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  g_assert_nonnull (then);
  return g_date_time_compare (now, then) > 0;
}

static void
test_snapshot (Fixture *f, gconstpointer data)
{
  BpMeetingsPage *page = open_page (f, f->sample, 1024, 700);
  g_autofree char *taken = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *replaced = NULL;

  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM snapshot"), ==, 3);

  /* A meeting without a snapshot: taken at once. */
  g_assert_true (activate (page, "meetings.new"));
  g_assert_true (activate (page, "meetings.take-snapshot"));
  g_assert_null (find_dialog ());
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM snapshot"), ==, 4);
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM snapshot s JOIN meeting m"
                                               " ON m.id = s.meeting_id WHERE m.date = '2025-08-12'"),
                   ==, 1);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (named (page, "snapshot-row"))),
                                   "Snapshot taken "));

  /* One with a snapshot: asked first, and replaced only when agreed. */
  g_assert_true (bp_meetings_page_select_meeting (page, "2025-07-01"));
  taken = sql_text (f, "SELECT s.taken_at FROM snapshot s JOIN meeting m ON m.id = s.meeting_id"
                       " WHERE m.date = '2025-07-01'");
  g_assert_true (activate (page, "meetings.take-snapshot"));
  answer_dialog ("cancel");
  kept = sql_text (f, "SELECT s.taken_at FROM snapshot s JOIN meeting m ON m.id = s.meeting_id"
                      " WHERE m.date = '2025-07-01'");
  g_assert_cmpstr (kept, ==, taken);

  /* The new stamp must differ: the clock moves past the first one
   * (by a microsecond, usually at once). */
  g_assert_true (bp_ui_wait_until (clock_passed, taken, 5000));
  g_assert_true (activate (page, "meetings.take-snapshot"));
  answer_dialog ("replace");
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM snapshot"), ==, 4);
  replaced = sql_text (f, "SELECT s.taken_at FROM snapshot s JOIN meeting m ON m.id = s.meeting_id"
                          " WHERE m.date = '2025-07-01'");
  g_assert_cmpstr (replaced, !=, taken);
}

static void
test_unsaved_changes (Fixture *f, gconstpointer data)
{
  BpMeetingsPage *page = open_page (f, f->sample, 1024, 700);
  g_autofree char *venue = NULL;

  /* Choosing another meeting asks; Cancel stays with the edits. */
  g_assert_false (bp_meetings_page_has_unsaved_changes (page));
  set_field (page, "meeting-venue", "Room 101");
  g_assert_true (bp_meetings_page_has_unsaved_changes (page));
  g_assert_false (bp_meetings_page_select_meeting (page, "2025-04-08"));
  answer_dialog ("cancel");
  g_assert_cmpstr (bp_meetings_page_get_selected_date (page), ==, "2025-07-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (page, "meeting-venue"))), ==, "Room 101");

  /* Discard drops them. */
  g_assert_false (bp_meetings_page_select_meeting (page, "2025-04-08"));
  answer_dialog ("discard");
  g_assert_cmpstr (bp_meetings_page_get_selected_date (page), ==, "2025-04-08");
  venue = sql_text (f, "SELECT venue FROM meeting WHERE date = '2025-07-01'");
  g_assert_cmpstr (venue, ==, "Council Chamber, Wessex Bay Civic Centre");

  /* Save writes them, then goes on. */
  set_field (page, "meeting-venue", "Room 102");
  g_assert_false (bp_meetings_page_select_meeting (page, "2025-05-20"));
  answer_dialog ("save");
  g_assert_cmpstr (bp_meetings_page_get_selected_date (page), ==, "2025-05-20");
  g_free (venue);
  venue = sql_text (f, "SELECT venue FROM meeting WHERE date = '2025-04-08'");
  g_assert_cmpstr (venue, ==, "Room 102");

  /* A change to the file elsewhere keeps unsaved edits. */
  set_field (page, "meeting-venue", "Room 103");
  {
    g_autoptr (GError) error = NULL;
    BpDb *db = bp_window_get_db (f->window);
    g_autoptr (BpMeeting) m = bp_db_find_meeting (db, "2025-04-08", &error);

    g_free (m->wards);
    m->wards = g_strdup ("Central");
    g_assert_true (bp_db_update_meeting (db, m, &error));
    bp_ui_flush ();
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (page, "meeting-venue"))), ==, "Room 103");
  g_assert_true (action_enabled (page, "meetings.save"));
}

static void
test_empty (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "empty.boardpack", NULL);
  g_autofree char *today = bp_date_today ();
  BpMeetingsPage *page;

  {
    g_autoptr (GError) error = NULL;
    g_autoptr (BpDb) db = bp_db_create (path, "Empty programme", &error);

    g_assert_no_error (error);
  }
  g_free (f->sample);
  f->sample = g_strdup (path);
  page = open_page (f, path, 1024, 700);

  g_assert_cmpuint (bp_meetings_page_get_n_meetings (page), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (named (page, "meetings-stack"))),
                   ==, "empty");
  g_assert_true (gtk_widget_get_sensitive (named (page, "empty-new-meeting")));

  g_assert_true (activate (page, "meetings.new"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (named (page, "meetings-stack"))),
                   ==, "meetings");
  g_assert_cmpstr (bp_meetings_page_get_selected_date (page), ==, today);
  g_assert_cmpint (bp_test_sql_int (path, "SELECT count(*) FROM meeting"), ==, 1);
}

/* The view on its own in a narrow window (the window's width is also
 * bound by the other views'): the list, then a meeting's front sheet. */
static void
test_narrow (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_db_open (f->sample, BP_OPEN_DEFAULT, &error);
  GtkWidget *window = gtk_window_new ();
  BpMeetingsPage *page;
  AdwLeaflet *leaflet;
  GtkWidget *row;

  g_assert_no_error (error);
  page = g_object_new (BP_TYPE_MEETINGS_PAGE, "db", db, NULL);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);
  bp_ui_flush ();
  leaflet = ADW_LEAFLET (named (page, "meetings-leaflet"));
  g_assert_cmpint (gtk_widget_get_width (window), <, 500);
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_false (gtk_widget_is_ancestor (named (page, "meeting-editor"),
                                          adw_leaflet_get_visible_child (leaflet)));
  g_assert_true (gtk_widget_is_ancestor (named (page, "meeting-list"),
                                         adw_leaflet_get_visible_child (leaflet)));

  /* Choosing a meeting goes to its front sheet, and back returns. */
  row = named (page, "meeting-row-2025-05-20");
  gtk_list_box_select_row (GTK_LIST_BOX (named (page, "meeting-list")), GTK_LIST_BOX_ROW (row));
  g_signal_emit_by_name (named (page, "meeting-list"), "row-activated", row);
  bp_ui_flush ();
  g_assert_cmpstr (bp_meetings_page_get_selected_date (page), ==, "2025-05-20");
  g_assert_true (gtk_widget_is_ancestor (named (page, "meeting-editor"),
                                         adw_leaflet_get_visible_child (leaflet)));
  g_assert_true (activate (page, "meetings.back"));
  g_assert_true (gtk_widget_is_ancestor (named (page, "meeting-list"),
                                         adw_leaflet_get_visible_child (leaflet)));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_print_export (Fixture *f, gconstpointer data)
{
  g_autofree char *printed = g_build_filename (f->dir, "printed.pdf", NULL);
  g_autofree char *pack = g_build_filename (f->dir, "pack.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *printed_orientations = NULL;
  g_autofree char *pack_orientations = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_db_open (f->sample, BP_OPEN_READ_ONLY, &error);
  BpPackOptions options = { "2025-07-01" };
  int n;

  g_assert_no_error (error);
  n = bp_print_export_pdf (db, "2025-07-01", printed, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, >, 10);
  g_assert_true (g_file_test (printed, G_FILE_TEST_IS_REGULAR));

  g_assert_true (bp_pack_write_pdf (db, pack, &options, &error));
  g_assert_no_error (error);

  /* The same pages as the PDF pack, each in the same orientation. */
  g_assert_cmpint (pdf_pages (printed), ==, n);
  g_assert_cmpint (pdf_pages (printed), ==, pdf_pages (pack));
  printed_orientations = pdf_orientations (printed);
  pack_orientations = pdf_orientations (pack);
  g_assert_cmpstr (printed_orientations, ==, pack_orientations);
  g_assert_nonnull (strchr (printed_orientations, 'L'));

  /* Real text, the sections and the footers. */
  text = run ("pdftotext", printed, "-", NULL);
  g_assert_nonnull (strstr (text, "Exception report"));
  g_assert_nonnull (strstr (text, "Report front sheet"));
  g_assert_nonnull (strstr (text, "SEND Improvement Plan: progress report, July 2025"));
  {
    g_autofree char *footer = g_strdup_printf ("Page %d of %d", n, n);

    g_assert_nonnull (strstr (text, footer));
  }

  /* An unknown meeting is the core's message, and nothing is written. */
  {
    g_autofree char *nowhere = g_build_filename (f->dir, "nowhere.pdf", NULL);

    g_assert_cmpint (bp_print_export_pdf (db, "2031-01-01", nowhere, &error), ==, 0);
    g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "2031-01-01"));
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }
}

static void
test_print_operation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_db_open (f->sample, BP_OPEN_READ_ONLY, &error);
  g_autoptr (GtkPrintOperation) operation = bp_print_operation_new (db, "2025-05-20", &error);
  g_autoptr (GtkPageSetup) setup = NULL;
  int n_pages = 0;
  g_autofree char *job = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (operation);
  g_object_get (operation, "n-pages", &n_pages, "job-name", &job, NULL);
  g_assert_cmpint (n_pages, >, 10);
  g_assert_nonnull (strstr (job, "20 May 2025"));
  g_assert_true (gtk_print_operation_get_default_page_setup (operation) != NULL);
  g_assert_cmpstr (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (
                     gtk_print_operation_get_default_page_setup (operation))),
                   ==, GTK_PAPER_NAME_A4);
}

/* The preview (from the print dialog's Preview button, or asked for
 * directly) shows the laid-out pages without another program. */
static void
test_print_preview (Fixture *f, gconstpointer data)
{
  BpPrintPreview *preview = NULL;
  GList *toplevels;
  g_autofree char *last = NULL;
  GtkLabel *label;
  guint n;

  open_page (f, f->sample, 1024, 700);
  bp_print_pack (GTK_WINDOW (f->window), bp_window_get_db (f->window), "2025-07-01",
                 GTK_PRINT_OPERATION_ACTION_PREVIEW);
  for (int i = 0; i < 100 && preview == NULL; i++)
    {
      bp_ui_flush ();
      toplevels = gtk_window_list_toplevels ();
      for (GList *l = toplevels; l; l = l->next)
        if (BP_IS_PRINT_PREVIEW (l->data))
          preview = l->data;
      g_list_free (toplevels);
    }
  g_assert_nonnull (preview);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preview)) == GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (preview));

  label = GTK_LABEL (bp_ui_find_named (GTK_WIDGET (preview), "preview-page"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (label), "Page 1 of "));
  n = (guint) atoi (gtk_label_get_text (label) + strlen ("Page 1 of "));
  g_assert_cmpuint (n, >, 10);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL));
  g_assert_cmpuint (bp_print_preview_get_page (preview), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.last", NULL));
  last = g_strdup_printf ("Page %u of %u", n, n);
  g_assert_cmpstr (gtk_label_get_text (label), ==, last);
  g_assert_false (gtk_widget_get_sensitive (bp_ui_find_named (GTK_WIDGET (preview), "preview-next")));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (preview));

  gtk_window_close (GTK_WINDOW (preview));
  bp_ui_flush ();
  g_assert_null (find_dialog ());
}

static void
test_export_pack (Fixture *f, gconstpointer data)
{
  BpMeetingsPage *page = open_page (f, f->sample, 1024, 700);
  g_autofree char *path = g_build_filename (f->dir, "Board pack 2025-05-20.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr (GError) error = NULL;

  g_assert_true (bp_meetings_page_select_meeting (page, "2025-05-20"));
  /* Unsaved changes go into the pack: they are saved first. */
  set_field (page, "meeting-title", "Progress report for the May board");
  g_assert_true (bp_meetings_page_export_pack (page, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (pdf_pages (path), >, 10);
  text = run ("pdftotext", path, "-", NULL);
  g_assert_nonnull (strstr (text, "Progress report for the May board"));
  g_assert_nonnull (strstr (text, "Exception report"));
  g_assert_false (action_enabled (page, "meetings.save"));

  /* A file that cannot be written is the core's message. */
  {
    g_autofree char *bad = g_build_filename (f->dir, "no-such-folder", "pack.pdf", NULL);

    g_assert_false (bp_meetings_page_export_pack (page, bad, &error));
    g_assert_error (error, BP_ERROR, BP_ERROR_IO);
    g_assert_nonnull (strstr (error->message, bad));
  }
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* Export Board Pack…: the save dialog, with the pack's name, then the
 * pack written where it was told. */
static void
test_export_dialog (Fixture *f, gconstpointer data)
{
  BpMeetingsPage *page = open_page (f, f->sample, 1024, 700);
  g_autofree char *path = g_build_filename (f->dir, "Board pack 2025-07-01.pdf", NULL);
  g_autoptr (GFile) folder = g_file_new_for_path (f->dir);
  g_autoptr (GError) error = NULL;
  g_autofree char *name = NULL;
  GtkWidget *chooser = NULL;
  GList *toplevels;

  g_assert_true (activate (page, "meetings.export"));
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    if (GTK_IS_FILE_CHOOSER_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      chooser = l->data;
  g_list_free (toplevels);
  if (chooser == NULL)
    {
      g_test_skip ("the save dialog is a portal's here");
      return;
    }

  name = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_cmpstr (name, ==, "Board pack 2025-07-01.pdf");
  g_assert_cmpint (gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)), ==,
                   GTK_FILE_CHOOSER_ACTION_SAVE);

  /* A new file is a folder and a name: GTK 4.8's set_file () fails for a
   * file not there yet once the chooser shows its folder. */
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, &error));
  g_assert_no_error (error);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  /* The dialog checks the name (asynchronously) before it answers; the
   * pack is written when it has. */
  g_assert_true (bp_ui_wait_until (file_exists, (gpointer) path, 20000));
  g_assert_cmpint (pdf_pages (path), >, 10);
  g_assert_null (find_dialog ());
}

/* The pack's language is chosen in the view: it starts at the
 * programme's setting, and Export and Print write the pack in the one
 * chosen, whatever the window's language. */
static void
test_pack_language (Fixture *f, gconstpointer data)
{
  BpMeetingsPage *page = open_page (f, f->sample, 1024, 700);
  AdwComboRow *row = ADW_COMBO_ROW (named (page, "pack-language"));
  g_autofree char *welsh = g_build_filename (f->dir, "pecyn.pdf", NULL);
  g_autofree char *printed = g_build_filename (f->dir, "printed-cy.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *printed_text = NULL;
  g_autofree char *problem = NULL;
  g_autoptr (GError) error = NULL;

  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                                "Board pack language");
  if (problem)
    g_error ("pack-language: %s", problem);
  /* The sample programme is written in English. */
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 0);

  adw_combo_row_set_selected (row, 1); /* Cymraeg */
  g_assert_true (bp_meetings_page_select_meeting (page, "2025-07-01"));
  g_assert_true (bp_meetings_page_export_pack (page, welsh, &error));
  g_assert_no_error (error);
  text = run ("pdftotext", welsh, "-", NULL);
  /* The PDF's /Lang says Welsh, and so does its fixed text. */
  g_assert_nonnull (strstr (text, "Dangosfwrdd"));
  g_assert_null (strstr (text, "Exception report"));
  {
    g_autofree char *qdf = g_build_filename (f->dir, "pecyn.qdf", NULL);
    g_autofree char *raw = NULL;
    gsize len;

    g_free (run ("qpdf", "--qdf", "--object-streams=disable", welsh, qdf, NULL));
    g_assert_true (g_file_get_contents (qdf, &raw, &len, NULL));
    g_assert_nonnull (g_strstr_len (raw, len, "/Lang (cy)"));
  }
  /* A reload (another view's edit) keeps the user's choice. */
  bp_page_reload_now (BP_PAGE (page));
  g_assert_cmpuint (adw_combo_row_get_selected (row), ==, 1);

  /* Printing takes the same options, Welsh included. */
  {
    BpPackOptions options = { "2025-07-01", "cy" };
    g_autoptr (GtkPrintOperation) operation
        = bp_print_operation_new_for_pack (bp_window_get_db (f->window), &options, &error);

    g_assert_no_error (error);
    gtk_print_operation_set_export_filename (operation, printed);
    g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                              &error),
                     ==, GTK_PRINT_OPERATION_RESULT_APPLY);
    g_assert_no_error (error);
    printed_text = run ("pdftotext", printed, "-", NULL);
    g_assert_nonnull (strstr (printed_text, "Dangosfwrdd"));
  }
}

int
main (int argc, char **argv)
{
  /* GTK's test accessibility backend keeps what widgets tell assistive
   * technologies, with no bus, so that the labels can be checked. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/ui/meetings/rules", test_rules);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/meetings/list", test_list);
  ADD ("/ui/meetings/accessible-labels", test_accessible_labels);
  ADD ("/ui/meetings/edit-and-save", test_edit_and_save);
  ADD ("/ui/meetings/implications", test_implications);
  ADD ("/ui/meetings/invalid-date", test_invalid_date);
  ADD ("/ui/meetings/new-meeting", test_new_meeting);
  ADD ("/ui/meetings/delete-meeting", test_delete_meeting);
  ADD ("/ui/meetings/snapshot", test_snapshot);
  ADD ("/ui/meetings/unsaved-changes", test_unsaved_changes);
  ADD ("/ui/meetings/empty", test_empty);
  ADD ("/ui/meetings/narrow", test_narrow);
  ADD ("/ui/meetings/print-export", test_print_export);
  ADD ("/ui/meetings/print-operation", test_print_operation);
  ADD ("/ui/meetings/print-preview", test_print_preview);
  ADD ("/ui/meetings/export-pack", test_export_pack);
  ADD ("/ui/meetings/export-dialog", test_export_dialog);
  ADD ("/ui/meetings/pack-language", test_pack_language);
#undef ADD
  return g_test_run ();
}
