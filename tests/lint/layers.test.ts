// The layers in docs/architecture.md hold because lint refuses the imports that break
// them. This checks the rules themselves: each forbidden import, in a file of each layer,
// is an error, and the allowed ones are not.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function problems(filePath: string, code: string) {
  const [result] = await eslint.lintText(`${code}\nexport const x = y;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').length;
}

describe('layer rules', () => {
  it.each([
    ['app/routes/example.tsx', "import { y } from '#db/schema';"],
    ['app/routes/example.tsx', "import { y } from '#emails/new-letter';"],
    ['app/routes/example.tsx', "import { y } from '~/routes/staff';"],
    ['app/components/example.tsx', "import { y } from '~/models/case.server';"],
    ['app/components/example.tsx', "import { y } from '~/models/case-stages';"],
    ['app/components/example.tsx', "import type { y } from '~/routes/staff';"],
    ['app/components/example.tsx', "import { y } from '~/utils/env.server';"],
    ['app/utils/example.server.ts', "import { y } from '~/models/referral.server';"],
    ['app/utils/example.server.ts', "import type { y } from '#emails/layout';"],
    ['app/models/example.server.ts', "import { y } from '~/components/page';"],
    ['app/models/example.server.ts', "import { y } from '../../emails/new-letter';"],
    ['db/example.ts', "import { y } from '~/utils/env.server';"],
    ['emails/example.ts', "import { y } from '~/utils/env.server';"],
    ['emails/example.ts', "import { y } from './new-letter';"],
    ['app/data/example.ts', "import { y } from '~/utils/env.server';"],
  ])('%s may not %s', async (file, code) => {
    expect(await problems(file, code)).toBe(1);
  });

  it.each([
    ['app/routes/example.tsx', "import { y } from '~/models/case.server';"],
    ['app/routes/example.tsx', "import { y } from '~/components/page';"],
    ['app/components/example.tsx', "import { y } from '~/data/referral-options';"],
    ['app/models/example.server.ts', "import { y } from '#db/schema';"],
    ['app/models/example.server.ts', "import { y } from '#emails/new-letter';"],
    ['app/utils/example.server.ts', "import { y } from '#db/schema';"],
    ['emails/example.ts', "import { y } from './layout';"],
  ])('%s may %s', async (file, code) => {
    expect(await problems(file, code)).toBe(0);
  });
});
