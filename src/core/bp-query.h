/* bp-query.h: what the window and the board pack ask of a programme. */
#pragma once

#include "bp-db.h"

G_BEGIN_DECLS

typedef struct
{
  gint64 priority_id;        /* 0: any priority area */
  gint64 owner_id;           /* 0: any owner */
  guint rag_mask;            /* bits (1 << BpRag); 0: any RAG */
  const char *overdue_as_of; /* only actions overdue on this date */
  const char *due_from;      /* with due_within_days >= 0: only actions not */
  int due_within_days;       /* complete whose due date is in [from, from+N] */
  const char *search;        /* words found in the action or its updates */
} BpActionFilter;

#define BP_ACTION_FILTER_INIT { 0, 0, 0, NULL, NULL, -1, NULL }

/* Actions in plan order (priority area, then position, then reference),
 * with their priority code, owner, organisation and latest update. */
GPtrArray *bp_db_list_actions (BpDb *self, const BpActionFilter *filter, GError **error);

/* The last day of @filter's due window in *@out_due_to (owned by caller;
 * NULL when the filter has no window). Fails when due_from is not a date. */
gboolean bp_action_filter_due_to (const BpActionFilter *filter, char **out_due_to,
                                  GError **error);
/* Whether @action passes @filter's tests other than the search, exactly
 * as bp_db_list_actions() applies them in SQL, for a list that filters
 * actions it has read already. @due_to is from bp_action_filter_due_to(). */
gboolean bp_action_filter_matches (const BpActionFilter *filter, const BpAction *action,
                                   const char *due_to);
/* TRUE when @filter keeps every action: nothing in it narrows the list. */
gboolean bp_action_filter_is_empty (const BpActionFilter *filter);
/* An action's updates, newest first: its RAG history. */
GPtrArray *bp_db_list_updates (BpDb *self, gint64 action_id, GError **error);

GPtrArray *bp_db_list_priorities (BpDb *self, GError **error);
GPtrArray *bp_db_list_people (BpDb *self, GError **error);
GPtrArray *bp_db_list_organisations (BpDb *self, GError **error);
/* Risks in register order, with their owner's name. */
GPtrArray *bp_db_list_risks (BpDb *self, GError **error);
GPtrArray *bp_db_list_mitigations (BpDb *self, gint64 risk_id, GError **error);
/* The actions linked to a risk, as references. */
GStrv bp_db_risk_action_refs (BpDb *self, gint64 risk_id, GError **error);
GPtrArray *bp_db_list_risk_bands (BpDb *self, GError **error);
GPtrArray *bp_db_list_measures (BpDb *self, GError **error);
/* A measure's values in period order (oldest first). */
GPtrArray *bp_db_list_measure_values (BpDb *self, gint64 measure_id, GError **error);
/* Meetings, oldest first. */
GPtrArray *bp_db_list_meetings (BpDb *self, GError **error);
/* Snapshots with their meeting's date, oldest meeting first. */
GPtrArray *bp_db_list_snapshots (BpDb *self, GError **error);
/* Milestones not done and due in [from, to] (either may be NULL: open),
 * by due date. */
GPtrArray *bp_db_list_milestones_due (BpDb *self, const char *from, const char *to,
                                      GError **error);
/* An action's milestones, by due date. */
GPtrArray *bp_db_list_action_milestones (BpDb *self, gint64 action_id, GError **error);

typedef struct
{
  int priorities;
  int actions;
  int by_rag[BP_RAG_COUNT];
  int overdue;
  int milestones;
  int updates;
  int risks;
  int measures;
  int meetings;
  int snapshots;
} BpSummary;

/* How many actions of each RAG each priority area has: @out_counts gets
 * one row of BP_RAG_COUNT ints per priority of bp_db_list_priorities(),
 * in that order (an array of n_priorities * BP_RAG_COUNT). Counting in
 * SQL keeps a dashboard of 50,000 actions quick. */
int *bp_db_count_actions_by_priority (BpDb *self, GPtrArray *priorities, GError **error);

/* The counts `boardpack check` prints; overdue as of @as_of. */
gboolean bp_db_summary (BpDb *self, const char *as_of, BpSummary *out, GError **error);

typedef struct
{
  gint64 id;      /* action or risk */
  char *ref;
  BpRag from_rag; /* actions */
  BpRag to_rag;
  int from_score; /* risks */
  int to_score;
} BpMovementItem;

typedef struct
{
  char *from_date; /* the two meetings compared */
  char *to_date;
  GPtrArray *improved;      /* RAG went up (not to complete) */
  GPtrArray *worsened;      /* RAG went down */
  GPtrArray *completed;     /* became blue */
  GPtrArray *newly_overdue; /* overdue at the later meeting, not the earlier */
  GPtrArray *risks_up;      /* score rose */
  GPtrArray *risks_down;    /* score fell */
} BpMovement;

/* Each risk's score frozen in a snapshot: risk id (gint64*) -> score
 * (GINT_TO_POINTER). */
GHashTable *bp_db_snapshot_risk_scores (BpDb *self, gint64 snapshot_id, GError **error);

void bp_movement_free (BpMovement *movement);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpMovement, bp_movement_free)

/* What moved between two snapshots, each item in reference order. */
BpMovement *bp_db_movement (BpDb *self, gint64 from_snapshot, gint64 to_snapshot,
                            GError **error);

G_END_DECLS
