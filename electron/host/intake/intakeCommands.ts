// `warroom intake token create|list|revoke`: intake tokens straight against the store, like
// `warroom token` for rooms. A running host sees a new or revoked token at its next request.
// `create` prints the URL and header to paste into the alerting tool (for Alertmanager, the
// whole receiver).
import { type Command, InvalidArgumentError, Option } from 'commander';
import { addRevokeCommand, printTokenList, withStore, type TokenCommandDeps } from '../sharing/tokenCommands';
import { INTAKE_SOURCES, type IntakeSource } from './alertSources';
import { INTAKE_PATH_PREFIX } from './intakeEndpoint';
import { INTAKE_ROUTES, IntakeTokens, type IntakeRoute } from './intakeTokens';

/** Printed when --url is not given: the port is the one `warroom serve` printed. */
const URL_PLACEHOLDER = 'http://127.0.0.1:PORT';

function parseBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidArgumentError(`"${value}" is not a URL such as http://127.0.0.1:8080.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new InvalidArgumentError(`"${value}" is not an http(s) URL.`);
  return url.origin;
}

const nonEmpty = (what: string) => (value: string) => {
  if (value.trim() === '') throw new InvalidArgumentError(`${what} is empty.`);
  return value.trim();
};

interface CreateOptions {
  source: IntakeSource;
  route: IntakeRoute;
  service?: string;
  severityLabel?: string;
  serviceLabel?: string;
  title?: string;
  url?: string;
  dataDir?: string;
}

export function alertmanagerReceiver(url: string, secret: string): string {
  return [
    'receivers:',
    '  - name: warroom',
    '    webhook_configs:',
    `      - url: ${url}`,
    '        send_resolved: true',
    '        http_config:',
    '          authorization:',
    '            type: Bearer',
    `            credentials: ${secret}`,
  ].join('\n');
}

export function registerIntakeCommands(program: Command, deps: TokenCommandDeps): void {
  const token = program
    .command('intake')
    .description('alert intake: alerting tools post to /intake/<source> with an intake token')
    .command('token')
    .description('intake tokens (minted, listed and revoked like room tokens)');

  token
    .command('create')
    .description('create an intake token; prints its secret once and the URL to paste into the alerting tool')
    .addOption(new Option('--source <source>', 'the alerting tool that will post').choices(INTAKE_SOURCES).makeOptionMandatory())
    .addOption(new Option('--route <route>', 'new: each alert opens its own incident; append: join the open incident of its service').choices(INTAKE_ROUTES).makeOptionMandatory())
    .option('--service <name>', 'the service of alerts that carry no service label', nonEmpty('--service'))
    .option('--severity-label <label>', 'the label that gives the severity (default: severity)', nonEmpty('--severity-label'))
    .option('--service-label <label>', 'the label that names the service (default: service)', nonEmpty('--service-label'))
    .option('--title <template>', 'title of an opened incident; {{label}} is replaced (default: "{{alertname}} on {{service}}")', nonEmpty('--title'))
    .option('--url <base>', "the host's URL as the alerting tool reaches it, for the printed URL", parseBaseUrl)
    .addOption(deps.dataDirOption())
    .action((opts: CreateOptions) => {
      const rule = {
        route: opts.route,
        ...(opts.service ? { service: opts.service } : {}),
        ...(opts.severityLabel ? { severityLabel: opts.severityLabel } : {}),
        ...(opts.serviceLabel ? { serviceLabel: opts.serviceLabel } : {}),
        ...(opts.title ? { titleTemplate: opts.title } : {}),
      };
      const created = withStore(deps, opts.dataDir, (store) => new IntakeTokens(store).create(opts.source, rule));
      const url = `${opts.url ?? URL_PLACEHOLDER}${INTAKE_PATH_PREFIX}${opts.source}`;
      const lines = [`id: ${created.id}`, `source: ${opts.source}`, `route: ${opts.route}`, `token: ${created.secret}`, `url: ${url}`, `header: Authorization: Bearer ${created.secret}`];
      if (opts.source === 'alertmanager') lines.push('', 'Alertmanager receiver:', alertmanagerReceiver(url, created.secret));
      process.stdout.write(`${lines.join('\n')}\n`);
    });

  addRevokeCommand(token, deps, {
    description: 'revoke an intake token; its next request gets 401',
    listCommand: 'intake token list',
    what: 'intake token',
    tokens: (store) => store.intakeTokens,
  });

  token
    .command('list')
    .description('list intake tokens (never their secrets)')
    .option('--json', 'print JSON', false)
    .addOption(deps.dataDirOption())
    .action((opts: { json: boolean; dataDir?: string }) => {
      const list = withStore(deps, opts.dataDir, (store) => new IntakeTokens(store).list());
      printTokenList(list, opts.json, (t) => [t.id, t.source, t.route, t.service ?? '-', t.createdAt], 'no intake tokens');
    });
}
