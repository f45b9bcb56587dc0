// A TCP relay on loopback that a test can cut and mend: the network between a joiner and its room.
// Cutting destroys every live connection and refuses new ones, as a pulled cable or a dead Wi-Fi does.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export class Relay {
  private cutOff = false;
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server, readonly port: number) {}

  static async start(targetPort: number, targetHost = '127.0.0.1'): Promise<Relay> {
    let relay: Relay | null = null;
    const server = createServer((inbound) => {
      if (!relay || relay.cutOff) return void inbound.destroy();
      const outbound = connect(targetPort, targetHost);
      for (const s of [inbound, outbound]) {
        relay.sockets.add(s);
        s.on('error', () => {});
        s.on('close', () => {
          relay?.sockets.delete(s);
          inbound.destroy();
          outbound.destroy();
        });
      }
      inbound.pipe(outbound);
      outbound.pipe(inbound);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    relay = new Relay(server, (server.address() as AddressInfo).port);
    return relay;
  }

  get isCut(): boolean {
    return this.cutOff;
  }

  cut(): void {
    this.cutOff = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  mend(): void {
    this.cutOff = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
