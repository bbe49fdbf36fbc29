/* write-exports.c: writes the HTML exports of the sample programme
 * (actions.html, risks.html, scorecard.html) into a folder, for the
 * accessibility check (check-html.mjs). */
#include <glib/gstdio.h>

#include "bp-export.h"
#include "bp-sample.h"

/* LeakSanitizer's hooks. fontconfig keeps its configuration until the
 * process ends. cairo 1.16's SVG surface leaks the snapshot it takes of a
 * recording-surface pattern (the charts' hatch) when the pattern is
 * destroyed before the surface: whatever is allocated inside
 * cairo_pattern_destroy() is cairo's, never ours, and full stacks
 * (slow unwinding) let the suppression name that frame. */
const char *__lsan_default_suppressions (void);
const char *__asan_default_options (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libfontconfig.so\nleak:cairo_pattern_destroy\n";
}

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}

int
main (int argc, char *argv[])
{
  static const struct
  {
    BpExportWhat what;
    const char *name;
  } pages[] = {
    { BP_EXPORT_ACTIONS, "actions.html" },
    { BP_EXPORT_RISKS, "risks.html" },
    { BP_EXPORT_SCORECARD, "scorecard.html" },
  };
  g_autoptr (GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  g_autoptr (BpDb) db = NULL;
  BpExportOptions options = { "2025-06-30" };
  int status = 0;

  if (argc != 2)
    {
      g_printerr ("usage: %s OUTDIR\n", argv[0]);
      return 64;
    }
  tmp = g_dir_make_tmp ("boardpack-a11y-XXXXXX", &error);
  if (tmp == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 73;
    }
  path = g_build_filename (tmp, "sample.boardpack", NULL);
  db = bp_sample_write (path, &error);
  for (guint i = 0; db && i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr (BpExport) export = bp_export_load (db, pages[i].what, &options, &error);
      g_autofree char *out = g_build_filename (argv[1], pages[i].name, NULL);

      if (export == NULL || !bp_export_save (export, BP_EXPORT_HTML, out, &error))
        break;
    }
  if (error)
    {
      g_printerr ("%s\n", error->message);
      status = 1;
    }
  g_clear_object (&db);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (tmp);
  }
  return status;
}
