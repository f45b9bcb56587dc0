// `warroom statuspage ID --out DIR`: writes the incident's static status page and Atom feed.
// A file already in DIR that this command did not write is left alone and named.
import type { Command } from 'commander';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { incidentDocName } from '../../../shared/protocol/api';
import { HostError } from '../hostError';
import { withStore, type TokenCommandDeps } from '../sharing/tokenCommands';
import { GENERATOR_MARK, renderStatusPage, STATUS_FEED_FILE, STATUS_PAGE_FILE } from './statusPage';

export function registerStatusPageCommand(program: Command, deps: TokenCommandDeps): void {
  program
    .command('statuspage')
    .description("write an incident's static status page (HTML, no scripts) and Atom feed of its customer updates")
    .argument('<incident>', 'incident id')
    .requiredOption('--out <dir>', 'folder to write index.html and feed.atom into')
    .addOption(deps.dataDirOption())
    .action((id: string, opts: { out: string; dataDir?: string }) => {
      const files = withStore(deps, opts.dataDir, (store) => {
        const doc = store.hasDoc(incidentDocName(id)) ? store.loadDoc(incidentDocName(id)) : null;
        const page = doc ? renderStatusPage(doc, new Date().toISOString()) : null;
        doc?.destroy();
        if (!page) throw new HostError('not-found', `There is no incident with id ${id}.`);
        return page;
      });
      const targets = [path.join(opts.out, STATUS_PAGE_FILE), path.join(opts.out, STATUS_FEED_FILE)];
      for (const file of targets) {
        if (existsSync(file) && !readFileSync(file, 'utf8').includes(GENERATOR_MARK)) {
          throw deps.usageError(`${file} exists and was not written by War Room; it was left untouched.`);
        }
      }
      try {
        mkdirSync(opts.out, { recursive: true });
        writeFileSync(targets[0] as string, files.html);
        writeFileSync(targets[1] as string, files.atom);
      } catch (err) {
        throw deps.usageError(`cannot write the status page into ${opts.out}: ${(err as Error).message}`);
      }
      process.stdout.write(`wrote ${targets.join(' and ')} (${files.updates} customer update(s))\n`);
    });
}
