/* bp-pack.c: the board pack. Everything the pack shows is read once by
 * bp_pack_load(); bp_pack_build() then writes the nine sections, in the
 * order boards read them: the summary and the exceptions first, the
 * detail after. */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-chart.h"
#include "bp-colours.h"
#include "bp-pack.h"
#include "bp-query.h"
#include "bp-rules.h"
#include "bp-translate.h"

/* The pack's fixed text is in the pack's language (bp-translate.h),
 * whatever the locale: English, Welsh, or Welsh then English. */

/* How many periods of a measure the scorecard table shows. */
#define SCORECARD_PERIODS 4

struct _BpPack
{
  BpLanguage language;    /* EN, CY or BILINGUAL: never UI */
  BpProgramme *programme;
  BpMeeting *meeting;
  char *next_meeting_date; /* the next meeting, or this one plus the cadence */
  gboolean next_meeting_known;

  GPtrArray *priorities;  /* BpPriority */
  GPtrArray *actions;     /* BpAction, plan order, with their latest update */
  GPtrArray *people;      /* BpPerson */
  GHashTable *person_names; /* id -> name (borrowed from people) */
  GHashTable *action_refs;  /* id -> ref (borrowed from actions) */

  GPtrArray *risks;       /* BpRisk */
  GPtrArray *mitigations; /* GPtrArray of BpMitigation, one per risk */
  GPtrArray *risk_links;  /* GStrv of action refs, one per risk */
  GPtrArray *bands;       /* BpRiskBand */
  GHashTable *previous_scores; /* risk id -> score at the previous meeting */

  GPtrArray *measures;    /* BpMeasure */
  GPtrArray *values;      /* GPtrArray of BpMeasureValue, one per measure */

  GPtrArray *milestones;  /* BpMilestone due before the next meeting */
  BpMovement *movement;   /* NULL when there is nothing to compare with */
  char *previous_meeting_date;
  gboolean has_snapshot;

  int rag_counts[BP_RAG_COUNT];
  int overdue;

  char *title;  /* of the document */
  char *footer;
};

/* ------------------------------------------------------------ loading */

static void
free_ptr_array (gpointer array)
{
  if (array)
    g_ptr_array_unref (array);
}

void
bp_pack_free (BpPack *pack)
{
  if (pack == NULL)
    return;
  g_clear_pointer (&pack->programme, bp_programme_free);
  g_clear_pointer (&pack->meeting, bp_meeting_free);
  g_free (pack->next_meeting_date);
  g_free (pack->previous_meeting_date);
  g_free (pack->title);
  g_free (pack->footer);
  g_clear_pointer (&pack->person_names, g_hash_table_unref);
  g_clear_pointer (&pack->action_refs, g_hash_table_unref);
  g_clear_pointer (&pack->priorities, g_ptr_array_unref);
  g_clear_pointer (&pack->actions, g_ptr_array_unref);
  g_clear_pointer (&pack->people, g_ptr_array_unref);
  g_clear_pointer (&pack->risks, g_ptr_array_unref);
  g_clear_pointer (&pack->mitigations, g_ptr_array_unref);
  g_clear_pointer (&pack->risk_links, g_ptr_array_unref);
  g_clear_pointer (&pack->bands, g_ptr_array_unref);
  g_clear_pointer (&pack->previous_scores, g_hash_table_unref);
  g_clear_pointer (&pack->measures, g_ptr_array_unref);
  g_clear_pointer (&pack->values, g_ptr_array_unref);
  g_clear_pointer (&pack->milestones, g_ptr_array_unref);
  g_clear_pointer (&pack->movement, bp_movement_free);
  g_free (pack);
}

static gboolean
choose_meeting (BpPack *pack, BpDb *db, const char *date, GPtrArray **out_meetings,
                guint *out_index, GError **error)
{
  g_autoptr (GPtrArray) meetings = bp_db_list_meetings (db, error);
  g_autoptr (GString) known = g_string_new (NULL);

  if (meetings == NULL)
    return FALSE;
  if (meetings->len == 0)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                   bp_tr ("%s: the programme has no board meetings; add a meeting first"),
                   bp_db_get_path (db));
      return FALSE;
    }
  /* Only a damaged file has a meeting without a date (the column is NOT
   * NULL) or with something else in it: which meeting is the latest, or
   * the next, would be wrong. */
  for (guint i = 0; i < meetings->len; i++)
    {
      BpMeeting *m = meetings->pdata[i];

      if (!bp_date_is_valid (m->date))
        {
          g_set_error (error, BP_ERROR, BP_ERROR_CORRUPT,
                       bp_tr ("%s: a board meeting has no valid date (“%s”): the file is damaged; "
                         "restore it from a backup"),
                       bp_db_get_path (db), m->date ? m->date : "");
          return FALSE;
        }
    }
  for (guint i = 0; i < meetings->len; i++)
    {
      BpMeeting *m = meetings->pdata[i];

      if (date == NULL ? i == meetings->len - 1 : g_str_equal (m->date, date))
        {
          pack->meeting = g_steal_pointer (&meetings->pdata[i]);
          *out_index = i;
          *out_meetings = g_steal_pointer (&meetings);
          return TRUE;
        }
      g_string_append_printf (known, "%s%s", i ? ", " : "", m->date);
    }
  g_set_error (error, BP_ERROR, BP_ERROR_INVALID, bp_tr ("%s: no meeting on %s (meetings: %s)"),
               bp_db_get_path (db), date, known->str);
  return FALSE;
}

BpPack *
bp_pack_load (BpDb *db, const BpPackOptions *options, GError **error)
{
  g_autoptr (BpPack) pack = g_new0 (BpPack, 1);
  g_autoptr (GPtrArray) meetings = NULL;
  g_autoptr (GPtrArray) snapshots = NULL;
  gint64 this_snapshot = 0, previous_snapshot = 0;
  guint index = 0;

  g_return_val_if_fail (BP_IS_DB (db), NULL);

  if (options && options->meeting_date && !bp_date_is_valid (options->meeting_date))
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID, bp_tr ("“%s” is not a date (YYYY-MM-DD)"),
                   options->meeting_date);
      return NULL;
    }
  if (options && options->language && !bp_language_parse (options->language, &pack->language))
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                   bp_tr ("“%s” is not a pack language (en, cy or bilingual)"), options->language);
      return NULL;
    }
  pack->programme = bp_db_get_programme (db, error);
  /* The programme's setting, when not overridden; English when unset. */
  if (pack->programme != NULL && pack->language == BP_LANGUAGE_UI
      && !bp_language_parse (pack->programme->language, &pack->language))
    pack->language = BP_LANGUAGE_EN;
  /* Refused before anything is written: a pack in English tagged as Welsh
   * would mislead its readers and their screen readers. */
  if (pack->programme == NULL
      || !bp_language_check (pack->language, error)
      || !choose_meeting (pack, db, options ? options->meeting_date : NULL, &meetings, &index, error))
    return NULL;

  if (index + 1 < meetings->len)
    {
      pack->next_meeting_date = g_strdup (((BpMeeting *) meetings->pdata[index + 1])->date);
      pack->next_meeting_known = TRUE;
    }
  else
    /* The cadence as the file has it, within reason: a damaged file's
     * 2147483647 weeks would overflow the days. */
    pack->next_meeting_date = bp_date_add_days (pack->meeting->date,
                                                7 * CLAMP (pack->programme->cadence_weeks, 1, 520));

  if (!(pack->priorities = bp_db_list_priorities (db, error))
      || !(pack->actions = bp_db_list_actions (db, NULL, error))
      || !(pack->people = bp_db_list_people (db, error))
      || !(pack->risks = bp_db_list_risks (db, error))
      || !(pack->bands = bp_db_list_risk_bands (db, error))
      || !(pack->measures = bp_db_list_measures (db, error))
      || !(pack->milestones = bp_db_list_milestones_due (db, pack->meeting->date,
                                                         pack->next_meeting_date, error)))
    return NULL;

  pack->person_names = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < pack->people->len; i++)
    {
      BpPerson *p = pack->people->pdata[i];

      g_hash_table_insert (pack->person_names, &p->id, p->name);
    }
  pack->action_refs = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < pack->actions->len; i++)
    {
      BpAction *a = pack->actions->pdata[i];

      g_hash_table_insert (pack->action_refs, &a->id, a->ref);
      pack->rag_counts[a->rag]++;
      if (bp_is_overdue (a->rag, a->due_date, a->revised_due_date, pack->meeting->date))
        pack->overdue++;
    }

  pack->mitigations = g_ptr_array_new_with_free_func (free_ptr_array);
  pack->risk_links = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < pack->risks->len; i++)
    {
      BpRisk *r = pack->risks->pdata[i];
      GPtrArray *mitigations = bp_db_list_mitigations (db, r->id, error);
      GStrv links;

      if (mitigations == NULL)
        return NULL;
      g_ptr_array_add (pack->mitigations, mitigations);
      links = bp_db_risk_action_refs (db, r->id, error);
      if (links == NULL)
        return NULL;
      g_ptr_array_add (pack->risk_links, links);
    }

  pack->values = g_ptr_array_new_with_free_func (free_ptr_array);
  for (guint i = 0; i < pack->measures->len; i++)
    {
      GPtrArray *values = bp_db_list_measure_values (db, ((BpMeasure *) pack->measures->pdata[i])->id,
                                                     error);

      if (values == NULL)
        return NULL;
      g_ptr_array_add (pack->values, values);
    }

  /* "Since the last meeting": this meeting's snapshot against the one
   * before it. */
  snapshots = bp_db_list_snapshots (db, error);
  if (snapshots == NULL)
    return NULL;
  for (guint i = 0; i < snapshots->len; i++)
    {
      BpSnapshot *s = snapshots->pdata[i];

      if (g_str_equal (s->meeting_date, pack->meeting->date))
        {
          this_snapshot = s->id;
          if (i > 0)
            {
              BpSnapshot *before = snapshots->pdata[i - 1];

              previous_snapshot = before->id;
              pack->previous_meeting_date = g_strdup (before->meeting_date);
            }
        }
    }
  pack->has_snapshot = this_snapshot != 0;
  if (this_snapshot && previous_snapshot)
    {
      pack->movement = bp_db_movement (db, previous_snapshot, this_snapshot, error);
      if (pack->movement == NULL)
        return NULL;
      pack->previous_scores = bp_db_snapshot_risk_scores (db, previous_snapshot, error);
      if (pack->previous_scores == NULL)
        return NULL;
    }
  return g_steal_pointer (&pack);
}

const char *
bp_pack_get_meeting_date (BpPack *pack)
{
  g_return_val_if_fail (pack != NULL, NULL);
  return pack->meeting->date;
}

/* ----------------------------------------------------------- formatting */

/* "Tuesday 1 July 2025" in the pack's language. */
static char *
long_date (const char *iso)
{
  char *date = bp_date_is_valid (iso) ? bp_tr_date_long (iso) : NULL;

  return date != NULL ? date : g_strdup (iso ? iso : "");
}

static const char *
or_dash (const char *text)
{
  return text && *text ? text : "—";
}

static const char *
person_name (BpPack *pack, gint64 id)
{
  return id > 0 ? g_hash_table_lookup (pack->person_names, &id) : NULL;
}

static char *
rag_fill (BpRag rag)
{
  return bp_colours_to_string (bp_colours_rag (rag));
}

/* The due date as a cell: the revised date with the original noted. */
static char *
due_text (const BpAction *a)
{
  g_autofree char *due = bp_date_format_uk (a->due_date);

  if (a->revised_due_date)
    {
      g_autofree char *revised = bp_date_format_uk (a->revised_due_date);

      return bp_tr_printf ("%s (revised from %s)", revised, due);
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
  return g_strdup_printf ("%s: %s", date, or_dash (a->latest_commentary));
}

/* ------------------------------------------------------------- sections */

static void
section_cover (BpDocument *doc, BpPack *pack)
{
  BpMeeting *m = pack->meeting;
  g_autofree char *date = long_date (m->date);
  g_autofree char *when = m->time ? g_strdup_printf ("%s, %s", date, m->time) : g_strdup (date);
  const char *pairs[] = {
    bp_tr ("Programme"), or_dash (pack->programme->title),
    bp_tr ("Meeting"), when,
    bp_tr ("Venue"), or_dash (m->venue),
    bp_tr ("Agenda item"), or_dash (m->agenda_item),
    bp_tr ("Chair"), or_dash (pack->programme->chair),
    bp_tr ("Partners"), or_dash (pack->programme->organisations),
    NULL,
  };

  bp_document_section (doc, "cover",
                       pack->programme->board ? pack->programme->board : pack->programme->title,
                       FALSE);
  bp_document_heading (doc, 2, bp_tr ("Board pack"));
  bp_document_key_values (doc, pairs);
  if (m->title)
    bp_document_paragraph (doc, m->title);
}

/* Recommendations are stored one per line, numbered or not. */
static GStrv
split_recommendations (const char *text)
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

static void
section_front_sheet (BpDocument *doc, BpPack *pack)
{
  BpMeeting *m = pack->meeting;
  g_autofree char *date = long_date (m->date);
  g_auto (GStrv) recommendations = split_recommendations (m->recommendations);
  const char *pairs[] = {
    bp_tr ("Board"), or_dash (pack->programme->board),
    bp_tr ("Meeting date"), date,
    bp_tr ("Report title"), or_dash (m->title),
    bp_tr ("Author"), or_dash (m->author),
    bp_tr ("Contact"), or_dash (m->contact),
    bp_tr ("Service / department"), or_dash (m->service),
    bp_tr ("Presented by"), or_dash (m->presenter),
    bp_tr ("Classification"), or_dash (m->classification),
    bp_tr ("Wards affected"), or_dash (m->wards),
    bp_tr ("Purpose"), or_dash (m->purpose),
    NULL,
  };

  bp_document_section (doc, "front-sheet", bp_tr ("Report front sheet"), FALSE);
  bp_document_key_values (doc, pairs);
  bp_document_heading (doc, 2, bp_tr ("Executive summary"));
  bp_document_paragraph (doc, m->summary ? m->summary : bp_tr ("No summary has been written."));
  bp_document_heading (doc, 2, bp_tr ("Recommendations"));
  if (recommendations[0])
    bp_document_list (doc, (const char *const *) recommendations, TRUE);
  else
    bp_document_paragraph (doc, bp_tr ("No recommendations."));
  if (m->reasons)
    {
      bp_document_heading (doc, 2, bp_tr ("Reasons for the recommendations"));
      bp_document_paragraph (doc, m->reasons);
    }
}

static void
draw_donut (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  BpPack *pack = data;

  bp_chart_brag_donut (cr, area, pack->rag_counts);
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

/* The latest value of a measure that has one, or NULL. */
static BpMeasureValue *
latest_value (GPtrArray *values)
{
  for (guint i = values->len; i > 0; i--)
    {
      BpMeasureValue *v = values->pdata[i - 1];

      if (!isnan (v->value))
        return v;
    }
  return NULL;
}

static void
section_dashboard (BpDocument *doc, BpPack *pack)
{
  g_autoptr (BpChartPriorityRows) rows = bp_chart_priority_rows_new (pack->priorities, NULL);
  g_autofree char *donut_summary = bp_chart_brag_donut_summary (pack->rag_counts);
  g_autofree char *bars_summary = NULL;
  g_autofree char *overdue = NULL;
  g_autofree char *date = long_date (pack->meeting->date);
  static const BpDocumentColumn band_columns[] = {
    { N_("Risk band"), 2, BP_DOCUMENT_ALIGN_START },
    { N_("Scores"), 1, BP_DOCUMENT_ALIGN_CENTRE },
    { N_("Risks (current score)"), 1, BP_DOCUMENT_ALIGN_END },
  };
  static const BpDocumentColumn kpi_columns[] = {
    { N_("Latest value against target"), 2, BP_DOCUMENT_ALIGN_START },
    { N_("Measures"), 1, BP_DOCUMENT_ALIGN_END },
  };
  BpDocumentColumn columns[3];
  int kpi_counts[4] = { 0 };
  int unscored = 0;

  bp_chart_priority_rows_count (rows, pack->priorities, pack->actions);
  bars_summary = bp_chart_brag_by_priority_summary (rows->rows, rows->n_rows);
  bp_document_section (doc, "dashboard", bp_tr ("Dashboard"), FALSE);
  bp_document_heading (doc, 2, bp_tr ("Actions by BRAG status"));
  bp_document_figure (doc, 200, draw_donut, pack, donut_summary);

  overdue = bp_trn_printf ("%d action is overdue on %s.", "%d actions are overdue on %s.",
                           pack->overdue, pack->overdue, date);
  {
    g_autofree char *escaped = g_markup_escape_text (overdue, -1);
    g_autofree char *markup = g_strdup_printf ("<b>%s</b>", escaped);

    bp_document_paragraph_markup (doc, markup);
  }

  bp_document_heading (doc, 2, bp_tr ("BRAG status by priority area"));
  bp_document_figure (doc, 40 + 24 * MAX (rows->n_rows, 1), draw_priority_bars, rows, bars_summary);

  bp_document_heading (doc, 2, bp_tr ("Risks by band"));
  for (guint i = 0; i < G_N_ELEMENTS (band_columns); i++)
    columns[i] = (BpDocumentColumn) { bp_tr (band_columns[i].title), band_columns[i].width,
                                      band_columns[i].align };
  bp_document_table_begin (doc, columns, G_N_ELEMENTS (band_columns));
  for (guint b = 0; b < pack->bands->len; b++)
    {
      BpRiskBand *band = pack->bands->pdata[b];
      g_autofree char *range = g_strdup_printf ("%d–%d", band->min_score, band->max_score);
      g_autofree char *count = NULL;
      int n = 0;

      for (guint i = 0; i < pack->risks->len; i++)
        {
          int score = current_score (pack->risks->pdata[i]);

          n += score >= band->min_score && score <= band->max_score;
        }
      count = g_strdup_printf ("%d", n);
      bp_document_table_row (doc, (BpDocumentCell[]) {
        { band->name, band->colour, TRUE }, { range, NULL, FALSE }, { count, NULL, FALSE } });
    }
  for (guint i = 0; i < pack->risks->len; i++)
    unscored += current_score (pack->risks->pdata[i]) == 0;
  if (unscored)
    {
      g_autofree char *count = g_strdup_printf ("%d", unscored);

      bp_document_table_row (doc, (BpDocumentCell[]) {
        { bp_tr ("Not scored"), NULL, FALSE }, { "—", NULL, FALSE }, { count, NULL, FALSE } });
    }
  bp_document_table_end (doc);

  bp_document_heading (doc, 2, bp_tr ("Scorecard measures on and off target"));
  for (guint i = 0; i < pack->measures->len; i++)
    {
      BpMeasureValue *v = latest_value (pack->values->pdata[i]);

      kpi_counts[v ? bp_kpi_rag (pack->measures->pdata[i], v->value) : BP_KPI_RAG_NONE]++;
    }
  for (guint i = 0; i < G_N_ELEMENTS (kpi_columns); i++)
    columns[i] = (BpDocumentColumn) { bp_tr (kpi_columns[i].title), kpi_columns[i].width,
                                      kpi_columns[i].align };
  bp_document_table_begin (doc, columns, G_N_ELEMENTS (kpi_columns));
  {
    static const BpKpiRag order[] = { BP_KPI_RAG_GREEN, BP_KPI_RAG_AMBER, BP_KPI_RAG_RED,
                                      BP_KPI_RAG_NONE };
    static const char *const words[] = { N_("On target (green)"), N_("Within tolerance (amber)"),
                                         N_("Off target (red)"), N_("No value or no target") };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      {
        g_autofree char *fill = bp_colours_to_string (bp_colours_kpi_rag (order[i]));
        g_autofree char *count = g_strdup_printf ("%d", kpi_counts[order[i]]);

        bp_document_table_row (doc, (BpDocumentCell[]) {
          { bp_tr (words[i]), order[i] == BP_KPI_RAG_NONE ? NULL : fill, TRUE },
          { count, NULL, FALSE } });
      }
  }
  bp_document_table_end (doc);
}

static void
draw_movement (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  BpPack *pack = data;

  bp_chart_movement (cr, area, pack->movement);
}

static const BpAction *
find_action (BpPack *pack, gint64 id)
{
  for (guint i = 0; i < pack->actions->len; i++)
    if (((BpAction *) pack->actions->pdata[i])->id == id)
      return pack->actions->pdata[i];
  return NULL;
}

static void
movement_table (BpDocument *doc, BpPack *pack, const char *heading, GPtrArray *items,
                const char *empty)
{
  BpDocumentColumn columns[] = {
    { bp_tr ("Ref"), 0.6, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Action"), 4, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Owner"), 1.6, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Was"), 1, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Now"), 1, BP_DOCUMENT_ALIGN_CENTRE },
  };

  bp_document_heading (doc, 3, heading);
  if (items->len == 0)
    {
      bp_document_paragraph (doc, empty);
      return;
    }
  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < items->len; i++)
    {
      BpMovementItem *item = items->pdata[i];
      const BpAction *a = find_action (pack, item->id);
      g_autofree char *from_fill = rag_fill (item->from_rag);
      g_autofree char *to_fill = rag_fill (item->to_rag);

      bp_document_table_row (doc, (BpDocumentCell[]) {
        { item->ref, NULL, TRUE },
        { a ? a->title : bp_tr ("(action since removed)"), NULL, FALSE },
        { a ? or_dash (a->owner_name) : "—", NULL, FALSE },
        { bp_rag_to_label (item->from_rag), from_fill, FALSE },
        { bp_rag_to_label (item->to_rag), to_fill, FALSE } });
    }
  bp_document_table_end (doc);
}

static void
risk_movement_table (BpDocument *doc, BpPack *pack)
{
  BpDocumentColumn columns[] = {
    { bp_tr ("Ref"), 0.6, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Risk"), 4.5, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Was"), 1, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Now"), 1, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Direction"), 1.4, BP_DOCUMENT_ALIGN_START },
  };
  GPtrArray *lists[] = { pack->movement->risks_up, pack->movement->risks_down };

  bp_document_heading (doc, 3, bp_tr ("Risks whose score moved"));
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

        for (guint r = 0; r < pack->risks->len; r++)
          if (((BpRisk *) pack->risks->pdata[r])->id == item->id)
            title = ((BpRisk *) pack->risks->pdata[r])->title;
        bp_document_table_row (doc, (BpDocumentCell[]) {
          { item->ref, NULL, TRUE }, { title, NULL, FALSE }, { was, NULL, FALSE },
          { now, NULL, FALSE },
          { item->to_score > item->from_score ? bp_tr ("↑ Increased") : bp_tr ("↓ Decreased"), NULL, FALSE } });
      }
  bp_document_table_end (doc);
}

static void
section_movement (BpDocument *doc, BpPack *pack)
{
  g_autofree char *summary = bp_chart_movement_summary (pack->movement);

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
  {
    g_autofree char *from = long_date (pack->movement->from_date);
    g_autofree char *to = long_date (pack->movement->to_date);
    g_autofree char *intro = bp_tr_printf ("The plan as it stood for the meeting of %s, "
                                             "compared with the meeting of %s.", to, from);

    bp_document_paragraph (doc, intro);
  }
  bp_document_figure (doc, 170, draw_movement, pack, summary);
  movement_table (doc, pack, bp_tr ("Actions whose RAG status worsened"), pack->movement->worsened,
                  bp_tr ("No action's RAG status worsened."));
  movement_table (doc, pack, bp_tr ("Actions whose RAG status improved"), pack->movement->improved,
                  bp_tr ("No action's RAG status improved."));
  movement_table (doc, pack, bp_tr ("Actions completed"), pack->movement->completed,
                  bp_tr ("No action was completed."));
  movement_table (doc, pack, bp_tr ("Actions that became overdue"), pack->movement->newly_overdue,
                  bp_tr ("No action became overdue."));
  risk_movement_table (doc, pack);
}

static void
action_columns (BpDocumentColumn *columns, gboolean exceptions)
{
  columns[0] = (BpDocumentColumn) { bp_tr ("Ref"), 0.55, BP_DOCUMENT_ALIGN_START };
  columns[1] = (BpDocumentColumn) { bp_tr ("Action"), 3, BP_DOCUMENT_ALIGN_START };
  columns[2] = (BpDocumentColumn) { bp_tr ("Owner"), 1.4, BP_DOCUMENT_ALIGN_START };
  columns[3] = (BpDocumentColumn) { bp_tr ("Due"), 1.1, BP_DOCUMENT_ALIGN_START };
  columns[4] = (BpDocumentColumn) { bp_tr ("RAG"), 0.9, BP_DOCUMENT_ALIGN_CENTRE };
  columns[5] = (BpDocumentColumn) { bp_tr ("Latest update"), exceptions ? 3.6 : 4.2,
                                    BP_DOCUMENT_ALIGN_START };
  if (exceptions)
    columns[6] = (BpDocumentColumn) { bp_tr ("Next steps"), 2.4, BP_DOCUMENT_ALIGN_START };
}

static void
action_row (BpDocument *doc, BpPack *pack, const BpAction *a, gboolean exceptions)
{
  g_autofree char *due = due_text (a);
  g_autofree char *update = latest_update_text (a);
  g_autofree char *fill = rag_fill (a->rag);
  g_autofree char *rag = NULL;
  gboolean overdue = bp_is_overdue (a->rag, a->due_date, a->revised_due_date, pack->meeting->date);
  g_autofree char *owner = a->organisation_name && a->owner_name
                             ? g_strdup_printf ("%s\n%s", a->owner_name, a->organisation_name)
                             : g_strdup (or_dash (a->owner_name));

  rag = overdue ? g_strdup_printf ("%s\n%s", bp_rag_to_label (a->rag), bp_tr ("Overdue"))
                : g_strdup (bp_rag_to_label (a->rag));
  bp_document_table_row (doc, (BpDocumentCell[]) {
    { a->ref, NULL, TRUE },
    { a->title, NULL, FALSE },
    { owner, NULL, FALSE },
    { due, NULL, overdue },
    { rag, fill, TRUE },
    { update, NULL, FALSE },
    { or_dash (a->latest_next_steps), NULL, FALSE } });
}

static void
section_exceptions (BpDocument *doc, BpPack *pack)
{
  BpDocumentColumn columns[7];
  gboolean any = FALSE;

  bp_document_section (doc, "exceptions", bp_tr ("Exception report"), TRUE);
  bp_document_paragraph (doc, bp_tr ("Every action that is red, amber or overdue on the meeting date, "
                                "with its owner, its latest update and its next steps."));
  action_columns (columns, TRUE);
  for (guint i = 0; i < pack->actions->len; i++)
    {
      BpAction *a = pack->actions->pdata[i];

      if (a->rag != BP_RAG_RED && a->rag != BP_RAG_AMBER
          && !bp_is_overdue (a->rag, a->due_date, a->revised_due_date, pack->meeting->date))
        continue;
      if (!any)
        bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
      any = TRUE;
      action_row (doc, pack, a, TRUE);
    }
  if (any)
    bp_document_table_end (doc);
  else
    bp_document_paragraph (doc, bp_tr ("No red, amber or overdue actions at this meeting."));
}

static void
section_plan (BpDocument *doc, BpPack *pack)
{
  BpDocumentColumn columns[7];

  bp_document_section (doc, "plan", bp_tr ("The plan by priority"), TRUE);
  action_columns (columns, FALSE);
  if (pack->priorities->len == 0)
    bp_document_paragraph (doc, bp_tr ("The plan has no priority areas yet."));
  for (guint p = 0; p < pack->priorities->len; p++)
    {
      BpPriority *priority = pack->priorities->pdata[p];
      g_autofree char *heading = g_strdup_printf ("%s %s", priority->code, priority->title);
      gboolean any = FALSE;

      bp_document_heading (doc, 2, heading);
      for (guint i = 0; i < pack->actions->len; i++)
        {
          BpAction *a = pack->actions->pdata[i];

          if (a->priority_id != priority->id)
            continue;
          if (!any)
            bp_document_table_begin (doc, columns, 6);
          any = TRUE;
          action_row (doc, pack, a, FALSE);
        }
      if (any)
        bp_document_table_end (doc);
      else
        bp_document_paragraph (doc, bp_tr ("No actions in this priority area."));
    }
}

static void
draw_heat_maps (cairo_t *cr, const cairo_rectangle_t *area, gpointer data)
{
  BpPack *pack = data;
  double gap = 24;
  cairo_rectangle_t left = { area->x, area->y, (area->width - gap) / 2, area->height };
  cairo_rectangle_t right = { area->x + (area->width + gap) / 2, area->y,
                              (area->width - gap) / 2, area->height };

  bp_chart_risk_heat_map (cr, &left, bp_tr ("Inherent"), pack->risks, BP_RISK_SCORE_INHERENT,
                          pack->bands);
  bp_chart_risk_heat_map (cr, &right, bp_tr ("Current"), pack->risks, BP_RISK_SCORE_CURRENT,
                          pack->bands);
}

static char *
mitigations_text (BpPack *pack, GPtrArray *mitigations)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < mitigations->len; i++)
    {
      BpMitigation *m = mitigations->pdata[i];
      const char *owner = person_name (pack, m->owner_id);
      g_autofree char *due = m->due_date ? bp_date_format_uk (m->due_date) : NULL;
      g_autoptr (GString) detail = g_string_new (NULL);

      if (owner)
        g_string_append (detail, owner);
      if (due)
        g_string_append_printf (detail, "%s%s", detail->len ? ", " : "", due);
      if (m->status)
        g_string_append_printf (detail, "%s%s", detail->len ? ", " : "", m->status);
      g_string_append_printf (s, "%s• %s", i ? "\n" : "", m->description);
      if (detail->len)
        g_string_append_printf (s, " (%s)", detail->str);
    }
  if (s->len == 0)
    g_string_append (s, bp_tr ("No mitigations recorded."));
  return g_string_free (s, FALSE);
}

static void
section_risks (BpDocument *doc, BpPack *pack)
{
  g_autofree char *inherent = bp_chart_risk_heat_map_summary (bp_tr ("Inherent"), pack->risks,
                                                              BP_RISK_SCORE_INHERENT, pack->bands);
  g_autofree char *current = bp_chart_risk_heat_map_summary (bp_tr ("Current"), pack->risks,
                                                             BP_RISK_SCORE_CURRENT, pack->bands);
  g_autofree char *summary = g_strdup_printf ("%s\n%s", inherent, current);
  BpDocumentColumn columns[] = {
    { bp_tr ("Ref"), 0.5, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Risk"), 2.6, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Mitigations"), 3.2, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Resources / support needed"), 2, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Owner"), 1.2, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("L"), 0.35, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("I"), 0.35, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Score"), 0.9, BP_DOCUMENT_ALIGN_CENTRE },
    { bp_tr ("Direction"), 1.2, BP_DOCUMENT_ALIGN_START },
  };

  bp_document_section (doc, "risks", bp_tr ("Risk register"), TRUE);
  if (pack->risks->len == 0)
    {
      bp_document_paragraph (doc, bp_tr ("The risk register is empty."));
      return;
    }
  bp_document_heading (doc, 2, bp_tr ("Heat maps: inherent and current scores"));
  bp_document_figure (doc, 300, draw_heat_maps, pack, summary);

  bp_document_heading (doc, 2, bp_tr ("The register"));
  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < pack->risks->len; i++)
    {
      BpRisk *r = pack->risks->pdata[i];
      int score = current_score (r);
      const BpRiskBand *band = bp_risk_band_for_score (pack->bands, score);
      g_autofree char *mitigations = mitigations_text (pack, pack->mitigations->pdata[i]);
      GStrv links = pack->risk_links->pdata[i];
      g_autofree char *joined = g_strjoinv (", ", links);
      g_autofree char *title = links[0] ? g_strdup_printf ("%s\n%s %s", r->title, bp_tr ("Linked actions:"), joined)
                                        : g_strdup (r->title);
      g_autofree char *l = g_strdup_printf ("%d", r->current_l);
      g_autofree char *im = g_strdup_printf ("%d", r->current_i);
      g_autofree char *score_text = band ? g_strdup_printf ("%d\n%s", score, band->name)
                                         : g_strdup (bp_tr ("Not scored"));
      const char *direction = "—";

      if (pack->previous_scores)
        {
          gpointer previous;

          if (g_hash_table_lookup_extended (pack->previous_scores, &r->id, NULL, &previous))
            {
              BpDirection d = bp_risk_direction (GPOINTER_TO_INT (previous), score);

              direction = d == BP_DIRECTION_IMPROVED ? bp_tr ("↓ Decreasing")
                        : d == BP_DIRECTION_DETERIORATED ? bp_tr ("↑ Increasing")
                        : d == BP_DIRECTION_SUSTAINED ? bp_tr ("→ Unchanged") : "—";
            }
          else
            direction = bp_tr ("New");
        }
      bp_document_table_row (doc, (BpDocumentCell[]) {
        { r->ref, NULL, TRUE },
        { title, NULL, FALSE },
        { mitigations, NULL, FALSE },
        { or_dash (r->resources), NULL, FALSE },
        { or_dash (r->owner_name), NULL, FALSE },
        { l, NULL, FALSE },
        { im, NULL, FALSE },
        { score_text, band ? band->colour : NULL, TRUE },
        { direction, NULL, FALSE } });
    }
  bp_document_table_end (doc);
}

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

/* The periods the scorecard shows: the latest few across all measures. */
static GPtrArray *
scorecard_periods (BpPack *pack)
{
  g_autoptr (GHashTable) ends = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *periods = g_ptr_array_new ();
  g_autoptr (GList) keys = NULL;

  for (guint i = 0; i < pack->values->len; i++)
    {
      GPtrArray *values = pack->values->pdata[i];

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
  /* Oldest first, by the end date of the period (a handful of periods). */
  for (guint i = 1; i < periods->len; i++)
    for (guint j = i; j > 0; j--)
      {
        const char *a = g_hash_table_lookup (ends, periods->pdata[j - 1]);
        const char *b = g_hash_table_lookup (ends, periods->pdata[j]);

        if (strcmp (a, b) <= 0)
          break;
        {
          gpointer t = periods->pdata[j - 1];

          periods->pdata[j - 1] = periods->pdata[j];
          periods->pdata[j] = t;
        }
      }
  if (periods->len > SCORECARD_PERIODS)
    g_ptr_array_remove_range (periods, 0, periods->len - SCORECARD_PERIODS);
  return periods;
}

static void
section_scorecard (BpDocument *doc, BpPack *pack)
{
  g_autoptr (GPtrArray) periods = NULL;
  g_autofree BpDocumentColumn *columns = NULL;
  g_autofree BpDocumentCell *cells = NULL;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  guint n_columns;

  bp_document_section (doc, "scorecard", bp_tr ("Scorecard"), TRUE);
  if (pack->measures->len == 0)
    {
      bp_document_paragraph (doc, bp_tr ("The scorecard has no measures yet."));
      return;
    }
  periods = scorecard_periods (pack);
  n_columns = 4 + periods->len;
  columns = g_new0 (BpDocumentColumn, n_columns);
  cells = g_new0 (BpDocumentCell, n_columns);
  columns[0] = (BpDocumentColumn) { bp_tr ("Measure"), 3.2, BP_DOCUMENT_ALIGN_START };
  for (guint p = 0; p < periods->len; p++)
    columns[1 + p] = (BpDocumentColumn) { periods->pdata[p], 1, BP_DOCUMENT_ALIGN_CENTRE };
  columns[1 + periods->len] = (BpDocumentColumn) { bp_tr ("Target"), 1, BP_DOCUMENT_ALIGN_CENTRE };
  columns[2 + periods->len] = (BpDocumentColumn) { bp_tr ("Direction"), 1.2, BP_DOCUMENT_ALIGN_START };
  columns[3 + periods->len] = (BpDocumentColumn) { bp_tr ("Comparison"), 1.6, BP_DOCUMENT_ALIGN_START };

  bp_document_paragraph (doc, bp_tr ("Each value carries its RAG against the measure's target: G on or "
                                "better than target, A within tolerance, R outside it. The "
                                "direction compares the latest value with the one before it."));
  bp_document_table_begin (doc, columns, n_columns);
  for (guint i = 0; i < pack->measures->len; i++)
    {
      BpMeasure *m = pack->measures->pdata[i];
      GPtrArray *values = pack->values->pdata[i];
      BpMeasureValue *last = NULL, *before = NULL;

      g_ptr_array_set_size (texts, 0);
      cells[0] = (BpDocumentCell) { m->title, NULL, TRUE };
      for (guint p = 0; p < periods->len; p++)
        {
          BpMeasureValue *found = NULL;

          for (guint j = 0; j < values->len; j++)
            if (g_str_equal (((BpMeasureValue *) values->pdata[j])->period, periods->pdata[p]))
              found = values->pdata[j];
          if (found == NULL || isnan (found->value))
            cells[1 + p] = (BpDocumentCell) { bp_tr ("No value"), NULL, FALSE };
          else
            {
              BpKpiRag rag = bp_kpi_rag (m, found->value);
              g_autofree char *value = bp_chart_format_value (m, found->value);
              char *text = rag == BP_KPI_RAG_NONE
                             ? g_strdup (value)
                             : g_strdup_printf ("%s\n%s", value, bp_kpi_rag_label (rag));
              char *fill = rag == BP_KPI_RAG_NONE ? NULL
                                                  : bp_colours_to_string (bp_colours_kpi_rag (rag));

              g_ptr_array_add (texts, text);
              if (fill)
                g_ptr_array_add (texts, fill);
              cells[1 + p] = (BpDocumentCell) { text, fill, FALSE };
            }
        }
      for (guint j = 0; j < values->len; j++)
        {
          BpMeasureValue *v = values->pdata[j];

          if (isnan (v->value))
            continue;
          before = last;
          last = v;
        }
      {
        char *target = isnan (m->target) ? g_strdup (bp_tr ("None")) : bp_chart_format_value (m, m->target);
        BpDirection d = last && before ? bp_kpi_direction (m, before->value, last->value)
                                       : BP_DIRECTION_NONE;

        g_ptr_array_add (texts, target);
        cells[1 + periods->len] = (BpDocumentCell) { target, NULL, FALSE };
        cells[2 + periods->len] = (BpDocumentCell) { bp_direction_label (d), NULL, FALSE };
        cells[3 + periods->len] = (BpDocumentCell) { or_dash (m->comparator), NULL, FALSE };
      }
      bp_document_table_row (doc, cells);
    }
  bp_document_table_end (doc);

  bp_document_heading (doc, 2, bp_tr ("Trends"));
  for (guint i = 0; i < pack->measures->len; i++)
    {
      TrendData trend = { pack->measures->pdata[i], pack->values->pdata[i] };
      g_autofree char *summary = bp_chart_kpi_trend_summary (trend.measure, trend.values);

      /* The heading stays with its chart and the chart's summary. */
      bp_document_ensure_space (doc, 150 + 80);
      bp_document_heading (doc, 3, trend.measure->title);
      bp_document_figure (doc, 150, draw_trend, &trend, summary);
    }
}

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

static void
section_milestones (BpDocument *doc, BpPack *pack)
{
  g_autofree char *from = long_date (pack->meeting->date);
  g_autofree char *to = long_date (pack->next_meeting_date);
  g_autofree char *intro = NULL;
  TimelineData timeline = { pack->milestones, pack->meeting->date, pack->next_meeting_date };
  g_autofree char *summary = NULL;
  BpDocumentColumn columns[] = {
    { bp_tr ("Due"), 1, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Milestone"), 4, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Action"), 0.8, BP_DOCUMENT_ALIGN_START },
    { bp_tr ("Owner"), 1.8, BP_DOCUMENT_ALIGN_START },
  };

  bp_document_section (doc, "milestones", bp_tr ("Milestones due before the next meeting"), FALSE);
  intro = pack->next_meeting_known
            ? bp_tr_printf ("Milestones not yet done and due from %s to the next meeting on %s.",
                            from, to)
            : bp_tr_printf ("Milestones not yet done and due from %s to %s, one meeting cycle "
                            "ahead (no later meeting is in the file).", from, to);
  bp_document_paragraph (doc, intro);
  if (pack->milestones->len == 0)
    {
      bp_document_paragraph (doc, bp_tr ("No milestones are due before the next meeting."));
      return;
    }
  summary = bp_chart_milestones_summary (pack->milestones, timeline.from, timeline.to);
  bp_document_figure (doc, MIN (70 + 16 * pack->milestones->len, 260), draw_timeline, &timeline,
                      summary);
  bp_document_table_begin (doc, columns, G_N_ELEMENTS (columns));
  for (guint i = 0; i < pack->milestones->len; i++)
    {
      BpMilestone *m = pack->milestones->pdata[i];
      g_autofree char *due = bp_date_format_uk (m->due_date);
      const char *ref = m->action_id ? g_hash_table_lookup (pack->action_refs, &m->action_id) : NULL;
      const BpAction *a = m->action_id ? find_action (pack, m->action_id) : NULL;

      bp_document_table_row (doc, (BpDocumentCell[]) {
        { due, NULL, FALSE }, { m->title, NULL, FALSE },
        { ref ? ref : bp_tr ("Whole plan"), NULL, FALSE },
        { a ? or_dash (a->owner_name) : "—", NULL, FALSE } });
    }
  bp_document_table_end (doc);
}

void
bp_pack_build (BpDocument *doc, gpointer data)
{
  BpPack *pack = data;
  BpLanguage previous = bp_tr_push (pack->language);

  section_cover (doc, pack);
  bp_document_contents (doc);
  section_front_sheet (doc, pack);
  section_dashboard (doc, pack);
  section_movement (doc, pack);
  section_exceptions (doc, pack);
  section_plan (doc, pack);
  section_risks (doc, pack);
  section_scorecard (doc, pack);
  section_milestones (doc, pack);
  bp_tr_pop (previous);
}

BpLanguage
bp_pack_get_language (BpPack *pack)
{
  g_return_val_if_fail (pack != NULL, BP_LANGUAGE_EN);
  return pack->language;
}

void
bp_pack_get_document_info (BpPack *pack, BpDocumentInfo *out_info)
{
  const char *board;
  BpLanguage previous;

  g_return_if_fail (pack != NULL && out_info != NULL);
  previous = bp_tr_push (pack->language);
  board = pack->programme->board ? pack->programme->board : pack->programme->title;
  if (pack->title == NULL)
    {
      g_autofree char *date = long_date (pack->meeting->date);

      pack->title = bp_tr_printf ("%s: board pack for %s", board, date);
      pack->footer = g_strdup_printf ("%s · %s", board, date);
    }
  memset (out_info, 0, sizeof *out_info);
  out_info->title = pack->title;
  out_info->author = pack->programme->organisations ? pack->programme->organisations : board;
  out_info->subject = pack->programme->title;
  out_info->keywords = bp_tr ("board pack, improvement plan, RAG, risk register, scorecard");
  out_info->language = bp_language_tag (pack->language);
  out_info->text_language = pack->language;
  out_info->footer = pack->footer;
  bp_tr_pop (previous);
}

gboolean
bp_pack_render_pdf (BpPack *pack, const char *path, GError **error)
{
  BpDocumentInfo info;

  g_return_val_if_fail (pack != NULL && path != NULL, FALSE);
  bp_pack_get_document_info (pack, &info);
  return bp_document_render_pdf (path, &info, bp_pack_build, pack, error);
}

gboolean
bp_pack_write_pdf (BpDb *db, const char *path, const BpPackOptions *options, GError **error)
{
  g_autoptr (BpPack) pack = bp_pack_load (db, options, error);

  return pack != NULL && bp_pack_render_pdf (pack, path, error);
}
