/* bp-chart-trend.c: a KPI's values against its target, period by period. */
#include <math.h>
#include <string.h>

#include "bp-chart-private.h"

/* The value axis: its bounds never pass AXIS_LIMIT, and it has at most
 * MAX_TICKS steps. */
#define AXIS_LIMIT 1e15
#define MAX_TICKS 12

static double
nice_step (double range, int ticks)
{
  double raw = range / MAX (ticks, 1);
  double magnitude, f;

  if (raw <= 0 || !isfinite (raw))
    return 1;
  magnitude = pow (10, floor (log10 (raw)));
  f = raw / magnitude;
  if (f <= 1)
    f = 1;
  else if (f <= 2)
    f = 2;
  else if (f <= 2.5)
    f = 2.5;
  else if (f <= 5)
    f = 5;
  else
    f = 10;
  return f * magnitude;
}

/* The steps from @lo to @hi, each of @step. */
static int
tick_count (double lo, double hi, double step)
{
  double n = step > 0 ? floor ((hi - lo) / step + 0.5) : 0;

  return (int) CLAMP (n, 0, MAX_TICKS);
}

static const char *
polarity_text (BpPolarity polarity)
{
  switch (polarity)
    {
    case BP_POLARITY_LOWER: return bp_tr ("Lower is better");
    case BP_POLARITY_TARGET: return bp_tr ("Closer to target is better");
    case BP_POLARITY_HIGHER:
    default:
      return bp_tr ("Higher is better");
    }
}

#define KEY_LINE_W 22.0

/* The target's line is dashed ink, the baseline's dotted grey, in the
 * plot and in the key alike. */
static void
reference_line (BpChart *c, gboolean target, double x0, double x1, double y)
{
  double target_dashes[] = { 4, 2.5 };
  double baseline_dashes[] = { 1, 2 };

  bp_colours_set_source (c->cr, target ? bp_colours_ink () : bp_colours_muted ());
  cairo_set_line_width (c->cr, target ? 1.2 : 1.0);
  cairo_set_dash (c->cr, target ? target_dashes : baseline_dashes, 2, 0);
  cairo_move_to (c->cr, x0, y);
  cairo_line_to (c->cr, x1, y);
  cairo_stroke (c->cr);
  cairo_set_dash (c->cr, NULL, 0, 0);
}

/* Widens [@lo, @hi] to hold what the chart draws besides the values: the
 * target, its tolerance band (where amber ends) and the baseline. */
static void
value_range_include (const BpMeasure *measure, double *lo, double *hi)
{
  double tol = isnan (measure->tolerance) ? 0 : fabs (measure->tolerance);
  double marks[4] = { NAN, NAN, NAN, measure->baseline };

  if (!isnan (measure->target))
    {
      marks[0] = measure->target;
      if (measure->polarity != BP_POLARITY_LOWER)
        marks[1] = measure->target - tol;
      if (measure->polarity != BP_POLARITY_HIGHER)
        marks[2] = measure->target + tol;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++)
    if (!isnan (marks[i]))
      {
        *lo = MIN (*lo, marks[i]);
        *hi = MAX (*hi, marks[i]);
      }
}

/* A value axis starts at 0 when that costs the figures at most half the
 * plot: then the line's slope is honest about the size of a change. When
 * every figure sits far from 0 (93% to 100%), a zero-based axis would
 * flatten the series into a line along the top, so the axis spans the
 * figures instead and says so in its caption. */
static gboolean
axis_from_zero (double lo, double hi)
{
  if (lo <= 0)
    return TRUE;
  return lo <= hi - lo;
}

/* The unit goes in the tick labels for % and £, in a caption otherwise. */
static gboolean
unit_in_ticks (const BpMeasure *measure)
{
  const char *unit = bp_chart_measure_unit (measure);

  return strcmp (unit, "%") == 0 || strcmp (unit, "£") == 0 || *unit == '\0'
         || g_ascii_strcasecmp (unit, "count") == 0;
}

static char *
tick_label (const BpMeasure *measure, double value, double step)
{
  int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;

  if (unit_in_ticks (measure))
    {
      const char *unit = bp_chart_measure_unit (measure);
      g_autofree char *number = bp_chart_format_number (fabs (value), decimals);

      if (strcmp (unit, "%") == 0)
        return g_strdup_printf ("%s%s%%", value < 0 ? "\xe2\x88\x92" : "", number);
      if (strcmp (unit, "£") == 0)
        return g_strdup_printf ("%s£%s", value < 0 ? "\xe2\x88\x92" : "", number);
    }
  return bp_chart_format_number (value, decimals);
}

/* A point's value: above it, else below, else to its right, where it
 * crosses neither the target line nor the plot's edges; on a white patch
 * so the lines under it do not strike it through. */
static void
kpi_value_label (BpChart *c, const char *text, double x, double y, double marker_r, double slot,
                 double top, double bottom, double target_y)
{
  g_autoptr (PangoLayout) layout = bp_chart_text (c, text, SIZE_SMALL, TEXT_PLAIN);
  double w, h;
  struct { double x, y; } spots[3];
  int chosen = -1;

  bp_chart_text_size (layout, &w, &h);
  if (w + 4 > slot)
    return;
  spots[0].x = x - w / 2; /* top-left corners of the three places */
  spots[0].y = y - marker_r - 1 - h;
  spots[1].x = x - w / 2;
  spots[1].y = y + marker_r + 1;
  spots[2].x = x + marker_r + 2;
  spots[2].y = y - h / 2;
  for (int k = 0; k < 3 && chosen < 0; k++)
    {
      gboolean clear_of_target = isnan (target_y)
                                 || target_y < spots[k].y - 1.5 || target_y > spots[k].y + h + 1.5;

      if (spots[k].y < top || spots[k].y + h > bottom - 1)
        continue;
      if (k == 2 && spots[k].x + w > x + slot / 2)
        continue;
      if (clear_of_target)
        chosen = k;
    }
  /* No place clear of everything: the one inside the plot farthest from
   * the target line, so the label never sits on it. */
  if (chosen < 0)
    {
      double best = -1;

      for (int k = 0; k < 2; k++)
        {
          double d = isnan (target_y) ? 0 : MIN (fabs (target_y - spots[k].y),
                                                 fabs (target_y - (spots[k].y + h)));
          gboolean inside = spots[k].y >= top && spots[k].y + h <= bottom - 1;

          if (isnan (target_y) ? inside && chosen < 0 : inside && d > best)
            {
              best = d;
              chosen = k;
            }
        }
      if (chosen < 0)
        chosen = spots[0].y >= top ? 0 : 1;
    }

  cairo_rectangle (c->cr, spots[chosen].x - 1, spots[chosen].y, w + 2, h);
  bp_colours_set_source_alpha (c->cr, bp_colours_white (), 0.85);
  cairo_fill (c->cr);
  bp_chart_show_layout (c, layout, bp_colours_ink (), spots[chosen].x, spots[chosen].y, 0, 0);
}

gboolean
bp_chart_kpi_trend_axis (const BpMeasure *measure, GPtrArray *values, int n_ticks, double *out_lo,
                         double *out_hi, double *out_step)
{
  double lo = INFINITY, hi = -INFINITY, data_lo, data_hi, step;
  gboolean from_zero;

  g_return_val_if_fail (measure != NULL, TRUE);
  g_return_val_if_fail (out_lo != NULL && out_hi != NULL && out_step != NULL, TRUE);

  for (guint k = 0; values && k < values->len; k++)
    {
      const BpMeasureValue *v = g_ptr_array_index (values, k);

      if (isnan (v->value))
        continue;
      lo = MIN (lo, v->value);
      hi = MAX (hi, v->value);
    }
  value_range_include (measure, &lo, &hi);
  if (isinf (lo) && isinf (hi) && lo > hi)
    {
      lo = 0;
      hi = 1;
    }
  /* Figures no measure has (a damaged file's 1e308, or a target plus a
   * tolerance that overflows) are drawn at the edge of an axis that ends
   * at +/-AXIS_LIMIT, where the ticks are still distinct numbers. */
  lo = CLAMP (lo, -AXIS_LIMIT, AXIS_LIMIT);
  hi = CLAMP (hi, -AXIS_LIMIT, AXIS_LIMIT);
  from_zero = axis_from_zero (lo, hi);
  if (from_zero)
    lo = MIN (lo, 0);
  if (hi <= lo)
    hi = lo + 1;

  data_lo = lo;
  data_hi = hi;
  step = nice_step (hi - lo, n_ticks);
  lo = floor (lo / step + 1e-9) * step;
  hi = ceil (hi / step - 1e-9) * step;
  if (hi <= lo)
    hi = lo + step;
  /* A nice bound never crosses 0 or (for a percentage) 100 that the
   * figures themselves do not: every nice step divides 100. */
  if (data_lo >= 0 && lo < 0)
    lo = 0;
  if (strcmp (bp_chart_measure_unit (measure), "%") == 0 && data_hi <= 100 && hi > 100)
    hi = 100;
  /* At most MAX_TICKS steps, whatever the rounding did. */
  if (!(step > 0) || (hi - lo) / step > MAX_TICKS)
    step = (hi - lo) / MAX_TICKS;
  *out_lo = lo;
  *out_hi = hi;
  *out_step = step;
  return from_zero;
}

void
bp_chart_kpi_trend (cairo_t *cr, const cairo_rectangle_t *area, const BpMeasure *measure,
                    GPtrArray *values)
{
  BpChart c;
  guint n = values ? values->len : 0;
  guint n_values = 0;
  double lo, hi, step, lh, header_h, y_label_w = 0;
  double px0, px1, py0, py1, slot;
  int n_ticks;
  gboolean has_target;
  double marker_r = 6.0;
  gboolean from_zero;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);
  g_return_if_fail (measure != NULL);

  bp_chart_begin (&c, cr, area);
  lh = bp_chart_line_height (&c, SIZE_SMALL);
  has_target = !isnan (measure->target);

  for (guint k = 0; k < n; k++)
    if (!isnan (((const BpMeasureValue *) g_ptr_array_index (values, k))->value))
      n_values++;
  /* Whether the axis starts at 0 does not depend on the ticks. */
  from_zero = bp_chart_kpi_trend_axis (measure, values, 4, &lo, &hi, &step);

  /* Header: what the values are, whether the axis starts at 0, and the
   * key to the target and baseline lines, on the right; the key moves to
   * a line of its own rather than run into the text. The target's label
   * is only ever here, in the key, never on its line among the points. */
  {
    g_autoptr (GString) left = g_string_new (NULL);
    g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
    double keys_w = 0, left_w, key_y;
    double right_x = c.x + c.w - PAD;

    if (!unit_in_ticks (measure))
      {
        g_autofree char *unit = bp_tr_printf ("Values in %s. ", bp_chart_measure_unit (measure));

        g_string_append (left, unit);
      }
    g_string_append (left, polarity_text (measure->polarity));
    if (!from_zero)
      g_string_append_printf (left, ". %s", bp_tr ("The axis does not start at 0."));
    if (has_target)
      {
        g_autofree char *target = bp_chart_format_value (measure, measure->target);

        g_ptr_array_add (keys, bp_tr_printf ("Target %s", target));
      }
    if (!isnan (measure->baseline))
      {
        g_autofree char *baseline = bp_chart_format_value (measure, measure->baseline);

        g_ptr_array_add (keys, bp_tr_printf ("Baseline %s", baseline));
      }
    for (guint k = 0; k < keys->len; k++)
      keys_w += KEY_LINE_W + bp_chart_text_width (&c, keys->pdata[k], SIZE_SMALL, TEXT_PLAIN) + 10;
    left_w = bp_chart_text_width (&c, left->str, SIZE_SMALL, TEXT_PLAIN);
    bp_chart_show_text (&c, left->str, SIZE_SMALL, TEXT_PLAIN, bp_colours_muted (), c.x + PAD,
                        c.y + PAD, 0, 0);
    header_h = lh + 4;
    key_y = c.y + PAD + lh / 2;
    if (keys->len > 0 && left_w + 12 + keys_w > c.w - 2 * PAD)
      {
        key_y += lh + 2;
        header_h += lh + 2;
      }
    /* Right to left, so the last key ends at the edge. */
    for (guint k = keys->len; k-- > 0;)
      {
        double kw = bp_chart_show_text (&c, keys->pdata[k], SIZE_SMALL, TEXT_PLAIN,
                                        bp_colours_ink (), right_x, key_y, 1, 0.5);

        reference_line (&c, k == 0 && has_target, right_x - kw - KEY_LINE_W, right_x - kw - 4,
                        key_y);
        right_x -= kw + KEY_LINE_W + 10;
      }
  }

  py0 = c.y + PAD + header_h + lh + marker_r; /* room for a value label over the top point */
  py1 = c.y + c.h - PAD - lh - 4;
  n_ticks = (int) CLAMP ((py1 - py0) / 28, 2, 6);
  bp_chart_kpi_trend_axis (measure, values, n_ticks, &lo, &hi, &step);

  for (int i = 0, n_steps = tick_count (lo, hi, step); i <= n_steps; i++)
    {
      double t = lo + i * step;
      g_autofree char *label = tick_label (measure, t, step);

      y_label_w = MAX (y_label_w, bp_chart_text_width (&c, label, SIZE_SMALL, TEXT_PLAIN));
    }
  px0 = c.x + PAD + y_label_w + 6;
  px1 = c.x + c.w - PAD;
  slot = n > 0 ? (px1 - px0) / n : px1 - px0;
  /* Markers shrink to stay apart on a long series. */
  marker_r = CLAMP (slot * 0.42, 2.5, 6.0);

#define VALUE_Y(v) (py1 - (CLAMP ((v), lo, hi) - lo) / (hi - lo) * (py1 - py0))
#define SLOT_X(k) (px0 + slot * ((k) + 0.5))

  for (int i = 0, n_steps = tick_count (lo, hi, step); i <= n_steps; i++)
    {
      double t = lo + i * step;
      g_autofree char *label = tick_label (measure, t, step);
      double y = VALUE_Y (t);

      bp_chart_stroke_line (&c, fabs (t) < step / 2 ? bp_colours_muted () : bp_colours_rule (),
                            fabs (t) < step / 2 ? 0.8 : 0.5, px0, y, px1, y);
      bp_chart_show_text (&c, label, SIZE_SMALL, TEXT_PLAIN, bp_colours_muted (), px0 - 4, y, 1,
                          0.5);
    }

  /* Period labels, thinned out when they would touch. */
  if (n > 0)
    {
      double widest = 0;
      guint every;

      for (guint k = 0; k < n; k++)
        {
          const BpMeasureValue *v = g_ptr_array_index (values, k);

          widest = MAX (
              widest, bp_chart_text_width (&c, v->period ? v->period : "", SIZE_SMALL, TEXT_PLAIN));
        }
      every = (guint) MAX (1, ceil ((widest + 4) / slot));
      for (guint k = 0; k < n; k += every)
        {
          const BpMeasureValue *v = g_ptr_array_index (values, k);

          bp_chart_show_text (&c, v->period ? v->period : "", SIZE_SMALL, TEXT_PLAIN,
                              bp_colours_ink (), SLOT_X (k), py1 + 3, 0.5, 0);
        }
    }

  if (!isnan (measure->baseline))
    reference_line (&c, FALSE, px0, px1, VALUE_Y (measure->baseline));
  if (has_target)
    reference_line (&c, TRUE, px0, px1, VALUE_Y (measure->target));

  if (n_values == 0)
    {
      bp_chart_show_text (&c, bp_tr ("No values recorded"), SIZE_BODY, TEXT_BOLD, bp_colours_ink (),
                          (px0 + px1) / 2, (py0 + py1) / 2, 0.5, 0.5);
      bp_chart_end (&c);
      return;
    }

  /* The line breaks at a period without a value rather than dive to 0. */
  bp_colours_set_source (cr, bp_colours_muted ());
  cairo_set_line_width (cr, 1.5);
  for (guint k = 0; k + 1 < n; k++)
    {
      const BpMeasureValue *a = g_ptr_array_index (values, k);
      const BpMeasureValue *b = g_ptr_array_index (values, k + 1);

      if (isnan (a->value) || isnan (b->value))
        continue;
      cairo_move_to (cr, SLOT_X (k), VALUE_Y (a->value));
      cairo_line_to (cr, SLOT_X (k + 1), VALUE_Y (b->value));
    }
  cairo_stroke (cr);

  for (guint k = 0; k < n; k++)
    {
      const BpMeasureValue *v = g_ptr_array_index (values, k);
      BpKpiRag rag;
      double x = SLOT_X (k);
      double y;
      g_autofree char *label = NULL;

      if (isnan (v->value))
        {
          /* At the foot of the plot, or above the target line when that
           * runs there. */
          double ny = py1 - 2;
          double nh = bp_chart_line_height (&c, SIZE_MIN);

          if (has_target && VALUE_Y (measure->target) > ny - nh - 1.5)
            ny = VALUE_Y (measure->target) - 2.5;
          if (bp_chart_text_width (&c, bp_tr ("no value"), SIZE_MIN, TEXT_PLAIN) + 4 <= slot)
            bp_chart_show_text (&c, bp_tr ("no value"), SIZE_MIN, TEXT_PLAIN, bp_colours_muted (), x,
                                ny, 0.5, 1);
          continue;
        }
      rag = bp_kpi_rag (measure, v->value);
      y = VALUE_Y (v->value);
      if (rag == BP_KPI_RAG_NONE)
        {
          cairo_arc (cr, x, y, 2.5, 0, 2 * G_PI);
          bp_colours_set_source (cr, bp_colours_ink ());
          cairo_fill (cr);
        }
      else if (marker_r < 4.5)
        {
          /* Too small for a letter: the summary still gives every RAG. */
          cairo_arc (cr, x, y, marker_r, 0, 2 * G_PI);
          bp_colours_set_source (cr, bp_colours_kpi_rag (rag));
          cairo_fill_preserve (cr);
          bp_colours_set_source (cr, bp_colours_ink ());
          cairo_set_line_width (cr, 0.5);
          cairo_stroke (cr);
        }
      else
        {
          char letter[2] = { bp_kpi_rag_to_letter (rag), '\0' };
          BpRgb fill = bp_colours_kpi_rag (rag);

          cairo_arc (cr, x, y, marker_r, 0, 2 * G_PI);
          bp_colours_set_source (cr, fill);
          cairo_fill_preserve (cr);
          bp_colours_set_source (cr, bp_colours_white ());
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          bp_chart_show_text (&c, letter, SIZE_MIN, TEXT_BOLD, bp_colours_text_on (fill), x, y, 0.5,
                              0.5);
        }

      label = bp_chart_format_value (measure, v->value);
      kpi_value_label (&c, label, x, y, marker_r, slot, py0 - lh - marker_r, py1,
                       has_target ? VALUE_Y (measure->target) : NAN);
    }
#undef VALUE_Y
#undef SLOT_X
  bp_chart_end (&c);
}

static char *
kpi_trend_summary_one (const BpMeasure *measure, GPtrArray *values)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GPtrArray) missing = g_ptr_array_new ();
  guint n_values = 0;

  g_return_val_if_fail (measure != NULL, NULL);

  if (measure->title && *measure->title)
    g_string_append_printf (s, "%s. ", measure->title);
  g_string_append_printf (s, "%s.", polarity_text (measure->polarity));
  if (!isnan (measure->target))
    {
      g_autofree char *target = bp_chart_format_value (measure, measure->target);

      g_autofree char *rule = bp_kpi_rule_text (measure);

      g_string_append_printf (s, bp_tr (" Target %s."), target);
      g_string_append_printf (s, " %s", rule);
    }
  if (!isnan (measure->baseline))
    {
      g_autofree char *baseline = bp_chart_format_value (measure, measure->baseline);

      g_string_append_printf (s, bp_tr (" Baseline %s."), baseline);
    }
  if (values != NULL)
    for (guint k = 0; k < values->len; k++)
      {
        const BpMeasureValue *v = g_ptr_array_index (values, k);
        g_autofree char *value = NULL;
        BpKpiRag rag;

        if (isnan (v->value))
          {
            g_ptr_array_add (missing, v->period ? v->period : (char *) "?");
            continue;
          }
        value = bp_chart_format_value (measure, v->value);
        rag = bp_kpi_rag (measure, v->value);
        g_string_append_printf (s, "%s %s %s", n_values ? ";" : "", v->period ? v->period : "?",
                                value);
        if (rag != BP_KPI_RAG_NONE)
          g_string_append_printf (s, " (%s)", bp_kpi_rag_label (rag));
        n_values++;
      }
  if (n_values == 0)
    g_string_append_printf (s, " %s", bp_tr ("No values recorded."));
  else
    g_string_append_c (s, '.');
  if (missing->len > 0)
    {
      g_string_append_printf (s, " %s: ", bp_tr ("No value for"));
      for (guint k = 0; k < missing->len; k++)
        g_string_append_printf (s, "%s%s", k ? ", " : "",
                                (const char *) g_ptr_array_index (missing, k));
      g_string_append_c (s, '.');
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
bp_chart_kpi_trend_summary (const BpMeasure *measure, GPtrArray *values)
{
  BILINGUAL_SUMMARY (kpi_trend_summary_one (measure, values));
}
