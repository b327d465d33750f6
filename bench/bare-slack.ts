/**
 * Second baseline for the fan-out: the Slack calls alone. Per slice, `count` check-ins, each the two calls
 * the worker makes (the person's status, `users.info`, then the DM rendered exactly as the worker renders
 * it, with the questions the app's round of the slice asks: the mood and the rotation's driver items), with the
 * app's own Slack client (`createSlackClient`: WebClient over our undici fetch, the blocks encoded as the worker
 * hands them over: `onTheWire`) to the same fake Slack, `concurrency` at a time, with no queue, no database and
 * no pacing. What a worker could reach if everything but those calls were free. Its own process, like the app's
 * worker, serving slices (bench/lib/slices.ts): setup line { concurrency, slackUrl }, then { count, userIds } per
 * slice, answered { count, seconds, perSecond }.
 */
import { randomUUID } from 'node:crypto';
import { signClick } from '../src/core/click-proof';
import { checkinQuestions } from '../src/core/drivers/checkin';
import type { Logger } from '../src/core/ports';
import { createSlackClient } from '../src/platforms/slack/client';
import { renderMessage } from '../src/platforms/slack/render';
import { onTheWire } from '../src/platforms/slack/wire';
import { serveSlices, type SliceResult } from './lib/slices';

interface Setup {
  concurrency: number;
  slackUrl: string;
}
interface Slice {
  count: number;
  userIds: string[];
  /** The driver items the app's round of this slice asks (each a scale question of its own, with its proof). */
  driverItems: string[];
}

const silent: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silent,
};

serveSlices<Setup, Slice, SliceResult>(async (setup) => {
  const client = createSlackClient('xoxb-bench-token', setup.slackUrl, silent);
  return {
    async slice({ count, userIds, driverItems }) {
      const closesAt = new Date(Date.now() + 72 * 3_600_000);
      let next = 0;
      const started = performance.now();
      await Promise.all(
        Array.from({ length: setup.concurrency }, async () => {
          while (next < count) {
            const i = next++;
            const deliveryId = randomUUID();
            // The same DM as ours: the round's questions, each with its click proof (signing is a few microseconds).
            const asked = checkinQuestions({ questions: [], driverItems, enps: false }, 'en-US');
            const proofs = Object.fromEntries(
              ['mood', ...asked.scale.map((q) => q.id)].map((questionId) => [
                questionId,
                signClick(
                  'bench-secret',
                  { deliveryId, questionId, platform: 'slack', workspaceExternalId: 'T0', userId: 'U0' },
                  { closesAt, locale: 'en-US', threshold: 5, hasTextQuestions: false },
                ),
              ]),
            );
            const message = renderMessage({
              kind: 'checkin',
              locale: 'en-US',
              deliveryId,
              proofs,
              threshold: 5,
              closesAt,
              closed: false,
              answer: null,
              scaleQuestions: asked.scale.map((q) => ({ ...q, score: null })),
              textQuestions: [],
            });
            // The same two calls as our DM: the person's away status, then the check-in.
            const user = userIds[i % userIds.length]!;
            await client.users.info({ user });
            await client.chat.postMessage({ channel: user, ...onTheWire(message) });
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      return { count, seconds, perSecond: count / seconds };
    },
    close: async () => undefined,
  };
}).catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
