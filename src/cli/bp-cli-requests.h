/* bp-cli-requests.h: `boardpack requests`, the update-request workbooks
 * for a cycle, and the state of their returns. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BP_CLI_REQUESTS_SYNOPSIS \
  "FILE -o DIR [--meeting YYYY-MM-DD] [--due YYYY-MM-DD] [--owner NAME ...] " \
  "[--by owner|organisation] [--language en|cy|bilingual] | FILE --status [--meeting YYYY-MM-DD]"

/* argv[0] is "requests". Writes one workbook per owner (or organisation)
 * into DIR and records the requests in FILE, or with --status prints who
 * was asked and who has returned. Returns the exit code. */
int bp_cli_requests (int argc, char **argv);

/* `boardpack import FILE RETURN.xlsx ... --kind returns`: argv holds the
 * positional arguments (FILE, then the returns). */
int bp_cli_import_returns (int argc, char **argv, const char *date, gboolean accept_newer,
                           gboolean dry_run);

G_END_DECLS
