/* bp-rules.h: the rules of the domain, as pure functions. */
#pragma once

#include "bp-types.h"

G_BEGIN_DECLS

/* The letter stored in the file and shown in every RAG cell:
 * 'N' not started, 'R', 'A', 'G', 'B'. */
char bp_rag_to_letter (BpRag rag);
/* "Red", "Amber", "Green", "Blue", "Not started" (translated). */
const char *bp_rag_to_label (BpRag rag);
/* Reads letters and the words people write ("On track", "Complete",
 * "off track", " g "), case and spacing ignored; an empty string is
 * "not started". Returns FALSE for anything else. */
gboolean bp_rag_parse (const char *text, BpRag *out_rag);

/* The date an action is due by: the revised date when there is one. */
const char *bp_action_effective_due (const BpAction *action);
/* Overdue is a fact, not a RAG: due before @as_of and not complete. */
gboolean bp_is_overdue (BpRag rag, const char *due, const char *revised_due,
                        const char *as_of);

/* TRUE when @text is a real calendar date written YYYY-MM-DD. */
gboolean bp_date_is_valid (const char *text);
/* Today's date (local time) as YYYY-MM-DD. */
char *bp_date_today (void);
/* "31/03/2025" for "2025-03-31", as UK papers write dates; text that is
 * not a date is returned as it is ("" for NULL). Newly allocated. */
char *bp_date_format_uk (const char *iso);
/* Reads a date as people type it in a form (31/07/2025, 31/7/2025) or as
 * the file stores it (2025-07-31); surrounding spaces are ignored. Empty
 * text is "no date": TRUE with *out_iso NULL. FALSE for anything else. */
gboolean bp_date_parse_uk (const char *text, char **out_iso);
/* @date plus @days, as YYYY-MM-DD; NULL if @date is not valid. */
char *bp_date_add_days (const char *date, int days);

/* Risk score: likelihood x impact on the 5 x 5 matrix (0 if unscored). */
int bp_risk_score (int likelihood, int impact);
/* The band whose range holds @score, from @bands (BpRiskBand*), or NULL. */
const BpRiskBand *bp_risk_band_for_score (GPtrArray *bands, int score);
const char *bp_likelihood_label (int likelihood);
const char *bp_impact_label (int impact);
/* Direction of travel of a risk: a higher score is a worse risk. */
BpDirection bp_risk_direction (int previous_score, int current_score);

/* RAG of one value of a measure, from its target, tolerance and polarity:
 * green on or better than target, amber within tolerance, red beyond. For
 * "close to target", green within the tolerance and amber within twice it. */
BpKpiRag bp_kpi_rag (const BpMeasure *measure, double value);
/* Improved, sustained or deteriorated since the previous period. */
BpDirection bp_kpi_direction (const BpMeasure *measure, double previous, double current);
const char *bp_kpi_rag_label (BpKpiRag rag);
const char *bp_direction_label (BpDirection direction);

const char *bp_polarity_to_string (BpPolarity polarity);
gboolean bp_polarity_parse (const char *text, BpPolarity *out_polarity);

G_END_DECLS
