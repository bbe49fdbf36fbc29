/* bp-export-dialog.h: exporting the plan, the risk register or the
 * scorecard from the window as CSV, XLSX or a web page. */
#pragma once

#include <adwaita.h>

#include "bp-db.h"
#include "bp-export.h"

G_BEGIN_DECLS

/* A dialog choosing what and in which format; its "export" response asks
 * where to save (GtkFileChooserNative) and writes the file. */
GtkWidget *bp_export_dialog_new (GtkWindow *parent, BpDb *db);
/* What the dialog has chosen. */
void bp_export_dialog_get_choice (GtkWidget *dialog, BpExportWhat *out_what,
                                  BpExportFormat *out_format);
void bp_export_dialog_set_choice (GtkWidget *dialog, BpExportWhat what, BpExportFormat format);
/* "Actions.xlsx" and the like. */
char *bp_export_dialog_default_name (BpExportWhat what, BpExportFormat format);
/* Writes the dialog's choice to @path, and toasts "Exported to NAME" in
 * the parent window. */
gboolean bp_export_dialog_export_to (GtkWidget *dialog, const char *path, GError **error);
/* The same without a dialog. */
gboolean bp_export_to_path (BpDb *db, BpExportWhat what, BpExportFormat format, const char *path,
                            GError **error);

G_END_DECLS
