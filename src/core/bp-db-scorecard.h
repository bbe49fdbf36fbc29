/* bp-db-scorecard.h: writing the scorecard's periods. */
#pragma once

#include "bp-db.h"

G_BEGIN_DECLS

/* Adds the period @period, ending on @period_end (YYYY-MM-DD), with
 * @values (BpMeasureValue*: one per measure that has a value for it; its
 * measure_id, value and note are written, its period and period_end
 * become @period and @period_end, and its id is set). One transaction:
 * one undo step, and no value written when any fails, such as a measure
 * that has the period already. */
gboolean bp_db_add_period (BpDb *self, const char *period, const char *period_end,
                           GPtrArray *values, GError **error);

G_END_DECLS
