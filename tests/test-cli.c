/* test-cli.c: each verb of the built boardpack binary, run as a user would. */
#include "bp-run-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->dir = bp_test_tmpdir ();
  f->path = g_build_filename (f->dir, "sample.boardpack", NULL);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  bp_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static int
count_lines (const char *text)
{
  int n = 0;

  for (const char *p = text; *p; p++)
    n += *p == '\n';
  return n;
}

/* The value of "key: value" in check's output, or -1. */
static int
check_value (const char *out, const char *key)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  g_autofree char *prefix = g_strconcat (key, ": ", NULL);

  for (guint i = 0; lines[i]; i++)
    if (g_str_has_prefix (lines[i], prefix))
      return atoi (lines[i] + strlen (prefix));
  return -1;
}

static void
test_usage (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };

  run (&r, "frobnicate", NULL);
  g_assert_cmpint (r.status, ==, 64);
  g_assert_nonnull (strstr (r.err, "unknown command"));
  g_assert_nonnull (strstr (r.err, "Usage:"));
  g_assert_cmpstr (r.out, ==, "");

  run (&r, "check", "--bogus", f->path, NULL);
  g_assert_cmpint (r.status, ==, 64);
  g_assert_nonnull (strstr (r.err, "Usage:"));

  run (&r, "check", NULL);
  g_assert_cmpint (r.status, ==, 64);

  run (&r, "check", f->path, "--as-of", "30/06/2025", NULL);
  g_assert_cmpint (r.status, ==, 64);
  g_assert_nonnull (strstr (r.err, "not a date"));

  run (&r, "--version", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "boardpack "));
}

static void
test_new_and_check (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };
  g_autofree char *title = NULL;
  static const char *const keys[] = {
    "integrity", "priorities", "actions", "actions.blue", "actions.green", "actions.amber",
    "actions.red", "actions.not_started", "actions.overdue", "milestones", "updates", "risks",
    "measures", "meetings", "snapshots", NULL,
  };
  g_auto (GStrv) lines = NULL;

  run (&r, "new", f->path, "--title", "Partnership risk register", NULL);
  g_assert_cmpint (r.status, ==, 0);
  title = bp_test_sql_text (f->path, "SELECT title FROM programme");
  g_assert_cmpstr (title, ==, "Partnership risk register");

  run (&r, "new", f->path, NULL);
  g_assert_cmpint (r.status, ==, 73);
  g_assert_nonnull (strstr (r.err, "already exists"));

  run (&r, "check", f->path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  lines = g_strsplit (r.out, "\n", -1);
  /* Every key, in the documented order, and nothing else. */
  for (guint i = 0; keys[i]; i++)
    {
      g_autofree char *prefix = g_strconcat (keys[i], ": ", NULL);

      g_assert_true (g_str_has_prefix (lines[i], prefix));
    }
  g_assert_cmpint (count_lines (r.out), ==, g_strv_length ((GStrv) keys));
  g_assert_cmpstr (lines[0], ==, "integrity: ok");
}

static void
test_bad_files (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.boardpack", NULL);
  g_autofree char *text = g_build_filename (f->dir, "plan.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  run (&r, "check", missing, NULL);
  g_assert_cmpint (r.status, ==, 66);
  g_assert_cmpint (count_lines (r.err), ==, 1);
  g_assert_nonnull (strstr (r.err, missing));

  g_assert_true (g_file_set_contents (text, "Ref,Action,Owner\n1.1,Board,Chair\n", -1, NULL));
  before = bp_test_file_sum (text);
  run (&r, "check", text, NULL);
  g_assert_cmpint (r.status, ==, 65);
  g_assert_cmpint (count_lines (r.err), ==, 1);
  g_assert_nonnull (strstr (r.err, text));
  g_assert_nonnull (strstr (r.err, "not a Boardpack file"));
  run (&r, "update", text, "1.1", "--rag", "R", NULL);
  g_assert_cmpint (r.status, ==, 65);
  after = bp_test_file_sum (text);
  g_assert_cmpstr (before, ==, after);
}

static void
test_check_upgrades (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };
  g_autofree char *backup = g_strconcat (f->path, ".v0.bak", NULL);
  g_autofree char *locked = g_build_filename (f->dir, "locked.boardpack", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  bp_test_write_v0_file (f->path);
  run (&r, "check", f->path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "upgraded to file version"));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_cmpint (check_value (r.out, "actions"), ==, 3);
  g_assert_cmpint (bp_test_sql_int (f->path, "PRAGMA user_version"), ==, BP_SCHEMA_VERSION);

  /* An older file that may not be written is refused, untouched. */
  bp_test_write_v0_file (locked);
  g_assert_cmpint (g_chmod (locked, 0444), ==, 0);
  before = bp_test_file_sum (locked);
  run (&r, "check", locked, NULL);
  g_assert_cmpint (r.status, ==, 73);
  g_assert_nonnull (strstr (r.err, "must be upgraded"));
  after = bp_test_file_sum (locked);
  g_assert_cmpstr (before, ==, after);
}

static void
test_sample (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };

  run (&r, "sample", f->path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  run (&r, "check", "--as-of", "2025-06-30", f->path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_true (g_str_has_prefix (r.out, "integrity: ok\n"));
  g_assert_cmpint (check_value (r.out, "priorities"), ==, 8);
  g_assert_cmpint (check_value (r.out, "actions"), ==, 143);
  g_assert_cmpint (check_value (r.out, "actions.blue") + check_value (r.out, "actions.green")
                   + check_value (r.out, "actions.amber") + check_value (r.out, "actions.red")
                   + check_value (r.out, "actions.not_started"), ==, 143);
  /* A realistic mix: every status present, some overdue. */
  g_assert_cmpint (check_value (r.out, "actions.blue"), >, 0);
  g_assert_cmpint (check_value (r.out, "actions.green"), >, 0);
  g_assert_cmpint (check_value (r.out, "actions.amber"), >, 0);
  g_assert_cmpint (check_value (r.out, "actions.red"), >, 0);
  g_assert_cmpint (check_value (r.out, "actions.not_started"), >, 0);
  g_assert_cmpint (check_value (r.out, "actions.overdue"), >, 0);
  g_assert_cmpint (check_value (r.out, "updates"), >=, 143 - check_value (r.out, "actions.not_started"));
  g_assert_cmpint (check_value (r.out, "risks"), >=, 8);
  g_assert_cmpint (check_value (r.out, "measures"), >=, 7);
  g_assert_cmpint (check_value (r.out, "meetings"), >=, 3);
  g_assert_cmpint (check_value (r.out, "snapshots"), >=, 3);
  /* At least five partner organisations own actions. */
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(DISTINCT p.organisation_id) FROM action a"
                                             " JOIN person p ON p.id = a.owner_id"), >=, 5);
  /* The same every time: the overdue count does not depend on today. */
  {
    g_auto (Run) again = { 0 };
    g_autofree char *second = g_build_filename (f->dir, "second.boardpack", NULL);

    run (&again, "sample", second, NULL);
    run (&again, "check", "--as-of", "2025-06-30", second, NULL);
    g_assert_cmpstr (again.out, ==, r.out);
  }

  run (&r, "sample", f->path, NULL);
  g_assert_cmpint (r.status, ==, 73);
}

static void
test_update (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };
  g_autofree char *commentary = NULL;
  g_autofree char *author = NULL;
  int red_before, updates_before;

  run (&r, "sample", f->path, NULL);
  run (&r, "check", "--as-of", "2025-06-30", f->path, NULL);
  red_before = check_value (r.out, "actions.red");
  updates_before = check_value (r.out, "updates");

  /* Pick an action that is not red now. */
  {
    g_autofree char *ref = bp_test_sql_text (f->path, "SELECT ref FROM action WHERE rag = 'G'"
                                                      " ORDER BY id LIMIT 1");

    run (&r, "update", f->path, ref, "--rag", "red", "--note", "Provider withdrew; escalated",
         "--asks", "Agree to fund a second provider", "--by", "Programme Manager", "--date",
         "2025-07-01", NULL);
    g_assert_cmpint (r.status, ==, 0);
    g_assert_nonnull (strstr (r.out, ref));
    g_assert_nonnull (strstr (r.out, "Red"));
  }
  run (&r, "check", "--as-of", "2025-06-30", f->path, NULL);
  g_assert_cmpint (check_value (r.out, "actions.red"), ==, red_before + 1);
  g_assert_cmpint (check_value (r.out, "updates"), ==, updates_before + 1);
  commentary = bp_test_sql_text (f->path, "SELECT commentary FROM progress_update ORDER BY id DESC LIMIT 1");
  author = bp_test_sql_text (f->path, "SELECT who FROM audit WHERE entity = 'progress_update'"
                                      " ORDER BY id DESC LIMIT 1");
  g_assert_cmpstr (commentary, ==, "Provider withdrew; escalated");
  g_assert_cmpstr (author, ==, "Programme Manager");
  {
    g_autofree char *asks = bp_test_sql_text (f->path, "SELECT asks FROM progress_update"
                                                       " ORDER BY id DESC LIMIT 1");

    g_assert_cmpstr (asks, ==, "Agree to fund a second provider");
  }

  run (&r, "update", f->path, "99.99", "--rag", "R", NULL);
  g_assert_cmpint (r.status, ==, 65);
  g_assert_nonnull (strstr (r.err, "99.99"));

  run (&r, "update", f->path, "1.1", "--rag", "purple", NULL);
  g_assert_cmpint (r.status, ==, 64);
  run (&r, "update", f->path, "1.1", NULL);
  g_assert_cmpint (r.status, ==, 64);
  run (&r, "update", f->path, "1.1", "--rag", "R", "--date", "2025-02-30", NULL);
  g_assert_cmpint (r.status, ==, 64);

  /* A read-only file: refused, and left exactly as it was. */
  {
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    g_assert_cmpint (g_chmod (f->path, 0444), ==, 0);
    before = bp_test_file_sum (f->path);
    run (&r, "update", f->path, "1.1", "--rag", "R", NULL);
    g_assert_cmpint (r.status, ==, 73);
    g_assert_nonnull (strstr (r.err, "not writable"));
    g_assert_cmpint (count_lines (r.err), ==, 1);
    after = bp_test_file_sum (f->path);
    g_assert_cmpstr (before, ==, after);
    g_chmod (f->path, 0644);
  }
}

static void
test_snapshot (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };
  g_autofree char *date = NULL;
  int before;

  run (&r, "sample", f->path, NULL);
  date = bp_test_sql_text (f->path, "SELECT max(date) FROM meeting");
  before = bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot");

  run (&r, "snapshot", f->path, "--meeting", date, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Replaced"));
  g_assert_nonnull (strstr (r.out, "143 actions"));
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot"), ==, before);

  run (&r, "snapshot", f->path, "--meeting", "2031-01-01", NULL);
  g_assert_cmpint (r.status, ==, 65);
  g_assert_nonnull (strstr (r.err, "no meeting on 2031-01-01"));
  g_assert_nonnull (strstr (r.err, date));

  run (&r, "snapshot", f->path, NULL);
  g_assert_cmpint (r.status, ==, 64);

  /* A new meeting, entered in the file, then its first snapshot. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (BpDb) db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
    BpMeeting m = { 0 };

    m.date = "2031-01-01";
    g_assert_true (bp_db_insert_meeting (db, &m, &error));
  }
  run (&r, "snapshot", f->path, "--meeting", "2031-01-01", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "Took"));
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM snapshot"), ==, before + 1);
}

/* Another program holds the write lock past the wait: exit 75, the
 * message says so, and the file is unchanged; a file in a sync folder is
 * named as such on stderr. */
static void
test_busy_and_shared (Fixture *f, gconstpointer data)
{
  g_auto (Run) r = { 0 };
  g_autofree char *sum = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *synced = NULL;
  g_autofree char *home_before = g_strdup (g_get_home_dir ());
  sqlite3 *other = NULL;

  run (&r, "sample", f->path, NULL);
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; UPDATE programme SET title = title",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sum = bp_test_file_sum (f->path);
  g_setenv ("BOARDPACK_BUSY_TIMEOUT_MS", "200", TRUE);
  run (&r, "update", f->path, "1.1", "--rag", "red", "--note", "Waited", NULL);
  g_unsetenv ("BOARDPACK_BUSY_TIMEOUT_MS");
  g_assert_cmpint (r.status, ==, 75);
  {
    g_autofree char *want = g_strdup_printf (
      "%s: another program is writing to this programme; try again\n", f->path);

    g_assert_cmpstr (r.err, ==, want);
  }
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
  {
    g_autofree char *now = bp_test_file_sum (f->path);

    g_assert_cmpstr (now, ==, sum);
  }

  /* Sync folders are looked for inside the home folder. */
  g_setenv ("HOME", f->dir, TRUE);
  folder = g_build_filename (f->dir, "Nextcloud", NULL);
  synced = g_build_filename (folder, "plan.boardpack", NULL);
  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  run (&r, "sample", synced, NULL);
  run (&r, "update", synced, "1.1", "--rag", "red", "--note", "In the cloud", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.err, "in a shared folder (Nextcloud)"));
  g_assert_nonnull (strstr (r.err, "share it by copy"));
  g_unlink (synced);
  g_rmdir (folder);
  g_setenv ("HOME", home_before, TRUE);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/cli/usage", test_usage);
  ADD ("/cli/new-and-check", test_new_and_check);
  ADD ("/cli/bad-files", test_bad_files);
  ADD ("/cli/check-upgrades", test_check_upgrades);
  ADD ("/cli/sample", test_sample);
  ADD ("/cli/update", test_update);
  ADD ("/cli/busy-and-shared", test_busy_and_shared);
  ADD ("/cli/snapshot", test_snapshot);
#undef ADD
  return g_test_run ();
}
