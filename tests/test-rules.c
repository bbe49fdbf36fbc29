/* test-rules.c: RAG, overdue, dates, risk scores and KPI rules. */
#include <math.h>

#include "bp-rules.h"
#include "bp-translate.h"

static void
test_rag_parse (void)
{
  static const struct { const char *text; BpRag rag; } ok[] = {
    { "R", BP_RAG_RED }, { " red ", BP_RAG_RED }, { "Off  Track", BP_RAG_RED },
    { "a", BP_RAG_AMBER }, { "AMBER", BP_RAG_AMBER }, { "At risk", BP_RAG_AMBER },
    { "G", BP_RAG_GREEN }, { "On track", BP_RAG_GREEN },
    { "B", BP_RAG_BLUE }, { "Complete", BP_RAG_BLUE }, { "completed", BP_RAG_BLUE },
    { "", BP_RAG_NOT_STARTED }, { "  ", BP_RAG_NOT_STARTED }, { "Not started", BP_RAG_NOT_STARTED },
    { "N", BP_RAG_NOT_STARTED },
  };
  BpRag rag;

  for (gsize i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_assert_true (bp_rag_parse (ok[i].text, &rag));
      g_assert_cmpint (rag, ==, ok[i].rag);
    }
  g_assert_false (bp_rag_parse ("purple", &rag));
  g_assert_false (bp_rag_parse ("RA", &rag));
  g_assert_cmpint (bp_rag_to_letter (BP_RAG_AMBER), ==, 'A');
  g_assert_cmpint (bp_rag_to_letter (BP_RAG_NOT_STARTED), ==, 'N');
  g_assert_cmpstr (bp_rag_to_label (BP_RAG_BLUE), ==, "Blue");
  /* The order of progress used for "went up / down". */
  g_assert_cmpint (BP_RAG_RED, <, BP_RAG_AMBER);
  g_assert_cmpint (BP_RAG_AMBER, <, BP_RAG_GREEN);
  g_assert_cmpint (BP_RAG_GREEN, <, BP_RAG_BLUE);
}

static void
test_overdue (void)
{
  /* Due yesterday, not complete: overdue whatever the RAG. */
  g_assert_true (bp_is_overdue (BP_RAG_GREEN, "2025-06-29", NULL, "2025-06-30"));
  g_assert_true (bp_is_overdue (BP_RAG_NOT_STARTED, "2025-01-01", NULL, "2025-06-30"));
  /* Due today is not yet overdue. */
  g_assert_false (bp_is_overdue (BP_RAG_RED, "2025-06-30", NULL, "2025-06-30"));
  /* Complete is never overdue. */
  g_assert_false (bp_is_overdue (BP_RAG_BLUE, "2024-01-01", NULL, "2025-06-30"));
  /* The revised date wins over the original. */
  g_assert_false (bp_is_overdue (BP_RAG_AMBER, "2025-01-01", "2025-09-30", "2025-06-30"));
  g_assert_true (bp_is_overdue (BP_RAG_AMBER, "2025-12-01", "2025-03-31", "2025-06-30"));
  /* No date, not overdue. */
  g_assert_false (bp_is_overdue (BP_RAG_RED, NULL, NULL, "2025-06-30"));
}

static void
test_dates (void)
{
  g_autofree char *next = NULL;
  g_autofree char *leap = NULL;
  g_autofree char *back = NULL;

  g_assert_true (bp_date_is_valid ("2025-03-31"));
  g_assert_true (bp_date_is_valid ("2024-02-29"));
  g_assert_false (bp_date_is_valid ("2025-02-29"));
  g_assert_false (bp_date_is_valid ("2025-13-01"));
  g_assert_false (bp_date_is_valid ("31/03/2025"));
  g_assert_false (bp_date_is_valid ("2025-3-31"));
  g_assert_false (bp_date_is_valid ("2025-03-31x"));
  g_assert_false (bp_date_is_valid (NULL));

  next = bp_date_add_days ("2025-12-25", 7);
  g_assert_cmpstr (next, ==, "2026-01-01");
  leap = bp_date_add_days ("2024-02-28", 1);
  g_assert_cmpstr (leap, ==, "2024-02-29");
  back = bp_date_add_days ("2025-03-01", -1);
  g_assert_cmpstr (back, ==, "2025-02-28");
  g_assert_null (bp_date_add_days ("soon", 1));

  {
    g_autofree char *uk = bp_date_format_uk ("2025-03-31");
    g_autofree char *words = bp_date_format_uk ("Ongoing");
    g_autofree char *none = bp_date_format_uk (NULL);
    g_autofree char *long_uk = bp_date_format ("2025-03-01", "%-d %B %Y");
    g_autofree char *not_date = bp_date_format ("TBC", "%-d %B %Y");
    g_autofree char *back_iso = NULL;
    GDate d;

    g_assert_cmpstr (uk, ==, "31/03/2025");
    g_assert_cmpstr (words, ==, "Ongoing");
    g_assert_cmpstr (none, ==, "");
    g_assert_cmpstr (long_uk, ==, "1 March 2025");
    g_assert_cmpstr (not_date, ==, "TBC");
    g_assert_true (bp_date_to_gdate ("2024-02-29", &d));
    g_assert_cmpint (g_date_get_day (&d), ==, 29);
    g_assert_cmpint (g_date_get_month (&d), ==, 2);
    g_assert_cmpint (g_date_get_year (&d), ==, 2024);
    back_iso = bp_date_from_gdate (&d);
    g_assert_cmpstr (back_iso, ==, "2024-02-29");
    g_assert_false (bp_date_to_gdate ("2025-02-29", &d));
    g_assert_false (bp_date_to_gdate ("31/03/2025", &d));
  }

  {
    static const struct { const char *text; gboolean ok; const char *iso; } uk[] = {
      { " 31/07/2025 ", TRUE, "2025-07-31" }, { "3/4/2025", TRUE, "2025-04-03" },
      { "2025-07-31", TRUE, "2025-07-31" }, { "", TRUE, NULL }, { "  ", TRUE, NULL },
      { "31/02/2025", FALSE, NULL }, { "July", FALSE, NULL },
      /* The one UK reader, bp_date_parse_loose, for any single day. */
      { "31 March 2025", TRUE, "2025-03-31" }, { "31st Mar 25", TRUE, "2025-03-31" },
      { "31.03.2025", TRUE, "2025-03-31" }, { "31/07/25", TRUE, "2025-07-31" },
      { "2025-07-31T09:30", TRUE, "2025-07-31" },
      /* A period, words or figures that are not a day are not a date in a form. */
      { "Mar-25", FALSE, NULL }, { "March 2025", FALSE, NULL }, { "2024/25", FALSE, NULL },
      { "Q3 2024/25", FALSE, NULL }, { "2025", FALSE, NULL }, { "TBC", FALSE, NULL },
      { "31/13/2025", FALSE, NULL }, { "-", FALSE, NULL }, { NULL, TRUE, NULL },
      /* Every date the file may hold reads back as the form shows it. */
      { "2300-01-01", TRUE, "2300-01-01" }, { "1850-06-01", TRUE, "1850-06-01" },
      { "01/01/2300", TRUE, "2300-01-01" }, { "01/06/1850", TRUE, "1850-06-01" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (uk); i++)
      {
        g_autofree char *iso = NULL;

        g_assert_cmpint (bp_date_parse_uk (uk[i].text, &iso), ==, uk[i].ok);
        g_assert_cmpstr (iso, ==, uk[i].iso);
      }
  }

  /* Why a typed date is wrong, when that is known; never the periods a
   * spreadsheet cell may hold. */
  {
    g_autofree char *iso = NULL;
    g_autofree char *problem = NULL;

    g_assert_false (bp_date_parse_day ("31/02/2025", &iso, &problem));
    g_assert_null (iso);
    g_assert_nonnull (problem);
    g_assert_nonnull (strstr (problem, "28"));
    g_clear_pointer (&problem, g_free);
    g_assert_false (bp_date_parse_day ("31/13/2025", &iso, &problem));
    g_assert_nonnull (strstr (problem, "13"));
    g_clear_pointer (&problem, g_free);
    g_assert_false (bp_date_parse_day ("soon", &iso, &problem));
    g_assert_null (problem);
    g_assert_false (bp_date_parse_day ("Mar-25", &iso, &problem));
    g_assert_null (problem);
  }
}

static void
test_risk_score_and_bands (void)
{
  g_autoptr (GPtrArray) bands = g_ptr_array_new ();
  BpRiskBand low = { 0, 1, 4, "Low", "#2e7d32" };
  BpRiskBand medium = { 0, 5, 9, "Medium", "#f9a825" };
  BpRiskBand high = { 0, 10, 14, "High", "#d84315" };
  BpRiskBand very = { 0, 15, 25, "Very high", "#b71c1c" };

  g_ptr_array_add (bands, &low);
  g_ptr_array_add (bands, &medium);
  g_ptr_array_add (bands, &high);
  g_ptr_array_add (bands, &very);

  g_assert_cmpint (bp_risk_score (4, 5), ==, 20);
  g_assert_cmpint (bp_risk_score (1, 1), ==, 1);
  g_assert_cmpint (bp_risk_score (0, 3), ==, 0);
  g_assert_cmpint (bp_risk_score (6, 3), ==, 0);

  g_assert_cmpstr (bp_risk_band_for_score (bands, 4)->name, ==, "Low");
  g_assert_cmpstr (bp_risk_band_for_score (bands, 5)->name, ==, "Medium");
  g_assert_cmpstr (bp_risk_band_for_score (bands, 12)->name, ==, "High");
  g_assert_cmpstr (bp_risk_band_for_score (bands, 25)->name, ==, "Very high");
  g_assert_null (bp_risk_band_for_score (bands, 0));

  g_assert_cmpstr (bp_likelihood_label (5), ==, "Almost certain");
  g_assert_cmpstr (bp_impact_label (1), ==, "Negligible");

  g_assert_cmpint (bp_risk_direction (12, 9), ==, BP_DIRECTION_IMPROVED);
  g_assert_cmpint (bp_risk_direction (9, 12), ==, BP_DIRECTION_DETERIORATED);
  g_assert_cmpint (bp_risk_direction (9, 9), ==, BP_DIRECTION_SUSTAINED);
  g_assert_cmpint (bp_risk_direction (0, 9), ==, BP_DIRECTION_NONE);

  {
    BpRisk risk = { .inherent_l = 5, .inherent_i = 4, .current_l = 3, .current_i = 2 };
    int l = -1, i = -1;

    bp_risk_get_scores (&risk, BP_RISK_SCORE_INHERENT, &l, &i);
    g_assert_cmpint (l, ==, 5);
    g_assert_cmpint (i, ==, 4);
    bp_risk_get_scores (&risk, BP_RISK_SCORE_CURRENT, &l, &i);
    g_assert_cmpint (l, ==, 3);
    g_assert_cmpint (i, ==, 2);
    bp_risk_get_scores (&risk, BP_RISK_SCORE_TARGET, &l, &i);
    g_assert_cmpint (l, ==, 0); /* no target set */
    g_assert_cmpint (i, ==, 0);
  }
}

static void
test_kpi_rag (void)
{
  BpMeasure higher = { .polarity = BP_POLARITY_HIGHER, .target = 90, .tolerance = 5 };
  BpMeasure lower = { .polarity = BP_POLARITY_LOWER, .target = 0, .tolerance = 20 };
  BpMeasure close = { .polarity = BP_POLARITY_TARGET, .target = 50, .tolerance = 5 };
  BpMeasure no_target = { .polarity = BP_POLARITY_HIGHER, .target = NAN, .tolerance = NAN };

  g_assert_cmpint (bp_kpi_rag_to_letter (BP_KPI_RAG_RED), ==, 'R');
  g_assert_cmpint (bp_kpi_rag_to_letter (BP_KPI_RAG_AMBER), ==, 'A');
  g_assert_cmpint (bp_kpi_rag_to_letter (BP_KPI_RAG_GREEN), ==, 'G');
  g_assert_cmpint (bp_kpi_rag_to_letter (BP_KPI_RAG_NONE), ==, '\0');

  g_assert_cmpint (bp_kpi_rag (&higher, 94.4), ==, BP_KPI_RAG_GREEN);
  g_assert_cmpint (bp_kpi_rag (&higher, 90), ==, BP_KPI_RAG_GREEN);
  g_assert_cmpint (bp_kpi_rag (&higher, 85), ==, BP_KPI_RAG_AMBER);
  g_assert_cmpint (bp_kpi_rag (&higher, 67.1), ==, BP_KPI_RAG_RED);

  g_assert_cmpint (bp_kpi_rag (&lower, 0), ==, BP_KPI_RAG_GREEN);
  g_assert_cmpint (bp_kpi_rag (&lower, 20), ==, BP_KPI_RAG_AMBER);
  g_assert_cmpint (bp_kpi_rag (&lower, 105), ==, BP_KPI_RAG_RED);

  /* Close to target: the tolerance is amber, as for the others. */
  g_assert_cmpint (bp_kpi_rag (&close, 50), ==, BP_KPI_RAG_GREEN);
  g_assert_cmpint (bp_kpi_rag (&close, 50.04), ==, BP_KPI_RAG_GREEN); /* written 50% */
  g_assert_cmpint (bp_kpi_rag (&close, 50.1), ==, BP_KPI_RAG_AMBER);
  g_assert_cmpint (bp_kpi_rag (&close, 54), ==, BP_KPI_RAG_AMBER);
  g_assert_cmpint (bp_kpi_rag (&close, 45), ==, BP_KPI_RAG_AMBER);
  g_assert_cmpint (bp_kpi_rag (&close, 44), ==, BP_KPI_RAG_RED);
  g_assert_cmpint (bp_kpi_rag (&close, 56), ==, BP_KPI_RAG_RED);
  g_assert_cmpint (bp_kpi_rag (&close, 22), ==, BP_KPI_RAG_RED);
  {
    /* The sample's K7: 44% against 35% with a tolerance of 10 is amber,
     * not green. */
    BpMeasure k7 = { .polarity = BP_POLARITY_TARGET, .target = 35, .tolerance = 10 };

    g_assert_cmpint (bp_kpi_rag (&k7, 44), ==, BP_KPI_RAG_AMBER);
    g_assert_cmpint (bp_kpi_rag (&k7, 47), ==, BP_KPI_RAG_RED);
  }
  /* Boundaries of higher and lower: the tolerance's edge is amber. */
  g_assert_cmpint (bp_kpi_rag (&higher, 84.9), ==, BP_KPI_RAG_RED);
  g_assert_cmpint (bp_kpi_rag (&lower, 20.1), ==, BP_KPI_RAG_RED);

  /* No value, or no target: no RAG, never "red by default". */
  g_assert_cmpint (bp_kpi_rag (&higher, NAN), ==, BP_KPI_RAG_NONE);
  g_assert_cmpint (bp_kpi_rag (&no_target, 50), ==, BP_KPI_RAG_NONE);
}

static void
test_kpi_direction (void)
{
  BpMeasure higher = { .polarity = BP_POLARITY_HIGHER, .target = 90, .tolerance = 5 };
  BpMeasure lower = { .polarity = BP_POLARITY_LOWER, .target = 0, .tolerance = 20 };
  BpMeasure close = { .polarity = BP_POLARITY_TARGET, .target = 50, .tolerance = 5 };

  g_assert_cmpint (bp_kpi_direction (&higher, 67.1, 94.4), ==, BP_DIRECTION_IMPROVED);
  g_assert_cmpint (bp_kpi_direction (&higher, 91.8, 78.8), ==, BP_DIRECTION_DETERIORATED);
  g_assert_cmpint (bp_kpi_direction (&higher, 100, 100), ==, BP_DIRECTION_SUSTAINED);
  g_assert_cmpint (bp_kpi_direction (&lower, 1383, 1030), ==, BP_DIRECTION_IMPROVED);
  g_assert_cmpint (bp_kpi_direction (&lower, 1030, 1038), ==, BP_DIRECTION_DETERIORATED);
  g_assert_cmpint (bp_kpi_direction (&close, 22, 54), ==, BP_DIRECTION_IMPROVED);
  g_assert_cmpint (bp_kpi_direction (&close, 44, 22), ==, BP_DIRECTION_DETERIORATED);
  g_assert_cmpint (bp_kpi_direction (&higher, NAN, 50), ==, BP_DIRECTION_NONE);
}

static void
test_kpi_rule_text (void)
{
  BpMeasure higher = { .polarity = BP_POLARITY_HIGHER, .target = 95, .tolerance = 5, .unit = "%" };
  BpMeasure lower = { .polarity = BP_POLARITY_LOWER, .target = 20, .tolerance = 5, .unit = "count" };
  BpMeasure close = { .polarity = BP_POLARITY_TARGET, .target = 35, .tolerance = 10, .unit = "%" };
  BpMeasure exact = { .polarity = BP_POLARITY_HIGHER, .target = 12, .tolerance = NAN,
                      .unit = "weeks" };
  BpMeasure none = { .polarity = BP_POLARITY_HIGHER, .target = NAN, .tolerance = 5 };
  BpLanguage previous = bp_tr_push (BP_LANGUAGE_EN);
  g_autofree char *h = bp_kpi_rule_text (&higher);
  g_autofree char *l = bp_kpi_rule_text (&lower);
  g_autofree char *c = bp_kpi_rule_text (&close);
  g_autofree char *e = bp_kpi_rule_text (&exact);
  g_autofree char *n = bp_kpi_rule_text (&none);

  g_assert_cmpstr (h, ==, "Green: 95% or more; amber: 90% to under 95%; red: under 90%.");
  g_assert_cmpstr (l, ==, "Green: 20 or less; amber: over 20 up to 25; red: over 25.");
  g_assert_cmpstr (c, ==, "Green: on target (35%); amber: off target but from 25% to 45%; "
                          "red: under 25% or over 45%.");
  g_assert_cmpstr (e, ==, "Green: 12 weeks or more; red: under 12 weeks.");
  g_assert_cmpstr (n, ==, "No target is set, so the values have no RAG.");
  bp_tr_pop (previous);
}

static void
test_kpi_trend_text (void)
{
  BpMeasure higher = { .polarity = BP_POLARITY_HIGHER, .target = 90, .tolerance = 5 };
  BpMeasure lower = { .polarity = BP_POLARITY_LOWER, .target = 20, .tolerance = 5 };
  BpMeasure close = { .polarity = BP_POLARITY_TARGET, .target = 35, .tolerance = 10 };
  BpLanguage previous = bp_tr_push (BP_LANGUAGE_EN);
  struct { const BpMeasure *m; double before, last; const char *text; } cases[] = {
    { &higher, 80, 90, "\xe2\x86\x91 Improved" },
    { &higher, 90, 80, "\xe2\x86\x93 Deteriorated" },
    /* Lower is better: a fall is good news, and still an arrow down. */
    { &lower, 30, 25, "\xe2\x86\x93 Improved" },
    { &lower, 25, 30, "\xe2\x86\x91 Deteriorated" },
    /* Close to target: 44 -> 22 moves further away, downwards. */
    { &close, 44, 22, "\xe2\x86\x93 Deteriorated" },
    { &close, 22, 40, "\xe2\x86\x91 Improved" },
    { &higher, 90, 90, "\xe2\x86\x92 Sustained" },
    { &higher, NAN, 90, "No comparison" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = bp_kpi_trend_text (cases[i].m, cases[i].before, cases[i].last);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autofree char *up = bp_risk_trend_text (12, 16);
    g_autofree char *down = bp_risk_trend_text (16, 12);
    g_autofree char *same = bp_risk_trend_text (9, 9);
    g_autofree char *unscored = bp_risk_trend_text (0, 9);

    g_assert_cmpstr (up, ==, "\xe2\x86\x91 Risk rose");
    g_assert_cmpstr (down, ==, "\xe2\x86\x93 Risk fell");
    g_assert_cmpstr (same, ==, "\xe2\x86\x92 Unchanged");
    g_assert_cmpstr (unscored, ==, "No comparison");
  }
  bp_tr_pop (previous);
}

static void
test_percentages (void)
{
  int thirds[3] = { 1, 1, 1 }, out3[3];
  int zero[4] = { 0, 0, 0, 0 }, out4[4] = { 9, 9, 9, 9 };
  int two_one[2] = { 2, 1 }, out2[2];
  int skew[5] = { 60, 10, 10, 10, 10 }, out5[5];
  int odd[5] = { 2, 3, 7, -4, 1 };

  /* The same counts give the same figures every time, in every place. */
  for (int run = 0; run < 3; run++)
    {
      bp_percentages (thirds, 3, out3);
      g_assert_cmpint (out3[0], ==, 34);
      g_assert_cmpint (out3[1], ==, 33);
      g_assert_cmpint (out3[2], ==, 33);
    }
  bp_percentages (zero, 4, out4);
  for (int i = 0; i < 4; i++)
    g_assert_cmpint (out4[i], ==, 0);
  bp_percentages (two_one, 2, out2);
  g_assert_cmpint (out2[0], ==, 67);
  g_assert_cmpint (out2[1], ==, 33);
  bp_percentages (skew, 5, out5);
  g_assert_cmpint (out5[0], ==, 60);
  g_assert_cmpint (out5[4], ==, 10);
  /* 15.4, 23.1, 53.8, (negative as 0), 7.7: the point left goes to the
   * largest remainder (15.4 -> 15, 23.1 -> 23, 53.8 -> 54, 7.7 -> 8). */
  bp_percentages (odd, 5, out5);
  g_assert_cmpint (out5[0] + out5[1] + out5[2] + out5[3] + out5[4], ==, 100);
  g_assert_cmpint (out5[0], ==, 15);
  g_assert_cmpint (out5[1], ==, 23);
  g_assert_cmpint (out5[2], ==, 54);
  g_assert_cmpint (out5[3], ==, 0);
  g_assert_cmpint (out5[4], ==, 8);
}

static void
test_display_words (void)
{
  BpLanguage previous = bp_tr_push (BP_LANGUAGE_EN);
  const char *renamed = "Tolerable";

  g_assert_cmpstr (bp_risk_band_display_name ("very HIGH"), ==, "Very high");
  g_assert_cmpstr (bp_risk_band_display_name (" Low "), ==, "Low");
  /* A name the user gave is theirs, as written. */
  g_assert_true (bp_risk_band_display_name (renamed) == renamed);
  g_assert_cmpstr (bp_risk_band_display_name (NULL), ==, "");
  g_assert_cmpstr (bp_mitigation_status_display ("in progress"), ==, "In progress");
  g_assert_cmpstr (bp_mitigation_status_display ("DONE"), ==, "Done");
  g_assert_cmpstr (bp_mitigation_status_display ("awaiting funding"), ==, "awaiting funding");
  g_assert_cmpstr (bp_mitigation_status_display (NULL), ==, "");
  bp_tr_pop (previous);

  /* In Welsh the built-in words change and the user's stay. */
  if (bp_language_check (BP_LANGUAGE_CY, NULL))
    {
      previous = bp_tr_push (BP_LANGUAGE_CY);
      g_assert_cmpstr (bp_mitigation_status_display ("planned"), !=, "Planned");
      g_assert_cmpstr (bp_mitigation_status_display ("Done"), ==, bp_tr ("Done"));
      g_assert_cmpstr (bp_risk_band_display_name ("High"), ==, bp_tr ("High"));
      g_assert_true (bp_risk_band_display_name (renamed) == renamed);
      bp_tr_pop (previous);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/rules/rag-parse", test_rag_parse);
  g_test_add_func ("/rules/overdue", test_overdue);
  g_test_add_func ("/rules/dates", test_dates);
  g_test_add_func ("/rules/risk-score-and-bands", test_risk_score_and_bands);
  g_test_add_func ("/rules/kpi-rag", test_kpi_rag);
  g_test_add_func ("/rules/kpi-direction", test_kpi_direction);
  g_test_add_func ("/rules/kpi-rule-text", test_kpi_rule_text);
  g_test_add_func ("/rules/kpi-trend-text", test_kpi_trend_text);
  g_test_add_func ("/rules/percentages", test_percentages);
  g_test_add_func ("/rules/display-words", test_display_words);
  return g_test_run ();
}
