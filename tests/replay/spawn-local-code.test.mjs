// The spawn_local lane's code panel: the Rust panel with its `use runtime::`
// lines made `use spawn_local_lane::`, in every form the Rust panel's parser
// reads (it reads tokens: spaces around `::`, two `use`s on one line), and
// nothing else changed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnLocalCode } from '../../web/lanes/spawn-local.js';

test('every use of runtime becomes a use of spawn_local_lane, and only those', () => {
  const ours = [
    'use runtime::prelude::*;',
    'use runtime::println;',
    '    use runtime :: time::{sleep, Duration};',
    'use std::time::Duration; use runtime::time::Duration;',
    '',
    'async fn run() { // use runtime::prelude::* in a comment stays',
    '    log("use runtime::x"); // so does a string that does not start a line',
    '    let runtime = 3;',
    '}',
  ].join('\n');
  assert.equal(spawnLocalCode(ours), [
    'use spawn_local_lane::prelude::*;',
    'use spawn_local_lane::println;',
    '    use spawn_local_lane :: time::{sleep, Duration};',
    'use std::time::Duration; use spawn_local_lane::time::Duration;',
    '',
    'async fn run() { // use runtime::prelude::* in a comment stays',
    '    log("use runtime::x"); // so does a string that does not start a line',
    '    let runtime = 3;',
    '}',
  ].join('\n'));
});
