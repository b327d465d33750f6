/**
 * Baseline for ack latency: a bare Bolt app (App with its default HTTPReceiver, the same Bolt
 * version as ours) with one action listener that only acks, in its own process like our web
 * process. It verifies signatures exactly as ours does. Env: PORT, SLACK_SIGNING_SECRET, SLACK_API_URL.
 */
import { App, LogLevel } from '@slack/bolt';

async function main(): Promise<void> {
  const app = new App({
    token: 'xoxb-bench-bare',
    signingSecret: process.env.SLACK_SIGNING_SECRET!,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL! },
    customRoutes: [{ path: '/healthz', method: ['GET'], handler: (_req, res) => void res.writeHead(200).end('ok') }],
  });
  app.action(/^checkin_score_\d+$/, async ({ ack }) => {
    await ack();
  });
  await app.start(Number(process.env.PORT));
  process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
