// The packets-js client under Node against the game's nodes: dehydrated sends, validation errors, pushed Bundles.
// Usage: node client.mjs <port of node-1>
import assert from 'node:assert/strict';
import { connect } from '../../../../packets-js/src/index.js';

const port = Number(process.argv[2]);
const client = await connect(`http://127.0.0.1:${port}`);
const ticks = [];
client.accept('Tick', (t) => { ticks.push(t); });
const [name, me] = await client.send(['Join', { name: 'node-client' }]);
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
console.log('client ok');
process.exit(0);
