/**
 * Second baseline for the fan-out: the Slack calls alone. `count` check-in DMs, rendered exactly as
 * the worker renders them, posted with the app's own Slack client (`createSlackClient`: WebClient
 * over our undici fetch) to the same fake Slack, `concurrency` at a time, with no queue, no database
 * and no pacing. What a worker could reach if everything but `chat.postMessage` itself were free.
 * Its own process, like the app's worker. Prints one JSON line: { calls, seconds, perSecond }.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../src/core/ports';
import { createSlackClient } from '../src/platforms/slack/client';
import { renderMessage } from '../src/platforms/slack/render';

interface Input {
  count: number;
  concurrency: number;
  slackUrl: string;
  userIds: string[];
}

async function readInput(): Promise<Input> {
  let raw = '';
  for await (const chunk of process.stdin) raw += String(chunk);
  return JSON.parse(raw) as Input;
}

const silent: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silent,
};

async function main(): Promise<void> {
  const input = await readInput();
  const client = createSlackClient('xoxb-bench-token', input.slackUrl, silent);
  const closesAt = new Date(Date.now() + 72 * 3_600_000);
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: input.concurrency }, async () => {
      while (next < input.count) {
        const i = next++;
        const message = renderMessage({
          kind: 'checkin',
          locale: 'en-US',
          deliveryId: randomUUID(),
          threshold: 5,
          closesAt,
          closed: false,
          answer: null,
          scaleQuestions: [],
          textQuestions: [],
        });
        await client.chat.postMessage({ channel: input.userIds[i % input.userIds.length]!, ...message });
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(`${JSON.stringify({ calls: input.count, seconds, perSecond: input.count / seconds })}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
