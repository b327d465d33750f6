/** One Messenger for the workers: each call goes to the platform of its workspace (Slack or Teams). */
import { SymmetryError } from '../core/errors';
import type { Platform, Workspace } from '../core/model';
import type { Messenger } from '../core/ports';
import { readProfiles } from '../core/use-cases/membership';

/**
 * Routes every Messenger call by `workspace.platform`; a platform that is not configured is a permanent error.
 * An optional capability is there when some configured platform has it; asked of a platform without it, the call
 * fails as `unsupported` (permanent), never silently.
 */
export function routeByPlatform(messengers: Partial<Record<Platform, Messenger>>): Messenger {
  const configured = Object.values(messengers);
  const pick = (workspace: Pick<Workspace, 'platform'>): Messenger => {
    const messenger = messengers[workspace.platform];
    if (!messenger)
      throw new SymmetryError('invalid_input', { error: `platform_not_configured_${workspace.platform}` });
    return messenger;
  };
  /** An optional capability: there when some configured platform has it, `unsupported` for a workspace whose platform lacks it. */
  const optional = <
    K extends 'publishHome' | 'openCommentForm',
    W extends Pick<Workspace, 'platform'>,
    A extends unknown[],
  >(
    name: K,
    get: (m: Messenger) => ((w: W, ...a: A) => Promise<void>) | undefined,
  ): Partial<Record<K, (w: W, ...a: A) => Promise<void>>> => {
    if (!configured.some((m) => get(m))) return {};
    const call = async (w: W, ...a: A) => {
      const messenger = pick(w);
      const method = get(messenger);
      if (!method) throw new SymmetryError('unsupported', { capability: name, platform: w.platform });
      return method.call(messenger, w, ...a);
    };
    return { [name]: call } as Partial<Record<K, (w: W, ...a: A) => Promise<void>>>;
  };
  return {
    sendDirect: (w, ...a) => pick(w).sendDirect(w, ...a),
    update: (w, ...a) => pick(w).update(w, ...a),
    postToChannel: (w, ...a) => pick(w).postToChannel(w, ...a),
    getMessage: (w, ...a) => pick(w).getMessage(w, ...a),
    getUser: (w, ...a) => pick(w).getUser(w, ...a),
    findCheckin: (w, ...a) => pick(w).findCheckin(w, ...a),
    findDirect: (w, ...a) => pick(w).findDirect(w, ...a),
    findPosted: (w, ...a) => pick(w).findPosted(w, ...a),
    ...optional('publishHome', (m) => m.publishHome),
    ...optional('openCommentForm', (m) => m.openCommentForm),
    // Where the workspace's platform reads no directory, each profile is its own getUser.
    getUsers: (w, ids) => readProfiles(pick(w), w, ids),
    sendFile: (w, ...a) => pick(w).sendFile(w, ...a),
    listChannelMembers: (w, ...a) => pick(w).listChannelMembers(w, ...a),
    postImage: (w, ...a) => pick(w).postImage(w, ...a),
    sendDirectImage: (w, ...a) => pick(w).sendDirectImage(w, ...a),
    // A platform without statuses (Teams) has no readStatus: nobody there is away by status.
    readStatus: async (w, userId) => (await pick(w).readStatus?.(w, userId)) ?? null,
  };
}
