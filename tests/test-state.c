/* test-state.c: the programme as a pack shows it, live and as a
 * snapshot froze it. */
#include "bp-db-private.h"
#include "bp-state.h"
#include "bp-test-util.h"

typedef struct
{
  char *dir;
  char *path;
  BpDb *db;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;

  f->dir = bp_test_tmpdir ();
  f->path = g_build_filename (f->dir, "plan.boardpack", NULL);
  f->db = bp_db_create (f->path, "Test programme", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->db);
  bp_test_rmdir (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

/* An empty programme reads as an empty live state. */
static void
test_live_empty (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpState) state = bp_db_load_state (f->db, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (state);
  g_assert_cmpint (state->frozen, ==, BP_STATE_LIVE);
  g_assert_null (state->taken_at);
  g_assert_cmpuint (state->actions->len, ==, 0);
  g_assert_cmpuint (state->bands->len, ==, 4);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(name, fn) g_test_add (name, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/state/live-empty", test_live_empty);
#undef ADD
  return g_test_run ();
}
