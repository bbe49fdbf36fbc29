/* bp-action-editor.c: a window to edit one action: every field of it,
 * its milestones and its progress updates.
 *
 * The details are written together by Save, as one transaction; adding
 * an update or a milestone, or marking a milestone done, is written at
 * once. Save writes only the fields changed in the form onto the action
 * as it is in the file then, so an update added meanwhile (which sets the
 * action's RAG) is not undone by an older copy of the row.
 */
#include <glib/gi18n.h>
#include <string.h>

#include "bp-action-editor.h"
#include "bp-action-list.h"
#include "bp-date-row.h"
#include "bp-form.h"
#include "bp-query.h"
#include "bp-rules.h"
#include "bp-window.h"

typedef enum
{
  KIND_TEXT,     /* GtkEntry */
  KIND_DATE,     /* BpDateRow: DD/MM/YYYY shown, YYYY-MM-DD stored */
  KIND_LONG,     /* GtkTextView */
  KIND_PRIORITY, /* GtkDropDown of priority areas */
  KIND_PERSON,   /* GtkDropDown of people, "No owner" first */
  KIND_ORG,      /* GtkDropDown of organisations, "None" first */
  KIND_PERCENT,  /* GtkSpinButton */
  KIND_RAG,      /* GtkBox of toggle buttons in BpRag order */
} Kind;

typedef enum
{
  F_REF,
  F_PRIORITY,
  F_TITLE,
  F_DESCRIPTION,
  F_OWNER,
  F_ORGANISATION,
  F_PARTNERS,
  F_START_DATE,
  F_DUE_DATE,
  F_DUE_TEXT,
  F_REVISED_DUE_DATE,
  F_REVISED_REASON,
  F_PERCENT,
  F_IMPACT,
  F_EVIDENCE,
  F_CRITERIA,
  N_ACTION_FIELDS,
  F_UPDATE_DATE = N_ACTION_FIELDS,
  F_UPDATE_RAG,
  F_UPDATE_AUTHOR,
  F_UPDATE_COMMENTARY,
  F_UPDATE_NEXT_STEPS,
  F_UPDATE_ASKS,
  F_UPDATE_LAST = F_UPDATE_ASKS,
  F_MILESTONE_TITLE,
  F_MILESTONE_DUE,
  N_FIELDS
} Field;

#define NO_OFFSET ((gsize) -1)

static const struct
{
  const char *id;         /* "<id>_input" and "<id>_error" in the template */
  Kind kind;
  gsize offset;           /* in BpAction */
  const char *column;     /* the core's name for it: how its errors name it */
} fields[N_FIELDS] = {
  [F_REF] = { "ref", KIND_TEXT, G_STRUCT_OFFSET (BpAction, ref), "ref" },
  [F_PRIORITY] = { "priority", KIND_PRIORITY, G_STRUCT_OFFSET (BpAction, priority_id),
                   "priority_id" },
  [F_TITLE] = { "title", KIND_TEXT, G_STRUCT_OFFSET (BpAction, title), "title" },
  [F_DESCRIPTION] = { "description", KIND_LONG, G_STRUCT_OFFSET (BpAction, description),
                      "description" },
  [F_OWNER] = { "owner", KIND_PERSON, G_STRUCT_OFFSET (BpAction, owner_id), "owner_id" },
  [F_ORGANISATION] = { "organisation", KIND_ORG, G_STRUCT_OFFSET (BpAction, organisation_id),
                       "organisation_id" },
  [F_PARTNERS] = { "partners", KIND_TEXT, G_STRUCT_OFFSET (BpAction, partners), "partners" },
  [F_START_DATE] = { "start_date", KIND_DATE, G_STRUCT_OFFSET (BpAction, start_date),
                     "start_date" },
  [F_DUE_DATE] = { "due_date", KIND_DATE, G_STRUCT_OFFSET (BpAction, due_date), "due_date" },
  [F_DUE_TEXT] = { "due_text", KIND_TEXT, G_STRUCT_OFFSET (BpAction, due_text),
                   "due_text" },
  [F_REVISED_DUE_DATE] = { "revised_due_date", KIND_DATE,
                           G_STRUCT_OFFSET (BpAction, revised_due_date), "revised_due_date" },
  [F_REVISED_REASON] = { "revised_reason", KIND_TEXT, G_STRUCT_OFFSET (BpAction, revised_reason),
                         "revised_reason" },
  [F_PERCENT] = { "percent", KIND_PERCENT, G_STRUCT_OFFSET (BpAction, percent),
                  "percent" },
  [F_IMPACT] = { "impact", KIND_LONG, G_STRUCT_OFFSET (BpAction, impact), "impact" },
  [F_EVIDENCE] = { "evidence", KIND_LONG, G_STRUCT_OFFSET (BpAction, evidence), "evidence" },
  [F_CRITERIA] = { "criteria", KIND_TEXT, G_STRUCT_OFFSET (BpAction, criteria),
                   "criteria" },
  [F_UPDATE_DATE] = { "update_date", KIND_DATE, NO_OFFSET, "date" },
  [F_UPDATE_RAG] = { "update_rag", KIND_RAG, NO_OFFSET, NULL },
  [F_UPDATE_AUTHOR] = { "update_author", KIND_TEXT, NO_OFFSET, "author" },
  [F_UPDATE_COMMENTARY] = { "update_commentary", KIND_LONG, NO_OFFSET, "commentary" },
  [F_UPDATE_NEXT_STEPS] = { "update_next_steps", KIND_LONG, NO_OFFSET, "next_steps" },
  [F_UPDATE_ASKS] = { "update_asks", KIND_LONG, NO_OFFSET, "asks" },
  [F_MILESTONE_TITLE] = { "milestone_title", KIND_TEXT, NO_OFFSET, "title" },
  [F_MILESTONE_DUE] = { "milestone_due", KIND_DATE, NO_OFFSET, "due_date" },
};

struct _BpActionEditor
{
  AdwWindow parent_instance;

  BpDb *db;
  gint64 action_id;
  BpAction *base; /* the action as last loaded into the form */
  GArray *priority_ids;
  GArray *person_ids;
  GArray *organisation_ids;
  guint reload_id;
  gboolean discard; /* close without asking about changes */

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkLabel *heading_label;
  GtkLabel *rag_chip;
  GtkLabel *status_label;
  GtkLabel *form_error;
  GtkLabel *new_note;
  GtkWidget *progress_box;
  GtkWidget *history_box;
  GtkListBox *history_list;
  GtkListBox *milestone_list;
  GtkWidget *inputs[N_FIELDS];
  GtkLabel *errors[N_FIELDS];
};

G_DEFINE_FINAL_TYPE (BpActionEditor, bp_action_editor, ADW_TYPE_WINDOW)

/* ------------------------------------------------------------- inputs */

static char *
input_get_text (BpActionEditor *self, Field f)
{
  GtkWidget *w = self->inputs[f];

  if (GTK_IS_TEXT_VIEW (w))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (w));
      GtkTextIter start, end;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  /* A reference is how people find the action: " 3.2" would be a
   * second 3.2 to them. */
  if (fields[f].kind == KIND_DATE || f == F_REF)
    return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (w))));
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (w)));
}

static void
input_set_text (BpActionEditor *self, Field f, const char *text)
{
  GtkWidget *w = self->inputs[f];

  if (GTK_IS_TEXT_VIEW (w))
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (w)), text ? text : "", -1);
  else if (BP_IS_DATE_ROW (w))
    bp_date_row_set_iso (BP_DATE_ROW (w), text);
  else
    gtk_editable_set_text (GTK_EDITABLE (w), text ? text : "");
}

/* The RAG choice: one toggle button per RAG, in BpRag order, so that
 * each is one named button for the keyboard and for screen readers. */
static BpRag
input_get_rag (BpActionEditor *self, Field f)
{
  BpRag rag = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (self->inputs[f]); c;
       c = gtk_widget_get_next_sibling (c), rag++)
    if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (c)))
      return rag;
  return BP_RAG_NOT_STARTED;
}

static void
input_set_rag (BpActionEditor *self, Field f, BpRag rag)
{
  BpRag r = 0;

  for (GtkWidget *c = gtk_widget_get_first_child (self->inputs[f]); c;
       c = gtk_widget_get_next_sibling (c), r++)
    if (r == rag)
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (c), TRUE);
}

static GArray *
ids_for (BpActionEditor *self, Kind kind)
{
  switch (kind)
    {
    case KIND_PRIORITY:
      return self->priority_ids;
    case KIND_PERSON:
      return self->person_ids;
    case KIND_ORG:
      return self->organisation_ids;
    case KIND_TEXT:
    case KIND_DATE:
    case KIND_LONG:
    case KIND_PERCENT:
    case KIND_RAG:
    default:
      return NULL;
    }
}

static gint64
input_get_id (BpActionEditor *self, Field f)
{
  GArray *ids = ids_for (self, fields[f].kind);
  guint pos = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->inputs[f]));

  return ids && pos < ids->len ? g_array_index (ids, gint64, pos) : 0;
}

static void
input_set_id (BpActionEditor *self, Field f, gint64 id)
{
  GArray *ids = ids_for (self, fields[f].kind);

  for (guint i = 0; ids && i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->inputs[f]), i);
        return;
      }
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->inputs[f]), GTK_INVALID_LIST_POSITION);
}

/* A dropdown's choices: @labels, with @none first when given (id 0).
 * An id the file no longer has stays a choice, so that saving it shows
 * the core's "unknown" error beside the field. */
static GArray *
fill_choices (GtkWidget *dropdown, const char *none, GPtrArray *labels, GArray *ids,
              gint64 current)
{
  g_autoptr (GtkStringList) strings = gtk_string_list_new (NULL);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean found = current == 0;

  if (none)
    {
      gtk_string_list_append (strings, none);
      g_array_append_val (out, (gint64) { 0 });
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gtk_string_list_append (strings, labels->pdata[i]);
      g_array_append_val (out, g_array_index (ids, gint64, i));
      found |= g_array_index (ids, gint64, i) == current;
    }
  if (!found)
    {
      g_autofree char *unknown = g_strdup_printf (_("Unknown (no. %lld)"), (long long) current);

      gtk_string_list_append (strings, unknown);
      g_array_append_val (out, current);
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (dropdown), G_LIST_MODEL (strings));
  return out;
}

static void
fill_dropdowns (BpActionEditor *self, const BpAction *a)
{
  g_autoptr (GPtrArray) priorities = bp_db_list_priorities (self->db, NULL);
  g_autoptr (GPtrArray) people = bp_db_list_people (self->db, NULL);
  g_autoptr (GPtrArray) orgs = bp_db_list_organisations (self->db, NULL);
  g_autoptr (GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; priorities && i < priorities->len; i++)
    {
      BpPriority *p = priorities->pdata[i];

      g_ptr_array_add (labels, g_strdup_printf ("%s %s", p->code, p->title));
      g_array_append_val (ids, p->id);
    }
  g_clear_pointer (&self->priority_ids, g_array_unref);
  self->priority_ids = fill_choices (self->inputs[F_PRIORITY], NULL, labels, ids, a->priority_id);

  g_ptr_array_set_size (labels, 0);
  g_array_set_size (ids, 0);
  for (guint i = 0; people && i < people->len; i++)
    {
      BpPerson *p = people->pdata[i];

      g_ptr_array_add (labels, p->role && *p->role ? g_strdup_printf ("%s (%s)", p->name, p->role)
                                                   : g_strdup (p->name));
      g_array_append_val (ids, p->id);
    }
  g_clear_pointer (&self->person_ids, g_array_unref);
  self->person_ids = fill_choices (self->inputs[F_OWNER], _("No owner"), labels, ids, a->owner_id);

  g_ptr_array_set_size (labels, 0);
  g_array_set_size (ids, 0);
  for (guint i = 0; orgs && i < orgs->len; i++)
    {
      BpOrganisation *o = orgs->pdata[i];

      g_ptr_array_add (labels, g_strdup (o->name));
      g_array_append_val (ids, o->id);
    }
  g_clear_pointer (&self->organisation_ids, g_array_unref);
  self->organisation_ids = fill_choices (self->inputs[F_ORGANISATION], _("None"), labels, ids,
                                         a->organisation_id);
}

/* ---------------------------------------------------- the action row */

static char **
text_field (BpAction *a, Field f)
{
  return (char **) G_STRUCT_MEMBER_P (a, fields[f].offset);
}

static gboolean
same_text (const char *a, const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

static gboolean
field_differs (const BpAction *a, const BpAction *b, Field f)
{
  switch (fields[f].kind)
    {
    case KIND_TEXT:
    case KIND_DATE:
    case KIND_LONG:
      return !same_text (G_STRUCT_MEMBER (char *, a, fields[f].offset),
                         G_STRUCT_MEMBER (char *, b, fields[f].offset));
    case KIND_PRIORITY:
    case KIND_PERSON:
    case KIND_ORG:
      return G_STRUCT_MEMBER (gint64, a, fields[f].offset)
             != G_STRUCT_MEMBER (gint64, b, fields[f].offset);
    case KIND_PERCENT:
      return G_STRUCT_MEMBER (int, a, fields[f].offset)
             != G_STRUCT_MEMBER (int, b, fields[f].offset);
    case KIND_RAG:
    default:
      g_assert_not_reached ();
    }
}

/* Copies field @f of @from into @to. */
static void
copy_field (BpAction *to, const BpAction *from, Field f)
{
  switch (fields[f].kind)
    {
    case KIND_TEXT:
    case KIND_DATE:
    case KIND_LONG:
      g_free (*text_field (to, f));
      *text_field (to, f) = g_strdup (G_STRUCT_MEMBER (char *, from, fields[f].offset));
      break;
    case KIND_PRIORITY:
    case KIND_PERSON:
    case KIND_ORG:
      G_STRUCT_MEMBER (gint64, to, fields[f].offset)
        = G_STRUCT_MEMBER (gint64, from, fields[f].offset);
      break;
    case KIND_PERCENT:
      G_STRUCT_MEMBER (int, to, fields[f].offset) = G_STRUCT_MEMBER (int, from, fields[f].offset);
      break;
    case KIND_RAG:
    default:
      g_assert_not_reached ();
    }
}

static BpAction *
action_copy (const BpAction *a)
{
  BpAction *copy = bp_action_new ();

  copy->id = a->id;
  copy->rag = a->rag;
  copy->position = a->position;
  for (Field f = 0; f < N_ACTION_FIELDS; f++)
    copy_field (copy, a, f);
  return copy;
}

/* The base action with the form's values; a text left as it was keeps
 * the base's value exactly (NULL stays NULL), an emptied one is NULL. */
static BpAction *
read_form (BpActionEditor *self)
{
  BpAction *a = action_copy (self->base);

  for (Field f = 0; f < N_ACTION_FIELDS; f++)
    switch (fields[f].kind)
      {
      case KIND_TEXT:
      case KIND_DATE:
      case KIND_LONG:
        {
          g_autofree char *text = NULL;

          /* A date as the file stores it; text that is no date stays as
           * written, for check_action () to refuse. */
          if (fields[f].kind != KIND_DATE
              || !bp_date_row_get_iso (BP_DATE_ROW (self->inputs[f]), &text, NULL))
            text = input_get_text (self, f);

          if (!same_text (text, *text_field (a, f)))
            {
              g_free (*text_field (a, f));
              *text_field (a, f) = text && *text ? g_steal_pointer (&text) : NULL;
            }
        }
        break;
      case KIND_PRIORITY:
      case KIND_PERSON:
      case KIND_ORG:
        G_STRUCT_MEMBER (gint64, a, fields[f].offset) = input_get_id (self, f);
        break;
      case KIND_PERCENT:
        a->percent = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->inputs[f]));
        break;
      case KIND_RAG:
      default:
        g_assert_not_reached ();
      }
  return a;
}

static void
load_form (BpActionEditor *self)
{
  const BpAction *a = self->base;

  fill_dropdowns (self, a);
  for (Field f = 0; f < N_ACTION_FIELDS; f++)
    switch (fields[f].kind)
      {
      case KIND_TEXT:
      case KIND_DATE:
      case KIND_LONG:
        input_set_text (self, f, G_STRUCT_MEMBER (char *, a, fields[f].offset));
        break;
      case KIND_PRIORITY:
      case KIND_PERSON:
      case KIND_ORG:
        input_set_id (self, f, G_STRUCT_MEMBER (gint64, a, fields[f].offset));
        break;
      case KIND_PERCENT:
        gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->inputs[f]), a->percent);
        break;
      case KIND_RAG:
      default:
        g_assert_not_reached ();
      }
}

/* ---------------------------------------------------------- validation */

/* What is wrong with @a, the form as read_form () read it, field by
 * field, in @messages (each NULL or a message); returns how many
 * problems. The core checks the same rules and more, but cannot tell
 * that a due date is before the start. */
static guint
check_action (BpActionEditor *self, const BpAction *a, char *messages[N_ACTION_FIELDS])
{
  static const Field dates[] = { F_START_DATE, F_DUE_DATE, F_REVISED_DUE_DATE };
  guint n = 0;

  if (bp_text_is_blank (a->ref))
    messages[F_REF] = g_strdup (_("Give the action a reference, such as 3.2."));
  if (a->priority_id <= 0)
    messages[F_PRIORITY] = g_strdup (_("Choose the priority area the action belongs to."));
  if (bp_text_is_blank (a->title))
    messages[F_TITLE] = g_strdup (_("Give the action a title: what will be done."));
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autoptr (GError) error = NULL;

      if (!bp_date_row_get_iso (BP_DATE_ROW (self->inputs[dates[i]]), NULL, &error))
        messages[dates[i]] = g_strdup (error->message);
    }
  if (a->start_date && bp_date_is_valid (a->start_date))
    {
      if (a->due_date && bp_date_is_valid (a->due_date) && strcmp (a->due_date, a->start_date) < 0)
        messages[F_DUE_DATE] = g_strdup (_("The due date is before the start date."));
      if (a->revised_due_date && bp_date_is_valid (a->revised_due_date)
          && strcmp (a->revised_due_date, a->start_date) < 0)
        messages[F_REVISED_DUE_DATE] = g_strdup (_("The revised due date is before the start date."));
    }
  if (a->percent < 0 || a->percent > 100)
    messages[F_PERCENT] = g_strdup (_("The percentage must be from 0 to 100."));

  for (Field f = 0; f < N_ACTION_FIELDS; f++)
    n += messages[f] != NULL;
  return n;
}

/* The field of @first to @last that a core error is about, from the
 * column it names, or -1. */
static int
field_for_error (const GError *error, guint first, guint last)
{
  const char *column = bp_error_get_column (error);

  if (column == NULL)
    return -1;
  for (guint f = first; f <= last; f++)
    if (g_strcmp0 (fields[f].column, column) == 0)
      return f;
  return -1;
}

/* A core message as the field's error: without "action 3.2: ", with a
 * capital first letter. */
static char *
message_for_field (const GError *error)
{
  const char *msg = bp_error_get_detail (error);
  g_autofree char *first = g_utf8_strup (msg, g_utf8_next_char (msg) - msg);

  return g_strconcat (first, g_utf8_next_char (msg), NULL);
}

/* Each field's error is a label under it, its own error row. */
static void
clear_error (BpActionEditor *self, Field f)
{
  bp_form_clear_error (self->inputs[f], GTK_WIDGET (self->errors[f]), self->errors[f]);
}

static void
clear_errors (BpActionEditor *self, Field first, Field last)
{
  for (Field f = first; f <= last; f++)
    clear_error (self, f);
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), FALSE);
}

static void
show_error (BpActionEditor *self, Field f, const char *message, gboolean focus)
{
  bp_form_show_error (self->inputs[f], GTK_WIDGET (self->errors[f]), self->errors[f], message);
  if (focus)
    gtk_widget_grab_focus (self->inputs[f]);
}

static void
show_core_error (BpActionEditor *self, const GError *error, Field first, Field last)
{
  int f = field_for_error (error, first, last);

  if (f >= 0)
    {
      g_autofree char *message = message_for_field (error);

      show_error (self, f, message, TRUE);
    }
  else
    {
      gtk_label_set_text (self->form_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
    }
}

/* ------------------------------------------------------ progress views */

static GtkWidget *
rag_chip_new (BpRag rag)
{
  GtkWidget *chip = gtk_label_new (bp_rag_to_label (rag));

  gtk_widget_set_css_classes (chip, (const char **) bp_action_rag_css_classes (rag));
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  return chip;
}

static GtkWidget *
wrapped_label (const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* What an update asks of the board stands out from its commentary and
 * next steps: the pack puts it before the board for a decision. */
static GtkWidget *
asks_label (const char *asks)
{
  g_autofree char *markup
    = g_markup_printf_escaped ("<b>%s</b> %s", _("Asks of the board:"), asks);
  GtkWidget *label = wrapped_label (NULL, NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  /* Tests find it by this name. */
  gtk_widget_set_name (label, "history-asks");
  return label;
}

static void
remove_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))))
    gtk_list_box_remove (list, child);
}

static GtkWidget *
placeholder_row (const char *text)
{
  GtkWidget *label = wrapped_label (text, "dim-label");

  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  return label;
}

static void
fill_history (BpActionEditor *self)
{
  g_autoptr (GPtrArray) updates = bp_db_list_updates (self->db, self->action_id, NULL);

  remove_rows (self->history_list);
  if (updates == NULL || updates->len == 0)
    {
      gtk_list_box_append (self->history_list, placeholder_row (_("No progress updates yet.")));
      return;
    }
  for (guint i = 0; i < updates->len; i++)
    {
      BpUpdate *u = updates->pdata[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      g_autofree char *date = bp_action_format_date (u->date);
      GtkWidget *date_label = gtk_label_new (date);
      GtkWidget *row;

      gtk_widget_add_css_class (date_label, "heading");
      gtk_box_append (GTK_BOX (top), rag_chip_new (u->rag));
      gtk_box_append (GTK_BOX (top), date_label);
      if (u->author && *u->author)
        gtk_box_append (GTK_BOX (top), wrapped_label (u->author, "dim-label"));
      gtk_box_append (GTK_BOX (box), top);
      if (u->commentary && *u->commentary)
        gtk_box_append (GTK_BOX (box), wrapped_label (u->commentary, NULL));
      if (u->next_steps && *u->next_steps)
        {
          g_autofree char *next = g_strdup_printf (_("Next steps: %s"), u->next_steps);

          gtk_box_append (GTK_BOX (box), wrapped_label (next, "dim-label"));
        }
      if (u->asks && *u->asks)
        gtk_box_append (GTK_BOX (box), asks_label (u->asks));
      gtk_widget_set_margin_top (box, 10);
      gtk_widget_set_margin_bottom (box, 10);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_list_box_append (self->history_list, box);
      row = gtk_widget_get_last_child (GTK_WIDGET (self->history_list));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
}

static void
on_milestone_toggled_cb (GtkCheckButton *check, BpActionEditor *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "milestone-id"));
  g_autoptr (GError) error = NULL;
  g_autoptr (BpMilestone) m = bp_db_get_milestone (self->db, id, &error);
  gboolean done = gtk_check_button_get_active (check);

  if (m == NULL || (m->done_date != NULL) == done)
    return;
  g_free (m->done_date);
  m->done_date = done ? bp_date_today () : NULL;
  if (!bp_db_update_milestone (self->db, m, &error))
    adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
}

static void
fill_milestones (BpActionEditor *self)
{
  g_autoptr (GPtrArray) milestones = bp_db_list_action_milestones (self->db, self->action_id, NULL);
  g_autofree char *today = bp_date_today ();

  remove_rows (self->milestone_list);
  if (milestones == NULL || milestones->len == 0)
    {
      gtk_list_box_append (self->milestone_list, placeholder_row (_("No milestones yet.")));
      return;
    }
  for (guint i = 0; i < milestones->len; i++)
    {
      BpMilestone *m = milestones->pdata[i];
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *check = gtk_check_button_new_with_label (m->title);
      g_autofree char *due = m->due_date ? bp_action_format_date (m->due_date) : NULL;
      g_autofree char *done = m->done_date ? bp_action_format_date (m->done_date) : NULL;
      g_autofree char *when = NULL;
      g_autofree char *a11y = NULL;
      GtkWidget *when_label;

      if (done)
        when = g_strdup_printf (_("Done %s"), done);
      else if (due)
        when = g_strdup_printf (_("Due %s"), due);
      else
        when = g_strdup ("");
      when_label = gtk_label_new (when);
      gtk_widget_add_css_class (when_label, "dim-label");
      gtk_widget_add_css_class (when_label, "numeric");
      if (!done && m->due_date && strcmp (m->due_date, today) < 0)
        gtk_widget_add_css_class (when_label, "error");

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), m->done_date != NULL);
      gtk_widget_set_hexpand (check, TRUE);
      g_object_set_data (G_OBJECT (check), "milestone-id", GSIZE_TO_POINTER ((gsize) m->id));
      a11y = g_strdup_printf (_("Milestone done: %s"), m->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                      -1);
      gtk_widget_set_sensitive (check, !bp_db_is_read_only (self->db));
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_milestone_toggled_cb), self, 0);

      gtk_box_append (GTK_BOX (box), check);
      gtk_box_append (GTK_BOX (box), when_label);
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      gtk_widget_set_margin_start (box, 12);
      gtk_widget_set_margin_end (box, 12);
      gtk_list_box_append (self->milestone_list, box);
      gtk_list_box_row_set_activatable (
        GTK_LIST_BOX_ROW (gtk_widget_get_last_child (GTK_WIDGET (self->milestone_list))), FALSE);
    }
}

/* The heading: reference, title, RAG and where the action stands. */
static void
show_status (BpActionEditor *self, const BpAction *a)
{
  g_autoptr (GString) status = g_string_new (NULL);
  g_autofree char *today = bp_date_today ();
  g_autofree char *heading = NULL;
  const char *due = bp_action_effective_due (a);

  if (self->action_id == 0)
    {
      adw_window_title_set_title (self->window_title, _("New Action"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Action"));
      gtk_label_set_text (self->heading_label, _("New Action"));
      gtk_widget_set_visible (GTK_WIDGET (self->rag_chip), FALSE);
      gtk_label_set_text (self->status_label, "");
      return;
    }

  {
    g_autofree char *title = g_strdup_printf (_("Action %s"), a->ref);

    adw_window_title_set_title (self->window_title, title);
    gtk_window_set_title (GTK_WINDOW (self), title);
  }
  adw_window_title_set_subtitle (self->window_title,
                                 bp_db_is_read_only (self->db) ? _("Read-only") : NULL);
  heading = g_strdup_printf ("%s  %s", a->ref, a->title);
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->rag_chip, bp_rag_to_label (a->rag));
  gtk_widget_set_css_classes (GTK_WIDGET (self->rag_chip),
                              (const char **) bp_action_rag_css_classes (a->rag));
  gtk_widget_set_visible (GTK_WIDGET (self->rag_chip), TRUE);

  if (due && *due)
    {
      g_autofree char *date = bp_action_format_date (due);

      g_string_append_printf (status, _("Due %s"), date);
    }
  else if (a->due_text && *a->due_text)
    g_string_append_printf (status, _("Due: %s"), a->due_text);
  else
    g_string_append (status, _("No due date"));
  if (bp_is_overdue (a->rag, a->due_date, a->revised_due_date, today))
    g_string_append_printf (status, " · %s", _("overdue"));
  g_string_append (status, " · ");
  g_string_append_printf (status, _("%d%% complete"), a->percent);
  gtk_label_set_text (self->status_label, status->str);
}

static void
reload_progress (BpActionEditor *self)
{
  g_autoptr (BpAction) current = NULL;
  g_autoptr (GError) error = NULL;

  if (self->action_id == 0)
    {
      show_status (self, self->base);
      return;
    }
  current = bp_db_get_action (self->db, self->action_id, &error);
  if (current == NULL)
    {
      gtk_label_set_text (self->form_error, _("This action is no longer in the file."));
      gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-update", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-milestone", FALSE);
      return;
    }
  show_status (self, current);
  fill_history (self);
  fill_milestones (self);
}

static gboolean
reload_idle_cb (gpointer data)
{
  BpActionEditor *self = data;

  self->reload_id = 0;
  reload_progress (self);
  return G_SOURCE_REMOVE;
}

static void
on_db_changed_cb (BpDb *db, const char *table, BpActionEditor *self)
{
  if (self->reload_id == 0)
    self->reload_id = g_idle_add (reload_idle_cb, self);
}

static void
on_input_changed_cb (BpActionEditor *self, gpointer input)
{
  for (Field f = 0; f < N_FIELDS; f++)
    if (self->inputs[f] == input
        || (GTK_IS_TEXT_VIEW (self->inputs[f])
            && gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->inputs[f])) == input))
      {
        if (gtk_widget_get_visible (GTK_WIDGET (self->errors[f])))
          clear_error (self, f);
        return;
      }
}

static void
toast_parent (BpActionEditor *self, const char *text)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent)
    bp_widget_toast (GTK_WIDGET (parent), text);
}

static char *
default_author (void)
{
  const char *name = g_get_real_name ();

  if (name == NULL || *name == '\0' || g_str_equal (name, "Unknown"))
    name = g_get_user_name ();
  return g_strdup (name);
}

static void
reset_update_form (BpActionEditor *self, BpRag rag)
{
  g_autofree char *today = bp_date_today ();

  input_set_text (self, F_UPDATE_DATE, today);
  input_set_text (self, F_UPDATE_COMMENTARY, NULL);
  input_set_text (self, F_UPDATE_NEXT_STEPS, NULL);
  input_set_text (self, F_UPDATE_ASKS, NULL);
  input_set_rag (self, F_UPDATE_RAG, rag);
  clear_errors (self, F_UPDATE_DATE, F_UPDATE_LAST);
}

/* ------------------------------------------------------------- actions */

static void
save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpActionEditor *self = BP_ACTION_EDITOR (widget);

  if (bp_action_editor_save (self))
    gtk_window_close (GTK_WINDOW (self));
}

static void
add_update_action (GtkWidget *widget, const char *name, GVariant *param)
{
  bp_action_editor_add_update (BP_ACTION_EDITOR (widget));
}

static void
add_milestone_action (GtkWidget *widget, const char *name, GVariant *param)
{
  BpActionEditor *self = BP_ACTION_EDITOR (widget);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = input_get_text (self, F_MILESTONE_TITLE);
  g_autofree char *due = NULL;
  BpMilestone m = { 0 };

  clear_errors (self, F_MILESTONE_TITLE, F_MILESTONE_DUE);
  if (bp_text_is_blank (title))
    {
      show_error (self, F_MILESTONE_TITLE, _("Say what the milestone is."), TRUE);
      return;
    }
  if (!bp_date_row_check (BP_DATE_ROW (self->inputs[F_MILESTONE_DUE]), &due))
    {
      gtk_widget_grab_focus (self->inputs[F_MILESTONE_DUE]);
      return;
    }
  m.action_id = self->action_id;
  m.title = g_strstrip (title);
  m.due_date = due;
  if (!bp_db_insert_milestone (self->db, &m, &error))
    {
      show_core_error (self, error, F_MILESTONE_TITLE, F_MILESTONE_DUE);
      return;
    }
  input_set_text (self, F_MILESTONE_TITLE, NULL);
  input_set_text (self, F_MILESTONE_DUE, NULL);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  reload_progress (self);
}

/* ------------------------------------------------------------- dialogs */

static void
on_close_response_cb (AdwMessageDialog *dialog, const char *response, BpActionEditor *self)
{
  if (g_str_equal (response, "discard"))
    {
      self->discard = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
  else if (g_str_equal (response, "save"))
    save_action (GTK_WIDGET (self), NULL, NULL);
}

static gboolean
bp_action_editor_close_request (GtkWindow *window)
{
  BpActionEditor *self = BP_ACTION_EDITOR (window);

  if (!self->discard && !bp_db_is_read_only (self->db) && bp_action_editor_is_modified (self))
    {
      g_autofree char *heading = self->action_id
                                   ? g_strdup_printf (_("Save Changes to Action %s?"),
                                                      self->base->ref)
                                   : g_strdup (_("Save the New Action?"));
      GtkWidget *dialog
        = bp_unsaved_changes_dialog_new (window, heading,
                                         _("The changes are lost if you close without saving."),
                                         _("_Keep Editing"));

      g_signal_connect_object (dialog, "response", G_CALLBACK (on_close_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return TRUE;
    }
  return GTK_WINDOW_CLASS (bp_action_editor_parent_class)->close_request (window);
}

/* ----------------------------------------------------------- overrides */

static void
bp_action_editor_dispose (GObject *object)
{
  BpActionEditor *self = BP_ACTION_EDITOR (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->db)
    g_signal_handlers_disconnect_by_data (self->db, self);
  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (object), BP_TYPE_ACTION_EDITOR);
  G_OBJECT_CLASS (bp_action_editor_parent_class)->dispose (object);
}

static void
bp_action_editor_finalize (GObject *object)
{
  BpActionEditor *self = BP_ACTION_EDITOR (object);

  g_clear_pointer (&self->base, bp_action_free);
  g_clear_pointer (&self->priority_ids, g_array_unref);
  g_clear_pointer (&self->person_ids, g_array_unref);
  g_clear_pointer (&self->organisation_ids, g_array_unref);
  G_OBJECT_CLASS (bp_action_editor_parent_class)->finalize (object);
}

static void
bp_action_editor_class_init (BpActionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_action_editor_dispose;
  object_class->finalize = bp_action_editor_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = bp_action_editor_close_request;

  g_type_ensure (BP_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-action-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BpActionEditor, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BpActionEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BpActionEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, BpActionEditor, rag_chip);
  gtk_widget_class_bind_template_child (widget_class, BpActionEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, BpActionEditor, form_error);
  gtk_widget_class_bind_template_child (widget_class, BpActionEditor, new_note);
  gtk_widget_class_bind_template_child (widget_class, BpActionEditor, progress_box);
  gtk_widget_class_bind_template_child (widget_class, BpActionEditor, history_box);
  gtk_widget_class_bind_template_child (widget_class, BpActionEditor, history_list);
  gtk_widget_class_bind_template_child (widget_class, BpActionEditor, milestone_list);
  for (Field f = 0; f < N_FIELDS; f++)
    {
      /* The class keeps these names for as long as the program runs. */
      char *input = g_strdup_printf ("%s_input", fields[f].id);
      char *error = g_strdup_printf ("%s_error", fields[f].id);

      gtk_widget_class_bind_template_child_full (widget_class, input, FALSE,
                                                 G_STRUCT_OFFSET (BpActionEditor, inputs)
                                                   + f * sizeof (GtkWidget *));
      gtk_widget_class_bind_template_child_full (widget_class, error, FALSE,
                                                 G_STRUCT_OFFSET (BpActionEditor, errors)
                                                   + f * sizeof (GtkLabel *));
    }

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-update", NULL, add_update_action);
  gtk_widget_class_install_action (widget_class, "editor.add-milestone", NULL,
                                   add_milestone_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
bp_action_editor_init (BpActionEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (Field f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *input = self->inputs[f];
      g_autofree char *name = g_strdelimit (g_strdup (fields[f].id), "_", '-');
      g_autofree char *error_name = g_strconcat (name, "-error", NULL);

      /* Tests find the fields by these names. */
      gtk_widget_set_name (input, name);
      gtk_widget_set_name (GTK_WIDGET (self->errors[f]), error_name);
      if (GTK_IS_TEXT_VIEW (input))
        g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input)), "changed",
                                 G_CALLBACK (on_input_changed_cb), self, G_CONNECT_SWAPPED);
      else if (GTK_IS_DROP_DOWN (input))
        g_signal_connect_object (input, "notify::selected", G_CALLBACK (on_input_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      else if (GTK_IS_SPIN_BUTTON (input))
        g_signal_connect_object (input, "value-changed", G_CALLBACK (on_input_changed_cb), self,
                                 G_CONNECT_SWAPPED);
      else if (GTK_IS_EDITABLE (input))
        g_signal_connect_object (input, "changed", G_CALLBACK (on_input_changed_cb), self,
                                 G_CONNECT_SWAPPED);
    }
  bp_action_rag_css_install (gtk_widget_get_display (GTK_WIDGET (self)));
}

/* ---------------------------------------------------------- public API */

BpActionEditor *
bp_action_editor_new (BpDb *db, gint64 action_id)
{
  BpActionEditor *self;
  g_autoptr (GError) error = NULL;
  g_autofree char *author = default_author ();
  gboolean writable;

  g_return_val_if_fail (BP_IS_DB (db), NULL);

  self = g_object_new (BP_TYPE_ACTION_EDITOR, NULL);
  self->db = g_object_ref (db);
  self->action_id = action_id;
  writable = !bp_db_is_read_only (db);

  if (action_id)
    self->base = bp_db_get_action (db, action_id, &error);
  if (self->base == NULL)
    {
      g_autoptr (GPtrArray) priorities = bp_db_list_priorities (db, NULL);

      if (error)
        {
          gtk_label_set_text (self->form_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->form_error), TRUE);
          writable = FALSE;
        }
      self->action_id = 0;
      self->base = bp_action_new ();
      if (priorities && priorities->len > 0)
        self->base->priority_id = ((BpPriority *) priorities->pdata[0])->id;
    }

  load_form (self);
  input_set_text (self, F_UPDATE_AUTHOR, author);
  reset_update_form (self, self->base->rag);
  gtk_widget_set_visible (self->progress_box, self->action_id != 0);
  gtk_widget_set_visible (self->history_box, self->action_id != 0);
  gtk_widget_set_visible (GTK_WIDGET (self->new_note), self->action_id == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-update", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.add-milestone", writable);
  reload_progress (self);
  g_signal_connect_object (db, "changed", G_CALLBACK (on_db_changed_cb), self, 0);
  gtk_widget_grab_focus (self->inputs[self->action_id ? F_UPDATE_COMMENTARY : F_REF]);
  return self;
}

BpDb *
bp_action_editor_get_db (BpActionEditor *self)
{
  g_return_val_if_fail (BP_IS_ACTION_EDITOR (self), NULL);
  return self->db;
}

gint64
bp_action_editor_get_action_id (BpActionEditor *self)
{
  g_return_val_if_fail (BP_IS_ACTION_EDITOR (self), 0);
  return self->action_id;
}

gboolean
bp_action_editor_is_modified (BpActionEditor *self)
{
  g_autoptr (BpAction) form = NULL;

  g_return_val_if_fail (BP_IS_ACTION_EDITOR (self), FALSE);

  form = read_form (self);
  for (Field f = 0; f < N_ACTION_FIELDS; f++)
    if (field_differs (form, self->base, f))
      return TRUE;
  return FALSE;
}

gboolean
bp_action_editor_save (BpActionEditor *self)
{
  g_autoptr (BpAction) form = NULL;
  g_autoptr (BpAction) row = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *toast = NULL;
  char *messages[N_ACTION_FIELDS] = { NULL };
  gboolean focused = FALSE;
  guint problems;

  g_return_val_if_fail (BP_IS_ACTION_EDITOR (self), FALSE);

  if (bp_db_is_read_only (self->db))
    return FALSE;
  clear_errors (self, 0, N_ACTION_FIELDS - 1);
  form = read_form (self);
  problems = check_action (self, form, messages);
  if (messages[F_REF] == NULL)
    {
      g_autoptr (BpAction) other = bp_db_find_action (self->db, form->ref, NULL);

      if (other && other->id != self->action_id)
        {
          messages[F_REF] = g_strdup_printf (_("Action %s is already called that: choose another "
                                               "reference."),
                                             other->ref);
          problems++;
        }
    }
  if (problems > 0)
    {
      for (Field f = 0; f < N_ACTION_FIELDS; f++)
        if (messages[f])
          {
            show_error (self, f, messages[f], !focused);
            focused = TRUE;
            g_free (messages[f]);
          }
      return FALSE;
    }

  if (self->action_id == 0)
    {
      g_autoptr (GPtrArray) siblings = NULL;
      BpActionFilter filter = BP_ACTION_FILTER_INIT;

      /* A new action goes last in its priority area. */
      filter.priority_id = form->priority_id;
      siblings = bp_db_list_actions (self->db, &filter, NULL);
      for (guint i = 0; siblings && i < siblings->len; i++)
        form->position = MAX (form->position, ((BpAction *) siblings->pdata[i])->position + 1);
      if (!bp_db_insert_action (self->db, form, &error))
        {
          show_core_error (self, error, 0, N_ACTION_FIELDS - 1);
          return FALSE;
        }
      self->action_id = form->id;
      toast = g_strdup_printf (_("Action %s added"), form->ref);
    }
  else
    {
      gboolean changed = FALSE;

      row = bp_db_get_action (self->db, self->action_id, &error);
      if (row == NULL)
        {
          show_core_error (self, error, 0, N_ACTION_FIELDS - 1);
          return FALSE;
        }
      for (Field f = 0; f < N_ACTION_FIELDS; f++)
        if (field_differs (form, self->base, f))
          {
            copy_field (row, form, f);
            changed = TRUE;
          }
      if (changed && !bp_db_update_action (self->db, row, &error))
        {
          show_core_error (self, error, 0, N_ACTION_FIELDS - 1);
          return FALSE;
        }
      if (changed)
        toast = g_strdup_printf (_("Action %s saved"), row->ref);
    }

  g_clear_pointer (&self->base, bp_action_free);
  self->base = bp_db_get_action (self->db, self->action_id, NULL);
  if (self->base == NULL)
    self->base = action_copy (form);
  if (toast)
    toast_parent (self, toast);
  return TRUE;
}

gboolean
bp_action_editor_add_update (BpActionEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *author = NULL;
  g_autofree char *commentary = NULL;
  g_autofree char *next_steps = NULL;
  g_autofree char *asks = NULL;
  g_autofree char *toast = NULL;
  BpUpdate u = { 0 };

  g_return_val_if_fail (BP_IS_ACTION_EDITOR (self), FALSE);

  if (self->action_id == 0 || bp_db_is_read_only (self->db))
    return FALSE;
  clear_errors (self, F_UPDATE_DATE, F_UPDATE_LAST);
  author = g_strstrip (input_get_text (self, F_UPDATE_AUTHOR));
  commentary = g_strstrip (input_get_text (self, F_UPDATE_COMMENTARY));
  next_steps = g_strstrip (input_get_text (self, F_UPDATE_NEXT_STEPS));
  asks = g_strstrip (input_get_text (self, F_UPDATE_ASKS));
  if (bp_date_row_is_empty (BP_DATE_ROW (self->inputs[F_UPDATE_DATE])))
    {
      show_error (self, F_UPDATE_DATE, _("Give the date of the update (DD/MM/YYYY)."), TRUE);
      return FALSE;
    }
  if (!bp_date_row_check (BP_DATE_ROW (self->inputs[F_UPDATE_DATE]), &date))
    {
      gtk_widget_grab_focus (self->inputs[F_UPDATE_DATE]);
      return FALSE;
    }
  if (*commentary == '\0')
    {
      show_error (self, F_UPDATE_COMMENTARY, _("Write what has happened since the last update."),
                  TRUE);
      return FALSE;
    }

  u.action_id = self->action_id;
  u.date = date;
  u.author = *author ? author : NULL;
  u.rag = input_get_rag (self, F_UPDATE_RAG);
  u.commentary = commentary;
  u.next_steps = *next_steps ? next_steps : NULL;
  u.asks = *asks ? asks : NULL;
  if (!bp_db_add_update (self->db, &u, &error))
    {
      show_core_error (self, error, F_UPDATE_DATE, F_UPDATE_LAST);
      return FALSE;
    }

  reset_update_form (self, u.rag);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  reload_progress (self);
  toast = g_strdup_printf (_("Update added to %s"), self->base->ref);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (toast));
  return TRUE;
}
