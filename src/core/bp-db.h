/* bp-db.h: a .boardpack file, opened. */
#pragma once

#include <glib-object.h>

#include "bp-error.h"
#include "bp-types.h"

G_BEGIN_DECLS

/* "BPAK": PRAGMA application_id of every .boardpack file. */
#define BP_APPLICATION_ID 0x4250414B
#define BP_SCHEMA_VERSION 3

#define BP_TYPE_DB (bp_db_get_type ())
G_DECLARE_FINAL_TYPE (BpDb, bp_db, BP, DB, GObject)

typedef enum
{
  BP_OPEN_DEFAULT = 0,
  BP_OPEN_READ_ONLY = 1 << 0, /* never write, even when the file is writable */
} BpOpenFlags;

/* Creates a new programme file; fails if @path exists. */
BpDb *bp_db_create (const char *path, const char *title, GError **error);
/* Opens an existing file. Read-only when asked, or when the file or its
 * folder is not writable (bp_db_is_read_only() then says so). A file of an
 * older schema is backed up beside itself and migrated. */
BpDb *bp_db_open (const char *path, BpOpenFlags flags, GError **error);

const char *bp_db_get_path (BpDb *self);
gboolean bp_db_is_read_only (BpDb *self);
/* Why the file is read-only, for the user; NULL when it is writable. */
const char *bp_db_get_read_only_reason (BpDb *self);
/* The backup written by a migration at open, or NULL. */
const char *bp_db_get_backup_path (BpDb *self);

/* Copies every committed write from the WAL file into the main file and
 * empties the WAL, so that the .boardpack file alone holds the programme.
 * Waits up to @wait_ms for other programs' reads and writes (0: does what
 * it can at once; the window calls it so when idle). Returns TRUE when the
 * main file holds every committed write (always, for a file Boardpack
 * cannot write or one kept with a rollback journal). */
gboolean bp_db_checkpoint (BpDb *self, int wait_ms, GError **error);
/* PRAGMA data_version: changes when another connection commits a write
 * (-1 on error or once closed). */
gint64 bp_db_get_data_version (BpDb *self);
/* Closes the file now, even while other objects hold references; later
 * calls fail with an error. Finalizing a BpDb closes it too. */
void bp_db_close (BpDb *self);

/* The kind of shared or synchronised folder the file is in ("NFS",
 * "SMB", "FUSE", "Dropbox", "OneDrive" ...), or NULL for a local folder.
 * There the file keeps a rollback journal and one program at a time has
 * it open: it is shared by copy, not by several writers. */
const char *bp_db_get_shared_folder (BpDb *self);
/* The same question for a path not opened (owned by caller); and the name
 * of a statfs(2) file-system magic number when it is a network one.
 * BOARDPACK_SHARED_FOLDER=NAME in the environment makes every folder one
 * (for a folder a sync client keeps under another name); it is asked
 * first, then the folder's file system, then its name (only inside the
 * home folder). */
char *bp_db_shared_folder_kind (const char *path);
const char *bp_db_network_fs_name (unsigned long magic);

/* Who is recorded in the audit log for the writes that follow. */
void bp_db_set_actor (BpDb *self, const char *name);

/* Groups writes into one transaction; they nest. A failure inside any
 * step means the caller must call bp_db_rollback(). */
gboolean bp_db_begin (BpDb *self, GError **error);
gboolean bp_db_commit (BpDb *self, GError **error);
void bp_db_rollback (BpDb *self);

/* PRAGMA integrity_check: "ok" or the problems found (owned by caller). */
char *bp_db_integrity_check (BpDb *self, GError **error);

/* Create, update, delete and read each entity. Inserts set ->id. Each
 * write is one transaction and emits BpDb::changed with the table name. */
#define BP_DECLARE_CRUD(name, T)                                             \
  gboolean bp_db_insert_##name (BpDb *self, T *row, GError **error);         \
  gboolean bp_db_update_##name (BpDb *self, const T *row, GError **error);   \
  gboolean bp_db_delete_##name (BpDb *self, gint64 id, GError **error);      \
  T *bp_db_get_##name (BpDb *self, gint64 id, GError **error);

BP_DECLARE_CRUD (organisation, BpOrganisation)
BP_DECLARE_CRUD (person, BpPerson)
BP_DECLARE_CRUD (priority, BpPriority)
BP_DECLARE_CRUD (action, BpAction)
BP_DECLARE_CRUD (milestone, BpMilestone)
BP_DECLARE_CRUD (risk, BpRisk)
BP_DECLARE_CRUD (mitigation, BpMitigation)
BP_DECLARE_CRUD (measure, BpMeasure)
BP_DECLARE_CRUD (measure_value, BpMeasureValue)
BP_DECLARE_CRUD (meeting, BpMeeting)
BP_DECLARE_CRUD (risk_band, BpRiskBand)

/* The programme is the file's one row. */
BpProgramme *bp_db_get_programme (BpDb *self, GError **error);
gboolean bp_db_update_programme (BpDb *self, const BpProgramme *programme, GError **error);

/* Progress updates are append-only: adding one also sets the action's
 * current RAG when it is the action's latest update; they cannot be
 * edited or deleted (only removed with their action). */
gboolean bp_db_add_update (BpDb *self, BpUpdate *update, GError **error);

/* Links between risks and the actions that mitigate them, and between
 * actions and the measures that show their impact. */
gboolean bp_db_link_risk_action (BpDb *self, gint64 risk_id, gint64 action_id, GError **error);
gboolean bp_db_link_action_measure (BpDb *self, gint64 action_id, gint64 measure_id, GError **error);
gboolean bp_db_unlink_risk_action (BpDb *self, gint64 risk_id, gint64 action_id, GError **error);

/* Lookups by the names users give things; NULL with BP_ERROR_NOT_FOUND. */
BpAction *bp_db_find_action (BpDb *self, const char *ref, GError **error);
BpMeeting *bp_db_find_meeting (BpDb *self, const char *date, GError **error);
BpPerson *bp_db_find_person (BpDb *self, const char *name, GError **error);
BpOrganisation *bp_db_find_organisation (BpDb *self, const char *name, GError **error);
BpPriority *bp_db_find_priority (BpDb *self, const char *code, GError **error);

/* Freezes every action's RAG, due date and latest update and every risk's
 * score for @meeting_id, replacing an earlier snapshot of that meeting.
 * Sets *@out_replaced when there was one. */
gint64 bp_db_take_snapshot (BpDb *self, gint64 meeting_id, gboolean *out_replaced,
                            GError **error);

/* Undo and redo of whole write transactions (each user edit is one),
 * recorded with SQLite's session extension while enabled. An undo is a
 * write of its own: it is in the audit log like any other. */
void bp_db_set_undo_enabled (BpDb *self, gboolean enabled);
gboolean bp_db_can_undo (BpDb *self);
gboolean bp_db_can_redo (BpDb *self);
gboolean bp_db_undo (BpDb *self, GError **error);
gboolean bp_db_redo (BpDb *self, GError **error);

G_END_DECLS
