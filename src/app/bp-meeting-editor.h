/* bp-meeting-editor.h: a board meeting's report front sheet, as fields:
 * date, time, venue, agenda item, report title, author, contact, service,
 * presenter, classification, wards, purpose, summary, recommendations,
 * reasons, the financial, legal and equalities implications, and the
 * appendices and background papers. It writes nothing itself: the Meetings view saves what
 * bp_meeting_editor_dup_meeting() reads once bp_meeting_editor_validate()
 * has passed. */
#pragma once

#include <adwaita.h>

#include "bp-types.h"

G_BEGIN_DECLS

#define BP_TYPE_MEETING_EDITOR (bp_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (BpMeetingEditor, bp_meeting_editor, BP, MEETING_EDITOR, GtkWidget)

/* Shows @meeting (copied), or empties the fields when it is NULL; the
 * editor is then unmodified and shows no errors. */
void bp_meeting_editor_set_meeting (BpMeetingEditor *self, const BpMeeting *meeting);
/* The meeting as the fields have it: the shown meeting's id, empty
 * fields as NULL, the date and time trimmed. */
BpMeeting *bp_meeting_editor_dup_meeting (BpMeetingEditor *self);

/* Whether a field changed since the meeting was shown ("modified"). */
gboolean bp_meeting_editor_get_modified (BpMeetingEditor *self);

/* Checks the fields against the rules and the other @meetings
 * (BpMeeting*) of the file, and shows each problem beside its field.
 * Returns TRUE when there is none. */
gboolean bp_meeting_editor_validate (BpMeetingEditor *self, GPtrArray *meetings);

/* Makes the fields read-only (a file opened read-only). */
void bp_meeting_editor_set_editable (BpMeetingEditor *self, gboolean editable);

/* Why @date cannot be the date of the meeting @meeting_id, or NULL when
 * it can: a real calendar date, as the file stores it (YYYY-MM-DD), that
 * no other meeting of @meetings (BpMeeting*, may be NULL) is on. The
 * messages ask for the date as the window shows it, DD/MM/YYYY. */
char *bp_meeting_check_date (const char *date, gint64 meeting_id, GPtrArray *meetings);
/* Why @time cannot be a meeting's time, or NULL: empty, or HH:MM on the
 * 24-hour clock. */
char *bp_meeting_check_time (const char *time);

/* "Tuesday 1 July 2025" / "1 July 2025": what the view and its toasts
 * call a meeting; @date itself when it is not a valid date. */
char *bp_meeting_format_long_date (const char *date, gboolean with_weekday);

G_END_DECLS
