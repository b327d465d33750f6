/**
 * The question bank: the drivers (what is behind the mood) and their 1–10 agreement items, plus the
 * eNPS question. Only ids live here; every text is in the catalog (`driver.name.<driver>`,
 * `driver.item.<item>`), in every language, so the catalog completeness test covers the bank.
 */
import type { MessageKey } from '../i18n';

/** The drivers, in the order managers read them. */
export const DRIVERS = [
  'recognition',
  'growth',
  'wellbeing',
  'manager',
  'peers',
  'alignment',
  'autonomy',
  'customers',
] as const;
export type DriverId = (typeof DRIVERS)[number];

/** Each driver's items (2–3 short statements); an item's id is `<driver>-<n>`. */
export const DRIVER_ITEMS: Readonly<Record<DriverId, readonly string[]>> = {
  recognition: ['recognition-1', 'recognition-2'],
  growth: ['growth-1', 'growth-2', 'growth-3'],
  wellbeing: ['wellbeing-1', 'wellbeing-2', 'wellbeing-3'],
  manager: ['manager-1', 'manager-2'],
  peers: ['peers-1', 'peers-2'],
  alignment: ['alignment-1', 'alignment-2'],
  autonomy: ['autonomy-1', 'autonomy-2'],
  customers: ['customers-1', 'customers-2'],
};

/** The question id of the quarterly eNPS question (0–10) in the responses table. */
export const ENPS_QUESTION_ID = 'enps';
/** Driver items are stored under `driver:<item>`, apart from custom questions (uuids) and mood. */
export const DRIVER_PREFIX = 'driver:';

/** The response question id of a driver item. */
export function driverQuestionId(item: string): string {
  return `${DRIVER_PREFIX}${item}`;
}

/** The driver a response question id belongs to, or null when it is no driver item of the bank. */
export function driverOfQuestion(questionId: string): DriverId | null {
  if (!questionId.startsWith(DRIVER_PREFIX)) return null;
  const item = questionId.slice(DRIVER_PREFIX.length);
  return DRIVERS.find((d) => DRIVER_ITEMS[d].includes(item)) ?? null;
}

/** The catalog key of a driver item's text (the id must be one of DRIVER_ITEMS). */
export function driverItemKey(questionId: string): MessageKey {
  return `driver.item.${questionId.slice(DRIVER_PREFIX.length)}` as MessageKey;
}

/** The catalog key of a driver's name. */
export function driverNameKey(driver: DriverId): MessageKey {
  return `driver.name.${driver}`;
}

/** The driver a typed word names (its id, any case), or undefined. */
export function findDriver(word: string): DriverId | undefined {
  const w = word.toLowerCase();
  return DRIVERS.find((d) => d === w);
}

/** The lowest score a question of the round takes: eNPS is 0–10, every other scale 1–10. */
export function minScore(questionId: string): 0 | 1 {
  return questionId === ENPS_QUESTION_ID ? 0 : 1;
}
