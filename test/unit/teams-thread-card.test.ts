/** A conversation's Teams card stays under Teams' message size whatever the thread's length: the newest messages shown. */
import type { ThreadMessage } from '../../src/core/messages';
import { THREAD_CARD_TEXT_BYTES, threadCard } from '../../src/platforms/teams/thread-card';

/** Teams refuses a message past about 28 KB. */
const TEAMS_LIMIT_BYTES = 28_000;

const thread = (locale: string, replies: number, length: number, letter = 'x'): ThreadMessage => ({
  kind: 'thread',
  locale,
  viewer: 'manager',
  commentId: 'c1',
  channelId: '19:team@thread.tacv2',
  comment: letter.repeat(2000),
  replies: Array.from({ length: replies }, (_, i) => ({
    fromAuthor: i % 2 === 1,
    managerId: i % 2 === 1 ? null : 'UMGR',
    text: `${i}:${letter.repeat(length)}`,
    quick: null,
    revealedAs: null,
  })),
  key: 'k1',
});

const bytesOf = (m: ReturnType<typeof threadCard>) => Buffer.byteLength(JSON.stringify(m));

test('a short thread is shown whole, with no line about earlier messages', () => {
  const card = threadCard(thread('en', 3, 100), new Map());
  const text = JSON.stringify(card);
  for (const i of [0, 1, 2]) expect(text).toContain(`${i}:${'x'.repeat(100)}`);
  expect(text).not.toContain('not shown here');
});

test('a long thread keeps the comment and the newest messages whole, says how many earlier ones are not shown, and fits', () => {
  // 30 messages of 2,000 characters: about 60 KB of text.
  const card = threadCard(thread('en', 30, 2000), new Map());
  const text = JSON.stringify(card);
  expect(bytesOf(card)).toBeLessThan(TEAMS_LIMIT_BYTES);
  expect(text).toContain('x'.repeat(2000)); // the comment
  expect(text).toContain(`29:${'x'.repeat(2000)}`); // the newest
  const shown = [...text.matchAll(/"(\d+):x{2000}"/g)].map((r) => Number(r[1]));
  // The newest ones, in order, as many as the budget holds; the rest counted.
  const hidden = 30 - shown.length;
  expect(shown).toEqual(Array.from({ length: shown.length }, (_, i) => hidden + i));
  expect(shown.length * 2000).toBeLessThanOrEqual(THREAD_CARD_TEXT_BYTES);
  expect(text).toContain(`${hidden} earlier messages are not shown here.`);
});

test('in Arabic (two bytes a letter) it still fits', () => {
  const card = threadCard(thread('ar', 30, 2000, 'ع'), new Map());
  expect(bytesOf(card)).toBeLessThan(TEAMS_LIMIT_BYTES);
  expect(JSON.stringify(card)).toContain(`29:${'ع'.repeat(2000)}`);
});
