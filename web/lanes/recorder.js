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
  trace() {
    return { version: 1, lane: this.lane, clock: this.clock, events: this.events };
  }
}
