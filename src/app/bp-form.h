/* bp-form.h: how the editors show a field's error beside it. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Shows @message in @label on @error_row under @field, marks the field
 * with the "error" style, and tells assistive technologies it is invalid
 * and why. */
void bp_form_show_error (GtkWidget *field, GtkWidget *error_row, GtkLabel *label,
                         const char *message);
/* Undoes bp_form_show_error(); nothing when no error is shown. */
void bp_form_clear_error (GtkWidget *field, GtkWidget *error_row, GtkLabel *label);

G_END_DECLS
