/* bp-error.h: errors a user can cause, and what the command line exits with. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BP_ERROR (bp_error_quark ())

typedef enum
{
  BP_ERROR_NOT_FOUND,      /* no such file, action, meeting ... */
  BP_ERROR_INVALID,        /* a value that breaks a rule */
  BP_ERROR_NOT_SQLITE,     /* the file is not a database at all */
  BP_ERROR_NOT_BOARDPACK,  /* a database of another application */
  BP_ERROR_CORRUPT,        /* damaged or truncated */
  BP_ERROR_NEWER_SCHEMA,   /* written by a newer Boardpack */
  BP_ERROR_READ_ONLY,      /* a write to a file opened read-only */
  BP_ERROR_EXISTS,         /* would overwrite a file */
  BP_ERROR_IO,             /* the disk or SQLite failed */
  BP_ERROR_NEEDS_UPGRADE,  /* an older file opened read-only */
  BP_ERROR_BUSY,           /* another program held the file past the wait */
} BpError;

GQuark bp_error_quark (void);

/* The column of the record a BP_ERROR error names as at fault ("due_date",
 * "ref"), or NULL when it names none. A window shows the error beside
 * that field without reading the message, which may be in any language. */
const char *bp_error_get_column (const GError *error);
/* The part of the message about the field alone: without the record's
 * name that the whole message starts with ("the due date “x” is not a
 * date" for "action 3.2: the due date “x” is not a date"). The whole
 * message when it has no such part. */
const char *bp_error_get_detail (const GError *error);
/* Records on @error, a BP_ERROR error, that it is about @column (any
 * string; it is interned) and, when its message starts with @record
 * and ": ", that the detail follows them. @record may be NULL. */
void bp_error_set_column (GError *error, const char *column, const char *record);

/* The sysexits code for an error: 65 bad data, 66 cannot open input,
 * 73 cannot create output, 74 I/O, 75 try again later. */
int bp_error_exit_code (const GError *error);

G_END_DECLS
