/* bp-chart.c: the charts of the dashboard and the board pack.
 *
 * Every chart lays itself out from the sizes pango measures, in points, so
 * the same code serves the window, the printer and the PDF. Layout rules
 * that recur: labels go inside a shape only when they fit it; what does not
 * fit is elided with a count ("+3") rather than overlapping; the summary
 * always carries every figure.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bp-chart-private.h"

const BpRag bp_chart_rag_order[BP_RAG_COUNT] = {
  BP_RAG_RED, BP_RAG_AMBER, BP_RAG_GREEN, BP_RAG_BLUE, BP_RAG_NOT_STARTED,
};

/* Drawing context */

void
bp_chart_begin (BpChart *c, cairo_t *cr, const cairo_rectangle_t *area)
{
  cairo_font_options_t *options;

  c->cr = cr;
  c->x = area->x;
  c->y = area->y;
  c->w = area->width;
  c->h = area->height;

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);
  cairo_new_path (cr);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  c->pango = pango_cairo_create_context (cr);
  /* Unhinted metrics lay text out the same on screen, paper and PDF, so
   * what the tests measure is what the pack prints. */
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (c->pango, options);
  cairo_font_options_destroy (options);
}

void
bp_chart_end (BpChart *c)
{
  g_clear_object (&c->pango);
  cairo_restore (c->cr);
}

PangoLayout *
bp_chart_text (BpChart *c, const char *text, double size, BpChartTextFlags flags)
{
  PangoLayout *layout = pango_layout_new (c->pango);
  g_autoptr (PangoFontDescription) desc = pango_font_description_new ();

  pango_font_description_set_family (desc, FONT_FAMILY);
  /* Absolute size: one user unit is one point, whatever the surface. */
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  if (flags & TEXT_BOLD)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  if (flags & TEXT_CONDENSED)
    pango_font_description_set_stretch (desc, PANGO_STRETCH_CONDENSED);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

void
bp_chart_text_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

double
bp_chart_text_width (BpChart *c, const char *text, double size, BpChartTextFlags flags)
{
  g_autoptr (PangoLayout) layout = bp_chart_text (c, text, size, flags);
  double width;

  bp_chart_text_size (layout, &width, NULL);
  return width;
}

double
bp_chart_line_height (BpChart *c, double size)
{
  g_autoptr (PangoLayout) layout = bp_chart_text (c, "Ag", size, TEXT_PLAIN);
  double height;

  bp_chart_text_size (layout, NULL, &height);
  return height;
}

void
bp_chart_show_layout (BpChart *c, PangoLayout *layout, BpRgb ink, double x, double y, double xalign,
                      double yalign)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  bp_colours_set_source (c->cr, ink);
  cairo_move_to (c->cr, x - (logical.x + logical.width * xalign) / PANGO_SCALE,
                 y - (logical.y + logical.height * yalign) / PANGO_SCALE);
  pango_cairo_show_layout (c->cr, layout);
  cairo_new_path (c->cr);
}

double
bp_chart_show_text (BpChart *c, const char *text, double size, BpChartTextFlags flags, BpRgb ink,
                    double x, double y, double xalign, double yalign)
{
  g_autoptr (PangoLayout) layout = bp_chart_text (c, text, size, flags);
  double width;

  bp_chart_text_size (layout, &width, NULL);
  bp_chart_show_layout (c, layout, ink, x, y, xalign, yalign);
  return width;
}

/* Text that must not be cut */

static gboolean
layout_fits (PangoLayout *layout, double width, int max_lines)
{
  double w;

  bp_chart_text_size (layout, &w, NULL);
  return pango_layout_get_line_count (layout) <= max_lines && w <= width + 0.01;
}

PangoLayout *
bp_chart_text_fit (BpChart *c, const char *text, double size, BpChartTextFlags flags, double width,
                   int max_lines)
{
  PangoLayout *layout = NULL;

  g_return_val_if_fail (max_lines >= 1, NULL);
  /* Lines break between words only; the text shrinks half a point at a
   * time, never below SIZE_MIN, until it is on @max_lines lines. */
  for (double s = size; s >= SIZE_MIN - 0.01; s -= 0.5)
    {
      g_clear_object (&layout);
      layout = bp_chart_text (c, text, MAX (s, SIZE_MIN), flags);
      pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      if (layout_fits (layout, width, max_lines))
        return layout;
    }
  /* Still too long at the smallest size: more lines rather than a cut,
   * and a word longer than the width broken where it must be. */
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

double
bp_chart_widest_word (BpChart *c, const char *text, double size, BpChartTextFlags flags)
{
  g_auto (GStrv) words = g_strsplit (text, " ", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    widest = MAX (widest, bp_chart_text_width (c, words[i], size, flags));
  return widest;
}

PangoLayout *
bp_chart_text_ellipsize_words (BpChart *c, const char *text, double size, BpChartTextFlags flags,
                               double width)
{
  g_autoptr (GString) kept = g_string_new (NULL);
  PangoLayout *layout = bp_chart_text (c, text, size, flags);
  const char *p = text;
  double w;

  bp_chart_text_size (layout, &w, NULL);
  if (w <= width)
    return layout;
  /* The longest run of whole words that fits with the ellipsis after it;
   * the reader finds the whole text in the summary and the table. */
  while (*p)
    {
      const char *end = p;
      g_autofree char *candidate = NULL;

      while (*end == ' ')
        end++;
      while (*end && *end != ' ')
        end++;
      candidate = g_strdup_printf ("%.*s\xe2\x80\xa6", (int) (end - text), text);
      if (bp_chart_text_width (c, candidate, size, flags) > width)
        break;
      g_string_assign (kept, candidate);
      p = end;
    }
  if (kept->len == 0)
    g_string_assign (kept, "\xe2\x80\xa6");
  pango_layout_set_text (layout, kept->str, -1);
  return layout;
}

/* Shapes and fills */

static void
fill_preserve_with (BpChart *c, BpRgb fill, gboolean hatch)
{
  if (hatch)
    {
      /* Not started is pale: the hatch keeps it apart from the paper. */
      BpRgb lines = { 0.62, 0.62, 0.62 };
      cairo_pattern_t *pattern = bp_colours_hatch_pattern (fill, lines);

      cairo_set_source (c->cr, pattern);
      cairo_fill_preserve (c->cr);
      cairo_pattern_destroy (pattern);
    }
  else
    {
      bp_colours_set_source (c->cr, fill);
      cairo_fill_preserve (c->cr);
    }
}

void
bp_chart_fill_rag_preserve (BpChart *c, BpRag rag)
{
  fill_preserve_with (c, bp_colours_rag (rag), rag == BP_RAG_NOT_STARTED);
}

void
bp_chart_stroke_line (BpChart *c, BpRgb ink, double width, double x0, double y0, double x1,
                      double y1)
{
  bp_colours_set_source (c->cr, ink);
  cairo_set_line_width (c->cr, width);
  cairo_move_to (c->cr, x0, y0);
  cairo_line_to (c->cr, x1, y1);
  cairo_stroke (c->cr);
}

void
bp_chart_draw_swatch (BpChart *c, double x, double y, double w, double h, BpRgb fill,
                      gboolean hatch, const char *letter)
{
  cairo_rectangle (c->cr, x, y, w, h);
  fill_preserve_with (c, fill, hatch);
  bp_colours_set_source (c->cr, bp_colours_muted ());
  cairo_set_line_width (c->cr, 0.5);
  cairo_stroke (c->cr);
  if (letter != NULL)
    bp_chart_show_text (c, letter, SIZE_MIN, TEXT_BOLD, bp_colours_text_on (fill), x + w / 2,
                        y + h / 2, 0.5, 0.5);
}

double
bp_chart_legend_flow (BpChart *c, const BpChartLegendItem *items, guint n, double x, double y,
                      double width, gboolean draw)
{
  double lh = MAX (bp_chart_line_height (c, SIZE_SMALL), SWATCH_H);
  double cx = x, cy = y;

  for (guint i = 0; i < n; i++)
    {
      double tw = bp_chart_text_width (c, items[i].text, SIZE_SMALL, TEXT_PLAIN);
      double iw = SWATCH_W + 4 + tw;

      if (cx > x && cx + iw > x + width)
        {
          cx = x;
          cy += lh + 3;
        }
      if (draw)
        {
          bp_chart_draw_swatch (c, cx, cy + (lh - SWATCH_H) / 2, SWATCH_W, SWATCH_H, items[i].fill,
                                items[i].hatch, items[i].letter);
          bp_chart_show_text (c, items[i].text, SIZE_SMALL, TEXT_PLAIN, bp_colours_ink (),
                              cx + SWATCH_W + 4, cy + lh / 2, 0, 0.5);
        }
      cx += iw + 12;
    }
  return n > 0 ? cy - y + lh : 0;
}

void
bp_chart_rag_legend_items (BpChartLegendItem items[BP_RAG_COUNT], char letters[BP_RAG_COUNT][2])
{
  for (int i = 0; i < BP_RAG_COUNT; i++)
    {
      BpRag rag = bp_chart_rag_order[i];

      letters[i][0] = bp_rag_to_letter (rag);
      letters[i][1] = '\0';
      items[i].fill = bp_colours_rag (rag);
      items[i].hatch = rag == BP_RAG_NOT_STARTED;
      items[i].letter = letters[i];
      items[i].text = bp_rag_to_label (rag);
    }
}

/* Numbers */

int
bp_chart_sum_counts (const int *counts, guint n)
{
  int total = 0;

  for (guint i = 0; i < n; i++)
    total += MAX (counts[i], 0);
  return total;
}

char *
bp_chart_format_number (double value, int decimals)
{
  return bp_format_number (value, decimals);
}

const char *
bp_chart_measure_unit (const BpMeasure *measure)
{
  return measure != NULL && measure->unit != NULL ? measure->unit : "";
}

char *
bp_chart_format_value (const BpMeasure *measure, double value)
{
  return bp_measure_format_value (measure, value);
}
