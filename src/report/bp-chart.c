/* bp-chart.c: the charts of the dashboard and the board pack.
 *
 * Every chart lays itself out from the sizes pango measures, in points, so
 * the same code serves the window, the printer and the PDF. Layout rules
 * that recur: labels go inside a shape only when they fit it; what does not
 * fit is elided with a count ("+3") rather than overlapping; the summary
 * always carries every figure.
 */
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#include "bp-chart.h"
#include "bp-translate.h"

/* Labels and summaries are in the language of the document being drawn
 * (bp-translate.h), or the user's outside one. */
#undef _
#define _(String) bp_tr (String)
#undef ngettext
#define ngettext(Singular, Plural, N) bp_trn (Singular, Plural, N)

/* Text alternatives list at most this many items of one kind and count the
 * rest: the tables beside the charts hold them all. */
#define SUMMARY_MAX_ITEMS 25
#include "bp-colours.h"
#include "bp-rules.h"

#define FONT_FAMILY "DejaVu Sans,Sans"

/* Text sizes in points. The smallest stays at 7 pt or more, legible on A4. */
#define SIZE_MIN 7.0
#define SIZE_SMALL 7.5
#define SIZE_BODY 8.5
#define SIZE_TITLE 9.5
#define SIZE_BIG 18.0

#define PAD 4.0

typedef enum
{
  TEXT_PLAIN = 0,
  TEXT_BOLD = 1 << 0,
  TEXT_CONDENSED = 1 << 1,
} TextFlags;

typedef struct
{
  cairo_t *cr;
  PangoContext *pango;
  double x, y, w, h;
} Chart;

typedef struct
{
  BpRgb fill;
  gboolean hatch;
  const char *letter; /* drawn on the swatch, or NULL */
  const char *text;
} LegendItem;

const BpRag bp_chart_rag_order[BP_RAG_COUNT] = {
  BP_RAG_RED, BP_RAG_AMBER, BP_RAG_GREEN, BP_RAG_BLUE, BP_RAG_NOT_STARTED,
};

/* Drawing context */

static void
chart_begin (Chart *c, cairo_t *cr, const cairo_rectangle_t *area)
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

static void
chart_end (Chart *c)
{
  g_clear_object (&c->pango);
  cairo_restore (c->cr);
}

static PangoLayout *
chart_text (Chart *c, const char *text, double size, TextFlags flags)
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

static void
text_size (PangoLayout *layout, double *width, double *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = (double) logical.width / PANGO_SCALE;
  if (height)
    *height = (double) logical.height / PANGO_SCALE;
}

static double
text_width (Chart *c, const char *text, double size, TextFlags flags)
{
  g_autoptr (PangoLayout) layout = chart_text (c, text, size, flags);
  double width;

  text_size (layout, &width, NULL);
  return width;
}

static double
line_height (Chart *c, double size)
{
  g_autoptr (PangoLayout) layout = chart_text (c, "Ag", size, TEXT_PLAIN);
  double height;

  text_size (layout, NULL, &height);
  return height;
}

/* Draws @layout with the point (@xalign, @yalign) of its box (0..1 each)
 * at @x, @y. */
static void
show_layout (Chart *c, PangoLayout *layout, BpRgb ink, double x, double y,
             double xalign, double yalign)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  bp_colours_set_source (c->cr, ink);
  cairo_move_to (c->cr, x - (logical.x + logical.width * xalign) / PANGO_SCALE,
                 y - (logical.y + logical.height * yalign) / PANGO_SCALE);
  pango_cairo_show_layout (c->cr, layout);
  cairo_new_path (c->cr);
}

static double
show_text (Chart *c, const char *text, double size, TextFlags flags, BpRgb ink,
           double x, double y, double xalign, double yalign)
{
  g_autoptr (PangoLayout) layout = chart_text (c, text, size, flags);
  double width;

  text_size (layout, &width, NULL);
  show_layout (c, layout, ink, x, y, xalign, yalign);
  return width;
}

/* Shapes and fills */

static void
fill_preserve_with (Chart *c, BpRgb fill, gboolean hatch)
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

static void
fill_rag_preserve (Chart *c, BpRag rag)
{
  fill_preserve_with (c, bp_colours_rag (rag), rag == BP_RAG_NOT_STARTED);
}

static void
stroke_line (Chart *c, BpRgb ink, double width, double x0, double y0, double x1, double y1)
{
  bp_colours_set_source (c->cr, ink);
  cairo_set_line_width (c->cr, width);
  cairo_move_to (c->cr, x0, y0);
  cairo_line_to (c->cr, x1, y1);
  cairo_stroke (c->cr);
}

static void
draw_swatch (Chart *c, double x, double y, double w, double h, BpRgb fill,
             gboolean hatch, const char *letter)
{
  cairo_rectangle (c->cr, x, y, w, h);
  fill_preserve_with (c, fill, hatch);
  bp_colours_set_source (c->cr, bp_colours_muted ());
  cairo_set_line_width (c->cr, 0.5);
  cairo_stroke (c->cr);
  if (letter != NULL)
    show_text (c, letter, SIZE_MIN, TEXT_BOLD, bp_colours_text_on (fill),
               x + w / 2, y + h / 2, 0.5, 0.5);
}

#define SWATCH_W 14.0
#define SWATCH_H 11.0

/* Lays the legend out left to right, wrapping at @width; draws it when
 * @draw. Returns its height. */
static double
legend_flow (Chart *c, const LegendItem *items, guint n, double x, double y,
             double width, gboolean draw)
{
  double lh = MAX (line_height (c, SIZE_SMALL), SWATCH_H);
  double cx = x, cy = y;

  for (guint i = 0; i < n; i++)
    {
      double tw = text_width (c, items[i].text, SIZE_SMALL, TEXT_PLAIN);
      double iw = SWATCH_W + 4 + tw;

      if (cx > x && cx + iw > x + width)
        {
          cx = x;
          cy += lh + 3;
        }
      if (draw)
        {
          draw_swatch (c, cx, cy + (lh - SWATCH_H) / 2, SWATCH_W, SWATCH_H,
                       items[i].fill, items[i].hatch, items[i].letter);
          show_text (c, items[i].text, SIZE_SMALL, TEXT_PLAIN, bp_colours_ink (),
                     cx + SWATCH_W + 4, cy + lh / 2, 0, 0.5);
        }
      cx += iw + 12;
    }
  return n > 0 ? cy - y + lh : 0;
}

static void
rag_legend_items (LegendItem items[BP_RAG_COUNT], char letters[BP_RAG_COUNT][2])
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

/* Numbers and dates */

void
bp_chart_percentages (const int *counts, guint n, int *out_percent)
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
  /* Integer arithmetic: the remainders compare exactly. */
  remainder = g_new (int, n);
  for (guint i = 0; i < n; i++)
    {
      int c = MAX (counts[i], 0);

      out_percent[i] = (100 * c) / total;
      remainder[i] = (100 * c) % total;
      assigned += out_percent[i];
    }
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

static int
sum_counts (const int *counts, guint n)
{
  int total = 0;

  for (guint i = 0; i < n; i++)
    total += MAX (counts[i], 0);
  return total;
}

/* @value with up to @decimals places, trailing zeros dropped and the
 * thousands grouped with commas, as UK and Welsh papers write them. */
static char *
format_number (double value, int decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_autoptr (GString) out = g_string_new (NULL);
  const char *digits;
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
  digits = buf;
  point = strpbrk (digits, ".,");
  int_len = point ? (gsize) (point - digits) : strlen (digits);

  if (value < 0 && strspn (buf, "0.,") != strlen (buf))
    g_string_append (out, "\xe2\x88\x92"); /* minus sign */
  for (gsize i = 0; i < int_len; i++)
    {
      g_string_append_c (out, digits[i]);
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

static const char *
measure_unit (const BpMeasure *measure)
{
  return measure != NULL && measure->unit != NULL ? measure->unit : "";
}

char *
bp_chart_format_value (const BpMeasure *measure, double value)
{
  const char *unit = measure_unit (measure);
  g_autofree char *number = NULL;

  if (isnan (value))
    return g_strdup (_("no value"));
  if (strcmp (unit, "£") == 0)
    {
      gboolean whole = fabs (value - round (value)) < 0.005;

      number = format_number (fabs (value), whole ? 0 : 2);
      if (!whole && strchr (number, '.') && strlen (strchr (number, '.')) == 2)
        {
          /* Pence always have two digits: £1.50, not £1.5. */
          char *padded = g_strconcat (number, "0", NULL);

          g_free (number);
          number = padded;
        }
      return g_strdup_printf ("%s£%s", value < 0 ? "\xe2\x88\x92" : "", number);
    }
  number = format_number (value, 1);
  if (strcmp (unit, "%") == 0)
    return g_strdup_printf ("%s%%", number);
  if (*unit == '\0' || g_ascii_strcasecmp (unit, "count") == 0)
    return g_steal_pointer (&number);
  return g_strdup_printf ("%s %s", number, unit);
}

static gboolean
parse_date (const char *iso, GDate *out)
{
  if (!bp_date_is_valid (iso))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, atoi (iso + 8), atoi (iso + 5), atoi (iso));
  return TRUE;
}

/* 31/03/2025, the way UK papers write a date. */
static char *
format_uk_date (const char *iso)
{
  GDate d;

  if (!parse_date (iso, &d))
    return g_strdup (iso ? iso : "");
  return g_strdup_printf ("%02d/%02d/%04d", g_date_get_day (&d), g_date_get_month (&d),
                          g_date_get_year (&d));
}

/* BRAG donut */

/* TRUE when a box lies inside the ring sector [a0, a1] between the two
 * radii: its corners and edge midpoints are tested, which is enough for
 * the small labels placed at a sector's middle. */
static gboolean
box_in_sector (double cx, double cy, double r_in, double r_out, double a0, double a1,
               double bx, double by, double bw, double bh)
{
  gboolean full = a1 - a0 >= 2 * G_PI - 1e-6;

  for (int i = 0; i <= 2; i++)
    for (int j = 0; j <= 2; j++)
      {
        double px = bx + bw * i / 2.0;
        double py = by + bh * j / 2.0;
        double r = hypot (px - cx, py - cy);

        if (i == 1 && j == 1)
          continue;
        if (r < r_in || r > r_out)
          return FALSE;
        if (!full)
          {
            double a = atan2 (py - cy, px - cx);

            while (a < a0)
              a += 2 * G_PI;
            while (a >= a0 + 2 * G_PI)
              a -= 2 * G_PI;
            if (a > a1)
              return FALSE;
          }
      }
  return TRUE;
}

static void
donut_segment_label (Chart *c, BpRag rag, int count, int percent, double cx, double cy,
                     double r_in, double r_out, double a0, double a1)
{
  char letter = bp_rag_to_letter (rag);
  g_autofree char *two_lines = g_strdup_printf ("%c %d\n%d%%", letter, count, percent);
  g_autofree char *one_line = g_strdup_printf ("%c %d", letter, count);
  g_autofree char *bare = g_strdup_printf ("%c", letter);
  const char *candidates[] = { two_lines, one_line, bare };
  double mid = (a0 + a1) / 2;
  double rm = (r_in + r_out) / 2;
  double px = cx + rm * cos (mid);
  double py = cy + rm * sin (mid);

  for (gsize i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      g_autoptr (PangoLayout) layout = chart_text (c, candidates[i], SIZE_BODY, TEXT_BOLD);
      double w, h;

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      text_size (layout, &w, &h);
      /* A margin inside the ring keeps text off the segment edges. */
      if (box_in_sector (cx, cy, r_in + 1.5, r_out - 1.5, a0 + 0.02, a1 - 0.02,
                         px - w / 2 - 1, py - h / 2, w + 2, h))
        {
          show_layout (c, layout, bp_colours_text_on (bp_colours_rag (rag)), px, py, 0.5, 0.5);
          return;
        }
    }
}

typedef struct
{
  const char *cells[5];
  TextFlags flags;
  BpRag rag; /* swatch, or BP_RAG_COUNT for none */
} DonutRow;

static void
donut_table (Chart *c, const int counts[BP_RAG_COUNT], double x, double width)
{
  int in_progress[3] = { counts[BP_RAG_RED], counts[BP_RAG_AMBER], counts[BP_RAG_GREEN] };
  int all_pct[BP_RAG_COUNT], prog_pct[3];
  int ordered[BP_RAG_COUNT];
  int total = sum_counts (counts, BP_RAG_COUNT);
  int progress_total = sum_counts (in_progress, 3);
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  DonutRow rows[BP_RAG_COUNT + 2];
  double col_w[5] = { 0 };
  double lh = line_height (c, SIZE_BODY);
  double row_h = lh + 5;
  double gap = 10;
  double table_w, table_h, note_h, top;
  g_autofree char *note = NULL;
  g_autoptr (PangoLayout) note_layout = NULL;
  double col_x[5];
  double shrink;

  for (int i = 0; i < BP_RAG_COUNT; i++)
    ordered[i] = counts[bp_chart_rag_order[i]];
  bp_chart_percentages (ordered, BP_RAG_COUNT, all_pct);
  bp_chart_percentages (in_progress, 3, prog_pct);

  rows[0] = (DonutRow) { { "", _("Status"), _("Actions"),
                           /* xgettext:no-c-format */
                           _("% of all"),
                           /* xgettext:no-c-format */
                           _("% in progress") },
                         TEXT_BOLD, BP_RAG_COUNT };
  for (int i = 0; i < BP_RAG_COUNT; i++)
    {
      BpRag rag = bp_chart_rag_order[i];
      char *n = g_strdup_printf ("%d", ordered[i]);
      char *p = g_strdup_printf ("%d%%", all_pct[i]);
      char *q = rag <= BP_RAG_GREEN && rag != BP_RAG_NOT_STARTED && progress_total > 0
                  ? g_strdup_printf ("%d%%", prog_pct[rag - BP_RAG_RED])
                  : g_strdup ("\xe2\x80\x93"); /* en dash: not counted */

      g_ptr_array_add (strings, n);
      g_ptr_array_add (strings, p);
      g_ptr_array_add (strings, q);
      rows[i + 1] = (DonutRow) { { "", bp_rag_to_label (rag), n, p, q }, TEXT_PLAIN, rag };
    }
  {
    char *n = g_strdup_printf ("%d", total);

    g_ptr_array_add (strings, n);
    rows[BP_RAG_COUNT + 1] = (DonutRow) {
      { "", _("Total"), n, "100%", progress_total > 0 ? "100%" : "\xe2\x80\x93" },
      TEXT_BOLD,
      BP_RAG_COUNT,
    };
  }

  col_w[0] = SWATCH_W;
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    for (int k = 1; k < 5; k++)
      col_w[k] = MAX (col_w[k], text_width (c, rows[r].cells[k], SIZE_BODY, rows[r].flags));
  /* Narrower gaps when the table is tight; if the headers (longer in
   * Welsh) still do not fit, the table is drawn a little smaller rather
   * than past the chart's edge. */
  table_w = col_w[0] + col_w[1] + col_w[2] + col_w[3] + col_w[4] + 4 * gap;
  if (table_w > width)
    {
      gap = 6;
      table_w = col_w[0] + col_w[1] + col_w[2] + col_w[3] + col_w[4] + 4 * gap;
    }
  shrink = table_w > width && width > 0 ? width / table_w : 1.0;
  col_x[0] = x;
  for (int k = 1; k < 5; k++)
    col_x[k] = col_x[k - 1] + col_w[k - 1] + gap;

  note = g_strdup_printf (ngettext ("In progress: %d action, red, amber or green. "
                                    "Complete (blue) and not-started actions are left out "
                                    "of \u201c%% in progress\u201d.",
                                    "In progress: %d actions, red, amber or green. "
                                    "Complete (blue) and not-started actions are left out "
                                    "of \u201c%% in progress\u201d.",
                                    progress_total),
                          progress_total);
  note_layout = chart_text (c, note, SIZE_SMALL, TEXT_PLAIN);
  pango_layout_set_width (note_layout, (int) (MAX (width, 40) * PANGO_SCALE));
  pango_layout_set_wrap (note_layout, PANGO_WRAP_WORD_CHAR);
  text_size (note_layout, NULL, &note_h);

  table_h = row_h * G_N_ELEMENTS (rows) * shrink;
  top = c->y + MAX (PAD, (c->h - table_h - 8 - note_h) / 2);

  cairo_save (c->cr);
  cairo_translate (c->cr, x, top);
  cairo_scale (c->cr, shrink, shrink);
  cairo_translate (c->cr, -x, -top);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      double cy = top + row_h * (r + 0.5);

      if (r == G_N_ELEMENTS (rows) - 1)
        stroke_line (c, bp_colours_muted (), 0.6, x, top + row_h * r,
                     x + table_w, top + row_h * r);
      if (rows[r].rag != BP_RAG_COUNT)
        {
          char letter[2] = { bp_rag_to_letter (rows[r].rag), '\0' };

          draw_swatch (c, col_x[0], cy - SWATCH_H / 2, SWATCH_W, SWATCH_H,
                       bp_colours_rag (rows[r].rag), rows[r].rag == BP_RAG_NOT_STARTED, letter);
        }
      show_text (c, rows[r].cells[1], SIZE_BODY, rows[r].flags, bp_colours_ink (),
                 col_x[1], cy, 0, 0.5);
      /* Numbers right-aligned so their digits line up. */
      for (int k = 2; k < 5; k++)
        show_text (c, rows[r].cells[k], SIZE_BODY, rows[r].flags, bp_colours_ink (),
                   col_x[k] + col_w[k], cy, 1, 0.5);
    }
  stroke_line (c, bp_colours_muted (), 0.6, x, top + row_h, x + table_w, top + row_h);
  cairo_restore (c->cr);
  show_layout (c, note_layout, bp_colours_muted (), x, top + table_h + 8, 0, 0);
}

void
bp_chart_brag_donut (cairo_t *cr, const cairo_rectangle_t *area, const int counts[BP_RAG_COUNT])
{
  Chart c;
  int total, ordered[BP_RAG_COUNT], pct[BP_RAG_COUNT];
  double r_out, r_in, cx, cy, angle;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);
  g_return_if_fail (counts != NULL);

  chart_begin (&c, cr, area);
  total = sum_counts (counts, BP_RAG_COUNT);
  /* The donut takes at most about 40 % of the width; the table the rest. */
  r_out = MAX (10, MIN (c.h - 2 * PAD, c.w * 0.4) / 2);
  r_in = r_out * 0.56;
  cx = c.x + PAD + r_out;
  cy = c.y + c.h / 2;

  if (total == 0)
    {
      double dashes[] = { 3, 3 };

      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, r_out, 0, 2 * G_PI);
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, r_in, 0, 2 * G_PI);
      bp_colours_set_source (cr, bp_colours_muted ());
      cairo_set_line_width (cr, 0.8);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      show_text (&c, _("No actions"), SIZE_BODY, TEXT_BOLD, bp_colours_ink (), cx, cy, 0.5, 0.5);
      show_text (&c, _("Add actions to the plan to see their status here."), SIZE_SMALL,
                 TEXT_PLAIN, bp_colours_muted (), cx + r_out + 16, cy, 0, 0.5);
      chart_end (&c);
      return;
    }

  for (int i = 0; i < BP_RAG_COUNT; i++)
    ordered[i] = counts[bp_chart_rag_order[i]];
  bp_chart_percentages (ordered, BP_RAG_COUNT, pct);

  /* Clockwise from twelve o'clock, in the order of the table. */
  angle = -G_PI / 2;
  for (int i = 0; i < BP_RAG_COUNT; i++)
    {
      double span;

      if (ordered[i] <= 0)
        continue;
      span = 2 * G_PI * ordered[i] / total;
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, r_out, angle, angle + span);
      cairo_arc_negative (cr, cx, cy, r_in, angle + span, angle);
      cairo_close_path (cr);
      fill_rag_preserve (&c, bp_chart_rag_order[i]);
      /* White seams keep neighbours apart in greyscale. */
      bp_colours_set_source (cr, bp_colours_white ());
      cairo_set_line_width (cr, ordered[i] == total ? 0 : 1.2);
      if (ordered[i] == total)
        cairo_new_path (cr);
      else
        cairo_stroke (cr);
      angle += span;
    }
  angle = -G_PI / 2;
  for (int i = 0; i < BP_RAG_COUNT; i++)
    {
      double span;

      if (ordered[i] <= 0)
        continue;
      span = 2 * G_PI * ordered[i] / total;
      donut_segment_label (&c, bp_chart_rag_order[i], ordered[i], pct[i], cx, cy, r_in, r_out,
                           angle, angle + span);
      angle += span;
    }

  {
    g_autofree char *number = g_strdup_printf ("%d", total);

    show_text (&c, number, SIZE_BIG, TEXT_BOLD, bp_colours_ink (), cx, cy + 2, 0.5, 1);
    show_text (&c, ngettext ("action", "actions", total), SIZE_BODY, TEXT_PLAIN,
               bp_colours_ink (), cx, cy + 2, 0.5, 0);
  }

  {
    double tx = cx + r_out + 18;

    donut_table (&c, counts, tx, c.x + c.w - PAD - tx);
  }
  chart_end (&c);
}

static char *
brag_donut_summary_one (const int counts[BP_RAG_COUNT])
{
  g_autoptr (GString) s = g_string_new (NULL);
  int ordered[BP_RAG_COUNT], pct[BP_RAG_COUNT];
  int in_progress[3], prog_pct[3];
  int total, progress_total;

  g_return_val_if_fail (counts != NULL, NULL);

  total = sum_counts (counts, BP_RAG_COUNT);
  if (total == 0)
    return g_strdup (_("No actions."));

  for (int i = 0; i < BP_RAG_COUNT; i++)
    ordered[i] = counts[bp_chart_rag_order[i]];
  bp_chart_percentages (ordered, BP_RAG_COUNT, pct);
  g_string_append_printf (s, ngettext ("%d action: ", "%d actions: ", total), total);
  for (int i = 0; i < BP_RAG_COUNT; i++)
    g_string_append_printf (s, "%s%s %d (%d%%)", i > 0 ? ", " : "",
                            bp_rag_to_label (bp_chart_rag_order[i]), ordered[i], pct[i]);
  g_string_append (s, ". ");

  in_progress[0] = counts[BP_RAG_RED];
  in_progress[1] = counts[BP_RAG_AMBER];
  in_progress[2] = counts[BP_RAG_GREEN];
  progress_total = sum_counts (in_progress, 3);
  if (progress_total == 0)
    {
      g_string_append (s, _("No actions in progress (red, amber or green)."));
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  bp_chart_percentages (in_progress, 3, prog_pct);
  g_string_append_printf (s,
                          ngettext ("In progress (red, amber and green; complete and not-started "
                                    "actions left out): %d action: ",
                                    "In progress (red, amber and green; complete and not-started "
                                    "actions left out): %d actions: ",
                                    progress_total),
                          progress_total);
  g_string_append_printf (s, "%s %d%%, %s %d%%, %s %d%%.", bp_rag_to_label (BP_RAG_RED),
                          prog_pct[0], bp_rag_to_label (BP_RAG_AMBER), prog_pct[1],
                          bp_rag_to_label (BP_RAG_GREEN), prog_pct[2]);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* BRAG by priority */

void
bp_chart_brag_by_priority (cairo_t *cr, const cairo_rectangle_t *area,
                           const BpChartPriorityRow *rows, guint n_rows)
{
  Chart c;
  LegendItem items[BP_RAG_COUNT];
  char letters[BP_RAG_COUNT][2];
  double legend_h, axis_h, label_w, total_w, bar_x0, bar_x1, top, bottom, row_h, bar_h, lh;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);
  g_return_if_fail (rows != NULL || n_rows == 0);

  chart_begin (&c, cr, area);
  if (n_rows == 0)
    {
      show_text (&c, _("No priority areas"), SIZE_BODY, TEXT_BOLD, bp_colours_ink (),
                 c.x + c.w / 2, c.y + c.h / 2, 0.5, 0.5);
      chart_end (&c);
      return;
    }

  lh = line_height (&c, SIZE_BODY);
  rag_legend_items (items, letters);

  /* Totals column on the right, its header level with the legend. */
  total_w = text_width (&c, _("Total"), SIZE_SMALL, TEXT_BOLD);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *n = g_strdup_printf ("%d", sum_counts (rows[i].counts, BP_RAG_COUNT));

      total_w = MAX (total_w, text_width (&c, n, SIZE_BODY, TEXT_BOLD));
    }

  label_w = 0;
  for (guint i = 0; i < n_rows; i++)
    label_w = MAX (label_w, text_width (&c, rows[i].label ? rows[i].label : "", SIZE_BODY,
                                        TEXT_PLAIN));
  /* Long names wrap onto two lines rather than squeeze the bars. */
  label_w = MIN (label_w, c.w * 0.34);

  bar_x0 = c.x + PAD + label_w + 8;
  bar_x1 = c.x + c.w - PAD - total_w - 8;
  legend_h = legend_flow (&c, items, BP_RAG_COUNT, bar_x0, c.y + PAD, bar_x1 - bar_x0, FALSE);
  legend_flow (&c, items, BP_RAG_COUNT, bar_x0, c.y + PAD, bar_x1 - bar_x0, TRUE);
  show_text (&c, _("Total"), SIZE_SMALL, TEXT_BOLD, bp_colours_ink (), c.x + c.w - PAD,
             c.y + PAD + MAX (line_height (&c, SIZE_SMALL), SWATCH_H) / 2, 1, 0.5);

  axis_h = line_height (&c, SIZE_SMALL) + 4;
  top = c.y + PAD + legend_h + 8;
  bottom = c.y + c.h - PAD - axis_h;
  row_h = MIN ((bottom - top) / n_rows, 2 * lh + 10);
  bar_h = MIN (row_h * 0.72, 20);

  /* Gridlines at quarters, labelled as shares of each bar. */
  for (int q = 0; q <= 4; q++)
    {
      double gx = bar_x0 + (bar_x1 - bar_x0) * q / 4.0;
      g_autofree char *label = g_strdup_printf ("%d%%", q * 25);

      stroke_line (&c, bp_colours_rule (), 0.5, gx, top, gx, top + row_h * n_rows);
      show_text (&c, label, SIZE_SMALL, TEXT_PLAIN, bp_colours_muted (), gx,
                 top + row_h * n_rows + 2, q == 0 ? 0 : q == 4 ? 1 : 0.5, 0);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      const BpChartPriorityRow *row = &rows[i];
      int total = sum_counts (row->counts, BP_RAG_COUNT);
      double cy = top + row_h * (i + 0.5);
      double by = cy - bar_h / 2;
      double x = bar_x0;
      g_autoptr (PangoLayout) label = chart_text (&c, row->label ? row->label : "", SIZE_BODY,
                                                  TEXT_PLAIN);
      g_autofree char *n = g_strdup_printf ("%d", total);

      pango_layout_set_width (label, (int) (label_w * PANGO_SCALE));
      pango_layout_set_wrap (label, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      /* Two lines when the row has room for them, else one. */
      pango_layout_set_height (label, row_h >= 2 * lh + 2 ? -2 : -1);
      show_layout (&c, label, bp_colours_ink (), c.x + PAD, cy, 0, 0.5);
      show_text (&c, n, SIZE_BODY, TEXT_BOLD, bp_colours_ink (), c.x + c.w - PAD, cy, 1, 0.5);

      if (total == 0)
        {
          cairo_rectangle (cr, bar_x0, by, bar_x1 - bar_x0, bar_h);
          bp_colours_set_source (cr, bp_colours_muted ());
          cairo_set_line_width (cr, 0.5);
          cairo_stroke (cr);
          show_text (&c, _("No actions"), SIZE_SMALL, TEXT_PLAIN, bp_colours_muted (),
                     bar_x0 + 4, cy, 0, 0.5);
          continue;
        }

      for (int k = 0; k < BP_RAG_COUNT; k++)
        {
          BpRag rag = bp_chart_rag_order[k];
          int count = MAX (row->counts[rag], 0);
          double sw = (bar_x1 - bar_x0) * count / total;
          g_autofree char *full = NULL;
          char bare[2] = { bp_rag_to_letter (rag), '\0' };

          if (count == 0)
            continue;
          cairo_rectangle (cr, x, by, sw, bar_h);
          fill_rag_preserve (&c, rag);
          bp_colours_set_source (cr, bp_colours_white ());
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);

          full = g_strdup_printf ("%c %d", bp_rag_to_letter (rag), count);
          if (text_width (&c, full, SIZE_SMALL, TEXT_BOLD) + 4 <= sw)
            show_text (&c, full, SIZE_SMALL, TEXT_BOLD, bp_colours_text_on (bp_colours_rag (rag)),
                       x + sw / 2, cy, 0.5, 0.5);
          else if (text_width (&c, bare, SIZE_SMALL, TEXT_BOLD) + 2 <= sw)
            show_text (&c, bare, SIZE_SMALL, TEXT_BOLD, bp_colours_text_on (bp_colours_rag (rag)),
                       x + sw / 2, cy, 0.5, 0.5);
          x += sw;
        }
    }
  chart_end (&c);
}

static char *
brag_by_priority_summary_one (const BpChartPriorityRow *rows, guint n_rows)
{
  g_autoptr (GString) s = g_string_new (NULL);

  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);
  if (n_rows == 0)
    return g_strdup (_("No priority areas."));

  g_string_append_printf (s, ngettext ("BRAG status by priority area (%u area).",
                                       "BRAG status by priority area (%u areas).", n_rows),
                          n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      int total = sum_counts (rows[i].counts, BP_RAG_COUNT);
      gboolean first = TRUE;

      g_string_append_printf (s, " %s: ", rows[i].label ? rows[i].label : "");
      if (total == 0)
        {
          g_string_append (s, _("no actions."));
          continue;
        }
      g_string_append_printf (s, ngettext ("%d action (", "%d actions (", total), total);
      for (int k = 0; k < BP_RAG_COUNT; k++)
        {
          BpRag rag = bp_chart_rag_order[k];

          if (rows[i].counts[rag] <= 0)
            continue;
          g_string_append_printf (s, "%s%s %d", first ? "" : ", ", bp_rag_to_label (rag),
                                  rows[i].counts[rag]);
          first = FALSE;
        }
      g_string_append (s, ").");
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Risk heat map */

typedef struct
{
  double grid_x, grid_y, cell_w, cell_h;
  double label_w;       /* likelihood labels, left of the grid */
  double axis_title_w;  /* "Likelihood", turned */
  double title_h;
  double x_labels_h;
  double legend_y;
  gboolean condensed;   /* impact words in the condensed face */
  gboolean staggered;   /* impact labels on two alternating rows */
} HeatLayout;

static int
compare_bands (gconstpointer a, gconstpointer b)
{
  const BpRiskBand *x = *(BpRiskBand *const *) a;
  const BpRiskBand *y = *(BpRiskBand *const *) b;

  return x->min_score - y->min_score;
}

static GPtrArray *
sorted_bands (GPtrArray *bands)
{
  GPtrArray *sorted = g_ptr_array_new ();

  if (bands != NULL)
    for (guint i = 0; i < bands->len; i++)
      g_ptr_array_add (sorted, g_ptr_array_index (bands, i));
  g_ptr_array_sort (sorted, compare_bands);
  return sorted;
}

static char *
band_legend_text (const BpRiskBand *band)
{
  return g_strdup_printf ("%s %d\xe2\x80\x93%d", band->name ? band->name : "", band->min_score,
                          band->max_score);
}

static double
heat_legend (Chart *c, GPtrArray *bands, double x, double y, double width, gboolean draw)
{
  g_autoptr (GPtrArray) sorted = sorted_bands (bands);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree LegendItem *items = g_new0 (LegendItem, MAX (sorted->len, 1));

  for (guint i = 0; i < sorted->len; i++)
    {
      const BpRiskBand *band = g_ptr_array_index (sorted, i);
      char *text = band_legend_text (band);

      g_ptr_array_add (texts, text);
      if (!bp_colours_parse (band->colour, &items[i].fill))
        items[i].fill = bp_colours_white ();
      items[i].text = text;
    }
  return legend_flow (c, items, sorted->len, x, y, width, draw);
}

static char *
impact_label_text (int impact, gboolean one_line)
{
  return g_strdup_printf (one_line ? "%d %s" : "%d\n%s", impact, bp_impact_label (impact));
}

static void
heat_layout (Chart *c, const char *title, GPtrArray *bands, HeatLayout *out)
{
  double lh = line_height (c, SIZE_SMALL);
  double natural = 0, widest_word = 0;
  double legend_h, grid_w, grid_h, max_cell_w;

  memset (out, 0, sizeof *out);
  out->title_h = title != NULL && *title ? line_height (c, SIZE_TITLE) + 4 : 0;
  out->axis_title_w = lh + 2;

  /* Likelihood labels: "5 Almost certain", wrapped at a fifth of the width
   * but never narrower than their longest word. */
  for (int l = 1; l <= 5; l++)
    {
      g_autofree char *text = g_strdup_printf ("%d %s", l, bp_likelihood_label (l));
      g_auto (GStrv) words = g_strsplit (text, " ", -1);

      natural = MAX (natural, text_width (c, text, SIZE_SMALL, TEXT_PLAIN));
      for (guint i = 0; words[i] != NULL; i++)
        {
          /* The number stays with the first word. */
          g_autofree char *word = i == 0 && words[1] != NULL
                                    ? g_strdup_printf ("%s %s", words[0], words[1])
                                    : g_strdup (words[i]);

          widest_word = MAX (widest_word, text_width (c, word, SIZE_SMALL, TEXT_PLAIN));
        }
    }
  out->label_w = MIN (natural, MAX (c->w * 0.2, widest_word));

  out->grid_x = c->x + PAD + out->axis_title_w + out->label_w + 5;
  grid_w = c->x + c->w - PAD - out->grid_x;
  out->cell_w = grid_w / 5;

  /* Impact words under their columns; a condensed face, then two
   * staggered rows, when a column is too narrow for them. */
  for (int pass = 0; pass < 2; pass++)
    {
      double widest = 0;

      for (int i = 1; i <= 5; i++)
        widest = MAX (widest, text_width (c, bp_impact_label (i), SIZE_SMALL,
                                          pass ? TEXT_CONDENSED : TEXT_PLAIN));
      out->condensed = pass == 1;
      if (widest <= out->cell_w - 3)
        break;
      if (pass == 1)
        out->staggered = TRUE;
    }
  out->x_labels_h = 2 * lh + 3;

  legend_h = heat_legend (c, bands, out->grid_x, 0, grid_w, FALSE);
  out->grid_y = c->y + PAD + out->title_h;
  grid_h = c->y + c->h - PAD - legend_h - 6 - lh - 2 - out->x_labels_h - out->grid_y;
  out->cell_h = MAX (grid_h / 5, 8);

  /* Keep cells from turning into long strips on a wide page. */
  max_cell_w = out->cell_h * 2.4;
  if (out->cell_w > max_cell_w && !out->staggered)
    {
      double spare = (out->cell_w - max_cell_w) * 5;

      out->cell_w = max_cell_w;
      out->grid_x += spare / 2;
    }
  out->legend_y = out->grid_y + 5 * out->cell_h + out->x_labels_h + lh + 8;
}

static void
heat_cell_rect (const HeatLayout *hl, int likelihood, int impact, cairo_rectangle_t *out)
{
  out->x = hl->grid_x + (impact - 1) * hl->cell_w;
  out->y = hl->grid_y + (5 - likelihood) * hl->cell_h;
  out->width = hl->cell_w;
  out->height = hl->cell_h;
}

static void
risk_score_of (const BpRisk *risk, BpRiskScoreKind kind, int *l, int *i)
{
  switch (kind)
    {
    case BP_RISK_SCORE_INHERENT:
      *l = risk->inherent_l;
      *i = risk->inherent_i;
      break;
    case BP_RISK_SCORE_TARGET:
      *l = risk->target_l;
      *i = risk->target_i;
      break;
    case BP_RISK_SCORE_CURRENT:
    default:
      *l = risk->current_l;
      *i = risk->current_i;
      break;
    }
}

static PangoLayout *
cell_refs_layout (Chart *c, GPtrArray *refs, guint shown, TextFlags face, double width)
{
  g_autoptr (GString) text = g_string_new (NULL);
  PangoLayout *layout;

  for (guint k = 0; k < shown; k++)
    g_string_append_printf (text, "%s%s", k ? " " : "", (const char *) g_ptr_array_index (refs, k));
  if (shown < refs->len)
    g_string_append_printf (text, "%s+%u", shown ? " " : "", refs->len - shown);
  layout = chart_text (c, text->str, SIZE_SMALL, face);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_spacing (layout, (int) (-0.5 * PANGO_SCALE));
  return layout;
}

/* The references of a cell that fit in @width x @height, the rest
 * counted as "+N": in bold, or in the condensed face when that shows
 * more of them. Returns how many were left to the "+N". */
static guint
draw_cell_refs (Chart *c, GPtrArray *refs, double cx, double cy, double width, double height,
                BpRgb ink)
{
  const TextFlags faces[] = { TEXT_BOLD, TEXT_BOLD | TEXT_CONDENSED };
  g_autoptr (PangoLayout) best = NULL;
  guint best_shown = 0;

  for (gsize f = 0; f < G_N_ELEMENTS (faces) && (best == NULL || best_shown < refs->len); f++)
    for (int shown = refs->len; shown >= 0; shown--)
      {
        g_autoptr (PangoLayout) layout = cell_refs_layout (c, refs, shown, faces[f], width);
        double h;

        text_size (layout, NULL, &h);
        if (h <= height || (shown == 0 && best == NULL))
          {
            if (best == NULL || (guint) shown > best_shown)
              {
                g_clear_object (&best);
                best = g_steal_pointer (&layout);
                best_shown = shown;
              }
            break;
          }
      }
  show_layout (c, best, ink, cx, cy, 0.5, 0.5);
  return refs->len - best_shown;
}

guint
bp_chart_risk_heat_map (cairo_t *cr, const cairo_rectangle_t *area, const char *title,
                        GPtrArray *risks, BpRiskScoreKind kind, GPtrArray *bands)
{
  Chart c;
  HeatLayout hl;
  GPtrArray *cells[5][5] = { { NULL } };
  double lh;
  guint elided = 0;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (area != NULL, 0);

  chart_begin (&c, cr, area);
  lh = line_height (&c, SIZE_SMALL);
  heat_layout (&c, title, bands, &hl);

  if (hl.title_h > 0)
    show_text (&c, title, SIZE_TITLE, TEXT_BOLD, bp_colours_ink (),
               hl.grid_x + hl.cell_w * 2.5, c.y + PAD, 0.5, 0);

  for (int l = 0; l < 5; l++)
    for (int i = 0; i < 5; i++)
      cells[l][i] = g_ptr_array_new ();
  if (risks != NULL)
    for (guint r = 0; r < risks->len; r++)
      {
        const BpRisk *risk = g_ptr_array_index (risks, r);
        int l, i;

        risk_score_of (risk, kind, &l, &i);
        if (bp_risk_score (l, i) > 0)
          g_ptr_array_add (cells[l - 1][i - 1], risk->ref ? risk->ref : (char *) "?");
      }

  for (int l = 1; l <= 5; l++)
    for (int i = 1; i <= 5; i++)
      {
        cairo_rectangle_t cell;
        const BpRiskBand *band = bands ? bp_risk_band_for_score (bands, l * i) : NULL;
        BpRgb fill = bp_colours_white ();
        BpRgb ink;
        g_autofree char *score = g_strdup_printf ("%d", l * i);
        double score_h;

        if (band != NULL && !bp_colours_parse (band->colour, &fill))
          fill = bp_colours_white ();
        ink = bp_colours_text_on (fill);
        heat_cell_rect (&hl, l, i, &cell);
        cairo_rectangle (cr, cell.x, cell.y, cell.width, cell.height);
        bp_colours_set_source (cr, fill);
        cairo_fill_preserve (cr);
        /* White seams between cells, a grey outline where there is no band. */
        bp_colours_set_source (cr, band ? bp_colours_white () : bp_colours_rule ());
        cairo_set_line_width (cr, 1.0);
        cairo_stroke (cr);

        /* The score in the corner lets a reader find the band without
         * telling colours apart. */
        show_text (&c, score, SIZE_MIN, TEXT_PLAIN, ink, cell.x + 2, cell.y + 1, 0, 0);
        score_h = line_height (&c, SIZE_MIN);
        if (cells[l - 1][i - 1]->len > 0)
          elided += draw_cell_refs (&c, cells[l - 1][i - 1], cell.x + cell.width / 2,
                                    cell.y + (score_h + cell.height) / 2, cell.width - 3,
                                    cell.height - score_h - 1, ink);
      }

  /* Likelihood up the left, 1 at the bottom. */
  for (int l = 1; l <= 5; l++)
    {
      cairo_rectangle_t cell;
      g_autofree char *text = g_strdup_printf ("%d %s", l, bp_likelihood_label (l));
      g_autoptr (PangoLayout) layout = chart_text (&c, text, SIZE_SMALL, TEXT_PLAIN);

      heat_cell_rect (&hl, l, 1, &cell);
      pango_layout_set_width (layout, (int) (hl.label_w * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_spacing (layout, (int) (-0.5 * PANGO_SCALE));
      show_layout (&c, layout, bp_colours_ink (), hl.grid_x - 4, cell.y + cell.height / 2, 1,
                   0.5);
    }
  {
    g_autoptr (PangoLayout) layout = chart_text (&c, _("Likelihood"), SIZE_SMALL, TEXT_BOLD);
    double w;

    text_size (layout, &w, NULL);
    cairo_save (cr);
    /* Beside the likelihood labels, wherever the grid has been centred. */
    cairo_translate (cr, hl.grid_x - 5 - hl.label_w - hl.axis_title_w,
                     hl.grid_y + 2.5 * hl.cell_h + w / 2);
    cairo_rotate (cr, -G_PI / 2);
    pango_cairo_update_layout (cr, layout);
    show_layout (&c, layout, bp_colours_ink (), 0, 0, 0, 0);
    cairo_restore (cr);
    pango_cairo_update_context (cr, c.pango);
  }

  /* Impact across the bottom, 1 on the left. */
  for (int i = 1; i <= 5; i++)
    {
      cairo_rectangle_t cell;
      g_autofree char *text = impact_label_text (i, hl.staggered);
      g_autoptr (PangoLayout) layout = chart_text (&c, text, SIZE_SMALL,
                                                   hl.condensed ? TEXT_CONDENSED : TEXT_PLAIN);
      double y;

      heat_cell_rect (&hl, 1, i, &cell);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      y = cell.y + cell.height + 2 + (hl.staggered && i % 2 == 0 ? lh + 1 : 0);
      show_layout (&c, layout, bp_colours_ink (), cell.x + cell.width / 2, y, 0.5, 0);
    }
  show_text (&c, _("Impact"), SIZE_SMALL, TEXT_BOLD, bp_colours_ink (),
             hl.grid_x + 2.5 * hl.cell_w, hl.grid_y + 5 * hl.cell_h + hl.x_labels_h + 2, 0.5, 0);

  heat_legend (&c, bands, hl.grid_x, hl.legend_y, 5 * hl.cell_w, TRUE);

  for (int l = 0; l < 5; l++)
    for (int i = 0; i < 5; i++)
      g_ptr_array_unref (cells[l][i]);
  chart_end (&c);
  return elided;
}

gboolean
bp_chart_risk_heat_map_cell (cairo_t *cr, const cairo_rectangle_t *area, const char *title,
                             GPtrArray *bands, int likelihood, int impact,
                             cairo_rectangle_t *out_cell)
{
  Chart c;
  HeatLayout hl;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);
  g_return_val_if_fail (out_cell != NULL, FALSE);

  if (likelihood < 1 || likelihood > 5 || impact < 1 || impact > 5)
    return FALSE;
  chart_begin (&c, cr, area);
  heat_layout (&c, title, bands, &hl);
  heat_cell_rect (&hl, likelihood, impact, out_cell);
  chart_end (&c);
  return TRUE;
}

static const char *
score_kind_title (BpRiskScoreKind kind)
{
  switch (kind)
    {
    case BP_RISK_SCORE_INHERENT: return _("Inherent");
    case BP_RISK_SCORE_TARGET: return _("Target");
    case BP_RISK_SCORE_CURRENT:
    default:
      return _("Current");
    }
}

typedef struct
{
  const BpRisk *risk;
  int l, i, score;
  guint position;
} ScoredRisk;

static int
compare_scored (gconstpointer a, gconstpointer b)
{
  const ScoredRisk *x = a;
  const ScoredRisk *y = b;

  if (x->score != y->score)
    return y->score - x->score;
  return (int) x->position - (int) y->position;
}

static char *
risk_heat_map_summary_one (const char *title, GPtrArray *risks, BpRiskScoreKind kind,
                                GPtrArray *bands)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GArray) scored = g_array_new (FALSE, FALSE, sizeof (ScoredRisk));
  g_autoptr (GPtrArray) unscored = g_ptr_array_new ();
  g_autoptr (GPtrArray) sorted = sorted_bands (bands);

  if (risks != NULL)
    for (guint r = 0; r < risks->len; r++)
      {
        const BpRisk *risk = g_ptr_array_index (risks, r);
        ScoredRisk sr = { risk, 0, 0, 0, r };

        risk_score_of (risk, kind, &sr.l, &sr.i);
        sr.score = bp_risk_score (sr.l, sr.i);
        if (sr.score > 0)
          g_array_append_val (scored, sr);
        else
          g_ptr_array_add (unscored, risk->ref ? risk->ref : (char *) "?");
      }
  g_array_sort (scored, compare_scored);

  g_string_append_printf (s, "%s: ", title && *title ? title : score_kind_title (kind));
  if (scored->len == 0)
    g_string_append (s, _("no risks scored."));
  else
    g_string_append_printf (s, ngettext ("%u risk on the 5 by 5 matrix (likelihood by impact).",
                                         "%u risks on the 5 by 5 matrix (likelihood by impact).",
                                         scored->len),
                            scored->len);

  /* Highest band first, as a board reads a register. */
  for (int b = (int) sorted->len - 1; b >= -1; b--)
    {
      const BpRiskBand *band = b >= 0 ? g_ptr_array_index (sorted, b) : NULL;
      gboolean first = TRUE;
      guint listed = 0, more = 0;

      for (guint k = 0; k < scored->len; k++)
        {
          const ScoredRisk *sr = &g_array_index (scored, ScoredRisk, k);
          const BpRiskBand *its = bands ? bp_risk_band_for_score (bands, sr->score) : NULL;

          if (its != band)
            continue;
          /* A large register is in the table that follows: the summary
           * names the first few of each band and counts the rest. */
          if (listed == SUMMARY_MAX_ITEMS)
            {
              more++;
              continue;
            }
          listed++;
          if (first)
            {
              if (band)
                g_string_append_printf (s, " %s (%d\xe2\x80\x93%d): ", band->name ? band->name : "",
                                        band->min_score, band->max_score);
              else
                g_string_append_printf (s, " %s: ", _("No band"));
            }
          if (!first)
            g_string_append (s, "; ");
          /* TRANSLATORS: a risk in the heat map's text alternative, e.g.
           * "R4 (likelihood 4 Likely, impact 3 Moderate, score 12)". */
          g_string_append_printf (s, _("%s (likelihood %d %s, impact %d %s, score %d)"),
                                  sr->risk->ref ? sr->risk->ref : "?", sr->l,
                                  bp_likelihood_label (sr->l), sr->i, bp_impact_label (sr->i),
                                  sr->score);
          first = FALSE;
        }
      if (more > 0)
        g_string_append_printf (s, ngettext ("; and %u more", "; and %u more", more), more);
      if (!first)
        g_string_append_c (s, '.');
    }
  if (unscored->len > 0)
    {
      g_string_append_printf (s, " %s: ", _("Not scored"));
      for (guint k = 0; k < MIN (unscored->len, SUMMARY_MAX_ITEMS); k++)
        g_string_append_printf (s, "%s%s", k ? ", " : "",
                                (const char *) g_ptr_array_index (unscored, k));
      if (unscored->len > SUMMARY_MAX_ITEMS)
        g_string_append_printf (s, ngettext (" and %u more", " and %u more",
                                             unscored->len - SUMMARY_MAX_ITEMS),
                                unscored->len - SUMMARY_MAX_ITEMS);
      g_string_append_c (s, '.');
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* KPI trend */

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

static const char *
polarity_text (BpPolarity polarity)
{
  switch (polarity)
    {
    case BP_POLARITY_LOWER: return _("Lower is better");
    case BP_POLARITY_TARGET: return _("Closer to target is better");
    case BP_POLARITY_HIGHER:
    default:
      return _("Higher is better");
    }
}

/* The unit goes in the tick labels for % and £, in a caption otherwise. */
static gboolean
unit_in_ticks (const BpMeasure *measure)
{
  const char *unit = measure_unit (measure);

  return strcmp (unit, "%") == 0 || strcmp (unit, "£") == 0 || *unit == '\0'
         || g_ascii_strcasecmp (unit, "count") == 0;
}

static char *
tick_label (const BpMeasure *measure, double value, double step)
{
  int decimals = step >= 1 ? 0 : step >= 0.1 ? 1 : 2;

  if (unit_in_ticks (measure))
    {
      const char *unit = measure_unit (measure);
      g_autofree char *number = format_number (fabs (value), decimals);

      if (strcmp (unit, "%") == 0)
        return g_strdup_printf ("%s%s%%", value < 0 ? "\xe2\x88\x92" : "", number);
      if (strcmp (unit, "£") == 0)
        return g_strdup_printf ("%s£%s", value < 0 ? "\xe2\x88\x92" : "", number);
    }
  return format_number (value, decimals);
}

static char
kpi_letter (BpKpiRag rag)
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

/* A point's value: above it, else below, else to its right, where it
 * crosses neither the target line nor the plot's edges; on a white patch
 * so the lines under it do not strike it through. */
static void
kpi_value_label (Chart *c, const char *text, double x, double y, double marker_r, double slot,
                 double top, double bottom, double target_y)
{
  g_autoptr (PangoLayout) layout = chart_text (c, text, SIZE_SMALL, TEXT_PLAIN);
  double w, h;
  struct { double x, y; } spots[3];
  int chosen = -1;

  text_size (layout, &w, &h);
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
  if (chosen < 0)
    chosen = spots[0].y >= top ? 0 : 1;

  cairo_rectangle (c->cr, spots[chosen].x - 1, spots[chosen].y, w + 2, h);
  bp_colours_set_source_alpha (c->cr, bp_colours_white (), 0.85);
  cairo_fill (c->cr);
  show_layout (c, layout, bp_colours_ink (), spots[chosen].x, spots[chosen].y, 0, 0);
}

void
bp_chart_kpi_trend (cairo_t *cr, const cairo_rectangle_t *area, const BpMeasure *measure,
                    GPtrArray *values)
{
  Chart c;
  guint n = values ? values->len : 0;
  guint n_values = 0;
  double lo = INFINITY, hi = -INFINITY, step, lh, header_h, y_label_w = 0;
  double px0, px1, py0, py1, slot;
  int n_ticks;
  gboolean has_target;
  double marker_r = 6.0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);
  g_return_if_fail (measure != NULL);

  chart_begin (&c, cr, area);
  lh = line_height (&c, SIZE_SMALL);
  has_target = !isnan (measure->target);

  for (guint k = 0; k < n; k++)
    {
      const BpMeasureValue *v = g_ptr_array_index (values, k);

      if (isnan (v->value))
        continue;
      n_values++;
      lo = MIN (lo, v->value);
      hi = MAX (hi, v->value);
    }
  if (has_target)
    {
      lo = MIN (lo, measure->target);
      hi = MAX (hi, measure->target);
    }
  if (!isfinite (lo))
    {
      lo = 0;
      hi = 1;
    }
  /* Zero-based when every figure is positive: a trend line that starts
   * at the smallest value exaggerates small changes. */
  if (lo >= 0)
    lo = 0;
  if (hi <= lo)
    hi = lo + 1;

  /* Header: what the values are, and the key to the target line. */
  {
    g_autoptr (GString) left = g_string_new (NULL);
    double right_x = c.x + c.w - PAD;

    if (!unit_in_ticks (measure))
      g_string_append_printf (left, _("Values in %s. "), measure_unit (measure));
    g_string_append (left, polarity_text (measure->polarity));
    if (has_target)
      {
        g_autofree char *target = bp_chart_format_value (measure, measure->target);
        g_autofree char *key = g_strdup_printf (_("Target %s"), target);
        double kw = show_text (&c, key, SIZE_SMALL, TEXT_PLAIN, bp_colours_ink (), right_x,
                               c.y + PAD + lh / 2, 1, 0.5);
        double dashes[] = { 4, 2.5 };

        bp_colours_set_source (cr, bp_colours_ink ());
        cairo_set_line_width (cr, 1.2);
        cairo_set_dash (cr, dashes, 2, 0);
        cairo_move_to (cr, right_x - kw - 24, c.y + PAD + lh / 2);
        cairo_line_to (cr, right_x - kw - 4, c.y + PAD + lh / 2);
        cairo_stroke (cr);
        cairo_set_dash (cr, NULL, 0, 0);
      }
    show_text (&c, left->str, SIZE_SMALL, TEXT_PLAIN, bp_colours_muted (), c.x + PAD, c.y + PAD,
               0, 0);
    header_h = lh + 4;
  }

  py0 = c.y + PAD + header_h + lh + marker_r; /* room for a value label over the top point */
  py1 = c.y + c.h - PAD - lh - 4;
  n_ticks = (int) CLAMP ((py1 - py0) / 28, 2, 6);
  step = nice_step (hi - lo, n_ticks);
  lo = floor (lo / step + 1e-9) * step;
  hi = ceil (hi / step - 1e-9) * step;
  if (hi <= lo)
    hi = lo + step;

  for (double t = lo; t <= hi + step / 2; t += step)
    {
      g_autofree char *label = tick_label (measure, t, step);

      y_label_w = MAX (y_label_w, text_width (&c, label, SIZE_SMALL, TEXT_PLAIN));
    }
  px0 = c.x + PAD + y_label_w + 6;
  px1 = c.x + c.w - PAD;
  slot = n > 0 ? (px1 - px0) / n : px1 - px0;
  /* Markers shrink to stay apart on a long series. */
  marker_r = CLAMP (slot * 0.42, 2.5, 6.0);

#define VALUE_Y(v) (py1 - ((v) - lo) / (hi - lo) * (py1 - py0))
#define SLOT_X(k) (px0 + slot * ((k) + 0.5))

  for (double t = lo; t <= hi + step / 2; t += step)
    {
      g_autofree char *label = tick_label (measure, t, step);
      double y = VALUE_Y (t);

      stroke_line (&c, fabs (t) < step / 2 ? bp_colours_muted () : bp_colours_rule (),
                   fabs (t) < step / 2 ? 0.8 : 0.5, px0, y, px1, y);
      show_text (&c, label, SIZE_SMALL, TEXT_PLAIN, bp_colours_muted (), px0 - 4, y, 1, 0.5);
    }

  /* Period labels, thinned out when they would touch. */
  if (n > 0)
    {
      double widest = 0;
      guint every;

      for (guint k = 0; k < n; k++)
        {
          const BpMeasureValue *v = g_ptr_array_index (values, k);

          widest = MAX (widest, text_width (&c, v->period ? v->period : "", SIZE_SMALL,
                                            TEXT_PLAIN));
        }
      every = (guint) MAX (1, ceil ((widest + 4) / slot));
      for (guint k = 0; k < n; k += every)
        {
          const BpMeasureValue *v = g_ptr_array_index (values, k);

          show_text (&c, v->period ? v->period : "", SIZE_SMALL, TEXT_PLAIN, bp_colours_ink (),
                     SLOT_X (k), py1 + 3, 0.5, 0);
        }
    }

  if (has_target)
    {
      double dashes[] = { 4, 2.5 };
      double y = VALUE_Y (measure->target);

      bp_colours_set_source (cr, bp_colours_ink ());
      cairo_set_line_width (cr, 1.2);
      cairo_set_dash (cr, dashes, 2, 0);
      cairo_move_to (cr, px0, y);
      cairo_line_to (cr, px1, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (n_values == 0)
    {
      show_text (&c, _("No values recorded"), SIZE_BODY, TEXT_BOLD, bp_colours_ink (),
                 (px0 + px1) / 2, (py0 + py1) / 2, 0.5, 0.5);
      chart_end (&c);
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
          if (text_width (&c, _("no value"), SIZE_MIN, TEXT_PLAIN) + 4 <= slot)
            show_text (&c, _("no value"), SIZE_MIN, TEXT_PLAIN, bp_colours_muted (), x, py1 - 2,
                       0.5, 1);
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
          char letter[2] = { kpi_letter (rag), '\0' };
          BpRgb fill = bp_colours_kpi_rag (rag);

          cairo_arc (cr, x, y, marker_r, 0, 2 * G_PI);
          bp_colours_set_source (cr, fill);
          cairo_fill_preserve (cr);
          bp_colours_set_source (cr, bp_colours_white ());
          cairo_set_line_width (cr, 1);
          cairo_stroke (cr);
          show_text (&c, letter, SIZE_MIN, TEXT_BOLD, bp_colours_text_on (fill), x, y, 0.5, 0.5);
        }

      label = bp_chart_format_value (measure, v->value);
      kpi_value_label (&c, label, x, y, marker_r, slot, py0 - lh - marker_r, py1,
                       has_target ? VALUE_Y (measure->target) : NAN);
    }
#undef VALUE_Y
#undef SLOT_X
  chart_end (&c);
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

      g_string_append_printf (s, _(" Target %s."), target);
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
    g_string_append_printf (s, " %s", _("No values recorded."));
  else
    g_string_append_c (s, '.');
  if (missing->len > 0)
    {
      g_string_append_printf (s, " %s: ", _("No value for"));
      for (guint k = 0; k < missing->len; k++)
        g_string_append_printf (s, "%s%s", k ? ", " : "",
                                (const char *) g_ptr_array_index (missing, k));
      g_string_append_c (s, '.');
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Milestone timeline */

typedef struct
{
  const BpMilestone *milestone;
  guint32 julian;
  double x;
  int level;       /* -1: no room for a label */
  double start, end;
  PangoLayout *layout;
} Placed;

static void
placed_clear (gpointer data)
{
  Placed *p = data;

  g_clear_object (&p->layout);
}

static int
compare_placed (gconstpointer a, gconstpointer b)
{
  const Placed *x = a;
  const Placed *y = b;

  if (x->julian != y->julian)
    return x->julian < y->julian ? -1 : 1;
  return g_strcmp0 (x->milestone->title, y->milestone->title);
}

/* The window of the timeline: as given, or the first of the earliest
 * milestone's month to the last of the latest one's. */
static gboolean
milestone_window (GPtrArray *milestones, const char *from, const char *to, GDate *out_from,
                  GDate *out_to)
{
  gboolean have_from = parse_date (from, out_from);
  gboolean have_to = parse_date (to, out_to);

  if (!have_from || !have_to)
    {
      guint32 lo = G_MAXUINT32, hi = 0;

      for (guint k = 0; milestones && k < milestones->len; k++)
        {
          const BpMilestone *m = g_ptr_array_index (milestones, k);
          GDate d;

          if (!parse_date (m->due_date, &d))
            continue;
          if (have_from && g_date_compare (&d, out_from) < 0)
            continue;
          if (have_to && g_date_compare (&d, out_to) > 0)
            continue;
          lo = MIN (lo, g_date_get_julian (&d));
          hi = MAX (hi, g_date_get_julian (&d));
        }
      if (hi == 0)
        return FALSE;
      if (!have_from)
        {
          g_date_set_julian (out_from, lo);
          g_date_set_day (out_from, 1);
        }
      if (!have_to)
        {
          g_date_set_julian (out_to, hi);
          g_date_set_day (out_to, g_date_get_days_in_month (g_date_get_month (out_to),
                                                            g_date_get_year (out_to)));
        }
    }
  return g_date_compare (out_from, out_to) <= 0;
}

static GArray *
milestones_in_window (GPtrArray *milestones, const GDate *from, const GDate *to)
{
  GArray *in = g_array_new (FALSE, TRUE, sizeof (Placed));

  g_array_set_clear_func (in, placed_clear);
  for (guint k = 0; milestones && k < milestones->len; k++)
    {
      const BpMilestone *m = g_ptr_array_index (milestones, k);
      Placed p = { m, 0, 0, -1, 0, 0, NULL };
      GDate d;

      if (!parse_date (m->due_date, &d) || g_date_compare (&d, from) < 0
          || g_date_compare (&d, to) > 0)
        continue;
      p.julian = g_date_get_julian (&d);
      g_array_append_val (in, p);
    }
  g_array_sort (in, compare_placed);
  return in;
}

static gboolean
label_fits (GArray *placed, int level, double start, double end, double x)
{
  const double gap = 6;

  for (guint k = 0; k < placed->len; k++)
    {
      const Placed *p = &g_array_index (placed, Placed, k);

      if (p->level < 0)
        continue;
      /* Same row: the labels must not touch. */
      if (p->level == level && start < p->end + gap && end > p->start - gap)
        return FALSE;
      /* A higher label's leader must not cross this label ... */
      if (p->level > level && p->x > start - 2 && p->x < end + 2)
        return FALSE;
      /* ... nor this label's leader a lower one. */
      if (p->level < level && x > p->start - 2 && x < p->end + 2)
        return FALSE;
    }
  return TRUE;
}

static void
diamond (cairo_t *cr, double x, double y, double r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

guint
bp_chart_milestones (cairo_t *cr, const cairo_rectangle_t *area, GPtrArray *milestones,
                     const char *from, const char *to)
{
  Chart c;
  GDate d_from, d_to;
  g_autoptr (GArray) placed = NULL;
  double lh, axis_y, ax0, ax1, span, level_h, max_label_w;
  int n_levels;
  guint unlabelled = 0;
  guint32 j0, j1;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (area != NULL, 0);

  chart_begin (&c, cr, area);
  lh = line_height (&c, SIZE_SMALL);

  if (!milestone_window (milestones, from, to, &d_from, &d_to))
    {
      show_text (&c, _("No milestones due in this period"), SIZE_BODY, TEXT_BOLD,
                 bp_colours_ink (), c.x + c.w / 2, c.y + c.h / 2, 0.5, 0.5);
      chart_end (&c);
      return 0;
    }
  placed = milestones_in_window (milestones, &d_from, &d_to);

  ax0 = c.x + PAD + 2;
  ax1 = c.x + c.w - PAD - 2;
  axis_y = c.y + c.h - PAD - lh - 6;
  j0 = g_date_get_julian (&d_from);
  j1 = g_date_get_julian (&d_to) + 1; /* the window includes its last day */
  span = MAX (1, (double) (j1 - j0));

#define DATE_X(j) (ax0 + ((double) (j) - j0) / span * (ax1 - ax0))

  /* Month ticks and labels ("Mar-25"), thinned out when crowded. */
  {
    GDate m = d_from;
    double label_w = text_width (&c, "Mmm-00", SIZE_SMALL, TEXT_PLAIN) + 6;
    guint every;
    guint index = 0;

    every = (guint) MAX (1, ceil (label_w / ((ax1 - ax0) / MAX (span / 30.4, 1))));

    m = d_from;
    g_date_set_day (&m, 1);
    for (; g_date_compare (&m, &d_to) <= 0; g_date_add_months (&m, 1), index++)
      {
        guint32 j = g_date_get_julian (&m);
        GDate next = m;
        char buf[32];
        double x, x_next, lx;

        g_date_add_months (&next, 1);
        x = DATE_X (MAX (j, j0));
        x_next = DATE_X (MIN (g_date_get_julian (&next), j1));
        if (j >= j0)
          stroke_line (&c, bp_colours_muted (), 0.8, x, axis_y, x, axis_y + 4);
        if (index % every != 0)
          continue;
        if (bp_tr_get_language () == BP_LANGUAGE_UI)
          g_date_strftime (buf, sizeof buf, "%b-%y", &m);
        else
          g_snprintf (buf, sizeof buf, "%s-%02d", bp_tr_month_abbrev (g_date_get_month (&m)),
                      g_date_get_year (&m) % 100);
        /* Centred on the month when it has room, else at its start. */
        lx = (x + x_next) / 2;
        if (x_next - x < label_w)
          lx = MAX (x + label_w / 2 - 3, lx);
        lx = CLAMP (lx, ax0 + label_w / 2 - 3, ax1 - label_w / 2 + 3);
        show_text (&c, buf, SIZE_SMALL, TEXT_PLAIN, bp_colours_ink (), lx, axis_y + 4, 0.5, 0);
      }
  }
  stroke_line (&c, bp_colours_ink (), 1.0, ax0, axis_y, ax1, axis_y);

  /* Labels on rows above the axis, greedily: each takes the lowest row
   * where it touches no label and crosses no leader line. Going from the
   * latest to the earliest builds a staircase, where an earlier label
   * climbs over the later ones it would cover, and the leaders stay clear. */
  level_h = lh + 4;
  /* The top line is kept for the "N more" note. */
  n_levels = (int) MAX (1, floor ((axis_y - 10 - (c.y + PAD + lh + 2)) / level_h));
  max_label_w = MAX (90, c.w / 3);
  for (guint k = placed->len; k-- > 0;)
    {
      Placed *p = &g_array_index (placed, Placed, k);
      const BpMilestone *m = p->milestone;
      GDate d;
      char month[16];
      g_autofree char *text = NULL;
      double widths[] = { max_label_w, max_label_w / 2 };

      g_date_set_julian (&d, p->julian);
      if (bp_tr_get_language () == BP_LANGUAGE_UI)
        g_date_strftime (month, sizeof month, "%b", &d);
      else
        g_strlcpy (month, bp_tr_month_abbrev (g_date_get_month (&d)), sizeof month);
      p->x = DATE_X (p->julian + 0.5);
      text = g_strdup_printf ("%s%d %s %s", m->done_date ? "\xe2\x9c\x93 " : "",
                              g_date_get_day (&d), month, m->title ? m->title : "");

      for (gsize wi = 0; wi < G_N_ELEMENTS (widths) && p->level < 0; wi++)
        {
          g_autoptr (PangoLayout) layout = chart_text (&c, text, SIZE_SMALL, TEXT_PLAIN);
          double w;

          pango_layout_set_width (layout, (int) (widths[wi] * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          text_size (layout, &w, NULL);
          /* Text starts at the leader on any row before it may end there:
           * a label reaching back to the left blocks the leaders under it. */
          for (int side = 0; side < 2 && p->level < 0; side++)
            for (int level = 0; level < n_levels && p->level < 0; level++)
              {
                double start = side == 0 ? p->x - 1 : p->x - w + 1;
                double end = start + w;

                if (start < c.x + PAD || end > c.x + c.w - PAD)
                  continue;
                if (label_fits (placed, level, start, end, p->x))
                  {
                    p->level = level;
                    p->start = start;
                    p->end = end;
                    p->layout = g_steal_pointer (&layout);
                  }
              }
        }
      if (p->level < 0)
        unlabelled++;
    }

  for (guint k = 0; k < placed->len; k++)
    {
      const Placed *p = &g_array_index (placed, Placed, k);
      gboolean done = p->milestone->done_date != NULL;

      if (p->level >= 0)
        {
          double label_y = axis_y - 10 - (p->level + 1) * level_h;

          stroke_line (&c, bp_colours_muted (), 0.6, p->x, axis_y - 5, p->x,
                       label_y + level_h - 2);
          show_layout (&c, p->layout, bp_colours_ink (), p->start, label_y + 2, 0, 0);
        }
      diamond (cr, p->x, axis_y, 4.5);
      bp_colours_set_source (cr, done ? bp_colours_rag (BP_RAG_BLUE) : bp_colours_white ());
      cairo_fill_preserve (cr);
      bp_colours_set_source (cr, done ? bp_colours_rag (BP_RAG_BLUE) : bp_colours_ink ());
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
    }

  if (placed->len == 0)
    show_text (&c, _("No milestones due in this period"), SIZE_BODY, TEXT_BOLD,
               bp_colours_ink (), c.x + c.w / 2, (c.y + axis_y) / 2, 0.5, 0.5);
  else if (unlabelled > 0)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("%u more milestone: see the list",
                                                         "%u more milestones: see the list",
                                                         unlabelled),
                                               unlabelled);

      show_text (&c, more, SIZE_SMALL, TEXT_PLAIN, bp_colours_muted (), c.x + c.w - PAD,
                 c.y + PAD, 1, 0);
    }
#undef DATE_X
  chart_end (&c);
  return unlabelled;
}

static char *
milestones_summary_one (GPtrArray *milestones, const char *from, const char *to)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autoptr (GArray) in = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  GDate d_from, d_to;

  if (!milestone_window (milestones, from, to, &d_from, &d_to))
    return g_strdup (_("No milestones due in this period."));
  in = milestones_in_window (milestones, &d_from, &d_to);
  if (in->len == 0)
    return g_strdup (_("No milestones due in this period."));

  {
    char buf[16];

    g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d_from);
    from_text = format_uk_date (buf);
    g_date_strftime (buf, sizeof buf, "%Y-%m-%d", &d_to);
    to_text = format_uk_date (buf);
  }
  g_string_append_printf (s, ngettext ("%u milestone due from %s to %s:",
                                       "%u milestones due from %s to %s:", in->len),
                          in->len, from_text, to_text);
  for (guint k = 0; k < in->len; k++)
    {
      const BpMilestone *m = g_array_index (in, Placed, k).milestone;
      g_autofree char *due = format_uk_date (m->due_date);

      g_string_append_printf (s, "%s %s %s", k ? ";" : "", due, m->title ? m->title : "");
      if (m->done_date)
        {
          g_autofree char *done = format_uk_date (m->done_date);

          g_string_append_printf (s, _(" (done %s)"), done);
        }
    }
  g_string_append_c (s, '.');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Movement since the last meeting */

typedef enum
{
  TILE_IMPROVED,
  TILE_WORSENED,
  TILE_COMPLETED,
  TILE_OVERDUE,
  TILE_RISKS_UP,
  TILE_RISKS_DOWN,
  N_TILES
} TileKind;

static GPtrArray *
tile_items (const BpMovement *m, TileKind kind)
{
  switch (kind)
    {
    case TILE_IMPROVED: return m->improved;
    case TILE_WORSENED: return m->worsened;
    case TILE_COMPLETED: return m->completed;
    case TILE_OVERDUE: return m->newly_overdue;
    case TILE_RISKS_UP: return m->risks_up;
    case TILE_RISKS_DOWN: return m->risks_down;
    case N_TILES:
    default:
      return NULL;
    }
}

static const char *
tile_title (TileKind kind, guint n)
{
  switch (kind)
    {
    case TILE_IMPROVED: return ngettext ("action improved", "actions improved", n);
    case TILE_WORSENED: return ngettext ("action worsened", "actions worsened", n);
    case TILE_COMPLETED: return ngettext ("action completed", "actions completed", n);
    case TILE_OVERDUE: return ngettext ("action newly overdue", "actions newly overdue", n);
    case TILE_RISKS_UP: return ngettext ("risk score rose", "risk scores rose", n);
    case TILE_RISKS_DOWN: return ngettext ("risk score fell", "risk scores fell", n);
    case N_TILES:
    default:
      return "";
    }
}

/* The stripe says good or bad news at a glance; the words say it too. */
static BpRgb
tile_colour (TileKind kind)
{
  switch (kind)
    {
    case TILE_IMPROVED:
    case TILE_RISKS_DOWN:
      return bp_colours_rag (BP_RAG_GREEN);
    case TILE_COMPLETED:
      return bp_colours_rag (BP_RAG_BLUE);
    case TILE_WORSENED:
    case TILE_OVERDUE:
    case TILE_RISKS_UP:
    case N_TILES:
    default:
      return bp_colours_rag (BP_RAG_RED);
    }
}

static const char *
tile_symbol (TileKind kind)
{
  switch (kind)
    {
    case TILE_IMPROVED: return "\xe2\x96\xb2";   /* ▲ */
    case TILE_WORSENED: return "\xe2\x96\xbc";   /* ▼ */
    case TILE_COMPLETED: return "\xe2\x9c\x93";  /* ✓ */
    case TILE_OVERDUE: return "!";
    case TILE_RISKS_UP: return "\xe2\x96\xb2";
    case TILE_RISKS_DOWN: return "\xe2\x96\xbc";
    case N_TILES:
    default:
      return "";
    }
}

static char *
movement_item_text (const BpMovementItem *item, TileKind kind)
{
  const char *ref = item->ref ? item->ref : "?";

  switch (kind)
    {
    case TILE_IMPROVED:
    case TILE_WORSENED:
      return g_strdup_printf ("%s %c\xe2\x86\x92%c", ref, bp_rag_to_letter (item->from_rag),
                              bp_rag_to_letter (item->to_rag));
    case TILE_RISKS_UP:
    case TILE_RISKS_DOWN:
      return g_strdup_printf ("%s %d\xe2\x86\x92%d", ref, item->from_score, item->to_score);
    case TILE_COMPLETED:
    case TILE_OVERDUE:
    case N_TILES:
    default:
      return g_strdup (ref);
    }
}

/* The first @shown references of a tile, and how many more, wrapped to
 * @width. */
static PangoLayout *
tile_refs_layout (Chart *c, GPtrArray *items, TileKind kind, guint shown, guint n, double width)
{
  g_autoptr (GString) text = g_string_new (NULL);
  PangoLayout *layout;

  for (guint k = 0; k < shown; k++)
    {
      g_autofree char *item = movement_item_text (g_ptr_array_index (items, k), kind);

      g_string_append_printf (text, "%s%s", k ? ", " : "", item);
    }
  if (shown < n)
    g_string_append_printf (text, _(" and %u more"), n - shown);
  layout = chart_text (c, text->str, SIZE_SMALL, TEXT_PLAIN);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static void
draw_tile (Chart *c, const BpMovement *m, TileKind kind, double x, double y, double w, double h)
{
  GPtrArray *items = tile_items (m, kind);
  guint n = items ? items->len : 0;
  g_autofree char *number = g_strdup_printf ("%u", n);
  double lh = line_height (c, SIZE_SMALL);
  double big_h = line_height (c, SIZE_BIG);
  double stripe = 5, tx = x + stripe + 6, tw = w - stripe - 10;
  double refs_y, refs_h, nw;

  cairo_rectangle (c->cr, x, y, w, h);
  bp_colours_set_source (c->cr, bp_colours_white ());
  cairo_fill_preserve (c->cr);
  bp_colours_set_source (c->cr, bp_colours_rule ());
  cairo_set_line_width (c->cr, 0.8);
  cairo_stroke (c->cr);
  cairo_rectangle (c->cr, x, y, stripe, h);
  /* Nothing moved: no news, good or bad. */
  bp_colours_set_source (c->cr, n > 0 ? tile_colour (kind) : bp_colours_rule ());
  cairo_fill (c->cr);

  nw = show_text (c, number, SIZE_BIG, TEXT_BOLD, bp_colours_ink (), tx, y + 4, 0, 0);
  show_text (c, tile_symbol (kind), SIZE_BODY, TEXT_BOLD, bp_colours_ink (), tx + nw + 5,
             y + 4 + big_h * 0.55, 0, 0.5);
  {
    g_autoptr (PangoLayout) title = chart_text (c, tile_title (kind, n), SIZE_BODY, TEXT_PLAIN);
    double th;

    pango_layout_set_width (title, (int) (tw * PANGO_SCALE));
    pango_layout_set_ellipsize (title, PANGO_ELLIPSIZE_END);
    show_layout (c, title, bp_colours_ink (), tx, y + 4 + big_h, 0, 0);
    text_size (title, NULL, &th);
    refs_y = y + 4 + big_h + th + 2;
  }
  refs_h = y + h - 3 - refs_y;
  if (n == 0 || refs_h < lh)
    return;

  /* As many references as fit, the rest counted: the largest number
   * that fits is found by halving, since a tile holds a few dozen at most
   * and a large programme may move thousands. */
  {
    g_autoptr (PangoLayout) best = NULL;
    guint lo = 0, hi = MIN (n, 200);

    while (lo < hi)
      {
        guint mid = (lo + hi + 1) / 2;
        g_autoptr (PangoLayout) layout = tile_refs_layout (c, items, kind, mid, n, tw);
        double th;

        text_size (layout, NULL, &th);
        if (th <= refs_h)
          {
            lo = mid;
            g_clear_object (&best);
            best = g_steal_pointer (&layout);
          }
        else
          hi = mid - 1;
      }
    /* With none shown, the count above says it all. */
    if (lo > 0)
      {
        if (best == NULL)
          best = tile_refs_layout (c, items, kind, lo, n, tw);
        show_layout (c, best, bp_colours_muted (), tx, refs_y, 0, 0);
      }
  }
}

void
bp_chart_movement (cairo_t *cr, const cairo_rectangle_t *area, const BpMovement *movement)
{
  Chart c;
  int cols, rows;
  double gap = 6, tw, th;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);

  chart_begin (&c, cr, area);
  if (movement == NULL)
    {
      show_text (&c, _("No earlier snapshot to compare with"), SIZE_BODY, TEXT_BOLD,
                 bp_colours_ink (), c.x + c.w / 2, c.y + c.h / 2, 0.5, 0.5);
      chart_end (&c);
      return;
    }
  /* Six across on a wide strip, three by two on a page, two by three
   * when narrow. */
  if (c.w >= 6 * 110 && c.h < 120)
    cols = 6;
  else if (c.w >= 3 * 120)
    cols = 3;
  else
    cols = 2;
  rows = (N_TILES + cols - 1) / cols;
  tw = (c.w - 2 * PAD - (cols - 1) * gap) / cols;
  th = (c.h - 2 * PAD - (rows - 1) * gap) / rows;
  for (int k = 0; k < N_TILES; k++)
    draw_tile (&c, movement, (TileKind) k, c.x + PAD + (k % cols) * (tw + gap),
               c.y + PAD + (k / cols) * (th + gap), tw, th);
  chart_end (&c);
}

static char *
movement_summary_one (const BpMovement *movement)
{
  g_autoptr (GString) s = g_string_new (NULL);

  if (movement == NULL)
    return g_strdup (_("No earlier snapshot to compare with."));

  if (movement->from_date && movement->to_date)
    {
      g_autofree char *from = format_uk_date (movement->from_date);
      g_autofree char *to = format_uk_date (movement->to_date);

      g_string_append_printf (s, _("Between the meetings of %s and %s:"), from, to);
    }
  else
    g_string_append (s, _("Since the last meeting:"));

  for (int k = 0; k < N_TILES; k++)
    {
      GPtrArray *items = tile_items (movement, (TileKind) k);
      guint n = items ? items->len : 0;

      g_string_append_printf (s, " %u %s", n, tile_title ((TileKind) k, n));
      if (n > 0)
        {
          g_string_append (s, " (");
          for (guint i = 0; i < MIN (n, SUMMARY_MAX_ITEMS); i++)
            {
              const BpMovementItem *item = g_ptr_array_index (items, i);
              const char *ref = item->ref ? item->ref : "?";

              if (i > 0)
                g_string_append (s, ", ");
              if (k == TILE_IMPROVED || k == TILE_WORSENED)
                g_string_append_printf (s, _("%s from %s to %s"), ref,
                                        bp_rag_to_label (item->from_rag),
                                        bp_rag_to_label (item->to_rag));
              else if (k == TILE_RISKS_UP || k == TILE_RISKS_DOWN)
                g_string_append_printf (s, _("%s from %d to %d"), ref, item->from_score,
                                        item->to_score);
              else
                g_string_append (s, ref);
            }
          if (n > SUMMARY_MAX_ITEMS)
            g_string_append_printf (s, ngettext (" and %u more", " and %u more",
                                                 n - SUMMARY_MAX_ITEMS),
                                    n - SUMMARY_MAX_ITEMS);
          g_string_append_c (s, ')');
        }
      g_string_append_c (s, k == N_TILES - 1 ? '.' : ';');
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Bilingual summaries: the whole account in Welsh, then in English, rather
 * than each phrase in both. */
#define BILINGUAL_SUMMARY(call) \
  G_STMT_START \
  { \
    if (bp_tr_get_language () == BP_LANGUAGE_BILINGUAL) \
      { \
        BpLanguage previous_ = bp_tr_push (BP_LANGUAGE_CY); \
        g_autofree char *cy_ = call; \
        g_autofree char *en_ = NULL; \
        bp_tr_push (BP_LANGUAGE_EN); \
        en_ = call; \
        bp_tr_pop (previous_); \
        return g_strconcat (cy_, "\n", en_, NULL); \
      } \
    return call; \
  } \
  G_STMT_END

char *
bp_chart_brag_donut_summary (const int counts[BP_RAG_COUNT])
{
  BILINGUAL_SUMMARY (brag_donut_summary_one (counts));
}

char *
bp_chart_brag_by_priority_summary (const BpChartPriorityRow *rows, guint n_rows)
{
  BILINGUAL_SUMMARY (brag_by_priority_summary_one (rows, n_rows));
}

char *
bp_chart_risk_heat_map_summary (const char *title, GPtrArray *risks, BpRiskScoreKind kind,
                                GPtrArray *bands)
{
  BILINGUAL_SUMMARY (risk_heat_map_summary_one (title, risks, kind, bands));
}

char *
bp_chart_kpi_trend_summary (const BpMeasure *measure, GPtrArray *values)
{
  BILINGUAL_SUMMARY (kpi_trend_summary_one (measure, values));
}

char *
bp_chart_milestones_summary (GPtrArray *milestones, const char *from, const char *to)
{
  BILINGUAL_SUMMARY (milestones_summary_one (milestones, from, to));
}

char *
bp_chart_movement_summary (const BpMovement *movement)
{
  BILINGUAL_SUMMARY (movement_summary_one (movement));
}
