/* fuzz-open-seeds.c: the seed corpus of fuzz-open, damaged .boardpack files.
 *
 *   fuzz-open-seeds SEED_DIR [SAMPLE_DIR]
 *
 * Writes into SEED_DIR a small programme made with the core API (two
 * priority areas, three actions with updates and a milestone, a risk with
 * a mitigation and a linked action, a measure with values, three meetings,
 * the first two with their snapshots), stored with 512-byte pages: about 75 KiB, most
 * of it the schema's text, small enough for libFuzzer's mutations to reach
 * every page. Beside the intact file, the same in Welsh and bilingual, and
 * the same file damaged as files are:
 *
 *   - bytes flipped, in the header, in the schema page, in table pages;
 *   - truncated at a page boundary and in the middle of a page;
 *   - header fields changed: page size, page count, change counter,
 *     freelist, schema cookie, text encoding, file format (WAL or not),
 *     user_version (older, newer, negative) and application_id;
 *   - a page zeroed, two pages swapped;
 *   - rows whose values the schema forbids (a RAG of 'X', a likelihood of
 *     9, a NULL title, text that is not UTF-8, missing rows that others
 *     refer to), written with plain SQLite: a read-only integrity_check
 *     tests no CHECK constraint, and `pack` and `export` run none.
 *
 * With SAMPLE_DIR, also the built-in sample programme (bp_sample_write())
 * and a few damaged copies of it: too large to mutate, they are run once
 * each by run-fuzz.sh.
 *
 * Built by tests/fuzz/run-fuzz.sh with the same sanitizers as the target.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bp-db.h"
#include "bp-sample.h"

static void
check (gboolean ok, GError *error, const char *what)
{
  if (!ok)
    {
      g_printerr ("fuzz-open-seeds: %s: %s\n", what, error ? error->message : "failed");
      exit (1);
    }
}

static gint64
add_action (BpDb *db, const char *ref, gint64 priority, gint64 owner, const char *title,
            const char *due, BpRag rag)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpAction) a = bp_action_new ();

  a->ref = g_strdup (ref);
  a->priority_id = priority;
  a->owner_id = owner;
  a->title = g_strdup (title);
  a->due_date = g_strdup (due);
  a->rag = rag;
  a->percent = rag == BP_RAG_BLUE ? 100 : 40;
  check (bp_db_insert_action (db, a, &error), error, "action");
  return a->id;
}

static void
add_update (BpDb *db, gint64 action, const char *date, BpRag rag, const char *text)
{
  g_autoptr (GError) error = NULL;
  BpUpdate u = { 0, action, (char *) date, (char *) "Alice Owner", rag, (char *) text,
                 (char *) "Report to the board" };

  check (bp_db_add_update (db, &u, &error), error, "update");
}

static gint64
add_meeting (BpDb *db, const char *date)
{
  g_autoptr (GError) error = NULL;
  BpMeeting m = { 0 };

  m.date = (char *) date;
  m.title = (char *) "SEND improvement plan: progress";
  m.author = (char *) "Head of SEND";
  m.summary = (char *) "Progress since the last board.";
  m.recommendations = (char *) "The board notes the progress.";
  check (bp_db_insert_meeting (db, &m, &error), error, "meeting");
  return m.id;
}

static void
write_small (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = bp_db_create (path, "Fuzz programme", &error);
  g_autoptr (BpProgramme) prog = NULL;
  BpOrganisation org = { 0, "Council", "council" };
  BpPerson alice = { 0, "Alice Owner", "Head of SEND", NULL, 0 };
  BpPerson bob = { 0, "Bob Lead", "Designated Clinical Officer", NULL, 0 };
  BpPriority p1 = { 0, "P1", "Leadership", 0, 1 };
  BpPriority p2 = { 0, "P2", "Inclusion", 0, 2 };
  BpMilestone ms = { 0 };
  BpMitigation mit = { 0 };
  g_autoptr (BpRisk) risk = bp_risk_new ();
  g_autoptr (BpMeasure) measure = bp_measure_new ();
  static const char *const periods[][2] = {
    { "Mar-25", "2025-03-31" }, { "Apr-25", "2025-04-30" }, { "May-25", "2025-05-31" },
  };
  gint64 a11, a12, a21, m1, m2;

  check (db != NULL, error, path);
  prog = bp_db_get_programme (db, &error);
  check (prog != NULL, error, "programme");
  g_free (prog->board);
  prog->board = g_strdup ("SEND Improvement Board");
  g_free (prog->chair);
  prog->chair = g_strdup ("Chair");
  check (bp_db_update_programme (db, prog, &error), error, "programme");

  check (bp_db_insert_organisation (db, &org, &error), error, "organisation");
  alice.organisation_id = org.id;
  bob.organisation_id = org.id;
  check (bp_db_insert_person (db, &alice, &error) && bp_db_insert_person (db, &bob, &error),
         error, "person");
  p1.lead_id = alice.id;
  check (bp_db_insert_priority (db, &p1, &error) && bp_db_insert_priority (db, &p2, &error),
         error, "priority");
  a11 = add_action (db, "1.1", p1.id, alice.id, "Publish the Local Offer refresh", "2025-03-31",
                    BP_RAG_GREEN);
  a12 = add_action (db, "1.2", p1.id, bob.id, "Recruit educational psychologists", "2025-05-30",
                    BP_RAG_AMBER);
  a21 = add_action (db, "2.1", p2.id, alice.id, "Inclusion charter for schools", "2024-12-31",
                    BP_RAG_NOT_STARTED);

  ms.action_id = a12;
  ms.title = (char *) "Posts advertised";
  ms.due_date = (char *) "2025-06-15";
  check (bp_db_insert_milestone (db, &ms, &error), error, "milestone");

  risk->ref = g_strdup ("R1");
  risk->title = g_strdup ("Not enough specialist places");
  risk->owner_id = bob.id;
  risk->inherent_l = 4, risk->inherent_i = 5;
  risk->current_l = 3, risk->current_i = 4;
  risk->target_l = 2, risk->target_i = 3;
  check (bp_db_insert_risk (db, risk, &error), error, "risk");
  mit.risk_id = risk->id;
  mit.description = (char *) "Expand resourced provision";
  mit.owner_id = alice.id;
  mit.status = (char *) "in progress";
  check (bp_db_insert_mitigation (db, &mit, &error), error, "mitigation");
  check (bp_db_link_risk_action (db, risk->id, a12, &error), error, "link");

  measure->ref = g_strdup ("M1");
  measure->title = g_strdup ("EHC plans issued within 20 weeks");
  measure->unit = g_strdup ("%");
  measure->target = 60;
  measure->tolerance = 5;
  check (bp_db_insert_measure (db, measure, &error), error, "measure");
  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autoptr (BpMeasureValue) v = bp_measure_value_new ();

      v->measure_id = measure->id;
      v->period = g_strdup (periods[i][0]);
      v->period_end = g_strdup (periods[i][1]);
      v->value = 40 + 8 * i;
      check (bp_db_insert_measure_value (db, v, &error), error, "value");
    }
  check (bp_db_link_action_measure (db, a21, measure->id, &error), error, "link");

  add_update (db, a11, "2025-03-20", BP_RAG_GREEN, "On track");
  add_update (db, a12, "2025-03-20", BP_RAG_AMBER, "Two posts unfilled");
  m1 = add_meeting (db, "2025-04-08");
  check (bp_db_take_snapshot (db, m1, NULL, &error) != 0, error, "snapshot");
  add_update (db, a11, "2025-05-13", BP_RAG_BLUE, "Published");
  add_update (db, a12, "2025-05-13", BP_RAG_RED, "Recruitment paused");
  m2 = add_meeting (db, "2025-05-20");
  check (bp_db_take_snapshot (db, m2, NULL, &error) != 0, error, "snapshot");
  add_meeting (db, "2025-07-01");
}

static void
exec_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK
      || sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    {
      g_printerr ("fuzz-open-seeds: %s: %s: %s\n", path, sql,
                  message ? message : sqlite3_errmsg (db));
      exit (1);
    }
  sqlite3_close (db);
}

/* The file as one block of bytes, with no -wal beside it: rewritten with
 * @page_size pages, in WAL mode as every .boardpack file is. */
static GBytes *
compact (const char *path, int page_size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = DELETE; PRAGMA page_size = %d;"
                                          " VACUUM; PRAGMA journal_mode = WAL;", page_size);
  g_autoptr (GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  exec_sql (path, sql);
  check (g_file_get_contents (path, &data, &len, &error), error, path);
  return g_bytes_new_take (data, len);
}

static void
save (const char *dir, const char *name, const guint8 *data, gsize len)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);

  check (g_file_set_contents (path, (const char *) data, len, &error), error, path);
}

static void
put_be (guint8 *p, int n, guint32 v)
{
  for (int i = n - 1; i >= 0; i--, v >>= 8)
    p[i] = v & 0xff;
}

/* The damaged copies of @file, each named NAME-WHAT. */
static void
write_damaged (const char *dir, const char *name, GBytes *file)
{
  gsize len;
  const guint8 *orig = g_bytes_get_data (file, &len);
  guint page = (orig[16] << 8) | orig[17];
  guint n_pages = len / page;
  g_autofree guint8 *d = g_malloc (len);
  GRand *rand = g_rand_new_with_seed (0x426f6172);
  struct
  {
    const char *what;
    guint offset, n;
    guint32 value;
  } fields[] = {
    { "page-size-1000", 16, 2, 1000 },     { "page-size-1", 16, 2, 1 },
    { "page-size-65536", 16, 2, 0 },       { "write-version-0", 18, 1, 0 },
    { "read-version-1", 19, 1, 1 },        { "read-version-3", 19, 1, 3 },
    { "reserved-255", 20, 1, 255 },        { "payload-fraction", 21, 1, 100 },
    { "change-counter", 24, 4, 0x12345 },  { "page-count-big", 28, 4, 0x7fffffff },
    { "page-count-0", 28, 4, 0 },          { "freelist-trunk", 32, 4, 3 },
    { "freelist-count", 36, 4, 1000 },     { "schema-cookie", 40, 4, 9999 },
    { "schema-format-9", 44, 4, 9 },       { "encoding-utf16", 56, 4, 2 },
    { "encoding-bad", 56, 4, 7 },          { "user-version-0", 60, 4, 0 },
    { "user-version-2", 60, 4, 2 },        { "user-version-negative", 60, 4, 0xffffffff },
    { "vacuum-auto", 52, 4, 1 },           { "application-id", 68, 4, 0x12345678 },
    { "valid-for", 92, 4, 0 },             { "magic", 0, 4, 0x53514c00 },
  };

  save (dir, name, orig, len);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *out = g_strdup_printf ("%s-%s", name, fields[i].what);

      memcpy (d, orig, len);
      put_be (d + fields[i].offset, fields[i].n, fields[i].value);
      save (dir, out, d, len);
    }

  /* Truncated: at page boundaries, inside a page, inside the header. */
  {
    const gsize cuts[] = { 50, 100, page, page + page / 2, len / 2, len - page, len - 1 };

    for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
      {
        g_autofree char *out = g_strdup_printf ("%s-truncated-%zu", name, (size_t) cuts[i]);

        if (cuts[i] < len)
          save (dir, out, orig, cuts[i]);
      }
  }

  /* Bytes flipped: a few in each of several pages, then random ones. */
  for (guint p = 0; p < n_pages && p < 12; p++)
    {
      g_autofree char *out = g_strdup_printf ("%s-flip-page-%u", name, p + 1);

      memcpy (d, orig, len);
      for (int k = 0; k < 4; k++)
        d[p * page + (p == 0 ? 100 : 0) + g_rand_int_range (rand, 0, page - 100)] ^=
          1u << g_rand_int_range (rand, 0, 8);
      save (dir, out, d, len);
    }
  for (int i = 0; i < 8; i++)
    {
      g_autofree char *out = g_strdup_printf ("%s-flip-random-%d", name, i);

      memcpy (d, orig, len);
      for (int k = 0; k < 1 + i * 4; k++)
        d[g_rand_int_range (rand, 100, len)] ^= 0xff;
      save (dir, out, d, len);
    }

  /* A page zeroed, two pages swapped. */
  if (n_pages > 4)
    {
      g_autofree char *zero = g_strdup_printf ("%s-zero-page-%u", name, n_pages / 2);
      g_autofree char *swap = g_strdup_printf ("%s-swap-pages", name);

      memcpy (d, orig, len);
      memset (d + (n_pages / 2) * page, 0, page);
      save (dir, zero, d, len);
      memcpy (d, orig, len);
      memcpy (d + 2 * page, orig + 3 * page, page);
      memcpy (d + 3 * page, orig + 2 * page, page);
      save (dir, swap, d, len);
    }
  g_rand_free (rand);
}

static void
remove_files (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
}

/* Runs @sql with the file's triggers set aside (progress updates cannot
 * be changed, the audit log records every write), then puts them back. */
static void
without_triggers (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr (GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) script = g_string_new ("PRAGMA ignore_check_constraints = ON;"
                                             " PRAGMA foreign_keys = OFF; BEGIN;");

  if (sqlite3_open (path, &db) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'", -1,
                             &stmt, NULL) != SQLITE_OK)
    {
      g_printerr ("fuzz-open-seeds: %s: %s\n", path, sqlite3_errmsg (db));
      exit (1);
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (script, "DROP TRIGGER \"%s\";", sqlite3_column_text (stmt, 0));
      g_ptr_array_add (triggers, g_strdup_printf ("%s;", sqlite3_column_text (stmt, 1)));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_string_append (script, sql);
  for (guint i = 0; i < triggers->len; i++)
    g_string_append (script, g_ptr_array_index (triggers, i));
  g_string_append (script, "COMMIT;");
  exec_sql (path, script->str);
}

/* Rows that break the schema's rules, as another program (or a damaged
 * record header) could leave them: a read-only integrity_check tests no
 * CHECK constraint, and `pack` and `export` run no integrity_check. NOT
 * NULL is lifted from the schema's text for one write and put back. */
static void
write_bad_rows (const char *dir, const char *name, const char *path)
{
  static const char relax[] =
    "PRAGMA writable_schema = ON;"
    "UPDATE sqlite_schema SET sql = replace (sql, ' NOT NULL', ' /*NN*/')"
    "  WHERE type = 'table' AND name IN ('action', 'risk', 'measure', 'priority', 'meeting',"
    "  'programme', 'person', 'progress_update');"
    "PRAGMA writable_schema = OFF;";
  static const char restore[] =
    "PRAGMA writable_schema = ON;"
    "UPDATE sqlite_schema SET sql = replace (sql, ' /*NN*/', ' NOT NULL') WHERE type = 'table';"
    "PRAGMA writable_schema = OFF;";
  static const struct
  {
    const char *what, *sql;
    gboolean nulls;
  } bad[] = {
    /* Not damage: the pack's other languages, for the mutations to start from. */
    { "welsh", "UPDATE programme SET language = 'cy';", FALSE },
    { "bilingual", "UPDATE programme SET language = 'bilingual';", FALSE },
    { "rag-x", "UPDATE action SET rag = 'X' WHERE ref = '1.2';"
               "UPDATE progress_update SET rag = 'Q';", FALSE },
    { "scores-9", "UPDATE risk SET current_l = 9, current_i = -3, target_l = 77;", FALSE },
    { "null-text", "UPDATE action SET title = NULL, ref = NULL; UPDATE risk SET title = NULL,"
                   " ref = NULL; UPDATE measure SET title = NULL; UPDATE priority SET code = NULL,"
                   " title = NULL; UPDATE person SET name = NULL; UPDATE meeting SET date = NULL;"
                   " UPDATE progress_update SET date = NULL, rag = NULL;"
                   " UPDATE programme SET title = NULL, language = NULL;", TRUE },
    { "bad-dates", "UPDATE action SET due_date = '2025-02-30', start_date = 'soon';"
                   "UPDATE meeting SET date = 'not a date' WHERE date = '2025-07-01';"
                   "UPDATE measure_value SET period_end = '99999-99-99';"
                   "UPDATE milestone SET due_date = '';", FALSE },
    { "programme-odd", "UPDATE programme SET language = 'xx', fy_start_month = 0,"
                       " cadence_weeks = -5;", FALSE },
    { "blob-values", "UPDATE action SET percent = x'00ff', title = x'c328' WHERE ref = '1.1';"
                     "UPDATE risk SET title = x'ff00fe';"
                     "UPDATE measure_value SET value = 'lots';", FALSE },
    { "huge-numbers", "UPDATE action SET percent = 9223372036854775807;"
                      "UPDATE risk SET inherent_l = -9223372036854775808;"
                      "UPDATE measure SET target = 1e308, tolerance = -1e308;"
                      "UPDATE measure_value SET value = 1e308;"
                      "UPDATE programme SET cadence_weeks = 2147483647;", FALSE },
    { "dangling", "DELETE FROM person; DELETE FROM priority WHERE code = 'P2';"
                  "DELETE FROM meeting WHERE date = '2025-04-08';", FALSE },
    { "no-programme", "DELETE FROM programme;", FALSE },
    { "no-meetings", "DELETE FROM snapshot; DELETE FROM meeting;", FALSE },
    { "bands", "DELETE FROM risk_band; INSERT INTO risk_band (min_score, max_score, name, colour)"
               " VALUES (30, 1, 'odd', 'not a colour');", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *copy = g_strdup_printf ("%s.bad", path);
      g_autofree char *out = g_strdup_printf ("%s-%s", name, bad[i].what);
      g_autoptr (GError) error = NULL;
      char *data = NULL;
      gsize len = 0;

      check (g_file_get_contents (path, &data, &len, &error), error, path);
      check (g_file_set_contents (copy, data, len, &error), error, copy);
      g_free (data);
      exec_sql (copy, "PRAGMA journal_mode = DELETE;");
      if (bad[i].nulls)
        exec_sql (copy, relax);
      without_triggers (copy, bad[i].sql);
      if (bad[i].nulls)
        exec_sql (copy, restore);
      exec_sql (copy, "PRAGMA journal_mode = WAL;");
      check (g_file_get_contents (copy, &data, &len, &error), error, copy);
      save (dir, out, (const guint8 *) data, len);
      g_free (data);
      remove_files (copy);
    }
}

int
main (int argc, char **argv)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *small = NULL;

  if (argc < 2 || argc > 3)
    {
      g_printerr ("usage: fuzz-open-seeds SEED_DIR [SAMPLE_DIR]\n");
      return 2;
    }
  tmp = g_dir_make_tmp ("boardpack-seeds-XXXXXX", &error);
  check (tmp != NULL, error, "temporary folder");
  g_mkdir_with_parents (argv[1], 0755);

  small = g_build_filename (tmp, "small.boardpack", NULL);
  write_small (small);
  {
    g_autoptr (GBytes) bytes = compact (small, 512);

    write_damaged (argv[1], "small", bytes);
    write_bad_rows (argv[1], "small", small);
  }
  remove_files (small);

  if (argc == 3)
    {
      g_autofree char *sample = g_build_filename (tmp, "sample.boardpack", NULL);
      g_autoptr (BpDb) db = bp_sample_write (sample, &error);
      g_autoptr (GBytes) bytes = NULL;
      gsize len;
      const guint8 *orig;
      g_autofree guint8 *d = NULL;

      check (db != NULL, error, "sample");
      g_clear_object (&db);
      g_mkdir_with_parents (argv[2], 0755);
      bytes = compact (sample, 4096);
      orig = g_bytes_get_data (bytes, &len);
      d = g_memdup2 (orig, len);
      /* The intact sample, and a few kinds of damage: the rest is for the
       * small file, which the fuzzer mutates. */
      save (argv[2], "sample", orig, len);
      save (argv[2], "sample-truncated", orig, len / 2 + 1000);
      for (gsize i = 4096 + 17; i < len; i += 4096 * 7 + 333)
        d[i] ^= 0x5a;
      save (argv[2], "sample-flipped", d, len);
      memcpy (d, orig, len);
      put_be (d + 60, 4, 0);
      save (argv[2], "sample-user-version-0", d, len);
      memcpy (d, orig, len);
      put_be (d + 60, 4, 0xffffffff);
      save (argv[2], "sample-user-version-negative", d, len);
      write_bad_rows (argv[2], "sample", sample);
      remove_files (sample);
    }
  g_rmdir (tmp);
  return 0;
}
