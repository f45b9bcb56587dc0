// electron-builder.yml is checked against electron-builder's own JSON schema (shipped in
// app-builder-lib), so a misspelt key fails here rather than being ignored by `npm run dist`;
// and the hardening and link settings the app depends on are asserted.
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../host/test/helpers';

const require = createRequire(import.meta.url);
const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const config = load(readFileSync(path.join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>;

// The schema uses draft-07 with electron-builder's own keywords (e.g. "tsType"); strict mode off for those.
const check = new Ajv({ allErrors: true, strict: false }).compile(schema);

function validate(candidate: unknown): string[] {
  return check(candidate) ? [] : (check.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
}

describe('electron-builder.yml', () => {
  it('is valid against electron-builder\'s schema', () => {
    expect(validate(config)).toEqual([]);
  });

  it('fails the schema for a misspelt key (the check can fail)', () => {
    const { npmRebuild, ...rest } = config;
    expect(validate({ ...rest, npmRebuld: npmRebuild }).join('\n')).toMatch(/npmRebuld/);
  });

  it('ships the N-API install as it is, hardened by fuses, and registers warroom:// links', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
    expect(config.protocols).toEqual([{ name: 'War Room join link', schemes: ['warroom'] }]);
    expect((config.linux as { mimeTypes: string[] }).mimeTypes).toContain('x-scheme-handler/warroom');
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/node_modules/@photostructure/sqlite/**', '**/node_modules/node-pty/**', 'README.md']));
  });
});
