// The studio's editors: CodeMirror 6 over each <textarea data-language="markdown|python">. The textarea stays the
// value the form posts; every change is copied back into it.
import { EditorState } from "@codemirror/state";
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter, drawSelection,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import {
  bracketMatching, indentOnInput, syntaxHighlighting, defaultHighlightStyle, indentUnit, LanguageDescription,
} from "@codemirror/language";
import { search, searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { python } from "@codemirror/lang-python";
import { markdown, markdownLanguage } from "@codemirror/lang-markdown";

const codeLanguages = [LanguageDescription.of({ name: "python", alias: ["py", "python3"], support: python() })];
const editors = {};

function languageFor(name) {
  return name === "markdown" ? [markdown({ base: markdownLanguage, codeLanguages }), EditorView.lineWrapping] : [python()];
}

function create(textarea, { onChange } = {}) {
  const language = textarea.dataset.language || "python";
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(), highlightActiveLineGutter(), highlightActiveLine(), drawSelection(), history(),
        indentOnInput(), bracketMatching(), highlightSelectionMatches(), search({ top: true }),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }), ...languageFor(language),
        indentUnit.of("    "), EditorState.tabSize.of(4),
        keymap.of([...defaultKeymap, ...searchKeymap, ...historyKeymap, indentWithTab]),
        EditorView.contentAttributes.of({ "aria-label": textarea.getAttribute("aria-label") || textarea.name }),
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
  const editor = {
    view,
    getValue: () => view.state.doc.toString(),
    setValue: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    goToLine: (number) => {
      const line = view.state.doc.line(Math.max(1, Math.min(number, view.state.doc.lines)));
      view.dispatch({ selection: { anchor: line.from }, scrollIntoView: true });
      view.focus();
    },
  };
  if (textarea.name) editors[textarea.name] = editor;
  return editor;
}

window.StudioEditor = { create, get: (name) => editors[name] };
