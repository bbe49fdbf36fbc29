/* test-translate.c: the pack's catalogues, as the binary carries them, and
 * the refusal of a language whose catalogue is missing or unreadable. */
#include <gio/gio.h>

#include "bp-test-util.h"
#include "bp-translate.h"

/* DIR/cy/LC_MESSAGES/boardpack.mo, its folders made; @contents NULL for
 * none. */
static char *
override_catalogue (const char *dir, const char *contents, gsize length)
{
  g_autofree char *folder = g_build_filename (dir, "cy", "LC_MESSAGES", NULL);
  char *path = g_build_filename (folder, "boardpack.mo", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  if (contents != NULL)
    g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  return path;
}

static void
remove_override (const char *dir)
{
  g_autofree char *folder = g_build_filename (dir, "cy", "LC_MESSAGES", NULL);
  g_autofree char *lang = g_build_filename (dir, "cy", NULL);

  bp_test_rmdir (folder);
  g_rmdir (lang);
  g_rmdir (dir);
  g_unsetenv ("BOARDPACK_LOCALEDIR");
}

/* The Welsh catalogue is in the binary: no file, no environment. */
static void
test_built_in (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpTranslation) cy = bp_translation_load ("cy", &error);

  g_assert_no_error (error);
  g_assert_nonnull (cy);
  g_assert_cmpuint (bp_translation_get_n_messages (cy), >, 1000);
  g_assert_cmpstr (bp_translate (cy, "Exception report"), ==, "Adroddiad eithriadau");
  g_assert_cmpstr (bp_translate (cy, "no such message"), ==, "no such message");

  g_assert_true (bp_language_check (BP_LANGUAGE_CY, &error));
  g_assert_no_error (error);
  g_assert_true (bp_language_check (BP_LANGUAGE_BILINGUAL, &error));
  g_assert_true (bp_language_check (BP_LANGUAGE_EN, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (bp_tr_in (BP_LANGUAGE_CY, "Exception report"), ==, "Adroddiad eithriadau");
}

/* A language the binary has no catalogue for is an error naming it. */
static void
test_unknown_language (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (BpTranslation) t = bp_translation_load ("gd", &error);

  g_assert_null (t);
  g_assert_error (error, BP_TRANSLATION_ERROR, BP_TRANSLATION_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, "“gd”"));
}

/* $BOARDPACK_LOCALEDIR replaces the built-in catalogue: a copy of it is
 * read, and a missing or damaged one is an error, never the built-in
 * catalogue in its place. */
static void
test_override (void)
{
  g_autofree char *dir = bp_test_tmpdir ();
  g_autoptr (BpTranslation) built_in = bp_translation_load ("cy", NULL);
  g_autoptr (BpTranslation) copy = NULL;
  g_autoptr (BpTranslation) t = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr (GBytes) bytes = g_resources_lookup_data ("/org/boardpack/Boardpack/catalogues/cy.mo",
                                                      G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  gsize length;
  const char *data;

  g_assert_nonnull (built_in);
  g_assert_nonnull (bytes);
  g_setenv ("BOARDPACK_LOCALEDIR", dir, TRUE);

  path = override_catalogue (dir, NULL, 0);
  t = bp_translation_load ("cy", &error);
  g_assert_null (t);
  g_assert_error (error, BP_TRANSLATION_ERROR, BP_TRANSLATION_ERROR_MISSING);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "BOARDPACK_LOCALEDIR"));
  g_clear_error (&error);

  g_free (override_catalogue (dir, "not a catalogue\n", 16));
  t = bp_translation_load ("cy", &error);
  g_assert_null (t);
  g_assert_error (error, BP_TRANSLATION_ERROR, BP_TRANSLATION_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, path));
  g_clear_error (&error);

  /* Cut short, its tables point past its end. */
  data = g_bytes_get_data (bytes, &length);
  g_free (override_catalogue (dir, data, length / 2));
  t = bp_translation_load ("cy", &error);
  g_assert_null (t);
  g_assert_error (error, BP_TRANSLATION_ERROR, BP_TRANSLATION_ERROR_UNREADABLE);
  g_clear_error (&error);

  g_free (override_catalogue (dir, data, length));
  copy = bp_translation_load ("cy", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bp_translation_get_n_messages (copy), ==,
                    bp_translation_get_n_messages (built_in));
  g_assert_cmpstr (bp_translate (copy, "Risk register"), ==, "Cofrestr risgiau");

  remove_override (dir);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* The built-in catalogue, whatever the developer's shell has set. */
  g_unsetenv ("BOARDPACK_LOCALEDIR");
  g_test_add_func ("/translate/built-in", test_built_in);
  g_test_add_func ("/translate/unknown-language", test_unknown_language);
  g_test_add_func ("/translate/override", test_override);
  return g_test_run ();
}
