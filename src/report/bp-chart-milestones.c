/* bp-chart-milestones.c: the milestone timeline. */
#include <math.h>

#include "bp-chart-private.h"

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
  gboolean have_from = bp_date_to_gdate (from, out_from);
  gboolean have_to = bp_date_to_gdate (to, out_to);

  if (!have_from || !have_to)
    {
      guint32 lo = G_MAXUINT32, hi = 0;

      for (guint k = 0; milestones && k < milestones->len; k++)
        {
          const BpMilestone *m = g_ptr_array_index (milestones, k);
          GDate d;

          if (!bp_date_to_gdate (m->due_date, &d))
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

      if (!bp_date_to_gdate (m->due_date, &d) || g_date_compare (&d, from) < 0
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
  BpChart c;
  GDate d_from, d_to;
  g_autoptr (GArray) placed = NULL;
  double lh, axis_y, ax0, ax1, span, level_h, max_label_w;
  int n_levels;
  guint unlabelled = 0;
  guint32 j0, j1;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (area != NULL, 0);

  bp_chart_begin (&c, cr, area);
  lh = bp_chart_line_height (&c, SIZE_SMALL);

  if (!milestone_window (milestones, from, to, &d_from, &d_to))
    {
      bp_chart_show_text (&c, bp_tr ("No milestones due in this period"), SIZE_BODY, TEXT_BOLD,
                          bp_colours_ink (), c.x + c.w / 2, c.y + c.h / 2, 0.5, 0.5);
      bp_chart_end (&c);
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
    double label_w = bp_chart_text_width (&c, "Mmm-00", SIZE_SMALL, TEXT_PLAIN) + 6;
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
          bp_chart_stroke_line (&c, bp_colours_muted (), 0.8, x, axis_y, x, axis_y + 4);
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
        bp_chart_show_text (&c, buf, SIZE_SMALL, TEXT_PLAIN, bp_colours_ink (), lx, axis_y + 4, 0.5,
                            0);
      }
  }
  bp_chart_stroke_line (&c, bp_colours_ink (), 1.0, ax0, axis_y, ax1, axis_y);

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
      /* A few milestones may have long labels: the whole title where the
       * timeline has room for it. */
      double widths[] = { placed->len <= 3 ? c.w - 2 * PAD : max_label_w, max_label_w,
                          max_label_w / 2 };
      double room_right, room_left;

      g_date_set_julian (&d, p->julian);
      if (bp_tr_get_language () == BP_LANGUAGE_UI)
        g_date_strftime (month, sizeof month, "%b", &d);
      else
        g_strlcpy (month, bp_tr_month_abbrev (g_date_get_month (&d)), sizeof month);
      p->x = DATE_X (p->julian + 0.5);
      text = g_strdup_printf ("%s%d %s %s", m->done_date ? "\xe2\x9c\x93 " : "",
                              g_date_get_day (&d), month, m->title ? m->title : "");

      /* The room a label has to the right edge, and to the left before
       * the leader of the next earlier milestone (still to be placed). */
      room_right = c.x + c.w - PAD - p->x + 1;
      room_left = p->x + 1
                  - (k > 0 ? DATE_X (g_array_index (placed, Placed, k - 1).julian + 0.5) + 8
                           : c.x + PAD);

      /* First without covering the diamond of an earlier milestone: its
       * leader could then only go under this label, where there may be no
       * row left, and it would lose its label to a later one's tail.  So a
       * label reaching back to the left stops short of that leader, and
       * one that has no room either side is cut to the room on its right. */
      for (int strict = 1; strict >= 0 && p->level < 0; strict--)
        for (gsize wi = 0; wi < G_N_ELEMENTS (widths) && p->level < 0; wi++)
          for (int side = 0; side < (strict ? 3 : 2) && p->level < 0; side++)
            {
              /* Side 0 starts at the leader, 1 ends there, 2 is side 0 cut
               * to the edge.  Text starts at the leader on any row before it
               * may end there: a label reaching back to the left blocks the
               * leaders under it. */
              double room = side == 0 ? widths[wi] : side == 1 ? room_left : room_right;
              g_autoptr (PangoLayout) layout = NULL;
              double w;

              if (strict && side > 0 && room < max_label_w / 2)
                continue;
              /* Cut, if at all, after a whole word: the title is whole in the
               * summary and in the table under the chart. */
              layout = bp_chart_text_ellipsize_words (&c, text, SIZE_SMALL, TEXT_PLAIN,
                                                      strict ? MIN (widths[wi], room)
                                                             : widths[wi]);
              bp_chart_text_size (layout, &w, NULL);
              for (int level = 0; level < n_levels && p->level < 0; level++)
                {
                  double start = side == 1 ? p->x - w + 1 : p->x - 1;
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

          bp_chart_stroke_line (&c, bp_colours_muted (), 0.6, p->x, axis_y - 5, p->x,
                                label_y + level_h - 2);
          bp_chart_show_layout (&c, p->layout, bp_colours_ink (), p->start, label_y + 2, 0, 0);
        }
      diamond (cr, p->x, axis_y, 4.5);
      bp_colours_set_source (cr, done ? bp_colours_rag (BP_RAG_BLUE) : bp_colours_white ());
      cairo_fill_preserve (cr);
      bp_colours_set_source (cr, done ? bp_colours_rag (BP_RAG_BLUE) : bp_colours_ink ());
      cairo_set_line_width (cr, 1.2);
      cairo_stroke (cr);
    }

  if (placed->len == 0)
    bp_chart_show_text (&c, bp_tr ("No milestones due in this period"), SIZE_BODY, TEXT_BOLD,
                        bp_colours_ink (), c.x + c.w / 2, (c.y + axis_y) / 2, 0.5, 0.5);
  else if (unlabelled > 0)
    {
      g_autofree char *more = bp_trn_printf ("%u more milestone: see the list",
                                             "%u more milestones: see the list", unlabelled,
                                             unlabelled);

      bp_chart_show_text (&c, more, SIZE_SMALL, TEXT_PLAIN, bp_colours_muted (), c.x + c.w - PAD,
                          c.y + PAD, 1, 0);
    }
#undef DATE_X
  bp_chart_end (&c);
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
    return g_strdup (bp_tr ("No milestones due in this period."));
  in = milestones_in_window (milestones, &d_from, &d_to);
  if (in->len == 0)
    return g_strdup (bp_tr ("No milestones due in this period."));

  {
    g_autofree char *from_iso = bp_date_from_gdate (&d_from);
    g_autofree char *to_iso = bp_date_from_gdate (&d_to);

    from_text = bp_date_format_uk (from_iso);
    to_text = bp_date_format_uk (to_iso);
  }
  g_string_append_printf (s, bp_trn ("%u milestone due from %s to %s:",
                                       "%u milestones due from %s to %s:", in->len),
                          in->len, from_text, to_text);
  for (guint k = 0; k < in->len; k++)
    {
      const BpMilestone *m = g_array_index (in, Placed, k).milestone;
      g_autofree char *due = bp_date_format_uk (m->due_date);

      g_string_append_printf (s, "%s %s %s", k ? ";" : "", due, m->title ? m->title : "");
      if (m->done_date)
        {
          g_autofree char *done = bp_date_format_uk (m->done_date);

          g_string_append_printf (s, bp_tr (" (done %s)"), done);
        }
    }
  g_string_append_c (s, '.');
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
bp_chart_milestones_summary (GPtrArray *milestones, const char *from, const char *to)
{
  BILINGUAL_SUMMARY (milestones_summary_one (milestones, from, to));
}
