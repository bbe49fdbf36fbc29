/* bp-import-header.c: the fields each kind of import fills, the headers
 * people give them, finding the header row below any title rows, and the
 * columns --map names. */
#include <glib/gi18n.h>
#include <string.h>

#include "bp-dates.h"
#include "bp-import-private.h"

/* ------------------------------------------------------------ the fields */

#define K_A (1u << BP_IMPORT_ACTIONS)
#define K_R (1u << BP_IMPORT_RISKS)
#define K_M (1u << BP_IMPORT_MEASURES)
#define K_U (1u << BP_IMPORT_UPDATES)
#define K_ALL (K_A | K_R | K_M | K_U)

typedef struct
{
  BpImportField field;
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
  { F_ASKS, "asks", N_("asks of the board"), K_A | K_U, FALSE },
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
  BpImportField field;
  guint kinds;
  BpImportField fallback; /* what a losing column becomes: "Description" beside "Action" */
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

  { "asksoftheboard", F_ASKS, K_A | K_U, 0 },
  { "askoftheboard", F_ASKS, K_A | K_U, 0 },
  { "asksofboard", F_ASKS, K_A | K_U, 0 },
  { "boardasks", F_ASKS, K_A | K_U, 0 },
  { "asks", F_ASKS, K_A | K_U, 0 },
  { "supportneededfromtheboard", F_ASKS, K_A | K_U, 0 },
  { "supportfromtheboard", F_ASKS, K_A | K_U, 0 },
  { "decisionrequired", F_ASKS, K_A | K_U, 0 },
  { "decisionsrequired", F_ASKS, K_A | K_U, 0 },
  { "decisionsrequiredoftheboard", F_ASKS, K_A | K_U, 0 },

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
  { "asksof", F_ASKS, K_A | K_U, 0 },
  { "decisionrequired", F_ASKS, K_A | K_U, 0 },
  { "decisionsrequired", F_ASKS, K_A | K_U, 0 },
  { "mitigat", F_MITIGATIONS, K_R, 0 },
  { "control", F_MITIGATIONS, K_R, 0 },
  { "resource", F_RESOURCES, K_R, 0 },
  { "supportneeded", F_RESOURCES, K_R, 0 },
};

static const FieldInfo *
field_info (BpImportKind kind, BpImportField field)
{
  for (gsize i = 0; i < G_N_ELEMENTS (field_infos); i++)
    if (field_infos[i].field == field && (field_infos[i].kinds & (1u << kind))
        && !field_infos[i].hidden)
      return &field_infos[i];
  return NULL;
}

const char *
bp_import_field_name (BpImportKind kind, BpImportField field)
{
  const FieldInfo *info = field_info (kind, field);

  return info ? info->name : NULL;
}

static const char *
field_label (BpImportKind kind, BpImportField field)
{
  const FieldInfo *info = field_info (kind, field);

  return info ? _(info->label) : "";
}

/* ------------------------------------------------------------ the header */

static void
column_free (BpImportRunColumn *c)
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

static BpImportField
field_from_name (BpImportKind kind, const char *name)
{
  g_autofree char *key = bp_import_fold_key (name);

  for (gsize i = 0; i < G_N_ELEMENTS (field_infos); i++)
    {
      g_autofree char *fkey = bp_import_fold_key (field_infos[i].name);

      if ((field_infos[i].kinds & (1u << kind)) && g_str_equal (key, fkey))
        return field_infos[i].field;
    }
  return F_NONE;
}

static gboolean
field_is_required (BpImportKind kind, BpImportField f, gboolean wide)
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
set_note (BpImportRunColumn *c, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static void
set_note (BpImportRunColumn *c, const char *fmt, ...)
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
build_columns (BpImportRun *run, char **cells, guint n_cells, int row, gboolean report_errors,
               GPtrArray **out_columns)
{
  BpImport *imp = run->imp;
  BpImportKind kind = imp->kind;
  g_autoptr (GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  int n_recognised = 0;

  for (guint i = 0; i < n_cells; i++)
    {
      BpImportRunColumn *c = g_new0 (BpImportRunColumn, 1);
      g_autofree char *key = NULL;
      const Alias *alias;

      c->header = bp_import_tidy_name (cells[i]);
      key = bp_import_fold_key (c->header);
      c->rank = G_MAXINT;
      g_ptr_array_add (columns, c);

      for (guint m = 0; m < imp->mappings->len; m++)
        {
          BpImportMapping *map = g_ptr_array_index (imp->mappings, m);

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
          BpImportRunColumn *c = g_ptr_array_index (columns, i);

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
              BpImportRunColumn *c = g_ptr_array_index (columns, g_array_index (claim, int, k));

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
          BpImportRunColumn *c = g_ptr_array_index (columns, i);

          if (best < 0 || c->rank < ((BpImportRunColumn *) g_ptr_array_index (columns, best))->rank
              || (c->prefix && f == F_UPDATE
                  && c->rank == ((BpImportRunColumn *) g_ptr_array_index (columns, best))->rank))
            best = i;
        }
      for (guint k = 0; k < claim->len; k++)
        {
          int i = g_array_index (claim, int, k);
          BpImportRunColumn *c = g_ptr_array_index (columns, i);
          BpImportRunColumn *winner = g_ptr_array_index (columns, best);

          if (i == best)
            continue;
          if (c->rank == winner->rank && !(c->prefix && f == F_UPDATE))
            {
              if (report_errors)
                bp_import_row_error (
                    run, row,
                    _("columns “%s” (%d) and “%s” (%d) both look like the %s: say which "
                       "with --map (for example --map \"%s=ignore\")"),
                    winner->header, best + 1, c->header, i + 1, field_label (kind, f), c->header);
              c->field = F_NONE;
              continue;
            }
          {
            const Alias *alias = NULL;
            int rank;
            g_autofree char *key = bp_import_fold_key (c->header);

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
      BpImportMapping *map = g_ptr_array_index (imp->mappings, m);
      gboolean found = FALSE;

      for (guint i = 0; i < columns->len && !found; i++)
        found = ((BpImportRunColumn *) g_ptr_array_index (columns, i))->mapped
                && ((BpImportRunColumn *) g_ptr_array_index (columns, i))->map_order == (int) m;
      if (!found)
        {
          g_autoptr (GString) names = g_string_new (NULL);

          for (guint i = 0; i < columns->len; i++)
            {
              BpImportRunColumn *c = g_ptr_array_index (columns, i);

              if (*c->header)
                g_string_append_printf (names, "%s%s", names->len ? ", " : "", c->header);
            }
          bp_import_row_error (run, row, _("--map: there is no column “%s” (the columns are: %s)"),
                               map->header, names->str);
        }
    }

  for (guint i = 0; i < columns->len; i++)
    {
      BpImportRunColumn *c = g_ptr_array_index (columns, i);

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
apply_columns (BpImportRun *run, GPtrArray *columns, int row, guint n_cells)
{
  BpImportKind kind = run->imp->kind;
  gboolean has_period_columns = FALSE, ok = TRUE;

  run->columns = columns;
  run->header_row = row;
  run->n_header_cells = (int) n_cells;
  memset (run->n_field_columns, 0, sizeof run->n_field_columns);

  for (guint i = 0; i < columns->len; i++)
    {
      BpImportRunColumn *c = g_ptr_array_index (columns, i);

      has_period_columns |= c->period;
    }
  for (int f = F_REF; f < N_FIELDS; f++)
    {
      /* In the order the user mapped them, else left to right. */
      for (int pass = 0; pass < 2; pass++)
        for (guint i = 0; i < columns->len; i++)
          {
            BpImportRunColumn *c = g_ptr_array_index (columns, i);

            if ((int) c->field != f || c->mapped != (pass == 0))
              continue;
            if (run->n_field_columns[f] < (int) G_N_ELEMENTS (run->field_columns[f]))
              run->field_columns[f][run->n_field_columns[f]++] = (int) i;
            else
              {
                c->field = F_NONE;
                set_note (c, _("one column too many for the %s: ignored"),
                          field_label (kind, (BpImportField) f));
              }
          }
      /* Mapped columns in --map order. */
      for (int a = 0; a < run->n_field_columns[f]; a++)
        for (int b = a + 1; b < run->n_field_columns[f]; b++)
          {
            BpImportRunColumn *ca = g_ptr_array_index (columns, run->field_columns[f][a]);
            BpImportRunColumn *cb = g_ptr_array_index (columns, run->field_columns[f][b]);

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
            BpImportRunColumn *c = g_ptr_array_index (columns, i);

            if (c->period)
              {
                c->period = FALSE;
                set_note (c, _("a period, but the file has Period and Value columns: ignored"));
              }
          }
      else if (run->wide)
        for (guint i = 0; i < columns->len; i++)
          {
            BpImportRunColumn *c = g_ptr_array_index (columns, i);

            if (c->period)
              set_note (c, _("the values of %s (period ending %s)"), c->header, c->period_end);
          }
    }

  for (int f = F_REF; f < N_FIELDS; f++)
    {
      const char *examples = NULL;

      if (!field_is_required (kind, (BpImportField) f, run->wide) || run->n_field_columns[f] > 0)
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
      g_ptr_array_add (run->missing, g_strdup (field_label (kind, (BpImportField) f)));
      bp_import_row_error (run, row,
                           _("no column for the %s (a header such as %s, or --map HEADER=%s)"),
                           field_label (kind, (BpImportField) f), examples,
                           bp_import_field_name (kind, (BpImportField) f));
      ok = FALSE;
    }
  if (kind == BP_IMPORT_UPDATES && run->n_field_columns[F_UPDATE] == 0
      && run->n_field_columns[F_RAG] == 0)
    {
      bp_import_row_error (run, row,
                           _("no column for the progress update or the RAG status (a header "
                              "such as Progress, Update, Commentary or RAG)"));
      ok = FALSE;
    }

  {
    g_autoptr (GString) unknown = g_string_new (NULL);

    for (guint i = 0; i < columns->len; i++)
      {
        BpImportRunColumn *c = g_ptr_array_index (columns, i);

        if (c->field != F_NONE || c->period || *c->header == '\0')
          continue;
        if (c->note && g_str_equal (c->note, _("not recognised: ignored")))
          g_string_append_printf (unknown, "%s“%s”", unknown->len ? ", " : "", c->header);
        else
          bp_import_row_warning (run, row, _("column “%s”: %s"), c->header, c->note);
      }
    if (unknown->len)
      bp_import_row_warning (run, row, _("columns not recognised, ignored: %s"), unknown->str);
  }
  return ok;
}

/* Whether @cols name every column the kind needs. */
static gboolean
columns_complete (BpImportRun *run, GPtrArray *cols)
{
  for (int f = F_REF; f < N_FIELDS; f++)
    {
      gboolean found = FALSE;

      if (!field_is_required (run->imp->kind, (BpImportField) f, FALSE))
        continue;
      for (guint c = 0; c < cols->len; c++)
        {
          BpImportRunColumn *col = g_ptr_array_index (cols, c);

          /* A wide scorecard's period columns stand for period and value;
           * a measure may be named by its reference alone. */
          found |= col->field == (BpImportField) f
                   || (run->imp->kind == BP_IMPORT_MEASURES && f != F_MEASURE && col->period)
                   || (run->imp->kind == BP_IMPORT_MEASURES && f == F_MEASURE
                       && col->field == F_REF);
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

int
bp_import_header_score (BpImportRun *run, const BpCsvRecord *rec)
{
  g_autoptr (GPtrArray) cols = NULL;
  int score;

  if (bp_import_record_is_blank (rec))
    return -1;
  score = build_columns (run, rec->cells, rec->n_cells, rec->row, FALSE, &cols);
  return cols && columns_complete (run, cols) ? G_MAXINT : score;
}

/* Picks the header among the records read so far: the first that names
 * every required column; failing that, once HEADER_SEARCH_ROWS records
 * are in (or at the end, @final), the one that names the most. */
void
bp_import_choose_header (BpImportRun *run, gboolean final)
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

          score = bp_import_record_is_blank (rec) ? -1
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
        if (!bp_import_record_is_blank (g_ptr_array_index (run->pending, i)))
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
        skipped += !bp_import_record_is_blank (g_ptr_array_index (run->pending, i));
      if (skipped)
        bp_import_row_warning (run, header->row,
                               _("the header is on row %d: the %d row(s) above it were skipped"),
                               header->row, skipped);
    }
  for (guint i = best + 1; i < run->pending->len && !run->mapping_failed; i++)
    bp_import_data_record (run, g_ptr_array_index (run->pending, i));
  g_ptr_array_set_size (run->pending, 0);
  g_array_set_size (run->pending_scores, 0);
}

/* ------------------------------------------------------------------ --map */

void
bp_import_mapping_free (BpImportMapping *m)
{
  g_free (m->header);
  g_free (m->key);
  g_free (m);
}

/* ------------------------------------------------------------- public API */

gboolean
bp_import_add_mapping (BpImport *self, const char *header, const char *field, GError **error)
{
  BpImportMapping *m;
  BpImportField f;

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
  m = g_new0 (BpImportMapping, 1);
  m->header = g_strdup (header);
  m->key = bp_import_fold_key (header);
  m->field = f;
  if (*m->key == '\0')
    {
      g_set_error (error, BP_ERROR, BP_ERROR_INVALID, _("--map %s=%s: the column has no name"),
                   header, field);
      bp_import_mapping_free (m);
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
  BpImportField f;

  g_return_val_if_fail (kind <= BP_IMPORT_UPDATES, NULL);
  g_return_val_if_fail (field != NULL, NULL);
  f = field_from_name (kind, field);
  return f == F_NONE ? NULL : field_label (kind, f);
}
