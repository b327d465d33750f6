/**
 * A worker started alone (`node dist/main/start.js worker`, as `npm run start:worker` and the
 * worker container do) serves GET /metrics on METRICS_PORT: its own jobs, the queues, its process.
 */
import { randomBytes } from 'node:crypto';
import { freePort, startApp, waitFor, type AppProcess } from '../support/app-process';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack';

let slack: FakeSlack;
let worker: AppProcess | undefined;

beforeAll(async () => {
  slack = await startFakeSlack({ teamId: 'T0WMET' });
});
afterAll(async () => {
  await worker?.stop();
  await slack.close();
});

test('a worker started alone with METRICS_PORT serves its /metrics there: its ticks, the queues, its process', async () => {
  const metricsPort = await freePort();
  const prefix = `${process.env.QUEUE_PREFIX ?? 'symtest'}m${randomBytes(3).toString('hex')}`;
  worker = await startApp(
    {
      SLACK_BOT_TOKEN: 'xoxb-e2e-token',
      SLACK_SIGNING_SECRET: `e2e-secret-${randomBytes(8).toString('hex')}`,
      SLACK_API_URL: slack.url,
      DATABASE_URL: process.env.DATABASE_URL!,
      REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
      QUEUE_PREFIX: prefix,
      ANONYMITY_SECRET: randomBytes(32).toString('hex'),
      LOG_LEVEL: 'info',
      TICK_SECONDS: '1',
      METRICS_PORT: String(metricsPort),
    },
    'worker',
  );
  const url = `http://127.0.0.1:${metricsPort}`;
  // The worker's own tick, counted by the worker process: these are its metrics, not a web process's.
  const scrape = async () => {
    if (worker!.child.exitCode !== null)
      throw new Error(`the worker exited with ${worker!.child.exitCode}:\n${worker!.output()}`);
    const res = await fetch(`${url}/metrics`).catch(() => null);
    const body = res?.status === 200 ? await res.text() : '';
    return /^symmetry_jobs_processed_total\{job="tick"\} [1-9]/m.test(body) ? { res: res!, body } : null;
  };
  const { res, body } = await waitFor(scrape, 'the worker to serve /metrics with its ticks', 30_000, 200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  expect(body).toMatch(new RegExp(`^symmetry_jobs\\{queue="[^"]+",state="completed"\\} \\d+`, 'm'));
  expect(body).toMatch(/^symmetry_process_nodejs_heap_size_used_bytes \d+/m);
  expect(body).toContain('# TYPE symmetry_dms_sent_total counter');
  // Only /metrics: the worker has no web routes.
  expect((await fetch(`${url}/healthz`)).status).toBe(404);
  expect(worker.output()).toMatch(/"msg":"workers running"/);
  expect(await worker.stop()).toBe(0);
});
