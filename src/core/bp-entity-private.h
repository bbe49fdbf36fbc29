/* bp-entity-private.h: how each entity struct maps onto its table.
 *
 * One table of fields per entity drives the generic create / read /
 * update / delete code, the validation and the audit triggers, so that a
 * new column is added in one place.
 */
#pragma once

#include <stddef.h>

#include "bp-types.h"

G_BEGIN_DECLS

typedef enum
{
  BP_FIELD_TEXT,
  BP_FIELD_DATE, /* text, validated as YYYY-MM-DD */
  BP_FIELD_INT,
  BP_FIELD_ID,   /* gint64 foreign key, 0 stored as NULL */
  BP_FIELD_REAL, /* double, NAN stored as NULL */
  BP_FIELD_RAG,
  BP_FIELD_POLARITY,
} BpFieldType;

typedef enum
{
  BP_FIELD_REQUIRED = 1 << 0, /* text must not be empty, id must be set */
  BP_FIELD_VIEW = 1 << 1,     /* filled by queries, never written */
  BP_FIELD_SCORE = 1 << 2,    /* an int on the 1-5 risk scale */
  BP_FIELD_PERCENT = 1 << 3,  /* an int 0-100 */
} BpFieldFlags;

typedef struct
{
  const char *column;
  BpFieldType type;
  gsize offset;
  guint flags;
  const char *ref_table; /* for BP_FIELD_ID */
  const char *label;     /* the field in users' words, for messages */
} BpField;

typedef struct
{
  const char *table;
  const char *label; /* "action", "risk": for messages */
  gsize size;
  const BpField *fields;
  guint n_fields;
  const char *key_column; /* how users name a row: "ref", "name", "date" */
  gboolean append_only;
} BpEntity;

extern const BpEntity bp_entity_programme;
extern const BpEntity bp_entity_organisation;
extern const BpEntity bp_entity_person;
extern const BpEntity bp_entity_priority;
extern const BpEntity bp_entity_action;
extern const BpEntity bp_entity_milestone;
extern const BpEntity bp_entity_update;
extern const BpEntity bp_entity_risk;
extern const BpEntity bp_entity_mitigation;
extern const BpEntity bp_entity_measure;
extern const BpEntity bp_entity_measure_value;
extern const BpEntity bp_entity_meeting;
extern const BpEntity bp_entity_snapshot;
extern const BpEntity bp_entity_risk_band;

/* Every entity whose table is plan data, for the audit triggers. */
extern const BpEntity *const bp_entities[];

gpointer bp_entity_new (const BpEntity *entity);
void bp_entity_free (const BpEntity *entity, gpointer row);

/* "id, ref, priority_id, ..." for the stored (non-view) fields, each
 * prefixed with @alias and a dot when @alias is not NULL. */
char *bp_entity_columns (const BpEntity *entity, const char *alias);

G_END_DECLS
