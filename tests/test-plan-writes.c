/* test-plan-writes.c: the core calls behind the window's multi-table
 * writes (a risk with its mitigations and links, a scorecard period) and
 * the Actions filter, whose C form must agree with its SQL. */
#include <string.h>

#include "bp-db-private.h"
#include "bp-db-risk.h"
#include "bp-db-scorecard.h"
#include "bp-sample.h"
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
  g_autoptr (GError) error = NULL;

  f->dir = bp_test_tmpdir ();
  f->path = g_build_filename (f->dir, "plan.boardpack", NULL);
  f->db = bp_sample_write (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->db);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  bp_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* ------------------------------------------------------------- a risk */

/* Everything a risk save can touch, as one string, read by another
 * connection: only committed writes show. */
static char *
risk_tables (Fixture *f)
{
  return bp_test_sql_text (
    f->path,
    "SELECT coalesce((SELECT group_concat(x, ';') FROM (SELECT id || ':' || ref || ':' || title"
    "  AS x FROM risk ORDER BY id)), '')"
    " || '|' || coalesce((SELECT group_concat(x, ';') FROM (SELECT id || ':' || risk_id || ':'"
    "  || description || ':' || position || ':' || coalesce(due_date, '') || ':'"
    "  || coalesce(status, '') AS x FROM mitigation ORDER BY id)), '')"
    " || '|' || coalesce((SELECT group_concat(x, ';') FROM (SELECT risk_id || ':' || action_id"
    "  AS x FROM risk_action ORDER BY risk_id, action_id)), '')"
    " || '|' || (SELECT count(*) FROM audit)");
}

/* @tables without the audit log's count: an undo is in the log too. */
static char *
without_audit (const char *tables)
{
  return g_strndup (tables, strrchr (tables, '|') - tables);
}

static BpMitigation *
mitigation (const char *description, const char *due)
{
  BpMitigation *m = g_new0 (BpMitigation, 1);

  m->description = g_strdup (description);
  m->due_date = g_strdup (due);
  m->status = g_strdup ("planned");
  return m;
}

/* The risk's mitigations, "description@position" in order. */
static char *
mitigations_of (BpDb *db, gint64 risk_id)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = bp_db_list_mitigations (db, risk_id, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const BpMitigation *m = rows->pdata[i];

      g_assert_cmpint (m->risk_id, ==, risk_id);
      g_string_append_printf (out, "%s%s@%d", i ? " " : "", m->description, m->position);
    }
  return g_string_free (out, FALSE);
}

static char *
links_of (BpDb *db, gint64 risk_id)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) refs = bp_db_risk_action_refs (db, risk_id, &error);

  g_assert_no_error (error);
  return g_strjoinv (" ", refs);
}

/* The risk's mitigations are @want ("description@position ...") and its
 * links the actions @first and @second (either may be NULL). */
static void
assert_risk (BpDb *db, gint64 risk_id, const char *want, const char *first, const char *second)
{
  g_autofree char *got = mitigations_of (db, risk_id);
  g_autofree char *linked = links_of (db, risk_id);
  g_autofree char *want_links =
    g_strjoin (" ", first ? first : second, first ? second : NULL, NULL);

  g_assert_cmpstr (got, ==, want);
  g_assert_cmpstr (linked, ==, want_links ? want_links : "");
}

static GArray *
ids (guint n, ...)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (gint64));
  va_list args;

  va_start (args, n);
  for (guint i = 0; i < n; i++)
    {
      gint64 id = va_arg (args, gint64);

      g_array_append_val (array, id);
    }
  va_end (args);
  return array;
}

static void
test_save_risk (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) actions = bp_db_list_actions (f->db, NULL, &error);
  g_autoptr (BpRisk) risk = bp_risk_new ();
  g_autoptr (GPtrArray) mitigations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) bp_mitigation_free);
  g_autoptr (GArray) links = NULL;
  g_autofree char *before = NULL;
  g_autofree char *second = NULL;
  const BpAction *a1, *a2, *a3;
  BpMitigation *m1, *m2, *m3, *m4;
  int n;

  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, >=, 3);
  a1 = actions->pdata[0];
  a2 = actions->pdata[1];
  a3 = actions->pdata[2];
  bp_db_set_undo_enabled (f->db, TRUE);
  before = risk_tables (f);

  /* A new risk with three mitigations and two links. */
  risk->ref = g_strdup ("R99");
  risk->title = g_strdup ("Tribunal appeals rise beyond capacity");
  risk->status = g_strdup ("open");
  risk->current_l = 3;
  risk->current_i = 4;
  m1 = mitigation ("Mediation offered first", "2025-09-30");
  m2 = mitigation ("Second caseworker", NULL);
  m3 = mitigation ("Monthly appeals review", "2025-12-31");
  g_ptr_array_add (mitigations, m1);
  g_ptr_array_add (mitigations, m2);
  g_ptr_array_add (mitigations, m3);
  links = ids (2, a1->id, a2->id);
  g_assert_true (bp_db_save_risk (f->db, risk, mitigations, links, &error));
  g_assert_no_error (error);
  g_assert_cmpint (risk->id, >, 0);
  g_assert_cmpint (m1->id, >, 0);
  g_assert_cmpint (m2->id, >, 0);
  g_assert_cmpint (m3->id, >, 0);
  assert_risk (f->db, risk->id,
               "Mediation offered first@1 Second caseworker@2 Monthly appeals review@3", a1->ref,
               a2->ref);

  /* One undo step takes all of it back; redo brings it again. */
  g_assert_true (bp_db_undo (f->db, &error));
  g_assert_no_error (error);
  {
    g_autofree char *now = risk_tables (f);
    g_autofree char *got = without_audit (now);
    g_autofree char *want = without_audit (before);

    g_assert_cmpstr (got, ==, want);
  }
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM risk WHERE ref = 'R99'"), ==, 0);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM mitigation WHERE risk_id NOT IN"
                                             " (SELECT id FROM risk)"), ==, 0);
  g_assert_true (bp_db_redo (f->db, &error));
  g_assert_no_error (error);
  assert_risk (f->db, risk->id,
               "Mediation offered first@1 Second caseworker@2 Monthly appeals review@3", a1->ref,
               a2->ref);

  /* Reordered, one removed, one added; a link removed, one added. */
  m4 = mitigation ("Appeals data to the board", "2026-01-31");
  g_ptr_array_steal_index (mitigations, 1); /* m2 */
  g_ptr_array_steal_index (mitigations, 0); /* m1 */
  bp_mitigation_free (m2);
  g_ptr_array_add (mitigations, m1);
  g_ptr_array_add (mitigations, m4);
  g_array_unref (links);
  links = ids (2, a3->id, a2->id);
  g_free (risk->title);
  risk->title = g_strdup ("Tribunal appeals rise beyond the team's capacity");
  g_assert_true (bp_db_save_risk (f->db, risk, mitigations, links, &error));
  g_assert_no_error (error);
  g_assert_cmpint (m4->id, >, 0);
  assert_risk (f->db, risk->id,
               "Monthly appeals review@1 Mediation offered first@2 Appeals data to the board@3",
               a2->ref, a3->ref);
  second = risk_tables (f);

  /* One undo step: the first save's state, whole. */
  g_assert_true (bp_db_undo (f->db, &error));
  g_assert_no_error (error);
  assert_risk (f->db, risk->id,
               "Mediation offered first@1 Second caseworker@2 Monthly appeals review@3", a1->ref,
               a2->ref);
  {
    g_autofree char *title = bp_test_sql_text (f->path, "SELECT title FROM risk WHERE ref = 'R99'");

    g_assert_cmpstr (title, ==, "Tribunal appeals rise beyond capacity");
  }
  g_assert_true (bp_db_redo (f->db, &error));
  g_assert_no_error (error);
  g_clear_pointer (&second, g_free);
  second = risk_tables (f);

  /* A failure at any step leaves the file and the caller's ids as they
   * were; with none, the save goes through. */
  g_ptr_array_remove_index (mitigations, 2); /* m4, freed */
  g_ptr_array_insert (mitigations, 0, mitigation ("Parent carer forum review", NULL));
  g_array_unref (links);
  links = ids (1, a1->id);
  g_free (risk->title);
  risk->title = g_strdup ("Appeals backlog");
  for (n = 1; n <= 40; n++)
    {
      g_autofree char *now = NULL;

      bp_db_inject_failure (f->db, n);
      if (bp_db_save_risk (f->db, risk, mitigations, links, &error))
        break;
      g_assert_error (error, BP_ERROR, BP_ERROR_IO);
      g_clear_error (&error);
      now = risk_tables (f);
      g_assert_cmpstr (now, ==, second);
      g_assert_cmpint (((BpMitigation *) mitigations->pdata[0])->id, ==, 0);
    }
  bp_db_inject_failure (f->db, 0);
  g_assert_cmpint (n, >, 5);   /* the save has several steps to fail */
  g_assert_cmpint (n, <=, 40); /* and it succeeds once none fails */
  assert_risk (f->db, risk->id,
               "Parent carer forum review@1 Monthly appeals review@2 Mediation offered first@3",
               a1->ref, NULL);
  g_assert_true (bp_db_undo (f->db, &error));
  g_assert_no_error (error);
  {
    g_autofree char *now = risk_tables (f);
    g_autofree char *got = without_audit (now);
    g_autofree char *want = without_audit (second);

    g_assert_cmpstr (got, ==, want);
  }
}

/* A save that fails on a rule (a reference taken) writes nothing. */
static void
test_save_risk_invalid (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) risks = bp_db_list_risks (f->db, &error);
  g_autoptr (BpRisk) risk = bp_risk_new ();
  g_autoptr (GPtrArray) mitigations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) bp_mitigation_free);
  g_autofree char *before = risk_tables (f);
  g_autofree char *after = NULL;

  g_assert_cmpuint (risks->len, >, 0);
  risk->ref = g_strdup (((BpRisk *) risks->pdata[0])->ref);
  risk->title = g_strdup ("A second risk of the same reference");
  g_ptr_array_add (mitigations, mitigation ("Never written", NULL));
  g_assert_false (bp_db_save_risk (f->db, risk, mitigations, NULL, &error));
  g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
  g_assert_cmpint (risk->id, ==, 0);
  g_assert_cmpint (((BpMitigation *) mitigations->pdata[0])->id, ==, 0);
  after = risk_tables (f);
  g_assert_cmpstr (after, ==, before);
}

/* ----------------------------------------------------------- a period */

static char *
value_rows (Fixture *f)
{
  return bp_test_sql_text (
    f->path,
    "SELECT coalesce((SELECT group_concat(x, ';') FROM (SELECT id || ':' || measure_id || ':'"
    "  || period || ':' || period_end || ':' || coalesce(value, 'none') || ':'"
    "  || coalesce(note, '') AS x FROM measure_value ORDER BY id)), '')"
    " || '|' || (SELECT count(*) FROM audit)");
}

static BpMeasureValue *
value (gint64 measure_id, double v, const char *note)
{
  BpMeasureValue *row = bp_measure_value_new ();

  row->measure_id = measure_id;
  row->value = v;
  row->note = g_strdup (note);
  return row;
}

static int
period_count (Fixture *f, const char *period)
{
  g_autofree char *sql =
    g_strdup_printf ("SELECT count(*) FROM measure_value WHERE period = '%s'", period);

  return bp_test_sql_int (f->path, sql);
}

static void
test_add_period (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) measures = bp_db_list_measures (f->db, &error);
  g_autoptr (GPtrArray) values =
    g_ptr_array_new_with_free_func ((GDestroyNotify) bp_measure_value_free);
  g_autofree char *before = NULL;
  g_autofree char *added = NULL;
  gint64 m1, m2, m3;
  int n;

  g_assert_no_error (error);
  g_assert_cmpuint (measures->len, >=, 3);
  m1 = ((BpMeasure *) measures->pdata[0])->id;
  m2 = ((BpMeasure *) measures->pdata[1])->id;
  m3 = ((BpMeasure *) measures->pdata[2])->id;
  bp_db_set_undo_enabled (f->db, TRUE);
  before = value_rows (f);

  g_ptr_array_add (values, value (m1, 94.4, NULL));
  g_ptr_array_add (values, value (m2, 12, "Provisional"));
  g_ptr_array_add (values, value (m3, NAN, NULL)); /* recorded without a value */
  g_assert_true (bp_db_add_period (f->db, "Sep-29", "2029-09-30", values, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < values->len; i++)
    {
      BpMeasureValue *v = values->pdata[i];
      g_autoptr (BpMeasureValue) stored = bp_db_get_measure_value (f->db, v->id, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (stored->period, ==, "Sep-29");
      g_assert_cmpstr (stored->period_end, ==, "2029-09-30");
      g_assert_cmpint (stored->measure_id, ==, v->measure_id);
      g_assert_cmpstr (stored->note, ==, v->note);
      if (isnan (v->value))
        g_assert_true (isnan (stored->value));
      else
        g_assert_cmpfloat_with_epsilon (stored->value, v->value, 1e-9);
    }
  g_assert_cmpint (period_count (f, "Sep-29"), ==, 3);
  added = value_rows (f);

  /* One undo step. */
  g_assert_true (bp_db_undo (f->db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (period_count (f, "Sep-29"), ==, 0);
  {
    g_autofree char *now = value_rows (f);
    g_autofree char *got = without_audit (now);
    g_autofree char *want = without_audit (before);

    g_assert_cmpstr (got, ==, want);
  }
  g_assert_true (bp_db_redo (f->db, &error));
  g_assert_cmpint (period_count (f, "Sep-29"), ==, 3);
  g_clear_pointer (&added, g_free);
  added = value_rows (f);

  /* A failure at any step writes none of the period's values. */
  g_ptr_array_set_size (values, 0);
  g_ptr_array_add (values, value (m1, 95.0, NULL));
  g_ptr_array_add (values, value (m2, 11, NULL));
  g_ptr_array_add (values, value (m3, 3, NULL));
  for (n = 1; n <= 30; n++)
    {
      g_autofree char *now = NULL;

      bp_db_inject_failure (f->db, n);
      if (bp_db_add_period (f->db, "Oct-29", "2029-10-31", values, &error))
        break;
      g_assert_error (error, BP_ERROR, BP_ERROR_IO);
      g_clear_error (&error);
      now = value_rows (f);
      g_assert_cmpstr (now, ==, added);
      for (guint i = 0; i < values->len; i++)
        g_assert_cmpint (((BpMeasureValue *) values->pdata[i])->id, ==, 0);
    }
  bp_db_inject_failure (f->db, 0);
  g_assert_cmpint (n, >, 3);
  g_assert_cmpint (n, <=, 30);
  g_assert_cmpint (period_count (f, "Oct-29"), ==, 3);

  /* A measure that has the period already fails the whole period. */
  g_ptr_array_set_size (values, 0);
  g_ptr_array_add (values, value (m3, 4, NULL));
  g_ptr_array_add (values, value (m1, 96.0, NULL));
  g_assert_true (bp_db_add_period (f->db, "Nov-29", "2029-11-30", values, &error));
  g_clear_pointer (&added, g_free);
  added = value_rows (f);
  g_ptr_array_set_size (values, 0);
  g_ptr_array_add (values, value (m2, 10, NULL));
  g_ptr_array_add (values, value (m1, 97.0, NULL));
  g_assert_false (bp_db_add_period (f->db, "Nov-29", "2029-11-30", values, &error));
  g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *now = value_rows (f);

    g_assert_cmpstr (now, ==, added);
  }
  g_assert_cmpint (period_count (f, "Nov-29"), ==, 2);
}

/* ------------------------------------------------------- the filter */

/* The filter's C form over the whole list, as the Actions list runs it,
 * against its SQL, as `boardpack` and a search run it: the same actions
 * in the same order. Returns how many passed. */
static guint
check_filter (BpDb *db, GPtrArray *all, const BpActionFilter *filter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) by_sql = bp_db_list_actions (db, filter, &error);
  g_autofree char *due_to = NULL;
  GString *sql_ids = g_string_new (NULL);
  GString *c_ids = g_string_new (NULL);
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (bp_action_filter_due_to (filter, &due_to, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < by_sql->len; i++)
    g_string_append_printf (sql_ids, "%s ", ((BpAction *) by_sql->pdata[i])->ref);
  for (guint i = 0; i < all->len; i++)
    if (bp_action_filter_matches (filter, all->pdata[i], due_to))
      {
        g_string_append_printf (c_ids, "%s ", ((BpAction *) all->pdata[i])->ref);
        n++;
      }
  /* An empty filter keeps every action. */
  if (bp_action_filter_is_empty (filter))
    g_assert_cmpuint (n, ==, all->len);
  if (!g_str_equal (sql_ids->str, c_ids->str))
    g_test_message ("filter: priority %" G_GINT64_FORMAT " owner %" G_GINT64_FORMAT
                    " rag %#x overdue %s due %s+%d",
                    filter->priority_id, filter->owner_id, filter->rag_mask,
                    filter->overdue_as_of, filter->due_from, filter->due_within_days);
  g_assert_cmpstr (c_ids->str, ==, sql_ids->str);
  g_assert_cmpuint (n, ==, by_sql->len);
  g_string_free (sql_ids, TRUE);
  g_string_free (c_ids, TRUE);
  return n;
}

static void
test_filter_agrees (Fixture *f, gconstpointer data)
{
  static const char *const dates[] = { NULL, "2024-12-31", "2025-03-31", "2025-05-30",
                                       "2025-06-30", "2025-09-30", "2026-04-01" };
  static const int windows[] = { -1, 0, 30, 90 };
  static const guint masks[] = { 0,
                                 1u << BP_RAG_RED,
                                 1u << BP_RAG_BLUE,
                                 (1u << BP_RAG_RED) | (1u << BP_RAG_AMBER),
                                 (1u << BP_RAG_NOT_STARTED) | (1u << BP_RAG_GREEN)
                                   | (1u << BP_RAG_BLUE) };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = NULL;
  g_autoptr (GPtrArray) priorities = bp_db_list_priorities (f->db, &error);
  g_autoptr (GPtrArray) people = bp_db_list_people (f->db, &error);
  g_autoptr (GArray) priority_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) owner_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_filters = 0, n_partial = 0;
  gint64 none = 0;

  g_assert_no_error (error);

  /* Edges the sample may lack: an action with no date, one whose
   * revised date is past while its first date is not, and one due on
   * the last day of a window. */
  {
    const BpPriority *p = priorities->pdata[0];
    BpAction a = { 0 };

    a.ref = "9.1";
    a.priority_id = p->id;
    a.title = "No date yet";
    a.rag = BP_RAG_AMBER;
    g_assert_true (bp_db_insert_action (f->db, &a, &error));
    a.id = 0;
    a.ref = "9.2";
    a.title = "Revised into the past";
    a.due_date = "2026-03-31";
    a.revised_due_date = "2025-05-30";
    g_assert_true (bp_db_insert_action (f->db, &a, &error));
    a.id = 0;
    a.ref = "9.3";
    a.title = "Due on the window's last day";
    a.due_date = "2025-07-30";
    a.revised_due_date = NULL;
    a.rag = BP_RAG_GREEN;
    g_assert_true (bp_db_insert_action (f->db, &a, &error));
    g_assert_no_error (error);
  }
  all = bp_db_list_actions (f->db, NULL, &error);
  g_assert_no_error (error);

  g_array_append_val (priority_ids, none);
  for (guint i = 0; i < priorities->len; i++)
    g_array_append_val (priority_ids, ((BpPriority *) priorities->pdata[i])->id);
  g_array_append_val (owner_ids, none);
  for (guint i = 0; i < people->len && i < 4; i++)
    g_array_append_val (owner_ids, ((BpPerson *) people->pdata[i])->id);

  for (guint p = 0; p < priority_ids->len; p++)
    for (guint o = 0; o < owner_ids->len; o++)
      for (guint m = 0; m < G_N_ELEMENTS (masks); m++)
        for (guint d = 0; d < G_N_ELEMENTS (dates); d++)
          for (guint w = 0; w < G_N_ELEMENTS (windows); w++)
            {
              BpActionFilter filter = BP_ACTION_FILTER_INIT;
              guint n;

              /* The window asks for overdue or due-within, one at a
               * time, but the two together must agree as well. */
              filter.priority_id = g_array_index (priority_ids, gint64, p);
              filter.owner_id = g_array_index (owner_ids, gint64, o);
              filter.rag_mask = masks[m];
              filter.overdue_as_of = w == 0   ? dates[d]
                                     : w == 3 ? dates[G_N_ELEMENTS (dates) - 1 - d]
                                              : NULL;
              filter.due_from = dates[d];
              filter.due_within_days = windows[w];
              n = check_filter (f->db, all, &filter);
              n_filters++;
              if (n > 0 && n < all->len)
                n_partial++;
            }
  g_assert_cmpuint (n_filters, >, 1000);
  /* Many filters (not most: a narrow owner and RAG leave none) let some
   * actions through and keep some out. */
  g_assert_cmpuint (n_partial, >, n_filters / 20);

  /* A due window from a day that is not a date fails both ways. */
  {
    BpActionFilter bad = BP_ACTION_FILTER_INIT;
    g_autoptr (GPtrArray) none_listed = NULL;
    g_autofree char *due_to = NULL;

    bad.due_from = "30/06/2025";
    bad.due_within_days = 30;
    g_assert_false (bp_action_filter_due_to (&bad, &due_to, &error));
    g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
    g_assert_null (due_to);
    g_clear_error (&error);
    none_listed = bp_db_list_actions (f->db, &bad, &error);
    g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
    g_assert_null (none_listed);
  }
}

/* What makes a filter narrow the list, field by field. */
static void
test_filter_is_empty (void)
{
  BpActionFilter filter = BP_ACTION_FILTER_INIT;

  g_assert_true (bp_action_filter_is_empty (&filter));
  filter.due_from = "2025-07-01"; /* without a number of days: no window */
  g_assert_true (bp_action_filter_is_empty (&filter));
  filter.due_within_days = 0;
  g_assert_false (bp_action_filter_is_empty (&filter));
  filter = (BpActionFilter) BP_ACTION_FILTER_INIT;
  filter.search = "";
  g_assert_true (bp_action_filter_is_empty (&filter));
  filter.search = "3.2";
  g_assert_false (bp_action_filter_is_empty (&filter));
  filter = (BpActionFilter) BP_ACTION_FILTER_INIT;
  filter.priority_id = 2;
  g_assert_false (bp_action_filter_is_empty (&filter));
  filter = (BpActionFilter) BP_ACTION_FILTER_INIT;
  filter.owner_id = 5;
  g_assert_false (bp_action_filter_is_empty (&filter));
  filter = (BpActionFilter) BP_ACTION_FILTER_INIT;
  filter.rag_mask = 1u << BP_RAG_RED;
  g_assert_false (bp_action_filter_is_empty (&filter));
  filter = (BpActionFilter) BP_ACTION_FILTER_INIT;
  filter.overdue_as_of = "2025-07-01";
  g_assert_false (bp_action_filter_is_empty (&filter));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/plan-writes/save-risk", test_save_risk);
  ADD ("/plan-writes/save-risk-invalid", test_save_risk_invalid);
  ADD ("/plan-writes/add-period", test_add_period);
  ADD ("/plan-writes/filter-agrees", test_filter_agrees);
#undef ADD
  g_test_add_func ("/plan-writes/filter-is-empty", test_filter_is_empty);

  return g_test_run ();
}
