// The lesson page's code editor: CodeMirror 6 over a <textarea>, which stays the source of truth for forms,
// tests and screen readers that need it. Tokens carry classes (tok-keyword, tok-string…) so that app.css gives
// them colours that keep their contrast in the light and the dark theme. Tab indents; Escape then Tab (or Ctrl+M)
// moves the focus out, as the help text under each editor says.
import { EditorState } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, indentOnInput, syntaxHighlighting, indentUnit } from "@codemirror/language";
import { classHighlighter } from "@lezer/highlight";
import { closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { search, searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { python } from "@codemirror/lang-python";

// The editable area takes the textarea's accessible name and description (its label and the keyboard help).
function describedLike(textarea) {
  const label = textarea.labels && textarea.labels.length ? textarea.labels[0].textContent.trim() : "";
  // tabindex makes the scrolling area's content count as focusable for assistive checks, as it is for browsers.
  const attributes = { "aria-label": textarea.getAttribute("aria-label") || label || "Editor de código", tabindex: "0" };
  const help = textarea.getAttribute("aria-describedby");
  if (help) attributes["aria-describedby"] = help;
  return attributes;
}

function create(textarea, { onRun, onSubmit, onChange } = {}) {
  const shortcuts = [
    { key: "Mod-Enter", run: () => { onRun && onRun(); return true; } },
    { key: "Shift-Enter", run: () => { onSubmit && onSubmit(); return true; } },
  ];
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), drawSelection(), history(),
        indentOnInput(), bracketMatching(), closeBrackets(), highlightSelectionMatches(), search({ top: true }),
        syntaxHighlighting(classHighlighter), python(), indentUnit.of("    "),
        EditorState.tabSize.of(4),
        keymap.of([...shortcuts, ...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of(describedLike(textarea)),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) {
            textarea.value = update.state.doc.toString();
            onChange && onChange(textarea.value);
          }
        }),
      ],
    }),
  });
  textarea.style.display = "none";
  textarea.after(view.dom);
  return {
    view,
    getValue: () => view.state.doc.toString(),
    setValue: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    focusLine: (number) => {
      const line = view.state.doc.line(Math.max(1, Math.min(number, view.state.doc.lines)));
      view.dispatch({ selection: { anchor: line.from, head: line.to }, scrollIntoView: true });
      view.focus();
    },
  };
}

window.PlatformEditor = { create };
