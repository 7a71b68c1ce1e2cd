// packets-js with a JWT: its session, a re-authentication, and the reason of a close when a token expires.
// Usage: node auth-client.mjs <port> <short token> <fresh token> <other short token>
import assert from 'node:assert/strict';
import { connect, PacketError } from '../../../../packets-js/src/index.js';

const [port, short, fresh, otherShort] = process.argv.slice(2);
const url = `http://127.0.0.1:${port}`;
const staying = await connect(url, { auth: { token: short }, timeout: 5000, reconnection: false });
assert.deepEqual(staying.session, { id: 'ada', roles: ['player'] });
assert.deepEqual(await staying.reauthenticate({ token: fresh }), { id: 'ada', roles: ['player'] });
await assert.rejects(staying.reauthenticate({ token: 'x.y.z' }),
  (e) => e instanceof PacketError && e.code === 401 && e.reason === 'jwt: malformed token');
console.log('session and re-authentication ok');

const leaving = await connect(url, { auth: { token: otherShort }, timeout: 5000, reconnection: false });
const why = await new Promise((resolve) => leaving.on('close', resolve));
assert.equal(why, 'token expired');
assert.equal(leaving.closeReason, 'token expired');
assert.deepEqual(await staying.send(['Echo', { text: 'still here' }]), ['Echo', { text: 'STILL HERE' }]);
await assert.rejects(connect(url, { auth: { token: 'nope' }, timeout: 5000, reconnection: false }),
  (e) => e instanceof PacketError && e.code === 401 && e.reason === 'jwt: malformed token');
staying.close();
console.log('packets-js auth ok');
process.exit(0);
