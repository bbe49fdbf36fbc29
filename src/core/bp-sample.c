#include <glib/gi18n.h>

#include "bp-sample.h"

BpDb *
bp_sample_write (const char *path, GError **error)
{
  return bp_db_create (path, _("SEND Improvement Programme"), error);
}
