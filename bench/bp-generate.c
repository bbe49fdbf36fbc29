/* bp-generate.c: writes a large, realistic programme for the benchmarks.
 *
 *   bp-generate OUT.boardpack [--actions N] [--updates N] [--risks N]
 *                             [--measures N] [--periods N] ...
 *
 * Everything goes through the core API (bp_db_insert_*, bp_db_add_update,
 * bp_db_take_snapshot) inside one bp_db_begin / bp_db_commit, so the file
 * is what the application itself would have written: audit log, full-text
 * index and all. The data come from a fixed-seed PRNG: the same options
 * always give the same programme (apart from the audit timestamps and the
 * snapshots' taken_at).
 *
 * Prints `key: value` lines: the counts, the time of each phase and the
 * total, and the file's size.
 *
 * The one thing set outside the API is the connection's page cache
 * (--cache-mb, through bp_db_get_handle()): it changes no byte of the file,
 * only how often the one large transaction spills dirty pages to the WAL.
 * The core's read-write connections have 64 MiB; the default here is 256,
 * as the figures in bench/README.md have always been measured with.
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bp-db-private.h"
#include "bp-db.h"
#include "bp-rules.h"

/* ------------------------------------------------------------------ PRNG */

/* splitmix64: small, fast and the same everywhere. */
static guint64 rng_state = 0x426f617264706163ull; /* "Boardpac" */

static guint64
rng_next (void)
{
  guint64 z = (rng_state += 0x9e3779b97f4a7c15ull);

  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

/* Uniform in [0, n). */
static guint
rng_below (guint n)
{
  return (guint) (((rng_next () >> 32) * (guint64) n) >> 32);
}

static int
rng_range (int lo, int hi) /* inclusive */
{
  return lo + (int) rng_below ((guint) (hi - lo + 1));
}

static double
rng_unit (void)
{
  return (double) (rng_next () >> 11) * (1.0 / 9007199254740992.0);
}

#define PICK(array) (array[rng_below (G_N_ELEMENTS (array))])

/* ----------------------------------------------------------------- dates */

/* Day 0 is 2023-01-01; the table covers every date the generator uses. */
#define N_DAYS 1900
static char dates[N_DAYS][11];
static GDate date_epoch;

static void
dates_init (void)
{
  GDate d;

  g_date_clear (&date_epoch, 1);
  g_date_set_dmy (&date_epoch, 1, G_DATE_JANUARY, 2023);
  d = date_epoch;
  for (int i = 0; i < N_DAYS; i++)
    {
      g_snprintf (dates[i], sizeof dates[i], "%04d-%02d-%02d", g_date_get_year (&d),
                  g_date_get_month (&d), g_date_get_day (&d));
      g_date_add_days (&d, 1);
    }
}

static const char *
day (int n)
{
  return dates[CLAMP (n, 0, N_DAYS - 1)];
}

static int
day_of (int y, int m, int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_days_between (&date_epoch, &date);
}

/* ------------------------------------------------------------------ text */

static const char *const first_names[] = {
  "Aisha", "Ben", "Carys", "Dafydd", "Eleanor", "Farah", "Gareth", "Hannah", "Imran", "Jade",
  "Kieran", "Lowri", "Mohammed", "Niamh", "Owen", "Priya", "Rhys", "Sian", "Tom", "Yusuf",
};
static const char *const last_names[] = {
  "Ahmed", "Baker", "Clarke", "Davies", "Evans", "Fletcher", "Green", "Hughes", "Islam", "Jones",
  "Khan", "Lewis", "Morgan", "Nowak", "Owens", "Patel", "Roberts", "Smith", "Thomas", "Williams",
};
static const char *const roles[] = {
  "Head of SEND", "Designated Clinical Officer", "Assistant Director", "Service Manager",
  "Headteacher", "Commissioning Manager", "Team Leader", "Principal Educational Psychologist",
  "Participation Officer", "Data Analyst", "Programme Manager", "Director of Children's Services",
};
static const struct { const char *name, *kind; } organisations[] = {
  { "Borough Council", "council" },
  { "Integrated Care Board", "ICB" },
  { "Community Health Trust", "NHS trust" },
  { "Parent Carer Forum", "parent carer forum" },
  { "Schools Partnership", "school" },
  { "Further Education College", "college" },
  { "Mental Health Trust", "NHS trust" },
  { "Youth Justice Service", "council" },
  { "Early Years Alliance", "voluntary sector" },
  { "Children's Hospital", "NHS trust" },
};
static const char *const themes[] = {
  "Identification and assessment", "EHC plan timeliness", "Co-production with families",
  "Inclusion in mainstream schools", "Preparation for adulthood", "Health provision",
  "Social care for disabled children", "Alternative provision", "Transport",
  "Workforce development", "Joint commissioning", "Early years", "Emotional wellbeing",
  "Attendance and exclusions", "Annual reviews", "Sufficiency of places", "Data and quality assurance",
  "Communication with families", "Short breaks", "Transitions",
};
static const char *const verbs[] = {
  "Review", "Improve", "Embed", "Introduce", "Agree", "Publish", "Train", "Audit", "Reduce",
  "Develop", "Commission", "Strengthen", "Monitor", "Co-produce", "Launch", "Extend",
};
static const char *const objects[] = {
  "the graduated approach", "EHC needs assessments", "the Local Offer", "annual reviews",
  "the quality assurance framework", "speech and language therapy waiting lists",
  "the joint commissioning strategy", "SENCo networks", "the inclusion charter",
  "transition plans at 14+", "the outcomes framework", "the short breaks statement",
  "tribunal mediation", "the dashboard", "health advice returns", "school-based resource bases",
  "personal budgets", "the neurodevelopmental pathway", "home to school transport policy",
  "the complaints process",
};
static const char *const purposes[] = {
  "so that families know what to expect", "to meet the 20-week timescale",
  "with the parent carer forum", "across all partners", "for children missing education",
  "to reduce waiting times", "in line with the Code of Practice", "and report to the board",
  "for young people aged 16 to 25", "in every locality",
};
static const char *const openers[] = {
  "Work has started on", "Good progress with", "Delays to", "The working group met to discuss",
  "Partners signed off", "Data show improvement in", "Further work is needed on",
  "Slippage reported against", "Consultation closed on", "The board noted concerns about",
};
static const char *const details[] = {
  "Staffing pressures in the team continue to affect capacity.",
  "Families gave positive feedback at the last forum.",
  "A revised timeline has been agreed with the lead officer.",
  "Funding has been confirmed for the next financial year.",
  "The audit found that half of plans met the quality standard.",
  "Training has been delivered to 120 practitioners.",
  "Recruitment to the vacant post is under way.",
  "Performance this month is below the target but improving.",
  "The policy is with legal services for review.",
  "Schools have been asked to return their data by the end of term.",
  "Two further sessions are booked with health colleagues.",
  "The new process will go live after the summer.",
};
static const char *const next_steps[] = {
  "Report back to the next board.", "Agree the action plan with partners.",
  "Complete the audit and share findings.", "Recruit to the vacant post.",
  "Publish the revised guidance.", "Hold a co-production workshop.",
  "Confirm the budget with finance.", "Escalate to the executive group.",
  "Analyse the survey results.", "Close the action if the target is sustained.",
};
static const char *const causes[] = {
  "Rising demand for EHC needs assessments", "Shortage of educational psychologists",
  "Insufficient specialist places", "High-needs block deficit", "Turnover of caseworkers",
  "Delays in health advice", "Low confidence of families in the system",
  "Data quality problems in the case management system",
};
static const char *const consequences[] = {
  "statutory timescales are missed", "children are placed out of area at high cost",
  "the inspection judgement is poor", "complaints and tribunals increase",
  "outcomes for children and young people worsen", "budget overspend",
};
static const char *const responses[] = { "treat", "treat", "treat", "tolerate", "transfer", "terminate" };
static const char *const mitigation_statuses[] = { "planned", "in progress", "in progress", "done" };
static const char *const units[] = { "%", "%", "count", "days", "weeks", "£" };
static const char *const months[] = {
  "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};
static const char *const criteria[] = {
  "IE1", "IE2", "IE3", "IE4", "IE5", "IE1;IE3", "IE2;IE4", "IE5;IE1", NULL,
};

/* Joins random phrases into @buf. */
static const char *
sentence (GString *buf, const char *const *a, gsize na, const char *const *b, gsize nb,
          const char *const *c, gsize nc)
{
  g_string_truncate (buf, 0);
  g_string_append (buf, a[rng_below (na)]);
  g_string_append_c (buf, ' ');
  g_string_append (buf, b[rng_below (nb)]);
  if (c)
    {
      g_string_append_c (buf, ' ');
      g_string_append (buf, c[rng_below (nc)]);
    }
  return buf->str;
}

#define SENTENCE(buf, a, b, c) \
  sentence (buf, a, G_N_ELEMENTS (a), b, G_N_ELEMENTS (b), c, G_N_ELEMENTS (c))

/* ---------------------------------------------------------------- timing */

typedef struct
{
  gint64 start;
  gint64 phase;
} Clock;

/* Prints the phase's time and, for @rows > 0, microseconds per row. */
static void
phase_rows_done (Clock *c, const char *name, int rows)
{
  gint64 now = g_get_monotonic_time ();

  g_print ("time.%s: %.3f s\n", name, (now - c->phase) / 1e6);
  if (rows > 0)
    g_print ("per_row.%s: %.1f us\n", name, (double) (now - c->phase) / rows);
  c->phase = now;
}

static void
phase_done (Clock *c, const char *name)
{
  phase_rows_done (c, name, 0);
}

/* ------------------------------------------------------------------ main */

static int opt_actions = 50000;
static int opt_updates = 500000;
static int opt_risks = 2000;
static int opt_measures = 200;
static int opt_periods = 24;
static int opt_priorities = 12;
static int opt_people = 400;
static int opt_meetings = 6;
static int opt_milestones = -1;
static int opt_cache_mb = 256;
static guint64 opt_seed = 0;

static GOptionEntry entries[] = {
  { "actions", 0, 0, G_OPTION_ARG_INT, &opt_actions, "Actions (default 50000)", "N" },
  { "updates", 0, 0, G_OPTION_ARG_INT, &opt_updates, "Progress updates (default 500000)", "N" },
  { "risks", 0, 0, G_OPTION_ARG_INT, &opt_risks, "Risks, each with 2-3 mitigations (default 2000)", "N" },
  { "measures", 0, 0, G_OPTION_ARG_INT, &opt_measures, "Measures (default 200)", "N" },
  { "periods", 0, 0, G_OPTION_ARG_INT, &opt_periods, "Monthly values per measure (default 24)", "N" },
  { "priorities", 0, 0, G_OPTION_ARG_INT, &opt_priorities, "Priority areas, 1-20 (default 12)", "N" },
  { "people", 0, 0, G_OPTION_ARG_INT, &opt_people, "People, 1-400 (default 400)", "N" },
  { "meetings", 0, 0, G_OPTION_ARG_INT, &opt_meetings, "Meetings, each with a snapshot, 0-12 (default 6)", "N" },
  { "milestones", 0, 0, G_OPTION_ARG_INT, &opt_milestones, "Milestones (default actions / 10)", "N" },
  { "cache-mb", 0, 0, G_OPTION_ARG_INT, &opt_cache_mb,
    "SQLite page cache for the run, in MiB (default 256; 0: the core's own 64 MiB, as the application has)",
    "MB" },
  { "seed", 0, 0, G_OPTION_ARG_INT64, &opt_seed, "PRNG seed (default fixed)", "N" },
  { NULL },
};

#define CHECK(call)                                                                  \
  G_STMT_START                                                                       \
  {                                                                                  \
    if (!(call))                                                                     \
      goto failed;                                                                   \
  }                                                                                  \
  G_STMT_END

int
main (int argc, char **argv)
{
  g_autoptr (GOptionContext) ctx = g_option_context_new ("OUT.boardpack");
  g_autoptr (GError) error = NULL;
  g_autoptr (BpDb) db = NULL;
  g_autoptr (GString) t1 = g_string_new (NULL);
  g_autoptr (GString) t2 = g_string_new (NULL);
  g_autofree gint64 *person_ids = NULL;
  g_autofree gint64 *org_ids = NULL;
  g_autofree gint64 *priority_ids = NULL;
  g_autofree gint64 *action_ids = NULL;
  g_autofree gint64 *measure_ids = NULL;
  g_autofree int *action_start = NULL;
  g_autofree int *action_due = NULL;
  gint64 meeting_ids[12] = { 0 };
  int meeting_days[12];
  int n_orgs = G_N_ELEMENTS (organisations);
  int n_mitigations = 0, n_values = 0, n_links = 0, n_snapshots = 0, next_meeting = 0;
  int first_update_day, last_update_day;
  const char *path;
  Clock clock;
  GStatBuf st;

  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_summary (ctx, "Writes a generated programme through the Boardpack core API.");
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("bp-generate: %s\n", error->message);
      return 2;
    }
  if (argc != 2)
    {
      g_printerr ("Usage: bp-generate OUT.boardpack [--actions N] [--updates N] [--risks N] "
                  "[--measures N] [--periods N]\n");
      return 2;
    }
  if (opt_actions < 1 || opt_updates < 0 || opt_risks < 0 || opt_measures < 0 || opt_periods < 0
      || opt_priorities < 1 || opt_priorities > (int) G_N_ELEMENTS (themes) || opt_people < 1
      || opt_people > (int) (G_N_ELEMENTS (first_names) * G_N_ELEMENTS (last_names))
      || opt_meetings < 0 || opt_meetings > (int) G_N_ELEMENTS (meeting_ids))
    {
      g_printerr ("bp-generate: an option is out of range (see --help)\n");
      return 2;
    }
  if (opt_milestones < 0)
    opt_milestones = opt_actions / 10;
  if (opt_seed)
    rng_state = opt_seed;
  path = argv[1];
  dates_init ();

  clock.start = clock.phase = g_get_monotonic_time ();
  db = bp_db_create (path, "Generated SEND improvement programme (benchmark)", &error);
  if (db == NULL)
    {
      g_printerr ("bp-generate: %s\n", error->message);
      return 1;
    }
  if (opt_cache_mb > 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = -%d", opt_cache_mb * 1024);

      sqlite3_exec (bp_db_get_handle (db), sql, NULL, NULL, NULL);
    }
  bp_db_set_actor (db, "bp-generate");
  CHECK (bp_db_begin (db, &error));
  phase_done (&clock, "create");

  /* Organisations, people, priority areas. */
  org_ids = g_new0 (gint64, n_orgs);
  for (int i = 0; i < n_orgs; i++)
    {
      BpOrganisation o = { 0, (char *) organisations[i].name, (char *) organisations[i].kind };

      CHECK (bp_db_insert_organisation (db, &o, &error));
      org_ids[i] = o.id;
    }
  person_ids = g_new0 (gint64, opt_people);
  for (int i = 0; i < opt_people; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s %s", first_names[i % G_N_ELEMENTS (first_names)],
                                               last_names[(i / G_N_ELEMENTS (first_names) + i)
                                                          % G_N_ELEMENTS (last_names)]);
      g_autofree char *email = g_strdup_printf ("person%d@example.org", i + 1);
      BpPerson p = { 0, name, (char *) PICK (roles), email, org_ids[rng_below (n_orgs)] };

      CHECK (bp_db_insert_person (db, &p, &error));
      person_ids[i] = p.id;
    }
  priority_ids = g_new0 (gint64, opt_priorities);
  for (int i = 0; i < opt_priorities; i++)
    {
      g_autofree char *code = g_strdup_printf ("%d", i + 1);
      BpPriority p = { 0, code, (char *) themes[i], person_ids[rng_below (opt_people)], i + 1 };

      CHECK (bp_db_insert_priority (db, &p, &error));
      priority_ids[i] = p.id;
    }
  phase_done (&clock, "people");

  /* Actions: contiguous blocks per priority area, refs "P.N". Start dates
   * from Sep 2023, due 3-24 months later; some revised, some "Ongoing". */
  action_ids = g_new0 (gint64, opt_actions);
  action_start = g_new0 (int, opt_actions);
  action_due = g_new0 (int, opt_actions);
  {
    int start0 = day_of (2023, 9, 1);
    int prev_p = -1, n_in_p = 0;

    for (int i = 0; i < opt_actions; i++)
      {
        int p = (int) ((gint64) i * opt_priorities / opt_actions);
        g_autoptr (BpAction) a = bp_action_new ();
        char ref[32];
        guint r = rng_below (100);

        n_in_p = p == prev_p ? n_in_p + 1 : 1;
        prev_p = p;
        g_snprintf (ref, sizeof ref, "%d.%d", p + 1, n_in_p);
        a->ref = g_strdup (ref);
        a->priority_id = priority_ids[p];
        a->title = g_strdup (SENTENCE (t1, verbs, objects, purposes));
        if (rng_below (3) == 0)
          a->description = g_strdup_printf ("%s %s", SENTENCE (t2, openers, objects, details),
                                            PICK (details));
        a->owner_id = person_ids[rng_below (opt_people)];
        a->organisation_id = org_ids[rng_below (n_orgs)];
        if (rng_below (4) == 0)
          a->partners = g_strdup_printf ("%s; %s", organisations[rng_below (n_orgs)].name,
                                         organisations[rng_below (n_orgs)].name);
        action_start[i] = start0 + rng_range (0, 540);
        action_due[i] = action_start[i] + rng_range (90, 730);
        a->start_date = g_strdup (day (action_start[i]));
        if (r < 5)
          {
            a->due_text = g_strdup (rng_below (2) ? "Ongoing" : "TBC");
            action_due[i] = N_DAYS;
          }
        else
          {
            a->due_date = g_strdup (day (action_due[i]));
            if (r < 17)
              {
                action_due[i] += rng_range (30, 270);
                a->revised_due_date = g_strdup (day (action_due[i]));
                a->revised_reason = g_strdup (PICK (details));
              }
          }
        a->rag = BP_RAG_NOT_STARTED;
        a->percent = 0;
        if (rng_below (5) == 0)
          a->impact = g_strdup (SENTENCE (t1, verbs, objects, purposes));
        a->criteria = g_strdup (PICK (criteria));
        a->position = n_in_p;
        CHECK (bp_db_insert_action (db, a, &error));
        action_ids[i] = a->id;
      }
  }
  phase_rows_done (&clock, "actions", opt_actions);

  /* Milestones. */
  for (int i = 0; i < opt_milestones; i++)
    {
      int k = rng_below (opt_actions);
      int due = action_start[k] + rng_range (30, 400);
      BpMilestone m = { 0, action_ids[k], (char *) SENTENCE (t1, verbs, objects, purposes),
                        (char *) day (due), NULL };

      if (due < day_of (2025, 6, 30) && rng_below (3))
        m.done_date = (char *) day (due + rng_range (-20, 40));
      CHECK (bp_db_insert_milestone (db, &m, &error));
    }
  phase_rows_done (&clock, "milestones", opt_milestones);

  /* Meetings: quarterly board meetings over the span of the updates. */
  first_update_day = day_of (2023, 10, 1);
  last_update_day = day_of (2025, 6, 27);
  for (int i = 0; i < opt_meetings; i++)
    {
      int d = first_update_day + (last_update_day - first_update_day) * (i + 1) / (opt_meetings + 1);
      g_autofree char *title = g_strdup_printf ("SEND Improvement Board %d", i + 1);
      BpMeeting m = { 0 };

      meeting_days[i] = d;
      m.date = (char *) day (d);
      m.time = "14:00";
      m.venue = "Council Chamber";
      m.agenda_item = "4";
      m.title = title;
      m.author = "Programme Manager";
      m.classification = "Public";
      m.wards = "All";
      m.purpose = "To report progress against the improvement plan.";
      m.recommendations = "The board notes progress and agrees the escalations.";
      CHECK (bp_db_insert_meeting (db, &m, &error));
      meeting_ids[i] = m.id;
    }

  /* Progress updates, in date order as a real programme gathers them,
   * each on a random action that has started; the RAG drifts towards
   * complete as an action passes its due date. A snapshot is taken at
   * each meeting as the dates pass it. */
  for (int i = 0; i < opt_updates; i++)
    {
      int d = first_update_day
              + (int) ((gint64) (last_update_day - first_update_day) * i / MAX (opt_updates, 1));
      int k = rng_below (opt_actions);
      BpUpdate u = { 0 };
      guint r = rng_below (100);

      while (next_meeting < opt_meetings && d > meeting_days[next_meeting])
        {
          CHECK (bp_db_take_snapshot (db, meeting_ids[next_meeting++], NULL, &error) > 0);
          n_snapshots++;
        }
      if (d < action_start[k]) /* one retry: prefer actions that have started */
        k = rng_below (opt_actions);
      u.action_id = action_ids[k];
      u.date = (char *) day (d);
      u.author = (char *) first_names[rng_below (G_N_ELEMENTS (first_names))];
      if (d > action_due[k])
        u.rag = r < 55 ? BP_RAG_BLUE : r < 80 ? BP_RAG_RED : r < 95 ? BP_RAG_AMBER : BP_RAG_GREEN;
      else if (d < action_start[k])
        u.rag = r < 80 ? BP_RAG_NOT_STARTED : BP_RAG_GREEN;
      else
        u.rag = r < 50 ? BP_RAG_GREEN : r < 78 ? BP_RAG_AMBER : r < 90 ? BP_RAG_RED
              : r < 95 ? BP_RAG_BLUE : BP_RAG_NOT_STARTED;
      g_string_printf (t1, "%s %s. %s", PICK (openers), PICK (objects), PICK (details));
      if (r & 1)
        g_string_append_printf (t1, " %s", PICK (details));
      u.commentary = t1->str;
      u.next_steps = rng_below (4) ? (char *) PICK (next_steps) : NULL;
      CHECK (bp_db_add_update (db, &u, &error));
    }
  while (next_meeting < opt_meetings)
    {
      CHECK (bp_db_take_snapshot (db, meeting_ids[next_meeting++], NULL, &error) > 0);
      n_snapshots++;
    }
  phase_rows_done (&clock, "updates", opt_updates);

  /* Risks, each with 2-3 mitigations and linked to 1-3 actions. */
  for (int i = 0; i < opt_risks; i++)
    {
      g_autoptr (BpRisk) risk = bp_risk_new ();
      int n_mit = rng_range (2, 3);

      risk->ref = g_strdup_printf ("R%04d", i + 1);
      risk->title = g_strdup_printf ("%s means %s", PICK (causes), PICK (consequences));
      risk->cause = g_strdup (PICK (causes));
      risk->consequence = g_strdup (PICK (consequences));
      risk->owner_id = person_ids[rng_below (opt_people)];
      risk->inherent_l = rng_range (2, 5);
      risk->inherent_i = rng_range (2, 5);
      risk->current_l = rng_range (1, risk->inherent_l);
      risk->current_i = rng_range (1, risk->inherent_i);
      risk->target_l = rng_range (1, risk->current_l);
      risk->target_i = rng_range (1, risk->current_i);
      risk->response = g_strdup (PICK (responses));
      if (rng_below (3) == 0)
        risk->resources = g_strdup ("Within existing budget");
      risk->review_date = g_strdup (day (day_of (2025, 7, 1) + rng_range (0, 180)));
      risk->status = g_strdup (rng_below (10) ? "Open" : "Closed");
      risk->position = i + 1;
      CHECK (bp_db_insert_risk (db, risk, &error));
      for (int j = 0; j < n_mit; j++)
        {
          BpMitigation m = { 0, risk->id, (char *) SENTENCE (t1, verbs, objects, purposes),
                             person_ids[rng_below (opt_people)],
                             (char *) day (day_of (2024, 4, 1) + rng_range (0, 600)),
                             (char *) PICK (mitigation_statuses), j + 1 };

          CHECK (bp_db_insert_mitigation (db, &m, &error));
          n_mitigations++;
        }
      for (int j = rng_range (1, 3); j > 0; j--)
        {
          CHECK (bp_db_link_risk_action (db, risk->id, action_ids[rng_below (opt_actions)],
                                         &error));
          n_links++;
        }
    }
  phase_done (&clock, "risks");

  /* Measures with monthly values, the last period ending Jun 2025. */
  measure_ids = g_new0 (gint64, MAX (opt_measures, 1));
  for (int i = 0; i < opt_measures; i++)
    {
      g_autoptr (BpMeasure) m = bp_measure_new ();
      double value;

      m->ref = g_strdup_printf ("M%03d", i + 1);
      m->title = g_strdup_printf ("%s: %s", themes[i % G_N_ELEMENTS (themes)], PICK (objects));
      m->unit = g_strdup (PICK (units));
      m->polarity = (BpPolarity) rng_below (3);
      m->baseline = g_str_equal (m->unit, "%") ? rng_range (20, 80) : rng_range (5, 500);
      m->target = m->polarity == BP_POLARITY_LOWER ? m->baseline * 0.7 : m->baseline * 1.3;
      if (g_str_equal (m->unit, "%"))
        m->target = MIN (m->target, 100);
      m->tolerance = fabs (m->target - m->baseline) / 3;
      m->frequency = g_strdup ("Monthly");
      if (rng_below (2))
        m->comparator = g_strdup_printf ("England %.1f", m->baseline * (0.8 + 0.4 * rng_unit ()));
      m->position = i + 1;
      CHECK (bp_db_insert_measure (db, m, &error));
      measure_ids[i] = m->id;

      value = m->baseline;
      for (int j = 0; j < opt_periods; j++)
        {
          /* Period j counts back from Jun 2025 (j = opt_periods - 1). */
          int back = opt_periods - 1 - j;
          int month0 = (2025 * 12 + 5) - back; /* months since year 0, 0-based */
          int y = month0 / 12, mo = month0 % 12 + 1;
          char period[16], period_end[16];
          g_autoptr (BpMeasureValue) v = bp_measure_value_new ();

          g_snprintf (period, sizeof period, "%s-%02d", months[mo - 1], y % 100);
          g_snprintf (period_end, sizeof period_end, "%04d-%02d-%02d", y, mo,
                      g_date_get_days_in_month ((GDateMonth) mo, (GDateYear) y));
          value += (m->target - m->baseline) / MAX (opt_periods, 1)
                   + (rng_unit () - 0.5) * m->tolerance;
          if (g_str_equal (m->unit, "%"))
            value = CLAMP (value, 0, 100);
          v->measure_id = m->id;
          v->period = g_strdup (period);
          v->period_end = g_strdup (period_end);
          if (rng_below (30) == 0)
            v->note = g_strdup ("Suppressed: fewer than 5");
          else
            v->value = round (value * 10) / 10;
          CHECK (bp_db_insert_measure_value (db, v, &error));
          n_values++;
        }
      for (int j = rng_range (1, 5); j > 0; j--)
        {
          CHECK (bp_db_link_action_measure (db, action_ids[rng_below (opt_actions)], m->id,
                                            &error));
          n_links++;
        }
    }
  phase_done (&clock, "measures");

  CHECK (bp_db_commit (db, &error));
  phase_done (&clock, "commit");
  g_clear_object (&db); /* closing checkpoints the WAL into the file */
  phase_done (&clock, "close");

  g_print ("file: %s\n", path);
  g_print ("organisations: %d\n", n_orgs);
  g_print ("people: %d\n", opt_people);
  g_print ("priorities: %d\n", opt_priorities);
  g_print ("actions: %d\n", opt_actions);
  g_print ("milestones: %d\n", opt_milestones);
  g_print ("updates: %d\n", opt_updates);
  g_print ("risks: %d\n", opt_risks);
  g_print ("mitigations: %d\n", n_mitigations);
  g_print ("measures: %d\n", opt_measures);
  g_print ("measure_values: %d\n", n_values);
  g_print ("links_requested: %d\n", n_links);
  g_print ("meetings: %d\n", opt_meetings);
  g_print ("snapshots: %d\n", n_snapshots);
  if (g_stat (path, &st) == 0)
    g_print ("file_size: %" G_GINT64_FORMAT " bytes (%.1f MiB)\n", (gint64) st.st_size,
             st.st_size / 1048576.0);
  g_print ("time.total: %.3f s\n", (g_get_monotonic_time () - clock.start) / 1e6);
  return 0;

failed:
  g_printerr ("bp-generate: %s\n", error ? error->message : "failed");
  if (db)
    {
      bp_db_rollback (db);
      g_clear_object (&db);
    }
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (path);
    g_unlink (wal);
    g_unlink (shm);
  }
  return 1;
}
