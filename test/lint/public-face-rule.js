import { dirname, relative, resolve, sep } from 'node:path';

/**
 * Each folder of sim/ (a service, core/, scenario/ …) shows one public face, its index.ts: code outside
 * the folder imports it through that file, so a service can rearrange its inside without breaking callers
 * and a reader sees at once what a service offers. Files inside a folder import their neighbours directly.
 */
export function publicFaceRule(projectRoot) {
  const testSupport = /^(test-[\w-]+|[\w-]+-harness|[\w-]+-fixtures)\.ts$/;
  const testFile = /^test\/|\.test\.ts$|\/(test-[\w-]+|[\w-]+-harness|[\w-]+-fixtures)\.ts$/;
  const sim = resolve(projectRoot, 'sim');
  /** The sim/ folder a path lies in, and whether it is that folder's index, or undefined outside sim/. */
  const place = (path) => {
    const parts = relative(sim, path).split(sep);
    if (parts[0] === '..' || parts.length < 2 || parts[0] === '') return undefined;
    const rest = parts.slice(1).join('/');
    return {
      folder: parts[0],
      file: parts[parts.length - 1],
      isIndex: rest === 'index.ts' || rest === 'index' || rest === '',
    };
  };
  return {
    meta: {
      type: 'problem',
      docs: { description: 'Import a sim/ folder from outside it only through its index.ts.' },
      schema: [],
      messages: {
        throughIndex:
          '"{{specifier}}" reaches inside sim/{{folder}}/. Import it through sim/{{folder}}/index.ts (export the name there if it is missing).',
      },
    },
    create(context) {
      const importer = place(context.filename);
      const check = (node, source) => {
        if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
        const target = place(resolve(dirname(context.filename), source.value));
        if (!target || target.isIndex) return;
        // A bare folder specifier ("../sim/kinesis") resolves to its index too.
        if (resolve(dirname(context.filename), source.value) === resolve(sim, target.folder)) return;
        if (importer && importer.folder === target.folder) return;
        // Test support (stand-ins, harnesses, fixtures) is no part of a service's face: tests take it directly.
        if (
          testSupport.test(target.file) &&
          testFile.test(relative(projectRoot, context.filename).split(sep).join('/'))
        )
          return;
        context.report({
          node: source,
          messageId: 'throughIndex',
          data: { specifier: source.value, folder: target.folder },
        });
      };
      return {
        ImportDeclaration: (node) => check(node, node.source),
        ExportNamedDeclaration: (node) => check(node, node.source),
        ExportAllDeclaration: (node) => check(node, node.source),
        ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : undefined),
      };
    },
  };
}
