/* test-query.c: the queries the window and the pack ask. */
#include "bp-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  BpDb *db;
  BpTestIds ids;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = bp_test_tmpdir ();
  f->path = g_build_filename (f->dir, "plan.boardpack", NULL);
  f->db = bp_test_small_programme (f->path, &f->ids);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  bp_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static guint
count_actions (Fixture *f, const BpActionFilter *filter, const char *first_ref)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = bp_db_list_actions (f->db, filter, &error);

  g_assert_no_error (error);
  if (first_ref)
    {
      g_assert_cmpuint (rows->len, >, 0);
      g_assert_cmpstr (((BpAction *) rows->pdata[0])->ref, ==, first_ref);
    }
  return rows->len;
}

static void
test_filters (Fixture *f, gconstpointer data)
{
  BpActionFilter by_priority = BP_ACTION_FILTER_INIT;
  BpActionFilter by_owner = BP_ACTION_FILTER_INIT;
  BpActionFilter by_rag = BP_ACTION_FILTER_INIT;
  BpActionFilter overdue = BP_ACTION_FILTER_INIT;
  BpActionFilter due_soon = BP_ACTION_FILTER_INIT;
  BpActionFilter combined = BP_ACTION_FILTER_INIT;

  g_assert_cmpuint (count_actions (f, NULL, "1.1"), ==, 3);

  by_priority.priority_id = f->ids.p2;
  g_assert_cmpuint (count_actions (f, &by_priority, "2.1"), ==, 1);

  by_owner.owner_id = f->ids.alice;
  g_assert_cmpuint (count_actions (f, &by_owner, "1.1"), ==, 2);

  by_rag.rag_mask = (1u << BP_RAG_RED) | (1u << BP_RAG_AMBER);
  g_assert_cmpuint (count_actions (f, &by_rag, "1.2"), ==, 1);

  /* 1.1 (green, due 31 March) is overdue at the end of June; 2.1 is
   * complete, so it is not, though its date has passed. */
  overdue.overdue_as_of = "2025-06-30";
  g_assert_cmpuint (count_actions (f, &overdue, "1.1"), ==, 1);
  overdue.overdue_as_of = "2025-03-31";
  g_assert_cmpuint (count_actions (f, &overdue, NULL), ==, 0);

  due_soon.due_from = "2025-07-01";
  due_soon.due_within_days = 91;
  g_assert_cmpuint (count_actions (f, &due_soon, "1.2"), ==, 1);
  due_soon.due_within_days = 30;
  g_assert_cmpuint (count_actions (f, &due_soon, NULL), ==, 0);

  combined.owner_id = f->ids.alice;
  combined.rag_mask = 1u << BP_RAG_BLUE;
  g_assert_cmpuint (count_actions (f, &combined, "2.1"), ==, 1);
}

static void
test_latest_update_columns (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpUpdate first = { 0, f->ids.a12, "2025-02-01", "Bob Lead", BP_RAG_AMBER, "Advert out", NULL };
  BpUpdate second = { 0, f->ids.a12, "2025-05-01", "Bob Lead", BP_RAG_RED, "No appointable candidates",
                      "Agency cover to the board" };
  g_autoptr (GPtrArray) rows = NULL;
  BpAction *a;

  g_assert_true (bp_db_add_update (f->db, &second, &error));
  g_assert_true (bp_db_add_update (f->db, &first, &error));
  rows = bp_db_list_actions (f->db, NULL, &error);
  a = rows->pdata[1];
  g_assert_cmpstr (a->ref, ==, "1.2");
  g_assert_cmpstr (a->priority_code, ==, "P1");
  g_assert_cmpstr (a->owner_name, ==, "Bob Lead");
  g_assert_cmpstr (a->organisation_name, ==, NULL);
  g_assert_cmpstr (a->latest_date, ==, "2025-05-01");
  g_assert_cmpstr (a->latest_commentary, ==, "No appointable candidates");
  g_assert_cmpstr (a->latest_next_steps, ==, "Agency cover to the board");
  g_assert_null (((BpAction *) rows->pdata[0])->latest_date);
}

static void
test_search (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpActionFilter filter = BP_ACTION_FILTER_INIT;
  BpUpdate u = { 0, f->ids.a21, "2025-05-01", NULL, BP_RAG_BLUE,
                 "Charter signed at the Café conference", NULL };

  g_assert_true (bp_db_add_update (f->db, &u, &error));

  filter.search = "psychologists";
  g_assert_cmpuint (count_actions (f, &filter, "1.2"), ==, 1);
  /* Prefixes, any case. */
  filter.search = "PSYCH";
  g_assert_cmpuint (count_actions (f, &filter, "1.2"), ==, 1);
  /* Found through an update's commentary, accents ignored. */
  filter.search = "cafe";
  g_assert_cmpuint (count_actions (f, &filter, "2.1"), ==, 1);
  /* All words must match. */
  filter.search = "local offer";
  g_assert_cmpuint (count_actions (f, &filter, "1.1"), ==, 1);
  filter.search = "local psychologists";
  g_assert_cmpuint (count_actions (f, &filter, NULL), ==, 0);
  /* A reference, and punctuation that is FTS5 syntax, are plain text. */
  filter.search = "1.2";
  g_assert_cmpuint (count_actions (f, &filter, "1.2"), >=, 1);
  filter.search = "\"unbalanced (quote* AND";
  g_assert_cmpuint (count_actions (f, &filter, NULL), ==, 0);
  filter.search = "   ";
  g_assert_cmpuint (count_actions (f, &filter, NULL), ==, 3);

  /* The index follows edits. */
  {
    g_autoptr (BpAction) a = bp_db_get_action (f->db, f->ids.a11, &error);

    g_free (a->title);
    a->title = g_strdup ("Relaunch the parent portal");
    g_assert_true (bp_db_update_action (f->db, a, &error));
    filter.search = "offer";
    g_assert_cmpuint (count_actions (f, &filter, NULL), ==, 0);
    filter.search = "portal";
    g_assert_cmpuint (count_actions (f, &filter, "1.1"), ==, 1);
  }
}

static void
test_summary (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpSummary s;
  BpMilestone m = { 0, f->ids.a11, "Draft published", "2025-07-15", NULL };

  g_assert_true (bp_db_insert_milestone (f->db, &m, &error));
  g_assert_true (bp_db_summary (f->db, "2025-06-30", &s, &error));
  g_assert_no_error (error);
  g_assert_cmpint (s.priorities, ==, 2);
  g_assert_cmpint (s.actions, ==, 3);
  g_assert_cmpint (s.by_rag[BP_RAG_GREEN], ==, 1);
  g_assert_cmpint (s.by_rag[BP_RAG_RED], ==, 1);
  g_assert_cmpint (s.by_rag[BP_RAG_BLUE], ==, 1);
  g_assert_cmpint (s.by_rag[BP_RAG_AMBER], ==, 0);
  g_assert_cmpint (s.overdue, ==, 1);
  g_assert_cmpint (s.milestones, ==, 1);
  g_assert_true (bp_db_summary (f->db, "2025-12-31", &s, &error));
  g_assert_cmpint (s.overdue, ==, 2);
}

static gint64
meeting_snapshot (Fixture *f, const char *date)
{
  g_autoptr (GError) error = NULL;
  BpMeeting m = { 0 };
  gint64 id;

  m.date = (char *) date;
  g_assert_true (bp_db_insert_meeting (f->db, &m, &error));
  id = bp_db_take_snapshot (f->db, m.id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gboolean
has_ref (GPtrArray *items, const char *ref)
{
  for (guint i = 0; i < items->len; i++)
    if (g_str_equal (((BpMovementItem *) items->pdata[i])->ref, ref))
      return TRUE;
  return FALSE;
}

static void
test_movement (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpMovement) m = NULL;
  BpRisk *risk = bp_risk_new ();
  gint64 first, second;
  gboolean replaced = TRUE;

  risk->ref = g_strdup ("R1");
  risk->title = g_strdup ("Specialist places run out");
  risk->current_l = 3;
  risk->current_i = 4;
  g_assert_true (bp_db_insert_risk (f->db, risk, &error));
  /* 1.2 starts amber and due in September, 1.1 green and due in March. */
  {
    BpUpdate u = { 0, f->ids.a12, "2025-04-01", NULL, BP_RAG_AMBER, "Recovering", NULL };

    g_assert_true (bp_db_add_update (f->db, &u, &error));
  }
  first = meeting_snapshot (f, "2025-03-15");

  {
    BpUpdate down = { 0, f->ids.a11, "2025-04-20", NULL, BP_RAG_RED, "Supplier failed", NULL };
    BpUpdate done = { 0, f->ids.a12, "2025-04-21", NULL, BP_RAG_BLUE, "All posts filled", NULL };

    g_assert_true (bp_db_add_update (f->db, &down, &error));
    g_assert_true (bp_db_add_update (f->db, &done, &error));
  }
  risk->current_l = 4;
  g_assert_true (bp_db_update_risk (f->db, risk, &error));
  second = meeting_snapshot (f, "2025-05-01");

  /* The snapshot froze each action's latest update. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT u.commentary FROM snapshot_action s"
                                            " JOIN progress_update u ON u.id = s.latest_update_id"
                                            " WHERE s.snapshot_id = %" G_GINT64_FORMAT
                                            " AND s.action_id = %" G_GINT64_FORMAT,
                                            second, f->ids.a12);
    g_autofree char *latest = bp_test_sql_text (f->path, sql);

    g_assert_cmpstr (latest, ==, "All posts filled");
  }

  m = bp_db_movement (f->db, first, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (m->from_date, ==, "2025-03-15");
  g_assert_cmpstr (m->to_date, ==, "2025-05-01");
  g_assert_cmpuint (m->worsened->len, ==, 1);
  g_assert_true (has_ref (m->worsened, "1.1"));
  g_assert_cmpint (((BpMovementItem *) m->worsened->pdata[0])->from_rag, ==, BP_RAG_GREEN);
  g_assert_cmpuint (m->completed->len, ==, 1);
  g_assert_true (has_ref (m->completed, "1.2"));
  g_assert_cmpuint (m->improved->len, ==, 0);
  /* 1.1 was due on 31 March: not overdue on 15 March, overdue on 1 May. */
  g_assert_cmpuint (m->newly_overdue->len, ==, 1);
  g_assert_true (has_ref (m->newly_overdue, "1.1"));
  g_assert_cmpuint (m->risks_up->len, ==, 1);
  g_assert_cmpint (((BpMovementItem *) m->risks_up->pdata[0])->from_score, ==, 12);
  g_assert_cmpint (((BpMovementItem *) m->risks_up->pdata[0])->to_score, ==, 16);
  g_assert_cmpuint (m->risks_down->len, ==, 0);

  /* Snapshots freeze: later edits do not change what was compared. */
  {
    BpUpdate up = { 0, f->ids.a11, "2025-06-01", NULL, BP_RAG_GREEN, "Back on track", NULL };
    g_autoptr (BpMovement) again = NULL;

    g_assert_true (bp_db_add_update (f->db, &up, &error));
    again = bp_db_movement (f->db, first, second, &error);
    g_assert_cmpuint (again->worsened->len, ==, 1);
  }

  /* Retaking a meeting's snapshot replaces it. */
  {
    g_autoptr (BpMeeting) meeting = bp_db_find_meeting (f->db, "2025-05-01", &error);

    g_assert_cmpint (bp_db_take_snapshot (f->db, meeting->id, &replaced, &error), >, 0);
    g_assert_true (replaced);
    g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot"), ==, 2);
  }
  bp_risk_free (risk);
}

static void
test_lists (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpMeasure *measure = bp_measure_new ();
  g_autoptr (GPtrArray) bands = bp_db_list_risk_bands (f->db, &error);
  g_autoptr (GPtrArray) values = NULL;
  g_autoptr (GPtrArray) priorities = bp_db_list_priorities (f->db, &error);
  const char *periods[][2] = { { "Sep-24", "2024-09-30" }, { "Sep-23", "2023-09-30" },
                               { "Mar-24", "2024-03-31" } };
  double numbers[] = { 94.4, 2.6, NAN };

  g_assert_cmpuint (bands->len, ==, 4);
  g_assert_cmpstr (bp_risk_band_for_score (bands, 20)->name, ==, "Very high");
  g_assert_cmpstr (bp_risk_band_for_score (bands, 9)->name, ==, "Medium");
  g_assert_cmpuint (priorities->len, ==, 2);
  g_assert_cmpstr (((BpPriority *) priorities->pdata[0])->code, ==, "P1");

  measure->title = g_strdup ("20-week timeliness including exceptions");
  measure->unit = g_strdup ("%");
  measure->target = 60;
  measure->tolerance = 10;
  g_assert_true (bp_db_insert_measure (f->db, measure, &error));
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      BpMeasureValue v = { 0, measure->id, (char *) periods[i][0], (char *) periods[i][1],
                           numbers[i], NULL };

      g_assert_true (bp_db_insert_measure_value (f->db, &v, &error));
    }
  values = bp_db_list_measure_values (f->db, measure->id, &error);
  g_assert_cmpuint (values->len, ==, 3);
  /* In period order, and "no value" stays no value, not zero. */
  g_assert_cmpstr (((BpMeasureValue *) values->pdata[0])->period, ==, "Sep-23");
  g_assert_true (isnan (((BpMeasureValue *) values->pdata[1])->value));
  g_assert_cmpfloat (((BpMeasureValue *) values->pdata[2])->value, ==, 94.4);
  g_assert_cmpint (bp_kpi_rag (measure, ((BpMeasureValue *) values->pdata[0])->value), ==,
                   BP_KPI_RAG_RED);
  g_assert_cmpint (bp_kpi_rag (measure, ((BpMeasureValue *) values->pdata[2])->value), ==,
                   BP_KPI_RAG_GREEN);
  bp_measure_free (measure);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/query/filters", test_filters);
  ADD ("/query/latest-update-columns", test_latest_update_columns);
  ADD ("/query/search", test_search);
  ADD ("/query/summary", test_summary);
  ADD ("/query/movement", test_movement);
  ADD ("/query/lists", test_lists);
#undef ADD
  return g_test_run ();
}
