// `node --test tools/eslint/`: the module-boundary rule refuses what STYLE.md forbids.
import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { moduleBoundaries } from './module-boundaries.js';

const root = path.resolve(import.meta.dirname, '../..');
const at = (file) => path.join(root, file);
const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' },
});

tester.run('module-boundaries', moduleBoundaries, {
  valid: [
    { filename: at('services/gateway/src/main.ts'), code: "import { RpcClient } from '@arende/messaging';" },
    { filename: at('services/case-core/src/x.ts'), code: "import { DomainError } from '@arende/contracts';" },
    { filename: at('services/case-core/src/x.ts'), code: "import { CaseRow } from './repositories/case.row.js';" },
    { filename: at('libs/contracts/src/x.ts'), code: "import { z } from 'zod';" },
    { filename: at('libs/messaging/src/x.ts'), code: "import { headers } from '@nats-io/transport-node';" },
  ],
  invalid: [
    {
      filename: at('services/gateway/src/main.ts'),
      code: "import { CaseService } from '@arende/case-core';",
      errors: [{ messageId: 'serviceImport' }],
    },
    {
      filename: at('libs/messaging/src/x.ts'),
      code: "export { CaseService } from '@arende/case-core';",
      errors: [{ messageId: 'serviceImport' }],
    },
    {
      filename: at('services/gateway/src/main.ts'),
      code: "import { CaseService } from '../../case-core/src/services/case.service.js';",
      errors: [{ messageId: 'escape' }],
    },
    {
      filename: at('libs/contracts/src/x.ts'),
      code: "import { uuidv7 } from 'uuidv7';",
      errors: [{ messageId: 'contracts' }],
    },
    {
      filename: at('libs/contracts/src/x.ts'),
      code: "import { MessagingNames } from '@arende/messaging';",
      errors: [{ messageId: 'contracts' }],
    },
  ],
});
