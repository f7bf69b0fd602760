//! What the page's controls may do to a program (src/program/editing.rs):
//! which example it is, its timers, and adding or removing a timer.

use playground::program::editing::{add_timer, describe, remove_timer, Described, Timer};
use playground::program::presets;
use playground::program::scenario::Step;

fn preset(id: &str) -> Step {
    (presets::find(id).unwrap().scenario)()
}

fn timer(label: &str, ms: u32) -> Timer {
    Timer {
        label: label.into(),
        ms,
    }
}

#[test]
fn a_preset_with_other_delays_is_that_example_with_other_labels_is_not() {
    let mut step = preset("sequential");
    for ms in step.timer_ms_mut() {
        *ms = 7;
    }
    assert_eq!(
        describe(&step, None),
        Described {
            preset: Some("sequential"),
            timers: vec![
                timer("Timer 1", 7),
                timer("Timer 2", 7),
                timer("Timer 3", 7)
            ],
            text_editable: true,
            can_add_timer: true,
            can_remove_timer: true,
        }
    );
    // Another label: the same shape (it runs on the preset's compiled
    // run()), but the learner's own program.
    let Step::Seq(steps) = &mut step else {
        panic!()
    };
    steps[0] = Step::sleep("Kettle", 7);
    assert_eq!(describe(&step, Some("sequential")).preset, None);
    assert_eq!(presets::of_shape(&step).map(|p| p.id), Some("sequential"));
}

#[test]
fn every_preset_is_its_own_example_and_a_special_one_keeps_its_shape() {
    for p in presets::PRESETS {
        let d = describe(&(p.scenario)(), Some(p.id));
        assert_eq!(d.preset, Some(p.id), "{}", p.id);
        assert_eq!(d.text_editable, p.special.is_none(), "{}", p.id);
        if p.special.is_some() {
            assert!(!d.can_add_timer && !d.can_remove_timer, "{}", p.id);
            assert_eq!(d.timers.len(), 1, "{}", p.id);
        }
    }
    // Chosen last: a special preset's program (a sleep, then a log) is that
    // preset's; not chosen, it is nobody's example.
    let lost = preset("lost-wake");
    assert_eq!(describe(&lost, Some("lost-wake")).preset, Some("lost-wake"));
    // The controls refuse what describe refuses: no timer added to it.
    assert_eq!(add_timer(&lost, Some("lost-wake")), None);
    assert!(
        add_timer(&lost, None).is_some(),
        "as nobody's example, it is a program like any"
    );
    assert_eq!(describe(&lost, None).preset, None);
    assert!(describe(&lost, None).text_editable);
}

#[test]
fn add_timer_appends_the_next_free_label_after_the_last_sleep() {
    let added = add_timer(&preset("sequential"), None).unwrap();
    let Step::Seq(steps) = &added else { panic!() };
    assert_eq!(steps[3], Step::sleep("Timer 4", 100));
    assert!(matches!(steps[4], Step::Log { .. }), "the log stays last");
    assert_eq!(
        describe(&added, Some("sequential")).preset,
        None,
        "now Custom"
    );
    // "Timer 4" taken: the next free one.
    let again = add_timer(&added, None).unwrap();
    let again = add_timer(&remove_timer(&again, None).unwrap(), None).unwrap();
    let labels: Vec<&str> = again.timers().iter().map(|(l, _)| *l).collect();
    assert_eq!(
        labels,
        ["Timer 1", "Timer 2", "Timer 3", "Timer 4", "Timer 5"]
    );
    // Removing takes the last sleep, and never the last timer.
    let one = remove_timer(&preset("sequential"), None).unwrap();
    let one = remove_timer(&one, None).unwrap();
    assert_eq!(one.timers(), [("Timer 1", 200)]);
    assert_eq!(remove_timer(&one, None), None);
    assert!(!describe(&one, None).can_remove_timer);
}

#[test]
fn timers_are_added_inside_the_first_step_holding_sleeps() {
    // join: the sleeps are inside the join!, not in the sequence around it.
    let added = add_timer(&preset("join"), None).unwrap();
    let Step::Seq(outer) = &added else { panic!() };
    let Step::All(inner) = &outer[0] else {
        panic!("{added:?}")
    };
    assert_eq!(inner.len(), 4);
    assert_eq!(inner[3], Step::sleep("Timer 4", 100));
}

#[test]
fn no_timer_is_added_past_the_limits() {
    let mut step = preset("sequential");
    while let Some(next) = add_timer(&step, None) {
        step = next;
    }
    assert_eq!(step.timers().len(), 32);
    assert!(!describe(&step, None).can_add_timer);
    // A program with no step holding sleeps has nowhere to add one.
    let logs = Step::Seq(vec![Step::log("a")]);
    assert_eq!(add_timer(&logs, None), None);
}

// serde_json is a native dev-dependency.
#[cfg(not(target_arch = "wasm32"))]
#[test]
fn the_presets_declare_what_the_page_needs_of_them() {
    let infos: Vec<_> = presets::PRESETS.iter().map(presets::Preset::info).collect();
    let json = serde_json::to_value(infos).unwrap();
    let declared: Vec<(String, bool, bool)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let keys: Vec<&str> = p.as_object().unwrap().keys().map(String::as_str).collect();
            assert_eq!(
                keys,
                ["id", "name", "explanation", "special", "forgetsWake"]
            );
            (
                p["id"].as_str().unwrap().to_string(),
                p["special"].as_bool().unwrap(),
                p["forgetsWake"].as_bool().unwrap(),
            )
        })
        .collect();
    for (id, special, forgets) in &declared {
        let expected = ["self-ref", "interop", "lost-wake"].contains(&id.as_str());
        assert_eq!(*special, expected, "{id}");
        assert_eq!(*forgets, id == "lost-wake", "{id}");
    }
    assert_eq!(declared.len(), presets::PRESETS.len());
}
