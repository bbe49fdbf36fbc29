/* bp-meetings-page.h: the Meetings view. */
#pragma once

#include "bp-page.h"

G_BEGIN_DECLS

#define BP_TYPE_MEETINGS_PAGE (bp_meetings_page_get_type ())
G_DECLARE_FINAL_TYPE (BpMeetingsPage, bp_meetings_page, BP, MEETINGS_PAGE, BpPage)

G_END_DECLS
