/* test-damaged.c: files damaged in ways the fuzzer (tests/fuzz/fuzz-open.c)
 * found, each refused with a clear error or read as far as it makes sense,
 * without a warning, a critical or undefined behaviour. */
#include "bp-pack.h"
#include "bp-test-util.h"

/* A small programme with one meeting, closed, in a fresh folder. */
static char *
write_programme (const char *dir)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, "damaged.boardpack", NULL);
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (path, &ids);
  BpMeeting m = { 0 };

  m.date = (char *) "2025-05-20";
  g_assert_true (bp_db_insert_meeting (db, &m, &error));
  g_assert_no_error (error);
  return path;
}

/* Writes @sql with plain SQLite, as another program (or damage) could. */
static void
damage (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

/* 2147483647 weeks between meetings: the pack's "next meeting" date
 * overflowed an int (UBSan). It is read within reason. */
static void
test_pack_huge_cadence (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *path = write_programme (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = NULL;
  g_autoptr (BpPack) pack = NULL;

  damage (path, "UPDATE programme SET cadence_weeks = 2147483647");
  db = bp_db_open (path, BP_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  pack = bp_pack_load (db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (bp_pack_get_meeting_date (pack), ==, "2025-05-20");
  g_clear_pointer (&pack, bp_pack_free);
  g_clear_object (&db);
  bp_test_rmdir (dir);
}

/* A meeting whose date is not a date, or NULL in spite of NOT NULL (the
 * pack runs no integrity check): the pack said "assertion 'as_of != NULL'
 * failed"; it is refused as damaged. */
static void
test_pack_meeting_without_date (gconstpointer data)
{
  const char *sql = data;
  g_autofree char *dir = bp_test_tmpdir ();
  g_autofree char *path = write_programme (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = NULL;
  g_autoptr (BpPack) pack = NULL;

  damage (path, sql);
  db = bp_db_open (path, BP_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  pack = bp_pack_load (db, NULL, &error);
  g_assert_null (pack);
  g_assert_error (error, BP_ERROR, BP_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "damaged"));
  g_clear_error (&error);
  /* A meeting asked for by its date: the same. */
  {
    BpPackOptions options = { "2025-05-20", NULL };

    pack = bp_pack_load (db, &options, &error);
    g_assert_null (pack);
    g_assert_error (error, BP_ERROR, BP_ERROR_CORRUPT);
  }
  g_clear_object (&db);
  bp_test_rmdir (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/damaged/pack/huge-cadence", test_pack_huge_cadence);
  g_test_add_data_func ("/damaged/pack/meeting-date-text",
                        "INSERT INTO meeting (date) VALUES ('not a date')",
                        test_pack_meeting_without_date);
  /* NOT NULL lifted from the schema's text for one write, then put back. */
  g_test_add_data_func ("/damaged/pack/meeting-date-null",
                        "PRAGMA writable_schema = ON;"
                        "UPDATE sqlite_schema SET sql = replace (sql, 'date TEXT NOT NULL UNIQUE',"
                        "  'date TEXT UNIQUE') WHERE name = 'meeting';"
                        "PRAGMA writable_schema = OFF;"
                        "PRAGMA schema_version = 1000;"
                        "INSERT INTO meeting (date) VALUES (NULL);"
                        "PRAGMA writable_schema = ON;"
                        "UPDATE sqlite_schema SET sql = replace (sql, 'date TEXT UNIQUE',"
                        "  'date TEXT NOT NULL UNIQUE') WHERE name = 'meeting';"
                        "PRAGMA writable_schema = OFF;",
                        test_pack_meeting_without_date);
  return g_test_run ();
}
