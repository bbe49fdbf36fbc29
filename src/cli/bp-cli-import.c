/* bp-cli-import.c: the import verb. */
#include <glib/gi18n.h>

#include "bp-cli-import.h"
#include "bp-cli-requests.h"
#include "bp-cli.h"
#include "bp-db.h"
#include "bp-import.h"
#include "bp-rules.h"


/* With @whole_file_only, only what concerns the whole source (how it was
 * read), not what a failed import would have done. */
static void
print_messages (GPtrArray *messages, gboolean whole_file_only)
{
  for (guint i = 0; i < messages->len; i++)
    {
      BpImportMessage *m = g_ptr_array_index (messages, i);

      if (!whole_file_only || m->line == 0)
        g_printerr ("%s\n", m->text);
    }
}

int
bp_cli_import (int argc, char **argv)
{
  g_autofree char *kind_text = NULL, *date = NULL, *sheet = NULL;
  g_auto (GStrv) maps = NULL;
  gboolean dry_run = FALSE, accept_newer = FALSE;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_text,
      N_("What the spreadsheet holds: actions (default), risks, measures, updates, or returns "
         "(owners' filled update requests, several at once)"),
      N_("KIND") },
    { "accept-newer", 0, 0, G_OPTION_ARG_NONE, &accept_newer,
      N_("Returns: merge rows whose action has had an update since the request"), NULL },
    { "map", 'm', 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("The field a column fills, overriding its header (repeatable; FIELD “ignore” drops it)"),
      N_("COLUMN=FIELD") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check everything and say what would change, without writing"), NULL },
    { "sheet", 's', 0, G_OPTION_ARG_STRING, &sheet,
      N_("The sheet of a workbook (.xlsx, .ods) to read (default: the one with the header)"),
      N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Date of progress updates whose row has none (default today)"), N_("YYYY-MM-DD") },
    { NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("FILE SOURCE"));
  g_autoptr (GError) error = NULL;
  g_autoptr (BpImport) imp = NULL;
  g_autoptr (BpImportReport) report = NULL;
  g_autoptr (BpDb) db = NULL;
  g_autofree char *text = NULL;
  BpImportKind kind = BP_IMPORT_ACTIONS;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (ctx, _("Imports a plan, a risk register, a scorecard or owners' "
                                       "updates from a CSV file or a workbook (.xlsx, .ods), all or "
                                       "nothing."));
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return bp_cli_usage_error ("import", BP_CLI_IMPORT_SYNOPSIS, "%s", error->message);
  if (kind_text && g_str_equal (kind_text, "returns"))
    {
      if (argc - 1 < 2)
        return bp_cli_usage_error ("import", BP_CLI_IMPORT_SYNOPSIS,
                                   _("expected FILE and at least one RETURN.xlsx, got %d "
                                     "argument(s)"), argc - 1);
      if (maps || sheet)
        return bp_cli_usage_error ("import", BP_CLI_IMPORT_SYNOPSIS,
                                   _("--map and --sheet do not apply to returns"));
      if (date && !bp_date_is_valid (date))
        return bp_cli_usage_error ("import", BP_CLI_IMPORT_SYNOPSIS,
                                   _("--date “%s” is not a date (YYYY-MM-DD)"), date);
      return bp_cli_import_returns (argc, argv, date, accept_newer, dry_run);
    }
  if (argc - 1 != 2)
    return bp_cli_usage_error ("import", BP_CLI_IMPORT_SYNOPSIS,
                               _("expected 2 arguments (FILE SOURCE), got %d"), argc - 1);
  if (kind_text && !bp_import_kind_parse (kind_text, &kind))
    return bp_cli_usage_error ("import", BP_CLI_IMPORT_SYNOPSIS,
                               _("--kind “%s”: use actions, risks, measures, updates or returns"),
                               kind_text);
  if (date && !bp_date_is_valid (date))
    return bp_cli_usage_error ("import", BP_CLI_IMPORT_SYNOPSIS,
                               _("--date “%s” is not a date (YYYY-MM-DD)"), date);

  imp = bp_import_new (kind);
  bp_import_set_source_path (imp, argv[2]);
  if (date)
    bp_import_set_date (imp, date);
  if (sheet)
    bp_import_set_sheet (imp, sheet);
  for (guint i = 0; maps && maps[i]; i++)
    if (!bp_import_add_mapping_option (imp, maps[i], &error))
      return bp_cli_usage_error ("import", BP_CLI_IMPORT_SYNOPSIS, "%s", error->message);

  if (!g_file_test (argv[2], G_FILE_TEST_EXISTS))
    {
      g_printerr (_("%s: no such file\n"), argv[2]);
      return BP_EXIT_NOINPUT;
    }
  db = bp_cli_open (argv[1], BP_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      g_printerr ("%s\n", error->message);
      return bp_error_exit_code (error);
    }
  if (bp_db_is_read_only (db))
    {
      g_printerr (_("%s: cannot import into it: %s\n"), argv[1], bp_db_get_read_only_reason (db));
      return BP_EXIT_CANTCREAT;
    }
  bp_db_set_actor (db, g_get_user_name ());

  if (!bp_import_run (imp, db, dry_run, &report, &error))
    {
      if (report)
        {
          print_messages (report->warnings, TRUE);
          print_messages (report->errors, FALSE);
          if (report->n_errors > (int) report->errors->len)
            g_printerr (_("%s: … and %d more errors\n"), report->source,
                        report->n_errors - (int) report->errors->len);
        }
      g_printerr ("%s\n", error->message);
      return bp_error_exit_code (error);
    }
  print_messages (report->warnings, FALSE);
  text = bp_import_report_to_text (report);
  g_print ("%s", text);
  return BP_EXIT_OK;
}
