/**
 * The `/pulse summary` client, in its own process as the ack load generator is: it posts the signed commands
 * to the web process one after another and receives the replies at a response_url of its own (a fake Slack
 * started here, empty but for them). So the timing is the web's path and the two hops to and from it, not the
 * bench process's garbage collection of everything the runs before it held.
 * Reads { webUrl, secret, teams, runs } on stdin; prints one JSON line, the SummaryHttpTimings.
 */
import { startFakeSlack } from '../test/support/fake-slack';
import { readJsonInput } from './lib/stdin';
import { SUMMARY_WORKSPACE, timeSummaryOverHttp } from './lib/summary-http';

interface Input {
  webUrl: string;
  secret: string;
  teams: number;
  runs: number;
}

async function main(): Promise<void> {
  const input = await readJsonInput<Input>();
  if (new URL(input.webUrl).hostname !== '127.0.0.1') throw new Error('commands go to loopback only');
  const slack = await startFakeSlack({ teamId: SUMMARY_WORKSPACE });
  try {
    const timings = await timeSummaryOverHttp(slack, input.webUrl, input.secret, input.teams, input.runs);
    process.stdout.write(`${JSON.stringify(timings)}\n`);
  } finally {
    await slack.close();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.stack ?? err.message}\n`);
  process.exit(1);
});
