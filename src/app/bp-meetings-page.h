/* bp-meetings-page.h: the Meetings view: the board's meetings, newest
 * first, and for the one chosen its report front sheet, its snapshot and
 * its board pack (exported as a PDF or printed). */
#pragma once

#include "bp-page.h"

G_BEGIN_DECLS

#define BP_TYPE_MEETINGS_PAGE (bp_meetings_page_get_type ())
G_DECLARE_FINAL_TYPE (BpMeetingsPage, bp_meetings_page, BP, MEETINGS_PAGE, BpPage)

/* The meetings listed. */
guint bp_meetings_page_get_n_meetings (BpMeetingsPage *self);
/* The date of the meeting shown, or NULL. */
const char *bp_meetings_page_get_selected_date (BpMeetingsPage *self);
/* Shows the meeting on @date, as choosing it in the list does (which
 * asks first about unsaved changes to the one shown). Returns whether it
 * is now shown. */
gboolean bp_meetings_page_select_meeting (BpMeetingsPage *self, const char *date);

/* Whether the front sheet shown has changes not saved yet (for a window
 * about to close or to open another file). */
gboolean bp_meetings_page_has_unsaved_changes (BpMeetingsPage *self);

/* Checks the front sheet's fields and saves them in one write, as the
 * Save button does; FALSE, with the problems beside the fields or in a
 * dialog, when nothing was written. */
gboolean bp_meetings_page_save (BpMeetingsPage *self);

/* Writes the board pack of the meeting shown to @path, as *Export Board
 * Pack…* does once the file is chosen (unsaved front-sheet changes are
 * saved first); "Board pack saved" when it is written. */
gboolean bp_meetings_page_export_pack (BpMeetingsPage *self, const char *path, GError **error);

G_END_DECLS
