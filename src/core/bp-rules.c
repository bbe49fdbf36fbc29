/* bp-rules.c: RAG, overdue, risk scoring and KPI rules. */
#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bp-rules.h"
#include "bp-translate.h"

/* Values are written to one decimal place (bp_measure_format_value), so a
 * value closer to the target than half of that is written as the target. */
#define ON_TARGET_GAP 0.05

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

        /* The tolerance is how far off target is amber, as for the other
         * polarities, so it cannot also be green: 44% against 35% with a
         * tolerance of 10 is amber. "On target" is as the value is
         * written (one decimal place), so 35.04% against 35% is green. */
        if (gap < ON_TARGET_GAP)
          return BP_KPI_RAG_GREEN;
        return gap <= tol ? BP_KPI_RAG_AMBER : BP_KPI_RAG_RED;
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

/* Numbers and values */

char *
bp_format_number (double value, int decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr (GString) out = g_string_new (NULL);
  const char *point;
  gsize int_len;

  g_snprintf (buf, sizeof buf, "%.*f", CLAMP (decimals, 0, 6), fabs (value));
  if (strchr (buf, '.') != NULL || strchr (buf, ',') != NULL)
    {
      gsize len = strlen (buf);

      while (len > 0 && buf[len - 1] == '0')
        buf[--len] = '\0';
      if (len > 0 && (buf[len - 1] == '.' || buf[len - 1] == ','))
        buf[--len] = '\0';
    }
  point = strpbrk (buf, ".,");
  int_len = point ? (gsize) (point - buf) : strlen (buf);

  if (value < 0 && strspn (buf, "0.,") != strlen (buf))
    g_string_append (out, "\xe2\x88\x92"); /* minus sign */
  for (gsize i = 0; i < int_len; i++)
    {
      g_string_append_c (out, buf[i]);
      if (int_len - i - 1 > 0 && (int_len - i - 1) % 3 == 0)
        g_string_append_c (out, ',');
    }
  if (point)
    {
      g_string_append_c (out, '.');
      g_string_append (out, point + 1);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
bp_measure_format_value (const BpMeasure *measure, double value)
{
  const char *unit = measure != NULL && measure->unit != NULL ? measure->unit : "";
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup (bp_tr ("no value"));
  if (strcmp (unit, "£") == 0)
    {
      gboolean whole = fabs (value - round (value)) < 0.005;

      number = bp_format_number (fabs (value), whole ? 0 : 2);
      if (!whole && strchr (number, '.') && strlen (strchr (number, '.')) == 2)
        {
          /* Pence always have two digits: £1.50, not £1.5. */
          char *padded = g_strconcat (number, "0", NULL);

          g_free (number);
          number = padded;
        }
      return g_strdup_printf ("%s£%s", value < 0 ? "\xe2\x88\x92" : "", number);
    }
  number = bp_format_number (value, 1);
  if (strcmp (unit, "%") == 0)
    return g_strdup_printf ("%s%%", number);
  if (*unit == '\0' || g_ascii_strcasecmp (unit, "count") == 0)
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", number, unit);
}

/* The legend and the direction words */

/* Each case is a whole sentence in the catalogue, with only the values
 * put in, so that a translation words each one as it must. */
char *
bp_kpi_rule_text (const BpMeasure *measure)
{
  g_autofree char *target = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;
  double tol;

  g_return_val_if_fail (measure != NULL, NULL);
  if (isnan (measure->target))
    return g_strdup (bp_tr ("No target is set, so the values have no RAG."));
  tol = isnan (measure->tolerance) ? 0.0 : fabs (measure->tolerance);
  target = bp_measure_format_value (measure, measure->target);
  low = bp_measure_format_value (measure, measure->target - tol);
  high = bp_measure_format_value (measure, measure->target + tol);

  switch (measure->polarity)
    {
    case BP_POLARITY_LOWER:
      if (tol == 0)
        return bp_tr_printf ("Green: %s or less; red: over %s.", target, target);
      return bp_tr_printf ("Green: %s or less; amber: over %s up to %s; red: over %s.", target,
                           target, high, high);
    case BP_POLARITY_TARGET:
      if (tol == 0)
        return bp_tr_printf ("Green: on target (%s); red: any other value.", target);
      return bp_tr_printf ("Green: on target (%s); amber: off target but from %s to %s; "
                           "red: under %s or over %s.",
                           target, low, high, low, high);
    case BP_POLARITY_HIGHER:
    default:
      if (tol == 0)
        return bp_tr_printf ("Green: %s or more; red: under %s.", target, target);
      return bp_tr_printf ("Green: %s or more; amber: %s to under %s; red: under %s.", target,
                           low, target, low);
    }
}

#define ARROW_UP "\xe2\x86\x91"    /* ↑ */
#define ARROW_DOWN "\xe2\x86\x93"  /* ↓ */
#define ARROW_LEVEL "\xe2\x86\x92" /* → */

/* The arrow is not a word: it stays once in front of a bilingual text. */
static char *
arrow_and_words (const char *arrow, const char *words)
{
  return g_strdup_printf ("%s %s", arrow, words);
}

/* The words are the domain's direction of travel (bp_direction_label ():
 * improved, sustained, deteriorated), as the window's scorecard shows
 * them, so that pack, export and window say the same. */
char *
bp_kpi_trend_text (const BpMeasure *measure, double before, double last)
{
  BpDirection direction;
  const char *arrow;

  g_return_val_if_fail (measure != NULL, NULL);
  direction = bp_kpi_direction (measure, before, last);
  if (direction == BP_DIRECTION_NONE)
    return g_strdup (bp_direction_label (direction));
  /* Equal within noise is level, whatever the digits. */
  if (direction == BP_DIRECTION_SUSTAINED || fabs (last - before) < 1e-9)
    arrow = ARROW_LEVEL;
  else
    arrow = last > before ? ARROW_UP : ARROW_DOWN;
  return arrow_and_words (arrow, bp_direction_label (direction));
}

char *
bp_risk_trend_text (int previous_score, int current_score)
{
  switch (bp_risk_direction (previous_score, current_score))
    {
    case BP_DIRECTION_NONE:
      return g_strdup (bp_direction_label (BP_DIRECTION_NONE));
    case BP_DIRECTION_SUSTAINED:
      return arrow_and_words (ARROW_LEVEL, bp_tr ("Unchanged"));
    case BP_DIRECTION_IMPROVED: /* the score fell */
      return arrow_and_words (ARROW_DOWN, bp_tr ("Risk fell"));
    case BP_DIRECTION_DETERIORATED:
    default:
      return arrow_and_words (ARROW_UP, bp_tr ("Risk rose"));
    }
}

/* Percentages */

void
bp_percentages (const int *counts, guint n, int *out_percent)
{
  g_autofree int *remainder = NULL;
  int total = 0;
  int assigned = 0;

  g_return_if_fail (counts != NULL || n == 0);
  g_return_if_fail (out_percent != NULL || n == 0);

  for (guint i = 0; i < n; i++)
    total += MAX (counts[i], 0);
  if (total == 0)
    {
      for (guint i = 0; i < n; i++)
        out_percent[i] = 0;
      return;
    }
  /* Integer arithmetic, so that remainders compare exactly and the same
   * counts give the same percentages on every machine. */
  remainder = g_new (int, n);
  for (guint i = 0; i < n; i++)
    {
      int c = MAX (counts[i], 0);

      out_percent[i] = (int) ((100 * (gint64) c) / total);
      remainder[i] = (int) ((100 * (gint64) c) % total);
      assigned += out_percent[i];
    }
  /* At most n - 1 points are left; each goes to the largest remainder
   * still waiting, the first of equal ones. */
  while (assigned < 100)
    {
      guint best = 0;

      for (guint i = 1; i < n; i++)
        if (remainder[i] > remainder[best])
          best = i;
      out_percent[best]++;
      remainder[best] = -1;
      assigned++;
    }
}

/* Vocabulary the file stores in English */

/* @stored matched, case and outer spaces ignored, against @words; the
 * index of the match or -1. */
static int
match_builtin (const char *stored, const char *const *words, gsize n_words)
{
  g_autofree char *trimmed = NULL;

  if (stored == NULL)
    return -1;
  trimmed = g_strstrip (g_strdup (stored));
  for (gsize i = 0; i < n_words; i++)
    if (g_ascii_strcasecmp (trimmed, words[i]) == 0)
      return (int) i;
  return -1;
}

const char *
bp_risk_band_display_name (const char *stored)
{
  /* The names bp-schema.c gives a new file's bands. */
  static const char *const builtin[] = { "Low", "Medium", "High", "Very high" };

  switch (match_builtin (stored, builtin, G_N_ELEMENTS (builtin)))
    {
    case 0: return bp_tr ("Low");
    case 1: return bp_tr ("Medium");
    case 2: return bp_tr ("High");
    case 3: return bp_tr ("Very high");
    default:
      return stored != NULL ? stored : "";
    }
}

const char *
bp_mitigation_status_display (const char *stored)
{
  /* The values the mitigation editor and the sample store. */
  static const char *const builtin[] = { "planned", "in progress", "done" };

  switch (match_builtin (stored, builtin, G_N_ELEMENTS (builtin)))
    {
    case 0: return bp_tr ("Planned");
    case 1: return bp_tr ("In progress");
    case 2: return bp_tr ("Done");
    default:
      return stored != NULL ? stored : "";
    }
}
