/**
 * One fan-out, end to end: a manager's signed `/pulse now` to the web process, then every check-in
 * DM the workers send, read from what the fake Slack recorded. Nothing is skipped: the web process
 * enqueues open-round, a worker creates the round and the deliveries and enqueues one
 * deliver-checkin job per member, and each job sends its DM through the real Slack client.
 */
import type { FakeSlack, RecordedCall } from '../../test/support/fake-slack';
import { postToSlackApp, slashCommandBody } from '../../test/support/slack-requests';
import { sleep } from './infra';
import type { SeededTeam } from './seed';

export interface FanOutResult {
  members: number;
  delivered: number;
  duplicates: number;
  missing: number;
  /** chat.postMessage calls answered 429 during this fan-out. */
  rateLimited: number;
  /** users.info calls (each person's away status, read before their DM under the same pace) from the first DM to the last. */
  statusReadsWhileSending: number;
  /** From sending `/pulse now` to the last DM the fake recorded. */
  seconds: number;
  /** From the first DM to the last. */
  sendingSeconds: number;
  perSecond: number;
  firstDmAfterMs: number;
  timedOut: boolean;
}

const isCheckin = (c: RecordedCall) =>
  c.method === 'chat.postMessage' &&
  c.status === 200 &&
  (c.response as { ok?: boolean } | undefined)?.ok === true &&
  (c.args.metadata as { event_type?: string } | undefined)?.event_type === 'symmetry_checkin';

/** Runs `/pulse now` for the team and waits for its DMs (or `timeoutMs`); counts duplicates and missing people. */
export async function runFanOut(
  slack: FakeSlack,
  webUrl: string,
  secret: string,
  seeded: SeededTeam,
  timeoutMs: number,
): Promise<FanOutResult> {
  const wanted = new Set(seeded.userIds);
  const perUser = new Map<string, number>();
  let first = 0;
  let last = 0;
  let delivered = 0;
  let rateLimited = 0;
  const readAt: number[] = [];
  // Each call as the fake answers it: with a delay, a call is recorded on arrival but answered later,
  // and the DM counts when Slack would have answered it (the time is that of the answer).
  const unwatch = slack.watch((event) => {
    if (event.kind !== 'call') return;
    const c = event.call;
    if (c.method === 'chat.postMessage' && c.status === 429) rateLimited += 1;
    if (c.method === 'users.info' && wanted.has(String(c.args.user))) readAt.push(Date.now());
    if (!isCheckin(c)) return;
    const user = String(c.args.channel);
    if (!wanted.has(user)) return;
    perUser.set(user, (perUser.get(user) ?? 0) + 1);
    delivered += 1;
    const at = Date.now();
    if (!first) first = at;
    last = at;
  });

  const started = Date.now();
  const body = slashCommandBody({
    command: '/pulse',
    text: 'now',
    userId: seeded.managerId,
    channelId: seeded.channelId,
    teamId: slack.teamId,
    responseUrl: slack.responseUrl(),
  });
  const res = await postToSlackApp(`${webUrl}/slack/events`, { ...body, secret });
  if (res.status !== 200) throw new Error(`/pulse now answered ${res.status}`);
  const deadline = started + timeoutMs;
  let timedOut = false;
  for (;;) {
    if (perUser.size >= wanted.size) break;
    if (Date.now() > deadline) {
      timedOut = true;
      break;
    }
    await sleep(50);
  }
  // A late duplicate would show up just after the last expected DM: look a little longer.
  await sleep(1500);
  unwatch();
  const duplicates = [...perUser.values()].reduce((sum, n) => sum + (n - 1), 0);
  const seconds = ((last || Date.now()) - started) / 1000;
  return {
    members: wanted.size,
    delivered,
    duplicates,
    missing: wanted.size - perUser.size,
    rateLimited,
    statusReadsWhileSending: readAt.filter((t) => t > first && t <= last).length,
    seconds,
    sendingSeconds: (last - first) / 1000,
    perSecond: perUser.size / seconds,
    firstDmAfterMs: first ? first - started : NaN,
    timedOut,
  };
}
