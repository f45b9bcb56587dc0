// `warroom statuspage ID --out DIR`: writes the incident's static status page and Atom feed.
// A file already in DIR that this command did not write is left alone and named.
import type { Command } from 'commander';
import { incidentDocName } from '../../../shared/protocol/api';
import { HostError } from '../hostError';
import { withStore, type TokenCommandDeps } from '../sharing/tokenCommands';
import { renderStatusPage } from './statusPage';
import { writeStatusPageFiles } from './statusPageFiles';

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
      const written = writeStatusPageFiles(files, opts.out);
      process.stdout.write(`wrote ${written.files.join(' and ')} (${written.updates} customer update(s))\n`);
    });
}
