/* bp-date-row.h: the one field for a date in every editor.
 *
 * A BpDateRow is an AdwEntryRow (put it in an AdwPreferencesGroup, a
 * boxed GtkListBox or an AdwExpanderRow like any other row) that shows a
 * date as UK papers write it, DD/MM/YYYY, with the format as a hint
 * while it is empty. It reads what bp_date_parse_uk() reads: 31/07/2025,
 * 31/7/2025, or 2025-07-31 as the file stores it. The code around it
 * deals only in ISO dates (YYYY-MM-DD), or NULL for "no date".
 *
 * Errors are shown beside the field with bp-form.h, in the error row and
 * label given by the "error-row" and "error-label" properties (set them
 * in the .ui with the ids of an error row made as bp-form.h says); the
 * error goes as soon as the text changes. In a .ui:
 *
 *   <object class="BpDateRow" id="due_row">
 *     <property name="title" translatable="yes">Due date</property>
 *     <property name="error-row">due_error_row</property>
 *     <property name="error-label">due_error</property>
 *   </object>
 *
 * and in C: bp_date_row_set_iso (row, action->due) when loading,
 * bp_date_row_check (row, &due) when saving.
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BP_TYPE_DATE_ROW (bp_date_row_get_type ())
G_DECLARE_FINAL_TYPE (BpDateRow, bp_date_row, BP, DATE_ROW, AdwEntryRow)

GtkWidget *bp_date_row_new (void);

/* Shows @iso (YYYY-MM-DD) as DD/MM/YYYY; NULL or "" empties the field.
 * Text that is not an ISO date is shown as it is, so that nothing the
 * file holds is hidden. */
void bp_date_row_set_iso (BpDateRow *self, const char *iso);

/* Reads the field. TRUE with *out_iso the date as YYYY-MM-DD, or NULL
 * when the field is empty; FALSE with @error (BP_ERROR_INVALID, a
 * message that says how to write the date) when the text is not a date.
 * Shows nothing: see bp_date_row_check(). @out_iso may be NULL. */
gboolean bp_date_row_get_iso (BpDateRow *self, char **out_iso, GError **error);

/* bp_date_row_get_iso(), showing the problem beside the field when the
 * text is not a date. */
gboolean bp_date_row_check (BpDateRow *self, char **out_iso);

/* TRUE when the field holds nothing but spaces. */
gboolean bp_date_row_is_empty (BpDateRow *self);

/* The error row and its label where the field's problems are shown
 * (the "error-row" and "error-label" properties). */
void bp_date_row_set_error_widgets (BpDateRow *self, GtkWidget *error_row, GtkLabel *error_label);

/* Shows @message beside the field, for a rule the caller checks (a date
 * another meeting has, an end date the period already has); NULL clears
 * it. Nothing without error widgets. */
void bp_date_row_show_error (BpDateRow *self, const char *message);

G_END_DECLS
