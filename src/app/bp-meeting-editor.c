/* bp-meeting-editor.c: a board meeting's report front sheet, as fields.
 *
 * Classification and purpose are stored as the words councils write on
 * the front sheet ("Public", "Decision"), in English whatever the
 * interface language, since the file is shared; the lists show them
 * translated. A value written by another tool that is not one of them is
 * kept, as an extra item of the list, rather than lost on save. */
#include <glib/gi18n.h>

#include <stdlib.h>
#include <string.h>

#include "bp-date-row.h"
#include "bp-form.h"
#include "bp-meeting-editor.h"
#include "bp-rules.h"

typedef struct
{
  const char *value;
  const char *label;
} Choice;

static const Choice classification_choices[] = {
  { "Public", N_("Public") },
  { "Exempt under Schedule 12A", N_("Exempt under Schedule 12A") },
};

static const Choice purpose_choices[] = {
  { "Decision", N_("Decision") },
  { "Discussion", N_("Discussion") },
  { "Noting", N_("Noting") },
};

/* A combo row over @choices, plus the one value it holds that is not a
 * choice (or "not set"). */
typedef struct
{
  AdwComboRow *row;
  const Choice *choices;
  guint n_choices;
  char *extra;         /* the extra item's value */
  gboolean has_extra;
} ChoiceRow;

struct _BpMeetingEditor
{
  GtkWidget parent_instance;

  BpMeeting *meeting; /* as shown */
  gboolean modified;
  gboolean loading;
  ChoiceRow classification;
  ChoiceRow purpose;

  GtkWidget *box;
  BpDateRow *date_row;
  AdwEntryRow *time_row;
  GtkWidget *time_error_row;
  GtkLabel *time_error;
  AdwEntryRow *venue_row;
  AdwEntryRow *agenda_item_row;
  AdwEntryRow *title_row;
  AdwEntryRow *author_row;
  AdwEntryRow *contact_row;
  AdwEntryRow *service_row;
  AdwEntryRow *presenter_row;
  AdwComboRow *classification_row;
  AdwEntryRow *wards_row;
  AdwComboRow *purpose_row;
  GtkTextView *summary_view;
  GtkTextView *recommendations_view;
  GtkTextView *reasons_view;
  GtkTextView *financial_view;
  GtkTextView *legal_view;
  GtkTextView *equalities_view;
  GtkTextView *background_papers_view;
};

/* The front sheet's long texts: each view and the member of BpMeeting it
 * shows, so that showing, reading and watching them are one loop each. */
static const struct
{
  gsize view;   /* GtkTextView * in BpMeetingEditor */
  gsize member; /* char * in BpMeeting */
} long_texts[] = {
  { G_STRUCT_OFFSET (BpMeetingEditor, summary_view), G_STRUCT_OFFSET (BpMeeting, summary) },
  { G_STRUCT_OFFSET (BpMeetingEditor, recommendations_view),
    G_STRUCT_OFFSET (BpMeeting, recommendations) },
  { G_STRUCT_OFFSET (BpMeetingEditor, reasons_view), G_STRUCT_OFFSET (BpMeeting, reasons) },
  { G_STRUCT_OFFSET (BpMeetingEditor, financial_view),
    G_STRUCT_OFFSET (BpMeeting, financial_implications) },
  { G_STRUCT_OFFSET (BpMeetingEditor, legal_view),
    G_STRUCT_OFFSET (BpMeeting, legal_implications) },
  { G_STRUCT_OFFSET (BpMeetingEditor, equalities_view),
    G_STRUCT_OFFSET (BpMeeting, equalities_implications) },
  { G_STRUCT_OFFSET (BpMeetingEditor, background_papers_view),
    G_STRUCT_OFFSET (BpMeeting, background_papers) },
};

enum
{
  PROP_0,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BpMeetingEditor, bp_meeting_editor, GTK_TYPE_WIDGET)

/* ------------------------------------------------------------ helpers */

static void
set_modified (BpMeetingEditor *self, gboolean modified)
{
  if (self->modified == modified)
    return;
  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static char *
dup_or_null (const char *text, gboolean strip)
{
  g_autofree char *copy = g_strdup (text ? text : "");

  if (strip)
    g_strstrip (copy);
  /* Only whitespace is nothing written. */
  for (const char *p = copy; *p; p++)
    if (!g_ascii_isspace (*p))
      return g_steal_pointer (&copy);
  return NULL;
}

/* Setting what is already there would move the cursor of a field being
 * read (a reload after another view's edit). */
static void
set_entry (AdwEntryRow *row, const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (row)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static char *
get_entry (AdwEntryRow *row, gboolean strip)
{
  return dup_or_null (gtk_editable_get_text (GTK_EDITABLE (row)), strip);
}

static void
set_text_view (GtkTextView *view, const char *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *old = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  old = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (old, text ? text : "") != 0)
    gtk_text_buffer_set_text (buffer, text ? text : "", -1);
}

static char *
get_text_view (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  /* Trailing blank lines say nothing; leading spaces may be indents. */
  g_strchomp (text);
  return dup_or_null (text, FALSE);
}

static GtkTextView *
long_text_view (BpMeetingEditor *self, guint i)
{
  return G_STRUCT_MEMBER (GtkTextView *, self, long_texts[i].view);
}

static char **
long_text_member (const BpMeeting *m, guint i)
{
  return G_STRUCT_MEMBER_P (m, long_texts[i].member);
}

static void
choice_row_set (ChoiceRow *c, const char *value)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < c->n_choices; i++)
    {
      gtk_string_list_append (model, _(c->choices[i].label));
      if (value && g_ascii_strcasecmp (value, c->choices[i].value) == 0)
        selected = i;
    }
  g_clear_pointer (&c->extra, g_free);
  c->has_extra = selected == GTK_INVALID_LIST_POSITION;
  if (c->has_extra)
    {
      c->extra = g_strdup (value);
      /* Translators: a front-sheet field (classification, purpose) left empty. */
      gtk_string_list_append (model, value ? value : _("Not set"));
      selected = c->n_choices;
    }
  adw_combo_row_set_model (c->row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (c->row, selected);
}

static char *
choice_row_get (ChoiceRow *c)
{
  guint selected = adw_combo_row_get_selected (c->row);

  if (selected < c->n_choices)
    return g_strdup (c->choices[selected].value);
  return g_strdup (c->extra);
}

static void
clear_errors (BpMeetingEditor *self)
{
  bp_date_row_show_error (self->date_row, NULL);
  bp_form_clear_error (GTK_WIDGET (self->time_row), self->time_error_row, self->time_error);
}

/* ---------------------------------------------------------- callbacks */

static void
on_field_changed_cb (BpMeetingEditor *self)
{
  if (self->loading)
    return;
  set_modified (self, TRUE);
}

static void
on_time_changed_cb (BpMeetingEditor *self)
{
  if (!self->loading)
    bp_form_clear_error (GTK_WIDGET (self->time_row), self->time_error_row, self->time_error);
}

/* ---------------------------------------------------------- overrides */

static void
bp_meeting_editor_dispose (GObject *object)
{
  BpMeetingEditor *self = BP_MEETING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_MEETING_EDITOR);
  G_OBJECT_CLASS (bp_meeting_editor_parent_class)->dispose (object);
}

static void
bp_meeting_editor_finalize (GObject *object)
{
  BpMeetingEditor *self = BP_MEETING_EDITOR (object);

  g_clear_pointer (&self->meeting, bp_meeting_free);
  g_free (self->classification.extra);
  g_free (self->purpose.extra);
  G_OBJECT_CLASS (bp_meeting_editor_parent_class)->finalize (object);
}

static void
bp_meeting_editor_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  BpMeetingEditor *self = BP_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_meeting_editor_class_init (BpMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_meeting_editor_dispose;
  object_class->finalize = bp_meeting_editor_finalize;
  object_class->get_property = bp_meeting_editor_get_property;

  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                                                    G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY
                                                      | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (BP_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, box);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, time_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, time_error_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, time_error);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, venue_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, agenda_item_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, author_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, contact_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, service_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, presenter_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, classification_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, wards_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, recommendations_view);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, reasons_view);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, financial_view);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, legal_view);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, equalities_view);
  gtk_widget_class_bind_template_child (widget_class, BpMeetingEditor, background_papers_view);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
bp_meeting_editor_init (BpMeetingEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->classification = (ChoiceRow) { self->classification_row, classification_choices,
                                       G_N_ELEMENTS (classification_choices), NULL, FALSE };
  self->purpose = (ChoiceRow) { self->purpose_row, purpose_choices,
                                G_N_ELEMENTS (purpose_choices), NULL, FALSE };
  self->loading = TRUE;
  choice_row_set (&self->classification, "Public");
  choice_row_set (&self->purpose, NULL);
  self->loading = FALSE;

  g_signal_connect_object (self->time_row, "changed", G_CALLBACK (on_time_changed_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < G_N_ELEMENTS (long_texts); i++)
    g_signal_connect_object (gtk_text_view_get_buffer (long_text_view (self, i)), "changed",
                             G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
}

/* --------------------------------------------------------- public API */

void
bp_meeting_editor_set_meeting (BpMeetingEditor *self, const BpMeeting *meeting)
{
  static const BpMeeting empty = { 0 };
  const BpMeeting *m = meeting ? meeting : &empty;

  g_return_if_fail (BP_IS_MEETING_EDITOR (self));

  g_clear_pointer (&self->meeting, bp_meeting_free);
  if (meeting)
    {
      self->meeting = g_new0 (BpMeeting, 1);
      self->meeting->id = meeting->id;
    }

  self->loading = TRUE;
  bp_date_row_set_iso (self->date_row, m->date);
  set_entry (self->time_row, m->time);
  set_entry (self->venue_row, m->venue);
  set_entry (self->agenda_item_row, m->agenda_item);
  set_entry (self->title_row, m->title);
  set_entry (self->author_row, m->author);
  set_entry (self->contact_row, m->contact);
  set_entry (self->service_row, m->service);
  set_entry (self->presenter_row, m->presenter);
  choice_row_set (&self->classification, m->classification);
  set_entry (self->wards_row, m->wards);
  choice_row_set (&self->purpose, m->purpose);
  for (guint i = 0; i < G_N_ELEMENTS (long_texts); i++)
    set_text_view (long_text_view (self, i), *long_text_member (m, i));
  self->loading = FALSE;

  clear_errors (self);
  set_modified (self, FALSE);
}

BpMeeting *
bp_meeting_editor_dup_meeting (BpMeetingEditor *self)
{
  BpMeeting *m;

  g_return_val_if_fail (BP_IS_MEETING_EDITOR (self), NULL);

  m = g_new0 (BpMeeting, 1);
  m->id = self->meeting ? self->meeting->id : 0;
  /* Text that is not a date is kept as it is, for the check to name. */
  if (!bp_date_row_get_iso (self->date_row, &m->date, NULL))
    m->date = get_entry (ADW_ENTRY_ROW (self->date_row), TRUE);
  m->time = get_entry (self->time_row, TRUE);
  m->venue = get_entry (self->venue_row, TRUE);
  m->agenda_item = get_entry (self->agenda_item_row, TRUE);
  m->title = get_entry (self->title_row, TRUE);
  m->author = get_entry (self->author_row, TRUE);
  m->contact = get_entry (self->contact_row, TRUE);
  m->service = get_entry (self->service_row, TRUE);
  m->presenter = get_entry (self->presenter_row, TRUE);
  m->classification = choice_row_get (&self->classification);
  m->wards = get_entry (self->wards_row, TRUE);
  m->purpose = choice_row_get (&self->purpose);
  for (guint i = 0; i < G_N_ELEMENTS (long_texts); i++)
    *long_text_member (m, i) = get_text_view (long_text_view (self, i));
  return m;
}

gboolean
bp_meeting_editor_get_modified (BpMeetingEditor *self)
{
  g_return_val_if_fail (BP_IS_MEETING_EDITOR (self), FALSE);

  return self->modified;
}

gboolean
bp_meeting_editor_validate (BpMeetingEditor *self, GPtrArray *meetings)
{
  g_autoptr (BpMeeting) m = NULL;
  g_autofree char *date_problem = NULL;
  g_autofree char *time_problem = NULL;
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (BP_IS_MEETING_EDITOR (self), FALSE);

  m = bp_meeting_editor_dup_meeting (self);
  if (!bp_date_row_get_iso (self->date_row, NULL, &error))
    date_problem = g_strdup (error->message);
  else
    date_problem = bp_meeting_check_date (m->date, m->id, meetings);
  time_problem = bp_meeting_check_time (m->time);

  clear_errors (self);
  if (date_problem)
    bp_date_row_show_error (self->date_row, date_problem);
  if (time_problem)
    bp_form_show_error (GTK_WIDGET (self->time_row), self->time_error_row, self->time_error, time_problem);

  if (date_problem)
    gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
  else if (time_problem)
    gtk_widget_grab_focus (GTK_WIDGET (self->time_row));
  return date_problem == NULL && time_problem == NULL;
}

void
bp_meeting_editor_set_editable (BpMeetingEditor *self, gboolean editable)
{
  g_return_if_fail (BP_IS_MEETING_EDITOR (self));

  gtk_widget_set_sensitive (self->box, editable);
}

char *
bp_meeting_format_long_date (const char *date, gboolean with_weekday)
{
  /* Translators: a meeting's date, "Tuesday 1 July 2025" / "1 July 2025"
   * (strftime formats; %-d is the day without a leading zero). */
  /* xgettext:no-c-format */
  return bp_date_format (date, with_weekday ? _("%A %-d %B %Y") : _("%-d %B %Y"));
}

char *
bp_meeting_check_date (const char *date, gint64 meeting_id, GPtrArray *meetings)
{
  if (date == NULL || *date == '\0')
    return g_strdup (_("Enter the date of the meeting, as DD/MM/YYYY"));
  if (!bp_date_is_valid (date))
    return g_strdup_printf (_("“%s” is not a date: write it as DD/MM/YYYY, for example 31/07/2025."),
                            date);
  for (guint i = 0; meetings && i < meetings->len; i++)
    {
      const BpMeeting *other = g_ptr_array_index (meetings, i);

      if (other->id != meeting_id && g_strcmp0 (other->date, date) == 0)
        {
          g_autofree char *long_date = bp_meeting_format_long_date (date, FALSE);

          return g_strdup_printf (_("There is already a meeting on %s: each meeting needs its own date"),
                                  long_date);
        }
    }
  return NULL;
}

char *
bp_meeting_check_time (const char *time)
{
  if (time == NULL || *time == '\0')
    return NULL;
  if (strlen (time) == 5 && g_ascii_isdigit (time[0]) && g_ascii_isdigit (time[1])
      && time[2] == ':' && g_ascii_isdigit (time[3]) && g_ascii_isdigit (time[4])
      && atoi (time) < 24 && atoi (time + 3) < 60)
    return NULL;
  return g_strdup_printf (_("“%s” is not a time: write it as HH:MM on the 24-hour clock, for example 14:00"),
                          time);
}
