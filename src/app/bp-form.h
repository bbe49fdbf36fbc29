/* bp-form.h: how the editors show a field's error beside it.
 *
 * A field's error is a label in a row of its own under the field (in an
 * AdwPreferencesGroup, a boxed list or an expander row): the error row.
 * In a .ui it is an AdwPreferencesRow, not visible, activatable and
 * focusable false, whose child is a wrapping GtkLabel with the "error"
 * style; in C, bp_form_error_row_new() makes the same. Where there is no
 * row of its own (a label under a plain entry), pass the label as both
 * @error_row and @label. */
#pragma once

#include <adwaita.h>

#include "bp-types.h"

G_BEGIN_DECLS

/* Shows @message in @label on @error_row under @field, marks the field
 * with the "error" style, and tells assistive technologies it is invalid
 * and why (the accessible description). */
void bp_form_show_error (GtkWidget *field, GtkWidget *error_row, GtkLabel *label,
                         const char *message);
/* Undoes bp_form_show_error(); nothing when no error is shown. */
void bp_form_clear_error (GtkWidget *field, GtkWidget *error_row, GtkLabel *label);
/* bp_form_show_error() with @message, bp_form_clear_error() with NULL. */
void bp_form_set_error (GtkWidget *field, GtkWidget *error_row, GtkLabel *label,
                        const char *message);

/* A new, hidden error row; *out_label gets its label, named @label_name
 * (what tests and screen-reader checks look for), which may be NULL. */
GtkWidget *bp_form_error_row_new (const char *label_name, GtkLabel **out_label);

/* Field values as the editors read and write them. */

/* The text of @editable without surrounding space, or NULL when that
 * leaves nothing. */
char *bp_form_editable_get (GtkEditable *editable);
/* The text of @view without surrounding space, or NULL when empty. */
char *bp_form_text_view_get (GtkTextView *view);
/* Replaces the text of @view; NULL empties it. */
void bp_form_text_view_set (GtkTextView *view, const char *text);

/* A combo row of fixed choices whose stored @values (NULL-terminated)
 * differ from their @labels (translated here); @current is selected,
 * case aside. A @current that is none of them is kept as a choice of its
 * own, so that a value written by another tool is not lost on save. With
 * @current NULL, the first choice. */
void bp_form_choice_setup (AdwComboRow *row, const char *const *values, const char *const *labels,
                           const char *current);
/* The stored value of the chosen item; NULL for an empty one ("not set"). */
const char *bp_form_choice_get (AdwComboRow *row);
/* Selects the item whose stored value is @value; nothing if none is. */
void bp_form_choice_set (AdwComboRow *row, const char *value);

/* Owner lists show "No owner", then @people (BpPerson*) in order. */
/* A new list for an owner combo row: "No owner", then each name. */
GtkStringList *bp_form_owner_model_new (GPtrArray *people);
/* The position of @person_id in such a list; 0 ("No owner") if absent. */
guint bp_form_owner_index (GPtrArray *people, gint64 person_id);
/* The person at @position of such a list, or NULL for "No owner". */
const BpPerson *bp_form_owner_at (GPtrArray *people, guint position);

G_END_DECLS
