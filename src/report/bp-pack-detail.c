/* bp-pack-detail.c: the detail after the summary: the exception report,
 * the risk register, the scorecard, milestones and deadlines, and the
 * full plan by priority as the appendix. */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-chart.h"
#include "bp-colours.h"
#include "bp-pack-private.h"
#include "bp-rules.h"
#include "bp-translate.h"

/* The due date as a cell: the revised date, the original under it. */
static char *
due_text (const BpAction *a)
{
  g_autofree char *due = bp_date_format_uk (a->due_date);

  if (a->revised_due_date)
    {
      g_autofree char *revised = bp_date_format_uk (a->revised_due_date);

      return bp_tr_printf ("%s\n(was %s)", revised, due);
    }
  if (a->due_date == NULL && a->due_text)
    return g_strdup (a->due_text);
  return g_steal_pointer (&due);
}

static char *
latest_update_text (const BpAction *a)
{
  g_autofree char *date = NULL;

  if (a->latest_date == NULL)
    return g_strdup (bp_tr ("No update yet"));
  date = bp_date_format_uk (a->latest_date);
  return g_strdup_printf ("%s: %s", date, bp_pack_or_dash (a->latest_commentary));
}

/* The status cell: the word, and "Overdue" under it when it is. */
static char *
status_text (BpPack *pack, const BpAction *a)
{
  if (bp_pack_is_overdue (pack, a))
    return g_strdup_printf ("%s\n%s", bp_rag_to_label (a->rag), bp_tr ("Overdue"));
  return g_strdup (bp_rag_to_label (a->rag));
}

/* The cells an action's row shares in the exception report and the
 * plan, as text the row borrows. */
typedef struct
{
  char *owner;
  char *due;
  char *status;
  char *fill;
  char *update;
} ActionCells;

static void
action_cells_init (ActionCells *cells, BpPack *pack, const BpAction *a)
{
  cells->owner = bp_pack_owner_text (pack, a->owner_name, a->organisation_name);
  cells->due = due_text (a);
  cells->status = status_text (pack, a);
  cells->fill = bp_pack_rag_fill (a->rag);
  cells->update = latest_update_text (a);
}

static void
action_cells_clear (ActionCells *cells)
{
  g_free (cells->owner);
  g_free (cells->due);
  g_free (cells->status);
  g_free (cells->fill);
  g_free (cells->update);
}

/* Since when the action has had its status, and how it moved since the
 * last meeting: "Red since 03/03/2025 · was Amber". */
static char *
travel_text (BpPack *pack, const BpAction *a)
{
  g_autoptr (GString) s = g_string_new (NULL);
  int was = bp_pack_previous_rag (pack, a->id);

  if (a->rag_since)
    {
      g_autofree char *since = bp_date_format_uk (a->rag_since);
      g_autofree char *text = bp_tr_printf ("Since %s", since);

      g_string_append (s, text);
    }
  if (pack->previous != NULL)
    {
      g_autofree char *text = NULL;

      /* Against the last meeting's snapshot: better or worse, with the
       * status it had. */
      if (was < 0)
        text = g_strdup (bp_tr ("New"));
      else if ((BpRag) was == a->rag)
        text = g_strdup (bp_tr ("No change"));
      else if (was == BP_RAG_NOT_STARTED || (BpRag) was < a->rag)
        text = bp_tr_printf ("Better (was %s)", bp_rag_to_label (was));
      else
        text = bp_tr_printf ("Worse (was %s)", bp_rag_to_label (was));
      g_string_append_printf (s, "%s%s", s->len ? "\n" : "", text);
    }
  return g_strdup (s->len ? s->str : "—");
}

/* The exception report's order: red, then overdue (newly overdue
 * first), then amber; -1 for an action that is none of them. */
static int
exception_rank (BpPack *pack, const BpAction *a, GHashTable *newly_overdue)
{
  if (a->rag == BP_RAG_RED)
    return 0;
  if (bp_pack_is_overdue (pack, a))
    return g_hash_table_contains (newly_overdue, &a->id) ? 1 : 2;
  if (a->rag == BP_RAG_AMBER)
    return 3;
  return -1;
}

void
bp_pack_section_exceptions (BpDocument *doc, BpPack *pack)
{
  /* Bilingual, the status is "Heb ddechrau / Not started", in bold, and
   * no line may start with its " / ": the word before it keeps it. */
  const double brag_extra = bp_tr_get_language () == BP_LANGUAGE_BILINGUAL ? 0.15 : 0;
  BpDocumentColumn columns[] = {
    { bp_tr ("Ref"), 0.6, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Action"), 2.6, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Owner"), 1.4, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Due"), 1.25, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("BRAG"), 1.05 + brag_extra, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Direction of travel"), 1.35, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Latest update"), 3.3 - brag_extra, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Next steps"), 2.1, BP_DOCUMENT_ALIGN_START },
  };
  g_autoptr (GHashTable) newly_overdue = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *actions = pack->state->actions;
  const char *lang = bp_pack_data_lang (pack);
  int counts[4] = { 0 };
  gboolean any = FALSE;

  if (pack->movement)
    for (guint i = 0; i < pack->movement->newly_overdue->len; i++)
      g_hash_table_add (newly_overdue,
                        &((BpMovementItem *) pack->movement->newly_overdue->pdata[i])->id);
  for (guint i = 0; i < actions->len; i++)
    {
      int rank = exception_rank (pack, actions->pdata[i], newly_overdue);

      if (rank >= 0)
        counts[rank]++;
    }

  bp_document_section (doc, "exceptions", bp_tr ("Exception report"), TRUE);
  bp_document_paragraph (doc, bp_tr ("Every action that is red, amber or overdue on the meeting date, "
                                     "most serious first: red, then overdue (newly overdue first), "
                                     "then amber."));
  bp_pack_organisations_note (doc, pack);
  {
    g_autofree char *red = g_strdup_printf ("%d", counts[0]);
    g_autofree char *overdue = g_strdup_printf ("%d", counts[1] + counts[2]);
    g_autofree char *newly = pack->movement ? g_strdup_printf ("%d", counts[1]) : g_strdup ("—");
    g_autofree char *amber = g_strdup_printf ("%d", counts[3]);
    const char *pairs[] = {
      bp_tr ("Red"), red,
      bp_tr ("Overdue, not red"), overdue,
      bp_tr ("of which newly overdue"), newly,
      bp_tr ("Amber, not overdue"), amber,
      NULL,
    };

    bp_document_key_values (doc, pairs);
  }
  for (int rank = 0; rank < 4; rank++)
    for (guint i = 0; i < actions->len; i++)
      {
        BpAction *a = actions->pdata[i];
        g_autofree char *travel = NULL;
        ActionCells c;

        if (exception_rank (pack, a, newly_overdue) != rank)
          continue;
        if (!any)
          bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
        any = TRUE;
        action_cells_init (&c, pack, a);
        travel = travel_text (pack, a);
        bp_document_table_row (doc, (BpDocumentCell[]) {
          { a->ref, NULL, TRUE, NULL },
          { a->title, NULL, FALSE, lang },
          { c.owner, NULL, FALSE, lang },
          { c.due, NULL, bp_pack_is_overdue (pack, a), NULL },
          { c.status, c.fill, TRUE, NULL },
          { travel, NULL, FALSE, NULL },
          { c.update, NULL, FALSE, lang },
          { bp_pack_or_dash (a->latest_next_steps), NULL, FALSE, lang } });
        action_cells_clear (&c);
      }
  if (any)
    bp_document_table_end (doc);
  else
    bp_document_paragraph (doc, bp_tr ("No red, amber or overdue actions at this meeting."));
}

/* ----------------------------------------------------------------- risks */

static void
draw_heat_maps (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  BpPack *pack = data;
  double gap = 24;
  cairo_rectangle_t left = { area->x, area->y, (area->width - gap) / 2, area->height };
  cairo_rectangle_t right = { area->x + (area->width + gap) / 2, area->y,
                              (area->width - gap) / 2, area->height };

  bp_chart_risk_heat_map (cr, &left, bp_tr ("Inherent"), pack->state->risks,
                          BP_RISK_SCORE_INHERENT, pack->state->bands);
  bp_chart_risk_heat_map (cr, &right, bp_tr ("Current"), pack->state->risks,
                          BP_RISK_SCORE_CURRENT, pack->state->bands);
}

static char *
mitigations_text (GPtrArray *mitigations)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < mitigations->len; i++)
    {
      BpMitigation *m = mitigations->pdata[i];
      g_autofree char *due = m->due_date ? bp_date_format_uk (m->due_date) : NULL;
      g_autoptr (GString) detail = g_string_new (NULL);

      if (m->owner_name)
        g_string_append (detail, m->owner_name);
      if (due)
        g_string_append_printf (detail, "%s%s", detail->len ? ", " : "", due);
      if (m->status)
        g_string_append_printf (detail, "%s%s", detail->len ? ", " : "",
                                bp_mitigation_status_display (m->status));
      g_string_append_printf (s, "%s• %s", i ? "\n" : "", m->description);
      /* On a line of its own, so that a wrap never leaves a lone ")". */
      if (detail->len)
        g_string_append_printf (s, "\n   %s", detail->str);
    }
  if (s->len == 0)
    g_string_append (s, bp_tr ("No mitigations recorded."));
  return g_string_free (s, FALSE);
}

/* "4 × 5 = 20" and the band under it. */
static char *
score_text (GPtrArray *bands, int l, int i)
{
  int score = bp_risk_score (l, i);
  const BpRiskBand *band = bp_risk_band_for_score (bands, score);

  if (band == NULL)
    return g_strdup (bp_tr ("Not scored"));
  return g_strdup_printf ("%d × %d = %d\n%s", l, i, score, bp_risk_band_display_name (band->name));
}

static char *
risk_direction_text (BpPack *pack, const BpRisk *r)
{
  int previous = bp_pack_previous_score (pack, r->id);

  if (pack->previous == NULL)
    return g_strdup ("—");
  if (previous < 0)
    return g_strdup (bp_tr ("New"));
  return bp_risk_trend_text (previous, bp_risk_score (r->current_l, r->current_i));
}

/* The register's order: highest current score first, then as the
 * register lists them. */
static GArray *
risk_order (GPtrArray *risks)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (guint));

  for (int score = 25; score >= 0; score--)
    for (guint i = 0; i < risks->len; i++)
      {
        BpRisk *r = risks->pdata[i];

        if (bp_risk_score (r->current_l, r->current_i) == score)
          g_array_append_val (order, i);
      }
  return order;
}

void
bp_pack_section_risks (BpDocument *doc, BpPack *pack)
{
  GPtrArray *risks = pack->state->risks;
  g_autofree char *inherent = NULL;
  g_autofree char *current = NULL;
  g_autofree char *summary = NULL;
  g_autoptr (GArray) order = NULL;
  const char *lang = bp_pack_data_lang (pack);
  BpDocumentColumn columns[] = {
    { bp_tr ("Ref"), 0.55, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Risk"), 2.2, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Mitigations"), 2.7, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Resources / support needed"), 1.7, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Owner"), 1.1, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Current score"), 1.15, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Target"), 0.75, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Previous"), 1.0, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Direction"), 1.05, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Review date"), 1.1, BP_DOCUMENT_ALIGN_START },
  };

  bp_document_section (doc, "risks", bp_tr ("Risk register"), TRUE);
  if (risks->len == 0)
    {
      bp_document_paragraph (doc, bp_tr ("The risk register is empty."));
      return;
    }
  inherent = bp_chart_risk_heat_map_summary (bp_tr ("Inherent"), risks, BP_RISK_SCORE_INHERENT,
                                             pack->state->bands);
  current = bp_chart_risk_heat_map_summary (bp_tr ("Current"), risks, BP_RISK_SCORE_CURRENT,
                                            pack->state->bands);
  summary = g_strdup_printf ("%s\n%s", inherent, current);
  bp_pack_heading (doc, bp_tr ("Heat maps: inherent and current scores"));
  bp_document_figure (doc, 300, draw_heat_maps, pack, summary);

  bp_pack_heading (doc, bp_tr ("The register, highest current score first"));
  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  order = risk_order (risks);
  for (guint k = 0; k < order->len; k++)
    {
      guint i = g_array_index (order, guint, k);
      BpRisk *r = risks->pdata[i];
      int score = bp_risk_score (r->current_l, r->current_i);
      int target = bp_risk_score (r->target_l, r->target_i);
      int previous = bp_pack_previous_score (pack, r->id);
      const BpRiskBand *band = bp_risk_band_for_score (pack->state->bands, score);
      g_autofree char *mitigations = mitigations_text (pack->state->mitigations->pdata[i]);
      GStrv links = pack->state->risk_links->pdata[i];
      g_autofree char *joined = g_strjoinv (", ", links);
      g_autofree char *title = links[0] ? g_strdup_printf ("%s\n%s %s", r->title,
                                                           bp_tr ("Linked actions:"), joined)
                                        : g_strdup (r->title);
      g_autofree char *now = score_text (pack->state->bands, r->current_l, r->current_i);
      g_autofree char *aim = target ? g_strdup_printf ("%d", target) : g_strdup ("—");
      g_autofree char *was = previous > 0 ? g_strdup_printf ("%d", previous) : g_strdup ("—");
      g_autofree char *review = r->review_date ? bp_date_format_uk (r->review_date)
                                               : g_strdup ("—");
      gboolean review_due = r->review_date && strcmp (r->review_date, pack->meeting->date) < 0;
      g_autofree char *direction = risk_direction_text (pack, r);

      bp_document_table_row (doc, (BpDocumentCell[]) {
        { r->ref, NULL, TRUE, NULL },
        { title, NULL, FALSE, lang },
        { mitigations, NULL, FALSE, lang },
        { bp_pack_or_dash (r->resources), NULL, FALSE, lang },
        { bp_pack_or_dash (r->owner_name), NULL, FALSE, lang },
        { now, band ? band->colour : NULL, TRUE, NULL },
        { aim, NULL, target && score > target, NULL },
        { was, NULL, FALSE, NULL },
        { direction, NULL, FALSE, NULL },
        { review, NULL, review_due, NULL } });
    }
  bp_document_table_end (doc);
}

/* ------------------------------------------------------------- scorecard */

typedef struct
{
  const BpMeasure *measure;
  GPtrArray *values;
} TrendData;

static void
draw_trend (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  TrendData *trend = data;

  bp_chart_kpi_trend (cr, area, trend->measure, trend->values);
}

static gint
compare_period_end (gconstpointer a, gconstpointer b, gpointer ends)
{
  const char *x = g_hash_table_lookup (ends, *(const char *const *) a);
  const char *y = g_hash_table_lookup (ends, *(const char *const *) b);

  return strcmp (x, y);
}

/* The periods the scorecard shows: the latest few across all measures,
 * oldest first by the end date of the period. */
static GPtrArray *
scorecard_periods (BpPack *pack)
{
  g_autoptr (GHashTable) ends = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *periods = g_ptr_array_new ();
  g_autoptr (GList) keys = NULL;

  for (guint i = 0; i < pack->state->values->len; i++)
    {
      GPtrArray *values = pack->state->values->pdata[i];

      for (guint j = 0; j < values->len; j++)
        {
          BpMeasureValue *v = values->pdata[j];
          const char *known = g_hash_table_lookup (ends, v->period);

          if (known == NULL || strcmp (v->period_end, known) > 0)
            g_hash_table_insert (ends, v->period, v->period_end);
        }
    }
  keys = g_hash_table_get_keys (ends);
  for (GList *l = keys; l; l = l->next)
    g_ptr_array_add (periods, l->data);
  g_ptr_array_sort_with_data (periods, compare_period_end, ends);
  if (periods->len > BP_PACK_SCORECARD_PERIODS)
    g_ptr_array_remove_range (periods, 0, periods->len - BP_PACK_SCORECARD_PERIODS);
  return periods;
}

/* "95 % (± 2)": the target and its tolerance. */
static char *
target_text (const BpMeasure *m)
{
  g_autofree char *target = NULL;
  g_autofree char *tolerance = NULL;

  if (isnan (m->target))
    return g_strdup (bp_tr ("None"));
  target = bp_chart_format_value (m, m->target);
  if (isnan (m->tolerance))
    return g_steal_pointer (&target);
  tolerance = bp_chart_format_value (m, m->tolerance);
  return bp_tr_printf ("%s\n(tolerance %s)", target, tolerance);
}

static void
scorecard_row (BpPack *pack, GPtrArray *periods, const BpMeasure *m, GPtrArray *values,
               BpDocumentCell *cells, GPtrArray *texts)
{
  const char *lang = bp_pack_data_lang (pack);
  BpMeasureValue *before = NULL;
  BpMeasureValue *last = bp_pack_latest_value (values, &before);
  char *text;

  cells[0] = (BpDocumentCell) { m->title, NULL, TRUE, lang };
  for (guint p = 0; p < periods->len; p++)
    {
      BpMeasureValue *found = NULL;

      for (guint j = 0; j < values->len; j++)
        if (g_str_equal (((BpMeasureValue *) values->pdata[j])->period, periods->pdata[p]))
          found = values->pdata[j];
      if (found == NULL || isnan (found->value))
        cells[1 + p] = (BpDocumentCell) { bp_tr ("No value"), NULL, FALSE, NULL };
      else
        {
          BpKpiRag rag = bp_kpi_rag (m, found->value);
          g_autofree char *value = bp_chart_format_value (m, found->value);
          char *fill = rag == BP_KPI_RAG_NONE ? NULL
                                              : bp_colours_to_string (bp_colours_kpi_rag (rag));

          text = rag == BP_KPI_RAG_NONE ? g_strdup (value)
                                        : g_strdup_printf ("%s\n%s", value, bp_kpi_rag_label (rag));
          g_ptr_array_add (texts, text);
          if (fill)
            g_ptr_array_add (texts, fill);
          cells[1 + p] = (BpDocumentCell) { text, fill, FALSE, NULL };
        }
    }
  text = target_text (m);
  g_ptr_array_add (texts, text);
  cells[1 + periods->len] = (BpDocumentCell) { text, NULL, FALSE, NULL };
  text = isnan (m->baseline) ? g_strdup ("—") : bp_chart_format_value (m, m->baseline);
  g_ptr_array_add (texts, text);
  cells[2 + periods->len] = (BpDocumentCell) { text, NULL, FALSE, NULL };
  text = last && before ? bp_kpi_trend_text (m, before->value, last->value) : g_strdup ("—");
  g_ptr_array_add (texts, text);
  cells[3 + periods->len] = (BpDocumentCell) { text, NULL, FALSE, NULL };
  cells[4 + periods->len] = (BpDocumentCell) { bp_pack_or_dash (m->comparator), NULL, FALSE, lang };
  cells[5 + periods->len] = (BpDocumentCell) { bp_pack_or_dash (last ? last->note : NULL), NULL,
                                               FALSE, lang };
}

void
bp_pack_section_scorecard (BpDocument *doc, BpPack *pack)
{
  GPtrArray *measures = pack->state->measures;
  g_autoptr (GPtrArray) periods = NULL;
  g_autofree BpDocumentColumn *columns = NULL;
  g_autofree BpDocumentCell *cells = NULL;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GStrvBuilder) rules = g_strv_builder_new ();
  g_auto (GStrv) legend = NULL;
  guint n_columns;

  bp_document_section (doc, "scorecard", bp_tr ("Scorecard"), TRUE);
  if (measures->len == 0)
    {
      bp_document_paragraph (doc, bp_tr ("The scorecard has no measures yet."));
      return;
    }
  periods = scorecard_periods (pack);
  n_columns = 6 + periods->len;
  columns = g_new0 (BpDocumentColumn, n_columns);
  cells = g_new0 (BpDocumentCell, n_columns);
  columns[0] = (BpDocumentColumn) { bp_tr ("Measure"), 2.8, BP_DOCUMENT_ALIGN_START };
  for (guint p = 0; p < periods->len; p++)
    columns[1 + p] = (BpDocumentColumn) { periods->pdata[p], 0.95, BP_DOCUMENT_ALIGN_CENTRE };
  columns[1 + periods->len] = (BpDocumentColumn) { bp_tr ("Target"), 1.1, BP_DOCUMENT_ALIGN_CENTRE };
  columns[2 + periods->len] = (BpDocumentColumn) { bp_tr ("Baseline"), 0.8, BP_DOCUMENT_ALIGN_CENTRE };
  columns[3 + periods->len] = (BpDocumentColumn) { bp_tr ("Trend"), 1.1, BP_DOCUMENT_ALIGN_START };
  columns[4 + periods->len] = (BpDocumentColumn) { bp_tr ("Comparison"), 1.3, BP_DOCUMENT_ALIGN_START };
  columns[5 + periods->len] = (BpDocumentColumn) { bp_tr ("Notes"), 1.6, BP_DOCUMENT_ALIGN_START };

  bp_document_paragraph (doc, bp_tr ("Each value carries its RAG against the measure's target; how "
                                     "each measure is rated is listed under the table. The trend "
                                     "compares the latest value with the one before it."));
  bp_document_table_begin (doc, columns, n_columns);
  for (guint i = 0; i < measures->len; i++)
    {
      g_ptr_array_set_size (texts, 0);
      scorecard_row (pack, periods, measures->pdata[i], pack->state->values->pdata[i], cells, texts);
      bp_document_table_row (doc, cells);
    }
  bp_document_table_end (doc);

  bp_pack_heading (doc, bp_tr ("How each measure is rated"));
  for (guint i = 0; i < measures->len; i++)
    {
      BpMeasure *m = measures->pdata[i];
      g_autofree char *rule = bp_kpi_rule_text (m);
      g_autofree char *item = g_strdup_printf ("%s: %s", m->title, rule);

      g_strv_builder_add (rules, item);
    }
  legend = g_strv_builder_end (rules);
  bp_document_list (doc, (const char *const *) legend, FALSE);

  /* The heading stays with the first chart. */
  bp_document_ensure_space (doc, 40 + 150 + 80);
  bp_pack_heading (doc, bp_tr ("Trends"));
  for (guint i = 0; i < measures->len; i++)
    {
      TrendData trend = { measures->pdata[i], pack->state->values->pdata[i] };
      g_autofree char *summary = bp_chart_kpi_trend_summary (trend.measure, trend.values);

      /* The heading stays with its chart and the chart's summary. */
      bp_document_ensure_space (doc, 150 + 80);
      bp_document_heading (doc, 3, trend.measure->title);
      bp_document_figure (doc, 150, draw_trend, &trend, summary);
    }
}

/* ------------------------------------------------------------ milestones */

typedef struct
{
  GPtrArray *milestones;
  const char *from;
  const char *to;
} TimelineData;

static void
draw_timeline (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  TimelineData *t = data;

  bp_chart_milestones (cr, area, t->milestones, t->from, t->to);
}

void
bp_pack_milestone_table (BpDocument *doc, BpPack *pack, GPtrArray *milestones, guint n)
{
  BpDocumentColumn columns[] = {
    { bp_tr ("Due"), 1, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Milestone"), 4, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Action"), 0.8, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Owner"), 2, BP_DOCUMENT_ALIGN_START },
  };
  const char *lang = bp_pack_data_lang (pack);

  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < MIN (n, milestones->len); i++)
    {
      BpMilestone *m = milestones->pdata[i];
      g_autofree char *due = bp_date_format_uk (m->due_date);
      const BpAction *a = m->action_id ? bp_pack_find_action (pack, m->action_id) : NULL;
      g_autofree char *owner = a ? bp_pack_owner_text (pack, a->owner_name, a->organisation_name)
                                 : g_strdup ("—");

      bp_document_table_row (doc, (BpDocumentCell[]) {
        { due, NULL, FALSE, NULL }, { m->title, NULL, FALSE, lang },
        { a ? a->ref : bp_tr ("Whole plan"), NULL, FALSE, NULL },
        { owner, NULL, FALSE, lang } });
    }
  bp_document_table_end (doc);
}

static void
actions_due_table (BpDocument *doc, BpPack *pack)
{
  /* Room for "Gwyrdd / Green" and "ddechrau /" in bold (see the exceptions). */
  const double brag_extra = bp_tr_get_language () == BP_LANGUAGE_BILINGUAL ? 0.4 : 0;
  BpDocumentColumn columns[] = {
    { bp_tr ("Due"), 1.3, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Ref"), 0.6, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Action"), 3.6 - brag_extra, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Owner"), 2, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("BRAG"), 0.9 + brag_extra, BP_DOCUMENT_ALIGN_CENTRE },
  };
  const char *lang = bp_pack_data_lang (pack);

  bp_pack_heading (doc, bp_tr ("Actions due before the next meeting"));
  if (pack->actions_due->len == 0)
    {
      bp_document_paragraph (doc, bp_tr ("No open action is due before the next meeting."));
      return;
    }
  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < pack->actions_due->len; i++)
    {
      BpAction *a = pack->actions_due->pdata[i];
      g_autofree char *due = due_text (a);
      g_autofree char *owner = bp_pack_owner_text (pack, a->owner_name, a->organisation_name);
      g_autofree char *fill = bp_pack_rag_fill (a->rag);

      bp_document_table_row (doc, (BpDocumentCell[]) {
        { due, NULL, FALSE, NULL }, { a->ref, NULL, TRUE, NULL },
        { a->title, NULL, FALSE, lang }, { owner, NULL, FALSE, lang },
        { bp_rag_to_label (a->rag), fill, TRUE, NULL } });
    }
  bp_document_table_end (doc);
}

void
bp_pack_section_milestones (BpDocument *doc, BpPack *pack)
{
  g_autofree char *intro = NULL;
  TimelineData timeline = { pack->milestones_due, pack->meeting->date, pack->next_meeting_date };

  bp_document_section (doc, "milestones", bp_tr ("Milestones and deadlines"), FALSE);
  intro = pack->next_meeting_known
            ? bp_pack_printf_date2 ("What is due from %s to the next meeting on %s: milestones "
                                    "and actions not yet done, and the milestones already missed.",
                                    pack->meeting->date, pack->next_meeting_date)
            : bp_pack_printf_date2 ("What is due from %s to %s, one meeting cycle ahead (no later "
                                    "meeting is in the file): milestones and actions not yet done, "
                                    "and the milestones already missed.",
                                    pack->meeting->date, pack->next_meeting_date);
  bp_document_paragraph (doc, intro);
  bp_pack_organisations_note (doc, pack);

  bp_pack_heading (doc, bp_tr ("Milestones due before the next meeting"));
  if (pack->milestones_due->len == 0)
    bp_document_paragraph (doc, bp_tr ("No milestones are due before the next meeting."));
  else
    {
      g_autofree char *summary = bp_chart_milestones_summary (pack->milestones_due, timeline.from,
                                                              timeline.to);

      bp_document_figure (doc, MIN (70 + 16 * pack->milestones_due->len, 260), draw_timeline,
                          &timeline, summary);
      bp_pack_milestone_table (doc, pack, pack->milestones_due, G_MAXUINT);
    }
  actions_due_table (doc, pack);

  bp_pack_heading (doc, bp_tr ("Missed milestones"));
  if (pack->milestones_missed->len == 0)
    bp_document_paragraph (doc, bp_tr ("No milestone due before the meeting is still open."));
  else
    {
      g_autofree char *count = bp_trn_printf ("%d milestone was due before the meeting and is "
                                              "not done.",
                                              "%d milestones were due before the meeting and are "
                                              "not done.",
                                              pack->milestones_missed->len,
                                              pack->milestones_missed->len);

      bp_document_paragraph (doc, count);
      bp_pack_milestone_table (doc, pack, pack->milestones_missed, G_MAXUINT);
    }
}

/* ------------------------------------------------------------------ plan */

void
bp_pack_section_plan (BpDocument *doc, BpPack *pack)
{
  BpDocumentColumn columns[] = {
    { bp_tr ("Ref"), 0.6, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Action"), 3, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Owner"), 1.4, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Due"), 1.25, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("BRAG"), 1.05, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Latest update"), 4.6, BP_DOCUMENT_ALIGN_START },
  };
  GPtrArray *priorities = pack->state->priorities;
  const char *lang = bp_pack_data_lang (pack);

  bp_document_section (doc, "plan", bp_tr ("Appendix: the plan by priority"), TRUE);
  bp_pack_organisations_note (doc, pack);
  if (priorities->len == 0)
    bp_document_paragraph (doc, bp_tr ("The plan has no priority areas yet."));
  for (guint p = 0; p < priorities->len; p++)
    {
      BpPriority *priority = priorities->pdata[p];
      g_autofree char *heading = g_strdup_printf ("%s %s", priority->code, priority->title);
      gboolean any = FALSE;

      bp_pack_heading (doc, heading);
      for (guint i = 0; i < pack->state->actions->len; i++)
        {
          BpAction *a = pack->state->actions->pdata[i];
          ActionCells c;

          if (a->priority_id != priority->id)
            continue;
          if (!any)
            bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
          any = TRUE;
          action_cells_init (&c, pack, a);
          bp_document_table_row (doc, (BpDocumentCell[]) {
            { a->ref, NULL, TRUE, NULL },
            { a->title, NULL, FALSE, lang },
            { c.owner, NULL, FALSE, lang },
            { c.due, NULL, bp_pack_is_overdue (pack, a), NULL },
            { c.status, c.fill, TRUE, NULL },
            { c.update, NULL, FALSE, lang } });
          action_cells_clear (&c);
        }
      if (any)
        bp_document_table_end (doc);
      else
        bp_document_paragraph (doc, bp_tr ("No actions in this priority area."));
    }
}
