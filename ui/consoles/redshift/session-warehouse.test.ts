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
      distStyle: 'KEY',
      distKey: 'host_address',
      sortKey: ['request_time'],
      rows: 0,
      skewRows: null,
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
});
