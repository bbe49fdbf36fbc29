/* bp-translate.c: a document's fixed text in its own language.
 *
 * The Welsh catalogue, built into the binary (or the boardpack.mo that
 * $BOARDPACK_LOCALEDIR names), is read once per process, without the C
 * library's gettext (GNU MO format: a magic number, the number of
 * messages N, and the offsets of two tables of N (length, offset) pairs,
 * the originals sorted by strcmp, so a lookup is a binary search).
 * Plural forms follow the catalogue's own Plural-Forms rule; context is
 * not used by the pack's text. */
#include "bp-translate.h"

#include "bp-catalogues.h"
#include "bp-dates.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#define MO_MAGIC         0x950412deU
#define MO_MAGIC_SWAPPED 0xde120495U

/* Where bp-catalogues.gresource.xml puts the compiled catalogues. */
#define CATALOGUE_RESOURCE_PATH "/org/boardpack/Boardpack/catalogues/"

struct _BpTranslation
{
  GBytes *bytes;
  const guint8 *data;
  gsize length;
  gboolean swapped;
  guint32 n;
  guint32 originals;
  guint32 translations;
  const char *header; /* into data: "" when the catalogue has none */
};

static guint32
read_u32 (BpTranslation *t, gsize offset)
{
  guint32 v;

  memcpy (&v, t->data + offset, sizeof v);
  return t->swapped ? GUINT32_SWAP_LE_BE (v) : v;
}

/* The string at entry @i of the table at @table, or NULL when the entry
 * points outside the file or is not NUL-terminated. */
static const char *
entry (BpTranslation *t, guint32 table, guint32 i, guint32 *out_length)
{
  guint32 length = read_u32 (t, table + 8 * (gsize) i);
  guint32 offset = read_u32 (t, table + 8 * (gsize) i + 4);

  if ((gsize) offset + length >= t->length || t->data[offset + length] != '\0')
    return NULL;
  if (out_length != NULL)
    *out_length = length;
  return (const char *) t->data + offset;
}

G_DEFINE_QUARK (bp-translation-error-quark, bp_translation_error)

BpTranslation *
bp_translation_new_from_bytes (GBytes *bytes, const char *name, GError **error)
{
  g_autoptr (BpTranslation) t = g_new0 (BpTranslation, 1);
  guint32 magic;

  g_return_val_if_fail (bytes != NULL && name != NULL, NULL);

  t->bytes = g_bytes_ref (bytes);
  t->data = g_bytes_get_data (bytes, &t->length);
  if (t->length < 28)
    goto invalid;
  memcpy (&magic, t->data, sizeof magic);
  if (magic == MO_MAGIC_SWAPPED)
    t->swapped = TRUE;
  else if (magic != MO_MAGIC)
    goto invalid;
  if ((read_u32 (t, 4) >> 16) > 1) /* major revision */
    goto invalid;
  t->n = read_u32 (t, 8);
  t->originals = read_u32 (t, 12);
  t->translations = read_u32 (t, 16);
  if (t->n > t->length / 16
      || (gsize) t->originals + 8 * (gsize) t->n > t->length
      || (gsize) t->translations + 8 * (gsize) t->n > t->length)
    goto invalid;
  for (guint32 i = 0; i < t->n; i++)
    if (entry (t, t->originals, i, NULL) == NULL || entry (t, t->translations, i, NULL) == NULL)
      goto invalid;
  t->header = t->n > 0 && entry (t, t->originals, 0, NULL)[0] == '\0'
                ? entry (t, t->translations, 0, NULL)
                : "";
  return g_steal_pointer (&t);

invalid:
  g_set_error (error, BP_TRANSLATION_ERROR, BP_TRANSLATION_ERROR_UNREADABLE,
               _("%s is not a GNU message catalogue"), name);
  return NULL;
}

BpTranslation *
bp_translation_new_from_file (const char *path, GError **error)
{
  g_autoptr (GMappedFile) file = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_mapped_file_new (path, FALSE, &local_error);
  if (file == NULL)
    {
      g_set_error_literal (error, BP_TRANSLATION_ERROR,
                           g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT)
                               ? BP_TRANSLATION_ERROR_MISSING
                               : BP_TRANSLATION_ERROR_UNREADABLE,
                           local_error->message);
      return NULL;
    }
  bytes = g_mapped_file_get_bytes (file);
  return bp_translation_new_from_bytes (bytes, path, error);
}

void
bp_translation_free (BpTranslation *t)
{
  if (t == NULL)
    return;
  g_clear_pointer (&t->bytes, g_bytes_unref);
  g_free (t);
}

guint
bp_translation_get_n_messages (BpTranslation *t)
{
  g_return_val_if_fail (t != NULL, 0);
  return t->n > 0 && entry (t, t->originals, 0, NULL)[0] == '\0' ? t->n - 1 : t->n;
}

BpTranslation *
bp_translation_load (const char *lang, GError **error)
{
  const char *dir = g_getenv ("BOARDPACK_LOCALEDIR");
  g_autofree char *resource = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (lang != NULL, NULL);

  /* An override replaces the built-in catalogue rather than falling back
   * to it: whoever set it asked for that file. */
  if (dir != NULL && dir[0] != '\0')
    {
      g_autofree char *path
          = g_build_filename (dir, lang, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, BP_TRANSLATION_ERROR, BP_TRANSLATION_ERROR_MISSING,
                       _("%s does not exist (BOARDPACK_LOCALEDIR is set)"), path);
          return NULL;
        }
      return bp_translation_new_from_file (path, error);
    }

  resource = g_strconcat (CATALOGUE_RESOURCE_PATH, lang, ".mo", NULL);
  bytes = g_resource_lookup_data (bp_catalogues_get_resource (), resource,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, BP_TRANSLATION_ERROR, BP_TRANSLATION_ERROR_MISSING,
                   _("no catalogue for “%s” is built into this Boardpack"), lang);
      return NULL;
    }
  return bp_translation_new_from_bytes (bytes, resource, error);
}

/* The index of @msgid among the originals, or -1. */
static gint64
find (BpTranslation *t, const char *msgid)
{
  guint32 lo = 0, hi = t->n;

  while (lo < hi)
    {
      guint32 mid = lo + (hi - lo) / 2;
      int cmp = strcmp (msgid, entry (t, t->originals, mid, NULL));

      if (cmp == 0)
        return mid;
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }
  return -1;
}

const char *
bp_translate (BpTranslation *t, const char *msgid)
{
  gint64 i;
  const char *s;

  g_return_val_if_fail (msgid != NULL, NULL);
  if (t == NULL || msgid[0] == '\0' || (i = find (t, msgid)) < 0)
    return msgid;
  s = entry (t, t->translations, (guint32) i, NULL);
  return s[0] != '\0' ? s : msgid;
}

/* Plural-Forms */

/* Deeper than any real rule; keeps a hostile one off the stack. */
#define PLURAL_MAX_DEPTH 64

typedef struct
{
  const char *p;
  gulong n;
  int depth;
  gboolean failed;
} PluralParser;

static gulong plural_ternary (PluralParser *pp);

static void
plural_skip_spaces (PluralParser *pp)
{
  while (*pp->p == ' ' || *pp->p == '\t' || *pp->p == '\n' || *pp->p == '\r')
    pp->p++;
}

/* Takes @op when it comes next, and not as the start of a longer
 * operator ("<" is not "<=", "!" is not "!="). */
static gboolean
plural_accept (PluralParser *pp, const char *op)
{
  gsize len = strlen (op);

  plural_skip_spaces (pp);
  if (strncmp (pp->p, op, len) != 0)
    return FALSE;
  if (len == 1 && (op[0] == '<' || op[0] == '>' || op[0] == '!') && pp->p[1] == '=')
    return FALSE;
  pp->p += len;
  return TRUE;
}

static gulong
plural_fail (PluralParser *pp)
{
  pp->failed = TRUE;
  return 0;
}

static gulong
plural_primary (PluralParser *pp)
{
  plural_skip_spaces (pp);
  if (pp->failed)
    return 0;
  if (*pp->p == 'n' && !g_ascii_isalnum (pp->p[1]) && pp->p[1] != '_')
    {
      pp->p++;
      return pp->n;
    }
  if (g_ascii_isdigit (*pp->p))
    {
      gulong v = 0;

      while (g_ascii_isdigit (*pp->p))
        {
          if (v > G_MAXULONG / 10)
            return plural_fail (pp);
          v = v * 10 + (gulong) (*pp->p++ - '0');
        }
      return v;
    }
  if (plural_accept (pp, "("))
    {
      gulong v;

      if (++pp->depth > PLURAL_MAX_DEPTH)
        return plural_fail (pp);
      v = plural_ternary (pp);
      pp->depth--;
      if (!plural_accept (pp, ")"))
        return plural_fail (pp);
      return v;
    }
  return plural_fail (pp);
}

static gulong
plural_unary (PluralParser *pp)
{
  if (plural_accept (pp, "!"))
    {
      gulong v;

      if (++pp->depth > PLURAL_MAX_DEPTH)
        return plural_fail (pp);
      v = !plural_unary (pp);
      pp->depth--;
      return v;
    }
  return plural_primary (pp);
}

/* C's binary operators, loosest first; "<=" before "<" so that the
 * longer one is tried first. */
static const char *const plural_operators[][4] = {
  { "||" }, { "&&" }, { "==", "!=" }, { "<=", ">=", "<", ">" }, { "+", "-" }, { "*", "/", "%" },
};

static gulong
plural_apply (PluralParser *pp, const char *op, gulong a, gulong b)
{
  switch (op[0])
    {
    case '|': return a || b;
    case '&': return a && b;
    case '=': return a == b;
    case '!': return a != b;
    case '<': return op[1] == '=' ? a <= b : a < b;
    case '>': return op[1] == '=' ? a >= b : a > b;
    case '+': return a + b;
    case '-': return a - b;
    case '*': return a * b;
    case '/': return b != 0 ? a / b : plural_fail (pp);
    case '%': return b != 0 ? a % b : plural_fail (pp);
    default: return plural_fail (pp);
    }
}

/* The operands of && and || are both read, so that a fault in either is
 * seen whatever n is. */
static gulong
plural_binary (PluralParser *pp, guint level)
{
  gulong v;

  if (level == G_N_ELEMENTS (plural_operators))
    return plural_unary (pp);
  v = plural_binary (pp, level + 1);
  while (!pp->failed)
    {
      const char *op = NULL;

      for (guint k = 0; k < G_N_ELEMENTS (plural_operators[level]) && op == NULL; k++)
        if (plural_operators[level][k] != NULL && plural_accept (pp, plural_operators[level][k]))
          op = plural_operators[level][k];
      if (op == NULL)
        break;
      v = plural_apply (pp, op, v, plural_binary (pp, level + 1));
    }
  return v;
}

static gulong
plural_ternary (PluralParser *pp)
{
  gulong condition = plural_binary (pp, 0);
  gulong then, otherwise;

  if (pp->failed || !plural_accept (pp, "?"))
    return condition;
  if (++pp->depth > PLURAL_MAX_DEPTH)
    return plural_fail (pp);
  then = plural_ternary (pp);
  if (!plural_accept (pp, ":"))
    return plural_fail (pp);
  otherwise = plural_ternary (pp);
  pp->depth--;
  return condition ? then : otherwise;
}

gboolean
bp_plural_forms_eval (const char *header, gulong n, guint *out_index)
{
  const char *forms, *nplurals_at, *plural_at;
  g_autofree char *expression = NULL;
  gulong nplurals, value;
  PluralParser pp = { NULL, n, 0, FALSE };
  char *end;

  g_return_val_if_fail (out_index != NULL, FALSE);
  *out_index = n != 1;
  if (header == NULL)
    return FALSE;
  forms = strstr (header, "Plural-Forms:");
  forms = forms != NULL ? forms + strlen ("Plural-Forms:") : header;
  expression = g_strndup (forms, strcspn (forms, "\n"));
  nplurals_at = strstr (expression, "nplurals=");
  plural_at = strstr (expression, "plural=");
  if (nplurals_at == NULL || plural_at == NULL)
    return FALSE;
  nplurals = strtoul (nplurals_at + strlen ("nplurals="), &end, 10);
  if (end == nplurals_at + strlen ("nplurals=") || nplurals < 1)
    return FALSE;

  pp.p = plural_at + strlen ("plural=");
  value = plural_ternary (&pp);
  plural_skip_spaces (&pp);
  if (pp.failed || (*pp.p != ';' && *pp.p != '\0') || value >= nplurals)
    return FALSE;
  *out_index = (guint) value;
  return TRUE;
}

const char *
bp_translate_plural (BpTranslation *t, const char *msgid, const char *msgid_plural, gulong n)
{
  gint64 i;
  guint32 length;
  const char *s, *end;
  guint want;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);
  if (t == NULL || (i = find (t, msgid)) < 0)
    return n == 1 ? msgid : msgid_plural;
  s = entry (t, t->translations, (guint32) i, &length);
  end = s + length;
  bp_plural_forms_eval (t->header, n, &want);
  for (guint k = 0; k < want && s < end; k++)
    s += strlen (s) + 1;
  if (s >= end || s[0] == '\0')
    return n == 1 ? msgid : msgid_plural;
  return s;
}

/* The current document language */

static __thread BpLanguage current = BP_LANGUAGE_UI;

BpLanguage
bp_tr_push (BpLanguage language)
{
  BpLanguage previous = current;

  current = language;
  return previous;
}

void
bp_tr_pop (BpLanguage previous)
{
  current = previous;
}

BpLanguage
bp_tr_get_language (void)
{
  return current;
}

gboolean
bp_language_parse (const char *text, BpLanguage *out_language)
{
  static const struct { const char *name; BpLanguage language; } names[] = {
    { "en", BP_LANGUAGE_EN }, { "en-GB", BP_LANGUAGE_EN }, { "en_GB", BP_LANGUAGE_EN },
    { "english", BP_LANGUAGE_EN },
    { "cy", BP_LANGUAGE_CY }, { "cy-GB", BP_LANGUAGE_CY }, { "cy_GB", BP_LANGUAGE_CY },
    { "welsh", BP_LANGUAGE_CY }, { "cymraeg", BP_LANGUAGE_CY },
    { "bilingual", BP_LANGUAGE_BILINGUAL }, { "cy+en", BP_LANGUAGE_BILINGUAL },
  };

  if (text == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_ascii_strcasecmp (text, names[i].name) == 0)
      {
        if (out_language != NULL)
          *out_language = names[i].language;
        return TRUE;
      }
  return FALSE;
}

const char *
bp_language_to_string (BpLanguage language)
{
  switch (language)
    {
    case BP_LANGUAGE_EN: return "en";
    case BP_LANGUAGE_CY: return "cy";
    case BP_LANGUAGE_BILINGUAL: return "bilingual";
    case BP_LANGUAGE_UI:
    default:
      return "";
    }
}

const char *
bp_language_tag (BpLanguage language)
{
  return language == BP_LANGUAGE_CY || language == BP_LANGUAGE_BILINGUAL ? "cy" : "en-GB";
}

const char *
bp_tr_language_tag (void)
{
  const char *header;
  const char *field;

  if (bp_tr_get_language () != BP_LANGUAGE_UI)
    return bp_language_tag (bp_tr_get_language ());
  /* The header of the catalogue gettext uses; the msgids themselves are
   * UK English, so no catalogue is en-GB. */
  header = dgettext (GETTEXT_PACKAGE, "");
  field = header != NULL ? strstr (header, "Language: ") : NULL;
  if (field != NULL && strncmp (field + strlen ("Language: "), "cy", 2) == 0)
    return "cy";
  return "en-GB";
}

/* The Welsh catalogue, loaded once, for the life of the process; NULL,
 * with the reason in @out_error, when it cannot be read. */
static BpTranslation *
welsh_catalogue (const GError **out_error)
{
  static BpTranslation *catalogue;
  static GError *load_error;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      catalogue = bp_translation_load ("cy", &load_error);
      g_once_init_leave (&once, 1);
    }
  if (out_error != NULL)
    *out_error = load_error;
  return catalogue;
}

/* NULL (the Welsh text would stay in English) only when the catalogue
 * cannot be read, which bp_language_check() reports before anything is
 * written. */
static BpTranslation *
welsh (void)
{
  return welsh_catalogue (NULL);
}

gboolean
bp_language_check (BpLanguage language, GError **error)
{
  const GError *load_error = NULL;

  if (language != BP_LANGUAGE_CY && language != BP_LANGUAGE_BILINGUAL)
    return TRUE;
  if (welsh_catalogue (&load_error) != NULL)
    return TRUE;
  g_set_error (error, BP_TRANSLATION_ERROR, load_error->code,
               _("Cannot write in Welsh (cy): %s"), load_error->message);
  return FALSE;
}

static gboolean
has_directive (const char *s)
{
  for (const char *p = strchr (s, '%'); p != NULL; p = strchr (p + 2, '%'))
    {
      if (p[1] != '%')
        return TRUE;
      if (p[1] == '\0')
        break;
    }
  return FALSE;
}

char *
bp_tr_join (const char *cy, const char *en)
{
  g_return_val_if_fail (cy != NULL && en != NULL, NULL);
  if (current != BP_LANGUAGE_BILINGUAL)
    return g_strdup (current == BP_LANGUAGE_CY ? cy : en);
  if (g_strcmp0 (cy, en) == 0)
    return g_strdup (en);
  /* Sentences read better one under the other; words and headings side
   * by side. */
  return g_strconcat (cy, BP_TR_ENGLISH_BEGIN, strlen (en) > 48 ? "\n" : " / ", en,
                      BP_TR_ENGLISH_END, NULL);
}

char *
bp_tr_strip_marks (const char *text)
{
  GString *s;

  if (text == NULL)
    return NULL;
  s = g_string_new (text);
  g_string_replace (s, BP_TR_ENGLISH_BEGIN, "", 0);
  g_string_replace (s, BP_TR_ENGLISH_END, "", 0);
  return g_string_free (s, FALSE);
}

const char *
bp_tr_in (BpLanguage language, const char *msgid)
{
  switch (language)
    {
    case BP_LANGUAGE_EN: return msgid;
    case BP_LANGUAGE_CY:
    case BP_LANGUAGE_BILINGUAL:
      return bp_translate (welsh (), msgid);
    case BP_LANGUAGE_UI:
    default:
      return g_dgettext (GETTEXT_PACKAGE, msgid);
    }
}

static const char *
join_interned (const char *cy, const char *en)
{
  g_autofree char *joined = NULL;

  if (g_strcmp0 (cy, en) == 0 || has_directive (en))
    return cy;
  joined = bp_tr_join (cy, en);
  return g_intern_string (joined);
}

const char *
bp_tr (const char *msgid)
{
  if (current != BP_LANGUAGE_BILINGUAL)
    return bp_tr_in (current, msgid);
  return join_interned (bp_translate (welsh (), msgid), msgid);
}

const char *
bp_trn (const char *msgid, const char *msgid_plural, gulong n)
{
  const char *en = n == 1 ? msgid : msgid_plural;

  switch (current)
    {
    case BP_LANGUAGE_EN: return en;
    case BP_LANGUAGE_CY: return bp_translate_plural (welsh (), msgid, msgid_plural, n);
    case BP_LANGUAGE_BILINGUAL:
      return join_interned (bp_translate_plural (welsh (), msgid, msgid_plural, n), en);
    case BP_LANGUAGE_UI:
    default:
      return g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);
    }
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static char *
vjoin (const char *cy_format, const char *en_format, va_list args)
{
  g_autofree char *cy = NULL;
  g_autofree char *en = NULL;
  va_list copy;

  if (current != BP_LANGUAGE_BILINGUAL)
    return g_strdup_vprintf (current == BP_LANGUAGE_CY ? cy_format : en_format, args);
  va_copy (copy, args);
  cy = g_strdup_vprintf (cy_format, copy);
  va_end (copy);
  en = g_strdup_vprintf (en_format, args);
  return bp_tr_join (cy, en);
}
#pragma GCC diagnostic pop

char *
bp_tr_printf (const char *msgid_format, ...)
{
  va_list args;
  char *s;

  g_return_val_if_fail (msgid_format != NULL, NULL);
  va_start (args, msgid_format);
  if (current == BP_LANGUAGE_UI)
    s = vjoin (NULL, g_dgettext (GETTEXT_PACKAGE, msgid_format), args);
  else if (current == BP_LANGUAGE_EN)
    s = vjoin (NULL, msgid_format, args);
  else
    s = vjoin (bp_translate (welsh (), msgid_format), msgid_format, args);
  va_end (args);
  return s;
}

char *
bp_trn_printf (const char *msgid, const char *msgid_plural, gulong n, ...)
{
  va_list args;
  char *s;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);
  va_start (args, n);
  if (current == BP_LANGUAGE_UI)
    s = vjoin (NULL, g_dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n), args);
  else if (current == BP_LANGUAGE_EN)
    s = vjoin (NULL, n == 1 ? msgid : msgid_plural, args);
  else
    s = vjoin (bp_translate_plural (welsh (), msgid, msgid_plural, n),
               n == 1 ? msgid : msgid_plural, args);
  va_end (args);
  return s;
}

/* Dates */

static const char *const en_days[] = {
  "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
};
static const char *const cy_days[] = {
  "Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener", "Dydd Sadwrn",
  "Dydd Sul",
};
static const char *const en_months[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};
static const char *const cy_months[] = {
  "Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin", "Gorffennaf", "Awst", "Medi",
  "Hydref", "Tachwedd", "Rhagfyr",
};
static const char *const en_abbrev[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
static const char *const cy_abbrev[] = {
  "Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag",
};

/* Welsh for the current language (bilingual included), English for
 * English; the locale's for BP_LANGUAGE_UI (NULL here). */
static gboolean
dates_in_welsh (void)
{
  return current == BP_LANGUAGE_CY || current == BP_LANGUAGE_BILINGUAL;
}

const char *
bp_tr_month_name (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return dates_in_welsh () ? cy_months[month - 1] : en_months[month - 1];
}

const char *
bp_tr_month_abbrev (int month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return dates_in_welsh () ? cy_abbrev[month - 1] : en_abbrev[month - 1];
}

char *
bp_tr_date_long (const char *iso)
{
  int y, m, d;
  guint wd, mi;
  GDate date;

  if (!bp_date_to_gdate (iso, &date))
    return NULL;
  y = g_date_get_year (&date);
  m = g_date_get_month (&date);
  d = g_date_get_day (&date);
  if (current == BP_LANGUAGE_UI)
    {
      char buf[128];

      if (g_date_strftime (buf, sizeof buf, "%A %-d %B %Y", &date) == 0)
        return NULL;
      return g_strdup (buf);
    }
  /* Bilingual documents write dates in words once, in Welsh (the first
   * language), and in figures after: 01/07/2025. */
  wd = ((guint) g_date_get_weekday (&date) + 6) % 7;
  mi = (guint) (m - 1) % 12;
  if (current == BP_LANGUAGE_BILINGUAL)
    return g_strdup_printf ("%s %d %s %d (%02d/%02d/%04d)", cy_days[wd], d, cy_months[mi], y,
                            d, m, y);
  return g_strdup_printf ("%s %d %s %d", (dates_in_welsh () ? cy_days : en_days)[wd],
                          d, (dates_in_welsh () ? cy_months : en_months)[mi], y);
}
