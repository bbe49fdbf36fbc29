/* bp-import-cells.c: what an import reads in a cell, apart from dates
 * (bp-dates.c): names and headers folded for matching, cells trimmed,
 * scores, RAG words, figures, percentages, polarities and responses.
 * Pure functions of the text, tested by tests/test-import-cells.c. */
#include <math.h>
#include <string.h>

#include "bp-import-private.h"
#include "bp-rules.h"

/* ------------------------------------------------------------------ names */

static gboolean
is_ascii (const char *s)
{
  for (; *s; s++)
    if ((guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

/* Lower-case letters and digits only: "Action No." -> "actionno". */
char *
bp_import_fold_key (const char *text)
{
  g_autofree char *folded = NULL;
  GString *s;

  if (text == NULL)
    text = "";
  if (is_ascii (text))
    {
      char *out = g_malloc (strlen (text) * 7 + 1), *o = out;

      for (const char *p = text; *p; p++)
        {
          if (g_ascii_isalnum (*p))
            *o++ = g_ascii_tolower (*p);
          else if (*p == '%')
            o = g_stpcpy (o, "percent");
          else if (*p == '#')
            o = g_stpcpy (o, "no");
          else if (*p == '&')
            o = g_stpcpy (o, "and");
        }
      *o = '\0';
      return out;
    }
  folded = g_utf8_casefold (text, -1);
  s = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '%')
        g_string_append (s, "percent");
      else if (c == '#')
        g_string_append (s, "no");
      else if (c == '&')
        g_string_append (s, "and");
      else if (g_unichar_isalnum (c))
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* Names of people, organisations and priorities match case-insensitively,
 * with runs of spaces as one. */
char *
bp_import_fold_name (const char *text)
{
  g_autofree char *folded = is_ascii (text) ? g_ascii_strdown (text, -1)
                                            : g_utf8_casefold (text, -1);
  GString *s = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (s->len && s->str[s->len - 1] != ' ')
            g_string_append_c (s, ' ');
        }
      else
        g_string_append_c (s, *p);
    }
  if (s->len && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

/* A cell without the spaces around it, no-break spaces included, and
 * without the apostrophe an export puts before text a spreadsheet would
 * run as a formula ("'=SUM(...)", "'-5% budget"), so that an export
 * imports back as it was. */
char *
bp_import_trim_cell (const char *cell)
{
  const char *start = cell, *end;

  /* (A carriage return in a cell was read as a line feed.) */
  if (cell && cell[0] == '\'' && cell[1] && strchr ("=+-@\t\r\n", cell[1]))
    return g_strdup (cell + 1);

  if (cell == NULL)
    return g_strdup ("");
  end = cell + strlen (cell);
  for (;;)
    {
      if (start < end && g_ascii_isspace (*start))
        start++;
      else if (end - start >= 2 && (guchar) start[0] == 0xC2 && (guchar) start[1] == 0xA0)
        start += 2;
      else
        break;
    }
  for (;;)
    {
      if (end > start && g_ascii_isspace (end[-1]))
        end--;
      else if (end - start >= 2 && (guchar) end[-2] == 0xC2 && (guchar) end[-1] == 0xA0)
        end -= 2;
      else
        break;
    }
  return g_strndup (start, end - start);
}

/* A name as it is kept: trimmed, runs of spaces as one. */
char *
bp_import_tidy_name (const char *text)
{
  g_autofree char *t = bp_import_trim_cell (text);
  GString *s = g_string_new (NULL);

  for (const char *p = t; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (s->len && s->str[s->len - 1] != ' ')
            g_string_append_c (s, ' ');
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static gboolean
is_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

/* ----------------------------------------------------------------- values */

/* "4", "4 - Likely", "Likely", "Almost certain": a score on the 1-5 scale. */
gboolean
bp_import_parse_score (const char *text, gboolean likelihood, int *out)
{
  static const char *const l_words[] = { "rare", "unlikely", "possible", "likely",
                                         "almost certain" };
  static const char *const i_words[] = { "negligible", "minor", "moderate", "major",
                                         "critical" };
  g_autofree char *folded = NULL;
  char *end = NULL;
  double v;

  if (is_empty (text))
    {
      *out = 0;
      return TRUE;
    }
  v = g_ascii_strtod (text, &end);
  if (end != text)
    {
      /* A number, perhaps followed by its word: "4 - Likely", "4 (Likely)". */
      while (*end && (g_ascii_isspace (*end) || *end == '-' || *end == '(' || *end == ':'))
        end++;
      if (*end && !g_ascii_isalpha (*end))
        return FALSE;
      if (v != floor (v) || v < 1 || v > 5)
        return FALSE;
      *out = (int) v;
      return TRUE;
    }
  folded = bp_import_fold_name (text);
  for (int i = 0; i < 5; i++)
    if (g_str_equal (folded, likelihood ? l_words[i] : i_words[i]))
      {
        *out = i + 1;
        return TRUE;
      }
  /* The other common impact scale's ends. */
  if (!likelihood && g_str_equal (folded, "insignificant"))
    return (*out = 1), TRUE;
  if (!likelihood && g_str_equal (folded, "catastrophic"))
    return (*out = 5), TRUE;
  if (likelihood && g_str_equal (folded, "almost certainly"))
    return (*out = 5), TRUE;
  return FALSE;
}

/* RAG words as bp_rag_parse() reads them, and a few more that plans use:
 * "Green (on track)", "G - on track", "Not yet started", "Done". */
gboolean
bp_import_parse_rag (const char *text, BpRag *out)
{
  g_autofree char *folded = NULL;
  const char *cut;

  if (bp_rag_parse (text, out))
    return TRUE;
  folded = bp_import_fold_name (text);
  if (g_str_equal (folded, "not yet started"))
    return (*out = BP_RAG_NOT_STARTED), TRUE;
  if (g_str_equal (folded, "done"))
    return (*out = BP_RAG_BLUE), TRUE;
  /* A RAG word and its explanation. */
  if ((cut = strchr (folded, '(')) || (cut = strstr (folded, " - ")))
    {
      g_autofree char *first = g_strndup (folded, cut - folded);

      if (*g_strstrip (first) && bp_rag_parse (first, out))
        return TRUE;
    }
  return FALSE;
}

/* "No value": what official statistics write where there is no figure
 * (z not applicable, x unavailable, c confidential, u low reliability). */
static gboolean
is_no_value (const char *text)
{
  static const char *const marks[] = { "", "z", "x", "c", "u", "..", ".", "-", ":", "n/a",
                                       "na", "–", "—" };
  g_autofree char *folded = g_ascii_strdown (text, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_equal (folded, marks[i]))
      return TRUE;
  return FALSE;
}

/* "93.2%", "£1,234", "1 383", "(z)": a figure, or NAN for no value. Sets
 * *@unit to "%" or "£" when the text carries one. */
gboolean
bp_import_parse_number (const char *text, double *out, const char **unit)
{
  GString *s = g_string_new (NULL);
  g_autofree char *digits = NULL;
  char *end = NULL;
  double v;

  if (unit)
    *unit = NULL;
  if (is_no_value (text))
    {
      g_string_free (s, TRUE);
      *out = NAN;
      return TRUE;
    }
  for (const char *p = text; *p; p++)
    {
      if (*p == ',' || *p == ' ')
        continue;
      if (*p == '%')
        {
          if (unit)
            *unit = "%";
          continue;
        }
      if (g_str_has_prefix (p, "£"))
        {
          if (unit)
            *unit = "£";
          p += strlen ("£") - 1;
          continue;
        }
      if (g_str_has_prefix (p, "\xC2\xA0"))
        {
          p++;
          continue;
        }
      g_string_append_c (s, *p);
    }
  digits = g_string_free (s, FALSE);
  if (*digits == '\0' || !(g_ascii_isdigit (*digits) || *digits == '-' || *digits == '+'
                           || *digits == '.'))
    return FALSE;
  v = g_ascii_strtod (digits, &end);
  if (end == digits || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

gboolean
bp_import_parse_percent (const char *text, int *out)
{
  double v;

  if (!bp_import_parse_number (text, &v, NULL) || isnan (v) || v < 0 || v > 100)
    return FALSE;
  *out = (int) lround (v);
  return TRUE;
}

gboolean
bp_import_parse_polarity (const char *text, BpPolarity *out)
{
  g_autofree char *folded = bp_import_fold_key (text);

  if (bp_polarity_parse (text, out))
    return TRUE;
  if (g_str_has_prefix (folded, "high") || g_str_has_prefix (folded, "up")
      || g_str_has_prefix (folded, "increase") || g_str_has_prefix (folded, "more"))
    *out = BP_POLARITY_HIGHER;
  else if (g_str_has_prefix (folded, "low") || g_str_has_prefix (folded, "down")
           || g_str_has_prefix (folded, "decrease") || g_str_has_prefix (folded, "less")
           || g_str_has_prefix (folded, "fewer"))
    *out = BP_POLARITY_LOWER;
  else if (g_str_has_prefix (folded, "target") || g_str_has_prefix (folded, "closeto"))
    *out = BP_POLARITY_TARGET;
  else
    return FALSE;
  return TRUE;
}

/* Treat, tolerate, transfer, terminate (the first word decides). */
gboolean
bp_import_parse_response (const char *text, char **out)
{
  static const char *const ts[] = { "treat", "tolerate", "transfer", "terminate" };
  g_autofree char *key = bp_import_fold_key (text);

  for (gsize i = 0; i < G_N_ELEMENTS (ts); i++)
    if (g_str_has_prefix (key, ts[i]))
      {
        *out = g_strdup (ts[i]);
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------ blank cells */

gboolean
bp_import_cell_is_blank (const char *cell)
{
  for (const char *p = cell; p && *p; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
        {
          p++;
          continue;
        }
      return FALSE;
    }
  return TRUE;
}

gboolean
bp_import_record_is_blank (const BpCsvRecord *rec)
{
  for (guint i = 0; i < rec->n_cells; i++)
    if (!bp_import_cell_is_blank (rec->cells[i]))
      return FALSE;
  return TRUE;
}
