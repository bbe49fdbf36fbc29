/* bp-mitigation-row.h: one mitigation in the risk editor, as an expander
 * row: its description, owner, due date and status, with buttons to move
 * it up or down, mark it complete and remove it.
 *
 * The row edits only its own fields. Moving and removing change the list
 * it is in, so it asks its editor with the "move" and "remove" signals;
 * the editor says which moves are possible with
 * bp_mitigation_row_set_can_move(). */
#pragma once

#include <adwaita.h>

#include "bp-types.h"

G_BEGIN_DECLS

#define BP_TYPE_MITIGATION_ROW (bp_mitigation_row_get_type ())
G_DECLARE_FINAL_TYPE (BpMitigationRow, bp_mitigation_row, BP, MITIGATION_ROW, AdwExpanderRow)

/* A row showing @mitigation (its id included: 0 for one not yet
 * written). Owners are chosen from @people (BpPerson*), which the row
 * keeps; @owner_model is the list shown for them, as
 * bp_form_owner_model_new() makes it, shared between rows. */
BpMitigationRow *bp_mitigation_row_new (const BpMitigation *mitigation, GPtrArray *people,
                                        GListModel *owner_model);

/* The mitigation's id in the file; 0 until it is written. */
gint64 bp_mitigation_row_get_id (BpMitigationRow *self);
void bp_mitigation_row_set_id (BpMitigationRow *self, gint64 id);

/* The position the list sorts the row by; rows move by swapping it,
 * not by being re-parented (GTK 4.8's buttons would then stop following
 * their row's actions). */
int bp_mitigation_row_get_order (BpMitigationRow *self);
void bp_mitigation_row_set_order (BpMitigationRow *self, int order);

/* Enables the up and down buttons. */
void bp_mitigation_row_set_can_move (BpMitigationRow *self, gboolean up, gboolean down);

/* Puts the keyboard focus on the up (@delta < 0) or down button. */
void bp_mitigation_row_focus_move_button (BpMitigationRow *self, int delta);

/* Expands the row and puts the focus on the description. */
void bp_mitigation_row_start_editing (BpMitigationRow *self);

/* Checks the fields, showing each problem beside its field (and
 * expanding the row). Returns the first field with a problem, or NULL. */
GtkWidget *bp_mitigation_row_check (BpMitigationRow *self);

/* Hides the problems bp_mitigation_row_check() showed. */
void bp_mitigation_row_clear_errors (BpMitigationRow *self);

/* The mitigation as the fields say (a due date that is not a date is
 * NULL: check first). Free with bp_mitigation_free(). */
BpMitigation *bp_mitigation_row_dup_mitigation (BpMitigationRow *self);

G_END_DECLS
