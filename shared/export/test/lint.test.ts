// The exported postmortem must pass markdownlint-cli2 with its default rules (line length
// off), for the sample incident in both modes and for a snapshot full of hostile text.
import { describe, expect, it } from 'vitest';
import { EMPTY_COORDINATION } from '../../model/coordination';
import { emptySituation } from '../../model/situation';
import { renderPostmortem } from '../markdown';
import { hostileSnapshot, sampleSnapshot } from './fixtures';
import { lintMarkdown as lint } from './markdownLint';
import { HOSTILE_RECORDINGS, terminalSnapshot } from './terminalFixtures';

const GENERATED_AT = '2026-11-22T12:00:00.000Z';

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
      'hostile-chart.md': renderPostmortem(hostile, {
        all: true,
        generatedAt: GENERATED_AT,
        chartImage: { path: 'img/a b [1] (x).chart.svg', alt: `Incident chart: ${hostile.incident.title}` },
      }),
    });
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('for an incident with nothing written yet', async () => {
    const { incident } = hostileSnapshot();
    const empty = {
      incident: { ...incident, title: 'Quiet', summary: '', impact: '', commander: '', postmortem: { rootCause: '', wentWell: '', wentWrong: '', gotLucky: '' } },
      entries: [],
      coordination: EMPTY_COORDINATION,
      situation: emptySituation(),
    };
    const errors = await lint({ 'empty.md': renderPostmortem(empty, { all: true, generatedAt: GENERATED_AT }) });
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('with terminal excerpts (backticks, fences, tildes, controls, long lines, hostile Markdown) and recordings', async () => {
    const snapshot = terminalSnapshot();
    const errors = await lint({
      'terminal-key.md': renderPostmortem(snapshot, { all: false, generatedAt: GENERATED_AT, recordings: HOSTILE_RECORDINGS }),
      'terminal-all.md': renderPostmortem(snapshot, { all: true, generatedAt: GENERATED_AT, recordings: HOSTILE_RECORDINGS }),
      'terminal-utc.md': renderPostmortem(snapshot, { all: true, generatedAt: GENERATED_AT, timeZone: 'UTC', recordings: [] }),
    });
    expect(errors, errors.join('\n')).toEqual([]);
  });

  it('reports a broken document (the check itself can fail)', async () => {
    const errors = await lint({ 'broken.md': '# One\n# Two\n| a | b |\n| --- |\n' });
    expect(errors.length).toBeGreaterThan(0);
  });
});
