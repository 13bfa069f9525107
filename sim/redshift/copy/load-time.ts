import { millis, type Millis } from '../../core/index.ts';

/**
 * Modelled COPY time — a model, not a measurement, and the UI says so.
 *
 * Basis (AWS-FACTS §6.4): COPY reads files in parallel, one slice per file; a gzip file cannot be split, so
 * one gzip file is read by one slice while the others wait ("one large file ⇒ serialized load"); AWS
 * advises a multiple of the slice count of roughly equal files. So the model assigns files to slices
 * (largest first, each to the least-loaded slice), times each slice from the bytes it parses, and the
 * load takes as long as its busiest slice, plus a fixed start-up and commit cost.
 *
 * The rates are assumptions of this simulator (AWS publishes no per-slice load rate): a slice parses
 * about 10 MiB of text per second and inflates gzip at about 40 MiB of compressed input per second; each
 * file costs one S3 request round trip. They make the shape right (files vs slices, skew, compression);
 * the absolute seconds are illustrative.
 */
export const LOAD_MODEL = {
  parseBytesPerSecondPerSlice: 10 * 1024 * 1024,
  inflateBytesPerSecondPerSlice: 40 * 1024 * 1024,
  perFileMillis: 60,
  fixedMillis: 1500,
} as const;

/** One file's part in the model. */
export interface LoadFile {
  readonly uri: string;
  /** Bytes as stored in S3. */
  readonly storedBytes: number;
  /** Bytes of text after decompression. */
  readonly textBytes: number;
  readonly gzip: boolean;
}

/** What one slice did. */
export interface SliceLoad {
  readonly slice: number;
  readonly files: number;
  readonly textBytes: number;
  readonly millis: Millis;
}

/** The modelled load: per-slice work, the busiest slice, and idle slices. */
export interface LoadTimeModel {
  readonly modelledMillis: Millis;
  readonly slices: readonly SliceLoad[];
  /** The slice each file was read by, in the files' order (stl_load_errors.slice / stl_load_commits.slice). */
  readonly sliceOfFile: readonly number[];
  /** Slices that read nothing (more slices than files). */
  readonly idleSlices: number;
  /** A sentence for the learner on what bounded the load. */
  readonly explanation: string;
}

function fileMillis(file: LoadFile): number {
  const parse = (file.textBytes / LOAD_MODEL.parseBytesPerSecondPerSlice) * 1000;
  const inflate = file.gzip ? (file.storedBytes / LOAD_MODEL.inflateBytesPerSecondPerSlice) * 1000 : 0;
  return LOAD_MODEL.perFileMillis + parse + inflate;
}

/** Assigns files to slices and times the load (see LOAD_MODEL for the basis). */
export function modelLoadTime(files: readonly LoadFile[], sliceCount: number): LoadTimeModel {
  const busy = new Array<number>(sliceCount).fill(0);
  const counts = new Array<number>(sliceCount).fill(0);
  const bytes = new Array<number>(sliceCount).fill(0);
  const sliceOfFile = new Array<number>(files.length).fill(0);
  const order = files.map((_, i) => i).sort((a, b) => fileMillis(files[b]!) - fileMillis(files[a]!) || a - b);
  for (const i of order) {
    let best = 0;
    for (let s = 1; s < sliceCount; s++) if (busy[s]! < busy[best]!) best = s;
    busy[best]! += fileMillis(files[i]!);
    counts[best]!++;
    bytes[best]! += files[i]!.textBytes;
    sliceOfFile[i] = best;
  }
  const slowest = Math.max(0, ...busy);
  const idleSlices = counts.filter((c) => c === 0).length;
  const slices = busy.map((b, s) => ({
    slice: s,
    files: counts[s]!,
    textBytes: bytes[s]!,
    millis: millis(Math.round(b)),
  }));
  return {
    modelledMillis: millis(Math.round(LOAD_MODEL.fixedMillis + slowest)),
    slices,
    sliceOfFile,
    idleSlices,
    explanation: explain(files, sliceCount, idleSlices),
  };
}

function explain(files: readonly LoadFile[], sliceCount: number, idle: number): string {
  const n = files.length;
  const gzip = files.some((f) => f.gzip);
  if (idle > 0) {
    return (
      `${n} file${n === 1 ? '' : 's'} for ${sliceCount} slices: ${idle} slice${idle === 1 ? '' : 's'} had nothing to read` +
      `${gzip ? ' (a gzip file cannot be split, so each is read by one slice)' : ''}. ` +
      `Split the input into a multiple of ${sliceCount} files of similar size to use every slice.`
    );
  }
  if (n % sliceCount !== 0) {
    return `${n} files over ${sliceCount} slices: some slices read one file more than others and finish last. A multiple of ${sliceCount} files balances them.`;
  }
  return `${n} files over ${sliceCount} slices: every slice had work; the busiest slice sets the time.`;
}
