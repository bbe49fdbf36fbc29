/* bp-workbook.c: .xlsx and .ods sheets read as rows of text.
 *
 * libgsf opens the zip container (and the open-packaging relationships
 * that say where an .xlsx keeps its parts); each part is read by
 * libxml2's xmlTextReader straight from the compressed stream, so a sheet
 * of a million rows never sits in memory. An .xlsx keeps its text in a
 * shared-strings part and the number formats that make a number a date
 * or a percent in its styles part; both are read once when the workbook
 * is opened. Merged blocks come after a sheet's rows in its XML, so an
 * .xlsx sheet is read twice: once, passing over the rows, for the
 * blocks, then for the rows. */
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include <gsf/gsf.h>
#include <libxml/xmlreader.h>

#include "bp-error.h"
#include "bp-workbook.h"

/* libgsf's objects, freed as GLib's are. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInput, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GsfInfile, g_object_unref)

/* A sheet's limits in Excel: what a cell reference can name. */
#define MAX_COLUMNS 16384
#define MAX_ROWS 1048576
/* The last day Excel's serial numbers reach: 31 December 9999. */
#define MAX_SERIAL 2958465.0

typedef enum
{
  FORMAT_XLSX,
  FORMAT_ODS,
} Format;

typedef enum
{
  STYLE_PLAIN,
  STYLE_DATE,
  STYLE_PERCENT,
} StyleKind;

typedef struct
{
  char *name;
  char *part; /* .xlsx: the relationship id of its part */
  gboolean hidden;
} Sheet;

struct _BpWorkbook
{
  GBytes *bytes;
  GsfInput *source;
  GsfInfile *zip;
  Format format;
  GsfInput *workbook_part; /* .xlsx: xl/workbook.xml, for its relationships */
  char *workbook_dir;      /* its folder in the archive ("xl") */
  GPtrArray *sheets;       /* Sheet* */
  gboolean date1904;
  GPtrArray *shared;  /* char*: the shared strings */
  GArray *cell_style; /* StyleKind, by the cell's style index */
};

/* A vertical merged block: its first column's value fills its rows. */
typedef struct
{
  int first_row, last_row;
  guint column;
  char *value;
} Merge;

/* ------------------------------------------------- libgsf's complaints */

/* libgsf says g_warning() about a damaged archive ("Unable to get child …
 * incorrect zip header") before it returns the error that is reported to
 * the user by its sheet and row: that line is kept to G_MESSAGES_DEBUG.
 * Only the default domain's warnings, and only while a workbook is being
 * opened or read (Boardpack's own code says nothing at that level there). */
static void
gsf_warning_cb (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  g_log_default_handler (domain, G_LOG_LEVEL_DEBUG, message, data);
}

static guint xml_handler;

static guint
quiet_gsf_begin (void)
{
  /* libgsf's parser of the relationships says "XML" criticals about bad
   * XML (an empty .rels), then fails cleanly. */
  xml_handler = g_log_set_handler ("XML", G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING,
                                   gsf_warning_cb, NULL);
  return g_log_set_handler (NULL, G_LOG_LEVEL_WARNING, gsf_warning_cb, NULL);
}

static void
quiet_gsf_end (guint handler)
{
  g_log_remove_handler (NULL, handler);
  g_log_remove_handler ("XML", xml_handler);
}

/* --------------------------------------------------------- XML reading */

static int
input_read_cb (void *context, char *buffer, int len)
{
  GsfInput *input = context;
  gsf_off_t remaining = gsf_input_remaining (input);
  size_t n = (size_t) MIN ((gsf_off_t) len, remaining);

  if (n == 0)
    return 0;
  if (gsf_input_read (input, n, (guint8 *) buffer) == NULL)
    return -1;
  return (int) n;
}

static int
input_close_cb (void *context)
{
  g_object_unref (context);
  return 0;
}

/* A streaming reader of @input (its reference is taken). No network, no
 * external entities, no entity substitution. */
static void
quiet_error_cb (void *arg, const char *msg, xmlParserSeverities severity,
                xmlTextReaderLocatorPtr locator)
{
  /* Bad XML ends the reading with an error, which the sheet's reader
   * reports by its row: nothing to say here, and nothing to print (the
   * handler libxml2 would use otherwise may be GLib's log, made fatal by
   * a test or the fuzzer). */
}

static xmlTextReaderPtr
xml_reader_new (GsfInput *input)
{
  xmlTextReaderPtr r = xmlReaderForIO (input_read_cb, input_close_cb, input, NULL, NULL,
                                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

  if (r)
    xmlTextReaderSetErrorHandler (r, quiet_error_cb, NULL);
  return r;
}

static gboolean
is_element (xmlTextReaderPtr r, const char *local_name)
{
  return xmlTextReaderNodeType (r) == XML_READER_TYPE_ELEMENT
         && strcmp ((const char *) xmlTextReaderConstLocalName (r), local_name) == 0;
}

static gboolean
is_end (xmlTextReaderPtr r, const char *local_name)
{
  return xmlTextReaderNodeType (r) == XML_READER_TYPE_END_ELEMENT
         && strcmp ((const char *) xmlTextReaderConstLocalName (r), local_name) == 0;
}

/* Reads the next node inside the element that was at @depth when the walk
 * began: FALSE once the reader is on that element's end (or the input
 * ends). Check xmlTextReaderIsEmptyElement() first: an empty element has
 * no end. The walks here only ever read forwards, one node at a time, so
 * that no node is passed over unseen. */
static gboolean
read_inside (xmlTextReaderPtr r, int depth)
{
  return xmlTextReaderRead (r) == 1 && xmlTextReaderDepth (r) > depth;
}

/* Passes over the element the reader is on, to its end. */
static void
skip_element (xmlTextReaderPtr r)
{
  int depth = xmlTextReaderDepth (r);

  if (!xmlTextReaderIsEmptyElement (r))
    while (read_inside (r, depth))
      ;
}

/* The text inside the element the reader is on; ends on its end. */
static char *
element_text (xmlTextReaderPtr r)
{
  GString *out = g_string_new (NULL);
  int depth = xmlTextReaderDepth (r);

  if (!xmlTextReaderIsEmptyElement (r))
    while (read_inside (r, depth))
      {
        int type = xmlTextReaderNodeType (r);

        if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
            || type == XML_READER_TYPE_CDATA)
          g_string_append (out, (const char *) xmlTextReaderConstValue (r));
      }
  return g_string_free (out, FALSE);
}

/* An attribute by its local name, whatever its namespace. */
static char *
attribute (xmlTextReaderPtr r, const char *local_name)
{
  char *value = NULL;

  if (xmlTextReaderMoveToFirstAttribute (r) != 1)
    return NULL;
  do
    {
      if (strcmp ((const char *) xmlTextReaderConstLocalName (r), local_name) == 0)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (r));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (r) == 1);
  xmlTextReaderMoveToElement (r);
  return value;
}

static int
attribute_int (xmlTextReaderPtr r, const char *local_name, int fallback)
{
  g_autofree char *text = attribute (r, local_name);
  gint64 v;

  if (text == NULL || !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &v, NULL))
    return fallback;
  return (int) v;
}

/* The text of the element the reader is on, with OOXML's _xHHHH_ escapes
 * (a carriage return is _x000D_) undone and carriage returns dropped. */
static void
append_ooxml_text (GString *out, const char *text)
{
  for (const char *p = text; *p;)
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3])
          && g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c
              = (gunichar) (g_ascii_xdigit_value (p[2]) << 12 | g_ascii_xdigit_value (p[3]) << 8
                            | g_ascii_xdigit_value (p[4]) << 4 | g_ascii_xdigit_value (p[5]));

          if (c != '\r' && g_unichar_validate (c) && c != 0)
            g_string_append_unichar (out, c);
          p += 7;
          continue;
        }
      if (*p != '\r')
        g_string_append_c (out, *p);
      p++;
    }
}

/* Reads the text of an element that holds runs of text (a shared string
 * <si>, an inline <is>): its <t> elements, leaving out phonetic guides
 * (<rPh>). The reader ends on the element's end. */
static void
read_string_item (xmlTextReaderPtr r, GString *out)
{
  int depth = xmlTextReaderDepth (r);

  if (xmlTextReaderIsEmptyElement (r))
    return;
  while (read_inside (r, depth))
    {
      if (is_element (r, "rPh") || is_element (r, "phoneticPr"))
        skip_element (r);
      else if (is_element (r, "t"))
        {
          g_autofree char *text = element_text (r);

          append_ooxml_text (out, text);
        }
    }
}

/* ------------------------------------------------------- cell references */

/* "AB12" → column 27 (0-based), row 12; FALSE for anything else. */
static gboolean
parse_cell_ref (const char *ref, guint *out_column, int *out_row)
{
  guint column = 0;
  gint64 row;
  const char *p = ref;

  if (p == NULL)
    return FALSE;
  if (*p == '$')
    p++;
  for (; g_ascii_isalpha (*p); p++)
    {
      column = column * 26 + (guint) (g_ascii_toupper (*p) - 'A' + 1);
      if (column > MAX_COLUMNS)
        return FALSE;
    }
  if (column == 0)
    return FALSE;
  if (*p == '$')
    p++;
  if (!g_ascii_string_to_signed (p, 10, 1, MAX_ROWS, &row, NULL))
    return FALSE;
  *out_column = column - 1;
  *out_row = (int) row;
  return TRUE;
}

char *
bp_workbook_cell_name (guint column, int row)
{
  char letters[8];
  int n = 0;
  GString *s = g_string_new (NULL);

  column++;
  while (column > 0 && n < (int) sizeof letters)
    {
      letters[n++] = (char) ('A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }
  while (n > 0)
    g_string_append_c (s, letters[--n]);
  g_string_append_printf (s, "%d", row);
  return g_string_free (s, FALSE);
}

/* ---------------------------------------------------------------- values */

/* @serial days in the workbook's date system, as YYYY-MM-DD; NULL when it
 * is no day Excel can show. Excel counts 1900 as a leap year: serial 60
 * is a 29 February that never was, and days before it are one off. */
static char *
serial_to_iso (double serial, gboolean date1904)
{
  GDate d;
  int days;

  if (!isfinite (serial) || serial < (date1904 ? 0 : 1) || serial > MAX_SERIAL)
    return NULL;
  days = (int) floor (serial);
  if (date1904)
    g_date_set_dmy (&d, 1, G_DATE_JANUARY, 1904);
  else if (days >= 61)
    g_date_set_dmy (&d, 30, G_DATE_DECEMBER, 1899);
  else if (days == 60)
    return g_strdup ("1900-02-29"); /* as Excel shows it; no date reads it */
  else
    g_date_set_dmy (&d, 31, G_DATE_DECEMBER, 1899);
  g_date_add_days (&d, (guint) days);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

/* A number as a person would type it: 3, 2.5, 0.125, 1E+20. */
static char *
number_text (double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (v == floor (v) && fabs (v) < 1e15)
    return g_strdup_printf ("%.0f", v);
  g_ascii_formatd (buf, sizeof buf, "%.15g", v);
  return g_strdup (buf);
}

static char *
percent_text (double v)
{
  g_autofree char *n = number_text (round (v * 100 * 1e9) / 1e9);

  return g_strconcat (n, "%", NULL);
}

/* "2026-01-31T09:30:00" → "2026-01-31"; other text as it is. */
static char *
iso_day (const char *text)
{
  if (strlen (text) >= 10 && text[4] == '-' && text[7] == '-')
    return g_strndup (text, 10);
  return g_strdup (text);
}

static gboolean
is_formula_error (const char *text)
{
  static const char *const errors[]
      = { "#NULL!",  "#DIV/0!",   "#VALUE!",       "#REF!",     "#NAME?",
          "#NUM!",   "#N/A",      "#GETTING_DATA", "#SPILL!",   "#CALC!",
          "#FIELD!", "#BLOCKED!", "#UNKNOWN!",     "#CONNECT!", "#BUSY!" };

  if (g_str_has_prefix (text, "Err:"))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    if (strcmp (text, errors[i]) == 0)
      return TRUE;
  return FALSE;
}

/* --------------------------------------------------------------- styles */

/* What a number format shows a number as: a date when it has day, month
 * or year codes outside quoted text and brackets, a percent when it has
 * a % sign. */
static StyleKind
format_code_kind (const char *code)
{
  gboolean in_quote = FALSE, in_bracket = FALSE, date = FALSE;

  for (const char *p = code; *p; p++)
    {
      char c = *p;

      if (in_quote)
        {
          in_quote = c != '"';
          continue;
        }
      if (in_bracket)
        {
          in_bracket = c != ']';
          continue;
        }
      switch (c)
        {
          case '"':
            in_quote = TRUE;
            break;
          case '[':
            in_bracket = TRUE;
            break;
          case '\\':
          case '_':
          case '*':
            if (p[1])
              p++;
            break;
          case '%':
            return STYLE_PERCENT;
          case ';':
            return date ? STYLE_DATE : STYLE_PLAIN; /* the first section decides */
          case 'd':
          case 'D':
          case 'y':
          case 'Y':
          case 'm':
          case 'M':
            date = TRUE;
            break;
          default:
            break;
        }
    }
  return date ? STYLE_DATE : STYLE_PLAIN;
}

static StyleKind
builtin_format_kind (int id)
{
  if (id == 9 || id == 10)
    return STYLE_PERCENT;
  if ((id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58))
    return STYLE_DATE;
  return STYLE_PLAIN;
}

static void
read_styles (BpWorkbook *wb, GsfInput *input)
{
  g_autoptr (GHashTable) codes = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  xmlTextReaderPtr r = xml_reader_new (input);
  gboolean in_cell_xfs = FALSE;

  if (r == NULL)
    return;
  while (xmlTextReaderRead (r) == 1)
    {
      if (is_element (r, "numFmt"))
        g_hash_table_insert (codes, GINT_TO_POINTER (attribute_int (r, "numFmtId", -1)),
                             attribute (r, "formatCode"));
      else if (is_element (r, "cellXfs"))
        in_cell_xfs = !xmlTextReaderIsEmptyElement (r);
      else if (is_end (r, "cellXfs"))
        in_cell_xfs = FALSE;
      else if (in_cell_xfs && is_element (r, "xf"))
        {
          int id = attribute_int (r, "numFmtId", 0);
          const char *code = g_hash_table_lookup (codes, GINT_TO_POINTER (id));
          StyleKind kind = code ? format_code_kind (code) : builtin_format_kind (id);

          g_array_append_val (wb->cell_style, kind);
        }
    }
  xmlFreeTextReader (r);
}

static void
read_shared_strings (BpWorkbook *wb, GsfInput *input)
{
  xmlTextReaderPtr r = xml_reader_new (input);

  if (r == NULL)
    return;
  while (xmlTextReaderRead (r) == 1)
    if (is_element (r, "si"))
      {
        GString *s = g_string_new (NULL);

        read_string_item (r, s);
        g_ptr_array_add (wb->shared, g_string_free (s, FALSE));
      }
  xmlFreeTextReader (r);
}

/* ------------------------------------------------------------- opening */

static void
sheet_free (Sheet *s)
{
  g_free (s->name);
  g_free (s->part);
  g_free (s);
}

BpSourceFormat
bp_workbook_sniff (GBytes *bytes)
{
  gsize len;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  static const guint8 ole[] = { 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1 };

  if (len >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    return BP_SOURCE_ZIP;
  if (len >= sizeof ole && memcmp (data, ole, sizeof ole) == 0)
    return BP_SOURCE_OLE;
  return BP_SOURCE_CSV;
}

/* A compound file: say what it is, since none is read. An encrypted
 * workbook keeps its package in a stream named EncryptedPackage, and that
 * name (UTF-16 in the file's directory) is looked for in the bytes rather
 * than the compound file parsed: libgsf's reader of it asserts on some
 * damaged files, and nothing else of it is needed. */
static void
refuse_ole (BpWorkbook *wb, GError **error)
{
  static const char name[] = "EncryptedPackage";
  const gsize n = (sizeof name - 1) * 2;
  gboolean encrypted = FALSE;
  gsize len;
  const guint8 *data = g_bytes_get_data (wb->bytes, &len);

  for (gsize at = 0; !encrypted && len >= n && at <= len - n; at++)
    {
      gsize i = 0;

      while (i < n && data[at + i] == (i % 2 ? 0 : (guint8) name[i / 2]))
        i++;
      encrypted = i == n;
    }
  if (encrypted)
    g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                 _("the workbook is protected by a password, so it cannot be read: open it in "
                   "your spreadsheet program, remove the password (File ▸ Info ▸ Protect "
                   "Workbook in Excel, File ▸ Properties ▸ Security in LibreOffice) and save "
                   "it again"));
  else
    g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                 _("this is an old Excel 97–2003 workbook (.xls), which is not read: open it in "
                   "Excel or LibreOffice and save it as an Excel workbook (.xlsx) or as CSV, then "
                   "import that"));
}

/* A part of the archive by its path, '/'-separated, with "." and ".."
 * resolved; NULL when it is not there. The folders are walked here, one
 * by one, rather than by libgsf's helpers, which assert when a name on
 * the way is a file (as in a damaged or crafted archive). */
static GsfInput *
open_path (BpWorkbook *wb, const char *dir, const char *path, char **out_dir)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_auto (GStrv) dir_names = g_strsplit (path[0] == '/' ? "" : dir, "/", -1);
  g_auto (GStrv) path_names = g_strsplit (path, "/", -1);
  GsfInfile *folder;

  for (guint k = 0; k < 2; k++)
    for (char **n = k == 0 ? dir_names : path_names; *n; n++)
      {
        if (**n == '\0' || strcmp (*n, ".") == 0)
          continue;
        if (strcmp (*n, "..") == 0)
          {
            if (names->len > 0)
              g_ptr_array_set_size (names, (int) names->len - 1);
            continue;
          }
        g_ptr_array_add (names, *n);
      }
  if (names->len == 0)
    return NULL;

  folder = g_object_ref (wb->zip);
  for (guint i = 0; i < names->len; i++)
    {
      GsfInput *child = gsf_infile_child_by_name (folder, g_ptr_array_index (names, i));

      g_object_unref (folder);
      if (child == NULL)
        return NULL;
      if (i == names->len - 1)
        {
          if (out_dir)
            {
              g_ptr_array_set_size (names, (int) names->len - 1);
              g_ptr_array_add (names, NULL);
              *out_dir = g_strjoinv ("/", (char **) names->pdata);
            }
          return child;
        }
      if (!GSF_IS_INFILE (child))
        {
          g_object_unref (child);
          return NULL;
        }
      folder = GSF_INFILE (child);
    }
  g_assert_not_reached ();
}

/* The part a relationship names, from the folder @dir of the part it is
 * a relationship of; NULL for an external target or a missing part. */
static GsfInput *
open_rel (BpWorkbook *wb, const char *dir, GsfOpenPkgRel *rel, char **out_dir)
{
  const char *target;

  if (rel == NULL || gsf_open_pkg_rel_is_extern (rel)
      || (target = gsf_open_pkg_rel_get_target (rel)) == NULL)
    return NULL;
  return open_path (wb, dir, target, out_dir);
}

static gboolean
open_xlsx (BpWorkbook *wb, GError **error)
{
  static const char *const office_document[]
      = { "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
          "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument" };
  static const char *const shared_strings[]
      = { "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings",
          "http://purl.oclc.org/ooxml/officeDocument/relationships/sharedStrings" };
  static const char *const styles[]
      = { "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
          "http://purl.oclc.org/ooxml/officeDocument/relationships/styles" };
  xmlTextReaderPtr r;
  gboolean is_workbook = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (office_document) && wb->workbook_part == NULL; i++)
    wb->workbook_part
        = open_rel (wb, "", gsf_open_pkg_lookup_rel_by_type (GSF_INPUT (wb->zip), office_document[i]),
                    &wb->workbook_dir);
  if (wb->workbook_part == NULL)
    wb->workbook_part = open_path (wb, "", "xl/workbook.xml", &wb->workbook_dir);
  if (wb->workbook_part == NULL)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                   _("a zip archive that holds no workbook: save the spreadsheet as an Excel "
                      "workbook (.xlsx), an OpenDocument spreadsheet (.ods) or CSV"));
      return FALSE;
    }

  r = xml_reader_new (g_object_ref (wb->workbook_part));
  while (r && xmlTextReaderRead (r) == 1)
    {
      if (xmlTextReaderDepth (r) == 0 && xmlTextReaderNodeType (r) == XML_READER_TYPE_ELEMENT)
        is_workbook = is_element (r, "workbook");
      if (!is_workbook)
        break;
      if (is_element (r, "workbookPr"))
        {
          g_autofree char *v = attribute (r, "date1904");

          wb->date1904 = v && (strcmp (v, "1") == 0 || g_ascii_strcasecmp (v, "true") == 0);
        }
      else if (is_element (r, "sheet"))
        {
          Sheet *s = g_new0 (Sheet, 1);
          g_autofree char *state = attribute (r, "state");

          s->name = attribute (r, "name");
          s->part = attribute (r, "id");
          s->hidden = state && strcmp (state, "visible") != 0;
          if (s->name == NULL || s->part == NULL)
            sheet_free (s);
          else
            g_ptr_array_add (wb->sheets, s);
        }
    }
  if (r)
    xmlFreeTextReader (r);
  if (!is_workbook || wb->sheets->len == 0)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                   is_workbook ? _("the workbook has no sheets")
                               : _("a zip archive that holds no workbook: save the spreadsheet "
                                    "as an Excel workbook (.xlsx), an OpenDocument spreadsheet "
                                    "(.ods) or CSV"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (shared_strings); i++)
    {
      GsfInput *in = open_rel (
          wb, wb->workbook_dir, gsf_open_pkg_lookup_rel_by_type (wb->workbook_part, shared_strings[i]), NULL);

      if (in)
        {
          read_shared_strings (wb, in);
          break;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    {
      GsfInput *in = open_rel (
          wb, wb->workbook_dir, gsf_open_pkg_lookup_rel_by_type (wb->workbook_part, styles[i]), NULL);

      if (in)
        {
          read_styles (wb, in);
          break;
        }
    }
  return TRUE;
}

/* An .ods: its sheets are the <table:table> elements of content.xml. */
static gboolean
open_ods (BpWorkbook *wb, GError **error)
{
  GsfInput *content = gsf_infile_child_by_name (wb->zip, "content.xml");
  xmlTextReaderPtr r;

  if (content == NULL)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                   _("the OpenDocument spreadsheet has no content.xml: it is damaged"));
      return FALSE;
    }
  r = xml_reader_new (content);
  while (r && xmlTextReaderRead (r) == 1)
    if (is_element (r, "table"))
      {
        Sheet *s = g_new0 (Sheet, 1);

        s->name = attribute (r, "name");
        if (s->name == NULL)
          s->name = g_strdup_printf ("Sheet%u", wb->sheets->len + 1);
        g_ptr_array_add (wb->sheets, s);
        skip_element (r);
      }
  if (r)
    xmlFreeTextReader (r);
  if (wb->sheets->len == 0)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID, _("the workbook has no sheets"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_ods (BpWorkbook *wb)
{
  g_autoptr (GsfInput) mimetype = gsf_infile_child_by_name (wb->zip, "mimetype");
  static const char ods[] = "application/vnd.oasis.opendocument.spreadsheet";
  char buf[sizeof ods] = { 0 };
  gsf_off_t size;

  if (mimetype == NULL)
    return FALSE;
  size = gsf_input_size (mimetype);
  if (size < (gsf_off_t) sizeof ods - 1 || size > 128)
    return FALSE;
  if (gsf_input_read (mimetype, sizeof ods - 1, (guint8 *) buf) == NULL)
    return FALSE;
  /* A template (…spreadsheet-template) is a spreadsheet too. */
  return memcmp (buf, ods, sizeof ods - 1) == 0;
}

static BpWorkbook *
workbook_open (GBytes *bytes, GError **error)
{
  g_autoptr (GError) local = NULL;
  BpWorkbook *wb;
  gsize len;
  const guint8 *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  gsf_init ();
  wb = g_new0 (BpWorkbook, 1);
  wb->bytes = g_bytes_ref (bytes);
  data = g_bytes_get_data (bytes, &len);
  wb->source = gsf_input_memory_new (data, (gsf_off_t) len, FALSE);
  wb->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) sheet_free);
  wb->shared = g_ptr_array_new_with_free_func (g_free);
  wb->cell_style = g_array_new (FALSE, FALSE, sizeof (StyleKind));

  if (bp_workbook_sniff (bytes) == BP_SOURCE_OLE)
    {
      refuse_ole (wb, error);
      bp_workbook_free (wb);
      return NULL;
    }
  wb->zip = gsf_infile_zip_new (wb->source, &local);
  if (wb->zip == NULL)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                   _("the workbook is damaged: it is not a zip archive that can be read (%s)"),
                   local ? local->message : _("unknown error"));
      bp_workbook_free (wb);
      return NULL;
    }
  wb->format = is_ods (wb) ? FORMAT_ODS : FORMAT_XLSX;
  if (!(wb->format == FORMAT_ODS ? open_ods (wb, error) : open_xlsx (wb, error)))
    {
      bp_workbook_free (wb);
      return NULL;
    }
  return wb;
}

BpWorkbook *
bp_workbook_open (GBytes *bytes, GError **error)
{
  guint quiet = quiet_gsf_begin ();
  BpWorkbook *wb = workbook_open (bytes, error);

  quiet_gsf_end (quiet);
  return wb;
}

void
bp_workbook_free (BpWorkbook *wb)
{
  if (wb == NULL)
    return;
  g_clear_object (&wb->workbook_part);
  g_free (wb->workbook_dir);
  g_clear_object (&wb->zip);
  g_clear_object (&wb->source);
  g_bytes_unref (wb->bytes);
  g_ptr_array_unref (wb->sheets);
  g_ptr_array_unref (wb->shared);
  g_array_unref (wb->cell_style);
  g_free (wb);
}

guint
bp_workbook_get_n_sheets (BpWorkbook *wb)
{
  return wb->sheets->len;
}

const char *
bp_workbook_get_sheet_name (BpWorkbook *wb, guint index)
{
  g_return_val_if_fail (index < wb->sheets->len, NULL);
  return ((Sheet *) g_ptr_array_index (wb->sheets, index))->name;
}

gboolean
bp_workbook_get_sheet_hidden (BpWorkbook *wb, guint index)
{
  g_return_val_if_fail (index < wb->sheets->len, FALSE);
  return ((Sheet *) g_ptr_array_index (wb->sheets, index))->hidden;
}

int
bp_workbook_find_sheet (BpWorkbook *wb, const char *name)
{
  g_autofree char *want = g_utf8_casefold (name, -1);

  for (guint i = 0; i < wb->sheets->len; i++)
    {
      g_autofree char *have = g_utf8_casefold (bp_workbook_get_sheet_name (wb, i), -1);

      if (strcmp (have, want) == 0)
        return (int) i;
    }
  return -1;
}

/* -------------------------------------------------------- reading rows */

/* One reading of one sheet. */
typedef struct
{
  BpWorkbook *wb;
  const BpCsvCallbacks *callbacks;
  gpointer user_data;
  BpCsvInfo *info;
  gboolean stopped;
  GPtrArray *cells; /* char*, the row being read; NULL where nothing is */
  GArray *merges;   /* Merge */
} Reading;

#define report_problem(rd, row, is_error, ...)                                                     \
  bp_csv_problem ((rd)->callbacks, (rd)->user_data, (rd)->info, row, is_error, __VA_ARGS__)

static void
set_cell (Reading *rd, guint column, char *text)
{
  if (column >= rd->cells->len)
    g_ptr_array_set_size (rd->cells, (int) column + 1);
  g_free (g_ptr_array_index (rd->cells, column));
  g_ptr_array_index (rd->cells, column) = text;
}

/* Checks a cell's text as any cell of the sheet: an error result, or text
 * a spreadsheet would run as a formula. Takes @text. */
static void
put_cell (Reading *rd, int row, guint column, char *text, gboolean from_formula)
{
  if (text && from_formula && is_formula_error (text))
    {
      g_autofree char *where = bp_workbook_cell_name (column, row);

      report_problem (rd, row, TRUE,
                      _("cell %s: its formula gives the error %s; correct it and save again"),
                      where, text);
    }
  else if (text && (text[0] == '=' || text[0] == '@') && text[1])
    {
      g_autofree char *where = bp_workbook_cell_name (column, row);
      g_autofree char *start = g_utf8_substring (text, 0, MIN (g_utf8_strlen (text, -1), 24));

      /* A formula kept as text would run in the spreadsheet that opens a
       * later export: refused here, as the exports neutralise it there. */
      report_problem (
          rd, row, TRUE,
          _("cell %s holds text that a spreadsheet would run as a formula (“%s”): remove "
             "the leading “%c” and save again"),
          where, start, text[0]);
    }
  set_cell (rd, column, text);
}

/* Emits the row read: merged blocks first fill their column. */
static void
emit_row (Reading *rd, int row)
{
  BpCsvRecord rec = { 0 };
  gboolean any = FALSE;

  for (guint i = 0; rd->merges && i < rd->merges->len; i++)
    {
      Merge *m = &g_array_index (rd->merges, Merge, i);

      if (row > m->last_row)
        {
          /* Done with: kept no longer, so that each row looks at only the
           * blocks it may be in. */
          g_free (m->value);
          g_array_remove_index_fast (rd->merges, i--);
          continue;
        }
      if (row == m->first_row)
        {
          g_free (m->value);
          m->value = m->column < rd->cells->len
                         ? g_strdup (g_ptr_array_index (rd->cells, m->column))
                         : NULL;
        }
      else if (row > m->first_row && row <= m->last_row && m->value)
        set_cell (rd, m->column, g_strdup (m->value));
    }
  for (guint i = 0; i < rd->cells->len; i++)
    {
      if (g_ptr_array_index (rd->cells, i) == NULL)
        g_ptr_array_index (rd->cells, i) = g_strdup ("");
      else
        any = TRUE;
    }
  if (any && !rd->stopped)
    {
      rd->info->n_rows = MAX (rd->info->n_rows, row);
      g_ptr_array_add (rd->cells, NULL);
      rec.row = row;
      rec.line = row;
      rec.n_cells = rd->cells->len - 1;
      rec.cells = (char **) rd->cells->pdata;
      rd->info->n_records++;
      if (!rd->callbacks->record (&rec, rd->user_data))
        rd->stopped = TRUE;
    }
  g_ptr_array_set_size (rd->cells, 0);
}

/* The text of an .xlsx cell: the reader is on <c>, and ends on its end. */
static char *
xlsx_cell_text (Reading *rd, xmlTextReaderPtr r, int row, guint column, gboolean *from_formula)
{
  g_autofree char *type = attribute (r, "t");
  int style = attribute_int (r, "s", 0);
  int depth = xmlTextReaderDepth (r);
  g_autofree char *value = NULL;
  GString *inline_text = NULL;
  StyleKind kind = STYLE_PLAIN;
  char *text = NULL;

  *from_formula = FALSE;
  if (style >= 0 && (guint) style < rd->wb->cell_style->len)
    kind = g_array_index (rd->wb->cell_style, StyleKind, style);
  if (!xmlTextReaderIsEmptyElement (r))
    while (read_inside (r, depth))
      {
        if (is_element (r, "v"))
          {
            g_free (value);
            value = element_text (r);
          }
        else if (is_element (r, "is"))
          {
            if (inline_text == NULL)
              inline_text = g_string_new (NULL);
            read_string_item (r, inline_text);
          }
        else if (is_element (r, "f"))
          {
            *from_formula = TRUE;
            skip_element (r);
          }
      }

  if (type && strcmp (type, "inlineStr") == 0)
    return inline_text ? g_string_free (inline_text, FALSE) : NULL;
  if (inline_text)
    g_string_free (inline_text, TRUE);
  if (value == NULL)
    return NULL;
  if (type == NULL || strcmp (type, "n") == 0)
    {
      char *end;
      double v = g_ascii_strtod (value, &end);

      if (*value == '\0' || *end != '\0')
        return g_steal_pointer (&value);
      if (kind == STYLE_DATE && (text = serial_to_iso (v, rd->wb->date1904)))
        return text;
      if (kind == STYLE_PERCENT)
        return percent_text (v);
      return number_text (v);
    }
  if (strcmp (type, "s") == 0)
    {
      guint64 index;

      if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT, &index, NULL)
          && index < rd->wb->shared->len)
        return g_strdup (g_ptr_array_index (rd->wb->shared, (guint) index));
      {
        g_autofree char *where = bp_workbook_cell_name (column, row);

        report_problem (rd, row, TRUE, _("cell %s: the workbook is damaged (text %s is missing)"),
                        where, value);
      }
      return NULL;
    }
  if (strcmp (type, "b") == 0)
    return g_strdup (strcmp (value, "1") == 0 ? "TRUE" : "FALSE");
  if (strcmp (type, "e") == 0)
    {
      *from_formula = TRUE;
      return g_steal_pointer (&value);
    }
  if (strcmp (type, "d") == 0)
    return iso_day (value);
  return g_steal_pointer (&value); /* "str": a formula's text */
}

/* The merged blocks of an .xlsx sheet that span rows. */
static void
xlsx_read_merges (Reading *rd, GsfInput *input)
{
  xmlTextReaderPtr r = xml_reader_new (input);

  if (r == NULL)
    return;
  while (xmlTextReaderRead (r) == 1)
    {
      if (is_element (r, "sheetData"))
        skip_element (r);
      else if (is_element (r, "mergeCell"))
        {
          g_autofree char *ref = attribute (r, "ref");
          g_auto (GStrv) ends = ref ? g_strsplit (ref, ":", 2) : NULL;
          Merge m = { 0 };
          guint c2;

          if (ends && ends[0] && ends[1] && parse_cell_ref (ends[0], &m.column, &m.first_row)
              && parse_cell_ref (ends[1], &c2, &m.last_row) && m.last_row > m.first_row)
            g_array_append_val (rd->merges, m);
        }
    }
  xmlFreeTextReader (r);
}

static void
xlsx_read_rows (Reading *rd, xmlTextReaderPtr r)
{
  int row = 0, last = 0, status = 1;

  while (!rd->stopped && (status = xmlTextReaderRead (r)) == 1)
    {
      guint column = 0;
      int depth;

      if (!is_element (r, "row"))
        continue;
      row = attribute_int (r, "r", row + 1);
      if (row < 1 || row > MAX_ROWS)
        {
          report_problem (rd, 0, TRUE, _("the sheet is damaged: it has a row numbered %d"), row);
          return;
        }
      if (row <= last)
        {
          report_problem (rd, row, TRUE, _("the sheet is damaged: row %d comes after row %d"), row,
                          last);
          return;
        }
      last = row;
      depth = xmlTextReaderDepth (r);
      if (!xmlTextReaderIsEmptyElement (r))
        while (read_inside (r, depth))
          {
            g_autofree char *ref = NULL;
            gboolean from_formula;
            int ref_row;
            char *text;

            if (!is_element (r, "c"))
              continue;
            ref = attribute (r, "r");
            if (ref && !(parse_cell_ref (ref, &column, &ref_row) && ref_row == row))
              {
                report_problem (rd, row, TRUE,
                                _("the sheet is damaged: a cell of row %d is named “%s”"), row,
                                ref);
                column = MAX_COLUMNS;
              }
            if (column >= MAX_COLUMNS)
              {
                skip_element (r);
                continue;
              }
            text = xlsx_cell_text (rd, r, row, column, &from_formula);
            if (text)
              put_cell (rd, row, column, text, from_formula);
            column++;
          }
      emit_row (rd, row);
    }
  if (status < 0)
    report_problem (rd, 0, TRUE, _("the sheet is damaged: its XML cannot be read after row %d"),
                    row);
}

/* ------------------------------------------------------------------ .ods */

/* The text of a <text:p>'s contents: spaces, tabs and line breaks as
 * elements, spans and links inside, notes and annotations left out. */
static void
ods_read_paragraph (xmlTextReaderPtr r, GString *out)
{
  int depth = xmlTextReaderDepth (r);

  if (xmlTextReaderIsEmptyElement (r))
    return;
  while (read_inside (r, depth))
    {
      int type = xmlTextReaderNodeType (r);

      if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE
          || type == XML_READER_TYPE_CDATA)
        g_string_append (out, (const char *) xmlTextReaderConstValue (r));
      else if (is_element (r, "s"))
        {
          int n = CLAMP (attribute_int (r, "c", 1), 1, 1024);

          for (int i = 0; i < n; i++)
            g_string_append_c (out, ' ');
        }
      else if (is_element (r, "tab"))
        g_string_append_c (out, '\t');
      else if (is_element (r, "line-break"))
        g_string_append_c (out, '\n');
      else if (is_element (r, "note") || is_element (r, "annotation")
               || is_element (r, "ruby-text"))
        skip_element (r);
    }
}

/* The text of an .ods cell; the reader is on the cell and ends on its end. */
static char *
ods_cell_text (xmlTextReaderPtr r, gboolean *from_formula)
{
  g_autofree char *type = attribute (r, "value-type");
  g_autofree char *formula = attribute (r, "formula");
  g_autofree char *value = attribute (r, "value");
  g_autofree char *date_value = attribute (r, "date-value");
  g_autofree char *boolean_value = attribute (r, "boolean-value");
  int depth = xmlTextReaderDepth (r);
  GString *text = NULL;

  *from_formula = formula != NULL;
  if (!xmlTextReaderIsEmptyElement (r))
    while (read_inside (r, depth))
      {
        if (is_element (r, "annotation"))
          skip_element (r);
        else if (is_element (r, "p"))
          {
            if (text == NULL)
              text = g_string_new (NULL);
            else
              g_string_append_c (text, '\n');
            ods_read_paragraph (r, text);
          }
      }

  if (type
      && (strcmp (type, "float") == 0 || strcmp (type, "currency") == 0
          || strcmp (type, "percentage") == 0))
    {
      char *end;
      double v;

      v = value ? g_ascii_strtod (value, &end) : NAN;
      if (value && *value && *end == '\0')
        {
          if (text)
            g_string_free (text, TRUE);
          return strcmp (type, "percentage") == 0 ? percent_text (v) : number_text (v);
        }
    }
  else if (type && strcmp (type, "date") == 0 && date_value)
    {
      if (text)
        g_string_free (text, TRUE);
      return iso_day (date_value);
    }
  else if (type && strcmp (type, "boolean") == 0 && boolean_value)
    {
      if (text)
        g_string_free (text, TRUE);
      return g_strdup (strcmp (boolean_value, "true") == 0 ? "TRUE" : "FALSE");
    }
  return text ? g_string_free (text, FALSE) : NULL;
}

/* A cell's attribute read before its contents are: the reader is still on
 * the cell element. */
static void
ods_cell_spans (xmlTextReaderPtr r, int *repeat, int *rows_spanned)
{
  *repeat = CLAMP (attribute_int (r, "number-columns-repeated", 1), 1, MAX_COLUMNS);
  *rows_spanned = CLAMP (attribute_int (r, "number-rows-spanned", 1), 1, MAX_ROWS);
}

static void
ods_read_rows (Reading *rd, xmlTextReaderPtr r, guint index)
{
  guint table = 0;
  int row = 0, status;

  /* To the sheet's table. */
  while ((status = xmlTextReaderRead (r)) == 1)
    if (is_element (r, "table"))
      {
        if (table++ == index)
          break;
        skip_element (r);
      }
  if (status != 1 || xmlTextReaderIsEmptyElement (r))
    return;

  {
    int table_depth = xmlTextReaderDepth (r);

    while (!rd->stopped && read_inside (r, table_depth))
      {
        int repeat, depth;
        guint column = 0;

        if (is_element (r, "shapes") || is_element (r, "named-expressions"))
          {
            skip_element (r);
            continue;
          }
        if (!is_element (r, "table-row"))
          continue;
        repeat = CLAMP (attribute_int (r, "number-rows-repeated", 1), 1, MAX_ROWS);
        depth = xmlTextReaderDepth (r);
        if (!xmlTextReaderIsEmptyElement (r))
          while (read_inside (r, depth))
            {
              gboolean covered = is_element (r, "covered-table-cell");
              int n, rows_spanned;
              gboolean from_formula = FALSE;
              char *text;

              if (!covered && !is_element (r, "table-cell"))
                continue;
              ods_cell_spans (r, &n, &rows_spanned);
              text = covered ? NULL : ods_cell_text (r, &from_formula);
              if (covered)
                skip_element (r);
              if (text && *text)
                {
                  if (rows_spanned > 1 && row + 1 < MAX_ROWS)
                    {
                      Merge m = { row + 1, MIN (row + rows_spanned, MAX_ROWS), column, NULL };

                      g_array_append_val (rd->merges, m);
                    }
                  for (int k = 0; k < n && column < MAX_COLUMNS; k++, column++)
                    put_cell (rd, row + 1, column, k == n - 1 ? text : g_strdup (text),
                              from_formula);
                }
              else
                {
                  g_free (text);
                  column = MIN ((guint) MAX_COLUMNS, column + (guint) n);
                }
            }
        /* A repeated row with nothing in it is many blank rows at once; a
         * repeated row with text is that row again. */
        for (int k = 0; k < repeat && row < MAX_ROWS && !rd->stopped; k++)
          {
            g_autoptr (GPtrArray) copy = NULL;

            if (rd->cells->len == 0)
              {
                row = MIN (MAX_ROWS, row + repeat - k);
                break;
              }
            if (k < repeat - 1)
              {
                copy = g_ptr_array_new_full (rd->cells->len, g_free);
                for (guint i = 0; i < rd->cells->len; i++)
                  g_ptr_array_add (copy, g_strdup (g_ptr_array_index (rd->cells, i)));
              }
            emit_row (rd, ++row);
            if (copy)
              {
                for (guint i = 0; i < copy->len; i++)
                  g_ptr_array_add (rd->cells, g_steal_pointer (&g_ptr_array_index (copy, i)));
              }
          }
      }
  }
}

/* ------------------------------------------------------------- the sheet */

static gboolean
read_sheet (BpWorkbook *wb, guint index, const BpCsvCallbacks *callbacks, gpointer user_data,
            BpCsvInfo *out_info)
{
  Reading rd = { 0 };
  BpCsvInfo info = { 0 };
  xmlTextReaderPtr r;

  g_return_val_if_fail (wb != NULL && callbacks != NULL, FALSE);
  g_return_val_if_fail (index < wb->sheets->len, FALSE);

  info.encoding = BP_CSV_ENCODING_UTF8;
  rd.wb = wb;
  rd.callbacks = callbacks;
  rd.user_data = user_data;
  rd.info = &info;
  rd.cells = g_ptr_array_new_with_free_func (g_free);
  rd.merges = g_array_new (FALSE, TRUE, sizeof (Merge));

  if (wb->format == FORMAT_XLSX)
    {
      Sheet *s = g_ptr_array_index (wb->sheets, index);
      GsfInput *part = open_rel (wb, wb->workbook_dir,
                                 gsf_open_pkg_lookup_rel_by_id (wb->workbook_part, s->part), NULL);

      if (part == NULL)
        report_problem (&rd, 0, TRUE, _("the workbook is damaged: sheet “%s” is missing"),
                        s->name);
      else
        {
          xlsx_read_merges (&rd, g_object_ref (part));
          gsf_input_seek (part, 0, G_SEEK_SET);
          r = xml_reader_new (part);
          if (r)
            {
              xlsx_read_rows (&rd, r);
              xmlFreeTextReader (r);
            }
        }
    }
  else
    {
      GsfInput *content = gsf_infile_child_by_name (wb->zip, "content.xml");

      r = content ? xml_reader_new (content) : NULL;
      if (r)
        {
          ods_read_rows (&rd, r, index);
          xmlFreeTextReader (r);
        }
    }

  for (guint i = 0; i < rd.merges->len; i++)
    g_free (g_array_index (rd.merges, Merge, i).value);
  g_array_unref (rd.merges);
  g_ptr_array_unref (rd.cells);
  if (out_info)
    *out_info = info;
  return info.n_errors == 0;
}

gboolean
bp_workbook_read_sheet (BpWorkbook *wb, guint index, const BpCsvCallbacks *callbacks,
                        gpointer user_data, BpCsvInfo *out_info)
{
  guint quiet;
  gboolean ok;

  g_return_val_if_fail (wb != NULL && callbacks != NULL, FALSE);
  g_return_val_if_fail (index < wb->sheets->len, FALSE);

  quiet = quiet_gsf_begin ();
  ok = read_sheet (wb, index, callbacks, user_data, out_info);
  quiet_gsf_end (quiet);
  return ok;
}
