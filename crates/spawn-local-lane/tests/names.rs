//! A program written for `runtime::prelude` compiles against this prelude
//! with only its `use` lines changed: every name the runtime's prelude has,
//! and the other paths the Rust panel reads (`time::{sleep, Duration}`,
//! `println!`), used as the Rust panel uses them. Natively this only compiles (nothing is
//! polled: spawn_local and gloo need a browser).

use spawn_local_lane::prelude::*;
use spawn_local_lane::println;
use spawn_local_lane::time::{sleep, Duration};

async fn brew(ms: u32) {
    sleep_ms(ms).await;
    log("tea");
}

#[allow(dead_code)]
async fn run() {
    let early: Sleep = sleep_ms(10);
    join!(sleep_ms(30), brew(20), sleep(Duration::from_millis(5)));
    join_all(vec![sleep_ms(1), sleep_ms(2)]).await;
    select! {
        biased;
        _ = sleep_ms(50) => { log("first") }
        _ = brew(60) => {}
    }
    let task = spawn(async {
        yield_now().await;
        block_ms(1);
        3
    });
    early.await;
    if let Ok(n) = task.await {
        log(format!("{n}"));
        println!("tea after {} ms", n);
    }
    let other = spawn(brew(5));
    other.abort();
}

#[test]
fn a_program_written_for_the_runtime_s_prelude_compiles_against_this_one() {
    // Made, never polled: only its type is checked.
    let program = run();
    drop(program);
}
