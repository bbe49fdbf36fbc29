/* bp-cli-requests.c: the requests verb, and the import of returns. */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "bp-cli-requests.h"
#include "bp-cli.h"
#include "bp-dates.h"
#include "bp-error.h"
#include "bp-query.h"
#include "bp-request-xlsx.h"

/* The first meeting on or after today, or NULL. */
static char *
next_meeting (BpDb *db)
{
  g_autoptr (GPtrArray) meetings = bp_db_list_meetings (db, NULL);
  g_autofree char *today = bp_date_today ();
  const char *best = NULL;

  for (guint i = 0; meetings && i < meetings->len; i++)
    {
      BpMeeting *m = g_ptr_array_index (meetings, i);

      if (g_strcmp0 (m->date, today) >= 0 && (best == NULL || g_strcmp0 (m->date, best) < 0))
        best = m->date;
    }
  return g_strdup (best);
}

static int
print_status (BpDb *db, const char *meeting)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = bp_requests_status (db, meeting, &error);
  int returned = 0;

  if (list == NULL)
    return bp_cli_report_error (error);
  for (guint i = 0; i < list->len; i++)
    returned += ((BpRequestStatus *) g_ptr_array_index (list, i))->returned;
  g_print ("meeting: %s\n", meeting ? meeting : "-");
  g_print ("requests.asked: %u\n", list->len);
  g_print ("requests.returned: %d\n", returned);
  g_print ("requests.outstanding: %d\n", (int) list->len - returned);
  for (guint i = 0; i < list->len; i++)
    {
      BpRequestStatus *s = g_ptr_array_index (list, i);

      if (s->returned)
        g_print ("returned: %s (%d of %d actions with an update)\n", s->recipient, s->n_returned,
                 s->n_actions);
    }
  for (guint i = 0; i < list->len; i++)
    {
      BpRequestStatus *s = g_ptr_array_index (list, i);

      if (!s->returned)
        g_print ("to_chase: %s%s%s%s (due %s)\n", s->recipient, s->email ? " <" : "",
                 s->email ? s->email : "", s->email ? ">" : "", s->due_date ? s->due_date : "-");
    }
  return BP_EXIT_OK;
}

/* Removes what a failed run wrote. */
static void
remove_written (GPtrArray *written)
{
  for (guint i = 0; i < written->len; i++)
    g_unlink (g_ptr_array_index (written, i));
}

int
bp_cli_requests (int argc, char **argv)
{
  g_autofree char *out = NULL, *meeting = NULL, *due = NULL, *by = NULL, *language = NULL;
  g_auto (GStrv) owners = NULL;
  gboolean status = FALSE;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The folder to write the workbooks into"),
      N_("DIR") },
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting,
      N_("The meeting the updates are for (default: the next one in the file)"), N_("YYYY-MM-DD") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due,
      N_("When the returns are due (default: a fortnight before the meeting)"), N_("YYYY-MM-DD") },
    { "owner", 0, 0, G_OPTION_ARG_STRING_ARRAY, &owners,
      N_("Ask only this owner (or organisation, with --by organisation); repeatable"),
      N_("NAME") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("One workbook per owner (default) or per lead organisation"), N_("owner|organisation") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The workbooks' language (default the programme's setting)"), N_("en|cy|bilingual") },
    { "status", 0, 0, G_OPTION_ARG_NONE, &status,
      N_("Say who was asked and who has returned, instead of writing requests"), NULL },
    { NULL },
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("FILE"));
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = NULL;
  g_autoptr (BpProgramme) programme = NULL;
  g_autoptr (BpMeeting) meeting_row = NULL;
  g_autoptr (GPtrArray) requests = NULL, unowned = NULL;
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = bp_date_today ();
  BpRequestOptions options = { 0 };
  BpRequestContext context = { 0 };
  int n_actions = 0;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (ctx, _("Writes an update-request workbook for each owner with open "
                                       "actions, to fill in Excel or LibreOffice and send back."));
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    return bp_cli_usage_error ("requests", BP_CLI_REQUESTS_SYNOPSIS, "%s", error->message);
  if (argc - 1 != 1)
    return bp_cli_usage_error ("requests", BP_CLI_REQUESTS_SYNOPSIS,
                               _("expected 1 argument (FILE), got %d"), argc - 1);
  if ((meeting && !bp_date_is_valid (meeting)) || (due && !bp_date_is_valid (due)))
    return bp_cli_usage_error ("requests", BP_CLI_REQUESTS_SYNOPSIS,
                               _("“%s” is not a date (YYYY-MM-DD)"),
                               meeting && !bp_date_is_valid (meeting) ? meeting : due);
  if (by && !g_str_equal (by, "owner") && !g_str_equal (by, "organisation"))
    return bp_cli_usage_error ("requests", BP_CLI_REQUESTS_SYNOPSIS,
                               _("--by “%s”: use owner or organisation"), by);
  if (language && !bp_language_parse (language, &context.language))
    return bp_cli_usage_error ("requests", BP_CLI_REQUESTS_SYNOPSIS,
                               _("--language must be en, cy or bilingual, not “%s”"), language);
  if (!status && out == NULL)
    return bp_cli_usage_error ("requests", BP_CLI_REQUESTS_SYNOPSIS, _("-o DIR is required"));

  db = bp_cli_open (argv[1], status ? BP_OPEN_READ_ONLY : BP_OPEN_DEFAULT, &error);
  if (db == NULL)
    return bp_cli_report_error (error);
  if (status)
    {
      if (meeting == NULL)
        meeting = next_meeting (db);
      return print_status (db, meeting);
    }
  if (bp_db_is_read_only (db))
    {
      g_printerr (_("%s: cannot record requests in it: %s\n"), argv[1],
                  bp_db_get_read_only_reason (db));
      return BP_EXIT_CANTCREAT;
    }
  bp_db_set_actor (db, g_get_user_name ());
  if (meeting == NULL)
    meeting = next_meeting (db);
  if (due == NULL)
    due = bp_requests_default_due (meeting, today);
  if ((programme = bp_db_get_programme (db, &error)) == NULL)
    return bp_cli_report_error (error);
  if (language == NULL && !bp_language_parse (programme->language, &context.language))
    context.language = BP_LANGUAGE_EN;
  if (!bp_language_check (context.language, &error))
    return bp_cli_report_error (error);
  if (meeting)
    meeting_row = bp_db_find_meeting (db, meeting, NULL);

  options.meeting_date = meeting;
  options.due_date = due;
  options.by_organisation = by && g_str_equal (by, "organisation");
  options.recipients = (const char *const *) owners;
  requests = bp_requests_plan (db, &options, &unowned, &error);
  if (requests == NULL)
    return bp_cli_report_error (error);
  if (requests->len == 0)
    {
      g_printerr (_("%s: no open action has an owner to ask; nothing was written\n"), argv[1]);
      return BP_EXIT_DATAERR;
    }

  if (g_mkdir_with_parents (out, 0777) != 0)
    {
      g_printerr (_("%s: cannot create the folder: %s\n"), out, g_strerror (errno));
      return BP_EXIT_CANTCREAT;
    }
  for (guint i = 0; i < requests->len; i++)
    {
      BpRequest *r = g_ptr_array_index (requests, i);
      char *path = g_build_filename (out, r->file_name, NULL);

      g_ptr_array_add (paths, path);
      if (g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_printerr (_("%s: already exists; nothing was written (remove it, or write the "
                        "requests into another folder)\n"),
                      path);
          return BP_EXIT_CANTCREAT;
        }
    }

  context.programme = programme->title;
  context.board = programme->board && *programme->board ? programme->board : NULL;
  context.meeting_date = meeting;
  context.due_date = due;
  context.contact = meeting_row && meeting_row->contact && *meeting_row->contact
                    ? meeting_row->contact : NULL;
  for (guint i = 0; i < requests->len; i++)
    {
      BpRequest *r = g_ptr_array_index (requests, i);
      const char *path = g_ptr_array_index (paths, i);

      if (!bp_request_write_xlsx (r, &context, path, &error))
        {
          remove_written (written);
          g_printerr (_("%s\nNothing was recorded, and the workbooks written before it were "
                        "removed.\n"),
                      error->message);
          return BP_EXIT_CANTCREAT;
        }
      g_ptr_array_add (written, g_strdup (path));
      n_actions += r->actions->len;
    }
  /* The requests count once their workbooks are all there. */
  if (!bp_requests_record (db, &options, requests, &error))
    {
      remove_written (written);
      return bp_cli_report_error (error);
    }

  if (unowned && unowned->len > 0)
    {
      g_autoptr (GString) refs = g_string_new (NULL);

      for (guint i = 0; i < unowned->len; i++)
        g_string_append_printf (refs, "%s%s", i ? ", " : "",
                                ((BpAction *) g_ptr_array_index (unowned, i))->ref);
      g_printerr (options.by_organisation
                  ? g_dngettext (GETTEXT_PACKAGE,
                                 "%s: warning: %u open action has no organisation, so nobody was "
                                 "asked about it: %s\n",
                                 "%s: warning: %u open actions have no organisation, so nobody was "
                                 "asked about them: %s\n", unowned->len)
                  : g_dngettext (GETTEXT_PACKAGE,
                                 "%s: warning: %u open action has no owner, so nobody was asked "
                                 "about it: %s\n",
                                 "%s: warning: %u open actions have no owner, so nobody was asked "
                                 "about them: %s\n", unowned->len),
                  argv[1], unowned->len, refs->str);
    }
  for (guint i = 0; i < requests->len; i++)
    {
      BpRequest *r = g_ptr_array_index (requests, i);

      g_print ("wrote: %s (%u actions%s%s)\n", (char *) g_ptr_array_index (paths, i),
               r->actions->len, r->email ? ", " : "", r->email ? r->email : "");
    }
  g_print ("meeting: %s\n", meeting ? meeting : "-");
  g_print ("due: %s\n", due);
  g_print ("requests.written: %u\n", requests->len);
  g_print ("requests.actions: %d\n", n_actions);
  g_print ("requests.unowned: %u\n", unowned ? unowned->len : 0);
  return BP_EXIT_OK;
}

int
bp_cli_import_returns (int argc, char **argv, const char *date, gboolean accept_newer,
                       gboolean dry_run)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = NULL;
  g_autoptr (BpReturnsReport) report = NULL;
  g_autofree char *text = NULL;
  BpReturnsOptions options = { date, accept_newer, dry_run };
  g_autoptr (GPtrArray) paths = g_ptr_array_new ();

  for (int i = 2; i < argc; i++)
    if (!g_file_test (argv[i], G_FILE_TEST_EXISTS))
      {
        g_printerr (_("%s: no such file\n"), argv[i]);
        return BP_EXIT_NOINPUT;
      }
  db = bp_cli_open (argv[1], BP_OPEN_DEFAULT, &error);
  if (db == NULL)
    return bp_cli_report_error (error);
  if (bp_db_is_read_only (db))
    {
      g_printerr (_("%s: cannot import into it: %s\n"), argv[1], bp_db_get_read_only_reason (db));
      return BP_EXIT_CANTCREAT;
    }
  bp_db_set_actor (db, g_get_user_name ());
  for (int i = 2; i < argc; i++)
    g_ptr_array_add (paths, argv[i]);
  g_ptr_array_add (paths, NULL);
  if (!bp_returns_import (db, (const char *const *) paths->pdata, &options, &report, &error))
    {
      for (guint i = 0; report && i < report->errors->len; i++)
        g_printerr ("%s\n", (char *) g_ptr_array_index (report->errors, i));
      return bp_cli_report_error (error);
    }
  for (guint i = 0; i < report->conflict_list->len; i++)
    g_printerr ("%s\n", (char *) g_ptr_array_index (report->conflict_list, i));
  text = bp_returns_report_to_text (report);
  g_print ("%s", text);
  return BP_EXIT_OK;
}
