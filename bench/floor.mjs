// The raw floor for a restore: node, the netlink addon, one socket, and the pre-encoded messages of the input
// sent as ACK-less batches (one sendmsg each, under SO_SNDBUF) with a single ACK at the very end.
// Usage (in the guest): node bench/floor.mjs MESSAGES.bin   (written by bench/guest-bench.mjs)
import { readFileSync } from 'node:fs';
import { RawNetlinkSocket } from 'netlink/dist/raw.js';

const NLM_F_REQUEST = 1;
const NLM_F_ACK = 4;
const buf = readFileSync(process.argv[2]);
const sock = new RawNetlinkSocket(16, { recvBufferSize: 0, sendBufferSize: 0 });
// Split at message boundaries into datagrams of at most 192 KiB.
const grams = [];
let start = 0;
let at = 0;
let last = 0;
while (at < buf.length) {
  const len = buf.readUInt32LE(at);
  if (at + len - start > 192 << 10) { grams.push(buf.subarray(start, at)); start = at; }
  last = at;
  at += len;
}
grams.push(buf.subarray(start, at));
buf.writeUInt16LE(NLM_F_REQUEST | NLM_F_ACK, last + 6);
const finalSeq = buf.readUInt32LE(last + 8);
let errors = 0;
sock.on('message', (msg) => {
  for (let o = 0; o < msg.length;) {
    const len = msg.readUInt32LE(o);
    if (msg.readUInt16LE(o + 4) === 2 && msg.readInt32LE(o + 16) !== 0) errors++;
    if (msg.readUInt32LE(o + 8) === finalSeq) { console.log(JSON.stringify({ datagrams: grams.length, errors })); sock.close(); return; }
    o += (len + 3) & ~3;
  }
});
for (const g of grams) await new Promise((ok, fail) => sock.send(g, {}, (e) => (e ? fail(e) : ok())));
