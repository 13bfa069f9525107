import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../sim/redshift/database/database-harness.ts';
import { workshopCluster } from './cluster-form.ts';
import { engineDatabase } from './engine-database.ts';
import { CONSOLE_EPOCH_MS } from './redshift-engine.ts';
import { SAMPLE_BUCKET, SessionWarehouse } from './session-warehouse.ts';
import { WORKSHOP_SCRIPT } from './workshop-script.ts';
import { scriptStatements } from './statements.ts';

function warehouse() {
  return new SessionWarehouse(CONSOLE_EPOCH_MS, engineDatabase(loadSqlJs()));
}

const form = { ...workshopCluster('2016'), MasterUserPassword: 'Passw0rd1' };

async function availableWarehouse() {
  const w = warehouse();
  expect(w.createCluster({ ...form, IamRoles: [w.facts(0).copyRoleArn] }, 0)).toEqual([]);
  const ready = w.nextChangeMs()!;
  expect(w.advanceTo(ready)).toEqual({ becameAvailable: true });
  return { w, ready };
}

describe('SessionWarehouse', () => {
  it('has the account’s COPY role from the start, with its real commands', () => {
    const facts = warehouse().facts(0);
    expect(facts.copyRoleArn).toBe('arn:aws:iam::123456789012:role/RedshiftCopyRole');
    expect(facts.actions.map((a) => a.command.kind)).toEqual(['run', 'run']);
    expect(facts.actions[0]!.command.kind === 'run' && facts.actions[0]!.command.text).toMatch(
      /^aws iam create-role/,
    );
  });

  it('refuses a cluster the model refuses, with AWS’s code', () => {
    const errors = warehouse().createCluster({ ...form, MasterUserPassword: 'short' }, 0);
    expect(errors[0]?.code).toBe('InvalidParameterValue');
  });

  it('creates the workshop’s cluster, creating until its modelled time, priced at $0.25 an hour (AWS-FACTS row 65)', async () => {
    const w = warehouse();
    expect(w.createCluster(form, 0)).toEqual([]);
    const creating = w.facts(0).cluster!;
    expect(creating).toMatchObject({
      status: 'creating',
      nodeType: 'dc1.large',
      nodes: 1,
      slicesPerNode: 2,
      usdPerHour: 0.25,
      port: 8192,
    });
    expect(creating.psql.kind).toBe('refused');
    const ready = w.nextChangeMs()!;
    expect(ready).toBeGreaterThan(0);
    const refused = await w.execute('select 1', ready - 1);
    expect(refused.error).toMatchObject({ code: '08001' });
    expect(refused.error!.message).toMatch(/creating/);
    w.advanceTo(ready);
    const available = w.facts(ready).cluster!;
    expect(available.status).toBe('available');
    expect(available.psql.kind === 'run' && available.psql.text).toMatch(
      /^psql -h demo\.\S+ -p 8192 -U master demo$/,
    );
    const created = w.facts(0).actions.at(-1)!;
    expect(created.summary).toMatch(/Created cluster demo/);
    expect(created.command.kind === 'run' && created.command.text).toMatch(
      /^aws redshift create-cluster --cluster-identifier demo/,
    );
  });

  it('bills node-hours from the moment the cluster is available', async () => {
    const { w, ready } = await availableWarehouse();
    w.advanceTo(ready + 2 * 3_600_000);
    expect(w.facts(ready + 2 * 3_600_000).usdSoFar).toBeCloseTo(0.5);
  });

  it('runs the workshop’s CREATE TABLE and reports the table for completion and the slice view', async () => {
    const { w, ready } = await availableWarehouse();
    const [create] = scriptStatements(WORKSHOP_SCRIPT);
    const result = await w.execute(create!.sql, ready);
    expect(result).toMatchObject({ status: 'ok', changesState: true });
    const table = w.facts(ready).tables[0]!;
    expect(table).toMatchObject({
      name: 'accesslogs',
      distStyle: 'KEY(host_address)',
      distKey: 'host_address',
      sortKey: ['request_time'],
      rows: 0,
    });
    expect(table.columns[0]).toEqual({ name: 'host_address', type: 'character varying(512)' });
    expect(table.rowsPerSlice).toEqual([0, 0]);
  });

  it('says a SELECT changes nothing, so a replay may skip it', async () => {
    const { w, ready } = await availableWarehouse();
    expect(await w.execute('select 1', ready)).toMatchObject({
      status: 'ok',
      changesState: false,
      rows: [[1]],
    });
  });

  it('puts the sample data in S3 once, labelled with its COPY', () => {
    const w = warehouse();
    expect(w.putSampleData({ seed: 1, days: 2, requestsPerDay: 50 }, 0)).toEqual([]);
    const sample = w.facts(0).sampleData!;
    expect(sample).toMatchObject({ bucket: SAMPLE_BUCKET, objects: 4 });
    expect(sample.rows).toBeGreaterThan(50);
    expect(sample.copySql).toContain(`'aws_iam_role=${w.facts(0).copyRoleArn}'`);
    expect(w.putSampleData({ seed: 1, days: 2, requestsPerDay: 50 }, 0)[0]?.code).toBe('SampleDataExists');
    expect(warehouse().putSampleData({ seed: 1, days: 0, requestsPerDay: 50 }, 0)[0]?.path).toBe('days');
  });

  describe('COPY from the sample data, and the workshop’s test queries', () => {
    async function loaded() {
      const { w, ready } = await availableWarehouse();
      w.putSampleData({ seed: 3, days: 3, requestsPerDay: 300 }, ready);
      const statements = scriptStatements(WORKSHOP_SCRIPT);
      await w.execute(statements[0]!.sql, ready);
      const copy = await w.execute(w.facts(ready).sampleData!.copySql.replace(/;$/, ''), ready);
      return { w, ready, copy, statements };
    }

    it('loads every generated row, and the load shows in the history', async () => {
      const { w, ready, copy } = await loaded();
      const sample = w.facts(ready).sampleData!;
      expect(copy).toMatchObject({
        status: 'ok',
        command: 'COPY',
        rowsLoaded: sample.rows,
        loadErrors: 0,
        changesState: true,
      });
      expect(w.facts(ready).loads).toMatchObject([{ status: 'loaded', rowsLoaded: sample.rows, errors: 0 }]);
      const table = w.facts(ready).tables[0]!;
      expect(table.rows).toBe(sample.rows);
      // DISTKEY(host_address) over a few hundred hosts leaves both slices with rows.
      expect(table.rowsPerSlice.every((n) => n > 0)).toBe(true);
    });

    it('shows blocks per slice, a query’s modelled time and its scan per slice, and EXPLAIN’s plan', async () => {
      const { w, ready } = await loaded();
      const table = w.facts(ready).tables[0]!;
      expect(table.blocksPerSlice).toHaveLength(2);
      expect(table.blocksPerSlice.every((n) => n >= 9)).toBe(true);
      expect(w.facts(ready).cluster!.storageUsedBytes).toBe(
        table.blocksPerSlice.reduce((a, b) => a + b) * 1_048_576,
      );
      const query = await w.execute('SELECT COUNT(1) FROM accesslogs WHERE response_code = 404', ready);
      expect(query.modelledMillis).toBeGreaterThan(0);
      expect(w.facts(ready).lastScan?.slices.map((s) => s.rowsScanned)).toEqual(table.rowsPerSlice);
      const plan = await w.execute(
        'EXPLAIN SELECT COUNT(1) FROM accesslogs WHERE response_code = 404',
        ready,
      );
      expect(plan.status).toBe('ok');
      expect(plan.explain!.join('\n')).toContain('XN Seq Scan on accesslogs');
    });

    it('answers the three test queries as written', async () => {
      const { w, ready, statements } = await loaded();
      const [byDay, notFound, topPath] = await Promise.all(
        statements.slice(1, 4).map((s) => w.execute(s.sql, ready)),
      );
      expect(byDay).toMatchObject({ status: 'ok', columns: ['trunc', 'response_code', 'count'] });
      expect(byDay!.rows![0]![0]).toMatch(/^2016-07-\d\d$/);
      const count404 = notFound!.rows![0]![0] as number;
      expect(count404).toBeGreaterThan(0);
      expect(byDay!.rows!.filter((r) => r[1] === 404).reduce((sum, r) => sum + (r[2] as number), 0)).toBe(
        count404,
      );
      expect(topPath).toMatchObject({ status: 'ok', rowCount: 1 });
    });

    it('records a failed load’s errors for stl_load_errors when the delimiter is wrong', async () => {
      const { w, ready } = await availableWarehouse();
      w.putSampleData({ seed: 3, days: 1, requestsPerDay: 20 }, ready);
      await w.execute(scriptStatements(WORKSHOP_SCRIPT)[0]!.sql, ready);
      const roleArn = w.facts(ready).copyRoleArn;
      const copy = await w.execute(
        `COPY accesslogs FROM 's3://${SAMPLE_BUCKET}/access-log-processed' IAM_ROLE '${roleArn}' GZIP`,
        ready,
      );
      expect(copy.status).toBe('error');
      expect(w.facts(ready).loads[0]).toMatchObject({ status: 'failed', rowsLoaded: 0 });
      const [error] = w.facts(ready).loadErrors;
      expect(error).toMatchObject({ lineNumber: 1 });
      expect(error!.filename).toMatch(/^s3:\/\/bdlab-weblogs\/access-log-processed\/year=2016\//);
      expect(error!.errCode).toBeGreaterThanOrEqual(1200);
      expect(w.facts(ready).tables[0]!.rows).toBe(0);
    });

    it('refuses a COPY whose role is not associated with the cluster', async () => {
      const w = warehouse();
      w.createCluster(form, 0);
      const ready = w.nextChangeMs()!;
      w.advanceTo(ready);
      w.putSampleData({ seed: 3, days: 1, requestsPerDay: 20 }, ready);
      await w.execute(scriptStatements(WORKSHOP_SCRIPT)[0]!.sql, ready);
      const copy = await w.execute(w.facts(ready).sampleData!.copySql.replace(/;$/, ''), ready);
      expect(copy.status).toBe('error');
      expect(copy.error!.message).toMatch(/not (authorized|associated)|assume/i);
    });
  });
});
