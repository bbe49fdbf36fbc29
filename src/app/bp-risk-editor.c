/* bp-risk-editor.c: the editor of one risk.
 *
 * Nothing is written while the fields change: Save checks every field,
 * shows each problem beside its field, and only when all are valid writes
 * the risk, its mitigations (added, changed, reordered, removed) and its
 * links with bp_db_save_risk(): one transaction, so that one undo takes
 * the whole edit back.
 */
#include <glib/gi18n.h>

#include <string.h>

#include "bp-colours.h"
#include "bp-date-row.h"
#include "bp-editor.h"
#include "bp-form.h"
#include "bp-mitigation-row.h"
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
  BpDateRow *review_row;
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

static gint64
owner_id (BpRiskEditor *self, AdwComboRow *row)
{
  const BpPerson *person = bp_form_owner_at (self->people, adw_combo_row_get_selected (row));

  return person ? person->id : 0;
}

/* ------------------------------------------------------- field errors */

/* Rows in the list's order (its sort order, by their order). */
static BpMitigationRow *
nth_mitigation (BpRiskEditor *self, guint index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->mitigation_list, index);

  return row ? BP_MITIGATION_ROW (row) : NULL;
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
  int oa = bp_mitigation_row_get_order (BP_MITIGATION_ROW (a));
  int ob = bp_mitigation_row_get_order (BP_MITIGATION_ROW (b));

  return (oa > ob) - (oa < ob);
}

static void
clear_all_errors (BpRiskEditor *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
  bp_form_clear_error (GTK_WIDGET (self->ref_row), self->ref_error_row, self->ref_error);
  bp_form_clear_error (GTK_WIDGET (self->title_row), self->title_error_row, self->title_error);
  bp_date_row_show_error (self->review_row, NULL);
  bp_form_clear_error (GTK_WIDGET (self->actions_row), self->actions_error_row, self->actions_error);
  for (guint k = 0; k < N_SCORES; k++)
    bp_form_clear_error (GTK_WIDGET (self->l_rows[k]), self->score_error_rows[k], self->score_errors[k]);
  for (guint k = 0; k < n_mitigations (self); k++)
    bp_mitigation_row_clear_errors (nth_mitigation (self, k));
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

/* Up is disabled on the first row and down on the last. */
static void
update_mitigation_buttons (BpRiskEditor *self)
{
  guint n = n_mitigations (self);

  for (guint k = 0; k < n; k++)
    bp_mitigation_row_set_can_move (nth_mitigation (self, k), k > 0, k + 1 < n);
}

/* Swaps the row with its neighbour. Re-sorting reorders the rows in
 * place; removing and inserting one would re-parent it, and GTK 4.8's
 * buttons then stop following their row's actions. */
static void
on_mitigation_move_cb (BpRiskEditor *self, int delta, BpMitigationRow *row)
{
  int to = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + delta;
  BpMitigationRow *other = to >= 0 ? nth_mitigation (self, to) : NULL;
  int order;

  if (other == NULL)
    return;
  order = bp_mitigation_row_get_order (row);
  bp_mitigation_row_set_order (row, bp_mitigation_row_get_order (other));
  bp_mitigation_row_set_order (other, order);
  gtk_list_box_invalidate_sort (self->mitigation_list);
  update_mitigation_buttons (self);
  /* Keyboard users keep their place: on the button they pressed, or on
   * the other one when the row has reached the end. */
  if ((delta < 0 && to == 0) || (delta > 0 && (guint) to + 1 == n_mitigations (self)))
    delta = -delta;
  bp_mitigation_row_focus_move_button (row, delta);
}

static void
on_mitigation_remove_cb (BpRiskEditor *self, BpMitigationRow *row)
{
  gtk_list_box_remove (self->mitigation_list, GTK_WIDGET (row));
  update_mitigation_buttons (self);
}

static BpMitigationRow *
add_mitigation_row (BpRiskEditor *self, const BpMitigation *mitigation)
{
  BpMitigationRow *row =
    bp_mitigation_row_new (mitigation, self->people, G_LIST_MODEL (self->owner_model));

  bp_mitigation_row_set_order (row, ++self->next_order);
  g_signal_connect_object (row, "move", G_CALLBACK (on_mitigation_move_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (on_mitigation_remove_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_append (self->mitigation_list, GTK_WIDGET (row));
  update_mitigation_buttons (self);
  return row;
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
load (BpRiskEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) mitigations = NULL;
  g_autofree char *refs = NULL;
  g_auto (GStrv) linked = NULL;
  int scores[N_SCORES][2];

  self->people = bp_db_list_people (self->db, &error);
  if (self->people == NULL)
    {
      self->people = g_ptr_array_new ();
      bp_editor_show_general_error (self->general_error, error->message);
      g_clear_error (&error);
    }
  self->bands = bp_db_list_risk_bands (self->db, NULL);
  if (self->bands == NULL)
    self->bands = g_ptr_array_new ();

  self->owner_model = bp_form_owner_model_new (self->people);
  adw_combo_row_set_model (self->owner_row, G_LIST_MODEL (self->owner_model));

  if (self->risk_id > 0)
    {
      self->risk = bp_db_get_risk (self->db, self->risk_id, &error);
      if (self->risk == NULL)
        {
          bp_editor_show_general_error (self->general_error, error->message);
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
  adw_combo_row_set_selected (self->owner_row, bp_form_owner_index (self->people, self->risk->owner_id));
  on_owner_changed_cb (self, NULL, self->owner_row);
  bp_form_choice_setup (self->response_row, response_values, response_labels, self->risk->response);
  bp_form_choice_setup (self->status_row, status_values, status_labels, self->risk->status);
  bp_date_row_set_iso (self->review_row, self->risk->review_date);
  bp_form_text_view_set (self->cause_view, self->risk->cause);
  bp_form_text_view_set (self->consequence_view, self->risk->consequence);
  bp_form_text_view_set (self->resources_view, self->risk->resources);

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

  bp_editor_check_read_only (GTK_WIDGET (self), self->db, self->general_error);
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

#define BAD(field)                                                                           \
  G_STMT_START                                                                               \
  {                                                                                          \
    if (first_bad == NULL)                                                                   \
      first_bad = GTK_WIDGET (field);                                                        \
  }                                                                                          \
  G_STMT_END

  risk->id = self->risk_id;
  risk->position = self->risk->position;
  risk->ref = bp_form_editable_get (GTK_EDITABLE (self->ref_row));
  risk->title = bp_form_editable_get (GTK_EDITABLE (self->title_row));
  risk->owner_id = owner_id (self, self->owner_row);
  risk->response = g_strdup (bp_form_choice_get (self->response_row));
  risk->status = g_strdup (bp_form_choice_get (self->status_row));
  risk->cause = bp_form_text_view_get (self->cause_view);
  risk->consequence = bp_form_text_view_get (self->consequence_view);
  risk->resources = bp_form_text_view_get (self->resources_view);

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

  if (!bp_date_row_check (self->review_row, &risk->review_date))
    BAD (self->review_row);

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

  for (guint k = 0; k < n_mitigations (self); k++)
    {
      GtkWidget *bad = bp_mitigation_row_check (nth_mitigation (self, k));

      if (bad)
        BAD (bad);
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
  g_autoptr (GPtrArray) rows = g_ptr_array_new (); /* BpMitigationRow*, as mitigations */

  g_return_val_if_fail (BP_IS_RISK_EDITOR (self), FALSE);

  clear_all_errors (self);
  risk = collect (self, &links);
  if (risk == NULL)
    return FALSE;

  for (guint k = 0; k < n_mitigations (self); k++)
    {
      BpMitigationRow *row = nth_mitigation (self, k);

      g_ptr_array_add (mitigations, bp_mitigation_row_dup_mitigation (row));
      g_ptr_array_add (rows, row);
    }
  if (!bp_db_save_risk (self->db, risk, mitigations, links, &error))
    {
      bp_editor_show_general_error (self->general_error, error->message);
      return FALSE;
    }

  /* Written: the editor now shows the file's state. */
  for (guint i = 0; i < rows->len; i++)
    bp_mitigation_row_set_id (rows->pdata[i], ((BpMitigation *) mitigations->pdata[i])->id);
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
  g_autofree char *msg = NULL;

  if (!bp_risk_editor_save (self))
    return;
  msg = g_strdup_printf (is_new ? _("Risk %s added") : _("Risk %s saved"), self->risk->ref);
  bp_editor_close_saved (GTK_WINDOW (self), msg);
}

static void
add_mitigation_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BpRiskEditor *self = BP_RISK_EDITOR (widget);
  BpMitigation fresh = { 0 };
  BpMitigationRow *row;

  fresh.owner_id = owner_id (self, self->owner_row);
  fresh.status = (char *) "planned";
  row = add_mitigation_row (self, &fresh);
  bp_mitigation_row_start_editing (row);
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

  g_type_ensure (BP_TYPE_DATE_ROW);
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

  bp_editor_class_install_actions (widget_class, save_action);
  gtk_widget_class_install_action (widget_class, "editor.add-mitigation", NULL,
                                   add_mitigation_action);
}

static void
bp_risk_editor_init (BpRiskEditor *self)
{
  g_autoptr (GtkStringList) likelihood = scale_model (bp_likelihood_label);
  g_autoptr (GtkStringList) impact = scale_model (bp_impact_label);
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

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
