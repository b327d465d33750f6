/**
 * A positive sign that the app has finished with a Slack request, so a test can then check that
 * nothing changed: never a fixed sleep. Each way a request can end moves its own counter on
 * /metrics, and any job it queued has run once the app's queues are idle.
 */
import { waitFor } from './app-process';
import type { QueueWatch } from './e2e-world';
import { counter } from './prometheus';

/**
 * Where a request ends: the HTTP answer itself (a 401, Bolt's url_verification or ssl_check reply, all
 * written last), refused or ignored by the payload screen, Slack's app_rate_limited notice, or Bolt's
 * listeners (which run after the ack).
 */
export type Ending = 'answer' | 'refused' | 'ignored' | 'rate-limited' | 'listeners';

const SIGNS: Record<Exclude<Ending, 'answer'>, [string, Record<string, string>]> = {
  refused: ['symmetry_slack_payloads_screened_total', { verdict: 'refused' }],
  ignored: ['symmetry_slack_payloads_screened_total', { verdict: 'ignored' }],
  'rate-limited': ['symmetry_slack_app_rate_limited_total', {}],
  listeners: ['symmetry_slack_requests_handled_total', {}],
};

/** Runs `send`, waits for the sign of `ending` on the app's /metrics, then for its queues to be idle; returns what `send` returned. */
export async function sendAndSettle<T>(
  appUrl: string,
  queues: QueueWatch,
  ending: Ending,
  send: () => Promise<T>,
): Promise<T> {
  const sign = ending === 'answer' ? undefined : SIGNS[ending];
  const before = sign ? await counter(appUrl, ...sign) : 0;
  const result = await send();
  if (sign)
    await waitFor(async () => (await counter(appUrl, ...sign)) > before, `${sign[0]} to move (${ending})`, 10_000);
  await waitFor(() => queues.idle(), 'the queues to be idle', 10_000);
  return result;
}
