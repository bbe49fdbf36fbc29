/* bp-chart-movement.c: what moved since the last meeting, as six tiles. */
#include "bp-chart-private.h"

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
    case TILE_IMPROVED: return bp_trn ("action improved", "actions improved", n);
    case TILE_WORSENED: return bp_trn ("action worsened", "actions worsened", n);
    case TILE_COMPLETED: return bp_trn ("action completed", "actions completed", n);
    case TILE_OVERDUE: return bp_trn ("action newly overdue", "actions newly overdue", n);
    case TILE_RISKS_UP: return bp_trn ("risk score rose", "risk scores rose", n);
    case TILE_RISKS_DOWN: return bp_trn ("risk score fell", "risk scores fell", n);
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

/* One meaning for an arrow in every chart and table of the pack: the way
 * a number went (bp_risk_trend_text ()). Only the risk tiles count a
 * number that moved, so only they have one, and "↑" beside a risk is bad
 * news; a change of an action's RAG is named in words ("improved",
 * "worsened"), never with an arrow that could read as a rise. */
static const char *
tile_symbol (TileKind kind)
{
  switch (kind)
    {
    case TILE_COMPLETED: return "\xe2\x9c\x93";  /* ✓ */
    case TILE_OVERDUE: return "!";
    case TILE_RISKS_UP: return "\xe2\x86\x91";   /* ↑ */
    case TILE_RISKS_DOWN: return "\xe2\x86\x93"; /* ↓ */
    case TILE_IMPROVED:
    case TILE_WORSENED:
    case N_TILES:
    default:
      return "";
    }
}

/* The tile's count and title as one sentence, for the summary: a whole
 * message per kind and plural form, as Welsh needs. */
static char *
tile_sentence (TileKind kind, guint n)
{
  switch (kind)
    {
    case TILE_IMPROVED:
      return bp_trn_printf ("%u action improved", "%u actions improved", n, n);
    case TILE_WORSENED:
      return bp_trn_printf ("%u action worsened", "%u actions worsened", n, n);
    case TILE_COMPLETED:
      return bp_trn_printf ("%u action completed", "%u actions completed", n, n);
    case TILE_OVERDUE:
      return bp_trn_printf ("%u action newly overdue", "%u actions newly overdue", n, n);
    case TILE_RISKS_UP:
      return bp_trn_printf ("%u risk score rose", "%u risk scores rose", n, n);
    case TILE_RISKS_DOWN:
      return bp_trn_printf ("%u risk score fell", "%u risk scores fell", n, n);
    case N_TILES:
    default:
      return g_strdup ("");
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
tile_refs_layout (BpChart *c, GPtrArray *items, TileKind kind, guint shown, guint n, double width)
{
  g_autoptr (GString) text = g_string_new (NULL);
  PangoLayout *layout;

  for (guint k = 0; k < shown; k++)
    {
      g_autofree char *item = movement_item_text (g_ptr_array_index (items, k), kind);

      g_string_append_printf (text, "%s%s", k ? ", " : "", item);
    }
  if (shown < n)
    {
      g_autofree char *more = bp_trn_printf (" and %u more", " and %u more", n - shown, n - shown);

      g_string_append (text, more);
    }
  layout = bp_chart_text (c, text->str, SIZE_SMALL, TEXT_PLAIN);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  return layout;
}

static void
draw_tile (BpChart *c, const BpMovement *m, TileKind kind, double x, double y, double w, double h)
{
  GPtrArray *items = tile_items (m, kind);
  guint n = items ? items->len : 0;
  g_autofree char *number = g_strdup_printf ("%u", n);
  double lh = bp_chart_line_height (c, SIZE_SMALL);
  double big_h = bp_chart_line_height (c, SIZE_BIG);
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

  nw = bp_chart_show_text (c, number, SIZE_BIG, TEXT_BOLD, bp_colours_ink (), tx, y + 4, 0, 0);
  if (*tile_symbol (kind))
    bp_chart_show_text (c, tile_symbol (kind), SIZE_BODY + 1, TEXT_BOLD, bp_colours_ink (),
                        tx + nw + 5, y + 4 + big_h * 0.55, 0, 0.5);
  {
    /* The title whole, on up to three lines (a bilingual one is two
     * titles), the references below taking what room is left. */
    g_autoptr (PangoLayout) title
        = bp_chart_text_fit (c, tile_title (kind, n), SIZE_BODY, TEXT_PLAIN, tw, 3);
    double th;

    bp_chart_show_layout (c, title, bp_colours_ink (), tx, y + 4 + big_h, 0, 0);
    bp_chart_text_size (title, NULL, &th);
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

        bp_chart_text_size (layout, NULL, &th);
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
        bp_chart_show_layout (c, best, bp_colours_muted (), tx, refs_y, 0, 0);
      }
  }
}

void
bp_chart_movement (cairo_t *cr, const cairo_rectangle_t *area, const BpMovement *movement)
{
  BpChart c;
  int cols, rows;
  double gap = 6, tw, th;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);

  bp_chart_begin (&c, cr, area);
  if (movement == NULL)
    {
      bp_chart_show_text (&c, bp_tr ("No earlier snapshot to compare with"), SIZE_BODY, TEXT_BOLD,
                          bp_colours_ink (), c.x + c.w / 2, c.y + c.h / 2, 0.5, 0.5);
      bp_chart_end (&c);
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
  bp_chart_end (&c);
}

static char *
movement_summary_one (const BpMovement *movement)
{
  g_autoptr (GString) s = g_string_new (NULL);

  if (movement == NULL)
    return g_strdup (bp_tr ("No earlier snapshot to compare with."));

  if (movement->from_date && movement->to_date)
    {
      g_autofree char *from = bp_date_format_uk (movement->from_date);
      g_autofree char *to = bp_date_format_uk (movement->to_date);

      g_string_append_printf (s, bp_tr ("Between the meetings of %s and %s:"), from, to);
    }
  else
    g_string_append (s, bp_tr ("Since the last meeting:"));

  for (int k = 0; k < N_TILES; k++)
    {
      GPtrArray *items = tile_items (movement, (TileKind) k);
      guint n = items ? items->len : 0;

      g_autofree char *sentence = tile_sentence ((TileKind) k, n);

      g_string_append_printf (s, " %s", sentence);
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
                /* "was" and "now" rather than "from ... to ...", which in
                 * Welsh would need the RAG word mutated ("o Goch i Wyrdd"). */
                g_string_append_printf (s, bp_tr ("%s (was: %s; now: %s)"), ref,
                                        bp_rag_to_label (item->from_rag),
                                        bp_rag_to_label (item->to_rag));
              else if (k == TILE_RISKS_UP || k == TILE_RISKS_DOWN)
                g_string_append_printf (s, bp_tr ("%s from %d to %d"), ref, item->from_score,
                                        item->to_score);
              else
                g_string_append (s, ref);
            }
          if (n > SUMMARY_MAX_ITEMS)
            g_string_append_printf (s, bp_trn (" and %u more", " and %u more",
                                                 n - SUMMARY_MAX_ITEMS),
                                    n - SUMMARY_MAX_ITEMS);
          g_string_append_c (s, ')');
        }
      g_string_append_c (s, k == N_TILES - 1 ? '.' : ';');
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

char *
bp_chart_movement_summary (const BpMovement *movement)
{
  BILINGUAL_SUMMARY (movement_summary_one (movement));
}
