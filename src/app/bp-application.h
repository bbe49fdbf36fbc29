/* bp-application.h: the Boardpack application: one window per file. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BP_APP_ID "org.boardpack.Boardpack"

#define BP_TYPE_APPLICATION (bp_application_get_type ())
G_DECLARE_FINAL_TYPE (BpApplication, bp_application, BP, APPLICATION, AdwApplication)

BpApplication *bp_application_new (void);

/* The settings, or NULL when the schema is not installed (a build run
 * from its folder without GSETTINGS_SCHEMA_DIR). */
GSettings *bp_application_get_settings (BpApplication *self);

/* Recent files, newest first, only those that still exist. */
GStrv bp_application_dup_recent_files (BpApplication *self);
void bp_application_add_recent_file (BpApplication *self, const char *path);

/* Presents the window showing @path, opening one if there is none. */
void bp_application_open_path (BpApplication *self, const char *path);

/* When the process started (g_get_monotonic_time), for the first-frame
 * benchmark: with BOARDPACK_BENCH_FIRST_FRAME set, the first window to
 * draw a programme prints the time since then and quits. */
void bp_application_set_start_time (BpApplication *self, gint64 start);
gint64 bp_application_get_start_time (BpApplication *self);

/* Where "Open the sample programme" keeps its copy. */
char *bp_application_sample_path (void);

G_END_DECLS
