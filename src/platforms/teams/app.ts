/**
 * botbuilder's CloudAdapter behind POST /api/messages: authentication (single tenant or a user-assigned
 * managed identity), the body read from Node's request, the turn handed to the bot. Transport only.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type Request,
  type Response,
  type TurnContext,
} from 'botbuilder';
import { createRefusalLog } from '../refusal-log';
import type { Logger } from '../../core/ports';
import type { SymmetryTeamsBot } from './bot';

export interface TeamsAuthOptions {
  /** Microsoft App ID of the Azure Bot; required unless `allowUnauthenticated`. */
  appId?: string;
  /** Client secret (SingleTenant). */
  appPassword?: string;
  tenantId?: string;
  appType: 'SingleTenant' | 'UserAssignedMSI';
  /** Accept unauthenticated requests and make unauthenticated calls: local tests only (config refuses it in production). */
  allowUnauthenticated: boolean;
}

/** Largest activity accepted (Teams caps messages near 100 KB; a card submit is far smaller). */
const MAX_BODY_BYTES = 1024 * 1024;

/** The CloudAdapter, authenticating every request; with an empty app id botbuilder would not, so that needs the explicit opt-in. */
/**
 * botbuilder's CloudAdapter, except that a request it cannot authenticate (no token, a forged or expired one) is
 * answered 401 here, with our log line: its own `process()` prints the error's stack trace to stderr for every
 * such request, and anyone can send them. The line is written once per reason, then at most once a minute.
 */
class TeamsCloudAdapter extends CloudAdapter {
  constructor(
    auth: ConstructorParameters<typeof CloudAdapter>[0],
    private readonly refused: (reason: string) => void,
  ) {
    super(auth);
  }

  protected override async processActivity(
    authorization: string | Parameters<CloudAdapter['processActivity']>[0],
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    try {
      return typeof authorization === 'string'
        ? await super.processActivity(authorization, activity, logic)
        : await super.processActivity(authorization, activity, logic);
    } catch (err) {
      // botframework-connector's AuthenticationError, which process() answers 401 whatever its own status code.
      if (!(err instanceof Error) || err.constructor.name !== 'AuthenticationError') throw err;
      this.refused(err.message);
      return { status: 401 };
    }
  }
}

export function createTeamsAdapter(auth: TeamsAuthOptions, logger: Logger): CloudAdapter {
  if (!auth.allowUnauthenticated && !auth.appId)
    throw new Error('Teams needs TEAMS_APP_ID (authentication is never turned off by accident)');
  const settings = auth.allowUnauthenticated
    ? {}
    : {
        MicrosoftAppId: auth.appId,
        MicrosoftAppTenantId: auth.tenantId,
        // botbuilder spells the managed identity type "UserAssignedMsi".
        MicrosoftAppType: auth.appType === 'UserAssignedMSI' ? 'UserAssignedMsi' : 'SingleTenant',
        ...(auth.appType === 'SingleTenant' ? { MicrosoftAppPassword: auth.appPassword } : {}),
      };
  const refused = createRefusalLog(logger, (reason) => `Teams request refused: ${reason}`);
  const adapter = new TeamsCloudAdapter(new ConfigurationBotFrameworkAuthentication(settings), refused);
  adapter.onTurnError = async (context, error) => {
    logger.error(
      { err: error.message, activityType: context.activity.type, name: context.activity.name },
      'teams turn failed',
    );
  };
  return adapter;
}

/** Reads the request body as JSON (bounded); null when it is not JSON. */
async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null | 'too_large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too_large';
    chunks.push(chunk as Buffer);
  }
  try {
    const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** botbuilder's Response on top of Node's ServerResponse. */
function toBotResponse(res: ServerResponse): Response {
  return {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
    },
    send(body: unknown) {
      if (body === undefined || res.writableEnded) return;
      if (typeof body === 'string' || Buffer.isBuffer(body)) {
        res.write(body);
      } else {
        if (!res.headersSent) res.setHeader('content-type', 'application/json; charset=utf-8');
        res.write(JSON.stringify(body));
      }
    },
    end() {
      if (!res.writableEnded) res.end();
    },
  };
}

/** The handler of POST /api/messages: authenticate, run the bot, answer (invokes carry their response). */
export function createTeamsRequestHandler(
  adapter: CloudAdapter,
  bot: SymmetryTeamsBot,
  logger: Logger,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    try {
      const body = await readJson(req);
      if (body === 'too_large') return void res.writeHead(413).end();
      if (body === null) return void res.writeHead(400).end();
      const request: Request = { body, headers: req.headers, method: req.method ?? 'POST' };
      await adapter.process(request, toBotResponse(res), (context) => bot.run(context));
    } catch (err) {
      logger.error({ err: (err as Error).message }, 'teams request failed');
      if (!res.headersSent) res.writeHead(500);
      if (!res.writableEnded) res.end();
    }
  };
}
