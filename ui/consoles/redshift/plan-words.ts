/**
 * Redshift's EXPLAIN in plain words: each plan step (`XN Seq Scan on accesslogs`, `XN Hash Join
 * DS_BCAST_INNER`, `XN Network`…) with what it does, how many rows the planner expects, and whether its
 * data movement is good, costly or bad (AWS-FACTS §6.5, from the Database Developer Guide's "Evaluating
 * the query plan"). Detail lines (`Filter:`, `Hash Cond:`, `Sort Key:`) stay with their step.
 */

/** How a step's data movement rates, as the developer guide rates the DS_* labels. */
export type MovementRating = 'good' | 'costly' | 'bad';

/** One step of the plan. */
export interface PlanStep {
  /** Nesting depth: 0 for the top step; a step's inputs are one deeper. */
  readonly depth: number;
  /** The operator without `XN`, such as `Hash Join` or `Seq Scan`. */
  readonly operator: string;
  /** The redistribution label, such as `DS_DIST_NONE`, or null. */
  readonly movement: string | null;
  /** The table or alias a scan reads, or null. */
  readonly relation: string | null;
  /** The planner's row estimate, or null when the line has none. */
  readonly rows: number | null;
  readonly detail: readonly string[];
  /** What the step does, in a sentence. */
  readonly words: string;
  readonly rating: MovementRating | null;
  /** The step's line as EXPLAIN printed it. */
  readonly line: string;
}

const MOVEMENT: Readonly<Record<string, { words: string; rating: MovementRating }>> = {
  DS_DIST_NONE: {
    words: 'Both tables are distributed on the join column, so each slice joins its own rows: no data moves.',
    rating: 'good',
  },
  DS_DIST_ALL_NONE: {
    words: 'The inner table is DISTSTYLE ALL, already on every node: no data moves.',
    rating: 'good',
  },
  DS_DIST_INNER: {
    words: 'The inner table is redistributed across the slices by the join column before joining.',
    rating: 'costly',
  },
  DS_DIST_OUTER: {
    words: 'The outer table is redistributed across the slices by the join column before joining.',
    rating: 'costly',
  },
  DS_BCAST_INNER: {
    words: 'The whole inner table is broadcast to every node: fine for a small table, slow for a large one.',
    rating: 'bad',
  },
  DS_DIST_ALL_INNER: {
    words:
      'The whole inner table goes to a single slice because the outer table is DISTSTYLE ALL: the join runs serially.',
    rating: 'bad',
  },
  DS_DIST_BOTH: { words: 'Both tables are redistributed across the slices before joining.', rating: 'bad' },
};

const OPERATOR: Readonly<Record<string, string>> = {
  'Seq Scan':
    'Reads every block of the table on every slice (zone maps may let it skip blocks for a range on the sort key).',
  'Subquery Scan': 'Reads the rows of a subquery.',
  'Hash Join': 'Joins by building a hash table of the inner input and probing it with each outer row.',
  'Merge Join':
    'Joins two inputs already sorted on the join column (both tables distributed and sorted on it): the cheapest join.',
  'Nested Loop':
    'Compares every outer row with every inner row (a join without an equality condition, or a cross join): the slowest join.',
  Hash: 'Builds the hash table of the inner input for the hash join above it.',
  HashAggregate: 'Groups rows in a hash table and computes the aggregates (COUNT, SUM…) for each group.',
  GroupAggregate: 'Computes aggregates over rows already sorted by the grouping columns.',
  Aggregate: 'Computes aggregates over all rows (no GROUP BY): one row comes out.',
  Sort: 'Sorts the rows by the sort key.',
  Merge: 'Merges the sorted results of the slices into one sorted result on the leader node.',
  Network: 'Sends rows between nodes: here to the leader node, which returns the result.',
  Limit: 'Stops after the first rows (LIMIT or TOP).',
  Unique: 'Removes duplicate rows (DISTINCT).',
  Window: 'Computes window functions over partitions of the rows.',
  Append: 'Concatenates the rows of several inputs (UNION ALL).',
  Materialize: 'Keeps an intermediate result to read it more than once.',
  Result: 'Computes values without reading a table.',
  'Seq Scan PG': 'Reads a system table on the leader node.',
};

const STEP = /^(\s*)(?:->\s+)?XN\s+(.+?)(?:\s+\(cost=[^)]*?rows=(\d+)[^)]*\))?\s*$/;

function parseOperator(text: string): { operator: string; movement: string | null; relation: string | null } {
  const words = text.split(/\s+/);
  const movement = words.find((w) => w.startsWith('DS_')) ?? null;
  const rest = words.filter((w) => w !== movement);
  const on = rest.indexOf('on');
  if (on === -1) return { operator: rest.join(' '), movement, relation: null };
  return { operator: rest.slice(0, on).join(' '), movement, relation: rest.slice(on + 1).join(' ') || null };
}

function wordsFor(
  operator: string,
  movement: string | null,
  relation: string | null,
  detail: readonly string[],
): string {
  const base = OPERATOR[operator] ?? `A ${operator} step.`;
  const sending = detail.find((d) => /^(Send to|Distribute|Broadcast)/.test(d));
  const parts = [relation && operator.endsWith('Scan') ? base.replace('the table', `“${relation}”`) : base];
  if (operator === 'Network' && sending) {
    parts[0] = sending.startsWith('Send to leader')
      ? OPERATOR.Network!
      : `Sends rows between nodes: ${sending.toLowerCase().startsWith('broadcast') ? 'a copy to every node' : 'each row to the slice its key hashes to'}.`;
  }
  if (movement)
    parts.push(MOVEMENT[movement]?.words ?? `${movement}: data movement the console does not describe yet.`);
  return parts.join(' ');
}

/** Reads EXPLAIN's lines into steps; lines before the first step (none in Redshift's output) are dropped. */
export function planSteps(lines: readonly string[]): PlanStep[] {
  const steps: { step: Omit<PlanStep, 'words' | 'detail'>; detail: string[] }[] = [];
  for (const line of lines) {
    const match = STEP.exec(line);
    if (match) {
      const indent = match[1]!.length;
      const { operator, movement, relation } = parseOperator(match[2]!);
      steps.push({
        step: {
          depth: indent === 0 ? 0 : Math.round((indent - 2) / 6) + 1,
          operator,
          movement,
          relation,
          rows: match[3] === undefined ? null : Number(match[3]),
          rating: movement ? (MOVEMENT[movement]?.rating ?? null) : null,
          line: line.trim(),
        },
        detail: [],
      });
    } else if (steps.length > 0 && line.trim() !== '') {
      steps.at(-1)!.detail.push(line.trim());
    }
  }
  return steps.map(({ step, detail }) => ({
    ...step,
    detail,
    words: wordsFor(step.operator, step.movement, step.relation, detail),
  }));
}
