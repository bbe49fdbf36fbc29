/* test-ui-import.c: the import dialog on fixture spreadsheets (the
 * detected mapping in the preview, errors by line with nothing written
 * and Import insensitive, a column changed to Ignore previews again, a
 * real import as one undoable write) and the export dialog writing CSV. */
#include "bp-export-dialog.h"
#include "bp-import-dialog.h"
#include "bp-save-file.h"
#include "bp-ui-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  BpDb *db;
  GtkWindow *window;
} Fixture;

static char *
fixture (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "import", name, NULL);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = bp_test_tmpdir ();
  f->path = g_build_filename (f->dir, "empty.boardpack", NULL);
  f->db = bp_db_create (f->path, "Empty", &error);
  g_assert_no_error (error);
  bp_db_set_undo_enabled (f->db, TRUE);
  f->window = GTK_WINDOW (gtk_window_new ());
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
  g_free (f->path);
}

static GtkWidget *
named (gpointer root, const char *name)
{
  GtkWidget *widget = bp_ui_find_named (GTK_WIDGET (root), name);

  g_assert_nonnull (widget);
  return widget;
}

static BpImportDialog *
open_dialog (Fixture *f, const char *name)
{
  g_autofree char *csv = fixture (name);
  BpImportDialog *dialog = bp_import_dialog_new (f->window, f->db, csv, BP_IMPORT_ACTIONS);

  gtk_window_present (GTK_WINDOW (dialog));
  bp_ui_flush ();
  return dialog;
}

/* The item a column's dropdown shows. */
static const char *
column_choice (BpImportDialog *dialog, int index)
{
  g_autofree char *name = g_strdup_printf ("column-%d", index);
  GtkDropDown *dropdown = GTK_DROP_DOWN (named (dialog, name));
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  g_assert_nonnull (item);
  return gtk_string_object_get_string (item);
}

static const char *
column_field (BpImportDialog *dialog, int index)
{
  BpImportPreview *preview = bp_import_dialog_get_preview (dialog);
  const BpImportColumn *c;

  g_assert_nonnull (preview);
  g_assert_cmpuint (index, <, preview->columns->len);
  c = preview->columns->pdata[index];
  return c->field;
}

static guint
count_children (GtkWidget *widget)
{
  guint n = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    n++;
  return n;
}

static char *
first_error (BpImportDialog *dialog)
{
  GtkWidget *row = gtk_widget_get_first_child (named (dialog, "errors"));
  GtkWidget *label;

  g_assert_nonnull (row);
  label = bp_ui_find_type (row, GTK_TYPE_LABEL);
  g_assert_nonnull (label);
  return g_strdup (gtk_label_get_text (GTK_LABEL (label)));
}

static int
count_actions (Fixture *f)
{
  return bp_test_sql_int (f->path, "SELECT count(*) FROM action");
}

static void
test_preview_mapping (Fixture *f, gconstpointer data)
{
  BpImportDialog *dialog = open_dialog (f, "plan-messy.csv");
  BpImportPreview *preview = bp_import_dialog_get_preview (dialog);
  GtkWidget *counts = named (dialog, "counts");
  GtkWidget *grid = named (dialog, "preview");

  /* Action No., Priority Area, Action Description, Lead Officer, Lead
   * Agency, Timescale, RAG Status, Progress Update (June), % complete. */
  g_assert_nonnull (preview);
  g_assert_cmpint (preview->header_row, ==, 4);
  g_assert_cmpstr (column_field (dialog, 0), ==, "ref");
  g_assert_cmpstr (column_choice (dialog, 0), ==, "Reference");
  g_assert_cmpstr (column_field (dialog, 3), ==, "owner");
  g_assert_cmpstr (column_field (dialog, 5), ==, "due");
  g_assert_cmpstr (column_choice (dialog, 5), ==, "Due date");
  g_assert_cmpstr (column_field (dialog, 6), ==, "rag");
  g_assert_cmpstr (column_field (dialog, 7), ==, "update");
  /* The first rows, under their headers, with their row numbers. */
  g_assert_cmpuint (preview->rows->len, >, 0);
  g_assert_cmpuint (preview->rows->len, <=, 10);
  g_assert_nonnull (gtk_grid_get_child_at (GTK_GRID (grid), 1, 1));
  g_assert_true (GTK_IS_LABEL (gtk_grid_get_child_at (GTK_GRID (grid), 0, 1)));

  g_assert_cmpint (bp_import_dialog_get_n_errors (dialog), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (named (dialog, "import")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (counts)), "8 actions to create"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (counts)), "6 people to create"));
  /* A preview is a dry run. */
  g_assert_cmpint (count_actions (f), ==, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_errors_write_nothing (Fixture *f, gconstpointer data)
{
  g_autofree char *before = bp_test_file_sum (f->path);
  g_autofree char *after = NULL;
  g_autofree char *error = NULL;
  BpImportDialog *dialog = open_dialog (f, "bad-date.csv");
  GtkWidget *errors = named (dialog, "errors");
  GtkDropDown *due;

  /* Ref, Action, Owner, Due Date, RAG: three bad dates, each by line. */
  g_assert_cmpint (bp_import_dialog_get_n_errors (dialog), ==, 3);
  g_assert_cmpuint (count_children (errors), >=, 3);
  g_assert_true (gtk_widget_get_visible (errors));
  error = first_error (dialog);
  g_assert_true (g_str_has_prefix (error, "bad-date.csv:2: "));
  g_assert_nonnull (strstr (error, "31/02/2025"));
  g_assert_false (gtk_widget_get_sensitive (named (dialog, "import")));
  g_assert_cmpstr (column_field (dialog, 3), ==, "due");

  /* The Due Date column to Ignore: previewed again, without the errors. */
  due = GTK_DROP_DOWN (named (dialog, "column-3"));
  gtk_drop_down_set_selected (due, 0);
  bp_ui_flush ();
  g_assert_null (column_field (dialog, 3));
  g_assert_cmpstr (column_choice (dialog, 3), ==, "Ignore");
  g_assert_cmpint (bp_import_dialog_get_n_errors (dialog), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (named (dialog, "import")));

  /* And back to the due date through the dialog's own call. */
  g_assert_true (bp_import_dialog_set_column_field (dialog, 3, "due"));
  g_assert_cmpint (bp_import_dialog_get_n_errors (dialog), ==, 3);
  g_assert_false (gtk_widget_get_sensitive (named (dialog, "import")));

  gtk_window_destroy (GTK_WINDOW (dialog));
  bp_ui_flush ();
  g_assert_cmpint (count_actions (f), ==, 0);
  after = bp_test_file_sum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_import_undo (Fixture *f, gconstpointer data)
{
  BpImportDialog *dialog = open_dialog (f, "plan-messy.csv");
  g_autoptr (GError) error = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_cmpint (count_actions (f), ==, 0);
  g_assert_false (bp_db_can_undo (f->db));
  g_signal_emit_by_name (named (dialog, "import"), "clicked");
  bp_ui_flush ();
  g_assert_null (dialog); /* closed */
  g_assert_cmpint (count_actions (f), ==, 8);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM priority"), ==, 4);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM progress_update"), ==, 6);

  /* One undoable step. */
  g_assert_true (bp_db_can_undo (f->db));
  bp_db_undo (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count_actions (f), ==, 0);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM priority"), ==, 0);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM progress_update"), ==, 0);
  g_assert_false (bp_db_can_undo (f->db));
}

static void
test_kind_reprevies (Fixture *f, gconstpointer data)
{
  BpImportDialog *dialog = open_dialog (f, "risks.csv");
  AdwComboRow *kind = ADW_COMBO_ROW (named (dialog, "kind"));

  g_assert_cmpuint (adw_combo_row_get_selected (kind), ==, 0);
  g_assert_cmpint (bp_import_dialog_get_n_errors (dialog), >, 0);
  adw_combo_row_set_selected (kind, 1); /* Risks */
  bp_ui_flush ();
  g_assert_cmpint (bp_import_get_kind (bp_import_dialog_get_import (dialog)), ==, BP_IMPORT_RISKS);
  g_assert_cmpint (bp_import_dialog_get_n_errors (dialog), ==, 0);
  g_assert_true (gtk_widget_get_sensitive (named (dialog, "import")));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_csv (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *sample = bp_ui_write_sample (dir);
  g_autofree char *out = g_build_filename (dir, "Actions.csv", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_db_open (sample, BP_OPEN_DEFAULT, &error);
  GtkWidget *dialog;
  BpExportWhat what;
  BpExportFormat format;
  const char *text;

  g_assert_no_error (error);
  dialog = bp_export_dialog_new (NULL, db);
  bp_export_dialog_get_choice (dialog, &what, &format);
  g_assert_cmpint (what, ==, BP_EXPORT_ACTIONS);
  g_assert_cmpint (format, ==, BP_EXPORT_CSV);
  name = bp_export_dialog_default_name (BP_EXPORT_ACTIONS, BP_EXPORT_XLSX);
  g_assert_cmpstr (name, ==, "Actions.xlsx");

  g_assert_true (bp_export_dialog_export_to (dialog, out, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (out, &contents, NULL, &error));
  text = contents;
  if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
    text += 3;
  g_assert_true (g_str_has_prefix (text, "Ref,Priority,Action,"));

  /* Scorecard as a web page from the same dialog. */
  {
    g_autofree char *html = g_build_filename (dir, "Scorecard.html", NULL);
    g_autofree char *page = NULL;

    bp_export_dialog_set_choice (dialog, BP_EXPORT_SCORECARD, BP_EXPORT_HTML);
    g_assert_true (bp_export_dialog_export_to (dialog, html, &error));
    g_assert_no_error (error);
    g_assert_true (g_file_get_contents (html, &page, NULL, NULL));
    g_assert_nonnull (strstr (page, "<html"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
  bp_ui_flush ();
  g_clear_object (&db);
  bp_test_rmdir (dir);
}

static void
count_save (const char *path, gpointer data)
{
  GPtrArray *saved = data;

  g_ptr_array_add (saved, g_strdup (path));
}

static void
count_destroy (gpointer data)
{
  GPtrArray *saved = data;

  g_ptr_array_add (saved, g_strdup ("(freed)"));
}

/* An extension added after the save dialog's own question: the file of
 * that name is not replaced without asking. */
static void
test_save_file_replace (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *chosen = g_build_filename (dir, "plan", NULL);
  g_autofree char *with = g_build_filename (dir, "plan.csv", NULL);
  g_autofree char *upper = g_build_filename (dir, "PLAN.CSV", NULL);
  g_autoptr (GPtrArray) saved = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *target = NULL;
  gboolean ask = TRUE;
  GtkWidget *dialog;

  target = bp_save_file_target (chosen, "csv", &ask);
  g_assert_cmpstr (target, ==, with);
  g_assert_false (ask);
  g_clear_pointer (&target, g_free);
  target = bp_save_file_target (upper, "csv", &ask);
  g_assert_cmpstr (target, ==, upper);
  g_assert_false (ask);
  g_clear_pointer (&target, g_free);

  /* No file yet: saved at once. */
  g_assert_null (bp_save_file_confirm (NULL, chosen, "csv", count_save, saved, count_destroy));
  g_assert_cmpuint (saved->len, ==, 2);
  g_assert_cmpstr (saved->pdata[0], ==, with);
  g_assert_cmpstr (saved->pdata[1], ==, "(freed)");
  g_ptr_array_set_size (saved, 0);

  g_assert_true (g_file_set_contents (with, "kept", -1, NULL));
  target = bp_save_file_target (chosen, "csv", &ask);
  g_assert_true (ask);

  /* Cancel: nothing written. */
  dialog = bp_save_file_confirm (NULL, chosen, "csv", count_save, saved, count_destroy);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  g_assert_cmpuint (saved->len, ==, 0);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  bp_ui_flush ();
  g_assert_cmpuint (saved->len, ==, 1);
  g_assert_cmpstr (saved->pdata[0], ==, "(freed)");
  g_ptr_array_set_size (saved, 0);

  /* Replace: written to the name with its extension. */
  dialog = bp_save_file_confirm (NULL, chosen, "csv", count_save, saved, count_destroy);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "replace");
  bp_ui_flush ();
  g_assert_cmpuint (saved->len, ==, 2);
  g_assert_cmpstr (saved->pdata[0], ==, with);
  g_assert_cmpstr (saved->pdata[1], ==, "(freed)");
  bp_test_rmdir (dir);
}

/* Save dialogs open where the last export went, else beside the file. */
static void
test_save_file_folder (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *sample = bp_ui_write_sample (dir);
  g_autofree char *other = g_build_filename (dir, "exports", NULL);
  g_autofree char *gone = g_build_filename (dir, "gone", NULL);
  g_autofree char *in_other = g_build_filename (other, "pack.pdf", NULL);
  g_autoptr (GSettings) settings = g_settings_new ("org.boardpack.Boardpack");
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_db_open (sample, BP_OPEN_DEFAULT, &error);
  g_autoptr (GFile) beside = g_file_new_for_path (dir);
  g_autoptr (GFile) want_other = g_file_new_for_path (other);
  GFile *folder;

  g_assert_no_error (error);
  g_settings_reset (settings, "export-folder");
  folder = bp_save_file_folder (settings, db);
  g_assert_true (g_file_equal (folder, beside));
  g_object_unref (folder);

  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  bp_save_file_remember (settings, in_other);
  g_assert_cmpstr (g_settings_get_string (settings, "export-folder"), ==, other);
  folder = bp_save_file_folder (settings, db);
  g_assert_true (g_file_equal (folder, want_other));
  g_object_unref (folder);

  /* A remembered folder that has gone: beside the file again. */
  g_settings_set_string (settings, "export-folder", gone);
  folder = bp_save_file_folder (settings, db);
  g_assert_true (g_file_equal (folder, beside));
  g_object_unref (folder);
  g_settings_reset (settings, "export-folder");
  g_clear_object (&db);
  bp_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/ui/import/preview-mapping", test_preview_mapping);
  ADD ("/ui/import/errors-write-nothing", test_errors_write_nothing);
  ADD ("/ui/import/import-undo", test_import_undo);
  ADD ("/ui/import/kind", test_kind_reprevies);
#undef ADD
  g_test_add_func ("/ui/export/csv", test_export_csv);
  g_test_add_func ("/ui/export/replace-asks", test_save_file_replace);
  g_test_add_func ("/ui/export/folder", test_save_file_folder);
  return g_test_run ();
}
