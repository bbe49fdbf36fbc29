/* bp-pack-private.h: what the board pack's section files share.
 *
 * bp-pack.c loads the pack and runs the sections in order;
 * bp-pack-summary.c writes the pages a board reads first (cover, front
 * sheet, decisions, dashboard, movement); bp-pack-detail.c the detail
 * after them (exceptions, risks, scorecard, milestones, the plan). */
#pragma once

#include "bp-document.h"
#include "bp-pack.h"
#include "bp-query.h"
#include "bp-state.h"

G_BEGIN_DECLS

/* How many periods of a measure the scorecard table shows. */
#define BP_PACK_SCORECARD_PERIODS 4

struct _BpPack
{
  BpLanguage language;    /* EN, CY or BILINGUAL: never UI */
  BpProgramme *programme;
  BpMeeting *meeting;
  char *next_meeting_date; /* the next meeting, or this one plus the cadence */
  gboolean next_meeting_known;

  /* What the pack shows: the meeting's snapshot, or (a draft) the
   * programme as it stands when there is none. */
  BpState *state;
  /* The snapshot of the meeting before, for "since the last meeting". */
  BpState *previous;
  BpMovement *movement;   /* NULL when there is nothing to compare with */
  char *previous_meeting_date;
  gboolean has_snapshot;

  GHashTable *actions_by_id;  /* id -> BpAction (borrowed from state) */
  GHashTable *org_short;      /* organisation name -> short form (owned) */
  GPtrArray *org_names;       /* the organisations' names, in order of first use (borrowed) */
  GHashTable *previous_rags;  /* action id -> BpRag + 1 at the previous snapshot */
  GHashTable *previous_scores; /* risk id -> score + 1 at the previous snapshot */

  GPtrArray *milestones_due;    /* BpMilestone (borrowed): open, due by the next meeting */
  GPtrArray *milestones_missed; /* BpMilestone (borrowed): open, due before the meeting */
  GPtrArray *actions_due;       /* BpAction (borrowed): open, due by the next meeting */

  int rag_counts[BP_RAG_COUNT];
  int overdue;

  char *title;  /* of the document */
  char *footer;
  char *banner; /* on every page of a draft */
};

/* Formatting shared by the sections. */
char *bp_pack_long_date (const char *iso);
const char *bp_pack_or_dash (const char *text);
char *bp_pack_rag_fill (BpRag rag);
/* "Priya Raman (WBDICB)": the owner and the short form of their
 * organisation, which bp_pack_organisations_key() spells out. */
char *bp_pack_owner_text (BpPack *pack, const char *owner, const char *organisation);
/* "Organisations: WBC Wessex Bay Council; …", or NULL when no table
 * names one: the key to the short forms, once under a table's intro. */
char *bp_pack_organisations_key (BpPack *pack);
/* That key as a paragraph. */
void bp_pack_organisations_note (BpDocument *doc, BpPack *pack);
/* The language a cell of the programme's own text is in, when the pack
 * is not in it (NULL when it is). */
const char *bp_pack_data_lang (BpPack *pack);
/* @msgid formatted with one long date (%s), each language of a bilingual
 * pack with the date in its own language. */
char *bp_pack_printf_date (const char *msgid, const char *iso);
/* The same with two dates (the second %s), each in its language. */
char *bp_pack_printf_date2 (const char *msgid, const char *iso, const char *iso2);
/* @msgid formatted with a count (%d) and a long date (%s), in plural
 * form; each language with its own date. */
char *bp_pack_printfn_date (const char *msgid, const char *msgid_plural, int n, const char *iso);

const BpAction *bp_pack_find_action (BpPack *pack, gint64 id);
gboolean bp_pack_is_overdue (BpPack *pack, const BpAction *a);
/* Whether @a was not red at the previous snapshot and is red now. */
gboolean bp_pack_is_newly_red (BpPack *pack, const BpAction *a);
/* The action's RAG at the previous snapshot, or -1 when unknown. */
int bp_pack_previous_rag (BpPack *pack, gint64 action_id);
/* The risk's current score at the previous snapshot, or -1 when unknown. */
int bp_pack_previous_score (BpPack *pack, gint64 risk_id);
/* The latest value of a measure that has one, and the one before it. */
BpMeasureValue *bp_pack_latest_value (GPtrArray *values, BpMeasureValue **out_before);
/* Whether the measure's last two values are both off target (red). */
gboolean bp_pack_measure_off_twice (const BpMeasure *m, GPtrArray *values);

/* A level 2 heading that never ends a page: it starts a new page unless
 * the first lines of what follows fit under it. */
void bp_pack_heading (BpDocument *doc, const char *text);

/* A table of the first @n of @milestones (BpMilestone): due, title,
 * action, owner. */
void bp_pack_milestone_table (BpDocument *doc, BpPack *pack, GPtrArray *milestones, guint n);

/* The sections, in the order bp_pack_build() writes them. */
void bp_pack_section_cover (BpDocument *doc, BpPack *pack);
void bp_pack_section_front_sheet (BpDocument *doc, BpPack *pack);
void bp_pack_section_decisions (BpDocument *doc, BpPack *pack);
void bp_pack_section_dashboard (BpDocument *doc, BpPack *pack);
void bp_pack_section_movement (BpDocument *doc, BpPack *pack);
void bp_pack_section_exceptions (BpDocument *doc, BpPack *pack);
void bp_pack_section_risks (BpDocument *doc, BpPack *pack);
void bp_pack_section_scorecard (BpDocument *doc, BpPack *pack);
void bp_pack_section_milestones (BpDocument *doc, BpPack *pack);
void bp_pack_section_plan (BpDocument *doc, BpPack *pack);

G_END_DECLS
