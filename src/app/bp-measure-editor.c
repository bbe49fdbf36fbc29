/* bp-measure-editor.c: the editor of one scorecard measure. As the
 * polarity, target and tolerance change, the latest value's RAG under
 * them is shown; Save checks every field and writes the measure as one
 * edit. */
#include <glib/gi18n.h>

#include "bp-editor.h"
#include "bp-form.h"
#include <math.h>
#include <string.h>

#include "bp-chart.h"
#include "bp-colours.h"
#include "bp-measure-editor.h"
#include "bp-query.h"
#include "bp-risk-editor.h"
#include "bp-rules.h"
#include "bp-window.h"

struct _BpMeasureEditor
{
  AdwWindow parent_instance;

  BpDb *db;
  gint64 measure_id;
  BpMeasure *measure;          /* as loaded (a fresh one for a new measure) */
  BpMeasureValue *latest;      /* its latest value, or NULL */

  AdwWindowTitle *window_title;
  GtkLabel *general_error;
  AdwEntryRow *ref_row;
  AdwEntryRow *title_row;
  GtkWidget *title_error_row;
  GtkLabel *title_error;
  AdwComboRow *unit_row;
  AdwComboRow *frequency_row;
  AdwEntryRow *baseline_row;
  GtkWidget *baseline_error_row;
  GtkLabel *baseline_error;
  AdwEntryRow *comparator_row;
  AdwComboRow *polarity_row;
  AdwEntryRow *target_row;
  GtkWidget *target_error_row;
  GtkLabel *target_error;
  AdwEntryRow *tolerance_row;
  GtkWidget *tolerance_error_row;
  GtkLabel *tolerance_error;
  AdwActionRow *preview_row;
  GtkLabel *preview_chip;
};

enum
{
  PROP_0,
  PROP_DB,
  PROP_MEASURE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BpMeasureEditor, bp_measure_editor, ADW_TYPE_WINDOW)

static const char *const unit_values[] = { "%", "count", "days", "weeks", "£", "", NULL };
static const char *const unit_labels[] = { N_("Percentage (%)"), N_("Count"), N_("Days"),
                                           N_("Weeks"), N_("Pounds (£)"), N_("No unit"), NULL };
static const char *const frequency_values[] = { "Monthly", "Quarterly", "Six-monthly", "Annually",
                                                "", NULL };
static const char *const frequency_labels[] = { N_("Monthly"), N_("Quarterly"), N_("Six-monthly"),
                                                N_("Annually"), N_("Not set"), NULL };
/* In the order of BpPolarity. */
static const char *const polarity_labels[] = { N_("Higher is better"), N_("Lower is better"),
                                               N_("Close to target is better"), NULL };

/* ------------------------------------------------------------ helpers */

gboolean
bp_measure_editor_parse_number (const char *text, double *out_value)
{
  g_autoptr (GString) s = g_string_new (NULL);
  char *end = NULL;
  double value;

  g_return_val_if_fail (out_value != NULL, FALSE);
  *out_value = NAN;
  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Thousands separators, spaces and the unit's signs are not the number. */
      if (c == ',' || c == '%' || c == 0x00A3 /* £ */ || g_unichar_isspace (c))
        continue;
      if (c == 0x2212) /* the minus sign the charts print */
        c = '-';
      g_string_append_unichar (s, c);
    }
  if (s->len == 0)
    return TRUE;
  value = g_ascii_strtod (s->str, &end);
  if (end == s->str || *end != '\0' || !isfinite (value))
    return FALSE;
  *out_value = value;
  return TRUE;
}

/* 95 -> "95", 2.6 -> "2.6": as someone would type it back. */
static char *
number_text (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return g_strdup ("");
  return g_strdup (g_ascii_formatd (buf, sizeof buf, "%.10g", value));
}

static char *
not_a_number (const char *what, const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  return g_strdup_printf (_("The %s “%s” is not a number: enter one such as 90, or leave it "
                            "empty."),
                          what, trimmed);
}

/* ------------------------------------------------------------ preview */

/* The measure as the fields now say; numbers that do not parse are NAN. */
static void
read_fields (BpMeasureEditor *self, BpMeasure *m)
{
  guint polarity = adw_combo_row_get_selected (self->polarity_row);

  g_free (m->unit);
  m->unit = g_strdup (bp_form_choice_get (self->unit_row));
  m->polarity = polarity <= BP_POLARITY_TARGET ? (BpPolarity) polarity : BP_POLARITY_HIGHER;
  if (!bp_measure_editor_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->target_row)),
                                       &m->target))
    m->target = NAN;
  if (!bp_measure_editor_parse_number (gtk_editable_get_text (GTK_EDITABLE (self->tolerance_row)),
                                       &m->tolerance))
    m->tolerance = NAN;
}

static const char *
rag_meaning (BpKpiRag rag)
{
  switch (rag)
    {
    case BP_KPI_RAG_GREEN: return _("on or better than the target");
    case BP_KPI_RAG_AMBER: return _("within tolerance of the target");
    case BP_KPI_RAG_RED: return _("beyond the tolerance");
    case BP_KPI_RAG_NONE:
    default: return _("the target is empty or not a number");
    }
}

static void
update_preview (BpMeasureEditor *self)
{
  g_autoptr (BpMeasure) m = bp_measure_new ();
  g_autofree char *value = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *colour = NULL;
  BpKpiRag rag;

  if (self->latest == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_row),
                                     _("No values yet"));
      adw_action_row_set_subtitle (self->preview_row,
                                   _("Enter values with Add Period in the scorecard."));
      gtk_label_set_text (self->preview_chip, "");
      gtk_widget_set_visible (GTK_WIDGET (self->preview_chip), FALSE);
      return;
    }
  read_fields (self, m);
  rag = bp_kpi_rag (m, self->latest->value);
  value = bp_chart_format_value (m, self->latest->value);
  title = g_strdup_printf (_("Latest value, %s: %s"), self->latest->period, value);
  subtitle = g_strdup_printf ("%s: %s", bp_kpi_rag_label (rag), rag_meaning (rag));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->preview_row), title);
  adw_action_row_set_subtitle (self->preview_row, subtitle);
  /* The letter and the word, not the colour alone. */
  gtk_label_set_text (self->preview_chip, bp_kpi_rag_label (rag));
  gtk_widget_set_visible (GTK_WIDGET (self->preview_chip), TRUE);
  colour = rag == BP_KPI_RAG_NONE ? NULL : bp_colours_to_string (bp_colours_kpi_rag (rag));
  bp_risk_editor_paint_chip (GTK_WIDGET (self->preview_chip), colour);
}

static void
on_preview_changed_cb (BpMeasureEditor *self)
{
  update_preview (self);
}

static void
on_field_changed_cb (BpMeasureEditor *self, GtkEditable *editable)
{
  GtkWidget *field = GTK_WIDGET (editable);

  if (field == GTK_WIDGET (self->title_row))
    bp_form_clear_error (field, self->title_error_row, self->title_error);
  else if (field == GTK_WIDGET (self->target_row))
    bp_form_clear_error (field, self->target_error_row, self->target_error);
  else if (field == GTK_WIDGET (self->tolerance_row))
    bp_form_clear_error (field, self->tolerance_error_row, self->tolerance_error);
  else if (field == GTK_WIDGET (self->baseline_row))
    bp_form_clear_error (field, self->baseline_error_row, self->baseline_error);
  update_preview (self);
}

/* ---------------------------------------------------------------- load */

static void
set_window_title (BpMeasureEditor *self)
{
  if (self->measure_id == 0)
    {
      adw_window_title_set_title (self->window_title, _("New Measure"));
      gtk_window_set_title (GTK_WINDOW (self), _("New Measure"));
    }
  else
    {
      g_autofree char *title = self->measure->ref && *self->measure->ref
                                 ? g_strdup_printf (_("Measure %s"), self->measure->ref)
                                 : g_strdup (_("Measure"));

      adw_window_title_set_title (self->window_title, title);
      adw_window_title_set_subtitle (self->window_title, self->measure->title);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
}

static void
load (BpMeasureEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *target = NULL;
  g_autofree char *tolerance = NULL;
  g_autofree char *baseline = NULL;

  if (self->measure_id > 0)
    {
      self->measure = bp_db_get_measure (self->db, self->measure_id, &error);
      if (self->measure == NULL)
        {
          bp_editor_show_general_error (self->general_error, error->message);
          self->measure_id = 0;
        }
    }
  if (self->measure == NULL)
    {
      g_autoptr (GPtrArray) measures = bp_db_list_measures (self->db, NULL);
      int highest = 0;

      self->measure = bp_measure_new ();
      self->measure->unit = g_strdup ("%");
      self->measure->frequency = g_strdup ("Monthly");
      for (guint i = 0; measures && i < measures->len; i++)
        {
          const BpMeasure *m = measures->pdata[i];

          self->measure->position = MAX (self->measure->position, m->position + 1);
          if (m->ref && m->ref[0] == 'K' && g_ascii_isdigit (m->ref[1]))
            highest = MAX (highest, atoi (m->ref + 1));
        }
      self->measure->ref = g_strdup_printf ("K%d", highest + 1);
    }
  else
    {
      g_autoptr (GPtrArray) values = bp_db_list_measure_values (self->db, self->measure_id, NULL);

      for (guint i = values ? values->len : 0; i > 0 && self->latest == NULL; i--)
        if (!isnan (((BpMeasureValue *) values->pdata[i - 1])->value))
          self->latest = g_ptr_array_steal_index (values, i - 1);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->ref_row),
                         self->measure->ref ? self->measure->ref : "");
  gtk_editable_set_text (GTK_EDITABLE (self->title_row),
                         self->measure->title ? self->measure->title : "");
  bp_form_choice_setup (self->unit_row, unit_values, unit_labels, self->measure->unit);
  bp_form_choice_setup (self->frequency_row, frequency_values, frequency_labels, self->measure->frequency);
  gtk_editable_set_text (GTK_EDITABLE (self->comparator_row),
                         self->measure->comparator ? self->measure->comparator : "");
  adw_combo_row_set_selected (self->polarity_row, self->measure->polarity);
  target = number_text (self->measure->target);
  tolerance = number_text (self->measure->tolerance);
  baseline = number_text (self->measure->baseline);
  gtk_editable_set_text (GTK_EDITABLE (self->target_row), target);
  gtk_editable_set_text (GTK_EDITABLE (self->tolerance_row), tolerance);
  gtk_editable_set_text (GTK_EDITABLE (self->baseline_row), baseline);
  set_window_title (self);
  update_preview (self);

  bp_editor_check_read_only (GTK_WIDGET (self), self->db, self->general_error);
}

/* ---------------------------------------------------------------- save */

gboolean
bp_measure_editor_save (BpMeasureEditor *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpMeasure) m = bp_measure_new ();
  GtkWidget *first_bad = NULL;
  struct
  {
    AdwEntryRow *row;
    GtkWidget *error_row;
    GtkLabel *error;
    double *out;
    const char *what;
  } numbers[] = {
    { self->target_row, self->target_error_row, self->target_error, &m->target, _("target") },
    { self->tolerance_row, self->tolerance_error_row, self->tolerance_error, &m->tolerance,
      _("tolerance") },
    { self->baseline_row, self->baseline_error_row, self->baseline_error, &m->baseline,
      _("baseline") },
  };

  g_return_val_if_fail (BP_IS_MEASURE_EDITOR (self), FALSE);

  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
  m->id = self->measure_id;
  m->position = self->measure->position;
  m->ref = bp_form_editable_get (GTK_EDITABLE (self->ref_row));
  m->title = bp_form_editable_get (GTK_EDITABLE (self->title_row));
  m->comparator = bp_form_editable_get (GTK_EDITABLE (self->comparator_row));
  m->frequency = g_strdup (bp_form_choice_get (self->frequency_row));
  read_fields (self, m);

  if (m->title == NULL)
    {
      bp_form_show_error (GTK_WIDGET (self->title_row), self->title_error_row, self->title_error,
                  _("Enter what the measure counts, in a sentence."));
      first_bad = GTK_WIDGET (self->title_row);
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (numbers[i].row));

      if (!bp_measure_editor_parse_number (text, numbers[i].out))
        {
          g_autofree char *msg = not_a_number (numbers[i].what, text);

          bp_form_show_error (GTK_WIDGET (numbers[i].row), numbers[i].error_row, numbers[i].error, msg);
          if (first_bad == NULL)
            first_bad = GTK_WIDGET (numbers[i].row);
        }
    }
  if (!isnan (m->tolerance) && m->tolerance < 0)
    {
      bp_form_show_error (GTK_WIDGET (self->tolerance_row), self->tolerance_error_row,
                  self->tolerance_error,
                  _("The tolerance is a distance from the target: it cannot be negative."));
      if (first_bad == NULL)
        first_bad = GTK_WIDGET (self->tolerance_row);
    }
  if (first_bad)
    {
      gtk_widget_grab_focus (first_bad);
      return FALSE;
    }

  if (m->id > 0 ? !bp_db_update_measure (self->db, m, &error)
                : !bp_db_insert_measure (self->db, m, &error))
    {
      bp_editor_show_general_error (self->general_error, error->message);
      return FALSE;
    }
  self->measure_id = m->id;
  bp_measure_free (self->measure);
  self->measure = g_steal_pointer (&m);
  set_window_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE_ID]);
  return TRUE;
}

/* ------------------------------------------------------------- actions */

static void
save_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  BpMeasureEditor *self = BP_MEASURE_EDITOR (widget);
  gboolean is_new = self->measure_id == 0;
  g_autofree char *msg = NULL;
  const char *name;

  if (!bp_measure_editor_save (self))
    return;
  name = self->measure->ref && *self->measure->ref ? self->measure->ref : self->measure->title;
  msg = g_strdup_printf (is_new ? _("Measure %s added") : _("Measure %s saved"), name);
  bp_editor_close_saved (GTK_WINDOW (self), msg);
}

/* ----------------------------------------------------------- overrides */

static void
bp_measure_editor_constructed (GObject *object)
{
  BpMeasureEditor *self = BP_MEASURE_EDITOR (object);

  G_OBJECT_CLASS (bp_measure_editor_parent_class)->constructed (object);
  g_return_if_fail (self->db != NULL);
  load (self);
}

static void
bp_measure_editor_dispose (GObject *object)
{
  BpMeasureEditor *self = BP_MEASURE_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_MEASURE_EDITOR);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (bp_measure_editor_parent_class)->dispose (object);
}

static void
bp_measure_editor_finalize (GObject *object)
{
  BpMeasureEditor *self = BP_MEASURE_EDITOR (object);

  g_clear_pointer (&self->measure, bp_measure_free);
  g_clear_pointer (&self->latest, bp_measure_value_free);
  G_OBJECT_CLASS (bp_measure_editor_parent_class)->finalize (object);
}

static void
bp_measure_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BpMeasureEditor *self = BP_MEASURE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DB:
      g_value_set_object (value, self->db);
      break;
    case PROP_MEASURE_ID:
      g_value_set_int64 (value, self->measure_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_measure_editor_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  BpMeasureEditor *self = BP_MEASURE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_DB:
      self->db = g_value_dup_object (value);
      break;
    case PROP_MEASURE_ID:
      self->measure_id = g_value_get_int64 (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_measure_editor_class_init (BpMeasureEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = bp_measure_editor_constructed;
  object_class->dispose = bp_measure_editor_dispose;
  object_class->finalize = bp_measure_editor_finalize;
  object_class->get_property = bp_measure_editor_get_property;
  object_class->set_property = bp_measure_editor_set_property;

  properties[PROP_DB] = g_param_spec_object ("db", NULL, NULL, BP_TYPE_DB,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                               | G_PARAM_STATIC_STRINGS);
  properties[PROP_MEASURE_ID] = g_param_spec_int64 ("measure-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                    G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY
                                                      | G_PARAM_EXPLICIT_NOTIFY
                                                      | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-measure-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, general_error);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, ref_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, title_error_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, title_error);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, unit_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, frequency_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, baseline_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, baseline_error_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, baseline_error);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, comparator_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, polarity_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, target_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, target_error_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, target_error);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, tolerance_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, tolerance_error_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, tolerance_error);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, preview_row);
  gtk_widget_class_bind_template_child (widget_class, BpMeasureEditor, preview_chip);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_preview_changed_cb);

  bp_editor_class_install_actions (widget_class, save_action);
}

static void
bp_measure_editor_init (BpMeasureEditor *self)
{
  g_autoptr (GtkStringList) polarities = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; polarity_labels[i]; i++)
    gtk_string_list_append (polarities, _(polarity_labels[i]));
  adw_combo_row_set_model (self->polarity_row, G_LIST_MODEL (polarities));
}

/* -------------------------------------------------------------- public */

BpMeasureEditor *
bp_measure_editor_new (BpDb *db, gint64 measure_id)
{
  g_return_val_if_fail (BP_IS_DB (db), NULL);
  g_return_val_if_fail (measure_id >= 0, NULL);
  return g_object_new (BP_TYPE_MEASURE_EDITOR, "db", db, "measure-id", measure_id, NULL);
}

gint64
bp_measure_editor_get_measure_id (BpMeasureEditor *self)
{
  g_return_val_if_fail (BP_IS_MEASURE_EDITOR (self), 0);
  return self->measure_id;
}
