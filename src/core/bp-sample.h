/* bp-sample.h: the built-in sample programme. */
#pragma once

#include "bp-db.h"

G_BEGIN_DECLS

/* Writes the sample programme, a SEND improvement plan with its board,
 * risks, scorecard and meetings, to a new file at @path. */
BpDb *bp_sample_write (const char *path, GError **error);

G_END_DECLS
