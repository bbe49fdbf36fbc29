/* bp-chart-heatmap.c: the 5 x 5 risk heat map. */
#include <string.h>

#include "bp-chart-private.h"

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
  return g_strdup_printf ("%s %d\xe2\x80\x93%d", bp_risk_band_display_name (band->name), band->min_score,
                          band->max_score);
}

static double
heat_legend (BpChart *c, GPtrArray *bands, double x, double y, double width, gboolean draw)
{
  g_autoptr (GPtrArray) sorted = sorted_bands (bands);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree BpChartLegendItem *items = g_new0 (BpChartLegendItem, MAX (sorted->len, 1));

  for (guint i = 0; i < sorted->len; i++)
    {
      const BpRiskBand *band = g_ptr_array_index (sorted, i);
      char *text = band_legend_text (band);

      g_ptr_array_add (texts, text);
      if (!bp_colours_parse (band->colour, &items[i].fill))
        items[i].fill = bp_colours_white ();
      items[i].text = text;
    }
  return bp_chart_legend_flow (c, items, sorted->len, x, y, width, draw);
}

static char *
impact_label_text (int impact, gboolean one_line)
{
  return g_strdup_printf (one_line ? "%d %s" : "%d\n%s", impact, bp_impact_label (impact));
}

static void
heat_layout (BpChart *c, const char *title, GPtrArray *bands, HeatLayout *out)
{
  double lh = bp_chart_line_height (c, SIZE_SMALL);
  double natural = 0, widest_word = 0;
  double legend_h, grid_w, grid_h, max_cell_w;

  memset (out, 0, sizeof *out);
  out->title_h = title != NULL && *title ? bp_chart_line_height (c, SIZE_TITLE) + 4 : 0;
  out->axis_title_w = lh + 2;

  /* Likelihood labels: "5 Almost certain", wrapped at a fifth of the width
   * but never narrower than their longest word. */
  for (int l = 1; l <= 5; l++)
    {
      g_autofree char *text = g_strdup_printf ("%d %s", l, bp_likelihood_label (l));
      g_auto (GStrv) words = g_strsplit (text, " ", -1);

      natural = MAX (natural, bp_chart_text_width (c, text, SIZE_SMALL, TEXT_PLAIN));
      for (guint i = 0; words[i] != NULL; i++)
        {
          /* The number stays with the first word. */
          g_autofree char *word = i == 0 && words[1] != NULL
                                    ? g_strdup_printf ("%s %s", words[0], words[1])
                                    : g_strdup (words[i]);

          widest_word = MAX (widest_word, bp_chart_text_width (c, word, SIZE_SMALL, TEXT_PLAIN));
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
        widest = MAX (widest, bp_chart_text_width (c, bp_impact_label (i), SIZE_SMALL,
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

static PangoLayout *
cell_refs_layout (BpChart *c, GPtrArray *refs, guint shown, BpChartTextFlags face, double width)
{
  g_autoptr (GString) text = g_string_new (NULL);
  PangoLayout *layout;

  for (guint k = 0; k < shown; k++)
    g_string_append_printf (text, "%s%s", k ? " " : "", (const char *) g_ptr_array_index (refs, k));
  if (shown < refs->len)
    g_string_append_printf (text, "%s+%u", shown ? " " : "", refs->len - shown);
  layout = bp_chart_text (c, text->str, SIZE_SMALL, face);
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
draw_cell_refs (BpChart *c, GPtrArray *refs, double cx, double cy, double width, double height,
                BpRgb ink)
{
  const BpChartTextFlags faces[] = { TEXT_BOLD, TEXT_BOLD | TEXT_CONDENSED };
  g_autoptr (PangoLayout) best = NULL;
  guint best_shown = 0;

  for (gsize f = 0; f < G_N_ELEMENTS (faces) && (best == NULL || best_shown < refs->len); f++)
    for (int shown = refs->len; shown >= 0; shown--)
      {
        g_autoptr (PangoLayout) layout = cell_refs_layout (c, refs, shown, faces[f], width);
        double h;

        bp_chart_text_size (layout, NULL, &h);
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
  bp_chart_show_layout (c, best, ink, cx, cy, 0.5, 0.5);
  return refs->len - best_shown;
}

guint
bp_chart_risk_heat_map (cairo_t *cr, const cairo_rectangle_t *area, const char *title,
                        GPtrArray *risks, BpRiskScoreKind kind, GPtrArray *bands)
{
  BpChart c;
  HeatLayout hl;
  GPtrArray *cells[5][5] = { { NULL } };
  double lh;
  guint elided = 0;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (area != NULL, 0);

  bp_chart_begin (&c, cr, area);
  lh = bp_chart_line_height (&c, SIZE_SMALL);
  heat_layout (&c, title, bands, &hl);

  if (hl.title_h > 0)
    bp_chart_show_text (&c, title, SIZE_TITLE, TEXT_BOLD, bp_colours_ink (),
                        hl.grid_x + hl.cell_w * 2.5, c.y + PAD, 0.5, 0);

  for (int l = 0; l < 5; l++)
    for (int i = 0; i < 5; i++)
      cells[l][i] = g_ptr_array_new ();
  if (risks != NULL)
    for (guint r = 0; r < risks->len; r++)
      {
        const BpRisk *risk = g_ptr_array_index (risks, r);
        int l, i;

        bp_risk_get_scores (risk, kind, &l, &i);
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
        bp_chart_show_text (&c, score, SIZE_MIN, TEXT_PLAIN, ink, cell.x + 2, cell.y + 1, 0, 0);
        score_h = bp_chart_line_height (&c, SIZE_MIN);
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
      g_autoptr (PangoLayout) layout = bp_chart_text (&c, text, SIZE_SMALL, TEXT_PLAIN);

      heat_cell_rect (&hl, l, 1, &cell);
      pango_layout_set_width (layout, (int) (hl.label_w * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_spacing (layout, (int) (-0.5 * PANGO_SCALE));
      bp_chart_show_layout (&c, layout, bp_colours_ink (), hl.grid_x - 4, cell.y + cell.height / 2,
                            1, 0.5);
    }
  {
    g_autoptr (PangoLayout) layout = bp_chart_text (&c, bp_tr ("Likelihood"), SIZE_SMALL, TEXT_BOLD);
    double w;

    bp_chart_text_size (layout, &w, NULL);
    cairo_save (cr);
    /* Beside the likelihood labels, wherever the grid has been centred. */
    cairo_translate (cr, hl.grid_x - 5 - hl.label_w - hl.axis_title_w,
                     hl.grid_y + 2.5 * hl.cell_h + w / 2);
    cairo_rotate (cr, -G_PI / 2);
    pango_cairo_update_layout (cr, layout);
    bp_chart_show_layout (&c, layout, bp_colours_ink (), 0, 0, 0, 0);
    cairo_restore (cr);
    pango_cairo_update_context (cr, c.pango);
  }

  /* Impact across the bottom, 1 on the left. */
  for (int i = 1; i <= 5; i++)
    {
      cairo_rectangle_t cell;
      g_autofree char *text = impact_label_text (i, hl.staggered);
      g_autoptr (PangoLayout) layout
          = bp_chart_text (&c, text, SIZE_SMALL, hl.condensed ? TEXT_CONDENSED : TEXT_PLAIN);
      double y;

      heat_cell_rect (&hl, 1, i, &cell);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      y = cell.y + cell.height + 2 + (hl.staggered && i % 2 == 0 ? lh + 1 : 0);
      bp_chart_show_layout (&c, layout, bp_colours_ink (), cell.x + cell.width / 2, y, 0.5, 0);
    }
  bp_chart_show_text (&c, bp_tr ("Impact"), SIZE_SMALL, TEXT_BOLD, bp_colours_ink (),
                      hl.grid_x + 2.5 * hl.cell_w, hl.grid_y + 5 * hl.cell_h + hl.x_labels_h + 2,
                      0.5, 0);

  heat_legend (&c, bands, hl.grid_x, hl.legend_y, 5 * hl.cell_w, TRUE);

  for (int l = 0; l < 5; l++)
    for (int i = 0; i < 5; i++)
      g_ptr_array_unref (cells[l][i]);
  bp_chart_end (&c);
  return elided;
}

gboolean
bp_chart_risk_heat_map_cell (cairo_t *cr, const cairo_rectangle_t *area, const char *title,
                             GPtrArray *bands, int likelihood, int impact,
                             cairo_rectangle_t *out_cell)
{
  BpChart c;
  HeatLayout hl;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);
  g_return_val_if_fail (out_cell != NULL, FALSE);

  if (likelihood < 1 || likelihood > 5 || impact < 1 || impact > 5)
    return FALSE;
  bp_chart_begin (&c, cr, area);
  heat_layout (&c, title, bands, &hl);
  heat_cell_rect (&hl, likelihood, impact, out_cell);
  bp_chart_end (&c);
  return TRUE;
}

static const char *
score_kind_title (BpRiskScoreKind kind)
{
  switch (kind)
    {
    case BP_RISK_SCORE_INHERENT: return bp_tr ("Inherent");
    case BP_RISK_SCORE_TARGET: return bp_tr ("Target");
    case BP_RISK_SCORE_CURRENT:
    default:
      return bp_tr ("Current");
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

        bp_risk_get_scores (risk, kind, &sr.l, &sr.i);
        sr.score = bp_risk_score (sr.l, sr.i);
        if (sr.score > 0)
          g_array_append_val (scored, sr);
        else
          g_ptr_array_add (unscored, risk->ref ? risk->ref : (char *) "?");
      }
  g_array_sort (scored, compare_scored);

  g_string_append_printf (s, "%s: ", title && *title ? title : score_kind_title (kind));
  if (scored->len == 0)
    g_string_append (s, bp_tr ("no risks scored."));
  else
    g_string_append_printf (s, bp_trn ("%u risk on the 5 by 5 matrix (likelihood by impact).",
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
                g_string_append_printf (s, " %s (%d\xe2\x80\x93%d): ", bp_risk_band_display_name (band->name),
                                        band->min_score, band->max_score);
              else
                g_string_append_printf (s, " %s: ", bp_tr ("No band"));
            }
          if (!first)
            g_string_append (s, "; ");
          /* TRANSLATORS: a risk in the heat map's text alternative, e.g.
           * "R4 (likelihood 4 Likely, impact 3 Moderate, score 12)". */
          g_string_append_printf (s, bp_tr ("%s (likelihood %d %s, impact %d %s, score %d)"),
                                  sr->risk->ref ? sr->risk->ref : "?", sr->l,
                                  bp_likelihood_label (sr->l), sr->i, bp_impact_label (sr->i),
                                  sr->score);
          first = FALSE;
        }
      if (more > 0)
        g_string_append_printf (s, bp_trn ("; and %u more", "; and %u more", more), more);
      if (!first)
        g_string_append_c (s, '.');
    }
  if (unscored->len > 0)
    {
      g_string_append_printf (s, " %s: ", bp_tr ("Not scored"));
      for (guint k = 0; k < MIN (unscored->len, SUMMARY_MAX_ITEMS); k++)
        g_string_append_printf (s, "%s%s", k ? ", " : "",
                                (const char *) g_ptr_array_index (unscored, k));
      if (unscored->len > SUMMARY_MAX_ITEMS)
        g_string_append_printf (s, bp_trn (" and %u more", " and %u more",
                                             unscored->len - SUMMARY_MAX_ITEMS),
                                unscored->len - SUMMARY_MAX_ITEMS);
      g_string_append_c (s, '.');
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
bp_chart_risk_heat_map_summary (const char *title, GPtrArray *risks, BpRiskScoreKind kind,
                                GPtrArray *bands)
{
  BILINGUAL_SUMMARY (risk_heat_map_summary_one (title, risks, kind, bands));
}
