// packets-js under Node over wss, trusting the test certificate through NODE_EXTRA_CA_CERTS.
// Usage: NODE_EXTRA_CA_CERTS=server.crt node tls-client.mjs <port>
import assert from 'node:assert/strict';
import { connect } from '../../../../packets-js/src/index.js';

const port = process.argv[2];
const client = await connect(`https://127.0.0.1:${port}`, { timeout: 5000, reconnection: false });
assert.equal(client.transport, 'lane', 'over wss on the packets lane');
assert.deepEqual(await client.send(['Echo', { text: 'over tls' }]), ['Echo', { text: 'OVER TLS' }]);
client.close();
console.log('packets-js over wss ok');
process.exit(0);
