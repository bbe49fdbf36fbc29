/* bp-entity.c: the field tables of every entity, and generic new / free. */
#include <glib/gi18n.h>
#include <math.h>

#include "bp-entity-private.h"

#define F(S, col, typ, flg, ref, lbl) \
  { #col, typ, G_STRUCT_OFFSET (S, col), flg, ref, lbl }
#define FV(S, col) { #col, BP_FIELD_TEXT, G_STRUCT_OFFSET (S, col), BP_FIELD_VIEW, NULL, NULL }
#define ENTITY(name, S, tbl, lbl, key, ao) \
  const BpEntity bp_entity_##name = { tbl, lbl, sizeof (S), name##_fields, G_N_ELEMENTS (name##_fields), key, ao }

static const BpField programme_fields[] = {
  F (BpProgramme, title, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("title")),
  F (BpProgramme, organisations, BP_FIELD_TEXT, 0, NULL, N_("organisations")),
  F (BpProgramme, board, BP_FIELD_TEXT, 0, NULL, N_("board")),
  F (BpProgramme, chair, BP_FIELD_TEXT, 0, NULL, N_("chair")),
  F (BpProgramme, cadence_weeks, BP_FIELD_INT, 0, NULL, N_("meeting cadence")),
  F (BpProgramme, fy_start_month, BP_FIELD_INT, 0, NULL, N_("financial-year start month")),
  F (BpProgramme, language, BP_FIELD_TEXT, 0, NULL, N_("language")),
};
ENTITY (programme, BpProgramme, "programme", N_("programme"), "title", FALSE);

static const BpField organisation_fields[] = {
  F (BpOrganisation, name, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("name")),
  F (BpOrganisation, kind, BP_FIELD_TEXT, 0, NULL, N_("kind")),
};
ENTITY (organisation, BpOrganisation, "organisation", N_("organisation"), "name", FALSE);

static const BpField person_fields[] = {
  F (BpPerson, name, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("name")),
  F (BpPerson, role, BP_FIELD_TEXT, 0, NULL, N_("role")),
  F (BpPerson, email, BP_FIELD_TEXT, 0, NULL, N_("email")),
  F (BpPerson, organisation_id, BP_FIELD_ID, 0, "organisation", N_("organisation")),
};
ENTITY (person, BpPerson, "person", N_("person"), "name", FALSE);

static const BpField priority_fields[] = {
  F (BpPriority, code, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("code")),
  F (BpPriority, title, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("title")),
  F (BpPriority, lead_id, BP_FIELD_ID, 0, "person", N_("lead")),
  F (BpPriority, position, BP_FIELD_INT, 0, NULL, N_("order")),
};
ENTITY (priority, BpPriority, "priority", N_("priority area"), "code", FALSE);

static const BpField action_fields[] = {
  F (BpAction, ref, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("reference")),
  F (BpAction, priority_id, BP_FIELD_ID, BP_FIELD_REQUIRED, "priority", N_("priority area")),
  F (BpAction, title, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("title")),
  F (BpAction, description, BP_FIELD_TEXT, 0, NULL, N_("description")),
  F (BpAction, owner_id, BP_FIELD_ID, 0, "person", N_("owner")),
  F (BpAction, organisation_id, BP_FIELD_ID, 0, "organisation", N_("lead organisation")),
  F (BpAction, partners, BP_FIELD_TEXT, 0, NULL, N_("partners")),
  F (BpAction, start_date, BP_FIELD_DATE, 0, NULL, N_("start date")),
  F (BpAction, due_date, BP_FIELD_DATE, 0, NULL, N_("due date")),
  F (BpAction, due_text, BP_FIELD_TEXT, 0, NULL, N_("due (as written)")),
  F (BpAction, revised_due_date, BP_FIELD_DATE, 0, NULL, N_("revised due date")),
  F (BpAction, revised_reason, BP_FIELD_TEXT, 0, NULL, N_("reason for the revised date")),
  F (BpAction, rag, BP_FIELD_RAG, 0, NULL, N_("RAG status")),
  F (BpAction, percent, BP_FIELD_INT, BP_FIELD_PERCENT, NULL, N_("percent complete")),
  F (BpAction, impact, BP_FIELD_TEXT, 0, NULL, N_("expected impact")),
  F (BpAction, evidence, BP_FIELD_TEXT, 0, NULL, N_("evidence")),
  F (BpAction, criteria, BP_FIELD_TEXT, 0, NULL, N_("inspection criteria")),
  F (BpAction, position, BP_FIELD_INT, 0, NULL, N_("order")),
  FV (BpAction, priority_code),
  FV (BpAction, owner_name),
  FV (BpAction, organisation_name),
  FV (BpAction, latest_date),
  FV (BpAction, latest_commentary),
  FV (BpAction, latest_next_steps),
  FV (BpAction, latest_asks),
  FV (BpAction, rag_since),
};
ENTITY (action, BpAction, "action", N_("action"), "ref", FALSE);

static const BpField milestone_fields[] = {
  F (BpMilestone, action_id, BP_FIELD_ID, 0, "action", N_("action")),
  F (BpMilestone, title, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("title")),
  F (BpMilestone, due_date, BP_FIELD_DATE, 0, NULL, N_("due date")),
  F (BpMilestone, done_date, BP_FIELD_DATE, 0, NULL, N_("date done")),
};
ENTITY (milestone, BpMilestone, "milestone", N_("milestone"), "title", FALSE);

static const BpField update_fields[] = {
  F (BpUpdate, action_id, BP_FIELD_ID, BP_FIELD_REQUIRED, "action", N_("action")),
  F (BpUpdate, date, BP_FIELD_DATE, BP_FIELD_REQUIRED, NULL, N_("date")),
  F (BpUpdate, author, BP_FIELD_TEXT, 0, NULL, N_("author")),
  F (BpUpdate, rag, BP_FIELD_RAG, 0, NULL, N_("RAG status")),
  F (BpUpdate, commentary, BP_FIELD_TEXT, 0, NULL, N_("commentary")),
  F (BpUpdate, next_steps, BP_FIELD_TEXT, 0, NULL, N_("next steps")),
  F (BpUpdate, asks, BP_FIELD_TEXT, 0, NULL, N_("asks of the board")),
};
ENTITY (update, BpUpdate, "progress_update", N_("progress update"), "date", TRUE);

static const BpField risk_fields[] = {
  F (BpRisk, ref, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("reference")),
  F (BpRisk, title, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("risk")),
  F (BpRisk, cause, BP_FIELD_TEXT, 0, NULL, N_("cause")),
  F (BpRisk, consequence, BP_FIELD_TEXT, 0, NULL, N_("consequence")),
  F (BpRisk, owner_id, BP_FIELD_ID, 0, "person", N_("owner")),
  F (BpRisk, inherent_l, BP_FIELD_INT, BP_FIELD_SCORE, NULL, N_("inherent likelihood")),
  F (BpRisk, inherent_i, BP_FIELD_INT, BP_FIELD_SCORE, NULL, N_("inherent impact")),
  F (BpRisk, current_l, BP_FIELD_INT, BP_FIELD_SCORE, NULL, N_("current likelihood")),
  F (BpRisk, current_i, BP_FIELD_INT, BP_FIELD_SCORE, NULL, N_("current impact")),
  F (BpRisk, target_l, BP_FIELD_INT, BP_FIELD_SCORE, NULL, N_("target likelihood")),
  F (BpRisk, target_i, BP_FIELD_INT, BP_FIELD_SCORE, NULL, N_("target impact")),
  F (BpRisk, response, BP_FIELD_TEXT, 0, NULL, N_("response")),
  F (BpRisk, resources, BP_FIELD_TEXT, 0, NULL, N_("resources / support needed")),
  F (BpRisk, review_date, BP_FIELD_DATE, 0, NULL, N_("review date")),
  F (BpRisk, status, BP_FIELD_TEXT, 0, NULL, N_("status")),
  F (BpRisk, position, BP_FIELD_INT, 0, NULL, N_("order")),
  FV (BpRisk, owner_name),
};
ENTITY (risk, BpRisk, "risk", N_("risk"), "ref", FALSE);

static const BpField mitigation_fields[] = {
  F (BpMitigation, risk_id, BP_FIELD_ID, BP_FIELD_REQUIRED, "risk", N_("risk")),
  F (BpMitigation, description, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("mitigation")),
  F (BpMitigation, owner_id, BP_FIELD_ID, 0, "person", N_("owner")),
  F (BpMitigation, due_date, BP_FIELD_DATE, 0, NULL, N_("due date")),
  F (BpMitigation, status, BP_FIELD_TEXT, 0, NULL, N_("status")),
  F (BpMitigation, position, BP_FIELD_INT, 0, NULL, N_("order")),
  FV (BpMitigation, owner_name),
};
ENTITY (mitigation, BpMitigation, "mitigation", N_("mitigation"), "description", FALSE);

static const BpField measure_fields[] = {
  F (BpMeasure, ref, BP_FIELD_TEXT, 0, NULL, N_("reference")),
  F (BpMeasure, title, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("measure")),
  F (BpMeasure, unit, BP_FIELD_TEXT, 0, NULL, N_("unit")),
  F (BpMeasure, polarity, BP_FIELD_POLARITY, 0, NULL, N_("polarity")),
  F (BpMeasure, target, BP_FIELD_REAL, 0, NULL, N_("target")),
  F (BpMeasure, tolerance, BP_FIELD_REAL, 0, NULL, N_("tolerance")),
  F (BpMeasure, frequency, BP_FIELD_TEXT, 0, NULL, N_("frequency")),
  F (BpMeasure, baseline, BP_FIELD_REAL, 0, NULL, N_("baseline")),
  F (BpMeasure, comparator, BP_FIELD_TEXT, 0, NULL, N_("comparative data")),
  F (BpMeasure, position, BP_FIELD_INT, 0, NULL, N_("order")),
};
ENTITY (measure, BpMeasure, "measure", N_("measure"), "title", FALSE);

static const BpField measure_value_fields[] = {
  F (BpMeasureValue, measure_id, BP_FIELD_ID, BP_FIELD_REQUIRED, "measure", N_("measure")),
  F (BpMeasureValue, period, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("period")),
  F (BpMeasureValue, period_end, BP_FIELD_DATE, BP_FIELD_REQUIRED, NULL, N_("period end")),
  F (BpMeasureValue, value, BP_FIELD_REAL, 0, NULL, N_("value")),
  F (BpMeasureValue, note, BP_FIELD_TEXT, 0, NULL, N_("note")),
};
ENTITY (measure_value, BpMeasureValue, "measure_value", N_("measure value"), "period", FALSE);

static const BpField meeting_fields[] = {
  F (BpMeeting, date, BP_FIELD_DATE, BP_FIELD_REQUIRED, NULL, N_("date")),
  F (BpMeeting, time, BP_FIELD_TEXT, 0, NULL, N_("time")),
  F (BpMeeting, venue, BP_FIELD_TEXT, 0, NULL, N_("venue")),
  F (BpMeeting, agenda_item, BP_FIELD_TEXT, 0, NULL, N_("agenda item")),
  F (BpMeeting, title, BP_FIELD_TEXT, 0, NULL, N_("report title")),
  F (BpMeeting, author, BP_FIELD_TEXT, 0, NULL, N_("report author")),
  F (BpMeeting, contact, BP_FIELD_TEXT, 0, NULL, N_("contact")),
  F (BpMeeting, service, BP_FIELD_TEXT, 0, NULL, N_("service / department")),
  F (BpMeeting, presenter, BP_FIELD_TEXT, 0, NULL, N_("presenter")),
  F (BpMeeting, classification, BP_FIELD_TEXT, 0, NULL, N_("classification")),
  F (BpMeeting, wards, BP_FIELD_TEXT, 0, NULL, N_("wards affected")),
  F (BpMeeting, purpose, BP_FIELD_TEXT, 0, NULL, N_("purpose")),
  F (BpMeeting, summary, BP_FIELD_TEXT, 0, NULL, N_("summary")),
  F (BpMeeting, recommendations, BP_FIELD_TEXT, 0, NULL, N_("recommendations")),
  F (BpMeeting, reasons, BP_FIELD_TEXT, 0, NULL, N_("reasons for the recommendations")),
  F (BpMeeting, financial_implications, BP_FIELD_TEXT, 0, NULL, N_("financial implications")),
  F (BpMeeting, legal_implications, BP_FIELD_TEXT, 0, NULL, N_("legal implications")),
  F (BpMeeting, equalities_implications, BP_FIELD_TEXT, 0, NULL, N_("equalities implications")),
  F (BpMeeting, background_papers, BP_FIELD_TEXT, 0, NULL,
     N_("appendices and background papers")),
};
ENTITY (meeting, BpMeeting, "meeting", N_("meeting"), "date", FALSE);

static const BpField snapshot_fields[] = {
  F (BpSnapshot, meeting_id, BP_FIELD_ID, BP_FIELD_REQUIRED, "meeting", N_("meeting")),
  F (BpSnapshot, taken_at, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("taken at")),
  F (BpSnapshot, frozen, BP_FIELD_INT, 0, NULL, N_("frozen")),
  FV (BpSnapshot, meeting_date),
};
ENTITY (snapshot, BpSnapshot, "snapshot", N_("snapshot"), "taken_at", FALSE);

static const BpField risk_band_fields[] = {
  F (BpRiskBand, min_score, BP_FIELD_INT, 0, NULL, N_("lowest score")),
  F (BpRiskBand, max_score, BP_FIELD_INT, 0, NULL, N_("highest score")),
  F (BpRiskBand, name, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("name")),
  F (BpRiskBand, colour, BP_FIELD_TEXT, BP_FIELD_REQUIRED, NULL, N_("colour")),
};
ENTITY (risk_band, BpRiskBand, "risk_band", N_("risk band"), "name", FALSE);

const BpEntity *const bp_entities[] = {
  &bp_entity_programme, &bp_entity_organisation, &bp_entity_person,
  &bp_entity_priority, &bp_entity_action, &bp_entity_milestone,
  &bp_entity_update, &bp_entity_risk, &bp_entity_mitigation,
  &bp_entity_measure, &bp_entity_measure_value, &bp_entity_meeting,
  &bp_entity_snapshot, &bp_entity_risk_band, NULL,
};

gpointer
bp_entity_new (const BpEntity *entity)
{
  guint8 *row = g_malloc0 (entity->size);

  for (guint i = 0; i < entity->n_fields; i++)
    if (entity->fields[i].type == BP_FIELD_REAL)
      *(double *) (row + entity->fields[i].offset) = NAN;
  return row;
}

void
bp_entity_free (const BpEntity *entity, gpointer row)
{
  if (row == NULL)
    return;
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const BpField *f = &entity->fields[i];

      if (f->type == BP_FIELD_TEXT || f->type == BP_FIELD_DATE)
        g_free (*(char **) ((guint8 *) row + f->offset));
    }
  g_free (row);
}

char *
bp_entity_columns (const BpEntity *entity, const char *alias)
{
  GString *s = g_string_new (NULL);

  if (alias)
    g_string_append_printf (s, "%s.", alias);
  g_string_append (s, "id");
  for (guint i = 0; i < entity->n_fields; i++)
    {
      if (entity->fields[i].flags & BP_FIELD_VIEW)
        continue;
      g_string_append (s, ", ");
      if (alias)
        g_string_append_printf (s, "%s.", alias);
      g_string_append (s, entity->fields[i].column);
    }
  return g_string_free (s, FALSE);
}

#define FREE_FUNC(fn, T, ent) \
  void fn (T *row) { bp_entity_free (&ent, row); }

FREE_FUNC (bp_programme_free, BpProgramme, bp_entity_programme)
FREE_FUNC (bp_organisation_free, BpOrganisation, bp_entity_organisation)
FREE_FUNC (bp_person_free, BpPerson, bp_entity_person)
FREE_FUNC (bp_priority_free, BpPriority, bp_entity_priority)
FREE_FUNC (bp_action_free, BpAction, bp_entity_action)
FREE_FUNC (bp_milestone_free, BpMilestone, bp_entity_milestone)
FREE_FUNC (bp_update_free, BpUpdate, bp_entity_update)
FREE_FUNC (bp_risk_free, BpRisk, bp_entity_risk)
FREE_FUNC (bp_mitigation_free, BpMitigation, bp_entity_mitigation)
FREE_FUNC (bp_measure_free, BpMeasure, bp_entity_measure)
FREE_FUNC (bp_measure_value_free, BpMeasureValue, bp_entity_measure_value)
FREE_FUNC (bp_meeting_free, BpMeeting, bp_entity_meeting)
FREE_FUNC (bp_snapshot_free, BpSnapshot, bp_entity_snapshot)
FREE_FUNC (bp_risk_band_free, BpRiskBand, bp_entity_risk_band)

BpAction *bp_action_new (void) { return bp_entity_new (&bp_entity_action); }
BpRisk *bp_risk_new (void) { return bp_entity_new (&bp_entity_risk); }
BpMeasure *bp_measure_new (void) { return bp_entity_new (&bp_entity_measure); }
BpMeasureValue *bp_measure_value_new (void) { return bp_entity_new (&bp_entity_measure_value); }
