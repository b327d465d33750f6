/** The dashboard's HTML and CSV, from plain data: escaping, the dash under k, no inline script or style, direction, exports. */
import { buildHeatmap, HEATMAP_MEASURES, type Heatmap, type HeatmapMeasure } from '../../src/core/dashboard';
import { DRIVERS } from '../../src/core/drivers/bank';
import type { DriverReading } from '../../src/core/drivers/report';
import { SUPPORTED_LANGUAGES } from '../../src/core/i18n';
import type { MyPageData, TeamPageData } from '../../src/core/use-cases/dashboard';
import { csvCell, toCsv } from '../../src/dashboard/pages/csv';
import { heatmapCsv, renderHeatmap } from '../../src/dashboard/pages/heatmap-page';
import { renderPage } from '../../src/dashboard/pages/html';
import { myPageCsv, renderMyPage } from '../../src/dashboard/pages/my-page';
import { renderTeamPage, teamCsv } from '../../src/dashboard/pages/team-page';

const FROM = new Date('2026-09-01T00:00:00Z');
const TO = new Date('2026-11-30T23:30:00Z');
const round = (roundId: string, respondents: number, mean: number, invited = respondents) => ({
  roundId,
  respondents,
  scoreSum: respondents * mean,
  invited,
  closesAt: FROM,
  driverItems: [],
  enps: false,
  scores: [],
});

/** Two teams shown (one named with markup), two under k pooled to a figure. */
function sampleHeatmap(): Heatmap {
  return buildHeatmap(
    [
      {
        teamId: 'a',
        channelId: 'C<script>',
        name: null,
        threshold: 5,
        disabledDrivers: [],
        rounds: [round('r1', 5, 7.4, 6)],
      },
      { teamId: 'b', channelId: 'CB', name: null, threshold: 5, disabledDrivers: [], rounds: [round('r2', 10, 3)] },
      {
        teamId: 'c',
        channelId: 'CSECRET1',
        name: null,
        threshold: 5,
        disabledDrivers: [],
        rounds: [round('r3', 2, 9)],
      },
      {
        teamId: 'd',
        channelId: 'CSECRET2',
        name: null,
        threshold: 5,
        disabledDrivers: [],
        rounds: [round('r4', 3, 9)],
      },
    ],
    5,
    { from: FROM, to: TO },
  );
}

const team: TeamPageData = {
  team: { id: 'team-1', channelId: 'CTEAM', name: null },
  threshold: 5,
  symmetry: {
    rounds: [
      {
        roundId: 'r1',
        closesAt: new Date('2026-11-06T17:00:00Z'),
        mood: 7.5,
        moodChange: null,
        responseRate: 0.8,
        csat: 91,
        csatChange: null,
        nps: 20,
        npsChange: null,
      },
      {
        roundId: 'r2',
        closesAt: new Date('2026-11-13T17:00:00Z'),
        mood: null,
        moodChange: null,
        responseRate: null,
        csat: null,
        csatChange: null,
        nps: null,
        npsChange: null,
      },
    ],
    readings: { csat: null, nps: null },
  },
  actions: [
    {
      id: 'x',
      teamId: 'team-1',
      text: '<img src=x onerror=alert(1)> Fewer meetings',
      createdBy: 'U0',
      createdAt: new Date('2026-11-01T10:00:00Z'),
      doneAt: null,
    },
  ],
  drivers: {
    threshold: 5,
    drivers: DRIVERS.map((driver): DriverReading => {
      if (driver === 'recognition') return { driver, state: 'shown', score: 7.25, change: -0.5 };
      if (driver === 'growth') return { driver, state: 'shown', score: 8, change: null };
      if (driver === 'wellbeing') return { driver, state: 'withheld' };
      if (driver === 'autonomy') return { driver, state: 'off' };
      return { driver, state: 'not_asked' };
    }),
    focus: { lowest: ['recognition'], strongest: 'growth' },
    associations: null,
    enps: {
      kind: 'shown',
      roundId: 'r1',
      score: 20,
      promoters: 2,
      passives: 2,
      detractors: 1,
      mean: 7.8,
      respondents: 5,
    },
    power: null,
  },
  unansweredComments: 2,
};

const mine: MyPageData = {
  answers: [{ closesAt: new Date('2026-11-13T17:00:00Z'), open: false, score: 8, commented: true }],
  kudos: [{ giver: 'U2', reason: '=HYPERLINK("http://evil")', values: [], givenAt: new Date('2026-11-20T09:00:00Z') }],
  managedTeams: [{ id: 'team-1', channelId: 'C<b>', name: null }],
};

const page = (locale: string, body: string) =>
  renderPage({ locale, title: 'x', section: 'org', isOrgAdmin: true, csrfToken: 'tok"en', body });

describe('heatmap page', () => {
  it('writes the number in every shown cell, a dash with words under k, and never names a pooled team', () => {
    const html = renderHeatmap('en', sampleHeatmap());
    expect(html).toContain('<td class="heat heat-3">7.4</td>');
    expect(html).toContain('<td class="heat heat-4">83%</td>');
    expect(html).toContain('<td class="heat heat-1">3.0</td>');
    expect(html).toContain('<th scope="row" class="other">Other teams (2)</th><td class="heat heat-4">9.0</td>');
    expect(html).not.toMatch(/CSECRET/);
    expect(html).toContain('<th scope="col">Mood (1–10)</th>');
    expect(html).toContain('<caption id="heatmap-caption">');
    expect(html).toContain('<div class="table-scroll" role="region" tabindex="0" aria-labelledby="heatmap-caption">');
    expect(html).toContain('<th scope="col">eNPS (−100 to +100)</th><th scope="col">Recognition</th>');
  });

  it('shows the dash, with words for screen readers, in every cell of a pool that does not reach k', () => {
    const map = buildHeatmap(
      [
        { teamId: 'c', channelId: 'C1', name: null, threshold: 5, disabledDrivers: [], rounds: [round('r3', 2, 9)] },
        { teamId: 'd', channelId: 'C2', name: null, threshold: 5, disabledDrivers: [], rounds: [round('r4', 2, 9)] },
      ],
      4,
      { from: FROM, to: TO },
    );
    const html = renderHeatmap('en', map);
    const dashes = html.match(
      /<td class="heat heat-none"><span aria-hidden="true">–<\/span><span class="sr-only">too few answers to show<\/span><\/td>/g,
    );
    // One pooled row, 11 columns (mood, response rate, eNPS, 8 drivers).
    expect(dashes).toHaveLength(11);
    expect(html).not.toMatch(/>9\.0</);
  });

  it('escapes a channel name and links each team to its page', () => {
    const html = renderHeatmap('en', sampleHeatmap());
    expect(html).toContain('<a href="/dashboard/teams/a">#C&lt;script&gt;</a>');
    expect(html).not.toContain('<script>');
  });

  it('draws a column per measure, so a new measure is one entry', () => {
    const nps: HeatmapMeasure = { key: 'nps', label: 'dashboard.team.nps', format: 'signed', min: -100, max: 100 };
    const map = { ...sampleHeatmap(), measures: [...HEATMAP_MEASURES, nps] };
    map.rows = map.rows.map((r) => ({ ...r, values: { ...r.values, nps: r.kind === 'team' ? 35 : null } }));
    const html = renderHeatmap('en', map);
    expect(html).toContain('<th scope="col">Customer NPS</th>');
    expect(html).toContain('<td class="heat heat-3">+35</td>');
  });

  it('exports the same rows as CSV, an empty cell where the page shows a dash', () => {
    const map = sampleHeatmap();
    map.rows[0]!.values = { ...map.rows[0]!.values, enps: -40, recognition: 8.5 };
    map.rows.push({ kind: 'other', teams: 3, values: {} });
    expect(heatmapCsv('en', map)).toBe(
      '\uFEFFTeam,Mood (1–10),Response rate,eNPS (−100 to +100),Recognition,Growth,Workload and wellbeing,' +
        'Relationship with the manager,Peers and collaboration,Alignment and purpose,Autonomy,Customer focus\r\n' +
        '#C<script>,7.4,0.8333333333333334,-40,8.5,,,,,,,\r\n#CB,3,1,,,,,,,,,\r\nOther teams (2),9,1,,,,,,,,,\r\n' +
        'Other teams (3),,,,,,,,,,,\r\n',
    );
  });
});

describe('team page', () => {
  it('shows the chart as an image with alt text, the rounds table with a dash under k, actions escaped, unanswered count', () => {
    const html = renderTeamPage('en', team);
    expect(html).toContain('<img class="chart" src="/dashboard/teams/team-1/chart.svg" alt="Team mood per round');
    expect(html).toContain(
      '<td class="num">7.5</td><td class="num">80%</td><td class="num">91.0</td><td class="num">+20</td>',
    );
    expect(html).toMatch(/<th scope="row">[^<]+<\/th><td class="num"><span aria-hidden="true">–/);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; Fewer meetings');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('no manager has answered yet: 2');
    expect(html).toContain('No customer CSAT or NPS');
  });

  it('says in the CSV when there is no action, and leaves out the unanswered count the page does not show', () => {
    const csv = teamCsv('en', { ...team, actions: [], unansweredComments: null });
    expect(csv).toMatch(/\r\nAction,Status\r\nNo actions yet\.\r\n$/);
    expect(csv).not.toContain('Unanswered');
  });

  it('shows each driver: its score and change, the dash alone under k, why none when off or not asked; focus and eNPS', () => {
    const html = renderTeamPage('en', team);
    expect(html).toContain('<th scope="col">Driver</th><th scope="col">Latest score (1–10)</th>');
    expect(html).toContain(
      '<tr><th scope="row">Recognition</th><td class="num">7.3</td><td class="num">▼0.5</td></tr>',
    );
    expect(html).toContain(
      '<tr><th scope="row">Growth</th><td class="num">8.0</td><td class="num">First reading</td></tr>',
    );
    expect(html).toContain(
      '<tr><th scope="row">Workload and wellbeing</th><td class="num"><span aria-hidden="true">–</span>' +
        '<span class="sr-only">too few answers to show</span></td><td class="num"><span aria-hidden="true">–',
    );
    expect(html).toContain('<tr><th scope="row">Autonomy</th><td colspan="2">Switched off</td></tr>');
    expect(html).toContain('<tr><th scope="row">Customer focus</th><td colspan="2">Not asked yet</td></tr>');
    expect(html).toContain('<p>Focus areas: Recognition. Strongest: Growth.</p>');
    expect(html).toContain('<p>eNPS <strong>+20</strong> (from −100 to +100)');
  });

  it('exports the rounds, the drivers, the actions and the unanswered count as CSV with empty cells under k', () => {
    expect(teamCsv('en', team)).toBe(
      '\uFEFFRound closed,Mood (1–10),Response rate,Customer CSAT,Customer NPS\r\n2026-11-06,7.5,0.8,91,20\r\n2026-11-13,,,,\r\n' +
        '\r\nDriver,Latest score (1–10),Change since last asked\r\nRecognition,7.3,-0.5\r\nGrowth,8,\r\n' +
        'Workload and wellbeing,,\r\nRelationship with the manager,Not asked yet,\r\nPeers and collaboration,Not asked yet,\r\n' +
        'Alignment and purpose,Not asked yet,\r\nAutonomy,Switched off,\r\nCustomer focus,Not asked yet,\r\n' +
        'Focus areas: Recognition. Strongest: Growth.\r\neNPS (−100 to +100),20\r\n' +
        '\r\nAction,Status\r\n<img src=x onerror=alert(1)> Fewer meetings,"Open, since Sun, Nov 1"\r\n' +
        '\r\nUnanswered comments,2\r\n',
    );
  });
});

describe('my page', () => {
  it('lists my answers and kudos, escaped, and neutralises a formula in the CSV', () => {
    const html = renderMyPage('en', mine);
    expect(html).toContain('<td class="num">8</td><td>with a comment</td>');
    expect(html).toContain('=HYPERLINK(&quot;http://evil&quot;)');
    expect(myPageCsv('en', mine)).toContain('U2,"\'=HYPERLINK(""http://evil"")"');
  });

  it('links the teams I manage to their pages, under a heading, and says nothing of teams when I manage none', () => {
    expect(renderMyPage('en', mine)).toContain(
      '<h2 id="teams">Teams I manage</h2>\n<ul class="teams"><li><a href="/dashboard/teams/team-1">Team #C&lt;b&gt;</a></li></ul>',
    );
    expect(renderMyPage('en', { ...mine, managedTeams: [] })).not.toContain('id="teams"');
  });
});

describe('every page, in every language', () => {
  const bodies = (locale: string) => [
    renderHeatmap(locale, sampleHeatmap()),
    renderTeamPage(locale, team),
    renderMyPage(locale, mine),
  ];

  it.each(SUPPORTED_LANGUAGES)(
    '%s: lang and dir on <html>, every placeholder filled, no inline script or style',
    (locale) => {
      for (const body of bodies(locale)) {
        const html = page(locale, body);
        expect(html).toContain(`<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">`);
        expect(html).not.toMatch(/\{[a-z]+\}/);
        expect(html).not.toMatch(/<script/i);
        // An attribute inside a real tag (escaped text cannot open one).
        expect(html).not.toMatch(/<[a-z][^<>]*\s(?:style|on[a-z]+)=/i);
        expect(html).toContain('<link rel="stylesheet" href="/dashboard/static/dashboard.css">');
        expect(html).toContain('<input type="hidden" name="_csrf" value="tok&quot;en">');
      }
    },
  );
});

describe('CSV cells', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2', "'-2"],
    ['@x', "'@x"],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['line\nbreak', '"line\nbreak"'],
  ])('%j is written %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });

  it('writes numbers as they are, negative ones included, and null as an empty cell', () => {
    expect(toCsv([[-12, 7.5, null]])).toBe('\uFEFF-12,7.5,\r\n');
  });
});
