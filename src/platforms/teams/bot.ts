/**
 * The Teams bot: every handler parses the activity, calls the core, and renders the answer. Work
 * that talks to Teams later (check-ins, summaries, shout-outs) is queued by the core, never done here.
 */
import {
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type MessageReaction,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
} from 'botbuilder';
import { z } from 'zod';
import { resolveLocale, translate, type MessageKey, type MessageParams } from '../../core/i18n';
import { MOOD_QUESTION_ID } from '../../core/model';
import { acceptComments, acceptScore, type AcceptResult } from '../../core/use-cases/answers';
import {
  noteGroupMembershipChange,
  noteMessageKudos,
  noteShoutoutReaction,
  rememberConversation,
} from '../../core/use-cases/conversations';
import type { WebDeps } from '../../core/use-cases/deps';
import { runKudosCommand } from '../../core/use-cases/kudos';
import { runPulseCommand } from '../../core/use-cases/pulse-command';
import type { Reply } from '../../core/use-cases/reply';
import type { Logger } from '../../core/ports';
import type { TeamsMessenger } from './messenger';
import { COMMENT_INPUT_ID, COMMENT_VERB, peopleIn, renderReply, SCORE_VERB, TEXT_INPUT_PREFIX } from './render';
import { runThreadAction } from './thread-actions';
import { THREAD_VERB_PREFIX } from './thread-card';
import {
  baseConversationId,
  isBotId,
  mentionedIds,
  teamsChannelName,
  tokenizeTeamsText,
  toTeamsMarkdown,
  toTeamsPlainText,
  type MentionEntity,
} from './text';
import { MAX_COMMAND_LENGTH } from '../../core/commands/limits';
import { keywordOf } from '../../core/commands/words';

/** The message action's command id in the app manifest. */
export const GIVE_KUDOS_COMMAND = 'giveKudos';
/** Reactions on the bot's own shout-outs that count as "+1" (Teams' classic types, and the newer emoji ids). */
const PLUS_ONE = /^(like|heart)$|thumbsup|heart/i;

const ScoreData = z.object({
  d: z.string().min(1).max(100),
  q: z.string().min(1).max(100).optional(),
  s: z.coerce.number(),
  [COMMENT_INPUT_ID]: z.string().max(4000).optional(),
});
const CommentData = z.object({ d: z.string().min(1).max(100), [COMMENT_INPUT_ID]: z.string().max(4000).optional() });
/** The typed answers on a submitted card: the mood comment and each free-text question's input (`q_<id>`). */
const TypedAnswers = z.record(z.string(), z.unknown());

function typedAnswers(data: unknown): Array<{ questionId: string; text: string }> {
  const parsed = TypedAnswers.safeParse(data);
  if (!parsed.success) return [];
  return Object.entries(parsed.data).flatMap(([key, value]) => {
    if (typeof value !== 'string') return [];
    if (key === COMMENT_INPUT_ID) return [{ questionId: MOOD_QUESTION_ID, text: value }];
    if (key.startsWith(TEXT_INPUT_PREFIX) && key.length > TEXT_INPUT_PREFIX.length)
      return [{ questionId: key.slice(TEXT_INPUT_PREFIX.length), text: value }];
    return [];
  });
}

export interface TeamsBotOptions {
  deps: WebDeps;
  messenger: TeamsMessenger;
  logger: Logger;
  /** The only tenant served (single-tenant bots); activities from any other are refused. */
  tenantId?: string;
}

const platform = 'teams' as const;

/** The tenant an activity comes from. */
function tenantOf(context: TurnContext): string | null {
  const a = context.activity;
  return a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id ?? null;
}

/** The people an activity names (its sender and its mentions), so a reply can mention them back. */
function namesOf(context: TurnContext): Map<string, string> {
  const a = context.activity;
  const names = new Map<string, string>();
  if (a.from?.id && a.from.name) names.set(a.from.id, a.from.name);
  for (const e of (a.entities ?? []) as MentionEntity[])
    if (e.type === 'mention' && e.mentioned?.id && e.mentioned.name) names.set(e.mentioned.id, e.mentioned.name);
  return names;
}

/**
 * The names a command's reply mentions: those the activity carries (its sender, its mentions), then the others
 * (say the other managers of a thread) looked up in the conversation the command came from, so that nobody a
 * reply names shows as "someone". A lookup that fails leaves that person unnamed.
 */
async function replyNames(context: TurnContext, reply: Reply): Promise<Map<string, string>> {
  const names = namesOf(context);
  const locale = reply.locale ?? senderLocale(context);
  const ids = new Set([
    ...mentionedIds(translate(locale, reply.key, reply.params as MessageParams | undefined)),
    ...(reply.messages ?? []).flatMap(peopleIn),
  ]);
  for (const id of ids) {
    if (names.has(id)) continue;
    const member = await TeamsInfo.getMember(context, id).catch(() => null);
    if (member?.name) names.set(id, member.name);
  }
  return names;
}

/** The language of the person who wrote the activity (Teams sends their client's locale), English when unknown. */
function senderLocale(context: TurnContext): string {
  return resolveLocale(context.activity.locale);
}

/** A message to send back: the reply's sentence, in the reply's language (else the sender's), with rich messages under it. */
function replyMessage(reply: Reply, names: Map<string, string>, fallbackLocale: string) {
  return renderReply(
    reply.locale ?? fallbackLocale,
    reply.key,
    reply.params as MessageParams | undefined,
    reply.messages ?? [],
    names,
    reply.note,
  );
}

/** Plain text of a Teams message body (HTML), for the shout-out's excerpt. */
function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/p>|<\/div>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** The Symmetry bot for Teams. `run(context)` is handed to CloudAdapter.process. */
export class SymmetryTeamsBot extends TeamsActivityHandler {
  private readonly deps: WebDeps;
  private readonly messenger: TeamsMessenger;
  private readonly log: Logger;
  private readonly tenantId: string | undefined;

  constructor(options: TeamsBotOptions) {
    super();
    this.deps = options.deps;
    this.messenger = options.messenger;
    this.log = options.logger;
    this.tenantId = options.tenantId;

    // Every activity: check the tenant, remember the conversation and what its sender told us.
    this.onTurn(async (context, next) => {
      const tenant = tenantOf(context);
      if (!tenant) return;
      if (this.tenantId && tenant.toLowerCase() !== this.tenantId.toLowerCase()) {
        this.log.warn({ tenant }, 'teams activity from another tenant refused');
        if (context.activity.type === 'message')
          await context.sendActivity(translate(senderLocale(context), 'error.other_workspace'));
        return;
      }
      await rememberConversation(this.deps, this.heardFrom(context, tenant));
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.command(context);
      await next();
    });

    this.onTeamsMembersAddedEvent(async (members, team, context, next) => {
      await this.membership(
        context,
        team?.id,
        members.map((m) => m.id),
        'joined',
      );
      await next();
    });
    this.onTeamsMembersRemovedEvent(async (members, team, context, next) => {
      await this.membership(
        context,
        team?.id,
        members.map((m) => m.id),
        'left',
      );
      await next();
    });

    this.onReactionsAdded(async (context, next) => {
      await this.reactions(context, context.activity.reactionsAdded ?? [], 'add');
      await next();
    });
    this.onReactionsRemoved(async (context, next) => {
      await this.reactions(context, context.activity.reactionsRemoved ?? [], 'remove');
      await next();
    });
  }

  /** The conversation and the sender, as the core stores them. */
  private heardFrom(context: TurnContext, tenant: string) {
    const a = context.activity;
    const type = a.conversation?.conversationType;
    const conversationId = baseConversationId(a.conversation?.id ?? '');
    const reference = TurnContext.getConversationReference(a);
    delete reference.activityId;
    const sender = a.from && !isBotId(a.from.id) ? a.from : null;
    const personal = type === 'personal' && sender;
    const teamId = (a.channelData as { team?: { id?: string } } | undefined)?.team?.id ?? null;
    return {
      platform,
      workspaceExternalId: tenant,
      conversation: conversationId
        ? {
            conversationId,
            kind: personal ? ('personal' as const) : ('channel' as const),
            userId: personal ? sender.id : null,
            groupId: personal ? null : teamId,
            reference: { ...reference, conversation: { ...reference.conversation, id: conversationId } } as Record<
              string,
              unknown
            >,
          }
        : null,
      user: sender
        ? {
            id: sender.id,
            directoryId: sender.aadObjectId ?? null,
            timezone: (a as { localTimezone?: string }).localTimezone ?? null,
            locale: a.locale ?? null,
          }
        : null,
    };
  }

  /** `pulse …` or `kudos …` typed to the bot; in a 1:1 chat the word `pulse` may be left out. */
  private async command(context: TurnContext): Promise<void> {
    const a = context.activity;
    if (a.value || !a.text) return; // card submits arrive as invokes (Action.Execute); nothing else to read
    const tenant = tenantOf(context)!;
    const direct = a.conversation?.conversationType === 'personal';
    const channelId = baseConversationId(a.conversation.id);
    const text = a.text;
    const tokens = tokenizeTeamsText(
      text.slice(0, MAX_COMMAND_LENGTH + 1),
      (a.entities ?? []) as MentionEntity[],
      a.recipient?.id,
    );
    const head = keywordOf(tokens[0]);
    const rest = head === 'pulse' || head === 'kudos' ? tokens.slice(1) : tokens;
    let reply: Reply;
    // Longer input is refused before it is read, as the parsers do for Slack.
    if (text.length > MAX_COMMAND_LENGTH) {
      reply = {
        key: 'parse.too_long',
        params: { command: head === 'kudos' ? 'kudos' : 'pulse', length: text.length, max: MAX_COMMAND_LENGTH },
      };
    } else if (head === 'kudos') {
      reply = await runKudosCommand(this.deps, {
        platform,
        workspaceExternalId: tenant,
        channelId,
        userId: a.from.id,
        text,
        tokens: rest,
        commandId: a.id ?? `${channelId}-${a.timestamp}`,
      });
    } else {
      reply = await runPulseCommand(this.deps, {
        platform,
        workspaceExternalId: tenant,
        channelId,
        channelName: teamsChannelName(a),
        userId: a.from.id,
        text,
        tokens: rest,
        direct,
        locale: a.locale ?? null,
      });
    }
    const message = replyMessage(reply, await replyNames(context, reply), senderLocale(context));
    if (direct) {
      await context.sendActivity(message);
      return;
    }
    // Teams has no private replies in a channel: answer in the person's 1:1 chat with the bot.
    const workspace = await this.deps.repos.workspaces.ensure(platform, tenant);
    const sent = await this.messenger.sendPrivately(workspace, a.from.id, message).catch((err: Error) => {
      this.log.warn({ err: err.message }, 'could not answer a command privately');
      return null;
    });
    // Only when no 1:1 chat is possible, and never for the caller's own answers, is the reply shown in the thread.
    if (!sent && reply.key !== 'mine.list') await context.sendActivity(message);
  }

  /** People joined or left a team: every Symmetry team in one of its channels follows. */
  private async membership(
    context: TurnContext,
    teamId: string | undefined,
    ids: string[],
    change: 'joined' | 'left',
  ): Promise<void> {
    if (!teamId) return;
    const a = context.activity;
    for (const id of ids) {
      if (id === a.recipient?.id || isBotId(id)) continue;
      await noteGroupMembershipChange(this.deps, {
        platform,
        workspaceExternalId: tenantOf(context)!,
        groupId: teamId,
        userId: id,
        change,
        eventKey: `${a.id ?? a.timestamp ?? ''}-${id}`.slice(0, 200),
      });
    }
  }

  /** 👍 and ❤️ on the bot's own shout-outs are "+1"s; Teams reports no other reactions to bots. */
  private async reactions(context: TurnContext, reactions: MessageReaction[], action: 'add' | 'remove'): Promise<void> {
    const a = context.activity;
    if (!a.replyToId || !reactions.some((r) => PLUS_ONE.test(r.type))) return;
    await noteShoutoutReaction(this.deps, {
      platform,
      workspaceExternalId: tenantOf(context)!,
      giver: a.from.id,
      channelId: baseConversationId(a.conversation.id),
      messageId: a.replyToId,
      action,
      eventKey: (a.id ?? `${a.replyToId}-${a.from.id}-${action}-${a.timestamp}`).slice(0, 200),
    });
  }

  /** A score (and the comment typed with it) or a comment alone, from the check-in card; a thread's buttons go to their own module. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const a = context.activity;
    const verb = value.action?.verb;
    if (verb?.startsWith(THREAD_VERB_PREFIX))
      return runThreadAction(
        this.deps,
        {
          platform,
          workspaceExternalId: tenantOf(context)!,
          userId: a.from.id,
          clickId: a.id ?? `${a.timestamp}`,
          locale: senderLocale(context),
        },
        value,
        senderLocale(context),
      );
    const target = (deliveryId: string, suffix = '') => ({
      platform,
      workspaceExternalId: tenantOf(context)!,
      userId: a.from.id,
      deliveryId,
      clickId: `${a.id ?? a.timestamp}${suffix}`,
    });
    let result: AcceptResult = { ok: false, key: 'answer.invalid' };
    if (verb === SCORE_VERB) {
      const data = ScoreData.safeParse(value.action.data);
      if (data.success) {
        result = await acceptScore(this.deps, target(data.data.d), {
          score: data.data.s,
          questionId: data.data.q ?? MOOD_QUESTION_ID,
        });
        // Whatever was typed on the card goes with a mood click, as it would with the Save button.
        const typed = typedAnswers(value.action.data).filter((p) => p.text.trim() !== '');
        if (result.ok && typed.length && (data.data.q ?? MOOD_QUESTION_ID) === MOOD_QUESTION_ID)
          result = await acceptComments(this.deps, target(data.data.d, '-c'), typed);
      }
    } else if (verb === COMMENT_VERB) {
      const data = CommentData.safeParse(value.action.data);
      if (data.success) result = await acceptComments(this.deps, target(data.data.d), typedAnswers(value.action.data));
    }
    // The card is updated by the job once PostgreSQL has the answer; until then the person sees "saving".
    const key: MessageKey = result.ok ? 'answer.saving' : result.key;
    const params = result.ok ? {} : result.params;
    return {
      statusCode: 200,
      type: 'application/vnd.microsoft.activity.message',
      value: toTeamsMarkdown(translate(result.ok ? result.locale : senderLocale(context), key, params)).text,
    } as unknown as AdaptiveCardInvokeResponse;
  }

  /** "Give kudos" on a message: recorded at once (the dialog shows the answer), whether Teams fetches a task or submits. */
  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.giveKudos(context, action);
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    return this.giveKudos(context, action);
  }

  private async giveKudos(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    const a = context.activity;
    const payload = action.messagePayload;
    const answer = (text: string): MessagingExtensionActionResponse => ({ task: { type: 'message', value: text } });
    const locale = senderLocale(context);
    if (action.commandId !== GIVE_KUDOS_COMMAND || !payload?.id)
      return answer(toTeamsPlainText(translate(locale, 'usage.kudos')));
    const author = payload.from?.user;
    const authorName = author?.displayName ?? '';
    // The sentences name the author as a person; the dialog shows them by the name the message carries.
    const byName = new Map([['author', authorName || 'This app']]);
    if (!author?.id) return answer(toTeamsPlainText(translate(locale, 'kudos.bot', { user: 'author' }), byName));
    // Message actions name the author by their Microsoft Entra id; the bot speaks in Teams user ids.
    const authorId = author.id.startsWith('29:')
      ? author.id
      : ((await TeamsInfo.getMember(context, author.id).catch(() => null))?.id ?? null);
    if (!authorId) return answer(toTeamsPlainText(translate(locale, 'kudos.unknown_user', { user: 'author' }), byName));
    const reply = await noteMessageKudos(this.deps, {
      platform,
      workspaceExternalId: tenantOf(context)!,
      giver: a.from.id,
      author: authorId,
      channelId: baseConversationId(a.conversation.id),
      messageId: payload.id,
      text: htmlToText(payload.body?.content ?? ''),
      permalink: payload.linkToMessage ?? null,
      eventKey: (a.id ?? `${payload.id}-${a.from.id}-${a.timestamp}`).slice(0, 200),
    });
    const names = new Map([[authorId, authorName]]);
    return answer(toTeamsPlainText(translate(reply.locale ?? locale, reply.key, reply.params), names));
  }
}
