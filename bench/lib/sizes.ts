/** How big each step of `npm run bench` is: the full run, and BENCH_QUICK=1 for working on the benchmark itself. */
import type { Sizes } from './report';
import { DASHBOARD_SHAPE } from './dashboard';
import { FULL_SHAPE } from './summary';

export const FULL_SIZES: Sizes = {
  fanOut: 20_000,
  ackRate: 200,
  ackSeconds: 30,
  ackWarmupSeconds: 2,
  slices: 4,
  sliceSize: 2500,
  // 64 batches of 100: one wave for 4 workers × 16, four for one worker.
  scaleOut: 6400,
  slackDelayMs: 150,
  scaleLimit: 1000,
  scaleCappedLimit: 200,
  limited: 1000,
  limit: 20,
  concurrency: 16,
  summaryRuns: 500,
  summary: FULL_SHAPE,
  dashboardRuns: 300,
  dashboard: DASHBOARD_SHAPE,
};

export const QUICK_SIZES: Sizes = {
  fanOut: 2000,
  ackRate: 200,
  ackSeconds: 5,
  ackWarmupSeconds: 1,
  slices: 2,
  sliceSize: 500,
  scaleOut: 1600,
  slackDelayMs: 150,
  scaleLimit: 1000,
  scaleCappedLimit: 100,
  limited: 200,
  limit: 20,
  concurrency: 16,
  summaryRuns: 50,
  summary: { teams: 20, roundsPerTeam: 52, teamSize: 100, responses: 100_000 },
  dashboardRuns: 30,
  dashboard: { ...DASHBOARD_SHAPE, teams: 20, responses: 100_000, smallTeams: 2 },
};
