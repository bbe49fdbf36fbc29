/* bp-export-dialog.c: "Export…" in the window: an AdwMessageDialog with
 * what (Actions, Risks, Scorecard) and the format (CSV, Excel, web page),
 * then a save dialog with a sensible name in the folder bp-save-file.h
 * chooses, then bp_export_save(). */
#include <glib/gi18n.h>

#include "bp-export-dialog.h"
#include "bp-save-file.h"
#include "bp-window.h"

typedef struct
{
  BpDb *db;
  GtkWindow *parent;   /* weak */
  GSettings *settings; /* where the last export went; may be NULL */
  AdwComboRow *what_row;
  AdwComboRow *format_row;
} ExportData;

static void
export_data_free (ExportData *d)
{
  g_clear_object (&d->db);
  g_clear_object (&d->settings);
  g_clear_weak_pointer (&d->parent);
  g_free (d);
}

static ExportData *
get_data (GtkWidget *dialog)
{
  ExportData *d = g_object_get_data (G_OBJECT (dialog), "bp-export");

  g_return_val_if_fail (d != NULL, NULL);
  return d;
}

char *
bp_export_dialog_default_name (BpExportWhat what, BpExportFormat format)
{
  const char *name = what == BP_EXPORT_RISKS     ? _("Risks")
                      : what == BP_EXPORT_SCORECARD ? _("Scorecard")
                                                    : _("Actions");

  return g_strdup_printf ("%s.%s", name, bp_export_format_extension (format));
}

gboolean
bp_export_to_path (BpDb *db, BpExportWhat what, BpExportFormat format, const char *path,
                   GError **error)
{
  g_autoptr (BpExport) export = bp_export_load (db, what, NULL, error);

  return export && bp_export_save (export, format, path, error);
}

void
bp_export_dialog_get_choice (GtkWidget *dialog, BpExportWhat *out_what, BpExportFormat *out_format)
{
  ExportData *d = get_data (dialog);

  *out_what = (BpExportWhat) MIN (adw_combo_row_get_selected (d->what_row), BP_EXPORT_SCORECARD);
  *out_format = (BpExportFormat) MIN (adw_combo_row_get_selected (d->format_row), BP_EXPORT_HTML);
}

void
bp_export_dialog_set_choice (GtkWidget *dialog, BpExportWhat what, BpExportFormat format)
{
  ExportData *d = get_data (dialog);

  adw_combo_row_set_selected (d->what_row, what);
  adw_combo_row_set_selected (d->format_row, format);
}

static void
show_error (GtkWindow *parent, const char *message)
{
  GtkWidget *msg = adw_message_dialog_new (parent, _("Cannot Export"), message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (msg), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (msg));
}

static gboolean
export_to (ExportData *d, BpExportWhat what, BpExportFormat format, const char *path,
           GError **error)
{
  g_autofree char *base = NULL;
  g_autofree char *toast = NULL;

  if (!bp_export_to_path (d->db, what, format, path, error))
    return FALSE;
  base = g_path_get_basename (path);
  toast = g_strdup_printf (_("Exported to %s"), base);
  if (d->parent && BP_IS_WINDOW (d->parent))
    bp_window_add_toast (BP_WINDOW (d->parent), toast);
  return TRUE;
}

gboolean
bp_export_dialog_export_to (GtkWidget *dialog, const char *path, GError **error)
{
  BpExportWhat what;
  BpExportFormat format;

  bp_export_dialog_get_choice (dialog, &what, &format);
  return export_to (get_data (dialog), what, format, path, error);
}

typedef struct
{
  ExportData *data; /* owned */
  BpExportWhat what;
  BpExportFormat format;
} SaveData;

static void
save_data_free (gpointer data)
{
  SaveData *s = data;

  export_data_free (s->data);
  g_free (s);
}

static void
save_now (const char *path, gpointer user_data)
{
  SaveData *s = user_data;
  g_autoptr (GError) error = NULL;

  if (export_to (s->data, s->what, s->format, path, &error))
    bp_save_file_remember (s->data->settings, path);
  else
    show_error (s->data->parent, error->message);
}

static void
on_save_response_cb (GtkNativeDialog *chooser, int response, SaveData *s)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *chosen = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  chosen = file ? g_file_get_path (file) : NULL;
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (chosen == NULL)
    {
      if (file)
        show_error (s->data->parent, _("Choose a folder on this computer: the file cannot be "
                                       "written there."));
      save_data_free (s);
      return;
    }
  bp_save_file_confirm (s->data->parent, chosen, bp_export_format_extension (s->format), save_now,
                        s, save_data_free);
}

static void
on_response_cb (AdwMessageDialog *dialog, const char *response, gpointer user_data)
{
  ExportData *d = get_data (GTK_WIDGET (dialog));
  SaveData *s;
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *pattern = NULL;
  g_autoptr (GFile) folder = NULL;
  static const char *const filter_names[] = {
    N_("CSV files"), N_("Excel workbooks"), N_("Web pages"),
  };

  if (!g_str_equal (response, "export"))
    return;
  s = g_new0 (SaveData, 1);
  bp_export_dialog_get_choice (GTK_WIDGET (dialog), &s->what, &s->format);
  s->data = g_new0 (ExportData, 1);
  s->data->db = g_object_ref (d->db);
  g_set_weak_pointer (&s->data->parent, d->parent);
  s->data->settings = d->settings ? g_object_ref (d->settings) : NULL;
  folder = bp_save_file_folder (d->settings, d->db);

  name = bp_export_dialog_default_name (s->what, s->format);
  pattern = g_strconcat ("*.", bp_export_format_extension (s->format), NULL);
  gtk_file_filter_set_name (filter, _(filter_names[s->format]));
  gtk_file_filter_add_pattern (filter, pattern);
  chooser = gtk_file_chooser_native_new (_("Export"), d->parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  if (folder)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (on_save_response_cb), s);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static AdwComboRow *
combo_row (const char *title, const char *const *items)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  for (guint i = 0; items[i]; i++)
    gtk_string_list_append (model, _(items[i]));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  g_object_unref (model);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  return row;
}

GtkWidget *
bp_export_dialog_new (GtkWindow *parent, BpDb *db)
{
  static const char *const whats[] = { N_("Actions"), N_("Risks"), N_("Scorecard"), NULL };
  static const char *const formats[] = { N_("CSV"), N_("Excel (XLSX)"), N_("Web page (HTML)"),
                                         NULL };
  GtkWidget *dialog = adw_message_dialog_new (parent, _("Export"),
                                              _("Choose what to export and the kind of file."));
  GtkWidget *list = gtk_list_box_new ();
  ExportData *d = g_new0 (ExportData, 1);

  g_return_val_if_fail (BP_IS_DB (db), NULL);
  d->db = g_object_ref (db);
  g_set_weak_pointer (&d->parent, parent);
  d->settings = parent ? bp_save_file_settings (GTK_WIDGET (parent)) : NULL;
  if (d->settings)
    g_object_ref (d->settings);
  d->what_row = combo_row (_("What"), whats);
  d->format_row = combo_row (_("Format"), formats);
  gtk_widget_set_name (GTK_WIDGET (d->what_row), "export-what");
  gtk_widget_set_name (GTK_WIDGET (d->format_row), "export-format");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->what_row));
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (d->format_row));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), list);
  g_object_set_data_full (G_OBJECT (dialog), "bp-export", d, (GDestroyNotify) export_data_free);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "export",
                                    _("_Export…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), NULL);
  return dialog;
}
