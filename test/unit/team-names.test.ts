/**
 * Teams shown by their channel's name: what is kept of a name a platform sends, where Teams' activities carry
 * it, and how the heatmap (page, CSV and the App Home image) labels its rows with it.
 */
import { cleanChannelName, MAX_CHANNEL_NAME, teamLabel } from '../../src/core/channel-name';
import { buildHeatmap, heatmapRowLabels, type HeatmapTeamFacts } from '../../src/core/dashboard';
import { heatmapCsv } from '../../src/dashboard/pages/heatmap-page';
import { heatmapChartSpec } from '../../src/platforms/charts/heatmap-chart';
import { renderSpecSvg } from '../../src/platforms/charts/render';
import { teamsChannelName } from '../../src/platforms/teams/text';

const FROM = new Date('2026-09-01T00:00:00Z');
const TO = new Date('2026-11-30T23:30:00Z');

/** A team shown on the heatmap: one round of five answers of 7. */
const team = (teamId: string, channelId: string, name: string | null): HeatmapTeamFacts => ({
  teamId,
  channelId,
  name,
  threshold: 5,
  disabledDrivers: [],
  rounds: [
    {
      roundId: `r-${teamId}`,
      respondents: 5,
      scoreSum: 35,
      invited: 5,
      closesAt: FROM,
      driverItems: [],
      enps: false,
      scores: [],
    },
  ],
});

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

  it('labels a team #name, else #<channel id>', () => {
    expect(teamLabel({ channelId: 'C04ABC', name: 'ops' })).toBe('#ops');
    expect(teamLabel({ channelId: 'C04ABC', name: null })).toBe('#C04ABC');
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

describe('heatmap rows by name', () => {
  const map = () =>
    buildHeatmap(
      [
        team('a', 'C1', 'support'),
        team('b', 'C2', null),
        team('c', 'C3', 'planning'),
        team('d', 'C4', 'planning'),
        team('e', 'C5', '<b>x</b>'),
      ],
      0,
      { from: FROM, to: TO },
    );

  it('sorts teams by name and tells two teams of one name apart by their channel id', () => {
    expect(heatmapRowLabels('en', map().rows)).toEqual([
      '#<b>x</b>',
      '#C2',
      '#planning (C3)',
      '#planning (C4)',
      '#support',
    ]);
  });

  it('writes the same labels in the CSV', () => {
    const rows = heatmapCsv('en', map()).split('\r\n').slice(1, -1);
    expect(rows.map((r) => r.split(',')[0])).toEqual([
      '#<b>x</b>',
      '#C2',
      '#planning (C3)',
      '#planning (C4)',
      '#support',
    ]);
  });

  it('draws one row per team in the App Home image, each name escaped in its SVG', async () => {
    const spec = heatmapChartSpec(map(), 'en') as { encoding: { y: { sort: string[] } } };
    expect(spec.encoding.y.sort).toEqual(heatmapRowLabels('en', map().rows));
    const svg = await renderSpecSvg(heatmapChartSpec(map(), 'en'));
    expect(svg).toContain('#&lt;b&gt;x&lt;/b&gt;');
    expect(svg).not.toContain('<b>');
    expect(svg).toContain('#planning (C3)');
    expect(svg).toContain('#planning (C4)');
  });
});
