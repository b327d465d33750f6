/** The catalog keys, in a module of their own so the catalogs can name them without importing the index that imports them. */
import type { en } from './en';

export type MessageKey = keyof typeof en;
