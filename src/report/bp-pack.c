/* bp-pack.c: the board pack. Everything the pack shows is read once by
 * bp_pack_load(), from the meeting's snapshot when it has one (so that
 * the pack of a past meeting reads the same however the plan moved on),
 * or else from the programme as it stands, marked as a draft on every
 * page. bp_pack_build() then writes the sections in the order boards
 * read them: the summary and what the board is asked to decide first,
 * the detail after, the full plan as an appendix. */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "bp-chart.h"
#include "bp-colours.h"
#include "bp-pack-private.h"
#include "bp-rules.h"
#include "bp-translate.h"

/* The pack's fixed text is in the pack's language (bp-translate.h),
 * whatever the locale: English, Welsh, or Welsh then English. */

/* ------------------------------------------------------------ loading */

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
  g_free (pack->banner);
  g_clear_pointer (&pack->actions_by_id, g_hash_table_unref);
  g_clear_pointer (&pack->org_short, g_hash_table_unref);
  g_clear_pointer (&pack->org_names, g_ptr_array_unref);
  g_clear_pointer (&pack->previous_rags, g_hash_table_unref);
  g_clear_pointer (&pack->previous_scores, g_hash_table_unref);
  g_clear_pointer (&pack->milestones_due, g_ptr_array_unref);
  g_clear_pointer (&pack->milestones_missed, g_ptr_array_unref);
  g_clear_pointer (&pack->actions_due, g_ptr_array_unref);
  g_clear_pointer (&pack->movement, bp_movement_free);
  g_clear_pointer (&pack->previous, bp_state_free);
  g_clear_pointer (&pack->state, bp_state_free);
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

/* This meeting's snapshot (0 when it has none) and the latest snapshot of
 * a meeting before it (0 when none), with that meeting's date. */
static gboolean
choose_snapshots (BpPack *pack, BpDb *db, gint64 *out_this, gint64 *out_previous, GError **error)
{
  g_autoptr (GPtrArray) snapshots = bp_db_list_snapshots (db, error);

  if (snapshots == NULL)
    return FALSE;
  *out_this = *out_previous = 0;
  for (guint i = 0; i < snapshots->len; i++)
    {
      BpSnapshot *s = snapshots->pdata[i];

      if (g_str_equal (s->meeting_date, pack->meeting->date))
        *out_this = s->id;
      else if (strcmp (s->meeting_date, pack->meeting->date) < 0)
        {
          *out_previous = s->id;
          g_free (pack->previous_meeting_date);
          pack->previous_meeting_date = g_strdup (s->meeting_date);
        }
    }
  return TRUE;
}

static const char *
effective_due (const BpAction *a)
{
  return a->revised_due_date ? a->revised_due_date : a->due_date;
}

/* The initials of an organisation's capitalised words, outside any
 * brackets: "Wessex Bay Council (Children's Services)" is "WBC". */
static char *
initials (const char *name)
{
  GString *s = g_string_new (NULL);
  int depth = 0;
  gboolean at_word = TRUE;

  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      depth += c == '(' ? 1 : c == ')' && depth > 0 ? -1 : 0;
      if (depth == 0 && at_word && g_unichar_isupper (c))
        g_string_append_unichar (s, c);
      at_word = g_unichar_isspace (c) || c == '-' || c == '/';
    }
  if (s->len < 2)
    {
      g_string_free (s, TRUE);
      return g_strdup (name);
    }
  return g_string_free (s, FALSE);
}

/* A short form for each organisation the actions name, unique in the
 * pack: its initials, then a number when two share them. */
static void
shorten_organisations (BpPack *pack)
{
  g_autoptr (GHashTable) taken = g_hash_table_new (g_str_hash, g_str_equal);

  pack->org_short = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  pack->org_names = g_ptr_array_new ();
  for (guint i = 0; i < pack->state->actions->len; i++)
    {
      BpAction *a = pack->state->actions->pdata[i];
      g_autofree char *base = NULL;
      char *form;

      if (a->organisation_name == NULL || g_hash_table_contains (pack->org_short, a->organisation_name))
        continue;
      base = initials (a->organisation_name);
      form = g_strdup (base);
      for (int n = 2; g_hash_table_contains (taken, form); n++)
        {
          g_free (form);
          form = g_strdup_printf ("%s%d", base, n);
        }
      g_hash_table_add (taken, form);
      g_hash_table_insert (pack->org_short, a->organisation_name, form);
      g_ptr_array_add (pack->org_names, a->organisation_name);
    }
}

/* Indexes the state: counts, the previous snapshot's statuses and scores,
 * and the milestones and actions the milestones section lists. */
static void
index_state (BpPack *pack)
{
  BpState *s = pack->state;
  const char *from = pack->meeting->date;
  const char *to = pack->next_meeting_date;

  pack->actions_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  pack->actions_due = g_ptr_array_new ();
  for (guint i = 0; i < s->actions->len; i++)
    {
      BpAction *a = s->actions->pdata[i];
      const char *due = effective_due (a);

      g_hash_table_insert (pack->actions_by_id, &a->id, a);
      pack->rag_counts[a->rag]++;
      if (bp_pack_is_overdue (pack, a))
        pack->overdue++;
      if (a->rag != BP_RAG_BLUE && due && strcmp (due, from) >= 0 && strcmp (due, to) <= 0)
        g_ptr_array_add (pack->actions_due, a);
    }

  pack->milestones_due = g_ptr_array_new ();
  pack->milestones_missed = g_ptr_array_new ();
  for (guint i = 0; i < s->milestones->len; i++)
    {
      BpMilestone *m = s->milestones->pdata[i];

      if (m->done_date || m->due_date == NULL)
        continue;
      if (strcmp (m->due_date, from) < 0)
        g_ptr_array_add (pack->milestones_missed, m);
      else if (strcmp (m->due_date, to) <= 0)
        g_ptr_array_add (pack->milestones_due, m);
    }

  pack->previous_rags = g_hash_table_new (g_int64_hash, g_int64_equal);
  pack->previous_scores = g_hash_table_new (g_int64_hash, g_int64_equal);
  if (pack->previous == NULL)
    return;
  for (guint i = 0; i < pack->previous->actions->len; i++)
    {
      BpAction *a = pack->previous->actions->pdata[i];

      g_hash_table_insert (pack->previous_rags, &a->id, GINT_TO_POINTER (a->rag + 1));
    }
  for (guint i = 0; i < pack->previous->risks->len; i++)
    {
      BpRisk *r = pack->previous->risks->pdata[i];

      g_hash_table_insert (pack->previous_scores, &r->id,
                           GINT_TO_POINTER (bp_risk_score (r->current_l, r->current_i) + 1));
    }
}

BpPack *
bp_pack_load (BpDb *db, const BpPackOptions *options, GError **error)
{
  g_autoptr (BpPack) pack = g_new0 (BpPack, 1);
  g_autoptr (GPtrArray) meetings = NULL;
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

  if (!choose_snapshots (pack, db, &this_snapshot, &previous_snapshot, error)
      || !(pack->state = bp_db_load_state (db, this_snapshot, error)))
    return NULL;
  pack->has_snapshot = this_snapshot != 0;
  if (previous_snapshot && !(pack->previous = bp_db_load_state (db, previous_snapshot, error)))
    return NULL;
  if (this_snapshot && previous_snapshot
      && !(pack->movement = bp_db_movement (db, previous_snapshot, this_snapshot, error)))
    return NULL;
  index_state (pack);
  shorten_organisations (pack);
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
char *
bp_pack_long_date (const char *iso)
{
  char *date = bp_date_is_valid (iso) ? bp_tr_date_long (iso) : NULL;

  return date != NULL ? date : g_strdup (iso ? iso : "");
}

const char *
bp_pack_or_dash (const char *text)
{
  return text && *text ? text : "—";
}

char *
bp_pack_rag_fill (BpRag rag)
{
  return bp_colours_to_string (bp_colours_rag (rag));
}

char *
bp_pack_owner_text (BpPack *pack, const char *owner, const char *organisation)
{
  const char *org = organisation ? g_hash_table_lookup (pack->org_short, organisation) : NULL;

  if (org == NULL)
    org = organisation;
  if (owner && org)
    return g_strdup_printf ("%s (%s)", owner, org);
  return g_strdup (bp_pack_or_dash (owner ? owner : org));
}

char *
bp_pack_organisations_key (BpPack *pack)
{
  g_autoptr (GString) key = g_string_new (NULL);

  if (pack->org_names->len == 0)
    return NULL;
  for (guint i = 0; i < pack->org_names->len; i++)
    {
      const char *name = pack->org_names->pdata[i];

      g_string_append_printf (key, "%s%s %s", i ? "; " : "",
                              (const char *) g_hash_table_lookup (pack->org_short, name), name);
    }
  return bp_tr_printf ("Organisations: %s.", key->str);
}

const char *
bp_pack_data_lang (BpPack *pack)
{
  /* The programme's text is taken to be in Welsh when its packs are Welsh
   * by default, and in English otherwise. */
  gboolean welsh_data = g_strcmp0 (pack->programme->language, "cy") == 0;

  if (welsh_data)
    return pack->language == BP_LANGUAGE_EN ? "cy" : NULL;
  return pack->language == BP_LANGUAGE_EN ? NULL : "en-GB";
}

/* A bilingual sentence is each language's sentence with its own dates
 * ("… ar Ddydd Mawrth 1 Gorffennaf 2025 / … on Tuesday 1 July 2025"),
 * never the Welsh date in the English half. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
char *
bp_pack_printf_date2 (const char *msgid, const char *iso, const char *iso2)
{
  if (bp_tr_get_language () == BP_LANGUAGE_BILINGUAL)
    {
      BpLanguage previous = bp_tr_push (BP_LANGUAGE_CY);
      g_autofree char *cy = bp_pack_printf_date2 (msgid, iso, iso2);
      g_autofree char *en = NULL;

      bp_tr_push (BP_LANGUAGE_EN);
      en = bp_pack_printf_date2 (msgid, iso, iso2);
      bp_tr_pop (previous);
      return bp_tr_join (cy, en);
    }
  {
    g_autofree char *date = bp_pack_long_date (iso);
    g_autofree char *date2 = iso2 ? bp_pack_long_date (iso2) : NULL;

    return bp_tr_printf (msgid, date, date2);
  }
}

char *
bp_pack_printf_date (const char *msgid, const char *iso)
{
  return bp_pack_printf_date2 (msgid, iso, NULL);
}

char *
bp_pack_printfn_date (const char *msgid, const char *msgid_plural, int n, const char *iso)
{
  if (bp_tr_get_language () == BP_LANGUAGE_BILINGUAL)
    {
      BpLanguage previous = bp_tr_push (BP_LANGUAGE_CY);
      g_autofree char *cy = bp_pack_printfn_date (msgid, msgid_plural, n, iso);
      g_autofree char *en = NULL;

      bp_tr_push (BP_LANGUAGE_EN);
      en = bp_pack_printfn_date (msgid, msgid_plural, n, iso);
      bp_tr_pop (previous);
      return bp_tr_join (cy, en);
    }
  {
    g_autofree char *date = bp_pack_long_date (iso);

    return bp_trn_printf (msgid, msgid_plural, n, n, date);
  }
}
#pragma GCC diagnostic pop

/* Room for the heading, a table's header row and its first row. */
#define HEADING_ROOM 100

void
bp_pack_heading (BpDocument *doc, const char *text)
{
  bp_document_ensure_space (doc, HEADING_ROOM);
  bp_document_heading (doc, 2, text);
}

void
bp_pack_organisations_note (BpDocument *doc, BpPack *pack)
{
  g_autofree char *key = bp_pack_organisations_key (pack);

  if (key)
    bp_document_paragraph_lang (doc, key, bp_pack_data_lang (pack));
}

const BpAction *
bp_pack_find_action (BpPack *pack, gint64 id)
{
  return g_hash_table_lookup (pack->actions_by_id, &id);
}

gboolean
bp_pack_is_overdue (BpPack *pack, const BpAction *a)
{
  return bp_is_overdue (a->rag, a->due_date, a->revised_due_date, pack->meeting->date);
}

int
bp_pack_previous_rag (BpPack *pack, gint64 action_id)
{
  gpointer v = g_hash_table_lookup (pack->previous_rags, &action_id);

  return v ? GPOINTER_TO_INT (v) - 1 : -1;
}

int
bp_pack_previous_score (BpPack *pack, gint64 risk_id)
{
  gpointer v = g_hash_table_lookup (pack->previous_scores, &risk_id);

  return v ? GPOINTER_TO_INT (v) - 1 : -1;
}

gboolean
bp_pack_is_newly_red (BpPack *pack, const BpAction *a)
{
  int before = bp_pack_previous_rag (pack, a->id);

  return a->rag == BP_RAG_RED && pack->previous != NULL && before != BP_RAG_RED;
}

BpMeasureValue *
bp_pack_latest_value (GPtrArray *values, BpMeasureValue **out_before)
{
  BpMeasureValue *last = NULL, *before = NULL;

  for (guint i = 0; i < values->len; i++)
    {
      BpMeasureValue *v = values->pdata[i];

      if (isnan (v->value))
        continue;
      before = last;
      last = v;
    }
  if (out_before)
    *out_before = before;
  return last;
}

gboolean
bp_pack_measure_off_twice (const BpMeasure *m, GPtrArray *values)
{
  BpMeasureValue *before = NULL;
  BpMeasureValue *last = bp_pack_latest_value (values, &before);

  return last && before && bp_kpi_rag (m, last->value) == BP_KPI_RAG_RED
         && bp_kpi_rag (m, before->value) == BP_KPI_RAG_RED;
}

/* ------------------------------------------------------------- building */

void
bp_pack_build (BpDocument *doc, gpointer data)
{
  BpPack *pack = data;
  BpLanguage previous = bp_tr_push (pack->language);

  bp_pack_section_cover (doc, pack);
  bp_document_contents (doc);
  bp_pack_section_front_sheet (doc, pack);
  bp_pack_section_decisions (doc, pack);
  bp_pack_section_dashboard (doc, pack);
  bp_pack_section_movement (doc, pack);
  bp_pack_section_exceptions (doc, pack);
  bp_pack_section_risks (doc, pack);
  bp_pack_section_scorecard (doc, pack);
  bp_pack_section_milestones (doc, pack);
  bp_pack_section_plan (doc, pack);
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
      g_autofree char *date = bp_pack_long_date (pack->meeting->date);

      pack->title = bp_pack_printf_date ("Board pack for %s", pack->meeting->date);
      {
        g_autofree char *t = g_strdup_printf ("%s: %s", board, pack->title);

        g_free (pack->title);
        pack->title = g_steal_pointer (&t);
      }
      pack->footer = g_strdup_printf ("%s · %s", board, date);
      if (!pack->has_snapshot)
        pack->banner = g_strdup (bp_tr ("DRAFT: the programme as it stands, not a snapshot for "
                                        "the meeting"));
    }
  memset (out_info, 0, sizeof *out_info);
  out_info->title = pack->title;
  out_info->author = pack->programme->organisations ? pack->programme->organisations : board;
  out_info->subject = pack->programme->title;
  out_info->keywords = bp_tr ("board pack, improvement plan, BRAG, risk register, scorecard");
  out_info->language = bp_language_tag (pack->language);
  out_info->text_language = pack->language;
  out_info->footer = pack->footer;
  out_info->banner = pack->banner;
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
