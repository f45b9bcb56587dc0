// Where a customer status update went, seen in Comms by the person who posted it: a real
// `warroom serve --status-webhook` posting to a receiver started by this test, which answers 503
// once and then 200, so Comms shows the retry and then "sent".
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startServe, test, expect, type ServedHost } from '../support/warroomServe';
import { postCustomerUpdate } from '../support/incidentPage';
import { giveName } from '../support/nameDialog';

let receiver: Server;
let host: ServedHost;
const bodies: string[] = [];

test.beforeAll(async () => {
  let refusals = 1;
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      if (refusals-- > 0) return void res.writeHead(503).end();
      bodies.push(body);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
  host = await startServe(['--status-webhook', `generic=http://127.0.0.1:${(receiver.address() as AddressInfo).port}/status`]);
});

test.afterAll(async () => {
  await host.stop();
  receiver.close();
});

test('Comms shows each customer update being retried and then sent to the status webhook', async ({ page }) => {
  await page.goto(host.openUrl);
  await giveName(page, 'Dana Comms');
  await page.getByLabel('Title').fill('Checkout slow for EU customers');
  await page.getByRole('button', { name: 'Create incident' }).click();
  await postCustomerUpdate(page, 'identified', 'We found the cause of slow checkouts and are rolling back.');

  const delivery = page.getByRole('list', { name: 'Delivery' });
  await expect(delivery.getByRole('listitem')).toHaveText(/^1\. generic 127\.0\.0\.1:\d+: (retrying after attempt 1: .*503.*|sent \(attempt 2\))$/);
  await expect(delivery.getByRole('listitem')).toHaveText(/^1\. generic 127\.0\.0\.1:\d+: sent \(attempt 2\)$/, { timeout: 20_000 });
  expect(bodies).toHaveLength(1);
  expect(JSON.parse(bodies[0] as string)).toMatchObject({ update: { audience: 'customers', text: 'We found the cause of slow checkouts and are rolling back.' } });

  // Kept to look at: where the update went, under it, at both laptop sizes.
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await expect(delivery).toBeVisible();
    await page.screenshot({ path: `test-results/comms-delivery-${size.width}x${size.height}.png` });
  }
});
