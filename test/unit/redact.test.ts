import {
  REDACTED_EMAIL,
  REDACTED_GROUP,
  REDACTED_PERSON,
  REDACTED_PHONE,
  REDACTION_TOKENS,
  redactComment,
} from '../../src/core/redact';

describe('redactComment: what is replaced', () => {
  const cases: [string, string, string][] = [
    // Slack and Teams mentions
    ['slack user mention', 'thanks <@U123ABC> for the help', 'thanks [someone] for the help'],
    ['slack user mention with label', 'ask <@W99|alex smith> about it', 'ask [someone] about it'],
    ['slack mentions glued together', '<@U1><@U2>, <@U3>!', '[someone][someone], [someone]!'],
    ['slack here', '<!here> we need to talk', '[group] we need to talk'],
    ['slack channel broadcast', 'why <!channel|channel> again', 'why [group] again'],
    ['slack everyone', '<!everyone> is tired', '[group] is tired'],
    ['slack user group', 'the <!subteam^S0123|@platform> team', 'the [group] team'],
    ['teams mention', 'kudos to <at>Alex Smith</at>!', 'kudos to [someone]!'],
    ['teams mention with id', '<at id="0">Sam</at> helped', '[someone] helped'],
    // Plain handles
    ['handle', 'talk to @alex', 'talk to [someone]'],
    ['handle with dot and dash', '@jean-luc.picard said so.', '[someone] said so.'],
    ['handle possessive', "@sam's plan", "[someone]'s plan"],
    ['handle in parentheses', '(cc @bo)', '(cc [someone])'],
    ['handle unicode', 'merci @Émilie', 'merci [someone]'],
    ['handle arabic', 'شكرا @أحمد على المساعدة', 'شكرا [someone] على المساعدة'],
    ['handle swedish', 'tack @Åsa!', 'tack [someone]!'],
    ['typed broadcasts', '@here and @Channel and @everyone', '[group] and [group] and [group]'],
    // Emails
    ['email', 'write to alex@example.com', 'write to [email]'],
    ['email at sentence end', 'mail alex.smith+work@corp.example.co.uk.', 'mail [email].'],
    ['email in angle brackets', 'contact <bo@example.org>', 'contact <[email]>'],
    ['slack mailto link', 'see <mailto:bo@x.se|bo@x.se> now', 'see [email] now'],
    ['bare mailto', 'mailto:bo@x.se', '[email]'],
    ['email with unicode local part', 'åsa.öberg@företag.se svarar', '[email] svarar'],
    ['email inside RTL Arabic', 'راسلني على ahmed@example.com شكرا', 'راسلني على [email] شكرا'],
    ['arabic email', 'البريد أحمد@مثال.كوم', 'البريد [email]'],
    ['email hidden with zero-width space', 'alex\u200b@example.com', '[email]'],
    ['intranet address', 'ping ops@helpdesk', 'ping [email]'],
    // Phones
    ['international spaced', 'call +46 70 123 45 67 tonight', 'call [phone] tonight'],
    ['international compact', '+46701234567', '[phone]'],
    ['00 prefix', '0046 70 123 45 67', '[phone]'],
    ['with trunk in parentheses', '+46 (0)70-123 45 67', '[phone]'],
    ['us parentheses', 'my cell (555) 123-4567.', 'my cell [phone].'],
    ['us with country code', '+1 (555) 123-4567', '[phone]'],
    ['us dashes', '555-123-4567', '[phone]'],
    ['us dots', '555.123.4567', '[phone]'],
    ['us spaces', '555 123 4567', '[phone]'],
    ['us compact', '5551234567', '[phone]'],
    ['us local', 'ext 555-1234', 'ext [phone]'],
    ['swedish mobile', '070-123 45 67', '[phone]'],
    ['swedish compact', '0701234567', '[phone]'],
    ['french pairs', '06 12 34 56 78', '[phone]'],
    ['dutch', '06-12345678', '[phone]'],
    ['tel link', '<tel:+46701234567|070-123 45 67>', '[phone]'],
    ['bare tel', 'tel:+46701234567', '[phone]'],
    ['arabic-indic digits', 'رقمي ٠٧٠١٢٣٤٥٦٧', 'رقمي [phone]'],
    ['two numbers side by side', '+46701234567 5551234567', '[phone] [phone]'],
    ['phone after a time', '09:00 070-123 45 67', '09:00 [phone]'],
    ['phone after a date', 'on 2026-11-27 call 555-123-4567', 'on 2026-11-27 call [phone]'],
    ['many at once', '@bo: bo@x.io, +46 70 123 45 67, <@U1>', '[someone]: [email], [phone], [someone]'],
  ];
  test.each(cases)('%s', (_name, input, expected) => {
    expect(redactComment(input)).toBe(expected);
  });
});

describe('redactComment: what stays', () => {
  const kept: [string, string][] = [
    ['a single score', 'a 7 this week'],
    ['a year', 'best quarter since 2026'],
    ['a score out of ten', 'honestly 10/10, last week 7/10'],
    ['a decimal', 'up from 3.5 to 4.25'],
    ['an ISO date', 'the release on 2026-11-27 went fine'],
    ['an ISO date-time', 'outage at 2026-11-27T14:00:00Z'],
    ['a day-first date', 'since 27.11.2026 and 3/4/2026'],
    ['a year-first dotted date', '2026.11.27'],
    ['a time', 'standup at 09:30, retro 14:00-15:30'],
    ['a percentage', 'only 45% of tickets, 100 %'],
    ['an amount with spaces', '1 500 000 kr'],
    ['an amount with dots', '€1.500.000'],
    ['an amount with commas', '$1,234,567'],
    ['an unbroken amount', 'lost 1500000 in revenue'],
    ['a ticket number', 'ticket 1234567 is stuck'],
    ['a year range', 'as in 2020-2026'],
    ['scores listed', 'my last scores: 10 9 8 10 and 10 10 10 10'],
    ['a version', 'upgrade to v1.2.3 or 12.4.1'],
    ['an IP address', 'the box at 192.168.1.1'],
    ['an at-time', 'see you @5pm or @ 3'],
    ['a URL with a user path', 'read https://medium.com/@alex/post-123'],
    ['a URL with user info', 'https://bob@git.example.com/repo'],
    ['a URL with digits', 'join https://zoom.us/j/5551234567 now'],
    ['a www URL', 'see www.example.com/@bo.'],
    ['a slack link', '<https://example.com/u/5551234567|the doc>'],
    ['a slack channel', 'post in <#C123|general>'],
    ['a heart', 'I <3 this team > others'],
    ['arabic text', 'الفريق رائع هذا الأسبوع'],
    ['arabic digits that are a year', 'منذ ٢٠٢٦'],
    ['emoji with joiner', 'team 👩‍💻 rocks'],
    ['an email-looking word without a local part', 'meet @ noon'],
  ];
  test.each(kept)('%s', (_name, input) => {
    expect(redactComment(input)).toBe(input);
  });
});

describe('redactComment: cleaning', () => {
  const cases: [string, string, string][] = [
    ['trims', '   fine   ', 'fine'],
    ['collapses whitespace runs and newlines', 'too\n\nmany\t\tmeetings  here', 'too many meetings here'],
    ['non-breaking spaces', 'a\u00a0\u00a0b\u202fc', 'a b c'],
    ['strips control characters', 'ok\u0000\u0007\u001b[31mred', 'ok [31mred'],
    ['strips bidi overrides', 'abc\u202edef\u202c', 'abcdef'],
    ['keeps the Arabic letter shaping joiners', 'می\u200cخواهم', 'می\u200cخواهم'],
    ['empty', '', ''],
    ['only whitespace', ' \n\t ', ''],
  ];
  test.each(cases)('%s', (_name, input, expected) => {
    expect(redactComment(input)).toBe(expected);
  });

  test('the tokens are plain, distinct and exported for renderers', () => {
    expect(REDACTION_TOKENS).toEqual([REDACTED_PERSON, REDACTED_GROUP, REDACTED_EMAIL, REDACTED_PHONE]);
    expect(new Set(REDACTION_TOKENS).size).toBe(4);
    for (const token of REDACTION_TOKENS) expect(token).toMatch(/^\[[a-z]+\]$/);
  });

  test('redacting twice changes nothing more', () => {
    const once = redactComment('@bo bo@x.io +46 70 123 45 67 <@U1> <!here>');
    expect(redactComment(once)).toBe(once);
  });

  // How fast this runs is the benchmarks' business; here: hostile input is handled and stays redacted.
  test('hostile input of the maximum comment length is handled', () => {
    const inputs = [
      '1'.repeat(2000),
      '1 '.repeat(1000),
      'a.'.repeat(1000) + '@',
      '@'.repeat(2000),
      '<'.repeat(1000) + '>'.repeat(1000),
      '12-'.repeat(666),
      'a@'.repeat(1000),
    ];
    for (const input of inputs) {
      const out = redactComment(input);
      expect(typeof out).toBe('string');
      expect(redactComment(out)).toBe(out);
    }
  });
});
