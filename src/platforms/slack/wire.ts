/**
 * Block Kit as the JSON string the Web API call carries. WebClient form-encodes a call and JSON-encodes each
 * argument that is not a scalar; before that, for a debug line it then drops, it walks every argument, key by
 * key, testing each key against two regular expressions (redacting tokens). A check-in's blocks are a few
 * hundred keys, so the walk cost more CPU than the call's own encoding. Handed a string, WebClient sends it as
 * it is: the same request, byte for byte, without the walk.
 */
import type { SlackMessage } from './render';

/** `value` as WebClient would have encoded it, typed as the argument it stands for. */
export function encoded<T extends object>(value: T): T {
  return JSON.stringify(value) as unknown as T;
}

/** A rendered message with its blocks and metadata already encoded. */
export function onTheWire<M extends Partial<SlackMessage>>(message: M): M {
  return {
    ...message,
    ...(message.blocks ? { blocks: encoded(message.blocks) } : {}),
    ...(message.metadata ? { metadata: encoded(message.metadata) } : {}),
  };
}
