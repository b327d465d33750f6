/** What a command receives from a platform and what it answers: shared by every use case that replies to a person. */
import type { Token } from '../commands/mentions';
import type { MessageKey, MessageParams } from '../i18n';
import type { OutboundMessage } from '../messages';
import type { Platform } from '../model';

/** A reply shown only to the person who ran the command, with optional rich messages under it. */
export interface Reply {
  key: MessageKey;
  params?: MessageParams;
  /** The language to answer in (the caller's; English when unknown). */
  locale?: string;
  messages?: OutboundMessage[];
  /** A second sentence after the first (e.g. that a chart is on its way to the caller's DM). */
  note?: MessageKey;
}

/** A `/pulse` command as a platform hands it to the core. */
export interface CommandInput {
  platform: Platform;
  workspaceExternalId: string;
  channelId: string;
  /**
   * The channel's display name as the platform sent it with the command (Slack's `channel_name`, Teams' channel
   * or team name), unchecked: the core cleans it (cleanChannelName) and keeps it on the channel's team.
   */
  channelName?: string | null;
  userId: string;
  text: string;
  /** The text already split by the platform's own tokenizer (Teams); when set, `text` is not parsed. */
  tokens?: readonly Token[];
  /**
   * Typed in a 1:1 chat with the bot (Teams), where no team lives: team commands then act on the one
   * team the caller manages, and `setup` is refused (a team is a channel).
   */
  direct?: boolean;
  /** The caller's locale as this request tells it (Teams sends the client's), preferred to the one on record. */
  locale?: string | null;
}
