/** Signed Slack requests: moved to src/sandbox/slack-requests.ts, shared with the sandbox's simulated people. */
export * from '../../src/sandbox/slack-requests';
