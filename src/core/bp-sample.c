/* bp-sample.c: the built-in sample programme.
 *
 * Writes a SEND improvement programme for the invented local area of
 * Wessex Bay: eight priority areas and 143 actions owned across six
 * partners, their progress updates from March 2024 to June 2025, a risk
 * register, the partnership scorecard and three board meetings, each
 * with its snapshot. The text is in bp-sample-data.h; this file decides
 * the dates and the history, with a fixed-seed generator so that every
 * run writes the same programme (only the audit times differ).
 *
 * The history is built first, as data: each action's final status and a
 * "story" of how it got there (steady, improved or slipped before one of
 * the last two boards, completed, overdue, re-dated). The updates are
 * then added in date order, with the milestones done and the measures'
 * figures as they came in, and each meeting's snapshot is taken on the
 * working day before it, once everything up to that day is in: each
 * snapshot holds what was true then, so that the boards' comparisons
 * show real movement and an old board's pack shows that board's
 * programme.
 */
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdlib.h>

#include "bp-dates.h"
#include "bp-db-private.h"
#include "bp-sample-data.h"
#include "bp-sample.h"

#define N_ACTIONS 143
#define N_PRIORITIES G_N_ELEMENTS (sample_priorities)
#define N_RISKS G_N_ELEMENTS (sample_risks)
#define N_MEETINGS G_N_ELEMENTS (sample_meetings)
#define N_MILESTONES G_N_ELEMENTS (sample_milestones)
#define N_MEASURES G_N_ELEMENTS (sample_measures)
#define N_PERIODS G_N_ELEMENTS (sample_periods)
/* A period's figures reach the programme office three weeks after it ends. */
#define REPORTING_LAG_DAYS 21
#define N_ROUNDS 12
#define MAX_UPDATES 4
#define SEED 0x5E4D2025u

G_STATIC_ASSERT (G_N_ELEMENTS (sample_p1) + G_N_ELEMENTS (sample_p2) + G_N_ELEMENTS (sample_p3)
                 + G_N_ELEMENTS (sample_p4) + G_N_ELEMENTS (sample_p5) + G_N_ELEMENTS (sample_p6)
                 + G_N_ELEMENTS (sample_p7) + G_N_ELEMENTS (sample_p8) == N_ACTIONS);
G_STATIC_ASSERT (G_N_ELEMENTS (sample_priorities) == 8);

/* Owners report a week before each board, and the board has met every six
 * weeks since early 2024; the last three rounds come before the three
 * meetings in the file (8 April, 20 May and 1 July 2025). */
static const char *const round_dates[N_ROUNDS] = {
  "2024-03-19", "2024-04-30", "2024-06-11", "2024-07-23", "2024-09-03", "2024-10-15",
  "2024-11-26", "2025-01-07", "2025-02-18", "2025-04-01", "2025-05-13", "2025-06-24",
};

/* The rounds before the April, May and July boards. */
enum
{
  ROUND_APRIL = 9,
  ROUND_MAY = 10,
  ROUND_JUNE = 11,
};

typedef enum
{
  STORY_STEADY,           /* status settled before April 2025 */
  STORY_OVERDUE,          /* steady, due date passed before the May board */
  STORY_NEW_OVERDUE,      /* steady, due date passes between May and July */
  STORY_REVISED,          /* steady, due date moved later by the board */
  STORY_REVISED_OVERDUE,  /* moved, and the new date passes before July */
  STORY_UP_MAY,           /* improved in the round before the May board */
  STORY_DOWN_MAY,         /* slipped before the May board */
  STORY_UP_JUNE,          /* improved before the July board */
  STORY_DOWN_JUNE,        /* slipped before the July board */
  STORY_NEW_MAY,          /* started in spring 2025 */
  STORY_NEW_JUNE,         /* started in May or June 2025 */
  STORY_DONE_EARLY,       /* complete before April 2025 */
  STORY_DONE_MAY,         /* completed before the May board */
  STORY_DONE_JUNE,        /* completed before the July board */
  STORY_FUTURE,           /* not started; starts later */
  STORY_PAST_START,       /* not started though its start date has passed */
  STORY_LATE_START,       /* not started, and already past its due date */
} Story;

typedef struct
{
  Story story;
  int n;
} Quota;

/* How many actions of each final status follow each story; the rest
 * follow the first story of the list's terminator. */
static const Quota blue_quota[] = {
  { STORY_DONE_JUNE, 5 }, { STORY_DONE_MAY, 3 }, { STORY_DONE_EARLY, 0 },
};
static const Quota green_quota[] = {
  { STORY_UP_JUNE, 5 }, { STORY_NEW_JUNE, 3 }, { STORY_OVERDUE, 2 }, { STORY_NEW_OVERDUE, 1 },
  { STORY_REVISED, 5 }, { STORY_UP_MAY, 3 }, { STORY_NEW_MAY, 2 }, { STORY_STEADY, 0 },
};
static const Quota amber_quota[] = {
  { STORY_DOWN_JUNE, 4 }, { STORY_UP_JUNE, 2 }, { STORY_OVERDUE, 3 }, { STORY_NEW_OVERDUE, 1 },
  { STORY_REVISED_OVERDUE, 1 }, { STORY_REVISED, 3 }, { STORY_DOWN_MAY, 2 }, { STORY_STEADY, 0 },
};
static const Quota red_quota[] = {
  { STORY_DOWN_JUNE, 3 }, { STORY_OVERDUE, 3 }, { STORY_NEW_OVERDUE, 1 }, { STORY_DOWN_MAY, 1 },
  { STORY_STEADY, 0 },
};
static const Quota not_started_quota[] = {
  { STORY_LATE_START, 1 }, { STORY_PAST_START, 2 }, { STORY_FUTURE, 0 },
};

/* Due dates for the overdue stories, used in turn. */
static const char *const overdue_dues[] = {
  "2025-01-31", "2025-03-31", "2025-04-30", "2025-02-28",
  "2025-05-16", "2025-03-31", "2025-04-30", "2025-05-09",
};
static const char *const new_overdue_dues[] = {
  "2025-06-13", "2025-05-30", "2025-06-27", "2025-06-20",
};

typedef struct
{
  const SampleAction *row;
  int priority;
  int position; /* 1-based, within the priority area */
  char ref[8];
  BpRag rag;
  Story story;
  guint32 salt; /* varies the commentary */

  guint32 start, due, revised; /* Julian days; 0: none */
  int revised_reason;
  int revise_at; /* the update that records the new date, or -1 */
  int done_round; /* the round a blue action completed in */
  int percent;

  int n_updates;
  int round[MAX_UPDATES];
  guint32 date[MAX_UPDATES];
  BpRag update_rag[MAX_UPDATES];

  gint64 id;
} Plan;

typedef enum
{
  EVENT_RISK_CHANGE, /* index: the risk change */
  EVENT_UPDATE,      /* index: the plan; update: which of its updates */
  EVENT_MILESTONE,   /* index: the milestone, marked done */
  EVENT_VALUE,       /* index: the measure; update: the period whose value comes in */
} EventKind;

typedef struct
{
  guint32 date;
  EventKind kind;
  int index;
  int update;
} Event;

typedef struct
{
  BpDb *db;
  guint32 rng;
  guint32 rounds[N_ROUNDS];
  int n_overdue, n_new_overdue;

  gint64 org_ids[N_SAMPLE_ORGS];
  gint64 person_ids[N_SAMPLE_PEOPLE];
  gint64 priority_ids[N_PRIORITIES];
  gint64 meeting_ids[N_MEETINGS];
  gint64 milestone_ids[N_MILESTONES];
  guint32 milestone_done[N_MILESTONES]; /* 0: still open */
  gint64 measure_ids[N_MEASURES];
  BpRisk *risks[N_RISKS];
  Plan plans[N_ACTIONS];
} Sample;

/* ------------------------------------------------------------ helpers */

/* xorshift32: a fixed seed, so the same programme every time. */
static guint32
rng_next (Sample *s)
{
  guint32 x = s->rng;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  s->rng = x;
  return x;
}

static int
rng_int (Sample *s, int n)
{
  return n > 0 ? (int) (rng_next (s) % (guint32) n) : 0;
}

static guint32
julian (int year, int month, int day)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, day, month, year);
  return g_date_get_julian (&d);
}

static guint32
parse_date (const char *text)
{
  GDate d;

  if (!bp_date_to_gdate (text, &d))
    g_assert_not_reached (); /* the sample's own dates */
  return g_date_get_julian (&d);
}

static char *
dup_date (guint32 j)
{
  GDate d;

  if (j == 0)
    return NULL;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, j);
  return bp_date_from_gdate (&d);
}

/* Dates as a council writes them in commentary: 31/03/2025. */
static char *
dup_uk_date (guint32 j)
{
  g_autofree char *iso = dup_date (j);

  return bp_date_format_uk (iso);
}

/* Months are counted as year * 12 + month - 1. */
#define MONTH(y, m) ((y) * 12 + (m) - 1)

static int
month_of (guint32 j)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, j);
  return MONTH (g_date_get_year (&d), g_date_get_month (&d));
}

static guint32
month_start (int month)
{
  return julian (month / 12, month % 12 + 1, 1);
}

static guint32
month_end (int month)
{
  return julian (month / 12, month % 12 + 1,
                 g_date_get_days_in_month (month % 12 + 1, month / 12));
}

/* Milestones fall on working days. */
static guint32
working_day (guint32 j)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, j);
  switch (g_date_get_weekday (&d))
    {
    case G_DATE_SATURDAY: return j - 1;
    case G_DATE_SUNDAY: return j - 2;
    default: return j;
    }
}

static Story
story_for (BpRag rag, int k)
{
  const Quota *q;

  switch (rag)
    {
    case BP_RAG_BLUE: q = blue_quota; break;
    case BP_RAG_GREEN: q = green_quota; break;
    case BP_RAG_AMBER: q = amber_quota; break;
    case BP_RAG_RED: q = red_quota; break;
    case BP_RAG_NOT_STARTED:
    default: q = not_started_quota; break;
    }
  for (; q->n > 0; q++)
    {
      if (k < q->n)
        return q->story;
      k -= q->n;
    }
  return q->story;
}

static BpRag
rag_from_letter (char letter)
{
  switch (letter)
    {
    case 'B': return BP_RAG_BLUE;
    case 'G': return BP_RAG_GREEN;
    case 'A': return BP_RAG_AMBER;
    case 'R': return BP_RAG_RED;
    default: return BP_RAG_NOT_STARTED;
    }
}

static Plan *
find_plan (Sample *s, const char *ref)
{
  for (guint i = 0; i < N_ACTIONS; i++)
    if (g_str_equal (s->plans[i].ref, ref))
      return &s->plans[i];
  g_assert_not_reached ();
  return NULL;
}

/* The first reporting round an action can report in: two weeks after it
 * starts. N_ROUNDS when none. */
static int
first_round (Sample *s, guint32 start)
{
  for (int r = 0; r < N_ROUNDS; r++)
    if (s->rounds[r] >= start + 14)
      return r;
  return N_ROUNDS;
}

/* -------------------------------------------------- planning the history */

typedef struct
{
  gboolean used[N_ROUNDS];
  int n;
} RoundSet;

static void
round_add (RoundSet *set, int r)
{
  if (r >= 0 && r < N_ROUNDS && !set->used[r])
    {
      set->used[r] = TRUE;
      set->n++;
    }
}

/* Adds rounds from [lo, hi] until the set holds @n. */
static void
round_fill (Sample *s, RoundSet *set, int lo, int hi, int n)
{
  n = MIN (n, MAX_UPDATES);
  for (int tries = 0; set->n < n && tries < 24 && lo <= hi; tries++)
    round_add (set, lo + rng_int (s, hi - lo + 1));
}

/* An earlier status for an action that has since changed. */
static BpRag
earlier_rag (Sample *s, BpRag rag)
{
  switch (rag)
    {
    case BP_RAG_RED: return rng_int (s, 3) == 0 ? BP_RAG_GREEN : BP_RAG_AMBER;
    case BP_RAG_AMBER: return rng_int (s, 2) ? BP_RAG_GREEN : BP_RAG_RED;
    default: return BP_RAG_AMBER;
    }
}

static void
plan_dates (Sample *s, Plan *p, int n_in_priority)
{
  int normal_start = MIN (MONTH (2024, 2) + (p->position - 1) * 7 / n_in_priority
                          + rng_int (s, 4), MONTH (2024, 11));
  int m;

  p->revise_at = -1;
  switch (p->story)
    {
    case STORY_DONE_EARLY:
      {
        /* Completed in round c; started at least a month before. */
        int c = 1 + rng_int (s, ROUND_APRIL);

        m = month_of (s->rounds[c] - 30) - rng_int (s, 7);
        p->start = month_start (MAX (m, MONTH (2024, 1)));
        p->done_round = c;
      }
      break;
    case STORY_NEW_MAY:
      {
        static const char *const starts[] = { "2025-04-01", "2025-04-14", "2025-04-28" };

        p->start = parse_date (starts[rng_int (s, G_N_ELEMENTS (starts))]);
      }
      break;
    case STORY_NEW_JUNE:
      {
        static const char *const starts[] = { "2025-05-01", "2025-05-12", "2025-06-02" };

        p->start = parse_date (starts[rng_int (s, G_N_ELEMENTS (starts))]);
      }
      break;
    case STORY_FUTURE:
      p->start = month_start (MONTH (2025, 7) + rng_int (s, 7));
      break;
    case STORY_PAST_START:
      p->start = month_start (MONTH (2025, 4) + rng_int (s, 2));
      break;
    case STORY_LATE_START:
      p->start = julian (2025, 1, 6);
      break;
    default:
      p->start = month_start (normal_start);
      break;
    }

  switch (p->story)
    {
    case STORY_OVERDUE:
      p->due = parse_date (overdue_dues[s->n_overdue++ % G_N_ELEMENTS (overdue_dues)]);
      if (month_of (p->due) < month_of (p->start) + 3)
        p->due = month_end (month_of (p->start) + 3);
      break;
    case STORY_NEW_OVERDUE:
      p->due = parse_date (new_overdue_dues[s->n_new_overdue++ % G_N_ELEMENTS (new_overdue_dues)]);
      break;
    case STORY_REVISED:
      m = MAX (MONTH (2024, 12) + rng_int (s, 4), month_of (p->start) + 4);
      p->due = month_end (MIN (m, MONTH (2025, 3)));
      p->revised = month_end (MAX (month_of (p->due) + 6 + rng_int (s, 4), MONTH (2025, 9)));
      p->revised_reason = rng_int (s, G_N_ELEMENTS (sample_revised_reasons));
      break;
    case STORY_REVISED_OVERDUE:
      p->due = julian (2025, 2, 28);
      p->revised = julian (2025, 5, 30);
      p->revised_reason = rng_int (s, G_N_ELEMENTS (sample_revised_reasons));
      break;
    case STORY_DONE_EARLY:
    case STORY_DONE_MAY:
    case STORY_DONE_JUNE:
      break; /* from the completion date, in plan_updates */
    case STORY_FUTURE:
      p->due = month_end (MIN (month_of (p->start) + 5 + rng_int (s, 10), MONTH (2026, 12)));
      break;
    case STORY_PAST_START:
      p->due = month_end (MONTH (2026, 1) + rng_int (s, 6));
      break;
    case STORY_LATE_START:
      p->due = julian (2025, 3, 31);
      break;
    default:
      m = MAX (MONTH (2025, 7) + rng_int (s, 15), month_of (p->start) + 8);
      p->due = month_end (MIN (m, MONTH (2026, 9)));
      break;
    }
}

/* Chooses the rounds an action reported in and the status of each
 * report, so that its last report carries its final status and the
 * change, if any, falls where its story says. */
static void
plan_updates (Sample *s, Plan *p)
{
  RoundSet set = { 0 };
  BpRag final = p->rag, before = final;
  int first = first_round (s, p->start);
  int change_round = -1; /* rounds from this one on carry the final status */
  int revise_round = -1;
  int n, last;

  switch (p->story)
    {
    case STORY_FUTURE:
    case STORY_PAST_START:
    case STORY_LATE_START:
      p->n_updates = 0;
      return;

    case STORY_NEW_JUNE:
      round_add (&set, ROUND_JUNE);
      break;

    case STORY_NEW_MAY:
      round_add (&set, ROUND_MAY);
      if (rng_int (s, 2))
        round_add (&set, ROUND_JUNE);
      break;

    case STORY_UP_JUNE:
    case STORY_DOWN_JUNE:
    case STORY_DONE_JUNE:
    case STORY_UP_MAY:
    case STORY_DOWN_MAY:
    case STORY_DONE_MAY:
      {
        gboolean june = p->story == STORY_UP_JUNE || p->story == STORY_DOWN_JUNE
                        || p->story == STORY_DONE_JUNE;
        int changed = june ? ROUND_JUNE : ROUND_MAY;
        int previous = june ? ROUND_APRIL + rng_int (s, 2)
                            : MAX (first, ROUND_APRIL - rng_int (s, 3));

        round_add (&set, changed);
        round_add (&set, previous);
        if (!june && p->story != STORY_DONE_MAY && rng_int (s, 2))
          round_add (&set, ROUND_JUNE);
        round_fill (s, &set, first, previous - 1, set.n + rng_int (s, 2) + (rng_int (s, 3) == 0));
        change_round = changed;
        switch (p->story)
          {
          case STORY_UP_JUNE:
          case STORY_UP_MAY:
            before = final - 1;
            break;
          case STORY_DOWN_JUNE:
          case STORY_DOWN_MAY:
            before = final + 1;
            break;
          default:
            before = BP_RAG_GREEN;
            break;
          }
      }
      break;

    case STORY_DONE_EARLY:
      {
        int c = p->done_round;

        round_add (&set, c);
        round_fill (s, &set, first, c - 1, 1 + rng_int (s, 4));
        change_round = c;
        before = BP_RAG_GREEN;
      }
      break;

    default:
      {
        /* Steady: last reported in one of the last three rounds, and at
         * least once before the April board, so that its status is
         * already settled when the comparisons start. */
        int x = rng_int (s, 10);

        last = x < 6 ? ROUND_JUNE : x < 9 ? ROUND_MAY : ROUND_APRIL;
        n = last > ROUND_APRIL ? 2 + rng_int (s, 3) : 1 + rng_int (s, 4);
        round_add (&set, last);
        if (last > ROUND_APRIL)
          round_add (&set, first + rng_int (s, MIN (ROUND_APRIL, last - 1) - first + 1));
        if (p->revised)
          {
            /* The board moved the date at the last report before the old
             * one, or at the first report if the action started late. */
            revise_round = first;
            for (int r = first; r <= MIN (ROUND_APRIL, last); r++)
              if (s->rounds[r] <= p->due)
                revise_round = r;
            round_add (&set, revise_round);
          }
        round_fill (s, &set, first, last - 1, n);

        before = earlier_rag (s, final);
        change_round = ROUND_APRIL;
        if (rng_int (s, 3) == 0)
          {
            int k = 0;

            for (int r = 0; r < ROUND_APRIL; r++)
              k += set.used[r];
            if (k > 0)
              {
                /* The change happened in the (1 + rng)-th early report. */
                int want = 1 + rng_int (s, k), seen = 0;

                for (int r = 0; r < ROUND_APRIL; r++)
                  if (set.used[r] && ++seen == want)
                    change_round = r;
              }
          }
        else
          change_round = 0; /* the same status throughout */
      }
      break;
    }

  /* The blue and newly started stories report their final status in
   * every round from the change on; the earlier ones their "before". */
  if (change_round < 0)
    change_round = 0;
  p->n_updates = 0;
  for (int r = 0; r < N_ROUNDS && p->n_updates < MAX_UPDATES; r++)
    {
      int i;
      guint32 date;

      if (!set.used[r])
        continue;
      i = p->n_updates++;
      p->round[i] = r;
      date = s->rounds[r] - rng_int (s, 7);
      p->date[i] = MAX (date, p->start);
      p->update_rag[i] = r >= change_round ? final : before;
      if (r == revise_round)
        p->revise_at = i;
    }
  /* A safeguard: the last report always carries the final status. */
  p->update_rag[p->n_updates - 1] = final;

  if (final == BP_RAG_BLUE)
    {
      /* Due around the completion date: some early, some late. */
      int m = month_of (p->date[p->n_updates - 1]) - 2 + rng_int (s, 6);

      p->due = month_end (MAX (m, month_of (p->start) + 2));
    }
}

static void
plan_all (Sample *s)
{
  int counters[BP_RAG_COUNT] = { 0 };
  guint k = 0;

  for (guint pr = 0; pr < N_PRIORITIES; pr++)
    for (int i = 0; i < sample_priorities[pr].n_actions; i++, k++)
      {
        Plan *p = &s->plans[k];

        p->row = &sample_priorities[pr].actions[i];
        p->priority = pr;
        p->position = i + 1;
        g_snprintf (p->ref, sizeof p->ref, "%u.%d", pr + 1, i + 1);
        p->rag = rag_from_letter (p->row->rag);
      }

  /* Stories go to actions of each status in a scrambled order (37 is
   * prime to 143, so this visits every action once), so that the
   * movement is spread over the priority areas. */
  for (int i = 0; i < N_ACTIONS; i++)
    {
      Plan *p = &s->plans[(i * 37 + 11) % N_ACTIONS];

      p->story = story_for (p->rag, counters[p->rag]++);
    }

  for (int i = 0; i < N_ACTIONS; i++)
    {
      Plan *p = &s->plans[i];

      p->salt = rng_next (s);
      plan_dates (s, p, sample_priorities[p->priority].n_actions);
      plan_updates (s, p);
      switch (p->rag)
        {
        case BP_RAG_BLUE: p->percent = 100; break;
        case BP_RAG_GREEN: p->percent = 40 + rng_int (s, 51); break;
        case BP_RAG_AMBER: p->percent = 25 + rng_int (s, 40); break;
        case BP_RAG_RED: p->percent = 8 + rng_int (s, 30); break;
        default: p->percent = 0; break;
        }
    }
}

/* -------------------------------------------------------------- writes */

static gboolean
write_programme (Sample *s, GError **error)
{
  g_autoptr (GString) orgs = g_string_new (NULL);
  BpProgramme prog = { 0 };

  for (int i = 0; i < N_SAMPLE_ORGS; i++)
    g_string_append_printf (orgs, "%s%s", i ? "; " : "", sample_orgs[i].name);
  prog.title = (char *) "Wessex Bay SEND Improvement Programme";
  prog.organisations = orgs->str;
  prog.board = (char *) "SEND Improvement Board";
  prog.chair = (char *) "Dr Ros Penhallow (independent chair)";
  prog.cadence_weeks = 6;
  prog.fy_start_month = 4;
  prog.language = (char *) "en";
  return bp_db_update_programme (s->db, &prog, error);
}

static gboolean
write_people (Sample *s, GError **error)
{
  for (int i = 0; i < N_SAMPLE_ORGS; i++)
    {
      BpOrganisation o = { 0 };

      o.name = (char *) sample_orgs[i].name;
      o.kind = (char *) sample_orgs[i].kind;
      if (!bp_db_insert_organisation (s->db, &o, error))
        return FALSE;
      s->org_ids[i] = o.id;
    }
  for (int i = 0; i < N_SAMPLE_PEOPLE; i++)
    {
      BpPerson p = { 0 };

      p.name = (char *) sample_people[i].name;
      p.role = (char *) sample_people[i].role;
      p.organisation_id = s->org_ids[sample_people[i].org];
      if (!bp_db_insert_person (s->db, &p, error))
        return FALSE;
      s->person_ids[i] = p.id;
    }
  for (guint i = 0; i < N_PRIORITIES; i++)
    {
      BpPriority p = { 0 };

      p.code = (char *) sample_priorities[i].code;
      p.title = (char *) sample_priorities[i].title;
      p.lead_id = s->person_ids[sample_priorities[i].lead];
      p.position = i + 1;
      if (!bp_db_insert_priority (s->db, &p, error))
        return FALSE;
      s->priority_ids[i] = p.id;
    }
  return TRUE;
}

static char *
partners_for (const SamplePriority *pr, int owner_org)
{
  g_autoptr (GString) out = g_string_new (NULL);
  int mask = (pr->partners | BIT (O_COUNCIL)) & ~BIT (owner_org);

  for (int o = 0; o < N_SAMPLE_ORGS; o++)
    if (mask & BIT (o))
      g_string_append_printf (out, "%s%s", out->len ? "; " : "", sample_orgs[o].short_name);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
write_actions (Sample *s, GError **error)
{
  for (int i = 0; i < N_ACTIONS; i++)
    {
      Plan *p = &s->plans[i];
      const SamplePriority *pr = &sample_priorities[p->priority];
      int owner_org = sample_people[p->row->owner].org;
      g_autoptr (BpAction) a = bp_action_new ();

      a->ref = g_strdup (p->ref);
      a->priority_id = s->priority_ids[p->priority];
      a->title = g_strdup (p->row->title);
      a->description = g_strdup (p->row->description);
      a->owner_id = s->person_ids[p->row->owner];
      a->organisation_id = s->org_ids[owner_org];
      a->partners = partners_for (pr, owner_org);
      a->start_date = dup_date (p->start);
      a->due_date = dup_date (p->due);
      /* A date the board moved later is recorded when it was agreed. */
      a->rag = BP_RAG_NOT_STARTED; /* set by the updates */
      a->percent = p->percent;
      if (p->position % 4 != 0)
        a->impact = g_strdup (pr->impact[p->position % 3]);
      if (p->position % 3 != 0)
        a->evidence = g_strdup (pr->evidence[(p->position + 1) % 3]);
      a->criteria = g_strdup (p->row->criteria);
      a->position = p->position;
      if (!bp_db_insert_action (s->db, a, error))
        return FALSE;
      p->id = a->id;
    }
  return TRUE;
}

static gboolean
write_milestones (Sample *s, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_milestones); i++)
    {
      const SampleMilestone *ms = &sample_milestones[i];
      BpMilestone m = { 0 };
      g_autofree char *due = NULL;
      g_autofree char *done = NULL;

      m.title = (char *) ms->title;
      if (ms->ref == NULL)
        {
          due = g_strdup (ms->due);
          done = g_strdup (ms->done);
        }
      else
        {
          const Plan *p = find_plan (s, ms->ref);
          guint32 end = p->revised ? p->revised : p->due;
          guint32 when = working_day (p->start + (guint32) lround (ms->at * (double) (end - p->start)));
          guint32 last = p->n_updates ? p->date[p->n_updates - 1] : 0;

          m.action_id = p->id;
          due = dup_date (when);
          if (p->rag == BP_RAG_BLUE)
            done = dup_date (MIN (when, last));
          else if (p->rag != BP_RAG_NOT_STARTED && when <= last
                   && (p->rag == BP_RAG_GREEN || ms->at <= 0.5
                       || (p->rag == BP_RAG_AMBER && ms->at <= 0.65)))
            done = dup_date (when);
        }
      /* Open until the history reaches the day it was done. */
      m.due_date = due;
      if (!bp_db_insert_milestone (s->db, &m, error))
        return FALSE;
      s->milestone_ids[i] = m.id;
      s->milestone_done[i] = done ? parse_date (done) : 0;
    }
  return TRUE;
}

static gboolean
link_refs (Sample *s, const char *refs, gint64 other_id, gboolean risk, GError **error)
{
  g_auto (GStrv) parts = g_strsplit (refs, ";", -1);

  for (guint i = 0; parts[i]; i++)
    {
      const Plan *p = find_plan (s, parts[i]);
      gboolean ok = risk ? bp_db_link_risk_action (s->db, other_id, p->id, error)
                         : bp_db_link_action_measure (s->db, p->id, other_id, error);

      if (!ok)
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_risks (Sample *s, GError **error)
{
  for (guint i = 0; i < N_RISKS; i++)
    {
      const SampleRisk *sr = &sample_risks[i];
      BpRisk *r = bp_risk_new ();

      s->risks[i] = r;
      r->ref = g_strdup_printf ("R%u", i + 1);
      r->title = g_strdup (sr->title);
      r->cause = g_strdup (sr->cause);
      r->consequence = g_strdup (sr->consequence);
      r->owner_id = s->person_ids[sr->owner];
      r->inherent_l = sr->inherent_l;
      r->inherent_i = sr->inherent_i;
      r->current_l = sr->current_l;
      r->current_i = sr->current_i;
      r->target_l = sr->target_l;
      r->target_i = sr->target_i;
      r->response = g_strdup (sr->response);
      r->resources = g_strdup (sr->resources);
      r->review_date = g_strdup (sr->review_date);
      r->status = g_strdup ("open");
      r->position = i + 1;
      if (!bp_db_insert_risk (s->db, r, error))
        return FALSE;

      for (int k = 0; k < 4 && sr->mitigations[k].description; k++)
        {
          const SampleMitigation *sm = &sr->mitigations[k];
          BpMitigation m = { 0 };

          m.risk_id = r->id;
          m.description = (char *) sm->description;
          m.owner_id = s->person_ids[sm->owner];
          m.due_date = (char *) sm->due;
          m.status = (char *) sm->status;
          m.position = k + 1;
          if (!bp_db_insert_mitigation (s->db, &m, error))
            return FALSE;
        }
      if (!link_refs (s, sr->actions, r->id, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_measures (Sample *s, GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (sample_measures); i++)
    {
      const SampleMeasure *sm = &sample_measures[i];
      g_autoptr (BpMeasure) m = bp_measure_new ();

      m->ref = g_strdup (sm->ref);
      m->title = g_strdup (sm->title);
      m->unit = g_strdup (sm->unit);
      m->polarity = sm->polarity;
      m->target = sm->target;
      m->tolerance = sm->tolerance;
      m->frequency = g_strdup (sm->frequency);
      m->baseline = sm->baseline;
      m->comparator = g_strdup (sm->comparator);
      m->position = i + 1;
      if (!bp_db_insert_measure (s->db, m, error))
        return FALSE;
      s->measure_ids[i] = m->id; /* its values come in with the history */
      if (!link_refs (s, sm->actions, m->id, FALSE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_meetings (Sample *s, GError **error)
{
  for (guint i = 0; i < N_MEETINGS; i++)
    {
      const SampleMeeting *sm = &sample_meetings[i];
      BpMeeting m = { 0 };

      m.date = (char *) sm->date;
      m.time = (char *) sm->time;
      m.venue = (char *) sm->venue;
      m.agenda_item = (char *) sm->agenda_item;
      m.title = (char *) sm->title;
      m.author = (char *) SAMPLE_MEETING_AUTHOR;
      m.contact = (char *) SAMPLE_MEETING_CONTACT;
      m.service = (char *) SAMPLE_MEETING_SERVICE;
      m.presenter = (char *) SAMPLE_MEETING_PRESENTER;
      m.classification = (char *) "Public";
      m.wards = (char *) "All wards";
      m.purpose = (char *) sm->purpose;
      m.summary = (char *) sm->summary;
      m.recommendations = (char *) sm->recommendations;
      m.reasons = (char *) sm->reasons;
      if (!bp_db_insert_meeting (s->db, &m, error))
        return FALSE;
      s->meeting_ids[i] = m.id;
    }
  return TRUE;
}

/* ----------------------------------------------------------- chronology */

static const char *const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December",
};

static char *
revised_reason_text (int index)
{
  char *text = g_strdup (sample_revised_reasons[index]);

  text[0] = g_ascii_toupper (text[0]);
  return text;
}

/* A 32-bit integer hash (lowbias32), to vary the phrases. */
static guint32
mix (guint32 x)
{
  x ^= x >> 16;
  x *= 0x7feb352du;
  x ^= x >> 15;
  x *= 0x846ca68bu;
  x ^= x >> 16;
  return x;
}

#define ROTATE(array, base, i) ((array)[((base) + (guint32) (i)) % G_N_ELEMENTS (array)])

/* Why an action slipped: mostly its area's own reasons, sometimes a
 * reason any area could give. */
static const char *
delay_reason (const SamplePriority *pr, guint32 h)
{
  if (h % 3 == 0)
    return sample_reasons[(h >> 8) % G_N_ELEMENTS (sample_reasons)];
  return pr->delays[(h >> 4) % G_N_ELEMENTS (pr->delays)];
}

/* The commentary and next steps of an action's @i-th update, from the
 * priority area's phrases: rotated from one update to the next so that
 * an action's reports differ, and from a per-action salt so that
 * actions differ from each other. */
static void
compose_update (const Plan *p, int i, GString *commentary, GString *next, GString *asks)
{
  const SamplePriority *pr = &sample_priorities[p->priority];
  BpRag rag = p->update_rag[i];
  BpRag previous = i > 0 ? p->update_rag[i - 1] : BP_RAG_NOT_STARTED;
  guint32 salt = p->salt;
  guint32 h = mix (p->salt + (guint32) i * 0x9e3779b9u);
  guint32 due = p->revise_at >= 0 && i >= p->revise_at ? p->revised : p->due;
  const char *done = ROTATE (pr->done, salt, i);
  const char *step = ROTATE (pr->next_steps, salt >> 8, i);

  switch (rag)
    {
    case BP_RAG_BLUE:
      g_string_append_printf (commentary, "%s %s %s", ROTATE (sample_blue_open, h, 0), done,
                              ROTATE (sample_blue_close, h >> 8, 0));
      g_string_append (next, ROTATE (sample_blue_next, h >> 16, 0));
      return;
    case BP_RAG_GREEN:
      if (i == 0)
        {
          GDate d;

          g_date_clear (&d, 1);
          g_date_set_julian (&d, p->start);
          g_string_append_printf (commentary, "Work started in %s %d. ",
                                  month_names[g_date_get_month (&d) - 1], g_date_get_year (&d));
        }
      g_string_append_printf (commentary, "%s %s", ROTATE (sample_green_open, salt >> 4, i), done);
      g_string_append (next, step);
      break;
    case BP_RAG_AMBER:
      g_string_append_printf (commentary, "%s ", ROTATE (sample_amber_open, salt >> 4, i));
      if (h & 1)
        g_string_append_printf (commentary, "%s ", done);
      g_string_append_printf (commentary, "%s. %s", delay_reason (pr, h >> 1),
                              ROTATE (sample_amber_mitigation, salt >> 12, i));
      g_string_append_printf (next, "%s Report the recovery position to the next board.", step);
      break;
    case BP_RAG_RED:
    default:
      g_string_append_printf (commentary, "%s %s.", ROTATE (sample_red_open, salt >> 4, i),
                              delay_reason (pr, h >> 1));
      g_string_append (asks, ROTATE (sample_red_ask, salt >> 12, i));
      g_string_append_printf (next, "%s Agree a recovery plan with the programme office.", step);
      break;
    }

  if (previous != BP_RAG_NOT_STARTED && rag != previous)
    g_string_append (commentary, rag > previous ? " This is an improvement since the last report."
                                                : " This is a deterioration since the last report.");
  if (i == p->revise_at)
    {
      g_autofree char *when = dup_uk_date (p->revised);

      g_string_append_printf (commentary, " The board agreed a revised due date of %s: %s.", when,
                              sample_revised_reasons[p->revised_reason]);
    }
  else if (due && p->date[i] > due)
    {
      g_autofree char *when = dup_uk_date (due);

      g_string_append_printf (commentary,
                              " The due date of %s has passed; the owner will propose a new date.",
                              when);
    }
}

static gboolean
mark_milestone_done (Sample *s, int i, GError **error)
{
  g_autoptr (BpMilestone) m = bp_db_get_milestone (s->db, s->milestone_ids[i], error);

  if (m == NULL)
    return FALSE;
  m->done_date = dup_date (s->milestone_done[i]);
  return bp_db_update_milestone (s->db, m, error);
}

static gboolean
add_value (Sample *s, int measure, int period, GError **error)
{
  const SampleMeasure *sm = &sample_measures[measure];
  g_autoptr (BpMeasureValue) v = bp_measure_value_new ();

  v->measure_id = s->measure_ids[measure];
  v->period = g_strdup (sample_periods[period].period);
  v->period_end = g_strdup (sample_periods[period].end);
  v->value = sm->values[period];
  v->note = g_strdup (sm->notes[period]);
  return bp_db_insert_measure_value (s->db, v, error);
}

static gboolean
add_update (Sample *s, const Plan *p, int i, GError **error)
{
  g_autoptr (GString) commentary = g_string_new (NULL);
  g_autoptr (GString) next = g_string_new (NULL);
  g_autoptr (GString) asks = g_string_new (NULL);
  BpUpdate u = { 0 };
  g_autofree char *date = NULL;

  if (i == p->revise_at)
    {
      g_autoptr (BpAction) a = bp_db_get_action (s->db, p->id, error);

      if (a == NULL)
        return FALSE;
      g_free (a->revised_due_date);
      a->revised_due_date = dup_date (p->revised);
      g_free (a->revised_reason);
      a->revised_reason = revised_reason_text (p->revised_reason);
      if (!bp_db_update_action (s->db, a, error))
        return FALSE;
    }

  compose_update (p, i, commentary, next, asks);
  date = dup_date (p->date[i]);
  u.action_id = p->id;
  u.date = date;
  u.author = (char *) sample_people[p->row->owner].name;
  u.rag = p->update_rag[i];
  u.commentary = commentary->str;
  u.next_steps = next->str;
  u.asks = asks->len ? asks->str : NULL;
  return bp_db_add_update (s->db, &u, error);
}

static int
compare_events (gconstpointer a, gconstpointer b)
{
  const Event *x = a, *y = b;

  if (x->date != y->date)
    return x->date < y->date ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind - y->kind;
  if (x->index != y->index)
    return x->index - y->index;
  return x->update - y->update;
}

/* The time a meeting's snapshot is taken: the working day before it, at
 * the end of the office day, once that day's reports are in. */
static GDateTime *
snapshot_time (guint32 meeting)
{
  guint32 day = working_day (meeting - 1);
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  return g_date_time_new_utc (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d),
                              16, 0, 0);
}

static void
add_event (GArray *events, guint32 date, EventKind kind, int index, int update)
{
  Event e = { date, kind, index, update };

  g_array_append_val (events, e);
}

static gboolean
apply_event (Sample *s, const Event *e, GError **error)
{
  switch (e->kind)
    {
    case EVENT_UPDATE:
      return add_update (s, &s->plans[e->index], e->update, error);
    case EVENT_MILESTONE:
      return mark_milestone_done (s, e->index, error);
    case EVENT_VALUE:
      return add_value (s, e->index, e->update, error);
    case EVENT_RISK_CHANGE:
    default:
      {
        const SampleRiskChange *c = &sample_risk_changes[e->index];
        BpRisk *r = s->risks[c->risk];

        r->current_l = c->current_l;
        r->current_i = c->current_i;
        return bp_db_update_risk (s->db, r, error);
      }
    }
}

/* Adds every update, risk change, milestone done and measure value in
 * date order, taking each meeting's snapshot at its time (snapshot_time)
 * once everything dated up to that day is in, so that each snapshot
 * holds what was true then. */
static gboolean
write_history (Sample *s, GError **error)
{
  g_autoptr (GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  guint32 snapshot_days[N_MEETINGS];
  guint next_meeting = 0;

  for (int k = 0; k < N_ACTIONS; k++)
    for (int i = 0; i < s->plans[k].n_updates; i++)
      add_event (events, s->plans[k].date[i], EVENT_UPDATE, k, i);
  for (guint k = 0; k < G_N_ELEMENTS (sample_risk_changes); k++)
    add_event (events, parse_date (sample_risk_changes[k].date), EVENT_RISK_CHANGE, k, 0);
  for (guint k = 0; k < N_MILESTONES; k++)
    if (s->milestone_done[k])
      add_event (events, s->milestone_done[k], EVENT_MILESTONE, k, 0);
  for (guint k = 0; k < N_MEASURES; k++)
    for (guint i = 0; i < N_PERIODS; i++)
      add_event (events, parse_date (sample_periods[i].end) + REPORTING_LAG_DAYS, EVENT_VALUE, k, i);
  g_array_sort (events, compare_events);
  for (guint k = 0; k < N_MEETINGS; k++)
    snapshot_days[k] = working_day (parse_date (sample_meetings[k].date) - 1);

  for (guint k = 0; k <= events->len; k++)
    {
      const Event *e = k < events->len ? &g_array_index (events, Event, k) : NULL;

      while (next_meeting < N_MEETINGS && (e == NULL || e->date > snapshot_days[next_meeting]))
        {
          g_autoptr (GDateTime) at = snapshot_time (parse_date (sample_meetings[next_meeting].date));

          if (bp_db_take_snapshot_at (s->db, s->meeting_ids[next_meeting++], at, NULL, error) == 0)
            return FALSE;
        }
      if (e == NULL)
        break;
      if (!apply_event (s, e, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_all (Sample *s, GError **error)
{
  return write_programme (s, error)
      && write_people (s, error)
      && write_actions (s, error)
      && write_milestones (s, error)
      && write_risks (s, error)
      && write_measures (s, error)
      && write_meetings (s, error)
      && write_history (s, error);
}

static void
remove_files (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static void
sample_free (Sample *s)
{
  for (guint i = 0; i < N_RISKS; i++)
    bp_risk_free (s->risks[i]);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Sample, sample_free)

BpDb *
bp_sample_write (const char *path, GError **error)
{
  g_autoptr (BpDb) db = NULL;
  g_autoptr (Sample) s = NULL;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  db = bp_db_create (path, "Wessex Bay SEND Improvement Programme", error);
  if (db == NULL)
    return NULL; /* nothing was created, or the file was already there */

  s = g_new0 (Sample, 1);
  s->db = db;
  s->rng = SEED;
  for (int r = 0; r < N_ROUNDS; r++)
    s->rounds[r] = parse_date (round_dates[r]);
  plan_all (s);

  bp_db_set_actor (db, "sample");
  if (!bp_db_begin (db, error))
    ok = FALSE;
  else if (write_all (s, error) && bp_db_commit (db, error))
    ok = TRUE;
  else
    {
      bp_db_rollback (db);
      ok = FALSE;
    }
  if (ok)
    return g_steal_pointer (&db);

  /* A failed sample leaves nothing behind. */
  g_clear_object (&db);
  remove_files (path);
  g_prefix_error (error, _("Cannot write the sample programme to %s: "), path);
  return NULL;
}
