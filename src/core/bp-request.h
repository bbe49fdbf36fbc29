/* bp-request.h: update requests to action owners and the returns that
 * answer them.
 *
 * Before a board, each owner (or each organisation, for its owners) is
 * sent a workbook listing their open actions, with columns to fill: the
 * new RAG, progress this period, next steps, a revised due date and its
 * reason, asks of the board. The request is recorded in the file with a
 * token that the workbook carries in a hidden sheet, so that the filled
 * workbook, when it comes back, is recognised and merged as updates by
 * their owners (bp_returns_import ()). The workbooks themselves are
 * written by bp_request_write_xlsx () (src/report). */
#pragma once

#include "bp-db.h"
#include "bp-translate.h"

G_BEGIN_DECLS

/* The columns of the sheet an owner fills, in their order. The first
 * eleven are fixed (what owners and their managers know the sheet by);
 * the ones after them say whose and where each action is. */
typedef enum
{
  BP_REQUEST_COL_REF,
  BP_REQUEST_COL_ACTION,
  BP_REQUEST_COL_DUE,
  BP_REQUEST_COL_LATEST_RAG,
  BP_REQUEST_COL_LATEST_UPDATE,
  BP_REQUEST_COL_NEW_RAG,
  BP_REQUEST_COL_PROGRESS,
  BP_REQUEST_COL_NEXT_STEPS,
  BP_REQUEST_COL_REVISED_DUE,
  BP_REQUEST_COL_REASON,
  BP_REQUEST_COL_ASKS,
  BP_REQUEST_COL_OWNER,
  BP_REQUEST_COL_PRIORITY,
  BP_REQUEST_N_COLUMNS,
} BpRequestColumn;

/* The column's heading as an untranslated message (bp_tr () it). */
const char *bp_request_column_heading (BpRequestColumn column);
/* Whether owners fill the column (the others are locked). */
gboolean bp_request_column_is_input (BpRequestColumn column);

/* The hidden sheet that names the request, and the label of its first
 * row, whose second cell is the token. */
#define BP_REQUEST_SHEET "Boardpack"
#define BP_REQUEST_MARK "Boardpack update request"

/* One workbook's worth: who it goes to and what it asks about. */
typedef struct
{
  char *recipient;    /* the owner's name, or the organisation's */
  char *organisation; /* the owner's organisation (NULL: none or by organisation) */
  char *email;        /* the owner's (NULL: unknown, or by organisation) */
  gint64 person_id;   /* 0 when by organisation */
  gint64 organisation_id;
  GPtrArray *actions; /* BpAction*, in plan order, with owner and latest update */
  char *token;        /* set by bp_requests_plan () */
  char *sheet_name;   /* the owner's sheet: the recipient, as a sheet may be named */
  char *file_name;    /* "Updates for 2026-12-10 - Jane Smith.xlsx" (no folder) */
} BpRequest;

void bp_request_free (BpRequest *request);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpRequest, bp_request_free)

typedef struct
{
  const char *meeting_date; /* the meeting the updates are for; NULL: none */
  const char *due_date;     /* when they are wanted back; NULL: see bp_requests_default_due () */
  gboolean by_organisation; /* one workbook per lead organisation */
  const char *const *recipients; /* owners (or organisations) to ask, any case; NULL: all */
} BpRequestOptions;

/* The due date when none is given: a fortnight before the meeting, or a
 * fortnight from @today without one. Newly allocated. */
char *bp_requests_default_due (const char *meeting_date, const char *today);

/* The requests to make: every owner (or organisation) with an open
 * action (not Blue), their actions in plan order. Open actions nobody
 * owns (or, by organisation, with no organisation) are put in
 * *@out_unowned (BpAction*; may be NULL). An unknown name in
 * @options->recipients, or a meeting that is not in the file, fails
 * with BP_ERROR_NOT_FOUND and what there is. */
GPtrArray *bp_requests_plan (BpDb *db, const BpRequestOptions *options, GPtrArray **out_unowned,
                             GError **error);

/* Records @requests (BpRequest*) in one transaction, each with the
 * actions' latest update as of now. */
gboolean bp_requests_record (BpDb *db, const BpRequestOptions *options, GPtrArray *requests,
                             GError **error);

/* The returns of one cycle: who was asked and who has answered. */
typedef struct
{
  char *recipient;
  char *email;
  char *made_at;
  char *due_date;
  int n_actions;
  int n_returned; /* actions whose row came back filled */
  gboolean returned; /* a return has been merged, if only of blank rows */
} BpRequestStatus;

void bp_request_status_free (BpRequestStatus *status);

/* The requests made for the meeting on @meeting_date (NULL: those made
 * for no meeting), latest request per recipient, in recipient order. */
GPtrArray *bp_requests_status (BpDb *db, const char *meeting_date, GError **error);

/* What merging returns did, or would do (a dry run). */
typedef struct
{
  gboolean dry_run;
  gboolean written;
  int files;
  int rows;          /* action rows read */
  int blank;         /* rows left blank: no return for that action */
  int applied;       /* rows merged */
  int already_there; /* rows merged before: the same return again */
  int conflicts;     /* rows not merged: the action moved on since the request */
  int updates_added;
  int dates_revised;
  GPtrArray *errors;        /* char*: "RETURN.xlsx:SHEET:ROW: message" */
  GPtrArray *conflict_list; /* char*: the same, for each conflict */
} BpReturnsReport;

void bp_returns_report_free (BpReturnsReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpReturnsReport, bp_returns_report_free)
char *bp_returns_report_to_text (const BpReturnsReport *report);

typedef struct
{
  const char *date;      /* the updates' date; NULL: today */
  gboolean accept_newer; /* merge rows whose action has had a newer update */
  gboolean dry_run;
} BpReturnsOptions;

/* Merges the returned workbooks @paths (NULL-terminated) in one
 * transaction: every filled row becomes a progress update by its
 * action's owner, and a revised due date with its reason goes on the
 * action. With any bad cell in any of them nothing is written, and
 * every problem is in the report: FALSE with BP_ERROR_INVALID. A row
 * whose action has had an update since the request (not from this
 * request) is a conflict: left out, unless @options->accept_newer.
 * @out_report is always set. */
gboolean bp_returns_import (BpDb *db, const char *const *paths, const BpReturnsOptions *options,
                            BpReturnsReport **out_report, GError **error);

G_END_DECLS
