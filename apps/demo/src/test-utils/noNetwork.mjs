// Loaded with `node --import` before a command under test: every way out to the network (fetch,
// sockets, name lookups) throws, and each attempt is appended to $LASSONET_NETWORK_LOG, so a
// test sees an attempt even where the command catches the error.

import dns from 'node:dns';
import { appendFileSync } from 'node:fs';
import net from 'node:net';

function refuse(what) {
  const log = process.env.LASSONET_NETWORK_LOG;
  if (log !== undefined && log !== '') appendFileSync(log, `${what}\n`);
  throw new Error(`Network access refused in this test: ${what}`);
}

globalThis.fetch = async (input) => refuse(`fetch ${input instanceof Request ? input.url : input}`);
net.Socket.prototype.connect = function connect(options) {
  refuse(`connect ${JSON.stringify(options)}`);
};
dns.lookup = (hostname) => refuse(`lookup ${hostname}`);
dns.promises.lookup = async (hostname) => refuse(`lookup ${hostname}`);
