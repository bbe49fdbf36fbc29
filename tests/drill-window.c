/* drill-window.c: a window session that makes edits, for bench/drill.py.
 *
 *   drill-window FILE SEED
 *
 * Runs the real application on FILE (its window, its views, its idle
 * checkpoint, its handling of SIGTERM) and, from a timer, records
 * progress updates through the window's own connection, as the action
 * editor does: bursts of a few edits a few milliseconds apart, and now
 * and then a pause of a few seconds, long enough for the window to copy
 * its writes into the main file. After each commit it prints
 * "committed NOTE" on stdout. The drill kills it at a random moment and
 * checks that every printed note is in the file. */
#include <adwaita.h>
#include <stdio.h>

#include "bp-application.h"
#include "bp-db.h"
#include "bp-window.h"

static GRand *rng;
static guint n_edits;
static const char *const refs[] = { "1.1", "1.2", "2.1", "3.2", "4.1", "5.3", "6.2", "8.1" };

static BpDb *
window_db (GtkApplication *app)
{
  GList *windows = gtk_application_get_windows (app);

  for (GList *l = windows; l; l = l->next)
    if (BP_IS_WINDOW (l->data) && bp_window_get_db (l->data))
      return bp_window_get_db (l->data);
  return NULL;
}

static gboolean
on_edit_cb (gpointer data)
{
  GtkApplication *app = data;
  BpDb *db = window_db (app);
  g_autoptr (GError) error = NULL;
  g_autoptr (BpAction) action = NULL;
  g_autofree char *note = NULL;
  guint delay;

  if (db)
    {
      action = bp_db_find_action (db, refs[g_rand_int_range (rng, 0, G_N_ELEMENTS (refs))],
                                  &error);
      if (action == NULL)
        g_error ("drill-window: %s", error->message);
      note = g_strdup_printf ("drill-%u-%u", g_rand_int (rng), n_edits++);
      {
        BpUpdate u = { 0, action->id, "2026-11-30", "Drill",
                       g_rand_int_range (rng, BP_RAG_RED, BP_RAG_BLUE + 1), note, NULL };

        if (!bp_db_add_update (db, &u, &error))
          g_error ("drill-window: %s", error->message);
      }
      printf ("committed %s\n", note);
      fflush (stdout);
    }
  /* One edit in eight is followed by a pause past the window's idle
   * checkpoint; the rest come in quick succession. */
  delay = g_rand_int_range (rng, 0, 8) == 0 ? g_rand_int_range (rng, 2500, 3500)
                                            : g_rand_int_range (rng, 5, 60);
  g_timeout_add (delay, on_edit_cb, app);
  return G_SOURCE_REMOVE;
}

static void
on_startup_cb (GApplication *app, gpointer data)
{
  g_timeout_add (100, on_edit_cb, app);
}

int
main (int argc, char **argv)
{
  g_autoptr (BpApplication) app = NULL;
  char *args[3];

  if (argc != 3)
    {
      fprintf (stderr, "usage: drill-window FILE SEED\n");
      return 64;
    }
  rng = g_rand_new_with_seed ((guint32) g_ascii_strtoull (argv[2], NULL, 10));
  app = bp_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app))
                             | G_APPLICATION_NON_UNIQUE);
  g_signal_connect_after (app, "startup", G_CALLBACK (on_startup_cb), NULL);
  args[0] = argv[0];
  args[1] = argv[1];
  args[2] = NULL;
  return g_application_run (G_APPLICATION (app), 2, args);
}
