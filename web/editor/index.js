// The code panels as CodeMirror 6 editors: the Rust panel editable (a
// textbox named "Rust code"), the JS panels read-only, all three alike. The
// page loads this module after its first run is on screen (main.js), from the
// bundle `just editor` makes of it (web/pkg/editor.js), and swaps the plain
// panels for these (ui/lanes.js); both kinds of panel answer to `CodeView`.
import { EditorView, lineNumbers, keymap, drawSelection, highlightSpecialChars, Decoration } from '@codemirror/view';
import { EditorState, StateField, StateEffect, Compartment, Transaction } from '@codemirror/state';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { bracketMatching, indentOnInput, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { classHighlighter } from '@lezer/highlight';
import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { rust } from '@codemirror/lang-rust';

/** @import { CodeView, Problem } from '../types.js' */
/** @import { Extension, Text } from '@codemirror/state' */

// The page's colours (style.css) for both schemes: tokens get classes
// (`tok-keyword`...), and CodeMirror's own parts (cursor, selection,
// tooltips) its dark variant when the page is dark.
const darkScheme = matchMedia('(prefers-color-scheme: dark)');

/** The line of the current replay event: 1-based, or 0 for none. */
const showLine = StateEffect.define({ map: (/** @type {number} */ line) => line });
const currentLine = StateField.define({
  create: () => Decoration.none,
  update(decorations, tr) {
    let next = decorations.map(tr.changes);
    for (const effect of tr.effects) {
      if (!effect.is(showLine)) continue;
      const line = effect.value;
      next = line >= 1 && line <= tr.state.doc.lines
        ? Decoration.set([Decoration.line({ class: 'current', attributes: { 'aria-current': 'true' } })
          .range(tr.state.doc.line(line).from)])
        : Decoration.none;
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/**
 * Typing over a selection of several lines, as the editor would do it, not
 * the browser: Chromium's own editing would merge the lines' elements and
 * copy their computed style into a `style` attribute, which the page's CSP
 * blocks (and reports). Everything else the editor does itself already.
 * @param {InputEvent} event
 * @param {EditorView} view
 */
function typingOverLines(event, view) {
  const text = event.data;
  if (event.inputType !== 'insertText' || text === null) return false;
  const { doc, selection } = view.state;
  if (selection.ranges.every((r) => doc.lineAt(r.from).number === doc.lineAt(r.to).number)) return false;
  event.preventDefault();
  const { from, to } = selection.main;
  const insert = () => view.state.update(view.state.replaceSelection(text), { userEvent: 'input.type', scrollIntoView: true });
  // Input handlers first (closing brackets), as for any typing.
  if (!view.state.facet(EditorView.inputHandler).some((handle) => handle(view, from, to, text, insert))) {
    view.dispatch(insert());
  }
  return true;
}

/**
 * Where `line` and `column` (from 1, columns in Unicode characters, as the
 * parser counts them) are in `doc` (UTF-16 offsets), and the end of the word
 * or character there, for the underline.
 * @param {Text} doc
 * @param {number} line
 * @param {number} column
 */
function range(doc, line, column) {
  if (line > doc.lines) return { from: doc.length, to: doc.length };
  const { from, text } = doc.line(Math.max(1, line));
  const before = Array.from(text).slice(0, Math.max(0, column - 1)).join('');
  const at = from + before.length;
  const word = /^(?:[\p{L}\p{N}_]+|\S)/u.exec(text.slice(before.length));
  return { from: at, to: at + (word ? word[0].length : 0) };
}

/**
 * A code panel as an editor, in place of `replaced` (which it takes the id
 * and classes of).
 * @param {Element} replaced
 * @param {object} options
 * @param {string} options.text
 * @param {string} options.label the accessible name
 * @param {boolean} options.readOnly
 * @param {boolean} options.rust Rust highlighting (else plain text)
 * @param {(text: string) => void} [options.onEdit] called after each edit by the user
 * @param {() => void} [options.onBlur]
 * @returns {CodeView}
 */
export function createCodeView(replaced, { text, label, readOnly, rust: isRust, onEdit, onBlur }) {
  /** The line `showLine` last marked (0: none); -1 once the text changed,
   * which may have moved the mark. */
  let shownLine = 0;
  const readOnlyness = new Compartment();
  const scheme = new Compartment();
  /** @param {boolean} on */
  const readOnlyExtensions = (on) => [
    EditorState.readOnly.of(on),
    // readOnly stops typing, not text the browser inserts into the
    // contenteditable (an IME, a test's insertText): drop any change a user
    // made; the page's own updates carry no user event.
    on ? EditorState.transactionFilter.of((tr) => (tr.docChanged && tr.annotation(Transaction.userEvent) ? [] : tr)) : [],
    // A tab stop said out loud (contenteditable is one anyway), so checkers
    // see the scrolling panel has something to focus.
    EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
  ];
  /** @type {Extension[]} */
  const extensions = [
    lineNumbers(),
    highlightSpecialChars(),
    history(),
    drawSelection(),
    indentOnInput(),
    indentUnit.of('    '), // as rustfmt, and as the panels are written
    syntaxHighlighting(classHighlighter),
    scheme.of(EditorView.darkTheme.of(darkScheme.matches)),
    // Long lines wrap, so no end of a line or comment is cut off (a panel
    // is a third of a laptop's width; scrolled sideways, a learner missed
    // what ended a line).
    EditorView.lineWrapping,
    bracketMatching(),
    closeBrackets(),
    lintGutter(),
    currentLine,
    // Tab is left to move the focus on (no trap): indenting is Enter's job.
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap, ...lintKeymap]),
    readOnlyness.of(readOnlyExtensions(readOnly)),
    // The replaced panel's id and classes (the editor rewrites its own
    // element's classes as it gains and loses the focus: only these last).
    EditorView.editorAttributes.of({ id: replaced.id, class: replaced.className }),
    EditorView.updateListener.of((update) => {
      if (update.docChanged) shownLine = -1;
      // Typing, pasting, deleting, undo: every edit but the page's own
      // (`setText`), which carries no user event.
      if (update.transactions.some((tr) => tr.docChanged && tr.annotation(Transaction.userEvent) !== undefined)) {
        onEdit?.(update.state.doc.toString());
      }
    }),
    EditorView.domEventHandlers({
      blur: () => onBlur?.(),
      beforeinput: typingOverLines,
    }),
  ];
  if (isRust) extensions.push(rust());
  const view = new EditorView({ state: EditorState.create({ doc: text, extensions }) });
  replaced.replaceWith(view.dom);
  darkScheme.addEventListener('change', () => {
    view.dispatch({ effects: scheme.reconfigure(EditorView.darkTheme.of(darkScheme.matches)) });
  });

  return {
    text: () => view.state.doc.toString(),
    setText(next) {
      const now = view.state.doc.toString();
      if (next === now) return;
      // One change over what differs, so the cursor and undo history keep
      // their places outside it.
      let start = 0;
      while (start < now.length && start < next.length && now[start] === next[start]) start += 1;
      let end = 0;
      while (end < now.length - start && end < next.length - start
        && now[now.length - 1 - end] === next[next.length - 1 - end]) end += 1;
      view.dispatch({ changes: { from: start, to: now.length - end, insert: next.slice(start, next.length - end) } });
    },
    setReadOnly(on) {
      view.dispatch({ effects: readOnlyness.reconfigure(readOnlyExtensions(on)) });
    },
    showLine(line) {
      // The same line again changes nothing: no transaction, no update.
      if ((line ?? 0) === shownLine) return;
      shownLine = line ?? 0;
      view.dispatch({ effects: showLine.of(shownLine) });
      if (shownLine < 1 || shownLine > view.state.doc.lines) return;
      // Into the panel's view: its scroller moves, never the page (which
      // CodeMirror's own scrollIntoView would move too).
      // This line, as it is now: by the time the measure runs, another may
      // be marked, or none (0, no line to measure).
      const marked = shownLine;
      view.requestMeasure({
        read: () => {
          if (marked > view.state.doc.lines) return null;
          const block = view.lineBlockAt(view.state.doc.line(marked).from);
          const { scrollTop, clientHeight } = view.scrollDOM;
          const top = block.top + view.documentPadding.top;
          return top < scrollTop || top + block.height > scrollTop + clientHeight ? top - clientHeight / 2 : null;
        },
        write: (to) => {
          if (to !== null) view.scrollDOM.scrollTop = to;
        },
      });
    },
    showProblem(problem) {
      const diagnostics = problem
        ? [{ ...range(view.state.doc, problem.line, problem.column), severity: /** @type {const} */ ('error'), message: problem.message }]
        : [];
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    focus: () => view.focus(),
  };
}
