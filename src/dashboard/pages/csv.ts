/** CSV exports: RFC 4180 quoting, and no cell a spreadsheet would run as a formula. */

/** One cell: quoted when it must be; a text starting with = + - @ tab or CR is prefixed with ' (CSV injection). */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file (CRLF line ends, a BOM so spreadsheets read UTF-8, as the Arabic headers need). */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
