/* fuzz-open.c: libFuzzer target for opening damaged .boardpack files.
 *
 * The input is the file's bytes. They are written to a scratch folder in
 * /dev/shm (memory, no disk), and the file then goes through what the
 * command line does with it:
 *
 *   check   bp_db_open() read-only; a file that needs upgrading is opened
 *           writable (backup, migration) and read-only again; then
 *           bp_db_integrity_check() and, when it says "ok", bp_db_summary().
 *   export  bp_export_load() of the actions, the risks and the scorecard,
 *           each rendered as CSV in memory.
 *   pack    bp_pack_load(), then the pages laid out in memory
 *           (bp_document_render_pages(): every section, chart and table,
 *           drawn to recording surfaces).
 *
 * `pack` and `export` run no integrity check, so they run on every file
 * that opens, damaged or not. The other outputs cost several times the
 * rest together, so each runs for one input in eight, chosen by a hash of
 * the bytes (an input always does the same): the HTML export (its charts
 * as SVG) for one class, the PDF (cairo's PDF surface, then qpdf) and the
 * XLSX export (libxlsxwriter, through a temporary file) for another; and
 * all of them for every input when BP_FUZZ_OPEN_FULL=1 (run-fuzz.sh runs
 * the sample's damaged copies so).
 *
 * A damaged file may be refused, with a GError that says why; it must
 * never crash, hang, trip ASan or UBSan, fail without saying why, write an
 * export that is not UTF-8, or make GLib (or pango, cairo ...) log a
 * warning or a critical: those are made fatal, so libFuzzer reports them
 * as crashes. One known gap is stepped around (see has_invalid_utf8());
 * BP_FUZZ_OPEN_STRICT=1 does not.
 *
 * The seeds are written by fuzz-open-seeds.c. Built and run by
 * tests/fuzz/run-fuzz.sh.
 */
#include <errno.h>
#include <fcntl.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bp-db.h"
#include "bp-document.h"
#include "bp-export.h"
#include "bp-pack.h"
#include "bp-query.h"

static char *dir;
static char *path;
static gboolean always_full;
static gboolean strict;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Every failure says why, in the core's terms. */
static void
expect_error (const GError *error, const char *what)
{
  if (error == NULL || error->message == NULL || error->message[0] == '\0')
    {
      g_printerr ("fuzz-open: %s failed without an error\n", what);
      abort ();
    }
}

/* The scratch folder is emptied after every input: the file, its -wal
 * and -shm, and any backup an upgrade wrote. */
static void
empty_dir (void)
{
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      g_unlink (p);
    }
  g_dir_close (d);
}

static gboolean
write_input (const uint8_t *data, size_t size)
{
  int fd = open (path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  size_t done = 0;

  if (fd < 0)
    return FALSE;
  while (done < size)
    {
      ssize_t n = write (fd, data + done, size - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += (size_t) n;
    }
  close (fd);
  return done == size;
}

/* `boardpack check` (and the opening of `export`): an older file is
 * upgraded first, then opened read-only. (A negative user_version, once
 * taken for an older file, is refused as damage by bp_db_open.) */
static BpDb *
open_as_check (GError **error)
{
  BpDb *db = bp_db_open (path, BP_OPEN_READ_ONLY, error);

  if (db == NULL && g_error_matches (*error, BP_ERROR, BP_ERROR_NEEDS_UPGRADE))
    {
      g_autoptr (BpDb) upgraded = NULL;

      g_clear_error (error);
      upgraded = bp_db_open (path, BP_OPEN_DEFAULT, error);
      if (upgraded == NULL)
        {
          expect_error (*error, "bp_db_open (upgrade)");
          return NULL;
        }
      g_clear_object (&upgraded);
      db = bp_db_open (path, BP_OPEN_READ_ONLY, error);
    }
  if (db == NULL)
    expect_error (*error, "bp_db_open");
  return db;
}

/* Whether any text of @stmt's rows is not UTF-8 (as the core reads it: up
 * to a NUL). */
static gboolean
rows_have_invalid_utf8 (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *rows = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &rows, NULL) != SQLITE_OK)
    return FALSE;
  while (!found && sqlite3_step (rows) == SQLITE_ROW)
    for (int c = 0; c < sqlite3_column_count (rows) && !found; c++)
      if (sqlite3_column_type (rows, c) == SQLITE_TEXT || sqlite3_column_type (rows, c) == SQLITE_BLOB)
        {
          const char *text = (const char *) sqlite3_column_text (rows, c);

          found = text && !g_utf8_validate (text, -1, NULL);
        }
  sqlite3_finalize (rows);
  return found;
}

/* Whether any text in the file is not UTF-8, read with plain SQLite from
 * every table and every index (a damaged index can hold other text than
 * its table, and a query that reads the index returns that). The core's
 * entity reads make such text valid (read_field() in bp-db-entity.c), but
 * the list and summary queries of bp-query.c hand it on as it is, to
 * pango, to the CSV and to the HTML: a known gap, not yet closed. Until it
 * is, such files go through `check` only, so that the fuzzer looks for other bugs rather
 * than finding this one again; BP_FUZZ_OPEN_STRICT=1 runs them through
 * `pack` and `export` too. What cannot be read counts as clean: the core's
 * own reads fail there too, or show what they got. The audit log and the
 * search index are left out: neither check, export nor pack reads them. */
static gboolean
has_invalid_utf8 (void)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *objects = NULL;
  gboolean found = FALSE;
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", path);

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK
      || sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name FROM sqlite_schema"
                                 " WHERE type IN ('table', 'index') AND tbl_name <> 'audit'"
                                 " AND tbl_name NOT LIKE '%fts%'", -1, &objects, NULL) != SQLITE_OK)
    {
      sqlite3_close (db);
      return FALSE;
    }
  while (!found && sqlite3_step (objects) == SQLITE_ROW)
    {
      const char *type = (const char *) sqlite3_column_text (objects, 0);
      g_autofree char *name = g_strdup ((const char *) sqlite3_column_text (objects, 1));
      g_autofree char *table = g_strdup ((const char *) sqlite3_column_text (objects, 2));
      g_autofree char *sql = NULL;

      if (type == NULL || name == NULL || table == NULL)
        continue;
      if (g_str_equal (type, "table"))
        sql = g_strdup_printf ("SELECT * FROM \"%s\"", name);
      else
        {
          /* The index's own columns, read from the index. */
          g_autofree char *info = g_strdup_printf ("PRAGMA index_info (\"%s\")", name);
          g_autoptr (GString) columns = g_string_new (NULL);
          sqlite3_stmt *stmt = NULL;

          if (sqlite3_prepare_v2 (db, info, -1, &stmt, NULL) == SQLITE_OK)
            while (sqlite3_step (stmt) == SQLITE_ROW)
              if (sqlite3_column_type (stmt, 2) == SQLITE_TEXT)
                g_string_append_printf (columns, "%s\"%s\"", columns->len ? ", " : "",
                                        (const char *) sqlite3_column_text (stmt, 2));
          sqlite3_finalize (stmt);
          if (columns->len)
            sql = g_strdup_printf ("SELECT %s FROM \"%s\" INDEXED BY \"%s\" ORDER BY %s",
                                   columns->str, table, name, columns->str);
        }
      found = sql && rows_have_invalid_utf8 (db, sql);
    }
  sqlite3_finalize (objects);
  sqlite3_close (db);
  return found;
}

static void
run_check (BpDb *db)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *integrity = bp_db_integrity_check (db, &error);
  BpSummary s;

  if (integrity == NULL)
    {
      expect_error (error, "bp_db_integrity_check");
      return;
    }
  if (!g_str_equal (integrity, "ok"))
    return;
  if (!bp_db_summary (db, "2025-06-30", &s, &error))
    {
      expect_error (error, "bp_db_summary");
      return;
    }
  if (s.actions < 0 || s.risks < 0 || s.overdue < 0 || s.overdue > s.actions)
    abort ();
}

static void
run_export (BpDb *db, gboolean html, gboolean xlsx)
{
  static const BpExportWhat whats[] = { BP_EXPORT_ACTIONS, BP_EXPORT_RISKS, BP_EXPORT_SCORECARD };
  BpExportOptions options = { "2025-06-30" };

  for (guint i = 0; i < G_N_ELEMENTS (whats); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (BpExport) export = bp_export_load (db, whats[i], &options, &error);
      BpExportFormat formats[3] = { BP_EXPORT_CSV };
      guint n_formats = 1;

      if (export == NULL)
        {
          expect_error (error, "bp_export_load");
          continue;
        }
      if (html)
        formats[n_formats++] = BP_EXPORT_HTML;
      if (xlsx)
        formats[n_formats++] = BP_EXPORT_XLSX;
      for (guint f = 0; f < n_formats; f++)
        {
          g_autoptr (GBytes) bytes = bp_export_render (export, formats[f], &error);

          if (bytes == NULL)
            {
              expect_error (error, "bp_export_render");
              g_clear_error (&error);
            }
          else if (formats[f] != BP_EXPORT_XLSX
                   && !g_utf8_validate (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                        NULL))
            {
              g_printerr ("fuzz-open: the %s export is not UTF-8\n",
                          bp_export_format_extension (formats[f]));
              abort ();
            }
        }
    }
}

static void
run_pack (BpDb *db, gboolean pdf)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpPack) pack = bp_pack_load (db, NULL, &error);

  if (pack == NULL)
    {
      expect_error (error, "bp_pack_load");
      return;
    }
  if (pdf)
    {
      g_autofree char *out = g_build_filename (dir, "pack.pdf", NULL);

      if (!bp_pack_render_pdf (pack, out, &error))
        expect_error (error, "bp_pack_render_pdf");
    }
  else
    {
      BpDocumentInfo info;
      g_autoptr (GPtrArray) pages = NULL;

      bp_pack_get_document_info (pack, &info);
      pages = bp_document_render_pages (&info, bp_pack_build, pack, &error);
      if (pages == NULL)
        expect_error (error, "bp_document_render_pages");
      else if (pages->len == 0)
        abort ();
    }
}

static void
remove_dir (void)
{
  empty_dir ();
  g_rmdir (dir);
}

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  const char *base = g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) && access ("/dev/shm", W_OK) == 0
                       ? "/dev/shm" : g_get_tmp_dir ();
  g_autofree char *tmpl = g_build_filename (base, "boardpack-fuzz-open-XXXXXX", NULL);

  dir = g_mkdtemp (g_steal_pointer (&tmpl));
  if (dir == NULL)
    g_error ("fuzz set-up: %s: %s", base, g_strerror (errno));
  path = g_build_filename (dir, "fuzz.boardpack", NULL);
  atexit (remove_dir);
  /* An XLSX export passes through a temporary file: in memory too. */
  g_setenv ("TMPDIR", dir, TRUE);
  always_full = g_strcmp0 (g_getenv ("BP_FUZZ_OPEN_FULL"), "1") == 0;
  strict = g_strcmp0 (g_getenv ("BP_FUZZ_OPEN_STRICT"), "1") == 0;
  /* A critical or a warning, from any library, is a bug the fuzzer found. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = NULL;
  guint32 hash = 2166136261u;
  gboolean html, files;

  for (size_t i = 0; i < size; i++)
    hash = (hash ^ data[i]) * 16777619u;
  html = always_full || hash % 8 == 0;
  files = always_full || hash % 8 == 1;

  if (!write_input (data, size))
    g_error ("fuzz-open: cannot write %s", path);
  db = open_as_check (&error);
  if (db != NULL)
    {
      run_check (db);
      if (strict || !has_invalid_utf8 ())
        {
          run_export (db, html, files);
          run_pack (db, files);
        }
      g_clear_object (&db);
    }
  empty_dir ();
  return 0;
}
