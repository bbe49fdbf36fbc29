/* bp-import-dialog.h: importing a spreadsheet (CSV) into the open file,
 * with a preview of the first rows, the detected mapping (which the user
 * can change) and every error by line before anything is written. */
#pragma once

#include <adwaita.h>

#include "bp-db.h"
#include "bp-import.h"

G_BEGIN_DECLS

#define BP_TYPE_IMPORT_DIALOG (bp_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (BpImportDialog, bp_import_dialog, BP, IMPORT_DIALOG, AdwWindow)

/* A modal dialog, transient for @parent, previewing @path as @kind. */
BpImportDialog *bp_import_dialog_new (GtkWindow *parent, BpDb *db, const char *path,
                                      BpImportKind kind);

BpImport *bp_import_dialog_get_import (BpImportDialog *self);
/* The preview shown now (NULL when the source could not be read). */
BpImportPreview *bp_import_dialog_get_preview (BpImportDialog *self);
/* Errors the preview found (missing required columns included). */
int bp_import_dialog_get_n_errors (BpImportDialog *self);
/* Maps column @index (0-based) to @field ("ignore" or a field name), as
 * its dropdown does, and previews again. */
gboolean bp_import_dialog_set_column_field (BpImportDialog *self, int index, const char *field);

/* What the Import button does: imports for real, in one transaction;
 * on success closes the dialog and shows a toast in the parent window.
 * Returns the number of rows imported, or -1 with @error set. */
int bp_import_dialog_import (BpImportDialog *self, GError **error);

G_END_DECLS
