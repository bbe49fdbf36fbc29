/* bp-rules.c: RAG, overdue, risk scoring and KPI rules. */
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bp-rules.h"
#include "bp-translate.h"

/* Status words are in the language of the document being written: they
 * go through bp_tr () (bp-translate.h), not the window's _ (). */

char
bp_rag_to_letter (BpRag rag)
{
  static const char letters[BP_RAG_COUNT] = { 'N', 'R', 'A', 'G', 'B' };

  g_return_val_if_fail (rag < BP_RAG_COUNT, 'N');
  return letters[rag];
}

const char *
bp_rag_to_label (BpRag rag)
{
  switch (rag)
    {
    case BP_RAG_RED: return bp_tr ("Red");
    case BP_RAG_AMBER: return bp_tr ("Amber");
    case BP_RAG_GREEN: return bp_tr ("Green");
    case BP_RAG_BLUE: return bp_tr ("Blue");
    case BP_RAG_NOT_STARTED:
    case BP_RAG_COUNT:
    default:
      return bp_tr ("Not started");
    }
}

gboolean
bp_rag_parse (const char *text, BpRag *out_rag)
{
  static const struct { const char *word; BpRag rag; } words[] = {
    { "n", BP_RAG_NOT_STARTED }, { "not started", BP_RAG_NOT_STARTED },
    { "r", BP_RAG_RED }, { "red", BP_RAG_RED }, { "off track", BP_RAG_RED },
    { "a", BP_RAG_AMBER }, { "amber", BP_RAG_AMBER }, { "at risk", BP_RAG_AMBER },
    { "g", BP_RAG_GREEN }, { "green", BP_RAG_GREEN }, { "on track", BP_RAG_GREEN },
    { "b", BP_RAG_BLUE }, { "blue", BP_RAG_BLUE }, { "complete", BP_RAG_BLUE },
    { "completed", BP_RAG_BLUE },
  };
  g_autofree char *folded = NULL;
  g_autoptr (GString) norm = g_string_new (NULL);

  g_return_val_if_fail (out_rag != NULL, FALSE);
  if (text == NULL)
    {
      *out_rag = BP_RAG_NOT_STARTED;
      return TRUE;
    }
  /* Fold case and collapse runs of spaces, so " Off  Track " matches. */
  folded = g_utf8_casefold (text, -1);
  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (norm->len > 0 && norm->str[norm->len - 1] != ' ')
            g_string_append_c (norm, ' ');
        }
      else
        g_string_append_c (norm, *p);
    }
  if (norm->len > 0 && norm->str[norm->len - 1] == ' ')
    g_string_truncate (norm, norm->len - 1);
  if (norm->len == 0)
    {
      *out_rag = BP_RAG_NOT_STARTED;
      return TRUE;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (norm->str, words[i].word) == 0)
      {
        *out_rag = words[i].rag;
        return TRUE;
      }
  return FALSE;
}

const char *
bp_action_effective_due (const BpAction *action)
{
  g_return_val_if_fail (action != NULL, NULL);
  return action->revised_due_date ? action->revised_due_date : action->due_date;
}

gboolean
bp_is_overdue (BpRag rag, const char *due, const char *revised_due, const char *as_of)
{
  const char *effective = revised_due ? revised_due : due;

  g_return_val_if_fail (as_of != NULL, FALSE);
  if (rag == BP_RAG_BLUE || effective == NULL)
    return FALSE;
  /* ISO dates compare correctly as strings. */
  return strcmp (effective, as_of) < 0;
}

int
bp_risk_score (int likelihood, int impact)
{
  if (likelihood < 1 || likelihood > 5 || impact < 1 || impact > 5)
    return 0;
  return likelihood * impact;
}

void
bp_risk_get_scores (const BpRisk *risk, BpRiskScoreKind kind, int *out_likelihood,
                    int *out_impact)
{
  g_return_if_fail (risk != NULL);
  g_return_if_fail (out_likelihood != NULL && out_impact != NULL);

  switch (kind)
    {
    case BP_RISK_SCORE_INHERENT:
      *out_likelihood = risk->inherent_l;
      *out_impact = risk->inherent_i;
      break;
    case BP_RISK_SCORE_TARGET:
      *out_likelihood = risk->target_l;
      *out_impact = risk->target_i;
      break;
    case BP_RISK_SCORE_CURRENT:
    default:
      *out_likelihood = risk->current_l;
      *out_impact = risk->current_i;
      break;
    }
}

const BpRiskBand *
bp_risk_band_for_score (GPtrArray *bands, int score)
{
  g_return_val_if_fail (bands != NULL, NULL);
  for (guint i = 0; i < bands->len; i++)
    {
      const BpRiskBand *b = g_ptr_array_index (bands, i);

      if (score >= b->min_score && score <= b->max_score)
        return b;
    }
  return NULL;
}

const char *
bp_likelihood_label (int likelihood)
{
  switch (likelihood)
    {
    case 1: return bp_tr ("Rare");
    case 2: return bp_tr ("Unlikely");
    case 3: return bp_tr ("Possible");
    case 4: return bp_tr ("Likely");
    case 5: return bp_tr ("Almost certain");
    default: return bp_tr ("Not scored");
    }
}

const char *
bp_impact_label (int impact)
{
  switch (impact)
    {
    case 1: return bp_tr ("Negligible");
    case 2: return bp_tr ("Minor");
    case 3: return bp_tr ("Moderate");
    case 4: return bp_tr ("Major");
    case 5: return bp_tr ("Critical");
    default: return bp_tr ("Not scored");
    }
}

BpDirection
bp_risk_direction (int previous_score, int current_score)
{
  if (previous_score <= 0 || current_score <= 0)
    return BP_DIRECTION_NONE;
  if (current_score < previous_score)
    return BP_DIRECTION_IMPROVED;
  if (current_score > previous_score)
    return BP_DIRECTION_DETERIORATED;
  return BP_DIRECTION_SUSTAINED;
}

BpKpiRag
bp_kpi_rag (const BpMeasure *measure, double value)
{
  double target, tol;

  g_return_val_if_fail (measure != NULL, BP_KPI_RAG_NONE);
  target = measure->target;
  if (isnan (value) || isnan (target))
    return BP_KPI_RAG_NONE;
  tol = isnan (measure->tolerance) ? 0.0 : fabs (measure->tolerance);

  switch (measure->polarity)
    {
    case BP_POLARITY_LOWER:
      if (value <= target)
        return BP_KPI_RAG_GREEN;
      return value <= target + tol ? BP_KPI_RAG_AMBER : BP_KPI_RAG_RED;
    case BP_POLARITY_TARGET:
      {
        double gap = fabs (value - target);

        if (gap <= tol)
          return BP_KPI_RAG_GREEN;
        return gap <= 2 * tol ? BP_KPI_RAG_AMBER : BP_KPI_RAG_RED;
      }
    case BP_POLARITY_HIGHER:
    default:
      if (value >= target)
        return BP_KPI_RAG_GREEN;
      return value >= target - tol ? BP_KPI_RAG_AMBER : BP_KPI_RAG_RED;
    }
}

BpDirection
bp_kpi_direction (const BpMeasure *measure, double previous, double current)
{
  double better; /* > 0 when current is better than previous */

  g_return_val_if_fail (measure != NULL, BP_DIRECTION_NONE);
  if (isnan (previous) || isnan (current))
    return BP_DIRECTION_NONE;

  switch (measure->polarity)
    {
    case BP_POLARITY_LOWER:
      better = previous - current;
      break;
    case BP_POLARITY_TARGET:
      if (isnan (measure->target))
        return BP_DIRECTION_NONE;
      better = fabs (previous - measure->target) - fabs (current - measure->target);
      break;
    case BP_POLARITY_HIGHER:
    default:
      better = current - previous;
      break;
    }
  /* Values are stored to a few decimal places; smaller differences are noise. */
  if (fabs (better) < 1e-9)
    return BP_DIRECTION_SUSTAINED;
  return better > 0 ? BP_DIRECTION_IMPROVED : BP_DIRECTION_DETERIORATED;
}

const char *
bp_kpi_rag_label (BpKpiRag rag)
{
  switch (rag)
    {
    case BP_KPI_RAG_RED: return bp_tr ("Red");
    case BP_KPI_RAG_AMBER: return bp_tr ("Amber");
    case BP_KPI_RAG_GREEN: return bp_tr ("Green");
    case BP_KPI_RAG_NONE:
    default:
      return bp_tr ("No RAG");
    }
}

char
bp_kpi_rag_to_letter (BpKpiRag rag)
{
  switch (rag)
    {
    case BP_KPI_RAG_RED: return bp_rag_to_letter (BP_RAG_RED);
    case BP_KPI_RAG_AMBER: return bp_rag_to_letter (BP_RAG_AMBER);
    case BP_KPI_RAG_GREEN: return bp_rag_to_letter (BP_RAG_GREEN);
    case BP_KPI_RAG_NONE:
    default:
      return '\0';
    }
}

const char *
bp_direction_label (BpDirection direction)
{
  switch (direction)
    {
    case BP_DIRECTION_IMPROVED: return bp_tr ("Improved");
    case BP_DIRECTION_SUSTAINED: return bp_tr ("Sustained");
    case BP_DIRECTION_DETERIORATED: return bp_tr ("Deteriorated");
    case BP_DIRECTION_NONE:
    default:
      return bp_tr ("No comparison");
    }
}

const char *
bp_polarity_to_string (BpPolarity polarity)
{
  switch (polarity)
    {
    case BP_POLARITY_LOWER: return "lower";
    case BP_POLARITY_TARGET: return "target";
    case BP_POLARITY_HIGHER:
    default:
      return "higher";
    }
}

gboolean
bp_polarity_parse (const char *text, BpPolarity *out_polarity)
{
  g_return_val_if_fail (out_polarity != NULL, FALSE);
  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "higher") == 0)
    *out_polarity = BP_POLARITY_HIGHER;
  else if (g_ascii_strcasecmp (text, "lower") == 0)
    *out_polarity = BP_POLARITY_LOWER;
  else if (g_ascii_strcasecmp (text, "target") == 0)
    *out_polarity = BP_POLARITY_TARGET;
  else
    return FALSE;
  return TRUE;
}

gboolean
bp_text_is_blank (const char *s)
{
  for (; s && *s; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}
