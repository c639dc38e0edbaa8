import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import tseslint from 'typescript-eslint';

/**
 * The layer and device-library rules are only worth having if they fire. These lint small
 * snippets as if they lived at the given paths (without type information, which the rules
 * under test do not need).
 */
const eslint = new ESLint({
  cwd: process.cwd(),
  overrideConfig: [tseslint.configs.disableTypeChecked],
});

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('lint guardrails', () => {
  it('keeps leaf features from importing each other', async () => {
    const ids = await ruleIds(
      'src/features/session/probe.ts',
      "import { useSettingsStore } from '../settings/settings-store';\nexport const x = useSettingsStore;\n",
    );
    expect(ids).toContain('import-x/no-restricted-paths');
  });

  it('allows a feature to import its own files and lib', async () => {
    const ids = await ruleIds(
      'src/features/settings/probe.ts',
      "import { useSettingsStore } from './settings-store';\nimport { ApiError } from '../../lib/api-client';\nexport const x = [useSettingsStore, ApiError];\n",
    );
    expect(ids).toEqual([]);
  });

  it('keeps the server out of the app and the app out of the server', async () => {
    expect(
      await ruleIds(
        'src/lib/probe.ts',
        "import { createApp } from '../../server/src/app';\nexport const x = createApp;\n",
      ),
    ).toContain('import-x/no-restricted-paths');
    expect(
      await ruleIds(
        'server/src/probe.ts',
        "import { App } from '../../src/app/app';\nexport const x = App;\n",
      ),
    ).toContain('import-x/no-restricted-paths');
  });

  it('keeps contract free of app and server imports', async () => {
    expect(
      await ruleIds(
        'contract/probe.ts',
        "import { ApiError } from '../src/lib/api-client';\nexport const x = ApiError;\n",
      ),
    ).toContain('import-x/no-restricted-paths');
  });

  it('confines device libraries to their one adapter file', async () => {
    const code = "import { Workbox } from 'workbox-window';\nexport const x = Workbox;\n";
    expect(await ruleIds('src/app/probe.ts', code)).toContain('no-restricted-imports');
    expect(await ruleIds('src/sw/register.ts', code)).not.toContain('no-restricted-imports');
    expect(
      await ruleIds(
        'src/app/probe.ts',
        "import { readBarcodes } from 'zxing-wasm/reader';\nexport const x = readBarcodes;\n",
      ),
    ).toContain('no-restricted-imports');
  });

  it('keeps fetch and the camera behind their modules, and process.env in env.ts', async () => {
    expect(
      await ruleIds('src/features/session/probe.ts', "export const x = fetch('/x');\n"),
    ).toContain('no-restricted-globals');
    expect(
      await ruleIds('src/features/session/probe.ts', 'export const x = navigator.mediaDevices;\n'),
    ).toContain('no-restricted-properties');
    expect(
      await ruleIds('server/src/probe.ts', "export const x = process.env['PORT'];\n"),
    ).toContain('no-restricted-properties');
    expect(await ruleIds('server/src/env.ts', "export const x = process.env['PORT'];\n")).toEqual(
      [],
    );
  });
});
