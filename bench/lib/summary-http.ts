/**
 * `/pulse summary` as a manager asks for it: a signed slash command posted to the built web process
 * (`node dist/main/start.js web`), timed from the moment the request is sent until the ephemeral
 * reply reaches the fake Slack's response_url. The chart the summary may bring is a job for the
 * worker and is not in this figure; the web's ack, its query of the year of data, the rendering and
 * the response_url post are.
 */
import type { FakeSlack } from '../../test/support/fake-slack';
import { postToSlackApp, slashCommandBody } from '../../test/support/slack-requests';
import { percentiles, type Percentiles } from './stats';

export interface SummaryHttpTimings {
  /** Request sent → the reply recorded at the response_url, in ms. */
  reply: Percentiles;
  /** Request sent → the web's HTTP answer (the ack), in ms. */
  ack: Percentiles;
  runs: number;
}

/** The teams of the summary seed: channel `CSUM0001`… managed by `USUMMGR` in workspace `TSUMMARYBENCH`. */
export const SUMMARY_WORKSPACE = 'TSUMMARYBENCH';
const SUMMARY_MANAGER = 'USUMMGR';
const channelOf = (n: number) => `CSUM${String(n + 1).padStart(4, '0')}`;
/** The channel's name, as the seed named its team. */
const channelNameOf = (n: number) => `summary-${String(n + 1).padStart(4, '0')}`;

/** Posts `runs` signed `/pulse summary` commands one after another, round robin over `teams` channels. */
export async function timeSummaryOverHttp(
  slack: FakeSlack,
  webUrl: string,
  secret: string,
  teams: number,
  runs: number,
  warmup = 20,
): Promise<SummaryHttpTimings> {
  const replyMs: number[] = [];
  const ackMs: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const id = `summary-${i}`;
    const replied = new Promise<number>((resolve) => {
      const stop = slack.watch((event) => {
        if (event.kind !== 'response' || event.response.id !== id) return;
        stop();
        resolve(performance.now());
      });
    });
    const body = slashCommandBody({
      command: '/pulse',
      text: 'summary',
      userId: SUMMARY_MANAGER,
      channelId: channelOf((i * 7) % teams),
      channelName: channelNameOf((i * 7) % teams),
      teamId: slack.teamId,
      responseUrl: slack.responseUrl(id),
    });
    const sent = performance.now();
    const res = await postToSlackApp(`${webUrl}/slack/events`, { ...body, secret });
    const acked = performance.now();
    if (res.status !== 200) throw new Error(`/pulse summary answered ${res.status}`);
    const at = await Promise.race([
      replied,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no reply in 10 s')), 10_000).unref()),
    ]);
    const reply = JSON.stringify(slack.responses(id)[0] ?? null);
    // A reply that is not the summary (an error, "no summary yet") would time the wrong thing.
    if (!reply.includes('Average mood')) throw new Error(`/pulse summary replied: ${reply.slice(0, 500)}`);
    if (i < warmup) continue;
    replyMs.push(at - sent);
    ackMs.push(acked - sent);
  }
  return { reply: percentiles(replyMs), ack: percentiles(ackMs), runs };
}
