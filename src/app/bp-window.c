/* bp-window.c: the window: a welcome page, an error page, or the
 * programme's five views; undo and redo; the window's size remembered. */
#include <glib/gi18n.h>

#include "bp-actions-page.h"
#include "bp-meetings-page.h"
#include "bp-overview-page.h"
#include "bp-risks-page.h"
#include "bp-scorecard-page.h"
#include "bp-window.h"

struct _BpWindow
{
  AdwApplicationWindow parent_instance;

  BpDb *db;
  char *path;

  AdwToastOverlay *toast_overlay;
  GtkStack *title_stack;
  AdwWindowTitle *window_title;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar *switcher_bar;
  GtkWidget *undo_box;
  GtkStack *main_stack;
  AdwStatusPage *error_page;
  GtkWidget *recent_group;
  GtkListBox *recent_list;
  AdwViewStack *view_stack;
  GtkWidget *overview_page;
  GtkWidget *actions_page;
  GtkWidget *risks_page;
  GtkWidget *scorecard_page;
  GtkWidget *meetings_page;

  gboolean closing_confirmed;
  guint checkpoint_id;
  guint watch_id;
  gint64 data_version;
};

/* After a write, how long the window waits for the next before it
 * copies the writes into the main file (see bp_db_checkpoint); how often
 * it looks for writes by other programs, which it copies in too; and how
 * long closing waits for another program's read or write. */
#define CHECKPOINT_IDLE_MS 2000
#define WATCH_SECONDS 5
#define CLOSE_WAIT_MS 2000

G_DEFINE_FINAL_TYPE (BpWindow, bp_window, ADW_TYPE_APPLICATION_WINDOW)

static GtkWidget *const *
pages (BpWindow *self, guint *n)
{
  static GtkWidget *list[5];

  list[0] = self->overview_page;
  list[1] = self->actions_page;
  list[2] = self->risks_page;
  list[3] = self->scorecard_page;
  list[4] = self->meetings_page;
  *n = G_N_ELEMENTS (list);
  return list;
}

static void
update_undo_actions (BpWindow *self)
{
  gboolean writable = self->db && !bp_db_is_read_only (self->db);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 writable && bp_db_can_undo (self->db));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 writable && bp_db_can_redo (self->db));
}

/* Again while another program's read or write holds it up; any other
 * failure is left to the checkpoint at close. */
static gboolean
on_checkpoint_cb (gpointer data)
{
  BpWindow *self = data;
  g_autoptr (GError) error = NULL;

  if (self->db && !bp_db_checkpoint (self->db, 0, &error)
      && g_error_matches (error, BP_ERROR, BP_ERROR_BUSY))
    return G_SOURCE_CONTINUE;
  if (error)
    g_debug ("%s", error->message);
  self->checkpoint_id = 0;
  return G_SOURCE_REMOVE;
}

static void
schedule_checkpoint (BpWindow *self)
{
  g_clear_handle_id (&self->checkpoint_id, g_source_remove);
  self->checkpoint_id = g_timeout_add (CHECKPOINT_IDLE_MS, on_checkpoint_cb, self);
}

/* A command run on the file while the window has it open may leave its
 * write in the WAL (its own checkpoint gives way to the window's reads). */
static gboolean
on_watch_cb (gpointer data)
{
  BpWindow *self = data;
  gint64 version = self->db ? bp_db_get_data_version (self->db) : -1;

  if (version != self->data_version && self->checkpoint_id == 0)
    schedule_checkpoint (self);
  self->data_version = version;
  return G_SOURCE_CONTINUE;
}

static void
on_db_changed_cb (BpDb *db, const char *table, BpWindow *self)
{
  schedule_checkpoint (self);
  update_undo_actions (self);
  if (g_str_equal (table, "programme"))
    {
      g_autoptr (BpProgramme) programme = bp_db_get_programme (db, NULL);

      if (programme)
        {
          adw_window_title_set_title (self->window_title, programme->title);
          adw_view_switcher_title_set_title (self->switcher_title, programme->title);
        }
    }
}

static void
set_pages_db (BpWindow *self, BpDb *db)
{
  guint n;
  GtkWidget *const *list = pages (self, &n);

  for (guint i = 0; i < n; i++)
    g_object_set (list[i], "db", db, NULL);
}

static void
close_file (BpWindow *self)
{
  g_autoptr (GError) error = NULL;

  set_pages_db (self, NULL);
  g_clear_handle_id (&self->checkpoint_id, g_source_remove);
  g_clear_handle_id (&self->watch_id, g_source_remove);
  if (self->db)
    {
      g_signal_handlers_disconnect_by_data (self->db, self);
      /* Editors may still hold the BpDb; the file is closed now, so that
       * it alone holds the session's writes when the window goes. A
       * checkpoint that cannot finish loses nothing: the WAL is applied
       * at the next open. */
      if (!bp_db_checkpoint (self->db, CLOSE_WAIT_MS, &error))
        g_debug ("%s", error->message);
      bp_db_close (self->db);
    }
  g_clear_object (&self->db);
  g_clear_pointer (&self->path, g_free);
}

static void
on_recent_activated_cb (GtkListBox *list, GtkListBoxRow *row, BpWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (path && app)
    bp_application_open_path (BP_APPLICATION (app), path);
}

static void
fill_recent (BpWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_auto (GStrv) recent = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))))
    gtk_list_box_remove (self->recent_list, child);
  if (app == NULL)
    {
      gtk_widget_set_visible (self->recent_group, FALSE);
      return;
    }
  recent = bp_application_dup_recent_files (BP_APPLICATION (app));
  for (guint i = 0; recent[i] && i < 5; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *name = g_path_get_basename (recent[i]);
      g_autofree char *dir = g_path_get_dirname (recent[i]);
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (recent[i]), g_free);
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (self->recent_group, recent[0] != NULL);
}

static void
show_page (BpWindow *self, const char *name)
{
  gboolean programme = g_str_equal (name, "programme");

  gtk_stack_set_visible_child_name (self->main_stack, name);
  gtk_stack_set_visible_child_name (self->title_stack, programme ? "switcher" : "title");
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), programme);
  gtk_widget_set_visible (self->undo_box, programme);
  if (g_str_equal (name, "welcome"))
    {
      adw_window_title_set_title (self->window_title, _("Boardpack"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Boardpack"));
      fill_recent (self);
    }
}

/* The first-frame benchmark: print the time from process start to the
 * first frame painted with the programme shown, then quit. */
static void
on_first_frame_cb (GdkFrameClock *clock, BpWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  gint64 start = app ? bp_application_get_start_time (BP_APPLICATION (app)) : 0;

  g_signal_handlers_disconnect_by_func (clock, on_first_frame_cb, self);
  g_print ("first_frame: %.3f s\n", (g_get_monotonic_time () - start) / 1e6);
  if (app)
    g_application_quit (G_APPLICATION (app));
}

static void
on_realize_for_bench_cb (GtkWidget *widget, gpointer data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_first_frame_cb), widget);
}

gboolean
bp_window_open_file (BpWindow *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpProgramme) programme = NULL;
  g_autofree char *canonical = NULL;
  GtkApplication *app;

  g_return_val_if_fail (BP_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  close_file (self);
  canonical = g_canonicalize_filename (path, NULL);
  self->db = bp_db_open (canonical, BP_OPEN_DEFAULT, &error);
  if (self->db)
    programme = bp_db_get_programme (self->db, &error);
  if (self->db == NULL || programme == NULL)
    {
      g_clear_object (&self->db);
      adw_status_page_set_description (self->error_page, error->message);
      adw_window_title_set_title (self->window_title, _("Cannot Open the Programme"));
      show_page (self, "error");
      return FALSE;
    }

  self->path = g_steal_pointer (&canonical);
  bp_db_set_actor (self->db, g_get_real_name ());
  bp_db_set_undo_enabled (self->db, TRUE);
  g_signal_connect_object (self->db, "changed", G_CALLBACK (on_db_changed_cb), self, 0);
  /* Opening may have written (an upgrade, the search index, a stopped
   * program's WAL applied): the file is made whole once idle. */
  schedule_checkpoint (self);
  self->data_version = bp_db_get_data_version (self->db);
  self->watch_id = g_timeout_add_seconds (WATCH_SECONDS, on_watch_cb, self);

  gtk_window_set_title (GTK_WINDOW (self), programme->title);
  adw_window_title_set_title (self->window_title, programme->title);
  adw_view_switcher_title_set_title (self->switcher_title, programme->title);
  adw_view_switcher_title_set_subtitle (self->switcher_title, self->path);
  set_pages_db (self, self->db);
  adw_view_stack_set_visible_child_name (self->view_stack, "overview");
  show_page (self, "programme");
  update_undo_actions (self);
  if (g_getenv ("BOARDPACK_BENCH_FIRST_FRAME"))
    {
      if (gtk_widget_get_realized (GTK_WIDGET (self)))
        on_realize_for_bench_cb (GTK_WIDGET (self), NULL);
      else
        g_signal_connect (self, "realize", G_CALLBACK (on_realize_for_bench_cb), NULL);
    }

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app)
    bp_application_add_recent_file (BP_APPLICATION (app), self->path);

  if (bp_db_is_read_only (self->db))
    {
      g_autofree char *msg = g_strdup_printf (_("Opened read-only: %s"),
                                              bp_db_get_read_only_reason (self->db));

      bp_window_add_toast (self, msg);
    }
  if (bp_db_get_shared_folder (self->db))
    {
      /* Short enough for a narrow window; the button tells the rest. */
      g_autofree char *msg = g_strdup_printf (_("In a shared folder (%s)"),
                                              bp_db_get_shared_folder (self->db));
      AdwToast *toast = adw_toast_new (msg);

      adw_toast_set_timeout (toast, 0);
      adw_toast_set_button_label (toast, _("_Details"));
      adw_toast_set_action_name (toast, "win.shared-folder-details");
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  if (bp_db_get_backup_path (self->db))
    {
      g_autofree char *msg = g_strdup_printf (_("Upgraded the file; the original is kept as %s"),
                                              bp_db_get_backup_path (self->db));

      bp_window_add_toast (self, msg);
    }
  return TRUE;
}

const char *
bp_window_get_path (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);
  return self->path;
}

BpDb *
bp_window_get_db (BpWindow *self)
{
  g_return_val_if_fail (BP_IS_WINDOW (self), NULL);
  return self->db;
}

void
bp_window_add_toast (BpWindow *self, const char *title)
{
  AdwToast *toast;

  g_return_if_fail (BP_IS_WINDOW (self));
  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 4);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
bp_widget_toast (GtkWidget *widget, const char *title)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (BP_IS_WINDOW (root))
    bp_window_add_toast (BP_WINDOW (root), title);
}

GtkWidget *
bp_unsaved_changes_dialog_new (GtkWindow *parent, const char *heading, const char *body,
                               const char *cancel_label)
{
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL && cancel_label != NULL, NULL);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", cancel_label, "discard", _("_Discard"),
                                    "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return GTK_WIDGET (dialog);
}

/* --------------------------------------------------------------- actions */

static void
run_undo (BpWindow *self, gboolean redo)
{
  g_autoptr (GError) error = NULL;

  if (self->db == NULL)
    return;
  if (!(redo ? bp_db_redo (self->db, &error) : bp_db_undo (self->db, &error)))
    bp_window_add_toast (self, error->message);
  else
    bp_window_add_toast (self, redo ? _("Redone") : _("Undone"));
  update_undo_actions (self);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  run_undo (BP_WINDOW (widget), FALSE);
}

static void
redo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  run_undo (BP_WINDOW (widget), TRUE);
}

static void
show_welcome_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpWindow *self = BP_WINDOW (widget);

  close_file (self);
  show_page (self, "welcome");
}

static void
page_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpWindow *self = BP_WINDOW (widget);

  if (self->db)
    adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (param, NULL));
}

static void
find_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpWindow *self = BP_WINDOW (widget);

  if (self->db == NULL)
    return;
  adw_view_stack_set_visible_child_name (self->view_stack, "actions");
  gtk_widget_activate_action (self->actions_page, "page.find", NULL);
}

static void
close_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* ------------------------------------------------------------- overrides */

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_unsaved_response_cb (AdwMessageDialog *dialog, const char *response, BpWindow *self)
{
  if (g_str_equal (response, "cancel"))
    return;
  if (g_str_equal (response, "save")
      && !bp_meetings_page_save (BP_MEETINGS_PAGE (self->meetings_page)))
    return; /* the page shows why; the window stays open */
  self->closing_confirmed = TRUE;
  /* After the dialog, which is transient for this window, has gone. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_idle_cb, g_object_ref (self), g_object_unref);
}

/* The front sheet is edited in place: closing with unsaved edits asks
 * first, as the editors do. */
static gboolean
ask_about_unsaved_changes (BpWindow *self)
{
  GtkWidget *dialog;

  if (self->closing_confirmed || self->db == NULL
      || !bp_meetings_page_has_unsaved_changes (BP_MEETINGS_PAGE (self->meetings_page)))
    return FALSE;
  adw_view_stack_set_visible_child_name (self->view_stack, "meetings");
  dialog = bp_unsaved_changes_dialog_new (GTK_WINDOW (self), _("Save the Front Sheet?"),
                                          _("The meeting's front sheet has changes that are not "
                                            "saved."),
                                          _("_Cancel"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static gboolean
bp_window_close_request (GtkWindow *window)
{
  GtkApplication *app = gtk_window_get_application (window);
  GSettings *settings = app ? bp_application_get_settings (BP_APPLICATION (app)) : NULL;

  if (ask_about_unsaved_changes (BP_WINDOW (window)))
    return TRUE;
  if (settings)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (bp_window_parent_class)->close_request (window);
}

static void
shared_folder_details_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpWindow *self = BP_WINDOW (widget);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  if (self->db == NULL || bp_db_get_shared_folder (self->db) == NULL)
    return;
  body = g_strdup_printf (
    _("%s is in a shared or synchronised folder (%s). Boardpack keeps the file whole after "
      "every change, so that what the folder copies is always complete, and keeps other "
      "programs out of it while this window has it open.\n\nShare the file by copy: one "
      "person edits it at a time. For a programme that several people keep at once, share "
      "it on a server instead."),
    self->path, bp_db_get_shared_folder (self->db));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("A File in a Shared Folder"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
bp_window_dispose (GObject *object)
{
  BpWindow *self = BP_WINDOW (object);

  close_file (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_WINDOW);
  G_OBJECT_CLASS (bp_window_parent_class)->dispose (object);
}

static void
bp_window_class_init (BpWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = bp_window_dispose;
  window_class->close_request = bp_window_close_request;

  /* The page types the template names. */
  g_type_ensure (BP_TYPE_OVERVIEW_PAGE);
  g_type_ensure (BP_TYPE_ACTIONS_PAGE);
  g_type_ensure (BP_TYPE_RISKS_PAGE);
  g_type_ensure (BP_TYPE_SCORECARD_PAGE);
  g_type_ensure (BP_TYPE_MEETINGS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/boardpack/Boardpack/bp-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BpWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, title_stack);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, undo_box);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, overview_page);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, actions_page);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, risks_page);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, scorecard_page);
  gtk_widget_class_bind_template_child (widget_class, BpWindow, meetings_page);

  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.show-welcome", NULL, show_welcome_action);
  gtk_widget_class_install_action (widget_class, "win.page", "s", page_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.shared-folder-details", NULL,
                                   shared_folder_details_action);
}

static void
bp_window_init (BpWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self->switcher_title, "title-visible", self->switcher_bar, "reveal",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect (self->recent_list, "row-activated", G_CALLBACK (on_recent_activated_cb), self);
  update_undo_actions (self);
}

BpWindow *
bp_window_new (BpApplication *application)
{
  BpWindow *self = g_object_new (BP_TYPE_WINDOW, "application", application, NULL);
  GSettings *settings = application ? bp_application_get_settings (application) : NULL;

  if (settings)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }
  show_page (self, "welcome");
  return self;
}
