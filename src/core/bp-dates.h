/* bp-dates.h: dates as people write them in spreadsheets. */
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

G_END_DECLS
