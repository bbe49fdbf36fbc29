/* bp-cli.h: the headless verbs of the boardpack command. */
#pragma once

#include <glib.h>

#include "bp-db.h"

G_BEGIN_DECLS

/* Exit codes, from sysexits. */
enum
{
  BP_EXIT_OK = 0,
  BP_EXIT_USAGE = 64,
  BP_EXIT_DATAERR = 65,
  BP_EXIT_NOINPUT = 66,
  BP_EXIT_UNAVAILABLE = 69,
  BP_EXIT_CANTCREAT = 73,
  BP_EXIT_IOERR = 74,
};

/* TRUE when @verb names a headless verb. */
gboolean bp_cli_is_verb (const char *verb);

/* Runs the verb in argv[1] with its arguments; returns the exit code. */
int bp_cli_run (int argc, char **argv);

/* bp_db_open() for a verb; a file in a shared or synchronised folder is
 * named on stderr once, with how it is kept there. */
BpDb *bp_cli_open (const char *path, BpOpenFlags flags, GError **error);

/* The usage text, printed on stderr for a bad command line. */
void bp_cli_print_usage (void);

/* Prints "boardpack: VERB: message" on stderr, then how to use @verb with
 * its @synopsis, or the whole command's usage when @verb is NULL; returns
 * BP_EXIT_USAGE. */
int bp_cli_usage_error (const char *verb, const char *synopsis, const char *fmt, ...)
  G_GNUC_PRINTF (3, 4);

/* Prints @error's message on stderr; returns the exit code it calls for. */
int bp_cli_report_error (const GError *error);

G_END_DECLS
