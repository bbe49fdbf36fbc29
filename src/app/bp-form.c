/* bp-form.c: field errors shown beside the field, for sight and for
 * screen readers alike. */
#include <glib/gi18n.h>

#include <adwaita.h>

#include "bp-form.h"

void
bp_form_show_error (GtkWidget *field, GtkWidget *error_row, GtkLabel *label, const char *message)
{
  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_WIDGET (error_row));
  g_return_if_fail (GTK_IS_LABEL (label));
  g_return_if_fail (message != NULL);

  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
  gtk_widget_set_visible (error_row, TRUE);
  gtk_widget_add_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message, -1);
}

void
bp_form_clear_error (GtkWidget *field, GtkWidget *error_row, GtkLabel *label)
{
  g_return_if_fail (GTK_IS_WIDGET (field));
  g_return_if_fail (GTK_IS_WIDGET (error_row));
  g_return_if_fail (GTK_IS_LABEL (label));

  if (!gtk_widget_get_visible (error_row))
    return;
  gtk_label_set_text (label, "");
  gtk_widget_set_visible (error_row, FALSE);
  gtk_widget_remove_css_class (field, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

void
bp_form_set_error (GtkWidget *field, GtkWidget *error_row, GtkLabel *label, const char *message)
{
  if (message)
    bp_form_show_error (field, error_row, label, message);
  else
    bp_form_clear_error (field, error_row, label);
}

GtkWidget *
bp_form_error_row_new (const char *label_name, GtkLabel **out_label)
{
  GtkWidget *row;
  GtkWidget *label;

  g_return_val_if_fail (out_label != NULL, NULL);
  row = g_object_new (ADW_TYPE_PREFERENCES_ROW, "activatable", FALSE, "focusable", FALSE,
                      "visible", FALSE, NULL);
  label = gtk_label_new (NULL);

  if (label_name)
    gtk_widget_set_name (label, label_name);
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

/* -------------------------------------------------------- field values */

char *
bp_form_editable_get (GtkEditable *editable)
{
  char *text;

  g_return_val_if_fail (GTK_IS_EDITABLE (editable), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

char *
bp_form_text_view_get (GtkTextView *view)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  char *text;

  g_return_val_if_fail (GTK_IS_TEXT_VIEW (view), NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

void
bp_form_text_view_set (GtkTextView *view, const char *text)
{
  g_return_if_fail (GTK_IS_TEXT_VIEW (view));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

void
bp_form_choice_setup (AdwComboRow *row, const char *const *values, const char *const *labels,
                      const char *current)
{
  g_autoptr (GtkStringList) model = gtk_string_list_new (NULL);
  GPtrArray *stored = g_ptr_array_new_with_free_func (g_free);
  const char *key = current ? current : "";
  guint selected = G_MAXUINT;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (values != NULL && labels != NULL);

  for (guint i = 0; values[i]; i++)
    {
      gtk_string_list_append (model, _(labels[i]));
      g_ptr_array_add (stored, g_strdup (values[i]));
      if (selected == G_MAXUINT && g_ascii_strcasecmp (key, values[i]) == 0)
        selected = i;
    }
  if (selected == G_MAXUINT && *key == '\0')
    selected = 0;
  else if (selected == G_MAXUINT)
    {
      gtk_string_list_append (model, current);
      g_ptr_array_add (stored, g_strdup (current));
      selected = stored->len - 1;
    }
  g_object_set_data_full (G_OBJECT (row), "bp-values", stored, (GDestroyNotify) g_ptr_array_unref);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
}

const char *
bp_form_choice_get (AdwComboRow *row)
{
  GPtrArray *stored;
  guint selected;
  const char *value;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  stored = g_object_get_data (G_OBJECT (row), "bp-values");
  selected = adw_combo_row_get_selected (row);
  if (stored == NULL || selected >= stored->len)
    return NULL;
  value = g_ptr_array_index (stored, selected);
  return *value ? value : NULL;
}

void
bp_form_choice_set (AdwComboRow *row, const char *value)
{
  GPtrArray *stored;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  stored = g_object_get_data (G_OBJECT (row), "bp-values");
  for (guint i = 0; stored && i < stored->len; i++)
    if (g_strcmp0 (g_ptr_array_index (stored, i), value) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
}

/* -------------------------------------------------------------- owners */

GtkStringList *
bp_form_owner_model_new (GPtrArray *people)
{
  GtkStringList *model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("No owner"));
  for (guint i = 0; people && i < people->len; i++)
    gtk_string_list_append (model, ((BpPerson *) people->pdata[i])->name);
  return model;
}

guint
bp_form_owner_index (GPtrArray *people, gint64 person_id)
{
  for (guint i = 0; people && person_id > 0 && i < people->len; i++)
    if (((BpPerson *) people->pdata[i])->id == person_id)
      return i + 1;
  return 0;
}

const BpPerson *
bp_form_owner_at (GPtrArray *people, guint position)
{
  if (people == NULL || position == 0 || position == GTK_INVALID_LIST_POSITION
      || position > people->len)
    return NULL;
  return people->pdata[position - 1];
}
