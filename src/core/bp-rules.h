/* bp-rules.h: the rules of the domain, as pure functions. */
#pragma once

#include "bp-dates.h"
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

/* Which of a risk's three scores: before controls, now, and aimed at. */
typedef enum
{
  BP_RISK_SCORE_INHERENT,
  BP_RISK_SCORE_CURRENT,
  BP_RISK_SCORE_TARGET,
} BpRiskScoreKind;

/* The likelihood and impact of @risk's @kind score (0 when unscored). */
void bp_risk_get_scores (const BpRisk *risk, BpRiskScoreKind kind, int *out_likelihood,
                         int *out_impact);
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
/* The RAG letter of a measure's value, as bp_rag_to_letter () writes it
 * for actions: 'R', 'A', 'G'; '\0' for no RAG. */
char bp_kpi_rag_to_letter (BpKpiRag rag);
const char *bp_direction_label (BpDirection direction);

const char *bp_polarity_to_string (BpPolarity polarity);
gboolean bp_polarity_parse (const char *text, BpPolarity *out_polarity);

/* TRUE when @s is NULL, empty or only ASCII spaces: a required text the
 * user has not given. */
gboolean bp_text_is_blank (const char *s);

G_END_DECLS
