/**
 * Prometheus metrics (GET /metrics): HTTP requests and ack latency, jobs by queue and state,
 * DMs sent, answers, kudos, platform 429s, Slack payloads handled and refused, Slack's app_rate_limited
 * notices. Counts only — never a person, never an answer.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Queue } from 'bullmq';

export interface Metrics {
  registry: Registry;
  /** Times every HTTP request the server answers (the ack latency Slack sees). */
  observe(server: Server): void;
  /** Counts what a finished job did, by job name and result (e.g. deliver-checkin → sent). */
  jobDone(name: string, result: unknown): void;
  rateLimited(queue: string): void;
  /** Counts a Slack request whose listeners have all finished (or that was dropped before them). */
  slackHandled(outcome: 'ok' | 'failed'): void;
  /** Counts Slack's `app_rate_limited` notices: Slack is dropping this workspace's events for the rest of the hour. */
  slackAppRateLimited(workspace: string): void;
  /** Counts Slack payloads answered without Bolt: refused as malformed, or ignored (a type no listener knows). */
  slackScreened(verdict: 'refused' | 'ignored'): void;
  /** Reports job counts per queue and state at scrape time. */
  watchQueues(queues: Queue[]): void;
  handler(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

const STATES = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized', 'waiting-children'] as const;

/** Creates one process's registry with every Symmetry metric. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'symmetry_process_' });
  const requests = new Counter({
    name: 'symmetry_http_requests_total',
    help: 'HTTP requests answered, by route and status',
    labelNames: ['route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'symmetry_http_ack_seconds',
    help: 'Time from request to response (Slack wants under 3 s)',
    labelNames: ['route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const dms = new Counter({
    name: 'symmetry_dms_sent_total',
    help: 'Check-in DMs and reminders sent',
    labelNames: ['kind'],
    registers: [registry],
  });
  const answers = new Counter({
    name: 'symmetry_answers_total',
    help: 'Answers made durable',
    labelNames: ['kind'],
    registers: [registry],
  });
  const kudos = new Counter({
    name: 'symmetry_kudos_total',
    help: 'Kudos recorded, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const limited = new Counter({
    name: 'symmetry_platform_rate_limited_total',
    help: 'Platform 429 answers (the queue paused for Retry-After)',
    labelNames: ['queue'],
    registers: [registry],
  });
  const slackHandled = new Counter({
    name: 'symmetry_slack_requests_handled_total',
    help: 'Slack requests whose listeners have all finished, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const slackAppRateLimited = new Counter({
    name: 'symmetry_slack_app_rate_limited_total',
    help: "Slack's app_rate_limited notices: events from the workspace are being dropped (over 30,000 an hour)",
    labelNames: ['workspace'],
    registers: [registry],
  });
  const slackScreened = new Counter({
    name: 'symmetry_slack_payloads_screened_total',
    help: 'Signed Slack payloads answered without Bolt: refused (malformed, 400) or ignored (no listener kind, 200)',
    labelNames: ['verdict'],
    registers: [registry],
  });
  const jobs = new Counter({
    name: 'symmetry_jobs_processed_total',
    help: 'Jobs finished by this process',
    labelNames: ['job'],
    registers: [registry],
  });
  let watched: Queue[] = [];
  new Gauge({
    name: 'symmetry_jobs',
    help: 'Jobs by queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      this.reset();
      for (const queue of watched) {
        const counts = await queue.getJobCounts(...STATES).catch(() => null);
        if (counts) for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
      }
    },
  });

  return {
    registry,
    observe(server) {
      server.on('request', (req: IncomingMessage, res: ServerResponse) => {
        const started = process.hrtime.bigint();
        const route = (req.url ?? '/').split('?')[0]!;
        res.on('finish', () => {
          const known = ['/slack/events', '/api/messages', '/api/signals', '/healthz', '/metrics'].includes(route)
            ? route
            : 'other';
          requests.inc({ route: known, status: String(res.statusCode) });
          latency.observe({ route: known }, Number(process.hrtime.bigint() - started) / 1e9);
        });
      });
    },
    jobDone(name, result) {
      jobs.inc({ job: name });
      if (name === 'deliver-checkin' && result === 'sent') dms.inc({ kind: 'checkin' });
      if (name === 'deliver-checkins' && typeof result === 'number' && result > 0) dms.inc({ kind: 'checkin' }, result);
      if (name === 'send-reminder' && result === 'sent') dms.inc({ kind: 'reminder' });
      if ((name === 'record-score' || name === 'record-comment') && result === 'saved')
        answers.inc({ kind: name === 'record-score' ? 'score' : 'comment' });
      if (name === 'kudos-reaction' && typeof result === 'string') kudos.inc({ outcome: result });
      if (name === 'kudos-command' && typeof result === 'number' && result > 0) kudos.inc({ outcome: 'given' }, result);
    },
    rateLimited(queue) {
      limited.inc({ queue });
    },
    slackHandled(outcome) {
      slackHandled.inc({ outcome });
    },
    slackAppRateLimited(workspace) {
      slackAppRateLimited.inc({ workspace });
    },
    slackScreened(verdict) {
      slackScreened.inc({ verdict });
    },
    watchQueues(queues) {
      watched = queues;
    },
    async handler(_req, res) {
      res.writeHead(200, { 'content-type': registry.contentType });
      res.end(await registry.metrics());
    },
  };
}

let shared: Metrics | undefined;

/** The process's one registry: web and worker in one process (`start all`) report together. */
export function processMetrics(): Metrics {
  shared ??= createMetrics();
  return shared;
}
