/* test-file.c: the .boardpack file as a document: the main file alone
 * holds every committed write once checkpointed or closed, writers wait
 * for each other, a file in a shared folder keeps a rollback journal, and
 * side files left by a crash or by another copy are told apart. */
#include "bp-db-private.h"
#include "bp-sample.h"
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

static goffset
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? st.st_size : -1;
}

static char *
side_file (const char *path, const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

/* The main file copied on its own, as an officer e-mailing it would. */
static char *
copy_alone (Fixture *f, const char *path, const char *name)
{
  g_autofree char *data = NULL;
  gsize len = 0;
  char *copy = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_true (g_file_set_contents (copy, data, len, NULL));
  return copy;
}

static void
add_note (BpDb *db, const char *ref, const char *note)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpAction) action = bp_db_find_action (db, ref, &error);
  BpUpdate u = { 0, 0, "2026-11-30", "Tester", BP_RAG_AMBER, (char *) note, NULL };

  g_assert_no_error (error);
  u.action_id = action->id;
  g_assert_true (bp_db_add_update (db, &u, &error));
  g_assert_no_error (error);
}

static int
count_note (const char *path, const char *note)
{
  g_autofree char *sql = g_strdup_printf (
    "SELECT count(*) FROM progress_update WHERE commentary = '%s'", note);

  return bp_test_sql_int (path, sql);
}

static void
test_checkpoint_while_open (Fixture *f, gconstpointer data)
{
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (f->path, &ids);
  g_autoptr (GError) error = NULL;
  g_autofree char *wal = side_file (f->path, "-wal");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (bp_db_checkpoint (db, 1000, &error));
  add_note (db, "1.1", "in the WAL only");
  /* Committed, but still only in the WAL file: the main file alone lacks it. */
  g_assert_cmpint (file_size (wal), >, 0);
  before = copy_alone (f, f->path, "before.boardpack");
  g_assert_cmpint (count_note (before, "in the WAL only"), ==, 0);

  g_assert_true (bp_db_checkpoint (db, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_size (wal), ==, 0);
  after = copy_alone (f, f->path, "after.boardpack");
  g_assert_cmpint (count_note (after, "in the WAL only"), ==, 1);
}

static void
test_close_leaves_no_side_file (Fixture *f, gconstpointer data)
{
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (f->path, &ids);
  g_autoptr (BpDb) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *wal = side_file (f->path, "-wal");
  g_autofree char *shm = side_file (f->path, "-shm");
  g_autofree char *alone = NULL;

  /* A second program has the file open: closing the first cannot remove
   * the WAL, but finalizing it still copies its writes into the file. */
  other = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  add_note (db, "1.2", "written before close");
  g_clear_object (&db);
  alone = copy_alone (f, f->path, "alone.boardpack");
  g_assert_cmpint (count_note (alone, "written before close"), ==, 1);

  /* Closed explicitly while a reference is still held: later calls fail
   * with a message, and the last close removes the side files. */
  {
    g_autoptr (BpDb) held = g_object_ref (other);

    bp_db_close (other);
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
    g_assert_null (bp_db_find_action (held, "1.1", &error));
    g_assert_error (error, BP_ERROR, BP_ERROR_IO);
  }
}

static void
test_writer_waits (Fixture *f, gconstpointer data)
{
  BpTestIds ids;
  g_autoptr (BpDb) db = bp_test_small_programme (f->path, &ids);
  g_autoptr (GError) error = NULL;
  g_autofree char *sum = NULL;
  sqlite3 *other = NULL;

  g_clear_object (&db);
  /* Another program holds the write lock past the wait (shortened for the
   * tests in main()): the write fails with its own error and changes
   * nothing; the reads at open wait too, and then fail the same way. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE; UPDATE programme SET title = 'x'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  sum = bp_test_file_sum (f->path);
  {
    g_autoptr (BpAction) action = bp_db_find_action (db, "1.1", &error);
    BpUpdate u = { 0, action->id, "2026-11-30", "Tester", BP_RAG_RED, "blocked", NULL };

    g_assert_false (bp_db_add_update (db, &u, &error));
    g_assert_error (error, BP_ERROR, BP_ERROR_BUSY);
    g_assert_cmpstr (strstr (error->message, "another program is writing to this programme"),
                     !=, NULL);
    g_assert_true (g_str_has_prefix (error->message, f->path));
    g_assert_cmpint (bp_error_exit_code (error), ==, 75);
    g_clear_error (&error);
  }
  g_assert_cmpint (sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autofree char *now = bp_test_file_sum (f->path);

    g_assert_cmpstr (now, ==, sum);
  }
  /* Once the other program is done, the same write goes through. */
  add_note (db, "1.1", "after the wait");
  sqlite3_close (other);
  g_clear_object (&db);
  g_assert_cmpint (count_note (f->path, "after the wait"), ==, 1);

  /* An exclusive lock (a program holding the file in exclusive locking
   * mode) makes even the first read at open wait, then fail the same way. */
  g_assert_cmpint (sqlite3_open (f->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  db = bp_db_open (f->path, BP_OPEN_READ_ONLY, &error);
  g_assert_null (db);
  g_assert_error (error, BP_ERROR, BP_ERROR_BUSY);
  sqlite3_exec (other, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (other);
}

static void
test_network_fs_names (void)
{
  g_assert_cmpstr (bp_db_network_fs_name (0x6969), ==, "NFS");
  g_assert_cmpstr (bp_db_network_fs_name (0xFF534D42), ==, "CIFS");
  g_assert_cmpstr (bp_db_network_fs_name (0xFE534D42), ==, "SMB2");
  g_assert_cmpstr (bp_db_network_fs_name (0x65735546), ==, "FUSE");
  /* ext4, tmpfs, btrfs, xfs: local. */
  g_assert_null (bp_db_network_fs_name (0xEF53));
  g_assert_null (bp_db_network_fs_name (0x01021994));
  g_assert_null (bp_db_network_fs_name (0x9123683E));
  g_assert_null (bp_db_network_fs_name (0x58465342));
}

static void
test_sync_folder (Fixture *f, gconstpointer data)
{
  /* HOME is a scratch folder (main()): sync folders are looked for
   * inside the home folder only. */
  g_autofree char *folder = g_build_filename (g_get_home_dir (), "OneDrive - Wessex Bay Council",
                                              NULL);
  g_autofree char *path = g_build_filename (folder, "plan.boardpack", NULL);
  g_autofree char *wal = side_file (path, "-wal");
  g_autofree char *journal = side_file (path, "-journal");
  g_autofree char *mode = NULL;
  g_autofree char *alone = NULL;
  g_autoptr (GError) error = NULL;
  BpTestIds ids;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  {
    g_autoptr (BpDb) db = bp_test_small_programme (path, &ids);

    g_assert_cmpstr (bp_db_get_shared_folder (db), ==, "OneDrive");
    add_note (db, "2.1", "saved in the sync folder");
    /* A rollback journal: after each commit the main file alone is whole.
     * Holding its lock, SQLite keeps the journal file but zeroes its
     * header, so that it is never taken for an unfinished commit. */
    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    if (g_file_test (journal, G_FILE_TEST_EXISTS))
      {
        g_autofree char *head = NULL;
        gsize len = 0;

        g_assert_true (g_file_get_contents (journal, &head, &len, NULL));
        for (gsize i = 0; i < MIN (len, 28); i++)
          g_assert_cmpint (head[i], ==, 0);
      }
    alone = copy_alone (f, path, "alone.boardpack");
    g_assert_cmpint (count_note (alone, "saved in the sync folder"), ==, 1);

    /* One program at a time: the open connection keeps a second one out. */
    {
      g_autoptr (BpDb) second = NULL;

      second = bp_db_open (path, BP_OPEN_READ_ONLY, &error);
      g_assert_null (second);
      g_assert_error (error, BP_ERROR, BP_ERROR_BUSY);
      g_clear_error (&error);
    }
  }
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  mode = bp_test_sql_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_assert_null (bp_db_shared_folder_kind (f->path));
  {
    static const struct { const char *rel; const char *kind; } cases[] = {
      { "Dropbox/board/plan.boardpack", "Dropbox" },
      { "Dropbox (Wessex Bay Council)/plan.boardpack", "Dropbox" },
      { "Documents/Nextcloud/SEND/plan.boardpack", "Nextcloud" },
      /* Named like a client's, but not a client's. */
      { "box/plan.boardpack", NULL },
      { "Projects/mega/plan.boardpack", NULL },
      { "Dropboxes/plan.boardpack", NULL },
      { "OneDrive-old/plan.boardpack", NULL },
    };
    g_autofree char *outside = bp_db_shared_folder_kind ("/media/officer/MEGA/plan.boardpack");

    for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autofree char *p = g_build_filename (g_get_home_dir (), cases[i].rel, NULL);
        g_autofree char *kind = bp_db_shared_folder_kind (p);

        g_assert_cmpstr (kind, ==, cases[i].kind);
      }
    /* A disk labelled MEGA, outside the home folder. */
    g_assert_null (outside);
    /* Asked for by name, any folder is one. */
    g_setenv ("BOARDPACK_SHARED_FOLDER", "Egnyte", TRUE);
    {
      g_autofree char *forced = bp_db_shared_folder_kind (f->path);

      g_assert_cmpstr (forced, ==, "Egnyte");
    }
    g_unsetenv ("BOARDPACK_SHARED_FOLDER");
  }
  g_unlink (path);
  g_rmdir (folder);
}

/* A sample file with a WAL of its own, left as a crash leaves it: the
 * file and its -wal copied while the writer still had them open. */
static void
make_crash_copy (Fixture *f, const char *from, const char *to, const char *note)
{
  g_autofree char *from_wal = side_file (from, "-wal");
  g_autofree char *to_wal = side_file (to, "-wal");
  g_autofree char *data = NULL;
  gsize len = 0;
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf (
    "PRAGMA journal_mode = WAL;"
    "INSERT INTO progress_update (action_id, date, author, rag, commentary)"
    "  SELECT id, '2026-11-30', 'Tester', 'R', '%s' FROM action WHERE ref = '3.2'", note);

  g_assert_cmpint (sqlite3_open (from, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (file_size (from_wal), >, 0);
  if (to)
    {
      g_assert_true (g_file_get_contents (from_wal, &data, &len, NULL));
      g_assert_true (g_file_set_contents (to_wal, data, len, NULL));
    }
  sqlite3_close (db);
}

static void
test_left_wal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *crashed = g_build_filename (f->dir, "crashed.boardpack", NULL);
  g_autofree char *other = g_build_filename (f->dir, "other.boardpack", NULL);
  g_autofree char *other_wal = side_file (other, "-wal");
  g_autofree char *sum = NULL;
  g_autofree char *wal_sum = NULL;

  {
    g_autoptr (BpDb) sample = bp_sample_write (f->path, &error);

    g_assert_no_error (error);
  }

  /* A crash: its own WAL fits, and the write in it is kept. */
  {
    g_autofree char *data2 = NULL;
    gsize len = 0;

    g_assert_true (g_file_get_contents (f->path, &data2, &len, NULL));
    g_assert_true (g_file_set_contents (crashed, data2, len, NULL));
    g_assert_true (g_file_set_contents (other, data2, len, NULL));
  }
  make_crash_copy (f, f->path, crashed, "kept after a crash");
  {
    g_autoptr (BpDb) db = bp_db_open (crashed, BP_OPEN_DEFAULT, &error);
    g_autofree char *alone = NULL;

    g_assert_no_error (error);
    g_assert_nonnull (db);
    /* Applied, and at once in the main file too, while still open. */
    alone = copy_alone (f, crashed, "crashed-alone.boardpack");
    g_assert_cmpint (count_note (alone, "kept after a crash"), ==, 1);
  }
  g_assert_cmpint (count_note (crashed, "kept after a crash"), ==, 1);

  /* Another copy, given one edit of its own since, and given this one's
   * WAL: sound as a database, but it would replace that edit. Opening it
   * refuses and changes nothing. */
  {
    g_autoptr (BpDb) db = bp_db_open (other, BP_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    for (int i = 0; i < 1; i++)
      {
        g_autofree char *note = g_strdup_printf ("edited on the other copy %d", i);

        add_note (db, "2.1", note);
      }
  }
  g_assert_false (g_file_test (other_wal, G_FILE_TEST_EXISTS));
  make_crash_copy (f, crashed, other, "from the wrong copy");
  sum = bp_test_file_sum (other);
  wal_sum = bp_test_file_sum (other_wal);
  {
    g_autoptr (BpDb) db = bp_db_open (other, BP_OPEN_DEFAULT, &error);

    g_assert_null (db);
    g_assert_error (error, BP_ERROR, BP_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "does not fit this file"));
    g_clear_error (&error);
    db = bp_db_open (other, BP_OPEN_READ_ONLY, &error);
    g_assert_null (db);
    g_assert_error (error, BP_ERROR, BP_ERROR_CORRUPT);
    g_clear_error (&error);
  }
  {
    g_autofree char *now = bp_test_file_sum (other);
    g_autofree char *wal_now = bp_test_file_sum (other_wal);

    g_assert_cmpstr (now, ==, sum);
    g_assert_cmpstr (wal_now, ==, wal_sum);
  }
  /* Moved away as the message says, the copy opens as it was saved. */
  g_assert_cmpint (g_unlink (other_wal), ==, 0);
  {
    g_autoptr (BpDb) db = bp_db_open (other, BP_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpint (count_note (other, "edited on the other copy 0"), ==, 1);
}

/* Two BpDb of one process on one file, and another program writing
 * between them: the second open must not drop the first one's locks, or
 * the other program would think itself alone and remove the WAL. */
static void
run_update (const char *path, const char *note)
{
  g_autoptr (GError) error = NULL;
  const char *argv[] = { g_getenv ("BOARDPACK"), "update", path, "1.1", "--rag", "red",
                         "--note", note, NULL };
  int status = -1;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL,
                               NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

static void
test_second_open_here (Fixture *f, gconstpointer data)
{
  BpTestIds ids;
  g_autoptr (BpDb) first = bp_test_small_programme (f->path, &ids);
  g_autoptr (BpDb) second = NULL;
  g_autoptr (GError) error = NULL;
  static const char *const notes[] = { "first before", "from another program",
                                       "first after", "another program again", "first last",
                                       "second last" };

  add_note (first, "1.2", notes[0]);
  second = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  run_update (f->path, notes[1]);
  add_note (first, "1.2", notes[2]);
  run_update (f->path, notes[3]);
  add_note (first, "1.2", notes[4]);
  add_note (second, "2.1", notes[5]);
  g_clear_object (&first);
  g_clear_object (&second);
  for (gsize i = 0; i < G_N_ELEMENTS (notes); i++)
    g_assert_cmpint (count_note (f->path, notes[i]), ==, 1);
}

/* A reader (check, a pack) that closes after the writer must copy the
 * writer's last writes into the main file, not leave them in the WAL. */
static void
test_reader_closes_last (Fixture *f, gconstpointer data)
{
  BpTestIds ids;
  g_autoptr (BpDb) writer = bp_test_small_programme (f->path, &ids);
  g_autoptr (BpDb) reader = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *wal = side_file (f->path, "-wal");
  g_autofree char *alone = NULL;

  reader = bp_db_open (f->path, BP_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (bp_db_is_read_only (reader));
  /* Holding a snapshot from before the write, as a pack being drawn does. */
  g_assert_cmpint (sqlite3_exec (bp_db_get_handle (reader),
                                 "BEGIN; SELECT count(*) FROM action", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  add_note (writer, "1.1", "written while read");
  g_clear_object (&writer);
  alone = copy_alone (f, f->path, "held.boardpack");
  g_assert_cmpint (count_note (alone, "written while read"), ==, 0);
  g_assert_cmpint (sqlite3_exec (bp_db_get_handle (reader), "COMMIT", NULL, NULL, NULL),
                   ==, SQLITE_OK);
  g_clear_object (&reader);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_clear_pointer (&alone, g_free);
  alone = copy_alone (f, f->path, "released.boardpack");
  g_assert_cmpint (count_note (alone, "written while read"), ==, 1);
}

typedef struct
{
  const char *path;
  gulong hold_us;
  GMutex lock;
  GCond cond;
  gboolean holding;
} Holder;

static gpointer
hold_write_lock (gpointer data)
{
  Holder *h = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (h->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; UPDATE programme SET title = title",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_mutex_lock (&h->lock);
  h->holding = TRUE;
  g_cond_signal (&h->cond);
  g_mutex_unlock (&h->lock);
  g_usleep (h->hold_us); /* another program's write, under way */
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return NULL;
}

/* A write that meets another's lock waits for it: with a wait of two
 * seconds, a lock held for a third of one delays the write, no more. */
static void
test_writer_waits_its_turn (Fixture *f, gconstpointer data)
{
  BpTestIds ids;
  g_autoptr (BpDb) db = NULL;
  g_autoptr (GError) error = NULL;
  Holder holder = { f->path, 300000 };
  gint64 deadline;
  GThread *thread;
  gint64 start;

  db = bp_test_small_programme (f->path, &ids);
  g_clear_object (&db);
  g_setenv ("BOARDPACK_BUSY_TIMEOUT_MS", "2000", TRUE);
  db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
  g_setenv ("BOARDPACK_BUSY_TIMEOUT_MS", "300", TRUE);
  g_assert_no_error (error);
  g_mutex_init (&holder.lock);
  g_cond_init (&holder.cond);
  thread = g_thread_new ("holder", hold_write_lock, &holder);
  /* Until the holder has the lock, there is nothing to wait for. */
  deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
  g_mutex_lock (&holder.lock);
  while (!holder.holding)
    g_assert_true (g_cond_wait_until (&holder.cond, &holder.lock, deadline) || holder.holding);
  g_mutex_unlock (&holder.lock);
  start = g_get_monotonic_time ();
  add_note (db, "1.1", "waited its turn");
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 150000);
  g_thread_join (thread);
  g_cond_clear (&holder.cond);
  g_mutex_clear (&holder.lock);
  g_clear_object (&db);
  g_assert_cmpint (count_note (f->path, "waited its turn"), ==, 1);
}

/* Bytes a damaged file or another program may hold: a negative version
 * is refused as damage (not migrated), and text that is not UTF-8 is
 * read as valid UTF-8. */
static void
test_damaged_values (Fixture *f, gconstpointer data)
{
  BpTestIds ids;
  g_autoptr (GError) error = NULL;
  g_autofree char *sum = NULL;
  sqlite3 *raw = NULL;

  {
    g_autoptr (BpDb) db = bp_test_small_programme (f->path, &ids);
  }
  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE action SET title = CAST (X'4C6F63616CFF4F66666572' AS TEXT)"
                                      " WHERE ref = '1.1'", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  {
    g_autoptr (BpDb) db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
    g_autoptr (BpAction) action = NULL;

    g_assert_no_error (error);
    action = bp_db_find_action (db, "1.1", &error);
    g_assert_no_error (error);
    g_assert_true (g_utf8_validate (action->title, -1, NULL));
    g_assert_true (g_str_has_prefix (action->title, "Local"));
  }

  g_assert_cmpint (sqlite3_open (f->path, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = -3", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  sum = bp_test_file_sum (f->path);
  {
    g_autoptr (BpDb) db = bp_db_open (f->path, BP_OPEN_DEFAULT, &error);
    g_autofree char *now = bp_test_file_sum (f->path);

    g_assert_null (db);
    g_assert_error (error, BP_ERROR, BP_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "version number is -3"));
    g_assert_cmpstr (now, ==, sum);
  }
}

int
main (int argc, char **argv)
{
  /* The wait for another program's write, shortened so that the tests
   * that hold a lock finish quickly (read once, at the first open). */
  g_autofree char *home = bp_test_tmpdir ();
  int status;

  g_setenv ("BOARDPACK_BUSY_TIMEOUT_MS", "300", TRUE);
  g_setenv ("HOME", home, TRUE);
  g_unsetenv ("BOARDPACK_SHARED_FOLDER");
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/file/checkpoint-while-open", test_checkpoint_while_open);
  ADD ("/file/close-leaves-no-side-file", test_close_leaves_no_side_file);
  ADD ("/file/writer-waits", test_writer_waits);
  ADD ("/file/writer-waits-its-turn", test_writer_waits_its_turn);
  ADD ("/file/second-open-here", test_second_open_here);
  ADD ("/file/reader-closes-last", test_reader_closes_last);
  g_test_add_func ("/file/network-fs-names", test_network_fs_names);
  ADD ("/file/sync-folder", test_sync_folder);
  ADD ("/file/left-wal", test_left_wal);
  ADD ("/file/damaged-values", test_damaged_values);
  status = g_test_run ();
  g_rmdir (home);
  return status;
}
