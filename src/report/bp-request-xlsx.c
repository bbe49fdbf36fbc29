/* bp-request-xlsx.c: the update-request workbook, through libxlsxwriter.
 *
 * Three sheets: the instructions (what to fill, by when, the BRAG key in
 * words), the owner's sheet (named after them, one row an action) and a
 * hidden sheet with the request's token. The owner's sheet is protected
 * without a password so that the columns the plan fills stay as they
 * were, while the columns the owner fills are unlocked; New RAG offers
 * the status words as a list and Revised due date takes only a date. A
 * protected sheet still lets owners widen columns and rows to read long
 * text. */
#include <glib/gi18n.h>
#include <string.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "bp-dates.h"
#include "bp-error.h"
#include "bp-request-xlsx.h"
#include "bp-rules.h"

/* The row of the owner's sheet with the headings (0-based). */
#define HEADER_ROW 3

/* Column widths, in characters. */
static const double widths[BP_REQUEST_N_COLUMNS] = {
  [BP_REQUEST_COL_REF] = 8,           [BP_REQUEST_COL_ACTION] = 40,
  [BP_REQUEST_COL_DUE] = 12,          [BP_REQUEST_COL_LATEST_RAG] = 12,
  [BP_REQUEST_COL_LATEST_UPDATE] = 45, [BP_REQUEST_COL_NEW_RAG] = 14,
  [BP_REQUEST_COL_PROGRESS] = 45,     [BP_REQUEST_COL_NEXT_STEPS] = 35,
  [BP_REQUEST_COL_REVISED_DUE] = 14,  [BP_REQUEST_COL_REASON] = 30,
  [BP_REQUEST_COL_ASKS] = 30,         [BP_REQUEST_COL_OWNER] = 22,
  [BP_REQUEST_COL_PRIORITY] = 28,
};

typedef struct
{
  lxw_format *title, *bold, *wrap, *heading_locked, *heading_input;
  lxw_format *locked, *locked_date, *input, *input_date;
} Formats;

/* The text of a message in the workbook's language, without the marks
 * around the English half of bilingual text (a spreadsheet shows them). */
static char *
text (const char *msgid)
{
  return bp_tr_strip_marks (bp_tr (msgid));
}

static char *
date_long (const char *iso)
{
  g_autofree char *s = iso ? bp_tr_date_long (iso) : NULL;

  return s ? bp_tr_strip_marks (s) : g_strdup (iso ? iso : "");
}

static gboolean
to_datetime (const char *iso, lxw_datetime *out)
{
  GDate d;

  if (iso == NULL || !bp_date_to_gdate (iso, &d))
    return FALSE;
  *out = (lxw_datetime) { g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d), 0, 0, 0 };
  return TRUE;
}

static void
make_formats (lxw_workbook *wb, Formats *f)
{
  f->title = workbook_add_format (wb);
  format_set_bold (f->title);
  format_set_font_size (f->title, 14);
  f->bold = workbook_add_format (wb);
  format_set_bold (f->bold);
  f->wrap = workbook_add_format (wb);
  format_set_text_wrap (f->wrap);
  format_set_align (f->wrap, LXW_ALIGN_VERTICAL_TOP);

  f->heading_locked = workbook_add_format (wb);
  format_set_bold (f->heading_locked);
  format_set_text_wrap (f->heading_locked);
  format_set_bg_color (f->heading_locked, 0xD9D9D9);
  format_set_border (f->heading_locked, LXW_BORDER_THIN);
  f->heading_input = workbook_add_format (wb);
  format_set_bold (f->heading_input);
  format_set_text_wrap (f->heading_input);
  format_set_bg_color (f->heading_input, 0xFFF2CC);
  format_set_border (f->heading_input, LXW_BORDER_THIN);

  f->locked = workbook_add_format (wb);
  format_set_text_wrap (f->locked);
  format_set_align (f->locked, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (f->locked, 0xF2F2F2);
  format_set_border (f->locked, LXW_BORDER_THIN);
  f->locked_date = workbook_add_format (wb);
  format_set_num_format (f->locked_date, "dd/mm/yyyy");
  format_set_align (f->locked_date, LXW_ALIGN_VERTICAL_TOP);
  format_set_bg_color (f->locked_date, 0xF2F2F2);
  format_set_border (f->locked_date, LXW_BORDER_THIN);

  f->input = workbook_add_format (wb);
  format_set_unlocked (f->input);
  format_set_text_wrap (f->input);
  format_set_align (f->input, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (f->input, LXW_BORDER_THIN);
  f->input_date = workbook_add_format (wb);
  format_set_unlocked (f->input_date);
  format_set_num_format (f->input_date, "dd/mm/yyyy");
  format_set_align (f->input_date, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (f->input_date, LXW_BORDER_THIN);
}

/* The lines @text takes in a column @width characters wide. */
static int
n_lines (const char *s, double width)
{
  int lines = 0;

  if (s == NULL || *s == '\0')
    return 1;
  for (char **parts = g_strsplit (s, "\n", -1), **p = parts; parts; p++)
    {
      if (*p == NULL)
        {
          g_strfreev (parts);
          break;
        }
      lines += 1 + (int) (g_utf8_strlen (*p, -1) / (width * 0.8));
    }
  return lines;
}

static void
write_instructions (lxw_worksheet *ws, const BpRequest *r, const BpRequestContext *c,
                    const Formats *f)
{
  static const struct { BpRag rag; const char *meaning; } key[] = {
    { BP_RAG_BLUE, N_("complete, or handed over to business as usual") },
    { BP_RAG_GREEN, N_("on track") },
    { BP_RAG_AMBER, N_("at risk or slipping, with mitigation in place") },
    { BP_RAG_RED, N_("off track or significantly delayed; needs the board's help") },
    { BP_RAG_NOT_STARTED, N_("work has not begun") },
  };
  g_autofree char *due = date_long (c->due_date);
  g_autofree char *who = r->organisation ? g_strdup_printf ("%s (%s)", r->recipient, r->organisation)
                                          : g_strdup (r->recipient);
  lxw_row_t row = 0;

  worksheet_set_column (ws, 0, 0, 78, f->wrap);
  worksheet_set_paper (ws, 9); /* A4 */
  worksheet_fit_to_pages (ws, 1, 0);
  {
    g_autofree char *raw = bp_tr_printf (N_("Update request: %s"), c->programme);
    g_autofree char *line = bp_tr_strip_marks (raw);
    worksheet_write_string (ws, row++, 0, line, f->title);
  }

#define WRITE_LINE(fmt, ...)                                      \
  G_STMT_START                                                    \
  {                                                               \
    g_autofree char *raw_ = bp_tr_printf (fmt, __VA_ARGS__);      \
    g_autofree char *plain_ = bp_tr_strip_marks (raw_);           \
    worksheet_set_row (ws, row, 15.0 * n_lines (plain_, 78), NULL); \
    worksheet_write_string (ws, row++, 0, plain_, f->wrap);       \
  }                                                               \
  G_STMT_END

  WRITE_LINE (N_("For: %s"), who);
  if (c->meeting_date)
    {
      g_autofree char *meeting = date_long (c->meeting_date);

      if (c->board)
        WRITE_LINE (N_("For the meeting of the %s on %s"), c->board, meeting);
      else
        WRITE_LINE (N_("For the board meeting on %s"), meeting);
    }
  WRITE_LINE (N_("Please return it by %s."), due);
  if (c->contact)
    WRITE_LINE (N_("Send it back to: %s"), c->contact);
  row++;

  {
    g_autofree char *t = text (N_("What to fill in"));
    worksheet_write_string (ws, row++, 0, t, f->bold);
  }
  WRITE_LINE (N_("The sheet “%s” has a row for each of your open actions. Fill in the yellow "
                 "columns: New RAG (choose from the list), Progress this period, Next steps and, "
                 "for anything the board must decide or unblock, Asks of the board."),
              r->sheet_name);
  WRITE_LINE (N_("If an action will finish late, give the Revised due date (a date, such as %s) "
                 "and the Reason for new date: a date without its reason is not accepted."),
              "31/03/2027");
  {
    g_autofree char *t = text (N_("Leave a row blank when you have nothing to report on that "
                                  "action this time. The grey columns are what the plan says now: "
                                  "they are locked."));
    worksheet_set_row (ws, row, 15.0 * n_lines (t, 78), NULL);
    worksheet_write_string (ws, row++, 0, t, f->wrap);
  }
  WRITE_LINE (N_("Keep the rows, the sheets and the file as they are, and save it as .xlsx (or "
                 ".ods): the hidden sheet “%s” tells the programme team which request it answers."),
              BP_REQUEST_SHEET);
  row++;
  {
    g_autofree char *t = text (N_("The status words (BRAG)"));
    worksheet_write_string (ws, row++, 0, t, f->bold);
  }
  for (guint i = 0; i < G_N_ELEMENTS (key); i++)
    {
      g_autofree char *word = bp_tr_strip_marks (bp_rag_to_label (key[i].rag));
      g_autofree char *meaning = text (key[i].meaning);

      WRITE_LINE ("%s: %s", word, meaning);
    }
#undef WRITE_LINE
}

static void
write_action (lxw_worksheet *ws, lxw_row_t row, const BpAction *a, const Formats *f)
{
  const char *due = a->revised_due_date ? a->revised_due_date : a->due_date;
  lxw_datetime dt;
  g_autofree char *rag = bp_tr_strip_marks (bp_rag_to_label (a->rag));
  g_autofree char *latest = NULL;
  int lines;

  if (a->latest_date)
    {
      g_autofree char *uk = bp_date_format_uk (a->latest_date);
      latest = g_strdup_printf ("%s: %s", uk, a->latest_commentary ? a->latest_commentary : "");
    }
  worksheet_write_string (ws, row, BP_REQUEST_COL_REF, a->ref, f->locked);
  worksheet_write_string (ws, row, BP_REQUEST_COL_ACTION, a->title, f->locked);
  if (to_datetime (due, &dt))
    worksheet_write_datetime (ws, row, BP_REQUEST_COL_DUE, &dt, f->locked_date);
  else
    worksheet_write_string (ws, row, BP_REQUEST_COL_DUE, a->due_text ? a->due_text : "", f->locked);
  worksheet_write_string (ws, row, BP_REQUEST_COL_LATEST_RAG, rag, f->locked);
  worksheet_write_string (ws, row, BP_REQUEST_COL_LATEST_UPDATE, latest ? latest : "", f->locked);
  worksheet_write_blank (ws, row, BP_REQUEST_COL_NEW_RAG, f->input);
  worksheet_write_blank (ws, row, BP_REQUEST_COL_PROGRESS, f->input);
  worksheet_write_blank (ws, row, BP_REQUEST_COL_NEXT_STEPS, f->input);
  worksheet_write_blank (ws, row, BP_REQUEST_COL_REVISED_DUE, f->input_date);
  worksheet_write_blank (ws, row, BP_REQUEST_COL_REASON, f->input);
  worksheet_write_blank (ws, row, BP_REQUEST_COL_ASKS, f->input);
  worksheet_write_string (ws, row, BP_REQUEST_COL_OWNER, a->owner_name ? a->owner_name : "",
                          f->locked);
  worksheet_write_string (ws, row, BP_REQUEST_COL_PRIORITY,
                          a->priority_code ? a->priority_code : "", f->locked);
  /* Tall enough for the longer of the action and its latest update, and
   * for a few lines of the owner's words. */
  lines = MAX (3, MAX (n_lines (a->title, widths[BP_REQUEST_COL_ACTION]),
                       n_lines (latest, widths[BP_REQUEST_COL_LATEST_UPDATE])));
  worksheet_set_row (ws, row, MIN (409.0, 15.0 * lines), NULL);
}

static void
write_sheet (lxw_worksheet *ws, const BpRequest *r, const BpRequestContext *c, const Formats *f)
{
  static const char *const rag_msgids[] = { N_("Blue"), N_("Green"), N_("Amber"), N_("Red"),
                                            N_("Not started") };
  g_autofree char *title = NULL, *due = date_long (c->due_date);
  g_autofree char *rag_title = text (N_("New RAG"));
  char *words[G_N_ELEMENTS (rag_msgids) + 1] = { NULL };
  lxw_data_validation rag_rule = { 0 }, date_rule = { 0 };
  lxw_protection protection = { 0 };
  lxw_row_t last;

  {
    g_autofree char *raw = bp_tr_printf (N_("Progress updates from %s"), r->recipient);
    title = bp_tr_strip_marks (raw);
  }
  worksheet_write_string (ws, 0, 0, title, f->title);
  {
    g_autofree char *raw = bp_tr_printf (N_("Please return by %s. Fill in the yellow columns; "
                                            "leave a row blank if there is nothing new."), due);
    g_autofree char *plain = bp_tr_strip_marks (raw);
    worksheet_write_string (ws, 1, 0, plain, NULL);
  }
  worksheet_set_row (ws, HEADER_ROW, 30, NULL);
  for (int col = 0; col < BP_REQUEST_N_COLUMNS; col++)
    {
      g_autofree char *heading = text (bp_request_column_heading (col));

      worksheet_set_column (ws, col, col, widths[col], NULL);
      worksheet_write_string (ws, HEADER_ROW, col, heading,
                              bp_request_column_is_input (col) ? f->heading_input
                                                               : f->heading_locked);
    }
  for (guint i = 0; i < r->actions->len; i++)
    write_action (ws, HEADER_ROW + 1 + i, g_ptr_array_index (r->actions, i), f);
  last = HEADER_ROW + MAX (1, r->actions->len);

  for (guint i = 0; i < G_N_ELEMENTS (rag_msgids); i++)
    words[i] = text (rag_msgids[i]);
  rag_rule.validate = LXW_VALIDATION_TYPE_LIST;
  rag_rule.value_list = words;
  rag_rule.input_title = rag_title;
  rag_rule.error_title = rag_rule.input_title;
  {
    g_autofree char *msg = text (N_("Choose a status from the list."));
    rag_rule.error_message = msg;
    rag_rule.input_message = msg;
    worksheet_data_validation_range (ws, HEADER_ROW + 1, BP_REQUEST_COL_NEW_RAG, last,
                                     BP_REQUEST_COL_NEW_RAG, &rag_rule);
  }
  date_rule.validate = LXW_VALIDATION_TYPE_DATE;
  date_rule.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
  date_rule.minimum_datetime = (lxw_datetime) { 2000, 1, 1, 0, 0, 0 };
  date_rule.maximum_datetime = (lxw_datetime) { 2099, 12, 31, 0, 0, 0 };
  {
    g_autofree char *msg = text (N_("A date such as 31/03/2027, with its reason in the next "
                                    "column."));
    g_autofree char *err = text (N_("Give a date between 2000 and 2099, such as 31/03/2027."));
    date_rule.input_message = msg;
    date_rule.error_message = err;
    worksheet_data_validation_range (ws, HEADER_ROW + 1, BP_REQUEST_COL_REVISED_DUE, last,
                                     BP_REQUEST_COL_REVISED_DUE, &date_rule);
  }
  for (guint i = 0; words[i]; i++)
    g_free (words[i]);

  worksheet_freeze_panes (ws, HEADER_ROW + 1, 2);
  worksheet_set_landscape (ws);
  worksheet_set_paper (ws, 9); /* A4 */
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_repeat_rows (ws, HEADER_ROW, HEADER_ROW);
  /* Owners may widen columns and rows, not change the plan's cells. */
  protection.format_columns = 1;
  protection.format_rows = 1;
  worksheet_protect (ws, NULL, &protection);
}

static void
write_token_sheet (lxw_worksheet *ws, const BpRequest *r, const BpRequestContext *c)
{
  static const char *const labels[] = { BP_REQUEST_MARK, "Format", "Programme", "Recipient",
                                        "Meeting", "Due" };
  const char *values[] = { r->token, "1", c->programme, r->recipient,
                           c->meeting_date ? c->meeting_date : "", c->due_date };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      worksheet_write_string (ws, i, 0, labels[i], NULL);
      worksheet_write_string (ws, i, 1, values[i] ? values[i] : "", NULL);
    }
  worksheet_hide (ws);
}

gboolean
bp_request_write_xlsx (const BpRequest *request, const BpRequestContext *context,
                       const char *path, GError **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .tmpdir = NULL };
  BpLanguage previous = bp_tr_push (context->language);
  g_autofree char *instructions_name = NULL;
  lxw_workbook *wb;
  lxw_worksheet *instructions, *sheet, *token;
  lxw_doc_properties props = { 0 };
  Formats f;
  lxw_error rc;

  /* A sheet's name may not hold a slash: "Cyfarwyddiadau - Instructions". */
  instructions_name = text (N_("Instructions"));
  g_strdelimit (instructions_name, "[]:*?/\\", '-');
  wb = workbook_new_opt (path, &options);
  if (wb == NULL)
    {
      bp_tr_pop (previous);
      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("%s: cannot write the workbook"), path);
      return FALSE;
    }
  make_formats (wb, &f);
  props.title = (char *) context->programme;
  props.subject = (char *) request->recipient;
  props.author = (char *) "Boardpack";
  workbook_set_properties (wb, &props);
  instructions = workbook_add_worksheet (wb, instructions_name);
  sheet = workbook_add_worksheet (wb, request->sheet_name);
  token = workbook_add_worksheet (wb, BP_REQUEST_SHEET);
  if (instructions == NULL || sheet == NULL || token == NULL)
    {
      workbook_close (wb);
      g_unlink (path);
      bp_tr_pop (previous);
      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("%s: cannot name a sheet “%s”"), path,
                   instructions == NULL ? instructions_name : request->sheet_name);
      return FALSE;
    }
  write_instructions (instructions, request, context, &f);
  write_sheet (sheet, request, context, &f);
  write_token_sheet (token, request, context);
  worksheet_activate (sheet);
  rc = workbook_close (wb);
  bp_tr_pop (previous);
  if (rc != LXW_NO_ERROR)
    {
      g_unlink (path);
      g_set_error (error, BP_ERROR, BP_ERROR_IO, _("%s: cannot write the workbook: %s"), path,
                   lxw_strerror (rc));
      return FALSE;
    }
  return TRUE;
}
