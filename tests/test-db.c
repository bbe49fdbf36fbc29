/* test-db.c: the file, its schema, writes, the audit log, migrations and
 * every kind of bad file. */
#include <unistd.h>

#include "bp-db-private.h"
#include "bp-test-util.h"

typedef struct
{
  char *dir;
  char *path;
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
  bp_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static void
test_create (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_db_create (f->path, "SEND Improvement Programme", &error);
  g_autoptr (BpDb) again = NULL;
  g_autoptr (BpProgramme) prog = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *mode = NULL;

  g_assert_no_error (error);
  prog = bp_db_get_programme (db, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (prog->title, ==, "SEND Improvement Programme");
  g_assert_cmpint (prog->fy_start_month, ==, 4);
  g_assert_cmpstr (prog->language, ==, "en");
  g_clear_object (&db);

  g_assert_cmpint (bp_test_sql_int (f->path, "PRAGMA application_id"), ==, BP_APPLICATION_ID);
  g_assert_cmpint (bp_test_sql_int (f->path, "PRAGMA user_version"), ==, BP_SCHEMA_VERSION);
  mode = bp_test_sql_text (f->path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM risk_band"), ==, 4);

  /* Never over an existing file. */
  before = bp_test_file_sum (f->path);
  again = bp_db_create (f->path, "Another", &error);
  g_assert_null (again);
  g_assert_error (error, BP_ERROR, BP_ERROR_EXISTS);
  after = bp_test_file_sum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_connection_pragmas (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_db_create (f->path, NULL, &error);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  stmt = bp_db_statement (db, "PRAGMA foreign_keys", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  stmt = bp_db_statement (db, "PRAGMA synchronous", &error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2); /* FULL */
  sqlite3_reset (stmt);
}

static void
test_crud_and_validation (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (f->path, &ids);
  g_autoptr (BpAction) a = bp_db_get_action (db, ids.a12, &error);
  g_autoptr (BpAction) again = NULL;
  BpAction bad = { 0 };
  BpRisk *risk;

  g_assert_no_error (error);
  g_assert_cmpstr (a->ref, ==, "1.2");
  g_assert_cmpint (a->rag, ==, BP_RAG_RED);
  g_assert_cmpint (a->owner_id, ==, ids.bob);

  g_free (a->title);
  a->title = g_strdup ("Recruit three educational psychologists");
  a->revised_due_date = g_strdup ("2025-12-31");
  a->revised_reason = g_strdup ("National shortage");
  g_assert_true (bp_db_update_action (db, a, &error));
  g_assert_no_error (error);
  again = bp_db_find_action (db, "1.2", &error);
  g_assert_cmpstr (again->title, ==, "Recruit three educational psychologists");
  g_assert_cmpstr (bp_action_effective_due (again), ==, "2025-12-31");

  /* Each rule names the action and the field, and nothing is saved. */
  bad.ref = "3.1";
  bad.priority_id = ids.p1;
  bad.title = "   ";
  g_assert_false (bp_db_insert_action (db, &bad, &error));
  g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "action 3.1"));
  g_assert_nonnull (strstr (error->message, "title"));
  /* The error names its column, and the part of the message about it. */
  g_assert_cmpstr (bp_error_get_column (error), ==, "title");
  g_assert_true (g_str_has_prefix (bp_error_get_detail (error), "the title"));
  {
    g_autoptr (GError) copy = g_error_copy (error);

    g_assert_cmpstr (bp_error_get_column (copy), ==, "title");
    g_assert_cmpstr (bp_error_get_detail (copy), ==, bp_error_get_detail (error));
  }
  g_clear_error (&error);

  bad.title = "Something";
  bad.due_date = "31/03/2025";
  g_assert_false (bp_db_insert_action (db, &bad, &error));
  g_assert_nonnull (strstr (error->message, "due date"));
  g_assert_cmpstr (bp_error_get_column (error), ==, "due_date");
  g_clear_error (&error);

  bad.due_date = "2025-03-31";
  bad.owner_id = 9999;
  g_assert_false (bp_db_insert_action (db, &bad, &error));
  g_assert_nonnull (strstr (error->message, "unknown owner"));
  g_assert_cmpstr (bp_error_get_column (error), ==, "owner_id");
  g_assert_true (g_str_has_prefix (bp_error_get_detail (error), "unknown owner"));
  g_clear_error (&error);

  bad.owner_id = 0;
  bad.percent = 150;
  g_assert_false (bp_db_insert_action (db, &bad, &error));
  g_assert_nonnull (strstr (error->message, "percent complete"));
  g_assert_cmpstr (bp_error_get_column (error), ==, "percent");
  g_clear_error (&error);

  bad.percent = 0;
  bad.ref = "1.1";
  g_assert_false (bp_db_insert_action (db, &bad, &error));
  g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Action 1.1 already exists"));
  g_assert_cmpstr (bp_error_get_column (error), ==, "ref");
  /* No record's name before it: the detail is the whole message. */
  g_assert_cmpstr (bp_error_get_detail (error), ==, error->message);
  g_clear_error (&error);

  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM action"), ==, 3);

  risk = bp_risk_new ();
  risk->ref = g_strdup ("R1");
  risk->title = g_strdup ("Insufficient specialist places");
  risk->current_l = 7;
  g_assert_false (bp_db_insert_risk (db, risk, &error));
  g_assert_nonnull (strstr (error->message, "current likelihood"));
  g_assert_cmpstr (bp_error_get_column (error), ==, "current_l");
  g_clear_error (&error);
  risk->current_l = 4;
  risk->current_i = 5;
  g_assert_true (bp_db_insert_risk (db, risk, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT current_l * current_i FROM risk"), ==, 20);
  bp_risk_free (risk);

  g_assert_true (bp_db_delete_action (db, ids.a11, &error));
  g_assert_no_error (error);
  g_assert_null (bp_db_get_action (db, ids.a11, &error));
  g_assert_error (error, BP_ERROR, BP_ERROR_NOT_FOUND);
}

static void
on_changed_cb (BpDb *db, const char *table, GPtrArray *seen)
{
  g_ptr_array_add (seen, g_strdup (table));
}

static void
test_changed_signal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (f->path, &ids);
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  BpUpdate u = { 0, ids.a11, "2025-05-01", "Alice Owner", BP_RAG_AMBER, "Slipping", NULL };

  g_signal_connect (db, "changed", G_CALLBACK (on_changed_cb), seen);
  g_assert_true (bp_db_add_update (db, &u, &error));
  g_assert_no_error (error);
  /* One signal per table, after the commit. */
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "progress_update");
  g_assert_cmpstr (g_ptr_array_index (seen, 1), ==, "action");

  /* Nothing is announced for a transaction rolled back. */
  g_ptr_array_set_size (seen, 0);
  g_assert_true (bp_db_begin (db, &error));
  bp_test_add_action (db, "2.2", ids.p2, 0, "Temporary", NULL, BP_RAG_GREEN);
  g_assert_cmpuint (seen->len, ==, 0);
  bp_db_rollback (db);
  g_assert_cmpuint (seen->len, ==, 0);
  g_assert_null (bp_db_find_action (db, "2.2", NULL));

  /* A link is a change too; linking what is linked already is not. */
  {
    g_autoptr (BpRisk) risk = bp_risk_new ();

    risk->ref = g_strdup ("R1");
    risk->title = g_strdup ("Not enough specialist places");
    g_assert_true (bp_db_insert_risk (db, risk, &error));
    g_ptr_array_set_size (seen, 0);
    g_assert_true (bp_db_link_risk_action (db, risk->id, ids.a12, &error));
    g_assert_cmpuint (seen->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (seen, 0), ==, "risk_action");
    g_assert_true (bp_db_link_risk_action (db, risk->id, ids.a12, &error));
    g_assert_cmpuint (seen->len, ==, 1);
    g_assert_true (bp_db_unlink_risk_action (db, risk->id, ids.a12, &error));
    g_assert_cmpuint (seen->len, ==, 2);
    g_assert_no_error (error);
  }
}

static void
test_updates_append_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (f->path, &ids);
  BpUpdate late = { 0, ids.a11, "2025-05-01", "Alice Owner", BP_RAG_RED, "Off track", "Escalate" };
  BpUpdate early = { 0, ids.a11, "2025-01-15", "Alice Owner", BP_RAG_GREEN, "Started", NULL };
  g_autoptr (BpAction) a = NULL;
  g_autoptr (GPtrArray) history = NULL;
  sqlite3 *h = bp_db_get_handle (db);

  g_assert_true (bp_db_add_update (db, &late, &error));
  /* Entered afterwards but dated earlier: history, not the current RAG. */
  g_assert_true (bp_db_add_update (db, &early, &error));
  g_assert_no_error (error);
  a = bp_db_get_action (db, ids.a11, &error);
  g_assert_cmpint (a->rag, ==, BP_RAG_RED);

  history = bp_db_list_updates (db, ids.a11, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (((BpUpdate *) history->pdata[0])->date, ==, "2025-05-01");
  g_assert_cmpint (((BpUpdate *) history->pdata[1])->rag, ==, BP_RAG_GREEN);

  /* Even plain SQL cannot rewrite or remove history. */
  g_assert_cmpint (sqlite3_exec (h, "UPDATE progress_update SET commentary = 'x'", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (h, "DELETE FROM progress_update", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM progress_update"), ==, 2);

  /* Removing the action removes its updates with it. */
  g_assert_true (bp_db_delete_action (db, ids.a11, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM progress_update"), ==, 0);
}

static void
test_audit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (f->path, &ids);
  g_autoptr (BpAction) a = NULL;
  g_autofree char *who = NULL;
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  g_autofree char *inserted = NULL;
  g_autofree char *deleted = NULL;
  sqlite3 *h = bp_db_get_handle (db);
  int before;

  bp_db_set_actor (db, "Programme Manager");
  a = bp_db_get_action (db, ids.a11, &error);
  g_free (a->title);
  a->title = g_strdup ("Publish the refreshed Local Offer");
  before = bp_test_sql_int (f->path, "SELECT count(*) FROM audit");
  g_assert_true (bp_db_update_action (db, a, &error));
  g_assert_no_error (error);
  /* One entry for the one field that changed. */
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM audit"), ==, before + 1);
  who = bp_test_sql_text (f->path, "SELECT who FROM audit ORDER BY id DESC LIMIT 1");
  old_value = bp_test_sql_text (f->path, "SELECT old_value FROM audit WHERE field = 'title'");
  new_value = bp_test_sql_text (f->path, "SELECT new_value FROM audit WHERE field = 'title'");
  g_assert_cmpstr (who, ==, "Programme Manager");
  g_assert_cmpstr (old_value, ==, "Publish the Local Offer refresh");
  g_assert_cmpstr (new_value, ==, "Publish the refreshed Local Offer");

  inserted = bp_test_sql_text (f->path, "SELECT new_value FROM audit WHERE op = 'insert'"
                                        " AND entity = 'action' AND entity_id = 2");
  g_assert_nonnull (strstr (inserted, "\"ref\":\"1.2\""));

  g_assert_true (bp_db_delete_action (db, ids.a12, &error));
  deleted = bp_test_sql_text (f->path, "SELECT old_value FROM audit WHERE op = 'delete'");
  g_assert_nonnull (strstr (deleted, "Recruit educational psychologists"));

  /* The log refuses to be edited or emptied. */
  g_assert_cmpint (sqlite3_exec (h, "UPDATE audit SET who = 'someone else'", NULL, NULL, NULL),
                   !=, SQLITE_OK);
  g_assert_nonnull (strstr (sqlite3_errmsg (h), "audit log cannot be changed"));
  g_assert_cmpint (sqlite3_exec (h, "DELETE FROM audit", NULL, NULL, NULL), !=, SQLITE_OK);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM audit WHERE who = 'someone else'"),
                   ==, 0);
}

/* A failure half-way through a multi-row write leaves nothing behind. */
static void
test_atomicity (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (f->path, &ids);
  BpMeeting m = { 0 };
  BpUpdate u = { 0, ids.a12, "2025-06-01", NULL, BP_RAG_AMBER, "Two posts filled", NULL };
  g_autoptr (BpAction) a = NULL;
  int audit_before, n;

  m.date = "2025-07-01";
  g_assert_true (bp_db_insert_meeting (db, &m, &error));
  audit_before = bp_test_sql_int (f->path, "SELECT count(*) FROM audit");

  /* Every statement position of the snapshot, failed in turn. */
  for (n = 1; n <= 40; n++)
    {
      bp_db_inject_failure (db, n);
      if (bp_db_take_snapshot (db, m.id, NULL, &error) != 0)
        break;
      g_assert_error (error, BP_ERROR, BP_ERROR_IO);
      g_clear_error (&error);
      g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot"), ==, 0);
      g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot_action"), ==, 0);
      g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot_priority"), ==, 0);
      g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot_risk_band"), ==, 0);
      g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM audit"), ==, audit_before);
    }
  g_assert_cmpint (n, >, 3); /* the snapshot has several steps to fail */
  g_assert_cmpint (n, <=, 40); /* and it succeeds once none fails */
  bp_db_inject_failure (db, 0);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot_action"), ==, 3);

  /* The update is written, then the action's RAG: fail the second. */
  bp_db_inject_failure (db, 3);
  g_assert_false (bp_db_add_update (db, &u, &error));
  g_clear_error (&error);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM progress_update"), ==, 0);
  a = bp_db_get_action (db, ids.a12, &error);
  g_assert_cmpint (a->rag, ==, BP_RAG_RED);

  /* A caller's own transaction over several writes. */
  g_assert_true (bp_db_begin (db, &error));
  bp_test_add_action (db, "2.2", ids.p2, 0, "One", NULL, BP_RAG_GREEN);
  bp_test_add_action (db, "2.3", ids.p2, 0, "Two", NULL, BP_RAG_GREEN);
  bp_db_inject_failure (db, 1);
  {
    BpAction third = { 0 };

    third.ref = "2.4";
    third.priority_id = ids.p2;
    third.title = "Three";
    g_assert_false (bp_db_insert_action (db, &third, &error));
    g_clear_error (&error);
  }
  bp_db_rollback (db);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM action"), ==, 3);
}

static void
test_migrate_v0 (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = NULL;
  g_autofree char *before = NULL;
  g_autofree char *backup_sum = NULL;
  g_autofree char *owner = NULL;
  g_autoptr (BpAction) a = NULL;
  g_autoptr (GPtrArray) updates = NULL;

  bp_test_write_v0_file (f->path);
  before = bp_test_file_sum (f->path);
  db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bp_db_get_backup_path (db));
  g_assert_true (g_str_has_suffix (bp_db_get_backup_path (db), ".v0.bak"));
  backup_sum = bp_test_file_sum (bp_db_get_backup_path (db));
  g_assert_cmpint (bp_test_sql_int (bp_db_get_backup_path (db), "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (bp_test_sql_int (bp_db_get_backup_path (db), "SELECT count(*) FROM action"), ==, 3);

  g_assert_cmpint (bp_test_sql_int (f->path, "PRAGMA user_version"), ==, BP_SCHEMA_VERSION);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM person"), ==, 2);
  a = bp_db_find_action (db, "1.10", &error);
  g_assert_no_error (error);
  g_assert_cmpint (a->rag, ==, BP_RAG_AMBER);
  owner = bp_test_sql_text (f->path, "SELECT p.name FROM action a JOIN person p ON p.id = a.owner_id"
                                     " WHERE a.ref = '1.10'");
  g_assert_cmpstr (owner, ==, "Head of SEND");
  {
    g_autoptr (BpAction) first = bp_db_find_action (db, "1.1", NULL);

    g_assert_nonnull (first);
  }
  updates = bp_db_list_updates (db, a->id, &error);
  g_assert_cmpuint (updates->len, ==, 1);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM risk_band"), ==, 4);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'v0_%'"),
                   ==, 0);
  /* The backup is the file as it was, byte for byte. */
  g_assert_cmpstr (backup_sum, ==, before);
}

/* A failed migration leaves the file at version 0. */
static void
test_migrate_failure (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = NULL;
  sqlite3 *raw = NULL;

  bp_test_write_v0_file (f->path);
  /* An action whose priority does not exist breaks the copy. */
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO action VALUES (9, '9.1', 99, 'Orphan', NULL, NULL, 'G')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
  g_assert_null (db);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "cannot upgrade from version 0"));
  g_assert_cmpint (bp_test_sql_int (f->path, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM action"), ==, 4);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'audit'"),
                   ==, 0);
}

/* Each bad file: a clear error, the right code, and not one byte changed. */
static void
assert_refused (const char *path, int code, const char *words)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *before = bp_test_file_sum (path);
  g_autofree char *after = NULL;
  g_autoptr (BpDb) db = bp_db_open (path, BP_OPEN_DEFAULT, &error);

  g_assert_null (db);
  g_assert_error (error, BP_ERROR, code);
  g_assert_nonnull (strstr (error->message, path));
  if (words)
    g_assert_nonnull (strstr (error->message, words));
  after = bp_test_file_sum (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_bad_files (Fixture *f, gconstpointer data)
{
  g_autofree char *text = g_build_filename (f->dir, "notes.boardpack", NULL);
  g_autofree char *empty = g_build_filename (f->dir, "empty.boardpack", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.boardpack", NULL);
  g_autofree char *newer = g_build_filename (f->dir, "newer.boardpack", NULL);
  g_autofree char *missing = g_build_filename (f->dir, "missing.boardpack", NULL);
  g_autofree char *truncated = g_build_filename (f->dir, "truncated.boardpack", NULL);
  g_autoptr (GError) error = NULL;
  sqlite3 *raw = NULL;

  g_assert_true (g_file_set_contents (text, "Ref,Action\n1.1,Board\n", -1, NULL));
  assert_refused (text, BP_ERROR_NOT_SQLITE, "not a SQLite database");

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (empty, BP_ERROR_NOT_SQLITE, "empty");

  g_assert_cmpint (sqlite3_open (other, &raw), ==, SQLITE_OK);
  sqlite3_exec (raw, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL, NULL);
  sqlite3_close (raw);
  assert_refused (other, BP_ERROR_NOT_BOARDPACK, "another application");

  {
    g_autoptr (BpDb) db = bp_db_create (newer, NULL, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (newer, &raw), ==, SQLITE_OK);
  sqlite3_exec (raw, "PRAGMA user_version = 7;", NULL, NULL, NULL);
  sqlite3_close (raw);
  assert_refused (newer, BP_ERROR_NEWER_SCHEMA, "file version 7");
  {
    g_autoptr (BpDb) db = bp_db_open (newer, BP_OPEN_DEFAULT, &error);
    g_autofree char *up_to = g_strdup_printf ("up to version %d", BP_SCHEMA_VERSION);

    g_assert_nonnull (strstr (error->message, up_to));
    g_clear_error (&error);
  }

  {
    g_autoptr (GError) err = NULL;
    g_autoptr (BpDb) db = bp_db_open (missing, BP_OPEN_DEFAULT, &err);

    g_assert_null (db);
    g_assert_error (err, BP_ERROR, BP_ERROR_NOT_FOUND);
    g_assert_cmpint (bp_error_exit_code (err), ==, 66);
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* A file cut short, as by a failed copy. */
  {
    BpTestIds ids;
    BpDb *db = bp_test_small_programme (truncated, &ids);
    g_autofree char *data_bytes = NULL;
    gsize len;

    for (int i = 0; i < 300; i++)
      {
        g_autofree char *ref = g_strdup_printf ("9.%d", i);

        bp_test_add_action (db, ref, ids.p2, ids.bob,
                            "An action with a long enough title to fill some pages of the file",
                            "2025-01-01", BP_RAG_AMBER);
      }
    g_object_unref (db);
    g_assert_true (g_file_get_contents (truncated, &data_bytes, &len, NULL));
    g_assert_cmpuint (len, >, 8192);
    g_assert_true (g_file_set_contents (truncated, data_bytes, len / 2, NULL));
  }
  assert_refused (truncated, BP_ERROR_CORRUPT, "truncated");
}

static void
test_read_only (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpTestIds ids;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  BpSummary s;

  g_object_unref (bp_test_small_programme (f->path, &ids));
  g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
  before = bp_test_file_sum (f->path);
  {
    g_autoptr (BpDb) db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (bp_db_is_read_only (db));
    g_assert_nonnull (strstr (bp_db_get_read_only_reason (db), "not writable"));
    g_assert_true (bp_db_summary (db, "2025-06-30", &s, &error));
    g_assert_cmpint (s.actions, ==, 3);
    g_assert_false (bp_db_delete_action (db, ids.a11, &error));
    g_assert_error (error, BP_ERROR, BP_ERROR_READ_ONLY);
    g_clear_error (&error);
  }
  after = bp_test_file_sum (f->path);
  g_assert_cmpstr (before, ==, after);

  /* A folder nobody may write: the file is read through anyway. */
  g_assert_cmpint (g_chmod (f->path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (f->dir, 0555), ==, 0);
  {
    g_autoptr (BpDb) db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    g_assert_true (bp_db_is_read_only (db));
    g_assert_nonnull (strstr (bp_db_get_read_only_reason (db), "folder"));
    g_assert_true (bp_db_summary (db, "2025-06-30", &s, &error));
    g_assert_cmpint (s.overdue, ==, 1);
  }
  g_assert_cmpint (g_chmod (f->dir, 0755), ==, 0);
  g_free (after);
  after = bp_test_file_sum (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_undo_redo (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (f->path, &ids);
  g_autoptr (BpAction) a = NULL;
  BpUpdate u = { 0, ids.a11, "2025-06-01", "Alice Owner", BP_RAG_RED, "Supplier failed", NULL };
  BpActionFilter search = BP_ACTION_FILTER_INIT;
  g_autoptr (GPtrArray) found = NULL;
  int audit_before;

  bp_db_set_undo_enabled (db, TRUE);
  g_assert_false (bp_db_can_undo (db));

  /* An edit, undone and redone. */
  a = bp_db_get_action (db, ids.a11, &error);
  g_free (a->title);
  a->title = g_strdup ("Relaunch the Local Offer website");
  g_assert_true (bp_db_update_action (db, a, &error));
  g_assert_true (bp_db_can_undo (db));
  g_assert_true (bp_db_undo (db, &error));
  g_assert_no_error (error);
  {
    g_autofree char *title = bp_test_sql_text (f->path, "SELECT title FROM action WHERE ref = '1.1'");

    g_assert_cmpstr (title, ==, "Publish the Local Offer refresh");
  }
  g_assert_true (bp_db_can_redo (db));
  g_assert_true (bp_db_redo (db, &error));
  {
    g_autofree char *title = bp_test_sql_text (f->path, "SELECT title FROM action WHERE ref = '1.1'");

    g_assert_cmpstr (title, ==, "Relaunch the Local Offer website");
  }

  /* An update, undone: the history and the action's RAG go back. */
  g_assert_true (bp_db_add_update (db, &u, &error));
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM action WHERE rag = 'R'"), ==, 2);
  audit_before = bp_test_sql_int (f->path, "SELECT count(*) FROM audit");
  g_assert_true (bp_db_undo (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM progress_update"), ==, 0);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM action WHERE rag = 'R'"), ==, 1);
  /* The undo is itself in the audit log, and history stays guarded. */
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM audit"), >, audit_before);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT undoing FROM audit_actor"), ==, 0);

  /* A deleted action comes back with its updates, and is found again. */
  g_assert_true (bp_db_redo (db, &error));
  g_assert_true (bp_db_delete_action (db, ids.a11, &error));
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM progress_update"), ==, 0);
  g_assert_true (bp_db_undo (db, &error));
  g_assert_no_error (error);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM progress_update"), ==, 1);
  search.search = "supplier";
  found = bp_db_list_actions (db, &search, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((BpAction *) found->pdata[0])->ref, ==, "1.1");

  /* A new edit clears what could be redone. */
  g_assert_true (bp_db_undo (db, &error));
  g_assert_true (bp_db_can_redo (db));
  bp_test_add_action (db, "2.2", ids.p2, 0, "New work", NULL, BP_RAG_GREEN);
  g_assert_false (bp_db_can_redo (db));
}

/* Each fault a row can have at once is reported as a check of its fields
 * in order would: a missing row it refers to before a later field's
 * fault, and before a duplicate. */
static void
test_reference_messages (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (f->path, &ids);
  g_autoptr (BpAction) a = NULL;
  BpAction bad = { 0 };
  BpUpdate u = { 0, 9999, "2025-06-01", NULL, BP_RAG_AMBER, "Nowhere", NULL };
  int audit_before = bp_test_sql_int (f->path, "SELECT count(*) FROM audit");

  /* The priority area comes before the title. */
  bad.ref = "3.1";
  bad.priority_id = 9999;
  bad.title = "  ";
  g_assert_false (bp_db_insert_action (db, &bad, &error));
  g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "action 3.1: unknown priority area"));
  g_clear_error (&error);

  /* The title comes before the owner. */
  bad.priority_id = ids.p1;
  bad.owner_id = 9999;
  g_assert_false (bp_db_insert_action (db, &bad, &error));
  g_assert_nonnull (strstr (error->message, "title must not be empty"));
  g_clear_error (&error);

  /* A missing owner before a duplicate reference. */
  bad.ref = "1.1";
  bad.title = "Duplicate";
  g_assert_false (bp_db_insert_action (db, &bad, &error));
  g_assert_error (error, BP_ERROR, BP_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "action 1.1: unknown owner (no such record: 9999)"));
  g_clear_error (&error);

  /* The same inside a caller's transaction, which goes on. */
  g_assert_true (bp_db_begin (db, &error));
  bad.ref = "3.1";
  bad.organisation_id = 4242;
  bad.owner_id = 0;
  g_assert_false (bp_db_insert_action (db, &bad, &error));
  g_assert_nonnull (strstr (error->message, "unknown lead organisation (no such record: 4242)"));
  g_clear_error (&error);
  g_assert_false (bp_db_add_update (db, &u, &error));
  g_assert_nonnull (strstr (error->message, "progress update 2025-06-01: unknown action"));
  g_assert_cmpint (u.id, ==, 0);
  g_clear_error (&error);
  bad.organisation_id = ids.org;
  g_assert_true (bp_db_insert_action (db, &bad, &error));
  g_assert_no_error (error);
  g_assert_true (bp_db_commit (db, &error));

  /* An edit. */
  a = bp_db_get_action (db, ids.a12, &error);
  a->owner_id = 777;
  g_assert_false (bp_db_update_action (db, a, &error));
  g_assert_nonnull (strstr (error->message, "action 1.2: unknown owner (no such record: 777)"));
  g_clear_error (&error);

  /* Only the one good action was written. */
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM action"), ==, 4);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM audit"), ==, audit_before + 1);
}

/* The number of entries (term, row, column, position) of full-text index
 * @fts that a fresh index rebuilt from its table would not have, plus
 * those it would have that @fts lacks: 0 when the index is exact. */
static int
index_differences (const char *path, const char *fts, const char *columns, const char *table)
{
  g_autofree char *sql = g_strdup_printf (
    "CREATE VIRTUAL TABLE chk USING fts5 (%2$s, content='%3$s', content_rowid='id',"
    "  tokenize='unicode61 remove_diacritics 2');"
    "INSERT INTO chk (chk) VALUES ('rebuild');"
    "CREATE VIRTUAL TABLE temp.v1 USING fts5vocab (main, %1$s, 'instance');"
    "CREATE VIRTUAL TABLE temp.v2 USING fts5vocab (main, chk, 'instance');"
    "CREATE TEMP TABLE diff AS SELECT count(*) AS n FROM"
    "  (SELECT * FROM (SELECT * FROM v1 EXCEPT SELECT * FROM v2)"
    "   UNION ALL SELECT * FROM (SELECT * FROM v2 EXCEPT SELECT * FROM v1));"
    "DROP TABLE chk;",
    fts, columns, table);
  sqlite3 *raw = NULL;
  sqlite3_stmt *stmt = NULL;
  int n = -1;

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT n FROM diff", -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (raw);
  return n;
}

static guint
count_found (BpDb *db, const char *words)
{
  g_autoptr (GError) error = NULL;
  BpActionFilter filter = BP_ACTION_FILTER_INIT;
  g_autoptr (GPtrArray) found = NULL;

  filter.search = words;
  found = bp_db_list_actions (db, &filter, &error);
  g_assert_no_error (error);
  return found->len;
}

/* The full-text index is brought up to date at each commit, and a search
 * inside a transaction sees what the transaction has written so far. */
static void
test_search_index (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (f->path, &ids);
  g_autoptr (BpAction) a = NULL;
  BpUpdate u = { 0, ids.a21, "2025-06-01", NULL, BP_RAG_AMBER, "Tribunal backlog", "Mediation" };
  sqlite3 *raw = NULL;

  g_assert_cmpuint (count_found (db, "psychologists"), ==, 1);

  g_assert_true (bp_db_begin (db, &error));
  bp_test_add_action (db, "2.2", ids.p2, 0, "Recruit more psychologists", NULL, BP_RAG_GREEN);
  g_assert_true (bp_db_add_update (db, &u, &error));
  g_assert_cmpuint (count_found (db, "psychologists"), ==, 2);
  g_assert_cmpuint (count_found (db, "tribunal"), ==, 1);
  bp_test_add_action (db, "2.3", ids.p2, 0, "Tribunal preparation", NULL, BP_RAG_GREEN);
  g_assert_true (bp_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (db, "tribunal"), ==, 2);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM action_fts_pending"), ==, 0);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM update_fts_pending"), ==, 0);

  /* Rolled back: nothing is left to find. */
  g_assert_true (bp_db_begin (db, &error));
  bp_test_add_action (db, "2.4", ids.p2, 0, "Temporary workshops", NULL, BP_RAG_GREEN);
  g_assert_cmpuint (count_found (db, "workshops"), ==, 1);
  bp_db_rollback (db);
  g_assert_cmpuint (count_found (db, "workshops"), ==, 0);

  /* Edits and deletes, before and after the commit that indexes. */
  g_assert_true (bp_db_begin (db, &error));
  a = bp_db_find_action (db, "1.2", &error);
  g_free (a->title);
  a->title = g_strdup ("Recruit speech therapists");
  g_assert_true (bp_db_update_action (db, a, &error));
  g_assert_cmpuint (count_found (db, "psychologists"), ==, 1);
  g_free (a->title);
  a->title = g_strdup ("Recruit occupational therapists");
  g_assert_true (bp_db_update_action (db, a, &error));
  g_assert_true (bp_db_delete_action (db, ids.a21, &error));
  g_assert_true (bp_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (db, "speech"), ==, 0);
  g_assert_cmpuint (count_found (db, "occupational"), ==, 1);
  g_assert_cmpuint (count_found (db, "tribunal"), ==, 1); /* 2.1's update went with it */
  g_assert_cmpuint (count_found (db, "mediation"), ==, 0);

  /* Rows another program writes are indexed when the file is next opened
   * for writing. */
  g_clear_object (&db);
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO action (ref, priority_id, title)"
                                      " VALUES ('9.1', 1, 'Sensory rooms')", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  sqlite3_close (raw);
  db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (db, "sensory"), ==, 1);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM action_fts_pending"), ==, 0);

  /* Many changes to the same rows in one transaction, some undone. */
  bp_db_set_undo_enabled (db, TRUE);
  g_assert_true (bp_db_begin (db, &error));
  for (int i = 0; i < 20; i++)
    {
      g_autoptr (BpAction) b = bp_db_find_action (db, i % 2 ? "1.1" : "2.2", &error);
      BpUpdate more = { 0, b->id, "2025-07-01", NULL, BP_RAG_GREEN, NULL, NULL };

      g_free (b->title);
      b->title = g_strdup_printf ("Title number %d", i);
      g_free (b->description);
      b->description = i % 3 ? g_strdup_printf ("Description %d", i) : NULL;
      g_assert_true (bp_db_update_action (db, b, &error));
      more.commentary = b->title;
      g_assert_true (bp_db_add_update (db, &more, &error));
    }
  g_assert_true (bp_db_delete_action (db, ids.a11, &error));
  g_assert_true (bp_db_commit (db, &error));
  g_assert_no_error (error);
  g_assert_true (bp_db_undo (db, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_found (db, "Description"), ==, 0);
  g_assert_true (bp_db_redo (db, &error));
  g_assert_cmpuint (count_found (db, "number 18"), ==, 1); /* 2.2; 1.1 deleted again */
  g_clear_object (&db);

  g_assert_cmpint (index_differences (f->path, "action_fts", "ref, title, description", "action"),
                   ==, 0);
  g_assert_cmpint (index_differences (f->path, "update_fts", "commentary, next_steps",
                                      "progress_update"), ==, 0);
}

/* A file written before version 1 indexed at commit gets today's triggers
 * when opened for writing, and its index stays right. */
static void
test_prerelease_refresh (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (f->path, &ids);
  sqlite3 *raw = NULL;

  g_clear_object (&db);
  /* As such a file was: no pending tables, the text indexed row by row. */
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "DROP TRIGGER action_fts_ai; DROP TRIGGER update_fts_ai;"
                                 "DROP TABLE action_fts_pending; DROP TABLE update_fts_pending;"
                                 "CREATE TRIGGER action_fts_ai AFTER INSERT ON action BEGIN"
                                 "  INSERT INTO action_fts (rowid, ref, title, description)"
                                 "    VALUES (NEW.id, NEW.ref, NEW.title, NEW.description); END;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);

  db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM sqlite_schema"
                                             " WHERE name LIKE '%fts_pending'"), ==, 2);
  bp_test_add_action (db, "2.2", ids.p2, 0, "Sensory rooms", NULL, BP_RAG_GREEN);
  g_assert_cmpuint (count_found (db, "sensory"), ==, 1);
  g_assert_cmpuint (count_found (db, "psychologists"), ==, 1);
  g_assert_true (bp_db_delete_action (db, ids.a12, &error));
  g_assert_cmpuint (count_found (db, "psychologists"), ==, 0);
  g_clear_object (&db);
  g_assert_cmpint (index_differences (f->path, "action_fts", "ref, title, description", "action"),
                   ==, 0);
}

/* Errors that are about no field say so, whatever their domain. */
static void
test_error_column (void)
{
  g_autoptr (GError) io = g_error_new_literal (BP_ERROR, BP_ERROR_IO, "disk full");
  g_autoptr (GError) other = g_error_new_literal (G_FILE_ERROR, G_FILE_ERROR_FAILED, "failed");

  g_assert_null (bp_error_get_column (io));
  g_assert_cmpstr (bp_error_get_detail (io), ==, "disk full");
  g_assert_null (bp_error_get_column (other));
  g_assert_cmpstr (bp_error_get_detail (other), ==, "failed");

  /* A record name that the message does not start with is not cut off. */
  bp_error_set_column (io, "ref", "action 3.2");
  g_assert_cmpstr (bp_error_get_column (io), ==, "ref");
  g_assert_cmpstr (bp_error_get_detail (io), ==, "disk full");
  bp_error_set_column (io, "ref", "disk");
  g_assert_cmpstr (bp_error_get_detail (io), ==, "disk full");
  bp_error_set_column (io, "title", "disk full");
  g_assert_cmpstr (bp_error_get_detail (io), ==, "disk full");

  /* The detail stays the field's part when the message is prefixed. */
  {
    g_autoptr (GError) field = g_error_new_literal (BP_ERROR, BP_ERROR_INVALID,
                                                    "action 3.2: the title must not be empty");

    bp_error_set_column (field, "title", "action 3.2");
    g_assert_cmpstr (bp_error_get_detail (field), ==, "the title must not be empty");
    g_prefix_error (&field, "Cannot write the sample: ");
    g_assert_cmpstr (bp_error_get_column (field), ==, "title");
    g_assert_cmpstr (bp_error_get_detail (field), ==, "the title must not be empty");
  }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  g_test_add_func ("/db/error-column", test_error_column);
  ADD ("/db/create", test_create);
  ADD ("/db/connection-pragmas", test_connection_pragmas);
  ADD ("/db/crud-and-validation", test_crud_and_validation);
  ADD ("/db/changed-signal", test_changed_signal);
  ADD ("/db/updates-append-only", test_updates_append_only);
  ADD ("/db/audit", test_audit);
  ADD ("/db/atomicity", test_atomicity);
  ADD ("/db/migrate-v0", test_migrate_v0);
  ADD ("/db/migrate-failure", test_migrate_failure);
  ADD ("/db/bad-files", test_bad_files);
  ADD ("/db/read-only", test_read_only);
  ADD ("/db/undo-redo", test_undo_redo);
  ADD ("/db/reference-messages", test_reference_messages);
  ADD ("/db/search-index", test_search_index);
  ADD ("/db/prerelease-refresh", test_prerelease_refresh);
#undef ADD
  return g_test_run ();
}
