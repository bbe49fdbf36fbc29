/* bp-import.c: a plan, a risk register, a scorecard or owners' updates,
 * brought in from a spreadsheet saved as CSV. */
#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>

#include "bp-csv.h"
#include "bp-dates.h"
#include "bp-db-private.h"
#include "bp-import.h"
#include "bp-query.h"
#include "bp-rules.h"

/* Messages kept in a report; the count goes on (a binary file could
 * otherwise make millions). */
#define MAX_MESSAGES 1000
/* Title rows above the header: how far down to look for it. */
#define HEADER_SEARCH_ROWS 20

/* ------------------------------------------------------------ the fields */

typedef enum
{
  F_NONE = 0,
  F_IGNORE,
  F_DERIVED, /* a risk's score or direction: worked out, not imported */
  F_REF,
  F_PRIORITY,
  F_TITLE,
  F_DESCRIPTION,
  F_OWNER,
  F_ORGANISATION,
  F_PARTNERS,
  F_START,
  F_DUE,
  F_REVISED_DUE,
  F_REVISED_REASON,
  F_RAG,
  F_PERCENT,
  F_UPDATE,
  F_NEXT_STEPS,
  F_UPDATE_DATE,
  F_AUTHOR,
  F_IMPACT,
  F_EVIDENCE,
  F_CRITERIA,
  F_CAUSE,
  F_CONSEQUENCE,
  F_LIKELIHOOD,
  F_RISK_IMPACT,
  F_INHERENT_L,
  F_INHERENT_I,
  F_TARGET_L,
  F_TARGET_I,
  F_MITIGATIONS,
  F_RESOURCES,
  F_REVIEW_DATE,
  F_RESPONSE,
  F_STATUS,
  F_MEASURE,
  F_PERIOD,
  F_PERIOD_END,
  F_VALUE,
  F_TARGET,
  F_NOTE,
  F_UNIT,
  F_POLARITY,
  F_TOLERANCE,
  F_FREQUENCY,
  F_BASELINE,
  F_COMPARATOR,
  N_FIELDS
} Field;

#define K_A (1u << BP_IMPORT_ACTIONS)
#define K_R (1u << BP_IMPORT_RISKS)
#define K_M (1u << BP_IMPORT_MEASURES)
#define K_U (1u << BP_IMPORT_UPDATES)
#define K_ALL (K_A | K_R | K_M | K_U)

typedef struct
{
  Field field;
  const char *name;
  const char *label;
  guint kinds;
  gboolean hidden; /* another name for it, accepted by --map, not listed */
} FieldInfo;

static const FieldInfo field_infos[] = {
  { F_REF, "ref", N_("reference"), K_ALL, FALSE },
  { F_PRIORITY, "priority", N_("priority area"), K_A, FALSE },
  { F_TITLE, "title", N_("title"), K_A, FALSE },
  { F_TITLE, "title", N_("risk"), K_R, FALSE },
  { F_TITLE, "risk", N_("risk"), K_R, TRUE },
  { F_TITLE, "action", N_("title"), K_A, TRUE },
  { F_DESCRIPTION, "description", N_("description"), K_A, FALSE },
  { F_OWNER, "owner", N_("owner"), K_A | K_R, FALSE },
  { F_ORGANISATION, "organisation", N_("lead organisation"), K_A, FALSE },
  { F_ORGANISATION, "organization", N_("lead organisation"), K_A, TRUE },
  { F_PARTNERS, "partners", N_("partners"), K_A, FALSE },
  { F_START, "start", N_("start date"), K_A, FALSE },
  { F_DUE, "due", N_("due date"), K_A, FALSE },
  { F_REVISED_DUE, "revised_due", N_("revised due date"), K_A, FALSE },
  { F_REVISED_REASON, "revised_reason", N_("reason for the revised date"), K_A, FALSE },
  { F_RAG, "rag", N_("RAG status"), K_A | K_U, FALSE },
  { F_RAG, "status", N_("RAG status"), K_A | K_U, TRUE },
  { F_PERCENT, "percent", N_("percent complete"), K_A, FALSE },
  { F_UPDATE, "update", N_("progress update"), K_A | K_U, FALSE },
  { F_UPDATE, "commentary", N_("progress update"), K_A | K_U, TRUE },
  { F_NEXT_STEPS, "next_steps", N_("next steps"), K_A | K_U, FALSE },
  { F_UPDATE_DATE, "update_date", N_("date of the update"), K_A | K_U, FALSE },
  { F_UPDATE_DATE, "date", N_("date of the update"), K_U, TRUE },
  { F_AUTHOR, "author", N_("who gave the update"), K_A | K_U, FALSE },
  { F_IMPACT, "impact", N_("expected impact"), K_A, FALSE },
  { F_EVIDENCE, "evidence", N_("evidence"), K_A, FALSE },
  { F_CRITERIA, "criteria", N_("inspection criteria"), K_A, FALSE },
  { F_CAUSE, "cause", N_("cause"), K_R, FALSE },
  { F_CONSEQUENCE, "consequence", N_("consequence"), K_R, FALSE },
  { F_LIKELIHOOD, "likelihood", N_("likelihood"), K_R, FALSE },
  { F_RISK_IMPACT, "impact", N_("impact"), K_R, FALSE },
  { F_INHERENT_L, "inherent_likelihood", N_("inherent likelihood"), K_R, FALSE },
  { F_INHERENT_I, "inherent_impact", N_("inherent impact"), K_R, FALSE },
  { F_TARGET_L, "target_likelihood", N_("target likelihood"), K_R, FALSE },
  { F_TARGET_I, "target_impact", N_("target impact"), K_R, FALSE },
  { F_MITIGATIONS, "mitigations", N_("mitigations"), K_R, FALSE },
  { F_RESOURCES, "resources", N_("resources / support needed"), K_R, FALSE },
  { F_REVIEW_DATE, "review_date", N_("review date"), K_R, FALSE },
  { F_RESPONSE, "response", N_("response"), K_R, FALSE },
  { F_STATUS, "status", N_("status"), K_R, FALSE },
  { F_MEASURE, "measure", N_("measure"), K_M, FALSE },
  { F_MEASURE, "title", N_("measure"), K_M, TRUE },
  { F_PERIOD, "period", N_("period"), K_M, FALSE },
  { F_PERIOD_END, "period_end", N_("period end"), K_M, FALSE },
  { F_VALUE, "value", N_("value"), K_M, FALSE },
  { F_TARGET, "target", N_("target"), K_M, FALSE },
  { F_NOTE, "note", N_("note"), K_M, FALSE },
  { F_UNIT, "unit", N_("unit"), K_M, FALSE },
  { F_POLARITY, "polarity", N_("polarity"), K_M, FALSE },
  { F_TOLERANCE, "tolerance", N_("tolerance"), K_M, FALSE },
  { F_FREQUENCY, "frequency", N_("frequency"), K_M, FALSE },
  { F_BASELINE, "baseline", N_("baseline"), K_M, FALSE },
  { F_COMPARATOR, "comparator", N_("comparative data"), K_M, FALSE },
  { F_IGNORE, "ignore", N_("ignored"), K_ALL, FALSE },
};

/* Headers as people write them, folded to lower-case letters and digits
 * ("Action No." -> "actionno", "% complete" -> "percentcomplete"). For a
 * field claimed by two columns, the alias earlier in this list wins. */
typedef struct
{
  const char *alias;
  Field field;
  guint kinds;
  Field fallback; /* what a losing column becomes: "Description" beside "Action" */
} Alias;

static const Alias aliases[] = {
  { "ref", F_REF, K_ALL, 0 },
  { "reference", F_REF, K_ALL, 0 },
  { "refno", F_REF, K_ALL, 0 },
  { "actionref", F_REF, K_A | K_U, 0 },
  { "actionreference", F_REF, K_A | K_U, 0 },
  { "actionno", F_REF, K_A | K_U, 0 },
  { "actionnumber", F_REF, K_A | K_U, 0 },
  { "actionid", F_REF, K_A | K_U, 0 },
  { "riskref", F_REF, K_R, 0 },
  { "riskreference", F_REF, K_R, 0 },
  { "riskno", F_REF, K_R, 0 },
  { "risknumber", F_REF, K_R, 0 },
  { "riskid", F_REF, K_R, 0 },
  { "measureref", F_REF, K_M, 0 },
  { "kpiref", F_REF, K_M, 0 },
  { "kpino", F_REF, K_M, 0 },
  { "code", F_REF, K_M, 0 },
  { "no", F_REF, K_ALL, 0 },
  { "number", F_REF, K_ALL, 0 },
  { "id", F_REF, K_ALL, 0 },

  { "priority", F_PRIORITY, K_A, 0 },
  { "priorityarea", F_PRIORITY, K_A, 0 },
  { "prioritycode", F_PRIORITY, K_A, 0 },
  { "keypriority", F_PRIORITY, K_A, 0 },
  { "theme", F_PRIORITY, K_A, 0 },
  { "workstream", F_PRIORITY, K_A, 0 },
  { "objective", F_PRIORITY, K_A, 0 },
  { "strand", F_PRIORITY, K_A, 0 },
  { "area", F_PRIORITY, K_A, 0 },

  { "action", F_TITLE, K_A, 0 },
  { "actiontitle", F_TITLE, K_A, 0 },
  { "actiondescription", F_TITLE, K_A, 0 },
  { "actions", F_TITLE, K_A, 0 },
  { "task", F_TITLE, K_A, 0 },
  { "whatwewilldo", F_TITLE, K_A, 0 },
  { "risk", F_TITLE, K_R, 0 },
  { "risktitle", F_TITLE, K_R, 0 },
  { "riskdescription", F_TITLE, K_R, 0 },
  { "riskevent", F_TITLE, K_R, 0 },
  { "riskname", F_TITLE, K_R, 0 },
  { "event", F_TITLE, K_R, 0 },
  { "title", F_TITLE, K_A | K_R, 0 },
  { "description", F_TITLE, K_A | K_R, F_DESCRIPTION },

  { "details", F_DESCRIPTION, K_A, 0 },
  { "detail", F_DESCRIPTION, K_A, 0 },
  { "actiondetails", F_DESCRIPTION, K_A, 0 },
  { "furtherdetails", F_DESCRIPTION, K_A, 0 },

  { "owner", F_OWNER, K_A | K_R, 0 },
  { "actionowner", F_OWNER, K_A, 0 },
  { "riskowner", F_OWNER, K_R, 0 },
  { "lead", F_OWNER, K_A | K_R, 0 },
  { "leadofficer", F_OWNER, K_A | K_R, 0 },
  { "responsibleofficer", F_OWNER, K_A | K_R, 0 },
  { "accountableofficer", F_OWNER, K_A | K_R, 0 },
  { "responsible", F_OWNER, K_A | K_R, 0 },
  { "responsibleperson", F_OWNER, K_A | K_R, 0 },
  { "leadperson", F_OWNER, K_A | K_R, 0 },
  { "leadname", F_OWNER, K_A | K_R, 0 },

  { "leadagency", F_ORGANISATION, K_A, 0 },
  { "agency", F_ORGANISATION, K_A, 0 },
  { "organisation", F_ORGANISATION, K_A, 0 },
  { "organization", F_ORGANISATION, K_A, 0 },
  { "leadorganisation", F_ORGANISATION, K_A, 0 },
  { "leadorganization", F_ORGANISATION, K_A, 0 },
  { "service", F_ORGANISATION, K_A, 0 },
  { "leadservice", F_ORGANISATION, K_A, 0 },
  { "leadpartner", F_ORGANISATION, K_A, 0 },

  { "partners", F_PARTNERS, K_A, 0 },
  { "partner", F_PARTNERS, K_A, 0 },
  { "keypartners", F_PARTNERS, K_A, 0 },
  { "supportingpartners", F_PARTNERS, K_A, 0 },
  { "supportedby", F_PARTNERS, K_A, 0 },

  { "start", F_START, K_A, 0 },
  { "startdate", F_START, K_A, 0 },
  { "datestarted", F_START, K_A, 0 },

  { "due", F_DUE, K_A, 0 },
  { "duedate", F_DUE, K_A, 0 },
  { "targetdate", F_DUE, K_A, 0 },
  { "deadline", F_DUE, K_A, 0 },
  { "timescale", F_DUE, K_A, 0 },
  { "timescales", F_DUE, K_A, 0 },
  { "completiondate", F_DUE, K_A, 0 },
  { "targetcompletiondate", F_DUE, K_A, 0 },
  { "enddate", F_DUE, K_A, 0 },
  { "bywhen", F_DUE, K_A, 0 },
  { "when", F_DUE, K_A, 0 },
  { "timeframe", F_DUE, K_A, 0 },
  { "deliverydate", F_DUE, K_A, 0 },

  { "revisedduedate", F_REVISED_DUE, K_A, 0 },
  { "reviseddate", F_REVISED_DUE, K_A, 0 },
  { "revisedtargetdate", F_REVISED_DUE, K_A, 0 },
  { "revisedcompletiondate", F_REVISED_DUE, K_A, 0 },
  { "revisedtimescale", F_REVISED_DUE, K_A, 0 },
  { "newduedate", F_REVISED_DUE, K_A, 0 },

  { "reasonforrevision", F_REVISED_REASON, K_A, 0 },
  { "revisionreason", F_REVISED_REASON, K_A, 0 },
  { "reasonforchange", F_REVISED_REASON, K_A, 0 },
  { "reasonforreviseddate", F_REVISED_REASON, K_A, 0 },
  { "reasonfordelay", F_REVISED_REASON, K_A, 0 },

  { "rag", F_RAG, K_A | K_U, 0 },
  { "brag", F_RAG, K_A | K_U, 0 },
  { "ragstatus", F_RAG, K_A | K_U, 0 },
  { "bragstatus", F_RAG, K_A | K_U, 0 },
  { "ragrating", F_RAG, K_A | K_U, 0 },
  { "bragrating", F_RAG, K_A | K_U, 0 },
  { "currentrag", F_RAG, K_A | K_U, 0 },
  { "status", F_RAG, K_A | K_U, 0 },
  { "rating", F_RAG, K_A | K_U, 0 },

  { "percentcomplete", F_PERCENT, K_A, 0 },
  { "percentagecomplete", F_PERCENT, K_A, 0 },
  { "progresspercent", F_PERCENT, K_A, 0 },
  { "percent", F_PERCENT, K_A, 0 },

  { "progress", F_UPDATE, K_A | K_U, 0 },
  { "update", F_UPDATE, K_A | K_U, 0 },
  { "progressupdate", F_UPDATE, K_A | K_U, 0 },
  { "latestupdate", F_UPDATE, K_A | K_U, 0 },
  { "commentary", F_UPDATE, K_A | K_U, 0 },
  { "comments", F_UPDATE, K_A | K_U, 0 },
  { "comment", F_UPDATE, K_A | K_U, 0 },

  { "nextsteps", F_NEXT_STEPS, K_A | K_U, 0 },
  { "nextstep", F_NEXT_STEPS, K_A | K_U, 0 },
  { "nextactions", F_NEXT_STEPS, K_A | K_U, 0 },
  { "next", F_NEXT_STEPS, K_A | K_U, 0 },

  { "updatedate", F_UPDATE_DATE, K_A | K_U, 0 },
  { "dateofupdate", F_UPDATE_DATE, K_A | K_U, 0 },
  { "dateupdated", F_UPDATE_DATE, K_A | K_U, 0 },
  { "lastupdated", F_UPDATE_DATE, K_A | K_U, 0 },
  { "updated", F_UPDATE_DATE, K_A | K_U, 0 },
  { "date", F_UPDATE_DATE, K_U, 0 },

  { "updatedby", F_AUTHOR, K_A | K_U, 0 },
  { "author", F_AUTHOR, K_A | K_U, 0 },
  { "reportedby", F_AUTHOR, K_A | K_U, 0 },
  { "by", F_AUTHOR, K_U, 0 },
  { "owner", F_AUTHOR, K_U, 0 },
  { "lead", F_AUTHOR, K_U, 0 },
  { "leadofficer", F_AUTHOR, K_U, 0 },

  { "expectedimpact", F_IMPACT, K_A, 0 },
  { "impact", F_IMPACT, K_A, 0 },
  { "expectedoutcome", F_IMPACT, K_A, 0 },
  { "expectedoutcomes", F_IMPACT, K_A, 0 },
  { "outcome", F_IMPACT, K_A, 0 },
  { "outcomes", F_IMPACT, K_A, 0 },
  { "successmeasure", F_IMPACT, K_A, 0 },
  { "successmeasures", F_IMPACT, K_A, 0 },
  { "successcriteria", F_IMPACT, K_A, 0 },
  { "measureofsuccess", F_IMPACT, K_A, 0 },

  { "evidence", F_EVIDENCE, K_A, 0 },
  { "evidenceofimpact", F_EVIDENCE, K_A, 0 },
  { "evidenceofprogress", F_EVIDENCE, K_A, 0 },

  { "criteria", F_CRITERIA, K_A, 0 },
  { "inspectioncriteria", F_CRITERIA, K_A, 0 },
  { "criterion", F_CRITERIA, K_A, 0 },
  { "recommendation", F_CRITERIA, K_A, 0 },
  { "recommendations", F_CRITERIA, K_A, 0 },
  { "inspectionrecommendation", F_CRITERIA, K_A, 0 },
  { "areaforimprovement", F_CRITERIA, K_A, 0 },
  { "areasforimprovement", F_CRITERIA, K_A, 0 },

  { "cause", F_CAUSE, K_R, 0 },
  { "causes", F_CAUSE, K_R, 0 },
  { "riskcause", F_CAUSE, K_R, 0 },
  { "consequence", F_CONSEQUENCE, K_R, 0 },
  { "consequences", F_CONSEQUENCE, K_R, 0 },
  { "effect", F_CONSEQUENCE, K_R, 0 },
  { "effects", F_CONSEQUENCE, K_R, 0 },

  { "likelihood", F_LIKELIHOOD, K_R, 0 },
  { "currentlikelihood", F_LIKELIHOOD, K_R, 0 },
  { "residuallikelihood", F_LIKELIHOOD, K_R, 0 },
  { "likelihoodcurrent", F_LIKELIHOOD, K_R, 0 },
  { "netlikelihood", F_LIKELIHOOD, K_R, 0 },
  { "probability", F_LIKELIHOOD, K_R, 0 },
  { "currentl", F_LIKELIHOOD, K_R, 0 },
  { "residuall", F_LIKELIHOOD, K_R, 0 },
  { "l", F_LIKELIHOOD, K_R, 0 },
  { "impact", F_RISK_IMPACT, K_R, 0 },
  { "currentimpact", F_RISK_IMPACT, K_R, 0 },
  { "residualimpact", F_RISK_IMPACT, K_R, 0 },
  { "impactcurrent", F_RISK_IMPACT, K_R, 0 },
  { "netimpact", F_RISK_IMPACT, K_R, 0 },
  { "severity", F_RISK_IMPACT, K_R, 0 },
  { "currenti", F_RISK_IMPACT, K_R, 0 },
  { "residuali", F_RISK_IMPACT, K_R, 0 },
  { "i", F_RISK_IMPACT, K_R, 0 },
  { "inherentlikelihood", F_INHERENT_L, K_R, 0 },
  { "grosslikelihood", F_INHERENT_L, K_R, 0 },
  { "initiallikelihood", F_INHERENT_L, K_R, 0 },
  { "originallikelihood", F_INHERENT_L, K_R, 0 },
  { "likelihoodinherent", F_INHERENT_L, K_R, 0 },
  { "inherentl", F_INHERENT_L, K_R, 0 },
  { "inherentimpact", F_INHERENT_I, K_R, 0 },
  { "grossimpact", F_INHERENT_I, K_R, 0 },
  { "initialimpact", F_INHERENT_I, K_R, 0 },
  { "originalimpact", F_INHERENT_I, K_R, 0 },
  { "impactinherent", F_INHERENT_I, K_R, 0 },
  { "inherenti", F_INHERENT_I, K_R, 0 },
  { "targetlikelihood", F_TARGET_L, K_R, 0 },
  { "likelihoodtarget", F_TARGET_L, K_R, 0 },
  { "targetl", F_TARGET_L, K_R, 0 },
  { "targetimpact", F_TARGET_I, K_R, 0 },
  { "impacttarget", F_TARGET_I, K_R, 0 },
  { "targeti", F_TARGET_I, K_R, 0 },

  { "mitigations", F_MITIGATIONS, K_R, 0 },
  { "mitigation", F_MITIGATIONS, K_R, 0 },
  { "mitigatingactions", F_MITIGATIONS, K_R, 0 },
  { "mitigationactions", F_MITIGATIONS, K_R, 0 },
  { "furthermitigations", F_MITIGATIONS, K_R, 0 },
  { "plannedmitigations", F_MITIGATIONS, K_R, 0 },
  { "controls", F_MITIGATIONS, K_R, 0 },
  { "existingcontrols", F_MITIGATIONS, K_R, 0 },
  { "currentcontrols", F_MITIGATIONS, K_R, 0 },
  { "additionalcontrols", F_MITIGATIONS, K_R, 0 },
  { "controlsandmitigations", F_MITIGATIONS, K_R, 0 },
  { "mitigationsandcontrols", F_MITIGATIONS, K_R, 0 },
  { "furtheractions", F_MITIGATIONS, K_R, 0 },
  { "actions", F_MITIGATIONS, K_R, 0 },

  { "resourcessupportneeded", F_RESOURCES, K_R, 0 },
  { "resourcesandsupportneeded", F_RESOURCES, K_R, 0 },
  { "resourcesorsupportneeded", F_RESOURCES, K_R, 0 },
  { "resourcessupportrequired", F_RESOURCES, K_R, 0 },
  { "resourcesandsupportrequired", F_RESOURCES, K_R, 0 },
  { "resourcessupport", F_RESOURCES, K_R, 0 },
  { "resourcesandsupport", F_RESOURCES, K_R, 0 },
  { "resources", F_RESOURCES, K_R, 0 },
  { "resourcesneeded", F_RESOURCES, K_R, 0 },
  { "resourcesrequired", F_RESOURCES, K_R, 0 },
  { "supportneeded", F_RESOURCES, K_R, 0 },
  { "supportrequired", F_RESOURCES, K_R, 0 },

  { "reviewdate", F_REVIEW_DATE, K_R, 0 },
  { "nextreview", F_REVIEW_DATE, K_R, 0 },
  { "nextreviewdate", F_REVIEW_DATE, K_R, 0 },
  { "response", F_RESPONSE, K_R, 0 },
  { "riskresponse", F_RESPONSE, K_R, 0 },
  { "responsetype", F_RESPONSE, K_R, 0 },
  { "treatment", F_RESPONSE, K_R, 0 },
  { "treatmentoption", F_RESPONSE, K_R, 0 },
  { "approach", F_RESPONSE, K_R, 0 },
  { "status", F_STATUS, K_R, 0 },
  { "riskstatus", F_STATUS, K_R, 0 },

  { "score", F_DERIVED, K_R, 0 },
  { "riskscore", F_DERIVED, K_R, 0 },
  { "currentscore", F_DERIVED, K_R, 0 },
  { "residualscore", F_DERIVED, K_R, 0 },
  { "inherentscore", F_DERIVED, K_R, 0 },
  { "targetscore", F_DERIVED, K_R, 0 },
  { "grossscore", F_DERIVED, K_R, 0 },
  { "netscore", F_DERIVED, K_R, 0 },
  { "rating", F_DERIVED, K_R, 0 },
  { "riskrating", F_DERIVED, K_R, 0 },
  { "currentrating", F_DERIVED, K_R, 0 },
  { "residualrating", F_DERIVED, K_R, 0 },
  { "inherentrating", F_DERIVED, K_R, 0 },
  { "targetrating", F_DERIVED, K_R, 0 },
  { "lxi", F_DERIVED, K_R, 0 },
  { "band", F_DERIVED, K_R, 0 },
  { "riskband", F_DERIVED, K_R, 0 },
  { "directionoftravel", F_DERIVED, K_R | K_M, 0 },
  { "direction", F_DERIVED, K_R | K_M, 0 },
  { "trend", F_DERIVED, K_R | K_M, 0 },
  { "rag", F_DERIVED, K_M, 0 },
  { "ragstatus", F_DERIVED, K_M, 0 },

  { "measure", F_MEASURE, K_M, 0 },
  { "measurename", F_MEASURE, K_M, 0 },
  { "kpi", F_MEASURE, K_M, 0 },
  { "kpiname", F_MEASURE, K_M, 0 },
  { "indicator", F_MEASURE, K_M, 0 },
  { "performanceindicator", F_MEASURE, K_M, 0 },
  { "metric", F_MEASURE, K_M, 0 },
  { "title", F_MEASURE, K_M, 0 },
  { "name", F_MEASURE, K_M, 0 },
  { "description", F_MEASURE, K_M, 0 },
  { "period", F_PERIOD, K_M, 0 },
  { "timeperiod", F_PERIOD, K_M, 0 },
  { "reportingperiod", F_PERIOD, K_M, 0 },
  { "month", F_PERIOD, K_M, 0 },
  { "quarter", F_PERIOD, K_M, 0 },
  { "year", F_PERIOD, K_M, 0 },
  { "date", F_PERIOD, K_M, 0 },
  { "periodend", F_PERIOD_END, K_M, 0 },
  { "periodenddate", F_PERIOD_END, K_M, 0 },
  { "periodending", F_PERIOD_END, K_M, 0 },
  { "asat", F_PERIOD_END, K_M, 0 },
  { "asof", F_PERIOD_END, K_M, 0 },
  { "value", F_VALUE, K_M, 0 },
  { "actual", F_VALUE, K_M, 0 },
  { "result", F_VALUE, K_M, 0 },
  { "figure", F_VALUE, K_M, 0 },
  { "outturn", F_VALUE, K_M, 0 },
  { "performance", F_VALUE, K_M, 0 },
  { "target", F_TARGET, K_M, 0 },
  { "targetvalue", F_TARGET, K_M, 0 },
  { "note", F_NOTE, K_M, 0 },
  { "notes", F_NOTE, K_M, 0 },
  { "commentary", F_NOTE, K_M, 0 },
  { "comments", F_NOTE, K_M, 0 },
  { "comment", F_NOTE, K_M, 0 },
  { "unit", F_UNIT, K_M, 0 },
  { "units", F_UNIT, K_M, 0 },
  { "polarity", F_POLARITY, K_M, 0 },
  { "goodis", F_POLARITY, K_M, 0 },
  { "betterif", F_POLARITY, K_M, 0 },
  { "higherorlowerisbetter", F_POLARITY, K_M, 0 },
  { "tolerance", F_TOLERANCE, K_M, 0 },
  { "frequency", F_FREQUENCY, K_M, 0 },
  { "reportingfrequency", F_FREQUENCY, K_M, 0 },
  { "baseline", F_BASELINE, K_M, 0 },
  { "comparator", F_COMPARATOR, K_M, 0 },
  { "comparators", F_COMPARATOR, K_M, 0 },
  { "comparativedata", F_COMPARATOR, K_M, 0 },
  { "benchmark", F_COMPARATOR, K_M, 0 },
  { "england", F_COMPARATOR, K_M, 0 },
  { "englandaverage", F_COMPARATOR, K_M, 0 },
  { "nationalaverage", F_COMPARATOR, K_M, 0 },
  { "statisticalneighbours", F_COMPARATOR, K_M, 0 },
  { "statisticalneighbouraverage", F_COMPARATOR, K_M, 0 },
};

/* Headers that begin with these: "Progress Update (June)", "Mitigating
 * actions in place". */
static const Alias prefixes[] = {
  { "progress", F_UPDATE, K_A | K_U, 0 },
  { "update", F_UPDATE, K_A | K_U, 0 },
  { "commentary", F_UPDATE, K_A | K_U, 0 },
  { "comment", F_UPDATE, K_A | K_U, 0 },
  { "latestupdate", F_UPDATE, K_A | K_U, 0 },
  { "mitigat", F_MITIGATIONS, K_R, 0 },
  { "control", F_MITIGATIONS, K_R, 0 },
  { "resource", F_RESOURCES, K_R, 0 },
  { "supportneeded", F_RESOURCES, K_R, 0 },
};

/* ------------------------------------------------------------ the object */

typedef struct
{
  char *header;
  char *key; /* folded */
  Field field;
} Mapping;

struct _BpImport
{
  GObject parent_instance;

  BpImportKind kind;
  char *path;
  GBytes *bytes;
  char *source_name;
  GPtrArray *mappings; /* Mapping*, in the order given */
  char *date;
  int fy_start_month;
};

G_DEFINE_FINAL_TYPE (BpImport, bp_import, G_TYPE_OBJECT)

/* A column as this run reads it. */
typedef struct
{
  char *header;
  Field field;
  int rank;        /* of its alias: lower wins */
  gboolean mapped; /* by the user */
  int map_order;
  gboolean prefix; /* recognised by how it begins */
  gboolean period; /* wide scorecards: a column of one period's values */
  char *period_end;
  char *note;
} Column;

typedef struct
{
  gint64 id;
  int row;
  char *ref, *title, *cause, *consequence, *owner, *resources, *review, *response, *status;
  int l, i, il, ii, tl, ti;
  GHashTable *mitigations; /* folded description -> 1 */
  int next_mitigation;
} RiskSeen;

typedef struct
{
  BpImport *imp;
  BpDb *db; /* NULL: checking only */
  BpImportReport *report;
  const char *source;
  int fy_start;
  char *date;

  /* The header. */
  gboolean have_header;
  gboolean mapping_failed;
  GPtrArray *pending; /* BpCsvRecord copies before the header is found */
  GArray *pending_scores; /* int: each pending record's score as the header (choose_header()) */
  int header_row;
  int n_header_cells;
  GPtrArray *columns; /* Column* */
  int field_columns[N_FIELDS][16]; /* the columns of each field, in order of use */
  int n_field_columns[N_FIELDS];
  gboolean wide;
  GPtrArray *missing; /* char* labels */
  GHashTable *warned_headerless; /* column index -> 1 */

  /* The preview. */
  guint max_rows;
  GPtrArray *preview_rows;
  GArray *preview_row_numbers;

  /* What is in the file, and what this run has added. */
  GHashTable *people;          /* folded name -> gint64 id */
  GHashTable *people_names;    /* folded name -> the name as kept */
  GHashTable *organisations;   /* folded name -> id */
  GHashTable *priority_codes;  /* folded code -> id */
  GHashTable *priority_titles; /* folded title -> id */
  GHashTable *priority_cells;  /* a Priority cell as written -> id */
  GHashTable *action_ids;      /* ref -> id, of every action in the file */
  int next_priority_number;
  int next_priority_position;
  GHashTable *next_action_position; /* priority id -> next position */
  GHashTable *refs_seen;            /* ref -> row */
  GHashTable *risks;                /* ref -> BpRisk* (in the file) */
  GHashTable *risks_seen;           /* ref -> RiskSeen* (in this source) */
  RiskSeen *last_risk;
  gint64 heading_priority; /* from a heading row: "Priority 1: Leadership" */
  int next_risk_position;
  GHashTable *measures_by_ref;      /* ref -> BpMeasure* */
  GHashTable *measures_by_title;    /* folded title -> BpMeasure* (same objects) */
  GPtrArray *measure_store;
  GHashTable *measures_changed;     /* id -> 1 */
  GHashTable *values_seen;          /* "id\x1fperiod" -> row */
  int next_measure_position;

  /* Words where a date should be, in fields without a place for words. */
  int words_count[N_FIELDS];
  int words_row[N_FIELDS];
  char *words_example[N_FIELDS];

  /* Rows the CSV reader could not read, for the count of blank rows. */
  int n_unreadable_rows;
  int last_unreadable_row;
} Run;

/* --------------------------------------------------------------- helpers */

static void
message_free (BpImportMessage *m)
{
  g_free (m->message);
  g_free (m->text);
  g_free (m);
}

static const FieldInfo *
field_info (BpImportKind kind, Field field)
{
  for (gsize i = 0; i < G_N_ELEMENTS (field_infos); i++)
    if (field_infos[i].field == field && (field_infos[i].kinds & (1u << kind))
        && !field_infos[i].hidden)
      return &field_infos[i];
  return NULL;
}

static const char *
field_name (BpImportKind kind, Field field)
{
  const FieldInfo *info = field_info (kind, field);

  return info ? info->name : NULL;
}

static const char *
field_label (BpImportKind kind, Field field)
{
  const FieldInfo *info = field_info (kind, field);

  return info ? _(info->label) : "";
}

static gboolean
is_ascii (const char *s)
{
  for (; *s; s++)
    if ((guchar) *s >= 0x80)
      return FALSE;
  return TRUE;
}

/* Lower-case letters and digits only: "Action No." -> "actionno". */
static char *
fold_key (const char *text)
{
  g_autofree char *folded = NULL;
  GString *s;

  if (text == NULL)
    text = "";
  if (is_ascii (text))
    {
      char *out = g_malloc (strlen (text) * 7 + 1), *o = out;

      for (const char *p = text; *p; p++)
        {
          if (g_ascii_isalnum (*p))
            *o++ = g_ascii_tolower (*p);
          else if (*p == '%')
            o = g_stpcpy (o, "percent");
          else if (*p == '#')
            o = g_stpcpy (o, "no");
          else if (*p == '&')
            o = g_stpcpy (o, "and");
        }
      *o = '\0';
      return out;
    }
  folded = g_utf8_casefold (text, -1);
  s = g_string_new (NULL);

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '%')
        g_string_append (s, "percent");
      else if (c == '#')
        g_string_append (s, "no");
      else if (c == '&')
        g_string_append (s, "and");
      else if (g_unichar_isalnum (c))
        g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}

/* Names of people, organisations and priorities match case-insensitively,
 * with runs of spaces as one. */
static char *
fold_name (const char *text)
{
  g_autofree char *folded = is_ascii (text) ? g_ascii_strdown (text, -1)
                                            : g_utf8_casefold (text, -1);
  GString *s = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (s->len && s->str[s->len - 1] != ' ')
            g_string_append_c (s, ' ');
        }
      else
        g_string_append_c (s, *p);
    }
  if (s->len && s->str[s->len - 1] == ' ')
    g_string_truncate (s, s->len - 1);
  return g_string_free (s, FALSE);
}

/* A cell without the spaces around it, no-break spaces included, and
 * without the apostrophe an export puts before text a spreadsheet would
 * run as a formula ("'=SUM(...)", "'-5% budget"), so that an export
 * imports back as it was. */
static char *
trim_cell (const char *cell)
{
  const char *start = cell, *end;

  /* (A carriage return in a cell was read as a line feed.) */
  if (cell && cell[0] == '\'' && cell[1] && strchr ("=+-@\t\r\n", cell[1]))
    return g_strdup (cell + 1);

  if (cell == NULL)
    return g_strdup ("");
  end = cell + strlen (cell);
  for (;;)
    {
      if (start < end && g_ascii_isspace (*start))
        start++;
      else if (end - start >= 2 && (guchar) start[0] == 0xC2 && (guchar) start[1] == 0xA0)
        start += 2;
      else
        break;
    }
  for (;;)
    {
      if (end > start && g_ascii_isspace (end[-1]))
        end--;
      else if (end - start >= 2 && (guchar) end[-2] == 0xC2 && (guchar) end[-1] == 0xA0)
        end -= 2;
      else
        break;
    }
  return g_strndup (start, end - start);
}

/* A name as it is kept: trimmed, runs of spaces as one. */
static char *
tidy_name (const char *text)
{
  g_autofree char *t = trim_cell (text);
  GString *s = g_string_new (NULL);

  for (const char *p = t; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (s->len && s->str[s->len - 1] != ' ')
            g_string_append_c (s, ' ');
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static gboolean
is_empty (const char *s)
{
  return s == NULL || *s == '\0';
}

static void
add_message (Run *run, GPtrArray *list, int line, gboolean warning, const char *msg)
{
  BpImportMessage *m = g_new0 (BpImportMessage, 1);

  m->line = line;
  m->message = g_strdup (msg);
  if (line > 0)
    m->text = g_strdup_printf (warning ? "%s:%d: warning: %s" : "%s:%d: %s", run->source, line,
                               msg);
  else
    m->text = g_strdup_printf (warning ? "%s: warning: %s" : "%s: %s", run->source, msg);
  g_ptr_array_add (list, m);
}

static void
row_error (Run *run, int row, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

static void
row_error (Run *run, int row, const char *fmt, ...)
{
  g_autofree char *msg = NULL;
  va_list ap;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  run->report->n_errors++;
  if (run->report->errors->len < MAX_MESSAGES)
    add_message (run, run->report->errors, row, FALSE, msg);
}

static void
row_warning (Run *run, int row, const char *fmt, ...) G_GNUC_PRINTF (3, 4);

static void
row_warning (Run *run, int row, const char *fmt, ...)
{
  g_autofree char *msg = NULL;
  va_list ap;

  va_start (ap, fmt);
  msg = g_strdup_vprintf (fmt, ap);
  va_end (ap);
  if (run->report->warnings->len < MAX_MESSAGES)
    add_message (run, run->report->warnings, row, TRUE, msg);
}

/* A core error, on the row that caused it. */
static void
db_error (Run *run, int row, GError *error)
{
  row_error (run, row, "%s", error ? error->message : _("the file could not be written"));
}

/* ----------------------------------------------------------------- values */

/* "4", "4 - Likely", "Likely", "Almost certain": a score on the 1-5 scale. */
static gboolean
parse_score (const char *text, gboolean likelihood, int *out)
{
  static const char *const l_words[] = { "rare", "unlikely", "possible", "likely",
                                         "almost certain" };
  static const char *const i_words[] = { "negligible", "minor", "moderate", "major",
                                         "critical" };
  g_autofree char *folded = NULL;
  char *end = NULL;
  double v;

  if (is_empty (text))
    {
      *out = 0;
      return TRUE;
    }
  v = g_ascii_strtod (text, &end);
  if (end != text)
    {
      /* A number, perhaps followed by its word: "4 - Likely", "4 (Likely)". */
      while (*end && (g_ascii_isspace (*end) || *end == '-' || *end == '(' || *end == ':'))
        end++;
      if (*end && !g_ascii_isalpha (*end))
        return FALSE;
      if (v != floor (v) || v < 1 || v > 5)
        return FALSE;
      *out = (int) v;
      return TRUE;
    }
  folded = fold_name (text);
  for (int i = 0; i < 5; i++)
    if (g_str_equal (folded, likelihood ? l_words[i] : i_words[i]))
      {
        *out = i + 1;
        return TRUE;
      }
  /* The other common impact scale's ends. */
  if (!likelihood && g_str_equal (folded, "insignificant"))
    return (*out = 1), TRUE;
  if (!likelihood && g_str_equal (folded, "catastrophic"))
    return (*out = 5), TRUE;
  if (likelihood && g_str_equal (folded, "almost certainly"))
    return (*out = 5), TRUE;
  return FALSE;
}

/* RAG words as bp_rag_parse() reads them, and a few more that plans use:
 * "Green (on track)", "G - on track", "Not yet started", "Done". */
static gboolean
parse_rag (const char *text, BpRag *out)
{
  g_autofree char *folded = NULL;
  const char *cut;

  if (bp_rag_parse (text, out))
    return TRUE;
  folded = fold_name (text);
  if (g_str_equal (folded, "not yet started"))
    return (*out = BP_RAG_NOT_STARTED), TRUE;
  if (g_str_equal (folded, "done"))
    return (*out = BP_RAG_BLUE), TRUE;
  /* A RAG word and its explanation. */
  if ((cut = strchr (folded, '(')) || (cut = strstr (folded, " - ")))
    {
      g_autofree char *first = g_strndup (folded, cut - folded);

      if (*g_strstrip (first) && bp_rag_parse (first, out))
        return TRUE;
    }
  return FALSE;
}

/* "No value": what official statistics write where there is no figure
 * (z not applicable, x unavailable, c confidential, u low reliability). */
static gboolean
is_no_value (const char *text)
{
  static const char *const marks[] = { "", "z", "x", "c", "u", "..", ".", "-", ":", "n/a",
                                       "na", "–", "—" };
  g_autofree char *folded = g_ascii_strdown (text, -1);

  for (gsize i = 0; i < G_N_ELEMENTS (marks); i++)
    if (g_str_equal (folded, marks[i]))
      return TRUE;
  return FALSE;
}

/* "93.2%", "£1,234", "1 383", "(z)": a figure, or NAN for no value. Sets
 * *@unit to "%" or "£" when the text carries one. */
static gboolean
parse_number (const char *text, double *out, const char **unit)
{
  GString *s = g_string_new (NULL);
  g_autofree char *digits = NULL;
  char *end = NULL;
  double v;

  if (unit)
    *unit = NULL;
  if (is_no_value (text))
    {
      g_string_free (s, TRUE);
      *out = NAN;
      return TRUE;
    }
  for (const char *p = text; *p; p++)
    {
      if (*p == ',' || *p == ' ')
        continue;
      if (*p == '%')
        {
          if (unit)
            *unit = "%";
          continue;
        }
      if (g_str_has_prefix (p, "£"))
        {
          if (unit)
            *unit = "£";
          p += strlen ("£") - 1;
          continue;
        }
      if (g_str_has_prefix (p, "\xC2\xA0"))
        {
          p++;
          continue;
        }
      g_string_append_c (s, *p);
    }
  digits = g_string_free (s, FALSE);
  if (*digits == '\0' || !(g_ascii_isdigit (*digits) || *digits == '-' || *digits == '+'
                           || *digits == '.'))
    return FALSE;
  v = g_ascii_strtod (digits, &end);
  if (end == digits || *end != '\0' || !isfinite (v))
    return FALSE;
  *out = v;
  return TRUE;
}

static gboolean
parse_percent (const char *text, int *out)
{
  double v;

  if (!parse_number (text, &v, NULL) || isnan (v) || v < 0 || v > 100)
    return FALSE;
  *out = (int) lround (v);
  return TRUE;
}

static gboolean
parse_polarity (const char *text, BpPolarity *out)
{
  g_autofree char *folded = fold_key (text);

  if (bp_polarity_parse (text, out))
    return TRUE;
  if (g_str_has_prefix (folded, "high") || g_str_has_prefix (folded, "up")
      || g_str_has_prefix (folded, "increase") || g_str_has_prefix (folded, "more"))
    *out = BP_POLARITY_HIGHER;
  else if (g_str_has_prefix (folded, "low") || g_str_has_prefix (folded, "down")
           || g_str_has_prefix (folded, "decrease") || g_str_has_prefix (folded, "less")
           || g_str_has_prefix (folded, "fewer"))
    *out = BP_POLARITY_LOWER;
  else if (g_str_has_prefix (folded, "target") || g_str_has_prefix (folded, "closeto"))
    *out = BP_POLARITY_TARGET;
  else
    return FALSE;
  return TRUE;
}

/* Treat, tolerate, transfer, terminate (the first word decides). */
static gboolean
parse_response (const char *text, char **out)
{
  static const char *const ts[] = { "treat", "tolerate", "transfer", "terminate" };
  g_autofree char *key = fold_key (text);

  for (gsize i = 0; i < G_N_ELEMENTS (ts); i++)
    if (g_str_has_prefix (key, ts[i]))
      {
        *out = g_strdup (ts[i]);
        return TRUE;
      }
  return FALSE;
}

/* ------------------------------------------------------------ the header */

static void
column_free (Column *c)
{
  g_free (c->header);
  g_free (c->period_end);
  g_free (c->note);
  g_free (c);
}

static const Alias *
find_alias (const Alias *list, gsize n, BpImportKind kind, const char *key, gboolean prefix,
            int *out_rank)
{
  for (gsize i = 0; i < n; i++)
    {
      if (!(list[i].kinds & (1u << kind)))
        continue;
      if (prefix ? g_str_has_prefix (key, list[i].alias) : g_str_equal (key, list[i].alias))
        {
          *out_rank = (int) i + (prefix ? 10000 : 0);
          return &list[i];
        }
    }
  return NULL;
}

/* find_alias (aliases, ...) by a hash table per kind, built once: every
 * cell of each row that may be the header is looked up, and the list is
 * long. The table gives the first alias of the kind, as the list would. */
static const Alias *
find_exact_alias (BpImportKind kind, const char *key, int *out_rank)
{
  static GHashTable *by_kind[BP_IMPORT_UPDATES + 1]; /* alias -> index + 1; never freed */
  static gsize built;
  gpointer index;

  if (g_once_init_enter (&built))
    {
      for (guint k = 0; k < G_N_ELEMENTS (by_kind); k++)
        {
          by_kind[k] = g_hash_table_new (g_str_hash, g_str_equal);
          for (gsize i = 0; i < G_N_ELEMENTS (aliases); i++)
            if ((aliases[i].kinds & (1u << k)) && !g_hash_table_contains (by_kind[k], aliases[i].alias))
              g_hash_table_insert (by_kind[k], (gpointer) aliases[i].alias, GSIZE_TO_POINTER (i + 1));
        }
      g_once_init_leave (&built, 1);
    }
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (by_kind), NULL);
  index = g_hash_table_lookup (by_kind[kind], key);
  if (index == NULL)
    return NULL;
  *out_rank = (int) GPOINTER_TO_SIZE (index) - 1;
  return &aliases[*out_rank];
}

static Field
field_from_name (BpImportKind kind, const char *name)
{
  g_autofree char *key = fold_key (name);

  for (gsize i = 0; i < G_N_ELEMENTS (field_infos); i++)
    {
      g_autofree char *fkey = fold_key (field_infos[i].name);

      if ((field_infos[i].kinds & (1u << kind)) && g_str_equal (key, fkey))
        return field_infos[i].field;
    }
  return F_NONE;
}

static gboolean
field_is_required (BpImportKind kind, Field f, gboolean wide)
{
  switch (kind)
    {
    case BP_IMPORT_ACTIONS:
    case BP_IMPORT_RISKS:
      return f == F_REF || f == F_TITLE;
    case BP_IMPORT_UPDATES:
      return f == F_REF;
    case BP_IMPORT_MEASURES:
      return f == F_MEASURE || (!wide && (f == F_PERIOD || f == F_VALUE));
    default:
      return FALSE;
    }
}

static void
set_note (Column *c, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static void
set_note (Column *c, const char *fmt, ...)
{
  va_list ap;

  g_free (c->note);
  va_start (ap, fmt);
  c->note = g_strdup_vprintf (fmt, ap);
  va_end (ap);
}

/* Which column fills which field, from the header row @cells. Errors go to
 * the report when @report_errors; returns how many columns were
 * recognised, to choose among rows that could be the header. */
static int
build_columns (Run *run, char **cells, guint n_cells, int row, gboolean report_errors,
               GPtrArray **out_columns)
{
  BpImport *imp = run->imp;
  BpImportKind kind = imp->kind;
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  int n_recognised = 0;

  for (guint i = 0; i < n_cells; i++)
    {
      Column *c = g_new0 (Column, 1);
      g_autofree char *key = NULL;
      const Alias *alias;

      c->header = tidy_name (cells[i]);
      key = fold_key (c->header);
      c->rank = G_MAXINT;
      g_ptr_array_add (columns, c);

      for (guint m = 0; m < imp->mappings->len; m++)
        {
          Mapping *map = g_ptr_array_index (imp->mappings, m);

          if (g_str_equal (map->key, key))
            {
              c->field = map->field;
              c->mapped = TRUE;
              c->map_order = (int) m;
              n_recognised++;
              set_note (c, c->field == F_IGNORE ? _("ignored (--map)") : _("set with --map"));
              break;
            }
        }
      if (c->mapped || *key == '\0')
        {
          if (*key == '\0')
            set_note (c, _("no header"));
          continue;
        }
      if ((alias = find_exact_alias (kind, key, &c->rank))
          || (alias = find_alias (prefixes, G_N_ELEMENTS (prefixes), kind, key, TRUE, &c->rank)))
        {
          c->field = alias->field;
          c->prefix = c->rank >= 10000;
          n_recognised++;
          continue;
        }
      if (kind == BP_IMPORT_MEASURES)
        {
          g_autofree char *end = NULL;
          BpDateKind dk = bp_date_parse_loose (c->header, run->fy_start, &end, NULL);

          if (dk == BP_DATE_DAY || dk == BP_DATE_PERIOD)
            {
              c->period = TRUE;
              c->period_end = g_steal_pointer (&end);
              n_recognised++;
              continue;
            }
        }
      c->field = F_NONE;
    }

  /* One column per field, unless the user mapped several (the first with
   * a value is used) or the field takes several (mitigations). */
  for (int f = F_REF; f < N_FIELDS; f++)
    {
      g_autoptr (GArray) claim = g_array_new (FALSE, FALSE, sizeof (int));
      gboolean any_mapped = FALSE;
      int best = -1;

      for (guint i = 0; i < columns->len; i++)
        {
          Column *c = g_ptr_array_index (columns, i);

          if ((int) c->field == f)
            {
              g_array_append_val (claim, i);
              any_mapped |= c->mapped;
            }
        }
      if (claim->len <= 1 || f == F_MITIGATIONS)
        continue;
      if (any_mapped)
        {
          for (guint k = 0; k < claim->len; k++)
            {
              Column *c = g_ptr_array_index (columns, g_array_index (claim, int, k));

              if (!c->mapped)
                {
                  c->field = F_NONE;
                  set_note (c, _("also looks like the %s, which --map sets"),
                            field_label (kind, f));
                }
            }
          continue;
        }
      /* The better-known header wins; of two "Progress (May)", "Progress
       * (June)" columns, the rightmost is the latest. */
      for (guint k = 0; k < claim->len; k++)
        {
          int i = g_array_index (claim, int, k);
          Column *c = g_ptr_array_index (columns, i);

          if (best < 0 || c->rank < ((Column *) g_ptr_array_index (columns, best))->rank
              || (c->prefix && f == F_UPDATE
                  && c->rank == ((Column *) g_ptr_array_index (columns, best))->rank))
            best = i;
        }
      for (guint k = 0; k < claim->len; k++)
        {
          int i = g_array_index (claim, int, k);
          Column *c = g_ptr_array_index (columns, i);
          Column *winner = g_ptr_array_index (columns, best);

          if (i == best)
            continue;
          if (c->rank == winner->rank && !(c->prefix && f == F_UPDATE))
            {
              if (report_errors)
                row_error (run, row,
                           _("columns “%s” (%d) and “%s” (%d) both look like the %s: say which "
                             "with --map (for example --map \"%s=ignore\")"),
                           winner->header, best + 1, c->header, i + 1, field_label (kind, f),
                           c->header);
              c->field = F_NONE;
              continue;
            }
          {
            const Alias *alias = NULL;
            int rank;
            g_autofree char *key = fold_key (c->header);

            alias = find_exact_alias (kind, key, &rank);
            if (alias && alias->fallback)
              {
                c->field = alias->fallback;
                c->rank = rank;
                continue;
              }
          }
          c->field = F_NONE;
          set_note (c, _("also looks like the %s; “%s” is used"), field_label (kind, f),
                    winner->header);
        }
    }

  for (guint m = 0; report_errors && m < imp->mappings->len; m++)
    {
      Mapping *map = g_ptr_array_index (imp->mappings, m);
      gboolean found = FALSE;

      for (guint i = 0; i < columns->len && !found; i++)
        found = ((Column *) g_ptr_array_index (columns, i))->mapped
                && ((Column *) g_ptr_array_index (columns, i))->map_order == (int) m;
      if (!found)
        {
          g_autoptr (GString) names = g_string_new (NULL);

          for (guint i = 0; i < columns->len; i++)
            {
              Column *c = g_ptr_array_index (columns, i);

              if (*c->header)
                g_string_append_printf (names, "%s%s", names->len ? ", " : "", c->header);
            }
          row_error (run, row, _("--map: there is no column “%s” (the columns are: %s)"),
                     map->header, names->str);
        }
    }

  for (guint i = 0; i < columns->len; i++)
    {
      Column *c = g_ptr_array_index (columns, i);

      if (c->field == F_DERIVED)
        set_note (c, kind == BP_IMPORT_MEASURES
                       ? _("worked out from the target and the values, not imported")
                       : _("worked out from likelihood × impact, not imported"));
      else if (c->field == F_IGNORE && c->note == NULL)
        set_note (c, _("ignored"));
      else if (c->field == F_NONE && !c->period && c->note == NULL)
        set_note (c, _("not recognised: ignored"));
    }

  if (out_columns)
    *out_columns = g_steal_pointer (&columns);
  return n_recognised;
}

/* Fixes the columns for the rest of the run; FALSE if the data cannot be
 * read with them (a required column missing). */
static gboolean
apply_columns (Run *run, GPtrArray *columns, int row, guint n_cells)
{
  BpImportKind kind = run->imp->kind;
  gboolean has_period_columns = FALSE, ok = TRUE;

  run->columns = columns;
  run->header_row = row;
  run->n_header_cells = (int) n_cells;
  memset (run->n_field_columns, 0, sizeof run->n_field_columns);

  for (guint i = 0; i < columns->len; i++)
    {
      Column *c = g_ptr_array_index (columns, i);

      has_period_columns |= c->period;
    }
  for (int f = F_REF; f < N_FIELDS; f++)
    {
      /* In the order the user mapped them, else left to right. */
      for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < columns->len; i++)
          {
            Column *c = g_ptr_array_index (columns, i);

            if ((int) c->field != f || c->mapped != (pass == 0))
              continue;
            if (run->n_field_columns[f] < (int) G_N_ELEMENTS (run->field_columns[f]))
              run->field_columns[f][run->n_field_columns[f]++] = (int) i;
            else
              {
                c->field = F_NONE;
                set_note (c, _("one column too many for the %s: ignored"),
                          field_label (kind, (Field) f));
              }
          }
      /* Mapped columns in --map order. */
      for (int a = 0; a < run->n_field_columns[f]; a++)
        for (int b = a + 1; b < run->n_field_columns[f]; b++)
          {
            Column *ca = g_ptr_array_index (columns, run->field_columns[f][a]);
            Column *cb = g_ptr_array_index (columns, run->field_columns[f][b]);

            if (ca->mapped && cb->mapped && cb->map_order < ca->map_order)
              {
                int t = run->field_columns[f][a];

                run->field_columns[f][a] = run->field_columns[f][b];
                run->field_columns[f][b] = t;
              }
          }
    }

  if (kind == BP_IMPORT_MEASURES)
    {
      run->wide = has_period_columns && run->n_field_columns[F_VALUE] == 0
                  && run->n_field_columns[F_PERIOD] == 0;
      if (!run->wide && has_period_columns)
        for (guint i = 0; i < columns->len; i++)
          {
            Column *c = g_ptr_array_index (columns, i);

            if (c->period)
              {
                c->period = FALSE;
                set_note (c, _("a period, but the file has Period and Value columns: ignored"));
              }
          }
      else if (run->wide)
        for (guint i = 0; i < columns->len; i++)
          {
            Column *c = g_ptr_array_index (columns, i);

            if (c->period)
              set_note (c, _("the values of %s (period ending %s)"), c->header, c->period_end);
          }
    }

  for (int f = F_REF; f < N_FIELDS; f++)
    {
      const char *examples = NULL;

      if (!field_is_required (kind, (Field) f, run->wide) || run->n_field_columns[f] > 0)
        continue;
      /* A scorecard's measures may be named by reference alone. */
      if (kind == BP_IMPORT_MEASURES && f == F_MEASURE && run->n_field_columns[F_REF] > 0)
        continue;
      switch (f)
        {
        case F_REF: examples = "Ref, Reference, No, ID, Action No"; break;
        case F_TITLE: examples = kind == BP_IMPORT_RISKS ? "Risk, Title, Risk Description"
                                                         : "Action, Action Description, Task"; break;
        case F_MEASURE: examples = "Measure, KPI, Indicator"; break;
        case F_PERIOD: examples = "Period, Month, Quarter, or one column per period (Sep-24)"; break;
        case F_VALUE: examples = "Value, Actual, Result"; break;
        default: examples = ""; break;
        }
      g_ptr_array_add (run->missing, g_strdup (field_label (kind, (Field) f)));
      row_error (run, row, _("no column for the %s (a header such as %s, or --map HEADER=%s)"),
                 field_label (kind, (Field) f), examples, field_name (kind, (Field) f));
      ok = FALSE;
    }
  if (kind == BP_IMPORT_UPDATES && run->n_field_columns[F_UPDATE] == 0
      && run->n_field_columns[F_RAG] == 0)
    {
      row_error (run, row, _("no column for the progress update or the RAG status (a header "
                             "such as Progress, Update, Commentary or RAG)"));
      ok = FALSE;
    }

  {
    g_autoptr (GString) unknown = g_string_new (NULL);

    for (guint i = 0; i < columns->len; i++)
      {
        Column *c = g_ptr_array_index (columns, i);

        if (c->field != F_NONE || c->period || *c->header == '\0')
          continue;
        if (c->note && g_str_equal (c->note, _("not recognised: ignored")))
          g_string_append_printf (unknown, "%s“%s”", unknown->len ? ", " : "", c->header);
        else
          row_warning (run, row, _("column “%s”: %s"), c->header, c->note);
      }
    if (unknown->len)
      row_warning (run, row, _("columns not recognised, ignored: %s"), unknown->str);
  }
  return ok;
}

/* ------------------------------------------------------------ row values */

static gboolean cell_is_blank (const char *cell);

typedef struct
{
  int row;
  char *v[N_FIELDS];             /* trimmed values, NULL when no column */
  const char *header[N_FIELDS];  /* the column each value came from */
  const BpCsvRecord *record;
} Row;

static void
row_clear (Row *r)
{
  for (int f = 0; f < N_FIELDS; f++)
    g_free (r->v[f]);
}

static void
row_fill (Run *run, const BpCsvRecord *rec, Row *r)
{
  memset (r, 0, sizeof *r);
  r->row = rec->row;
  r->record = rec;
  for (int f = F_REF; f < N_FIELDS; f++)
    {
      if (run->n_field_columns[f] == 0)
        continue;
      if (f == F_MITIGATIONS)
        {
          GString *all = g_string_new (NULL);

          for (int k = 0; k < run->n_field_columns[f]; k++)
            {
              int i = run->field_columns[f][k];
              g_autofree char *cell = trim_cell (i < (int) rec->n_cells ? rec->cells[i] : NULL);

              if (*cell)
                g_string_append_printf (all, "%s%s", all->len ? "\n" : "", cell);
            }
          r->v[f] = g_string_free (all, FALSE);
          r->header[f] = ((Column *) g_ptr_array_index (run->columns,
                                                        run->field_columns[f][0]))->header;
          continue;
        }
      for (int k = 0; k < run->n_field_columns[f]; k++)
        {
          int i = run->field_columns[f][k];
          g_autofree char *cell = trim_cell (i < (int) rec->n_cells ? rec->cells[i] : NULL);

          r->header[f] = ((Column *) g_ptr_array_index (run->columns, i))->header;
          if (*cell || k == run->n_field_columns[f] - 1)
            {
              r->v[f] = g_steal_pointer (&cell);
              break;
            }
        }
    }
}

static const char *
val (const Row *r, Field f)
{
  return r->v[f] && *r->v[f] ? r->v[f] : NULL;
}

/* A date cell. Words go to *@out_words when the field keeps them, else
 * are counted for one warning at the end. */
static gboolean
row_date (Run *run, const Row *r, Field f, char **out_iso, char **out_words)
{
  const char *text = val (r, f);
  g_autofree char *problem = NULL;
  BpDateKind kind;

  *out_iso = NULL;
  if (out_words)
    *out_words = NULL;
  if (text == NULL)
    return TRUE;
  kind = bp_date_parse_loose (text, run->fy_start, out_iso, &problem);
  switch (kind)
    {
    case BP_DATE_INVALID:
      row_error (run, r->row, "%s: %s", r->header[f], problem);
      return FALSE;
    case BP_DATE_WORDS:
      if (out_words)
        *out_words = g_strdup (text);
      else if (run->words_count[f]++ == 0)
        {
          run->words_row[f] = r->row;
          run->words_example[f] = g_strdup (text);
        }
      return TRUE;
    case BP_DATE_EMPTY:
    case BP_DATE_DAY:
    case BP_DATE_PERIOD:
    default:
      return TRUE;
    }
}

static gboolean
row_rag (Run *run, const Row *r, gboolean *has, BpRag *rag)
{
  const char *text = val (r, F_RAG);

  *has = text != NULL;
  *rag = BP_RAG_NOT_STARTED;
  if (text == NULL || parse_rag (text, rag))
    return TRUE;
  row_error (run, r->row,
             _("%s: “%s” is not a RAG status (R, A, G, B or the words: Red / Off track, Amber / "
               "At risk, Green / On track, Blue / Complete, Not started)"),
             r->header[F_RAG], text);
  return FALSE;
}

static gboolean
row_score (Run *run, const Row *r, Field f, int *out)
{
  const char *text = val (r, f);
  gboolean likelihood = f == F_LIKELIHOOD || f == F_INHERENT_L || f == F_TARGET_L;

  *out = 0;
  if (text == NULL || parse_score (text, likelihood, out))
    return TRUE;
  row_error (run, r->row,
             likelihood
               ? _("%s: “%s” is not a likelihood from 1 to 5 (1 Rare, 2 Unlikely, 3 Possible, "
                   "4 Likely, 5 Almost certain)")
               : _("%s: “%s” is not an impact from 1 to 5 (1 Negligible, 2 Minor, 3 Moderate, "
                   "4 Major, 5 Critical)"),
             r->header[f], text);
  return FALSE;
}

static gboolean
row_number (Run *run, const Row *r, Field f, double *out, const char **unit)
{
  const char *text = val (r, f);

  *out = NAN;
  if (unit)
    *unit = NULL;
  if (text == NULL || parse_number (text, out, unit))
    return TRUE;
  row_error (run, r->row, _("%s: “%s” is not a number"), r->header[f], text);
  return FALSE;
}

/* ---------------------------------------------------------------- lookups */

static gboolean
load_lookups (Run *run, GError **error)
{
  g_autoptr (GPtrArray) people = NULL, orgs = NULL, priorities = NULL, risks = NULL;
  g_autoptr (GPtrArray) measures = NULL;
  g_autoptr (BpProgramme) programme = NULL;
  BpDb *db = run->db;

  programme = bp_db_get_programme (db, error);
  if (programme == NULL)
    return FALSE;
  if (run->imp->fy_start_month == 0)
    run->fy_start = programme->fy_start_month;

  people = bp_db_list_people (db, error);
  if (people == NULL)
    return FALSE;
  for (guint i = 0; i < people->len; i++)
    {
      BpPerson *p = g_ptr_array_index (people, i);

      g_autofree char *key = fold_name (p->name);

      /* Two people of one name: the first keeps it. */
      if (!g_hash_table_contains (run->people, key))
        {
          g_hash_table_insert (run->people_names, g_strdup (key), g_strdup (p->name));
          g_hash_table_insert (run->people, g_steal_pointer (&key),
                               g_memdup2 (&p->id, sizeof p->id));
        }
    }
  orgs = bp_db_list_organisations (db, error);
  if (orgs == NULL)
    return FALSE;
  for (guint i = 0; i < orgs->len; i++)
    {
      BpOrganisation *o = g_ptr_array_index (orgs, i);

      g_hash_table_insert (run->organisations, fold_name (o->name),
                           g_memdup2 (&o->id, sizeof o->id));
    }

  if (run->imp->kind == BP_IMPORT_ACTIONS || run->imp->kind == BP_IMPORT_UPDATES)
    {
      /* Which references the file has, in one read rather than one a row. */
      sqlite3_stmt *stmt = bp_db_statement (db, "SELECT ref, id FROM action", error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 1);

          g_hash_table_insert (run->action_ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                               g_memdup2 (&id, sizeof id));
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          bp_db_set_sqlite_error (db, rc, _("Reading the file"), error);
          return FALSE;
        }
    }
  if (run->imp->kind == BP_IMPORT_ACTIONS)
    {
      priorities = bp_db_list_priorities (db, error);
      if (priorities == NULL)
        return FALSE;
      run->next_priority_number = 1;
      run->next_priority_position = 1;
      for (guint i = 0; i < priorities->len; i++)
        {
          BpPriority *p = g_ptr_array_index (priorities, i);

          g_hash_table_insert (run->priority_codes, fold_name (p->code),
                               g_memdup2 (&p->id, sizeof p->id));
          g_hash_table_insert (run->priority_titles, fold_key (p->title),
                               g_memdup2 (&p->id, sizeof p->id));
          if ((p->code[0] == 'P' || p->code[0] == 'p') && g_ascii_isdigit (p->code[1]))
            run->next_priority_number = MAX (run->next_priority_number, atoi (p->code + 1) + 1);
          run->next_priority_position = MAX (run->next_priority_position, p->position + 1);
        }
    }
  if (run->imp->kind == BP_IMPORT_RISKS)
    {
      risks = bp_db_list_risks (db, error);
      if (risks == NULL)
        return FALSE;
      while (risks->len > 0)
        {
          BpRisk *r = g_ptr_array_steal_index_fast (risks, risks->len - 1);

          run->next_risk_position = MAX (run->next_risk_position, r->position + 1);
          g_hash_table_insert (run->risks, g_strdup (r->ref), r);
        }
    }
  if (run->imp->kind == BP_IMPORT_MEASURES)
    {
      measures = bp_db_list_measures (db, error);
      if (measures == NULL)
        return FALSE;
      for (guint i = 0; i < measures->len; i++)
        {
          BpMeasure *m = g_ptr_array_index (measures, i);

          run->next_measure_position = MAX (run->next_measure_position, m->position + 1);
          if (m->ref && *m->ref && !g_hash_table_contains (run->measures_by_ref, m->ref))
            g_hash_table_insert (run->measures_by_ref, g_strdup (m->ref), m);
          {
            g_autofree char *key = fold_name (m->title);

            if (!g_hash_table_contains (run->measures_by_title, key))
              g_hash_table_insert (run->measures_by_title, g_steal_pointer (&key), m);
          }
        }
      g_ptr_array_extend_and_steal (run->measure_store, g_steal_pointer (&measures));
    }
  return TRUE;
}

static gint64
lookup_id (GHashTable *table, const char *key)
{
  gint64 *id = g_hash_table_lookup (table, key);

  return id ? *id : 0;
}

static gint64
resolve_organisation (Run *run, int row, const char *name)
{
  g_autofree char *key = NULL;
  g_autofree char *tidy = NULL;
  g_autoptr (GError) error = NULL;
  BpOrganisation o = { 0 };
  gint64 id;

  if (name == NULL)
    return 0;
  key = fold_name (name);
  if ((id = lookup_id (run->organisations, key)))
    return id;
  tidy = tidy_name (name);
  o.name = tidy;
  if (!bp_db_insert_organisation (run->db, &o, &error))
    {
      db_error (run, row, error);
      return -1;
    }
  run->report->organisations_created++;
  g_hash_table_insert (run->organisations, g_steal_pointer (&key), g_memdup2 (&o.id, sizeof o.id));
  return o.id;
}

static gint64
resolve_person (Run *run, int row, const char *name, gint64 organisation_id)
{
  g_autofree char *key = NULL;
  g_autofree char *tidy = NULL;
  g_autoptr (GError) error = NULL;
  BpPerson p = { 0 };
  gint64 id;

  if (name == NULL)
    return 0;
  key = fold_name (name);
  if ((id = lookup_id (run->people, key)))
    return id;
  tidy = tidy_name (name);
  p.name = tidy;
  p.organisation_id = organisation_id > 0 ? organisation_id : 0;
  if (!bp_db_insert_person (run->db, &p, &error))
    {
      db_error (run, row, error);
      return -1;
    }
  run->report->people_created++;
  g_hash_table_insert (run->people_names, g_strdup (key), g_strdup (tidy));
  g_hash_table_insert (run->people, g_steal_pointer (&key), g_memdup2 (&p.id, sizeof p.id));
  return p.id;
}

static gint64
create_priority (Run *run, int row, const char *code, const char *title)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *auto_code = NULL;
  g_autofree char *tidy_title = tidy_name (title);
  BpPriority p = { 0 };

  if (code == NULL)
    code = auto_code = g_strdup_printf ("P%d", run->next_priority_number);
  p.code = (char *) code;
  p.title = tidy_title;
  p.position = run->next_priority_position;
  if (!bp_db_insert_priority (run->db, &p, &error))
    {
      db_error (run, row, error);
      return -1;
    }
  run->report->priorities_created++;
  run->next_priority_position++;
  if ((code[0] == 'P' || code[0] == 'p') && g_ascii_isdigit (code[1]))
    run->next_priority_number = MAX (run->next_priority_number, atoi (code + 1) + 1);
  g_hash_table_insert (run->priority_codes, fold_name (code), g_memdup2 (&p.id, sizeof p.id));
  g_hash_table_insert (run->priority_titles, fold_key (tidy_title),
                       g_memdup2 (&p.id, sizeof p.id));
  return p.id;
}

/* "P3", "3", "Inclusion", "3. Inclusion", "Priority 3: Inclusion": matched
 * by code or title, created when new. */
static gint64 resolve_priority_uncached (Run *run, int row, const char *text);

/* A plan names its priority areas the same way on every row: the cell as
 * written is looked up first. */
static gint64
resolve_priority (Run *run, int row, const char *text)
{
  gint64 id = lookup_id (run->priority_cells, text);

  if (id)
    return id;
  id = resolve_priority_uncached (run, row, text);
  if (id > 0)
    g_hash_table_insert (run->priority_cells, g_strdup (text), g_memdup2 (&id, sizeof id));
  return id;
}

static gint64
resolve_priority_uncached (Run *run, int row, const char *text)
{
  g_autofree char *code_key = fold_name (text);
  g_autofree char *title_key = fold_key (text);
  const char *p = text;
  gint64 id;
  int number = -1;

  if ((id = lookup_id (run->priority_codes, code_key))
      || (id = lookup_id (run->priority_titles, title_key)))
    return id;

  /* A number in front: "P3 - Inclusion", "Priority 3: Inclusion", "3 Inclusion". */
  if (g_ascii_strncasecmp (p, "priority", 8) == 0)
    p += 8;
  while (*p == ' ')
    p++;
  if ((*p == 'P' || *p == 'p') && g_ascii_isdigit (p[1]))
    p++;
  if (g_ascii_isdigit (*p))
    {
      number = atoi (p);
      while (g_ascii_isdigit (*p))
        p++;
      while (*p && (g_ascii_isspace (*p) || strchr (".:)-", *p) || g_str_has_prefix (p, "–")))
        p += g_str_has_prefix (p, "–") ? strlen ("–") : 1;
    }
  if (number >= 0 && number < 100000)
    {
      g_autofree char *code = g_strdup_printf ("P%d", number);
      g_autofree char *key = fold_name (code);
      g_autofree char *rest_key = fold_key (p);

      if ((id = lookup_id (run->priority_codes, key)))
        return id;
      if (*p && (id = lookup_id (run->priority_titles, rest_key)))
        return id;
      return create_priority (run, row, code, *p ? p : text);
    }
  return create_priority (run, row, NULL, text);
}

/* Without a priority column: "3.2" belongs to P3. */
static gint64
priority_from_ref (Run *run, int row, const char *ref)
{
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  g_autofree char *key = NULL;
  gint64 id;
  int n;

  if (!g_ascii_isdigit (ref[0]))
    return 0;
  n = atoi (ref);
  code = g_strdup_printf ("P%d", n);
  key = fold_name (code);
  if ((id = lookup_id (run->priority_codes, key)))
    return id;
  title = g_strdup_printf (_("Priority area %d"), n);
  id = create_priority (run, row, code, title);
  if (id > 0)
    row_warning (run, row, _("created the priority area %s “%s” from the reference %s: "
                             "give it its title in Boardpack"),
                 code, title, ref);
  return id;
}

static int
next_action_position (Run *run, gint64 priority_id)
{
  gpointer stored;
  int next = 1;

  if (g_hash_table_lookup_extended (run->next_action_position, &priority_id, NULL, &stored))
    next = GPOINTER_TO_INT (stored);
  else
    {
      sqlite3_stmt *stmt = bp_db_statement (
        run->db, "SELECT coalesce(max(position), 0) + 1 FROM action WHERE priority_id = ?1", NULL);

      if (stmt)
        {
          sqlite3_bind_int64 (stmt, 1, priority_id);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            next = sqlite3_column_int (stmt, 0);
          sqlite3_reset (stmt);
        }
    }
  g_hash_table_insert (run->next_action_position, g_memdup2 (&priority_id, sizeof priority_id),
                       GINT_TO_POINTER (next + 1));
  return next;
}

/* Whether the action already has this update: the same date and words;
 * undated, the same words on any date (so a file imported again, on
 * another day, adds nothing). */
static gboolean
update_exists (Run *run, gint64 action_id, const char *date, const char *commentary,
               const char *next_steps)
{
  sqlite3_stmt *stmt;
  gboolean found;

  if (date)
    stmt = bp_db_statement (run->db,
                            "SELECT 1 FROM progress_update WHERE action_id = ?1 AND date = ?4"
                            " AND coalesce(commentary, '') = ?2"
                            " AND coalesce(next_steps, '') = ?3 LIMIT 1",
                            NULL);
  else
    stmt = bp_db_statement (run->db,
                            "SELECT 1 FROM progress_update WHERE action_id = ?1"
                            " AND coalesce(commentary, '') = ?2"
                            " AND coalesce(next_steps, '') = ?3 LIMIT 1",
                            NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, action_id);
  sqlite3_bind_text (stmt, 2, commentary ? commentary : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, next_steps ? next_steps : "", -1, SQLITE_STATIC);
  if (date)
    sqlite3_bind_text (stmt, 4, date, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
add_update (Run *run, int row, gint64 action_id, const char *date, const char *author, BpRag rag,
            const char *commentary, const char *next_steps)
{
  g_autoptr (GError) error = NULL;
  BpUpdate u = { 0 };

  u.action_id = action_id;
  u.date = (char *) date;
  u.author = (char *) author;
  u.rag = rag;
  u.commentary = (char *) commentary;
  u.next_steps = (char *) next_steps;
  if (!bp_db_add_update (run->db, &u, &error))
    {
      db_error (run, row, error);
      return FALSE;
    }
  run->report->updates_added++;
  return TRUE;
}

/* Sets *@field to @value when they differ; NULL @value leaves it. */
static void
set_text (char **field, const char *value, gboolean *changed)
{
  if (value == NULL || g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
  *changed = TRUE;
}

static void
set_id (gint64 *field, gint64 value, gboolean *changed)
{
  if (value > 0 && *field != value)
    {
      *field = value;
      *changed = TRUE;
    }
}

static void
set_int (int *field, int value, gboolean *changed)
{
  if (*field != value)
    {
      *field = value;
      *changed = TRUE;
    }
}

static void
set_real (double *field, double value, gboolean *changed)
{
  if (isnan (value))
    return;
  if (isnan (*field) || *field != value)
    {
      *field = value;
      *changed = TRUE;
    }
}

/* ---------------------------------------------------------------- actions */

/* Who gave a row's update: its own column, else the action's owner as the
 * file knows them. */
static const char *
update_author (Run *run, const Row *r)
{
  g_autofree char *key = NULL;
  const char *name;

  if (val (r, F_AUTHOR) || val (r, F_OWNER) == NULL)
    return val (r, F_AUTHOR);
  key = fold_name (val (r, F_OWNER));
  name = g_hash_table_lookup (run->people_names, key);
  return name ? name : val (r, F_OWNER);
}

/* The one cell with text in a row, if there is exactly one. */
static int
only_cell (const BpCsvRecord *rec)
{
  int found = -1;

  for (guint i = 0; i < rec->n_cells; i++)
    {
      if (cell_is_blank (rec->cells[i]))
        continue;
      if (found >= 0)
        return -1;
      found = (int) i;
    }
  return found;
}

/* A heading inside the plan, alone on its row (merged across the sheet in
 * the original): it names the priority area of the actions below it. */
static gboolean
import_heading_row (Run *run, Row *r)
{
  int cell = only_cell (r->record);
  g_autofree char *text = NULL;

  if (val (r, F_TITLE) || cell < 0
      || (cell != 0 && (run->n_field_columns[F_REF] == 0 || cell != run->field_columns[F_REF][0])))
    return FALSE;
  text = trim_cell (r->record->cells[cell]);
  /* "1.4" alone is an action without its title, not a heading. */
  if (g_ascii_isdigit (text[0]) && strlen (text) < 8 && strchr (text, ' ') == NULL)
    return FALSE;
  run->report->heading_rows++;
  if (run->db)
    run->heading_priority = resolve_priority (run, r->row, text);
  return TRUE;
}

static void
import_action_row (Run *run, Row *r)
{
  g_autofree char *start = NULL, *due = NULL, *due_words = NULL, *revised = NULL;
  g_autofree char *update_date = NULL;
  g_autoptr (BpAction) existing = NULL;
  g_autoptr (GError) error = NULL;
  const char *ref = val (r, F_REF), *title = val (r, F_TITLE);
  const char *commentary = val (r, F_UPDATE), *next_steps = val (r, F_NEXT_STEPS);
  gboolean ok = TRUE, has_rag = FALSE, has_percent = FALSE, dated;
  BpRag rag = BP_RAG_NOT_STARTED;
  int percent = 0;
  gpointer seen;

  if (import_heading_row (run, r))
    return;
  if (ref == NULL)
    {
      row_error (run, r->row, _("%s: empty; every action needs its reference"), r->header[F_REF]);
      ok = FALSE;
    }
  else if (g_hash_table_lookup_extended (run->refs_seen, ref, NULL, &seen))
    {
      row_error (run, r->row, _("the reference %s is already on row %d"), ref,
                 GPOINTER_TO_INT (seen));
      ok = FALSE;
    }
  else
    g_hash_table_insert (run->refs_seen, g_strdup (ref), GINT_TO_POINTER (r->row));

  ok &= row_date (run, r, F_START, &start, NULL);
  ok &= row_date (run, r, F_DUE, &due, &due_words);
  ok &= row_date (run, r, F_REVISED_DUE, &revised, NULL);
  ok &= row_rag (run, r, &has_rag, &rag);
  if (val (r, F_PERCENT))
    {
      has_percent = TRUE;
      if (!parse_percent (val (r, F_PERCENT), &percent))
        {
          row_error (run, r->row, _("%s: “%s” is not a percentage from 0 to 100"),
                     r->header[F_PERCENT], val (r, F_PERCENT));
          ok = FALSE;
        }
    }
  if (val (r, F_UPDATE_DATE))
    {
      g_autofree char *words = NULL;

      ok &= row_date (run, r, F_UPDATE_DATE, &update_date, &words);
      if (words)
        {
          row_error (run, r->row, _("%s: “%s” is not a date"), r->header[F_UPDATE_DATE], words);
          ok = FALSE;
        }
    }
  dated = update_date != NULL;
  if (!ok || run->db == NULL)
    return;

  if (g_hash_table_contains (run->action_ids, ref))
    {
      existing = bp_db_find_action (run->db, ref, &error);
      if (existing == NULL)
        {
          db_error (run, r->row, error);
          return;
        }
    }

  if (existing == NULL)
    {
      g_autoptr (BpAction) a = bp_action_new ();
      gint64 org = resolve_organisation (run, r->row, val (r, F_ORGANISATION));
      gint64 owner = resolve_person (run, r->row, val (r, F_OWNER), org);
      gint64 priority;

      if (title == NULL)
        {
          row_error (run, r->row, _("%s: empty; a new action needs its title"),
                     r->header[F_TITLE]);
          return;
        }
      if (val (r, F_PRIORITY))
        priority = resolve_priority (run, r->row, val (r, F_PRIORITY));
      else if (run->heading_priority > 0)
        priority = run->heading_priority;
      else
        priority = priority_from_ref (run, r->row, ref);
      if (priority == 0)
        {
          row_error (run, r->row,
                     _("no priority area for the action %s: fill in the Priority column, or "
                       "use references that begin with the priority's number (3.2)"),
                     ref);
          return;
        }
      if (priority < 0 || owner < 0 || org < 0)
        return;

      a->ref = g_strdup (ref);
      a->priority_id = priority;
      a->title = g_strdup (title);
      a->description = g_strdup (val (r, F_DESCRIPTION));
      a->owner_id = owner;
      a->organisation_id = org;
      a->partners = g_strdup (val (r, F_PARTNERS));
      a->start_date = g_steal_pointer (&start);
      a->due_date = g_steal_pointer (&due);
      a->due_text = g_steal_pointer (&due_words);
      a->revised_due_date = g_steal_pointer (&revised);
      a->revised_reason = g_strdup (val (r, F_REVISED_REASON));
      a->rag = rag;
      a->percent = has_percent ? percent : (rag == BP_RAG_BLUE ? 100 : 0);
      a->impact = g_strdup (val (r, F_IMPACT));
      a->evidence = g_strdup (val (r, F_EVIDENCE));
      a->criteria = g_strdup (val (r, F_CRITERIA));
      a->position = next_action_position (run, priority);
      if (!bp_db_insert_action (run->db, a, &error))
        {
          db_error (run, r->row, error);
          return;
        }
      run->report->actions_created++;
      g_hash_table_insert (run->action_ids, g_strdup (ref), g_memdup2 (&a->id, sizeof a->id));
      if (commentary || next_steps)
        add_update (run, r->row, a->id, dated ? update_date : run->date, update_author (run, r),
                    rag, commentary, next_steps);
      return;
    }

  /* An action already in the file: what the row says replaces what is
   * there; an empty cell leaves it. */
  {
    gboolean changed = FALSE;
    BpRag current = existing->rag;

    if (val (r, F_PRIORITY))
      {
        gint64 priority = resolve_priority (run, r->row, val (r, F_PRIORITY));

        if (priority < 0)
          return;
        if (priority != existing->priority_id)
          {
            set_id (&existing->priority_id, priority, &changed);
            existing->position = next_action_position (run, priority);
          }
      }
    if (val (r, F_ORGANISATION))
      {
        gint64 org = resolve_organisation (run, r->row, val (r, F_ORGANISATION));

        if (org < 0)
          return;
        set_id (&existing->organisation_id, org, &changed);
      }
    if (val (r, F_OWNER))
      {
        gint64 owner = resolve_person (run, r->row, val (r, F_OWNER), existing->organisation_id);

        if (owner < 0)
          return;
        set_id (&existing->owner_id, owner, &changed);
      }
    set_text (&existing->title, title, &changed);
    set_text (&existing->description, val (r, F_DESCRIPTION), &changed);
    set_text (&existing->partners, val (r, F_PARTNERS), &changed);
    set_text (&existing->start_date, start, &changed);
    if (due)
      {
        set_text (&existing->due_date, due, &changed);
        if (existing->due_text)
          {
            g_clear_pointer (&existing->due_text, g_free);
            changed = TRUE;
          }
      }
    else if (due_words)
      {
        set_text (&existing->due_text, due_words, &changed);
        if (existing->due_date)
          {
            g_clear_pointer (&existing->due_date, g_free);
            changed = TRUE;
          }
      }
    set_text (&existing->revised_due_date, revised, &changed);
    set_text (&existing->revised_reason, val (r, F_REVISED_REASON), &changed);
    if (has_percent)
      set_int (&existing->percent, percent, &changed);
    set_text (&existing->impact, val (r, F_IMPACT), &changed);
    set_text (&existing->evidence, val (r, F_EVIDENCE), &changed);
    set_text (&existing->criteria, val (r, F_CRITERIA), &changed);

    if (changed)
      {
        if (!bp_db_update_action (run->db, existing, &error))
          {
            db_error (run, r->row, error);
            return;
          }
        run->report->actions_updated++;
      }
    else
      run->report->actions_unchanged++;

    /* A new status comes with a dated update, so its history is kept. */
    if (!has_rag)
      rag = current;
    if (commentary || next_steps)
      {
        if (update_exists (run, existing->id, dated ? update_date : NULL, commentary, next_steps))
          run->report->updates_already_there++;
        else
          add_update (run, r->row, existing->id, dated ? update_date : run->date,
                      update_author (run, r), rag, commentary, next_steps);
      }
    else if (rag != current)
      add_update (run, r->row, existing->id, dated ? update_date : run->date,
                  update_author (run, r), rag, NULL, NULL);
  }
}

/* ---------------------------------------------------------------- updates */

static void
import_update_row (Run *run, Row *r)
{
  g_autofree char *update_date = NULL;
  g_autoptr (BpAction) action = NULL;
  g_autoptr (GError) error = NULL;
  const char *ref = val (r, F_REF);
  const char *commentary = val (r, F_UPDATE), *next_steps = val (r, F_NEXT_STEPS);
  gboolean ok = TRUE, has_rag = FALSE;
  BpRag rag = BP_RAG_NOT_STARTED;

  if (ref == NULL)
    {
      row_error (run, r->row, _("%s: empty; say which action the update is for"),
                 r->header[F_REF]);
      ok = FALSE;
    }
  ok &= row_rag (run, r, &has_rag, &rag);
  if (val (r, F_UPDATE_DATE))
    {
      g_autofree char *words = NULL;

      ok &= row_date (run, r, F_UPDATE_DATE, &update_date, &words);
      if (words)
        {
          row_error (run, r->row, _("%s: “%s” is not a date"), r->header[F_UPDATE_DATE], words);
          ok = FALSE;
        }
    }
  if (!ok || run->db == NULL)
    return;

  action = bp_db_find_action (run->db, ref, &error);
  if (action == NULL)
    {
      if (g_error_matches (error, BP_ERROR, BP_ERROR_NOT_FOUND))
        row_error (run, r->row, _("no action with the reference %s in the file"), ref);
      else
        db_error (run, r->row, error);
      return;
    }
  if (!has_rag)
    rag = action->rag;
  if (commentary || next_steps)
    {
      if (update_exists (run, action->id, update_date, commentary, next_steps))
        run->report->updates_already_there++;
      else
        add_update (run, r->row, action->id, update_date ? update_date : run->date,
                    val (r, F_AUTHOR), rag, commentary, next_steps);
    }
  else if (rag != action->rag)
    add_update (run, r->row, action->id, update_date ? update_date : run->date,
                val (r, F_AUTHOR), rag, NULL, NULL);
}

/* ------------------------------------------------------------------ risks */

static void
risk_seen_free (RiskSeen *s)
{
  g_free (s->ref);
  g_free (s->title);
  g_free (s->cause);
  g_free (s->consequence);
  g_free (s->owner);
  g_free (s->resources);
  g_free (s->review);
  g_free (s->response);
  g_free (s->status);
  g_clear_pointer (&s->mitigations, g_hash_table_unref);
  g_free (s);
}

/* One mitigation a line, bullets dropped. */
static GPtrArray *
split_mitigations (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) lines = NULL;

  if (text == NULL)
    return out;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *p = lines[i];
      char *line;

      while (*p && (g_ascii_isspace (*p) || *p == '-' || *p == '*'))
        p++;
      for (const char *const *b = (const char *const[]) { "•", "·", "–", "▪", "◦", NULL }; *b;
           b++)
        if (g_str_has_prefix (p, *b))
          {
            p += strlen (*b);
            break;
          }
      line = trim_cell (p);
      if (*line)
        g_ptr_array_add (out, line);
      else
        g_free (line);
    }
  return out;
}

static gboolean
add_mitigations (Run *run, int row, RiskSeen *seen, const char *text)
{
  g_autoptr (GPtrArray) items = split_mitigations (text);

  for (guint i = 0; i < items->len; i++)
    {
      const char *d = g_ptr_array_index (items, i);
      g_autofree char *key = fold_name (d);
      g_autoptr (GError) error = NULL;
      BpMitigation m = { 0 };

      if (g_hash_table_contains (seen->mitigations, key))
        continue;
      m.risk_id = seen->id;
      m.description = (char *) d;
      m.position = seen->next_mitigation++;
      if (!bp_db_insert_mitigation (run->db, &m, &error))
        {
          db_error (run, row, error);
          return FALSE;
        }
      run->report->mitigations_added++;
      g_hash_table_add (seen->mitigations, g_steal_pointer (&key));
    }
  return TRUE;
}

/* A repeated row of a risk may add mitigations; anything else it says must
 * agree with the first. */
static gboolean
check_repeat (Run *run, const Row *r, Field f, const char *first, int first_row)
{
  const char *v = val (r, f);

  if (v == NULL || first == NULL || g_strcmp0 (v, first) == 0)
    return TRUE;
  row_error (run, r->row,
             _("the risk %s is already on row %d with another %s (“%s”, here “%s”): a repeated "
               "row may only add mitigations"),
             val (r, F_REF) ? val (r, F_REF) : "", first_row, r->header[f], first, v);
  return FALSE;
}

static void
import_risk_row (Run *run, Row *r)
{
  g_autofree char *review = NULL, *response = NULL;
  g_autoptr (GError) error = NULL;
  const char *ref = val (r, F_REF), *title = val (r, F_TITLE);
  RiskSeen *seen;
  BpRisk *existing;
  gboolean ok = TRUE;
  int l, i, il, ii, tl, ti;

  /* A row that only continues the risk above (merged cells in the sheet). */
  if (ref == NULL && title == NULL && val (r, F_MITIGATIONS))
    {
      if (run->last_risk == NULL)
        {
          row_error (run, r->row, _("mitigations without a risk: the reference is empty"));
          return;
        }
      if (run->db && run->last_risk->id > 0)
        add_mitigations (run, r->row, run->last_risk, val (r, F_MITIGATIONS));
      return;
    }
  if (ref == NULL)
    {
      row_error (run, r->row, _("%s: empty; every risk needs its reference"), r->header[F_REF]);
      return;
    }

  ok &= row_score (run, r, F_LIKELIHOOD, &l);
  ok &= row_score (run, r, F_RISK_IMPACT, &i);
  ok &= row_score (run, r, F_INHERENT_L, &il);
  ok &= row_score (run, r, F_INHERENT_I, &ii);
  ok &= row_score (run, r, F_TARGET_L, &tl);
  ok &= row_score (run, r, F_TARGET_I, &ti);
  ok &= row_date (run, r, F_REVIEW_DATE, &review, NULL);
  if (val (r, F_RESPONSE) && !parse_response (val (r, F_RESPONSE), &response))
    {
      row_error (run, r->row, _("%s: “%s” is not a response (Treat, Tolerate, Transfer or "
                                "Terminate)"),
                 r->header[F_RESPONSE], val (r, F_RESPONSE));
      ok = FALSE;
    }

  seen = g_hash_table_lookup (run->risks_seen, ref);
  if (seen)
    {
      ok &= check_repeat (run, r, F_TITLE, seen->title, seen->row);
      ok &= check_repeat (run, r, F_CAUSE, seen->cause, seen->row);
      ok &= check_repeat (run, r, F_CONSEQUENCE, seen->consequence, seen->row);
      ok &= check_repeat (run, r, F_OWNER, seen->owner, seen->row);
      ok &= check_repeat (run, r, F_RESOURCES, seen->resources, seen->row);
      ok &= check_repeat (run, r, F_STATUS, seen->status, seen->row);
      if ((l && seen->l && l != seen->l) || (i && seen->i && i != seen->i)
          || (il && seen->il && il != seen->il) || (ii && seen->ii && ii != seen->ii)
          || (tl && seen->tl && tl != seen->tl) || (ti && seen->ti && ti != seen->ti))
        {
          row_error (run, r->row,
                     _("the risk %s is already on row %d with other scores: a repeated row may "
                       "only add mitigations"),
                     ref, seen->row);
          ok = FALSE;
        }
      if (ok && run->db && seen->id > 0)
        add_mitigations (run, r->row, seen, val (r, F_MITIGATIONS));
      run->last_risk = seen;
      return;
    }

  if (title == NULL && !g_hash_table_contains (run->risks, ref))
    {
      row_error (run, r->row, _("%s: empty; a new risk needs its description"),
                 r->header[F_TITLE]);
      ok = FALSE;
    }

  seen = g_new0 (RiskSeen, 1);
  seen->row = r->row;
  seen->ref = g_strdup (ref);
  seen->title = g_strdup (title);
  seen->cause = g_strdup (val (r, F_CAUSE));
  seen->consequence = g_strdup (val (r, F_CONSEQUENCE));
  seen->owner = g_strdup (val (r, F_OWNER));
  seen->resources = g_strdup (val (r, F_RESOURCES));
  seen->status = g_strdup (val (r, F_STATUS));
  seen->l = l, seen->i = i, seen->il = il, seen->ii = ii, seen->tl = tl, seen->ti = ti;
  seen->mitigations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_insert (run->risks_seen, g_strdup (ref), seen);
  run->last_risk = seen;
  if (!ok || run->db == NULL)
    return;

  existing = g_hash_table_lookup (run->risks, ref);
  {
    gint64 owner = resolve_person (run, r->row, val (r, F_OWNER), 0);
    g_autoptr (BpRisk) fresh = NULL;
    BpRisk *risk;
    gboolean changed = FALSE;

    if (owner < 0)
      return;
    if (existing == NULL)
      {
        fresh = bp_risk_new ();
        fresh->ref = g_strdup (ref);
        fresh->position = run->next_risk_position++;
        risk = fresh;
      }
    else
      risk = existing;

    set_text (&risk->title, title, &changed);
    set_text (&risk->cause, val (r, F_CAUSE), &changed);
    set_text (&risk->consequence, val (r, F_CONSEQUENCE), &changed);
    set_id (&risk->owner_id, owner, &changed);
    if (val (r, F_LIKELIHOOD))
      set_int (&risk->current_l, l, &changed);
    if (val (r, F_RISK_IMPACT))
      set_int (&risk->current_i, i, &changed);
    if (val (r, F_INHERENT_L))
      set_int (&risk->inherent_l, il, &changed);
    if (val (r, F_INHERENT_I))
      set_int (&risk->inherent_i, ii, &changed);
    if (val (r, F_TARGET_L))
      set_int (&risk->target_l, tl, &changed);
    if (val (r, F_TARGET_I))
      set_int (&risk->target_i, ti, &changed);
    set_text (&risk->resources, val (r, F_RESOURCES), &changed);
    set_text (&risk->review_date, review, &changed);
    set_text (&risk->response, response, &changed);
    set_text (&risk->status, val (r, F_STATUS), &changed);

    if (existing == NULL)
      {
        if (!bp_db_insert_risk (run->db, risk, &error))
          {
            db_error (run, r->row, error);
            return;
          }
        run->report->risks_created++;
      }
    else if (changed)
      {
        if (!bp_db_update_risk (run->db, risk, &error))
          {
            db_error (run, r->row, error);
            return;
          }
        run->report->risks_updated++;
      }
    else
      run->report->risks_unchanged++;
    seen->id = risk->id;

    if (existing)
      {
        g_autoptr (GPtrArray) known = bp_db_list_mitigations (run->db, risk->id, &error);

        if (known == NULL)
          {
            db_error (run, r->row, error);
            return;
          }
        for (guint k = 0; k < known->len; k++)
          {
            BpMitigation *m = g_ptr_array_index (known, k);

            g_hash_table_add (seen->mitigations, fold_name (m->description));
            seen->next_mitigation = MAX (seen->next_mitigation, m->position + 1);
          }
      }
    add_mitigations (run, r->row, seen, val (r, F_MITIGATIONS));
  }
}

/* --------------------------------------------------------------- measures */

static BpMeasure *
resolve_measure (Run *run, const Row *r, const char *unit_hint)
{
  const char *ref = val (r, F_REF), *title = val (r, F_MEASURE);
  g_autofree char *title_key = title ? fold_name (title) : NULL;
  g_autoptr (GError) error = NULL;
  BpMeasure *m = NULL;
  gboolean changed = FALSE, created = FALSE;
  double target, tolerance, baseline;
  BpPolarity polarity;

  if (ref)
    m = g_hash_table_lookup (run->measures_by_ref, ref);
  if (m == NULL && title_key)
    m = g_hash_table_lookup (run->measures_by_title, title_key);
  if (m == NULL)
    {
      m = bp_measure_new ();
      m->ref = g_strdup (ref);
      m->title = g_strdup (title ? title : ref);
      m->unit = g_strdup (val (r, F_UNIT) ? val (r, F_UNIT) : unit_hint);
      m->position = run->next_measure_position++;
      created = TRUE;
    }

  if (!row_number (run, r, F_TARGET, &target, NULL)
      || !row_number (run, r, F_TOLERANCE, &tolerance, NULL)
      || !row_number (run, r, F_BASELINE, &baseline, NULL))
    goto failed;
  if (val (r, F_POLARITY) && !parse_polarity (val (r, F_POLARITY), &polarity))
    {
      row_error (run, r->row, _("%s: “%s” is not a polarity (higher is better, lower is better "
                                "or close to target)"),
                 r->header[F_POLARITY], val (r, F_POLARITY));
      goto failed;
    }
  if (run->db == NULL)
    goto failed; /* checked, nothing to write */

  set_text (&m->ref, ref, &changed);
  set_text (&m->unit, val (r, F_UNIT), &changed);
  set_real (&m->target, target, &changed);
  set_real (&m->tolerance, tolerance, &changed);
  set_real (&m->baseline, baseline, &changed);
  set_text (&m->frequency, val (r, F_FREQUENCY), &changed);
  set_text (&m->comparator, val (r, F_COMPARATOR), &changed);
  if (val (r, F_POLARITY) && m->polarity != polarity)
    {
      m->polarity = polarity;
      changed = TRUE;
    }

  if (created)
    {
      if (!bp_db_insert_measure (run->db, m, &error))
        {
          db_error (run, r->row, error);
          goto failed;
        }
      run->report->measures_created++;
      g_ptr_array_add (run->measure_store, m);
      if (m->ref)
        g_hash_table_insert (run->measures_by_ref, g_strdup (m->ref), m);
      g_hash_table_insert (run->measures_by_title, fold_name (m->title), m);
      g_hash_table_add (run->measures_changed, g_memdup2 (&m->id, sizeof m->id));
    }
  else if (changed)
    {
      if (!bp_db_update_measure (run->db, m, &error))
        {
          db_error (run, r->row, error);
          return NULL;
        }
      if (!g_hash_table_contains (run->measures_changed, &m->id))
        {
          run->report->measures_updated++;
          g_hash_table_add (run->measures_changed, g_memdup2 (&m->id, sizeof m->id));
        }
    }
  return m;

failed:
  if (created)
    bp_measure_free (m);
  return NULL;
}

static void
upsert_value (Run *run, int row, BpMeasure *m, const char *period, const char *period_end,
              double value, const char *note)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "\x1f%s", m->id, period);
  g_autoptr (GError) error = NULL;
  sqlite3_stmt *stmt;
  gpointer seen;
  gint64 id = 0;
  gboolean same = FALSE;

  if (g_hash_table_lookup_extended (run->values_seen, key, NULL, &seen))
    {
      row_error (run, row, _("%s for %s is already on row %d"), m->title, period,
                 GPOINTER_TO_INT (seen));
      return;
    }
  g_hash_table_insert (run->values_seen, g_steal_pointer (&key), GINT_TO_POINTER (row));
  if (isnan (value))
    run->report->values_without_figure++;

  stmt = bp_db_statement (run->db,
                          "SELECT id, period_end, value, note FROM measure_value"
                          " WHERE measure_id = ?1 AND period = ?2",
                          &error);
  if (stmt == NULL)
    {
      db_error (run, row, error);
      return;
    }
  sqlite3_bind_int64 (stmt, 1, m->id);
  sqlite3_bind_text (stmt, 2, period, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gboolean null_value = sqlite3_column_type (stmt, 2) == SQLITE_NULL;
      double old = sqlite3_column_double (stmt, 2);

      id = sqlite3_column_int64 (stmt, 0);
      same = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 1), period_end) == 0
             && (isnan (value) ? null_value : (!null_value && old == value))
             && (note == NULL
                 || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 3), note) == 0);
    }
  sqlite3_reset (stmt);

  if (id > 0 && same)
    {
      run->report->values_unchanged++;
      return;
    }
  {
    g_autoptr (BpMeasureValue) v = NULL;

    if (id > 0)
      {
        v = bp_db_get_measure_value (run->db, id, &error);
        if (v == NULL)
          {
            db_error (run, row, error);
            return;
          }
        g_free (v->period_end);
        v->period_end = g_strdup (period_end);
        v->value = value;
        if (note)
          {
            g_free (v->note);
            v->note = g_strdup (note);
          }
        if (!bp_db_update_measure_value (run->db, v, &error))
          {
            db_error (run, row, error);
            return;
          }
        run->report->values_updated++;
        return;
      }
    v = bp_measure_value_new ();
    v->measure_id = m->id;
    v->period = g_strdup (period);
    v->period_end = g_strdup (period_end);
    v->value = value;
    v->note = g_strdup (note);
    if (!bp_db_insert_measure_value (run->db, v, &error))
      {
        db_error (run, row, error);
        return;
      }
    run->report->values_created++;
  }
}

static void
import_measure_row (Run *run, Row *r)
{
  const char *unit_hint = NULL;
  BpMeasure *m;
  gboolean ok = TRUE;

  if (val (r, F_MEASURE) == NULL && val (r, F_REF) == NULL)
    {
      const char *h = r->header[F_MEASURE] ? r->header[F_MEASURE] : r->header[F_REF];

      row_error (run, r->row, _("%s: empty; say which measure the row is for"), h);
      return;
    }

  if (run->wide)
    {
      g_autofree double *values = g_new (double, run->columns->len);

      for (guint c = 0; c < run->columns->len; c++)
        {
          Column *col = g_ptr_array_index (run->columns, c);
          g_autofree char *cell = NULL;
          const char *unit = NULL;

          values[c] = NAN;
          if (!col->period)
            continue;
          cell = trim_cell (c < r->record->n_cells ? r->record->cells[c] : NULL);
          if (!parse_number (cell, &values[c], &unit))
            {
              row_error (run, r->row, _("%s: “%s” is not a number"), col->header, cell);
              ok = FALSE;
            }
          if (unit && !unit_hint)
            unit_hint = unit;
        }
      m = resolve_measure (run, r, unit_hint);
      if (!ok || m == NULL)
        return;
      for (guint c = 0; c < run->columns->len; c++)
        {
          Column *col = g_ptr_array_index (run->columns, c);

          if (col->period)
            upsert_value (run, r->row, m, col->header, col->period_end, values[c], NULL);
        }
      return;
    }

  {
    g_autofree char *period_end = NULL;
    g_autofree char *problem = NULL;
    const char *period = val (r, F_PERIOD);
    double value = NAN;

    if (period == NULL)
      {
        row_error (run, r->row, _("%s: empty; say which period the value is for"),
                   r->header[F_PERIOD]);
        ok = FALSE;
      }
    if (val (r, F_PERIOD_END))
      {
        g_autofree char *words = NULL;

        ok &= row_date (run, r, F_PERIOD_END, &period_end, &words);
        if (words)
          {
            row_error (run, r->row, _("%s: “%s” is not a date"), r->header[F_PERIOD_END], words);
            ok = FALSE;
          }
      }
    else if (period)
      {
        BpDateKind dk = bp_date_parse_loose (period, run->fy_start, &period_end, &problem);

        if (dk == BP_DATE_INVALID)
          {
            row_error (run, r->row, "%s: %s", r->header[F_PERIOD], problem);
            ok = FALSE;
          }
        else if (dk != BP_DATE_DAY && dk != BP_DATE_PERIOD)
          {
            row_error (run, r->row,
                       _("%s: “%s” is not a period whose end can be worked out (Sep-24, Q3 "
                         "2024/25, 2024/25, 2024): add a Period end column"),
                       r->header[F_PERIOD], period);
            ok = FALSE;
          }
      }
    ok &= row_number (run, r, F_VALUE, &value, &unit_hint);
    m = resolve_measure (run, r, unit_hint);
    if (!ok || m == NULL)
      return;
    upsert_value (run, r->row, m, period, period_end, value, val (r, F_NOTE));
  }
}

/* ------------------------------------------------------------------- rows */

static gboolean
cell_is_blank (const char *cell)
{
  for (const char *p = cell; p && *p; p++)
    {
      if (g_ascii_isspace (*p))
        continue;
      if ((guchar) p[0] == 0xC2 && (guchar) p[1] == 0xA0)
        {
          p++;
          continue;
        }
      return FALSE;
    }
  return TRUE;
}

static gboolean
record_is_blank (const BpCsvRecord *rec)
{
  for (guint i = 0; i < rec->n_cells; i++)
    if (!cell_is_blank (rec->cells[i]))
      return FALSE;
  return TRUE;
}

static void
import_data_record (Run *run, const BpCsvRecord *rec)
{
  Row r;

  if (record_is_blank (rec))
    return;
  run->report->rows++;

  if (run->preview_rows && run->preview_rows->len < run->max_rows)
    {
      g_ptr_array_add (run->preview_rows, g_strdupv (rec->cells));
      g_array_append_val (run->preview_row_numbers, rec->row);
    }

  if ((int) rec->n_cells < run->n_header_cells)
    {
      row_error (run, rec->row, _("%u cells, but the header (row %d) has %d columns"),
                 rec->n_cells, run->header_row, run->n_header_cells);
      return;
    }
  for (guint i = run->n_header_cells; i < rec->n_cells; i++)
    {
      g_autofree char *t = trim_cell (rec->cells[i]);

      if (*t)
        {
          row_error (run, rec->row,
                     _("%u cells, but the header (row %d) has %d columns: “%s” is in column %u, "
                       "beyond the last"),
                     rec->n_cells, run->header_row, run->n_header_cells, t, i + 1);
          return;
        }
    }
  for (guint i = 0; i < (guint) run->n_header_cells; i++)
    {
      Column *c = g_ptr_array_index (run->columns, i);

      if (*c->header == '\0' && !g_hash_table_contains (run->warned_headerless, GINT_TO_POINTER (i + 1)))
        {
          g_autofree char *t = trim_cell (rec->cells[i]);

          if (*t)
            {
              g_hash_table_add (run->warned_headerless, GINT_TO_POINTER (i + 1));
              row_warning (run, rec->row, _("column %u has no header: its cells are ignored"),
                           i + 1);
            }
        }
    }

  row_fill (run, rec, &r);
  switch (run->imp->kind)
    {
    case BP_IMPORT_ACTIONS: import_action_row (run, &r); break;
    case BP_IMPORT_RISKS: import_risk_row (run, &r); break;
    case BP_IMPORT_MEASURES: import_measure_row (run, &r); break;
    case BP_IMPORT_UPDATES: import_update_row (run, &r); break;
    default: g_assert_not_reached ();
    }
  row_clear (&r);
}

static BpCsvRecord *
record_copy (const BpCsvRecord *rec)
{
  BpCsvRecord *copy = g_new (BpCsvRecord, 1);

  *copy = *rec;
  copy->cells = g_strdupv (rec->cells);
  return copy;
}

static void
record_free (BpCsvRecord *rec)
{
  g_strfreev (rec->cells);
  g_free (rec);
}

/* Whether @cols name every column the kind needs. */
static gboolean
columns_complete (Run *run, GPtrArray *cols)
{
  for (int f = F_REF; f < N_FIELDS; f++)
    {
      gboolean found = FALSE;

      if (!field_is_required (run->imp->kind, (Field) f, FALSE))
        continue;
      for (guint c = 0; c < cols->len; c++)
        {
          Column *col = g_ptr_array_index (cols, c);

          /* A wide scorecard's period columns stand for period and value;
           * a measure may be named by its reference alone. */
          found |= col->field == (Field) f
                   || (run->imp->kind == BP_IMPORT_MEASURES && f != F_MEASURE && col->period)
                   || (run->imp->kind == BP_IMPORT_MEASURES && f == F_MEASURE
                       && col->field == F_REF);
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* Picks the header among the records read so far: the first that names
 * every required column; failing that, once HEADER_SEARCH_ROWS records
 * are in (or at the end, @final), the one that names the most. */
static void
choose_header (Run *run, gboolean final)
{
  int best = -1, best_score = 0;
  gboolean complete = FALSE;
  GPtrArray *columns = NULL;
  BpCsvRecord *header;

  for (guint i = 0; i < run->pending->len && !complete; i++)
    {
      BpCsvRecord *rec = g_ptr_array_index (run->pending, i);
      int score;

      /* Each record is scored once, not again as every later one comes
       * in: -1 blank, G_MAXINT naming every required column. */
      if (i < run->pending_scores->len)
        score = g_array_index (run->pending_scores, int, i);
      else
        {
          g_autoptr (GPtrArray) cols = NULL;

          score = record_is_blank (rec) ? -1
                  : build_columns (run, rec->cells, rec->n_cells, rec->row, FALSE, &cols);
          if (cols && columns_complete (run, cols))
            score = G_MAXINT;
          g_array_append_val (run->pending_scores, score);
        }
      if (score < 0)
        continue;
      if (score == G_MAXINT)
        {
          best = (int) i;
          complete = TRUE;
        }
      else if (score > best_score)
        {
          best_score = score;
          best = (int) i;
        }
    }
  if (!complete && !final)
    return;
  if (best < 0)
    {
      /* Nothing recognisable: the first record with anything in it is the
       * header, and the missing columns are reported against it. */
      for (guint i = 0; i < run->pending->len && best < 0; i++)
        if (!record_is_blank (g_ptr_array_index (run->pending, i)))
          best = (int) i;
      if (best < 0)
        return;
    }

  header = g_ptr_array_index (run->pending, best);
  build_columns (run, header->cells, header->n_cells, header->row, TRUE, &columns);
  run->have_header = TRUE;
  if (!apply_columns (run, columns, header->row, header->n_cells))
    run->mapping_failed = TRUE;
  if (best > 0)
    {
      int skipped = 0;

      for (int i = 0; i < best; i++)
        skipped += !record_is_blank (g_ptr_array_index (run->pending, i));
      if (skipped)
        row_warning (run, header->row,
                     _("the header is on row %d: the %d row(s) above it were skipped"),
                     header->row, skipped);
    }
  for (guint i = best + 1; i < run->pending->len && !run->mapping_failed; i++)
    import_data_record (run, g_ptr_array_index (run->pending, i));
  g_ptr_array_set_size (run->pending, 0);
  g_array_set_size (run->pending_scores, 0);
}

static gboolean
on_record_cb (const BpCsvRecord *rec, gpointer user_data)
{
  Run *run = user_data;

  if (run->have_header)
    {
      if (run->mapping_failed)
        return FALSE;
      import_data_record (run, rec);
      return TRUE;
    }
  g_ptr_array_add (run->pending, record_copy (rec));
  choose_header (run, run->pending->len >= HEADER_SEARCH_ROWS);
  return TRUE;
}

static void
on_problem_cb (int row, gboolean is_error, const char *message, gpointer user_data)
{
  Run *run = user_data;

  if (is_error && row > 0 && row != run->last_unreadable_row)
    {
      run->n_unreadable_rows++;
      run->last_unreadable_row = row;
    }
  if (is_error)
    row_error (run, row, "%s", message);
  else
    row_warning (run, row, "%s", message);
}

static void
words_warnings (Run *run)
{
  for (int f = F_REF; f < N_FIELDS; f++)
    {
      const char *header;

      if (run->words_count[f] == 0 || run->n_field_columns[f] == 0)
        continue;
      header = ((Column *) g_ptr_array_index (run->columns, run->field_columns[f][0]))->header;
      row_warning (run, 0,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: %d cell is words, not a date (“%s” on row %d): left empty",
                                "%s: %d cells are words, not dates (the first, “%s”, on row %d): "
                                "left empty",
                                run->words_count[f]),
                   header, run->words_count[f], run->words_example[f], run->words_row[f]);
    }
}

/* ------------------------------------------------------------- the object */

static void
mapping_free (Mapping *m)
{
  g_free (m->header);
  g_free (m->key);
  g_free (m);
}

static void
bp_import_finalize (GObject *object)
{
  BpImport *self = BP_IMPORT (object);

  g_free (self->path);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->source_name);
  g_ptr_array_unref (self->mappings);
  g_free (self->date);

  G_OBJECT_CLASS (bp_import_parent_class)->finalize (object);
}

static void
bp_import_class_init (BpImportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bp_import_finalize;
}

static void
bp_import_init (BpImport *self)
{
  self->mappings = g_ptr_array_new_with_free_func ((GDestroyNotify) mapping_free);
}

/* ------------------------------------------------------------- public API */

const char *
bp_import_kind_to_string (BpImportKind kind)
{
  switch (kind)
    {
    case BP_IMPORT_ACTIONS: return "actions";
    case BP_IMPORT_RISKS: return "risks";
    case BP_IMPORT_MEASURES: return "measures";
    case BP_IMPORT_UPDATES: return "updates";
    default: return "actions";
    }
}

gboolean
bp_import_kind_parse (const char *text, BpImportKind *out_kind)
{
  g_return_val_if_fail (out_kind != NULL, FALSE);
  for (int k = BP_IMPORT_ACTIONS; k <= BP_IMPORT_UPDATES; k++)
    if (g_strcmp0 (text, bp_import_kind_to_string ((BpImportKind) k)) == 0)
      {
        *out_kind = (BpImportKind) k;
        return TRUE;
      }
  /* What people call them. */
  if (g_strcmp0 (text, "plan") == 0 || g_strcmp0 (text, "action") == 0)
    *out_kind = BP_IMPORT_ACTIONS;
  else if (g_strcmp0 (text, "risk") == 0)
    *out_kind = BP_IMPORT_RISKS;
  else if (g_strcmp0 (text, "measure") == 0 || g_strcmp0 (text, "scorecard") == 0)
    *out_kind = BP_IMPORT_MEASURES;
  else if (g_strcmp0 (text, "update") == 0)
    *out_kind = BP_IMPORT_UPDATES;
  else
    return FALSE;
  return TRUE;
}

void
bp_import_report_free (BpImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->source);
  g_ptr_array_unref (report->errors);
  g_ptr_array_unref (report->warnings);
  g_free (report);
}

static BpImportReport *
report_new (BpImport *self, gboolean dry_run)
{
  BpImportReport *report = g_new0 (BpImportReport, 1);

  report->kind = self->kind;
  report->source = g_strdup (bp_import_get_source_name (self));
  report->dry_run = dry_run;
  report->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) message_free);
  report->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) message_free);
  return report;
}

char *
bp_import_report_to_text (const BpImportReport *r)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (r != NULL, NULL);
#define KV(key, value) g_string_append_printf (s, "%s: %d\n", key, value)
  g_string_append_printf (s, "source: %s\n", r->source);
  g_string_append_printf (s, "kind: %s\n", bp_import_kind_to_string (r->kind));
  KV ("rows", r->rows);
  KV ("rows.blank", r->blank_rows);
  switch (r->kind)
    {
    case BP_IMPORT_ACTIONS:
      KV ("rows.headings", r->heading_rows);
      KV ("actions.created", r->actions_created);
      KV ("actions.updated", r->actions_updated);
      KV ("actions.unchanged", r->actions_unchanged);
      KV ("priorities.created", r->priorities_created);
      KV ("people.created", r->people_created);
      KV ("organisations.created", r->organisations_created);
      KV ("updates.added", r->updates_added);
      KV ("updates.already_there", r->updates_already_there);
      break;
    case BP_IMPORT_UPDATES:
      KV ("updates.added", r->updates_added);
      KV ("updates.already_there", r->updates_already_there);
      break;
    case BP_IMPORT_RISKS:
      KV ("risks.created", r->risks_created);
      KV ("risks.updated", r->risks_updated);
      KV ("risks.unchanged", r->risks_unchanged);
      KV ("mitigations.added", r->mitigations_added);
      KV ("people.created", r->people_created);
      break;
    case BP_IMPORT_MEASURES:
      KV ("measures.created", r->measures_created);
      KV ("measures.updated", r->measures_updated);
      KV ("values.created", r->values_created);
      KV ("values.updated", r->values_updated);
      KV ("values.unchanged", r->values_unchanged);
      KV ("values.without_figure", r->values_without_figure);
      break;
    default:
      break;
    }
  KV ("warnings", (int) r->warnings->len);
  KV ("errors", r->n_errors);
#undef KV
  g_string_append_printf (s, "written: %s\n",
                          r->written ? "yes" : r->dry_run ? "no (dry run)" : "no");
  return g_string_free (s, FALSE);
}

static void
import_column_free (BpImportColumn *c)
{
  g_free (c->header);
  g_free (c->field);
  g_free (c->note);
  g_free (c->period_end);
  g_free (c);
}

void
bp_import_preview_free (BpImportPreview *preview)
{
  if (preview == NULL)
    return;
  g_clear_pointer (&preview->columns, g_ptr_array_unref);
  g_clear_pointer (&preview->missing, g_ptr_array_unref);
  g_clear_pointer (&preview->rows, g_ptr_array_unref);
  g_clear_pointer (&preview->row_numbers, g_array_unref);
  bp_import_report_free (preview->report);
  g_free (preview);
}

BpImport *
bp_import_new (BpImportKind kind)
{
  BpImport *self = g_object_new (BP_TYPE_IMPORT, NULL);

  self->kind = kind;
  return self;
}

BpImportKind
bp_import_get_kind (BpImport *self)
{
  g_return_val_if_fail (BP_IS_IMPORT (self), BP_IMPORT_ACTIONS);
  return self->kind;
}

void
bp_import_set_kind (BpImport *self, BpImportKind kind)
{
  g_return_if_fail (BP_IS_IMPORT (self));
  self->kind = kind;
}

void
bp_import_set_source_path (BpImport *self, const char *path)
{
  g_return_if_fail (BP_IS_IMPORT (self) && path != NULL);
  g_free (self->path);
  self->path = g_strdup (path);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->source_name);
  self->source_name = g_strdup (path);
}

void
bp_import_set_source_bytes (BpImport *self, GBytes *bytes, const char *display_name)
{
  g_return_if_fail (BP_IS_IMPORT (self) && bytes != NULL);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  self->bytes = g_bytes_ref (bytes);
  g_free (self->source_name);
  self->source_name = g_strdup (display_name ? display_name : "(data)");
}

const char *
bp_import_get_source_name (BpImport *self)
{
  g_return_val_if_fail (BP_IS_IMPORT (self), NULL);
  return self->source_name ? self->source_name : "(no source)";
}

gboolean
bp_import_add_mapping (BpImport *self, const char *header, const char *field, GError **error)
{
  Mapping *m;
  Field f;

  g_return_val_if_fail (BP_IS_IMPORT (self) && header != NULL && field != NULL, FALSE);
  f = field_from_name (self->kind, field);
  if (f == F_NONE)
    {
      g_autoptr (GString) names = g_string_new (NULL);

      for (const char *const *n = bp_import_list_fields (self->kind); *n; n++)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", *n);
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                   _("--map %s=%s: “%s” is not a field of %s (the fields: %s)"), header, field,
                   field, bp_import_kind_to_string (self->kind), names->str);
      return FALSE;
    }
  m = g_new0 (Mapping, 1);
  m->header = g_strdup (header);
  m->key = fold_key (header);
  m->field = f;
  if (*m->key == '\0')
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID, _("--map %s=%s: the column has no name"),
                   header, field);
      mapping_free (m);
      return FALSE;
    }
  g_ptr_array_add (self->mappings, m);
  return TRUE;
}

gboolean
bp_import_add_mapping_option (BpImport *self, const char *option, GError **error)
{
  const char *eq;
  g_autofree char *header = NULL;
  g_autofree char *field = NULL;

  g_return_val_if_fail (BP_IS_IMPORT (self) && option != NULL, FALSE);
  /* The last "=": a header may hold one, a field name never does. */
  eq = strrchr (option, '=');
  if (eq == NULL || eq == option || eq[1] == '\0')
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                   _("--map “%s”: write it as COLUMN=FIELD (for example --map \"Lead Officer=owner\")"),
                   option);
      return FALSE;
    }
  header = g_strndup (option, eq - option);
  field = g_strstrip (g_strdup (eq + 1));
  return bp_import_add_mapping (self, g_strstrip (header), field, error);
}

void
bp_import_clear_mappings (BpImport *self)
{
  g_return_if_fail (BP_IS_IMPORT (self));
  g_ptr_array_set_size (self->mappings, 0);
}

void
bp_import_set_date (BpImport *self, const char *date)
{
  g_return_if_fail (BP_IS_IMPORT (self));
  g_return_if_fail (date == NULL || bp_date_is_valid (date));
  g_free (self->date);
  self->date = g_strdup (date);
}

void
bp_import_set_fy_start_month (BpImport *self, int month)
{
  g_return_if_fail (BP_IS_IMPORT (self));
  g_return_if_fail (month >= 0 && month <= 12);
  self->fy_start_month = month;
}

const char *const *
bp_import_list_fields (BpImportKind kind)
{
  static GPtrArray *lists[4];

  g_return_val_if_fail (kind <= BP_IMPORT_UPDATES, NULL);
  if (g_once_init_enter (&lists[kind]))
    {
      GPtrArray *names = g_ptr_array_new ();

      for (gsize i = 0; i < G_N_ELEMENTS (field_infos); i++)
        if ((field_infos[i].kinds & (1u << kind)) && !field_infos[i].hidden)
          g_ptr_array_add (names, (gpointer) field_infos[i].name);
      g_ptr_array_add (names, NULL);
      g_once_init_leave (&lists[kind], names);
    }
  return (const char *const *) lists[kind]->pdata;
}

const char *
bp_import_field_label (BpImportKind kind, const char *field)
{
  Field f = field_from_name (kind, field);

  return f == F_NONE ? NULL : field_label (kind, f);
}

static GBytes *
load_source (BpImport *self, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GMappedFile) mapped = NULL;

  if (self->bytes)
    return g_bytes_ref (self->bytes);
  if (self->path == NULL)
    {
      g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND, _("No source to import"));
      return NULL;
    }
  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND, _("%s: is a folder, not a CSV file"),
                   self->path);
      return NULL;
    }
  mapped = g_mapped_file_new (self->path, FALSE, &local);
  if (mapped == NULL)
    {
      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND, _("%s: no such file"), self->path);
      else
        g_set_error (error, BP_ERROR, BP_ERROR_NOT_FOUND, _("%s: cannot read it: %s"),
                     self->path, local->message);
      return NULL;
    }
  return g_mapped_file_get_bytes (mapped);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->pending, g_ptr_array_unref);
  g_clear_pointer (&run->pending_scores, g_array_unref);
  g_clear_pointer (&run->columns, g_ptr_array_unref);
  g_clear_pointer (&run->missing, g_ptr_array_unref);
  g_clear_pointer (&run->warned_headerless, g_hash_table_unref);
  g_clear_pointer (&run->people, g_hash_table_unref);
  g_clear_pointer (&run->people_names, g_hash_table_unref);
  g_clear_pointer (&run->organisations, g_hash_table_unref);
  g_clear_pointer (&run->priority_codes, g_hash_table_unref);
  g_clear_pointer (&run->priority_titles, g_hash_table_unref);
  g_clear_pointer (&run->priority_cells, g_hash_table_unref);
  g_clear_pointer (&run->action_ids, g_hash_table_unref);
  g_clear_pointer (&run->next_action_position, g_hash_table_unref);
  g_clear_pointer (&run->refs_seen, g_hash_table_unref);
  g_clear_pointer (&run->risks, g_hash_table_unref);
  g_clear_pointer (&run->risks_seen, g_hash_table_unref);
  g_clear_pointer (&run->measures_by_ref, g_hash_table_unref);
  g_clear_pointer (&run->measures_by_title, g_hash_table_unref);
  g_clear_pointer (&run->measure_store, g_ptr_array_unref);
  g_clear_pointer (&run->measures_changed, g_hash_table_unref);
  g_clear_pointer (&run->values_seen, g_hash_table_unref);
  g_clear_pointer (&run->preview_rows, g_ptr_array_unref);
  g_clear_pointer (&run->preview_row_numbers, g_array_unref);
  g_clear_pointer (&run->date, g_free);
  for (int f = 0; f < N_FIELDS; f++)
    g_clear_pointer (&run->words_example[f], g_free);
}

static void
run_init (Run *run, BpImport *self, BpDb *db, BpImportReport *report)
{
  memset (run, 0, sizeof *run);
  run->imp = self;
  run->db = db;
  run->report = report;
  run->source = report->source;
  run->fy_start = self->fy_start_month ? self->fy_start_month : 4;
  run->date = self->date ? g_strdup (self->date) : bp_date_today ();
  run->pending = g_ptr_array_new_with_free_func ((GDestroyNotify) record_free);
  run->pending_scores = g_array_new (FALSE, FALSE, sizeof (int));
  run->missing = g_ptr_array_new_with_free_func (g_free);
  run->warned_headerless = g_hash_table_new (NULL, NULL);
  run->people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->people_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->organisations = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->priority_codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->priority_titles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->priority_cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->action_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run->next_action_position = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  run->refs_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->risks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) bp_risk_free);
  run->risks_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) risk_seen_free);
  run->measures_by_ref = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->measures_by_title = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->measure_store = g_ptr_array_new_with_free_func ((GDestroyNotify) bp_measure_free);
  run->measures_changed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  run->values_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* Reads the whole source through the run: the header, then every row. */
static void
run_source (Run *run, GBytes *bytes)
{
  static const BpCsvCallbacks callbacks = { on_record_cb, on_problem_cb };
  BpCsvInfo info;

  bp_csv_read (bytes, &callbacks, run, &info);
  if (!run->have_header && run->pending->len > 0)
    choose_header (run, TRUE);
  /* Every row is a data row, a heading, unreadable (reported) or blank:
   * an empty line, or cells with nothing in them. */
  if (run->have_header && !run->mapping_failed)
    run->report->blank_rows = MAX (0, info.n_rows - run->header_row - run->report->rows
                                          - run->n_unreadable_rows);
  if (!run->have_header && run->report->n_errors == 0)
    row_error (run, 0, _("the file is empty: no header row and no data"));
  else if (run->have_header && run->report->rows == 0 && !run->mapping_failed
           && run->report->n_errors == 0)
    row_warning (run, 0, _("the file has a header but no rows"));
  words_warnings (run);
}

BpImportPreview *
bp_import_preview (BpImport *self, BpDb *db, guint max_rows, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  BpImportPreview *preview;
  Run run;

  g_return_val_if_fail (BP_IS_IMPORT (self), NULL);
  g_return_val_if_fail (db == NULL || BP_IS_DB (db), NULL);

  bytes = load_source (self, error);
  if (bytes == NULL)
    return NULL;

  preview = g_new0 (BpImportPreview, 1);
  /* With a file that can be written, a dry run: its report has the counts
   * and every error, those only the file can tell included. */
  if (db && !bp_db_is_read_only (db))
    {
      g_autoptr (GError) local = NULL;

      if (!bp_import_run (self, db, TRUE, &preview->report, &local)
          && !g_error_matches (local, BP_ERROR, BP_ERROR_INVALID))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          bp_import_preview_free (preview);
          return NULL;
        }
    }

  {
    BpImportReport *report = report_new (self, TRUE);

    run_init (&run, self, NULL, report);
    if (db)
      {
        g_autoptr (BpProgramme) programme = bp_db_get_programme (db, NULL);

        if (programme && self->fy_start_month == 0)
          run.fy_start = programme->fy_start_month;
      }
    run.max_rows = max_rows;
    run.preview_rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
    run.preview_row_numbers = g_array_new (FALSE, FALSE, sizeof (int));
    run_source (&run, bytes);

    preview->header_row = run.have_header ? run.header_row : 0;
    preview->rows = g_steal_pointer (&run.preview_rows);
    preview->row_numbers = g_steal_pointer (&run.preview_row_numbers);
    preview->missing = g_steal_pointer (&run.missing);
    if (preview->report == NULL)
      preview->report = report;
    else
      bp_import_report_free (report);
  }

  /* The columns in the window's terms. */
  preview->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) import_column_free);
  for (guint i = 0; run.columns && i < run.columns->len; i++)
    {
      Column *c = g_ptr_array_index (run.columns, i);
      BpImportColumn *pc = g_new0 (BpImportColumn, 1);
      const char *name = field_name (self->kind, c->field);

      pc->index = (int) i;
      pc->header = g_strdup (c->header);
      pc->field = c->field >= F_REF && name ? g_strdup (name) : NULL;
      pc->note = g_strdup (c->note);
      pc->mapped = c->mapped;
      pc->period = c->period;
      pc->period_end = g_strdup (c->period_end);
      g_ptr_array_add (preview->columns, pc);
    }
  run_clear (&run);
  return preview;
}

gboolean
bp_import_run (BpImport *self, BpDb *db, gboolean dry_run, BpImportReport **out_report,
               GError **error)
{
  g_autoptr (BpImportReport) report = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;
  Run run;
  gboolean ok;

  g_return_val_if_fail (BP_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (BP_IS_DB (db), FALSE);

  report = report_new (self, dry_run);
  if (out_report)
    *out_report = NULL;

  bytes = load_source (self, error);
  if (bytes == NULL)
    {
      if (out_report)
        *out_report = g_steal_pointer (&report);
      return FALSE;
    }
  if (bp_db_is_read_only (db))
    {
      g_set_error (error, BP_ERROR, BP_ERROR_READ_ONLY, _("%s: cannot import into it: %s"),
                   bp_db_get_path (db), bp_db_get_read_only_reason (db));
      if (out_report)
        *out_report = g_steal_pointer (&report);
      return FALSE;
    }

  if (!bp_db_begin (db, error))
    {
      if (out_report)
        *out_report = g_steal_pointer (&report);
      return FALSE;
    }

  run_init (&run, self, db, report);
  if (!load_lookups (&run, &local))
    row_error (&run, 0, "%s", local->message);
  else
    run_source (&run, bytes);
  run_clear (&run);

  ok = report->n_errors == 0;
  if (ok && !dry_run)
    {
      if (bp_db_commit (db, &local))
        report->written = TRUE;
      else
        {
          row_error (&run, 0, "%s", local->message);
          bp_db_rollback (db);
          ok = FALSE;
        }
    }
  else
    bp_db_rollback (db);

  if (!ok)
    g_set_error (error, BP_ERROR, BP_ERROR_INVALID,
                 g_dngettext (GETTEXT_PACKAGE, "%s: %d error; nothing was imported",
                              "%s: %d errors; nothing was imported", report->n_errors),
                 report->source, report->n_errors);
  if (out_report)
    *out_report = g_steal_pointer (&report);
  return ok;
}
