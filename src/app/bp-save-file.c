/* bp-save-file.c: where exports are saved, and asking before a file
 * the save dialog did not ask about is replaced. */
#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "bp-application.h"
#include "bp-save-file.h"

static gboolean
is_folder (const char *path)
{
  return path && *path && g_file_test (path, G_FILE_TEST_IS_DIR);
}

GFile *
bp_save_file_folder (GSettings *settings, BpDb *db)
{
  g_autofree char *remembered = settings ? g_settings_get_string (settings, "export-folder") : NULL;
  const char *file = db ? bp_db_get_path (db) : NULL;
  g_autofree char *beside = file ? g_path_get_dirname (file) : NULL;
  const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

  if (is_folder (remembered))
    return g_file_new_for_path (remembered);
  if (beside && g_path_is_absolute (beside) && is_folder (beside))
    return g_file_new_for_path (beside);
  if (is_folder (documents))
    return g_file_new_for_path (documents);
  if (is_folder (g_get_home_dir ()))
    return g_file_new_for_path (g_get_home_dir ());
  return NULL;
}

void
bp_save_file_remember (GSettings *settings, const char *path)
{
  g_autofree char *folder = NULL;

  g_return_if_fail (path != NULL);
  if (settings == NULL)
    return;
  folder = g_path_get_dirname (path);
  if (is_folder (folder))
    g_settings_set_string (settings, "export-folder", folder);
}

char *
bp_save_file_target (const char *chosen, const char *extension, gboolean *out_ask)
{
  g_autofree char *suffix = NULL;
  g_autofree char *lower = NULL;
  char *path;

  g_return_val_if_fail (chosen != NULL && extension != NULL, NULL);
  suffix = g_strconcat (".", extension, NULL);
  lower = g_ascii_strdown (chosen, -1);
  if (g_str_has_suffix (lower, suffix))
    {
      if (out_ask)
        *out_ask = FALSE;
      return g_strdup (chosen);
    }
  path = g_strconcat (chosen, suffix, NULL);
  if (out_ask)
    *out_ask = g_file_test (path, G_FILE_TEST_EXISTS);
  return path;
}

typedef struct
{
  char *path;
  BpSaveFileFunc save;
  gpointer user_data;
  GDestroyNotify destroy;
} Pending;

static void
pending_free (Pending *p)
{
  if (p->destroy)
    p->destroy (p->user_data);
  g_free (p->path);
  g_free (p);
}

static void
pending_notify (gpointer data, GClosure *closure)
{
  pending_free (data);
}

static void
on_replace_response_cb (AdwMessageDialog *dialog, const char *response, Pending *p)
{
  if (g_str_equal (response, "replace"))
    p->save (p->path, p->user_data);
  /* One answer: the data goes now, not whenever the dialog is freed. */
  g_signal_handlers_disconnect_by_data (dialog, p);
}

GtkWidget *
bp_save_file_confirm (GtkWindow *parent, const char *chosen, const char *extension,
                      BpSaveFileFunc save, gpointer user_data, GDestroyNotify destroy)
{
  gboolean ask = FALSE;
  g_autofree char *path = bp_save_file_target (chosen, extension, &ask);
  g_autofree char *base = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Pending *p;

  g_return_val_if_fail (save != NULL, NULL);
  if (!ask)
    {
      save (path, user_data);
      if (destroy)
        destroy (user_data);
      return NULL;
    }

  base = g_path_get_basename (path);
  folder = g_path_get_dirname (path);
  heading = g_strdup_printf (_("Replace “%s”?"), base);
  body = g_strdup_printf (_("A file named “%s” already exists in %s. Replacing it overwrites "
                            "what it holds."),
                          base, folder);
  dialog = adw_message_dialog_new (parent, heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "replace", _("_Replace"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  p = g_new0 (Pending, 1);
  p->path = g_steal_pointer (&path);
  p->save = save;
  p->user_data = user_data;
  p->destroy = destroy;
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_replace_response_cb), p,
                         pending_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

GSettings *
bp_save_file_settings (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;
  GtkApplication *app = GTK_IS_WINDOW (root) ? gtk_window_get_application (GTK_WINDOW (root)) : NULL;

  return BP_IS_APPLICATION (app) ? bp_application_get_settings (BP_APPLICATION (app)) : NULL;
}
