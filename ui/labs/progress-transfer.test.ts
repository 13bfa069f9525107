import { registeredLabs } from '../../labs/index.ts';
import { describe, expect, it } from 'vitest';
import { createLabController, type LabClock } from '../../labs/engine';
import { findLab } from '../../labs';
import { createDefaultDocument } from '../../sim/persist';
import { inProcessSummarizer, type ProgressSummarizer } from './progress-summary';
import { exportFileName, progressCsv, progressJson, readProgressFile } from './progress-transfer';

const summarize = inProcessSummarizer(findLab);

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
  it('writes one row per lab with status, steps, hints, solutions and seconds spent', async () => {
    const csv = await progressCsv({ 'data-bus': completedDataBus() }, 'Ada Lovelace', summarize);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'learner,lab_id,title,session,status,steps_completed,step_count,hints_used,solutions_used,time_spent_seconds',
    );
    expect(lines[1]).toBe('Ada Lovelace,data-bus,The data bus,1,completed,4,4,1,1,240');
    expect(lines[2]).toBe('Ada Lovelace,right-tool,The right tool for the job,1,not-started,0,2,0,0,');
    expect(lines).toHaveLength(registeredLabs.length + 1);
  });

  it('quotes a name a spreadsheet would run as a formula, and one with a comma', async () => {
    expect((await progressCsv({}, '=HYPERLINK("x")', summarize)).split('\r\n')[1]).toMatch(
      /^"'=HYPERLINK\(""x""\)",data-bus,/,
    );
    expect((await progressCsv({}, 'Lovelace, Ada', summarize)).split('\r\n')[1]).toMatch(
      /^"Lovelace, Ada",data-bus,/,
    );
  });

  it('asks the summarizer only for labs with saved progress, and fails when a summary cannot be computed', async () => {
    const asked: string[] = [];
    const failing: ProgressSummarizer = async (labId) => {
      asked.push(labId);
      throw { code: 'DeriveFailed', message: 'The worker stopped.' };
    };
    await expect(progressCsv({ 'data-bus': completedDataBus() }, 'Ada', failing)).rejects.toMatchObject({
      message: 'The worker stopped.',
    });
    expect(asked).toEqual(['data-bus']);
  });
});

describe('readProgressFile', () => {
  const document = { ...createDefaultDocument(), progress: { labs: { 'data-bus': completedDataBus() } } };

  it('reads back an export and says what it would replace', async () => {
    const result = await readProgressFile('p.json', progressJson(document), {}, summarize);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.changes).toEqual([
      { labId: 'data-bus', title: 'The data bus', current: 'Not started', incoming: 'Completed' },
    ]);
  });

  it('refuses a file that is not JSON, naming the file', async () => {
    const result = await readProgressFile('notes.txt', 'hello', {}, summarize);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.error).toMatch(/^notes\.txt is not a JSON file/);
  });

  it('refuses a document sim/persist rejects', async () => {
    const result = await readProgressFile('p.json', JSON.stringify({ schemaVersion: 99 }), {}, summarize);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/^p\.json is not a Big Data Day Lab progress file/);
  });

  it('refuses progress the engine cannot restore, and a lab the app does not have', async () => {
    const tampered = structuredClone(document) as typeof document;
    (tampered.progress.labs['data-bus'] as { stepIndex: number }).stepIndex = 2;
    const bad = await readProgressFile('p.json', JSON.stringify(tampered), {}, summarize);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/“The data bus” cannot be restored/);
    const unknown = { ...document, progress: { labs: { 'no-such-lab': {} } } };
    const refused = await readProgressFile('p.json', JSON.stringify(unknown), {}, summarize);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/“no-such-lab” this version of the app does not have/);
  });

  it('refuses a file with no lab progress', async () => {
    const result = await readProgressFile('p.json', progressJson(createDefaultDocument()), {}, summarize);
    expect(result.ok).toBe(false);
  });

  it('compares with the progress kept on this computer, summarized like the file’s', async () => {
    const current = { 'data-bus': completedDataBus() };
    const result = await readProgressFile('p.json', progressJson(document), current, summarize);
    expect(result.ok && result.value.changes[0]).toMatchObject({
      current: 'Completed',
      incoming: 'Completed',
    });
  });

  it('refuses a file it could not check, saying so, and imports nothing', async () => {
    const failing: ProgressSummarizer = async () => {
      throw { code: 'DeriveFailed', message: 'The derive worker stopped.' };
    };
    const result = await readProgressFile('p.json', progressJson(document), {}, failing);
    expect(result).toEqual({
      ok: false,
      error: 'p.json could not be checked: The derive worker stopped. Nothing was imported; try again.',
    });
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
