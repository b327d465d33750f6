/** Cookies a browser keeps: each Set-Cookie line stores its cookie, and `Max-Age=0` or an empty value removes it. */
export function rememberCookies(cookies: Map<string, string>, setCookies: readonly string[]): void {
  for (const line of setCookies) {
    const [pair = ''] = line.split(';');
    const at = pair.indexOf('=');
    const name = pair.slice(0, at);
    const value = pair.slice(at + 1);
    if (/Max-Age=0/i.test(line) || value === '') cookies.delete(name);
    else cookies.set(name, value);
  }
}
