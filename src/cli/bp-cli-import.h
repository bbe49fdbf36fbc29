/* bp-cli-import.h: `boardpack import`, a spreadsheet into a programme. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* For the verb table: the arguments after "import". */
#define BP_CLI_IMPORT_SYNOPSIS \
  "FILE SOURCE [--kind actions|risks|measures|updates] [--map COLUMN=FIELD ...] " \
  "[--sheet NAME] [--dry-run] [--date YYYY-MM-DD] | " \
  "FILE RETURN.xlsx ... --kind returns [--accept-newer] [--dry-run] [--date YYYY-MM-DD]"

/* argv[0] is "import". Prints the report on stdout, every problem on
 * stderr as SOURCE:LINE: message; returns the exit code (0, 64 usage, 65
 * bad data, 66 no such file, 73 read-only file, 74 I/O). */
int bp_cli_import (int argc, char **argv);

G_END_DECLS
