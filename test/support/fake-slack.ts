/**
 * The fake Slack Web API now lives in src/sandbox/fake-slack.ts, shared with the sandbox. Tests get
 * it from here with Socket Mode attached (test/support/fake-socket-mode.ts needs `ws`, a dev dependency).
 */
import {
  startFakeSlack as startSharedFakeSlack,
  type FakeSlack as SharedFakeSlack,
  type FakeSlackOptions,
} from '../../src/sandbox/fake-slack';
import { attachSocketMode, type FakeSocketMode } from './fake-socket-mode';

export * from '../../src/sandbox/fake-slack';

export interface FakeSlack extends SharedFakeSlack {
  /** Socket Mode: `apps.connections.open` (with an `xapp-` token) hands out URLs served here. */
  readonly socketMode: FakeSocketMode;
}

/** Starts the fake on 127.0.0.1 with a random port, Socket Mode included; `close()` when done. */
export async function startFakeSlack(opts: Omit<FakeSlackOptions, 'socketMode'> = {}): Promise<FakeSlack> {
  let api: FakeSocketMode | undefined;
  const slack = await startSharedFakeSlack({
    ...opts,
    socketMode: (server, o) => {
      const socket = attachSocketMode(server, o);
      api = socket.api;
      return { open: (origin) => socket.open(origin), close: () => socket.api.close() };
    },
  });
  return Object.assign(slack, { socketMode: api! });
}
