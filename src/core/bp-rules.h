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
 * "close to target" nothing is better than the target itself, so green is
 * on target (as the value is written, to one decimal place), amber within
 * the tolerance either side, red further away. */
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

/* The sentence that says how @measure's values get their RAG, in the
 * document's language, for the legend beside a measure: "Green: 95% or
 * more; amber: 90% to under 95%; red: under 90%." Newly allocated. */
char *bp_kpi_rule_text (const BpMeasure *measure);
/* How @measure moved from @before to @last, for a scorecard's direction
 * column. The arrow gives the way the number went (up, down, level), the
 * word whether that is good for this measure's polarity
 * (bp_direction_label ()): "↑ Improved" (higher is better, rose),
 * "↓ Improved" (lower is better, fell), "↑ Deteriorated",
 * "→ Sustained"; "No comparison" when either is missing. Newly allocated. */
char *bp_kpi_trend_text (const BpMeasure *measure, double before, double last);
/* A risk's score from @previous to @current in the same form: the arrow
 * is the score's way, the words say it: "↑ Risk rose", "↓ Risk fell",
 * "→ Unchanged"; "No comparison" when either is unscored (0). A risk that
 * rose is never shown with the words or the colour of good news. */
char *bp_risk_trend_text (int previous_score, int current_score);

/* Whole percentages of @counts (negative counts as 0) that add up to 100,
 * by the largest-remainder method: each gets the whole part of its share,
 * and the points left go one each to the largest remainders, an equal
 * remainder to the earlier position. 1/1/1 gives 34/33/33 wherever it is
 * shown; all 0 when the total is 0. */
void bp_percentages (const int *counts, guint n, int *out_percent);

/* @value with up to @decimals places, trailing zeros dropped and the
 * thousands grouped with commas, as UK and Welsh papers write them; a
 * minus sign (U+2212) for a negative. Newly allocated. */
char *bp_format_number (double value, int decimals);
/* A value in @measure's unit: "93.2%", "£1,250", "£1.50", "186",
 * "12 days"; "no value" (translated) for NAN. Newly allocated. */
char *bp_measure_format_value (const BpMeasure *measure, double value);

/* The name of a risk band as a document shows it: the built-in names the
 * schema gives a new file ("Low", "Medium", "High", "Very high", in any
 * case) in the document's language; a name the user gave, as written. */
const char *bp_risk_band_display_name (const char *stored);
/* A mitigation's status as a document shows it: "planned", "in progress"
 * and "done" (as the editor and the sample store them, in any case) in
 * the document's language; any other text as written; "" for none. */
const char *bp_mitigation_status_display (const char *stored);

/* TRUE when @s is NULL, empty or only ASCII spaces: a required text the
 * user has not given. */
gboolean bp_text_is_blank (const char *s);

G_END_DECLS
