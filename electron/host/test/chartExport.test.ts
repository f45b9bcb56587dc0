import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintMarkdown } from '../../../shared/export/test/markdownLint';
import { chartPlacement } from '../chartFile';
import { useBuiltCli } from './builtCli';
import { REPO_ROOT, tempDir } from './helpers';

const SAMPLE = path.join(REPO_ROOT, 'assets', 'sample-incident.json');

/** The image the postmortem links to, as a file path. */
function linkedImage(markdownFile: string): string {
  const match = /^!\[Incident chart: [^\n]+\]\(([^)\s]+)\)$/m.exec(readFileSync(markdownFile, 'utf8'));
  expect(match, 'the postmortem links an image').not.toBeNull();
  return path.resolve(path.dirname(markdownFile), decodeURIComponent(match![1]!));
}

describe('the postmortem export writes the incident chart beside it', () => {
  const warroom = useBuiltCli();

  it('beside --out, linked at the top of the timeline, and markdownlint stays clean', async () => {
    const dir = path.join(tempDir(), 'post mortems');
    const out = path.join(dir, 'db outage.md');
    const result = warroom('export', SAMPLE, '--format', 'md', '--out', out);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const svg = path.join(dir, 'db outage.chart.svg');
    expect(linkedImage(out)).toBe(svg);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg [^>]*><title id="chart-title">Incident chart: /);
    const markdown = readFileSync(out, 'utf8');
    expect(markdown.indexOf('![Incident chart')).toBeGreaterThan(markdown.indexOf('## Timeline'));
    expect(await lintMarkdown({ 'db outage.md': markdown })).toEqual([]);
  });

  it('into --assets, linked relative to the postmortem', () => {
    const dir = tempDir();
    const out = path.join(dir, 'docs', 'pm.md');
    const assets = path.join(dir, 'docs', 'img');
    expect(warroom('export', SAMPLE, '--format', 'md', '--all', '--out', out, '--assets', assets).code).toBe(0);
    expect(linkedImage(out)).toBe(path.join(assets, 'pm.chart.svg'));
    expect(readFileSync(out, 'utf8')).toContain('](img/pm.chart.svg)');
  });

  it('leaves the chart out when the postmortem goes to stdout, and refuses --assets for JSON', () => {
    const dir = tempDir();
    const printed = warroom('export', SAMPLE, '--format', 'md');
    expect(printed.code).toBe(0);
    expect(printed.stdout).not.toContain('![Incident chart');
    const json = warroom('export', SAMPLE, '--format', 'json', '--assets', dir);
    expect(json.code).not.toBe(0);
    expect(json.stderr).toContain('--assets goes with --format md');
    expect(existsSync(path.join(dir, 'postmortem.chart.svg'))).toBe(false);
  });
});

describe('chartPlacement', () => {
  it('names the SVG after the postmortem and links it relative to the postmortem', () => {
    expect(chartPlacement({ format: 'md', out: 'out/pm.md' }, '/w')).toEqual({ file: '/w/out/pm.chart.svg', link: 'pm.chart.svg' });
    expect(chartPlacement({ format: 'md', out: 'out/pm.md', assets: 'assets' }, '/w')).toEqual({ file: '/w/assets/pm.chart.svg', link: '../assets/pm.chart.svg' });
    expect(chartPlacement({ format: 'md', assets: 'img' }, '/w')).toEqual({ file: '/w/img/postmortem.chart.svg', link: 'img/postmortem.chart.svg' });
    expect(chartPlacement({ format: 'md' }, '/w')).toBeNull();
  });
});
