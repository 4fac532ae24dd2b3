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
    ['app/routes/example.tsx', "import { y } from '#db/schema';", 'forbidden'],
    ['app/routes/example.tsx', "import { y } from '#emails/new-letter';", 'forbidden'],
    ['app/routes/example.tsx', "import { y } from '~/routes/staff';", 'forbidden'],
    ['app/components/example.tsx', "import { y } from '~/models/cases/case.server';", 'forbidden'],
    ['app/components/example.tsx', "import { y } from '~/models/cases/case-stages';", 'forbidden'],
    ['app/components/example.tsx', "import type { y } from '~/routes/staff';", 'forbidden'],
    ['app/components/example.tsx', "import { y } from '~/utils/env.server';", 'forbidden'],
    ['app/utils/example.server.ts', "import { y } from '~/models/referrals/referral.server';", 'forbidden'],
    ['app/utils/example.server.ts', "import type { y } from '#emails/layout';", 'forbidden'],
    ['app/models/example.server.ts', "import { y } from '~/components/page';", 'forbidden'],
    ['app/models/example.server.ts', "import { y } from '../../emails/new-letter';", 'forbidden'],
    ['db/example.ts', "import { y } from '~/utils/env.server';", 'forbidden'],
    ['emails/example.ts', "import { y } from '~/utils/env.server';", 'forbidden'],
    ['emails/example.ts', "import { y } from './new-letter';", 'forbidden'],
    ['app/data/example.ts', "import { y } from '~/utils/env.server';", 'forbidden'],
    ['app/routes/example.tsx', "import { y } from '~/models/cases/case.server';", 'allowed'],
    ['app/routes/example.tsx', "import { y } from '~/components/page';", 'allowed'],
    ['app/components/example.tsx', "import { y } from '~/data/referral-options';", 'allowed'],
    ['app/models/example.server.ts', "import { y } from '#db/schema';", 'allowed'],
    ['app/models/example.server.ts', "import { y } from '#emails/new-letter';", 'allowed'],
    ['app/utils/example.server.ts', "import { y } from '#db/schema';", 'allowed'],
    ['emails/example.ts', "import { y } from './layout';", 'allowed'],
  ] as const)('%s: %s is %s', async (file, code, expected) => {
    expect(await problems(file, code)).toBe(expected === 'forbidden' ? 1 : 0);
  });
});

// The page rules: what a shared phone or a browser history could give away.
describe('page rules', () => {
  async function syntaxProblems(filePath: string, code: string) {
    const [result] = await eslint.lintText(code, { filePath });
    return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-syntax').length;
  }
  const form = (attrs: string) => `import { Form } from '@remix-run/react';\nexport default function P() {\n  return <Form method="post"${attrs} />;\n}\n`;
  const titled = (title: string) => `import type { RouteHandle } from '~/root';\nexport const handle: RouteHandle = { title: ${title} };\n`;
  it.each([
    ['app/routes/refer.example.tsx', form(''), 'forbidden'],
    ['app/routes/refer.example.tsx', form(' autoComplete="off"'), 'allowed'],
    ['app/routes/staff.example.tsx', form(''), 'allowed'],
    ['app/routes/letters.example.tsx', "import { useEffect } from 'react';\nuseEffect(() => {});\n", 'forbidden'],
    ['app/routes/staff.example.tsx', "import { useEffect } from 'react';\nuseEffect(() => {});\n", 'allowed'],
    ['app/routes/staff.example.tsx', titled('(d) => `Case ${(d as { reference: string }).reference}`'), 'forbidden'],
    ['app/routes/letters.example.tsx', titled('(d) => String(d)'), 'forbidden'],
    ['app/routes/staff.example.tsx', titled("'Case'"), 'allowed'],
  ] as const)('%s: %j is %s', async (file, code, expected) => {
    expect(await syntaxProblems(file, code)).toBe(expected === 'forbidden' ? 1 : 0);
  });
});

// Rooms stay small: a source file over 300 lines fails lint (decision 021); tests and data lists may be longer.
describe('file size', () => {
  const long = (n: number) => Array.from({ length: n }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n';
  it.each([
    ['app/models/cases/example.server.ts', 301, 'forbidden'],
    ['app/models/cases/example.server.ts', 299, 'allowed'],
    ['db/schema/example.ts', 301, 'forbidden'],
    ['emails/example.ts', 301, 'forbidden'],
    ['app/routes/staff.example.tsx', 301, 'forbidden'],
    ['app/models/cases/example.test.ts', 400, 'allowed'],
    ['app/data/example.ts', 400, 'allowed'],
  ] as const)('%s with %i lines is %s', async (file, lines, expected) => {
    const [result] = await eslint.lintText(long(lines), { filePath: file });
    expect((result?.messages ?? []).filter((m) => m.ruleId === 'max-lines').length).toBe(expected === 'forbidden' ? 1 : 0);
  });
});
