//! The code editor of a runnable cell: a plain `<textarea>` (so the browser keeps doing what it
//! does well: caret, selection, undo, IME, screen readers) with transparent text over a
//! highlighted copy of the code, and a gutter of line numbers and marks.
//!
//! Alignment rests on layout, not on scroll syncing: the highlighted `<pre>` sizes the editing
//! area to the code, the textarea covers exactly that area (it never scrolls itself), and one
//! container scrolls both, the gutter staying at its left (`position: sticky`). Scrolling thus
//! re-renders nothing, and the code is highlighted once per change of the source.

mod text;

use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{HtmlDocument, HtmlTextAreaElement, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::cell::marks::{MarkKind, ParamSpan, SourceMark};
use crate::lesson::highlight_go;
use text::Edit;

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// DOM id prefix, unique per cell (the textarea is `{id}-code`).
    pub id: AttrValue,
    /// The exact source that runs; the textarea shows it whenever it changes.
    pub source: AttrValue,
    /// Compile errors and the panic line (1-based line, byte column).
    pub marks: Rc<Vec<SourceMark>>,
    /// Values written by sliders (byte ranges of `source`), empty once the code is edited.
    pub params: Rc<Vec<ParamSpan>>,
    /// The whole new text after each user edit; the parent passes it back as `source`.
    pub on_edit: Callback<String>,
    /// Ctrl/Cmd+Enter.
    pub on_run: Callback<()>,
}

fn kind_class(kind: MarkKind) -> &'static str {
    match kind {
        MarkKind::CompileError => "compile-error",
        MarkKind::Panic => "panic",
    }
}

fn kind_sign(kind: MarkKind) -> &'static str {
    match kind {
        MarkKind::CompileError => "✖",
        MarkKind::Panic => "⚠",
    }
}

fn kind_label(kind: MarkKind) -> &'static str {
    match kind {
        MarkKind::CompileError => "Erreur de compilation",
        MarkKind::Panic => "Panique",
    }
}

/// « ligne L, colonne C : message » (a panic's frame has no column: « ligne L : message »).
fn mark_text(mark: &SourceMark) -> String {
    if mark.column == 0 {
        format!("ligne {} : {}", mark.line, mark.message)
    } else {
        format!("ligne {}, colonne {} : {}", mark.line, mark.column, mark.message)
    }
}

fn mark_id(id: &str, index: usize) -> String {
    format!("{id}-marque-{index}")
}

fn html_document() -> Option<HtmlDocument> {
    web_sys::window()?.document()?.dyn_into::<HtmlDocument>().ok()
}

/// The selection in UTF-16 units, ordered and clamped to the text.
fn selection(textarea: &HtmlTextAreaElement, len: usize) -> (usize, usize) {
    let read = |v: Result<Option<u32>, _>| v.ok().flatten().map_or(0, |v| (v as usize).min(len));
    let (start, end) = (read(textarea.selection_start()), read(textarea.selection_end()));
    (start.min(end), start.max(end))
}

/// Makes `edit` as if typed: `execCommand("insertText")` keeps the browser's undo stack and
/// fires `input` (hence `on_edit`); where it is refused, the value is set and `on_edit` called.
fn apply(textarea: &HtmlTextAreaElement, edit: &Edit, on_edit: &Callback<String>) {
    let _ = textarea.set_selection_range(edit.start, edit.end);
    let done = html_document().is_some_and(|document| {
        let result = if edit.text.is_empty() {
            document.exec_command("delete")
        } else {
            document.exec_command_with_show_ui_and_value("insertText", false, &edit.text)
        };
        result.unwrap_or(false)
    });
    if !done {
        let units: Vec<u16> = textarea.value().encode_utf16().collect();
        let (start, end) = ((edit.start as usize).min(units.len()), (edit.end as usize).min(units.len()));
        let mut next = units[..start].to_vec();
        next.extend(edit.text.encode_utf16());
        next.extend_from_slice(&units[end.max(start)..]);
        textarea.set_value(&String::from_utf16_lossy(&next));
        on_edit.emit(textarea.value());
    }
    let _ = textarea.set_selection_range(edit.select.0, edit.select.1);
}

/// Shows `source` in the textarea if it differs (a slider, a reset), the caret keeping its place
/// relative to the text around it.
fn sync_value(textarea: &HtmlTextAreaElement, source: &str) {
    let old = textarea.value();
    if old == source {
        return;
    }
    let (old_units, new_units): (Vec<u16>, Vec<u16>) = (old.encode_utf16().collect(), source.encode_utf16().collect());
    let (start, end) = selection(textarea, old_units.len());
    textarea.set_value(source);
    let map = |pos| text::map_caret(&old_units, &new_units, pos) as u32;
    let _ = textarea.set_selection_range(map(start), map(end));
}

/// Focuses the textarea with the caret at `mark`, and scrolls the mark into view.
fn go_to(textarea: &HtmlTextAreaElement, mark: &SourceMark, target: Option<web_sys::Element>) {
    let value = textarea.value();
    let at = text::utf16_offset(&value, text::mark_offset(&value, mark));
    let _ = textarea.focus();
    let _ = textarea.set_selection_range(at, at);
    if let Some(target) = target {
        let options = ScrollIntoViewOptions::new();
        options.set_block(ScrollLogicalPosition::Nearest);
        options.set_inline(ScrollLogicalPosition::Nearest);
        target.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The highlighted code: one node per token, cut where parameter values and marks begin and end.
fn overlay(id: &str, source: &str, params: &[ParamSpan], marks: &[SourceMark]) -> Html {
    let tokens = highlight_go(source);
    let ranges: Vec<_> = marks.iter().map(|mark| text::mark_range(source, mark)).collect();
    let mut seen = vec![false; marks.len()];
    text::pieces(source, &tokens, params, &ranges)
        .into_iter()
        .map(|piece| {
            let slice = source.get(piece.range.clone()).unwrap_or_default().to_string();
            let mut node = if piece.class.is_empty() {
                html! { { slice } }
            } else {
                html! { <span class={piece.class}>{ slice }</span> }
            };
            if let Some((index, mark)) = piece.mark.and_then(|i| Some((i, marks.get(i)?))) {
                // The first piece of a mark carries the id that « aller à » scrolls to.
                let first = !std::mem::replace(&mut seen[index], true);
                let class = classes!("editor-mark", kind_class(mark.kind), piece.range.is_empty().then_some("eol"));
                node = html! { <span class={class} id={first.then(|| mark_id(id, index))}>{ node }</span> };
            }
            if let Some(param) = piece.param.and_then(|i| params.get(i)) {
                let class = if param.changed { "param-value changed" } else { "param-value" };
                let title = if param.changed { format!("{} (modifié)", param.param) } else { param.param.to_string() };
                node = html! { <mark class={class} title={title}>{ node }</mark> };
            }
            node
        })
        .collect()
}

#[component]
pub fn CodeEditor(props: &EditorProps) -> Html {
    let textarea = use_node_ref();
    // Escape releases the Tab trap until the next key: keyboard users can leave the editor.
    let escaped = use_mut_ref(|| false);
    // The source last shown in the textarea, and whether the user has edited it since: yew
    // yields to the browser between a long render and its effects, so a keystroke can land
    // before the effect that shows the source it was typed over. Until the parent passes
    // another source, the user's text stays.
    let shown = use_mut_ref(|| props.source.clone());
    let typed = use_mut_ref(|| false);

    {
        let (textarea, shown, typed) = (textarea.clone(), shown.clone(), typed.clone());
        use_effect_with(props.source.clone(), move |source| {
            if *typed.borrow() && *shown.borrow() == *source {
                return;
            }
            *typed.borrow_mut() = false;
            *shown.borrow_mut() = source.clone();
            if let Some(textarea) = textarea.cast::<HtmlTextAreaElement>() {
                sync_value(&textarea, source);
            }
        });
    }
    let edited = {
        let typed = typed.clone();
        use_callback(props.on_edit.clone(), move |text: String, on_edit| {
            *typed.borrow_mut() = true;
            on_edit.emit(text);
        })
    };

    let highlighted = use_memo(
        (props.id.clone(), props.source.clone(), props.params.clone(), props.marks.clone()),
        |(id, source, params, marks)| overlay(id, source, params, marks),
    );
    let lines = text::line_count(&props.source);
    let numbers = use_memo(lines, |lines| (1..=*lines).map(|n| n.to_string()).collect::<Vec<_>>().join("\n"));

    let oninput = use_callback(edited.clone(), |e: InputEvent, edited| {
        edited.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value());
    });
    let onkeydown = {
        let escaped = escaped.clone();
        use_callback((props.on_run.clone(), edited), move |e: KeyboardEvent, (on_run, edited)| {
            let was_escaped = escaped.replace(false);
            let key = e.key();
            if e.is_composing() {
                return;
            }
            if key == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                // The editor owns this key: the cell around it must not run the code again.
                e.stop_propagation();
                on_run.emit(());
                return;
            }
            // `}` may need AltGr (Ctrl+Alt on Windows): only Tab and Enter mind modifiers.
            let plain = !(e.ctrl_key() || e.alt_key() || e.meta_key());
            let textarea = e.target_unchecked_into::<HtmlTextAreaElement>();
            let units: Vec<u16> = textarea.value().encode_utf16().collect();
            let (start, end) = selection(&textarea, units.len());
            let edit = match key.as_str() {
                "Escape" => {
                    *escaped.borrow_mut() = true;
                    return;
                }
                "Tab" if plain && !was_escaped => {
                    e.prevent_default();
                    if e.shift_key() {
                        text::outdent(&units, start, end)
                    } else {
                        Some(text::indent(&units, start, end))
                    }
                }
                "Enter" if plain => Some(text::newline(&units, start, end)),
                "}" => text::close_brace(&units, start, end),
                _ => None,
            };
            if let Some(edit) = edit {
                e.prevent_default();
                apply(&textarea, &edit, edited);
            }
        })
    };
    let onblur = {
        let escaped = escaped.clone();
        use_callback((), move |_: FocusEvent, _| *escaped.borrow_mut() = false)
    };
    // The textarea is as large as its text, so it has nothing to scroll; should the browser
    // scroll it anyway (text typed ahead of the next render), it goes back under the overlay.
    let onscroll = use_callback((), |e: Event, _| {
        let textarea = e.target_unchecked_into::<HtmlTextAreaElement>();
        if textarea.scroll_top() != 0 || textarea.scroll_left() != 0 {
            textarea.set_scroll_top(0);
            textarea.set_scroll_left(0);
        }
    });
    let go_to_mark = {
        let textarea = textarea.clone();
        use_callback((props.id.clone(), props.marks.clone()), move |index: usize, (id, marks)| {
            if let (Some(textarea), Some(mark)) = (textarea.cast::<HtmlTextAreaElement>(), marks.get(index)) {
                let target =
                    web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(&mark_id(id, index)));
                go_to(&textarea, mark, target);
            }
        })
    };

    // One sign per marked line, for the first mark there; its tip lists them all.
    let mut by_line: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (index, mark) in props.marks.iter().enumerate() {
        by_line.entry(text::mark_line(&props.source, mark)).or_default().push(index);
    }
    let signs = by_line.into_iter().map(|(line, indexes)| {
        let kind = if indexes.iter().any(|&i| props.marks[i].kind == MarkKind::CompileError) {
            MarkKind::CompileError
        } else {
            MarkKind::Panic
        };
        let texts: Vec<String> = indexes.iter().map(|&i| mark_text(&props.marks[i])).collect();
        let label = format!("{} : {}", kind_label(kind), texts.join(" ; "));
        let first = indexes[0];
        let onclick = go_to_mark.reform(move |_: MouseEvent| first);
        html! {
            <button type="button" class={classes!("editor-sign", kind_class(kind))}
                    style={format!("--line: {}", line - 1)} aria-label={label} onclick={onclick}>
                <span aria-hidden="true">{ kind_sign(kind) }</span>
                <span class="editor-tip" aria-hidden="true">{ texts.join("\n") }</span>
            </button>
        }
    });
    let items = props.marks.iter().enumerate().map(|(index, mark)| {
        let onclick = go_to_mark.reform(move |_: MouseEvent| index);
        html! {
            <li class={kind_class(mark.kind)}>
                <span class="editor-marks-sign" aria-hidden="true">{ kind_sign(mark.kind) }</span>
                <button type="button" title={kind_label(mark.kind)} onclick={onclick}>{ mark_text(mark) }</button>
            </li>
        }
    });

    let code_id = format!("{}-code", props.id);
    let hint_id = format!("{}-aide", props.id);
    let has_errors = props.marks.iter().any(|m| m.kind == MarkKind::CompileError);
    html! {
        <div class="code-editor" id={props.id.clone()}>
            <div class="editor-scroll">
                <div class="editor-gutter">
                    <pre class="editor-lines" aria-hidden="true">{ (*numbers).clone() }</pre>
                    { for signs }
                </div>
                <div class="editor-area">
                    <pre class="editor-overlay" aria-hidden="true"><code translate="no">{ (*highlighted).clone() }</code></pre>
                    <textarea ref={textarea} id={code_id} class="editor-input" aria-label="Code Go"
                              aria-describedby={hint_id.clone()} aria-invalid={has_errors.then_some("true")}
                              defaultvalue={props.source.clone()}
                              spellcheck="false" autocapitalize="off" autocorrect="off" autocomplete="off"
                              wrap="off" translate="no"
                              {oninput} {onkeydown} {onblur} {onscroll} />
                </div>
            </div>
            <p class="editor-hint" id={hint_id}>
                { "Tab indente, Maj+Tab désindente, Échap puis Tab sort de l’éditeur, Ctrl+Entrée (⌘+Entrée) exécute." }
            </p>
            if !props.marks.is_empty() {
                <ul class="editor-marks" aria-label="Erreurs signalées dans le code">{ for items }</ul>
            }
        </div>
    }
}
