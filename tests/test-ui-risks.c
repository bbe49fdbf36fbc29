/* test-ui-risks.c: the Risks view and the risk editor on the sample file:
 * the register against the file, the heat-map filter, the live score and
 * band, saving as one undoable edit, validation that writes nothing, and
 * mitigations added, moved and completed. */
#include <string.h>

#include "bp-date-row.h"
#include "bp-error.h"
#include "bp-form.h"
#include "bp-risk-editor.h"
#include "bp-risks-page.h"
#include "bp-ui-test-util.h"

typedef struct
{
  char *dir;
  char *sample;
  BpDb *db;
  GtkWindow *window;
  BpRisksPage *page;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = bp_test_tmpdir ();
  f->sample = bp_ui_write_sample (f->dir);
  f->db = bp_db_open (f->sample, BP_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  bp_db_set_undo_enabled (f->db, TRUE);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1024, 700);
  f->page = g_object_new (BP_TYPE_RISKS_PAGE, "db", f->db, NULL);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  gtk_window_present (f->window);
  bp_ui_flush ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (f->window);
  bp_ui_flush ();
  g_clear_object (&f->db);
  bp_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->sample);
}

static gint64
risk_id (Fixture *f, const char *ref)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM risk WHERE ref = '%s'", ref);
  int id = bp_test_sql_int (f->sample, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static GtkWidget *
named (gpointer root, const char *name)
{
  GtkWidget *widget = bp_ui_find_named (GTK_WIDGET (root), name);

  g_assert_nonnull (widget);
  return widget;
}

/* A click, as the button's "clicked" (activate() animates first). */
static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Rows in the list's own order (a sorted list re-sorts in place). */
static guint
count_rows (GtkWidget *list, const char *name)
{
  GtkListBoxRow *row;
  guint n = 0;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)); i++)
    n += g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0;
  return n;
}

static GtkWidget *
nth_row (GtkWidget *list, const char *name, guint index)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i)); i++)
    if (g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (row)), name) == 0 && index-- == 0)
      return GTK_WIDGET (row);
  g_assert_not_reached ();
  return NULL;
}

/* The register's row of @ref, as text. */
static char *
row_text (Fixture *f, const char *ref)
{
  GListModel *model = bp_risks_page_get_register (f->page);
  g_autofree char *prefix = g_strdup_printf ("%s ", ref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      char *text = bp_risks_page_dup_row_text (f->page, i);

      if (g_str_has_prefix (text, prefix))
        return text;
      g_free (text);
    }
  return NULL;
}

/* The open toplevel of @type (an editor opened through an action). */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
        return window;
    }
  return NULL;
}

static const char *
label_text (gpointer root, const char *name)
{
  return gtk_label_get_text (GTK_LABEL (named (root, name)));
}

static void
test_register (Fixture *f, gconstpointer data)
{
  int n = bp_test_sql_int (f->sample, "SELECT count(*) FROM risk");
  GListModel *model = bp_risks_page_get_register (f->page);
  GtkWidget *list = named (f->page, "risk-register");
  g_autofree char *r1 = row_text (f, "R1");
  int in_cell;

  g_assert_cmpint (n, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_cmpuint (count_rows (list, "risk-row"), ==, n);

  /* R1's row: its current score with its band, in words. */
  g_assert_nonnull (r1);
  {
    int l = bp_test_sql_int (f->sample, "SELECT current_l FROM risk WHERE ref = 'R1'");
    int i = bp_test_sql_int (f->sample, "SELECT current_i FROM risk WHERE ref = 'R1'");
    g_autofree char *score = g_strdup_printf ("%d × %d = %d", l, i, l * i);

    g_assert_nonnull (strstr (r1, score));
    g_assert_nonnull (strstr (r1, l * i >= 15 ? "Very high" : l * i >= 10 ? "High" : "Medium"));
  }

  /* A heat-map cell filters the register to the risks in it. */
  in_cell = bp_test_sql_int (f->sample,
                             "SELECT count(*) FROM risk WHERE current_l = 4 AND current_i = 4");
  g_assert_cmpint (in_cell, >, 0);
  g_assert_cmpint (in_cell, <, n);
  bp_risks_page_filter_cell (f->page, BP_RISK_SCORE_CURRENT, 4, 4);
  bp_ui_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, in_cell);
  g_assert_cmpuint (count_rows (list, "risk-row"), ==, in_cell);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (named (f->page, "filter-label"))));
  g_assert_nonnull (strstr (label_text (f->page, "filter-label"), "4 Likely × impact 4 Major"));
  in_cell = bp_test_sql_int (f->sample,
                             "SELECT count(*) FROM risk WHERE inherent_l = 5 AND inherent_i = 5");
  bp_risks_page_filter_cell (f->page, BP_RISK_SCORE_INHERENT, 5, 5);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, in_cell);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "risks.show-all", NULL));
  bp_ui_flush ();
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (named (f->page, "filter-label"))));
}

static void
test_live_score_save_undo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = risk_id (f, "R1");
  int l = bp_test_sql_int (f->sample, "SELECT current_l FROM risk WHERE ref = 'R1'");
  int i = bp_test_sql_int (f->sample, "SELECT current_i FROM risk WHERE ref = 'R1'");
  int previous = bp_test_sql_int (f->sample,
                                  "SELECT sr.score FROM snapshot_risk sr"
                                  " JOIN snapshot s ON s.id = sr.snapshot_id"
                                  " JOIN meeting m ON m.id = s.meeting_id"
                                  " JOIN risk r ON r.id = sr.risk_id AND r.ref = 'R1'"
                                  " ORDER BY m.date DESC LIMIT 1");
  BpRiskEditor *editor = bp_risks_page_edit_risk (f->page, id);
  AdwComboRow *likelihood = ADW_COMBO_ROW (named (editor, "current-likelihood"));
  g_autofree char *before = g_strdup_printf ("Score %d", l * i);
  g_autofree char *text = NULL;

  g_assert_cmpint (i, ==, 4); /* the sample's R1: the steps below rely on it */
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  bp_ui_flush ();
  g_assert_cmpuint (adw_combo_row_get_selected (likelihood), ==, l);
  g_assert_nonnull (strstr (label_text (editor, "current-score"), before));

  /* The score and band follow the likelihood as it changes. */
  adw_combo_row_set_selected (likelihood, 5);
  g_assert_cmpstr (label_text (editor, "current-score"), ==, "Score 20 — Very high");
  adw_combo_row_set_selected (likelihood, 1);
  g_assert_cmpstr (label_text (editor, "current-score"), ==, "Score 4 — Low");
  adw_combo_row_set_selected (likelihood, 3);
  g_assert_cmpstr (label_text (editor, "current-score"), ==, "Score 12 — High");
  adw_combo_row_set_selected (likelihood, 0);
  g_assert_cmpstr (label_text (editor, "current-score"), ==, "Score both likelihood and impact");
  adw_combo_row_set_selected (likelihood, 5);
  g_assert_cmpstr (label_text (editor, "current-score"), ==, "Score 20 — Very high");
  /* Nothing is written until Save. */
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT current_l FROM risk WHERE ref = 'R1'"),
                   ==, l);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  bp_ui_flush ();
  g_assert_null (editor); /* saved and closed */
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT current_l FROM risk WHERE ref = 'R1'"),
                   ==, 5);
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT current_i FROM risk WHERE ref = 'R1'"),
                   ==, 4);

  /* The register shows the new band and the rise since the last board. */
  text = row_text (f, "R1");
  g_assert_nonnull (strstr (text, "5 × 4 = 20 Very high"));
  g_assert_cmpint (previous, >, 0);
  if (previous < 20)
    {
      g_autofree char *up = g_strdup_printf ("↑ Up from %d", previous);

      g_assert_nonnull (strstr (text, up));
    }

  /* One save is one edit: one undo restores the file. */
  g_assert_true (bp_db_undo (f->db, &error));
  g_assert_no_error (error);
  bp_ui_flush ();
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT current_l FROM risk WHERE ref = 'R1'"),
                   ==, l);
  g_free (text);
  text = row_text (f, "R1");
  g_assert_nonnull (strstr (text, before + strlen ("Score ")));
}

static void
test_invalid_writes_nothing (Fixture *f, gconstpointer data)
{
  const char *state_sql = "SELECT title || '|' || current_l || '|' || coalesce(review_date, '')"
                          " || '|' || (SELECT count(*) FROM mitigation)"
                          " || '|' || (SELECT count(*) FROM risk_action)"
                          " FROM risk WHERE ref = 'R1'";
  g_autofree char *before = bp_test_sql_text (f->sample, state_sql);
  g_autofree char *after = NULL;
  gboolean could_undo = bp_db_can_undo (f->db);
  BpRiskEditor *editor = bp_risks_page_edit_risk (f->page, risk_id (f, "R1"));
  GtkWidget *title_error = named (editor, "title-error");

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (title_error)));

  gtk_editable_set_text (GTK_EDITABLE (named (editor, "title")), "   ");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "current-likelihood")), 5);
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "review-date")), "31/13/2025");
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "linked-actions")), "1.3, 1.8, 1.9, 9.99");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "target-impact")), 0);

  g_assert_false (bp_risk_editor_save (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  bp_ui_flush ();
  g_assert_nonnull (editor); /* still open, showing what is wrong */

  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (title_error)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (title_error)), "Enter the risk"));
  g_assert_true (gtk_widget_has_css_class (named (editor, "title"), "error"));
  g_assert_nonnull (strstr (label_text (editor, "review-date-error"), "31/13/2025"));
  g_assert_nonnull (strstr (label_text (editor, "linked-actions-error"), "no action 9.99"));
  g_assert_nonnull (strstr (label_text (editor, "target-error"), "Score both"));

  after = bp_test_sql_text (f->sample, state_sql);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (bp_db_can_undo (f->db), ==, could_undo);

  /* Correcting a field takes its message away. */
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "title")), "Workforce instability");
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (title_error)));
  g_assert_false (gtk_widget_has_css_class (named (editor, "title"), "error"));

  /* A reference already used by another risk is refused too. */
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "ref")), "R2");
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "review-date")), "31/12/2025");
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "linked-actions")), "1.3, 1.8, 1.9");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "target-impact")), 3);
  g_assert_false (bp_risk_editor_save (editor));
  g_assert_nonnull (strstr (label_text (editor, "ref-error"), "R2 already exists"));
  g_free (after);
  after = bp_test_sql_text (f->sample, state_sql);
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_null (editor);
}

static void
test_mitigations (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  gint64 id = risk_id (f, "R1");
  g_autofree char *count_sql =
    g_strdup_printf ("SELECT count(*) FROM mitigation WHERE risk_id = %" G_GINT64_FORMAT, id);
  g_autofree char *last_sql =
    g_strdup_printf ("SELECT id FROM mitigation WHERE risk_id = %" G_GINT64_FORMAT
                     " ORDER BY position DESC LIMIT 1", id);
  int n = bp_test_sql_int (f->sample, count_sql);
  int last = bp_test_sql_int (f->sample, last_sql);
  g_autofree char *last_position_sql =
    g_strdup_printf ("SELECT position FROM mitigation WHERE id = %d", last);
  int last_position = bp_test_sql_int (f->sample, last_position_sql);
  BpRiskEditor *editor = bp_risks_page_edit_risk (f->page, id);
  GtkWidget *list = named (editor, "mitigation-list");
  GtkWidget *row;
  AdwComboRow *status;

  g_assert_cmpint (n, >=, 2);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpuint (count_rows (list, "mitigation-row"), ==, n);
  /* R1's first mitigation is done already: it cannot be completed again. */
  g_assert_false (gtk_widget_get_sensitive (named (nth_row (list, "mitigation-row", 0),
                                                   "mitigation-complete")));
  g_assert_true (gtk_widget_get_sensitive (named (nth_row (list, "mitigation-row", 1),
                                                  "mitigation-complete")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.add-mitigation", NULL));
  g_assert_cmpuint (count_rows (list, "mitigation-row"), ==, n + 1);
  row = nth_row (list, "mitigation-row", n);
  g_assert_false (gtk_widget_get_sensitive (named (row, "mitigation-down")));
  gtk_editable_set_text (GTK_EDITABLE (named (row, "mitigation-description")),
                         "Agree a retention payment for experienced coordinators.");
  gtk_editable_set_text (GTK_EDITABLE (named (row, "mitigation-due")), "30/11/2025");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Agree a retention payment for experienced coordinators.");

  /* Move it up one, above the last of the others. */
  click (named (row, "mitigation-up"));
  g_assert_true (nth_row (list, "mitigation-row", n - 1) == row);
  g_assert_false (gtk_widget_get_sensitive (named (nth_row (list, "mitigation-row", 0),
                                                   "mitigation-up")));
  g_assert_false (gtk_widget_get_sensitive (named (nth_row (list, "mitigation-row", n),
                                                   "mitigation-down")));
  g_assert_true (gtk_widget_get_sensitive (named (row, "mitigation-down")));

  /* Mark it complete. */
  status = ADW_COMBO_ROW (named (row, "mitigation-status"));
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==, 0); /* planned */
  click (named (row, "mitigation-complete"));
  g_assert_cmpuint (adw_combo_row_get_selected (status), ==, 2); /* done */
  g_assert_false (gtk_widget_get_sensitive (named (row, "mitigation-complete")));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "Done"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), "30/11/2025"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  bp_ui_flush ();
  g_assert_null (editor);

  g_assert_cmpint (bp_test_sql_int (f->sample, count_sql), ==, n + 1);
  g_assert_cmpint (bp_test_sql_int (f->sample,
                                    "SELECT position FROM mitigation WHERE description = "
                                    "'Agree a retention payment for experienced coordinators.'"),
                   ==, n);
  {
    g_autofree char *status_text =
      bp_test_sql_text (f->sample, "SELECT status || ' ' || due_date FROM mitigation WHERE "
                                   "description LIKE 'Agree a retention payment%'");

    g_assert_cmpstr (status_text, ==, "done 2025-11-30");
  }
  g_assert_cmpint (bp_test_sql_int (f->sample, last_position_sql), ==, n + 1);

  /* Undo takes the whole edit back: the new one gone, the order as it was. */
  g_assert_true (bp_db_undo (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bp_test_sql_int (f->sample, count_sql), ==, n);
  g_assert_cmpint (bp_test_sql_int (f->sample, last_position_sql), ==, last_position);

  /* Removing one, in another editor, deletes it on save. */
  editor = bp_risks_page_edit_risk (f->page, id);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  list = named (editor, "mitigation-list");
  row = nth_row (list, "mitigation-row", 0);
  click (named (row, "mitigation-remove"));
  g_assert_cmpuint (count_rows (list, "mitigation-row"), ==, n - 1);
  g_assert_true (bp_risk_editor_save (editor));
  g_assert_cmpint (bp_test_sql_int (f->sample, count_sql), ==, n - 1);
  gtk_window_destroy (GTK_WINDOW (editor));
  g_assert_null (editor);
}

static void
test_new_risk (Fixture *f, gconstpointer data)
{
  int n = bp_test_sql_int (f->sample, "SELECT count(*) FROM risk");
  g_autofree char *ref = g_strdup_printf ("R%d", n + 1);
  g_autofree char *sql = NULL;
  g_autofree char *text = NULL;
  BpRiskEditor *editor;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "risks.new", NULL));
  bp_ui_flush ();
  editor = BP_RISK_EDITOR (find_toplevel (BP_TYPE_RISK_EDITOR));
  g_assert_nonnull (editor);
  g_assert_cmpint (bp_risk_editor_get_risk_id (editor), ==, 0);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "ref"))), ==, ref);
  g_assert_cmpstr (label_text (editor, "current-score"), ==, "Not scored");
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "title")),
                         "Home-to-school transport costs exceed the budget");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "current-likelihood")), 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "current-impact")), 3);
  g_assert_cmpstr (label_text (editor, "current-score"), ==, "Score 9 — Medium");
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "review-date")), "2025-12-31");
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "linked-actions")), "6.12; 8.9");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  bp_ui_flush ();
  g_assert_null (editor);

  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM risk"), ==, n + 1);
  sql = g_strdup_printf ("SELECT (current_l * current_i) || ' ' || review_date || ' ' || status"
                         " FROM risk WHERE ref = '%s'", ref);
  text = bp_test_sql_text (f->sample, sql);
  g_assert_cmpstr (text, ==, "9 2025-12-31 open");
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM risk_action ra JOIN risk r ON r.id = ra.risk_id"
                         " WHERE r.ref = '%s'", ref);
  g_assert_cmpint (bp_test_sql_int (f->sample, sql), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (bp_risks_page_get_register (f->page)), ==, n + 1);
}

/* Taking a reference out of "Linked actions" removes that link, in the
 * same transaction as the rest of the edit. */
static void
test_unlink_action (Fixture *f, gconstpointer data)
{
  gint64 id = risk_id (f, "R1");
  g_autofree char *count_sql = g_strdup_printf ("SELECT count(*) FROM risk_action WHERE risk_id = %"
                                                G_GINT64_FORMAT, id);
  int before = bp_test_sql_int (f->sample, count_sql);
  BpRiskEditor *editor = bp_risks_page_edit_risk (f->page, id);
  const char *linked;
  g_autofree char *first = NULL;

  g_assert_cmpint (before, >=, 2);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  linked = gtk_editable_get_text (GTK_EDITABLE (named (editor, "linked-actions")));
  first = g_strndup (linked, strcspn (linked, ",;"));
  gtk_editable_set_text (GTK_EDITABLE (named (editor, "linked-actions")), first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  bp_ui_flush ();
  g_assert_null (editor);
  g_assert_cmpint (bp_test_sql_int (f->sample, count_sql), ==, 1);

  g_assert_true (bp_db_undo (f->db, NULL));
  g_assert_cmpint (bp_test_sql_int (f->sample, count_sql), ==, before);
}

static void
test_empty_state (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "empty.boardpack", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_db_create (path, "Empty programme", &error);
  GtkWidget *window = gtk_window_new ();
  BpRisksPage *page = g_object_new (BP_TYPE_RISKS_PAGE, "db", db, NULL);
  GtkStack *stack;

  g_assert_no_error (error);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (page));
  gtk_window_present (GTK_WINDOW (window));
  bp_ui_flush ();
  stack = GTK_STACK (bp_ui_find_type (GTK_WIDGET (page), GTK_TYPE_STACK));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (bp_risks_page_get_register (page)), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  bp_ui_flush ();
  g_clear_object (&db);
  bp_test_rmdir (dir);
}

/* The date field every editor uses: DD/MM/YYYY shown, ISO handed on, the
 * format as a hint while empty, and the error beside it until the text
 * changes. */
static void
test_date_row (void)
{
  GtkWidget *list = gtk_list_box_new ();
  BpDateRow *row = BP_DATE_ROW (bp_date_row_new ());
  GtkLabel *error_label;
  GtkWidget *error_row = bp_form_error_row_new ("date-error", &error_label);
  g_autoptr (GError) error = NULL;
  g_autofree char *iso = NULL;
  GtkWidget *window = gtk_window_new ();

  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (row));
  gtk_list_box_append (GTK_LIST_BOX (list), error_row);
  gtk_window_set_child (GTK_WINDOW (window), list);
  bp_date_row_set_error_widgets (row, error_row, error_label);
  gtk_window_present (GTK_WINDOW (window));
  bp_ui_flush ();

  g_assert_true (bp_date_row_is_empty (row));
  g_assert_true (bp_date_row_get_iso (row, &iso, &error));
  g_assert_no_error (error);
  g_assert_null (iso);

  bp_date_row_set_iso (row, "2025-07-31");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "31/07/2025");
  g_assert_true (bp_date_row_get_iso (row, &iso, NULL));
  g_assert_cmpstr (iso, ==, "2025-07-31");
  g_clear_pointer (&iso, g_free);

  /* What the core reads, the row reads. */
  gtk_editable_set_text (GTK_EDITABLE (row), " 1/7/2025 ");
  g_assert_true (bp_date_row_get_iso (row, &iso, NULL));
  g_assert_cmpstr (iso, ==, "2025-07-01");
  g_clear_pointer (&iso, g_free);
  gtk_editable_set_text (GTK_EDITABLE (row), "2025-12-31");
  g_assert_true (bp_date_row_get_iso (row, &iso, NULL));
  g_assert_cmpstr (iso, ==, "2025-12-31");
  g_clear_pointer (&iso, g_free);

  gtk_editable_set_text (GTK_EDITABLE (row), "31/06/2025");
  g_assert_false (bp_date_row_get_iso (row, &iso, &error));
  g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "DD/MM/YYYY"));
  g_assert_null (iso);
  g_assert_false (gtk_widget_get_visible (error_row)); /* get_iso shows nothing */
  g_assert_false (bp_date_row_check (row, NULL));
  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_nonnull (strstr (gtk_label_get_text (error_label), "31/06/2025"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  gtk_editable_set_text (GTK_EDITABLE (row), "30/06/2025");
  g_assert_false (gtk_widget_get_visible (error_row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));

  bp_date_row_set_iso (row, NULL);
  g_assert_true (bp_date_row_is_empty (row));
  gtk_window_destroy (GTK_WINDOW (window));
  bp_ui_flush ();
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/risks/register", test_register);
  ADD ("/ui/risks/live-score-save-undo", test_live_score_save_undo);
  ADD ("/ui/risks/invalid-writes-nothing", test_invalid_writes_nothing);
  ADD ("/ui/risks/mitigations", test_mitigations);
  ADD ("/ui/risks/new-risk", test_new_risk);
  ADD ("/ui/risks/unlink-action", test_unlink_action);
#undef ADD
  g_test_add_func ("/ui/risks/empty-state", test_empty_state);
  g_test_add_func ("/ui/risks/date-row", test_date_row);
  return g_test_run ();
}
