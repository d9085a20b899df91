import { createTestApp, type TestApp } from '../../../../test-support/test-app.js';
import { must, reportCase } from '../../../../test-support/cases.js';
import { CasesRepository, toHead } from '../../cases.repository.js';
import { CaseChange } from '../case-change.js';
import { writeStatement } from '../case-writer.js';

const ALL = { sql: 'TRUE', params: {} };

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
const scans = (node: PlanNode): string[] => [
  ...(node['Node Type'] === 'Seq Scan' ? [node['Relation Name'] ?? '?'] : []),
  ...(node.Plans ?? []).flatMap(scans),
];

/**
 * PostgreSQL guesses 100 rows for every jsonb_to_recordset. With that guess it once joined the
 * changes to "case" and "deadline" by scanning the whole table (2 ms at 2,000 cases, all of it at a
 * million). The write of one case must find its rows by key, whatever the size of the tables.
 */
describe('CaseWriter: the write of one case looks its rows up by key', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('updates the case and settles its deadline without scanning either table', async () => {
    const created = await reportCase(t, 'grid.fengqiao001');
    await must(t, 'dispatcher.nanhu', created.id, 'accept');
    // Enough other cases and settled deadlines that a scan would cost more than a lookup in the
    // planner's eyes, were it not told which rows are meant.
    await t.db.query(
      `INSERT INTO "case" SELECT (jsonb_populate_record(c, jsonb_build_object('id', gen_random_uuid(), 'code', 'FILL-' || g))).*
         FROM "case" c, generate_series(1, 5000) g WHERE c.id = $1`,
      [created.id],
    );
    await t.db.query(
      `INSERT INTO deadline SELECT (jsonb_populate_record(d, jsonb_build_object('id', gen_random_uuid(), 'status', 'met'))).*
         FROM deadline d, generate_series(1, 5000) g WHERE d.case_id = $1 AND d.status = 'pending'`,
      [created.id],
    );
    await t.db.query('ANALYZE "case"; ANALYZE deadline');

    const head = toHead((await t.app.get(CasesRepository).findDetail(created.id, ALL))!);
    const change = CaseChange.of(head);
    // Settles the pending dispatch deadline (an update of a deadline row) and writes the case.
    change.record(head.snapshot, [{ type: 'settle_deadlines', kinds: 'all', status: 'cancelled' }], [], {
      action: 'remind',
      fromState: head.snapshot.state,
      toState: head.snapshot.state,
      actorId: null,
      actorName: '测试',
      actorRole: 'dispatcher',
      actorUnitId: null,
      comment: null,
      payload: {},
      attachmentIds: [],
      at: new Date(),
    });
    const { text, values } = writeStatement([change]);
    expect(JSON.parse(values[3] as string)).toHaveLength(1); // one deadline row is updated
    const [{ 'QUERY PLAN': [plan] }] = await t.db.query(`EXPLAIN (FORMAT JSON) ${text}`, values);
    expect(scans(plan.Plan)).not.toContain('case');
    expect(scans(plan.Plan)).not.toContain('deadline');
  });
});
