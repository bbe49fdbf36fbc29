/* bench-import.c: importing a 100,000-row action plan (DESIGN.md section 8:
 * under two seconds).
 *
 *   bench-import [--rows N] [--dir DIR] [--keep]
 *
 * Writes a plan of N actions as a spreadsheet would save it (quoted cells
 * with commas, UK dates, month labels and financial quarters, RAG words,
 * a progress update on most rows), then times, each on a fresh file:
 *
 *   csv.seconds       reading the CSV alone (libcsv, decoding)
 *   check.seconds     reading and checking every row, no file (the preview)
 *   dry_run.seconds   the whole import, rolled back
 *   import.seconds    the whole import, committed: the figure against the bar
 *
 * each also as CPU seconds (*.cpu_seconds), which a busy machine does not
 * inflate as it does the wall clock.
 * and prints them as `key: value` lines with rows per second and the peak
 * memory of the process.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>

#include "bp-csv.h"
#include "bp-db.h"
#include "bp-import.h"

static int opt_rows = 100000;
static char *opt_dir = NULL;
static gboolean opt_keep = FALSE;

static const GOptionEntry entries[] = {
  { "rows", 0, 0, G_OPTION_ARG_INT, &opt_rows, "Rows of the plan (default 100000)", "N" },
  { "dir", 0, 0, G_OPTION_ARG_FILENAME, &opt_dir, "Where the files go (default a temporary folder)",
    "DIR" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &opt_keep, "Keep the files", NULL },
  { NULL },
};

static const char *const priorities[] = {
  "Leadership, Management and Governance", "Co-production and Communication",
  "Early Identification and Intervention", "Inclusion", "Pathway", "Sufficiency",
  "Preparation for Adulthood", "Managing Resources", "Health", "Social Care",
  "Education Health and Care Plans", "Alternative Provision",
};
static const char *const verbs[] = { "Agree", "Publish", "Review", "Commission", "Train",
                                     "Recruit", "Co-produce", "Audit", "Roll out", "Evaluate" };
static const char *const objects[] = {
  "the Local Offer", "the SEND strategy", "EHC plan quality", "the graduated approach",
  "the early years toolkit", "specialist places", "the annual review backlog",
  "the inclusion charter", "transition to adulthood", "the parent carer forum's survey",
};
static const char *const organisations[] = { "BCP Council", "NHS Dorset", "Parent Carer Forum",
                                             "Schools Forum", "Dorset HealthCare", "Police" };
static const char *const rags[] = { "Green", "On track", "Amber", "at risk", "Red",
                                    "Complete", "Not started", "G", "A", "R", "B", "" };
static const char *const months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

static char *
write_plan (const char *dir, int rows)
{
  g_autoptr (GString) s = g_string_sized_new ((gsize) rows * 220);
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, "plan-100k.csv", NULL);
  GRand *rand = g_rand_new_with_seed (20250630);

  g_string_append (s, "\xEF\xBB\xBF" "Action No.,Priority Area,Action Description,Lead Officer,"
                      "Lead Agency,Start Date,Timescale,RAG Status,Progress Update,% complete\r\n");
  for (int i = 0; i < rows; i++)
    {
      int p = i % G_N_ELEMENTS (priorities);
      int n = i / G_N_ELEMENTS (priorities) + 1;
      int day = g_rand_int_range (rand, 1, 29), month = g_rand_int_range (rand, 1, 13);
      int year = g_rand_int_range (rand, 2024, 2028);

      g_string_append_printf (s, "%d.%d,\"%d. %s\",\"%s %s, with partners (%d)\",Officer %d,%s,",
                              p + 1, n, p + 1, priorities[p], verbs[i % G_N_ELEMENTS (verbs)],
                              objects[(i / 7) % G_N_ELEMENTS (objects)], i,
                              g_rand_int_range (rand, 1, 401),
                              organisations[i % G_N_ELEMENTS (organisations)]);
      g_string_append_printf (s, "%02d/%02d/%d,", day, month, year - 1);
      switch (i % 5)
        {
        case 0: g_string_append_printf (s, "%d/%d/%d,", day, month, year % 100); break;
        case 1: g_string_append_printf (s, "%s-%02d,", months[month - 1], year % 100); break;
        case 2: g_string_append_printf (s, "Q%d %d/%02d,", 1 + i % 4, year, (year + 1) % 100); break;
        case 3: g_string_append_printf (s, "%d-%02d-%02d,", year, month, day); break;
        default: g_string_append (s, i % 10 == 4 ? "Ongoing," : "TBC,"); break;
        }
      g_string_append_printf (s, "%s,", rags[i % G_N_ELEMENTS (rags)]);
      if (i % 4 != 3)
        g_string_append_printf (s, "\"Update %d: meeting held, \"\"next steps\"\" agreed;\n"
                                   "report to the board in %s\",",
                                i, months[(i + 3) % 12]);
      else
        g_string_append_c (s, ',');
      g_string_append_printf (s, "%d%%\r\n", (i * 7) % 101);
    }
  g_rand_free (rand);
  if (!g_file_set_contents (path, s->str, s->len, &error))
    g_error ("%s", error->message);
  return path;
}

static double
now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* CPU seconds of the process: beside the wall clock, the figure that a
 * busy machine does not inflate. */
static double
cpu_now (void)
{
  struct rusage u;

  getrusage (RUSAGE_SELF, &u);
  return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec
         + u.ru_stime.tv_usec / 1e6;
}

static gboolean
count_cb (const BpCsvRecord *record, gpointer data)
{
  (*(int *) data)++;
  return TRUE;
}

static BpDb *
fresh_file (const char *dir, const char *name)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  BpDb *db;

  g_unlink (path);
  g_unlink (wal);
  g_unlink (shm);
  db = bp_db_create (path, "Import benchmark", &error);
  if (db == NULL)
    g_error ("%s", error->message);
  return db;
}

static double
time_import (const char *dir, const char *csv, gboolean dry_run, BpImportReport **out_report,
             double *out_cpu)
{
  g_autoptr (BpDb) db = fresh_file (dir, dry_run ? "dry.boardpack" : "import.boardpack");
  g_autoptr (BpImport) imp = bp_import_new (BP_IMPORT_ACTIONS);
  g_autoptr (GError) error = NULL;
  double t0, t1;

  bp_import_set_source_path (imp, csv);
  bp_import_set_date (imp, "2025-06-30");
  *out_cpu = cpu_now ();
  t0 = now ();
  if (!bp_import_run (imp, db, dry_run, out_report, &error))
    {
      for (guint i = 0; *out_report && i < 10 && i < (*out_report)->errors->len; i++)
        g_printerr ("%s\n",
                    ((BpImportMessage *) g_ptr_array_index ((*out_report)->errors, i))->text);
      g_error ("import failed: %s", error->message);
    }
  t1 = now ();
  *out_cpu = cpu_now () - *out_cpu;
  return t1 - t0;
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) ctx = g_option_context_new ("- time importing a large plan");
  g_autoptr (GError) error = NULL;
  g_autoptr (BpImportReport) dry = NULL;
  g_autoptr (BpImportReport) real = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;
  double t0, c0, t_write, t_csv, t_check, t_dry, t_import;
  double c_csv, c_check, c_dry, c_import;
  struct rusage usage;
  int records = 0;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 64;
    }
  dir = opt_dir ? g_strdup (opt_dir) : g_dir_make_tmp ("bench-import-XXXXXX", &error);
  if (dir == NULL || g_mkdir_with_parents (dir, 0755) != 0)
    g_error ("no folder for the files");

  t0 = now ();
  csv = write_plan (dir, opt_rows);
  t_write = now () - t0;
  if (!g_file_get_contents (csv, &contents, &len, &error))
    g_error ("%s", error->message);

  /* Reading alone. */
  {
    static const BpCsvCallbacks callbacks = { count_cb, NULL };
    g_autoptr (GBytes) bytes = g_bytes_new_static (contents, len);

    c0 = cpu_now ();
    t0 = now ();
    bp_csv_read (bytes, &callbacks, &records, NULL);
    t_csv = now () - t0;
    c_csv = cpu_now () - c0;
  }
  /* Reading and checking every row, without a file. */
  {
    g_autoptr (BpImport) imp = bp_import_new (BP_IMPORT_ACTIONS);
    g_autoptr (BpImportPreview) preview = NULL;

    bp_import_set_source_path (imp, csv);
    c0 = cpu_now ();
    t0 = now ();
    preview = bp_import_preview (imp, NULL, 20, &error);
    t_check = now () - t0;
    c_check = cpu_now () - c0;
    if (preview == NULL || preview->report->n_errors > 0)
      g_error ("the generated plan does not check");
  }
  t_dry = time_import (dir, csv, TRUE, &dry, &c_dry);
  t_import = time_import (dir, csv, FALSE, &real, &c_import);
  getrusage (RUSAGE_SELF, &usage);

  g_print ("rows: %d\n", opt_rows);
  g_print ("csv.bytes: %zu\n", len);
  g_print ("csv.records: %d\n", records);
  g_print ("generate.seconds: %.3f\n", t_write);
  g_print ("csv.seconds: %.3f\n", t_csv);
  g_print ("csv.cpu_seconds: %.3f\n", c_csv);
  g_print ("check.seconds: %.3f\n", t_check);
  g_print ("check.cpu_seconds: %.3f\n", c_check);
  g_print ("dry_run.seconds: %.3f\n", t_dry);
  g_print ("dry_run.cpu_seconds: %.3f\n", c_dry);
  g_print ("import.seconds: %.3f\n", t_import);
  g_print ("import.cpu_seconds: %.3f\n", c_import);
  g_print ("import.rows_per_second: %.0f\n", opt_rows / t_import);
  g_print ("import.actions_created: %d\n", real->actions_created);
  g_print ("import.updates_added: %d\n", real->updates_added);
  g_print ("import.people_created: %d\n", real->people_created);
  g_print ("peak_rss_mib: %.1f\n", usage.ru_maxrss / 1024.0);
  g_print ("target_met: %s\n", t_import < 2.0 ? "yes" : "no");

  if (!opt_keep)
    {
      const char *names[] = { "plan-100k.csv", "dry.boardpack", "import.boardpack",
                              "dry.boardpack-wal", "dry.boardpack-shm", "import.boardpack-wal",
                              "import.boardpack-shm" };

      for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
        {
          g_autofree char *p = g_build_filename (dir, names[i], NULL);

          g_unlink (p);
        }
      if (opt_dir == NULL)
        g_rmdir (dir);
    }
  return 0;
}
