/** Teams named after their channel: what is kept of a name a platform sends, and where Teams' activities carry it. */
import { cleanChannelName, MAX_CHANNEL_NAME } from '../../src/core/channel-name';
import { teamsChannelName } from '../../src/platforms/teams/text';

describe('cleanChannelName', () => {
  it.each([
    ['team-pulse', 'team-pulse'],
    ['  Customer   care  ', 'Customer care'],
    ['#general', 'general'],
    ['line\nbreak\ttab', 'line break tab'],
    ['a\u0000b\u007fc\u0085d', 'a b c d'],
    ['\u202Egnp.exe\u202C', 'gnp.exe'],
    ['<b>x</b>', '<b>x</b>'],
    ['=1+1', '=1+1'],
    ['', null],
    [' \u0007 ', null],
    ['#', null],
  ])('%j is kept as %j', (raw, kept) => {
    expect(cleanChannelName(raw)).toBe(kept);
  });

  it('keeps at most MAX_CHANNEL_NAME characters, never half an emoji', () => {
    expect(cleanChannelName('x'.repeat(200))).toBe('x'.repeat(MAX_CHANNEL_NAME));
    expect(cleanChannelName(`${'x'.repeat(MAX_CHANNEL_NAME - 1)}🎉🎉`)).toBe(`${'x'.repeat(MAX_CHANNEL_NAME - 1)}🎉`);
  });

  it('takes nothing that is not text', () => {
    expect(cleanChannelName(undefined)).toBeNull();
    expect(cleanChannelName(42)).toBeNull();
  });
});

describe('Teams channel names', () => {
  const inChannel = (channelData: unknown) => ({ conversation: { conversationType: 'channel' }, channelData });

  it("reads the channel's name, or for the General channel (no name) the team's", () => {
    expect(teamsChannelName(inChannel({ team: { name: 'Sales' }, channel: { id: '19:x', name: 'Planning' } }))).toBe(
      'Planning',
    );
    expect(teamsChannelName(inChannel({ team: { name: 'Sales' }, channel: { id: '19:x' } }))).toBe('Sales');
    expect(teamsChannelName(inChannel({ team: { name: 'Sales' }, channel: { id: '19:x', name: ' ' } }))).toBe('Sales');
    expect(teamsChannelName(inChannel({ channel: { id: '19:x' } }))).toBeNull();
  });

  it('names nothing outside a channel', () => {
    const data = { team: { name: 'Sales' }, channel: { name: 'Planning' } };
    expect(teamsChannelName({ conversation: { conversationType: 'personal' }, channelData: data })).toBeNull();
    expect(teamsChannelName({ conversation: { conversationType: 'groupChat' }, channelData: data })).toBeNull();
  });
});
