/* fuzz-workbook.c: libFuzzer target for the workbook reader (bp-workbook.c).
 *
 * Most mutations of a zip archive break its checksums and are refused at
 * once, so the input is mostly one part of a workbook, put into an
 * archive that is otherwise whole. The first byte chooses which:
 *
 *   0  the bytes as the whole file (a zip, a compound file, anything)
 *   1  an .xlsx's first sheet (xl/worksheets/sheet1.xml)
 *   2  an .xlsx's shared strings, under a sheet that uses them
 *   3  an .xlsx's styles, under a sheet of numbers and dates
 *   4  an .xlsx's workbook.xml (the sheets' list, the 1904 flag)
 *   5  an .ods's content.xml
 *
 * Every sheet is read through to the end, and the import chooses its
 * sheet and header from them as `boardpack import` does (a dry run into
 * an in-memory programme).
 *
 * Built and run by tests/fuzz/run-fuzz.sh (clang -fsanitize=fuzzer,address).
 */
#include <glib.h>
#include <gsf/gsf.h>
#include <stdint.h>
#include <string.h>

#include "bp-db.h"
#include "bp-import.h"
#include "bp-workbook.h"

static BpDb *db;

static const char content_types[]
    = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
      "content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>";
static const char root_rels[]
    = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
      "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
      "officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
      "</Relationships>";
static const char workbook_rels[]
    = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/"
      "2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
      "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/sharedStrings\" Target=\"sharedStrings.xml\"/><Relationship Id=\"rId3\" "
      "Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" "
      "Target=\"styles.xml\"/></Relationships>";
static const char workbook[]
    = "<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
      "2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships\"><sheets><sheet name=\"Plan\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
      "</workbook>";
static const char sheet[]
    = "<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/"
      "spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
      "<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row><row r=\"2\">"
      "<c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c><c r=\"C2\" s=\"1\">"
      "<v>45747</v></c></row><row r=\"3\"><c r=\"A3\" s=\"2\"><v>0.5</v></c><c r=\"B3\" "
      "s=\"3\"><v>46022</v></c></row></sheetData><mergeCells><mergeCell ref=\"A2:A3\"/>"
      "</mergeCells></worksheet>";
static const char shared[]
    = "<?xml version=\"1.0\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/"
      "2006/main\"><si><t>Ref</t></si><si><t>Action</t></si><si><t>Due</t></si><si><t>1.1"
      "</t></si><si><r><t>Agree </t></r><r><t>the plan</t></r></si></sst>";
static const char styles[]
    = "<?xml version=\"1.0\"?><styleSheet xmlns=\"http://schemas.openxmlformats.org/"
      "spreadsheetml/2006/main\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"d mmm yyyy\"/>"
      "</numFmts><cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"9\"/>"
      "<xf numFmtId=\"164\"/></cellXfs></styleSheet>";
static const char ods_mimetype[] = "application/vnd.oasis.opendocument.spreadsheet";

/* A part of the archive, by its full name: the zip writer keeps the name
 * as given, and the reader makes folders of its slashes. */
static void
add_part (GsfOutfile *zip, const char *path, const void *data, size_t size)
{
  GsfOutput *out = gsf_outfile_new_child (zip, path, FALSE);

  gsf_output_write (out, size, data);
  gsf_output_close (out);
  g_object_unref (out);
}

/* An archive of the parts, @slot's replaced by @data. */
static GBytes *
package (int slot, const uint8_t *data, size_t size)
{
  GsfOutput *memory = gsf_output_memory_new ();
  GsfOutfile *zip = gsf_outfile_zip_new (memory, NULL);
  GBytes *bytes;

#define PART(n, path, text)                                                                        \
  add_part (zip, path, slot == (n) ? (const void *) data : (const void *) (text),                  \
            slot == (n) ? size : strlen (text))
  if (slot == 5)
    {
      add_part (zip, "mimetype", ods_mimetype, strlen (ods_mimetype));
      add_part (zip, "content.xml", data, size);
    }
  else
    {
      PART (-1, "[Content_Types].xml", content_types);
      PART (-1, "_rels/.rels", root_rels);
      PART (-1, "xl/_rels/workbook.xml.rels", workbook_rels);
      PART (4, "xl/workbook.xml", workbook);
      PART (1, "xl/worksheets/sheet1.xml", sheet);
      PART (2, "xl/sharedStrings.xml", shared);
      PART (3, "xl/styles.xml", styles);
    }
#undef PART
  gsf_output_close (GSF_OUTPUT (zip));
  g_object_unref (zip);
  gsf_output_close (memory);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (memory)),
                       (gsize) gsf_output_size (memory));
  g_object_unref (memory);
  return bytes;
}

static gboolean
count_record_cb (const BpCsvRecord *rec, gpointer user_data)
{
  gsize *cells = user_data;

  for (guint i = 0; i < rec->n_cells; i++)
    *cells += strlen (rec->cells[i]);
  return TRUE;
}

static void
count_problem_cb (int row, gboolean is_error, const char *message, gpointer user_data)
{
  g_assert (message != NULL && g_utf8_validate (message, -1, NULL));
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr (GError) error = NULL;

  db = bp_db_create (":memory:", "Fuzz", &error);
  if (db == NULL)
    g_error ("fuzz set-up: %s", error->message);
  /* A critical (a broken precondition, here or in a library) is a bug the
   * fuzzer found. Not a warning: libgsf warns of the damaged archives the
   * fuzzer makes by the thousand before it returns their error, and
   * bp-workbook.c keeps those warnings from the user. */
  g_log_set_fatal_mask (NULL, G_LOG_LEVEL_CRITICAL);
  g_log_set_fatal_mask ("GLib", G_LOG_LEVEL_CRITICAL);
  g_log_set_fatal_mask ("GLib-GObject", G_LOG_LEVEL_CRITICAL);
  /* libgsf's own reading of a package's relationships reports bad XML as
   * a critical of the domain "XML" ("Document is empty") and then fails
   * cleanly: not fatal here, and kept from the user by bp-workbook.c. */
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static const BpCsvCallbacks callbacks = { count_record_cb, count_problem_cb };
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (BpWorkbook) wb = NULL;
  g_autoptr (GError) error = NULL;
  int slot;

  if (size < 1)
    return 0;
  slot = data[0] % 6;
  bytes = slot == 0 ? g_bytes_new (data + 1, size - 1) : package (slot, data + 1, size - 1);

  wb = bp_workbook_open (bytes, &error);
  if (wb)
    {
      for (guint i = 0; i < bp_workbook_get_n_sheets (wb); i++)
        {
          gsize cells = 0;
          BpCsvInfo info = { 0 };

          g_assert (g_utf8_validate (bp_workbook_get_sheet_name (wb, i), -1, NULL));
          bp_workbook_read_sheet (wb, i, &callbacks, &cells, &info);
          g_assert (info.n_records <= info.n_rows);
        }
    }
  else
    g_assert (error != NULL && g_utf8_validate (error->message, -1, NULL));

  /* The import's own reading: the sheet chosen by its header, every cell
   * parsed, a dry run of the write. */
  {
    g_autoptr (BpImport) imp = bp_import_new (BP_IMPORT_ACTIONS);
    g_autoptr (BpImportReport) report = NULL;
    g_autoptr (GError) import_error = NULL;

    bp_import_set_source_bytes (imp, bytes, slot == 5 ? "fuzz.ods" : "fuzz.xlsx");
    bp_import_set_date (imp, "2025-06-30");
    bp_import_run (imp, db, TRUE, &report, &import_error);
  }
  return 0;
}
