//! What the editor says about the programs a learner writes: a table of
//! programs, most of them mistakes a learner who knows JS promises (or has
//! read tokio's docs) makes, each pinned to "it parses" or to its exact
//! message and the line and column the editor underlines. The messages
//! must be true of Rust as rustc and tokio see it: a playground's limit
//! says it is one ("this playground does not read … yet; in Rust it is
//! fine: …"), code from elsewhere gets what to write here instead, a near
//! miss its likely word, and a missing `;` is put where it goes.
#![cfg(not(target_arch = "wasm32"))]

use playground::parse::layout::{future_names, line_map};
use playground::parse::parse;
use playground::program::scenario::Step;
use playground::render;

/// What the editor makes of a program.
enum Want {
    Parses,
    /// Line, column (from 1, in characters) and the exact message.
    Refused(usize, usize, &'static str),
}
use Want::{Parses, Refused};

/// The whole text for a program of the table: one indented is `run()`'s
/// body, its first line line 4 of the text; any other is the whole text.
fn text(program: &str) -> String {
    if program.starts_with("    ") {
        format!("use runtime::prelude::*;\n\nasync fn run() {{\n{program}}}\n")
    } else {
        program.to_string()
    }
}

/// `(what the learner tried, the program, what the editor says)`.
#[rustfmt::skip]
const TABLE: &[(&str, &str, Want)] = &[
    ("let _ = sleep_ms(…).await is awaited", "    let _ = sleep_ms(10).await;\n", Parses),
    (
        "a call's `)` left out at the end of its line: said there, not at the next line's `}`",
        "    log(\"hi\"\n",
        Refused(4, 13, "expected `)` at the end of this line"),
    ),
    ("async move in join!", "    join!(async move { log(\"x\") }, sleep_ms(5));\n", Parses),
    ("async move in a let", "    let a = async move { sleep_ms(1).await; };\n    a.await;\n", Parses),
    (
        "join! of futures made by let",
        "    let x = sleep_ms(5);\n    let y = sleep_ms(10);\n    join!(x, y);\n",
        Parses,
    ),
    (
        "join! of futures made by let, in another order",
        "    let x = sleep_ms(5);\n    let y = sleep_ms(10);\n    join!(y, x);\n",
        Parses,
    ),
    (
        "tokio::time::sleep",
        "    tokio::time::sleep(Duration::from_millis(100)).await;\n",
        Refused(4, 5, "`tokio::time::sleep` needs tokio's runtime, and this page runs futures on its own: write `sleep_ms(100).await;` here, or the prelude's `sleep(Duration::from_millis(100))` with `use std::time::Duration;` under the first line"),
    ),
    (
        "tokio::join!",
        "    tokio::join!(sleep_ms(1), sleep_ms(2));\n",
        Refused(4, 5, "this playground does not read `tokio::join!` yet; in Rust it is fine: write `join!(…);` here, which awaits its futures together as `tokio::join!` does"),
    ),
    (
        "futures::join!",
        "    futures::join!(sleep_ms(1), sleep_ms(2));\n",
        Refused(4, 5, "this playground does not read `futures::join!` yet; in Rust it is fine: write `join!(…);` here, which awaits its futures together as `futures::join!` does"),
    ),
    (
        "tokio::select!",
        "    tokio::select! { _ = sleep_ms(1) => {} }\n",
        Refused(4, 5, "this playground does not read `tokio::select!` yet; in Rust it is fine: write `select! { _ = … => {} }` here"),
    ),
    (
        "tokio::spawn",
        "    tokio::spawn(async { log(\"x\") });\n",
        Refused(4, 5, "this page does not run tokio, so `tokio::spawn` is not here; the prelude's `spawn` works the same way: write `spawn(async { … });` here, or `let h = spawn(async { … });` and later `h.await.unwrap();`"),
    ),
    (
        "spawn, awaited by its handle",
        "    let tea = spawn(async move { sleep_ms(100).await; log(\"tea\"); });\n    log(\"spawned\");\n    tea.await.unwrap();\n",
        Parses,
    ),
    (
        "spawn, never awaited",
        "    spawn(async { log(\"x\"); });\n    let _ = spawn(async { log(\"y\") });\n",
        Parses,
    ),
    ("spawn of a sleep", "    spawn(sleep_ms(5));\n", Refused(4, 11, "expected `async`, found `sleep_ms`: this playground does not read `spawn` of a future other than an `async` block yet; in Rust it is fine: write `spawn(async { … })` with the future's statements in the block")),
    ("a handle awaited without unwrap", "    let h = spawn(async { log(\"x\") });\n    h.await;\n", Refused(5, 12, "expected `.unwrap()`, found `;`: this playground does not read a task's result left unused (rustc warns: unused `Result`) yet; in Rust it is fine: write `.unwrap()` before `;`: the task's output, or a panic if it panicked or was aborted")),
    ("a select! branch's code as one expression, as tokio's examples write it", "    select! {\n        _ = sleep_ms(100) => log(\"slow\"),\n        _ = sleep_ms(50) => (),\n    }\n", Parses),
    ("a select! branch's code as two statements without a block", "    select! {\n        _ = sleep_ms(100) => log(\"slow\"); log(\"x\"),\n    }\n", Refused(5, 41, "expected `,`, found `;`: a branch's code is one expression, `=> log(\"…\"),`, or a block, `=> { log(\"…\"); log(\"…\"); }` (rustc: no rules expected `;`)")),
    ("a task's handle in join!", "    let h = spawn(async { sleep_ms(10).await; });\n    join!(h, sleep_ms(5));\n", Refused(5, 11, "this playground does not read a task's handle as a future in `join!` or `select!` (`h`) yet; in Rust it is fine: here, await it as a statement, `h.await.unwrap();`")),
    ("join!'s outputs taken apart, as tokio's examples do", "    let (a, b) = join!(sleep_ms(5), sleep_ms(10));\n", Refused(4, 9, "this playground does not read `let (a, b) = …` yet; in Rust it is fine: tokio's `join!` gives a tuple; here each future gives `()`, and `join!` a `Vec` of them: write `join!(…);`")),
    ("a task's result dropped with let _", "    let h = spawn(async { sleep_ms(10).await; });\n    let _ = h.await;\n", Parses),
    ("join_all of sleeps", "    join_all(vec![sleep_ms(100), sleep_ms(50)]).await;\n", Parses),
    ("join_all, its Vec of outputs dropped", "    let _ = join_all(vec![sleep_ms(100), sleep_ms(50)]).await;\n", Parses),
    ("join_all of a sleep and a helper's call", "use runtime::prelude::*;\n\nasync fn run() {\n    join_all(vec![brew(), sleep_ms(50)]).await;\n}\n\nasync fn brew() {\n    sleep_ms(10).await;\n}\n", Refused(4, 27, "a `Vec` holds one type: the first item is `brew()`'s future, this one is a `Sleep` (rustc: mismatched types, E0308); `join!(…)` takes futures of different types")),
    ("join_all of async blocks", "    join_all(vec![async { log(\"a\") }, async { log(\"b\") }]).await;\n", Refused(4, 39, "a `Vec` holds one type, and no two `async` blocks have the same type, even identical ones (rustc: mismatched types, E0308); `join!(…)` takes futures of different types")),
    ("join_all of an array", "    join_all([sleep_ms(1)]).await;\n", Refused(4, 14, "expected `vec!`, found `[`: this playground does not read an array in `join_all` yet; in Rust it is fine: `join_all` takes an array too; here, write `vec![…]`")),
    ("futures::future::join_all", "    futures::future::join_all(vec![sleep_ms(1)]).await;\n", Refused(4, 5, "this playground does not read `futures::future::join_all` (it does not load the `futures` crate) yet; in Rust it is fine: here, write `join_all(vec![…]).await`, the prelude's, which does the same")),
    ("a task aborted", "    let h = spawn(async { sleep_ms(100).await; log(\"x\"); });\n    sleep_ms(50).await;\n    h.abort();\n", Parses),
    ("a task aborted twice", "    let h = spawn(async { sleep_ms(100).await; });\n    h.abort();\n    h.abort();\n", Parses),
    ("a task aborted after its await", "    let h = spawn(async { log(\"x\") });\n    h.await.unwrap();\n    h.abort();\n", Refused(6, 5, "`h` was awaited above: `.await` uses up the handle (moves it), so `h.abort()` cannot use it after (rustc: borrow of moved value, E0382); the task had finished by then: remove `h.abort();`")),
    ("a task awaited after its abort", "    let h = spawn(async { log(\"x\") });\n    h.abort();\n    h.await.unwrap();\n", Refused(6, 5, "this playground does not read `h.await` after `h.abort()` yet; in Rust it is fine: it gives `Err(e)` with `e.is_cancelled()` (or `Ok` if the task had finished), so `.unwrap()` would panic; here, make `h.abort();` the last use of `h`")),
    ("an aborted task that calls a helper", "use runtime::prelude::*;\n\nasync fn run() {\n    let h = spawn(async { brew().await; });\n    h.abort();\n}\n\nasync fn brew() {\n    sleep_ms(10).await;\n}\n", Refused(4, 27, "this playground does not read `brew().await` inside a task you abort yet; in Rust it is fine: the abort drops the helper's future too; here, copy the helper's body into the task")),
    ("an aborted task that awaits another", "    let h = spawn(async {\n        let g = spawn(async { sleep_ms(5).await; });\n        g.await.unwrap();\n    });\n    h.abort();\n", Refused(6, 9, "this playground does not read an `.await` of another task's handle inside a task you abort yet; in Rust it is fine: the abort drops only that handle, and that task runs on; here, await it outside the task you abort")),
    ("abort without parentheses", "    let h = spawn(async { log(\"x\") });\n    h.abort;\n", Refused(5, 12, "expected `(`, found `;`: `abort` is a method: call it, `h.abort();` (rustc: attempted to take value of method `abort`, E0615)")),
    ("a handle awaited twice", "    let h = spawn(async { log(\"x\") });\n    h.await.unwrap();\n    h.await.unwrap();\n", Refused(6, 5, "`h` was awaited above: `.await` consumes the handle (moves it), so it is awaited once, unlike a JS promise (rustc: use of moved value)")),
    ("a handle awaited in another block", "    let h = spawn(async { log(\"x\") });\n    join!(async { h.await.unwrap(); }, sleep_ms(1));\n", Refused(5, 19, "this playground does not read a handle awaited in another block than its `spawn` (`h`) yet; in Rust it is fine: write `h.await.unwrap();` in the block that called `spawn`")),
    (
        "println!",
        "    println!(\"hello\");\n",
        Refused(4, 5, "std's `println!` prints to a terminal this page does not have: add `use runtime::println;` under the first line, and it prints into the trace (or write `log(\"…\");`)"),
    ),
    (
        "println! with the runtime's brought in",
        "use runtime::prelude::*;\nuse runtime::println;\n\nasync fn run() {\n    sleep_ms(5).await;\n    println!(\"hello\");\n}\n",
        Parses,
    ),
    (
        "println! with a value to format",
        "use runtime::prelude::*;\nuse runtime::println;\n\nasync fn run() {\n    println!(\"at {} ms\", 5);\n}\n",
        Refused(5, 14, "this playground does not read `{}` in a text yet; in Rust it is fine: write the value itself into the text, or a loop's variable inside the braces, `{round}`"),
    ),
    ("yield_now awaited", "    yield_now().await;\n", Parses),
    (
        "yield_now in join! and as a let",
        "    join!(yield_now(), sleep_ms(1));\n    let y = yield_now();\n    y.await;\n",
        Parses,
    ),
    (
        "yield_now not awaited",
        "    yield_now();\n",
        Refused(4, 16, "missing `.await`: without `.await` this future is dropped, never polled, so nothing waits. rustc would only warn here (\"futures do nothing unless you `.await` or poll them\"), an easy bug to miss"),
    ),
    (
        "yield_now with an argument",
        "    yield_now(5).await;\n",
        Refused(4, 15, "expected `)`, found `5`: `yield_now()` takes nothing"),
    ),
    (
        "tokio::task::yield_now",
        "    tokio::task::yield_now().await;\n",
        Refused(4, 5, "`tokio::task::yield_now` is tokio's; the prelude's `yield_now` does the same on this page's runtime: write `yield_now().await;` here"),
    ),
    (
        "std::thread::sleep without Duration",
        "    std::thread::sleep(Duration::from_millis(50));\n",
        Refused(4, 24, "`Duration` is not in scope here: add `use std::time::Duration;` under the first line (rustc: use of undeclared type `Duration`)"),
    ),
    (
        "std::thread::sleep, awaited",
        "use runtime::prelude::*;\nuse std::time::Duration;\n\nasync fn run() {\n    std::thread::sleep(Duration::from_millis(50)).await;\n}\n",
        Refused(5, 50, "expected `;`, found `.`: `std::thread::sleep(…)` is a plain call that returns when its time is up (it blocks the thread meanwhile): there is nothing to await"),
    ),
    (
        "std::thread::sleep, with Duration brought in",
        "use runtime::prelude::*;\nuse std::time::Duration;\n\nasync fn run() {\n    std::thread::sleep(Duration::from_millis(50));\n}\n",
        Parses,
    ),
    (
        ".awiat",
        "    sleep_ms(100).awiat;\n",
        Refused(4, 19, "there is no `.awiat` here: did you mean `.await`?"),
    ),
    (
        "sleepms",
        "    sleepms(100).await;\n",
        Refused(4, 5, "there is no `sleepms` here: did you mean `sleep_ms`?"),
    ),
    (
        "lgo",
        "    lgo(\"x\");\n",
        Refused(4, 5, "there is no `lgo` here: did you mean `log`?"),
    ),
    (
        "blok_ms",
        "    blok_ms(5);\n",
        Refused(4, 5, "there is no `blok_ms` here: did you mean `block_ms`?"),
    ),
    (
        "jion!",
        "    jion!(sleep_ms(1));\n",
        Refused(4, 5, "there is no `jion` here: did you mean `join!`?"),
    ),
    (
        "slect!",
        "    slect! { biased; _ = sleep_ms(1) => {} }\n",
        Refused(4, 5, "there is no `slect` here: did you mean `select!`?"),
    ),
    (
        "a missing ; after .await",
        "    sleep_ms(20).await\n    log(\"x\");\n",
        Refused(4, 23, "expected `;` at the end of this line"),
    ),
    (
        "a missing ; after log",
        "    log(\"x\")\n    sleep_ms(20).await;\n",
        Refused(4, 13, "expected `;` at the end of this line"),
    ),
    (
        "sleep_ms(100); never polled",
        "    sleep_ms(100);\n",
        Refused(4, 18, "missing `.await`: without `.await` this future is dropped, never polled, so nothing waits. rustc would only warn here (\"futures do nothing unless you `.await` or poll them\"), an easy bug to miss"),
    ),
    (
        "a missing .await at the end of a line",
        "    sleep_ms(100)\n    log(\"x\");\n",
        Refused(4, 18, "expected `.await` at the end of this line"),
    ),
    (
        "await before the future",
        "    await sleep_ms(100);\n",
        Refused(4, 5, "Rust writes `.await` after the future: `sleep_ms(100).await;`"),
    ),
    (
        "await without its dot",
        "    sleep_ms(100) await;\n",
        Refused(4, 19, "expected `.await`, found `await`: Rust writes it with a dot: `.await`"),
    ),
    (
        "sleep(100)",
        "    sleep(100).await;\n",
        Refused(4, 5, "`sleep` takes a `Duration`, as tokio's does: write `sleep_ms(100).await;` here (milliseconds), or `sleep(Duration::from_millis(100))` with `use std::time::Duration;` under the first line"),
    ),
    (
        "a negative delay",
        "    sleep_ms(-5).await;\n",
        Refused(4, 14, "expected a whole number of milliseconds from 0 to 60000, found `-`: a delay cannot be negative (`sleep_ms` takes a `u32`)"),
    ),
    (
        "a delay as text",
        "    sleep_ms(\"100\").await;\n",
        Refused(4, 14, "expected a whole number of milliseconds from 0 to 60000, found a string: `sleep_ms` takes a number, not text: write `sleep_ms(100)`"),
    ),
    (
        "one } too many",
        "    sleep_ms(1).await;\n}\n",
        Refused(6, 1, "unexpected `}`: nothing is open here (`run()` ends on line 5)"),
    ),
    (
        "a } missing in join!",
        "    join!(async { sleep_ms(1).await; );\n",
        Refused(4, 38, "expected `}`, found `)`: to close the `{` at line 4, column 17"),
    ),
    (
        "async fn main",
        "use runtime::prelude::*;\n\nasync fn main() {\n    sleep_ms(1).await;\n}\n",
        Refused(3, 10, "expected `run`, found `main`: the page calls `async fn run()` itself, so there is no `main` here: name it `run`"),
    ),
    (
        "#[tokio::main]",
        "#[tokio::main]\nasync fn main() {\n    sleep_ms(1).await;\n}\n",
        Refused(1, 1, "written for tokio, which this page replaces: start with `use runtime::prelude::*;`; `async fn run()` for `#[tokio::main] async fn main()`"),
    ),
    (
        "use tokio",
        "use tokio::time::sleep;\n",
        Refused(1, 1, "written for tokio, which this page replaces: start with `use runtime::prelude::*;`"),
    ),
    (
        "run() never closed",
        "use runtime::prelude::*;\n\nasync fn run() {\n    sleep_ms(1).await;\n",
        Refused(5, 1, "expected `}`, found the end of the text: to close the `{` at line 3, column 16"),
    ),
    (
        ".then(…)",
        "    sleep_ms(100).then(|_| log(\"x\"));\n",
        Refused(4, 19, "`.then(…)` chains a JS promise; in Rust write `.await;` here, and what follows on the next lines (as after JS's `await`)"),
    ),
    (
        "Promise.all",
        "    Promise.all([sleep_ms(1), sleep_ms(2)]);\n",
        Refused(4, 5, "`Promise.all` is JavaScript's: write `join!(…);` here: it awaits its futures together"),
    ),
    (
        "setTimeout",
        "    setTimeout(() => log(\"x\"), 100);\n",
        Refused(4, 5, "`setTimeout` is JavaScript's; in Rust a timer is a future you await: write `sleep_ms(100).await;` here"),
    ),
    (
        "console.log",
        "    console.log(\"x\");\n",
        Refused(4, 5, "`console.log` is JavaScript's: write `log(\"x\");` here"),
    ),
    (
        "let x = 5; read by a text, later and inside a join!",
        "    let cups = 5;\n    sleep_ms(10).await;\n    log(format!(\"{cups} cups\"));\n    join!(async { log(format!(\"then {cups}\")); }, sleep_ms(1));\n",
        Parses,
    ),
    (
        "a let of text",
        "    let x = \"tea\";\n",
        Refused(4, 13, "expected a future (`sleep_ms(…)`, `yield_now()` or `async { … }`), found a string: this playground does not read a `let` of a plain value yet; in Rust it is fine: write a future here, such as `sleep_ms(…)`"),
    ),
    (
        "a let's number awaited",
        "    let cups = 3;\n    cups.await;\n",
        Refused(5, 5, "`cups` is a number, not a future: Rust cannot `.await` it or run it (rustc: `{integer}` is not a future; unlike JS's `await 3`): read it in a text, `log(format!(\"{cups}\"));`"),
    ),
    (
        "a let's number as a delay",
        "    let cups = 3;\n    sleep_ms(cups).await;\n",
        Refused(5, 14, "expected a whole number of milliseconds from 0 to 60000, found `cups`: this playground does not read a number named by `let` (`cups`) in a delay yet; in Rust it is fine: `cups` is then a `u32`; here write the number itself"),
    ),
    (
        "a while loop on a counter, its text reading it",
        "    let mut i = 0;\n    while i < 3 {\n        sleep_ms(10).await;\n        log(format!(\"round {i}\"));\n        i += 1;\n    }\n",
        Parses,
    ),
    (
        "a loop with a break on a counter",
        "    let mut n = 0;\n    loop {\n        sleep_ms(10).await;\n        n += 1;\n        if n == 2 {\n            break;\n        }\n    }\n",
        Parses,
    ),
    (
        "a while loop that never counts",
        "    let mut i = 0;\n    while i < 3 {\n        sleep_ms(10).await;\n    }\n",
        Refused(7, 5, "this loop must end its body with `i += 1;`: without it `i` stays 0, `i < 3` stays true and the loop never ends (this playground reads a counter only when `i += 1;` is the body's last line)"),
    ),
    (
        "a loop without a break",
        "    let mut i = 0;\n    loop {\n        sleep_ms(10).await;\n        i += 1;\n    }\n",
        Refused(8, 5, "this playground reads a `loop` only when its body ends with `i += 1;` and then `if i == 3 { break; }` (Rust allows the `break` anywhere; a `loop` with no `break` never ends): write them there"),
    ),
    (
        "a counter counted first",
        "    let mut i = 0;\n    while i < 3 {\n        i += 1;\n        sleep_ms(10).await;\n    }\n",
        Refused(6, 9, "this playground does not read `i += 1;` before the end of the loop's body yet; in Rust it is fine: move it to the body's last line (a text above it then reads `{i}` as 0, 1, 2, as in `for i in 0..3`)"),
    ),
    (
        "a counter read after its loop",
        "    let mut i = 0;\n    while i < 3 {\n        sleep_ms(1).await;\n        i += 1;\n    }\n    log(format!(\"{i} rounds\"));\n",
        Refused(9, 17, "this text reads `{i}`, a loop's counter after its loop: this playground does not read that yet; in Rust it is fine: `i` is still in scope here, and is 3"),
    ),
    (
        "two counters of one name, one loop in the other",
        "    let mut i = 0;\n    while i < 2 {\n        let mut i = 0;\n        while i < 2 {\n            sleep_ms(1).await;\n            i += 1;\n        }\n        i += 1;\n    }\n",
        Refused(6, 17, "this loop's variable is `i`, which already names another variable of the program: this playground does not read two variables of one name yet; in Rust it is fine: a second `let` hides the first; here give this one another name"),
    ),
    (
        "a counter from 1",
        "    let mut i = 1;\n    while i < 3 {\n        i += 1;\n    }\n",
        Refused(4, 17, "expected `0`, found `1`: this playground does not read a counter that starts elsewhere than 0 yet; in Rust it is fine: write `let mut i = 0;` with `while i < 3`, which runs the body 3 times (`i` 0, 1, 2)"),
    ),
    (
        "a let no text reads",
        "    let cups = 3;\n    sleep_ms(1).await;\n",
        Refused(4, 9, "this name is `cups`, which no text after it reads (rustc warns: unused variable `cups`): read it in a text, `{cups}`, or remove it"),
    ),
    (
        "a let below 0",
        "    let cups = 3 - 5;\n",
        Refused(4, 16, "this playground does not read a negative number yet; in Rust it is fine: it is an `i32` there; here write a number from 0 to 1000000"),
    ),
    (
        "a let's number as a loop's count",
        "    let cups = 3;\n    for _ in 0..cups { log(\"x\"); }\n",
        Refused(5, 17, "expected a whole number of times from 0 to 100, found `cups`: this playground does not read a number named by `let` (`cups`) as a loop's count yet; in Rust it is fine: write the number itself here, as `0..3`"),
    ),
    (
        "a let shadowing another",
        "    let cups = 3;\n    let cups = 4;\n    log(format!(\"{cups}\"));\n",
        Refused(5, 9, "this name is `cups`, which already names another variable of the program: this playground does not read two variables of one name yet; in Rust it is fine: a second `let` hides the first; here give this one another name"),
    ),
    (
        "a text reading a let made after it",
        "    log(format!(\"{cups}\"));\n    let cups = 3;\n",
        Refused(4, 17, "this text reads `{cups}`, which is no variable here (rustc: cannot find value `cups`): a text reads the variables of the loops it is in, and the numbers a `let` names earlier in its own block or in a block around it"),
    ),
    (
        ".await()",
        "    sleep_ms(100).await();\n",
        Refused(4, 24, "expected `;`, found `(`: `.await` is not a method call: remove the `()`"),
    ),
    (
        "let _ = without .await",
        "    let _ = sleep_ms(10);\n",
        Refused(4, 9, "`let _ =` drops this future at once, never polled, so nothing waits: add `.await`, or give it a name (`let f = …;`) to await it later (rustc would accept it silently)"),
    ),
    (
        "let x = ….await",
        "    let x = sleep_ms(5).await;\n",
        Refused(4, 9, "this playground does not read `let x = ….await;` yet; in Rust it is fine: write `_` here in place of `x`, or remove `.await` to await `x` later"),
    ),
    (
        "let mut",
        "    let mut f = sleep_ms(1);\n    f.await;\n",
        Refused(4, 9, "this playground does not read `let mut` yet; in Rust it is fine: remove `mut` here (rustc would warn: variable does not need to be mutable)"),
    ),
    (
        "awaited in another order than made",
        "    let a = sleep_ms(1);\n    let b = sleep_ms(2);\n    b.await;\n    a.await;\n",
        Parses,
    ),
    (
        "awaited twice",
        "    let a = sleep_ms(1);\n    let b = sleep_ms(2);\n    a.await;\n    a.await;\n",
        Refused(7, 5, "`a` is awaited above already: a future is awaited once (rustc: use of moved value `a`)"),
    ),
    (
        "a misspelt let name",
        "    let toast = sleep_ms(1);\n    tost.await;\n",
        Refused(5, 5, "there is no `tost` here: did you mean `toast`?"),
    ),
    (
        "a let never awaited",
        "    let toast = sleep_ms(1);\n",
        Refused(5, 1, "expected `toast.await;`, found `}`: `toast` is never awaited, so it never runs (rustc warns: unused variable): write `toast.await;` here"),
    ),
    (
        "an await with no let",
        "    f1.await;\n",
        Refused(4, 5, "no `let` above makes `f1` (rustc: cannot find value `f1` in this scope)"),
    ),
    (
        "awaited twice",
        "    let a = sleep_ms(1);\n    a.await;\n    a.await;\n",
        Refused(6, 5, "`a` was awaited above: `.await` takes the future, so it is awaited once (rustc: use of moved value)"),
    ),
    (
        "single quotes",
        "    log('hi');\n",
        Refused(4, 9, "expected a string in double quotes, found `'`: Rust writes text in double quotes (`'x'` is one character)"),
    ),
    (
        "select! without biased;",
        "    select! { _ = sleep_ms(1) => {} }\n",
        Parses,
    ),
    (
        "a program written for tokio, all its changes in one message",
        "use std::time::Duration;\nuse tokio::time::sleep;\n\n#[tokio::main]\nasync fn main() {\n    let h = tokio::spawn(async { println!(\"hi\"); });\n    tokio::select! { _ = sleep(Duration::from_millis(5)) => {} }\n    h.await.unwrap();\n}\n",
        Refused(1, 1, "written for tokio, which this page replaces: start with `use runtime::prelude::*;`, `use runtime::println;`, `use std::time::Duration;`; `async fn run()` for `#[tokio::main] async fn main()`; no `tokio::` before `spawn`, `select!`"),
    ),
    (
        "a loop's variable in a text",
        "    for i in 0..3 { log(format!(\"tick {i}\")); }\n",
        Parses,
    ),
    (
        "a text reading a name no loop gives",
        "    for i in 0..3 { log(format!(\"tick {j}\")); }\n",
        Refused(4, 33, "this text reads `{j}`, which is no variable here (rustc: cannot find value `j`): a text reads the variables of the loops it is in, and the numbers a `let` names earlier in its own block or in a block around it"),
    ),
    (
        "a select! arm with code of its own",
        "    select! { biased; _ = sleep_ms(1) => { log(\"fast\"); } _ = sleep_ms(2) => {} }\n",
        Parses,
    ),
    (
        "a select! arm's code without braces",
        "    select! { biased; _ = sleep_ms(1) => log(\"fast\"), }\n",
        Parses,
    ),
    (
        "a for loop",
        "    for i in 0..3 { sleep_ms(100).await; }\n",
        Parses,
    ),
    (
        "for loops nested, in a join!",
        "    join!(async { for _ in 0..2 { for _ in 0..2 { yield_now().await; } } }, sleep_ms(1));\n",
        Parses,
    ),
    ("a while loop", "    while true { sleep_ms(1).await; }\n", Refused(4, 5, "this playground does not read `while` yet; in Rust it is fine: write a loop that runs its body N times as `for _ in 0..N { … }` here")),
    ("a range from 1", "    for _ in 1..3 { log(\"x\"); }\n", Refused(4, 14, "expected `0`, found `1`: this playground does not read a range that does not start at 0 yet; in Rust it is fine: write `0..N`, which runs the body N times")),
    ("an inclusive range", "    for _ in 0..=3 { log(\"x\"); }\n", Refused(4, 15, "expected `..`, found `..=`: this playground does not read `..=` yet; in Rust it is fine: write `0..N`, which runs the body N times")),
    ("a loop of 101", "    for _ in 0..101 { log(\"x\"); }\n", Refused(4, 17, "this loop's count must be a whole number of times from 0 to 100, got 101")),
    (
        "loops running 1000 steps",
        "    for _ in 0..100 {\n        for _ in 0..10 { log(\"x\"); }\n    }\n",
        Refused(4, 17, "this loop's count makes the program run 1000 steps in all (sleeps, logs, blocks and yields, each loop's repeats counted); at most 500 are allowed"),
    ),
    ("the loop's variable read", "    for i in 0..3 { i.await; }\n", Refused(4, 21, "`i` is the loop's count, a number: this playground reads it in a text only, `println!(\"round {i}\");`")),
    ("a loop named like the prelude", "    for log in 0..3 { sleep_ms(1).await; }\n", Refused(4, 9, "this playground does not read a loop variable that hides the prelude's `log` yet; in Rust it is fine: name it `_`")),
    (
        "an async block as a statement",
        "    async { log(\"x\") };\n",
        Refused(4, 5, "this `async` block is made and dropped, never run (futures do nothing unless you `.await` or poll them): put it in `join!(…)`, or write its statements here without `async { }`"),
    ),
    (
        "a u32 suffix",
        "    sleep_ms(20u32).await;\n",
        Refused(4, 14, "expected a whole number of milliseconds from 0 to 60000, found `20u32`: this playground does not read a number with a type suffix yet; in Rust it is fine: write `20` here"),
    ),
    (
        "a u64 suffix",
        "    sleep_ms(20u64).await;\n",
        Refused(4, 14, "expected a whole number of milliseconds from 0 to 60000, found `20u64`: `sleep_ms` takes a `u32`, not a `u64`: write `20` here"),
    ),
    (
        "Duration in sleep_ms",
        "    sleep_ms(Duration::from_millis(100)).await;\n",
        Refused(4, 14, "expected a whole number of milliseconds from 0 to 60000, found `Duration`: `sleep_ms` takes milliseconds as a plain number: write `sleep_ms(100)`"),
    ),
    (
        "const",
        "    const x = sleep_ms(5);\n",
        Refused(4, 5, "Rust makes a variable with `let`, not `const`: write `let` here"),
    ),
    (
        "a future named log",
        "    let log = sleep_ms(1);\n",
        Refused(4, 9, "expected a name for the future, found `log`: this playground does not read `log` as a future's name (it names a function here) yet; in Rust it is fine: give the future another name here"),
    ),
    (
        "a named select! branch",
        "    select! { biased; x = sleep_ms(1) => {} }\n",
        Refused(4, 23, "expected `_`, found `x`: this playground does not read a named result in a `select!` branch yet; in Rust it is fine: write `_` here"),
    ),
    (
        "a fraction",
        "    sleep_ms(2.5).await;\n",
        Refused(4, 14, "this delay must be a whole number of milliseconds from 0 to 60000, got 2.5, which is not whole"),
    ),
    (
        "a second use line",
        "use runtime::prelude::*;\nuse std::collections::HashMap;\n\nasync fn run() {\n    sleep_ms(1).await;\n}\n",
        Refused(2, 1, "expected `async`, found `use`: this playground does not read more `use` lines yet; in Rust it is fine: remove it here (after the prelude's, only a `Duration` line, `use std::time::Duration;`, and `use runtime::println;` are read)"),
    ),
    ("a delay as a sum", "    sleep_ms(100 + 50).await;\n    block_ms(2 * 5 + 1);\n    join!(async { block_ms(1 + 1) }, sleep_ms(3 * 2));\n", Parses),
    (
        "a delay below 0",
        "    sleep_ms(50 - 100 + 100).await;\n",
        Refused(4, 14, "this delay goes below 0, and `sleep_ms` takes a `u32` (rustc: attempt to subtract with overflow)"),
    ),
    (
        "tokio's use line, made this runtime's",
        "use runtime::prelude::*;\nuse runtime::time::{sleep, Duration};\n\nasync fn run() {\n    sleep(Duration::from_millis(5)).await;\n}\n",
        Parses,
    ),
    (
        "Duration brought in twice",
        "use runtime::prelude::*;\nuse std::time::Duration;\nuse core::time::Duration;\n\nasync fn run() {\n    sleep_ms(1).await;\n}\n",
        Refused(3, 1, "`Duration` is brought in above already: remove this line (rustc: the name `Duration` is defined multiple times)"),
    ),
    (
        "tokio's sleep, with Duration brought in",
        "use runtime::prelude::*;\nuse std::time::Duration;\n\nasync fn run() {\n    sleep(Duration::from_millis(100)).await;\n    let _ = sleep(Duration::from_millis(5)).await;\n    join!(sleep(Duration::from_millis(1)), sleep_ms(2));\n}\n",
        Parses,
    ),
    (
        "tokio's sleep, Duration not brought in",
        "    sleep(Duration::from_millis(100)).await;\n",
        Refused(4, 11, "`Duration` is not in scope here: add `use std::time::Duration;` under the first line (rustc: use of undeclared type `Duration`)"),
    ),
    (
        "tokio's sleep in seconds",
        "use runtime::prelude::*;\nuse std::time::Duration;\n\nasync fn run() {\n    sleep(Duration::from_secs(1)).await;\n}\n",
        Refused(5, 21, "expected `from_millis`, found `from_secs`: this playground does not read `Duration::from_secs` yet; in Rust it is fine: write the delay in milliseconds, `Duration::from_millis(…)`"),
    ),
    (
        "a missing ; after join!",
        "    join!(sleep_ms(1), sleep_ms(2))\n    log(\"x\");\n",
        Refused(4, 36, "expected `;` at the end of this line"),
    ),
    (
        "a missing , in join!",
        "    join!(\n        sleep_ms(1)\n        sleep_ms(2),\n    );\n",
        Refused(5, 20, "expected `,` or `)` at the end of this line"),
    ),
    (
        "a } too early",
        "    sleep_ms(1).await;\n    }\n    log(\"x\");\n",
        Refused(6, 5, "expected `async fn`, found `log`: `run()` ends on line 5, and after it this playground reads only more `async fn`s"),
    ),
    (
        "a statement between let and await",
        "    let a = sleep_ms(1);\n    log(\"x\");\n    a.await;\n",
        Refused(5, 5, "expected `a.await;`, found `log`: this playground does not read other statements between the `let`s and their `.await`s yet; in Rust it is fine: write `a.await;` here"),
    ),
    (
        "let _ = async { … }.await",
        "    let _ = async { log(\"x\") }.await;\n",
        Refused(4, 13, "this playground does not read `async { … }.await` yet; in Rust it is fine: write its statements here, without `let _ = async { }`"),
    ),
    (
        "async { … }.await",
        "    async { log(\"x\") }.await;\n",
        Refused(4, 5, "this playground does not read `async { … }.await` yet; in Rust it is fine: write its statements here, without `async { }`"),
    ),
    (
        "an empty statement",
        "    sleep_ms(1).await;;\n",
        Refused(4, 23, "this playground does not read an empty statement (a `;` alone) yet; in Rust it is fine: remove this `;`"),
    ),
    (
        "a name made twice",
        "    let a = sleep_ms(1);\n    let a = sleep_ms(2);\n",
        Refused(5, 9, "`a` already names a future made above; in Rust the second `a` would hide the first, which could then never be awaited: give each its own name"),
    ),
    (
        "an escape Rust lacks",
        "    log(\"a\\qb\");\n",
        Refused(4, 11, "`\\q` is no escape in Rust: write `\\\\` for a backslash, `\\\"` for a quote"),
    ),
    (
        "an escape Rust has",
        "    log(\"a\\nb\");\n",
        Refused(4, 11, "this playground does not read the escape `\\n` yet; in Rust it is fine: a text here may escape only `\\\"` and `\\\\`"),
    ),
    (
        "biassed",
        "    select! { biassed; _ = sleep_ms(1) => {} }\n",
        Refused(4, 15, "there is no `biassed` here: did you mean `biased`?"),
    ),
    (
        "a value never made",
        "    x = sleep_ms(1);\n",
        Refused(4, 5, "no `let` above makes `x` (rustc: cannot find value `x` in this scope)"),
    ),
    (
        "time::sleep",
        "    time::sleep(Duration::from_secs(1)).await;\n",
        Refused(4, 5, "`time::sleep` needs tokio's runtime, and this page runs futures on its own: write `sleep_ms(1000).await;` here, or the prelude's `sleep(Duration::from_millis(1000))` with `use std::time::Duration;` under the first line"),
    ),
    (
        "thread::sleep",
        "    thread::sleep(Duration::from_millis(50));\n",
        Refused(4, 5, "`thread::sleep` blocks the whole thread: no other future runs meanwhile; `block_ms(50);` does exactly that here (to wait and let others run: `sleep_ms(50).await;`)"),
    ),
    (
        "Promise.race",
        "    Promise.race([sleep_ms(1)]);\n",
        Refused(4, 5, "`Promise.race` is JavaScript's: write `select! { _ = … => {} }` here: the first future to finish wins"),
    ),
    (
        "tokio's sleep in join!",
        "    join!(tokio::time::sleep(Duration::from_millis(5)), sleep_ms(1));\n",
        Refused(4, 11, "`tokio::time::sleep` needs tokio's runtime, and this page runs futures on its own: write `sleep_ms(5)` here, or the prelude's `sleep(Duration::from_millis(5))` with `use std::time::Duration;` under the first line"),
    ),
    (
        "select! of futures made by let",
        "    let x = sleep_ms(5);\n    let y = sleep_ms(10);\n    select! { biased; _ = x => {} _ = y => {} }\n",
        Refused(6, 27, "this playground does not read a future made by `let` inside `select!` yet; in Rust it is fine: write the future itself here, `sleep_ms(5)`, in place of `x`"),
    ),
    (
        "join! of some of the futures made by let",
        "    let f1 = sleep_ms(200);\n    let f2 = sleep_ms(100);\n    let f3 = sleep_ms(50);\n    join!(f1, f2);\n    f3.await;\n",
        Refused(7, 11, "this playground does not read a `join!` of only some of your `let` futures (`join!(f1, f2, f3)`, of them all, is read) yet; in Rust it is fine: write the future itself here, `sleep_ms(200)`, in place of `f1`"),
    ),
    (
        "a future awaited in join!",
        "    join!(sleep_ms(1).await, sleep_ms(2));\n",
        Refused(4, 22, "expected `,` or `)`, found `.`: `join!` awaits its futures itself: remove `.await`"),
    ),
    (
        "log(…) as a future",
        "    join!(log(\"x\"));\n",
        Refused(4, 11, "expected a future (`sleep_ms(…)`, `yield_now()` or `async { … }`), found `log`: `log(…)` runs at once and is no future: write `async { log(…) }`"),
    ),
    (
        "block_ms awaited",
        "    block_ms(10).await;\n",
        Refused(4, 17, "expected `;`, found `.`: `block_ms(…)` is a plain call that returns when its time is up: there is nothing to await"),
    ),
    (
        "a delay out of range",
        "    sleep_ms(70000).await;\n",
        Refused(4, 14, "this delay must be a whole number of milliseconds from 0 to 60000, got 70000"),
    ),
    (
        "fn main",
        "fn main() {}\n",
        Refused(1, 1, "expected `use`, found `fn`: the module starts with `use runtime::prelude::*;`"),
    ),
    (
        "no use line",
        "async fn run() {\n    sleep_ms(1).await;\n}\n",
        Refused(1, 1, "expected `use`, found `async`: the module starts with `use runtime::prelude::*;`"),
    ),
    (
        "log of a variable",
        "    log(x);\n",
        Refused(4, 9, "expected a string in double quotes, found `x`: the text to log"),
    ),
    (
        "tokio::time::interval",
        "    let mut tick = tokio::time::interval(Duration::from_millis(10));\n",
        Refused(4, 20, "`tokio::time::interval` is tokio's, and this page runs futures on its own runtime: its prelude gives `sleep_ms`, `log`, `block_ms`, `yield_now`, `join!` and `select!`"),
    ),
    (
        "futures::executor::block_on",
        "    futures::executor::block_on(sleep_ms(5));\n",
        Refused(4, 5, "`futures::executor::block_on` blocks the thread until its future is done; in `async fn run()`, write `….await;` here instead"),
    ),
    (
        "a let's future used in another block",
        "    join!(async { let a = sleep_ms(1); a.await; }, async { a.await; });\n",
        Refused(4, 60, "no `let` above makes `a` (rustc: cannot find value `a` in this scope)"),
    ),
    // Helper async fns (whole texts: a helper is written beside run()).
    (
        "a helper async fn, called and joined",
        "use runtime::prelude::*;\n\nasync fn run() {\n    brew().await;\n    join!(brew(), sleep_ms(5));\n}\n\nasync fn brew() {\n    sleep_ms(10).await;\n    log(\"boiled\");\n}\n",
        Parses,
    ),
    (
        "a helper written above run(), in a select! arm and a let",
        "use runtime::prelude::*;\n\nasync fn brew() {\n    sleep_ms(10).await;\n}\n\nasync fn run() {\n    let tea = brew();\n    tea.await;\n    let _ = brew().await;\n    select! {\n        biased;\n        _ = brew() => { log(\"brewed\"); }\n        _ = sleep_ms(5) => {}\n    }\n}\n",
        Parses,
    ),
    (
        "a helper called without .await",
        "use runtime::prelude::*;\n\nasync fn run() {\n    brew();\n}\n\nasync fn brew() {\n    sleep_ms(10).await;\n}\n",
        Refused(4, 11, "missing `.await`: without `.await` this future is dropped, never polled, so nothing waits. rustc would only warn here (\"futures do nothing unless you `.await` or poll them\"), an easy bug to miss"),
    ),
    (
        "a helper's name misspelled",
        "use runtime::prelude::*;\n\nasync fn run() {\n    brwe().await;\n}\n\nasync fn brew() {\n    sleep_ms(10).await;\n}\n",
        Refused(4, 5, "there is no `brwe` here: did you mean `brew`?"),
    ),
    (
        "a call of a function the program lacks",
        "    boil().await;\n",
        Refused(4, 5, "there is no `async fn boil` in this program (rustc: cannot find function `boil` in this scope, E0425): write one above or below `run()`, `async fn boil() { … }`"),
    ),
    (
        "a helper with a parameter, its sleep, its block and its text reading it",
        "use runtime::prelude::*;\nuse runtime::println;\n\nasync fn run() {\n    brew(100).await;\n    join!(brew(20), brew(30 + 5));\n}\n\nasync fn brew(ms: u32) {\n    sleep_ms(ms).await;\n    block_ms(ms);\n    println!(\"brewed for {ms} ms\");\n}\n",
        Parses,
    ),
    (
        "a helper with a parameter, its text in log(format!(…))",
        "use runtime::prelude::*;\n\nasync fn run() {\n    brew(100).await;\n}\n\nasync fn brew(ms: u32) {\n    sleep_ms(ms).await;\n    log(format!(\"brewed for {ms} ms\"));\n}\n",
        Parses,
    ),
    (
        "a helper called without its argument",
        "use runtime::prelude::*;\n\nasync fn run() {\n    brew().await;\n}\n\nasync fn brew(ms: u32) {\n    sleep_ms(ms).await;\n}\n",
        Refused(4, 5, "this call passes 0 arguments to `brew`, which takes 1 (rustc: this function takes 1 argument but 0 arguments were supplied, E0061)"),
    ),
    (
        "a helper called with an argument it does not take",
        "use runtime::prelude::*;\n\nasync fn run() {\n    brew(100).await;\n}\n\nasync fn brew() {\n    sleep_ms(10).await;\n}\n",
        Refused(4, 5, "this call passes 1 argument to `brew`, which takes 0 (rustc: this function takes 0 arguments but 1 argument was supplied, E0061)"),
    ),
    (
        "a u64 parameter",
        "use runtime::prelude::*;\n\nasync fn run() {\n    brew(100).await;\n}\n\nasync fn brew(ms: u64) {\n    sleep_ms(ms).await;\n}\n",
        Refused(7, 19, "expected `u32`, found `u64`: this playground does not read a `u64` parameter yet; in Rust it is fine: write `ms: u32` here, the type `sleep_ms` and `block_ms` take"),
    ),
    (
        "a u32 parameter in Duration::from_millis",
        "use runtime::prelude::*;\nuse std::time::Duration;\n\nasync fn run() {\n    brew(100).await;\n}\n\nasync fn brew(ms: u32) {\n    sleep(Duration::from_millis(ms)).await;\n}\n",
        Refused(9, 33, "`Duration::from_millis` takes a `u64`, and `ms` is a `u32` (rustc: mismatched types, E0308): write `sleep_ms(ms)` here (in Rust, `Duration::from_millis(ms.into())` works too)"),
    ),
    (
        "a variable passed to a helper",
        "use runtime::prelude::*;\n\nasync fn run() {\n    for i in 0..3 {\n        brew(i).await;\n    }\n}\n\nasync fn brew(ms: u32) {\n    sleep_ms(ms).await;\n}\n",
        Refused(5, 14, "expected a whole number, found `i`: this playground does not read a variable passed to a function yet; in Rust it is fine: write a number here, as `brew(100)`"),
    ),
    (
        "a parameter of run()",
        "use runtime::prelude::*;\n\nasync fn run(ms: u32) {\n    sleep_ms(ms).await;\n}\n",
        Refused(3, 14, "this page calls `run()` with no arguments, so it takes none: remove its parameters (a helper may take some)"),
    ),
    (
        "a helper's block longer than a block may be",
        "use runtime::prelude::*;\n\nasync fn run() {\n    busy(6000).await;\n}\n\nasync fn busy(ms: u32) {\n    block_ms(ms);\n}\n",
        Refused(4, 10, "this argument must be at most 5000 here: `busy` blocks for `ms` (`block_ms(ms)`), and this page blocks for 0 to 5000 ms, got 6000"),
    ),
    (
        "a helper that calls itself",
        "use runtime::prelude::*;\n\nasync fn run() {\n    tick().await;\n}\n\nasync fn tick() {\n    sleep_ms(10).await;\n    tick().await;\n}\n",
        Refused(7, 10, "this function is `tick`, which calls itself (tick calls tick): rustc refuses that (E0733: recursion needs boxing), as its future would contain itself; `Box::pin(tick()).await` compiles in Rust, but this page does not read it"),
    ),
    (
        "a plain fn helper",
        "use runtime::prelude::*;\n\nasync fn run() {\n    brew().await;\n}\n\nfn brew() {\n    log(\"x\");\n}\n",
        Refused(7, 1, "expected `async`, found `fn`: this playground does not read a plain `fn` helper yet; in Rust it is fine: write `async fn name() { … }` here instead, and call it with `name().await` (only an `async fn` can `.await` inside it: E0728)"),
    ),
    (
        "two helpers of one name",
        "use runtime::prelude::*;\n\nasync fn run() {\n    brew().await;\n}\n\nasync fn brew() {\n    log(\"x\");\n}\n\nasync fn brew() {\n    log(\"y\");\n}\n",
        Refused(11, 10, "`brew` is defined above already: name this one otherwise (rustc: the name `brew` is defined multiple times, E0428)"),
    ),
    (
        "spawn of a helper's call",
        "use runtime::prelude::*;\n\nasync fn run() {\n    spawn(brew());\n}\n\nasync fn brew() {\n    log(\"x\");\n}\n",
        Parses,
    ),
    (
        "a spawned helper's call, with its handle",
        "use runtime::prelude::*;\n\nasync fn run() {\n    let h = spawn(brew(100));\n    h.await.unwrap();\n}\n\nasync fn brew(ms: u32) {\n    sleep_ms(ms).await;\n}\n",
        Parses,
    ),
    (
        "a spawned helper's call, awaited in spawn",
        "use runtime::prelude::*;\n\nasync fn run() {\n    spawn(brew().await);\n}\n\nasync fn brew() {\n    log(\"x\");\n}\n",
        Refused(4, 17, "expected `)`, found `.`: `spawn` takes the future itself: write `spawn(brew(…))`, without `.await` (with it, `brew()` would run to its end here, and `spawn` would get its output, `()`, which is not a future: rustc E0277)"),
    ),
    (
        "a spawned helper's call, aborted",
        "use runtime::prelude::*;\n\nasync fn run() {\n    let h = spawn(brew());\n    h.abort();\n}\n\nasync fn brew() {\n    sleep_ms(10).await;\n}\n",
        Refused(4, 19, "this playground does not read `.abort()` on a task spawned as `spawn(brew(…))` yet; in Rust it is fine: aborting drops the task's future, the helper's; here, spawn `async { … }` with the helper's body written inside"),
    ),
    (
        "a main beside run()",
        "use runtime::prelude::*;\n\nasync fn run() {\n    log(\"x\");\n}\n\nfn main() {}\n",
        Refused(7, 1, "the page runs `run()` for you (as `#[tokio::main]` runs `main`), so there is no `main` here: remove it"),
    ),
    (
        "let _ = and async move inside join!",
        "    join!(async move {\n        let _ = sleep_ms(1).await; // Kettle\n        log(\"hot\");\n    }, sleep_ms(2));\n",
        Parses,
    ),
];

#[test]
fn every_program_parses_or_gets_its_message_at_its_place() {
    assert!(TABLE.len() >= 40, "{} programs", TABLE.len());
    let mut wrong = Vec::new();
    for (what, program, want) in TABLE {
        match (parse(&text(program)), want) {
            (Ok(_), Parses) => {}
            (Err(e), Refused(line, column, message))
                if (e.line, e.column, e.message.as_str()) == (*line, *column, *message) => {}
            (got, _) => wrong.push(format!("{what}: got {got:?}")),
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Every message speaks to a learner: no word of the parser's own, and a
/// playground's limit always says Rust allows it and what to write here.
#[test]
fn messages_name_no_internals_and_say_what_is_a_limit() {
    for (what, _, want) in TABLE {
        let Refused(_, _, message) = want else {
            continue;
        };
        for internal in [
            "subset",
            "scenario",
            "token",
            "canonical",
            "grammar",
            ".rs",
            "Node",
        ] {
            assert!(
                !message.contains(internal),
                "{what}: {internal} in {message}"
            );
        }
        if message.contains("this playground does not read") {
            assert!(
                message.contains("yet; in Rust it is fine: "),
                "{what}: {message}"
            );
        }
        assert!(message.chars().count() <= 240, "{what}: {message}");
    }
}

/// The README's table of messages is what the editor says.
#[test]
fn the_readmes_messages_are_the_editors() {
    let readme = include_str!("../../../README.md");
    let table = &readme[readme.find("| text | message |").unwrap()..];
    let rows: Vec<&str> = table
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert!(rows.len() >= 12, "{rows:?}");
    for row in rows {
        // | `program` | ``line L, column C: message`` |
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
        let program = cells[0].trim_end_matches(" (the whole text)");
        let whole = program.len() != cells[0].len();
        let code = program.trim_matches('`');
        let said = cells[1]
            .trim_start_matches("``")
            .trim_end_matches("``")
            .trim_end();
        let text = if whole {
            format!("{code}\n")
        } else {
            text(&format!("    {code}\n"))
        };
        let error = parse(&text).expect_err(row);
        assert_eq!(error.to_string(), said, "{row}");
    }
}

#[test]
fn let_underscore_and_async_move_read_as_without_them() {
    let pairs = [
        ("    let _ = sleep_ms(10).await;\n", "    sleep_ms(10).await;\n"),
        (
            "    join!(async move { log(\"x\") }, sleep_ms(5));\n",
            "    join!(async { log(\"x\") }, sleep_ms(5));\n",
        ),
        (
            "    let a = async move {\n        let _ = sleep_ms(1).await; // Kettle\n    };\n    a.await;\n",
            "    let a = async {\n        sleep_ms(1).await; // Kettle\n    };\n    a.await;\n",
        ),
    ];
    let duration = |body: &str| {
        format!(
            "use runtime::prelude::*;\nuse std::time::Duration;\n\nasync fn run() {{\n{body}}}\n"
        )
    };
    // Futures made by `let`s, then joined in that order: the `join!` of
    // them; each timer's line is its `let`'s, and a timing is rewritten there.
    let joined = text(
        "    let kettle = sleep_ms(300); // Kettle\n    let toast = async { sleep_ms(200).await; log(\"toast\"); };\n    join!(kettle, toast);\n    log(\"done\");\n",
    );
    let plain = text("    join!(\n        sleep_ms(300), // Kettle\n        async {\n            sleep_ms(200).await;\n            log(\"toast\");\n        },\n    );\n    log(\"done\");\n");
    assert_eq!(parse(&joined), parse(&plain));
    assert!(parse(&joined).is_ok());
    let step = parse(&joined).unwrap();
    let rendered = playground::render::rust(&step).text(4);
    let map = line_map(&joined).unwrap();
    let line_of = |code: &str| map[rendered.lines().position(|l| l.contains(code)).unwrap()];
    assert_eq!(
        (
            line_of("sleep_ms(300)"),
            line_of("sleep_ms(200)"),
            line_of("log(\"done\")")
        ),
        (4, 5, 7)
    );
    assert_eq!(
        playground::parse::layout::set_timings(&joined, &[30, 20]).unwrap(),
        joined.replace("300", "30").replace("200", "20")
    );
    // std's blocking sleep is the block it is; its number is no timer's.
    let blocking = duration(
        "    std::thread::sleep(Duration::from_millis(2 * 10)); // not a label\n    sleep(Duration::from_millis(40 + 2)).await;\n",
    );
    assert_eq!(
        parse(&blocking),
        parse(&text("    block_ms(20);\n    sleep_ms(42).await;\n"))
    );
    assert_eq!(line_map(&blocking).unwrap()[3..], [5, 6, 7]);
    assert_eq!(
        playground::parse::layout::set_timings(&blocking, &[7]).unwrap(),
        blocking.replace("40 + 2", "7")
    );
    let printing = "use runtime::prelude::*;\nuse runtime::println;\n\nasync fn run() {\n    println!(\"tea\");\n}\n";
    assert_eq!(parse(printing), parse(&text("    log(\"tea\");\n")));
    assert_eq!(line_map(printing).unwrap()[3], 5);
    // A delay as a sum is its value; a timing input writes the one number.
    let sum = text("    sleep_ms(100 + 2 * 25).await; // Kettle\n");
    assert_eq!(
        parse(&sum),
        parse(&text("    sleep_ms(150).await; // Kettle\n"))
    );
    assert_eq!(
        line_map(&sum),
        line_map(&text("    sleep_ms(150).await;\n"))
    );
    assert_eq!(
        playground::parse::layout::set_timings(&sum, &[90]).unwrap(),
        text("    sleep_ms(90).await; // Kettle\n")
    );
    // A format string: doubled braces are braces.
    let braces = printing.replace("tea", "{{tea}}");
    assert_eq!(parse(&braces), parse(&text("    log(\"{tea}\");\n")));
    let tokio_style =
        duration("    sleep(Duration::from_millis(100)).await; // Kettle\n    log(\"tea\");\n");
    let ours = text("    sleep_ms(100).await; // Kettle\n    log(\"tea\");\n");
    assert_eq!(parse(&tokio_style), parse(&ours));
    // The trace names the lines written (one lower, for the `use` line), and
    // a timing input rewrites the number where it is written.
    assert_eq!(line_map(&tokio_style).unwrap()[3..], [5, 6, 7]);
    assert_eq!(
        playground::parse::layout::set_timings(&tokio_style, &[250]).unwrap(),
        tokio_style.replace("100", "250")
    );
    for (written, plain) in pairs {
        assert_eq!(parse(&text(written)), parse(&text(plain)), "{written}");
        assert!(parse(&text(written)).is_ok(), "{written}");
        // Each line keeps its place for the trace.
        assert_eq!(
            line_map(&text(written)),
            line_map(&text(plain)),
            "{written}"
        );
    }
}

#[test]
fn a_missing_semicolon_is_put_after_the_code_not_after_its_comment() {
    let program = "    sleep_ms(20).await // Kettle\n\n    log(\"x\");\n";
    let error = parse(&text(program)).unwrap_err();
    assert_eq!((error.line, error.column), (4, 23));
    assert_eq!(error.message, "expected `;` at the end of this line");
}

#[test]
fn the_names_written_are_the_names_of_the_futures() {
    let program = "    let toast = sleep_ms(100); // Toast\n    let eggs = async move { log(\"eggs\") };\n    toast.await;\n    eggs.await;\n    let tea = sleep_ms(5);\n    tea.await;\n";
    let names = future_names(&text(program)).unwrap();
    let pairs: Vec<(&str, &str)> = names
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(pairs, [("f1", "toast"), ("f2", "eggs"), ("f3", "tea")]);
    // The renderer names them so: the pairs are its names and the text's.
    let step = parse(&text(program)).unwrap();
    let panel = render::rust(&step).text(4);
    assert!(
        panel.contains("let f2 = async { log(\"eggs\") };"),
        "{panel}"
    );
    assert!(matches!(&step, Step::Seq(steps) if steps.len() == 2));
}
