/* bp-cli-export.h: the export verb of the boardpack command. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The verb's synopsis, for the usage text. */
#define BP_CLI_EXPORT_SYNOPSIS \
  "FILE --what actions|risks|scorecard --format csv|xlsx|html [-o OUT] [--as-of YYYY-MM-DD]"

/* `boardpack export FILE --what ... --format ... [-o OUT]`; argv[0] is
 * "export". Without -o (or with -o -) the export goes to standard output,
 * except an XLSX to a terminal. Returns the exit code: 64 bad options,
 * 66 missing file, 73 cannot create the output, 74 cannot write it. */
int bp_cli_export (int argc, char **argv);

G_END_DECLS
