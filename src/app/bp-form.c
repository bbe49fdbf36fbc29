/* bp-form.c: field errors shown beside the field, for sight and for
 * screen readers alike. */
#include "bp-form.h"

void
bp_form_show_error (GtkWidget *field, GtkWidget *error_row, GtkLabel *label, const char *message)
{
  gtk_label_set_text (label, message);
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
  if (!gtk_widget_get_visible (error_row))
    return;
  gtk_label_set_text (label, "");
  gtk_widget_set_visible (error_row, FALSE);
  gtk_widget_remove_css_class (field, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}
