/* bp-date-row.c: a date field that shows DD/MM/YYYY and hands on
 * YYYY-MM-DD. The reading and writing of dates are the core's
 * (bp_date_parse_uk, bp_date_format_uk): the row only shows them. */
#include <glib/gi18n.h>

#include "bp-date-row.h"
#include "bp-error.h"
#include "bp-form.h"
#include "bp-rules.h"

struct _BpDateRow
{
  AdwEntryRow parent_instance;

  GtkLabel *hint;
  GtkWidget *error_row; /* weak: siblings in the same list */
  GtkLabel *error_label;
};

enum
{
  PROP_0,
  PROP_ERROR_ROW,
  PROP_ERROR_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (BpDateRow, bp_date_row, ADW_TYPE_ENTRY_ROW)

/* ----------------------------------------------------------- callbacks */

static void
on_changed_cb (BpDateRow *self)
{
  /* The format is a hint while there is nothing written to follow it. */
  gtk_widget_set_visible (GTK_WIDGET (self->hint), bp_date_row_is_empty (self));
  bp_date_row_show_error (self, NULL);
}

/* ----------------------------------------------------------- overrides */

static void
bp_date_row_dispose (GObject *object)
{
  BpDateRow *self = BP_DATE_ROW (object);

  g_clear_weak_pointer (&self->error_row);
  g_clear_weak_pointer (&self->error_label);
  gtk_widget_dispose_template (GTK_WIDGET (self), BP_TYPE_DATE_ROW);
  G_OBJECT_CLASS (bp_date_row_parent_class)->dispose (object);
}

static void
bp_date_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  BpDateRow *self = BP_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_ERROR_ROW:
      g_value_set_object (value, self->error_row);
      break;
    case PROP_ERROR_LABEL:
      g_value_set_object (value, self->error_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_date_row_set_property (GObject *object, guint prop_id, const GValue *value,
                          GParamSpec *pspec)
{
  BpDateRow *self = BP_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_ERROR_ROW:
      bp_date_row_set_error_widgets (self, g_value_get_object (value), self->error_label);
      break;
    case PROP_ERROR_LABEL:
      bp_date_row_set_error_widgets (self, self->error_row, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bp_date_row_class_init (BpDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = bp_date_row_dispose;
  object_class->get_property = bp_date_row_get_property;
  object_class->set_property = bp_date_row_set_property;

  properties[PROP_ERROR_ROW] =
    g_param_spec_object ("error-row", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ERROR_LABEL] =
    g_param_spec_object ("error-label", NULL, NULL, GTK_TYPE_LABEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/boardpack/Boardpack/bp-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BpDateRow, hint);
  gtk_widget_class_bind_template_callback (widget_class, on_changed_cb);
}

static void
bp_date_row_init (BpDateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* -------------------------------------------------------------- public */

GtkWidget *
bp_date_row_new (void)
{
  return g_object_new (BP_TYPE_DATE_ROW, NULL);
}

void
bp_date_row_set_iso (BpDateRow *self, const char *iso)
{
  g_autofree char *uk = NULL;

  g_return_if_fail (BP_IS_DATE_ROW (self));

  uk = bp_date_format_uk (iso);
  /* Setting what is there already would move the cursor of someone
   * reading the field (a reload after another view's edit). */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self)), uk) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self), uk);
}

gboolean
bp_date_row_get_iso (BpDateRow *self, char **out_iso, GError **error)
{
  const char *text;
  g_autofree char *iso = NULL;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (BP_IS_DATE_ROW (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (out_iso)
    *out_iso = NULL;
  text = gtk_editable_get_text (GTK_EDITABLE (self));
  if (!bp_date_parse_day (text, &iso, &problem))
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (text));

      if (problem)
        /* Translators: %s is what is wrong with the date, "“31/02/2025” is
         * not a date: February 2025 has 28 days". */
        g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                     _("%s. Write the date as DD/MM/YYYY, for example 31/07/2025."), problem);
      else
        g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                     _("“%s” is not a date: write it as DD/MM/YYYY, for example 31/07/2025."),
                     trimmed);
      return FALSE;
    }
  if (out_iso)
    *out_iso = g_steal_pointer (&iso);
  return TRUE;
}

gboolean
bp_date_row_check (BpDateRow *self, char **out_iso)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (BP_IS_DATE_ROW (self), FALSE);

  if (bp_date_row_get_iso (self, out_iso, &error))
    return TRUE;
  bp_date_row_show_error (self, error->message);
  return FALSE;
}

gboolean
bp_date_row_is_empty (BpDateRow *self)
{
  const char *text;

  g_return_val_if_fail (BP_IS_DATE_ROW (self), TRUE);

  for (text = gtk_editable_get_text (GTK_EDITABLE (self)); *text; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

void
bp_date_row_set_error_widgets (BpDateRow *self, GtkWidget *error_row, GtkLabel *error_label)
{
  g_return_if_fail (BP_IS_DATE_ROW (self));
  g_return_if_fail (error_row == NULL || GTK_IS_WIDGET (error_row));
  g_return_if_fail (error_label == NULL || GTK_IS_LABEL (error_label));

  if (g_set_weak_pointer (&self->error_row, error_row))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_ROW]);
  if (g_set_weak_pointer (&self->error_label, error_label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR_LABEL]);
}

void
bp_date_row_show_error (BpDateRow *self, const char *message)
{
  g_return_if_fail (BP_IS_DATE_ROW (self));

  if (self->error_row == NULL || self->error_label == NULL)
    return;
  bp_form_set_error (GTK_WIDGET (self), self->error_row, self->error_label, message);
}
