/* bp-db-risk.h: writing a risk with its mitigations and links. */
#pragma once

#include "bp-db.h"

G_BEGIN_DECLS

/* Writes @risk (inserted when its id is 0, which sets it), and makes its
 * mitigations and links those given, in one transaction: one undo step,
 * and nothing written when any part fails.
 *
 * @mitigations (BpMitigation*) are the risk's mitigations in order: each
 * gets the risk's id and its place (1, 2 ...) as position; one with an id
 * is updated, one without is inserted and its id set. The risk's other
 * mitigations are deleted. @links (gint64 action ids) are the actions
 * that mitigate the risk; its other links are removed. NULL for either
 * means none. */
gboolean bp_db_save_risk (BpDb *self, BpRisk *risk, GPtrArray *mitigations, GArray *links,
                          GError **error);

G_END_DECLS
