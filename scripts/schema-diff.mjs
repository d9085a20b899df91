// Prints the SQL that would bring the database at DATABASE_URL in line with the entities.
// Use it to draft a new migration: `npm run build && DATABASE_URL=… node scripts/schema-diff.mjs`.
// Review the SQL and put it into migrations/<timestamp>-<Name>.ts; the drift test expects none.
import { createDataSource } from '../apps/api/dist/core/database/data-source.js';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is required');
  process.exit(2);
}
const ds = createDataSource(url);
await ds.initialize();
await ds.runMigrations();
const sql = await ds.driver.createSchemaBuilder().log();
for (const q of sql.upQueries) console.log(`${q.query};`);
await ds.destroy();
