//! The code panels, written from the scenario, with a line for every step.

use playground::program::presets;
use playground::program::scenario::{LoopStyle, Step};
use playground::render::{self, PromiseStyle};

fn preset(id: &str) -> Step {
    (presets::find(id).unwrap().scenario)()
}

#[test]
fn sequential_in_three_lanes() {
    let step = preset("sequential");
    assert_eq!(
        render::callbacks(&step).text(2),
        "setTimeout(() => { // Timer 1
  setTimeout(() => { // Timer 2
    setTimeout(() => { // Timer 3
      console.log(\"I'm the last one\");
    }, 50);
  }, 100);
}, 200);
"
    );
    assert_eq!(
        render::promises(&step, PromiseStyle::Then).text(2),
        "function timer(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

timer(200) // Timer 1
  .then(() => timer(100)) // Timer 2
  .then(() => timer(50)) // Timer 3
  .then(() => console.log(\"I'm the last one\"));
"
    );
    assert_eq!(
        render::promises(&step, PromiseStyle::Await).text(2),
        "function timer(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function run() {
  await timer(200); // Timer 1
  await timer(100); // Timer 2
  await timer(50); // Timer 3
  console.log(\"I'm the last one\");
}

run();
"
    );
    let rust = render::rust(&step);
    assert_eq!(
        rust.text(4),
        "use runtime::prelude::*;

async fn run() {
    sleep_ms(200).await; // Timer 1
    sleep_ms(100).await; // Timer 2
    sleep_ms(50).await; // Timer 3
    log(\"I'm the last one\");
}
"
    );
    let written: Vec<(String, usize)> = rust
        .step_lines()
        .into_iter()
        .map(|(step, line)| (step.to_string(), line))
        .collect();
    assert_eq!(
        written,
        [
            ("scenario.steps[0]".to_string(), 4),
            ("scenario.steps[1]".to_string(), 5),
            ("scenario.steps[2]".to_string(), 6),
            ("scenario.steps[3]".to_string(), 7),
        ]
    );
}

#[test]
fn join_race_and_lazy_in_rust() {
    assert_eq!(
        render::rust(&preset("join")).text(4),
        "use runtime::prelude::*;

async fn run() {
    join!( // concurrently, in one task: each poll polls every unfinished one, in order
        sleep_ms(200), // Timer 1
        sleep_ms(100), // Timer 2
        sleep_ms(50), // Timer 3
    );
    log(\"All three are done\");
}
"
    );
    assert_eq!(
        render::rust(&preset("race")).text(4),
        "use runtime::prelude::*;

async fn run() {
    select! {
        biased; // polled top to bottom: if several are ready, the upper one wins; the others are dropped
        _ = sleep_ms(200) => {} // Timer 1
        _ = sleep_ms(100) => {} // Timer 2
        _ = sleep_ms(50) => {} // Timer 3
    }
    log(\"The fastest won\");
}
"
    );
    assert_eq!(
        render::rust(&preset("lazy")).text(4),
        "use runtime::prelude::*;

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
    log(\"Done awaiting\");
}
"
    );
    assert_eq!(
        render::rust(&preset("early-sleep")).text(4),
        "use runtime::prelude::*;

async fn run() {
    let f1 = sleep_ms(200); // Timer 1
    let f2 = sleep_ms(100); // Timer 2
    let f3 = sleep_ms(50); // Timer 3
    // none polled yet, but a sleep fixes its deadline when it is made
    f1.await;
    f2.await;
    f3.await;
    log(\"Done awaiting\");
}
"
    );
}

#[test]
fn join_race_and_lazy_with_promises() {
    assert_eq!(
        render::promises(&preset("race"), PromiseStyle::Then)
            .text(2)
            .split("\n\n")
            .nth(1)
            .unwrap(),
        "Promise.race([
  timer(200), // Timer 1
  timer(100), // Timer 2
  timer(50), // Timer 3
])
  .then(() => console.log(\"The fastest won\"));
"
    );
    assert_eq!(
        render::promises(&preset("lazy"), PromiseStyle::Await)
            .text(2)
            .split("\n\n")
            .nth(1)
            .unwrap(),
        "async function run() {
  const made = [ // each starts now
    (async () => {
      await timer(200); // Timer 1
    })(),
    (async () => {
      await timer(100); // Timer 2
    })(),
    (async () => {
      await timer(50); // Timer 3
    })(),
  ];
  await made[0];
  await made[1];
  await made[2];
  console.log(\"Done awaiting\");
}"
    );

    assert_eq!(
        render::callbacks(&preset("join")).text(2),
        "// all: go on when every one is done
let left1 = 3;
const done1 = () => {
  if (--left1 > 0) return;
  console.log(\"All three are done\");
};
setTimeout(() => { // Timer 1
  done1();
}, 200);
setTimeout(() => { // Timer 2
  done1();
}, 100);
setTimeout(() => { // Timer 3
  done1();
}, 50);
"
    );
}

#[test]
fn every_step_of_every_preset_has_a_line_in_every_lane() {
    for p in presets::PRESETS {
        let step = (p.scenario)();
        let mut paths = Vec::new();
        collect(&step, "scenario", &mut paths);
        let codes = [
            render::callbacks(&step),
            render::promises(&step, PromiseStyle::Then),
            render::promises(&step, PromiseStyle::Await),
            render::rust(&step),
        ];
        for code in codes {
            let lines = code.step_lines();
            for path in paths.iter().filter(|p| p.contains("steps")) {
                assert!(
                    lines.iter().any(|(s, _)| s.to_string() == *path),
                    "{}: {path} has no line",
                    p.id
                );
            }
        }
    }
}

/// Every step's path but a sequence of one step, which JS writes as that step
/// (no line of its own; Rust writes it as an `async` block), and a function,
/// which is no step that runs (its body's steps are).
fn collect(step: &Step, path: &str, out: &mut Vec<String>) {
    if !matches!(step, Step::Seq(steps) if steps.len() == 1)
        && !matches!(step, Step::AsyncFn { .. })
    {
        out.push(path.to_string());
    }
    for (i, c) in step.children().iter().enumerate() {
        collect(c, &format!("{path}.steps[{i}]"), out);
    }
}

#[test]
fn hostile_labels_stay_inside_string_literals_and_comments() {
    let step = Step::Seq(vec![
        Step::Sleep {
            label: "*/ alert(1) //".into(),
            ms: 1,
        },
        Step::Log {
            text: "\"); alert(1); (\"\\".into(),
            format: false,
        },
    ]);
    let code = render::promises(&step, PromiseStyle::Await).text(2);
    assert!(
        code.contains("console.log(\"\\\"); alert(1); (\\\"\\\\\");"),
        "{code}"
    );
}

#[test]
fn a_comment_marker_inside_a_string_stays_inside_it() {
    let step = Step::Seq(vec![
        Step::Sleep {
            label: "T".into(),
            ms: 1,
        },
        Step::Log {
            text: "a // b".into(),
            format: false,
        },
    ]);
    let code = render::promises(&step, PromiseStyle::Then).text(2);
    assert!(
        code.ends_with("timer(1) // T\n  .then(() => console.log(\"a // b\"));\n"),
        "{code}"
    );
}

#[test]
fn a_yield_in_each_lane_is_its_own_way_to_give_a_turn() {
    // A yield first, then in a sequence, then in a join.
    let step = Step::Seq(vec![
        Step::Yield,
        Step::log("a"),
        Step::Yield,
        Step::All(vec![Step::Yield, Step::sleep("T", 5)]),
    ]);
    assert_eq!(
        render::callbacks(&step).text(2),
        "setTimeout(() => { // yield: the rest runs in a new browser task
  console.log(\"a\");
  setTimeout(() => { // yield: the rest runs in a new browser task
    // all: go on when every one is done
    let left1 = 2;
    const done1 = () => {
      if (--left1 > 0) return;
    };
    setTimeout(() => { // yield: the rest runs in a new browser task
      done1();
    }, 0);
    setTimeout(() => { // T
      done1();
    }, 5);
  }, 0);
}, 0);
"
    );
    assert_eq!(
        render::promises(&step, PromiseStyle::Then).text(2),
        "function timer(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

Promise.resolve(
  null)
  .then(() => console.log(\"a\"))
  .then(() => null)
  .then(() =>
    Promise.all([
      null,
      timer(5), // T
    ]));
"
    );
    assert_eq!(
        render::promises(&step, PromiseStyle::Await).text(2),
        "function timer(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function run() {
  await null; // yield: the rest runs in a microtask
  console.log(\"a\");
  await null; // yield: the rest runs in a microtask
  await Promise.all([
    null,
    timer(5), // T
  ]);
}

run();
"
    );
    assert_eq!(
        render::rust(&step).text(4),
        "use runtime::prelude::*;

async fn run() {
    yield_now().await; // yield: the task goes to the back of the ready queue
    log(\"a\");
    yield_now().await; // yield: the task goes to the back of the ready queue
    join!( // concurrently, in one task: each poll polls every unfinished one, in order
        yield_now(),
        sleep_ms(5), // T
    );
}
"
    );
}

#[test]
fn a_loop_in_each_lane() {
    // for _ in 0..3 { sleep 100; log "tick" } then log "done".
    let step = Step::Seq(vec![
        Step::Repeat {
            times: 3,
            var: None,
            style: LoopStyle::For,
            steps: vec![Step::sleep("T", 100), Step::log("tick")],
        },
        Step::log("done"),
    ]);
    assert_eq!(
        render::callbacks(&step).text(2),
        "(function loop1(i) {
  if (i === 3) {
    console.log(\"done\");
    return;
  }
  setTimeout(() => { // T
    console.log(\"tick\");
    loop1(i + 1);
  }, 100);
})(0);
"
    );
    assert_eq!(
        render::promises(&step, PromiseStyle::Then).text(2),
        "function timer(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

(function loop1(i) {
  if (i === 3) return Promise.resolve();
  return timer(100) // T
    .then(() => console.log(\"tick\"))
    .then(() => loop1(i + 1));
})(0)
  .then(() => console.log(\"done\"));
"
    );
    assert_eq!(
        render::promises(&step, PromiseStyle::Await).text(2),
        "function timer(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function run() {
  for (let i = 0; i < 3; i++) {
    await timer(100); // T
    console.log(\"tick\");
  }
  console.log(\"done\");
}

run();
"
    );
    let rust = render::rust(&step);
    assert_eq!(
        rust.text(4),
        "use runtime::prelude::*;

async fn run() {
    for _ in 0..3 {
        sleep_ms(100).await; // T
        log(\"tick\");
    }
    log(\"done\");
}
"
    );
    // The await in the loop's body is run()'s one suspension point.
    let points: Vec<usize> = rust.suspension_points().iter().map(|(_, l)| *l).collect();
    assert_eq!(points, [5]);
    // Nested loops in callbacks: the inner loop's end calls the outer's
    // next round by its own names.
    let nested = Step::Seq(vec![Step::Repeat {
        times: 2,
        var: None,
        style: LoopStyle::For,
        steps: vec![Step::Repeat {
            times: 2,
            var: None,
            style: LoopStyle::For,
            steps: vec![Step::Yield],
        }],
    }]);
    let callbacks = render::callbacks(&nested).text(2);
    assert!(
        callbacks.contains("(function loop2(i2) {\n    if (i2 === 2) {\n      loop1(i + 1);"),
        "{callbacks}"
    );
}

#[test]
fn a_spawned_task_and_its_handle_in_each_lane() {
    // let h1 = spawn(async { sleep 100; log "child" }); log "spawned"; h1.await.unwrap();
    let step = Step::Seq(vec![
        Step::Spawn {
            handle: Some(1),
            steps: vec![Step::sleep("Child", 100), Step::log("child")],
            direct: false,
        },
        Step::log("spawned"),
        Step::AwaitHandle { handle: 1 },
    ]);
    assert_eq!(
        render::callbacks(&step).text(2),
        "const h1 = { done: false, onDone: null }; // spawn: its first step starts now; the code below goes on without waiting
setTimeout(() => { // Child
  console.log(\"child\");
  h1.done = true;
  if (h1.onDone) h1.onDone();
}, 100);
console.log(\"spawned\");
const after1 = () => { // await h1: go on when its task is done
};
if (h1.done) after1(); else h1.onDone = after1;
"
    );
    assert_eq!(
        render::promises(&step, PromiseStyle::Then).text(2),
        "function timer(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

let h1;

Promise.resolve()
  .then(() =>
    { // spawn: start its chain; this callback returns nothing, so nothing waits
      h1 = timer(100) // Child
        .then(() => console.log(\"child\"));
    })
  .then(() => console.log(\"spawned\"))
  .then(() => h1);
"
    );
    assert_eq!(
        render::promises(&step, PromiseStyle::Await).text(2),
        "function timer(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function run() {
  const h1 = (async () => { // spawn: an async function called now runs to its first await, then returns its promise
    await timer(100); // Child
    console.log(\"child\");
  })();
  console.log(\"spawned\");
  await h1;
}

run();
"
    );
    assert_eq!(
        render::rust(&step).text(4),
        "use runtime::prelude::*;

async fn run() {
    let h1 = spawn(async { // spawn: a task of its own; it starts once this task pauses at an .await
        sleep_ms(100).await; // Child
        log(\"child\");
    });
    log(\"spawned\");
    h1.await.unwrap();
}
"
    );
}

#[test]
fn an_aborted_task_in_each_lane() {
    let program = "use runtime::prelude::*;\n\nasync fn run() {\n    let h = spawn(async {\n        for i in 0..2 {\n            sleep_ms(100).await;\n            log(format!(\"tick {i}\"));\n        }\n    });\n    sleep_ms(150).await;\n    h.abort();\n    log(\"aborted\");\n}\n";
    let step = playground::parse::parse(program).unwrap();
    // The Callbacks panel keeps the task's timers, to clear them.
    assert_eq!(
        render::callbacks(&step).text(2),
        "const h1 = { timers: [] }; // spawn: the task's first step starts now; each setTimeout id it gets goes in h1.timers, so abort can clear them
(function loop1(i) {
  if (i === 2) {
    return;
  }
  h1.timers.push(setTimeout(() => { // Timer 1
    console.log(`tick ${i}`);
    loop1(i + 1);
  }, 100));
})(0);
setTimeout(() => { // Timer 2
  h1.timers.forEach(clearTimeout); // abort: clear the task's timers; their callbacks never run
  console.log(\"aborted\");
}, 150);
"
    );
    // The promise panels give the task an AbortController, whose signal
    // each of its timers takes.
    let timer = "function timer(ms, signal) {
  return new Promise((resolve) => {
    if (signal?.aborted) return; // its task was aborted: the promise never settles
    const id = setTimeout(resolve, ms);
    signal?.addEventListener(\"abort\", () => clearTimeout(id));
  });
}
";
    assert_eq!(
        render::promises(&step, PromiseStyle::Then).text(2),
        format!(
            "{timer}
let h1;

Promise.resolve()
  .then(() =>
    {{ // spawn: start its chain; this callback returns nothing, so nothing waits
      h1 = new AbortController(); // the task's handle: h1.abort() fires \"abort\" on h1.signal, which each of the task's timers listens to
      (function loop1(i) {{
        if (i === 2) return Promise.resolve();
        return timer(100, h1.signal) // Timer 1
          .then(() => console.log(`tick ${{i}}`))
          .then(() => loop1(i + 1));
      }})(0);
    }})
  .then(() => timer(150)) // Timer 2
  .then(() => h1.abort()) // abort: each timer's listener calls clearTimeout; the promise the task awaits never settles, so it stays paused there
  .then(() => console.log(\"aborted\"));
"
        )
    );
    assert_eq!(
        render::promises(&step, PromiseStyle::Await).text(2),
        format!(
            "{timer}
async function run() {{
  const h1 = new AbortController(); // the task's handle: h1.abort() fires \"abort\" on h1.signal, which each of the task's timers listens to
  (async () => {{ // spawn: an async function called now runs to its first await, then returns its promise
    for (let i = 0; i < 2; i++) {{
      await timer(100, h1.signal); // Timer 1
      console.log(`tick ${{i}}`);
    }}
  }})();
  await timer(150); // Timer 2
  h1.abort(); // abort: each timer's listener calls clearTimeout; the promise the task awaits never settles, so it stays paused there
  console.log(\"aborted\");
}}

run();
"
        )
    );
    assert!(render::rust(&step).text(4).contains(
        "    h1.abort(); // abort: our executor drops (destroys) the task now, with the timer it waits on (tokio drops it when it would next run it)\n"
    ));
}

#[test]
fn a_spawned_helper_call_is_the_task_itself() {
    let program = "use runtime::prelude::*;\n\nasync fn run() {\n    let h = spawn(brew(100));\n    h.await.unwrap();\n}\n\nasync fn brew(ms: u32) {\n    sleep_ms(ms).await;\n}\n";
    let step = playground::parse::parse(program).unwrap();
    let rust = render::rust(&step).text(4);
    assert!(
        rust.contains("    let h1 = spawn(brew(100)); // spawn: a task of its own"),
        "{rust}"
    );
    let promises = render::promises(&step, PromiseStyle::Await).text(2);
    assert!(
        promises.contains("  const h1 = brew(100); // spawn: an async function called now"),
        "{promises}"
    );
    // The `.then` chain and the callbacks write it as they write
    // `spawn(async { brew(100).await; })`: the helper's chain, started.
    let then = render::promises(&step, PromiseStyle::Then).text(2);
    assert!(then.contains("      h1 = brew(100);"), "{then}");
    let callbacks = render::callbacks(&step).text(2);
    assert!(callbacks.contains("brew(100, () => {"), "{callbacks}");
    // The call's line is the spawn's.
    let code = render::rust(&step);
    let lines = code.step_lines();
    let line_of = |path: &str| {
        lines
            .iter()
            .find(|(p, _)| p.to_string() == path)
            .map(|(_, l)| *l)
    };
    assert_eq!(line_of("scenario.steps[0].steps[0]"), Some(4));
    assert_eq!(line_of("scenario.steps[0].steps[0].steps[0]"), Some(4));
}
