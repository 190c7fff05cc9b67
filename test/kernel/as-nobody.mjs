// Runs ipvsadm-ts's main as uid/gid 65534 with no groups, like `setpriv --reuid=65534 --regid=65534 --clear-groups`,
// but loads every module first, so the checkout need not be readable by nobody (CI clones may sit under /root).
import { main } from '../../dist/cli/main.js';
import { nodeIo } from '../../dist/cli/node-io.js';
await import('../../dist/kernel/open.js');
await import('../../dist/kernel/conns.js');
await import('netlink/dist/raw.js');
process.setgroups([]);
process.setgid(65534);
process.setuid(65534);
process.exitCode = await main(process.argv.slice(2), nodeIo());
