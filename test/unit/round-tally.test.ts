/** The migration that added rounds.tally backfilled closed rounds with the very expression the close writes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { roundTallyExpression } from '../../src/db/round-tally';

test('the backfill of migration 0013 is the tally expression of src/db/round-tally.ts, for every closed round', () => {
  const migration = readFileSync(join(__dirname, '..', '..', 'migrations', '0013_round_tally.sql'), 'utf8');
  expect(migration).toContain(
    `UPDATE "rounds" SET "tally" = ${roundTallyExpression('rounds.id')} WHERE "status" = 'closed';`,
  );
});
