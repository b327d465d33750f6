/** The check-in loop as the workers run it: open a round, deliver, remind, record, close. */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { signClick } from '../click-proof';
import { sealAddress } from '../sealed-address';
import { respondentHash } from '../anonymity';
import { awayByStatus, isAwayUntil } from '../away';
import { resolveLocale } from '../i18n';
import { isSymmetryError, SymmetryError } from '../errors';
import type { AwayReason, Delivery, Member, Platform, Round } from '../model';
import type { DeliveryContext, MessageRef, OwnAnswerRow, SavedAnswerRow } from '../ports';
import { MOOD_QUESTION_ID } from '../model';
import type { CheckinMessage } from '../messages';
import { checkinQuestions } from '../drivers/checkin';
import { asksScore, validScore } from './answers';
import type { WorkerDeps } from './deps';
import { roundQuestions } from './round-questions';
import { fanOutBatchSize } from './fanout-batches';

/** The manual round's period: one per team per minute, so a double-submitted `/pulse now` opens one round. */
export function manualPeriod(requestedAt: Date): string {
  return `manual-${requestedAt.toISOString().slice(0, 16).replace(/[-:T]/g, '')}`;
}

/** Opens a manual round for the team (unless one is open) and enqueues one DM per active member. */
export async function openManualRound(deps: WorkerDeps, teamId: string, requestedAt: Date): Promise<Round | null> {
  const team = await deps.repos.teams.findById(teamId);
  if (!team) return null;
  const workspace = await deps.repos.workspaces.findById(team.workspaceId);
  if (!workspace) return null;
  const period = manualPeriod(requestedAt);
  const open = await deps.repos.rounds.findOpen(teamId);
  if (open && open.period !== period) return null;
  const members = await deps.repos.teams.listActiveMembers(teamId);
  const now = deps.clock.now();
  const { round } = await deps.repos.rounds.ensure({
    teamId,
    period,
    kind: 'manual',
    opensAt: now,
    closesAt: new Date(now.getTime() + team.settings.windowHours * 3_600_000),
    ...(await roundQuestions(deps, team, period, 'manual')),
  });
  await fanOut(
    deps,
    round,
    members.map((m) => m.id),
    workspace.platform,
  );
  return round;
}

/** A batch's deliveries are claimed (pending → sending) this many at a time. */
const CLAIM_CHUNK = 10;
/** Sent DMs are recorded together, at least this often: a click on one waits at most this long to show as saved. */
const RECORD_EVERY_MS = 250;

/**
 * Creates the deliveries of these members for the round (once), batches the unsent ones and enqueues their
 * batches; `platform`: the round's workspace's, whose pace sets how many jobs the round is spread over.
 */
export async function fanOut(deps: WorkerDeps, round: Round, memberIds: string[], platform: Platform): Promise<number> {
  if (memberIds.length === 0) return 0;
  const deliveries = await deps.repos.deliveries.ensureMany(
    round.id,
    memberIds,
    fanOutBatchSize(memberIds.length, deps.fanOutSpread?.(platform)),
  );
  const unsent = deliveries.filter((d) => d.state === 'pending' || d.state === 'sending');
  await enqueueBatches(deps, unsent, platform);
  return unsent.length;
}

/**
 * Enqueues the jobs that send these unsent deliveries: batched ones (and pending ones, batched now,
 * per round) by their batch; unbatched ones a per-delivery job already claimed, by that job again.
 * Job ids dedupe, so repeating this (every tick does) adds nothing while the jobs exist.
 */
export async function enqueueBatches(deps: WorkerDeps, unsent: readonly Delivery[], platform: Platform): Promise<void> {
  const byRound = new Map<string, string[]>();
  for (const d of unsent) {
    if (d.batch !== null || d.state !== 'pending') continue;
    const ids = byRound.get(d.roundId);
    if (ids) ids.push(d.id);
    else byRound.set(d.roundId, [d.id]);
  }
  const batches = new Set(unsent.flatMap((d) => (d.batch ? [d.batch] : [])));
  for (const ids of byRound.values())
    for (const b of await deps.repos.deliveries.assignBatches(
      ids,
      fanOutBatchSize(ids.length, deps.fanOutSpread?.(platform)),
    ))
      batches.add(b);
  await deps.queue.enqueueMany(
    'deliver-checkins',
    [...batches].map((batch) => ({ batch })),
  );
  const claimedAlone = unsent.filter((d) => d.batch === null && d.state === 'sending');
  await deps.queue.enqueueMany(
    'deliver-checkin',
    claimedAlone.map((d) => ({ deliveryId: d.id })),
  );
}

type CheckinQuestions = ReturnType<typeof checkinQuestions>;

/** Every question a check-in asks, by id: the mood first, then its scale and its free-text questions. */
function askedIds(asked: CheckinQuestions): string[] {
  return [MOOD_QUESTION_ID, ...asked.scale.map((q) => q.id), ...asked.text.map((q) => q.id)];
}

/**
 * Builds the check-in DM as the member should see it now (their saved answer included).
 * `neverSent`: the delivery was still pending, so no DM carried its buttons and there is no answer to read.
 * `saved`: an answer just saved, as the save returned it (no need to read it back).
 */
async function checkinView(
  deps: WorkerDeps,
  ctx: DeliveryContext,
  opts: {
    neverSent?: boolean;
    saved?: { questionId: string; answer: SavedAnswerRow };
    /** The check-in's questions when the caller has them already (one answer's job builds its card more than once). */
    asked?: CheckinQuestions;
  } = {},
): Promise<CheckinMessage> {
  const hash = respondentHash(deps.anonymitySecret, ctx.round.id, ctx.member.id);
  const locale = resolveLocale(ctx.member.locale, ctx.team.settings.language);
  const asked = opts.asked ?? checkinQuestions(ctx.round, locale);
  const ids = askedIds(asked);
  // Every answer of the member is read together: one query however many questions (none for a DM never sent, and
  // none after a save that read them back).
  const unread = ids.filter((id) => id !== opts.saved?.questionId);
  const stored = opts.neverSent
    ? new Map<string, OwnAnswerRow>()
    : (opts.saved?.answer.others ?? (await deps.repos.answers.listOwn(ctx.round.id, unread, hash)));
  const [own, ...answers] = ids.map((id) => (id === opts.saved?.questionId ? opts.saved.answer : stored.get(id)));
  const scaleQuestions = asked.scale.map((q, i) => ({ ...q, score: answers[i]?.score ?? null }));
  const textQuestions = asked.text.map((q, i) => ({ ...q, saved: answers[asked.scale.length + i]?.comment != null }));
  const closed = ctx.round.status === 'closed';
  const claims = {
    closesAt: ctx.round.closesAt,
    locale,
    threshold: ctx.team.settings.threshold,
    hasTextQuestions: textQuestions.length > 0,
  };
  const proofs = closed
    ? {}
    : Object.fromEntries(
        [MOOD_QUESTION_ID, ...scaleQuestions.map((q) => q.id)].map((questionId) => [
          questionId,
          signClick(
            deps.anonymitySecret,
            {
              deliveryId: ctx.delivery.id,
              questionId,
              platform: ctx.workspace.platform,
              workspaceExternalId: ctx.workspace.externalId,
              userId: ctx.member.platformUserId,
            },
            claims,
          ),
        ]),
      );
  return {
    scaleQuestions,
    textQuestions,
    proofs,
    kind: 'checkin',
    locale,
    deliveryId: ctx.delivery.id,
    threshold: ctx.team.settings.threshold,
    closesAt: ctx.round.closesAt,
    closed,
    answer: own ? { score: own.score, commentSaved: own.comment !== null } : null,
  };
}

/**
 * Whether the person is away now, and why: their own `/pulse away` first (no platform call), then
 * their platform status, read at most once per round (a delivery that read it never reads it again).
 * A status the platform could not give (other than a 429, which stops the batch) counts as not away:
 * better one DM too many than a person silently never asked.
 */
async function awayNow(
  deps: WorkerDeps,
  ctx: DeliveryContext,
): Promise<{ away: { reason: AwayReason; until: Date | null; statusRead: boolean } | null; readNow: boolean }> {
  const now = deps.clock.now();
  if (isAwayUntil(ctx.member.awayUntil, now))
    return { away: { reason: 'self', until: null, statusRead: ctx.delivery.statusRead }, readNow: false };
  if (ctx.delivery.statusRead || !deps.messenger.readStatus) return { away: null, readNow: false };
  let status;
  try {
    status = await deps.messenger.readStatus(ctx.workspace, ctx.member.platformUserId);
  } catch (err) {
    if (isSymmetryError(err, 'platform_rate_limited')) throw err;
    deps.logger.warn(
      { deliveryId: ctx.delivery.id, err: (err as Error).message },
      'status not read; the check-in goes out',
    );
    return { away: null, readNow: false };
  }
  const away = awayByStatus(status, now);
  return { away: away ? { reason: 'status', until: away.until, statusRead: true } : null, readNow: true };
}

/**
 * Records the delivery as away when its person is (`away`: no DM goes out). `statusReadNow`: their platform
 * status was read by this call, so a DM handed back to the queue after it (its workspace at its pace) is
 * released with the read noted and does not spend another call reading it again.
 */
async function setAsideIfAway(
  deps: WorkerDeps,
  ctx: DeliveryContext,
): Promise<{ away: boolean; statusReadNow: boolean }> {
  const { away, readNow } = await awayNow(deps, ctx);
  if (away) await deps.repos.deliveries.markAway(ctx.delivery.id, away);
  return { away: away !== null, statusReadNow: readNow };
}

/**
 * Sends one check-in DM, at most once per (round, member). The delivery is marked "sending"
 * before the platform call; a retry that finds it "sending" first asks the platform whether
 * the DM already went out (a worker may have died between sending and recording it).
 */
export async function deliverCheckin(deps: WorkerDeps, deliveryId: string): Promise<'sent' | 'skipped'> {
  const ctx = await deps.repos.deliveries.findWithContext(deliveryId);
  // A batched delivery is its batch job's to send, never this job's.
  if (
    !ctx ||
    ctx.delivery.state === 'sent' ||
    ctx.delivery.state === 'failed' ||
    ctx.delivery.state === 'away' ||
    ctx.delivery.batch !== null
  )
    return 'skipped';
  if (ctx.round.status === 'closed') {
    await deps.repos.deliveries.markFailed(deliveryId);
    return 'skipped';
  }
  const firstAttempt = ctx.delivery.state === 'pending' && (await deps.repos.deliveries.markSending(deliveryId));
  if (!firstAttempt) {
    const existing = await deps.messenger.findCheckin(ctx.workspace, ctx.member.platformUserId, deliveryId);
    if (existing) {
      await deps.repos.deliveries.markSent(deliveryId, existing, deps.clock.now());
      return 'sent';
    }
  }
  let ref: MessageRef;
  let statusReadNow = false;
  try {
    const seen = await setAsideIfAway(deps, ctx);
    if (seen.away) return 'skipped';
    statusReadNow = seen.statusReadNow;
    ref = await deps.messenger.sendDirect(
      ctx.workspace,
      ctx.member.platformUserId,
      await checkinView(deps, ctx, { neverSent: firstAttempt }),
    );
  } catch (err) {
    // A 429 means the platform did not take the DM: the retry after Retry-After sends it without looking for it first.
    if (isSymmetryError(err, 'platform_rate_limited'))
      await deps.repos.deliveries.releaseSending(deliveryId, statusReadNow);
    throw err;
  }
  await deps.repos.deliveries.markSent(deliveryId, ref, deps.clock.now());
  return 'sent';
}

/**
 * Sends a fan-out batch's check-in DMs, each at most once, one after another (each call paced).
 * A delivery moves pending → sending in chunks before its DM and is recorded sent after it, many at
 * once; a retry of the batch (after a crash) first looks for the DMs of the deliveries it finds
 * "sending", as deliverCheckin does. A 429 records what went out, gives back what did not, and
 * hands the batch back for Retry-After; a shutdown does the same at once. Other failures leave that
 * DM for the retry and go on with the rest. Returns the DMs sent.
 */
export async function deliverBatch(deps: WorkerDeps, batch: string): Promise<number> {
  const loaded = await deps.repos.deliveries.loadBatch(batch);
  if (!loaded) return 0;
  const { round, team, workspace } = loaded;
  if (round.status === 'closed') {
    await deps.repos.deliveries.failBatch(batch);
    return 0;
  }
  const interrupted = deps.interrupted ?? (() => false);
  let unrecorded: Array<{ id: string; ref: MessageRef }> = [];
  let oldest = 0;
  let sent = 0;
  let failure: unknown = null;
  const flush = async () => {
    if (unrecorded.length === 0) return;
    const done = unrecorded;
    unrecorded = [];
    await deps.repos.deliveries.markSentMany(done, deps.clock.now());
    sent += done.length;
  };
  const record = async (id: string, ref: MessageRef) => {
    if (unrecorded.length === 0) oldest = Date.now();
    unrecorded.push({ id, ref });
    if (unrecorded.length >= CLAIM_CHUNK || Date.now() - oldest >= RECORD_EVERY_MS) await flush();
  };
  /** Sends one DM and records it; a 429 gives this one and `giveBack` back to pending and stops the batch. */
  const send = async (ctx: DeliveryContext, neverSent: boolean, giveBack: string[]): Promise<void> => {
    let statusReadNow = false;
    try {
      const seen = await setAsideIfAway(deps, ctx);
      if (seen.away) return;
      statusReadNow = seen.statusReadNow;
      await record(
        ctx.delivery.id,
        await deps.messenger.sendDirect(
          workspace,
          ctx.member.platformUserId,
          await checkinView(deps, ctx, { neverSent }),
        ),
      );
    } catch (err) {
      if (isSymmetryError(err, 'platform_rate_limited')) {
        // Not taken by the platform: this one and the rest of the chunk go back to pending for the retry.
        await deps.repos.deliveries.releaseMany([ctx.delivery.id, ...giveBack], statusReadNow ? [ctx.delivery.id] : []);
        throw err;
      }
      if (isSymmetryError(err, 'recipient_unreachable'))
        return void (await deps.repos.deliveries.markFailed(ctx.delivery.id));
      // Maybe taken (a 5xx, a timeout): it stays "sending", and the batch's retry looks for it before sending.
      failure ??= err;
    }
  };
  const contextOf = (item: { delivery: Delivery; member: Member }): DeliveryContext => ({
    ...item,
    round,
    team,
    workspace,
  });
  const stop = () => new SymmetryError('interrupted', { batch });

  try {
    for (const item of loaded.deliveries.filter((d) => d.delivery.state === 'sending')) {
      if (interrupted()) throw stop();
      const existing = await deps.messenger.findCheckin(workspace, item.member.platformUserId, item.delivery.id);
      if (existing) await record(item.delivery.id, existing);
      else await send(contextOf(item), false, []);
    }
    const pending = loaded.deliveries.filter((d) => d.delivery.state === 'pending');
    for (let i = 0; i < pending.length; i += CLAIM_CHUNK) {
      if (interrupted()) throw stop();
      const chunk = pending.slice(i, i + CLAIM_CHUNK);
      const claimed = new Set(
        await deps.repos.deliveries.claimBatch(
          batch,
          chunk.map((d) => d.delivery.id),
        ),
      );
      const mine = chunk.filter((d) => claimed.has(d.delivery.id));
      for (let j = 0; j < mine.length; j++) {
        const rest = mine.slice(j + 1).map((d) => d.delivery.id);
        if (interrupted()) {
          await deps.repos.deliveries.releaseMany(mine.slice(j).map((d) => d.delivery.id));
          throw stop();
        }
        await send(contextOf(mine[j]!), true, rest);
      }
    }
  } finally {
    await flush();
  }
  if (failure) throw failure;
  return sent;
}

/** Sends the one reminder of a delivery that is still unanswered (never a second one). */
export async function sendReminder(deps: WorkerDeps, deliveryId: string): Promise<'sent' | 'skipped'> {
  const ctx = await deps.repos.deliveries.findWithContext(deliveryId);
  if (!ctx || ctx.delivery.answeredAt || ctx.round.status === 'closed' || ctx.delivery.state !== 'sent')
    return 'skipped';
  // Away since the DM went out: no reminder (their own date only; their status is read once a round, at the DM).
  if (isAwayUntil(ctx.member.awayUntil, deps.clock.now())) return 'skipped';
  // Recorded first: a reminder lost to a crash is better than a person reminded twice.
  if (!(await deps.repos.deliveries.markReminded(deliveryId, deps.clock.now()))) return 'skipped';
  await deps.messenger.sendDirect(ctx.workspace, ctx.member.platformUserId, {
    kind: 'reminder',
    locale: resolveLocale(ctx.member.locale, ctx.team.settings.language),
    closesAt: ctx.round.closesAt,
  });
  return 'sent';
}

type AnswerInput = { deliveryId: string; questionId: string } & ({ score: number } | { comment: string });

/**
 * Makes an answer durable (response + "answered" mark in one transaction), then shows the
 * member their saved answer in the DM. The DM says "saved" only after the commit.
 */
/** How many times one answer's job sends the check-in card at most (its update, then any catching up). */
const MAX_CARD_UPDATES = 3;

export async function recordAnswer(deps: WorkerDeps, input: AnswerInput): Promise<'saved' | 'closed' | 'skipped'> {
  const ctx = await deps.repos.deliveries.findWithContext(input.deliveryId);
  if (!ctx) return 'skipped';
  const known = asksScore(ctx.round, input.questionId) || ctx.round.questions.some((q) => q.id === input.questionId);
  if (!known) throw new SymmetryError('invalid_input', { field: 'questionId' });
  const tooLate = async (): Promise<'closed'> => {
    if (ctx.delivery.channelId && ctx.delivery.messageId) {
      await deps.messenger.update(
        ctx.workspace,
        { channelId: ctx.delivery.channelId, messageId: ctx.delivery.messageId },
        { ...(await checkinView(deps, ctx)), closed: true },
      );
    }
    return 'closed';
  };
  if (ctx.round.status === 'closed' || ctx.round.closesAt.getTime() <= deps.clock.now().getTime()) return tooLate();
  const asked = checkinQuestions(ctx.round, resolveLocale(ctx.member.locale, ctx.team.settings.language));
  const base = {
    deliveryId: ctx.delivery.id,
    roundId: ctx.round.id,
    teamId: ctx.team.id,
    questionId: input.questionId,
    respondentHash: respondentHash(deps.anonymitySecret, ctx.round.id, ctx.member.id),
    at: deps.clock.now(),
    // The check-in shows every answer of the person: the save reads the others back (one round trip, not two).
    readBack: askedIds(asked),
  };
  let answer: SavedAnswerRow | null;
  if ('score' in input) {
    if (!validScore(input.questionId, input.score)) throw new SymmetryError('invalid_score');
    answer = await deps.repos.answers.saveScore({ ...base, score: input.score });
  } else {
    // The way back to the author, sealed for this comment only: the manager's reply can reach them, nobody can read who they are.
    const commentId = randomUUID();
    answer = await deps.repos.answers.saveComment({
      ...base,
      comment: input.comment,
      commentId,
      authorSeal: sealAddress(deps.anonymitySecret, commentId, ctx.member.id),
    });
  }
  // The round closed between the check above and the save: nothing was saved, as for any answer after the close.
  if (!answer) return tooLate();
  if (ctx.delivery.channelId && ctx.delivery.messageId) {
    const where = { channelId: ctx.delivery.channelId, messageId: ctx.delivery.messageId };
    let view = await checkinView(deps, ctx, { asked, saved: { questionId: input.questionId, answer } });
    // A score and the comment typed with it are saved by two jobs at once, and their two updates can reach the
    // platform in either order. After ours has landed the answers are read again and the card sent again while
    // it differs: whichever update lands last is followed by a read that sees every answer saved before it.
    for (let sent = 1; ; sent += 1) {
      await deps.messenger.update(ctx.workspace, where, view);
      if (sent === MAX_CARD_UPDATES) break;
      const now = await checkinView(deps, ctx, { asked });
      if (isDeepStrictEqual(now, view)) break;
      view = now;
    }
  } else if (ctx.delivery.state === 'sending') {
    // The DM was clicked before the worker that sent it recorded where it is (say PostgreSQL went away
    // in between). The answer is saved; the retry (saving again is a no-op) shows it once the DM is recorded.
    throw new SymmetryError('delivery_in_flight');
  }
  return 'saved';
}

/** Closes a round whose window has passed and queues its summary; true only for the call that closed it. */
export async function closeRound(deps: WorkerDeps, roundId: string): Promise<boolean> {
  const closed = await deps.repos.rounds.close(roundId, deps.clock.now());
  if (closed) deps.logger.info({ roundId }, 'round closed');
  // Enqueued even when another call closed it: the job id dedupes, and a summary lost to a crash here is retried.
  const round = await deps.repos.rounds.findById(roundId);
  if (round?.status === 'closed' && round.summaryState !== 'posted')
    await deps.queue.enqueue('post-summary', { roundId });
  return closed;
}
