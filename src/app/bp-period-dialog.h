/* bp-period-dialog.h: the Scorecard's Add Period dialog: a period's
 * label and end date, then a value for each measure.
 *
 * Every field is checked as it changes, with the problem beside it, and
 * Add is enabled only when nothing is wrong and at least one value is
 * given. Add writes the period with bp_db_add_period() (one transaction)
 * and says so in a toast on the window the dialog is transient for; then
 * "period-added" is emitted, for the view to show the new period. */
#pragma once

#include <adwaita.h>

#include "bp-db.h"

G_BEGIN_DECLS

#define BP_TYPE_PERIOD_DIALOG (bp_period_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BpPeriodDialog, bp_period_dialog, BP, PERIOD_DIALOG, AdwMessageDialog)

/* A dialog, transient for @parent (may be NULL), adding a period to @db
 * for @measures (BpMeasure*, in scorecard order), whose recorded values
 * are @values (per measure, a GPtrArray of BpMeasureValue*). Both arrays
 * are kept as they are. @periods (NULL-terminated, in order, may be
 * NULL) are the scorecard's period labels: the label is filled in with
 * the one that follows the latest two by the same step (Sep-25 after
 * Sep-24 and Mar-25). */
BpPeriodDialog *bp_period_dialog_new (GtkWindow *parent, BpDb *db, GPtrArray *measures,
                                      GPtrArray *values, const char *const *periods);

G_END_DECLS
