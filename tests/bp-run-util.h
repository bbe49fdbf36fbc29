/* bp-run-util.h: running the built boardpack binary from a test
 * (header-only). */
#pragma once

#include "bp-test-util.h"

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

static inline void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs boardpack with the NULL-terminated arguments. */
static inline void
run (Run *r, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *exe = g_getenv ("BOARDPACK");
  const char *arg;
  va_list ap;
  int wait_status = 0;

  g_assert_nonnull (exe);
  g_ptr_array_add (argv, (char *) exe);
  va_start (ap, r);
  while ((arg = va_arg (ap, const char *)))
    g_ptr_array_add (argv, (char *) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  run_clear (r);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);
}
