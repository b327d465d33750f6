/**
 * The simulated team at work. Eight people live in their own time zones and answer the real bot the
 * way Slack would carry it: signed slash commands, button clicks, modal submissions and reaction
 * events posted to /slack/events; what the bot sends comes back through the fake Slack Web API and is
 * printed as each person (or the channel) sees it, in the order it happens. The customers' help desk
 * sends each day's CSAT to the bot's POST /api/signals, and the manager ends the story with
 * `/pulse symmetry`. Time runs on the `WarpClock` the bot also uses: slowly while something happens,
 * fast through nights and weekends.
 */
import { DEFAULT_TEAM_SETTINGS, type Schedule } from '../core/model';
import { localDateKey, nextSlot, slotInstant } from '../core/schedule';
import { resolveLocale, translate } from '../core/i18n';
import { hoursPerSecond, type WarpClock } from './clock';
import type { FakeSlack, FakeSlackEvent, StoredMessage } from './fake-slack';
import { dayCsat, sendCsat, type SentSignal } from './help-desk';
import { createRandom, type Random } from './random';
import { dateTokens, emoji, formatDate, renderMessage, renderMrkdwn, type RenderContext } from './render';
import {
  blockActionBody,
  eventCallbackBody,
  newTriggerId,
  postToSlackApp,
  reactionAddedEvent,
  slashCommandBody,
  viewSubmissionBody,
  type SlackRequestBody,
} from './slack-requests';
import {
  ACTION,
  bandOf,
  CHANNEL,
  COMMENTS,
  DEPLOY_BOT,
  KUDOS_COMMANDS,
  MANAGER,
  PEOPLE,
  POSTS,
  SCHEDULE,
  weekOf,
  WORKSPACE,
  type SimulatedPerson,
} from './team';
import type { Terminal } from './terminal';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Quiet stretches (nights, weekends) run this many times faster than busy ones: most of a week is quiet. */
export const QUIET_FACTOR = 30;
/** Time slows down this long before something is due, and stays slow this long after (the bot's tick and replies take real time). */
const LEAD = 0.5 * HOUR;
const TRAIL = 0.5 * HOUR;
/**
 * A check-in slot or a reminder stays due (time runs slowly) until the bot's DM arrived, at most this long: the
 * bot's minute tick and its fan-out take real time, which fast time would turn into hours of delay.
 */
const MAX_WAIT_FOR_BOT = 3 * HOUR;
/** The same for a chart: the first one also loads the chart libraries. */
const MAX_WAIT_FOR_CHART = 8 * HOUR;
/** How long (real time) a simulated person waits for the bot before calling it a problem. */
const PATIENCE_MS = 20_000;
const KUDOS_EMOJI = ['clap', 'raised_hands'];

export interface SimulationWorld {
  slack: FakeSlack;
  /** Where the bot listens, e.g. http://127.0.0.1:3000 (requests go to /slack/events). */
  appUrl: string;
  signingSecret: string;
  /** Bearer token of the bot's POST /api/signals (its SIGNALS_TOKEN), which the help desk sends CSAT to. */
  signalsToken: string;
  clock: WarpClock;
}

export interface SimulationOptions {
  weeks: number;
  /** Simulated hours per real second while something happens. */
  hoursPerSecond: number;
  seed: string;
  terminal: Terminal;
}

/** A closed or open round as the simulated people lived it: their final, saved answers, without names. */
export interface RoundRecord {
  closesAt: string;
  /** When the first check-in of the round reached someone (its customer figures count from this UTC day to the closing day). */
  firstCheckinAt: string;
  invited: number;
  answers: Array<{ score: number; comment: string | null }>;
}

/** A summary the bot posted to the channel, with the figures it showed. */
export interface SummaryRecord {
  closesAt: string;
  postedAt: string;
  withheld: boolean;
  average: number | null;
  respondents: number | null;
  invited: number | null;
  /** As the channel shows it, plain text. */
  text: string;
  markdown: string;
}

export interface SimulationResult {
  completed: boolean;
  startedAt: string;
  endedAt: string;
  weeks: number;
  rounds: RoundRecord[];
  summaries: SummaryRecord[];
  shoutouts: number;
  kudosGiven: number;
  checkins: number;
  reminders: number;
  answers: number;
  /** Every daily CSAT the help desk sent to POST /api/signals, and the bot's answer. */
  signals: SentSignal[];
  /** The manager's `/pulse symmetry` reply as she saw it (plain lines, and Markdown), or null when she did not get to run it. */
  symmetry: { text: string; markdown: string } | null;
  problems: string[];
}

interface Checkin {
  person: SimulatedPerson;
  deliveryId: string;
  channel: string;
  ts: string;
  closesAt: number;
  receivedAt: number;
  plan: 'prompt' | 'after-reminder' | 'skip';
  answered: boolean;
  reminded: boolean;
}

interface Action {
  at: number;
  run: () => Promise<void>;
  /** A machine's call that needs no slow clock around it (the help desk's daily export): time runs on past it. */
  quiet?: boolean;
}

type Waiter = { match: (e: FakeSlackEvent) => unknown; resolve: (v: unknown) => void };

/** A PNG inside an upload's body (sent raw or inside a multipart form), or null when there is none. */
export function pngIn(data: Buffer): Buffer | null {
  const start = data.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  if (start < 0) return null;
  const end = data.indexOf(Buffer.from('IEND'), start);
  // The IEND chunk: its type, then a 4-byte CRC.
  return end < 0 ? null : data.subarray(start, end + 8);
}

/** The most recent Friday 15:00 in the manager's zone: the story starts as the manager sets the team up. */
export function storyStart(realNow: number): Date {
  for (let back = 0; back <= 8; back++) {
    const key = localDateKey(new Date(realNow - back * DAY), MANAGER.tz);
    if (new Date(`${key}T00:00:00Z`).getUTCDay() !== 5) continue;
    const start = slotInstant(key, '15:00', MANAGER.tz);
    if (start.getTime() <= realNow) return start;
  }
  return new Date(realNow);
}

export class Simulation {
  /** One random stream per person (and one each for posts, the manager and the report), so a person's choices do not depend on who the bot answered first. */
  private readonly streams = new Map<string, Random>();
  private readonly t: Terminal;
  private readonly clock: WarpClock;
  private readonly slack: FakeSlack;
  private readonly slow: number;
  private readonly fast: number;
  private readonly startedAt: number;
  private readonly actions: Action[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  /** People's actions in flight (not quiet ones): while any runs, time runs slowly. */
  private busyWork = 0;
  private readonly signals: SentSignal[] = [];
  private symmetryReply: { text: string; markdown: string } | null = null;
  private readonly waiters = new Set<Waiter>();
  private readonly checkins = new Map<string, Checkin>();
  private readonly rounds = new Map<
    number,
    {
      invited: number;
      answers: Map<string, { score: number; comment: string | null }>;
      firstSeen: number;
      comments: Set<string>;
    }
  >();
  private readonly summaries: SummaryRecord[] = [];
  private readonly shoutoutKeys = new Set<string>();
  private chart: { title: string; png: Buffer } | null = null;
  /** Since when a chart is due (under a summary, or in the manager's DM after her command said so) and has not come yet: the worker draws it, which takes real time. */
  private chartAwaitedSince: number | null = null;
  private readonly problems: string[] = [];
  private readonly slots = new Map<string, number>();
  /** When each person last received a check-in DM. */
  private readonly lastCheckin = new Map<string, number>();
  private scheduleSet = false;
  private lastEventAt = -Infinity;
  private lastDay = '';
  private seq = 0;
  private kudosGiven = 0;
  private reminders = 0;
  private answers = 0;
  private finished = false;
  private finish: (completed: boolean) => void = () => undefined;

  constructor(
    private readonly world: SimulationWorld,
    private readonly options: SimulationOptions,
  ) {
    this.t = options.terminal;
    this.clock = world.clock;
    this.slack = world.slack;
    this.slow = hoursPerSecond(options.hoursPerSecond);
    this.fast = this.slow * QUIET_FACTOR;
    this.startedAt = world.clock.nowMs();
  }

  /** Plays the weeks; resolves when the last summary is in and the manager has looked at the kudos, or soon after `signal` aborts. */
  async run(signal: AbortSignal): Promise<SimulationResult> {
    const unwatch = this.slack.watch((e) => this.onSlack(e));
    const done = new Promise<boolean>((resolve) => (this.finish = resolve));
    const onAbort = () => this.finish(false);
    signal.addEventListener('abort', onAbort, { once: true });
    this.planManager();
    this.planKudos();
    this.planHelpDesk();
    const loop = setInterval(() => this.step(), 25);
    let completed: boolean;
    try {
      completed = await done;
    } finally {
      this.finished = true;
      clearInterval(loop);
      signal.removeEventListener('abort', onAbort);
      // Let what people are in the middle of settle (bounded), so nothing writes after we report.
      await Promise.race([
        Promise.allSettled([...this.inFlight]),
        new Promise((r) => setTimeout(r, signal.aborted ? 500 : 5000)),
      ]);
      unwatch();
      for (const w of this.waiters) w.resolve(undefined);
    }
    return this.result(completed);
  }

  // ---- time ----

  /** One turn of the loop: run what is due, choose the speed, show progress. */
  private step(): void {
    if (this.finished) return;
    const now = this.clock.nowMs();
    this.dayHeader(now);
    this.actions.sort((a, b) => a.at - b.at);
    while (this.actions[0] && this.actions[0].at <= now) {
      const action = this.actions.shift()!;
      if (!action.quiet) {
        this.lastEventAt = Math.max(this.lastEventAt, action.at);
        this.busyWork += 1;
      }
      const running = action.run().catch((err: Error) => this.problem(err.message));
      this.inFlight.add(running);
      void running.finally(() => {
        this.inFlight.delete(running);
        if (!action.quiet) this.busyWork -= 1;
      });
    }
    if (now > this.startedAt + (this.options.weeks * 7 + 10) * DAY) {
      this.problem(`the story did not finish within ${this.options.weeks} weeks and 10 days of simulated time`);
      this.finish(false);
      return;
    }
    const next = this.nextEvent(now);
    const busy = this.busyWork > 0 || now - this.lastEventAt < TRAIL || next - now <= LEAD;
    const wanted = busy ? { rate: this.slow } : { rate: this.fast, until: next - LEAD };
    if (wanted.rate !== this.clock.speed || !busy)
      this.clock.run(wanted.rate, busy ? undefined : { at: wanted.until!, thenRate: this.slow });
    this.t.progress(this.progressText(now));
  }

  /** The next simulated instant something is expected: a person's action, a check-in slot, a reminder, a round closing, a summary's chart. */
  private nextEvent(now: number): number {
    let next = Infinity;
    for (const a of this.actions) if (!a.quiet) next = Math.min(next, a.at);
    if (this.scheduleSet) {
      const schedule: Schedule = { days: [...SCHEDULE.days], time: SCHEDULE.time };
      for (const p of PEOPLE) {
        let slot = this.slots.get(p.id);
        const arrived = slot !== undefined && (this.lastCheckin.get(p.id) ?? -Infinity) >= slot;
        if (slot === undefined || (slot <= now && (arrived || slot <= now - MAX_WAIT_FOR_BOT))) {
          slot = nextSlot(schedule, DEFAULT_TEAM_SETTINGS, p.tz, new Date(now))?.getTime() ?? Infinity;
          this.slots.set(p.id, slot);
        }
        next = Math.min(next, slot);
      }
    }
    for (const c of this.checkins.values()) {
      const reminder = c.receivedAt + (DEFAULT_TEAM_SETTINGS.reminderHours ?? 0) * HOUR;
      if (!c.answered && !c.reminded && reminder > now - MAX_WAIT_FOR_BOT && reminder < c.closesAt)
        next = Math.min(next, reminder);
    }
    // A summary's chart follows it: time stays slow until it is in, so it is not shown hours after the summary.
    if (this.chartAwaitedSince !== null && now < this.chartAwaitedSince + MAX_WAIT_FOR_CHART)
      next = Math.min(next, this.chartAwaitedSince);
    for (const closesAt of this.rounds.keys()) {
      if (!this.summaries.some((s) => Date.parse(s.closesAt) === closesAt)) next = Math.min(next, closesAt);
    }
    return next;
  }

  private at(when: number, run: () => Promise<void>, quiet = false): void {
    this.actions.push({ at: when, run, quiet });
  }

  private rng(stream: string): Random {
    let random = this.streams.get(stream);
    if (!random) this.streams.set(stream, (random = createRandom(`${this.options.seed}:${stream}`)));
    return random;
  }

  /** The first moment at or after `ms` inside working hours in `tz` (Mon–Fri 09:00–18:00 local). */
  private workingMoment(ms: number, tz: string, random: Random): number {
    for (let d = 0; d < 9; d++) {
      const key = localDateKey(new Date(ms + d * DAY), tz);
      const weekday = new Date(`${key}T00:00:00Z`).getUTCDay();
      if (weekday === 0 || weekday === 6) continue;
      const open = slotInstant(key, '09:00', tz).getTime();
      const close = slotInstant(key, '18:00', tz).getTime();
      if (ms < open) return open + random.between(0, 1.5) * HOUR;
      if (ms < close) return ms;
    }
    return ms;
  }

  // ---- what the manager does ----

  private planManager(): void {
    this.at(this.startedAt, async () => {
      this.t.print(
        this.t.s.dim(
          `${MANAGER.name} sets up ${'#' + CHANNEL.name}, where her team of ${PEOPLE.length} works (and ${DEPLOY_BOT.handle}, a bot, posts deploys).`,
        ),
      );
      await this.command(MANAGER, '/pulse', 'setup');
      await this.command(MANAGER, '/pulse', `schedule ${SCHEDULE.command}`);
      this.scheduleSet = true;
      await this.command(MANAGER, '/pulse', 'config threshold 4');
      await this.command(MANAGER, '/pulse', 'config values teamwork,customer-care');
    });
  }

  /** Two posts a week that teammates react to, and one /kudos. */
  private planKudos(): void {
    const firstMonday = this.nextMonday(this.startedAt);
    for (let w = 0; w < this.options.weeks; w++) {
      const monday = firstMonday + w * 7 * DAY;
      for (const [i, post] of [POSTS[(2 * w) % POSTS.length]!, POSTS[(2 * w + 1) % POSTS.length]!].entries()) {
        const author = this.person(post.author);
        const day = localDateKey(new Date(monday + (1 + i) * DAY + 12 * HOUR), author.tz);
        const when = slotInstant(day, '11:00', author.tz).getTime() + this.rng('posts').between(0, 4) * HOUR;
        this.at(when, async () => this.postAndReact(author, post.text));
      }
      const kudos = KUDOS_COMMANDS[w % KUDOS_COMMANDS.length]!;
      const giver = this.person(kudos.giver);
      const thursday = localDateKey(new Date(monday + 3 * DAY + 12 * HOUR), giver.tz);
      this.at(slotInstant(thursday, '11:30', giver.tz).getTime(), async () => {
        const reply = await this.command(giver, '/kudos', `<@${kudos.recipient}> for ${kudos.reason}`);
        if (/on their way/.test(reply.text ?? '')) this.kudosGiven += 1;
      });
    }
  }

  /** The help desk sends each working day's CSAT at noon UTC, from the first Monday to the last week's Friday. */
  private planHelpDesk(): void {
    const firstMonday = this.nextMonday(this.startedAt);
    for (let w = 0; w < this.options.weeks; w++) {
      for (let d = 0; d < 5; d++) {
        const at = firstMonday + w * 7 * DAY + d * DAY + 12 * HOUR;
        this.at(at, () => this.sendCsat(at), true);
      }
    }
  }

  /** One day's CSAT, following the mood of the team's latest closed round (the simulated people's own answers). */
  private async sendCsat(at: number): Promise<void> {
    const closed = [...this.rounds.entries()]
      .filter(([closesAt, r]) => closesAt <= at && r.answers.size > 0)
      .sort(([a], [b]) => a - b)
      .at(-1)?.[1];
    const scores = closed ? [...closed.answers.values()].map((a) => a.score) : PEOPLE.map((p) => p.baseline);
    const followsMood = scores.reduce((sum, x) => sum + x, 0) / scores.length;
    const { value, responses } = dayCsat(followsMood, this.rng('help desk'));
    const { status, stored } = await sendCsat(this.world.appUrl, this.world.signalsToken, CHANNEL.id, {
      at: new Date(at),
      value,
      responses,
    });
    const day = new Date(at).toISOString().slice(0, 10);
    this.signals.push({
      at: new Date(at).toISOString(),
      day,
      metric: 'csat',
      value,
      responses,
      followsMood: Math.round(followsMood * 100) / 100,
      status,
      stored,
    });
    const answer = status === 200 ? this.t.s.green(`${status} stored ${stored}`) : this.t.s.red(`HTTP ${status}`);
    this.say(
      'UTC',
      'UTC',
      `${this.t.s.bold('Help desk')} → POST /api/signals ${this.t.s.dim(`(${formatDate(at, 'UTC', '{date_short_pretty}')}'s CSAT for ${'#' + CHANNEL.name})`)}: ${this.t.s.bold(`CSAT ${value}%`)} of ${responses} ratings → ${answer}`,
    );
    if (status !== 200 || stored !== 1)
      throw new Error(`the bot answered the help desk's CSAT for ${day} with HTTP ${status} (stored ${stored})`);
  }

  private nextMonday(from: number): number {
    for (let d = 1; d <= 7; d++) {
      const key = localDateKey(new Date(from + d * DAY), 'UTC');
      if (new Date(`${key}T00:00:00Z`).getUTCDay() === 1) return Date.parse(`${key}T00:00:00Z`);
    }
    return from;
  }

  private async postAndReact(author: SimulatedPerson, text: string): Promise<void> {
    const message = this.slack.postAs(author.id, CHANNEL.id, text);
    this.say(author.tz, author.city, `${this.name(author)} posts in ${this.channel()}`, [
      renderMrkdwn(text, this.ctx(author)),
    ]);
    const random = this.rng('posts');
    const reactors = random.sample(
      PEOPLE.filter((p) => p.id !== author.id),
      random.int(2, 3),
    );
    for (const reactor of reactors) {
      const name = random.chance(0.85) ? random.pick(KUDOS_EMOJI) : 'eyes';
      this.at(this.workingMoment(this.clock.nowMs() + random.between(0.3, 5) * HOUR, reactor.tz, random), async () => {
        const event = reactionAddedEvent({
          user: reactor.id,
          reaction: name,
          channel: CHANNEL.id,
          ts: message.ts,
          itemUser: author.id,
        });
        await this.send(eventCallbackBody(WORKSPACE.teamId, event));
        const counts = KUDOS_EMOJI.includes(name);
        if (counts) this.kudosGiven += 1;
        this.say(
          reactor.tz,
          reactor.city,
          `${this.name(reactor)} reacts ${emoji(name)} to ${this.name(author)}'s message${counts ? '' : this.t.s.dim(' (not a kudos emoji: the bot ignores it)')}`,
        );
      });
    }
  }

  /** What the manager does once a round's summary is out. */
  private afterSummary(index: number): void {
    const when = this.workingMoment(this.clock.nowMs() + 0.5 * HOUR, MANAGER.tz, this.rng('manager'));
    this.at(when, async () => {
      if (index === 1) await this.command(MANAGER, '/pulse', `action ${ACTION}`);
      if (index === 2 && this.options.weeks > 2) await this.command(MANAGER, '/pulse', 'summary 2');
      if (index >= this.options.weeks) {
        // The story's point: team mood beside what customers said, round by round, and how the two move.
        const reply = await this.command(MANAGER, '/pulse', 'symmetry');
        const plain = { ...this.ctx(MANAGER), color: false };
        this.symmetryReply = {
          text: renderMessage(reply, plain).join('\n'),
          markdown: renderMessage(reply, { ...plain, target: 'markdown' }).join('\n'),
        };
        await this.command(MANAGER, '/pulse', 'kudos 4');
        await this.waitReal(1500);
        this.finish(true);
      }
    });
  }

  // ---- what each person does with a check-in ----

  private onCheckin(person: SimulatedPerson, message: StoredMessage): void {
    const payload = (message.metadata?.event_payload ?? {}) as { delivery_id?: string };
    const text = JSON.stringify(message.blocks ?? []);
    const closesAt = dateTokens(text).at(-1) ?? this.clock.nowMs() + 3 * DAY;
    const now = this.clock.nowMs();
    this.lastCheckin.set(person.id, now);
    const round = this.rounds.get(closesAt) ?? {
      invited: 0,
      answers: new Map(),
      firstSeen: now,
      comments: new Set<string>(),
    };
    round.invited += 1;
    if (!this.rounds.has(closesAt)) {
      this.rounds.set(closesAt, round);
      // The manager looks at the response count a day and a half in.
      this.at(
        this.workingMoment(now + 30 * HOUR, MANAGER.tz, this.rng('manager')),
        async () => void (await this.command(MANAGER, '/pulse', 'status')),
      );
    }
    const random = this.rng(person.id);
    const plan = random.chance(person.prompt)
      ? 'prompt'
      : random.chance(person.afterReminder)
        ? 'after-reminder'
        : 'skip';
    const checkin: Checkin = {
      person,
      deliveryId: payload.delivery_id ?? '',
      channel: message.channel,
      ts: message.ts,
      closesAt,
      receivedAt: now,
      plan,
      answered: false,
      reminded: false,
    };
    this.checkins.set(checkin.deliveryId, checkin);
    if (plan === 'prompt') this.planAnswer(checkin, now + random.between(0.2, 5) * HOUR);
  }

  private onReminder(person: SimulatedPerson): void {
    const checkin = [...this.checkins.values()].filter((c) => c.person.id === person.id).at(-1);
    if (!checkin) return;
    checkin.reminded = true;
    this.reminders += 1;
    if (checkin.plan === 'after-reminder' && !checkin.answered)
      this.planAnswer(checkin, this.clock.nowMs() + this.rng(person.id).between(0.3, 4) * HOUR);
  }

  private planAnswer(checkin: Checkin, notBefore: number): void {
    const when = this.workingMoment(notBefore, checkin.person.tz, this.rng(checkin.person.id));
    // Nobody answers in the last hours of a round: the story is about answers the bot keeps.
    if (when > checkin.closesAt - 3 * HOUR) return;
    this.at(when, () => this.answer(checkin));
  }

  private async answer(checkin: Checkin): Promise<void> {
    const { person } = checkin;
    const index = [...this.rounds.keys()].sort((a, b) => a - b).indexOf(checkin.closesAt);
    const week = weekOf(Math.max(0, index));
    const random = this.rng(person.id);
    const score = Math.min(10, Math.max(1, Math.round(person.baseline + week.shift + random.between(-1.3, 1.3))));
    // Two people rarely write the same sentence: each comment is used once a round.
    const round = this.rounds.get(checkin.closesAt);
    const unused = [...COMMENTS[bandOf(score)][week.theme], ...COMMENTS[bandOf(score)].any].filter(
      (c) => !round?.comments.has(c),
    );
    const comment = random.chance(person.talkative) && unused.length ? random.pick(unused) : null;
    if (comment) round?.comments.add(comment);
    // Now and then someone first clicks one score and changes it later, which the bot allows while the round is open.
    const firstThought = random.chance(0.12) ? Math.min(10, Math.max(1, score + random.pick([-2, -1, 1, 2]))) : null;
    checkin.answered = true;
    if (firstThought !== null && firstThought !== score) {
      await this.click(checkin, firstThought, null);
      const later = this.workingMoment(this.clock.nowMs() + random.between(1, 6) * HOUR, person.tz, random);
      if (later < checkin.closesAt - 2 * HOUR) {
        this.at(later, async () => {
          this.say(person.tz, person.city, `${this.name(person)} changes their mind`);
          await this.click(checkin, score, comment);
        });
        return;
      }
      // No time left to change: the first thought stays.
      await this.click(checkin, firstThought, comment, true);
      return;
    }
    await this.click(checkin, score, comment);
  }

  /** A click on a score button in the person's DM, the comment modal, and the DM showing the saved answer. */
  private async click(checkin: Checkin, score: number, comment: string | null, quiet = false): Promise<void> {
    const { person } = checkin;
    const dm = this.slack.messagesIn(checkin.channel).find((m) => m.ts === checkin.ts);
    const row = (
      dm?.blocks as Array<{ block_id?: string; elements?: Array<{ action_id: string; value: string }> }> | undefined
    )?.find((b) => b.block_id === 'checkin_scores');
    const button = row?.elements?.find((e) => e.action_id === `checkin_score_${score}`);
    if (!dm || !button) throw new Error(`${person.name}'s check-in has no button ${score}`);
    const trigger = newTriggerId();
    const modal = this.expect((e) =>
      e.kind === 'call' && e.call.method === 'views.open' && e.call.args.trigger_id === trigger && e.call.response?.ok
        ? (e.call.response.view as {
            id: string;
            private_metadata: string;
            callback_id: string;
            blocks: Array<{ label?: { text?: string } }>;
          })
        : undefined,
    );
    const saved = this.expect((e) =>
      e.kind === 'call' &&
      e.call.method === 'chat.update' &&
      e.call.args.ts === checkin.ts &&
      this.showsChoice(e.call.args.blocks, score)
        ? true
        : undefined,
    );
    const locale = resolveLocale(person.locale, 'en');
    const res = await this.send(
      blockActionBody({
        userId: person.id,
        teamId: WORKSPACE.teamId,
        actionId: button.action_id,
        value: button.value,
        blockId: 'checkin_scores',
        channelId: checkin.channel,
        messageTs: checkin.ts,
        triggerId: trigger,
        responseUrl: this.slack.responseUrl(`click-${++this.seq}`),
        message: { text: dm.text, blocks: dm.blocks as unknown[] },
      }),
    );
    if (res.status !== 200) throw new Error(`the bot answered ${person.name}'s click with HTTP ${res.status}`);
    // Printed as it happens, so the story's clock never runs backwards; each line names the person.
    const note = (headline: string) => this.say(person.tz, person.city, headline);
    await this.afterClick(checkin, score, comment, quiet, { modal, saved, locale, note });
  }

  private async afterClick(
    checkin: Checkin,
    score: number,
    comment: string | null,
    quiet: boolean,
    w: {
      modal: Promise<
        | { id: string; private_metadata: string; callback_id: string; blocks: Array<{ label?: { text?: string } }> }
        | undefined
      >;
      saved: Promise<true | undefined>;
      locale: string;
      note: (headline: string) => void;
    },
  ): Promise<void> {
    const { person } = checkin;
    const { modal, saved, locale, note } = w;
    const first = person.name.split(' ')[0]!;
    if (!quiet) note(`${this.name(person)} clicks ${this.t.s.bold(`[${score}]`)}`);
    const view = await modal;
    if (!view) throw new Error(`no comment modal opened for ${person.name}`);
    const question = view.blocks[0]?.label?.text ?? '';
    if (comment) {
      const commentSaved = this.expect((e) =>
        e.kind === 'call' &&
        e.call.method === 'chat.update' &&
        e.call.args.ts === checkin.ts &&
        JSON.stringify(e.call.args.blocks ?? '').includes(translate(locale, 'checkin.comment_saved'))
          ? true
          : undefined,
      );
      const submitted = await this.send(
        viewSubmissionBody({
          userId: person.id,
          teamId: WORKSPACE.teamId,
          callbackId: view.callback_id,
          privateMetadata: view.private_metadata,
          values: { comment: { comment: { type: 'plain_text_input', value: comment } } },
          viewId: view.id,
        }),
      );
      if (submitted.status !== 200)
        throw new Error(`the bot answered ${person.name}'s comment with HTTP ${submitted.status}`);
      note(this.t.s.dim(`  a form asks "${question}" → ${first} writes: `) + `“${comment}”`);
      if (!(await commentSaved)) throw new Error(`${person.name}'s comment was not confirmed`);
    } else {
      note(this.t.s.dim(`  a form asks "${question}" → ${first} skips it`));
    }
    if (!(await saved)) throw new Error(`${person.name}'s score was not confirmed`);
    const round = this.rounds.get(checkin.closesAt)!;
    const before = round.answers.get(person.id);
    round.answers.set(person.id, { score, comment: comment ?? before?.comment ?? null });
    if (!before) this.answers += 1;
    const now = this.slack.messagesIn(checkin.channel).find((m) => m.ts === checkin.ts);
    const confirmation = renderMessage(
      { blocks: (now?.blocks ?? []).filter((b) => (b as { type: string }).type === 'section').slice(1, 2) },
      this.ctx(person),
    );
    note(this.t.s.dim(`  ${first}'s DM now says: `) + confirmation.join(' '));
  }

  private showsChoice(blocks: unknown, score: number): boolean {
    const row = (
      blocks as Array<{ block_id?: string; elements?: Array<{ action_id: string; style?: string }> }> | undefined
    )?.find((b) => b.block_id === 'checkin_scores');
    return Boolean(row?.elements?.some((e) => e.action_id === `checkin_score_${score}` && e.style === 'primary'));
  }

  // ---- what the bot sent ----

  private onSlack(e: FakeSlackEvent): void {
    for (const w of [...this.waiters]) {
      const value = w.match(e);
      if (value !== undefined) {
        this.waiters.delete(w);
        w.resolve(value);
      }
    }
    if (this.finished || e.kind !== 'call' || !e.call.response?.ok) return;
    const { method, args, response } = e.call;
    if (method === 'chat.postMessage' || method === 'chat.update') {
      const channel = String(response.channel ?? '');
      const message = this.slack.messagesIn(channel).find((m) => m.ts === response.ts);
      if (message) this.onBotMessage(message, method === 'chat.update');
    } else if (method === 'files.completeUploadExternal') {
      this.onUpload(args);
    } else if (method === 'chat.postEphemeral') {
      const person = this.person(String(args.user ?? ''));
      this.say(
        person.tz,
        person.city,
        `${this.bot()} → ${this.name(person)} ${this.t.s.dim(`(only ${person.name.split(' ')[0]} sees it)`)}`,
        renderMessage(args as { text?: string; blocks?: unknown[] }, this.ctx(person)),
      );
    }
  }

  private onBotMessage(message: StoredMessage, edited: boolean): void {
    const person = PEOPLE.find((p) => this.slack.dmChannelOf(p.id) === message.channel);
    const meta = message.metadata as { event_type?: string; event_payload?: { key?: string } } | undefined;
    if (person) {
      if (edited) return; // a check-in showing the saved answer: the person's own lines say so
      const isCheckin = meta?.event_type === 'symmetry_checkin';
      const locale = resolveLocale(person.locale, 'en');
      const reminderStart = translate(locale, 'reminder.text', { closesAt: '\u0000' }).split('\u0000')[0]!;
      this.say(
        person.tz,
        person.city,
        `${this.bot()} → ${this.name(person)} ${this.t.s.dim(isCheckin ? '(DM: check-in)' : '(DM)')}`,
        renderMessage(message, this.ctx(person)),
      );
      if (isCheckin) this.onCheckin(person, message);
      else if ((message.text ?? '').startsWith(reminderStart)) this.onReminder(person);
      return;
    }
    if (message.channel !== CHANNEL.id) return;
    const key = meta?.event_payload?.key ?? '';
    const lines = renderMessage(message, this.ctx(MANAGER));
    if (key.startsWith('summary-')) {
      if (edited) return;
      this.onSummary(message, lines);
      return;
    }
    const kind = key.startsWith('action-')
      ? 'you said, we did'
      : key.startsWith('digest-')
        ? 'weekly kudos digest'
        : 'shout-out';
    if (kind === 'shout-out') {
      if (!edited) this.shoutoutKeys.add(key);
      this.say(
        'UTC',
        'UTC',
        `${this.bot()} → ${this.channel()} ${this.t.s.dim(`(${edited ? 'shout-out updated' : 'shout-out'}${message.thread_ts ? ', in the thread of the message' : ''})`)}`,
        lines,
      );
      return;
    }
    this.say('UTC', 'UTC', `${this.bot()} → ${this.channel()} ${this.t.s.dim(`(${kind})`)}`, lines);
  }

  /** A file the bot shared: a chart under a summary is kept (the latest one is written to disk at the end). */
  private onUpload(args: Record<string, unknown>): void {
    for (const file of (Array.isArray(args.files) ? args.files : []) as Array<{ id?: string; title?: string }>) {
      const upload = this.slack.uploads.find((u) => u.fileId === file.id);
      const png = upload ? pngIn(upload.data) : null;
      const inChannel = args.channel_id === CHANNEL.id;
      const person = PEOPLE.find((p) => this.slack.dmChannelOf(p.id) === args.channel_id);
      const where = inChannel ? this.channel() : person ? `${this.name(person)} (DM)` : 'a DM';
      // A manager's /pulse summary also brings a chart to their DM; chart.png stays the one posted under the summary.
      if (png) this.chartAwaitedSince = null;
      if (png && inChannel) this.chart = { title: file.title ?? 'chart', png };
      this.say(
        'UTC',
        'UTC',
        `${this.bot()} → ${where} ${this.t.s.dim(`(${png ? 'a chart' : 'a file'}: ${file.title ?? file.id}, ${Math.round((upload?.bytes ?? 0) / 1024)} KB)`)}`,
      );
    }
  }

  /** The latest chart the bot posted, if it posted any. */
  get latestChart(): { title: string; png: Buffer } | null {
    return this.chart;
  }

  private onSummary(message: StoredMessage, lines: string[]): void {
    const text =
      (message.blocks as Array<{ text?: { text?: string } }> | undefined)?.map((b) => b.text?.text ?? '').join('\n') ??
      message.text ??
      '';
    const closesAt = dateTokens(text)[0] ?? this.clock.nowMs();
    const average = /Average mood: \*?([\d.]+)\*? \/ 10/.exec(text);
    const rate = /Response rate: (\d+) of (\d+)/.exec(text);
    const plain = renderMessage(message, { ...this.ctx(MANAGER), color: false });
    const markdown = renderMessage(message, { ...this.ctx(MANAGER), target: 'markdown', color: false });
    this.summaries.push({
      closesAt: new Date(closesAt).toISOString(),
      postedAt: this.clock.now().toISOString(),
      withheld: !average,
      average: average ? Number(average[1]) : null,
      respondents: rate ? Number(rate[1]) : null,
      invited: rate ? Number(rate[2]) : null,
      text: plain.join('\n'),
      markdown: markdown.join('\n'),
    });
    this.t.print('');
    this.say(
      'UTC',
      'UTC',
      `${this.bot()} → ${this.channel()} ${this.t.s.dim('(the round closed: the team summary)')}`,
      lines,
    );
    this.t.print('');
    this.chartAwaitedSince = this.clock.nowMs();
    this.afterSummary(this.summaries.length);
  }

  // ---- talking to the bot ----

  /** A person runs a slash command in the team channel; resolves with the private reply. */
  private async command(
    person: SimulatedPerson,
    name: string,
    text: string,
  ): Promise<{ text?: string; blocks?: unknown[] }> {
    const id = `cmd-${++this.seq}`;
    const reply = this.expect((e) =>
      e.kind === 'response' && e.response.id === id
        ? (e.response.body as { text?: string; blocks?: unknown[] })
        : undefined,
    );
    this.say(
      person.tz,
      person.city,
      `${this.name(person)} types ${this.t.s.bold(`${name} ${text}`)} ${this.t.s.dim(`in ${'#' + CHANNEL.name}`)}`,
    );
    const res = await this.send(
      slashCommandBody({
        command: name,
        text,
        userId: person.id,
        channelId: CHANNEL.id,
        channelName: CHANNEL.name,
        teamId: WORKSPACE.teamId,
        teamDomain: WORKSPACE.domain,
        responseUrl: this.slack.responseUrl(id),
        userName: person.handle,
      }),
    );
    if (res.status !== 200) throw new Error(`${name} ${text} answered HTTP ${res.status}`);
    const body = await reply;
    if (!body) throw new Error(`no reply to ${name} ${text}`);
    if ((body.text ?? '').includes(translate(resolveLocale(person.locale, 'en'), 'chart.on_its_way')))
      this.chartAwaitedSince = this.clock.nowMs();
    this.say(
      person.tz,
      person.city,
      `${this.bot()} → ${this.name(person)} ${this.t.s.dim(`(only ${person.name.split(' ')[0]} sees it)`)}`,
      renderMessage(body, this.ctx(person)),
    );
    return body;
  }

  private send(body: SlackRequestBody): ReturnType<typeof postToSlackApp> {
    return postToSlackApp(`${this.world.appUrl}/slack/events`, { ...body, secret: this.world.signingSecret });
  }

  /** Resolves with the first Slack event `match` accepts (undefined after PATIENCE_MS or when the story ends). */
  private expect<T>(match: (e: FakeSlackEvent) => T | undefined): Promise<T | undefined> {
    return new Promise((resolve) => {
      const waiter: Waiter = { match, resolve: resolve as (v: unknown) => void };
      this.waiters.add(waiter);
      setTimeout(() => {
        if (this.waiters.delete(waiter)) resolve(undefined);
      }, PATIENCE_MS).unref();
    });
  }

  private waitReal(ms: number): Promise<void> {
    return new Promise((r) => setTimeout(r, ms));
  }

  // ---- printing ----

  private person(id: string): SimulatedPerson {
    return PEOPLE.find((p) => p.id === id) ?? { ...MANAGER, id, name: id, handle: id };
  }

  private name(p: SimulatedPerson): string {
    const colors = [this.t.s.cyan, this.t.s.yellow, this.t.s.blue, this.t.s.magenta, this.t.s.green, this.t.s.red];
    return this.t.s.bold(colors[PEOPLE.indexOf(p) % colors.length]!(p.name));
  }

  private bot(): string {
    return this.t.s.bold(this.t.s.magenta('Symmetry'));
  }

  private channel(): string {
    return this.t.s.green(`#${CHANNEL.name}`);
  }

  /** How `reader` sees a message: in their zone, and dates in the language the bot speaks to them in. */
  private ctx(reader: SimulatedPerson): RenderContext {
    return {
      tz: reader.tz,
      locale: resolveLocale(reader.locale, 'en'),
      target: 'terminal',
      color: this.t.color,
      userName: (id) =>
        id === this.slack.botUserId
          ? 'Symmetry'
          : id === DEPLOY_BOT.id
            ? DEPLOY_BOT.handle
            : (PEOPLE.find((p) => p.id === id)?.name ?? id),
      channelName: (id) => (id === CHANNEL.id ? CHANNEL.name : id),
    };
  }

  /** Prints one event: when (UTC, and the local time of whoever it happens to), what, and what they see. */
  private say(tz: string, city: string, headline: string, body: string[] = []): void {
    // A new UTC day gets its header before its first line, not on the loop's next turn.
    this.dayHeader(this.clock.nowMs());
    this.t.print(...this.lines(tz, city, headline, body));
  }

  private lines(tz: string, city: string, headline: string, body: string[] = []): string[] {
    const now = this.clock.nowMs();
    const local =
      tz === 'UTC' ? '' : `${city}, ${formatDate(now, tz, '{date_short_pretty} {time}').replace(/ \d+ \w+ /, ' ')}`;
    const when = `${formatDate(now, 'UTC', '{time}')}  ${local.padEnd(26)}`;
    return [`${this.t.s.dim(when)}${headline}`, ...body.map((l) => `${' '.repeat(7)}${this.t.s.dim('│')} ${l}`)];
  }

  private dayHeader(now: number): void {
    const day = localDateKey(new Date(now), 'UTC');
    if (day === this.lastDay) return;
    this.lastDay = day;
    const title = formatDate(now, 'UTC', '{date_long_pretty}');
    this.t.print(this.t.s.dim(`── ${title} (UTC) · ${this.counts()} ${'─'.repeat(Math.max(3, 60 - title.length))}`));
  }

  private counts(): string {
    const open = [...this.rounds.keys()].filter(
      (c) => !this.summaries.some((s) => Date.parse(s.closesAt) === c),
    ).length;
    return `rounds ${this.rounds.size} (${open} open) · summaries ${this.summaries.length} · check-ins ${this.checkins.size} · answers ${this.answers} · kudos ${this.kudosGiven}`;
  }

  private progressText(now: number): string {
    const week = Math.min(this.options.weeks, Math.max(1, Math.ceil((now - this.startedAt) / (7 * DAY))));
    const speed = this.clock.speed / hoursPerSecond(1);
    return `${this.t.s.inverse(` ${formatDate(now, 'UTC', '{date_short_pretty} {time}')} UTC `)} week ${week} of ${this.options.weeks} · ${this.counts()} · ${speed > this.options.hoursPerSecond ? '⏩' : '▶'} ${Math.round(speed)} h/s`;
  }

  private problem(message: string): void {
    // Once the story is over, what was cut short is not a problem of the bot's.
    if (this.finished) return;
    this.problems.push(message);
    this.t.print(this.t.s.red(`⚠ ${message}`));
  }

  private result(completed: boolean): SimulationResult {
    return {
      completed,
      startedAt: new Date(this.startedAt).toISOString(),
      endedAt: this.clock.now().toISOString(),
      weeks: this.options.weeks,
      rounds: [...this.rounds.entries()]
        .sort(([a], [b]) => a - b)
        .map(([closesAt, r]) => ({
          closesAt: new Date(closesAt).toISOString(),
          firstCheckinAt: new Date(r.firstSeen).toISOString(),
          invited: r.invited,
          answers: this.rng('report').sample([...r.answers.values()], r.answers.size),
        })),
      summaries: this.summaries,
      shoutouts: this.shoutoutKeys.size,
      kudosGiven: this.kudosGiven,
      checkins: this.checkins.size,
      reminders: this.reminders,
      answers: this.answers,
      signals: [...this.signals],
      symmetry: this.symmetryReply,
      problems: [...this.problems],
    };
  }
}
