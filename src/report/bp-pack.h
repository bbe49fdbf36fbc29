/* bp-pack.h: the board pack, composed from a programme's file. */
#pragma once

#include "bp-db.h"
#include "bp-document.h"
#include "bp-translate.h"

G_BEGIN_DECLS

typedef struct
{
  const char *meeting_date; /* YYYY-MM-DD; NULL for the latest meeting */
  /* "en", "cy" or "bilingual" (Welsh first); NULL for the programme's
   * language setting. Anything else fails with BP_ERROR_INVALID. */
  const char *language;
} BpPackOptions;

typedef struct _BpPack BpPack;

/* Reads everything the pack shows for the chosen meeting, once. Fails with
 * BP_ERROR_INVALID when the meeting is unknown or the file has none, and
 * with BP_TRANSLATION_ERROR when the pack's language has no catalogue. */
BpPack *bp_pack_load (BpDb *db, const BpPackOptions *options, GError **error);
void bp_pack_free (BpPack *pack);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BpPack, bp_pack_free)

/* The language of the pack's fixed text: English, Welsh or bilingual. */
BpLanguage bp_pack_get_language (BpPack *pack);

/* The date of the meeting the pack is for. */
const char *bp_pack_get_meeting_date (BpPack *pack);

/* Writes every section of the pack into @doc: a BpDocumentBuildFunc, so
 * the same composer drives the PDF and, later, printing. */
void bp_pack_build (BpDocument *doc, gpointer pack);

/* The document's metadata and running footer (strings owned by @pack), the
 * same for the PDF and for paper. */
void bp_pack_get_document_info (BpPack *pack, BpDocumentInfo *out_info);

/* Writes the loaded pack as a tagged PDF at @path. */
gboolean bp_pack_render_pdf (BpPack *pack, const char *path, GError **error);

/* Loads and writes the pack as a tagged PDF at @path. */
gboolean bp_pack_write_pdf (BpDb *db, const char *path, const BpPackOptions *options,
                            GError **error);

G_END_DECLS
