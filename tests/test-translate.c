/* test-translate.c: the pack's catalogues, as the binary carries them, and
 * the refusal of a language whose catalogue is missing or unreadable. */
#include <gio/gio.h>
#include <string.h>

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

/* The Plural-Forms line of po/cy.po, its quoted lines joined. */
static char *
welsh_plural_forms (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "po", "cy.po", NULL);
  g_autofree char *po = NULL;
  g_auto (GStrv) lines = NULL;
  GString *forms = NULL;

  g_assert_true (g_file_get_contents (path, &po, NULL, NULL));
  lines = g_strsplit (po, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (forms == NULL && g_str_has_prefix (lines[i], "\"Plural-Forms: "))
        forms = g_string_new (NULL);
      else if (forms != NULL && lines[i][0] != '"')
        break;
      if (forms != NULL)
        {
          /* Drop the quotes and an escaped line end. */
          g_string_append_len (forms, lines[i] + 1, strlen (lines[i]) - 2);
          if (g_str_has_suffix (forms->str, "\\n"))
            g_string_truncate (forms, forms->len - 2);
        }
    }
  g_assert_nonnull (forms);
  return g_string_free (forms, FALSE);
}

static guint
plural (const char *rule, gulong n)
{
  guint index = G_MAXUINT;

  g_assert_true (bp_plural_forms_eval (rule, n, &index));
  return index;
}

/* The rule is the catalogue's, not one written into the code. */
static void
test_plural_forms (void)
{
  g_autofree char *welsh = welsh_plural_forms ();
  static const guint welsh_forms[] = { 0, 1, 2, 3, 5, 5, 4, 5, 5, 5, 5, 5 };
  const char *english = "nplurals=2; plural=(n != 1);";
  const char *french = "Plural-Forms: nplurals=2; plural=(n > 1);\n";
  const char *polish = "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && "
                       "(n%100<10 || n%100>=20) ? 1 : 2);";
  const char *japanese = "nplurals=1; plural=0;";
  const char *irish = "nplurals=5; plural=n==1 ? 0 : n==2 ? 1 : (n>2 && n<7) ? 2 :(n>6 && n<11) ? 3 : 4;";
  static const char *const broken[] = {
    "nplurals=2; plural=(n != 1;",  /* unbalanced */
    "nplurals=2; plural=n ! 1;",    /* no such operator */
    "nplurals=2; plural=n % 0;",    /* division by zero */
    "nplurals=2; plural=n ? 1;",    /* ?: without : */
    "nplurals=2; plural=n == 1 ? 0 : 1 2;",
    "nplurals=2; plural=x;",
    "nplurals=2; plural=;",
    "nplurals=2; plural=n + 5;",    /* an index not below nplurals */
    "nplurals=; plural=n != 1;",
    "plural=(n != 1);",             /* no nplurals */
    "nplurals=2;",                  /* no plural */
    "Language: cy\n",               /* no Plural-Forms at all */
    "",
  };
  g_autoptr (GString) deep = g_string_new ("nplurals=2; plural=");
  guint index;

  g_assert_true (g_str_has_prefix (welsh, "Plural-Forms: nplurals=6; plural="));
  for (gulong n = 0; n < G_N_ELEMENTS (welsh_forms); n++)
    g_assert_cmpuint (plural (welsh, n), ==, welsh_forms[n]);
  g_assert_cmpuint (plural (welsh, 106), ==, 5);

  g_assert_cmpuint (plural (english, 0), ==, 1);
  g_assert_cmpuint (plural (english, 1), ==, 0);
  g_assert_cmpuint (plural (english, 2), ==, 1);
  g_assert_cmpuint (plural (french, 0), ==, 0);
  g_assert_cmpuint (plural (french, 1), ==, 0);
  g_assert_cmpuint (plural (french, 2), ==, 1);
  g_assert_cmpuint (plural (polish, 1), ==, 0);
  g_assert_cmpuint (plural (polish, 3), ==, 1);
  g_assert_cmpuint (plural (polish, 5), ==, 2);
  g_assert_cmpuint (plural (polish, 12), ==, 2);
  g_assert_cmpuint (plural (polish, 22), ==, 1);
  g_assert_cmpuint (plural (polish, 112), ==, 2);
  g_assert_cmpuint (plural (japanese, 1), ==, 0);
  g_assert_cmpuint (plural (japanese, 7), ==, 0);
  g_assert_cmpuint (plural (irish, 2), ==, 1);
  g_assert_cmpuint (plural (irish, 5), ==, 2);
  g_assert_cmpuint (plural (irish, 9), ==, 3);
  g_assert_cmpuint (plural (irish, 11), ==, 4);
  g_assert_cmpuint (plural ("nplurals=3; plural=!(n - 1) ? 0 : n * 2 / 4 <= 1 ? 1 : 2;", 3), ==, 1);

  /* A rule that cannot be read is English's, and says so. */
  for (gsize i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      index = G_MAXUINT;
      g_assert_false (bp_plural_forms_eval (broken[i], 1, &index));
      g_assert_cmpuint (index, ==, 0);
      g_assert_false (bp_plural_forms_eval (broken[i], 3, &index));
      g_assert_cmpuint (index, ==, 1);
    }
  g_assert_false (bp_plural_forms_eval (NULL, 0, &index));
  g_assert_cmpuint (index, ==, 1);

  /* Nesting deeper than any language needs is refused, not a crash. */
  for (int i = 0; i < 100000; i++)
    g_string_append_c (deep, '(');
  g_string_append_c (deep, 'n');
  g_assert_false (bp_plural_forms_eval (deep->str, 1, &index));
  g_assert_cmpuint (index, ==, 0);
}

/* The built-in catalogue's forms follow its own rule: the one form of
 * this message that differs is Welsh's "two" (n == 2). */
static void
test_plural_catalogue (void)
{
  g_autoptr (BpTranslation) cy = bp_translation_load ("cy", NULL);
  const char *one = "BRAG status by priority area (%u area).";
  const char *many = "BRAG status by priority area (%u areas).";

  g_assert_nonnull (cy);
  for (gulong n = 0; n < 12; n++)
    {
      const char *s = bp_translate_plural (cy, one, many, n);

      if (n == 2)
        g_assert_cmpstr (s, ==, "Statws BRAG yn ôl maes blaenoriaeth (%u faes).");
      else
        g_assert_cmpstr (s, ==, "Statws BRAG yn ôl maes blaenoriaeth (%u maes).");
    }
  g_assert_cmpstr (bp_translate_plural (cy, "no such message", "no such messages", 2), ==,
                   "no such messages");
}

/* The language a page says it is in, as bp_tr () writes it now. */
static void
test_language_tag (void)
{
  BpLanguage previous;

  g_assert_cmpstr (bp_tr_language_tag (), ==, "en-GB"); /* C.UTF-8: nothing translated */
  previous = bp_tr_push (BP_LANGUAGE_CY);
  g_assert_cmpstr (bp_tr_language_tag (), ==, "cy");
  bp_tr_push (BP_LANGUAGE_BILINGUAL);
  g_assert_cmpstr (bp_tr_language_tag (), ==, "cy");
  bp_tr_push (BP_LANGUAGE_EN);
  g_assert_cmpstr (bp_tr_language_tag (), ==, "en-GB");
  bp_tr_pop (previous);
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
  g_test_add_func ("/translate/plural-forms", test_plural_forms);
  g_test_add_func ("/translate/plural-catalogue", test_plural_catalogue);
  g_test_add_func ("/translate/language-tag", test_language_tag);
  return g_test_run ();
}
