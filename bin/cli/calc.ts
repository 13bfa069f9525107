import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CalcError } from '../../sim/calc/index.ts';
import { MAX_EXCERPT_CHARS } from '../../sim/core/index.ts';
import { parseTypedNumber } from '../../sim/core/index.ts';
import { ExitCode, UsageError, type CliIo } from './io.ts';
import { loadPriceBook, PRICES_ALLOWED, priceBookJson, priceBookText } from './calc-prices.ts';
import { calcHelp, renderResult, serviceHelp } from './calc-render.ts';
import { findService, SERVICES, type FlagSpec, type ServiceSpec } from './calc-services.ts';

const COMMON_OPTIONS = {
  prices: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

const serviceNames = () => [...SERVICES.map((service) => service.name), 'prices'].join(', ');

/** `bdlab calc <service> [flags] [--prices 2016|current|FILE] [--json]`: size and price a service. */
export async function calc(args: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    io.stderr(calcHelp());
    return ExitCode.usage;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(calcHelp());
    return ExitCode.ok;
  }
  if (name === 'prices') return prices(rest, io);
  const service = findService(name);
  if (!service) throw new UsageError(`unknown service '${name}'. Allowed: ${serviceNames()}.`);
  return runService(service, rest, io);
}

async function prices(args: string[], io: CliIo): Promise<number> {
  const values = parse(args, COMMON_OPTIONS, ['--prices', '--json', '--help'], 'prices');
  if (values.help) {
    io.stdout(
      'Usage: bdlab calc prices [--prices 2016|current|FILE] [--json]\n\nLists every price and limit with its source.\n',
    );
    return ExitCode.ok;
  }
  const book = await loadPriceBook(values.prices as string | undefined);
  io.stdout(values.json ? `${JSON.stringify(priceBookJson(book), null, 2)}\n` : priceBookText(book));
  return ExitCode.ok;
}

async function runService(service: ServiceSpec, args: string[], io: CliIo): Promise<number> {
  const options: NonNullable<ParseArgsConfig['options']> = { ...COMMON_OPTIONS };
  for (const flag of service.flags)
    options[flag.flag] = { type: flag.kind === 'boolean' ? 'boolean' : 'string' };
  const allowed = [...service.flags.map((flag) => `--${flag.flag}`), '--prices', '--json', '--help'];
  const values = parse(args, options, allowed, service.name, flagHints(service));
  if (values.help) {
    io.stdout(serviceHelp(service));
    return ExitCode.ok;
  }
  const input = buildInput(service, values);
  const book = await loadPriceBook(values.prices as string | undefined);
  const outcome = service.calculate(input, book);
  if (!outcome.ok) {
    const inputError = outcome.errors.find((error) => error.code === 'InvalidInput');
    if (inputError) throw new UsageError(flagErrorLine(service, inputError, values));
    for (const error of outcome.errors) io.stderr(`bdlab calc ${service.name}: ${error.message}\n`);
    return ExitCode.failure;
  }
  if (values.json) {
    const { steps, notes, factsUsed, priceBookId: _id, priceBookLabel: _label, ...figures } = outcome.value;
    const priceBook = { id: book.id, label: book.label, overridden: book.overridden };
    const json = { service: service.name, priceBook, input, ...figures, notes, steps, factsUsed };
    io.stdout(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    io.stdout(renderResult(service, outcome.value, book));
  }
  return ExitCode.ok;
}

type Values = Record<string, string | boolean | undefined>;

/** Strict parsing with node:util; its errors become one line naming the flag and the allowed flags. */
function parse(
  args: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  allowed: string[],
  where: string,
  hints: Readonly<Record<string, string>> = {},
): Values {
  const valueHints: Readonly<Record<string, string>> = {
    ...hints,
    prices: `${PRICES_ALLOWED}, such as --prices 2016`,
  };
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values as Values;
  } catch (error) {
    const code = (error as { code?: string }).code;
    const message = error instanceof Error ? error.message : String(error);
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const flag = shortText(/'([^']+)'/.exec(message)?.[1] ?? message);
      throw new UsageError(`unknown flag ${flag} for ${where}. Allowed flags: ${allowed.join(', ')}.`);
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const flag = /--[a-z-]+/.exec(message)?.[0] ?? 'a flag';
      const takesValue = options[flag.slice(2)]?.type === 'string';
      throw new UsageError(
        takesValue
          ? `${flag} needs a value: ${valueHints[flag.slice(2)] ?? 'write it after the flag'}.`
          : `${flag} takes no value; write ${flag} on its own.`,
      );
    }
    if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const value = shortText(/'([^']+)'/.exec(message)?.[1] ?? '');
      throw new UsageError(
        `unexpected argument '${value}' for ${where}: every value follows its flag. Allowed flags: ${allowed.join(', ')}.`,
      );
    }
    throw new UsageError(shortText(message));
  }
}

/** Turns flag text into calculator input: numbers parsed, defaults applied, required flags checked. */
function buildInput(service: ServiceSpec, values: Values): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const flag of service.flags) {
    const raw = values[flag.flag] ?? flag.default;
    if (raw === undefined) {
      if (flag.required)
        throw new UsageError(`--${flag.flag} is required for ${service.name}: ${flag.description}.`);
      continue;
    }
    input[flag.field] = flag.kind === 'number' ? parseNumber(flag, raw as string) : raw;
  }
  return input;
}

/** A value as typed, cut to an excerpt: a 10 KB argument must not make a 10 KB message. */
const shortText = (text: string): string =>
  text.length > MAX_EXCERPT_CHARS ? `${text.slice(0, MAX_EXCERPT_CHARS)}…` : text;

/** What a flag's value is, for "--flag needs a value: …": its description and default. */
function flagHints(service: ServiceSpec): Record<string, string> {
  const hints: Record<string, string> = {};
  for (const flag of service.flags) {
    hints[flag.flag] = `${flag.description}${flag.default === undefined ? '' : ` (default ${flag.default})`}`;
  }
  return hints;
}

/** Whether every `_` stands between two digits (`1_000`), as in JavaScript and Python number literals. */
const underscoresSeparateDigits = (text: string): boolean =>
  text.split('_').every((part, index, parts) => {
    const digitBefore = index === 0 || /^\d/.test(part);
    const digitAfter = index === parts.length - 1 || /\d$/.test(part);
    return digitBefore && digitAfter;
  });

/**
 * Reads a number flag's text as the app reads what a learner types (`sim/core/typed-number`, in the
 * app's own format: `21,600`, `2.5e3`), plus `_` between digits (`1_000`); hex, `Infinity` and a lone `_`
 * — all of which `Number()` reads — are refused. Throws a usage error quoting a short excerpt of it.
 */
export function parseNumber(flag: FlagSpec, text: string): number {
  const read = underscoresSeparateDigits(text)
    ? parseTypedNumber(text.replaceAll('_', ''), 'en-US')
    : undefined;
  if (!read?.ok) {
    throw new UsageError(
      `--${flag.flag} '${shortText(text)}' is not a decimal number; write digits such as 1000, 1_000 or 2.5e3 (${flag.description}).`,
    );
  }
  return read.value;
}

/** One line for a calculator's input error, in flag terms: "--record-bytes 0.5 is not allowed; use …". */
function flagErrorLine(service: ServiceSpec, error: CalcError, values: Values): string {
  const toFlag = (text: string) =>
    service.flags.reduce((out, flag) => out.replaceAll(flag.field, `--${flag.flag}`), text);
  const flag = service.flags.find((candidate) => candidate.field === error.path);
  if (!flag) return toFlag(error.message);
  const given = values[flag.flag] ?? flag.default;
  const allowed = toFlag(error.allowed ?? 'a different value');
  if (given === undefined) return `--${flag.flag} is missing for ${service.name}; use ${allowed}.`;
  return `--${flag.flag} ${shortText(String(given))} is not allowed for ${service.name}; use ${allowed}.`;
}
