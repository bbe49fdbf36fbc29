/* bp-sample-data.h: the text of the sample programme, kept apart from the
 * code that writes it. Included only by bp-sample.c.
 *
 * Wessex Bay is an invented local area; every person is invented. The
 * shape follows real SEND improvement plans: eight priority areas, 143
 * actions, a partnership scorecard and a risk table with the resources
 * or support each risk needs.
 */
#pragma once

#include "bp-types.h"

/* ----------------------------------------------------------- partners */

enum
{
  O_COUNCIL,
  O_ICB,
  O_TRUST,
  O_SCHOOLS,
  O_PCF,
  O_COLLEGE,
  N_SAMPLE_ORGS
};

typedef struct
{
  const char *name;
  const char *kind;
  const char *short_name; /* as written in an action's partners */
} SampleOrg;

static const SampleOrg sample_orgs[N_SAMPLE_ORGS] = {
  { "Wessex Bay Council (Children's Services)", "council", "Wessex Bay Council" },
  { "Wessex Bay and Downs Integrated Care Board", "ICB", "ICB" },
  { "Wessex Coast Community Health NHS Trust", "NHS trust", "Community health trust" },
  { "Wessex Bay Schools Partnership", "schools partnership", "Schools Partnership" },
  { "Wessex Bay Parent Carer Forum", "parent carer forum", "Parent Carer Forum" },
  { "Wessex Bay College", "further education college", "Wessex Bay College" },
};

enum
{
  P_DIR,  /* Director of Education and Skills */
  P_SEND, /* Head of SEND Services */
  P_PM,   /* programme manager */
  P_EP,   /* Principal Educational Psychologist */
  P_INC,  /* Head of Inclusion and Alternative Provision */
  P_SUFF, /* Head of School Place Planning */
  P_PFA,  /* Head of Preparing for Adulthood */
  P_FIN,  /* finance business partner */
  P_LO,   /* Local Offer and engagement */
  P_BI,   /* performance and intelligence */
  P_EY,   /* early years SEND lead */
  P_SC,   /* children with disabilities social care */
  P_DCO,  /* Designated Clinical Officer */
  P_ICB,  /* ICB children's commissioning */
  P_THER, /* trust children's therapies */
  P_PAED, /* trust neurodevelopmental pathway */
  P_SCH,  /* schools partnership chair */
  P_SPEC, /* special school headteacher */
  P_PCF,  /* parent carer forum co-chair */
  P_PCF2, /* parent carer forum participation lead */
  P_FE,   /* college learning support */
  N_SAMPLE_PEOPLE
};

typedef struct
{
  const char *name;
  const char *role;
  int org;
} SamplePerson;

static const SamplePerson sample_people[N_SAMPLE_PEOPLE] = {
  { "Catrin Treharne", "Director of Education and Skills", O_COUNCIL },
  { "Marcus Okafor", "Head of SEND Services", O_COUNCIL },
  { "Priya Raman", "SEND Improvement Programme Manager", O_COUNCIL },
  { "Gareth Lloyd-Hughes", "Principal Educational Psychologist", O_COUNCIL },
  { "Harriet Castell", "Head of Inclusion and Alternative Provision", O_COUNCIL },
  { "Tom Bramwell", "Head of School Place Planning and Capital", O_COUNCIL },
  { "Ruth Adeyemi", "Head of Preparing for Adulthood", O_COUNCIL },
  { "Simon Pettifer", "Finance Business Partner, High Needs", O_COUNCIL },
  { "Leah Moran", "Local Offer and Engagement Manager", O_COUNCIL },
  { "Daniel Shaw", "Head of Performance and Intelligence", O_COUNCIL },
  { "Annika Sorensen", "Early Years SEND Lead", O_COUNCIL },
  { "Imogen Tate", "Head of Children with Disabilities Service", O_COUNCIL },
  { "Dr Naomi Fielding", "Designated Clinical Officer for SEND", O_ICB },
  { "Joanne Whitlock", "Associate Director, Children's Commissioning", O_ICB },
  { "Kieran Doyle", "Head of Children's Therapies", O_TRUST },
  { "Dr Sunita Varma", "Clinical Lead, Neurodevelopmental Pathway", O_TRUST },
  { "Bethan Price", "Chair of the Schools Partnership (primary headteacher)", O_SCHOOLS },
  { "Mark Ellery", "Special School Headteachers' Representative", O_SCHOOLS },
  { "Claire Osei", "Co-chair, Parent Carer Forum", O_PCF },
  { "Jenny Halloran", "Participation Lead, Parent Carer Forum", O_PCF },
  { "Owen Hartley", "Head of Learning Support and High Needs", O_COLLEGE },
};

/* --------------------------------------------------------- priorities */

typedef struct
{
  const char *title;
  char rag; /* the action's status at the end of June 2025 */
  int owner;
  const char *criteria; /* the area SEND inspection criteria, C1..C11 */
  const char *description;
} SampleAction;

#define BIT(o) (1 << (o))

static const SampleAction sample_p1[] = {
  { "Re-establish the SEND Improvement Board with an independent chair and refreshed terms of reference",
    'B', P_DIR, "C6;C10",
    "Reset the board after the statutory direction: independent chair, a smaller core membership "
    "with decision-making authority, and a six-weekly cycle tied to the plan." },
  { "Agree a partnership SEND and alternative provision strategy for 2024 to 2027",
    'B', P_DIR, "C6;C7",
    "One strategy owned by the council, the ICB, schools and the parent carer forum, with shared "
    "outcomes and a small number of measurable ambitions." },
  { "Restructure the SEND service into locality teams with a permanent management tier",
    'B', P_SEND, "C6;C11",
    "Replace the interim structure with locality teams so that families, schools and health "
    "colleagues deal with the same coordinators." },
  { "Publish a single partnership self-evaluation against the area SEND inspection framework",
    'G', P_PM, "C10", NULL },
  { "Set up a programme office with a monthly reporting cycle for all action owners",
    'B', P_PM, "C10",
    "Owners report by the Tuesday before each board; the office checks evidence and compiles the "
    "highlight and exception reports." },
  { "Agree a joint quality assurance framework for EHC plans across education, health and care",
    'G', P_SEND, "C1;C10", NULL },
  { "Run multi-agency audits of EHC plans each term and report the themes to the board",
    'G', P_SEND, "C3;C10",
    "Each term a sample of new and amended plans is audited by education, health and care "
    "practitioners together, with a parent carer representative." },
  { "Replace agency caseworkers with permanent staff through a targeted recruitment campaign",
    'A', P_SEND, "C11",
    "Fill the new structure with permanent coordinators and reduce agency use to cover for "
    "long-term absence only." },
  { "Deliver a workforce development programme for EHC coordinators with a sector-led improvement partner",
    'G', P_SEND, "C11", NULL },
  { "Align SEND governance with the Health and Wellbeing Board and the Children's Partnership",
    'B', P_DIR, "C6;C11", NULL },
  { "Build a SEND performance dashboard shared by the council and the ICB",
    'G', P_BI, "C8;C10",
    "A single set of definitions and a monthly refresh, so that the board and each partner look at "
    "the same figures." },
  { "Agree data-sharing arrangements between the council, the ICB and the community health trust",
    'A', P_BI, "C8;C11", NULL },
  { "Brief elected members and non-executive directors on their SEND duties",
    'B', P_DIR, "C6", NULL },
  { "Introduce a joint review of learning from complaints and tribunal appeals",
    'G', P_SEND, "C10", NULL },
  { "Set up an escalation route for cases that are stuck between services",
    'G', P_PM, "C3;C11",
    "A fortnightly multi-agency meeting where any practitioner can bring a case that has stalled, "
    "with a named senior lead to unblock it." },
  { "Commission an independent review of progress ahead of the next DfE and NHS England visit",
    'N', P_PM, "C10", NULL },
  { "Keep a programme risk register and review it at every board meeting",
    'G', P_PM, "C10", NULL },
  { "Review the SEND case management system and plan its replacement",
    'A', P_BI, "C1;C10",
    "The current system cannot report timeliness by stage; the review will set out options and "
    "costs for a replacement." },
  { "Agree a shared outcomes framework for children and young people with SEND",
    'G', P_DIR, "C6;C8", NULL },
  { "Hand the plan over to business-as-usual governance once the statutory direction is lifted",
    'N', P_DIR, "C6", NULL },
};

static const SampleAction sample_p2[] = {
  { "Co-produce a partnership co-production charter with the parent carer forum",
    'B', P_PCF, "C2;C7",
    "A short charter that sets out what families can expect when services plan or change "
    "something, agreed by every partner's board." },
  { "Relaunch the Local Offer website with accessible, searchable content",
    'G', P_LO, "C3;C7",
    "Rebuild the site around the questions families ask, tested with parents and young people, "
    "and meeting the public sector accessibility regulations." },
  { "Publish a 'You said, we did' summary after each board meeting",
    'B', P_LO, "C7", NULL },
  { "Hold quarterly locality events for families in each town, with an online option",
    'G', P_LO, "C5;C7",
    "Senior leaders from education, health and care attend in person; accessible venues and an "
    "evening online session." },
  { "Set up a young people's SEND advisory group that reports to the board",
    'A', P_LO, "C5;C7", NULL },
  { "Agree a communication standard for EHC casework: response times, named contacts and updates",
    'G', P_SEND, "C2;C7",
    "Families hear from their coordinator at each stage and get a reply to contact within three "
    "working days." },
  { "Agree joint council and ICB funding for the parent carer forum's co-production work",
    'B', P_ICB, "C7", NULL },
  { "Train caseworkers and health practitioners in person-centred planning",
    'G', P_SEND, "C2;C11", NULL },
  { "Capture the child's own views in every new EHC plan and audit how well it is done",
    'A', P_SEND, "C2",
    "Section A of each plan should be written with the child or young person; the termly audit "
    "checks whether their views shaped the outcomes." },
  { "Co-produce annual review paperwork and letters with families",
    'G', P_PCF2, "C2;C7", NULL },
  { "Publish the SEND scorecard on the Local Offer within a week of each board",
    'B', P_BI, "C7;C10", NULL },
  { "Send families a short feedback survey after each EHC needs assessment",
    'G', P_PCF2, "C7;C10", NULL },
  { "Agree a plain-English standard and shared glossary for SEND letters",
    'G', P_PCF, "C7", NULL },
  { "Increase SENDIASS capacity to meet demand for independent advice",
    'R', P_ICB, "C2;C3",
    "Waiting times for the information, advice and support service have grown; the service needs "
    "more caseworker time, jointly funded." },
  { "Develop a co-production toolkit for schools working with families",
    'G', P_SCH, "C5;C7", NULL },
  { "Translate key Local Offer pages and provide easy-read versions",
    'A', P_LO, "C5;C7", NULL },
  { "Run a partnership campaign explaining the graduated approach to families",
    'N', P_LO, "C3;C7", NULL },
  { "Evaluate the impact of co-production through an independent survey of families",
    'N', P_PCF, "C7;C10", NULL },
};

static const SampleAction sample_p3[] = {
  { "Redesign the neurodevelopmental assessment pathway for children under five",
    'A', P_PAED, "C1;C3",
    "A single front door for concerns about communication and development in the early years, "
    "with triage by a multi-disciplinary team." },
  { "Reduce waits for autism assessment for school-age children",
    'G', P_PAED, "C1;C3",
    "The longest waits exceed two years; the aim is no child waiting more than 52 weeks by "
    "March 2026." },
  { "Launch an early years SEND inclusion fund for nurseries and childminders",
    'B', P_EY, "C3;C5", NULL },
  { "Train early years settings to identify speech, language and communication needs",
    'R', P_EY, "C1", NULL },
  { "Introduce a single request-for-support route for early help and SEND",
    'G', P_SEND, "C1;C3",
    "One form and one triage meeting, so that families and schools do not have to guess which "
    "service to ask first." },
  { "Place speech and language therapists in family hubs",
    'G', P_THER, "C3", NULL },
  { "Agree a health visiting pathway that flags emerging needs at the two-year review",
    'B', P_DCO, "C1", NULL },
  { "Expand the Portage home visiting service",
    'A', P_EY, "C3", NULL },
  { "Offer a 'waiting well' support package to families awaiting assessment",
    'G', P_PAED, "C3;C7",
    "Advice sessions, sleep and behaviour support and a named contact while a child waits, "
    "co-designed with the parent carer forum." },
  { "Set up a sensory and occupational therapy advice line for parents and schools",
    'G', P_THER, "C3", NULL },
  { "Increase educational psychology capacity through permanent recruitment and trainee posts",
    'R', P_EP, "C1;C11",
    "Grow the service from eight to fourteen full-time posts over two years, including two "
    "trainee placements a year." },
  { "Extend mental health support teams to pupils with SEND in every secondary school",
    'A', P_ICB, "C3;C9", NULL },
  { "Train SENCO networks in early identification of needs",
    'B', P_SCH, "C1;C11", NULL },
  { "Track health advice timeliness for EHC needs assessments on a shared dashboard",
    'G', P_DCO, "C1;C10", NULL },
  { "Agree a protocol for medical advice within six weeks of a request",
    'G', P_DCO, "C1", NULL },
  { "Review the short breaks offer and the children with disabilities social care pathway",
    'A', P_SC, "C3;C9", NULL },
  { "Pilot a school-based early help SEND team in two localities",
    'G', P_INC, "C3;C11",
    "Practitioners based in clusters of schools offer advice and short-term work before a "
    "request for assessment is considered." },
  { "Roll out a developmental language disorder screening tool in reception classes",
    'N', P_THER, "C1", NULL },
  { "Evaluate the effect of the early intervention offer on requests for assessment",
    'N', P_BI, "C10", NULL },
};

static const SampleAction sample_p4[] = {
  { "Publish an inclusion charter, 'Everyone Belongs', agreed with headteachers",
    'B', P_INC, "C5;C6",
    "Sets out the area's shared expectations of inclusive practice, signed by maintained schools "
    "and academy trusts." },
  { "Publish what is ordinarily available in mainstream schools for families",
    'B', P_SCH, "C3;C5", NULL },
  { "Set up an inclusion fund, top-sliced from the schools block, for projects in mainstream",
    'G', P_INC, "C3;C5",
    "Schools bid for funding to support their own pupils with SEND; bids are scored by a panel "
    "that includes parent representatives." },
  { "Appoint inclusion consultants to support and challenge schools",
    'G', P_INC, "C5;C11", NULL },
  { "Expand outreach from special schools into mainstream classrooms",
    'G', P_SPEC, "C3;C11", NULL },
  { "Reduce suspensions and permanent exclusions of pupils with SEND",
    'R', P_INC, "C5",
    "Suspension rates for pupils with EHC plans are well above those of their peers; the target "
    "is to halve the gap over two academic years." },
  { "Improve the attendance of pupils with EHC plans through a joint attendance protocol",
    'A', P_INC, "C4;C5", NULL },
  { "Review every alternative provision placement against the commissioning standards",
    'G', P_INC, "C9;C10", NULL },
  { "Publish a list of quality-assured alternative providers for schools",
    'G', P_INC, "C9", NULL },
  { "Develop a commissioning framework and a traded placement service for alternative provision",
    'A', P_INC, "C9",
    "The council would arrange placements on behalf of schools, giving oversight of every pupil in "
    "alternative provision." },
  { "Return pupils from the pupil referral unit to mainstream within two terms where possible",
    'A', P_INC, "C4", NULL },
  { "Offer a whole-school SEND review to every maintained school and academy",
    'G', P_SCH, "C10", NULL },
  { "Introduce guidance and training on emotionally based school avoidance",
    'G', P_EP, "C3", NULL },
  { "Run a SENCO induction and peer-support programme",
    'G', P_SCH, "C11", NULL },
  { "Reduce the number of pupils with SEND on part-time timetables",
    'R', P_INC, "C3;C5",
    "Every part-time timetable is notified to the council, reviewed within six weeks and has a "
    "plan to return to full-time education." },
  { "Refresh the SEN support funding model for mainstream schools",
    'A', P_FIN, "C9", NULL },
  { "Extend inclusive youth and leisure activities through the short breaks offer",
    'N', P_SC, "C5", NULL },
  { "Recognise inclusive schools through a local inclusion quality mark",
    'N', P_SCH, "C5;C6", NULL },
};

static const SampleAction sample_p5[] = {
  { "Clear the backlog of EHC needs assessments running beyond 20 weeks",
    'B', P_SEND, "C1;C3",
    "A time-limited team worked through every assessment past the statutory timescale, "
    "agreeing any exceptions with families." },
  { "Issue every new EHC plan within 20 weeks, with exceptions agreed with families",
    'G', P_SEND, "C1", NULL },
  { "Decide every request for assessment within six weeks at a multi-agency panel",
    'B', P_SEND, "C1", NULL },
  { "Reduce the annual review backlog through a dedicated review team",
    'R', P_SEND, "C2;C4",
    "More than a thousand reviews are overdue; a dedicated team prioritises phase transfers, "
    "looked-after children and young people at 16 and 18." },
  { "Hold every annual review on time and amend plans within four weeks of the meeting",
    'A', P_SEND, "C2;C4", NULL },
  { "Return educational psychology advice within six weeks for every assessment",
    'A', P_EP, "C1",
    "Daily tracking of advice requests, use of locum psychologists for peaks and a standard "
    "advice template." },
  { "Return health advice within six weeks, with a named health contact for each request",
    'A', P_DCO, "C1;C11", NULL },
  { "Introduce a social care advice template and a single point of contact",
    'B', P_SC, "C1;C11", NULL },
  { "Adopt an EHC plan writing standard and train every plan writer",
    'G', P_SEND, "C2;C10", NULL },
  { "Set up a decision-making panel with parent carer forum observers",
    'B', P_SEND, "C2;C7", NULL },
  { "Name settings in final plans for secondary transfer by 15 February",
    'G', P_SEND, "C4", NULL },
  { "Move to a digital EHC hub portal for families and professionals",
    'R', P_BI, "C2;C11",
    "Families and professionals see the plan, upload advice and track progress online; depends "
    "on the case management system replacement." },
  { "Agree a learning cycle on mediation and tribunal outcomes with legal services",
    'G', P_SEND, "C10", NULL },
  { "Agree a protocol for ceasing plans that are no longer needed, with families",
    'G', P_SEND, "C4", NULL },
  { "Keep a tracker of children placed out of area and the dates of their reviews",
    'G', P_SEND, "C9;C10", NULL },
  { "Introduce a case-holding model so that each family keeps one EHC coordinator",
    'B', P_SEND, "C2;C3", NULL },
  { "Link EHC assessments with children's social care assessments",
    'G', P_SC, "C11", NULL },
  { "Check the quality of health sections of plans through a joint audit",
    'A', P_DCO, "C10", NULL },
  { "Publish EHC plan timeliness each month on the Local Offer",
    'G', P_BI, "C7;C10", NULL },
  { "Commission extra annual review capacity for post-16 plans",
    'N', P_PFA, "C4", NULL },
};

static const SampleAction sample_p6[] = {
  { "Publish a SEND sufficiency strategy based on a five-year demand forecast",
    'B', P_SUFF, "C8;C9",
    "Cohort analysis of unplaced children and of plans by need and age, turned into a place plan "
    "for each phase." },
  { "Open co-located specialist bases on mainstream primary sites",
    'B', P_SUFF, "C3;C9",
    "Headteachers bid to host bases for autistic pupils and pupils with social, emotional and "
    "mental health needs; four bases approved." },
  { "Run a second round of co-located bases for secondary-age pupils",
    'A', P_SUFF, "C3;C9", NULL },
  { "Deliver the new special free school for autistic pupils",
    'R', P_SUFF, "C9",
    "A 120-place school approved by the DfE; the council provides the site and the DfE's "
    "contractor builds it." },
  { "Expand places at existing special schools through capital works",
    'A', P_SPEC, "C9", NULL },
  { "Find a suitable school place for every child awaiting a specialist setting",
    'R', P_SEND, "C3",
    "Each unplaced child has a named officer, a weekly review and interim education until a "
    "place is found." },
  { "Agree a banding framework with independent specialist providers",
    'G', P_SUFF, "C9", NULL },
  { "Set up a joint placement panel for high-cost education, health and care packages",
    'G', P_ICB, "C9;C11", NULL },
  { "Commission specialist provision for primary-age pupils with social, emotional and mental health needs",
    'A', P_SUFF, "C9", NULL },
  { "Visit independent and non-maintained placements to check quality and outcomes",
    'G', P_SEND, "C9;C10", NULL },
  { "Plan post-16 specialist places with the college and the special schools",
    'G', P_FE, "C4;C9", NULL },
  { "Agree a travel assistance policy that promotes independence",
    'G', P_PFA, "C4", NULL },
  { "Commission short breaks for children with complex health needs",
    'A', P_ICB, "C9", NULL },
  { "Provide interim education within 15 school days for every child awaiting a place",
    'R', P_INC, "C3", NULL },
  { "Update the capital programme for SEND places",
    'G', P_SUFF, "C9", NULL },
  { "Open a 16 to 25 specialist provision for young people with complex needs",
    'N', P_FE, "C4", NULL },
  { "Forecast demand for therapy services as specialist places grow",
    'N', P_ICB, "C8", NULL },
};

static const SampleAction sample_p7[] = {
  { "Publish a preparing-for-adulthood pathway from Year 9",
    'B', P_PFA, "C4",
    "What happens at each age from 14 to 25 in education, health, care, housing and work, written "
    "with young people." },
  { "Include preparing-for-adulthood outcomes in every annual review from Year 9",
    'G', P_PFA, "C2;C4", NULL },
  { "Expand supported internships with local employers",
    'G', P_FE, "C4;C5",
    "Grow from 12 to 30 internships a year, with job coaches and the council, the NHS trust and "
    "the college as host employers." },
  { "Agree a transition protocol between children's and adult social care",
    'A', P_SC, "C4;C11", NULL },
  { "Agree the move from paediatric to adult health services at 18",
    'A', P_DCO, "C4;C11", NULL },
  { "Provide careers guidance for young people with EHC plans in every secondary school",
    'G', P_SCH, "C4", NULL },
  { "Develop independent travel training for young people aged 14 to 25",
    'G', P_PFA, "C4;C5", NULL },
  { "Widen the college's post-16 study programmes for learners with high needs",
    'G', P_FE, "C4", NULL },
  { "Reduce the number of young people with EHC plans not in education, employment or training",
    'R', P_PFA, "C4",
    "Tracking of every 16 to 25 year old with a plan, with a named adviser for those not in "
    "education, employment or training." },
  { "Develop supported living and housing options with adult services",
    'N', P_SC, "C4", NULL },
  { "Set up a preparing-for-adulthood forum of young people",
    'B', P_PCF2, "C4;C7", NULL },
  { "Review post-19 plans and their outcomes with young people",
    'A', P_PFA, "C4;C10", NULL },
  { "Train staff to apply the Mental Capacity Act to decisions from age 16",
    'G', P_SC, "C2;C11", NULL },
  { "Publish a Local Offer section on money, benefits and work for young adults",
    'G', P_LO, "C4;C7", NULL },
  { "Pilot a supported employment route with the council as employer",
    'N', P_PFA, "C4;C5", NULL },
  { "Report outcomes at 19 and 25 in an annual report to the board",
    'N', P_BI, "C4;C10", NULL },
};

static const SampleAction sample_p8[] = {
  { "Agree a DSG deficit management plan with the DfE under the safety valve programme",
    'A', P_FIN, "C9",
    "A plan to bring high needs spending back within the grant over five years, with the "
    "DfE's contribution to the historic deficit." },
  { "Report high needs spending against the plan to the board every quarter",
    'B', P_FIN, "C10", NULL },
  { "Renew the funding model for special schools",
    'A', P_FIN, "C9", NULL },
  { "Renew top-up funding for pupils with EHC plans in mainstream schools",
    'A', P_FIN, "C9", NULL },
  { "Reduce reliance on independent specialist placements through local alternatives",
    'R', P_SUFF, "C9",
    "An independent place costs on average more than twice a local specialist place; growing "
    "local provision is the main lever on the deficit." },
  { "Agree joint funding rules for education, health and care packages",
    'G', P_ICB, "C9;C11", NULL },
  { "Approve every high-cost placement at a panel against value-for-money criteria",
    'G', P_SEND, "C9", NULL },
  { "Introduce personal budget guidance and a direct payments offer",
    'G', P_SC, "C2;C9", NULL },
  { "Review home-to-school transport spending for pupils with SEND",
    'A', P_PFA, "C9", NULL },
  { "Deliver the Delivering Better Value grant projects",
    'G', P_PM, "C9;C10", NULL },
  { "Publish a high needs forecast with sensitivity testing",
    'G', P_FIN, "C8;C9", NULL },
  { "Seek a schools forum decision on a transfer from the schools block",
    'G', P_FIN, "C9", NULL },
  { "Review ICB-funded continuing care packages for children",
    'A', P_ICB, "C9", NULL },
  { "Benchmark the unit costs of specialist places against statistical neighbours",
    'N', P_BI, "C8;C9", NULL },
  { "Set a medium-term financial plan for SEND from 2026/27",
    'N', P_FIN, "C9", NULL },
};

typedef struct
{
  const char *code;
  const char *title;
  int lead;
  int partners; /* BIT (O_...) of the usual partners */
  const SampleAction *actions;
  int n_actions;
  const char *impact[3];
  const char *evidence[3];
  const char *done[6];       /* what was done in a period */
  const char *next_steps[5]; /* what comes next */
  const char *delays[2];     /* why work in this area slips */
} SamplePriority;

#define ACTIONS(a) a, G_N_ELEMENTS (a)

static const SamplePriority sample_priorities[] = {
  { "P1", "Leadership, Management and Governance", P_DIR,
    BIT (O_ICB) | BIT (O_TRUST) | BIT (O_PCF), ACTIONS (sample_p1),
    { "Partners hold each other to account through one plan and one set of figures.",
      "Leaders know where the system is failing families and act quickly.",
      "A stable, permanent workforce gives families continuity." },
    { "Board minutes and decision log; highlight reports.",
      "Scorecard trend over four periods; audit findings.",
      "Vacancy and agency rates; staff survey." },
    { "The board reviewed the draft and partners sent their comments.",
      "Accountabilities were agreed with each partner's lead officer.",
      "Two permanent managers started and handover from interim staff is under way.",
      "The highlight report was produced on time and circulated to partners.",
      "A sample of twelve plans was audited and the findings shared with team managers.",
      "Partners confirmed named leads and attendance at the board has been consistent." },
    { "Take the revised version to the next board for agreement.",
      "Share the findings with partners' executive teams.",
      "Complete recruitment to the remaining posts.",
      "Agree the evidence that will show impact, not only activity.",
      "Report progress to the DfE adviser at the next review meeting." },
    { "The consultation on the new structure took longer than planned",
      "Partners' executive teams have not yet signed off the proposal" } },
  { "P2", "Co-production and Communication", P_LO,
    BIT (O_PCF) | BIT (O_ICB) | BIT (O_SCHOOLS), ACTIONS (sample_p2),
    { "Families say they are listened to and can see what changed as a result.",
      "Families find the information they need without having to chase.",
      "Young people shape the services designed for them." },
    { "Family feedback survey; locality event feedback.",
      "Local Offer analytics and accessibility audit.",
      "Parent carer forum annual report." },
    { "The parent carer forum co-chaired two workshops attended by around 40 families.",
      "Draft content was tested with a reading panel of parents and young people.",
      "Feedback from the locality events was themed and shared with service leads.",
      "Local Offer page views rose by a fifth after the new navigation went live.",
      "Young people from the advisory group reviewed the wording and suggested changes.",
      "Caseworkers completed the communication standard training module." },
    { "Agree the final version with the parent carer forum.",
      "Publish the changes on the Local Offer and tell families through the forum's newsletter.",
      "Run the next round of locality events next term.",
      "Report what families told us, and what changed, to the next board.",
      "Check compliance with a sample of case files." },
    { "Families asked for more time to shape the content",
      "The web supplier's development slot moved back" } },
  { "P3", "Early Identification and Intervention", P_DCO,
    BIT (O_COUNCIL) | BIT (O_TRUST) | BIT (O_SCHOOLS), ACTIONS (sample_p3),
    { "Needs are picked up earlier and support starts before they escalate.",
      "Families wait less and are supported while they wait.",
      "Fewer requests for assessment are needed to unlock support." },
    { "Waiting-time reports from the community health trust.",
      "Early years outcomes and setting feedback.",
      "Requests for assessment by source and age." },
    { "Referral numbers and waiting times were reviewed with the community health trust.",
      "Training sessions reached settings in all three localities.",
      "Clinicians began triaging referrals jointly with the early help team.",
      "The waiting list was validated and every family on it contacted.",
      "Two new posts were filled and induction is under way.",
      "Family hub staff were trained to give first-line advice." },
    { "Agree the pathway changes at the trust's clinical governance meeting.",
      "Extend the offer to the remaining locality.",
      "Report waiting times by age band to the next board.",
      "Recruit to the vacant therapy posts.",
      "Evaluate the pilot with families and settings." },
    { "Referrals are running above the commissioned capacity",
      "Two clinical posts remain vacant" } },
  { "P4", "Inclusion", P_INC,
    BIT (O_SCHOOLS) | BIT (O_PCF) | BIT (O_TRUST), ACTIONS (sample_p4),
    { "More children with SEND thrive in their local mainstream school.",
      "Fewer pupils with SEND are suspended, excluded or on part-time timetables.",
      "Schools are confident to meet needs without waiting for an EHC plan." },
    { "Suspension, exclusion and attendance data for pupils with SEND.",
      "School feedback; inclusion consultant visit notes.",
      "Alternative provision register." },
    { "Inclusion consultants visited the schools with the highest suspension rates.",
      "Headteachers agreed the expectations at the schools partnership meeting.",
      "Outreach staff supported pupils in mainstream classes this half term.",
      "Suspension and part-time timetable data was shared with every school.",
      "Quality assurance visits to alternative providers were completed.",
      "Bids from schools were scored by a panel including parent representatives." },
    { "Present the proposals to the schools forum.",
      "Follow up with schools whose figures have not improved.",
      "Agree the second round of projects.",
      "Publish the updated guidance on the Local Offer.",
      "Review the data with headteachers at the next partnership meeting." },
    { "Some schools have not yet engaged with the work",
      "The schools forum deferred its decision" } },
  { "P5", "Pathway", P_SEND,
    BIT (O_ICB) | BIT (O_TRUST) | BIT (O_PCF), ACTIONS (sample_p5),
    { "Families get good-quality plans within the statutory timescales.",
      "Plans are kept up to date and reflect the child's current needs.",
      "Families know who their coordinator is and what happens next." },
    { "Monthly timeliness report; plan quality audit.",
      "Annual review completion and backlog figures.",
      "Complaints and tribunal trends." },
    { "Weekly performance clinics tracked every assessment against the 20-week timescale.",
      "The review team completed a batch of overdue annual reviews and issued amended plans.",
      "Plan audits found clearer outcomes and better-specified provision.",
      "Advice requests are tracked daily and late returns escalated to service leads.",
      "Families received a letter naming their coordinator and setting out the timeline.",
      "Panel decisions are now recorded in the case management system on the day." },
    { "Keep weekly tracking in place through the next peak in demand.",
      "Audit a further sample of plans with health and care colleagues.",
      "Prioritise reviews for children who are about to move phase.",
      "Agree the recovery trajectory with the DfE adviser.",
      "Report timeliness by stage to the next board." },
    { "Advice from partners is arriving late",
      "The peak of phase transfer reviews absorbed the team's capacity" } },
  { "P6", "Sufficiency", P_SUFF,
    BIT (O_SCHOOLS) | BIT (O_ICB) | BIT (O_COLLEGE), ACTIONS (sample_p6),
    { "Children are placed in a local setting that meets their needs without delay.",
      "Fewer children travel out of the area for their education.",
      "Specialist places grow in line with the forecast." },
    { "Unplaced children tracker; place plan.",
      "Out-of-area and independent placement numbers.",
      "Capital programme reports." },
    { "Places were confirmed with headteachers and staff recruited.",
      "The demand forecast was refreshed with the latest census data.",
      "Feasibility work on the preferred site was completed.",
      "Every child awaiting a place was reviewed and interim arrangements recorded.",
      "Negotiations with independent providers continued on fees and outcomes.",
      "Cabinet approved capital funding for the next phase." },
    { "Confirm places for the next intake.",
      "Take the business case to cabinet.",
      "Agree the next round of bids with headteachers.",
      "Review every unplaced child again before the end of term.",
      "Update the forecast with the latest school census." },
    { "The building contractor's programme has slipped",
      "Capital costs came in above the budget" } },
  { "P7", "Preparation for Adulthood", P_PFA,
    BIT (O_COLLEGE) | BIT (O_ICB) | BIT (O_PCF), ACTIONS (sample_p7),
    { "Young people with SEND move into work, study and independent living.",
      "Transitions between children's and adult services are planned and smooth.",
      "Young people's aspirations drive their plans from Year 9." },
    { "Destinations of young people with plans at 16, 19 and 25.",
      "Transition case audits.",
      "Feedback from the young people's forum." },
    { "Twelve young people started supported internships with local employers.",
      "Year 9 annual reviews now include a preparing-for-adulthood section.",
      "Adult social care joined transition planning meetings from age 16.",
      "The college confirmed its high needs study programmes for next year.",
      "Independent travel training started for a first group of learners.",
      "Careers advisers were trained on supported employment routes." },
    { "Recruit further host employers for the next cohort.",
      "Agree the protocol with adult social care and adult health services.",
      "Review the first cohort's outcomes with the young people.",
      "Publish the new pages on the Local Offer.",
      "Report destinations to the board once the annual data is in." },
    { "Adult services have not yet agreed their part",
      "Too few employers have come forward so far" } },
  { "P8", "Managing Resources", P_FIN,
    BIT (O_ICB) | BIT (O_SCHOOLS), ACTIONS (sample_p8),
    { "High needs spending is brought back within the grant without reducing support.",
      "Resources are targeted where they make the most difference to children.",
      "Education, health and care share the cost of packages fairly." },
    { "High needs budget monitoring; DSG management plan returns.",
      "Panel decisions and unit cost analysis.",
      "Schools forum papers." },
    { "The high needs forecast was updated and reported to the schools forum.",
      "Spending on independent placements was reviewed case by case at panel.",
      "Consultation on the funding model closed and responses are being analysed.",
      "The DfE reviewed the deficit management plan and asked for further detail.",
      "Joint funding decisions were recorded against the agreed rules.",
      "Savings from the transport review were profiled for next financial year." },
    { "Submit the next monitoring return to the DfE.",
      "Take the final proposals to the schools forum.",
      "Agree the savings profile with the section 151 officer.",
      "Report the forecast to the board each quarter.",
      "Complete the review of the remaining packages." },
    { "The DfE has asked for further modelling",
      "Savings are coming through more slowly than planned" } },
};

/* ------------------------------------------------ progress commentary */

static const char *const sample_green_open[] = {
  "On track.",
  "Progress is in line with the plan.",
  "The milestones for this period were met.",
  "Good progress this period.",
  "Work is going to plan.",
};

static const char *const sample_amber_open[] = {
  "Some slippage against the plan.",
  "At risk: progress is slower than planned.",
  "Partly on track; mitigation is in place.",
  "Delivery is behind the original timetable.",
};

static const char *const sample_red_open[] = {
  "Off track.",
  "Significant delay.",
  "Not on track: the planned timescale will not be met.",
};

static const char *const sample_blue_open[] = {
  "Complete.",
  "The action has been delivered.",
  "Delivered and handed over to business as usual.",
};

/* Why work slips, in any priority area (see also each area's delays). */
static const char *const sample_reasons[] = {
  "Recruitment to two key posts has taken longer than expected",
  "Staff absence in the team has reduced capacity",
  "Partners need more time to agree the detail",
  "Demand has risen faster than the forecast",
};

static const char *const sample_amber_mitigation[] = {
  "Interim capacity has been agreed to keep the work moving.",
  "A weekly check-in with the lead is in place until the work is back on track.",
  "The work has been split so that the first phase can go ahead.",
  "The programme office is tracking a recovery plan.",
};

static const char *const sample_red_ask[] = {
  "The board is asked to support escalation to the partners' executive leads.",
  "The board is asked to agree extra resource for the next quarter.",
  "The board is asked to note the delay and to review a recovery plan at its next meeting.",
  "The board is asked to help unblock the decision with the DfE.",
};

static const char *const sample_blue_close[] = {
  "Monitoring moves to the service's monthly performance meeting.",
  "Impact will be tracked through the partnership scorecard.",
  "The board agreed to close the action.",
};

static const char *const sample_blue_next[] = {
  "None: the action is closed.",
  "Monitor through business-as-usual reporting.",
  "Review impact in six months.",
};

static const char *const sample_revised_reasons[] = {
  "dependent on recruitment to the new structure",
  "partners asked for more time to agree the detail",
  "aligned with the start of the academic year",
  "consultation extended at partners' request",
  "re-planned after a change of lead officer",
  "waiting for partners to agree the funding",
};

/* ------------------------------------------------------------- risks */

typedef struct
{
  const char *description;
  int owner;
  const char *due;
  const char *status;
} SampleMitigation;

typedef struct
{
  const char *title;
  const char *cause;
  const char *consequence;
  int owner;
  int inherent_l, inherent_i;
  int current_l, current_i; /* at the April 2025 board */
  int target_l, target_i;
  const char *response;
  const char *resources;
  const char *review_date;
  const char *actions; /* linked actions, ';'-separated refs */
  SampleMitigation mitigations[4];
} SampleRisk;

static const SampleRisk sample_risks[] = {
  { "The SEND service workforce is not stable enough to sustain improvement",
    "Reliance on agency caseworkers, a national shortage of experienced coordinators and a "
    "restructure that has only just settled.",
    "Timeliness slips back, families lose their named contact and knowledge leaves with "
    "interim staff.",
    P_SEND, 5, 4, 4, 4, 2, 3, "treat",
    "Corporate HR support for a recruitment campaign; a market supplement agreed by the council; "
    "the sector-led improvement partner's workforce programme.",
    "2025-07-31", "1.3;1.8;1.9",
    { { "Run a rolling recruitment campaign with a market supplement for coordinators.",
        P_SEND, "2025-03-31", "done" },
      { "Offer a career pathway from assistant to senior coordinator.", P_SEND, "2025-09-30",
        "in progress" },
      { "Keep a small agency budget for peaks, approved by the director.", P_DIR, "2025-04-30",
        "done" } } },
  { "The high needs deficit grows beyond the DSG management plan",
    "Requests for assessment and independent placements rise faster than the grant; the "
    "new funding models take time to take effect.",
    "The council's financial sustainability is threatened, the safety valve agreement is at "
    "risk and pressure grows to cut support.",
    P_FIN, 5, 5, 4, 5, 3, 4, "treat",
    "The DfE's safety valve team; a schools forum decision on a block transfer; finance capacity "
    "for monthly forecasting.",
    "2025-07-31", "8.1;8.5;8.11;8.12",
    { { "Forecast high needs spending monthly and report variances to the board.", P_FIN,
        "2024-10-31", "done" },
      { "Approve every placement above the agreed cost threshold at panel.", P_SEND,
        "2024-12-31", "done" },
      { "Agree the deficit management plan with the DfE.", P_FIN, "2025-09-30", "in progress" },
      { "Consult schools on a block transfer for 2026/27.", P_FIN, "2025-11-30", "planned" } } },
  { "Reputational damage if the partnership cannot show progress at the next DfE and NHS England review",
    "Some actions are delayed and the evidence of impact on families is still thin.",
    "The statutory direction is extended or stronger intervention follows; families lose "
    "confidence in the partnership.",
    P_DIR, 4, 5, 3, 4, 2, 4, "treat",
    "Communications team support; challenge from the DfE adviser; the independent review "
    "commissioned by the board.",
    "2025-08-31", "1.4;1.16;1.17",
    { { "Keep partners and families informed of milestones through the board's published summary.",
        P_LO, "2024-09-30", "done" },
      { "Raise any barrier with the DfE adviser as soon as it appears.", P_DIR, "2025-06-30",
        "in progress" },
      { "Refresh the self-evaluation with evidence of impact before the visit.", P_PM,
        "2025-08-29", "planned" } } },
  { "Educational psychology capacity cannot meet statutory advice timescales",
    "Vacancies in the service, a national shortage of psychologists and rising requests for "
    "assessment.",
    "Advice is late, assessments pass 20 weeks and locum costs rise.",
    P_EP, 5, 4, 5, 4, 3, 3, "treat",
    "Funding for two trainee placements a year; a locum framework; support from the regional "
    "educational psychology network.",
    "2025-07-31", "3.11;5.6",
    { { "Commission locum psychologists through the regional framework for peaks.", P_EP,
        "2024-11-30", "done" },
      { "Host two trainee psychologists from September 2025.", P_EP, "2025-09-01",
        "in progress" },
      { "Use assistant psychologists for information gathering.", P_EP, "2025-10-31",
        "planned" } } },
  { "The annual review backlog is not cleared and starts to rise again",
    "The temporary review team has ended, phase transfers peak each spring and the system "
    "cannot flag reviews that are due.",
    "Plans go out of date, appeals to tribunal increase and families lose trust.",
    P_SEND, 5, 4, 4, 4, 2, 3, "treat",
    "Temporary review officers funded until March 2026; reports from the case management system.",
    "2025-07-31", "5.4;5.5",
    { { "Fund a dedicated review team until March 2026.", P_DIR, "2025-04-30", "done" },
      { "Prioritise phase transfers, looked-after children and post-16 reviews.", P_SEND,
        "2025-05-31", "done" },
      { "Report the backlog weekly to the Head of SEND Services.", P_BI, "2025-06-30",
        "in progress" } } },
  { "Not enough specialist places to meet assessed need",
    "Growth in EHC plans, the delay to the new special free school and limited capital.",
    "Children are out of school or in interim provision, and more are placed in costly "
    "independent schools.",
    P_SUFF, 5, 5, 4, 4, 3, 3, "treat",
    "The DfE's free school delivery team; capital funding; schools willing to host bases.",
    "2025-07-31", "6.3;6.4;6.5;6.6",
    { { "Open co-located bases on mainstream sites.", P_SUFF, "2024-09-02", "done" },
      { "Run a second bidding round for secondary bases.", P_SUFF, "2025-09-30", "in progress" },
      { "Agree interim arrangements for the free school's first cohort.", P_SUFF, "2025-12-31",
        "planned" } } },
  { "Damage to partnership working and to trust with families",
    "The pace of change, families' experience of delays and gaps in communication between "
    "partners.",
    "Co-production breaks down, complaints rise and the parent carer forum steps back.",
    P_LO, 4, 4, 3, 4, 2, 3, "treat",
    "Funding for the parent carer forum; communications team time; senior leaders' time for "
    "locality events.",
    "2025-09-30", "2.1;2.4;2.14",
    { { "Meet the parent carer forum every month with the director.", P_DIR, "2024-06-30",
        "done" },
      { "Hold locality events every quarter, in person and online.", P_LO, "2025-06-30",
        "in progress" },
      { "Report feedback from families to partners' boards.", P_LO, "2025-09-30", "planned" } } },
  { "Health advice for assessments is not returned within six weeks",
    "Vacancies in therapy services, higher demand and a complicated route for requests.",
    "Twenty-week timeliness falls and health sections of plans are weaker.",
    P_DCO, 4, 4, 3, 4, 2, 3, "treat",
    "ICB funding for additional therapy sessions; the trust's workforce plan; a data feed from "
    "the trust's systems.",
    "2025-07-31", "3.14;3.15;5.7",
    { { "Route every request through the designated clinical officer's team.", P_DCO,
        "2024-07-31", "done" },
      { "Buy additional therapy sessions for assessment advice.", P_ICB, "2025-06-30",
        "in progress" },
      { "Report advice timeliness by service each month.", P_DCO, "2025-05-31", "done" } } },
  { "The case management system cannot support the improved process",
    "An ageing system, delays to its replacement and poor data quality.",
    "Manual workarounds, unreliable reporting and delay to the digital EHC hub.",
    P_BI, 4, 3, 4, 3, 2, 2, "treat",
    "Corporate IT project resource; budget for the replacement; supplier support.",
    "2025-08-31", "1.18;5.12",
    { { "Cleanse records of open cases before migration.", P_BI, "2025-03-31", "done" },
      { "Agree the business case for a replacement system.", P_BI, "2025-09-30",
        "in progress" } } },
  { "Confusion between the improvement plan and other national and local programmes",
    "Several overlapping programmes: Delivering Better Value, the safety valve, the alternative "
    "provision plan and the regional change programme.",
    "Duplicated effort, conflicting aims and partners' time wasted.",
    P_PM, 3, 3, 2, 3, 1, 3, "tolerate",
    "The programme office's map of programmes; the DfE implementation team; senior "
    "leadership time.",
    "2025-09-30", "1.10;8.10",
    { { "Map every programme's actions to the plan and remove duplicates.", P_PM, "2024-09-30",
        "done" },
      { "Report all SEND programmes through the one board.", P_PM, "2024-12-31", "done" } } },
  { "Baseline data is not clear enough to show impact",
    "The council, the ICB and the trust record data differently, with different definitions.",
    "The board cannot evidence impact and the scorecard is disputed.",
    P_BI, 4, 3, 3, 3, 2, 2, "treat",
    "Analyst time in the council and the ICB; a data-sharing agreement; regional benchmarking.",
    "2025-07-31", "1.11;1.12",
    { { "Agree common definitions for every scorecard measure.", P_BI, "2024-11-30", "done" },
      { "Sign the data-sharing agreement between partners.", P_BI, "2025-07-31", "in progress" },
      { "Benchmark with statistical neighbours each year.", P_BI, "2025-10-31", "planned" } } },
  { "National SEND reform changes the direction of the programme",
    "A national schools white paper, changes to high needs funding and a new inspection "
    "framework.",
    "Work is redone and families and schools face uncertainty.",
    P_DIR, 3, 4, 3, 4, 3, 3, "tolerate",
    "Regular briefings from the DfE adviser; horizon scanning by the policy team.",
    "2025-09-30", "1.19",
    { { "Seek the DfE's view of likely changes and plan for them.", P_DIR, "2025-06-30",
        "in progress" },
      { "Review the plan against any national announcement within a month.", P_PM,
        "2025-10-31", "planned" } } },
  { "A transport provider fails and pupils cannot get to school",
    "A small market of operators for specialist routes and rising costs.",
    "Pupils miss education and the council bears the cost of emergency arrangements.",
    P_PFA, 3, 4, 2, 4, 2, 3, "transfer",
    "Procurement advice; contract management capacity.",
    "2025-10-31", "6.12;8.9",
    { { "Include performance and continuity clauses in every route contract.", P_PFA,
        "2024-09-01", "done" },
      { "Keep a list of approved back-up operators.", P_PFA, "2025-08-31", "in progress" } } },
  { "Pupils placed with unregistered alternative providers are not safe",
    "Schools arrange alternative provision directly and no one has oversight of every "
    "placement.",
    "Harm to pupils or unsuitable education, with no one accountable.",
    P_INC, 3, 5, 2, 5, 1, 5, "terminate",
    "Quality assurance officers' time for checks; schools' cooperation.",
    "2025-07-31", "4.8;4.9;4.10",
    { { "Stop commissioning from any provider not on the quality-assured list.", P_INC,
        "2024-12-31", "done" },
      { "Ask schools to notify every alternative provision placement.", P_INC, "2025-03-31",
        "done" },
      { "Visit every provider used by schools at least once a year.", P_INC, "2025-12-31",
        "in progress" } } },
};

typedef struct
{
  const char *date;
  int risk; /* index in sample_risks */
  int current_l, current_i;
} SampleRiskChange;

/* Scores change between boards, so that the pack has risks that moved. */
static const SampleRiskChange sample_risk_changes[] = {
  { "2025-04-29", 3, 4, 4 },  /* R4: locums in place */
  { "2025-05-06", 5, 4, 5 },  /* R6: free school delayed */
  { "2025-06-10", 1, 5, 5 },  /* R2: forecast overspend grew */
  { "2025-06-17", 4, 3, 4 },  /* R5: review team clearing the backlog */
  { "2025-06-19", 7, 4, 4 },  /* R8: therapy vacancies */
  { "2025-06-26", 0, 3, 4 },  /* R1: permanent staff in post */
};

/* -------------------------------------------------------- milestones */

typedef struct
{
  const char *ref; /* NULL: a milestone of the whole plan */
  const char *title;
  double at;        /* for an action: how far from its start to its due date */
  const char *due;  /* for the whole plan */
  const char *done; /* for the whole plan */
} SampleMilestone;

static const SampleMilestone sample_milestones[] = {
  { NULL, "Improvement plan agreed by all partners after the statutory direction", 0, "2024-03-28", "2024-03-28" },
  { NULL, "Six-month review visit by the DfE and NHS England", 0, "2024-09-19", "2024-09-19" },
  { NULL, "Twelve-month review visit by the DfE and NHS England", 0, "2025-03-20", "2025-03-20" },
  { NULL, "Self-evaluation refreshed against the area SEND inspection framework", 0, "2025-07-31", NULL },
  { NULL, "Annual progress report to the Children's Services Scrutiny Committee", 0, "2025-09-16", NULL },
  { NULL, "Eighteen-month review visit by the DfE and NHS England", 0, "2025-09-25", NULL },
  { NULL, "Refreshed SEND and alternative provision strategy signed off", 0, "2025-12-12", NULL },
  { "1.3", "New structure consulted on with staff and unions", 0.4, NULL, NULL },
  { "1.3", "Staff appointed to new posts", 0.9, NULL, NULL },
  { "1.4", "Draft self-evaluation reviewed by the board", 0.6, NULL, NULL },
  { "1.8", "Second recruitment round closes", 0.7, NULL, NULL },
  { "1.11", "Dashboard first version shared with partners", 0.5, NULL, NULL },
  { "1.18", "Options appraisal for the replacement system", 0.6, NULL, NULL },
  { "2.1", "Charter signed by every partner", 0.9, NULL, NULL },
  { "2.2", "New Local Offer site live", 0.55, NULL, NULL },
  { "2.2", "Accessibility audit of the new site", 0.85, NULL, NULL },
  { "2.4", "Next round of locality events held", 0.8, NULL, NULL },
  { "2.14", "Joint funding agreed for extra SENDIASS caseworkers", 0.6, NULL, NULL },
  { "3.1", "New triage model agreed by the trust", 0.5, NULL, NULL },
  { "3.2", "Waiting list validated", 0.3, NULL, NULL },
  { "3.11", "Two trainee psychologists in post", 0.75, NULL, NULL },
  { "3.17", "Pilot evaluation report", 0.9, NULL, NULL },
  { "4.3", "First round of inclusion fund projects approved", 0.4, NULL, NULL },
  { "4.6", "Suspension data shared with every school", 0.35, NULL, NULL },
  { "4.10", "Commissioning framework consulted on with schools", 0.7, NULL, NULL },
  { "4.15", "All part-time timetables reviewed", 0.6, NULL, NULL },
  { "5.2", "Weekly tracking of every assessment in place", 0.3, NULL, NULL },
  { "5.4", "Overdue reviews for phase transfer completed", 0.55, NULL, NULL },
  { "5.4", "Backlog below 500", 0.85, NULL, NULL },
  { "5.6", "Locum capacity in place for peak demand", 0.7, NULL, NULL },
  { "5.7", "Named health contact for every request", 0.5, NULL, NULL },
  { "5.12", "Supplier selected for the EHC hub", 0.6, NULL, NULL },
  { "6.2", "Four bases open", 0.95, NULL, NULL },
  { "6.3", "Secondary bids approved", 0.6, NULL, NULL },
  { "6.4", "Planning permission granted", 0.5, NULL, NULL },
  { "6.6", "Every unplaced child has an interim plan", 0.4, NULL, NULL },
  { "7.3", "Host employers confirmed for the next cohort", 0.8, NULL, NULL },
  { "7.4", "Transition protocol agreed with adult social care", 0.7, NULL, NULL },
  { "8.1", "Deficit management plan submitted to the DfE", 0.6, NULL, NULL },
  { "8.3", "Special school funding consultation closes", 0.65, NULL, NULL },
  { "8.12", "Schools forum decision on the block transfer", 0.85, NULL, NULL },
};

/* ---------------------------------------------------------- scorecard */

typedef struct
{
  const char *ref;
  const char *title;
  const char *unit;
  BpPolarity polarity;
  double target;
  double tolerance;
  const char *frequency;
  double baseline;
  const char *comparator;
  double values[4]; /* Sep-23, Mar-24, Sep-24, Mar-25; NAN: no value */
  const char *notes[4];
  const char *actions; /* the actions that should move it, ';'-separated */
} SampleMeasure;

typedef struct
{
  const char *period;
  const char *end;
} SamplePeriod;

static const SamplePeriod sample_periods[4] = {
  { "Sep-23", "2023-09-30" },
  { "Mar-24", "2024-03-31" },
  { "Sep-24", "2024-09-30" },
  { "Mar-25", "2025-03-31" },
};

static const SampleMeasure sample_measures[] = {
  { "K1", "EHC needs assessment decisions made within 6 weeks", "%", BP_POLARITY_HIGHER, 95, 5,
    "Monthly", 93.2, NULL,
    { 93.2, 96.4, 100, 98.1 },
    { NULL, NULL, "Every decision in the period was made within six weeks.", NULL },
    "5.3" },
  { "K2", "EHC plans issued within 20 weeks, including exceptions", "%", BP_POLARITY_HIGHER, 90,
    10, "Monthly", 2.6, "England 50.3 % (2023); 47.7 % (2022)",
    { 2.6, 67.1, 94.4, 86.3 },
    { "Backlog of assessments beyond 20 weeks.", NULL, NULL,
      "A small number of plans exceeded 20 weeks by agreement with families." },
    "5.1;5.2" },
  { "K3", "EHC needs assessments waiting over 30 weeks", "count", BP_POLARITY_LOWER, 0, 10,
    "Monthly", 186, NULL,
    { 186, 105, 0, 4 },
    { NULL, NULL, "Backlog cleared.", NULL },
    "5.1" },
  { "K4", "Educational psychology advice returned within 6 weeks", "%", BP_POLARITY_HIGHER, 90,
    10, "Monthly", 0.0, NULL,
    { 0.0, 91.8, 78.8, 84.5 },
    { "No advice returned on time while the service held a waiting list.", NULL,
      "Two vacancies over the summer.", "Locum psychologists in place from November." },
    "3.11;5.6" },
  { "K5", "Health advice returned within 6 weeks", "%", BP_POLARITY_HIGHER, 90, 10, "Monthly",
    77.9, NULL,
    { 77.9, 91.1, 70.1, 81.6 },
    { NULL, NULL, "Therapy vacancies in the community health trust.", NULL },
    "3.15;5.7" },
  { "K6", "Annual reviews overdue (backlog)", "count", BP_POLARITY_LOWER, 200, 200, "Monthly",
    1383, NULL,
    { 1383, 1030, 1038, 742 },
    { NULL, NULL, "The temporary review team ended in August; the backlog began to rise again.",
      "Dedicated review team in place from January." },
    "5.4;5.5" },
  { "K7", "Requests for assessment made by parents and carers", "%", BP_POLARITY_TARGET, 35, 10,
    "Six-monthly", 44, NULL,
    { 44, 22, 54, 47 },
    { NULL, NULL, "A high share of requests from families can signal low confidence in support "
      "at school.", NULL },
    "4.2;4.12" },
  { "K8", "Children and young people awaiting a specialist place", "count", BP_POLARITY_LOWER, 20,
    30, "Monthly", 270, NULL,
    { NAN, NAN, 143, 96 },
    { "Not recorded.", "Not recorded.",
      "Not previously recorded: the first count, when tracking began in spring 2024, was 270.",
      NULL },
    "6.2;6.3;6.6" },
};

/* ---------------------------------------------------------- meetings */

typedef struct
{
  const char *date;
  const char *time;
  const char *venue;
  const char *agenda_item;
  const char *title;
  const char *purpose;
  const char *summary;
  const char *recommendations;
  const char *reasons;
} SampleMeeting;

static const SampleMeeting sample_meetings[] = {
  { "2025-04-08", "14:00", "Committee Room 2, Wessex Bay Civic Centre", "5",
    "SEND Improvement Plan: progress report, April 2025", "Discussion",
    "This report updates the board on the 143 actions of the SEND Improvement Plan since its "
    "February meeting, with the partnership scorecard to March 2025 and the programme risk "
    "register. New EHC plans are now mostly issued within 20 weeks, and educational psychology "
    "and health advice are recovering but remain below target. The annual review backlog "
    "remains the partnership's main concern.",
    "1. The board notes progress against the improvement plan and the scorecard.\n"
    "2. The board agrees the revised due dates set out in the exception report.\n"
    "3. The board asks the ICB and the community health trust to report on health advice "
    "timeliness at its next meeting.",
    "To give the board assurance on delivery of the plan required by the statutory direction, "
    "and to agree action where delivery is off track." },
  { "2025-05-20", "14:00", "Online (Microsoft Teams)", "4",
    "SEND Improvement Plan: progress report, May 2025", "Discussion",
    "This report sets out what moved since the April board. The dedicated annual review team "
    "is in place and the backlog is falling. The delay to the new special free school has "
    "raised the score of the sufficiency risk, and the board is asked to support escalation to "
    "the DfE.",
    "1. The board notes the movement in actions and risks since its last meeting.\n"
    "2. The board endorses the annual review recovery plan.\n"
    "3. The board agrees to escalate the delay to the special free school to the DfE.",
    "To keep the board sighted on delivery and to secure the support needed where actions are "
    "off track." },
  { "2025-07-01", "10:00", "Council Chamber, Wessex Bay Civic Centre", "5",
    "SEND Improvement Plan: progress report, July 2025", "Decision",
    "This report covers the position at the end of June 2025, ahead of the DfE and NHS England "
    "review visit in September. Several actions completed and others recovered, but some have "
    "slipped and more are now past their due date. The forecast high needs overspend has "
    "increased the score of the deficit risk.",
    "1. The board notes the movement in actions, measures and risks since its May meeting.\n"
    "2. The board agrees to close the actions reported as complete.\n"
    "3. The board approves the refreshed risk register, including the higher score for the high "
    "needs deficit risk.\n"
    "4. The board agrees the arrangements for refreshing the self-evaluation before the review "
    "visit.",
    "The statutory direction requires the partnership to show sustained progress; the board "
    "must agree closures and changes to the risk register." },
};

#define SAMPLE_MEETING_AUTHOR "SEND Improvement Programme Manager"
#define SAMPLE_MEETING_PRESENTER "Director of Education and Skills"
#define SAMPLE_MEETING_CONTACT "SEND Improvement Programme Office, send.improvement@wessexbay.gov.uk"
#define SAMPLE_MEETING_SERVICE "Children's Services: Education and Skills"
