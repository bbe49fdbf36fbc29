/* bp-meetings-page.c: the Meetings view.
 *
 * A sidebar lists the board's meetings, newest first, each with its
 * report title and whether its snapshot is taken; beside it (or, when the
 * window is narrow, in its place) the chosen meeting's snapshot, its
 * board pack and its front sheet (a BpMeetingEditor). The front sheet is
 * written only by Save, in one write (so one undo takes it back); what
 * reads the file (the snapshot, the pack, printing) saves unsaved changes
 * first, so that the pack says what the view shows. */
#include <glib/gi18n.h>

#include "bp-meeting-editor.h"
#include "bp-meetings-page.h"
#include "bp-pack.h"
#include "bp-print.h"
#include "bp-query.h"
#include "bp-rules.h"
#include "bp-save-file.h"
#include "bp-window.h"

#define DEFAULT_CADENCE_WEEKS 6

/* What waits for an answer about unsaved changes. */
typedef enum
{
  PENDING_NONE,
  PENDING_SELECT,
  PENDING_NEW,
} Pending;

struct _BpMeetingsPage
{
  BpPage parent_instance;

  GPtrArray *meetings;      /* BpMeeting*, newest first */
  GHashTable *snapshots;    /* meeting id (gint64*) -> taken_at */
  gint64 meeting_id;        /* the meeting shown, or 0 */
  gint64 want_id;           /* shown by the next reload, or 0 */
  gboolean selecting;       /* the list's selection is being set */
  gboolean disposing;
  Pending pending;
  gint64 pending_id;
  gint64 confirm_id;        /* the meeting a confirmation is about */
  GtkFileChooserNative *file_chooser;
  char *export_date;

  GtkStack *stack;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar;
  GtkWidget *content;
  GtkListBox *meeting_list;
  AdwWindowTitle *meeting_title;
  GtkScrolledWindow *scroller;
  AdwActionRow *snapshot_row;
  AdwComboRow *language_row;
  BpMeetingEditor *editor;
  /* The pack's language follows the programme's setting until the user
   * picks one in language_row; setting_language marks our own change. */
  gboolean language_chosen;
  gboolean setting_language;
  gconstpointer language_db; /* the file the choice is for; compared, never used */
};

G_DEFINE_FINAL_TYPE (BpMeetingsPage, bp_meetings_page, BP_TYPE_PAGE)

static void show_meeting (BpMeetingsPage *self, gint64 id);
static void add_meeting (BpMeetingsPage *self);

/* ------------------------------------------------------------ helpers */

static BpDb *
get_db (BpMeetingsPage *self)
{
  return bp_page_get_db (BP_PAGE (self));
}

static gboolean
is_writable (BpMeetingsPage *self)
{
  return get_db (self) != NULL && !bp_db_is_read_only (get_db (self));
}

static const BpMeeting *
find_meeting (BpMeetingsPage *self, gint64 id)
{
  for (guint i = 0; self->meetings && i < self->meetings->len; i++)
    {
      const BpMeeting *m = g_ptr_array_index (self->meetings, i);

      if (m->id == id)
        return m;
    }
  return NULL;
}

static gboolean
date_has_meeting (BpMeetingsPage *self, const char *date)
{
  for (guint i = 0; self->meetings && i < self->meetings->len; i++)
    if (g_strcmp0 (((BpMeeting *) g_ptr_array_index (self->meetings, i))->date, date) == 0)
      return TRUE;
  return FALSE;
}

static const BpMeeting *
shown_meeting (BpMeetingsPage *self)
{
  return self->meeting_id ? find_meeting (self, self->meeting_id) : NULL;
}

static const char *
snapshot_taken_at (BpMeetingsPage *self, gint64 id)
{
  return self->snapshots ? g_hash_table_lookup (self->snapshots, &id) : NULL;
}

/* "20/05/2025 14:02", in local time: snapshots are stamped in UTC. */
static char *
format_taken_at (const char *iso)
{
  g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (iso, NULL);
  g_autoptr (GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (iso);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%d/%m/%Y %H:%M");
}

static char *
snapshot_text (const char *taken_at)
{
  g_autofree char *when = NULL;

  if (taken_at == NULL)
    return g_strdup (_("No snapshot"));
  when = format_taken_at (taken_at);
  return g_strdup_printf (_("Snapshot taken %s"), when);
}

static GtkWindow *
parent_window (BpMeetingsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static AdwMessageDialog *
new_dialog (BpMeetingsPage *self, const char *heading, const char *body)
{
  return ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self), heading, body));
}

static void
show_error (BpMeetingsPage *self, const char *heading, const char *message)
{
  AdwMessageDialog *dialog = new_dialog (self, heading, message);

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast_take (BpMeetingsPage *self, char *text)
{
  bp_widget_toast (GTK_WIDGET (self), text);
  g_free (text);
}

static void
update_actions (BpMeetingsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean writable = is_writable (self);
  gboolean has_meeting = shown_meeting (self) != NULL;

  gtk_widget_action_set_enabled (widget, "meetings.new", writable);
  gtk_widget_action_set_enabled (widget, "meetings.save",
                                 writable && has_meeting
                                   && bp_meeting_editor_get_modified (self->editor));
  gtk_widget_action_set_enabled (widget, "meetings.delete", writable && has_meeting);
  gtk_widget_action_set_enabled (widget, "meetings.take-snapshot", writable && has_meeting);
  gtk_widget_action_set_enabled (widget, "meetings.export", has_meeting);
  gtk_widget_action_set_enabled (widget, "meetings.print", has_meeting);
}

static void
update_header (BpMeetingsPage *self)
{
  const BpMeeting *m = shown_meeting (self);
  g_autofree char *date = m ? bp_meeting_format_long_date (m->date, TRUE) : g_strdup ("");
  g_autofree char *snapshot = snapshot_text (m ? snapshot_taken_at (self, m->id) : NULL);

  adw_window_title_set_title (self->meeting_title, date);
  adw_window_title_set_subtitle (self->meeting_title, m && m->title ? m->title : "");
  adw_action_row_set_subtitle (self->snapshot_row, snapshot);
}

static GtkWidget *
new_row (BpMeetingsPage *self, BpMeeting *m)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *date, *title, *snapshot;
  g_autofree char *date_text = bp_meeting_format_long_date (m->date, TRUE);
  g_autofree char *snapshot_str = snapshot_text (snapshot_taken_at (self, m->id));
  g_autofree char *name = g_strdup_printf ("meeting-row-%s", m->date);
  g_autofree char *label = NULL;

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  date = gtk_label_new (date_text);
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_label_set_ellipsize (GTK_LABEL (date), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (date, "heading");
  gtk_box_append (GTK_BOX (box), date);

  /* Translators: a meeting with no report title yet, in the list. */
  title = gtk_label_new (m->title ? m->title : _("No report title"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), title);

  snapshot = gtk_label_new (snapshot_str);
  gtk_label_set_xalign (GTK_LABEL (snapshot), 0);
  gtk_label_set_ellipsize (GTK_LABEL (snapshot), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (snapshot, "caption");
  gtk_widget_add_css_class (snapshot, "dim-label");
  gtk_box_append (GTK_BOX (box), snapshot);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_widget_set_name (row, name);
  gtk_widget_set_tooltip_text (title, m->title);
  g_object_set_data (G_OBJECT (row), "bp-meeting", m);

  label = g_strdup_printf ("%s. %s. %s", date_text, m->title ? m->title : _("No report title"),
                           snapshot_str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return row;
}

static GtkListBoxRow *
row_for (BpMeetingsPage *self, gint64 id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->meeting_list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      const BpMeeting *m = g_object_get_data (G_OBJECT (child), "bp-meeting");

      if (GTK_IS_LIST_BOX_ROW (child) && m && m->id == id)
        return GTK_LIST_BOX_ROW (child);
    }
  return NULL;
}

static void
select_row_quietly (BpMeetingsPage *self, gint64 id)
{
  GtkListBoxRow *row = row_for (self, id);

  self->selecting = TRUE;
  if (row)
    gtk_list_box_select_row (self->meeting_list, row);
  else
    gtk_list_box_unselect_all (self->meeting_list);
  self->selecting = FALSE;
}

static void
show_meeting (BpMeetingsPage *self, gint64 id)
{
  const BpMeeting *m = find_meeting (self, id);
  gboolean changed = self->meeting_id != (m ? m->id : 0);

  self->meeting_id = m ? m->id : 0;
  bp_meeting_editor_set_meeting (self->editor, m);
  bp_meeting_editor_set_editable (self->editor, is_writable (self));
  select_row_quietly (self, self->meeting_id);
  if (changed)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update_header (self);
  update_actions (self);
}

static void
reload_lists (BpMeetingsPage *self, BpDb *db)
{
  g_autoptr (GPtrArray) oldest_first = NULL;
  g_autoptr (GPtrArray) snapshots = NULL;
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->snapshots, g_hash_table_unref);
  self->meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_meeting_free);
  self->snapshots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (db == NULL)
    return;

  oldest_first = bp_db_list_meetings (db, &error);
  if (oldest_first == NULL)
    {
      g_warning ("Cannot list the meetings: %s", error->message);
      return;
    }
  /* The newest first: the meeting being prepared is at the top. */
  for (guint i = oldest_first->len; i > 0; i--)
    g_ptr_array_add (self->meetings, g_steal_pointer (&oldest_first->pdata[i - 1]));

  snapshots = bp_db_list_snapshots (db, &error);
  if (snapshots == NULL)
    {
      g_warning ("Cannot list the snapshots: %s", error->message);
      return;
    }
  for (guint i = 0; i < snapshots->len; i++)
    {
      const BpSnapshot *s = g_ptr_array_index (snapshots, i);

      g_hash_table_insert (self->snapshots, g_memdup2 (&s->meeting_id, sizeof (gint64)),
                           g_strdup (s->taken_at));
    }
}

static void
navigate_to_content (BpMeetingsPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

/* ------------------------------------------------------------- writes */

static gboolean
ensure_saved (BpMeetingsPage *self)
{
  if (!bp_meeting_editor_get_modified (self->editor) || !is_writable (self))
    return TRUE;
  return bp_meetings_page_save (self);
}

static void
run_pending (BpMeetingsPage *self)
{
  Pending pending = self->pending;

  self->pending = PENDING_NONE;
  switch (pending)
    {
    case PENDING_SELECT:
      show_meeting (self, self->pending_id);
      navigate_to_content (self);
      break;
    case PENDING_NEW:
      add_meeting (self);
      break;
    case PENDING_NONE:
    default:
      break;
    }
}

static void
on_save_changes_response_cb (AdwMessageDialog *dialog, const char *response, BpMeetingsPage *self)
{
  if (g_str_equal (response, "save"))
    {
      if (!bp_meetings_page_save (self))
        {
          self->pending = PENDING_NONE;
          return;
        }
      run_pending (self);
    }
  else if (g_str_equal (response, "discard"))
    {
      bp_meeting_editor_set_meeting (self->editor, shown_meeting (self));
      run_pending (self);
    }
  else
    self->pending = PENDING_NONE;
}

/* Asks what to do with unsaved changes before @pending goes ahead. */
static void
ask_save_changes (BpMeetingsPage *self, Pending pending, gint64 id)
{
  const BpMeeting *m = shown_meeting (self);
  g_autofree char *date = bp_meeting_format_long_date (m ? m->date : NULL, FALSE);
  g_autofree char *body = g_strdup_printf (_("The front sheet of the meeting of %s has changes "
                                             "that are not saved."),
                                           date);
  GtkWidget *dialog = bp_unsaved_changes_dialog_new (parent_window (self), _("Save Changes?"),
                                                     body, _("_Cancel"));

  self->pending = pending;
  self->pending_id = id;
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_changes_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_meeting (BpMeetingsPage *self)
{
  BpDb *db = get_db (self);
  g_autoptr (GError) error = NULL;
  g_autoptr (BpProgramme) programme = NULL;
  g_autofree char *date = NULL;
  const BpMeeting *last;
  BpMeeting m = { 0 };
  int weeks;

  if (db == NULL)
    return;
  programme = bp_db_get_programme (db, &error);
  if (programme == NULL)
    {
      show_error (self, _("Could Not Add a Meeting"), error->message);
      return;
    }

  /* The next meeting on the programme's cadence after the last one; its
   * front sheet starts as the last one's, which mostly repeats. */
  last = self->meetings && self->meetings->len ? g_ptr_array_index (self->meetings, 0) : NULL;
  weeks = programme->cadence_weeks > 0 ? programme->cadence_weeks : DEFAULT_CADENCE_WEEKS;
  date = last ? bp_date_add_days (last->date, 7 * weeks) : NULL;
  if (date == NULL)
    date = bp_date_today ();
  /* Today may already have a meeting (when the last is not the latest). */
  while (date_has_meeting (self, date))
    {
      char *later = bp_date_add_days (date, 7);

      g_free (date);
      date = later;
    }

  m.date = date;
  m.classification = last && last->classification ? last->classification : (char *) "Public";
  if (last)
    {
      m.time = last->time;
      m.venue = last->venue;
      m.agenda_item = last->agenda_item;
      m.author = last->author;
      m.contact = last->contact;
      m.service = last->service;
      m.presenter = last->presenter;
      m.wards = last->wards;
      m.purpose = last->purpose;
    }
  if (!bp_db_insert_meeting (db, &m, &error))
    {
      show_error (self, _("Could Not Add a Meeting"), error->message);
      return;
    }

  bp_meeting_editor_set_meeting (self->editor, NULL);
  self->want_id = m.id;
  bp_page_reload_now (BP_PAGE (self));
  navigate_to_content (self);
  {
    g_autofree char *long_date = bp_meeting_format_long_date (m.date, FALSE);

    /* Translators: a toast; %s is the date, "12 August 2025". */
    toast_take (self, g_strdup_printf (_("Meeting added for %s"), long_date));
  }
}

static void
take_snapshot (BpMeetingsPage *self)
{
  const BpMeeting *m = shown_meeting (self);
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  gboolean replaced = FALSE;

  if (m == NULL || !is_writable (self))
    return;
  date = g_strdup (m->date);
  if (bp_db_take_snapshot (get_db (self), m->id, &replaced, &error) == 0)
    {
      show_error (self, _("Could Not Take the Snapshot"), error->message);
      return;
    }
  bp_page_reload_now (BP_PAGE (self));
  {
    g_autofree char *long_date = bp_meeting_format_long_date (date, FALSE);

    /* Translators: a toast; %s is the meeting's date, "1 July 2025". */
    toast_take (self, g_strdup_printf (_("Snapshot taken for %s"), long_date));
  }
}

static void
on_replace_snapshot_response_cb (AdwMessageDialog *dialog, const char *response,
                                 BpMeetingsPage *self)
{
  if (g_str_equal (response, "replace") && self->confirm_id == self->meeting_id)
    take_snapshot (self);
}

static void
on_delete_response_cb (AdwMessageDialog *dialog, const char *response, BpMeetingsPage *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  const BpMeeting *m;

  if (!g_str_equal (response, "delete") || self->confirm_id != self->meeting_id)
    return;
  m = shown_meeting (self);
  if (m == NULL)
    return;
  date = g_strdup (m->date);
  if (!bp_db_delete_meeting (get_db (self), m->id, &error))
    {
      show_error (self, _("Could Not Delete the Meeting"), error->message);
      return;
    }
  /* Its unsaved changes go with it. */
  bp_meeting_editor_set_meeting (self->editor, NULL);
  self->meeting_id = 0;
  bp_page_reload_now (BP_PAGE (self));
  {
    g_autofree char *long_date = bp_meeting_format_long_date (date, FALSE);

    /* Translators: a toast; %s is the meeting's date, "1 July 2025". */
    toast_take (self, g_strdup_printf (_("Meeting of %s deleted"), long_date));
  }
}

/* The rows of language_row, in order: the values BpPackOptions takes. */
static const char *const pack_languages[] = { "en", "cy", "bilingual" };

static const char *
pack_language (BpMeetingsPage *self)
{
  guint i = adw_combo_row_get_selected (self->language_row);

  return i < G_N_ELEMENTS (pack_languages) ? pack_languages[i] : NULL;
}

/* The row shows the programme's language setting until the user chooses. */
static void
reset_pack_language (BpMeetingsPage *self, BpDb *db)
{
  g_autoptr (BpProgramme) programme = NULL;
  BpLanguage language = BP_LANGUAGE_EN;

  /* Another file: its own setting again. */
  if (db != self->language_db)
    self->language_chosen = FALSE;
  self->language_db = db;
  if (self->language_chosen || db == NULL)
    return;
  programme = bp_db_get_programme (db, NULL);
  if (programme == NULL || !bp_language_parse (programme->language, &language))
    language = BP_LANGUAGE_EN;
  self->setting_language = TRUE;
  adw_combo_row_set_selected (self->language_row, language == BP_LANGUAGE_CY          ? 1
                                                  : language == BP_LANGUAGE_BILINGUAL ? 2
                                                                                      : 0);
  self->setting_language = FALSE;
}

static void
on_language_selected_cb (BpMeetingsPage *self)
{
  if (!self->setting_language)
    self->language_chosen = TRUE;
}

static gboolean
write_pack (BpMeetingsPage *self, const char *date, const char *path, GError **error)
{
  BpPackOptions options = { date, pack_language (self) };

  if (!bp_pack_write_pdf (get_db (self), path, &options, error))
    return FALSE;
  bp_widget_toast (GTK_WIDGET (self), _("Board pack saved"));
  return TRUE;
}

typedef struct
{
  BpMeetingsPage *page; /* weak */
  char *date;
} PackSave;

static void
pack_save_free (gpointer data)
{
  PackSave *p = data;

  g_clear_weak_pointer (&p->page);
  g_free (p->date);
  g_free (p);
}

static void
save_pack_now (const char *path, gpointer data)
{
  PackSave *p = data;
  g_autoptr (GError) error = NULL;

  if (p->page == NULL || get_db (p->page) == NULL)
    return;
  if (write_pack (p->page, p->date, path, &error))
    bp_save_file_remember (bp_save_file_settings (GTK_WIDGET (p->page)), path);
  else
    show_error (p->page, _("Could Not Export the Board Pack"), error->message);
}

static void
on_export_response_cb (GtkNativeDialog *dialog, int response, BpMeetingsPage *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *date = g_steal_pointer (&self->export_date);
  PackSave *p;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_clear_object (&self->file_chooser);
  if (file == NULL || get_db (self) == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_error (self, _("Could Not Export the Board Pack"),
                  _("Choose a folder on this computer: the pack cannot be written there."));
      return;
    }
  p = g_new0 (PackSave, 1);
  g_set_weak_pointer (&p->page, self);
  p->date = g_steal_pointer (&date);
  bp_save_file_confirm (parent_window (self), path, "pdf", save_pack_now, p, pack_save_free);
}

/* ----------------------------------------------------------- actions */

static void
new_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpMeetingsPage *self = BP_MEETINGS_PAGE (widget);

  if (!is_writable (self))
    return;
  if (bp_meeting_editor_get_modified (self->editor) && shown_meeting (self))
    ask_save_changes (self, PENDING_NEW, 0);
  else
    add_meeting (self);
}

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  bp_meetings_page_save (BP_MEETINGS_PAGE (widget));
}

static void
delete_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpMeetingsPage *self = BP_MEETINGS_PAGE (widget);
  const BpMeeting *m = shown_meeting (self);
  g_autofree char *date = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (m == NULL || !is_writable (self))
    return;
  date = bp_meeting_format_long_date (m->date, FALSE);
  body = g_strdup_printf (_("The meeting of %s will be deleted, with its front sheet and its "
                            "snapshot. Undo (Ctrl+Z) brings it back."),
                          date);
  dialog = new_dialog (self, _("Delete the Meeting?"), body);
  self->confirm_id = m->id;
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
take_snapshot_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpMeetingsPage *self = BP_MEETINGS_PAGE (widget);
  const BpMeeting *m;
  const char *taken_at;
  g_autofree char *date = NULL;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (!ensure_saved (self) || (m = shown_meeting (self)) == NULL)
    return;
  taken_at = snapshot_taken_at (self, m->id);
  if (taken_at == NULL)
    {
      take_snapshot (self);
      return;
    }

  /* A snapshot is what the next pack compares with: replacing one
   * changes what the board is told moved. */
  date = bp_meeting_format_long_date (m->date, FALSE);
  when = format_taken_at (taken_at);
  body = g_strdup_printf (_("The snapshot for the meeting of %s was taken on %s. A new one freezes "
                            "the plan, the risks and the scorecard as they are now, and the board "
                            "packs that compare with this meeting will use it instead."),
                          date, when);
  dialog = new_dialog (self, _("Replace the Snapshot?"), body);
  self->confirm_id = m->id;
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_snapshot_response_cb), self,
                           0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpMeetingsPage *self = BP_MEETINGS_PAGE (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GFile) folder = NULL;
  g_autofree char *file_name = NULL;
  const BpMeeting *m;

  if (!ensure_saved (self) || (m = shown_meeting (self)) == NULL || self->file_chooser)
    return;

  self->file_chooser = gtk_file_chooser_native_new (_("Export Board Pack"), parent_window (self),
                                                    GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                                    _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);

  folder = bp_save_file_folder (bp_save_file_settings (widget), get_db (self));
  if (folder)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->file_chooser), folder, NULL);
  /* Translators: the suggested file name; %s is the meeting's date as
   * YYYY-MM-DD, so that a folder of packs sorts by date. */
  file_name = g_strdup_printf (_("Board pack %s.pdf"), m->date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->file_chooser), file_name);

  g_free (self->export_date);
  self->export_date = g_strdup (m->date);
  g_signal_connect_object (self->file_chooser, "response", G_CALLBACK (on_export_response_cb),
                           self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpMeetingsPage *self = BP_MEETINGS_PAGE (widget);
  const BpMeeting *m;

  if (!ensure_saved (self) || (m = shown_meeting (self)) == NULL)
    return;
  {
    BpPackOptions options = { m->date, pack_language (self) };

    bp_print_pack_with_options (parent_window (self), get_db (self), &options,
                                GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
  }
}

static void
back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpMeetingsPage *self = BP_MEETINGS_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

/* --------------------------------------------------------- callbacks */

static void
on_row_selected_cb (BpMeetingsPage *self, GtkListBoxRow *row)
{
  const BpMeeting *m;

  if (self->selecting)
    return;
  if (row == NULL)
    {
      /* Ctrl+click unselects: the meeting shown stays chosen (unless
       * the list is going, with the view). */
      if (!self->disposing)
        select_row_quietly (self, self->meeting_id);
      return;
    }
  m = g_object_get_data (G_OBJECT (row), "bp-meeting");
  if (m == NULL || m->id == self->meeting_id)
    return;
  if (bp_meeting_editor_get_modified (self->editor) && shown_meeting (self))
    {
      /* The shown meeting stays selected until the question is answered. */
      select_row_quietly (self, self->meeting_id);
      ask_save_changes (self, PENDING_SELECT, m->id);
      return;
    }
  show_meeting (self, m->id);
}

static void
on_row_activated_cb (BpMeetingsPage *self, GtkListBoxRow *row)
{
  const BpMeeting *m = g_object_get_data (G_OBJECT (row), "bp-meeting");

  if (m && m->id == self->meeting_id)
    navigate_to_content (self);
}

static void
on_modified_changed_cb (BpMeetingsPage *self)
{
  update_actions (self);
}

/* --------------------------------------------------------- overrides */

static void
bp_meetings_page_reload (BpPage *page)
{
  BpMeetingsPage *self = BP_MEETINGS_PAGE (page);
  BpDb *db = bp_page_get_db (page);
  gint64 target = self->want_id ? self->want_id : self->meeting_id;
  gboolean list_focused = gtk_widget_get_focus_child (GTK_WIDGET (self->meeting_list)) != NULL;
  GtkListBoxRow *selected;
  GtkWidget *child;

  self->want_id = 0;
  reload_lists (self, db);
  reset_pack_language (self, db);

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->meeting_list))))
    gtk_list_box_remove (self->meeting_list, child);
  for (guint i = 0; i < self->meetings->len; i++)
    gtk_list_box_append (self->meeting_list, new_row (self, g_ptr_array_index (self->meetings, i)));
  self->selecting = FALSE;

  gtk_stack_set_visible_child_name (self->stack, self->meetings->len ? "meetings" : "empty");

  if (find_meeting (self, target) == NULL)
    target = self->meetings->len ? ((BpMeeting *) g_ptr_array_index (self->meetings, 0))->id : 0;

  /* Unsaved changes to the meeting shown survive a reload (another
   * view's edit, an undo); otherwise the fields show the file. */
  if (target != self->meeting_id || !bp_meeting_editor_get_modified (self->editor))
    show_meeting (self, target);
  else
    {
      select_row_quietly (self, self->meeting_id);
      bp_meeting_editor_set_editable (self->editor, is_writable (self));
      update_header (self);
      update_actions (self);
    }

  /* Keyboard users keep their place in the list, rebuilt as it is. */
  selected = gtk_list_box_get_selected_row (self->meeting_list);
  if (list_focused && selected)
    gtk_widget_grab_focus (GTK_WIDGET (selected));
}

static void
bp_meetings_page_dispose (GObject *object)
{
  BpMeetingsPage *self = BP_MEETINGS_PAGE (object);

  self->disposing = TRUE;
  if (self->file_chooser)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_MEETINGS_PAGE);
  G_OBJECT_CLASS (bp_meetings_page_parent_class)->dispose (object);
}

static void
bp_meetings_page_finalize (GObject *object)
{
  BpMeetingsPage *self = BP_MEETINGS_PAGE (object);

  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->snapshots, g_hash_table_unref);
  g_free (self->export_date);
  G_OBJECT_CLASS (bp_meetings_page_parent_class)->finalize (object);
}

static void
bp_meetings_page_class_init (BpMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  BpPageClass *page_class = BP_PAGE_CLASS (klass);

  object_class->dispose = bp_meetings_page_dispose;
  object_class->finalize = bp_meetings_page_finalize;
  page_class->reload = bp_meetings_page_reload;

  g_type_ensure (BP_TYPE_MEETING_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, BpMeetingsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingsPage, sidebar);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingsPage, content);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingsPage, meeting_list);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingsPage, meeting_title);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingsPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingsPage, snapshot_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingsPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingsPage, editor);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "meetings.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "meetings.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "meetings.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "meetings.take-snapshot", NULL,
                                   take_snapshot_action);
  gtk_widget_class_install_action (widget_class, "meetings.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "meetings.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "meetings.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "meetings.save",
                                       NULL);
}

static void
bp_meetings_page_init (BpMeetingsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->editor, "notify::modified", G_CALLBACK (on_modified_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->language_row, "notify::selected",
                           G_CALLBACK (on_language_selected_cb), self, G_CONNECT_SWAPPED);
  self->meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_meeting_free);
  update_header (self);
  update_actions (self);
}

/* --------------------------------------------------------- public API */

guint
bp_meetings_page_get_n_meetings (BpMeetingsPage *self)
{
  g_return_val_if_fail (BP_IS_MEETINGS_PAGE (self), 0);

  return self->meetings ? self->meetings->len : 0;
}

const char *
bp_meetings_page_get_selected_date (BpMeetingsPage *self)
{
  const BpMeeting *m;

  g_return_val_if_fail (BP_IS_MEETINGS_PAGE (self), NULL);

  m = shown_meeting (self);
  return m ? m->date : NULL;
}

gboolean
bp_meetings_page_select_meeting (BpMeetingsPage *self, const char *date)
{
  GtkListBoxRow *row = NULL;

  g_return_val_if_fail (BP_IS_MEETINGS_PAGE (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  for (guint i = 0; self->meetings && i < self->meetings->len; i++)
    {
      const BpMeeting *m = g_ptr_array_index (self->meetings, i);

      if (g_str_equal (m->date, date))
        row = row_for (self, m->id);
    }
  if (row == NULL)
    return FALSE;
  gtk_list_box_select_row (self->meeting_list, row);
  return g_strcmp0 (bp_meetings_page_get_selected_date (self), date) == 0;
}

gboolean
bp_meetings_page_has_unsaved_changes (BpMeetingsPage *self)
{
  g_return_val_if_fail (BP_IS_MEETINGS_PAGE (self), FALSE);

  return shown_meeting (self) != NULL && bp_meeting_editor_get_modified (self->editor);
}

gboolean
bp_meetings_page_save (BpMeetingsPage *self)
{
  g_autoptr (GPtrArray) meetings = NULL;
  g_autoptr (BpMeeting) meeting = NULL;
  g_autoptr (GError) error = NULL;
  BpDb *db;

  g_return_val_if_fail (BP_IS_MEETINGS_PAGE (self), FALSE);

  db = get_db (self);
  if (shown_meeting (self) == NULL || !is_writable (self))
    return FALSE;

  meetings = bp_db_list_meetings (db, &error);
  if (meetings == NULL)
    {
      show_error (self, _("Could Not Save the Meeting"), error->message);
      return FALSE;
    }
  if (!bp_meeting_editor_validate (self->editor, meetings))
    return FALSE;

  meeting = bp_meeting_editor_dup_meeting (self->editor);
  if (!bp_db_update_meeting (db, meeting, &error))
    {
      show_error (self, _("Could Not Save the Meeting"), error->message);
      return FALSE;
    }
  bp_meeting_editor_set_meeting (self->editor, meeting);
  bp_page_reload_now (BP_PAGE (self));
  bp_widget_toast (GTK_WIDGET (self), _("Front sheet saved"));
  return TRUE;
}

gboolean
bp_meetings_page_export_pack (BpMeetingsPage *self, const char *path, GError **error)
{
  const BpMeeting *m;
  g_autofree char *date = NULL;

  g_return_val_if_fail (BP_IS_MEETINGS_PAGE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ensure_saved (self) || (m = shown_meeting (self)) == NULL)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                   _("Choose a meeting with a valid front sheet to export its board pack"));
      return FALSE;
    }
  date = g_strdup (m->date);
  return write_pack (self, date, path, error);
}
