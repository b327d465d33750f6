/** A Symmetry install serves one workspace: requests naming another are acknowledged and dropped. */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { translate } from '../../core/i18n';

/** The workspace a request says it comes from, wherever that payload type keeps it. */
export function payloadTeamId(body: unknown): string | undefined {
  const b = body as {
    team_id?: string;
    team?: { id?: string } | null;
    user?: { team_id?: string };
    authorizations?: Array<{ team_id?: string }>;
  };
  return b.authorizations?.[0]?.team_id ?? b.team_id ?? b.team?.id ?? b.user?.team_id ?? undefined;
}

/** Global middleware: anything from a workspace other than `teamId` is answered and goes no further. */
export function ownWorkspaceOnly(teamId: string): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const from = payloadTeamId(args.body);
    if (!from || from === teamId) return args.next();
    const ack = (args as { ack?: (response?: unknown) => Promise<void> }).ack;
    const isCommand = typeof (args.body as { command?: unknown }).command === 'string';
    if (ack) await ack(isCommand ? translate('en', 'error.other_workspace') : undefined);
  };
}
