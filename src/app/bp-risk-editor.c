/* bp-risk-editor.c: the editor of one risk.
 *
 * Nothing is written while the fields change: Save checks every field,
 * shows each problem beside its field, and only when all are valid writes
 * the risk, its mitigations (added, changed, reordered, removed) and its
 * links with bp_db_save_risk(): one transaction, so that one undo takes
 * the whole edit back.
 */
#include <glib/gi18n.h>

#include "bp-form.h"
#include <string.h>

#include "bp-colours.h"
#include "bp-db-risk.h"
#include "bp-query.h"
#include "bp-risk-editor.h"
#include "bp-rules.h"
#include "bp-window.h"

enum
{
  SCORE_INHERENT,
  SCORE_CURRENT,
  SCORE_TARGET,
  N_SCORES
};

/* One mitigation's row: the widgets that hold its fields. */
typedef struct
{
  BpRiskEditor *editor;
  gint64 id; /* 0: added in this editor */
  int order;  /* sorts the list: rows move by swapping it, not by re-parenting */
  GSimpleActionGroup *actions; /* the row's "mitigation" actions, held by the row */
  AdwExpanderRow *row;
  AdwEntryRow *description;
  AdwComboRow *owner;
  AdwEntryRow *due;
  AdwComboRow *status;
  GtkWidget *description_error_row;
  GtkLabel *description_error;
  GtkWidget *due_error_row;
  GtkLabel *due_error;
} MitigationRow;

struct _BpRiskEditor
{
  AdwWindow parent_instance;

  BpDb *db;
  gint64 risk_id;
  BpRisk *risk;      /* as loaded (a fresh one for a new risk) */
  GPtrArray *people; /* BpPerson*: owner lists show "No owner", then these */
  GPtrArray *bands;  /* BpRiskBand* */
  GtkStringList *owner_model;
  int next_order;

  AdwWindowTitle *window_title;
  GtkLabel *general_error;
  AdwEntryRow *ref_row;
  GtkWidget *ref_error_row;
  GtkLabel *ref_error;
  AdwEntryRow *title_row;
  GtkWidget *title_error_row;
  GtkLabel *title_error;
  AdwComboRow *owner_row;
  AdwComboRow *response_row;
  AdwComboRow *status_row;
  AdwEntryRow *review_row;
  GtkWidget *review_error_row;
  GtkLabel *review_error;
  GtkTextView *cause_view;
  GtkTextView *consequence_view;
  GtkTextView *resources_view;
  AdwComboRow *l_rows[N_SCORES];
  AdwComboRow *i_rows[N_SCORES];
  GtkLabel *score_labels[N_SCORES];
  GtkWidget *score_error_rows[N_SCORES];
  GtkLabel *score_errors[N_SCORES];
  GtkListBox *mitigation_list;
  AdwEntryRow *actions_row;
  GtkWidget *actions_error_row;
  GtkLabel *actions_error;
};

enum
{
  PROP_0,
  PROP_DB,
  PROP_RISK_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BpRiskEditor, bp_risk_editor, ADW_TYPE_WINDOW)

static const char *const response_values[] = { "",         "treat",     "tolerate",
                                               "transfer", "terminate", NULL };
static const char *const response_labels[] = { N_("Not set"), N_("Treat"), N_("Tolerate"),
                                               N_("Transfer"), N_("Terminate"), NULL };
static const char *const status_values[] = { "open", "closed", NULL };
static const char *const status_labels[] = { N_("Open"), N_("Closed"), NULL };
static const char *const mitigation_status_values[] = { "planned", "in progress", "done", NULL };
static const char *const mitigation_status_labels[] = { N_("Planned"), N_("In progress"),
                                                        N_("Done"), NULL };

/* ------------------------------------------------------------ helpers */

/* The colours of chips are the file's own (risk bands) or the report's
 * (RAG), so their classes are made as colours are first seen. */
static GtkCssProvider *
chip_provider (GString **out_css, GHashTable **out_known)
{
  static GtkCssProvider *provider;
  static GString *css;
  static GHashTable *known;

  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      css = g_string_new (".bp-chip { border-radius: 6px; padding: 2px 10px;"
                          " font-weight: bold; }\n");
      known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      gtk_css_provider_load_from_data (provider, css->str, -1);
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  *out_css = css;
  *out_known = known;
  return provider;
}

void
bp_risk_editor_paint_chip (GtkWidget *widget, const char *hex)
{
  GtkCssProvider *provider;
  GString *css;
  GHashTable *known;
  const char *old;
  g_autofree char *colour = NULL;
  g_autofree char *cls = NULL;
  BpRgb rgb;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  provider = chip_provider (&css, &known);
  gtk_widget_add_css_class (widget, "bp-chip");
  old = g_object_get_data (G_OBJECT (widget), "bp-chip-class");
  if (old)
    gtk_widget_remove_css_class (widget, old);
  if (hex == NULL || !bp_colours_parse (hex, &rgb))
    {
      g_object_set_data (G_OBJECT (widget), "bp-chip-class", NULL);
      return;
    }
  colour = bp_colours_to_string (rgb);
  cls = g_strdup_printf ("bp-fill-%s", colour + 1);
  if (!g_hash_table_contains (known, cls))
    {
      g_autofree char *ink = bp_colours_to_string (bp_colours_text_on (rgb));

      g_string_append_printf (css, ".%s { background-color: %s; color: %s; }\n", cls, colour, ink);
      g_hash_table_add (known, g_strdup (cls));
      gtk_css_provider_load_from_data (provider, css->str, -1);
    }
  gtk_widget_add_css_class (widget, cls);
  g_object_set_data_full (G_OBJECT (widget), "bp-chip-class", g_steal_pointer (&cls), g_free);
}

/* Reads a date as people write it here (31/07/2025, 31/7/2025) or as the
 * file stores it (2025-07-31). Empty text is "no date" (*out_iso NULL). */
static char *
bad_date_message (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  return g_strdup_printf (_("“%s” is not a date: write it as DD/MM/YYYY, for example 31/07/2025."),
                          trimmed);
}

static char *
text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static void
text_view_set (GtkTextView *view, const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

/* The entry's text without surrounding space, or NULL when empty. */
static char *
entry_get (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* A combo row of fixed choices whose stored values differ from their
 * labels; a stored value not among them is kept as a choice of its own. */
static void
choice_setup (AdwComboRow *row, const char *const *values, const char *const *labels,
              const char *current)
{
  GtkStringList *model = gtk_string_list_new (NULL);
  GPtrArray *stored = g_ptr_array_new_with_free_func (g_free);
  guint selected = 0;

  for (guint i = 0; values[i]; i++)
    {
      gtk_string_list_append (model, _(labels[i]));
      g_ptr_array_add (stored, g_strdup (values[i]));
      if (current && g_ascii_strcasecmp (current, values[i]) == 0)
        selected = i;
    }
  if (current && *current && !g_strv_contains ((const char *const *) values, current))
    {
      gboolean found = FALSE;

      for (guint i = 0; values[i]; i++)
        found |= g_ascii_strcasecmp (current, values[i]) == 0;
      if (!found)
        {
          gtk_string_list_append (model, current);
          g_ptr_array_add (stored, g_strdup (current));
          selected = stored->len - 1;
        }
    }
  g_object_set_data_full (G_OBJECT (row), "bp-values", stored, (GDestroyNotify) g_ptr_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
  g_object_unref (model);
}

/* The stored value of the chosen item; NULL for "not set". */
static const char *
choice_get (AdwComboRow *row)
{
  GPtrArray *stored = g_object_get_data (G_OBJECT (row), "bp-values");
  guint selected = adw_combo_row_get_selected (row);
  const char *value;

  if (stored == NULL || selected >= stored->len)
    return NULL;
  value = g_ptr_array_index (stored, selected);
  return *value ? value : NULL;
}

static void
choice_set (AdwComboRow *row, const char *value)
{
  GPtrArray *stored = g_object_get_data (G_OBJECT (row), "bp-values");

  for (guint i = 0; stored && i < stored->len; i++)
    if (g_strcmp0 (g_ptr_array_index (stored, i), value) == 0)
      adw_combo_row_set_selected (row, i);
}

static GtkStringList *
scale_model (const char *(*label) (int))
{
  GtkStringList *model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("Not scored"));
  for (int i = 1; i <= 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d %s", i, label (i));

      gtk_string_list_append (model, text);
    }
  return model;
}

static guint
owner_index (BpRiskEditor *self, gint64 person_id)
{
  for (guint i = 0; person_id > 0 && i < self->people->len; i++)
    if (((BpPerson *) self->people->pdata[i])->id == person_id)
      return i + 1;
  return 0;
}

static gint64
owner_id (BpRiskEditor *self, AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->people->len)
    return 0;
  return ((BpPerson *) self->people->pdata[selected - 1])->id;
}

/* ------------------------------------------------------- field errors */

static MitigationRow *
mitigation_of (GtkWidget *row)
{
  return g_object_get_data (G_OBJECT (row), "bp-mitigation");
}

/* Rows in the list's order (its sort order, by MitigationRow.order). */
static MitigationRow *
nth_mitigation (BpRiskEditor *self, guint index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->mitigation_list, index);

  return row ? mitigation_of (GTK_WIDGET (row)) : NULL;
}

static guint
n_mitigations (BpRiskEditor *self)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (self->mitigation_list, n))
    n++;
  return n;
}

static int
mitigation_sort_cb (GtkListBoxRow *a, GtkListBoxRow *b, gpointer data)
{
  MitigationRow *ma = mitigation_of (GTK_WIDGET (a));
  MitigationRow *mb = mitigation_of (GTK_WIDGET (b));

  return (ma->order > mb->order) - (ma->order < mb->order);
}

static void
clear_all_errors (BpRiskEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
  bp_form_clear_error (GTK_WIDGET (self->ref_row), self->ref_error_row, self->ref_error);
  bp_form_clear_error (GTK_WIDGET (self->title_row), self->title_error_row, self->title_error);
  bp_form_clear_error (GTK_WIDGET (self->review_row), self->review_error_row, self->review_error);
  bp_form_clear_error (GTK_WIDGET (self->actions_row), self->actions_error_row, self->actions_error);
  for (guint k = 0; k < N_SCORES; k++)
    bp_form_clear_error (GTK_WIDGET (self->l_rows[k]), self->score_error_rows[k], self->score_errors[k]);
  for (guint k = 0; gtk_list_box_get_row_at_index (self->mitigation_list, k); k++)
    {
      MitigationRow *m = nth_mitigation (self, k);

      if (m == NULL)
        continue;
      bp_form_clear_error (GTK_WIDGET (m->description), m->description_error_row, m->description_error);
      bp_form_clear_error (GTK_WIDGET (m->due), m->due_error_row, m->due_error);
    }
}

static GtkWidget *
make_error_row (GtkLabel **out_label)
{
  GtkWidget *row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE,
                                 "focusable", FALSE, "visible", FALSE, NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  *out_label = GTK_LABEL (label);
  return row;
}

/* -------------------------------------------------------------- scores */

static void
update_scores (BpRiskEditor *self)
{
  for (guint k = 0; k < N_SCORES; k++)
    {
      int l = adw_combo_row_get_selected (self->l_rows[k]);
      int i = adw_combo_row_get_selected (self->i_rows[k]);
      GtkWidget *chip = GTK_WIDGET (self->score_labels[k]);
      g_autofree char *text = NULL;
      g_autofree char *detail = NULL;
      const BpRiskBand *band = NULL;

      if (l <= 0 && i <= 0)
        text = g_strdup (_("Not scored"));
      else if (l <= 0 || i <= 0 || l > 5 || i > 5)
        text = g_strdup (_("Score both likelihood and impact"));
      else
        {
          int score = bp_risk_score (l, i);

          band = bp_risk_band_for_score (self->bands, score);
          /* Text, not colour alone: the band's name is in the chip. */
          text = band ? g_strdup_printf (_("Score %d — %s"), score, band->name)
                      : g_strdup_printf (_("Score %d"), score);
          detail = g_strdup_printf (_("%d %s × %d %s = %d"), l, bp_likelihood_label (l), i,
                                    bp_impact_label (i), score);
        }
      gtk_label_set_text (GTK_LABEL (chip), text);
      gtk_widget_set_tooltip_text (chip, detail);
      bp_risk_editor_paint_chip (chip, band ? band->colour : NULL);
      if (l > 0 && i > 0)
        bp_form_clear_error (GTK_WIDGET (self->l_rows[k]), self->score_error_rows[k],
                     self->score_errors[k]);
    }
}

static void
on_score_changed_cb (BpRiskEditor *self, GParamSpec *pspec, AdwComboRow *row)
{
  update_scores (self);
}

static void
on_field_changed_cb (BpRiskEditor *self, GtkEditable *editable)
{
  GtkWidget *field = GTK_WIDGET (editable);

  if (field == GTK_WIDGET (self->ref_row))
    bp_form_clear_error (field, self->ref_error_row, self->ref_error);
  else if (field == GTK_WIDGET (self->title_row))
    bp_form_clear_error (field, self->title_error_row, self->title_error);
  else if (field == GTK_WIDGET (self->review_row))
    bp_form_clear_error (field, self->review_error_row, self->review_error);
  else if (field == GTK_WIDGET (self->actions_row))
    bp_form_clear_error (field, self->actions_error_row, self->actions_error);
}

static void
on_owner_changed_cb (BpRiskEditor *self, GParamSpec *pspec, AdwComboRow *row)
{
  guint selected = adw_combo_row_get_selected (row);
  const BpPerson *person = NULL;

  if (selected > 0 && selected <= self->people->len)
    person = self->people->pdata[selected - 1];
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), person && person->role ? person->role : "");
}

/* --------------------------------------------------------- mitigations */

/* Each row has its own actions, so that "up" can be off on the first row
 * only: a button's sensitivity follows its action. */
static void
set_row_action_enabled (MitigationRow *m, const char *name, gboolean enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (m->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
mitigation_update_summary (MitigationRow *m)
{
  BpRiskEditor *self = m->editor;
  const char *description = gtk_editable_get_text (GTK_EDITABLE (m->description));
  const char *status = choice_get (m->status);
  GtkStringList *statuses = GTK_STRING_LIST (adw_combo_row_get_model (m->status));
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *due_iso = NULL;
  gint64 owner = owner_id (self, m->owner);
  gboolean done = g_strcmp0 (status, "done") == 0;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (m->row),
                                 *description ? description : _("New mitigation"));
  for (guint i = 0; owner && i < self->people->len; i++)
    if (((BpPerson *) self->people->pdata[i])->id == owner)
      g_string_append (subtitle, ((BpPerson *) self->people->pdata[i])->name);
  if (bp_date_parse_uk (gtk_editable_get_text (GTK_EDITABLE (m->due)), &due_iso) && due_iso)
    {
      g_autofree char *uk = bp_date_format_uk (due_iso);

      if (subtitle->len)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("due %s"), uk);
    }
  g_string_append_printf (subtitle, "%s%s", subtitle->len ? " · " : "",
                          gtk_string_list_get_string (statuses,
                                                      adw_combo_row_get_selected (m->status)));
  adw_expander_row_set_subtitle (m->row, subtitle->str);
  set_row_action_enabled (m, "complete", !done);
}

static void
on_mitigation_changed_cb (MitigationRow *m)
{
  bp_form_clear_error (GTK_WIDGET (m->description), m->description_error_row, m->description_error);
  bp_form_clear_error (GTK_WIDGET (m->due), m->due_error_row, m->due_error);
  mitigation_update_summary (m);
}

/* Up is disabled on the first row and down on the last. */
static void
update_mitigation_buttons (BpRiskEditor *self)
{
  guint n = n_mitigations (self);

  for (guint k = 0; k < n; k++)
    {
      MitigationRow *m = nth_mitigation (self, k);

      set_row_action_enabled (m, "move-up", k > 0);
      set_row_action_enabled (m, "move-down", k + 1 < n);
    }
}

static GtkWidget *
make_row_button (const char *icon, const char *tooltip, const char *action, const char *name)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_name (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static void move_mitigation (MitigationRow *m, int delta);
static void complete_mitigation (MitigationRow *m);
static void remove_mitigation (MitigationRow *m);

static void
move_up_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  move_mitigation (data, -1);
}

static void
move_down_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  move_mitigation (data, +1);
}

static void
complete_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  complete_mitigation (data);
}

static void
remove_cb (GSimpleAction *action, GVariant *param, gpointer data)
{
  remove_mitigation (data);
}

static MitigationRow *
add_mitigation_row (BpRiskEditor *self, const BpMitigation *mitigation)
{
  MitigationRow *m = g_new0 (MitigationRow, 1);
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *due = bp_date_format_uk (mitigation->due_date);

  static const GActionEntry entries[] = {
    { "move-up", move_up_cb },
    { "move-down", move_down_cb },
    { "complete", complete_cb },
    { "remove", remove_cb },
  };

  m->editor = self;
  m->id = mitigation->id;
  m->order = ++self->next_order;
  m->row = ADW_EXPANDER_ROW (row);
  gtk_widget_set_name (row, "mitigation-row");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  g_object_set_data_full (G_OBJECT (row), "bp-mitigation", m, g_free);
  m->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (m->actions), entries, G_N_ELEMENTS (entries), m);
  gtk_widget_insert_action_group (row, "mitigation", G_ACTION_GROUP (m->actions));
  g_object_unref (m->actions); /* the row holds it */

  /* Actions are packed from the end: this shows up, down, complete, remove. */
  adw_expander_row_add_action (m->row,
                               make_row_button ("user-trash-symbolic", _("Remove mitigation"),
                                                "mitigation.remove", "mitigation-remove"));
  adw_expander_row_add_action (m->row,
                               make_row_button ("object-select-symbolic",
                                                _("Mark mitigation complete"),
                                                "mitigation.complete", "mitigation-complete"));
  adw_expander_row_add_action (m->row,
                               make_row_button ("go-down-symbolic", _("Move mitigation down"),
                                                "mitigation.move-down", "mitigation-down"));
  adw_expander_row_add_action (m->row,
                               make_row_button ("go-up-symbolic", _("Move mitigation up"),
                                                "mitigation.move-up", "mitigation-up"));

  m->description = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (m->description), _("Description"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (m->description), FALSE);
  gtk_widget_set_name (GTK_WIDGET (m->description), "mitigation-description");
  gtk_accessible_update_property (GTK_ACCESSIBLE (m->description), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mitigation description"), -1);
  gtk_editable_set_text (GTK_EDITABLE (m->description),
                         mitigation->description ? mitigation->description : "");
  adw_expander_row_add_row (m->row, GTK_WIDGET (m->description));
  m->description_error_row = make_error_row (&m->description_error);
  gtk_widget_set_name (GTK_WIDGET (m->description_error), "mitigation-description-error");
  adw_expander_row_add_row (m->row, m->description_error_row);

  m->owner = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (m->owner), _("Owner"));
  gtk_widget_set_name (GTK_WIDGET (m->owner), "mitigation-owner");
  gtk_accessible_update_property (GTK_ACCESSIBLE (m->owner), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mitigation owner"), -1);
  adw_combo_row_set_model (m->owner, G_LIST_MODEL (self->owner_model));
  adw_combo_row_set_selected (m->owner, owner_index (self, mitigation->owner_id));
  adw_expander_row_add_row (m->row, GTK_WIDGET (m->owner));

  m->due = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (m->due), _("Due date (DD/MM/YYYY)"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (m->due), FALSE);
  gtk_widget_set_name (GTK_WIDGET (m->due), "mitigation-due");
  gtk_accessible_update_property (GTK_ACCESSIBLE (m->due), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mitigation due date"), -1);
  gtk_editable_set_text (GTK_EDITABLE (m->due), due);
  adw_expander_row_add_row (m->row, GTK_WIDGET (m->due));
  m->due_error_row = make_error_row (&m->due_error);
  gtk_widget_set_name (GTK_WIDGET (m->due_error), "mitigation-due-error");
  adw_expander_row_add_row (m->row, m->due_error_row);

  m->status = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (m->status), _("Status"));
  gtk_widget_set_name (GTK_WIDGET (m->status), "mitigation-status");
  gtk_accessible_update_property (GTK_ACCESSIBLE (m->status), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mitigation status"), -1);
  choice_setup (m->status, mitigation_status_values, mitigation_status_labels,
                mitigation->status ? mitigation->status : "planned");
  adw_expander_row_add_row (m->row, GTK_WIDGET (m->status));

  g_signal_connect_swapped (m->description, "changed", G_CALLBACK (on_mitigation_changed_cb), m);
  g_signal_connect_swapped (m->due, "changed", G_CALLBACK (on_mitigation_changed_cb), m);
  g_signal_connect_swapped (m->owner, "notify::selected", G_CALLBACK (on_mitigation_changed_cb),
                            m);
  g_signal_connect_swapped (m->status, "notify::selected", G_CALLBACK (on_mitigation_changed_cb),
                            m);

  gtk_list_box_append (self->mitigation_list, row);
  mitigation_update_summary (m);
  update_mitigation_buttons (self);
  return m;
}

/* The row's button named @name (it is inside the expander's header). */
static GtkWidget *
find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_named (c, name);

      if (found)
        return found;
    }
  return NULL;
}

/* Swaps the row with its neighbour. Re-sorting reorders the rows in
 * place; removing and inserting one would re-parent it, and GTK 4.8's
 * buttons then stop following their row's actions. */
static void
move_mitigation (MitigationRow *m, int delta)
{
  BpRiskEditor *self = m->editor;
  int to = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (m->row)) + delta;
  MitigationRow *other = to >= 0 ? nth_mitigation (self, to) : NULL;
  const char *focus;
  int order;

  if (other == NULL)
    return;
  order = m->order;
  m->order = other->order;
  other->order = order;
  gtk_list_box_invalidate_sort (self->mitigation_list);
  update_mitigation_buttons (self);
  /* Keyboard users keep their place: on the button they pressed, or on
   * the other one when the row has reached the end. */
  focus = delta < 0 ? "mitigation-up" : "mitigation-down";
  if ((delta < 0 && to == 0) || (delta > 0 && (guint) to + 1 == n_mitigations (self)))
    focus = delta < 0 ? "mitigation-down" : "mitigation-up";
  if (find_named (GTK_WIDGET (m->row), focus))
    gtk_widget_grab_focus (find_named (GTK_WIDGET (m->row), focus));
}

static void
complete_mitigation (MitigationRow *m)
{
  choice_set (m->status, "done");
}

static void
remove_mitigation (MitigationRow *m)
{
  BpRiskEditor *self = m->editor;

  gtk_list_box_remove (self->mitigation_list, GTK_WIDGET (m->row));
  update_mitigation_buttons (self);
}

/* ---------------------------------------------------------------- load */

static void
set_window_title (BpRiskEditor *self)
{
  if (self->risk_id == 0)
    {
      adw_window_title_set_title (self->window_title, _("New Risk"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("New Risk"));
    }
  else
    {
      g_autofree char *title = g_strdup_printf (_("Risk %s"), self->risk->ref);

      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, self->risk->title);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
}

/* The next free reference: one more than the highest R<n>. */
static char *
next_ref (GPtrArray *risks)
{
  int highest = 0;

  for (guint i = 0; risks && i < risks->len; i++)
    {
      const char *ref = ((BpRisk *) risks->pdata[i])->ref;

      if (ref && (ref[0] == 'R' || ref[0] == 'r') && g_ascii_isdigit (ref[1]))
        highest = MAX (highest, atoi (ref + 1));
    }
  return g_strdup_printf ("R%d", highest + 1);
}

static void
show_general_error (BpRiskEditor *self, const char *message)
{
  gtk_label_set_text (self->general_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
}

static void
load (BpRiskEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) mitigations = NULL;
  g_autofree char *review = NULL;
  g_autofree char *refs = NULL;
  g_auto (GStrv) linked = NULL;
  int scores[N_SCORES][2];

  self->people = bp_db_list_people (self->db, &error);
  if (self->people == NULL)
    {
      self->people = g_ptr_array_new ();
      show_general_error (self, error->message);
      g_clear_error (&error);
    }
  self->bands = bp_db_list_risk_bands (self->db, NULL);
  if (self->bands == NULL)
    self->bands = g_ptr_array_new ();

  gtk_string_list_append (self->owner_model, _("No owner"));
  for (guint i = 0; i < self->people->len; i++)
    gtk_string_list_append (self->owner_model, ((BpPerson *) self->people->pdata[i])->name);
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (self->owner_model));

  if (self->risk_id > 0)
    {
      self->risk = bp_db_get_risk (self->db, self->risk_id, &error);
      if (self->risk == NULL)
        {
          show_general_error (self, error->message);
          g_clear_error (&error);
          self->risk_id = 0;
        }
    }
  if (self->risk == NULL)
    {
      g_autoptr (GPtrArray) risks = bp_db_list_risks (self->db, NULL);

      self->risk = bp_risk_new ();
      self->risk->ref = next_ref (risks);
      self->risk->status = g_strdup ("open");
      for (guint i = 0; risks && i < risks->len; i++)
        self->risk->position = MAX (self->risk->position,
                                    ((BpRisk *) risks->pdata[i])->position + 1);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->ref_row), self->risk->ref ? self->risk->ref : "");
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         self->risk->title ? self->risk->title : "");
  adw_combo_row_set_selected (self->owner_row, owner_index (self, self->risk->owner_id));
  on_owner_changed_cb (self, NULL, self->owner_row);
  choice_setup (self->response_row, response_values, response_labels, self->risk->response);
  choice_setup (self->status_row, status_values, status_labels, self->risk->status);
  review = bp_date_format_uk (self->risk->review_date);
  gtk_editable_set_text (GTK_EDITABLE (self->review_row), review);
  text_view_set (self->cause_view, self->risk->cause);
  text_view_set (self->consequence_view, self->risk->consequence);
  text_view_set (self->resources_view, self->risk->resources);

  scores[SCORE_INHERENT][0] = self->risk->inherent_l;
  scores[SCORE_INHERENT][1] = self->risk->inherent_i;
  scores[SCORE_CURRENT][0] = self->risk->current_l;
  scores[SCORE_CURRENT][1] = self->risk->current_i;
  scores[SCORE_TARGET][0] = self->risk->target_l;
  scores[SCORE_TARGET][1] = self->risk->target_i;
  for (guint k = 0; k < N_SCORES; k++)
    {
      adw_combo_row_set_selected (self->l_rows[k], CLAMP (scores[k][0], 0, 5));
      adw_combo_row_set_selected (self->i_rows[k], CLAMP (scores[k][1], 0, 5));
    }

  if (self->risk_id > 0)
    {
      mitigations = bp_db_list_mitigations (self->db, self->risk_id, NULL);
      for (guint i = 0; mitigations && i < mitigations->len; i++)
        add_mitigation_row (self, mitigations->pdata[i]);
      linked = bp_db_risk_action_refs (self->db, self->risk_id, NULL);
    }
  refs = linked ? g_strjoinv (", ", linked) : g_strdup ("");
  gtk_editable_set_text (GTK_EDITABLE (self->actions_row), refs);

  set_window_title (self);
  update_scores (self);
  clear_all_errors (self);

  if (bp_db_is_read_only (self->db))
    {
      g_autofree char *msg = g_strdup_printf (_("The file is open read-only, so changes cannot be "
                                                "saved: %s"),
                                              bp_db_get_read_only_reason (self->db));

      show_general_error (self, msg);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", FALSE);
    }
}

/* ---------------------------------------------------------------- save */

/* Splits "1.3, 1.8; 1.9" into references. */
static GStrv
split_refs (const char *text)
{
  g_auto (GStrv) parts = g_strsplit_set (text ? text : "", ",; \t", -1);
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv refs;

  for (guint i = 0; parts[i]; i++)
    if (*parts[i])
      {
        gboolean seen = FALSE;

        for (guint j = 0; j < i; j++)
          seen |= g_str_equal (parts[j], parts[i]);
        if (!seen)
          g_strv_builder_add (builder, parts[i]);
      }
  refs = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return refs;
}

/* Reads and checks every field; shows each problem beside its field.
 * Returns the risk to write, or NULL. *out_links gets the action ids. */
static BpRisk *
collect (BpRiskEditor *self, GArray **out_links)
{
  g_autoptr (BpRisk) risk = bp_risk_new ();
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) risks = NULL;
  g_auto (GStrv) refs = NULL;
  g_autoptr (GString) unknown = g_string_new (NULL);
  GtkWidget *first_bad = NULL;
  int *scores[N_SCORES][2];
  const char *review_text;

#define BAD(field)                                                                           \
  G_STMT_START                                                                               \
  {                                                                                          \
    if (first_bad == NULL)                                                                   \
      first_bad = GTK_WIDGET (field);                                                        \
  }                                                                                          \
  G_STMT_END

  risk->id = self->risk_id;
  risk->position = self->risk->position;
  risk->ref = entry_get (self->ref_row);
  risk->title = entry_get (self->title_row);
  risk->owner_id = owner_id (self, self->owner_row);
  risk->response = g_strdup (choice_get (self->response_row));
  risk->status = g_strdup (choice_get (self->status_row));
  risk->cause = text_view_get (self->cause_view);
  risk->consequence = text_view_get (self->consequence_view);
  risk->resources = text_view_get (self->resources_view);

  if (risk->ref == NULL)
    {
      bp_form_show_error (GTK_WIDGET (self->ref_row), self->ref_error_row, self->ref_error,
                  _("Enter a reference for the risk, such as R15."));
      BAD (self->ref_row);
    }
  else
    {
      risks = bp_db_list_risks (self->db, NULL);
      for (guint i = 0; risks && i < risks->len; i++)
        {
          BpRisk *other = risks->pdata[i];

          if (other->id != self->risk_id && g_strcmp0 (other->ref, risk->ref) == 0)
            {
              g_autofree char *msg =
                g_strdup_printf (_("Risk %s already exists: choose another reference."),
                                 risk->ref);

              bp_form_show_error (GTK_WIDGET (self->ref_row), self->ref_error_row, self->ref_error, msg);
              BAD (self->ref_row);
              break;
            }
        }
    }
  if (risk->title == NULL)
    {
      bp_form_show_error (GTK_WIDGET (self->title_row), self->title_error_row, self->title_error,
                  _("Enter the risk: what could happen, in a sentence."));
      BAD (self->title_row);
    }

  review_text = gtk_editable_get_text (GTK_EDITABLE (self->review_row));
  if (!bp_date_parse_uk (review_text, &risk->review_date))
    {
      g_autofree char *msg = bad_date_message (review_text);

      bp_form_show_error (GTK_WIDGET (self->review_row), self->review_error_row, self->review_error, msg);
      BAD (self->review_row);
    }

  scores[SCORE_INHERENT][0] = &risk->inherent_l;
  scores[SCORE_INHERENT][1] = &risk->inherent_i;
  scores[SCORE_CURRENT][0] = &risk->current_l;
  scores[SCORE_CURRENT][1] = &risk->current_i;
  scores[SCORE_TARGET][0] = &risk->target_l;
  scores[SCORE_TARGET][1] = &risk->target_i;
  for (guint k = 0; k < N_SCORES; k++)
    {
      guint l = adw_combo_row_get_selected (self->l_rows[k]);
      guint i = adw_combo_row_get_selected (self->i_rows[k]);

      if (l > 5 || i > 5)
        {
          bp_form_show_error (GTK_WIDGET (self->l_rows[k]), self->score_error_rows[k],
                      self->score_errors[k],
                      _("Likelihood and impact are each scored from 1 to 5."));
          BAD (self->l_rows[k]);
          continue;
        }
      if ((l == 0) != (i == 0))
        {
          bp_form_show_error (GTK_WIDGET (self->l_rows[k]), self->score_error_rows[k],
                      self->score_errors[k],
                      _("Score both the likelihood and the impact, or neither."));
          BAD (l == 0 ? self->l_rows[k] : self->i_rows[k]);
        }
      *scores[k][0] = l;
      *scores[k][1] = i;
    }

  for (guint k = 0; gtk_list_box_get_row_at_index (self->mitigation_list, k); k++)
    {
      MitigationRow *m = nth_mitigation (self, k);
      g_autofree char *description = NULL;
      g_autofree char *due = NULL;
      const char *due_text;

      if (m == NULL)
        continue;
      description = entry_get (m->description);
      if (description == NULL)
        {
          bp_form_show_error (GTK_WIDGET (m->description), m->description_error_row, m->description_error,
                      _("Describe the mitigation, or remove it."));
          adw_expander_row_set_expanded (m->row, TRUE);
          BAD (m->description);
        }
      due_text = gtk_editable_get_text (GTK_EDITABLE (m->due));
      if (!bp_date_parse_uk (due_text, &due))
        {
          g_autofree char *msg = bad_date_message (due_text);

          bp_form_show_error (GTK_WIDGET (m->due), m->due_error_row, m->due_error, msg);
          adw_expander_row_set_expanded (m->row, TRUE);
          BAD (m->due);
        }
    }

  refs = split_refs (gtk_editable_get_text (GTK_EDITABLE (self->actions_row)));
  for (guint i = 0; refs[i]; i++)
    {
      g_autoptr (BpAction) action = bp_db_find_action (self->db, refs[i], NULL);

      if (action)
        g_array_append_val (links, action->id);
      else
        g_string_append_printf (unknown, "%s%s", unknown->len ? ", " : "", refs[i]);
    }
  if (unknown->len)
    {
      g_autofree char *msg =
        g_strdup_printf (_("The plan has no action %s: check the reference."), unknown->str);

      bp_form_show_error (GTK_WIDGET (self->actions_row), self->actions_error_row, self->actions_error,
                  msg);
      BAD (self->actions_row);
    }
#undef BAD

  if (first_bad)
    {
      gtk_widget_grab_focus (first_bad);
      return NULL;
    }
  *out_links = g_steal_pointer (&links);
  return g_steal_pointer (&risk);
}

gboolean
bp_risk_editor_save (BpRiskEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpRisk) risk = NULL;
  g_autoptr (GArray) links = NULL;
  g_autoptr (GPtrArray) mitigations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) bp_mitigation_free);
  g_autoptr (GPtrArray) rows = g_ptr_array_new (); /* MitigationRow*, as mitigations */

  g_return_val_if_fail (BP_IS_RISK_EDITOR (self), FALSE);

  clear_all_errors (self);
  risk = collect (self, &links);
  if (risk == NULL)
    return FALSE;

  for (guint k = 0; gtk_list_box_get_row_at_index (self->mitigation_list, k); k++)
    {
      MitigationRow *m = nth_mitigation (self, k);
      BpMitigation *row;

      if (m == NULL)
        continue;
      row = g_new0 (BpMitigation, 1);
      row->id = m->id;
      row->description = entry_get (m->description);
      row->owner_id = owner_id (self, m->owner);
      bp_date_parse_uk (gtk_editable_get_text (GTK_EDITABLE (m->due)), &row->due_date);
      row->status = g_strdup (choice_get (m->status));
      g_ptr_array_add (mitigations, row);
      g_ptr_array_add (rows, m);
    }
  if (!bp_db_save_risk (self->db, risk, mitigations, links, &error))
    {
      show_general_error (self, error->message);
      return FALSE;
    }

  /* Written: the editor now shows the file's state. */
  for (guint i = 0; i < rows->len; i++)
    ((MitigationRow *) rows->pdata[i])->id = ((BpMitigation *) mitigations->pdata[i])->id;
  self->risk_id = risk->id;
  bp_risk_free (self->risk);
  self->risk = g_steal_pointer (&risk);
  set_window_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RISK_ID]);
  return TRUE;
}

/* ------------------------------------------------------------- actions */

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BpRiskEditor *self = BP_RISK_EDITOR (widget);
  gboolean is_new = self->risk_id == 0;
  GtkWindow *parent;
  g_autofree char *msg = NULL;

  if (!bp_risk_editor_save (self))
    return;
  msg = g_strdup_printf (is_new ? _("Risk %s added") : _("Risk %s saved"), self->risk->ref);
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent)
    bp_widget_toast (GTK_WIDGET (parent), msg);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
add_mitigation_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BpRiskEditor *self = BP_RISK_EDITOR (widget);
  BpMitigation fresh = { 0 };
  MitigationRow *m;

  fresh.owner_id = owner_id (self, self->owner_row);
  fresh.status = (char *) "planned";
  m = add_mitigation_row (self, &fresh);
  adw_expander_row_set_expanded (m->row, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (m->description));
}

/* ----------------------------------------------------------- overrides */

static void
bp_risk_editor_constructed (GObject *object)
{
  BpRiskEditor *self = BP_RISK_EDITOR (object);

  G_OBJECT_CLASS (bp_risk_editor_parent_class)->constructed (object);
  g_return_if_fail (self->db != NULL);
  load (self);
}

static void
bp_risk_editor_dispose (GObject *object)
{
  BpRiskEditor *self = BP_RISK_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_RISK_EDITOR);
  g_clear_object (&self->db);
  g_clear_object (&self->owner_model);
  G_OBJECT_CLASS (bp_risk_editor_parent_class)->dispose (object);
}

static void
bp_risk_editor_finalize (GObject *object)
{
  BpRiskEditor *self = BP_RISK_EDITOR (object);

  g_clear_pointer (&self->risk, bp_risk_free);
  g_clear_pointer (&self->people, g_ptr_array_unref);
  g_clear_pointer (&self->bands, g_ptr_array_unref);
  G_OBJECT_CLASS (bp_risk_editor_parent_class)->finalize (object);
}

static void
bp_risk_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BpRiskEditor *self = BP_RISK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_RISK_ID:
      g_value_set_int64 (value, self->risk_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_risk_editor_set_property (GObject *object, guint prop_id, const GValue *value,
                             GParamSpec *pspec)
{
  BpRiskEditor *self = BP_RISK_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;
    case PROP_RISK_ID:
      self->risk_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define BIND_ARRAY(name, member, k)                                                         \
  gtk_widget_class_bind_template_child_full (widget_class, name, FALSE,                    \
                                             G_STRUCT_OFFSET (BpRiskEditor, member[k]))

static void
bp_risk_editor_class_init (BpRiskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bp_risk_editor_constructed;
  object_class->dispose = bp_risk_editor_dispose;
  object_class->finalize = bp_risk_editor_finalize;
  object_class->get_property = bp_risk_editor_get_property;
  object_class->set_property = bp_risk_editor_set_property;

  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, BP_TYPE_DB,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                               | G_PARAM_STATIC_STRINGS);
  properties[PROP_RISK_ID] = g_param_spec_int64 ("risk-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                 G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                   | G_PARAM_EXPLICIT_NOTIFY
                                                   | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-risk-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, ref_row);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, ref_error_row);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, ref_error);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, title_error_row);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, title_error);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, owner_row);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, response_row);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, review_row);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, review_error_row);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, review_error);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, cause_view);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, consequence_view);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, resources_view);
  BIND_ARRAY ("inherent_l_row", l_rows, SCORE_INHERENT);
  BIND_ARRAY ("inherent_i_row", i_rows, SCORE_INHERENT);
  BIND_ARRAY ("inherent_score", score_labels, SCORE_INHERENT);
  BIND_ARRAY ("inherent_error_row", score_error_rows, SCORE_INHERENT);
  BIND_ARRAY ("inherent_error", score_errors, SCORE_INHERENT);
  BIND_ARRAY ("current_l_row", l_rows, SCORE_CURRENT);
  BIND_ARRAY ("current_i_row", i_rows, SCORE_CURRENT);
  BIND_ARRAY ("current_score", score_labels, SCORE_CURRENT);
  BIND_ARRAY ("current_error_row", score_error_rows, SCORE_CURRENT);
  BIND_ARRAY ("current_error", score_errors, SCORE_CURRENT);
  BIND_ARRAY ("target_l_row", l_rows, SCORE_TARGET);
  BIND_ARRAY ("target_i_row", i_rows, SCORE_TARGET);
  BIND_ARRAY ("target_score", score_labels, SCORE_TARGET);
  BIND_ARRAY ("target_error_row", score_error_rows, SCORE_TARGET);
  BIND_ARRAY ("target_error", score_errors, SCORE_TARGET);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, mitigation_list);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, actions_row);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, actions_error_row);
  gtk_widget_class_bind_template_child (widget_class, BpRiskEditor, actions_error);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_score_changed_cb);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.add-mitigation", NULL,
                                   add_mitigation_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
}

static void
bp_risk_editor_init (BpRiskEditor *self)
{
  g_autoptr (GtkStringList) likelihood = scale_model (bp_likelihood_label);
  g_autoptr (GtkStringList) impact = scale_model (bp_impact_label);
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->owner_model = gtk_string_list_new (NULL);
  for (guint k = 0; k < N_SCORES; k++)
    {
      adw_combo_row_set_model (self->l_rows[k], G_LIST_MODEL (likelihood));
      adw_combo_row_set_model (self->i_rows[k], G_LIST_MODEL (impact));
    }
  g_signal_connect_object (self->owner_row, "notify::selected", G_CALLBACK (on_owner_changed_cb),
                           self, G_CONNECT_SWAPPED);

  placeholder = gtk_label_new (_("No mitigations yet: add the further actions that will reduce "
                                 "the risk."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->mitigation_list, placeholder);
  gtk_list_box_set_sort_func (self->mitigation_list, mitigation_sort_cb, NULL, NULL);
}

/* -------------------------------------------------------------- public */

BpRiskEditor *
bp_risk_editor_new (BpDb *db, gint64 risk_id)
{
  g_return_val_if_fail (BP_IS_DB (db), NULL);
  g_return_val_if_fail (risk_id >= 0, NULL);
  return g_object_new (BP_TYPE_RISK_EDITOR, "db", db, "risk-id", risk_id, NULL);
}

gint64
bp_risk_editor_get_risk_id (BpRiskEditor *self)
{
  g_return_val_if_fail (BP_IS_RISK_EDITOR (self), 0);
  return self->risk_id;
}
