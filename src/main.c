/* main.c: the boardpack executable. With a verb it runs headless and
 * never initialises GTK; without one (or with files) it opens the window. */
#include <glib/gi18n.h>
#include <locale.h>

#include "bp-application.h"
#include "bp-cli.h"

int
main (int argc, char **argv)
{
  gint64 start = g_get_monotonic_time ();

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("boardpack");

  /* A word that is neither a verb nor a file is a mistyped verb, not a
   * file to open. */
  if (argc >= 2
      && (bp_cli_is_verb (argv[1]) || argv[1][0] == '-'
          || (!g_file_test (argv[1], G_FILE_TEST_EXISTS)
              && !g_str_has_suffix (argv[1], ".boardpack"))))
    return bp_cli_run (argc, argv);

  {
    g_autoptr (BpApplication) app = bp_application_new ();

    bp_application_set_start_time (app, start);
    return g_application_run (G_APPLICATION (app), argc, argv);
  }
}
