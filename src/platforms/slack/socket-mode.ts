/**
 * Socket Mode with the same screen as HTTP (payload-screen.ts). Bolt's own SocketModeReceiver hands
 * every envelope straight to @slack/socket-mode's parser, which reads `payload.event.type` of any
 * `events_api` envelope: one without an inner event (Slack's `app_rate_limited` notice has none)
 * throws there, in a listener nothing awaits, and the process dies (slackapi/node-slack-sdk#2167,
 * still open). So this receiver owns the client: frames the parser would throw on never reach it,
 * every envelope's payload is screened, and only a payload Bolt can route is handed to Bolt.
 * Whatever is not handed on is acknowledged at once, so Slack does not redeliver it.
 */
import type { App, Receiver } from '@slack/bolt';
import type { Logger as BoltLogger } from '@slack/web-api';
import { SocketModeClient, type SocketModeOptions } from '@slack/socket-mode';
import type { Logger } from '../../core/ports';
import { screenSlackPayload, type Verdict } from './payload-screen';

/** The envelope type an `events_api` envelope without an inner event is renamed to before parsing. */
const WITHOUT_EVENT = 'events_api_without_event';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

type Report = (verdict: Exclude<Verdict, { kind: 'pass' }>, transport: 'socket') => void;

/** The client, minus the frames its parser would throw on. */
class ScreeningSocketModeClient extends SocketModeClient {
  constructor(
    options: SocketModeOptions,
    private readonly screenReport: Report,
  ) {
    super(options);
  }

  protected override async onWebSocketMessage(data: string | ArrayBuffer, isBinary: boolean): Promise<void> {
    if (isBinary) return super.onWebSocketMessage(data, isBinary);
    let frame: unknown;
    try {
      frame = JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data));
    } catch {
      // The parser logs and drops text that is not JSON.
      return super.onWebSocketMessage(data, isBinary);
    }
    // It reads `frame.type` first: `null` or a number would throw. Nothing to acknowledge without an envelope id.
    if (!isRecord(frame))
      return this.screenReport(
        { kind: 'refused', code: 'body_not_object', detail: 'a Socket Mode frame that is not an object' },
        'socket',
      );
    // Should Slack send the notice bare rather than in an envelope, it still counts.
    if (frame.envelope_id === undefined && frame.type === 'app_rate_limited') {
      const verdict = screenSlackPayload(frame);
      return verdict.kind === 'pass' ? undefined : this.screenReport(verdict, 'socket');
    }
    if (frame.type === 'events_api' && !(isRecord(frame.payload) && isRecord(frame.payload.event))) {
      // Still parsed and acknowledged through the client (its `send` is private), under a name it does not dig into.
      return super.onWebSocketMessage(JSON.stringify({ ...frame, type: WITHOUT_EVENT }), false);
    }
    return super.onWebSocketMessage(data, isBinary);
  }
}

export interface SocketModeTransportOptions {
  appToken: string;
  logger: Logger;
  boltLogger: BoltLogger;
  /** For apps.connections.open (e.g. `slackApiUrl`). */
  clientOptions: SocketModeOptions['clientOptions'];
  report: Report;
}

interface SlackEventArgs {
  ack(response?: Record<string, unknown>): Promise<void>;
  body: unknown;
  retry_num?: number;
  retry_reason?: string;
}

/** A Bolt receiver for Socket Mode that screens every envelope before Bolt sees it. */
export class SocketModeTransport implements Receiver {
  private app: App | undefined;
  private readonly client: ScreeningSocketModeClient;

  constructor(private readonly options: SocketModeTransportOptions) {
    this.client = new ScreeningSocketModeClient(
      { appToken: options.appToken, logger: options.boltLogger, clientOptions: options.clientOptions },
      options.report,
    );
    this.client.on('slack_event', (args: SlackEventArgs) => void this.dispatch(args));
  }

  init(app: App): void {
    this.app = app;
  }

  start(): Promise<unknown> {
    return this.client.start();
  }

  stop(): Promise<void> {
    return this.client.disconnect();
  }

  private async dispatch({ ack, body, retry_num, retry_reason }: SlackEventArgs): Promise<void> {
    try {
      const verdict = screenSlackPayload(body);
      if (verdict.kind !== 'pass') {
        this.options.report(verdict, 'socket');
        await ack();
        return;
      }
      let acked = false;
      const ackOnce = async (response?: Record<string, unknown>) => {
        if (acked) return;
        acked = true;
        await ack(response);
      };
      await this.app!.processEvent({
        body: body as Record<string, unknown>,
        ack: ackOnce,
        retryNum: retry_num,
        retryReason: retry_reason,
      });
    } catch (err) {
      // As Bolt's own receiver does: left unacknowledged, so Slack delivers it again.
      this.options.logger.error({ err: (err as Error).message }, 'Slack Socket Mode envelope failed');
    }
  }
}
