/* bp-dates.h: every date function: ISO dates (YYYY-MM-DD) as the file
 * stores them, UK dates as papers write them, and the dates people write
 * in spreadsheets. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BP_DATE_EMPTY,   /* nothing written */
  BP_DATE_DAY,     /* a calendar day: 31/03/2025, 3/4/25, 2025-03-31, 31 March 2025 */
  BP_DATE_PERIOD,  /* a month, quarter, financial or calendar year: its last day */
  BP_DATE_WORDS,   /* words where a date should be: "Ongoing", "TBC" */
  BP_DATE_INVALID, /* written as a date, but not a real one: 31/02/2025 */
} BpDateKind;

/* Reads a date written the UK way (day first) or as a period, which
 * stands for the last day of that period:
 *
 *   31/03/2025, 31-03-2025, 31.03.25, 3/4/25    day first; two-digit years are 20xx
 *   2025-03-31, 2025/03/31                      ISO (a time after it is ignored)
 *   31 March 2025, 31st Mar 25, 31-Mar-2025
 *   Mar-25, March 2025, Sept 2024, 2025-03      the end of that month
 *   Q3 2024/25, Q3 24/25, 2024/25 Q3            the end of that quarter of the
 *                                               financial year (Q1 starts in
 *                                               @fy_start_month, 4 = April)
 *   2024/25, 2024-25, FY 2024/25, 202425        the end of that financial year
 *   2025                                        the end of that calendar year
 *
 * Words (with or without figures, "Summer term 2025") are BP_DATE_WORDS;
 * figures that do not make a real date ("31/02/2025", "13/13/2025",
 * "Q5 2024/25", "2024/26") are BP_DATE_INVALID with a message in
 * @out_problem. For BP_DATE_DAY and BP_DATE_PERIOD, @out_iso is the
 * date as YYYY-MM-DD. Either out argument may be NULL. */
BpDateKind bp_date_parse_loose (const char *text, int fy_start_month, char **out_iso,
                                char **out_problem);

/* The month (1-12) a name or abbreviation stands for ("Sep", "Sept",
 * "september", any case), or 0. */
int bp_month_from_name (const char *name, gsize len);

/* TRUE when @text is a real calendar date written YYYY-MM-DD. */
gboolean bp_date_is_valid (const char *text);
/* The one ISO reader: sets @out to the day @iso (YYYY-MM-DD) names;
 * FALSE, @out untouched, when @iso is not such a date. */
gboolean bp_date_to_gdate (const char *iso, GDate *out);
/* @date as YYYY-MM-DD. Newly allocated. */
char *bp_date_from_gdate (const GDate *date);
/* Today's date (local time) as YYYY-MM-DD. */
char *bp_date_today (void);
/* "31/03/2025" for "2025-03-31", as UK papers write dates; text that is
 * not a date is returned as it is ("" for NULL). Newly allocated. */
char *bp_date_format_uk (const char *iso);
/* @iso formatted with g_date_time_format () in the window's locale
 * ("%-d %B %Y": "31 March 2025"); text that is not a date is returned as
 * it is ("" for NULL). Newly allocated. */
char *bp_date_format (const char *iso, const char *format);
/* Reads one calendar day as people type it in a form: any date as the
 * file stores it (2025-07-31), whatever bp_date_parse_loose () reads as
 * BP_DATE_DAY (31/07/2025, 31 July 2025; a two-digit year is 20xx:
 * 31/7/25), or DD/MM/YYYY with any four-digit year, so that every date
 * the file holds reads back as it is shown; surrounding spaces are
 * ignored. Empty text is "no date": TRUE with *out_iso NULL. FALSE for
 * anything else, periods ("Jul-25") included, with what is wrong in
 * *@out_problem when it is known (may be NULL). */
gboolean bp_date_parse_day (const char *text, char **out_iso, char **out_problem);
/* bp_date_parse_day () without the problem. */
gboolean bp_date_parse_uk (const char *text, char **out_iso);
/* @date plus @days, as YYYY-MM-DD; NULL if @date is not valid. */
char *bp_date_add_days (const char *date, int days);

G_END_DECLS
