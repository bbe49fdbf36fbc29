/* bp-period-dialog.c: adding a period to the scorecard.
 *
 * The rows of values are made here, one per measure, since the measures
 * are the file's; the rest is the template. The write is the core's
 * bp_db_add_period(): every value of the period or none. */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-chart.h"
#include "bp-date-row.h"
#include "bp-db-scorecard.h"
#include "bp-form.h"
#include "bp-measure-editor.h"
#include "bp-period-dialog.h"
#include "bp-query.h"
#include "bp-rules.h"
#include "bp-scorecard-private.h"
#include "bp-window.h"

struct _BpPeriodDialog
{
  AdwMessageDialog parent_instance;

  BpDb *db;
  GPtrArray *measures;   /* as when the dialog opened */
  GPtrArray *values;
  GPtrArray *entries;    /* GtkEntry*, one per measure */
  GPtrArray *error_rows; /* the error row under each */
  GPtrArray *error_labels;
  char *filled_end;      /* the end date filled in from the label, as shown */

  AdwEntryRow *label_row;
  GtkWidget *label_error_row;
  GtkLabel *label_error;
  BpDateRow *end_row;
  AdwPreferencesGroup *values_group;
  GtkLabel *values_error; /* "enter at least one value" */
};

enum
{
  SIGNAL_PERIOD_ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (BpPeriodDialog, bp_period_dialog, ADW_TYPE_MESSAGE_DIALOG)

static const char *const month_names[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

/* ------------------------------------------------------------ helpers */

/* "Sep-25", "Sep 2025": the last day of the month a period label names,
 * as YYYY-MM-DD, or NULL when it names no month. */
static char *
month_label_end (const char *label)
{
  char *iso = NULL;
  gsize n = 0;

  while (label && g_ascii_isalpha (label[n]))
    n++;
  if (n < 3 || bp_month_from_name (label, n) == 0)
    return NULL;
  if (bp_date_parse_loose (label, 4, &iso, NULL) != BP_DATE_PERIOD)
    g_clear_pointer (&iso, g_free);
  return iso;
}

/* The month and year of a period label, or FALSE. */
static gboolean
parse_month_label (const char *label, int *out_month, int *out_year)
{
  g_autofree char *iso = month_label_end (label);
  GDate d;

  if (iso == NULL || !bp_date_to_gdate (iso, &d))
    return FALSE;
  *out_month = g_date_get_month (&d);
  *out_year = g_date_get_year (&d);
  return TRUE;
}

/* The period that follows the latest two, by the same step ("Sep-25"
 * after "Sep-24" and "Mar-25"), or NULL when they are not month labels. */
static char *
suggest_next_period (const char *const *periods)
{
  guint n = periods ? g_strv_length ((char **) periods) : 0;
  int m1, y1, m2, y2, step, next;

  if (n < 2)
    return NULL;
  if (!parse_month_label (periods[n - 2], &m1, &y1) || !parse_month_label (periods[n - 1], &m2, &y2))
    return NULL;
  step = (y2 * 12 + m2) - (y1 * 12 + m1);
  if (step <= 0 || step > 24)
    return NULL;
  next = y2 * 12 + (m2 - 1) + step;
  return g_strdup_printf ("%s-%02d", month_names[next % 12], (next / 12) % 100);
}

/* The end date a label already has in the scorecard, or NULL. */
static char *
existing_end (BpPeriodDialog *self, const char *label)
{
  for (guint i = 0; *label && i < self->values->len; i++)
    {
      const BpMeasureValue *v = bp_scorecard_value_for (self->values->pdata[i], label);

      if (v)
        return g_strdup (v->period_end);
    }
  return NULL;
}

/* Checks every field and shows what is wrong beside it; Add is enabled
 * only when nothing is. Empty required fields disable Add without an
 * error: they have not been filled in yet. Fills *values (NAN: none). */
static gboolean
validate (BpPeriodDialog *self, char **out_label, char **out_end, double *values)
{
  g_autofree char *label = bp_form_editable_get (GTK_EDITABLE (self->label_row));
  g_autofree char *end = NULL;
  g_autofree char *known_end = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = TRUE;
  guint n_values = 0;

  if (label == NULL)
    {
      label = g_strdup ("");
      ok = FALSE;
    }
  bp_form_clear_error (GTK_WIDGET (self->label_row), self->label_error_row, self->label_error);
  bp_date_row_show_error (self->end_row, NULL);
  known_end = existing_end (self, label);

  if (bp_date_row_is_empty (self->end_row))
    ok = FALSE;
  else if (!bp_date_row_get_iso (self->end_row, &end, &error))
    {
      bp_date_row_show_error (self->end_row, error->message);
      ok = FALSE;
    }
  else if (known_end && g_strcmp0 (known_end, end) != 0)
    {
      g_autofree char *uk = bp_date_format_uk (known_end);
      g_autofree char *msg = g_strdup_printf (_("%s ends on %s in the scorecard already: use that "
                                                "date, or another label."),
                                              label, uk);

      bp_date_row_show_error (self->end_row, msg);
      ok = FALSE;
    }

  for (guint i = 0; i < self->measures->len; i++)
    {
      const BpMeasure *m = self->measures->pdata[i];
      GtkWidget *entry = self->entries->pdata[i];
      const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
      g_autofree char *msg = NULL;
      const BpMeasureValue *existing;
      double value = NAN;

      if (!bp_measure_editor_parse_number (text, &value))
        msg = g_strdup_printf (_("“%s” is not a number: enter one such as 94.4, or leave it "
                                 "empty for no value."),
                               text);
      else if (!isnan (value) && *label
               && (existing = bp_scorecard_value_for (self->values->pdata[i], label)))
        {
          g_autofree char *name = bp_scorecard_measure_key (m);

          /* A period "without a value" is a row of its own (suppressed,
           * not collected): it is there already all the same. */
          if (isnan (existing->value))
            msg = g_strdup_printf (_("%s already has %s, recorded without a value: a period "
                                     "cannot be added twice."),
                                   name, label);
          else
            msg = g_strdup_printf (_("%s already has a value for %s: a period cannot be added "
                                     "twice."),
                                   name, label);
        }
      bp_form_set_error (entry, self->error_rows->pdata[i], self->error_labels->pdata[i], msg);
      if (msg)
        ok = FALSE;
      else if (!isnan (value))
        n_values++;
      if (values)
        values[i] = msg ? NAN : value;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->values_error), ok && n_values == 0);
  if (n_values == 0)
    ok = FALSE;

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "add", ok);
  if (ok && out_label)
    {
      *out_label = g_steal_pointer (&label);
      *out_end = g_steal_pointer (&end);
    }
  return ok;
}

/* One measure's row: its name, its last value and target, and an entry. */
static void
add_value_row (BpPeriodDialog *self, const BpMeasure *m, GPtrArray *values)
{
  const BpMeasureValue *previous, *latest;
  g_autofree char *key = bp_scorecard_measure_key (m);
  g_autofree char *name = bp_scorecard_measure_name (m);
  g_autofree char *entry_name = g_strdup_printf ("value:%s", key);
  g_autofree char *error_name = g_strdup_printf ("value-error:%s", key);
  g_autofree char *target = bp_scorecard_target_text (m);
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = g_strdup_printf (_("Value of %s"), name);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *entry = gtk_entry_new ();
  GtkLabel *error;
  GtkWidget *error_row;

  bp_scorecard_latest_two (values, &previous, &latest);
  if (latest)
    {
      g_autofree char *last = bp_chart_format_value (m, latest->value);

      subtitle = g_strdup_printf (_("Last: %s %s · target %s"), latest->period, last, target);
    }
  else
    subtitle = g_strdup_printf (_("No values yet · target %s"), target);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_name (entry, entry_name);
  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 7);
  gtk_editable_set_alignment (GTK_EDITABLE (entry), 1);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_NUMBER);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), m->unit && *m->unit ? m->unit : NULL);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), entry);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), entry);
  adw_preferences_group_add (self->values_group, row);
  error_row = bp_form_error_row_new (error_name, &error);
  adw_preferences_group_add (self->values_group, error_row);
  g_ptr_array_add (self->entries, entry);
  g_ptr_array_add (self->error_rows, error_row);
  g_ptr_array_add (self->error_labels, error);
}

/* ---------------------------------------------------------- callbacks */

static void
on_field_changed_cb (BpPeriodDialog *self)
{
  validate (self, NULL, NULL, NULL);
}

static void
on_label_changed_cb (BpPeriodDialog *self)
{
  g_autofree char *label = bp_form_editable_get (GTK_EDITABLE (self->label_row));
  const char *end_text = gtk_editable_get_text (GTK_EDITABLE (self->end_row));
  g_autofree char *guess = NULL;

  /* Fill the end date from the label, unless someone typed their own:
   * the label's end in the scorecard, or else the end of its month. */
  guess = label ? existing_end (self, label) : NULL;
  if (guess == NULL)
    guess = month_label_end (label);
  if (guess)
    {
      g_autofree char *uk = bp_date_format_uk (guess);

      if (*end_text == '\0' || g_strcmp0 (end_text, self->filled_end) == 0)
        {
          g_free (self->filled_end);
          self->filled_end = g_strdup (uk);
          bp_date_row_set_iso (self->end_row, guess);
        }
    }
  validate (self, NULL, NULL, NULL);
}

static gboolean
destroy_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
toast (BpPeriodDialog *self, const char *message)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (parent)
    bp_widget_toast (GTK_WIDGET (parent), message);
}

static void
on_response_cb (BpPeriodDialog *self, const char *response)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *end = NULL;
  g_autofree double *values = g_new (double, MAX (self->measures->len, 1));
  g_autoptr (GPtrArray) period_values =
    g_ptr_array_new_with_free_func ((GDestroyNotify) bp_measure_value_free);
  g_autofree char *msg = NULL;

  /* The dialog hides itself on a response; it goes once this returns. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb, g_object_ref (self), g_object_unref);
  if (g_strcmp0 (response, "add") != 0)
    return;
  if (!validate (self, &label, &end, values))
    {
      toast (self, _("Nothing was added: the period's values need correcting"));
      return;
    }

  for (guint i = 0; i < self->measures->len; i++)
    {
      BpMeasureValue *v;

      if (isnan (values[i]))
        continue;
      v = bp_measure_value_new ();
      v->measure_id = ((BpMeasure *) self->measures->pdata[i])->id;
      v->value = values[i];
      g_ptr_array_add (period_values, v);
    }
  if (!bp_db_add_period (self->db, label, end, period_values, &error))
    {
      msg = g_strdup_printf (_("Nothing was added: %s"), error->message);
      toast (self, msg);
      return;
    }
  msg = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Period %s added with %u value",
                                      "Period %s added with %u values", period_values->len),
                         label, period_values->len);
  g_signal_emit (self, signals[SIGNAL_PERIOD_ADDED], 0, label);
  toast (self, msg);
}

/* ---------------------------------------------------------- overrides */

static void
bp_period_dialog_dispose (GObject *object)
{
  BpPeriodDialog *self = BP_PERIOD_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_PERIOD_DIALOG);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (bp_period_dialog_parent_class)->dispose (object);
}

static void
bp_period_dialog_finalize (GObject *object)
{
  BpPeriodDialog *self = BP_PERIOD_DIALOG (object);

  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->values, g_ptr_array_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->error_rows, g_ptr_array_unref);
  g_clear_pointer (&self->error_labels, g_ptr_array_unref);
  g_free (self->filled_end);
  G_OBJECT_CLASS (bp_period_dialog_parent_class)->finalize (object);
}

static void
bp_period_dialog_class_init (BpPeriodDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_period_dialog_dispose;
  object_class->finalize = bp_period_dialog_finalize;

  /* The period @label was written, with its values. */
  signals[SIGNAL_PERIOD_ADDED] =
    g_signal_new ("period-added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (BP_TYPE_DATE_ROW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-period-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BpPeriodDialog, label_row);
  gtk_widget_class_bind_template_child (widget_class, BpPeriodDialog, label_error_row);
  gtk_widget_class_bind_template_child (widget_class, BpPeriodDialog, label_error);
  gtk_widget_class_bind_template_child (widget_class, BpPeriodDialog, end_row);
  gtk_widget_class_bind_template_child (widget_class, BpPeriodDialog, values_group);
  gtk_widget_class_bind_template_child (widget_class, BpPeriodDialog, values_error);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_label_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_response_cb);
}

static void
bp_period_dialog_init (BpPeriodDialog *self)
{
  self->entries = g_ptr_array_new ();
  self->error_rows = g_ptr_array_new ();
  self->error_labels = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* -------------------------------------------------------------- public */

BpPeriodDialog *
bp_period_dialog_new (GtkWindow *parent, BpDb *db, GPtrArray *measures, GPtrArray *values,
                      const char *const *periods)
{
  BpPeriodDialog *self;
  g_autofree char *suggestion = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (BP_IS_DB (db), NULL);
  g_return_val_if_fail (measures != NULL && values != NULL, NULL);
  g_return_val_if_fail (measures->len == values->len, NULL);

  self = g_object_new (BP_TYPE_PERIOD_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->measures = g_ptr_array_ref (measures);
  self->values = g_ptr_array_ref (values);
  for (guint i = 0; i < measures->len; i++)
    {
      add_value_row (self, measures->pdata[i], values->pdata[i]);
      g_signal_connect_object (self->entries->pdata[i], "changed",
                               G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
    }

  suggestion = suggest_next_period (periods);
  if (suggestion)
    gtk_editable_set_text (GTK_EDITABLE (self->label_row), suggestion);
  validate (self, NULL, NULL, NULL);
  return self;
}
