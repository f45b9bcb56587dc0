// The exported postmortem must pass markdownlint-cli2 with its default rules (line length
// off), for the sample incident in both modes and for a snapshot full of hostile text.
import { main as markdownlint } from 'markdownlint-cli2';
import { describe, expect, it } from 'vitest';
import { EMPTY_RESPONSE } from '../../model/response';
import { renderPostmortem } from '../markdown';
import { hostileSnapshot, sampleSnapshot } from './fixtures';

const LINT_CONFIG = { default: true, MD013: false };
const GENERATED_AT = '2026-11-22T12:00:00.000Z';

/** Lints documents in memory (shared/ tests may not touch the file system) and returns the errors. */
async function lint(documents: Record<string, string>): Promise<string[]> {
  const errors: string[] = [];
  const exitCode = await markdownlint({
    argv: [],
    nonFileContents: documents,
    optionsOverride: { config: LINT_CONFIG },
    logMessage: () => undefined,
    logError: (message: string) => errors.push(message),
  });
  if (exitCode !== 0 && errors.length === 0) errors.push(`markdownlint exited with ${exitCode}`);
  return errors;
}

describe('postmortem Markdown passes markdownlint default rules', () => {
  it('for the sample incident, key events and full timeline, in several zones', async () => {
    const sample = sampleSnapshot();
    const errors = await lint({
      'sample-key.md': renderPostmortem(sample, { all: false }),
      'sample-all.md': renderPostmortem(sample, { all: true }),
      'sample-utc.md': renderPostmortem(sample, { all: true, timeZone: 'UTC' }),
      'sample-sydney.md': renderPostmortem(sample, { all: true, timeZone: 'Australia/Sydney' }),
    });
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('for a snapshot whose every text is hostile', async () => {
    const hostile = hostileSnapshot();
    const errors = await lint({
      'hostile-key.md': renderPostmortem(hostile, { all: false, generatedAt: GENERATED_AT }),
      'hostile-all.md': renderPostmortem(hostile, { all: true, generatedAt: GENERATED_AT }),
    });
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('for an incident with nothing written yet', async () => {
    const { incident } = hostileSnapshot();
    const empty = {
      incident: { ...incident, title: 'Quiet', summary: '', impact: '', commander: '', postmortem: { rootCause: '', wentWell: '', wentWrong: '', gotLucky: '' } },
      entries: [],
      response: EMPTY_RESPONSE,
    };
    const errors = await lint({ 'empty.md': renderPostmortem(empty, { all: true, generatedAt: GENERATED_AT }) });
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('reports a broken document (the check itself can fail)', async () => {
    const errors = await lint({ 'broken.md': '# One\n# Two\n| a | b |\n| --- |\n' });
    expect(errors.length).toBeGreaterThan(0);
  });
});
