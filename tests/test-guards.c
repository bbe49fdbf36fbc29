/* test-guards.c: the core's public functions called wrongly (NULL where
 * a value is needed, an object of another type, a number out of range, a
 * transaction in the wrong state). Each says so with a critical naming
 * itself and returns its failure value, without crashing and without
 * setting the caller's error: a caller's bug shows in the log of the
 * window or the command line, not as a crash in a user's hands.
 *
 * One test per public header of src/core. */
#include <gio/gio.h>

#include "bp-csv.h"
#include "bp-db-risk.h"
#include "bp-db-scorecard.h"
#include "bp-import.h"
#include "bp-sample.h"
#include "bp-test-util.h"
#include "bp-translate.h"

/* @call, made inside it, must trip a guard of @fn (or of the helper it
 * hands its arguments to: the finders share one) and nothing else. The
 * core logs in no domain of its own, so GLib's criticals do not count. */
#define GUARD(fn, call)                                                                            \
  G_STMT_START                                                                                     \
  {                                                                                                \
    g_test_expect_message (NULL, G_LOG_LEVEL_CRITICAL, "*: assertion*failed");                     \
    call;                                                                                          \
    g_test_assert_expected_messages ();                                                            \
  }                                                                                                \
  G_STMT_END

typedef struct
{
  char *dir;
  char *path;
  BpDb *db;
  BpImport *import; /* an object that is not a BpDb */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = bp_test_tmpdir ();
  f->path = g_build_filename (f->dir, "guards.boardpack", NULL);
  f->db = bp_db_create (f->path, "Guards", &error);
  g_assert_no_error (error);
  f->import = bp_import_new (BP_IMPORT_ACTIONS);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->import);
  g_clear_object (&f->db);
  bp_test_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* bp-db.h */
static void
test_db (Fixture *f, gconstpointer data)
{
  BpDb *not_db = (BpDb *) f->import;
  GError *error = NULL;
  BpAction action = { 0 };

  GUARD (bp_db_create, g_assert_null (bp_db_create (NULL, "Title", &error)));
  GUARD (bp_db_open, g_assert_null (bp_db_open (NULL, BP_OPEN_DEFAULT, &error)));
  GUARD (bp_db_get_path, g_assert_null (bp_db_get_path (NULL)));
  GUARD (bp_db_get_path, g_assert_null (bp_db_get_path (not_db)));
  GUARD (bp_db_is_read_only, g_assert_true (bp_db_is_read_only (NULL)));
  GUARD (bp_db_get_read_only_reason, g_assert_null (bp_db_get_read_only_reason (NULL)));
  GUARD (bp_db_get_backup_path, g_assert_null (bp_db_get_backup_path (NULL)));
  GUARD (bp_db_checkpoint, g_assert_false (bp_db_checkpoint (NULL, 0, &error)));
  GUARD (bp_db_get_data_version, g_assert_cmpint (bp_db_get_data_version (NULL), ==, -1));
  GUARD (bp_db_close, bp_db_close (NULL));
  GUARD (bp_db_get_shared_folder, g_assert_null (bp_db_get_shared_folder (NULL)));
  GUARD (bp_db_shared_folder_kind, g_assert_null (bp_db_shared_folder_kind (NULL)));
  GUARD (bp_db_set_actor, bp_db_set_actor (NULL, "Tester"));

  /* Transactions: a commit or a rollback without a begin. */
  GUARD (bp_db_begin, g_assert_false (bp_db_begin (NULL, &error)));
  GUARD (bp_db_commit, g_assert_false (bp_db_commit (f->db, &error)));
  GUARD (bp_db_rollback, bp_db_rollback (f->db));
  GUARD (bp_db_integrity_check, g_assert_null (bp_db_integrity_check (NULL, &error)));

  /* The generated create, update, delete and read. */
  GUARD (bp_db_insert_action, g_assert_false (bp_db_insert_action (f->db, NULL, &error)));
  GUARD (bp_db_insert_action, g_assert_false (bp_db_insert_action (NULL, &action, &error)));
  GUARD (bp_db_update_risk, g_assert_false (bp_db_update_risk (f->db, NULL, &error)));
  GUARD (bp_db_delete_meeting, g_assert_false (bp_db_delete_meeting (NULL, 1, &error)));
  GUARD (bp_db_get_measure, g_assert_null (bp_db_get_measure (not_db, 1, &error)));
  GUARD (bp_db_get_programme, g_assert_null (bp_db_get_programme (NULL, &error)));
  GUARD (bp_db_update_programme, g_assert_false (bp_db_update_programme (f->db, NULL, &error)));
  GUARD (bp_db_add_update, g_assert_false (bp_db_add_update (f->db, NULL, &error)));
  GUARD (bp_db_link_risk_action, g_assert_false (bp_db_link_risk_action (NULL, 1, 1, &error)));
  GUARD (bp_db_link_action_measure,
         g_assert_false (bp_db_link_action_measure (NULL, 1, 1, &error)));
  GUARD (bp_db_unlink_risk_action, g_assert_false (bp_db_unlink_risk_action (NULL, 1, 1, &error)));

  GUARD (bp_db_find_action, g_assert_null (bp_db_find_action (f->db, NULL, &error)));
  GUARD (bp_db_find_meeting, g_assert_null (bp_db_find_meeting (f->db, NULL, &error)));
  GUARD (bp_db_find_person, g_assert_null (bp_db_find_person (f->db, NULL, &error)));
  GUARD (bp_db_find_organisation, g_assert_null (bp_db_find_organisation (f->db, NULL, &error)));
  GUARD (bp_db_find_priority, g_assert_null (bp_db_find_priority (NULL, "P1", &error)));
  GUARD (bp_db_take_snapshot, g_assert_cmpint (bp_db_take_snapshot (NULL, 1, NULL, &error), ==, 0));

  /* Undo: not switched, undone or redone inside a transaction. */
  GUARD (bp_db_can_undo, g_assert_false (bp_db_can_undo (NULL)));
  GUARD (bp_db_can_redo, g_assert_false (bp_db_can_redo (NULL)));
  g_assert_true (bp_db_begin (f->db, &error));
  g_assert_no_error (error);
  GUARD (bp_db_set_undo_enabled, bp_db_set_undo_enabled (f->db, TRUE));
  GUARD (bp_db_undo, g_assert_false (bp_db_undo (f->db, &error)));
  GUARD (bp_db_redo, g_assert_false (bp_db_redo (f->db, &error)));
  bp_db_rollback (f->db);
  g_assert_false (bp_db_can_undo (f->db));

  g_assert_no_error (error);
  /* The file is as it was, and still usable. */
  g_assert_cmpstr (bp_db_get_path (f->db), ==, f->path);
  {
    g_autofree char *check = bp_db_integrity_check (f->db, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (check, ==, "ok");
  }
}

/* bp-db-risk.h and bp-db-scorecard.h */
static void
test_db_writes (Fixture *f, gconstpointer data)
{
  GError *error = NULL;
  GError *set = g_error_new_literal (BP_ERROR, BP_ERROR_INVALID, "an earlier error");
  g_autoptr (GPtrArray) values = g_ptr_array_new ();
  BpRisk risk = { 0 };

  GUARD (bp_db_save_risk, g_assert_false (bp_db_save_risk (NULL, &risk, NULL, NULL, &error)));
  GUARD (bp_db_save_risk, g_assert_false (bp_db_save_risk (f->db, NULL, NULL, NULL, &error)));
  /* An error already set would be overwritten. */
  GUARD (bp_db_save_risk, g_assert_false (bp_db_save_risk (f->db, &risk, NULL, NULL, &set)));
  g_assert_cmpstr (set->message, ==, "an earlier error");

  GUARD (bp_db_add_period,
         g_assert_false (bp_db_add_period (NULL, "Q1", "2025-06-30", values, &error)));
  GUARD (bp_db_add_period,
         g_assert_false (bp_db_add_period (f->db, NULL, "2025-06-30", values, &error)));
  GUARD (bp_db_add_period,
         g_assert_false (bp_db_add_period (f->db, "Q1", "2025-06-30", NULL, &error)));
  GUARD (bp_db_add_period,
         g_assert_false (bp_db_add_period (f->db, "Q1", "2025-06-30", values, &set)));

  g_assert_no_error (error);
  g_assert_cmpint (bp_test_sql_int (f->path, "SELECT count(*) FROM risk"), ==, 0);
  g_error_free (set);
}

/* bp-query.h */
static void
test_query (Fixture *f, gconstpointer data)
{
  BpActionFilter filter = BP_ACTION_FILTER_INIT;
  BpAction action = { 0 };
  BpSummary summary;
  GError *error = NULL;
  char *due_to = NULL;

  GUARD (bp_db_list_actions, g_assert_null (bp_db_list_actions (NULL, &filter, &error)));
  GUARD (bp_action_filter_due_to, g_assert_false (bp_action_filter_due_to (NULL, &due_to, &error)));
  GUARD (bp_action_filter_due_to, g_assert_false (bp_action_filter_due_to (&filter, NULL, &error)));
  GUARD (bp_action_filter_matches, g_assert_false (bp_action_filter_matches (NULL, &action, NULL)));
  GUARD (bp_action_filter_matches, g_assert_false (bp_action_filter_matches (&filter, NULL, NULL)));
  GUARD (bp_db_list_updates, g_assert_null (bp_db_list_updates (NULL, 1, &error)));
  GUARD (bp_db_list_priorities, g_assert_null (bp_db_list_priorities (NULL, &error)));
  GUARD (bp_db_list_people, g_assert_null (bp_db_list_people (NULL, &error)));
  GUARD (bp_db_list_organisations, g_assert_null (bp_db_list_organisations (NULL, &error)));
  GUARD (bp_db_list_risks, g_assert_null (bp_db_list_risks ((BpDb *) f->import, &error)));
  GUARD (bp_db_list_mitigations, g_assert_null (bp_db_list_mitigations (NULL, 1, &error)));
  GUARD (bp_db_risk_action_refs, g_assert_null (bp_db_risk_action_refs (NULL, 1, &error)));
  GUARD (bp_db_list_risk_bands, g_assert_null (bp_db_list_risk_bands (NULL, &error)));
  GUARD (bp_db_list_measures, g_assert_null (bp_db_list_measures (NULL, &error)));
  GUARD (bp_db_list_measure_values, g_assert_null (bp_db_list_measure_values (NULL, 1, &error)));
  GUARD (bp_db_list_meetings, g_assert_null (bp_db_list_meetings (NULL, &error)));
  GUARD (bp_db_list_snapshots, g_assert_null (bp_db_list_snapshots (NULL, &error)));
  GUARD (bp_db_list_milestones_due,
         g_assert_null (bp_db_list_milestones_due (NULL, NULL, NULL, &error)));
  GUARD (bp_db_list_action_milestones,
         g_assert_null (bp_db_list_action_milestones (NULL, 1, &error)));
  GUARD (bp_db_count_actions_by_priority,
         g_assert_null (bp_db_count_actions_by_priority (f->db, NULL, &error)));
  GUARD (bp_db_summary, g_assert_false (bp_db_summary (f->db, NULL, &summary, &error)));
  GUARD (bp_db_summary, g_assert_false (bp_db_summary (f->db, "2025-07-01", NULL, &error)));
  GUARD (bp_db_snapshot_risk_scores, g_assert_null (bp_db_snapshot_risk_scores (NULL, 1, &error)));
  GUARD (bp_db_movement, g_assert_null (bp_db_movement (NULL, 1, 2, &error)));

  g_assert_no_error (error);
  g_assert_null (due_to);
}

/* bp-rules.h */
static void
test_rules (void)
{
  BpRisk risk = { 0 };
  int l = -1, i = -1;

  GUARD (bp_rag_to_letter, g_assert_cmpint (bp_rag_to_letter ((BpRag) 99), ==, 'N'));
  GUARD (bp_rag_to_letter, g_assert_cmpint (bp_rag_to_letter (BP_RAG_COUNT), ==, 'N'));
  GUARD (bp_rag_parse, g_assert_false (bp_rag_parse ("green", NULL)));
  GUARD (bp_action_effective_due, g_assert_null (bp_action_effective_due (NULL)));
  GUARD (bp_is_overdue, g_assert_false (bp_is_overdue (BP_RAG_RED, "2025-01-01", NULL, NULL)));
  GUARD (bp_risk_get_scores, bp_risk_get_scores (NULL, BP_RISK_SCORE_CURRENT, &l, &i));
  GUARD (bp_risk_get_scores, bp_risk_get_scores (&risk, BP_RISK_SCORE_CURRENT, NULL, &i));
  g_assert_cmpint (l, ==, -1);
  g_assert_cmpint (i, ==, -1);
  GUARD (bp_risk_band_for_score, g_assert_null (bp_risk_band_for_score (NULL, 12)));
  GUARD (bp_kpi_rag, g_assert_cmpint (bp_kpi_rag (NULL, 1.0), ==, BP_KPI_RAG_NONE));
  GUARD (bp_kpi_direction,
         g_assert_cmpint (bp_kpi_direction (NULL, 1.0, 2.0), ==, BP_DIRECTION_NONE));
  GUARD (bp_polarity_parse, g_assert_false (bp_polarity_parse ("higher", NULL)));
}

/* bp-dates.h */
static void
test_dates (void)
{
  GDate invalid;
  GDate untouched;
  char *iso = NULL;

  g_date_clear (&invalid, 1);
  g_date_clear (&untouched, 1);
  GUARD (bp_date_to_gdate, g_assert_false (bp_date_to_gdate ("2025-03-31", NULL)));
  GUARD (bp_date_from_gdate, g_assert_null (bp_date_from_gdate (NULL)));
  GUARD (bp_date_from_gdate, g_assert_null (bp_date_from_gdate (&invalid)));
  GUARD (bp_date_format, g_assert_null (bp_date_format ("2025-03-31", NULL)));
  GUARD (bp_date_parse_uk, g_assert_false (bp_date_parse_uk ("31/03/2025", NULL)));
  /* Not guards: NULL is "no date" to the readers and formatters. */
  g_assert_false (bp_date_is_valid (NULL));
  g_assert_false (bp_date_to_gdate (NULL, &untouched));
  g_assert_false (g_date_valid (&untouched));
  g_assert_cmpint (bp_date_parse_loose (NULL, 4, &iso, NULL), ==, BP_DATE_EMPTY);
  g_assert_null (iso);
  g_assert_null (bp_date_add_days (NULL, 1));
}

/* bp-error.h */
static void
test_error (void)
{
  g_autoptr (GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "other");
  g_autoptr (GError) ours = g_error_new_literal (BP_ERROR, BP_ERROR_INVALID, "action 1.1: bad");

  GUARD (bp_error_get_detail, g_assert_null (bp_error_get_detail (NULL)));
  GUARD (bp_error_set_column, bp_error_set_column (NULL, "ref", NULL));
  /* Only a BP_ERROR error carries a column. */
  GUARD (bp_error_set_column, bp_error_set_column (other, "ref", NULL));
  g_assert_null (bp_error_get_column (other));
  g_assert_null (bp_error_get_column (NULL));
  g_assert_cmpint (bp_error_exit_code (NULL), ==, 74);
  bp_error_set_column (ours, "title", "action 1.1");
  g_assert_cmpstr (bp_error_get_column (ours), ==, "title");
  g_assert_cmpstr (bp_error_get_detail (ours), ==, "bad");
}

/* bp-import.h */
static void
test_import (Fixture *f, gconstpointer data)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static ("Ref,Action\n", 11);
  BpImportReport *report = NULL;
  GError *error = NULL;
  BpImportKind kind = BP_IMPORT_RISKS;

  GUARD (bp_import_kind_parse, g_assert_false (bp_import_kind_parse ("plan", NULL)));
  GUARD (bp_import_report_to_text, g_assert_null (bp_import_report_to_text (NULL)));
  GUARD (bp_import_new, g_assert_null (bp_import_new ((BpImportKind) 99)));
  GUARD (bp_import_get_kind, g_assert_cmpint (bp_import_get_kind (NULL), ==, BP_IMPORT_ACTIONS));
  GUARD (bp_import_set_kind, bp_import_set_kind (NULL, BP_IMPORT_RISKS));
  GUARD (bp_import_set_kind, bp_import_set_kind (f->import, (BpImportKind) 99));
  g_assert_cmpint (bp_import_get_kind (f->import), ==, BP_IMPORT_ACTIONS);
  GUARD (bp_import_set_source_path, bp_import_set_source_path (f->import, NULL));
  GUARD (bp_import_set_source_bytes, bp_import_set_source_bytes (f->import, NULL, "plan.csv"));
  GUARD (bp_import_set_source_bytes,
         bp_import_set_source_bytes ((BpImport *) f->db, bytes, "plan.csv"));
  GUARD (bp_import_get_source_name, g_assert_null (bp_import_get_source_name (NULL)));
  GUARD (bp_import_add_mapping,
         g_assert_false (bp_import_add_mapping (f->import, NULL, "ref", &error)));
  GUARD (bp_import_add_mapping,
         g_assert_false (bp_import_add_mapping (f->import, "Action", NULL, &error)));
  GUARD (bp_import_add_mapping_option,
         g_assert_false (bp_import_add_mapping_option (f->import, NULL, &error)));
  GUARD (bp_import_clear_mappings, bp_import_clear_mappings (NULL));
  GUARD (bp_import_set_date, bp_import_set_date (f->import, "31/02/2025"));
  GUARD (bp_import_set_fy_start_month, bp_import_set_fy_start_month (f->import, 13));
  GUARD (bp_import_list_fields, g_assert_null (bp_import_list_fields ((BpImportKind) 99)));
  GUARD (bp_import_field_label, g_assert_null (bp_import_field_label ((BpImportKind) 99, "ref")));
  GUARD (bp_import_field_label, g_assert_null (bp_import_field_label (BP_IMPORT_ACTIONS, NULL)));
  GUARD (bp_import_preview, g_assert_null (bp_import_preview (NULL, NULL, 10, &error)));
  GUARD (bp_import_preview,
         g_assert_null (bp_import_preview (f->import, (BpDb *) f->import, 10, &error)));
  GUARD (bp_import_run, g_assert_false (bp_import_run (f->import, NULL, FALSE, &report, &error)));
  GUARD (bp_import_run, g_assert_false (bp_import_run (NULL, f->db, FALSE, &report, &error)));

  g_assert_no_error (error);
  g_assert_null (report);
  /* Not guards: an unknown name is FALSE, a NULL report nothing to free. */
  g_assert_false (bp_import_kind_parse (NULL, &kind));
  g_assert_cmpint (kind, ==, BP_IMPORT_RISKS);
  bp_import_report_free (NULL);
  bp_import_preview_free (NULL);
  /* The import is as it was, and still works. */
  bp_import_set_source_bytes (f->import, bytes, "plan.csv");
  g_assert_cmpstr (bp_import_get_source_name (f->import), ==, "plan.csv");
  g_assert_nonnull (bp_import_field_label (BP_IMPORT_ACTIONS, "ref"));
}

/* bp-translate.h */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-security"
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
test_translate (void)
{
  const char *no_text = NULL;
  GError *error = NULL;
  guint index = 99;

  GUARD (bp_translation_new_from_bytes,
         g_assert_null (bp_translation_new_from_bytes (NULL, "cy.mo", &error)));
  GUARD (bp_translation_new_from_file, g_assert_null (bp_translation_new_from_file (NULL, &error)));
  GUARD (bp_translation_load, g_assert_null (bp_translation_load (NULL, &error)));
  GUARD (bp_translation_get_n_messages,
         g_assert_cmpuint (bp_translation_get_n_messages (NULL), ==, 0));
  GUARD (bp_translate, g_assert_null (bp_translate (NULL, no_text)));
  GUARD (bp_translate_plural, g_assert_null (bp_translate_plural (NULL, "%d day", no_text, 2)));
  GUARD (bp_plural_forms_eval,
         g_assert_false (bp_plural_forms_eval ("nplurals=2; plural=(n != 1);", 1, NULL)));
  GUARD (bp_tr_month_name, g_assert_cmpstr (bp_tr_month_name (0), ==, ""));
  GUARD (bp_tr_month_abbrev, g_assert_cmpstr (bp_tr_month_abbrev (13), ==, ""));
  GUARD (bp_tr_printf, g_assert_null (bp_tr_printf (no_text)));
  GUARD (bp_trn_printf, g_assert_null (bp_trn_printf ("%lu day", no_text, 2, 2ul)));
  GUARD (bp_tr_join, g_assert_null (bp_tr_join (NULL, "English")));
  GUARD (bp_tr_join, g_assert_null (bp_tr_join ("Cymraeg", NULL)));

  g_assert_no_error (error);
  g_assert_cmpuint (index, ==, 99);
  /* Not guards: a NULL catalogue translates nothing, NULL is no language. */
  g_assert_cmpstr (bp_translate (NULL, "Red"), ==, "Red");
  g_assert_false (bp_language_parse (NULL, NULL));
  bp_translation_free (NULL);
  g_assert_null (bp_tr_date_long (NULL));
}
#pragma GCC diagnostic pop

static gboolean
on_record_cb (const BpCsvRecord *record, gpointer user_data)
{
  return TRUE;
}

/* bp-csv.h and bp-sample.h */
static void
test_csv_and_sample (void)
{
  g_autoptr (GBytes) bytes = g_bytes_new_static ("a,b\n", 4);
  BpCsvCallbacks callbacks = { on_record_cb, NULL };
  GError *error = NULL;

  GUARD (bp_csv_read, g_assert_false (bp_csv_read (NULL, &callbacks, NULL, NULL)));
  GUARD (bp_csv_read, g_assert_false (bp_csv_read (bytes, NULL, NULL, NULL)));
  GUARD (bp_sample_write, g_assert_null (bp_sample_write (NULL, &error)));
  g_assert_no_error (error);
  g_assert_true (bp_csv_read (bytes, &callbacks, NULL, NULL));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/guards/db", test_db);
  ADD ("/guards/db-writes", test_db_writes);
  ADD ("/guards/query", test_query);
  ADD ("/guards/import", test_import);
#undef ADD
  g_test_add_func ("/guards/rules", test_rules);
  g_test_add_func ("/guards/dates", test_dates);
  g_test_add_func ("/guards/error", test_error);
  g_test_add_func ("/guards/translate", test_translate);
  g_test_add_func ("/guards/csv-and-sample", test_csv_and_sample);
  return g_test_run ();
}
