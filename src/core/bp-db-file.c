/* bp-db-file.c: the .boardpack file as a document on disk, beside the
 * SQLite connection: which folders are shared or synchronised, which files
 * this process has open, and a -wal file left behind (see HACKING.md,
 * "The file is a document"). */
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>
#include <unistd.h>

#include <gio/gio.h>
#include <sqlite3.h>

#include "bp-db-file-private.h"
#include "bp-db.h"

/* ---------------------------------------------------- shared folders */

/* statfs(2) magic numbers of the file systems a WAL file cannot live on:
 * network file systems, and FUSE, which is what sync clients and desktop
 * network mounts (gvfs, sshfs, rclone, onedriver) use on Linux. */
static const struct
{
  unsigned long magic;
  const char *name;
} network_fs[] = {
  { 0x6969, "NFS" },         /* NFS_SUPER_MAGIC */
  { 0x517B, "SMB" },         /* SMB_SUPER_MAGIC */
  { 0xFF534D42, "CIFS" },    /* CIFS_SUPER_MAGIC */
  { 0xFE534D42, "SMB2" },    /* SMB2_SUPER_MAGIC */
  { 0x65735546, "FUSE" },    /* FUSE_SUPER_MAGIC */
  { 0x01021997, "9P" },      /* V9FS_MAGIC */
  { 0x5346414F, "AFS" },     /* AFS_SUPER_MAGIC */
  { 0x6B414653, "AFS" },     /* AFS_FS_MAGIC (kAFS) */
  { 0x73757245, "Coda" },    /* CODA_SUPER_MAGIC */
  { 0x00C36400, "Ceph" },    /* CEPH_SUPER_MAGIC */
  { 0x564C, "NCP" },         /* NCP_SUPER_MAGIC */
  { 0x7461636F, "OCFS2" },   /* OCFS2_SUPER_MAGIC */
  { 0x47504653, "GPFS" },
  { 0x0BD00BD0, "Lustre" },
  { 0x786F4256, "vboxsf" },  /* VirtualBox shared folders */
};

/* FUSE file systems that keep their files on this machine: an NTFS or
 * exFAT drive, an encrypted home folder, a bind mount. */
static const char *const local_fuse[] = {
  "fuseblk", "fuse.ntfs-3g", "fuse.exfat", "fuse.gocryptfs", "fuse.encfs", "fuse.cryfs",
  "fuse.securefs", "fuse.bindfs", "fuse.lxcfs", "fuse.squashfuse", "fuse.fuse-overlayfs",
  NULL,
};

/* Folders that desktop sync clients keep in step with a cloud copy, by
 * the names the clients give them, matched exactly and only inside the
 * home folder (a disk labelled "MEGA" is not a sync client's). */
static const char *const sync_folders[] = {
  "Dropbox", "OneDrive", "Nextcloud", "ownCloud", "Google Drive", "GoogleDrive",
  "pCloudDrive", "MEGA", "MEGAsync", "Box", "Box Sync", "SharePoint", "iCloud Drive",
  "Seafile", "SynologyDrive", "Insync", NULL,
};

const char *
bp_db_network_fs_name (unsigned long magic)
{
  for (gsize i = 0; i < G_N_ELEMENTS (network_fs); i++)
    if (network_fs[i].magic == (magic & 0xFFFFFFFFul))
      return network_fs[i].name;
  return NULL;
}

/* The type of the mount under @dir, from /proc/self/mountinfo (fields:
 * id, parent, device, root, mount point, options, ..., "-", type ...):
 * the mount whose point is the longest prefix of @dir. */
static char *
mount_type (const char *dir)
{
  g_autofree char *info = NULL;
  g_auto (GStrv) lines = NULL;
  char *best = NULL;
  gsize best_len = 0;

  if (!g_file_get_contents ("/proc/self/mountinfo", &info, NULL, NULL))
    return NULL;
  lines = g_strsplit (info, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], " ", -1);
      g_autofree char *point = NULL;
      gsize len;
      guint dash;

      if (g_strv_length (f) < 7)
        continue;
      for (dash = 6; f[dash] && !g_str_equal (f[dash], "-"); dash++)
        ;
      if (f[dash] == NULL || f[dash + 1] == NULL)
        continue;
      point = g_strcompress (f[4]); /* "\040" for a space */
      len = strlen (point);
      if ((g_str_equal (point, "/")
           || (g_str_has_prefix (dir, point) && (dir[len] == '\0' || dir[len] == '/')))
          && len >= best_len)
        {
          g_free (best);
          best = g_strdup (f[dash + 1]);
          best_len = len;
        }
    }
  return best;
}

static gboolean
is_sync_folder_name (const char *part, const char *name)
{
  gsize n = strlen (name);

  /* "OneDrive - Wessex Bay Council", "Dropbox (Wessex Bay Council)": how
   * business and team accounts name theirs. */
  return g_str_equal (part, name)
         || (g_str_has_prefix (part, name)
             && (g_str_has_prefix (part + n, " - ") || g_str_has_prefix (part + n, " (")));
}

char *
bp_db_shared_folder_kind (const char *path)
{
  const char *forced = g_getenv ("BOARDPACK_SHARED_FOLDER");
  g_autofree char *abs = NULL;
  g_autofree char *abs_dir = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *home = NULL;
  struct statfs st;

  g_return_val_if_fail (path != NULL, NULL);
  abs = g_canonicalize_filename (path, NULL);
  abs_dir = g_path_get_dirname (abs);
  dir = realpath (abs_dir, NULL);
  home = realpath (g_get_home_dir (), NULL);
  if (forced && *forced)
    return g_strdup (forced);
  if (dir == NULL)
    dir = g_steal_pointer (&abs_dir);
  if (statfs (dir, &st) == 0)
    {
      const char *name = bp_db_network_fs_name ((unsigned long) st.f_type);

      if (name && g_str_equal (name, "FUSE"))
        {
          g_autofree char *type = mount_type (dir);

          if (type && g_strv_contains (local_fuse, type))
            name = NULL;
          else if (type && g_str_has_prefix (type, "fuse."))
            return g_strdup (type + 5); /* "sshfs", "rclone" ... */
        }
      if (name)
        return g_strdup (name);
    }
  if (home && g_str_has_prefix (dir, home) && dir[strlen (home)] == '/')
    {
      g_auto (GStrv) parts = g_strsplit (dir + strlen (home) + 1, G_DIR_SEPARATOR_S, -1);

      for (guint i = 0; parts[i]; i++)
        for (guint j = 0; sync_folders[j]; j++)
          if (is_sync_folder_name (parts[i], sync_folders[j]))
            return g_strdup (sync_folders[j]);
    }
  return NULL;
}

/* ------------------------------------------------- files open here */

/* The files this process has open, by device and inode. Opening and
 * closing any descriptor of a file drops every POSIX lock the process
 * holds on it, SQLite's included: while a BpDb here has the file open,
 * nothing else here may read its bytes directly. */
static GMutex open_files_lock;
static GHashTable *open_files; /* "dev:ino" -> count */

static char *
file_key (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%llu:%llu", (unsigned long long) st.st_dev,
                          (unsigned long long) st.st_ino);
}

gboolean
bp_db_file_is_open_here (const char *path)
{
  g_autofree char *key = file_key (path);
  gboolean open;

  if (key == NULL)
    return FALSE;
  g_mutex_lock (&open_files_lock);
  open = open_files && g_hash_table_contains (open_files, key);
  g_mutex_unlock (&open_files_lock);
  return open;
}

char *
bp_db_file_register (const char *path)
{
  char *key = file_key (path);

  if (key == NULL)
    return NULL;
  g_mutex_lock (&open_files_lock);
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_replace (open_files, g_strdup (key),
                        GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (open_files, key))
                                          + 1));
  g_mutex_unlock (&open_files_lock);
  return key;
}

void
bp_db_file_unregister (const char *key)
{
  guint n;

  if (key == NULL)
    return;
  g_mutex_lock (&open_files_lock);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (open_files, key));
  if (n > 1)
    g_hash_table_replace (open_files, g_strdup (key), GUINT_TO_POINTER (n - 1));
  else
    g_hash_table_remove (open_files, key);
  g_mutex_unlock (&open_files_lock);
}

/* ------------------------------------------------------------ side files */

/* Whether another process has the file open in WAL mode: each connection
 * holds a read lock on the -shm file's "DMS" byte (offset 128 in SQLite's
 * unix VFS) for as long as it is open. Only called while no BpDb of this
 * process has the file open (see open_files). */
static gboolean
wal_in_use (const char *path)
{
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 128, .l_len = 1 };
  int fd = g_open (shm, O_RDONLY, 0);
  gboolean in_use;

  if (fd < 0)
    return FALSE;
  in_use = fcntl (fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
  close (fd);
  return in_use;
}

/* The newest rows of the audit log, which only ever grows: a WAL written
 * by this file's own writers leaves them as they are, one from another
 * copy of the file replaces them. "" when the file has no log to read. */
static char *
audit_tail (const char *path, gint64 up_to)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db,
                             "SELECT id, at, who, op, entity, entity_id, field, quote (old_value),"
                             " quote (new_value) FROM audit WHERE id <= ?1"
                             " ORDER BY id DESC LIMIT 32",
                             -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, up_to);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < 9; c++)
          g_string_append_printf (out, "%s\x1f", (const char *) sqlite3_column_text (stmt, c));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static gboolean
copy_path (const char *from, const char *to)
{
  g_autoptr (GFile) a = g_file_new_for_path (from);
  g_autoptr (GFile) b = g_file_new_for_path (to);

  return g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
}

/* Tries a left WAL on a copy: TRUE when it fits the file, or when it could
 * not be tried (SQLite's own checks then stand). */
static gboolean
wal_fits (const char *path, const char *wal)
{
  g_autoptr (GError) local_error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("boardpack-wal-XXXXXX", &local_error);
  g_autofree char *copy = NULL;
  g_autofree char *copy_wal = NULL;
  g_autofree char *copy_shm = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean fits = TRUE;

  if (dir == NULL)
    return TRUE;
  copy = g_build_filename (dir, "copy.boardpack", NULL);
  copy_wal = g_strconcat (copy, "-wal", NULL);
  copy_shm = g_strconcat (copy, "-shm", NULL);
  if (copy_path (path, copy))
    {
      /* The log as the main file alone has it, then with the WAL. */
      before = audit_tail (copy, G_MAXINT64);
      if (copy_path (wal, copy_wal))
        {
          if (sqlite3_open_v2 (copy, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK
              && sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK
              && sqlite3_step (stmt) == SQLITE_ROW)
            fits = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
          else if (db && sqlite3_errcode (db) != SQLITE_OK)
            fits = FALSE;
          sqlite3_finalize (stmt);
          sqlite3_close (db);
          if (fits && *before)
            {
              gint64 newest = g_ascii_strtoll (before, NULL, 10);

              after = audit_tail (copy, newest);
              fits = g_str_equal (before, after);
            }
        }
    }
  g_unlink (copy_wal);
  g_unlink (copy_shm);
  g_unlink (copy);
  g_rmdir (dir);
  return fits;
}

/* A -wal file that no program has open holds the last writes of a
 * program that stopped without closing the file: SQLite applies it at the
 * next open (*left is then TRUE). If it came from another copy of the file
 * (a sync client, a copy made by hand), applying it would damage this
 * one or silently replace its newest writes: it is tried on a copy first,
 * and refused when the result fails quick_check or has lost the newest
 * rows of the main file's audit log. */
gboolean
bp_db_check_left_wal (const char *path, gboolean *left, GError **error)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st, again;

  *left = FALSE;
  if (g_stat (wal, &st) != 0 || st.st_size == 0 || wal_in_use (path))
    return TRUE;
  *left = TRUE;
  if (wal_fits (path, wal))
    return TRUE;
  /* Another program may have opened the file and applied or rewritten the
   * WAL while it was being tried: then it is that program's. */
  if (wal_in_use (path) || g_stat (wal, &again) != 0 || again.st_size != st.st_size
      || again.st_mtime != st.st_mtime)
    return TRUE;
  g_set_error (error, BP_ERROR, BP_ERROR_CORRUPT,
               _("%s: the side file %s does not fit this file (it belongs to another copy of "
                 "the file, or is damaged); nothing was changed. When no program has the file "
                 "open, move %s away to open the file as it was last saved whole"),
               path, wal, wal);
  return FALSE;
}
