/* bp-action-list.h: the actions of a programme as a lazy GListModel.
 *
 * BpActionList holds the rows of a query (bp_db_list_actions) and makes
 * the BpActionItem of a position only when asked for it, so that 50,000
 * actions cost 50,000 structs, not 50,000 GObjects. Sorting is done here,
 * on the rows, because a GtkSortListModel would have to make every item
 * to compare them; so is filtering, but for the full-text search.
 *
 * BpActionItem is the row as the Actions view shows it (display strings
 * and sort keys); it lives here because only the list makes them.
 */
#pragma once

#include <gtk/gtk.h>

#include "bp-db.h"
#include "bp-query.h"

G_BEGIN_DECLS

#define BP_TYPE_ACTION_ITEM (bp_action_item_get_type ())
G_DECLARE_FINAL_TYPE (BpActionItem, bp_action_item, BP, ACTION_ITEM, GObject)

gint64 bp_action_item_get_id (BpActionItem *self);
const char *bp_action_item_get_ref (BpActionItem *self);
const char *bp_action_item_get_title (BpActionItem *self);
const char *bp_action_item_get_priority (BpActionItem *self);
const char *bp_action_item_get_owner (BpActionItem *self);
/* The owner's organisation. */
const char *bp_action_item_get_organisation (BpActionItem *self);
/* The date the action is due by (the revised one when there is one), as
 * people read it ("31 Mar 2025"), or the words written instead. */
const char *bp_action_item_get_due (BpActionItem *self);
/* The same date as YYYY-MM-DD, or "" when there is none: sorts by date. */
const char *bp_action_item_get_due_key (BpActionItem *self);
/* "Revised from 31 Mar 2025: reason", or NULL. */
const char *bp_action_item_get_due_tooltip (BpActionItem *self);
BpRag bp_action_item_get_rag (BpActionItem *self);
const char *bp_action_item_get_rag_label (BpActionItem *self);
gboolean bp_action_item_get_overdue (BpActionItem *self);
const char *bp_action_item_get_latest_date (BpActionItem *self);
const char *bp_action_item_get_latest_commentary (BpActionItem *self);
/* The latest update on one line ("12 Mar 2025: commentary"), and in
 * full with its next steps. */
const char *bp_action_item_get_latest_update (BpActionItem *self);
const char *bp_action_item_get_latest_tooltip (BpActionItem *self);

/* The orders the Actions view offers, one per column. */
typedef enum
{
  BP_ACTION_SORT_PLAN = 0, /* priority area, then position: the plan's order */
  BP_ACTION_SORT_REF,      /* 1.2 before 1.10 */
  BP_ACTION_SORT_TITLE,
  BP_ACTION_SORT_PRIORITY,
  BP_ACTION_SORT_OWNER,
  BP_ACTION_SORT_DUE,      /* by date; actions without one last */
  BP_ACTION_SORT_RAG,      /* most severe first: red, amber, not started, green, blue */
  BP_ACTION_SORT_LATEST,   /* by the date of the latest update; none last */
} BpActionSort;

#define BP_TYPE_ACTION_LIST (bp_action_list_get_type ())
G_DECLARE_FINAL_TYPE (BpActionList, bp_action_list, BP, ACTION_LIST, GObject)

BpActionList *bp_action_list_new (BpDb *db);

BpDb *bp_action_list_get_db (BpActionList *self);
/* Queries @db with the current filter (nothing when NULL). */
void bp_action_list_set_db (BpActionList *self, BpDb *db);

/* Shows the actions @filter (copied; NULL: every action) lets through,
 * exactly those bp_db_list_actions() would list, and emits items-changed
 * once for the whole list. A search asks the file's full-text index; the
 * other filters are applied to the file's list of actions, read once
 * until the file changes (bp_action_list_refresh()). */
gboolean bp_action_list_set_filter (BpActionList *self, const BpActionFilter *filter,
                                    GError **error);
/* The filter in force; its strings belong to the list. */
const BpActionFilter *bp_action_list_get_filter (BpActionList *self);
/* Whether the filter leaves some actions out. */
gboolean bp_action_list_is_filtered (BpActionList *self);

/* Queries again with the same filter after the file changed. Rows that
 * are still where they were keep their items (updated in place), and
 * items-changed covers only the span that differs. */
gboolean bp_action_list_refresh (BpActionList *self, GError **error);

void bp_action_list_set_sort (BpActionList *self, BpActionSort sort, GtkSortType order);
BpActionSort bp_action_list_get_sort (BpActionList *self, GtkSortType *out_order);

/* The date "overdue" is judged on (YYYY-MM-DD); today by default. */
void bp_action_list_set_as_of (BpActionList *self, const char *date);
const char *bp_action_list_get_as_of (BpActionList *self);

/* The number of actions in the file, whatever the filter. */
guint bp_action_list_get_n_total (BpActionList *self);
/* The position of the action @action_id, or GTK_INVALID_LIST_POSITION. */
guint bp_action_list_find (BpActionList *self, gint64 action_id);
/* The action id at @position without making its item (0 if none). */
gint64 bp_action_list_get_id (BpActionList *self, guint position);

/* The RAG chips' colours ("bp-rag" and "bp-rag-red", ... classes, as the
 * items' rag-classes name them), from the report's colours. Once per
 * display. */
void bp_action_rag_css_install (GdkDisplay *display);
/* The CSS classes of a RAG chip: { "bp-rag", "bp-rag-red", NULL }. */
const char *const *bp_action_rag_css_classes (BpRag rag);
/* A date written YYYY-MM-DD as people read it: "31 Mar 2025". Newly
 * allocated; the text itself when it is not a date. */
char *bp_action_format_date (const char *date);

G_END_DECLS
