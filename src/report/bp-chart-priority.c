/* bp-chart-priority.c: BRAG status by priority area, as 100 % stacked bars. */
#include <math.h>
#include <string.h>

#include "bp-chart-private.h"

void
bp_chart_brag_by_priority (cairo_t *cr, const cairo_rectangle_t *area,
                           const BpChartPriorityRow *rows, guint n_rows)
{
  BpChart c;
  BpChartLegendItem items[BP_RAG_COUNT];
  char letters[BP_RAG_COUNT][2];
  double legend_h, axis_h, label_w, total_w, bar_x0, bar_x1, top, bottom, row_h, bar_h, lh;
  double header_w, header_h, label_h = 0, label_w_used = 0;
  g_autoptr (PangoLayout) total_header = NULL;
  g_autoptr (GPtrArray) labels = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);
  g_return_if_fail (rows != NULL || n_rows == 0);

  bp_chart_begin (&c, cr, area);
  if (n_rows == 0)
    {
      bp_chart_show_text (&c, bp_tr ("No priority areas"), SIZE_BODY, TEXT_BOLD, bp_colours_ink (),
                          c.x + c.w / 2, c.y + c.h / 2, 0.5, 0.5);
      bp_chart_end (&c);
      return;
    }

  lh = bp_chart_line_height (&c, SIZE_BODY);
  bp_chart_rag_legend_items (items, letters);

  /* Totals column on the right, its header level with the legend; a
   * long header ("Cyfanswm / Total") goes onto two lines rather than
   * take the bars' room. */
  total_w = 0;
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *n
          = g_strdup_printf ("%d", bp_chart_sum_counts (rows[i].counts, BP_RAG_COUNT));

      total_w = MAX (total_w, bp_chart_text_width (&c, n, SIZE_BODY, TEXT_BOLD));
    }
  total_header = bp_chart_text_fit (&c, bp_tr ("Total"), SIZE_SMALL, TEXT_BOLD,
                                    MAX (total_w, c.w * 0.09), 2);
  pango_layout_set_alignment (total_header, PANGO_ALIGN_RIGHT);
  bp_chart_text_size (total_header, &header_w, &header_h);
  total_w = MAX (total_w, header_w);

  axis_h = bp_chart_line_height (&c, SIZE_SMALL) + 4;
  label_w = 0;
  for (guint i = 0; i < n_rows; i++)
    label_w = MAX (label_w, bp_chart_text_width (&c, rows[i].label ? rows[i].label : "", SIZE_BODY,
                                                 TEXT_PLAIN));
  /* Long names wrap onto two or three lines, smaller if they must, and
   * take more of the width only when even that does not hold them. */
  for (double share = 0.34; share < 0.47; share += 0.06)
    {
      double lw = MIN (label_w, c.w * share);
      double bx0 = c.x + PAD + lw + 8;
      double bx1 = c.x + c.w - PAD - total_w - 8;
      double lg = bp_chart_legend_flow (&c, items, BP_RAG_COUNT, bx0, c.y + PAD, bx1 - bx0, FALSE);
      double avail = (c.y + c.h - PAD - axis_h - (c.y + PAD + MAX (lg, header_h) + 8)) / n_rows;
      int lines = (int) CLAMP (floor ((avail - 2) / bp_chart_line_height (&c, SIZE_MIN)), 1, 3);
      gboolean all_fit = TRUE;

      g_clear_pointer (&labels, g_ptr_array_unref);
      labels = g_ptr_array_new_with_free_func (g_object_unref);
      label_h = 0;
      for (guint i = 0; i < n_rows; i++)
        {
          PangoLayout *l = bp_chart_text_fit (&c, rows[i].label ? rows[i].label : "", SIZE_BODY,
                                              TEXT_PLAIN, lw, lines);
          double h;

          bp_chart_text_size (l, NULL, &h);
          all_fit &= pango_layout_get_line_count (l) <= lines;
          label_h = MAX (label_h, h);
          g_ptr_array_add (labels, l);
        }
      label_w_used = lw;
      if (all_fit)
        break;
    }
  label_w = label_w_used;

  bar_x0 = c.x + PAD + label_w + 8;
  bar_x1 = c.x + c.w - PAD - total_w - 8;
  legend_h
      = bp_chart_legend_flow (&c, items, BP_RAG_COUNT, bar_x0, c.y + PAD, bar_x1 - bar_x0, FALSE);
  bp_chart_legend_flow (&c, items, BP_RAG_COUNT, bar_x0, c.y + PAD, bar_x1 - bar_x0, TRUE);
  bp_chart_show_layout (&c, total_header, bp_colours_ink (), c.x + c.w - PAD, c.y + PAD, 1, 0);

  top = c.y + PAD + MAX (legend_h, header_h) + 8;
  bottom = c.y + c.h - PAD - axis_h;
  row_h = MIN ((bottom - top) / n_rows, MAX (2 * lh + 10, label_h + 4));
  bar_h = MIN (row_h * 0.72, 20);

  /* Gridlines at quarters, labelled as shares of each bar. */
  for (int q = 0; q <= 4; q++)
    {
      double gx = bar_x0 + (bar_x1 - bar_x0) * q / 4.0;
      g_autofree char *label = g_strdup_printf ("%d%%", q * 25);

      bp_chart_stroke_line (&c, bp_colours_rule (), 0.5, gx, top, gx, top + row_h * n_rows);
      bp_chart_show_text (&c, label, SIZE_SMALL, TEXT_PLAIN, bp_colours_muted (), gx,
                          top + row_h * n_rows + 2,
                          q == 0   ? 0
                          : q == 4 ? 1
                                   : 0.5,
                          0);
    }

  for (guint i = 0; i < n_rows; i++)
    {
      const BpChartPriorityRow *row = &rows[i];
      int total = bp_chart_sum_counts (row->counts, BP_RAG_COUNT);
      double cy = top + row_h * (i + 0.5);
      double by = cy - bar_h / 2;
      double x = bar_x0;
      PangoLayout *label = g_ptr_array_index (labels, i);
      g_autofree char *n = g_strdup_printf ("%d", total);

      bp_chart_show_layout (&c, label, bp_colours_ink (), c.x + PAD, cy, 0, 0.5);
      bp_chart_show_text (&c, n, SIZE_BODY, TEXT_BOLD, bp_colours_ink (), c.x + c.w - PAD, cy, 1,
                          0.5);

      if (total == 0)
        {
          cairo_rectangle (cr, bar_x0, by, bar_x1 - bar_x0, bar_h);
          bp_colours_set_source (cr, bp_colours_muted ());
          cairo_set_line_width (cr, 0.5);
          cairo_stroke (cr);
          bp_chart_show_text (&c, bp_tr ("No actions"), SIZE_SMALL, TEXT_PLAIN, bp_colours_muted (),
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
          bp_chart_fill_rag_preserve (&c, rag);
          bp_colours_set_source (cr, bp_colours_white ());
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);

          full = g_strdup_printf ("%c %d", bp_rag_to_letter (rag), count);
          if (bp_chart_text_width (&c, full, SIZE_SMALL, TEXT_BOLD) + 4 <= sw)
            bp_chart_show_text (&c, full, SIZE_SMALL, TEXT_BOLD,
                                bp_colours_text_on (bp_colours_rag (rag)), x + sw / 2, cy, 0.5,
                                0.5);
          else if (bp_chart_text_width (&c, bare, SIZE_SMALL, TEXT_BOLD) + 2 <= sw)
            bp_chart_show_text (&c, bare, SIZE_SMALL, TEXT_BOLD,
                                bp_colours_text_on (bp_colours_rag (rag)), x + sw / 2, cy, 0.5,
                                0.5);
          x += sw;
        }
    }
  bp_chart_end (&c);
}

static char *
brag_by_priority_summary_one (const BpChartPriorityRow *rows, guint n_rows)
{
  g_autoptr (GString) s = g_string_new (NULL);

  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);
  if (n_rows == 0)
    return g_strdup (bp_tr ("No priority areas."));

  g_string_append_printf (s, bp_trn ("BRAG status by priority area (%u area).",
                                       "BRAG status by priority area (%u areas).", n_rows),
                          n_rows);
  for (guint i = 0; i < n_rows; i++)
    {
      int total = bp_chart_sum_counts (rows[i].counts, BP_RAG_COUNT);
      const char *label = rows[i].label ? rows[i].label : "";
      int ordered[BP_RAG_COUNT], pct[BP_RAG_COUNT];
      g_autofree char *head = NULL;
      gboolean first = TRUE;

      if (total == 0)
        {
          g_autofree char *none = bp_tr_printf ("%s: no actions.", label);

          g_string_append_printf (s, " %s", none);
          continue;
        }
      /* The shares by the one rule of bp_percentages (), as the donut and
       * the window give them. */
      for (int k = 0; k < BP_RAG_COUNT; k++)
        ordered[k] = rows[i].counts[bp_chart_rag_order[k]];
      bp_percentages (ordered, BP_RAG_COUNT, pct);
      head = bp_trn_printf ("%s: %d action:", "%s: %d actions:", total, label, total);
      g_string_append_printf (s, " %s", head);
      for (int k = 0; k < BP_RAG_COUNT; k++)
        {
          if (ordered[k] <= 0)
            continue;
          g_string_append_printf (s, "%s %s %d (%d%%)", first ? "" : ",",
                                  bp_rag_to_label (bp_chart_rag_order[k]), ordered[k], pct[k]);
          first = FALSE;
        }
      g_string_append_c (s, '.');
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
bp_chart_brag_by_priority_summary (const BpChartPriorityRow *rows, guint n_rows)
{
  BILINGUAL_SUMMARY (brag_by_priority_summary_one (rows, n_rows));
}

BpChartPriorityRows *
bp_chart_priority_rows_new (GPtrArray *priorities, const int *by_priority)
{
  BpChartPriorityRows *rows;

  g_return_val_if_fail (priorities != NULL, NULL);

  rows = g_new0 (BpChartPriorityRows, 1);
  rows->n_rows = priorities->len;
  rows->rows = g_new0 (BpChartPriorityRow, MAX (rows->n_rows, 1));
  for (guint i = 0; i < priorities->len; i++)
    {
      BpPriority *p = priorities->pdata[i];

      rows->rows[i].label
          = g_strdup_printf ("%s %s", p->code ? p->code : "", p->title ? p->title : "");
      if (by_priority)
        memcpy (rows->rows[i].counts, by_priority + i * BP_RAG_COUNT, sizeof rows->rows[i].counts);
    }
  return rows;
}

void
bp_chart_priority_rows_count (BpChartPriorityRows *rows, GPtrArray *priorities, GPtrArray *actions)
{
  g_autoptr (GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_return_if_fail (rows != NULL);
  g_return_if_fail (priorities != NULL && priorities->len == rows->n_rows);
  g_return_if_fail (actions != NULL);

  for (guint i = 0; i < priorities->len; i++)
    {
      BpPriority *p = priorities->pdata[i];

      g_hash_table_insert (index, &p->id, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < actions->len; i++)
    {
      BpAction *a = actions->pdata[i];
      guint k = GPOINTER_TO_UINT (g_hash_table_lookup (index, &a->priority_id));

      if (k > 0 && a->rag < BP_RAG_COUNT)
        rows->rows[k - 1].counts[a->rag]++;
    }
}

void
bp_chart_priority_rows_free (BpChartPriorityRows *rows)
{
  if (rows == NULL)
    return;
  for (guint i = 0; i < rows->n_rows; i++)
    g_free ((char *) rows->rows[i].label);
  g_free (rows->rows);
  g_free (rows);
}

void
bp_chart_brag_by_priority_rows (cairo_t *cr, const cairo_rectangle_t *area, gpointer rows)
{
  BpChartPriorityRows *r = rows;

  g_return_if_fail (r != NULL);
  bp_chart_brag_by_priority (cr, area, r->rows, r->n_rows);
}
