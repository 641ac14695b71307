// Lesson page: runnable code blocks and exercises (Ejecutar / Enviar), with live results.
(function () {
  "use strict";
  // On a phone the table of contents starts folded so the lesson comes first.
  const toc = document.querySelector(".toc-details");
  if (toc && window.matchMedia("(max-width: 800px)").matches) toc.open = false;

  const article = document.querySelector(".lesson-body");
  if (!article) return;
  const signedIn = article.dataset.authenticated === "1";
  const loginUrl = article.dataset.loginUrl;
  const TERMINAL = ["passed", "failed", "completed", "error", "timeout", "memory_limit", "output_limit", "system_error", "cancelled"];
  const LABELS = {
    queued: "En cola…", running: "Ejecutando…", passed: "Superado", failed: "No superado", completed: "Ejecutado",
    error: "Error en tu código", timeout: "Tiempo agotado", memory_limit: "Memoria agotada",
    output_limit: "Demasiada salida", system_error: "Error del sistema", cancelled: "Cancelado",
  };
  const ADVICE = {
    timeout: "Tu código superó el tiempo máximo. Busca bucles que no terminan, reduce el número de épocas o el tamaño de los datos.",
    memory_limit: "Tu código usó más memoria de la permitida. Usa tensores más pequeños, lotes más pequeños o libera lo que no necesites.",
    output_limit: "Tu programa escribió demasiado texto. Imprime solo lo necesario (por ejemplo, cada 10 épocas).",
    system_error: "No es culpa tuya: la plataforma no pudo ejecutar el código. Vuelve a intentarlo en unos segundos.",
    error: "Tu código lanzó una excepción. Lee la última línea del error y pulsa en el número de línea para ir a ella.",
  };

  function csrfToken() {
    const match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  async function api(url, options) {
    const response = await fetch(url, Object.assign({
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
    }, options));
    let data = {};
    try { data = await response.json(); } catch (e) { /* empty body */ }
    if (!response.ok) {
      const detail = data.detail || Object.values(data).flat().join(" ") || response.statusText;
      throw new Error(detail);
    }
    return data;
  }

  function el(tag, attrs, children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === "text") node.textContent = v; else node.setAttribute(k, v);
    });
    (children || []).forEach((c) => c && node.appendChild(c));
    return node;
  }

  // Code blocks and tables that scroll sideways must be reachable by keyboard (WCAG 2.1.1): they become focusable
  // regions only while they overflow, so short blocks add no tab stops.
  function focusableWhenScrolling(node, label) {
    const scrolls = node.scrollWidth > node.clientWidth + 1 || node.scrollHeight > node.clientHeight + 1;
    if (scrolls && !node.hasAttribute("tabindex")) {
      node.setAttribute("tabindex", "0");
      node.setAttribute("role", "region");
      node.setAttribute("aria-label", label);
    } else if (!scrolls && node.getAttribute("role") === "region") {
      ["tabindex", "role", "aria-label"].forEach((name) => node.removeAttribute(name));
    }
  }
  function markScrollableBlocks() {
    article.querySelectorAll("pre:not(.output)")
      .forEach((pre) => focusableWhenScrolling(pre, "Bloque de código (desplazable)"));
    article.querySelectorAll(".lesson-body table:not(.attempts)")
      .forEach((table) => focusableWhenScrolling(table, "Tabla (desplazable)"));
  }
  markScrollableBlocks();
  let resizeTimer = null;
  window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(markScrollableBlocks, 200); });

  // One polite announcement per verdict: its label and score, then the first failing check or the error.
  function plain(text) { return String(text || "").replace(/`/g, ""); }
  function verdictSummary(data) {
    let text = verdictTitle(data) + ".";
    const failing = (data.checks || []).find((check) => !check.passed);
    if (failing) text += " Primera comprobación que falla: " + failing.name + (failing.message ? ". " + plain(failing.message) : "");
    else if (data.error && data.error.type) text += " " + data.error.type + ": " + data.error.message + (data.error.line ? " (línea " + data.error.line + ")" : "");
    else if (ADVICE[data.status]) text += " " + ADVICE[data.status];
    return text;
  }
  function announce(region, text) {
    if (!region) return;
    region.textContent = "";
    // A fresh text node after the region was emptied is read once by screen readers.
    window.setTimeout(() => { region.textContent = text; }, 100);
  }

  // Check messages mark names with `backticks`; show those as code.
  function withCode(node, text) {
    text.split("`").forEach((part, i) => node.appendChild(i % 2 ? el("code", { text: part }) : document.createTextNode(part)));
    return node;
  }

  function outputPane(title, text, editor, open) {
    const details = el("details", open ? { open: "" } : {});
    details.appendChild(el("summary", { text: title }));
    const pre = el("pre", { class: "output", tabindex: "0" });
    text.split("\n").forEach((line, index, all) => {
      const match = editor && line.match(/File "main\.py", line (\d+)/);
      if (match) {
        const link = el("a", { href: "#", class: "traceback-line", text: line });
        link.addEventListener("click", (event) => { event.preventDefault(); editor.jump(Number(match[1])); });
        pre.appendChild(link);
      } else {
        pre.appendChild(document.createTextNode(line));
      }
      if (index < all.length - 1) pre.appendChild(document.createTextNode("\n"));
    });
    details.appendChild(pre);
    return details;
  }

  function jumpToLine(editor, line) {
    const lines = editor.value.split("\n");
    const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
    editor.focus();
    editor.setSelectionRange(start, start + (lines[line - 1] || "").length);
    const lineHeight = parseFloat(getComputedStyle(editor).lineHeight) || 18;
    editor.scrollTop = Math.max(0, (line - 3) * lineHeight);
  }

  function verdictTitle(data) {
    let title = LABELS[data.status] || data.status;
    if (data.mode === "submit" && data.max_score) title += " · " + (data.score || 0) + "/" + data.max_score + " puntos";
    return title;
  }

  function renderResult(box, data, editor) {
    box.innerHTML = "";
    const status = data.status;
    const head = el("div", { class: "verdict " + status });
    head.appendChild(el("strong", { text: verdictTitle(data) }));
    if (data.duration_ms != null) {
      head.appendChild(el("span", { class: "meta", text: " " + (data.duration_ms / 1000).toFixed(2) + " s · " + (data.device || "cpu").toUpperCase() }));
    }
    box.appendChild(head);
    if (ADVICE[status]) box.appendChild(el("p", { class: "advice", text: ADVICE[status] }));
    if (data.error && data.error.type) {
      box.appendChild(el("p", { class: "error-line", text: data.error.type + ": " + data.error.message + (data.error.line ? " (línea " + data.error.line + ")" : "") }));
    }
    if (data.checks && data.checks.length) {
      const list = el("ul", { class: "checks" });
      data.checks.forEach((check) => {
        const item = el("li", { class: check.passed ? "ok" : "ko" });
        item.appendChild(el("span", { class: "mark", "aria-label": check.passed ? "correcto" : "incorrecto", text: check.passed ? "✓" : "✗" }));
        item.appendChild(el("span", { text: " " + check.name }));
        if (check.message) item.appendChild(withCode(el("div", { class: "check-message" }), check.message));
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    (data.figures || []).forEach((png, i) => {
      box.appendChild(el("img", { class: "figure", alt: "Figura " + (i + 1) + " generada por tu código", src: "data:image/png;base64," + png }));
    });
    if (data.stdout) box.appendChild(outputPane("Salida (stdout)", data.stdout, editor, true));
    if (data.stderr) box.appendChild(outputPane("Errores (stderr)", data.stderr, editor, status === "error"));
  }

  async function execute(box, payload, editor, buttons, announcer) {
    if (!signedIn) {
      box.innerHTML = "";
      box.appendChild(el("p", {}, [el("a", { href: loginUrl, text: "Entra" }), document.createTextNode(" para ejecutar código.")]));
      return;
    }
    buttons.forEach((b) => { b.disabled = true; });
    box.innerHTML = "";
    box.appendChild(el("div", { class: "verdict queued", text: LABELS.queued }));
    let source = null;
    try {
      const created = await api("/api/submissions/", { method: "POST", body: JSON.stringify(payload) });
      // The verdict arrives by push: a terminal status event wakes the loop at once; polling is the fallback.
      let wake = null;
      source = followLive(box, created.id, () => { if (wake) wake(); });
      let data = created;
      const started = Date.now();
      while (!TERMINAL.includes(data.status) && Date.now() - started < 180000) {
        await new Promise((r) => { wake = r; setTimeout(r, source && source.readyState !== EventSource.CLOSED ? 2000 : 400); });
        data = await api("/api/submissions/" + created.id + "/");
        if (!TERMINAL.includes(data.status)) {
          box.querySelector(".verdict").textContent = LABELS[data.status] || data.status;
          box.querySelector(".verdict").className = "verdict " + data.status;
        }
      }
      renderResult(box, data, editor);
      announce(announcer, TERMINAL.includes(data.status) ? verdictSummary(data) : "Sigue en marcha: el resultado tarda más de lo normal.");
      box.dispatchEvent(new CustomEvent("result", { bubbles: true, detail: data }));
    } catch (error) {
      box.innerHTML = "";
      box.appendChild(el("p", { class: "error-line", text: "No se pudo ejecutar: " + error.message }));
      announce(announcer, "No se pudo ejecutar: " + error.message);
    } finally {
      if (source) source.close();
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  // Output as it is produced (server-sent events through Redis); the final result still comes from the API.
  function followLive(box, id, onFinished) {
    if (!window.EventSource) return null;
    const source = new EventSource("/api/submissions/" + id + "/events/");
    let pane = null;
    const append = (event) => {
      const data = JSON.parse(event.data);
      if (!pane) {
        pane = el("pre", { class: "output live-output", tabindex: "0", role: "region", "aria-label": "Salida en directo" });
        box.appendChild(pane);
      }
      if (pane.textContent.length < 65536) pane.appendChild(document.createTextNode(data.data));
      pane.scrollTop = pane.scrollHeight;
    };
    source.addEventListener("stdout", append);
    source.addEventListener("stderr", append);
    source.addEventListener("status", (event) => {
      const data = JSON.parse(event.data);
      const verdict = box.querySelector(".verdict");
      if (verdict && (data.status === "running" || data.status === "queued")) {
        verdict.textContent = LABELS[data.status];
        verdict.className = "verdict " + data.status;
      }
      if (TERMINAL.includes(data.status)) onFinished();
    });
    source.addEventListener("end", () => source.close());
    source.onerror = () => source.close();
    return source;
  }

  // Runnable blocks in the lesson text.
  document.querySelectorAll(".lesson-body .runnable").forEach((block) => {
    const button = el("button", { type: "button", class: "button small run-block", lang: "es", text: "Ejecutar" });
    // Results are written in Spanish whatever the interface language, and say so to screen readers.
    const box = el("div", { class: "result block-result", lang: "es" });
    const announcer = el("p", { class: "sr-only announcer", role: "status", "aria-live": "polite", "aria-atomic": "true", lang: "es" });
    block.after(button, box, announcer);
    button.addEventListener("click", () => {
      const code = block.querySelector("code").textContent;
      execute(box, { exercise: null, code: code, mode: "run" }, null, [button], announcer);
    });
  });

  // Quizzes: graded on the server at once; explanations come back with the verdict.
  document.querySelectorAll(".exercise.quiz").forEach((section) => {
    const form = section.querySelector(".quiz-form");
    const box = section.querySelector(".result");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      if (!signedIn) { window.location.href = loginUrl; return; }
      const answers = Array.from(form.querySelectorAll(".question")).map((fieldset) =>
        Array.from(fieldset.querySelectorAll("input:checked")).map((input) => Number(input.value)));
      try {
        const data = await api("/api/quiz-attempts/", { method: "POST", body: JSON.stringify({ exercise: section.dataset.exercise, answers: answers }) });
        // Explanations come only once the quiz is passed; before, only how many answers were right.
        form.querySelectorAll(".question").forEach((fieldset, i) => {
          const check = data.checks[i];
          const feedback = fieldset.querySelector(".question-feedback");
          feedback.textContent = "";
          feedback.className = "question-feedback";
          if (!check) return;
          feedback.className = "question-feedback ok";
          withCode(feedback, "✓ " + (check.message || "Correcto."));
        });
        box.innerHTML = "";
        const title = (LABELS[data.status] || data.status) + " · " + data.score + "/" + data.max_score + " puntos";
        box.appendChild(el("div", { class: "verdict " + data.status, text: title }));
        if (data.message) box.appendChild(el("p", { class: "quiz-message", text: data.message }));
        announce(section.querySelector(".announcer"), title + "." + (data.message ? " " + data.message : ""));
      } catch (error) {
        box.innerHTML = "";
        box.appendChild(el("p", { class: "error-line", text: error.message }));
        announce(section.querySelector(".announcer"), error.message);
      }
    });
  });

  // Exercises.
  document.querySelectorAll(".exercise:not(.quiz)").forEach((section) => {
    const textarea = section.querySelector(".editor");
    const box = section.querySelector(".result");
    const exerciseId = section.dataset.exercise;
    const buttons = Array.from(section.querySelectorAll("[data-action=run], [data-action=submit]"));
    let editor = null;
    const history = section.querySelector(".history");
    let historyLoaded = false;
    const code = () => (editor ? editor.getValue() : textarea.value);
    const gotoLine = (line) => (editor ? editor.focusLine(line) : jumpToLine(textarea, line));
    const send = (mode) => execute(box, {
      exercise: exerciseId, code: code(), mode: mode,
      idempotency_key: mode + "-" + Date.now() + "-" + Math.random().toString(36).slice(2),
    }, { jump: gotoLine }, buttons, section.querySelector(".announcer")).then(() => {
      historyLoaded = false;
      if (history && history.open) loadHistory();
    });

    let draftTimer = null;
    const saveDraft = () => {
      if (!signedIn) return;
      clearTimeout(draftTimer);
      draftTimer = setTimeout(() => {
        api("/api/exercises/" + exerciseId + "/draft/", { method: "PUT", body: JSON.stringify({ code: code() }) })
          .catch(() => { /* a lost draft save is retried on the next keystroke */ });
      }, 800);
    };
    if (window.PlatformEditor) {
      editor = window.PlatformEditor.create(textarea, { onRun: () => send("run"), onSubmit: () => send("submit"), onChange: saveDraft });
    } else {
      textarea.addEventListener("input", saveDraft);
      textarea.addEventListener("keydown", (event) => {
        if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) { event.preventDefault(); send("run"); }
        else if (event.key === "Enter" && event.shiftKey) { event.preventDefault(); send("submit"); }
      });
    }
    section.querySelector("[data-action=run]").addEventListener("click", () => send("run"));
    section.querySelector("[data-action=submit]").addEventListener("click", () => send("submit"));
    section.querySelector("[data-action=reset]").addEventListener("click", () => {
      if (!window.confirm("¿Volver al código inicial? Perderás lo que has escrito en el editor.")) return;
      if (editor) editor.setValue(section.dataset.starter); else textarea.value = section.dataset.starter;
      saveDraft();
    });

    const hint = section.querySelector("[data-action=hint]");
    if (hint) hint.addEventListener("click", async () => {
      if (!signedIn) { window.location.href = loginUrl; return; }
      const data = await api("/api/exercises/" + exerciseId + "/hints/", { method: "POST" });
      const list = section.querySelector(".hint-list");
      // Only the new hint is added, so the live list reads just that one.
      data.hints.slice(list.children.length).forEach((text) => list.appendChild(el("li", { text: text })));
      section.querySelector(".hint-count").textContent = data.hints.length;
      hint.disabled = data.hints.length >= data.total;
    });

    // The list is rebuilt only when it is open and out of date, so a keyboard user's focus is not pulled from it.
    async function loadHistory() {
      historyLoaded = true;
      if (!history) return;
      const rows = (await api("/api/submissions/?page_size=50&exercise=" + exerciseId)).results;
      const list = history.querySelector(".history-list");
      const hadFocus = list.contains(document.activeElement);
      list.innerHTML = "";
      if (!rows.length) { list.appendChild(el("p", { class: "meta", text: "Todavía no hay intentos." })); return; }
      const table = el("table", { class: "attempts" });
      table.appendChild(el("tr", {}, ["Fecha", "Modo", "Resultado", "Puntos", "Código"].map((h) => el("th", { scope: "col", text: h }))));
      rows.forEach((row) => {
        const open = el("button", { type: "button", class: "button small ghost", text: "Ver código" });
        open.addEventListener("click", () => showAttempt(row.id));
        table.appendChild(el("tr", {}, [
          el("td", { text: new Date(row.created_at).toLocaleString("es-ES") }),
          el("td", { text: row.mode === "submit" ? "Enviar" : "Ejecutar" }),
          el("td", { class: "verdict-cell " + row.status, text: LABELS[row.status] || row.status }),
          el("td", { text: row.max_score ? (row.score || 0) + "/" + row.max_score : "—" }),
          el("td", {}, [open]),
        ]));
      });
      list.appendChild(table);
      if (hadFocus) table.querySelector("button").focus();
    }
    async function showAttempt(id) {
      const data = await api("/api/submissions/" + id + "/");
      const list = history.querySelector(".history-list");
      const old = list.querySelector(".attempt-code");
      if (old) old.remove();
      const restore = el("button", { type: "button", class: "button small", text: "Restaurar este código en el editor" });
      restore.addEventListener("click", () => {
        if (editor) editor.setValue(data.code); else textarea.value = data.code;
        saveDraft();
      });
      list.appendChild(el("div", { class: "attempt-code" }, [
        el("p", { class: "meta", text: "Intento del " + new Date(data.created_at).toLocaleString("es-ES") + " (solo lectura)" }),
        el("pre", { class: "output", tabindex: "0", text: data.code }), restore]));
    }
    if (history) history.addEventListener("toggle", () => { if (history.open && !historyLoaded) loadHistory(); });
  });
})();
