import type { CopyParameters } from './copy-parameters.ts';

/** A record that cannot be split into fields (the line itself is wrong, not one value). */
export interface RecordProblem {
  /** 1214 delimiter not found, 1202 extra columns, 1216 invalid quote formatting. */
  readonly code: 1202 | 1214 | 1216;
  readonly reason: string;
}

const LF = 10;
const CR = 13;
const BACKSLASH = 92;

/**
 * Reads a file's text record by record and splits each into fields, like COPY's scanner. One instance per
 * file; `next()` advances, then `fields[0..fieldCount)`, `line` (1-based, in the real file), `start`/`end`
 * (the record's offsets, for raw_line) and `problem` describe the record. The fields array is reused from
 * record to record so a million-row file allocates only the field strings.
 *
 * Plain delimited text takes the fast path (indexOf for lines and delimiters); ESCAPE, REMOVEQUOTES and
 * CSV walk the characters, because a delimiter or newline may then belong to a value.
 */
export class RecordReader {
  readonly fields: string[] = [];
  fieldCount = 0;
  line = 0;
  start = 0;
  end = 0;
  problem: RecordProblem | null = null;
  private offset = 0;
  private nextLine = 1;
  private readonly delimiter: string;
  private readonly delimiterCode: number;
  private readonly quoteCode: number;
  private readonly mode: 'fast' | 'text' | 'csv';

  constructor(
    private readonly text: string,
    private readonly params: CopyParameters,
    /** How many fields a record must have (the column list's length). */
    private readonly expected: number,
  ) {
    this.delimiter = params.delimiter;
    this.delimiterCode = params.delimiter.charCodeAt(0);
    this.quoteCode = params.quote.charCodeAt(0);
    this.mode = params.format === 'csv' ? 'csv' : params.escape || params.removeQuotes ? 'text' : 'fast';
  }

  /** Skips IGNOREHEADER lines; they still count for line numbers, as they do in Redshift. */
  skipLines(count: number): void {
    for (let i = 0; i < count && this.offset < this.text.length; i++) {
      const lf = this.text.indexOf('\n', this.offset);
      this.offset = lf < 0 ? this.text.length : lf + 1;
      this.nextLine++;
    }
  }

  /** Reads the next record; false at the end of the file. */
  next(): boolean {
    const text = this.text;
    for (;;) {
      if (this.offset >= text.length) return false;
      this.problem = null;
      this.fieldCount = 0;
      this.line = this.nextLine;
      this.start = this.offset;
      if (this.params.ignoreBlankLines && text.charCodeAt(this.offset) === LF) {
        this.offset++;
        this.nextLine++;
        continue;
      }
      if (this.mode === 'fast') this.readFast();
      else this.readWalking();
      this.checkCount();
      return true;
    }
  }

  private readFast(): void {
    const text = this.text;
    let lf = text.indexOf('\n', this.offset);
    if (lf < 0) lf = text.length;
    this.end = lf;
    this.offset = lf + 1;
    this.nextLine++;
    let from = this.start;
    const fields = this.fields;
    let n = 0;
    for (;;) {
      const cut = text.indexOf(this.delimiter, from);
      if (cut < 0 || cut >= lf) {
        fields[n++] = text.slice(from, lf);
        break;
      }
      fields[n++] = text.slice(from, cut);
      from = cut + 1;
    }
    this.fieldCount = n;
  }

  /**
   * ESCAPE / REMOVEQUOTES text, and CSV: one character at a time, since a record may span lines. Plain
   * characters are copied in runs (one slice per run) rather than one by one.
   */
  private readWalking(): void {
    const text = this.text;
    const length = text.length;
    const csv = this.mode === 'csv';
    const escape = this.params.escape;
    const removeQuotes = this.params.removeQuotes;
    const fields = this.fields;
    let n = 0;
    let value = '';
    let i = this.offset;
    let run = i;
    let quotedBy = 0;
    let atFieldStart = true;
    let closedQuote = false;
    for (;;) {
      if (i >= length) {
        if (quotedBy !== 0) {
          this.problem = {
            code: 1216,
            reason: csv ? 'Invalid quote formatting for CSV' : 'Unterminated quoted string',
          };
        }
        break;
      }
      const c = text.charCodeAt(i);
      if (quotedBy !== 0) {
        if (c === quotedBy) {
          value += text.slice(run, i);
          if (csv && text.charCodeAt(i + 1) === quotedBy) {
            run = i + 1;
            i += 2;
            continue;
          }
          quotedBy = 0;
          closedQuote = true;
          run = ++i;
          continue;
        }
        if (escape && c === BACKSLASH && i + 1 < length) {
          value += text.slice(run, i);
          run = i + 1;
          i += 2;
          continue;
        }
        if (c === LF) this.nextLine++;
        i++;
        continue;
      }
      if (c === LF) break;
      if (escape && c === BACKSLASH && i + 1 < length) {
        // `\N` alone in a field stays the default null string under ESCAPE (RS-DG, ESCAPE: "\N works as is").
        if (atFieldStart && text.charCodeAt(i + 1) === 78 && this.endsField(i + 2)) {
          value = '\\N';
          run = i += 2;
          atFieldStart = false;
          continue;
        }
        if (text.charCodeAt(i + 1) === LF) this.nextLine++;
        value += text.slice(run, i);
        run = i + 1;
        i += 2;
        atFieldStart = false;
        continue;
      }
      if (c === this.delimiterCode) {
        fields[n++] = value + text.slice(run, i);
        value = '';
        run = ++i;
        atFieldStart = true;
        closedQuote = false;
        continue;
      }
      if (atFieldStart && ((csv && c === this.quoteCode) || (removeQuotes && (c === 34 || c === 39)))) {
        quotedBy = c;
        atFieldStart = false;
        run = ++i;
        continue;
      }
      if (closedQuote && csv && c !== CR) {
        this.problem = { code: 1216, reason: 'Invalid quote formatting for CSV' };
      }
      atFieldStart = false;
      i++;
    }
    fields[n++] = value + text.slice(run, Math.min(i, length));
    this.fieldCount = n;
    this.end = Math.min(i, length);
    this.offset = i + 1;
    this.nextLine++;
  }

  private endsField(at: number): boolean {
    return (
      at >= this.text.length ||
      this.text.charCodeAt(at) === this.delimiterCode ||
      this.text.charCodeAt(at) === LF
    );
  }

  private checkCount(): void {
    if (this.problem) return;
    if (this.fieldCount > this.expected) {
      this.problem = { code: 1202, reason: 'Extra column(s) found' };
    } else if (this.fieldCount < this.expected && !this.params.fillRecord) {
      this.problem = { code: 1214, reason: 'Delimiter not found' };
    }
  }

  /** The record as it stands in the file (for raw_line). */
  rawLine(): string {
    return this.text.slice(this.start, this.end);
  }
}
