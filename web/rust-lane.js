// The Rust lane's view: renders trace events as text (never as markup).

const DETAIL_SKIP = new Set(['seq', 't', 'kind', 'addr']);

/** `timer=1 ms=200 deadline=200`: an event's fields, in order. */
export function detail(event) {
  return Object.entries(event)
    .filter(([key]) => !DETAIL_SKIP.has(key))
    .map(([key, value]) => `${key}=${typeof value === 'number' ? round(value) : value}`)
    .join(' ');
}

function round(n) {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function showTrace(events) {
  const body = document.getElementById('trace');
  const rows = events.map((event) => {
    const row = document.createElement('tr');
    row.dataset.kind = event.kind;
    for (const text of [round(event.t), event.kind, detail(event)]) {
      const cell = document.createElement('td');
      cell.textContent = text;
      row.append(cell);
    }
    return row;
  });
  body.replaceChildren(...rows);
}

export function showOutput(lines) {
  document.getElementById('output').textContent = lines.join('\n');
}

export function showStatus(text) {
  document.getElementById('status').textContent = text;
}
