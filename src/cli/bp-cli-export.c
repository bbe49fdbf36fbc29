/* bp-cli-export.c: `boardpack export`, the plan, the risk register or the
 * scorecard as CSV, XLSX or HTML. */
#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bp-cli-export.h"
#include "bp-cli.h"
#include "bp-db.h"
#include "bp-export.h"
#include "bp-rules.h"



/* Reading only; a file of an older version is upgraded first (with its
 * backup), as opening it anywhere else would. */
static BpDb *
open_programme (const char *path, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  BpDb *db = bp_cli_open (path, BP_OPEN_READ_ONLY, &local_error);

  if (db == NULL && g_error_matches (local_error, BP_ERROR, BP_ERROR_NEEDS_UPGRADE))
    {
      g_autoptr (BpDb) upgraded = NULL;

      g_clear_error (&local_error);
      upgraded = bp_cli_open (path, BP_OPEN_DEFAULT, &local_error);
      if (upgraded == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_printerr (_("%s: upgraded to file version %d; the original is kept as %s\n"), path,
                  BP_SCHEMA_VERSION, bp_db_get_backup_path (upgraded));
      g_clear_object (&upgraded);
      db = bp_cli_open (path, BP_OPEN_READ_ONLY, &local_error);
    }
  if (db == NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return db;
}

static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev
         && sa.st_ino == sb.st_ino;
}

static int
write_stdout (GBytes *bytes)
{
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);

  if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
    {
      g_printerr (_("boardpack: export: cannot write to standard output: %s\n"),
                  g_strerror (errno));
      return BP_EXIT_IOERR;
    }
  return BP_EXIT_OK;
}

int
bp_cli_export (int argc, char **argv)
{
  g_autofree char *what_text = NULL, *format_text = NULL, *out = NULL, *as_of = NULL;
  GOptionEntry entries[] = {
    { "what", 0, 0, G_OPTION_ARG_STRING, &what_text,
      N_("What to export: actions, risks or scorecard"), N_("WHAT") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("csv, xlsx or html"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out,
      N_("The file to write (default, or -: standard output)"), N_("OUT") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("Count overdue actions as of this date (default today)"), N_("YYYY-MM-DD") },
    { NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);
  g_autofree char *summary = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = NULL;
  g_autoptr (BpExport) export = NULL;
  BpExportOptions options = { 0 };
  BpExportWhat what;
  BpExportFormat format;
  gboolean to_stdout;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  summary = g_strdup_printf ("boardpack export %s\n\n%s", BP_CLI_EXPORT_SYNOPSIS,
                             _("CSV imports back with boardpack import; XLSX is for "
                               "spreadsheets; HTML is one accessible page to publish."));
  g_option_context_set_summary (ctx, summary);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return bp_cli_usage_error ("export", BP_CLI_EXPORT_SYNOPSIS, "%s", error->message);
  if (argc - 1 != 1)
    return bp_cli_usage_error ("export", BP_CLI_EXPORT_SYNOPSIS,
                               _("expected 1 argument (the programme file), got %d"), argc - 1);
  if (what_text == NULL)
    return bp_cli_usage_error ("export", BP_CLI_EXPORT_SYNOPSIS,
                               _("--what is required: actions, risks or scorecard"));
  if (!bp_export_what_parse (what_text, &what))
    return bp_cli_usage_error ("export", BP_CLI_EXPORT_SYNOPSIS,
                               _("--what “%s”: expected actions, risks or scorecard"),
                               what_text);
  if (format_text == NULL)
    return bp_cli_usage_error ("export", BP_CLI_EXPORT_SYNOPSIS,
                               _("--format is required: csv, xlsx or html"));
  if (!bp_export_format_parse (format_text, &format))
    return bp_cli_usage_error ("export", BP_CLI_EXPORT_SYNOPSIS,
                               _("--format “%s”: expected csv, xlsx or html"), format_text);
  if (as_of && !bp_date_is_valid (as_of))
    return bp_cli_usage_error ("export", BP_CLI_EXPORT_SYNOPSIS,
                               _("--as-of “%s” is not a date (YYYY-MM-DD)"), as_of);

  to_stdout = out == NULL || g_str_equal (out, "-");
  if (to_stdout && format == BP_EXPORT_XLSX && isatty (STDOUT_FILENO))
    return bp_cli_usage_error ("export", BP_CLI_EXPORT_SYNOPSIS,
                               _("an XLSX workbook is binary: give -o OUT.xlsx, or redirect the "
                                 "output to a file"));
  if (!to_stdout && same_file (out, argv[1]))
    {
      g_printerr (_("%s: refusing to write the export over the programme file itself\n"), out);
      return BP_EXIT_CANTCREAT;
    }

  db = open_programme (argv[1], &error);
  if (db == NULL)
    return bp_cli_report_error (error);
  options.as_of = as_of;
  export = bp_export_load (db, what, &options, &error);
  if (export == NULL)
    return bp_cli_report_error (error);

  if (to_stdout)
    {
      g_autoptr (GBytes) bytes = bp_export_render (export, format, &error);

      if (bytes == NULL)
        {
          g_printerr ("%s\n", error->message);
          return BP_EXIT_CANTCREAT;
        }
      return write_stdout (bytes);
    }
  if (!bp_export_save (export, format, out, &error))
    {
      g_printerr ("%s\n", error->message);
      return BP_EXIT_CANTCREAT;
    }
  g_print (_("Wrote the %s as %s to %s\n"), what_text, bp_export_format_extension (format),
           out);
  return BP_EXIT_OK;
}
