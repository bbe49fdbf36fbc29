/* bp-document-artifacts.c: artifacts in the content cairo 1.16 wrote.
 *
 * cairo writes marked content (BDC ... EMC) for tagged content only, and
 * has no way to mark artifacts; PDF/UA wants every painting or text
 * operator to be one or the other (Matterhorn 01-005, 18-001).  So the
 * PDF step reads each page's content stream here and encloses each
 * graphics object that is outside marked content (a path from its first
 * m or re to its painting operator, a BT ... ET text object, a Do, sh or
 * inline image) in an /Artifact sequence.
 *
 * This is robust because of what the engine guarantees, not because of
 * what the drawing looks like: the engine draws outside structure
 * elements only what it declared an artifact (bp-document-tags.c warns
 * otherwise), so anything cairo left unmarked is an artifact; and its
 * record of those drawings (fill, stroke or text, in order, and after
 * how many marked-content sequences of the page) names each artifact's
 * kind: decoration (/Layout), a repeated header row (/Pagination), the
 * banner (/Pagination /Header) or the footer (/Pagination /Footer).  Where
 * the record and the content disagree (a page whose marked-content count
 * is not the engine's), the objects are still artifacts, of no named
 * kind: the kind is a nicety, the marking is not.
 *
 * The content is tokenized just enough to find operators: strings,
 * names, arrays, dictionaries and inline image data are stepped over. */
#include <string.h>

#include "bp-document-private.h"

typedef struct
{
  gsize start;  /* where the operator's operands begin */
  gsize end;    /* just after the operator */
  char  name[4];
} Operator;

typedef enum
{
  OBJECT_FILL,
  OBJECT_STROKE,
  OBJECT_TEXT,
  OBJECT_CLIP,   /* a clipping path painted with n: not drawn */
  OBJECT_OTHER,  /* Do, sh, an inline image */
} ObjectType;

static gboolean
is_space (guint8 c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static gboolean
is_delimiter (guint8 c)
{
  return strchr ("()<>[]{}/%", c) != NULL && c != '\0';
}

static gboolean
is_operand_word (const guint8 *word, gsize length)
{
  if (length == 0)
    return TRUE;
  if (g_ascii_isdigit (word[0]) || word[0] == '+' || word[0] == '-' || word[0] == '.')
    return TRUE;
  return (length == 4 && memcmp (word, "true", 4) == 0)
         || (length == 5 && memcmp (word, "false", 5) == 0)
         || (length == 4 && memcmp (word, "null", 4) == 0);
}

/* Steps over an inline image's data, from just after its ID operator,
 * to just after EI (white space, "EI", then white space or the end). */
static gsize
skip_inline_image (const guint8 *data, gsize length, gsize i)
{
  for (i++; i + 2 <= length; i++)
    if (is_space (data[i - 1]) && data[i] == 'E' && data[i + 1] == 'I'
        && (i + 2 == length || is_space (data[i + 2])))
      return i + 2;
  return length;
}

/* The operators of @data in order; FALSE if the content cannot be read. */
static gboolean
tokenize (const guint8 *data, gsize length, GArray *operators)
{
  gsize i = 0;
  gsize operands = G_MAXSIZE;

  while (i < length)
    {
      guint8 c = data[i];
      gsize start = i;

      if (is_space (c))
        {
          i++;
          continue;
        }
      if (c == '%')
        {
          while (i < length && data[i] != '\n' && data[i] != '\r')
            i++;
          continue;
        }
      if (c == '(')
        {
          int depth = 0;

          for (; i < length; i++)
            {
              if (data[i] == '\\')
                i++;
              else if (data[i] == '(')
                depth++;
              else if (data[i] == ')' && --depth == 0)
                break;
            }
          if (i >= length)
            return FALSE;
          i++;
        }
      else if (c == '<' && i + 1 < length && data[i + 1] == '<')
        i += 2;
      else if (c == '>' && i + 1 < length && data[i + 1] == '>')
        i += 2;
      else if (c == '<')
        {
          while (i < length && data[i] != '>')
            i++;
          if (i >= length)
            return FALSE;
          i++;
        }
      else if (c == '[' || c == ']' || c == '{' || c == '}')
        i++;
      else if (c == '/')
        {
          for (i++; i < length && !is_space (data[i]) && !is_delimiter (data[i]); i++)
            ;
        }
      else if (c == ')' || c == '>')
        return FALSE;
      else
        {
          Operator op = { 0 };

          while (i < length && !is_space (data[i]) && !is_delimiter (data[i]))
            i++;
          if (!is_operand_word (data + start, i - start))
            {
              op.start = operands != G_MAXSIZE ? operands : start;
              memcpy (op.name, data + start, MIN (i - start, sizeof op.name - 1));
              if (i - start >= sizeof op.name)
                op.name[0] = '?'; /* no operator we look for is that long */
              if (strcmp (op.name, "ID") == 0)
                i = skip_inline_image (data, length, i);
              op.end = i;
              g_array_append_val (operators, op);
              operands = G_MAXSIZE;
              continue;
            }
        }
      if (operands == G_MAXSIZE)
        operands = start;
    }
  return TRUE;
}

static gboolean
is_named (const Operator *op, const char *name)
{
  return strcmp (op->name, name) == 0;
}

static gboolean
paints_path (const Operator *op)
{
  static const char *const painting[] = { "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n" };

  for (guint i = 0; i < G_N_ELEMENTS (painting); i++)
    if (is_named (op, painting[i]))
      return TRUE;
  return FALSE;
}

/* What the object starting at operator @k is, or -1 if it starts none. */
static int
object_at (const Operator *ops, guint n, guint k)
{
  const Operator *op = &ops[k];

  if (is_named (op, "BT"))
    return OBJECT_TEXT;
  if (is_named (op, "Do") || is_named (op, "sh") || is_named (op, "BI"))
    return OBJECT_OTHER;
  if (!is_named (op, "m") && !is_named (op, "re"))
    return -1;
  for (guint j = k + 1; j < n; j++)
    {
      if (!paints_path (&ops[j]))
        continue;
      if (is_named (&ops[j], "n"))
        return OBJECT_CLIP;
      if (ops[j].name[0] == 'S' || ops[j].name[0] == 's')
        return OBJECT_STROKE;
      return OBJECT_FILL;
    }
  return OBJECT_OTHER;
}

/* Follows the engine's record of a page's artifacts along its objects. */
typedef struct
{
  const BpDocumentArtifact *items;
  guint n_items;
  guint cursor;
  gboolean consumed;  /* the item at the cursor has had its object */
} Record;

/* The kind of an object in gap @gap of type @type. */
static BpDocumentArtifactKind
record_match (Record *record, guint gap, ObjectType type)
{
  BpDocumentInk ink = type == OBJECT_FILL ? BP_INK_FILL
                      : type == OBJECT_STROKE ? BP_INK_STROKE : BP_INK_TEXT;

  if (record->items == NULL)
    return BP_ARTIFACT_NONE;
  while (record->cursor < record->n_items && record->items[record->cursor].gap < gap)
    {
      record->cursor++;
      record->consumed = FALSE;
    }
  if (record->cursor >= record->n_items || record->items[record->cursor].gap != gap)
    return BP_ARTIFACT_NONE;
  if (type == OBJECT_CLIP || type == OBJECT_OTHER)
    return record->items[record->cursor].kind;

  /* Several text objects may be one drawing, and one text object
   * several drawings of the same kind; a fill or a stroke is one path. */
  if (record->items[record->cursor].ink == ink && (ink == BP_INK_TEXT || !record->consumed))
    {
      record->consumed = TRUE;
      return record->items[record->cursor].kind;
    }
  for (guint j = record->cursor + 1; j < record->n_items && record->items[j].gap == gap; j++)
    if (record->items[j].ink == ink)
      {
        record->cursor = j;
        record->consumed = TRUE;
        return record->items[j].kind;
      }
  return record->items[record->cursor].kind;
}

static const char *
artifact_begin (BpDocumentArtifactKind kind)
{
  switch (kind)
    {
    case BP_ARTIFACT_LAYOUT: return "/Artifact <</Type /Layout>> BDC\n";
    case BP_ARTIFACT_PAGINATION: return "/Artifact <</Type /Pagination>> BDC\n";
    case BP_ARTIFACT_HEADER: return "/Artifact <</Type /Pagination /Subtype /Header>> BDC\n";
    case BP_ARTIFACT_FOOTER: return "/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n";
    case BP_ARTIFACT_NONE:
    default:
      return "/Artifact BMC\n";
    }
}

/* cairo also writes marked content inside text objects (an /ActualText
 * Span for a line break): those are part of the text object, outside
 * marked content or in it, and not sequences of the page's own. */
static guint
count_marked (const Operator *ops, guint n)
{
  guint depth = 0, inner = 0, count = 0;
  gboolean in_text = FALSE;

  for (guint k = 0; k < n; k++)
    {
      if (is_named (&ops[k], "BT"))
        in_text = TRUE;
      else if (is_named (&ops[k], "ET"))
        in_text = FALSE;
      else if ((is_named (&ops[k], "BDC") || is_named (&ops[k], "BMC")) && in_text && depth == 0)
        inner++;
      else if (is_named (&ops[k], "BDC") || is_named (&ops[k], "BMC"))
        count += depth++ == 0;
      else if (is_named (&ops[k], "EMC") && inner > 0)
        inner--;
      else if (is_named (&ops[k], "EMC") && depth > 0)
        depth--;
    }
  return count;
}

GByteArray *
bp_document_mark_artifacts (const guint8 *content, gsize length, const BpDocumentPageTags *page)
{
  g_autoptr (GArray) array = g_array_new (FALSE, FALSE, sizeof (Operator));
  GByteArray *out;
  const Operator *ops;
  Record record = { 0 };
  gsize copied = 0;
  guint depth = 0, inner = 0, gap = 0;
  gboolean in_object = FALSE;
  gboolean in_text = FALSE;
  int open = -1; /* the kind of the open artifact */

  if (!tokenize (content, length, array))
    return NULL;
  ops = (const Operator *) array->data;

  if (page != NULL && count_marked (ops, array->len) == page->n_marked)
    {
      record.items = (const BpDocumentArtifact *) page->artifacts->data;
      record.n_items = page->artifacts->len;
    }

  out = g_byte_array_sized_new (length + length / 8 + 64);
  for (guint k = 0; k < array->len; k++)
    {
      const Operator *op = &ops[k];
      const char *insert = NULL;
      const char *close = NULL;

      if (is_named (op, "BT"))
        in_text = TRUE;
      else if (is_named (op, "ET"))
        in_text = FALSE;

      if ((is_named (op, "BDC") || is_named (op, "BMC")) && in_text && depth == 0)
        inner++; /* see count_marked () */
      else if (is_named (op, "EMC") && inner > 0)
        inner--;
      else if (is_named (op, "BDC") || is_named (op, "BMC"))
        {
          if (depth++ == 0 && open >= 0)
            {
              close = "EMC\n";
              open = -1;
            }
        }
      else if (is_named (op, "EMC"))
        {
          if (depth > 0 && --depth == 0)
            gap++;
        }
      else if (in_object)
        in_object = !(is_named (op, "ET") || paints_path (op) || is_named (op, "ID"));
      else if (depth == 0)
        {
          int type = object_at (ops, array->len, k);

          if (type >= 0)
            {
              BpDocumentArtifactKind kind = record_match (&record, gap, type);

              in_object = type != OBJECT_OTHER || is_named (op, "BI");
              if (type != OBJECT_CLIP && (int) kind != open)
                {
                  close = open >= 0 ? "EMC\n" : NULL;
                  insert = artifact_begin (kind);
                  open = (int) kind;
                }
            }
        }
      else if (is_named (op, "BT") || is_named (op, "m") || is_named (op, "re")
               || is_named (op, "BI"))
        in_object = TRUE;

      if (close != NULL || insert != NULL)
        {
          g_byte_array_append (out, content + copied, op->start - copied);
          copied = op->start;
          if (close != NULL)
            g_byte_array_append (out, (const guint8 *) close, strlen (close));
          if (insert != NULL)
            g_byte_array_append (out, (const guint8 *) insert, strlen (insert));
        }
    }
  g_byte_array_append (out, content + copied, length - copied);
  if (open >= 0)
    g_byte_array_append (out, (const guint8 *) "\nEMC\n", 5);
  return out;
}
