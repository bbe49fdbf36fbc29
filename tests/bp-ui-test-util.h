/* bp-ui-test-util.h: helpers for the widget tests (header-only). */
#pragma once

#include <adwaita.h>

#include "bp-test-util.h"

/* Runs the main loop until nothing is pending (idle reloads included). */
static inline void
bp_ui_flush (void)
{
  for (int i = 0; i < 50 && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

/* A condition bp_ui_wait_until() waits for. */
typedef gboolean (*BpUiCondition) (gpointer data);

static inline gboolean
bp_ui_wait_tick_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until @condition (@data) holds, for at most
 * @timeout_ms; returns whether it holds (so: g_assert_true). The loop
 * wakes at least every 10 ms, so that a condition no source of this
 * context reports (a file written by another thread, the clock) is seen
 * too. Never a sleep: whatever the main loop has to do goes on meanwhile. */
static inline gboolean
bp_ui_wait_until (BpUiCondition condition, gpointer data, guint timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint tick;
  gboolean holds;

  if (condition (data))
    return TRUE;
  tick = g_timeout_add (10, bp_ui_wait_tick_cb, NULL);
  while (!(holds = condition (data)) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (tick);
  return holds;
}

/* A fresh copy of the sample programme in @dir, written by the binary. */
static inline char *
bp_ui_write_sample (const char *dir)
{
  char *path = g_build_filename (dir, "sample.boardpack", NULL);
  const char *argv[] = { g_getenv ("BOARDPACK"), "sample", path, NULL };
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return path;
}

/* The first descendant of @root of type @type (depth first), or NULL. */
static inline GtkWidget *
bp_ui_find_type (GtkWidget *root, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = bp_ui_find_type (c, type);

      if (found)
        return found;
    }
  return NULL;
}

/* The first descendant of @root with @name (gtk_widget_set_name or the
 * template id is not visible here, so tests name what they need). */
static inline GtkWidget *
bp_ui_find_named (GtkWidget *root, const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = bp_ui_find_named (c, name);

      if (found)
        return found;
    }
  return NULL;
}
