/* bp-scorecard-private.h: what the Scorecard page and its Add-period
 * dialog (bp-period-dialog.c) both say about measures and their values.
 * Defined in bp-scorecard-page.c. */
#pragma once

#include "bp-types.h"

G_BEGIN_DECLS

/* The name a measure goes by in widget names and in tests: its
 * reference, or "M<id>" without one. */
char *bp_scorecard_measure_key (const BpMeasure *m);
/* "K1 Calls answered": the reference and title, as rows show them. */
char *bp_scorecard_measure_name (const BpMeasure *m);
/* "≥ 95%", "≤ 0", "35% ± 10%": the target as the polarity reads it. */
char *bp_scorecard_target_text (const BpMeasure *m);
/* The value of @values (BpMeasureValue*) for @period, or NULL. */
const BpMeasureValue *bp_scorecard_value_for (GPtrArray *values, const char *period);
/* The latest two values that are numbers, in period order; TRUE when
 * there are two (*out_latest may be set without *out_previous). */
gboolean bp_scorecard_latest_two (GPtrArray *values, const BpMeasureValue **out_previous,
                                  const BpMeasureValue **out_latest);

G_END_DECLS
