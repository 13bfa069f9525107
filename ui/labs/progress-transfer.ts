/**
 * Progress as files a learner can hand in and bring back: the whole document as JSON (read back through
 * sim/persist's migration and validation, and every lab's progress through the engine's own restore), and
 * a CSV with one row per lab for a spreadsheet. Import never writes anything itself: it returns what the
 * file holds and what it would replace, for the learner to confirm. Summarizing saved progress checks its
 * steps again, so every summary is asked of a `ProgressSummarizer` (the derive worker on the page).
 */
import { registeredLabs, findLab } from '../../labs';
import { describeValue } from '../../sim/core/index.ts';
import { parseJsonText } from '../../sim/core/index.ts';
import { migrateDocument, serializeDocument, type PersistedDocument } from '../../sim/persist';
import { fileNamePart } from './progress/file-name';
import type { AnyLabDefinition } from '../../labs/engine/types.ts';
import type { RequestOptions } from '../shared/pending-requests';
import {
  describeStatus,
  notStartedSummary,
  summaryProblem,
  type LabProgressSummary,
  type ProgressSummarizer,
} from './progress-summary';

/** A lab whose saved progress an import would replace or add. */
export interface ProgressChange {
  readonly labId: string;
  readonly title: string;
  /** "Completed", "In progress: step 2 of 4", "Not started", … */
  readonly current: string;
  readonly incoming: string;
}

/** A progress file that passed every check, and what importing it would change. */
export interface ProgressImport {
  readonly labs: Readonly<Record<string, unknown>>;
  readonly changes: readonly ProgressChange[];
}

/** Why a file was refused: one sentence naming the file, what is wrong and where. */
export type ProgressImportResult =
  { readonly ok: true; readonly value: ProgressImport } | { readonly ok: false; readonly error: string };

/** The JSON export: the learner's document as the app stores it (settings and all labs' progress). */
export function progressJson(document: PersistedDocument): string {
  return serializeDocument(document);
}

const csvField = (value: string | number): string => {
  // A typed name could start with = + - @ and run as a spreadsheet formula: quote it as text.
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * One lab's summary: a lab never opened needs no restoring and is summarized here; saved progress is asked
 * of `summarize`, superseding an earlier request under the same `key` (with the lab's id appended).
 */
function summaryOf(
  lab: AnyLabDefinition,
  saved: unknown,
  summarize: ProgressSummarizer,
  key: string | undefined,
): Promise<LabProgressSummary> {
  if (saved === undefined) return Promise.resolve(notStartedSummary(lab));
  const options: RequestOptions = key === undefined ? {} : { supersedes: `${key}:${lab.id}` };
  return summarize(lab.id, saved, options);
}

/**
 * Every registered lab's summary, in the day's order. Rejects with the first summary that failed, or with
 * the cancellation of one superseded by a newer call under the same `key`.
 */
export function summarizeAll(
  labs: Readonly<Record<string, unknown>>,
  summarize: ProgressSummarizer,
  key?: string,
): Promise<LabProgressSummary[]> {
  return Promise.all(registeredLabs.map(({ lab }) => summaryOf(lab, labs[lab.id], summarize, key)));
}

/** The CSV export for handing in: a header and one row per playable lab, each with the learner's name. */
export async function progressCsv(
  labs: Readonly<Record<string, unknown>>,
  learnerName: string,
  summarize: ProgressSummarizer,
): Promise<string> {
  const header = [
    'learner',
    'lab_id',
    'title',
    'session',
    'status',
    'steps_completed',
    'step_count',
    'hints_used',
    'solutions_used',
    'time_spent_seconds',
  ];
  const summaries = await summarizeAll(labs, summarize);
  const rows = registeredLabs.map(({ lab }, index) => {
    const summary = summaries[index]!;
    return [
      learnerName,
      lab.id,
      lab.title,
      lab.session,
      summary.status,
      summary.stepsCompleted,
      summary.stepCount,
      summary.hintsUsed,
      summary.solutionsUsed,
      summary.timeSpentMs === null ? '' : Math.round(summary.timeSpentMs / 1000),
    ];
  });
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/**
 * Reads a progress file: JSON, a document sim/persist accepts (older versions migrated), every lab known
 * to this app, and every lab's progress restorable by the engine. Resolves with the labs and what would
 * change, or with why the file was refused; a summary that could not be computed refuses it too (nothing
 * is imported, and the learner can try again).
 */
export async function readProgressFile(
  fileName: string,
  contents: string,
  current: Readonly<Record<string, unknown>>,
  summarize: ProgressSummarizer,
): Promise<ProgressImportResult> {
  const parsed = parseJsonText(contents);
  if (!parsed.ok) {
    return {
      ok: false,
      error: `${fileName} is not a JSON file (${parsed.message}). Choose a file exported with “Export progress (JSON)”.`,
    };
  }
  const raw = parsed.value;
  const migrated = migrateDocument(raw);
  if (!migrated.ok) {
    return {
      ok: false,
      error: `${fileName} is not a Big Data Day Lab progress file: ${migrated.error.message}`,
    };
  }
  const labs = migrated.value.progress.labs;
  const ids = Object.keys(labs);
  if (ids.length === 0) {
    return { ok: false, error: `${fileName} holds no lab progress, so there is nothing to import.` };
  }
  const known: AnyLabDefinition[] = [];
  for (const id of ids) {
    const lab = findLab(id);
    if (!lab) {
      return {
        ok: false,
        error: `${fileName} has progress for a lab “${describeValue(id).slice(1, -1)}” this version of the app does not have; nothing was imported.`,
      };
    }
    known.push(lab);
  }
  let compared: (readonly [LabProgressSummary, LabProgressSummary])[];
  try {
    compared = await Promise.all(
      known.map((lab) =>
        Promise.all([
          summaryOf(lab, labs[lab.id], summarize, undefined),
          summaryOf(lab, current[lab.id], summarize, undefined),
        ] as const),
      ),
    );
  } catch (error) {
    return {
      ok: false,
      error: `${fileName} could not be checked: ${summaryProblem(error)} Nothing was imported; try again.`,
    };
  }
  const changes: ProgressChange[] = [];
  for (const [index, lab] of known.entries()) {
    const [incoming, now] = compared[index]!;
    if (incoming.status === 'damaged') {
      return {
        ok: false,
        error: `${fileName}: the progress for “${lab.title}” cannot be restored: ${incoming.problem} Nothing was imported.`,
      };
    }
    changes.push({
      labId: lab.id,
      title: lab.title,
      current: describeStatus(now),
      incoming: describeStatus(incoming),
    });
  }
  return { ok: true, value: { labs, changes } };
}

/**
 * `bdlab-progress-Ada-Lovelace-2026-11-26.csv`: whose progress and from when, the name made safe for a file
 * name (see `fileNamePart`); without a usable name, `bdlab-progress-2026-11-26.csv`.
 */
export function exportFileName(date: Date, extension: 'json' | 'csv', learnerName = ''): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const who = fileNamePart(learnerName);
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `bdlab-progress-${who === '' ? '' : `${who}-`}${day}.${extension}`;
}
