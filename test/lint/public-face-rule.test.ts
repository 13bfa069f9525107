import { RuleTester } from 'eslint';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';
import { publicFaceRule } from './public-face-rule.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = resolve(import.meta.dirname, '../..');
const at = (path: string) => resolve(root, path);
const tester = new RuleTester({ languageOptions: { ecmaVersion: 2022, sourceType: 'module' } });

tester.run('public-face', publicFaceRule(root), {
  valid: [
    { filename: at('ui/app.ts'), code: "import { putRecord } from '../sim/kinesis/index.ts';" },
    { filename: at('ui/app.ts'), code: "import { putRecord } from '../sim/kinesis';" },
    { filename: at('sim/kinesis/put.ts'), code: "import { shardFor } from './hash-key.ts';" },
    { filename: at('sim/kinesis/put.test.ts'), code: "import { putRecord } from './put.ts';" },
    { filename: at('labs/05-x/lab.ts'), code: "import { ok } from '../../sim/core/index.ts';" },
    { filename: at('ui/app.ts'), code: "import { mount } from 'svelte';" },
    {
      filename: at('sim/kcl/a.test.ts'),
      code: "import { startTestRun } from '../consumers/test-support.ts';",
    },
    {
      filename: at('test/fidelity/b.test.ts'),
      code: "import { runKind } from '../../sim/lambda-consumer/kind-harness.ts';",
    },
    { filename: at('ui/app.ts'), code: "import { lab } from '../labs/05-x/lab.ts';" },
  ],
  invalid: [
    {
      filename: at('ui/app.ts'),
      code: "import { putRecord } from '../sim/kinesis/put.ts';",
      errors: [{ messageId: 'throughIndex' }],
    },
    {
      filename: at('sim/firehose/deliver.ts'),
      code: "import { putObject } from '../s3/objects.ts';",
      errors: [{ messageId: 'throughIndex' }],
    },
    {
      filename: at('labs/05-x/lab.ts'),
      code: "export { formatUsd } from '../../sim/core/format.ts';",
      errors: [{ messageId: 'throughIndex' }],
    },
    {
      filename: at('ui/app.ts'),
      code: "import { startTestRun } from '../sim/consumers/test-support.ts';",
      errors: [{ messageId: 'throughIndex' }],
    },
    {
      filename: at('ui/app.ts'),
      code: "const m = import('../sim/scenario/run-scenario.ts');",
      errors: [{ messageId: 'throughIndex' }],
    },
  ],
});
