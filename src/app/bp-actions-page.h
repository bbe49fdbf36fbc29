/* bp-actions-page.h: the Actions view. */
#pragma once

#include "bp-page.h"

G_BEGIN_DECLS

#define BP_TYPE_ACTIONS_PAGE (bp_actions_page_get_type ())
G_DECLARE_FINAL_TYPE (BpActionsPage, bp_actions_page, BP, ACTIONS_PAGE, BpPage)

G_END_DECLS
