/**
 * The buffer-tuning lab's checks. Each reads the run of the learner's own settings (objects in the S3
 * model, the delivery log, the buffer at the end), never numbers written into the lab.
 */
import { gunzipSync } from 'fflate';
import { formatBytes, formatCount, formatNumber } from '../../sim/core/index.ts';
import type { LabTask, TaskResult } from '../engine/types.ts';
import { runBuffering, type BufferingRun } from '../kit/buffering-run.ts';
import { startWorkspace, type FirehoseBufferingWorkspace } from './workspace.ts';

/** What the checks read: the run of the learner's settings and the run of the defaults. */
export interface BufferingFacts {
  readonly run: BufferingRun;
  readonly defaults: BufferingRun;
}

type Task = LabTask<FirehoseBufferingWorkspace, BufferingFacts>;

/** The freshness target of the dashboard in step 2 (the lab's assumption), in seconds. */
export const FRESHNESS_TARGET_SECONDS = 120;
/** Most objects the nightly archive of step 3 may find for the 30 minutes (the lab's assumption). */
export const ARCHIVE_MAX_OBJECTS = 2;

/** Runs the simulation for a workspace, and for the default settings it is compared with. */
export function bufferingFacts(workspace: FirehoseBufferingWorkspace): BufferingFacts {
  const defaults = runBuffering(
    {
      sizeMB: startWorkspace.sizeMB,
      intervalSeconds: startWorkspace.intervalSeconds,
      compression: 'UNCOMPRESSED',
    },
    workspace.seed,
  );
  const run = runBuffering(
    {
      sizeMB: workspace.sizeMB,
      intervalSeconds: workspace.intervalSeconds,
      compression: workspace.compression,
    },
    workspace.seed,
  );
  return { run, defaults };
}

const seconds = (s: number) => `${formatNumber(s, { maxDecimals: 0 })} s`;
const settingsOf = (w: FirehoseBufferingWorkspace) => `${w.sizeMB} MB / ${w.intervalSeconds} s`;

/** Step 1: with the defaults, how many objects arrive in S3. */
export const defaultObjects: Task = {
  id: 'default-objects',
  title: 'With the default hints, how many objects did Firehose write to S3 in the 30 minutes?',
  check(workspace, { derived }): TaskResult {
    const answer = workspace.answers['default-objects'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    const expected = derived.defaults.objects.length;
    if (answer === expected)
      return {
        passed: true,
        feedback: `Right: ${expected} objects, one every ${seconds(derived.defaults.settings.intervalSeconds)}.`,
      };
    return {
      passed: false,
      feedback: `${answer} is not it. Count the objects the run delivered with ${settingsOf(startWorkspace)} (the table lists one row per object).`,
    };
  },
};

/** Step 1: which hint fired. */
export const defaultTrigger: Task = {
  id: 'default-trigger',
  title: 'Which hint made Firehose deliver: the buffer size or the buffer interval?',
  check(workspace, { derived }): TaskResult {
    const answer = workspace.answers['default-trigger'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    const triggers = new Set(derived.defaults.objects.map((o) => o.trigger));
    const expected = triggers.size === 1 ? [...triggers][0] : undefined;
    if (answer === expected) {
      const perObject = derived.defaults.objects[0]?.bytes ?? 0;
      return {
        passed: true,
        feedback: `Right: each ${seconds(derived.defaults.settings.intervalSeconds)} buffer held only about ${formatBytes(perObject)}, far below ${startWorkspace.sizeMB} MB, so the interval fired first.`,
      };
    }
    return {
      passed: false,
      feedback: `Not the ${answer} hint. Compare how much the buffer held when it was delivered with the ${startWorkspace.sizeMB} MB size hint.`,
    };
  },
};

/** Step 2: every record in S3 within the freshness target. */
export const freshWithinTarget: Task = {
  id: 'fresh-within-target',
  title: `Every record reaches S3 at most ${FRESHNESS_TARGET_SECONDS} s after it arrived`,
  check(_workspace, { derived }): TaskResult {
    const wait = derived.run.maxWaitSeconds;
    if (wait <= FRESHNESS_TARGET_SECONDS) {
      return { passed: true, feedback: `The longest wait is now ${seconds(wait)}.` };
    }
    return {
      passed: false,
      feedback: `A record waited ${seconds(wait)} in the buffer. Which hint fires first at this traffic, and how soon?`,
    };
  },
};

/** Step 2: the S3 request count a month of this setting makes. */
export const putsPerMonth: Task = {
  id: 'puts-per-month',
  title: 'At your setting, how many S3 PUT requests does a 30-day month of this traffic make?',
  check(workspace, { derived }): TaskResult {
    const answer = workspace.answers['puts-per-month'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    const expected = derived.run.putsPerMonth;
    if (answer === expected) {
      return {
        passed: true,
        feedback: `Right: ${formatCount(expected)} PUT requests a month, one per object.`,
      };
    }
    return {
      passed: false,
      feedback: `${formatCount(answer)} is not it for ${settingsOf(workspace)}. Each object is one PUT; a 30-day month holds 1,440 runs of 30 minutes.`,
    };
  },
};

/** Step 3: few, large objects for the nightly batch job. */
export const fewObjects: Task = {
  id: 'few-objects',
  title: `At most ${ARCHIVE_MAX_OBJECTS} objects for the 30 minutes, none left waiting in the buffer`,
  check(_workspace, { derived }): TaskResult {
    const run = derived.run;
    const count = run.objects.length + (run.stillBuffered.records > 0 ? 1 : 0);
    if (count <= ARCHIVE_MAX_OBJECTS) {
      return {
        passed: true,
        feedback: `${run.objects.length} objects of about ${formatBytes(run.meanObjectBytes)} each.`,
      };
    }
    const bySize = run.objects.filter((o) => o.trigger === 'size').length;
    const why =
      bySize > 0
        ? `${bySize} of them were cut by the size hint: the buffer filled before the interval ran out.`
        : 'Every one was cut by the interval hint.';
    return { passed: false, feedback: `The run makes ${count} objects. ${why}` };
  },
};

/** Step 4: objects in S3 are GZIP files that unpack to the log lines. */
export const gzipObjects: Task = {
  id: 'gzip-objects',
  title: 'The objects in S3 are GZIP files that unpack to the original log lines',
  check(_workspace, { derived }): TaskResult {
    const run = derived.run;
    const first = run.objects[0];
    if (!first) return { passed: false, feedback: 'No object has been delivered yet.' };
    if (first.contentEncoding !== 'gzip') {
      return {
        passed: false,
        feedback: `The objects are stored ${run.settings.compression === 'ZIP' ? 'as ZIP archives' : 'uncompressed'}; choose GZIP.`,
      };
    }
    if (run.firstObjectBody === null) return { passed: false, feedback: 'No object has been delivered yet.' };
    const text = new TextDecoder().decode(gunzipSync(run.firstObjectBody));
    const lines = text.split('\n').filter((line) => line !== '').length;
    return lines === first.records
      ? { passed: true, feedback: `The first object unpacks to its ${formatCount(lines)} log lines.` }
      : { passed: false, feedback: `The first object unpacks to ${lines} lines, not ${first.records}.` };
  },
};

/** Step 4: the GZIP ratio on the real records. */
export const compressionRatio: Task = {
  id: 'compression-ratio',
  title: 'What is the compression ratio (uncompressed bytes ÷ bytes in S3), to one decimal?',
  check(workspace, { derived }): TaskResult {
    const answer = workspace.answers['compression-ratio'];
    if (answer === undefined) return { passed: false, feedback: 'Not answered yet.' };
    if (derived.run.settings.compression === 'UNCOMPRESSED') {
      return { passed: false, feedback: 'Nothing is compressed yet: choose a compression format first.' };
    }
    const expected = derived.run.compressionRatio;
    if (Math.abs(answer - expected) <= 0.05) {
      return { passed: true, feedback: `Right: about ${formatNumber(expected, { maxDecimals: 1 })} to 1.` };
    }
    if (Math.abs(1 / answer - expected) <= 0.05 || answer < 1) {
      return {
        passed: false,
        feedback: `${answer} is upside down: divide the uncompressed bytes by the bytes stored in S3.`,
      };
    }
    return {
      passed: false,
      feedback: `${answer} is not it. Add up the uncompressed and the stored sizes of the delivered objects and divide.`,
    };
  },
};
