import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseShow, stateAt, commentsBetween, likesBetween, pickText } from '../../web/show.mjs';

const demoText = readFileSync(new URL('../../assets/shows/demo.json', import.meta.url), 'utf8');
const demo = () => JSON.parse(demoText);
const errorOf = (obj) => parseShow(typeof obj === 'string' ? obj : JSON.stringify(obj)).error;

test('the built-in demo show is valid', () => {
  const { show, error } = parseShow(demoText);
  assert.equal(error, undefined);
  assert.equal(show.products.length, 4);
  assert.equal(pickText(show.products[0].name, 'id'), 'Kaos Polos Katun Premium');
  assert.equal(pickText(show.products[0].name, 'vi'), 'Premium Cotton Plain Tee'); // falls back to en
});

test('a bad show names the bad field and the problem', () => {
  assert.equal(errorOf('{"version": 1,').path, '(file)');
  assert.equal(errorOf('{"version": 1,').problem, 'not_json');
  let d = demo(); d.products[2].price = 'murah';
  assert.deepEqual([errorOf(d).path, errorOf(d).problem], ['products[2].price', 'not_number']);
  d = demo(); delete d.products[1].name;
  assert.deepEqual([errorOf(d).path, errorOf(d).problem], ['products[1].name', 'missing']);
  d = demo(); d.cues[5].product = 'nope';
  assert.deepEqual([errorOf(d).path, errorOf(d).problem], ['cues[5].product', 'unknown_product']);
  d = demo(); d.cues[0].type = 'explode';
  assert.deepEqual([errorOf(d).path, errorOf(d).problem], ['cues[0].type', 'unknown_cue']);
  d = demo(); d.version = 2;
  assert.equal(errorOf(d).problem, 'unsupported_version');
  d = demo(); d.products[0].image = 'javascript:alert(1)';
  assert.deepEqual([errorOf(d).path, errorOf(d).problem], ['products[0].image', 'bad_url']);
  d = demo(); d.products[3].id = d.products[0].id;
  assert.equal(errorOf(d).problem, 'duplicate_id');
  d = demo(); d.comments[0].t = -1;
  assert.deepEqual([errorOf(d).path, errorOf(d).problem], ['comments[0].t', 'out_of_range']);
  assert.equal(errorOf([]).problem, 'not_object');
  assert.equal(errorOf('null').problem, 'not_object');
});

test('the state at any moment is the same whether played or sought', () => {
  const { show } = parseShow(demoText);
  assert.equal(stateAt(show, 0).pinned, 'kaos-polos');
  assert.equal(stateAt(show, 8.5).pinned, 'sepatu-lari');
  assert.equal(stateAt(show, 24).pinned, null);
  const mid = stateAt(show, 12);
  assert.equal(mid.flash.product, 'sepatu-lari');
  assert.equal(mid.flash.secondsLeft, 3);
  assert.equal(mid.flash.soldNow, Math.round(4 + (17 - 4) * 0.5));
  assert.equal(stateAt(show, 15).flash, null);
  assert.equal(stateAt(show, 21).voucher.code, 'LIVE20');
  assert.equal(stateAt(show, 22).voucher, null);
  assert.equal(stateAt(show, 12).likes, 16);
  assert.deepEqual(commentsBetween(show, 5, 9.1).map((c) => c.user), ['spam_bot1', 'agus', 'lina', 'rina_ootd', 'hoki_slot']);
  assert.equal(commentsBetween(show, 9.1, 9.1).length, 0);
  assert.equal(likesBetween(show, 2, 11), 16);
});

test('the JSON Schema and the validator agree: the demo passes both, each broken show fails both', async () => {
  const { default: Ajv2020 } = await import('ajv/dist/2020.js');
  const schema = JSON.parse(readFileSync(new URL('../../assets/shows/show.schema.json', import.meta.url), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  assert.ok(validate(demo()), JSON.stringify(validate.errors));
  const broken = {
    'price as text': (d) => { d.products[2].price = 'murah'; },
    'no name': (d) => { delete d.products[1].name; },
    'unknown cue': (d) => { d.cues[0].type = 'explode'; },
    'version 2': (d) => { d.version = 2; },
    'negative comment time': (d) => { d.comments[0].t = -1; },
    'products missing': (d) => { delete d.products; },
  };
  for (const [name, breakIt] of Object.entries(broken)) {
    const d = demo();
    breakIt(d);
    assert.ok(errorOf(d), `${name}: the validator accepts it`);
    assert.equal(validate(d), false, `${name}: the schema accepts it`);
  }
});
