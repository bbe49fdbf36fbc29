/* bp-translate.h: the language of a document's fixed text, independent of
 * the process's locale.
 *
 * The board pack is written in English, in Welsh, or bilingually with
 * Welsh first (Welsh Language Standards), whatever the locale the user
 * runs in. Its fixed text is translated through a catalogue read
 * directly from the compiled boardpack.mo, never through setlocale.
 *
 * The catalogues of the pack's languages are built into the binary (a
 * GResource compiled from po/ at build time), so a pack in Welsh needs
 * nothing installed; $BOARDPACK_LOCALEDIR, when set, replaces them with
 * DIR/LANG/LC_MESSAGES/boardpack.mo, to try a translation without
 * rebuilding. A document in a language whose catalogue is missing or
 * unreadable is refused (bp_language_check), never written in English.
 *
 * A render sets the current document language for its duration
 * (bp_tr_push / bp_tr_pop, per thread); bp_tr() and friends then give
 * the text in that language. Outside a render (BP_LANGUAGE_UI) they are
 * plain gettext in the user's locale. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  BP_LANGUAGE_UI = 0,     /* the user's locale, through gettext */
  BP_LANGUAGE_EN,
  BP_LANGUAGE_CY,
  BP_LANGUAGE_BILINGUAL,  /* Welsh first, then English */
} BpLanguage;

/* "en", "cy" or "bilingual" (also "en-GB", "cy-GB", "welsh", "english");
 * FALSE for anything else. */
gboolean    bp_language_parse (const char *text, BpLanguage *out_language);
/* "en", "cy", "bilingual"; "" for BP_LANGUAGE_UI. */
const char *bp_language_to_string (BpLanguage language);
/* The BCP 47 tag a document in @language carries: "cy" for Welsh and for
 * bilingual (Welsh first), "en-GB" otherwise. */
const char *bp_language_tag (BpLanguage language);
/* The BCP 47 tag of the text bp_tr () writes now: bp_language_tag () of
 * the language pushed, or under BP_LANGUAGE_UI the language of the
 * window's catalogue in use ("cy" when the window is in Welsh, "en-GB"
 * when nothing is translated). For a document that is not a pack, such
 * as an export written in the window's language. */
const char *bp_tr_language_tag (void);

#define BP_TRANSLATION_ERROR (bp_translation_error_quark ())

typedef enum
{
  BP_TRANSLATION_ERROR_MISSING,    /* no catalogue for the language */
  BP_TRANSLATION_ERROR_UNREADABLE, /* a catalogue that cannot be read */
} BpTranslationError;

GQuark bp_translation_error_quark (void);

/* Whether text in @language can be written: the catalogue it needs is
 * there and readable (English and BP_LANGUAGE_UI need none). Fails with
 * BP_TRANSLATION_ERROR, naming the language, otherwise. */
gboolean bp_language_check (BpLanguage language, GError **error);

/* A compiled gettext catalogue (GNU MO), read without the C library's
 * gettext. */
typedef struct _BpTranslation BpTranslation;

/* @name (a path or a resource) is for the error message. */
BpTranslation *bp_translation_new_from_bytes (GBytes *bytes, const char *name, GError **error);
BpTranslation *bp_translation_new_from_file (const char *path, GError **error);
/* The catalogue for @lang ("cy"): the built-in one, or the one in
 * $BOARDPACK_LOCALEDIR when that is set. */
BpTranslation *bp_translation_load (const char *lang, GError **error);
void           bp_translation_free (BpTranslation *t);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpTranslation, bp_translation_free)

/* The translation of @msgid, or @msgid itself when it has none. */
const char *bp_translate (BpTranslation *t, const char *msgid) G_GNUC_FORMAT (2);
const char *bp_translate_plural (BpTranslation *t, const char *msgid,
                                 const char *msgid_plural, gulong n) G_GNUC_FORMAT (2);
/* The plural form for @n by the rule of a catalogue's header (or just
 * its Plural-Forms value): "nplurals=2; plural=(n != 1);" gives 0 for 1
 * and 1 otherwise. The expression is C's: n, integers, ( ), !, * / %,
 * + -, < > <= >=, == !=, &&, ||, ?:. Without a rule, or with one that
 * cannot be read or gives an index not below nplurals, returns FALSE and
 * English's (n != 1) in @out_index. */
gboolean    bp_plural_forms_eval (const char *header, gulong n, guint *out_index);
/* The number of messages in the catalogue (the header excluded). */
guint       bp_translation_get_n_messages (BpTranslation *t);

/* The current document language of this thread; returns the previous one,
 * to hand back to bp_tr_pop(). */
BpLanguage  bp_tr_push (BpLanguage language);
void        bp_tr_pop (BpLanguage previous);
BpLanguage  bp_tr_get_language (void);

/* Fixed text in the current document language. Bilingual text is
 * "Welsh / English" (interned, never freed). A bilingual message with a
 * printf directive gives the Welsh alone: format such messages with
 * bp_tr_printf(), which formats each language and joins them. */
const char *bp_tr (const char *msgid) G_GNUC_FORMAT (1);
const char *bp_trn (const char *msgid, const char *msgid_plural, gulong n) G_GNUC_FORMAT (1);
/* @msgid translated (only) into @language. */
const char *bp_tr_in (BpLanguage language, const char *msgid) G_GNUC_FORMAT (2);
char       *bp_tr_printf (const char *msgid_format, ...) G_GNUC_PRINTF (1, 2);
char       *bp_trn_printf (const char *msgid, const char *msgid_plural, gulong n,
                           ...) G_GNUC_PRINTF (1, 4);
/* "Welsh / English" for bilingual; a copy of the one text otherwise.
 * The English half is enclosed in BP_TR_ENGLISH_BEGIN (before the " / "
 * or the new line that separates it) and BP_TR_ENGLISH_END, so that a
 * document can mark it as English for screen readers; bp_tr (),
 * bp_trn (), bp_tr_printf () and bp_trn_printf () join the same way. */
char       *bp_tr_join (const char *welsh, const char *english);

/* The marks around the English half of bilingual text: U+2063 INVISIBLE
 * SEPARATOR and U+2064 INVISIBLE PLUS, format characters that draw
 * nothing.  The document engine removes them from what it draws and
 * writes; any other writer of such text should remove them too
 * (bp_tr_strip_marks ()). */
#define BP_TR_ENGLISH_BEGIN "\xe2\x81\xa3"
#define BP_TR_ENGLISH_END   "\xe2\x81\xa4"

/* @text without the marks above, newly allocated (NULL for NULL). */
char       *bp_tr_strip_marks (const char *text);

/* Dates in the current document language, whatever the locale:
 * "Tuesday 1 July 2025" / "Dydd Mawrth 1 Gorffennaf 2025" from a
 * YYYY-MM-DD date (NULL if it is not one), and month labels
 * ("Mar", "Maw"). */
char       *bp_tr_date_long (const char *iso);
const char *bp_tr_month_abbrev (int month);
const char *bp_tr_month_name (int month);

G_END_DECLS
