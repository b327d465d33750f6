/**
 * A conversation on a comment as Block Kit (issue #16): however long, every section holds at most 3,000 characters
 * and a message at most 50 blocks, messages are kept whole where they fit, a longer one is cut safely, and a thread
 * too long for one message shows its comment, its newest messages and how many earlier ones are left out.
 */
import type { KnownBlock, SectionBlock } from '@slack/types';
import { translate } from '../../src/core/i18n';
import type { ThreadMessage } from '../../src/core/messages';
import { answerPrivately } from '../../src/platforms/slack/listeners/respond';
import { renderMessage } from '../../src/platforms/slack/render';

type Reply = ThreadMessage['replies'][number];
const fromManager = (text: string): Reply => ({
  fromAuthor: false,
  managerId: 'UMGR',
  text,
  quick: null,
  revealedAs: null,
});
const fromAuthor = (text: string): Reply => ({ ...fromManager(text), fromAuthor: true, managerId: null });

const thread = (comment: string, replies: Reply[], locale = 'en'): ThreadMessage => ({
  kind: 'thread',
  locale,
  viewer: 'manager',
  commentId: 'c1',
  channelId: 'C1',
  comment,
  replies,
  key: 'thread-c1',
});

/** Text of `length` characters, told apart by its tag and ending in a mark that a cut would lose. */
const long = (tag: string, length = 2000) =>
  `${tag} ${'the quick brown fox jumps over the lazy dog '.repeat(50)}`.slice(0, length - 1) + '|';

const sections = (blocks: KnownBlock[] | undefined) =>
  (blocks ?? []).filter((b): b is SectionBlock => b.type === 'section').map((b) => b.text!.text);

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BROKEN_ESCAPE = /&(?!amp;|lt;|gt;)/;

test('a 2,000-character comment and two 2,000-character replies: every character of each, each whole in a section', () => {
  const comment = long('comment');
  const reply = long('reply');
  const answer = long('answer');
  const { blocks } = renderMessage(thread(comment, [fromManager(reply), fromAuthor(answer)]));
  const texts = sections(blocks);
  expect(texts.every((t) => t.length <= 3000)).toBe(true);
  expect(texts.some((t) => t.includes(`> ${comment}`))).toBe(true);
  expect(texts.some((t) => t.includes(`*Manager <@UMGR>*: ${reply}`))).toBe(true);
  expect(texts.some((t) => t.includes(`*Anonymous teammate*: ${answer}`))).toBe(true);
  expect(blocks!.at(-1)).toMatchObject({ type: 'actions' });
});

test('a thread too long for 50 blocks shows its comment, its newest messages and how many earlier ones are not shown', () => {
  const replies = Array.from({ length: 60 }, (_, i) => fromManager(long(`message-${i}`)));
  const { blocks } = renderMessage(thread(long('comment'), replies));
  expect(blocks).toHaveLength(50);
  const texts = sections(blocks);
  expect(texts.every((t) => t.length <= 3000)).toBe(true);
  expect(texts[0]).toContain(long('comment'));
  const shown = replies.filter((r) => texts.some((t) => t.includes(r.text!))).length;
  expect(shown).toBeGreaterThan(40);
  // The newest ones, whole, in order; the note counts the others.
  const all = texts.join('\n');
  replies.slice(-shown).forEach((r, i, newest) => {
    if (i > 0) expect(all.indexOf(r.text!)).toBeGreaterThan(all.indexOf(newest[i - 1]!.text!));
  });
  expect(all).toContain(translate('en', 'thread.earlier_hidden', { count: 60 - shown }));
  expect(all).toContain(`${60 - shown} earlier messages are not shown here.`);
});

test('a message longer than a section is cut safely: no escape, mention or emoji broken, nothing lost', () => {
  // Longer than a reply may be, on purpose: the renderer holds whatever it is given.
  const emoji = '😀'.repeat(2000);
  const { blocks, text } = renderMessage(
    thread('&'.repeat(2000), [fromManager(emoji), fromAuthor('<!channel> <@U1>')]),
  );
  const texts = sections(blocks);
  expect(texts.length).toBeGreaterThan(4);
  for (const t of texts) {
    expect(t.length).toBeLessThanOrEqual(3000);
    expect(t).not.toMatch(LONE_SURROGATE);
    expect(t).not.toMatch(BROKEN_ESCAPE);
  }
  const all = texts.join('\n');
  expect(all.split('&amp;').length - 1).toBe(2000);
  expect(all.split('😀').length - 1).toBe(2000);
  // What people typed is shown, never acted on, in the blocks and the notification alike.
  expect(all).toContain('&lt;!channel&gt; &lt;@U1&gt;');
  expect(text).toContain('&lt;!channel&gt; &lt;@U1&gt;');
  expect(text).not.toContain('<!channel>');
});

test('in Arabic, the direction marks rendering adds stay within each section', () => {
  // Latin words between Arabic commas: each word gets its own isolate, so the text grows as it is rendered.
  const words = 'ok، '.repeat(666);
  const { blocks } = renderMessage(thread(words, [fromManager(words), fromAuthor(words)], 'ar'));
  const texts = sections(blocks);
  expect(texts.every((t) => t.length <= 3000)).toBe(true);
  expect(texts.join('\n').split('ok').length - 1).toBe(666 * 3);
});

test('/pulse conversations with twelve long threads: one answer within 50 blocks, every thread with its buttons', async () => {
  const threads = Array.from({ length: 12 }, (_, i) => ({
    ...thread(long(`comment-${i}`), [fromManager(long(`reply-${i}`)), fromAuthor(long(`answer-${i}`))]),
    commentId: `c${i}`,
  }));
  let sent: { blocks?: KnownBlock[] } = {};
  await answerPrivately(
    async (message) => {
      sent = message as unknown as { blocks?: KnownBlock[] };
      return {} as never;
    },
    { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} } as never,
    async () => ({ key: 'conversations.header', params: { count: 12 }, messages: threads }),
  );
  expect(sent.blocks!.length).toBeLessThanOrEqual(50);
  expect(sent.blocks!.filter((b) => b.type === 'actions')).toHaveLength(12);
  expect(sections(sent.blocks).every((t) => t.length <= 3000)).toBe(true);
  // Each thread shows its newest message.
  for (let i = 0; i < 12; i += 1) expect(sections(sent.blocks).join('\n')).toContain(long(`answer-${i}`));
});
