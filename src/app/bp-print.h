/* bp-print.h: the board pack on paper, through GtkPrintOperation, laid
 * out by the same composer and layout engine as the PDF. */
#pragma once

#include <gtk/gtk.h>

#include "bp-db.h"
#include "bp-pack.h"

G_BEGIN_DECLS

/* A print operation for the board pack of the meeting on @meeting_date
 * (NULL: the latest), read from @db and laid out now, so that the print
 * dialog knows the page count: A4 by default, each landscape page of the
 * pack on a landscape page, the job named after the pack. NULL, with the
 * core's message, when the pack cannot be made (no such meeting, a read
 * error). */
GtkPrintOperation *bp_print_operation_new (BpDb *db, const char *meeting_date, GError **error);
/* The same for the pack @options choose: the meeting and the language. */
GtkPrintOperation *bp_print_operation_new_for_pack (BpDb *db, const BpPackOptions *options,
                                                    GError **error);

/* Prints the pack, with @action (the print dialog, or its preview),
 * without blocking: problems are shown in a dialog on @parent and a
 * printed pack is announced with a toast. */
void bp_print_pack (GtkWindow *parent, BpDb *db, const char *meeting_date,
                    GtkPrintOperationAction action);
/* bp_print_pack () for the pack @options choose (meeting and language). */
void bp_print_pack_with_options (GtkWindow *parent, BpDb *db, const BpPackOptions *options,
                                 GtkPrintOperationAction action);

/* Prints the pack to a PDF at @path with GTK_PRINT_OPERATION_ACTION_EXPORT:
 * no dialog, and done when it returns. Returns the number of pages
 * printed, or 0 with @error set. */
int bp_print_export_pdf (BpDb *db, const char *meeting_date, const char *path, GError **error);

G_END_DECLS
