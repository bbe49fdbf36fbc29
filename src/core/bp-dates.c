/* bp-dates.c: ISO and UK dates, and reading the dates people write in
 * spreadsheets. */
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "bp-dates.h"

typedef enum
{
  TOKEN_NUMBER,
  TOKEN_WORD,
  TOKEN_QUARTER, /* "q3": value is the quarter */
} TokenType;

typedef struct
{
  TokenType type;
  int value;      /* numbers and quarters */
  int n_digits;   /* numbers */
  const char *text; /* words: into the folded copy, not NUL-terminated */
  gsize len;
  char sep;       /* the separator before it: '/', '-', '.', ' ' or 0 when adjacent */
} Token;

#define MAX_TOKENS 8

static const char *const month_names[] = {
  "january", "february", "march", "april", "may", "june", "july",
  "august", "september", "october", "november", "december",
};

int
bp_month_from_name (const char *name, gsize len)
{
  char buf[16];

  if (name == NULL || len < 3 || len >= sizeof buf)
    return 0;
  for (gsize i = 0; i < len; i++)
    buf[i] = g_ascii_tolower (name[i]);
  buf[len] = '\0';
  if (g_str_equal (buf, "sept"))
    return 9;
  for (int m = 0; m < 12; m++)
    {
      /* Three letters or more of the name, or the whole of it. */
      if (len <= strlen (month_names[m]) && strncmp (month_names[m], buf, len) == 0
          && (len == 3 || len == strlen (month_names[m])))
        return m + 1;
    }
  return 0;
}

static gboolean
is_separator (char c)
{
  return c == '/' || c == '-' || c == '.' || c == ',' || c == '(' || c == ')' || c == '\\'
         || g_ascii_isspace (c);
}

/* Splits @s (folded to ASCII lower case) into numbers and words; FALSE
 * when it holds anything else (another script, symbols) or too many
 * pieces to be a date. */
static gboolean
tokenize (const char *s, Token *tokens, int *n_tokens)
{
  int n = 0;
  char sep = 0;

  for (const char *p = s; *p;)
    {
      Token *t;

      if (is_separator (*p))
        {
          /* The most telling separator wins: a slash or dash over a space. */
          if (sep == 0 || sep == ' ' || sep == ',' || sep == '(' || sep == ')')
            sep = g_ascii_isspace (*p) ? ' ' : *p;
          p++;
          continue;
        }
      if (n == MAX_TOKENS)
        return FALSE;
      t = &tokens[n++];
      t->sep = n == 1 ? 0 : sep;
      sep = 0;
      if (g_ascii_isdigit (*p))
        {
          gint64 v = 0;
          const char *start = p;

          while (g_ascii_isdigit (*p))
            {
              if (v < 100000000)
                v = v * 10 + (*p - '0');
              p++;
            }
          t->type = TOKEN_NUMBER;
          t->value = (int) v;
          t->n_digits = (int) (p - start);
          t->text = start;
          t->len = p - start;
        }
      else if (g_ascii_isalpha (*p))
        {
          const char *start = p;

          while (g_ascii_isalpha (*p))
            p++;
          t->type = TOKEN_WORD;
          t->text = start;
          t->len = p - start;
          /* "q3": a quarter */
          if (t->len == 1 && *start == 'q' && g_ascii_isdigit (*p) && !g_ascii_isdigit (p[1]))
            {
              t->type = TOKEN_QUARTER;
              t->value = *p - '0';
              p++;
            }
        }
      else
        return FALSE;
    }
  *n_tokens = n;
  return TRUE;
}

static gboolean
word_is (const Token *t, const char *word)
{
  return t->type == TOKEN_WORD && t->len == strlen (word) && strncmp (t->text, word, t->len) == 0;
}

static void
drop_token (Token *tokens, int *n, int i)
{
  memmove (&tokens[i], &tokens[i + 1], (*n - i - 1) * sizeof (Token));
  (*n)--;
}

static int
full_year (const Token *t)
{
  if (t->n_digits == 2)
    return 2000 + t->value;
  if (t->n_digits == 4)
    return t->value;
  return -1;
}

static char *
iso (int y, int m, int d)
{
  return g_strdup_printf ("%04d-%02d-%02d", y, m, d);
}

static char *
end_of_month (int y, int m)
{
  return iso (y, m, g_date_get_days_in_month (m, y));
}

/* The last day of the @months-th month counted from the first month of
 * the financial year that starts in @fy_year: months = 3 is the end of Q1. */
static char *
end_of_fy_months (int fy_year, int fy_start_month, int months)
{
  int m0 = (fy_start_month - 1) + months - 1;

  return end_of_month (fy_year + m0 / 12, m0 % 12 + 1);
}

static gboolean
year_ok (int y)
{
  return y >= 1900 && y <= 2199;
}

/* The first year of a financial year written as two years in a row
 * (2024/25, 2024/2025, 24/25), or -1. */
static int
financial_year (const Token *a, const Token *b)
{
  if (a->type != TOKEN_NUMBER || b->type != TOKEN_NUMBER)
    return -1;
  if (a->n_digits == 4 && b->n_digits == 2 && (a->value + 1) % 100 == b->value)
    return a->value;
  if (a->n_digits == 4 && b->n_digits == 4 && a->value + 1 == b->value)
    return a->value;
  if (a->n_digits == 2 && b->n_digits == 2 && (a->value + 1) % 100 == b->value)
    return 2000 + a->value;
  return -1;
}

static gboolean
is_financial_year (const Token *a, const Token *b)
{
  return financial_year (a, b) >= 0;
}

typedef struct
{
  BpDateKind kind;
  char *iso;
  char *problem;
} Result;

/* "“x” is not a date" when nothing more is known: the forms it may take. */
static char *
not_a_date (const char *text)
{
  return g_strdup_printf (_("“%s” is not a date (write it as 31/03/2025, Mar-25, "
                            "Q3 2024/25 or 2024/25)"),
                          text);
}

static BpDateKind
invalid (Result *r, const char *text, const char *why)
{
  r->kind = BP_DATE_INVALID;
  if (why)
    r->problem = g_strdup_printf (_("“%s” is not a date: %s"), text, why);
  else
    r->problem = not_a_date (text);
  return r->kind;
}

/* FALSE, with @r invalid, when @y or @m cannot be part of a date. */
static gboolean
year_and_month_ok (Result *r, const char *text, int y, int m)
{
  g_autofree char *why = NULL;

  if (!year_ok (y))
    why = g_strdup_printf (_("the year %d is out of range"), y);
  else if (m < 1 || m > 12)
    why = g_strdup_printf (_("there is no month %d"), m);
  else
    return TRUE;
  invalid (r, text, why);
  return FALSE;
}

static BpDateKind
day (Result *r, const char *text, int y, int m, int d)
{
  if (!year_and_month_ok (r, text, y, m))
    return r->kind;
  if (!g_date_valid_dmy (d, m, y))
    {
      g_autofree char *month = g_strdup (month_names[m - 1]);
      g_autofree char *why = NULL;

      month[0] = g_ascii_toupper (month[0]);
      why = g_strdup_printf (_("%s %d has %d days"), month, y, g_date_get_days_in_month (m, y));
      return invalid (r, text, why);
    }
  r->kind = BP_DATE_DAY;
  r->iso = iso (y, m, d);
  return r->kind;
}

static BpDateKind
period (Result *r, char *iso_date)
{
  r->kind = BP_DATE_PERIOD;
  r->iso = iso_date;
  return r->kind;
}

static BpDateKind
month_end (Result *r, const char *text, int y, int m)
{
  if (!year_and_month_ok (r, text, y, m))
    return r->kind;
  return period (r, end_of_month (y, m));
}

static BpDateKind
quarter_end (Result *r, const char *text, int q, const Token *y1, const Token *y2,
             int fy_start_month)
{
  if (q < 1 || q > 4)
    return invalid (r, text, _("a year has four quarters"));
  if (!is_financial_year (y1, y2))
    return invalid (r, text, _("a financial year is two years in a row, as in 2024/25"));
  if (!year_ok (financial_year (y1, y2)))
    return invalid (r, text, _("the year is out of range"));
  return period (r, end_of_fy_months (financial_year (y1, y2), fy_start_month, 3 * q));
}

static BpDateKind
parse_tokens (Result *r, const char *text, Token *t, int n, int fy_start_month)
{
  gboolean all_numbers = TRUE;

  /* Ordinals ("31st") and filler words ("by end of March 2025", "FY 2024/25"). */
  for (int i = 0; i < n;)
    {
      if (i > 0 && t[i].sep == 0 && t[i - 1].type == TOKEN_NUMBER
          && (word_is (&t[i], "st") || word_is (&t[i], "nd") || word_is (&t[i], "rd")
              || word_is (&t[i], "th")))
        drop_token (t, &n, i);
      else if (word_is (&t[i], "fy"))
        {
          if (i + 1 < n)
            t[i + 1].sep = t[i].sep;
          drop_token (t, &n, i);
        }
      else
        i++;
    }
  while (n > 1 && (word_is (&t[0], "by") || word_is (&t[0], "end") || word_is (&t[0], "of")
                   || word_is (&t[0], "the")))
    drop_token (t, &n, 0);

  for (int i = 0; i < n; i++)
    if (t[i].type != TOKEN_NUMBER)
      all_numbers = FALSE;

  if (n == 3 && all_numbers)
    {
      if (t[0].n_digits == 4 && t[1].n_digits <= 2 && t[2].n_digits <= 2)
        return day (r, text, t[0].value, t[1].value, t[2].value);
      if (t[0].n_digits <= 2 && t[1].n_digits <= 2
          && (t[2].n_digits == 2 || t[2].n_digits == 4))
        return day (r, text, full_year (&t[2]), t[1].value, t[0].value);
      return invalid (r, text, NULL);
    }
  if (n == 3 && t[0].type == TOKEN_NUMBER && t[1].type == TOKEN_WORD
      && t[2].type == TOKEN_NUMBER)
    {
      int m = bp_month_from_name (t[1].text, t[1].len);

      if (m == 0)
        return (r->kind = BP_DATE_WORDS);
      if (t[0].n_digits > 2 || (t[2].n_digits != 2 && t[2].n_digits != 4))
        return invalid (r, text, NULL);
      return day (r, text, full_year (&t[2]), m, t[0].value);
    }
  if (n == 2 && t[0].type == TOKEN_WORD && t[1].type == TOKEN_NUMBER)
    {
      int m = bp_month_from_name (t[0].text, t[0].len);

      if (m == 0)
        return (r->kind = BP_DATE_WORDS);
      if (t[1].n_digits != 2 && t[1].n_digits != 4)
        return invalid (r, text, NULL);
      return month_end (r, text, full_year (&t[1]), m);
    }
  if (n == 3 && t[0].type == TOKEN_QUARTER)
    return quarter_end (r, text, t[0].value, &t[1], &t[2], fy_start_month);
  if (n == 3 && t[2].type == TOKEN_QUARTER)
    return quarter_end (r, text, t[2].value, &t[0], &t[1], fy_start_month);
  if (n == 2 && t[0].type == TOKEN_QUARTER && t[1].type == TOKEN_NUMBER)
    return invalid (r, text, _("which financial year? Write it as, for example, Q3 2024/25"));
  if (n == 2 && all_numbers)
    {
      if (is_financial_year (&t[0], &t[1]) && t[1].sep != '.')
        {
          if (!year_ok (financial_year (&t[0], &t[1])))
            return invalid (r, text, _("the year is out of range"));
          return period (r, end_of_fy_months (financial_year (&t[0], &t[1]), fy_start_month, 12));
        }
      if (t[0].n_digits == 4 && t[1].n_digits <= 2 && (t[1].sep == '-' || t[1].sep == '/'))
        return month_end (r, text, t[0].value, t[1].value);
      if (t[0].n_digits <= 2 && (t[1].n_digits == 4 || t[1].n_digits == 2)
          && (t[1].sep == '/' || t[1].sep == '-'))
        return month_end (r, text, full_year (&t[1]), t[0].value);
      if (t[0].n_digits == 4 && (t[1].n_digits == 2 || t[1].n_digits == 4) && t[1].sep != '.')
        return invalid (r, text, _("a financial year is two years in a row, as in 2024/25"));
      return invalid (r, text, NULL);
    }
  if (n == 1 && all_numbers)
    {
      const Token *d = &t[0];

      if (d->n_digits == 4 && year_ok (d->value))
        return period (r, iso (d->value, 12, 31));
      if (d->n_digits == 6)
        {
          Token a = { TOKEN_NUMBER, d->value / 100, 4, NULL, 0, 0 };
          Token b = { TOKEN_NUMBER, d->value % 100, 2, NULL, 0, 0 };

          if (is_financial_year (&a, &b) && year_ok (a.value))
            return period (r, end_of_fy_months (a.value, fy_start_month, 12));
        }
      if (d->n_digits == 8)
        return day (r, text, d->value / 10000, d->value / 100 % 100, d->value % 100);
      return invalid (r, text, NULL);
    }
  if (all_numbers)
    return invalid (r, text, NULL);
  return (r->kind = BP_DATE_WORDS);
}

/* Drops a time of day after a date: "2025-03-31T00:00:00", "31/03/2025 00:00". */
static void
strip_time (char *s)
{
  char *colon = strchr (s, ':');
  char *cut;

  if (colon == NULL)
    return;
  for (cut = colon; cut > s && (g_ascii_isdigit (cut[-1])); cut--)
    ;
  if (cut > s && (cut[-1] == ' ' || cut[-1] == 't'))
    {
      for (const char *p = cut; *p; p++)
        if (!g_ascii_isdigit (*p) && *p != ':' && *p != '.' && *p != 'z' && *p != ' ')
          return;
      cut[-1] = '\0';
      g_strchomp (s);
    }
}

BpDateKind
bp_date_parse_loose (const char *text, int fy_start_month, char **out_iso, char **out_problem)
{
  g_autofree char *folded = NULL;
  g_autofree char *trimmed = NULL;
  Token tokens[MAX_TOKENS];
  int n = 0;
  Result r = { BP_DATE_EMPTY, NULL, NULL };

  if (out_iso)
    *out_iso = NULL;
  if (out_problem)
    *out_problem = NULL;
  if (fy_start_month < 1 || fy_start_month > 12)
    fy_start_month = 4;
  if (text == NULL)
    return BP_DATE_EMPTY;

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return BP_DATE_EMPTY;
  folded = g_ascii_strdown (trimmed, -1);
  strip_time (folded);

  if (!tokenize (folded, tokens, &n))
    r.kind = BP_DATE_WORDS;
  else if (n == 0)
    r.kind = BP_DATE_EMPTY; /* "-", "/": nothing written */
  else
    parse_tokens (&r, trimmed, tokens, n, fy_start_month);
  if (out_iso)
    *out_iso = g_steal_pointer (&r.iso);
  if (out_problem)
    *out_problem = g_steal_pointer (&r.problem);
  g_free (r.iso);
  g_free (r.problem);
  return r.kind;
}

/* ISO and UK dates */

gboolean
bp_date_is_valid (const char *text)
{
  int y, m, d;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  if (sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  return y >= 1 && g_date_valid_dmy (d, m, y);
}

gboolean
bp_date_to_gdate (const char *iso, GDate *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (!bp_date_is_valid (iso))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) g_ascii_strtoull (iso + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (iso + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (iso, NULL, 10));
  return TRUE;
}

char *
bp_date_from_gdate (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return iso (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

char *
bp_date_today (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

char *
bp_date_format_uk (const char *iso)
{
  if (!bp_date_is_valid (iso))
    return g_strdup (iso ? iso : "");
  return g_strdup_printf ("%.2s/%.2s/%.4s", iso + 8, iso + 5, iso);
}

char *
bp_date_format (const char *iso, const char *format)
{
  g_autoptr (GDateTime) dt = NULL;
  GDate d;

  g_return_val_if_fail (format != NULL, NULL);

  if (!bp_date_to_gdate (iso, &d))
    return g_strdup (iso ? iso : "");
  dt = g_date_time_new_utc (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d),
                            0, 0, 0);
  return dt ? g_date_time_format (dt, format) : g_strdup (iso);
}

/* DD/MM/YYYY with any four-digit year, as bp_date_format_uk () writes a
 * date the loose reader finds out of its range. */
static char *
parse_uk_any_year (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  g_autofree char *iso = NULL;
  int d, m, y, n = 0;

  if (sscanf (trimmed, "%2d/%2d/%4d%n", &d, &m, &y, &n) != 3 || trimmed[n] != '\0'
      || strlen (trimmed) != 10)
    return NULL;
  iso = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return bp_date_is_valid (iso) ? g_steal_pointer (&iso) : NULL;
}

gboolean
bp_date_parse_day (const char *text, char **out_iso, char **out_problem)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));
  g_autofree char *iso = NULL;
  g_autofree char *problem = NULL;

  g_return_val_if_fail (out_iso != NULL, FALSE);
  *out_iso = NULL;
  if (out_problem)
    *out_problem = NULL;
  if (bp_date_is_valid (trimmed))
    {
      *out_iso = g_steal_pointer (&trimmed);
      return TRUE;
    }
  /* The financial year start only matters for periods, which a form refuses. */
  switch (bp_date_parse_loose (trimmed, 4, &iso, &problem))
    {
    case BP_DATE_EMPTY:
      /* Spaces are no date; a lone "-" or "/" is not a date typed. */
      return *trimmed == '\0';
    case BP_DATE_DAY:
      *out_iso = g_steal_pointer (&iso);
      return TRUE;
    case BP_DATE_INVALID:
      *out_iso = parse_uk_any_year (trimmed);
      if (*out_iso)
        return TRUE;
      /* Only a reason: the forms of a spreadsheet cell (periods among
       * them) are not what a form asks for. */
      if (out_problem && problem)
        {
          g_autofree char *generic = not_a_date (trimmed);

          if (!g_str_equal (problem, generic))
            *out_problem = g_steal_pointer (&problem);
        }
      return FALSE;
    case BP_DATE_PERIOD:
    case BP_DATE_WORDS:
    default:
      return FALSE;
    }
}

gboolean
bp_date_parse_uk (const char *text, char **out_iso)
{
  return bp_date_parse_day (text, out_iso, NULL);
}

char *
bp_date_add_days (const char *date, int days)
{
  GDate d;

  if (!bp_date_to_gdate (date, &d))
    return NULL;
  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return bp_date_from_gdate (&d);
}
