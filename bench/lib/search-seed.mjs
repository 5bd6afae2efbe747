// Stores the search area's corpus through the server's own repository (run with `node --import tsx`, from the
// server's sources): the same migrations and the same group-commit send path as a REST send, so every
// message is indexed in the transaction that stores it, without paying for 100,000 HTTP requests.
// Arguments: a JSON file { dataDir, databaseUrl, channelId, authorIds, count, queriesPerKind }.
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { openDatabase } from '../../packages/server/src/db/connect.ts';
import { createSqlRepository } from '../../packages/server/src/repository/sql-repository.ts';
import { plan } from '../search.mjs';

const job = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const handle = openDatabase({ databaseUrl: job.databaseUrl, dataDir: job.dataDir });
const repo = await createSqlRepository(handle);
const { texts } = plan(job.count, job.queriesPerKind);
const started = performance.now();
const WIDTH = 2048; // sends handed to the group commit at once (it stores up to 256 per transaction)
for (let i = 0; i < texts.length; i += WIDTH) {
  await Promise.all(
    texts.slice(i, i + WIDTH).map((text, k) =>
      repo.sendMessage({
        channelId: job.channelId,
        authorId: job.authorIds[(i + k) % job.authorIds.length],
        clientMessageId: `seed-${i + k}`,
        body: { type: 'text', text },
        parentId: null,
        mentions: [],
        mentionsChannel: false,
      }),
    ),
  );
}
const perSecond = texts.length / ((performance.now() - started) / 1000);
// Fresh statistics, as autovacuum gathers them within a minute of a bulk of inserts.
if (job.databaseUrl) await sql`analyze`.execute(handle.db);
console.log(JSON.stringify({ perSecond }));
await repo.close();
