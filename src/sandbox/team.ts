/**
 * The simulated workspace: eight people in their own time zones (one of them the team's manager),
 * how each tends to feel and answer, what they post in the team channel, and what they say about it.
 * Everything here is invented; any resemblance to a real team is the point.
 */

export interface SimulatedPerson {
  id: string;
  /** Slack handle. */
  handle: string;
  name: string;
  /** IANA zone; the bot asks everyone at the same local time in their own. */
  tz: string;
  /** Short place name shown beside local times. */
  city: string;
  locale: string;
  manager: boolean;
  /** Their usual mood, 1–10. */
  baseline: number;
  /** Chance they answer on the day the check-in arrives. */
  prompt: number;
  /** Chance they answer after the reminder, when they did not on the day. */
  afterReminder: number;
  /** Chance they add a comment to their score. */
  talkative: number;
}

export const WORKSPACE = { teamId: 'T0SANDBOX01', domain: 'atlas-sandbox' } as const;
export const CHANNEL = { id: 'C0TEAMATLAS', name: 'team-atlas' } as const;
export const DEPLOY_BOT = { id: 'U0DEPLOYBOT', handle: 'deploybot' } as const;

export const PEOPLE: readonly SimulatedPerson[] = [
  {
    id: 'U0MAYA',
    handle: 'maya',
    name: 'Maya Lindqvist',
    tz: 'Europe/Stockholm',
    city: 'Stockholm',
    locale: 'en-GB',
    manager: true,
    baseline: 7.5,
    prompt: 0.9,
    afterReminder: 0.6,
    talkative: 0.5,
  },
  {
    id: 'U0OMAR',
    handle: 'omar',
    name: 'Omar Haddad',
    tz: 'America/New_York',
    city: 'New York',
    locale: 'en-US',
    manager: false,
    baseline: 6.5,
    prompt: 0.75,
    afterReminder: 0.5,
    talkative: 0.7,
  },
  {
    id: 'U0LENA',
    handle: 'lena',
    name: 'Lena Kapoor',
    tz: 'Asia/Kolkata',
    city: 'Kolkata',
    locale: 'en-IN',
    manager: false,
    baseline: 8,
    prompt: 0.8,
    afterReminder: 0.4,
    talkative: 0.5,
  },
  {
    id: 'U0KENJI',
    handle: 'kenji',
    name: 'Kenji Sato',
    tz: 'Asia/Tokyo',
    city: 'Tokyo',
    locale: 'en-US',
    manager: false,
    baseline: 7,
    prompt: 0.85,
    afterReminder: 0.5,
    talkative: 0.3,
  },
  {
    id: 'U0AMARA',
    handle: 'amara',
    name: 'Amara Okafor',
    tz: 'Africa/Lagos',
    city: 'Lagos',
    locale: 'en-GB',
    manager: false,
    baseline: 7.5,
    prompt: 0.7,
    afterReminder: 0.6,
    talkative: 0.6,
  },
  {
    id: 'U0ELODIE',
    handle: 'elodie',
    name: 'Élodie Martin',
    tz: 'Europe/Paris',
    city: 'Paris',
    locale: 'fr-FR',
    manager: false,
    baseline: 6,
    prompt: 0.75,
    afterReminder: 0.4,
    talkative: 0.8,
  },
  {
    id: 'U0DIEGO',
    handle: 'diego',
    name: 'Diego Ramírez',
    tz: 'America/Mexico_City',
    city: 'Mexico City',
    locale: 'es-MX',
    manager: false,
    baseline: 7,
    prompt: 0.65,
    afterReminder: 0.5,
    talkative: 0.4,
  },
  {
    id: 'U0SAM',
    handle: 'sam',
    name: 'Sam Fischer',
    tz: 'America/Los_Angeles',
    city: 'Los Angeles',
    locale: 'en-US',
    manager: false,
    baseline: 5.5,
    prompt: 0.5,
    afterReminder: 0.4,
    talkative: 0.6,
  },
];

/** The manager who runs /pulse. */
export const MANAGER: SimulatedPerson = PEOPLE.find((p) => p.manager)!;

/** The team's check-in slot, in each member's own zone. */
export const SCHEDULE = { command: 'mon 10:00', days: ['mon'] as const, time: '10:00' };

/** How the team's weeks go: a shared shift of mood, and what people talk about. */
export const WEEKS: ReadonlyArray<{ shift: number; theme: 'settling' | 'crunch' | 'relief' }> = [
  { shift: 0, theme: 'settling' },
  { shift: -1.5, theme: 'crunch' },
  { shift: 0.8, theme: 'relief' },
];

/** Comments by score band and the week's theme; the bot redacts contacts and finds recurring themes itself. */
export const COMMENTS: Record<'low' | 'mid' | 'high', Record<'settling' | 'crunch' | 'relief' | 'any', string[]>> = {
  low: {
    settling: [
      'Too many meetings, I barely wrote any code this week.',
      'Still waiting on access to half the tools I need.',
    ],
    crunch: [
      'The release deadline is crushing us, and meetings ate the rest.',
      'On call three nights in a row. I am tired.',
      'Nobody could tell me what the priority is this week. Call me on +1 415 555 0134 if that changes.',
    ],
    relief: ['Still too many meetings for me, even with the change.'],
    any: ['Rough week, hard to focus with all the interruptions.'],
  },
  mid: {
    settling: ['Okay week. Meetings took most of Tuesday.', 'Good progress, but the deadline feels tight.'],
    crunch: ['Busy with the release; meetings every afternoon.', 'Customer escalations kept breaking my focus.'],
    relief: ['Better. The no-meeting Wednesday helped a bit.', 'Calmer week, catching up on the backlog.'],
    any: ['Fine. Some good days, some long ones.'],
  },
  high: {
    settling: [
      'Great start with the new onboarding flow, proud of the team.',
      'Helped a customer fix their setup in one call, felt good.',
    ],
    crunch: ['Hard week but the team pulled together, proud of the release.'],
    relief: [
      'No-meeting Wednesday made a real difference, I shipped two features.',
      'Great release, and the customers noticed. Write to me at lena@example.com for the notes!',
    ],
    any: ['Really good week. Thanks everyone.'],
  },
};

/** What people post in the team channel (something teammates react to with kudos emoji). */
export const POSTS: ReadonlyArray<{ author: string; text: string }> = [
  {
    author: 'U0AMARA',
    text: 'Spent the morning on a call with ACME support: their export bug is fixed and they are happy again.',
  },
  {
    author: 'U0KENJI',
    text: 'Shipped the new onboarding flow to all customers :rocket: Thanks for the reviews, everyone.',
  },
  {
    author: 'U0OMAR',
    text: "Wrote up the incident review for Tuesday's outage, with three fixes we can do this sprint.",
  },
  { author: 'U0LENA', text: 'Paired with Diego on the billing migration; it went out without a single error.' },
  { author: 'U0ELODIE', text: 'I translated the help center into French, 42 articles. Proofreaders welcome!' },
  { author: 'U0DIEGO', text: "Took the weekend pager so Sam could be at their sister's wedding. All quiet." },
  { author: 'U0SAM', text: 'Cleaned up the flaky tests in CI: the build is green and 4 minutes faster.' },
  { author: 'U0MAYA', text: 'Reminder: retro on Thursday. Bring one thing to stop and one to keep.' },
];

/** Someone thanks someone with /kudos, once a week. */
export const KUDOS_COMMANDS: ReadonlyArray<{ giver: string; recipient: string; reason: string }> = [
  { giver: 'U0OMAR', recipient: 'U0AMARA', reason: 'calming the angry customer at ACME #customer-care' },
  { giver: 'U0LENA', recipient: 'U0KENJI', reason: 'reviewing my pull requests at midnight his time #teamwork' },
  { giver: 'U0SAM', recipient: 'U0DIEGO', reason: 'covering my on-call shift #teamwork' },
];

/** The manager's "you said, we did" after the first summary. */
export const ACTION = 'No-meeting Wednesdays from next week: you said meetings eat your focus time.';

/** A week's theme and shift; weeks beyond the list cycle through it. */
export function weekOf(index: number): (typeof WEEKS)[number] {
  return WEEKS[index % WEEKS.length]!;
}

/** The score band a comment is picked from. */
export function bandOf(score: number): 'low' | 'mid' | 'high' {
  return score <= 4 ? 'low' : score <= 7 ? 'mid' : 'high';
}
