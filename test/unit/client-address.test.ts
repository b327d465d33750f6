/** Whose address the dashboard's sign-in limit counts: the connection's, or behind proxies we run, what they saw. */
import type { IncomingMessage } from 'node:http';
import { clientAddress } from '../../src/dashboard/auth/rate-limit';

const request = (remote: string, forwardedFor?: string | string[]) =>
  ({
    socket: { remoteAddress: remote },
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
  }) as unknown as IncomingMessage;

test('with no trusted proxy, X-Forwarded-For is ignored: anyone can write one', () => {
  expect(clientAddress(request('10.0.0.5', '203.0.113.9'))).toBe('10.0.0.5');
  expect(clientAddress(request('10.0.0.5', '203.0.113.9'), 0)).toBe('10.0.0.5');
});

test('behind one proxy, the address it appended (the last entry); what the client wrote before it is not believed', () => {
  expect(clientAddress(request('10.0.0.5', '203.0.113.9'), 1)).toBe('203.0.113.9');
  // A client that sends its own X-Forwarded-For: the proxy appends the real address after it.
  expect(clientAddress(request('10.0.0.5', '1.2.3.4, 203.0.113.9'), 1)).toBe('203.0.113.9');
  expect(clientAddress(request('10.0.0.5', ['1.2.3.4', '203.0.113.9']), 1)).toBe('203.0.113.9');
  expect(clientAddress(request('10.0.0.5', '1.2.3.4, 2001:db8::7'), 1)).toBe('2001:db8::7');
});

test('behind two proxies, the entry the outer one appended; too few entries or garbage: the connection', () => {
  expect(clientAddress(request('10.0.0.5', '1.2.3.4, 203.0.113.9, 10.0.0.9'), 2)).toBe('203.0.113.9');
  expect(clientAddress(request('10.0.0.5', '203.0.113.9'), 2)).toBe('10.0.0.5');
  expect(clientAddress(request('10.0.0.5'), 1)).toBe('10.0.0.5');
  expect(clientAddress(request('10.0.0.5', 'not an address'), 1)).toBe('10.0.0.5');
});
