//! `join!` and `select!`, the forms the Rust panel is written in: each takes
//! futures of any types with the same output, boxes them (so they can share
//! one list) and awaits the runtime's [`join()`](crate::join()) or
//! [`select()`](crate::select()), so every child poll is traced.

use std::future::Future;
use std::pin::Pin;

/// A future, boxed and pinned so futures of different types fit in one list.
pub type BoxedFuture<'a, T> = Pin<Box<dyn Future<Output = T> + 'a>>;

#[doc(hidden)]
pub fn __boxed<'a, T>(future: impl Future<Output = T> + 'a) -> BoxedFuture<'a, T> {
    Box::pin(future)
}

/// Awaits every future; each poll polls every unfinished one, in order (as
/// `tokio::join!` and `futures::join!` do). Evaluates to their outputs, in
/// order, as a `Vec` (tokio's is a tuple). Only inside `async` code.
///
/// ```
/// use runtime::prelude::*;
/// # use runtime::{Runtime, VirtualHost};
///
/// async fn run() {
///     join!(sleep_ms(200), async { log("at once") }, sleep_ms(100));
///     log("after 200 ms");
/// }
/// # let host = VirtualHost::new();
/// # let rt = Runtime::new(host.clone());
/// # rt.spawn(run()).detach();
/// # assert_eq!(host.run(), 200.0);
/// ```
#[macro_export]
macro_rules! join {
    ($($future:expr),+ $(,)?) => {
        $crate::join([$($crate::macros::__boxed($future)),+]).await
    };
}

/// Awaits the first of its futures to finish, drops the others at once (a
/// dropped `Sleep` cancels its timer), then runs the winner's block, which
/// may `.await` too. With `biased;`, the futures are polled in the order
/// written, so a tie goes to the first. Each arm is `_ = future => { … }`.
/// Only inside `async` code.
///
/// ```
/// use runtime::prelude::*;
/// # use runtime::{Runtime, VirtualHost};
///
/// async fn run() {
///     select! {
///         biased;
///         _ = sleep_ms(200) => {}
///         _ = sleep_ms(50) => {
///             log("after 50 ms; the 200 ms timer was cancelled");
///             sleep_ms(10).await;
///         }
///     }
///     log("after 60 ms");
/// }
/// # let host = VirtualHost::new();
/// # let rt = Runtime::new(host.clone());
/// # rt.spawn(run()).detach();
/// # assert_eq!(host.run(), 60.0);
/// # let trace = rt.take_trace().lines();
/// # assert!(trace.iter().any(|l| l.starts_with("50 log text=\"after 50 ms")));
/// # assert!(trace.iter().any(|l| l.starts_with("60 log text=\"after 60 ms")));
/// ```
///
/// Without `biased;`, each poll starts at a branch drawn at random, as
/// tokio's does, from the runtime's seeded generator
/// ([`Runtime::set_seed`](crate::Runtime::set_seed)), so a run still
/// repeats exactly.
#[macro_export]
macro_rules! select {
    (biased; $(_ = $future:expr => $body:block $(,)?)+) => {{
        let winner = $crate::select([$($crate::macros::__boxed($future)),+]).await.0;
        $crate::__select_body!(winner, 0usize, $($body)+)
    }};
    ($(_ = $future:expr => $body:block $(,)?)+) => {{
        let winner = $crate::select_random([$($crate::macros::__boxed($future)),+]).await.0;
        $crate::__select_body!(winner, 0usize, $($body)+)
    }};
}

/// `select!`'s dispatch: `if winner == 0 { first } else if winner == 1 {
/// second }…`, so no local stays alive across a body's `.await`s (a
/// `match` on a number would need its arms' numbers written out).
#[doc(hidden)]
#[macro_export]
macro_rules! __select_body {
    ($winner:ident, $index:expr, $body:block $($rest:block)*) => {
        if $winner == $index $body else { $crate::__select_body!($winner, $index + 1, $($rest)*) }
    };
    ($winner:ident, $index:expr,) => {
        ()
    };
}

/// Prints a line, as std's `println!`, into the trace: a `log` event of the
/// task being polled (the page has no terminal; the trace is its output).
/// Takes `format!`'s arguments (the playground's editor reads a plain text
/// only); outside a task it prints nothing. Brought in by name,
/// `use runtime::println;`, which shadows std's; the prelude's glob cannot
/// (rustc error E0659: `println` is ambiguous).
///
/// ```
/// use runtime::prelude::*;
/// use runtime::println;
/// # use runtime::{Runtime, VirtualHost};
///
/// async fn run() {
///     sleep_ms(20).await;
///     println!("tea after {} ms", 20);
/// }
/// # let host = VirtualHost::new();
/// # let rt = Runtime::new(host.clone());
/// # rt.spawn(run()).detach();
/// # host.run();
/// # assert!(rt.take_trace().lines().contains(&"20 log text=\"tea after 20 ms\"".to_string()));
/// ```
#[macro_export]
macro_rules! println {
    ($($arg:tt)*) => {
        $crate::log(&::std::format!($($arg)*))
    };
}
