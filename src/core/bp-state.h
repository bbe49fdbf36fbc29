/* bp-state.h: the programme as a board pack shows it, read in one go:
 * as it stands now, or as a meeting's snapshot froze it. */
#pragma once

#include "bp-db.h"

G_BEGIN_DECLS

/* The programme as a board pack shows it: as it stands now, or as a
 * meeting's snapshot froze it. */
typedef struct
{
  gint64 snapshot_id;      /* 0: the live programme */
  char *taken_at;          /* the snapshot's taken_at (ISO 8601 date-time); NULL when live */
  int frozen;              /* 2 frozen at the time, 1 reconstructed from an older file, 0 live */
  GPtrArray *priorities;   /* BpPriority, plan order */
  GPtrArray *actions;      /* BpAction, plan order, query fields filled (priority_code, owner_name,
                            * organisation_name, latest_date/commentary/next_steps/asks, rag_since) */
  GPtrArray *milestones;   /* BpMilestone, every one, by due date then id; done_date as it was */
  GPtrArray *risks;        /* BpRisk with owner_name, register order */
  GPtrArray *mitigations;  /* one GPtrArray of BpMitigation (owner_name filled) per risk */
  GPtrArray *risk_links;   /* one GStrv of linked action refs per risk */
  GPtrArray *bands;        /* BpRiskBand */
  GPtrArray *measures;     /* BpMeasure, scorecard order */
  GPtrArray *values;       /* one GPtrArray of BpMeasureValue per measure, oldest period first */
} BpState;

/* Values of BpState.frozen. */
#define BP_STATE_LIVE 0
#define BP_STATE_RECONSTRUCTED 1
#define BP_STATE_FROZEN 2

/* The live programme (@snapshot_id 0), or what the snapshot @snapshot_id
 * froze, read from the snapshot's own tables only: a pack made from it
 * does not change when the plan moves on. An unknown snapshot is
 * BP_ERROR_INVALID. In a snapshot, ids are those the rows had when it was
 * taken (they may have been deleted since), and ids the snapshot did not
 * keep (an action's owner_id, organisation_id) are 0: use the names. */
BpState *bp_db_load_state (BpDb *db, gint64 snapshot_id, GError **error);
void bp_state_free (BpState *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpState, bp_state_free)

G_END_DECLS
