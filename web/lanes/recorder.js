// A lane's trace as it happens: `{seq, t, kind, ...fields}`, `t` in ms since
// the lane started. A cancelled run records nothing more.

export class Recorder {
  constructor(lane, clock, timers) {
    this.lane = lane;
    this.clock = clock;
    this.timers = timers;
    this.start = timers.now();
    this.events = [];
  }
  record(kind, fields = {}) {
    if (this.timers.cancelled) return;
    const t = this.timers.now() - this.start;
    this.events.push({ seq: this.events.length, t, kind, ...fields });
  }
  /** Starts a timer of `ms` on the lane's timers: records timer_set now and,
   * when it fires, timer_fired with how late it came (a hidden or frozen tab,
   * a busy page); then calls `fire`. */
  timer({ timer, label, step, ms }, fire) {
    this.record('timer_set', { timer, label, step, ms });
    const due = this.timers.now() + ms;
    this.timers.setTimeout(() => {
      const late = Math.max(0, this.timers.now() - due);
      this.record('timer_fired', { timer, label, step, late });
      fire();
    }, ms);
  }

  trace() {
    return { version: 1, lane: this.lane, clock: this.clock, events: this.events };
  }
}
