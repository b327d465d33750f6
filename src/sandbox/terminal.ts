/**
 * The sandbox's terminal: lines as they happen, and a progress line kept at the bottom on a TTY
 * (on a pipe or in `docker compose` logs, the progress goes out as plain lines once a simulated day).
 */
import type { Writable } from 'node:stream';
import { styles } from './render';

export interface TerminalOptions {
  out: Writable & { isTTY?: boolean; columns?: number };
  color: boolean;
}

export class Terminal {
  readonly color: boolean;
  readonly s: ReturnType<typeof styles>;
  private readonly tty: boolean;
  private status = '';
  private shown = false;
  private drawnAt = 0;

  constructor(private readonly options: TerminalOptions) {
    this.tty = Boolean(options.out.isTTY);
    this.color = options.color;
    this.s = styles(options.color);
  }

  /** Prints lines above the progress line. */
  print(...lines: string[]): void {
    this.clearStatus();
    for (const line of lines) this.options.out.write(`${line}\n`);
    this.drawStatus();
  }

  /** Replaces the progress line (drawn in place on a TTY only, at most ten times a second). */
  progress(text: string): void {
    this.status = text;
    if (!this.tty || Date.now() - this.drawnAt < 100) return;
    this.clearStatus();
    this.drawStatus();
  }

  /** Whether the progress line is drawn in place (else the caller prints it now and then). */
  get live(): boolean {
    return this.tty;
  }

  /** Removes the progress line for good. */
  close(): void {
    this.clearStatus();
    this.status = '';
  }

  private clearStatus(): void {
    if (this.tty && this.shown) this.options.out.write('\r\u001b[2K');
    this.shown = false;
  }

  private drawStatus(): void {
    if (!this.tty || !this.status) return;
    // A pseudo-terminal without a size reports 0 columns.
    const columns = this.options.out.columns ?? 0;
    const width = columns > 20 ? columns - 1 : 120;
    // Cut by visible characters only, so the escape codes stay whole.
    const visible = this.status.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
    const text = visible.length > width ? this.s.inverse(visible.slice(0, width)) : this.status;
    this.options.out.write(text);
    this.shown = true;
    this.drawnAt = Date.now();
  }
}
