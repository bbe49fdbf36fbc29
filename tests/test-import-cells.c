/* test-import-cells.c: what an import reads in one cell, without a file:
 * the dates of plans and scorecards, percentages and figures, RAG words,
 * risk scores, polarities, responses, and the trimming and folding of
 * names and headers (bp-import-cells.c, bp-dates.c). */
#include <math.h>

#include "bp-dates.h"
#include "bp-import-private.h"

/* --------------------------------------------------------------- dates */

static void
check_date (const char *text, int fy_start, BpDateKind kind, const char *iso)
{
  g_autofree char *got = NULL;
  g_autofree char *problem = NULL;
  BpDateKind got_kind = bp_date_parse_loose (text, fy_start, &got, &problem);

  if (got_kind != kind || g_strcmp0 (got, iso) != 0)
    g_error ("“%s” (year from month %d): kind %d, %s; expected kind %d, %s", text, fy_start,
             got_kind, got, kind, iso);
  /* A message exactly when the figures are not a date. */
  g_assert_true ((problem != NULL) == (kind == BP_DATE_INVALID));
}

static void
test_dates_uk (void)
{
  /* Day first, as a UK spreadsheet writes it. */
  check_date ("31/03/2025", 4, BP_DATE_DAY, "2025-03-31");
  check_date ("1/4/25", 4, BP_DATE_DAY, "2025-04-01");
  check_date ("01/04/2025", 4, BP_DATE_DAY, "2025-04-01");
  check_date ("12/1/2025", 4, BP_DATE_DAY, "2025-01-12");
  check_date ("29/02/2028", 4, BP_DATE_DAY, "2028-02-29");

  check_date ("31/02/2025", 4, BP_DATE_INVALID, NULL);
  check_date ("29/02/2025", 4, BP_DATE_INVALID, NULL);
  check_date ("1/13/25", 4, BP_DATE_INVALID, NULL);
  check_date ("0/4/25", 4, BP_DATE_INVALID, NULL);
}

static void
test_dates_periods (void)
{
  /* A month stands for its last day. */
  check_date ("Mar-25", 4, BP_DATE_PERIOD, "2025-03-31");
  check_date ("Feb-28", 4, BP_DATE_PERIOD, "2028-02-29");
  check_date ("Nov 2024", 4, BP_DATE_PERIOD, "2024-11-30");

  /* Quarters of the financial year: from April, Q3 is October-December;
   * from September, March-May. */
  check_date ("Q3 2024/25", 4, BP_DATE_PERIOD, "2024-12-31");
  check_date ("Q4 2024/25", 4, BP_DATE_PERIOD, "2025-03-31");
  check_date ("Q3 2024/25", 9, BP_DATE_PERIOD, "2025-05-31");
  check_date ("Q2 25/26", 4, BP_DATE_PERIOD, "2025-09-30");

  /* A financial year ends with the month before it starts again. */
  check_date ("2025/26", 4, BP_DATE_PERIOD, "2026-03-31");
  check_date ("2025/26", 9, BP_DATE_PERIOD, "2026-08-31");
  check_date ("2025/26", 1, BP_DATE_PERIOD, "2025-12-31");

  check_date ("Q0 2024/25", 4, BP_DATE_INVALID, NULL);
  check_date ("2025/27", 4, BP_DATE_INVALID, NULL);
  check_date ("2025/24", 4, BP_DATE_INVALID, NULL);
}

static void
test_dates_words (void)
{
  check_date ("Ongoing", 4, BP_DATE_WORDS, NULL);
  check_date ("ongoing", 4, BP_DATE_WORDS, NULL);
  check_date ("TBC", 4, BP_DATE_WORDS, NULL);
  check_date ("Autumn term 2025", 4, BP_DATE_WORDS, NULL);
  check_date ("", 4, BP_DATE_EMPTY, NULL);
}

/* ------------------------------------------------- figures and percents */

static void
test_percent (void)
{
  static const struct
  {
    const char *text;
    int percent;
  } ok[] = {
    { "45%", 45 }, { "45", 45 }, { "0%", 0 }, { "100%", 100 }, { "45.6%", 46 }, { "12.4", 12 },
    { " 45 % ", 45 },
  };
  static const char *const bad[] = { "101%", "-5%", "forty", "45%%x", "", "n/a", "50-60%" };

  for (gsize i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      int percent = -1;

      if (!bp_import_parse_percent (ok[i].text, &percent) || percent != ok[i].percent)
        g_error ("“%s”: %d, expected %d", ok[i].text, percent, ok[i].percent);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int percent = -1;

      if (bp_import_parse_percent (bad[i], &percent))
        g_error ("“%s” read as the percentage %d", bad[i], percent);
      g_assert_cmpint (percent, ==, -1);
    }
}

static void
test_number (void)
{
  static const struct
  {
    const char *text;
    double value;
    const char *unit;
  } ok[] = {
    { "93.2%", 93.2, "%" },      { "£1,234", 1234, "£" }, { "1 383", 1383, NULL },
    { "1\xC2\xA0" "383", 1383, NULL }, { "-2.5", -2.5, NULL },   { "+7", 7, NULL },
    { "1,234.50", 1234.5, NULL }, { ".5", 0.5, NULL },
  };
  /* What official statistics write where there is no figure. */
  static const char *const none[] = { "", "z", "X", "c", "u", "..", "-", ":", "n/a", "N/A",
                                      "–" };
  static const char *const bad[] = { "twelve", "12abc", "1.2.3", "inf", "nan", "%", "£", "#N/A" };

  for (gsize i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      const char *unit = "unset";
      double value = 0;

      g_assert_true (bp_import_parse_number (ok[i].text, &value, &unit));
      g_assert_cmpfloat_with_epsilon (value, ok[i].value, 1e-9);
      g_assert_cmpstr (unit, ==, ok[i].unit);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (none); i++)
    {
      double value = 0;

      g_assert_true (bp_import_parse_number (none[i], &value, NULL));
      g_assert_true (isnan (value));
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double value = 0;

      if (bp_import_parse_number (bad[i], &value, NULL))
        g_error ("“%s” read as the number %g", bad[i], value);
    }
}

/* ------------------------------------------------------ words for codes */

static void
test_rag (void)
{
  static const struct
  {
    const char *text;
    BpRag rag;
  } ok[] = {
    { "R", BP_RAG_RED },
    { "Amber", BP_RAG_AMBER },
    { "Green (on track)", BP_RAG_GREEN },
    { "G - on track", BP_RAG_GREEN },
    { "Blue", BP_RAG_BLUE },
    { "Done", BP_RAG_BLUE },
    { "Not yet started", BP_RAG_NOT_STARTED },
    { "not  yet  STARTED", BP_RAG_NOT_STARTED },
  };
  static const char *const bad[] = { "Purple", "Greenish", "(on track)", "RA", "- Green" };

  for (gsize i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      BpRag rag = BP_RAG_COUNT;

      if (!bp_import_parse_rag (ok[i].text, &rag) || rag != ok[i].rag)
        g_error ("“%s”: RAG %d, expected %d", ok[i].text, rag, ok[i].rag);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      BpRag rag = BP_RAG_COUNT;

      if (bp_import_parse_rag (bad[i], &rag))
        g_error ("“%s” read as the RAG %d", bad[i], rag);
    }
}

static void
test_score (void)
{
  static const struct
  {
    const char *text;
    gboolean likelihood;
    int score;
  } ok[] = {
    { "4", TRUE, 4 },          { "4 - Likely", TRUE, 4 },   { "4 (Likely)", TRUE, 4 },
    { "Almost certain", TRUE, 5 }, { "almost  certainly", TRUE, 5 }, { "Rare", TRUE, 1 },
    { "Moderate", FALSE, 3 },  { "Catastrophic", FALSE, 5 }, { "Insignificant", FALSE, 1 },
    { "", TRUE, 0 },
  };
  static const struct
  {
    const char *text;
    gboolean likelihood;
  } bad[] = {
    { "6", TRUE }, { "0", FALSE }, { "2.5", TRUE }, { "Likely", FALSE }, { "Major", TRUE },
    { "Catastrophic", TRUE }, { "4/5", TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      int score = -1;

      if (!bp_import_parse_score (ok[i].text, ok[i].likelihood, &score) || score != ok[i].score)
        g_error ("“%s”: %d, expected %d", ok[i].text, score, ok[i].score);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      int score = -1;

      if (bp_import_parse_score (bad[i].text, bad[i].likelihood, &score))
        g_error ("“%s” read as the score %d", bad[i].text, score);
    }
}

static void
test_polarity_and_response (void)
{
  BpPolarity polarity = BP_POLARITY_TARGET;
  char *response = NULL;

  g_assert_true (bp_import_parse_polarity ("Higher is better", &polarity));
  g_assert_cmpint (polarity, ==, BP_POLARITY_HIGHER);
  g_assert_true (bp_import_parse_polarity ("Fewer is better", &polarity));
  g_assert_cmpint (polarity, ==, BP_POLARITY_LOWER);
  g_assert_true (bp_import_parse_polarity ("Up", &polarity));
  g_assert_cmpint (polarity, ==, BP_POLARITY_HIGHER);
  g_assert_true (bp_import_parse_polarity ("Close to target", &polarity));
  g_assert_cmpint (polarity, ==, BP_POLARITY_TARGET);
  g_assert_false (bp_import_parse_polarity ("sideways", &polarity));

  g_assert_true (bp_import_parse_response ("Treat", &response));
  g_assert_cmpstr (response, ==, "treat");
  g_clear_pointer (&response, g_free);
  g_assert_true (bp_import_parse_response ("TOLERATE (accepted by the board)", &response));
  g_assert_cmpstr (response, ==, "tolerate");
  g_clear_pointer (&response, g_free);
  g_assert_false (bp_import_parse_response ("Ignore", &response));
  g_assert_false (bp_import_parse_response ("", &response));
  g_assert_null (response);
}

/* ---------------------------------------------------- names and headers */

static void
check_string (char *got, const char *expected)
{
  g_assert_cmpstr (got, ==, expected);
  g_free (got);
}

static void
test_names (void)
{
  /* Headers: letters and digits, with the signs that stand for words. */
  check_string (bp_import_fold_key ("Action No."), "actionno");
  check_string (bp_import_fold_key ("% Complete"), "percentcomplete");
  check_string (bp_import_fold_key ("Ref #"), "refno");
  check_string (bp_import_fold_key ("Risks & Issues"), "risksandissues");
  check_string (bp_import_fold_key ("Cyfeirnod – Rhif"), "cyfeirnodrhif");
  check_string (bp_import_fold_key ("Réf."), "réf");
  check_string (bp_import_fold_key (NULL), "");

  /* People and organisations: any case, runs of spaces as one. */
  check_string (bp_import_fold_name ("  Jane   SMITH "), "jane smith");
  check_string (bp_import_fold_name ("Élise\tMartin"), "élise martin");
  check_string (bp_import_tidy_name ("  Jane   Smith\n"), "Jane Smith");

  /* Cells: spaces and no-break spaces around them go; the apostrophe an
   * export puts before a formula goes, any other stays. */
  check_string (bp_import_trim_cell ("  text\xC2\xA0"), "text");
  check_string (bp_import_trim_cell ("\xC2\xA0 a b \t"), "a b");
  check_string (bp_import_trim_cell ("'=SUM(A1:A3)"), "=SUM(A1:A3)");
  check_string (bp_import_trim_cell ("'-5% budget"), "-5% budget");
  check_string (bp_import_trim_cell ("'Twas"), "'Twas");
  check_string (bp_import_trim_cell (NULL), "");

  g_assert_true (bp_import_cell_is_blank (NULL));
  g_assert_true (bp_import_cell_is_blank (" \t\xC2\xA0 "));
  g_assert_false (bp_import_cell_is_blank (" x "));
  g_assert_false (bp_import_cell_is_blank ("\xC2"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import-cells/dates/uk", test_dates_uk);
  g_test_add_func ("/import-cells/dates/periods", test_dates_periods);
  g_test_add_func ("/import-cells/dates/words", test_dates_words);
  g_test_add_func ("/import-cells/percent", test_percent);
  g_test_add_func ("/import-cells/number", test_number);
  g_test_add_func ("/import-cells/rag", test_rag);
  g_test_add_func ("/import-cells/score", test_score);
  g_test_add_func ("/import-cells/polarity-response", test_polarity_and_response);
  g_test_add_func ("/import-cells/names", test_names);

  return g_test_run ();
}
