/* bp-csv.c: CSV records from a spreadsheet's bytes, through libcsv. */
#include <csv.h>
#include <glib/gi18n.h>
#include <string.h>

#include "bp-csv.h"

/* libcsv's parser state between records (ROW_NOT_BEGUN in its csv.c):
 * struct csv_parser is public, the names of its states are not. */
#define CSV_STATE_ROW_NOT_BEGUN 0
#define CSV_STATE_FIELD_MIGHT_HAVE_ENDED 3

typedef struct
{
  const BpCsvCallbacks *callbacks;
  gpointer user_data;
  BpCsvInfo *info;
  GIConv cp1252; /* (GIConv) -1 unless the text is Windows-1252 */
  GPtrArray *cells;
  GArray *lengths;
  int row;  /* of the record being read */
  int line;
  gboolean stopped;
} Reader;

#define report_problem(r, row, is_error, ...)                                                          \
  bp_csv_problem ((r)->callbacks, (r)->user_data, (r)->info, row, is_error, __VA_ARGS__)

void
bp_csv_problem (const BpCsvCallbacks *callbacks, gpointer user_data, BpCsvInfo *info, int row,
                gboolean is_error, const char *fmt, ...)
{
  g_autofree char *msg = NULL;
  va_list ap;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  if (is_error)
    info->n_errors++;
  if (callbacks->problem)
    callbacks->problem (row, is_error, msg, user_data);
}

static void
clear_record (Reader *r)
{
  g_ptr_array_set_size (r->cells, 0);
  g_array_set_size (r->lengths, 0);
}

static void
on_field_cb (void *s, size_t len, void *data)
{
  Reader *r = data;
  char *cell = g_malloc (len + 1);

  if (s && len)
    memcpy (cell, s, len);
  cell[len] = '\0';
  g_ptr_array_add (r->cells, cell);
  g_array_append_val (r->lengths, len);
}

static gboolean
has_high_bytes (const char *s, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) s[i] >= 0x80)
      return TRUE;
  return FALSE;
}

/* Makes every cell UTF-8; FALSE (reported) if one cannot be read. */
static gboolean
decode_cells (Reader *r)
{
  for (guint i = 0; i < r->cells->len; i++)
    {
      char *cell = g_ptr_array_index (r->cells, i);
      gsize len = g_array_index (r->lengths, gsize, i);
      g_autoptr (GError) error = NULL;
      gsize bytes_read = 0;
      char *utf8;

      if (strlen (cell) != len)
        {
          report_problem (r, r->row, TRUE,
                   _("column %u holds a NUL byte: this is not the text of a CSV file"), i + 1);
          return FALSE;
        }
      if (r->cp1252 == (GIConv) -1 || !has_high_bytes (cell, len))
        continue;
      utf8 = g_convert_with_iconv (cell, len, r->cp1252, &bytes_read, NULL, &error);
      if (utf8 == NULL)
        {
          report_problem (r, r->row, TRUE,
                   _("column %u: the byte 0x%02X cannot be read as text (the file is "
                     "neither UTF-8 nor Windows-1252)"),
                   i + 1, bytes_read < len ? (guchar) cell[bytes_read] : 0);
          /* iconv keeps its shift state after a failure; start afresh. */
          g_iconv (r->cp1252, NULL, NULL, NULL, NULL);
          return FALSE;
        }
      g_free (cell);
      g_ptr_array_index (r->cells, i) = utf8;
    }
  return TRUE;
}

static void
on_record_cb (int c, void *data)
{
  Reader *r = data;
  BpCsvRecord record;

  if (r->stopped || !decode_cells (r))
    {
      clear_record (r);
      return;
    }
  r->info->n_records++;
  record.row = r->row;
  record.line = r->line;
  record.n_cells = r->cells->len;
  g_ptr_array_add (r->cells, NULL);
  record.cells = (char **) r->cells->pdata;
  if (r->callbacks->record && !r->callbacks->record (&record, r->user_data))
    r->stopped = TRUE;
  g_ptr_array_set_size (r->cells, r->cells->len - 1);
  clear_record (r);
}

/* CRLF and lone CR become LF, in cells as between records. */
static char *
normalise_line_ends (const char *text, gsize len, gsize *out_len)
{
  char *out = g_malloc (len + 1);
  gsize j = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '\r')
        {
          out[j++] = '\n';
          if (i + 1 < len && text[i + 1] == '\n')
            i++;
        }
      else
        out[j++] = text[i];
    }
  out[j] = '\0';
  *out_len = j;
  return out;
}

/* The delimiter of the first line, counted outside quotes: a comma unless
 * tabs or semicolons clearly separate it (Excel's "Unicode text" is
 * tab-separated; a European Excel writes semicolons). */
static char
sniff_delimiter (const char *text, gsize len)
{
  int commas = 0, tabs = 0, semicolons = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] == '"')
        quoted = !quoted;
      else if (!quoted && text[i] == '\n')
        {
          if (commas + tabs + semicolons > 0)
            break;
        }
      else if (!quoted && text[i] == ',')
        commas++;
      else if (!quoted && text[i] == '\t')
        tabs++;
      else if (!quoted && text[i] == ';')
        semicolons++;
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  if (semicolons > commas)
    return ';';
  return ',';
}

static int
line_of_offset (const char *text, gsize offset)
{
  int line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= offset || text[i + 1] != '\n')))
      line++;
  return line;
}

static void
parser_init (struct csv_parser *p, char delimiter)
{
  /* STRICT: a stray quote is an error, not text; STRICT_FINI: so is a
   * quoted cell still open at the end of the file. */
  csv_init (p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL);
  csv_set_delim (p, (unsigned char) delimiter);
}

/* What went wrong where libcsv stopped in strict mode. */
static void
report_parse_error (Reader *r, struct csv_parser *p)
{
  guint column = r->cells->len + 1;

  if (p->pstate == CSV_STATE_FIELD_MIGHT_HAVE_ENDED)
    report_problem (r, r->row, TRUE,
             _("text after the closing quote of column %u: a quote inside a quoted cell "
               "must be doubled (\"\")"),
             column);
  else
    report_problem (r, r->row, TRUE,
             _("a quote inside column %u, which does not begin with a quote: put the whole "
               "cell in quotes and double the quotes inside it"),
             column);
}

gboolean
bp_csv_read (GBytes *bytes, const BpCsvCallbacks *callbacks, gpointer user_data,
             BpCsvInfo *out_info)
{
  g_autofree char *from_utf16 = NULL;
  g_autofree char *text = NULL;
  BpCsvInfo info = { BP_CSV_ENCODING_UTF8, ',', FALSE, 0, 0, 0 };
  Reader r = { 0 };
  struct csv_parser parser;
  const char *data;
  gsize len, text_len, pos;
  int line = 0;

  g_return_val_if_fail (bytes != NULL && callbacks != NULL, FALSE);

  r.callbacks = callbacks;
  r.user_data = user_data;
  r.info = &info;
  r.cp1252 = (GIConv) -1;
  data = g_bytes_get_data (bytes, &len);
  if (data == NULL)
    data = "";

  if (len >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    {
      report_problem (&r, 0, TRUE, _("this is a workbook (.xlsx or another zipped file), not CSV: "
                              "save it from the spreadsheet as “CSV UTF-8”"));
      goto out;
    }
  if (len >= 8 && memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
    {
      report_problem (&r, 0, TRUE, _("this is an old Excel workbook (.xls), not CSV: save it from "
                              "the spreadsheet as “CSV UTF-8”"));
      goto out;
    }

  if (len >= 2 && (((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE)
                   || ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF)))
    {
      g_autoptr (GError) error = NULL;
      gsize bytes_read = 0, written = 0;

      from_utf16 = g_convert (data, len, "UTF-8", "UTF-16", &bytes_read, &written, &error);
      if (from_utf16 == NULL)
        {
          g_autofree char *prefix = g_convert (data, bytes_read, "UTF-8", "UTF-16", NULL,
                                               &written, NULL);

          report_problem (&r, prefix ? line_of_offset (prefix, written) : 1, TRUE,
                   _("the text cannot be read: it starts as UTF-16 but is not valid UTF-16"));
          goto out;
        }
      info.encoding = BP_CSV_ENCODING_UTF16;
      report_problem (&r, 0, FALSE, _("read as UTF-16"));
      data = from_utf16;
      len = written;
    }
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      info.had_bom = TRUE;
      data += 3;
      len -= 3;
    }

  {
    const char *nul = memchr (data, '\0', len);

    if (nul)
      {
        report_problem (&r, line_of_offset (data, nul - data), TRUE,
                 _("a NUL byte: this is not the text of a CSV file"));
        goto out;
      }
  }
  if (!g_utf8_validate_len (data, len, NULL))
    {
      r.cp1252 = g_iconv_open ("UTF-8", "WINDOWS-1252");
      if (r.cp1252 == (GIConv) -1)
        {
          report_problem (&r, 0, TRUE, _("the text is not UTF-8, and Windows-1252 is not available "
                                  "to read it"));
          goto out;
        }
      info.encoding = BP_CSV_ENCODING_WINDOWS_1252;
      report_problem (&r, 0, FALSE, _("read as Windows-1252"));
    }

  text = normalise_line_ends (data, len, &text_len);
  info.delimiter = sniff_delimiter (text, text_len);

  r.cells = g_ptr_array_new_with_free_func (g_free);
  r.lengths = g_array_new (FALSE, FALSE, sizeof (gsize));
  parser_init (&parser, info.delimiter);

  /* One line of text at a time, so that each record knows the row and the
   * line it starts on: a line that starts between records starts a row. */
  for (pos = 0; pos < text_len && !r.stopped;)
    {
      const char *nl = memchr (text + pos, '\n', text_len - pos);
      gsize n = nl ? (gsize) (nl - (text + pos)) + 1 : text_len - pos;
      gsize done;

      line++;
      if (parser.pstate == CSV_STATE_ROW_NOT_BEGUN)
        {
          info.n_rows++;
          r.row = info.n_rows;
          r.line = line;
        }
      done = csv_parse (&parser, text + pos, n, on_field_cb, on_record_cb, &r);
      if (done < n)
        {
          if (csv_error (&parser) == CSV_EPARSE)
            report_parse_error (&r, &parser);
          else
            report_problem (&r, r.row, TRUE, "%s", csv_strerror (csv_error (&parser)));
          /* Drop the record and go on from the next line, to find every
           * other error too. */
          csv_free (&parser);
          parser_init (&parser, info.delimiter);
          clear_record (&r);
        }
      pos += n;
    }
  if (!r.stopped && csv_fini (&parser, on_field_cb, on_record_cb, &r) != 0)
    report_problem (&r, r.row, TRUE,
             _("a quoted cell (column %u) is never closed: everything from its opening "
               "quote to the end of the file is inside it"),
             r.cells->len + 1);
  csv_free (&parser);
  g_ptr_array_unref (r.cells);
  g_array_unref (r.lengths);

out:
  if (r.cp1252 != (GIConv) -1)
    g_iconv_close (r.cp1252);
  if (out_info)
    *out_info = info;
  return info.n_errors == 0;
}
