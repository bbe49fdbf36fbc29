/* bp-page.h: the base of the window's views: each shows the open file
 * ("db") and reloads, once per burst of changes, when the file changes. */
#pragma once

#include <gtk/gtk.h>

#include "bp-db.h"

G_BEGIN_DECLS

#define BP_TYPE_PAGE (bp_page_get_type ())
G_DECLARE_DERIVABLE_TYPE (BpPage, bp_page, BP, PAGE, GtkWidget)

struct _BpPageClass
{
  GtkWidgetClass parent_class;

  /* Shows the file's current state; db may be NULL (no file). Called only
   * while the page is shown (mapped), or by bp_page_reload_now(). */
  void (*reload) (BpPage *self);
};

BpDb *bp_page_get_db (BpPage *self);
void bp_page_set_db (BpPage *self, BpDb *db);
/* Reloads now rather than when idle (tests, and after the page's own edits). */
void bp_page_reload_now (BpPage *self);

G_END_DECLS
