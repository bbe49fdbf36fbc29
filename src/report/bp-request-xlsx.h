/* bp-request-xlsx.h: an update request as the workbook an owner fills in
 * Excel or LibreOffice. */
#pragma once

#include "bp-request.h"

G_BEGIN_DECLS

typedef struct
{
  const char *programme; /* the programme's title */
  const char *board;     /* the board's name (may be NULL) */
  const char *meeting_date; /* may be NULL */
  const char *due_date;
  const char *contact;   /* who to send it back to (may be NULL) */
  BpLanguage language;   /* of the headings and instructions */
} BpRequestContext;

/* Writes @request to @path: an instructions sheet, the owner's sheet
 * (one row an action; the columns they fill unlocked, the rest locked
 * by sheet protection without a password; New RAG a list of the status
 * words; Revised due date a date), and the hidden sheet that carries the
 * request's token. Fails with BP_ERROR_IO naming @path. */
gboolean bp_request_write_xlsx (const BpRequest *request, const BpRequestContext *context,
                                const char *path, GError **error);

G_END_DECLS
