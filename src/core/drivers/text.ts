/** Drivers and eNPS as catalog sentences, one per line; both platforms render these lines as they are. */
import { translate } from '../i18n';
import { formatNumber } from '../i18n/format';
import { MIN_PAIRS_FOR_EVIDENCE, type Correlation } from '../stats';
import { driverNameKey, type DriverId } from './bank';
import type { DriverReading, DriversView, EnpsReading } from './report';

/** A driver's change since it was last asked: ▲0.5, ▼1.2 or ±0. */
export function formatChange(locale: string, value: number): string {
  if (Math.abs(value) < 0.05) return '±0';
  return `${value > 0 ? '▲' : '▼'}${formatNumber(locale, Math.abs(value), 1)}`;
}

const name = (locale: string, driver: DriverId) => translate(locale, driverNameKey(driver));

/** One driver's line: its latest score and change, or why no figure is shown. */
export function driverLine(locale: string, d: DriverReading): string {
  const driver = name(locale, d.driver);
  if (d.state === 'off') return translate(locale, 'drivers.off', { driver });
  if (d.state === 'not_asked') return translate(locale, 'drivers.not_asked', { driver });
  if (d.state === 'withheld') return translate(locale, 'drivers.withheld', { driver });
  const line = translate(locale, 'drivers.score', { driver, score: formatNumber(locale, d.score, 1) });
  return d.change === null
    ? line
    : `${line} (${translate(locale, 'drivers.trend', { change: formatChange(locale, d.change) })})`;
}

/** The focus areas' line, or null when fewer than two drivers have a figure. */
export function focusLine(locale: string, view: DriversView): string | null {
  if (!view.focus) return null;
  return translate(locale, 'drivers.focus', {
    lowest: view.focus.lowest.map((d) => name(locale, d)).join(', '),
    strongest: name(locale, view.focus.strongest),
  });
}

/** The eNPS line. */
export function enpsLine(locale: string, e: EnpsReading): string {
  if (e.kind === 'withheld') return translate(locale, 'enps.withheld');
  return translate(locale, 'enps.line', {
    score: `${e.score > 0 ? '+' : ''}${formatNumber(locale, e.score)}`,
    promoters: e.promoters,
    passives: e.passives,
    detractors: e.detractors,
    mean: formatNumber(locale, e.mean, 1),
  });
}

/** A driver beside the mood: r with n and its 95% interval, and a direction only when the interval excludes 0. */
export function associationLine(locale: string, driver: DriverId, c: Correlation): string {
  if (c.n < MIN_PAIRS_FOR_EVIDENCE || c.r === null || c.low === null || c.high === null)
    return translate(locale, 'drivers.moves_few', { driver: name(locale, driver), n: c.n });
  const reading =
    c.evidence === 'positive' ? 'drivers.moves_with' : c.evidence === 'negative' ? 'drivers.moves_against' : null;
  return translate(locale, 'drivers.moves', {
    driver: name(locale, driver),
    r: formatNumber(locale, c.r, 2),
    n: c.n,
    low: formatNumber(locale, c.low, 2),
    high: formatNumber(locale, c.high, 2),
    reading: translate(locale, reading ?? 'drivers.moves_unclear'),
  });
}

/** The whole view, for `/pulse drivers`: every driver, the focus areas, the associations and eNPS. */
export function driversText(locale: string, view: DriversView): string[] {
  const lines = view.drivers.map((d) => `• ${driverLine(locale, d)}`);
  const focus = focusLine(locale, view);
  if (focus) lines.push(focus);
  if (view.associations) {
    lines.push(translate(locale, 'drivers.moves_title'));
    for (const a of view.associations) lines.push(`• ${associationLine(locale, a.driver, a.correlation)}`);
  }
  if (view.power) lines.push(translate(locale, 'drivers.rounds_needed', view.power));
  if (view.enps) lines.push(enpsLine(locale, view.enps));
  return lines;
}

/**
 * The short section under a round's summary: the drivers that round asked, the focus areas, the drivers that move
 * with the mood (only those whose interval leaves 0 out; `/pulse drivers` shows every one) and the round's eNPS.
 */
export function driversSummaryText(
  locale: string,
  view: DriversView,
  asked: readonly DriverId[],
  roundId: string,
): string[] {
  const lines = view.drivers.filter((d) => asked.includes(d.driver)).map((d) => driverLine(locale, d));
  const focus = focusLine(locale, view);
  if (focus) lines.push(focus);
  if (view.associations) {
    const moving = view.associations.filter((a) => a.correlation.evidence !== 'none');
    if (moving.length === 0) lines.push(translate(locale, 'drivers.moves_none'));
    else {
      lines.push(translate(locale, 'drivers.moves_title'));
      for (const a of moving) lines.push(`• ${associationLine(locale, a.driver, a.correlation)}`);
    }
  }
  if (view.enps?.roundId === roundId) lines.push(enpsLine(locale, view.enps));
  return lines;
}
