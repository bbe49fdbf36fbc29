/* bp-pack-summary.c: the pages a board reads first: the cover, the report
 * front sheet, what the board is asked to decide, the dashboard and what
 * moved since the last meeting. */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-chart.h"
#include "bp-colours.h"
#include "bp-pack-private.h"
#include "bp-rules.h"
#include "bp-translate.h"

/* How many missed milestones the decision page lists; the milestones
 * section lists them all. */
#define DECISION_MILESTONES 6
/* And how many risks above their target, highest first. */
#define DECISION_RISKS 6

/* "Monday 7 July 2025 at 16:00": when the snapshot was taken, in UK
 * time, whatever the time zone of the machine that makes the pack (the
 * same pack anywhere). */
static char *
taken_text (const char *taken_at)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GTimeZone) uk = g_time_zone_new_identifier ("Europe/London");
  g_autoptr (GDateTime) at = taken_at ? g_date_time_new_from_iso8601 (taken_at, utc) : NULL;
  g_autoptr (GDateTime) local = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;

  if (at == NULL)
    return g_strdup (bp_pack_or_dash (taken_at));
  local = g_date_time_to_timezone (at, uk ? uk : utc);
  day = g_date_time_format (local, "%Y-%m-%d");
  time = g_date_time_format (local, "%H:%M");
  {
    g_autofree char *date = bp_pack_long_date (day);

    return g_strdup_printf ("%s, %s", date, time);
  }
}

/* What the pack shows, in one sentence: the snapshot and when it was
 * taken, or that it is a draft. */
static char *
position_text (BpPack *pack)
{
  g_autofree char *taken = NULL;

  /* Bilingual, each half with its own language's date. */
  if (pack->has_snapshot && bp_tr_get_language () == BP_LANGUAGE_BILINGUAL)
    {
      BpLanguage previous = bp_tr_push (BP_LANGUAGE_CY);
      g_autofree char *cy = position_text (pack);
      g_autofree char *en = NULL;

      bp_tr_push (BP_LANGUAGE_EN);
      en = position_text (pack);
      bp_tr_pop (previous);
      return bp_tr_join (cy, en);
    }
  if (!pack->has_snapshot)
    return g_strdup (bp_tr ("Draft: no snapshot has been taken for this meeting, so this pack "
                            "shows the programme as it stands today and will change as the plan "
                            "is updated."));
  taken = taken_text (pack->state->taken_at);
  if (pack->state->frozen < BP_STATE_FROZEN)
    return bp_tr_printf ("The programme as it stood when the snapshot for this meeting was taken "
                         "(%s). The snapshot was made by an earlier version of Boardpack that kept "
                         "only statuses, due dates and risk scores: the rest is reconstructed from "
                         "the file's history.", taken);
  return bp_tr_printf ("The programme as it stood when the snapshot for this meeting was taken "
                       "(%s). Later changes to the plan do not change this pack.", taken);
}

void
bp_pack_section_cover (BpDocument *doc, BpPack *pack)
{
  BpMeeting *m = pack->meeting;
  g_autofree char *date = bp_pack_long_date (m->date);
  g_autofree char *when = m->time ? g_strdup_printf ("%s, %s", date, m->time) : g_strdup (date);
  g_autofree char *position = position_text (pack);
  g_autofree char *actions = NULL;
  const char *pairs[] = {
    bp_tr ("Programme"), bp_pack_or_dash (pack->programme->title),
    bp_tr ("Meeting"), when,
    bp_tr ("Venue"), bp_pack_or_dash (m->venue),
    bp_tr ("Agenda item"), bp_pack_or_dash (m->agenda_item),
    bp_tr ("Chair"), bp_pack_or_dash (pack->programme->chair),
    bp_tr ("Partners"), bp_pack_or_dash (pack->programme->organisations),
    NULL,
  };

  bp_document_section (doc, "cover",
                       pack->programme->board ? pack->programme->board : pack->programme->title,
                       FALSE);
  bp_pack_heading (doc, bp_tr ("Board pack"));
  bp_document_key_values (doc, pairs);
  if (m->title)
    bp_document_paragraph (doc, m->title);

  bp_pack_heading (doc, bp_tr ("Position reported"));
  bp_document_paragraph (doc, position);
  actions = bp_trn_printf ("%d action: %d red, %d amber, %d green, %d complete (blue), %d not "
                           "started.",
                           "%d actions: %d red, %d amber, %d green, %d complete (blue), %d not "
                           "started.",
                           pack->state->actions->len, pack->state->actions->len,
                           pack->rag_counts[BP_RAG_RED], pack->rag_counts[BP_RAG_AMBER],
                           pack->rag_counts[BP_RAG_GREEN], pack->rag_counts[BP_RAG_BLUE],
                           pack->rag_counts[BP_RAG_NOT_STARTED]);
  bp_document_paragraph (doc, actions);
}

/* Recommendations, like background papers, are stored one per line,
 * numbered or not. */
static GStrv
split_lines (const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  g_autoptr (GStrvBuilder) items = g_strv_builder_new ();

  for (guint i = 0; lines[i]; i++)
    {
      char *line = g_strstrip (lines[i]);

      /* Drop the number the user typed: the list numbers them again. */
      while (g_ascii_isdigit (*line))
        line++;
      if (line != g_strstrip (lines[i]) && (*line == '.' || *line == ')'))
        line++;
      else
        line = g_strstrip (lines[i]);
      line = g_strstrip (line);
      if (*line)
        g_strv_builder_add (items, line);
    }
  return g_strv_builder_end (items);
}

/* A heading and its paragraph, when the field is filled. */
static void
optional_part (BpDocument *doc, const char *heading, const char *text)
{
  if (bp_text_is_blank (text))
    return;
  bp_pack_heading (doc, heading);
  bp_document_paragraph (doc, text);
}

void
bp_pack_section_front_sheet (BpDocument *doc, BpPack *pack)
{
  BpMeeting *m = pack->meeting;
  g_autofree char *date = bp_pack_long_date (m->date);
  g_auto (GStrv) recommendations = split_lines (m->recommendations);
  g_auto (GStrv) papers = split_lines (m->background_papers);
  g_autoptr (GStrvBuilder) appendices = g_strv_builder_new ();
  g_auto (GStrv) list = NULL;
  const char *pairs[] = {
    bp_tr ("Board"), bp_pack_or_dash (pack->programme->board),
    bp_tr ("Meeting date"), date,
    bp_tr ("Report title"), bp_pack_or_dash (m->title),
    bp_tr ("Author"), bp_pack_or_dash (m->author),
    bp_tr ("Contact"), bp_pack_or_dash (m->contact),
    bp_tr ("Service / department"), bp_pack_or_dash (m->service),
    bp_tr ("Presented by"), bp_pack_or_dash (m->presenter),
    bp_tr ("Classification"), bp_pack_or_dash (m->classification),
    bp_tr ("Wards affected"), bp_pack_or_dash (m->wards),
    bp_tr ("Purpose"), bp_pack_or_dash (m->purpose),
    NULL,
  };

  bp_document_section (doc, "front-sheet", bp_tr ("Report front sheet"), FALSE);
  bp_document_key_values (doc, pairs);
  bp_pack_heading (doc, bp_tr ("Executive summary"));
  bp_document_paragraph (doc, m->summary ? m->summary : bp_tr ("No summary has been written."));
  bp_pack_heading (doc, bp_tr ("Recommendations"));
  if (recommendations[0])
    bp_document_list (doc, (const char *const *) recommendations, TRUE);
  else
    bp_document_paragraph (doc, bp_tr ("No recommendations."));
  optional_part (doc, bp_tr ("Reasons for the recommendations"), m->reasons);
  optional_part (doc, bp_tr ("Financial implications"), m->financial_implications);
  optional_part (doc, bp_tr ("Legal implications"), m->legal_implications);
  optional_part (doc, bp_tr ("Equalities implications"), m->equalities_implications);

  bp_pack_heading (doc, bp_tr ("Appendices and background papers"));
  g_strv_builder_add (appendices, bp_tr ("Appendix: the plan by priority (in this pack)"));
  g_strv_builder_addv (appendices, (const char **) papers);
  list = g_strv_builder_end (appendices);
  bp_document_list (doc, (const char *const *) list, FALSE);
}

/* ------------------------------------------------------------ decisions */

static void
asks_table (BpDocument *doc, BpPack *pack)
{
  /* Bilingual, room for "Gwyrdd / Green" and "ddechrau /" in bold: no
   * line may start with the " / ", so the word before it keeps it. */
  const double brag_extra = bp_tr_get_language () == BP_LANGUAGE_BILINGUAL ? 0.4 : 0;
  BpDocumentColumn columns[] = {
    { bp_tr ("Ref"), 0.75, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Action"), 3, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Owner"), 1.8, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("BRAG"), 0.9 + brag_extra, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Asked of the board"), 4 - brag_extra, BP_DOCUMENT_ALIGN_START },
  };
  const char *lang = bp_pack_data_lang (pack);
  gboolean any = FALSE;

  bp_pack_heading (doc, bp_tr ("Asks of the board"));
  /* Red first, then amber, then the rest: the most urgent asks lead. */
  for (int pass = 0; pass < 3; pass++)
    for (guint i = 0; i < pack->state->actions->len; i++)
      {
        BpAction *a = pack->state->actions->pdata[i];
        int rank = a->rag == BP_RAG_RED ? 0 : a->rag == BP_RAG_AMBER ? 1 : 2;
        g_autofree char *owner = NULL;
        g_autofree char *fill = NULL;

        if (rank != pass || bp_text_is_blank (a->latest_asks))
          continue;
        if (!any)
          bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
        any = TRUE;
        owner = bp_pack_owner_text (pack, a->owner_name, a->organisation_name);
        fill = bp_pack_rag_fill (a->rag);
        bp_document_table_row (doc, (BpDocumentCell[]) {
          { a->ref, NULL, TRUE, NULL },
          { a->title, NULL, FALSE, lang },
          { owner, NULL, FALSE, lang },
          { bp_rag_to_label (a->rag), fill, TRUE, NULL },
          { a->latest_asks, NULL, FALSE, lang } });
      }
  if (any)
    bp_document_table_end (doc);
  else
    bp_document_paragraph (doc, bp_tr ("No owner has asked the board for a decision or for "
                                       "support in their latest update."));
}

static void
newly_red_table (BpDocument *doc, BpPack *pack)
{
  BpDocumentColumn columns[] = {
    { bp_tr ("Ref"), 0.75, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Action"), 3.6, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Owner"), 1.8, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Was"), 0.9, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Red since"), 1.1, BP_DOCUMENT_ALIGN_START },
  };
  const char *lang = bp_pack_data_lang (pack);
  gboolean any = FALSE;

  bp_pack_heading (doc, bp_tr ("Actions newly red"));
  if (pack->previous == NULL)
    {
      bp_document_paragraph (doc, bp_tr ("There is no snapshot of an earlier meeting to compare "
                                         "with."));
      return;
    }
  for (guint i = 0; i < pack->state->actions->len; i++)
    {
      BpAction *a = pack->state->actions->pdata[i];
      int was = bp_pack_previous_rag (pack, a->id);
      g_autofree char *owner = NULL;
      g_autofree char *since = NULL;
      g_autofree char *fill = NULL;

      if (!bp_pack_is_newly_red (pack, a))
        continue;
      if (!any)
        bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
      any = TRUE;
      owner = bp_pack_owner_text (pack, a->owner_name, a->organisation_name);
      since = a->rag_since ? bp_date_format_uk (a->rag_since) : g_strdup ("—");
      fill = was >= 0 ? bp_pack_rag_fill (was) : NULL;
      bp_document_table_row (doc, (BpDocumentCell[]) {
        { a->ref, NULL, TRUE, NULL },
        { a->title, NULL, FALSE, lang },
        { owner, NULL, FALSE, lang },
        { was >= 0 ? bp_rag_to_label (was) : bp_tr ("New"), fill, FALSE, NULL },
        { since, NULL, FALSE, NULL } });
    }
  if (any)
    bp_document_table_end (doc);
  else
    bp_document_paragraph (doc, bp_tr ("No action has turned red since the last meeting."));
}

static void
missed_milestones_table (BpDocument *doc, BpPack *pack)
{
  GPtrArray *missed = pack->milestones_missed;
  guint shown = MIN (missed->len, DECISION_MILESTONES);

  bp_pack_heading (doc, bp_tr ("Missed milestones"));
  if (missed->len == 0)
    {
      bp_document_paragraph (doc, bp_tr ("No milestone due before the meeting is still open."));
      return;
    }
  {
    g_autofree char *intro = NULL;

    if (missed->len > shown)
      intro = bp_trn_printf ("%d milestone was due before the meeting and is not done; the "
                             "%d longest overdue are below, all of them under Milestones.",
                             "%d milestones were due before the meeting and are not done; the "
                             "%d longest overdue are below, all of them under Milestones.",
                             missed->len, missed->len, shown);
    else
      intro = bp_trn_printf ("%d milestone was due before the meeting and is not done.",
                             "%d milestones were due before the meeting and are not done.",
                             missed->len, missed->len);
    bp_document_paragraph (doc, intro);
  }
  bp_pack_milestone_table (doc, pack, missed, shown);
}

static gboolean
risk_above_target (const BpRisk *r)
{
  int target = bp_risk_score (r->target_l, r->target_i);

  return target > 0 && bp_risk_score (r->current_l, r->current_i) > target;
}

static void
risks_above_target_table (BpDocument *doc, BpPack *pack)
{
  BpDocumentColumn columns[] = {
    { bp_tr ("Ref"), 0.75, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Risk"), 4, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Owner"), 1.8, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Score"), 0.8, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Target"), 0.8, BP_DOCUMENT_ALIGN_CENTRE },
  };
  const char *lang = bp_pack_data_lang (pack);
  GPtrArray *risks = pack->state->risks;
  guint above = 0, shown = 0;

  bp_pack_heading (doc, bp_tr ("Risks above their target score"));
  for (guint i = 0; i < risks->len; i++)
    above += risk_above_target (risks->pdata[i]);
  if (above == 0)
    {
      bp_document_paragraph (doc, bp_tr ("No risk is above its target score."));
      return;
    }
  if (above > DECISION_RISKS)
    {
      g_autofree char *intro = bp_trn_printf ("%d risk is above its target score; the %d with the "
                                              "highest scores are below, all of them in the risk "
                                              "register.",
                                              "%d risks are above their target score; the %d with "
                                              "the highest scores are below, all of them in the "
                                              "risk register.",
                                              above, above, DECISION_RISKS);

      bp_document_paragraph (doc, intro);
    }
  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  /* Highest score first. */
  for (int score = 25; score > 0 && shown < DECISION_RISKS; score--)
    for (guint i = 0; i < risks->len && shown < DECISION_RISKS; i++)
      {
        BpRisk *r = risks->pdata[i];
        int target = bp_risk_score (r->target_l, r->target_i);
        const BpRiskBand *band = NULL;
        g_autofree char *now = NULL;
        g_autofree char *aim = NULL;

        if (bp_risk_score (r->current_l, r->current_i) != score || !risk_above_target (r))
          continue;
        shown++;
        band = bp_risk_band_for_score (pack->state->bands, score);
        now = g_strdup_printf ("%d", score);
        aim = g_strdup_printf ("%d", target);
        bp_document_table_row (doc, (BpDocumentCell[]) {
          { r->ref, NULL, TRUE, NULL },
          { r->title, NULL, FALSE, lang },
          { bp_pack_or_dash (r->owner_name), NULL, FALSE, lang },
          { now, band ? band->colour : NULL, TRUE, NULL },
          { aim, NULL, FALSE, NULL } });
      }
  bp_document_table_end (doc);
}

static void
measures_off_target_table (BpDocument *doc, BpPack *pack)
{
  BpDocumentColumn columns[] = {
    { bp_tr ("Measure"), 4, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Previous"), 1.2, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Latest"), 1.2, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Target"), 1, BP_DOCUMENT_ALIGN_CENTRE },
  };
  const char *lang = bp_pack_data_lang (pack);
  gboolean any = FALSE;

  bp_pack_heading (doc, bp_tr ("Measures off target for two periods"));
  for (guint i = 0; i < pack->state->measures->len; i++)
    {
      BpMeasure *m = pack->state->measures->pdata[i];
      GPtrArray *values = pack->state->values->pdata[i];
      BpMeasureValue *before = NULL;
      BpMeasureValue *last = bp_pack_latest_value (values, &before);
      g_autofree char *was = NULL;
      g_autofree char *now = NULL;
      g_autofree char *target = NULL;
      g_autofree char *red = NULL;
      g_autofree char *before_value = NULL;
      g_autofree char *last_value = NULL;

      if (!bp_pack_measure_off_twice (m, values))
        continue;
      if (!any)
        bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
      any = TRUE;
      before_value = bp_chart_format_value (m, before->value);
      last_value = bp_chart_format_value (m, last->value);
      was = g_strdup_printf ("%s: %s", before->period, before_value);
      now = g_strdup_printf ("%s: %s", last->period, last_value);
      target = bp_chart_format_value (m, m->target);
      red = bp_colours_to_string (bp_colours_kpi_rag (BP_KPI_RAG_RED));
      bp_document_table_row (doc, (BpDocumentCell[]) {
        { m->title, NULL, TRUE, lang },
        { was, red, FALSE, NULL },
        { now, red, FALSE, NULL },
        { target, NULL, FALSE, NULL } });
    }
  if (any)
    bp_document_table_end (doc);
  else
    bp_document_paragraph (doc, bp_tr ("No measure has been off target for the last two periods."));
}

void
bp_pack_section_decisions (BpDocument *doc, BpPack *pack)
{
  bp_document_section (doc, "decisions", bp_tr ("For decision and escalation"), FALSE);
  bp_document_paragraph (doc, bp_tr ("What the board is asked to decide, and what needs its "
                                     "attention: the owners' asks, actions newly red, milestones "
                                     "missed, risks above their target score and measures off "
                                     "target for two periods. The detail follows in the pack."));
  bp_pack_organisations_note (doc, pack);
  asks_table (doc, pack);
  newly_red_table (doc, pack);
  missed_milestones_table (doc, pack);
  risks_above_target_table (doc, pack);
  measures_off_target_table (doc, pack);
}

/* ------------------------------------------------------------ dashboard */

static void
draw_donut (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  BpPack *pack = data;

  bp_chart_brag_ring (cr, area, pack->rag_counts);
}

static void
draw_priority_bars (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  bp_chart_brag_by_priority_rows (cr, area, data);
}

static int
current_score (const BpRisk *r)
{
  return bp_risk_score (r->current_l, r->current_i);
}

/* The status table beside the donut: each status's count, its share of
 * all actions and its share of those still open (complete ones counted
 * apart, as boards report it). */
static void
status_table (BpDocument *doc, BpPack *pack)
{
  static const BpRag order[] = { BP_RAG_RED, BP_RAG_AMBER, BP_RAG_GREEN, BP_RAG_BLUE,
                                 BP_RAG_NOT_STARTED };
  BpDocumentColumn columns[] = {
    { bp_tr ("BRAG status"), 2, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Actions"), 1, BP_DOCUMENT_ALIGN_END },
    { bp_tr ("Share of all"), 1, BP_DOCUMENT_ALIGN_END },
    { bp_tr ("Share of those in progress"), 1.4, BP_DOCUMENT_ALIGN_END },
  };
  int all[G_N_ELEMENTS (order)], open[3];
  int all_percent[G_N_ELEMENTS (order)], open_percent[3];

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    all[i] = pack->rag_counts[order[i]];
  for (guint i = 0; i < 3; i++)
    open[i] = all[i];
  bp_percentages (all, G_N_ELEMENTS (order), all_percent);
  bp_percentages (open, 3, open_percent);

  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *fill = bp_pack_rag_fill (order[i]);
      g_autofree char *count = g_strdup_printf ("%d", all[i]);
      g_autofree char *share = g_strdup_printf ("%d%%", all_percent[i]);
      g_autofree char *share_open = i < 3 ? g_strdup_printf ("%d%%", open_percent[i])
                                          : g_strdup ("—");

      bp_document_table_row (doc, (BpDocumentCell[]) {
        { bp_rag_to_label (order[i]), fill, TRUE, NULL },
        { count, NULL, FALSE, NULL },
        { share, NULL, FALSE, NULL },
        { share_open, NULL, FALSE, NULL } });
    }
  bp_document_table_end (doc);
  bp_document_paragraph (doc, bp_tr ("Percentages are rounded so that they add up to 100 (largest "
                                     "remainder). Those in progress are the red, amber and green "
                                     "actions; complete and not started actions are counted "
                                     "apart."));
}

static void
bands_table (BpDocument *doc, BpPack *pack)
{
  BpDocumentColumn columns[] = {
    { bp_tr ("Risk band"), 2, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Scores"), 1, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Risks (current score)"), 1, BP_DOCUMENT_ALIGN_END },
  };
  GPtrArray *risks = pack->state->risks;
  int unscored = 0;

  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  for (guint b = 0; b < pack->state->bands->len; b++)
    {
      BpRiskBand *band = pack->state->bands->pdata[b];
      g_autofree char *range = g_strdup_printf ("%d–%d", band->min_score, band->max_score);
      g_autofree char *count = NULL;
      int n = 0;

      for (guint i = 0; i < risks->len; i++)
        {
          int score = current_score (risks->pdata[i]);

          n += score >= band->min_score && score <= band->max_score;
        }
      count = g_strdup_printf ("%d", n);
      bp_document_table_row (doc, (BpDocumentCell[]) {
        { bp_risk_band_display_name (band->name), band->colour, TRUE, NULL },
        { range, NULL, FALSE, NULL }, { count, NULL, FALSE, NULL } });
    }
  for (guint i = 0; i < risks->len; i++)
    unscored += current_score (risks->pdata[i]) == 0;
  if (unscored)
    {
      g_autofree char *count = g_strdup_printf ("%d", unscored);

      bp_document_table_row (doc, (BpDocumentCell[]) {
        { bp_tr ("Not scored"), NULL, FALSE, NULL }, { "—", NULL, FALSE, NULL },
        { count, NULL, FALSE, NULL } });
    }
  bp_document_table_end (doc);
}

static void
kpi_table (BpDocument *doc, BpPack *pack)
{
  static const BpKpiRag order[] = { BP_KPI_RAG_GREEN, BP_KPI_RAG_AMBER, BP_KPI_RAG_RED,
                                    BP_KPI_RAG_NONE };
  static const char *const words[] = { N_("On target (green)"), N_("Within tolerance (amber)"),
                                       N_("Off target (red)"), N_("No value or no target") };
  BpDocumentColumn columns[] = {
    { bp_tr ("Latest value against target"), 2, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Measures"), 1, BP_DOCUMENT_ALIGN_END },
  };
  int counts[4] = { 0 };

  for (guint i = 0; i < pack->state->measures->len; i++)
    {
      BpMeasureValue *v = bp_pack_latest_value (pack->state->values->pdata[i], NULL);

      counts[v ? bp_kpi_rag (pack->state->measures->pdata[i], v->value) : BP_KPI_RAG_NONE]++;
    }
  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      g_autofree char *fill = bp_colours_to_string (bp_colours_kpi_rag (order[i]));
      g_autofree char *count = g_strdup_printf ("%d", counts[order[i]]);

      bp_document_table_row (doc, (BpDocumentCell[]) {
        { bp_tr (words[i]), order[i] == BP_KPI_RAG_NONE ? NULL : fill, TRUE, NULL },
        { count, NULL, FALSE, NULL } });
    }
  bp_document_table_end (doc);
}

void
bp_pack_section_dashboard (BpDocument *doc, BpPack *pack)
{
  g_autoptr (BpChartPriorityRows) rows = bp_chart_priority_rows_new (pack->state->priorities, NULL);
  g_autofree char *donut_summary = bp_chart_brag_donut_summary (pack->rag_counts);
  g_autofree char *bars_summary = NULL;
  g_autofree char *overdue = NULL;

  bp_chart_priority_rows_count (rows, pack->state->priorities, pack->state->actions);
  bars_summary = bp_chart_brag_by_priority_summary (rows->rows, rows->n_rows);
  bp_document_section (doc, "dashboard", bp_tr ("Dashboard"), FALSE);
  bp_pack_heading (doc, bp_tr ("Actions by BRAG status"));
  bp_document_figure (doc, 170, draw_donut, pack, donut_summary);
  status_table (doc, pack);

  overdue = bp_pack_printfn_date ("%d action is overdue on %s.", "%d actions are overdue on %s.",
                                  pack->overdue, pack->meeting->date);
  {
    g_autofree char *escaped = g_markup_escape_text (overdue, -1);
    g_autofree char *markup = g_strdup_printf ("<b>%s</b>", escaped);

    bp_document_paragraph_markup (doc, markup);
  }

  bp_document_ensure_space (doc, 40 + 24 * MAX (rows->n_rows, 1) + 60);
  bp_pack_heading (doc, bp_tr ("BRAG status by priority area"));
  bp_document_figure (doc, 40 + 24 * MAX (rows->n_rows, 1), draw_priority_bars, rows, bars_summary);

  bp_pack_heading (doc, bp_tr ("Risks by band"));
  bands_table (doc, pack);
  bp_pack_heading (doc, bp_tr ("Scorecard measures on and off target"));
  kpi_table (doc, pack);
}

/* ------------------------------------------------------------- movement */

static void
draw_movement (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  BpPack *pack = data;

  bp_chart_movement (cr, area, pack->movement);
}

static void
movement_table (BpDocument *doc, BpPack *pack, const char *heading, GPtrArray *items,
                const char *empty)
{
  BpDocumentColumn columns[] = {
    { bp_tr ("Ref"), 0.75, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Action"), 4, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Owner"), 1.8, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Was"), 0.9, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Now"), 0.9, BP_DOCUMENT_ALIGN_CENTRE },
  };
  const char *lang = bp_pack_data_lang (pack);

  bp_pack_heading (doc, heading);
  if (items->len == 0)
    {
      bp_document_paragraph (doc, empty);
      return;
    }
  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < items->len; i++)
    {
      BpMovementItem *item = items->pdata[i];
      const BpAction *a = bp_pack_find_action (pack, item->id);
      g_autofree char *from_fill = bp_pack_rag_fill (item->from_rag);
      g_autofree char *to_fill = bp_pack_rag_fill (item->to_rag);
      g_autofree char *owner = a ? bp_pack_owner_text (pack, a->owner_name, a->organisation_name)
                                 : g_strdup ("—");

      bp_document_table_row (doc, (BpDocumentCell[]) {
        { item->ref, NULL, TRUE, NULL },
        { a ? a->title : bp_tr ("(action since removed)"), NULL, FALSE, a ? lang : NULL },
        { owner, NULL, FALSE, lang },
        { bp_rag_to_label (item->from_rag), from_fill, FALSE, NULL },
        { bp_rag_to_label (item->to_rag), to_fill, FALSE, NULL } });
    }
  bp_document_table_end (doc);
}

static void
risk_movement_table (BpDocument *doc, BpPack *pack)
{
  BpDocumentColumn columns[] = {
    { bp_tr ("Ref"), 0.75, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Risk"), 4.5, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Was"), 0.9, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Now"), 0.9, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Direction"), 1.4, BP_DOCUMENT_ALIGN_START },
  };
  GPtrArray *lists[] = { pack->movement->risks_up, pack->movement->risks_down };
  const char *lang = bp_pack_data_lang (pack);

  bp_pack_heading (doc, bp_tr ("Risks whose score moved"));
  if (lists[0]->len + lists[1]->len == 0)
    {
      bp_document_paragraph (doc, bp_tr ("No risk's score moved since the last meeting."));
      return;
    }
  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        BpMovementItem *item = lists[l]->pdata[i];
        const char *title = "";
        g_autofree char *was = g_strdup_printf ("%d", item->from_score);
        g_autofree char *now = g_strdup_printf ("%d", item->to_score);
        g_autofree char *direction = bp_risk_trend_text (item->from_score, item->to_score);

        for (guint r = 0; r < pack->state->risks->len; r++)
          if (((BpRisk *) pack->state->risks->pdata[r])->id == item->id)
            title = ((BpRisk *) pack->state->risks->pdata[r])->title;
        bp_document_table_row (doc, (BpDocumentCell[]) {
          { item->ref, NULL, TRUE, NULL }, { title, NULL, FALSE, lang },
          { was, NULL, FALSE, NULL }, { now, NULL, FALSE, NULL },
          { direction, NULL, FALSE, NULL } });
      }
  bp_document_table_end (doc);
}

void
bp_pack_section_movement (BpDocument *doc, BpPack *pack)
{
  g_autofree char *summary = NULL;

  bp_document_section (doc, "movement", bp_tr ("Since the last meeting"), FALSE);
  if (pack->movement == NULL)
    {
      bp_document_paragraph (doc, pack->has_snapshot
                                    ? bp_tr ("There is no snapshot from an earlier meeting to compare "
                                        "with, so no movement can be shown.")
                                    : bp_tr ("No snapshot has been taken for this meeting, so no "
                                        "movement can be shown. Take a snapshot before the meeting "
                                        "to compare it with the last one."));
      return;
    }
  summary = bp_chart_movement_summary (pack->movement);
  {
    g_autofree char *intro = bp_pack_printf_date2 ("The plan as it stood for the meeting of %s, "
                                                   "compared with the meeting of %s.",
                                                   pack->movement->to_date,
                                                   pack->movement->from_date);

    bp_document_paragraph (doc, intro);
  }
  bp_document_figure (doc, 170, draw_movement, pack, summary);
  movement_table (doc, pack, bp_tr ("Actions whose BRAG status worsened"),
                  pack->movement->worsened, bp_tr ("No action's BRAG status worsened."));
  movement_table (doc, pack, bp_tr ("Actions whose BRAG status improved"),
                  pack->movement->improved, bp_tr ("No action's BRAG status improved."));
  movement_table (doc, pack, bp_tr ("Actions completed"), pack->movement->completed,
                  bp_tr ("No action was completed."));
  movement_table (doc, pack, bp_tr ("Actions that became overdue"), pack->movement->newly_overdue,
                  bp_tr ("No action became overdue."));
  risk_movement_table (doc, pack);
}
