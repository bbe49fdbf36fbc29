/* bp-chart-donut.c: the BRAG donut of all actions, with its table of counts and percentages. */
#include <math.h>

#include "bp-chart-private.h"

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
donut_segment_label (BpChart *c, BpRag rag, int count, int percent, double cx, double cy,
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
      g_autoptr (PangoLayout) layout = bp_chart_text (c, candidates[i], SIZE_BODY, TEXT_BOLD);
      double w, h;

      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      bp_chart_text_size (layout, &w, &h);
      /* A margin inside the ring keeps text off the segment edges. */
      if (box_in_sector (cx, cy, r_in + 1.5, r_out - 1.5, a0 + 0.02, a1 - 0.02,
                         px - w / 2 - 1, py - h / 2, w + 2, h))
        {
          bp_chart_show_layout (c, layout, bp_colours_text_on (bp_colours_rag (rag)), px, py, 0.5,
                                0.5);
          return;
        }
    }
}

/* A header that starts with "%" (marked with N_ (), translated here):
 * bp_tr () takes it for a printf format
 * and gives the Welsh alone in a bilingual document, so both languages
 * are joined here. The text is kept in @strings. */
static const char *
percent_header (GPtrArray *strings, const char *msgid)
{
  char *text;

  if (bp_tr_get_language () != BP_LANGUAGE_BILINGUAL)
    return bp_tr (msgid);
  text = bp_tr_join (bp_tr_in (BP_LANGUAGE_CY, msgid), bp_tr_in (BP_LANGUAGE_EN, msgid));
  g_ptr_array_add (strings, text);
  return text;
}

typedef struct
{
  const char *cells[5];
  BpChartTextFlags flags;
  BpRag rag; /* swatch, or BP_RAG_COUNT for none */
} DonutRow;

static void
donut_table (BpChart *c, const int counts[BP_RAG_COUNT], double x, double width)
{
  int in_progress[3] = { counts[BP_RAG_RED], counts[BP_RAG_AMBER], counts[BP_RAG_GREEN] };
  int all_pct[BP_RAG_COUNT], prog_pct[3];
  int ordered[BP_RAG_COUNT];
  int total = bp_chart_sum_counts (counts, BP_RAG_COUNT);
  int progress_total = bp_chart_sum_counts (in_progress, 3);
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  DonutRow rows[BP_RAG_COUNT + 2];
  double col_w[5] = { 0 };
  double lh = bp_chart_line_height (c, SIZE_BODY);
  double row_h = lh + 5;
  double gap = 10;
  double table_w, table_h, note_h, top;
  g_autofree char *note = NULL;
  g_autoptr (PangoLayout) note_layout = NULL;
  double col_x[5];
  double shrink, header_h, header_row_h;
  PangoLayout *headers[5] = { NULL };

  for (int i = 0; i < BP_RAG_COUNT; i++)
    ordered[i] = counts[bp_chart_rag_order[i]];
  bp_percentages (ordered, BP_RAG_COUNT, all_pct);
  bp_percentages (in_progress, 3, prog_pct);

  rows[0] = (DonutRow) { { "", bp_tr ("Status"), bp_tr ("Actions"),
                           /* xgettext:no-c-format */
                           percent_header (strings, N_ ("% of all")),
                           /* xgettext:no-c-format */
                           percent_header (strings, N_ ("% in progress")) },
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
      { "", bp_tr ("Total"), n, "100%", progress_total > 0 ? "100%" : "\xe2\x80\x93" },
      TEXT_BOLD,
      BP_RAG_COUNT,
    };
  }

  /* Columns as wide as their figures and their headers; when that is
   * too wide (the bilingual headers are twice as long) the headers wrap
   * between words, so the table stays at its size rather than shrink
   * below legible. */
  col_w[0] = SWATCH_W;
  for (guint r = 1; r < G_N_ELEMENTS (rows); r++)
    for (int k = 1; k < 5; k++)
      col_w[k]
          = MAX (col_w[k], bp_chart_text_width (c, rows[r].cells[k], SIZE_BODY, rows[r].flags));
  {
    double natural = col_w[0] + 4 * gap;

    for (int k = 1; k < 5; k++)
      natural += MAX (col_w[k], bp_chart_text_width (c, rows[0].cells[k], SIZE_BODY, TEXT_BOLD));
    if (natural > width)
      gap = 6;
    header_h = lh;
    for (int k = 1; k < 5; k++)
      {
        double wrap = natural > width ? MAX (col_w[k], bp_chart_widest_word (c, rows[0].cells[k],
                                                                             SIZE_BODY, TEXT_BOLD))
                                      : G_MAXINT16;
        double hw, hh;

        headers[k] = bp_chart_text_fit (c, rows[0].cells[k], SIZE_BODY, TEXT_BOLD, wrap, 3);
        pango_layout_set_alignment (headers[k], k == 1 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
        bp_chart_text_size (headers[k], &hw, &hh);
        col_w[k] = MAX (col_w[k], hw);
        header_h = MAX (header_h, hh);
      }
  }
  header_row_h = header_h + 5;
  table_w = col_w[0] + col_w[1] + col_w[2] + col_w[3] + col_w[4] + 4 * gap;
  shrink = table_w > width && width > 0 ? width / table_w : 1.0;
  col_x[0] = x;
  for (int k = 1; k < 5; k++)
    col_x[k] = col_x[k - 1] + col_w[k - 1] + gap;

  note = bp_trn_printf ("In progress: %d action, red, amber or green. "
                                    "Complete (blue) and not-started actions are left out "
                                    "of \u201c%% in progress\u201d.",
                                    "In progress: %d actions, red, amber or green. "
                                    "Complete (blue) and not-started actions are left out "
                                    "of \u201c%% in progress\u201d.",
                                    progress_total, progress_total);
  note_layout = bp_chart_text (c, note, SIZE_SMALL, TEXT_PLAIN);
  pango_layout_set_width (note_layout, (int) (MAX (width, 40) * PANGO_SCALE));
  pango_layout_set_wrap (note_layout, PANGO_WRAP_WORD_CHAR);
  bp_chart_text_size (note_layout, NULL, &note_h);

  table_h = (header_row_h + row_h * (G_N_ELEMENTS (rows) - 1)) * shrink;
  top = c->y + MAX (PAD, (c->h - table_h - 8 - note_h) / 2);

  cairo_save (c->cr);
  cairo_translate (c->cr, x, top);
  cairo_scale (c->cr, shrink, shrink);
  cairo_translate (c->cr, -x, -top);
  for (int k = 1; k < 5; k++)
    bp_chart_show_layout (c, headers[k], bp_colours_ink (), k == 1 ? col_x[k] : col_x[k] + col_w[k],
                          top + header_row_h / 2, k == 1 ? 0 : 1, 0.5);
  for (guint r = 1; r < G_N_ELEMENTS (rows); r++)
    {
      double row_top = top + header_row_h + row_h * (r - 1);
      double cy = row_top + row_h / 2;

      if (r == G_N_ELEMENTS (rows) - 1)
        bp_chart_stroke_line (c, bp_colours_muted (), 0.6, x, row_top, x + table_w, row_top);
      if (rows[r].rag != BP_RAG_COUNT)
        {
          char letter[2] = { bp_rag_to_letter (rows[r].rag), '\0' };

          bp_chart_draw_swatch (c, col_x[0], cy - SWATCH_H / 2, SWATCH_W, SWATCH_H,
                                bp_colours_rag (rows[r].rag), rows[r].rag == BP_RAG_NOT_STARTED,
                                letter);
        }
      bp_chart_show_text (c, rows[r].cells[1], SIZE_BODY, rows[r].flags, bp_colours_ink (),
                          col_x[1], cy, 0, 0.5);
      /* Numbers right-aligned so their digits line up. */
      for (int k = 2; k < 5; k++)
        bp_chart_show_text (c, rows[r].cells[k], SIZE_BODY, rows[r].flags, bp_colours_ink (),
                            col_x[k] + col_w[k], cy, 1, 0.5);
    }
  bp_chart_stroke_line (c, bp_colours_muted (), 0.6, x, top + header_row_h, x + table_w,
                        top + header_row_h);
  cairo_restore (c->cr);
  for (int k = 1; k < 5; k++)
    g_clear_object (&headers[k]);
  bp_chart_show_layout (c, note_layout, bp_colours_muted (), x, top + table_h + 8, 0, 0);
}

/* The donut, with the table beside it when @with_table, or alone and
 * centred in @area (a document puts the counts in a real table). */
static void
draw_donut (cairo_t *cr, const cairo_rectangle_t *area, const int counts[BP_RAG_COUNT],
            gboolean with_table)
{
  BpChart c;
  int total, ordered[BP_RAG_COUNT], pct[BP_RAG_COUNT];
  double r_out, r_in, cx, cy;
  double angles[BP_RAG_COUNT + 1];

  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);
  g_return_if_fail (counts != NULL);

  bp_chart_begin (&c, cr, area);
  total = bp_chart_sum_counts (counts, BP_RAG_COUNT);
  /* The donut takes at most about 40 % of the width; the table the rest. */
  r_out = MAX (10, MIN (c.h - 2 * PAD, c.w * 0.4) / 2);
  r_in = r_out * 0.56;
  cx = with_table ? c.x + PAD + r_out : c.x + c.w / 2;
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
      bp_chart_show_text (&c, bp_tr ("No actions"), SIZE_BODY, TEXT_BOLD, bp_colours_ink (), cx, cy,
                          0.5, 0.5);
      bp_chart_show_text (&c, bp_tr ("Add actions to the plan to see their status here."), SIZE_SMALL,
                          TEXT_PLAIN, bp_colours_muted (), cx + r_out + 16, cy, 0, 0.5);
      bp_chart_end (&c);
      return;
    }

  for (int i = 0; i < BP_RAG_COUNT; i++)
    ordered[i] = counts[bp_chart_rag_order[i]];
  bp_percentages (ordered, BP_RAG_COUNT, pct);

  /* Clockwise from twelve o'clock, in the order of the table: segment i
   * runs from angles[i] to angles[i + 1]. */
  angles[0] = -G_PI / 2;
  for (int i = 0; i < BP_RAG_COUNT; i++)
    angles[i + 1] = angles[i] + (ordered[i] > 0 ? 2 * G_PI * ordered[i] / total : 0);
  for (int i = 0; i < BP_RAG_COUNT; i++)
    {
      if (ordered[i] <= 0)
        continue;
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, r_out, angles[i], angles[i + 1]);
      cairo_arc_negative (cr, cx, cy, r_in, angles[i + 1], angles[i]);
      cairo_close_path (cr);
      bp_chart_fill_rag_preserve (&c, bp_chart_rag_order[i]);
      /* White seams keep neighbours apart in greyscale. */
      bp_colours_set_source (cr, bp_colours_white ());
      cairo_set_line_width (cr, ordered[i] == total ? 0 : 1.2);
      if (ordered[i] == total)
        cairo_new_path (cr);
      else
        cairo_stroke (cr);
    }
  /* The labels after every segment, so that no seam crosses one. */
  for (int i = 0; i < BP_RAG_COUNT; i++)
    if (ordered[i] > 0)
      donut_segment_label (&c, bp_chart_rag_order[i], ordered[i], pct[i], cx, cy, r_in, r_out,
                           angles[i], angles[i + 1]);

  {
    g_autofree char *number = g_strdup_printf ("%d", total);

    /* The word under the number stays inside the hole: "cam gweithredu
     * / actions" wraps. */
    g_autoptr (PangoLayout) word = bp_chart_text_fit (&c, bp_trn ("action", "actions", total),
                                                      SIZE_BODY, TEXT_PLAIN, r_in * 1.6, 3);

    pango_layout_set_alignment (word, PANGO_ALIGN_CENTER);
    bp_chart_show_text (&c, number, SIZE_BIG, TEXT_BOLD, bp_colours_ink (), cx, cy + 2, 0.5, 1);
    bp_chart_show_layout (&c, word, bp_colours_ink (), cx, cy + 2, 0.5, 0);
  }

  if (with_table)
    {
      double tx = cx + r_out + 18;

      donut_table (&c, counts, tx, c.x + c.w - PAD - tx);
    }
  bp_chart_end (&c);
}

void
bp_chart_brag_donut (cairo_t *cr, const cairo_rectangle_t *area, const int counts[BP_RAG_COUNT])
{
  draw_donut (cr, area, counts, TRUE);
}

void
bp_chart_brag_ring (cairo_t *cr, const cairo_rectangle_t *area, const int counts[BP_RAG_COUNT])
{
  draw_donut (cr, area, counts, FALSE);
}

static char *
brag_donut_summary_one (const int counts[BP_RAG_COUNT])
{
  g_autoptr (GString) s = g_string_new (NULL);
  int ordered[BP_RAG_COUNT], pct[BP_RAG_COUNT];
  int in_progress[3], prog_pct[3];
  int total, progress_total;

  g_return_val_if_fail (counts != NULL, NULL);

  total = bp_chart_sum_counts (counts, BP_RAG_COUNT);
  if (total == 0)
    return g_strdup (bp_tr ("No actions."));

  for (int i = 0; i < BP_RAG_COUNT; i++)
    ordered[i] = counts[bp_chart_rag_order[i]];
  bp_percentages (ordered, BP_RAG_COUNT, pct);
  g_string_append_printf (s, bp_trn ("%d action: ", "%d actions: ", total), total);
  for (int i = 0; i < BP_RAG_COUNT; i++)
    g_string_append_printf (s, "%s%s %d (%d%%)", i > 0 ? ", " : "",
                            bp_rag_to_label (bp_chart_rag_order[i]), ordered[i], pct[i]);
  g_string_append (s, ". ");

  in_progress[0] = counts[BP_RAG_RED];
  in_progress[1] = counts[BP_RAG_AMBER];
  in_progress[2] = counts[BP_RAG_GREEN];
  progress_total = bp_chart_sum_counts (in_progress, 3);
  if (progress_total == 0)
    {
      g_string_append (s, bp_tr ("No actions in progress (red, amber or green)."));
      return g_string_free (g_steal_pointer (&s), FALSE);
    }
  bp_percentages (in_progress, 3, prog_pct);
  g_string_append_printf (s,
                          bp_trn ("In progress (red, amber and green; complete and not-started "
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

char *
bp_chart_brag_donut_summary (const int counts[BP_RAG_COUNT])
{
  BILINGUAL_SUMMARY (brag_donut_summary_one (counts));
}
