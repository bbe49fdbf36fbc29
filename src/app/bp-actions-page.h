/* bp-actions-page.h: the Actions view. */
#pragma once

#include "bp-action-list.h"
#include "bp-page.h"

G_BEGIN_DECLS

#define BP_TYPE_ACTIONS_PAGE (bp_actions_page_get_type ())
G_DECLARE_FINAL_TYPE (BpActionsPage, bp_actions_page, BP, ACTIONS_PAGE, BpPage)

/* The rows the table shows, filtered and sorted. */
BpActionList *bp_actions_page_get_list (BpActionsPage *self);

/* Opens the editor of the action @action_id (0: a new action), modal
 * above the page's window, and returns it. */
GtkWidget *bp_actions_page_open_action (BpActionsPage *self, gint64 action_id);
/* The editor the page opened, while it is open. */
GtkWidget *bp_actions_page_get_editor (BpActionsPage *self);

G_END_DECLS
