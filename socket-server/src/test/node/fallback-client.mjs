// packets-js' default way: the packets lane, and Socket.IO when the lane's upgrade is refused.
// Usage: node fallback-client.mjs <port of a server with the lane> <port of a server without it>.
import assert from 'node:assert/strict';
import { connect } from '../../../../packets-js/src/index.js';

const [withLane, withoutLane] = process.argv.slice(2);
const lane = await connect(`http://127.0.0.1:${withLane}`, { timeout: 5000, reconnection: false });
assert.equal(lane.transport, 'lane');
assert.equal(await lane.send(['Move', { entity: 4, x: 1, y: 0 }]), 'moved 4 to 1,0');
lane.close();
console.log('by default on the lane');

const fallen = await connect(`http://127.0.0.1:${withoutLane}`, { timeout: 5000, reconnection: false });
assert.equal(fallen.transport, 'socket.io');
assert.equal(await fallen.send(['Move', { entity: 5, x: 0, y: 1 }]), 'moved 5 to 0,1');
fallen.close();
console.log('on Socket.IO when the lane is refused');

await assert.rejects(connect(`http://127.0.0.1:${withoutLane}`, { timeout: 5000, reconnection: false, transport: 'lane' }),
  /the packets lane at ws:\/\/127\.0\.0\.1:\d+\/packets\/lane is refused/);
console.log('a client on the lane only is refused with the reason');
process.exit(0);
