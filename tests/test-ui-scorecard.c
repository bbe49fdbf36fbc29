/* test-ui-scorecard.c: the Scorecard view on the sample file: the grid of
 * measures and periods with each value's RAG, the direction and trend,
 * "Add period" writing one period's values in one edit, a duplicate
 * period refused, and the measure editor's live RAG and validation. */
#include "bp-measure-editor.h"
#include "bp-scorecard-page.h"
#include "bp-ui-test-util.h"

typedef struct
{
  char *dir;
  char *sample;
  BpDb *db;
  GtkWindow *window;
  BpScorecardPage *page;
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
  f->page = g_object_new (BP_TYPE_SCORECARD_PAGE, "db", f->db, NULL);
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

static GtkWidget *
named (gpointer root, const char *name)
{
  GtkWidget *widget = bp_ui_find_named (GTK_WIDGET (root), name);

  g_assert_nonnull (widget);
  return widget;
}

static void
set_text (gpointer root, const char *name, const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (named (root, name)), text);
}

/* Whether the error label @name is shown (its row is the parent). */
static gboolean
error_shown (gpointer root, const char *name)
{
  GtkWidget *label = named (root, name);

  return gtk_widget_get_visible (label) && gtk_widget_get_visible (gtk_widget_get_parent (label))
         && *gtk_label_get_text (GTK_LABEL (label));
}

static void
assert_cell (Fixture *f, const char *ref, const char *period, const char *expected)
{
  g_autofree char *text = bp_scorecard_page_dup_cell_text (f->page, ref, period);

  g_assert_cmpstr (text, ==, expected);
}

static gint64
measure_id (Fixture *f, const char *ref)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM measure WHERE ref = '%s'", ref);
  int id = bp_test_sql_int (f->sample, sql);

  g_assert_cmpint (id, >, 0);
  return id;
}

static void
test_grid (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) periods = bp_scorecard_page_dup_periods (f->page);
  const char *const expected[] = { "Sep-23", "Mar-24", "Sep-24", "Mar-25", NULL };

  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM measure"), ==, 8);
  g_assert_cmpuint (bp_scorecard_page_get_n_measures (f->page), ==, 8);
  g_assert_cmpstrv (periods, expected);
  for (guint i = 1; i <= 8; i++)
    {
      g_autofree char *title = g_strdup_printf ("measure:K%u", i);

      g_assert_nonnull (bp_ui_find_named (GTK_WIDGET (f->page), title));
    }

  /* Values in their unit, each with its RAG letter (and colour). */
  assert_cell (f, "K2", "Sep-24", "94.4% G");
  assert_cell (f, "K2", "Mar-25", "86.3% A");
  assert_cell (f, "K2", "Sep-23", "2.6% R");
  assert_cell (f, "K3", "Sep-24", "0 G");
  assert_cell (f, "K6", "Mar-24", "1,030 R");
  assert_cell (f, "K8", "Sep-23", "No value");
  assert_cell (f, "K8", "Mar-25", "96 R");
  g_assert_null (bp_scorecard_page_dup_cell_text (f->page, "K2", "Sep-19"));
  g_assert_true (gtk_widget_has_css_class (named (f->page, "rag:K2:Sep-24"), "bp-chip"));

  /* Direction against the previous period, by the measure's polarity. */
  g_assert_cmpstr (bp_scorecard_page_get_direction (f->page, "K2"), ==, "Deteriorated");
  g_assert_cmpstr (bp_scorecard_page_get_direction (f->page, "K6"), ==, "Improved");
  g_assert_cmpstr (bp_scorecard_page_get_direction (f->page, "K8"), ==, "Improved");
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (f->page, "direction:K2"))),
                            "↓ Deteriorated"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (f->page, "direction:K6"))),
                            "↓ Improved"));

  /* The trend of the measure chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "scorecard.show-trend", "x",
                                             measure_id (f, "K2")));
  g_assert_nonnull (strstr (bp_scorecard_page_get_trend_text (f->page), "94.4%"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (named (f->page,
                                                                          "measure:K2"))));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (named (f->page,
                                                                           "measure:K1"))));
  bp_scorecard_page_show_trend (f->page, measure_id (f, "K6"));
  g_assert_nonnull (strstr (bp_scorecard_page_get_trend_text (f->page), "1,383"));
}

static void
test_add_period (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  int before = bp_test_sql_int (f->sample, "SELECT count(*) FROM measure_value");
  GtkWidget *dialog = bp_scorecard_page_add_period (f->page);
  AdwMessageDialog *md = ADW_MESSAGE_DIALOG (dialog);
  g_autofree char *text = NULL;
  g_auto (GStrv) periods = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  bp_ui_flush ();
  /* The next period is suggested, by the step between the last two. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "period-label"))), ==,
                   "Sep-25");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "period-end"))), ==,
                   "30/09/2025");
  /* Nothing entered yet: nothing to add. */
  g_assert_false (adw_message_dialog_get_response_enabled (md, "add"));

  set_text (dialog, "value:K1", "97.5");
  set_text (dialog, "value:K2", "88%");
  set_text (dialog, "value:K6", "1,210");
  set_text (dialog, "value:K8", " 64 ");
  g_assert_true (adw_message_dialog_get_response_enabled (md, "add"));
  adw_message_dialog_response (md, "add");
  bp_ui_flush ();
  g_assert_null (dialog);

  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM measure_value"), ==,
                   before + 4);
  text = bp_test_sql_text (f->sample,
                           "SELECT group_concat(m.ref || '=' || v.value || '@' || v.period_end,"
                           " ' ')"
                           " FROM measure_value v JOIN measure m ON m.id = v.measure_id"
                           " WHERE v.period = 'Sep-25' ORDER BY m.position");
  g_assert_cmpstr (text, ==,
                   "K1=97.5@2025-09-30 K2=88.0@2025-09-30 K6=1210.0@2025-09-30 K8=64.0@2025-09-30");
  /* The others have no value for the period: no row at all. */
  g_assert_cmpint (bp_test_sql_int (f->sample,
                                    "SELECT count(*) FROM measure_value v JOIN measure m"
                                    " ON m.id = v.measure_id WHERE v.period = 'Sep-25'"
                                    " AND m.ref IN ('K3', 'K4', 'K5', 'K7')"),
                   ==, 0);

  /* The grid has the new column. */
  periods = bp_scorecard_page_dup_periods (f->page);
  g_assert_cmpuint (g_strv_length (periods), ==, 5);
  g_assert_cmpstr (periods[4], ==, "Sep-25");
  assert_cell (f, "K1", "Sep-25", "97.5% G");
  assert_cell (f, "K2", "Sep-25", "88% A");
  assert_cell (f, "K4", "Sep-25", "No value");
  g_assert_cmpstr (bp_scorecard_page_get_direction (f->page, "K2"), ==, "Improved");

  /* One period is one edit. */
  g_assert_true (bp_db_undo (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM measure_value"), ==, before);
}

static void
test_duplicate_period (Fixture *f, gconstpointer data)
{
  int before = bp_test_sql_int (f->sample, "SELECT count(*) FROM measure_value");
  GtkWidget *dialog = bp_scorecard_page_add_period (f->page);
  AdwMessageDialog *md = ADW_MESSAGE_DIALOG (dialog);

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* Mar-25 exists: its end date comes with it, and K1 already has one. */
  set_text (dialog, "period-label", "Mar-25");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "period-end"))), ==,
                   "31/03/2025");
  set_text (dialog, "value:K1", "99");
  g_assert_true (error_shown (dialog, "value-error:K1"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (dialog, "value-error:K1"))),
                            "already has a value for Mar-25"));
  g_assert_false (adw_message_dialog_get_response_enabled (md, "add"));

  /* Other mistakes are shown beside their fields too. */
  set_text (dialog, "value:K2", "about 90");
  g_assert_true (error_shown (dialog, "value-error:K2"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (dialog, "value-error:K2"))),
                            "not a number"));
  set_text (dialog, "period-label", "Jun-25");
  set_text (dialog, "period-end", "31/06/2025");
  g_assert_true (error_shown (dialog, "period-end-error"));
  g_assert_false (error_shown (dialog, "value-error:K1")); /* Jun-25 is new */
  set_text (dialog, "period-end", "30/06/2025");
  g_assert_false (error_shown (dialog, "period-end-error"));
  g_assert_false (adw_message_dialog_get_response_enabled (md, "add")); /* K2 still wrong */

  /* Back to the duplicate; even a forced "add" writes nothing. */
  set_text (dialog, "value:K2", "");
  set_text (dialog, "period-label", "Mar-25");
  set_text (dialog, "period-end", "31/03/2025");
  g_assert_true (error_shown (dialog, "value-error:K1"));
  adw_message_dialog_response (md, "add");
  bp_ui_flush ();
  g_assert_null (dialog);
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM measure_value"), ==, before);
  g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM measure_value v JOIN measure"
                                               " m ON m.id = v.measure_id WHERE m.ref = 'K1'"
                                               " AND v.period = 'Mar-25' AND v.value = 98.1"),
                   ==, 1);

  /* Mar-25 with a value only for a measure that lacks one is fine, but
   * only with Mar-25's own end date. */
  {
    g_autofree char *sql = NULL;

    g_assert_cmpint (bp_test_sql_int (f->sample, "SELECT count(*) FROM measure_value"
                                                 " WHERE period = 'Sep-23' AND value IS NULL"),
                     ==, 1); /* K8 holds a row without a value: still a duplicate */
    dialog = bp_scorecard_page_add_period (f->page);
    g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
    set_text (dialog, "period-label", "Sep-23");
    set_text (dialog, "value:K8", "300");
    g_assert_true (error_shown (dialog, "value-error:K8"));
    set_text (dialog, "period-end", "01/10/2023");
    g_assert_true (error_shown (dialog, "period-end-error"));
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
    bp_ui_flush ();
    g_assert_null (dialog);
    sql = g_strdup_printf ("SELECT count(*) FROM measure_value");
    g_assert_cmpint (bp_test_sql_int (f->sample, sql), ==, before);
  }
}

static BpMeasureEditor *
open_editor (Fixture *f, const char *ref)
{
  BpMeasureEditor *editor = bp_scorecard_page_edit_measure (f->page, measure_id (f, ref));

  bp_ui_flush ();
  return editor;
}

static void
test_measure_editor (Fixture *f, gconstpointer data)
{
  const char *state_sql = "SELECT title || '|' || target || '|' || tolerance || '|' || polarity"
                          " FROM measure WHERE ref = 'K2'";
  g_autofree char *before = bp_test_sql_text (f->sample, state_sql);
  g_autofree char *after = NULL;
  BpMeasureEditor *editor = open_editor (f, "K2");
  GtkLabel *rag = GTK_LABEL (named (editor, "preview-rag"));
  AdwPreferencesRow *preview = ADW_PREFERENCES_ROW (named (editor, "preview"));

  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "target"))), ==, "90");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "tolerance"))), ==, "10");
  g_assert_cmpstr (adw_preferences_row_get_title (preview), ==, "Latest value, Mar-25: 86.3%");
  g_assert_cmpstr (gtk_label_get_text (rag), ==, "Amber");

  /* The preview follows the fields as they change. */
  set_text (editor, "target", "85");
  g_assert_cmpstr (gtk_label_get_text (rag), ==, "Green");
  set_text (editor, "tolerance", "0");
  set_text (editor, "target", "95");
  g_assert_cmpstr (gtk_label_get_text (rag), ==, "Red");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "polarity")), BP_POLARITY_LOWER);
  g_assert_cmpstr (gtk_label_get_text (rag), ==, "Green");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "polarity")), BP_POLARITY_HIGHER);

  /* A target that is not a number: shown beside it, nothing written. */
  set_text (editor, "target", "ninety");
  set_text (editor, "tolerance", "-5");
  set_text (editor, "title", "");
  g_assert_false (bp_measure_editor_save (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  bp_ui_flush ();
  g_assert_nonnull (editor);
  g_assert_true (error_shown (editor, "target-error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (editor, "target-error"))),
                            "“ninety” is not a number"));
  g_assert_true (error_shown (editor, "tolerance-error"));
  g_assert_true (error_shown (editor, "title-error"));
  g_assert_true (gtk_widget_has_css_class (named (editor, "target"), "error"));
  after = bp_test_sql_text (f->sample, state_sql);
  g_assert_cmpstr (after, ==, before);

  /* Corrected, it saves, and the grid shows the new RAG. */
  set_text (editor, "title", "EHC plans issued within 20 weeks");
  g_assert_false (error_shown (editor, "title-error"));
  set_text (editor, "target", "85");
  set_text (editor, "tolerance", "5");
  g_assert_false (error_shown (editor, "target-error"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  bp_ui_flush ();
  g_assert_null (editor);
  g_free (after);
  after = bp_test_sql_text (f->sample, state_sql);
  g_assert_cmpstr (after, ==, "EHC plans issued within 20 weeks|85.0|5.0|higher");
  assert_cell (f, "K2", "Mar-25", "86.3% G");
  assert_cell (f, "K2", "Sep-23", "2.6% R");
}

static void
test_new_measure (Fixture *f, gconstpointer data)
{
  BpMeasureEditor *editor;
  g_autofree char *row = NULL;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "scorecard.new-measure", NULL));
  bp_ui_flush ();
  editor = NULL;
  {
    GListModel *toplevels = gtk_window_get_toplevels ();

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr (GObject) window = g_list_model_get_item (toplevels, i);

        if (BP_IS_MEASURE_EDITOR (window))
          editor = BP_MEASURE_EDITOR (window);
      }
  }
  g_assert_nonnull (editor);
  g_object_add_weak_pointer (G_OBJECT (editor), (gpointer *) &editor);
  g_assert_cmpint (bp_measure_editor_get_measure_id (editor), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (editor, "ref"))), ==, "K9");
  set_text (editor, "title", "Tribunal appeals registered");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "unit")), 1); /* count */
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (editor, "polarity")), BP_POLARITY_LOWER);
  set_text (editor, "target", "20");
  set_text (editor, "tolerance", "10");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  bp_ui_flush ();
  g_assert_null (editor);
  row = bp_test_sql_text (f->sample, "SELECT unit || '|' || polarity || '|' || target || '|' ||"
                                     " position FROM measure WHERE ref = 'K9'");
  g_assert_cmpstr (row, ==, "count|lower|20.0|9");
  g_assert_cmpuint (bp_scorecard_page_get_n_measures (f->page), ==, 9);
  assert_cell (f, "K9", "Mar-25", "No value");
}

static void
test_parse_number (void)
{
  double v;

  g_assert_true (bp_measure_editor_parse_number ("94.4", &v));
  g_assert_cmpfloat (v, ==, 94.4);
  g_assert_true (bp_measure_editor_parse_number (" 94.4 % ", &v));
  g_assert_cmpfloat (v, ==, 94.4);
  g_assert_true (bp_measure_editor_parse_number ("1,038", &v));
  g_assert_cmpfloat (v, ==, 1038);
  g_assert_true (bp_measure_editor_parse_number ("£1,250.50", &v));
  g_assert_cmpfloat (v, ==, 1250.5);
  g_assert_true (bp_measure_editor_parse_number ("−3", &v));
  g_assert_cmpfloat (v, ==, -3);
  g_assert_true (bp_measure_editor_parse_number ("", &v));
  g_assert_true (isnan (v));
  g_assert_false (bp_measure_editor_parse_number ("ninety", &v));
  g_assert_false (bp_measure_editor_parse_number ("9O", &v));
  g_assert_false (bp_measure_editor_parse_number ("inf", &v));
  g_assert_false (bp_measure_editor_parse_number ("nan", &v));
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/scorecard/grid", test_grid);
  ADD ("/ui/scorecard/add-period", test_add_period);
  ADD ("/ui/scorecard/duplicate-period", test_duplicate_period);
  ADD ("/ui/scorecard/measure-editor", test_measure_editor);
  ADD ("/ui/scorecard/new-measure", test_new_measure);
#undef ADD
  g_test_add_func ("/ui/scorecard/parse-number", test_parse_number);
  return g_test_run ();
}
