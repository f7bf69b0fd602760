// Written by tests/compiled_panels.rs (UPDATE_PANELS=1): each module is a
// Rust panel exactly as the page shows it, then the functions the test calls.
// The special presets' are in src/preset_panels.rs.

pub mod sequential {
use runtime::prelude::*;

async fn run() {
    sleep_ms(200).await; // Timer 1
    sleep_ms(100).await; // Timer 2
    sleep_ms(50).await; // Timer 3
    log("I'm the last one");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod join {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(200), // Timer 1
        sleep_ms(100), // Timer 2
        sleep_ms(50), // Timer 3
    );
    log("All three are done");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod race {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(200) => {} // Timer 1
        _ = sleep_ms(100) => {} // Timer 2
        _ = sleep_ms(50) => {} // Timer 3
    }
    log("The fastest won");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod lazy {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        sleep_ms(200).await; // Timer 1
    };
    let f2 = async {
        sleep_ms(100).await; // Timer 2
    };
    let f3 = async {
        sleep_ms(50).await; // Timer 3
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    log("Done awaiting");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod early_sleep {
use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(200); // Timer 1
    let f2 = sleep_ms(100); // Timer 2
    let f3 = sleep_ms(50); // Timer 3
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    log("Done awaiting");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod blocking {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(50), // Timer 1
        sleep_ms(80), // Timer 2
        async { block_ms(100) },
    );
    sleep_ms(20).await; // Timer 3
    log("Done");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_000 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 3") } => {}
        _ = async { log("log 4") } => {}
    }
    sleep_ms(10).await; // Timer 5
    sleep_ms(20).await; // Timer 7
    sleep_ms(10).await; // Timer 8
    sleep_ms(20).await; // Timer 9
    log("log 10");
    sleep_ms(100).await; // Timer 11
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_001 {
use runtime::prelude::*;

async fn run() {
    block_ms(0);
    join!( // all at once; each poll polls every unfinished one
        async {
            log("log 4");
            sleep_ms(50).await; // Timer 5
            sleep_ms(20).await; // Timer 6
        },
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(0), // Timer 8
            );
        },
    );
    log("log 9");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_002 {
use runtime::prelude::*;

async fn run() {
    block_ms(0);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_003 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            let f1 = async { block_ms(10) };
            let f2 = async { log("log 4") };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
        } => {}
        _ = async { log("log 5") } => {}
    }
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(20) => {} // Timer 8
                _ = sleep_ms(0) => {} // Timer 9
            }
        } => {}
        _ = sleep_ms(10) => {} // Timer 10
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_004 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    log("log 2");
    let f1 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(20) => {} // Timer 5
        }
    };
    let f2 = async {
        join!( // all at once; each poll polls every unfinished one
            sleep_ms(10), // Timer 7
            sleep_ms(50), // Timer 8
            async { block_ms(0) },
        );
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_005 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 3") } => {}
        _ = sleep_ms(20) => {} // Timer 4
        _ = async { block_ms(10) } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_006 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(50) => {} // Timer 3
                _ = sleep_ms(20) => {} // Timer 4
                _ = async { block_ms(0) } => {}
            }
        },
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(10), // Timer 7
                sleep_ms(10), // Timer 8
                async { block_ms(10) },
            );
        },
    );
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 11") } => {}
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { block_ms(0) },
            );
        } => {}
    }
    sleep_ms(0).await; // Timer 15
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_007 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(20).await; // Timer 3
    sleep_ms(20).await; // Timer 4
    let f1 = async { log("log 6") };
    // nothing has run yet: futures start when polled
    f1.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(0) => {} // Timer 8
        _ = sleep_ms(100) => {} // Timer 9
        _ = sleep_ms(10) => {} // Timer 10
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_008 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        let f2 = async { block_ms(0) };
        // nothing has run yet: futures start when polled
        f2.await;
    };
    let f2 = sleep_ms(20); // Timer 4
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            let f4 = sleep_ms(20); // Timer 7
            // nothing has run yet: futures start when polled
            f4.await;
        } => {}
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { block_ms(0) } => {}
                _ = sleep_ms(10) => {} // Timer 10
            }
        } => {}
        _ = async {
            block_ms(10);
            sleep_ms(100).await; // Timer 13
        } => {}
    }
    sleep_ms(0).await; // Timer 14
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_009 {
use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(10); // Timer 2
    let f2 = async { log("log 3") };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(100), // Timer 6
                sleep_ms(20), // Timer 7
            );
        } => {}
        _ = async { block_ms(10) } => {}
        _ = async { log("log 9") } => {}
    }
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 11") } => {}
        _ = async { block_ms(0) } => {}
        _ = async { log("log 13") } => {}
    }
    let f3 = async { log("log 16") };
    let f4 = async { log("log 17") };
    let f5 = async { log("log 18") };
    // nothing has run yet: futures start when polled
    f3.await;
    f4.await;
    f5.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_010 {
use runtime::prelude::*;

async fn run() {
    block_ms(0);
    join!( // all at once; each poll polls every unfinished one
        async {
            let f1 = async { log("log 4") };
            // nothing has run yet: futures start when polled
            f1.await;
        },
        async {
            sleep_ms(20).await; // Timer 6
            sleep_ms(10).await; // Timer 7
        },
        async {
            join!( // all at once; each poll polls every unfinished one
                async { block_ms(30) },
            );
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_011 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 3") },
                async { block_ms(0) },
            );
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_012 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(0).await; // Timer 1
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(20), // Timer 3
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(100), // Timer 5
                async { log("log 6") },
                async { log("log 7") },
            );
        },
    );
    join!( // all at once; each poll polls every unfinished one
        async {
            let f1 = sleep_ms(0); // Timer 10
            // nothing has run yet: futures start when polled
            f1.await;
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_013 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_014 {
use runtime::prelude::*;

async fn run() {
    block_ms(10);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_015 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async { block_ms(30) },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_016 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(0) => {} // Timer 2
        _ = sleep_ms(100) => {} // Timer 3
        _ = async {
            let f1 = sleep_ms(10); // Timer 5
            // nothing has run yet: futures start when polled
            f1.await;
        } => {}
    }
    sleep_ms(0).await; // Timer 6
    sleep_ms(20).await; // Timer 8
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_017 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(20).await; // Timer 1
    sleep_ms(20).await; // Timer 2
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_018 {
use runtime::prelude::*;

async fn run() {
    log("log 2");
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(20), // Timer 4
        sleep_ms(0), // Timer 5
    );
    block_ms(0);
    sleep_ms(10).await; // Timer 7
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_019 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            let f1 = async { log("log 3") };
            let f2 = sleep_ms(100); // Timer 4
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
        } => {}
    }
    sleep_ms(50).await; // Timer 5
    join!( // all at once; each poll polls every unfinished one
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 8") } => {}
                _ = sleep_ms(50) => {} // Timer 9
            }
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_020 {
use runtime::prelude::*;

async fn run() {
    log("log 2");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_021 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_022 {
use runtime::prelude::*;

async fn run() {
    block_ms(0);
    sleep_ms(20).await; // Timer 2
    join!( // all at once; each poll polls every unfinished one
        async { log("log 5") },
        async { log("log 6") },
    );
    log("log 7");
    sleep_ms(20).await; // Timer 8
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_023 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 3") } => {}
    }
    sleep_ms(20).await; // Timer 4
    block_ms(30);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_024 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 3") },
            );
        } => {}
        _ = sleep_ms(20) => {} // Timer 4
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(100), // Timer 6
            );
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_025 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 3") } => {}
        _ = async { block_ms(30) } => {}
        _ = sleep_ms(50) => {} // Timer 5
    }
    sleep_ms(100).await; // Timer 6
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_026 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(20).await; // Timer 1
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_027 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 2") } => {}
        _ = async { block_ms(10) } => {}
    }
    block_ms(10);
    sleep_ms(20).await; // Timer 6
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_028 {
use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(20); // Timer 2
    // nothing has run yet: futures start when polled
    f1.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_029 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(0).await; // Timer 1
    sleep_ms(0).await; // Timer 2
    let f1 = async {
        let f2 = sleep_ms(10); // Timer 5
        let f3 = sleep_ms(20); // Timer 6
        // nothing has run yet: futures start when polled
        f2.await;
        f3.await;
    };
    let f2 = async {
        log("log 8");
        block_ms(0);
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_030 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    log("log 2");
    sleep_ms(20).await; // Timer 3
    let f1 = async { log("log 6") };
    let f2 = async { log("log 7") };
    let f3 = async { log("log 8") };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(10), // Timer 10
        sleep_ms(20), // Timer 11
        sleep_ms(50), // Timer 12
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_031 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_032 {
use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(20); // Timer 2
    let f2 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(20) => {} // Timer 4
            _ = sleep_ms(10) => {} // Timer 5
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_033 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    join!( // all at once; each poll polls every unfinished one
        async { block_ms(0) },
        async { log("log 4") },
        sleep_ms(0), // Timer 5
    );
    join!( // all at once; each poll polls every unfinished one
        async { log("log 7") },
        sleep_ms(20), // Timer 8
        async {
            let f1 = async { log("log 10") };
            // nothing has run yet: futures start when polled
            f1.await;
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_034 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { block_ms(30) } => {}
            _ = async { log("log 4") } => {}
            _ = async { log("log 5") } => {}
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
    block_ms(10);
    let f2 = async {
        log("log 9");
    };
    let f3 = async {
        sleep_ms(100).await; // Timer 11
        block_ms(0);
        sleep_ms(10).await; // Timer 13
    };
    let f4 = async { log("log 14") };
    // nothing has run yet: futures start when polled
    f2.await;
    f3.await;
    f4.await;
    log("log 15");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_035 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                async { block_ms(30) },
                async { log("log 4") },
                sleep_ms(50), // Timer 5
            );
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_036 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(0), // Timer 3
                async { log("log 4") },
            );
        },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(10) => {} // Timer 6
            }
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_037 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    sleep_ms(20).await; // Timer 2
    let f1 = async {
        let f2 = async { log("log 5") };
        let f3 = sleep_ms(100); // Timer 6
        // nothing has run yet: futures start when polled
        f2.await;
        f3.await;
    };
    // nothing has run yet: futures start when polled
    f1.await;
    let f4 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { log("log 9") } => {}
        }
    };
    // nothing has run yet: futures start when polled
    f4.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_038 {
use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(20); // Timer 2
    let f2 = async {
        let f3 = sleep_ms(10); // Timer 4
        // nothing has run yet: futures start when polled
        f3.await;
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    log("log 6");
    log("log 8");
    block_ms(30);
    log("log 10");
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(10), // Timer 12
        async { block_ms(10) },
        sleep_ms(10), // Timer 14
    );
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(50), // Timer 16
        async { log("log 17") },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 19") } => {}
                _ = async { log("log 20") } => {}
                _ = async { log("log 21") } => {}
            }
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_039 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            block_ms(0);
        },
        sleep_ms(20), // Timer 4
        async {
            log("log 6");
            log("log 7");
            log("log 8");
        },
    );
    log("log 9");
    sleep_ms(0).await; // Timer 11
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_040 {
use runtime::prelude::*;

async fn run() {
    block_ms(30);
    block_ms(30);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_041 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            block_ms(30);
            log("log 4");
        } => {}
    }
    log("log 5");
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            let f1 = sleep_ms(100); // Timer 8
            // nothing has run yet: futures start when polled
            f1.await;
        } => {}
        _ = async {
            log("log 10");
            block_ms(0);
        } => {}
    }
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(10), // Timer 14
            );
        } => {}
        _ = async {
            sleep_ms(0).await; // Timer 16
            sleep_ms(0).await; // Timer 17
            log("log 18");
        } => {}
        _ = async {
            let f2 = async { log("log 20") };
            let f3 = async { log("log 21") };
            // nothing has run yet: futures start when polled
            f2.await;
            f3.await;
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_042 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 2") } => {}
        _ = async { log("log 3") } => {}
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(100), // Timer 5
                sleep_ms(100), // Timer 6
            );
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_043 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    join!( // all at once; each poll polls every unfinished one
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 4") } => {}
                _ = async { log("log 5") } => {}
            }
        },
        async {
            join!( // all at once; each poll polls every unfinished one
                async { block_ms(10) },
                sleep_ms(20), // Timer 8
            );
        },
        sleep_ms(10), // Timer 9
    );
    sleep_ms(10).await; // Timer 10
    sleep_ms(20).await; // Timer 11
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_044 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async { log("log 2") },
        async {
            log("log 4");
            sleep_ms(100).await; // Timer 5
            sleep_ms(20).await; // Timer 6
        },
    );
    let f1 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { block_ms(0) } => {}
        }
    };
    let f2 = async {
        let f3 = async { block_ms(0) };
        let f4 = sleep_ms(10); // Timer 12
        let f5 = sleep_ms(10); // Timer 13
        // nothing has run yet: futures start when polled
        f3.await;
        f4.await;
        f5.await;
    };
    let f3 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(10) => {} // Timer 15
            _ = async { log("log 16") } => {}
            _ = sleep_ms(0) => {} // Timer 17
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_045 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(20), // Timer 3
    );
    let f1 = async { log("log 5") };
    let f2 = async { log("log 6") };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    let f3 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { log("log 9") } => {}
        }
    };
    let f4 = async {
        join!( // all at once; each poll polls every unfinished one
            async { block_ms(30) },
            sleep_ms(20), // Timer 12
            async { log("log 13") },
        );
    };
    let f5 = sleep_ms(20); // Timer 14
    // nothing has run yet: futures start when polled
    f3.await;
    f4.await;
    f5.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_046 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(20) => {} // Timer 3
            }
        },
    );
    sleep_ms(10).await; // Timer 4
    join!( // all at once; each poll polls every unfinished one
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(100) => {} // Timer 7
                _ = sleep_ms(100) => {} // Timer 8
                _ = sleep_ms(0) => {} // Timer 9
            }
        },
        async {
            let f1 = async { log("log 11") };
            // nothing has run yet: futures start when polled
            f1.await;
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_047 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(10), // Timer 3
                async { log("log 4") },
            );
        },
        async {
            let f1 = async { log("log 6") };
            let f2 = sleep_ms(0); // Timer 7
            let f3 = sleep_ms(10); // Timer 8
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
            f3.await;
        },
    );
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            sleep_ms(20).await; // Timer 11
            sleep_ms(0).await; // Timer 12
            sleep_ms(50).await; // Timer 13
        } => {}
        _ = async {
            block_ms(30);
        } => {}
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { block_ms(10) } => {}
                _ = sleep_ms(20) => {} // Timer 18
                _ = sleep_ms(10) => {} // Timer 19
            }
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_048 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        sleep_ms(20).await; // Timer 3
    };
    let f2 = async { block_ms(10) };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    sleep_ms(0).await; // Timer 5
    join!( // all at once; each poll polls every unfinished one
        async { log("log 8") },
        async { log("log 9") },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_049 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(100) => {} // Timer 3
            _ = sleep_ms(20) => {} // Timer 4
            _ = async { log("log 5") } => {}
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_050 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(20), // Timer 2
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 4") } => {}
                _ = async { block_ms(0) } => {}
            }
        },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 7") } => {}
                _ = sleep_ms(20) => {} // Timer 8
                _ = sleep_ms(20) => {} // Timer 9
            }
        },
    );
    sleep_ms(10).await; // Timer 10
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_051 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(50).await; // Timer 1
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(20), // Timer 4
    );
    sleep_ms(10).await; // Timer 5
    let f1 = async {
        sleep_ms(100).await; // Timer 8
        sleep_ms(10).await; // Timer 9
    };
    // nothing has run yet: futures start when polled
    f1.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_052 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(50).await; // Timer 1
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(20), // Timer 4
                sleep_ms(20), // Timer 5
                async { block_ms(10) },
            );
        },
        async {
            log("log 8");
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_053 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(20).await; // Timer 1
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_054 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async { log("log 3") },
    );
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(50) => {} // Timer 5
        _ = sleep_ms(50) => {} // Timer 6
        _ = sleep_ms(100) => {} // Timer 7
    }
    sleep_ms(100).await; // Timer 9
    sleep_ms(0).await; // Timer 10
    join!( // all at once; each poll polls every unfinished one
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(20) => {} // Timer 13
                _ = async { log("log 14") } => {}
            }
        },
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(20), // Timer 16
            );
        },
    );
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { block_ms(30) } => {}
        _ = async { log("log 20") } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_055 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { block_ms(10) } => {}
        _ = async {
            log("log 4");
            log("log 5");
        } => {}
    }
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            let f1 = async { block_ms(10) };
            let f2 = async { log("log 9") };
            let f3 = sleep_ms(0); // Timer 10
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
            f3.await;
        } => {}
        _ = async {
            log("log 12");
        } => {}
    }
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(0), // Timer 15
                sleep_ms(20), // Timer 16
            );
        } => {}
    }
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 19") },
                sleep_ms(0), // Timer 20
            );
        },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(100) => {} // Timer 22
                _ = sleep_ms(50) => {} // Timer 23
                _ = async { block_ms(0) } => {}
            }
        },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 26") } => {}
                _ = async { log("log 27") } => {}
                _ = sleep_ms(100) => {} // Timer 28
            }
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_056 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(20).await; // Timer 1
    let f1 = async { block_ms(30) };
    // nothing has run yet: futures start when polled
    f1.await;
    log("log 5");
    sleep_ms(100).await; // Timer 7
    sleep_ms(0).await; // Timer 8
    log("log 9");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_057 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            sleep_ms(0).await; // Timer 3
            log("log 4");
            log("log 5");
        },
        async {
            block_ms(0);
            log("log 8");
        },
        sleep_ms(10), // Timer 9
    );
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            log("log 12");
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_058 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 3") } => {}
            }
        } => {}
        _ = async { block_ms(30) } => {}
    }
    log("log 6");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_059 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 3") },
                async { block_ms(0) },
            );
        },
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(10), // Timer 6
                async { log("log 7") },
            );
        },
        async { block_ms(10) },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_060 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            let f1 = sleep_ms(20); // Timer 3
            let f2 = sleep_ms(0); // Timer 4
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
        } => {}
    }
    log("log 5");
    sleep_ms(50).await; // Timer 6
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { block_ms(10) } => {}
            }
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_061 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    let f1 = async { block_ms(10) };
    // nothing has run yet: futures start when polled
    f1.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            sleep_ms(50).await; // Timer 6
            sleep_ms(10).await; // Timer 7
        } => {}
        _ = async {
            let f2 = async { log("log 9") };
            let f3 = async { log("log 10") };
            let f4 = async { log("log 11") };
            // nothing has run yet: futures start when polled
            f2.await;
            f3.await;
            f4.await;
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_062 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(100) => {} // Timer 2
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_063 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 3") } => {}
    }
    log("log 4");
    let f1 = sleep_ms(20); // Timer 6
    let f2 = async { block_ms(30) };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_064 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 2") } => {}
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 4") } => {}
                _ = sleep_ms(100) => {} // Timer 5
            }
        } => {}
        _ = async {
            let f1 = sleep_ms(10); // Timer 7
            let f2 = async { log("log 8") };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
        } => {}
    }
    join!( // all at once; each poll polls every unfinished one
        async {
            let f3 = sleep_ms(100); // Timer 11
            let f4 = async { log("log 12") };
            let f5 = sleep_ms(0); // Timer 13
            // nothing has run yet: futures start when polled
            f3.await;
            f4.await;
            f5.await;
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_065 {
use runtime::prelude::*;

async fn run() {
    let f1 = async { log("log 2") };
    // nothing has run yet: futures start when polled
    f1.await;
    log("log 3");
    log("log 4");
    sleep_ms(50).await; // Timer 5
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_066 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 3") },
                sleep_ms(100), // Timer 4
            );
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_067 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        join!( // all at once; each poll polls every unfinished one
            async { block_ms(0) },
            sleep_ms(50), // Timer 4
        );
    };
    let f2 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(20) => {} // Timer 6
            _ = async { log("log 7") } => {}
            _ = sleep_ms(0) => {} // Timer 8
        }
    };
    let f3 = async {
        join!( // all at once; each poll polls every unfinished one
            async { block_ms(30) },
            async { block_ms(30) },
            sleep_ms(20), // Timer 12
        );
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(20), // Timer 15
        async { block_ms(10) },
    );
    sleep_ms(10).await; // Timer 17
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_068 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 3") } => {}
            }
        },
        async {
            let f1 = sleep_ms(20); // Timer 5
            // nothing has run yet: futures start when polled
            f1.await;
        },
        async {
            sleep_ms(20).await; // Timer 7
        },
    );
    sleep_ms(20).await; // Timer 8
    let f2 = async {
        log("log 11");
        block_ms(0);
    };
    let f3 = async {
        let f4 = async { log("log 14") };
        let f5 = sleep_ms(100); // Timer 15
        let f6 = sleep_ms(20); // Timer 16
        // nothing has run yet: futures start when polled
        f4.await;
        f5.await;
        f6.await;
    };
    // nothing has run yet: futures start when polled
    f2.await;
    f3.await;
    sleep_ms(20).await; // Timer 17
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_069 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(10).await; // Timer 1
    block_ms(10);
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(50), // Timer 5
                sleep_ms(20), // Timer 6
            );
        } => {}
        _ = sleep_ms(0) => {} // Timer 7
        _ = async { log("log 8") } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_070 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(10).await; // Timer 2
    join!( // all at once; each poll polls every unfinished one
        async { log("log 4") },
        async { block_ms(30) },
        async { block_ms(10) },
    );
    let f1 = async {
        join!( // all at once; each poll polls every unfinished one
            sleep_ms(20), // Timer 9
        );
    };
    let f2 = async { log("log 10") };
    let f3 = async { block_ms(10) };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    sleep_ms(50).await; // Timer 13
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_071 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { block_ms(10) } => {}
            }
        } => {}
    }
    sleep_ms(10).await; // Timer 4
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(20) => {} // Timer 6
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_072 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async { log("log 2") },
    );
    log("log 3");
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 6") } => {}
                _ = async { log("log 7") } => {}
                _ = async { log("log 8") } => {}
            }
        } => {}
        _ = async { block_ms(0) } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_073 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(100) => {} // Timer 3
                _ = sleep_ms(0) => {} // Timer 4
                _ = async { log("log 5") } => {}
            }
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_074 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        let f2 = sleep_ms(20); // Timer 3
        let f3 = async { log("log 4") };
        let f4 = async { log("log 5") };
        // nothing has run yet: futures start when polled
        f2.await;
        f3.await;
        f4.await;
    };
    let f2 = sleep_ms(50); // Timer 6
    let f3 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { block_ms(10) } => {}
            _ = async { block_ms(0) } => {}
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    log("log 10");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_075 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 2") } => {}
        _ = async {
            sleep_ms(20).await; // Timer 4
            log("log 5");
        } => {}
    }
    sleep_ms(10).await; // Timer 6
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_076 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(20).await; // Timer 3
    log("log 4");
    sleep_ms(20).await; // Timer 5
    log("log 6");
    join!( // all at once; each poll polls every unfinished one
        async {
            let f1 = async { log("log 9") };
            let f2 = async { block_ms(0) };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
        },
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(10), // Timer 12
            );
        },
        async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 14") },
                async { block_ms(10) },
                sleep_ms(20), // Timer 16
            );
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_077 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(20).await; // Timer 1
    log("log 2");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_078 {
use runtime::prelude::*;

async fn run() {
    log("log 2");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_079 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_080 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 4") },
                sleep_ms(20), // Timer 5
            );
        } => {}
        _ = async {
            let f1 = async { log("log 7") };
            let f2 = sleep_ms(50); // Timer 8
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
        } => {}
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(50) => {} // Timer 10
            }
        } => {}
    }
    log("log 11");
    join!( // all at once; each poll polls every unfinished one
        async {
            let f3 = sleep_ms(0); // Timer 14
            let f4 = sleep_ms(0); // Timer 15
            // nothing has run yet: futures start when polled
            f3.await;
            f4.await;
        },
        sleep_ms(0), // Timer 16
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_081 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            let f1 = sleep_ms(10); // Timer 3
            let f2 = async { log("log 4") };
            let f3 = async { log("log 5") };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
            f3.await;
        },
        async { block_ms(0) },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 8") } => {}
            }
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_082 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(100).await; // Timer 1
    join!( // all at once; each poll polls every unfinished one
        async { block_ms(10) },
        sleep_ms(20), // Timer 4
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(20), // Timer 6
                sleep_ms(50), // Timer 7
            );
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_083 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            let f1 = sleep_ms(10); // Timer 3
            let f2 = async { log("log 4") };
            let f3 = async { log("log 5") };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
            f3.await;
        },
    );
    sleep_ms(10).await; // Timer 6
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_084 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(0) => {} // Timer 2
        _ = sleep_ms(20) => {} // Timer 3
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(0), // Timer 5
                sleep_ms(20), // Timer 6
            );
        } => {}
    }
    log("log 7");
    join!( // all at once; each poll polls every unfinished one
        async {
            log("log 10");
            sleep_ms(20).await; // Timer 11
        },
        async {
            sleep_ms(20).await; // Timer 13
            sleep_ms(100).await; // Timer 14
        },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 16") } => {}
                _ = sleep_ms(10) => {} // Timer 17
                _ = sleep_ms(20) => {} // Timer 18
            }
        },
    );
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 20") } => {}
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(100), // Timer 22
                sleep_ms(10), // Timer 23
                async { block_ms(0) },
            );
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_085 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(20) => {} // Timer 2
        _ = sleep_ms(0) => {} // Timer 3
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 5") },
                sleep_ms(50), // Timer 6
            );
        } => {}
    }
    sleep_ms(0).await; // Timer 7
    block_ms(0);
    let f1 = async {
        join!( // all at once; each poll polls every unfinished one
            async { log("log 11") },
            async { block_ms(10) },
            sleep_ms(100), // Timer 13
        );
    };
    // nothing has run yet: futures start when polled
    f1.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_086 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(50), // Timer 2
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_087 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(100) => {} // Timer 3
    }
    join!( // all at once; each poll polls every unfinished one
        async { log("log 5") },
    );
    log("log 6");
    log("log 7");
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 10") },
                sleep_ms(100), // Timer 11
                sleep_ms(0), // Timer 12
            );
        },
        async {
            let f1 = sleep_ms(20); // Timer 14
            let f2 = async { log("log 15") };
            let f3 = async { log("log 16") };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
            f3.await;
        },
        sleep_ms(20), // Timer 17
    );
    join!( // all at once; each poll polls every unfinished one
        async {
            log("log 20");
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_088 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { block_ms(30) },
                async { block_ms(10) },
                async { block_ms(10) },
            );
        } => {}
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(100), // Timer 7
                async { log("log 8") },
            );
        } => {}
        _ = async { log("log 9") } => {}
    }
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(50) => {} // Timer 12
    }
    join!( // all at once; each poll polls every unfinished one
        async { block_ms(10) },
    );
    let f1 = sleep_ms(20); // Timer 16
    let f2 = async { block_ms(10) };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_089 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async { block_ms(10) },
    );
    sleep_ms(20).await; // Timer 3
    block_ms(0);
    let f1 = async { log("log 6") };
    // nothing has run yet: futures start when polled
    f1.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_090 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(100) => {} // Timer 3
            _ = async { block_ms(30) } => {}
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
    sleep_ms(0).await; // Timer 7
    log("log 8");
    log("log 9");
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(20) => {} // Timer 11
        _ = sleep_ms(100) => {} // Timer 12
    }
    join!( // all at once; each poll polls every unfinished one
        async {
            let f2 = async { log("log 15") };
            // nothing has run yet: futures start when polled
            f2.await;
        },
        async {
            join!( // all at once; each poll polls every unfinished one
                async { block_ms(10) },
            );
        },
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(20), // Timer 19
            );
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_091 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(50), // Timer 2
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(20) => {} // Timer 4
                _ = async { block_ms(0) } => {}
                _ = sleep_ms(20) => {} // Timer 6
            }
        },
        async {
            let f1 = sleep_ms(20); // Timer 8
            // nothing has run yet: futures start when polled
            f1.await;
        },
    );
    let f2 = async {
        join!( // all at once; each poll polls every unfinished one
            async { log("log 11") },
            async { block_ms(30) },
            sleep_ms(10), // Timer 13
        );
    };
    let f3 = sleep_ms(0); // Timer 14
    // nothing has run yet: futures start when polled
    f2.await;
    f3.await;
    log("log 15");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_092 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            let f1 = sleep_ms(50); // Timer 3
            // nothing has run yet: futures start when polled
            f1.await;
        },
        sleep_ms(100), // Timer 4
        async { log("log 5") },
    );
    log("log 6");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_093 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(0), // Timer 3
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_094 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 4") } => {}
        _ = sleep_ms(0) => {} // Timer 5
        _ = async { log("log 6") } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_095 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(20) => {} // Timer 2
    }
    sleep_ms(20).await; // Timer 3
    let f1 = async {
        log("log 6");
        sleep_ms(20).await; // Timer 7
        sleep_ms(10).await; // Timer 8
    };
    // nothing has run yet: futures start when polled
    f1.await;
    block_ms(10);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_096 {
use runtime::prelude::*;

async fn run() {
    let f1 = async { log("log 3") };
    let f2 = sleep_ms(20); // Timer 4
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(20) => {} // Timer 7
            }
        } => {}
    }
    sleep_ms(0).await; // Timer 8
    let f3 = async {
        join!( // all at once; each poll polls every unfinished one
            async { log("log 11") },
            async { log("log 12") },
            sleep_ms(20), // Timer 13
        );
    };
    // nothing has run yet: futures start when polled
    f3.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_097 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(100), // Timer 2
    );
    join!( // all at once; each poll polls every unfinished one
        async { block_ms(10) },
        async {
            let f1 = async { log("log 6") };
            // nothing has run yet: futures start when polled
            f1.await;
        },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 8") } => {}
                _ = async { log("log 9") } => {}
            }
        },
    );
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(50), // Timer 12
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_098 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(0) => {} // Timer 3
        _ = async { log("log 4") } => {}
        _ = async { block_ms(30) } => {}
    }
    join!( // all at once; each poll polls every unfinished one
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 8") } => {}
                _ = async { block_ms(10) } => {}
            }
        },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(0) => {} // Timer 11
                _ = sleep_ms(10) => {} // Timer 12
            }
        },
    );
    block_ms(10);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_099 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        join!( // all at once; each poll polls every unfinished one
            sleep_ms(20), // Timer 3
            async { log("log 4") },
        );
    };
    // nothing has run yet: futures start when polled
    f1.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_100 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(100).await; // Timer 2
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(10) => {} // Timer 4
        _ = sleep_ms(0) => {} // Timer 5
        _ = sleep_ms(0) => {} // Timer 6
    }
    let f1 = async { log("log 8") };
    // nothing has run yet: futures start when polled
    f1.await;
    log("log 9");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_101 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(20) => {} // Timer 3
                _ = sleep_ms(20) => {} // Timer 4
                _ = sleep_ms(100) => {} // Timer 5
            }
        },
    );
    log("log 6");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_102 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(10).await; // Timer 1
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_103 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async { log("log 2") },
    );
    sleep_ms(20).await; // Timer 4
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(20), // Timer 6
        async { log("log 7") },
    );
    block_ms(30);
    log("log 10");
    log("log 11");
    sleep_ms(50).await; // Timer 12
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_104 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(100).await; // Timer 1
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_105 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 3") } => {}
        _ = sleep_ms(100) => {} // Timer 4
    }
    sleep_ms(50).await; // Timer 6
    log("log 8");
    sleep_ms(10).await; // Timer 9
    block_ms(30);
    join!( // all at once; each poll polls every unfinished one
        async {
            sleep_ms(50).await; // Timer 13
            sleep_ms(20).await; // Timer 14
        },
        async {
            sleep_ms(20).await; // Timer 16
        },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(50) => {} // Timer 18
            }
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_106 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async { block_ms(30) },
        sleep_ms(10), // Timer 3
    );
    log("log 4");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_107 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            let f1 = sleep_ms(20); // Timer 3
            let f2 = sleep_ms(50); // Timer 4
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
        } => {}
        _ = async {
            let f3 = sleep_ms(0); // Timer 6
            let f4 = async { log("log 7") };
            // nothing has run yet: futures start when polled
            f3.await;
            f4.await;
        } => {}
        _ = sleep_ms(20) => {} // Timer 8
    }
    let f5 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(20) => {} // Timer 11
            _ = sleep_ms(10) => {} // Timer 12
            _ = sleep_ms(20) => {} // Timer 13
        }
    };
    let f6 = sleep_ms(20); // Timer 14
    // nothing has run yet: futures start when polled
    f5.await;
    f6.await;
    log("log 15");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_108 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        log("log 3");
    };
    let f2 = async {
        join!( // all at once; each poll polls every unfinished one
            sleep_ms(100), // Timer 5
        );
    };
    let f3 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(20) => {} // Timer 7
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 10") },
                sleep_ms(50), // Timer 11
                sleep_ms(20), // Timer 12
            );
        },
        async {
            join!( // all at once; each poll polls every unfinished one
                async { block_ms(0) },
                sleep_ms(100), // Timer 15
            );
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_109 {
use runtime::prelude::*;

async fn run() {
    let f1 = async { block_ms(10) };
    let f2 = sleep_ms(20); // Timer 3
    let f3 = async {
        join!( // all at once; each poll polls every unfinished one
            sleep_ms(100), // Timer 5
            async { log("log 6") },
            async { log("log 7") },
        );
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    sleep_ms(50).await; // Timer 8
    join!( // all at once; each poll polls every unfinished one
        async {
            let f4 = sleep_ms(0); // Timer 11
            let f5 = sleep_ms(10); // Timer 12
            let f6 = sleep_ms(50); // Timer 13
            // nothing has run yet: futures start when polled
            f4.await;
            f5.await;
            f6.await;
        },
        async {
            let f7 = async { log("log 15") };
            let f8 = sleep_ms(10); // Timer 16
            // nothing has run yet: futures start when polled
            f7.await;
            f8.await;
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_110 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 4") } => {}
        _ = async { log("log 5") } => {}
    }
    let f1 = async { block_ms(10) };
    // nothing has run yet: futures start when polled
    f1.await;
    join!( // all at once; each poll polls every unfinished one
        async {
            sleep_ms(10).await; // Timer 10
            block_ms(0);
            log("log 12");
        },
        sleep_ms(10), // Timer 13
        async { log("log 14") },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_111 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        let f2 = async { block_ms(30) };
        // nothing has run yet: futures start when polled
        f2.await;
    };
    let f2 = async {
        let f4 = async { block_ms(0) };
        // nothing has run yet: futures start when polled
        f4.await;
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_112 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        let f2 = sleep_ms(10); // Timer 3
        // nothing has run yet: futures start when polled
        f2.await;
    };
    // nothing has run yet: futures start when polled
    f1.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_113 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    block_ms(0);
    log("log 3");
    join!( // all at once; each poll polls every unfinished one
        async { log("log 5") },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_114 {
use runtime::prelude::*;

async fn run() {
    log("log 3");
    sleep_ms(20).await; // Timer 5
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_115 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 3") } => {}
                _ = sleep_ms(20) => {} // Timer 4
            }
        } => {}
    }
    let f1 = sleep_ms(0); // Timer 7
    let f2 = async { log("log 8") };
    let f3 = async { log("log 9") };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    sleep_ms(10).await; // Timer 11
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(10), // Timer 14
    );
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(20), // Timer 16
        async { block_ms(0) },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_116 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    let f1 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { log("log 4") } => {}
            _ = sleep_ms(0) => {} // Timer 5
            _ = sleep_ms(20) => {} // Timer 6
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { block_ms(10) },
                sleep_ms(20), // Timer 10
            );
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_117 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                async { block_ms(10) },
                sleep_ms(10), // Timer 4
                async { block_ms(0) },
            );
        },
        sleep_ms(50), // Timer 6
    );
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            sleep_ms(100).await; // Timer 9
            log("log 10");
        } => {}
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 12") },
                async { block_ms(0) },
                async { log("log 14") },
            );
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_118 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { block_ms(0) } => {}
    }
    sleep_ms(20).await; // Timer 3
    join!( // all at once; each poll polls every unfinished one
        async {
            let f1 = async { block_ms(10) };
            let f2 = async { block_ms(10) };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
        },
        async {
            sleep_ms(20).await; // Timer 9
            log("log 10");
            sleep_ms(20).await; // Timer 11
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_119 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(50).await; // Timer 1
    let f1 = async { log("log 4") };
    // nothing has run yet: futures start when polled
    f1.await;
    let f2 = async { log("log 6") };
    let f3 = async { log("log 7") };
    let f4 = async { log("log 8") };
    // nothing has run yet: futures start when polled
    f2.await;
    f3.await;
    f4.await;
    sleep_ms(20).await; // Timer 9
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_120 {
use runtime::prelude::*;

async fn run() {
    block_ms(30);
    join!( // all at once; each poll polls every unfinished one
        async {
            sleep_ms(0).await; // Timer 4
        },
        async {
            block_ms(10);
            log("log 7");
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_121 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    let f1 = async {
        let f2 = sleep_ms(20); // Timer 4
        // nothing has run yet: futures start when polled
        f2.await;
    };
    // nothing has run yet: futures start when polled
    f1.await;
    join!( // all at once; each poll polls every unfinished one
        async { block_ms(30) },
        async { log("log 8") },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_122 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { block_ms(0) },
                async { log("log 4") },
                async { log("log 5") },
            );
        } => {}
    }
    block_ms(0);
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(0), // Timer 8
        async {
            let f1 = async { block_ms(0) };
            let f2 = async { log("log 11") };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_123 {
use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(0); // Timer 2
    let f2 = async {
        let f3 = async { log("log 4") };
        // nothing has run yet: futures start when polled
        f3.await;
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    sleep_ms(20).await; // Timer 5
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(50), // Timer 8
                sleep_ms(50), // Timer 9
            );
        } => {}
        _ = async {
            sleep_ms(10).await; // Timer 11
            log("log 12");
            sleep_ms(50).await; // Timer 13
        } => {}
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { block_ms(10) },
                sleep_ms(20), // Timer 16
            );
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_124 {
use runtime::prelude::*;

async fn run() {
    let f1 = async { log("log 2") };
    let f2 = async { log("log 3") };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    sleep_ms(50).await; // Timer 4
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_125 {
use runtime::prelude::*;

async fn run() {
    block_ms(0);
    let f1 = async { log("log 3") };
    let f2 = async { log("log 4") };
    let f3 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { log("log 6") } => {}
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    join!( // all at once; each poll polls every unfinished one
        async {
            let f4 = async { block_ms(0) };
            let f5 = sleep_ms(50); // Timer 10
            let f6 = async { block_ms(10) };
            // nothing has run yet: futures start when polled
            f4.await;
            f5.await;
            f6.await;
        },
        async { log("log 12") },
        async { block_ms(0) },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_126 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { block_ms(10) } => {}
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
    let f2 = async {
        sleep_ms(20).await; // Timer 6
        log("log 7");
    };
    // nothing has run yet: futures start when polled
    f2.await;
    sleep_ms(50).await; // Timer 8
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(10), // Timer 11
                async { log("log 12") },
            );
        } => {}
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 14") } => {}
                _ = async { log("log 15") } => {}
                _ = async { block_ms(30) } => {}
            }
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_127 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    join!( // all at once; each poll polls every unfinished one
        async {
            sleep_ms(20).await; // Timer 4
            sleep_ms(20).await; // Timer 5
            log("log 6");
        },
        async { block_ms(10) },
    );
    let f1 = sleep_ms(100); // Timer 10
    let f2 = sleep_ms(20); // Timer 11
    let f3 = async { log("log 12") };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { block_ms(10) } => {}
        _ = async { log("log 15") } => {}
    }
    block_ms(0);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_128 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 3") },
                async { log("log 4") },
            );
        },
        sleep_ms(0), // Timer 5
        async {
            sleep_ms(50).await; // Timer 7
        },
    );
    sleep_ms(10).await; // Timer 8
    let f1 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(100) => {} // Timer 11
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_129 {
use runtime::prelude::*;

async fn run() {
    block_ms(10);
    block_ms(10);
    sleep_ms(50).await; // Timer 5
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(10), // Timer 7
        sleep_ms(20), // Timer 8
        async { block_ms(10) },
    );
    log("log 10");
    sleep_ms(20).await; // Timer 13
    sleep_ms(100).await; // Timer 14
    log("log 15");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_130 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(10), // Timer 2
        async { log("log 3") },
        async { log("log 4") },
    );
    let f1 = async {
        join!( // all at once; each poll polls every unfinished one
            sleep_ms(100), // Timer 7
            sleep_ms(20), // Timer 8
            sleep_ms(10), // Timer 9
        );
    };
    let f2 = async { log("log 10") };
    let f3 = async { block_ms(0) };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    sleep_ms(100).await; // Timer 13
    log("log 14");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_131 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            sleep_ms(100).await; // Timer 3
            log("log 4");
            sleep_ms(100).await; // Timer 5
        } => {}
        _ = async {
            let f1 = async { log("log 7") };
            let f2 = async { log("log 8") };
            let f3 = async { log("log 9") };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
            f3.await;
        } => {}
    }
    sleep_ms(20).await; // Timer 10
    sleep_ms(20).await; // Timer 12
    join!( // all at once; each poll polls every unfinished one
        async { block_ms(30) },
        sleep_ms(100), // Timer 15
    );
    log("log 16");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_132 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 3") },
                sleep_ms(10), // Timer 4
            );
        } => {}
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(20), // Timer 6
                async { log("log 7") },
            );
        } => {}
    }
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 10") } => {}
            }
        } => {}
        _ = async { log("log 11") } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_133 {
use runtime::prelude::*;

async fn run() {
    block_ms(0);
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(20) => {} // Timer 4
        _ = async { log("log 5") } => {}
        _ = async { log("log 6") } => {}
    }
    join!( // all at once; each poll polls every unfinished one
        async { log("log 8") },
        async { block_ms(10) },
    );
    log("log 10");
    let f1 = async { log("log 12") };
    let f2 = async {
        let f3 = async { log("log 14") };
        let f4 = sleep_ms(100); // Timer 15
        let f5 = async { block_ms(10) };
        // nothing has run yet: futures start when polled
        f3.await;
        f4.await;
        f5.await;
    };
    let f3 = async {
        join!( // all at once; each poll polls every unfinished one
            async { block_ms(30) },
            async { block_ms(10) },
        );
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            let f7 = sleep_ms(20); // Timer 22
            // nothing has run yet: futures start when polled
            f7.await;
        } => {}
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(20) => {} // Timer 24
                _ = async { log("log 25") } => {}
            }
        } => {}
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(0), // Timer 27
                sleep_ms(20), // Timer 28
            );
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_134 {
use runtime::prelude::*;

async fn run() {
    let f1 = async { log("log 3") };
    let f2 = sleep_ms(10); // Timer 4
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    block_ms(30);
    sleep_ms(0).await; // Timer 8
    sleep_ms(10).await; // Timer 9
    log("log 11");
    sleep_ms(20).await; // Timer 12
    log("log 13");
    let f3 = async {
        log("log 16");
        sleep_ms(50).await; // Timer 17
        log("log 18");
    };
    // nothing has run yet: futures start when polled
    f3.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            let f4 = sleep_ms(0); // Timer 21
            let f5 = sleep_ms(50); // Timer 22
            let f6 = sleep_ms(20); // Timer 23
            // nothing has run yet: futures start when polled
            f4.await;
            f5.await;
            f6.await;
        } => {}
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(20) => {} // Timer 25
            }
        } => {}
        _ = async { log("log 26") } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_135 {
use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(0); // Timer 2
    let f2 = async { log("log 3") };
    let f3 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(20) => {} // Timer 5
            _ = sleep_ms(20) => {} // Timer 6
            _ = sleep_ms(0) => {} // Timer 7
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_136 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        let f2 = sleep_ms(10); // Timer 3
        let f3 = async { log("log 4") };
        let f4 = async { log("log 5") };
        // nothing has run yet: futures start when polled
        f2.await;
        f3.await;
        f4.await;
    };
    // nothing has run yet: futures start when polled
    f1.await;
    join!( // all at once; each poll polls every unfinished one
        async { block_ms(0) },
        sleep_ms(0), // Timer 9
    );
    let f5 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { log("log 12") } => {}
            _ = sleep_ms(10) => {} // Timer 13
        }
    };
    let f6 = async {
        join!( // all at once; each poll polls every unfinished one
            sleep_ms(0), // Timer 15
        );
    };
    // nothing has run yet: futures start when polled
    f5.await;
    f6.await;
    block_ms(10);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_137 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async { block_ms(30) },
        sleep_ms(50), // Timer 4
    );
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(100), // Timer 6
        async { log("log 7") },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_138 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async { log("log 2") },
        sleep_ms(0), // Timer 3
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(20) => {} // Timer 5
                _ = async { log("log 6") } => {}
            }
        },
    );
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(20), // Timer 9
                async { log("log 10") },
                sleep_ms(50), // Timer 11
            );
        },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { block_ms(10) } => {}
                _ = sleep_ms(50) => {} // Timer 14
                _ = sleep_ms(100) => {} // Timer 15
            }
        },
        sleep_ms(10), // Timer 16
    );
    sleep_ms(0).await; // Timer 17
    sleep_ms(20).await; // Timer 18
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_139 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        sleep_ms(100).await; // Timer 3
        sleep_ms(10).await; // Timer 4
        log("log 5");
    };
    // nothing has run yet: futures start when polled
    f1.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_140 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_141 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(10).await; // Timer 1
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { block_ms(30) },
                async { block_ms(30) },
                async { block_ms(0) },
            );
        } => {}
    }
    join!( // all at once; each poll polls every unfinished one
        async {
            sleep_ms(100).await; // Timer 9
        },
        async {
            let f1 = async { log("log 11") };
            let f2 = sleep_ms(100); // Timer 12
            let f3 = async { log("log 13") };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
            f3.await;
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_142 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        join!( // all at once; each poll polls every unfinished one
            async { log("log 3") },
        );
    };
    let f2 = async {
        sleep_ms(20).await; // Timer 5
    };
    let f3 = async {
        block_ms(0);
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    let f4 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { log("log 10") } => {}
            _ = sleep_ms(20) => {} // Timer 11
            _ = sleep_ms(20) => {} // Timer 12
        }
    };
    // nothing has run yet: futures start when polled
    f4.await;
    sleep_ms(0).await; // Timer 13
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_143 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(50).await; // Timer 1
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            block_ms(10);
            block_ms(0);
            sleep_ms(0).await; // Timer 6
        } => {}
    }
    let f1 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { block_ms(0) } => {}
        }
    };
    let f2 = async { log("log 10") };
    let f3 = async {
        join!( // all at once; each poll polls every unfinished one
            sleep_ms(20), // Timer 12
            sleep_ms(20), // Timer 13
        );
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    log("log 14");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_144 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    let f1 = async { log("log 4") };
    let f2 = async { block_ms(30) };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { block_ms(10) } => {}
        _ = sleep_ms(20) => {} // Timer 8
    }
    log("log 9");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_145 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            log("log 3");
        } => {}
        _ = async {
            block_ms(10);
        } => {}
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { block_ms(30) } => {}
                _ = async { log("log 8") } => {}
                _ = sleep_ms(50) => {} // Timer 9
            }
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_146 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        sleep_ms(0).await; // Timer 3
        sleep_ms(0).await; // Timer 4
        sleep_ms(20).await; // Timer 5
    };
    let f2 = async { block_ms(0) };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 9") },
                async { log("log 10") },
                sleep_ms(100), // Timer 11
            );
        },
        async {
            let f3 = sleep_ms(10); // Timer 13
            let f4 = async { log("log 14") };
            // nothing has run yet: futures start when polled
            f3.await;
            f4.await;
        },
        async {
            block_ms(10);
            sleep_ms(0).await; // Timer 17
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_147 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(0) => {} // Timer 3
            _ = sleep_ms(50) => {} // Timer 4
            _ = async { block_ms(30) } => {}
        }
    };
    let f2 = async {
        join!( // all at once; each poll polls every unfinished one
            sleep_ms(20), // Timer 7
        );
    };
    let f3 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(20) => {} // Timer 9
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    let f4 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(20) => {} // Timer 12
            _ = sleep_ms(20) => {} // Timer 13
            _ = sleep_ms(20) => {} // Timer 14
        }
    };
    let f5 = async {
        sleep_ms(20).await; // Timer 16
        block_ms(10);
        sleep_ms(100).await; // Timer 18
    };
    // nothing has run yet: futures start when polled
    f4.await;
    f5.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 21") } => {}
                _ = async { log("log 22") } => {}
            }
        } => {}
        _ = async { block_ms(0) } => {}
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(20) => {} // Timer 25
                _ = async { log("log 26") } => {}
            }
        } => {}
    }
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 28") } => {}
        _ = async {
            sleep_ms(10).await; // Timer 30
            block_ms(0);
            block_ms(10);
        } => {}
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 34") } => {}
                _ = async { log("log 35") } => {}
                _ = async { log("log 36") } => {}
            }
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_148 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            sleep_ms(20).await; // Timer 3
        } => {}
        _ = sleep_ms(0) => {} // Timer 4
    }
    join!( // all at once; each poll polls every unfinished one
        async {
            let f1 = sleep_ms(50); // Timer 7
            let f2 = sleep_ms(100); // Timer 8
            let f3 = sleep_ms(20); // Timer 9
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
            f3.await;
        },
        async {
            sleep_ms(20).await; // Timer 11
            sleep_ms(20).await; // Timer 12
            sleep_ms(20).await; // Timer 13
        },
    );
    let f4 = async {
        sleep_ms(0).await; // Timer 16
        sleep_ms(50).await; // Timer 17
        block_ms(30);
    };
    let f5 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { log("log 20") } => {}
        }
    };
    // nothing has run yet: futures start when polled
    f4.await;
    f5.await;
    let f6 = async {
        log("log 23");
        sleep_ms(50).await; // Timer 24
        block_ms(30);
    };
    let f7 = sleep_ms(0); // Timer 26
    // nothing has run yet: futures start when polled
    f6.await;
    f7.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_149 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    log("log 3");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_150 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(50), // Timer 3
                async { log("log 4") },
            );
        },
    );
    sleep_ms(20).await; // Timer 6
    block_ms(30);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_151 {
use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(0); // Timer 2
    // nothing has run yet: futures start when polled
    f1.await;
    log("log 4");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_152 {
use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(20); // Timer 2
    let f2 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { log("log 4") } => {}
            _ = async { log("log 5") } => {}
            _ = sleep_ms(100) => {} // Timer 6
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_153 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    log("log 2");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_154 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            let f1 = async { block_ms(10) };
            let f2 = sleep_ms(20); // Timer 4
            let f3 = async { block_ms(0) };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
            f3.await;
        } => {}
        _ = async {
            let f4 = sleep_ms(0); // Timer 7
            let f5 = sleep_ms(100); // Timer 8
            let f6 = sleep_ms(20); // Timer 9
            // nothing has run yet: futures start when polled
            f4.await;
            f5.await;
            f6.await;
        } => {}
    }
    sleep_ms(0).await; // Timer 11
    let f7 = async { log("log 13") };
    let f8 = sleep_ms(10); // Timer 14
    let f9 = sleep_ms(10); // Timer 15
    // nothing has run yet: futures start when polled
    f7.await;
    f8.await;
    f9.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 18") } => {}
        _ = async { block_ms(10) } => {}
        _ = async { block_ms(30) } => {}
    }
    block_ms(10);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_155 {
use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(20); // Timer 3
    let f2 = sleep_ms(50); // Timer 4
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    let f3 = async { log("log 6") };
    let f4 = sleep_ms(20); // Timer 7
    let f5 = async { log("log 8") };
    // nothing has run yet: futures start when polled
    f3.await;
    f4.await;
    f5.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 10") } => {}
        _ = sleep_ms(10) => {} // Timer 11
    }
    log("log 12");
    sleep_ms(10).await; // Timer 13
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_156 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 3") },
            );
        } => {}
        _ = async {
            sleep_ms(10).await; // Timer 5
            sleep_ms(20).await; // Timer 6
            sleep_ms(0).await; // Timer 7
        } => {}
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(100), // Timer 9
                async { block_ms(30) },
            );
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_157 {
use runtime::prelude::*;

async fn run() {
    block_ms(30);
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { block_ms(30) } => {}
        _ = async { log("log 5") } => {}
        _ = sleep_ms(0) => {} // Timer 6
    }
    sleep_ms(0).await; // Timer 7
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_158 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        let f2 = sleep_ms(100); // Timer 3
        let f3 = async { log("log 4") };
        let f4 = sleep_ms(20); // Timer 5
        // nothing has run yet: futures start when polled
        f2.await;
        f3.await;
        f4.await;
    };
    let f2 = async {
        log("log 7");
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    let f6 = sleep_ms(20); // Timer 10
    // nothing has run yet: futures start when polled
    f6.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_159 {
use runtime::prelude::*;

async fn run() {
    let f1 = async { log("log 2") };
    // nothing has run yet: futures start when polled
    f1.await;
    let f2 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(50) => {} // Timer 5
            _ = sleep_ms(100) => {} // Timer 6
            _ = sleep_ms(20) => {} // Timer 7
        }
    };
    let f3 = async { log("log 8") };
    // nothing has run yet: futures start when polled
    f2.await;
    f3.await;
    sleep_ms(20).await; // Timer 9
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 11") } => {}
        _ = async {
            sleep_ms(20).await; // Timer 13
            log("log 14");
            sleep_ms(50).await; // Timer 15
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_160 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            log("log 3");
            log("log 4");
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_161 {
use runtime::prelude::*;

async fn run() {
    block_ms(10);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_162 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 2") } => {}
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(20), // Timer 4
            );
        } => {}
        _ = sleep_ms(20) => {} // Timer 5
    }
    log("log 6");
    let f1 = sleep_ms(50); // Timer 8
    let f2 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(0) => {} // Timer 10
            _ = async { log("log 11") } => {}
            _ = async { block_ms(10) } => {}
        }
    };
    let f3 = async {
        log("log 14");
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    sleep_ms(10).await; // Timer 17
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_163 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    join!( // all at once; each poll polls every unfinished one
        async { log("log 3") },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_164 {
use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(10); // Timer 2
    let f2 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { log("log 4") } => {}
            _ = async { block_ms(0) } => {}
            _ = sleep_ms(20) => {} // Timer 6
        }
    };
    let f3 = async {
        let f4 = sleep_ms(100); // Timer 8
        let f5 = sleep_ms(20); // Timer 9
        let f6 = sleep_ms(20); // Timer 10
        // nothing has run yet: futures start when polled
        f4.await;
        f5.await;
        f6.await;
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    sleep_ms(20).await; // Timer 11
    join!( // all at once; each poll polls every unfinished one
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 14") } => {}
                _ = sleep_ms(20) => {} // Timer 15
            }
        },
        async {
            let f7 = sleep_ms(0); // Timer 17
            let f8 = async { log("log 18") };
            // nothing has run yet: futures start when polled
            f7.await;
            f8.await;
        },
        sleep_ms(20), // Timer 19
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_165 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(10).await; // Timer 3
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_166 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        block_ms(30);
        block_ms(30);
    };
    let f2 = async { log("log 5") };
    let f3 = sleep_ms(0); // Timer 6
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    join!( // all at once; each poll polls every unfinished one
        async {
            let f4 = sleep_ms(0); // Timer 9
            let f5 = async { block_ms(0) };
            let f6 = async { log("log 11") };
            // nothing has run yet: futures start when polled
            f4.await;
            f5.await;
            f6.await;
        },
        sleep_ms(100), // Timer 12
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_167 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            log("log 3");
            sleep_ms(10).await; // Timer 4
        },
        async { log("log 5") },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(0) => {} // Timer 7
            }
        },
    );
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            log("log 10");
            log("log 11");
        } => {}
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { block_ms(0) } => {}
            }
        } => {}
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 15") } => {}
            }
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_168 {
use runtime::prelude::*;

async fn run() {
    log("log 3");
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(20), // Timer 5
    );
    block_ms(0);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_169 {
use runtime::prelude::*;

async fn run() {
    log("log 2");
    sleep_ms(20).await; // Timer 3
    sleep_ms(20).await; // Timer 4
    log("log 5");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_170 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        sleep_ms(50).await; // Timer 3
        sleep_ms(20).await; // Timer 4
        sleep_ms(100).await; // Timer 5
    };
    // nothing has run yet: futures start when polled
    f1.await;
    block_ms(10);
    sleep_ms(20).await; // Timer 7
    log("log 8");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_171 {
use runtime::prelude::*;

async fn run() {
    let f1 = async {
        let f2 = sleep_ms(10); // Timer 3
        let f3 = async { log("log 4") };
        // nothing has run yet: futures start when polled
        f2.await;
        f3.await;
    };
    let f2 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { block_ms(0) } => {}
            _ = sleep_ms(10) => {} // Timer 7
            _ = async { block_ms(0) } => {}
        }
    };
    let f3 = async {
        log("log 10");
        block_ms(30);
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_172 {
use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(50); // Timer 2
    // nothing has run yet: futures start when polled
    f1.await;
    log("log 4");
    let f2 = sleep_ms(0); // Timer 6
    // nothing has run yet: futures start when polled
    f2.await;
    let f3 = async { block_ms(10) };
    let f4 = async { block_ms(10) };
    // nothing has run yet: futures start when polled
    f3.await;
    f4.await;
    let f5 = async { log("log 12") };
    let f6 = sleep_ms(100); // Timer 13
    let f7 = sleep_ms(10); // Timer 14
    // nothing has run yet: futures start when polled
    f5.await;
    f6.await;
    f7.await;
    let f8 = async { block_ms(10) };
    // nothing has run yet: futures start when polled
    f8.await;
    join!( // all at once; each poll polls every unfinished one
        async { log("log 18") },
        async {
            let f9 = sleep_ms(20); // Timer 20
            let f10 = async { log("log 21") };
            // nothing has run yet: futures start when polled
            f9.await;
            f10.await;
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_173 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_174 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(50), // Timer 2
        async {
            block_ms(10);
            sleep_ms(50).await; // Timer 5
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_175 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(20), // Timer 3
    );
    join!( // all at once; each poll polls every unfinished one
        async { log("log 5") },
        async { log("log 6") },
        sleep_ms(100), // Timer 7
    );
    block_ms(30);
    log("log 11");
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(100) => {} // Timer 13
        _ = sleep_ms(50) => {} // Timer 14
    }
    sleep_ms(20).await; // Timer 15
    sleep_ms(100).await; // Timer 16
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_176 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            sleep_ms(20).await; // Timer 3
            log("log 4");
            sleep_ms(20).await; // Timer 5
        } => {}
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(50) => {} // Timer 7
            }
        } => {}
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 9") },
                sleep_ms(10), // Timer 10
            );
        } => {}
    }
    sleep_ms(20).await; // Timer 11
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_177 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = sleep_ms(50) => {} // Timer 3
            }
        },
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(100), // Timer 5
                async { block_ms(30) },
                sleep_ms(0), // Timer 7
            );
        },
    );
    sleep_ms(20).await; // Timer 8
    log("log 9");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_178 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    let f1 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(50) => {} // Timer 4
        }
    };
    let f2 = sleep_ms(10); // Timer 5
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(20) => {} // Timer 7
        _ = async {
            log("log 9");
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_179 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            let f1 = sleep_ms(10); // Timer 3
            let f2 = async { log("log 4") };
            let f3 = async { log("log 5") };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
            f3.await;
        } => {}
        _ = async {
            let f4 = async { log("log 7") };
            // nothing has run yet: futures start when polled
            f4.await;
        } => {}
    }
    let f5 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(100) => {} // Timer 10
        }
    };
    // nothing has run yet: futures start when polled
    f5.await;
    sleep_ms(20).await; // Timer 11
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_180 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    sleep_ms(50).await; // Timer 4
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_181 {
use runtime::prelude::*;

async fn run() {
    log("log 1");
    sleep_ms(50).await; // Timer 2
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 5") } => {}
    }
    let f1 = async {
        let f2 = sleep_ms(0); // Timer 8
        // nothing has run yet: futures start when polled
        f2.await;
    };
    let f2 = sleep_ms(50); // Timer 9
    let f3 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = async { log("log 11") } => {}
        }
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_182 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(50).await; // Timer 2
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { block_ms(0) } => {}
        _ = async { block_ms(30) } => {}
    }
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(10) => {} // Timer 7
        _ = sleep_ms(0) => {} // Timer 8
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_183 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            sleep_ms(0).await; // Timer 3
        },
    );
    log("log 4");
    block_ms(30);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_184 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            log("log 3");
            log("log 4");
            sleep_ms(20).await; // Timer 5
        } => {}
    }
    sleep_ms(20).await; // Timer 7
    let f1 = async { log("log 9") };
    let f2 = sleep_ms(10); // Timer 10
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_185 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            let f1 = async { log("log 3") };
            let f2 = sleep_ms(100); // Timer 4
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
        } => {}
        _ = async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 6") },
                async { log("log 7") },
                sleep_ms(20), // Timer 8
            );
        } => {}
    }
    sleep_ms(10).await; // Timer 9
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            sleep_ms(20).await; // Timer 12
        } => {}
        _ = async {
            sleep_ms(100).await; // Timer 14
            sleep_ms(0).await; // Timer 15
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_186 {
use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = sleep_ms(50) => {} // Timer 2
    }
    sleep_ms(0).await; // Timer 3
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_187 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            join!( // all at once; each poll polls every unfinished one
                async { block_ms(0) },
            );
        },
        async {
            block_ms(0);
            log("log 6");
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_188 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            let f1 = sleep_ms(10); // Timer 3
            let f2 = async { log("log 4") };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
        },
        async {
            let f3 = async { log("log 6") };
            let f4 = sleep_ms(20); // Timer 7
            let f5 = sleep_ms(50); // Timer 8
            // nothing has run yet: futures start when polled
            f3.await;
            f4.await;
            f5.await;
        },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 10") } => {}
                _ = async { block_ms(0) } => {}
            }
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_189 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(10), // Timer 2
        async {
            let f1 = sleep_ms(50); // Timer 4
            let f2 = sleep_ms(20); // Timer 5
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
        },
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 7") } => {}
            }
        },
    );
    sleep_ms(20).await; // Timer 8
    block_ms(30);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_190 {
use runtime::prelude::*;

async fn run() {
    block_ms(0);
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_191 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            let f1 = async { block_ms(0) };
            let f2 = async { log("log 4") };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
        },
        sleep_ms(0), // Timer 5
        async {
            join!( // all at once; each poll polls every unfinished one
                sleep_ms(20), // Timer 7
                async { block_ms(10) },
            );
        },
    );
    sleep_ms(20).await; // Timer 9
    sleep_ms(0).await; // Timer 10
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_192 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(20).await; // Timer 1
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_193 {
use runtime::prelude::*;

async fn run() {
    let f1 = async { log("log 2") };
    let f2 = async {
        select! {
            biased; // polled in this order; the first ready wins, the others are dropped
            _ = sleep_ms(10) => {} // Timer 4
            _ = sleep_ms(50) => {} // Timer 5
        }
    };
    let f3 = async {
        let f4 = async { log("log 7") };
        let f5 = sleep_ms(10); // Timer 8
        let f6 = async { log("log 9") };
        // nothing has run yet: futures start when polled
        f4.await;
        f5.await;
        f6.await;
    };
    // nothing has run yet: futures start when polled
    f1.await;
    f2.await;
    f3.await;
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            let f7 = async { log("log 12") };
            let f8 = async { log("log 13") };
            // nothing has run yet: futures start when polled
            f7.await;
            f8.await;
        } => {}
        _ = async {
            let f9 = async { block_ms(30) };
            let f10 = sleep_ms(20); // Timer 16
            let f11 = async { block_ms(10) };
            // nothing has run yet: futures start when polled
            f9.await;
            f10.await;
            f11.await;
        } => {}
    }
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_194 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 3") } => {}
                _ = async { log("log 4") } => {}
            }
        },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_195 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(0), // Timer 2
        sleep_ms(50), // Timer 3
    );
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(20), // Timer 6
        sleep_ms(20), // Timer 7
    );
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(100), // Timer 9
        async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 11") },
                sleep_ms(50), // Timer 12
            );
        },
        sleep_ms(100), // Timer 13
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_196 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        sleep_ms(0), // Timer 3
        sleep_ms(20), // Timer 4
        sleep_ms(20), // Timer 5
    );
    sleep_ms(20).await; // Timer 7
    log("log 8");
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 10") } => {}
        _ = async { log("log 11") } => {}
        _ = async { log("log 12") } => {}
    }
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async {
            select! {
                biased; // polled in this order; the first ready wins, the others are dropped
                _ = async { log("log 15") } => {}
                _ = sleep_ms(10) => {} // Timer 16
                _ = sleep_ms(50) => {} // Timer 17
            }
        } => {}
        _ = async {
            let f1 = async { log("log 19") };
            let f2 = async { log("log 20") };
            let f3 = sleep_ms(0); // Timer 21
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
            f3.await;
        } => {}
        _ = async {
            let f4 = async { block_ms(0) };
            // nothing has run yet: futures start when polled
            f4.await;
        } => {}
    }
    log("log 26");
    sleep_ms(50).await; // Timer 27
    log("log 28");
    log("log 30");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_197 {
use runtime::prelude::*;

async fn run() {
    sleep_ms(20).await; // Timer 1
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_198 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async {
            let f1 = sleep_ms(20); // Timer 3
            let f2 = async { log("log 4") };
            let f3 = async { block_ms(10) };
            // nothing has run yet: futures start when polled
            f1.await;
            f2.await;
            f3.await;
        },
        async {
            join!( // all at once; each poll polls every unfinished one
                async { log("log 7") },
                sleep_ms(20), // Timer 8
            );
        },
    );
    select! {
        biased; // polled in this order; the first ready wins, the others are dropped
        _ = async { log("log 10") } => {}
    }
    sleep_ms(20).await; // Timer 11
    log("log 12");
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub mod random_199 {
use runtime::prelude::*;

async fn run() {
    join!( // all at once; each poll polls every unfinished one
        async { block_ms(10) },
    );
}

pub fn size() -> usize {
    std::mem::size_of_val(&run())
}

pub fn case() -> runtime::macros::BoxedFuture<'static, ()> {
    Box::pin(run())
}
}

pub const CASES: &[(&str, fn() -> runtime::macros::BoxedFuture<'static, ()>)] = &[
    ("sequential", sequential::case),
    ("join", join::case),
    ("race", race::case),
    ("lazy", lazy::case),
    ("early_sleep", early_sleep::case),
    ("blocking", blocking::case),
    ("random_000", random_000::case),
    ("random_001", random_001::case),
    ("random_002", random_002::case),
    ("random_003", random_003::case),
    ("random_004", random_004::case),
    ("random_005", random_005::case),
    ("random_006", random_006::case),
    ("random_007", random_007::case),
    ("random_008", random_008::case),
    ("random_009", random_009::case),
    ("random_010", random_010::case),
    ("random_011", random_011::case),
    ("random_012", random_012::case),
    ("random_013", random_013::case),
    ("random_014", random_014::case),
    ("random_015", random_015::case),
    ("random_016", random_016::case),
    ("random_017", random_017::case),
    ("random_018", random_018::case),
    ("random_019", random_019::case),
    ("random_020", random_020::case),
    ("random_021", random_021::case),
    ("random_022", random_022::case),
    ("random_023", random_023::case),
    ("random_024", random_024::case),
    ("random_025", random_025::case),
    ("random_026", random_026::case),
    ("random_027", random_027::case),
    ("random_028", random_028::case),
    ("random_029", random_029::case),
    ("random_030", random_030::case),
    ("random_031", random_031::case),
    ("random_032", random_032::case),
    ("random_033", random_033::case),
    ("random_034", random_034::case),
    ("random_035", random_035::case),
    ("random_036", random_036::case),
    ("random_037", random_037::case),
    ("random_038", random_038::case),
    ("random_039", random_039::case),
    ("random_040", random_040::case),
    ("random_041", random_041::case),
    ("random_042", random_042::case),
    ("random_043", random_043::case),
    ("random_044", random_044::case),
    ("random_045", random_045::case),
    ("random_046", random_046::case),
    ("random_047", random_047::case),
    ("random_048", random_048::case),
    ("random_049", random_049::case),
    ("random_050", random_050::case),
    ("random_051", random_051::case),
    ("random_052", random_052::case),
    ("random_053", random_053::case),
    ("random_054", random_054::case),
    ("random_055", random_055::case),
    ("random_056", random_056::case),
    ("random_057", random_057::case),
    ("random_058", random_058::case),
    ("random_059", random_059::case),
    ("random_060", random_060::case),
    ("random_061", random_061::case),
    ("random_062", random_062::case),
    ("random_063", random_063::case),
    ("random_064", random_064::case),
    ("random_065", random_065::case),
    ("random_066", random_066::case),
    ("random_067", random_067::case),
    ("random_068", random_068::case),
    ("random_069", random_069::case),
    ("random_070", random_070::case),
    ("random_071", random_071::case),
    ("random_072", random_072::case),
    ("random_073", random_073::case),
    ("random_074", random_074::case),
    ("random_075", random_075::case),
    ("random_076", random_076::case),
    ("random_077", random_077::case),
    ("random_078", random_078::case),
    ("random_079", random_079::case),
    ("random_080", random_080::case),
    ("random_081", random_081::case),
    ("random_082", random_082::case),
    ("random_083", random_083::case),
    ("random_084", random_084::case),
    ("random_085", random_085::case),
    ("random_086", random_086::case),
    ("random_087", random_087::case),
    ("random_088", random_088::case),
    ("random_089", random_089::case),
    ("random_090", random_090::case),
    ("random_091", random_091::case),
    ("random_092", random_092::case),
    ("random_093", random_093::case),
    ("random_094", random_094::case),
    ("random_095", random_095::case),
    ("random_096", random_096::case),
    ("random_097", random_097::case),
    ("random_098", random_098::case),
    ("random_099", random_099::case),
    ("random_100", random_100::case),
    ("random_101", random_101::case),
    ("random_102", random_102::case),
    ("random_103", random_103::case),
    ("random_104", random_104::case),
    ("random_105", random_105::case),
    ("random_106", random_106::case),
    ("random_107", random_107::case),
    ("random_108", random_108::case),
    ("random_109", random_109::case),
    ("random_110", random_110::case),
    ("random_111", random_111::case),
    ("random_112", random_112::case),
    ("random_113", random_113::case),
    ("random_114", random_114::case),
    ("random_115", random_115::case),
    ("random_116", random_116::case),
    ("random_117", random_117::case),
    ("random_118", random_118::case),
    ("random_119", random_119::case),
    ("random_120", random_120::case),
    ("random_121", random_121::case),
    ("random_122", random_122::case),
    ("random_123", random_123::case),
    ("random_124", random_124::case),
    ("random_125", random_125::case),
    ("random_126", random_126::case),
    ("random_127", random_127::case),
    ("random_128", random_128::case),
    ("random_129", random_129::case),
    ("random_130", random_130::case),
    ("random_131", random_131::case),
    ("random_132", random_132::case),
    ("random_133", random_133::case),
    ("random_134", random_134::case),
    ("random_135", random_135::case),
    ("random_136", random_136::case),
    ("random_137", random_137::case),
    ("random_138", random_138::case),
    ("random_139", random_139::case),
    ("random_140", random_140::case),
    ("random_141", random_141::case),
    ("random_142", random_142::case),
    ("random_143", random_143::case),
    ("random_144", random_144::case),
    ("random_145", random_145::case),
    ("random_146", random_146::case),
    ("random_147", random_147::case),
    ("random_148", random_148::case),
    ("random_149", random_149::case),
    ("random_150", random_150::case),
    ("random_151", random_151::case),
    ("random_152", random_152::case),
    ("random_153", random_153::case),
    ("random_154", random_154::case),
    ("random_155", random_155::case),
    ("random_156", random_156::case),
    ("random_157", random_157::case),
    ("random_158", random_158::case),
    ("random_159", random_159::case),
    ("random_160", random_160::case),
    ("random_161", random_161::case),
    ("random_162", random_162::case),
    ("random_163", random_163::case),
    ("random_164", random_164::case),
    ("random_165", random_165::case),
    ("random_166", random_166::case),
    ("random_167", random_167::case),
    ("random_168", random_168::case),
    ("random_169", random_169::case),
    ("random_170", random_170::case),
    ("random_171", random_171::case),
    ("random_172", random_172::case),
    ("random_173", random_173::case),
    ("random_174", random_174::case),
    ("random_175", random_175::case),
    ("random_176", random_176::case),
    ("random_177", random_177::case),
    ("random_178", random_178::case),
    ("random_179", random_179::case),
    ("random_180", random_180::case),
    ("random_181", random_181::case),
    ("random_182", random_182::case),
    ("random_183", random_183::case),
    ("random_184", random_184::case),
    ("random_185", random_185::case),
    ("random_186", random_186::case),
    ("random_187", random_187::case),
    ("random_188", random_188::case),
    ("random_189", random_189::case),
    ("random_190", random_190::case),
    ("random_191", random_191::case),
    ("random_192", random_192::case),
    ("random_193", random_193::case),
    ("random_194", random_194::case),
    ("random_195", random_195::case),
    ("random_196", random_196::case),
    ("random_197", random_197::case),
    ("random_198", random_198::case),
    ("random_199", random_199::case),
];

pub const SIZES: &[(&str, fn() -> usize)] = &[
    ("sequential", sequential::size),
    ("join", join::size),
    ("race", race::size),
    ("lazy", lazy::size),
    ("early_sleep", early_sleep::size),
    ("blocking", blocking::size),
];
