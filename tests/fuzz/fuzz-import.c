/* fuzz-import.c: libFuzzer target for the CSV import path.
 *
 * Bytes in, import into a scratch programme. The first byte chooses the
 * kind (actions, risks, measures, updates: its low two bits), whether the
 * window's preview runs instead of a plain import (bit 2), and whether a
 * --map is added (bit 3); the rest is the CSV source. Every import is a
 * dry run: the whole write path (lookups, creating priorities, people and
 * organisations, inserts, updates, the audit and search triggers) runs
 * inside the transaction and is rolled back, so the scratch programme is
 * the same for every input and a crash reproduces from its input alone.
 * The preview makes that same dry run against the programme, then reads
 * the source again without it, as the window does.
 *
 * The scratch programme is an in-memory database (bp_db_create() of
 * ":memory:"): the same schema, triggers and SQL as a file, with no file
 * to lock, journal or read back after each rollback.
 *
 * Built and run by tests/fuzz/run-fuzz.sh (clang -fsanitize=fuzzer,address).
 */
#include <glib.h>
#include <stdint.h>
#include <stdlib.h>

#include "bp-db.h"
#include "bp-import.h"

static BpDb *db;

static void
add_fixtures (void)
{
  g_autoptr (GError) error = NULL;
  BpOrganisation org = { 0, "BCP Council", "council" };
  BpPerson person = { 0, "Head of SEND", NULL, NULL, 0 };
  BpPriority priority = { 0, "P1", "Leadership, Management and Governance", 0, 1 };
  g_autoptr (BpAction) action = bp_action_new ();
  g_autoptr (BpRisk) risk = bp_risk_new ();
  g_autoptr (BpMeasure) measure = bp_measure_new ();
  BpMitigation mitigation = { 0 };

  /* Something of each kind to match, so the "already there" paths run. */
  if (!bp_db_insert_organisation (db, &org, &error) || !bp_db_insert_person (db, &person, &error)
      || !bp_db_insert_priority (db, &priority, &error))
    g_error ("fuzz set-up: %s", error->message);
  action->ref = g_strdup ("1.1");
  action->priority_id = priority.id;
  action->title = g_strdup ("Set up the board");
  action->owner_id = person.id;
  risk->ref = g_strdup ("R1");
  risk->title = g_strdup ("Not enough specialist places");
  measure->title = g_strdup ("Annual review backlog");
  if (!bp_db_insert_action (db, action, &error) || !bp_db_insert_risk (db, risk, &error)
      || !bp_db_insert_measure (db, measure, &error))
    g_error ("fuzz set-up: %s", error->message);
  mitigation.risk_id = risk->id;
  mitigation.description = "Expand resourced provision";
  if (!bp_db_insert_mitigation (db, &mitigation, &error))
    g_error ("fuzz set-up: %s", error->message);
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  /* SQLite's name for a database in memory; bp_db_create() passes it on.
   * (Run from a folder with no file of that name: run-fuzz.sh runs in
   * _build-fuzz.) */
  db = bp_db_create (":memory:", "Fuzz", &error);
  if (db == NULL)
    g_error ("fuzz set-up: %s", error->message);
  add_fixtures ();
  /* A critical or a warning from GLib is a bug the fuzzer found. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const char *const maps[] = { "Ref=ref", "Description=title", "Period=period",
                                      "Value=value" };
  g_autoptr (BpImport) imp = NULL;
  g_autoptr (BpImportReport) report = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  guint8 control;

  if (size < 1)
    return 0;
  control = data[0];
  bytes = g_bytes_new (data + 1, size - 1);
  imp = bp_import_new ((BpImportKind) (control & 3));
  bp_import_set_source_bytes (imp, bytes, "fuzz.csv");
  bp_import_set_date (imp, "2025-06-30");
  if (control & 8)
    bp_import_add_mapping_option (imp, maps[(control >> 4) & 3], NULL);

  if (control & 4)
    {
      /* The window's preview: the dry run, then the source read alone. */
      g_autoptr (BpImportPreview) preview = bp_import_preview (imp, db, 5, &error);

      if (preview == NULL || preview->report == NULL || preview->report->written
          || !preview->report->dry_run || preview->columns == NULL || preview->rows == NULL
          || preview->rows->len > 5 || preview->rows->len != preview->row_numbers->len)
        abort ();
      return 0;
    }
  bp_import_run (imp, db, TRUE, &report, &error);
  /* A dry run never writes; and it reports what it found. */
  if (report == NULL || report->written || (error == NULL) != (report->n_errors == 0))
    abort ();
  return 0;
}
