/* bp-cli.c: the verbs new, check, sample, update and snapshot, and the table of all verbs. */
#include <glib/gi18n.h>
#include <string.h>

#include "bp-cli-export.h"
#include "bp-cli-import.h"
#include "bp-cli-requests.h"
#include "bp-cli.h"
#include "bp-db.h"
#include "bp-pack.h"
#include "bp-query.h"
#include "bp-rules.h"
#include "bp-sample.h"

typedef int (*VerbFunc) (int argc, char **argv);

typedef struct
{
  const char *name;
  const char *synopsis;
  VerbFunc run;
} Verb;

static int verb_new (int argc, char **argv);
static int verb_check (int argc, char **argv);
static int verb_sample (int argc, char **argv);
static int verb_update (int argc, char **argv);
static int verb_snapshot (int argc, char **argv);
static int verb_pack (int argc, char **argv);

static const Verb verbs[] = {
  { "check", N_("FILE [--as-of YYYY-MM-DD]"), verb_check },
  { "new", N_("FILE [--title TEXT]"), verb_new },
  { "sample", N_("OUT"), verb_sample },
  { "update", N_("FILE REF --rag R [--note TEXT] [--asks TEXT] [--by NAME] [--date YYYY-MM-DD]"),
    verb_update },
  { "snapshot", N_("FILE --meeting YYYY-MM-DD"), verb_snapshot },
  { "pack", N_("FILE -o OUT.pdf [--meeting YYYY-MM-DD] [--language en|cy|bilingual]"), verb_pack },
  { "import", N_(BP_CLI_IMPORT_SYNOPSIS), bp_cli_import },
  { "export", N_(BP_CLI_EXPORT_SYNOPSIS), bp_cli_export },
  { "requests", N_(BP_CLI_REQUESTS_SYNOPSIS), bp_cli_requests },
};

void
bp_cli_print_usage (void)
{
  g_printerr ("%s\n", _("Usage:"));
  g_printerr ("  boardpack [FILE]\n");
  for (gsize i = 0; i < G_N_ELEMENTS (verbs); i++)
    g_printerr ("  boardpack %s %s\n", verbs[i].name, _(verbs[i].synopsis));
}

gboolean
bp_cli_is_verb (const char *verb)
{
  for (gsize i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_strcmp0 (verb, verbs[i].name) == 0)
      return TRUE;
  return FALSE;
}

int
bp_cli_usage_error (const char *verb, const char *synopsis, const char *fmt, ...)
{
  va_list args;
  g_autofree char *msg = NULL;

  va_start (args, fmt);
  msg = g_strdup_vprintf (fmt, args);
  va_end (args);
  if (verb)
    g_printerr ("boardpack: %s: %s\n", verb, msg);
  else
    g_printerr ("boardpack: %s\n", msg);
  if (verb && synopsis)
    g_printerr ("%s\n  boardpack %s %s\n", _("Usage:"), verb, synopsis);
  else
    bp_cli_print_usage ();
  return BP_EXIT_USAGE;
}

/* Once per command: a verb may open its file twice. */
static void
note_shared_folder (BpDb *db, const char *path)
{
  static gboolean told;

  if (bp_db_get_shared_folder (db) && !told)
    {
      told = TRUE;
      g_printerr (_("%s: in a shared folder (%s): kept with a rollback journal and opened by one "
                    "program at a time; share it by copy, not by several people writing to it\n"),
                  path, bp_db_get_shared_folder (db));
    }
}

int
bp_cli_report_error (const GError *error)
{
  g_printerr ("%s\n", error->message);
  /* A pack whose language has no catalogue: neither the file (it packs
   * in English) nor the command line is wrong; a support file is missing
   * or damaged, which sysexits calls EX_UNAVAILABLE. */
  if (error->domain == BP_TRANSLATION_ERROR)
    return BP_EXIT_UNAVAILABLE;
  return bp_error_exit_code (error);
}

/* Parses the options of one verb. argv[0] is the verb. Leaves the
 * positional arguments in argv; returns FALSE (usage printed) on error. */
static gboolean
parse_options (const char *verb, GOptionEntry *entries, int *argc, char ***argv,
               int n_positional)
{
  g_autoptr (GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (ctx, TRUE);
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      bp_cli_usage_error (NULL, NULL, "%s: %s", verb, error->message);
      return FALSE;
    }
  if (*argc - 1 != n_positional)
    {
      bp_cli_usage_error (NULL, NULL, _("%s: expected %d argument(s), got %d"), verb, n_positional,
                          *argc - 1);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_date_option (const char *verb, const char *option, const char *value)
{
  if (value && !bp_date_is_valid (value))
    {
      bp_cli_usage_error (NULL, NULL, _("%s: %s “%s” is not a date (YYYY-MM-DD)"), verb, option,
                          value);
      return FALSE;
    }
  return TRUE;
}

static int
verb_new (int argc, char **argv)
{
  g_autofree char *title = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("The programme's title"), N_("TEXT") },
    { NULL },
  };
  g_autoptr (BpDb) db = NULL;
  g_autoptr (GError) error = NULL;

  if (!parse_options ("new", entries, &argc, &argv, 1))
    return BP_EXIT_USAGE;
  db = bp_db_create (argv[1], title, &error);
  if (db == NULL)
    return bp_cli_report_error (error);
  note_shared_folder (db, argv[1]);
  g_print (_("Created %s\n"), argv[1]);
  return BP_EXIT_OK;
}

static int
verb_sample (int argc, char **argv)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr (BpDb) db = NULL;
  g_autoptr (GError) error = NULL;

  if (!parse_options ("sample", entries, &argc, &argv, 1))
    return BP_EXIT_USAGE;
  db = bp_sample_write (argv[1], &error);
  if (db == NULL)
    return bp_cli_report_error (error);
  note_shared_folder (db, argv[1]);
  g_print (_("Wrote the sample programme to %s\n"), argv[1]);
  return BP_EXIT_OK;
}

static int
verb_check (int argc, char **argv)
{
  g_autofree char *as_of = NULL;
  GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("Count overdue actions as of this date (default today)"), N_("YYYY-MM-DD") },
    { NULL },
  };
  g_autoptr (BpDb) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *integrity = NULL;
  BpSummary s;

  if (!parse_options ("check", entries, &argc, &argv, 1)
      || !check_date_option ("check", "--as-of", as_of))
    return BP_EXIT_USAGE;
  if (as_of == NULL)
    as_of = bp_date_today ();

  /* Read-only: checking never writes, and SQLite skips re-testing every
   * CHECK constraint on a read-only connection, which halves the time of
   * the integrity check on a large file. An older file is upgraded first
   * (with its backup), as opening it anywhere else would. */
  db = bp_cli_open (argv[1], BP_OPEN_READ_ONLY, &error);
  if (db == NULL && g_error_matches (error, BP_ERROR, BP_ERROR_NEEDS_UPGRADE))
    {
      g_autoptr (BpDb) upgraded = NULL;

      g_clear_error (&error);
      upgraded = bp_cli_open (argv[1], BP_OPEN_DEFAULT, &error);
      if (upgraded == NULL)
        return bp_cli_report_error (error);
      g_printerr (_("%s: upgraded to file version %d; the original is kept as %s\n"),
                  argv[1], BP_SCHEMA_VERSION, bp_db_get_backup_path (upgraded));
      g_clear_object (&upgraded);
      db = bp_cli_open (argv[1], BP_OPEN_READ_ONLY, &error);
    }
  if (db == NULL)
    return bp_cli_report_error (error);

  integrity = bp_db_integrity_check (db, &error);
  if (integrity == NULL)
    return bp_cli_report_error (error);
  g_print ("integrity: %s\n", integrity);
  if (!g_str_equal (integrity, "ok"))
    {
      g_printerr (_("%s: the file is damaged; restore it from a backup\n"), argv[1]);
      return BP_EXIT_DATAERR;
    }
  if (!bp_db_summary (db, as_of, &s, &error))
    return bp_cli_report_error (error);

  g_print ("priorities: %d\n", s.priorities);
  g_print ("actions: %d\n", s.actions);
  g_print ("actions.blue: %d\n", s.by_rag[BP_RAG_BLUE]);
  g_print ("actions.green: %d\n", s.by_rag[BP_RAG_GREEN]);
  g_print ("actions.amber: %d\n", s.by_rag[BP_RAG_AMBER]);
  g_print ("actions.red: %d\n", s.by_rag[BP_RAG_RED]);
  g_print ("actions.not_started: %d\n", s.by_rag[BP_RAG_NOT_STARTED]);
  g_print ("actions.overdue: %d\n", s.overdue);
  g_print ("milestones: %d\n", s.milestones);
  g_print ("updates: %d\n", s.updates);
  g_print ("risks: %d\n", s.risks);
  g_print ("measures: %d\n", s.measures);
  g_print ("meetings: %d\n", s.meetings);
  g_print ("snapshots: %d\n", s.snapshots);
  return BP_EXIT_OK;
}

static int
verb_update (int argc, char **argv)
{
  g_autofree char *rag_text = NULL, *note = NULL, *asks = NULL, *by = NULL, *date = NULL;
  GOptionEntry entries[] = {
    { "rag", 0, 0, G_OPTION_ARG_STRING, &rag_text,
      N_("New RAG status: R, A, G, B or N (or the words)"), N_("R") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Commentary"), N_("TEXT") },
    { "asks", 0, 0, G_OPTION_ARG_STRING, &asks,
      N_("What the owner asks the board to decide or do"), N_("TEXT") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who reports it"), N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("Date of the update (default today)"),
      N_("YYYY-MM-DD") },
    { NULL },
  };
  g_autoptr (BpDb) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BpAction) action = NULL;
  BpUpdate update = { 0 };
  BpRag rag;

  if (!parse_options ("update", entries, &argc, &argv, 2)
      || !check_date_option ("update", "--date", date))
    return BP_EXIT_USAGE;
  if (rag_text == NULL)
    return bp_cli_usage_error (NULL, NULL, _("update: --rag is required"));
  if (!bp_rag_parse (rag_text, &rag))
    return bp_cli_usage_error (NULL, NULL,
                               _("update: “%s” is not a RAG status (R, A, G, B or N)"),
                               rag_text);
  if (date == NULL)
    date = bp_date_today ();

  db = bp_cli_open (argv[1], BP_OPEN_DEFAULT, &error);
  if (db == NULL)
    return bp_cli_report_error (error);
  if (bp_db_is_read_only (db))
    {
      g_printerr (_("%s: cannot record an update: %s\n"), argv[1],
                  bp_db_get_read_only_reason (db));
      return BP_EXIT_CANTCREAT;
    }
  action = bp_db_find_action (db, argv[2], &error);
  if (action == NULL && !g_error_matches (error, BP_ERROR, BP_ERROR_NOT_FOUND))
    return bp_cli_report_error (error);
  if (action == NULL)
    {
      g_printerr (_("%s: no action with reference “%s”\n"), argv[1], argv[2]);
      return BP_EXIT_DATAERR;
    }

  bp_db_set_actor (db, by ? by : g_get_user_name ());
  update.action_id = action->id;
  update.date = date;
  update.author = by;
  update.rag = rag;
  update.commentary = note;
  update.asks = asks;
  if (!bp_db_add_update (db, &update, &error))
    return bp_cli_report_error (error);

  g_print (_("%s: %s → %s (update of %s)\n"), action->ref, bp_rag_to_label (action->rag),
           bp_rag_to_label (rag), date);
  return BP_EXIT_OK;
}

static int
verb_snapshot (int argc, char **argv)
{
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &date, N_("The meeting's date"), N_("YYYY-MM-DD") },
    { NULL },
  };
  g_autoptr (BpDb) db = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (BpMeeting) meeting = NULL;
  gboolean replaced = FALSE;
  BpSummary s;

  if (!parse_options ("snapshot", entries, &argc, &argv, 1)
      || !check_date_option ("snapshot", "--meeting", date))
    return BP_EXIT_USAGE;
  if (date == NULL)
    return bp_cli_usage_error (NULL, NULL, _("snapshot: --meeting is required"));

  db = bp_cli_open (argv[1], BP_OPEN_DEFAULT, &error);
  if (db == NULL)
    return bp_cli_report_error (error);
  if (bp_db_is_read_only (db))
    {
      g_printerr (_("%s: cannot take a snapshot: %s\n"), argv[1], bp_db_get_read_only_reason (db));
      return BP_EXIT_CANTCREAT;
    }
  meeting = bp_db_find_meeting (db, date, &error);
  if (meeting == NULL && !g_error_matches (error, BP_ERROR, BP_ERROR_NOT_FOUND))
    return bp_cli_report_error (error);
  if (meeting == NULL)
    {
      g_autoptr (GPtrArray) meetings = bp_db_list_meetings (db, NULL);
      g_autoptr (GString) known = g_string_new (NULL);

      for (guint i = 0; meetings && i < meetings->len; i++)
        g_string_append_printf (known, "%s%s", i ? ", " : "",
                                ((BpMeeting *) g_ptr_array_index (meetings, i))->date);
      g_printerr (_("%s: no meeting on %s (meetings: %s)\n"), argv[1], date,
                  known->len ? known->str : _("none"));
      return BP_EXIT_DATAERR;
    }
  bp_db_set_actor (db, g_get_user_name ());
  if (bp_db_take_snapshot (db, meeting->id, &replaced, &error) == 0)
    return bp_cli_report_error (error);
  if (!bp_db_summary (db, date, &s, &error))
    return bp_cli_report_error (error);
  g_print (replaced ? _("Replaced the snapshot for the meeting of %s: %d actions, %d risks\n")
                    : _("Took the snapshot for the meeting of %s: %d actions, %d risks\n"),
           date, s.actions, s.risks);
  return BP_EXIT_OK;
}

static int
verb_pack (int argc, char **argv)
{
  g_autofree char *out = NULL, *date = NULL, *language = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF to write"), N_("OUT.pdf") },
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("The meeting the pack is for (default the latest)"), N_("YYYY-MM-DD") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The pack's language: English, Welsh, or bilingual with Welsh first "
         "(default the programme's setting)"), N_("en|cy|bilingual") },
    { NULL },
  };
  g_autoptr (BpDb) db = NULL;
  g_autoptr (BpPack) pack = NULL;
  g_autoptr (GError) error = NULL;
  BpPackOptions options = { 0 };

  if (!parse_options ("pack", entries, &argc, &argv, 1)
      || !check_date_option ("pack", "--meeting", date))
    return BP_EXIT_USAGE;
  if (out == NULL)
    return bp_cli_usage_error (NULL, NULL, _("pack: -o OUT.pdf is required"));
  if (language != NULL
      && g_strcmp0 (language, "en") != 0 && g_strcmp0 (language, "cy") != 0
      && g_strcmp0 (language, "bilingual") != 0)
    return bp_cli_usage_error (NULL, NULL,
                               _("pack: --language must be en, cy or bilingual, not “%s”"),
                               language);

  db = bp_cli_open (argv[1], BP_OPEN_READ_ONLY, &error);
  if (db == NULL)
    return bp_cli_report_error (error);
  options.meeting_date = date;
  options.language = language;
  pack = bp_pack_load (db, &options, &error);
  if (pack == NULL)
    return bp_cli_report_error (error);
  if (!bp_pack_render_pdf (pack, out, &error))
    {
      g_printerr ("%s\n", error->message);
      /* The file was read; a failure to write the PDF is the output's. */
      return g_error_matches (error, BP_ERROR, BP_ERROR_IO) ? BP_EXIT_CANTCREAT
                                                             : bp_error_exit_code (error);
    }
  g_print (_("Wrote the board pack for the meeting of %s to %s\n"),
           bp_pack_get_meeting_date (pack), out);
  return BP_EXIT_OK;
}

int
bp_cli_run (int argc, char **argv)
{
  g_return_val_if_fail (argc >= 2, BP_EXIT_USAGE);

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      bp_cli_print_usage ();
      return BP_EXIT_OK;
    }
  if (g_str_equal (argv[1], "--version"))
    {
      g_print ("boardpack %s\n", BP_VERSION);
      return BP_EXIT_OK;
    }
  for (gsize i = 0; i < G_N_ELEMENTS (verbs); i++)
    if (g_str_equal (argv[1], verbs[i].name))
      return verbs[i].run (argc - 1, argv + 1);
  return bp_cli_usage_error (NULL, NULL, _("unknown command “%s”"), argv[1]);
}

BpDb *
bp_cli_open (const char *path, BpOpenFlags flags, GError **error)
{
  BpDb *db = bp_db_open (path, flags, error);

  if (db)
    note_shared_folder (db, path);
  return db;
}
