/* bp-bench-writes.c: the cost of a write through the core, per row.
 *
 *   bp-bench-writes OUT.boardpack [--actions 100000] [--updates 100000]
 *                   [--edits 10000] [--single 50] [--cache-mb 0] [--undo]
 *
 * Creates OUT (it must not exist), then, in one bp_db_begin / bp_db_commit
 * as an import does: inserts the actions (bp_db_insert_action), adds the
 * progress updates to random actions (bp_db_add_update), and edits some
 * actions (bp_db_update_action: new title and percent). Then writes a few
 * updates each in a transaction of its own, as the window does. Every
 * write is validated, audited and indexed for search as usual.
 *
 * Prints `key: value` lines: the time of each phase, and microseconds per
 * row. The commit's time is mostly the full-text indexing of the rows the
 * transaction wrote (see src/core/bp-schema.c); `per_row.all` shares it out
 * over all the rows. The page cache is SQLite's default unless --cache-mb
 * is given; --undo records the transaction for undo, as the window does.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bp-db-private.h"
#include "bp-db.h"

static int opt_actions = 100000;
static int opt_updates = 100000;
static int opt_edits = 10000;
static int opt_single = 50;
static int opt_cache_mb = 0;
static gboolean opt_undo = FALSE;

static GOptionEntry entries[] = {
  { "actions", 0, 0, G_OPTION_ARG_INT, &opt_actions, "Actions to insert (default 100000)", "N" },
  { "updates", 0, 0, G_OPTION_ARG_INT, &opt_updates, "Progress updates to add (default 100000)", "N" },
  { "edits", 0, 0, G_OPTION_ARG_INT, &opt_edits, "Actions to edit (default 10000)", "N" },
  { "single", 0, 0, G_OPTION_ARG_INT, &opt_single,
    "Updates then written one per transaction (default 50)", "N" },
  { "cache-mb", 0, 0, G_OPTION_ARG_INT, &opt_cache_mb,
    "SQLite page cache in MiB (default 0: the core's own)", "MB" },
  { "undo", 0, 0, G_OPTION_ARG_NONE, &opt_undo, "Record the transaction for undo", NULL },
  { NULL },
};

/* splitmix64, fixed seed: the same rows every run. */
static guint64 rng_state = 0x5772697465733031ull;

static guint
rng_below (guint n)
{
  guint64 z = (rng_state += 0x9e3779b97f4a7c15ull);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  z ^= z >> 31;
  return (guint) (((z >> 32) * (guint64) n) >> 32);
}

static const char *const verbs[] = {
  "Review", "Improve", "Embed", "Introduce", "Agree", "Publish", "Train", "Audit",
};
static const char *const objects[] = {
  "the graduated approach", "EHC needs assessments", "the Local Offer", "annual reviews",
  "speech and language therapy waiting lists", "transition plans at 14+", "personal budgets",
};
static const char *const details[] = {
  "Staffing pressures in the team continue to affect capacity.",
  "Families gave positive feedback at the last forum.",
  "A revised timeline has been agreed with the lead officer.",
  "Training has been delivered to 120 practitioners.",
};

#define PICK(a) (a[rng_below (G_N_ELEMENTS (a))])
#define N_PRIORITIES 12

static gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

static void
report (const char *phase, gint64 t0, gint64 t1, int rows)
{
  g_print ("time.%s: %.3f s\n", phase, (t1 - t0) / 1e6);
  if (rows > 0)
    g_print ("per_row.%s: %.1f us\n", phase, (double) (t1 - t0) / rows);
}

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) ctx = g_option_context_new ("OUT.boardpack");
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree gint64 *action_ids = NULL;
  gint64 priority_ids[N_PRIORITIES], owner_id;
  gint64 t_start, t_begin, t0, t1, t_commit;
  int n_rows;
  const char *path;
  GStatBuf st;

  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_summary (ctx, "Times inserts, updates and edits through the Boardpack core.");
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("bp-bench-writes: %s\n", error ? error->message : "expected OUT.boardpack");
      return 2;
    }
  if (opt_actions < 1 || opt_updates < 0 || opt_edits < 0 || opt_edits > opt_actions
      || opt_single < 0 || opt_cache_mb < 0)
    {
      g_printerr ("bp-bench-writes: an option is out of range (see --help)\n");
      return 2;
    }
  path = argv[1];
  n_rows = opt_actions + opt_updates + opt_edits;

  t_start = now_us ();
  db = bp_db_create (path, "Write benchmark", &error);
  if (db == NULL)
    goto failed;
  if (opt_cache_mb > 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d", opt_cache_mb * 1024);

      sqlite3_exec (bp_db_get_handle (db), sql, NULL, NULL, NULL);
    }
  bp_db_set_undo_enabled (db, opt_undo);
  bp_db_set_actor (db, "bp-bench-writes");

  {
    BpPerson owner = { 0, "Alice Owner", "Head of SEND", NULL, 0 };

    if (!bp_db_insert_person (db, &owner, &error))
      goto failed;
    owner_id = owner.id;
  }
  for (int i = 0; i < N_PRIORITIES; i++)
    {
      g_autofree char *code = g_strdup_printf ("%d", i + 1);
      BpPriority p = { 0, code, (char *) PICK (objects), owner_id, i + 1 };

      if (!bp_db_insert_priority (db, &p, &error))
        goto failed;
      priority_ids[i] = p.id;
    }

  t_begin = now_us ();
  if (!bp_db_begin (db, &error))
    goto failed;

  action_ids = g_new0 (gint64, opt_actions);
  t0 = now_us ();
  for (int i = 0; i < opt_actions; i++)
    {
      int p = (int) ((gint64) i * N_PRIORITIES / opt_actions);
      char ref[32], start[16], due[16];
      BpAction a = { 0 };

      g_snprintf (ref, sizeof ref, "%d.%d", p + 1, i + 1);
      g_snprintf (start, sizeof start, "2024-%02u-%02u", 1 + rng_below (12), 1 + rng_below (28));
      g_snprintf (due, sizeof due, "2025-%02u-%02u", 1 + rng_below (12), 1 + rng_below (28));
      g_string_printf (text, "%s %s", PICK (verbs), PICK (objects));
      a.ref = ref;
      a.priority_id = priority_ids[p];
      a.title = text->str;
      a.description = rng_below (3) == 0 ? (char *) PICK (details) : NULL;
      a.owner_id = owner_id;
      a.start_date = start;
      a.due_date = due;
      a.rag = BP_RAG_NOT_STARTED;
      a.position = i + 1;
      if (!bp_db_insert_action (db, &a, &error))
        goto failed_rollback;
      action_ids[i] = a.id;
    }
  t1 = now_us ();
  report ("actions", t0, t1, opt_actions);

  t0 = now_us ();
  for (int i = 0; i < opt_updates; i++)
    {
      char date[16];
      BpUpdate u = { 0 };

      g_snprintf (date, sizeof date, "2025-%02d-%02u", 1 + i * 12 / MAX (opt_updates, 1),
                  1 + rng_below (28));
      g_string_printf (text, "%s %s. %s", PICK (verbs), PICK (objects), PICK (details));
      u.action_id = action_ids[rng_below (opt_actions)];
      u.date = date;
      u.author = "Alice Owner";
      u.rag = (BpRag) rng_below (BP_RAG_COUNT);
      u.commentary = text->str;
      u.next_steps = rng_below (2) ? (char *) PICK (details) : NULL;
      if (!bp_db_add_update (db, &u, &error))
        goto failed_rollback;
    }
  t1 = now_us ();
  report ("updates", t0, t1, opt_updates);

  t0 = now_us ();
  for (int i = 0; i < opt_edits; i++)
    {
      g_autoptr (BpAction) a = bp_db_get_action (db, action_ids[rng_below (opt_actions)], &error);

      if (a == NULL)
        goto failed_rollback;
      g_free (a->title);
      a->title = g_strdup_printf ("%s %s (revised)", PICK (verbs), PICK (objects));
      a->percent = (int) rng_below (101);
      if (!bp_db_update_action (db, a, &error))
        goto failed_rollback;
    }
  t1 = now_us ();
  report ("edits", t0, t1, opt_edits);

  t0 = now_us ();
  if (!bp_db_commit (db, &error))
    goto failed_rollback;
  t_commit = now_us ();
  report ("commit", t0, t_commit, 0);
  g_print ("time.transaction: %.3f s\n", (t_commit - t_begin) / 1e6);
  g_print ("per_row.all: %.1f us (%d rows, commit included)\n",
           (double) (t_commit - t_begin) / n_rows, n_rows);

  t0 = now_us ();
  for (int i = 0; i < opt_single; i++)
    {
      BpUpdate u = { 0, action_ids[rng_below (opt_actions)], "2025-12-01", "Alice Owner",
                     BP_RAG_GREEN, "Written on its own", NULL };

      if (!bp_db_add_update (db, &u, &error))
        goto failed;
    }
  t1 = now_us ();
  report ("single", t0, t1, opt_single);

  g_clear_object (&db);
  g_print ("time.total: %.3f s\n", (now_us () - t_start) / 1e6);
  if (g_stat (path, &st) == 0)
    g_print ("file_size: %" G_GINT64_FORMAT " bytes\n", (gint64) st.st_size);
  return 0;

failed_rollback:
  bp_db_rollback (db);
failed:
  g_printerr ("bp-bench-writes: %s\n", error ? error->message : "failed");
  return 1;
}
