import type { CalculationBase } from '../../sim/calc/index.ts';
import { formatQuantity, formatUnitPrice } from '../../sim/core/index.ts';
import { isLimitId, type PriceBook } from '../../sim/pricing/index.ts';
import { SERVICES, type ServiceSpec } from './calc-services.ts';

/** `bdlab calc --help`. */
export function calcHelp(): string {
  const width = Math.max(...SERVICES.map((service) => service.name.length)) + 2;
  const services = SERVICES.map((service) => `  ${service.name.padEnd(width)}${service.summary}`);
  return [
    'Usage: bdlab calc <service> [flags] [--prices 2016|current|FILE] [--json]',
    '',
    'Services:',
    ...services,
    `  ${'prices'.padEnd(width)}list the price book: every price and limit with its source`,
    '',
    'Common flags:',
    '  --prices 2016|current|FILE  price book (default 2016, the workshop); FILE is JSON like',
    '                              { "basedOn": "2016", "prices": { "kinesis.shardHour": 0.02 } }',
    '  --json                      print only the result as JSON',
    '  --help                      this help, or a service’s flags: bdlab calc kinesis --help',
    '',
    'Example: bdlab calc kinesis --records-per-second 3000 --record-bytes 500 --consumers 1',
    '',
  ].join('\n');
}

/** `bdlab calc <service> --help`. */
export function serviceHelp(service: ServiceSpec): string {
  const rows = service.flags.map((flag) => {
    const name =
      flag.kind === 'boolean'
        ? `--${flag.flag}`
        : `--${flag.flag} <${flag.kind === 'number' ? 'n' : 'text'}>`;
    const extra = flag.required
      ? ' (required)'
      : flag.default !== undefined
        ? ` (default ${flag.default})`
        : '';
    return [name, `${flag.description}${extra}`] as const;
  });
  const width = Math.max(...rows.map(([name]) => name.length)) + 2;
  return [
    `Usage: bdlab calc ${service.name} [flags] [--prices 2016|current|FILE] [--json]`,
    '',
    `${service.title}: ${service.summary}.`,
    '',
    'Flags:',
    ...rows.map(([name, text]) => `  ${name.padEnd(width)}${text}`),
    `  ${'--prices <book|FILE>'.padEnd(width)}price book: 2016 (default), current, or a JSON override file`,
    `  ${'--json'.padEnd(width)}print only the result as JSON`,
    '',
    `Example: bdlab calc ${service.name} ${service.example}`,
    '',
  ].join('\n');
}

/** Human output: the headline figures, the worked formulas with the learner's numbers, then the notes. */
export function renderResult(service: ServiceSpec, result: CalculationBase, book: PriceBook): string {
  const headline = service.headline(result);
  const width = Math.max(...headline.map(([label]) => label.length)) + 2;
  const lines = [`${service.title} — ${result.priceBookLabel}`, ''];
  for (const [label, text] of headline) lines.push(`  ${label.padEnd(width)}${text}`);
  lines.push('', 'How it is worked out:');
  result.steps.forEach((step, index) => {
    lines.push(`  ${index + 1}. ${step.label}`);
    lines.push(`       ${step.formula}`);
    lines.push(`     = ${step.substituted}`);
    lines.push(`     = ${formatQuantity(step.value, step.unit)}`);
    if (step.note) lines.push(`       (${step.note})`);
  });
  if (result.notes.length > 0) {
    lines.push('', 'Notes:');
    const marks = { info: '-', warning: '!', error: '✗' } as const;
    for (const note of result.notes) lines.push(`  ${marks[note.severity]} ${note.text}`);
  }
  const prices = result.factsUsed.flatMap((id) => (book.prices[id] ? [book.prices[id]] : []));
  if (prices.length > 0) {
    lines.push('', 'Prices used [confidence; sources]:');
    for (const price of prices) {
      lines.push(
        `  ${price.id}  ${formatUnitPrice(price.value)} per ${price.per}  [${price.confidence}; ${price.sources.join(', ')}]`,
      );
    }
  }
  const limits = result.factsUsed.filter((id) => isLimitId(book, id));
  if (limits.length > 0) lines.push('', `Limits used: ${limits.join(', ')}`);
  lines.push(
    `Every source in full: bdlab calc prices${result.priceBookId === 'current' ? ' --prices current' : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
