/** The questions of a round as one member reads them in the check-in, in their language. */
import { translate } from '../i18n';
import type { Round } from '../model';
import { driverItemKey, ENPS_QUESTION_ID } from './bank';

export interface CheckinQuestions {
  /** Score questions after mood: custom 1–10 questions, driver items (1–10 agreement), then eNPS (0–10). */
  scale: Array<{ id: string; text: string; min: 0 | 1; hint: string | null }>;
  /** The team's free-text questions. */
  text: Array<{ id: string; text: string }>;
}

/** Every question the round asks besides mood, custom ones as the manager wrote them, the bank's in `locale`. */
export function checkinQuestions(
  round: Pick<Round, 'questions' | 'driverItems' | 'enps'>,
  locale: string,
): CheckinQuestions {
  const custom = round.questions.filter((q) => q.kind === 'scale').map((q) => ({ id: q.id, text: q.text }));
  const drivers = round.driverItems.map((id) => ({ id, text: translate(locale, driverItemKey(id)) }));
  return {
    scale: [
      ...custom.map((q) => ({ ...q, min: 1 as const, hint: null })),
      ...drivers.map((q, i) => ({ ...q, min: 1 as const, hint: i === 0 ? translate(locale, 'driver.scale') : null })),
      ...(round.enps
        ? [
            {
              id: ENPS_QUESTION_ID,
              text: translate(locale, 'enps.question'),
              min: 0 as const,
              hint: translate(locale, 'enps.scale'),
            },
          ]
        : []),
    ],
    text: round.questions.filter((q) => q.kind === 'text').map((q) => ({ id: q.id, text: q.text })),
  };
}
