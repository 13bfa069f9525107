/**
 * Checks one AWS CLI call (the words after `aws`) the way the CLI and the service would: the operation
 * exists, every `--parameter` is a member of its input (the CLI's kebab-case of the model's name), the
 * required members are there, and each value has the member's type, length, pattern and enum. Returns the
 * problems, empty when AWS would accept the call.
 *
 * What the models do not say, and how it is handled:
 * - `aws s3 ls` and `aws s3 cp` are the CLI's own high-level commands, not API operations: see
 *   `s3-commands.ts`, which checks them and the API calls they make.
 * - Patterns are matched against the whole value (AWS rejects `a b` as a StreamName although the pattern
 *   `[a-zA-Z0-9_.-]+` occurs in it; kinesalite's validations anchor them the same way).
 * - Lengths count Unicode characters (code points), as AWS's validation does.
 * - Since 2022 Kinesis operations take StreamName or StreamARN, so the model marks neither required; the
 *   API reference says one must be given (StreamARN arrived after 2016, so the app always uses the name).
 * - A blob (`--data`) is base64 text for CLI version 2 unless `--cli-binary-format raw-in-base64-out`.
 * - Structures and lists are given as JSON; the CLI's shorthand syntax is not read here, so a command
 *   using it is reported (the app writes JSON). A list of strings may also be given as words
 *   (`--iam-roles ARN ARN`), and a boolean member is a flag (`--encrypted`, `--no-encrypted`).
 */
import { cliName, membersDisagree, serviceModel, type Shape } from './aws-models.ts';
import { validateS3Command } from './s3-commands.ts';

/** Options of the CLI itself that any command may carry, with whether they take a value. */
const GLOBAL_OPTIONS: Record<string, { value: boolean; enum?: readonly string[] }> = {
  '--cli-binary-format': { value: true, enum: ['base64', 'raw-in-base64-out'] },
  '--region': { value: true },
  '--output': { value: true, enum: ['json', 'text', 'table', 'yaml', 'yaml-stream'] },
  '--profile': { value: true },
  '--query': { value: true },
  '--no-paginate': { value: false },
};

const codePoints = (text: string): number => Array.from(text).length;

/**
 * Whether the CLI's argument parser (Python's argparse) reads a word as an option rather than as the value
 * of the option before it: a word that begins with "-", is longer than "-", is not a negative number and
 * holds no space.
 */
function readAsOption(word: string): boolean {
  return word.startsWith('-') && word !== '-' && !/^-\d+$|^-\d*\.\d+$/.test(word) && !word.includes(' ');
}

/** Problems of a value given as text on the command line for a member of shape `shape`. */
function checkScalar(text: string, shape: Shape, where: string, binaryFormat: string): string[] {
  switch (shape.type) {
    case 'string': {
      const problems: string[] = [];
      const length = codePoints(text);
      if (shape.min !== undefined && length < shape.min)
        problems.push(`${where}: ${JSON.stringify(text)} is shorter than ${shape.min}`);
      if (shape.max !== undefined && length > shape.max) problems.push(`${where}: longer than ${shape.max}`);
      if (shape.pattern !== undefined && !new RegExp(`^(?:${shape.pattern})$`, 'u').test(text)) {
        problems.push(`${where}: ${JSON.stringify(text)} does not match ${shape.pattern}`);
      }
      if (shape.enum !== undefined && !shape.enum.includes(text)) {
        problems.push(`${where}: ${JSON.stringify(text)} is not one of ${shape.enum.join(', ')}`);
      }
      return problems;
    }
    case 'integer':
    case 'long': {
      if (!/^-?\d+$/.test(text)) return [`${where}: ${JSON.stringify(text)} is not a whole number`];
      const value = Number(text);
      if (shape.min !== undefined && value < shape.min) return [`${where}: ${value} is below ${shape.min}`];
      if (shape.max !== undefined && value > shape.max) return [`${where}: ${value} is above ${shape.max}`];
      return [];
    }
    case 'blob': {
      let bytes: number;
      if (binaryFormat === 'base64') {
        if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
          return [
            `${where}: ${JSON.stringify(text)} is not base64, which CLI version 2 expects for binary values`,
          ];
        }
        bytes = Buffer.from(text, 'base64').length;
      } else bytes = Buffer.byteLength(text, 'utf8');
      if (shape.max !== undefined && bytes > shape.max)
        return [`${where}: ${bytes} bytes, above ${shape.max}`];
      return [];
    }
    default:
      return [`${where}: a ${shape.type} value on the command line is not checked here`];
  }
}

/** Problems of a JSON value (parsed) against a shape: members, required, types and constraints. */
function checkJson(value: unknown, shape: Shape, where: string): string[] {
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || value === null || Array.isArray(value))
        return [`${where}: expected an object`];
      const problems: string[] = [];
      for (const required of shape.required) {
        if (!(required in value)) problems.push(`${where}: missing required member ${required}`);
      }
      for (const [name, member] of Object.entries(value)) {
        const memberShape = shape.members[name];
        if (memberShape === undefined)
          problems.push(`${where}: no member ${name} (members: ${Object.keys(shape.members).join(', ')})`);
        else problems.push(...checkJson(member, memberShape, `${where}.${name}`));
      }
      return problems;
    }
    case 'list':
      if (!Array.isArray(value)) return [`${where}: expected a list`];
      return value.flatMap((item, i) => checkJson(item, shape.member!, `${where}[${i}]`));
    case 'map':
      if (typeof value !== 'object' || value === null) return [`${where}: expected an object`];
      return Object.values(value).flatMap((item) => checkJson(item, shape.value!, `${where}{}`));
    case 'string':
      return typeof value === 'string'
        ? checkScalar(value, shape, where, 'raw')
        : [`${where}: expected a string`];
    case 'integer':
    case 'long':
      return Number.isInteger(value)
        ? checkScalar(String(value), shape, where, 'raw')
        : [`${where}: expected a whole number`];
    case 'boolean':
      return typeof value === 'boolean' ? [] : [`${where}: expected true or false`];
    default:
      return [`${where}: a ${shape.type} value is not checked here`];
  }
}

/** A call that passes, with what it needed to be explained (deprecated members it uses). */
export interface CallReport {
  readonly problems: readonly string[];
  /** Model members the call uses that AWS marks deprecated (accepted, with a note to the learner). */
  readonly deprecated: readonly string[];
}

/** Checks `aws <argv>`: `argv` is what follows `aws`, as the shell hands it to the CLI. */
export function validateAwsCall(argv: readonly string[]): CallReport {
  const [service, command, ...args] = argv;
  if (service === undefined || command === undefined)
    return { problems: ['no service or command'], deprecated: [] };
  if (service === 's3') return { problems: validateS3Command(command, args), deprecated: [] };
  const model = serviceModel(service);
  if (model === undefined) return { problems: [`no model for service ${service}`], deprecated: [] };
  const operation = model.operations.get(command);
  if (operation === undefined)
    return { problems: [`${service} has no operation ${command}`], deprecated: [] };
  const input = model.input(operation);
  const byOption = new Map(Object.keys(input.members).map((name) => [`--${cliName(name)}`, name]));
  const given = new Map<string, string>();
  const problems: string[] = [];
  const deprecated: string[] = [];
  let binaryFormat = 'base64';
  for (let i = 0; i < args.length; i++) {
    const word = args[i]!;
    // `--name=value` is one word (how a value that begins with "-" is given).
    const equals = word.startsWith('--') ? word.indexOf('=') : -1;
    const option = equals > 0 ? word.slice(0, equals) : word;
    const inline = equals > 0 ? word.slice(equals + 1) : undefined;
    const global = GLOBAL_OPTIONS[option];
    // A boolean member is a flag without a value; `--no-<name>` gives false (the CLI's boolean arguments).
    const negated = option.startsWith('--no-')
      ? byOption.get(`--${option.slice('--no-'.length)}`)
      : undefined;
    const member =
      byOption.get(option) ?? (negated && input.members[negated]!.type === 'boolean' ? negated : undefined);
    if (member !== undefined && input.members[member]!.type === 'boolean' && inline === undefined) {
      if (given.has(member)) problems.push(`${option} is given twice`);
      given.set(member, member === negated && !byOption.has(option) ? 'false' : 'true');
      continue;
    }
    // A list of strings takes the words up to the next option (or one JSON list).
    const shape = member === undefined ? undefined : input.members[member]!;
    if (shape?.type === 'list' && shape.member?.type === 'string' && inline === undefined) {
      const words: string[] = [];
      while (i + 1 < args.length && !readAsOption(args[i + 1]!)) words.push(args[++i]!);
      if (words.length === 0) problems.push(`${option} has no value`);
      else if (given.has(member!)) problems.push(`${option} is given twice`);
      else
        given.set(
          member!,
          words.length === 1 && words[0]!.startsWith('[') ? words[0]! : JSON.stringify(words),
        );
      continue;
    }
    if (global === undefined && member === undefined) {
      problems.push(
        `${JSON.stringify(option)} is not a parameter of ${service} ${command} (parameters: ${[...byOption.keys()].join(' ')})`,
      );
      continue;
    }
    if (global !== undefined && !global.value) continue;
    let value = inline;
    if (value === undefined) {
      const next = args[i + 1];
      if (next === undefined || readAsOption(next)) {
        problems.push(`${option} has no value (the CLI reads ${JSON.stringify(next ?? '')} as an option)`);
        continue;
      }
      value = next;
      i++;
    }
    if (global !== undefined) {
      if (global.enum && !global.enum.includes(value))
        problems.push(`${option} ${value}: not one of ${global.enum.join(', ')}`);
      else if (option === '--cli-binary-format') binaryFormat = value === 'base64' ? 'base64' : 'raw';
      continue;
    }
    if (given.has(member!)) problems.push(`${option} is given twice`);
    given.set(member!, value);
  }
  problems.push(...membersDisagree(service, operation, [...given.keys()]));
  for (const required of input.required) {
    if (!given.has(required)) problems.push(`missing required --${cliName(required)}`);
  }
  if (
    service === 'kinesis' &&
    'StreamName' in input.members &&
    !given.has('StreamName') &&
    !given.has('StreamARN')
  ) {
    problems.push('missing --stream-name (or --stream-arn): Kinesis needs one of them');
  }
  for (const [member, value] of given) {
    const shape = input.members[member]!;
    const where = `--${cliName(member)}`;
    if (shape.deprecated) deprecated.push(member);
    if (shape.type === 'boolean') continue;
    if (shape.type === 'structure' || shape.type === 'list' || shape.type === 'map') {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        problems.push(`${where}: not JSON (the app writes structures as JSON)`);
        continue;
      }
      problems.push(...checkJson(parsed, shape, where));
    } else problems.push(...checkScalar(value, shape, where, binaryFormat));
  }
  return { problems, deprecated };
}
