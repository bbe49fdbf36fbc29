/* bp-types.h: the entities of a Boardpack programme, as plain structs.
 *
 * Dates are ISO 8601 calendar dates ("2025-03-31") held as strings, the
 * way the file stores them; NULL means "no date". Identifiers are SQLite
 * rowids; 0 means "none". Optional numbers are NAN when absent.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _BpDb BpDb;

/* BRAG plus "not started". The numeric order is the order of progress
 * used for "RAG went up / down": red < amber < green < blue. */
typedef enum
{
  BP_RAG_NOT_STARTED = 0,
  BP_RAG_RED,
  BP_RAG_AMBER,
  BP_RAG_GREEN,
  BP_RAG_BLUE,
  BP_RAG_COUNT
} BpRag;

typedef enum
{
  BP_POLARITY_HIGHER = 0, /* higher is better */
  BP_POLARITY_LOWER,      /* lower is better */
  BP_POLARITY_TARGET,     /* close to target is better */
} BpPolarity;

typedef enum
{
  BP_KPI_RAG_NONE = 0, /* no value or no target */
  BP_KPI_RAG_RED,
  BP_KPI_RAG_AMBER,
  BP_KPI_RAG_GREEN,
} BpKpiRag;

typedef enum
{
  BP_DIRECTION_NONE = 0, /* nothing to compare with */
  BP_DIRECTION_IMPROVED,
  BP_DIRECTION_SUSTAINED,
  BP_DIRECTION_DETERIORATED,
} BpDirection;

typedef struct
{
  gint64 id;
  char *title;
  char *organisations;
  char *board;
  char *chair;
  int cadence_weeks;
  int fy_start_month; /* 1..12; 4 for an April-March financial year */
  char *language;     /* "en", "cy" or "bilingual" */
} BpProgramme;

typedef struct
{
  gint64 id;
  char *name;
  char *kind; /* council, ICB, school, parent carer forum ... */
} BpOrganisation;

typedef struct
{
  gint64 id;
  char *name;
  char *role;
  char *email;
  gint64 organisation_id;
} BpPerson;

typedef struct
{
  gint64 id;
  char *code;
  char *title;
  gint64 lead_id;
  int position;
} BpPriority;

typedef struct
{
  gint64 id;
  char *ref;
  gint64 priority_id;
  char *title;
  char *description;
  gint64 owner_id;
  gint64 organisation_id;
  char *partners;
  char *start_date;
  char *due_date;
  char *due_text; /* words where a date should be: "Ongoing", "TBC" */
  char *revised_due_date;
  char *revised_reason;
  BpRag rag;
  int percent;
  char *impact;
  char *evidence;
  char *criteria; /* inspection-criteria tags, separated by ';' */
  int position;

  /* Filled by queries, ignored by writes. */
  char *priority_code;
  char *owner_name;
  char *organisation_name;
  char *latest_date;
  char *latest_commentary;
  char *latest_next_steps;
  char *latest_asks;
  char *rag_since; /* the first update of the latest run with this RAG; NULL: no update */
} BpAction;

typedef struct
{
  gint64 id;
  gint64 action_id; /* 0: a milestone of the whole plan */
  char *title;
  char *due_date;
  char *done_date;
} BpMilestone;

typedef struct
{
  gint64 id;
  gint64 action_id;
  char *date;
  char *author;
  BpRag rag;
  char *commentary;
  char *next_steps;
  char *asks; /* asks of the board: what the owner asks the board to decide or do */
} BpUpdate;

typedef struct
{
  gint64 id;
  char *ref;
  char *title;
  char *cause;
  char *consequence;
  gint64 owner_id;
  int inherent_l, inherent_i;
  int current_l, current_i;
  int target_l, target_i;
  char *response; /* treat, tolerate, transfer, terminate */
  char *resources;
  char *review_date;
  char *status;
  int position;

  char *owner_name; /* filled by queries */
} BpRisk;

typedef struct
{
  gint64 id;
  gint64 risk_id;
  char *description;
  gint64 owner_id;
  char *due_date;
  char *status; /* planned, in progress, done */
  int position;

  char *owner_name; /* filled by queries */
} BpMitigation;

typedef struct
{
  gint64 id;
  char *ref;
  char *title;
  char *unit; /* "%", "count", "days", "weeks", "£" */
  BpPolarity polarity;
  double target;    /* NAN: none */
  double tolerance; /* in the measure's unit; NAN: none */
  char *frequency;
  double baseline; /* NAN: none */
  char *comparator;
  int position;
} BpMeasure;

typedef struct
{
  gint64 id;
  gint64 measure_id;
  char *period; /* "Sep-24" */
  char *period_end;
  double value; /* NAN: no value (suppressed, not collected) */
  char *note;
} BpMeasureValue;

typedef struct
{
  gint64 id;
  char *date;
  char *time;
  char *venue;
  char *agenda_item;
  char *title;
  char *author;
  char *contact;
  char *service;
  char *presenter;
  char *classification;
  char *wards;
  char *purpose;
  char *summary;
  char *recommendations;
  char *reasons;
  char *financial_implications;
  char *legal_implications;
  char *equalities_implications;
  char *background_papers; /* appendices and background papers, one a line */
} BpMeeting;

typedef struct
{
  gint64 id;
  gint64 meeting_id;
  char *taken_at;
  int frozen;         /* 2: everything frozen when taken; 1: reconstructed from a version 1 file */
  char *meeting_date; /* filled by queries */
} BpSnapshot;

typedef struct
{
  gint64 id;
  int min_score;
  int max_score;
  char *name;
  char *colour; /* "#rrggbb" */
} BpRiskBand;

void bp_programme_free (BpProgramme *p);
void bp_organisation_free (BpOrganisation *o);
void bp_person_free (BpPerson *p);
void bp_priority_free (BpPriority *p);
void bp_action_free (BpAction *a);
void bp_milestone_free (BpMilestone *m);
void bp_update_free (BpUpdate *u);
void bp_risk_free (BpRisk *r);
void bp_mitigation_free (BpMitigation *m);
void bp_measure_free (BpMeasure *m);
void bp_measure_value_free (BpMeasureValue *v);
void bp_meeting_free (BpMeeting *m);
void bp_snapshot_free (BpSnapshot *s);
void bp_risk_band_free (BpRiskBand *b);

/* Fresh structs with every optional number NAN and every id 0. */
BpAction *bp_action_new (void);
BpRisk *bp_risk_new (void);
BpMeasure *bp_measure_new (void);
BpMeasureValue *bp_measure_value_new (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpProgramme, bp_programme_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpOrganisation, bp_organisation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpPerson, bp_person_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpPriority, bp_priority_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpAction, bp_action_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpMilestone, bp_milestone_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpUpdate, bp_update_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpRisk, bp_risk_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpMitigation, bp_mitigation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpMeasure, bp_measure_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpMeasureValue, bp_measure_value_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpMeeting, bp_meeting_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpSnapshot, bp_snapshot_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpRiskBand, bp_risk_band_free)

G_END_DECLS
