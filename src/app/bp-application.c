/* bp-application.c: application actions, recent files, and one window per
 * file (opening a file twice presents the window that has it). */
#include <glib-unix.h>
#include <glib/gi18n.h>

#include "bp-application.h"
#include "bp-export-dialog.h"
#include "bp-import-dialog.h"
#include "bp-sample.h"
#include "bp-window.h"

#define MAX_RECENT 8

struct _BpApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  gint64 start_time;
  guint signal_ids[3]; /* SIGTERM, SIGINT, SIGHUP */
};

G_DEFINE_FINAL_TYPE (BpApplication, bp_application, ADW_TYPE_APPLICATION)

static BpWindow *
find_window (BpApplication *self, const char *path)
{
  g_autofree char *wanted = g_canonicalize_filename (path, NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      const char *shown;

      if (!BP_IS_WINDOW (l->data))
        continue;
      shown = bp_window_get_path (l->data);
      if (shown && g_str_equal (shown, wanted))
        return l->data;
    }
  return NULL;
}

/* A window with no file yet (the welcome page), to reuse for a file. */
static BpWindow *
find_empty_window (BpApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (BP_IS_WINDOW (l->data) && bp_window_get_path (l->data) == NULL)
      return l->data;
  return NULL;
}

void
bp_application_open_path (BpApplication *self, const char *path)
{
  BpWindow *window;

  g_return_if_fail (BP_IS_APPLICATION (self));
  window = find_window (self, path);
  if (window == NULL)
    {
      window = find_empty_window (self);
      if (window == NULL)
        window = bp_window_new (self);
      bp_window_open_file (window, path);
    }
  gtk_window_present (GTK_WINDOW (window));
}

char *
bp_application_sample_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "boardpack", "sample.boardpack", NULL);
}

void
bp_application_set_start_time (BpApplication *self, gint64 start)
{
  g_return_if_fail (BP_IS_APPLICATION (self));
  self->start_time = start;
}

gint64
bp_application_get_start_time (BpApplication *self)
{
  g_return_val_if_fail (BP_IS_APPLICATION (self), 0);
  return self->start_time;
}

GSettings *
bp_application_get_settings (BpApplication *self)
{
  g_return_val_if_fail (BP_IS_APPLICATION (self), NULL);
  return self->settings;
}

GStrv
bp_application_dup_recent_files (BpApplication *self)
{
  g_auto (GStrv) stored = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (BP_IS_APPLICATION (self), NULL);
  if (self->settings)
    {
      stored = g_settings_get_strv (self->settings, "recent-files");
      for (guint i = 0; stored[i]; i++)
        if (g_file_test (stored[i], G_FILE_TEST_IS_REGULAR))
          g_strv_builder_add (builder, stored[i]);
    }
  return g_strv_builder_end (builder);
}

void
bp_application_add_recent_file (BpApplication *self, const char *path)
{
  g_auto (GStrv) stored = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) updated = NULL;
  g_autofree char *canonical = g_canonicalize_filename (path, NULL);
  guint n = 1;

  g_return_if_fail (BP_IS_APPLICATION (self));
  if (self->settings == NULL)
    return;
  stored = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, canonical);
  for (guint i = 0; stored[i] && n < MAX_RECENT; i++)
    if (!g_str_equal (stored[i], canonical))
      {
        g_strv_builder_add (builder, stored[i]);
        n++;
      }
  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char *const *) updated);
}

/* ------------------------------------------------------------- actions */

static void
on_open_response_cb (GtkNativeDialog *dialog, int response, BpApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path)
        bp_application_open_path (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static GtkFileFilter *
boardpack_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Boardpack programmes"));
  gtk_file_filter_add_pattern (filter, "*.boardpack");
  gtk_file_filter_add_mime_type (filter, "application/x-boardpack");
  return filter;
}

static void
open_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  BpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("Open a Programme"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                 _("_Open"), _("_Cancel"));
  g_autoptr (GtkFileFilter) filter = boardpack_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_new_response_cb (GtkNativeDialog *dialog, int response, BpApplication *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *chosen = g_file_get_path (file);
      g_autofree char *path = NULL;
      g_autofree char *base = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (BpDb) db = NULL;
      GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);

      path = g_str_has_suffix (chosen, ".boardpack") ? g_strdup (chosen)
                                                      : g_strconcat (chosen, ".boardpack", NULL);
      base = g_path_get_basename (path);
      base[strlen (base) - strlen (".boardpack")] = '\0';
      db = bp_db_create (path, base, &error);
      if (db == NULL)
        {
          GtkWidget *msg = adw_message_dialog_new (parent, _("Cannot Create the Programme"),
                                                   error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (msg), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (msg));
        }
      else
        {
          g_clear_object (&db);
          bp_application_open_path (self, path);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
new_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  BpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_("New Programme"), parent, GTK_FILE_CHOOSER_ACTION_SAVE,
                                 _("_Create"), _("_Cancel"));
  g_autoptr (GtkFileFilter) filter = boardpack_filter ();

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Improvement programme.boardpack"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_new_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_sample_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  BpApplication *self = user_data;
  g_autofree char *path = bp_application_sample_path ();
  g_autofree char *dir = g_path_get_dirname (path);

  /* The sample is written once; after that it is the user's to edit. */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BpDb) db = NULL;

      g_mkdir_with_parents (dir, 0755);
      db = bp_sample_write (path, &error);
      if (db == NULL)
        {
          GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
          GtkWidget *msg = adw_message_dialog_new (parent, _("Cannot Write the Sample"),
                                                   error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (msg), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (msg));
          return;
        }
    }
  bp_application_open_path (self, path);
}

static void
on_import_msg_response_cb (AdwMessageDialog *msg, const char *response, BpApplication *self)
{
  if (g_str_equal (response, "open") || g_str_equal (response, "new"))
    g_action_group_activate_action (G_ACTION_GROUP (self), response, NULL);
}

static void
on_import_response_cb (GtkNativeDialog *dialog, int response, BpApplication *self)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (dialog);

  if (response == GTK_RESPONSE_ACCEPT && BP_IS_WINDOW (parent) &&
      bp_window_get_db (BP_WINDOW (parent)))
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path)
        gtk_window_present (GTK_WINDOW (bp_import_dialog_new (
          parent, bp_window_get_db (BP_WINDOW (parent)), path, BP_IMPORT_ACTIONS)));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
import_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  BpApplication *self = user_data;
  GtkWindow *parent = NULL;
  BpDb *db = NULL;
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) filter = NULL;

  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  db = BP_IS_WINDOW (parent) ? bp_window_get_db (BP_WINDOW (parent)) : NULL;
  if (db == NULL)
    {
      GtkWidget *msg = adw_message_dialog_new (
        parent, _("No Programme Is Open"),
        _("Open or create a programme first, then import the spreadsheet into it."));

      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (msg), "close", _("_Close"), "new",
                                        _("_New Programme…"), "open", _("_Open…"), NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (msg), "open");
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (msg), "close");
      g_signal_connect (msg, "response", G_CALLBACK (on_import_msg_response_cb), self);
      gtk_window_present (GTK_WINDOW (msg));
      return;
    }
  if (bp_db_is_read_only (db))
    {
      GtkWidget *msg = adw_message_dialog_new (parent, _("The Programme Is Read-Only"),
                                               bp_db_get_read_only_reason (db));

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (msg), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (msg));
      return;
    }
  dialog = gtk_file_chooser_native_new (_("Import from a Spreadsheet"), parent,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Preview"), _("_Cancel"));
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Spreadsheets (.xlsx, .ods, .csv)"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_filter_add_suffix (filter, "xlsm");
  gtk_file_filter_add_suffix (filter, "ods");
  /* An .xls is offered too, so that choosing it gives the message that
   * says how to save it as .xlsx. */
  gtk_file_filter_add_suffix (filter, "xls");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_mime_type (filter,
                                 "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  gtk_file_filter_add_mime_type (filter, "application/vnd.oasis.opendocument.spreadsheet");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  BpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  BpDb *db = BP_IS_WINDOW (parent) ? bp_window_get_db (BP_WINDOW (parent)) : NULL;

  if (db == NULL)
    {
      GtkWidget *msg = adw_message_dialog_new (parent, _("No Programme Is Open"),
                                               _("Open a programme first, then export from it."));

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (msg), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (msg));
      return;
    }
  gtk_window_present (GTK_WINDOW (bp_export_dialog_new (parent, db)));
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  BpApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _("The Boardpack developers"), NULL };
  GtkWidget *about = adw_about_window_new ();

  g_object_set (about,
                "transient-for", parent,
                "application-name", _("Boardpack"),
                "application-icon", BP_APP_ID,
                "version", BP_VERSION,
                "comments", _("Keep an improvement programme's plan, risks, scorecard and board "
                              "meetings, and produce the board pack."),
                "developers", developers,
                "license-type", GTK_LICENSE_GPL_3_0,
                NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "open", open_activated },
  { "new", new_activated },
  { "open-sample", open_sample_activated },
  { "import", import_activated },
  { "export", export_activated },
  { "about", about_activated },
  { "quit", quit_activated },
};

/* ----------------------------------------------------------- overrides */

/* SIGTERM (a logout, systemd, kill), SIGINT and SIGHUP end the
 * application as Ctrl+Q does, so that every file is closed whole. */
static gboolean
on_quit_signal_cb (gpointer data)
{
  g_application_quit (G_APPLICATION (data));
  return G_SOURCE_CONTINUE;
}

static void
bp_application_shutdown (GApplication *app)
{
  BpApplication *self = BP_APPLICATION (app);
  GList *windows;

  for (gsize i = 0; i < G_N_ELEMENTS (self->signal_ids); i++)
    g_clear_handle_id (&self->signal_ids[i], g_source_remove);
  /* Quitting leaves the windows to the process's exit: destroyed here,
   * each closes its file. */
  while ((windows = gtk_application_get_windows (GTK_APPLICATION (app))))
    gtk_window_destroy (windows->data);
  G_APPLICATION_CLASS (bp_application_parent_class)->shutdown (app);
}

static void
bp_application_startup (GApplication *app)
{
  BpApplication *self = BP_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema = NULL;
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.open", { "<Control>o", NULL } },
    { "app.new", { "<Control>n", NULL } },
    { "app.quit", { "<Control>q", NULL } },
    { "win.close", { "<Control>w", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.page('overview')", { "<Alt>1", NULL } },
    { "win.page('actions')", { "<Alt>2", NULL } },
    { "win.page('risks')", { "<Alt>3", NULL } },
    { "win.page('scorecard')", { "<Alt>4", NULL } },
    { "win.page('meetings')", { "<Alt>5", NULL } },
  };

  G_APPLICATION_CLASS (bp_application_parent_class)->startup (app);

  if (source)
    schema = g_settings_schema_source_lookup (source, BP_APP_ID, TRUE);
  if (schema)
    self->settings = g_settings_new (BP_APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);
}

static void
bp_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (bp_window_new (BP_APPLICATION (app)));
  gtk_window_present (window);
}

static void
bp_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path)
        bp_application_open_path (BP_APPLICATION (app), path);
    }
}

static void
bp_application_dispose (GObject *object)
{
  BpApplication *self = BP_APPLICATION (object);

  for (gsize i = 0; i < G_N_ELEMENTS (self->signal_ids); i++)
    g_clear_handle_id (&self->signal_ids[i], g_source_remove);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (bp_application_parent_class)->dispose (object);
}

static void
bp_application_class_init (BpApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = bp_application_dispose;
  app_class->startup = bp_application_startup;
  app_class->activate = bp_application_activate;
  app_class->shutdown = bp_application_shutdown;
  app_class->open = bp_application_open;
}

static void
bp_application_init (BpApplication *self)
{
  /* From the start, so that a signal while GTK starts up ends the
   * application the same way. */
  self->signal_ids[0] = g_unix_signal_add (SIGTERM, on_quit_signal_cb, self);
  self->signal_ids[1] = g_unix_signal_add (SIGINT, on_quit_signal_cb, self);
  self->signal_ids[2] = g_unix_signal_add (SIGHUP, on_quit_signal_cb, self);
}

BpApplication *
bp_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_HANDLES_OPEN;

  /* With a session bus, a second "boardpack FILE" hands the file to the
   * running instance, which presents the window that has it. Without one
   * (a bare console, a test) each start stands alone rather than fail. */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    flags |= G_APPLICATION_NON_UNIQUE;
  return g_object_new (BP_TYPE_APPLICATION,
                       "application-id", BP_APP_ID,
                       "flags", flags,
                       "resource-base-path", "/org/boardpack/Boardpack",
                       NULL);
}
