// The packets-js client under Node against the game's nodes: dehydrated sends, validation errors, pushed Bundles.
// Usage: node client.mjs <port of node-1> <port of node-2>
import assert from 'node:assert/strict';
import { connect } from '../../../../packets-js/src/index.js';

const port = Number(process.argv[2]);
const port2 = Number(process.argv[3]);
const client = await connect(`http://127.0.0.1:${port}`, { debug: true });   // logs the connect: table and wire
const ticks = [];
client.accept('Tick', (t) => { ticks.push(t); });
const [name, me] = await client.send(['Join', { name: 'node-client', world: true }]);
assert.equal(name, 'Joined');
assert.equal(me.node, 'node-1');
const [, where] = await client.send(['WhereIs', { entity: 2 * 100000 + 3 }]);
assert.equal(where.node, 'node-3');
assert.equal(where.entity, 200003);
console.log(`WhereIs answered by ${where.node}`);
await assert.rejects(client.send(['Input', { entity: me.entity, heading: 0, speed: 999 }]),
  (e) => e.code === 422 && /too fast/.test(e.reason));
await assert.rejects(client.send(['Input', { entity: me.entity, heading: 0, speed: 'fast' }]),
  (e) => /Input.speed: "fast" is not a number/.test(e.message));
console.log('cheating Input refused');
await new Promise((r) => setTimeout(r, 500));
assert.ok(ticks.length >= 5, `${ticks.length} ticks in 500 ms`);
console.log(`${ticks.length} snapshot Bundles in 500 ms`);
client.close();

// moving to another node with the session, on each way: its socket id comes along (the session is recovered there)
for (const transport of ['lane', 'socket.io']) {
  const mover = await connect(`http://127.0.0.1:${port}`, { transport });
  await mover.send(['Join', { name: `mover-${transport}`, world: false }]);
  const arrived = new Promise((resolve) => mover.on('reconnect', resolve));
  mover.moveTo(`http://127.0.0.1:${port2}/game/`);
  const { recovered } = await arrived;
  assert.equal(recovered, true, `${transport}: the session came along`);
  assert.equal(mover.transport, transport);
  // its player stayed on node 1 (it did not walk over): node 2 asks it to join again
  await assert.rejects(mover.send(['Input', { entity: 1, heading: 0, speed: 1 }]), (e) => e.code === 401);
  console.log(`moved to node 2 on ${transport} with its session`);
  mover.close();
}
console.log('client ok');
process.exit(0);
