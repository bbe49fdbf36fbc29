/* test-state.c: the programme as a pack shows it, live and as a
 * snapshot froze it; the version 1 snapshots a migration reconstructs. */
#include <gio/gio.h>
#include <string.h>

#include "bp-db-private.h"
#include "bp-db-risk.h"
#include "bp-sample.h"
#include "bp-state.h"
#include "bp-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  BpDb *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = bp_test_tmpdir ();
  f->path = g_build_filename (f->dir, "plan.boardpack", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  bp_test_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static BpState *
load_state (BpDb *db, gint64 snapshot_id)
{
  g_autoptr (GError) error = NULL;
  BpState *state = bp_db_load_state (db, snapshot_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (state);
  return state;
}

static gint64
add_meeting (BpDb *db, const char *date)
{
  g_autoptr (GError) error = NULL;
  BpMeeting m = { 0 };

  m.date = (char *) date;
  g_assert_true (bp_db_insert_meeting (db, &m, &error));
  g_assert_no_error (error);
  return m.id;
}

static void
add_update (BpDb *db, gint64 action, const char *date, BpRag rag, const char *commentary,
            const char *asks)
{
  g_autoptr (GError) error = NULL;
  BpUpdate u = { 0 };

  u.action_id = action;
  u.date = (char *) date;
  u.rag = rag;
  u.commentary = (char *) commentary;
  u.asks = (char *) asks;
  g_assert_true (bp_db_add_update (db, &u, &error));
  g_assert_no_error (error);
}

static const BpAction *
action_by_ref (const BpState *state, const char *ref)
{
  for (guint i = 0; i < state->actions->len; i++)
    if (g_str_equal (((BpAction *) state->actions->pdata[i])->ref, ref))
      return state->actions->pdata[i];
  g_assert_not_reached ();
}

/* The small programme with a bit of everything a pack shows. */
typedef struct
{
  BpTestIds ids;
  gint64 risk, mitigation, milestone, measure, meeting;
} Programme;

static void
write_programme (Fixture *f, Programme *p)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpRisk) risk = bp_risk_new ();
  g_autoptr (GPtrArray) mitigations = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_mitigation_free);
  g_autoptr (GArray) links = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (BpMeasure) measure = bp_measure_new ();
  g_autoptr (BpMeasureValue) value = bp_measure_value_new ();
  BpMitigation *mitigation = g_new0 (BpMitigation, 1);
  BpMilestone milestone = { 0 };

  f->db = bp_test_small_programme (f->path, &p->ids);
  add_update (f->db, p->ids.a12, "2025-03-01", BP_RAG_AMBER, "Adverts out", NULL);
  add_update (f->db, p->ids.a12, "2025-03-20", BP_RAG_RED, "No applicants", "Agree a market supplement");
  add_update (f->db, p->ids.a12, "2025-03-28", BP_RAG_RED, "Still none", "Agree a market supplement now");

  risk->ref = g_strdup ("R1");
  risk->title = g_strdup ("Workforce");
  risk->owner_id = p->ids.bob;
  risk->current_l = 4;
  risk->current_i = 4;
  mitigation->description = g_strdup ("Grow our own");
  mitigation->owner_id = p->ids.alice;
  mitigation->status = g_strdup ("planned");
  g_ptr_array_add (mitigations, mitigation);
  g_array_append_val (links, p->ids.a12);
  g_assert_true (bp_db_save_risk (f->db, risk, mitigations, links, &error));
  g_assert_no_error (error);
  p->risk = risk->id;
  p->mitigation = mitigation->id;

  milestone.action_id = p->ids.a12;
  milestone.title = (char *) "Posts offered";
  milestone.due_date = (char *) "2025-05-01";
  g_assert_true (bp_db_insert_milestone (f->db, &milestone, &error));
  p->milestone = milestone.id;

  measure->title = g_strdup ("EHCPs issued in 20 weeks");
  measure->unit = g_strdup ("%");
  measure->target = 60;
  g_assert_true (bp_db_insert_measure (f->db, measure, &error));
  p->measure = measure->id;
  value->measure_id = measure->id;
  value->period = g_strdup ("Feb-25");
  value->period_end = g_strdup ("2025-02-28");
  value->value = 41;
  g_assert_true (bp_db_insert_measure_value (f->db, value, &error));
  g_assert_no_error (error);

  p->meeting = add_meeting (f->db, "2025-04-08");
}

/* What the pack of a meeting shows is what its snapshot froze, however
 * the programme has moved on since. */
static void
test_frozen (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  Programme p;
  g_autoptr (BpState) live = NULL;
  g_autoptr (BpState) before = NULL;
  g_autoptr (BpState) after = NULL;
  g_autoptr (BpAction) a = NULL;
  g_autoptr (BpRisk) risk = NULL;
  g_autoptr (BpMitigation) mitigation = NULL;
  g_autoptr (BpMilestone) milestone = NULL;
  g_autoptr (BpPriority) priority = NULL;
  g_autoptr (BpPerson) alice = NULL;
  g_autoptr (GPtrArray) bands = NULL;
  g_autoptr (BpMeasureValue) value = bp_measure_value_new ();
  gint64 snapshot;
  const BpAction *x;

  write_programme (f, &p);
  snapshot = bp_db_take_snapshot (f->db, p.meeting, NULL, &error);
  g_assert_no_error (error);
  before = load_state (f->db, snapshot);
  g_assert_cmpint (before->frozen, ==, BP_STATE_FROZEN);
  g_assert_nonnull (before->taken_at);

  /* Everything moves on. */
  add_update (f->db, p.ids.a12, "2025-04-20", BP_RAG_GREEN, "Three posts filled", NULL);
  a = bp_db_get_action (f->db, p.ids.a12, &error);
  g_free (a->title);
  a->title = g_strdup ("Recruit and keep educational psychologists");
  g_free (a->revised_due_date);
  a->revised_due_date = g_strdup ("2025-12-31");
  g_free (a->due_date);
  a->due_date = g_strdup ("2025-10-31");
  a->owner_id = p.ids.alice;
  g_assert_true (bp_db_update_action (f->db, a, &error));
  alice = bp_db_get_person (f->db, p.ids.alice, &error);
  g_free (alice->name);
  alice->name = g_strdup ("Alice Renamed");
  g_assert_true (bp_db_update_person (f->db, alice, &error));
  risk = bp_db_get_risk (f->db, p.risk, &error);
  risk->current_l = 2;
  risk->current_i = 3;
  g_free (risk->title);
  risk->title = g_strdup ("Workforce supply");
  g_assert_true (bp_db_update_risk (f->db, risk, &error));
  mitigation = bp_db_get_mitigation (f->db, p.mitigation, &error);
  g_free (mitigation->status);
  mitigation->status = g_strdup ("done");
  g_assert_true (bp_db_update_mitigation (f->db, mitigation, &error));
  g_assert_true (bp_db_unlink_risk_action (f->db, p.risk, p.ids.a12, &error));
  milestone = bp_db_get_milestone (f->db, p.milestone, &error);
  milestone->done_date = g_strdup ("2025-04-30");
  g_assert_true (bp_db_update_milestone (f->db, milestone, &error));
  value->measure_id = p.measure;
  value->period = g_strdup ("Mar-25");
  value->period_end = g_strdup ("2025-03-31");
  value->value = 48;
  g_assert_true (bp_db_insert_measure_value (f->db, value, &error));
  priority = bp_db_get_priority (f->db, p.ids.p1, &error);
  g_free (priority->title);
  priority->title = g_strdup ("Leadership and governance");
  g_assert_true (bp_db_update_priority (f->db, priority, &error));
  bands = bp_db_list_risk_bands (f->db, &error);
  g_free (((BpRiskBand *) bands->pdata[0])->name);
  ((BpRiskBand *) bands->pdata[0])->name = g_strdup ("Minor");
  g_assert_true (bp_db_update_risk_band (f->db, bands->pdata[0], &error));
  g_assert_true (bp_db_delete_action (f->db, p.ids.a11, &error));
  g_assert_no_error (error);

  /* The live state moved. */
  live = load_state (f->db, 0);
  g_assert_cmpint (live->frozen, ==, BP_STATE_LIVE);
  g_assert_cmpuint (live->actions->len, ==, 2);
  x = action_by_ref (live, "1.2");
  g_assert_cmpint (x->rag, ==, BP_RAG_GREEN);
  g_assert_cmpstr (x->owner_name, ==, "Alice Renamed");
  g_assert_cmpstr (x->rag_since, ==, "2025-04-20");
  g_assert_cmpstr (((BpMilestone *) live->milestones->pdata[0])->done_date, ==, "2025-04-30");
  g_assert_cmpuint (((GPtrArray *) live->values->pdata[0])->len, ==, 2);
  g_assert_cmpstr (((BpMitigation *) ((GPtrArray *) live->mitigations->pdata[0])->pdata[0])->owner_name,
                   ==, "Alice Renamed");

  /* The snapshot did not, field by field. */
  after = load_state (f->db, snapshot);
  g_assert_cmpint (after->frozen, ==, BP_STATE_FROZEN);
  g_assert_cmpstr (after->taken_at, ==, before->taken_at);
  g_assert_cmpuint (after->actions->len, ==, 3);
  x = action_by_ref (after, "1.2");
  g_assert_cmpint (x->id, ==, p.ids.a12);
  g_assert_cmpstr (x->title, ==, "Recruit educational psychologists");
  g_assert_cmpint (x->rag, ==, BP_RAG_RED);
  g_assert_cmpstr (x->due_date, ==, "2025-09-30");
  g_assert_null (x->revised_due_date);
  g_assert_cmpstr (x->owner_name, ==, "Bob Lead");
  g_assert_cmpstr (x->organisation_name, ==, NULL);
  g_assert_cmpstr (x->priority_code, ==, "P1");
  g_assert_cmpstr (x->latest_date, ==, "2025-03-28");
  g_assert_cmpstr (x->latest_commentary, ==, "Still none");
  g_assert_cmpstr (x->latest_asks, ==, "Agree a market supplement now");
  g_assert_cmpstr (x->rag_since, ==, "2025-03-20");
  g_assert_cmpstr (action_by_ref (after, "1.1")->title, ==, "Publish the Local Offer refresh");
  g_assert_cmpstr (((BpAction *) after->actions->pdata[0])->ref, ==, "1.1"); /* plan order */
  g_assert_cmpstr (((BpPriority *) after->priorities->pdata[0])->title, ==, "Leadership");
  g_assert_cmpuint (after->milestones->len, ==, 1);
  g_assert_null (((BpMilestone *) after->milestones->pdata[0])->done_date);
  g_assert_cmpuint (after->risks->len, ==, 1);
  g_assert_cmpstr (((BpRisk *) after->risks->pdata[0])->title, ==, "Workforce");
  g_assert_cmpint (((BpRisk *) after->risks->pdata[0])->current_l, ==, 4);
  g_assert_cmpint (((BpRisk *) after->risks->pdata[0])->current_i, ==, 4);
  g_assert_cmpstr (((BpRisk *) after->risks->pdata[0])->owner_name, ==, "Bob Lead");
  g_assert_cmpuint (((GPtrArray *) after->mitigations->pdata[0])->len, ==, 1);
  {
    const BpMitigation *m = ((GPtrArray *) after->mitigations->pdata[0])->pdata[0];

    g_assert_cmpstr (m->status, ==, "planned");
    g_assert_cmpstr (m->owner_name, ==, "Alice Owner");
    g_assert_cmpstr (m->description, ==, "Grow our own");
  }
  g_assert_cmpuint (g_strv_length (after->risk_links->pdata[0]), ==, 1);
  g_assert_cmpstr (((char **) after->risk_links->pdata[0])[0], ==, "1.2");
  g_assert_cmpuint (after->bands->len, ==, 4);
  g_assert_cmpstr (((BpRiskBand *) after->bands->pdata[0])->name, ==, "Low");
  g_assert_cmpuint (after->measures->len, ==, 1);
  g_assert_cmpfloat (((BpMeasure *) after->measures->pdata[0])->target, ==, 60);
  g_assert_cmpuint (((GPtrArray *) after->values->pdata[0])->len, ==, 1);
  g_assert_cmpfloat (((BpMeasureValue *) ((GPtrArray *) after->values->pdata[0])->pdata[0])->value, ==, 41);

  /* The movement's "newly overdue" still reads the date that applied. */
  {
    g_autofree char *due = bp_test_sql_text (f->path, "SELECT due_date FROM snapshot_action WHERE ref = '1.2'");

    g_assert_cmpstr (due, ==, "2025-09-30");
  }
}

/* Re-taking a meeting's snapshot replaces every row of the old one. */
static void
test_retake (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpState) state = NULL;
  Programme p;
  gboolean replaced = FALSE;
  gint64 first, second;

  write_programme (f, &p);
  first = bp_db_take_snapshot (f->db, p.meeting, NULL, &error);
  add_update (f->db, p.ids.a12, "2025-04-20", BP_RAG_GREEN, "Three posts filled", NULL);
  second = bp_db_take_snapshot (f->db, p.meeting, &replaced, &error);
  g_assert_no_error (error);
  g_assert_true (replaced);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot_action"), ==, 3);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot_milestone"), ==, 1);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot_risk_band"), ==, 4);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot_measure_value"), ==, 1);
  state = load_state (f->db, second);
  g_assert_cmpint (action_by_ref (state, "1.2")->rag, ==, BP_RAG_GREEN);
  if (first != second)
    {
      g_autoptr (BpState) gone = bp_db_load_state (f->db, first, &error);

      g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
      g_assert_null (gone);
    }

  /* Undoing a snapshot takes back every row it froze. */
  bp_db_set_undo_enabled (f->db, TRUE);
  g_assert_cmpint (bp_db_take_snapshot (f->db, p.meeting, NULL, &error), >, 0);
  g_assert_true (bp_db_undo (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot_action"), ==, 3);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot_risk_band"), ==, 4);
  g_clear_pointer (&state, bp_state_free);
  state = load_state (f->db, second);
  g_assert_cmpint (action_by_ref (state, "1.2")->rag, ==, BP_RAG_GREEN);

  /* Deleting the meeting takes the snapshot's rows with it. */
  g_assert_true (bp_db_delete_meeting (f->db, p.meeting, &error));
  g_assert_cmpint (bp_test_sql_int (f->path,
                                    "SELECT (SELECT count(*) FROM snapshot_action)"
                                    " + (SELECT count(*) FROM snapshot_priority)"
                                    " + (SELECT count(*) FROM snapshot_milestone)"
                                    " + (SELECT count(*) FROM snapshot_risk)"
                                    " + (SELECT count(*) FROM snapshot_mitigation)"
                                    " + (SELECT count(*) FROM snapshot_risk_band)"
                                    " + (SELECT count(*) FROM snapshot_measure)"
                                    " + (SELECT count(*) FROM snapshot_measure_value)"),
                   ==, 0);
}

static void
test_unknown (Fixture *f, gconstpointer data)
{

  g_autoptr (GError) error = NULL;
  g_autoptr (BpState) state = NULL;
  BpTestIds ids;

  /* A caller's bug is a critical, not a crash. */
  if (g_test_undefined ())
    {
      g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*: assertion*failed");
      g_assert_null (bp_db_load_state (NULL, 0, NULL));
      g_test_assert_expected_messages ();
      bp_state_free (NULL);
    }
  f->db = bp_test_small_programme (f->path, &ids);
  state = bp_db_load_state (f->db, 42, &error);
  g_assert_null (state);
  g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "No snapshot with id 42"));
}

/* An update's asks of the board, and the RAG an action has held since. */
static void
test_asks (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) updates = NULL;
  g_autoptr (GPtrArray) actions = NULL;
  g_autoptr (BpState) state = NULL;
  BpTestIds ids;
  const BpAction *a;

  f->db = bp_test_small_programme (f->path, &ids);
  state = load_state (f->db, 0);
  g_assert_null (action_by_ref (state, "1.2")->rag_since);
  add_update (f->db, ids.a12, "2025-01-10", BP_RAG_RED, "Nobody applied", NULL);
  add_update (f->db, ids.a12, "2025-02-10", BP_RAG_AMBER, "Two applied", NULL);
  add_update (f->db, ids.a12, "2025-03-10", BP_RAG_RED, "Both withdrew", "Approve agency cover");
  add_update (f->db, ids.a12, "2025-04-10", BP_RAG_RED, "No change", "Approve agency cover now");
  /* Entered late, but dated earlier: not the latest. */
  add_update (f->db, ids.a12, "2025-03-01", BP_RAG_GREEN, "Interviews booked", "Nothing");

  updates = bp_db_list_updates (f->db, ids.a12, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (updates->len, ==, 5);
  g_assert_cmpstr (((BpUpdate *) updates->pdata[0])->asks, ==, "Approve agency cover now");
  g_assert_null (((BpUpdate *) updates->pdata[4])->asks);
  actions = bp_db_list_actions (f->db, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < actions->len; i++)
    {
      a = actions->pdata[i];
      if (a->id != ids.a12)
        {
          g_assert_null (a->latest_asks);
          g_assert_null (a->rag_since);
          continue;
        }
      g_assert_cmpstr (a->latest_asks, ==, "Approve agency cover now");
      g_assert_cmpstr (a->rag_since, ==, "2025-03-10");
    }
  /* The asks are audited like the rest of the update. */
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM audit WHERE entity = 'progress_update'"
                                             " AND op = 'delete'"), ==, 0);
  g_assert_true (bp_db_delete_action (f->db, ids.a12, &error));
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM audit WHERE entity = 'progress_update'"
                                             " AND op = 'delete' AND old_value ->> 'asks' = 'Approve agency cover now'"),
                   ==, 1);
}

/* The sample's April board: what its snapshot holds, as it was. */
static void
test_sample_april (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpState) state = NULL;
  g_autoptr (BpMeeting) meeting = NULL;
  g_autofree char *taken_day = NULL;
  int by_rag[BP_RAG_COUNT] = { 0 };
  gint64 snapshot;
  char sql[256];
  int n_done_later = 0;

  f->db = bp_sample_write (f->path, &error);
  g_assert_no_error (error);
  meeting = bp_db_find_meeting (f->db, "2025-04-08", &error);
  g_assert_no_error (error);
  g_snprintf (sql, sizeof sql, "SELECT id FROM snapshot WHERE meeting_id = %" G_GINT64_FORMAT,
              meeting->id);
  snapshot = bp_test_sql_int (f->path, sql);
  state = load_state (f->db, snapshot);
  g_assert_cmpint (state->frozen, ==, BP_STATE_FROZEN);
  /* The working day before the board, at the end of the office day. */
  g_assert_cmpstr (state->taken_at, ==, "2025-04-07T16:00:00Z");
  taken_day = g_strndup (state->taken_at, 10);

  g_assert_cmpuint (state->actions->len, ==, 143);
  for (guint i = 0; i < state->actions->len; i++)
    {
      const BpAction *a = state->actions->pdata[i];

      by_rag[a->rag]++;
      g_assert_true (a->latest_date == NULL || strcmp (a->latest_date, taken_day) <= 0);
      g_assert_true (a->rag_since == NULL || strcmp (a->rag_since, a->latest_date) <= 0);
      g_assert_nonnull (a->title);
      g_assert_nonnull (a->owner_name);
    }
  for (BpRag r = 0; r < BP_RAG_COUNT; r++)
    {
      char letter = bp_rag_to_letter (r);

      g_snprintf (sql, sizeof sql,
                  "SELECT count(*) FROM snapshot_action WHERE snapshot_id = %" G_GINT64_FORMAT
                  " AND rag = '%c'", snapshot, letter);
      g_assert_cmpint (by_rag[r], ==, bp_test_sql_int (f->path, sql));
    }
  /* Each live action's RAG since, against its history walked back. */
  {
    g_autoptr (BpState) live = load_state (f->db, 0);

    for (guint i = 0; i < live->actions->len; i++)
      {
        const BpAction *a = live->actions->pdata[i];
        g_autoptr (GPtrArray) updates = bp_db_list_updates (f->db, a->id, &error);
        const char *since = NULL;

        for (guint k = 0; k < updates->len; k++)
          {
            const BpUpdate *u = updates->pdata[k]; /* newest first */

            if (u->rag != a->rag)
              break;
            since = u->date;
          }
        g_assert_cmpstr (a->rag_since, ==, since);
      }
  }
  /* Milestones done after it show open. */
  for (guint i = 0; i < state->milestones->len; i++)
    {
      const BpMilestone *m = state->milestones->pdata[i];
      g_autofree char *done = NULL;

      g_snprintf (sql, sizeof sql, "SELECT done_date FROM milestone WHERE id = %" G_GINT64_FORMAT,
                  m->id);
      done = bp_test_sql_text (f->path, sql);
      if (done && strcmp (done, taken_day) > 0)
        {
          g_assert_null (m->done_date);
          n_done_later++;
        }
      else
        g_assert_cmpstr (m->done_date, ==, done);
    }
  g_assert_cmpint (n_done_later, >, 0);
  /* No value of a period that had not been reported by then. */
  for (guint i = 0; i < state->values->len; i++)
    {
      GPtrArray *values = state->values->pdata[i];

      for (guint k = 0; k < values->len; k++)
        {
          const BpMeasureValue *v = values->pdata[k];
          g_autofree char *reported = bp_date_add_days (v->period_end, 21);

          g_assert_cmpstr (reported, <=, taken_day);
        }
    }
  g_snprintf (sql, sizeof sql,
              "SELECT count(*) FROM measure_value WHERE date(period_end, '+21 days') > '%s'",
              taken_day);
  g_assert_cmpint (bp_test_sql_int (f->path, sql), >, 0);
}

/* Decompresses the version 1 sample fixture to @path. */
static void
write_v1_fixture (const char *path)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "sample-v1.boardpack.gz", NULL);
  g_autoptr (GFile) in = g_file_new_for_path (fixture);
  g_autoptr (GFile) out = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (GInputStream) raw = G_INPUT_STREAM (g_file_read (in, NULL, &error));
  g_autoptr (GZlibDecompressor) gunzip = NULL;
  g_autoptr (GInputStream) stream = NULL;
  g_autoptr (GOutputStream) dest = NULL;

  g_assert_no_error (error);
  gunzip = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_GZIP);
  stream = g_converter_input_stream_new (raw, G_CONVERTER (gunzip));
  dest = G_OUTPUT_STREAM (g_file_replace (out, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_splice (dest, stream, G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE
                                          | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, &error);
  g_assert_no_error (error);
}

/* "table.column type" for every column of the plan's tables, sorted: a
 * migrated file and a new one must agree. */
static char *
columns_of (const char *path)
{
  return bp_test_sql_text (path,
                           "SELECT group_concat(c, ' ') FROM (SELECT m.name || '.' || p.name || ':'"
                           " || p.type || ':' || p.\"notnull\" || ':' || p.pk AS c"
                           " FROM sqlite_schema m, pragma_table_info(m.name) p"
                           " WHERE m.type = 'table' AND m.name NOT LIKE '%fts%'"
                           " AND m.name NOT LIKE 'sqlite_%' ORDER BY c)");
}

static void
test_migrate_v1 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpState) april = NULL;
  g_autofree char *new_path = g_build_filename (f->dir, "new.boardpack", NULL);
  g_autofree char *migrated_columns = NULL;
  g_autofree char *new_columns = NULL;
  g_autofree char *audit_before = NULL;
  g_autofree char *audit_after = NULL;
  int n_audit, rags[5];
  static const char *const rag_sql[] = {
    "SELECT count(*) FROM snapshot_action WHERE snapshot_id = 1 AND rag = 'R'",
    "SELECT count(*) FROM snapshot_action WHERE snapshot_id = 1 AND rag = 'A'",
    "SELECT count(*) FROM snapshot_action WHERE snapshot_id = 1 AND rag = 'G'",
    "SELECT count(*) FROM snapshot_action WHERE snapshot_id = 1 AND rag = 'B'",
    "SELECT count(*) FROM snapshot_action WHERE snapshot_id = 1 AND rag = 'N'",
  };
  int by_rag[BP_RAG_COUNT] = { 0 };

  write_v1_fixture (f->path);
  g_assert_cmpint (bp_test_sql_int (f->path, "PRAGMA user_version"), ==, 1);
  n_audit = bp_test_sql_int (f->path, "SELECT count(*) FROM audit");
  audit_before = bp_test_sql_text (f->path, "SELECT group_concat(id || op || entity || coalesce(field, ''), ',') FROM audit");
  for (guint i = 0; i < 5; i++)
    rags[i] = bp_test_sql_int (f->path, rag_sql[i]);
  /* The v1 sample's April snapshot: R9 A32 G58 B17 N27. */
  g_assert_cmpint (rags[0], ==, 9);
  g_assert_cmpint (rags[3], ==, 17);

  f->db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bp_db_get_backup_path (f->db));
  g_assert_cmpint (bp_test_sql_int (bp_db_get_backup_path (f->db), "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (bp_test_sql_int (f->path, "PRAGMA user_version"), ==, BP_SCHEMA_VERSION);
  {
    g_autofree char *integrity = bp_test_sql_text (f->path, "PRAGMA integrity_check");

    g_assert_cmpstr (integrity, ==, "ok");
  }
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  /* The log survives whole, and the upgrade adds nothing to it. */
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM audit"), ==, n_audit);
  audit_after = bp_test_sql_text (f->path, "SELECT group_concat(id || op || entity || coalesce(field, ''), ',') FROM audit");
  g_assert_cmpstr (audit_after, ==, audit_before);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'v1_%'"), ==, 0);
  for (guint i = 0; i < 5; i++)
    g_assert_cmpint (bp_test_sql_int (f->path, rag_sql[i]), ==, rags[i]);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot WHERE frozen = 1"), ==, 3);

  /* A migrated file has the columns a new one has. */
  g_clear_object (&f->db);
  {
    g_autoptr (BpDb) fresh = bp_db_create (new_path, "New", &error);

    g_assert_no_error (error);
  }
  migrated_columns = columns_of (f->path);
  new_columns = columns_of (new_path);
  g_assert_cmpstr (migrated_columns, ==, new_columns);

  /* The April snapshot reads as the board saw it, as well as the file
   * can tell. */
  f->db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  april = load_state (f->db, 1);
  g_assert_cmpint (april->frozen, ==, BP_STATE_RECONSTRUCTED);
  g_assert_cmpuint (april->actions->len, ==, 143);
  g_assert_cmpuint (april->priorities->len, ==, 8);
  g_assert_cmpuint (april->risks->len, ==, 14);
  g_assert_cmpuint (april->bands->len, ==, 4);
  for (guint i = 0; i < april->actions->len; i++)
    {
      const BpAction *a = april->actions->pdata[i];

      by_rag[a->rag]++;
      g_assert_nonnull (a->title);
      g_assert_nonnull (a->priority_code);
      g_assert_true (a->latest_date == NULL || strcmp (a->latest_date, "2025-04-08") <= 0);
      if (a->latest_date)
        g_assert_nonnull (a->rag_since);
    }
  g_assert_cmpint (by_rag[BP_RAG_RED], ==, rags[0]);
  g_assert_cmpint (by_rag[BP_RAG_AMBER], ==, rags[1]);
  g_assert_cmpint (by_rag[BP_RAG_GREEN], ==, rags[2]);
  g_assert_cmpint (by_rag[BP_RAG_BLUE], ==, rags[3]);
  g_assert_cmpint (by_rag[BP_RAG_NOT_STARTED], ==, rags[4]);
  /* The risks' scores are the frozen ones, and their L and I agree. */
  for (guint i = 0; i < april->risks->len; i++)
    {
      const BpRisk *r = april->risks->pdata[i];
      char sql[160];

      g_snprintf (sql, sizeof sql, "SELECT score FROM snapshot_risk WHERE snapshot_id = 1"
                                   " AND risk_id = %" G_GINT64_FORMAT, r->id);
      g_assert_cmpint (r->current_l * r->current_i, ==, bp_test_sql_int (f->path, sql));
    }
  /* Writes after the upgrade are audited with the new columns. */
  add_update (f->db, april->actions->len ? ((BpAction *) april->actions->pdata[0])->id : 0,
              "2025-07-10", BP_RAG_GREEN, "Fine", "Note the progress");
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM audit"), ==, n_audit + 1
                   + bp_test_sql_int (f->path, "SELECT count(*) FROM audit WHERE entity = 'action'"
                                               " AND id > (SELECT max(id) FROM audit WHERE entity = 'progress_update')"));
  g_assert_cmpint (bp_db_take_snapshot (f->db, 1, NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT frozen FROM snapshot WHERE meeting_id = 1"), ==, 2);
}

/* An upgrade that fails half-way leaves the version 1 file as it was. */
static void
test_migrate_v1_failure (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = NULL;
  sqlite3 *raw = NULL;
  int n_triggers, n_audit;

  write_v1_fixture (f->path);
  /* Another program's table where version 2 puts one of its own. */
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "CREATE TABLE snapshot_measure (x)", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (raw);
  n_triggers = bp_test_sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'");
  n_audit = bp_test_sql_int (f->path, "SELECT count(*) FROM audit");

  db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "cannot upgrade from version 1"));
  g_assert_cmpint (bp_test_sql_int (f->path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM pragma_table_info('progress_update')"
                                             " WHERE name = 'asks'"), ==, 0);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM pragma_table_info('snapshot')"
                                             " WHERE name = 'frozen'"), ==, 0);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name IN"
                                             " ('snapshot_priority', 'v1_audit_row')"), ==, 0);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'"),
                   ==, n_triggers);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM audit"), ==, n_audit);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot_action"), ==, 3 * 143);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/state/frozen", test_frozen);
  ADD ("/state/retake", test_retake);
  ADD ("/state/unknown", test_unknown);
  ADD ("/state/asks", test_asks);
  ADD ("/state/sample-april", test_sample_april);
  ADD ("/state/migrate-v1", test_migrate_v1);
  ADD ("/state/migrate-v1-failure", test_migrate_v1_failure);
#undef ADD
  return g_test_run ();
}
