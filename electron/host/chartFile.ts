// Where `warroom export --format md` puts the incident chart: an SVG beside the postmortem (the
// --out file's folder) or in --assets, named after the postmortem, and the relative link to it.
import path from 'node:path';
import { HostError } from './hostError';

/** "postmortem.md" → "postmortem.chart.svg". */
const CHART_SUFFIX = '.chart.svg';
const DEFAULT_STEM = 'postmortem';

export interface ChartPlacement {
  /** Where the SVG is written. */
  file: string;
  /** The link the postmortem holds: relative to the postmortem's folder, with forward slashes. */
  link: string;
}

/**
 * Null when the postmortem goes to stdout with no --assets: there is no folder to put a picture
 * beside. Markdown printed to stdout with --assets links relative to the working directory.
 */
export function chartPlacement(opts: { format: 'md' | 'json'; out?: string; assets?: string }, cwd = process.cwd()): ChartPlacement | null {
  if (opts.format !== 'md') {
    if (opts.assets !== undefined) throw new HostError('bad-args', '--assets goes with --format md: a JSON archive has no pictures.', 'assets');
    return null;
  }
  if (opts.out === undefined && opts.assets === undefined) return null;
  const markdownDir = opts.out === undefined ? cwd : path.dirname(path.resolve(cwd, opts.out));
  const stem = opts.out === undefined ? DEFAULT_STEM : path.basename(opts.out).replace(/\.(md|markdown)$/i, '');
  const file = path.resolve(cwd, opts.assets ?? markdownDir, `${stem}${CHART_SUFFIX}`);
  return { file, link: path.relative(markdownDir, file).split(path.sep).join('/') };
}
