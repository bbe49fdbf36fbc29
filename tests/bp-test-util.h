/* bp-test-util.h: helpers shared by the tests (header-only). */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>

#include "bp-db.h"
#include "bp-query.h"
#include "bp-rules.h"

/* A fresh temporary folder, removed with its files by bp_test_rmdir(). */
static inline char *
bp_test_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("boardpack-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
bp_test_rmdir (const char *dir)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_chmod (path, 0644);
      g_unlink (path);
    }
  g_dir_close (d);
  g_chmod (dir, 0755);
  g_rmdir (dir);
}

/* The SHA-256 of a file's bytes, to prove a file was left as it was. */
static inline char *
bp_test_file_sum (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_strdup ("(missing)");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

/* Runs one SQL query on a file with plain SQLite and returns the first
 * column of the first row as text (or NULL). */
static inline char *
bp_test_sql_text (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *out = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    out = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return out;
}

static inline int
bp_test_sql_int (const char *path, const char *sql)
{
  g_autofree char *text = bp_test_sql_text (path, sql);

  return text ? atoi (text) : -1;
}

/* A small programme: two priorities, two people of one organisation,
 * and the actions 1.1 1.2 2.1 (one of each RAG and some overdue as of
 * 2025-06-30). Returns the open database. */
typedef struct
{
  gint64 org, alice, bob, p1, p2, a11, a12, a21;
} BpTestIds;

static inline gint64
bp_test_add_action (BpDb *db, const char *ref, gint64 priority, gint64 owner,
                    const char *title, const char *due, BpRag rag)
{
  g_autoptr (GError) error = NULL;
  BpAction a = { 0 };

  a.ref = (char *) ref;
  a.priority_id = priority;
  a.owner_id = owner;
  a.title = (char *) title;
  a.due_date = (char *) due;
  a.rag = rag;
  g_assert_true (bp_db_insert_action (db, &a, &error));
  g_assert_no_error (error);
  return a.id;
}

static inline BpDb *
bp_test_small_programme (const char *path, BpTestIds *ids)
{
  g_autoptr (GError) error = NULL;
  BpDb *db = bp_db_create (path, "Test programme", &error);
  BpOrganisation org = { 0, "Council", "council" };
  BpPerson alice = { 0, "Alice Owner", "Head of SEND", NULL, 0 };
  BpPerson bob = { 0, "Bob Lead", "Designated Clinical Officer", NULL, 0 };
  BpPriority p1 = { 0, "P1", "Leadership", 0, 1 };
  BpPriority p2 = { 0, "P2", "Inclusion", 0, 2 };

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_true (bp_db_insert_organisation (db, &org, &error));
  alice.organisation_id = org.id;
  bob.organisation_id = org.id;
  g_assert_true (bp_db_insert_person (db, &alice, &error));
  g_assert_true (bp_db_insert_person (db, &bob, &error));
  p1.lead_id = alice.id;
  g_assert_true (bp_db_insert_priority (db, &p1, &error));
  g_assert_true (bp_db_insert_priority (db, &p2, &error));
  g_assert_no_error (error);

  ids->org = org.id;
  ids->alice = alice.id;
  ids->bob = bob.id;
  ids->p1 = p1.id;
  ids->p2 = p2.id;
  ids->a11 = bp_test_add_action (db, "1.1", p1.id, alice.id, "Publish the Local Offer refresh",
                                 "2025-03-31", BP_RAG_GREEN);
  ids->a12 = bp_test_add_action (db, "1.2", p1.id, bob.id, "Recruit educational psychologists",
                                 "2025-09-30", BP_RAG_RED);
  ids->a21 = bp_test_add_action (db, "2.1", p2.id, alice.id, "Inclusion charter for schools",
                                 "2024-12-31", BP_RAG_BLUE);
  return db;
}

/* Version 0: the first shape of the file, made here with plain SQLite. */
static inline void
bp_test_write_v0_file (const char *path)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf (
    "PRAGMA application_id = %d;"
    "CREATE TABLE programme (title TEXT);"
    "CREATE TABLE priority (id INTEGER PRIMARY KEY, code TEXT, title TEXT);"
    "CREATE TABLE action (id INTEGER PRIMARY KEY, ref TEXT, priority_id INTEGER"
    "  REFERENCES priority, title TEXT, owner TEXT, due_date TEXT, rag TEXT);"
    "CREATE TABLE progress_update (id INTEGER PRIMARY KEY, action_id INTEGER"
    "  REFERENCES action, date TEXT, rag TEXT, commentary TEXT);"
    "INSERT INTO programme VALUES ('Early plan');"
    "INSERT INTO priority VALUES (1, 'P1', 'Leadership'), (2, 'P2', 'Inclusion');"
    "INSERT INTO action VALUES (1, '1.1', 1, 'Set up the board', 'Head of SEND', '2024-06-30', 'B'),"
    "  (2, '1.10', 1, 'Agree the scorecard', ' Head of SEND ', '2025-03-31', 'A'),"
    "  (3, '2.1', 2, 'Inclusion charter', 'Chair of Headteachers', NULL, NULL);"
    "INSERT INTO progress_update VALUES (1, 1, '2024-06-01', 'B', 'Board in place'),"
    "  (2, 2, '2025-02-01', 'A', 'Draft shared');",
    (int) BP_APPLICATION_ID);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}
