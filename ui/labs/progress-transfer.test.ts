import { registeredLabs } from '../../labs/index.ts';
import { describe, expect, it } from 'vitest';
import { createLabController, type LabClock } from '../../labs/engine';
import { findLab } from '../../labs';
import { createDefaultDocument } from '../../sim/persist';
import { exportFileName, progressCsv, progressJson, readProgressFile } from './progress-transfer';

let time = 0;
const clock: LabClock = { now: () => time, setTimeout: () => null, clearTimeout: () => undefined };

/** Progress of the data bus lab played to the end, with one hint and the last step's solution shown. */
function completedDataBus(): unknown {
  const lab = findLab('data-bus')!;
  const created = createLabController(lab, { clock });
  if (!created.ok) throw new Error(created.error.message);
  const controller = created.value;
  time = 1_000;
  controller.start();
  controller.hint();
  lab.steps.forEach((step, index) => {
    if (index === lab.steps.length - 1) controller.showSolution();
    else for (const action of step.solution) controller.act(action);
    time += 60_000;
    controller.next();
  });
  return JSON.parse(JSON.stringify(controller.getSnapshot().progress));
}

describe('progressCsv', () => {
  it('writes one row per lab with status, steps, hints, solutions and seconds spent', () => {
    const csv = progressCsv({ 'data-bus': completedDataBus() }, 'Ada Lovelace');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'learner,lab_id,title,session,status,steps_completed,step_count,hints_used,solutions_used,time_spent_seconds',
    );
    expect(lines[1]).toBe('Ada Lovelace,data-bus,The data bus,1,completed,4,4,1,1,240');
    expect(lines[2]).toBe('Ada Lovelace,right-tool,The right tool for the job,1,not-started,0,2,0,0,');
    expect(lines).toHaveLength(registeredLabs.length + 1);
  });

  it('quotes a name a spreadsheet would run as a formula, and one with a comma', () => {
    expect(progressCsv({}, '=HYPERLINK("x")').split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)",data-bus,/);
    expect(progressCsv({}, 'Lovelace, Ada').split('\r\n')[1]).toMatch(/^"Lovelace, Ada",data-bus,/);
  });
});

describe('readProgressFile', () => {
  const document = { ...createDefaultDocument(), progress: { labs: { 'data-bus': completedDataBus() } } };

  it('reads back an export and says what it would replace', () => {
    const result = readProgressFile('p.json', progressJson(document), {});
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.changes).toEqual([
      { labId: 'data-bus', title: 'The data bus', current: 'Not started', incoming: 'Completed' },
    ]);
  });

  it('refuses a file that is not JSON, naming the file', () => {
    const result = readProgressFile('notes.txt', 'hello', {});
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/^notes\.txt is not a JSON file/);
  });

  it('refuses a document sim/persist rejects', () => {
    const result = readProgressFile('p.json', JSON.stringify({ schemaVersion: 99 }), {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^p\.json is not a Big Data Day Lab progress file/);
  });

  it('refuses progress the engine cannot restore, and a lab the app does not have', () => {
    const tampered = structuredClone(document) as typeof document;
    (tampered.progress.labs['data-bus'] as { stepIndex: number }).stepIndex = 2;
    const bad = readProgressFile('p.json', JSON.stringify(tampered), {});
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/“The data bus” cannot be restored/);
    const unknown = { ...document, progress: { labs: { 'no-such-lab': {} } } };
    const refused = readProgressFile('p.json', JSON.stringify(unknown), {});
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/“no-such-lab” this version of the app does not have/);
  });

  it('refuses a file with no lab progress', () => {
    const result = readProgressFile('p.json', progressJson(createDefaultDocument()), {});
    expect(result.ok).toBe(false);
  });
});

describe('exportFileName', () => {
  it('dates the file', () => {
    expect(exportFileName(new Date(2026, 10, 26), 'csv')).toBe('bdlab-progress-2026-11-26.csv');
  });

  it('says whose progress it is, with the name made safe for a file name', () => {
    expect(exportFileName(new Date(2026, 10, 26), 'csv', 'Ada Lovelace')).toBe(
      'bdlab-progress-Ada-Lovelace-2026-11-26.csv',
    );
    expect(exportFileName(new Date(2026, 10, 26), 'json', '../Ada\u202Egpj.exe')).toBe(
      'bdlab-progress-Ada-gpj-exe-2026-11-26.json',
    );
    expect(exportFileName(new Date(2026, 10, 26), 'json', '\u200B')).toBe('bdlab-progress-2026-11-26.json');
  });
});
