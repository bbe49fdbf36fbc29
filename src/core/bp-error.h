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

/* The sysexits code for an error: 65 bad data, 66 cannot open input,
 * 73 cannot create output, 74 I/O, 75 try again later. */
int bp_error_exit_code (const GError *error);

G_END_DECLS
